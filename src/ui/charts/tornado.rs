//! The tornado chart (sensitivity) as a Leptos component: the pure scene from
//! `crate::chart::tornado` in [`ChartFigure`] — legend toggling the low and high bars, readout
//! and callout naming the focused bar, and a table view of the same numbers. Its spec comes in
//! as a signal; the frame and scene are memos of it and of the sides the reader hid.

use super::figure::{spec_chart, ChartSpec};
use super::frame::{Frame, LegendEntry, TableData};
use super::tick_label;
use crate::chart::scene::SvgNode;
use crate::chart::tornado::{tornado_scene, TornadoOptions, TornadoRow, HIGH_COLOR, LOW_COLOR};
use crate::domain::format::{Locale, Shown};
use crate::domain::schema::Unit;
use leptos::prelude::*;
use std::collections::BTreeSet;

/// Legend keys of the two sides.
pub const LOW_KEY: &str = "low";
pub const HIGH_KEY: &str = "high";

#[derive(Debug, Clone, PartialEq)]
pub struct TornadoSpec {
    pub name: String,
    pub title: String,
    pub description: String,
    pub rows: Vec<TornadoRow>,
    /// Where every bar starts (the value under the reader's scenario).
    pub base: f64,
    pub base_label: String,
    pub unit: Unit,
    /// Legend labels of the low and high bars.
    pub low_label: String,
    pub high_label: String,
    /// What a bar at its slider's limit says.
    pub at_limit: String,
    pub table: TableData,
}

/// A tornado's frame and scene, with the sides in `hidden` left out of the drawing.
impl ChartSpec for TornadoSpec {
    fn name(&self) -> String {
        self.name.clone()
    }

    fn drawing(
        &self,
        hidden: &BTreeSet<String>,
        narrow: bool,
        shown: Shown,
    ) -> (Frame, Vec<SvgNode>) {
        let spec = self;
        let unit = &spec.unit;
        let scene = tornado_scene(
            &spec.rows,
            spec.base,
            &TornadoOptions {
                width: if narrow { 360.0 } else { 800.0 },
                narrow,
                show_low: !hidden.contains(LOW_KEY),
                show_high: !hidden.contains(HIGH_KEY),
                base_label: &spec.base_label,
                at_limit: &spec.at_limit,
                locale: shown.locale,
                tick: &|v| tick_label(v, v, unit, shown),
            },
        );
        let frame = Frame {
            name: spec.name.clone(),
            title: spec.title.clone(),
            subtitle: None,
            description: spec.description.clone(),
            legend: vec![
                LegendEntry {
                    key: LOW_KEY.into(),
                    label: spec.low_label.clone(),
                    color: LOW_COLOR,
                    swatch: "sw-block",
                },
                LegendEntry {
                    key: HIGH_KEY.into(),
                    label: spec.high_label.clone(),
                    color: HIGH_COLOR,
                    swatch: "sw-block",
                },
            ],
            notes: Vec::new(),
            table: spec.table.clone(),
            view_box: format!("0 0 {} {}", scene.width, scene.height),
            svg_class: if narrow { "tornado narrow" } else { "tornado" },
        };
        (frame, scene.nodes)
    }
}

/// The tornado chart. Holds its own hover and legend state: a new spec (another N, another
/// target, the scenario settling) rewrites only the bars and texts that moved.
#[component]
pub fn TornadoChart(
    #[prop(into)] spec: Signal<TornadoSpec>,
    #[prop(into)] narrow: Signal<bool>,
    locale: Locale,
) -> impl IntoView {
    spec_chart(spec, narrow, locale)
}
