//! A flag that a browser observer keeps on an element: whether it is on screen
//! (`ui::seen`), whether a table box has more than it shows (`ui::common::TableScroll`).

use leptos::html::ElementType;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// A flag that `watch`, started on `node`'s element once it is in the page, keeps up to date;
/// `true` until the watcher first reports (and where the browser cannot watch). The watcher
/// lives as long as the flag's owner.
pub fn watched_flag<E, W>(
    node: NodeRef<E>,
    watch: impl Fn(&web_sys::Element, Box<dyn Fn(bool)>) -> Option<W> + 'static,
) -> ReadSignal<bool>
where
    E: ElementType,
    E::Output: JsCast + Clone + 'static,
    W: 'static,
{
    let (flag, set_flag) = signal(true);
    let watching = StoredValue::new_local(None);
    Effect::new(move |_| {
        let Some(element) = node.get() else { return };
        let report = move |now: bool| {
            // Written only on a change: a report that repeats the flag wakes nothing.
            if flag.try_get_untracked() != Some(now) {
                set_flag.try_set(now);
            }
        };
        watching.set_value(watch(element.unchecked_ref(), Box::new(report)));
    });
    flag
}
