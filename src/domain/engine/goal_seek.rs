//! Goal seek on compound growth: which rate, which start, or how many periods reach a target.
//! All three have closed forms, so no iteration (and no convergence to worry about).

use super::error::{finite, growth_rate, positive, result, EngineError, EngineResult};
use super::growth::{growth_factor, rri};

/// The rate per period that takes `start` to `target` in `periods`.
pub fn rate_to_reach(start: f64, target: f64, periods: u32) -> EngineResult<f64> {
    if periods == 0 {
        return Err(EngineError::ZeroHorizon);
    }
    rri(f64::from(periods), start, target)
}

/// What reaching a target from `start` takes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Need {
    /// The start is already at or past the target: no growth is needed (never a negative
    /// rate read as "needed").
    AlreadyReached,
    /// This rate per period.
    Rate(f64),
}

/// What takes `start` to `target` in `periods`: nothing when it is already there, else the
/// rate (a start at or above a positive target has reached it).
pub fn need_to_reach(start: f64, target: f64, periods: u32) -> EngineResult<Need> {
    let start = positive(start)?;
    let target = positive(target)?;
    if start >= target {
        return Ok(Need::AlreadyReached);
    }
    rate_to_reach(start, target, periods).map(Need::Rate)
}

/// The start that reaches `target` in `periods` at `rate`.
pub fn start_to_reach(target: f64, rate: f64, periods: u32) -> EngineResult<f64> {
    if periods == 0 {
        return Err(EngineError::ZeroHorizon);
    }
    let target = positive(target)?;
    result(target / growth_factor(rate, f64::from(periods))?)
}

/// When a target is first reached.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Reach {
    /// Exact (fractional) number of periods.
    pub exact: f64,
    /// The first whole period at whose end the target is met.
    pub whole: u32,
}

/// How many periods `start` needs at `rate` to reach `target`.
pub fn periods_to_reach(start: f64, target: f64, rate: f64) -> EngineResult<Reach> {
    let start = positive(start)?;
    let target = positive(target)?;
    let rate = growth_rate(rate)?;
    if target <= start {
        return Ok(Reach {
            exact: 0.0,
            whole: 0,
        });
    }
    if rate <= 0.0 {
        return Err(EngineError::Unreachable);
    }
    let exact = finite((target / start).ln() / rate.ln_1p())?;
    let mut whole = exact.ceil();
    // ceil of a value a hair above an integer because of rounding: accept the integer if it meets the target.
    if whole - 1.0 >= 0.0 && start * growth_factor(rate, whole - 1.0)? >= target * (1.0 - 1e-12) {
        whole -= 1.0;
    }
    if whole > f64::from(u32::MAX) {
        return Err(EngineError::OutOfRange);
    }
    Ok(Reach {
        exact,
        whole: whole as u32,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn three_million_users_in_36_months() {
        // 30^(1/36) − 1 = 0.09908466 (RRI(36, 100000, 3000000) in a spreadsheet).
        let r = rate_to_reach(100_000.0, 3_000_000.0, 36).unwrap();
        assert!((r - 0.0990847).abs() < 1e-7, "{r}");
        let s = start_to_reach(3_000_000.0, 0.10, 36).unwrap();
        assert!((s - 97_047.55).abs() < 0.01, "{s}");
        let n = periods_to_reach(100_000.0, 3_000_000.0, 0.10).unwrap();
        assert_eq!(n.whole, 36);
        let n = periods_to_reach(100_000.0, 3_000_000.0, 0.08).unwrap();
        assert_eq!(n.whole, 45);
    }

    #[test]
    fn a_target_already_passed_needs_no_rate() {
        // US$2.5 bn in 2025 and a target of US$2 bn: reached, not "−3% a year".
        assert_eq!(need_to_reach(2.5, 2.0, 7), Ok(Need::AlreadyReached));
        assert_eq!(need_to_reach(2.5, 2.5, 7), Ok(Need::AlreadyReached));
        match need_to_reach(2.5, 5.0, 7) {
            Ok(Need::Rate(r)) => assert!((r - (2f64.powf(1.0 / 7.0) - 1.0)).abs() < 1e-12),
            other => panic!("{other:?}"),
        }
        assert_eq!(need_to_reach(2.5, 5.0, 0), Err(EngineError::ZeroHorizon));
    }

    #[test]
    fn exact_powers_are_not_rounded_up() {
        let n = periods_to_reach(1.0, 8.0, 1.0).unwrap();
        assert_eq!(n.whole, 3);
    }

    #[test]
    fn impossible_goals_are_errors() {
        assert_eq!(
            periods_to_reach(10.0, 20.0, 0.0),
            Err(EngineError::Unreachable)
        );
        assert_eq!(
            periods_to_reach(10.0, 20.0, -0.1),
            Err(EngineError::Unreachable)
        );
        assert_eq!(rate_to_reach(10.0, 20.0, 0), Err(EngineError::ZeroHorizon));
        assert_eq!(
            start_to_reach(0.0, 0.1, 3),
            Err(EngineError::NonPositiveValue(0.0))
        );
        assert_eq!(periods_to_reach(10.0, 5.0, 0.1).unwrap().whole, 0);
    }
}
