//! Report Explorer: market-research reports explored in the browser.
//!
//! `domain` is plain Rust (tested with `cargo test`); `ui` and `browser` exist only on wasm32.

pub mod domain;

#[cfg(target_arch = "wasm32")]
pub mod browser;
#[cfg(target_arch = "wasm32")]
pub mod ui;
