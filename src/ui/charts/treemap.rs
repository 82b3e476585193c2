//! The treemap: areas proportional to value, each region holding its countries under a strip
//! with its name. [`ChartSpec::drawing`] turns a [`TreemapSpec`] into the frame and scene (the
//! regions the reader hid left out); [`TreemapChart`] draws them with
//! [`ChartFigure`](super::figure::ChartFigure) and holds its own hover state.

use super::figure::{spec_chart, ChartSpec};
use super::frame::{Frame, LegendEntry, TableData};
use super::kinds::share_row;
use crate::chart::scene::{treemap_scene, Cell, SvgNode};
use crate::chart::shapes::{treemap, Rect};
use crate::domain::format::{self, Locale, Shown};
use crate::domain::schema::{Provenance, Unit};
use crate::i18n::{Message, Msg};
use leptos::prelude::*;
use std::collections::BTreeSet;

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
#[derive(Debug, Clone, PartialEq)]
pub struct TreemapSpec {
    pub name: String,
    pub title: String,
    pub description: String,
    pub nodes: Vec<TreemapNode>,
    pub unit: Unit,
}

/// The treemap's frame and scene at phone or desktop width, with the regions in `hidden` left
/// out of the drawing (the table keeps them all).
impl ChartSpec for TreemapSpec {
    fn name(&self) -> String {
        self.name.clone()
    }

    fn drawing(
        &self,
        hidden: &BTreeSet<String>,
        narrow: bool,
        shown: Shown,
    ) -> (Frame, Vec<SvgNode>) {
        let locale = shown.locale;
        let spec = self;
        let (nodes, unit) = (&spec.nodes, &spec.unit);
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
                format::value(n.value, unit, shown),
                format::percent(share(n.value), 1)
            )
        };
        let visible: Vec<&TreemapNode> =
            nodes.iter().filter(|n| !hidden.contains(&n.key)).collect();
        let rects = treemap(
            &visible.iter().map(|n| n.value).collect::<Vec<_>>(),
            Rect {
                x: 0.0,
                y: 0.0,
                w,
                h,
            },
        );
        let mut cells = Vec::new();
        for (n, r) in visible.iter().zip(rects) {
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
                shown,
            ));
            for c in &n.children {
                rows.push(share_row(
                    format!("— {}", c.label),
                    c.value,
                    c.provenance,
                    share(c.value),
                    unit,
                    shown,
                ));
            }
        }
        let frame = Frame {
            name: spec.name.clone(),
            title: spec.title.clone(),
            subtitle: None,
            description: spec.description.clone(),
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
        };
        (frame, treemap_scene(&cells))
    }
}

#[component]
pub fn TreemapChart(
    #[prop(into)] spec: Signal<TreemapSpec>,
    #[prop(into)] narrow: Signal<bool>,
    locale: Locale,
) -> impl IntoView {
    spec_chart(spec, narrow, locale)
}
