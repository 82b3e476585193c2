//! Seeded Monte Carlo over assumption ranges: a p10/p50/p90 fan of the target by year.
//!
//! **Generator.** [`SplitMix64`] (Steele, Lea & Flood 2014; the generator Java's
//! `SplittableRandom` uses and that seeds xoshiro): a 64-bit counter advanced by the golden
//! ratio and passed through a bijective finaliser. It passes BigCrush, needs no allocation, is
//! a few lines, and every seed (0 included) is valid. Uniforms in [0, 1) take the top 53 bits.
//! One stream serves the whole run, drawn in a fixed order (path by path, inputs in the order
//! given), so the same seed and size give the same fan bit for bit, whether run in one call
//! or in chunks of any size (the UI splits work across animation frames).
//!
//! **Ranges.** Each chosen input is sampled independently in a range *centred on its value in
//! the scenario explored* (the reader's scenario: move a slider and its range moves with it)
//! and symmetric about it, so every sampled input has its scenario value as its median: a
//! target that moves with one input alone (the headline with its rate) has its median path on
//! the scenario's deterministic path, up to sampling noise; with several inputs (a segment's
//! and its siblings' shares and growth, a projection's start and rate) it stays within about
//! 1% of it (`tests/power_tools.rs` holds every bundled report and target to 2%). The
//! slider ranges are *not* used as sampling ranges: they say what a reader may try, not what is
//! plausible. The half-width of a range is its default half-width times a multiplier the
//! reader sets ([`McOptions::width`]: 1 is the default; [`MIN_WIDTH`]–[`MAX_WIDTH`] in the
//! interface and in links). Default half-widths ([`RangeBasis`]), from the report's own
//! evidence where it has some:
//!
//! - **Headline rate**: the largest gap between the published rate and another rate the source
//!   gives for the same series (a stated CAGR, or the rate a statement's reported endpoints
//!   imply): the smartphone report states 13% while its endpoints imply 13.59%, so ±0.59
//!   points (13.0%–14.2%: the range reaches the stated rate). Failing that, the distance from
//!   the published rate to the nearest rate the source's bounds allow ([`bound_rate_window`]):
//!   the call centre's fitted 12.09% against the ≥ 10.03% that "over 1000亿 in 2014" needs
//!   gives ±2.06 points (the range reaches the bound and no further; the < 21.07% that "900多亿
//!   in 2013" allows is farther). Failing both, the rate default.
//! - **A plan's rate**: the largest gap between the assumption's default and the other targets
//!   the plan sets for the same quantity (KPI growth-rate targets of one metric, with the
//!   projection's cadence, one of which is the default): monthly user growth is 10% in section
//!   01 and 8% in sections 05 and 08, so ±2 points.
//! - **Otherwise** (assumptions the source gives no number for: segment splits and growth, a
//!   plan's starting level): rates ± [`DEFAULT_RATE_POINTS`] (2 percentage points, the
//!   tornado's default move); shares and levels ± [`DEFAULT_RELATIVE`] (20%) of their value
//!   (a share of 30% samples 24%–36%, a start of 100,000 users 80,000–120,000): a point is a
//!   different amount for a 7% share and a 70% one, and means nothing for a count.
//!
//! Evidence sets the *width* (from the report's own figures); the *centre* is always the
//! scenario's value. A range never leaves its input's slider range: near an end it is narrowed
//! on both sides, so it stays centred ([`SampleRange::narrowed`]; at the very end the input is
//! held). Ranges may also be given per key as `(low, high)` ([`McOptions::ranges`], clamped to
//! the slider range, not centred, not scaled). Distribution: uniform, or triangular with its
//! mode at the centre.
//!
//! **Bounds.** Where the source gives bounds or intervals for the headline after its anchor
//! ("over 1000亿 in 2014"; "900多亿 in 2013": at least 900亿 and below 1000亿), a path that
//! breaks one is impossible by the source's own words. Such paths are *rejected* (the default,
//! [`BoundPolicy::Reject`]): the fan is the distribution conditional on the bounds. Because the
//! headline path depends on its rate alone and monotonically, the rejection is done exactly and
//! without wasted draws: the rate's distribution is truncated to the interval of rates that
//! honour every bound and interval, an interval's top excluded ([`bound_rate_window`];
//! inverse-CDF sampling of the truncated uniform or triangular). Clipping was not chosen: it
//! would pile probability onto the bound and draw a fan edge the source never stated. With the
//! default widths no bound cuts into the published scenario's range (the headline width stops
//! at the nearest bound); a scenario near a bound is conditioned (its median moves away from
//! the bound, since the paths cut off are impossible), and one beyond a bound, with no rate in
//! its range that honours it, is an error ([`McError::BoundsExcludeRange`]).
//! [`BoundPolicy::Ignore`] samples the whole range.
//!
//! **Percentiles.** Linear interpolation between closest ranks (Excel's `PERCENTILE.INC`, R's
//! type 7, NumPy's default): `h = (n − 1)·p`, between the ⌊h⌋-th and ⌈h⌉-th smallest values.
//! It is smooth in p and in the data, and exact for a single path.
//!
//! A path whose computation fails (an engine error value) is counted in `failed` and left out;
//! no NaN reaches the fan.

use super::error::EngineError;
use super::fit::Evidence;
use super::growth::{rri, value_at};
use super::model::{observations, series};
use super::target::{inputs, Evaluator, Input, InputKind, Target, TargetError, HEADLINE_KEY};
use crate::domain::scenario::Scenario;
use crate::domain::schema::{KpiKind, Provenance, Report};
use std::collections::BTreeMap;
use std::fmt;

/// Most paths one run may take (memory: paths × years values are kept for the percentiles).
pub const MAX_PATHS: usize = 100_000;

/// Default half-width of a rate the report gives no evidence about: ±2 percentage points.
pub const DEFAULT_RATE_POINTS: f64 = 0.02;

/// Default half-width of a share or a level the report gives no evidence about: ±20% of its
/// value.
pub const DEFAULT_RELATIVE: f64 = 0.2;

/// The width multiplier of the default ranges (1 = the documented defaults).
pub const DEFAULT_WIDTH: f64 = 1.0;
/// Narrowest and widest multipliers the interface and links accept.
pub const MIN_WIDTH: f64 = 0.25;
pub const MAX_WIDTH: f64 = 4.0;

/// SplitMix64: `state += 0x9E3779B97F4A7C15`, then a xor-shift-multiply finaliser.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SplitMix64 {
    state: u64,
}

impl SplitMix64 {
    pub fn new(seed: u64) -> Self {
        SplitMix64 { state: seed }
    }

    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A uniform in [0, 1) with 53 random bits.
    pub fn next_f64(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Distribution {
    /// Every value in the range equally likely.
    #[default]
    Uniform,
    /// Most likely at the base scenario's value, falling linearly to the range's ends.
    Triangular,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum BoundPolicy {
    /// Paths that break a bound the source gives are rejected (done exactly, by truncating the
    /// headline rate's distribution to the rates that honour every bound).
    #[default]
    Reject,
    /// Bounds are not consulted.
    Ignore,
}

#[derive(Debug, Clone, PartialEq)]
pub struct McOptions {
    pub target: Target,
    /// Input keys to sample ([`HEADLINE_KEY`] or assumption keys); the others keep their
    /// base-scenario values.
    pub keys: Vec<String>,
    pub distribution: Distribution,
    /// Per-key `(low, high)` overrides of the default ranges.
    pub ranges: BTreeMap<String, (f64, f64)>,
    pub bounds: BoundPolicy,
    /// Multiplier of every default half-width (1 = the defaults, 2 = twice as wide). Finite
    /// and at least 0; does not apply to overrides.
    pub width: f64,
}

impl McOptions {
    /// Samples every input the target depends on
    /// ([`relevant_keys`](super::target::relevant_keys)), uniformly in the default ranges,
    /// honouring bounds.
    pub fn for_target(report: &Report, target: Target) -> Self {
        McOptions {
            keys: super::target::relevant_keys(report, &target),
            target,
            distribution: Distribution::Uniform,
            ranges: BTreeMap::new(),
            bounds: BoundPolicy::Reject,
            width: DEFAULT_WIDTH,
        }
    }
}

/// Where a range's default half-width comes from.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum RangeBasis {
    /// The gap between the published headline rate and `other`, another rate the source gives
    /// for the same series (stated vs implied).
    SourceRates { published: f64, other: f64 },
    /// The distance from the published headline rate to `limit`, the nearest rate the
    /// source's bounds allow.
    Bounds { published: f64, limit: f64 },
    /// The gap between a plan assumption's default and `other`, another target the plan sets
    /// for the same quantity.
    SourceTargets { default: f64, other: f64 },
    /// No evidence: ± [`DEFAULT_RATE_POINTS`].
    DefaultPoints,
    /// No evidence: ± [`DEFAULT_RELATIVE`] of the centre.
    DefaultRelative,
    /// Given by the caller ([`McOptions::ranges`]).
    Override,
}

/// Where one input is sampled: `[low, high]`, centred on the scenario's value `mode` (the
/// triangular mode) unless overridden.
#[derive(Debug, Clone, PartialEq)]
pub struct SampleRange {
    pub key: String,
    pub low: f64,
    pub high: f64,
    /// The centre: the input's value in the scenario explored (clamped to its slider range).
    pub mode: f64,
    /// Where the default half-width comes from.
    pub basis: RangeBasis,
    /// The half-width before the slider range narrowed it: default × multiplier (0 for an
    /// override).
    pub half_width: f64,
    /// Whether the slider range narrowed the range (on both sides, to keep it centred).
    pub narrowed: bool,
    /// For the headline under [`BoundPolicy::Reject`]: the part of `[low, high]` that honours
    /// the source's bounds, which is where samples actually fall.
    pub truncated: Option<(f64, f64)>,
}

impl SampleRange {
    fn cdf(&self, x: f64, distribution: Distribution) -> f64 {
        let (a, b, c) = (self.low, self.high, self.mode);
        let width = b - a;
        if width <= 0.0 {
            return if x < a { 0.0 } else { 1.0 };
        }
        let x = x.max(a).min(b);
        match distribution {
            Distribution::Uniform => (x - a) / width,
            Distribution::Triangular => {
                if x <= c && c > a {
                    (x - a) * (x - a) / (width * (c - a))
                } else if x > c && b > c {
                    1.0 - (b - x) * (b - x) / (width * (b - c))
                } else {
                    // c == a and x <= c, or c == b and x > c: the degenerate sides.
                    if x <= c {
                        0.0
                    } else {
                        1.0
                    }
                }
            }
        }
    }

    fn inverse_cdf(&self, u: f64, distribution: Distribution) -> f64 {
        let (a, b, c) = (self.low, self.high, self.mode);
        let width = b - a;
        if width <= 0.0 {
            return a;
        }
        let u = u.clamp(0.0, 1.0);
        let x = match distribution {
            Distribution::Uniform => a + u * width,
            Distribution::Triangular => {
                let fc = (c - a) / width;
                if u < fc {
                    a + (u * width * (c - a)).sqrt()
                } else {
                    b - ((1.0 - u) * width * (b - c)).sqrt()
                }
            }
        };
        x.max(a).min(b)
    }

    /// One draw: `u` uniform in [0, 1) mapped into the (possibly truncated) distribution.
    fn sample(&self, u: f64, distribution: Distribution) -> f64 {
        match self.truncated {
            None => self.inverse_cdf(u, distribution),
            Some((lo, hi)) => {
                let (flo, fhi) = (self.cdf(lo, distribution), self.cdf(hi, distribution));
                self.inverse_cdf(flo + u * (fhi - flo), distribution)
                    .max(lo)
                    .min(hi)
            }
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    pub done: usize,
    pub total: usize,
}

impl Progress {
    pub fn is_finished(&self) -> bool {
        self.done >= self.total
    }
}

/// The fan at one x (a year; a period index for projections).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FanPoint {
    pub x: i32,
    pub p10: f64,
    pub p50: f64,
    pub p90: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Fan {
    pub target: Target,
    pub seed: u64,
    pub points: Vec<FanPoint>,
    /// Paths in the percentiles.
    pub count: usize,
    /// Paths the engine could not compute (left out).
    pub failed: usize,
    pub ranges: Vec<SampleRange>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum McError {
    /// Zero paths asked for.
    NoPaths,
    /// More than [`MAX_PATHS`] paths asked for.
    TooManyPaths(usize),
    /// A key the report has no input for.
    UnknownKey(String),
    /// A range override that is not two finite numbers with low ≤ high.
    InvalidRange(String),
    /// A width multiplier that is not a finite number of 0 or more.
    InvalidWidth(f64),
    /// The headline's sampling range lies wholly outside the rates that honour the bounds.
    BoundsExcludeRange { low: f64, high: f64 },
    /// The target does not exist or the base scenario cannot be computed.
    Target(TargetError),
    /// Not one path could be computed.
    AllPathsFailed(EngineError),
}

impl fmt::Display for McError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            McError::NoPaths => write!(f, "at least one path is needed"),
            McError::TooManyPaths(n) => write!(f, "{n} paths is more than {MAX_PATHS}"),
            McError::UnknownKey(k) => write!(f, "the report has no assumption `{k}`"),
            McError::InvalidRange(k) => write!(f, "the range of `{k}` is not valid"),
            McError::InvalidWidth(w) => write!(f, "a range width of {w} is not valid"),
            McError::BoundsExcludeRange { low, high } => write!(
                f,
                "no headline rate between {low} and {high} honours the bounds the source gives"
            ),
            McError::Target(e) => e.fmt(f),
            McError::AllPathsFailed(e) => write!(f, "no path could be computed: {e}"),
        }
    }
}

impl std::error::Error for McError {}

impl From<TargetError> for McError {
    fn from(e: TargetError) -> Self {
        McError::Target(e)
    }
}

/// The p-quantile (0 ≤ p ≤ 1) of sorted values by linear interpolation between closest ranks;
/// `None` for no values or a p outside [0, 1].
pub fn percentile(sorted: &[f64], p: f64) -> Option<f64> {
    if sorted.is_empty() || !(0.0..=1.0).contains(&p) {
        return None;
    }
    let h = (sorted.len() - 1) as f64 * p;
    let lo = h.floor() as usize;
    let hi = h.ceil() as usize;
    let (a, b) = (*sorted.get(lo)?, *sorted.get(hi)?);
    Some(a + (h - lo as f64) * (b - a))
}

/// The headline rates that honour every bound and interval of the headline series after its
/// anchor: `(lowest, highest)`, either side open (±infinity) when nothing limits it.
///
/// The limits are the fit's ([`model::observations`](super::model::observations),
/// [`Evidence::limits`]): a floor ("1000以上") sets the lowest rate, a ceiling ("at most") or an
/// interval's top ("900多": below 1000) the highest. Each end is the rate whose path meets the
/// limit, moved by the last representable step where rounding would put the path on the wrong
/// side: a floor and a ceiling may be met; an interval's top is exclusive, so the highest rate
/// keeps the path strictly below it.
pub fn bound_rate_window(report: &Report) -> (f64, f64) {
    let (mut lo, mut hi) = (f64::NEG_INFINITY, f64::INFINITY);
    let Some(model) = &report.forecast else {
        return (lo, hi);
    };
    let Ok(s) = series(report, &model.series) else {
        return (lo, hi);
    };
    let Some(anchor) = s
        .points
        .iter()
        .find(|p| p.year == model.anchor_year && p.provenance == Provenance::Reported)
        .map(|p| p.value)
    else {
        return (lo, hi);
    };
    let at = |rate: f64, year: i32| value_at(model.anchor_year, anchor, rate, year).ok();
    for o in observations(s) {
        // Only years the scenario's rate moves: after the anchor, up to the last forecast year.
        if o.year <= model.anchor_year || o.year > report.meta.forecast.to {
            continue;
        }
        let n = f64::from(o.year - model.anchor_year);
        let (floor, ceiling) = o.evidence.limits();
        if let Some(floor) = floor {
            if let Ok(mut rate) = rri(n, anchor, floor) {
                // A few steps at most: the rate is exact to an ulp or two.
                for _ in 0..64 {
                    match at(rate, o.year) {
                        Some(v) if v < floor => rate = rate.next_up(),
                        _ => break,
                    }
                }
                lo = lo.max(rate);
            }
        }
        if let Some(ceiling) = ceiling {
            let exclusive = matches!(o.evidence, Evidence::Between(..));
            if let Ok(mut rate) = rri(n, anchor, ceiling) {
                for _ in 0..64 {
                    match at(rate, o.year) {
                        Some(v) if v > ceiling || (exclusive && v >= ceiling) => {
                            rate = rate.next_down()
                        }
                        _ => break,
                    }
                }
                hi = hi.min(rate);
            }
        }
    }
    (lo, hi)
}

/// A Monte Carlo run that can be advanced in chunks.
#[derive(Debug, Clone)]
pub struct McRun {
    eval: Evaluator,
    base: Scenario,
    seed: u64,
    rng: SplitMix64,
    distribution: Distribution,
    samplers: Vec<(Input, SampleRange)>,
    xs: Vec<i32>,
    /// One column of sampled values per x.
    columns: Vec<Vec<f64>>,
    total: usize,
    done: usize,
    failed: usize,
    last_error: Option<EngineError>,
    result: Option<Result<Fan, McError>>,
}

impl McRun {
    /// Prepares a run of `paths` paths around `base`. Checks the size, the keys, the ranges and
    /// the target, and computes the base path once (its x axis is the fan's).
    pub fn new(
        report: &Report,
        base: &Scenario,
        seed: u64,
        paths: usize,
        options: McOptions,
    ) -> Result<McRun, McError> {
        if paths == 0 {
            return Err(McError::NoPaths);
        }
        if paths > MAX_PATHS {
            return Err(McError::TooManyPaths(paths));
        }
        if !(options.width.is_finite() && options.width >= 0.0) {
            return Err(McError::InvalidWidth(options.width));
        }
        let eval = Evaluator::new(report, &options.target)?;
        let base_path = eval
            .path(base)
            .map_err(|e| McError::Target(TargetError::Engine(e)))?;
        let all = inputs(report).map_err(|e| McError::Target(TargetError::Engine(e)))?;
        let mut samplers: Vec<(Input, SampleRange)> = Vec::new();
        for key in &options.keys {
            if samplers.iter().any(|(i, _)| i.key == *key) {
                continue;
            }
            let input = all
                .iter()
                .find(|i| i.key == *key)
                .ok_or_else(|| McError::UnknownKey(key.clone()))?;
            let range = sample_range(report, input, base, &options)?;
            samplers.push((input.clone(), range));
        }
        let xs: Vec<i32> = base_path.iter().map(|&(x, _)| x).collect();
        Ok(McRun {
            eval,
            base: base.clone(),
            seed,
            rng: SplitMix64::new(seed),
            distribution: options.distribution,
            samplers,
            columns: xs.iter().map(|_| Vec::with_capacity(paths)).collect(),
            xs,
            total: paths,
            done: 0,
            failed: 0,
            last_error: None,
            result: None,
        })
    }

    /// The target's values at `x` in the paths run so far, in path order (failed paths left
    /// out); `None` for an x the fan does not have.
    pub fn values(&self, x: i32) -> Option<&[f64]> {
        let i = self.xs.iter().position(|&v| v == x)?;
        self.columns.get(i).map(Vec::as_slice)
    }

    /// Where each input is sampled.
    pub fn ranges(&self) -> Vec<SampleRange> {
        self.samplers.iter().map(|(_, r)| r.clone()).collect()
    }

    pub fn progress(&self) -> Progress {
        Progress {
            done: self.done,
            total: self.total,
        }
    }

    /// Runs up to `max_paths` more paths; the fan is ready once `done == total`.
    pub fn step(&mut self, max_paths: usize) -> Progress {
        let end = self.done.saturating_add(max_paths).min(self.total);
        while self.done < end {
            let mut s = self.base.clone();
            for (input, range) in &self.samplers {
                let u = self.rng.next_f64();
                input.apply(&mut s, range.sample(u, self.distribution));
            }
            match self.eval.path(&s) {
                Ok(path)
                    if path.len() == self.xs.len()
                        && path.iter().zip(&self.xs).all(|(p, x)| p.0 == *x)
                        && path.iter().all(|p| p.1.is_finite()) =>
                {
                    for (column, (_, v)) in self.columns.iter_mut().zip(path) {
                        column.push(v);
                    }
                }
                Ok(_) => {
                    self.failed += 1;
                    self.last_error = Some(EngineError::OutOfRange);
                }
                Err(e) => {
                    self.failed += 1;
                    self.last_error = Some(e);
                }
            }
            self.done += 1;
        }
        if self.done >= self.total && self.result.is_none() {
            self.result = Some(self.finish());
        }
        self.progress()
    }

    /// Runs every remaining path and returns the fan.
    pub fn run_to_end(&mut self) -> Result<Fan, McError> {
        self.step(self.total);
        self.finish()
    }

    /// The fan once every path has run; `None` before.
    pub fn result(&self) -> Option<Result<Fan, McError>> {
        self.result.clone()
    }

    fn finish(&self) -> Result<Fan, McError> {
        let count = self.done - self.failed;
        if count == 0 {
            return Err(McError::AllPathsFailed(
                self.last_error.unwrap_or(EngineError::Empty),
            ));
        }
        let mut points = Vec::with_capacity(self.xs.len());
        for (x, column) in self.xs.iter().zip(&self.columns) {
            let mut sorted = column.clone();
            sorted.sort_by(f64::total_cmp);
            let q = |p| percentile(&sorted, p).ok_or(McError::AllPathsFailed(EngineError::Empty));
            points.push(FanPoint {
                x: *x,
                p10: q(0.1)?,
                p50: q(0.5)?,
                p90: q(0.9)?,
            });
        }
        Ok(Fan {
            target: self.eval.target().clone(),
            seed: self.seed,
            points,
            count,
            failed: self.failed,
            ranges: self.ranges(),
        })
    }
}

/// The default half-width of an input (before the multiplier), and why (see the module docs).
/// `centre` is the input's scenario value, which relative widths scale with.
pub fn default_half_width(report: &Report, input: &Input, centre: f64) -> (f64, RangeBasis) {
    let evidence = match input.kind {
        InputKind::Headline => headline_evidence(report, input.range.default),
        InputKind::Plan if input.is_fraction => plan_rate_evidence(report, input),
        _ => None,
    };
    if let Some(e) = evidence {
        return e;
    }
    if input.is_fraction && input.kind != InputKind::Share {
        (DEFAULT_RATE_POINTS, RangeBasis::DefaultPoints)
    } else {
        (DEFAULT_RELATIVE * centre.abs(), RangeBasis::DefaultRelative)
    }
}

/// A usable half-width: finite and above rounding noise.
fn usable(half: f64) -> bool {
    half.is_finite() && half > 1e-9
}

/// The headline's evidence: other rates the source gives for the series, else its bounds.
fn headline_evidence(report: &Report, published: f64) -> Option<(f64, RangeBasis)> {
    let model = report.forecast.as_ref()?;
    let s = series(report, &model.series).ok();
    let reported = |year: i32| {
        s.and_then(|s| {
            s.points
                .iter()
                .find(|p| p.year == year && p.provenance == Provenance::Reported)
                .map(|p| p.value)
        })
    };
    let mut others = Vec::new();
    for g in report
        .growth_statements
        .iter()
        .filter(|g| g.series == model.series)
    {
        others.push(g.rate);
        if let (Some(a), Some(b)) = (reported(g.from_year), reported(g.to_year)) {
            if let Ok(implied) = rri(f64::from(g.to_year - g.from_year), a, b) {
                others.push(implied);
            }
        }
    }
    let widest = others
        .into_iter()
        .filter(|o| o.is_finite() && usable((o - published).abs()))
        .max_by(|a, b| (a - published).abs().total_cmp(&(b - published).abs()));
    if let Some(other) = widest {
        return Some((
            (other - published).abs(),
            RangeBasis::SourceRates { published, other },
        ));
    }
    let (lo, hi) = bound_rate_window(report);
    if !(lo < published && published < hi) {
        return None;
    }
    let limit = if published - lo <= hi - published {
        lo
    } else {
        hi
    };
    let half = (published - limit).abs();
    usable(half).then_some((half, RangeBasis::Bounds { published, limit }))
}

/// A plan rate's evidence: the other values of a KPI metric (growth-rate targets with the
/// cadence of a projection the rate drives) that has a target equal to the rate's default.
fn plan_rate_evidence(report: &Report, input: &Input) -> Option<(f64, RangeBasis)> {
    let default = input.range.default;
    let cadences: Vec<_> = report
        .projections
        .iter()
        .filter(|p| p.rate == input.key)
        .map(|p| p.cadence)
        .collect();
    let targets: Vec<_> = report
        .kpis
        .iter()
        .filter(|k| {
            k.kind == KpiKind::GrowthRate && k.cadence.is_some_and(|c| cadences.contains(&c))
        })
        .collect();
    let same = |a: f64, b: f64| (a - b).abs() <= 1e-12;
    targets
        .iter()
        .filter(|k| same(k.value, default))
        .flat_map(|k| targets.iter().filter(move |o| o.metric == k.metric))
        .map(|o| o.value)
        .filter(|v| v.is_finite() && usable((v - default).abs()))
        .max_by(|a, b| (a - default).abs().total_cmp(&(b - default).abs()))
        .map(|other| {
            (
                (other - default).abs(),
                RangeBasis::SourceTargets { default, other },
            )
        })
}

/// The sampling range of one input: an override, or the default centred on the scenario's
/// value (see the module docs).
pub fn sample_range(
    report: &Report,
    input: &Input,
    base: &Scenario,
    options: &McOptions,
) -> Result<SampleRange, McError> {
    let r = input.range;
    let centre = input.clamp(super::target::value_in_force(report, input, base));
    let mut range = match options.ranges.get(&input.key) {
        Some(&(lo, hi)) => {
            if !(lo.is_finite() && hi.is_finite() && lo <= hi) {
                return Err(McError::InvalidRange(input.key.clone()));
            }
            let (low, high) = (input.clamp(lo), input.clamp(hi));
            SampleRange {
                key: input.key.clone(),
                low,
                high,
                mode: centre.max(low).min(high),
                basis: RangeBasis::Override,
                half_width: 0.0,
                narrowed: false,
                truncated: None,
            }
        }
        None => {
            if !(options.width.is_finite() && options.width >= 0.0) {
                return Err(McError::InvalidWidth(options.width));
            }
            let (default, basis) = default_half_width(report, input, centre);
            let half_width = default * options.width;
            // Narrowed on both sides at the slider's ends, so the range stays centred.
            let room = (centre - r.min).min(r.max - centre).max(0.0);
            let half = half_width.min(room);
            SampleRange {
                key: input.key.clone(),
                low: input.clamp(centre - half),
                high: input.clamp(centre + half),
                mode: centre,
                basis,
                half_width,
                narrowed: half < half_width,
                truncated: None,
            }
        }
    };
    if input.key == HEADLINE_KEY && options.bounds == BoundPolicy::Reject {
        let (blo, bhi) = bound_rate_window(report);
        if blo > f64::NEG_INFINITY || bhi < f64::INFINITY {
            let (lo, hi) = (range.low.max(blo), range.high.min(bhi));
            if lo > hi {
                return Err(McError::BoundsExcludeRange {
                    low: range.low,
                    high: range.high,
                });
            }
            range.truncated = Some((lo, hi));
        }
    }
    Ok(range)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::bundled::load_bundled;

    #[test]
    fn splitmix_matches_the_reference_sequence() {
        // First outputs for seed 1234567 from the reference C implementation.
        let mut g = SplitMix64::new(1234567);
        assert_eq!(g.next_u64(), 6457827717110365317);
        assert_eq!(g.next_u64(), 3203168211198807973);
        assert_eq!(g.next_u64(), 9817491932198370423);
        let mut g = SplitMix64::new(0);
        for _ in 0..10_000 {
            let u = g.next_f64();
            assert!((0.0..1.0).contains(&u));
        }
    }

    #[test]
    fn percentiles_interpolate() {
        let v = [1.0, 2.0, 3.0, 4.0, 5.0];
        assert_eq!(percentile(&v, 0.5), Some(3.0));
        assert_eq!(percentile(&v, 0.1), Some(1.4));
        assert_eq!(percentile(&v, 0.9), Some(4.6));
        assert_eq!(percentile(&[7.0], 0.9), Some(7.0));
        assert_eq!(percentile(&[], 0.5), None);
        assert_eq!(percentile(&v, 1.5), None);
        assert_eq!(percentile(&v, f64::NAN), None);
    }

    #[test]
    fn triangular_sampling_stays_in_range_and_peaks_at_the_mode() {
        let r = SampleRange {
            key: "k".into(),
            low: 0.0,
            high: 1.0,
            mode: 0.25,
            basis: RangeBasis::Override,
            half_width: 0.0,
            narrowed: false,
            truncated: None,
        };
        let mut g = SplitMix64::new(9);
        let mut below = 0;
        for _ in 0..10_000 {
            let x = r.sample(g.next_f64(), Distribution::Triangular);
            assert!((0.0..=1.0).contains(&x));
            if x < 0.25 {
                below += 1;
            }
        }
        // P(x < mode) = (c − a)/(b − a) = 0.25.
        assert!((below as f64 / 10_000.0 - 0.25).abs() < 0.02, "{below}");
        let t = SampleRange {
            truncated: Some((0.5, 0.6)),
            ..r
        };
        for _ in 0..1000 {
            let x = t.sample(g.next_f64(), Distribution::Triangular);
            assert!((0.5..=0.6).contains(&x));
        }
    }

    #[test]
    fn default_widths_come_from_the_reports_evidence() {
        let (reports, _) = load_bundled();
        let ranges = |r: &Report, target: Target| {
            McRun::new(
                r,
                &Scenario::published(),
                1,
                10,
                McOptions::for_target(r, target),
            )
            .unwrap()
            .ranges()
        };
        // Smartphone: stated 13% against the implied 13.59%.
        let h = &ranges(&reports[0], Target::Headline)[0];
        let c = 0.13590341;
        assert!((h.mode - c).abs() < 1e-6);
        assert!((h.low - 0.13).abs() < 1e-9, "{h:?}");
        assert!((h.high - (2.0 * h.mode - 0.13)).abs() < 1e-9, "{h:?}");
        assert!(matches!(h.basis, RangeBasis::SourceRates { other, .. } if other == 0.13));
        assert_eq!(h.truncated, None);
        assert!(!h.narrowed);
        // Call centre: from the fitted rate down to the rate the 2014 bound needs, and as far up.
        let h = &ranges(&reports[1], Target::Headline)[0];
        let (lo, _) = bound_rate_window(&reports[1]);
        assert!((h.low - lo).abs() < 1e-12, "{h:?}");
        assert!(((h.low + h.high) / 2.0 - h.mode).abs() < 1e-12);
        assert!(matches!(h.basis, RangeBasis::Bounds { limit, .. } if limit == lo));
        // Plan: 10% a month in section 01, 8% in sections 05 and 08; no evidence for the start.
        let plan = &reports[2];
        let p = ranges(plan, Target::default_for(plan).unwrap());
        assert_eq!((p[0].low, p[0].high), (80_000.0, 120_000.0));
        assert_eq!(p[0].basis, RangeBasis::DefaultRelative);
        assert!((p[1].low - 0.08).abs() < 1e-12 && (p[1].high - 0.12).abs() < 1e-12);
        assert!(matches!(p[1].basis, RangeBasis::SourceTargets { other, .. } if other == 0.08));
        // Segments: growth ±2 points, shares ±20% of themselves.
        let seg = ranges(
            &reports[0],
            Target::Segment {
                dimension: "type".into(),
                member: "camera-modules".into(),
            },
        );
        let share = seg
            .iter()
            .find(|r| r.key == "type.camera-modules.share")
            .unwrap();
        assert!((share.low - 0.24).abs() < 1e-12 && (share.high - 0.36).abs() < 1e-12);
        let growth = seg
            .iter()
            .find(|r| r.key == "type.camera-modules.growth")
            .unwrap();
        assert!((growth.low - 0.11).abs() < 1e-12 && (growth.high - 0.15).abs() < 1e-12);
        assert_eq!(growth.basis, RangeBasis::DefaultPoints);
    }

    #[test]
    fn ranges_stay_centred_inside_the_slider_range() {
        let (reports, _) = load_bundled();
        let r = &reports[0];
        let target = Target::Segment {
            dimension: "type".into(),
            member: "audio-modules".into(),
        };
        let mut s = Scenario::published();
        // 1 point above the slider's floor of 0: ±2 points would leave it.
        s.values.insert("type.audio-modules.growth".into(), 0.01);
        let run = McRun::new(r, &s, 1, 10, McOptions::for_target(r, target.clone())).unwrap();
        let g = run
            .ranges()
            .into_iter()
            .find(|x| x.key == "type.audio-modules.growth")
            .unwrap();
        assert!(g.narrowed);
        assert!(
            (g.low - 0.0).abs() < 1e-12 && (g.high - 0.02).abs() < 1e-12,
            "{g:?}"
        );
        assert!((g.half_width - 0.02).abs() < 1e-12);
        // At the floor: held.
        s.values.insert("type.audio-modules.growth".into(), 0.0);
        let run = McRun::new(r, &s, 1, 10, McOptions::for_target(r, target)).unwrap();
        let g = run
            .ranges()
            .into_iter()
            .find(|x| x.key == "type.audio-modules.growth")
            .unwrap();
        assert_eq!((g.low, g.high), (0.0, 0.0));
    }

    #[test]
    fn invalid_sizes_and_keys_are_errors() {
        let (reports, _) = load_bundled();
        let r = &reports[0];
        let opts = || McOptions::for_target(r, Target::Headline);
        let s = Scenario::published();
        assert_eq!(
            McRun::new(r, &s, 1, 0, opts()).err(),
            Some(McError::NoPaths)
        );
        assert_eq!(
            McRun::new(r, &s, 1, MAX_PATHS + 1, opts()).err(),
            Some(McError::TooManyPaths(MAX_PATHS + 1))
        );
        let mut o = opts();
        o.keys.push("nope".into());
        assert_eq!(
            McRun::new(r, &s, 1, 5, o).err(),
            Some(McError::UnknownKey("nope".into()))
        );
        let mut o = opts();
        o.ranges.insert("headline".into(), (0.2, 0.1));
        assert_eq!(
            McRun::new(r, &s, 1, 5, o).err(),
            Some(McError::InvalidRange("headline".into()))
        );
        let mut o = opts();
        o.ranges.insert("headline".into(), (f64::NAN, 0.1));
        assert!(McRun::new(r, &s, 1, 5, o).is_err());
        for w in [-1.0, f64::NAN, f64::INFINITY] {
            let mut o = opts();
            o.width = w;
            assert!(matches!(
                McRun::new(r, &s, 1, 5, o).err(),
                Some(McError::InvalidWidth(_))
            ));
        }
    }
}
