//! Series the power tools, the KPI board and the Contents view draw, shaped from the engine's
//! results: a plan's projection against its target, a Monte Carlo fan, a rebuilt listed table. The labels come in worded; the views
//! only hand the series to the xy chart.

use super::palette;
use super::xy::{Datum, Series, SeriesKind};
use crate::domain::engine::monte_carlo::{Fan, FanPoint};
use crate::domain::listed::Estimate;
use crate::domain::schema::Provenance;

/// A projection period by period (`values[i]` after `i` periods, dashed from the start) and its
/// target as a flat line over the same periods (at least one).
pub fn projection_series(
    (label, target_label): (String, String),
    values: &[f64],
    provenance: Provenance,
    (target, target_provenance): (f64, Provenance),
) -> Vec<Series> {
    let periods = values.len().saturating_sub(1) as u32;
    let points = values
        .iter()
        .zip(0u32..)
        .map(|(y, i)| Datum::new(f64::from(i), *y, provenance))
        .collect();
    vec![
        Series {
            key: "projection".into(),
            label,
            color: palette::PUBLISHED,
            kind: SeriesKind::Line {
                dashed_from: Some(0.0),
            },
            points,
            low: vec![],
        },
        Series {
            key: "target".into(),
            label: target_label,
            color: palette::REFERENCE,
            kind: SeriesKind::Line { dashed_from: None },
            points: vec![
                Datum::new(0.0, target, target_provenance),
                Datum::new(f64::from(periods.max(1)), target, target_provenance),
            ],
            low: vec![],
        },
    ]
}

/// A rebuilt listed table, one series per row (`labels` in row order): one member and its
/// children as lines dashed from the base year, a whole dimension as stacked bars.
pub fn estimate_series(estimate: &Estimate, labels: Vec<String>) -> Vec<Series> {
    estimate
        .rows
        .iter()
        .zip(labels)
        .enumerate()
        .map(|(i, (row, label))| Series {
            key: row.key.clone(),
            label,
            color: i,
            kind: if estimate.single {
                SeriesKind::Line {
                    dashed_from: Some(f64::from(estimate.base_year)),
                }
            } else {
                SeriesKind::StackedBar
            },
            points: estimate
                .years
                .iter()
                .zip(&row.values)
                .map(|(y, v)| Datum::new(f64::from(*y), *v, estimate.provenance))
                .collect(),
            low: vec![],
        })
        .collect()
}

/// The words of a fan's series: its band, the published path, the median and the reader's
/// scenario.
pub struct FanLabels<'a> {
    pub band: &'a str,
    pub published: &'a str,
    pub median: &'a str,
    pub scenario: &'a str,
}

/// A Monte Carlo fan: the p10–p90 band, the published path, the median, and the reader's own
/// path when the fan is centred on one (`own`); paths are dashed from `anchor` (the forecast's
/// first year) where there is one.
pub fn fan_series(
    fan: &Fan,
    labels: &FanLabels,
    published: Vec<Datum>,
    own: Option<Vec<Datum>>,
    anchor: Option<f64>,
) -> Vec<Series> {
    let scenario_points = |f: fn(&FanPoint) -> f64| {
        fan.points
            .iter()
            .map(|p| Datum::new(f64::from(p.x), f(p), Provenance::Scenario))
            .collect::<Vec<_>>()
    };
    let mut series = vec![
        Series {
            key: "band".into(),
            label: labels.band.into(),
            color: palette::BAND,
            kind: SeriesKind::Band,
            points: scenario_points(|p| p.p90),
            low: fan.points.iter().map(|p| p.p10).collect(),
        },
        Series {
            key: "published".into(),
            label: labels.published.into(),
            color: palette::PUBLISHED,
            kind: SeriesKind::Line {
                dashed_from: anchor,
            },
            points: published,
            low: Vec::new(),
        },
        Series {
            key: "p50".into(),
            label: labels.median.into(),
            color: palette::MEDIAN,
            kind: SeriesKind::Line { dashed_from: None },
            points: scenario_points(|p| p.p50),
            low: Vec::new(),
        },
    ];
    if let Some(points) = own {
        series.push(Series {
            key: "scenario".into(),
            label: labels.scenario.into(),
            color: palette::SCENARIO,
            kind: SeriesKind::Line {
                dashed_from: anchor,
            },
            points,
            low: Vec::new(),
        });
    }
    series
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::bundled::load_bundled;
    use crate::domain::engine::monte_carlo::{McOptions, McRun};
    use crate::domain::engine::target::Target;
    use crate::domain::scenario::Scenario;

    #[test]
    fn a_rebuilt_member_is_lines_dashed_from_the_base_year_a_dimension_stacked_bars() {
        use crate::domain::listed::EstimateRow;
        let row = |key: &str, child| EstimateRow {
            key: key.into(),
            name: crate::domain::schema::LocalText::en(key),
            child,
            values: vec![1.0, 2.0],
        };
        let mut e = Estimate {
            provenance: Provenance::Scenario,
            years: vec![2024, 2025],
            base_year: 2024,
            single: true,
            rows: vec![row("a", false), row("b", true)],
        };
        let s = estimate_series(&e, vec!["A".into(), "B".into()]);
        assert_eq!(s.len(), 2);
        assert_eq!(
            (s[1].key.as_str(), s[1].label.as_str(), s[1].color),
            ("b", "B", 1)
        );
        assert_eq!(
            s[0].kind,
            SeriesKind::Line {
                dashed_from: Some(2024.0)
            }
        );
        assert_eq!((s[0].points[1].x, s[0].points[1].y), (2025.0, 2.0));
        assert!(s[0]
            .points
            .iter()
            .all(|d| d.provenance == Provenance::Scenario));
        e.single = false;
        let s = estimate_series(&e, vec!["A".into(), "B".into()]);
        assert!(s.iter().all(|s| s.kind == SeriesKind::StackedBar));
    }

    #[test]
    fn a_projection_runs_against_a_flat_target_over_its_periods() {
        let s = projection_series(
            ("Users".into(), "Target: users".into()),
            &[100.0, 110.0, 121.0],
            Provenance::Scenario,
            (200.0, Provenance::Reported),
        );
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].points.len(), 3);
        assert_eq!((s[0].points[2].x, s[0].points[2].y), (2.0, 121.0));
        assert!(s[0]
            .points
            .iter()
            .all(|d| d.provenance == Provenance::Scenario));
        let ends: Vec<(f64, f64)> = s[1].points.iter().map(|d| (d.x, d.y)).collect();
        assert_eq!(ends, [(0.0, 200.0), (2.0, 200.0)]);
        // A single value still draws the target over one period.
        let one = projection_series(
            ("a".into(), "b".into()),
            &[1.0],
            Provenance::Assumption,
            (2.0, Provenance::Reported),
        );
        assert_eq!(one[1].points[1].x, 1.0);
    }

    #[test]
    fn a_fan_has_its_band_median_and_published_path_and_the_readers_own_when_given() {
        let (reports, _) = load_bundled();
        let r = &reports[0];
        let options = McOptions::for_target(r, Target::Headline);
        let mut run = McRun::new(r, &Scenario::published(), 3, 100, options).unwrap();
        let fan = run.run_to_end().unwrap();
        let labels = FanLabels {
            band: "band",
            published: "published",
            median: "median",
            scenario: "yours",
        };
        let published = vec![Datum::new(2025.0, 1.0, Provenance::Reported)];
        let s = fan_series(&fan, &labels, published.clone(), None, Some(2025.0));
        let keys: Vec<&str> = s.iter().map(|s| s.key.as_str()).collect();
        assert_eq!(keys, ["band", "published", "p50"]);
        assert_eq!(s[0].points.len(), fan.points.len());
        assert_eq!(s[0].low.len(), fan.points.len());
        assert!(s[0]
            .points
            .iter()
            .zip(&s[0].low)
            .all(|(hi, lo)| hi.y >= *lo));
        assert_eq!(s[1].points, published);
        let own = fan_series(&fan, &labels, published, Some(vec![]), Some(2025.0));
        assert_eq!(own.last().map(|s| s.key.as_str()), Some("scenario"));
    }
}
