//! Compound growth. Computed as `exp(n · ln_1p(r))`, which stays accurate for small rates and
//! long horizons where `(1 + r).powf(n)` loses digits.

use super::error::{finite, growth_rate, positive, result, EngineError, EngineResult};

/// The growth factor `(1 + r)^n` for a rate above −100% and any finite `n` (negative `n`
/// discounts back in time).
pub fn growth_factor(rate: f64, periods: f64) -> EngineResult<f64> {
    let rate = growth_rate(rate)?;
    let periods = finite(periods)?;
    result((periods * rate.ln_1p()).exp())
}

/// Future value of `present` after `periods` at `rate` (Excel's `FV(rate, n, 0, -pv)`).
pub fn compound(present: f64, rate: f64, periods: f64) -> EngineResult<f64> {
    let present = positive(present)?;
    result(present * growth_factor(rate, periods)?)
}

/// The compound rate that turns `present` into `future` over `periods` (Excel's `RRI`).
pub fn rri(periods: f64, present: f64, future: f64) -> EngineResult<f64> {
    let periods = finite(periods)?;
    if periods == 0.0 {
        return Err(EngineError::ZeroHorizon);
    }
    let present = positive(present)?;
    let future = positive(future)?;
    let rate = ((future / present).ln() / periods).exp_m1();
    // Over very short horizons a huge ratio can overflow; a finite rate above −1 is the contract.
    let rate = finite(rate)?;
    if rate <= -1.0 {
        return Err(EngineError::OutOfRange);
    }
    Ok(rate)
}

/// The value in `year` of a path anchored at `anchor_value` in `anchor_year` growing at `rate`
/// per year: a forecast after the anchor, a back-cast before it.
pub fn value_at(anchor_year: i32, anchor_value: f64, rate: f64, year: i32) -> EngineResult<f64> {
    compound(anchor_value, rate, f64::from(year - anchor_year))
}

/// The yearly path from `from` to `to` (inclusive) anchored at `anchor_year`.
pub fn path(
    anchor_year: i32,
    anchor_value: f64,
    rate: f64,
    from: i32,
    to: i32,
) -> EngineResult<Vec<(i32, f64)>> {
    if from > to {
        return Err(EngineError::Empty);
    }
    (from..=to)
        .map(|y| value_at(anchor_year, anchor_value, rate, y).map(|v| (y, v)))
        .collect()
}

/// Implied vs stated growth between two values: the rate the endpoints imply, and what the
/// stated rate compounds the start into.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GrowthComparison {
    pub stated: f64,
    pub implied: f64,
    /// `start × (1 + stated)^n`: where the stated rate would land.
    pub stated_end: f64,
    pub reported_end: f64,
}

pub fn compare_stated(
    start: f64,
    end: f64,
    periods: f64,
    stated: f64,
) -> EngineResult<GrowthComparison> {
    Ok(GrowthComparison {
        stated: growth_rate(stated)?,
        implied: rri(periods, start, end)?,
        stated_end: compound(start, stated, periods)?,
        reported_end: positive(end)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn smartphone_headline_stated_vs_implied() {
        let c = compare_stated(2.5, 6.1, 7.0, 0.13).unwrap();
        assert!((c.implied - 0.13587).abs() < 1e-4, "{}", c.implied);
        assert!((c.stated_end - 5.88).abs() < 0.005, "{}", c.stated_end);
    }

    #[test]
    fn back_cast_divides() {
        let v = value_at(2025, 2.5, 0.25, 2024).unwrap();
        assert!((v - 2.0).abs() < 1e-12);
    }

    #[test]
    fn bad_inputs_are_errors() {
        assert_eq!(
            compound(1.0, -1.0, 3.0),
            Err(EngineError::RateAtOrBelowMinusOne(-1.0))
        );
        assert_eq!(
            compound(0.0, 0.1, 3.0),
            Err(EngineError::NonPositiveValue(0.0))
        );
        assert_eq!(compound(f64::NAN, 0.1, 3.0), Err(EngineError::NonFinite));
        assert_eq!(rri(0.0, 1.0, 2.0), Err(EngineError::ZeroHorizon));
        assert_eq!(compound(1e300, 10.0, 1000.0), Err(EngineError::OutOfRange));
        assert_eq!(path(2025, 1.0, 0.1, 2030, 2020), Err(EngineError::Empty));
    }
}
