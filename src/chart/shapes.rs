//! SVG path building: lines, areas, stacked bands, donut arcs and a squarified treemap.
//! Coordinates are rounded to 0.01 px so paths are short and stable to compare in tests.

use std::f64::consts::PI;
use std::fmt::Write;

fn r2(v: f64) -> f64 {
    if v.is_finite() {
        (v * 100.0).round() / 100.0
    } else {
        0.0
    }
}

/// `M x y L x y …` through the points; empty for no points.
pub fn line_path(points: &[(f64, f64)]) -> String {
    let mut d = String::with_capacity(points.len() * 16);
    for (i, (x, y)) in points.iter().enumerate() {
        let _ = write!(d, "{}{} {}", if i == 0 { "M" } else { "L" }, r2(*x), r2(*y));
    }
    d
}

/// A closed area between an upper and a lower line (same x positions, left to right).
pub fn area_path(upper: &[(f64, f64)], lower: &[(f64, f64)]) -> String {
    if upper.is_empty() {
        return String::new();
    }
    let mut d = line_path(upper);
    for (x, y) in lower.iter().rev() {
        let _ = write!(d, "L{} {}", r2(*x), r2(*y));
    }
    d.push('Z');
    d
}

/// Cumulative bands of stacked series: `bands[i][t] = (bottom, top)`.
pub fn stack(series: &[Vec<f64>]) -> Vec<Vec<(f64, f64)>> {
    let len = series.iter().map(Vec::len).max().unwrap_or(0);
    let mut base = vec![0.0; len];
    series
        .iter()
        .map(|s| {
            (0..len)
                .map(|t| {
                    let v = s
                        .get(t)
                        .copied()
                        .filter(|v| v.is_finite())
                        .unwrap_or(0.0)
                        .max(0.0);
                    let band = (base[t], base[t] + v);
                    base[t] += v;
                    band
                })
                .collect()
        })
        .collect()
}

/// Point on a circle; angle 0 at twelve o'clock, clockwise.
fn polar(cx: f64, cy: f64, r: f64, angle: f64) -> (f64, f64) {
    (cx + r * angle.sin(), cy - r * angle.cos())
}

/// A donut segment from angle `a0` to `a1` (radians, clockwise from twelve o'clock).
pub fn arc_path(cx: f64, cy: f64, outer: f64, inner: f64, a0: f64, a1: f64) -> String {
    let sweep = (a1 - a0).clamp(0.0, 2.0 * PI);
    // A full circle cannot be one arc command: stop just short of it.
    let a1 = a0 + sweep.min(2.0 * PI - 1e-6);
    let large = if a1 - a0 > PI { 1 } else { 0 };
    let (x0, y0) = polar(cx, cy, outer, a0);
    let (x1, y1) = polar(cx, cy, outer, a1);
    let (x2, y2) = polar(cx, cy, inner, a1);
    let (x3, y3) = polar(cx, cy, inner, a0);
    format!(
        "M{} {}A{} {} 0 {large} 1 {} {}L{} {}A{} {} 0 {large} 0 {} {}Z",
        r2(x0),
        r2(y0),
        r2(outer),
        r2(outer),
        r2(x1),
        r2(y1),
        r2(x2),
        r2(y2),
        r2(inner),
        r2(inner),
        r2(x3),
        r2(y3)
    )
}

/// Start and end angles of each share around a full circle.
pub fn arc_angles(values: &[f64]) -> Vec<(f64, f64)> {
    let total: f64 = values.iter().filter(|v| v.is_finite() && **v > 0.0).sum();
    let mut a = 0.0;
    values
        .iter()
        .map(|v| {
            let share = if total > 0.0 && v.is_finite() && *v > 0.0 {
                v / total
            } else {
                0.0
            };
            let span = (a, a + share * 2.0 * PI);
            a = span.1;
            span
        })
        .collect()
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

impl Rect {
    pub fn area(&self) -> f64 {
        self.w * self.h
    }
}

/// Squarified treemap (Bruls, Huizing & van Wijk): rectangles in `bounds` with areas
/// proportional to `values`, in input order. Non-positive values get empty rectangles.
pub fn treemap(values: &[f64], bounds: Rect) -> Vec<Rect> {
    let mut out = vec![
        Rect {
            x: bounds.x,
            y: bounds.y,
            w: 0.0,
            h: 0.0
        };
        values.len()
    ];
    let total: f64 = values.iter().filter(|v| v.is_finite() && **v > 0.0).sum();
    if total <= 0.0 || bounds.area() <= 0.0 {
        return out;
    }
    let scale = bounds.area() / total;
    // Lay out largest first for squarer cells; remember each cell's input position.
    let mut order: Vec<usize> = (0..values.len())
        .filter(|&i| values[i].is_finite() && values[i] > 0.0)
        .collect();
    order.sort_by(|&a, &b| values[b].total_cmp(&values[a]));
    let areas: Vec<f64> = order.iter().map(|&i| values[i] * scale).collect();

    let mut free = bounds;
    let mut row: Vec<usize> = Vec::new();
    let worst = |row: &[usize], side: f64| -> f64 {
        let s: f64 = row.iter().map(|&k| areas[k]).sum();
        let (mx, mn) = row.iter().fold((0.0f64, f64::MAX), |(mx, mn), &k| {
            (mx.max(areas[k]), mn.min(areas[k]))
        });
        (side * side * mx / (s * s)).max(s * s / (side * side * mn))
    };
    let mut k = 0;
    while k < areas.len() {
        let side = free.w.min(free.h);
        let mut candidate = row.clone();
        candidate.push(k);
        if row.is_empty() || worst(&candidate, side) <= worst(&row, side) {
            row = candidate;
            k += 1;
        } else {
            free = lay_row(&row, &areas, &order, free, &mut out);
            row.clear();
        }
    }
    if !row.is_empty() {
        lay_row(&row, &areas, &order, free, &mut out);
    }
    out
}

/// Places one row along the shorter side of `free`; returns what is left.
fn lay_row(row: &[usize], areas: &[f64], order: &[usize], free: Rect, out: &mut [Rect]) -> Rect {
    let sum: f64 = row.iter().map(|&k| areas[k]).sum();
    if free.w >= free.h {
        // Column on the left, cells stacked top to bottom.
        let w = if free.h > 0.0 { sum / free.h } else { 0.0 };
        let mut y = free.y;
        for &k in row {
            let h = if w > 0.0 { areas[k] / w } else { 0.0 };
            out[order[k]] = Rect { x: free.x, y, w, h };
            y += h;
        }
        Rect {
            x: free.x + w,
            y: free.y,
            w: (free.w - w).max(0.0),
            h: free.h,
        }
    } else {
        let h = if free.w > 0.0 { sum / free.w } else { 0.0 };
        let mut x = free.x;
        for &k in row {
            let w = if h > 0.0 { areas[k] / h } else { 0.0 };
            out[order[k]] = Rect { x, y: free.y, w, h };
            x += w;
        }
        Rect {
            x: free.x,
            y: free.y + h,
            w: free.w,
            h: (free.h - h).max(0.0),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_area_paths() {
        assert_eq!(line_path(&[(0.0, 10.0), (5.555, 2.0)]), "M0 10L5.56 2");
        assert_eq!(line_path(&[]), "");
        assert_eq!(
            area_path(&[(0.0, 1.0), (2.0, 0.0)], &[(0.0, 5.0), (2.0, 5.0)]),
            "M0 1L2 0L2 5L0 5Z"
        );
    }

    #[test]
    fn stacking_accumulates_and_ignores_bad_values() {
        let bands = stack(&[vec![1.0, 2.0], vec![3.0, f64::NAN]]);
        assert_eq!(bands[0], vec![(0.0, 1.0), (0.0, 2.0)]);
        assert_eq!(bands[1], vec![(1.0, 4.0), (2.0, 2.0)]);
    }

    #[test]
    fn arcs_cover_the_circle() {
        let a = arc_angles(&[1.0, 1.0, 2.0]);
        assert!((a[2].1 - 2.0 * PI).abs() < 1e-12);
        assert!((a[1].0 - PI / 2.0).abs() < 1e-12);
        // A quarter arc of radius 10 around (50, 50) from twelve to three o'clock.
        let d = arc_path(50.0, 50.0, 10.0, 5.0, 0.0, PI / 2.0);
        assert_eq!(d, "M50 40A10 10 0 0 1 60 50L55 50A5 5 0 0 0 50 45Z");
    }

    #[test]
    fn treemap_areas_are_proportional_and_inside() {
        let bounds = Rect {
            x: 0.0,
            y: 0.0,
            w: 600.0,
            h: 400.0,
        };
        let values = [6.0, 6.0, 4.0, 3.0, 2.0, 2.0, 1.0];
        let rects = treemap(&values, bounds);
        let total: f64 = values.iter().sum();
        for (r, v) in rects.iter().zip(values) {
            assert!((r.area() - v / total * bounds.area()).abs() < 1e-6);
            assert!(
                r.x >= -1e-9
                    && r.y >= -1e-9
                    && r.x + r.w <= 600.0 + 1e-6
                    && r.y + r.h <= 400.0 + 1e-6
            );
        }
        assert_eq!(treemap(&[0.0, -1.0], bounds)[0].area(), 0.0);
    }
}
