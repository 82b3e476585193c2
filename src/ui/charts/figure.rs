//! The chart frame as a Leptos component: caption, legend toggles, the drawing, the readout,
//! the actions and the table view, around a scene, from `Frame`'s logic (legend rows, callout,
//! export title). Every chart kind (x/y, donut, treemap, tornado) draws through it. The chart owns what the reader did to it: hidden series,
//! the mark pointed at, the readout, the table and legend toggles; each part reads only those
//! it shows, so pointing at a mark redraws the callout and the readout, nothing else.

use super::frame::{legend_more_text, ChartMsg, Frame, LegendRow};
use super::marks::{Pointing, Scene, SceneMarks};
use crate::chart::scene::SvgNode;
use crate::i18n::{Locale, Message, Msg, Shown};
use crate::ui::exports::{chart_button, ExportJob};
use crate::ui::lazy::LazyChartTable;
use crate::ui::seen::seen_ticks;
use crate::ui::state::{AppState, ReportCtx};
use leptos::either::Either;
use leptos::prelude::*;
use std::collections::BTreeSet;
use std::sync::Arc;

/// Provided by a view whose charts stand directly under the report's title (no level-2 section
/// around them, as in Segments): their titles are `<h2>`, so the outline never skips a level.
/// Without it a chart's title is `<h3>`, under its view's level-2 headings.
#[derive(Clone, Copy)]
pub struct ChartTitlesAtLevel2;

/// A chart's own state: what the reader did to it.
#[derive(Clone, Copy)]
pub struct ChartState {
    pub hidden: RwSignal<BTreeSet<String>>,
    pub pointing: Pointing,
    pub table: RwSignal<bool>,
    pub legend_open: RwSignal<bool>,
}

impl ChartState {
    pub fn new() -> Self {
        ChartState {
            hidden: RwSignal::new(BTreeSet::new()),
            pointing: Pointing {
                active: RwSignal::new(None),
                readout: RwSignal::new(None),
                read_key: RwSignal::new(None),
            },
            table: RwSignal::new(false),
            legend_open: RwSignal::new(false),
        }
    }
}

impl Default for ChartState {
    fn default() -> Self {
        Self::new()
    }
}

/// A chart kind's spec: what it is called and how it draws (its frame and pure scene, with the
/// series the reader hid left out). Every kind's component is [`spec_chart`] over its spec.
pub trait ChartSpec: Send + Sync + 'static {
    fn name(&self) -> String;
    fn drawing(
        &self,
        hidden: &BTreeSet<String>,
        narrow: bool,
        shown: Shown,
    ) -> (Frame, Vec<SvgNode>);
}

/// A chart following its spec, with its own state: the drawing is one memo and the frame and
/// scene each their own, so a change that keeps the frame redraws no caption.
pub fn spec_chart<S: ChartSpec>(
    spec: Signal<S>,
    narrow: Signal<bool>,
    locale: Locale,
) -> impl IntoView {
    let state = ChartState::new();
    // Off screen, the chart draws once the spec rests (a slider being dragged above it).
    let figure = NodeRef::new();
    let ticks = seen_ticks(figure, move || spec.track());
    // Inside a report, money follows the reader's conversion (an imported table's preview
    // has none): the drawing reads it, so a new rate redraws the chart and keeps its state.
    let conversion = use_context::<ReportCtx>().map(|ctx| ctx.conversion);
    let drawing = Memo::new(move |_| {
        let narrow = narrow.get();
        ticks.track();
        let draw = |shown: Shown| {
            spec.with_untracked(|s| state.hidden.with(|h| s.drawing(h, narrow, shown)))
        };
        match conversion {
            Some(c) => c.with(|c| draw(Shown::new(locale, c.as_ref()))),
            None => draw(Shown::as_reported(locale)),
        }
    });
    let frame = Memo::new(move |_| drawing.with(|d| d.0.clone()));
    let scene = Memo::new(move |_| drawing.with(|d| Arc::new(Scene::new(d.1.clone()))));
    let name = spec.with_untracked(S::name);
    view! { <ChartFigure name=name frame=frame scene=scene state=state locale=locale figure=figure /> }
}

/// A chart around `scene`, named `name` (`data-chart`, ids).
#[component]
pub fn ChartFigure(
    name: String,
    frame: Memo<Frame>,
    scene: Memo<Arc<Scene>>,
    state: ChartState,
    locale: Locale,
    /// The `<figure>`, for whoever watches it.
    #[prop(optional)]
    figure: NodeRef<leptos::html::Figure>,
) -> impl IntoView {
    let title_id = format!("{name}-t");
    let desc_id = format!("{name}-d");
    let legend_id = format!("{name}-legend");
    let ChartState {
        hidden,
        pointing,
        table,
        legend_open,
    } = state;
    let t = move |m: Msg| m.text(locale);
    // The active mark's callout, drawn last so it sits on top.
    let callout = Memo::new(move |_| {
        let active = pointing.active.get();
        let tip = scene.with(|s| frame.with(|f| f.callout(s.nodes(), active.as_deref())));
        Arc::new(Scene::new(tip))
    });
    let legend = Memo::new(move |_| frame.with(Frame::legend_rows));
    let legend_row = move |row: LegendRow| match row {
        LegendRow::Series {
            ref key,
            ref label,
            ref swatch,
            ..
        } => {
            let key = key.clone();
            let k = key.clone();
            Either::Left(view! {
                <li class=row.class()>
                    <button
                        class="legend-item"
                        aria-pressed=move || (!hidden.with(|h| h.contains(&k))).to_string()
                        on:click=move |_| {
                            hidden
                                .update(|h| {
                                    if !h.remove(&key) {
                                        h.insert(key.clone());
                                    }
                                })
                        }
                    >
                        <span class=swatch.clone() aria-hidden="true"></span>
                        {label.clone()}
                    </button>
                </li>
            })
        }
        LegendRow::Note {
            ref text,
            ref glyph,
            ..
        } => Either::Right(view! {
            <li class=row.class()>
                <span class=glyph.clone() aria-hidden="true"></span>
                {text.clone()}
            </li>
        }),
    };
    let more = {
        let legend_id = legend_id.clone();
        move || {
            let folded = legend.with(|l| l.1);
            (folded > 0).then(|| {
                view! {
                    <li class="legend-more-li">
                        <button
                            class="link legend-more"
                            type="button"
                            aria-expanded=move || legend_open.get().to_string()
                            aria-controls=legend_id.clone()
                            data-testid="legend-more"
                            on:click=move |_| legend_open.update(|o| *o = !*o)
                        >
                            {move || legend_more_text(legend_open.get(), folded, locale)}
                        </button>
                    </li>
                }
            })
        }
    };
    // What the mark says now (a new rate rewrites it), or what it said while it is not drawn.
    let readout = move || match pointing.readout.get() {
        Some(said) => Either::Left(
            pointing
                .read_key
                .with(|k| scene.with(|s| s.label(k.as_deref()?).map(str::to_string)))
                .unwrap_or(said),
        ),
        None => Either::Right(view! {
            // Before a point is chosen: how to choose one, worded for a mouse or for touch
            // (CSS shows the one that fits the device: `hover: none` / `pointer: coarse`).
            <span class="hint-hover">{t(Msg::ChartHint)}</span>
            <span class="hint-touch">{ChartMsg::TapHint.text(locale)}</span>
        }),
    };
    let app = use_context::<AppState>();
    let ctx = use_context::<ReportCtx>();
    let status = crate::ui::exports::ExportStatus::find();
    let export_button = {
        let name = name.clone();
        move |png: bool| {
            let (label, text, testid) = chart_button(png);
            let name = name.clone();
            view! {
                <button
                    class="link chart-export"
                    aria-label=label.text(locale)
                    data-testid=testid
                    on:click=move |_| {
                        let job = ExportJob::Chart {
                            name: name.clone(),
                            title: frame.with_untracked(Frame::export_title),
                            png,
                        };
                        crate::ui::exports::run(status, app, ctx, job)
                    }
                >
                    {text}
                </button>
            }
        }
    };
    let title = move || frame.with(|f| f.title.clone());
    let heading = if use_context::<ChartTitlesAtLevel2>().is_some() {
        Either::Left(view! { <h2 id=title_id.clone()>{title}</h2> })
    } else {
        Either::Right(view! { <h3 id=title_id.clone()>{title}</h3> })
    };
    let (show, hide) = (t(Msg::ShowTable), t(Msg::HideTable));
    let table_data = Memo::new(move |_| {
        frame.with(|f| super::frame::TableData {
            caption: f.title.clone(),
            ..f.table.clone()
        })
    });
    view! {
        <figure class="chart" data-chart=name.clone() node_ref=figure>
            <figcaption>
                {heading}
                {move || {
                    frame
                        .with(|f| f.subtitle.clone())
                        .map(|s| {
                            view! {
                                <p class="chart-subtitle" data-testid="chart-subtitle">
                                    {s}
                                </p>
                            }
                        })
                }}
                <p class="chart-desc" id=desc_id.clone()>
                    {move || frame.with(|f| f.description.clone())}
                </p>
            </figcaption>
            <ul
                class=move || if legend_open.get() { "legend open" } else { "legend" }
                id=legend_id
                aria-label=t(Msg::Legend)
            >
                <For
                    each=move || legend.with(|l| l.0.clone())
                    key=|row| row.clone()
                    children=legend_row
                />
                {more}
            </ul>
            <div
                class="chart-body"
                role="group"
                aria-labelledby=title_id
                aria-describedby=desc_id
            >
                <svg
                    class=move || frame.with(|f| f.svg_class)
                    viewBox=move || frame.with(|f| f.view_box.clone())
                    focusable="false"
                >
                    <SceneMarks scene=scene pointing=pointing />
                    <SceneMarks scene=callout pointing=pointing />
                </svg>
            </div>
            <p class="readout" aria-live="polite" data-testid="readout">
                {readout}
            </p>
            <div class="chart-actions">
                <button
                    class="link table-toggle"
                    aria-expanded=move || table.get().to_string()
                    on:click=move |_| table.update(|t| *t = !*t)
                >
                    {move || if table.get() { hide } else { show }}
                </button>
                {export_button(false)}
                {export_button(true)}
            </div>
            <Show when=move || table.get()>
                <LazyChartTable data=table_data locale=locale />
            </Show>
        </figure>
    }
}
