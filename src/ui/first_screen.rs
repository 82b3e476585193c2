//! A report link's first screen, drawn at build time (scripts/first-screens.mjs) and shown by
//! public/boot.js while the program downloads. The app mounts behind it, hidden, and takes the
//! page over once it has drawn that report's first screen itself, or once it knows it will not
//! (the report failed to open, the link went elsewhere, the report's file has changed since the
//! screen was drawn): in one frame, so the reader sees no loading state in between.

use crate::browser::page;
use leptos::prelude::*;

/// Whether the app's own page shows (no first screen in front of it), for what must wait until
/// a reader can see it: provided by the app, set by [`take_over`].
#[derive(Clone, Copy)]
pub struct AppShown(RwSignal<bool>);

impl AppShown {
    /// Provides it to the app: true once a first screen in front has gone ([`take_over`]), or,
    /// without one, once the app's first frame has painted (a live region must be in the page
    /// before what it announces: one mounted with its text is not announced).
    pub fn provide() -> Signal<bool> {
        let app_shown = RwSignal::new(false);
        provide_context(AppShown(app_shown));
        if !shown() {
            leptos::task::spawn_local(async move {
                crate::browser::timers::after_next_paint().await;
                // (A no-op if the app is gone.)
                app_shown.set(true);
            });
        }
        app_shown.into()
    }
}

/// Whether the page shows a first screen drawn at build time (the app then mounts hidden).
pub fn shown() -> bool {
    page::first_screen().is_some()
}

/// The app takes the page over: the first screen (drawn at build time or static) goes and the
/// app's own nodes show. Does nothing once done.
pub fn take_over() {
    let screen_in_front = shown();
    page::remove_boot_screen();
    if screen_in_front && !shown() {
        if let Some(AppShown(app_shown)) = use_context::<AppShown>() {
            app_shown.set(true);
        }
    }
}

/// Takes the page over unless the first screen shown is `report`'s, drawn from the file whose
/// content hash is `hash` (`None`: not known yet, so any first screen of `report` stays).
pub fn keep_only(report: &str, hash: Option<&str>) {
    if page::first_screen().is_some_and(|screen| !screen.still_shows(report, hash)) {
        take_over();
    }
}

/// Lets the browser run other tasks first while a first screen drawn at build time stands in
/// front of the app: the app's work behind it (the program's start and mount, reading the
/// report and drawing it) is then several shorter tasks instead of a few long ones, which the
/// page answers input between, and the reader sees the same screen throughout. Without such a
/// screen, at once (a pause would show the app's loading state for a frame longer).
pub async fn yield_while_shown() {
    if shown() {
        crate::browser::timers::yield_to_input().await;
    }
}
