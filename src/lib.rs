//! Report Explorer: market-research reports explored in the browser.
//!
//! - `domain`: plain Rust (schema, validation, engine, checks, scenario, formatting), tested
//!   natively with `cargo test`.
//! - `i18n`: every interface string in three languages, also plain Rust.
//! - `ui` (Leptos components) and `browser` (storage, URL, downloads) exist only on wasm32.

pub mod chart;
pub mod domain;
pub mod i18n;

#[cfg(target_arch = "wasm32")]
pub mod browser;
#[cfg(target_arch = "wasm32")]
pub mod ui;
