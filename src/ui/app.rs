//! The shell: skip link, header with the language choice, then the library or the open report.

use super::dom::{el, text_el, Dom, Ev, Node, On};
use super::library::{Library, LibraryState};
use super::report::ReportPage;
use super::state::AppState;
use crate::browser::prefs::{self, Theme};
use crate::i18n::{Locale, Message, Msg};
use leptos::prelude::*;

#[component]
pub fn App() -> impl IntoView {
    let app = AppState::new();
    provide_context(app);
    super::exports::ExportStatus::provide();
    let lib = LibraryState::new();
    super::share::restore(app);
    super::catalogue::load(app);
    super::share::keep_in_url(app);
    provide_context(super::saved_ui::SavedState::load(app));
    let imports = super::imports::Imports::load(app);
    provide_context(imports);
    // A file dropped anywhere on the page is offered for import.
    let drop_listeners =
        crate::browser::files::on_file_drop(move |file| imports.receive_file(app, file));
    let _keep = StoredValue::new_local(drop_listeners);
    // Keep <html> (lang, theme, type size) and the kept preferences in step.
    Effect::new(move |_| prefs::apply(app.locale.get(), app.theme.get(), app.large_type.get()));
    super::present::install(app);
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
        <Dom render=move || header(app)/>
        <main id="main" tabindex="-1">
            {move || match app.open.get() {
                None => view! { <Library lib=lib/> }.into_any(),
                Some(id) => view! { <ReportPage id=id/> }.into_any(),
            }}
        </main>
    }
}

fn header(app: AppState) -> Vec<Node> {
    let locale = app.locale.get();
    let t = |m: Msg| m.text(locale);
    let names = [
        (Locale::En, "English"),
        (Locale::ZhHans, "简体中文"),
        (Locale::ZhHant, "繁體中文"),
    ];
    let picker = el("select")
        .id("language")
        .prop("value", locale.tag())
        .on(On::Change, move |ev: &Ev| {
            if let Some(l) = Locale::from_tag(&ev.value) {
                app.locale.set(l);
            }
        })
        .children(names.iter().map(|(l, name)| {
            el("option")
                .attr("value", l.tag())
                .attr("lang", l.tag())
                .text(*name)
        }));
    let notices = app.notices.get();
    let notice = (!notices.is_empty()).then(|| {
        el("div")
            .class("notice info app-notice")
            .attr("role", "status")
            .testid("notices")
            .children(
                notices
                    .iter()
                    .enumerate()
                    .map(|(i, n)| el("p").key(i.to_string()).text(n.clone())),
            )
            .child(
                text_el("button", "link", t(Msg::Dismiss))
                    .on_click(move || app.notices.set(Vec::new())),
            )
    });
    let open = app.settings_open.get();
    let settings = el("div")
        .class(if open {
            "header-controls open"
        } else {
            "header-controls"
        })
        .id("settings-panel")
        .testid("settings-panel")
        .child(
            el("div")
                .class("language")
                .child(text_el("label", "label", t(Msg::Language)).attr("for", "language"))
                .child(picker),
        )
        .child(theme_toggle(app, locale))
        .child(toggle(
            t(Msg::LargerType),
            app.large_type.get(),
            locale,
            "large-type",
            move || app.large_type.update(|v| *v = !*v),
        ));
    vec![
        text_el("a", "skip-link", t(Msg::SkipToContent)).attr("href", "#main"),
        el("header")
            .class("app-header")
            .child(text_el("a", "brand", t(Msg::AppName)).link(
                super::share::href(&super::share::library_query(app)),
                move || super::share::open_library(app),
            ))
            // On a phone the preferences fold into one disclosure; wider, they show inline.
            .child(
                el("button")
                    .class("settings-button")
                    .attr("type", "button")
                    .attr("aria-expanded", open.to_string())
                    .attr("aria-controls", "settings-panel")
                    .testid("settings-button")
                    .on_click(move || app.settings_open.update(|v| *v = !*v))
                    .child(
                        el("span")
                            .class("settings-glyph")
                            .attr("aria-hidden", "true")
                            .text("⚙"),
                    )
                    .text(ShellMsg::Settings.text(locale)),
            )
            .child(settings),
    ]
    .into_iter()
    .chain(notice)
    .collect()
}

/// Dark theme on or off; starts from the system's preference until the reader chooses.
fn theme_toggle(app: AppState, locale: Locale) -> Node {
    let dark = match app.theme.get() {
        Theme::Dark => true,
        Theme::Light => false,
        Theme::System => prefs::system_prefers_dark(),
    };
    toggle(
        Msg::DarkTheme.text(locale),
        dark,
        locale,
        "theme-toggle",
        move || app.theme.set(if dark { Theme::Light } else { Theme::Dark }),
    )
}

/// A toggle button that says its state in words ("Dark theme: on") and in `aria-pressed`.
/// The accessible name stays the plain label; the state word is for the eye.
pub fn toggle(
    label: &str,
    on: bool,
    locale: Locale,
    testid: &'static str,
    f: impl Fn() + 'static,
) -> Node {
    el("button")
        .class(if on { "toggle on" } else { "toggle" })
        .attr("type", "button")
        .attr("aria-pressed", on.to_string())
        .testid(testid)
        .on_click(f)
        .child(text_el("span", "toggle-label", label))
        .child(
            el("span")
                .class("toggle-state")
                .attr("aria-hidden", "true")
                .text(if on {
                    ShellMsg::On.text(locale)
                } else {
                    ShellMsg::Off.text(locale)
                }),
        )
}

crate::messages! {
    pub enum ShellMsg {
        Settings => ("Settings", "设置", "設定"),
        On => (": on", "：开", "：開"),
        Off => (": off", "：关", "：關"),
    }
}
