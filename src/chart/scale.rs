//! Linear scales and "nice" ticks (steps of 1, 2 or 5 × 10ᵏ), as pure functions.

/// Maps a data interval onto a pixel interval.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LinearScale {
    pub domain: (f64, f64),
    pub range: (f64, f64),
}

impl LinearScale {
    pub fn new(domain: (f64, f64), range: (f64, f64)) -> Self {
        LinearScale { domain, range }
    }

    /// Pixel position of `v`. A degenerate domain maps everything to the middle of the range.
    pub fn map(&self, v: f64) -> f64 {
        let (d0, d1) = self.domain;
        let (r0, r1) = self.range;
        let span = d1 - d0;
        if !span.is_finite() || span == 0.0 || !v.is_finite() {
            return (r0 + r1) / 2.0;
        }
        r0 + (v - d0) / span * (r1 - r0)
    }

    /// Data value at pixel `px` (for pointer positions).
    pub fn invert(&self, px: f64) -> f64 {
        let (d0, d1) = self.domain;
        let (r0, r1) = self.range;
        if r1 == r0 {
            return d0;
        }
        d0 + (px - r0) / (r1 - r0) * (d1 - d0)
    }
}

/// A step of 1, 2 or 5 × 10ᵏ that splits `span` into about `count` parts.
pub fn nice_step(span: f64, count: usize) -> f64 {
    if !(span.is_finite() && span > 0.0) || count == 0 {
        return 1.0;
    }
    let raw = span / count as f64;
    let magnitude = 10f64.powf(raw.log10().floor());
    let residual = raw / magnitude;
    let nice = if residual <= 1.0 {
        1.0
    } else if residual <= 2.0 {
        2.0
    } else if residual <= 5.0 {
        5.0
    } else {
        10.0
    };
    nice * magnitude
}

/// Ticks covering `[min, max]` on nice steps, and the domain they span (which the axis uses,
/// so the top tick is never clipped).
pub fn nice_ticks(min: f64, max: f64, count: usize) -> (Vec<f64>, (f64, f64)) {
    let (mut lo, mut hi) = if min.is_finite() && max.is_finite() {
        (min, max)
    } else {
        (0.0, 1.0)
    };
    if lo > hi {
        std::mem::swap(&mut lo, &mut hi);
    }
    if hi == lo {
        // A flat series still needs an axis around it.
        let pad = if hi == 0.0 { 1.0 } else { hi.abs() * 0.1 };
        lo -= pad;
        hi += pad;
    }
    let step = nice_step(hi - lo, count.max(1));
    let start = (lo / step).floor() * step;
    let end = (hi / step).ceil() * step;
    let n = ((end - start) / step).round() as usize;
    // Round away float noise such as 0.30000000000000004.
    let ticks = (0..=n.min(100))
        .map(|i| {
            let t = start + i as f64 * step;
            let digits = (-step.log10().floor()).max(0.0) as i32 + 1;
            let f = 10f64.powi(digits);
            (t * f).round() / f
        })
        .collect();
    (ticks, (start, end))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_and_inverts() {
        let s = LinearScale::new((0.0, 10.0), (100.0, 0.0));
        assert_eq!(s.map(0.0), 100.0);
        assert_eq!(s.map(2.5), 75.0);
        assert_eq!(s.invert(75.0), 2.5);
        let flat = LinearScale::new((5.0, 5.0), (0.0, 100.0));
        assert_eq!(flat.map(5.0), 50.0);
        assert_eq!(s.map(f64::NAN), 50.0);
    }

    #[test]
    fn nice_ticks_for_the_smartphone_market() {
        let (ticks, domain) = nice_ticks(0.0, 6.1e9, 5);
        assert_eq!(ticks, vec![0.0, 2e9, 4e9, 6e9, 8e9]);
        assert_eq!(domain, (0.0, 8e9));
        let (ticks, _) = nice_ticks(0.0, 0.3, 3);
        assert_eq!(ticks, vec![0.0, 0.1, 0.2, 0.3]);
    }

    #[test]
    fn degenerate_inputs_still_give_an_axis() {
        let (ticks, domain) = nice_ticks(5.0, 5.0, 4);
        assert!(ticks.len() >= 2 && domain.0 < 5.0 && domain.1 > 5.0);
        let (ticks, _) = nice_ticks(f64::NAN, 3.0, 4);
        assert!(!ticks.is_empty());
        assert_eq!(nice_step(0.0, 5), 1.0);
    }
}
