//! What chart marks, ticks and table cells say: pure text from values, units and provenance,
//! shared by every chart kind (`ui::charts` wires them in).

use super::xy::Datum;
use crate::domain::format::{self, Locale};
use crate::domain::schema::{BoundSide, Provenance, Unit};

/// A year or other x value as a label: years without thousands separators.
pub fn x_label(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e6 {
        format!("{}", x as i64)
    } else {
        format::number(x, 2)
    }
}

/// Whether `d` is the top end of an interval among a series' `points`: a ceiling marker at the
/// x of a floor marker. A series has one point a year, so a ceiling beside a floor can only be
/// an interval drawn as its two ends ("900多亿": ▲ at least 900亿, ▼ below 1000亿).
pub fn is_interval_top(points: &[Datum], d: &Datum) -> bool {
    d.provenance == Provenance::Bound
        && d.bound == Some(BoundSide::Upper)
        && points.iter().any(|p| {
            p.x == d.x && p.provenance == Provenance::Bound && p.bound == Some(BoundSide::Lower)
        })
}

/// The sign a bound's value is read with: "≥" for a floor, "≤" for a ceiling the value may
/// reach, "<" for an interval's top, which it stays below ("900多": under 1000).
pub fn bound_sign(bound: Option<BoundSide>, interval_top: bool) -> &'static str {
    match bound {
        Some(BoundSide::Lower) => "≥ ",
        Some(BoundSide::Upper) if interval_top => "< ",
        Some(BoundSide::Upper) => "≤ ",
        None => "",
    }
}

/// A value with its bound's sign: "≥ ¥90 bn", "< ¥100 bn", "US$2.5 bn".
pub fn value_text(
    y: f64,
    unit: &Unit,
    bound: Option<BoundSide>,
    interval_top: bool,
    locale: Locale,
) -> String {
    format!(
        "{}{}",
        bound_sign(bound, interval_top),
        format::value(y, unit, locale)
    )
}

/// "Market, 2025: US$2.5 bn (reported)" — what a tooltip or a focused mark says about `d`, one
/// of the series' `points`.
pub fn point_label(
    series: &str,
    points: &[Datum],
    d: &Datum,
    unit: &Unit,
    locale: Locale,
) -> String {
    format!(
        "{series}, {}: {} ({})",
        x_label(d.x),
        value_text(d.y, unit, d.bound, is_interval_top(points, d), locale),
        crate::i18n::provenance(locale, d.provenance)
    )
}

/// Short axis label of a value.
pub fn tick_label(value: f64, unit: &Unit, locale: Locale) -> String {
    match unit {
        Unit::Percent => format::percent(value, 1),
        Unit::Currency(code) => format::money(value, code, locale),
        _ => format::compact(value, locale),
    }
}

/// Legend entries a narrow screen shows before a "+N more" toggle.
pub const LEGEND_KEEP: usize = 3;

/// How many of `total` legend entries fold behind "+N more" on a narrow screen: none when
/// folding would hide a single entry (the toggle would take as much room as the entry).
pub fn legend_folded(total: usize) -> usize {
    if total > LEGEND_KEEP + 1 {
        total - LEGEND_KEEP
    } else {
        0
    }
}

#[cfg(test)]
mod tests {

    #[test]
    fn legends_fold_past_the_first_few_entries() {
        assert_eq!(legend_folded(0), 0);
        assert_eq!(legend_folded(LEGEND_KEEP), 0);
        assert_eq!(legend_folded(LEGEND_KEEP + 1), 0);
        assert_eq!(legend_folded(LEGEND_KEEP + 2), 2);
        assert_eq!(legend_folded(20), 20 - LEGEND_KEEP);
    }

    use super::*;

    fn bound(x: f64, y: f64, side: BoundSide) -> Datum {
        Datum {
            x,
            y,
            provenance: Provenance::Bound,
            bound: Some(side),
        }
    }

    #[test]
    fn an_intervals_top_reads_below_and_a_ceiling_at_most() {
        let cny = Unit::Currency("CNY".into());
        // "900多亿" (2013) drawn as its two ends, and "1000亿以上" (2014).
        let points = [
            bound(2013.0, 9e10, BoundSide::Lower),
            bound(2013.0, 1e11, BoundSide::Upper),
            bound(2014.0, 1e11, BoundSide::Lower),
        ];
        let say = |d: &Datum| point_label("Bounds", &points, d, &cny, Locale::En);
        assert_eq!(say(&points[0]), "Bounds, 2013: ≥ ¥90 bn (bound)");
        assert_eq!(say(&points[1]), "Bounds, 2013: < ¥100 bn (bound)");
        assert_eq!(say(&points[2]), "Bounds, 2014: ≥ ¥100 bn (bound)");
        // A ceiling on its own ("at most") may be reached: ≤.
        let alone = [bound(2015.0, 1e11, BoundSide::Upper)];
        assert!(!is_interval_top(&alone, &alone[0]));
        assert_eq!(
            point_label("Bounds", &alone, &alone[0], &cny, Locale::En),
            "Bounds, 2015: ≤ ¥100 bn (bound)"
        );
        // A ceiling beside a reported value is no interval either.
        let mixed = [
            Datum::new(2015.0, 9e10, Provenance::Reported),
            bound(2015.0, 1e11, BoundSide::Upper),
        ];
        assert!(!is_interval_top(&mixed, &mixed[1]));
        assert_eq!(
            value_text(1e11, &cny, Some(BoundSide::Upper), true, Locale::ZhHans),
            "< 1,000亿元"
        );
        assert_eq!(
            value_text(
                2.5e9,
                &Unit::Currency("USD".into()),
                None,
                false,
                Locale::En
            ),
            "US$2.5 bn"
        );
    }
}
