//! The page URL's query: read on load, replaced (no history entry) as the state changes.
//! Disabled where the page has no web origin (opened from disk), where `replaceState` may be
//! refused.

/// The query string without its leading '?'.
pub fn query() -> String {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .map(|s| s.trim_start_matches('?').to_string())
        .unwrap_or_default()
}

/// Replaces the query in place. Returns whether the URL was updated.
pub fn replace_query(query: &str) -> bool {
    if !super::has_web_origin() {
        return false;
    }
    let Some(window) = web_sys::window() else {
        return false;
    };
    let Ok(history) = window.history() else {
        return false;
    };
    let path = window.location().pathname().unwrap_or_default();
    let url = if query.is_empty() {
        path
    } else {
        format!("{path}?{query}")
    };
    history
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
        .is_ok()
}

/// The full URL of the page (for copying a link).
pub fn href() -> String {
    web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default()
}
