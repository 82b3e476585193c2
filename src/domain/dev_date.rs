//! The dates of a report's developments as the data writes them ("2013", "2025-08", a span
//! "1998/2004"): parsed, ordered oldest first, and written for a `<time datetime>`.

use crate::domain::schema::Development;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum DevDate {
    Year(i32),
    Month(i32, u32),
    Span(i32, i32),
}

impl DevDate {
    pub fn parse(s: &str) -> Option<DevDate> {
        let s = s.trim();
        if let Some((a, b)) = s.split_once('/') {
            return Some(DevDate::Span(
                a.trim().parse().ok()?,
                b.trim().parse().ok()?,
            ));
        }
        if let Some((y, m)) = s.split_once('-') {
            let (y, m): (i32, u32) = (y.trim().parse().ok()?, m.trim().parse().ok()?);
            return (1..=12).contains(&m).then_some(DevDate::Month(y, m));
        }
        s.parse().ok().map(DevDate::Year)
    }

    /// Sort key: start year, then month (a bare year or a span sorts before its months), then
    /// end year.
    fn key(self) -> (i32, u32, i32) {
        match self {
            DevDate::Year(y) => (y, 0, y),
            DevDate::Month(y, m) => (y, m, y),
            DevDate::Span(a, b) => (a, 0, b),
        }
    }

    /// The `datetime` attribute of a `<time>` (a span has none).
    pub fn machine(self) -> Option<String> {
        match self {
            DevDate::Year(y) => Some(format!("{y:04}")),
            DevDate::Month(y, m) => Some(format!("{y:04}-{m:02}")),
            DevDate::Span(..) => None,
        }
    }
}

/// The developments oldest first, each with its index in the report and its date if it
/// parses; those whose date does not parse keep their order at the end.
pub fn timeline(developments: &[Development]) -> Vec<(usize, Option<DevDate>, &Development)> {
    let mut dated: Vec<(usize, Option<DevDate>, &Development)> = developments
        .iter()
        .enumerate()
        .map(|(i, d)| (i, DevDate::parse(&d.date), d))
        .collect();
    dated.sort_by_key(|(_, date, _)| match date {
        Some(d) => (0, d.key()),
        None => (1, (0, 0, 0)),
    });
    dated
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::schema::LocalText;

    fn dev(date: &str) -> Development {
        Development {
            date: date.into(),
            years: None,
            actor: None,
            summary: LocalText::en(date),
        }
    }

    #[test]
    fn parses_years_months_and_spans() {
        assert_eq!(DevDate::parse("2013"), Some(DevDate::Year(2013)));
        assert_eq!(DevDate::parse(" 2025-08 "), Some(DevDate::Month(2025, 8)));
        assert_eq!(
            DevDate::parse("1998 / 2004"),
            Some(DevDate::Span(1998, 2004))
        );
        assert_eq!(DevDate::parse("2025-13"), None);
        assert_eq!(DevDate::parse("spring"), None);
        assert_eq!(
            DevDate::Month(2025, 8).machine().as_deref(),
            Some("2025-08")
        );
        assert_eq!(DevDate::Year(987).machine().as_deref(), Some("0987"));
        assert_eq!(DevDate::Span(1998, 2004).machine(), None);
    }

    #[test]
    fn oldest_first_with_unparsed_dates_last_in_their_order() {
        let devs: Vec<Development> = ["2025-08", "later", "2025", "2024/2026", "2025-05", "soon"]
            .iter()
            .map(|d| dev(d))
            .collect();
        let order: Vec<&str> = timeline(&devs)
            .iter()
            .map(|(_, _, d)| d.date.as_str())
            .collect();
        assert_eq!(
            order,
            ["2024/2026", "2025", "2025-05", "2025-08", "later", "soon"]
        );
        assert_eq!(timeline(&devs)[0].0, 3);
    }
}
