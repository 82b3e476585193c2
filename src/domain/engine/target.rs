//! What the scenario power tools measure, and which inputs they may move.
//!
//! Sensitivity (tornado) and Monte Carlo both ask one question many times: "with these
//! assumptions, what does *this* quantity come to?". The quantity is a [`Target`]: the headline,
//! one segment of one dimension (moving a segment's share or growth in a top-down dimension
//! never moves the headline, so the headline alone would show those assumptions as inert), or a
//! plan projection. The inputs are every assumption slot of the report
//! ([`assumption_slots`]) plus the headline rate under the key [`HEADLINE_KEY`].
//!
//! An [`Evaluator`] answers the question through [`model::compute`](super::model::compute) on a
//! slimmed copy of the report that keeps only what the target depends on, so a Monte Carlo run
//! of 100,000 paths does not recompute 49 unrelated segments per path.

use super::error::{EngineError, EngineResult};
use super::model::{compute, published_rate};
use crate::domain::scenario::{
    assumption_slots, headline_rate_range, share_key, Scenario, SlotKind,
};
use crate::domain::schema::{AssumptionRange, Member, Provenance, Report, Unit};
use std::fmt;

/// The input key of the headline CAGR (the scenario's `headline_rate`).
pub const HEADLINE_KEY: &str = "headline";

/// The quantity a sensitivity or Monte Carlo run measures.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// The headline series, from its first year to `meta.forecast.to`.
    Headline,
    /// One member of one segment dimension (any depth), over the dimension's years.
    Segment { dimension: String, member: String },
    /// A plan projection by id, over its periods `0..=periods`.
    Projection(String),
}

impl Target {
    /// The natural target of a report: the headline of a market report, the first projection
    /// of a plan. `None` when the report has neither.
    pub fn default_for(report: &Report) -> Option<Target> {
        if report.forecast.is_some() {
            Some(Target::Headline)
        } else {
            report
                .projections
                .first()
                .map(|p| Target::Projection(p.id.clone()))
        }
    }

    /// The target as a picker's option value: "headline", "seg:type:camera", "proj:users".
    pub fn key(&self) -> String {
        match self {
            Target::Headline => HEADLINE_KEY.to_string(),
            Target::Segment { dimension, member } => format!("seg:{dimension}:{member}"),
            Target::Projection(id) => format!("proj:{id}"),
        }
    }

    /// The target an option value names (see [`Target::key`]); `None` for anything else.
    pub fn from_key(key: &str) -> Option<Target> {
        if key == HEADLINE_KEY {
            return Some(Target::Headline);
        }
        if let Some(rest) = key.strip_prefix("seg:") {
            let (dimension, member) = rest.split_once(':')?;
            return Some(Target::Segment {
                dimension: dimension.into(),
                member: member.into(),
            });
        }
        key.strip_prefix("proj:")
            .map(|id| Target::Projection(id.to_string()))
    }

    /// The target the tools measure: `picked` while the report still has it (a segment only
    /// of `dimension`, the one the view shows, at its top level, as the picker lists them),
    /// otherwise the report's natural target.
    pub fn resolve(
        report: &Report,
        picked: Option<Target>,
        dimension: Option<&str>,
    ) -> Option<Target> {
        let valid = match &picked {
            Some(Target::Headline) => report.forecast.is_some(),
            Some(Target::Segment {
                dimension: d,
                member,
            }) => {
                report.forecast.is_some()
                    && dimension == Some(d.as_str())
                    && report
                        .dimensions
                        .iter()
                        .find(|x| x.id == *d)
                        .is_some_and(|x| x.members.iter().any(|m| m.id == *member))
            }
            Some(Target::Projection(id)) => report.projections.iter().any(|p| p.id == *id),
            None => false,
        };
        if valid {
            picked
        } else {
            Target::default_for(report)
        }
    }

    /// The unit the target's values are in: a projection's start value's, else the headline's.
    pub fn unit(&self, report: &Report) -> Unit {
        match self {
            Target::Projection(id) => report
                .projections
                .iter()
                .find(|p| p.id == *id)
                .and_then(|p| report.assumptions.iter().find(|a| a.id == p.start))
                .map_or(Unit::Number, |a| a.unit.clone()),
            _ => report.headline_unit(),
        }
    }
}

/// A target's path under a scenario, as (year or period, value, provenance): the headline
/// with the provenance of each of its points, anything else derived when the scenario is the
/// published one and the reader's own otherwise. Empty when it cannot be computed.
pub fn target_path(
    report: &Report,
    target: &Target,
    scenario: &Scenario,
) -> Vec<(i32, f64, Provenance)> {
    if *target == Target::Headline {
        if let Some(h) = compute(report, scenario).ok().and_then(|c| c.headline) {
            return h
                .points
                .iter()
                .map(|p| (p.year, p.value, p.provenance))
                .collect();
        }
    }
    let provenance = if scenario.is_published() {
        Provenance::Derived
    } else {
        Provenance::Scenario
    };
    Evaluator::new(report, target)
        .ok()
        .and_then(|e| e.path(scenario).ok())
        .map(|path| path.into_iter().map(|(x, v)| (x, v, provenance)).collect())
        .unwrap_or_default()
}

/// Why a target cannot be measured in a report.
#[derive(Debug, Clone, PartialEq)]
pub enum TargetError {
    /// `Target::Headline` on a report without a forecast model (a plan).
    NoHeadline,
    UnknownDimension(String),
    UnknownMember {
        dimension: String,
        member: String,
    },
    UnknownProjection(String),
    /// The report's model could not be computed under the base scenario.
    Engine(EngineError),
}

impl fmt::Display for TargetError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TargetError::NoHeadline => write!(f, "the report has no headline forecast"),
            TargetError::UnknownDimension(d) => write!(f, "the report has no dimension `{d}`"),
            TargetError::UnknownMember { dimension, member } => {
                write!(f, "dimension `{dimension}` has no member `{member}`")
            }
            TargetError::UnknownProjection(p) => write!(f, "the report has no projection `{p}`"),
            TargetError::Engine(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for TargetError {}

impl From<EngineError> for TargetError {
    fn from(e: EngineError) -> Self {
        TargetError::Engine(e)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputKind {
    /// The headline CAGR.
    Headline,
    /// A segment's base-year share of its parent.
    Share,
    /// A segment's own growth rate.
    Growth,
    /// A plan assumption (a start value or a rate per period).
    Plan,
}

/// One input the tools may move: its key, its default and the range its slider covers.
#[derive(Debug, Clone, PartialEq)]
pub struct Input {
    pub key: String,
    pub kind: InputKind,
    /// For the headline: the published rate and the forecast's `rate_range`.
    pub range: AssumptionRange,
    /// A rate or share (a fraction, moved by percentage points) rather than a level such as
    /// a start value of 100,000 users (moved by a relative amount: "±2 points" of a count
    /// means nothing, ±2% of it does).
    pub is_fraction: bool,
}

impl Input {
    /// The input's value under a scenario (its default when the scenario leaves it alone).
    pub fn value(&self, scenario: &Scenario) -> f64 {
        match self.kind {
            InputKind::Headline => scenario.headline_rate.unwrap_or(self.range.default),
            _ => scenario.value(&self.key, self.range.default),
        }
    }

    /// Sets the input in a scenario. The value is stored even when it equals the default
    /// (the tools set values many times; only the reader's own scenario forgets defaults).
    pub fn apply(&self, scenario: &mut Scenario, value: f64) {
        match self.kind {
            InputKind::Headline => scenario.headline_rate = Some(value),
            _ => {
                scenario.values.insert(self.key.clone(), value);
            }
        }
    }

    /// `value` clamped into the input's range (never panics, even on a range whose ends are
    /// swapped or NaN; a NaN value lands on `min`).
    pub fn clamp(&self, value: f64) -> f64 {
        value.max(self.range.min).min(self.range.max)
    }
}

/// An input's value in force under a scenario: [`Input::value`], except for a share the
/// scenario leaves alone, which is the share it takes once the shares the reader set are kept
/// and the others make room ([`model::inputs`](super::model::inputs)): the share the segment
/// view shows and the model computes with, not the report's default.
pub fn value_in_force(report: &Report, input: &Input, scenario: &Scenario) -> f64 {
    if input.kind != InputKind::Share || scenario.values.contains_key(&input.key) {
        return input.value(scenario);
    }
    fn siblings<'a>(dim: &str, members: &'a [Member], key: &str) -> Option<(&'a [Member], usize)> {
        if let Some(i) = members.iter().position(|m| share_key(dim, &m.id) == key) {
            return Some((members, i));
        }
        members.iter().find_map(|m| siblings(dim, &m.children, key))
    }
    report
        .dimensions
        .iter()
        .find_map(|d| {
            let (list, i) = siblings(&d.id, &d.members, &input.key)?;
            let shares = super::model::inputs(&d.id, list, scenario).ok()?;
            shares.get(i).map(|s| s.share)
        })
        .filter(|v| v.is_finite())
        .unwrap_or_else(|| input.value(scenario))
}

/// Every input of a report: the headline rate first (market reports), then the assumption
/// slots in slider order. Fails only when the published rate cannot be computed.
pub fn inputs(report: &Report) -> EngineResult<Vec<Input>> {
    let mut out = Vec::new();
    if report.forecast.is_some() {
        let published = published_rate(report)?.rate;
        out.extend(headline_rate_range(report, published).map(|range| Input {
            key: HEADLINE_KEY.to_string(),
            kind: InputKind::Headline,
            range,
            is_fraction: true,
        }));
    }
    for slot in assumption_slots(report) {
        let (kind, is_fraction) = match slot.kind {
            SlotKind::Share => (InputKind::Share, true),
            SlotKind::Growth => (InputKind::Growth, true),
            SlotKind::Plan => {
                let unit = report
                    .assumptions
                    .iter()
                    .find(|a| a.id == slot.key)
                    .map(|a| &a.unit);
                (InputKind::Plan, matches!(unit, Some(Unit::Percent)))
            }
        };
        out.push(Input {
            key: slot.key,
            kind,
            range: slot.range,
            is_fraction,
        });
    }
    Ok(out)
}

/// The inputs a target can depend on, in slider order: for the headline, its rate; for a
/// segment, the headline rate and the shares and growth of the segment and its siblings at
/// every level from the top of the dimension down to it (shares are renormalised among
/// siblings, so a sibling's inputs move it too); for a projection, its start and rate.
/// Unknown targets give an empty list.
pub fn relevant_keys(report: &Report, target: &Target) -> Vec<String> {
    let mut keys = Vec::new();
    let headline = || HEADLINE_KEY.to_string();
    match target {
        Target::Headline => {
            if report.forecast.is_some() {
                keys.push(headline());
            }
        }
        Target::Segment { dimension, member } => {
            let Some(dim) = report.dimensions.iter().find(|d| d.id == *dimension) else {
                return keys;
            };
            let mut chain = Vec::new();
            if !member_chain(&dim.members, member, &mut chain) {
                return keys;
            }
            if report.forecast.is_some() {
                keys.push(headline());
            }
            for level in chain {
                for m in level {
                    keys.push(crate::domain::scenario::share_key(dimension, &m.id));
                    if m.growth.is_some() {
                        keys.push(crate::domain::scenario::growth_key(dimension, &m.id));
                    }
                }
            }
        }
        Target::Projection(id) => {
            if let Some(p) = report.projections.iter().find(|p| p.id == *id) {
                keys.push(p.start.clone());
                if p.rate != p.start {
                    keys.push(p.rate.clone());
                }
            }
        }
    }
    keys
}

/// The sibling lists from the top of a member tree down to `member` (inclusive); false when
/// the member is not in the tree.
fn member_chain<'a>(members: &'a [Member], member: &str, chain: &mut Vec<&'a [Member]>) -> bool {
    chain.push(members);
    for m in members {
        if m.id == member || member_chain(&m.children, member, chain) {
            return true;
        }
    }
    chain.pop();
    false
}

fn contains_member(members: &[Member], member: &str) -> bool {
    members
        .iter()
        .any(|m| m.id == member || contains_member(&m.children, member))
}

/// Computes a target's path under many scenarios, on a copy of the report that keeps only what
/// the target depends on.
#[derive(Debug, Clone)]
pub struct Evaluator {
    report: Report,
    target: Target,
}

impl Evaluator {
    /// Checks that the target exists and keeps what it needs of the report.
    pub fn new(report: &Report, target: &Target) -> Result<Self, TargetError> {
        let mut slim = report.clone();
        slim.projections.clear();
        match target {
            Target::Headline => {
                if report.forecast.is_none() {
                    return Err(TargetError::NoHeadline);
                }
                slim.dimensions.clear();
            }
            Target::Segment { dimension, member } => {
                let Some(dim) = report.dimensions.iter().find(|d| d.id == *dimension) else {
                    return Err(TargetError::UnknownDimension(dimension.clone()));
                };
                if !contains_member(&dim.members, member) {
                    return Err(TargetError::UnknownMember {
                        dimension: dimension.clone(),
                        member: member.clone(),
                    });
                }
                if report.forecast.is_none() {
                    // Segments divide the headline: without it there is nothing to divide.
                    return Err(TargetError::NoHeadline);
                }
                slim.dimensions = vec![dim.clone()];
            }
            Target::Projection(id) => {
                let Some(p) = report.projections.iter().find(|p| p.id == *id) else {
                    return Err(TargetError::UnknownProjection(id.clone()));
                };
                // Projections do not depend on the headline or the segments.
                slim.forecast = None;
                slim.dimensions.clear();
                slim.projections = vec![p.clone()];
            }
        }
        Ok(Evaluator {
            report: slim,
            target: target.clone(),
        })
    }

    pub fn target(&self) -> &Target {
        &self.target
    }

    /// The target's `(x, value)` path under a scenario: x is the year for the headline and
    /// segments, the period index (0 = start) for a projection.
    pub fn path(&self, scenario: &Scenario) -> EngineResult<Vec<(i32, f64)>> {
        let computed = compute(&self.report, scenario)?;
        match &self.target {
            Target::Headline => {
                let h = computed.headline.ok_or(EngineError::Empty)?;
                Ok(h.points.iter().map(|p| (p.year, p.value)).collect())
            }
            Target::Segment { member, .. } => {
                let d = computed
                    .dimensions
                    .into_iter()
                    .next()
                    .ok_or(EngineError::Empty)??;
                let row = d.row(member).ok_or(EngineError::Empty)?;
                Ok(d.years
                    .iter()
                    .copied()
                    .zip(row.values.iter().copied())
                    .collect())
            }
            Target::Projection(_) => {
                let p = computed
                    .projections
                    .into_iter()
                    .next()
                    .ok_or(EngineError::Empty)??;
                Ok((0i32..).zip(p.values).collect())
            }
        }
    }

    /// The target's last value (the headline in `meta.forecast.to`, a segment in the
    /// dimension's last year, a projection at its last period).
    pub fn end(&self, scenario: &Scenario) -> EngineResult<f64> {
        self.path(scenario)?
            .last()
            .map(|&(_, v)| v)
            .ok_or(EngineError::Empty)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::bundled::load_bundled;

    #[test]
    fn a_target_reads_back_from_its_key() {
        let targets = [
            Target::Headline,
            Target::Segment {
                dimension: "type".into(),
                member: "camera-modules".into(),
            },
            Target::Projection("users".into()),
        ];
        for t in targets {
            assert_eq!(Target::from_key(&t.key()), Some(t));
        }
        assert_eq!(Target::from_key("seg:type"), None);
        assert_eq!(Target::from_key("other"), None);
    }

    #[test]
    fn a_picked_target_holds_while_the_report_and_view_have_it() {
        let (reports, _) = load_bundled();
        let r = &reports[0];
        let d = &r.dimensions[0];
        let seg = Target::Segment {
            dimension: d.id.clone(),
            member: d.members[0].id.clone(),
        };
        assert_eq!(
            Target::resolve(r, Some(seg.clone()), Some(&d.id)),
            Some(seg.clone())
        );
        // Another dimension in the view, or none: back to the headline.
        assert_eq!(Target::resolve(r, Some(seg), None), Some(Target::Headline));
        let gone = Target::Projection("nope".into());
        assert_eq!(Target::resolve(r, Some(gone), None), Some(Target::Headline));
        let plan = &reports[2];
        let p = Target::Projection(plan.projections[0].id.clone());
        assert_eq!(
            Target::resolve(plan, Some(Target::Headline), None),
            Some(p.clone())
        );
        assert_eq!(
            p.unit(plan),
            plan.assumptions
                .iter()
                .find(|a| a.id == plan.projections[0].start)
                .unwrap()
                .unit
        );
        assert_eq!(Target::Headline.unit(r), r.headline_unit());
    }

    #[test]
    fn a_target_path_is_marked_by_whose_it_is() {
        let (reports, _) = load_bundled();
        let plan = &reports[2];
        let p = Target::Projection(plan.projections[0].id.clone());
        let published = target_path(plan, &p, &Scenario::published());
        assert_eq!(published.len() as u32, plan.projections[0].periods + 1);
        assert!(published
            .iter()
            .all(|(_, _, prov)| *prov == Provenance::Derived));
        let mut own = Scenario::published();
        let start = &plan.projections[0].start;
        let a = plan.assumptions.iter().find(|a| a.id == *start).unwrap();
        own.set(start, a.range.max, a.range.default);
        let mine = target_path(plan, &p, &own);
        assert!(mine
            .iter()
            .all(|(_, _, prov)| *prov == Provenance::Scenario));
        assert!(mine[0].1 > published[0].1);
        let headline = target_path(&reports[0], &Target::Headline, &Scenario::published());
        assert!(headline
            .iter()
            .any(|(_, _, prov)| *prov == Provenance::Reported));
    }

    #[test]
    fn inputs_start_with_the_headline_and_mark_levels() {
        let (reports, _) = load_bundled();
        let smart = inputs(&reports[0]).unwrap();
        assert_eq!(smart[0].key, HEADLINE_KEY);
        assert!((smart[0].range.default - 0.1359).abs() < 1e-3);
        assert_eq!(smart.len(), 1 + assumption_slots(&reports[0]).len());
        let plan = inputs(&reports[2]).unwrap();
        assert!(plan.iter().all(|i| i.kind == InputKind::Plan));
        let start = plan.iter().find(|i| i.key == "start-users").unwrap();
        assert!(!start.is_fraction);
    }

    #[test]
    fn relevant_keys_follow_the_member_tree() {
        let (reports, _) = load_bundled();
        let r = &reports[0];
        assert_eq!(relevant_keys(r, &Target::Headline), vec!["headline"]);
        let keys = relevant_keys(
            r,
            &Target::Segment {
                dimension: "geography".into(),
                member: "us".into(),
            },
        );
        assert_eq!(keys[0], "headline");
        assert!(keys.contains(&"geography.north-america.share".to_string()));
        assert!(keys.contains(&"geography.europe.growth".to_string()));
        assert!(keys.contains(&"geography.canada.share".to_string()));
        assert!(!keys.contains(&"geography.germany.share".to_string()));
        assert!(relevant_keys(r, &Target::Projection("x".into())).is_empty());
        let plan = &reports[2];
        assert_eq!(
            relevant_keys(plan, &Target::default_for(plan).unwrap()),
            vec!["start-users", "monthly-user-growth"]
        );
    }

    #[test]
    fn evaluator_matches_the_full_model() {
        let (reports, _) = load_bundled();
        let r = &reports[0];
        let mut s = Scenario::published();
        s.headline_rate = Some(0.2);
        s.values.insert("type.camera-modules.growth".into(), 0.2);
        let full = compute(r, &s).unwrap();
        let e = Evaluator::new(r, &Target::Headline).unwrap();
        let h = full.headline.as_ref().unwrap();
        assert_eq!(e.end(&s).unwrap(), h.value(r.meta.forecast.to).unwrap());
        let seg = Target::Segment {
            dimension: "type".into(),
            member: "camera-modules".into(),
        };
        let e = Evaluator::new(r, &seg).unwrap();
        let d = full.dimensions[0].as_ref().unwrap();
        let row = d.row("camera-modules").unwrap();
        assert_eq!(e.end(&s).unwrap(), *row.values.last().unwrap());
        assert_eq!(e.path(&s).unwrap().len(), d.years.len());
    }

    #[test]
    fn unknown_targets_are_errors() {
        let (reports, _) = load_bundled();
        assert_eq!(
            Evaluator::new(&reports[2], &Target::Headline).err(),
            Some(TargetError::NoHeadline)
        );
        assert!(matches!(
            Evaluator::new(&reports[0], &Target::Projection("nope".into())),
            Err(TargetError::UnknownProjection(_))
        ));
        assert!(matches!(
            Evaluator::new(
                &reports[0],
                &Target::Segment {
                    dimension: "type".into(),
                    member: "nope".into()
                }
            ),
            Err(TargetError::UnknownMember { .. })
        ));
    }
}
