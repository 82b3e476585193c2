//! The document's own description of itself: `document.title` (tab, history, bookmarks) and
//! `<meta name="description">` (link previews, search). `<html lang>` is kept by `prefs`.

fn document() -> Option<web_sys::Document> {
    web_sys::window().and_then(|w| w.document())
}

/// Sets the page title, when it differs (writing it again would touch the history entry).
pub fn set_title(title: &str) {
    if let Some(d) = document() {
        if d.title() != title {
            d.set_title(title);
        }
    }
}

/// Sets the content of `<meta name="description">` (index.html has one).
pub fn set_description(text: &str) {
    if let Some(meta) = document().and_then(|d| {
        d.query_selector("meta[name=\"description\"]")
            .ok()
            .flatten()
    }) {
        if meta.get_attribute("content").as_deref() != Some(text) {
            let _ = meta.set_attribute("content", text);
        }
    }
}

/// Removes the static first screen of index.html (header and loading state shown before the
/// wasm ran, or a report's first screen drawn at build time): the app's own header takes its
/// place, at the same height, and the app's nodes, hidden while a report's first screen was
/// shown (`html.first-screen`), show.
pub fn remove_boot_screen() {
    use wasm_bindgen::JsCast;
    let Some(d) = document() else {
        return;
    };
    // The program stopped while a first screen stood in front of it (public/boot.js says why
    // in its place): the reason stays.
    if d.document_element()
        .is_some_and(|root| root.class_list().contains("cannot-start"))
    {
        return;
    }
    let mut focused_id = None;
    if let Some(boot) = d.get_element_by_id("boot") {
        // A reader who tabbed into a first screen drawn at build time keeps their place: the
        // app's element of the same id (the screen's ids are the app's, prefixed) takes focus.
        focused_id = d
            .active_element()
            .filter(|e| boot.contains(Some(e)))
            .and_then(|e| e.id().strip_prefix("first-").map(str::to_string));
        boot.remove();
    }
    if let Some(root) = d.document_element() {
        let _ = root.class_list().remove_1(FIRST_SCREEN_CLASS);
    }
    if let Some(el) = focused_id
        .and_then(|id| d.get_element_by_id(&id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

/// On `<html>` while the page shows a report's first screen drawn at build time: the app's
/// nodes are hidden until it takes the page over (style/main.css).
const FIRST_SCREEN_CLASS: &str = "first-screen";

/// The report's first screen, drawn at build time (scripts/first-screens.mjs), that the page
/// shows now (public/boot.js put it in `#boot`).
pub fn first_screen() -> Option<crate::domain::first_screen::DrawnScreen> {
    let d = document()?;
    d.document_element()?
        .class_list()
        .contains(FIRST_SCREEN_CLASS)
        .then_some(())?;
    let article = d
        .query_selector("#boot article[data-first-hash]")
        .ok()
        .flatten()?;
    Some(crate::domain::first_screen::DrawnScreen {
        report: article.get_attribute("data-first-report")?,
        drawn_from: article.get_attribute("data-first-hash")?,
    })
}

/// Calls `f` just before the page prints (the browser's menu, Ctrl+P, or [`print`]). The
/// listener lives as long as the returned value.
pub fn on_before_print(f: impl Fn() + 'static) -> Option<gloo_events::EventListener> {
    super::on_window("beforeprint", move |_| f())
}

/// Prints the page (the Print button). What listens for `beforeprint` hears it first, in this
/// task, and the print dialog opens in the next one: a part redrawn in answer (a chart off
/// screen taking the data a slider just gave it, `ui::seen`) is then on the printed page. From
/// inside `window.print()` the browser's own `beforeprint` runs while this task is still on
/// the stack, so no redraw could land before the page is laid out for paper.
pub fn print() {
    let Some(window) = web_sys::window() else {
        return;
    };
    if let Ok(event) = web_sys::Event::new("beforeprint") {
        let _ = window.dispatch_event(&event);
    }
    super::timers::after_detached(0, move || {
        let _ = window.print();
    });
}

/// Marks `<html>` as presenting (the CSS shows one view per screen in large type).
pub fn set_presenting(on: bool) {
    if let Some(html) = document().and_then(|d| d.document_element()) {
        if on {
            let _ = html.set_attribute("data-present", "");
        } else {
            let _ = html.remove_attribute("data-present");
        }
    }
}

/// Whether the page is in full screen now.
pub fn is_fullscreen() -> bool {
    document()
        .and_then(|d| js_sys::Reflect::get(&d, &"fullscreenElement".into()).ok())
        .is_some_and(|e| !e.is_null() && !e.is_undefined())
}

/// Asks for full screen (the Fullscreen API, called from the reader's click). Resolves to
/// whether the browser agreed; a browser without the API, or one that refuses (a frame
/// without permission, a policy), answers `false` and the presentation fills the window.
pub async fn enter_fullscreen() -> bool {
    use wasm_bindgen::JsCast;
    let Some(html) = document().and_then(|d| d.document_element()) else {
        return false;
    };
    let Some(request) = js_sys::Reflect::get(&html, &"requestFullscreen".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
    else {
        return false;
    };
    match request.call0(&html) {
        Ok(p) => match p.dyn_into::<js_sys::Promise>() {
            Ok(p) => wasm_bindgen_futures::JsFuture::from(p).await.is_ok(),
            Err(_) => is_fullscreen(),
        },
        Err(_) => false,
    }
}

/// Leaves full screen if the page is in it (failures are harmless: nothing to leave).
pub fn exit_fullscreen() {
    use wasm_bindgen::JsCast;
    if !is_fullscreen() {
        return;
    }
    if let Some(d) = document() {
        if let Some(exit) = js_sys::Reflect::get(&d, &"exitFullscreen".into())
            .ok()
            .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        {
            if let Ok(p) = exit.call0(&d) {
                if let Ok(p) = p.dyn_into::<js_sys::Promise>() {
                    // A rejected exit (already left) must not surface as an uncaught rejection.
                    wasm_bindgen_futures::spawn_local(async move {
                        let _ = wasm_bindgen_futures::JsFuture::from(p).await;
                    });
                }
            }
        }
    }
}

/// Calls `f` whenever the page enters or leaves full screen (Esc, F11, the browser's button).
pub fn on_fullscreen_change(f: impl Fn() + 'static) -> Option<gloo_events::EventListener> {
    let d = document()?;
    Some(gloo_events::EventListener::new(
        &d,
        "fullscreenchange",
        move |_| f(),
    ))
}
