//! Comparing two paths year by year: absolute and relative difference, and the difference in
//! end value and CAGR. Used for the scenario against the published path (and saved scenarios).

use super::growth::rri;

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct YearDiff {
    pub year: i32,
    pub base: f64,
    pub other: f64,
    pub abs: f64,
    /// Relative to `base`; `None` when the base is zero.
    pub pct: Option<f64>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    pub years: Vec<YearDiff>,
    /// CAGR of each path between the first and last compared year.
    pub base_cagr: Option<f64>,
    pub other_cagr: Option<f64>,
}

impl Comparison {
    pub fn end(&self) -> Option<&YearDiff> {
        self.years.last()
    }

    /// Difference in CAGR (other − base), in rate units.
    pub fn cagr_diff(&self) -> Option<f64> {
        Some(self.other_cagr? - self.base_cagr?)
    }
}

/// Compares the years both paths share, from `from` on.
pub fn compare(base: &[(i32, f64)], other: &[(i32, f64)], from: i32) -> Comparison {
    let years: Vec<YearDiff> = base
        .iter()
        .filter(|(y, _)| *y >= from)
        .filter_map(|&(year, b)| {
            let o = other.iter().find(|(y, _)| *y == year)?.1;
            (b.is_finite() && o.is_finite()).then(|| YearDiff {
                year,
                base: b,
                other: o,
                abs: o - b,
                pct: (b != 0.0).then(|| (o - b) / b),
            })
        })
        .collect();
    let cagr = |f: fn(&YearDiff) -> f64| -> Option<f64> {
        let (a, z) = (years.first()?, years.last()?);
        rri(f64::from(z.year - a.year), f(a), f(z)).ok()
    };
    Comparison {
        base_cagr: cagr(|d| d.base),
        other_cagr: cagr(|d| d.other),
        years,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn differences_per_year_and_at_the_end() {
        let base = [(2025, 100.0), (2026, 110.0), (2027, 121.0)];
        let other = [(2025, 100.0), (2026, 120.0), (2027, 144.0)];
        let c = compare(&base, &other, 2025);
        assert_eq!(c.years.len(), 3);
        assert_eq!(c.years[0].abs, 0.0);
        let end = c.end().unwrap();
        assert_eq!(end.abs, 23.0);
        assert!((end.pct.unwrap() - 23.0 / 121.0).abs() < 1e-12);
        assert!((c.cagr_diff().unwrap() - 0.1).abs() < 1e-9);
    }

    #[test]
    fn missing_years_and_zero_bases_are_handled() {
        let c = compare(&[(1, 0.0), (2, 5.0)], &[(2, 6.0)], 0);
        assert_eq!(c.years.len(), 1);
        assert_eq!(c.years[0].pct, Some(0.2));
        let c = compare(&[(1, 0.0)], &[(1, 1.0)], 0);
        assert_eq!(c.years[0].pct, None);
        assert_eq!(c.cagr_diff(), None);
    }
}
