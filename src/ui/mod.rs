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
mod export_run;
pub mod exports;
mod first_screen;
mod goal;
mod import_csv;
mod import_preview;
pub mod imports;
mod kpis;
mod language;
mod lazy;
pub mod library;
mod link;
mod overview;
pub mod present;
mod report;
pub mod saved_ui;
mod scenarios;
mod seen;
mod segments;
pub mod share;
mod slider;
mod startup;
pub mod state;
mod text;
pub mod tools;
mod watched;

pub use app::App;
pub use startup::Start;

/// Mounts the app on `<body>` (at once, or once a Chinese interface has its texts), with the
/// first screen's files already on their way (`startup`).
pub fn start() {
    console_error_panic_hook::set_once();
    crate::browser::service_worker::register();
    let start = startup::Start::begin();
    // English is in this module: the app mounts at once (behind a first screen drawn at build
    // time, in the next task: `first_screen`). A Chinese interface first waits for
    // its texts (a chunk, fetched beside the first files), so it never renders in English
    // first; if they do not come, it starts in English and says so (`language`).
    let mut texts = Box::pin(language::fetch_start_texts(start.wanted));
    if !first_screen::shown() && lazy::ready_now(texts.as_mut()).is_some() {
        mount(start);
    } else {
        wasm_bindgen_futures::spawn_local(async move {
            texts.await;
            first_screen::yield_while_shown().await;
            mount(start);
        });
    }
}

fn mount(start: startup::Start) {
    // The static first screen (index.html) gives way to the app's own, same-height header. A
    // report's first screen drawn at build time stays until the app has drawn that report.
    if !first_screen::shown() {
        first_screen::take_over();
    }
    leptos::mount::mount_to_body(move || leptos::view! { <App start=start/> });
}

/// The interface's own `messages!` enums, each given `$install` (see `i18n::languages`).
macro_rules! every_ui_message {
    ($install:ident) => {{
        app::ShellMsg::$install();
        charts::frame::ChartMsg::$install();
        common::CommonMsg::$install();
        comparison::CmpMsg::$install();
        dynamics::DynMsg::$install();
        exports::ExportMsg::$install();
        language::LanguageMsg::$install();
        lazy::ChunkMsg::$install();
        saved_ui::SavedMsg::$install();
        scenarios::ScenMsg::$install();
        segments::SegMsg::$install();
    }};
}

/// Installs the interface's 简体中文 texts (part of `i18n::languages::install_hans`).
pub fn install_hans() {
    every_ui_message!(install_hans);
}

/// Installs the interface's 繁體中文 texts (part of `i18n::languages::install_hant`).
pub fn install_hant() {
    every_ui_message!(install_hant);
}
