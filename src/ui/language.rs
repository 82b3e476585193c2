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
        app.locale.set(locale);
        return;
    }
    leptos::task::spawn_local(async move {
        match super::lazy::language_texts(locale).await {
            Ok(()) => app.locale.set(locale),
            Err(_) => tell_not_arrived(app, locale),
        }
    });
}

/// The language the app will start in, as `boot.js` picks it for the first screen: the
/// link's, else the kept one, else the browser's, else English.
pub fn wanted_at_start() -> Locale {
    crate::domain::share::parse(&crate::browser::url::query())
        .state
        .lang
        .as_deref()
        .and_then(Locale::from_tag)
        .unwrap_or_else(crate::browser::prefs::initial_locale)
}

/// Fetches the start language's texts (`ui::start` awaits this before mounting, beside the
/// first screen's files).
pub async fn fetch_start_texts() {
    // A failure is told once the app is up (`start_in_arrived`).
    let _ = super::lazy::language_texts(wanted_at_start()).await;
}

/// Starts in English when the kept language's texts did not arrive, and says so.
pub fn start_in_arrived(app: AppState) {
    let wanted = app.locale.get_untracked();
    if !languages::installed(wanted) {
        app.locale.set(Locale::En);
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
