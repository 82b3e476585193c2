//! The reader's display preferences: where they start (browser language, system colour
//! scheme) and where they are kept (local storage). The URL may override them on load.

use super::storage;
use crate::domain::format::Locale;

const LANG_KEY: &str = "report-explorer.lang";
const THEME_KEY: &str = "report-explorer.theme";
const TYPE_KEY: &str = "report-explorer.large-type";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Theme {
    /// Follow `prefers-color-scheme`.
    System,
    Light,
    Dark,
}

impl Theme {
    pub fn tag(self) -> &'static str {
        match self {
            Theme::System => "system",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }
    pub fn from_tag(tag: &str) -> Option<Theme> {
        match tag {
            "system" => Some(Theme::System),
            "light" => Some(Theme::Light),
            "dark" => Some(Theme::Dark),
            _ => None,
        }
    }
}

/// The saved language, else the browser's first language we speak, else English.
pub fn initial_locale() -> Locale {
    if let Some(l) = storage::get(LANG_KEY).and_then(|t| Locale::from_tag(&t)) {
        return l;
    }
    let navigator = web_sys::window().map(|w| w.navigator());
    let languages: Vec<String> = navigator
        .as_ref()
        .map(|n| n.languages().iter().filter_map(|v| v.as_string()).collect())
        .unwrap_or_default();
    languages
        .iter()
        .chain(navigator.and_then(|n| n.language()).as_ref())
        .find_map(|t| Locale::from_tag(t))
        .unwrap_or_default()
}

pub fn initial_theme() -> Theme {
    storage::get(THEME_KEY)
        .and_then(|t| Theme::from_tag(&t))
        .unwrap_or(Theme::System)
}

pub fn initial_large_type() -> bool {
    storage::get(TYPE_KEY).as_deref() == Some("1")
}

const DARK_QUERY: &str = "(prefers-color-scheme: dark)";

/// The media query for a dark system scheme; `None` where the browser cannot evaluate it.
/// (web-sys: gloo has nothing for media queries.)
fn dark_query() -> Option<web_sys::MediaQueryList> {
    web_sys::window().and_then(|w| w.match_media(DARK_QUERY).ok().flatten())
}

/// Whether the system asks for a dark scheme.
pub fn system_prefers_dark() -> bool {
    dark_query().is_some_and(|m| m.matches())
}

/// Applies the preferences to `<html>` (lang, data-theme, data-type) and keeps them (the
/// language only when `kept` names it: a fallback is shown, not kept).
/// Storage failures are ignored: a preference not kept only costs the next visit.
pub fn apply(locale: Locale, kept: Option<Locale>, theme: Theme, large_type: bool) {
    if let Some(html) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = html.set_attribute("lang", locale.tag());
        match theme {
            Theme::System => {
                let _ = html.remove_attribute("data-theme");
            }
            t => {
                let _ = html.set_attribute("data-theme", t.tag());
            }
        }
        if large_type {
            let _ = html.set_attribute("data-type", "large");
        } else {
            let _ = html.remove_attribute("data-type");
        }
    }
    if let Some(kept) = kept {
        let _ = storage::set(LANG_KEY, kept.tag());
    }
    let _ = storage::set(THEME_KEY, theme.tag());
    let _ = storage::set(TYPE_KEY, if large_type { "1" } else { "0" });
}
