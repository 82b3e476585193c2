//! Charts over the pure chart core (`crate::chart`): every chart kind produces a scene there;
//! here it gets the shared frame — title and description for assistive technology, a legend
//! that toggles series, a readout that names the focused or hovered value, and a table view
//! of the same data. Styling is by class only.
//!
//! Each kind is a Leptos component (`XyChart`, `DonutChart`, `TreemapChart`, `TornadoChart`,
//! `Sparkline`) over one frame (`ChartFigure` with `marks` and `table`), which holds the chart's
//! own hover and legend state and binds only the attributes that move.

mod donut;
mod figure;
pub(crate) mod frame;
mod kinds;
mod marks;
mod sparkline;
mod table;
mod tornado;
mod treemap;
mod xy;

pub use donut::{DonutChart, DonutSpec, Slice};

pub use figure::{ChartFigure, ChartSpec, ChartState, ChartTitlesAtLevel2};
pub use frame::{Frame, LegendEntry, TableData};
pub use kinds::XySpec;
pub use marks::Scene;
pub use sparkline::Sparkline;
pub use table::DataTableView;
pub use tornado::{TornadoChart, TornadoSpec};
pub use treemap::{TreemapChart, TreemapNode, TreemapSpec};
pub use xy::{OptionalXyChart, XyChart};

pub use crate::chart::label::{
    is_interval_top, point_label, tick_label, tick_labels, value_text, x_label,
};
