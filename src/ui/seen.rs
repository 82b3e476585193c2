//! What the reader cannot see follows a moving slider once it rests. A chart or table below
//! the fold drew every step of a slider the reader is dragging above it: on the Scenarios view
//! that was about a quarter of an input's script. [`seen_ticks`] says when a part should take
//! its data again: at once while its element is on screen (or within half a screen of it);
//! otherwise once the data has stayed still for [`OFF_SCREEN_REST_MS`], when the element
//! comes into view, or when the page is about to print (every part is on paper).

use crate::browser::page::on_before_print;
use crate::browser::timers::Debounce;
use crate::browser::visibility::watch_on_screen;
use crate::ui::watched::watched_flag;
use leptos::html::ElementType;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// How near the screen counts as seen: half a screen above and below, so a part scrolled to
/// is already up to date.
const NEAR: &str = "50% 0px";

/// How long data stays still before a part off screen takes it: longer than the gap between
/// a reader's key presses, so tapping an arrow key redraws only what is on screen.
pub const OFF_SCREEN_REST_MS: u32 = 400;

/// A counter that moves when the part in `node` should read its data again, after `track`'s
/// signals (the data) changed. The part reads the counter and its data untracked.
pub fn seen_ticks<E>(node: NodeRef<E>, track: impl Fn() + 'static) -> ReadSignal<u32>
where
    E: ElementType,
    E::Output: JsCast + Clone + 'static,
{
    ticks(on_screen(node), Box::new(track))
}

fn ticks(seen: ReadSignal<bool>, track: Box<dyn Fn()>) -> ReadSignal<u32> {
    let (ticks, set_ticks) = signal(0u32);
    // Changed data not yet taken (off screen).
    let behind = StoredValue::new(false);
    let take = move || {
        if behind.try_get_value() == Some(true) {
            behind.set_value(false);
            set_ticks.update(|t| *t = t.wrapping_add(1));
        }
    };
    let wait = Debounce::default();
    let later = wait.clone();
    // A render effect starts tracking at once, before the part first reads its data, so a
    // change made right after the part was built is not missed (an `Effect`'s first run comes a
    // tick later). It lives as long as the part's owner keeps the stored value.
    let following = RenderEffect::new(move |ran: Option<()>| {
        track();
        // The first run only starts tracking: the part draws its data when it is made.
        if ran.is_none() {
            return;
        }
        behind.set_value(true);
        if seen.get_untracked() {
            take();
        } else {
            later.after(OFF_SCREEN_REST_MS, take);
        }
    });
    StoredValue::new_local(following);
    let catch_up = move || {
        wait.cancel();
        take();
    };
    let printing = on_before_print(catch_up.clone());
    StoredValue::new_local(printing);
    Effect::new(move |_| {
        if seen.get() {
            catch_up();
        }
    });
    ticks
}

/// Whether `node`'s element is on screen or near it; true until the browser says otherwise
/// (and where it cannot say).
fn on_screen<E>(node: NodeRef<E>) -> ReadSignal<bool>
where
    E: ElementType,
    E::Output: JsCast + Clone + 'static,
{
    watched_flag(node, |element, report| {
        watch_on_screen(element, NEAR, report)
    })
}
