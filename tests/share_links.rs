//! Share links: round trips, length, and tolerance of anything a URL bar may hold.
// Native only: the repo's reports are compiled in for tests (`domain::bundled`), never into the wasm.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use report_explorer::domain::bundled::load_bundled;
use report_explorer::domain::scenario::{assumption_slots, Preset};
use report_explorer::domain::schema::Report;
use report_explorer::domain::share::{decode, encode, parse, round6, Decoded, ShareState};
use std::collections::BTreeMap;
use std::sync::OnceLock;

fn reports() -> &'static [Report] {
    static REPORTS: OnceLock<Vec<Report>> = OnceLock::new();
    REPORTS.get_or_init(|| {
        let (reports, errors) = load_bundled();
        assert!(errors.is_empty(), "{errors:?}");
        reports
    })
}

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: 2_000,
        ..ProptestConfig::default()
    }
}

/// Everything a decoded state promises once validated against its report.
fn assert_valid(d: &Decoded) {
    let s = &d.state;
    if let Some(l) = &s.lang {
        assert!(["en", "zh-Hans", "zh-Hant"].contains(&l.as_str()), "{l}");
    }
    if let Some(n) = s.mc_paths {
        assert!((1..=100_000).contains(&n));
    }
    if let Some(t) = s.tornado_points {
        assert!(t.is_finite() && t > 0.0 && t <= 1.0);
    }
    if let Some(w) = s.mc_width {
        assert!((0.25..=4.0).contains(&w), "{w}");
    }
    let Some(report) = reports().iter().find(|r| r.id == s.report) else {
        assert!(s.values.is_empty() && s.headline_rate.is_none() && s.dimension.is_none());
        return;
    };
    let slots = assumption_slots(report);
    for (key, v) in &s.values {
        let slot = slots.iter().find(|x| x.key == *key).expect("known key");
        assert!(v.is_finite() && *v >= slot.range.min && *v <= slot.range.max);
    }
    if let Some(g) = s.headline_rate {
        let f = report.forecast.as_ref().expect("a headline");
        assert!(g >= f.rate_range.min && g <= f.rate_range.max);
    }
    if let Some(d) = &s.dimension {
        assert!(report.dimensions.iter().any(|x| x.id == *d));
    }
    if let Some(p) = &s.preset {
        assert!(Preset::ALL.iter().any(|x| x.id() == p));
    }
    if let Some(y) = s.year {
        assert!(y >= report.meta.history.from.min(report.meta.base_year));
        assert!(y <= report.meta.forecast.to);
    }
}

#[test]
fn every_assumption_changed_stays_under_2000_characters() {
    let report = &reports()[0];
    let slots = assumption_slots(report);
    assert_eq!(slots.len(), 73);
    // Values with all six significant digits: the longest a link prints.
    let mut values = BTreeMap::new();
    for (i, slot) in slots.iter().enumerate() {
        let u = 0.123456789 + 0.0071 * i as f64;
        let v = slot.range.min + (slot.range.max - slot.range.min) * u;
        values.insert(slot.key.clone(), v);
    }
    let state = ShareState {
        report: report.id.clone(),
        view: "scenarios".into(),
        dimension: Some("geography".into()),
        year: Some(2030),
        headline_rate: Some(0.1498765),
        values,
        preset: Some("bull".into()),
        mc_seed: Some(u64::MAX),
        mc_paths: Some(100_000),
        mc_width: Some(1.25),
        lang: Some("zh-Hant".into()),
        tornado_points: Some(0.025),
    };
    let query = encode(&state);
    let link = format!("https://reports.example-publisher.com/explorer/index.html?{query}");
    eprintln!("{} characters: {link}", link.len());
    assert!(link.len() < 2000, "{}", link.len());
    let d = decode(&query, reports());
    assert!(d.warnings.is_empty(), "{:?}", d.warnings);
    assert_eq!(d.state.values.len(), 73);
    for (key, v) in &state.values {
        let back = d.state.values[key];
        assert!(((back - v) / v).abs() <= 5e-6, "{key}: {v} → {back}");
    }
    assert_eq!(encode(&d.state), query);
}

#[test]
fn slider_values_survive_exactly() {
    let report = &reports()[0];
    let mut state = ShareState {
        report: report.id.clone(),
        view: "scenarios".into(),
        ..Default::default()
    };
    for slot in assumption_slots(report) {
        // A slider value: a whole number of steps.
        let steps = ((slot.range.max - slot.range.min) / slot.range.step).floor();
        let v = slot.range.min + slot.range.step * (steps / 3.0).round();
        state.values.insert(slot.key, v);
    }
    state.headline_rate = Some(0.137);
    let d = decode(&encode(&state), reports());
    assert!(d.warnings.is_empty());
    for (k, v) in &state.values {
        assert_eq!(round6(*v), Some(d.state.values[k]));
    }
    assert_eq!(d.state.headline_rate, Some(0.137));
}

// ---- Strategies ----------------------------------------------------------------------------

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-z0-9-]{1,20}",
        "\\PC{1,12}",
        "[ -~]{1,12}",
        Just("中文 & = % + , : ? # /".to_string()),
    ]
}

fn number() -> impl Strategy<Value = f64> {
    prop_oneof![
        -1.0f64..1.0,
        -1e300f64..1e300,
        1e-320f64..1e-300,
        Just(0.0),
        Just(0.005),
        Just(100_000.0),
    ]
}

fn key() -> impl Strategy<Value = String> {
    prop_oneof![
        (
            "[a-z-]{1,10}",
            "[a-z0-9-]{1,16}",
            prop_oneof![Just("share"), Just("growth")]
        )
            .prop_map(|(d, m, f)| format!("{d}.{m}.{f}")),
        text(),
        (text(), text()).prop_map(|(a, b)| format!("{a}.{b}.share")),
    ]
}

prop_compose! {
    fn any_state()(
        report in prop_oneof![Just(String::new()), text()],
        view in prop_oneof![Just(String::new()), text()],
        dimension in prop::option::of(text()),
        year in prop::option::of(any::<i32>()),
        headline_rate in prop::option::of(number()),
        values in prop::collection::btree_map(key(), number(), 0..20),
        preset in prop::option::of(text()),
        mc_seed in prop::option::of(any::<u64>()),
        mc_paths in prop::option::of(1u32..=100_000),
        mc_width in prop::option::of(0.25f64..=4.0),
        lang in prop::option::of(prop_oneof![Just("en"), Just("zh-Hans"), Just("zh-Hant")]),
        tornado_points in prop::option::of(0.0001f64..=1.0),
    ) -> ShareState {
        ShareState {
            report, view, dimension, year, headline_rate, values, preset, mc_seed, mc_paths,
            mc_width, lang: lang.map(str::to_string), tornado_points,
        }
    }
}

/// A state that is valid for one of the bundled reports.
fn valid_state() -> impl Strategy<Value = ShareState> {
    (
        0usize..3,
        any::<u64>(),
        prop::collection::vec((any::<bool>(), 0.0f64..=1.0), 80),
    )
        .prop_map(|(i, bits, picks)| {
            let report = &reports()[i];
            let mut s = ShareState {
                report: report.id.clone(),
                view: ["overview", "segments", "scenarios"][(bits % 3) as usize].into(),
                lang: Some(["en", "zh-Hans", "zh-Hant"][(bits / 3 % 3) as usize].into()),
                mc_seed: Some(bits),
                mc_paths: Some((bits % 100_000) as u32 + 1),
                tornado_points: Some(0.01 * (1 + bits % 5) as f64),
                mc_width: Some(0.25 * (1 + bits % 16) as f64),
                ..Default::default()
            };
            if let Some(f) = &report.forecast {
                let u = picks[79].1;
                s.headline_rate =
                    Some(f.rate_range.min + u * (f.rate_range.max - f.rate_range.min));
            }
            if !report.dimensions.is_empty() {
                let d = &report.dimensions[(bits as usize) % report.dimensions.len()];
                s.dimension = Some(d.id.clone());
                s.year = Some(report.meta.forecast.to - (bits % 3) as i32);
                s.preset = Some(Preset::ALL[(bits % 4) as usize].id().to_string());
            }
            for (slot, (set, u)) in assumption_slots(report).into_iter().zip(picks) {
                if set {
                    let v = slot.range.min + u * (slot.range.max - slot.range.min);
                    s.values.insert(slot.key, v);
                }
            }
            s
        })
}

/// What a state looks like after a trip through a link: numbers at 6 significant digits.
fn rounded(s: &ShareState) -> ShareState {
    let mut s = s.clone();
    s.headline_rate = s.headline_rate.and_then(round6);
    s.tornado_points = s.tornado_points.and_then(round6);
    s.mc_width = s.mc_width.and_then(round6);
    for v in s.values.values_mut() {
        *v = round6(*v).unwrap();
    }
    s
}

#[derive(Debug, Clone)]
enum Edit {
    Insert(usize, char),
    Delete(usize),
    Replace(usize, char),
    Truncate(usize),
}

fn edits() -> impl Strategy<Value = Vec<Edit>> {
    let c = prop_oneof![
        Just('&'),
        Just('='),
        Just('%'),
        Just(':'),
        Just(','),
        Just('.'),
        Just('+'),
        Just('-'),
        Just('e'),
        Just('#'),
        Just('?'),
        any::<char>(),
        prop::char::range('0', '9'),
    ];
    prop::collection::vec(
        prop_oneof![
            (any::<usize>(), c.clone()).prop_map(|(i, c)| Edit::Insert(i, c)),
            any::<usize>().prop_map(Edit::Delete),
            (any::<usize>(), c).prop_map(|(i, c)| Edit::Replace(i, c)),
            any::<usize>().prop_map(Edit::Truncate),
        ],
        1..8,
    )
}

fn apply(query: &str, edits: &[Edit]) -> String {
    let mut chars: Vec<char> = query.chars().collect();
    for e in edits {
        let n = chars.len();
        match *e {
            Edit::Insert(i, c) => chars.insert(i % (n + 1), c),
            Edit::Delete(i) if n > 0 => {
                chars.remove(i % n);
            }
            Edit::Replace(i, c) if n > 0 => chars[i % n] = c,
            Edit::Truncate(i) => chars.truncate(i % (n + 1)),
            _ => {}
        }
    }
    chars.into_iter().collect()
}

proptest! {
    #![proptest_config(config())]

    /// Any state, any text in it: parse(encode(s)) is s with numbers at 6 significant digits,
    /// without a warning, and encoding again gives the same query.
    #[test]
    fn encode_then_parse_round_trips(state in any_state()) {
        let query = encode(&state);
        let d = parse(&query);
        prop_assert!(d.warnings.is_empty(), "{:?} from {}", d.warnings, query);
        prop_assert_eq!(&d.state, &rounded(&state), "{}", query);
        prop_assert_eq!(encode(&d.state), query);
    }

    /// A state valid for its report decodes with no warning and the same values.
    #[test]
    fn valid_states_decode_cleanly(state in valid_state()) {
        let query = encode(&state);
        let d = decode(&query, reports());
        prop_assert!(d.warnings.is_empty(), "{:?}", d.warnings);
        prop_assert_eq!(&d.state, &rounded(&state));
        assert_valid(&d);
    }

    /// Arbitrary text never panics, and what comes out is always valid.
    #[test]
    fn arbitrary_text_is_tolerated(text in prop_oneof![
        any::<String>(),
        "[a-z.=&%:,0-9+#?-]{0,200}",
        "[a-z.=&%:,0-9+#?-]{0,200}".prop_map(|s| format!("r=smartphone-leasing&{s}")),
        "[a-z.=&%:,0-9+#?-]{0,200}".prop_map(|s| format!("r=china-call-center&a.{s}")),
    ]) {
        let d = decode(&text, reports());
        assert_valid(&d);
        let p = parse(&text);
        prop_assert!(p.state.values.values().all(|v| v.is_finite()));
    }

    /// Random edits of a valid link never panic; whatever survives is valid.
    #[test]
    fn mutated_links_are_tolerated(state in valid_state(), edits in edits()) {
        let query = apply(&encode(&state), &edits);
        let d = decode(&query, reports());
        assert_valid(&d);
        for w in &d.warnings {
            prop_assert!(!w.to_string().is_empty());
        }
    }
}
