//! Fetching the catalogue, its further pages and report files into the app's state. Each
//! failure is kept as a value ([`FileFailure`]) and worded in the reader's language where it is
//! shown; what was already loaded stays.

use super::state::{AppState, CatalogueState, Load};
use crate::browser::fetch::FetchError;
use crate::domain::catalogue::{
    read_catalogue, read_page, CatalogueEntry, INDEX_PATH, REPORTS_DIR,
};
use crate::domain::load::parse_report;
use crate::domain::schema::Report;
use crate::domain::validate::ValidationError;
use crate::i18n::catalogue::CatalogueMsg;
use crate::i18n::validation::validation_text;
use crate::i18n::{fill, Locale, Message};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::sync::Arc;

/// The reader-facing text of a failed fetch of `file`.
pub fn fetch_error_text(err: &FetchError, file: &str, locale: Locale) -> String {
    match err {
        FetchError::Missing => fill(CatalogueMsg::FileMissing.text(locale), &[file]),
        FetchError::Status(s) => fill(
            CatalogueMsg::FileStatus.text(locale),
            &[file, &s.to_string()],
        ),
        FetchError::Network => fill(CatalogueMsg::FileOffline.text(locale), &[file]),
    }
}

/// Fetches `reports/index.json` into `app.catalogue`.
pub fn load(app: AppState) {
    app.catalogue.set(Load::Loading);
    spawn_local(async move {
        let result = match app.early_files.get_value().fetch_text(INDEX_PATH).await {
            Err(err) => Err(FileFailure::Fetch {
                err,
                file: INDEX_PATH.to_string(),
            }),
            Ok(text) => read_catalogue(INDEX_PATH, &text).map_err(FileFailure::Invalid),
        };
        app.catalogue.set(match result {
            Ok(c) => Load::Ready(CatalogueState {
                total: c.total,
                entries: c.entries.into_iter().map(Arc::new).collect(),
                remaining: c.pages,
                facets: c.facets,
                fetching: false,
                page_error: None,
            }),
            Err(why) => Load::Failed(why),
        });
    });
}

/// Fetches the next page of the catalogue (`all`: every remaining page, for a search).
pub fn load_more(app: AppState, all: bool) {
    let next = app.catalogue.with_untracked(|c| match c {
        Load::Ready(c) if !c.fetching && !c.remaining.is_empty() => Some(if all {
            c.remaining.clone()
        } else {
            c.remaining[..1].to_vec()
        }),
        _ => None,
    });
    let Some(pages) = next else {
        return;
    };
    set_ready(app, |c| c.fetching = true);
    spawn_local(async move {
        for page in pages {
            let path = format!("{REPORTS_DIR}/{}?v={}", page.file, page.hash);
            let result = match app.early_files.get_value().fetch_text(&path).await {
                Err(err) => Err(FileFailure::Fetch {
                    err,
                    file: page.file.clone(),
                }),
                Ok(text) => read_page(&page.file, &text).map_err(FileFailure::Invalid),
            };
            match result {
                Ok(p) => set_ready(app, |c| {
                    c.remaining.retain(|r| r.file != page.file);
                    c.entries.extend(p.entries.into_iter().map(Arc::new));
                }),
                Err(why) => {
                    set_ready(app, |c| c.page_error = Some(why));
                    break;
                }
            }
        }
        set_ready(app, |c| c.fetching = false);
    });
}

fn set_ready(app: AppState, f: impl FnOnce(&mut CatalogueState)) {
    app.catalogue.update(|c| {
        if let Load::Ready(c) = c {
            f(c);
        }
    });
}

/// The report's file, fetched and validated (or from the app's cache).
pub async fn fetch_report(
    app: AppState,
    entry: &CatalogueEntry,
) -> Result<Arc<Report>, FileFailure> {
    if let Some(r) = app.report(&entry.id) {
        return Ok(r);
    }
    let text = app
        .early_files
        .get_value()
        .fetch_text(&entry.url())
        .await
        .map_err(|err| FileFailure::Fetch {
            err,
            file: entry.file.clone(),
        })?;
    let report = parse_report(&entry.file, &text).map_err(FileFailure::Invalid)?;
    if report.id != entry.id {
        return Err(FileFailure::OtherId {
            file: entry.file.clone(),
            found: report.id,
            wanted: entry.id.clone(),
        });
    }
    let report = Arc::new(report);
    app.reports.update_value(|m| {
        m.insert(report.id.clone(), report.clone());
    });
    Ok(report)
}

/// Why a data file (the catalogue, one of its pages, a report) could not be had: a value,
/// worded in the reader's language where it is shown (so a language chosen while the fetch
/// was on its way, or after it failed, applies).
#[derive(Debug, Clone, PartialEq)]
pub enum FileFailure {
    Fetch {
        err: FetchError,
        file: String,
    },
    /// Not a report (or not a catalogue): the file, the place in it and the reason.
    Invalid(ValidationError),
    /// A report, but another one than the catalogue names.
    OtherId {
        file: String,
        found: String,
        wanted: String,
    },
}

impl FileFailure {
    pub fn text(&self, locale: Locale) -> String {
        let invalid = CatalogueMsg::FileInvalid.text(locale);
        match self {
            FileFailure::Fetch { err, file } => fetch_error_text(err, file, locale),
            FileFailure::Invalid(e) => fill(invalid, &[&validation_text(e, locale)]),
            FileFailure::OtherId {
                file,
                found,
                wanted,
            } => fill(
                invalid,
                &[&fill(
                    CatalogueMsg::OtherId.text(locale),
                    &[file, found, wanted],
                )],
            ),
        }
    }
}
