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
    /// The path in force against a bound the source gives.
    PathVsBound {
        series: String,
        year: i32,
        bound: f64,
        side: BoundSide,
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
    let mut checks = Vec::new();
    stated_vs_implied(report, &mut checks);
    implied_totals(report, &mut checks);
    conflicting_targets(report, &mut checks);
    path_vs_bounds(report, computed, &mut checks);
    segment_claims(report, computed, &mut checks);
    checks
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
        let holds = match side {
            BoundSide::Lower => path_value >= p.value * (1.0 - 1e-9),
            BoundSide::Upper => path_value <= p.value * (1.0 + 1e-9),
        };
        out.push(Check::judged(
            CheckKind::PathVsBound {
                series: h.series.clone(),
                year: p.year,
                bound: p.value,
                side,
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
}
