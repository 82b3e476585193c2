//! Whether a box's content is larger than the box: a `ResizeObserver` (gloo has none) on the
//! box and on what it holds. A table's scroll box is a keyboard stop only while there is
//! something to scroll (`ui::common::TableScroll`).

use crate::browser::observer::Observing;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, ResizeObserver};

/// Calls `f(true)` when `element`'s content becomes wider (or taller) than it and `f(false)`
/// when it fits again; the first call comes soon after, with how it is now. Both the box (the window
/// narrows) and its first child (a table's columns widen with new figures) are watched.
/// `None` where the browser has no `ResizeObserver`.
pub fn watch_overflow(
    element: &Element,
    f: impl Fn(bool) + 'static,
) -> Option<Observing<ResizeObserver>> {
    let target = element.clone();
    let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |_: js_sys::Array| {
        // The content's own width, asked of the content: a box far off screen skips its
        // content's layout (`content-visibility: auto`), and its own scroll width would then
        // say it fits; asking the content lays it out.
        let content = target
            .first_element_child()
            .map_or(0, |child| child.scroll_width());
        // Taller counts too: a box not yet drawn is its placeholder's height, and until it is
        // drawn it may hold more than that (as accessibility checkers measure it).
        f(content.max(target.scroll_width()) > target.client_width()
            || target.scroll_height() > target.client_height());
    });
    let observer = ResizeObserver::new(callback.as_ref().unchecked_ref()).ok()?;
    observer.observe(element);
    if let Some(child) = element.first_element_child() {
        observer.observe(&child);
    }
    Some(Observing::new(observer, callback))
}
