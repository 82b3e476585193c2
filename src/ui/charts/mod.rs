//! Charts over the pure chart core (`crate::chart`): every chart kind produces a scene there;
//! here it gets the shared frame — title and description for assistive technology, a legend
//! that toggles series, a readout that names the focused or hovered value, and a table view
//! of the same data. Styling is by class only.
//!
//! Two renderings share that logic while the views move to Leptos components: node builders
//! (`frame`, `kinds`, `tornado`, for the views still drawn with `ui::dom`) and components
//! (`XyChart` with `figure`, `marks` and `table`), which bind only the attributes that move.

mod figure;
mod frame;
mod kinds;
mod marks;
mod sparkline;
mod table;
mod tornado;
mod xy;

pub use figure::{ChartFigure, ChartState};
pub use frame::{data_table, ChartUi, Charts, Frame, LegendEntry, TableData};
pub use kinds::{
    donut_chart, treemap_chart, xy_chart, xy_drawing, Slice, TreemapNode, TreemapSpec, XySpec,
};
pub use marks::Scene;
pub use sparkline::Sparkline;
pub use table::DataTableView;
pub use tornado::{TornadoChart, TornadoSpec};
pub use xy::{OptionalXyChart, XyChart};

pub use crate::chart::label::{is_interval_top, point_label, tick_label, value_text, x_label};
