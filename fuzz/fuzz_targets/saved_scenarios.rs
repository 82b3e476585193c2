//! What local storage and an imported file hold: the saved-scenarios text (`domain::saved`) and
//! the index of imported reports (`domain::imported::read_index`). Invariants: nothing panics;
//! whatever loads is written by `to_json` into a text that loads again to the same scenarios and
//! the same set-aside entries (their JSON kept byte for byte, their reasons unchanged);
//! importing a file adds its scenarios to an empty list, and adds nothing to the list it
//! loaded into; an index that reads writes and reads back the same.
#![no_main]

use libfuzzer_sys::fuzz_target;
use report_explorer::domain::engine::model::published_rate;
use report_explorer::domain::imported::{read_index, write_index, ImportedEntry, ImportedIndex};
use report_explorer::domain::saved::{import, load, to_json, SavedScenario, SetAside};
use report_explorer::domain::scenario::{preset, Preset};
use report_explorer_fuzz::{bundled, seed_mode};

/// A set-aside entry as the reader sees it (its position changes: `to_json` writes the
/// scenarios first).
fn kept(s: &SetAside) -> (Option<&str>, Option<&str>, String, &str) {
    (
        s.name.as_deref(),
        s.report.as_deref(),
        s.reason.to_string(),
        s.raw.get(),
    )
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
    {"name": "Twice", "name": "Twice", "report": "r", "created": "d"},
    {"name": "\ud800 lone", "report": "r", "created": "d"},
    {"name": "Also good", "report": "china-call-center", "created": "2025-11-02",
     "preset": "bear", "headline_rate": null, "future_field": true},
    {"name": "Also good", "report": "china-call-center", "created": "2025-11-03"}
  ]
}"#;

const NEWER: &str = r#"{"format": "report-explorer/scenarios", "version": 3, "scenarios": [
    {"name": "Inherits 3", "report": "r", "created": "d"},
    {},
    {"version": 1, "name": "Says 1", "report": "r", "created": "d"}
]}"#;

fn seeds() -> Vec<(String, Vec<u8>)> {
    let mut list = Vec::new();
    for report in bundled() {
        let Ok(p) = published_rate(report) else {
            continue;
        };
        for pr in Preset::ALL {
            let s = preset(report, p.rate, pr);
            list.push(SavedScenario::new(
                &format!("{} {}", pr.id(), report.id),
                &report.id,
                "2026-12-02T08:00:00Z",
                &s,
                Some(pr.id()),
            ));
        }
    }
    let index = ImportedIndex {
        reports: vec![ImportedEntry {
            id: "imported-gdp".into(),
            file: "GDP.csv".into(),
            imported: "2026-12-02".into(),
        }],
        ..ImportedIndex::default()
    };
    vec![
        ("mixed.json".into(), MIXED.into()),
        ("newer.json".into(), NEWER.into()),
        ("presets.json".into(), to_json(&list, &[]).into_bytes()),
        ("index.json".into(), write_index(&index).into_bytes()),
    ]
}

fuzz_target!(init: seed_mode(seeds), |data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };

    if let Ok(index) = read_index(Some(text)) {
        assert_eq!(read_index(Some(&write_index(&index))), Ok(index));
    }

    let Ok(loaded) = load(text) else {
        return;
    };
    let written = to_json(&loaded.scenarios, &loaded.set_aside);
    let again = match load(&written) {
        Ok(again) => again,
        Err(e) => panic!("what loaded does not load again: {e}\n{written}"),
    };
    assert_eq!(again.scenarios, loaded.scenarios, "scenarios changed:\n{written}");
    assert!(again.renamed.is_empty(), "{:?}", again.renamed);
    assert_eq!(
        again.set_aside.iter().map(kept).collect::<Vec<_>>(),
        loaded.set_aside.iter().map(kept).collect::<Vec<_>>(),
        "set-aside entries changed:\n{written}"
    );
    // Written twice, the same text.
    assert_eq!(to_json(&again.scenarios, &again.set_aside), written);

    let fresh = import(&[], text).expect("what loads imports");
    assert_eq!(fresh.scenarios, loaded.scenarios);
    assert_eq!(fresh.added, loaded.scenarios.len());
    let same = import(&loaded.scenarios, text).expect("what loads imports");
    assert_eq!(same.added, 0, "{:?}", same.renamed);
    assert_eq!(same.unchanged, loaded.scenarios.len());
    assert_eq!(same.scenarios, loaded.scenarios);
});
