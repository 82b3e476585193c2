//! A plan's KPI board as data: its targets grouped by section, the targets another section
//! contradicts, and a growth projector's numbers (the projection, when it reaches its target,
//! and the rate or start that would reach it in the periods shown). The KPI board view only
//! wires these to its inputs; `i18n::kpis` words them.

use super::checks::{Check, CheckKind};
use super::engine::error::EngineResult;
use super::engine::goal_seek::{periods_to_reach, rate_to_reach, start_to_reach, Reach};
use super::engine::growth::compound;
use super::schema::{
    Assumption, AssumptionRange, Cadence, Horizon, KpiTarget, LocalText, Projection, Report,
};

/// Periods a projector shows at least and at most.
pub const MIN_PERIODS: u32 = 1;
pub const MAX_PERIODS: u32 = 120;

/// Groups of targets by section, in the order the plan gives them.
pub fn by_section(kpis: &[KpiTarget]) -> Vec<(LocalText, Vec<KpiTarget>)> {
    let mut groups: Vec<(LocalText, Vec<KpiTarget>)> = Vec::new();
    for k in kpis {
        match groups.iter_mut().find(|(s, _)| *s == k.section) {
            Some((_, list)) => list.push(k.clone()),
            None => groups.push((k.section.clone(), vec![k.clone()])),
        }
    }
    groups
}

/// Ids of the targets that another section contradicts (a conflicting-targets check names
/// them).
pub fn conflicting_targets(checks: &[Check]) -> Vec<String> {
    checks
        .iter()
        .filter_map(|c| match &c.kind {
            CheckKind::ConflictingTargets { targets, .. } => Some(targets),
            _ => None,
        })
        .flat_map(|t| t.iter().map(|(id, _, _)| id.clone()))
        .collect()
}

/// The horizon expressed in another cadence, when the two convert exactly (months, quarters
/// and years; days and weeks).
pub fn horizon_in(h: &Horizon, c: Cadence) -> Option<f64> {
    let months = |c: Cadence| match c {
        Cadence::Month => Some(1.0),
        Cadence::Quarter => Some(3.0),
        Cadence::Year => Some(12.0),
        _ => None,
    };
    let days = |c: Cadence| match c {
        Cadence::Day => Some(1.0),
        Cadence::Week => Some(7.0),
        _ => None,
    };
    let count = f64::from(h.count);
    match (months(h.cadence), months(c)) {
        (Some(a), Some(b)) => Some(count * a / b),
        _ => match (days(h.cadence), days(c)) {
            (Some(a), Some(b)) => Some(count * a / b),
            _ => None,
        },
    }
}

/// The range a projector's periods input covers, starting at the projection's own periods.
pub fn periods_range(projection: &Projection) -> AssumptionRange {
    AssumptionRange {
        default: f64::from(projection.periods),
        min: f64::from(MIN_PERIODS),
        max: f64::from(MAX_PERIODS),
        step: 1.0,
    }
}

/// A typed number of periods as the projector uses it: rounded to a whole number within
/// [`MIN_PERIODS`]–[`MAX_PERIODS`], and whether it was whole as typed (a fraction is rounded
/// and the reader told why). A value that is not a number lands on the minimum.
pub fn whole_periods(typed: f64) -> (u32, bool) {
    let whole = typed.fract() == 0.0;
    let n = typed
        .round()
        .max(f64::from(MIN_PERIODS))
        .min(f64::from(MAX_PERIODS));
    (n as u32, whole)
}

/// The value after 0, 1, … `periods` periods of compound growth at `rate` from `start`.
pub fn projection_values(start: f64, rate: f64, periods: u32) -> EngineResult<Vec<f64>> {
    (0..=periods)
        .map(|i| compound(start, rate, f64::from(i)))
        .collect()
}

/// What a projector shows for a start, a rate and a number of periods against a target.
#[derive(Debug, Clone, PartialEq)]
pub struct Projected {
    /// `values[i]` is the value after `i` periods.
    pub values: EngineResult<Vec<f64>>,
    /// When the target is reached at this rate.
    pub reach: EngineResult<Reach>,
    /// The rate that reaches the target in the periods shown, from this start.
    pub goal_rate: EngineResult<f64>,
    /// The start that reaches the target in the periods shown, at this rate.
    pub goal_start: EngineResult<f64>,
}

impl Projected {
    pub fn new(start: f64, rate: f64, periods: u32, target: f64) -> Self {
        Projected {
            values: projection_values(start, rate, periods),
            reach: periods_to_reach(start, target, rate),
            goal_rate: rate_to_reach(start, target, periods),
            goal_start: start_to_reach(target, rate, periods),
        }
    }

    /// Whether the target is reached within the plan's horizon for it, when the horizon's
    /// cadence converts to the projection's. `None` when it does not or the target is not
    /// reached at all.
    pub fn on_time(&self, horizon: &Horizon, cadence: Cadence) -> Option<bool> {
        let limit = horizon_in(horizon, cadence)?;
        let reach = self.reach.as_ref().ok()?;
        Some(f64::from(reach.whole) <= limit + 1e-9)
    }
}

/// What a projection refers to: its start and rate assumptions and its target. `None` when the
/// report does not define one of them.
pub fn projection_parts(
    r: &Report,
    projection: &Projection,
) -> Option<(Assumption, Assumption, KpiTarget)> {
    let assumption = |id: &str| r.assumptions.iter().find(|a| a.id == id).cloned();
    Some((
        assumption(&projection.start)?,
        assumption(&projection.rate)?,
        r.kpis.iter().find(|k| k.id == projection.target).cloned()?,
    ))
}

/// `value` when it lies within the range an input allows (an answer the reader can apply),
/// else `None`.
pub fn within(value: &EngineResult<f64>, range: &AssumptionRange) -> Option<f64> {
    value
        .as_ref()
        .ok()
        .copied()
        .filter(|v| *v >= range.min && *v <= range.max)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::bundled::load_bundled;
    use crate::domain::engine::error::EngineError;
    use crate::domain::schema::ReportKind;

    fn horizon(count: u32, cadence: Cadence) -> Horizon {
        Horizon { count, cadence }
    }

    #[test]
    fn a_projection_finds_its_assumptions_and_target_or_nothing() {
        let (reports, _) = load_bundled();
        let plan = reports
            .iter()
            .find(|r| r.kind == ReportKind::Plan)
            .expect("a plan");
        let p = plan.projections.first().expect("a projection");
        let (start, rate, target) = projection_parts(plan, p).expect("parts");
        assert_eq!(
            (start.id.as_str(), rate.id.as_str()),
            (p.start.as_str(), p.rate.as_str())
        );
        assert_eq!(target.id, p.target);
        let broken = Projection {
            target: "no-such-kpi".into(),
            ..p.clone()
        };
        assert!(projection_parts(plan, &broken).is_none());
    }

    #[test]
    fn horizons_convert_between_cadences_that_divide_evenly() {
        assert_eq!(
            horizon_in(&horizon(3, Cadence::Year), Cadence::Month),
            Some(36.0)
        );
        assert_eq!(
            horizon_in(&horizon(6, Cadence::Month), Cadence::Quarter),
            Some(2.0)
        );
        assert_eq!(
            horizon_in(&horizon(2, Cadence::Week), Cadence::Day),
            Some(14.0)
        );
        assert_eq!(horizon_in(&horizon(1, Cadence::Year), Cadence::Week), None);
    }

    #[test]
    fn typed_periods_are_whole_and_within_range() {
        assert_eq!(whole_periods(36.0), (36, true));
        assert_eq!(whole_periods(12.4), (12, false));
        assert_eq!(whole_periods(0.0), (MIN_PERIODS, true));
        assert_eq!(whole_periods(500.0), (MAX_PERIODS, true));
        assert_eq!(whole_periods(f64::NAN), (MIN_PERIODS, false));
    }

    #[test]
    fn a_projector_projects_and_seeks_its_target() {
        // 1,000 growing 10% a period against 2,000 over 12 periods.
        let p = Projected::new(1000.0, 0.10, 12, 2000.0);
        let values = p.values.as_ref().unwrap();
        assert_eq!(values.len(), 13);
        assert!((values[1] - 1100.0).abs() < 1e-9);
        let reach = p.reach.as_ref().unwrap();
        assert_eq!(reach.whole, 8, "1.1^7 < 2 ≤ 1.1^8");
        let rate = *p.goal_rate.as_ref().unwrap();
        assert!((1000.0 * (1.0 + rate).powi(12) - 2000.0).abs() < 1e-6);
        let start = *p.goal_start.as_ref().unwrap();
        assert!((start * 1.1f64.powi(12) - 2000.0).abs() < 1e-6);
        assert_eq!(
            p.on_time(&horizon(1, Cadence::Year), Cadence::Month),
            Some(true)
        );
        assert_eq!(
            p.on_time(&horizon(6, Cadence::Month), Cadence::Month),
            Some(false)
        );
        assert_eq!(p.on_time(&horizon(1, Cadence::Year), Cadence::Week), None);
        // No growth never reaches a higher target.
        let flat = Projected::new(1000.0, 0.0, 12, 2000.0);
        assert_eq!(flat.reach, Err(EngineError::Unreachable));
        assert_eq!(
            flat.on_time(&horizon(1, Cadence::Year), Cadence::Month),
            None
        );
    }

    #[test]
    fn answers_outside_an_inputs_range_cannot_be_applied() {
        let range = AssumptionRange {
            default: 0.1,
            min: 0.0,
            max: 0.2,
            step: 0.01,
        };
        assert_eq!(within(&Ok(0.15), &range), Some(0.15));
        assert_eq!(within(&Ok(0.25), &range), None);
        assert_eq!(within(&Err(EngineError::Unreachable), &range), None);
    }

    #[test]
    fn the_plan_groups_its_targets_by_section_in_order() {
        let (reports, _) = load_bundled();
        let plan = reports
            .iter()
            .find(|r| r.kind == ReportKind::Plan)
            .expect("a bundled plan");
        let groups = by_section(&plan.kpis);
        let total: usize = groups.iter().map(|(_, k)| k.len()).sum();
        assert_eq!(total, plan.kpis.len());
        // Each section once, in the order it first appears.
        for (i, (section, _)) in groups.iter().enumerate() {
            let first = plan.kpis.iter().position(|k| k.section == *section);
            assert!(groups[..i].iter().all(|(s, _)| s != section));
            assert!(first.is_some());
        }
        for (section, kpis) in &groups {
            assert!(kpis.iter().all(|k| k.section == *section));
        }
    }
}
