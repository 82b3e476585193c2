//! The presentation mode, for a sales person on a projector: full screen where the browser
//! allows it (else the window), large type, one view per screen with the library chrome
//! hidden (CSS on `html[data-present]`), ←/→ (and a clicker's PageUp/PageDown) step through
//! the report's views — each step a view change, so Back steps too — and Esc leaves, as does
//! leaving full screen. The view's own controls (sliders, fields) stay live: keys pressed in
//! them are theirs.

use super::state::{use_app, AppState, View};
use crate::domain::present::{key_action, step, PresentKey};
use crate::i18n::links::LinkMsg;
use crate::i18n::{fill, Locale, Message};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Starts presenting the open report (from the reader's click: full screen needs it).
pub fn start(app: AppState) {
    app.fullscreen_refused.set(false);
    app.presenting.set(true);
    leptos::task::spawn_local(async move {
        let ok = crate::browser::page::enter_fullscreen().await;
        if app.presenting.get_untracked() {
            app.fullscreen_refused.set(!ok);
        } else if ok {
            // Left again before the browser answered.
            crate::browser::page::exit_fullscreen();
        }
    });
}

/// Stops presenting (and leaves full screen).
pub fn leave(app: AppState) {
    if app.presenting.get_untracked() {
        app.presenting.set(false);
    }
    crate::browser::page::exit_fullscreen();
}

/// The views of the open report, in tab order.
fn open_views(app: AppState) -> Vec<View> {
    app.open
        .get_untracked()
        .and_then(|id| app.report(&id))
        .map(|r| View::ALL.into_iter().filter(|v| v.applies_to(&r)).collect())
        .unwrap_or_default()
}

/// Moves the presentation by a key's action; `true` when the key was the presentation's.
fn act(app: AppState, action: PresentKey) -> bool {
    if action == PresentKey::Leave {
        leave(app);
        return true;
    }
    let views = open_views(app);
    let current = app.view.get_untracked();
    let index = views.iter().position(|v| *v == current).unwrap_or(0);
    if let Some(next) = step(views.len(), index, action).and_then(|i| views.get(i).copied()) {
        app.view.set(next);
        if let Some(w) = web_sys::window() {
            w.scroll_to_with_x_and_y(0.0, 0.0);
        }
    }
    true
}

/// Whether a key event belongs to the element it was pressed in (a field, a slider, a list
/// box, the tabs' own arrow keys), not to the presentation.
fn keys_belong_to_target(target: Option<web_sys::EventTarget>) -> bool {
    let Some(el) = target.and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else {
        return false;
    };
    let tag = el.tag_name().to_ascii_lowercase();
    let role = el.get_attribute("role").unwrap_or_default();
    matches!(tag.as_str(), "input" | "select" | "textarea")
        || el.has_attribute("contenteditable")
        || matches!(
            role.as_str(),
            "slider" | "tab" | "listbox" | "spinbutton" | "textbox"
        )
}

/// Installs the presentation's listeners and keeps `<html data-present>` in step. Call once.
pub fn install(app: AppState) {
    Effect::new(move |_| crate::browser::page::set_presenting(app.presenting.get()));
    // Going back to the library ends the presentation.
    Effect::new(move |_| {
        if app.open.with(Option::is_none) && app.presenting.get_untracked() {
            leave(app);
        }
    });
    let _ = window_event_listener(leptos::ev::keydown, move |ev| {
        if !app.presenting.get_untracked()
            || ev.default_prevented()
            || ev.ctrl_key()
            || ev.meta_key()
            || ev.alt_key()
        {
            return;
        }
        let Some(action) = key_action(&ev.key()) else {
            return;
        };
        if action != PresentKey::Leave && keys_belong_to_target(ev.target()) {
            return;
        }
        if act(app, action) {
            ev.prevent_default();
        }
    });
    // Leaving full screen (Esc, which the browser keeps for itself there) leaves the mode.
    let was_fullscreen = StoredValue::new(false);
    let listener = crate::browser::page::on_fullscreen_change(move || {
        let now = crate::browser::page::is_fullscreen();
        if was_fullscreen.get_value() && !now && app.presenting.get_untracked() {
            app.presenting.set(false);
        }
        was_fullscreen.set_value(now);
    });
    let _keep = StoredValue::new_local(listener);
}

/// The "Present" button of a report.
#[component]
pub fn PresentButton(locale: Locale) -> impl IntoView {
    let app = use_app();
    view! {
        <button
            class="secondary present-button"
            data-testid="present"
            title=LinkMsg::PresentHint.text(locale)
            on:click=move |_| start(app)
        >
            {LinkMsg::Present.text(locale)}
        </button>
    }
}

/// The bar over the presented view: report, view n of N, previous / next, leave, the keys.
/// Shown only while presenting, so it is in a chunk of its own (`super::lazy::LazyPresentBar`);
/// the keys and the Present button above stay in the first visit.
#[component]
pub fn PresentBar(
    title: String,
    views: Vec<View>,
    shown: Memo<View>,
    locale: Locale,
) -> impl IntoView {
    let app = use_app();
    let t = move |m: LinkMsg| m.text(locale);
    let n = views.len();
    let index = Memo::new(move |_| {
        let shown = shown.get();
        views.iter().position(|v| *v == shown).unwrap_or(0)
    });
    let nav = move |label: LinkMsg, action: PresentKey, testid: &'static str| {
        view! {
            <button
                class="secondary"
                data-testid=testid
                disabled=move || step(n, index.get(), action).is_none()
                on:click=move |_| {
                    act(app, action);
                }
            >
                {t(label)}
            </button>
        }
    };
    let refused = move || {
        app.fullscreen_refused.get().then(|| {
            let text = format!(" {}", t(LinkMsg::NoFullScreen));
            view! {
                <span class="present-refused" data-testid="present-refused">
                    {text}
                </span>
            }
        })
    };
    view! {
        <div class="present-bar" data-testid="present-bar" role="region" aria-label=t(LinkMsg::Present)>
            <p class="present-title">
                <span class="present-report">{title}</span>
                <strong class="present-view">{move || shown.get().label().text(locale)}</strong>
                " "
                <span class="present-step" data-testid="present-step">
                    {move || fill(t(LinkMsg::ViewOf), &[&(index.get() + 1).to_string(), &n.to_string()])}
                </span>
            </p>
            <p class="present-actions">
                {nav(LinkMsg::PreviousView, PresentKey::Previous, "present-prev")}
                {nav(LinkMsg::NextView, PresentKey::Next, "present-next")}
                <button class="primary" data-testid="present-leave" on:click=move |_| leave(app)>
                    {t(LinkMsg::LeavePresentation)}
                </button>
            </p>
            <p class="present-hint" role="status">
                {t(LinkMsg::Presenting)}
                {refused}
            </p>
        </div>
    }
}
