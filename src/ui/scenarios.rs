//! Scenarios: the reader's growth assumptions. A slider (with a number field) for the headline
//! CAGR and for every segment's growth and base share; presets; the scenario drawn against the
//! published path with the difference per year; what the checks say about the scenario.

use super::charts::{xy_chart, Charts, XySpec};
use super::common::{badge, local, section};
use super::comparison::{comparison, CompareIds};
use super::controls::{AssumptionInput, ValueKind};
use super::dom::{el, text_el, Dom, Node};
use super::exports::{export_bar, ViewData};
use super::overview::{headline_chart, ChartText};
use super::segments::{chosen_dimension, dimension_picker};
use super::state::{use_app, use_report, AppState, ReportCtx};
use super::tools::ToolsState;
use crate::chart::xy::{Datum, Series, SeriesKind};
use crate::domain::checks::{CheckKind, Severity};
use crate::domain::engine::compare::compare;
use crate::domain::engine::model::{compute, inputs, Computed, DimensionResult};
use crate::domain::format::{self, pick, Locale};
use crate::domain::scenario::{
    growth_key, growth_meaning, preset, share_key, GrowthMeaning, Preset, Scenario,
};
use crate::domain::schema::Provenance;
use crate::domain::schema::{AssumptionRange, Member, Unit};
use crate::i18n::titles::Whose;
use crate::i18n::{checks::describe, fill, Message, Msg};
use leptos::prelude::*;
use std::collections::HashMap;
use std::sync::Arc;

crate::messages! {
    pub enum ScenMsg {
        Presets => ("Presets", "预设", "預設"),
        PresetPublished => ("Published", "公布值", "公布值"),
        PresetBear => ("Bear", "悲观", "悲觀"),
        PresetBase => ("Base", "基准", "基準"),
        PresetBull => ("Bull", "乐观", "樂觀"),
        PresetHelp => (
            "Bear and bull grow the headline 40% slower or faster than published, but never outside the rates the source's own bounds allow. Top-down segments follow it and keep their relative growth; segments with their own growth (bottom-up) move 40% too. Base uses the growth rate the source states in words.",
            "悲观与乐观情景的核心增长率比公布值慢或快 40%，但不超出来源自身界限所允许的范围。自上而下的细分随之变化，相对增长率不变；有自身增长率的细分（自下而上）同样变化 40%。基准情景采用来源文字所述的增长率。",
            "悲觀與樂觀情境的核心成長率比公布值慢或快 40%，但不超出來源自身界限所允許的範圍。由上而下的細分隨之變化，相對成長率不變；有自身成長率的細分（由下而上）同樣變化 40%。基準情境採用來源文字所述的成長率。"
        ),
        HeadlineCagr => ("Headline growth (CAGR) from {0}", "自 {0} 年起的核心增长率（年复合）", "自 {0} 年起的核心成長率（年複合）"),
        ChartTitle => ("Your scenario against the published path", "您的情景与公布路径对比", "您的情境與公布路徑對比"),
        ChartDesc => ("The published path and your scenario by year; the difference is in the table below.", "公布路径与您的情景逐年对比；差异见下表。", "公布路徑與您的情境逐年對比；差異見下表。"),
        Difference => ("Difference per year", "逐年差异", "逐年差異"),
        Published => ("Published", "公布值", "公布值"),
        Scenario => ("Scenario", "情景", "情境"),
        SegmentAssumptions => ("Segment assumptions", "细分假设", "細分假設"),
        RelativeHelp => (
            "Top-down: the headline sets the total and the segments divide it. A segment's relative growth is not its own growth rate: it sets how fast the segment gains or loses share against its siblings. Two segments at 13% and 15% drift apart by 1.8% a year (1.15 ÷ 1.13), and equal values keep every share where it is. Each segment's CAGR therefore follows the headline; it is shown under its slider.",
            "自上而下：核心数据决定总量，各细分瓜分总量。细分的相对增长率并非其自身增长率，而是决定它相对同级细分增加或减少份额的速度：13% 与 15% 的两个细分每年拉开 1.8%（1.15 ÷ 1.13），数值相同则各份额保持不变。因此每个细分的年复合增长率随核心数据变化，显示在其滑块下方。",
            "由上而下：核心數據決定總量，各細分瓜分總量。細分的相對成長率並非其自身成長率，而是決定它相對同級細分增加或減少份額的速度：13% 與 15% 的兩個細分每年拉開 1.8%（1.15 ÷ 1.13），數值相同則各份額保持不變。因此每個細分的年複合成長率隨核心數據變化，顯示在其滑桿下方。"
        ),
        OwnHelp => (
            "Bottom-up: each segment's growth is its own CAGR, and the total is the sum of the segments, so it can differ from the headline.",
            "自下而上：各细分的增长率即其自身的年复合增长率，总量为各细分之和，可能与核心数据不同。",
            "由下而上：各細分的成長率即其自身的年複合成長率，總量為各細分之和，可能與核心數據不同。"
        ),
        ShareHelp => (
            "Base share is a segment's share of its parent in the base year. The share you set is the share shown; the shares you have not set make room in proportion to their size.",
            "基准份额为细分在基准年占上级的份额。您设定的份额即显示的份额；未设定的份额按各自大小成比例让出空间。",
            "基準份額為細分在基準年佔上級的份額。您設定的份額即顯示的份額；未設定的份額按各自大小成比例讓出空間。"
        ),
        CagrReadout => ("CAGR {0}–{1}: {2}", "{0}–{1} 年复合增长率：{2}", "{0}–{1} 年複合成長率：{2}"),
        SubSegments => ("Shares within {0}", "{0}内部份额", "{0}內部份額"),
        WhatChecksSay => ("What the checks say about this scenario", "一致性检查对此情景的结论", "一致性檢查對此情境的結論"),
        AllHold => ("Your scenario agrees with every claim and bound of the source.", "您的情景与来源的所有判断和界限一致。", "您的情境與來源的所有判斷和界限一致。"),
        PresetRange => ("Bear–bull range", "悲观–乐观区间", "悲觀–樂觀區間"),
        BarsTitle => ("Published and scenario value by year", "公布值与情景值逐年对比", "公布值與情境值逐年對比"),
        BarsDesc => ("For each forecast year, the published value beside your scenario's.", "每个预测年份的公布值与您的情景值并列。", "每個預測年份的公布值與您的情境值並列。"),
        SomeSegments => (
            "Showing the first {0} of {1} segments and any you have changed.",
            "显示 {1} 个细分中的前 {0} 个，以及您改动过的细分。",
            "顯示 {1} 個細分中的前 {0} 個，以及您改動過的細分。"
        ),
        ShowAllSegments => ("Show all {0} segments", "显示全部 {0} 个细分", "顯示全部 {0} 個細分"),
    }
}

/// How a segment's growth input is named ("relative growth", "growth (CAGR)"): by its slider
/// and by the power tools' rows.
pub fn growth_label(meaning: GrowthMeaning, locale: Locale) -> &'static str {
    crate::i18n::tools::growth_label(meaning, locale)
}

/// How a segment's base share is named, by its slider and by the power tools' rows.
pub fn share_label(locale: Locale) -> &'static str {
    crate::i18n::tools::share_label(locale)
}

fn preset_label(p: Preset) -> ScenMsg {
    match p {
        Preset::Published => ScenMsg::PresetPublished,
        Preset::Bear => ScenMsg::PresetBear,
        Preset::Base => ScenMsg::PresetBase,
        Preset::Bull => ScenMsg::PresetBull,
    }
}

/// Input errors by input id (what the reader typed that could not be used).
type Errors = RwSignal<HashMap<String, String>>;

/// Segment sliders shown before "Show all": a dimension of 200 segments is 400 sliders, a
/// wall to scroll past and seconds of work on a phone. Segments the reader changed always show.
const SEGMENTS_SHOWN: usize = 24;

#[component]
pub fn Scenarios() -> impl IntoView {
    let app = use_app();
    let ctx = use_report();
    let charts = Charts::new();
    let errors: Errors = RwSignal::new(HashMap::new());
    let tools = ToolsState::new();
    let all_segments = RwSignal::new(false);
    let published: Arc<Option<Computed>> =
        Arc::new(ctx.with(|r| compute(r, &Scenario::published()).ok()));
    let view = ViewState {
        charts,
        errors,
        tools,
        all_segments,
    };
    view! { <Dom render=move || scenarios(app, ctx, view, &published)/> }
}

/// The Scenarios view's own state.
#[derive(Clone, Copy)]
struct ViewState {
    charts: Charts,
    errors: Errors,
    tools: ToolsState,
    /// Whether every segment's sliders show (see [`SEGMENTS_SHOWN`]).
    all_segments: RwSignal<bool>,
}

/// One scenario value as a slider shows it.
struct Slot<'a> {
    key: &'a str,
    label: String,
    range: AssumptionRange,
    /// The value in force (for a share: the share shown).
    value: f64,
}

/// A slider bound to one scenario value; `set` applies a change.
fn scenario_input(
    ctx: ReportCtx,
    errors: Errors,
    slot: Slot,
    set: impl Fn(&mut Scenario, f64) + Clone + 'static,
    locale: Locale,
) -> Node {
    let Slot {
        key,
        label,
        range,
        value,
    } = slot;
    let id = key.replace('.', "-");
    let changed = ctx.scenario.with(|s| s.values.contains_key(key));
    let error = errors.with(|e| e.get(&id).cloned());
    let id2 = id.clone();
    AssumptionInput {
        id: &id,
        label,
        value,
        range,
        kind: ValueKind::Percent,
        changed,
        error,
        value_text: None,
    }
    .render(
        locale,
        move |v| ctx.scenario.update(|s| set(s, v)),
        move |e| {
            errors.update(|m| match e {
                Some(e) => {
                    m.insert(id2.clone(), e);
                }
                None => {
                    m.remove(&id2);
                }
            })
        },
    )
}

/// The base-share sliders of one level of siblings: each shows the share in force (a share the
/// reader set, or a default rescaled to make room), and setting one keeps it exactly.
fn share_inputs(
    ctx: ReportCtx,
    errors: Errors,
    dim: &str,
    siblings: &[Member],
    shown: &dyn Fn(usize) -> bool,
    locale: Locale,
) -> Vec<Node> {
    let in_force = ctx
        .scenario
        .with(|s| inputs(dim, siblings, s).ok())
        .map(|v| v.into_iter().map(|i| i.share).collect::<Vec<_>>());
    siblings
        .iter()
        .enumerate()
        .filter(|(i, _)| shown(*i))
        .map(|(i, m)| {
            let key = share_key(dim, &m.id);
            let value = in_force
                .as_ref()
                .and_then(|v| v.get(i).copied())
                .unwrap_or(m.share.default);
            let (dim, list, id) = (dim.to_string(), siblings.to_vec(), m.id.clone());
            let slot = Slot {
                key: &key,
                label: format!("{} — {}", pick(&m.name, locale).0, share_label(locale)),
                range: m.share,
                value,
            };
            scenario_input(
                ctx,
                errors,
                slot,
                move |s, v| s.set_share(&dim, &list, &id, v),
                locale,
            )
        })
        .collect()
}

fn scenarios(
    app: AppState,
    ctx: ReportCtx,
    view: ViewState,
    published: &Option<Computed>,
) -> Vec<Node> {
    let ViewState {
        charts,
        errors,
        tools,
        all_segments,
    } = view;
    let locale = app.display_locale();
    let t = |m: ScenMsg| m.text(locale);
    let Some(published_rate) = published
        .as_ref()
        .and_then(|p| p.headline.as_ref())
        .map(|h| h.published.rate)
    else {
        return vec![text_el(
            "p",
            "notice error",
            Msg::EngineErrorPrefix.text(locale),
        )];
    };
    let (rate_range, anchor, unit) = ctx.with(|r| {
        let f = r.forecast.as_ref();
        (
            crate::domain::scenario::headline_rate_range(r, published_rate).unwrap_or(
                AssumptionRange {
                    default: published_rate,
                    min: 0.0,
                    max: 0.5,
                    step: 0.001,
                },
            ),
            f.map_or(r.meta.base_year, |f| f.anchor_year),
            r.headline_unit(),
        )
    });
    let current = ctx.scenario.get();

    // Presets.
    let buttons = Preset::ALL.into_iter().map(|p| {
        let pressed = ctx.with(|r| preset(r, published_rate, p)) == current;
        text_el("button", "preset", t(preset_label(p)))
            .key(p.id())
            .attr("data-preset", p.id())
            .attr("aria-pressed", pressed.to_string())
            .on_click(move || ctx.scenario.set(ctx.with(|r| preset(r, published_rate, p))))
    });
    let presets = section("presets", "presets", t(ScenMsg::Presets))
        .child(
            el("div")
                .class("preset-buttons")
                .attr("role", "group")
                .attr("aria-labelledby", "presets-h")
                .children(buttons),
        )
        .child(text_el("p", "help", t(ScenMsg::PresetHelp)));

    // The headline rate.
    let headline_error = errors.with(|e| e.get("headline-cagr").cloned());
    let headline_input = AssumptionInput {
        id: "headline-cagr",
        label: fill(t(ScenMsg::HeadlineCagr), &[&anchor.to_string()]),
        value: current.headline_rate.unwrap_or(published_rate),
        range: rate_range,
        kind: ValueKind::Percent,
        changed: current.headline_rate.is_some(),
        error: headline_error,
        value_text: None,
    }
    .render(
        locale,
        move |v| {
            ctx.scenario.update(|s| {
                s.headline_rate = if (v - published_rate).abs() <= 1e-12 {
                    None
                } else {
                    Some(v)
                }
            })
        },
        move |e| {
            errors.update(|m| match e {
                Some(e) => {
                    m.insert("headline-cagr".into(), e);
                }
                None => {
                    m.remove("headline-cagr");
                }
            })
        },
    );

    // Published against scenario, year by year.
    let pts = |c: &Computed| {
        c.headline
            .as_ref()
            .map(|h| {
                h.points
                    .iter()
                    .map(|p| (p.year, p.value))
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    };
    let cmp = compare(
        &published.as_ref().map(pts).unwrap_or_default(),
        &ctx.computed.get().map(|c| pts(&c)).unwrap_or_default(),
        anchor,
    );
    let difference = section("difference", "diff", t(ScenMsg::Difference)).children(comparison(
        &cmp,
        &unit,
        t(ScenMsg::Published),
        t(ScenMsg::Scenario),
        CompareIds {
            summary: "end-summary",
            table: "difference-table",
        },
        locale,
    ));

    // The title states where the path in force goes: the reader's when they changed it.
    let whose = if ctx.scenario.with(|s| s.is_published()) {
        Whose::Published
    } else {
        Whose::Scenario
    };
    let scenario_title = ctx
        .computed
        .get()
        .ok()
        .and_then(|c| ctx.with(|r| super::overview::headline_statement(r, &c, whose, locale)));
    let mut out = vec![presets, headline_input];
    out.extend(headline_chart(
        app,
        ctx,
        charts,
        published,
        ChartText {
            name: "scenario",
            title: scenario_title.unwrap_or_else(|| t(ScenMsg::ChartTitle).into()),
            subtitle: Some(t(ScenMsg::ChartTitle).into()),
            description: t(ScenMsg::ChartDesc).into(),
        },
        Some(preset_band(
            ctx,
            published_rate,
            anchor,
            t(ScenMsg::PresetRange),
        )),
    ));
    out.push(difference);
    out.push(year_bars(app, charts, &cmp, &unit, locale));
    out.push(scenario_checks(ctx, locale));
    out.extend(segment_assumptions(app, ctx, errors, all_segments, locale));
    out.extend(super::tools::tools(app, ctx, charts, tools));
    if let Some(saved) = use_context::<super::saved_ui::SavedState>() {
        out.push(super::saved_ui::panel(app, ctx, saved));
    }
    out.extend(export_bar(app, ctx, ViewData::Headline));
    out
}

/// The range between the bear and bull presets, as a band behind the paths.
fn preset_band(ctx: ReportCtx, published_rate: f64, anchor: i32, label: &str) -> Series {
    let path = |p: Preset| {
        ctx.with(|r| compute(r, &preset(r, published_rate, p)).ok())
            .and_then(|c| {
                c.headline.map(|h| {
                    h.points
                        .into_iter()
                        .filter(|x| x.year >= anchor)
                        .map(|x| (x.year, x.value))
                        .collect::<Vec<_>>()
                })
            })
            .unwrap_or_default()
    };
    let (bear, bull) = (path(Preset::Bear), path(Preset::Bull));
    Series {
        key: "preset-range".into(),
        label: label.into(),
        color: crate::chart::palette::BAND,
        kind: SeriesKind::Band,
        points: bull
            .iter()
            .map(|(y, v)| Datum::new(f64::from(*y), *v, Provenance::Scenario))
            .collect(),
        low: bear.iter().map(|(_, v)| *v).collect(),
    }
}

/// Published and scenario values side by side for each forecast year (grouped bars).
fn year_bars(
    app: AppState,
    charts: Charts,
    cmp: &crate::domain::engine::compare::Comparison,
    unit: &Unit,
    locale: Locale,
) -> Node {
    let t = |m: ScenMsg| m.text(locale);
    let modified = cmp.years.iter().any(|d| d.abs != 0.0);
    let bars = |key: &str, label: &str, color: usize, scenario: bool| Series {
        key: key.into(),
        label: label.into(),
        color,
        kind: SeriesKind::GroupedBar,
        points: cmp
            .years
            .iter()
            .skip(1)
            .map(|d| {
                let (v, p) = if scenario {
                    (
                        d.other,
                        if modified {
                            Provenance::Scenario
                        } else {
                            Provenance::Derived
                        },
                    )
                } else {
                    (d.base, Provenance::Derived)
                };
                Datum::new(f64::from(d.year), v, p)
            })
            .collect(),
        low: vec![],
    };
    let series = vec![
        bars(
            "published",
            t(ScenMsg::Published),
            crate::chart::palette::PUBLISHED,
            false,
        ),
        bars(
            "scenario",
            t(ScenMsg::Scenario),
            crate::chart::palette::SCENARIO,
            true,
        ),
    ];
    xy_chart(
        charts,
        XySpec {
            subtitle: None,
            name: "scenario-bars".into(),
            title: t(ScenMsg::BarsTitle).into(),
            description: t(ScenMsg::BarsDesc).into(),
            series,
            unit: unit.clone(),
            x_title: Msg::YearAxis.text(locale).into(),
            notes: Vec::new(),
            tall: false,
        },
        app.narrow(),
        locale,
    )
}

/// Warnings the scenario raises (claims it breaks, bounds it crosses), live.
fn scenario_checks(ctx: ReportCtx, locale: Locale) -> Node {
    let checks = ctx.checks.get();
    let warnings: Vec<_> = checks
        .iter()
        .filter(|c| {
            c.severity == Severity::Warning
                && matches!(
                    c.kind,
                    CheckKind::SegmentClaim { .. } | CheckKind::PathVsBound { .. }
                )
        })
        .collect();
    let s = section("scenario-checks", "sc", ScenMsg::WhatChecksSay.text(locale))
        .attr("aria-live", "polite");
    if warnings.is_empty() {
        s.child(text_el("p", "check info", ScenMsg::AllHold.text(locale)).testid("scenario-ok"))
    } else {
        s.child(
            el("ul")
                .class("check-list")
                .children(warnings.iter().enumerate().map(|(i, c)| {
                    el("li")
                        .key(i.to_string())
                        .class("check warning")
                        .attr("data-check", c.key)
                        .text(ctx.with(|r| describe(c, r, locale)))
                })),
        )
    }
}

fn segment_assumptions(
    app: AppState,
    ctx: ReportCtx,
    errors: Errors,
    all_segments: RwSignal<bool>,
    locale: Locale,
) -> Option<Node> {
    let t = |m: ScenMsg| m.text(locale);
    let (dim, result) = chosen_dimension(app, ctx)?;
    let count = dim.members.len();
    let cut = count > SEGMENTS_SHOWN && !all_segments.get();
    let changed: Vec<bool> = ctx.scenario.with(|s| {
        dim.members
            .iter()
            .map(|m| {
                let prefix = format!("{}.{}.", dim.id, m.id);
                s.values.keys().any(|k| k.starts_with(&prefix))
            })
            .collect()
    });
    let shown = |i: usize| !cut || i < SEGMENTS_SHOWN || changed.get(i).copied().unwrap_or(false);
    let top_shares = share_inputs(ctx, errors, &dim.id, &dim.members, &shown, locale);
    let meaning = growth_meaning(&dim, true);
    let member_box = |(m, share): (&Member, Node)| {
        let name = local(&m.name, locale);
        let mut fs = el("fieldset")
            .key(m.id.clone())
            .class("member-assumptions")
            .attr("data-member", m.id.clone())
            .child(text_el("legend", "", name.clone()));
        if let Some(g) = m.growth {
            let key = growth_key(&dim.id, &m.id);
            let value = ctx.scenario.with(|s| s.value(&key, g.default));
            let label = growth_label(meaning, locale);
            let k = key.clone();
            let slot = Slot {
                key: &key,
                label: format!("{name} — {label}"),
                range: g,
                value,
            };
            fs = fs.child(scenario_input(
                ctx,
                errors,
                slot,
                move |s, v| s.set(&k, v, g.default),
                locale,
            ));
            // Relative growth is not the segment's growth: show the CAGR it leads to.
            if meaning == GrowthMeaning::Relative {
                fs = fs.child_opt(result.as_ref().and_then(|r| cagr_readout(r, &m.id, locale)));
            }
        }
        fs = fs.child(share);
        if !m.children.is_empty() {
            fs = fs.child(
                el("details")
                    .class("sub-assumptions")
                    .child(text_el(
                        "summary",
                        "",
                        fill(t(ScenMsg::SubSegments), &[&name]),
                    ))
                    .children(share_inputs(
                        ctx,
                        errors,
                        &dim.id,
                        &m.children,
                        &|_| true,
                        locale,
                    )),
            );
        }
        fs
    };
    let growth_help = dim.members.iter().any(|m| m.growth.is_some()).then(|| {
        text_el(
            "p",
            "help",
            match meaning {
                GrowthMeaning::Own => t(ScenMsg::OwnHelp),
                GrowthMeaning::Relative => t(ScenMsg::RelativeHelp),
            },
        )
        .testid("growth-help")
    });
    Some(
        section("segment-assumptions", "sa", t(ScenMsg::SegmentAssumptions))
            .child_opt(growth_help)
            .child(text_el("p", "help", t(ScenMsg::ShareHelp)))
            .child(dimension_picker(app, ctx, &dim.id, locale))
            .child(
                el("div").class("assumption-grid").children(
                    dim.members
                        .iter()
                        .enumerate()
                        .filter(|(i, _)| shown(*i))
                        .map(|(_, m)| m)
                        .zip(top_shares)
                        .map(member_box),
                ),
            )
            .child_opt(cut.then(|| {
                let n = count.to_string();
                el("p")
                    .class("help")
                    .testid("segments-cut")
                    .text(format!(
                        "{} ",
                        fill(t(ScenMsg::SomeSegments), &[&SEGMENTS_SHOWN.to_string(), &n])
                    ))
                    .child(
                        text_el("button", "link", fill(t(ScenMsg::ShowAllSegments), &[&n]))
                            .testid("show-all-segments")
                            .on_click(move || all_segments.set(true)),
                    )
            })),
    )
}

/// "CAGR 2025–2032: 19.3%" for a segment, marked derived.
fn cagr_readout(r: &DimensionResult, member: &str, locale: Locale) -> Option<Node> {
    let cagr = r.cagr(member)?;
    let (from, to) = (r.years.get(r.base_index)?, r.years.last()?);
    Some(
        el("p")
            .class("help")
            .testid("segment-cagr")
            .text(format!(
                "{} ",
                fill(
                    ScenMsg::CagrReadout.text(locale),
                    &[
                        &from.to_string(),
                        &to.to_string(),
                        &format::percent(cagr, 1)
                    ]
                )
            ))
            .child(badge(Provenance::Derived, locale)),
    )
}
