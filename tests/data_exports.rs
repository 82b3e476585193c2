//! CSV and JSON data exports, read back with an independent RFC 4180 reader and serde_json,
//! and checked against the engine.
// Native only: the repo's reports are compiled in for tests (`domain::bundled`), never into the wasm.
#![cfg(not(target_arch = "wasm32"))]

use report_explorer::domain::bundled::load_bundled;
use report_explorer::domain::engine::model::compute;
use report_explorer::domain::export::{
    collect, csv, json, svg_with_notes, Export, ExportOptions, ExportScope, Period, SeriesKind,
    CSV_HEADER,
};
use report_explorer::domain::format::Locale;
use report_explorer::domain::scenario::{growth_key, Scenario};
use report_explorer::domain::schema::Report;
use serde::Deserialize;
use serde_json::value::RawValue;
use std::collections::BTreeMap;

/// A strict RFC 4180 reader: records end in CRLF; a field is either plain (no quote, comma, CR
/// or LF) or quoted, with `""` for a quote inside.
fn read_csv(text: &str) -> Vec<Vec<String>> {
    let mut records = Vec::new();
    let mut record = Vec::new();
    let mut field = String::new();
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    let mut field_started_quoted = false;
    while let Some(c) = chars.next() {
        if quoted {
            if c == '"' {
                if chars.peek() == Some(&'"') {
                    chars.next();
                    field.push('"');
                } else {
                    quoted = false;
                }
            } else {
                field.push(c);
            }
            continue;
        }
        match c {
            '"' => {
                assert!(field.is_empty(), "quote inside a plain field: {field:?}");
                quoted = true;
                field_started_quoted = true;
            }
            ',' => {
                record.push(std::mem::take(&mut field));
                field_started_quoted = false;
            }
            '\r' => {
                assert_eq!(chars.next(), Some('\n'), "CR without LF");
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
                field_started_quoted = false;
            }
            '\n' => panic!("bare LF outside quotes"),
            c => {
                assert!(!field_started_quoted, "text after a closing quote");
                field.push(c);
            }
        }
    }
    assert!(!quoted, "unterminated quoted field");
    assert!(
        field.is_empty() && record.is_empty(),
        "last record without CRLF"
    );
    records
}

fn reports() -> Vec<Report> {
    let (reports, errors) = load_bundled();
    assert!(errors.is_empty(), "{errors:?}");
    reports
}

fn options(name: &str) -> ExportOptions {
    ExportOptions {
        locale: Locale::En,
        scenario_name: name.to_string(),
        bom: false,
    }
}

fn modified() -> Scenario {
    let mut s = Scenario::published();
    s.headline_rate = Some(0.171);
    s.values.insert(growth_key("type", "camera-modules"), 0.2);
    s.values.insert("monthly-user-growth".into(), 0.085);
    s
}

/// The CSV's rows are the export's points, field for field, values bit for bit.
fn assert_csv_matches(export: &Export, text: &str) {
    let records = read_csv(text);
    assert_eq!(records[0], CSV_HEADER);
    let rows = &records[1..];
    let expected: usize = export.series.iter().map(|s| s.points.len()).sum();
    assert_eq!(rows.len(), expected);
    let mut i = 0;
    for s in &export.series {
        for p in &s.points {
            let r = &rows[i];
            assert_eq!(r.len(), 6, "{r:?}");
            assert_eq!(r[0], s.name);
            assert_eq!(r[1], p.period.label());
            assert!(
                r[2].chars()
                    .all(|c| c.is_ascii_digit() || c == '.' || c == '-'),
                "not plain decimal: {}",
                r[2]
            );
            assert_eq!(r[2].parse::<f64>().unwrap().to_bits(), p.value.to_bits());
            assert_eq!(r[3], s.unit);
            assert_eq!(r[4], p.csv_provenance());
            assert_eq!(r[5], s.scenario);
            i += 1;
        }
    }
}

#[test]
fn headline_export_matches_the_engine() {
    for report in reports().iter().filter(|r| r.forecast.is_some()) {
        let scenario = modified();
        let o = options("My scenario");
        let export = collect(report, &scenario, ExportScope::Headline, &o).unwrap();
        assert_csv_matches(
            &export,
            &csv(report, &scenario, ExportScope::Headline, &o).unwrap(),
        );
        let now = compute(report, &scenario).unwrap().headline.unwrap();
        let published = compute(report, &Scenario::published())
            .unwrap()
            .headline
            .unwrap();
        let series = |kind| export.series.iter().find(|s| s.kind == kind).unwrap();
        for (s, h) in [
            (series(SeriesKind::Scenario), &now),
            (series(SeriesKind::Published), &published),
        ] {
            assert_eq!(s.points.len(), h.points.len());
            for (p, q) in s.points.iter().zip(&h.points) {
                assert_eq!(p.value, q.value);
                assert_eq!(p.provenance, q.provenance);
            }
        }
        assert_eq!(series(SeriesKind::Published).scenario, "published");
        assert_eq!(series(SeriesKind::Scenario).scenario, "My scenario");
        let source = series(SeriesKind::Source);
        let head = report
            .series
            .iter()
            .find(|s| s.id == report.forecast.as_ref().unwrap().series)
            .unwrap();
        assert_eq!(source.points.len(), head.points.len());
    }
}

#[test]
fn bounds_are_exported_as_bounds() {
    let reports = reports();
    let r = &reports[1];
    let o = options("published");
    let records = read_csv(&csv(r, &Scenario::published(), ExportScope::Headline, &o).unwrap());
    let bounds: Vec<(&str, &str, &str)> = records
        .iter()
        .filter(|r| r[4].starts_with("bound"))
        .map(|r| (r[1].as_str(), r[2].as_str(), r[4].as_str()))
        .collect();
    assert_eq!(
        bounds,
        vec![
            // "900多亿": at least 900亿, below 1000亿.
            ("2013", "90000000000", "bound:lower;upper=100000000000"),
            ("2014", "100000000000", "bound:lower")
        ]
    );
    for r in &records {
        assert_eq!(r.len(), CSV_HEADER.len(), "{r:?}");
    }
}

/// The JSON carries an interval's top beside its lower bound, and nothing for other points.
#[test]
fn json_carries_an_intervals_top() {
    let r = &reports()[1];
    let o = options("published");
    let text = json(r, &Scenario::published(), ExportScope::Headline, &o).unwrap();
    let doc: DataFile = serde_json::from_str(&text).unwrap();
    let source = doc
        .series
        .iter()
        .find(|s| s.id == "investment/source")
        .unwrap();
    let found: Vec<(i32, &str, Option<f64>)> = source
        .points
        .iter()
        .map(|p| (p.year.unwrap(), p.provenance.as_str(), p.upper.map(number)))
        .collect();
    assert_eq!(
        found,
        vec![
            (2011, "reported", None),
            (2012, "reported", None),
            (2013, "bound:lower", Some(1e11)),
            (2014, "bound:lower", None),
        ]
    );
    assert_eq!(text.matches("\"upper\"").count(), 1, "{text}");
}

#[test]
fn every_segment_of_every_dimension() {
    let reports = reports();
    let r = &reports[0];
    let scenario = modified();
    let o = options("custom");
    let export = collect(r, &scenario, ExportScope::Segments, &o).unwrap();
    assert_csv_matches(
        &export,
        &csv(r, &scenario, ExportScope::Segments, &o).unwrap(),
    );
    let computed = compute(r, &scenario).unwrap();
    let mut rows = 0;
    for d in computed.dimensions.iter().map(|d| d.as_ref().unwrap()) {
        for row in &d.rows {
            rows += 1;
            let s = export
                .series
                .iter()
                .find(|s| {
                    s.id.starts_with(&format!("{}/", d.dimension))
                        && s.id.ends_with(&format!("/{}", row.member))
                })
                .unwrap_or_else(|| panic!("{}/{}", d.dimension, row.member));
            let values: Vec<f64> = s.points.iter().map(|p| p.value).collect();
            assert_eq!(values, row.values);
            assert_eq!(s.points[0].provenance, d.provenance);
        }
    }
    assert_eq!(export.series.len(), rows);
    assert!(export
        .series
        .iter()
        .any(|s| s.id == "geography/north-america/us"));
    let type_dim = &r.dimensions[0];
    let camera = export
        .series
        .iter()
        .find(|s| s.id == "type/camera-modules")
        .unwrap();
    assert_eq!(
        camera.name,
        format!("{} / {}", type_dim.name.en, type_dim.members[0].name.en)
    );
}

#[test]
fn whole_report_exports_every_part() {
    for report in reports() {
        let scenario = modified();
        let o = options("custom");
        let export = collect(&report, &scenario, ExportScope::Report, &o).unwrap();
        assert_csv_matches(
            &export,
            &csv(&report, &scenario, ExportScope::Report, &o).unwrap(),
        );
        let sources = export
            .series
            .iter()
            .filter(|s| s.kind == SeriesKind::Source)
            .count();
        assert_eq!(sources, report.series.len());
        let projections = export
            .series
            .iter()
            .filter(|s| s.kind == SeriesKind::Projection)
            .count();
        assert_eq!(projections, report.projections.len());
        assert!(export.skipped.is_empty());
        let computed = compute(&report, &scenario).unwrap();
        for (p, result) in report.projections.iter().zip(&computed.projections) {
            let s = export
                .series
                .iter()
                .find(|s| s.id == format!("projection/{}", p.id))
                .unwrap();
            let values: Vec<f64> = s.points.iter().map(|p| p.value).collect();
            assert_eq!(&values, &result.as_ref().unwrap().values);
        }
    }
}

#[test]
fn names_with_commas_quotes_and_newlines_are_quoted() {
    let mut r = reports()[0].clone();
    r.dimensions[0].name.en = "Type, \"modular\"\r\nparts".into();
    r.dimensions[0].members[0].name.en = "Camera, \"the big one\"\nmodules".into();
    r.series[0].name.en = "Market, total".into();
    let o = options("Bull, \"optimistic\"");
    let scenario = modified();
    for scope in [
        ExportScope::Headline,
        ExportScope::Segments,
        ExportScope::Report,
    ] {
        let export = collect(&r, &scenario, scope, &o).unwrap();
        let text = csv(&r, &scenario, scope, &o).unwrap();
        assert_csv_matches(&export, &text);
    }
    let records = read_csv(&csv(&r, &scenario, ExportScope::Segments, &o).unwrap());
    assert_eq!(
        records[1][0],
        "Type, \"modular\"\r\nparts / Camera, \"the big one\"\nmodules"
    );
    assert_eq!(records[1][5], "Bull, \"optimistic\"");
}

#[test]
fn names_follow_the_locale() {
    let reports = reports();
    let r = &reports[1];
    let o = ExportOptions {
        locale: Locale::ZhHans,
        scenario_name: "我的情景".into(),
        bom: false,
    };
    let export = collect(r, &Scenario::published(), ExportScope::Report, &o).unwrap();
    let seats = export
        .series
        .iter()
        .find(|s| s.id == "seats/source")
        .unwrap();
    assert_eq!(seats.unit, "坐席");
    assert!(seats.name.ends_with("(来源)"), "{}", seats.name);
}

// The JSON export as a reader's program sees it.

#[derive(Deserialize)]
struct DataFile<'a> {
    format: String,
    version: u32,
    scope: String,
    report: ReportMeta,
    #[serde(borrow)]
    scenario: ScenarioIn<'a>,
    #[serde(borrow)]
    series: Vec<SeriesIn<'a>>,
    skipped: Vec<serde_json::Value>,
}

#[derive(Deserialize)]
struct ReportMeta {
    id: String,
    kind: String,
    title: String,
    currency: String,
    base_year: i32,
    code: Option<String>,
}

#[derive(Deserialize)]
struct ScenarioIn<'a> {
    name: String,
    modified: bool,
    #[serde(borrow)]
    headline_rate: Option<&'a RawValue>,
    #[serde(borrow)]
    values: BTreeMap<String, &'a RawValue>,
}

#[derive(Deserialize)]
struct SeriesIn<'a> {
    id: String,
    name: String,
    kind: String,
    unit: String,
    scenario: String,
    #[serde(borrow)]
    points: Vec<PointIn<'a>>,
}

#[derive(Deserialize)]
struct PointIn<'a> {
    year: Option<i32>,
    period: Option<u32>,
    cadence: Option<String>,
    /// Kept as text and read with Rust's correctly rounded parser (as a browser's
    /// `JSON.parse` would), to check the value bit for bit.
    #[serde(borrow)]
    value: &'a RawValue,
    provenance: String,
    #[serde(borrow, default)]
    upper: Option<&'a RawValue>,
}

/// A JSON number, exactly.
fn number(raw: &RawValue) -> f64 {
    raw.get()
        .parse()
        .unwrap_or_else(|e| panic!("{e}: {}", raw.get()))
}

#[test]
fn json_export_carries_metadata_scenario_and_values() {
    let reports = reports();
    let r = &reports[0];
    let scenario = modified();
    let o = options("custom");
    let text = json(r, &scenario, ExportScope::Report, &o).unwrap();
    let doc: DataFile = serde_json::from_str(&text).unwrap();
    assert_eq!(doc.format, "report-explorer/data");
    assert_eq!(doc.version, 1);
    assert_eq!(doc.scope, "report");
    assert_eq!(doc.report.id, r.id);
    assert_eq!(doc.report.kind, "market");
    assert_eq!(doc.report.title, r.meta.title.en);
    assert_eq!(doc.report.currency, r.meta.currency);
    assert_eq!(doc.report.base_year, r.meta.base_year);
    assert_eq!(doc.report.code, r.meta.code);
    assert_eq!(doc.scenario.name, "custom");
    assert!(doc.scenario.modified);
    assert_eq!(number(doc.scenario.headline_rate.unwrap()), 0.171);
    assert_eq!(doc.scenario.values.len(), scenario.values.len());
    for (k, v) in &scenario.values {
        assert_eq!(number(doc.scenario.values[k]).to_bits(), v.to_bits(), "{k}");
    }
    assert!(doc.skipped.is_empty());
    let export = collect(r, &scenario, ExportScope::Report, &o).unwrap();
    assert_eq!(doc.series.len(), export.series.len());
    for (js, s) in doc.series.iter().zip(&export.series) {
        assert_eq!(js.id, s.id);
        assert_eq!(js.name, s.name);
        assert_eq!(js.kind, s.kind.id());
        assert_eq!(js.unit, s.unit);
        assert_eq!(js.scenario, s.scenario);
        assert_eq!(js.points.len(), s.points.len());
        for (jp, p) in js.points.iter().zip(&s.points) {
            match p.period {
                Period::Year(y) => assert_eq!((jp.year, jp.period), (Some(y), None)),
                Period::Step { index, .. } => {
                    assert_eq!((jp.year, jp.period), (None, Some(index)));
                    let cadence = jp.cadence.as_deref().unwrap();
                    assert_eq!(format!("{cadence} {index}"), p.period.label());
                }
            }
            assert_eq!(number(jp.value).to_bits(), p.value.to_bits());
            assert_eq!(jp.provenance, p.provenance_code());
        }
    }
    // A plan's projection points carry their period and cadence.
    let plan = &reports[2];
    let text = json(plan, &scenario, ExportScope::Headline, &o).unwrap();
    let doc: DataFile = serde_json::from_str(&text).unwrap();
    assert_eq!(doc.report.kind, "plan");
    let proj = doc.series.iter().find(|s| s.kind == "projection").unwrap();
    let p = &proj.points[36];
    assert_eq!((p.year, p.period), (None, Some(36)));
    assert_eq!(p.cadence.as_deref(), Some("month"));
}

/// Report data now comes from readers' files: a name that a spreadsheet would run as a formula
/// is neutralised; numbers stay numbers; with the option, a BOM lets Excel read Chinese names.
#[test]
fn csv_text_cannot_become_a_formula_and_a_bom_is_optional() {
    use report_explorer::domain::export::csv_field;
    assert_eq!(csv_field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
    assert_eq!(csv_field("+1"), "'+1");
    assert_eq!(csv_field("-cmd"), "'-cmd");
    assert_eq!(csv_field("@SUM(A1)"), "'@SUM(A1)");
    assert_eq!(csv_field("Camera modules"), "Camera modules");
    let r = &reports()[0];
    let mut hostile = r.clone();
    hostile.series[0].name.en = "=1+2".into();
    let plain = csv(
        &hostile,
        &Scenario::published(),
        ExportScope::Report,
        &options("published"),
    )
    .unwrap();
    let row = plain.lines().nth(1).unwrap();
    assert!(row.starts_with("'=1+2 "), "{row}");
    // The value column is still a plain number.
    let value: f64 = row.split(',').nth(2).unwrap().parse().unwrap();
    assert!(value.is_finite());
    assert!(!plain.starts_with('\u{feff}'));
    let with_bom = csv(
        &hostile,
        &Scenario::published(),
        ExportScope::Report,
        &ExportOptions {
            bom: true,
            ..options("published")
        },
    )
    .unwrap();
    assert_eq!(with_bom.strip_prefix('\u{feff}'), Some(plain.as_str()));
}

// ---- Chart export notes --------------------------------------------------------------------

/// What the browser edge exports for a chart (header, then the drawing).
const CHART: &str = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 -64 800 428\" \
    width=\"800\" height=\"428\"><rect x=\"0\" y=\"-64\" width=\"800\" height=\"428\" \
    fill=\"#ffffff\"/><g><path d=\"M0 0L10 10\"/></g></svg>";

fn texts(svg: &str) -> Vec<String> {
    svg.split("<text ")
        .skip(1)
        .map(|t| {
            let body = &t[t.find('>').unwrap() + 1..];
            body[..body.find("</text>").unwrap()].to_string()
        })
        .collect()
}

#[test]
fn chart_exports_carry_notes_under_the_drawing() {
    let notes = vec![
        "Sampled ranges (× 1 the default widths)".to_string(),
        "Headline growth: 13.00% – 14.18% around 13.59% <stated & implied>".to_string(),
    ];
    let out = svg_with_notes(CHART, &notes).unwrap();
    // Two lines of 16 plus a margin of 8: 40 more units, in the viewBox and the height.
    assert!(out.starts_with(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 -64 800 468\" width=\"800\" height=\"468\">"
    ), "{out}");
    assert!(out.ends_with("</text></svg>"), "{out}");
    assert!(out.contains("<path d=\"M0 0L10 10\"/>"));
    assert_eq!(
        texts(&out),
        vec![
            "Sampled ranges (× 1 the default widths)",
            "Headline growth: 13.00% – 14.18% around 13.59% &lt;stated &amp; implied&gt;",
        ]
    );
    // The first line sits below the old bottom (−64 + 428 = 364).
    assert!(out.contains("<text x=\"8\" y=\"380\""), "{out}");
    assert!(!out.contains("NaN") && !out.contains("inf"));
    assert_eq!(svg_with_notes(CHART, &[]).as_deref(), Some(CHART));
    assert_eq!(svg_with_notes("<svg><g/></svg>", &notes), None);
    assert_eq!(
        svg_with_notes("<svg viewBox=\"0 0 x 1\"></svg>", &notes),
        None
    );
}

#[test]
fn long_notes_wrap_to_the_drawing() {
    // A phone-width chart: 360 wide, so about 28 ems of 12 px per line.
    let narrow = CHART.replace("800", "360");
    let english = "Camera Modules — base share: 24.00% – 36.00% around 30.00%, ±20% of the value (the stated default)".to_string();
    let chinese =
        "摄像头模块 — 基准份额：24.00% – 36.00%，以 30.00% 为中心，宽度为数值的 ±20%（默认值）"
            .to_string();
    let out = svg_with_notes(&narrow, &[english.clone(), chinese.clone()]).unwrap();
    let lines = texts(&out);
    assert!(lines.len() >= 5, "{lines:?}");
    for line in &lines {
        let ems: f64 = line
            .chars()
            .map(|c| if u32::from(c) >= 0x2E80 { 1.0 } else { 0.56 })
            .sum();
        assert!(ems <= (360.0 - 16.0) / 12.0 + 1e-9, "{line}");
    }
    // Nothing lost: the lines put back together are the notes (English broken at spaces).
    let joined: String = lines.concat();
    let squeeze = |s: &str| s.replace(' ', "");
    assert_eq!(squeeze(&joined), squeeze(&(english + &chinese)));
}
