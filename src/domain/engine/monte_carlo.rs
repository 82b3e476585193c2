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
//! **Ranges.** Each chosen input is sampled independently in a range: by default its slider
//! range (`min..max`); for the headline rate, the forecast's `rate_range` narrowed to half the
//! distance from the base rate to each end (base 13.6% in 0–30% samples 6.8%–21.8%), since
//! the slider's full range is "what a reader may try", not "what is plausible". Ranges may be
//! overridden per key (clamped to the slider range). Distribution: uniform, or triangular with
//! its mode at the base scenario's value.
//!
//! **Bounds.** Where the source gives bound values for the headline after its anchor ("over
//! 1000亿 in 2014"), a path that breaks one is impossible by the source's own words. Such paths
//! are *rejected* (the default, [`BoundPolicy::Reject`]): the fan is the distribution
//! conditional on the bounds. Because the headline path depends on its rate alone and
//! monotonically, the rejection is done exactly and without wasted draws: the rate's
//! distribution is truncated to the interval of rates that honour every bound (inverse-CDF
//! sampling of the truncated uniform or triangular). Clipping was not chosen: it would pile
//! probability onto the bound and draw a fan edge the source never stated.
//! [`BoundPolicy::Ignore`] samples the full range.
//!
//! **Percentiles.** Linear interpolation between closest ranks (Excel's `PERCENTILE.INC`, R's
//! type 7, NumPy's default): `h = (n − 1)·p`, between the ⌊h⌋-th and ⌈h⌉-th smallest values.
//! It is smooth in p and in the data, and exact for a single path.
//!
//! A path whose computation fails (an engine error value) is counted in `failed` and left out;
//! no NaN reaches the fan.

use super::error::EngineError;
use super::growth::rri;
use super::model::series;
use super::target::{inputs, Evaluator, Input, InputKind, Target, TargetError, HEADLINE_KEY};
use crate::domain::scenario::Scenario;
use crate::domain::schema::{BoundSide, Provenance, Report};
use std::collections::BTreeMap;
use std::fmt;

/// Most paths one run may take (memory: paths × years values are kept for the percentiles).
pub const MAX_PATHS: usize = 100_000;

/// The headline's default range is this fraction of the distance from the base rate to each
/// end of the forecast's `rate_range`.
pub const HEADLINE_NARROWING: f64 = 0.5;

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
}

impl McOptions {
    /// Samples every input the target depends on
    /// ([`relevant_keys`](super::target::relevant_keys)), uniformly, honouring bounds.
    pub fn for_target(report: &Report, target: Target) -> Self {
        McOptions {
            keys: super::target::relevant_keys(report, &target),
            target,
            distribution: Distribution::Uniform,
            ranges: BTreeMap::new(),
            bounds: BoundPolicy::Reject,
        }
    }
}

/// Where one input is sampled: `[low, high]` with the triangular mode at `mode`.
#[derive(Debug, Clone, PartialEq)]
pub struct SampleRange {
    pub key: String,
    pub low: f64,
    pub high: f64,
    pub mode: f64,
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

/// The headline rates that honour every bound of the headline series after its anchor:
/// `(lowest, highest)`, either side open (±infinity) when no bound limits it.
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
    for p in &s.points {
        // Only years the scenario's rate moves: after the anchor, up to the last forecast year.
        if p.provenance != Provenance::Bound
            || p.year <= model.anchor_year
            || p.year > report.meta.forecast.to
        {
            continue;
        }
        let Ok(rate) = rri(f64::from(p.year - model.anchor_year), anchor, p.value) else {
            continue;
        };
        match p.bound {
            Some(BoundSide::Lower) => lo = lo.max(rate),
            Some(BoundSide::Upper) => hi = hi.min(rate),
            None => {}
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

/// The sampling range of one input: an override, or the default (see the module docs).
fn sample_range(
    report: &Report,
    input: &Input,
    base: &Scenario,
    options: &McOptions,
) -> Result<SampleRange, McError> {
    let r = input.range;
    let centre = input.clamp(input.value(base));
    let (low, high) = match options.ranges.get(&input.key) {
        Some(&(lo, hi)) => {
            if !(lo.is_finite() && hi.is_finite() && lo <= hi) {
                return Err(McError::InvalidRange(input.key.clone()));
            }
            (input.clamp(lo), input.clamp(hi))
        }
        None if input.kind == InputKind::Headline => (
            centre - HEADLINE_NARROWING * (centre - r.min),
            centre + HEADLINE_NARROWING * (r.max - centre),
        ),
        None => (r.min, r.max),
    };
    let mut range = SampleRange {
        key: input.key.clone(),
        low,
        high,
        mode: centre.max(low).min(high),
        truncated: None,
    };
    if input.key == HEADLINE_KEY && options.bounds == BoundPolicy::Reject {
        let (blo, bhi) = bound_rate_window(report);
        if blo > f64::NEG_INFINITY || bhi < f64::INFINITY {
            let (lo, hi) = (low.max(blo), high.min(bhi));
            if lo > hi {
                return Err(McError::BoundsExcludeRange { low, high });
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
    fn headline_range_is_narrowed_around_the_base() {
        let (reports, _) = load_bundled();
        let r = &reports[0];
        let run = McRun::new(
            r,
            &Scenario::published(),
            1,
            10,
            McOptions::for_target(r, Target::Headline),
        )
        .unwrap();
        let range = &run.ranges()[0];
        let c = 0.13590341;
        assert!((range.low - c / 2.0).abs() < 1e-6);
        assert!((range.high - (c + (0.3 - c) / 2.0)).abs() < 1e-6);
        assert_eq!(range.truncated, None);
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
    }
}
