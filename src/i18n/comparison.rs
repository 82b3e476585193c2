//! The figures of a year-by-year comparison (scenario against published, or two saved
//! scenarios), as its table and summary write them. The words around them are
//! `ui::comparison`'s.

use crate::domain::engine::compare::{Comparison, YearDiff};
use crate::domain::format::{self, largest_size, signed, Shown};
use crate::domain::schema::Unit;

/// A relative difference as the table's column and the summary above it write it, with two
/// decimals ("+38.71%", "0.00%"), or "—" without a base.
pub fn signed_percent(v: Option<f64>) -> String {
    v.map(|p| signed(p, |x| format::percent_in_column(x, 2)))
        .unwrap_or_else(|| "—".into())
}

/// Each year's row: (year, [published, scenario, difference, difference %]). Each column in
/// one magnitude and its percentages with two decimals each, so the figures line up
/// ("US$0.16 bn" under "US$2.86 bn", "+9.80%" over "+15.06%").
pub fn rows(cmp: &Comparison, unit: &Unit, shown: Shown) -> Vec<(String, Vec<String>)> {
    let years: &[YearDiff] = &cmp.years;
    let values = largest_size(years.iter().flat_map(|d| [d.base, d.other]));
    let differences = largest_size(years.iter().map(|d| d.abs));
    let in_column = |v: f64, top: f64| format::value_in_column(v, top, unit, shown);
    years
        .iter()
        .map(|d| {
            (
                d.year.to_string(),
                vec![
                    in_column(d.base, values),
                    in_column(d.other, values),
                    signed(d.abs, |x| in_column(x, differences)),
                    signed_percent(d.pct),
                ],
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::engine::compare::compare;
    use crate::domain::format::{Conversion, Locale};
    use crate::domain::schema::CountNoun;

    fn usd() -> Unit {
        Unit::Currency("USD".into())
    }

    #[test]
    fn each_column_reads_in_one_magnitude_with_its_sign() {
        // Published 2.5 bn growing 13.6%, the scenario 20%: 2026 differs by 0.16 bn.
        let base: Vec<(i32, f64)> = (0..8)
            .map(|i| (2025 + i, 2.5e9 * 1.136f64.powi(i)))
            .collect();
        let other: Vec<(i32, f64)> = (0..8).map(|i| (2025 + i, 2.5e9 * 1.2f64.powi(i))).collect();
        let cmp = compare(&base, &other, 2025);
        let en = Shown::as_reported(Locale::En);
        let table = rows(&cmp, &usd(), en);
        assert_eq!(
            table[0],
            (
                "2025".into(),
                vec![
                    "US$2.50\u{a0}bn".into(),
                    "US$2.50\u{a0}bn".into(),
                    "US$0".into(),
                    "0.00%".into()
                ]
            )
        );
        assert_eq!(table[1].1[2], "+US$0.16\u{a0}bn");
        assert_eq!(table[1].1[3], "+5.63%");
        assert_eq!(table[7].1[1], "US$8.96\u{a0}bn");
        // Every percentage with two decimals, every difference in billions.
        for (_, cells) in &table[1..] {
            assert!(
                cells[2].starts_with("+US$") && cells[2].ends_with("\u{a0}bn"),
                "{cells:?}"
            );
            let pct = cells[3].trim_start_matches('+').trim_end_matches('%');
            assert_eq!(
                pct.split_once('.').map(|(_, d)| d.len()),
                Some(2),
                "{cells:?}"
            );
        }
        // The other way round: true minus signs, in money and in percentages alike.
        let lower = rows(&compare(&other, &base, 2025), &usd(), en);
        assert_eq!(lower[1].1[2], "\u{2212}US$0.16\u{a0}bn");
        assert!(lower[1].1[3].starts_with('\u{2212}'), "{:?}", lower[1].1);
        assert!(lower[1].1[3].ends_with('%'), "{:?}", lower[1].1);
    }

    #[test]
    fn zero_bases_chinese_and_a_conversion() {
        let cmp = compare(
            &[(2025, 0.0), (2026, 7.01e10)],
            &[(2025, 0.0), (2026, 8.26e10)],
            2025,
        );
        let hans = Shown::as_reported(Locale::ZhHans);
        let table = rows(&cmp, &Unit::Currency("CNY".into()), hans);
        // No base, no relative difference; zero without a sign.
        assert_eq!(table[0].1, ["0元", "0元", "0元", "—"]);
        assert_eq!(table[1].1[0], "701亿元");
        assert_eq!(table[1].1[2], "+125亿元");
        assert_eq!(table[1].1[3], "+17.83%");
        // A conversion the reader set writes every column in their currency.
        let fx = Conversion {
            from: "CNY".into(),
            to: "USD".into(),
            rate: 0.14,
        };
        let converted = rows(
            &cmp,
            &Unit::Currency("CNY".into()),
            Shown::new(Locale::En, Some(&fx)),
        );
        assert!(
            converted[1].1.iter().take(3).all(|c| c.contains("US$")),
            "{:?}",
            converted[1].1
        );
        // A tiny positive difference reads as zero, without a "+".
        assert_eq!(signed(1e-9, |x| format::percent_in_column(x, 2)), "0.00%");
    }

    #[test]
    fn a_noun_with_a_digit_does_not_take_a_sign_at_zero() {
        let sites = Unit::Count(CountNoun {
            en: "5G sites".into(),
            ..Default::default()
        });
        let cmp = compare(
            &[(2025, 100.0), (2026, 120.0)],
            &[(2025, 100.0), (2026, 150.0)],
            2025,
        );
        let table = rows(&cmp, &sites, Shown::as_reported(Locale::En));
        assert_eq!(table[0].1[2], "0 5G sites");
        assert_eq!(table[1].1[2], "+30 5G sites");
    }
}
