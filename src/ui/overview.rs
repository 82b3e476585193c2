//! A report's overview: headline figures and chart, published vs stated growth, the
//! consistency checks and the key facts.

use super::charts::{xy_chart, Charts, XySpec};
use super::common::{badge, local, local_text, section};
use super::dom::{el, text_el, Dom, Node};
use super::state::{use_app, use_report, AppState, ReportCtx};
use crate::chart::palette;
use crate::chart::xy::{Datum, Series, SeriesKind};
use crate::domain::checks::Severity;
use crate::domain::engine::fit::{Evidence, GrowthFit, RateLimit};
use crate::domain::engine::growth::value_at;
use crate::domain::engine::model::{series, Computed, Headline};
use crate::domain::format::{self, Locale};
use crate::domain::schema::{
    BoundSide, Point, Provenance, RateSource, Report, ReportKind, SectionKind, Unit,
};
use crate::i18n::titles::{growth_title, Whose};
use crate::i18n::{checks::describe, fill, Message, Msg};
use leptos::prelude::*;

crate::messages! {
    pub enum FitMsg {
        Rate => (
            "{0} a year: the least-squares trend through {1} in {2}, where the path starts, over every other year the source gives (table below).",
            "每年 {0}：经过 {2} 年的 {1}（路径起点），对来源给出的其余各年数据拟合的最小二乘趋势（见下表）。",
            "每年 {0}：經過 {2} 年的 {1}（路徑起點），對來源給出的其餘各年數據擬合的最小平方趨勢（見下表）。"
        ),
        Moved => (
            "The trend alone gives {0}; {1} is the nearest rate that keeps the path within “{2}” in {3}.",
            "仅按趋势为 {0}；{1} 是使路径符合 {3} 年“{2}”的最接近增长率。",
            "僅按趨勢為 {0}；{1} 是使路徑符合 {3} 年「{2}」的最接近成長率。"
        ),
        Range => (
            "The source's bounds allow {0} to {1} a year from {2}: any slower and the path breaks “{3}” in {4}; any faster and it breaks “{5}” in {6}.",
            "来源给出的界限允许自 {2} 年起每年增长 {0} 至 {1}：再慢，路径将违背 {4} 年的“{3}”；再快，则违背 {6} 年的“{5}”。",
            "來源給出的界限允許自 {2} 年起每年成長 {0} 至 {1}：再慢，路徑將違背 {4} 年的「{3}」；再快，則違背 {6} 年的「{5}」。"
        ),
        RangeLow => (
            "The source's bounds allow at least {0} a year from {1}: any slower and the path breaks “{2}” in {3}.",
            "来源给出的界限要求自 {1} 年起每年增长至少 {0}：再慢，路径将违背 {3} 年的“{2}”。",
            "來源給出的界限要求自 {1} 年起每年成長至少 {0}：再慢，路徑將違背 {3} 年的「{2}」。"
        ),
        RangeHigh => (
            "The source's bounds allow at most {0} a year from {1}: any faster and the path breaks “{2}” in {3}.",
            "来源给出的界限要求自 {1} 年起每年增长至多 {0}：再快，路径将违背 {3} 年的“{2}”。",
            "來源給出的界限要求自 {1} 年起每年成長至多 {0}：再快，路徑將違背 {3} 年的「{2}」。"
        ),
        RangeNone => (
            "The source gives no bounds for this series, so only the trend sets the rate.",
            "来源未给出该序列的界限，增长率仅由趋势决定。",
            "來源未給出該序列的界限，成長率僅由趨勢決定。"
        ),
        How => (
            "Each year counts once: a reported value at its value, an interval at its middle, a bound with no other end at its value (the only figure the source gives for that year: a cautious reading). The published path is the fitted line, so it keeps within every bound and interval.",
            "每年只计一次：报告值按原值，区间按其中点，只有一端的界限按该界限值（来源对该年给出的唯一数字，属保守解读）。公布路径就是拟合线，因此符合所有界限和区间。",
            "每年只計一次：報告值按原值，區間按其中點，只有一端的界限按該界限值（來源對該年給出的唯一數字，屬保守解讀）。公布路徑就是擬合線，因此符合所有界限和區間。"
        ),
        EvidenceTitle => ("What the fit uses", "拟合所用数据", "擬合所用數據"),
        Says => ("The source says", "来源所述", "來源所述"),
        Used => ("In the fit as", "拟合采用", "擬合採用"),
        Line => ("Fitted line", "拟合线", "擬合線"),
        Anchor => ("the anchor: the path starts here", "锚点：路径由此开始", "錨點：路徑由此開始"),
        AsValue => ("its value, {0}", "原值 {0}", "原值 {0}"),
        Middle => ("its middle, ≈ {0}", "中点，约 {0}", "中點，約 {0}"),
        Floor => ("its floor, {0} (no ceiling given)", "下限 {0}（未给出上限）", "下限 {0}（未給出上限）"),
        Ceiling => ("its ceiling, {0} (no floor given)", "上限 {0}（未给出下限）", "上限 {0}（未給出下限）"),
        NoteBounds => ("bound: ▲ at least, ▼ below", "界限：▲ 不低于，▼ 低于", "界限：▲ 不低於，▼ 低於"),
    }
}

/// A point as a reader sees it: bounds carry ≥ / ≤; an interval reads "≥ low, < high".
pub fn point_text(p: &Point, unit: &Unit, locale: Locale) -> String {
    // Worded as the charts' tooltips word a bound (the interval's top follows below).
    let value = crate::chart::label::value_text(p.value, unit, p.bound, false, locale);
    match p.upper {
        Some(upper) => format!("{value}, < {}", format::value(upper, unit, locale)),
        None => value,
    }
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

/// Points as "value (year) → value (year)"; one figure given for two years reads
/// "≥ ¥500 bn (2023, 2025)" (an arrow between equal figures would suggest a change).
pub fn figures_text(unit: &Unit, points: &[Point], locale: Locale) -> String {
    if let [a, b] = points {
        if crate::domain::catalogue::same_figure(a, b) {
            return format!("{} ({}, {})", point_text(a, unit, locale), a.year, b.year);
        }
    }
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
                    // An interval ("900多") is drawn as its two ends: ▲ at least, ▼ below.
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

#[component]
pub fn Overview() -> impl IntoView {
    let app = use_app();
    let ctx = use_report();
    let charts = Charts::new();
    let goal = super::goal::GoalState::new();
    view! { <Dom render=move || overview(app, ctx, charts, goal, ctx.published.get().as_deref())/> }
}

/// The notes under the headline chart: line styles and marker shapes. `intervals`: the series
/// has bounds with both ends, drawn as ▲ and ▼.
pub fn headline_notes(locale: Locale, intervals: bool) -> Vec<(String, &'static str)> {
    let bound = if intervals {
        FitMsg::NoteBounds.text(locale)
    } else {
        Msg::NoteBound.text(locale)
    };
    [
        (Msg::NoteHistory.text(locale), "g-solid"),
        (Msg::NoteForecast.text(locale), "g-dashed"),
        (Msg::NoteReported.text(locale), "g-reported"),
        (bound, "g-bound"),
        (Msg::NoteScenario.text(locale), "g-scenario"),
    ]
    .into_iter()
    .map(|(m, g)| (m.to_string(), g))
    .collect()
}

/// "The market grows from US$2.5 bn in 2025 to US$6.1 bn in 2032": the headline path of `c`
/// from its anchor year to its last year, as a statement (`None` without such a path).
pub fn headline_statement(
    r: &Report,
    c: &Computed,
    whose: Whose,
    locale: Locale,
) -> Option<String> {
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
        locale,
    )
}

/// What a headline chart is called and says: its name (for exports), title and description.
pub struct ChartText<'a> {
    pub name: &'a str,
    pub title: String,
    pub subtitle: Option<String>,
    pub description: String,
}

/// The headline chart (published path, the reader's scenario, source bounds).
pub fn headline_chart(
    app: AppState,
    ctx: ReportCtx,
    charts: Charts,
    published: Option<&Computed>,
    text: ChartText,
    band: Option<Series>,
) -> Option<Node> {
    let locale = app.display_locale();
    let current = ctx.computed.get().ok()?;
    let spec = headline_spec(ctx, published?, &current, text, band, locale);
    Some(xy_chart(charts, spec, app.narrow(), locale))
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

fn overview(
    app: AppState,
    ctx: ReportCtx,
    charts: Charts,
    goal: super::goal::GoalState,
    published: Option<&Computed>,
) -> Vec<Node> {
    let locale = app.display_locale();
    let t = |m: Msg| m.text(locale);
    let (summary, series_name, series_note, headline, has_forecast, plan) = ctx.with(|r| {
        (
            r.meta.summary.clone(),
            r.series.first().map(|s| s.name.clone()).unwrap_or_default(),
            r.series.first().and_then(|s| s.note.clone()),
            headline_text(r, locale),
            r.forecast.is_some(),
            (r.kind == ReportKind::Plan)
                .then(|| crate::i18n::kpis::plan_headline(r, locale))
                .flatten(),
        )
    });
    // The headline figure and its chart come first, so both show without scrolling; the
    // summary follows them.
    let headline_section = match &plan {
        // A plan's headline is its target, with where it comes from.
        Some((label, target, prov)) => section(
            "headline-figures",
            "headline",
            format!("{}: {label}", t(Msg::Headline)),
        )
        .child(
            el("p")
                .class("headline-value")
                .child(text_el("span", "", target.clone()).testid("headline"))
                .text(" ")
                .child(badge(*prov, locale)),
        ),
        None => section(
            "headline-figures",
            "headline",
            format!("{}: {}", t(Msg::Headline), local(&series_name, locale)),
        )
        .child(text_el("p", "headline-value", headline).testid("headline")),
    };
    let mut out = vec![headline_section];
    // The source's own words on the series, then the summary, follow the chart.
    let summary = el("div")
        .class("overview-notes")
        .child_opt(series_note.map(|n| {
            el("p")
                .class("help")
                .testid("series-note")
                .child(local_text(&n, locale))
        }))
        .child(el("p").class("summary").child(local_text(&summary, locale)));
    if has_forecast {
        let subtitle = format!("{}: {}", t(Msg::Headline), local(&series_name, locale));
        let desc = fill(t(Msg::HeadlineChartDesc), &[&local(&series_name, locale)]);
        // The title says what the published path does; the series' name is the subtitle.
        let statement = published
            .and_then(|c| ctx.with(|r| headline_statement(r, c, Whose::Published, locale)));
        let text = ChartText {
            name: "headline",
            title: statement.unwrap_or_else(|| subtitle.clone()),
            subtitle: Some(subtitle),
            description: desc,
        };
        if let Some(c) = headline_chart(app, ctx, charts, published, text, None) {
            out.push(c);
        }
        out.push(summary);
        out.push(published_growth(ctx, locale));
        out.extend(super::goal::goal_seek(ctx, goal, locale));
    } else if plan.is_some() {
        out.extend(super::kpis::plan_chart(app, ctx, charts));
        out.push(summary);
    } else if let Some(history) = history_chart(app, ctx, charts) {
        out.push(history);
        out.push(summary);
    } else {
        out.push(summary);
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

/// A market report without a forecast (history only, e.g. an imported series that falls to
/// zero or below): its series as reported, and the report's own word on why there is no
/// forecast (its insight sections).
fn history_chart(app: AppState, ctx: ReportCtx, charts: Charts) -> Option<Node> {
    let locale = app.display_locale();
    let t = |m: Msg| m.text(locale);
    let (series, unit, insights, title) = ctx.with(|r| {
        if r.kind == ReportKind::Plan || r.series.is_empty() {
            return None;
        }
        let series: Vec<Series> = r
            .series
            .iter()
            .enumerate()
            .map(|(i, s)| Series {
                key: s.id.clone(),
                label: local(&s.name, locale),
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
        let insights: Vec<Node> = r
            .sections
            .iter()
            .filter(|s| s.kind == SectionKind::Insight)
            .map(|s| {
                el("div")
                    .class("history-note")
                    .child(el("h3").child(local_text(&s.title, locale)))
                    .child(el("p").child(local_text(&s.summary, locale)))
            })
            .collect();
        Some((
            series,
            r.headline_unit(),
            insights,
            local(&r.meta.title, locale),
        ))
    })?;
    let chart = xy_chart(
        charts,
        XySpec {
            subtitle: None,
            name: "history".to_string(),
            title,
            description: t(Msg::HistoryChartDesc).to_string(),
            series,
            unit,
            x_title: t(Msg::YearAxis).into(),
            notes: vec![],
            tall: true,
        },
        app.narrow(),
        locale,
    );
    Some(el("div").class("history").child(chart).children(insights))
}

fn published_growth(ctx: ReportCtx, locale: Locale) -> Node {
    let t = |m: Msg| m.text(locale);
    let computed = ctx.computed.get().ok();
    let headline = computed.as_ref().and_then(|c| c.headline.as_ref());
    let fit = headline.and_then(|h| h.published.fit.as_ref());
    let text = headline
        .map(|h| {
            let rate = format::percent(h.published.rate, 1);
            match (&h.published.source, fit) {
                (RateSource::Implied { from, to }, _) => fill(
                    t(Msg::RateImplied),
                    &[&rate, &from.to_string(), &to.to_string()],
                ),
                (RateSource::Fit, Some(f)) => ctx.with(|r| {
                    let unit = r.headline_unit();
                    fill(
                        FitMsg::Rate.text(locale),
                        &[
                            &rate,
                            &format::value(f.anchor_value, &unit, locale),
                            &f.anchor_year.to_string(),
                        ],
                    )
                }),
                (RateSource::Fit, None) => String::new(),
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
    if let (Some(h), Some(f)) = (headline, fit) {
        s = s.children(ctx.with(|r| fit_explained(r, h, f, locale)));
    }
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
            upper: None,
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
            crate::ui::common::table_scroll(locale).child(
                el("table")
                    .testid("facts-table")
                    .child(el("thead").child(head))
                    .child(el("tbody").children(rows)),
            ),
        ),
    )
}

/// A limit as the source words it: "≥ ¥100 bn", or "< ¥100 bn" for an interval's upper end.
fn limit_text(f: &GrowthFit, l: &RateLimit, unit: &Unit, locale: Locale) -> String {
    let interval = f
        .observations
        .iter()
        .any(|o| o.year == l.year && matches!(o.evidence, Evidence::Between(..)));
    crate::chart::label::value_text(l.value, unit, Some(l.side), interval, locale)
}

/// Why a fitted rate sits where it does: whether a bound moved it, the range of rates the
/// source's bounds allow, how each year's evidence enters, and the evidence itself.
fn fit_explained(r: &Report, h: &Headline, f: &GrowthFit, locale: Locale) -> Vec<Node> {
    let unit = r.headline_unit();
    // Two decimals: a limit rounded to one could read as allowed when it is not (10.03%).
    let pct = |x: f64| format::percent(x, 2);
    let lim = |l: &RateLimit| limit_text(f, l, &unit, locale);
    let anchor = f.anchor_year.to_string();
    let mut out = Vec::new();
    if let Some(b) = &f.binding {
        out.push(
            text_el(
                "p",
                "",
                fill(
                    FitMsg::Moved.text(locale),
                    &[
                        &pct(f.trend_rate),
                        &pct(f.rate),
                        &lim(b),
                        &b.year.to_string(),
                    ],
                ),
            )
            .testid("rate-moved"),
        );
    }
    let range = match (&f.slowest, &f.fastest) {
        (Some(lo), Some(hi)) => fill(
            FitMsg::Range.text(locale),
            &[
                &pct(lo.rate),
                &pct(hi.rate),
                &anchor,
                &lim(lo),
                &lo.year.to_string(),
                &lim(hi),
                &hi.year.to_string(),
            ],
        ),
        (Some(lo), None) => fill(
            FitMsg::RangeLow.text(locale),
            &[&pct(lo.rate), &anchor, &lim(lo), &lo.year.to_string()],
        ),
        (None, Some(hi)) => fill(
            FitMsg::RangeHigh.text(locale),
            &[&pct(hi.rate), &anchor, &lim(hi), &hi.year.to_string()],
        ),
        (None, None) => FitMsg::RangeNone.text(locale).to_string(),
    };
    out.push(text_el("p", "", range).testid("rate-range"));
    out.push(text_el("p", "help", FitMsg::How.text(locale)));

    let points: Vec<&Point> = series(r, &h.series)
        .ok()
        .map(|s| {
            s.points
                .iter()
                .filter(|p| {
                    p.year == f.anchor_year || f.observations.iter().any(|o| o.year == p.year)
                })
                .collect()
        })
        .unwrap_or_default();
    let money = |v: f64| format::value(v, &unit, locale);
    let rows = points.iter().map(|p| {
        let used = match f.observations.iter().find(|o| o.year == p.year) {
            None => FitMsg::Anchor.text(locale).to_string(),
            Some(o) => {
                let v = money(o.evidence.fit_value());
                let m = match o.evidence {
                    Evidence::Value(_) => FitMsg::AsValue,
                    Evidence::Between(..) => FitMsg::Middle,
                    Evidence::AtLeast(_) => FitMsg::Floor,
                    Evidence::AtMost(_) => FitMsg::Ceiling,
                };
                fill(m.text(locale), &[&v])
            }
        };
        let line = value_at(f.anchor_year, f.anchor_value, f.rate, p.year)
            .map(money)
            .unwrap_or_else(|_| "—".into());
        el("tr")
            .key(p.year.to_string())
            .attr("data-year", p.year.to_string())
            .child(text_el("th", "", p.year.to_string()).attr("scope", "row"))
            .child(
                el("td")
                    .text(format!("{} ", point_text(p, &unit, locale)))
                    .child(badge(p.provenance, locale)),
            )
            .child(text_el("td", "", used))
            .child(text_el("td", "num", line))
    });
    let head = el("tr").children(
        [
            Msg::Year.text(locale),
            FitMsg::Says.text(locale),
            FitMsg::Used.text(locale),
            FitMsg::Line.text(locale),
        ]
        .into_iter()
        .map(|m| text_el("th", "", m).attr("scope", "col")),
    );
    out.push(
        crate::ui::common::table_scroll(locale).child(
            el("table")
                .testid("fit-evidence")
                .child(text_el("caption", "", FitMsg::EvidenceTitle.text(locale)))
                .child(el("thead").child(head))
                .child(el("tbody").children(rows)),
        ),
    );
    out
}
