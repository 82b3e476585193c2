//! The pure domain: report schema, loading and validation, the bundled reports, the forecast
//! engine, the consistency checks and the reader's scenario. No web dependencies: everything
//! here is tested natively with `cargo test`.

/// The repo's reports compiled in: for native tests, benchmarks and tools only. The app
/// fetches reports as files (see `catalogue`); the wasm carries no report data.
#[cfg(any(test, not(target_arch = "wasm32")))]
pub mod bundled;
pub mod catalogue;
pub mod checks;
pub mod dev_date;
pub mod engine;
pub mod export;
pub mod first_screen;
pub mod format;
pub mod import;
pub mod imported;
pub mod imported_sync;
pub mod listed;
pub mod listing;
pub mod load;
pub mod plan;
pub mod present;
pub mod saved;
pub mod saved_journal;
pub mod scenario;
pub mod schema;
pub mod segment_table;
pub mod share;
pub mod validate;
