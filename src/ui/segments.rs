//! Segments: pick a dimension; a stacked area over the years, the share of a chosen year (donut,
//! and a treemap for region → country), and a sortable table with value, share and CAGR.
//! Says how the segments reconcile with the total.

use super::charts::{
    ChartTitlesAtLevel2, DonutChart, DonutSpec, Slice, TreemapChart, TreemapNode, TreemapSpec,
    XyChart, XySpec,
};
use super::common::{badge_class, local, Badge, TableScroll};
use super::exports::{ExportBar, ViewData};
use super::state::{use_app, use_report, AppState, ReportCtx};
use crate::chart::xy::{Datum, Series, SeriesKind};
use crate::domain::engine::allocate::reconciliation_gap;
use crate::domain::engine::model::DimensionResult;
use crate::domain::format::{self, pick, Locale};
use crate::domain::schema::{Dimension, Member, Provenance, ReconcileMode, Unit};
use crate::domain::segment_table::{member_name, table_rows, Sort, SortKey, TableRow};
use crate::i18n::titles::largest_title;
use crate::i18n::{fill, provenance, Message, Msg};
use leptos::context::Provider;
use leptos::prelude::*;
use std::sync::Arc;

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

/// The dimension chosen (or the first), without its result: for what does not show the model
/// (reads no model, so a slider moving does not re-render it).
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

/// What the parts of the view share: the language (the view is built anew when it changes, so
/// texts are plain; money reads the report's conversion), the chosen dimension and what the
/// engine made of it, the year of the share charts and the table's order.
#[derive(Clone, Copy)]
struct SegView {
    app: AppState,
    ctx: ReportCtx,
    lang: Locale,
    dim: Memo<Option<Arc<Dimension>>>,
    result: Memo<Option<Arc<DimensionResult>>>,
    year: Memo<i32>,
    /// Index of `year` in the result's years.
    t_index: Memo<usize>,
    sort: RwSignal<Sort>,
    unit: StoredValue<Unit>,
}

impl SegView {
    fn t(&self, m: SegMsg) -> &'static str {
        m.text(self.lang)
    }

    /// `f` of the dimension and its result, or `fallback` while there is none (as the view is
    /// torn down after the model failed).
    fn with<T>(&self, fallback: T, f: impl FnOnce(&Dimension, &DimensionResult) -> T) -> T {
        self.dim.with(|d| {
            self.result.with(|r| match (d, r) {
                (Some(d), Some(r)) => f(d, r),
                _ => fallback,
            })
        })
    }
}

#[component]
pub fn Segments() -> impl IntoView {
    let app = use_app();
    let ctx = use_report();
    // Kept across a change of language, which rebuilds the view.
    let sort = RwSignal::new(Sort::default());
    let dim = Memo::new(move |_| chosen_dimension_only(app, ctx).map(Arc::new));
    let result = Memo::new(move |_| {
        let id = dim.with(|d| d.as_ref().map(|d| d.id.clone()))?;
        ctx.computed.with(|c| {
            c.as_ref()
                .ok()?
                .dimensions
                .iter()
                .flatten()
                .find(|d| d.dimension == id)
                .cloned()
                .map(Arc::new)
        })
    });
    let shown = Memo::new(move |_| result.with(Option::is_some));
    let (forecast_to, unit) = ctx.with(|r| (r.meta.forecast.to, r.headline_unit()));
    let unit = StoredValue::new(unit);
    let year = Memo::new(move |_| {
        let chosen = app.share_year.get();
        result
            .with(|r| chosen.filter(|y| r.as_ref().is_some_and(|r| r.years.contains(y))))
            .unwrap_or(forecast_to)
    });
    let t_index = Memo::new(move |_| {
        let y = year.get();
        result
            .with(|r| r.as_ref()?.years.iter().position(|x| *x == y))
            .unwrap_or(0)
    });
    let body = move || {
        let lang = app.locale.get();
        if !shown.get() {
            return view! { <p class="notice error">{Msg::EngineErrorPrefix.text(lang)}</p> }
                .into_any();
        }
        let v = SegView {
            app,
            ctx,
            lang,
            dim,
            result,
            year,
            t_index,
            sort,
            unit,
        };
        view! {
            <Controls v=v />
            <Notes v=v />
            <StackedChart v=v />
            // On a wide screen the table stands beside the donut, or under the donut and the
            // treemap when the dimension has one (style/main.css).
            <div class="share-charts">
                <ShareChart v=v />
                <Treemap v=v />
                <SegmentTable v=v />
            </div>
        }
        .into_any()
    };
    view! {
        // The charts and the table are this view's sections, right under the report's title.
        // (A Provider, not provide_context: the lazily loaded view is built outside the owner
        // it was created in, and the Provider's view keeps its owner for the build.)
        <Provider value=ChartTitlesAtLevel2>
            <div class="view-body">
                {body}
                <Show when=move || shown.get()>
                    <ExportBar data=ViewData::Segments />
                </Show>
            </div>
        </Provider>
    }
}

/// The dimension and year pickers.
#[component]
fn Controls(v: SegView) -> impl IntoView {
    let (app, lang) = (v.app, v.lang);
    let dim_id = Memo::new(move |_| {
        v.dim
            .with(|d| d.as_ref().map(|d| d.id.clone()).unwrap_or_default())
    });
    let options = v
        .ctx
        .with(|r| {
            r.dimensions
                .iter()
                .map(|d| (d.id.clone(), local(&d.name, lang)))
                .collect::<Vec<_>>()
        })
        .into_iter()
        .map(|(id, name)| {
            let value = id.clone();
            view! {
                <option value=id prop:selected=move || dim_id.with(|d| *d == value)>
                    {name}
                </option>
            }
        })
        .collect_view();
    let years = Memo::new(move |_| v.with(Vec::new(), |_, r| r.years.clone()));
    let year = v.year;
    view! {
        <div class="controls-row">
            <label class="control">
                <span>{v.t(SegMsg::Dimension)}</span>
                <select
                    data-testid="dimension-picker"
                    on:change=move |ev| app.dimension.set(Some(event_target_value(&ev)))
                >
                    {options}
                </select>
            </label>
            <label class="control">
                <span>{v.t(SegMsg::Year)}</span>
                <select
                    data-testid="year-picker"
                    on:change=move |ev| app.share_year.set(event_target_value(&ev).parse().ok())
                >
                    <For
                        each=move || years.get()
                        key=|y| *y
                        children=move |y| {
                            view! {
                                <option value=y.to_string() prop:selected=move || year.get() == y>
                                    {y.to_string()}
                                </option>
                            }
                        }
                    />
                </select>
            </label>
        </div>
    }
}

/// How the segments reconcile with the total, and that every split is an assumption.
#[component]
fn Notes(v: SegView) -> impl IntoView {
    let reconciliation = Memo::new(move |_| {
        v.with(String::new(), |d, r| {
            let top: Vec<Vec<f64>> = r.top_level().map(|row| row.values.clone()).collect();
            let mode = if d.mode == ReconcileMode::BottomUp {
                SegMsg::BottomUp
            } else {
                SegMsg::TopDown
            };
            let gap = fill(
                v.t(SegMsg::Reconciles),
                &[&format::percent(reconciliation_gap(&top, &r.total), 6)],
            );
            crate::i18n::sentences(v.lang, &[v.t(mode), &gap])
        })
    });
    view! {
        <div class="notes">
            <p class="check info" data-testid="reconciliation">
                {move || reconciliation.get()}
            </p>
            <p class="check warning" data-testid="assumption-note">
                {format!("{} ", v.t(SegMsg::AssumptionNote))}
                <Badge of=Provenance::Assumption locale=v.lang />
            </p>
        </div>
    }
}

/// The segments stacked over the years.
#[component]
fn StackedChart(v: SegView) -> impl IntoView {
    let spec = Memo::new(move |_| {
        v.unit.with_value(|unit| {
            v.with(XySpec::empty("segments-stacked"), |d, r| {
                stacked_spec(d, r, unit, v.lang)
            })
        })
    });
    view! { <XyChart spec=spec narrow=v.app.narrow_layout locale=v.lang /> }
}

fn stacked_spec(dim: &Dimension, r: &DimensionResult, unit: &Unit, locale: Locale) -> XySpec {
    let dim_name = local(&dim.name, locale);
    let over_time = fill(SegMsg::OverTime.text(locale), &[&dim_name]);
    XySpec {
        name: "segments-stacked".into(),
        title: largest_title(r, &|m| member_name(dim, m, locale), &dim_name, locale)
            .unwrap_or_else(|| over_time.clone()),
        subtitle: Some(over_time),
        description: SegMsg::OverTimeDesc.text(locale).into(),
        series: r
            .top_level()
            .enumerate()
            .map(|(i, row)| Series {
                key: row.member.clone(),
                label: member_name(dim, &row.member, locale),
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
        x_title: SegMsg::Year.text(locale).into(),
        notes: Vec::new(),
        tall: false,
    }
}

/// The top-level segments' shares in the chosen year.
#[component]
fn ShareChart(v: SegView) -> impl IntoView {
    let spec = Memo::new(move |_| {
        let (year, t) = (v.year.get(), v.t_index.get());
        let slices = v.with(Vec::new(), |d, r| share_slices(d, r, t, v.lang));
        let dim_name = v.dim.with(|d| {
            d.as_ref()
                .map(|d| local(&d.name, v.lang))
                .unwrap_or_default()
        });
        DonutSpec {
            name: "segments-share".into(),
            title: fill(v.t(SegMsg::ShareIn), &[&dim_name, &year.to_string()]),
            description: v.t(SegMsg::ShareDesc).into(),
            slices,
            unit: v.unit.get_value(),
        }
    });
    view! { <DonutChart spec=spec locale=v.lang /> }
}

fn share_slices(dim: &Dimension, r: &DimensionResult, t: usize, locale: Locale) -> Vec<Slice> {
    r.top_level()
        .enumerate()
        .map(|(i, row)| Slice {
            key: row.member.clone(),
            label: member_name(dim, &row.member, locale),
            value: row.values.get(t).copied().unwrap_or(0.0),
            color: i,
            provenance: r.provenance,
        })
        .collect()
}

/// Regions and their countries in the chosen year: only for a dimension with sub-segments.
#[component]
fn Treemap(v: SegView) -> impl IntoView {
    let nested = Memo::new(move |_| {
        v.dim.with(|d| {
            d.as_ref()
                .is_some_and(|d| d.members.iter().any(|m| !m.children.is_empty()))
        })
    });
    let spec = Memo::new(move |_| {
        let (year, t) = (v.year.get(), v.t_index.get());
        let (dim_name, nodes) = v.with(Default::default(), |d, r| {
            (local(&d.name, v.lang), treemap_nodes(d, r, t, v.lang))
        });
        TreemapSpec {
            name: "segments-treemap".into(),
            title: fill(v.t(SegMsg::TreemapTitle), &[&dim_name, &year.to_string()]),
            description: v.t(SegMsg::TreemapDesc).into(),
            nodes,
            unit: v.unit.get_value(),
        }
    });
    move || {
        nested.get().then(|| {
            view! { <TreemapChart spec=spec narrow=v.app.narrow_layout locale=v.lang /> }
        })
    }
}

fn treemap_nodes(
    dim: &Dimension,
    r: &DimensionResult,
    t: usize,
    locale: Locale,
) -> Vec<TreemapNode> {
    let node = |m: &Member, color: usize, children: Vec<TreemapNode>| TreemapNode {
        key: m.id.clone(),
        label: pick(&m.name, locale).0.to_string(),
        value: r
            .row(&m.id)
            .and_then(|row| row.values.get(t).copied())
            .unwrap_or(0.0),
        color,
        provenance: r.provenance,
        children,
    };
    dim.members
        .iter()
        .enumerate()
        .map(|(i, m)| {
            node(
                m,
                i,
                m.children.iter().map(|c| node(c, i, vec![])).collect(),
            )
        })
        .collect()
}

/// The segments in the chosen year, sortable by name, value and CAGR; rows keyed by member,
/// so a new order moves them and a new year rewrites their cells.
#[component]
fn SegmentTable(v: SegView) -> impl IntoView {
    let (sort, lang) = (v.sort, v.lang);
    let rows = Memo::new(move |_| {
        let (t, order) = (v.t_index.get(), sort.get());
        v.unit.with_value(|unit| {
            v.ctx.shown(lang, |s| {
                v.with(Vec::new(), |d, r| table_rows(d, r, t, order, unit, s))
            })
        })
    });
    let members = Memo::new(move |_| {
        rows.with(|rows| rows.iter().map(|r| r.member.clone()).collect::<Vec<_>>())
    });
    // The CAGR's span: base year to the last year.
    let span = Memo::new(move |_| {
        let year = v.year.get();
        v.with((year, year), |_, r| {
            (
                r.years.get(r.base_index).copied().unwrap_or(year),
                r.years.last().copied().unwrap_or(year),
            )
        })
    });
    let value_heading =
        Signal::derive(move || format!("{} {}", Msg::Value.text(lang), v.year.get()));
    let cagr_heading = Signal::derive(move || {
        let (from, to) = span.get();
        fill(v.t(SegMsg::Cagr), &[&from.to_string(), &to.to_string()])
    });
    let name_heading = Signal::derive(move || Msg::Segment.text(lang).to_string());
    view! {
        <section class="segment-table">
            <h2>{move || fill(v.t(SegMsg::TableTitle), &[&v.year.get().to_string()])}</h2>
            <TableScroll locale=lang>
                <table data-testid="segment-table">
                    <thead>
                        <tr>
                            {sort_heading(sort, SortKey::Name, name_heading, false)}
                            {sort_heading(sort, SortKey::Value, value_heading, true)}
                            <th scope="col" class="num">{Msg::Share.text(lang)}</th>
                            {sort_heading(sort, SortKey::Cagr, cagr_heading, true)}
                            <th scope="col">{v.t(SegMsg::Source)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        <For
                            each=move || members.get()
                            key=|m| m.clone()
                            children=move |m| segment_row(rows, m, lang)
                        />
                    </tbody>
                </table>
            </TableScroll>
        </section>
    }
}

/// A column heading whose button sorts the table by `key` (again: the other way); a column of
/// figures has its heading over their right edge, as they are aligned.
fn sort_heading(
    sort: RwSignal<Sort>,
    key: SortKey,
    label: Signal<String>,
    figures: bool,
) -> AnyView {
    view! {
        <th scope="col" class=figures.then_some("num") aria-sort=move || sort.get().aria(key)>
            <button class="sort" on:click=move |_| sort.update(|s| *s = s.clicked(key))>
                {label}
            </button>
        </th>
    }
    .into_any()
}

/// One segment's row, each cell bound to its text.
fn segment_row(rows: Memo<Vec<TableRow>>, member: String, locale: Locale) -> AnyView {
    let row = {
        let member = member.clone();
        Memo::new(move |_| rows.with(|rows| rows.iter().find(|r| r.member == member).cloned()))
    };
    let cell = move |text: fn(&TableRow) -> String| {
        move || row.with(|r| r.as_ref().map(text).unwrap_or_default())
    };
    let source = Memo::new(move |_| {
        row.with(|r| r.as_ref().map_or(Provenance::Assumption, |r| r.provenance))
    });
    view! {
        <tr
            data-member=member
            class=move || row.with(|r| r.as_ref().is_some_and(|r| r.child).then_some("child"))
        >
            <th scope="row">{cell(|r| r.name.clone())}</th>
            <td class="num">{cell(|r| r.value.clone())}</td>
            <td class="num">{cell(|r| r.share.clone())}</td>
            <td class="num">{cell(|r| r.cagr.clone())}</td>
            <td>
                <span class=move || badge_class(source.get())>
                    {move || provenance(locale, source.get())}
                </span>
            </td>
        </tr>
    }
    .into_any()
}
