//! Files the reader gives the app — picked, dropped on the page, or pasted — read with
//! gloo-file and decoded with the browser's `TextDecoder` (which knows UTF-16 and GB18030, the
//! encodings Excel writes besides UTF-8).

use gloo_events::{EventListener, EventListenerOptions};
use gloo_file::Blob;
use std::future::Future;
use wasm_bindgen::JsCast;

/// A file's bytes. The future borrows nothing, so it can go straight to `spawn_local`; a
/// failed read is the browser's reason as text.
pub fn read_bytes(file: &web_sys::File) -> impl Future<Output = Result<Vec<u8>, String>> + 'static {
    let read = gloo_file::futures::read_as_bytes(&Blob::from(file.clone()));
    async move { read.await.map_err(|e| e.to_string()) }
}

/// A file's text as UTF-8 (saved-scenario files, which the app writes itself).
pub fn read_text(file: &web_sys::File) -> impl Future<Output = Result<String, String>> + 'static {
    let read = gloo_file::futures::read_as_text(&Blob::from(file.clone()));
    async move { read.await.map_err(|e| e.to_string()) }
}

/// Bytes as text in the encoding with this WHATWG label ("utf-8", "utf-16le", "gb18030"…).
/// A byte order mark is dropped; bytes that are not valid become U+FFFD, never an error.
pub fn decode(bytes: &[u8], label: &str) -> Result<String, String> {
    let decoder = web_sys::TextDecoder::new_with_label(label)
        .map_err(|_| format!("this browser cannot read {label} text"))?;
    decoder
        .decode_with_u8_array(bytes)
        .map_err(|_| format!("the text is not {label}"))
}

/// The first file of a drop or change event's file list.
pub fn first_file(list: Option<web_sys::FileList>) -> Option<web_sys::File> {
    list.and_then(|l| l.get(0))
}

/// Calls `on_file` with the first file dropped anywhere on the page (and keeps the browser
/// from opening it instead). Listening stops when the returned listeners drop.
pub fn on_file_drop(on_file: impl Fn(web_sys::File) + 'static) -> Option<[EventListener; 2]> {
    let window = web_sys::window()?;
    let active = EventListenerOptions::enable_prevent_default();
    let over = EventListener::new_with_options(&window, "dragover", active, |e| {
        e.prevent_default();
    });
    let drop = EventListener::new_with_options(&window, "drop", active, move |e| {
        e.prevent_default();
        let files = e
            .dyn_ref::<web_sys::DragEvent>()
            .and_then(|d| d.data_transfer())
            .and_then(|t| t.files());
        if let Some(file) = first_file(files) {
            on_file(file);
        }
    });
    Some([over, drop])
}
