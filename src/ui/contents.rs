//! Contents view: the report's chapter tree and its list of tables and figures. A listed table
//! that the model can rebuild from its segments opens, right under the item, as a clearly
//! labelled model estimate (table and chart) — never as values from the source.
//!
//! The view is rebuilt on a change of language (every text in it is plain); what the reader
//! opened (chapters, estimate panels) lives in signals above it and survives that. Only an
//! open estimate follows the model and the reader's currency.

use super::charts::{x_label, XyChart, XySpec};
use super::common::{local, local_view, Badge, Section, TableScroll};
use super::state::{use_app, use_report, AppState, ReportCtx};
use crate::chart::series::estimate_series;
use crate::domain::engine::error::EngineError;
use crate::domain::format::Locale;
use crate::domain::listed::{estimate, Estimate};
use crate::domain::schema::{Chapter, ListedItem, ListedKind, LocalText, Provenance, Unit};
use crate::i18n::contents::{cell, number_label, years_label, ContMsg};
use crate::i18n::errors::engine_reason;
use crate::i18n::{fill, Message, Msg};
use leptos::prelude::*;
use std::collections::BTreeSet;
use std::sync::Arc;

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
    // The first top-level chapter with sub-chapters starts open.
    let first = ctx.with(|r| {
        r.contents
            .chapters
            .iter()
            .position(|c| !c.children.is_empty())
    });
    let chapters_open = RwSignal::new(first.into_iter().collect::<BTreeSet<_>>());
    let estimates_open = RwSignal::new(BTreeSet::new());
    let body = move || {
        let lang = app.locale.get();
        view! {
            <div class="contents">
                {chapter_tree(ctx, chapters_open, lang)}
                {listed_section(app, ctx, estimates_open, lang)}
            </div>
        }
    };
    view! { <div class="view-body">{body}</div> }
}

/// Number and title of a chapter.
fn chapter_line(c: &Chapter, lang: Locale) -> impl IntoView {
    view! {
        <span class="toc-num">{c.number.clone()}</span>
        " "
        {local_view(&c.title, lang)}
    }
}

/// A nested list of sub-chapters, to any depth.
fn sub_list(chapters: &[Chapter], depth: usize, lang: Locale) -> AnyView {
    let entries = chapters
        .iter()
        .map(|c| {
            let deeper = (!c.children.is_empty()).then(|| sub_list(&c.children, depth + 1, lang));
            view! {
                <li class="toc-entry" data-number=c.number.clone()>
                    <span class="toc-line">{chapter_line(c, lang)}</span>
                    {deeper}
                </li>
            }
        })
        .collect_view();
    view! { <ol class=format!("toc-sub depth-{depth}")>{entries}</ol> }.into_any()
}

fn chapter_tree(ctx: ReportCtx, open: RwSignal<BTreeSet<usize>>, lang: Locale) -> impl IntoView {
    let chapters = ctx.with(|r| r.contents.chapters.clone());
    // Only top-level chapters with sub-chapters fold; the others are plain entries.
    let collapsible: Arc<[usize]> = chapters
        .iter()
        .enumerate()
        .filter(|(_, c)| !c.children.is_empty())
        .map(|(i, _)| i)
        .collect();
    let all_open = {
        let collapsible = collapsible.clone();
        Memo::new(move |_| open.with(|o| collapsible.iter().all(|i| o.contains(i))))
    };
    let toggle_all = (!collapsible.is_empty()).then(|| {
        let toggle = move |_| {
            open.set(if all_open.get_untracked() {
                BTreeSet::new()
            } else {
                collapsible.iter().copied().collect()
            })
        };
        view! {
            <button
                type="button"
                class="link toc-toggle-all"
                data-testid="toggle-all-chapters"
                aria-controls="toc-tree"
                on:click=toggle
            >
                {move || {
                    if all_open.get() { ContMsg::CollapseAll } else { ContMsg::ExpandAll }.text(lang)
                }}
            </button>
        }
    });
    let items = chapters
        .iter()
        .enumerate()
        .map(|(i, c)| {
            if c.children.is_empty() {
                return view! {
                    <li class="toc-chapter leaf" data-testid="chapter" data-number=c.number.clone()>
                        <span class="toc-line">{chapter_line(c, lang)}</span>
                    </li>
                }
                .into_any();
            }
            // The summary's click toggles the signal instead of the element, so the `open`
            // attribute always follows the signal.
            let toggle = move |ev: leptos::ev::MouseEvent| {
                ev.prevent_default();
                flip(open, i);
            };
            view! {
                <li class="toc-chapter" data-testid="chapter" data-number=c.number.clone()>
                    <details class="toc-details" open=move || open.with(|o| o.contains(&i))>
                        <summary on:click=toggle>{chapter_line(c, lang)}</summary>
                        {sub_list(&c.children, 2, lang)}
                    </details>
                </li>
            }
            .into_any()
        })
        .collect_view();
    view! {
        <section class="toc-section" aria-labelledby="toc-h">
            <div class="toc-header">
                <h2 id="toc-h">{ContMsg::Chapters.text(lang)}</h2>
                {toggle_all}
            </div>
            <p class="toc-intro">{ContMsg::ChaptersIntro.text(lang)}</p>
            <ol class="toc" id="toc-tree" data-testid="contents-tree">
                {items}
            </ol>
        </section>
    }
}

fn listed_section(
    app: AppState,
    ctx: ReportCtx,
    open: RwSignal<BTreeSet<usize>>,
    lang: Locale,
) -> impl IntoView {
    let items = ctx.with(|r| r.contents.listed.clone());
    let body = if items.is_empty() {
        view! { <p class="muted">{ContMsg::NoListed.text(lang)}</p> }.into_any()
    } else {
        let entries = items
            .into_iter()
            .enumerate()
            .map(|(index, item)| listed_entry(app, ctx, open, index, item, lang))
            .collect_view();
        view! {
            <p class="listed-intro">{ContMsg::ListedIntro.text(lang)}</p>
            <ul class="listed" data-testid="listed-items">
                {entries}
            </ul>
        }
        .into_any()
    };
    view! {
        <Section class="listed-section" id="listed" heading=ContMsg::Listed.text(lang)>
            {body}
        </Section>
    }
}

fn listed_entry(
    app: AppState,
    ctx: ReportCtx,
    open: RwSignal<BTreeSet<usize>>,
    index: usize,
    item: ListedItem,
    lang: Locale,
) -> AnyView {
    let kind_tag = match item.kind {
        ListedKind::Table => "table",
        ListedKind::Figure => "figure",
    };
    let years = item.years.map(|y| {
        view! {
            <span class="listed-years">
                <span class="dyn-sr">{ContMsg::Years.text(lang)}</span>
                {years_label(y)}
            </span>
        }
    });
    let unit = item.unit_label.as_ref().map(|u| {
        view! { <span class="listed-unit">{fill(ContMsg::UnitLabel.text(lang), &[u])}</span> }
    });
    let head = view! {
        <div class="listed-head">
            <span class="listed-num">{number_label(&item.number, item.kind, lang)}</span>
            <span class="listed-title">{local_view(&item.title, lang)}</span>
            <span class="listed-meta">{years}{unit}</span>
        </div>
    };
    let estimate = match item.reconstruct.is_some() {
        false => view! {
            <p class="muted not-reconstructable">{ContMsg::NotReconstructable.text(lang)}</p>
        }
        .into_any(),
        true => {
            let is_open = Memo::new(move |_| open.with(|s| s.contains(&index)));
            let panel_id = format!("estimate-panel-{index}");
            let item = Arc::new(item);
            view! {
                <button
                    type="button"
                    class="estimate-toggle"
                    data-testid="open-estimate"
                    aria-expanded=move || is_open.get().to_string()
                    aria-controls=panel_id.clone()
                    on:click=move |_| flip(open, index)
                >
                    {move || {
                        if is_open.get() { ContMsg::CloseEstimate } else { ContMsg::OpenEstimate }
                            .text(lang)
                    }}
                </button>
                {move || {
                    is_open
                        .get()
                        .then(|| estimate_panel(app, ctx, item.clone(), index, panel_id.clone(), lang))
                }}
            }
            .into_any()
        }
    };
    view! {
        <li class="listed-item" data-testid="listed-item" data-kind=kind_tag>
            {head}
            {estimate}
        </li>
    }
    .into_any()
}

type Rebuilt = Result<Option<Arc<Estimate>>, EngineError>;

/// What the panel shows: which branch, so the branch is rebuilt only when it changes.
#[derive(Clone, Copy, PartialEq)]
enum Shown {
    Failed,
    Unavailable,
    Table,
}

fn estimate_panel(
    app: AppState,
    ctx: ReportCtx,
    item: Arc<ListedItem>,
    index: usize,
    id: String,
    lang: Locale,
) -> impl IntoView {
    let t = move |m: ContMsg| m.text(lang);
    let data: Memo<Rebuilt> = {
        let item = item.clone();
        Memo::new(move |_| {
            let rc = item.reconstruct.as_ref();
            ctx.computed.with(|c| match c {
                Ok(c) => Ok(
                    rc.and_then(|rc| ctx.with(|r| estimate(r, c, rc, item.years)).map(Arc::new))
                ),
                Err(e) => Err(*e),
            })
        })
    };
    let provenance = Memo::new(move |_| match data.get() {
        Ok(Some(e)) => e.provenance,
        _ => Provenance::Assumption,
    });
    let shown = Memo::new(move |_| {
        data.with(|d| match d {
            Err(_) => Shown::Failed,
            Ok(None) => Shown::Unavailable,
            Ok(Some(_)) => Shown::Table,
        })
    });
    let unit = ctx.with(|r| {
        r.headline_series().map_or_else(
            || Unit::Currency(r.meta.currency.clone()),
            |s| s.unit.clone(),
        )
    });
    let explain = move || {
        if provenance.get() == Provenance::Scenario {
            crate::i18n::sentences(
                lang,
                &[t(ContMsg::EstimateExplain), t(ContMsg::EstimateScenario)],
            )
        } else {
            t(ContMsg::EstimateExplain).to_string()
        }
    };
    let content = move || match shown.get() {
        Shown::Failed => {
            let reason = data.with_untracked(|d| match d {
                Err(e) => engine_reason(e, lang),
                Ok(_) => String::new(),
            });
            view! { <p class="muted">{fill(t(ContMsg::CannotCompute), &[&reason])}</p> }.into_any()
        }
        Shown::Unavailable => view! { <p class="muted">{t(ContMsg::Unavailable)}</p> }.into_any(),
        Shown::Table => {
            // The last estimate drawn, kept while the branch is torn down.
            let seed = data.with_untracked(|d| d.clone().ok().flatten());
            let est = Memo::new(
                move |prev: Option<&Option<Arc<Estimate>>>| match data.get() {
                    Ok(Some(e)) => Some(e),
                    _ => prev.cloned().flatten().or_else(|| seed.clone()),
                },
            );
            view! {
                {estimate_table(est, item.clone(), unit.clone(), lang)}
                {estimate_chart(app, est, item.clone(), unit.clone(), index, lang)}
            }
            .into_any()
        }
    };
    view! {
        <div
            class="estimate-panel"
            id=id
            data-testid="estimate-panel"
            role="region"
            aria-label=t(ContMsg::EstimateLabel)
        >
            <p class="estimate-label">
                <strong>{t(ContMsg::EstimateLabel)}</strong>
                " "
                <Badge of=provenance locale=lang />
            </p>
            <p class="estimate-explain">{explain}</p>
            {content}
        </div>
    }
}

/// A row of the rebuilt table as shown: its cells already in the listed unit.
#[derive(Clone, PartialEq)]
struct ShownRow {
    key: String,
    name: LocalText,
    child: bool,
    cells: Vec<String>,
}

/// The rebuilt table. Not the shared `DataTableView`: this one carries its provenance, indents a
/// member's children and marks rows by member, which `TableData` has no room for.
fn estimate_table(
    est: Memo<Option<Arc<Estimate>>>,
    item: Arc<ListedItem>,
    unit: Unit,
    lang: Locale,
) -> impl IntoView {
    let years =
        Memo::new(move |_| est.with(|e| e.as_ref().map(|e| e.years.clone()).unwrap_or_default()));
    let unit_label = item.unit_label.clone();
    let ctx = use_report();
    let rows = Memo::new(move |_| {
        est.with(|e| {
            let Some(e) = e else { return Vec::new() };
            ctx.shown(lang, |shown| {
                e.rows
                    .iter()
                    .map(|row| ShownRow {
                        key: row.key.clone(),
                        name: row.name.clone(),
                        child: row.child,
                        cells: row
                            .values
                            .iter()
                            .map(|v| cell(*v, unit_label.as_deref(), &unit, shown))
                            .collect(),
                    })
                    .collect::<Vec<_>>()
            })
        })
    });
    let provenance = move || {
        est.with(|e| {
            e.as_ref()
                .map(|e| crate::i18n::provenance(Locale::En, e.provenance))
        })
    };
    let caption = fill(
        ContMsg::TableCaption.text(lang),
        &[&local(&item.title, lang)],
    );
    view! {
        <TableScroll locale=lang>
            <table class="estimate-table" data-testid="estimate-table" data-provenance=provenance>
                <caption>{caption}</caption>
                <thead>
                    <tr>
                        <th scope="col">{Msg::Segment.text(lang)}</th>
                        <For
                            each=move || years.get()
                            key=|y| *y
                            children=|y| {
                                view! {
                                    <th class="num" scope="col">
                                        {x_label(f64::from(y))}
                                    </th>
                                }
                            }
                        />
                    </tr>
                </thead>
                <tbody>
                    // Keyed by member and cells: a row whose numbers changed is drawn anew.
                    <For
                        each=move || rows.get()
                        key=|row| (row.key.clone(), row.cells.clone())
                        children=move |row| {
                            let cells = row
                                .cells
                                .into_iter()
                                .map(|c| view! { <td class="num">{c}</td> })
                                .collect_view();
                            view! {
                                <tr class=row.child.then_some("child") data-member=row.key>
                                    <th scope="row">{local_view(&row.name, lang)}</th>
                                    {cells}
                                </tr>
                            }
                        }
                    />
                </tbody>
            </table>
        </TableScroll>
    }
}

/// The rebuilt table as a chart: one member and its children as lines, a whole dimension as
/// stacked bars.
fn estimate_chart(
    app: AppState,
    est: Memo<Option<Arc<Estimate>>>,
    item: Arc<ListedItem>,
    unit: Unit,
    index: usize,
    lang: Locale,
) -> impl IntoView {
    let title = local(&item.title, lang);
    let spec = Memo::new(move |_| {
        let t = |m: ContMsg| m.text(lang);
        est.with(|e| {
            let (single, provenance, series) = match e {
                Some(e) => (
                    e.single,
                    e.provenance,
                    estimate_series(e, e.rows.iter().map(|r| local(&r.name, lang)).collect()),
                ),
                None => (false, Provenance::Assumption, Vec::new()),
            };
            let mut notes = Vec::new();
            if single {
                notes.push((Msg::NoteHistory.text(lang).to_string(), "g-solid"));
                notes.push((Msg::NoteForecast.text(lang).to_string(), "g-dashed"));
            }
            if provenance == Provenance::Scenario {
                notes.push((t(ContMsg::NoteScenario).to_string(), "g-scenario"));
            } else if single {
                notes.push((t(ContMsg::NoteAssumption).to_string(), "g-assumption"));
            }
            XySpec {
                subtitle: None,
                name: format!("estimate-{index}"),
                title: title.clone(),
                description: fill(t(ContMsg::ChartDesc), &[&title]),
                series,
                unit: unit.clone(),
                x_title: Msg::YearAxis.text(lang).into(),
                notes,
                tall: false,
            }
        })
    });
    view! { <XyChart spec=spec narrow=app.narrow_layout locale=lang /> }
}
