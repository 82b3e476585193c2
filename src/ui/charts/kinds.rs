//! The chart kinds: x/y (lines, stacked areas, bars, bands), donut and treemap.
//! Each turns its data into a pure scene (`crate::chart::scene`) plus legend and table, and
//! hands them to the shared frame.

use super::frame::{chart, Charts, Frame, LegendEntry, TableData};
use super::{is_interval_top, point_label, tick_label, value_text, x_label};
use crate::chart::label::end_label_room;
use crate::chart::palette::{swatch, used_notes};
use crate::chart::scene::SvgNode;
use crate::chart::scene::{donut_scene, treemap_scene, xy_scene, Cell, XyLabels};
use crate::chart::shapes::{treemap, Rect};
use crate::chart::xy::{end_labelled, layout_with, Series, SeriesKind, Size};
use crate::domain::format::{self, Locale};
use crate::domain::schema::{Provenance, Unit};
use crate::i18n::{provenance, Message, Msg};
use crate::ui::dom::Node;
use std::collections::BTreeSet;

#[derive(Debug, Clone, PartialEq)]
pub struct XySpec {
    pub name: String,
    pub title: String,
    /// What the chart is of (the series' name) under a title that says what it shows.
    pub subtitle: Option<String>,
    pub description: String,
    pub series: Vec<Series>,
    pub unit: Unit,
    pub x_title: String,
    pub notes: Vec<(String, &'static str)>,
    /// Taller drawing (overview headline).
    pub tall: bool,
}

/// "US$2.5 bn (reported)": a table cell that names where the value comes from.
fn sourced(value: f64, unit: &Unit, p: Provenance, locale: Locale) -> String {
    format!(
        "{} ({})",
        format::value(value, unit, locale),
        provenance(locale, p)
    )
}

/// A row of a share table: the value with its source, and the share of the total.
fn share_row(
    label: String,
    value: f64,
    p: Provenance,
    share: f64,
    unit: &Unit,
    locale: Locale,
) -> (String, Vec<String>) {
    (
        label,
        vec![sourced(value, unit, p, locale), format::percent(share, 1)],
    )
}

fn legend(series: &[Series]) -> Vec<LegendEntry> {
    series
        .iter()
        .map(|s| LegendEntry {
            key: s.key.clone(),
            label: s.label.clone(),
            color: s.color,
            swatch: swatch(s.kind),
        })
        .collect()
}

pub fn xy_chart(charts: Charts, spec: XySpec, narrow: bool, locale: Locale) -> Node {
    let ui = charts.get(&spec.name);
    let (frame, scene) = xy_drawing(&spec, &ui.hidden, narrow, locale);
    chart(charts, frame, scene, locale)
}

/// An x/y chart's frame and scene, with the series in `hidden` left out of the drawing: what
/// both renderings (the node builder above and the `XyChart` component) draw.
pub fn xy_drawing(
    spec: &XySpec,
    hidden: &BTreeSet<String>,
    narrow: bool,
    locale: Locale,
) -> (Frame, Vec<SvgNode>) {
    let size = match (narrow, spec.tall) {
        (true, tall) => Size {
            width: 360.0,
            height: if tall { 300.0 } else { 260.0 },
        },
        (false, tall) => Size {
            width: 800.0,
            height: if tall { 380.0 } else { 340.0 },
        },
    };
    // Few lines are named at their right end: the plot leaves room for the names.
    let room = if end_labelled(&spec.series, hidden) {
        end_label_room(size.width)
    } else {
        0.0
    };
    let g = layout_with(&spec.series, size, hidden, room);
    let unit = spec.unit.clone();
    let scene = xy_scene(
        &spec.series,
        &g,
        &XyLabels {
            x_title: &spec.x_title,
            x_tick: &x_label,
            y_tick: &|v| tick_label(v, &unit, locale),
            mark: &|series, d| {
                // The series' points say whether a ceiling is an interval's top ("< ¥100 bn").
                let points = spec
                    .series
                    .iter()
                    .find(|s| s.label == series && s.points.contains(d))
                    .map_or(&[][..], |s| s.points.as_slice());
                point_label(series, points, d, &unit, locale)
            },
        },
    );
    // Table: one row per x, one column per series, each cell with its provenance.
    let mut xs: Vec<f64> = spec
        .series
        .iter()
        .flat_map(|s| s.points.iter().map(|d| d.x))
        .collect();
    xs.sort_by(f64::total_cmp);
    xs.dedup();
    let table = TableData {
        caption: String::new(),
        corner: spec.x_title.clone(),
        columns: spec.series.iter().map(|s| s.label.clone()).collect(),
        rows: xs
            .iter()
            .map(|x| {
                let cells = spec
                    .series
                    .iter()
                    .map(|s| match s.points.iter().position(|d| d.x == *x) {
                        Some(i) if s.kind == SeriesKind::Band => {
                            let low = s.low.get(i).map_or_else(String::new, |l| {
                                format::value(*l, &spec.unit, locale)
                            });
                            format!(
                                "{low} – {}",
                                format::value(s.points[i].y, &spec.unit, locale)
                            )
                        }
                        Some(i) => {
                            // An interval is two marks at one x: "≥ ¥90 bn, < ¥100 bn (bound)".
                            let values: Vec<String> = s
                                .points
                                .iter()
                                .filter(|d| d.x == *x)
                                .map(|d| {
                                    let top = is_interval_top(&s.points, d);
                                    value_text(d.y, &spec.unit, d.bound, top, locale)
                                })
                                .collect();
                            format!(
                                "{} ({})",
                                values.join(", "),
                                provenance(locale, s.points[i].provenance)
                            )
                        }
                        None => "—".to_string(),
                    })
                    .collect();
                (x_label(*x), cells)
            })
            .collect(),
    };
    let frame = Frame {
        name: spec.name.clone(),
        title: spec.title.clone(),
        subtitle: spec.subtitle.clone(),
        description: spec.description.clone(),
        legend: legend(&spec.series),
        notes: used_notes(spec.notes.clone(), &spec.series),
        table,
        view_box: format!("0 0 {} {}", size.width, size.height),
        svg_class: if narrow { "xy narrow" } else { "xy" },
    };
    (frame, scene)
}

#[derive(Debug, Clone, PartialEq)]
pub struct Slice {
    pub key: String,
    pub label: String,
    pub value: f64,
    pub color: usize,
    pub provenance: Provenance,
}

pub fn donut_chart(
    charts: Charts,
    name: &str,
    title: String,
    description: String,
    slices: &[Slice],
    unit: &Unit,
    locale: Locale,
) -> Node {
    let ui = charts.get(name);
    let visible: Vec<&Slice> = slices
        .iter()
        .filter(|s| !ui.hidden.contains(&s.key))
        .collect();
    let total: f64 = visible
        .iter()
        .map(|s| s.value)
        .filter(|v| v.is_finite())
        .sum();
    let share = |v: f64| if total > 0.0 { v / total } else { 0.0 };
    let scene = donut_scene(
        &visible
            .iter()
            .map(|s| {
                let label = format!(
                    "{}: {} · {} ({})",
                    s.label,
                    format::value(s.value, unit, locale),
                    format::percent(share(s.value), 1),
                    provenance(locale, s.provenance)
                );
                (s.key.clone(), s.value, s.color, label)
            })
            .collect::<Vec<_>>(),
        &format::value(total, unit, locale),
    );
    let table = TableData {
        caption: String::new(),
        corner: Msg::Segment.text(locale).into(),
        columns: vec![
            Msg::Value.text(locale).into(),
            Msg::Share.text(locale).into(),
        ],
        rows: visible
            .iter()
            .map(|s| {
                share_row(
                    s.label.clone(),
                    s.value,
                    s.provenance,
                    share(s.value),
                    unit,
                    locale,
                )
            })
            .collect(),
    };
    chart(
        charts,
        Frame {
            name: name.to_string(),
            title,
            subtitle: None,
            description,
            legend: slices
                .iter()
                .map(|s| LegendEntry {
                    key: s.key.clone(),
                    label: s.label.clone(),
                    color: s.color,
                    swatch: "sw-block",
                })
                .collect(),
            notes: Vec::new(),
            table,
            view_box: "0 0 260 260".into(),
            svg_class: "donut",
        },
        scene,
        locale,
    )
}

#[derive(Debug, Clone, PartialEq)]
pub struct TreemapNode {
    pub key: String,
    pub label: String,
    pub value: f64,
    pub color: usize,
    pub provenance: Provenance,
    pub children: Vec<TreemapNode>,
}

/// What a treemap shows.
pub struct TreemapSpec<'a> {
    pub name: &'a str,
    pub title: String,
    pub description: String,
    pub nodes: &'a [TreemapNode],
    pub unit: &'a Unit,
}

pub fn treemap_chart(charts: Charts, spec: TreemapSpec<'_>, narrow: bool, locale: Locale) -> Node {
    let TreemapSpec {
        name,
        title,
        description,
        nodes,
        unit,
    } = spec;
    let ui = charts.get(name);
    let (w, h) = if narrow {
        (340.0, 300.0)
    } else {
        (800.0, 380.0)
    };
    let total: f64 = nodes.iter().map(|n| n.value).sum();
    let share = |v: f64| if total > 0.0 { v / total } else { 0.0 };
    let describe = |n: &TreemapNode| {
        format!(
            "{}: {} · {}",
            n.label,
            format::value(n.value, unit, locale),
            format::percent(share(n.value), 1)
        )
    };
    let shown: Vec<&TreemapNode> = nodes
        .iter()
        .filter(|n| !ui.hidden.contains(&n.key))
        .collect();
    let rects = treemap(
        &shown.iter().map(|n| n.value).collect::<Vec<_>>(),
        Rect {
            x: 0.0,
            y: 0.0,
            w,
            h,
        },
    );
    let mut cells = Vec::new();
    for (n, r) in shown.iter().zip(rects) {
        cells.push(Cell {
            key: n.key.clone(),
            name: n.label.clone(),
            label: describe(n),
            color: n.color,
            depth: 0,
            rect: r,
        });
        if !n.children.is_empty() && r.w > 8.0 && r.h > 24.0 {
            // A header strip keeps the region's name visible above its countries.
            let inner = Rect {
                x: r.x + 2.0,
                y: r.y + 18.0,
                w: r.w - 4.0,
                h: r.h - 20.0,
            };
            let kids = treemap(
                &n.children.iter().map(|c| c.value).collect::<Vec<_>>(),
                inner,
            );
            for (c, cr) in n.children.iter().zip(kids) {
                cells.push(Cell {
                    key: c.key.clone(),
                    name: c.label.clone(),
                    label: describe(c),
                    color: n.color,
                    depth: 1,
                    rect: cr,
                });
            }
        }
    }
    let mut rows = Vec::new();
    for n in nodes {
        rows.push(share_row(
            n.label.clone(),
            n.value,
            n.provenance,
            share(n.value),
            unit,
            locale,
        ));
        for c in &n.children {
            rows.push(share_row(
                format!("— {}", c.label),
                c.value,
                c.provenance,
                share(c.value),
                unit,
                locale,
            ));
        }
    }
    chart(
        charts,
        Frame {
            name: name.to_string(),
            title,
            subtitle: None,
            description,
            legend: nodes
                .iter()
                .map(|n| LegendEntry {
                    key: n.key.clone(),
                    label: n.label.clone(),
                    color: n.color,
                    swatch: "sw-block",
                })
                .collect(),
            notes: Vec::new(),
            table: TableData {
                caption: String::new(),
                corner: Msg::Segment.text(locale).into(),
                columns: vec![
                    Msg::Value.text(locale).into(),
                    Msg::ShareOfTotal.text(locale).into(),
                ],
                rows,
            },
            view_box: format!("0 0 {w} {h}"),
            svg_class: if narrow { "treemap narrow" } else { "treemap" },
        },
        treemap_scene(&cells),
        locale,
    )
}
