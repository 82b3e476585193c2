//! An open report: its header, the scenario status, the view tabs (only the views that apply)
//! and the chosen view. Provides `ReportCtx` to the views.

use super::common::local_text;
use super::contents::Contents;
use super::dom::{el, text_el, Dom, Ev, Node, On};
use super::dynamics::Dynamics;
use super::kpis::KpiBoard;
use super::overview::Overview;
use super::scenarios::Scenarios;
use super::segments::Segments;
use super::state::{use_app, AppState, ReportCtx, View};
use crate::i18n::{Message, Msg};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

#[component]
pub fn ReportPage(index: usize) -> impl IntoView {
    let app = use_app();
    let (Some(report), Some(scenario)) = (app.report(index), app.scenario(index)) else {
        return view! { <p class="notice error" role="alert">{app.t(Msg::EngineErrorPrefix)}</p> }
            .into_any();
    };
    let views: Vec<View> = View::ALL
        .into_iter()
        .filter(|v| v.applies_to(&report))
        .collect();
    let ctx = ReportCtx::new(report, scenario);
    provide_context(ctx);
    let copy_status = RwSignal::new(None::<Result<(), String>>);
    // A view that does not apply to this report falls back to the overview.
    let shown = Memo::new(move |_| {
        let v = app.view.get();
        if views.contains(&v) {
            v
        } else {
            View::Overview
        }
    });
    view! {
        <article class="report" data-report=ctx.with(|r| r.id.clone())>
            <Dom render=move || header(app, ctx, shown.get(), copy_status)/>
            <section id="view-panel" role="tabpanel" aria-labelledby=move || format!("tab-{}", shown.get().id()) class="view-panel">
                {move || match shown.get() {
                    View::Overview => view! { <Overview/> }.into_any(),
                    View::Segments => view! { <Segments/> }.into_any(),
                    View::Scenarios => view! { <Scenarios/> }.into_any(),
                    View::Dynamics => view! { <Dynamics/> }.into_any(),
                    View::Contents => view! { <Contents/> }.into_any(),
                    View::Kpis => view! { <KpiBoard/> }.into_any(),
                }}
            </section>
        </article>
    }
    .into_any()
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

/// Copies the page's link; says whether it worked, or shows it to copy by hand.
fn copy_link(status: RwSignal<Option<Result<(), String>>>) {
    leptos::task::spawn_local(async move {
        let href = crate::browser::url::href();
        let ok = crate::browser::download::copy_text(&href).await;
        status.set(Some(if ok { Ok(()) } else { Err(href) }));
    });
}

fn header(
    app: AppState,
    ctx: ReportCtx,
    shown: View,
    copy_status: RwSignal<Option<Result<(), String>>>,
) -> Vec<Node> {
    let locale = app.locale.get();
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
        (
            el("h1").child(local_text(&m.title, locale)),
            byline
                .text(" · ")
                .child(local_text(&m.region, locale))
                .text(format!(" · {}", m.currency)),
        )
    });
    let tabs = views.iter().enumerate().map(|(i, &v)| {
        let selected = v == shown;
        let views = views.clone();
        el("button")
            .key(v.id())
            .attr("role", "tab")
            .id(format!("tab-{}", v.id()))
            .attr("aria-controls", "view-panel")
            .attr("aria-selected", selected.to_string())
            .attr("tabindex", if selected { "0" } else { "-1" })
            .class("tab")
            .attr("data-view", v.id())
            .on_click(move || app.view.set(v))
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
    vec![
        el("nav").class("crumbs").child(
            text_el("button", "link", format!("← {}", t(Msg::BackToLibrary)))
                .on_click(move || app.open.set(None)),
        ),
        el("header")
            .class("report-header")
            .child(title)
            .child(byline),
        el("div")
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
                text_el("button", "link", t(Msg::CopyLink))
                    .testid("copy-link")
                    .on_click(move || copy_link(copy_status)),
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
            })),
        el("div")
            .class("tabs")
            .attr("role", "tablist")
            .attr("aria-label", t(Msg::ReportViews))
            .children(tabs),
    ]
}
