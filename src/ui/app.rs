//! The shell: skip link, header with the language choice, then the library or the open report.

use super::language::{own_name, switch_language};
use super::library::{Library, LibraryState};
use super::link::in_place;
use super::report::ReportPage;
use super::share;
use super::startup::Start;
use super::state::{use_app, AppState};
use super::text::{say, Choice, ChoiceOption};
use crate::browser::prefs::{self, Theme};
use crate::i18n::{Locale, Message, Msg};
use leptos::either::Either;
use leptos::prelude::*;

/// The app, from what was read and asked for before it mounted (`ui::startup`).
#[component]
pub fn App(start: Start) -> impl IntoView {
    let Start {
        early_files,
        link,
        wanted,
    } = start;
    let app = AppState::new(early_files, super::language::start_locale(wanted));
    provide_context(app);
    let app_shown = super::first_screen::AppShown::provide();
    super::language::fall_back_at_start(app, wanted);
    super::exports::ExportStatus::provide();
    let lib = LibraryState::new();
    super::share::restore(app, link);
    super::catalogue::load(app);
    super::share::keep_in_url(app);
    provide_context(super::saved_ui::SavedState::load(app));
    let imports = super::imports::Imports::load(app);
    provide_context(imports);
    // A file dropped anywhere on the page is offered for import.
    let drop_listeners =
        crate::browser::files::on_file_drop(move |file| imports.receive_file(app, file));
    let _keep = StoredValue::new_local(drop_listeners);
    // Keep <html> (lang, theme, type size) and the kept preferences in step (a language shown
    // only as a fallback is not kept over the reader's).
    Effect::new(move |_| {
        let locale = app.locale.get();
        let kept = app.fallback_for.get_value().is_none().then_some(locale);
        prefs::apply(locale, kept, app.theme.get(), app.large_type.get())
    });
    super::present::install(app);
    // A report's first screen drawn at build time stays only while the app opens that report.
    Effect::new(move |_| match app.open.get() {
        Some(id) => super::first_screen::keep_only(&id, None),
        None => super::first_screen::take_over(),
    });
    // In the library the page is the app itself (an open report names itself: see report.rs).
    Effect::new(move |_| {
        let locale = app.locale.get();
        if app.open.with(Option::is_none) {
            crate::browser::page::set_title(&crate::i18n::links::page_title(
                Msg::AppName.text(locale),
                None,
            ));
            crate::browser::page::set_description(Msg::LibraryIntro.text(locale));
        }
    });
    let _ = window_event_listener(leptos::ev::resize, move |_| {
        if let Some(w) = web_sys::window()
            .and_then(|w| w.inner_width().ok())
            .and_then(|w| w.as_f64())
        {
            let narrow = w < super::state::NARROW_BELOW;
            if narrow != app.narrow_layout.get_untracked() {
                app.narrow_layout.set(narrow);
            }
        }
    });
    view! {
        <AppHeader app=app app_shown=app_shown/>
        <main id="main" tabindex="-1">
            {move || match app.open.get() {
                None => Either::Left(view! { <Library lib=lib/> }),
                Some(id) => Either::Right(view! { <ReportPage id=id/> }),
            }}
        </main>
    }
}

/// The skip link, the app's header (brand, settings) and the notices for the reader.
#[component]
fn AppHeader(app: AppState, app_shown: Signal<bool>) -> impl IntoView {
    let languages = Locale::ALL
        .iter()
        .map(|l| ChoiceOption {
            lang: Some(l.tag()),
            ..ChoiceOption::new(l.tag(), own_name(*l))
        })
        .collect::<Vec<_>>();
    let open = app.settings_open;
    let dark = Signal::derive(move || match app.theme.get() {
        Theme::Dark => true,
        Theme::Light => false,
        Theme::System => prefs::system_prefers_dark(),
    });
    // A live region's content already in place when it shows is not announced: the notices go
    // in once the app shows (behind a first screen drawn at build time it is hidden; without
    // one, after its first frame).
    let notices = move || {
        // Worded anew whenever a notice comes or the language changes.
        let locale = app.locale.get();
        let notices = app.notices.get();
        (app_shown.get() && !notices.is_empty()).then(|| {
            let lines = notices
                .into_iter()
                .map(|n| view! { <p>{n.text(locale)}</p> })
                .collect_view();
            view! {
                <div class="notice info app-notice" data-testid="notices">
                    {lines}
                    <button class="link" on:click=move |_| app.notices.set(Vec::new())>
                        {say(app, Msg::Dismiss)}
                    </button>
                </div>
            }
        })
    };
    view! {
        <a class="skip-link" href="#main">{say(app, Msg::SkipToContent)}</a>
        <header class="app-header">
            <a
                class="brand"
                href=move || share::href(&share::library_query(app))
                on:click=move |ev| {
                    if in_place(&ev) {
                        share::open_library(app);
                    }
                }
            >
                {say(app, Msg::AppName)}
            </a>
            // On a phone the preferences fold into one disclosure; wider, they show inline.
            <button
                class="settings-button"
                type="button"
                aria-expanded=move || open.get().to_string()
                aria-controls="settings-panel"
                data-testid="settings-button"
                on:click=move |_| open.update(|v| *v = !*v)
            >
                <span class="settings-glyph" aria-hidden="true">"⚙"</span>
                {say(app, ShellMsg::Settings)}
            </button>
            <div
                class=move || if open.get() { "header-controls open" } else { "header-controls" }
                id="settings-panel"
                data-testid="settings-panel"
            >
                <div class="language">
                    <label class="label" for="language">{say(app, Msg::Language)}</label>
                    <Choice
                        id="language"
                        options=languages
                        value=Signal::derive(move || app.locale.get().tag().to_string())
                        on_change=move |tag: String| {
                            if let Some(l) = Locale::from_tag(&tag) {
                                switch_language(app, l);
                            }
                        }
                    />
                </div>
                // Dark theme on or off; starts from the system's preference until the reader
                // chooses.
                <Toggle
                    label=Msg::DarkTheme
                    on=dark
                    testid="theme-toggle"
                    on_toggle=move |()| {
                        app.theme.set(if dark.get_untracked() { Theme::Light } else { Theme::Dark })
                    }
                />
                <Toggle
                    label=Msg::LargerType
                    on=app.large_type
                    testid="large-type"
                    on_toggle=move |()| app.large_type.update(|v| *v = !*v)
                />
            </div>
        </header>
        // The live region is in the page from the start, so what comes into it is announced.
        <div class="app-notices" role="status">{notices}</div>
    }
}

/// A toggle button that says its state in words ("Dark theme: on") and in `aria-pressed`.
/// The accessible name stays the plain label; the state word is for the eye.
#[component]
fn Toggle(
    label: Msg,
    #[prop(into)] on: Signal<bool>,
    testid: &'static str,
    #[prop(into)] on_toggle: Callback<()>,
) -> impl IntoView {
    let app = use_app();
    view! {
        <button
            class=move || if on.get() { "toggle on" } else { "toggle" }
            type="button"
            aria-pressed=move || on.get().to_string()
            data-testid=testid
            on:click=move |_| on_toggle.run(())
        >
            <span class="toggle-label">{say(app, label)}</span>
            <span class="toggle-state" aria-hidden="true">
                {move || if on.get() { ShellMsg::On } else { ShellMsg::Off }.text(app.locale.get())}
            </span>
        </button>
    }
}

crate::messages! {
    pub enum ShellMsg {
        Settings => ("Settings", "设置", "設定"),
        On => (": on", "：开", "：開"),
        Off => (": off", "：关", "：關"),
    }
}
