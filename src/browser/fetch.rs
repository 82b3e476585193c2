//! Fetching the app's data files (the catalogue and report files) with gloo-net, relative to
//! the page, so the same build works under any path.
//!
//! A page may carry files inline instead, as `<script type="application/json"
//! data-file="reports/index.json">…</script>` (the single-file build does, and so do the
//! browser tests): such a file is read from the page and never fetched. JSON script blocks are
//! data, not code, so this stays within the strict Content-Security-Policy.
//!
//! A file can also be asked for early ([`EarlyFiles::start`], before the app mounts): the next
//! [`EarlyFiles::fetch_text`] of that path gets that response (waiting for it if it is still on
//! its way) instead of asking the host again.

use std::cell::RefCell;
use std::future::Future;
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::{future_to_promise, JsFuture};

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

/// Files asked for early (before the app mounts) and not handed over yet, by path: the app
/// holds this (`AppState::early_files`) and fetches through it. A JS promise per file, since it
/// is awaited twice: by whoever started it and by the one fetch it goes to.
#[derive(Clone, Default)]
pub struct EarlyFiles(Rc<RefCell<Vec<(String, js_sys::Promise)>>>);

impl EarlyFiles {
    /// Starts fetching `path` now; the next [`EarlyFiles::fetch_text`] of `path` takes this
    /// response. The returned future resolves with the same result, for a caller that needs it
    /// first.
    pub fn start(&self, path: &str) -> impl Future<Output = Result<String, FetchError>> {
        let owned = path.to_string();
        // Resolves with the text; rejects with the status (0: no answer).
        let promise = future_to_promise(async move {
            match fetch_from_host(&owned).await {
                Ok(text) => Ok(JsValue::from(text)),
                Err(FetchError::Missing) => Err(JsValue::from(404)),
                Err(FetchError::Status(s)) => Err(JsValue::from(s)),
                Err(FetchError::Network) => Err(JsValue::from(0)),
            }
        });
        self.0
            .borrow_mut()
            .push((path.to_string(), promise.clone()));
        // Handled from now on (a rejection is an answer, not an unhandled error), even if the
        // caller drops the future.
        settle(JsFuture::from(promise))
    }

    /// The text of the file at `path` (relative to the page, query string allowed): the early
    /// answer if one was started, else asked for now.
    pub fn fetch_text(&self, path: &str) -> impl Future<Output = Result<String, FetchError>> {
        let started = {
            let mut started = self.0.borrow_mut();
            let i = started.iter().position(|(p, _)| p == path);
            i.map(|i| started.swap_remove(i).1)
        };
        let path = path.to_string();
        async move {
            match started {
                Some(promise) => settle(JsFuture::from(promise)).await,
                None => fetch_from_host(&path).await,
            }
        }
    }
}

async fn settle(answer: JsFuture) -> Result<String, FetchError> {
    match answer.await {
        Ok(text) => text.as_string().ok_or(FetchError::Network),
        Err(status) => Err(match status.as_f64().map(|s| s as u16) {
            Some(404) => FetchError::Missing,
            Some(s) if s > 0 => FetchError::Status(s),
            _ => FetchError::Network,
        }),
    }
}

async fn fetch_from_host(path: &str) -> Result<String, FetchError> {
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
