//! What the fuzz targets share: the invariants they check on the domain, and their seeds.
//!
//! Every target also has a *seed mode*: run with `REPORT_EXPLORER_FUZZ_SEEDS=<dir>`, it writes
//! its seed inputs into `<dir>` and exits before fuzzing (see [`seed_mode`]). Seeds are derived
//! from the repo at run time (report files, the import fixtures, the bundled reports through
//! the domain's own encoders), so nothing in `fuzz/` goes stale when they change.

use report_explorer::domain::bundled::load_bundled;
use report_explorer::domain::checks::run_checks;
use report_explorer::domain::engine::model::{compute, published_rate};
use report_explorer::domain::load::parse_report;
use report_explorer::domain::scenario::{assumption_slots, preset, Preset, Scenario};
use report_explorer::domain::schema::Report;
use std::path::Path;

/// The repository's root (the fuzz crate lives in `fuzz/`).
pub fn repo() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
}

/// The bundled reports (`reports/*.json`, compiled in by `domain::bundled` with `include_str!`).
pub fn bundled() -> &'static [Report] {
    static REPORTS: std::sync::OnceLock<Vec<Report>> = std::sync::OnceLock::new();
    REPORTS.get_or_init(|| {
        let (reports, errors) = load_bundled();
        assert!(errors.is_empty(), "{errors:?}");
        reports
    })
}

/// Names of non-finite numbers in a value's `Debug` text (`NaN`, `inf`, `-inf`), outside
/// string literals: every `f64` anywhere inside is printed, so this covers nested results
/// without a walker per type.
pub fn non_finite_in_debug(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'"' => {
                // Skip a string literal (Debug escapes `"` and `\` inside it).
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    if bytes[i] == b'\\' {
                        i += 1;
                    }
                    i += 1;
                }
                i += 1;
            }
            b if b.is_ascii_alphabetic() || b == b'_' => {
                let start = i;
                while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_') {
                    i += 1;
                }
                let word = &text[start..i];
                if word == "NaN" || word == "inf" {
                    let from = start.saturating_sub(120);
                    let from = (0..=from)
                        .rev()
                        .find(|&k| text.is_char_boundary(k))
                        .unwrap_or(0);
                    let to = (i + 40).min(text.len());
                    let to = (to..=text.len())
                        .find(|&k| text.is_char_boundary(k))
                        .unwrap_or(text.len());
                    return Some(format!("{word} in …{}…", &text[from..to]));
                }
            }
            _ => i += 1,
        }
    }
    None
}

/// Panics (a fuzz finding) when `value` holds a non-finite number.
pub fn assert_finite<T: std::fmt::Debug>(what: &str, value: &T) {
    if let Some(found) = non_finite_in_debug(&format!("{value:?}")) {
        panic!("{what}: non-finite number: {found}");
    }
}

/// The scenarios a reader can reach without typing: published, every preset, and every
/// slider at its minimum or at its maximum (the headline too).
pub fn scenarios(report: &Report) -> Vec<(String, Scenario)> {
    let mut out = vec![("published".to_string(), Scenario::published())];
    if let Ok(p) = published_rate(report) {
        for pr in [Preset::Bear, Preset::Base, Preset::Bull] {
            out.push((pr.id().to_string(), preset(report, p.rate, pr)));
        }
    }
    let slots = assumption_slots(report);
    for (name, pick) in [("all at min", 0), ("all at max", 1)] {
        let mut s = Scenario::published();
        if let Some(f) = &report.forecast {
            s.headline_rate = Some(if pick == 0 {
                f.rate_range.min
            } else {
                f.rate_range.max
            });
        }
        for slot in &slots {
            let v = if pick == 0 {
                slot.range.min
            } else {
                slot.range.max
            };
            s.values.insert(slot.key.clone(), v);
        }
        out.push((name.to_string(), s));
    }
    out
}

/// The invariant of a report that validates: the engine computes it under every reachable
/// scenario without NaN or infinity (an engine *error* is allowed: the view says why), and so
/// do the consistency checks.
pub fn assert_computes_finite(report: &Report) {
    for (name, scenario) in scenarios(report) {
        assert_finite(&format!("scenario {name}"), &scenario);
        let Ok(computed) = compute(report, &scenario) else {
            continue;
        };
        assert_finite(&format!("model under {name}"), &computed.headline);
        for d in computed.dimensions.iter().flatten() {
            assert_finite(&format!("dimension {} under {name}", d.dimension), d);
        }
        for p in computed.projections.iter().flatten() {
            assert_finite(&format!("projection {} under {name}", p.id), p);
        }
        let checks = run_checks(report, &computed);
        assert_finite(&format!("checks under {name}"), &checks);
    }
}

/// A valid report written with serde reads back as the same, valid report (what keeping an
/// import on the device and exporting it rely on).
pub fn assert_round_trips(report: &Report) {
    let text = serde_json::to_string(report).expect("a report serialises");
    match parse_report("again.json", &text) {
        Ok(again) => assert_eq!(&again, report, "a report changed through its JSON"),
        Err(e) => panic!("a valid report no longer reads from its own JSON: {e}\n{text}"),
    }
}

/// Seed mode: when `REPORT_EXPLORER_FUZZ_SEEDS` names a directory, writes `seeds` into it and
/// exits. Call from a target's `init`.
pub fn seed_mode(seeds: impl FnOnce() -> Vec<(String, Vec<u8>)>) {
    let Some(dir) = std::env::var_os("REPORT_EXPLORER_FUZZ_SEEDS") else {
        return;
    };
    let dir = Path::new(&dir);
    std::fs::create_dir_all(dir).expect("seed directory");
    let seeds = seeds();
    for (name, bytes) in &seeds {
        std::fs::write(dir.join(name), bytes).expect("write a seed");
    }
    eprintln!("wrote {} seeds into {}", seeds.len(), dir.display());
    std::process::exit(0);
}

/// Every file of a repo directory whose name ends in one of `exts`, as seeds.
pub fn files(dir: &str, exts: &[&str]) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    let Ok(entries) = std::fs::read_dir(repo().join(dir)) else {
        return out;
    };
    for e in entries.flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        if exts.iter().any(|x| name.ends_with(x)) {
            if let Ok(bytes) = std::fs::read(e.path()) {
                out.push((format!("{}-{name}", dir.replace('/', "_")), bytes));
            }
        }
    }
    out.sort();
    out
}
