//! A share link's query: parsed alone, and decoded against the bundled reports. Invariant (the
//! module docs of `domain::share`): a decoded state re-encodes to a link that decodes to the
//! same state once numbers are rounded to 6 significant digits — decoding its encoding again
//! changes nothing, re-encoding gives the same query, and each number is within a relative
//! 5·10⁻⁶ of the first decode's.
#![no_main]

use libfuzzer_sys::fuzz_target;
use report_explorer::domain::engine::model::published_rate;
use report_explorer::domain::scenario::{assumption_slots, preset, Preset};
use report_explorer::domain::share::{decode, encode, parse, ShareState};
use report_explorer_fuzz::{bundled, seed_mode};

fn close(a: f64, b: f64) -> bool {
    a == b || (a - b).abs() <= 5e-6 * a.abs().max(b.abs())
}

fn close_opt(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => close(a, b),
        (None, None) => true,
        _ => false,
    }
}

/// `again` is `first` after one trip through a link: texts equal, numbers within rounding.
fn same_up_to_rounding(first: &ShareState, again: &ShareState) -> bool {
    first.report == again.report
        && first.view == again.view
        && first.dimension == again.dimension
        && first.year == again.year
        && first.preset == again.preset
        && first.mc_seed == again.mc_seed
        && first.mc_paths == again.mc_paths
        && first.lang == again.lang
        && close_opt(first.headline_rate, again.headline_rate)
        && close_opt(first.mc_width, again.mc_width)
        && close_opt(first.tornado_points, again.tornado_points)
        && first.values.len() == again.values.len()
        && first
            .values
            .iter()
            .zip(&again.values)
            .all(|((k1, v1), (k2, v2))| k1 == k2 && close(*v1, *v2))
}

fn check(first: &ShareState, redecode: impl Fn(&str) -> ShareState) {
    let link = encode(first);
    let again = redecode(&link);
    assert!(
        same_up_to_rounding(first, &again),
        "a decoded state changed through its link {link:?}:\n{first:?}\n{again:?}"
    );
    let link2 = encode(&again);
    assert_eq!(link, link2, "re-encoding a decoded state changed the query");
    assert_eq!(redecode(&link2), again, "a second trip changed the state");
}

fn seeds() -> Vec<(String, Vec<u8>)> {
    let mut out: Vec<String> = vec![
        // The module docs' example.
        "r=smartphone-leasing&v=scenarios&l=en&d=type&y=2030&p=bull&g=0.15\
         &a.type=camera-modules:s0.31:g0.14,battery-modules:g0.145\
         &a.start-users=150000&s=42&n=2000&w=1.5&t=0.02"
            .into(),
        "?r=china-call-center&v=overview&l=zh-Hant&a.type.camera-modules.growth=0.14#x".into(),
        "https://host/a/b/?r=x&g=NaN&g=1e999&y=99999999999&n=0&w=100&t=-1&a.=1&a.d=:s&l=fr%ZZ"
            .into(),
        "r=parent-child-community&a.%E4%B8%AD=1.5e-9&d=%2B+x&p=moon&s=18446744073709551615".into(),
    ];
    for report in bundled() {
        let mut state = ShareState {
            report: report.id.clone(),
            view: "scenarios".into(),
            dimension: report.dimensions.first().map(|d| d.id.clone()),
            year: Some(report.meta.forecast.to),
            lang: Some("zh-Hans".into()),
            mc_seed: Some(7),
            mc_paths: Some(500),
            mc_width: Some(1.25),
            tornado_points: Some(0.03),
            ..ShareState::default()
        };
        for slot in assumption_slots(report) {
            state
                .values
                .insert(slot.key, (slot.range.default + slot.range.max) / 2.0);
        }
        if let Ok(p) = published_rate(report) {
            state.headline_rate = Some(p.rate * 1.1);
            out.push(encode(&state));
            for pr in Preset::ALL {
                let mut s = ShareState {
                    report: report.id.clone(),
                    view: "overview".into(),
                    preset: Some(pr.id().into()),
                    ..ShareState::default()
                };
                s.set_scenario(&preset(report, p.rate, pr));
                out.push(encode(&s));
            }
        } else {
            out.push(encode(&state));
        }
    }
    out.into_iter()
        .enumerate()
        .map(|(i, q)| (format!("query-{i}.txt"), q.into_bytes()))
        .collect()
}

fuzz_target!(init: seed_mode(seeds), |data: &[u8]| {
    let Ok(query) = std::str::from_utf8(data) else {
        return;
    };
    // Syntax only.
    let parsed = parse(query).state;
    check(&parsed, |q| parse(q).state);
    // Against the bundled reports (dropped, clamped and kept as the app restores them).
    let decoded = decode(query, bundled()).state;
    check(&decoded, |q| decode(q, bundled()).state);
});
