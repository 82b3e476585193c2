//! The first screen's files, asked for before the app renders anything: the catalogue
//! (already on its way: index.html preloads it beside the program) and, when the link names a
//! report on the catalogue's first page, that report's file (`browser::fetch::start`). The app
//! mounts once the catalogue is here, so the report's download overlaps the app's first
//! render instead of following it. The app's own fetches take these responses: what it does
//! with them, errors included, is unchanged.

use crate::browser::fetch;
use crate::domain::catalogue::{read_catalogue, INDEX_PATH};
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::{future_to_promise, JsFuture};

/// The longest the static first screen waits for the catalogue before the app mounts anyway
/// (and shows its own loading state, then the catalogue's answer, as without this step).
const WAIT_MS: i32 = 1_000;

/// Starts the first screen's fetches; resolves once the catalogue has been answered (and the
/// linked report asked for), or after `WAIT_MS`.
pub async fn start_first_files() {
    let catalogue = fetch::start(INDEX_PATH);
    let linked = crate::domain::share::parse(&crate::browser::url::query())
        .state
        .report;
    let report = future_to_promise(async move {
        if let Ok(text) = catalogue.await {
            start_report(&text, &linked);
        }
        Ok(JsValue::UNDEFINED)
    });
    let waited = js_sys::Promise::new(&mut |resolve, _reject| {
        let set = web_sys::window()
            .map(|w| w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, WAIT_MS));
        if !matches!(set, Some(Ok(_))) {
            let _ = resolve.call0(&JsValue::UNDEFINED);
        }
    });
    // Neither promise rejects.
    let _ = JsFuture::from(js_sys::Promise::race(&js_sys::Array::of2(&report, &waited))).await;
}

/// Asks for the linked report's file, when the catalogue lists it. A report on a later page,
/// an imported one or an unknown id: the app finds out and says so.
fn start_report(catalogue: &str, linked: &str) {
    if linked.is_empty() {
        return;
    }
    let url = read_catalogue(INDEX_PATH, catalogue)
        .ok()
        .and_then(|c| c.entries.into_iter().find(|e| e.id == linked))
        .map(|e| e.url());
    if let Some(url) = url {
        // Only started here: the app's fetch of the same URL takes the answer.
        drop(fetch::start(&url));
    }
}
