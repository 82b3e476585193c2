//! Property tests of the engine's core identities, 10,000 cases each.
// Native only: the repo's reports are compiled in for tests (`domain::bundled`), never into the wasm.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use report_explorer::domain::engine::allocate::{
    bottom_up, reconciliation_gap, top_down, top_down_shares, SegmentInput,
};
use report_explorer::domain::engine::goal_seek::{periods_to_reach, rate_to_reach, start_to_reach};
use report_explorer::domain::engine::growth::{compound, rri};

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

proptest! {
    #![proptest_config(ProptestConfig { cases: 2_000, ..ProptestConfig::default() })]

    /// Bad inputs are errors, never NaN or a panic.
    #[test]
    fn bad_inputs_never_yield_nan(pv in prop::num::f64::ANY, r in prop::num::f64::ANY, n in prop::num::f64::ANY) {
        if let Ok(v) = compound(pv, r, n) { prop_assert!(v.is_finite() && v > 0.0); }
        if let Ok(v) = rri(n, pv, r) { prop_assert!(v.is_finite() && v > -1.0); }
    }
}
