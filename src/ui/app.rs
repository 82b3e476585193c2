//! The shell: header with language choice, then the library or the open report.

use super::library::Library;
use super::overview::Overview;
use super::state::{use_app, AppState};
use crate::i18n::{Locale, Msg};
use leptos::prelude::*;

#[component]
pub fn App() -> impl IntoView {
    let app = AppState::new();
    provide_context(app);
    // Keep <html lang> in step with the interface language (screen readers, fonts).
    Effect::new(move |_| {
        let tag = app.locale.get().tag();
        if let Some(el) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
        {
            let _ = el.set_attribute("lang", tag);
        }
    });
    view! {
        <a class="skip-link" href="#main">{move || app.t(Msg::SkipToContent)}</a>
        <header class="app-header">
            <button class="brand" on:click=move |_| app.open.set(None)>
                {move || app.t(Msg::AppName)}
            </button>
            <LanguagePicker/>
        </header>
        <main id="main" tabindex="-1">
            <LoadErrors/>
            {move || match app.open.get() {
                None => view! { <Library/> }.into_any(),
                Some(i) => view! { <Overview index=i/> }.into_any(),
            }}
        </main>
    }
}

#[component]
fn LanguagePicker() -> impl IntoView {
    let app = use_app();
    let names = [
        (Locale::En, "English"),
        (Locale::ZhHans, "简体中文"),
        (Locale::ZhHant, "繁體中文"),
    ];
    view! {
        <label class="language">
            <span class="label">{move || app.t(Msg::Language)}</span>
            <select
                prop:value=move || app.locale.get().tag()
                on:change=move |ev| {
                    if let Some(l) = Locale::from_tag(&event_target_value(&ev)) {
                        app.locale.set(l);
                    }
                }
            >
                {names
                    .into_iter()
                    .map(|(l, name)| view! { <option value=l.tag() lang=l.tag()>{name}</option> })
                    .collect_view()}
            </select>
        </label>
    }
}

/// Reports that failed validation are named with the reason; the others still work.
#[component]
fn LoadErrors() -> impl IntoView {
    let app = use_app();
    let errors = app.load_errors.get_value();
    (!errors.is_empty()).then(|| {
        view! {
            <section class="notice error" role="alert">
                <h2>{move || app.t(Msg::LoadErrors)}</h2>
                <ul>{errors.into_iter().map(|e| view! { <li>{e.to_string()}</li> }).collect_view()}</ul>
            </section>
        }
    })
}
