//! Texts of the interface as Leptos views: a message in the reader's language, a report's
//! text with its language marked when it falls back to another, and a labelled choice.

use super::state::AppState;
use crate::domain::format::pick;
use crate::domain::schema::LocalText;
use crate::i18n::{Locale, Message, Msg};
use leptos::prelude::*;

/// A message as a text that follows the reader's language. One closure type per kind of
/// message, so a view with many texts renders them with one piece of code.
pub fn say<M: Message + Send + Sync + 'static>(
    app: AppState,
    m: M,
) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    move || m.text(app.locale.get())
}

/// A report text in the reader's language (the same elements as
/// [`local_text`](super::common::local_text)); when unavailable, the text shown is marked with
/// its language and a note says so.
#[component]
pub fn LocalSpan(text: LocalText, locale: Locale) -> impl IntoView {
    let (s, fallback) = pick(&text, locale);
    let s = s.to_string();
    if fallback {
        let lang = if locale == Locale::En { "zh" } else { "en" };
        let note = format!(" ({})", Msg::TextInOtherLanguage.text(locale));
        view! {
            <span>
                <span lang=lang>{s}</span>
                <span class="fallback-note">{note}</span>
            </span>
        }
        .into_any()
    } else {
        view! { <span>{s}</span> }.into_any()
    }
}

/// One option of a [`Choice`]: its value, its label and, for a language's own name, its
/// language.
#[derive(Debug, Clone, PartialEq)]
pub struct ChoiceOption {
    pub value: String,
    pub label: String,
    pub lang: Option<&'static str>,
}

impl ChoiceOption {
    pub fn new(value: impl Into<String>, label: impl Into<String>) -> Self {
        ChoiceOption {
            value: value.into(),
            label: label.into(),
            lang: None,
        }
    }
}

/// A `<select>` showing `value`. The chosen option is marked by `selected` (a select's own
/// `value` cannot be set before its options exist).
#[component]
pub fn Choice(
    id: &'static str,
    options: Vec<ChoiceOption>,
    #[prop(into)] value: Signal<String>,
    #[prop(into)] on_change: Callback<String>,
) -> impl IntoView {
    let options = options
        .into_iter()
        .map(|o| {
            let v = o.value.clone();
            view! {
                <option
                    value=o.value
                    lang=o.lang
                    prop:selected=move || value.with(|current| *current == v)
                >
                    {o.label}
                </option>
            }
        })
        .collect_view();
    view! {
        <select id=id on:change=move |ev| on_change.run(event_target_value(&ev))>
            {options}
        </select>
    }
}
