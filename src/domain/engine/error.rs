//! Why an engine computation could not give a number. The UI turns these into messages; no
//! engine function returns NaN or infinity, and none panics.

use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum EngineError {
    /// A growth rate of −100% or less (the value would vanish or change sign).
    RateAtOrBelowMinusOne(f64),
    /// A starting or target value that is zero or negative where growth needs a positive one.
    NonPositiveValue(f64),
    /// NaN or ±infinity given as input.
    NonFinite,
    /// A fit or allocation with nothing to work on.
    Empty,
    /// Zero periods where at least one is needed.
    ZeroHorizon,
    /// Reported values in fewer different years than a fit needs.
    NotEnoughPoints { needed: usize, found: usize },
    /// The bounds contradict each other: no growth path satisfies them all.
    Infeasible,
    /// The target cannot be reached at that rate (e.g. growth ≤ 0 towards a higher target).
    Unreachable,
    /// The result would overflow to infinity or underflow to zero.
    OutOfRange,
}

impl fmt::Display for EngineError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EngineError::RateAtOrBelowMinusOne(r) => {
                write!(
                    f,
                    "a growth rate of {:.1}% is not possible (must be above −100%)",
                    r * 100.0
                )
            }
            EngineError::NonPositiveValue(v) => write!(f, "the value {v} must be above zero"),
            EngineError::NonFinite => write!(f, "a number is missing or not finite"),
            EngineError::Empty => write!(f, "there is nothing to compute from"),
            EngineError::ZeroHorizon => write!(f, "the horizon must be at least one period"),
            EngineError::NotEnoughPoints { needed, found } => {
                write!(
                    f,
                    "needs reported values in {needed} different years, found {found}"
                )
            }
            EngineError::Infeasible => write!(f, "the bounds contradict each other"),
            EngineError::Unreachable => write!(f, "the target is not reached at this rate"),
            EngineError::OutOfRange => write!(f, "the result is too large or too small to show"),
        }
    }
}

impl std::error::Error for EngineError {}

pub type EngineResult<T> = Result<T, EngineError>;

/// Rejects NaN and infinities.
pub fn finite(x: f64) -> EngineResult<f64> {
    if x.is_finite() {
        Ok(x)
    } else {
        Err(EngineError::NonFinite)
    }
}

/// A rate above −100%.
pub fn growth_rate(r: f64) -> EngineResult<f64> {
    let r = finite(r)?;
    if r <= -1.0 {
        Err(EngineError::RateAtOrBelowMinusOne(r))
    } else {
        Ok(r)
    }
}

/// A value above zero.
pub fn positive(x: f64) -> EngineResult<f64> {
    let x = finite(x)?;
    if x <= 0.0 {
        Err(EngineError::NonPositiveValue(x))
    } else {
        Ok(x)
    }
}

/// A computed result that must be finite and, for growth, positive.
pub fn result(x: f64) -> EngineResult<f64> {
    if x.is_finite() && x > 0.0 {
        Ok(x)
    } else {
        Err(EngineError::OutOfRange)
    }
}
