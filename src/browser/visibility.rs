//! Whether an element is on screen, or near it: an `IntersectionObserver` (gloo has none).
//! What the reader cannot see may follow a moving slider once it rests instead of at every
//! step (`ui::seen`).

use crate::browser::observer::Observing;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{IntersectionObserver, IntersectionObserverEntry, IntersectionObserverInit};

/// Calls `f(true)` when `element` comes within `margin` (a CSS margin around the viewport,
/// such as "50% 0px") of the screen and `f(false)` when it leaves; the first call comes soon
/// after, with where it is now. `None` where the browser has no `IntersectionObserver`.
pub fn watch_on_screen(
    element: &web_sys::Element,
    margin: &str,
    f: impl Fn(bool) + 'static,
) -> Option<Observing<IntersectionObserver>> {
    let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
        // Entries come in time order: the last says where the element is now.
        if let Some(last) = entries
            .iter()
            .filter_map(|e| e.dyn_into::<IntersectionObserverEntry>().ok())
            .next_back()
        {
            f(last.is_intersecting());
        }
    });
    let init = IntersectionObserverInit::new();
    init.set_root_margin(margin);
    let observer =
        IntersectionObserver::new_with_options(callback.as_ref().unchecked_ref(), &init).ok()?;
    observer.observe(element);
    Some(Observing::new(observer, callback))
}
