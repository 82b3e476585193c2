//! Charts as node builders over the pure chart core (`crate::chart`): every chart kind produces
//! a scene there; here it gets the shared frame — title and description for assistive
//! technology, a legend that toggles series, a readout that names the focused or hovered
//! value, and a table view of the same data. Styling is by class only.

mod frame;
mod kinds;
mod tornado;

pub use frame::{data_table, ChartUi, Charts, Frame, LegendEntry, TableData};
pub use kinds::{
    donut_chart, sparkline, treemap_chart, xy_chart, Slice, TreemapNode, TreemapSpec, XySpec,
};
pub use tornado::{tornado_chart, TornadoSpec};

pub use crate::chart::label::{is_interval_top, point_label, tick_label, value_text, x_label};
