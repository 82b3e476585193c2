//! The library: a card per report.

use super::common::Text;
use super::state::use_app;
use crate::domain::schema::{Report, ReportKind};
use crate::i18n::{fill, Msg};
use leptos::prelude::*;

#[component]
pub fn Library() -> impl IntoView {
    let app = use_app();
    let reports = app.reports.get_value();
    view! {
        <section class="library">
            <h1>{move || app.t(Msg::Library)}</h1>
            <p class="intro">{move || app.t(Msg::LibraryIntro)}</p>
            <ul class="cards">
                {reports
                    .iter()
                    .enumerate()
                    .map(|(i, r)| view! { <li><ReportCard index=i report=r.clone()/></li> })
                    .collect_view()}
            </ul>
        </section>
    }
}

#[component]
fn ReportCard(index: usize, report: Report) -> impl IntoView {
    let app = use_app();
    let m = report.meta.clone();
    let kind = report.kind;
    let period = move || {
        fill(
            app.t(Msg::PeriodValue),
            &[
                &m.history.from.to_string(),
                &m.history.to.to_string(),
                &m.forecast.from.to_string(),
                &m.forecast.to.to_string(),
            ],
        )
    };
    let meta = report.meta.clone();
    view! {
        <article class="card" data-report=report.id.clone()>
            <p class="kind">
                {move || app.t(if kind == ReportKind::Plan { Msg::KindPlan } else { Msg::KindMarket })}
            </p>
            <h2><Text text=meta.title.clone()/></h2>
            <p class="headline" data-testid="card-headline"><Text text=meta.headline.clone()/></p>
            <dl class="meta">
                <dt>{move || app.t(Msg::Publisher)}</dt>
                <dd><Text text=meta.publisher.clone()/></dd>
                <dt>{move || app.t(Msg::Region)}</dt>
                <dd><Text text=meta.region.clone()/></dd>
                <dt>{move || app.t(Msg::Currency)}</dt>
                <dd>{meta.currency.clone()}</dd>
                <dt>{move || app.t(Msg::Period)}</dt>
                <dd>{period}</dd>
            </dl>
            <button class="primary" on:click=move |_| app.open.set(Some(index))>
                {move || app.t(Msg::OpenReport)}
            </button>
        </article>
    }
}
