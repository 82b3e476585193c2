//! The pure domain: report schema, loading and validation, the bundled reports, the forecast
//! engine, the consistency checks and the reader's scenario. No web dependencies: everything
//! here is tested natively with `cargo test`.

pub mod bundled;
pub mod checks;
pub mod decode;
pub mod engine;
pub mod export;
pub mod format;
pub mod json;
pub mod json_write;
pub mod load;
pub mod saved;
pub mod scenario;
pub mod schema;
pub mod share;
pub mod validate;
