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
//! Loading is tolerant **per entry**: an entry that is not an object, lacks a name, carries a
//! non-finite number, or was written by a newer version of the app is *set aside* with the
//! reason and its JSON kept exactly, and [`to_json`] writes set-aside entries back unchanged, so
//! a corrupt or newer entry never destroys the others and is never itself lost. Only a file
//! that is not JSON at all or not this format is an error value, and then the caller keeps the
//! raw text (nothing is overwritten). Unknown fields of a version-1 entry are ignored.
//!
//! Names are unique per report (the same name may be used for two reports), compared after
//! trimming, case-sensitively. Clashes on load and import get a " (2)", " (3)" … suffix.

use super::json::{parse, Json, JsonError, Spanned};
use super::json_write::Out;
use super::scenario::Scenario;
use std::collections::BTreeMap;
use std::fmt;

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
        }
    }
}

/// An entry that could not be used, kept as it was.
#[derive(Debug, Clone, PartialEq)]
pub struct SetAside {
    /// Position in the file's `scenarios` array.
    pub index: usize,
    /// The entry's name and report, when they could be read (to show the reader what is kept).
    pub name: Option<String>,
    pub report: Option<String>,
    pub reason: SetAsideReason,
    /// The entry as read; [`to_json`] writes it back. An entry that had no `version` of its
    /// own inside a container of another version is given that version explicitly (so it
    /// still reads as what it is once written back under a version-1 container).
    pub raw: Json,
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
}

/// Why a whole file could not be read. The caller keeps the raw text.
#[derive(Debug, Clone, PartialEq)]
pub enum LoadError {
    /// Not JSON.
    Syntax(JsonError),
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

fn entries(v: &Json) -> Option<&[(String, Spanned)]> {
    match v {
        Json::Object(e) => Some(e),
        _ => None,
    }
}

fn get<'a>(entries: &'a [(String, Spanned)], key: &str) -> Option<&'a Json> {
    entries
        .iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| &v.value)
}

/// A positive whole version number.
fn version(v: &Json) -> Option<u64> {
    match v {
        Json::Number(n) if n.is_finite() && n.fract() == 0.0 && *n >= 1.0 && *n <= 1e15 => {
            Some(*n as u64)
        }
        _ => None,
    }
}

fn text_field(e: &[(String, Spanned)], key: &'static str) -> Result<String, SetAsideReason> {
    match get(e, key) {
        None => Err(SetAsideReason::Missing(key)),
        Some(Json::String(s)) => Ok(s.clone()),
        Some(_) => Err(SetAsideReason::WrongType(key.to_string(), "a string")),
    }
}

fn finite(key: &str, v: &Json) -> Result<f64, SetAsideReason> {
    match v {
        Json::Number(n) if n.is_finite() => Ok(*n),
        Json::Number(_) => Err(SetAsideReason::NonFinite(key.to_string())),
        _ => Err(SetAsideReason::WrongType(key.to_string(), "a number")),
    }
}

fn entry(v: &Json, container_version: u64) -> Result<SavedScenario, SetAsideReason> {
    let e = entries(v).ok_or(SetAsideReason::NotAnObject)?;
    let v = match get(e, "version") {
        None => container_version,
        Some(j) => version(j).ok_or(SetAsideReason::BadVersion)?,
    };
    if v > VERSION {
        return Err(SetAsideReason::NewerVersion(v));
    }
    let name = normalise_name(&text_field(e, "name")?);
    if name.is_empty() {
        return Err(SetAsideReason::EmptyName);
    }
    let headline_rate = match get(e, "headline_rate") {
        None | Some(Json::Null) => None,
        Some(j) => Some(finite("headline_rate", j)?),
    };
    let preset = match get(e, "preset") {
        None | Some(Json::Null) => None,
        Some(Json::String(s)) => Some(s.clone()),
        Some(_) => return Err(SetAsideReason::WrongType("preset".into(), "a string")),
    };
    let mut values = BTreeMap::new();
    match get(e, "values") {
        None | Some(Json::Null) => {}
        Some(Json::Object(items)) => {
            for (k, j) in items {
                values.insert(k.clone(), finite(&format!("values.{k}"), &j.value)?);
            }
        }
        Some(_) => return Err(SetAsideReason::WrongType("values".into(), "an object")),
    }
    Ok(SavedScenario {
        name,
        report: text_field(e, "report")?,
        created: text_field(e, "created")?,
        headline_rate,
        values,
        preset,
    })
}

/// Reads a saved-scenarios file. Entries that cannot be used are set aside (see the module
/// docs); a name used twice for a report gets a suffix.
pub fn load(text: &str) -> Result<Loaded, LoadError> {
    let doc = parse(text).map_err(LoadError::Syntax)?;
    let top = entries(&doc.value).ok_or(LoadError::NotScenarios)?;
    match get(top, "format") {
        Some(Json::String(f)) if f == FORMAT => {}
        _ => return Err(LoadError::NotScenarios),
    }
    let container_version = get(top, "version")
        .and_then(version)
        .ok_or(LoadError::BadVersion)?;
    let Some(Json::Array(items)) = get(top, "scenarios") else {
        return Err(LoadError::NoList);
    };
    let mut out = Loaded::default();
    for (index, item) in items.iter().enumerate() {
        match entry(&item.value, container_version) {
            Ok(s) => {
                push_renaming_clash(&mut out.scenarios, &mut out.renamed, s);
            }
            Err(reason) => {
                let e = entries(&item.value);
                let text = |key| match e.and_then(|e| get(e, key)) {
                    Some(Json::String(s)) => Some(s.clone()),
                    _ => None,
                };
                // An entry that inherits a newer container's version keeps it explicitly, so
                // that written back under this version's container it stays set aside.
                let mut raw = item.value.clone();
                if let Json::Object(fields) = &mut raw {
                    if container_version != VERSION && !fields.iter().any(|(k, _)| k == "version") {
                        fields.insert(
                            0,
                            (
                                "version".to_string(),
                                Spanned {
                                    value: Json::Number(container_version as f64),
                                    line: item.line,
                                    column: item.column,
                                },
                            ),
                        );
                    }
                }
                out.set_aside.push(SetAside {
                    index,
                    name: text("name"),
                    report: text("report"),
                    reason,
                    raw,
                });
            }
        }
    }
    Ok(out)
}

fn entry_out(s: &SavedScenario) -> Out {
    let mut fields = vec![
        ("version".to_string(), Out::Number(VERSION as f64)),
        ("name".to_string(), Out::str(&s.name)),
        ("report".to_string(), Out::str(&s.report)),
        ("created".to_string(), Out::str(&s.created)),
    ];
    if let Some(r) = s.headline_rate {
        fields.push(("headline_rate".to_string(), Out::Number(r)));
    }
    if let Some(p) = &s.preset {
        fields.push(("preset".to_string(), Out::str(p)));
    }
    fields.push((
        "values".to_string(),
        Out::object(s.values.iter().map(|(k, v)| (k.clone(), Out::Number(*v)))),
    ));
    Out::Object(fields)
}

/// The storage text: every scenario, then every set-aside entry exactly as it was read.
pub fn to_json(scenarios: &[SavedScenario], set_aside: &[SetAside]) -> String {
    let list = scenarios
        .iter()
        .map(entry_out)
        .chain(set_aside.iter().map(|s| Out::from_json(&s.raw)))
        .collect();
    Out::object([
        ("format", Out::str(FORMAT)),
        ("version", Out::Number(VERSION as f64)),
        ("scenarios", Out::Array(list)),
    ])
    .to_pretty()
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
}
