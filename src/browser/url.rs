//! The page URL's query: read on load, pushed (a history entry) when the reader moves to
//! another report or view, replaced (no entry) for every other change; Back and Forward are
//! reported to the app. Disabled where the page has no web origin (opened from disk), where
//! `pushState`/`replaceState` may be refused.

/// The query string without its leading '?'.
pub fn query() -> String {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .map(|s| s.trim_start_matches('?').to_string())
        .unwrap_or_default()
}

/// Replaces the query in place. Returns whether the URL was updated.
pub fn replace_query(query: &str) -> bool {
    write_query(query, false)
}

/// Adds a history entry with this query. Returns whether the URL was updated.
pub fn push_query(query: &str) -> bool {
    write_query(query, true)
}

/// Calls `f` when the reader goes Back or Forward within the page's own entries (the URL
/// already shows the entry's query). The listener lives as long as the returned value.
pub fn on_history_move(f: impl Fn() + 'static) -> Option<gloo_events::EventListener> {
    super::on_window("popstate", move |_| f())
}

/// Calls `f` when the page is being left (closed, reloaded, navigated away from: `pagehide`).
/// The listener lives as long as the returned value.
pub fn on_page_hide(f: impl Fn() + 'static) -> Option<gloo_events::EventListener> {
    super::on_window("pagehide", move |_| f())
}

fn write_query(query: &str, push: bool) -> bool {
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
    let current = window.location().search().unwrap_or_default();
    if push && current.trim_start_matches('?') == query {
        // Already there (a popped entry being tidied): no duplicate entry.
        return true;
    }
    let state = &wasm_bindgen::JsValue::NULL;
    if push {
        history.push_state_with_url(state, "", Some(&url)).is_ok()
    } else {
        history
            .replace_state_with_url(state, "", Some(&url))
            .is_ok()
    }
}

/// The full URL of the page (for copying a link).
pub fn href() -> String {
    web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default()
}
