//! A report's overview, the first view (in the first visit's module): the headline figure and
//! chart, the summary, published vs stated growth, goal seek, the consistency checks and the
//! key facts. Built anew on a change of language (its texts are plain); the parts that follow
//! the reader's scenario or currency (the chart, the growth explained, goal seek, the checks,
//! the figures) hold their own memos and closures, so a change redraws only what it moves.

use super::after_paint::after_first_paint;
use super::charts::{OptionalXyChart, XyChart, XySpec};
use super::common::{local, local_view, Badge, Section, TableScroll};
use super::exports::{ExportBar, ViewData};
use super::goal::{GoalSeek, GoalState};
use super::state::{use_app, use_report, AppState, ReportCtx};
use super::text::Sentence;
use crate::chart::palette;
use crate::chart::xy::{Datum, Series, SeriesKind};
use crate::domain::engine::model::{series, Computed};
use crate::domain::format::{Locale, Shown};
use crate::domain::schema::{BoundSide, LocalText, Provenance, Report, ReportKind, SectionKind};
use crate::i18n::overview::{
    check_rows, fact_rows, headline_notes, headline_text, published_growth, FitExplained, FitMsg,
    PublishedGrowth,
};
use crate::i18n::titles::{growth_title, Whose};
use crate::i18n::{fill, Message, Msg};
use leptos::either::{Either, EitherOf3};
use leptos::prelude::*;

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
        color: palette::PUBLISHED,
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
                color: palette::SCENARIO,
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
    let bounds: Vec<Datum> = series(r, &h.series)
        .ok()
        .map(|s| {
            s.points
                .iter()
                .filter(|p| p.provenance == Provenance::Bound)
                .flat_map(|p| {
                    let datum = |y: f64, bound: Option<BoundSide>| Datum {
                        x: f64::from(p.year),
                        y,
                        provenance: Provenance::Bound,
                        bound,
                    };
                    // An interval ("900多") is drawn as its two ends: △ at least, ▽ below.
                    std::iter::once(datum(p.value, p.bound))
                        .chain(p.upper.map(|u| datum(u, Some(BoundSide::Upper))))
                })
                .collect()
        })
        .unwrap_or_default();
    if !bounds.is_empty() {
        out.push(Series {
            key: "bounds".into(),
            label: labels[2].into(),
            color: palette::BOUND,
            kind: SeriesKind::Markers,
            points: bounds,
            low: vec![],
        });
    }
    out
}

/// "The market grows from US$2.5 bn in 2025 to US$6.1 bn in 2032": the headline path of `c`
/// from its anchor year to its last year, as a statement (`None` without such a path).
pub fn headline_statement(r: &Report, c: &Computed, whose: Whose, shown: Shown) -> Option<String> {
    let h = c.headline.as_ref()?;
    let start = h.points.iter().find(|p| p.year == h.anchor_year)?;
    let end = h.points.last().filter(|p| p.year > start.year)?;
    let unit = r.headline_unit();
    growth_title(
        r.kind == ReportKind::Market,
        whose,
        (start.year, start.value),
        (end.year, end.value),
        &unit,
        shown,
    )
}

/// What a headline chart is called and says: its name (for exports), title and description.
pub struct ChartText<'a> {
    pub name: &'a str,
    pub title: String,
    pub subtitle: Option<String>,
    pub description: String,
}

/// What the headline chart draws: the published path, the reader's scenario when it differs,
/// the source's bounds, and a band under them (e.g. the bear–bull range).
pub fn headline_spec(
    ctx: ReportCtx,
    published: &Computed,
    current: &Computed,
    text: ChartText,
    band: Option<Series>,
    locale: Locale,
) -> XySpec {
    let ChartText {
        name,
        title,
        subtitle,
        description,
    } = text;
    let t = |m: Msg| m.text(locale);
    let (series, unit, intervals) = ctx.with(|r| {
        (
            headline_series(
                r,
                published,
                current,
                [
                    t(Msg::PublishedPath),
                    t(Msg::YourScenario),
                    t(Msg::SourceBounds),
                ],
            ),
            r.headline_unit(),
            r.series
                .iter()
                .flat_map(|s| &s.points)
                .any(|p| p.upper.is_some()),
        )
    });
    // A band (e.g. the bear–bull range) is drawn first, under the paths.
    let series: Vec<Series> = band.into_iter().chain(series).collect();
    XySpec {
        subtitle,
        name: name.to_string(),
        title,
        description,
        series,
        unit,
        x_title: t(Msg::YearAxis).into(),
        notes: headline_notes(locale, intervals),
        tall: true,
    }
}

#[component]
pub fn Overview() -> impl IntoView {
    let app = use_app();
    let ctx = use_report();
    // Kept across a change of language, which rebuilds the rest of the view.
    let goal = GoalState::new();
    // The headline and its chart paint first; the rest of the view (below them) follows in the
    // next task, so a load's first chart does not wait for it.
    let rest_shown = after_first_paint();
    let top = move || overview_top(app, ctx, app.locale.get());
    let rest = move || {
        rest_shown
            .get()
            .then(|| overview_rest(ctx, goal, app.locale.get()))
    };
    let exports = move || {
        rest_shown
            .get()
            .then(|| view! { <ExportBar data=ViewData::Headline /> })
    };
    view! {
        <div class="view-body">
            {top}
            {rest}
            {exports}
        </div>
    }
}

/// The overview's first screen in one language: the headline figure and its chart (what the
/// report is does not change while it shows; its figures follow the reader's currency).
fn overview_top(app: AppState, ctx: ReportCtx, lang: Locale) -> AnyView {
    let t = |m: Msg| m.text(lang);
    let (series_name, has_forecast, plan) = ctx.with(|r| {
        (
            r.series.first().map(|s| s.name.clone()).unwrap_or_default(),
            r.forecast.is_some(),
            // Its label and source; the target's value follows the conversion below.
            (r.kind == ReportKind::Plan)
                .then(|| crate::i18n::kpis::plan_headline(r, Shown::as_reported(lang)))
                .flatten(),
        )
    });
    // The headline's figures, in the reader's currency.
    let headline = move || ctx.shown(lang, |s| ctx.with(|r| headline_text(r, s)));
    let plan_target = move || {
        ctx.shown(lang, |s| {
            ctx.with(|r| crate::i18n::kpis::plan_headline(r, s))
                .map(|(_, target, _)| target)
        })
    };
    let is_plan = plan.is_some();
    let series_label = local(&series_name, lang);
    // The headline figure and its chart come first, so both show without scrolling; the
    // summary follows them. A plan's headline is its target, with where it comes from.
    let heading = match &plan {
        Some((label, ..)) => fill(t(Msg::Labelled), &[t(Msg::Headline), label]),
        None => fill(t(Msg::Labelled), &[t(Msg::Headline), &series_label]),
    };
    let (figure, target) = match plan {
        Some((_, _, prov)) => (None, Some(prov)),
        None => (Some(headline), None),
    };
    let figure_testid = figure.is_some().then_some("headline");
    let headline_section = view! {
        <Section class="headline-figures" id="headline" heading=heading>
            <p class="headline-value" data-testid=figure_testid>
                {figure}
                {target
                    .map(|prov| {
                        view! {
                            <span data-testid="headline">{plan_target}</span>
                            " "
                            <Badge of=prov locale=lang />
                        }
                    })}
            </p>
        </Section>
    };
    let narrow = app.narrow_layout;
    let chart = if has_forecast {
        EitherOf3::A(view! {
            <HeadlineChart ctx=ctx series_label=series_label lang=lang narrow=narrow />
        })
    } else if is_plan {
        let spec = Memo::new(move |_| super::kpis::plan_spec(ctx, lang));
        EitherOf3::B(view! { <OptionalXyChart spec=spec narrow=narrow locale=lang /> })
    } else {
        EitherOf3::C(ctx.with(|r| history(r, lang)).map(|(spec, insights)| {
            view! {
                <div class="history">
                    <XyChart spec=Signal::stored(spec) narrow=narrow locale=lang />
                    {insights
                        .into_iter()
                        .map(|(title, summary)| {
                            view! {
                                <div class="history-note">
                                    <h3>
                                        {local_view(&title, lang)}
                                    </h3>
                                    <p>
                                        {local_view(&summary, lang)}
                                    </p>
                                </div>
                            }
                        })
                        .collect_view()}
                </div>
            }
        }))
    };
    view! {
        {headline_section}
        {chart}
    }
    .into_any()
}

/// The overview below its first screen, in one language: the source's notes and summary, the
/// published growth and goal seek (with a forecast), the checks and the key facts.
fn overview_rest(ctx: ReportCtx, goal: GoalState, lang: Locale) -> AnyView {
    let (summary, series_note, has_forecast) = ctx.with(|r| {
        (
            r.meta.summary.clone(),
            r.series.first().and_then(|s| s.note.clone()),
            r.forecast.is_some(),
        )
    });
    // The source's own words on the series, then the summary, follow the chart.
    let notes = view! {
        <div class="overview-notes">
            {series_note
                .map(|n| {
                    view! {
                        <p class="help" data-testid="series-note">
                            {local_view(&n, lang)}
                        </p>
                    }
                })}
            <p class="summary">
                {local_view(&summary, lang)}
            </p>
        </div>
    };
    let forecast = has_forecast.then(|| {
        view! {
            <PublishedGrowthSection ctx=ctx lang=lang />
            <GoalSeek ctx=ctx state=goal lang=lang />
        }
    });
    view! {
        {notes}
        {forecast}
        <Checks ctx=ctx lang=lang />
        <KeyFacts ctx=ctx lang=lang />
    }
    .into_any()
}

/// The headline chart: the published path (its title says where it goes), the reader's
/// scenario when it differs, the source's bounds.
#[component]
fn HeadlineChart(
    ctx: ReportCtx,
    series_label: String,
    lang: Locale,
    narrow: RwSignal<bool>,
) -> impl IntoView {
    let subtitle = fill(
        Msg::Labelled.text(lang),
        &[Msg::Headline.text(lang), &series_label],
    );
    let description = fill(Msg::HeadlineChartDesc.text(lang), &[&series_label]);
    let spec = Memo::new(move |_| {
        let current = ctx.computed.get().ok()?;
        let published = ctx.published.get()?;
        // The title says what the published path does; the series' name is the subtitle.
        let title = ctx
            .with(|r| {
                ctx.shown(lang, |s| {
                    headline_statement(r, &published, Whose::Published, s)
                })
            })
            .unwrap_or_else(|| subtitle.clone());
        Some(headline_spec(
            ctx,
            &published,
            &current,
            ChartText {
                name: "headline",
                title,
                subtitle: Some(subtitle.clone()),
                description: description.clone(),
            },
            None,
            lang,
        ))
    });
    view! { <OptionalXyChart spec=spec narrow=narrow locale=lang /> }
}

/// A market report without a forecast (history only, e.g. an imported series that falls to
/// zero or below): its series as reported, and the report's own word on why there is no
/// forecast (its insight sections, as title and summary).
fn history(r: &Report, lang: Locale) -> Option<(XySpec, Vec<(LocalText, LocalText)>)> {
    if r.kind == ReportKind::Plan || r.series.is_empty() {
        return None;
    }
    let series = r
        .series
        .iter()
        .enumerate()
        .map(|(i, s)| Series {
            key: s.id.clone(),
            label: local(&s.name, lang),
            color: i,
            kind: SeriesKind::Line { dashed_from: None },
            points: s
                .points
                .iter()
                .map(|p| Datum::new(f64::from(p.year), p.value, p.provenance))
                .collect(),
            low: vec![],
        })
        .collect();
    let insights = r
        .sections
        .iter()
        .filter(|s| s.kind == SectionKind::Insight)
        .map(|s| (s.title.clone(), s.summary.clone()))
        .collect();
    let spec = XySpec {
        subtitle: None,
        name: "history".to_string(),
        title: local(&r.meta.title, lang),
        description: Msg::HistoryChartDesc.text(lang).to_string(),
        series,
        unit: r.headline_unit(),
        x_title: Msg::YearAxis.text(lang).into(),
        notes: vec![],
        tall: true,
    };
    Some((spec, insights))
}

/// How the published rate was found, the fit explained, and the stated rates beside it: all
/// of the published model, fixed while the overview shows.
#[component]
fn PublishedGrowthSection(ctx: ReportCtx, lang: Locale) -> impl IntoView {
    let published = ctx.published.get_untracked();
    // Its figures follow the reader's currency.
    let growth = move || {
        ctx.shown(lang, |s| {
            ctx.with(|r| published_growth(r, published.as_deref(), s))
        })
    };
    view! {
        <Section
            class="published-growth"
            id="growth"
            heading=Msg::PublishedGrowth.text(lang).to_string()
        >
            {move || growth_parts(growth(), lang)}
        </Section>
    }
}

fn growth_parts(g: PublishedGrowth, lang: Locale) -> impl IntoView {
    let t = |m: Msg| m.text(lang);
    let rates = (!g.stated.is_empty()).then(|| {
        view! {
            <dl class="rates">
                {g
                    .stated
                    .into_iter()
                    .map(|(label, rate)| {
                        view! {
                            <dt>{label}</dt>
                            <dd>
                                <span class="rate">{rate}</span>
                                " "
                                <Badge of=Provenance::Reported locale=lang />
                            </dd>
                        }
                    })
                    .collect_view()}
                <dt>{t(Msg::ImpliedCagr)}</dt>
                <dd>
                    <span class="rate">{g.implied}</span>
                    " "
                    <Badge of=Provenance::Derived locale=lang />
                </dd>
            </dl>
        }
    });
    view! {
        <p data-testid="published-rate">{g.rate}</p>
        {g.fit.map(|f| fit_parts(f, lang))}
        {rates}
    }
}

/// Why a fitted rate sits where it does, and the evidence the fit used.
fn fit_parts(f: FitExplained, lang: Locale) -> impl IntoView {
    let rows = f
        .rows
        .into_iter()
        .map(|row| {
            view! {
                <tr data-year=row.year>
                    <th scope="row">{row.year}</th>
                    <td>{format!("{} ", row.says)} <Badge of=row.provenance locale=lang /></td>
                    <td>{row.used}</td>
                    <td class="num">{row.line}</td>
                </tr>
            }
        })
        .collect_view();
    let heads = [
        Msg::Year.text(lang),
        FitMsg::Says.text(lang),
        FitMsg::Used.text(lang),
        FitMsg::Line.text(lang),
    ]
    .map(|h| view! { <th scope="col">{h}</th> });
    view! {
        {f.moved.map(|m| view! { <p data-testid="rate-moved">{m}</p> })}
        <p data-testid="rate-range">{f.range}</p>
        <p class="help">{FitMsg::How.text(lang)}</p>
        <TableScroll locale=lang>
            <table class="fit-evidence" data-testid="fit-evidence">
                <caption>{FitMsg::EvidenceTitle.text(lang)}</caption>
                <thead>
                    <tr>{heads}</tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </TableScroll>
    }
}

/// The consistency checks of the model in force, keyed so a change of scenario adds and
/// removes only the checks that changed.
#[component]
fn Checks(ctx: ReportCtx, lang: Locale) -> impl IntoView {
    let rows = Memo::new(move |_| {
        ctx.checks
            .with(|c| ctx.with(|r| ctx.shown(lang, |s| check_rows(c, r, s))))
    });
    let none = Memo::new(move |_| rows.with(Vec::is_empty));
    view! {
        <Section class="checks" id="checks" heading=Msg::Checks.text(lang).to_string()>
            {move || {
                if none.get() {
                    Either::Left(view! { <p>{Msg::NoChecks.text(lang)}</p> })
                } else {
                    Either::Right(view! {
                        <ul class="check-list">
                            <For
                                each=move || rows.get().into_iter().enumerate()
                                key=|row| row.clone()
                                children=|(_, row)| {
                                    view! {
                                        <li class=row.class data-check=row.key>
                                            <Sentence text=row.text/>
                                        </li>
                                    }
                                }
                            />
                        </ul>
                    })
                }
            }}
        </Section>
    }
}

/// The report's key facts: fixed while the overview shows (no memo, no closure).
#[component]
fn KeyFacts(ctx: ReportCtx, lang: Locale) -> impl IntoView {
    if ctx.with(|r| r.facts.is_empty()) {
        return None;
    }
    let heads = [Msg::Fact, Msg::Value, Msg::Year, Msg::Source].map(|m| {
        let figures = (m == Msg::Value).then_some("num");
        view! { <th scope="col" class=figures>{m.text(lang)}</th> }
    });
    // The values follow the reader's currency.
    let rows = move || {
        ctx.shown(lang, |s| ctx.with(|r| fact_rows(r, s)))
            .into_iter()
            .map(|f| {
                view! {
                    <tr>
                        <th scope="row">
                            {local_view(&f.label, lang)}
                        </th>
                        <td class="num">{f.value}</td>
                        <td>{f.year}</td>
                        <td>
                            <Badge of=f.provenance locale=lang />
                        </td>
                    </tr>
                }
            })
            .collect_view()
    };
    Some(view! {
        <Section class="facts" id="facts" heading=Msg::KeyFacts.text(lang).to_string()>
            <TableScroll locale=lang>
                <table data-testid="facts-table">
                    <thead>
                        <tr>{heads}</tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </TableScroll>
        </Section>
    })
}
