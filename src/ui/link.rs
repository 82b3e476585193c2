//! Links that stay links (`<a href>`: a new tab, a copy, a middle click work as on any page)
//! while a plain click is handled in place, without loading the page again.

use leptos::ev::MouseEvent;

/// Whether a click on a link is handled in place: the primary button with no modifier key.
/// Then the browser's navigation is prevented; any other click (new tab, new window,
/// download) is left to the browser.
pub fn in_place(ev: &MouseEvent) -> bool {
    let plain =
        ev.button() == 0 && !(ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key());
    if plain {
        ev.prevent_default();
    }
    plain
}
