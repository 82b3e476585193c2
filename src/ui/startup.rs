//! The first screen's files, asked for as the program starts, before the app mounts: the
//! catalogue (already on its way: index.html preloads it beside the program) and, when the link
//! names a report on the catalogue's first page, that report's file as soon as the catalogue is
//! here. The app mounts at once (showing its own loading state) and its fetches take these
//! responses ([`EarlyFiles`]), so the report's download overlaps the app's first render instead
//! of following it; what the app does with them, errors included, is unchanged.

use crate::browser::fetch::EarlyFiles;
use crate::domain::catalogue::{read_catalogue, INDEX_PATH};
use wasm_bindgen_futures::spawn_local;

/// Starts the first screen's fetches and returns them, for the app to take.
pub fn start_first_files() -> EarlyFiles {
    let files = EarlyFiles::default();
    let catalogue = files.start(INDEX_PATH);
    let linked = crate::domain::share::parse(&crate::browser::url::query())
        .state
        .report;
    if !linked.is_empty() {
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
