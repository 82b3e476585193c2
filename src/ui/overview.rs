//! A report's overview: headline figures, published growth, consistency checks, key facts and
//! the headline by year.

use super::common::{ProvenanceBadge, Text};
use super::state::use_app;
use crate::domain::checks::{run_checks, Severity};
use crate::domain::engine::model::{compute, Computed};
use crate::domain::format;
use crate::domain::scenario::Scenario;
use crate::domain::schema::{BoundSide, Point, RateSource, Report, Unit};
use crate::i18n::{checks::describe, fill, Msg};
use leptos::prelude::*;

/// A point as a reader sees it: bounds carry ≥ / ≤.
fn point_text(p: &Point, unit: &Unit, locale: format::Locale) -> String {
    let prefix = match p.bound {
        Some(BoundSide::Lower) => "≥ ",
        Some(BoundSide::Upper) => "≤ ",
        None => "",
    };
    format!("{prefix}{}", format::value(p.value, unit, locale))
}

#[component]
pub fn Overview(index: usize) -> impl IntoView {
    let app = use_app();
    let Some(report) = app.report(index) else {
        return view! { <p class="notice error">{move || app.t(Msg::EngineErrorPrefix)}</p> }
            .into_any();
    };
    let scenario = RwSignal::new(Scenario::published());
    let r = report.clone();
    let computed = Memo::new(move |_| scenario.with(|s| compute(&r, s).map_err(|e| e.to_string())));
    let meta = report.meta.clone();
    let report = StoredValue::new(report);

    view! {
        <article class="overview" data-report=report.with_value(|r| r.id.clone())>
            <nav class="crumbs">
                <button class="link" on:click=move |_| app.open.set(None)>
                    "← " {move || app.t(Msg::BackToLibrary)}
                </button>
            </nav>
            <h1><Text text=meta.title.clone()/></h1>
            <p class="byline">
                <Text text=meta.publisher.clone()/>
                {meta.code.clone().map(|c| view! { " · " <span class="code">{c}</span> })}
                " · " <Text text=meta.region.clone()/> " · " {meta.currency.clone()}
            </p>
            <p class="summary"><Text text=meta.summary.clone()/></p>
            <HeadlineFigures report=report/>
            {move || match computed.get() {
                Ok(c) => view! { <ComputedSections report=report computed=c/> }.into_any(),
                Err(e) => view! {
                    <p class="notice error" role="alert">{app.t(Msg::EngineErrorPrefix)} ": " {e}</p>
                }.into_any(),
            }}
            <KeyFacts report=report/>
        </article>
    }
    .into_any()
}

/// First and last source values of the headline series, e.g. "US$2.5 bn (2025) → US$6.1 bn (2032)".
#[component]
fn HeadlineFigures(report: StoredValue<Report>) -> impl IntoView {
    let app = use_app();
    let text = move || {
        let locale = app.locale.get();
        report.with_value(|r| {
            let Some(s) = r.series.first() else {
                return String::new();
            };
            let sourced: Vec<&Point> = s
                .points
                .iter()
                .filter(|p| p.provenance != crate::domain::schema::Provenance::Derived)
                .collect();
            let show = |p: &Point| format!("{} ({})", point_text(p, &s.unit, locale), p.year);
            match (sourced.first(), sourced.last()) {
                (Some(a), Some(b)) if a.year != b.year => format!("{} → {}", show(a), show(b)),
                (Some(a), _) => show(a),
                _ => String::new(),
            }
        })
    };
    let name = report.with_value(|r| r.series.first().map(|s| s.name.clone()).unwrap_or_default());
    view! {
        <section class="headline-figures" aria-labelledby="headline-h">
            <h2 id="headline-h">{move || app.t(Msg::Headline)} ": " <Text text=name/></h2>
            <p class="headline-value" data-testid="headline">{text}</p>
        </section>
    }
}

#[component]
fn ComputedSections(report: StoredValue<Report>, computed: Computed) -> impl IntoView {
    let app = use_app();
    let checks = report.with_value(|r| run_checks(r, &computed));
    let rate_text = computed.headline.as_ref().map(|h| {
        let h = h.clone();
        move || {
            let locale = app.locale.get();
            let rate = format::percent(h.published.rate, 1);
            match (&h.published.source, &h.published.fit) {
                (RateSource::Implied { from, to }, _) => fill(
                    app.t(Msg::RateImplied),
                    &[&rate, &from.to_string(), &to.to_string()],
                ),
                (RateSource::Fit, Some(fit)) if !fit.binding_bounds.is_empty() => {
                    let years: Vec<String> =
                        fit.binding_bounds.iter().map(i32::to_string).collect();
                    fill(
                        app.t(Msg::RateFittedBinding),
                        &[&rate, &fit.reference_year.to_string(), &years.join(", ")],
                    )
                }
                (RateSource::Fit, _) => {
                    let years = report.with_value(|r| {
                        r.series
                            .iter()
                            .find(|s| s.id == h.series)
                            .map(|s| {
                                let ys: Vec<String> = s
                                    .points
                                    .iter()
                                    .filter(|p| {
                                        p.provenance == crate::domain::schema::Provenance::Reported
                                    })
                                    .map(|p| p.year.to_string())
                                    .collect();
                                ys.join(", ")
                            })
                            .unwrap_or_default()
                    });
                    let _ = locale;
                    fill(app.t(Msg::RateFitted), &[&rate, &years])
                }
                (RateSource::Stated(_), _) => fill(app.t(Msg::RateStated), &[&rate]),
            }
        }
    });
    let path = computed.headline.clone();
    view! {
        {rate_text.map(|t| view! {
            <section class="published-growth">
                <h2>{move || app.t(Msg::PublishedGrowth)}</h2>
                <p data-testid="published-rate">{t}</p>
            </section>
        })}
        <section class="checks" aria-labelledby="checks-h">
            <h2 id="checks-h">{move || app.t(Msg::Checks)}</h2>
            {if checks.is_empty() {
                view! { <p>{move || app.t(Msg::NoChecks)}</p> }.into_any()
            } else {
                view! {
                    <ul class="check-list">
                        {checks.into_iter().map(|c| {
                            let class = if c.severity == Severity::Warning { "check warning" } else { "check info" };
                            let key = c.key;
                            let text = move || report.with_value(|r| describe(&c, r, app.locale.get()));
                            view! { <li class=class data-check=key>{text}</li> }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
        {path.map(|h| {
            let unit = report.with_value(|r| r.series.iter().find(|s| s.id == h.series).map(|s| s.unit.clone()).unwrap_or(Unit::Number));
            let name = report.with_value(|r| r.series.iter().find(|s| s.id == h.series).map(|s| s.name.clone()).unwrap_or_default());
            let caption = move || fill(app.t(Msg::HeadlineTableCaption), &[&super::common::local(&name)]);
            view! {
                <section class="headline-table">
                    <h2>{move || app.t(Msg::HeadlinePath)}</h2>
                    <div class="table-scroll">
                        <table data-testid="headline-table">
                            <caption>{caption}</caption>
                            <thead><tr>
                                <th scope="col">{move || app.t(Msg::Year)}</th>
                                <th scope="col">{move || app.t(Msg::Value)}</th>
                                <th scope="col">{move || app.t(Msg::Source)}</th>
                            </tr></thead>
                            <tbody>
                                {h.points.into_iter().map(|p| {
                                    let unit = unit.clone();
                                    view! {
                                        <tr>
                                            <th scope="row">{p.year}</th>
                                            <td class="num">{move || format::value(p.value, &unit, app.locale.get())}</td>
                                            <td><ProvenanceBadge provenance=p.provenance/></td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                </section>
            }
        })}
    }
}

#[component]
fn KeyFacts(report: StoredValue<Report>) -> impl IntoView {
    let app = use_app();
    let facts = report.with_value(|r| r.facts.clone());
    (!facts.is_empty()).then(|| view! {
        <section class="facts">
            <h2>{move || app.t(Msg::KeyFacts)}</h2>
            <div class="table-scroll">
                <table data-testid="facts-table">
                    <thead><tr>
                        <th scope="col">{move || app.t(Msg::Fact)}</th>
                        <th scope="col">{move || app.t(Msg::Value)}</th>
                        <th scope="col">{move || app.t(Msg::Year)}</th>
                        <th scope="col">{move || app.t(Msg::Source)}</th>
                    </tr></thead>
                    <tbody>
                        {facts.into_iter().map(|f| {
                            let p = Point { year: f.year.unwrap_or(0), value: f.value, provenance: f.provenance, bound: f.bound, note: None };
                            let unit = f.unit.clone();
                            view! {
                                <tr>
                                    <th scope="row"><Text text=f.label.clone()/></th>
                                    <td class="num">{move || point_text(&p, &unit, app.locale.get())}</td>
                                    <td>{f.year.map(|y| y.to_string()).unwrap_or_default()}</td>
                                    <td><ProvenanceBadge provenance=f.provenance/></td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
    })
}
