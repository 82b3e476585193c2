//! Downloads, the clipboard, and chart export (SVG, PNG at twice the pixel ratio). Everything is created from data in the page: no request leaves
//! it (blob: URLs only).
//!
//! Blobs, object URLs and file reading are gloo-file ([`Blob`], [`ObjectUrl`], which revokes
//! its URL when the last clone drops), timers gloo-timers, listeners
//! gloo-events. The rest stays on web-sys because gloo has nothing for it: the download link,
//! the clipboard (and its `execCommand` fallback), computed styles, the canvas and `toBlob`.

use crate::domain::export::ExportFailure;
use std::cell::RefCell;
use std::rc::Rc;

use gloo_events::EventListener;
use gloo_file::{Blob, ObjectUrl};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

fn document() -> Option<web_sys::Document> {
    web_sys::window().and_then(|w| w.document())
}

/// How long a download's object URL outlives the click that starts it.
const REVOKE_AFTER_MS: u32 = 1000;

/// Offers `blob` as a file named `name`.
pub fn download_blob(name: &str, blob: &web_sys::Blob) -> Result<(), ExportFailure> {
    let doc = document().ok_or(ExportFailure::NoPage)?;
    let body = doc.body().ok_or(ExportFailure::NoPage)?;
    let a: web_sys::HtmlAnchorElement = doc
        .create_element("a")
        .map_err(|_| ExportFailure::NoPage)?
        .unchecked_into();
    let url = ObjectUrl::from(blob.clone());
    a.set_href(&url);
    a.set_download(name);
    a.set_rel("noopener");
    body.append_child(&a).map_err(|_| ExportFailure::NoPage)?;
    a.click();
    a.remove();
    // Dropping `url` revokes it: keep it until the click has been handled.
    super::timers::after_detached(REVOKE_AFTER_MS, move || drop(url));
    Ok(())
}

/// Offers a text file (CSV, JSON, SVG) for download.
pub fn download_text(name: &str, mime: &str, text: &str) -> Result<(), ExportFailure> {
    let blob = Blob::new_with_options(text, Some(mime));
    download_blob(name, blob.as_ref())
}

/// Copies text to the clipboard; where the Clipboard API is unavailable (file: pages, older
/// browsers) falls back to selecting it in a temporary field and `execCommand("copy")`.
/// Returns whether the copy went through (the caller shows the link to copy by hand if not).
pub async fn copy_text(text: &str) -> bool {
    if let Some(w) = web_sys::window() {
        let clipboard = w.navigator().clipboard();
        if !clipboard.is_undefined()
            && crate::browser::has_web_origin()
            && wasm_bindgen_futures::JsFuture::from(clipboard.write_text(text))
                .await
                .is_ok()
        {
            return true;
        }
    }
    copy_with_selection(text)
}

fn copy_with_selection(text: &str) -> bool {
    let Some(doc) = document() else { return false };
    let Ok(el) = doc.create_element("textarea") else {
        return false;
    };
    let area: web_sys::HtmlTextAreaElement = el.unchecked_into();
    area.set_value(text);
    let _ = area.set_attribute("readonly", "");
    let _ = area.set_attribute("class", "offscreen");
    let Some(body) = doc.body() else { return false };
    let _ = body.append_child(&area);
    area.select();
    let ok = doc
        .dyn_ref::<web_sys::HtmlDocument>()
        .and_then(|d| d.exec_command("copy").ok())
        .unwrap_or(false);
    area.remove();
    ok
}

const SVG_NS: &str = "http://www.w3.org/2000/svg";

/// The presentation properties an exported SVG needs, copied from computed styles so the
/// file looks like the page without its stylesheet.
const STYLE_PROPS: [&str; 11] = [
    "fill",
    "fill-opacity",
    "stroke",
    "stroke-width",
    "stroke-dasharray",
    "stroke-linejoin",
    "stroke-linecap",
    "opacity",
    "font-size",
    "font-family",
    "text-anchor",
];

/// What an exported chart carries besides the drawing.
pub struct ExportInfo<'a> {
    pub title: &'a str,
    pub source: &'a str,
    pub scenario: &'a str,
    pub date: &'a str,
    /// Shown when the reader changed any assumption.
    pub modified_mark: Option<&'a str>,
}

/// A standalone SVG of the chart `figure[data-chart=name]`, with styles inlined and a header
/// (title, source, scenario and date, the modified mark) above the drawing.
pub fn chart_svg(name: &str, info: &ExportInfo) -> Option<String> {
    let doc = document()?;
    let window = web_sys::window()?;
    let svg = doc
        .query_selector(&format!("figure[data-chart=\"{name}\"] svg"))
        .ok()??;
    let clone: web_sys::Element = svg.clone_node_with_deep(true).ok()?.unchecked_into();
    // Inline computed styles, element by element (the clone mirrors the original's order).
    let originals = svg.query_selector_all("*").ok()?;
    let copies = clone.query_selector_all("*").ok()?;
    for i in 0..originals.length() {
        let (Some(o), Some(c)) = (originals.item(i), copies.item(i)) else {
            continue;
        };
        let (Some(o), Some(c)) = (
            o.dyn_ref::<web_sys::Element>(),
            c.dyn_ref::<web_sys::Element>(),
        ) else {
            continue;
        };
        if let Ok(Some(style)) = window.get_computed_style(o) {
            for p in STYLE_PROPS {
                if let Ok(v) = style.get_property_value(p) {
                    if !v.is_empty() {
                        let _ = c.set_attribute(p, &v);
                    }
                }
            }
        }
        let _ = c.remove_attribute("class");
        let _ = c.remove_attribute("tabindex");
    }
    let view_box = svg
        .get_attribute("viewBox")
        .unwrap_or_else(|| "0 0 800 400".into());
    let (w, h) = crate::chart::view_box::view_box_size(&view_box);
    let header = 64.0;
    let root = doc.create_element_ns(Some(SVG_NS), "svg").ok()?;
    let _ = root.set_attribute("xmlns", SVG_NS);
    let _ = root.set_attribute(
        "viewBox",
        &format!("0 {} {w} {}", -header, h + header + 24.0),
    );
    let _ = root.set_attribute("width", &format!("{w}"));
    let _ = root.set_attribute("height", &format!("{}", h + header + 24.0));
    let text =
        |x: f64, y: f64, size: &str, weight: &str, content: &str| -> Option<web_sys::Element> {
            let t = doc.create_element_ns(Some(SVG_NS), "text").ok()?;
            for (k, val) in [
                ("x", format!("{x}")),
                ("y", format!("{y}")),
                ("font-size", size.into()),
                ("font-weight", weight.into()),
                ("font-family", "system-ui, sans-serif".into()),
                ("fill", "#1d1f23".into()),
            ] {
                let _ = t.set_attribute(k, &val);
            }
            t.set_text_content(Some(content));
            Some(t)
        };
    let bg = doc.create_element_ns(Some(SVG_NS), "rect").ok()?;
    for (k, val) in [
        ("x", "0".to_string()),
        ("y", format!("{}", -header)),
        ("width", format!("{w}")),
        ("height", format!("{}", h + header + 24.0)),
        ("fill", "#ffffff".into()),
    ] {
        let _ = bg.set_attribute(k, &val);
    }
    let _ = root.append_child(&bg);
    for t in [
        text(8.0, -header + 20.0, "16", "700", info.title),
        text(
            8.0,
            -header + 40.0,
            "12",
            "400",
            &format!("{} · {} · {}", info.scenario, info.date, info.source),
        ),
        info.modified_mark
            .and_then(|m| text(8.0, -header + 56.0, "12", "700", m)),
    ]
    .into_iter()
    .flatten()
    {
        let _ = root.append_child(&t);
    }
    let g = doc.create_element_ns(Some(SVG_NS), "g").ok()?;
    while let Some(child) = clone.first_child() {
        let _ = g.append_child(&child);
    }
    let _ = root.append_child(&g);
    // As XML: an SVG file is read by XML parsers, and HTML's serialiser writes "&nbsp;" for a
    // no-break space ("US$2.5 bn"), an entity XML does not know (the file would not open).
    web_sys::XmlSerializer::new()
        .ok()?
        .serialize_to_string(&root)
        .ok()
}

/// What a PNG export holds until its image has loaded or failed: the SVG's object URL
/// (revoked on drop) and the load and error listeners (removed on drop). Whichever event comes
/// first empties it, which also ends the listeners' reference cycle through it.
type PendingImage = Rc<RefCell<Option<(ObjectUrl, [EventListener; 2])>>>;

/// Renders an SVG string to a PNG at twice its size and offers it for download.
pub fn download_png(name: &str, svg: &str) -> Result<(), ExportFailure> {
    let doc = document().ok_or(ExportFailure::NoPage)?;
    let img = web_sys::HtmlImageElement::new().map_err(|_| ExportFailure::NoPage)?;
    let url = ObjectUrl::from(Blob::new_with_options(svg, Some("image/svg+xml")));
    let pending: PendingImage = Rc::default();
    let on_load = {
        let (pending, img, name) = (pending.clone(), img.clone(), name.to_string());
        move |_: &web_sys::Event| {
            let held = pending.borrow_mut().take();
            draw_and_download(&doc, &img, name);
            drop(held);
        }
    };
    let on_error = {
        let pending = pending.clone();
        move |_: &web_sys::Event| {
            let held = pending.borrow_mut().take();
            drop(held);
        }
    };
    let listeners = [
        EventListener::once(&img, "load", on_load),
        EventListener::once(&img, "error", on_error),
    ];
    let src = url.to_string();
    *pending.borrow_mut() = Some((url, listeners));
    img.set_src(&src);
    Ok(())
}

/// Draws the loaded image on a canvas at twice its size and downloads the canvas as a PNG.
fn draw_and_download(doc: &web_sys::Document, img: &web_sys::HtmlImageElement, name: String) {
    let (w, h) = (img.natural_width().max(1), img.natural_height().max(1));
    let Some(canvas) = doc
        .create_element("canvas")
        .ok()
        .and_then(|c| c.dyn_into::<web_sys::HtmlCanvasElement>().ok())
    else {
        return;
    };
    canvas.set_width(w * 2);
    canvas.set_height(h * 2);
    let Some(ctx) = canvas
        .get_context("2d")
        .ok()
        .flatten()
        .and_then(|c| c.dyn_into::<web_sys::CanvasRenderingContext2d>().ok())
    else {
        return;
    };
    let _ = ctx.scale(2.0, 2.0);
    let _ = ctx.draw_image_with_html_image_element(img, 0.0, 0.0);
    // toBlob calls back with the PNG, or null when the canvas cannot be encoded.
    let done = Closure::once_into_js(move |blob: JsValue| {
        if let Ok(blob) = blob.dyn_into::<web_sys::Blob>() {
            let _ = download_blob(&name, &blob);
        }
    });
    let _ = canvas.to_blob(done.unchecked_ref());
}
