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
/// wasm ran): the app's own header takes its place, at the same height.
pub fn remove_boot_screen() {
    if let Some(boot) = document().and_then(|d| d.get_element_by_id("boot")) {
        boot.remove();
    }
}
