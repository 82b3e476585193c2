//! Charts as node builders over the pure chart core (`crate::chart`): every chart kind produces
//! a scene there; here it gets the shared frame — title and description for assistive
//! technology, a legend that toggles series, a readout that names the focused or hovered
//! value, and a table view of the same data. Styling is by class only.

mod frame;
mod kinds;
mod tornado;

pub use frame::{data_table, ChartUi, Charts, Frame, LegendEntry, TableData};
pub use kinds::{donut_chart, sparkline, treemap_chart, xy_chart, Slice, TreemapNode, XySpec};
pub use tornado::{tornado_chart, TornadoSpec};

use crate::domain::format::{self, Locale};
use crate::domain::schema::{BoundSide, Provenance, Unit};

/// A year or other x value as a label: years without thousands separators.
pub fn x_label(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e6 {
        format!("{}", x as i64)
    } else {
        format::number(x, 2)
    }
}

/// "Market, 2025: US$2.5 bn (reported)" — what a tooltip or a focused mark says.
pub fn point_label(
    series: &str,
    x: f64,
    y: f64,
    unit: &Unit,
    provenance: Provenance,
    bound: Option<BoundSide>,
    locale: Locale,
) -> String {
    format!(
        "{series}, {}: {} ({})",
        x_label(x),
        value_text(y, unit, bound, locale),
        crate::i18n::provenance(locale, provenance)
    )
}

/// A value with ≥ / ≤ for bounds.
pub fn value_text(y: f64, unit: &Unit, bound: Option<BoundSide>, locale: Locale) -> String {
    let prefix = match bound {
        Some(BoundSide::Lower) => "≥ ",
        Some(BoundSide::Upper) => "≤ ",
        None => "",
    };
    format!("{prefix}{}", format::value(y, unit, locale))
}

/// Short axis label of a value.
pub fn tick_label(value: f64, unit: &Unit, locale: Locale) -> String {
    match unit {
        Unit::Percent => format::percent(value, 1),
        Unit::Currency(code) => format::money(value, code, locale),
        _ => format::compact(value, locale),
    }
}
