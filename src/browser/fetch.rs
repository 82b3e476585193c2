//! Fetching the app's data files (the catalogue and report files) with gloo-net, relative to
//! the page, so the same build works under any path.
//!
//! A page may carry files inline instead, as `<script type="application/json"
//! data-file="reports/index.json">…</script>` (the single-file build does, and so do the
//! browser tests): such a file is read from the page and never fetched. JSON script blocks are
//! data, not code, so this stays within the strict Content-Security-Policy.

use wasm_bindgen::JsCast;

/// Why a file could not be had.
#[derive(Debug, Clone, PartialEq)]
pub enum FetchError {
    /// The host answered 404: the file is not there.
    Missing,
    /// The host answered with another error status.
    Status(u16),
    /// No answer at all (offline, or the connection failed).
    Network,
}

/// The text of the file at `path` (relative to the page, query string allowed).
pub async fn fetch_text(path: &str) -> Result<String, FetchError> {
    let bare = path.split('?').next().unwrap_or(path);
    if let Some(text) = inline_file(bare) {
        return Ok(text);
    }
    let response = gloo_net::http::Request::get(path)
        .send()
        .await
        .map_err(|_| FetchError::Network)?;
    match response.status() {
        200..=299 => response.text().await.map_err(|_| FetchError::Network),
        404 => Err(FetchError::Missing),
        status => Err(FetchError::Status(status)),
    }
}

/// A file carried inline by the page, by its path (`reports/index.json`).
fn inline_file(path: &str) -> Option<String> {
    let document = web_sys::window()?.document()?;
    let list = document
        .query_selector_all("script[type='application/json'][data-file]")
        .ok()?;
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<web_sys::Element>().ok())
        .find(|e| e.get_attribute("data-file").as_deref() == Some(path))
        .map(|e| e.text_content().unwrap_or_default())
}
