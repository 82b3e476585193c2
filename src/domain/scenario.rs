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

/// Named starting points for a scenario.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Preset {
    /// The report's own numbers: no changes.
    Published,
    /// Growth 40% slower than published, for the headline and every segment.
    Bear,
    /// The rate the source states in words, where it differs from what its numbers imply
    /// (13% rather than the implied 13.6%); otherwise the published rate.
    Base,
    /// Growth 40% faster than published, for the headline and every segment.
    Bull,
}

impl Preset {
    pub const ALL: [Preset; 4] = [Preset::Published, Preset::Bear, Preset::Base, Preset::Bull];

    pub fn id(self) -> &'static str {
        match self {
            Preset::Published => "published",
            Preset::Bear => "bear",
            Preset::Base => "base",
            Preset::Bull => "bull",
        }
    }
}

/// How much slower or faster bear and bull grow than published.
pub const PRESET_FACTOR: f64 = 0.4;

fn clamp(v: f64, r: &AssumptionRange) -> f64 {
    v.clamp(r.min, r.max)
}

/// The scenario a preset stands for. `published_rate` is the report's published headline rate.
pub fn preset(report: &Report, published_rate: f64, preset: Preset) -> Scenario {
    let factor = match preset {
        Preset::Published => return Scenario::published(),
        Preset::Base => {
            let stated = report.forecast.as_ref().and_then(|f| {
                report
                    .growth_statements
                    .iter()
                    .find(|g| g.series == f.series)
                    .map(|g| g.rate)
            });
            let mut s = Scenario::published();
            if let Some(rate) = stated.filter(|r| (r - published_rate).abs() > 1e-12) {
                s.headline_rate = Some(rate);
            }
            return s;
        }
        Preset::Bear => 1.0 - PRESET_FACTOR,
        Preset::Bull => 1.0 + PRESET_FACTOR,
    };
    let mut s = Scenario::published();
    let range = report.forecast.as_ref().map(|f| AssumptionRange {
        default: published_rate,
        min: f.rate_range.min,
        max: f.rate_range.max,
        step: f.rate_range.step,
    });
    if let Some(r) = range {
        s.headline_rate = Some(clamp(published_rate * factor, &r));
    }
    for slot in assumption_slots(report) {
        if slot.kind == SlotKind::Growth {
            let v = clamp(slot.range.default * factor, &slot.range);
            s.set(&slot.key, v, slot.range.default);
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::bundled::load_bundled;

    #[test]
    fn presets_move_growth_the_stated_way() {
        let (reports, _) = load_bundled();
        let r = &reports[0];
        let published = 0.13590341;
        assert!(preset(r, published, Preset::Published).is_published());
        let base = preset(r, published, Preset::Base);
        assert_eq!(base.headline_rate, Some(0.13));
        let bear = preset(r, published, Preset::Bear);
        let bull = preset(r, published, Preset::Bull);
        assert!(bear.headline_rate.unwrap() < published && bull.headline_rate.unwrap() > published);
        let key = growth_key("type", "camera-modules");
        assert!(bear.values[&key] < bull.values[&key]);
        // The call-center report states no rate: base is the published one.
        assert!(preset(&reports[1], 0.178, Preset::Base).is_published());
    }

    #[test]
    fn setting_a_value_back_to_its_default_forgets_it() {
        let mut s = Scenario::published();
        s.set("k", 0.2, 0.1);
        assert!(!s.is_published());
        s.set("k", 0.1, 0.1);
        assert!(s.is_published());
    }
}
