//! The reader's scenario: which assumptions differ from the report's published defaults.
//!
//! Only changed values are stored, so an untouched scenario is empty and "modified
//! assumptions" is simply `!is_published()`.

use super::schema::{AssumptionRange, Member, Report};
use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Scenario {
    /// The reader's headline CAGR; `None` keeps the published rate.
    pub headline_rate: Option<f64>,
    /// Changed assumptions by key (see [`share_key`], [`growth_key`], plan assumption ids).
    pub values: BTreeMap<String, f64>,
}

impl Scenario {
    pub fn published() -> Self {
        Self::default()
    }

    pub fn is_published(&self) -> bool {
        self.headline_rate.is_none() && self.values.is_empty()
    }

    /// The value for `key`, or the default when the reader has not changed it.
    pub fn value(&self, key: &str, default: f64) -> f64 {
        self.values.get(key).copied().unwrap_or(default)
    }

    /// Sets a value, forgetting it when it equals the default (so returning a slider to its
    /// default leaves the scenario unmodified).
    pub fn set(&mut self, key: &str, value: f64, default: f64) {
        if (value - default).abs() <= 1e-12 {
            self.values.remove(key);
        } else {
            self.values.insert(key.to_string(), value);
        }
    }

    /// Whether any assumption of a dimension (or the headline it divides) was changed.
    pub fn touches_dimension(&self, dimension: &str) -> bool {
        let prefix = format!("{dimension}.");
        self.headline_rate.is_some() || self.values.keys().any(|k| k.starts_with(&prefix))
    }
}

pub fn share_key(dimension: &str, member: &str) -> String {
    format!("{dimension}.{member}.share")
}

pub fn growth_key(dimension: &str, member: &str) -> String {
    format!("{dimension}.{member}.growth")
}

/// Every assumption a scenario can change, with its key and range: the sliders' list.
#[derive(Debug, Clone, PartialEq)]
pub struct AssumptionSlot {
    pub key: String,
    pub range: AssumptionRange,
    pub kind: SlotKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SlotKind {
    Share,
    Growth,
    Plan,
}

pub fn assumption_slots(report: &Report) -> Vec<AssumptionSlot> {
    fn walk(dim: &str, members: &[Member], out: &mut Vec<AssumptionSlot>) {
        for m in members {
            out.push(AssumptionSlot {
                key: share_key(dim, &m.id),
                range: m.share,
                kind: SlotKind::Share,
            });
            if let Some(g) = m.growth {
                out.push(AssumptionSlot {
                    key: growth_key(dim, &m.id),
                    range: g,
                    kind: SlotKind::Growth,
                });
            }
            walk(dim, &m.children, out);
        }
    }
    let mut out = Vec::new();
    for d in &report.dimensions {
        walk(&d.id, &d.members, &mut out);
    }
    for a in &report.assumptions {
        out.push(AssumptionSlot {
            key: a.id.clone(),
            range: a.range,
            kind: SlotKind::Plan,
        });
    }
    out
}
