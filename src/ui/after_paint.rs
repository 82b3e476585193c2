//! Parts of a view that can follow its first screen: rendered in the task after the page has
//! painted, so what the reader sees first (a load's first chart) does not wait for them.

use leptos::prelude::*;

/// Turns true once the page has painted what it holds now (from the next task after the next
/// frame; a hidden tab paints no frames, so there it waits until the tab is shown).
pub fn after_first_paint() -> ReadSignal<bool> {
    let (painted, set_painted) = signal(false);
    leptos::task::spawn_local(async move {
        crate::browser::timers::after_next_paint().await;
        // The view may be gone by then.
        set_painted.try_set(true);
    });
    painted
}
