//! An open report: its header, the scenario status, the view tabs (only the views that apply)
//! and the chosen view. Provides `ReportCtx` to the views.

use super::common::local_text;
use super::dom::{el, text_el, Dom, Ev, Node, On};
use super::lazy::LazyView;
use super::overview::Overview;
use super::state::{use_app, AppState, Load, ReportCtx, View};
use crate::domain::schema::Report;
use crate::i18n::catalogue::CatalogueMsg;
use crate::i18n::{fill, Message, Msg};
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// An open report by id: finds its card in the catalogue, fetches its file (loading state;
/// a clear error and a retry when it is missing, truncated or invalid), then shows it.
#[component]
pub fn ReportPage(id: String) -> impl IntoView {
    let app = use_app();
    let state = RwSignal::new(Load::<Arc<Report>>::Loading);
    let attempt = RwSignal::new(0u32);
    // The attempt whose fetch has started: the catalogue growing does not fetch again.
    let started = StoredValue::new(None::<u32>);
    let wanted = id.clone();
    Effect::new(move |_| {
        attempt.track();
        let id = wanted.clone();
        if let Some(r) = app.report(&id) {
            state.set(Load::Ready(r));
            return;
        }
        let locale = app.locale.get_untracked();
        // The card comes from the catalogue; a link may name a report on a page not fetched yet.
        let entry = app.catalogue.with(|c| match c {
            Load::Ready(c) => match c.entry(&id) {
                Some(e) => Some(Ok(e)),
                None if !c.remaining.is_empty() && c.page_error.is_none() => None,
                None if id.starts_with(crate::domain::imported::ID_PREFIX) => Some(Err(fill(
                    crate::i18n::import::ImportMsg::NotOnThisDevice.text(locale),
                    &[&id],
                ))),
                None => Some(Err(fill(CatalogueMsg::NotInCatalogue.text(locale), &[&id]))),
            },
            Load::Failed(message) => Some(Err(message.clone())),
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
                state.set(Load::Loading);
            }
            Some(Err(message)) => state.set(Load::Failed(message)),
            Some(Ok(entry)) => {
                let n = attempt.get_untracked();
                if started.get_value() == Some(n) {
                    return;
                }
                started.set_value(Some(n));
                state.set(Load::Loading);
                leptos::task::spawn_local(async move {
                    let result = super::catalogue::fetch_report(app, &entry, locale).await;
                    state.set(match result {
                        Ok(r) => Load::Ready(r),
                        Err(message) => Load::Failed(message),
                    });
                });
            }
        }
    });
    move || {
        match state.get() {
        Load::Loading => view! {
            <p class="loading" role="status" data-testid="report-loading">
                {move || app.t(CatalogueMsg::LoadingReport)}
            </p>
        }
        .into_any(),
        Load::Failed(message) => view! {
            <section class="notice error report-error" role="alert" data-testid="report-error">
                <h1>{move || app.t(CatalogueMsg::ReportFailed)}</h1>
                <p class="reason">{message}</p>
                <p>{move || app.t(CatalogueMsg::OtherReportsFine)}</p>
                <p class="actions">
                    <button class="primary" data-testid="retry" on:click=move |_| {
                        if app.catalogue.with_untracked(|c| matches!(c, Load::Failed(_))) {
                            super::catalogue::load(app);
                        }
                        attempt.update(|n| *n += 1);
                    }>{move || app.t(CatalogueMsg::Retry)}</button>
                    <a class="link" href=move || super::share::href(&super::share::library_query(app))
                        on:click=move |ev: leptos::ev::MouseEvent| {
                            if ev.button() == 0 && !(ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key()) {
                                ev.prevent_default();
                                super::share::open_library(app);
                            }
                        }>
                        {move || format!("← {}", app.t(Msg::BackToLibrary))}
                    </a>
                </p>
            </section>
        }
        .into_any(),
        Load::Ready(report) => view! { <OpenReport report=report/> }.into_any(),
    }
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
    let ctx = ReportCtx::new(report, scenario);
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
            <Dom render=move || header(app, ctx, shown.get(), copy_status, fx_input)/>
            <section id="view-panel" role="tabpanel" aria-labelledby=move || format!("tab-{}", shown.get().id()) class="view-panel">
                // Every view but the overview is fetched when first opened (src/ui/lazy.rs).
                {move || match shown.get() {
                    View::Overview => view! { <Overview/> }.into_any(),
                    other => view! { <LazyView view=other/> }.into_any(),
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

crate::messages! {
    enum FxMsg {
        RatePrompt => ("Type how many {1} one {0} is worth to show money in {1}.", "请输入 1 {0} 折合多少 {1}，即以 {1} 显示金额。", "請輸入 1 {0} 折合多少 {1}，即以 {1} 顯示金額。"),
    }
}

const DISPLAY_CURRENCIES: [&str; 4] = ["USD", "CNY", "EUR", "GBP"];

/// "Show money in …" with the rate the reader sets; marked as their assumption when in force.
fn currency_control(app: AppState, from: &str, fx: FxInput, locale: crate::i18n::Locale) -> Node {
    let t = |m: Msg| m.text(locale);
    let to = fx.to.get();
    let options = std::iter::once((
        "".to_string(),
        crate::i18n::fill(t(Msg::AsReported), &[from]),
    ))
    .chain(
        DISPLAY_CURRENCIES
            .iter()
            .filter(|c| **c != from)
            .map(|c| (c.to_string(), c.to_string())),
    )
    .map(|(v, l)| el("option").attr("value", v).text(l));
    let mut row = el("div")
        .class("currency-control")
        .child(text_el("label", "", t(Msg::ShowMoneyIn)).attr("for", "fx-currency"))
        .child(
            el("select")
                .id("fx-currency")
                .prop("value", to.clone())
                .children(options)
                .on(On::Change, move |ev: &Ev| {
                    fx.to.set(ev.value.clone());
                    fx.apply(app);
                }),
        );
    if !to.is_empty() {
        row = row
            .child(
                text_el("label", "", crate::i18n::fill(t(Msg::RateOne), &[from]))
                    .attr("for", "fx-rate"),
            )
            .child(
                el("input")
                    .id("fx-rate")
                    .attr("type", "text")
                    .attr("inputmode", "decimal")
                    .attr("size", "8")
                    .prop("value", fx.rate.get())
                    .on(On::Change, move |ev: &Ev| {
                        fx.rate.set(ev.value.clone());
                        fx.apply(app);
                    }),
            )
            .child(text_el("span", "", to.clone()));
    }
    let note = match (to.is_empty(), app.fx.get()) {
        (true, _) => None,
        (false, Some((cur, rate))) => Some(
            el("p")
                .class("check warning fx-note")
                .testid("fx-note")
                .text(format!(
                    "{} ",
                    crate::i18n::fill(
                        t(Msg::ConvertedNote),
                        &[from, &crate::domain::format::number(rate, 6), &cur]
                    )
                ))
                .child(super::common::badge(
                    crate::domain::schema::Provenance::Assumption,
                    locale,
                )),
        ),
        // Nothing typed yet: ask for the rate; an error only for a rate that cannot be used.
        (false, None) if fx.rate.get().trim().is_empty() => Some(
            text_el(
                "p",
                "help fx-prompt",
                crate::i18n::fill(FxMsg::RatePrompt.text(locale), &[from, &to]),
            )
            .testid("fx-prompt"),
        ),
        (false, None) => Some(text_el("p", "field-msg", t(Msg::RateNeeded)).testid("fx-error")),
    };
    el("div").class("fx").child(row).child_opt(note)
}

fn header(
    app: AppState,
    ctx: ReportCtx,
    shown: View,
    copy_status: RwSignal<Option<Result<(), String>>>,
    fx: FxInput,
) -> Vec<Node> {
    let locale = app.display_locale();
    let t = |m: Msg| m.text(locale);
    let modified = !ctx.scenario.with(|s| s.is_published());
    let views: Vec<View> =
        ctx.with(|r| View::ALL.into_iter().filter(|v| v.applies_to(r)).collect());
    let (title, byline) = ctx.with(|r| {
        let m = &r.meta;
        let mut byline = el("p")
            .class("byline")
            .child(local_text(&m.publisher, locale));
        if let Some(code) = &m.code {
            byline = byline
                .text(" · ")
                .child(text_el("span", "code", code.clone()));
        }
        // A long title is clamped to two or three lines; the whole title is in `title` and
        // shows on focus (a click or a tab), since the text itself is all there for a reader.
        let full = super::common::local(&m.title, locale);
        (
            el("h1")
                .class("report-title")
                .attr("title", full)
                .attr("tabindex", "0")
                .testid("report-title")
                .child(local_text(&m.title, locale)),
            byline
                .text(" · ")
                .child(local_text(&m.region, locale))
                .text(if is_money(&m.currency) {
                    format!(" · {}", m.currency)
                } else {
                    String::new()
                }),
        )
    });
    let tabs = views.iter().enumerate().map(|(i, &v)| {
        let selected = v == shown;
        let views = views.clone();
        el("a")
            .key(v.id())
            .link(
                super::share::href(&super::share::view_query(app, v)),
                move || app.view.set(v),
            )
            .attr("role", "tab")
            .id(format!("tab-{}", v.id()))
            .attr("aria-controls", "view-panel")
            .attr("aria-selected", selected.to_string())
            .attr("tabindex", if selected { "0" } else { "-1" })
            .class("tab")
            .attr("data-view", v.id())
            .on(On::KeyDown, move |ev: &Ev| {
                // Arrow keys move between tabs (WAI-ARIA tabs pattern).
                let n = views.len();
                let next = match ev.key.as_str() {
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
            })
            .text(t(v.label()))
    });
    let status = el("div")
        .class("scenario-status")
        .testid("scenario-status")
        .child(text_el(
            "span",
            if modified {
                "badge prov-scenario"
            } else {
                "badge prov-reported"
            },
            t(if modified {
                Msg::ModifiedAssumptions
            } else {
                Msg::PublishedAssumptions
            }),
        ))
        .child_opt(modified.then(|| {
            text_el("button", "link", t(Msg::Reset))
                .testid("reset")
                .on_click(move || ctx.scenario.set(Default::default()))
        }))
        .child(
            text_el("button", "link copy-link", t(Msg::CopyLink))
                .testid("copy-link")
                .on_click(move || copy_link(app, copy_status)),
        )
        .child_opt(copy_status.get().map(|r| {
            match r {
                Ok(()) => text_el("span", "status", t(Msg::LinkCopied)).attr("role", "status"),
                Err(href) => el("span")
                    .class("status")
                    .attr("role", "status")
                    .text(format!("{} ", t(Msg::CopyByHand)))
                    .child(
                        el("input")
                            .attr("type", "text")
                            .attr("readonly", "")
                            .attr("aria-label", t(Msg::CopyLink))
                            .prop("value", href)
                            .testid("link-by-hand"),
                    ),
            }
        }));
    // A report of non-money figures ("XXX", an imported table) has nothing to convert.
    let fx = ctx.with(|r| {
        if is_money(&r.meta.currency) {
            currency_control(app, &r.meta.currency, fx, locale)
        } else {
            el("div").class("fx")
        }
    });
    let presenting = app.presenting.get();
    let present_bar = presenting.then(|| {
        let title = ctx.with(|r| {
            crate::domain::format::pick(&r.meta.title, locale)
                .0
                .to_string()
        });
        super::present::bar(app, title, &views, shown, locale)
    });
    present_bar
        .into_iter()
        .chain([
            // One compact bar: back to the library, the scenario's state and the link to it.
            el("div")
                .class("report-bar")
                .child(
                    el("nav")
                        .class("crumbs")
                        .child(
                            text_el("a", "link", format!("← {}", t(Msg::BackToLibrary))).link(
                                super::share::href(&super::share::library_query(app)),
                                move || super::share::open_library(app),
                            ),
                        )
                        .child_opt((!presenting).then(|| super::present::button(app, locale))),
                )
                .child(status),
            el("header")
                .class("report-header")
                .child(title)
                .child(el("div").class("report-meta").child(byline).child(fx)),
            // The tabs scroll sideways on a narrow screen; a fade marks the side that has more.
            el("div").class("tabs-wrap").child(
                el("div")
                    .class("tabs")
                    .attr("role", "tablist")
                    .attr("aria-label", t(Msg::ReportViews))
                    .children(tabs),
            ),
        ])
        .collect()
}
