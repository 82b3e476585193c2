//! Registers the service worker the build generates (`dist/sw.js`, see scripts/postbuild.mjs)
//! so the app works offline after its first visit. Relative path: works under any prefix.
//! Skipped where there is no web origin (the single-file build opened from disk).

/// Registers `./sw.js`; failures (private mode, unsupported browser) only cost offline use.
pub fn register() {
    if !super::has_web_origin() {
        return;
    }
    if let Some(window) = web_sys::window() {
        let container = window.navigator().service_worker();
        let _ = container.register("./sw.js");
    }
}
