//! The chart core shared by every chart kind: scales, ticks, paths, stacking, arcs, treemap
//! layout and the palette. Pure functions with unit tests; the SVG components in `ui::charts`
//! only wire signals to them.

pub mod label;
pub mod palette;
pub mod scale;
pub mod scene;
pub mod series;
pub mod shapes;
pub mod sparkline;
pub mod tornado;
pub mod view_box;
pub mod xy;
