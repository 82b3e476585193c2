//! Timers on gloo-timers, plus the next animation frame, for the browser edges and the views.
//!
//! Callback style: [`after`] returns gloo's [`Timeout`], which cancels when dropped (keep it
//! to be able to cancel, e.g. in a `StoredValue`); [`after_detached`] is fire-and-forget.
//! Async style: [`sleep`], [`yield_now`] and [`next_frame`], to `.await` inside
//! `leptos::task::spawn_local`. None of these panics where the page has no window: timers are
//! global functions, and [`next_frame`] resolves at once without a window.

pub use gloo_timers::callback::Timeout;
use gloo_timers::future::TimeoutFuture;

/// Runs `f` once, `ms` milliseconds from now. Dropping the returned [`Timeout`] cancels it;
/// call `.cancel()` to cancel explicitly or `.forget()` to let it run regardless.
pub fn after(ms: u32, f: impl FnOnce() + 'static) -> Timeout {
    Timeout::new(ms, f)
}

/// Runs `f` once, `ms` milliseconds from now, with no way to cancel it.
pub fn after_detached(ms: u32, f: impl FnOnce() + 'static) {
    // The timer's id is only useful for clearTimeout, which this variant never offers.
    let _ = Timeout::new(ms, f).forget();
}

/// Resolves `ms` milliseconds from now. Dropping the future before then cancels the timer.
pub async fn sleep(ms: u32) {
    TimeoutFuture::new(ms).await
}

/// Gives the browser a turn (input, rendering) before continuing: a zero timeout, which
/// browsers clamp to about 4 ms when timers nest. For long computations done in chunks.
pub async fn yield_now() {
    TimeoutFuture::new(0).await
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
