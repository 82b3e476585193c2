//! Numbers as spreadsheets write them: "1,234.5", "1.234,5", "1 234,5", "12,5", "(123)",
//! "1.2E+09", "12.5%", "$1,234", with a decimal point or a decimal comma; and the markers
//! statistical offices and Excel use for a missing value ("", "NA", "..", "-", "#N/A").

/// What a value cell holds.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Cell {
    Missing,
    Number(f64),
    Bad,
}

/// Cells that mean "no value".
const MISSING: &[&str] = &[
    "",
    "na",
    "n/a",
    "n.a.",
    "#n/a",
    "nan",
    "null",
    "none",
    "-",
    "–",
    "—",
    "--",
    "..",
    "...",
    "…",
    "x",
    ":",
    "无",
    "暂无",
    "不适用",
];

/// Spaces that group thousands ("1 234", "1 234", "1 234") or pad a cell.
fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}' | '\u{3000}')
}

/// Full-width digits and signs (Chinese input methods) as ASCII.
pub(crate) fn halfwidth(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
            '．' => '.',
            '，' => ',',
            '－' | '−' => '-',
            '＋' => '+',
            '％' => '%',
            '（' => '(',
            '）' => ')',
            _ => c,
        })
        .collect()
}

pub(crate) fn trim(text: &str) -> &str {
    text.trim_matches(|c: char| c.is_whitespace() || is_space(c))
}

pub(crate) fn is_missing(text: &str) -> bool {
    let t = trim(text);
    t.len() <= 12 && MISSING.iter().any(|m| m.eq_ignore_ascii_case(t))
}

const PREFIXES: &[&str] = &[
    "US$", "HK$", "NT$", "S$", "A$", "C$", "$", "€", "£", "¥", "￥", "₩", "₹",
];
const SUFFIXES: &[&str] = &["%", "元", "€", "$", "円"];

/// The number's text without sign, brackets, currency symbols and percent sign, and whether
/// it was negative. `None` when what is left is empty.
fn strip(text: &str) -> Option<(String, bool)> {
    let t = halfwidth(trim(text));
    let mut t = trim(&t).to_string();
    let mut negative = false;
    if t.starts_with('(') && t.ends_with(')') && t.len() > 2 {
        negative = true;
        t = trim(&t[1..t.len() - 1]).to_string();
    }
    for _ in 0..2 {
        if let Some(rest) = t.strip_prefix(['-', '+']) {
            negative ^= t.starts_with('-');
            t = trim(rest).to_string();
        }
        if let Some(p) = PREFIXES.iter().find(|p| t.starts_with(**p)) {
            t = trim(&t[p.len()..]).to_string();
        }
    }
    if let Some(s) = SUFFIXES.iter().find(|s| t.ends_with(**s)) {
        t = trim(&t[..t.len() - s.len()]).to_string();
    }
    (!t.is_empty()).then_some((t, negative))
}

/// Parses a value cell with a decimal point (`decimal_comma` false: "1,234.5") or a decimal
/// comma (true: "1.234,5"). Thousands separators must group by three; spaces and apostrophes
/// group in either convention. The result is finite.
pub(crate) fn parse_number(text: &str, decimal_comma: bool) -> Cell {
    if is_missing(text) {
        return Cell::Missing;
    }
    let Some((t, negative)) = strip(text) else {
        return Cell::Bad;
    };
    let (mantissa, exponent) = match t.find(['e', 'E']) {
        Some(i) => (&t[..i], Some(&t[i + 1..])),
        None => (t.as_str(), None),
    };
    let (decimal, group) = if decimal_comma {
        (',', '.')
    } else {
        ('.', ',')
    };
    let (int, frac) = match mantissa.split_once(decimal) {
        Some((i, f)) => (i, Some(f)),
        None => (mantissa, None),
    };
    let Some(int) = grouped_digits(int, group) else {
        return Cell::Bad;
    };
    let frac = match frac {
        Some(f) if f.chars().all(|c| c.is_ascii_digit()) => f,
        Some(_) => return Cell::Bad,
        None => "",
    };
    if int.is_empty() && frac.is_empty() {
        return Cell::Bad;
    }
    let mut plain = String::with_capacity(int.len() + frac.len() + 8);
    if negative {
        plain.push('-');
    }
    plain.push_str(if int.is_empty() { "0" } else { &int });
    if !frac.is_empty() {
        plain.push('.');
        plain.push_str(frac);
    }
    if let Some(e) = exponent {
        let digits = e.strip_prefix(['+', '-']).unwrap_or(e);
        if digits.is_empty() || digits.len() > 4 || !digits.chars().all(|c| c.is_ascii_digit()) {
            return Cell::Bad;
        }
        plain.push('e');
        plain.push_str(e);
    }
    match plain.parse::<f64>() {
        Ok(v) if v.is_finite() => Cell::Number(v),
        _ => Cell::Bad,
    }
}

/// The digits of an integer part, checking its thousands grouping ("1,234,567" with `group`
/// ',', "1 234", "1'234"). `None` if it is not digits grouped by three.
fn grouped_digits(int: &str, group: char) -> Option<String> {
    let is_sep = |c: char| c == group || c == '\'' || is_space(c);
    if !int.contains(is_sep) {
        return int
            .chars()
            .all(|c| c.is_ascii_digit())
            .then(|| int.to_string());
    }
    let parts: Vec<&str> = int.split(is_sep).collect();
    let first_ok = (1..=3).contains(&parts[0].len());
    let rest_ok = parts[1..].iter().all(|p| p.len() == 3);
    let digits_ok = parts.iter().all(|p| p.chars().all(|c| c.is_ascii_digit()));
    (first_ok && rest_ok && digits_ok).then(|| parts.concat())
}

/// What one cell says about the decimal separator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Evidence {
    /// Only a decimal point reads it ("1,234.5", "12.25", "1,234,567").
    Point,
    /// Only a decimal comma reads it ("1.234,5", "12,5", "1.234.567").
    Comma,
    /// "1,234": a thousand with a point, 1.234 with a comma (a point is the more common).
    AmbiguousComma,
    /// "1.234": 1.234 with a point, a thousand with a comma.
    AmbiguousPoint,
    /// No separator at all, or not a number.
    None,
}

pub(crate) fn evidence(text: &str) -> Evidence {
    let Some((t, _)) = strip(text) else {
        return Evidence::None;
    };
    let mantissa = match t.find(['e', 'E']) {
        Some(i) => &t[..i],
        None => t.as_str(),
    };
    let point = matches!(parse_number(text, false), Cell::Number(_));
    let comma = matches!(parse_number(text, true), Cell::Number(_));
    match (point, comma) {
        (true, false) => Evidence::Point,
        (false, true) => Evidence::Comma,
        (true, true) => {
            if mantissa.contains(',') {
                Evidence::AmbiguousComma
            } else if mantissa.contains('.') {
                Evidence::AmbiguousPoint
            } else {
                Evidence::None
            }
        }
        (false, false) => Evidence::None,
    }
}

/// Decides the decimal separator from the value cells' evidence: cells only one convention
/// reads decide; with none, a semicolon-delimited file (Excel's choice where the comma is the
/// decimal mark) with "1.234"-like cells reads them with a decimal comma.
pub(crate) fn decide_decimal_comma<'a>(
    cells: impl Iterator<Item = &'a str>,
    semicolon_delimited: bool,
) -> bool {
    let (mut point, mut comma, mut amb_comma, mut amb_point) = (0usize, 0usize, 0usize, 0usize);
    for c in cells {
        match evidence(c) {
            Evidence::Point => point += 1,
            Evidence::Comma => comma += 1,
            Evidence::AmbiguousComma => amb_comma += 1,
            Evidence::AmbiguousPoint => amb_point += 1,
            Evidence::None => {}
        }
    }
    if comma != point {
        return comma > point;
    }
    semicolon_delimited && (amb_point > 0 || amb_comma > 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(text: &str, comma: bool) -> Option<f64> {
        match parse_number(text, comma) {
            Cell::Number(v) => Some(v),
            _ => None,
        }
    }

    #[test]
    fn both_conventions() {
        assert_eq!(n("1,234.5", false), Some(1234.5));
        assert_eq!(n("1.234,5", true), Some(1234.5));
        assert_eq!(n("1 234,5", true), Some(1234.5));
        assert_eq!(n("1\u{a0}234.5", false), Some(1234.5));
        assert_eq!(n("12,5", true), Some(12.5));
        assert_eq!(n("12,5", false), None);
        assert_eq!(n("1,234.5", true), None);
        assert_eq!(n("1.234.567", true), Some(1_234_567.0));
        assert_eq!(n("-0.25", false), Some(-0.25));
        assert_eq!(n("−0,25", true), Some(-0.25));
        assert_eq!(n("(1,200)", false), Some(-1200.0));
        assert_eq!(n("1.5E+09", false), Some(1.5e9));
        assert_eq!(n("1,5e3", true), Some(1500.0));
        assert_eq!(n("US$1,234", false), Some(1234.0));
        assert_eq!(n("12.5%", false), Some(12.5));
        assert_eq!(n("１２３", false), Some(123.0));
        assert_eq!(n(".5", false), Some(0.5));
        assert_eq!(n("1e999", false), None);
        assert_eq!(n("abc", false), None);
        assert_eq!(n("1,23", false), None);
        assert_eq!(parse_number("  ", false), Cell::Missing);
        assert_eq!(parse_number("#N/A", false), Cell::Missing);
        assert_eq!(parse_number("..", true), Cell::Missing);
        assert_eq!(parse_number("-", true), Cell::Missing);
        assert_eq!(parse_number("$", true), Cell::Bad);
        assert_eq!(parse_number("e5", false), Cell::Bad);
    }

    #[test]
    fn evidence_and_decision() {
        assert_eq!(evidence("1,234.5"), Evidence::Point);
        assert_eq!(evidence("1.234,5"), Evidence::Comma);
        assert_eq!(evidence("12,5"), Evidence::Comma);
        assert_eq!(evidence("1,234"), Evidence::AmbiguousComma);
        assert_eq!(evidence("1.234"), Evidence::AmbiguousPoint);
        assert_eq!(evidence("2001"), Evidence::None);
        assert!(decide_decimal_comma(["12,5", "13,25"].into_iter(), false));
        assert!(!decide_decimal_comma(["1,234", "12.5"].into_iter(), false));
        assert!(decide_decimal_comma(["1.234", "2.345"].into_iter(), true));
        assert!(!decide_decimal_comma(["1.234", "2.345"].into_iter(), false));
    }
}
