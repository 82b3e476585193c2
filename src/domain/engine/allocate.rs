//! Segment allocation: splitting a total over the years into segments that always add up.
//!
//! - **Top-down**: each segment's weight is `share₀ · (1 + g)^t`; shares are the weights
//!   renormalised every year, and a segment's value is the total times its share. Segments
//!   that grow faster than their siblings gain share; the sum is the total by construction.
//! - **Bottom-up**: each segment starts at `share₀ · total₀` and grows at its own rate; the
//!   total is their sum.
//!
//! Weights are computed in log space and shifted by their maximum, so 50-year horizons with
//! very different rates neither overflow nor lose the small segments.

use super::error::{finite, growth_rate, EngineError, EngineResult};

/// One sibling segment: its base-year share of the parent and its own growth rate.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SegmentInput {
    pub share: f64,
    pub growth: f64,
}

/// Base shares when the reader set some of them (`set[i]`): a share the reader set is kept
/// exactly, and the siblings they left alone absorb the difference in proportion to their
/// defaults, so the shares sum to one and the share set is the share shown. When that is
/// impossible (every sibling set, the set shares above one in total, or no default left to
/// scale), the values are returned as given and [`normalised_shares`] scales them all.
pub fn absorb_shares(defaults: &[f64], set: &[Option<f64>]) -> EngineResult<Vec<f64>> {
    if defaults.len() != set.len() {
        return Err(EngineError::Empty);
    }
    let (mut pinned, mut free) = (0.0, 0.0);
    for (d, s) in defaults.iter().zip(set) {
        let d = finite(*d)?;
        match s {
            Some(s) => {
                let s = finite(*s)?;
                if s < 0.0 {
                    return Err(EngineError::NonPositiveValue(s));
                }
                pinned += s;
            }
            None => free += d.max(0.0),
        }
    }
    let given = defaults.iter().zip(set).map(|(d, s)| s.unwrap_or(*d));
    if set.iter().all(Option::is_none) || pinned > 1.0 || free <= 0.0 {
        return Ok(given.collect());
    }
    let scale = (1.0 - pinned) / free;
    Ok(defaults
        .iter()
        .zip(set)
        .map(|(d, s)| s.unwrap_or(d.max(0.0) * scale))
        .collect())
}

/// Base shares normalised to sum to one (so shares that do not add up, e.g. drawn
/// independently, still reconcile).
pub fn normalised_shares(segments: &[SegmentInput]) -> EngineResult<Vec<f64>> {
    if segments.is_empty() {
        return Err(EngineError::Empty);
    }
    let mut sum = 0.0;
    for s in segments {
        let share = finite(s.share)?;
        if share < 0.0 {
            return Err(EngineError::NonPositiveValue(share));
        }
        sum += share;
    }
    if sum <= 0.0 {
        return Err(EngineError::NonPositiveValue(sum));
    }
    Ok(segments.iter().map(|s| s.share / sum).collect())
}

/// Shares of each segment in each year `t = 0..years` (outer: segment, inner: year).
pub fn top_down_shares(segments: &[SegmentInput], years: usize) -> EngineResult<Vec<Vec<f64>>> {
    top_down_shares_from(segments, years, 0)
}

/// Like [`top_down_shares`] for years `t = t0 .. t0 + years` relative to the base year (a
/// negative `t0` reaches back before the base year).
pub fn top_down_shares_from(
    segments: &[SegmentInput],
    years: usize,
    t0: i32,
) -> EngineResult<Vec<Vec<f64>>> {
    if years == 0 {
        return Err(EngineError::ZeroHorizon);
    }
    let base = normalised_shares(segments)?;
    let log_growth: Vec<f64> = segments
        .iter()
        .map(|s| growth_rate(s.growth).map(f64::ln_1p))
        .collect::<EngineResult<_>>()?;
    let mut out = vec![Vec::with_capacity(years); segments.len()];
    let mut logw = vec![f64::NEG_INFINITY; segments.len()];
    for t in 0..years {
        let tf = t as f64 + f64::from(t0);
        let mut max = f64::NEG_INFINITY;
        for (i, &s0) in base.iter().enumerate() {
            logw[i] = if s0 > 0.0 {
                s0.ln() + tf * log_growth[i]
            } else {
                f64::NEG_INFINITY
            };
            max = max.max(logw[i]);
        }
        let weights: Vec<f64> = logw.iter().map(|&lw| (lw - max).exp()).collect();
        let sum: f64 = weights.iter().sum();
        for (i, w) in weights.iter().enumerate() {
            out[i].push(w / sum);
        }
    }
    Ok(out)
}

/// Top-down values: `total[t] × share[i][t]`.
pub fn top_down(total: &[f64], segments: &[SegmentInput]) -> EngineResult<Vec<Vec<f64>>> {
    top_down_from(total, segments, 0)
}

/// Top-down values when `total[0]` is year `t0` relative to the base year.
pub fn top_down_from(
    total: &[f64],
    segments: &[SegmentInput],
    t0: i32,
) -> EngineResult<Vec<Vec<f64>>> {
    for &v in total {
        finite(v)?;
    }
    let shares = top_down_shares_from(segments, total.len(), t0)?;
    Ok(shares
        .into_iter()
        .map(|row| row.iter().zip(total).map(|(s, t)| s * t).collect())
        .collect())
}

/// Bottom-up values from a base total, and the total as their sum, for `years` years.
pub fn bottom_up(
    base_total: f64,
    segments: &[SegmentInput],
    years: usize,
) -> EngineResult<(Vec<Vec<f64>>, Vec<f64>)> {
    bottom_up_from(base_total, segments, years, 0)
}

/// Bottom-up values for years `t = t0 .. t0 + years` around the base year.
pub fn bottom_up_from(
    base_total: f64,
    segments: &[SegmentInput],
    years: usize,
    t0: i32,
) -> EngineResult<(Vec<Vec<f64>>, Vec<f64>)> {
    if years == 0 {
        return Err(EngineError::ZeroHorizon);
    }
    let base_total = finite(base_total)?;
    if base_total < 0.0 {
        return Err(EngineError::NonPositiveValue(base_total));
    }
    let base = normalised_shares(segments)?;
    let mut values = Vec::with_capacity(segments.len());
    for (s0, seg) in base.iter().zip(segments) {
        let lg = growth_rate(seg.growth)?.ln_1p();
        let row: Vec<f64> = (0..years)
            .map(|t| s0 * base_total * ((t as f64 + f64::from(t0)) * lg).exp())
            .collect();
        if row.iter().any(|v| !v.is_finite()) {
            return Err(EngineError::OutOfRange);
        }
        values.push(row);
    }
    let total: Vec<f64> = (0..years)
        .map(|t| values.iter().map(|row| row[t]).sum())
        .collect();
    // Segments each below the largest double may add up to more than it.
    if total.iter().any(|v| !v.is_finite()) {
        return Err(EngineError::OutOfRange);
    }
    Ok((values, total))
}

/// Largest relative gap between the segments' sum and the total over all years.
pub fn reconciliation_gap(values: &[Vec<f64>], total: &[f64]) -> f64 {
    total
        .iter()
        .enumerate()
        .map(|(t, &tot)| {
            let sum: f64 = values.iter().map(|row| row[t]).sum();
            if tot == 0.0 {
                sum.abs()
            } else {
                ((sum - tot) / tot).abs()
            }
        })
        .fold(0.0, f64::max)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seg(share: f64, growth: f64) -> SegmentInput {
        SegmentInput { share, growth }
    }

    #[test]
    fn faster_segment_gains_share_and_sum_holds() {
        let total = [100.0, 110.0, 121.0];
        let v = top_down(&total, &[seg(0.5, 0.2), seg(0.5, 0.0)]).unwrap();
        assert!(v[0][2] > v[1][2]);
        assert!(reconciliation_gap(&v, &total) < 1e-12);
        assert!((v[0][0] - 50.0).abs() < 1e-12);
    }

    #[test]
    fn a_set_share_is_kept_and_the_others_absorb() {
        let s = absorb_shares(&[0.5, 0.3, 0.2], &[Some(0.6), None, None]).unwrap();
        assert_eq!(s[0], 0.6);
        assert!((s[1] - 0.24).abs() < 1e-15 && (s[2] - 0.16).abs() < 1e-15);
        // Two set shares stay; the one left free takes the rest.
        let s = absorb_shares(&[0.5, 0.3, 0.2], &[Some(0.6), Some(0.1), None]).unwrap();
        assert_eq!((s[0], s[1]), (0.6, 0.1));
        assert!((s[2] - 0.3).abs() < 1e-15);
        // Nothing left to absorb: as given, for normalising.
        let all = absorb_shares(&[0.5, 0.5], &[Some(0.7), Some(0.7)]).unwrap();
        assert_eq!(all, vec![0.7, 0.7]);
        let over = absorb_shares(&[0.5, 0.3, 0.2], &[Some(0.8), Some(0.3), None]).unwrap();
        assert_eq!(over, vec![0.8, 0.3, 0.2]);
        assert!(absorb_shares(&[0.5], &[Some(f64::NAN)]).is_err());
        assert!(absorb_shares(&[0.5, 0.5], &[Some(-0.1), None]).is_err());
    }

    #[test]
    fn shares_are_renormalised() {
        let s = normalised_shares(&[seg(2.0, 0.0), seg(2.0, 0.0)]).unwrap();
        assert_eq!(s, vec![0.5, 0.5]);
    }

    #[test]
    fn bottom_up_total_is_the_sum() {
        let (v, total) = bottom_up(100.0, &[seg(0.25, 0.1), seg(0.75, 0.0)], 3).unwrap();
        assert!((total[1] - (27.5 + 75.0)).abs() < 1e-9);
        assert!(reconciliation_gap(&v, &total) < 1e-12);
    }

    #[test]
    fn bad_input_is_an_error() {
        assert_eq!(top_down(&[1.0], &[]), Err(EngineError::Empty));
        assert_eq!(
            top_down(&[], &[seg(1.0, 0.1)]),
            Err(EngineError::ZeroHorizon)
        );
        assert!(top_down(&[1.0], &[seg(0.0, 0.1)]).is_err());
        assert!(top_down(&[1.0], &[seg(1.0, -1.5)]).is_err());
        assert!(top_down(&[f64::NAN], &[seg(1.0, 0.1)]).is_err());
    }
}
