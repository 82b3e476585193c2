//! The whole state in the URL query: read once on load (a shared link reproduces the view),
//! then written with `replaceState` whenever it changes (no history entry per slider step).
//! Unknown or malformed parameters are ignored with a visible notice; the rest still applies.

use super::state::{AppState, View};
use crate::domain::format::Locale;
use crate::domain::scenario::{preset, Preset};
use crate::domain::share::{decode, encode, ShareState};
use crate::i18n::{Message, Msg};
use leptos::prelude::*;

/// Applies the link's state to the app. Call once, before the app renders.
pub fn restore(app: AppState) {
    let query = crate::browser::url::query();
    if query.is_empty() {
        return;
    }
    let decoded = app.reports.with_value(|r| decode(&query, r));
    let s = decoded.state;
    if let Some(l) = s.lang.as_deref().and_then(Locale::from_tag) {
        app.locale.set(l);
    }
    if let Some(index) = app
        .reports
        .with_value(|r| r.iter().position(|x| x.id == s.report))
    {
        app.open.set(Some(index));
        app.view
            .set(View::from_id(&s.view).unwrap_or(View::Overview));
        if let Some(scenario) = app.scenario(index) {
            scenario.set(s.scenario());
        }
    }
    app.dimension.set(s.dimension.clone());
    app.share_year.set(s.year);
    if let Some(seed) = s.mc_seed {
        app.mc_seed.set(seed);
    }
    if let Some(paths) = s.mc_paths {
        app.mc_paths.set(paths);
    }
    if let Some(points) = s.tornado_points {
        app.tornado_points.set(points);
    }
    // A link may carry only settings (the language) and no report: nothing is wrong then.
    let warnings: Vec<_> = decoded
        .warnings
        .iter()
        .filter(|w| !(s.report.is_empty() && w.key == "r"))
        .collect();
    if !warnings.is_empty() {
        let locale = app.locale.get_untracked();
        let details: Vec<String> = warnings.iter().map(|w| w.to_string()).collect();
        app.notices.update(|n| {
            n.push(format!(
                "{} {}",
                Msg::LinkIgnored.text(locale),
                details.join("; ")
            ))
        });
    }
}

/// The state as a link query (empty on the library with default settings).
pub fn current(app: AppState) -> String {
    let mut s = ShareState {
        lang: Some(app.display_locale().tag().to_string()),
        ..ShareState::default()
    };
    if let Some(index) = app.open.get() {
        let Some(report) = app.report(index) else {
            return encode(&s);
        };
        s.report = report.id.clone();
        s.view = app.view.get().id().to_string();
        s.dimension = app.dimension.get();
        s.year = app.share_year.get();
        if let Some(scenario) = app.scenario(index) {
            let current = scenario.get();
            s.set_scenario(&current);
            let published_rate = crate::domain::engine::model::published_rate(&report)
                .map(|p| p.rate)
                .unwrap_or(0.0);
            s.preset = Preset::ALL
                .into_iter()
                .find(|p| *p != Preset::Published && preset(&report, published_rate, *p) == current)
                .map(|p| p.id().to_string());
        }
        s.mc_seed = Some(app.mc_seed.get());
        s.mc_paths = Some(app.mc_paths.get());
        s.tornado_points = Some(app.tornado_points.get());
    }
    encode(&s)
}

/// A link to the current state (the page's address with the current query), whether or not
/// the URL has caught up yet.
pub fn link(app: AppState) -> String {
    let href = crate::browser::url::href();
    let base = href.split(['?', '#']).next().unwrap_or_default();
    let query = current(app);
    if query.is_empty() {
        base.to_string()
    } else {
        format!("{base}?{query}")
    }
}

/// Keeps the URL in step with the state from now on. Writes are coalesced (at most one per
/// `URL_WRITE_MS`, always the latest state): dragging a slider fires many input events, and
/// browsers throttle a page that calls `replaceState` hundreds of times.
pub fn keep_in_url(app: AppState) {
    let pending: StoredValue<Option<String>, LocalStorage> = StoredValue::new_local(None);
    let scheduled = StoredValue::new(false);
    Effect::new(move |_| {
        pending.set_value(Some(current(app)));
        if scheduled.get_value() {
            return;
        }
        scheduled.set_value(true);
        let write = wasm_bindgen::closure::Closure::once_into_js(move || {
            scheduled.set_value(false);
            if let Some(query) = pending.try_update_value(Option::take).flatten() {
                crate::browser::url::replace_query(&query);
            }
        });
        let queued = web_sys::window().and_then(|w| {
            w.set_timeout_with_callback_and_timeout_and_arguments_0(
                wasm_bindgen::JsCast::unchecked_ref(&write),
                URL_WRITE_MS,
            )
            .ok()
        });
        if queued.is_none() {
            // No timer available: write now.
            scheduled.set_value(false);
            if let Some(query) = pending.try_update_value(Option::take).flatten() {
                crate::browser::url::replace_query(&query);
            }
        }
    });
}

/// The longest the URL lags behind the state.
const URL_WRITE_MS: i32 = 300;
