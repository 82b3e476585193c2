//! A report under a scenario: the headline path, every segment of every dimension and the plan
//! projections, each value with its provenance. This is the "full recompute" the benchmark
//! measures; views derive what they show from it.

use super::allocate::{absorb_shares, bottom_up_from, top_down, top_down_from, SegmentInput};
use super::error::{EngineError, EngineResult};
use super::fit::{fit_growth, Evidence, GrowthFit, Observation};
use super::goal_seek::{periods_to_reach, Reach};
use super::growth::{rri, value_at};
use crate::domain::scenario::{growth_key, share_key, Scenario};
use crate::domain::schema::*;

/// The rate the publisher's numbers stand for, and where it comes from.
#[derive(Debug, Clone, PartialEq)]
pub struct PublishedRate {
    pub rate: f64,
    pub source: RateSource,
    /// Present when the rate was fitted to the history.
    pub fit: Option<GrowthFit>,
}

pub fn published_rate(report: &Report) -> EngineResult<PublishedRate> {
    let model = report.forecast.as_ref().ok_or(EngineError::Empty)?;
    let series = series(report, &model.series)?;
    let reported = |year: i32| {
        series
            .points
            .iter()
            .find(|p| p.year == year && p.provenance == Provenance::Reported)
            .map(|p| p.value)
            .ok_or(EngineError::Empty)
    };
    let (rate, fit) = match &model.published_rate {
        RateSource::Implied { from, to } => (
            rri(f64::from(to - from), reported(*from)?, reported(*to)?)?,
            None,
        ),
        RateSource::Stated(i) => (
            report
                .growth_statements
                .get(*i)
                .ok_or(EngineError::Empty)?
                .rate,
            None,
        ),
        RateSource::Fit => {
            let fit = fit_growth(
                model.anchor_year,
                reported(model.anchor_year)?,
                &observations(series),
            )?;
            (fit.rate, Some(fit))
        }
    };
    Ok(PublishedRate {
        rate,
        source: model.published_rate.clone(),
        fit,
    })
}

/// What a series' points say, as fit observations: reported values, bounds and intervals.
pub fn observations(series: &Series) -> Vec<Observation> {
    series
        .points
        .iter()
        .filter_map(|p| {
            let evidence = match (p.provenance, p.bound, p.upper) {
                (Provenance::Reported, _, _) => Evidence::Value(p.value),
                (Provenance::Bound, Some(BoundSide::Lower), Some(upper)) => {
                    Evidence::Between(p.value, upper)
                }
                (Provenance::Bound, Some(BoundSide::Lower), None) => Evidence::AtLeast(p.value),
                (Provenance::Bound, Some(BoundSide::Upper), _) => Evidence::AtMost(p.value),
                _ => return None,
            };
            Some(Observation {
                year: p.year,
                evidence,
            })
        })
        .collect()
}

pub fn series<'a>(report: &'a Report, id: &str) -> EngineResult<&'a Series> {
    report
        .series
        .iter()
        .find(|s| s.id == id)
        .ok_or(EngineError::Empty)
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PathPoint {
    pub year: i32,
    pub value: f64,
    pub provenance: Provenance,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Headline {
    pub series: String,
    pub anchor_year: i32,
    pub published: PublishedRate,
    /// The rate in force: the reader's, or the published one.
    pub rate: f64,
    pub points: Vec<PathPoint>,
}

impl Headline {
    pub fn value(&self, year: i32) -> Option<f64> {
        self.points.iter().find(|p| p.year == year).map(|p| p.value)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct SegmentRow {
    pub member: String,
    /// Id of the parent member; `None` at the top of the tree.
    pub parent: Option<String>,
    pub depth: usize,
    pub has_children: bool,
    pub values: Vec<f64>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct DimensionResult {
    pub dimension: String,
    pub mode: ReconcileMode,
    pub years: Vec<i32>,
    /// Index of the base year in `years` (earlier years are back-cast history).
    pub base_index: usize,
    /// The total the top-level rows add up to: the headline (top-down) or their sum (bottom-up).
    pub total: Vec<f64>,
    pub rows: Vec<SegmentRow>,
    /// `assumption` for the report's defaults, `scenario` once the reader changed an input.
    pub provenance: Provenance,
}

impl DimensionResult {
    pub fn row(&self, member: &str) -> Option<&SegmentRow> {
        self.rows.iter().find(|r| r.member == member)
    }

    pub fn top_level(&self) -> impl Iterator<Item = &SegmentRow> {
        self.rows.iter().filter(|r| r.parent.is_none())
    }

    /// A row's compound annual growth from the base year to the last year: the CAGR the
    /// segment table shows. `None` without such a span or with a non-positive value.
    pub fn cagr(&self, member: &str) -> Option<f64> {
        let v = &self.row(member)?.values;
        let last = v.len().checked_sub(1)?;
        if last <= self.base_index {
            return None;
        }
        rri((last - self.base_index) as f64, v[self.base_index], v[last]).ok()
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct ProjectionResult {
    pub id: String,
    pub start: f64,
    pub rate: f64,
    /// Values at the end of period 0..=periods.
    pub values: Vec<f64>,
    pub target: f64,
    /// When the target is reached at this rate, if ever.
    pub reach: EngineResult<Reach>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Computed {
    pub headline: Option<Headline>,
    pub dimensions: Vec<EngineResult<DimensionResult>>,
    pub projections: Vec<EngineResult<ProjectionResult>>,
}

/// Everything a report shows, under a scenario.
pub fn compute(report: &Report, scenario: &Scenario) -> EngineResult<Computed> {
    let headline = match &report.forecast {
        Some(model) => Some(headline(report, model, scenario)?),
        None => None,
    };
    let dimensions = match &headline {
        Some(h) => report
            .dimensions
            .iter()
            .map(|d| dimension(report, d, h, scenario))
            .collect(),
        None => Vec::new(),
    };
    let projections = report
        .projections
        .iter()
        .map(|p| projection(report, p, scenario))
        .collect();
    Ok(Computed {
        headline,
        dimensions,
        projections,
    })
}

fn headline(report: &Report, model: &ForecastModel, scenario: &Scenario) -> EngineResult<Headline> {
    let published = published_rate(report)?;
    let rate = scenario.headline_rate.unwrap_or(published.rate);
    let s = series(report, &model.series)?;
    let anchor_value = s
        .points
        .iter()
        .find(|p| p.year == model.anchor_year && p.provenance == Provenance::Reported)
        .map(|p| p.value)
        .ok_or(EngineError::Empty)?;
    let modified = scenario
        .headline_rate
        .is_some_and(|r| (r - published.rate).abs() > 1e-12);
    let first = report.meta.history.from.min(model.anchor_year);
    let points = (first..=report.meta.forecast.to)
        .map(|year| {
            // Years before the anchor are the history, which the reader's scenario does not
            // rewrite: the source's value where it reports one, else a back-cast at the
            // published rate. (A fitted rate's line need not pass through earlier reported
            // values; the overview lists how far it runs from them.)
            if year < model.anchor_year {
                if let Some(p) = s
                    .points
                    .iter()
                    .find(|p| p.year == year && p.provenance == Provenance::Reported)
                {
                    return Ok(PathPoint {
                        year,
                        value: p.value,
                        provenance: Provenance::Reported,
                    });
                }
            }
            let (r, provenance) = if year == model.anchor_year {
                (published.rate, Provenance::Reported)
            } else if year < model.anchor_year {
                (published.rate, Provenance::Derived)
            } else if modified {
                (rate, Provenance::Scenario)
            } else {
                (rate, Provenance::Derived)
            };
            value_at(model.anchor_year, anchor_value, r, year).map(|value| PathPoint {
                year,
                value,
                // Where the path passes through a value the source reports, it is that value.
                provenance: if provenance == Provenance::Derived && is_reported(s, year, value) {
                    Provenance::Reported
                } else {
                    provenance
                },
            })
        })
        .collect::<EngineResult<Vec<_>>>()?;
    Ok(Headline {
        series: model.series.clone(),
        anchor_year: model.anchor_year,
        published,
        rate,
        points,
    })
}

fn is_reported(series: &Series, year: i32, value: f64) -> bool {
    series.points.iter().any(|p| {
        p.year == year
            && p.provenance == Provenance::Reported
            && ((p.value - value) / p.value).abs() < 1e-9
    })
}

/// The sibling inputs of one level under the scenario: the base shares as the reader sees them
/// (a share the reader set is kept, the others absorb: [`absorb_shares`]) and the growth
/// inputs. Members without a growth assumption grow with their parent (equal relative growth:
/// constant shares within it).
pub fn inputs(
    dim: &str,
    members: &[Member],
    scenario: &Scenario,
) -> EngineResult<Vec<SegmentInput>> {
    let defaults: Vec<f64> = members.iter().map(|m| m.share.default).collect();
    let set: Vec<Option<f64>> = members
        .iter()
        .map(|m| scenario.values.get(&share_key(dim, &m.id)).copied())
        .collect();
    let shares = absorb_shares(&defaults, &set)?;
    Ok(members
        .iter()
        .zip(shares)
        .map(|(m, share)| SegmentInput {
            share,
            growth: m
                .growth
                .map(|g| scenario.value(&growth_key(dim, &m.id), g.default))
                .unwrap_or(0.0),
        })
        .collect())
}

fn dimension(
    report: &Report,
    dim: &Dimension,
    headline: &Headline,
    scenario: &Scenario,
) -> EngineResult<DimensionResult> {
    // From the first history year (the listed tables start there) to the last forecast year;
    // time runs from the base year, so earlier years have negative t.
    let base = report.meta.base_year;
    let first = report.meta.history.from.min(base);
    let years: Vec<i32> = (first..=report.meta.forecast.to).collect();
    let base_index = (base - first) as usize;
    let total_path: Vec<f64> = years
        .iter()
        .map(|&y| headline.value(y).ok_or(EngineError::Empty))
        .collect::<EngineResult<_>>()?;
    let top = inputs(&dim.id, &dim.members, scenario)?;
    let (values, total) = match dim.mode {
        ReconcileMode::TopDown => (top_down_from(&total_path, &top, first - base)?, total_path),
        ReconcileMode::BottomUp => {
            bottom_up_from(total_path[base_index], &top, years.len(), first - base)?
        }
    };
    let mut rows = Vec::new();
    for (m, v) in dim.members.iter().zip(values) {
        push_rows(&dim.id, m, None, 0, v, scenario, &mut rows)?;
    }
    Ok(DimensionResult {
        dimension: dim.id.clone(),
        mode: dim.mode,
        years,
        base_index,
        total,
        rows,
        provenance: if scenario.touches_dimension(&dim.id) {
            Provenance::Scenario
        } else {
            Provenance::Assumption
        },
    })
}

fn push_rows(
    dim: &str,
    member: &Member,
    parent: Option<&str>,
    depth: usize,
    values: Vec<f64>,
    scenario: &Scenario,
    rows: &mut Vec<SegmentRow>,
) -> EngineResult<()> {
    let children = if member.children.is_empty() {
        Vec::new()
    } else {
        top_down(&values, &inputs(dim, &member.children, scenario)?)?
    };
    rows.push(SegmentRow {
        member: member.id.clone(),
        parent: parent.map(str::to_string),
        depth,
        has_children: !member.children.is_empty(),
        values,
    });
    for (child, v) in member.children.iter().zip(children) {
        push_rows(dim, child, Some(&member.id), depth + 1, v, scenario, rows)?;
    }
    Ok(())
}

fn projection(
    report: &Report,
    p: &Projection,
    scenario: &Scenario,
) -> EngineResult<ProjectionResult> {
    let assumption = |id: &str| {
        report
            .assumptions
            .iter()
            .find(|a| a.id == id)
            .map(|a| scenario.value(id, a.range.default))
            .ok_or(EngineError::Empty)
    };
    let start = assumption(&p.start)?;
    let rate = assumption(&p.rate)?;
    let target = report
        .kpis
        .iter()
        .find(|k| k.id == p.target)
        .map(|k| k.value)
        .ok_or(EngineError::Empty)?;
    let values = (0..=p.periods)
        .map(|n| super::growth::compound(start, rate, f64::from(n)))
        .collect::<EngineResult<Vec<_>>>()?;
    Ok(ProjectionResult {
        id: p.id.clone(),
        start,
        rate,
        values,
        target,
        reach: periods_to_reach(start, target, rate),
    })
}
