//! Consistency checks: what the numbers themselves raise. Returned as data (kind, severity,
//! the numbers, a message key); the interface words them in the reader's language.

use super::engine::growth::compare_stated;
use super::engine::model::{series, Computed, DimensionResult};
use super::schema::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// Worth knowing; nothing contradicts.
    Info,
    /// Two statements, or a statement and the model, disagree.
    Warning,
}

#[derive(Debug, Clone, PartialEq)]
pub enum CheckKind {
    /// A stated CAGR against the rate its endpoints imply.
    StatedVsImplied {
        series: String,
        from_year: i32,
        to_year: i32,
        stated: f64,
        implied: f64,
        /// Where the stated rate compounds the start value to.
        stated_end: f64,
        reported_end: f64,
    },
    /// Statements of parts and their shares: the totals they imply.
    ImpliedTotals {
        whole: String,
        year: i32,
        /// (part name, value, share, implied whole) per statement.
        parts: Vec<(LocalText, f64, f64, f64)>,
        /// Largest relative difference between the implied totals.
        spread: f64,
    },
    /// KPI targets for the same metric that disagree.
    ConflictingTargets {
        metric: String,
        /// (KPI id, value, section) per target.
        targets: Vec<(String, f64, LocalText)>,
    },
    /// The path in force against a bound or an interval the source gives.
    PathVsBound {
        series: String,
        year: i32,
        bound: f64,
        side: BoundSide,
        /// An interval's top ("900多": below 1000), above `bound` on a lower bound.
        upper: Option<f64>,
        path_value: f64,
    },
    /// A qualitative claim of the source against the segment model.
    SegmentClaim {
        claim: ClaimKind,
        dimension: String,
        member: String,
        /// The member that leads the model instead, when the claim fails.
        leader: String,
    },
    /// Entries of one heading in the contents that carry the same title.
    RepeatedTitle {
        /// Their numbers ("3.1.4", "3.1.5").
        numbers: Vec<String>,
        title: LocalText,
    },
    /// Entries under a heading numbered as if they belonged to another one.
    MisplacedNumbers {
        /// The heading ("6.7").
        heading: String,
        /// Every entry's number under it, in order ("6.1.8", "6.7.1", "6.1.9").
        numbers: Vec<String>,
        /// Those that do not start with the heading's number.
        misplaced: Vec<String>,
    },
    /// An entry about a year outside the span its heading names.
    YearOutsideHeading {
        heading: String,
        from: i32,
        to: i32,
        entry: String,
        year: i32,
    },
    /// A title that explains a well-known abbreviation with words of another meaning.
    AbbreviationGloss {
        entry: String,
        title: LocalText,
        abbreviation: &'static str,
        /// What the abbreviation stands for: English, Simplified, Traditional.
        stands_for: [&'static str; 3],
    },
    /// A share target and a level target of the same horizon, read against the whole the
    /// share is of: 3 million users is 2% of 150 million, not the 5% aimed for.
    ShareVsLevel {
        share_kpi: String,
        level_kpi: String,
        /// The series the share is of, and its latest reported value.
        series: String,
        year: i32,
        whole: f64,
        share: f64,
        level: f64,
        /// `level / whole`.
        implied_share: f64,
        /// `share × whole`.
        implied_level: f64,
    },
    /// A level on a bounded scale that a per-period rise carries past the top.
    ScaleOverflow {
        level_kpi: String,
        change_kpi: String,
        /// The assumption giving the top of the scale.
        scale: String,
        start: f64,
        step: f64,
        cadence: Cadence,
        top: f64,
        /// Periods until the level passes the top, and where it is then.
        periods: u32,
        end: f64,
    },
    /// A direction the source claims for its figures, against the figures.
    Trend {
        claim: TrendKind,
        summary: LocalText,
        /// The figures, in year order.
        points: Vec<TrendPoint>,
        /// Year-on-year growth between consecutive figures, where the figures fix it.
        steps: Vec<TrendStep>,
    },
    /// A span the source gives a length to, against the years it covers.
    SpanLength {
        from: i32,
        to: i32,
        stated: u32,
        /// Calendar years from `from` to `to`, both included.
        counted: u32,
    },
    /// A listed figure about the report's region in another currency than the region's other
    /// money figures, which use the report's currency.
    ListedCurrency {
        /// "Figure 15".
        item: String,
        title: LocalText,
        unit_label: String,
        currency: &'static str,
        /// (number, unit label) of the region's figures in the report's currency.
        others: Vec<(String, String)>,
    },
}

/// One figure a trend claim speaks of.
#[derive(Debug, Clone, PartialEq)]
pub struct TrendPoint {
    pub series: String,
    pub year: i32,
    pub value: f64,
    pub bound: Option<BoundSide>,
}

/// Growth a year between two figures; `side` says whether it is a floor (`Lower`: the later
/// figure is a floor) or a ceiling, `None` when both figures are reported.
#[derive(Debug, Clone, PartialEq)]
pub struct TrendStep {
    pub from: i32,
    pub to: i32,
    pub rate: f64,
    pub side: Option<BoundSide>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Check {
    pub kind: CheckKind,
    pub severity: Severity,
    /// Translation key of the message ("check.stated_vs_implied.warning").
    pub key: &'static str,
}

/// Rates closer than this (0.05 points) count as agreeing.
pub const RATE_TOLERANCE: f64 = 0.0005;
/// Implied totals closer than this (0.5%) count as agreeing: shares are rounded to 0.1 points.
pub const TOTAL_TOLERANCE: f64 = 0.005;
/// A share target and the share its level target implies agree within half a point: plans
/// give shares in whole percent.
pub const SHARE_TOLERANCE: f64 = 0.005;

impl Check {
    /// A check that either holds (info, key `yes`) or does not (warning, key `no`).
    fn judged(kind: CheckKind, holds: bool, yes: &'static str, no: &'static str) -> Check {
        let (severity, key) = if holds {
            (Severity::Info, yes)
        } else {
            (Severity::Warning, no)
        };
        Check {
            kind,
            severity,
            key,
        }
    }
}

/// Every check of a report, under the scenario that produced `computed`.
pub fn run_checks(report: &Report, computed: &Computed) -> Vec<Check> {
    ReportChecks::new(report).with_scenario(report, computed)
}

/// The checks that read only the report (not the scenario's model), found once: a view that
/// re-checks on every change of assumptions runs only the rest ([`ReportChecks::with_scenario`]).
#[derive(Debug, Clone, PartialEq)]
pub struct ReportChecks {
    /// Those listed before the scenario's checks, and after them (the order of `run_checks`).
    before: Vec<Check>,
    after: Vec<Check>,
}

impl ReportChecks {
    pub fn new(report: &Report) -> Self {
        let mut before = Vec::new();
        stated_vs_implied(report, &mut before);
        implied_totals(report, &mut before);
        conflicting_targets(report, &mut before);
        let mut after = Vec::new();
        share_vs_level(report, &mut after);
        scale_overflow(report, &mut after);
        trend_claims(report, &mut after);
        span_lengths(report, &mut after);
        contents_checks(&report.contents.chapters, None, &mut after);
        listed_currencies(report, &mut after);
        ReportChecks { before, after }
    }

    /// Every check for this report (the one `new` was given) and a model of it, in order.
    pub fn with_scenario(&self, report: &Report, computed: &Computed) -> Vec<Check> {
        let mut checks = self.before.clone();
        path_vs_bounds(report, computed, &mut checks);
        segment_claims(report, computed, &mut checks);
        checks.extend(self.after.iter().cloned());
        checks
    }
}

fn reported_value(s: &Series, year: i32) -> Option<f64> {
    s.points
        .iter()
        .find(|p| p.year == year && p.provenance == Provenance::Reported)
        .map(|p| p.value)
}

fn stated_vs_implied(report: &Report, out: &mut Vec<Check>) {
    for g in &report.growth_statements {
        let Ok(s) = series(report, &g.series) else {
            continue;
        };
        let (Some(start), Some(end)) =
            (reported_value(s, g.from_year), reported_value(s, g.to_year))
        else {
            continue;
        };
        let Ok(c) = compare_stated(start, end, f64::from(g.to_year - g.from_year), g.rate) else {
            continue;
        };
        let agrees = (c.implied - c.stated).abs() <= RATE_TOLERANCE;
        out.push(Check::judged(
            CheckKind::StatedVsImplied {
                series: g.series.clone(),
                from_year: g.from_year,
                to_year: g.to_year,
                stated: c.stated,
                implied: c.implied,
                stated_end: c.stated_end,
                reported_end: c.reported_end,
            },
            agrees,
            "check.stated_vs_implied.agrees",
            "check.stated_vs_implied.differs",
        ));
    }
}

fn implied_totals(report: &Report, out: &mut Vec<Check>) {
    // Each whole once, in the order the report first names it (statements of one whole need
    // not stand next to each other).
    let mut wholes: Vec<&str> = Vec::new();
    for s in &report.share_statements {
        if !wholes.contains(&s.whole.as_str()) {
            wholes.push(&s.whole);
        }
    }
    for whole in wholes {
        let parts: Vec<_> = report
            .share_statements
            .iter()
            .filter(|s| s.whole == whole)
            .map(|s| (s.part.clone(), s.value, s.share, s.value / s.share))
            .collect();
        if parts.len() < 2 {
            continue;
        }
        let max = parts.iter().map(|p| p.3).fold(f64::MIN, f64::max);
        let min = parts.iter().map(|p| p.3).fold(f64::MAX, f64::min);
        let spread = (max - min) / min;
        // Figures near the largest double imply totals beyond it: nothing to compare.
        if !(parts.iter().all(|p| p.3.is_finite()) && spread.is_finite()) {
            continue;
        }
        let agrees = spread <= TOTAL_TOLERANCE;
        out.push(Check::judged(
            CheckKind::ImpliedTotals {
                whole: whole.to_string(),
                year: report
                    .share_statements
                    .iter()
                    .find(|s| s.whole == whole)
                    .map_or(0, |s| s.year),
                parts,
                spread,
            },
            agrees,
            "check.implied_totals.agree",
            "check.implied_totals.differ",
        ));
    }
}

fn conflicting_targets(report: &Report, out: &mut Vec<Check>) {
    let mut metrics: Vec<&str> = report.kpis.iter().map(|k| k.metric.as_str()).collect();
    metrics.sort_unstable();
    metrics.dedup();
    for metric in metrics {
        let targets: Vec<_> = report
            .kpis
            .iter()
            .filter(|k| k.metric == metric)
            .map(|k| (k.id.clone(), k.value, k.section.clone()))
            .collect();
        let first = targets[0].1;
        if targets.len() > 1 && targets.iter().any(|t| (t.1 - first).abs() > 1e-12) {
            out.push(Check {
                kind: CheckKind::ConflictingTargets {
                    metric: metric.to_string(),
                    targets,
                },
                severity: Severity::Warning,
                key: "check.conflicting_targets",
            });
        }
    }
}

fn path_vs_bounds(report: &Report, computed: &Computed, out: &mut Vec<Check>) {
    let Some(h) = &computed.headline else { return };
    let Ok(s) = series(report, &h.series) else {
        return;
    };
    for p in s
        .points
        .iter()
        .filter(|p| p.provenance == Provenance::Bound)
    {
        let (Some(side), Some(path_value)) = (p.bound, h.value(p.year)) else {
            continue;
        };
        let within = |limit: f64| path_value <= limit * (1.0 + 1e-9);
        let holds = match side {
            BoundSide::Lower => path_value >= p.value * (1.0 - 1e-9),
            BoundSide::Upper => within(p.value),
        };
        // An interval's top is a limit the path may reach (the fastest rate a fit allows meets
        // it, within rounding) but not pass.
        let upper = p.upper.filter(|_| side == BoundSide::Lower);
        let holds = holds && upper.is_none_or(within);
        out.push(Check::judged(
            CheckKind::PathVsBound {
                series: h.series.clone(),
                year: p.year,
                bound: p.value,
                side,
                upper,
                path_value,
            },
            holds,
            "check.bound.holds",
            "check.bound.violated",
        ));
    }
}

fn segment_claims(report: &Report, computed: &Computed, out: &mut Vec<Check>) {
    for claim in &report.segment_claims {
        let Some(Ok(d)) = report
            .dimensions
            .iter()
            .position(|d| d.id == claim.dimension)
            .and_then(|i| computed.dimensions.get(i))
        else {
            continue;
        };
        let leader = match claim.kind {
            ClaimKind::LargestShare => largest_share_leader(d, &claim.member),
            ClaimKind::FastestGrowth => fastest_growth_leader(d),
        };
        let Some(leader) = leader else { continue };
        let holds = leader == claim.member;
        out.push(Check::judged(
            CheckKind::SegmentClaim {
                claim: claim.kind,
                dimension: claim.dimension.clone(),
                member: claim.member.clone(),
                leader,
            },
            holds,
            "check.claim.holds",
            "check.claim.fails",
        ));
    }
}

/// Share targets read against the whole they are a share of (`of`: a series, its latest
/// reported value), beside the level targets of the same horizon that count the same thing.
fn share_vs_level(report: &Report, out: &mut Vec<Check>) {
    for share in report.kpis.iter().filter(|k| k.kind == KpiKind::Share) {
        let Some(s) = share.of.as_deref().and_then(|id| series(report, id).ok()) else {
            continue;
        };
        let Some(base) = s
            .points
            .iter()
            .filter(|p| p.provenance == Provenance::Reported && p.value > 0.0)
            .max_by_key(|p| p.year)
        else {
            continue;
        };
        for level in report
            .kpis
            .iter()
            .filter(|k| k.kind == KpiKind::Level && k.unit == s.unit && k.horizon == share.horizon)
        {
            let implied_share = level.value / base.value;
            let implied_level = share.value * base.value;
            // A level far above a tiny whole (or a share of a whole near the largest double)
            // implies a figure no double holds: nothing to compare.
            if !(implied_share.is_finite() && implied_level.is_finite()) {
                continue;
            }
            out.push(Check::judged(
                CheckKind::ShareVsLevel {
                    share_kpi: share.id.clone(),
                    level_kpi: level.id.clone(),
                    series: s.id.clone(),
                    year: base.year,
                    whole: base.value,
                    share: share.value,
                    level: level.value,
                    implied_share,
                    implied_level,
                },
                (implied_share - share.value).abs() <= SHARE_TOLERANCE,
                "check.share_vs_level.agree",
                "check.share_vs_level.differ",
            ));
        }
    }
}

/// A steady rise of a level on a bounded scale: the change target's `of` is the level
/// target, whose `of` is the assumption giving the top of its scale (its default).
fn scale_overflow(report: &Report, out: &mut Vec<Check>) {
    let kpi = |id: &str| report.kpis.iter().find(|k| k.id == id);
    for change in report
        .kpis
        .iter()
        .filter(|k| matches!(k.kind, KpiKind::Throughput | KpiKind::GrowthRate) && k.value > 0.0)
    {
        let Some(level) = change.of.as_deref().and_then(kpi) else {
            continue;
        };
        let Some(scale) = level
            .of
            .as_deref()
            .and_then(|id| report.assumptions.iter().find(|a| a.id == id))
        else {
            continue;
        };
        let (Some(cadence), top) = (change.cadence, scale.range.default) else {
            continue;
        };
        let at = |n: u32| match change.kind {
            KpiKind::GrowthRate => level.value * (1.0 + change.value).powi(n as i32),
            _ => level.value + f64::from(n) * change.value,
        };
        // The first period whose level is above the top (a hair of rounding allowed).
        let Some(periods) = (0..=10_000u32).find(|&n| at(n) > top + 1e-9) else {
            continue;
        };
        // A step so large that the level passes the largest double: no figure to show.
        let end = at(periods);
        if !end.is_finite() {
            continue;
        }
        out.push(Check {
            kind: CheckKind::ScaleOverflow {
                level_kpi: level.id.clone(),
                change_kpi: change.id.clone(),
                scale: scale.id.clone(),
                start: level.value,
                step: change.value,
                cadence,
                top,
                periods,
                end,
            },
            severity: Severity::Warning,
            key: "check.scale_overflow",
        });
    }
}

/// Claimed directions against the figures: reported and bound values of the claim's series
/// within its years, in year order.
fn trend_claims(report: &Report, out: &mut Vec<Check>) {
    for claim in &report.trend_claims {
        let mut points: Vec<TrendPoint> = claim
            .series
            .iter()
            .filter_map(|id| series(report, id).ok())
            .flat_map(|s| {
                s.points
                    .iter()
                    .filter(|p| {
                        claim.years.contains(p.year)
                            && matches!(p.provenance, Provenance::Reported | Provenance::Bound)
                    })
                    .map(|p| TrendPoint {
                        series: s.id.clone(),
                        year: p.year,
                        value: p.value,
                        bound: p.bound,
                    })
            })
            .collect();
        points.sort_by_key(|p| p.year);
        if points.len() < 2 {
            continue;
        }
        let steps: Vec<TrendStep> = points
            .windows(2)
            .filter(|w| w[1].year > w[0].year && w[0].value > 0.0)
            .filter_map(|w| {
                // A floor after a reported value bounds the growth from below, and so on; two
                // floors (or two ceilings) fix nothing.
                let side = match (w[0].bound, w[1].bound) {
                    (None, None) => None,
                    (None, Some(b)) => Some(b),
                    (Some(BoundSide::Lower), None) => Some(BoundSide::Upper),
                    (Some(BoundSide::Upper), None) => Some(BoundSide::Lower),
                    _ => return None,
                };
                let years = f64::from(w[1].year - w[0].year);
                let rate = (w[1].value / w[0].value).powf(1.0 / years) - 1.0;
                // From a positive figure to a negative one there is no compound rate (NaN), and
                // a ratio beyond the largest double has none either: no step.
                if !rate.is_finite() {
                    return None;
                }
                Some(TrendStep {
                    from: w[0].year,
                    to: w[1].year,
                    rate,
                    side,
                })
            })
            .collect();
        let (first, last) = (&points[0], &points[points.len() - 1]);
        let (holds, yes, no) = match claim.kind {
            TrendKind::Rises => (
                last.value > first.value,
                "check.trend.rises.holds",
                "check.trend.rises.fails",
            ),
            TrendKind::Slows => (
                steps.len() >= 2 && steps.windows(2).all(|w| w[1].rate < w[0].rate),
                "check.trend.slows.holds",
                "check.trend.slows.fails",
            ),
        };
        out.push(Check::judged(
            CheckKind::Trend {
                claim: claim.kind,
                summary: claim.summary.clone(),
                points,
                steps,
            },
            holds,
            yes,
            no,
        ));
    }
}

/// Spans the source gives a length to ("the three years 2000–2004"): the length must be the
/// span's calendar years (2000 to 2004 is five) or its difference (four).
fn span_lengths(report: &Report, out: &mut Vec<Check>) {
    for d in &report.developments {
        let Some(stated) = d.years else { continue };
        let Some((from, to)) = d
            .date
            .split_once('/')
            .and_then(|(a, b)| Some((a.parse::<i32>().ok()?, b.parse::<i32>().ok()?)))
        else {
            continue;
        };
        let counted = u32::try_from(to - from + 1).unwrap_or(0);
        out.push(Check::judged(
            CheckKind::SpanLength {
                from,
                to,
                stated,
                counted,
            },
            stated == counted || stated + 1 == counted,
            "check.span.agrees",
            "check.span.differs",
        ));
    }
}

/// Abbreviations the sources explain in titles, and what they stand for (English, Simplified,
/// Traditional). The English is matched without case and may be followed by a plural "s".
pub const ABBREVIATIONS: [(&str, [&str; 3]); 4] = [
    (
        "CRM",
        [
            "customer relationship management",
            "客户关系管理",
            "客戶關係管理",
        ],
    ),
    (
        "IVR",
        [
            "interactive voice response",
            "交互式语音应答",
            "交互式語音應答",
        ],
    ),
    (
        "CTI",
        [
            "computer telephony integration",
            "计算机电话集成",
            "計算機電話集成",
        ],
    ),
    (
        "ACD",
        [
            "automatic call distributor",
            "自动呼叫分配器",
            "自動呼叫分配器",
        ],
    ),
];

/// The years a title names: a span ("2013-2014", "2013–2014") and single years ("2012年").
fn title_years(text: &str) -> (Option<(i32, i32)>, Vec<i32>) {
    let chars: Vec<char> = text.chars().collect();
    let mut years: Vec<(usize, i32)> = Vec::new();
    let mut i = 0;
    while i + 4 <= chars.len() {
        let digits = chars[i..i + 4].iter().all(char::is_ascii_digit);
        let bounded = (i == 0 || !chars[i - 1].is_ascii_digit())
            && chars.get(i + 4).is_none_or(|c| !c.is_ascii_digit());
        if digits && bounded {
            let y: i32 = chars[i..i + 4]
                .iter()
                .collect::<String>()
                .parse()
                .unwrap_or(0);
            if (1900..=2100).contains(&y) {
                years.push((i, y));
            }
            i += 4;
        } else {
            i += 1;
        }
    }
    for w in years.windows(2) {
        let between: String = chars[w[0].0 + 4..w[1].0].iter().collect();
        if matches!(between.trim(), "-" | "–" | "—" | "至" | "to") && w[0].1 <= w[1].1 {
            let singles = years
                .iter()
                .filter(|(p, _)| *p != w[0].0 && *p != w[1].0)
                .map(|(_, y)| *y)
                .collect();
            return (Some((w[0].1, w[1].1)), singles);
        }
    }
    (None, years.into_iter().map(|(_, y)| y).collect())
}

/// The text of a title in the source's script when there is one, else the English.
fn title_key(t: &LocalText) -> &str {
    t.zh_hans
        .as_deref()
        .or(t.zh_hant.as_deref())
        .unwrap_or(&t.en)
}

/// What the contents themselves contradict: repeated titles, misplaced numbers, years outside
/// their heading's span, abbreviations explained with the wrong words.
fn contents_checks(
    chapters: &[Chapter],
    heading: Option<(&Chapter, (i32, i32))>,
    out: &mut Vec<Check>,
) {
    // Entries of one heading with the same title, each group once.
    let mut seen: Vec<&str> = Vec::new();
    for c in chapters {
        let key = title_key(&c.title);
        if seen.contains(&key) {
            continue;
        }
        seen.push(key);
        let numbers: Vec<String> = chapters
            .iter()
            .filter(|o| title_key(&o.title) == key)
            .map(|o| o.number.clone())
            .collect();
        if numbers.len() > 1 {
            out.push(Check {
                kind: CheckKind::RepeatedTitle {
                    numbers,
                    title: c.title.clone(),
                },
                severity: Severity::Warning,
                key: "check.contents.repeated_title",
            });
        }
    }
    for c in chapters {
        // Numbers under this entry that do not start with its own.
        let prefix = format!("{}.", c.number);
        let misplaced: Vec<String> = c
            .children
            .iter()
            .filter(|ch| !ch.number.starts_with(&prefix))
            .map(|ch| ch.number.clone())
            .collect();
        if !misplaced.is_empty() {
            out.push(Check {
                kind: CheckKind::MisplacedNumbers {
                    heading: c.number.clone(),
                    numbers: c.children.iter().map(|ch| ch.number.clone()).collect(),
                    misplaced,
                },
                severity: Severity::Warning,
                key: "check.contents.misplaced_numbers",
            });
        }
        // Years against the nearest heading that names a span.
        let (span, singles) = title_years(&c.title.en);
        if let Some((h, (from, to))) = heading {
            let years = singles
                .iter()
                .copied()
                .chain(span.map(|s| s.0))
                .chain(span.map(|s| s.1));
            if let Some(year) = years.into_iter().find(|y| !(from..=to).contains(y)) {
                out.push(Check {
                    kind: CheckKind::YearOutsideHeading {
                        heading: h.number.clone(),
                        from,
                        to,
                        entry: c.number.clone(),
                        year,
                    },
                    severity: Severity::Warning,
                    key: "check.contents.year_outside_heading",
                });
            }
        }
        // "Words (ABBR)": the words must say what the abbreviation stands for.
        for (abbr, stands_for) in ABBREVIATIONS {
            let texts = [
                Some(c.title.en.as_str()),
                c.title.zh_hans.as_deref(),
                c.title.zh_hant.as_deref(),
            ];
            let glosses: Vec<(usize, &str)> = texts
                .iter()
                .enumerate()
                .filter_map(|(i, t)| {
                    let t = (*t)?;
                    let at = t
                        .find(&format!("({abbr})"))
                        .or_else(|| t.find(&format!("（{abbr}）")))?;
                    Some((i, t[..at].trim()))
                })
                .filter(|(_, words)| !words.is_empty())
                .collect();
            let explained = glosses.iter().any(|(i, words)| {
                words
                    .to_lowercase()
                    .contains(&stands_for[*i].to_lowercase())
            });
            if !glosses.is_empty() && !explained {
                out.push(Check {
                    kind: CheckKind::AbbreviationGloss {
                        entry: c.number.clone(),
                        title: c.title.clone(),
                        abbreviation: abbr,
                        stands_for,
                    },
                    severity: Severity::Warning,
                    key: "check.contents.abbreviation",
                });
            }
        }
        let next = span.map(|s| (c, s)).or(heading);
        contents_checks(&c.children, next, out);
    }
}

/// The currency a listed unit names ("亿美元" → USD, "亿元" → CNY, "$MN" → USD).
fn label_currency(label: &str) -> Option<&'static str> {
    if label.contains("美元") || label.contains('$') || label.contains("USD") {
        Some("USD")
    } else if label.contains("欧元") || label.contains("歐元") || label.contains('€') {
        Some("EUR")
    } else if label.contains('元')
        || label.contains('¥')
        || label.contains("RMB")
        || label.contains("CNY")
    {
        Some("CNY")
    } else {
        None
    }
}

/// Listed figures about the report's own region whose money is in another currency than the
/// region's other money figures (which use the report's currency).
fn listed_currencies(report: &Report, out: &mut Vec<Check>) {
    let region = &report.meta.region.en;
    let money: Vec<(&ListedItem, &str, &'static str)> = report
        .contents
        .listed
        .iter()
        .filter(|i| i.title.en.contains(region.as_str()))
        .filter_map(|i| {
            let label = i.unit_label.as_deref()?;
            Some((i, label, label_currency(label)?))
        })
        .collect();
    let others: Vec<(String, String)> = money
        .iter()
        .filter(|m| m.2 == report.meta.currency)
        .map(|m| (m.0.number.clone(), m.1.to_string()))
        .collect();
    if others.is_empty() {
        return;
    }
    for (item, label, currency) in money.iter().filter(|m| m.2 != report.meta.currency) {
        out.push(Check {
            kind: CheckKind::ListedCurrency {
                item: item.number.clone(),
                title: item.title.clone(),
                unit_label: label.to_string(),
                currency,
                others: others.clone(),
            },
            severity: Severity::Warning,
            key: "check.listed.currency",
        });
    }
}

/// The claimed member if it leads in every year; otherwise the first member that beats it.
fn largest_share_leader(d: &DimensionResult, claimed: &str) -> Option<String> {
    let claimed_row = d.row(claimed)?;
    // Claims speak of the forecast period: from the base year on.
    for t in d.base_index..d.years.len() {
        let top = d
            .top_level()
            .max_by(|a, b| a.values[t].total_cmp(&b.values[t]))?;
        if top.values[t] > claimed_row.values[t] {
            return Some(top.member.clone());
        }
    }
    Some(claimed.to_string())
}

/// The top-level member with the highest CAGR over the dimension's years.
fn fastest_growth_leader(d: &DimensionResult) -> Option<String> {
    let (b, n) = (d.base_index, d.years.len());
    if n < b + 2 {
        return None;
    }
    d.top_level()
        .filter(|r| r.values[b] > 0.0)
        .map(|r| (r.values[n - 1] / r.values[b], r))
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, r)| r.member.clone())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::bundled::load_bundled;
    use crate::domain::engine::model::compute;
    use crate::domain::scenario::Scenario;

    fn bundled(id: &str) -> Report {
        load_bundled()
            .0
            .into_iter()
            .find(|r| r.id == id)
            .expect("bundled report")
    }

    fn run(r: &Report) -> Vec<Check> {
        run_checks(r, &compute(r, &Scenario::published()).unwrap())
    }

    /// The report's own checks, found once, serve every scenario: the checks of the model
    /// follow the scenario (a path above "900多亿" is flagged, then no longer), the rest and
    /// the order stay those of a full run.
    #[test]
    fn report_checks_found_once_follow_each_scenario() {
        let r = bundled("china-call-center");
        let once = ReportChecks::new(&r);
        let above = |checks: &[Check]| {
            checks
                .iter()
                .filter(|c| {
                    c.severity == Severity::Warning
                        && matches!(c.kind, CheckKind::PathVsBound { .. })
                })
                .count()
        };
        let fast = Scenario {
            headline_rate: Some(0.25),
            ..Scenario::default()
        };
        for (scenario, flagged) in [
            (Scenario::published(), false),
            (fast, true),
            (Scenario::published(), false),
        ] {
            let computed = compute(&r, &scenario).unwrap();
            let checks = once.with_scenario(&r, &computed);
            assert_eq!(above(&checks) > 0, flagged, "{scenario:?}");
            assert_eq!(checks, run_checks(&r, &computed));
        }
    }

    #[test]
    fn implied_totals_take_each_whole_once_however_the_statements_are_ordered() {
        let mut r = bundled("china-call-center");
        // A second whole between the two statements of the first: A, B, A, B.
        let mut other = r.share_statements.clone();
        for s in &mut other {
            s.whole = "global-2014".into();
            s.year = 2014;
        }
        let (a1, a2) = (r.share_statements[0].clone(), r.share_statements[1].clone());
        r.share_statements = vec![a1, other[0].clone(), a2, other[1].clone()];
        let wholes: Vec<String> = run(&r)
            .into_iter()
            .filter_map(|c| match c.kind {
                CheckKind::ImpliedTotals { whole, parts, .. } => {
                    assert_eq!(parts.len(), 2, "{whole}");
                    Some(whole)
                }
                _ => None,
            })
            .collect();
        assert_eq!(wholes, ["global-2013", "global-2014"]);
    }

    fn contents_kinds(r: &Report) -> Vec<CheckKind> {
        run(r)
            .into_iter()
            .filter(|c| c.key.starts_with("check.contents.") || c.key == "check.listed.currency")
            .inspect(|c| assert_eq!(c.severity, Severity::Warning))
            .map(|c| c.kind)
            .collect()
    }

    #[test]
    fn the_call_center_contents_contradict_themselves_where_the_source_does() {
        let r = bundled("china-call-center");
        let title = |n: &str| -> LocalText {
            fn find(cs: &[Chapter], n: &str) -> Option<LocalText> {
                cs.iter().find_map(|c| {
                    if c.number == n {
                        Some(c.title.clone())
                    } else {
                        find(&c.children, n)
                    }
                })
            }
            find(&r.contents.chapters, n).unwrap()
        };
        let strings = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let expected = vec![
            CheckKind::RepeatedTitle {
                numbers: strings(&["3.1.4", "3.1.5"]),
                title: title("3.1.4"),
            },
            CheckKind::RepeatedTitle {
                numbers: strings(&["4.2.2", "4.2.3"]),
                title: title("4.2.2"),
            },
            CheckKind::AbbreviationGloss {
                entry: "5.4".into(),
                title: title("5.4"),
                abbreviation: "CRM",
                stands_for: ABBREVIATIONS[0].1,
            },
            CheckKind::MisplacedNumbers {
                heading: "6.7".into(),
                numbers: strings(&["6.1.8", "6.7.1", "6.1.9"]),
                misplaced: strings(&["6.1.8", "6.1.9"]),
            },
            CheckKind::YearOutsideHeading {
                heading: "10.2".into(),
                from: 2013,
                to: 2014,
                entry: "10.2.1".into(),
                year: 2012,
            },
            CheckKind::ListedCurrency {
                item: "Figure 15".into(),
                title: r.contents.listed[14].title.clone(),
                unit_label: "亿美元".into(),
                currency: "USD",
                others: vec![
                    ("Figure 13".into(), "亿元".into()),
                    ("Figure 14".into(), "亿元".into()),
                ],
            },
        ];
        assert_eq!(contents_kinds(&r), expected);
    }

    #[test]
    fn well_formed_contents_raise_nothing() {
        // Consistent numbering, no repeated titles, IVR/CTI/ACD explained correctly, figures in
        // the report's currency: nothing to say.
        for id in ["smartphone-leasing", "parent-child-community"] {
            assert_eq!(contents_kinds(&bundled(id)), vec![], "{id}");
        }
        let mut r = bundled("china-call-center");
        // Without a figure in the report's currency to compare with, a US$ figure is no conflict.
        r.contents
            .listed
            .retain(|i| i.number != "Figure 13" && i.number != "Figure 14");
        assert!(!contents_kinds(&r)
            .iter()
            .any(|k| matches!(k, CheckKind::ListedCurrency { .. })));
    }

    #[test]
    fn title_years_read_spans_and_single_years() {
        assert_eq!(
            title_years("2013-2014年中国呼叫中心产业分析"),
            (Some((2013, 2014)), vec![])
        );
        assert_eq!(
            title_years("Parks, 2013–2014, and 2012"),
            (Some((2013, 2014)), vec![2012])
        );
        assert_eq!(
            title_years("2012年中国呼叫中心产业园区建设动态"),
            (None, vec![2012])
        );
        assert_eq!(title_years("Impact of Covid-19"), (None, vec![]));
        assert_eq!(title_years("Table 12345"), (None, vec![]));
    }

    fn keys(r: &Report, prefix: &str) -> Vec<&'static str> {
        run(r)
            .into_iter()
            .map(|c| c.key)
            .filter(|k| k.starts_with(prefix))
            .collect()
    }

    #[test]
    fn trend_claims_hold_when_the_figures_bear_them_out() {
        let mut r = bundled("parent-child-community");
        // A market floor that rises, and users counted the same way in both years.
        r.series[0].points[1].value = 600e9;
        r.trend_claims[1].series = vec!["users".into()];
        r.series[1].points.push(Point::reported(2025, 160e6));
        assert_eq!(
            keys(&r, "check.trend"),
            ["check.trend.rises.holds", "check.trend.rises.holds"]
        );

        let mut c = bundled("china-call-center");
        // Seats growing 20% then 10%: a slowdown. One step alone cannot show one.
        let seats = c.series.iter_mut().find(|s| s.id == "seats").unwrap();
        assert_eq!(seats.points.len(), 2);
        seats.points = [(2012, 100.0), (2013, 120.0), (2014, 132.0)]
            .into_iter()
            .map(|(year, value)| Point::reported(year, value))
            .collect();
        assert_eq!(keys(&c, "check.trend"), ["check.trend.slows.holds"]);
        let seats = c.series.iter_mut().find(|s| s.id == "seats").unwrap();
        seats.points.remove(0);
        assert_eq!(keys(&c, "check.trend"), ["check.trend.slows.fails"]);
    }

    #[test]
    fn two_floors_fix_no_growth_step() {
        let mut c = bundled("china-call-center");
        let seats = c.series.iter_mut().find(|s| s.id == "seats").unwrap();
        seats.points[0].provenance = Provenance::Bound;
        seats.points[0].bound = Some(BoundSide::Lower);
        let steps = run(&c).into_iter().find_map(|ch| match ch.kind {
            CheckKind::Trend { steps, .. } => Some(steps),
            _ => None,
        });
        assert_eq!(steps, Some(vec![]));
    }

    #[test]
    fn span_lengths_count_calendar_years_or_their_difference() {
        let mut c = bundled("china-call-center");
        for (stated, key) in [
            (5, "check.span.agrees"),
            (4, "check.span.agrees"),
            (3, "check.span.differs"),
        ] {
            let d = c.developments.iter_mut().find(|d| d.date == "2000/2004");
            d.unwrap().years = Some(stated);
            assert_eq!(keys(&c, "check.span"), [key], "{stated}");
        }
    }

    #[test]
    fn a_share_and_a_level_that_agree_say_so() {
        let mut r = bundled("parent-child-community");
        let level = r
            .kpis
            .iter_mut()
            .find(|k| k.id == "active-users-3y")
            .unwrap();
        level.value = 7.5e6;
        assert_eq!(
            keys(&r, "check.share_vs_level"),
            ["check.share_vs_level.agree"]
        );
        // Without `of`, the share is not read against anything.
        let share = r
            .kpis
            .iter_mut()
            .find(|k| k.id == "market-share-3y")
            .unwrap();
        share.of = None;
        assert!(keys(&r, "check.share_vs_level").is_empty());
    }

    #[test]
    fn a_rating_that_stays_on_its_scale_raises_nothing() {
        let mut r = bundled("parent-child-community");
        assert_eq!(keys(&r, "check.scale"), ["check.scale_overflow"]);
        // A ten-point scale is passed only after 19 months (4.5 + 19 × 0.3 = 10.2).
        let scale = r
            .assumptions
            .iter_mut()
            .find(|a| a.id == "content-rating-scale")
            .unwrap();
        scale.range.default = 10.0;
        let periods = run(&r).into_iter().find_map(|c| match c.kind {
            CheckKind::ScaleOverflow { periods, .. } => Some(periods),
            _ => None,
        });
        assert_eq!(periods, Some(19));
        // No rise, no overflow.
        let gain = r
            .kpis
            .iter_mut()
            .find(|k| k.id == "content-rating-gain")
            .unwrap();
        gain.value = 0.0;
        assert!(keys(&r, "check.scale").is_empty());
    }
}
