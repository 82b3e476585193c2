//! A chart as a flat, keyed list of SVG nodes — what every chart kind produces from its data
//! and geometry, and what the one renderer (`ui::charts::scene`) patches into the page. Keys
//! are stable across updates, so a moving slider changes attributes, never elements.

use super::label::{
    end_label_lines, end_label_text_room, place_labels, END_LABEL_LINE, END_LABEL_MAX_LINES,
};
use super::palette::shows_marker;
use super::shapes::{arc_angles, arc_path, Rect};
use super::xy::{Datum, Geometry, Series, SeriesKind};
use crate::domain::schema::{BoundSide, Provenance};

#[derive(Debug, Clone, PartialEq)]
pub struct SvgNode {
    /// Unique within the scene and stable across updates.
    pub key: String,
    pub tag: &'static str,
    pub attrs: Vec<(&'static str, String)>,
    pub text: Option<String>,
    /// Focusable marks carry what the tooltip and screen readers say.
    pub label: Option<String>,
    /// Where a tooltip about this mark points (viewBox units).
    pub anchor: Option<(f64, f64)>,
    /// The part of the chart the node belongs to ("": its marks). A renderer keeps each run
    /// of one group apart, so a part whose node count changes (the value axis gaining a tick
    /// as a slider moves) does not shift the nodes after it.
    pub group: &'static str,
}

impl SvgNode {
    pub fn new(key: impl Into<String>, tag: &'static str) -> Self {
        SvgNode {
            key: key.into(),
            tag,
            attrs: Vec::new(),
            text: None,
            label: None,
            anchor: None,
            group: "",
        }
    }
    /// Puts the node in a part of the chart (see [`SvgNode::group`]).
    pub fn in_group(mut self, group: &'static str) -> Self {
        self.group = group;
        self
    }
    /// Sets the attribute only when `cond` holds.
    pub fn attr_if(self, cond: bool, name: &'static str, value: impl ToString) -> Self {
        if cond {
            self.attr(name, value)
        } else {
            self
        }
    }
    pub fn attr(mut self, name: &'static str, value: impl ToString) -> Self {
        self.attrs.push((name, value.to_string()));
        self
    }
    pub fn text(mut self, text: impl Into<String>) -> Self {
        self.text = Some(text.into());
        self
    }
    /// Makes the node a focusable mark with an accessible name; a tooltip points at `at`.
    pub fn mark(mut self, label: String, at: (f64, f64)) -> Self {
        self.label = Some(label);
        self.anchor = Some(at);
        self
    }
    pub fn get(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// The runs of consecutive nodes in the same group, in order, each with its group's name.
pub fn group_runs(nodes: &[SvgNode]) -> Vec<(&'static str, std::ops::Range<usize>)> {
    let mut runs: Vec<(&'static str, std::ops::Range<usize>)> = Vec::new();
    for (i, n) in nodes.iter().enumerate() {
        match runs.last_mut() {
            Some((group, range)) if *group == n.group => range.end = i + 1,
            _ => runs.push((n.group, i..i + 1)),
        }
    }
    runs
}

/// Rounds for attribute output (0.01 px).
pub fn px(v: f64) -> String {
    let r = (v * 100.0).round() / 100.0;
    if r.is_finite() {
        let s = format!("{r}");
        if s == "-0" {
            "0".into()
        } else {
            s
        }
    } else {
        "0".into()
    }
}

/// Palette class for a series colour slot.
pub fn color_class(slot: usize) -> &'static str {
    const CLASSES: [&str; 8] = ["s0", "s1", "s2", "s3", "s4", "s5", "s6", "s7"];
    CLASSES[slot % CLASSES.len()]
}

/// SVG path of a marker: filled circle = reported, hollow circle = derived, triangle = bound,
/// hollow diamond = assumption, filled diamond = scenario.
pub fn marker_path(x: f64, y: f64, d: &Datum) -> String {
    let (x, y) = ((x * 10.0).round() / 10.0, (y * 10.0).round() / 10.0);
    match d.provenance {
        Provenance::Reported | Provenance::Derived => {
            let r = if d.provenance == Provenance::Reported {
                4.5
            } else {
                3.5
            };
            format!(
                "M{} {y}a{r} {r} 0 1 0 {} 0a{r} {r} 0 1 0 -{} 0Z",
                x - r,
                2.0 * r,
                2.0 * r
            )
        }
        Provenance::Bound => match d.bound {
            Some(BoundSide::Upper) => format!(
                "M{} {}L{} {}L{x} {}Z",
                x - 5.5,
                y - 4.0,
                x + 5.5,
                y - 4.0,
                y + 5.5
            ),
            _ => format!(
                "M{} {}L{} {}L{x} {}Z",
                x - 5.5,
                y + 4.0,
                x + 5.5,
                y + 4.0,
                y - 5.5
            ),
        },
        Provenance::Assumption | Provenance::Scenario => {
            format!(
                "M{x} {}L{} {y}L{x} {}L{} {y}Z",
                y - 5.0,
                x + 5.0,
                y + 5.0,
                x - 5.0
            )
        }
    }
}

fn marker_class(p: Provenance) -> &'static str {
    match p {
        Provenance::Reported | Provenance::Scenario => "mk filled",
        Provenance::Derived | Provenance::Assumption => "mk hollow",
        Provenance::Bound => "mk hollow bound",
    }
}

/// Formatting the x/y chart needs from the caller (locale-aware, unit-aware).
pub struct XyLabels<'a> {
    pub x_title: &'a str,
    pub x_tick: &'a dyn Fn(f64) -> String,
    pub y_tick: &'a dyn Fn(f64) -> String,
    /// What a focused mark says: (series label, datum).
    pub mark: &'a dyn Fn(&str, &Datum) -> String,
}

fn x_key(x: f64) -> i64 {
    (x * 1000.0).round() as i64
}

/// The scene of an x/y chart: grid and ticks, shapes (areas, bands, lines), bars, markers.
pub fn xy_scene(series: &[Series], g: &Geometry, labels: &XyLabels) -> Vec<SvgNode> {
    let (x0, y_top, x1, y_bottom) = g.plot;
    let label_of = |key: &str| {
        series
            .iter()
            .find(|s| s.key == key)
            .map_or("", |s| s.label.as_str())
    };
    let color_of = |key: &str| series.iter().find(|s| s.key == key).map_or(0, |s| s.color);
    let mut out = Vec::new();
    for t in &g.y_ticks {
        let k = format!("{}", (t.value * 1e6).round() as i64);
        out.push(
            SvgNode::new(format!("gy{k}"), "line")
                .in_group("y-axis")
                .attr("class", "gridline")
                .attr("x1", px(x0))
                .attr("x2", px(x1))
                .attr("y1", px(t.at))
                .attr("y2", px(t.at)),
        );
        out.push(
            SvgNode::new(format!("ty{k}"), "text")
                .in_group("y-axis")
                .attr("class", "tick y")
                .attr("x", px(x0 - crate::chart::xy::Y_TICK_GAP))
                .attr("y", px(t.at))
                .attr("dy", "0.32em")
                .text((labels.y_tick)(t.value)),
        );
    }
    out.push(
        SvgNode::new("axis-x", "line")
            .in_group("x-axis")
            .attr("class", "axis-line")
            .attr("x1", px(x0))
            .attr("x2", px(x1))
            .attr("y1", px(y_bottom))
            .attr("y2", px(y_bottom)),
    );
    for t in &g.x_ticks {
        out.push(
            SvgNode::new(format!("tx{}", x_key(t.value)), "text")
                .in_group("x-axis")
                .attr("class", "tick x")
                .attr("x", px(t.at))
                .attr("y", px(y_bottom + 18.0))
                .text((labels.x_tick)(t.value)),
        );
    }
    out.push(
        SvgNode::new("title-x", "text")
            .in_group("x-axis")
            .attr("class", "axis-title x")
            .attr("x", px((x0 + x1) / 2.0))
            .attr("y", px(g.size.height - 6.0))
            .text(labels.x_title),
    );
    let _ = y_top;
    // Areas and bands first (under lines), then lines, bars and markers on top.
    for pass in 0..2 {
        for shape in &g.shapes {
            let Some(s) = series.iter().find(|s| s.key == shape.key) else {
                continue;
            };
            let is_fill = matches!(s.kind, SeriesKind::StackedArea | SeriesKind::Band);
            if (pass == 0) != is_fill
                || matches!(
                    s.kind,
                    SeriesKind::Markers | SeriesKind::StackedBar | SeriesKind::GroupedBar
                )
            {
                continue;
            }
            let class = match s.kind {
                SeriesKind::StackedArea => "area",
                SeriesKind::Band => "band",
                _ => "line",
            };
            out.push(
                SvgNode::new(format!("p-{}", s.key), "path")
                    .attr("class", format!("{class} {}", color_class(s.color)))
                    .attr("data-series", &s.key)
                    .attr("d", &shape.solid),
            );
            if matches!(s.kind, SeriesKind::Line { .. }) {
                out.push(
                    SvgNode::new(format!("pd-{}", s.key), "path")
                        .attr("class", format!("line dashed {}", color_class(s.color)))
                        .attr("data-series", format!("{}-forecast", s.key))
                        .attr("d", &shape.dashed),
                );
            }
        }
    }
    for b in &g.bars {
        out.push(
            SvgNode::new(format!("b-{}-{}", b.series, x_key(b.datum.x)), "rect")
                .attr("class", format!("bar {}", color_class(color_of(&b.series))))
                .attr("x", px(b.x))
                .attr("y", px(b.y))
                .attr("width", px(b.w))
                .attr("height", px(b.h))
                .mark(
                    (labels.mark)(label_of(&b.series), &b.datum),
                    (b.x + b.w / 2.0, b.y),
                ),
        );
    }
    // Each series' last x (where the reader's scenario lands).
    let mut last_x: std::collections::HashMap<&str, f64> = std::collections::HashMap::new();
    for m in &g.markers {
        let e = last_x.entry(m.series.as_str()).or_insert(f64::NEG_INFINITY);
        *e = e.max(m.datum.x);
    }
    // Two markers of a series may share a year (an interval's floor and top): each needs its
    // own key, or a keyed renderer draws one of them twice.
    let mut seen: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for m in &g.markers {
        let key = format!("m-{}-{}", m.series, x_key(m.datum.x));
        let n = seen.entry(key.clone()).or_insert(0);
        let key = if *n == 0 { key } else { format!("{key}-{n}") };
        *n += 1;
        // A marker only where it carries information; elsewhere an invisible target that
        // still takes focus and the pointer and names its value.
        let last = last_x.get(m.series.as_str()) == Some(&m.datum.x);
        let (class, d) = if shows_marker(&m.datum, color_of(&m.series), last) {
            (
                marker_class(m.datum.provenance),
                marker_path(m.x, m.y, &m.datum),
            )
        } else {
            ("hit", hit_path(m.x, m.y))
        };
        out.push(
            SvgNode::new(key, "path")
                .attr(
                    "class",
                    format!("{class} {}", color_class(color_of(&m.series))),
                )
                .attr("d", d)
                .mark((labels.mark)(label_of(&m.series), &m.datum), (m.x, m.y)),
        );
    }
    out.extend(end_labels(series, g));
    out
}

/// A round hit target (radius 8) for a point drawn without a marker.
pub fn hit_path(x: f64, y: f64) -> String {
    let (x, y) = ((x * 10.0).round() / 10.0, (y * 10.0).round() / 10.0);
    format!("M{} {y}a8 8 0 1 0 16 0a8 8 0 1 0 -16 0Z", x - 8.0)
}

/// The names of few lines at their right ends, in their colours, kept apart.
pub fn end_labels(series: &[Series], g: &Geometry) -> Vec<SvgNode> {
    let (_, y_top, x1, y_bottom) = g.plot;
    let room = g.size.width - x1 - 8.0;
    let lines: Vec<&Series> = series
        .iter()
        .filter(|s| matches!(s.kind, SeriesKind::Line { .. }) && g.shape(&s.key).is_some())
        .collect();
    if room < 30.0 || lines.is_empty() || lines.len() > END_LABEL_MAX_LINES {
        return Vec::new();
    }
    let text_room = end_label_text_room(room + 8.0, g.size.width);
    let ends: Vec<(&Series, f64, Vec<String>)> = lines
        .iter()
        .filter_map(|s| {
            let last = g
                .markers
                .iter()
                .filter(|m| m.series == s.key)
                .max_by(|a, b| a.datum.x.total_cmp(&b.datum.x))?;
            Some((*s, last.y, end_label_lines(&s.label, text_room)))
        })
        .collect();
    let wanted: Vec<(f64, f64)> = ends
        .iter()
        .map(|(_, y, lines)| (*y, lines.len() as f64 * END_LABEL_LINE))
        .collect();
    let at = place_labels(&wanted, y_top - 6.0, y_bottom, 6.0);
    let mut out = Vec::new();
    for ((s, _, lines), centre) in ends.iter().zip(at) {
        let first = centre - (lines.len() as f64 - 1.0) * END_LABEL_LINE / 2.0;
        for (i, line) in lines.iter().enumerate() {
            out.push(
                SvgNode::new(format!("el-{}-{i}", s.key), "text")
                    .attr("class", format!("end-label {}", color_class(s.color)))
                    .attr("data-series", &s.key)
                    .attr("x", px(x1 + 8.0))
                    .attr("y", px(first + i as f64 * END_LABEL_LINE))
                    .attr("dy", "0.32em")
                    .text(line.clone()),
            );
        }
    }
    out
}

/// The scene of a donut: one arc per slice with its label, and the total in the middle.
pub fn donut_scene(slices: &[(String, f64, usize, String)], total_text: &str) -> Vec<SvgNode> {
    let (cx, cy, outer, inner) = (130.0, 130.0, 120.0, 68.0);
    let angles = arc_angles(&slices.iter().map(|s| s.1).collect::<Vec<_>>());
    let mut out: Vec<SvgNode> = slices
        .iter()
        .zip(angles)
        .map(|((key, _, color, label), (a0, a1))| {
            SvgNode::new(format!("sl-{key}"), "path")
                .attr("class", format!("slice {}", color_class(*color)))
                .attr("data-slice", key)
                .attr("d", arc_path(cx, cy, outer, inner, a0, a1))
                // The tooltip points at the middle of the slice's outer edge.
                .mark(
                    label.clone(),
                    (
                        cx + outer * ((a0 + a1) / 2.0).sin(),
                        cy - outer * ((a0 + a1) / 2.0).cos(),
                    ),
                )
        })
        .collect();
    out.push(
        SvgNode::new("total", "text")
            .attr("class", "donut-total")
            .attr("x", px(cx))
            .attr("y", px(cy))
            .attr("dy", "0.32em")
            .text(total_text),
    );
    out
}

/// A tooltip callout: a box with the label above the anchor, kept inside the drawing.
pub fn tooltip(label: &str, at: (f64, f64), width: f64, height: f64) -> Vec<SvgNode> {
    // About 7.2 units a Latin character and 13 a Chinese one (at the phone's 13px); a label wider than
    // the drawing is squeezed to fit its box (`textLength`) rather than cut.
    let wanted = label_width(label) + 16.0;
    let w = wanted.min(width - 4.0);
    let h = 24.0;
    let x = (at.0 - w / 2.0).clamp(2.0, (width - w - 2.0).max(2.0));
    let above = at.1 - h - 10.0;
    let y = if above >= 2.0 {
        above
    } else {
        (at.1 + 10.0).min(height - h - 2.0)
    };
    vec![
        SvgNode::new("tip-box", "rect")
            .attr("class", "tip-box")
            .attr("x", px(x))
            .attr("y", px(y))
            .attr("width", px(w))
            .attr("height", px(h))
            .attr("rx", "4"),
        SvgNode::new("tip-text", "text")
            .attr("class", "tip-text")
            .attr("x", px(x + w / 2.0))
            .attr("y", px(y + h / 2.0))
            .attr("dy", "0.35em")
            .attr_if(wanted > w, "textLength", px(w - 12.0))
            .attr_if(wanted > w, "lengthAdjust", "spacingAndGlyphs")
            .text(label),
    ]
}

/// The width of a label at 13px, in drawing units: wide (CJK, full-width) characters count
/// about twice a Latin one.
pub fn label_width(label: &str) -> f64 {
    label
        .chars()
        .map(|c| if u32::from(c) >= 0x2E80 { 13.0 } else { 7.2 })
        .sum()
}

/// One treemap cell to draw.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    pub key: String,
    pub name: String,
    pub label: String,
    pub color: usize,
    pub depth: usize,
    pub rect: Rect,
}

/// The scene of a treemap: a rect per cell, and its name where it fits.
pub fn treemap_scene(cells: &[Cell]) -> Vec<SvgNode> {
    let mut out = Vec::new();
    for c in cells {
        let class = if c.depth == 0 {
            "cell region"
        } else {
            "cell leaf"
        };
        out.push(
            SvgNode::new(format!("c-{}", c.key), "rect")
                .attr("class", format!("{class} {}", color_class(c.color)))
                .attr("data-cell", &c.key)
                .attr("x", px(c.rect.x))
                .attr("y", px(c.rect.y))
                .attr("width", px(c.rect.w))
                .attr("height", px(c.rect.h))
                .mark(
                    c.label.clone(),
                    (c.rect.x + c.rect.w / 2.0, c.rect.y + c.rect.h / 2.0),
                ),
        );
    }
    // Names on top of every cell, so region names are not hidden under their countries.
    for c in cells {
        if c.rect.w > 46.0 && c.rect.h > 16.0 {
            // Fit the name to the cell (about 6.5 px a character).
            let max = ((c.rect.w - 8.0) / 6.5).max(1.0) as usize;
            let mut s: String = c.name.chars().take(max).collect();
            if s.chars().count() < c.name.chars().count() {
                s.pop();
                s = s.trim_end().to_string();
                s.push('…');
            }
            let class = if c.depth == 0 {
                "cell-name region"
            } else {
                "cell-name leaf"
            };
            out.push(
                SvgNode::new(format!("n-{}", c.key), "text")
                    .attr("class", class)
                    .attr("x", px(c.rect.x + 4.0))
                    .attr("y", px(c.rect.y + 13.0))
                    .text(s),
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::xy::{layout, Size};
    use std::collections::BTreeSet;

    /// One series laid out on an 800 × 360 chart and drawn, with plain labels.
    fn scene_of(s: Series) -> Vec<SvgNode> {
        scene_with(s, &|series, d| format!("{series} {}: {}", d.x, d.y))
    }

    /// The same, with what a focused mark says.
    fn scene_with(s: Series, mark: &dyn Fn(&str, &Datum) -> String) -> Vec<SvgNode> {
        let g = layout(
            std::slice::from_ref(&s),
            Size {
                width: 800.0,
                height: 360.0,
            },
            &BTreeSet::new(),
        );
        let labels = XyLabels {
            x_title: "Year",
            x_tick: &|x| format!("{x}"),
            y_tick: &|y| format!("{y}"),
            mark,
        };
        xy_scene(&[s], &g, &labels)
    }

    #[test]
    fn xy_scene_has_stable_keys_and_labels() {
        let s = Series {
            key: "m".into(),
            label: "Market".into(),
            color: 1,
            kind: SeriesKind::Line {
                dashed_from: Some(2025.0),
            },
            points: vec![
                Datum::new(2024.0, 2.0, Provenance::Derived),
                Datum::new(2025.0, 4.0, Provenance::Reported),
            ],
            low: vec![],
        };
        let nodes = scene_of(s);
        let marker = nodes.iter().find(|n| n.key == "m-m-2025000").unwrap();
        assert_eq!(marker.label.as_deref(), Some("Market 2025: 4"));
        assert_eq!(marker.get("class"), Some("mk filled s1"));
        let line = nodes.iter().find(|n| n.key == "p-m").unwrap();
        assert_eq!(line.get("d"), Some("M80 166L780 16"));
        let keys: BTreeSet<&str> = nodes.iter().map(|n| n.key.as_str()).collect();
        assert_eq!(keys.len(), nodes.len(), "keys are unique");
    }

    #[test]
    fn a_value_axis_gaining_ticks_leaves_the_other_runs_unchanged() {
        // A projection growing faster: its value axis gets more ticks; the runs after it (the
        // time axis, the marks) keep the same nodes in the same order, so a renderer that
        // keeps each run apart moves none of them.
        let scene = |top: f64| {
            let s = Series {
                key: "p".into(),
                label: "Projection".into(),
                color: 0,
                kind: SeriesKind::Line { dashed_from: None },
                points: (0..5)
                    .map(|i| {
                        Datum::new(f64::from(i), top * f64::from(i) / 4.0, Provenance::Scenario)
                    })
                    .collect(),
                low: vec![],
            };
            scene_of(s)
        };
        let keys_of = |nodes: &[SvgNode], group: &str| -> Vec<String> {
            group_runs(nodes)
                .into_iter()
                .filter(|(g, _)| *g == group)
                .flat_map(|(_, r)| nodes[r].iter().map(|n| n.key.clone()).collect::<Vec<_>>())
                .collect()
        };
        let (low, high) = (scene(4.0), scene(9.0));
        let groups = |nodes: &[SvgNode]| -> Vec<&'static str> {
            group_runs(nodes).into_iter().map(|(g, _)| g).collect()
        };
        assert_eq!(groups(&low), ["y-axis", "x-axis", ""]);
        assert_eq!(groups(&high), ["y-axis", "x-axis", ""]);
        assert_ne!(
            keys_of(&low, "y-axis").len(),
            keys_of(&high, "y-axis").len(),
            "the value axis changes its ticks"
        );
        assert_eq!(keys_of(&low, "x-axis"), keys_of(&high, "x-axis"));
        assert_eq!(keys_of(&low, ""), keys_of(&high, ""));
    }

    #[test]
    fn group_runs_split_where_the_group_changes() {
        let n = |key: &str, group: &'static str| SvgNode::new(key, "line").in_group(group);
        let nodes = [n("a", "g"), n("b", "g"), n("c", ""), n("d", "g")];
        assert_eq!(
            group_runs(&nodes),
            vec![("g", 0..2), ("", 2..3), ("g", 3..4)]
        );
        assert!(group_runs(&[]).is_empty());
    }

    #[test]
    fn an_intervals_floor_and_top_in_one_year_get_keys_of_their_own() {
        let bound = |y: f64, side: BoundSide| Datum {
            x: 2013.0,
            y,
            provenance: Provenance::Bound,
            bound: Some(side),
        };
        let s = Series {
            key: "bounds".into(),
            label: "Source bounds".into(),
            color: crate::chart::palette::BOUND,
            kind: SeriesKind::Markers,
            points: vec![
                bound(90.0, BoundSide::Lower),
                bound(100.0, BoundSide::Upper),
            ],
            low: vec![],
        };
        let nodes = scene_with(s, &|_, d| format!("{}", d.y));
        let marks: Vec<(&str, Option<&str>)> = nodes
            .iter()
            .filter(|n| n.key.starts_with("m-"))
            .map(|n| (n.key.as_str(), n.label.as_deref()))
            .collect();
        assert_eq!(
            marks,
            [
                ("m-bounds-2013000", Some("90")),
                ("m-bounds-2013000-1", Some("100"))
            ]
        );
    }

    #[test]
    fn derived_points_have_no_marker_but_stay_focusable_and_lines_are_named_at_their_end() {
        let s = Series {
            key: "published".into(),
            label: "Published path".into(),
            color: crate::chart::palette::PUBLISHED,
            kind: SeriesKind::Line {
                dashed_from: Some(2025.0),
            },
            points: vec![
                Datum::new(2024.0, 2.0, Provenance::Derived),
                Datum::new(2025.0, 2.5, Provenance::Reported),
                Datum::new(2026.0, 3.0, Provenance::Derived),
            ],
            low: vec![],
        };
        let size = Size {
            width: 800.0,
            height: 360.0,
        };
        let hidden = BTreeSet::new();
        assert!(crate::chart::xy::end_labelled(
            std::slice::from_ref(&s),
            &hidden,
            size.width
        ));
        let g = crate::chart::xy::layout_with(
            std::slice::from_ref(&s),
            size,
            &hidden,
            crate::chart::xy::Room {
                left: 0.0,
                right: crate::chart::label::end_label_room(800.0),
            },
        );
        let labels = XyLabels {
            x_title: "Year",
            x_tick: &|x| format!("{x}"),
            y_tick: &|y| format!("{y}"),
            mark: &|series, d| format!("{series} {}", d.x),
        };
        let nodes = xy_scene(&[s], &g, &labels);
        let class = |k: &str| nodes.iter().find(|n| n.key == k).unwrap().get("class");
        assert_eq!(class("m-published-2025000"), Some("mk filled s0"));
        assert_eq!(class("m-published-2024000"), Some("hit s0"));
        assert_eq!(class("m-published-2026000"), Some("hit s0"));
        let hit = nodes
            .iter()
            .find(|n| n.key == "m-published-2026000")
            .unwrap();
        assert_eq!(hit.label.as_deref(), Some("Published path 2026"));
        assert!(!nodes
            .iter()
            .any(|n| n.get("class").is_some_and(|c| c.starts_with("mk hollow"))));
        // The end label sits right of the plot, at the last point's height.
        let label = nodes.iter().find(|n| n.key == "el-published-0").unwrap();
        assert_eq!(label.text.as_deref(), Some("Published path"));
        assert_eq!(label.get("class"), Some("end-label s0"));
        let x: f64 = label.get("x").unwrap().parse().unwrap();
        assert!(x > g.plot.2 && x + 14.0 * 6.6 <= 800.0, "{x}");
        let last = g.markers.iter().map(|m| m.y).fold(f64::INFINITY, f64::min);
        let y: f64 = label.get("y").unwrap().parse().unwrap();
        // (kept inside the drawing: at most half a line off at the very top)
        assert!((y - last).abs() <= END_LABEL_LINE / 2.0, "{y} {last}");
    }

    #[test]
    fn donut_and_treemap_scenes() {
        let d = donut_scene(
            &[
                ("a".into(), 1.0, 0, "A 50%".into()),
                ("b".into(), 1.0, 1, "B 50%".into()),
            ],
            "2",
        );
        assert_eq!(d.len(), 3);
        assert_eq!(d[0].label.as_deref(), Some("A 50%"));
        let cells = vec![Cell {
            key: "x".into(),
            name: "A long region name".into(),
            label: "x".into(),
            color: 0,
            depth: 0,
            rect: Rect {
                x: 0.0,
                y: 0.0,
                w: 60.0,
                h: 30.0,
            },
        }];
        let t = treemap_scene(&cells);
        assert_eq!(t[1].text.as_deref(), Some("A long…"));
    }

    #[test]
    fn chinese_labels_are_measured_wider_and_long_ones_squeezed_to_fit() {
        assert!(label_width("市场规模") > label_width("abcd") * 1.5);
        let t = tooltip(
            "全球模组化智慧型手机租赁市场公布路径与情景路径，2024：22亿美元（推算值）",
            (50.0, 100.0),
            360.0,
            300.0,
        );
        let box_w: f64 = t[0]
            .attrs
            .iter()
            .find(|(a, _)| *a == "width")
            .map(|(_, v)| v.parse().unwrap())
            .unwrap();
        assert!(box_w <= 356.0);
        assert!(t[1].attrs.iter().any(|(a, _)| *a == "textLength"));
        let short = tooltip("2011: ¥70.1\u{a0}bn", (50.0, 100.0), 360.0, 300.0);
        assert!(!short[1].attrs.iter().any(|(a, _)| *a == "textLength"));
    }

    #[test]
    fn tooltips_stay_inside_the_drawing() {
        let t = tooltip(
            "Market, 2032: US$6.1\u{a0}bn (reported)",
            (790.0, 10.0),
            800.0,
            340.0,
        );
        let (x, w, y) = (
            t[0].get("x").unwrap().parse::<f64>().unwrap(),
            t[0].get("width").unwrap().parse::<f64>().unwrap(),
            t[0].get("y").unwrap().parse::<f64>().unwrap(),
        );
        assert!(x >= 2.0 && x + w <= 798.0, "{x} {w}");
        assert!(
            y >= 20.0,
            "below the point when there is no room above: {y}"
        );
        assert_eq!(
            t[1].text.as_deref(),
            Some("Market, 2032: US$6.1\u{a0}bn (reported)")
        );
    }

    #[test]
    fn px_rounds_and_cleans() {
        assert_eq!(px(1.005), "1");
        assert_eq!(px(-0.001), "0");
        assert_eq!(px(f64::NAN), "0");
        assert_eq!(px(12.345), "12.35");
    }
}
