//! Texts of the interface as Leptos views: a message in the reader's language and a labelled
//! choice. (A report's own text is [`local_view`](super::common::local_view).)

use super::state::AppState;
use crate::i18n::Message;
use leptos::either::Either;
use leptos::prelude::*;

/// A message as a text that follows the reader's language. One closure type per kind of
/// message, so a view with many texts renders them with one piece of code.
pub fn say<M: Message + Send + Sync + 'static>(
    app: AppState,
    m: M,
) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    move || m.text(app.locale.get())
}

/// A sentence whose Chinese amounts stay whole on one line ("58.8億美元", never "58.8億美" at a
/// line's end: `format::unbroken_amounts`); the text a reader copies is the sentence as is.
#[component]
pub fn Sentence(#[prop(into)] text: String) -> impl IntoView {
    // Only the amounts are elements: a sentence without one (any English one) is the same
    // single text node as before, with nothing added to the page.
    crate::domain::format::unbroken_amounts(&text)
        .into_iter()
        .map(|(run, whole)| {
            let run = run.to_string();
            if whole {
                Either::Left(view! { <span class="amount">{run}</span> })
            } else {
                Either::Right(run)
            }
        })
        .collect_view()
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
        <select
            id=id
            on:change=move |ev| {
                let chosen = event_target_value(&ev);
                on_change.run(chosen.clone());
                // The select shows `value`: a choice not taken (or not yet, e.g. a language
                // whose texts are on their way) does not stay shown as if it were.
                if value.with_untracked(|current| *current != chosen) {
                    let select = event_target::<web_sys::HtmlSelectElement>(&ev);
                    select.set_value(&value.get_untracked());
                }
            }
        >
            {options}
        </select>
    }
}
