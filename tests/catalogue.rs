//! Reports as files: the catalogue the library reads, the publisher's catalogue tool, the JSON
//! Schema of the format, and the errors a bad report file gets.
// Native only: the repo's reports are compiled in for tests (`domain::bundled`), never into the wasm.
#![cfg(not(target_arch = "wasm32"))]

use report_explorer::domain::bundled::BUNDLED;
use report_explorer::domain::catalogue::{
    build, read_catalogue, read_page, report_json_schema, Filter, PAGE_SIZE,
};
use report_explorer::domain::load::parse_report;
use report_explorer::domain::schema::Report;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

fn bundled_files() -> Vec<(String, String)> {
    BUNDLED
        .iter()
        .map(|(f, t)| (f.to_string(), t.to_string()))
        .collect()
}

/// A copy of `report` as another report with its own id and title.
fn variant(n: usize) -> (String, String) {
    let mut v: serde_json::Value = serde_json::from_str(BUNDLED[0].1).unwrap();
    v["id"] = format!("generated-{n:04}").into();
    v["meta"]["title"]["en"] = format!("Generated market {n:04}").into();
    (format!("generated-{n:04}.json"), v.to_string())
}

#[test]
fn a_report_written_as_json_reads_back_identical() {
    for (file, text) in BUNDLED {
        let report = parse_report(file, text).unwrap();
        let written = serde_json::to_string_pretty(&report).unwrap();
        let again: Report = parse_report(file, &written).unwrap();
        assert_eq!(again, report, "{file}");
    }
}

#[test]
fn the_published_json_schema_is_current() {
    let committed = fs::read_to_string("docs/report.schema.json").unwrap_or_default();
    assert!(
        committed == report_json_schema(),
        "docs/report.schema.json is out of date: run `cargo run --profile tool --bin catalogue -- <dir>` \
         and copy <dir>/reports/report.schema.json to docs/"
    );
    // It describes the format strictly: unknown fields are refused, like the app does.
    let schema: serde_json::Value = serde_json::from_str(&committed).unwrap();
    assert_eq!(schema["additionalProperties"], false);
    assert!(schema["required"]
        .as_array()
        .unwrap()
        .iter()
        .any(|r| r == "meta"));
}

/// Every field and every enum value of the format is in the publisher's guide: a field added
/// to the types without a word in the guide is a field publishers cannot know about.
#[test]
fn the_guide_names_every_field_and_value_of_the_schema() {
    fn walk(v: &serde_json::Value, names: &mut std::collections::BTreeSet<String>) {
        match v {
            serde_json::Value::Object(m) => {
                if let Some(serde_json::Value::Object(props)) = m.get("properties") {
                    names.extend(props.keys().cloned());
                }
                for key in ["enum", "const"] {
                    match m.get(key) {
                        Some(serde_json::Value::Array(values)) => names
                            .extend(values.iter().filter_map(|v| v.as_str().map(str::to_string))),
                        Some(serde_json::Value::String(value)) => {
                            names.insert(value.clone());
                        }
                        _ => {}
                    }
                }
                m.values().for_each(|x| walk(x, names));
            }
            serde_json::Value::Array(a) => a.iter().for_each(|x| walk(x, names)),
            _ => {}
        }
    }
    let schema: serde_json::Value = serde_json::from_str(&report_json_schema()).unwrap();
    let mut names = std::collections::BTreeSet::new();
    walk(&schema, &mut names);
    assert!(
        names.contains("upper") && names.contains("exactly"),
        "{names:?}"
    );
    let guide = fs::read_to_string("docs/report-format.md").unwrap();
    let missing: Vec<_> = names
        .iter()
        .filter(|n| {
            !guide.contains(&format!("`{n}`"))
                && !guide.contains(&format!("\"{n}\""))
                && !guide.contains(&format!("`{n}."))
        })
        .collect();
    assert!(
        missing.is_empty(),
        "not in docs/report-format.md: {missing:?}"
    );
}

#[test]
fn the_catalogue_lists_every_report_with_what_a_card_needs() {
    let built = build(&bundled_files()).unwrap();
    assert_eq!(built.files.len(), 1, "three reports fit on one page");
    let (name, text) = &built.files[0];
    assert_eq!(name, "index.json");
    let c = read_catalogue(name, text).unwrap();
    assert_eq!(c.total, 3);
    let smartphone = c
        .entries
        .iter()
        .find(|e| e.id == "smartphone-leasing")
        .unwrap();
    assert_eq!(smartphone.file, "smartphone-leasing.json");
    assert_eq!(smartphone.currency, "USD");
    assert_eq!(
        (smartphone.forecast.from, smartphone.forecast.to),
        (2026, 2032)
    );
    // The headline's reported ends: US$2.5 bn (2025) and US$6.1 bn (2032).
    let ends: Vec<(i32, f64)> = smartphone
        .headline_points
        .iter()
        .map(|p| (p.year, p.value))
        .collect();
    assert_eq!(ends, vec![(2025, 2.5e9), (2032, 6.1e9)]);
    // The sparkline is the published path and ends at the reported 2032 value.
    let last = smartphone.sparkline.last().unwrap();
    assert_eq!(last[0], 2032.0);
    assert!((last[1] - 6.1e9).abs() < 1e7, "{last:?}");
    // Solid up to the anchor year, dashed after.
    assert_eq!(smartphone.sparkline_split, Some(2025.0));
    // A plan's sparkline is its projection, assumption from its start: dashed throughout.
    let plan = c
        .entries
        .iter()
        .find(|e| e.id == "parent-child-community")
        .unwrap();
    assert!(plan.sparkline.len() > 2);
    assert_eq!(plan.sparkline_split, Some(0.0));
    assert!(smartphone.title.zh_hant.is_some());
    // Facets cover both kinds and both currencies.
    assert_eq!(c.facets.currencies, vec!["CNY", "USD"]);
    assert_eq!(c.facets.kinds.len(), 2);
    // The hash follows the file's bytes.
    let mut edited = bundled_files();
    edited[0].1.push(' ');
    let again = read_catalogue("index.json", &build(&edited).unwrap().files[0].1).unwrap();
    let changed = again
        .entries
        .iter()
        .find(|e| e.file == edited[0].0)
        .unwrap();
    let before = c.entries.iter().find(|e| e.file == edited[0].0).unwrap();
    assert_ne!(changed.hash, before.hash);
}

#[test]
fn a_thousand_reports_are_paged_and_searchable() {
    let mut files = bundled_files();
    files.extend((0..997).map(variant));
    let built = build(&files).unwrap();
    let pages = 1000usize.div_ceil(PAGE_SIZE);
    assert_eq!(built.files.len(), pages);
    let index = read_catalogue("index.json", &built.files[0].1).unwrap();
    assert_eq!(index.total, 1000);
    assert_eq!(index.entries.len(), PAGE_SIZE);
    assert_eq!(index.pages.len(), pages - 1);
    let mut all = index.entries.clone();
    for (name, text) in &built.files[1..] {
        all.extend(read_page(name, text).unwrap().entries);
    }
    assert_eq!(all.len(), 1000);
    let filter = Filter {
        query: "generated 0777".into(),
        ..Filter::default()
    };
    let hits: Vec<_> = all.iter().filter(|e| filter.accepts(e)).collect();
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].id, "generated-0777");
    // The first file stays small however long the catalogue is.
    assert!(
        built.files[0].1.len() < 200_000,
        "{}",
        built.files[0].1.len()
    );
}

#[test]
fn one_bad_file_fails_the_whole_catalogue_with_every_problem() {
    let mut files = bundled_files();
    files.push(("broken.json".into(), "{\"id\": \"x\",".into()));
    let mut dup = bundled_files()[0].clone();
    dup.0 = "copy.json".into();
    files.push(dup);
    let errors = build(&files).unwrap_err();
    let text: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
    assert_eq!(errors.len(), 2, "{text:?}");
    assert!(
        text[0].starts_with("broken.json: the file ends too early"),
        "{text:?}"
    );
    assert!(
        text[1].contains(": id: the id \"smartphone-leasing\" is already used by "),
        "{text:?}"
    );
}

#[test]
fn catalogue_file_errors_are_values() {
    assert!(read_catalogue("index.json", "").is_err());
    assert!(read_catalogue("index.json", "{\"format\": \"other\"}").is_err());
    let e = read_catalogue(
        "index.json",
        "{\"format\":\"report-explorer/catalogue\",\"version\":9,\"total\":0,\"entries\":[]}",
    )
    .unwrap_err();
    assert!(e.to_string().contains("newer version"), "{e}");
}

/// Each kind of error in a report file gets its file, field path, line and reason.
#[test]
fn report_errors_name_file_path_line_and_reason() {
    let text = BUNDLED[0].1;
    // Syntax: a missing comma.
    let broken = text.replacen("\"kind\": \"market\",", "\"kind\": \"market\"", 1);
    let e = parse_report("a.json", &broken).unwrap_err().to_string();
    assert!(e.starts_with("a.json: "), "{e}");
    assert!(
        e.starts_with("a.json: not valid JSON: expected `,` or `}` (line 4, column"),
        "{e}"
    );
    // Truncated.
    let half = (0..=text.len() / 2)
        .rev()
        .find(|i| text.is_char_boundary(*i))
        .unwrap_or(0);
    let e = parse_report("a.json", &text[..half])
        .unwrap_err()
        .to_string();
    assert!(e.contains("ends too early"), "{e}");
    // Wrong type, deep inside.
    let mut v: serde_json::Value = serde_json::from_str(text).unwrap();
    v["series"][0]["points"][1]["year"] = "2027".into();
    let pretty = serde_json::to_string_pretty(&v).unwrap();
    let e = parse_report("a.json", &pretty).unwrap_err();
    assert_eq!(e.path, "series[0].points[1].year");
    assert!(e.problem.to_string().contains("expected i32"), "{e}");
    assert!(e.problem.to_string().contains("(line "), "{e}");
    // Unknown enum value.
    let mut v: serde_json::Value = serde_json::from_str(text).unwrap();
    v["series"][0]["points"][0]["provenance"] = "guessed".into();
    let e = parse_report("a.json", &v.to_string()).unwrap_err();
    assert_eq!(e.path, "series[0].points[0].provenance");
    assert!(
        e.problem.to_string().contains("unknown variant “guessed”"),
        "{e}"
    );
    // Semantic: validation names the field.
    let mut v: serde_json::Value = serde_json::from_str(text).unwrap();
    v["meta"]["currency"] = "".into();
    let e = parse_report("a.json", &v.to_string()).unwrap_err();
    assert!(e.to_string().starts_with("a.json: meta.currency"), "{e}");
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("catalogue-test-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(dir.join("reports")).unwrap();
    for (f, t) in BUNDLED {
        fs::write(dir.join("reports").join(f), t).unwrap();
    }
    dir
}

fn run_tool(dir: &Path) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_catalogue"))
        .arg(dir)
        .output()
        .unwrap()
}

/// Runs the tool, expecting success, and returns the catalogue it wrote.
fn run_tool_ok(dir: &Path) -> report_explorer::domain::catalogue::Catalogue {
    let out = run_tool(dir);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let index = fs::read_to_string(dir.join("reports/index.json")).unwrap();
    read_catalogue("index.json", &index).unwrap()
}

#[test]
fn the_tool_writes_the_catalogue_and_refuses_a_bad_file_without_writing() {
    let dir = scratch("tool");
    assert_eq!(run_tool_ok(&dir).total, 3);
    let index = fs::read_to_string(dir.join("reports/index.json")).unwrap();
    assert!(dir.join("reports/report.schema.json").exists());

    // A publisher adds a broken report: the tool names it and leaves the old catalogue.
    fs::write(
        dir.join("reports/mine.json"),
        BUNDLED[0]
            .1
            .replacen("\"currency\": \"USD\"", "\"currency\": 5", 1),
    )
    .unwrap();
    let out = run_tool(&dir);
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("mine.json: meta.currency: invalid type"),
        "{stderr}"
    );
    assert!(stderr.contains("nothing was written"), "{stderr}");
    assert_eq!(
        fs::read_to_string(dir.join("reports/index.json")).unwrap(),
        index
    );
    let leftovers: Vec<_> = fs::read_dir(dir.join("reports"))
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty());

    // A report saved under a name the catalogue reserves is refused, never deleted.
    fs::remove_file(dir.join("reports/mine.json")).unwrap();
    fs::write(dir.join("reports/index-7.json"), BUNDLED[0].1).unwrap();
    let out = run_tool(&dir);
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("index-7.json: this name is reserved"),
        "{stderr}"
    );
    assert!(dir.join("reports/index-7.json").exists());
    fs::remove_file(dir.join("reports/index-7.json")).unwrap();

    // Fixed as a new report with its own id: listed.
    let mut v: serde_json::Value = serde_json::from_str(BUNDLED[0].1).unwrap();
    v["id"] = "mine".into();
    fs::write(dir.join("reports/mine.json"), v.to_string()).unwrap();
    let c = run_tool_ok(&dir);
    assert_eq!(c.total, 4);
    assert!(c.entries.iter().any(|e| e.id == "mine"));
    let _ = fs::remove_dir_all(&dir);
}
