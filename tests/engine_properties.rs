//! Property tests of the engine's core identities, 10,000 cases each.
// Native only: the repo's reports are compiled in for tests (`domain::bundled`), never into the wasm.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use report_explorer::domain::engine::allocate::{
    bottom_up, reconciliation_gap, top_down, top_down_shares, SegmentInput,
};
use report_explorer::domain::engine::goal_seek::{periods_to_reach, rate_to_reach, start_to_reach};
use report_explorer::domain::engine::growth::{compound, rri};
use report_explorer::domain::engine::model::compute;
use report_explorer::domain::scenario::Scenario;
use report_explorer::domain::schema::{BoundSide, Point, Provenance, Report};
use std::collections::BTreeMap;

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: 10_000,
        ..ProptestConfig::default()
    }
}

fn segments() -> impl Strategy<Value = Vec<SegmentInput>> {
    prop::collection::vec(
        (0.001f64..1.0, -0.5f64..1.0).prop_map(|(share, growth)| SegmentInput { share, growth }),
        1..12,
    )
}

proptest! {
    #![proptest_config(config())]

    /// FV(RRI(n, pv, fv)) = fv: the implied rate compounds back to the end value.
    #[test]
    fn fv_of_rri_round_trips(pv in 1e-3f64..1e12, ratio in 0.01f64..100.0, n in 1u32..=50) {
        let fv = pv * ratio;
        let r = rri(f64::from(n), pv, fv).unwrap();
        let back = compound(pv, r, f64::from(n)).unwrap();
        prop_assert!(((back - fv) / fv).abs() < 1e-12, "pv {pv} fv {fv} n {n} back {back}");
    }

    /// RRI(FV(r)) = r.
    #[test]
    fn rri_of_fv_round_trips(pv in 1e-3f64..1e12, r in -0.9f64..2.0, n in 1u32..=50) {
        let fv = compound(pv, r, f64::from(n)).unwrap();
        let back = rri(f64::from(n), pv, fv).unwrap();
        prop_assert!((back - r).abs() < 1e-11 * (1.0 + r.abs()), "r {r} back {back}");
    }

    /// A higher rate never gives a lower end value (strictly higher for n ≥ 1).
    #[test]
    fn compound_is_monotone_in_rate(pv in 1e-3f64..1e9, r1 in -0.9f64..1.0, dr in 1e-6f64..0.5, n in 1u32..=50) {
        let a = compound(pv, r1, f64::from(n)).unwrap();
        let b = compound(pv, r1 + dr, f64::from(n)).unwrap();
        prop_assert!(b > a);
    }

    /// Top-down segments add up to the total every year, for horizons up to 50 years.
    #[test]
    fn top_down_reconciles(segs in segments(), base in 1.0f64..1e12, rate in -0.3f64..0.6, years in 1usize..=51) {
        let total: Vec<f64> = (0..years).map(|t| compound(base, rate, t as f64).unwrap()).collect();
        let values = top_down(&total, &segs).unwrap();
        prop_assert!(reconciliation_gap(&values, &total) < 1e-9);
        prop_assert!(values.iter().flatten().all(|v| v.is_finite() && *v >= 0.0));
    }

    /// Shares stay a distribution every year.
    #[test]
    fn top_down_shares_sum_to_one(segs in segments(), years in 1usize..=51) {
        let shares = top_down_shares(&segs, years).unwrap();
        for t in 0..years {
            let sum: f64 = shares.iter().map(|row| row[t]).sum();
            prop_assert!((sum - 1.0).abs() < 1e-9);
        }
    }

    /// Bottom-up: the total is the sum of segments, and the base year is the base total.
    #[test]
    fn bottom_up_reconciles(segs in segments(), base in 1.0f64..1e12, years in 1usize..=51) {
        let (values, total) = bottom_up(base, &segs, years).unwrap();
        prop_assert!(reconciliation_gap(&values, &total) < 1e-9);
        prop_assert!(((total[0] - base) / base).abs() < 1e-12);
    }

    /// Goal seek agrees with compounding in every direction.
    #[test]
    fn goal_seek_is_consistent(start in 1.0f64..1e7, ratio in 1.01f64..1000.0, n in 1u32..=120) {
        let target = start * ratio;
        let r = rate_to_reach(start, target, n).unwrap();
        let s = start_to_reach(target, r, n).unwrap();
        prop_assert!(((s - start) / start).abs() < 1e-9);
        let reach = periods_to_reach(start, target, r).unwrap();
        prop_assert!(reach.whole == n, "{reach:?} vs {n}");
    }
}

/// The call-center report (anchored on 826 in 2012, fitted), its history widened to 2005.
fn fitted_report() -> Report {
    let (reports, _) = report_explorer::domain::bundled::load_bundled();
    let mut r = reports
        .into_iter()
        .find(|r| r.id == "china-call-center")
        .unwrap();
    r.meta.history.from = 2005;
    r
}

/// Evidence around a constant-rate truth through the anchor: per year (not the anchor's), a
/// kind (0 reported with noise, 1 lower bound, 2 upper bound, 3 interval) and two log offsets.
fn evidence() -> impl Strategy<Value = (f64, f64, BTreeMap<i32, (u8, f64, f64)>)> {
    (
        1.0f64..1e6,
        -0.3f64..0.6,
        prop::collection::btree_map(
            (2005i32..=2022).prop_filter("not the anchor", |y| *y != 2012),
            (0u8..4, -0.5f64..0.5, 0.0f64..0.7),
            1..10,
        ),
    )
}

fn points(
    anchor: f64,
    rate: f64,
    ev: &BTreeMap<i32, (u8, f64, f64)>,
    template: &Point,
) -> Vec<Point> {
    let mut out = Vec::new();
    let mut point = |year: i32, value: f64, bound: Option<BoundSide>, upper: Option<f64>| {
        let mut p = template.clone();
        p.year = year;
        p.value = value;
        p.provenance = if bound.is_some() {
            Provenance::Bound
        } else {
            Provenance::Reported
        };
        p.bound = bound;
        p.upper = upper;
        out.push(p);
    };
    let mut years: Vec<i32> = ev.keys().copied().chain([2012]).collect();
    years.sort_unstable();
    for year in years {
        let truth = anchor * (f64::from(year - 2012) * rate.ln_1p()).exp();
        match ev.get(&year) {
            None => point(year, anchor, None, None),
            Some(&(0, noise, _)) => point(year, truth * noise.exp(), None, None),
            Some(&(1, _, gap)) => point(year, truth * (-gap).exp(), Some(BoundSide::Lower), None),
            Some(&(2, _, gap)) => point(year, truth * gap.exp(), Some(BoundSide::Upper), None),
            Some(&(_, noise, gap)) => point(
                year,
                truth * (-gap).exp(),
                Some(BoundSide::Lower),
                Some(truth * (noise.abs() + 1e-3).exp()),
            ),
        }
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2_000, ..ProptestConfig::default() })]

    /// Whatever the evidence, a fitted published path honours every bound and interval the
    /// source gives (the evidence always admits the truth, so a rate exists).
    #[test]
    fn a_fitted_path_honours_every_bound((anchor, rate, ev) in evidence()) {
        let mut r = fitted_report();
        let template = r.series[0].points[0].clone();
        r.series[0].points = points(anchor, rate, &ev, &template);
        let h = compute(&r, &Scenario::published()).unwrap().headline.unwrap();
        for p in r.series[0].points.iter().filter(|p| p.provenance == Provenance::Bound) {
            let v = h.value(p.year).unwrap();
            match p.bound {
                Some(BoundSide::Lower) => prop_assert!(v >= p.value * (1.0 - 1e-12), "{} {v} < {}", p.year, p.value),
                _ => prop_assert!(v <= p.value * (1.0 + 1e-12), "{} {v} > {}", p.year, p.value),
            }
            if let Some(upper) = p.upper {
                prop_assert!(v <= upper * (1.0 + 1e-12), "{} {v} > {upper}", p.year);
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2_000, ..ProptestConfig::default() })]

    /// A base share the reader sets is the share shown in the base year, at any level of any
    /// dimension of the smartphone report, and the siblings left alone absorb the difference in
    /// proportion to their defaults.
    #[test]
    fn a_share_set_is_the_share_shown(pick in 0usize..1000, x in 0.0f64..1.0, rate in 0.0f64..0.3) {
        let (reports, _) = report_explorer::domain::bundled::load_bundled();
        let r = &reports[0];
        // Every (dimension, siblings, member) of the report, flattened.
        let mut slots = Vec::new();
        for d in &r.dimensions {
            slots.extend(d.members.iter().map(|m| (d, None, &d.members, m)));
            for parent in &d.members {
                slots.extend(parent.children.iter().map(|c| (d, Some(parent), &parent.children, c)));
            }
        }
        let (d, parent, siblings, m) = slots[pick % slots.len()];
        let mut s = Scenario { headline_rate: Some(rate), ..Scenario::default() };
        s.set_share(&d.id, siblings, &m.id, x);
        let c = compute(r, &s).unwrap();
        let res = c.dimensions.iter().flatten().find(|x| x.dimension == d.id).unwrap();
        let b = res.base_index;
        let whole = match parent {
            Some(p) => res.row(&p.id).unwrap().values[b],
            None => res.total[b],
        };
        let share = |id: &str| res.row(id).unwrap().values[b] / whole;
        prop_assert!((share(&m.id) - x).abs() < 1e-12, "{} {} {x}", m.id, share(&m.id));
        let others: f64 = siblings.iter().filter(|o| o.id != m.id).map(|o| o.share.default).sum();
        for o in siblings.iter().filter(|o| o.id != m.id) {
            let expected = o.share.default * (1.0 - x) / others;
            prop_assert!((share(&o.id) - expected).abs() < 1e-12, "{} {} {expected}", o.id, share(&o.id));
        }
    }

    /// Bad inputs are errors, never NaN or a panic.
    #[test]
    fn bad_inputs_never_yield_nan(pv in prop::num::f64::ANY, r in prop::num::f64::ANY, n in prop::num::f64::ANY) {
        if let Ok(v) = compound(pv, r, n) { prop_assert!(v.is_finite() && v > 0.0); }
        if let Ok(v) = rri(n, pv, r) { prop_assert!(v.is_finite() && v > -1.0); }
    }
}
