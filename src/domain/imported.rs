//! Reports a reader imported, kept on their device: the storage format and the operations on
//! it as pure functions. The browser edge keeps texts under keys (local storage); nothing here
//! touches the browser.
//!
//! Layout: one index key lists the imports; each report is its own key, so a damaged entry
//! costs that report only and a full quota refuses one import without touching the others.
//!
//! ```json
//! {"format": "report-explorer/imported", "version": 1,
//!  "reports": [{"id": "imported-sales-1a2b", "file": "sales.csv", "imported": "2026-12-02"}]}
//! ```
//!
//! An entry whose report text is missing or no longer valid is listed with the reason and kept
//! (never deleted behind the reader's back); the reader may remove it.

use super::catalogue::content_hash;
use super::load::parse_report;
use super::schema::Report;
use super::validate::ValidationError;
use serde::{Deserialize, Serialize};

/// `format` of the index.
pub const FORMAT: &str = "report-explorer/imported";
pub const VERSION: u32 = 1;
/// Ids of imported reports start with this, so a link to one can be recognised on a device
/// that does not have it.
pub const ID_PREFIX: &str = "imported-";
/// The index's storage key, and the prefix of each report's key.
pub const INDEX_KEY: &str = "report-explorer.imported";

/// The storage key of one imported report.
pub fn report_key(id: &str) -> String {
    format!("{INDEX_KEY}.{id}")
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ImportedIndex {
    pub format: String,
    pub version: u32,
    #[serde(default)]
    pub reports: Vec<ImportedEntry>,
}

impl Default for ImportedIndex {
    fn default() -> Self {
        ImportedIndex {
            format: FORMAT.into(),
            version: VERSION,
            reports: Vec::new(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ImportedEntry {
    pub id: String,
    /// The file the reader imported (or "pasted text").
    pub file: String,
    /// When: a date given by the caller (the domain has no clock).
    pub imported: String,
}

/// Why the index could not be read. The caller keeps the text as it is and writes nothing.
#[derive(Debug, Clone, PartialEq)]
pub enum IndexError {
    NotJson(String),
    OtherFormat,
    Newer(u32),
}

impl std::fmt::Display for IndexError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            IndexError::NotJson(e) => write!(f, "the list of imported reports is damaged: {e}"),
            IndexError::OtherFormat => write!(f, "the list of imported reports is not in a known format"),
            IndexError::Newer(v) => write!(
                f,
                "the list of imported reports was written by a newer version of the app (version {v})"
            ),
        }
    }
}

/// Reads the index text (absent: empty).
pub fn read_index(text: Option<&str>) -> Result<ImportedIndex, IndexError> {
    let Some(text) = text else {
        return Ok(ImportedIndex::default());
    };
    let index: ImportedIndex =
        serde_json::from_str(text).map_err(|e| IndexError::NotJson(e.to_string()))?;
    if index.format != FORMAT {
        return Err(IndexError::OtherFormat);
    }
    if index.version > VERSION {
        return Err(IndexError::Newer(index.version));
    }
    Ok(index)
}

pub fn write_index(index: &ImportedIndex) -> String {
    serde_json::to_string(index).unwrap_or_default()
}

/// One listed import as loaded: the report, or why it cannot be used (kept as it is).
#[derive(Debug, Clone, PartialEq)]
pub struct Loaded {
    pub entry: ImportedEntry,
    pub report: Result<Report, StoredReportError>,
    /// Content hash of the stored text (for the card's cache key), empty when it is gone.
    pub hash: String,
}

/// Why a kept report can no longer be opened: a value, worded where it is shown.
#[derive(Debug, Clone, PartialEq)]
pub enum StoredReportError {
    /// The report's key is gone from this device's storage.
    Missing,
    /// Its text no longer reads as a valid report.
    Invalid(ValidationError),
    /// It reads, but as another report than the list says.
    OtherId { stored_as: String, found: String },
}

/// Reads each listed report's text (`None`: the key is gone).
pub fn load_reports(
    index: &ImportedIndex,
    text_of: impl Fn(&str) -> Option<String>,
) -> Vec<Loaded> {
    index
        .reports
        .iter()
        .map(|entry| load_report(entry, &text_of))
        .collect()
}

/// Reads one listed report's text (`None`: the key is gone).
pub fn load_report(entry: &ImportedEntry, text_of: impl Fn(&str) -> Option<String>) -> Loaded {
    let text = text_of(&report_key(&entry.id));
    let hash = text
        .as_deref()
        .map(|t| content_hash(t.as_bytes()))
        .unwrap_or_default();
    let report = match text {
        None => Err(StoredReportError::Missing),
        Some(text) => parse_report(&entry.file, &text)
            .map_err(StoredReportError::Invalid)
            .and_then(|r| {
                if r.id == entry.id {
                    Ok(r)
                } else {
                    Err(StoredReportError::OtherId {
                        stored_as: entry.id.clone(),
                        found: r.id,
                    })
                }
            }),
    };
    Loaded {
        entry: entry.clone(),
        report,
        hash,
    }
}

/// Prepares a report for keeping: its id gets the imported prefix and, if another report
/// already has it (`taken`), a number. Returns the report as stored and its text.
pub fn prepare(mut report: Report, taken: impl Fn(&str) -> bool) -> (Report, String) {
    let base = if report.id.starts_with(ID_PREFIX) {
        report.id.clone()
    } else {
        format!("{ID_PREFIX}{}", report.id)
    };
    let mut id = base.clone();
    let mut n = 2;
    while taken(&id) {
        id = format!("{base}-{n}");
        n += 1;
    }
    report.id = id;
    let text = serde_json::to_string_pretty(&report).unwrap_or_default();
    (report, text)
}

/// The index with one more entry (replacing one of the same id).
pub fn with_entry(index: &ImportedIndex, entry: ImportedEntry) -> ImportedIndex {
    let mut next = index.clone();
    next.reports.retain(|e| e.id != entry.id);
    next.reports.push(entry);
    next
}

/// The index without `id`.
pub fn without(index: &ImportedIndex, id: &str) -> ImportedIndex {
    let mut next = index.clone();
    next.reports.retain(|e| e.id != id);
    next
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::bundled::load_bundled;

    #[test]
    fn a_kept_report_reads_back_identical() {
        let (reports, _) = load_bundled();
        let (kept, text) = prepare(reports[0].clone(), |_| false);
        assert_eq!(kept.id, "imported-smartphone-leasing");
        let index = with_entry(
            &ImportedIndex::default(),
            ImportedEntry {
                id: kept.id.clone(),
                file: "smartphone-leasing.json".into(),
                imported: "2026-12-02".into(),
            },
        );
        let stored = write_index(&index);
        let back = read_index(Some(&stored)).unwrap();
        let loaded = load_reports(&back, |key| {
            (key == report_key(&kept.id)).then(|| text.clone())
        });
        assert_eq!(loaded.len(), 1);
        assert_eq!(loaded[0].report.as_ref().unwrap(), &kept);
    }

    #[test]
    fn ids_never_clash() {
        let (reports, _) = load_bundled();
        let taken = [
            "imported-smartphone-leasing",
            "imported-smartphone-leasing-2",
        ];
        let (kept, _) = prepare(reports[0].clone(), |id| taken.contains(&id));
        assert_eq!(kept.id, "imported-smartphone-leasing-3");
    }

    #[test]
    fn a_damaged_or_missing_report_is_listed_with_its_reason_not_dropped() {
        let index = ImportedIndex {
            reports: vec![
                ImportedEntry {
                    id: "imported-a".into(),
                    file: "a.json".into(),
                    imported: "2026-12-01".into(),
                },
                ImportedEntry {
                    id: "imported-b".into(),
                    file: "b.json".into(),
                    imported: "2026-12-01".into(),
                },
            ],
            ..ImportedIndex::default()
        };
        let loaded = load_reports(&index, |key| {
            (key == report_key("imported-a")).then(|| "{\"id\": ".to_string())
        });
        assert_eq!(loaded.len(), 2);
        match loaded[0].report.as_ref().unwrap_err() {
            StoredReportError::Invalid(e) => assert_eq!(e.file, "a.json"),
            other => panic!("{other:?}"),
        }
        assert_eq!(
            loaded[1].report.as_ref().unwrap_err(),
            &StoredReportError::Missing
        );
    }

    #[test]
    fn the_index_refuses_what_it_cannot_read() {
        assert_eq!(read_index(None).unwrap(), ImportedIndex::default());
        assert!(matches!(read_index(Some("[")), Err(IndexError::NotJson(_))));
        assert_eq!(
            read_index(Some("{\"format\":\"x\",\"version\":1}")),
            Err(IndexError::OtherFormat)
        );
        assert_eq!(
            read_index(Some(
                "{\"format\":\"report-explorer/imported\",\"version\":7}"
            )),
            Err(IndexError::Newer(7))
        );
    }
}
