//! Local storage, with its failures as values: unavailable (private mode, file: pages in some
//! browsers) or full (quota). Nothing here panics or loses what is already stored.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StorageError {
    /// The browser gives this page no local storage.
    Unavailable,
    /// The quota is used up: nothing was written.
    Full,
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window().and_then(|w| w.local_storage().ok().flatten())
}

pub fn get(key: &str) -> Option<String> {
    storage().and_then(|s| s.get_item(key).ok().flatten())
}

pub fn set(key: &str, value: &str) -> Result<(), StorageError> {
    let s = storage().ok_or(StorageError::Unavailable)?;
    // setItem throws QuotaExceededError when full; any throw leaves the old value in place.
    s.set_item(key, value).map_err(|_| StorageError::Full)
}

pub fn remove(key: &str) {
    if let Some(s) = storage() {
        let _ = s.remove_item(key);
    }
}
