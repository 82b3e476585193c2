//! The segment table of the Segments view as plain data: its rows in the order the reader
//! sorted them (children after their parent, largest first), each with the texts its cells
//! show. The view only binds these to the page.

use crate::domain::engine::model::DimensionResult;
use crate::domain::format::{self, pick, Locale, Shown};
use crate::domain::schema::{find_member, Dimension, Provenance, Unit};

/// The columns a reader can sort the table by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortKey {
    Name,
    Value,
    Cagr,
}

/// How the table is sorted: a column, and whether descending.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sort {
    pub key: SortKey,
    pub descending: bool,
}

impl Default for Sort {
    /// Largest value first: the segment the source leads with.
    fn default() -> Self {
        Sort {
            key: SortKey::Value,
            descending: true,
        }
    }
}

impl Sort {
    /// The sort after a click on `key`'s heading: the same column flips its direction; another
    /// starts descending for numbers and ascending (A–Z) for names.
    pub fn clicked(self, key: SortKey) -> Sort {
        if self.key == key {
            Sort {
                key,
                descending: !self.descending,
            }
        } else {
            Sort {
                key,
                descending: key != SortKey::Name,
            }
        }
    }

    /// The `aria-sort` of `key`'s heading.
    pub fn aria(self, key: SortKey) -> &'static str {
        match (self.key == key, self.descending) {
            (true, true) => "descending",
            (true, false) => "ascending",
            _ => "none",
        }
    }
}

/// A member's name in the reader's language, or its id when the dimension does not list it.
pub fn member_name(dim: &Dimension, id: &str, locale: Locale) -> String {
    find_member(&dim.members, id)
        .map(|m| pick(&m.name, locale).0.to_string())
        .unwrap_or_else(|| id.to_string())
}

/// One row of the table, its cells as shown.
#[derive(Debug, Clone, PartialEq)]
pub struct TableRow {
    pub member: String,
    pub name: String,
    /// A sub-segment (drawn indented under its parent).
    pub child: bool,
    pub value: String,
    /// Share of the parent (of the total at the top level).
    pub share: String,
    /// CAGR from the base year to the last year, or "—".
    pub cagr: String,
    pub provenance: Provenance,
}

/// The table's rows for year index `t`, in `sort` order.
pub fn table_rows(
    dim: &Dimension,
    r: &DimensionResult,
    t: usize,
    sort: Sort,
    unit: &Unit,
    shown: Shown,
) -> Vec<TableRow> {
    let locale = shown.locale;
    let value_of = |i: usize| r.rows[i].values.get(t).copied().unwrap_or(0.0);
    let cagr_of = |i: usize| r.cagr(&r.rows[i].member);
    let name_of = |i: usize| member_name(dim, &r.rows[i].member, locale);
    let mut order: Vec<usize> = (0..r.rows.len())
        .filter(|&i| r.rows[i].parent.is_none())
        .collect();
    order.sort_by(|&x, &y| {
        let o = match sort.key {
            SortKey::Name => name_of(x).cmp(&name_of(y)),
            SortKey::Value => value_of(x).total_cmp(&value_of(y)),
            SortKey::Cagr => cagr_of(x)
                .unwrap_or(f64::NEG_INFINITY)
                .total_cmp(&cagr_of(y).unwrap_or(f64::NEG_INFINITY)),
        };
        if sort.descending {
            o.reverse()
        } else {
            o
        }
    });
    // Children follow their parent, largest first.
    let mut in_order = Vec::with_capacity(r.rows.len());
    for i in order {
        in_order.push(i);
        let mut kids: Vec<usize> = (0..r.rows.len())
            .filter(|&k| r.rows[k].parent.as_deref() == Some(r.rows[i].member.as_str()))
            .collect();
        kids.sort_by(|&x, &y| value_of(y).total_cmp(&value_of(x)));
        in_order.extend(kids);
    }
    let total = r.total.get(t).copied().unwrap_or(0.0);
    // The value column reads in one magnitude, its largest value's.
    let largest = format::largest_size((0..r.rows.len()).map(value_of));
    in_order
        .into_iter()
        .map(|i| {
            let row = &r.rows[i];
            let v = value_of(i);
            let parent_total = row
                .parent
                .as_ref()
                .and_then(|p| r.row(p))
                .and_then(|p| p.values.get(t).copied())
                .unwrap_or(total);
            let share = if parent_total > 0.0 {
                v / parent_total
            } else {
                0.0
            };
            TableRow {
                member: row.member.clone(),
                name: name_of(i),
                child: row.depth > 0,
                value: format::value_in_column(v, largest, unit, shown),
                share: format::percent(share, 1),
                cagr: cagr_of(i).map_or_else(|| "—".into(), |c| format::percent(c, 1)),
                provenance: r.provenance,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::engine::model::SegmentRow;
    use crate::domain::schema::{AssumptionRange, LocalText, Member, ReconcileMode};

    fn member(id: &str, name: &str, children: Vec<Member>) -> Member {
        Member {
            id: id.into(),
            name: LocalText::en(name),
            share: AssumptionRange {
                default: 0.5,
                min: 0.0,
                max: 1.0,
                step: 0.01,
            },
            growth: None,
            children,
        }
    }

    fn row(member: &str, parent: Option<&str>, values: [f64; 3]) -> SegmentRow {
        SegmentRow {
            member: member.into(),
            parent: parent.map(Into::into),
            depth: usize::from(parent.is_some()),
            has_children: false,
            values: values.to_vec(),
        }
    }

    /// Asia: 60 → 80 (two countries), Europe: 40 → 120 (grows faster), total 100 → 200.
    fn fixture() -> (Dimension, DimensionResult) {
        let dim = Dimension {
            id: "geo".into(),
            name: LocalText::en("Geography"),
            mode: ReconcileMode::TopDown,
            members: vec![
                member(
                    "asia",
                    "Asia",
                    vec![member("cn", "China", vec![]), member("jp", "Japan", vec![])],
                ),
                member("europe", "Europe", vec![]),
            ],
        };
        let r = DimensionResult {
            dimension: "geo".into(),
            mode: ReconcileMode::TopDown,
            years: vec![2024, 2025, 2026],
            base_index: 0,
            total: vec![100.0, 150.0, 200.0],
            rows: vec![
                row("asia", None, [60.0, 70.0, 80.0]),
                row("jp", Some("asia"), [20.0, 20.0, 20.0]),
                row("cn", Some("asia"), [40.0, 50.0, 60.0]),
                row("europe", None, [40.0, 80.0, 120.0]),
            ],
            provenance: Provenance::Assumption,
        };
        (dim, r)
    }

    fn members(rows: &[TableRow]) -> Vec<&str> {
        rows.iter().map(|r| r.member.as_str()).collect()
    }

    #[test]
    fn largest_first_with_children_after_their_parent() {
        let (dim, r) = fixture();
        let rows = table_rows(
            &dim,
            &r,
            0,
            Sort::default(),
            &Unit::Number,
            Shown::as_reported(Locale::En),
        );
        assert_eq!(members(&rows), ["asia", "cn", "jp", "europe"]);
        assert_eq!(rows[0].name, "Asia");
        assert!(!rows[0].child && rows[1].child);
        // Shares: of the total at the top, of the parent below it.
        assert_eq!(rows[0].share, "60%");
        assert_eq!(rows[1].share, format::percent(40.0 / 60.0, 1));
        // In the last year Europe is the larger.
        let last = table_rows(
            &dim,
            &r,
            2,
            Sort::default(),
            &Unit::Number,
            Shown::as_reported(Locale::En),
        );
        assert_eq!(members(&last), ["europe", "asia", "cn", "jp"]);
    }

    #[test]
    fn sorts_by_name_and_cagr() {
        let (dim, r) = fixture();
        let by_name = Sort::default().clicked(SortKey::Name);
        assert_eq!(
            by_name,
            Sort {
                key: SortKey::Name,
                descending: false
            }
        );
        let rows = table_rows(
            &dim,
            &r,
            0,
            by_name,
            &Unit::Number,
            Shown::as_reported(Locale::En),
        );
        assert_eq!(members(&rows), ["asia", "cn", "jp", "europe"]);
        let rows = table_rows(
            &dim,
            &r,
            0,
            by_name.clicked(SortKey::Name),
            &Unit::Number,
            Shown::as_reported(Locale::En),
        );
        assert_eq!(members(&rows), ["europe", "asia", "cn", "jp"]);
        // Europe grows 40 → 120 over two years: 73.2% a year.
        let by_cagr = Sort::default().clicked(SortKey::Cagr);
        let rows = table_rows(
            &dim,
            &r,
            0,
            by_cagr,
            &Unit::Number,
            Shown::as_reported(Locale::En),
        );
        assert_eq!(members(&rows), ["europe", "asia", "cn", "jp"]);
        assert_eq!(rows[0].cagr, "73.2%");
        assert_eq!(rows[3].cagr, "0%");
    }

    #[test]
    fn aria_sort_names_the_sorted_column_only() {
        let s = Sort::default();
        assert_eq!(s.aria(SortKey::Value), "descending");
        assert_eq!(s.aria(SortKey::Name), "none");
        assert_eq!(s.clicked(SortKey::Value).aria(SortKey::Value), "ascending");
    }

    #[test]
    fn no_cagr_without_a_span_and_unknown_members_by_id() {
        let (dim, mut r) = fixture();
        r.years.truncate(1);
        for row in &mut r.rows {
            row.values.truncate(1);
        }
        let rows = table_rows(
            &dim,
            &r,
            0,
            Sort::default(),
            &Unit::Number,
            Shown::as_reported(Locale::En),
        );
        assert!(rows.iter().all(|r| r.cagr == "—"));
        assert_eq!(member_name(&dim, "nowhere", Locale::En), "nowhere");
        assert_eq!(member_name(&dim, "jp", Locale::En), "Japan");
    }

    #[test]
    fn the_value_column_reads_in_its_largest_values_magnitude() {
        let (dim, mut r) = fixture();
        // Asia US$1.12 bn, China US$964 m, Japan US$156 m, Europe US$4.2 m.
        for (row, v) in r.rows.iter_mut().zip([1.12e9, 1.56e8, 9.64e8, 4.2e6]) {
            row.values[0] = v;
        }
        let usd = Unit::Currency("USD".into());
        let values = |shown: Shown| -> Vec<String> {
            table_rows(&dim, &r, 0, Sort::default(), &usd, shown)
                .into_iter()
                .map(|row| row.value)
                .collect()
        };
        assert_eq!(
            values(Shown::as_reported(Locale::En)),
            [
                "US$1.12\u{a0}bn",
                "US$0.96\u{a0}bn",
                "US$0.16\u{a0}bn",
                "US$0.0042\u{a0}bn"
            ]
        );
        assert_eq!(
            values(Shown::as_reported(Locale::ZhHans)),
            ["11.2亿美元", "9.6亿美元", "1.6亿美元", "0.042亿美元"]
        );
        // Converted, the column takes the converted largest's magnitude.
        let to_cny = format::Conversion {
            from: "USD".into(),
            to: "CNY".into(),
            rate: 7.0,
        };
        assert_eq!(
            values(Shown::new(Locale::En, Some(&to_cny))),
            [
                "¥7.84\u{a0}bn",
                "¥6.75\u{a0}bn",
                "¥1.09\u{a0}bn",
                "¥0.029\u{a0}bn"
            ]
        );
    }
}
