//! Regressions from fuzzing (`fuzz/`, `scripts/fuzz.sh`): a report that validates must compute,
//! and its checks must speak, without NaN or infinity. Each case is a bundled report moved to
//! the edge of what validation lets through (figures near the largest or smallest double, a
//! negative figure in a series that is not the forecast's).
// Native only: the repo's reports are compiled in for tests (`domain::bundled`).
#![cfg(not(target_arch = "wasm32"))]

use report_explorer::domain::bundled::load_bundled;
use report_explorer::domain::checks::{run_checks, Check, CheckKind};
use report_explorer::domain::engine::allocate::{bottom_up, SegmentInput};
use report_explorer::domain::engine::error::EngineError;
use report_explorer::domain::engine::model::compute;
use report_explorer::domain::scenario::Scenario;
use report_explorer::domain::schema::*;
use report_explorer::domain::validate::validate;

fn bundled(id: &str) -> Report {
    load_bundled()
        .0
        .into_iter()
        .find(|r| r.id == id)
        .expect("bundled report")
}

/// The checks of a report that still validates.
fn checks(r: &Report) -> Vec<Check> {
    validate("edge.json", r).expect("the edited report still validates");
    let computed = compute(r, &Scenario::published()).expect("it computes");
    run_checks(r, &computed)
}

fn set_point(r: &mut Report, series: &str, year: i32, value: f64) {
    let s = r.series.iter_mut().find(|s| s.id == series).expect(series);
    s.points
        .iter_mut()
        .find(|p| p.year == year)
        .expect("the year")
        .value = value;
}

fn kpi<'a>(r: &'a mut Report, id: &str) -> &'a mut KpiTarget {
    r.kpis.iter_mut().find(|k| k.id == id).expect(id)
}

/// Found by the `report_json` target (crash-b659e57b…): the plan's 5% market-share target
/// against its 3,000,000-user target, with the user figure near the largest double (and the
/// share scaled with it), gave `implied_level: inf`; a tiny user figure gives an infinite
/// implied share the same way. Such a pair is not compared.
#[test]
fn a_share_target_beside_figures_beyond_a_double_is_not_compared() {
    let edits: [(f64, f64); 2] = [(1.5e308, 5e298), (1e-305, 0.05)];
    for (users, share) in edits {
        let mut r = bundled("parent-child-community");
        set_point(&mut r, "users", 2023, users);
        kpi(&mut r, "market-share-3y").value = share;
        for c in checks(&r) {
            if let CheckKind::ShareVsLevel {
                implied_share,
                implied_level,
                ..
            } = c.kind
            {
                assert!(
                    implied_share.is_finite() && implied_level.is_finite(),
                    "users {users}: {implied_share} / {implied_level}"
                );
            }
        }
    }
    // The report as published is still compared.
    let r = bundled("parent-child-community");
    assert!(checks(&r)
        .iter()
        .any(|c| matches!(c.kind, CheckKind::ShareVsLevel { .. })));
}

/// A trend step from a positive figure to a negative one (a series other than the forecast's
/// may go below zero) has no compound rate: it was NaN.
#[test]
fn a_trend_step_into_negative_figures_has_no_rate() {
    let mut r = bundled("parent-child-community");
    set_point(&mut r, "core-families", 2025, -130_000_000.0);
    let mut trends = 0;
    for c in checks(&r) {
        if let CheckKind::Trend { steps, points, .. } = c.kind {
            trends += 1;
            assert!(
                steps.iter().all(|s| s.rate.is_finite()),
                "{steps:?} for {points:?}"
            );
        }
    }
    assert!(trends > 0);
}

/// Two statements of parts whose implied whole (value / share) passes the largest double: the
/// totals were `inf` and the spread NaN. They are not compared.
#[test]
fn implied_totals_beyond_a_double_are_not_compared() {
    let mut r = bundled("china-call-center");
    r.share_statements[0].value = 1e308;
    for c in checks(&r) {
        if let CheckKind::ImpliedTotals { parts, spread, .. } = c.kind {
            assert!(spread.is_finite(), "{parts:?}");
            assert!(parts.iter().all(|p| p.3.is_finite()), "{parts:?}");
        }
    }
}

/// A rise per period so large that the level passes the top of its scale and the largest double
/// in one step: the check's end figure was `inf`. No such check is made.
#[test]
fn a_scale_overflow_past_the_largest_double_is_not_reported() {
    let mut r = bundled("parent-child-community");
    let gain = kpi(&mut r, "content-rating-gain");
    gain.kind = KpiKind::GrowthRate;
    gain.value = 1e308;
    let mut seen = false;
    for c in checks(&r) {
        if let CheckKind::ScaleOverflow {
            end, change_kpi, ..
        } = c.kind
        {
            assert!(end.is_finite(), "{change_kpi}: {end}");
            seen |= change_kpi == "content-rating-gain";
        }
    }
    assert!(!seen);
}

/// Bottom-up segments each below the largest double may add up to more than it: the total was
/// `inf`. The engine says the result is out of range instead.
#[test]
fn a_bottom_up_total_beyond_a_double_is_out_of_range() {
    let segments = [
        SegmentInput {
            share: 0.5,
            growth: 0.9,
        },
        SegmentInput {
            share: 0.5,
            growth: 0.9,
        },
    ];
    assert_eq!(bottom_up(1e308, &segments, 2), Err(EngineError::OutOfRange));
    // Within range it still adds up.
    let (values, total) = bottom_up(1e300, &segments, 2).unwrap();
    assert_eq!(values[0][1] + values[1][1], total[1]);
}
