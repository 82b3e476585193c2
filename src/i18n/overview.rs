//! The overview's words: the headline figures, how the published growth was found (the fit's
//! evidence, the rates the source's bounds allow), the stated rates, the key facts and the
//! checks, as plain texts and rows for the view to lay out.

use super::{checks::describe, fill, Message, Msg};
use crate::domain::checks::{Check, Severity};
use crate::domain::engine::fit::{Evidence, GrowthFit, RateLimit};
use crate::domain::engine::growth::value_at;
use crate::domain::engine::model::{series, Computed, Headline};
use crate::domain::format::{self, Locale, Shown};
use crate::domain::schema::{BoundSide, LocalText, Point, Provenance, RateSource, Report, Unit};

crate::messages! {
    pub enum FitMsg {
        Rate => (
            "{0} a year: the least-squares trend through {1} in {2}, where the path starts, over every other year the source gives (table below).",
            "每年 {0}：经过 {2} 年的 {1}（路径起点），对来源给出的其余各年数据拟合的最小二乘趋势（见下表）。",
            "每年 {0}：經過 {2} 年的 {1}（路徑起點），對來源給出的其餘各年數據擬合的最小平方趨勢（見下表）。"
        ),
        Moved => (
            "The trend alone gives {0}; {1} is the nearest rate that keeps the path within “{2}” in {3}.",
            "仅按趋势为 {0}；{1} 是使路径符合 {3} 年“{2}”的最接近增长率。",
            "僅按趨勢為 {0}；{1} 是使路徑符合 {3} 年「{2}」的最接近成長率。"
        ),
        Range => (
            "The source's bounds allow {0} to {1} a year from {2}: any slower and the path breaks “{3}” in {4}; any faster and it breaks “{5}” in {6}.",
            "来源给出的界限允许自 {2} 年起每年增长 {0} 至 {1}：再慢，路径将违背 {4} 年的“{3}”；再快，则违背 {6} 年的“{5}”。",
            "來源給出的界限允許自 {2} 年起每年成長 {0} 至 {1}：再慢，路徑將違背 {4} 年的「{3}」；再快，則違背 {6} 年的「{5}」。"
        ),
        RangeLow => (
            "The source's bounds allow at least {0} a year from {1}: any slower and the path breaks “{2}” in {3}.",
            "来源给出的界限要求自 {1} 年起每年增长至少 {0}：再慢，路径将违背 {3} 年的“{2}”。",
            "來源給出的界限要求自 {1} 年起每年成長至少 {0}：再慢，路徑將違背 {3} 年的「{2}」。"
        ),
        RangeHigh => (
            "The source's bounds allow at most {0} a year from {1}: any faster and the path breaks “{2}” in {3}.",
            "来源给出的界限要求自 {1} 年起每年增长至多 {0}：再快，路径将违背 {3} 年的“{2}”。",
            "來源給出的界限要求自 {1} 年起每年成長至多 {0}：再快，路徑將違背 {3} 年的「{2}」。"
        ),
        RangeNone => (
            "The source gives no bounds for this series, so only the trend sets the rate.",
            "来源未给出该序列的界限，增长率仅由趋势决定。",
            "來源未給出該序列的界限，成長率僅由趨勢決定。"
        ),
        How => (
            "Each year counts once: a reported value at its value, an interval at its middle, a bound with no other end at its value (the only figure the source gives for that year: a cautious reading). The published path is the fitted line, so it keeps within every bound and interval.",
            "每年只计一次：报告值按原值，区间按其中点，只有一端的界限按该界限值（来源对该年给出的唯一数字，属保守解读）。公布路径就是拟合线，因此符合所有界限和区间。",
            "每年只計一次：報告值按原值，區間按其中點，只有一端的界限按該界限值（來源對該年給出的唯一數字，屬保守解讀）。公布路徑就是擬合線，因此符合所有界限和區間。"
        ),
        EvidenceTitle => ("What the fit uses", "拟合所用数据", "擬合所用數據"),
        Says => ("The source says", "来源所述", "來源所述"),
        Used => ("In the fit as", "拟合采用", "擬合採用"),
        Line => ("Fitted line", "拟合线", "擬合線"),
        Anchor => ("the anchor: the path starts here", "锚点：路径由此开始", "錨點：路徑由此開始"),
        AsValue => ("its value, {0}", "原值 {0}", "原值 {0}"),
        Middle => ("its middle, ≈ {0}", "中点，约 {0}", "中點，約 {0}"),
        Floor => ("its floor, {0} (no ceiling given)", "下限 {0}（未给出上限）", "下限 {0}（未給出上限）"),
        Ceiling => ("its ceiling, {0} (no floor given)", "上限 {0}（未给出下限）", "上限 {0}（未給出下限）"),
        // Hollow, as the chart draws a bound's marks.
        NoteBounds => ("bound: △ at least, ▽ below", "界限：△ 不低于，▽ 低于", "界限：△ 不低於，▽ 低於"),
    }
}

/// A point as a reader sees it: bounds carry ≥ / ≤; an interval reads "≥ low, < high".
pub fn point_text(p: &Point, unit: &Unit, shown: Shown) -> String {
    // Worded as the charts' tooltips word a bound (the interval's top follows below).
    let value = crate::chart::label::value_text(p.value, unit, p.bound, false, shown);
    match p.upper {
        Some(upper) => format!(
            "{value}{}{}",
            format::comma(shown.locale),
            crate::chart::label::value_text(upper, unit, Some(BoundSide::Upper), true, shown)
        ),
        None => value,
    }
}

/// "US$2.5 bn (2025) → US$6.1 bn (2032)": the first and last values the source gives.
pub fn headline_text(r: &Report, shown: Shown) -> String {
    let Some(s) = r.series.first() else {
        return String::new();
    };
    figures_text(
        &s.unit,
        &crate::domain::catalogue::sourced_ends(&s.points),
        shown,
    )
}

/// Points as "value (year) → value (year)"; one figure given for two years reads
/// "≥ ¥500 bn (2023, 2025)" (an arrow between equal figures would suggest a change).
pub fn figures_text(unit: &Unit, points: &[Point], shown: Shown) -> String {
    if let [a, b] = points {
        if crate::domain::catalogue::same_figure(a, b) {
            let years = format!("{}{}{}", a.year, format::list_comma(shown.locale), b.year);
            return point_text(a, unit, shown) + &super::bracketed(shown.locale, &years);
        }
    }
    points
        .iter()
        .map(|p| point_text(p, unit, shown) + &super::bracketed(shown.locale, &p.year.to_string()))
        .collect::<Vec<_>>()
        .join(format::arrow(shown.locale))
}

/// The notes under the headline chart: line styles and marker shapes. `intervals`: the series
/// has bounds with both ends, drawn as △ and ▽.
pub fn headline_notes(locale: Locale, intervals: bool) -> Vec<(String, &'static str)> {
    let bound = if intervals {
        FitMsg::NoteBounds.text(locale)
    } else {
        Msg::NoteBound.text(locale)
    };
    [
        (Msg::NoteHistory.text(locale), "g-solid"),
        (Msg::NoteForecast.text(locale), "g-dashed"),
        (Msg::NoteReported.text(locale), "g-reported"),
        (bound, "g-bound"),
        (Msg::NoteScenario.text(locale), "g-scenario"),
    ]
    .into_iter()
    .map(|(m, g)| (m.to_string(), g))
    .collect()
}

/// The published-growth section: how the rate was found, the fit explained (when fitted), the
/// rates the source states and the one it implies.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PublishedGrowth {
    /// "13.6% a year: …" (empty without a headline).
    pub rate: String,
    pub fit: Option<FitExplained>,
    /// ("Stated CAGR 2025–2032", "13.6%") for each rate the source states.
    pub stated: Vec<(String, String)>,
    /// The published rate, as the implied CAGR beside the stated ones.
    pub implied: String,
}

/// Why a fitted rate sits where it does: whether a bound moved it, the range of rates the
/// source's bounds allow, and each year's evidence.
#[derive(Debug, Clone, PartialEq)]
pub struct FitExplained {
    pub moved: Option<String>,
    pub range: String,
    pub rows: Vec<FitRow>,
}

/// A year of the fit's evidence: what the source says, how the fit uses it, the fitted line.
#[derive(Debug, Clone, PartialEq)]
pub struct FitRow {
    pub year: i32,
    pub says: String,
    pub provenance: Provenance,
    pub used: String,
    pub line: String,
}

/// The published growth of `c`'s headline (the model in force), worded for the overview.
pub fn published_growth(r: &Report, c: Option<&Computed>, shown: Shown) -> PublishedGrowth {
    let locale = shown.locale;
    let t = |m: Msg| m.text(locale);
    let headline = c.and_then(|c| c.headline.as_ref());
    let fit = headline.and_then(|h| h.published.fit.as_ref());
    let rate = headline
        .map(|h| {
            let rate = format::percent(h.published.rate, 1);
            match (&h.published.source, fit) {
                (RateSource::Implied { from, to }, _) => fill(
                    t(Msg::RateImplied),
                    &[&rate, &from.to_string(), &to.to_string()],
                ),
                (RateSource::Fit, Some(f)) => fill(
                    FitMsg::Rate.text(locale),
                    &[
                        &rate,
                        &format::value(f.anchor_value, &r.headline_unit(), shown),
                        &f.anchor_year.to_string(),
                    ],
                ),
                (RateSource::Fit, None) => String::new(),
                (RateSource::Stated(_), _) => fill(t(Msg::RateStated), &[&rate]),
            }
        })
        .unwrap_or_default();
    let stated = r
        .growth_statements
        .iter()
        .map(|g| {
            (
                format!("{} {}–{}", t(Msg::StatedCagr), g.from_year, g.to_year),
                format::percent(g.rate, 1),
            )
        })
        .collect();
    PublishedGrowth {
        rate,
        fit: headline
            .zip(fit)
            .map(|(h, f)| fit_explained(r, h, f, shown)),
        stated,
        implied: headline
            .map(|h| format::percent(h.published.rate, 1))
            .unwrap_or_default(),
    }
}

/// A limit as the source words it: "≥ ¥100 bn", or "< ¥100 bn" for an interval's upper end.
fn limit_text(f: &GrowthFit, l: &RateLimit, unit: &Unit, shown: Shown) -> String {
    let interval = f
        .observations
        .iter()
        .any(|o| o.year == l.year && matches!(o.evidence, Evidence::Between(..)));
    crate::chart::label::value_text(l.value, unit, Some(l.side), interval, shown)
}

fn fit_explained(r: &Report, h: &Headline, f: &GrowthFit, shown: Shown) -> FitExplained {
    let locale = shown.locale;
    let unit = r.headline_unit();
    // Two decimals: a limit rounded to one could read as allowed when it is not (10.03%).
    let pct = |x: f64| format::percent(x, 2);
    let lim = |l: &RateLimit| limit_text(f, l, &unit, shown);
    let anchor = f.anchor_year.to_string();
    let moved = f.binding.as_ref().map(|b| {
        fill(
            FitMsg::Moved.text(locale),
            &[
                &pct(f.trend_rate),
                &pct(f.rate),
                &lim(b),
                &b.year.to_string(),
            ],
        )
    });
    let range = match (&f.slowest, &f.fastest) {
        (Some(lo), Some(hi)) => fill(
            FitMsg::Range.text(locale),
            &[
                &pct(lo.rate),
                &pct(hi.rate),
                &anchor,
                &lim(lo),
                &lo.year.to_string(),
                &lim(hi),
                &hi.year.to_string(),
            ],
        ),
        (Some(lo), None) => fill(
            FitMsg::RangeLow.text(locale),
            &[&pct(lo.rate), &anchor, &lim(lo), &lo.year.to_string()],
        ),
        (None, Some(hi)) => fill(
            FitMsg::RangeHigh.text(locale),
            &[&pct(hi.rate), &anchor, &lim(hi), &hi.year.to_string()],
        ),
        (None, None) => FitMsg::RangeNone.text(locale).to_string(),
    };
    let money = |v: f64| format::value(v, &unit, shown);
    let rows = series(r, &h.series)
        .map(|s| {
            s.points
                .iter()
                .filter(|p| {
                    p.year == f.anchor_year || f.observations.iter().any(|o| o.year == p.year)
                })
                .map(|p| {
                    let used = match f.observations.iter().find(|o| o.year == p.year) {
                        None => FitMsg::Anchor.text(locale).to_string(),
                        Some(o) => {
                            let m = match o.evidence {
                                Evidence::Value(_) => FitMsg::AsValue,
                                Evidence::Between(..) => FitMsg::Middle,
                                Evidence::AtLeast(_) => FitMsg::Floor,
                                Evidence::AtMost(_) => FitMsg::Ceiling,
                            };
                            fill(m.text(locale), &[&money(o.evidence.fit_value())])
                        }
                    };
                    FitRow {
                        year: p.year,
                        says: point_text(p, &unit, shown),
                        provenance: p.provenance,
                        used,
                        line: value_at(f.anchor_year, f.anchor_value, f.rate, p.year)
                            .map(money)
                            .unwrap_or_else(|_| "—".into()),
                    }
                })
                .collect()
        })
        .unwrap_or_default();
    FitExplained { moved, range, rows }
}

/// A row of the key facts: its label (in the report's languages), value, year and source.
#[derive(Debug, Clone, PartialEq)]
pub struct FactRow {
    pub label: LocalText,
    pub value: String,
    pub year: String,
    pub provenance: Provenance,
}

pub fn fact_rows(r: &Report, shown: Shown) -> Vec<FactRow> {
    r.facts
        .iter()
        .map(|f| {
            let p = Point {
                year: f.year.unwrap_or(0),
                value: f.value,
                provenance: f.provenance,
                bound: f.bound,
                upper: None,
                note: None,
            };
            FactRow {
                label: f.label.clone(),
                value: point_text(&p, &f.unit, shown),
                year: f.year.map(|y| y.to_string()).unwrap_or_default(),
                provenance: f.provenance,
            }
        })
        .collect()
}

/// A check as the overview lists it: its key, class (warning or info) and sentence.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct CheckRow {
    pub key: &'static str,
    pub class: &'static str,
    pub text: String,
}

pub fn check_rows(checks: &[Check], r: &Report, shown: Shown) -> Vec<CheckRow> {
    checks
        .iter()
        .map(|c| CheckRow {
            key: c.key,
            class: if c.severity == Severity::Warning {
                "check warning"
            } else {
                "check info"
            },
            text: describe(c, r, shown),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::bundled::load_bundled;
    use crate::domain::checks::run_checks;
    use crate::domain::engine::model::compute;
    use crate::domain::scenario::Scenario;

    fn report(id: &str) -> Report {
        let (reports, errors) = load_bundled();
        assert!(errors.is_empty(), "{errors:?}");
        reports
            .into_iter()
            .find(|r| r.id == id)
            .expect("bundled report")
    }

    #[test]
    fn a_fitted_rate_is_explained_with_its_range_and_evidence() {
        let r = report("china-call-center");
        let c = compute(&r, &Scenario::published()).expect("model");
        let g = published_growth(&r, Some(&c), Shown::as_reported(Locale::En));
        assert!(
            g.rate.starts_with("12.1% a year: the least-squares trend"),
            "{}",
            g.rate
        );
        let fit = g.fit.expect("fitted");
        assert!(fit.range.contains("10.03% to 21.07%"), "{}", fit.range);
        assert_eq!(fit.rows.len(), 4);
        let y2013 = fit.rows.iter().find(|row| row.year == 2013).expect("2013");
        assert_eq!(y2013.says, "≥\u{a0}¥90\u{a0}bn, <\u{a0}¥100\u{a0}bn");
        assert!(y2013.used.starts_with("its middle, ≈ "), "{}", y2013.used);
        // The anchor row says so; every row has a line value, never a NaN.
        assert!(fit
            .rows
            .iter()
            .any(|row| row.used == FitMsg::Anchor.text(Locale::En)));
        assert!(fit.rows.iter().all(|row| !row.line.contains("NaN")));
        // In Chinese, no English left.
        let zh = published_growth(&r, Some(&c), Shown::as_reported(Locale::ZhHant));
        assert!(!zh.rate.contains("a year"), "{}", zh.rate);
        // An interval's two bounds joined by the Chinese comma, not an English one.
        let zh_fit = zh.fit.expect("fitted");
        let zh_2013 = zh_fit
            .rows
            .iter()
            .find(|row| row.year == 2013)
            .expect("2013");
        assert_eq!(zh_2013.says, "≥\u{a0}900億元，<\u{a0}1,000億元");
    }

    #[test]
    fn an_implied_rate_is_stated_without_a_fit_and_stated_rates_are_listed() {
        let r = report("smartphone-leasing");
        let c = compute(&r, &Scenario::published()).expect("model");
        let g = published_growth(&r, Some(&c), Shown::as_reported(Locale::En));
        assert!(g.rate.contains("13.6% a year"), "{}", g.rate);
        assert!(g.fit.is_none());
        assert_eq!(g.implied, "13.6%");
        assert_eq!(g.stated.len(), r.growth_statements.len());
        // Without a model there is nothing to state, and no panic.
        let none = published_growth(&r, None, Shown::as_reported(Locale::En));
        assert_eq!(none.rate, "");
        assert_eq!(none.implied, "");
    }

    #[test]
    fn headline_figures_read_first_to_last() {
        let r = report("china-call-center");
        assert_eq!(
            headline_text(&r, Shown::as_reported(Locale::En)),
            "¥70.1\u{a0}bn (2011) → ≥\u{a0}¥100\u{a0}bn (2014)"
        );
    }

    #[test]
    fn facts_and_checks_as_rows() {
        for r in load_bundled().0 {
            let rows = fact_rows(&r, Shown::as_reported(Locale::En));
            assert_eq!(rows.len(), r.facts.len());
            assert!(rows
                .iter()
                .all(|f| !f.value.is_empty() && !f.value.contains("NaN")));
            let checks = compute(&r, &Scenario::published())
                .map(|c| run_checks(&r, &c))
                .unwrap_or_default();
            let rows = check_rows(&checks, &r, Shown::as_reported(Locale::En));
            assert_eq!(rows.len(), checks.len());
            for (row, c) in rows.iter().zip(&checks) {
                assert_eq!(row.key, c.key);
                assert_eq!(
                    row.class == "check warning",
                    c.severity == Severity::Warning
                );
                assert!(!row.text.is_empty());
            }
        }
    }

    #[test]
    fn headline_notes_name_intervals_when_there_are_some() {
        let plain = headline_notes(Locale::En, false);
        let intervals = headline_notes(Locale::En, true);
        assert_eq!(plain.len(), 5);
        assert_eq!(intervals[3].0, FitMsg::NoteBounds.text(Locale::En));
        assert_ne!(plain[3].0, intervals[3].0);
    }
}
