//! A listed table as the model rebuilds it: the rows of the table's dimension (or of one member
//! and its children) over the listed years. The source gives such tables' titles, not their
//! values; the Contents view shows this as a clearly labelled model estimate.

use super::engine::model::Computed;
use super::schema::{find_member, LocalText, Provenance, Reconstruct, Report, YearRange};

/// One row of a rebuilt table.
#[derive(Debug, Clone, PartialEq)]
pub struct EstimateRow {
    pub key: String,
    pub name: LocalText,
    /// A child of the table's member (indented).
    pub child: bool,
    pub values: Vec<f64>,
}

/// A listed table as the model rebuilds it.
#[derive(Debug, Clone, PartialEq)]
pub struct Estimate {
    pub provenance: Provenance,
    pub years: Vec<i32>,
    pub base_year: i32,
    /// A single member (line chart) rather than a whole dimension (stacked bars).
    pub single: bool,
    pub rows: Vec<EstimateRow>,
}

/// The table `rc` describes, from the computed model, over `range` (all years when absent).
/// `None` when the model has no such dimension or member, or nothing falls in the range.
pub fn estimate(
    report: &Report,
    computed: &Computed,
    rc: &Reconstruct,
    range: Option<YearRange>,
) -> Option<Estimate> {
    let dim = report.dimensions.iter().find(|d| d.id == rc.dimension)?;
    let dr = computed
        .dimensions
        .iter()
        .filter_map(|d| d.as_ref().ok())
        .find(|d| d.dimension == rc.dimension)?;
    let cols: Vec<usize> = dr
        .years
        .iter()
        .enumerate()
        .filter(|(_, y)| range.is_none_or(|r| r.contains(**y)))
        .map(|(i, _)| i)
        .collect();
    let years: Vec<i32> = cols
        .iter()
        .filter_map(|&i| dr.years.get(i).copied())
        .collect();
    let values = |vals: &[f64]| -> Vec<f64> {
        cols.iter()
            .map(|&i| vals.get(i).copied().unwrap_or(f64::NAN))
            .collect()
    };
    let name = |id: &str| {
        find_member(&dim.members, id)
            .map(|m| m.name.clone())
            .unwrap_or_else(|| LocalText::en(id))
    };
    let rows: Vec<EstimateRow> = match &rc.member {
        None => dr
            .top_level()
            .map(|r| EstimateRow {
                key: r.member.clone(),
                name: name(&r.member),
                child: false,
                values: values(&r.values),
            })
            .collect(),
        Some(m) => {
            let own = dr.row(m)?;
            std::iter::once(own)
                .chain(dr.rows.iter().filter(|r| r.parent.as_deref() == Some(m)))
                .map(|r| EstimateRow {
                    key: r.member.clone(),
                    name: name(&r.member),
                    child: r.member != *m,
                    values: values(&r.values),
                })
                .collect()
        }
    };
    if rows.is_empty() || years.is_empty() {
        return None;
    }
    Some(Estimate {
        provenance: dr.provenance,
        years,
        base_year: dr
            .years
            .get(dr.base_index)
            .copied()
            .unwrap_or(report.meta.base_year),
        single: rc.member.is_some(),
        rows,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::bundled::load_bundled;
    use crate::domain::engine::model::compute;
    use crate::domain::scenario::Scenario;

    fn smartphone() -> Report {
        let (reports, _) = load_bundled();
        reports
            .into_iter()
            .find(|r| r.id == "smartphone-leasing")
            .expect("bundled report")
    }

    fn listed(r: &Report, member: Option<&str>, dim: &str) -> Reconstruct {
        r.contents
            .listed
            .iter()
            .filter_map(|i| i.reconstruct.clone())
            .find(|rc| rc.dimension == dim && rc.member.as_deref() == member)
            .expect("listed table")
    }

    #[test]
    fn a_whole_dimension_is_its_top_level_rows_over_the_listed_years() {
        let r = smartphone();
        let c = compute(&r, &Scenario::published()).expect("model");
        let rc = listed(&r, None, "geography");
        let range = YearRange {
            from: 2024,
            to: 2032,
        };
        let e = estimate(&r, &c, &rc, Some(range)).expect("estimate");
        assert_eq!(e.years, (2024..=2032).collect::<Vec<_>>());
        assert!(!e.single);
        assert!(e.rows.iter().all(|row| !row.child));
        assert!(e.rows.iter().all(|row| row.values.len() == e.years.len()));
        assert_eq!(e.provenance, Provenance::Assumption);
        // The top-level rows add up to the headline the model computed.
        let headline = c.headline.as_ref().expect("headline");
        let h2032 = headline
            .points
            .iter()
            .find(|p| p.year == 2032)
            .expect("2032")
            .value;
        let sum: f64 = e.rows.iter().map(|row| row.values[8]).sum();
        assert!((sum - h2032).abs() / h2032 < 1e-9, "{sum} vs {h2032}");
    }

    #[test]
    fn one_member_comes_first_with_its_children_marked() {
        let r = smartphone();
        let c = compute(&r, &Scenario::published()).expect("model");
        let rc = listed(&r, Some("camera-modules"), "type");
        let e = estimate(&r, &c, &rc, None).expect("estimate");
        assert!(e.single);
        assert_eq!(e.rows[0].key, "camera-modules");
        assert!(!e.rows[0].child);
        assert!(e.rows[1..].iter().all(|row| row.child));
    }

    #[test]
    fn nothing_to_show_outside_the_model_is_none() {
        let r = smartphone();
        let c = compute(&r, &Scenario::published()).expect("model");
        let unknown = Reconstruct {
            dimension: "no-such".into(),
            member: None,
        };
        assert_eq!(estimate(&r, &c, &unknown, None), None);
        let rc = listed(&r, None, "geography");
        let before = YearRange {
            from: 1900,
            to: 1901,
        };
        assert_eq!(estimate(&r, &c, &rc, Some(before)), None);
    }
}
