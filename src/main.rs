//! Browser entry point. The app only runs on wasm32; a native build of this binary does nothing
//! (the domain is exercised natively by `cargo test`).

fn main() {
    #[cfg(target_arch = "wasm32")]
    report_explorer::ui::start();
}
