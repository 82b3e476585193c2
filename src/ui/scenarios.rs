//! Scenarios: the reader's growth assumptions. A slider (with a number field) for the headline
//! CAGR and for every segment's growth and base share; presets; the scenario drawn against the
//! published path with the difference per year; what the checks say about the scenario.

use super::charts::{OptionalXyChart, XySpec};
use super::common::Section;
use super::comparison::{comparison_text, CompareIds, ComparisonView};
use super::controls::ValueKind;
use super::exports::{ExportBar, ViewData};
use super::overview::{headline_spec, headline_statement, ChartText};
use super::saved_ui::SavedPanel;
use super::segments::SegMsg;
use super::slider::AssumptionSlider;
use super::state::{use_app, use_report, AppState, ReportCtx};
use super::tools::{PowerTools, ToolsCtx, ToolsState};
use crate::chart::xy::{Datum, Series, SeriesKind};
use crate::domain::checks::{CheckKind, Severity};
use crate::domain::engine::compare::Comparison;
use crate::domain::engine::model::inputs;
use crate::domain::format::{self, pick, Locale};
use crate::domain::scenario::{
    growth_key, growth_meaning, preset, share_key, GrowthMeaning, Preset, Scenario,
};
use crate::domain::schema::{AssumptionRange, Dimension, Member, Provenance, Unit};
use crate::i18n::titles::Whose;
use crate::i18n::{checks::describe, fill, provenance, Message, Msg};
use leptos::prelude::*;
use std::sync::Arc;

crate::messages! {
    pub enum ScenMsg {
        Presets => ("Presets", "预设", "預設"),
        PresetPublished => ("Published", "公布值", "公布值"),
        PresetBear => ("Bear", "悲观", "悲觀"),
        PresetBase => ("Base", "基准", "基準"),
        PresetBull => ("Bull", "乐观", "樂觀"),
        PresetHelp => (
            "Bear and bull grow the headline 40% slower or faster than published, but never outside the rates the source's own bounds allow. Top-down segments follow it and keep their relative growth; segments with their own growth (bottom-up) move 40% too.",
            "悲观与乐观情景的核心增长率比公布值慢或快 40%，但不超出来源自身界限所允许的范围。自上而下的细分随之变化，相对增长率不变；有自身增长率的细分（自下而上）同样变化 40%。",
            "悲觀與樂觀情境的核心成長率比公布值慢或快 40%，但不超出來源自身界限所允許的範圍。由上而下的細分隨之變化，相對成長率不變；有自身成長率的細分（由下而上）同樣變化 40%。"
        ),
        PresetBaseHelp => ("Base uses the growth rate the source states in words.", "基准情景采用来源文字所述的增长率。", "基準情境採用來源文字所述的成長率。"),
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

/// Segment sliders shown before "Show all": a dimension of 200 segments is 400 sliders, a
/// wall to scroll past and seconds of work on a phone. Segments the reader changed always show.
const SEGMENTS_SHOWN: usize = 24;

/// What the parts of the view share: the language and the report's fixed facts.
#[derive(Clone, Copy)]
struct ViewCtx {
    app: AppState,
    ctx: ReportCtx,
    /// The language: the view is built anew when it changes, so every text below is plain
    /// (money reads the report's conversion, `ReportCtx::shown`).
    lang: Locale,
    published_rate: f64,
    anchor: i32,
    unit: StoredValue<Unit>,
}

impl ViewCtx {
    fn t(&self, m: ScenMsg) -> &'static str {
        m.text(self.lang)
    }
}

#[component]
pub fn Scenarios() -> impl IntoView {
    let app = use_app();
    let ctx = use_report();
    // The tools' state (settings, a run in progress, its result) and the saved scenarios
    // outlive a change of language, which rebuilds the parts below.
    let tools = ToolsState::new();
    let saved = use_context::<super::saved_ui::SavedState>();
    let Some(published_rate) = ctx.published_rate.get_untracked() else {
        return view! {
            <div class="view-body">
                <p class="notice error">
                    {move || Msg::EngineErrorPrefix.text(app.locale.get())}
                </p>
            </div>
        }
        .into_any();
    };
    let (anchor, unit) = ctx.with(|r| {
        (
            r.forecast
                .as_ref()
                .map_or(r.meta.base_year, |f| f.anchor_year),
            r.headline_unit(),
        )
    });
    let unit = StoredValue::new(unit);
    let parts = move || {
        let v = ViewCtx {
            app,
            ctx,
            lang: app.locale.get(),
            published_rate,
            anchor,
            unit,
        };
        let tools = ToolsCtx {
            app,
            ctx,
            state: tools,
            lang: v.lang,
        };
        view! {
            <Presets v=v />
            <HeadlineSlider v=v />
            <ScenarioChart v=v />
            <Difference v=v />
            <YearBars v=v />
            <ScenarioChecks v=v />
            <SegmentAssumptions v=v />
            <PowerTools c=tools />
            {saved.map(|saved| view! { <SavedPanel ctx=ctx state=saved lang=v.lang /> })}
            <ExportBar data=ViewData::Headline />
        }
        .into_any()
    };
    // `div.view-body`: every view's body, the phone layout orders its parts (style/main.css).
    view! {
        <div class="view-body">
            {parts}
        </div>
    }
    .into_any()
}

#[component]
fn Presets(v: ViewCtx) -> impl IntoView {
    let ctx = v.ctx;
    let presets: Vec<(Preset, Scenario)> = Preset::ALL
        .into_iter()
        .map(|p| (p, ctx.with(|r| preset(r, v.published_rate, p))))
        .collect();
    // Without a growth rate stated in words (or one equal to the published path's), Base
    // would be Published again: two buttons doing one thing, both shown pressed.
    let base_differs = presets
        .iter()
        .any(|(p, s)| *p == Preset::Base && *s != Scenario::published());
    let buttons = presets
        .into_iter()
        .filter(|(p, _)| *p != Preset::Base || base_differs)
        .map(|(p, scenario)| {
            let chosen = scenario.clone();
            let pressed = Memo::new(move |_| ctx.scenario.with(|s| *s == chosen));
            view! {
                <button
                    class="preset"
                    data-preset=p.id()
                    aria-pressed=move || pressed.get().to_string()
                    on:click=move |_| ctx.scenario.set(scenario.clone())
                >
                    {v.t(preset_label(p))}
                </button>
            }
        })
        .collect_view();
    let help = if base_differs {
        crate::i18n::sentences(
            v.lang,
            &[v.t(ScenMsg::PresetHelp), v.t(ScenMsg::PresetBaseHelp)],
        )
    } else {
        v.t(ScenMsg::PresetHelp).to_string()
    };
    view! {
        <Section class="presets" id="presets" heading=v.t(ScenMsg::Presets)>
            <div class="preset-buttons" role="group" aria-labelledby="presets-h">
                {buttons}
            </div>
            <p class="help">{help}</p>
        </Section>
    }
}

#[component]
fn HeadlineSlider(v: ViewCtx) -> impl IntoView {
    let (ctx, rate) = (v.ctx, v.published_rate);
    let range = ctx.with(|r| {
        crate::domain::scenario::headline_rate_range(r, rate).unwrap_or(AssumptionRange {
            default: rate,
            min: 0.0,
            max: 0.5,
            step: 0.001,
        })
    });
    let value = Memo::new(move |_| ctx.scenario.with(|s| s.headline_rate.unwrap_or(rate)));
    let changed = Memo::new(move |_| ctx.scenario.with(|s| s.headline_rate.is_some()));
    let anchor = v.anchor.to_string();
    view! {
        <AssumptionSlider
            id="headline-cagr".to_string()
            label=fill(v.t(ScenMsg::HeadlineCagr), &[&anchor])
            value=value
            range=range
            kind=ValueKind::Percent
            changed=changed
            locale=v.lang
            on_change=Callback::new(move |x: f64| {
                ctx.scenario
                    .update(|s| {
                        s.headline_rate = if (x - rate).abs() <= 1e-12 { None } else { Some(x) };
                    })
            })
        />
    }
}

/// The published path, the reader's, and the bear–bull band behind them.
#[component]
fn ScenarioChart(v: ViewCtx) -> impl IntoView {
    let ctx = v.ctx;
    let spec = Memo::new(move |_| {
        let locale = v.lang;
        let current = ctx.computed.get().ok()?;
        let published = ctx.published.get()?;
        // The title states where the path in force goes: the reader's when they changed it.
        let whose = if ctx.scenario.with(|s| s.is_published()) {
            Whose::Published
        } else {
            Whose::Scenario
        };
        let title = ctx
            .with(|r| ctx.shown(locale, |s| headline_statement(r, &current, whose, s)))
            .unwrap_or_else(|| v.t(ScenMsg::ChartTitle).into());
        let band = preset_band(&ctx.preset_range.get(), v.t(ScenMsg::PresetRange));
        Some(headline_spec(
            ctx,
            &published,
            &current,
            ChartText {
                name: "scenario",
                title,
                subtitle: Some(v.t(ScenMsg::ChartTitle).into()),
                description: v.t(ScenMsg::ChartDesc).into(),
            },
            Some(band),
            locale,
        ))
    });
    view! { <OptionalXyChart spec=spec narrow=v.app.narrow_layout locale=v.lang /> }
}

/// The range between the bear and bull presets, as a band behind the paths.
fn preset_band(range: &super::state::PresetRange, label: &str) -> Series {
    Series {
        key: "preset-range".into(),
        label: label.into(),
        color: crate::chart::palette::BAND,
        kind: SeriesKind::Band,
        points: range
            .bull
            .iter()
            .map(|(y, v)| Datum::new(f64::from(*y), *v, Provenance::Scenario))
            .collect(),
        low: range.bear.iter().map(|(_, v)| *v).collect(),
    }
}

#[component]
fn Difference(v: ViewCtx) -> impl IntoView {
    let ctx = v.ctx;
    let text = Memo::new(move |_| {
        let locale = v.lang;
        v.unit.with_value(|unit| {
            ctx.shown(locale, |shown| {
                comparison_text(
                    &ctx.comparison.get(),
                    unit,
                    v.t(ScenMsg::Published),
                    v.t(ScenMsg::Scenario),
                    shown,
                )
            })
        })
    });
    view! {
        <Section class="difference" id="diff" heading=v.t(ScenMsg::Difference)>
            <ComparisonView
                text=text
                ids=CompareIds {
                    summary: "end-summary",
                    table: "difference-table",
                }
                locale=v.lang
            />
        </Section>
    }
}

#[component]
fn YearBars(v: ViewCtx) -> impl IntoView {
    let ctx = v.ctx;
    let spec = Memo::new(move |_| {
        let locale = v.lang;
        let cmp = ctx.comparison.get();
        Some(v.unit.with_value(|unit| year_bars_spec(&cmp, unit, locale)))
    });
    view! { <OptionalXyChart spec=spec narrow=v.app.narrow_layout locale=v.lang /> }
}

/// Published and scenario values side by side for each forecast year (grouped bars).
fn year_bars_spec(cmp: &Comparison, unit: &Unit, locale: Locale) -> XySpec {
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
    XySpec {
        subtitle: None,
        name: "scenario-bars".into(),
        title: t(ScenMsg::BarsTitle).into(),
        description: t(ScenMsg::BarsDesc).into(),
        series: vec![
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
        ],
        unit: unit.clone(),
        x_title: Msg::YearAxis.text(locale).into(),
        notes: Vec::new(),
        tall: false,
    }
}

/// Warnings the scenario raises (claims it breaks, bounds it crosses), live.
#[component]
fn ScenarioChecks(v: ViewCtx) -> impl IntoView {
    let ctx = v.ctx;
    let warnings = Memo::new(move |_| {
        let locale = v.lang;
        ctx.checks.with(|checks| {
            checks
                .iter()
                .filter(|c| {
                    c.severity == Severity::Warning
                        && matches!(
                            c.kind,
                            CheckKind::SegmentClaim { .. } | CheckKind::PathVsBound { .. }
                        )
                })
                .enumerate()
                .map(|(i, c)| {
                    (
                        i,
                        c.key,
                        ctx.with(|r| ctx.shown(locale, |s| describe(c, r, s))),
                    )
                })
                .collect::<Vec<_>>()
        })
    });
    let none = Memo::new(move |_| warnings.with(Vec::is_empty));
    let heading_id = "sc-h";
    view! {
        <section class="scenario-checks" aria-labelledby=heading_id aria-live="polite">
            <h2 id=heading_id>{v.t(ScenMsg::WhatChecksSay)}</h2>
            <Show
                when=move || none.get()
                fallback=move || {
                    view! {
                        <ul class="check-list">
                            <For
                                each=move || warnings.get()
                                key=|w| w.clone()
                                children=|(_, key, text)| {
                                    view! {
                                        <li class="check warning" data-check=key>
                                            {text}
                                        </li>
                                    }
                                }
                            />
                        </ul>
                    }
                }
            >
                <p class="check info" data-testid="scenario-ok">
                    {v.t(ScenMsg::AllHold)}
                </p>
            </Show>
        </section>
    }
}

/// The sliders of the chosen dimension's segments: growth and base share for each, the
/// shares within each region, the dimension picker, and the cut after [`SEGMENTS_SHOWN`].
#[component]
fn SegmentAssumptions(v: ViewCtx) -> impl IntoView {
    let (app, ctx) = (v.app, v.ctx);
    let dim = Memo::new(move |_| super::segments::chosen_dimension_only(app, ctx).map(Arc::new));
    let has_dim = Memo::new(move |_| dim.with(Option::is_some));
    move || {
        has_dim.get().then(|| {
            view! { <SegmentSection v=v dim=dim /> }
        })
    }
}

#[component]
fn SegmentSection(v: ViewCtx, dim: Memo<Option<Arc<Dimension>>>) -> impl IntoView {
    let (app, ctx) = (v.app, v.ctx);
    let all_segments = RwSignal::new(false);
    let count = Memo::new(move |_| dim.with(|d| d.as_ref().map_or(0, |d| d.members.len())));
    let cut = Memo::new(move |_| count.get() > SEGMENTS_SHOWN && !all_segments.get());
    // The members shown: the first few, and any the reader changed.
    let shown = Memo::new(move |_| {
        let cut = cut.get();
        dim.with(|d| {
            let Some(d) = d else { return Vec::new() };
            ctx.scenario.with(|s| {
                d.members
                    .iter()
                    .enumerate()
                    .filter(|(i, m)| {
                        !cut || *i < SEGMENTS_SHOWN || {
                            let prefix = format!("{}.{}.", d.id, m.id);
                            s.values.keys().any(|k| k.starts_with(&prefix))
                        }
                    })
                    .map(|(i, m)| (d.clone(), i, m.id.clone()))
                    .collect::<Vec<_>>()
            })
        })
    });
    // The top-level shares in force, once for every member's slider.
    let top_shares = Memo::new(move |_| {
        dim.with(|d| {
            let d = d.as_ref()?;
            ctx.scenario.with(|s| shares_in_force(&d.id, &d.members, s))
        })
    });
    let meaning = Memo::new(move |_| {
        dim.with(|d| {
            d.as_ref()
                .map_or(GrowthMeaning::Relative, |d| growth_meaning(d, true))
        })
    });
    let any_growth = Memo::new(move |_| {
        dim.with(|d| {
            d.as_ref()
                .is_some_and(|d| d.members.iter().any(|m| m.growth.is_some()))
        })
    });
    let dim_id =
        Memo::new(move |_| dim.with(|d| d.as_ref().map(|d| d.id.clone()).unwrap_or_default()));
    let options = ctx.with(|r| {
        r.dimensions
            .iter()
            .map(|d| (d.id.clone(), d.name.clone()))
            .collect::<Vec<_>>()
    });
    let options = options
        .into_iter()
        .map(|(id, name)| {
            let value = id.clone();
            view! {
                <option value=id prop:selected=move || dim_id.with(|d| *d == value)>
                    {super::common::local(&name, v.lang)}
                </option>
            }
        })
        .collect_view();
    let cut_text = move || {
        let n = count.get().to_string();
        format!(
            "{} ",
            fill(
                v.t(ScenMsg::SomeSegments),
                &[&SEGMENTS_SHOWN.to_string(), &n]
            )
        )
    };
    view! {
        <Section
            class="segment-assumptions"
            id="sa"
            heading=v.t(ScenMsg::SegmentAssumptions)
        >
            <Show when=move || any_growth.get()>
                <p class="help" data-testid="growth-help">
                    {move || match meaning.get() {
                        GrowthMeaning::Own => v.t(ScenMsg::OwnHelp),
                        GrowthMeaning::Relative => v.t(ScenMsg::RelativeHelp),
                    }}
                </p>
            </Show>
            <p class="help">{v.t(ScenMsg::ShareHelp)}</p>
            <label class="control">
                <span>{SegMsg::Dimension.text(v.lang)}</span>
                <select
                    data-testid="dimension-picker"
                    on:change=move |ev| app.dimension.set(Some(event_target_value(&ev)))
                >
                    {options}
                </select>
            </label>
            <div class="assumption-grid">
                <For
                    each=move || shown.get()
                    key=|(d, _, id)| (d.id.clone(), id.clone())
                    children=move |(d, i, _)| {
                        view! { <MemberBox v=v dim=d index=i shares=top_shares /> }
                    }
                />
            </div>
            <Show when=move || cut.get()>
                <p class="help" data-testid="segments-cut">
                    {cut_text}
                    <button
                        class="link"
                        data-testid="show-all-segments"
                        on:click=move |_| all_segments.set(true)
                    >
                        {move || fill(v.t(ScenMsg::ShowAllSegments), &[&count.get().to_string()])}
                    </button>
                </p>
            </Show>
        </Section>
    }
}

/// One segment's box: its growth slider (with the CAGR it leads to, when relative), its base
/// share, and the shares within it.
#[component]
fn MemberBox(
    v: ViewCtx,
    dim: Arc<Dimension>,
    index: usize,
    /// The shares in force of the member and its siblings.
    shares: Memo<Option<Vec<f64>>>,
) -> impl IntoView {
    let ctx = v.ctx;
    let Some(m) = dim.members.get(index).cloned() else {
        return ().into_any();
    };
    let name = super::common::local(&m.name, v.lang);
    let meaning = growth_meaning(&dim, true);
    let growth = m.growth.map(|g| {
        let key = growth_key(&dim.id, &m.id);
        let id = key.replace('.', "-");
        let (k1, k2, k3) = (key.clone(), key.clone(), key);
        let value = Memo::new(move |_| ctx.scenario.with(|s| s.value(&k1, g.default)));
        let changed = Memo::new(move |_| ctx.scenario.with(|s| s.values.contains_key(&k2)));
        let label = format!("{name} — {}", growth_label(meaning, v.lang));
        view! {
            <AssumptionSlider
                id=id
                label=label
                value=value
                range=g
                kind=ValueKind::Percent
                changed=changed
                locale=v.lang
                on_change=Callback::new(move |x: f64| ctx.scenario.update(|s| s.set(&k3, x, g.default)))
            />
            {(meaning == GrowthMeaning::Relative).then(|| view! { <CagrReadout v=v dim=dim.id.clone() member=m.id.clone() /> })}
        }
    });
    let share = share_sliders(v, &dim, Arc::new(dim.members.clone()), shares, Some(index));
    let children = (!m.children.is_empty()).then(|| {
        let list = Arc::new(m.children.clone());
        let in_force = {
            let (dim_id, list) = (dim.id.clone(), list.clone());
            Memo::new(move |_| ctx.scenario.with(|s| shares_in_force(&dim_id, &list, s)))
        };
        let all = share_sliders(v, &dim, list, in_force, None);
        view! {
            <details class="sub-assumptions">
                <summary>{fill(v.t(ScenMsg::SubSegments), &[&name])}</summary>
                {all}
            </details>
        }
    });
    view! {
        <fieldset class="member-assumptions" data-member=m.id.clone()>
            <legend>{name}</legend>
            {growth}
            {share}
            {children}
        </fieldset>
    }
    .into_any()
}

/// "CAGR 2025–2032: 19.3%" for a segment, marked derived: relative growth is not the
/// segment's growth, so the view shows the CAGR it leads to.
#[component]
fn CagrReadout(v: ViewCtx, dim: String, member: String) -> impl IntoView {
    let ctx = v.ctx;
    let text = Memo::new(move |_| {
        let locale = v.lang;
        ctx.computed.with(|c| {
            let c = c.as_ref().ok()?;
            let r = c.dimensions.iter().flatten().find(|d| d.dimension == dim)?;
            let cagr = r.cagr(&member)?;
            let (from, to) = (r.years.get(r.base_index)?, r.years.last()?);
            Some(format!(
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
        })
    });
    let shown = Memo::new(move |_| text.with(Option::is_some));
    view! {
        <Show when=move || shown.get()>
            <p class="help" data-testid="segment-cagr">
                {move || text.get().unwrap_or_default()}
                <span class="badge prov-derived">
                    {provenance(v.lang, Provenance::Derived)}
                </span>
            </p>
        </Show>
    }
}

/// The base shares in force of one level of siblings.
fn shares_in_force(dim: &str, siblings: &[Member], s: &Scenario) -> Option<Vec<f64>> {
    inputs(dim, siblings, s)
        .ok()
        .map(|v| v.into_iter().map(|i| i.share).collect())
}

/// The base-share sliders of one level of siblings (`only`: just that one): each shows the
/// share in force (a share the reader set, or a default rescaled to make room), and setting
/// one keeps it exactly.
fn share_sliders(
    v: ViewCtx,
    dim: &Dimension,
    siblings: Arc<Vec<Member>>,
    in_force: Memo<Option<Vec<f64>>>,
    only: Option<usize>,
) -> impl IntoView {
    let ctx = v.ctx;
    siblings
        .iter()
        .enumerate()
        .filter(|(i, _)| only.is_none_or(|o| o == *i))
        .map(|(i, m)| {
            let key = share_key(&dim.id, &m.id);
            let id = key.replace('.', "-");
            let default = m.share.default;
            let value = Memo::new(move |_| {
                in_force.with(|v| {
                    v.as_ref()
                        .and_then(|v| v.get(i).copied())
                        .unwrap_or(default)
                })
            });
            let changed = Memo::new(move |_| ctx.scenario.with(|s| s.values.contains_key(&key)));
            let label = format!("{} — {}", pick(&m.name, v.lang).0, share_label(v.lang));
            let (dim_id, list, member) = (dim.id.clone(), siblings.clone(), m.id.clone());
            view! {
                <AssumptionSlider
                    id=id
                    label=label
                    value=value
                    range=m.share
                    kind=ValueKind::Percent
                    changed=changed
                    locale=v.lang
                    on_change=Callback::new(move |x: f64| {
                        ctx.scenario.update(|s| s.set_share(&dim_id, &list, &member, x))
                    })
                />
            }
        })
        .collect_view()
}
