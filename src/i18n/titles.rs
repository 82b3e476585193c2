//! Chart titles that say what a chart shows for this report, as plain statements computed
//! from the model ("The market grows from US$2.5 bn in 2025 to US$6.1 bn in 2032", "Camera
//! Modules stays the largest type through 2032"), in the three interface languages. The
//! series' name stays beside them as a subtitle, so a title never has to name it.

use super::{Locale, Shown};
use crate::domain::engine::model::DimensionResult;
use crate::domain::format;
use crate::domain::schema::Unit;

/// Which way a value goes between two years.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Trend {
    Grows,
    Falls,
    /// Within half a percent of where it started.
    Flat,
}

/// The trend from `start` to `end`; `None` when either is not a finite number.
pub fn trend(start: f64, end: f64) -> Option<Trend> {
    if !start.is_finite() || !end.is_finite() {
        return None;
    }
    let tolerance = start.abs() * 0.005;
    Some(if end > start + tolerance {
        Trend::Grows
    } else if end < start - tolerance {
        Trend::Falls
    } else {
        Trend::Flat
    })
}

/// Whose path a growth statement is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Whose {
    /// The report's own (published) path.
    Published,
    /// The reader's scenario, when it differs from the published one.
    Scenario,
}

/// "The market grows from US$2.5 bn in 2025 to US$6.1 bn in 2032"; `market` says whether the
/// subject is a market (else "the value"). `None` when a value is not a finite number.
pub fn growth_title(
    market: bool,
    whose: Whose,
    (start_year, start): (i32, f64),
    (end_year, end): (i32, f64),
    unit: &Unit,
    shown: Shown,
) -> Option<String> {
    let locale = shown.locale;
    let trend = trend(start, end)?;
    let (a, b) = (
        format::value(start, unit, shown),
        format::value(end, unit, shown),
    );
    let scenario = whose == Whose::Scenario;
    Some(match locale {
        Locale::En => {
            let subject = match (scenario, market) {
                (false, true) => "The market",
                (false, false) => "The value",
                (true, true) => "In your scenario, the market",
                (true, false) => "In your scenario, the value",
            };
            match trend {
                Trend::Grows => {
                    format!("{subject} grows from {a} in {start_year} to {b} in {end_year}")
                }
                Trend::Falls => {
                    format!("{subject} falls from {a} in {start_year} to {b} in {end_year}")
                }
                Trend::Flat => {
                    format!("{subject} stays at about {a} from {start_year} to {end_year}")
                }
            }
        }
        Locale::ZhHans | Locale::ZhHant => {
            let hant = locale == Locale::ZhHant;
            let subject = match (market, hant) {
                (true, false) => "市场规模",
                (true, true) => "市場規模",
                (false, _) => "数值",
            };
            let subject = if !market && hant { "數值" } else { subject };
            let prefix = match (scenario, hant) {
                (false, _) => "",
                (true, false) => "在您的情景中，",
                (true, true) => "在您的情境中，",
            };
            match (trend, hant) {
                (Trend::Grows, false) => {
                    format!("{prefix}{subject}从{start_year}年的{a}增长到{end_year}年的{b}")
                }
                (Trend::Grows, true) => {
                    format!("{prefix}{subject}從{start_year}年的{a}成長到{end_year}年的{b}")
                }
                (Trend::Falls, false) => {
                    format!("{prefix}{subject}从{start_year}年的{a}下降到{end_year}年的{b}")
                }
                (Trend::Falls, true) => {
                    format!("{prefix}{subject}從{start_year}年的{a}下降到{end_year}年的{b}")
                }
                (Trend::Flat, false) => {
                    format!("{prefix}{start_year}年至{end_year}年{subject}保持在约{a}")
                }
                (Trend::Flat, true) => {
                    format!("{prefix}{start_year}年至{end_year}年{subject}保持在約{a}")
                }
            }
        }
    })
}

/// The largest top-level member of a dimension in year index `at` (ties: the first listed).
pub fn largest_at(d: &DimensionResult, at: usize) -> Option<&str> {
    d.top_level()
        .filter_map(|r| Some((r.member.as_str(), *r.values.get(at)?)))
        .filter(|(_, v)| v.is_finite())
        .fold(None, |best: Option<(&str, f64)>, (m, v)| match best {
            Some((_, b)) if b >= v => best,
            _ => Some((m, v)),
        })
        .map(|(m, _)| m)
}

/// "Camera Modules stays the largest type through 2032", or "Sensors overtakes Camera Modules
/// as the largest type by 2032": the largest member at the base year and at the last year.
/// `name` gives a member's display name; `dimension` is the dimension's name ("Type").
pub fn largest_title(
    d: &DimensionResult,
    name: &dyn Fn(&str) -> String,
    dimension: &str,
    locale: Locale,
) -> Option<String> {
    let last = d.years.len().checked_sub(1)?;
    if last <= d.base_index {
        return None;
    }
    let (first, end) = (largest_at(d, d.base_index)?, largest_at(d, last)?);
    let year = d.years[last];
    let (a, b) = (name(first), name(end));
    Some(match (locale, first == end) {
        (Locale::En, true) => format!(
            "{a} stays the largest {} through {year}",
            dimension.to_lowercase()
        ),
        (Locale::En, false) => format!(
            "{b} overtakes {a} as the largest {} by {year}",
            dimension.to_lowercase()
        ),
        (Locale::ZhHans, true) => format!("至{year}年，{a}始终是规模最大的{dimension}"),
        (Locale::ZhHant, true) => format!("至{year}年，{a}始終是規模最大的{dimension}"),
        (Locale::ZhHans, false) => {
            format!("至{year}年，{b}超过{a}，成为规模最大的{dimension}")
        }
        (Locale::ZhHant, false) => {
            format!("至{year}年，{b}超過{a}，成為規模最大的{dimension}")
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::engine::model::SegmentRow;
    use crate::domain::schema::{Provenance, ReconcileMode};

    fn usd() -> Unit {
        Unit::Currency("USD".into())
    }

    #[test]
    fn growth_titles_state_the_path() {
        let t = |whose, end, locale| {
            growth_title(
                true,
                whose,
                (2025, 2.5e9),
                (2032, end),
                &usd(),
                Shown::as_reported(locale),
            )
            .unwrap()
        };
        assert_eq!(
            t(Whose::Published, 6.1e9, Locale::En),
            "The market grows from US$2.5\u{a0}bn in 2025 to US$6.1\u{a0}bn in 2032"
        );
        assert_eq!(
            t(Whose::Published, 6.1e9, Locale::ZhHans),
            "市场规模从2025年的25亿美元增长到2032年的61亿美元"
        );
        assert_eq!(
            t(Whose::Published, 6.1e9, Locale::ZhHant),
            "市場規模從2025年的25億美元成長到2032年的61億美元"
        );
        assert_eq!(
            t(Whose::Scenario, 2.0e9, Locale::En),
            "In your scenario, the market falls from US$2.5\u{a0}bn in 2025 to US$2\u{a0}bn in 2032"
        );
        assert_eq!(
            t(Whose::Published, 2.505e9, Locale::En),
            "The market stays at about US$2.5\u{a0}bn from 2025 to 2032"
        );
        assert_eq!(
            growth_title(
                false,
                Whose::Published,
                (0, 1.0),
                (3, f64::NAN),
                &Unit::Number,
                Shown::as_reported(Locale::En)
            ),
            None
        );
    }

    fn dim(rows: &[(&str, [f64; 3])]) -> DimensionResult {
        DimensionResult {
            dimension: "type".into(),
            mode: ReconcileMode::TopDown,
            years: vec![2024, 2025, 2032],
            base_index: 1,
            total: vec![0.0; 3],
            rows: rows
                .iter()
                .map(|(m, v)| SegmentRow {
                    member: (*m).into(),
                    parent: None,
                    depth: 0,
                    has_children: false,
                    values: v.to_vec(),
                })
                .collect(),
            provenance: Provenance::Assumption,
        }
    }

    #[test]
    fn largest_segment_at_start_and_end() {
        let name = |m: &str| match m {
            "cam" => "Camera Modules".to_string(),
            _ => "Sensors".to_string(),
        };
        let stays = dim(&[("cam", [5.0, 6.0, 9.0]), ("sen", [1.0, 2.0, 8.0])]);
        assert_eq!(largest_at(&stays, 1), Some("cam"));
        assert_eq!(
            largest_title(&stays, &name, "Type", Locale::En).unwrap(),
            "Camera Modules stays the largest type through 2032"
        );
        assert_eq!(
            largest_title(&stays, &name, "类型", Locale::ZhHans).unwrap(),
            "至2032年，Camera Modules始终是规模最大的类型"
        );
        let overtakes = dim(&[("cam", [5.0, 6.0, 7.0]), ("sen", [1.0, 2.0, 8.0])]);
        assert_eq!(
            largest_title(&overtakes, &name, "Type", Locale::En).unwrap(),
            "Sensors overtakes Camera Modules as the largest type by 2032"
        );
        assert_eq!(
            largest_title(&overtakes, &name, "類型", Locale::ZhHant).unwrap(),
            "至2032年，Sensors超過Camera Modules，成為規模最大的類型"
        );
        // No forecast span: no statement.
        let mut short = stays.clone();
        short.base_index = 2;
        assert_eq!(largest_title(&short, &name, "Type", Locale::En), None);
    }
}
