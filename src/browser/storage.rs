//! Local storage, with its failures as values: unavailable (private mode, file: pages in some
//! browsers) or full (quota). Nothing here panics or loses what is already stored.
//!
//! Access goes through gloo-storage's [`LocalStorage`], but only its raw handle: gloo's typed
//! `get`/`set` JSON-encode values, and the stored text of every key must stay as it is (the
//! saved scenarios are a JSON document kept as text, the preferences are plain strings).
//! `LocalStorage::raw()` throws when the page has no storage, so [`available`] checks first,
//! without throwing, and every access is behind that check.

use gloo_storage::{LocalStorage, Storage as _};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StorageError {
    /// The browser gives this page no local storage.
    Unavailable,
    /// The quota is used up: nothing was written.
    Full,
}

/// Whether the page has local storage. Reading `window.localStorage` throws where storage is
/// blocked (private modes, disabled cookies, some file: pages) and is null where it is
/// switched off; both are answered here as `false` instead of a throw.
fn available() -> bool {
    web_sys::window().is_some_and(|w| matches!(w.local_storage(), Ok(Some(_))))
}

/// The local storage handle, or `Unavailable`. Only calls gloo's (throwing) `raw()` once
/// [`available`] has seen the same lookup succeed.
fn storage() -> Result<web_sys::Storage, StorageError> {
    if available() {
        Ok(LocalStorage::raw())
    } else {
        Err(StorageError::Unavailable)
    }
}

/// Whether a `setItem` failure is the quota: `QuotaExceededError` (older Firefox:
/// `NS_ERROR_DOM_QUOTA_REACHED`; legacy code 22).
fn is_quota(err: &wasm_bindgen::JsValue) -> bool {
    let name = js_sys::Reflect::get(err, &"name".into())
        .ok()
        .and_then(|n| n.as_string());
    let code = js_sys::Reflect::get(err, &"code".into())
        .ok()
        .and_then(|c| c.as_f64());
    matches!(
        name.as_deref(),
        Some("QuotaExceededError" | "NS_ERROR_DOM_QUOTA_REACHED")
    ) || code == Some(22.0)
}

/// The text stored under `key`, exactly as stored; `None` when absent or without storage.
pub fn get(key: &str) -> Option<String> {
    storage().ok()?.get_item(key).ok().flatten()
}

/// The text stored under `key` (`None` when absent), telling a missing key from a page with
/// no storage.
pub fn read(key: &str) -> Result<Option<String>, StorageError> {
    storage()?
        .get_item(key)
        .map_err(|_| StorageError::Unavailable)
}

/// Calls `on_change` with the key whenever another tab or window of this site changes local
/// storage (`None`: it was cleared). The browser never tells a page about its own writes.
/// Listening stops when the returned listener drops.
pub fn on_change(
    on_change: impl Fn(Option<String>) + 'static,
) -> Option<gloo_events::EventListener> {
    super::on_window("storage", move |e| {
        let key = js_sys::Reflect::get(e, &"key".into())
            .ok()
            .and_then(|k| k.as_string());
        on_change(key);
    })
}

/// Stores `value` as is under `key`. On any failure nothing was written and the old value,
/// if any, is still there.
pub fn set(key: &str, value: &str) -> Result<(), StorageError> {
    storage()?.set_item(key, value).map_err(|e| {
        if is_quota(&e) {
            StorageError::Full
        } else {
            // Anything else (a security refusal) means the page may not write here.
            StorageError::Unavailable
        }
    })
}

/// Forgets `key`; nothing happens without storage. (Not gloo's `delete`, which would throw if
/// the browser ever refused.)
pub fn remove(key: &str) {
    if let Ok(s) = storage() {
        let _ = s.remove_item(key);
    }
}

/// An id for this page, drawn at random (`Math.random()` in base 36, "0.4fzyo82mvyr"): two
/// open tabs get different ones, so the writes each makes can be told apart (see
/// `domain::saved_journal`).
pub fn tab_id() -> String {
    let digits = js_sys::Number::from(js_sys::Math::random()).to_string_with_radix(36);
    digits.map(String::from).unwrap_or_default()
}
