//! The reader's own reports: the import panel (file picker, drop anywhere on the page, paste),
//! and the imported reports kept on this device (listed in the library, opened like bundled
//! ones, exported as report JSON, removed). The storage format and every decision live in
//! `domain::imported`; this file wires them to signals and storage.
//!
//! Only the panel's closed state is in the first visit's module: reading a file the reader
//! gives (encodings, CSV sniffing, JSON) and the preview with its corrections are a wasm chunk
//! (`ui::lazy::import_read`, `import_preview`) fetched the first time a file is given. If it
//! does not arrive, the panel says so with "Try again", which reads the same input again.

use super::import_csv::{CsvPending, CsvState};
use super::state::{use_app, AppState};
use crate::browser::storage::{self, StorageError};
use crate::browser::{download, files};
use crate::domain::catalogue::{content_hash, CatalogueEntry};
use crate::domain::import::check_size;
use crate::domain::import::ImportError;
use crate::domain::imported::{
    load_report, prepare, read_index, report_key, with_entry, without, write_index, ImportedEntry,
    ImportedIndex, IndexError, StoredReportError, INDEX_KEY,
};
use crate::domain::imported_sync::{ImportChange, ImportChanges};
use crate::domain::schema::{LocalText, Report};
use crate::domain::validate::ValidationError;
use crate::i18n::errors::index_reason;
use crate::i18n::import::{CsvMsg, ImportChunkMsg, ImportMsg};
use crate::i18n::validation::validation_text;
use crate::i18n::{fill, Locale, Message};
use leptos::prelude::*;
use std::sync::Arc;

/// One kept import: its card, or why it can no longer be opened (kept until the reader
/// removes it).
#[derive(Debug, Clone, PartialEq)]
pub struct ImportedItem {
    pub entry: ImportedEntry,
    pub card: Result<Arc<CatalogueEntry>, StoredReportError>,
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

/// A message after an action: a value naming what happened, with its data (titles in every
/// language, file names, errors), worded where the panel shows it in the language of the
/// moment.
#[derive(Debug, Clone)]
pub enum Status {
    /// Kept on this device (the report's title).
    Imported(LocalText),
    /// Forgotten (its title, or its file's name when it could no longer be read).
    Removed(LocalText),
    /// Storage did not take the change: nothing changed.
    NotKept { title: LocalText, why: StorageError },
    /// What was given could not be imported (the file's name): nothing changed.
    Failed { file: String, why: ImportFailure },
    /// The stored list of imports can no longer be read, so it is not written over.
    ListUnreadable(IndexError),
    /// The reader cancelled a table's import.
    Cancelled,
    /// The import's code did not arrive for an export.
    ExportUnloaded,
}

/// Why something given could not be imported.
#[derive(Debug, Clone)]
pub enum ImportFailure {
    NotText,
    /// A report JSON that is not a valid report: the file, the place in it and the reason.
    NotReport(ValidationError),
    /// The stored list of imports cannot be read, so nothing is kept over it.
    List(IndexError),
    /// The import's own error, with the function that words it: that code is in the import's
    /// chunk (`i18n::import::import_error_text`, made where the error is, in
    /// `import_preview::import_failure`), so the first visit does not carry it.
    Import(ImportError, fn(&ImportError, Locale) -> String),
}

impl ImportFailure {
    fn text(&self, locale: Locale) -> String {
        match self {
            ImportFailure::NotText => ImportMsg::NotText.text(locale).to_string(),
            ImportFailure::NotReport(e) => validation_text(e, locale),
            ImportFailure::List(e) => index_reason(e, locale),
            ImportFailure::Import(e, word) => word(e, locale),
        }
    }
}

impl Status {
    /// Whether it says something went wrong.
    pub fn error(&self) -> bool {
        !matches!(
            self,
            Status::Imported(_) | Status::Removed(_) | Status::Cancelled
        )
    }

    /// The message, and its detail, in `locale`.
    pub fn text(&self, locale: Locale) -> (String, Option<String>) {
        let title = |t: &LocalText| crate::domain::format::pick(t, locale).0.to_string();
        match self {
            Status::Imported(t) => (fill(ImportMsg::Imported.text(locale), &[&title(t)]), None),
            Status::Removed(t) => (fill(ImportMsg::Removed.text(locale), &[&title(t)]), None),
            Status::NotKept { title: t, why } => (
                match why {
                    StorageError::Full => fill(ImportMsg::Full.text(locale), &[&title(t)]),
                    StorageError::Unavailable => ImportMsg::Unavailable.text(locale).to_string(),
                },
                None,
            ),
            Status::Failed { file, why } => (
                fill(
                    ImportMsg::FailedNothingChanged.text(locale),
                    &[
                        &fill(ImportMsg::Failed.text(locale), &[file]),
                        ImportMsg::NothingChanged.text(locale),
                    ],
                ),
                Some(why.text(locale)),
            ),
            Status::ListUnreadable(e) => (index_reason(e, locale), None),
            Status::Cancelled => (CsvMsg::Cancelled.text(locale).to_string(), None),
            Status::ExportUnloaded => (
                ImportChunkMsg::ExportUnloaded.text(locale).to_string(),
                None,
            ),
        }
    }
}

/// What the reader gave, as it arrived: a file's bytes (the encoding still to find) or pasted
/// text.
#[derive(Debug)]
pub enum Received {
    Bytes(Vec<u8>),
    Text(String),
    /// A file over the size limit (its size), refused before reading: the import's code says
    /// why in the reader's language.
    TooLarge(usize),
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
    /// The code that reads a given file did not arrive (its wasm chunk): the panel says so.
    pub unloaded: RwSignal<bool>,
    /// The input being read, kept until it is read so "Try again" can read it again.
    again: StoredValue<Option<(String, Arc<Received>)>>,
    /// What this tab kept and removed, put back if another tab's write loses it.
    changes: StoredValue<ImportChanges>,
}

impl Imports {
    /// Reads what this device keeps, and follows what other tabs keep and remove; kept
    /// reports go into the app's cache so they open like any other.
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
            unloaded: RwSignal::new(false),
            again: StoredValue::new(None),
            changes: StoredValue::new(ImportChanges::default()),
        };
        match read_index(storage::get(INDEX_KEY).as_deref()) {
            Err(e) => imports.blocked.set(Some(e)),
            Ok(index) => imports.show(app, index),
        }
        let listener = storage::on_change(move |key| {
            if key.is_none() || key.as_deref() == Some(INDEX_KEY) {
                imports.follow(app);
            }
        });
        let _keep = StoredValue::new_local(listener);
        imports
    }

    /// Shows the list `index` names: the reports already shown as they are, the others read
    /// from storage (and cached, so they open).
    fn show(self, app: AppState, index: ImportedIndex) {
        let shown = self.items.get_untracked();
        let items: Vec<ImportedItem> = index
            .reports
            .iter()
            .map(|entry| match shown.iter().find(|i| i.entry == *entry) {
                Some(item) => item.clone(),
                None => {
                    let l = load_report(entry, storage::get);
                    ImportedItem {
                        card: l.report.map(|r| {
                            let card = card_of(&r, &l.entry.file, &l.hash);
                            cache(app, r);
                            card
                        }),
                        entry: l.entry,
                    }
                }
            })
            .collect();
        // An entry shown already keeps its item, so equal entries mean nothing changed.
        if !items
            .iter()
            .map(|i| &i.entry)
            .eq(shown.iter().map(|i| &i.entry))
        {
            // A report another tab removed no longer opens here either (a link to it says it
            // is not on this device), and its id is free again.
            for gone in shown
                .iter()
                .filter(|s| !index.reports.iter().any(|e| e.id == s.entry.id))
            {
                app.reports.update_value(|r| {
                    r.remove(&gone.entry.id);
                });
            }
            self.items.set(items);
        }
        self.index.set_value(index);
    }

    /// Another tab changed the list: shows it, with this tab's changes that the write lost
    /// put back and written again.
    fn follow(self, app: AppState) {
        let Ok(text) = storage::read(INDEX_KEY) else {
            return;
        };
        match read_index(text.as_deref()) {
            Err(e) => self.blocked.set(Some(e)),
            Ok(index) => {
                self.blocked.set(None);
                let index = match self.with_my_changes(&index) {
                    Some(fixed) => match storage::set(INDEX_KEY, &write_index(&fixed)) {
                        Ok(()) => fixed,
                        // Not listed in storage until this tab's next write; an import put
                        // back is said as a refused keep.
                        Err(why) => {
                            if let Some(e) =
                                fixed.reports.iter().find(|e| !index.reports.contains(e))
                            {
                                let title = title_of(app, &e.id, &e.file);
                                self.status.set(Some(Status::NotKept { title, why }));
                            }
                            index
                        }
                    },
                    None => index,
                };
                self.show(app, index);
            }
        }
    }

    /// `index` with what this tab kept or removed and another tab's write lost put back.
    fn with_my_changes(self, index: &ImportedIndex) -> Option<ImportedIndex> {
        self.changes.with_value(|c| {
            c.reconcile(index, |id| {
                storage::get(&report_key(id)).map(|t| content_hash(t.as_bytes()))
            })
        })
    }

    /// Reads a file the reader picked or dropped.
    pub fn receive_file(self, app: AppState, file: web_sys::File) {
        let name = file.name();
        app.open.set(None);
        self.pending.set(None);
        // Refused before reading: the size is known without touching the bytes.
        let size = file.size() as usize;
        if check_size(&name, size).is_err() {
            self.read(name, Arc::new(Received::TooLarge(size)));
            return;
        }
        self.busy.set(Some(name.clone()));
        let read = files::read_bytes(&file);
        leptos::task::spawn_local(async move {
            match read.await {
                Ok(bytes) => self.read(name, Arc::new(Received::Bytes(bytes))),
                Err(_) => {
                    self.busy.set(None);
                    self.fail(&name, ImportFailure::NotText);
                }
            }
        });
    }

    /// Reads pasted text and shows the preview, or says why it cannot.
    pub fn receive_text(self, name: String, text: String) {
        self.read(name, Arc::new(Received::Text(text)));
    }

    /// Hands the input to the import's code, fetching its chunk the first time: meanwhile the
    /// "Reading…" line shows; if it does not arrive, the panel offers to try again.
    fn read(self, name: String, input: Arc<Received>) {
        self.unloaded.set(false);
        self.again.set_value(Some((name.clone(), input.clone())));
        let mut reading = Box::pin(super::lazy::import_read(self, name.clone(), input));
        let settle = move |read: Result<(), super::lazy::ChunkFailed>| {
            self.busy.set(None);
            match read {
                Ok(()) => self.again.set_value(None),
                Err(_) => self.unloaded.set(true),
            }
        };
        match super::lazy::ready_now(reading.as_mut()) {
            Some(read) => settle(read),
            None => {
                self.busy.set(Some(name));
                leptos::task::spawn_local(async move { settle(reading.await) });
            }
        }
    }

    /// Reads again the input whose code did not arrive.
    pub fn read_again(self) {
        if let Some((name, input)) = self.again.get_value() {
            self.read(name, input);
        }
    }

    /// Says that what was given (`name`) could not be imported, and why.
    pub fn fail(self, name: &str, why: ImportFailure) {
        self.status.set(Some(Status::Failed {
            file: name.to_string(),
            why,
        }));
    }

    /// The list of imports as storage holds it now (another tab may have changed it), with
    /// this tab's changes that another tab's write lost put back; when it can no longer be
    /// read, nothing is kept over it.
    fn current_index(self) -> Result<ImportedIndex, IndexError> {
        match storage::read(INDEX_KEY) {
            // No storage: the write that follows says so.
            Err(_) => Ok(self.index.get_value()),
            Ok(text) => read_index(text.as_deref())
                .map(|index| self.with_my_changes(&index).unwrap_or(index))
                .inspect_err(|e| {
                    self.blocked.set(Some(e.clone()));
                }),
        }
    }

    /// Keeps a report on this device: its own key first, then the list; a failure at either
    /// step leaves storage as it was.
    pub fn keep(self, app: AppState, report: Report, file: &str) {
        let file = file.to_string();
        if let Some(reason) = self.blocked.get_untracked() {
            self.fail(&file, ImportFailure::List(reason));
            return;
        }
        // Another tab may have kept or removed imports since this page read the list: its
        // ids are taken too, so nothing it kept is overwritten.
        let current = match self.current_index() {
            Ok(index) => index,
            Err(reason) => {
                self.fail(&file, ImportFailure::List(reason));
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
        // A report's key that another tab has just written (its list not here yet) is taken
        // too: its text is never written over.
        let (report, text) = prepare(report, |id| {
            taken.iter().any(|t| t == id) || storage::get(&report_key(id)).is_some()
        });
        let title = report.meta.title.clone();
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
        if let Err(why) = written {
            self.status.set(Some(Status::NotKept { title, why }));
            return;
        }
        let hash = content_hash(text.as_bytes());
        let card = card_of(&report, &file, &hash);
        cache(app, report);
        self.changes.update_value(|c| {
            c.record(ImportChange::Kept {
                entry: entry.clone(),
                hash,
            })
        });
        let mut items = self.items.get_untracked();
        items.retain(|i| i.entry.id != entry.id);
        items.push(ImportedItem {
            entry,
            card: Ok(card),
        });
        self.items.set(items);
        // The rest as the list now reads (other tabs' imports and repairs included).
        self.show(app, next);
        self.pending.set(None);
        self.paste.set(String::new());
        self.status.set(Some(Status::Imported(title)));
    }

    /// Forgets an import: its data first, then the list (a tab that kept it and hears of the
    /// list without it then finds its key gone, so it knows the removal was meant; see
    /// `domain::imported_sync`). If the list cannot be written, its data is put back.
    pub fn remove(self, app: AppState, id: &str) {
        let current = match self.current_index() {
            Ok(index) => index,
            Err(reason) => {
                self.status.set(Some(Status::ListUnreadable(reason)));
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
                        Ok(c) => c.title.clone(),
                        Err(_) => LocalText::en(&i.entry.file),
                    })
            })
            .unwrap_or_else(|| LocalText::en(id));
        let key = report_key(id);
        let data = storage::get(&key);
        storage::remove(&key);
        if let Err(why) = storage::set(INDEX_KEY, &write_index(&next)) {
            if let Some(data) = data {
                let _ = storage::set(&key, &data);
            }
            self.status.set(Some(Status::NotKept { title, why }));
            return;
        }
        self.changes
            .update_value(|c| c.record(ImportChange::Removed(id.to_string())));
        app.reports.update_value(|r| {
            r.remove(id);
        });
        self.show(app, next);
        self.status.set(Some(Status::Removed(title)));
    }
}

/// The card of a kept report; `hash` is that of its stored text (no second serialisation).
fn card_of(report: &Report, file: &str, hash: &str) -> Arc<CatalogueEntry> {
    Arc::new(CatalogueEntry::of(report, file, hash))
}

/// A kept report's title as the app has it, else its file's name.
fn title_of(app: AppState, id: &str, file: &str) -> LocalText {
    app.report(id)
        .map(|r| r.meta.title.clone())
        .unwrap_or_else(|| LocalText::en(file))
}

fn cache(app: AppState, report: Report) {
    app.reports.update_value(|r| {
        r.insert(report.id.clone(), Arc::new(report));
    });
}

/// Offers an imported report as a report JSON file a publisher can add with
/// `scripts/catalogue.sh`. Writing a report (the schema's serde code) is in the import's chunk.
pub fn export(app: AppState, imports: Imports, id: &str) {
    let Some(report) = app.report(id) else {
        return;
    };
    let mut exporting = Box::pin(super::lazy::import_export(report));
    let settle = move |done: Result<(), super::lazy::ChunkFailed>| {
        if done.is_err() {
            imports.status.set(Some(Status::ExportUnloaded));
        }
    };
    match super::lazy::ready_now(exporting.as_mut()) {
        Some(done) => settle(done),
        None => leptos::task::spawn_local(async move { settle(exporting.await) }),
    }
}

/// Downloads a report as its JSON file (the import's chunk).
pub fn download_report(report: &Report) {
    let text = serde_json::to_string_pretty(report).unwrap_or_default();
    let name = format!("{}.json", report.id);
    let _ = download::download_text(&name, "application/json", &text);
}

/// A text of the panel in the reader's language (one closure type for all of them).
fn tr(app: AppState, m: ImportMsg) -> impl Fn() -> &'static str + Copy + 'static {
    move || m.text(app.locale.get())
}

/// The import panel: picker, paste, the last message, and the preview of what was given
/// (which comes with the import's chunk).
#[component]
pub fn ImportPanel(imports: Imports) -> impl IntoView {
    let app = use_app();
    let t = move |m: ImportMsg| tr(app, m);
    let pick = move |ev: leptos::ev::Event| {
        let input = event_target::<web_sys::HtmlInputElement>(&ev);
        if let Some(file) = files::first_file(input.files()) {
            imports.receive_file(app, file);
        }
        // The same file may be chosen again after a correction.
        input.set_value("");
    };
    let read_pasted = move |_| {
        let text = imports.paste.get_untracked();
        if !text.trim().is_empty() {
            let name = ImportMsg::PastedText.text(app.locale.get_untracked());
            imports.receive_text(name.to_string(), text);
        }
    };
    let busy = move || {
        imports.busy.get().map(|name| {
            view! {
                <p class="loading" role="status">
                    {move || fill(ImportMsg::Reading.text(app.locale.get()), &[&name])}
                </p>
            }
        })
    };
    let blocked = move || {
        imports.blocked.get().map(|reason| {
            view! {
                <div class="notice warning" role="alert">
                    <p>{t(ImportMsg::ListUnreadable)}</p>
                    <p class="reason">{move || index_reason(&reason, app.locale.get())}</p>
                </div>
            }
        })
    };
    let status = move || {
        // Worded anew whenever the status or the language changes.
        let locale = app.locale.get();
        imports.status.get().map(|s| {
            let (class, role) = if s.error() {
                ("notice error", "alert")
            } else {
                ("notice info", "status")
            };
            let (text, detail) = s.text(locale);
            view! {
                <div class=class role=role data-testid="import-status">
                    <p>{text}</p>
                    {detail.map(|d| view! { <p class="reason">{d}</p> })}
                </div>
            }
        })
    };
    let unloaded = move || {
        imports.unloaded.get().then(|| {
            view! {
                <section class="notice error view-error" role="alert" data-testid="import-unloaded">
                    <p>{move || ImportChunkMsg::Unloaded.text(app.locale.get())}</p>
                    <p class="actions">
                        <button
                            class="primary"
                            data-testid="import-retry"
                            on:click=move |_| imports.read_again()
                        >
                            {move || ImportChunkMsg::Retry.text(app.locale.get())}
                        </button>
                    </p>
                </section>
            }
        })
    };
    let previewing = Memo::new(move |_| imports.pending.with(Option::is_some));
    let preview = move || {
        previewing
            .get()
            .then(|| view! { <PreviewSlot imports=imports /> })
    };
    view! {
        <section class="import" aria-labelledby="import-heading">
            <h2 id="import-heading">{t(ImportMsg::Heading)}</h2>
            <p class="intro">{t(ImportMsg::Intro)}</p>
            <div class="import-pick">
                <label class="button-like" for="import-file">{t(ImportMsg::ChooseFile)}</label>
                <input
                    id="import-file"
                    class="visually-hidden"
                    type="file"
                    accept=".json,.csv,.tsv,.txt,application/json,text/csv,text/plain"
                    on:change=pick
                />
                <span class="hint">{t(ImportMsg::DropHint)}</span>
            </div>
            <details class="import-paste">
                <summary>{t(ImportMsg::PasteLabel)}</summary>
                <textarea
                    id="import-paste"
                    rows="6"
                    spellcheck="false"
                    aria-label=t(ImportMsg::PasteLabel)
                    prop:value=move || imports.paste.get()
                    on:input=move |ev| imports.paste.set(event_target_value(&ev))
                ></textarea>
                <button class="secondary" data-testid="read-pasted" on:click=read_pasted>
                    {t(ImportMsg::ReadPasted)}
                </button>
            </details>
            {busy}
            {blocked}
            {status}
            {unloaded}
            {preview}
        </section>
    }
}

/// The preview, from the import's chunk. The chunk is here (it read what is previewed), but
/// the first call of this split point still asks the loader, which answers on a later tick.
#[component]
fn PreviewSlot(imports: Imports) -> impl IntoView {
    // The preview's own reactive scope, under this slot's, kept here: it lives as long as the
    // slot (an owner whose last handle drops disposes what it owns).
    let owner = StoredValue::new(Owner::new());
    let ready = RwSignal::new(false);
    let built = StoredValue::new_local(None::<AnyView>);
    let settle = move |loaded: Result<AnyView, super::lazy::ChunkFailed>| match loaded {
        Ok(view) => {
            built.set_value(Some(view));
            ready.set(true);
        }
        // Not here after all: offer to read the input again (which fetches it).
        Err(_) => imports.unloaded.set(true),
    };
    let mut loading = Box::pin(super::lazy::import_preview(owner.get_value(), imports));
    match super::lazy::ready_now(loading.as_mut()) {
        Some(loaded) => settle(loaded),
        None => leptos::task::spawn_local(async move {
            let loaded = loading.await;
            // The preview may have been closed meanwhile.
            if !ready.is_disposed() {
                settle(loaded);
            }
        }),
    }
    move || {
        ready
            .get()
            .then(|| built.try_update_value(Option::take).flatten())
            .flatten()
    }
}
