//! The whole explorer state in a URL query, so that a link reproduces the view.
//!
//! ```text
//! r=smartphone-leasing&v=scenarios&l=en&d=type&y=2030&p=bull&g=0.15
//!   &a.type=camera-modules:s0.31:g0.14,battery-modules:g0.145
//!   &a.start-users=150000&s=42&n=2000&w=1.5&t=0.02
//! ```
//!
//! | key | value |
//! |-----|-------|
//! | `r` | report id |
//! | `v` | view id (the interface maps an id it does not know to its overview) |
//! | `l` | interface language: `en`, `zh-Hans`, `zh-Hant` (other BCP 47 tags are mapped) |
//! | `d` | segment dimension id |
//! | `y` | year of the share chart |
//! | `p` | preset id (`published`, `bear`, `base`, `bull`) |
//! | `g` | the reader's headline CAGR |
//! | `a.<dimension>` | segment assumptions, grouped: `member:s<share>:g<growth>`, members separated by `,` |
//! | `a.<key>` | any other assumption by its full key (`a.start-users=150000`); the long form `a.type.camera-modules.growth=0.14` is accepted too |
//! | `s`, `n` | Monte Carlo seed and number of paths |
//! | `w` | Monte Carlo range width, as a multiple of the default ranges (`1`; `0.25`–`4`) |
//! | `t` | tornado move in rate units (`0.02` = ±2 points) |
//!
//! **Compactness.** The grouped form names each dimension once and each member once, so a link
//! with every one of the smartphone report's 73 assumptions changed stays around 1,600
//! characters, under the 2,000 that every browser, server and chat client keeps.
//!
//! **Numbers** are rounded to 6 significant digits and printed in plain decimal for magnitudes
//! from 10⁻⁴ to 10¹² (`0.15`, `0.135903`, `150000`), beyond that in the shorter of plain and
//! exponent form (`1.5e-9`).
//! Slider values (multiples of their step) therefore survive a link exactly; any other value
//! comes back within a relative 5·10⁻⁶, and re-encoding a decoded state gives the same query.
//!
//! **Escaping.** Every text and key is percent-encoded as UTF-8, keeping only RFC 3986's
//! unreserved characters (`A–Z a–z 0–9 - . _ ~`); `:` and `,` are then free to separate the
//! grouped form. Decoding also reads `+` as a space (HTML form encoding).
//!
//! **Tolerance.** Decoding never fails: an unknown, malformed, repeated (the last one wins) or
//! out-of-range parameter is skipped or clamped and reported as a [`ShareWarning`] naming the
//! key and the reason, while everything valid still applies. [`parse`] checks syntax alone;
//! [`validate`] checks a parsed state against its report (dimension, year, preset, assumption
//! keys and ranges); [`decode`] does both.

use super::engine::monte_carlo::{MAX_PATHS, MAX_WIDTH, MIN_WIDTH};
use super::engine::sensitivity::MAX_POINTS;
use super::format::Locale;
use super::scenario::{assumption_slots, Preset, Scenario};
use super::schema::Report;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

/// Everything a link restores.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ShareState {
    pub report: String,
    pub view: String,
    pub dimension: Option<String>,
    pub year: Option<i32>,
    pub headline_rate: Option<f64>,
    /// Changed assumptions by key (as in [`Scenario::values`]).
    pub values: BTreeMap<String, f64>,
    pub preset: Option<String>,
    pub mc_seed: Option<u64>,
    pub mc_paths: Option<u32>,
    /// Multiplier of the Monte Carlo's default range widths.
    pub mc_width: Option<f64>,
    pub lang: Option<String>,
    pub tornado_points: Option<f64>,
}

impl ShareState {
    /// The scenario the link carries.
    pub fn scenario(&self) -> Scenario {
        Scenario {
            headline_rate: self.headline_rate,
            values: self.values.clone(),
        }
    }

    /// Takes the scenario's headline rate and changed values.
    pub fn set_scenario(&mut self, scenario: &Scenario) {
        self.headline_rate = scenario.headline_rate;
        self.values = scenario.values.clone();
    }
}

/// Why a parameter was skipped or changed.
#[derive(Debug, Clone, PartialEq)]
pub enum ShareIssue {
    /// A key this format does not have.
    UnknownParameter,
    /// A key with no value (`y=` or `y`).
    MissingValue,
    /// A `%` escape that is not two hex digits, or bytes that are not UTF-8.
    BadEncoding,
    /// A value that is not what the key needs (a number, a whole number, `member:s0.3`).
    Malformed(String),
    /// The key appeared before; this later value replaced the earlier one.
    Duplicate,
    /// A language the interface does not speak.
    UnknownLanguage(String),
    /// No `r` parameter: nothing to validate the rest against.
    MissingReport,
    /// `r` names no loaded report; everything that depends on the report was dropped.
    UnknownReport(String),
    UnknownDimension(String),
    UnknownAssumption,
    UnknownPreset(String),
    /// A year outside the report's years (dropped).
    YearOutOfRange {
        year: i32,
        from: i32,
        to: i32,
    },
    /// A headline rate for a report without a headline forecast (dropped).
    NoHeadline,
    /// A value outside its range, replaced by the nearest end of the range.
    Clamped {
        value: f64,
        to: f64,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub struct ShareWarning {
    /// The parameter's key as decoded (`y`, `a.type`), or the assumption key (`type.camera-modules.share`).
    pub key: String,
    pub issue: ShareIssue,
}

impl fmt::Display for ShareWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "`{}`: ", self.key)?;
        match &self.issue {
            ShareIssue::UnknownParameter => write!(f, "unknown parameter, skipped"),
            ShareIssue::MissingValue => write!(f, "no value, skipped"),
            ShareIssue::BadEncoding => write!(f, "invalid percent-encoding, skipped"),
            ShareIssue::Malformed(v) => write!(f, "cannot read `{v}`, skipped"),
            ShareIssue::Duplicate => write!(f, "given more than once, the last one counts"),
            ShareIssue::UnknownLanguage(l) => write!(f, "unknown language `{l}`, skipped"),
            ShareIssue::MissingReport => write!(f, "no report named"),
            ShareIssue::UnknownReport(r) => write!(f, "no report `{r}`"),
            ShareIssue::UnknownDimension(d) => write!(f, "no dimension `{d}`, skipped"),
            ShareIssue::UnknownAssumption => write!(f, "no such assumption, skipped"),
            ShareIssue::UnknownPreset(p) => write!(f, "no preset `{p}`, skipped"),
            ShareIssue::YearOutOfRange { year, from, to } => {
                write!(f, "year {year} is outside {from}–{to}, skipped")
            }
            ShareIssue::NoHeadline => write!(f, "the report has no headline rate, skipped"),
            ShareIssue::Clamped { value, to } => write!(f, "{value} is out of range, set to {to}"),
        }
    }
}

/// A decoded state and what had to be skipped or changed on the way.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Decoded {
    pub state: ShareState,
    pub warnings: Vec<ShareWarning>,
}

// ---- Encoding ------------------------------------------------------------------------------

/// Percent-encodes a text as UTF-8, keeping RFC 3986's unreserved characters.
pub fn encode_component(text: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = String::with_capacity(text.len());
    for &b in text.as_bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            out.push('%');
            out.push(char::from(HEX[usize::from(b >> 4)]));
            out.push(char::from(HEX[usize::from(b & 15)]));
        }
    }
    out
}

/// Decodes `%XX` escapes (and `+` as a space); `None` for a broken escape or non-UTF-8 bytes.
pub fn decode_component(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'%' => {
                let hi = char::from(*bytes.get(i + 1)?).to_digit(16)?;
                let lo = char::from(*bytes.get(i + 2)?).to_digit(16)?;
                out.push((hi * 16 + lo) as u8);
                i += 3;
            }
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            _ => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).ok()
}

/// `x` rounded to 6 significant digits, printed short (see the module docs). Non-finite
/// values have no form in a link: `None`.
pub fn short_number(x: f64) -> Option<String> {
    let y = round6(x)?;
    let plain = y.to_string();
    let exp = format!("{y:e}");
    let a = y.abs();
    Some(
        if a == 0.0 || (1e-4..1e12).contains(&a) || plain.len() <= exp.len() {
            plain
        } else {
            exp
        },
    )
}

/// `x` rounded to 6 significant digits (through its decimal form, so the result is the double
/// nearest that decimal).
pub fn round6(x: f64) -> Option<f64> {
    if !x.is_finite() {
        return None;
    }
    format!("{x:.5e}")
        .parse::<f64>()
        .ok()
        .filter(|y| y.is_finite())
}

/// Splits `dimension.member.share|growth` into its parts, when the key has that shape (no
/// other dots).
fn segment_key(key: &str) -> Option<(&str, &str, char)> {
    let mut parts = key.split('.');
    let (dim, member, field) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || dim.is_empty() || member.is_empty() {
        return None;
    }
    let field = match field {
        "share" => 's',
        "growth" => 'g',
        _ => return None,
    };
    Some((dim, member, field))
}

/// Segment values by dimension, then member: (field letter, printed number).
type Grouped<'a> = BTreeMap<&'a str, BTreeMap<&'a str, Vec<(char, String)>>>;

/// The query for a state, without the leading `?`. Absent and empty fields are left out, and
/// so are non-finite values (they have no form in a link).
pub fn encode(state: &ShareState) -> String {
    let mut params: Vec<String> = Vec::new();
    let mut text = |key: &str, value: &Option<&str>| {
        if let Some(v) = value.filter(|v| !v.is_empty()) {
            params.push(format!("{key}={}", encode_component(v)));
        }
    };
    text("r", &Some(state.report.as_str()));
    text("v", &Some(state.view.as_str()));
    text("l", &state.lang.as_deref());
    text("d", &state.dimension.as_deref());
    if let Some(y) = state.year {
        params.push(format!("y={y}"));
    }
    if let Some(p) = state.preset.as_deref().filter(|p| !p.is_empty()) {
        params.push(format!("p={}", encode_component(p)));
    }
    if let Some(g) = state.headline_rate.and_then(short_number) {
        params.push(format!("g={g}"));
    }
    // Segment assumptions grouped by dimension, then member; others one by one.
    let mut grouped: Grouped = BTreeMap::new();
    let mut plain: Vec<(&str, String)> = Vec::new();
    for (key, &value) in &state.values {
        let Some(number) = short_number(value) else {
            continue;
        };
        match segment_key(key) {
            Some((dim, member, field)) => grouped
                .entry(dim)
                .or_default()
                .entry(member)
                .or_default()
                .push((field, number)),
            None => plain.push((key, number)),
        }
    }
    for (dim, members) in grouped {
        let items: Vec<String> = members
            .into_iter()
            .map(|(member, mut fields)| {
                fields.sort_by_key(|(f, _)| if *f == 's' { 0 } else { 1 });
                let mut item = encode_component(member);
                for (field, number) in fields {
                    item.push(':');
                    item.push(field);
                    item.push_str(&number);
                }
                item
            })
            .collect();
        params.push(format!("a.{}={}", encode_component(dim), items.join(",")));
    }
    for (key, number) in plain {
        params.push(format!("a.{}={number}", encode_component(key)));
    }
    if let Some(s) = state.mc_seed {
        params.push(format!("s={s}"));
    }
    if let Some(n) = state.mc_paths {
        params.push(format!("n={n}"));
    }
    if let Some(w) = state.mc_width.and_then(short_number) {
        params.push(format!("w={w}"));
    }
    if let Some(t) = state.tornado_points.and_then(short_number) {
        params.push(format!("t={t}"));
    }
    params.join("&")
}

// ---- Parsing -------------------------------------------------------------------------------

/// A finite number written with digits, sign, point and exponent only (Rust's parser would
/// also take `NaN` and `inf`).
fn number(text: &str) -> Option<f64> {
    if text.is_empty()
        || !text
            .bytes()
            .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'-' | b'+' | b'e' | b'E'))
    {
        return None;
    }
    text.parse::<f64>().ok().filter(|x| x.is_finite())
}

struct Parser {
    state: ShareState,
    warnings: Vec<ShareWarning>,
    /// Parameters set so far, and assumption keys set so far (two namespaces: an assumption
    /// may be called `n` without clashing with the parameter `n`).
    seen: BTreeSet<String>,
    seen_values: BTreeSet<String>,
}

impl Parser {
    fn warn(&mut self, key: &str, issue: ShareIssue) {
        self.warnings.push(ShareWarning {
            key: key.to_string(),
            issue,
        });
    }

    /// Notes a key as set; a second time is a duplicate (the later value wins).
    fn first_time(&mut self, key: &str) {
        if !self.seen.insert(key.to_string()) {
            self.warn(key, ShareIssue::Duplicate);
        }
    }

    fn set_value(&mut self, key: String, value: f64) {
        if !self.seen_values.insert(key.clone()) {
            self.warn(&key, ShareIssue::Duplicate);
        }
        self.state.values.insert(key, value);
    }

    fn param(&mut self, raw_key: &str, raw_value: Option<&str>) {
        let Some(key) = decode_component(raw_key) else {
            self.warn(raw_key, ShareIssue::BadEncoding);
            return;
        };
        let known = matches!(
            key.as_str(),
            "r" | "v" | "l" | "d" | "y" | "p" | "g" | "s" | "n" | "w" | "t"
        ) || key.starts_with("a.");
        if !known {
            self.warn(&key, ShareIssue::UnknownParameter);
            return;
        }
        let raw_value = match raw_value {
            Some(v) if !v.is_empty() => v,
            _ => {
                self.warn(&key, ShareIssue::MissingValue);
                return;
            }
        };
        if let Some(rest) = key.strip_prefix("a.") {
            self.assumption(&key, rest, raw_value);
            return;
        }
        let Some(value) = decode_component(raw_value) else {
            self.warn(&key, ShareIssue::BadEncoding);
            return;
        };
        let malformed = |p: &mut Parser| p.warn(&key, ShareIssue::Malformed(value.clone()));
        match key.as_str() {
            "r" => {
                self.first_time(&key);
                self.state.report = value.clone();
            }
            "v" => {
                self.first_time(&key);
                self.state.view = value.clone();
            }
            "d" => {
                self.first_time(&key);
                self.state.dimension = Some(value.clone());
            }
            "p" => {
                self.first_time(&key);
                self.state.preset = Some(value.clone());
            }
            "l" => match Locale::from_tag(&value) {
                Some(locale) => {
                    self.first_time(&key);
                    self.state.lang = Some(locale.tag().to_string());
                }
                None => self.warn(&key, ShareIssue::UnknownLanguage(value.clone())),
            },
            "y" => match value.parse::<i32>() {
                Ok(y) => {
                    self.first_time(&key);
                    self.state.year = Some(y);
                }
                Err(_) => malformed(self),
            },
            "s" => match value.parse::<u64>() {
                Ok(s) => {
                    self.first_time(&key);
                    self.state.mc_seed = Some(s);
                }
                Err(_) => malformed(self),
            },
            "n" => match value.parse::<u64>() {
                Ok(n) => {
                    self.first_time(&key);
                    let max = MAX_PATHS as u64;
                    let clamped = n.clamp(1, max);
                    if clamped != n {
                        self.warn(
                            &key,
                            ShareIssue::Clamped {
                                value: n as f64,
                                to: clamped as f64,
                            },
                        );
                    }
                    self.state.mc_paths = u32::try_from(clamped).ok();
                }
                Err(_) => malformed(self),
            },
            "w" => match number(&value) {
                Some(w) => {
                    self.first_time(&key);
                    let clamped = w.clamp(MIN_WIDTH, MAX_WIDTH);
                    if clamped != w {
                        self.warn(
                            &key,
                            ShareIssue::Clamped {
                                value: w,
                                to: clamped,
                            },
                        );
                    }
                    self.state.mc_width = Some(clamped);
                }
                None => malformed(self),
            },
            "g" => match number(&value) {
                Some(g) => {
                    self.first_time(&key);
                    self.state.headline_rate = Some(g);
                }
                None => malformed(self),
            },
            "t" => match number(&value) {
                Some(t) => {
                    self.first_time(&key);
                    // The smallest move a tornado shows is 0.01 points.
                    let clamped = t.clamp(0.0001, MAX_POINTS);
                    if clamped != t {
                        self.warn(
                            &key,
                            ShareIssue::Clamped {
                                value: t,
                                to: clamped,
                            },
                        );
                    }
                    self.state.tornado_points = Some(clamped);
                }
                None => malformed(self),
            },
            _ => self.warn(&key, ShareIssue::UnknownParameter),
        }
    }

    /// `a.<key>=<number>` or the grouped `a.<dimension>=<member>:s<n>:g<n>,…`.
    fn assumption(&mut self, key: &str, rest: &str, raw_value: &str) {
        if rest.is_empty() {
            self.warn(key, ShareIssue::Malformed(raw_value.to_string()));
            return;
        }
        if !raw_value.contains(':') {
            match decode_component(raw_value).as_deref().and_then(number) {
                Some(x) => self.set_value(rest.to_string(), x),
                None => self.warn(key, ShareIssue::Malformed(raw_value.to_string())),
            }
            return;
        }
        for item in raw_value.split(',') {
            let mut parts = item.split(':');
            let member = parts.next().and_then(decode_component);
            let Some(member) = member.filter(|m| !m.is_empty()) else {
                self.warn(key, ShareIssue::Malformed(item.to_string()));
                continue;
            };
            let (mut good, mut bad) = (false, false);
            for field in parts {
                let name = match field.as_bytes().first() {
                    Some(b's') => Some("share"),
                    Some(b'g') => Some("growth"),
                    _ => None,
                };
                // The first byte is ASCII when it names a field, so index 1 is a char boundary.
                match (name, field.get(1..).and_then(number)) {
                    (Some(name), Some(x)) => {
                        good = true;
                        self.set_value(format!("{rest}.{member}.{name}"), x);
                    }
                    _ => bad = true,
                }
            }
            if bad || !good {
                self.warn(key, ShareIssue::Malformed(item.to_string()));
            }
        }
    }
}

/// Reads a query (with or without a leading `?`; a whole URL works too: everything up to the
/// first `?` and from the first `#` is ignored). Syntax only: see [`validate`].
pub fn parse(query: &str) -> Decoded {
    let query = match query.split_once('?') {
        Some((_, q)) => q,
        None => query,
    };
    let query = query.split('#').next().unwrap_or("");
    let mut p = Parser {
        state: ShareState::default(),
        warnings: Vec::new(),
        seen: BTreeSet::new(),
        seen_values: BTreeSet::new(),
    };
    for piece in query.split('&').filter(|s| !s.is_empty()) {
        match piece.split_once('=') {
            Some((k, v)) => p.param(k, Some(v)),
            None => p.param(piece, None),
        }
    }
    Decoded {
        state: p.state,
        warnings: p.warnings,
    }
}

/// Checks a parsed state against its report: unknown dimensions, presets and assumption keys
/// and years outside the report are dropped; a headline rate or assumption value outside its
/// range is clamped. Each change comes with a warning.
pub fn validate(mut state: ShareState, report: &Report) -> Decoded {
    let mut warnings = Vec::new();
    let mut warn = |key: &str, issue| {
        warnings.push(ShareWarning {
            key: key.to_string(),
            issue,
        })
    };
    if let Some(d) = &state.dimension {
        if !report.dimensions.iter().any(|x| x.id == *d) {
            warn("d", ShareIssue::UnknownDimension(d.clone()));
            state.dimension = None;
        }
    }
    if let Some(year) = state.year {
        let from = report.meta.history.from.min(report.meta.base_year);
        let to = report.meta.forecast.to;
        if !(from..=to).contains(&year) {
            warn("y", ShareIssue::YearOutOfRange { year, from, to });
            state.year = None;
        }
    }
    if let Some(p) = &state.preset {
        if !Preset::ALL.iter().any(|x| x.id() == p) {
            warn("p", ShareIssue::UnknownPreset(p.clone()));
            state.preset = None;
        }
    }
    if let Some(g) = state.headline_rate {
        match &report.forecast {
            None => {
                warn("g", ShareIssue::NoHeadline);
                state.headline_rate = None;
            }
            Some(f) => {
                let to = g.max(f.rate_range.min).min(f.rate_range.max);
                if to != g {
                    warn("g", ShareIssue::Clamped { value: g, to });
                    state.headline_rate = Some(to);
                }
            }
        }
    }
    let slots = assumption_slots(report);
    let mut values = BTreeMap::new();
    for (key, value) in std::mem::take(&mut state.values) {
        let Some(slot) = slots.iter().find(|s| s.key == key) else {
            warn(&key, ShareIssue::UnknownAssumption);
            continue;
        };
        let to = value.max(slot.range.min).min(slot.range.max);
        if to != value {
            warn(&key, ShareIssue::Clamped { value, to });
        }
        values.insert(key, to);
    }
    state.values = values;
    Decoded { state, warnings }
}

/// [`parse`] then [`validate`] against the report the query names. When it names none, or one
/// not in `reports`, everything that depends on the report (dimension, year, preset, rate,
/// assumptions) is dropped with the one warning; view, language and tool settings still apply.
pub fn decode(query: &str, reports: &[Report]) -> Decoded {
    let Decoded {
        state,
        mut warnings,
    } = parse(query);
    match reports.iter().find(|r| r.id == state.report) {
        Some(report) => {
            let checked = validate(state, report);
            warnings.extend(checked.warnings);
            Decoded {
                state: checked.state,
                warnings,
            }
        }
        None => {
            let issue = if state.report.is_empty() {
                ShareIssue::MissingReport
            } else {
                ShareIssue::UnknownReport(state.report.clone())
            };
            warnings.push(ShareWarning {
                key: "r".to_string(),
                issue,
            });
            Decoded {
                state: ShareState {
                    dimension: None,
                    year: None,
                    headline_rate: None,
                    values: BTreeMap::new(),
                    preset: None,
                    ..state
                },
                warnings,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::bundled::load_bundled;

    fn example() -> ShareState {
        let mut values = BTreeMap::new();
        values.insert("type.camera-modules.growth".to_string(), 0.14);
        values.insert("type.camera-modules.share".to_string(), 0.31);
        values.insert("type.battery-modules.growth".to_string(), 0.145);
        ShareState {
            report: "smartphone-leasing".into(),
            view: "scenarios".into(),
            lang: Some("en".into()),
            headline_rate: Some(0.15),
            values,
            ..Default::default()
        }
    }

    #[test]
    fn encodes_the_documented_form() {
        assert_eq!(
            encode(&example()),
            "r=smartphone-leasing&v=scenarios&l=en&g=0.15\
             &a.type=battery-modules:g0.145,camera-modules:s0.31:g0.14"
        );
        let d = parse(&encode(&example()));
        assert_eq!(d.state, example());
        assert!(d.warnings.is_empty());
    }

    #[test]
    fn long_form_keys_and_full_urls_are_read() {
        let d = parse(
            "https://x.example/app/?r=smartphone-leasing&a.type.camera-modules.growth=0.14#top",
        );
        assert_eq!(d.state.values["type.camera-modules.growth"], 0.14);
        assert_eq!(d.state.report, "smartphone-leasing");
        assert!(d.warnings.is_empty());
    }

    #[test]
    fn numbers_are_short() {
        assert_eq!(short_number(0.15).unwrap(), "0.15");
        assert_eq!(short_number(0.1359034123).unwrap(), "0.135903");
        assert_eq!(short_number(100000.0).unwrap(), "100000");
        assert_eq!(short_number(1.5e-9).unwrap(), "1.5e-9");
        assert_eq!(short_number(2.5e20).unwrap(), "2.5e20");
        assert_eq!(short_number(-0.05).unwrap(), "-0.05");
        assert_eq!(short_number(f64::NAN), None);
    }

    #[test]
    fn text_is_percent_encoded() {
        let mut s = example();
        s.report = "a&b=c d/é中".into();
        s.preset = Some("50% :,".into());
        let q = encode(&s);
        assert!(q.starts_with("r=a%26b%3Dc%20d%2F%C3%A9%E4%B8%AD&"), "{q}");
        assert!(q.contains("p=50%25%20%3A%2C"), "{q}");
        assert_eq!(parse(&q).state, s);
        assert_eq!(decode_component("a+b%20c").as_deref(), Some("a b c"));
        assert_eq!(decode_component("%zz"), None);
        assert_eq!(decode_component("%E4%B8"), None);
        assert_eq!(decode_component("%"), None);
    }

    #[test]
    fn bad_parameters_are_skipped_with_warnings() {
        let d = parse("r=x&y=abc&zz=1&g=NaN&g2&a.type=camera-modules:q1,:s0.2,ok:s0.3&n=0&y=2030&y=2031&l=fr&%zz=1&t=inf");
        let keys: Vec<(&str, &ShareIssue)> = d
            .warnings
            .iter()
            .map(|w| (w.key.as_str(), &w.issue))
            .collect();
        assert!(keys.contains(&("y", &ShareIssue::Malformed("abc".into()))));
        assert!(keys.contains(&("zz", &ShareIssue::UnknownParameter)));
        assert!(keys.contains(&("g", &ShareIssue::Malformed("NaN".into()))));
        assert!(keys.contains(&("g2", &ShareIssue::UnknownParameter)));
        assert!(keys.contains(&("y", &ShareIssue::Duplicate)));
        assert!(keys.contains(&("l", &ShareIssue::UnknownLanguage("fr".into()))));
        assert!(keys.contains(&("%zz", &ShareIssue::BadEncoding)));
        assert!(keys.contains(&("t", &ShareIssue::Malformed("inf".into()))));
        assert!(keys.contains(&(
            "n",
            &ShareIssue::Clamped {
                value: 0.0,
                to: 1.0
            }
        )));
        assert_eq!(
            keys.iter().filter(|(k, _)| *k == "a.type").count(),
            2,
            "{keys:?}"
        );
        // Everything valid still applies.
        assert_eq!(d.state.report, "x");
        assert_eq!(d.state.year, Some(2031));
        assert_eq!(d.state.mc_paths, Some(1));
        assert_eq!(d.state.values.len(), 1);
        assert_eq!(d.state.values["type.ok.share"], 0.3);
        assert_eq!(d.state.headline_rate, None);
    }

    #[test]
    fn validation_clamps_and_drops() {
        let (reports, _) = load_bundled();
        let q = "r=smartphone-leasing&d=nope&y=1990&p=moon&g=0.9&a.type=camera-modules:s0.9:g0.1&a.bogus=1";
        let d = decode(q, &reports);
        let s = &d.state;
        assert_eq!(s.dimension, None);
        assert_eq!(s.year, None);
        assert_eq!(s.preset, None);
        assert_eq!(s.headline_rate, Some(0.3));
        assert_eq!(s.values["type.camera-modules.share"], 0.45);
        assert_eq!(s.values["type.camera-modules.growth"], 0.1);
        assert!(!s.values.contains_key("bogus"));
        assert_eq!(d.warnings.len(), 6, "{:?}", d.warnings);
        assert!(d
            .warnings
            .iter()
            .any(|w| w.key == "bogus" && w.issue == ShareIssue::UnknownAssumption));
        let plan = decode("r=parent-child-community&g=0.1&a.start-users=5", &reports);
        assert_eq!(plan.state.headline_rate, None);
        assert_eq!(plan.state.values["start-users"], 1000.0);
        let unknown = decode("r=nope&v=segments&g=0.1&a.x=1&l=zh-TW", &reports);
        assert_eq!(unknown.state.view, "segments");
        assert_eq!(unknown.state.lang.as_deref(), Some("zh-Hant"));
        assert!(unknown.state.values.is_empty() && unknown.state.headline_rate.is_none());
        assert_eq!(
            unknown.warnings,
            vec![ShareWarning {
                key: "r".into(),
                issue: ShareIssue::UnknownReport("nope".into())
            }]
        );
        assert_eq!(
            decode("", &reports).warnings[0].issue,
            ShareIssue::MissingReport
        );
    }

    #[test]
    fn assumption_keys_do_not_clash_with_parameters() {
        // Found by the round-trip property: an assumption called `n` next to `n=`.
        let mut s = ShareState {
            mc_paths: Some(1),
            ..Default::default()
        };
        s.values.insert("n".into(), 0.0);
        let d = parse(&encode(&s));
        assert_eq!(encode(&s), "a.n=0&n=1");
        assert!(d.warnings.is_empty(), "{:?}", d.warnings);
        assert_eq!(d.state, s);
    }

    #[test]
    fn monte_carlo_width_is_read_and_clamped() {
        let d = parse("w=1.5");
        assert_eq!(d.state.mc_width, Some(1.5));
        assert!(d.warnings.is_empty());
        assert_eq!(encode(&d.state), "w=1.5");
        let d = parse("w=9&n=3");
        assert_eq!(d.state.mc_width, Some(MAX_WIDTH));
        assert_eq!(
            d.warnings,
            vec![ShareWarning {
                key: "w".into(),
                issue: ShareIssue::Clamped {
                    value: 9.0,
                    to: MAX_WIDTH
                }
            }]
        );
        assert_eq!(parse("w=0").state.mc_width, Some(MIN_WIDTH));
        let d = parse("w=wide");
        assert_eq!(d.state.mc_width, None);
        assert_eq!(d.warnings[0].issue, ShareIssue::Malformed("wide".into()));
    }

    #[test]
    fn state_carries_the_scenario() {
        let mut s = ShareState::default();
        let mut scenario = Scenario::published();
        scenario.headline_rate = Some(0.2);
        scenario.values.insert("k".into(), 1.0);
        s.set_scenario(&scenario);
        assert_eq!(s.scenario(), scenario);
    }
}
