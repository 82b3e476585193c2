//! The browser edges, in one place: things that talk to the browser rather than render.

pub mod download;
pub mod fetch;
pub mod files;
pub mod observer;
pub mod overflow;
pub mod page;
pub mod prefs;
pub mod service_worker;
pub mod storage;
pub mod timers;
pub mod url;
pub mod visibility;

/// The page's URL scheme ("http:", "https:", "file:"); empty when unknown.
pub fn protocol() -> String {
    web_sys::window()
        .and_then(|w| w.location().protocol().ok())
        .unwrap_or_default()
}

/// Whether the page has a usable origin for service workers, history and storage keyed by
/// origin (a page opened from disk does not).
pub fn has_web_origin() -> bool {
    matches!(protocol().as_str(), "http:" | "https:")
}

/// Calls `f` with each `event` the window sends; listening stops when the returned listener
/// drops. `None` without a window.
pub fn on_window(
    event: &'static str,
    f: impl Fn(&web_sys::Event) + 'static,
) -> Option<gloo_events::EventListener> {
    let window = web_sys::window()?;
    Some(gloo_events::EventListener::new(&window, event, f))
}

/// Milliseconds since 1970 by this device's clock.
pub fn now_ms() -> u64 {
    js_sys::Date::now() as u64
}

/// Today in the reader's time zone, as YYYY-MM-DD (dates on exports and saved scenarios).
pub fn today() -> String {
    let d = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date()
    )
}
