//! What the app starts from, read as the program starts, before the app mounts ([`Start`]):
//! the link (the URL query, parsed once here), the language wanted, and the first screen's
//! files: the catalogue (already on its way: index.html preloads it beside the program) and,
//! when the link names a report on the catalogue's first page, that report's file as soon as
//! the catalogue is here. The app mounts at once (showing its own loading state) and its
//! fetches take these responses ([`EarlyFiles`]), so the report's download overlaps the app's
//! first render instead of following it; what the app does with them, errors included, is
//! unchanged.

use crate::browser::fetch::EarlyFiles;
use crate::domain::catalogue::{read_catalogue, INDEX_PATH};
use crate::domain::share::Decoded;
use crate::i18n::Locale;
use wasm_bindgen_futures::spawn_local;

/// What the app starts from. `Default`: no file asked for early, no link, English (the
/// browser tests mount the app so).
#[derive(Default)]
pub struct Start {
    /// The files asked for before the app mounted, for its fetches to take.
    pub early_files: EarlyFiles,
    /// The link the page was opened with (its report, view, assumptions, language …).
    pub link: Decoded,
    /// The language wanted: the link's, else the kept one, else the browser's, else English.
    pub wanted: Locale,
}

impl Start {
    /// Reads the page's link (once) and starts the first screen's fetches.
    pub fn begin() -> Self {
        let link = crate::domain::share::parse(&crate::browser::url::query());
        let wanted = super::language::wanted_at_start(&link.state);
        let early_files = start_first_files(&link.state.report);
        Start {
            early_files,
            link,
            wanted,
        }
    }
}

/// Starts the first screen's fetches (`linked`: the link's report, or empty) and returns them,
/// for the app to take.
fn start_first_files(linked: &str) -> EarlyFiles {
    let files = EarlyFiles::default();
    let catalogue = files.start(INDEX_PATH);
    if !linked.is_empty() {
        let linked = linked.to_string();
        let early = files.clone();
        // Wakes before the app's own catalogue fetch (it awaits the same answer, registered
        // later), so the report is asked for before the app looks for it.
        spawn_local(async move {
            if let Ok(text) = catalogue.await {
                start_report(&early, &text, &linked);
            }
        });
    }
    files
}

/// Asks for the linked report's file, when the catalogue lists it. A report on a later page,
/// an imported one or an unknown id: the app finds out and says so.
fn start_report(files: &EarlyFiles, catalogue: &str, linked: &str) {
    let url = read_catalogue(INDEX_PATH, catalogue)
        .ok()
        .and_then(|c| c.entries.into_iter().find(|e| e.id == linked))
        .map(|e| e.url());
    if let Some(url) = url {
        // Only started here: the app's fetch of the same URL takes the answer.
        drop(files.start(&url));
    }
}
