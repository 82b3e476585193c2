//! Leptos components. They read signals derived from the pure domain and hold no logic of
//! their own beyond wiring.

mod after_paint;
mod app;
pub mod catalogue;
pub mod charts;
mod common;
mod comparison;
mod contents;
mod controls;
mod dynamics;
pub mod exports;
mod goal;
mod import_csv;
mod import_preview;
pub mod imports;
mod kpis;
mod lazy;
pub mod library;
mod link;
mod overview;
pub mod present;
mod report;
pub mod saved_ui;
mod scenarios;
mod segments;
pub mod share;
mod slider;
mod startup;
pub mod state;
mod text;
pub mod tools;

pub use app::App;

/// Mounts the app on `<body>` at once, with the first screen's files already on their way
/// (`startup`).
pub fn start() {
    console_error_panic_hook::set_once();
    crate::browser::service_worker::register();
    let early_files = startup::start_first_files();
    // The static first screen (index.html) gives way to the app's own, same-height header.
    crate::browser::page::remove_boot_screen();
    leptos::mount::mount_to_body(move || leptos::view! { <App early_files=early_files/> });
}
