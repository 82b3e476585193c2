//! The pure domain: report schema, loading and validation, the bundled reports, the forecast
//! engine, the consistency checks and the reader's scenario. No web dependencies: everything
//! here is tested natively with `cargo test`.

pub mod bundled;
pub mod checks;
pub mod decode;
pub mod engine;
pub mod format;
pub mod json;
pub mod load;
pub mod scenario;
pub mod schema;
pub mod validate;
