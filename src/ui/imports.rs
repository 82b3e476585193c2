//! The reader's own reports: the import panel (file picker, drop anywhere on the page, paste),
//! the preview before keeping, and the imported reports kept on this device (listed in the
//! library, opened like bundled ones, exported as report JSON, removed). The storage format
//! and every decision live in `domain::imported`; this file wires them to signals and storage.

use super::common::local_text;
use super::dom::{el, text_el, Ev, Node, On};
use super::import_csv::{CsvPending, CsvState};
use super::state::AppState;
use crate::browser::storage::{self, StorageError};
use crate::browser::{download, files};
use crate::domain::catalogue::{content_hash, CatalogueEntry};
use crate::domain::import::{check_size, decode, detect_encoding, sniff, Sniffed};
use crate::domain::imported::{
    load_reports, prepare, read_index, report_key, with_entry, without, write_index, ImportedEntry,
    ImportedIndex, IndexError, INDEX_KEY,
};
use crate::domain::load::parse_report;
use crate::domain::schema::Report;
use crate::i18n::errors::index_reason;
use crate::i18n::import::import_error_text;
use crate::i18n::import::ImportMsg;
use crate::i18n::{fill, Locale, Message};
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// One kept import: its card, or why it can no longer be opened (kept until the reader
/// removes it).
#[derive(Debug, Clone, PartialEq)]
pub struct ImportedItem {
    pub entry: ImportedEntry,
    pub card: Result<Arc<CatalogueEntry>, String>,
}

/// What the reader is about to import, shown for confirmation.
#[derive(Debug, Clone, PartialEq)]
pub enum Pending {
    Json {
        file: String,
        report: Arc<Report>,
    },
    /// A table: what was guessed, for the reader to correct (options live in `Imports::csv`).
    Csv(CsvPending),
}

/// A message after an action: what happened, and whether it is a problem.
#[derive(Debug, Clone, PartialEq)]
pub struct Status {
    pub text: String,
    pub detail: Option<String>,
    pub error: bool,
}

#[derive(Clone, Copy)]
pub struct Imports {
    pub items: RwSignal<Vec<ImportedItem>>,
    index: StoredValue<ImportedIndex>,
    /// The stored list could not be read: it is left untouched and nothing new is kept.
    pub blocked: RwSignal<Option<IndexError>>,
    pub status: RwSignal<Option<Status>>,
    pub pending: RwSignal<Option<Pending>>,
    /// A file is being read (its name).
    pub busy: RwSignal<Option<String>>,
    pub paste: RwSignal<String>,
    pub csv: CsvState,
}

impl Imports {
    /// Reads what this device keeps; kept reports go into the app's cache so they open like
    /// any other.
    pub fn load(app: AppState) -> Self {
        let imports = Imports {
            items: RwSignal::new(Vec::new()),
            index: StoredValue::new(ImportedIndex::default()),
            blocked: RwSignal::new(None),
            status: RwSignal::new(None),
            pending: RwSignal::new(None),
            busy: RwSignal::new(None),
            paste: RwSignal::new(String::new()),
            csv: CsvState::new(),
        };
        match read_index(storage::get(INDEX_KEY).as_deref()) {
            Err(e) => imports.blocked.set(Some(e)),
            Ok(index) => {
                let loaded = load_reports(&index, storage::get);
                let items = loaded
                    .into_iter()
                    .map(|l| ImportedItem {
                        card: l.report.map(|r| {
                            let card = card_of(&r, &l.entry.file, &l.hash);
                            cache(app, r);
                            card
                        }),
                        entry: l.entry,
                    })
                    .collect();
                imports.items.set(items);
                imports.index.set_value(index);
            }
        }
        imports
    }

    /// Reads a file the reader picked or dropped.
    pub fn receive_file(self, app: AppState, file: web_sys::File) {
        let name = file.name();
        let locale = app.locale.get_untracked();
        app.open.set(None);
        self.pending.set(None);
        // Refused before reading: the size is known without touching the bytes.
        if let Err(e) = check_size(&name, file.size() as usize) {
            self.fail(locale, &name, import_error_text(&e, locale));
            return;
        }
        self.busy.set(Some(name.clone()));
        let read = files::read_bytes(&file);
        leptos::task::spawn_local(async move {
            let bytes = read.await;
            self.busy.set(None);
            let Ok(bytes) = bytes else {
                self.fail(locale, &name, ImportMsg::NotText.text(locale).to_string());
                return;
            };
            let detected = detect_encoding(&bytes);
            // UTF-8 and UTF-16 in Rust; GB18030 by the browser's TextDecoder.
            let text = decode(&bytes, detected)
                .or_else(|| files::decode(&bytes, detected.encoding.label()).ok());
            match text {
                Some(text) => self.receive_decoded(app, name, text, detected.guess().detail),
                None => self.fail(locale, &name, ImportMsg::NotText.text(locale).to_string()),
            }
        });
    }

    /// Reads pasted text and shows the preview, or says why it cannot.
    pub fn receive_text(self, app: AppState, name: String, text: String) {
        self.receive_decoded(app, name, text, "—".to_string());
    }

    /// A report JSON (it starts with `{`) or a table; `encoding` is what was detected.
    fn receive_decoded(self, app: AppState, name: String, text: String, encoding: String) {
        let locale = app.locale.get_untracked();
        self.status.set(None);
        self.csv.cancel();
        if text
            .trim_start_matches('\u{feff}')
            .trim_start()
            .starts_with('{')
        {
            match parse_report(&name, text.trim_start_matches('\u{feff}')) {
                Ok(report) => self.pending.set(Some(Pending::Json {
                    file: name,
                    report: Arc::new(report),
                })),
                Err(e) => self.fail(locale, &name, e.to_string()),
            }
            return;
        }
        match sniff(&name, &text) {
            Ok(sniffed) => {
                self.csv.options.set(Some(sniffed.options.clone()));
                self.pending.set(Some(Pending::Csv(CsvPending {
                    file: name,
                    text: Arc::new(text),
                    sniffed: Arc::new(sniffed),
                    encoding,
                })));
            }
            Err(e) => self.fail(locale, &name, import_error_text(&e, locale)),
        }
    }

    /// The table read again with another separator: new guesses, the title kept.
    pub fn replace_csv(self, sniffed: Sniffed) {
        let title = self
            .csv
            .options
            .with_untracked(|o| o.as_ref().map(|o| o.title.clone()));
        let mut options = sniffed.options.clone();
        if let Some(t) = title {
            options.title = t;
        }
        self.csv.options.set(Some(options));
        self.pending.update(|p| {
            if let Some(Pending::Csv(c)) = p {
                c.sniffed = Arc::new(sniffed);
            }
        });
    }

    /// A message after an action.
    pub fn say(self, text: String, error: bool) {
        self.status.set(Some(Status {
            text,
            detail: None,
            error,
        }));
    }

    pub fn fail(self, locale: Locale, name: &str, detail: String) {
        self.status.set(Some(Status {
            text: format!(
                "{} {}",
                fill(ImportMsg::Failed.text(locale), &[name]),
                ImportMsg::NothingChanged.text(locale)
            ),
            detail: Some(detail),
            error: true,
        }));
    }

    /// The list of imports as storage holds it now (another tab may have changed it); when it
    /// can no longer be read, nothing is kept over it.
    fn current_index(self) -> Result<ImportedIndex, IndexError> {
        match storage::read(INDEX_KEY) {
            // No storage: the write that follows says so.
            Err(_) => Ok(self.index.get_value()),
            Ok(text) => read_index(text.as_deref()).inspect_err(|e| {
                self.blocked.set(Some(e.clone()));
            }),
        }
    }

    /// Keeps the pending report on this device: its own key first, then the list; a failure
    /// at either step leaves storage as it was.
    pub fn confirm(self, app: AppState) {
        match self.pending.get_untracked() {
            Some(Pending::Json { file, report }) => self.keep(app, (*report).clone(), &file),
            Some(Pending::Csv(p)) => super::import_csv::run(app, self, p),
            None => {}
        }
    }

    /// Keeps a report on this device: its own key first, then the list; a failure at either
    /// step leaves storage as it was.
    pub fn keep(self, app: AppState, report: Report, file: &str) {
        let file = file.to_string();
        let locale = app.locale.get_untracked();
        if let Some(reason) = self.blocked.get_untracked() {
            self.fail(locale, &file, index_reason(&reason, locale));
            return;
        }
        // Another tab may have kept or removed imports since this page read the list: its
        // ids are taken too, so nothing it kept is overwritten.
        let current = match self.current_index() {
            Ok(index) => index,
            Err(reason) => {
                self.fail(locale, &file, index_reason(&reason, locale));
                return;
            }
        };
        let taken: Vec<String> = app.reports.with_value(|r| r.keys().cloned().collect());
        let taken: Vec<String> = taken
            .into_iter()
            .chain(app.catalogue.with_untracked(|c| match c {
                super::state::Load::Ready(c) => c.entries.iter().map(|e| e.id.clone()).collect(),
                _ => Vec::new(),
            }))
            .chain(current.reports.iter().map(|e| e.id.clone()))
            .collect();
        let (report, text) = prepare(report, &taken);
        let title = crate::domain::format::pick(&report.meta.title, locale)
            .0
            .to_string();
        let entry = ImportedEntry {
            id: report.id.clone(),
            file: file.clone(),
            imported: crate::browser::today(),
        };
        let next = with_entry(&current, entry.clone());
        let key = report_key(&report.id);
        let written = storage::set(&key, &text).and_then(|()| {
            storage::set(INDEX_KEY, &write_index(&next)).inspect_err(|_| storage::remove(&key))
        });
        if let Err(e) = written {
            self.status.set(Some(Status {
                text: storage_message(e, &title, locale),
                detail: None,
                error: true,
            }));
            return;
        }
        self.index.set_value(next);
        let card = card_of(&report, &file, &content_hash(text.as_bytes()));
        let id = report.id.clone();
        cache(app, report);
        self.items.update(|items| {
            items.retain(|i| i.entry.id != id);
            items.push(ImportedItem {
                entry,
                card: Ok(card),
            })
        });
        self.pending.set(None);
        self.paste.set(String::new());
        self.status.set(Some(Status {
            text: fill(ImportMsg::Imported.text(locale), &[&title]),
            detail: None,
            error: false,
        }));
    }

    /// Forgets an import: the list first (so a failure leaves it listed), then its data.
    pub fn remove(self, app: AppState, id: &str) {
        let locale = app.locale.get_untracked();
        let current = match self.current_index() {
            Ok(index) => index,
            Err(reason) => {
                self.say(index_reason(&reason, locale), true);
                return;
            }
        };
        let next = without(&current, id);
        let title = self
            .items
            .with_untracked(|items| {
                items
                    .iter()
                    .find(|i| i.entry.id == id)
                    .map(|i| match &i.card {
                        Ok(c) => crate::domain::format::pick(&c.title, locale).0.to_string(),
                        Err(_) => i.entry.file.clone(),
                    })
            })
            .unwrap_or_else(|| id.to_string());
        if let Err(e) = storage::set(INDEX_KEY, &write_index(&next)) {
            self.status.set(Some(Status {
                text: storage_message(e, &title, locale),
                detail: None,
                error: true,
            }));
            return;
        }
        storage::remove(&report_key(id));
        self.index.set_value(next);
        self.items
            .update(|items| items.retain(|i| i.entry.id != id));
        app.reports.update_value(|r| {
            r.remove(id);
        });
        self.status.set(Some(Status {
            text: fill(ImportMsg::Removed.text(locale), &[&title]),
            detail: None,
            error: false,
        }));
    }
}

fn storage_message(e: StorageError, title: &str, locale: Locale) -> String {
    match e {
        StorageError::Full => fill(ImportMsg::Full.text(locale), &[title]),
        StorageError::Unavailable => ImportMsg::Unavailable.text(locale).to_string(),
    }
}

/// The card of a kept report; `hash` is that of its stored text (no second serialisation).
fn card_of(report: &Report, file: &str, hash: &str) -> Arc<CatalogueEntry> {
    Arc::new(CatalogueEntry::of(report, file, hash))
}

fn cache(app: AppState, report: Report) {
    app.reports.update_value(|r| {
        r.insert(report.id.clone(), Arc::new(report));
    });
}

/// Offers an imported report as a report JSON file a publisher can add with
/// `scripts/catalogue.sh`.
pub fn export(app: AppState, id: &str) {
    if let Some(report) = app.report(id) {
        let text = serde_json::to_string_pretty(&*report).unwrap_or_default();
        let _ = download::download_text(&format!("{id}.json"), "application/json", &text);
    }
}

/// The import panel: picker, paste, the preview and the last message.
pub fn import_panel(app: AppState, imports: Imports, locale: Locale) -> Node {
    let t = |m: ImportMsg| m.text(locale);
    let mut panel = el("section")
        .class("import")
        .attr("aria-labelledby", "import-heading")
        .child(text_el("h2", "", t(ImportMsg::Heading)).id("import-heading"))
        .child(text_el("p", "intro", t(ImportMsg::Intro)))
        .child(
            el("div")
                .class("import-pick")
                .child(
                    text_el("label", "button-like", t(ImportMsg::ChooseFile))
                        .attr("for", "import-file"),
                )
                .child(
                    el("input")
                        .id("import-file")
                        .class("visually-hidden")
                        .attr("type", "file")
                        .attr(
                            "accept",
                            ".json,.csv,.tsv,.txt,application/json,text/csv,text/plain",
                        )
                        .on(On::Change, move |ev: &Ev| {
                            let input = ev
                                .target
                                .as_ref()
                                .and_then(|t| t.dyn_ref::<web_sys::HtmlInputElement>());
                            if let Some(file) = files::first_file(input.and_then(|i| i.files())) {
                                imports.receive_file(app, file);
                            }
                            if let Some(i) = input {
                                // The same file may be chosen again after a correction.
                                i.set_value("");
                            }
                        }),
                )
                .child(text_el("span", "hint", t(ImportMsg::DropHint))),
        )
        .child(
            el("details")
                .class("import-paste")
                .child(text_el("summary", "", t(ImportMsg::PasteLabel)))
                .child(
                    el("textarea")
                        .id("import-paste")
                        .attr("rows", "6")
                        .attr("spellcheck", "false")
                        .attr("aria-label", t(ImportMsg::PasteLabel))
                        .prop("value", imports.paste.get())
                        .on(On::Input, move |ev: &Ev| {
                            imports.paste.set(ev.value.clone())
                        }),
                )
                .child(
                    text_el("button", "secondary", t(ImportMsg::ReadPasted))
                        .testid("read-pasted")
                        .on_click(move || {
                            let text = imports.paste.get_untracked();
                            if !text.trim().is_empty() {
                                let name = ImportMsg::PastedText.text(app.locale.get_untracked());
                                imports.receive_text(app, name.to_string(), text);
                            }
                        }),
                ),
        );
    if let Some(name) = imports.busy.get() {
        panel = panel.child(
            text_el("p", "loading", fill(t(ImportMsg::Reading), &[&name])).attr("role", "status"),
        );
    }
    if let Some(reason) = imports.blocked.get() {
        panel = panel.child(
            el("div")
                .class("notice warning")
                .attr("role", "alert")
                .child(text_el("p", "", t(ImportMsg::ListUnreadable)))
                .child(text_el("p", "reason", index_reason(&reason, locale))),
        );
    }
    if let Some(status) = imports.status.get() {
        panel = panel.child(
            el("div")
                .class(if status.error {
                    "notice error"
                } else {
                    "notice info"
                })
                .attr("role", if status.error { "alert" } else { "status" })
                .testid("import-status")
                .child(text_el("p", "", status.text))
                .child_opt(status.detail.map(|d| text_el("p", "reason", d))),
        );
    }
    match imports.pending.get() {
        Some(Pending::Csv(p)) => {
            panel = panel.child(super::import_csv::preview(app, imports, &p, locale))
        }
        Some(pending) => panel = panel.child(preview(app, imports, &pending, locale)),
        None => {}
    }
    panel
}

fn preview(app: AppState, imports: Imports, pending: &Pending, locale: Locale) -> Node {
    let t = |m: ImportMsg| m.text(locale);
    let Pending::Json { file, report } = pending else {
        return el("div");
    };
    let years: Vec<i32> = report
        .series
        .iter()
        .flat_map(|s| s.points.iter().map(|p| p.year))
        .collect();
    let span = match (years.iter().min(), years.iter().max()) {
        (Some(a), Some(b)) => format!("{a}–{b}"),
        _ => "—".to_string(),
    };
    el("div")
        .class("import-preview")
        .testid("import-preview")
        .child(text_el("h3", "", fill(t(ImportMsg::Preview), &[file])))
        .child(text_el("p", "", t(ImportMsg::PreviewJson)))
        .child(
            el("p")
                .class("headline")
                .child(local_text(&report.meta.title, locale)),
        )
        .child(el("dl").class("meta").children([
            text_el("dt", "", t(ImportMsg::Series)),
            el("dd").text(report.series.len().to_string()),
            text_el("dt", "", t(ImportMsg::Years)),
            el("dd").text(span),
        ]))
        .child(
            el("p")
                .class("actions")
                .child(
                    text_el("button", "primary", t(ImportMsg::ImportIt))
                        .testid("confirm-import")
                        .on_click(move || imports.confirm(app)),
                )
                .child(
                    text_el("button", "link", t(ImportMsg::Cancel))
                        .on_click(move || imports.pending.set(None)),
                ),
        )
}
