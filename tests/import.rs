//! Readers import their own CSV/TSV (issue 14): encodings, sniffing, stepped parsing, the
//! report built from it, and every rejection with its row, column and reason. The corpus is in
//! `tests/fixtures/import/` (byte-exact: BOMs, UTF-16, GB18030, CRLF); the 100,000-row file is
//! generated here at run time.
// Native only: fixtures are read from disk and GB18030 is decoded with encoding_rs (in the
// browser, TextDecoder does it).
#![cfg(not(target_arch = "wasm32"))]

use report_explorer::domain::import::*;
use report_explorer::domain::load::parse_report;
use report_explorer::domain::schema::*;
use report_explorer::domain::validate::validate;

fn fixture(name: &str) -> Vec<u8> {
    let path = format!(
        "{}/tests/fixtures/import/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The file's text as the interface gets it: decoded here, or by TextDecoder (encoding_rs).
fn text_of(name: &str) -> String {
    let bytes = fixture(name);
    let detected = detect_encoding(&bytes);
    decode(&bytes, detected).unwrap_or_else(|| {
        assert_eq!(detected.encoding, TextEncoding::Gb18030);
        let (text, _, had_errors) = encoding_rs::GB18030.decode(&bytes);
        assert!(!had_errors, "{name} is not GB18030");
        text.into_owned()
    })
}

struct Imported {
    sniffed: Sniffed,
    table: Table,
    report: Report,
}

fn import_text(name: &str, text: &str) -> Imported {
    let sniffed = sniff(name, text).unwrap_or_else(|e| panic!("sniff: {e}"));
    let table = parse_table(name, text, &sniffed.options).unwrap_or_else(|e| panic!("table: {e}"));
    let report =
        build_report(name, &table, &sniffed.options).unwrap_or_else(|e| panic!("report: {e}"));
    Imported {
        sniffed,
        table,
        report,
    }
}

fn import(name: &str) -> Imported {
    import_text(name, &text_of(name))
}

/// The first error of sniffing and parsing with the guessed options.
fn error_text(name: &str, text: &str) -> ImportError {
    let sniffed = match sniff(name, text) {
        Ok(s) => s,
        Err(e) => return e,
    };
    match parse_table(name, text, &sniffed.options) {
        Ok(table) => panic!("{name} should be rejected, read {table:?}"),
        Err(e) => e,
    }
}

fn error(name: &str) -> ImportError {
    error_text(name, &text_of(name))
}

fn assert_close(got: &[Option<f64>], want: &[f64]) {
    assert_eq!(got.len(), want.len(), "{got:?} vs {want:?}");
    for (g, w) in got.iter().zip(want) {
        let g = g.unwrap_or_else(|| panic!("missing value in {got:?}"));
        assert!(
            (g - w).abs() <= 1e-9 * w.abs().max(1.0),
            "{got:?} vs {want:?}"
        );
    }
}

fn guess(s: &Sniffed, what: GuessKind) -> &str {
    s.guesses
        .iter()
        .find(|g| g.what == what)
        .map(|g| g.detail.as_str())
        .unwrap_or_else(|| panic!("no {what:?} guess in {:?}", s.guesses))
}

fn currency(code: &str) -> Unit {
    Unit::Currency(code.to_string())
}

fn section<'a>(r: &'a Report, title: &str) -> &'a Section {
    r.sections
        .iter()
        .find(|s| s.title.en == title)
        .unwrap_or_else(|| panic!("no section {title:?}"))
}

// ---- Delimiters, decimal separators, quoting ----

#[test]
fn comma_with_quoted_thousands() {
    let i = import("comma.csv");
    let o = &i.sniffed.options;
    assert_eq!(o.delimiter, Delimiter::Comma);
    assert!(o.header && !o.decimal_comma);
    assert_eq!(o.time, 0);
    assert_eq!(o.layout, Layout::Wide { values: vec![1, 2] });
    assert_eq!(o.cadence, Cadence::Year);
    assert_eq!((o.unit.clone(), o.scale), (currency("USD"), 1e6));
    assert_eq!(guess(&i.sniffed, GuessKind::Scale), "million (1e6)");
    assert_eq!(guess(&i.sniffed, GuessKind::Delimiter), "comma");
    assert_eq!(i.sniffed.total_rows, 4);
    assert_eq!(
        i.sniffed.header,
        ["Year", "Revenue (US$ million)", "Profit (US$ million)"]
    );
    assert_eq!(i.sniffed.rows[0], ["2018", "1,200.5", "100"]);
    assert_eq!(i.table.years, [2018, 2019, 2020, 2021]);
    assert_eq!(i.table.series[0].name, "Revenue");
    assert_eq!(i.table.series[1].name, "Profit");
    assert_close(
        &i.table.series[0].values,
        &[1200.5e6, 1350e6, 1500.25e6, 1700e6],
    );
    assert_close(&i.table.series[1].values, &[100e6, 120e6, -30e6, 150e6]);
    // The headline grows: a fitted forecast. A context series may be negative.
    let f = i.report.forecast.as_ref().expect("forecast");
    assert_eq!(f.published_rate, RateSource::Fit);
    assert_eq!(f.anchor_year, 2021);
    assert_eq!(i.report.kind, ReportKind::Market);
    assert_eq!(i.report.meta.currency, "USD");
    assert_eq!(
        i.report.meta.forecast,
        YearRange {
            from: 2022,
            to: 2026
        }
    );
}

#[test]
fn semicolon_with_decimal_comma() {
    let i = import("semicolon_decimal_comma.csv");
    let o = &i.sniffed.options;
    assert_eq!(o.delimiter, Delimiter::Semicolon);
    assert!(o.decimal_comma);
    assert_eq!(guess(&i.sniffed, GuessKind::DecimalComma), "1.234,5");
    assert_eq!((o.unit.clone(), o.scale), (currency("EUR"), 1e6));
    assert_close(
        &i.table.series[0].values,
        &[1234.5e6, 1300.25e6, 1410e6, 1502.5e6],
    );
    assert_close(
        &i.table.series[1].values,
        &[1100.25e6, 1150e6, 1205.5e6, 1250.75e6],
    );
    assert_eq!(i.table.series[0].name, "Umsatz");
}

#[test]
fn headerless_decimal_comma_prefers_the_semicolon() {
    let i = import_text("x.csv", "2019;12,5\n2020;13,5\n2021;14\n");
    let o = &i.sniffed.options;
    assert_eq!(o.delimiter, Delimiter::Semicolon);
    assert!(!o.header && o.decimal_comma);
    assert_eq!(i.sniffed.header, ["Column 1", "Column 2"]);
    assert_close(&i.table.series[0].values, &[12.5, 13.5, 14.0]);
}

#[test]
fn tab_with_yearly_dates_and_a_quoted_tab() {
    let i = import("tab.tsv");
    let o = &i.sniffed.options;
    assert_eq!(o.delimiter, Delimiter::Tab);
    assert_eq!(o.cadence, Cadence::Year);
    // The note column is text, not a series.
    assert_eq!(o.layout, Layout::Wide { values: vec![1] });
    assert_eq!(i.sniffed.rows[0][2], "first\tyear");
    assert_eq!(i.table.years, [2001, 2002, 2003, 2004]);
    assert_close(&i.table.series[0].values, &[10.0, 12.0, 15.0, 18.0]);
}

#[test]
fn the_reader_can_choose_the_delimiter() {
    let text = text_of("comma.csv");
    let s = sniff_with_delimiter("comma.csv", &text, Delimiter::Semicolon).unwrap_err();
    assert_eq!(s.kind, ImportErrorKind::NoTimeColumn);
    let s = sniff_with_delimiter("comma.csv", &text, Delimiter::Comma).unwrap();
    assert_eq!(s.options.delimiter, Delimiter::Comma);
}

// ---- Encodings ----

#[test]
fn utf8_with_bom() {
    let bytes = fixture("bom.csv");
    let d = detect_encoding(&bytes);
    assert_eq!(
        d,
        Detected {
            encoding: TextEncoding::Utf8,
            bom: true
        }
    );
    assert_eq!(d.guess().detail, "utf-8 with BOM");
    let i = import("bom.csv");
    assert_eq!(i.sniffed.header[0], "Year");
    assert_close(&i.table.series[0].values, &[5.0, 6.0, 7.5]);
    // A text that still starts with the BOM reads the same.
    let raw = String::from_utf8(bytes).unwrap();
    assert!(raw.starts_with('\u{feff}'));
    assert_eq!(import_text("bom.csv", &raw).table, i.table);
}

#[test]
fn utf16_le_with_bom_is_excels_unicode_text() {
    let bytes = fixture("utf16le.txt");
    let d = detect_encoding(&bytes);
    assert_eq!(
        d,
        Detected {
            encoding: TextEncoding::Utf16Le,
            bom: true
        }
    );
    assert_eq!(d.encoding.label(), "utf-16le");
    let i = import("utf16le.txt");
    let o = &i.sniffed.options;
    assert_eq!(o.delimiter, Delimiter::Tab);
    assert_eq!(o.scale, 1e4);
    assert!(
        matches!(&o.unit, Unit::Count(n) if n.en == "users" && n.zh_hans.as_deref() == Some("用户"))
    );
    assert_eq!(guess(&i.sniffed, GuessKind::Scale), "万 (1e4)");
    assert_eq!(i.table.series[0].name, "用户");
    assert_close(&i.table.series[0].values, &[30e4, 42e4, 55e4]);
}

#[test]
fn utf16_be_without_bom_by_its_zero_bytes() {
    let d = detect_encoding(&fixture("utf16be.csv"));
    assert_eq!(
        d,
        Detected {
            encoding: TextEncoding::Utf16Be,
            bom: false
        }
    );
    let i = import("utf16be.csv");
    assert_eq!(
        (i.sniffed.options.unit.clone(), i.sniffed.options.scale),
        (Unit::Percent, 0.01)
    );
    // Percentages are stored as fractions.
    assert_close(&i.table.series[0].values, &[0.125, 0.135, 0.15]);
}

#[test]
fn gb18030_long_file_with_a_total_is_parts_of_a_whole() {
    let bytes = fixture("gb18030.csv");
    let d = detect_encoding(&bytes);
    assert_eq!(
        d,
        Detected {
            encoding: TextEncoding::Gb18030,
            bom: false
        }
    );
    assert_eq!(d.encoding.label(), "gb18030");
    assert_eq!(decode(&bytes, d), None, "the browser decodes GB18030");
    let i = import("gb18030.csv");
    let o = &i.sniffed.options;
    assert_eq!(
        o.layout,
        Layout::Long {
            series: 0,
            value: 2
        }
    );
    assert!(o.parts_of_whole);
    assert_eq!(guess(&i.sniffed, GuessKind::PartsOfWhole), "yes");
    assert_eq!((o.unit.clone(), o.scale), (currency("CNY"), 1e8));
    let names: Vec<&str> = i.table.series.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["华东", "华北", "华南", "合计"]);

    let r = &i.report;
    // The total is the headline; the parts are a top-down dimension from their 2021 shares.
    assert_eq!(r.series[0].name.en, "合计");
    assert_eq!(r.forecast.as_ref().unwrap().series, r.series[0].id);
    let d = &r.dimensions[0];
    assert_eq!(d.mode, ReconcileMode::TopDown);
    let shares: Vec<f64> = d.members.iter().map(|m| m.share.default).collect();
    assert_close(
        &shares.iter().map(|s| Some(*s)).collect::<Vec<_>>(),
        &[15.0 / 34.0, 10.0 / 34.0, 9.0 / 34.0],
    );
    assert!(d.members.iter().all(|m| m.growth.is_some()));
    // East grew 10 → 15 over two years: its own fitted rate is about 22% a year.
    let east = d.members[0].growth.unwrap();
    assert!((east.default - 0.2247).abs() < 0.01, "{east:?}");
    assert!(east.min <= east.default && east.default <= east.max);
    assert_eq!(r.meta.source_languages, ["zh"]);
}

#[test]
fn windows_1252_is_decoded_too() {
    let bytes = b"Country,Year,Value\nCura\xE7ao,2001,5\nCura\xE7ao,2002,6\nCaf\xE9,2001,1\nCaf\xE9,2002,2\n";
    let d = detect_encoding(bytes);
    assert_eq!(d.encoding, TextEncoding::Windows1252);
    let text = decode(bytes, d).unwrap();
    let i = import_text("latin.csv", &text);
    assert_eq!(i.table.series[0].name, "Curaçao");
}

// ---- Time ----

#[test]
fn yearly_dates() {
    let i = import("dates_yearly.csv");
    assert_eq!(i.sniffed.options.cadence, Cadence::Year);
    assert_eq!(i.table.years, [2001, 2002, 2003, 2004]);
}

#[test]
fn monthly_values_make_whole_years_only() {
    let i = import("monthly.csv");
    let o = &i.sniffed.options;
    assert_eq!(o.cadence, Cadence::Month);
    assert_eq!(o.aggregate, Aggregate::Sum);
    assert_eq!(guess(&i.sniffed, GuessKind::Aggregate), "sum");
    assert_eq!((o.unit.clone(), o.scale), (currency("USD"), 1e3));
    // 2003 has six months: no year.
    assert_eq!(i.table.years, [2001, 2002]);
    assert_eq!(i.table.incomplete_years, [2003]);
    assert_close(&i.table.series[0].values, &[1266e3, 1410e3]);
    let note = &section(&i.report, "How years were made").summary;
    assert!(
        note.en.contains("2003") && note.en.contains("sum"),
        "{}",
        note.en
    );
    assert!(note.zh_hans.as_deref().unwrap().contains("2003"));

    let mean = ImportOptions {
        aggregate: Aggregate::Mean,
        ..o.clone()
    };
    let t = parse_table("monthly.csv", &text_of("monthly.csv"), &mean).unwrap();
    assert_close(&t.series[0].values, &[105.5e3, 117.5e3]);
    let last = ImportOptions {
        aggregate: Aggregate::Last,
        ..o.clone()
    };
    let t = parse_table("monthly.csv", &text_of("monthly.csv"), &last).unwrap();
    assert_close(&t.series[0].values, &[111e3, 123e3]);
}

#[test]
fn quarterly_in_three_spellings() {
    let i = import("quarterly.csv");
    let o = &i.sniffed.options;
    assert_eq!(o.cadence, Cadence::Quarter);
    assert_eq!((o.unit.clone(), o.scale), (currency("EUR"), 1e6));
    assert_eq!(i.table.years, [2019, 2020, 2021]);
    assert_close(&i.table.series[0].values, &[46e6, 62e6, 78e6]);
}

#[test]
fn chinese_years_and_a_yi_yuan_header() {
    let i = import("wide_yi.csv");
    let o = &i.sniffed.options;
    assert_eq!(o.time, 0);
    assert_eq!((o.unit.clone(), o.scale), (currency("CNY"), 1e8));
    assert_eq!(guess(&i.sniffed, GuessKind::Scale), "亿 (1e8)");
    assert_eq!(guess(&i.sniffed, GuessKind::Unit), "CNY");
    assert_eq!(i.table.years, [2016, 2017, 2018, 2019, 2020]);
    assert_eq!(i.table.series[0].name, "营收");
    assert_close(
        &i.table.series[0].values,
        &[120.5e8, 140e8, 165.25e8, 190e8, 220e8],
    );
    let r = &i.report;
    assert_eq!(r.meta.currency, "CNY");
    assert!(r.forecast.is_some());
    assert!(r.id.starts_with("imported-wide-yi-"), "{}", r.id);
    assert_eq!(r.id.len(), "imported-wide-yi-".len() + 8);
    // The card line is formatted per language.
    assert_eq!(
        r.meta.headline.zh_hans.as_deref(),
        Some("120亿元（2016）→ 220亿元（2020）")
    );
}

// ---- Long files ----

#[test]
fn our_world_in_data_long_file() {
    let i = import("owid_long.csv");
    let o = &i.sniffed.options;
    assert_eq!(
        o.layout,
        Layout::Long {
            series: 0,
            value: 3
        }
    );
    assert_eq!(o.time, 2);
    assert!(!o.parts_of_whole);
    assert_eq!(o.unit, Unit::Number);
    assert_eq!(guess(&i.sniffed, GuessKind::Layout), "long");
    let names: Vec<&str> = i.table.series.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(
        names,
        ["Afghanistan", "Bonaire, Sint Eustatius and Saba", "World"]
    );
    assert_eq!(i.table.years, (2000..=2005).collect::<Vec<_>>());
    // "World" leads; every entity is a series; no breakdown (regions would double count).
    let r = &i.report;
    assert_eq!(r.series[0].name.en, "World");
    assert_eq!(r.series.len(), 3);
    assert!(r.dimensions.is_empty());
    let rate = report_explorer::domain::engine::model::published_rate(r)
        .unwrap()
        .rate;
    assert!((rate - 0.05).abs() < 1e-4, "{rate}");
}

#[test]
fn parts_without_a_total_sum_into_the_headline() {
    let text = "Segment,Year,Sales (US$ bn)\nHardware,2020,6\nSoftware,2020,4\nHardware,2021,6.6\nSoftware,2021,5\nHardware,2022,7.2\nSoftware,2022,6.2\n";
    let s = sniff("seg.csv", text).unwrap();
    assert!(!s.options.parts_of_whole, "no total: not guessed");
    let options = ImportOptions {
        parts_of_whole: true,
        ..s.options
    };
    let table = parse_table("seg.csv", text, &options).unwrap();
    let r = build_report("seg.csv", &table, &options).unwrap();
    assert_eq!(r.series[0].name.en, "Total");
    assert_eq!(r.series[0].points[0].value, 10e9);
    assert!(r.series[0].points[0].note.is_some(), "the sum says so");
    let shares: Vec<f64> = r.dimensions[0]
        .members
        .iter()
        .map(|m| m.share.default)
        .collect();
    assert_close(
        &[Some(shares[0]), Some(shares[1])],
        &[7.2 / 13.4, 6.2 / 13.4],
    );
    assert!(parse_report("seg.json", &serde_json::to_string(&r).unwrap()).is_ok());
}

// ---- Values at or below zero ----

#[test]
fn values_at_or_below_zero_have_no_forecast_and_say_why() {
    let i = import("temperature.csv");
    let r = &i.report;
    assert_eq!(r.forecast, None);
    // Still a market series (history only), not a business plan.
    assert_eq!(r.kind, ReportKind::Market);
    assert!(r.dimensions.is_empty());
    assert_eq!(r.series[0].points[0].value, -0.16);
    let why = &section(r, "Why there is no forecast").summary;
    assert!(
        why.en.contains("above zero") && why.en.contains("-0.16") && why.en.contains("1900"),
        "{}",
        why.en
    );
    assert!(why.zh_hans.as_deref().unwrap().contains("大于零"));
    assert!(why.zh_hant.as_deref().unwrap().contains("大於零"));
    validate("temperature.csv", r).unwrap();
}

// ---- Rejections: row, column, kind ----

#[test]
fn ragged_rows_name_the_row_and_the_missing_cell() {
    let e = error("ragged.csv");
    assert_eq!((e.row, e.column), (Some(3), Some(2)));
    assert_eq!(
        e.kind,
        ImportErrorKind::RaggedRow {
            expected: 2,
            found: 1
        }
    );
    assert_eq!(
        e.to_string(),
        "ragged.csv: row 3, column 2: this row has 1 cell where the first row has 2"
    );
    let e = error_text("extra.csv", "Year,Value\n2001,5\n\n2002,6,7\n2003,8\n");
    assert_eq!(
        (e.row, e.column),
        (Some(4), Some(3)),
        "blank lines count as rows"
    );
    assert_eq!(
        e.kind,
        ImportErrorKind::RaggedRow {
            expected: 2,
            found: 3
        }
    );
    // Empty trailing cells are no raggedness.
    assert!(sniff("t.csv", "Year,Value\n2001,5,\n2002,6,\n")
        .and_then(|s| parse_table("t.csv", "Year,Value\n2001,5,\n2002,6,\n", &s.options))
        .is_ok());
}

#[test]
fn an_empty_file() {
    for (name, text) in [
        ("empty.csv", text_of("empty.csv")),
        ("blank.csv", "\n \n,,\n".to_string()),
    ] {
        let e = error_text(name, &text);
        assert_eq!((e.row, e.column), (None, None));
        assert_eq!(e.kind, ImportErrorKind::Empty);
    }
}

#[test]
fn a_header_and_nothing_else() {
    let e = error("header_only.csv");
    assert_eq!((e.row, e.column), (None, None));
    assert_eq!(e.kind, ImportErrorKind::HeaderOnly);
}

#[test]
fn a_year_twice() {
    let e = error("duplicate_years.csv");
    assert_eq!((e.row, e.column), (Some(4), Some(1)));
    assert_eq!(
        e.kind,
        ImportErrorKind::DuplicatePeriod {
            series: "Value".to_string(),
            period: "2002".to_string()
        }
    );
}

#[test]
fn a_cell_that_is_not_a_number() {
    let e = error("non_numeric.csv");
    assert_eq!((e.row, e.column), (Some(3), Some(2)));
    assert_eq!(
        e.kind,
        ImportErrorKind::NotNumber {
            text: "abc".to_string()
        }
    );
    assert_eq!(
        e.to_string(),
        "non_numeric.csv: row 3, column 2: \"abc\" is not a number"
    );
}

#[test]
fn time_cells_that_are_wrong() {
    let mut text = String::from("Year,Value\n");
    for y in 2001..=2020 {
        text.push_str(&format!("{y},{y}\n"));
    }
    text.push_str("later,1\n");
    let e = error_text("t.csv", &text);
    assert_eq!((e.row, e.column), (Some(22), Some(1)));
    assert_eq!(
        e.kind,
        ImportErrorKind::BadTime {
            text: "later".to_string()
        }
    );

    let e = error_text("old.csv", "Year,Value\n1850,1\n1851,2\n");
    assert_eq!((e.row, e.column), (Some(2), Some(1)));
    assert_eq!(e.kind, ImportErrorKind::YearOutOfRange { year: 1850 });

    let s = sniff("m.csv", "Month,Value\n2001-01,1\n2001-02,2\n").unwrap();
    let e = parse_table("m.csv", "Month,Value\n2001-01,1\n2001,2\n", &s.options).unwrap_err();
    assert_eq!((e.row, e.column), (Some(3), Some(1)));
    assert_eq!(
        e.kind,
        ImportErrorKind::WrongCadence {
            text: "2001".to_string(),
            cadence: Cadence::Month
        }
    );

    let e = error_text("n.csv", "Name,Value\nA,1\nB,2\n");
    assert_eq!(
        (e.row, e.column, e.kind),
        (None, None, ImportErrorKind::NoTimeColumn)
    );

    let e = error_text("wb.csv", "Country,2001,2002,2003\nA,1,2,3\n");
    assert_eq!(
        (e.row, e.kind),
        (Some(1), ImportErrorKind::TimeAcrossColumns)
    );
}

#[test]
fn no_values_not_text_and_undecodable_cells() {
    let e = error_text("v.csv", "Year,Name\n2001,A\n2002,B\n");
    assert_eq!(e.kind, ImportErrorKind::NoValues);
    let e = error_text("book.xlsx", "PK\u{3}\u{4}\u{14}\0\u{6}\0");
    assert_eq!(e.kind, ImportErrorKind::NotText);
    let e = error_text(
        "bad.csv",
        "Country,Year,Value\nA,2001,1\nB\u{fffd},2001,2\n",
    );
    assert_eq!((e.row, e.column), (Some(3), Some(1)));
    assert_eq!(e.kind, ImportErrorKind::Encoding);
    let e = error_text(
        "long.csv",
        "Entity,Year,Value\nA,2001,1\n,2001,2\nA,2002,3\n",
    );
    assert_eq!(
        (e.row, e.column, e.kind),
        (Some(3), Some(1), ImportErrorKind::EmptyName)
    );
}

#[test]
fn options_that_do_not_fit_the_file() {
    let text = text_of("comma.csv");
    let s = sniff("comma.csv", &text).unwrap();
    let wrong = ImportOptions {
        layout: Layout::Wide { values: vec![1, 5] },
        ..s.options.clone()
    };
    let e = parse_table("comma.csv", &text, &wrong).unwrap_err();
    assert_eq!(
        (e.row, e.column, e.kind),
        (Some(1), Some(6), ImportErrorKind::NoSuchColumn)
    );
    let twice = ImportOptions {
        layout: Layout::Wide { values: vec![0, 1] },
        ..s.options.clone()
    };
    let e = parse_table("comma.csv", &text, &twice).unwrap_err();
    assert_eq!((e.column, e.kind), (Some(1), ImportErrorKind::SameColumn));
    let weekly = ImportOptions {
        cadence: Cadence::Week,
        ..s.options
    };
    let e = parse_table("comma.csv", &text, &weekly).unwrap_err();
    assert_eq!(
        e.kind,
        ImportErrorKind::UnsupportedCadence {
            cadence: Cadence::Week
        }
    );
}

// ---- Limits ----

#[test]
fn limits_have_their_own_messages() {
    let e = check_size("big.csv", MAX_BYTES + 1).unwrap_err();
    assert_eq!(
        e.kind,
        ImportErrorKind::TooLarge {
            bytes: MAX_BYTES + 1,
            max: MAX_BYTES
        }
    );
    assert_eq!(
        e.to_string(),
        "big.csv: the file is 32 MB; files up to 32 MB can be imported"
    );
    let big = "1".repeat(MAX_BYTES + 1);
    assert!(matches!(
        sniff("big.csv", &big).unwrap_err().kind,
        ImportErrorKind::TooLarge { .. }
    ));

    let mut rows = String::from("Year,Value\n");
    for _ in 0..=MAX_ROWS {
        rows.push_str("2001,1\n");
    }
    let e = sniff("rows.csv", &rows).unwrap_err();
    assert_eq!(e.kind, ImportErrorKind::TooManyRows { max: MAX_ROWS });
    assert_eq!(e.row, Some(MAX_ROWS + 2));

    let columns = MAX_SERIES + 1;
    let mut wide = String::from("Year");
    for c in 0..columns {
        wide.push_str(&format!(",S{c}"));
    }
    wide.push_str("\n2001");
    for _ in 0..columns {
        wide.push_str(",1");
    }
    wide.push('\n');
    let e = sniff("wide.csv", &wide).unwrap_err();
    assert_eq!(e.kind, ImportErrorKind::TooManySeries { max: MAX_SERIES });
    assert_eq!((e.row, e.column), (Some(1), Some(MAX_SERIES + 2)));

    let mut long = String::from("Entity,Year,Value\n");
    for c in 0..columns {
        long.push_str(&format!("E{c},2001,1\nE{c},2002,1\n"));
    }
    let e = sniff("long.csv", &long).unwrap_err();
    assert_eq!(e.kind, ImportErrorKind::TooManySeries { max: MAX_SERIES });
    assert_eq!((e.row, e.column), (Some(2 * MAX_SERIES + 2), Some(1)));
}

// ---- 100,000 rows in steps ----

fn hundred_thousand_rows() -> String {
    let mut text = String::with_capacity(2_500_000);
    text.push_str("Entity,Month,Value\r\n");
    for e in 0..100 {
        for m in 0..1000 {
            let (y, mo) = (1901 + m / 12, m % 12 + 1);
            text.push_str(&format!(
                "Region {e:03},{y}-{mo:02},{}.{}\r\n",
                100 + e + m,
                m % 10
            ));
        }
    }
    text
}

#[test]
fn a_hundred_thousand_rows_in_steps_equal_one_parse() {
    let text = hundred_thousand_rows();
    let s = sniff("big.csv", &text).unwrap();
    assert_eq!(s.total_rows, 100_000);
    assert_eq!(
        s.options.layout,
        Layout::Long {
            series: 0,
            value: 2
        }
    );
    assert_eq!(s.options.cadence, Cadence::Month);
    assert_eq!(s.rows.len(), 10);

    let mut builder = TableBuilder::new("big.csv", &text, &s.options).unwrap();
    let mut last = 0;
    let mut steps = 0;
    loop {
        let p = builder.step(4096).unwrap();
        steps += 1;
        assert!(
            p.rows_done > last || p.finished,
            "progress must increase: {p:?}"
        );
        assert!(p.rows_total >= p.rows_done, "{p:?}");
        last = p.rows_done;
        if p.finished {
            assert_eq!((p.rows_done, p.rows_total), (100_000, 100_000));
            break;
        }
        assert!(p.rows_done <= steps * 4096);
    }
    assert!(steps >= 25, "{steps} steps");
    let stepped = builder.finish().unwrap();
    let once = parse_table("big.csv", &text, &s.options).unwrap();
    assert_eq!(stepped, once);
    assert_eq!(once.series.len(), 100);
    // 1,000 months: 83 whole years, 1984 has four months.
    assert_eq!(once.years, (1901..=1983).collect::<Vec<_>>());
    assert_eq!(once.incomplete_years, [1984]);
    let r = build_report("big.csv", &once, &s.options).unwrap();
    assert_eq!(r.series.len(), 100);
}

// ---- Round trip ----

#[test]
fn a_report_exported_as_json_imports_back_identical() {
    let files = [
        "comma.csv",
        "semicolon_decimal_comma.csv",
        "tab.tsv",
        "bom.csv",
        "utf16le.txt",
        "utf16be.csv",
        "gb18030.csv",
        "dates_yearly.csv",
        "monthly.csv",
        "quarterly.csv",
        "owid_long.csv",
        "wide_yi.csv",
        "temperature.csv",
    ];
    for name in files {
        let r = import(name).report;
        validate(name, &r).unwrap_or_else(|e| panic!("{e}"));
        let json = serde_json::to_string_pretty(&r).unwrap();
        let back = parse_report(&format!("{}.json", r.id), &json)
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(back, r, "{name}");
        // Texts in three languages; the publisher is the reader.
        for t in [&r.meta.summary, &r.meta.publisher, &r.meta.headline] {
            assert!(t.zh_hans.is_some() && t.zh_hant.is_some(), "{name}: {t:?}");
        }
        assert_eq!(r.meta.publisher.en, "Imported by you");
        assert_eq!(r.meta.source_file, name);
        assert!(r.id.starts_with("imported-"));
    }
}

#[test]
fn the_id_follows_the_content() {
    let a = import("comma.csv").report;
    let b = import("comma.csv").report;
    assert_eq!(a.id, b.id);
    let text = text_of("comma.csv").replace("1,700", "1,701");
    let c = import_text("comma.csv", &text).report;
    assert_ne!(a.id, c.id);
}

#[test]
fn unit_and_scale_from_headers() {
    assert_eq!(unit_from_header("Revenue (亿元)"), (currency("CNY"), 1e8));
    assert_eq!(unit_from_header("GDP, US$ million"), (currency("USD"), 1e6));
    assert_eq!(unit_from_header("Share (%)"), (Unit::Percent, 0.01));
    assert_eq!(unit_from_header("Sales (€ bn)"), (currency("EUR"), 1e9));
    assert_eq!(unit_from_header("收入（千元）"), (currency("CNY"), 1e3));
    assert_eq!(unit_from_header("GDP (十亿美元)"), (currency("USD"), 1e9));
    assert_eq!(unit_from_header("Sales (RMB)"), (currency("CNY"), 1.0));
    assert_eq!(unit_from_header("Temperature anomaly"), (Unit::Number, 1.0));
    let (users, scale) = unit_from_header("Users (万)");
    assert!(matches!(users, Unit::Count(n) if n.en == "users"));
    assert_eq!(scale, 1e4);
}

#[test]
fn a_wide_file_with_a_total_column_is_parts_of_a_whole() {
    let text = "Year,Hardware (US$ m),Software (US$ m),Total (US$ m)\n2020,60,40,100\n2021,63,47,110\n2022,66,55,121\n";
    let i = import_text("wide_total.csv", text);
    assert!(i.sniffed.options.parts_of_whole);
    assert_eq!(guess(&i.sniffed, GuessKind::PartsOfWhole), "yes");
    let r = &i.report;
    assert_eq!(r.series[0].name.en, "Total");
    let d = &r.dimensions[0];
    assert_eq!(d.members.len(), 2);
    assert_close(
        &d.members
            .iter()
            .map(|m| Some(m.share.default))
            .collect::<Vec<_>>(),
        &[66.0 / 121.0, 55.0 / 121.0],
    );
    assert!(parse_report("w.json", &serde_json::to_string(r).unwrap()).is_ok());
}

#[test]
fn excel_sep_line_names_the_delimiter() {
    let i = import_text("sep.csv", "sep=;\r\nYear;Value\r\n2001;1,5\r\n2002;2,5\r\n");
    assert_eq!(i.sniffed.options.delimiter, Delimiter::Semicolon);
    assert_close(&i.table.series[0].values, &[1.5, 2.5]);
    let e = error_text("sep.csv", "sep=;\nYear;Value\n2001;1\n2001;2\n");
    assert_eq!(
        (e.row, e.column),
        (Some(3), Some(1)),
        "the sep line is no row"
    );
}

mod no_panics {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        /// Whatever the text, importing gives a report or an error, never a panic; and a
        /// report passes validation.
        #[test]
        fn any_text(text in "[0-9a-zA-Z,;\t\n\r\" .\\-+%()$€¥年月日季度Q合计/:]{0,160}") {
            if let Ok(s) = sniff("p.csv", &text) {
                let stepped = TableBuilder::new("p.csv", &text, &s.options).and_then(|mut b| {
                    while !b.step(3)?.finished {}
                    b.finish()
                });
                prop_assert_eq!(&stepped, &parse_table("p.csv", &text, &s.options));
                if let Ok(t) = stepped {
                    if let Ok(r) = build_report("p.csv", &t, &s.options) {
                        prop_assert!(validate("p.csv", &r).is_ok());
                    }
                }
            }
        }

        /// CSV-shaped texts (periods of each kind, numbers in either convention, gaps, a
        /// stray word, a bad time, a ragged row, long or wide) reach every stage: a valid
        /// report that survives JSON, or an error with a row and column for cell problems.
        #[test]
        fn csv_shaped_text(
            delimiter in prop::sample::select(vec![",", ";", "\t"]),
            header in any::<bool>(),
            entities in 0..=3usize,
            time_kind in 0..4usize,
            start in prop_oneof![40 => 1995..2030i32, 1 => 1890..1900i32],
            periods in 1..30usize,
            ncols in 1..=3usize,
            comma in any::<bool>(),
            grouped in any::<bool>(),
            cells in proptest::collection::vec(
                (0..100u8, prop_oneof![9 => 0.1f64..5000.0, 1 => -50.0f64..50.0]),
                300,
            ),
            accident in prop::option::weighted(0.1, (0..3u8, 0..90usize)),
        ) {
            let number = |v: f64| {
                let s = format!("{:.2}", v.abs());
                let (int, frac) = s.split_once('.').unwrap();
                let mut int_out = String::new();
                for (i, ch) in int.chars().enumerate() {
                    if grouped && i > 0 && (int.len() - i) % 3 == 0 {
                        int_out.push(if comma { '.' } else { ',' });
                    }
                    int_out.push(ch);
                }
                let sign = if v < 0.0 { "-" } else { "" };
                format!("{sign}{int_out}{}{frac}", if comma { ',' } else { '.' })
            };
            let names = ["A", "B", "Total"];
            let mut text = String::new();
            if header {
                let mut h = vec!["Year", "Value (US$ m)", "B", "C"];
                h.truncate(ncols + 1);
                if entities > 0 {
                    h.insert(0, "Entity");
                }
                text.push_str(&h.join(delimiter));
                text.push('\n');
            }
            let mut row = 0;
            for name in names.iter().take(entities.max(1)) {
                for p in 0..periods {
                    let (year, sub) = (start + (p / 4) as i32, p % 4 + 1);
                    let mut line = vec![match time_kind {
                        0 => (start + p as i32).to_string(),
                        1 => format!("{year}-{sub:02}"),
                        2 => format!("{year}Q{sub}"),
                        _ => format!("{}年", start + p as i32),
                    }];
                    if entities > 0 {
                        line.insert(0, name.to_string());
                    }
                    for c in 0..ncols {
                        let (kind, v) = cells[(row * 3 + c) % cells.len()];
                        line.push(match kind {
                            0..=2 => String::new(),
                            3 => "NA".to_string(),
                            _ => number(v),
                        });
                    }
                    match accident {
                        Some((0, r)) if r == row => {
                            if let Some(last) = line.last_mut() {
                                *last = "abc".to_string();
                            }
                        }
                        Some((1, r)) if r == row => line[usize::from(entities > 0)] = "soon".to_string(),
                        Some((2, r)) if r == row && line.len() > 2 => {
                            line.pop();
                        }
                        _ => {}
                    }
                    let line: Vec<String> = line
                        .into_iter()
                        .map(|c| if c.contains(delimiter) { format!("\"{c}\"") } else { c })
                        .collect();
                    text.push_str(&line.join(delimiter));
                    text.push('\n');
                    row += 1;
                }
            }
            if let Ok(s) = sniff("p.csv", &text) {
                match parse_table("p.csv", &text, &s.options) {
                    Ok(t) => {
                        if let Ok(r) = build_report("p.csv", &t, &s.options) {
                            prop_assert!(validate("p.csv", &r).is_ok());
                            let json = serde_json::to_string(&r).unwrap();
                            let back = parse_report("p.json", &json);
                            prop_assert_eq!(back.as_ref(), Ok(&r));
                        }
                    }
                    Err(e) => {
                        let cell_level = matches!(
                            e.kind,
                            ImportErrorKind::NotNumber { .. }
                                | ImportErrorKind::BadTime { .. }
                                | ImportErrorKind::WrongCadence { .. }
                                | ImportErrorKind::YearOutOfRange { .. }
                                | ImportErrorKind::DuplicatePeriod { .. }
                                | ImportErrorKind::RaggedRow { .. }
                                | ImportErrorKind::EmptyName
                        );
                        prop_assert!(!cell_level || (e.row.is_some() && e.column.is_some()), "{e}");
                    }
                }
            }
        }

        /// Arbitrary bytes detect and decode without a panic.
        #[test]
        fn any_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
            let d = detect_encoding(&bytes);
            let _ = decode(&bytes, d);
        }
    }
}

// ---- What the preview says (i18n::import) ---------------------------------------------------

/// The preview's lines of guesses follow the reader's corrections, not only the sniffer's text;
/// the detected encoding comes first, and pasted text (no encoding) has no such line.
#[test]
fn the_guesses_as_the_preview_lists_them() {
    use report_explorer::i18n::import::guess_lines;
    use report_explorer::i18n::Locale;
    let s = sniff("owid_long.csv", &text_of("owid_long.csv")).expect("sniffed");
    let lines = guess_lines(&s.guesses, &s.options, "utf-8", Locale::En);
    assert_eq!(lines.first().map(String::as_str), Some("Encoding: utf-8"));
    assert!(lines.contains(&"Separator: comma".to_string()), "{lines:?}");
    assert!(
        lines.contains(&"Layout: long: a column names the series".to_string()),
        "{lines:?}"
    );
    assert_eq!(
        lines.iter().filter(|l| l.starts_with("Encoding")).count(),
        1
    );

    let mut corrected = s.options.clone();
    corrected.delimiter = Delimiter::Semicolon;
    corrected.layout = Layout::Wide { values: vec![3] };
    let lines = guess_lines(&s.guesses, &corrected, "—", Locale::ZhHans);
    assert!(!lines.iter().any(|l| l.starts_with("编码")), "{lines:?}");
    assert!(lines.contains(&"分隔符: 分号".to_string()), "{lines:?}");
    assert!(
        lines.contains(&"布局: 宽表：每个序列一列".to_string()),
        "{lines:?}"
    );
}

/// The years a previewed report JSON covers.
#[test]
fn the_years_a_report_covers() {
    use report_explorer::i18n::import::year_span;
    let text = std::fs::read_to_string(format!(
        "{}/docs/example-report.json",
        env!("CARGO_MANIFEST_DIR")
    ))
    .expect("the example report");
    let mut report = parse_report("example.json", &text).expect("valid");
    assert_eq!(year_span(&report), "2024–2030");
    report.series.clear();
    assert_eq!(year_span(&report), "—");
}
