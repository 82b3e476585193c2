//! The x/y chart kind (lines, stacked areas, bars, bands): its spec, turned into a frame and a
//! pure scene for `XyChart`. Donut, treemap, tornado and sparkline have their own files.
//! Each turns its data into a pure scene (`crate::chart::scene`) plus legend and table, and
//! hands them to the shared frame.

use super::figure::ChartSpec;
use super::frame::{Frame, LegendEntry, TableData};
use super::{is_interval_top, point_label, tick_label, tick_labels, value_text, x_label};
use crate::chart::label::{end_label_room, text_width};
use crate::chart::palette::{swatch, used_notes};
use crate::chart::scene::SvgNode;
use crate::chart::scene::{xy_scene, XyLabels};
use crate::chart::xy::{end_labelled, layout_with, y_label_room, Room, Series, SeriesKind, Size};
use crate::domain::format::{self, Shown};
use crate::domain::schema::{Provenance, Unit};
use crate::i18n::{bracketed, provenance};
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

impl XySpec {
    /// A chart with nothing to draw: what a chart shows while it is torn down after its data
    /// went away.
    pub fn empty(name: &str) -> Self {
        XySpec {
            name: name.to_string(),
            title: String::new(),
            subtitle: None,
            description: String::new(),
            series: Vec::new(),
            unit: Unit::Number,
            x_title: String::new(),
            notes: Vec::new(),
            tall: false,
        }
    }
}

/// "US$2.5 bn (reported)": a table cell that names where the value comes from.
fn sourced(value: f64, unit: &Unit, p: Provenance, shown: Shown) -> String {
    let locale = shown.locale;
    format::value(value, unit, shown) + &bracketed(locale, provenance(locale, p))
}

/// A row of a share table (donut, treemap): the value with its source, and the share of the
/// total.
pub(super) fn share_row(
    label: String,
    value: f64,
    p: Provenance,
    share: f64,
    unit: &Unit,
    shown: Shown,
) -> (String, Vec<String>) {
    (
        label,
        vec![sourced(value, unit, p, shown), format::percent(share, 1)],
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

/// An x/y chart's frame and scene, with the series in `hidden` left out of the drawing (what
/// `XyChart` draws).
impl ChartSpec for XySpec {
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
        let mut room = Room {
            left: 0.0,
            right: if end_labelled(&spec.series, hidden, size.width) {
                end_label_room(size.width)
            } else {
                0.0
            },
        };
        let mut g = layout_with(&spec.series, size, hidden, room);
        let unit = spec.unit.clone();
        // Value labels wider than the left margin (a long unit, or Chinese units at a phone's
        // larger type) widen it; the ticks stay, only the plot moves right.
        // (style/main.css: chart text is 12px, `svg.narrow text` 14px.)
        // The labels are worded once here; the scene takes them from this list.
        let type_scale = if narrow { 14.0 / 12.0 } else { 1.0 };
        let tick_values: Vec<f64> = g.y_ticks.iter().map(|t| t.value).collect();
        let largest_tick = crate::domain::format::largest_size(tick_values.iter().copied());
        let y_labels: Vec<(f64, String)> = tick_values
            .iter()
            .copied()
            .zip(tick_labels(&tick_values, &unit, shown))
            .collect();
        let widest = y_labels
            .iter()
            .map(|(_, l)| text_width(l) * type_scale)
            .fold(0.0, f64::max);
        if let Some(left) = y_label_room(widest, size) {
            room.left = left;
            g = layout_with(&spec.series, size, hidden, room);
        }
        let y_tick = |v: f64| {
            y_labels.iter().find(|(value, _)| *value == v).map_or_else(
                || tick_label(v, largest_tick, &unit, shown),
                |(_, l)| l.clone(),
            )
        };
        let scene = xy_scene(
            &spec.series,
            &g,
            &XyLabels {
                x_title: &spec.x_title,
                x_tick: &x_label,
                y_tick: &y_tick,
                mark: &|series, d| {
                    // The series' points say whether a ceiling is an interval's top ("< ¥100 bn").
                    let points = spec
                        .series
                        .iter()
                        .find(|s| s.label == series && s.points.contains(d))
                        .map_or(&[][..], |s| s.points.as_slice());
                    point_label(series, points, d, &unit, shown)
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
                                    format::value(*l, &spec.unit, shown)
                                });
                                format!(
                                    "{low} – {}",
                                    format::value(s.points[i].y, &spec.unit, shown)
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
                                        value_text(d.y, &spec.unit, d.bound, top, shown)
                                    })
                                    .collect();
                                values.join(format::comma(locale))
                                    + &bracketed(locale, provenance(locale, s.points[i].provenance))
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
}
