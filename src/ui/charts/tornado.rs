//! The tornado chart (sensitivity): the pure scene from `crate::chart::tornado` in the shared
//! chart frame — legend toggling the low and high bars, readout and callout naming the focused
//! bar, and a table view of the same numbers.

use super::frame::{chart, Charts, Frame, LegendEntry, TableData};
use super::tick_label;
use crate::chart::tornado::{tornado_scene, TornadoOptions, TornadoRow, HIGH_COLOR, LOW_COLOR};
use crate::domain::format::Locale;
use crate::domain::schema::Unit;
use crate::ui::dom::Node;

/// Legend keys of the two sides.
pub const LOW_KEY: &str = "low";
pub const HIGH_KEY: &str = "high";

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

pub fn tornado_chart(charts: Charts, spec: TornadoSpec, narrow: bool, locale: Locale) -> Node {
    let ui = charts.get(&spec.name);
    let unit = spec.unit.clone();
    let scene = tornado_scene(
        &spec.rows,
        spec.base,
        &TornadoOptions {
            width: if narrow { 360.0 } else { 800.0 },
            narrow,
            show_low: !ui.hidden.contains(LOW_KEY),
            show_high: !ui.hidden.contains(HIGH_KEY),
            base_label: &spec.base_label,
            at_limit: &spec.at_limit,
            tick: &|v| tick_label(v, &unit, locale),
        },
    );
    chart(
        charts,
        Frame {
            name: spec.name,
            title: spec.title,
            subtitle: None,
            description: spec.description,
            legend: vec![
                LegendEntry {
                    key: LOW_KEY.into(),
                    label: spec.low_label,
                    color: LOW_COLOR,
                    swatch: "sw-block",
                },
                LegendEntry {
                    key: HIGH_KEY.into(),
                    label: spec.high_label,
                    color: HIGH_COLOR,
                    swatch: "sw-block",
                },
            ],
            notes: Vec::new(),
            table: spec.table,
            view_box: format!("0 0 {} {}", scene.width, scene.height),
            svg_class: if narrow { "tornado narrow" } else { "tornado" },
        },
        scene.nodes,
        locale,
    )
}
