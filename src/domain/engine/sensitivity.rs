//! Sensitivity as a tornado: how far the target's end value moves when each input moves by
//! ±N percentage points around the reader's scenario, one input at a time, the others held.
//!
//! - Each input moves from its value in force in the reader's scenario: for a share the reader
//!   has not set, the share it takes once the shares they set are kept, not its default.
//! - Rates and shares move by N points (N = 0.02 is ±2 points: 13% → 11% and 15%); levels such
//!   as a plan's start value of 100,000 users move by ±N relative (±2%), because "points" of a
//!   count mean nothing. Each row says which it did through its inputs.
//! - Moved values are clamped to the input's slider range, so a tornado never shows a value the
//!   reader could not set (a row can be lopsided at the edge of its range; at the very edge
//!   one side equals the base).
//! - Rows are sorted by swing (|high − low|), largest first, ties by key, so equal inputs give
//!   the same chart every time.
//! - An input whose computation fails (an error value from the engine) or whose key the report
//!   does not know is listed in `skipped`, never dropped silently and never a NaN bar.

use super::error::EngineError;
use super::target::{inputs, value_in_force, Evaluator, Input, InputKind, Target, TargetError};
use crate::domain::scenario::Scenario;
use std::fmt;

/// Largest move accepted: 100 points (or ±100%).
pub const MAX_POINTS: f64 = 1.0;

#[derive(Debug, Clone, PartialEq)]
pub struct TornadoRow {
    pub key: String,
    pub kind: InputKind,
    /// Whether the input moved by points (rates, shares) rather than relatively (levels).
    pub is_fraction: bool,
    /// The input under the base scenario.
    pub base_input: f64,
    /// The moved inputs, after clamping to the input's range.
    pub low_input: f64,
    pub high_input: f64,
    /// The target's end value with the input at `low_input` / `high_input`.
    pub low_value: f64,
    pub high_value: f64,
    /// `|high_value − low_value|`.
    pub swing: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub enum SkipReason {
    /// The report has no input with this key.
    UnknownKey,
    /// The key was listed more than once; the first listing counts.
    Duplicate,
    /// The engine could not compute the target with the input moved.
    Engine(EngineError),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Skipped {
    pub key: String,
    pub reason: SkipReason,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Tornado {
    pub target: Target,
    /// The move N (0.02 = 2 points).
    pub points: f64,
    /// The target's end value under the base scenario (where the bars meet).
    pub base_value: f64,
    /// Largest swing first.
    pub rows: Vec<TornadoRow>,
    pub skipped: Vec<Skipped>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum SensitivityError {
    /// N must be finite, above zero and at most [`MAX_POINTS`].
    InvalidPoints(f64),
    /// The target does not exist, or the base scenario cannot be computed.
    Target(TargetError),
}

impl fmt::Display for SensitivityError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SensitivityError::InvalidPoints(n) => {
                write!(
                    f,
                    "the move must be above 0 and at most 100 points, not {n}"
                )
            }
            SensitivityError::Target(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for SensitivityError {}

impl From<TargetError> for SensitivityError {
    fn from(e: TargetError) -> Self {
        SensitivityError::Target(e)
    }
}

impl From<EngineError> for SensitivityError {
    fn from(e: EngineError) -> Self {
        SensitivityError::Target(TargetError::Engine(e))
    }
}

/// The moved inputs (low, high) of one input around `base`, clamped to its range.
pub fn moved(input: &Input, base: f64, points: f64) -> (f64, f64) {
    let delta = if input.is_fraction {
        points
    } else {
        base.abs() * points
    };
    (input.clamp(base - delta), input.clamp(base + delta))
}

/// The tornado of `keys` (input keys: [`HEADLINE_KEY`](super::target::HEADLINE_KEY) or
/// assumption keys) for `target`, moving each by ±`points` around `base`.
pub fn tornado(
    report: &crate::domain::schema::Report,
    base: &Scenario,
    keys: &[String],
    points: f64,
    target: &Target,
) -> Result<Tornado, SensitivityError> {
    let mut run = TornadoRun::new(report, base, keys, points, target)?;
    while run.step() {}
    Ok(run.finish())
}

/// A tornado worked out one input at a time (two model runs each), so that a view can let the
/// reader's key presses through between inputs instead of computing it in one long task.
/// [`tornado`] is this run to the end.
pub struct TornadoRun {
    eval: Evaluator,
    base: Scenario,
    points: f64,
    base_value: f64,
    /// Each key still to move, with its input and its value in force.
    todo: std::collections::VecDeque<(String, Input, f64)>,
    rows: Vec<TornadoRow>,
    skipped: Vec<Skipped>,
}

impl TornadoRun {
    /// Checks the target and the points, works out the base value and which keys can move.
    pub fn new(
        report: &crate::domain::schema::Report,
        base: &Scenario,
        keys: &[String],
        points: f64,
        target: &Target,
    ) -> Result<Self, SensitivityError> {
        if !(points.is_finite() && points > 0.0 && points <= MAX_POINTS) {
            return Err(SensitivityError::InvalidPoints(points));
        }
        let eval = Evaluator::new(report, target)?;
        let base_value = eval.end(base)?;
        let all = inputs(report)?;
        let mut todo = std::collections::VecDeque::new();
        let mut skipped = Vec::new();
        let mut seen: Vec<&str> = Vec::new();
        for key in keys {
            if seen.contains(&key.as_str()) {
                skipped.push(Skipped {
                    key: key.clone(),
                    reason: SkipReason::Duplicate,
                });
                continue;
            }
            seen.push(key);
            let Some(input) = all.iter().find(|i| i.key == *key) else {
                skipped.push(Skipped {
                    key: key.clone(),
                    reason: SkipReason::UnknownKey,
                });
                continue;
            };
            // From the value in force: a sibling's share the reader left alone has made room
            // for the shares they set.
            let base_input = value_in_force(report, input, base);
            todo.push_back((key.clone(), input.clone(), base_input));
        }
        Ok(TornadoRun {
            eval,
            base: base.clone(),
            points,
            base_value,
            todo,
            rows: Vec::new(),
            skipped,
        })
    }

    /// Moves the next input down and up; `false` once every input has been moved.
    pub fn step(&mut self) -> bool {
        let Some((key, input, base_input)) = self.todo.pop_front() else {
            return false;
        };
        let (low_input, high_input) = moved(&input, base_input, self.points);
        let end_with = |v: f64| {
            let mut s = self.base.clone();
            input.apply(&mut s, v);
            self.eval.end(&s)
        };
        match (end_with(low_input), end_with(high_input)) {
            (Ok(low_value), Ok(high_value)) => self.rows.push(TornadoRow {
                key,
                kind: input.kind,
                is_fraction: input.is_fraction,
                base_input,
                low_input,
                high_input,
                low_value,
                high_value,
                swing: (high_value - low_value).abs(),
            }),
            (Err(e), _) | (_, Err(e)) => self.skipped.push(Skipped {
                key,
                reason: SkipReason::Engine(e),
            }),
        }
        !self.todo.is_empty()
    }

    /// The tornado, widest swing first (inputs not yet moved are left out).
    pub fn finish(self) -> Tornado {
        let mut rows = self.rows;
        rows.sort_by(|a, b| b.swing.total_cmp(&a.swing).then_with(|| a.key.cmp(&b.key)));
        Tornado {
            target: self.eval.target().clone(),
            points: self.points,
            base_value: self.base_value,
            rows,
            skipped: self.skipped,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::bundled::load_bundled;
    use crate::domain::engine::growth::value_at;
    use crate::domain::engine::target::relevant_keys;

    fn keys(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn headline_moves_by_two_points() {
        let (reports, _) = load_bundled();
        let r = &reports[0];
        let t = tornado(
            r,
            &Scenario::published(),
            &keys(&["headline"]),
            0.02,
            &Target::Headline,
        )
        .unwrap();
        let row = &t.rows[0];
        let published = row.base_input;
        assert!((row.low_input - (published - 0.02)).abs() < 1e-15);
        let expect_low = value_at(2025, 2.5e9, published - 0.02, 2032).unwrap();
        let expect_high = value_at(2025, 2.5e9, published + 0.02, 2032).unwrap();
        assert!((row.low_value - expect_low).abs() < 1e-3);
        assert!((row.high_value - expect_high).abs() < 1e-3);
        assert!((t.base_value - 6.1e9).abs() < 1.0);
        assert!(row.low_value < t.base_value && t.base_value < row.high_value);
    }

    #[test]
    fn a_run_moves_one_input_per_step_and_ends_as_the_whole_tornado() {
        let (reports, _) = load_bundled();
        let r = &reports[0];
        let target = Target::Segment {
            dimension: "type".into(),
            member: "camera-modules".into(),
        };
        let keys = relevant_keys(r, &target);
        assert!(keys.len() > 1, "{keys:?}");
        let whole = tornado(r, &Scenario::published(), &keys, 0.02, &target).unwrap();
        let mut run = TornadoRun::new(r, &Scenario::published(), &keys, 0.02, &target).unwrap();
        let mut steps = 1;
        while run.step() {
            steps += 1;
        }
        assert!(!run.step(), "nothing left to move");
        assert_eq!(steps, keys.len());
        assert_eq!(run.finish(), whole);
        // Cut short, it holds what was moved so far.
        let mut run = TornadoRun::new(r, &Scenario::published(), &keys, 0.02, &target).unwrap();
        run.step();
        assert_eq!(run.finish().rows.len(), 1);
    }

    #[test]
    fn segment_inputs_do_not_move_the_headline_but_move_the_segment() {
        let (reports, _) = load_bundled();
        let r = &reports[0];
        let k = keys(&[
            "type.camera-modules.growth",
            "headline",
            "type.camera-modules.share",
        ]);
        let t = tornado(r, &Scenario::published(), &k, 0.02, &Target::Headline).unwrap();
        assert_eq!(t.rows[0].key, "headline");
        assert_eq!(t.rows[1].swing, 0.0);
        assert_eq!(t.rows[2].swing, 0.0);
        let seg = Target::Segment {
            dimension: "type".into(),
            member: "camera-modules".into(),
        };
        let t = tornado(r, &Scenario::published(), &k, 0.02, &seg).unwrap();
        assert!(t.rows.iter().all(|row| row.swing > 0.0));
        // Sorted by swing, largest first.
        assert!(t.rows.windows(2).all(|w| w[0].swing >= w[1].swing));
    }

    #[test]
    fn an_untouched_siblings_share_moves_from_the_share_in_force() {
        // The reader sets camera modules to 32%: display modules (20% by default) makes room
        // and is shown at 20% × 68/70 ≈ 19.43%. Its row moves from there, not from 20%.
        let (reports, _) = load_bundled();
        let r = &reports[0];
        let mut s = Scenario::published();
        s.values.insert("type.camera-modules.share".into(), 0.32);
        let target = Target::Segment {
            dimension: "type".into(),
            member: "camera-modules".into(),
        };
        let k = keys(&["type.display-screen-modules.share"]);
        let t = tornado(r, &s, &k, 0.02, &target).unwrap();
        let row = &t.rows[0];
        let in_force = 0.20 * 0.68 / 0.70;
        assert!((row.base_input - in_force).abs() < 1e-12, "{row:?}");
        assert!((row.low_input - (in_force - 0.02)).abs() < 1e-12);
        assert!((row.high_input - (in_force + 0.02)).abs() < 1e-12);
        // Setting the share in force changes nothing: the bars meet at the scenario's value.
        let eval = Evaluator::new(r, &target).unwrap();
        let all = inputs(r).unwrap();
        let input = all.iter().find(|i| i.key == k[0]).unwrap();
        let mut at_base = s.clone();
        input.apply(&mut at_base, row.base_input);
        assert!((eval.end(&at_base).unwrap() / t.base_value - 1.0).abs() < 1e-12);
        // Camera's own row moves from the share the reader set.
        let t = tornado(r, &s, &keys(&["type.camera-modules.share"]), 0.02, &target).unwrap();
        assert_eq!(t.rows[0].base_input, 0.32);
    }

    #[test]
    fn moves_are_clamped_to_the_range() {
        let (reports, _) = load_bundled();
        let r = &reports[0];
        let mut s = Scenario::published();
        s.headline_rate = Some(0.005);
        let t = tornado(r, &s, &keys(&["headline"]), 0.02, &Target::Headline).unwrap();
        assert_eq!(t.rows[0].low_input, 0.0);
        assert!((t.rows[0].high_input - 0.025).abs() < 1e-15);
    }

    #[test]
    fn plan_levels_move_relatively() {
        let (reports, _) = load_bundled();
        let plan = &reports[2];
        let target = Target::default_for(plan).unwrap();
        let k = relevant_keys(plan, &target);
        let t = tornado(plan, &Scenario::published(), &k, 0.02, &target).unwrap();
        let start = t.rows.iter().find(|r| r.key == "start-users").unwrap();
        assert!(!start.is_fraction);
        assert!((start.low_input - 98_000.0).abs() < 1e-6);
        assert!((start.high_input - 102_000.0).abs() < 1e-6);
        let rate = t
            .rows
            .iter()
            .find(|r| r.key == "monthly-user-growth")
            .unwrap();
        assert!((rate.high_input - 0.12).abs() < 1e-12);
        // Over 36 months, 2 points of monthly growth matter more than 2% of the start.
        assert_eq!(t.rows[0].key, "monthly-user-growth");
    }

    #[test]
    fn bad_keys_and_sizes_are_reported() {
        let (reports, _) = load_bundled();
        let r = &reports[0];
        let t = tornado(
            r,
            &Scenario::published(),
            &keys(&["nope", "headline", "headline"]),
            0.02,
            &Target::Headline,
        )
        .unwrap();
        assert_eq!(t.rows.len(), 1);
        assert_eq!(t.skipped[0].reason, SkipReason::UnknownKey);
        assert_eq!(t.skipped[1].reason, SkipReason::Duplicate);
        for bad in [0.0, -0.01, f64::NAN, f64::INFINITY, 1.5] {
            assert!(matches!(
                tornado(r, &Scenario::published(), &[], bad, &Target::Headline),
                Err(SensitivityError::InvalidPoints(_))
            ));
        }
        assert!(matches!(
            tornado(
                &reports[2],
                &Scenario::published(),
                &[],
                0.02,
                &Target::Headline
            ),
            Err(SensitivityError::Target(TargetError::NoHeadline))
        ));
    }
}
