//! The catalogue: the list of report files a deployment offers, as the library reads it.
//!
//! Reports are JSON files in `reports/` beside the app. `scripts/catalogue.sh` (the
//! `catalogue` binary) validates every one of them and writes `reports/index.json`: for each
//! report what a library card needs (titles in every language, publisher, region, currency,
//! period, headline figures, sparkline) plus its file name and a content hash. The app reads
//! the catalogue first and fetches a report's file only when the reader opens it, so the wasm
//! carries no report data and a deployment can list thousands of reports.
//!
//! The catalogue is paged so the first visit stays small however many reports there are:
//! `index.json` holds the first [`PAGE_SIZE`] cards and names the other pages
//! (`index-2.json`, `index-3.json`, …), which the library fetches when the reader pages on or
//! searches.

use super::engine::model::compute;
use super::load::{parse_report, read_json, JsonFailure};
use super::scenario::Scenario;
use super::schema::{LocalText, Point, Provenance, Report, ReportKind, Unit, YearRange};
use super::validate::{Problem, ValidationError};
use serde::{Deserialize, Serialize};

/// `format` of the catalogue files.
pub const FORMAT: &str = "report-explorer/catalogue";
/// The version this build writes and the newest it reads.
pub const VERSION: u32 = 1;
/// Cards per catalogue file.
pub const PAGE_SIZE: usize = 48;
/// The catalogue's first file, relative to the app.
pub const INDEX_PATH: &str = "reports/index.json";
/// The directory of report files, relative to the app.
pub const REPORTS_DIR: &str = "reports";
/// The JSON Schema of the report format, published beside the reports.
pub const SCHEMA_FILE: &str = "report.schema.json";

/// `reports/index.json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Catalogue {
    pub format: String,
    pub version: u32,
    /// How many reports the whole catalogue lists.
    pub total: usize,
    /// The other pages, in order (the first page is `entries` here).
    #[serde(default)]
    pub pages: Vec<PageRef>,
    /// Distinct values the library can filter on, over the whole catalogue.
    #[serde(default)]
    pub facets: Facets,
    pub entries: Vec<CatalogueEntry>,
}

/// Another file of the catalogue.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PageRef {
    pub file: String,
    pub hash: String,
}

/// `reports/index-N.json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CataloguePage {
    pub format: String,
    pub version: u32,
    pub entries: Vec<CatalogueEntry>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Facets {
    #[serde(default)]
    pub kinds: Vec<ReportKind>,
    #[serde(default)]
    pub regions: Vec<LocalText>,
    #[serde(default)]
    pub currencies: Vec<String>,
}

/// What the library shows for one report, and where its file is.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CatalogueEntry {
    pub id: String,
    pub kind: ReportKind,
    /// File name inside `reports/`.
    pub file: String,
    /// Hash of the file's bytes: part of the URL the app fetches, so caches never serve an
    /// older copy of a report under the same name.
    pub hash: String,
    pub title: LocalText,
    pub publisher: LocalText,
    pub region: LocalText,
    pub currency: String,
    pub history: YearRange,
    pub forecast: YearRange,
    pub headline: LocalText,
    /// The unit of the headline series and its first and last sourced points (reported or
    /// bound), for the "US$2.5 bn (2025) → US$6.1 bn (2032)" line.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub headline_unit: Option<Unit>,
    #[serde(default)]
    pub headline_points: Vec<Point>,
    /// The published path (or a plan's first projection) as `[x, y]` pairs.
    #[serde(default)]
    pub sparkline: Vec<[f64; 2]>,
    /// Where the sparkline turns from history to forecast.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sparkline_split: Option<f64>,
}

impl CatalogueEntry {
    /// The card of a valid report stored as `file` with the given content hash.
    pub fn of(report: &Report, file: &str, hash: &str) -> Self {
        let m = &report.meta;
        let (headline_unit, headline_points) = match report.series.first() {
            Some(s) => (Some(s.unit.clone()), sourced_ends(&s.points)),
            None => (None, Vec::new()),
        };
        let (sparkline, sparkline_split) = trend(report);
        CatalogueEntry {
            id: report.id.clone(),
            kind: report.kind,
            file: file.to_string(),
            hash: hash.to_string(),
            title: m.title.clone(),
            publisher: m.publisher.clone(),
            region: m.region.clone(),
            currency: m.currency.clone(),
            history: m.history,
            forecast: m.forecast,
            headline: m.headline.clone(),
            headline_unit,
            headline_points,
            sparkline,
            sparkline_split,
        }
    }

    /// The path the app fetches the report from (relative to the app).
    pub fn url(&self) -> String {
        format!(
            "{REPORTS_DIR}/{}?v={}",
            encode_file_name(&self.file),
            self.hash
        )
    }

    /// Whether every word of `query` occurs in the title, publisher, region, currency or id,
    /// in any language (case-insensitive).
    pub fn matches(&self, query: &str) -> bool {
        let haystack = self.search_text();
        query
            .split_whitespace()
            .all(|word| haystack.contains(&word.to_lowercase()))
    }

    fn search_text(&self) -> String {
        let mut out = String::new();
        for text in [&self.title, &self.publisher, &self.region] {
            for t in [Some(&text.en), text.zh_hans.as_ref(), text.zh_hant.as_ref()]
                .into_iter()
                .flatten()
            {
                out.push_str(&t.to_lowercase());
                out.push('\n');
            }
        }
        out.push_str(&self.currency.to_lowercase());
        out.push('\n');
        out.push_str(&self.id.to_lowercase());
        out
    }
}

/// What the reader narrows the library to: words to search for and facet values.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filter {
    pub query: String,
    pub kind: Option<ReportKind>,
    /// A region by its English name.
    pub region: Option<String>,
    pub currency: Option<String>,
}

impl Filter {
    pub fn is_empty(&self) -> bool {
        self.query.trim().is_empty()
            && self.kind.is_none()
            && self.region.is_none()
            && self.currency.is_none()
    }

    pub fn accepts(&self, e: &CatalogueEntry) -> bool {
        self.kind.is_none_or(|k| e.kind == k)
            && self.region.as_ref().is_none_or(|r| e.region.en == *r)
            && self.currency.as_ref().is_none_or(|c| e.currency == *c)
            && e.matches(&self.query)
    }
}

/// Whether two points say the same figure (value, bound and interval), whatever their years.
pub fn same_figure(a: &Point, b: &Point) -> bool {
    a.value == b.value && a.bound == b.bound && a.upper == b.upper
}

/// The first and last points the source gives (reported or bound), without their notes.
pub fn sourced_ends(points: &[Point]) -> Vec<Point> {
    let sourced: Vec<&Point> = points
        .iter()
        .filter(|p| matches!(p.provenance, Provenance::Reported | Provenance::Bound))
        .collect();
    let ends = match (sourced.first(), sourced.last()) {
        (Some(a), Some(b)) if a.year != b.year => vec![*a, *b],
        (Some(a), _) => vec![*a],
        _ => vec![],
    };
    ends.into_iter()
        .map(|p| Point {
            note: None,
            ..p.clone()
        })
        .collect()
}

/// The published path (or a plan's first projection), rounded to four significant digits
/// (a sparkline is 32 pixels high), and the x after which it is forecast (drawn dashed).
fn trend(report: &Report) -> (Vec<[f64; 2]>, Option<f64>) {
    let Ok(c) = compute(report, &Scenario::published()) else {
        return (Vec::new(), None);
    };
    let (points, split): (Vec<[f64; 2]>, Option<f64>) = match (&c.headline, c.projections.first()) {
        (Some(h), _) => (
            h.points
                .iter()
                .map(|p| [f64::from(p.year), p.value])
                .collect(),
            Some(f64::from(h.anchor_year)),
        ),
        // A plan's projection is assumption from its start on: dashed, as its chart draws it.
        (None, Some(Ok(p))) => (
            p.values
                .iter()
                .enumerate()
                .map(|(i, v)| [i as f64, *v])
                .collect(),
            Some(0.0),
        ),
        _ => (Vec::new(), None),
    };
    let points = points
        .into_iter()
        .filter(|[x, y]| x.is_finite() && y.is_finite())
        .map(|[x, y]| [x, round_significant(y, 4)])
        .collect();
    (points, split)
}

fn round_significant(x: f64, digits: i32) -> f64 {
    if x == 0.0 || !x.is_finite() {
        return x;
    }
    let scale = 10f64.powi(digits - 1 - x.abs().log10().floor() as i32);
    let rounded = (x * scale).round() / scale;
    if rounded.is_finite() {
        rounded
    } else {
        x
    }
}

/// A short content hash (FNV-1a, 64 bit) as 16 hex digits: enough to tell versions of a file
/// apart in a cache key; not a security measure.
pub fn content_hash(bytes: &[u8]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}")
}

/// A file name as a URL path segment: anything but letters, digits, `-`, `_` and `.` is
/// percent-encoded (UTF-8), as `encodeURIComponent` does for the service worker's list.
pub fn encode_file_name(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for b in name.bytes() {
        if b.is_ascii_alphanumeric()
            || matches!(
                b,
                b'-' | b'_' | b'.' | b'!' | b'~' | b'*' | b'\'' | b'(' | b')'
            )
        {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Whether a file name in `reports/` is one the catalogue writes (not a report).
pub fn is_catalogue_file(name: &str) -> bool {
    name == "index.json"
        || name == SCHEMA_FILE
        || name
            .strip_prefix("index-")
            .and_then(|rest| rest.strip_suffix(".json"))
            .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// The name of the `n`th catalogue file (1-based).
pub fn page_file(n: usize) -> String {
    if n <= 1 {
        "index.json".to_string()
    } else {
        format!("index-{n}.json")
    }
}

/// The files of a catalogue, ready to write: `(file name, JSON text)`, `index.json` first.
#[derive(Debug, Clone, PartialEq)]
pub struct CatalogueFiles {
    pub files: Vec<(String, String)>,
    /// The reports, in catalogue order.
    pub entries: Vec<CatalogueEntry>,
}

/// Validates every report file (`(file name, text)`) and builds the catalogue. Any invalid
/// file, or two files with one id, fails the whole catalogue with every problem listed, so a
/// partial catalogue is never written. Reports are listed by file name.
pub fn build(files: &[(String, String)]) -> Result<CatalogueFiles, Vec<ValidationError>> {
    let mut sorted: Vec<&(String, String)> = files
        .iter()
        .filter(|(name, _)| !is_catalogue_file(name))
        .collect();
    sorted.sort_by(|a, b| a.0.cmp(&b.0));
    let mut errors = Vec::new();
    let mut entries: Vec<CatalogueEntry> = Vec::new();
    for (name, text) in sorted {
        match parse_report(name, text) {
            Ok(report) => {
                if let Some(other) = entries.iter().find(|e| e.id == report.id) {
                    errors.push(ValidationError {
                        file: name.clone(),
                        path: "id".into(),
                        problem: Problem::IdTaken {
                            id: report.id.clone(),
                            other_file: other.file.clone(),
                        },
                    });
                    continue;
                }
                entries.push(CatalogueEntry::of(
                    &report,
                    name,
                    &content_hash(text.as_bytes()),
                ));
            }
            Err(e) => errors.push(e),
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let chunks: Vec<&[CatalogueEntry]> = if entries.is_empty() {
        vec![&[]]
    } else {
        entries.chunks(PAGE_SIZE).collect()
    };
    let mut out = Vec::new();
    let mut pages = Vec::new();
    for (i, chunk) in chunks.iter().enumerate().skip(1) {
        let page = CataloguePage {
            format: FORMAT.into(),
            version: VERSION,
            entries: chunk.to_vec(),
        };
        let text = to_json(&page);
        let file = page_file(i + 1);
        pages.push(PageRef {
            file: file.clone(),
            hash: content_hash(text.as_bytes()),
        });
        out.push((file, text));
    }
    let index = Catalogue {
        format: FORMAT.into(),
        version: VERSION,
        total: entries.len(),
        pages,
        facets: facets(&entries),
        entries: chunks[0].to_vec(),
    };
    out.insert(0, (page_file(1), to_json(&index)));
    Ok(CatalogueFiles {
        files: out,
        entries,
    })
}

/// Compact JSON (the catalogue is read by the app, not by people) with a final newline.
fn to_json<T: Serialize>(value: &T) -> String {
    // Serialising these plain structs cannot fail (no maps with non-string keys, and every
    // number was checked finite by validation and the trend filter).
    let mut text = serde_json::to_string(value).unwrap_or_default();
    text.push('\n');
    text
}

fn facets(entries: &[CatalogueEntry]) -> Facets {
    let mut f = Facets::default();
    for e in entries {
        if !f.kinds.contains(&e.kind) {
            f.kinds.push(e.kind);
        }
        if !f.regions.contains(&e.region) {
            f.regions.push(e.region.clone());
        }
        if !f.currencies.contains(&e.currency) {
            f.currencies.push(e.currency.clone());
        }
    }
    f.regions.sort_by(|a, b| a.en.cmp(&b.en));
    f.currencies.sort();
    f
}

fn read<T: for<'de> Deserialize<'de>>(file: &str, text: &str) -> Result<T, ValidationError> {
    read_json(text).map_err(|JsonFailure { path, problem }| ValidationError {
        file: file.to_string(),
        path,
        problem: Problem::Json(Box::new(problem)),
    })
}

fn check_format(file: &str, format: &str, version: u32) -> Result<(), ValidationError> {
    let problem = if format != FORMAT {
        Problem::NotCatalogue(format.to_string())
    } else if version > VERSION {
        Problem::NewerCatalogue(version)
    } else {
        return Ok(());
    };
    Err(ValidationError {
        file: file.into(),
        path: String::new(),
        problem,
    })
}

/// Reads `index.json`.
pub fn read_catalogue(file: &str, text: &str) -> Result<Catalogue, ValidationError> {
    let c: Catalogue = read(file, text)?;
    check_format(file, &c.format, c.version)?;
    Ok(c)
}

/// Reads one of the other pages.
pub fn read_page(file: &str, text: &str) -> Result<CataloguePage, ValidationError> {
    let p: CataloguePage = read(file, text)?;
    check_format(file, &p.format, p.version)?;
    Ok(p)
}

/// The JSON Schema of the report format, generated from the schema's types.
#[cfg(not(target_arch = "wasm32"))]
pub fn report_json_schema() -> String {
    let schema = schemars::schema_for!(Report);
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_figure_ignores_the_year_but_not_the_bound() {
        let p = |year, value, bound| Point {
            year,
            value,
            provenance: Provenance::Bound,
            bound,
            upper: None,
            note: None,
        };
        let lower = Some(crate::domain::schema::BoundSide::Lower);
        assert!(same_figure(&p(2023, 5e11, lower), &p(2025, 5e11, lower)));
        assert!(!same_figure(&p(2023, 5e11, lower), &p(2025, 5e11, None)));
        assert!(!same_figure(&p(2023, 5e11, lower), &p(2025, 6e11, lower)));
    }

    #[test]
    fn catalogue_files_are_recognised() {
        for name in ["index.json", "index-2.json", "index-10.json", SCHEMA_FILE] {
            assert!(is_catalogue_file(name), "{name}");
        }
        for name in ["index-.json", "index-a.json", "indexes.json", "x.json"] {
            assert!(!is_catalogue_file(name), "{name}");
        }
    }

    #[test]
    fn rounding_keeps_four_digits() {
        assert_eq!(round_significant(5_876_543_210.0, 4), 5_877_000_000.0);
        assert_eq!(round_significant(0.012345, 4), 0.01235);
        assert_eq!(round_significant(0.0, 4), 0.0);
    }

    #[test]
    fn file_names_are_encoded_like_encode_uri_component() {
        assert_eq!(encode_file_name("a-b_c.json"), "a-b_c.json");
        assert_eq!(
            encode_file_name("my report#1?.json"),
            "my%20report%231%3F.json"
        );
        assert_eq!(encode_file_name("报告.json"), "%E6%8A%A5%E5%91%8A.json");
    }

    #[test]
    fn hashes_differ_by_content() {
        assert_eq!(content_hash(b"a"), content_hash(b"a"));
        assert_ne!(content_hash(b"a"), content_hash(b"b"));
        assert_eq!(content_hash(b"").len(), 16);
    }

    #[test]
    fn search_matches_every_word_in_any_language() {
        let e = CatalogueEntry {
            id: "x".into(),
            kind: ReportKind::Market,
            file: "x.json".into(),
            hash: "0".into(),
            title: LocalText {
                en: "China Call Center Market".into(),
                zh_hans: Some("中国呼叫中心市场".into()),
                zh_hant: None,
            },
            publisher: LocalText::en("ZYDATA"),
            region: LocalText::en("China"),
            currency: "CNY".into(),
            history: YearRange {
                from: 2011,
                to: 2014,
            },
            forecast: YearRange {
                from: 2016,
                to: 2022,
            },
            headline: LocalText::en("h"),
            headline_unit: None,
            headline_points: vec![],
            sparkline: vec![],
            sparkline_split: None,
        };
        assert!(e.matches("call china"));
        assert!(e.matches("呼叫"));
        assert!(e.matches("cny"));
        assert!(!e.matches("call smartphone"));
        let mut f = Filter::default();
        assert!(f.is_empty() && f.accepts(&e));
        f.currency = Some("USD".into());
        assert!(!f.accepts(&e));
        f.currency = Some("CNY".into());
        f.region = Some("China".into());
        f.kind = Some(ReportKind::Market);
        f.query = "呼叫".into();
        assert!(f.accepts(&e));
        f.kind = Some(ReportKind::Plan);
        assert!(!f.accepts(&e));
    }
}
