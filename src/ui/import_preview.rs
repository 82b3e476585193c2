//! What the reader is about to import: the file or text they gave read into a pending import
//! (a report JSON, or a table with what was guessed), and its preview before keeping. This is
//! the import's wasm chunk (`ui::lazy::import_read`, `import_preview`), fetched the first time
//! a file is given; the CSV preview's corrections and run are in `import_csv.rs`.

use super::common::local_view;
use super::import_csv::{CsvPending, CsvPreview};
use super::imports::{ImportFailure, Imports, Pending, Received};
use super::state::{use_app, AppState};
use crate::browser::files;
use crate::domain::import::{check_size, decode, detect_encoding, sniff, ImportError};
use crate::domain::load::parse_report;
use crate::domain::schema::Report;
use crate::i18n::import::{import_error_text, year_span, ImportMsg};
use crate::i18n::{fill, Locale, Message};
use leptos::prelude::*;
use std::sync::Arc;

/// An import error as the panel keeps it, with the function that words it (this chunk's).
pub fn import_failure(e: ImportError) -> ImportFailure {
    ImportFailure::Import(e, import_error_text)
}

/// Reads what the reader gave: decoded (UTF-8 and UTF-16 in Rust, GB18030 and the rest by the
/// browser's `TextDecoder`), then a report JSON (it starts with `{`) or a table to sniff. Sets
/// the pending import, or says why it cannot.
pub fn read(imports: Imports, name: String, input: &Received) {
    let (text, encoding) = match input {
        Received::TooLarge(bytes) => {
            if let Err(e) = check_size(&name, *bytes) {
                imports.fail(&name, import_failure(e));
            }
            return;
        }
        Received::Text(text) => (text.clone(), "—".to_string()),
        Received::Bytes(bytes) => {
            let detected = detect_encoding(bytes);
            let text = decode(bytes, detected)
                .or_else(|| files::decode(bytes, detected.encoding.label()).ok());
            match text {
                Some(text) => (text, detected.guess().detail),
                None => return imports.fail(&name, ImportFailure::NotText),
            }
        }
    };
    imports.status.set(None);
    imports.csv.cancel();
    let json = text.trim_start_matches('\u{feff}');
    if json.trim_start().starts_with('{') {
        match parse_report(&name, json) {
            Ok(report) => imports.pending.set(Some(Pending::Json {
                file: name,
                report: Arc::new(report),
            })),
            Err(e) => imports.fail(&name, ImportFailure::NotReport(e)),
        }
        return;
    }
    match sniff(&name, &text) {
        Ok(sniffed) => {
            imports.csv.options.set(Some(sniffed.options.clone()));
            imports.pending.set(Some(Pending::Csv(CsvPending {
                file: name,
                text: Arc::new(text),
                sniffed: Arc::new(sniffed),
                encoding,
            })));
        }
        Err(e) => imports.fail(&name, import_failure(e)),
    }
}

/// Keeps the pending import: a report JSON at once, a table after its run.
fn confirm(app: AppState, imports: Imports) {
    match imports.pending.get_untracked() {
        Some(Pending::Json { file, report }) => imports.keep(app, (*report).clone(), &file),
        Some(Pending::Csv(p)) => super::import_csv::run(app, imports, p),
        None => {}
    }
}

/// Which preview shows: a new file (or pasted text) builds it anew; the reader's corrections
/// to a table update it in place.
#[derive(Clone, PartialEq)]
enum Shown {
    None,
    Json(String, Arc<Report>),
    Csv(String, Arc<String>, String),
}

/// The preview of the pending import, in the reader's language.
#[component]
pub fn ImportPreview(imports: Imports) -> impl IntoView {
    let app = use_app();
    let shown = Memo::new(move |_| {
        imports.pending.with(|p| match p {
            None => Shown::None,
            Some(Pending::Json { file, report }) => Shown::Json(file.clone(), report.clone()),
            Some(Pending::Csv(c)) => Shown::Csv(c.file.clone(), c.text.clone(), c.encoding.clone()),
        })
    });
    move || {
        let locale = app.locale.get();
        match shown.get() {
            Shown::None => ().into_any(),
            Shown::Json(file, report) => view! {
                <JsonPreview imports=imports file=file report=report locale=locale />
            }
            .into_any(),
            Shown::Csv(file, text, encoding) => view! {
                <CsvPreview imports=imports file=file text=text encoding=encoding locale=locale />
            }
            .into_any(),
        }
    }
}

/// The buttons under a preview: import, or forget the file.
#[component]
pub fn PreviewActions(imports: Imports, locale: Locale) -> impl IntoView {
    let app = use_app();
    view! {
        <p class="actions">
            <button class="primary" data-testid="confirm-import" on:click=move |_| confirm(app, imports)>
                {ImportMsg::ImportIt.text(locale)}
            </button>
            <button
                class="link"
                on:click=move |_| {
                    imports.csv.cancel();
                    imports.pending.set(None);
                }
            >
                {ImportMsg::Cancel.text(locale)}
            </button>
        </p>
    }
}

#[component]
fn JsonPreview(
    imports: Imports,
    file: String,
    report: Arc<Report>,
    locale: Locale,
) -> impl IntoView {
    let t = |m: ImportMsg| m.text(locale);
    view! {
        <div class="import-preview" data-testid="import-preview">
            <h3>{fill(t(ImportMsg::Preview), &[&file])}</h3>
            <p>{t(ImportMsg::PreviewJson)}</p>
            <p class="headline">
                {local_view(&report.meta.title, locale)}
            </p>
            <dl class="meta">
                <dt>{t(ImportMsg::Series)}</dt>
                <dd>{report.series.len().to_string()}</dd>
                <dt>{t(ImportMsg::Years)}</dt>
                <dd>{year_span(&report)}</dd>
            </dl>
            <PreviewActions imports=imports locale=locale />
        </div>
    }
}
