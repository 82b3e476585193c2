//! Contents view: the report's chapter tree and its list of tables and figures. A listed table
//! that the model can rebuild from its segments opens, right under the item, as a clearly
//! labelled model estimate (table and chart) — never as values from the source.

use super::charts::{x_label, xy_chart, Charts, XySpec};
use super::common::{badge, local, local_text, section};
use super::dom::{el, text_el, Dom, Node};
use super::state::{use_app, use_report, AppState, ReportCtx};
use crate::chart::xy::{Datum, Series, SeriesKind};
use crate::domain::engine::error::EngineError;
use crate::domain::engine::model::Computed;
use crate::domain::format::{self, Locale};
use crate::domain::schema::{
    find_member, Chapter, ListedItem, ListedKind, LocalText, Provenance, Reconstruct, Report, Unit,
    YearRange,
};
use crate::i18n::errors::engine_reason;
use crate::i18n::{fill, Message, Msg};
use leptos::prelude::*;
use std::collections::BTreeSet;

crate::messages! {
    pub enum ContMsg {
        Chapters => ("Chapters", "章节", "章節"),
        ChaptersIntro => (
            "The report's table of contents, as the source lists it.",
            "报告的目录，照来源所列。",
            "報告的目錄，照來源所列。"
        ),
        ExpandAll => ("Expand all", "全部展开", "全部展開"),
        CollapseAll => ("Collapse all", "全部收起", "全部收合"),
        Listed => ("Tables and figures", "图表目录", "圖表目錄"),
        ListedIntro => (
            "The tables and figures the report lists. The source gives their titles, not their values; where the model can rebuild a table from its segment assumptions, you can open an estimate.",
            "报告所列的图表。来源只给出标题，没有数值；模型能根据细分假设重建的表格，可打开查看估算。",
            "報告所列的圖表。來源只給出標題，沒有數值；模型能根據細分假設重建的表格，可開啟查看估算。"
        ),
        NoListed => (
            "The report lists no tables or figures.",
            "报告未列出图表。",
            "報告未列出圖表。"
        ),
        TableN => ("Table {0}", "表 {0}", "表 {0}"),
        FigureN => ("Figure {0}", "图 {0}", "圖 {0}"),
        Years => ("Years: ", "年份：", "年份："),
        UnitLabel => ("Unit: {0}", "单位：{0}", "單位：{0}"),
        OpenEstimate => ("Open model estimate", "打开模型估算", "開啟模型估算"),
        CloseEstimate => ("Close model estimate", "关闭模型估算", "關閉模型估算"),
        NotReconstructable => (
            "Not reconstructable: the source gives no values",
            "无法重建：来源未提供数值",
            "無法重建：來源未提供數值"
        ),
        EstimateLabel => (
            "Model estimate — not from the source",
            "模型估算——并非来源数据",
            "模型估算——並非來源資料"
        ),
        EstimateExplain => (
            "Rebuilt by the explorer from the headline and the model's assumed segment shares and growth rates. The source lists this table but gives none of its values.",
            "由本工具根据核心数据及模型假设的细分份额与增长率重建。来源列出了此表，但未提供任何数值。",
            "由本工具根據核心數據及模型假設的細分份額與成長率重建。來源列出了此表，但未提供任何數值。"
        ),
        EstimateScenario => (
            "It reflects the assumptions you changed.",
            "已反映您修改的假设。",
            "已反映您修改的假設。"
        ),
        TableCaption => ("{0} — model estimate", "{0}——模型估算", "{0}——模型估算"),
        ChartDesc => (
            "{0}: a model estimate built from assumed segment shares and growth rates, not values from the source.",
            "{0}：根据假设的细分份额与增长率得出的模型估算，并非来源数据。",
            "{0}：根據假設的細分份額與成長率得出的模型估算，並非來源資料。"
        ),
        Unavailable => (
            "The model cannot rebuild this table.",
            "模型无法重建此表。",
            "模型無法重建此表。"
        ),
        CannotCompute => ("Cannot compute: {0}", "无法计算：{0}", "無法計算：{0}"),
        NoteAssumption => ("hollow diamond: assumption", "空心菱形：假设值", "空心菱形：假設值"),
        NoteScenario => ("filled diamond: scenario", "实心菱形：情景值", "實心菱形：情境值"),
    }
}

/// "Table 3" → "表 3" in Chinese; numbers in another form are shown as the data writes them.
fn number_label(number: &str, kind: ListedKind, locale: Locale) -> String {
    let (prefix, msg) = match kind {
        ListedKind::Table => ("Table ", ContMsg::TableN),
        ListedKind::Figure => ("Figure ", ContMsg::FigureN),
    };
    match number.strip_prefix(prefix) {
        Some(n) if !n.trim().is_empty() => fill(msg.text(locale), &[n.trim()]),
        _ => number.to_string(),
    }
}

fn years_label(years: YearRange) -> String {
    if years.from == years.to {
        years.from.to_string()
    } else {
        format!("{}–{}", years.from, years.to)
    }
}

/// One row of a rebuilt table.
#[derive(Debug, Clone, PartialEq)]
struct EstRow {
    key: String,
    name: LocalText,
    /// A child of the table's member (indented).
    child: bool,
    values: Vec<f64>,
}

/// A listed table as the model rebuilds it.
#[derive(Debug, Clone, PartialEq)]
struct Estimate {
    provenance: Provenance,
    years: Vec<i32>,
    base_year: i32,
    /// A single member (line chart) rather than a whole dimension (stacked bars).
    single: bool,
    rows: Vec<EstRow>,
}

fn estimate(
    report: &Report,
    computed: &Computed,
    rc: &Reconstruct,
    range: Option<YearRange>,
) -> Option<Estimate> {
    let dim = report.dimensions.iter().find(|d| d.id == rc.dimension)?;
    let dr = computed
        .dimensions
        .iter()
        .filter_map(|d| d.as_ref().ok())
        .find(|d| d.dimension == rc.dimension)?;
    let cols: Vec<usize> = dr
        .years
        .iter()
        .enumerate()
        .filter(|(_, y)| range.is_none_or(|r| r.contains(**y)))
        .map(|(i, _)| i)
        .collect();
    let years: Vec<i32> = cols
        .iter()
        .filter_map(|&i| dr.years.get(i).copied())
        .collect();
    let values = |vals: &[f64]| -> Vec<f64> {
        cols.iter()
            .map(|&i| vals.get(i).copied().unwrap_or(f64::NAN))
            .collect()
    };
    let name = |id: &str| {
        find_member(&dim.members, id)
            .map(|m| m.name.clone())
            .unwrap_or_else(|| LocalText::en(id))
    };
    let rows: Vec<EstRow> = match &rc.member {
        None => dr
            .top_level()
            .map(|r| EstRow {
                key: r.member.clone(),
                name: name(&r.member),
                child: false,
                values: values(&r.values),
            })
            .collect(),
        Some(m) => {
            let own = dr.row(m)?;
            std::iter::once(own)
                .chain(dr.rows.iter().filter(|r| r.parent.as_deref() == Some(m)))
                .map(|r| EstRow {
                    key: r.member.clone(),
                    name: name(&r.member),
                    child: r.member != *m,
                    values: values(&r.values),
                })
                .collect()
        }
    };
    if rows.is_empty() || years.is_empty() {
        return None;
    }
    Some(Estimate {
        provenance: dr.provenance,
        years,
        base_year: dr
            .years
            .get(dr.base_index)
            .copied()
            .unwrap_or(report.meta.base_year),
        single: rc.member.is_some(),
        rows,
    })
}

/// A value in the listed unit: "$MN" tables show millions with one decimal.
fn cell(value: f64, unit_label: Option<&str>, unit: &Unit, locale: Locale) -> String {
    match unit_label {
        Some("$MN") => {
            // Millions with one decimal, kept even when it is zero so the column aligns.
            let s = format::number(value / 1e6, 1);
            if value.is_finite() && !s.contains('.') {
                format!("{s}.0")
            } else {
                s
            }
        }
        _ => format::value(value, unit, locale),
    }
}

/// What the reader opened: top-level chapters (by index) and estimate panels (by listed index).
/// Kept here, not in the DOM, so a re-render never closes what the reader opened.
#[derive(Clone, Copy)]
struct Open {
    chapters: RwSignal<BTreeSet<usize>>,
    estimates: RwSignal<BTreeSet<usize>>,
}

fn flip(set: RwSignal<BTreeSet<usize>>, i: usize) {
    set.update(|s| {
        if !s.remove(&i) {
            s.insert(i);
        }
    });
}

#[component]
pub fn Contents() -> impl IntoView {
    let app = use_app();
    let ctx = use_report();
    let charts = Charts::new();
    // The first top-level chapter with sub-chapters starts open.
    let first = ctx.with(|r| {
        r.contents
            .chapters
            .iter()
            .position(|c| !c.children.is_empty())
    });
    let open = Open {
        chapters: RwSignal::new(first.into_iter().collect()),
        estimates: RwSignal::new(BTreeSet::new()),
    };
    view! { <Dom render=move || contents(app, ctx, charts, open)/> }
}

fn contents(app: AppState, ctx: ReportCtx, charts: Charts, open: Open) -> Vec<Node> {
    let locale = app.display_locale();
    let tree = ctx.with(|r| chapter_tree(&r.contents.chapters, open.chapters, locale));
    // The panels read the report again: take the items out first (no nested reads).
    let items = ctx.with(|r| r.contents.listed.clone());
    let listed: Vec<Node> = items
        .iter()
        .enumerate()
        .map(|(i, item)| listed_entry(app, ctx, charts, open, i, item, locale))
        .collect();
    let listed_section = section("listed-section", "listed", ContMsg::Listed.text(locale));
    let listed_section = if listed.is_empty() {
        listed_section.child(text_el("p", "muted", ContMsg::NoListed.text(locale)))
    } else {
        listed_section
            .child(text_el(
                "p",
                "listed-intro",
                ContMsg::ListedIntro.text(locale),
            ))
            .child(
                el("ul")
                    .class("listed")
                    .testid("listed-items")
                    .children(listed),
            )
    };
    vec![el("div")
        .class("contents")
        .child(tree)
        .child(listed_section)]
}

/// Number and title of a chapter, as one line.
fn chapter_line(tag: &'static str, c: &Chapter, locale: Locale) -> Node {
    el(tag)
        .child(text_el("span", "toc-num", c.number.clone()))
        .text(" ")
        .child(local_text(&c.title, locale))
}

/// A nested list of sub-chapters, to any depth.
fn sub_list(chapters: &[Chapter], depth: usize, locale: Locale) -> Node {
    el("ol")
        .class(format!("toc-sub depth-{depth}"))
        .children(chapters.iter().map(|c| {
            el("li")
                .key(c.number.clone())
                .class("toc-entry")
                .attr("data-number", c.number.clone())
                .child(chapter_line("span", c, locale).class("toc-line"))
                .child_opt(
                    (!c.children.is_empty()).then(|| sub_list(&c.children, depth + 1, locale)),
                )
        }))
}

fn chapter_tree(chapters: &[Chapter], open: RwSignal<BTreeSet<usize>>, locale: Locale) -> Node {
    // Only top-level chapters with sub-chapters fold; the others are plain entries.
    let collapsible: Vec<usize> = chapters
        .iter()
        .enumerate()
        .filter(|(_, c)| !c.children.is_empty())
        .map(|(i, _)| i)
        .collect();
    let opened = open.get();
    let all_open = collapsible.iter().all(|i| opened.contains(i));
    let toggle_all = (!collapsible.is_empty()).then(|| {
        el("button")
            .attr("type", "button")
            .class("link toc-toggle-all")
            .testid("toggle-all-chapters")
            .attr("aria-controls", "toc-tree")
            .on_click(move || {
                open.set(if all_open {
                    BTreeSet::new()
                } else {
                    collapsible.iter().copied().collect()
                })
            })
            .text(
                if all_open {
                    ContMsg::CollapseAll
                } else {
                    ContMsg::ExpandAll
                }
                .text(locale),
            )
    });
    let items = chapters.iter().enumerate().map(|(i, c)| {
        let li = el("li")
            .key(format!("{i}-{}", c.number))
            .testid("chapter")
            .attr("data-number", c.number.clone());
        if c.children.is_empty() {
            return li
                .class("toc-chapter leaf")
                .child(chapter_line("span", c, locale).class("toc-line"));
        }
        // The summary's click is handled here (the renderer cancels the native toggle), so the
        // `open` attribute always follows the signal.
        li.class("toc-chapter").child(
            el("details")
                .class("toc-details")
                .attr_if(opened.contains(&i), "open", "")
                .child(chapter_line("summary", c, locale).on_click(move || flip(open, i)))
                .child(sub_list(&c.children, 2, locale)),
        )
    });
    el("section")
        .class("toc-section")
        .attr("aria-labelledby", "toc-h")
        .child(
            el("div")
                .class("toc-header")
                .child(text_el("h2", "", ContMsg::Chapters.text(locale)).id("toc-h"))
                .child_opt(toggle_all),
        )
        .child(text_el(
            "p",
            "toc-intro",
            ContMsg::ChaptersIntro.text(locale),
        ))
        .child(
            el("ol")
                .class("toc")
                .id("toc-tree")
                .testid("contents-tree")
                .children(items),
        )
}

fn listed_entry(
    app: AppState,
    ctx: ReportCtx,
    charts: Charts,
    open: Open,
    index: usize,
    item: &ListedItem,
    locale: Locale,
) -> Node {
    let kind_tag = match item.kind {
        ListedKind::Table => "table",
        ListedKind::Figure => "figure",
    };
    let meta = el("span")
        .class("listed-meta")
        .child_opt(item.years.map(|y| {
            el("span")
                .class("listed-years")
                .child(text_el("span", "dyn-sr", ContMsg::Years.text(locale)))
                .text(years_label(y))
        }))
        .child_opt(item.unit_label.as_ref().map(|u| {
            text_el(
                "span",
                "listed-unit",
                fill(ContMsg::UnitLabel.text(locale), &[u]),
            )
        }));
    let head = el("div")
        .class("listed-head")
        .child(text_el(
            "span",
            "listed-num",
            number_label(&item.number, item.kind, locale),
        ))
        .child(
            el("span")
                .class("listed-title")
                .child(local_text(&item.title, locale)),
        )
        .child(meta);
    let li = el("li")
        .key(index.to_string())
        .class("listed-item")
        .testid("listed-item")
        .attr("data-kind", kind_tag)
        .child(head);
    let Some(rc) = &item.reconstruct else {
        return li.child(text_el(
            "p",
            "muted not-reconstructable",
            ContMsg::NotReconstructable.text(locale),
        ));
    };
    let is_open = open.estimates.with(|s| s.contains(&index));
    let panel_id = format!("estimate-panel-{index}");
    li.child(
        el("button")
            .attr("type", "button")
            .class("estimate-toggle")
            .testid("open-estimate")
            .attr("aria-expanded", is_open.to_string())
            .attr("aria-controls", panel_id.clone())
            .on_click(move || flip(open.estimates, index))
            .text(
                if is_open {
                    ContMsg::CloseEstimate
                } else {
                    ContMsg::OpenEstimate
                }
                .text(locale),
            ),
    )
    .child_opt(is_open.then(|| estimate_panel(app, ctx, charts, item, rc, index, panel_id, locale)))
}

#[allow(clippy::too_many_arguments)]
fn estimate_panel(
    app: AppState,
    ctx: ReportCtx,
    charts: Charts,
    item: &ListedItem,
    rc: &Reconstruct,
    index: usize,
    id: String,
    locale: Locale,
) -> Node {
    let t = |m: ContMsg| m.text(locale);
    let data: Result<Option<Estimate>, EngineError> = ctx
        .computed
        .get()
        .map(|c| ctx.with(|r| estimate(r, &c, rc, item.years)));
    let provenance = match &data {
        Ok(Some(e)) => e.provenance,
        _ => Provenance::Assumption,
    };
    let unit = ctx.with(|r| {
        r.headline_series().map_or_else(
            || Unit::Currency(r.meta.currency.clone()),
            |s| s.unit.clone(),
        )
    });
    let title = local(&item.title, locale);
    let mut explain = t(ContMsg::EstimateExplain).to_string();
    if provenance == Provenance::Scenario {
        explain = format!("{explain} {}", t(ContMsg::EstimateScenario));
    }
    let panel = el("div")
        .class("estimate-panel")
        .id(id)
        .testid("estimate-panel")
        .attr("role", "region")
        .attr("aria-label", t(ContMsg::EstimateLabel))
        .child(
            el("p")
                .class("estimate-label")
                .child(el("strong").text(t(ContMsg::EstimateLabel)))
                .text(" ")
                .child(badge(provenance, locale)),
        )
        .child(text_el("p", "estimate-explain", explain));
    let est = match data {
        Err(e) => {
            return panel.child(text_el(
                "p",
                "muted",
                fill(t(ContMsg::CannotCompute), &[&engine_reason(&e, locale)]),
            ))
        }
        Ok(None) => return panel.child(text_el("p", "muted", t(ContMsg::Unavailable))),
        Ok(Some(est)) => est,
    };
    // Built with `el`, not the shared `data_table`: this table carries its provenance, indents
    // a member's children and marks rows by member, which `TableData` has no room for.
    let head = el("tr")
        .child(text_el("th", "", Msg::Segment.text(locale)).attr("scope", "col"))
        .children(
            est.years
                .iter()
                .map(|y| text_el("th", "num", x_label(f64::from(*y))).attr("scope", "col")),
        );
    let rows = est.rows.iter().map(|row| {
        el("tr")
            .key(row.key.clone())
            .attr_if(row.child, "class", "child")
            .attr("data-member", row.key.clone())
            .child(
                el("th")
                    .attr("scope", "row")
                    .child(local_text(&row.name, locale)),
            )
            .children(row.values.iter().map(|v| {
                text_el(
                    "td",
                    "num",
                    cell(*v, item.unit_label.as_deref(), &unit, locale),
                )
            }))
    });
    let table = crate::ui::common::table_scroll(locale).child(
        el("table")
            .class("estimate-table")
            .testid("estimate-table")
            .attr(
                "data-provenance",
                crate::i18n::provenance(Locale::En, est.provenance),
            )
            .child(text_el(
                "caption",
                "",
                fill(t(ContMsg::TableCaption), &[&title]),
            ))
            .child(el("thead").child(head))
            .child(el("tbody").children(rows)),
    );
    let series = est
        .rows
        .iter()
        .enumerate()
        .map(|(i, row)| Series {
            key: row.key.clone(),
            label: local(&row.name, locale),
            color: i,
            kind: if est.single {
                SeriesKind::Line {
                    dashed_from: Some(f64::from(est.base_year)),
                }
            } else {
                SeriesKind::StackedBar
            },
            points: est
                .years
                .iter()
                .zip(&row.values)
                .map(|(y, v)| Datum::new(f64::from(*y), *v, est.provenance))
                .collect(),
            low: vec![],
        })
        .collect();
    let mut notes = Vec::new();
    if est.single {
        notes.push((Msg::NoteHistory.text(locale).to_string(), "g-solid"));
        notes.push((Msg::NoteForecast.text(locale).to_string(), "g-dashed"));
    }
    if provenance == Provenance::Scenario {
        notes.push((t(ContMsg::NoteScenario).to_string(), "g-scenario"));
    } else if est.single {
        notes.push((t(ContMsg::NoteAssumption).to_string(), "g-assumption"));
    }
    let chart = xy_chart(
        charts,
        XySpec {
            subtitle: None,
            name: format!("estimate-{index}"),
            title: title.clone(),
            description: fill(t(ContMsg::ChartDesc), &[&title]),
            series,
            unit,
            x_title: Msg::YearAxis.text(locale).into(),
            notes,
            tall: false,
        },
        app.narrow(),
        locale,
    );
    panel.child(table).child(chart)
}
