//! The growth rate of a published path, fitted to every year's evidence.
//!
//! The published path starts at its anchor (the last exact value the source gives) and grows at
//! one rate, so the fitted line is `ln v = ln v_a + b·(t − t_a)` with one unknown, the slope
//! `b`, and **the path is the fitted line**: whatever the fit honours, the path honours.
//!
//! Every other year the source speaks of enters the least squares once, in log space:
//! - a reported value at its value;
//! - an interval `[lo, hi)` ("900多": at least 900, below 1000) at its middle, `√(lo·hi)`;
//! - a one-sided bound ("1000以上", "突破80万") at its value, the only figure the source gives
//!   for that year (a cautious reading: the truth may lie anywhere beyond it).
//!
//! Bounds and intervals are also hard limits. Each confines `b` to a half-line, so together
//! they leave one interval of slopes: the rates the evidence allows ([`GrowthFit::slowest`],
//! [`GrowthFit::fastest`]). The objective is a parabola in `b`, so the constrained optimum is
//! the unconstrained one clamped to that interval: exact, in closed form, for any number of
//! points. An interval's upper end is treated as a limit the line may reach but not pass.

use super::error::{positive, EngineError, EngineResult};
use crate::domain::schema::BoundSide;

/// What the source says about one year's value.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Evidence {
    /// A reported value.
    Value(f64),
    /// At least this ("以上", "突破", "over").
    AtLeast(f64),
    /// At most this.
    AtMost(f64),
    /// At least the first and below the second ("900多": 900 to 1000).
    Between(f64, f64),
}

impl Evidence {
    /// The value the fit uses for this year.
    pub fn fit_value(self) -> f64 {
        match self {
            Evidence::Value(v) | Evidence::AtLeast(v) | Evidence::AtMost(v) => v,
            Evidence::Between(lo, hi) => (lo * hi).sqrt(),
        }
    }

    /// The lower and upper limits the path must keep to, if any.
    pub fn limits(self) -> (Option<f64>, Option<f64>) {
        match self {
            Evidence::Value(_) => (None, None),
            Evidence::AtLeast(lo) => (Some(lo), None),
            Evidence::AtMost(hi) => (None, Some(hi)),
            Evidence::Between(lo, hi) => (Some(lo), Some(hi)),
        }
    }
}

/// One year's evidence.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Observation {
    pub year: i32,
    pub evidence: Evidence,
}

/// One end of the range of rates the evidence allows, and the limit that sets it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RateLimit {
    pub rate: f64,
    pub year: i32,
    /// The limit's value, and whether it is a floor (`Lower`) or a ceiling (`Upper`) there.
    pub value: f64,
    pub side: BoundSide,
}

#[derive(Debug, Clone, PartialEq)]
pub struct GrowthFit {
    /// Compound annual rate of the fitted line (and of the published path).
    pub rate: f64,
    pub anchor_year: i32,
    pub anchor_value: f64,
    /// The least-squares rate before the limits: equal to `rate` unless a limit binds.
    pub trend_rate: f64,
    /// The slowest rate at which the path keeps every limit; `None`: no limit from below.
    pub slowest: Option<RateLimit>,
    /// The fastest such rate; `None`: no limit from above.
    pub fastest: Option<RateLimit>,
    /// The limit the trend was moved to, when the trend alone would break it.
    pub binding: Option<RateLimit>,
    /// The evidence the fit used, by year (the anchor excluded).
    pub observations: Vec<Observation>,
}

impl GrowthFit {
    /// The fitted line (the published path) in `year`.
    pub fn value_at(&self, year: i32) -> EngineResult<f64> {
        super::growth::value_at(self.anchor_year, self.anchor_value, self.rate, year)
    }
}

/// Fits the rate of a path through `anchor_value` in `anchor_year` to `observations`.
pub fn fit_growth(
    anchor_year: i32,
    anchor_value: f64,
    observations: &[Observation],
) -> EngineResult<GrowthFit> {
    let ya = positive(anchor_value)?.ln();
    let (mut num, mut den) = (0.0, 0.0);
    // The slope's limits: (b, limit) — the largest lower and the smallest upper.
    let mut low: Option<(f64, RateLimit)> = None;
    let mut high: Option<(f64, RateLimit)> = None;
    let mut used = Vec::new();
    for o in observations {
        let fit_value = match o.evidence {
            Evidence::Value(v) | Evidence::AtLeast(v) | Evidence::AtMost(v) => positive(v)?,
            Evidence::Between(lo, hi) => {
                if positive(lo)? > positive(hi)? {
                    return Err(EngineError::Infeasible);
                }
                o.evidence.fit_value()
            }
        };
        let dt = f64::from(o.year - anchor_year);
        if o.year == anchor_year {
            // Evidence about the anchor's own year can only agree with it or contradict it.
            let (lo, hi) = o.evidence.limits();
            if lo.is_some_and(|lo| anchor_value < lo) || hi.is_some_and(|hi| anchor_value > hi) {
                return Err(EngineError::Infeasible);
            }
            continue;
        }
        used.push(*o);
        num += (fit_value.ln() - ya) * dt;
        den += dt * dt;
        let (lo, hi) = o.evidence.limits();
        for (limit, side) in [(lo, BoundSide::Lower), (hi, BoundSide::Upper)] {
            let Some(value) = limit else { continue };
            // ya + b·dt ≥ ln lo  (floor) or  ≤ ln hi  (ceiling): a bound on b whose direction
            // flips before the anchor (dt < 0).
            let b = (value.ln() - ya) / dt;
            if !b.exp_m1().is_finite() {
                return Err(EngineError::OutOfRange);
            }
            let l = RateLimit {
                rate: b.exp_m1(),
                year: o.year,
                value,
                side,
            };
            let raises = (side == BoundSide::Lower) == (dt > 0.0);
            let slot = if raises { &mut low } else { &mut high };
            let tighter = match slot {
                None => true,
                Some((current, _)) => {
                    if raises {
                        b > *current
                    } else {
                        b < *current
                    }
                }
            };
            if tighter {
                *slot = Some((b, l));
            }
        }
    }
    if den <= 0.0 {
        return Err(EngineError::NotEnoughPoints {
            needed: 2,
            found: 1,
        });
    }
    let trend = num / den;
    let b_lo = low.map_or(f64::NEG_INFINITY, |l| l.0);
    let b_hi = high.map_or(f64::INFINITY, |l| l.0);
    if b_lo > b_hi {
        return Err(EngineError::Infeasible);
    }
    let (b, binding) = if trend < b_lo {
        (b_lo, low.map(|l| l.1))
    } else if trend > b_hi {
        (b_hi, high.map(|l| l.1))
    } else {
        (trend, None)
    };
    let rate = b.exp_m1();
    let trend_rate = trend.exp_m1();
    if !(rate.is_finite() && rate > -1.0 && trend_rate.is_finite()) {
        return Err(EngineError::OutOfRange);
    }
    Ok(GrowthFit {
        rate,
        anchor_year,
        anchor_value,
        trend_rate,
        slowest: low.map(|l| l.1),
        fastest: high.map(|l| l.1),
        binding,
        observations: used,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rep(year: i32, value: f64) -> Observation {
        Observation {
            year,
            evidence: Evidence::Value(value),
        }
    }
    fn lower(year: i32, value: f64) -> Observation {
        Observation {
            year,
            evidence: Evidence::AtLeast(value),
        }
    }

    #[test]
    fn call_center_evidence_gives_a_trend_within_its_bounds() {
        let obs = [
            rep(2011, 701.0),
            Observation {
                year: 2013,
                evidence: Evidence::Between(900.0, 1000.0),
            },
            lower(2014, 1000.0),
        ];
        let fit = fit_growth(2012, 826.0, &obs).unwrap();
        let ln = |v: f64| (v / 826.0).ln();
        let b = (-ln(701.0) + ln(948.683_298_050_513_8) + 2.0 * ln(1000.0)) / 6.0;
        assert!((fit.rate - b.exp_m1()).abs() < 1e-12, "{}", fit.rate);
        assert_eq!(fit.binding, None);
        assert_eq!(fit.rate, fit.trend_rate);
        // 826 → 1000 over two years, and 826 → 1000 in one: the rates the bounds allow.
        let slowest = fit.slowest.unwrap();
        assert!((slowest.rate - ((1000.0f64 / 826.0).sqrt() - 1.0)).abs() < 1e-12);
        assert_eq!((slowest.year, slowest.side), (2014, BoundSide::Lower));
        let fastest = fit.fastest.unwrap();
        assert!((fastest.rate - (1000.0 / 826.0 - 1.0)).abs() < 1e-12);
        assert_eq!((fastest.year, fastest.side), (2013, BoundSide::Upper));
        assert!(fit.value_at(2013).unwrap() >= 900.0 && fit.value_at(2013).unwrap() <= 1000.0);
        assert!(fit.value_at(2014).unwrap() >= 1000.0);
    }

    #[test]
    fn a_binding_lower_bound_raises_the_line_and_the_path_keeps_it() {
        // Reported growth of 5% a year, but the source says 2014 was over 1,300.
        let fit = fit_growth(2012, 1050.0, &[rep(2011, 1000.0), lower(2014, 1300.0)]).unwrap();
        assert_eq!(fit.binding.map(|b| b.year), Some(2014));
        assert!(fit.trend_rate < fit.rate);
        // The path is the fitted line: it meets the bound it was raised for.
        assert!((fit.value_at(2014).unwrap() - 1300.0).abs() < 1e-9);
        assert!((fit.rate - ((1300.0f64 / 1050.0).sqrt() - 1.0)).abs() < 1e-12);
    }

    #[test]
    fn a_floor_before_the_anchor_caps_the_rate() {
        // At least 1000 in 2010 with 1100 in 2012: growth of at most √1.1 − 1 a year.
        let fit = fit_growth(2012, 1100.0, &[rep(2011, 500.0), lower(2010, 1000.0)]).unwrap();
        let cap = fit.fastest.unwrap();
        assert_eq!((cap.year, cap.side), (2010, BoundSide::Lower));
        assert!((fit.rate - cap.rate).abs() < 1e-15);
        assert!(fit.value_at(2010).unwrap() >= 1000.0 * (1.0 - 1e-12));
        assert!(fit.slowest.is_none());
    }

    #[test]
    fn contradictory_bounds_are_infeasible() {
        let obs = [
            rep(2011, 100.0),
            lower(2013, 200.0),
            Observation {
                year: 2014,
                evidence: Evidence::AtMost(150.0),
            },
        ];
        assert_eq!(fit_growth(2012, 110.0, &obs), Err(EngineError::Infeasible));
        let at_anchor = [lower(2012, 200.0), rep(2011, 100.0)];
        assert_eq!(
            fit_growth(2012, 110.0, &at_anchor),
            Err(EngineError::Infeasible)
        );
        let upside_down = [Observation {
            year: 2013,
            evidence: Evidence::Between(200.0, 100.0),
        }];
        assert_eq!(
            fit_growth(2012, 110.0, &upside_down),
            Err(EngineError::Infeasible)
        );
    }

    #[test]
    fn too_little_data_is_an_error() {
        assert_eq!(
            fit_growth(2012, 1.0, &[]),
            Err(EngineError::NotEnoughPoints {
                needed: 2,
                found: 1
            })
        );
        assert_eq!(
            fit_growth(2012, 1.0, &[rep(2011, -2.0)]),
            Err(EngineError::NonPositiveValue(-2.0))
        );
        assert_eq!(
            fit_growth(2012, 0.0, &[rep(2011, 2.0)]),
            Err(EngineError::NonPositiveValue(0.0))
        );
        assert_eq!(
            fit_growth(2012, 1.0, &[rep(2011, f64::NAN)]),
            Err(EngineError::NonFinite)
        );
    }

    #[test]
    fn two_values_in_one_year_are_not_enough_and_say_so() {
        // Evidence only in the anchor's own year fixes no slope: "the bounds contradict each
        // other" would be wrong.
        let e = fit_growth(2012, 826.0, &[rep(2012, 800.0)]).unwrap_err();
        assert_eq!(
            e,
            EngineError::NotEnoughPoints {
                needed: 2,
                found: 1
            }
        );
        assert_eq!(
            e.to_string(),
            "needs reported values in 2 different years, found 1"
        );
    }
}
