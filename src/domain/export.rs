//! Data exports: CSV and JSON of what the explorer computes, every value with its provenance.
//!
//! Three scopes:
//! - [`ExportScope::Headline`]: the headline series' source points (reported values *and*
//!   bounds), its published path and its path under the reader's scenario. A report without a
//!   headline forecast (a plan) gives its first series' source points and its projections.
//! - [`ExportScope::Segments`]: every member (at every depth) of every dimension under the
//!   scenario, and the total of each bottom-up dimension (a top-down total is the headline).
//! - [`ExportScope::Report`]: all of it: every series' source points, the headline paths, the
//!   segments and the plan projections.
//!
//! **CSV** (RFC 4180): a header `series,year,value,unit,provenance,scenario`, one row per
//! series × year, CRLF line ends, fields with a comma, quote, CR or LF quoted (quotes doubled).
//! `series` is a readable name in the chosen language ("Type / Camera Modules",
//! "Modular Smartphone Leasing Market (published)"); `year` is the calendar year, or for a plan
//! projection the period as `<cadence> <n>` ("month 12"); `value` is plain decimal in absolute
//! units (2500000000, not 2.5 bn; no thousands separators, no exponent; Rust's shortest form,
//! which reads back to the same double); `unit` is the ISO currency code, the counted noun, or
//! `fraction` for rates and shares (0.13 = 13%); `provenance` is one of `reported`,
//! `bound:lower`, `bound:upper`, `derived`, `assumption`, `scenario` (always English: it is a
//! code for machines, like the unit codes), and for an interval of the source ("900多亿": at
//! least 900亿, below 1000亿) the lower bound's code with the top after a semicolon,
//! `bound:lower;upper=100000000000`; `scenario` names the scenario a computed row
//! belongs to: `published` for the published path, the reader's scenario name for rows
//! computed under it, empty for the source's own points.
//!
//! **JSON**: the same series with stable ids (`market/published`, `geography/north-america/us`; an
//! interval's point has `provenance` `bound:lower` and its top in `upper`), the report's metadata
//! and the scenario (rate in force, changed values), written with serde_json (pretty, two-space
//! indentation, fields in a fixed order). Numbers are serde_json's shortest round-trip form
//! (`2500000000.0`, `1e-7`); JSON has no NaN or infinity, so such a value (the engine never gives
//! one) is written as `null`.
//!
//! A dimension or projection the engine cannot compute is left out and named in
//! [`Export::skipped`] (and in the JSON's `skipped`); the headline failing is an error value.
//!
//! Charts are exported as SVG and PNG by the browser edge; [`svg_with_notes`] adds, under the
//! drawing, what the picture alone does not say (the ranges a Monte Carlo fan sampled).

use super::engine::error::{EngineError, EngineResult};
use super::engine::model::{compute, Computed, DimensionResult, PathPoint};
use super::format::{pick, Locale};
use super::scenario::Scenario;
use super::schema::*;
use serde::Serialize;
use std::collections::BTreeMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportScope {
    Headline,
    Segments,
    Report,
}

impl ExportScope {
    pub fn id(self) -> &'static str {
        match self {
            ExportScope::Headline => "headline",
            ExportScope::Segments => "segments",
            ExportScope::Report => "report",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct ExportOptions {
    /// Language of series names and counted nouns.
    pub locale: Locale,
    /// The reader's scenario as named in the `scenario` column ("published" when unmodified,
    /// a saved scenario's name, "custom" …).
    pub scenario_name: String,
    /// Start the CSV with a UTF-8 byte order mark, so Excel reads Chinese names as UTF-8
    /// (off by default: the file is then plain RFC 4180 text).
    pub bom: bool,
}

/// Where a value sits in time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    Year(i32),
    /// Period `index` (0 = start) of a plan projection.
    Step {
        cadence: Cadence,
        index: u32,
    },
}

impl Period {
    /// The CSV form: "2025", "month 12".
    pub fn label(self) -> String {
        match self {
            Period::Year(y) => y.to_string(),
            Period::Step { cadence, index } => format!("{} {index}", cadence.id()),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SeriesKind {
    /// Values as the source gives them (reported and bounds).
    Source,
    /// The headline path at the published rate.
    Published,
    /// The headline path under the reader's scenario.
    Scenario,
    /// A segment of a dimension under the reader's scenario.
    Segment,
    /// The sum of a bottom-up dimension's top-level segments.
    DimensionTotal,
    /// A plan projection under the reader's scenario.
    Projection,
}

impl SeriesKind {
    pub fn id(self) -> &'static str {
        match self {
            SeriesKind::Source => "source",
            SeriesKind::Published => "published",
            SeriesKind::Scenario => "scenario",
            SeriesKind::Segment => "segment",
            SeriesKind::DimensionTotal => "total",
            SeriesKind::Projection => "projection",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ExportPoint {
    pub period: Period,
    pub value: f64,
    pub provenance: Provenance,
    pub bound: Option<BoundSide>,
    /// An interval's top ("900多": below 1000), on a lower bound of the source.
    pub upper: Option<f64>,
}

impl ExportPoint {
    /// `reported`, `bound:lower`, … (see the module docs).
    pub fn provenance_code(&self) -> &'static str {
        match (self.provenance, self.bound) {
            (Provenance::Reported, _) => "reported",
            (Provenance::Bound, Some(BoundSide::Lower)) => "bound:lower",
            (Provenance::Bound, Some(BoundSide::Upper)) => "bound:upper",
            (Provenance::Bound, None) => "bound",
            (Provenance::Derived, _) => "derived",
            (Provenance::Assumption, _) => "assumption",
            (Provenance::Scenario, _) => "scenario",
        }
    }

    /// The CSV's `provenance` field: [`provenance_code`](Self::provenance_code), and for an
    /// interval its top: `bound:lower;upper=100000000000` (at least the value, below the top).
    pub fn csv_provenance(&self) -> String {
        match self.upper {
            Some(upper) if upper.is_finite() => {
                format!("{};upper={}", self.provenance_code(), plain_number(upper))
            }
            _ => self.provenance_code().to_string(),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct ExportSeries {
    /// Stable id: `market/source`, `type/camera-modules`, `geography/north-america/us`,
    /// `leasing/total`, `projection/active-users`.
    pub id: String,
    /// Readable name in the export's language.
    pub name: String,
    pub kind: SeriesKind,
    /// Unit code (see the module docs).
    pub unit: String,
    /// The `scenario` column: "published", the reader's scenario name, or empty.
    pub scenario: String,
    pub points: Vec<ExportPoint>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Export {
    pub scope: ExportScope,
    pub series: Vec<ExportSeries>,
    /// Dimensions or projections left out: (id, why).
    pub skipped: Vec<(String, EngineError)>,
}

/// The words that qualify a series name, in each language.
fn word(kind: SeriesKind, locale: Locale) -> &'static str {
    match (kind, locale) {
        (SeriesKind::Source, Locale::En) => "source",
        (SeriesKind::Source, Locale::ZhHans) => "来源",
        (SeriesKind::Source, Locale::ZhHant) => "來源",
        (SeriesKind::Published, Locale::En) => "published",
        (SeriesKind::Published, _) => "公布",
        (SeriesKind::Scenario, Locale::En) => "scenario",
        (SeriesKind::Scenario, Locale::ZhHans) => "情景",
        (SeriesKind::Scenario, Locale::ZhHant) => "情境",
        (SeriesKind::DimensionTotal, Locale::En) => "total",
        (SeriesKind::DimensionTotal, Locale::ZhHans) => "合计",
        (SeriesKind::DimensionTotal, Locale::ZhHant) => "合計",
        (SeriesKind::Segment | SeriesKind::Projection, _) => "",
    }
}

fn unit_code(unit: &Unit, locale: Locale) -> String {
    match unit {
        Unit::Currency(code) => code.clone(),
        Unit::Count(noun) => super::format::noun(noun, locale).to_string(),
        Unit::Percent => "fraction".to_string(),
        Unit::Number => String::new(),
    }
}

fn qualified(name: &str, kind: SeriesKind, locale: Locale) -> String {
    format!("{name} ({})", word(kind, locale))
}

/// Everything a scope exports, computed under `scenario`.
pub fn collect(
    report: &Report,
    scenario: &Scenario,
    scope: ExportScope,
    options: &ExportOptions,
) -> EngineResult<Export> {
    let computed = compute(report, scenario)?;
    let locale = options.locale;
    let mut out = Export {
        scope,
        series: Vec::new(),
        skipped: Vec::new(),
    };
    let wants_headline = matches!(scope, ExportScope::Headline | ExportScope::Report);
    if wants_headline {
        headline(report, &computed, options, scope, &mut out)?;
    }
    if matches!(scope, ExportScope::Segments | ExportScope::Report) {
        for (dim, result) in report.dimensions.iter().zip(&computed.dimensions) {
            match result {
                Ok(d) => segments(dim, d, report, options, &mut out),
                Err(e) => out.skipped.push((dim.id.clone(), *e)),
            }
        }
    }
    let wants_projections = scope == ExportScope::Report
        || (scope == ExportScope::Headline && report.forecast.is_none());
    if wants_projections {
        for (p, result) in report.projections.iter().zip(&computed.projections) {
            let r = match result {
                Ok(r) => r,
                Err(e) => {
                    out.skipped.push((format!("projection/{}", p.id), *e));
                    continue;
                }
            };
            let unit = report
                .assumptions
                .iter()
                .find(|a| a.id == p.start)
                .map_or(String::new(), |a| unit_code(&a.unit, locale));
            let provenance = if scenario.values.contains_key(&p.start)
                || scenario.values.contains_key(&p.rate)
            {
                Provenance::Scenario
            } else {
                Provenance::Assumption
            };
            out.series.push(ExportSeries {
                id: format!("projection/{}", p.id),
                name: pick(&p.label, locale).0.to_string(),
                kind: SeriesKind::Projection,
                unit,
                scenario: options.scenario_name.clone(),
                points: (0u32..)
                    .zip(&r.values)
                    .map(|(index, &value)| ExportPoint {
                        period: Period::Step {
                            cadence: p.cadence,
                            index,
                        },
                        value,
                        // The start is an assumption too; every point follows from it.
                        provenance,
                        bound: None,
                        upper: None,
                    })
                    .collect(),
            });
        }
    }
    Ok(out)
}

fn source_series(s: &Series, locale: Locale) -> ExportSeries {
    ExportSeries {
        id: format!("{}/source", s.id),
        name: qualified(pick(&s.name, locale).0, SeriesKind::Source, locale),
        kind: SeriesKind::Source,
        unit: unit_code(&s.unit, locale),
        scenario: String::new(),
        points: s
            .points
            .iter()
            .map(|p| ExportPoint {
                period: Period::Year(p.year),
                value: p.value,
                provenance: p.provenance,
                bound: p.bound,
                upper: p.upper,
            })
            .collect(),
    }
}

fn path_points(points: &[PathPoint]) -> Vec<ExportPoint> {
    points
        .iter()
        .map(|p| ExportPoint {
            period: Period::Year(p.year),
            value: p.value,
            provenance: p.provenance,
            bound: None,
            upper: None,
        })
        .collect()
}

fn headline(
    report: &Report,
    computed: &Computed,
    options: &ExportOptions,
    scope: ExportScope,
    out: &mut Export,
) -> EngineResult<()> {
    let locale = options.locale;
    let main_id = report
        .forecast
        .as_ref()
        .map(|f| f.series.clone())
        .or_else(|| report.series.first().map(|s| s.id.clone()));
    // The headline's own source points first; the whole report adds every other series.
    for s in &report.series {
        let is_main = main_id.as_deref() == Some(s.id.as_str());
        if is_main || scope == ExportScope::Report {
            out.series.push(source_series(s, locale));
        }
        if is_main {
            if let Some(h) = &computed.headline {
                let published = compute(report, &Scenario::published())?
                    .headline
                    .ok_or(EngineError::Empty)?;
                let name = pick(&s.name, locale).0;
                out.series.push(ExportSeries {
                    id: format!("{}/published", s.id),
                    name: qualified(name, SeriesKind::Published, locale),
                    kind: SeriesKind::Published,
                    unit: unit_code(&s.unit, locale),
                    scenario: "published".to_string(),
                    points: path_points(&published.points),
                });
                out.series.push(ExportSeries {
                    id: format!("{}/scenario", s.id),
                    name: qualified(name, SeriesKind::Scenario, locale),
                    kind: SeriesKind::Scenario,
                    unit: unit_code(&s.unit, locale),
                    scenario: options.scenario_name.clone(),
                    points: path_points(&h.points),
                });
            }
        }
    }
    Ok(())
}

/// Names of members along the tree, by id ("north-america" → ["North America"]).
fn member_path(
    members: &[Member],
    id: &str,
    locale: Locale,
    path: &mut Vec<(String, String)>,
) -> bool {
    for m in members {
        path.push((m.id.clone(), pick(&m.name, locale).0.to_string()));
        if m.id == id || member_path(&m.children, id, locale, path) {
            return true;
        }
        path.pop();
    }
    false
}

fn segments(
    dim: &Dimension,
    d: &DimensionResult,
    report: &Report,
    options: &ExportOptions,
    out: &mut Export,
) {
    let locale = options.locale;
    let dim_name = pick(&dim.name, locale).0;
    let unit = report
        .forecast
        .as_ref()
        .and_then(|f| report.series.iter().find(|s| s.id == f.series))
        .map_or(String::new(), |s| unit_code(&s.unit, locale));
    let points = |values: &[f64]| -> Vec<ExportPoint> {
        d.years
            .iter()
            .zip(values)
            .map(|(&year, &value)| ExportPoint {
                period: Period::Year(year),
                value,
                provenance: d.provenance,
                bound: None,
                upper: None,
            })
            .collect()
    };
    for row in &d.rows {
        let mut path = Vec::new();
        member_path(&dim.members, &row.member, locale, &mut path);
        let id = std::iter::once(dim.id.as_str())
            .chain(path.iter().map(|(id, _)| id.as_str()))
            .collect::<Vec<_>>()
            .join("/");
        let name = std::iter::once(dim_name)
            .chain(path.iter().map(|(_, name)| name.as_str()))
            .collect::<Vec<_>>()
            .join(" / ");
        out.series.push(ExportSeries {
            id,
            name,
            kind: SeriesKind::Segment,
            unit: unit.clone(),
            scenario: options.scenario_name.clone(),
            points: points(&row.values),
        });
    }
    if d.mode == ReconcileMode::BottomUp {
        out.series.push(ExportSeries {
            id: format!("{}/total", dim.id),
            name: qualified(dim_name, SeriesKind::DimensionTotal, locale),
            kind: SeriesKind::DimensionTotal,
            unit,
            scenario: options.scenario_name.clone(),
            points: points(&d.total),
        });
    }
}

// ---- CSV -----------------------------------------------------------------------------------

/// The CSV header row's fields.
pub const CSV_HEADER: [&str; 6] = ["series", "year", "value", "unit", "provenance", "scenario"];

/// One text field, quoted when it holds a comma, quote, CR or LF (RFC 4180). Text that a
/// spreadsheet would take for a formula (starting with `=`, `+`, `-`, `@`, a tab or a CR) is
/// neutralised with a leading `'`: report names now come from readers' own files. Numbers are
/// written by [`plain_number`], never through here, so they stay numbers.
pub fn csv_field(text: &str) -> String {
    let text = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    };
    if text.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

/// A value in plain decimal: Rust's shortest round-trip form, which never uses an exponent.
/// (The engine never gives NaN or infinity; were one to arrive, the field is left empty.)
pub fn plain_number(value: f64) -> String {
    if value.is_finite() {
        value.to_string()
    } else {
        String::new()
    }
}

impl Export {
    /// The CSV text (see the module docs).
    pub fn to_csv(&self, bom: bool) -> String {
        let mut out = if bom {
            "\u{feff}".to_string()
        } else {
            String::new()
        };
        out.push_str(&CSV_HEADER.join(","));
        out.push_str("\r\n");
        for s in &self.series {
            let (series, unit, scenario) = (
                csv_field(&s.name),
                csv_field(&s.unit),
                csv_field(&s.scenario),
            );
            for p in &s.points {
                let fields = [
                    series.as_str(),
                    &csv_field(&p.period.label()),
                    &plain_number(p.value),
                    unit.as_str(),
                    &p.csv_provenance(),
                    scenario.as_str(),
                ];
                out.push_str(&fields.join(","));
                out.push_str("\r\n");
            }
        }
        out
    }

    /// The JSON text: report metadata, the scenario, the series and what was skipped.
    pub fn to_json(&self, report: &Report, scenario: &Scenario, options: &ExportOptions) -> String {
        let locale = options.locale;
        let t = |text: &'_ LocalText| pick(text, locale).0.to_string();
        let m = &report.meta;
        let published = super::engine::model::published_rate(report)
            .ok()
            .map(|p| p.rate);
        let file = DataFile {
            format: "report-explorer/data",
            version: 1,
            scope: self.scope.id(),
            report: ReportOut {
                id: &report.id,
                kind: match report.kind {
                    ReportKind::Market => "market",
                    ReportKind::Plan => "plan",
                },
                title: t(&m.title),
                publisher: t(&m.publisher),
                code: m.code.as_deref(),
                region: t(&m.region),
                currency: &m.currency,
                base_year: m.base_year,
                history: RangeOut::from(&m.history),
                forecast: RangeOut::from(&m.forecast),
                source_file: &m.source_file,
            },
            scenario: ScenarioOut {
                name: &options.scenario_name,
                modified: !scenario.is_published(),
                published_rate: published.and_then(finite),
                headline_rate: scenario.headline_rate.or(published).and_then(finite),
                values: scenario
                    .values
                    .iter()
                    .map(|(k, &v)| (k.as_str(), finite(v)))
                    .collect(),
            },
            series: self
                .series
                .iter()
                .map(|s| SeriesOut {
                    id: &s.id,
                    name: &s.name,
                    kind: s.kind.id(),
                    unit: &s.unit,
                    scenario: &s.scenario,
                    points: s.points.iter().map(PointOut::from).collect(),
                })
                .collect(),
            skipped: self
                .skipped
                .iter()
                .map(|(id, e)| SkippedOut {
                    id,
                    reason: e.to_string(),
                })
                .collect(),
        };
        // Only string keys and plain values: serialising cannot fail.
        let mut text = serde_json::to_string_pretty(&file).unwrap_or_default();
        text.push('\n');
        text
    }
}

// ---- JSON ----------------------------------------------------------------------------------

/// A value as JSON allows it: `None` (written `null`) for NaN or an infinity.
fn finite(value: f64) -> Option<f64> {
    value.is_finite().then_some(value)
}

/// The JSON export; fields are written in declaration order.
#[derive(Serialize)]
struct DataFile<'a> {
    format: &'static str,
    version: u32,
    scope: &'static str,
    report: ReportOut<'a>,
    scenario: ScenarioOut<'a>,
    series: Vec<SeriesOut<'a>>,
    skipped: Vec<SkippedOut<'a>>,
}

#[derive(Serialize)]
struct ReportOut<'a> {
    id: &'a str,
    kind: &'static str,
    title: String,
    publisher: String,
    code: Option<&'a str>,
    region: String,
    currency: &'a str,
    base_year: i32,
    history: RangeOut,
    forecast: RangeOut,
    source_file: &'a str,
}

#[derive(Serialize)]
struct RangeOut {
    from: i32,
    to: i32,
}

impl From<&YearRange> for RangeOut {
    fn from(r: &YearRange) -> Self {
        RangeOut {
            from: r.from,
            to: r.to,
        }
    }
}

#[derive(Serialize)]
struct ScenarioOut<'a> {
    name: &'a str,
    modified: bool,
    published_rate: Option<f64>,
    headline_rate: Option<f64>,
    values: BTreeMap<&'a str, Option<f64>>,
}

#[derive(Serialize)]
struct SeriesOut<'a> {
    id: &'a str,
    name: &'a str,
    kind: &'static str,
    unit: &'a str,
    scenario: &'a str,
    points: Vec<PointOut>,
}

/// A point: `year` for a calendar year, or `period` and `cadence` for a plan projection.
#[derive(Serialize)]
struct PointOut {
    #[serde(skip_serializing_if = "Option::is_none")]
    year: Option<i32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    period: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    cadence: Option<&'static str>,
    value: Option<f64>,
    provenance: &'static str,
    /// An interval's top (the value is at least `value` and below `upper`).
    #[serde(skip_serializing_if = "Option::is_none")]
    upper: Option<f64>,
}

impl From<&ExportPoint> for PointOut {
    fn from(p: &ExportPoint) -> Self {
        let (year, period, cadence) = match p.period {
            Period::Year(y) => (Some(y), None, None),
            Period::Step { cadence, index } => (None, Some(index), Some(cadence.id())),
        };
        PointOut {
            year,
            period,
            cadence,
            value: finite(p.value),
            provenance: p.provenance_code(),
            upper: p.upper.and_then(finite),
        }
    }
}

#[derive(Serialize)]
struct SkippedOut<'a> {
    id: &'a str,
    reason: String,
}

/// Why an export could not be made or offered (the interface words it: `i18n::errors`).
#[derive(Debug, Clone, PartialEq)]
pub enum ExportFailure {
    /// The figures could not be computed under the scenario.
    Engine(EngineError),
    /// The page could not offer the file (no document, or the browser refused the link).
    NoPage,
    /// The chart to export is not on the page.
    ChartMissing,
}

impl From<EngineError> for ExportFailure {
    fn from(e: EngineError) -> Self {
        ExportFailure::Engine(e)
    }
}

/// The CSV export of a scope under a scenario.
pub fn csv(
    report: &Report,
    scenario: &Scenario,
    scope: ExportScope,
    options: &ExportOptions,
) -> EngineResult<String> {
    Ok(collect(report, scenario, scope, options)?.to_csv(options.bom))
}

/// The JSON export of a scope under a scenario.
pub fn json(
    report: &Report,
    scenario: &Scenario,
    scope: ExportScope,
    options: &ExportOptions,
) -> EngineResult<String> {
    Ok(collect(report, scenario, scope, options)?.to_json(report, scenario, options))
}

/// A download name: `smartphone-leasing-headline.csv`. Characters other than ASCII letters,
/// digits, `-` and `_` become `-`.
pub fn file_name(report: &Report, scope: ExportScope, extension: &str) -> String {
    format!("{}-{}.{extension}", safe_id(&report.id), scope.id())
}

/// A file name part from a report id: ASCII letters, digits, `-` and `_`, anything else `-`
/// (data files and chart images name their report alike).
pub fn safe_id(id: &str) -> String {
    id.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect()
}

// ---- Chart export notes --------------------------------------------------------------------

/// Type size of the notes under an exported chart (the header's small lines are 12 too).
const NOTE_SIZE: f64 = 12.0;
/// Line height of the notes.
const NOTE_LINE: f64 = 16.0;

/// Rough width of a character in ems: CJK and other wide characters fill the em, the rest
/// about half of it (system-ui).
fn char_em(c: char) -> f64 {
    if u32::from(c) >= 0x2E80 {
        1.0
    } else {
        0.56
    }
}

/// Breaks a note into lines of at most `max_em` ems: at the last space that fits, else (CJK,
/// no spaces) anywhere.
fn wrap_note(text: &str, max_em: f64) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut width = 0.0;
    let mut last_space: Option<usize> = None;
    for c in text.chars() {
        let w = char_em(c);
        if width + w > max_em && !line.is_empty() {
            match last_space.filter(|&i| i > 0) {
                Some(i) => {
                    let rest = line.split_off(i);
                    lines.push(line);
                    line = rest.trim_start().to_string();
                }
                None => lines.push(std::mem::take(&mut line)),
            }
            width = line.chars().map(char_em).sum();
            last_space = None;
        }
        if c == ' ' {
            last_space = Some(line.len());
        }
        line.push(c);
        width += w;
    }
    if !line.trim().is_empty() {
        lines.push(line);
    }
    lines
}

/// Text for an XML text node or attribute.
fn xml_escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The value of `name="…"` in an XML start tag.
fn tag_attr<'a>(tag: &'a str, name: &str) -> Option<(usize, &'a str)> {
    let key = format!(" {name}=\"");
    let start = tag.find(&key)? + key.len();
    let len = tag.get(start..)?.find('"')?;
    Some((start, tag.get(start..start + len)?))
}

/// `tag` with the attribute value `old`, found at `at`, replaced by `new`.
fn set_attr(tag: &str, at: usize, old: &str, new: &str) -> Option<String> {
    Some(format!(
        "{}{new}{}",
        tag.get(..at)?,
        tag.get(at + old.len()..)?
    ))
}

/// A chart export (a standalone SVG, as the browser edge makes it) with notes added under the
/// drawing: what the picture alone does not say, such as the ranges a Monte Carlo fan sampled.
/// The root's `viewBox` and `height` grow to make room; each note is wrapped to the drawing's
/// width and escaped; the notes are plain `<text>` with inline presentation attributes (an
/// exported file has no stylesheet). `None` when the SVG has no root `viewBox` of four numbers
/// or no closing tag; no notes give the SVG unchanged.
pub fn svg_with_notes(svg: &str, notes: &[String]) -> Option<String> {
    if notes.is_empty() {
        return Some(svg.to_string());
    }
    let open = svg.find("<svg")?;
    let tag_end = open + svg.get(open..)?.find('>')?;
    let tag = svg.get(open..tag_end)?;
    let (vb_at, vb) = tag_attr(tag, "viewBox")?;
    let v: Vec<f64> = vb
        .split_whitespace()
        .map(str::parse)
        .collect::<Result<_, _>>()
        .ok()?;
    let [x, y, w, h] = <[f64; 4]>::try_from(v).ok()?;
    if ![x, y, w, h].iter().all(|n| n.is_finite()) || w <= 0.0 || h < 0.0 {
        return None;
    }
    let max_em = ((w - 16.0) / NOTE_SIZE).max(10.0);
    let lines: Vec<String> = notes.iter().flat_map(|n| wrap_note(n, max_em)).collect();
    let extra = NOTE_LINE * lines.len() as f64 + 8.0;
    let bottom = y + h;
    let mut texts = String::new();
    for (i, line) in lines.iter().enumerate() {
        texts.push_str(&format!(
            "<text x=\"{}\" y=\"{}\" font-size=\"{NOTE_SIZE}\" font-family=\"system-ui, sans-serif\" \
             fill=\"#1d1f23\">{}</text>",
            x + 8.0,
            bottom + NOTE_LINE * (i + 1) as f64,
            xml_escape(line)
        ));
    }
    // The background the header drew covers the old height: one more for the notes.
    texts = format!(
        "<rect x=\"{x}\" y=\"{bottom}\" width=\"{w}\" height=\"{extra}\" fill=\"#ffffff\"/>{texts}"
    );
    let mut root = set_attr(tag, vb_at, vb, &format!("{x} {y} {w} {}", h + extra))?;
    if let Some((at, old)) = tag_attr(&root, "height") {
        let height: f64 = old.parse().ok()?;
        root = set_attr(&root, at, old, &format!("{}", height + extra))?;
    }
    let close = svg.rfind("</svg>")?;
    if close < tag_end {
        return None;
    }
    Some(format!(
        "{}{root}{}{texts}{}",
        svg.get(..open)?,
        svg.get(tag_end..close)?,
        svg.get(close..)?
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::bundled::load_bundled;

    fn options() -> ExportOptions {
        ExportOptions {
            bom: false,
            locale: Locale::En,
            scenario_name: "custom".into(),
        }
    }

    #[test]
    fn fields_are_quoted_only_when_needed() {
        assert_eq!(csv_field("plain"), "plain");
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_field("two\nlines"), "\"two\nlines\"");
        assert_eq!(plain_number(2.5e9), "2500000000");
        assert_eq!(plain_number(1e-7), "0.0000001");
        assert_eq!(plain_number(f64::NAN), "");
    }

    #[test]
    fn headline_export_has_source_published_and_scenario() {
        let (reports, _) = load_bundled();
        let r = &reports[1];
        let e = collect(r, &Scenario::published(), ExportScope::Headline, &options()).unwrap();
        let kinds: Vec<SeriesKind> = e.series.iter().map(|s| s.kind).collect();
        assert_eq!(
            kinds,
            vec![
                SeriesKind::Source,
                SeriesKind::Published,
                SeriesKind::Scenario
            ]
        );
        let codes: Vec<&str> = e.series[0]
            .points
            .iter()
            .map(|p| p.provenance_code())
            .collect();
        assert_eq!(
            codes,
            vec!["reported", "reported", "bound:lower", "bound:lower"]
        );
        assert_eq!(e.series[1].scenario, "published");
        assert_eq!(e.series[0].scenario, "");
        assert_eq!(e.series[0].unit, "CNY");
    }

    #[test]
    fn plan_headline_is_its_projection() {
        let (reports, _) = load_bundled();
        let r = &reports[2];
        let e = collect(r, &Scenario::published(), ExportScope::Headline, &options()).unwrap();
        let p = e
            .series
            .iter()
            .find(|s| s.kind == SeriesKind::Projection)
            .unwrap();
        assert_eq!(p.points.len(), 37);
        assert_eq!(p.points[12].period.label(), "month 12");
        assert_eq!(p.unit, "users");
    }

    #[test]
    fn safe_ids_keep_ascii_letters_digits_dashes_and_underscores() {
        assert_eq!(safe_id("smartphone-leasing_2"), "smartphone-leasing_2");
        assert_eq!(safe_id("a/b c.d"), "a-b-c-d");
        assert_eq!(safe_id("租赁"), "--");
        assert_eq!(safe_id(""), "");
    }

    #[test]
    fn file_names_are_safe() {
        let (reports, _) = load_bundled();
        let mut r = reports[0].clone();
        assert_eq!(
            file_name(&r, ExportScope::Segments, "csv"),
            "smartphone-leasing-segments.csv"
        );
        r.id = "a/b c".into();
        assert_eq!(
            file_name(&r, ExportScope::Report, "json"),
            "a-b-c-report.json"
        );
    }

    #[test]
    fn json_never_holds_nan_or_infinity() {
        let (reports, _) = load_bundled();
        let r = &reports[0];
        let mut scenario = Scenario::published();
        scenario.values.insert("k".into(), f64::INFINITY);
        let mut e = collect(r, &Scenario::published(), ExportScope::Headline, &options()).unwrap();
        e.series[0].points[0].value = f64::NAN;
        e.series[0].points[1].value = f64::NEG_INFINITY;
        let text = e.to_json(r, &scenario, &options());
        assert!(
            !text.contains("NaN") && !text.contains("Infinity") && !text.contains("1e999"),
            "{text}"
        );
        let doc: serde_json::Value = serde_json::from_str(&text).unwrap();
        let points = &doc["series"][0]["points"];
        assert!(points[0]["value"].is_null() && points[1]["value"].is_null());
        assert_eq!(points[0]["provenance"], "reported");
        assert!(doc["scenario"]["values"]["k"].is_null());
        // Fields come in a fixed order, the format first.
        assert!(text.starts_with("{\n  \"format\": \"report-explorer/data\",\n  \"version\": 1,"));
    }
}
