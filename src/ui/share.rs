//! The whole state in the URL query: read once on load (a shared link reproduces the view),
//! then written with `replaceState` once a change has rested (no history entry per slider step).
//! Unknown or malformed parameters are ignored with a visible notice; the rest still applies.

use super::state::{AppState, View};
use crate::domain::format::Locale;
use crate::domain::scenario::{preset, Preset, Scenario};
use crate::domain::schema::Report;
use crate::domain::share::{encode, parse, validate, ShareState, ShareWarning};
use leptos::prelude::*;

/// Applies the link the page was opened with (read once, `ui::startup`) to the app. Call once,
/// before the app renders. What depends on the report (scenario, dimension, year) waits in
/// `pending_link` until its file has loaded.
pub fn restore(app: AppState, decoded: crate::domain::share::Decoded) {
    let s = decoded.state;
    apply_settings(app, &s);
    notice_warnings(app, &decoded.warnings);
    if !s.report.is_empty() {
        app.open.set(Some(s.report.clone()));
        app.view
            .set(View::from_id(&s.view).unwrap_or(View::Overview));
        app.pending_link.set_value(Some(s));
    }
}

/// The parts of a link that hold for the whole app: language and the tools' settings.
fn apply_settings(app: AppState, s: &ShareState) {
    if let Some(l) = s.lang.as_deref().and_then(Locale::from_tag) {
        // A language whose texts did not arrive at start is the link's already: asking again
        // here would only fail again (choosing it in the menu retries).
        if app.locale.get_untracked() != l && app.fallback_for.get_value() != Some(l) {
            super::language::switch_language(app, l);
        }
    }
    if let Some(seed) = s.mc_seed {
        app.mc_seed.set(seed);
    }
    if let Some(paths) = s.mc_paths {
        app.mc_paths.set(paths);
    }
    if let Some(width) = s.mc_width {
        app.mc_width.set(width);
    }
    if let Some(points) = s.tornado_points {
        app.tornado_points.set(points);
    }
}

/// Applies a waiting link state once its report has loaded (checked against the report:
/// unknown keys and out-of-range values are dropped or clamped, with a notice).
pub fn apply_pending(app: AppState, report: &Report, scenario: RwSignal<Scenario>) {
    let Some(state) = app
        .pending_link
        .try_update_value(|p| p.take_if(|s| s.report == report.id))
        .flatten()
    else {
        return;
    };
    let checked = validate(state, report);
    scenario.set(checked.state.scenario());
    app.dimension.set(checked.state.dimension.clone());
    app.share_year.set(checked.state.year);
    notice_warnings(app, &checked.warnings);
}

fn notice_warnings(app: AppState, warnings: &[ShareWarning]) {
    if warnings.is_empty() {
        return;
    }
    let notice = super::state::Notice::Link(warnings.to_vec());
    app.notices.update(|n| n.push(notice));
}

/// The state as a link query (empty on the library with default settings).
pub fn current(app: AppState) -> String {
    let mut s = ShareState {
        lang: Some(reader_locale(app).tag().to_string()),
        ..ShareState::default()
    };
    if let Some(id) = app.open.get() {
        s.report = id.clone();
        s.view = app.view.get().id().to_string();
        let scenario = app.scenario(&id);
        let current = scenario.get();
        let Some(report) = app.report(&id) else {
            // Still loading: keep the link's own state so nothing of it is lost meanwhile.
            if let Some(pending) = app
                .pending_link
                .with_value(|p| p.clone().filter(|p| p.report == id))
            {
                return encode(&ShareState {
                    lang: s.lang,
                    ..pending
                });
            }
            return encode(&s);
        };
        s.dimension = app.dimension.get();
        s.year = app.share_year.get();
        s.set_scenario(&current);
        let published_rate = crate::domain::engine::model::published_rate(&report)
            .map(|p| p.rate)
            .unwrap_or(0.0);
        s.preset = Preset::ALL
            .into_iter()
            .find(|p| *p != Preset::Published && preset(&report, published_rate, *p) == current)
            .map(|p| p.id().to_string());
        s.mc_seed = Some(app.mc_seed.get());
        s.mc_paths = Some(app.mc_paths.get());
        s.mc_width = Some(app.mc_width.get());
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

/// The query of a link to `view`, with everything else as `query` (the current state's, from
/// [`current`], computed once for every tab) says.
pub fn with_view(query: &str, view: View) -> String {
    let mut state = parse(query).state;
    state.view = view.id().to_string();
    encode(&state)
}

/// The language links and the URL carry: the reader's. English shown only because their
/// language's texts did not arrive is not written: a reload, or the link opened later, tries
/// their language again.
fn reader_locale(app: AppState) -> Locale {
    let shown = app.locale.get();
    app.fallback_for.get_value().unwrap_or(shown)
}

/// The query of a link to a report's overview (from its card), in the current language.
pub fn report_query(app: AppState, id: &str) -> String {
    encode(&ShareState {
        report: id.to_string(),
        view: View::Overview.id().to_string(),
        lang: Some(reader_locale(app).tag().to_string()),
        ..ShareState::default()
    })
}

/// The query of a link to the library, in the current language.
pub fn library_query(app: AppState) -> String {
    encode(&ShareState {
        lang: Some(reader_locale(app).tag().to_string()),
        ..ShareState::default()
    })
}

/// A relative link to a query (`?…`): it keeps the page's own path, so it works under any
/// sub-path and from a file.
pub fn href(query: &str) -> String {
    format!("?{query}")
}

/// Opens a report at its overview (what its card's link does, in place).
pub fn open_report(app: AppState, id: &str) {
    app.view.set(View::Overview);
    if app.open.get_untracked().as_deref() != Some(id) {
        app.open.set(Some(id.to_string()));
    }
}

/// Shows the library (what "Back to library" does, in place).
pub fn open_library(app: AppState) {
    app.open.set(None);
}

/// Where the reader is: which report and which view. A change of place adds a history entry;
/// anything else replaces the current one.
fn place(app: AppState) -> (Option<String>, Option<View>) {
    let open = app.open.get();
    let view = open.as_ref().map(|_| app.view.get());
    (open, view)
}

/// Back or Forward: the entry's query is decoded as a shared link would be and applied to
/// the app (report, view, assumptions, tool settings, language).
fn restore_entry(app: AppState, last_place: StoredValue<(Option<String>, Option<View>)>) {
    let decoded = parse(&crate::browser::url::query());
    let s = decoded.state;
    apply_settings(app, &s);
    if s.report.is_empty() {
        last_place.set_value((None, None));
        app.pending_link.set_value(None);
        app.open.set(None);
        return;
    }
    let view = View::from_id(&s.view).unwrap_or(View::Overview);
    last_place.set_value((Some(s.report.clone()), Some(view)));
    let id = s.report.clone();
    app.pending_link.set_value(Some(s));
    app.view.set(view);
    if app.open.get_untracked().as_deref() == Some(id.as_str()) {
        // The same report stays open: apply its part of the state now, if it has loaded.
        if let Some(report) = app.report(&id) {
            apply_pending(app, &report, app.scenario(&id));
        }
    } else {
        app.open.set(Some(id));
    }
}

/// The current state as a link query ([`current`]), once per change: provided by
/// [`keep_in_url`] for the links that carry the state (the view tabs).
#[derive(Clone, Copy)]
pub struct LinkQuery(pub Memo<String>);

/// Keeps the URL in step with the state from now on. A change of place (report or view) is
/// written at once, as its own history entry; any other change is written once the state has
/// rested for `URL_WRITE_MS` (always the latest state): each `replaceState` costs the page a
/// task (and Chromium fetches and draws the favicon again), which a slider moving step by step
/// would otherwise pay every few inputs. Links the app builds (tabs, "Copy link") read the
/// state itself, so they are right at once; a pending write is made before the page is left.
pub fn keep_in_url(app: AppState) {
    // The state's query, computed once per change for the URL and every tab's link.
    let link = LinkQuery(Memo::new(move |_| current(app)));
    provide_context(link);
    let pending: StoredValue<Option<String>, LocalStorage> = StoredValue::new_local(None);
    // A later change replaces the wait.
    let wait = crate::browser::timers::Debounce::default();
    // The place the URL shows; `None` until the first write (the page's own entry is replaced).
    let last_place = StoredValue::new(None::<(Option<String>, Option<View>)>);
    let shown = StoredValue::new((None::<String>, None::<View>));
    let last_locale = StoredValue::new(None::<Locale>);
    let flush = move || {
        if let Some(query) = pending.try_update_value(Option::take).flatten() {
            crate::browser::url::replace_query(&query);
        }
    };
    let listener = crate::browser::url::on_history_move(move || {
        restore_entry(app, shown);
        last_place.set_value(Some(shown.get_value()));
    });
    let leaving = crate::browser::url::on_page_hide(flush);
    let _keep = StoredValue::new_local((listener, leaving));
    Effect::new(move |_| {
        let here = place(app);
        let query = link.0.get();
        let moved = last_place.get_value().is_some_and(|last| last != here);
        last_place.set_value(Some(here.clone()));
        shown.set_value(here);
        if moved {
            // A new place: first the old entry gets its latest state (a slider moved just
            // before), then the new place its own history entry, now.
            flush();
            crate::browser::url::push_query(&query);
            return;
        }
        pending.set_value(Some(query));
        // A language chosen is a single choice, not a slider's stream: written at once, so a
        // reload right after it (the URL's language wins over the saved one) keeps it.
        let locale = app.locale.get();
        let last = last_locale.get_value();
        last_locale.set_value(Some(locale));
        if last.is_some_and(|last| last != locale) {
            flush();
        } else {
            wait.after(URL_WRITE_MS, flush);
        }
    });
}

/// How long the state rests before the URL shows it.
const URL_WRITE_MS: u32 = 300;
