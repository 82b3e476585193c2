//! Segments: pick a dimension; a stacked area over the years, the share of a chosen year (donut,
//! and a treemap for region → country), and a sortable table with value, share and CAGR.
//! Says how the segments reconcile with the total.

use super::charts::{
    donut_chart, treemap_chart, xy_chart, Charts, Slice, TreemapNode, TreemapSpec, XySpec,
};
use super::common::{badge, local};
use super::dom::{el, text_el, Dom, Ev, Node, On};
use super::state::{use_app, use_report, AppState, ReportCtx};
use crate::chart::xy::{Datum, Series, SeriesKind};
use crate::domain::engine::allocate::reconciliation_gap;
use crate::domain::engine::model::DimensionResult;
use crate::domain::format::{self, pick, Locale};
use crate::domain::schema::find_member;
use crate::domain::schema::{Dimension, Member, Provenance, ReconcileMode, Unit};
use crate::i18n::titles::largest_title;
use crate::i18n::{fill, Message, Msg};
use leptos::prelude::*;

crate::messages! {
    pub enum SegMsg {
        Dimension => ("Dimension", "维度", "維度"),
        Year => ("Year", "年份", "年份"),
        TopDown => (
            "Top-down: segments are shares of the headline total. A segment's relative growth sets how fast it gains or loses share against its siblings, and the shares are renormalised every year, so the segments always add up to the total and each segment's CAGR (in the table) follows the headline.",
            "自上而下：细分市场是总量的份额。细分的相对增长率决定其相对同级细分增加或减少份额的速度，份额每年重新归一，因此各细分之和始终等于总量，各细分的年复合增长率（见表）随核心数据变化。",
            "由上而下：細分市場是總量的份額。細分的相對成長率決定其相對同級細分增加或減少份額的速度，份額每年重新歸一，因此各細分之和始終等於總量，各細分的年複合成長率（見表）隨核心數據變化。"
        ),
        BottomUp => (
            "Bottom-up: each segment grows from its base-year value at its own rate; the total is their sum and may differ from the headline forecast.",
            "自下而上：各细分从基准年数值按自身增长率增长；总量为其总和，可能与核心预测不同。",
            "由下而上：各細分從基準年數值按自身成長率成長；總量為其總和，可能與核心預測不同。"
        ),
        Reconciles => ("Largest gap between the sum of segments and the total over all years: {0}.", "各年细分之和与总量的最大差距：{0}。", "各年細分之和與總量的最大差距：{0}。"),
        AssumptionNote => (
            "The source gives no segment values: every split here is a model assumption chosen to agree with the source's qualitative claims.",
            "来源未给出细分数值：此处所有拆分均为模型假设，并与来源的定性判断保持一致。",
            "來源未給出細分數值：此處所有拆分均為模型假設，並與來源的定性判斷保持一致。"
        ),
        OverTime => ("{0} by year (stacked)", "按{0}逐年分布（堆叠）", "按{0}逐年分佈（堆疊）"),
        OverTimeDesc => ("Each band is a segment; together they make up the total in every year.", "每个色带代表一个细分，合计即为各年总量。", "每個色帶代表一個細分，合計即為各年總量。"),
        ShareIn => ("Share of {0} in {1}", "{1} 年{0}份额", "{1} 年{0}份額"),
        ShareDesc => ("Each slice is a segment's share of the total in the chosen year.", "每一块表示所选年份中某细分占总量的份额。", "每一塊表示所選年份中某細分佔總量的份額。"),
        TreemapTitle => ("{0} and its sub-segments in {1}", "{1} 年{0}及其下级细分", "{1} 年{0}及其下級細分"),
        TreemapDesc => ("Areas are proportional to value; each region contains its countries.", "面积与数值成正比；每个地区包含其国家。", "面積與數值成正比；每個地區包含其國家。"),
        TableTitle => ("Segments in {0}", "{0} 年细分", "{0} 年細分"),
        Cagr => ("CAGR {0}–{1}", "{0}–{1} 年复合增长率", "{0}–{1} 年複合成長率"),
        Source => ("Source", "来源", "來源"),
    }
}

/// Sortable table columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SortKey {
    Name,
    Value,
    Cagr,
}

fn member_name(dim: &Dimension, id: &str, locale: Locale) -> String {
    find_member(&dim.members, id)
        .map(|m| pick(&m.name, locale).0.to_string())
        .unwrap_or_else(|| id.to_string())
}

/// CAGR of a row between two year indices, if both values are positive.
fn row_cagr(values: &[f64], from: usize, to: usize) -> Option<f64> {
    let (a, b) = (*values.get(from)?, *values.get(to)?);
    crate::domain::engine::growth::rri((to - from) as f64, a, b).ok()
}

/// The dimension the reader chose (or the first), and what the engine made of it.
pub fn chosen_dimension(
    app: AppState,
    ctx: ReportCtx,
) -> Option<(Dimension, Option<DimensionResult>)> {
    let dim = chosen_dimension_only(app, ctx)?;
    let result = ctx.computed.get().ok().and_then(|c| {
        c.dimensions
            .iter()
            .flatten()
            .find(|d| d.dimension == dim.id)
            .cloned()
    });
    Some((dim, result))
}

/// The dimension chosen, without its result: for what does not show the model (reads no
/// model, so a slider moving does not re-render it).
pub fn chosen_dimension_only(app: AppState, ctx: ReportCtx) -> Option<Dimension> {
    let id = app.dimension.get();
    ctx.with(|r| {
        r.dimensions
            .iter()
            .find(|d| Some(&d.id) == id.as_ref())
            .or(r.dimensions.first())
            .cloned()
    })
}

/// The dimension picker (shared with the scenario view).
pub fn dimension_picker(app: AppState, ctx: ReportCtx, current: &str, locale: Locale) -> Node {
    let options = ctx.with(|r| {
        r.dimensions
            .iter()
            .map(|d| {
                el("option")
                    .attr("value", d.id.clone())
                    .text(local(&d.name, locale))
            })
            .collect::<Vec<_>>()
    });
    el("label")
        .class("control")
        .child(text_el("span", "", SegMsg::Dimension.text(locale)))
        .child(
            el("select")
                .testid("dimension-picker")
                .prop("value", current.to_string())
                .on(On::Change, move |ev: &Ev| {
                    app.dimension.set(Some(ev.value.clone()))
                })
                .children(options),
        )
}

#[component]
pub fn Segments() -> impl IntoView {
    let app = use_app();
    let ctx = use_report();
    let charts = Charts::new();
    let sort = RwSignal::new((SortKey::Value, true));
    view! { <Dom render=move || segments(app, ctx, charts, sort)/> }
}

fn segments(
    app: AppState,
    ctx: ReportCtx,
    charts: Charts,
    sort: RwSignal<(SortKey, bool)>,
) -> Vec<Node> {
    let locale = app.display_locale();
    let t = |m: SegMsg| m.text(locale);
    let Some((dim, Some(r))) = chosen_dimension(app, ctx) else {
        return vec![text_el(
            "p",
            "notice error",
            Msg::EngineErrorPrefix.text(locale),
        )];
    };
    let unit = ctx.with(|r| r.headline_unit());
    let forecast_to = ctx.with(|r| r.meta.forecast.to);
    let year = app
        .share_year
        .get()
        .filter(|y| r.years.contains(y))
        .unwrap_or(forecast_to);
    let t_index = r.years.iter().position(|y| *y == year).unwrap_or(0);
    let dim_name = local(&dim.name, locale);

    let year_picker = el("label")
        .class("control")
        .child(text_el("span", "", t(SegMsg::Year)))
        .child(
            el("select")
                .testid("year-picker")
                .prop("value", year.to_string())
                .on(On::Change, move |ev: &Ev| {
                    app.share_year.set(ev.value.parse().ok())
                })
                .children(r.years.iter().map(|y| {
                    el("option")
                        .attr("value", y.to_string())
                        .text(y.to_string())
                })),
        );
    let top: Vec<Vec<f64>> = r.top_level().map(|row| row.values.clone()).collect();
    let mode = if dim.mode == ReconcileMode::BottomUp {
        SegMsg::BottomUp
    } else {
        SegMsg::TopDown
    };
    let notes = el("div")
        .class("notes")
        .child(
            text_el(
                "p",
                "check info",
                format!(
                    "{} {}",
                    t(mode),
                    fill(
                        t(SegMsg::Reconciles),
                        &[&format::percent(reconciliation_gap(&top, &r.total), 6)]
                    )
                ),
            )
            .testid("reconciliation"),
        )
        .child(
            el("p")
                .class("check warning")
                .testid("assumption-note")
                .text(format!("{} ", t(SegMsg::AssumptionNote)))
                .child(badge(Provenance::Assumption, locale)),
        );

    let stacked = xy_chart(
        charts,
        XySpec {
            subtitle: Some(fill(t(SegMsg::OverTime), &[&dim_name])),
            name: "segments-stacked".into(),
            title: largest_title(&r, &|m| member_name(&dim, m, locale), &dim_name, locale)
                .unwrap_or_else(|| fill(t(SegMsg::OverTime), &[&dim_name])),
            description: t(SegMsg::OverTimeDesc).into(),
            series: r
                .top_level()
                .enumerate()
                .map(|(i, row)| Series {
                    key: row.member.clone(),
                    label: member_name(&dim, &row.member, locale),
                    color: i,
                    kind: SeriesKind::StackedArea,
                    points: r
                        .years
                        .iter()
                        .zip(&row.values)
                        .map(|(y, v)| Datum::new(f64::from(*y), *v, r.provenance))
                        .collect(),
                    low: vec![],
                })
                .collect(),
            unit: unit.clone(),
            x_title: t(SegMsg::Year).into(),
            notes: Vec::new(),
            tall: false,
        },
        app.narrow(),
        locale,
    );
    let slices: Vec<Slice> = r
        .top_level()
        .enumerate()
        .map(|(i, row)| Slice {
            key: row.member.clone(),
            label: member_name(&dim, &row.member, locale),
            value: row.values.get(t_index).copied().unwrap_or(0.0),
            color: i,
            provenance: r.provenance,
        })
        .collect();
    let donut = donut_chart(
        charts,
        "segments-share",
        fill(t(SegMsg::ShareIn), &[&dim_name, &year.to_string()]),
        t(SegMsg::ShareDesc).into(),
        &slices,
        &unit,
        locale,
    );
    let tree = dim.members.iter().any(|m| !m.children.is_empty()).then(|| {
        let node = |m: &Member, color: usize, children: Vec<TreemapNode>| TreemapNode {
            key: m.id.clone(),
            label: pick(&m.name, locale).0.to_string(),
            value: r
                .row(&m.id)
                .and_then(|row| row.values.get(t_index).copied())
                .unwrap_or(0.0),
            color,
            provenance: r.provenance,
            children,
        };
        let nodes: Vec<TreemapNode> = dim
            .members
            .iter()
            .enumerate()
            .map(|(i, m)| {
                node(
                    m,
                    i,
                    m.children.iter().map(|c| node(c, i, vec![])).collect(),
                )
            })
            .collect();
        treemap_chart(
            charts,
            TreemapSpec {
                name: "segments-treemap",
                title: fill(t(SegMsg::TreemapTitle), &[&dim_name, &year.to_string()]),
                description: t(SegMsg::TreemapDesc).into(),
                nodes: &nodes,
                unit: &unit,
            },
            app.narrow(),
            locale,
        )
    });
    vec![
        el("div")
            .class("controls-row")
            .child(dimension_picker(app, ctx, &dim.id, locale))
            .child(year_picker),
        notes,
        stacked,
        el("div").class("share-charts").child(donut).child_opt(tree),
        segment_table(&dim, &r, t_index, year, &unit, sort, locale),
    ]
    .into_iter()
    .chain(super::exports::export_bar(
        app,
        ctx,
        super::exports::ViewData::Segments,
    ))
    .collect()
}

fn segment_table(
    dim: &Dimension,
    r: &DimensionResult,
    t: usize,
    year: i32,
    unit: &Unit,
    sort: RwSignal<(SortKey, bool)>,
    locale: Locale,
) -> Node {
    let (key, desc) = sort.get();
    let (b, n) = (r.base_index, r.years.len().saturating_sub(1));
    let total = r.total.get(t).copied().unwrap_or(0.0);
    let value_of = |i: usize| r.rows[i].values.get(t).copied().unwrap_or(0.0);
    let cagr_of = |i: usize| row_cagr(&r.rows[i].values, b, n).unwrap_or(f64::NEG_INFINITY);
    let mut order: Vec<usize> = (0..r.rows.len())
        .filter(|&i| r.rows[i].parent.is_none())
        .collect();
    order.sort_by(|&x, &y| {
        let o = match key {
            SortKey::Name => member_name(dim, &r.rows[x].member, locale).cmp(&member_name(
                dim,
                &r.rows[y].member,
                locale,
            )),
            SortKey::Value => value_of(x).total_cmp(&value_of(y)),
            SortKey::Cagr => cagr_of(x).total_cmp(&cagr_of(y)),
        };
        if desc {
            o.reverse()
        } else {
            o
        }
    });
    // Children follow their parent, largest first.
    let mut rows_in_order = Vec::new();
    for i in order {
        rows_in_order.push(i);
        let mut kids: Vec<usize> = (0..r.rows.len())
            .filter(|&k| r.rows[k].parent.as_deref() == Some(r.rows[i].member.as_str()))
            .collect();
        kids.sort_by(|&x, &y| value_of(y).total_cmp(&value_of(x)));
        rows_in_order.extend(kids);
    }
    let header = |k: SortKey, label: String| {
        let aria = match (key == k, desc) {
            (true, true) => "descending",
            (true, false) => "ascending",
            _ => "none",
        };
        el("th").attr("scope", "col").attr("aria-sort", aria).child(
            text_el("button", "sort", label).on_click(move || {
                sort.update(|s| {
                    *s = if s.0 == k {
                        (k, !s.1)
                    } else {
                        (k, k != SortKey::Name)
                    }
                })
            }),
        )
    };
    let end_year = r.years.last().copied().unwrap_or(year);
    let base_year = r.years.get(b).copied().unwrap_or(year);
    let head = el("tr")
        .child(header(SortKey::Name, Msg::Segment.text(locale).into()))
        .child(header(
            SortKey::Value,
            format!("{} {year}", Msg::Value.text(locale)),
        ))
        .child(text_el("th", "", Msg::Share.text(locale)).attr("scope", "col"))
        .child(header(
            SortKey::Cagr,
            fill(
                SegMsg::Cagr.text(locale),
                &[&base_year.to_string(), &end_year.to_string()],
            ),
        ))
        .child(text_el("th", "", SegMsg::Source.text(locale)).attr("scope", "col"));
    let body = el("tbody").children(rows_in_order.into_iter().map(|i| {
        let row = &r.rows[i];
        let v = value_of(i);
        let parent_total = row
            .parent
            .as_ref()
            .and_then(|p| r.row(p))
            .and_then(|p| p.values.get(t).copied())
            .unwrap_or(total);
        el("tr")
            .key(row.member.clone())
            .attr("data-member", row.member.clone())
            .attr_if(row.depth > 0, "class", "child")
            .child(text_el("th", "", member_name(dim, &row.member, locale)).attr("scope", "row"))
            .child(text_el("td", "num", format::value(v, unit, locale)))
            .child(text_el(
                "td",
                "num",
                format::percent(
                    if parent_total > 0.0 {
                        v / parent_total
                    } else {
                        0.0
                    },
                    1,
                ),
            ))
            .child(text_el(
                "td",
                "num",
                row_cagr(&row.values, b, n)
                    .map(|c| format::percent(c, 1))
                    .unwrap_or_else(|| "—".into()),
            ))
            .child(el("td").child(badge(r.provenance, locale)))
    }));
    el("section")
        .class("segment-table")
        .child(text_el(
            "h3",
            "",
            fill(SegMsg::TableTitle.text(locale), &[&year.to_string()]),
        ))
        .child(
            crate::ui::common::table_scroll(locale).child(
                el("table")
                    .testid("segment-table")
                    .child(el("thead").child(head))
                    .child(body),
            ),
        )
}
