//! Time cells: years ("2001", "2001年"), quarters ("2001Q1", "2001-Q1", "2001 Q1", "Q1 2001",
//! "2001年第1季度"), months ("2001-01", "2001/1", "2001M01", "2001年1月") and dates
//! ("2001-01-01", "2001/1/1", "2001-01-01T00:00:00", "2001年1月1日"); the cadence a column's
//! periods have; and the key a period has under a cadence (the engine is yearly, so sub-annual
//! periods are later made into years).

use super::numbers::{halfwidth, trim};
use crate::domain::schema::Cadence;
use std::collections::{BTreeMap, BTreeSet};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Period {
    Year(i32),
    Quarter(i32, u8),
    Month(i32, u8),
    Day(i32, u8, u8),
}

pub(crate) fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

pub(crate) fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// A small scanner over the cell's characters.
struct Scan<'a> {
    chars: &'a [char],
    at: usize,
}

impl Scan<'_> {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.at).copied()
    }
    fn done(&self) -> bool {
        self.at >= self.chars.len()
    }
    fn eat(&mut self, c: char) -> bool {
        if self.peek() == Some(c) {
            self.at += 1;
            true
        } else {
            false
        }
    }
    fn eat_any(&mut self, set: &[char]) -> Option<char> {
        let c = self.peek().filter(|c| set.contains(c))?;
        self.at += 1;
        Some(c)
    }
    fn eat_str(&mut self, s: &str) -> bool {
        let want: Vec<char> = s.chars().collect();
        if self.chars[self.at..].starts_with(&want) {
            self.at += want.len();
            true
        } else {
            false
        }
    }
    /// Between `min` and `max` ASCII digits as a number.
    fn digits(&mut self, min: usize, max: usize) -> Option<u32> {
        let start = self.at;
        let mut value = 0u32;
        while self.at - start < max {
            match self.peek().and_then(|c| c.to_digit(10)) {
                Some(d) => {
                    value = value * 10 + d;
                    self.at += 1;
                }
                None => break,
            }
        }
        if self.at - start < min {
            self.at = start;
            return None;
        }
        Some(value)
    }
    fn year(&mut self) -> Option<i32> {
        let start = self.at;
        let y = self.digits(4, 4)?;
        // Four digits, not five: "20011" is no year.
        if self.peek().is_some_and(|c| c.is_ascii_digit()) || !(1000..=2999).contains(&y) {
            self.at = start;
            return None;
        }
        Some(y as i32)
    }
    fn quarter_digit(&mut self) -> Option<u8> {
        match self.peek()? {
            c @ '1'..='4' => {
                self.at += 1;
                Some(c as u8 - b'0')
            }
            c @ ('一' | '二' | '三' | '四') => {
                self.at += 1;
                Some(match c {
                    '一' => 1,
                    '二' => 2,
                    '三' => 3,
                    _ => 4,
                })
            }
            _ => None,
        }
    }
}

fn month(m: u32) -> Option<u8> {
    (1..=12).contains(&m).then_some(m as u8)
}

fn day(year: i32, m: u8, d: u32) -> Option<Period> {
    (d >= 1 && d <= u32::from(days_in_month(year, m))).then_some(Period::Day(year, m, d as u8))
}

/// Reads a time cell; `None` if it is not a year, quarter, month or date.
pub(crate) fn parse_period(text: &str) -> Option<Period> {
    let t = halfwidth(trim(text));
    let chars: Vec<char> = t.chars().collect();
    let mut s = Scan {
        chars: &chars,
        at: 0,
    };
    // "Q1 2001"
    if s.eat_any(&['Q', 'q']).is_some() {
        let q = s.quarter_digit()?;
        s.eat_any(&[' ', '-', '/', '_']);
        let y = s.year()?;
        return s.done().then_some(Period::Quarter(y, q));
    }
    let y = s.year()?;
    if s.done() {
        return Some(Period::Year(y));
    }
    if s.eat('年') {
        return chinese(&mut s, y);
    }
    // "2001Q1", "2001-Q1", "2001 Q1", "2001/Q1"
    let sep = s.eat_any(&['-', '/', ' ', '_', '.']);
    if s.eat_any(&['Q', 'q']).is_some() {
        let q = s.quarter_digit()?;
        return s.done().then_some(Period::Quarter(y, q));
    }
    if sep.is_none() && s.eat_any(&['M', 'm']).is_some() {
        let m = month(s.digits(1, 2)?)?;
        return s.done().then_some(Period::Month(y, m));
    }
    // Months and dates need '-' or '/' ("2001.01" is a number, "2001 01" is unclear).
    let sep = sep.filter(|c| matches!(c, '-' | '/'))?;
    let m = month(s.digits(1, 2)?)?;
    if s.done() {
        return Some(Period::Month(y, m));
    }
    if !s.eat(sep) {
        return None;
    }
    let d = s.digits(1, 2)?;
    let date = day(y, m, d)?;
    if s.done() {
        return Some(date);
    }
    // A time of day after the date ("2001-01-01T00:00:00", "2001/1/1 0:00").
    if s.eat_any(&['T', ' ']).is_some()
        && !s.done()
        && chars[s.at..]
            .iter()
            .all(|c| c.is_ascii_digit() || matches!(c, ':' | '.' | 'Z' | '+' | '-' | ' '))
    {
        return Some(date);
    }
    None
}

/// After "2001年": "", "度", "第1季度", "一季度", "Q1", "1月", "1月1日".
fn chinese(s: &mut Scan, y: i32) -> Option<Period> {
    if s.done() || (s.eat('度') && s.done()) {
        return Some(Period::Year(y));
    }
    s.eat(' ');
    if s.eat_any(&['Q', 'q']).is_some() {
        let q = s.quarter_digit()?;
        return s.done().then_some(Period::Quarter(y, q));
    }
    let start = s.at;
    s.eat('第');
    if let Some(q) = s.quarter_digit() {
        if s.eat_str("季度") || s.eat('季') {
            return s.done().then_some(Period::Quarter(y, q));
        }
    }
    s.at = start;
    let m = month(s.digits(1, 2)?)?;
    if !s.eat('月') {
        return None;
    }
    if s.done() || (s.eat_str("份") && s.done()) {
        return Some(Period::Month(y, m));
    }
    let d = s.digits(1, 2)?;
    if !(s.eat('日') || s.eat('号') || s.eat('號')) || !s.done() {
        return None;
    }
    day(y, m, d)
}

/// The cadence a column's periods have. Dates decide by their pattern: one date a year is
/// yearly ("2001-01-01", "2001-12-31"), at most one a month in a three-month rhythm is
/// quarterly, at most one a month otherwise monthly, else daily. Mixed kinds take the finest.
pub(crate) fn infer_cadence(periods: &BTreeSet<Period>) -> Cadence {
    let fineness = |p: &Period| match p {
        Period::Year(_) => 0,
        Period::Quarter(..) => 1,
        Period::Month(..) => 2,
        Period::Day(..) => 3,
    };
    match periods.iter().map(fineness).max() {
        None | Some(0) => return Cadence::Year,
        Some(1) => return Cadence::Quarter,
        Some(2) => return Cadence::Month,
        _ => {}
    }
    let days: Vec<(i32, u8, u8)> = periods
        .iter()
        .filter_map(|p| match *p {
            Period::Day(y, m, d) => Some((y, m, d)),
            _ => None,
        })
        .collect();
    let mut per_year: BTreeMap<i32, usize> = BTreeMap::new();
    let mut per_month: BTreeMap<(i32, u8), usize> = BTreeMap::new();
    for &(y, m, _) in &days {
        *per_year.entry(y).or_default() += 1;
        *per_month.entry((y, m)).or_default() += 1;
    }
    if per_year.values().all(|&n| n == 1) {
        return Cadence::Year;
    }
    if per_month.values().all(|&n| n == 1) {
        let phase = days.first().map_or(0, |d| d.1 % 3);
        if days.iter().all(|d| d.1 % 3 == phase) {
            return Cadence::Quarter;
        }
        return Cadence::Month;
    }
    Cadence::Day
}

/// How many periods of a cadence make a year.
pub(crate) fn periods_per_year(cadence: Cadence, year: i32) -> usize {
    match cadence {
        Cadence::Year => 1,
        Cadence::Quarter => 4,
        Cadence::Month => 12,
        Cadence::Week => 52,
        Cadence::Day => {
            if is_leap(year) {
                366
            } else {
                365
            }
        }
    }
}

fn day_of_year(y: i32, m: u8, d: u8) -> u16 {
    (1..m).map(|k| u16::from(days_in_month(y, k))).sum::<u16>() + u16::from(d)
}

/// The period's key under a cadence: (year, index within the year from 1; 0 for a year).
/// `None` when the period is not of that cadence ("2001" where months are expected). Dates
/// serve every cadence (a yearly "2001-01-01", a monthly "2001-03-31").
pub(crate) fn key(period: Period, cadence: Cadence) -> Option<(i32, u16)> {
    match (cadence, period) {
        (Cadence::Year, Period::Year(y) | Period::Day(y, _, _)) => Some((y, 0)),
        (Cadence::Quarter, Period::Quarter(y, q)) => Some((y, u16::from(q))),
        (Cadence::Quarter, Period::Day(y, m, _)) => Some((y, u16::from((m - 1) / 3 + 1))),
        (Cadence::Month, Period::Month(y, m) | Period::Day(y, m, _)) => Some((y, u16::from(m))),
        (Cadence::Day, Period::Day(y, m, d)) => Some((y, day_of_year(y, m, d))),
        _ => None,
    }
}

/// A key as text: "2001", "2001Q1", "2001-01", "2001-01-31".
pub(crate) fn key_label(year: i32, index: u16, cadence: Cadence) -> String {
    match cadence {
        Cadence::Year | Cadence::Week => year.to_string(),
        Cadence::Quarter => format!("{year}Q{index}"),
        Cadence::Month => format!("{year}-{index:02}"),
        Cadence::Day => {
            let mut rest = index;
            for m in 1..=12u8 {
                let n = u16::from(days_in_month(year, m));
                if rest <= n {
                    return format!("{year}-{m:02}-{rest:02}");
                }
                rest -= n;
            }
            format!("{year}-{index}")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Period::*;

    #[test]
    fn forms() {
        let cases = [
            ("2001", Some(Year(2001))),
            (" 2001 ", Some(Year(2001))),
            ("2001年", Some(Year(2001))),
            ("2001年度", Some(Year(2001))),
            ("２００１年", Some(Year(2001))),
            ("2001Q1", Some(Quarter(2001, 1))),
            ("2001-Q2", Some(Quarter(2001, 2))),
            ("2001 Q3", Some(Quarter(2001, 3))),
            ("2001 q4", Some(Quarter(2001, 4))),
            ("Q1 2001", Some(Quarter(2001, 1))),
            ("2001年第1季度", Some(Quarter(2001, 1))),
            ("2001年一季度", Some(Quarter(2001, 1))),
            ("2001年Q2", Some(Quarter(2001, 2))),
            ("2001-01", Some(Month(2001, 1))),
            ("2001/1", Some(Month(2001, 1))),
            ("2001M03", Some(Month(2001, 3))),
            ("2001年3月", Some(Month(2001, 3))),
            ("2001-01-01", Some(Day(2001, 1, 1))),
            ("2001/1/31", Some(Day(2001, 1, 31))),
            ("2001-01-01T00:00:00Z", Some(Day(2001, 1, 1))),
            ("2001/1/1 0:00", Some(Day(2001, 1, 1))),
            ("2001年1月2日", Some(Day(2001, 1, 2))),
            ("2000-02-29", Some(Day(2000, 2, 29))),
            ("2001-02-29", None),
            ("2001-13", None),
            ("2001Q5", None),
            ("2001.5", None),
            ("20011", None),
            ("12.5", None),
            ("World", None),
            ("", None),
            ("2001-01/01", None),
        ];
        for (text, want) in cases {
            assert_eq!(parse_period(text), want, "{text}");
        }
    }

    #[test]
    fn cadence_from_dates() {
        let set = |v: &[Period]| v.iter().copied().collect::<BTreeSet<_>>();
        assert_eq!(
            infer_cadence(&set(&[Day(2001, 1, 1), Day(2002, 1, 1)])),
            Cadence::Year
        );
        assert_eq!(
            infer_cadence(&set(&[
                Day(2001, 3, 31),
                Day(2001, 6, 30),
                Day(2001, 9, 30)
            ])),
            Cadence::Quarter
        );
        assert_eq!(
            infer_cadence(&set(&[Day(2001, 1, 1), Day(2001, 2, 1), Day(2001, 3, 1)])),
            Cadence::Month
        );
        assert_eq!(
            infer_cadence(&set(&[Day(2001, 1, 1), Day(2001, 1, 2)])),
            Cadence::Day
        );
        assert_eq!(
            infer_cadence(&set(&[Quarter(2001, 1), Year(2002)])),
            Cadence::Quarter
        );
    }

    #[test]
    fn keys_and_labels() {
        assert_eq!(key(Day(2001, 5, 2), Cadence::Quarter), Some((2001, 2)));
        assert_eq!(key(Year(2001), Cadence::Month), None);
        assert_eq!(key(Day(2001, 12, 31), Cadence::Day), Some((2001, 365)));
        assert_eq!(key_label(2000, 366, Cadence::Day), "2000-12-31");
        assert_eq!(key_label(2001, 3, Cadence::Month), "2001-03");
        assert_eq!(key_label(2001, 3, Cadence::Quarter), "2001Q3");
    }
}
