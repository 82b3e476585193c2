//! An open report: its header, the scenario status, the view tabs (only the views that apply)
//! and the chosen view. Provides `ReportCtx` to the views.

use super::common::{local, local_view, Badge};
use super::lazy::{LazyPresentBar, LazyView};
use super::link::in_place;
use super::overview::Overview;
use super::present::PresentButton;
use super::share;
use super::state::{use_app, use_report, AppState, Load, ReportCtx, View};
use super::text::{Choice, ChoiceOption};
use crate::domain::schema::{Provenance, Report};
use crate::i18n::catalogue::CatalogueMsg;
use crate::i18n::fx::{fx_note, FxNote};
use crate::i18n::{fill, Locale, Message, Msg};
use leptos::either::{Either, EitherOf3};
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// Where opening a report is.
#[derive(Clone)]
enum Opening {
    Loading,
    Ready(Arc<Report>),
    Failed(NotOpened),
}

/// Why a report did not open: worded where it is shown, in the language of the moment.
#[derive(Clone)]
enum NotOpened {
    /// The catalogue itself failed.
    Catalogue(super::catalogue::FileFailure),
    /// An imported report's link, on a device that does not keep it.
    NotOnThisDevice(String),
    NotInCatalogue(String),
    File(super::catalogue::FileFailure),
}

impl NotOpened {
    fn text(&self, locale: Locale) -> String {
        match self {
            NotOpened::Catalogue(why) => why.text(locale),
            NotOpened::NotOnThisDevice(id) => fill(
                crate::i18n::import::ImportMsg::NotOnThisDevice.text(locale),
                &[id],
            ),
            NotOpened::NotInCatalogue(id) => fill(CatalogueMsg::NotInCatalogue.text(locale), &[id]),
            NotOpened::File(why) => why.text(locale),
        }
    }
}

/// An open report by id: finds its card in the catalogue, fetches its file (loading state;
/// a clear error and a retry when it is missing, truncated or invalid), then shows it.
#[component]
pub fn ReportPage(id: String) -> impl IntoView {
    let app = use_app();
    let state = RwSignal::new(Opening::Loading);
    let attempt = RwSignal::new(0u32);
    // The attempt whose fetch has started: the catalogue growing does not fetch again.
    let started = StoredValue::new(None::<u32>);
    let wanted = id.clone();
    Effect::new(move |_| {
        attempt.track();
        let id = wanted.clone();
        if let Some(r) = app.report(&id) {
            state.set(Opening::Ready(r));
            return;
        }
        // The card comes from the catalogue; a link may name a report on a page not fetched yet.
        let entry = app.catalogue.with(|c| match c {
            Load::Ready(c) => match c.entry(&id) {
                Some(e) => Some(Ok(e)),
                None if !c.remaining.is_empty() && c.page_error.is_none() => None,
                None if id.starts_with(crate::domain::imported::ID_PREFIX) => {
                    Some(Err(NotOpened::NotOnThisDevice(id.clone())))
                }
                None => Some(Err(NotOpened::NotInCatalogue(id.clone()))),
            },
            Load::Failed(why) => Some(Err(NotOpened::Catalogue(why.clone()))),
            Load::Loading => None,
        });
        match entry {
            None => {
                if app
                    .catalogue
                    .with_untracked(|c| matches!(c, Load::Ready(_)))
                {
                    super::catalogue::load_more(app, true);
                }
                state.set(Opening::Loading);
            }
            Some(Err(why)) => state.set(Opening::Failed(why)),
            Some(Ok(entry)) => {
                super::first_screen::keep_only(&entry.id, Some(&entry.hash));
                let n = attempt.get_untracked();
                if started.get_value() == Some(n) {
                    return;
                }
                started.set_value(Some(n));
                state.set(Opening::Loading);
                leptos::task::spawn_local(async move {
                    let result = super::catalogue::fetch_report(app, &entry).await;
                    // Read in one task, drawn in the next, behind a first screen drawn at build time.
                    super::first_screen::yield_while_shown().await;
                    // Unless the report opened meanwhile (the effect ran again in between and
                    // found it read): drawing it twice would rebuild the page. Nor once the
                    // reader has left (the page, and its state, are gone).
                    if state
                        .try_with_untracked(|s| matches!(s, Opening::Loading))
                        .unwrap_or(false)
                    {
                        state.set(match result {
                            Ok(r) => Opening::Ready(r),
                            Err(why) => Opening::Failed(NotOpened::File(why)),
                        });
                    }
                });
            }
        }
    });
    // Once the report is drawn (or has failed to open), the app takes the page over from a
    // first screen drawn at build time, in the frame that shows the app's own.
    Effect::new(move |_| {
        if !state.with(|s| matches!(s, Opening::Loading)) {
            super::first_screen::take_over();
        }
    });
    move || match state.get() {
        Opening::Loading => EitherOf3::A(view! {
            <p class="loading" role="status" data-testid="report-loading">
                {move || app.t(CatalogueMsg::LoadingReport)}
            </p>
        }),
        Opening::Failed(why) => EitherOf3::B(view! {
            <section class="notice error report-error" role="alert" data-testid="report-error">
                <h1>{move || app.t(CatalogueMsg::ReportFailed)}</h1>
                <p class="reason">{move || why.text(app.locale.get())}</p>
                <p>{move || app.t(CatalogueMsg::OtherReportsFine)}</p>
                <p class="actions">
                    <button class="primary" data-testid="retry" on:click=move |_| {
                        if app.catalogue.with_untracked(|c| matches!(c, Load::Failed(_))) {
                            super::catalogue::load(app);
                        }
                        attempt.update(|n| *n += 1);
                    }>{move || app.t(CatalogueMsg::Retry)}</button>
                    <a class="link" href=move || super::share::href(&super::share::library_query(app))
                        on:click=move |ev| {
                            if in_place(&ev) {
                                super::share::open_library(app);
                            }
                        }>
                        {move || format!("← {}", app.t(Msg::BackToLibrary))}
                    </a>
                </p>
            </section>
        }),
        Opening::Ready(report) => EitherOf3::C(view! { <OpenReport report=report/> }),
    }
}

/// A report whose file has loaded: header, tabs and the chosen view.
#[component]
fn OpenReport(report: Arc<Report>) -> impl IntoView {
    let app = use_app();
    let scenario = app.scenario(&report.id);
    super::share::apply_pending(app, &report, scenario);
    let views: Vec<View> = View::ALL
        .into_iter()
        .filter(|v| v.applies_to(&report))
        .collect();
    let ctx = ReportCtx::new(report, scenario, app.fx);
    provide_context(ctx);
    let copy_status = RwSignal::new(None::<Result<(), String>>);
    let fx_input = FxInput::new(app);
    // A view that does not apply to this report falls back to the overview.
    let shown = Memo::new(move |_| {
        let v = app.view.get();
        if views.contains(&v) {
            v
        } else {
            View::Overview
        }
    });
    // The page names the report and view (tab, history, bookmarks); the description is the
    // report's summary.
    Effect::new(move |_| {
        let locale = app.locale.get();
        let view = shown.get();
        ctx.with(|r| {
            let title = crate::domain::format::pick(&r.meta.title, locale).0;
            crate::browser::page::set_title(&crate::i18n::links::page_title(
                Msg::AppName.text(locale),
                Some((title, view.label().text(locale))),
            ));
            crate::browser::page::set_description(
                crate::domain::format::pick(&r.meta.summary, locale).0,
            );
        });
    });
    view! {
        <article class="report" data-report=ctx.with(|r| r.id.clone())>
            // Texts are plain: the header is built anew when the language changes.
            {move || view! { <ReportHeader shown=shown fx=fx_input copy_status=copy_status locale=app.locale.get()/> }}
            <section id="view-panel" role="tabpanel" aria-labelledby=move || format!("tab-{}", shown.get().id()) class="view-panel">
                // Every view but the overview is fetched when first opened (src/ui/lazy.rs).
                {move || match shown.get() {
                    View::Overview => Either::Left(view! { <Overview/> }),
                    other => Either::Right(view! { <LazyView view=other/> }),
                }}
            </section>
        </article>
    }
}

/// Moves keyboard focus to a tab (the element persists across renders, so this is safe now).
fn focus_tab(view: View) {
    if let Some(e) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(&format!("tab-{}", view.id())))
    {
        if let Ok(e) = e.dyn_into::<web_sys::HtmlElement>() {
            let _ = e.focus();
        }
    }
}

/// Copies a link to the current state; says whether it worked, or shows it to copy by hand.
fn copy_link(app: AppState, status: RwSignal<Option<Result<(), String>>>) {
    let href = super::share::link(app);
    leptos::task::spawn_local(async move {
        let ok = crate::browser::download::copy_text(&href).await;
        status.set(Some(if ok { Ok(()) } else { Err(href) }));
    });
}

/// What the reader typed for the display conversion (applied to `app.fx` when valid).
#[derive(Clone, Copy)]
struct FxInput {
    to: RwSignal<String>,
    rate: RwSignal<String>,
}

impl FxInput {
    fn new(app: AppState) -> Self {
        let current = app.fx.get_untracked();
        FxInput {
            to: RwSignal::new(current.as_ref().map(|c| c.0.clone()).unwrap_or_default()),
            rate: RwSignal::new(current.map(|c| c.1.to_string()).unwrap_or_default()),
        }
    }

    fn apply(&self, app: AppState) {
        let to = self.to.get_untracked();
        let rate =
            crate::domain::format::parse_typed(&self.rate.get_untracked()).filter(|r| *r > 0.0);
        app.fx.set(match (to.is_empty(), rate) {
            (false, Some(r)) => Some((to, r)),
            _ => None,
        });
    }
}

/// Whether a report's currency is money ("XXX" is ISO 4217's code for "no currency").
fn is_money(code: &str) -> bool {
    code != "XXX"
}

const DISPLAY_CURRENCIES: [&str; 4] = ["USD", "CNY", "EUR", "GBP"];

/// "Show money in …" with the rate the reader sets; marked as their assumption when in force.
#[component]
fn CurrencyControl(from: String, fx: FxInput, locale: Locale) -> impl IntoView {
    let app = use_app();
    let t = move |m: Msg| m.text(locale);
    let options = std::iter::once(ChoiceOption::new("", fill(t(Msg::AsReported), &[&from])))
        .chain(
            DISPLAY_CURRENCIES
                .iter()
                .filter(|c| **c != from)
                .map(|c| ChoiceOption::new(*c, *c)),
        )
        .collect::<Vec<_>>();
    let chosen = Memo::new(move |_| !fx.to.with(String::is_empty));
    let rate_label = fill(t(Msg::RateOne), &[&from]);
    let note = move || {
        let note = fx.to.with(|to| {
            app.fx.with(|f| {
                fx.rate.with(|typed| {
                    let in_force = f.as_ref().map(|(cur, rate)| (cur.as_str(), *rate));
                    fx_note(&from, to, in_force, typed, locale)
                })
            })
        });
        note.map(|note| match note {
            FxNote::Converted(text) => EitherOf3::A(view! {
                <p class="check warning fx-note" data-testid="fx-note">
                    {text}
                    <Badge of=Provenance::Assumption locale=locale/>
                </p>
            }),
            FxNote::Prompt(text) => {
                EitherOf3::B(view! { <p class="help fx-prompt" data-testid="fx-prompt">{text}</p> })
            }
            FxNote::RateNeeded(text) => {
                EitherOf3::C(view! { <p class="field-msg" data-testid="fx-error">{text}</p> })
            }
        })
    };
    view! {
        <div class="fx">
            <div class="currency-control">
                <label for="fx-currency">{t(Msg::ShowMoneyIn)}</label>
                <Choice
                    id="fx-currency"
                    options=options
                    value=fx.to
                    on_change=move |to: String| {
                        fx.to.set(to);
                        fx.apply(app);
                    }
                />
                <Show when=move || chosen.get()>
                    <label for="fx-rate">{rate_label.clone()}</label>
                    <RateField fx=fx/>
                    <span>{move || fx.to.get()}</span>
                </Show>
            </div>
            {note}
        </div>
    }
}

/// The rate field: shows the rate as typed; a change applies it (when it can be used).
#[component]
fn RateField(fx: FxInput) -> impl IntoView {
    let app = use_app();
    view! {
        <input
            id="fx-rate"
            type="text"
            inputmode="decimal"
            size="8"
            prop:value=move || fx.rate.get()
            on:change=move |ev| {
                fx.rate.set(event_target_value(&ev));
                fx.apply(app);
            }
        />
    }
}

/// The report's header: the presentation bar when presenting, the bar (back to the library,
/// present, the scenario's state, copy link), title and byline with the currency control, and
/// the view tabs.
#[component]
fn ReportHeader(
    shown: Memo<View>,
    fx: FxInput,
    copy_status: RwSignal<Option<Result<(), String>>>,
    locale: Locale,
) -> impl IntoView {
    let app = use_app();
    let ctx = use_report();
    let t = move |m: Msg| m.text(locale);
    let views: Vec<View> =
        ctx.with(|r| View::ALL.into_iter().filter(|v| v.applies_to(r)).collect());
    let report_title = ctx.with(|r| local(&r.meta.title, locale));
    let present_bar = {
        let views = views.clone();
        let title = report_title.clone();
        move || {
            app.presenting.get().then(|| {
                view! {
                    <LazyPresentBar title=title.clone() views=views.clone() shown=shown locale=locale/>
                }
            })
        }
    };
    let present_button =
        move || (!app.presenting.get()).then(|| view! { <PresentButton locale=locale/> });
    let library_href = share::href(&share::library_query(app));
    let (byline, currency) = ctx.with(|r| {
        let m = &r.meta;
        let code = m.code.clone().map(|code| {
            view! {
                " · "
                <span class="code">{code}</span>
            }
        });
        let money = is_money(&m.currency).then(|| format!(" · {}", m.currency));
        (
            view! {
                <p class="byline">
                    {local_view(&m.publisher, locale)}
                    {code}
                    " · "
                    {local_view(&m.region, locale)}
                    {money}
                </p>
            },
            // A report of non-money figures ("XXX", an imported table) has nothing to convert.
            is_money(&m.currency).then(|| m.currency.clone()),
        )
    });
    let fx_control = match currency {
        Some(from) => Either::Left(view! { <CurrencyControl from=from fx=fx locale=locale/> }),
        None => Either::Right(view! { <div class="fx"></div> }),
    };
    let title = ctx.with(|r| r.meta.title.clone());
    // One query for every tab's link: the current state, computed once per change.
    let query = use_context::<share::LinkQuery>()
        .map_or_else(|| Memo::new(move |_| share::current(app)), |q| q.0);
    let tabs = views
        .iter()
        .enumerate()
        .map(|(i, &v)| {
            let views = views.clone();
            let keydown = move |ev: leptos::ev::KeyboardEvent| {
                // Arrow keys move between tabs (WAI-ARIA tabs pattern).
                let n = views.len();
                let next = match ev.key().as_str() {
                    "ArrowRight" => Some((i + 1) % n),
                    "ArrowLeft" => Some((i + n - 1) % n),
                    "Home" => Some(0),
                    "End" => Some(n - 1),
                    _ => None,
                };
                if let Some(j) = next {
                    app.view.set(views[j]);
                    focus_tab(views[j]);
                }
            };
            view! {
                <a
                    href=move || share::href(&query.with(|q| share::with_view(q, v)))
                    on:click=move |ev| {
                        if in_place(&ev) {
                            app.view.set(v);
                        }
                    }
                    role="tab"
                    id=format!("tab-{}", v.id())
                    aria-controls="view-panel"
                    aria-selected=move || (shown.get() == v).to_string()
                    tabindex=move || if shown.get() == v { "0" } else { "-1" }
                    class="tab"
                    data-view=v.id()
                    on:keydown=keydown
                >
                    {t(v.label())}
                </a>
            }
        })
        .collect_view();
    view! {
        {present_bar}
        // One compact bar: back to the library, the scenario's state and the link to it.
        <div class="report-bar">
            <nav class="crumbs">
                <a
                    class="link"
                    href=library_href
                    on:click=move |ev| {
                        if in_place(&ev) {
                            share::open_library(app);
                        }
                    }
                >
                    {format!("← {}", t(Msg::BackToLibrary))}
                </a>
                {present_button}
            </nav>
            <ScenarioStatus copy_status=copy_status locale=locale/>
        </div>
        <header class="report-header">
            // A long title is clamped to two or three lines; the whole title is in `title`
            // and shows on focus (a click or a tab), since the text itself is all there for a
            // reader.
            <h1 class="report-title" title=report_title tabindex="0" data-testid="report-title">
                {local_view(&title, locale)}
            </h1>
            <div class="report-meta">{byline}{fx_control}</div>
        </header>
        // The tabs scroll sideways on a narrow screen; a fade marks the side that has more.
        <div class="tabs-wrap">
            <div class="tabs" role="tablist" aria-label=t(Msg::ReportViews)>
                {tabs}
            </div>
        </div>
    }
}

/// Whether the assumptions are the published ones (and a reset), and the link to copy.
#[component]
fn ScenarioStatus(
    copy_status: RwSignal<Option<Result<(), String>>>,
    locale: Locale,
) -> impl IntoView {
    let app = use_app();
    let ctx = use_report();
    let t = move |m: Msg| m.text(locale);
    let modified = Memo::new(move |_| !ctx.scenario.with(|s| s.is_published()));
    let copied = move || {
        copy_status.get().map(|r| match r {
            Ok(()) => Either::Left(
                view! { <span class="status" role="status">{t(Msg::LinkCopied)}</span> },
            ),
            Err(href) => {
                let by_hand = format!("{} ", t(Msg::CopyByHand));
                Either::Right(view! {
                    <span class="status" role="status">
                        {by_hand}
                        <input
                            type="text"
                            readonly=""
                            aria-label=t(Msg::CopyLink)
                            prop:value=href
                            data-testid="link-by-hand"
                        />
                    </span>
                })
            }
        })
    };
    view! {
        <div class="scenario-status" data-testid="scenario-status">
            <span class=move || {
                if modified.get() { "badge prov-scenario" } else { "badge prov-reported" }
            }>
                {move || {
                    t(if modified.get() { Msg::ModifiedAssumptions } else { Msg::PublishedAssumptions })
                }}
            </span>
            <Show when=move || modified.get()>
                <button
                    class="link"
                    data-testid="reset"
                    on:click=move |_| ctx.scenario.set(Default::default())
                >
                    {t(Msg::Reset)}
                </button>
            </Show>
            <button
                class="link copy-link"
                data-testid="copy-link"
                on:click=move |_| copy_link(app, copy_status)
            >
                {t(Msg::CopyLink)}
            </button>
            {copied}
        </div>
    }
}
