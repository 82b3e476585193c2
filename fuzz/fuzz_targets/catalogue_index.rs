//! The library's catalogue files: `reports/index.json` (`read_catalogue`) and its pages
//! (`read_page`). Invariants: whatever reads is usable — every entry's URL, search and every
//! filter work without panicking — and writes back with serde into a text that reads as the
//! same catalogue.
#![no_main]

use libfuzzer_sys::fuzz_target;
use report_explorer::domain::catalogue::{
    build, read_catalogue, read_page, CatalogueEntry, Filter, REPORTS_DIR,
};
use report_explorer::domain::schema::ReportKind;
use report_explorer_fuzz::{repo, seed_mode};

fn usable(entries: &[CatalogueEntry]) {
    for e in entries {
        let url = e.url();
        assert!(url.starts_with(&format!("{REPORTS_DIR}/")));
        let _ = e.matches(&e.id);
        let _ = e.matches(&e.title.en);
        let _ = e.matches("  market ÄÖ 市场 ");
        for kind in [None, Some(e.kind), Some(ReportKind::Market)] {
            let filter = Filter {
                query: e.publisher.en.clone(),
                kind,
                region: Some(e.region.en.clone()),
                currency: Some(e.currency.clone()),
            };
            let _ = filter.is_empty();
            let _ = filter.accepts(e);
        }
        assert!(Filter::default().accepts(e));
    }
}

/// The catalogue `scripts/catalogue.sh` writes for the bundled reports, and one of 60 copies of
/// the example report (an index and a page).
fn seeds() -> Vec<(String, Vec<u8>)> {
    let read = |dir: &str| -> Vec<(String, String)> {
        let mut out = Vec::new();
        for e in std::fs::read_dir(repo().join(dir)).expect(dir).flatten() {
            let name = e.file_name().to_string_lossy().into_owned();
            if name.ends_with(".json") && !name.starts_with("index") && name != "report.schema.json"
            {
                out.push((name, std::fs::read_to_string(e.path()).expect("a report")));
            }
        }
        out
    };
    let mut out = Vec::new();
    let bundled = build(&read("reports")).expect("the bundled reports make a catalogue");
    for (name, text) in bundled.files {
        out.push((format!("bundled-{name}"), text.into_bytes()));
    }
    let example = std::fs::read_to_string(repo().join("docs/example-report.json"))
        .expect("docs/example-report.json");
    let id = serde_json::from_str::<serde_json::Value>(&example).expect("json")["id"]
        .as_str()
        .expect("an id")
        .to_string();
    let many: Vec<(String, String)> = (0..60)
        .map(|i| {
            let text = example.replacen(&format!("\"{id}\""), &format!("\"{id}-{i:02}\""), 1);
            (format!("r{i:02}.json"), text)
        })
        .collect();
    let paged = build(&many).expect("copies of the example make a catalogue");
    for (name, text) in paged.files.into_iter().take(2) {
        out.push((format!("paged-{name}"), text.into_bytes()));
    }
    out
}

fuzz_target!(init: seed_mode(seeds), |data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(c) = read_catalogue("index.json", text) {
        usable(&c.entries);
        let json = serde_json::to_string(&c).expect("a catalogue serialises");
        assert_eq!(read_catalogue("index.json", &json), Ok(c), "{json}");
    }
    if let Ok(p) = read_page("index-1.json", text) {
        usable(&p.entries);
        let json = serde_json::to_string(&p).expect("a page serialises");
        assert_eq!(read_page("index-1.json", &json), Ok(p), "{json}");
    }
});
