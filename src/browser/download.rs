//! Downloads, the clipboard, and chart export (SVG, PNG at twice the pixel ratio).
//! Everything is created from data in the page: no request leaves it (blob: URLs only).

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

fn document() -> Option<web_sys::Document> {
    web_sys::window().and_then(|w| w.document())
}

/// Offers `bytes` as a file named `name`.
pub fn download_blob(name: &str, blob: &web_sys::Blob) -> Result<(), String> {
    let doc = document().ok_or("no document")?;
    let url = web_sys::Url::create_object_url_with_blob(blob)
        .map_err(|_| "cannot create a download URL")?;
    let a: web_sys::HtmlAnchorElement = doc
        .create_element("a")
        .map_err(|_| "cannot create a link")?
        .unchecked_into();
    a.set_href(&url);
    a.set_download(name);
    a.set_rel("noopener");
    if let Some(body) = doc.body() {
        let _ = body.append_child(&a);
        a.click();
        a.remove();
    }
    // Revoke after the click has been handled.
    let revoke = Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    if let Some(w) = web_sys::window() {
        let _ =
            w.set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 1000);
    }
    Ok(())
}

/// Offers a text file (CSV, JSON, SVG) for download.
pub fn download_text(name: &str, mime: &str, text: &str) -> Result<(), String> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts)
        .map_err(|_| "cannot create the file")?;
    download_blob(name, &blob)
}

/// Copies text to the clipboard; where the Clipboard API is unavailable (file: pages, older
/// browsers) falls back to selecting it in a temporary field and `execCommand("copy")`.
/// Returns whether the copy went through (the caller shows the link to copy by hand if not).
pub async fn copy_text(text: &str) -> bool {
    if let Some(w) = web_sys::window() {
        let clipboard = w.navigator().clipboard();
        if !clipboard.is_undefined() && crate::browser::has_web_origin() {
            if wasm_bindgen_futures::JsFuture::from(clipboard.write_text(text))
                .await
                .is_ok()
            {
                return true;
            }
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
    let v: Vec<f64> = view_box
        .split_whitespace()
        .filter_map(|x| x.parse().ok())
        .collect();
    let (w, h) = (
        v.get(2).copied().unwrap_or(800.0),
        v.get(3).copied().unwrap_or(400.0),
    );
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
    Some(root.outer_html())
}

/// Renders an SVG string to a PNG at twice its size and offers it for download.
pub fn download_png(name: &str, svg: &str) -> Result<(), String> {
    let doc = document().ok_or("no document")?;
    let parts = js_sys::Array::of1(&JsValue::from_str(svg));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type("image/svg+xml");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts)
        .map_err(|_| "cannot create the image")?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)
        .map_err(|_| "cannot create the image URL")?;
    let img = web_sys::HtmlImageElement::new().map_err(|_| "cannot create the image")?;
    let (img2, url2, name) = (img.clone(), url.clone(), name.to_string());
    let onload = Closure::once_into_js(move || {
        let (w, h) = (img2.natural_width().max(1), img2.natural_height().max(1));
        let canvas: Option<web_sys::HtmlCanvasElement> = doc
            .create_element("canvas")
            .ok()
            .map(|c| c.unchecked_into());
        if let Some(canvas) = canvas {
            canvas.set_width(w * 2);
            canvas.set_height(h * 2);
            if let Ok(Some(ctx)) = canvas.get_context("2d") {
                let ctx: web_sys::CanvasRenderingContext2d = ctx.unchecked_into();
                let _ = ctx.scale(2.0, 2.0);
                let _ = ctx.draw_image_with_html_image_element(&img2, 0.0, 0.0);
                let name2 = name.clone();
                let done = Closure::once_into_js(move |blob: JsValue| {
                    if let Ok(blob) = blob.dyn_into::<web_sys::Blob>() {
                        let _ = download_blob(&name2, &blob);
                    }
                });
                let _ = canvas.to_blob(done.unchecked_ref());
            }
        }
        let _ = web_sys::Url::revoke_object_url(&url2);
    });
    img.set_onload(Some(onload.unchecked_ref()));
    img.set_src(&url);
    Ok(())
}
