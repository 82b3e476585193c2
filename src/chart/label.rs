//! What chart marks, ticks and table cells say: pure text from values, units and provenance,
//! shared by every chart kind (`ui::charts` wires them in).

use super::xy::Datum;
use crate::domain::format::{self, Shown};
use crate::domain::schema::{BoundSide, Provenance, Unit};

/// A year or other x value as a label: years without thousands separators.
pub fn x_label(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e6 {
        format!("{}", x as i64)
    } else {
        format::number(x, 2)
    }
}

/// Whether `d` is the top end of an interval among a series' `points`: a ceiling marker at the
/// x of a floor marker. A series has one point a year, so a ceiling beside a floor can only be
/// an interval drawn as its two ends ("900多亿": △ at least 900亿, ▽ below 1000亿).
pub fn is_interval_top(points: &[Datum], d: &Datum) -> bool {
    d.provenance == Provenance::Bound
        && d.bound == Some(BoundSide::Upper)
        && points.iter().any(|p| {
            p.x == d.x && p.provenance == Provenance::Bound && p.bound == Some(BoundSide::Lower)
        })
}

/// The sign a bound's value is read with: "≥" for a floor, "≤" for a ceiling the value may
/// reach, "<" for an interval's top, which it stays below ("900多": under 1000). A no-break
/// space follows it, so a line never ends on the sign with its figure on the next line.
pub fn bound_sign(bound: Option<BoundSide>, interval_top: bool) -> &'static str {
    match bound {
        Some(BoundSide::Lower) => "≥\u{a0}",
        Some(BoundSide::Upper) if interval_top => "<\u{a0}",
        Some(BoundSide::Upper) => "≤\u{a0}",
        None => "",
    }
}

/// A value with its bound's sign: "≥ ¥90 bn", "< ¥100 bn", "US$2.5 bn".
pub fn value_text(
    y: f64,
    unit: &Unit,
    bound: Option<BoundSide>,
    interval_top: bool,
    shown: Shown,
) -> String {
    format!(
        "{}{}",
        bound_sign(bound, interval_top),
        format::value(y, unit, shown)
    )
}

/// "Market, 2025: US$2.5 bn (reported)" — what a tooltip or a focused mark says about `d`, one
/// of the series' `points`.
pub fn point_label(series: &str, points: &[Datum], d: &Datum, unit: &Unit, shown: Shown) -> String {
    let (comma, colon) = (format::comma(shown.locale), format::colon(shown.locale));
    format!(
        "{series}{comma}{}{colon}{}{}",
        x_label(d.x),
        value_text(d.y, unit, d.bound, is_interval_top(points, d), shown),
        crate::i18n::bracketed(
            shown.locale,
            crate::i18n::provenance(shown.locale, d.provenance)
        )
    )
}

/// An axis's labels, each tick in the magnitude of the largest, so the axis reads in one word
/// ("US$0.5 bn" under "US$1 bn", not "US$500 m").
pub fn tick_labels(ticks: &[f64], unit: &Unit, shown: Shown) -> Vec<String> {
    let largest = format::largest_size(ticks.iter().copied());
    ticks
        .iter()
        .map(|v| tick_label(*v, largest, unit, shown))
        .collect()
}

/// Short axis label of a value, in the magnitude of `largest`, the axis's largest tick (the
/// value itself for a label alone).
pub fn tick_label(value: f64, largest: f64, unit: &Unit, shown: Shown) -> String {
    match unit {
        Unit::Percent => format::percent(value, 1),
        Unit::Currency(code) => format::money_on_axis(value, largest, code, shown),
        _ => format::compact_on_axis(value, largest, shown.locale),
    }
}

/// Legend entries a narrow screen shows before a "+N more" toggle.
pub const LEGEND_KEEP: usize = 3;

/// How many of `total` legend entries fold behind "+N more" on a narrow screen: none when
/// folding would hide a single entry (the toggle would take as much room as the entry).
pub fn legend_folded(total: usize) -> usize {
    if total > LEGEND_KEEP + 1 {
        total - LEGEND_KEEP
    } else {
        0
    }
}

/// At most this many lines are labelled at their end; more would crowd the right edge, and
/// the legend names them instead.
pub const END_LABEL_MAX_LINES: usize = 4;
/// Line height of an end label (12px text; Chinese glyphs fill their em, so a little more).
pub const END_LABEL_LINE: f64 = 14.5;

/// About how wide a label is at 12px: CJK characters take a full em, others about half.
pub fn text_width(s: &str) -> f64 {
    s.chars()
        .map(|c| if c >= '\u{2E80}' { 12.0 } else { 6.6 })
        .sum()
}

/// Room on the right of the plot for end labels at a drawing's width.
pub fn end_label_room(width: f64) -> f64 {
    if width < 500.0 {
        86.0
    } else {
        118.0
    }
}

/// How much of [`text_width`] an end label's line may take with `room` right of the plot, in
/// a drawing `width` wide: 8 units of gap; the labels are bold (about a tenth wider than the
/// estimate) and, in a phone-width drawing, 14px instead of 12 (`svg.narrow text`).
pub fn end_label_text_room(room: f64, width: f64) -> f64 {
    let type_scale = if width < 500.0 { 14.0 / 12.0 } else { 1.0 };
    (room - 8.0) / 1.1 / type_scale
}

/// Whether `name` fits whole as an end label in `room` (at most two lines, nothing cut).
pub fn end_label_whole(name: &str, room: f64) -> bool {
    let letters = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    letters(&end_label_lines(name, room).concat()) == letters(name)
}

/// `text` cut with "…" to fit `room`.
fn cut(text: &str, room: f64) -> String {
    if text_width(text) <= room {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = text_width("…");
    for c in text.chars() {
        used += text_width(c.encode_utf8(&mut [0; 4]));
        if used > room {
            break;
        }
        out.push(c);
    }
    format!("{}…", out.trim_end())
}

/// A series name as an end label in `room`: one line if it fits, else two lines broken at a
/// space, the second cut with "…" if still too long (names without spaces, as Chinese ones,
/// are cut on one line).
pub fn end_label_lines(name: &str, room: f64) -> Vec<String> {
    let name = name.trim();
    if text_width(name) <= room {
        return vec![name.to_string()];
    }
    let words: Vec<&str> = name.split(' ').filter(|w| !w.is_empty()).collect();
    if words.len() < 2 {
        // No spaces (Chinese): break between characters.
        let mut first = String::new();
        for c in name.chars() {
            first.push(c);
            if text_width(&first) > room {
                first.pop();
                break;
            }
        }
        let rest: String = name.chars().skip(first.chars().count()).collect();
        if first.is_empty() || name.is_ascii() {
            return vec![cut(name, room)];
        }
        return vec![first, cut(&rest, room)];
    }
    // Fill the first line with as many words as fit (at least one), the rest on the second.
    let mut first = words[0].to_string();
    let mut used = 1;
    for w in &words[1..] {
        let next = format!("{first} {w}");
        if text_width(&next) > room {
            break;
        }
        first = next;
        used += 1;
    }
    let first = cut(&first, room);
    let rest = words[used..].join(" ");
    if rest.is_empty() {
        vec![first]
    } else {
        vec![first, cut(&rest, room)]
    }
}

/// Vertical centres for labels that want to sit at `wanted` (centre, height), kept `gap`
/// apart and inside `top..bottom`: labels are pushed down past the ones above them, then back
/// up from the bottom. Returned in the order given.
pub fn place_labels(wanted: &[(f64, f64)], top: f64, bottom: f64, gap: f64) -> Vec<f64> {
    let mut order: Vec<usize> = (0..wanted.len()).collect();
    order.sort_by(|a, b| wanted[*a].0.total_cmp(&wanted[*b].0).then(a.cmp(b)));
    let mut at: Vec<f64> = wanted.iter().map(|w| w.0).collect();
    let mut prev: Option<usize> = None;
    for &i in &order {
        let h = wanted[i].1;
        let floor = match prev {
            Some(p) => at[p] + wanted[p].1 / 2.0 + gap + h / 2.0,
            None => top + h / 2.0,
        };
        at[i] = at[i].max(floor);
        prev = Some(i);
    }
    let mut next: Option<usize> = None;
    for &i in order.iter().rev() {
        let h = wanted[i].1;
        let ceiling = match next {
            Some(n) => at[n] - wanted[n].1 / 2.0 - gap - h / 2.0,
            None => bottom - h / 2.0,
        };
        at[i] = at[i].min(ceiling);
        next = Some(i);
    }
    at
}

#[cfg(test)]
mod tests {

    #[test]
    fn legends_fold_past_the_first_few_entries() {
        assert_eq!(legend_folded(0), 0);
        assert_eq!(legend_folded(LEGEND_KEEP), 0);
        assert_eq!(legend_folded(LEGEND_KEEP + 1), 0);
        assert_eq!(legend_folded(LEGEND_KEEP + 2), 2);
        assert_eq!(legend_folded(20), 20 - LEGEND_KEEP);
    }

    use super::*;
    use crate::domain::format::Locale;

    #[test]
    fn end_labels_fit_their_room() {
        assert_eq!(end_label_lines("Published path", 118.0), ["Published path"]);
        assert_eq!(
            end_label_lines("Published path", 70.0),
            ["Published", "path"]
        );
        assert_eq!(end_label_lines("Your scenario", 70.0), ["Your", "scenario"]);
        let long = end_label_lines("Camera modules and optical sensors", 70.0);
        assert_eq!(long.len(), 2);
        assert!(long.iter().all(|l| text_width(l) <= 70.0), "{long:?}");
        assert!(long[1].ends_with('…'));
        // Chinese names have no spaces: broken between characters.
        assert_eq!(end_label_lines("已发布路径", 70.0), ["已发布路径"]);
        assert_eq!(
            end_label_lines("摄像头模组与光学传感器", 70.0),
            ["摄像头模组", "与光学传感…"]
        );
    }

    #[test]
    fn an_end_label_is_whole_or_not_drawn() {
        assert!(end_label_whole("Published path", 70.0));
        assert!(end_label_whole("已发布路径", 70.0));
        assert!(!end_label_whole("Camera modules and optical sensors", 70.0));
        assert!(!end_label_whole("摄像头模组与光学传感器", 70.0));
        // A phone-width drawing's 14px text has less of the same room.
        let phone = end_label_text_room(end_label_room(360.0), 360.0);
        let desktop = end_label_text_room(end_label_room(800.0), 800.0);
        assert!(phone < desktop);
        assert!(end_label_whole("Published path", phone));
        assert!(end_label_whole("Your scenario", phone));
        assert!(end_label_whole("您的情景", phone));
        // The KPI board's target line: cut to "Target: Active u…" before; now left to the legend.
        assert!(!end_label_whole(
            "Target: Active users within 3 years",
            phone
        ));
        assert!(!end_label_whole(
            "Target: Active users within 3 years",
            desktop
        ));
    }

    #[test]
    fn end_labels_never_overlap_and_stay_inside() {
        // Two lines ending at almost the same height are pushed apart.
        let at = place_labels(&[(100.0, 13.0), (102.0, 13.0)], 0.0, 300.0, 2.0);
        assert!((at[1] - at[0]) >= 15.0 - 1e-9, "{at:?}");
        assert_eq!(at[0], 100.0);
        // At the bottom edge they are pushed back up, in order.
        let at = place_labels(&[(299.0, 26.0), (298.0, 13.0)], 0.0, 300.0, 2.0);
        assert!(at[0] + 13.0 <= 300.0 + 1e-9, "{at:?}");
        assert!(at[0] - 13.0 >= at[1] + 6.5 + 2.0 - 1e-9, "{at:?}");
        // Far apart: where they want to be.
        assert_eq!(
            place_labels(&[(50.0, 13.0), (200.0, 13.0)], 0.0, 300.0, 2.0),
            vec![50.0, 200.0]
        );
    }

    fn bound(x: f64, y: f64, side: BoundSide) -> Datum {
        Datum {
            x,
            y,
            provenance: Provenance::Bound,
            bound: Some(side),
        }
    }

    #[test]
    fn an_axis_reads_in_its_largest_ticks_magnitude() {
        let usd = Unit::Currency("USD".into());
        let en = Shown::as_reported(Locale::En);
        assert_eq!(
            tick_labels(&[0.0, 5e8, 1e9, 1.5e9], &usd, en),
            ["US$0", "US$0.5\u{a0}bn", "US$1\u{a0}bn", "US$1.5\u{a0}bn"]
        );
        assert_eq!(
            tick_labels(&[0.0, 2.5e8, 5e8, 7.5e8], &usd, en),
            ["US$0", "US$250\u{a0}m", "US$500\u{a0}m", "US$750\u{a0}m"]
        );
        // Chinese in 亿 throughout, counts without their noun.
        let hans = Shown::as_reported(Locale::ZhHans);
        assert_eq!(
            tick_labels(&[0.0, 5e7, 1e8], &Unit::Currency("CNY".into()), hans),
            ["0元", "0.5亿元", "1亿元"]
        );
        assert_eq!(
            tick_labels(
                &[0.0, 5e5, 1e6, 1.5e6],
                &Unit::Count(Default::default()),
                en
            ),
            ["0", "0.5\u{a0}m", "1\u{a0}m", "1.5\u{a0}m"]
        );
        assert_eq!(tick_labels(&[0.0, 0.1], &Unit::Percent, en), ["0%", "10%"]);
        // One value alone reads as it always did.
        assert_eq!(tick_label(5e8, 5e8, &usd, en), "US$500\u{a0}m");
    }

    #[test]
    fn an_intervals_top_reads_below_and_a_ceiling_at_most() {
        let cny = Unit::Currency("CNY".into());
        // "900多亿" (2013) drawn as its two ends, and "1000亿以上" (2014).
        let points = [
            bound(2013.0, 9e10, BoundSide::Lower),
            bound(2013.0, 1e11, BoundSide::Upper),
            bound(2014.0, 1e11, BoundSide::Lower),
        ];
        let say =
            |d: &Datum| point_label("Bounds", &points, d, &cny, Shown::as_reported(Locale::En));
        assert_eq!(say(&points[0]), "Bounds, 2013: ≥\u{a0}¥90\u{a0}bn (bound)");
        assert_eq!(say(&points[1]), "Bounds, 2013: <\u{a0}¥100\u{a0}bn (bound)");
        assert_eq!(say(&points[2]), "Bounds, 2014: ≥\u{a0}¥100\u{a0}bn (bound)");
        // A ceiling on its own ("at most") may be reached: ≤.
        let alone = [bound(2015.0, 1e11, BoundSide::Upper)];
        assert!(!is_interval_top(&alone, &alone[0]));
        assert_eq!(
            point_label(
                "Bounds",
                &alone,
                &alone[0],
                &cny,
                Shown::as_reported(Locale::En)
            ),
            "Bounds, 2015: ≤\u{a0}¥100\u{a0}bn (bound)"
        );
        // A ceiling beside a reported value is no interval either.
        let mixed = [
            Datum::new(2015.0, 9e10, Provenance::Reported),
            bound(2015.0, 1e11, BoundSide::Upper),
        ];
        assert!(!is_interval_top(&mixed, &mixed[1]));
        assert_eq!(
            value_text(
                1e11,
                &cny,
                Some(BoundSide::Upper),
                true,
                Shown::as_reported(Locale::ZhHans)
            ),
            "<\u{a0}1,000亿元"
        );
        assert_eq!(
            value_text(
                2.5e9,
                &Unit::Currency("USD".into()),
                None,
                false,
                Shown::as_reported(Locale::En)
            ),
            "US$2.5\u{a0}bn"
        );
    }
}
