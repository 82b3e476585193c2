//! A browser observer (`IntersectionObserver`, `ResizeObserver`; gloo has neither) held with
//! the callback it calls, so the two live and die together: dropping it stops the watching.

use wasm_bindgen::prelude::*;
use web_sys::{IntersectionObserver, ResizeObserver};

/// An observer that can stop.
pub trait Disconnect {
    fn disconnect_all(&self);
}

impl Disconnect for IntersectionObserver {
    fn disconnect_all(&self) {
        self.disconnect();
    }
}

impl Disconnect for ResizeObserver {
    fn disconnect_all(&self) {
        self.disconnect();
    }
}

/// Watching with `observer`; stops when dropped.
pub struct Observing<O: Disconnect> {
    observer: O,
    // The observer calls this; it lives as long as the observer.
    _callback: Closure<dyn FnMut(js_sys::Array)>,
}

impl<O: Disconnect> Observing<O> {
    /// `observer`, made with `callback`, held with it.
    pub fn new(observer: O, callback: Closure<dyn FnMut(js_sys::Array)>) -> Self {
        Observing {
            observer,
            _callback: callback,
        }
    }
}

impl<O: Disconnect> Drop for Observing<O> {
    fn drop(&mut self) {
        self.observer.disconnect_all();
    }
}
