//! A report's overview: headline figures and chart, published vs stated growth, the
//! consistency checks and the key facts.

use super::charts::{xy_chart, Charts, XySpec};
use super::common::{badge, local, local_text, section};
use super::dom::{el, text_el, Dom, Node};
use super::state::{use_app, use_report, AppState, ReportCtx};
use crate::chart::xy::{Datum, Series, SeriesKind};
use crate::domain::checks::Severity;
use crate::domain::engine::model::{compute, Computed};
use crate::domain::format::{self, Locale};
use crate::domain::scenario::Scenario;
use crate::domain::schema::{BoundSide, Point, Provenance, RateSource, Report, Unit};
use crate::i18n::{checks::describe, fill, Message, Msg};
use leptos::prelude::*;
use std::sync::Arc;

/// A point as a reader sees it: bounds carry ≥ / ≤.
pub fn point_text(p: &Point, unit: &Unit, locale: Locale) -> String {
    let prefix = match p.bound {
        Some(BoundSide::Lower) => "≥ ",
        Some(BoundSide::Upper) => "≤ ",
        None => "",
    };
    format!("{prefix}{}", format::value(p.value, unit, locale))
}

/// "US$2.5 bn (2025) → US$6.1 bn (2032)": the first and last values the source gives.
pub fn headline_text(r: &Report, locale: Locale) -> String {
    let Some(s) = r.series.first() else {
        return String::new();
    };
    figures_text(
        &s.unit,
        &crate::domain::catalogue::sourced_ends(&s.points),
        locale,
    )
}

/// Points as "value (year) → value (year)".
pub fn figures_text(unit: &Unit, points: &[Point], locale: Locale) -> String {
    points
        .iter()
        .map(|p| format!("{} ({})", point_text(p, unit, locale), p.year))
        .collect::<Vec<_>>()
        .join(" → ")
}

/// The headline chart's series: the published path, the reader's scenario when it differs, and
/// the source's bounds as markers.
pub fn headline_series(
    r: &Report,
    published: &Computed,
    current: &Computed,
    labels: [&str; 3],
) -> Vec<Series> {
    let Some(h) = &published.headline else {
        return Vec::new();
    };
    let anchor = f64::from(h.anchor_year);
    let mut out = vec![Series {
        key: "published".into(),
        label: labels[0].into(),
        color: 0,
        kind: SeriesKind::Line {
            dashed_from: Some(anchor),
        },
        points: h
            .points
            .iter()
            .map(|p| Datum::new(f64::from(p.year), p.value, p.provenance))
            .collect(),
        low: vec![],
    }];
    if let Some(c) = &current.headline {
        if c.points
            .iter()
            .any(|p| p.provenance == Provenance::Scenario)
        {
            out.push(Series {
                key: "scenario".into(),
                label: labels[1].into(),
                color: 1,
                kind: SeriesKind::Line {
                    dashed_from: Some(anchor),
                },
                points: c
                    .points
                    .iter()
                    .filter(|p| p.year >= h.anchor_year)
                    .map(|p| Datum::new(f64::from(p.year), p.value, p.provenance))
                    .collect(),
                low: vec![],
            });
        }
    }
    let bounds: Vec<Datum> = r
        .series
        .iter()
        .find(|s| s.id == h.series)
        .map(|s| {
            s.points
                .iter()
                .filter(|p| p.provenance == Provenance::Bound)
                .map(|p| Datum {
                    x: f64::from(p.year),
                    y: p.value,
                    provenance: Provenance::Bound,
                    bound: p.bound,
                })
                .collect()
        })
        .unwrap_or_default();
    if !bounds.is_empty() {
        out.push(Series {
            key: "bounds".into(),
            label: labels[2].into(),
            color: 2,
            kind: SeriesKind::Markers,
            points: bounds,
            low: vec![],
        });
    }
    out
}

#[component]
pub fn Overview() -> impl IntoView {
    let app = use_app();
    let ctx = use_report();
    let charts = Charts::new();
    let goal = super::goal::GoalState::new();
    let published: Arc<Option<Computed>> =
        Arc::new(ctx.with(|r| compute(r, &Scenario::published()).ok()));
    view! { <Dom render=move || overview(app, ctx, charts, goal, &published)/> }
}

/// The notes under the headline chart: line styles and marker shapes.
pub fn headline_notes(locale: Locale) -> Vec<(String, &'static str)> {
    [
        (Msg::NoteHistory, "g-solid"),
        (Msg::NoteForecast, "g-dashed"),
        (Msg::NoteReported, "g-reported"),
        (Msg::NoteDerived, "g-derived"),
        (Msg::NoteBound, "g-bound"),
        (Msg::NoteScenario, "g-scenario"),
    ]
    .into_iter()
    .map(|(m, g)| (m.text(locale).to_string(), g))
    .collect()
}

/// The headline chart (published path, the reader's scenario, source bounds).
pub fn headline_chart(
    app: AppState,
    ctx: ReportCtx,
    charts: Charts,
    published: &Option<Computed>,
    name: &str,
    title: String,
    description: String,
    band: Option<Series>,
) -> Option<Node> {
    let locale = app.display_locale();
    let t = |m: Msg| m.text(locale);
    let current = ctx.computed.get().ok()?;
    let published = published.as_ref()?;
    let (series, unit) = ctx.with(|r| {
        (
            headline_series(
                r,
                published,
                &current,
                [
                    t(Msg::PublishedPath),
                    t(Msg::YourScenario),
                    t(Msg::SourceBounds),
                ],
            ),
            r.series
                .first()
                .map(|s| s.unit.clone())
                .unwrap_or(Unit::Number),
        )
    });
    // A band (e.g. the bear–bull range) is drawn first, under the paths.
    let series: Vec<Series> = band.into_iter().chain(series).collect();
    Some(xy_chart(
        charts,
        XySpec {
            name: name.to_string(),
            title,
            description,
            series,
            unit,
            x_title: t(Msg::YearAxis).into(),
            notes: headline_notes(locale),
            tall: true,
        },
        app.narrow(),
        locale,
    ))
}

fn overview(
    app: AppState,
    ctx: ReportCtx,
    charts: Charts,
    goal: super::goal::GoalState,
    published: &Option<Computed>,
) -> Vec<Node> {
    let locale = app.display_locale();
    let t = |m: Msg| m.text(locale);
    let (summary, series_name, headline, has_forecast) = ctx.with(|r| {
        (
            r.meta.summary.clone(),
            r.series.first().map(|s| s.name.clone()).unwrap_or_default(),
            headline_text(r, locale),
            r.forecast.is_some(),
        )
    });
    let mut out = vec![
        el("p").class("summary").child(local_text(&summary, locale)),
        section(
            "headline-figures",
            "headline",
            format!("{}: {}", t(Msg::Headline), local(&series_name, locale)),
        )
        .child(text_el("p", "headline-value", headline).testid("headline")),
    ];
    if has_forecast {
        let title = format!("{}: {}", t(Msg::Headline), local(&series_name, locale));
        let desc = fill(t(Msg::HeadlineChartDesc), &[&local(&series_name, locale)]);
        if let Some(c) = headline_chart(app, ctx, charts, published, "headline", title, desc, None)
        {
            out.push(c);
        }
        out.push(published_growth(ctx, locale));
        out.extend(super::goal::goal_seek(ctx, goal, locale));
    }
    out.push(checks(ctx, locale));
    out.extend(key_facts(ctx, locale));
    out.extend(super::exports::export_bar(
        app,
        ctx,
        super::exports::ViewData::Headline,
    ));
    out
}

fn published_growth(ctx: ReportCtx, locale: Locale) -> Node {
    let t = |m: Msg| m.text(locale);
    let computed = ctx.computed.get().ok();
    let text = computed
        .as_ref()
        .and_then(|c| c.headline.as_ref())
        .map(|h| {
            let rate = format::percent(h.published.rate, 1);
            match (&h.published.source, &h.published.fit) {
                (RateSource::Implied { from, to }, _) => fill(
                    t(Msg::RateImplied),
                    &[&rate, &from.to_string(), &to.to_string()],
                ),
                (RateSource::Fit, fit) => {
                    let years = ctx.with(|r| {
                        r.series
                            .iter()
                            .find(|s| s.id == h.series)
                            .map(|s| {
                                s.points
                                    .iter()
                                    .filter(|p| p.provenance == Provenance::Reported)
                                    .map(|p| p.year.to_string())
                                    .collect::<Vec<_>>()
                                    .join(", ")
                            })
                            .unwrap_or_default()
                    });
                    match fit.as_ref().filter(|f| !f.binding_bounds.is_empty()) {
                        Some(f) => {
                            let b: Vec<String> =
                                f.binding_bounds.iter().map(i32::to_string).collect();
                            fill(t(Msg::RateFittedBinding), &[&rate, &years, &b.join(", ")])
                        }
                        None => fill(t(Msg::RateFitted), &[&rate, &years]),
                    }
                }
                (RateSource::Stated(_), _) => fill(t(Msg::RateStated), &[&rate]),
            }
        })
        .unwrap_or_default();
    let implied = computed
        .as_ref()
        .and_then(|c| {
            c.headline
                .as_ref()
                .map(|h| format::percent(h.published.rate, 1))
        })
        .unwrap_or_default();
    let statements = ctx.with(|r| r.growth_statements.clone());
    let mut s = section("published-growth", "growth", t(Msg::PublishedGrowth))
        .child(text_el("p", "", text).testid("published-rate"));
    if !statements.is_empty() {
        let mut dl = el("dl").class("rates");
        for g in &statements {
            dl = dl
                .child(text_el(
                    "dt",
                    "",
                    format!("{} {}–{}", t(Msg::StatedCagr), g.from_year, g.to_year),
                ))
                .child(
                    el("dd")
                        .child(text_el("span", "rate", format::percent(g.rate, 1)))
                        .text(" ")
                        .child(badge(Provenance::Reported, locale)),
                );
        }
        dl = dl.child(text_el("dt", "", t(Msg::ImpliedCagr))).child(
            el("dd")
                .child(text_el("span", "rate", implied))
                .text(" ")
                .child(badge(Provenance::Derived, locale)),
        );
        s = s.child(dl);
    }
    s
}

fn checks(ctx: ReportCtx, locale: Locale) -> Node {
    let list = ctx.checks.get();
    let s = section("checks", "checks", Msg::Checks.text(locale));
    if list.is_empty() {
        return s.child(text_el("p", "", Msg::NoChecks.text(locale)));
    }
    s.child(
        el("ul")
            .class("check-list")
            .children(list.iter().enumerate().map(|(i, c)| {
                let class = if c.severity == Severity::Warning {
                    "check warning"
                } else {
                    "check info"
                };
                el("li")
                    .key(i.to_string())
                    .class(class)
                    .attr("data-check", c.key)
                    .text(ctx.with(|r| describe(c, r, locale)))
            })),
    )
}

fn key_facts(ctx: ReportCtx, locale: Locale) -> Option<Node> {
    let t = |m: Msg| m.text(locale);
    let facts = ctx.with(|r| r.facts.clone());
    if facts.is_empty() {
        return None;
    }
    let rows = facts.iter().enumerate().map(|(i, f)| {
        let p = Point {
            year: f.year.unwrap_or(0),
            value: f.value,
            provenance: f.provenance,
            bound: f.bound,
            note: None,
        };
        el("tr")
            .key(i.to_string())
            .child(
                el("th")
                    .attr("scope", "row")
                    .child(local_text(&f.label, locale)),
            )
            .child(text_el("td", "num", point_text(&p, &f.unit, locale)))
            .child(text_el(
                "td",
                "",
                f.year.map(|y| y.to_string()).unwrap_or_default(),
            ))
            .child(el("td").child(badge(f.provenance, locale)))
    });
    let head = el("tr").children(
        [Msg::Fact, Msg::Value, Msg::Year, Msg::Source]
            .into_iter()
            .map(|m| text_el("th", "", t(m)).attr("scope", "col")),
    );
    Some(
        section("facts", "facts", t(Msg::KeyFacts)).child(
            el("div").class("table-scroll").child(
                el("table")
                    .testid("facts-table")
                    .child(el("thead").child(head))
                    .child(el("tbody").children(rows)),
            ),
        ),
    )
}
