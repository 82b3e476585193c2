//! Leptos components. They read signals derived from the pure domain and hold no logic of
//! their own beyond wiring.

mod app;
mod common;
mod library;
mod overview;
pub mod state;

pub use app::App;

/// Mounts the app on `<body>`.
pub fn start() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(App);
}
