//! Changing the interface's language: its texts first (a chunk of their own for each Chinese
//! language, see `i18n::languages`), then the switch, so no view ever renders half in English.

use super::state::{AppState, Notice};
use crate::i18n::{languages, Locale, Message};
use leptos::prelude::*;

crate::messages! {
    pub enum LanguageMsg {
        NotArrived => (
            "The texts for {0} did not arrive (the connection may have dropped, or you are offline and they were not saved on this device), so the app stays in this language. Choose {0} again to retry.",
            "{0}的界面文字没有下载成功（可能是网络中断，或您处于离线状态且本设备未保存它们），因此应用仍使用当前语言。再次选择{0}即可重试。",
            "{0}的介面文字沒有下載成功（可能是網路中斷，或您處於離線狀態且本裝置未儲存它們），因此應用程式仍使用目前的語言。再次選擇{0}即可重試。"
        ),
    }
}

/// A language's name in that language, as the language menu shows it.
pub fn own_name(locale: Locale) -> &'static str {
    match locale {
        Locale::En => "English",
        Locale::ZhHans => "简体中文",
        Locale::ZhHant => "繁體中文",
    }
}

/// Switches the interface to `locale` once its texts are here: at once when they are, else
/// after its chunk arrives. If it does not, the interface stays as it is and says so.
pub fn switch_language(app: AppState, locale: Locale) {
    if languages::installed(locale) {
        set_chosen(app, locale);
        return;
    }
    leptos::task::spawn_local(async move {
        match super::lazy::language_texts(locale).await {
            Ok(()) => set_chosen(app, locale),
            Err(_) => tell_not_arrived(app, locale),
        }
    });
}

/// The reader's language from now on (and kept for the next visit). A notice that its texts
/// did not arrive earlier no longer holds.
fn set_chosen(app: AppState, locale: Locale) {
    let stale = |n: &Notice| matches!(n, Notice::NotArrived(l) if *l == locale);
    if app.notices.with_untracked(|n| n.iter().any(stale)) {
        app.notices.update(|n| n.retain(|n| !stale(n)));
    }
    app.fallback_for.set_value(None);
    app.locale.set(locale);
}

/// The language the app will start in, as `boot.js` picks it for the first screen: the
/// link's, else the kept one, else the browser's, else English.
pub fn wanted_at_start(link: &crate::domain::share::ShareState) -> Locale {
    link.lang
        .as_deref()
        .and_then(Locale::from_tag)
        .unwrap_or_else(crate::browser::prefs::initial_locale)
}

/// Fetches the start language's texts (`ui::start` awaits this before mounting, beside the
/// first screen's files).
pub async fn fetch_start_texts(wanted: Locale) {
    // A failure is told once the app is up (`fall_back_at_start`).
    let _ = super::lazy::language_texts(wanted).await;
}

/// The language the app starts in: the one wanted when its texts are here, else English.
pub fn start_locale(wanted: Locale) -> Locale {
    if languages::installed(wanted) {
        wanted
    } else {
        Locale::En
    }
}

/// When the app starts in English only because the wanted language's texts did not arrive:
/// says so, and marks English as a fallback for this page, not the reader's choice (so the
/// language they keep stays theirs).
pub fn fall_back_at_start(app: AppState, wanted: Locale) {
    if app.locale.get_untracked() != wanted {
        app.fallback_for.set_value(Some(wanted));
        tell_not_arrived(app, wanted);
    }
}

fn tell_not_arrived(app: AppState, wanted: Locale) {
    app.notices.update(|n| {
        if !n
            .iter()
            .any(|n| matches!(n, Notice::NotArrived(l) if *l == wanted))
        {
            n.push(Notice::NotArrived(wanted));
        }
    });
}

/// That `wanted`'s texts did not arrive, in `locale`.
pub fn not_arrived_text(wanted: Locale, locale: Locale) -> String {
    crate::i18n::fill(LanguageMsg::NotArrived.text(locale), &[own_name(wanted)])
}
