//! Timers on gloo-timers, plus the next animation frame, for the browser edges and the views.
//!
//! [`after_detached`] is a fire-and-forget timeout (gloo's `Timeout`); [`Debounce`] a timeout
//! that the next one replaces; [`next_frame`],
//! [`after_next_paint`] and [`yield_to_input`] are to `.await` inside
//! `leptos::task::spawn_local`; the frame ones resolve at once without a window.

use gloo_timers::callback::Timeout;
use std::cell::RefCell;
use std::rc::Rc;

/// Runs `f` once, `ms` milliseconds from now, with no way to cancel it.
pub fn after_detached(ms: u32, f: impl FnOnce() + 'static) {
    // The timer's id is only useful for clearTimeout, which this variant never offers.
    let _ = Timeout::new(ms, f).forget();
}

/// A timeout that the next one replaces: [`Debounce::after`] cancels the one still pending, so
/// only the last call's `f` runs, `ms` after that call. The pending one is cancelled when the
/// last clone drops (with the effect or view that holds it).
#[derive(Clone, Default)]
pub struct Debounce(Rc<RefCell<Option<Timeout>>>);

impl Debounce {
    pub fn after(&self, ms: u32, f: impl FnOnce() + 'static) {
        // Dropping the replaced `Timeout` clears it.
        *self.0.borrow_mut() = Some(Timeout::new(ms, f));
    }

    /// Cancels the pending call, if any.
    pub fn cancel(&self) {
        self.0.borrow_mut().take();
    }
}

/// Resolves just before the next repaint (`requestAnimationFrame`). Browsers pause frames in
/// background tabs, so this waits until the tab is shown again; where there is no window, or
/// the browser refuses the request, it resolves at once.
pub async fn next_frame() {
    // gloo-timers has no animation frames; a promise resolved by the frame callback needs no
    // Rust closure (nothing to keep alive or leak).
    let Some(window) = web_sys::window() else {
        return;
    };
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        if window.request_animation_frame(&resolve).is_err() {
            let _ = resolve.call0(&wasm_bindgen::JsValue::UNDEFINED);
        }
    });
    // The promise never rejects.
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Resolves in a later task (a zero timeout): input events that arrived meanwhile run first.
pub async fn yield_to_input() {
    gloo_timers::future::TimeoutFuture::new(0).await;
}

/// Resolves in the first task after the next frame has been painted: a zero timeout queued from
/// the frame's callback runs once that frame's rendering is done.
pub async fn after_next_paint() {
    next_frame().await;
    yield_to_input().await;
}
