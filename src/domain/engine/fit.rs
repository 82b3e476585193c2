//! Least-squares log-linear growth fit that honours bounds.
//!
//! Fits `ln v = a + b·t` to the reported values and keeps the fitted line on the right side of
//! every bound ("900多" in 2013 means the line must pass at or above 900 there). With two
//! unknowns the constrained optimum has at most two active bounds, so the fit enumerates the
//! unconstrained solution, every single active bound and every pair, and keeps the feasible
//! candidate with the smallest squared error: exact, and cheap for the handful of points a
//! report has.

use super::error::{positive, EngineError, EngineResult};
use crate::domain::schema::BoundSide;

/// One observation: a reported value, or a bound on the true value.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Observation {
    pub year: i32,
    pub value: f64,
    /// `None` for a reported value.
    pub bound: Option<BoundSide>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct GrowthFit {
    /// Compound annual rate of the fitted line.
    pub rate: f64,
    /// Fitted value in `reference_year`.
    pub value_at_reference: f64,
    pub reference_year: i32,
    /// Years of the bounds the fit had to respect (the line touches them).
    pub binding_bounds: Vec<i32>,
    /// Sum of squared residuals in log space over the reported values.
    pub sse: f64,
}

impl GrowthFit {
    pub fn value_at(&self, year: i32) -> EngineResult<f64> {
        super::growth::value_at(
            self.reference_year,
            self.value_at_reference,
            self.rate,
            year,
        )
    }
}

/// Tolerance for "the line satisfies the bound" in log space.
const FEASIBILITY_EPS: f64 = 1e-9;

pub fn fit_growth(observations: &[Observation]) -> EngineResult<GrowthFit> {
    if observations.is_empty() {
        return Err(EngineError::Empty);
    }
    let mut reported = Vec::new();
    let mut bounds = Vec::new();
    for o in observations {
        let y = positive(o.value)?.ln();
        match o.bound {
            None => reported.push((f64::from(o.year), y)),
            Some(side) => bounds.push((f64::from(o.year), y, side, o.year)),
        }
    }
    // A line needs reported values in two different years: two values for the same year
    // (and nothing else) fix no slope, whatever the bounds say.
    let mut years: Vec<i32> = observations
        .iter()
        .filter(|o| o.bound.is_none())
        .map(|o| o.year)
        .collect();
    years.sort_unstable();
    years.dedup();
    if years.len() < 2 {
        return Err(EngineError::NotEnoughPoints {
            needed: 2,
            found: years.len(),
        });
    }
    // Centre time on the reported mean for conditioning; lines are (a, b) in centred time.
    let t0 = reported.iter().map(|p| p.0).sum::<f64>() / reported.len() as f64;
    let pts: Vec<(f64, f64)> = reported.iter().map(|&(t, y)| (t - t0, y)).collect();
    let cons: Vec<(f64, f64, BoundSide, i32)> = bounds
        .iter()
        .map(|&(t, y, s, yr)| (t - t0, y, s, yr))
        .collect();

    let sse = |a: f64, b: f64| {
        pts.iter()
            .map(|&(t, y)| (y - a - b * t).powi(2))
            .sum::<f64>()
    };
    let feasible = |a: f64, b: f64| {
        cons.iter().all(|&(t, y, side, _)| {
            let line = a + b * t;
            match side {
                BoundSide::Lower => line >= y - FEASIBILITY_EPS,
                BoundSide::Upper => line <= y + FEASIBILITY_EPS,
            }
        })
    };

    let mut candidates: Vec<(f64, f64, Vec<usize>)> = Vec::new();
    if let Some((a, b)) = ordinary_fit(&pts) {
        candidates.push((a, b, vec![]));
    }
    for (k, &(tk, yk, _, _)) in cons.iter().enumerate() {
        // Line through (tk, yk): y - yk = b (t - tk); least squares in b alone.
        let (num, den) = pts.iter().fold((0.0, 0.0), |(n, d), &(t, y)| {
            (n + (y - yk) * (t - tk), d + (t - tk).powi(2))
        });
        if den > 0.0 {
            let b = num / den;
            candidates.push((yk - b * tk, b, vec![k]));
        }
        for (j, &(tj, yj, _, _)) in cons.iter().enumerate().skip(k + 1) {
            if (tj - tk).abs() > 0.0 {
                let b = (yj - yk) / (tj - tk);
                candidates.push((yk - b * tk, b, vec![k, j]));
            }
        }
    }

    let best = candidates
        .into_iter()
        .filter(|&(a, b, _)| a.is_finite() && b.is_finite() && feasible(a, b))
        .map(|(a, b, active)| (sse(a, b), a, b, active))
        .min_by(|x, y| x.0.total_cmp(&y.0))
        .ok_or(EngineError::Infeasible)?;

    let (sse_best, a, b, active) = best;
    let reference_year = observations
        .iter()
        .filter(|o| o.bound.is_none())
        .map(|o| o.year)
        .max()
        .unwrap_or(0);
    let rate = b.exp_m1();
    let value = (a + b * (f64::from(reference_year) - t0)).exp();
    if !(rate.is_finite() && rate > -1.0 && value.is_finite() && value > 0.0) {
        return Err(EngineError::OutOfRange);
    }
    let mut binding_bounds: Vec<i32> = active.iter().map(|&k| cons[k].3).collect();
    binding_bounds.sort_unstable();
    Ok(GrowthFit {
        rate,
        value_at_reference: value,
        reference_year,
        binding_bounds,
        sse: sse_best,
    })
}

/// Ordinary least squares of y on t; `None` when every point has the same t.
fn ordinary_fit(pts: &[(f64, f64)]) -> Option<(f64, f64)> {
    let n = pts.len() as f64;
    let mt = pts.iter().map(|p| p.0).sum::<f64>() / n;
    let my = pts.iter().map(|p| p.1).sum::<f64>() / n;
    let sxx: f64 = pts.iter().map(|p| (p.0 - mt).powi(2)).sum();
    let sxy: f64 = pts.iter().map(|p| (p.0 - mt) * (p.1 - my)).sum();
    if sxx <= 0.0 {
        return None;
    }
    let b = sxy / sxx;
    Some((my - b * mt, b))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rep(year: i32, value: f64) -> Observation {
        Observation {
            year,
            value,
            bound: None,
        }
    }
    fn lower(year: i32, value: f64) -> Observation {
        Observation {
            year,
            value,
            bound: Some(BoundSide::Lower),
        }
    }

    #[test]
    fn call_center_history_fits_through_reported_points() {
        let fit = fit_growth(&[
            rep(2011, 701.0),
            rep(2012, 826.0),
            lower(2013, 900.0),
            lower(2014, 1000.0),
        ])
        .unwrap();
        assert!((fit.rate - (826.0 / 701.0 - 1.0)).abs() < 1e-12);
        assert!(fit.binding_bounds.is_empty());
        assert!(fit.value_at(2013).unwrap() >= 900.0);
        assert!(fit.value_at(2014).unwrap() >= 1000.0);
    }

    #[test]
    fn a_binding_lower_bound_raises_the_line() {
        // Reported growth of 5% a year, but the source says 2014 was over 1,300.
        let fit = fit_growth(&[rep(2011, 1000.0), rep(2012, 1050.0), lower(2014, 1300.0)]).unwrap();
        assert_eq!(fit.binding_bounds, vec![2014]);
        assert!((fit.value_at(2014).unwrap() - 1300.0).abs() < 1e-6);
        assert!(fit.rate > 0.05);
    }

    #[test]
    fn contradictory_bounds_are_infeasible() {
        let obs = [
            rep(2011, 100.0),
            rep(2012, 110.0),
            lower(2013, 200.0),
            Observation {
                year: 2013,
                value: 150.0,
                bound: Some(BoundSide::Upper),
            },
        ];
        assert_eq!(fit_growth(&obs), Err(EngineError::Infeasible));
    }

    #[test]
    fn too_little_data_is_an_error() {
        assert_eq!(fit_growth(&[]), Err(EngineError::Empty));
        assert_eq!(
            fit_growth(&[rep(2011, 1.0), lower(2012, 2.0)]),
            Err(EngineError::NotEnoughPoints {
                needed: 2,
                found: 1
            })
        );
        assert_eq!(
            fit_growth(&[rep(2011, 1.0), rep(2012, -2.0)]),
            Err(EngineError::NonPositiveValue(-2.0))
        );
    }

    #[test]
    fn two_values_in_one_year_are_not_enough_and_say_so() {
        // No bounds at all: "the bounds contradict each other" would be wrong.
        let e = fit_growth(&[rep(2012, 800.0), rep(2012, 826.0)]).unwrap_err();
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
        // With a bound beside them, still the same reason.
        assert_eq!(
            fit_growth(&[rep(2012, 800.0), rep(2012, 826.0), lower(2014, 1000.0)]),
            Err(EngineError::NotEnoughPoints {
                needed: 2,
                found: 1
            })
        );
    }
}
