//! Small pieces shared by views: localized text with its fallback note, provenance badges.

use super::state::use_app;
use crate::domain::format::pick;
use crate::domain::schema::{LocalText, Provenance};
use crate::i18n::Msg;
use leptos::prelude::*;

/// A report text in the reader's language; when it is not available, the text shown is
/// marked with the language it is in and a note.
#[component]
pub fn Text(text: LocalText) -> impl IntoView {
    let app = use_app();
    move || {
        let locale = app.locale.get();
        let (s, fallback) = pick(&text, locale);
        let s = s.to_string();
        if fallback {
            let lang = if locale == crate::domain::format::Locale::En {
                "zh"
            } else {
                "en"
            };
            view! {
                <span lang=lang>{s}</span>
                <span class="fallback-note">" (" {app.t(Msg::TextInOtherLanguage)} ")"</span>
            }
            .into_any()
        } else {
            view! { <span>{s}</span> }.into_any()
        }
    }
}

/// A text in the reader's language as a plain string (for attributes and titles).
pub fn local(text: &LocalText) -> String {
    let app = use_app();
    pick(text, app.locale.get()).0.to_string()
}

#[component]
pub fn ProvenanceBadge(provenance: Provenance) -> impl IntoView {
    let app = use_app();
    let class = match provenance {
        Provenance::Reported => "badge prov-reported",
        Provenance::Bound => "badge prov-bound",
        Provenance::Derived => "badge prov-derived",
        Provenance::Assumption => "badge prov-assumption",
        Provenance::Scenario => "badge prov-scenario",
    };
    view! { <span class=class>{move || crate::i18n::provenance(app.locale.get(), provenance)}</span> }
}
