//! Saved scenarios: the reader's named scenarios, their storage format, and the operations on
//! them (save, rename, duplicate, delete, export, import) as pure functions over a list.
//!
//! The browser edge keeps one text (local storage) and a file download; everything else is
//! here. The format is versioned at two levels:
//!
//! ```json
//! {
//!   "format": "report-explorer/scenarios",
//!   "version": 1,
//!   "scenarios": [
//!     {"version": 1, "name": "Bull", "report": "smartphone-leasing", "created": "2025-11-21",
//!      "headline_rate": 0.19, "preset": "bull", "values": {"type.camera-modules.growth": 0.18}}
//!   ]
//! }
//! ```
//!
//! In local storage the container also carries `"writes"`, the last writes that led to it, each
//! `{"by": token, "at": milliseconds since 1970}`: by them a tab tells a write that saw its own
//! from one made from an older copy (see [`super::saved_journal`]). Exported files leave them
//! out, and a text without them reads the same.
//!
//! Reading and writing use serde / serde_json: the container and a version-1 entry are typed
//! structs, and each entry is first taken as its raw text ([`RawValue`]) so that it can be
//! judged on its own.
//!
//! Loading is tolerant **per entry**: an entry that is not an object, lacks a name, carries a
//! non-finite number (`1e999`), gives a field twice, or was written by a newer version of the
//! app is *set aside* with the reason and its JSON text kept, and [`to_json`] writes set-aside
//! entries back byte for byte, so a corrupt or newer entry never destroys the others and is
//! never itself lost. Only a file that is not JSON at all or not this format is an error value
//! (with line and column for a syntax error), and then the caller keeps the raw text (nothing
//! is overwritten). Unknown fields of a version-1 entry are ignored.
//!
//! Names are unique per report (the same name may be used for two reports), compared after
//! trimming, case-sensitively. Clashes on load and import get a " (2)", " (3)" … suffix.

use super::scenario::Scenario;
use serde::de::{Deserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use std::collections::BTreeMap;
use std::fmt;
use std::marker::PhantomData;

/// The `format` of the container.
pub const FORMAT: &str = "report-explorer/scenarios";
/// The newest version this build reads and the one it writes.
pub const VERSION: u64 = 1;
/// Longest name a reader may type (suffixes added by duplicate/import may go beyond it).
pub const MAX_NAME_CHARS: usize = 80;

#[derive(Debug, Clone, PartialEq)]
pub struct SavedScenario {
    pub name: String,
    /// Id of the report the scenario belongs to.
    pub report: String,
    /// When it was saved: an ISO 8601 date or date-time, given by the caller (the domain has
    /// no clock).
    pub created: String,
    pub headline_rate: Option<f64>,
    pub values: BTreeMap<String, f64>,
    /// The preset it started from, if any.
    pub preset: Option<String>,
}

impl SavedScenario {
    pub fn new(
        name: &str,
        report: &str,
        created: &str,
        scenario: &Scenario,
        preset: Option<&str>,
    ) -> Self {
        SavedScenario {
            name: name.to_string(),
            report: report.to_string(),
            created: created.to_string(),
            headline_rate: scenario.headline_rate,
            values: scenario.values.clone(),
            preset: preset.map(str::to_string),
        }
    }

    pub fn scenario(&self) -> Scenario {
        Scenario {
            headline_rate: self.headline_rate,
            values: self.values.clone(),
        }
    }

    /// Same report, name and numbers (the creation date aside).
    fn same_content(&self, other: &SavedScenario) -> bool {
        self.report == other.report
            && self.name == other.name
            && self.headline_rate == other.headline_rate
            && self.values == other.values
            && self.preset == other.preset
    }
}

/// Why an operation on the list was refused (the list is then unchanged).
#[derive(Debug, Clone, PartialEq)]
pub enum SavedError {
    /// The name is empty once trimmed.
    EmptyName,
    /// The name has more than [`MAX_NAME_CHARS`] characters.
    NameTooLong,
    /// No scenario of that name for that report.
    NotFound { report: String, name: String },
    /// Another scenario of the report already has the new name.
    NameTaken { report: String, name: String },
    /// A value (by key; `headline` for the rate) is NaN or infinite.
    NonFinite(String),
}

impl fmt::Display for SavedError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SavedError::EmptyName => write!(f, "a scenario needs a name"),
            SavedError::NameTooLong => {
                write!(f, "a name may have at most {MAX_NAME_CHARS} characters")
            }
            SavedError::NotFound { name, .. } => write!(f, "there is no scenario “{name}”"),
            SavedError::NameTaken { name, .. } => {
                write!(f, "a scenario called “{name}” already exists")
            }
            SavedError::NonFinite(key) => write!(f, "the value of `{key}` is not a number"),
        }
    }
}

impl std::error::Error for SavedError {}

/// A name as stored: trimmed, control characters turned into spaces.
pub fn normalise_name(name: &str) -> String {
    name.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect::<String>()
        .trim()
        .to_string()
}

fn checked_name(name: &str) -> Result<String, SavedError> {
    let name = normalise_name(name);
    if name.is_empty() {
        Err(SavedError::EmptyName)
    } else if name.chars().count() > MAX_NAME_CHARS {
        Err(SavedError::NameTooLong)
    } else {
        Ok(name)
    }
}

/// Whether two entries are the same saved scenario (names are unique per report), whatever
/// their numbers.
pub fn same_entry(a: &SavedScenario, b: &SavedScenario) -> bool {
    a.report == b.report && a.name == b.name
}

fn position(list: &[SavedScenario], report: &str, name: &str) -> Option<usize> {
    list.iter()
        .position(|s| s.report == report && s.name == name)
}

/// `name` without a trailing " (k)" copy number.
fn base_name(name: &str) -> &str {
    let Some(open) = name.strip_suffix(')').and_then(|n| n.rfind(" (")) else {
        return name;
    };
    let digits = name.get(open + 2..name.len() - 1).unwrap_or("");
    if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
        name.get(..open).unwrap_or(name)
    } else {
        name
    }
}

/// The first free "name (k)", k = 2, 3, … for the report.
pub fn free_name(list: &[SavedScenario], report: &str, name: &str) -> String {
    let base = base_name(name);
    (2u64..)
        .map(|k| format!("{base} ({k})"))
        .find(|candidate| position(list, report, candidate).is_none())
        .unwrap_or_else(|| format!("{base} (copy)"))
}

/// The scenarios of one report, in list order.
pub fn for_report<'a>(list: &'a [SavedScenario], report: &str) -> Vec<&'a SavedScenario> {
    list.iter().filter(|s| s.report == report).collect()
}

/// Saves a scenario: its name is normalised; an existing scenario of the same report and name
/// is replaced in place, otherwise the scenario is appended.
pub fn save(
    list: &[SavedScenario],
    scenario: SavedScenario,
) -> Result<Vec<SavedScenario>, SavedError> {
    let name = checked_name(&scenario.name)?;
    if scenario.headline_rate.is_some_and(|r| !r.is_finite()) {
        return Err(SavedError::NonFinite("headline".to_string()));
    }
    if let Some((key, _)) = scenario.values.iter().find(|(_, v)| !v.is_finite()) {
        return Err(SavedError::NonFinite(key.clone()));
    }
    let scenario = SavedScenario { name, ..scenario };
    let mut out = list.to_vec();
    match position(list, &scenario.report, &scenario.name) {
        Some(i) => out[i] = scenario,
        None => out.push(scenario),
    }
    Ok(out)
}

/// Renames a scenario of a report; the new name must be free (renaming to its own name is a
/// no-op).
pub fn rename(
    list: &[SavedScenario],
    report: &str,
    from: &str,
    to: &str,
) -> Result<Vec<SavedScenario>, SavedError> {
    let to = checked_name(to)?;
    let i = position(list, report, from).ok_or_else(|| SavedError::NotFound {
        report: report.to_string(),
        name: from.to_string(),
    })?;
    if to != from && position(list, report, &to).is_some() {
        return Err(SavedError::NameTaken {
            report: report.to_string(),
            name: to,
        });
    }
    let mut out = list.to_vec();
    out[i].name = to;
    Ok(out)
}

/// Copies a scenario under the first free "name (k)", right after the original; returns the
/// list and the copy's name.
pub fn duplicate(
    list: &[SavedScenario],
    report: &str,
    name: &str,
    created: &str,
) -> Result<(Vec<SavedScenario>, String), SavedError> {
    let i = position(list, report, name).ok_or_else(|| SavedError::NotFound {
        report: report.to_string(),
        name: name.to_string(),
    })?;
    let new_name = free_name(list, report, name);
    let copy = SavedScenario {
        name: new_name.clone(),
        created: created.to_string(),
        ..list[i].clone()
    };
    let mut out = list.to_vec();
    out.insert(i + 1, copy);
    Ok((out, new_name))
}

pub fn delete(
    list: &[SavedScenario],
    report: &str,
    name: &str,
) -> Result<Vec<SavedScenario>, SavedError> {
    let i = position(list, report, name).ok_or_else(|| SavedError::NotFound {
        report: report.to_string(),
        name: name.to_string(),
    })?;
    let mut out = list.to_vec();
    out.remove(i);
    Ok(out)
}

// ---- Storage format ------------------------------------------------------------------------

/// Why an entry was set aside.
#[derive(Debug, Clone, PartialEq)]
pub enum SetAsideReason {
    NotAnObject,
    /// A required field (`name`, `report`, `created`) is missing.
    Missing(&'static str),
    /// A field has the wrong type (`field`, what it should be).
    WrongType(String, &'static str),
    /// A number is too large for a double (`1e999`).
    NonFinite(String),
    /// The name is empty once trimmed.
    EmptyName,
    /// Written by a newer version of the app.
    NewerVersion(u64),
    /// A `version` that is not a positive whole number.
    BadVersion,
    /// A `values` key given twice (named with its path, "values.k").
    GivenTwice(String),
    /// The entry is malformed as a whole: a field given twice, a string with a lone surrogate
    /// escape. The words are serde_json's, without a position.
    Invalid(String),
}

impl fmt::Display for SetAsideReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SetAsideReason::NotAnObject => write!(f, "not a scenario"),
            SetAsideReason::Missing(field) => write!(f, "`{field}` is missing"),
            SetAsideReason::WrongType(field, want) => write!(f, "`{field}` should be {want}"),
            SetAsideReason::NonFinite(field) => write!(f, "`{field}` is not a finite number"),
            SetAsideReason::EmptyName => write!(f, "the name is empty"),
            SetAsideReason::NewerVersion(v) => {
                write!(f, "saved by a newer version of the explorer (format {v})")
            }
            SetAsideReason::BadVersion => write!(f, "`version` is not a whole number"),
            SetAsideReason::GivenTwice(key) => write!(f, "`{key}` is given twice"),
            SetAsideReason::Invalid(why) => write!(f, "{why}"),
        }
    }
}

/// An entry that could not be used, kept as it was.
#[derive(Debug, Clone)]
pub struct SetAside {
    /// Position in the file's `scenarios` array.
    pub index: usize,
    /// The entry's name and report, when they could be read (to show the reader what is kept).
    pub name: Option<String>,
    pub report: Option<String>,
    pub reason: SetAsideReason,
    /// The entry's JSON text exactly as read; [`to_json`] writes it back byte for byte. An
    /// entry that had no `version` of its own inside a container of another version is given
    /// that version explicitly (`"version": 3, ` inserted after its `{`), so it still reads as
    /// what it is once written back under a version-1 container.
    pub raw: Box<RawValue>,
}

/// Set-aside entries are equal when everything, the raw text included, is the same.
impl PartialEq for SetAside {
    fn eq(&self, other: &Self) -> bool {
        self.index == other.index
            && self.name == other.name
            && self.report == other.report
            && self.reason == other.reason
            && self.raw.get() == other.raw.get()
    }
}

/// An entry whose name clashed with an earlier one and got a suffix.
#[derive(Debug, Clone, PartialEq)]
pub struct Renamed {
    pub report: String,
    pub from: String,
    pub to: String,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Loaded {
    pub scenarios: Vec<SavedScenario>,
    pub set_aside: Vec<SetAside>,
    pub renamed: Vec<Renamed>,
    /// Who wrote the text and when; empty when it says nothing or cannot be read (it only
    /// helps tabs repair each other's writes).
    pub stamp: Stamp,
}

/// The last writes that led to a stored text, its own last (see [`super::saved_journal`]).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Stamp {
    pub writes: Vec<Write>,
}

/// One write of the saved scenarios to local storage.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Write {
    /// The writing tab's token for it.
    pub by: String,
    /// When, in milliseconds since 1970 by the device's clock.
    pub at: u64,
}

/// Where and why a file is not JSON (1-based line and column, as serde_json counts them).
#[derive(Debug, Clone, PartialEq)]
pub struct SyntaxError {
    pub line: usize,
    pub column: usize,
    pub reason: String,
}

impl From<serde_json::Error> for SyntaxError {
    fn from(e: serde_json::Error) -> Self {
        SyntaxError {
            line: e.line(),
            column: e.column(),
            reason: message(&e),
        }
    }
}

impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} (line {}, column {})",
            self.reason, self.line, self.column
        )
    }
}

impl std::error::Error for SyntaxError {}

/// Why a whole file could not be read. The caller keeps the raw text.
#[derive(Debug, Clone, PartialEq)]
pub enum LoadError {
    /// Not JSON (or a container field given twice).
    Syntax(SyntaxError),
    /// JSON, but not a saved-scenarios file (`format` missing or different).
    NotScenarios,
    /// The container's `version` is missing or not a positive whole number.
    BadVersion,
    /// `scenarios` is missing or not an array.
    NoList,
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::Syntax(e) => write!(f, "not a JSON file: {e}"),
            LoadError::NotScenarios => write!(f, "not a saved-scenarios file"),
            LoadError::BadVersion => write!(f, "the file's version is missing or invalid"),
            LoadError::NoList => write!(f, "the file has no list of scenarios"),
        }
    }
}

impl std::error::Error for LoadError {}

/// serde_json's words for an error, without the " at line L column C" it appends.
fn message(e: &serde_json::Error) -> String {
    let text = e.to_string();
    let position = format!(" at line {} column {}", e.line(), e.column());
    match text.strip_suffix(&position) {
        Some(words) => words.to_string(),
        None => text,
    }
}

/// A field as written, `null` included; `None` when the field is absent. Reading fields raw
/// lets a bad one be named in the reason, and keeps numbers such as `1e999` (which serde_json
/// refuses as `f64`) readable as "not finite".
#[derive(Default, Clone, Copy)]
struct Field<'a>(Option<&'a RawValue>);

impl<'de: 'a, 'a> Deserialize<'de> for Field<'a> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        <&'a RawValue>::deserialize(d).map(|raw| Field(Some(raw)))
    }
}

impl<'a> Field<'a> {
    /// The value, unless absent or `null`.
    fn value(self) -> Option<&'a RawValue> {
        self.0.filter(|raw| raw.get() != "null")
    }
}

/// An object's members in document order, duplicates included, values unparsed.
struct Members<'a>(Vec<(String, &'a RawValue)>);

impl<'de: 'a, 'a> Deserialize<'de> for Members<'a> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visit<'a>(PhantomData<&'a ()>);
        impl<'de: 'a, 'a> Visitor<'de> for Visit<'a> {
            type Value = Members<'a>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Members<'a>, A::Error> {
                let mut members = Vec::new();
                while let Some(member) = map.next_entry::<String, &'a RawValue>()? {
                    members.push(member);
                }
                Ok(Members(members))
            }
        }
        d.deserialize_map(Visit(PhantomData))
    }
}

/// The container as read: only the fields this version looks at (others are ignored).
#[derive(Deserialize)]
struct ContainerIn<'a> {
    #[serde(default, borrow)]
    format: Field<'a>,
    #[serde(default, borrow)]
    version: Field<'a>,
    #[serde(default, borrow)]
    scenarios: Field<'a>,
    #[serde(default, borrow)]
    writes: Field<'a>,
}

/// A version-1 entry as read, field by field (unknown fields are ignored).
#[derive(Deserialize)]
struct EntryIn<'a> {
    #[serde(default, borrow)]
    version: Field<'a>,
    #[serde(default, borrow)]
    name: Field<'a>,
    #[serde(default, borrow)]
    report: Field<'a>,
    #[serde(default, borrow)]
    created: Field<'a>,
    #[serde(default, borrow)]
    headline_rate: Field<'a>,
    #[serde(default, borrow)]
    preset: Field<'a>,
    #[serde(default, borrow)]
    values: Field<'a>,
}

/// A version-1 entry as written.
#[derive(Serialize)]
struct EntryOut<'a> {
    version: u64,
    name: &'a str,
    report: &'a str,
    created: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    headline_rate: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    preset: Option<&'a str>,
    values: &'a BTreeMap<String, f64>,
}

/// An entry of the written list: a scenario, or a set-aside entry's text as it was read.
#[derive(Serialize)]
#[serde(untagged)]
enum ListItem<'a> {
    Scenario(EntryOut<'a>),
    Kept(&'a RawValue),
}

/// The container as written.
#[derive(Serialize)]
struct ContainerOut<'a> {
    format: &'static str,
    version: u64,
    scenarios: Vec<ListItem<'a>>,
    #[serde(skip_serializing_if = "<[Write]>::is_empty")]
    writes: &'a [Write],
}

/// A JSON number as the nearest double (`1e999` is infinite); `None` for any other value.
/// Parsed from the text with Rust's correctly rounded `str::parse`, so a number written by
/// [`to_json`] reads back bit for bit.
fn number(raw: &RawValue) -> Option<f64> {
    let text = raw.get();
    if text.starts_with(|c: char| c == '-' || c.is_ascii_digit()) {
        text.parse().ok()
    } else {
        None
    }
}

/// A positive whole version number.
fn version(raw: &RawValue) -> Option<u64> {
    match number(raw) {
        Some(n) if n.is_finite() && n.fract() == 0.0 && (1.0..=1e15).contains(&n) => Some(n as u64),
        _ => None,
    }
}

fn string(key: &str, raw: &RawValue) -> Result<String, SetAsideReason> {
    if !raw.get().starts_with('"') {
        return Err(SetAsideReason::WrongType(key.to_string(), "a string"));
    }
    serde_json::from_str(raw.get()).map_err(|e| SetAsideReason::Invalid(message(&e)))
}

fn text_field(field: Field, key: &'static str) -> Result<String, SetAsideReason> {
    match field.0 {
        None => Err(SetAsideReason::Missing(key)),
        Some(raw) => string(key, raw),
    }
}

fn finite(key: &str, raw: &RawValue) -> Result<f64, SetAsideReason> {
    match number(raw) {
        Some(n) if n.is_finite() => Ok(n),
        Some(_) => Err(SetAsideReason::NonFinite(key.to_string())),
        None => Err(SetAsideReason::WrongType(key.to_string(), "a number")),
    }
}

/// The entry's fields, if it is an object with no field given twice.
fn entry_fields(raw: &RawValue) -> Result<EntryIn<'_>, SetAsideReason> {
    if !raw.get().starts_with('{') {
        return Err(SetAsideReason::NotAnObject);
    }
    serde_json::from_str(raw.get()).map_err(|e| SetAsideReason::Invalid(message(&e)))
}

impl EntryIn<'_> {
    fn scenario(&self, container_version: u64) -> Result<SavedScenario, SetAsideReason> {
        let v = match self.version.0 {
            None => container_version,
            Some(raw) => version(raw).ok_or(SetAsideReason::BadVersion)?,
        };
        if v > VERSION {
            return Err(SetAsideReason::NewerVersion(v));
        }
        let name = normalise_name(&text_field(self.name, "name")?);
        if name.is_empty() {
            return Err(SetAsideReason::EmptyName);
        }
        let headline_rate = match self.headline_rate.value() {
            None => None,
            Some(raw) => Some(finite("headline_rate", raw)?),
        };
        let preset = match self.preset.value() {
            None => None,
            Some(raw) => Some(string("preset", raw)?),
        };
        let mut values = BTreeMap::new();
        match self.values.value() {
            None => {}
            Some(raw) if raw.get().starts_with('{') => {
                let Members(members) = serde_json::from_str(raw.get())
                    .map_err(|e| SetAsideReason::Invalid(message(&e)))?;
                for (k, raw) in members {
                    let key = format!("values.{k}");
                    let value = finite(&key, raw)?;
                    if values.insert(k, value).is_some() {
                        return Err(SetAsideReason::GivenTwice(key));
                    }
                }
            }
            Some(_) => return Err(SetAsideReason::WrongType("values".into(), "an object")),
        }
        Ok(SavedScenario {
            name,
            report: text_field(self.report, "report")?,
            created: text_field(self.created, "created")?,
            headline_rate,
            values,
            preset,
        })
    }
}

/// `raw` (an object) with `"version": <version>` as its first field.
fn with_version(raw: &RawValue, version: u64) -> Box<RawValue> {
    let text = raw.get();
    let rest = text.strip_prefix('{').unwrap_or(text);
    let empty = rest
        .strip_suffix('}')
        .is_some_and(|inner| inner.trim().is_empty());
    let text = if empty {
        format!("{{\"version\": {version}}}")
    } else {
        format!("{{\"version\": {version}, {rest}")
    };
    RawValue::from_string(text).unwrap_or_else(|_| raw.to_owned())
}

/// Reads a saved-scenarios file. Entries that cannot be used are set aside (see the module
/// docs); a name used twice for a report gets a suffix.
pub fn load(text: &str) -> Result<Loaded, LoadError> {
    // The whole text must be JSON; entries are only checked one by one below.
    let top: &RawValue = serde_json::from_str(text).map_err(|e| LoadError::Syntax(e.into()))?;
    if !top.get().starts_with('{') {
        return Err(LoadError::NotScenarios);
    }
    // Read from `text` (not `top`) so that positions count from the file's start.
    let container: ContainerIn =
        serde_json::from_str(text).map_err(|e| LoadError::Syntax(e.into()))?;
    match container.format.0.map(|raw| string("format", raw)) {
        Some(Ok(f)) if f == FORMAT => {}
        _ => return Err(LoadError::NotScenarios),
    }
    let container_version = container
        .version
        .0
        .and_then(version)
        .ok_or(LoadError::BadVersion)?;
    let items: Vec<&RawValue> = match container.scenarios.0 {
        Some(raw) if raw.get().starts_with('[') => {
            serde_json::from_str(raw.get()).map_err(|e| LoadError::Syntax(e.into()))?
        }
        _ => return Err(LoadError::NoList),
    };
    let mut out = Loaded {
        stamp: Stamp {
            writes: container
                .writes
                .value()
                .and_then(|raw| serde_json::from_str(raw.get()).ok())
                .unwrap_or_default(),
        },
        ..Loaded::default()
    };
    for (index, item) in items.into_iter().enumerate() {
        let fields = entry_fields(item);
        let result = match &fields {
            Ok(f) => f.scenario(container_version),
            Err(reason) => Err(reason.clone()),
        };
        match result {
            Ok(s) => push_renaming_clash(&mut out.scenarios, &mut out.renamed, s),
            Err(reason) => {
                let text_of = |field: Field| field.value().and_then(|raw| string("", raw).ok());
                let (name, report, raw) = match &fields {
                    // An entry that inherits a newer container's version keeps it explicitly,
                    // so that written back under this version's container it stays set aside.
                    Ok(f) => (
                        text_of(f.name),
                        text_of(f.report),
                        if f.version.0.is_none() && container_version != VERSION {
                            with_version(item, container_version)
                        } else {
                            item.to_owned()
                        },
                    ),
                    Err(_) => (None, None, item.to_owned()),
                };
                out.set_aside.push(SetAside {
                    index,
                    name,
                    report,
                    reason,
                    raw,
                });
            }
        }
    }
    Ok(out)
}

/// The storage text: every scenario, then every set-aside entry exactly as it was read.
///
/// Scenarios that went through [`save`] hold finite numbers only; were a NaN or an infinity
/// put into one by hand, serde_json writes it as `null`, and that entry is set aside (not
/// lost) when the text is loaded again.
pub fn to_json(scenarios: &[SavedScenario], set_aside: &[SetAside]) -> String {
    to_stored_json(scenarios, set_aside, &Stamp::default())
}

/// [`to_json`] with the write's stamp, as local storage keeps it.
pub fn to_stored_json(
    scenarios: &[SavedScenario],
    set_aside: &[SetAside],
    stamp: &Stamp,
) -> String {
    let container = ContainerOut {
        format: FORMAT,
        version: VERSION,
        scenarios: scenarios
            .iter()
            .map(|s| {
                ListItem::Scenario(EntryOut {
                    version: VERSION,
                    name: &s.name,
                    report: &s.report,
                    created: &s.created,
                    headline_rate: s.headline_rate,
                    preset: s.preset.as_deref(),
                    values: &s.values,
                })
            })
            .chain(set_aside.iter().map(|s| ListItem::Kept(&s.raw)))
            .collect(),
        writes: &stamp.writes,
    };
    // Only string keys and plain values: serialising cannot fail.
    let mut text = serde_json::to_string_pretty(&container).unwrap_or_default();
    text.push('\n');
    text
}

/// All saved scenarios as one file to download (the storage format, without set-aside entries).
pub fn export_all(scenarios: &[SavedScenario]) -> String {
    to_json(scenarios, &[])
}

/// What an import did.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Imported {
    /// The merged list: the existing scenarios, then the new ones.
    pub scenarios: Vec<SavedScenario>,
    /// How many entries were added.
    pub added: usize,
    /// Entries already present with the same name and numbers (skipped, not doubled).
    pub unchanged: usize,
    /// Added entries whose name was taken and got a suffix.
    pub renamed: Vec<Renamed>,
    /// Entries of the file that could not be used (not merged; the file itself is untouched).
    pub set_aside: Vec<SetAside>,
}

/// Merges an exported file into `existing`: new names are added, a name already used for the
/// report gets a suffix, an entry identical to an existing one is skipped.
pub fn import(existing: &[SavedScenario], text: &str) -> Result<Imported, LoadError> {
    let loaded = load(text)?;
    let mut out = Imported {
        scenarios: existing.to_vec(),
        set_aside: loaded.set_aside,
        ..Imported::default()
    };
    for s in loaded.scenarios {
        if out.scenarios.iter().any(|e| e.same_content(&s)) {
            out.unchanged += 1;
            continue;
        }
        out.added += 1;
        push_renaming_clash(&mut out.scenarios, &mut out.renamed, s);
    }
    Ok(out)
}

/// Appends `s`; if its report already has a scenario of that name, it gets the first free
/// "name (k)" and the rename is recorded.
fn push_renaming_clash(
    list: &mut Vec<SavedScenario>,
    renamed: &mut Vec<Renamed>,
    mut s: SavedScenario,
) {
    if position(list, &s.report, &s.name).is_some() {
        let to = free_name(list, &s.report, &s.name);
        renamed.push(Renamed {
            report: s.report.clone(),
            from: s.name.clone(),
            to: to.clone(),
        });
        s.name = to;
    }
    list.push(s);
}

/// The first of `name_of(1)`, `name_of(2)`, … that no scenario in `list` is called: the name a
/// scenario saved without one gets ("Scenario 3").
pub fn first_free_name(list: &[SavedScenario], name_of: impl Fn(usize) -> String) -> String {
    (1..)
        .map(name_of)
        .find(|candidate| !list.iter().any(|s| &s.name == candidate))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn saved(name: &str, report: &str, rate: f64) -> SavedScenario {
        let mut s = Scenario::published();
        s.headline_rate = Some(rate);
        s.values
            .insert("type.camera-modules.growth".into(), rate / 2.0);
        SavedScenario::new(name, report, "2025-11-21", &s, Some("bull"))
    }

    #[test]
    fn save_replaces_by_name_per_report() {
        let list = save(&[], saved(" Bull ", "a", 0.2)).unwrap();
        assert_eq!(list[0].name, "Bull");
        let list = save(&list, saved("Bull", "b", 0.3)).unwrap();
        assert_eq!(list.len(), 2);
        let list = save(&list, saved("Bull", "a", 0.25)).unwrap();
        assert_eq!(list.len(), 2);
        assert_eq!(list[0].headline_rate, Some(0.25));
        assert_eq!(
            save(&list, saved("  ", "a", 0.1)),
            Err(SavedError::EmptyName)
        );
        assert_eq!(
            save(&list, saved(&"x".repeat(81), "a", 0.1)),
            Err(SavedError::NameTooLong)
        );
        assert_eq!(
            save(&list, saved("n", "a", f64::NAN)),
            Err(SavedError::NonFinite("headline".into()))
        );
    }

    #[test]
    fn rename_duplicate_delete() {
        let list = save(&[], saved("Bull", "a", 0.2)).unwrap();
        let list = save(&list, saved("Bear", "a", 0.05)).unwrap();
        assert_eq!(
            rename(&list, "a", "Bull", "Bear"),
            Err(SavedError::NameTaken {
                report: "a".into(),
                name: "Bear".into()
            })
        );
        assert!(matches!(
            rename(&list, "a", "Nope", "X"),
            Err(SavedError::NotFound { .. })
        ));
        assert_eq!(rename(&list, "a", "Bull", "Bull").unwrap(), list);
        let renamed = rename(&list, "a", "Bull", " Optimist ").unwrap();
        assert_eq!(renamed[0].name, "Optimist");
        let (list, name) = duplicate(&list, "a", "Bull", "2025-12-01").unwrap();
        assert_eq!(name, "Bull (2)");
        assert_eq!(list[1].name, "Bull (2)");
        assert_eq!(list[1].created, "2025-12-01");
        assert_eq!(list[1].values, list[0].values);
        let (list, name) = duplicate(&list, "a", "Bull (2)", "2025-12-01").unwrap();
        assert_eq!(name, "Bull (3)");
        let list = delete(&list, "a", "Bull (2)").unwrap();
        assert_eq!(list.len(), 3);
        let (_, name) = duplicate(&list, "a", "Bull", "d").unwrap();
        assert_eq!(name, "Bull (2)");
        assert!(delete(&list, "b", "Bull").is_err());
    }

    #[test]
    fn base_names_strip_copy_numbers_only() {
        assert_eq!(base_name("Bull (12)"), "Bull");
        assert_eq!(base_name("Bull (x)"), "Bull (x)");
        assert_eq!(base_name("Bull ()"), "Bull ()");
        assert_eq!(base_name("(2)"), "(2)");
        assert_eq!(base_name("中 (2)"), "中");
    }

    #[test]
    fn round_trip() {
        let list = save(&[], saved("Bull \"quoted\"\n", "a", 0.2)).unwrap();
        let list = save(&list, saved("熊市", "b", 0.123456789)).unwrap();
        let mut plain = saved("Plain", "a", 0.1);
        plain.headline_rate = None;
        plain.preset = None;
        plain.values.clear();
        let list = save(&list, plain).unwrap();
        let text = to_json(&list, &[]);
        let loaded = load(&text).unwrap();
        assert_eq!(loaded.scenarios, list);
        assert!(loaded.set_aside.is_empty());
    }

    #[test]
    fn set_aside_entries_are_written_back_byte_for_byte() {
        let odd = "{ \"name\" :\"Huge\",\n\t\"report\":\"r\", \"created\":\"d\", \"values\": {\"k\": 1E999}, \"x\": [1.50, \"\\u00e9\"] }";
        let text =
            format!(r#"{{"format": "{FORMAT}", "version": 1, "scenarios": [{odd}, 42 , "text"]}}"#);
        let loaded = load(&text).unwrap();
        let raws: Vec<&str> = loaded.set_aside.iter().map(|s| s.raw.get()).collect();
        assert_eq!(raws, vec![odd, "42", "\"text\""]);
        assert_eq!(
            loaded.set_aside[0].reason,
            SetAsideReason::NonFinite("values.k".into())
        );
        assert_eq!(loaded.set_aside[0].name.as_deref(), Some("Huge"));
        let written = to_json(&[], &loaded.set_aside);
        assert!(written.contains(odd), "{written}");
        assert_eq!(load(&written).unwrap().set_aside, loaded.set_aside);
    }

    #[test]
    fn fields_given_twice_set_the_entry_aside() {
        let text = format!(
            r#"{{"format": "{FORMAT}", "version": 1, "scenarios": [
                {{"name": "A", "name": "B", "report": "r", "created": "d"}},
                {{"name": "C", "report": "r", "created": "d", "values": {{"k": 1, "k": 2}}}},
                {{"name": "D", "report": "r", "created": "d", "extra": 1, "extra": 2}}
            ]}}"#
        );
        let loaded = load(&text).unwrap();
        assert_eq!(loaded.scenarios.len(), 1);
        assert_eq!(loaded.scenarios[0].name, "D");
        let reasons: Vec<String> = loaded
            .set_aside
            .iter()
            .map(|s| s.reason.to_string())
            .collect();
        assert_eq!(
            reasons,
            vec!["duplicate field `name`", "`values.k` is given twice"]
        );
    }

    #[test]
    fn syntax_errors_say_where() {
        let Err(LoadError::Syntax(e)) = load("{\n  \"format\": \"x\",\n  oops\n}") else {
            panic!()
        };
        assert_eq!((e.line, e.column), (3, 3));
        assert!(!e.reason.contains("line"), "{e}");
        assert!(e.to_string().ends_with("(line 3, column 3)"), "{e}");
        let Err(LoadError::Syntax(e)) = load(&format!(
            "\n{{\"format\": \"{FORMAT}\", \"version\": 1, \"version\": 1, \"scenarios\": []}}"
        )) else {
            panic!()
        };
        assert_eq!(e.line, 2);
        assert!(e.reason.contains("duplicate field `version`"), "{e}");
    }

    #[test]
    fn numbers_read_back_bit_for_bit() {
        let mut s = saved("x", "a", 0.1);
        for (i, v) in [
            1e-7,
            2.5e9,
            0.13590341,
            1.0 / 3.0,
            6.02214076e23,
            5e-324,
            f64::MAX,
        ]
        .into_iter()
        .enumerate()
        {
            s.values.insert(format!("k{i}"), v);
        }
        let list = save(&[], s).unwrap();
        let back = load(&to_json(&list, &[])).unwrap().scenarios;
        for (k, v) in &list[0].values {
            assert_eq!(back[0].values[k].to_bits(), v.to_bits(), "{k}");
        }
    }

    #[test]
    fn first_free_name_skips_names_taken() {
        let named =
            |n: &str| SavedScenario::new(n, "r", "2026-01-01", &Scenario::published(), None);
        let name_of = |n: usize| format!("Scenario {n}");
        assert_eq!(first_free_name(&[], name_of), "Scenario 1");
        let list = [named("Scenario 1"), named("Scenario 3"), named("Other")];
        assert_eq!(first_free_name(&list, name_of), "Scenario 2");
        let list = [named("Scenario 2"), named("Scenario 1")];
        assert_eq!(first_free_name(&list, name_of), "Scenario 3");
    }
}
