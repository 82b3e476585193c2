//! Sensitivity (tornado) and seeded Monte Carlo on the bundled reports: determinism, chunking,
//! bounds, and "no NaN, no panic" over random inputs.
// Native only: the repo's reports are compiled in for tests (`domain::bundled`), never into the wasm.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use report_explorer::domain::bundled::load_bundled;
use report_explorer::domain::engine::growth::value_at;
use report_explorer::domain::engine::model::compute;
use report_explorer::domain::engine::monte_carlo::{
    bound_rate_window, BoundPolicy, Distribution, Fan, FanPoint, McError, McOptions, McRun,
    SplitMix64, MAX_PATHS,
};
use report_explorer::domain::engine::sensitivity::tornado;
use report_explorer::domain::engine::target::{
    inputs, relevant_keys, Evaluator, Target, HEADLINE_KEY,
};
use report_explorer::domain::scenario::Scenario;
use report_explorer::domain::schema::Report;
use std::sync::OnceLock;

fn reports() -> &'static [Report] {
    static REPORTS: OnceLock<Vec<Report>> = OnceLock::new();
    REPORTS.get_or_init(|| {
        let (reports, errors) = load_bundled();
        assert!(errors.is_empty(), "{errors:?}");
        reports
    })
}

fn smartphone() -> &'static Report {
    &reports()[0]
}

fn call_center() -> &'static Report {
    &reports()[1]
}

fn plan() -> &'static Report {
    &reports()[2]
}

fn segment(dimension: &str, member: &str) -> Target {
    Target::Segment {
        dimension: dimension.into(),
        member: member.into(),
    }
}

// ---- Monte Carlo ---------------------------------------------------------------------------

#[test]
fn same_seed_and_size_give_the_same_fan() {
    let r = smartphone();
    let target = segment("geography", "us");
    let mut options = McOptions::for_target(r, target);
    options.distribution = Distribution::Triangular;
    let run = |seed| {
        McRun::new(r, &Scenario::published(), seed, 500, options.clone())
            .unwrap()
            .run_to_end()
            .unwrap()
    };
    let a = run(42);
    assert_eq!(a, run(42));
    assert_ne!(a.points, run(43).points);
    assert_eq!(a.count, 500);
    assert_eq!(a.failed, 0);
}

#[test]
fn chunked_runs_equal_one_shot_runs() {
    let r = smartphone();
    let options = McOptions::for_target(r, Target::Headline);
    let mut one = McRun::new(r, &Scenario::published(), 7, 1000, options.clone()).unwrap();
    let whole = one.run_to_end().unwrap();
    let mut chunked = McRun::new(r, &Scenario::published(), 7, 1000, options).unwrap();
    assert!(chunked.result().is_none());
    let mut steps = 0;
    loop {
        let p = chunked.step(37);
        steps += 1;
        assert!(p.done <= p.total);
        if p.is_finished() {
            break;
        }
        assert!(chunked.result().is_none());
    }
    assert_eq!(steps, 1000usize.div_ceil(37));
    assert_eq!(chunked.result(), Some(Ok(whole.clone())));
    // Stepping a finished run changes nothing.
    chunked.step(100);
    assert_eq!(chunked.result(), Some(Ok(whole)));
}

#[test]
fn a_single_path_is_the_engine_at_the_sampled_rate() {
    let r = smartphone();
    let run = McRun::new(
        r,
        &Scenario::published(),
        99,
        1,
        McOptions::for_target(r, Target::Headline),
    )
    .unwrap();
    let range = run.ranges()[0].clone();
    let fan = { run }.run_to_end().unwrap();
    let u = SplitMix64::new(99).next_f64();
    let rate = range.low + u * (range.high - range.low);
    let end = fan.points.last().unwrap();
    let expected = value_at(2025, 2.5e9, rate, 2032).unwrap();
    assert!(((end.p50 - expected) / expected).abs() < 1e-12);
    assert_eq!(end.p10, end.p50);
    assert_eq!(end.p90, end.p50);
}

#[test]
fn the_fan_is_ordered_and_pinned_at_the_anchor() {
    let r = smartphone();
    let fan = McRun::new(
        r,
        &Scenario::published(),
        1,
        2000,
        McOptions::for_target(r, Target::Headline),
    )
    .unwrap()
    .run_to_end()
    .unwrap();
    assert_eq!(fan.points.first().unwrap().x, 2024);
    assert_eq!(fan.points.last().unwrap().x, 2032);
    for p in &fan.points {
        assert!(p.p10 <= p.p50 && p.p50 <= p.p90, "{p:?}");
        assert!(p.p10.is_finite() && p.p90.is_finite());
    }
    let anchor = fan.points.iter().find(|p| p.x == 2025).unwrap();
    assert_eq!((anchor.p10, anchor.p90), (2.5e9, 2.5e9));
    let end = fan.points.last().unwrap();
    assert!(end.p10 < end.p90);
    // The uniform rate's median is the middle of its range; the median path follows it.
    let range = &fan.ranges[0];
    let mid = value_at(2025, 2.5e9, (range.low + range.high) / 2.0, 2032).unwrap();
    assert!(((end.p50 - mid) / mid).abs() < 0.03, "{} vs {mid}", end.p50);
}

#[test]
fn lower_bounds_reject_paths_below_them() {
    let r = call_center();
    let (lo, hi) = bound_rate_window(r);
    // 826亿 (2012) must reach at least 1000亿 by 2014.
    assert!(
        (lo - ((1000.0f64 / 826.0).sqrt() - 1.0)).abs() < 1e-12,
        "{lo}"
    );
    // "900多亿" in 2013 caps it below 1000/826 − 1 (see no_path_leaves_the_2013_interval).
    assert!((hi - (1000.0 / 826.0 - 1.0)).abs() < 1e-12, "{hi}");
    let run = |bounds| {
        let mut o = McOptions::for_target(r, Target::Headline);
        o.bounds = bounds;
        // A third of this range lies below the rate the 2014 bound needs (≈ 10.03%).
        o.ranges.insert(HEADLINE_KEY.into(), (0.0, 0.3));
        McRun::new(r, &Scenario::published(), 5, 3000, o)
            .unwrap()
            .run_to_end()
            .unwrap()
    };
    let at = |fan: &report_explorer::domain::engine::monte_carlo::Fan, year| {
        *fan.points.iter().find(|p| p.x == year).unwrap()
    };
    let ignored = run(BoundPolicy::Ignore);
    assert!(at(&ignored, 2014).p10 < 1e11, "{:?}", at(&ignored, 2014));
    let rejected = run(BoundPolicy::Reject);
    assert!(at(&rejected, 2014).p10 >= 1e11 * (1.0 - 1e-12));
    assert!(at(&rejected, 2013).p10 >= 9e10 * (1.0 - 1e-12));
    let range = &rejected.ranges[0];
    let (tlo, thi) = range.truncated.unwrap();
    assert_eq!((range.low, range.high), (0.0, 0.3));
    assert_eq!((tlo, thi), (lo, hi));
    // Conditioning on the floor (2014) and the interval's top (2013) narrows the fan from both
    // sides.
    assert!(at(&rejected, 2022).p10 > at(&ignored, 2022).p10);
    assert!(at(&rejected, 2022).p90 < at(&ignored, 2022).p90);
    assert!(at(&rejected, 2013).p90 < 1e11);
}

/// "900多亿" in 2013 is at least 900亿 and below 1000亿: no path may leave that interval,
/// whatever the scenario, the width or the range asked for (the issue measured 42% of draws at
/// 1000亿 or more before the interval's top capped the rate).
#[test]
fn no_path_leaves_the_2013_interval() {
    let r = call_center();
    let (lo, hi) = bound_rate_window(r);
    // 826亿 (2012) must stay below 1000亿 in 2013: the rate stays below 1000/826 − 1 ≈ 21.07%.
    assert!(
        hi < 1000.0 / 826.0 - 1.0 && hi > 1000.0 / 826.0 - 1.0 - 1e-12,
        "{hi}"
    );
    assert!(value_at(2012, 826e8, hi, 2013).unwrap() < 1e11);
    assert!(value_at(2012, 826e8, lo, 2014).unwrap() >= 1e11);
    let mut near_top = Scenario::published();
    near_top.headline_rate = Some(0.2);
    let mut widest = McOptions::for_target(r, Target::Headline);
    widest.width = 4.0;
    let mut whole_slider = McOptions::for_target(r, Target::Headline);
    whole_slider.ranges.insert(HEADLINE_KEY.into(), (0.0, 0.4));
    let cases = [
        ("published, widest", Scenario::published(), widest),
        (
            "20%, default width",
            near_top.clone(),
            McOptions::for_target(r, Target::Headline),
        ),
        ("whole slider", Scenario::published(), whole_slider.clone()),
        ("whole slider, at 20%", near_top, whole_slider),
    ];
    for (name, base, options) in cases {
        let mut run = McRun::new(r, &base, 3, 10_000, options).unwrap();
        let fan = run.run_to_end().unwrap();
        assert_eq!(fan.count, 10_000, "{name}");
        let y2013 = run.values(2013).unwrap();
        assert_eq!(y2013.len(), 10_000);
        let above = y2013.iter().filter(|&&v| v >= 1e11).count();
        let below = y2013.iter().filter(|&&v| v < 9e10).count();
        assert_eq!(
            (above, below),
            (0, 0),
            "{name}: 2013 outside [900亿, 1000亿)"
        );
        assert!(
            run.values(2014).unwrap().iter().all(|&v| v >= 1e11),
            "{name}"
        );
        let (tlo, thi) = fan.ranges[0].truncated.unwrap();
        assert!(tlo >= lo && thi <= hi, "{name}: {:?}", fan.ranges[0]);
    }
}

#[test]
fn bounds_that_exclude_the_whole_range_are_an_error() {
    let r = call_center();
    let mut o = McOptions::for_target(r, Target::Headline);
    o.ranges.insert(HEADLINE_KEY.into(), (0.0, 0.05));
    assert!(matches!(
        McRun::new(r, &Scenario::published(), 1, 10, o),
        Err(McError::BoundsExcludeRange { .. })
    ));
}

#[test]
fn plan_projection_fan() {
    let r = plan();
    let target = Target::default_for(r).unwrap();
    let fan = McRun::new(
        r,
        &Scenario::published(),
        3,
        400,
        McOptions::for_target(r, target),
    )
    .unwrap()
    .run_to_end()
    .unwrap();
    assert_eq!(fan.points.len(), 37);
    assert_eq!(fan.points[0].x, 0);
    assert_eq!(fan.points[36].x, 36);
    assert!(fan.points[36].p10 < fan.points[36].p90);
    assert_eq!(fan.ranges.len(), 2);
}

#[test]
fn headline_target_on_a_plan_is_an_error() {
    let r = plan();
    assert!(matches!(
        McRun::new(
            r,
            &Scenario::published(),
            1,
            10,
            McOptions::for_target(r, Target::Headline)
        ),
        Err(McError::Target(_))
    ));
}

#[test]
fn the_largest_run_completes() {
    let r = smartphone();
    let start = std::time::Instant::now();
    let fan = McRun::new(
        r,
        &Scenario::published(),
        2024,
        MAX_PATHS,
        McOptions::for_target(r, Target::Headline),
    )
    .unwrap()
    .run_to_end()
    .unwrap();
    assert_eq!(fan.count, MAX_PATHS);
    eprintln!("{MAX_PATHS} headline paths: {:?}", start.elapsed());
}

// ---- Sensitivity ---------------------------------------------------------------------------

#[test]
fn tornado_of_every_input_for_a_segment() {
    let r = smartphone();
    let target = segment("type", "camera-modules");
    let keys: Vec<String> = inputs(r).unwrap().into_iter().map(|i| i.key).collect();
    let t = tornado(r, &Scenario::published(), &keys, 0.02, &target).unwrap();
    assert_eq!(t.rows.len(), keys.len());
    assert!(t.skipped.is_empty());
    // Only the headline and the type dimension's inputs move a type segment.
    let relevant = relevant_keys(r, &target);
    for row in &t.rows {
        if relevant.contains(&row.key) {
            assert!(row.swing > 0.0, "{row:?}");
        } else {
            assert_eq!(row.swing, 0.0, "{row:?}");
        }
    }
    assert_eq!(t.rows[0].key, HEADLINE_KEY);
    let computed = compute(r, &Scenario::published()).unwrap();
    let d = computed.dimensions[0].as_ref().unwrap();
    assert_eq!(
        t.base_value,
        *d.row("camera-modules").unwrap().values.last().unwrap()
    );
}

fn scenario_in_ranges(r: &'static Report) -> impl Strategy<Value = Scenario> {
    let all = inputs(r).unwrap();
    let strategies: Vec<_> = all.iter().map(|_| (any::<bool>(), 0.0f64..=1.0)).collect();
    strategies.prop_map(move |choices| {
        let mut s = Scenario::published();
        for (input, (set, u)) in all.iter().zip(choices) {
            if set {
                let v = input.range.min + u * (input.range.max - input.range.min);
                input.apply(&mut s, v);
            }
        }
        s
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    /// Rows are finite, inside the input ranges and sorted; the headline end value moves with
    /// its rate.
    #[test]
    fn tornado_rows_are_sound(
        scenario in scenario_in_ranges(smartphone()),
        points in 0.0001f64..=0.2,
        which in 0usize..3,
    ) {
        let r = smartphone();
        let target = match which {
            0 => Target::Headline,
            1 => segment("geography", "japan"),
            _ => segment("pricing", "fixed-monthly"),
        };
        let keys = relevant_keys(r, &target);
        let t = tornado(r, &scenario, &keys, points, &target).unwrap();
        prop_assert!(t.base_value.is_finite() && t.base_value > 0.0);
        let all = inputs(r).unwrap();
        for row in &t.rows {
            let input = all.iter().find(|i| i.key == row.key).unwrap();
            prop_assert!(row.low_value.is_finite() && row.high_value.is_finite());
            prop_assert!(row.swing >= 0.0);
            prop_assert!(row.low_input >= input.range.min && row.high_input <= input.range.max);
            prop_assert!(row.low_input <= row.high_input);
            if row.key == HEADLINE_KEY && target == Target::Headline {
                prop_assert!(row.low_value <= t.base_value * (1.0 + 1e-12));
                prop_assert!(row.high_value >= t.base_value * (1.0 - 1e-12));
            }
        }
        prop_assert!(t.rows.windows(2).all(|w| w[0].swing >= w[1].swing));
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    /// Any seed, size, distribution, bound policy and target: a fan with no NaN, ordered
    /// percentiles, and every path accounted for.
    #[test]
    fn monte_carlo_never_gives_nan(
        seed in any::<u64>(),
        paths in 1usize..60,
        triangular in any::<bool>(),
        reject in any::<bool>(),
        which in 0usize..5,
        chunk in 1usize..20,
    ) {
        let (r, target) = match which {
            0 => (smartphone(), Target::Headline),
            1 => (smartphone(), segment("geography", "rest-of-middle-east-africa")),
            2 => (call_center(), Target::Headline),
            3 => (plan(), Target::Projection("active-users".into())),
            _ => (smartphone(), segment("type", "camera-modules")),
        };
        let mut o = McOptions::for_target(r, target);
        o.distribution = if triangular { Distribution::Triangular } else { Distribution::Uniform };
        o.bounds = if reject { BoundPolicy::Reject } else { BoundPolicy::Ignore };
        let mut run = McRun::new(r, &Scenario::published(), seed, paths, o).unwrap();
        while !run.step(chunk).is_finished() {}
        let fan = run.result().unwrap().unwrap();
        prop_assert_eq!(fan.count + fan.failed, paths);
        for p in &fan.points {
            prop_assert!(p.p10.is_finite() && p.p50.is_finite() && p.p90.is_finite());
            prop_assert!(p.p10 <= p.p50 && p.p50 <= p.p90);
        }
        for range in &fan.ranges {
            prop_assert!(range.low <= range.mode && range.mode <= range.high);
        }
    }
}

// ---- Centred ranges ------------------------------------------------------------------------

/// Every target the Monte Carlo tool offers: the headline (market reports), each top-level
/// member of each dimension, each plan projection.
fn offered_targets(r: &Report) -> Vec<Target> {
    let mut out = Vec::new();
    if r.forecast.is_some() {
        out.push(Target::Headline);
        for d in &r.dimensions {
            for m in &d.members {
                out.push(segment(&d.id, &m.id));
            }
        }
    }
    out.extend(
        r.projections
            .iter()
            .map(|p| Target::Projection(p.id.clone())),
    );
    out
}

fn fan_of(r: &Report, base: &Scenario, seed: u64, paths: usize, options: McOptions) -> Fan {
    McRun::new(r, base, seed, paths, options)
        .unwrap()
        .run_to_end()
        .unwrap()
}

/// With the default (centred, symmetric) ranges the median path ends where the deterministic
/// path does, for every report and every target. One run's median is itself a sample: at
/// 10,000 paths its standard error reaches 0.7% of the end value for a wide rate range over ten
/// years (the call centre's was ±7.8 points before its fit used every year), so a single seed
/// can stray past 2% by chance
/// alone (seed 1 does, at −2.07%, from its first 10,000 uniforms' median of 0.484). Each target
/// therefore runs three seeds: the median of their gaps must be within 2% (bias, which the old
/// slider-wide ranges had by up to +1,600%), and every single run within 3%.
#[test]
fn the_median_path_follows_the_deterministic_path() {
    let base = Scenario::published();
    let mut failures = Vec::new();
    for r in reports() {
        for target in offered_targets(r) {
            let deterministic = Evaluator::new(r, &target).unwrap().end(&base).unwrap();
            let mut gaps: Vec<f64> = (1..=3)
                .map(|seed| {
                    let options = McOptions::for_target(r, target.clone());
                    let fan = fan_of(r, &base, seed, 10_000, options);
                    fan.points.last().unwrap().p50 / deterministic - 1.0
                })
                .collect();
            let shown: Vec<String> = gaps.iter().map(|g| format!("{:+.2}%", g * 100.0)).collect();
            gaps.sort_by(f64::total_cmp);
            let median = gaps[1];
            eprintln!(
                "{:<24} {:<48} median {:+.2}%  seeds 1–3: {}",
                r.id,
                format!("{target:?}"),
                median * 100.0,
                shown.join(" ")
            );
            if median.abs() > 0.02 || gaps.iter().any(|g| g.abs() > 0.03) {
                failures.push((r.id.clone(), target, gaps));
            }
        }
    }
    assert!(failures.is_empty(), "{failures:?}");
}

/// The end value's fan under a scenario: (p10, p50, p90) and the ranges.
fn end_fan(r: &Report, base: &Scenario, target: &Target, width: f64) -> (FanPoint, Fan) {
    let mut o = McOptions::for_target(r, target.clone());
    o.width = width;
    let fan = fan_of(r, base, 11, 2_000, o);
    (*fan.points.last().unwrap(), fan)
}

#[test]
fn ranges_move_with_the_scenario() {
    // The headline rate: 13.59% ± 0.59 points, then 20% ± 0.59 points.
    let r = smartphone();
    let base = Scenario::published();
    let (_, before) = end_fan(r, &base, &Target::Headline, 1.0);
    let mut moved = base.clone();
    moved.headline_rate = Some(0.2);
    let (end, after) = end_fan(r, &moved, &Target::Headline, 1.0);
    let (h0, h1) = (&before.ranges[0], &after.ranges[0]);
    assert_eq!(h1.mode, 0.2);
    assert!(((h1.low + h1.high) / 2.0 - 0.2).abs() < 1e-12, "{h1:?}");
    assert!(((h1.high - h1.low) - (h0.high - h0.low)).abs() < 1e-12);
    let deterministic = Evaluator::new(r, &Target::Headline)
        .unwrap()
        .end(&moved)
        .unwrap();
    assert!((end.p50 / deterministic - 1.0).abs() < 0.01, "{end:?}");

    // A segment's growth and share: ±2 points and ±20% around the moved values.
    let target = segment("type", "camera-modules");
    let mut moved = base.clone();
    moved
        .values
        .insert("type.camera-modules.growth".into(), 0.25);
    moved
        .values
        .insert("type.camera-modules.share".into(), 0.35);
    let (_, fan) = end_fan(r, &moved, &target, 1.0);
    let find = |key: &str| fan.ranges.iter().find(|x| x.key == key).unwrap().clone();
    let g = find("type.camera-modules.growth");
    assert!(
        (g.low - 0.23).abs() < 1e-12 && (g.high - 0.27).abs() < 1e-12,
        "{g:?}"
    );
    let s = find("type.camera-modules.share");
    assert!(
        (s.low - 0.28).abs() < 1e-12 && (s.high - 0.42).abs() < 1e-12,
        "{s:?}"
    );
    assert!(!s.narrowed);

    // A plan's start: 200,000 users ± 20%.
    let p = plan();
    let target = Target::default_for(p).unwrap();
    let mut moved = Scenario::published();
    moved.values.insert("start-users".into(), 200_000.0);
    let (_, fan) = end_fan(p, &moved, &target, 1.0);
    assert_eq!(
        (fan.ranges[0].low, fan.ranges[0].high),
        (160_000.0, 240_000.0)
    );
    assert_eq!(fan.ranges[0].mode, 200_000.0);
}

#[test]
fn wider_ranges_give_a_wider_fan() {
    let widths = [0.0, 0.25, 0.5, 1.0, 2.0, 4.0];
    for r in reports() {
        let targets = offered_targets(r);
        // The natural target and one segment where there are segments.
        for target in targets.iter().take(2) {
            let spreads: Vec<f64> = widths
                .iter()
                .map(|&w| {
                    let (end, _) = end_fan(r, &Scenario::published(), target, w);
                    end.p90 - end.p10
                })
                .collect();
            eprintln!(
                "{} {target:?}: p90 − p10 by width {widths:?}: {spreads:?}",
                r.id
            );
            assert_eq!(spreads[0], 0.0, "width 0 holds every input");
            assert!(
                spreads.windows(2).all(|w| w[0] < w[1]),
                "{} {target:?}: {spreads:?}",
                r.id
            );
        }
    }
}

/// A sibling's share the reader left alone is sampled around the share it takes once theirs is
/// kept (the share the segment view shows), not around its default.
#[test]
fn an_untouched_siblings_share_is_centred_on_the_share_in_force() {
    let r = smartphone();
    let mut s = Scenario::published();
    s.values.insert("type.camera-modules.share".into(), 0.32);
    let target = segment("type", "camera-modules");
    let run = McRun::new(r, &s, 1, 10, McOptions::for_target(r, target)).unwrap();
    let ranges = run.ranges();
    let find = |key: &str| ranges.iter().find(|x| x.key == key).unwrap();
    let display = find("type.display-screen-modules.share");
    let in_force = 0.20 * 0.68 / 0.70;
    assert!((display.mode - in_force).abs() < 1e-12, "{display:?}");
    assert!(((display.low + display.high) / 2.0 - in_force).abs() < 1e-12);
    assert_eq!(find("type.camera-modules.share").mode, 0.32);
}
