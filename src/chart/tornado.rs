//! Geometry of a tornado chart as a pure scene: one row per input, a "low" and a "high" bar
//! each running from the base value (where every bar starts) to the value with the input
//! lowered or raised. The two bars of a row sit one above the other (each half the row's bar
//! height), so they never hide each other when both point the same way.
//!
//! Wide layout: the row's name in a column on the left. Narrow layout (phones): the name on
//! its own line above the bars, so long names keep the full width. The moved input values are
//! written just past the outer end of each bar; the plot leaves room for them on both sides.

use super::scale::{nice_ticks, LinearScale};
use super::scene::{color_class, px, SvgNode};
use crate::domain::format::{bracketed, Locale};

/// Palette slots of the low and high bars (legend swatches use the same).
pub const LOW_COLOR: usize = 1;
pub const HIGH_COLOR: usize = 0;

/// Space above the rows (the base value's label) and below them (the value axis).
pub const TOP: f64 = 26.0;
pub const BOTTOM: f64 = 30.0;
/// Height of one bar (low or high); a row's two bars are 2 units apart.
pub const BAR: f64 = 11.0;
const BAR_GAP: f64 = 2.0;
/// Room past the bar ends for the input values.
pub const INPUT_PAD: f64 = 56.0;
const SIDE: f64 = 8.0;

/// One bar: where it ends, the input value written at its end, and what it says when focused.
#[derive(Debug, Clone, PartialEq)]
pub struct TornadoBar {
    pub value: f64,
    pub input: String,
    pub label: String,
    /// The input is at its slider's limit on this side: it cannot move further this way (the
    /// bar is a hairline at the base, written "at limit").
    pub at_limit: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct TornadoRow {
    /// Stable key (the input key).
    pub key: String,
    pub name: String,
    pub low: TornadoBar,
    pub high: TornadoBar,
}

/// What the chart shows besides the rows.
pub struct TornadoOptions<'a> {
    pub width: f64,
    pub narrow: bool,
    pub show_low: bool,
    pub show_high: bool,
    /// Label of the base line ("Your scenario: US$6.1 bn").
    pub base_label: &'a str,
    /// What a bar at its slider's limit says ("at limit").
    pub at_limit: &'a str,
    /// The language of the texts: a bar's accessible name puts "at limit" in its brackets.
    pub locale: Locale,
    pub tick: &'a dyn Fn(f64) -> String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct TornadoScene {
    pub nodes: Vec<SvgNode>,
    pub width: f64,
    pub height: f64,
}

/// Height of a row: the two bars and the space around them (plus the name line when narrow).
pub fn row_height(narrow: bool) -> f64 {
    if narrow {
        54.0
    } else {
        34.0
    }
}

/// Width of the name column (0 when narrow: names go above the bars).
pub fn name_width(width: f64, narrow: bool) -> f64 {
    if narrow {
        0.0
    } else {
        (width * 0.38).round()
    }
}

/// About how wide a label is at 12px: CJK characters take a full em, others about half.
fn text_width(s: &str) -> f64 {
    s.chars()
        .map(|c| if c >= '\u{2E80}' { 12.0 } else { 6.6 })
        .sum()
}

/// `name` cut with "…" to fit `room` units (the full name is in the bar labels and table).
pub fn fit(name: &str, room: f64) -> String {
    if text_width(name) <= room {
        return name.to_string();
    }
    let mut out = String::new();
    let mut used = text_width("…");
    for c in name.chars() {
        used += text_width(c.encode_utf8(&mut [0; 4]));
        if used > room {
            break;
        }
        out.push(c);
    }
    format!("{}…", out.trim_end())
}

/// The horizontal extent of the plot: `(left, right)` in viewBox units.
pub fn plot_x(width: f64, narrow: bool) -> (f64, f64) {
    (
        name_width(width, narrow) + SIDE + INPUT_PAD,
        width - SIDE - INPUT_PAD,
    )
}

/// The scene of a tornado around `base`.
pub fn tornado_scene(rows: &[TornadoRow], base: f64, o: &TornadoOptions) -> TornadoScene {
    let row_h = row_height(o.narrow);
    let height = TOP + rows.len() as f64 * row_h + BOTTOM;
    let (x0, x1) = plot_x(o.width, o.narrow);
    let bottom = TOP + rows.len() as f64 * row_h;
    // The axis covers every bar, shown or not, so toggling a legend entry does not rescale.
    let values = rows
        .iter()
        .flat_map(|r| [r.low.value, r.high.value])
        .chain([base])
        .filter(|v| v.is_finite());
    let (lo, hi) = values.fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), v| {
        (a.min(v), b.max(v))
    });
    // As many ticks as fit their labels side by side ("2,000亿元" is wider than "US$14 bn").
    let counts: &[usize] = if o.narrow { &[3, 2] } else { &[5, 4, 3, 2] };
    let fits = |(ticks, domain): &(Vec<f64>, (f64, f64))| {
        let s = LinearScale::new(*domain, (x0, x1));
        ticks.windows(2).all(|w| {
            let gap = (s.map(w[1]) - s.map(w[0])).abs();
            gap >= (text_width(&(o.tick)(w[0])) + text_width(&(o.tick)(w[1]))) / 2.0 + 8.0
        })
    };
    let (ticks, domain) = counts
        .iter()
        .map(|n| nice_ticks(lo, hi, *n))
        .find(fits)
        .unwrap_or_else(|| nice_ticks(lo, hi, 2));
    let sx = LinearScale::new(domain, (x0, x1));
    let at_base = sx.map(base);
    let name_room = if o.narrow {
        o.width - 2.0 * SIDE
    } else {
        name_width(o.width, false) - 2.0 * SIDE
    };
    let mut out = Vec::new();
    for t in &ticks {
        let x = sx.map(*t);
        out.push(
            SvgNode::new(format!("gx{t}"), "line")
                .in_group("value-axis")
                .attr("class", "gridline")
                .attr("x1", px(x))
                .attr("x2", px(x))
                .attr("y1", px(TOP))
                .attr("y2", px(bottom)),
        );
        out.push(
            SvgNode::new(format!("tx{t}"), "text")
                .in_group("value-axis")
                .attr("class", "tick x")
                .attr("x", px(x))
                .attr("y", px(bottom + 18.0))
                .text((o.tick)(*t)),
        );
    }
    for (i, r) in rows.iter().enumerate() {
        let top = TOP + i as f64 * row_h;
        let (name_x, name_y, bars_y) = if o.narrow {
            // The name's line and the first value's line are 17.5 apart: a 12px name and an
            // 11px value never touch.
            (SIDE, top + 12.0, top + 24.0)
        } else {
            let bars = top + (row_h - 2.0 * BAR - BAR_GAP) / 2.0;
            (
                name_width(o.width, false) - SIDE,
                bars + BAR + BAR_GAP / 2.0,
                bars,
            )
        };
        out.push(
            SvgNode::new(format!("n-{}", r.key), "text")
                .attr(
                    "class",
                    if o.narrow {
                        "tornado-name narrow"
                    } else {
                        "tornado-name"
                    },
                )
                .attr("data-testid", "tornado-row")
                .attr("data-key", &r.key)
                .attr("x", px(name_x))
                .attr("y", px(name_y))
                .attr("dy", "0.32em")
                .text(fit(&r.name, name_room)),
        );
        let sides = [
            (
                "lo",
                "tornado-low",
                LOW_COLOR,
                &r.low,
                bars_y,
                o.show_low,
                true,
            ),
            (
                "hi",
                "tornado-high",
                HIGH_COLOR,
                &r.high,
                bars_y + BAR + BAR_GAP,
                o.show_high,
                false,
            ),
        ];
        for (prefix, class, color, bar, y, shown, is_low) in sides {
            if !shown {
                continue;
            }
            let end = if bar.value.is_finite() {
                sx.map(bar.value)
            } else {
                at_base
            };
            // A bar of no length still shows as a hairline (and stays focusable).
            let w = (end - at_base).abs().max(1.0);
            let left = if end < at_base { at_base - w } else { at_base };
            // Which way the bar points: left when it ends below the base, or (no length)
            // low bars left and high bars right.
            let points_left = end < at_base || (end == at_base && is_low);
            let (text, label) = if bar.at_limit {
                (
                    format!("{} · {}", bar.input, o.at_limit),
                    bar.label.clone() + &bracketed(o.locale, o.at_limit),
                )
            } else {
                (bar.input.clone(), bar.label.clone())
            };
            let limit = if bar.at_limit { " at-limit" } else { "" };
            out.push(
                SvgNode::new(format!("{prefix}-{}", r.key), "rect")
                    .attr(
                        "class",
                        format!("bar {class} {}{limit}", color_class(color)),
                    )
                    .attr("data-key", &r.key)
                    .attr("x", px(left))
                    .attr("y", px(y))
                    .attr("width", px(w))
                    .attr("height", px(BAR))
                    .mark(label, (left + w / 2.0, y)),
            );
            // The value goes past the bar's outer end; where that would leave the drawing it
            // goes on the other side of the bar (on the bar's own line, so it never meets the
            // name or the other bar's value).
            let room_left = left - 4.0 - SIDE / 2.0;
            let room_right = o.width - (left + w + 4.0) - SIDE / 2.0;
            let width = text_width(&text);
            let left_side = if points_left {
                width <= room_left || room_right < width
            } else {
                width > room_right && room_left >= width
            };
            let (tx, anchor) = if left_side {
                (left - 4.0, "tornado-input end")
            } else {
                (left + w + 4.0, "tornado-input start")
            };
            out.push(
                SvgNode::new(format!("{prefix}t-{}", r.key), "text")
                    .attr("class", format!("{anchor}{limit}"))
                    .attr("x", px(tx))
                    .attr("y", px(y + BAR / 2.0))
                    .attr("dy", "0.32em")
                    .text(text),
            );
        }
    }
    out.push(
        SvgNode::new("base", "line")
            .attr("class", "tornado-base")
            .attr("x1", px(at_base))
            .attr("x2", px(at_base))
            .attr("y1", px(TOP - 6.0))
            .attr("y2", px(bottom)),
    );
    out.push(
        SvgNode::new("base-t", "text")
            .attr("class", "tornado-base-label")
            .attr("x", px(at_base.clamp(x0, x1)))
            .attr("y", px(TOP - 10.0))
            .text(o.base_label),
    );
    TornadoScene {
        nodes: out,
        width: o.width,
        height,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    fn bar(value: f64, input: &str) -> TornadoBar {
        TornadoBar {
            value,
            input: input.into(),
            label: format!("at {input}: {value}"),
            at_limit: false,
        }
    }

    fn rows() -> Vec<TornadoRow> {
        vec![
            TornadoRow {
                key: "headline".into(),
                name: "Headline growth".into(),
                low: bar(80.0, "11%"),
                high: bar(120.0, "15%"),
            },
            TornadoRow {
                key: "type.a.share".into(),
                name: "A — base share".into(),
                // Raising a sibling's share lowers the value: the high bar points left.
                low: bar(105.0, "20%"),
                high: bar(95.0, "24%"),
            },
        ]
    }

    fn options(width: f64, narrow: bool) -> TornadoOptions<'static> {
        TornadoOptions {
            width,
            narrow,
            show_low: true,
            show_high: true,
            base_label: "Base: 100",
            at_limit: "at limit",
            locale: Locale::En,
            tick: &|v| format!("{v}"),
        }
    }

    fn get<'a>(s: &'a TornadoScene, key: &str) -> &'a SvgNode {
        s.nodes.iter().find(|n| n.key == key).unwrap()
    }

    fn num(n: &SvgNode, attr: &str) -> f64 {
        n.get(attr).unwrap().parse().unwrap()
    }

    #[test]
    fn bars_run_from_the_base_to_the_moved_values() {
        let s = tornado_scene(&rows(), 100.0, &options(800.0, false));
        // Name column 304, plot 304 + 8 + 56 = 368 to 800 − 8 − 56 = 736; domain 80–120.
        assert_eq!(plot_x(800.0, false), (368.0, 736.0));
        assert_eq!(s.height, TOP + 2.0 * 34.0 + BOTTOM);
        let base = get(&s, "base");
        assert_eq!(num(base, "x1"), 552.0);
        let lo = get(&s, "lo-headline");
        assert_eq!((num(lo, "x"), num(lo, "width")), (368.0, 184.0));
        let hi = get(&s, "hi-headline");
        assert_eq!((num(hi, "x"), num(hi, "width")), (552.0, 184.0));
        // Row 0: bars centred in a 34-unit row: (34 − 24) / 2 = 5 below its top.
        assert_eq!(num(lo, "y"), TOP + 5.0);
        assert_eq!(num(hi, "y"), TOP + 5.0 + BAR + 2.0);
        assert_eq!(lo.get("class"), Some("bar tornado-low s1"));
        assert_eq!(hi.get("class"), Some("bar tornado-high s0"));
        assert_eq!(lo.label.as_deref(), Some("at 11%: 80"));
        // The second row's bars point the other way round.
        let lo2 = get(&s, "lo-type.a.share");
        assert_eq!((num(lo2, "x"), num(lo2, "width")), (552.0, 46.0));
        let hi2 = get(&s, "hi-type.a.share");
        assert_eq!((num(hi2, "x"), num(hi2, "width")), (506.0, 46.0));
        assert_eq!(num(lo2, "y"), TOP + 34.0 + 5.0);
        // Input values sit past the outer ends.
        let t = get(&s, "lot-headline");
        assert_eq!(
            (num(t, "x"), t.get("class")),
            (364.0, Some("tornado-input end"))
        );
        assert_eq!(t.text.as_deref(), Some("11%"));
        let t = get(&s, "hit-headline");
        assert_eq!(
            (num(t, "x"), t.get("class")),
            (740.0, Some("tornado-input start"))
        );
        let t = get(&s, "hit-type.a.share");
        assert_eq!(t.get("class"), Some("tornado-input end"));
        // Names: right-aligned in their column, with the row's key.
        let n = get(&s, "n-headline");
        assert_eq!(num(n, "x"), 296.0);
        assert_eq!(n.get("data-key"), Some("headline"));
        assert_eq!(n.get("data-testid"), Some("tornado-row"));
        assert_eq!(n.text.as_deref(), Some("Headline growth"));
        // Ticks every 10 from 80 to 120.
        assert_eq!(num(get(&s, "tx80"), "x"), 368.0);
        assert_eq!(num(get(&s, "tx120"), "x"), 736.0);
        let keys: BTreeSet<&str> = s.nodes.iter().map(|n| n.key.as_str()).collect();
        assert_eq!(keys.len(), s.nodes.len(), "keys are unique");
    }

    #[test]
    fn long_names_are_cut_to_their_column() {
        assert_eq!(fit("Headline growth", 288.0), "Headline growth");
        let long = "Processor & Memory Modules — base share, and then some more";
        let cut = fit(long, 288.0);
        assert!(cut.ends_with('…') && cut.chars().count() < long.chars().count());
        assert!(text_width(&cut) <= 288.0);
        // CJK characters are about twice as wide.
        assert_eq!(fit("摄像头模组 — 增长率", 288.0), "摄像头模组 — 增长率");
        assert_eq!(fit("摄像头模组摄像头模组", 60.0), "摄像头模…");
        let mut r = rows();
        r[0].name = long.into();
        let s = tornado_scene(&r, 100.0, &options(800.0, false));
        assert_eq!(get(&s, "n-headline").text.as_deref(), Some(cut.as_str()));
    }

    #[test]
    fn narrow_layout_puts_names_above_the_bars() {
        let s = tornado_scene(&rows(), 100.0, &options(360.0, true));
        assert_eq!(plot_x(360.0, true), (64.0, 296.0));
        assert_eq!(s.height, TOP + 2.0 * 54.0 + BOTTOM);
        let n = get(&s, "n-type.a.share");
        assert_eq!((num(n, "x"), num(n, "y")), (8.0, TOP + 54.0 + 12.0));
        let lo = get(&s, "lo-headline");
        assert_eq!((num(lo, "x"), num(lo, "y")), (64.0, TOP + 24.0));
        // The name's line clears the first value's line (12px and 11px text).
        let value = get(&s, "lot-headline");
        let name = get(&s, "n-headline");
        assert!(num(value, "y") - num(name, "y") >= 17.0);
    }

    #[test]
    fn a_bar_at_its_limit_is_a_labelled_hairline_and_values_stay_inside_a_phone() {
        // The input is at its slider's top: the high bar cannot move and says so.
        let mut limit = bar(100.0, "30%");
        limit.at_limit = true;
        let r = vec![TornadoRow {
            key: "k".into(),
            name: "Growth".into(),
            low: bar(80.0, "26%"),
            high: limit,
        }];
        let s = tornado_scene(&r, 100.0, &options(360.0, true));
        let hi = get(&s, "hi-k");
        assert_eq!(num(hi, "width"), 1.0);
        assert_eq!(hi.get("class"), Some("bar tornado-high s0 at-limit"));
        assert_eq!(hi.label.as_deref(), Some("at 30%: 100 (at limit)"));
        // In Chinese the remark takes full-width brackets.
        let zh = tornado_scene(
            &r,
            100.0,
            &TornadoOptions {
                at_limit: "已达上下限",
                locale: Locale::ZhHans,
                ..options(360.0, true)
            },
        );
        assert_eq!(
            get(&zh, "hi-k").label.as_deref(),
            Some("at 30%: 100（已达上下限）")
        );
        let t = get(&s, "hit-k");
        assert_eq!(t.text.as_deref(), Some("30% · at limit"));
        // The base is at the right end of the plot (296): the text goes inside, to the left.
        assert_eq!(t.get("class"), Some("tornado-input end at-limit"));
        // Every value text lies inside the 360-unit drawing.
        for n in s.nodes.iter().filter(|n| n.key.contains("t-")) {
            let x = num(n, "x");
            let w = text_width(n.text.as_deref().unwrap_or(""));
            let (a, b) = if n.get("class").unwrap().contains("end") {
                (x - w, x)
            } else {
                (x, x + w)
            };
            assert!(a >= 0.0 && b <= 360.0, "{}: {a}..{b}", n.key);
        }
    }

    #[test]
    fn tick_labels_never_run_into_each_other() {
        let wide = |v: f64| format!("{},000亿元", v as i64);
        let o = TornadoOptions {
            tick: &wide,
            ..options(800.0, false)
        };
        let s = tornado_scene(&rows(), 100.0, &o);
        let mut ticks: Vec<(f64, f64)> = s
            .nodes
            .iter()
            .filter(|n| n.key.starts_with("tx"))
            .map(|n| (num(n, "x"), text_width(n.text.as_deref().unwrap_or(""))))
            .collect();
        ticks.sort_by(|a, b| a.0.total_cmp(&b.0));
        assert!(ticks.len() >= 2);
        for w in ticks.windows(2) {
            assert!(w[1].0 - w[0].0 >= (w[0].1 + w[1].1) / 2.0, "{ticks:?}");
        }
    }

    #[test]
    fn hidden_sides_and_flat_rows() {
        let mut o = options(800.0, false);
        o.show_low = false;
        let flat = vec![TornadoRow {
            key: "x".into(),
            name: "X".into(),
            low: bar(100.0, "1"),
            high: bar(100.0, "2"),
        }];
        let s = tornado_scene(&flat, 100.0, &o);
        assert!(s.nodes.iter().all(|n| !n.key.starts_with("lo")));
        // No swing: a hairline, still a focusable mark, its value written to the right.
        let hi = get(&s, "hi-x");
        assert_eq!(num(hi, "width"), 1.0);
        assert!(hi.label.is_some());
        assert_eq!(get(&s, "hit-x").get("class"), Some("tornado-input start"));
        // NaN never reaches an attribute.
        let nan = vec![TornadoRow {
            key: "n".into(),
            name: "N".into(),
            low: bar(f64::NAN, "?"),
            high: bar(110.0, "2"),
        }];
        let s = tornado_scene(&nan, 100.0, &options(800.0, false));
        assert!(s
            .nodes
            .iter()
            .all(|n| n.attrs.iter().all(|(_, v)| !v.contains("NaN"))));
    }
}
