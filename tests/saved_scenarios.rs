//! Saved scenarios: the storage format round trip, tolerance of corrupt and newer entries,
//! export and import.
// Native only: the repo's reports are compiled in for tests (`domain::bundled`), never into the wasm.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use report_explorer::domain::saved::{
    export_all, import, load, save, to_json, LoadError, Renamed, SavedScenario, SetAsideReason,
    FORMAT,
};
use report_explorer::domain::scenario::Scenario;
use std::collections::BTreeMap;

fn scenario(name: &str, report: &str, rate: Option<f64>, values: &[(&str, f64)]) -> SavedScenario {
    let mut s = Scenario::published();
    s.headline_rate = rate;
    for (k, v) in values {
        s.values.insert(k.to_string(), *v);
    }
    SavedScenario::new(name, report, "2025-11-21T10:00:00Z", &s, None)
}

const MIXED: &str = r#"{
  "format": "report-explorer/scenarios",
  "version": 1,
  "scenarios": [
    {"version": 1, "name": "Good", "report": "smartphone-leasing", "created": "2025-11-01",
     "headline_rate": 0.15, "values": {"type.camera-modules.growth": 0.14}},
    42,
    {"name": "No report", "created": "2025-11-01"},
    {"name": 7, "report": "r", "created": "2025-11-01"},
    {"name": "Text value", "report": "r", "created": "d", "values": {"k": "high"}},
    {"name": "Huge", "report": "r", "created": "d", "values": {"k": 1e999}},
    {"version": 2, "name": "From the future", "report": "r", "created": "d", "tags": ["x"]},
    {"version": "one", "name": "Odd version", "report": "r", "created": "d"},
    {"name": "   ", "report": "r", "created": "d"},
    {"name": "Also good", "report": "china-call-center", "created": "2025-11-02",
     "preset": "bear", "headline_rate": null, "future_field": true}
  ]
}"#;

#[test]
fn corrupt_and_newer_entries_are_set_aside_and_kept() {
    let loaded = load(MIXED).unwrap();
    let names: Vec<&str> = loaded.scenarios.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, vec!["Good", "Also good"]);
    assert_eq!(
        loaded.scenarios[0].values["type.camera-modules.growth"],
        0.14
    );
    assert_eq!(loaded.scenarios[1].preset.as_deref(), Some("bear"));
    assert_eq!(loaded.scenarios[1].headline_rate, None);
    let reasons: Vec<(usize, &SetAsideReason)> = loaded
        .set_aside
        .iter()
        .map(|s| (s.index, &s.reason))
        .collect();
    assert_eq!(
        reasons,
        vec![
            (1, &SetAsideReason::NotAnObject),
            (2, &SetAsideReason::Missing("report")),
            (3, &SetAsideReason::WrongType("name".into(), "a string")),
            (4, &SetAsideReason::WrongType("values.k".into(), "a number")),
            (5, &SetAsideReason::NonFinite("values.k".into())),
            (6, &SetAsideReason::NewerVersion(2)),
            (7, &SetAsideReason::BadVersion),
            (8, &SetAsideReason::EmptyName),
        ]
    );
    assert_eq!(loaded.set_aside[5].name.as_deref(), Some("From the future"));
    assert_eq!(loaded.set_aside[0].raw.get(), "42");
    assert_eq!(
        loaded.set_aside[5].raw.get(),
        r#"{"version": 2, "name": "From the future", "report": "r", "created": "d", "tags": ["x"]}"#
    );

    // Writing back keeps every set-aside entry exactly, and they are set aside again.
    let text = to_json(&loaded.scenarios, &loaded.set_aside);
    let again = load(&text).unwrap();
    assert_eq!(again.scenarios, loaded.scenarios);
    assert_eq!(again.set_aside.len(), loaded.set_aside.len());
    for (a, b) in again.set_aside.iter().zip(&loaded.set_aside) {
        // The entries' text is kept byte for byte.
        assert_eq!(a.raw.get(), b.raw.get());
        assert_eq!(a.reason, b.reason);
    }
    assert!(text.contains("\"tags\": [\"x\"]"), "{text}");
    assert!(text.contains("1e999"));
}

#[test]
fn a_newer_container_keeps_what_this_version_can_read() {
    let text = r#"{"format": "report-explorer/scenarios", "version": 3, "scenarios": [
        {"name": "Inherits 3", "report": "r", "created": "d"},
        {"version": 1, "name": "Says 1", "report": "r", "created": "d"}
    ]}"#;
    let loaded = load(text).unwrap();
    assert_eq!(loaded.scenarios.len(), 1);
    assert_eq!(loaded.scenarios[0].name, "Says 1");
    assert_eq!(loaded.set_aside[0].reason, SetAsideReason::NewerVersion(3));
    // Written back under a version-1 container, the entry still says it is version 3.
    let again = load(&to_json(&loaded.scenarios, &loaded.set_aside)).unwrap();
    assert_eq!(again.scenarios, loaded.scenarios);
    assert_eq!(again.set_aside[0].reason, SetAsideReason::NewerVersion(3));
    assert_eq!(
        loaded.set_aside[0].raw.get(),
        r#"{"version": 3, "name": "Inherits 3", "report": "r", "created": "d"}"#
    );
    assert_eq!(again.set_aside[0].raw.get(), loaded.set_aside[0].raw.get());
}

#[test]
fn whole_file_errors_are_values() {
    assert!(matches!(load("not json"), Err(LoadError::Syntax(_))));
    assert!(matches!(load(""), Err(LoadError::Syntax(_))));
    // A syntax error says where: line and column.
    match load("{\"format\": \"report-explorer/scenarios\",\n \"version\": 1,,") {
        Err(LoadError::Syntax(e)) => assert_eq!((e.line, e.column), (2, 15), "{e}"),
        other => panic!("{other:?}"),
    }
    assert_eq!(load("[]"), Err(LoadError::NotScenarios));
    assert_eq!(
        load(r#"{"format": "other", "version": 1, "scenarios": []}"#),
        Err(LoadError::NotScenarios)
    );
    assert_eq!(
        load(r#"{"format": "report-explorer/scenarios", "scenarios": []}"#),
        Err(LoadError::BadVersion)
    );
    assert_eq!(
        load(r#"{"format": "report-explorer/scenarios", "version": 0.5, "scenarios": []}"#),
        Err(LoadError::BadVersion)
    );
    assert_eq!(
        load(r#"{"format": "report-explorer/scenarios", "version": 1, "scenarios": {}}"#),
        Err(LoadError::NoList)
    );
    let empty =
        load(r#"{"format": "report-explorer/scenarios", "version": 1, "scenarios": []}"#).unwrap();
    assert!(empty.scenarios.is_empty() && empty.set_aside.is_empty());
}

#[test]
fn names_used_twice_in_a_file_get_a_suffix() {
    let text = r#"{"format": "report-explorer/scenarios", "version": 1, "scenarios": [
        {"name": "Bull", "report": "a", "created": "d"},
        {"name": " Bull ", "report": "a", "created": "d", "headline_rate": 0.3},
        {"name": "Bull", "report": "b", "created": "d"}
    ]}"#;
    let loaded = load(text).unwrap();
    let names: Vec<&str> = loaded.scenarios.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, vec!["Bull", "Bull (2)", "Bull"]);
    assert_eq!(
        loaded.renamed,
        vec![Renamed {
            report: "a".into(),
            from: "Bull".into(),
            to: "Bull (2)".into()
        }]
    );
}

#[test]
fn export_then_import_merges() {
    let mine = save(&[], scenario("Bull", "a", Some(0.2), &[("k", 0.1)])).unwrap();
    let mine = save(&mine, scenario("Bear", "a", Some(0.05), &[])).unwrap();
    // Importing one's own export changes nothing.
    let same = import(&mine, &export_all(&mine)).unwrap();
    assert_eq!(same.scenarios, mine);
    assert_eq!((same.added, same.unchanged), (0, 2));

    let theirs = save(&[], scenario("Bull", "a", Some(0.25), &[("k", 0.1)])).unwrap();
    let theirs = save(&theirs, scenario("Bear", "a", Some(0.05), &[])).unwrap();
    let theirs = save(&theirs, scenario("Base", "a", None, &[])).unwrap();
    let theirs = save(&theirs, scenario("Bull", "b", None, &[])).unwrap();
    let merged = import(&mine, &export_all(&theirs)).unwrap();
    let names: Vec<(&str, &str)> = merged
        .scenarios
        .iter()
        .map(|s| (s.report.as_str(), s.name.as_str()))
        .collect();
    assert_eq!(
        names,
        vec![
            ("a", "Bull"),
            ("a", "Bear"),
            ("a", "Bull (2)"),
            ("a", "Base"),
            ("b", "Bull")
        ]
    );
    assert_eq!((merged.added, merged.unchanged), (3, 1));
    assert_eq!(merged.renamed.len(), 1);
    assert_eq!(merged.scenarios[2].headline_rate, Some(0.25));

    // Into an empty store, an export is restored as it was.
    assert_eq!(import(&[], &export_all(&theirs)).unwrap().scenarios, theirs);
    // A broken file is an error; the store is untouched (the caller still has `mine`).
    assert!(import(&mine, "{").is_err());
    let with_bad = MIXED.replace("\"Good\"", "\"Bull\"");
    let merged = import(&mine, &with_bad).unwrap();
    assert_eq!(merged.set_aside.len(), 8);
    assert_eq!(merged.added, 2);
}

#[test]
fn the_file_says_what_it_is() {
    let text = export_all(&[scenario("x", "r", Some(0.1), &[])]);
    assert!(text.starts_with(&format!(
        "{{\n  \"format\": \"{FORMAT}\",\n  \"version\": 1,"
    )));
}

// ---- Properties ----------------------------------------------------------------------------

fn saved_scenario() -> impl Strategy<Value = SavedScenario> {
    (
        "\\PC{1,30}",
        "[a-z-]{1,20}",
        "[0-9T:Z-]{0,25}",
        prop::option::of(-0.99f64..5.0),
        prop::collection::btree_map("\\PC{1,30}", prop::num::f64::NORMAL, 0..8),
        prop::option::of("\\PC{0,10}"),
    )
        .prop_map(
            |(name, report, created, headline_rate, values, preset)| SavedScenario {
                name,
                report,
                created,
                headline_rate,
                values: values.into_iter().collect::<BTreeMap<_, _>>(),
                preset,
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2_000, ..ProptestConfig::default() })]

    /// Whatever is saved loads back identically (names as normalised by `save`).
    #[test]
    fn storage_round_trips(items in prop::collection::vec(saved_scenario(), 0..6)) {
        let mut list = Vec::new();
        for s in items {
            if let Ok(next) = save(&list, s) {
                list = next;
            }
        }
        let loaded = load(&to_json(&list, &[])).unwrap();
        prop_assert!(loaded.set_aside.is_empty());
        prop_assert!(loaded.renamed.is_empty());
        prop_assert_eq!(loaded.scenarios, list);
    }

    /// Loading never panics on arbitrary text or on damaged files, and set-aside entries
    /// survive a write-back.
    #[test]
    fn damaged_files_never_panic(
        base in prop::collection::vec(saved_scenario(), 1..4),
        cut in any::<usize>(),
        insert in "[\\[\\]{}\",:0-9a-z ]{0,6}",
        noise in any::<String>(),
    ) {
        let _ = load(&noise);
        let mut list = Vec::new();
        for s in base {
            if let Ok(next) = save(&list, s) {
                list = next;
            }
        }
        let text = to_json(&list, &[]);
        let chars: Vec<char> = text.chars().collect();
        let at = cut % (chars.len() + 1);
        let damaged: String = chars[..at].iter().chain(insert.chars().collect::<Vec<_>>().iter()).chain(chars[at..].iter()).collect();
        if let Ok(loaded) = load(&damaged) {
            let again = load(&to_json(&loaded.scenarios, &loaded.set_aside)).unwrap();
            prop_assert_eq!(again.set_aside.len(), loaded.set_aside.len());
            // Set-aside entries are written back byte for byte.
            for (a, b) in again.set_aside.iter().zip(&loaded.set_aside) {
                prop_assert_eq!(a.raw.get(), b.raw.get());
            }
            prop_assert!(again.scenarios.len() >= loaded.scenarios.len());
        }
    }
}
