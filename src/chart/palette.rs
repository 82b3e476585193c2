//! One colour per meaning, the same in every view: the published path is always palette slot
//! [`PUBLISHED`], the reader's scenario [`SCENARIO`], ranges drawn as bands [`BAND`] (their
//! median a darker shade of it, [`MEDIAN`]), a source's bounds [`BOUND`], and a reference such
//! as a target line [`REFERENCE`]. Categories (segments) take the slots in order instead.
//! Slots map to CSS classes through [`super::scene::color_class`] (`s0` … `s7`).

use super::xy::{Datum, Series, SeriesKind};
use crate::domain::schema::Provenance;

pub const PUBLISHED: usize = 0;
pub const SCENARIO: usize = 1;
pub const BOUND: usize = 2;
pub const BAND: usize = 4;
pub const MEDIAN: usize = 6;
pub const REFERENCE: usize = 7;

/// Whether a point gets a visible marker: only where the marker carries information — a value
/// the source reports, a bound it gives, and where the reader's own scenario lands (the last
/// point of the line in the scenario's colour). A derived, assumed or simulated year on a line
/// is just the line; it stays a focusable (invisible) hit target.
pub fn marked(d: &Datum) -> bool {
    matches!(d.provenance, Provenance::Reported | Provenance::Bound)
}

/// [`marked`] for a point of a series drawn in palette slot `color`, `last` when it is the
/// series' last point.
pub fn shows_marker(d: &Datum, color: usize, last: bool) -> bool {
    marked(d) || (d.provenance == Provenance::Scenario && color == SCENARIO && last)
}

/// Whether a legend note with `glyph` (a line style or marker shape) describes something the
/// chart draws: no "dashed: forecast" without a forecast, no bound key without bounds.
pub fn glyph_used(glyph: &str, series: &[Series]) -> bool {
    let lines = || {
        series.iter().filter_map(|s| match s.kind {
            SeriesKind::Line { dashed_from } => Some((s, dashed_from)),
            _ => None,
        })
    };
    // Marks drawn as visible markers: on lines and marker series.
    let mut marks = series
        .iter()
        .filter(|s| matches!(s.kind, SeriesKind::Line { .. } | SeriesKind::Markers))
        .flat_map(|s| s.points.iter())
        .filter(|d| d.x.is_finite() && d.y.is_finite() && marked(d));
    match glyph {
        "g-solid" => lines().any(|(s, from)| {
            let split = from.unwrap_or(f64::INFINITY);
            s.points.iter().filter(|d| d.x <= split).count() >= 2
        }),
        "g-dashed" => {
            lines().any(|(s, from)| from.is_some_and(|split| s.points.iter().any(|d| d.x > split)))
        }
        "g-reported" => marks.any(|d| d.provenance == Provenance::Reported),
        "g-bound" => marks.any(|d| d.provenance == Provenance::Bound),
        "g-scenario" => series
            .iter()
            .filter(|s| {
                s.color == SCENARIO
                    && matches!(s.kind, SeriesKind::Line { .. } | SeriesKind::Markers)
            })
            .any(|s| {
                s.points
                    .iter()
                    .filter(|d| d.x.is_finite() && d.y.is_finite())
                    .max_by(|a, b| a.x.total_cmp(&b.x))
                    .is_some_and(|d| d.provenance == Provenance::Scenario)
            }),
        // Hollow circles and diamonds are no longer drawn (derived and assumed points carry none).
        "g-derived" | "g-assumption" => false,
        _ => true,
    }
}

/// The legend notes of `notes` whose glyph the chart uses.
pub fn used_notes(
    notes: Vec<(String, &'static str)>,
    series: &[Series],
) -> Vec<(String, &'static str)> {
    notes
        .into_iter()
        .filter(|(_, g)| glyph_used(g, series))
        .collect()
}

/// The swatch a legend entry shows for a series: a line for lines, a translucent block for a
/// band, a triangle for bound markers, a block for areas and bars.
pub fn swatch(kind: SeriesKind) -> &'static str {
    match kind {
        SeriesKind::Line { .. } => "sw-line",
        SeriesKind::Band => "sw-band",
        SeriesKind::Markers => "sw-marker",
        _ => "sw-block",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::schema::BoundSide;

    fn line(key: &str, pts: &[(f64, Provenance)], dashed_from: Option<f64>) -> Series {
        Series {
            key: key.into(),
            label: key.into(),
            color: PUBLISHED,
            kind: SeriesKind::Line { dashed_from },
            points: pts.iter().map(|&(x, p)| Datum::new(x, 1.0, p)).collect(),
            low: vec![],
        }
    }

    #[test]
    fn markers_only_where_they_carry_information() {
        let d = |p| Datum::new(2025.0, 1.0, p);
        assert!(marked(&d(Provenance::Reported)));
        // The reader's scenario: a marker where it lands (its last point), not every year,
        // and not on other lines with scenario values (a simulated median).
        assert!(!marked(&d(Provenance::Scenario)));
        assert!(shows_marker(&d(Provenance::Scenario), SCENARIO, true));
        assert!(!shows_marker(&d(Provenance::Scenario), SCENARIO, false));
        assert!(!shows_marker(&d(Provenance::Scenario), MEDIAN, true));
        assert!(shows_marker(&d(Provenance::Reported), MEDIAN, false));
        assert!(marked(&Datum {
            bound: Some(BoundSide::Lower),
            ..d(Provenance::Bound)
        }));
        assert!(!marked(&d(Provenance::Derived)));
        assert!(!marked(&d(Provenance::Assumption)));
    }

    #[test]
    fn legend_notes_only_for_encodings_present() {
        let notes = || {
            [
                "g-solid",
                "g-dashed",
                "g-reported",
                "g-derived",
                "g-bound",
                "g-scenario",
            ]
            .into_iter()
            .map(|g| (g.to_string(), g))
            .collect::<Vec<_>>()
        };
        let glyphs = |series: &[Series]| {
            used_notes(notes(), series)
                .into_iter()
                .map(|(_, g)| g)
                .collect::<Vec<_>>()
        };
        // A published path: derived history, reported anchor, derived forecast.
        let published = line(
            "p",
            &[
                (2024.0, Provenance::Derived),
                (2025.0, Provenance::Reported),
                (2026.0, Provenance::Derived),
            ],
            Some(2025.0),
        );
        assert_eq!(
            glyphs(std::slice::from_ref(&published)),
            ["g-solid", "g-dashed", "g-reported"]
        );
        // History only: no dashed key, no bound key.
        let history = line(
            "h",
            &[
                (2010.0, Provenance::Reported),
                (2011.0, Provenance::Reported),
            ],
            None,
        );
        assert_eq!(glyphs(&[history]), ["g-solid", "g-reported"]);
        // Bounds and the reader's scenario add their keys.
        let bounds = Series {
            key: "b".into(),
            label: "b".into(),
            color: BOUND,
            kind: SeriesKind::Markers,
            points: vec![Datum {
                bound: Some(BoundSide::Lower),
                ..Datum::new(2013.0, 1.0, Provenance::Bound)
            }],
            low: vec![],
        };
        let mut scenario = line(
            "s",
            &[
                (2025.0, Provenance::Reported),
                (2026.0, Provenance::Scenario),
            ],
            Some(2025.0),
        );
        scenario.color = SCENARIO;
        assert_eq!(
            glyphs(&[published, bounds, scenario]),
            ["g-solid", "g-dashed", "g-reported", "g-bound", "g-scenario"]
        );
        // A band of scenario values draws no markers: no scenario key for it.
        let band = Series {
            key: "r".into(),
            label: "r".into(),
            color: BAND,
            kind: SeriesKind::Band,
            points: vec![Datum::new(2026.0, 2.0, Provenance::Scenario)],
            low: vec![1.0],
        };
        assert_eq!(glyphs(&[band]), Vec::<&str>::new());
    }

    #[test]
    fn each_meaning_has_its_own_colour() {
        let all = [PUBLISHED, SCENARIO, BOUND, BAND, MEDIAN, REFERENCE];
        for (i, a) in all.iter().enumerate() {
            for b in &all[i + 1..] {
                assert_ne!(
                    super::super::scene::color_class(*a),
                    super::super::scene::color_class(*b)
                );
            }
        }
        assert_eq!(super::super::scene::color_class(PUBLISHED), "s0");
        assert_eq!(swatch(SeriesKind::Band), "sw-band");
        assert_eq!(swatch(SeriesKind::Line { dashed_from: None }), "sw-line");
    }
}
