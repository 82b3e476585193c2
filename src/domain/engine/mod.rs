//! The forecast engine: pure functions over numbers, each returning an error value rather than
//! NaN, infinity or a panic. `model` ties them to a report and a scenario.

pub mod allocate;
pub mod compare;
pub mod error;
pub mod fit;
pub mod goal_seek;
pub mod growth;
pub mod mc_input;
pub mod model;
pub mod monte_carlo;
pub mod sensitivity;
pub mod target;

pub use error::{EngineError, EngineResult};
