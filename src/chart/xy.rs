//! Geometry of x/y charts (lines with markers, stacked areas, bars, bands) as a pure function of
//! the data, the drawing size and the hidden series. The SVG component renders what this
//! returns and nothing else, so everything a reader sees here is unit-tested natively.

use super::label::{end_label_room, end_label_text_room, end_label_whole, END_LABEL_MAX_LINES};
use super::scale::{nice_ticks, LinearScale};
use super::shapes::{area_path, line_path, stack};
use crate::domain::schema::{BoundSide, Provenance};
use std::collections::BTreeSet;

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Datum {
    pub x: f64,
    pub y: f64,
    pub provenance: Provenance,
    pub bound: Option<BoundSide>,
}

impl Datum {
    pub fn new(x: f64, y: f64, provenance: Provenance) -> Self {
        Datum {
            x,
            y,
            provenance,
            bound: None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum SeriesKind {
    /// A line with a marker per point; dashed from `dashed_from` on (the forecast).
    Line { dashed_from: Option<f64> },
    /// Markers only (source bounds).
    Markers,
    /// One layer of a stacked area.
    StackedArea,
    /// One layer of stacked bars.
    StackedBar,
    /// One of several bars side by side per x.
    GroupedBar,
    /// A band between `lower` (this series' `low`) and the points (upper), e.g. p10–p90.
    Band,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    /// Stable key (legend toggles, DOM keys).
    pub key: String,
    pub label: String,
    /// Palette slot 0..8.
    pub color: usize,
    pub kind: SeriesKind,
    pub points: Vec<Datum>,
    /// Lower edge of a band, same x as `points`.
    pub low: Vec<f64>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Size {
    pub width: f64,
    pub height: f64,
}

/// Space for axes and labels around the plot.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Margins {
    pub top: f64,
    pub right: f64,
    pub bottom: f64,
    pub left: f64,
}

impl Margins {
    pub fn for_width(width: f64) -> Self {
        if width < 500.0 {
            Margins {
                top: 12.0,
                right: 10.0,
                bottom: 40.0,
                left: 64.0,
            }
        } else {
            Margins {
                top: 16.0,
                right: 20.0,
                bottom: 44.0,
                left: 80.0,
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Tick {
    /// Pixel position along its axis.
    pub at: f64,
    pub value: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Marker {
    pub series: String,
    pub x: f64,
    pub y: f64,
    pub datum: Datum,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    pub series: String,
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
    pub datum: Datum,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct SeriesShape {
    pub key: String,
    /// Solid part of a line, or the area/band outline.
    pub solid: String,
    /// Dashed (forecast) part of a line.
    pub dashed: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Geometry {
    pub size: Size,
    pub plot: (f64, f64, f64, f64),
    pub x_ticks: Vec<Tick>,
    pub y_ticks: Vec<Tick>,
    pub shapes: Vec<SeriesShape>,
    pub markers: Vec<Marker>,
    pub bars: Vec<Bar>,
}

impl Geometry {
    pub fn shape(&self, key: &str) -> Option<&SeriesShape> {
        self.shapes.iter().find(|s| s.key == key)
    }
}

fn finite(v: f64) -> Option<f64> {
    v.is_finite().then_some(v)
}

/// Most marks (one per band and year) a stacked area draws. Every mark is a focusable element
/// with its own label; 200 segments over 51 years would be 10,200 of them, a page that freezes
/// for seconds on a phone and a keyboard user's endless tab order. Past this, each band keeps
/// one mark, at its last year.
pub const MAX_AREA_MARKS: usize = 1_000;

/// Whether the visible lines of a drawing `width` wide are named at their right end instead of
/// only in the legend: they are few (1 to [`END_LABEL_MAX_LINES`]) and every name fits whole.
/// One cut name ("Target: Active u…") says less than the legend above, so then none is drawn
/// and the plot keeps the room.
pub fn end_labelled(series: &[Series], hidden: &BTreeSet<String>, width: f64) -> bool {
    let lines: Vec<&Series> = series
        .iter()
        .filter(|s| {
            !hidden.contains(&s.key)
                && matches!(s.kind, SeriesKind::Line { .. })
                && s.points.iter().any(|d| d.x.is_finite() && d.y.is_finite())
        })
        .collect();
    let room = end_label_text_room(end_label_room(width), width);
    (1..=END_LABEL_MAX_LINES).contains(&lines.len())
        && lines.iter().all(|s| end_label_whole(&s.label, room))
}

/// Lays out the visible series in `size`. Y always starts at zero (market sizes and counts).
pub fn layout(series: &[Series], size: Size, hidden: &BTreeSet<String>) -> Geometry {
    layout_with(series, size, hidden, Room::default())
}

/// Room a drawing needs beyond the standard margins: its widest value label left of the plot,
/// the end labels right of it.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Room {
    pub left: f64,
    pub right: f64,
}

/// Gap between the plot and the right end of a value (y) tick label: room for a marker on the
/// plot's left edge (a reported point's radius 4.5 and its stroke), so "3 m" and a target's
/// first point do not touch.
pub const Y_TICK_GAP: f64 = 9.0;

/// The left margin value labels this wide need (`None`: the standard one holds them): the
/// label, the gap to the plot and 2 units to spare, so no first digit is cut at the edge.
pub fn y_label_room(widest: f64, size: Size) -> Option<f64> {
    let need = widest + Y_TICK_GAP + 2.0;
    (need > Margins::for_width(size.width).left).then_some(need.ceil())
}

/// [`layout`] with at least `room` around the plot (for wide value labels and end labels).
pub fn layout_with(
    series: &[Series],
    size: Size,
    hidden: &BTreeSet<String>,
    room: Room,
) -> Geometry {
    let mut m = Margins::for_width(size.width);
    m.left = m.left.max(room.left);
    m.right = m.right.max(room.right);
    let (x0, x1) = (m.left, (size.width - m.right).max(m.left + 1.0));
    let (y0, y1) = ((size.height - m.bottom).max(m.top + 1.0), m.top);
    let visible: Vec<&Series> = series.iter().filter(|s| !hidden.contains(&s.key)).collect();

    let xs: BTreeSet<i64> = visible
        .iter()
        .flat_map(|s| s.points.iter())
        .filter_map(|d| finite(d.x))
        .map(|x| (x * 1000.0).round() as i64)
        .collect();
    let xs: Vec<f64> = xs.into_iter().map(|x| x as f64 / 1000.0).collect();
    let (xmin, xmax) = match (xs.first(), xs.last()) {
        (Some(a), Some(b)) => (*a, *b),
        _ => (0.0, 1.0),
    };

    // Stacked layers share one cumulative baseline per kind.
    let stacked_values = |kind: SeriesKind| -> Vec<Vec<f64>> {
        visible
            .iter()
            .filter(|s| s.kind == kind)
            .map(|s| {
                xs.iter()
                    .map(|x| s.points.iter().find(|d| d.x == *x).map_or(0.0, |d| d.y))
                    .collect()
            })
            .collect()
    };
    let area_bands = stack(&stacked_values(SeriesKind::StackedArea));
    let bar_bands = stack(&stacked_values(SeriesKind::StackedBar));

    // The axis starts at zero, or below it when a series goes negative (temperature
    // anomalies, profits).
    let (mut ymin, mut ymax): (f64, f64) = (0.0, 0.0);
    for s in &visible {
        for d in &s.points {
            if let Some(y) = finite(d.y) {
                ymax = ymax.max(y);
                ymin = ymin.min(y);
            }
        }
    }
    for bands in [&area_bands, &bar_bands] {
        if let Some(top) = bands.last() {
            for (_, t) in top {
                ymax = ymax.max(*t);
            }
        }
    }
    let (yticks, ydomain) = nice_ticks(ymin, ymax, if size.height < 260.0 { 4 } else { 5 });
    let ys = LinearScale::new(ydomain, (y0, y1));

    let bar_kinds = visible
        .iter()
        .any(|s| matches!(s.kind, SeriesKind::StackedBar | SeriesKind::GroupedBar));
    // Bars need half a slot of room at each end; lines use the full width.
    let slot = if xs.len() > 1 {
        (x1 - x0) / xs.len() as f64
    } else {
        x1 - x0
    };
    let xs_scale = if bar_kinds {
        LinearScale::new((xmin, xmax), (x0 + slot / 2.0, x1 - slot / 2.0))
    } else {
        LinearScale::new((xmin, xmax), (x0, x1))
    };

    let mut shapes = Vec::new();
    let mut markers = Vec::new();
    let mut bars = Vec::new();
    let grouped: Vec<&&Series> = visible
        .iter()
        .filter(|s| s.kind == SeriesKind::GroupedBar)
        .collect();
    let (mut area_i, mut bar_i) = (0, 0);
    let thin_areas = area_bands.len() * xs.len() > MAX_AREA_MARKS;

    for s in &visible {
        let pts: Vec<(f64, f64, Datum)> = s
            .points
            .iter()
            .filter(|d| d.x.is_finite() && d.y.is_finite())
            .map(|d| (xs_scale.map(d.x), ys.map(d.y), *d))
            .collect();
        let mut shape = SeriesShape {
            key: s.key.clone(),
            ..Default::default()
        };
        match s.kind {
            SeriesKind::Line { dashed_from } => {
                let split = dashed_from.unwrap_or(f64::INFINITY);
                let solid: Vec<(f64, f64)> = pts
                    .iter()
                    .filter(|p| p.2.x <= split)
                    .map(|p| (p.0, p.1))
                    .collect();
                // The dashed part starts at the last solid point so the line is continuous.
                let dashed: Vec<(f64, f64)> = pts
                    .iter()
                    .filter(|p| {
                        p.2.x >= split
                            || Some(p.2.x)
                                == pts
                                    .iter()
                                    .map(|q| q.2.x)
                                    .filter(|x| *x <= split)
                                    .reduce(f64::max)
                    })
                    .map(|p| (p.0, p.1))
                    .collect();
                shape.solid = line_path(&solid);
                shape.dashed = if dashed.len() > 1 {
                    line_path(&dashed)
                } else {
                    String::new()
                };
                markers.extend(pts.iter().map(|p| Marker {
                    series: s.key.clone(),
                    x: p.0,
                    y: p.1,
                    datum: p.2,
                }));
            }
            SeriesKind::Markers => {
                markers.extend(pts.iter().map(|p| Marker {
                    series: s.key.clone(),
                    x: p.0,
                    y: p.1,
                    datum: p.2,
                }));
            }
            SeriesKind::Band => {
                let upper: Vec<(f64, f64)> = pts.iter().map(|p| (p.0, p.1)).collect();
                let lower: Vec<(f64, f64)> = s
                    .points
                    .iter()
                    .zip(&s.low)
                    .filter(|(d, l)| d.x.is_finite() && l.is_finite())
                    .map(|(d, l)| (xs_scale.map(d.x), ys.map(*l)))
                    .collect();
                shape.solid = area_path(&upper, &lower);
            }
            SeriesKind::StackedArea => {
                if let Some(band) = area_bands.get(area_i) {
                    let upper: Vec<(f64, f64)> = xs
                        .iter()
                        .zip(band)
                        .map(|(x, b)| (xs_scale.map(*x), ys.map(b.1)))
                        .collect();
                    let lower: Vec<(f64, f64)> = xs
                        .iter()
                        .zip(band)
                        .map(|(x, b)| (xs_scale.map(*x), ys.map(b.0)))
                        .collect();
                    shape.solid = area_path(&upper, &lower);
                    // Past the cap, only each band's last year is a mark (the table view
                    // still lists every value).
                    let skip = if thin_areas {
                        xs.len().saturating_sub(1)
                    } else {
                        0
                    };
                    markers.extend(xs.iter().zip(band).skip(skip).filter_map(|(x, b)| {
                        let d = s.points.iter().find(|d| d.x == *x)?;
                        Some(Marker {
                            series: s.key.clone(),
                            x: xs_scale.map(*x),
                            y: ys.map(b.1),
                            datum: *d,
                        })
                    }));
                }
                area_i += 1;
            }
            SeriesKind::StackedBar => {
                if let Some(band) = bar_bands.get(bar_i) {
                    let w = (slot * 0.7).max(1.0);
                    bars.extend(xs.iter().zip(band).filter_map(|(x, b)| {
                        let d = s.points.iter().find(|d| d.x == *x)?;
                        let (top, bottom) = (ys.map(b.1), ys.map(b.0));
                        Some(Bar {
                            series: s.key.clone(),
                            x: xs_scale.map(*x) - w / 2.0,
                            y: top,
                            w,
                            h: (bottom - top).max(0.0),
                            datum: *d,
                        })
                    }));
                }
                bar_i += 1;
            }
            SeriesKind::GroupedBar => {
                let n = grouped.len().max(1) as f64;
                let i = grouped.iter().position(|g| g.key == s.key).unwrap_or(0) as f64;
                let w = (slot * 0.8 / n).max(1.0);
                bars.extend(pts.iter().map(|p| Bar {
                    series: s.key.clone(),
                    x: p.0 - slot * 0.4 + i * w,
                    y: p.1,
                    w,
                    h: (y0 - p.1).max(0.0),
                    datum: p.2,
                }));
            }
        }
        shapes.push(shape);
    }

    let x_ticks = year_ticks(&xs, (x1 - x0) / 44.0)
        .into_iter()
        .map(|x| Tick {
            at: xs_scale.map(x),
            value: x,
        })
        .collect();
    let y_ticks = yticks
        .into_iter()
        .map(|v| Tick {
            at: ys.map(v),
            value: v,
        })
        .collect();

    Geometry {
        size,
        plot: (x0, y1, x1, y0),
        x_ticks,
        y_ticks,
        shapes,
        markers,
        bars,
    }
}

/// The years an x axis names, for a plot with room for `room` labels across its width: every
/// year when they fit, otherwise every 2nd, 5th… year from the first, and always the last
/// (the year a forecast ends on, which headlines quote), in the place of the one before it
/// when the two would stand closer than a label's room. A point between years (a fraction)
/// is always named.
pub fn year_ticks(xs: &[f64], room: f64) -> Vec<f64> {
    let slots = room.max(1.0) as usize;
    let every = [1, 2, 5, 10, 20, 50]
        .into_iter()
        .find(|e| xs.len().div_ceil(*e) <= slots)
        .unwrap_or(100);
    let mut picked: Vec<usize> = (0..xs.len())
        .filter(|i| i % every == 0 || xs[*i].fract() != 0.0)
        .collect();
    let last = xs.len().saturating_sub(1);
    match picked.last() {
        Some(&prev) if prev != last => {
            // How many labels' room lies between the two (the axis spans first to last; the
            // first year is a whole axis, at least one label's room, from the last).
            let apart = (xs[last] - xs[prev]) / (xs[last] - xs[0]) * room.max(1.0);
            if apart < 1.0 && xs[prev].fract() == 0.0 {
                picked.pop();
            }
            picked.push(last);
        }
        _ => {}
    }
    picked.into_iter().map(|i| xs[i]).collect()
}
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_value_labels_widen_the_left_margin_and_move_only_the_plot() {
        use crate::chart::label::text_width;
        let phone = Size {
            width: 360.0,
            height: 260.0,
        };
        // "3,000亿元" at a phone's 14px type is wider than the 64-unit margin.
        let widest = text_width("3,000亿元") * 14.0 / 12.0;
        let left = y_label_room(widest, phone).expect("wider");
        assert!(left >= widest + Y_TICK_GAP + 2.0);
        // A short label fits the standard margin.
        assert_eq!(y_label_room(text_width("¥300\u{a0}bn"), phone), None);
        let s = vec![Series {
            key: "a".into(),
            label: "A".into(),
            color: 0,
            kind: SeriesKind::Line { dashed_from: None },
            points: vec![
                Datum::new(2020.0, 100.0, Provenance::Reported),
                Datum::new(2030.0, 3000.0, Provenance::Reported),
            ],
            low: vec![],
        }];
        let hidden = BTreeSet::new();
        let standard = layout(&s, phone, &hidden);
        let wide = layout_with(&s, phone, &hidden, Room { left, right: 0.0 });
        assert_eq!(wide.plot.0, left);
        assert_eq!(wide.plot.2, standard.plot.2);
        assert_eq!(wide.y_ticks, standard.y_ticks);
    }

    fn line(key: &str, pts: &[(f64, f64)], dashed_from: Option<f64>) -> Series {
        Series {
            key: key.into(),
            label: key.into(),
            color: 0,
            kind: SeriesKind::Line { dashed_from },
            points: pts
                .iter()
                .map(|&(x, y)| Datum::new(x, y, Provenance::Derived))
                .collect(),
            low: vec![],
        }
    }

    const SIZE: Size = Size {
        width: 800.0,
        height: 360.0,
    };

    #[test]
    fn a_known_series_gives_known_coordinates() {
        // Plot area: x 80..780, y 316..16; y domain 0..6 (ticks 0,2,4,6).
        let s = line(
            "m",
            &[(2024.0, 2.0), (2025.0, 4.0), (2026.0, 6.0)],
            Some(2025.0),
        );
        let g = layout(&[s], SIZE, &BTreeSet::new());
        assert_eq!(
            g.y_ticks.iter().map(|t| t.value).collect::<Vec<_>>(),
            vec![0.0, 2.0, 4.0, 6.0]
        );
        assert_eq!(g.y_ticks[0].at, 316.0);
        assert_eq!(g.y_ticks[3].at, 16.0);
        let shape = g.shape("m").unwrap();
        assert_eq!(shape.solid, "M80 216L430 116");
        assert_eq!(shape.dashed, "M430 116L780 16");
        assert_eq!(g.markers.len(), 3);
        assert_eq!(
            g.x_ticks.iter().map(|t| t.value).collect::<Vec<_>>(),
            vec![2024.0, 2025.0, 2026.0]
        );
    }

    #[test]
    fn the_time_axis_always_names_the_last_year() {
        let years = |a: i32, b: i32| (a..=b).map(f64::from).collect::<Vec<_>>();
        // Room for every year.
        assert_eq!(year_ticks(&years(2024, 2026), 10.0), years(2024, 2026));
        // 2024–2032 in room for 4: every 5th year, and 2032, three years (1.5 labels' room)
        // after 2029.
        assert_eq!(
            year_ticks(&years(2024, 2032), 4.0),
            vec![2024.0, 2029.0, 2032.0]
        );
        // In room for 2.5, 2029 and 2032 would stand closer than a label: 2032 takes its place.
        assert_eq!(year_ticks(&years(2024, 2032), 2.5), vec![2024.0, 2032.0]);
        // Room for 5: every 2nd year ends on 2032 by itself.
        assert_eq!(
            year_ticks(&years(2024, 2032), 5.0),
            vec![2024.0, 2026.0, 2028.0, 2030.0, 2032.0]
        );
        // 2005–2017 in room for 3: every 5th year; 2017, two years after 2015, takes its place.
        assert_eq!(
            year_ticks(&years(2005, 2017), 3.0),
            vec![2005.0, 2010.0, 2017.0]
        );
        // The first year is kept even when the last is close to it.
        assert_eq!(year_ticks(&years(2024, 2026), 1.0), vec![2024.0, 2026.0]);
        // Years the data skips: the room is measured in years, not in points (2002 and 2012
        // are ten years apart; 2011 and 2012 would touch).
        assert_eq!(
            year_ticks(&[2000.0, 2001.0, 2002.0, 2012.0], 3.0),
            vec![2000.0, 2002.0, 2012.0]
        );
        assert_eq!(
            year_ticks(&[2000.0, 2010.0, 2011.0, 2012.0], 2.0),
            vec![2000.0, 2012.0]
        );
        // A point between years is named, and kept beside the last.
        assert_eq!(
            year_ticks(&[2024.0, 2025.0, 2025.5, 2026.0], 1.5),
            vec![2024.0, 2025.5, 2026.0]
        );
        assert_eq!(year_ticks(&[], 3.0), Vec::<f64>::new());
        assert_eq!(year_ticks(&[2024.0], 3.0), vec![2024.0]);
    }

    #[test]
    fn a_large_stacked_area_keeps_one_mark_per_band() {
        let band = |i: usize| Series {
            key: format!("s{i}"),
            label: format!("S{i}"),
            color: i,
            kind: SeriesKind::StackedArea,
            points: (0..51)
                .map(|y| Datum::new(2024.0 + y as f64, 1.0 + i as f64, Provenance::Assumption))
                .collect(),
            low: vec![],
        };
        let many: Vec<Series> = (0..200).map(band).collect();
        let g = layout(&many, SIZE, &BTreeSet::new());
        assert_eq!(g.markers.len(), 200);
        assert!(g.markers.iter().all(|m| m.datum.x == 2074.0));
        assert_eq!(g.shapes.len(), 200);
        // Below the cap every year is a mark.
        let few: Vec<Series> = (0..6).map(band).collect();
        assert_eq!(layout(&few, SIZE, &BTreeSet::new()).markers.len(), 6 * 51);
    }

    #[test]
    fn negative_values_stay_inside_the_plot() {
        // Temperature anomalies: −0.4 … 0.8 → the axis runs below zero and every point is
        // within the plot (y 316 at the bottom, 16 at the top).
        let s = line("t", &[(1900.0, -0.4), (1950.0, 0.1), (2000.0, 0.8)], None);
        let g = layout(&[s], SIZE, &BTreeSet::new());
        let values: Vec<f64> = g.y_ticks.iter().map(|t| t.value).collect();
        assert!(
            values[0] <= -0.4 && *values.last().unwrap() >= 0.8,
            "{values:?}"
        );
        assert!(values.contains(&0.0), "{values:?}");
        for m in &g.markers {
            assert!((16.0..=316.0).contains(&m.y), "{}", m.y);
        }
    }

    #[test]
    fn hidden_series_leave_the_scale() {
        let a = line("a", &[(1.0, 1.0), (2.0, 1.0)], None);
        let b = line("b", &[(1.0, 100.0), (2.0, 100.0)], None);
        let hidden: BTreeSet<String> = ["b".to_string()].into();
        let g = layout(&[a, b], SIZE, &hidden);
        assert_eq!(g.y_ticks.last().unwrap().value, 1.0);
        assert!(g.shape("b").is_none());
    }

    #[test]
    fn stacked_areas_sit_on_each_other() {
        let mk = |key: &str, y: f64| Series {
            key: key.into(),
            label: key.into(),
            color: 0,
            kind: SeriesKind::StackedArea,
            points: vec![
                Datum::new(0.0, y, Provenance::Assumption),
                Datum::new(1.0, y, Provenance::Assumption),
            ],
            low: vec![],
        };
        let g = layout(&[mk("a", 2.0), mk("b", 2.0)], SIZE, &BTreeSet::new());
        // Top of b is the stack total 4 → y domain 0..4, top tick at the top of the plot.
        assert_eq!(g.y_ticks.last().unwrap().value, 4.0);
        let top_b = g
            .markers
            .iter()
            .filter(|m| m.series == "b")
            .map(|m| m.y)
            .collect::<Vec<_>>();
        assert_eq!(top_b, vec![16.0, 16.0]);
    }

    #[test]
    fn empty_and_bad_data_do_not_break_the_layout() {
        let g = layout(&[], SIZE, &BTreeSet::new());
        assert!(g.markers.is_empty() && !g.y_ticks.is_empty());
        let s = line("nan", &[(1.0, f64::NAN), (2.0, 3.0)], None);
        let g = layout(&[s], SIZE, &BTreeSet::new());
        assert_eq!(g.markers.len(), 1);
    }
}
