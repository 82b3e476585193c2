//! The reader's scenario: which assumptions differ from the report's published defaults.
//!
//! Only changed values are stored, so an untouched scenario is empty and "modified
//! assumptions" is simply `!is_published()`.

use super::schema::{AssumptionRange, Dimension, Member, ReconcileMode, Report};
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

    /// Sets a base share the way a reader means it: the share shown becomes `value`, and the
    /// siblings the reader has not set absorb the difference in proportion to their size (see
    /// [`absorb_shares`](crate::domain::engine::allocate::absorb_shares)). Shares of siblings
    /// set earlier stay set while there is room; when together with `value` they pass 100%, or
    /// no sibling would be left to absorb, they are released and absorb too. Once every share
    /// of the level is back at its default, the level is forgotten (unmodified).
    pub fn set_share(&mut self, dim: &str, siblings: &[Member], member: &str, value: f64) {
        let key = |id: &str| share_key(dim, id);
        if !siblings.iter().any(|m| m.id == member) {
            return;
        }
        self.values.insert(key(member), value);
        let others: Vec<String> = siblings
            .iter()
            .filter(|m| m.id != member)
            .map(|m| key(&m.id))
            .collect();
        let pinned: f64 = others.iter().filter_map(|k| self.values.get(k)).sum();
        let all_pinned = !others.is_empty() && others.iter().all(|k| self.values.contains_key(k));
        if value + pinned > 1.0 || all_pinned {
            for k in &others {
                self.values.remove(k);
            }
        }
        let at_defaults = siblings.iter().all(|m| {
            self.values
                .get(&key(&m.id))
                .is_none_or(|v| (v - m.share.default).abs() <= 1e-12)
        });
        if at_defaults {
            for m in siblings {
                self.values.remove(&key(&m.id));
            }
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

/// What a segment's growth input means; it depends on how the segment reconciles.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GrowthMeaning {
    /// A bottom-up dimension's top-level member: its own compound annual growth. The segment's
    /// CAGR is exactly this value, and the dimension's total is the sum of the segments.
    Own,
    /// A top-down member, or any member's child: growth relative to its siblings. The headline
    /// (or the parent) sets the total; siblings keep these paces against each other (at 13% and
    /// 15% they drift apart by 1.15 ÷ 1.13 − 1 = 1.8% a year), and only the differences
    /// matter: equal values keep every share constant. A segment's CAGR is therefore the
    /// total's, adjusted for the share it gains or loses, and not this value.
    Relative,
}

/// The meaning of the growth input of a member of `dim` (`top_level`: not a child).
pub fn growth_meaning(dim: &Dimension, top_level: bool) -> GrowthMeaning {
    if top_level && dim.mode == ReconcileMode::BottomUp {
        GrowthMeaning::Own
    } else {
        GrowthMeaning::Relative
    }
}

/// The meaning of the growth input under `key` (`<dimension>.<member>.growth`), as its slider
/// names it; `None` for any other key or a member the report does not have. The power tools
/// name their rows with it, so a row says "relative growth" where the slider does.
pub fn growth_meaning_of(report: &Report, key: &str) -> Option<GrowthMeaning> {
    let (dim_id, member) = key.strip_suffix(".growth")?.split_once('.')?;
    let dim = report.dimensions.iter().find(|d| d.id == dim_id)?;
    if dim.members.iter().any(|m| m.id == member) {
        return Some(growth_meaning(dim, true));
    }
    crate::domain::schema::find_member(&dim.members, member).map(|_| growth_meaning(dim, false))
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
    /// The headline grows 40% slower than published (no slower than a fitted rate's bounds
    /// allow). Segments with their own growth (bottom-up) grow 40% slower too; top-down
    /// segments keep their relative growth, so they follow the headline (scaling relative
    /// growth would only change how far they drift apart).
    Bear,
    /// The rate the source states in words, where it differs from what its numbers imply
    /// (13% rather than the implied 13.6%); otherwise the published rate.
    Base,
    /// As `Bear`, 40% faster.
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
    // Never panics, even on a range whose ends are swapped (`f64::clamp` would).
    v.max(r.min).min(r.max)
}

/// The range the headline growth slider covers, starting at the published rate: the
/// forecast's `rate_range`. `None` for a report without a forecast (no headline to move).
pub fn headline_rate_range(report: &Report, published_rate: f64) -> Option<AssumptionRange> {
    report.forecast.as_ref().map(|f| AssumptionRange {
        default: published_rate,
        min: f.rate_range.min,
        max: f.rate_range.max,
        step: f.rate_range.step,
    })
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
            // Within the slider's range, like every other preset: a rate the slider cannot
            // show would also come back different from a shared link (which clamps it).
            let stated = stated.zip(headline_rate_range(report, published_rate));
            let mut s = Scenario::published();
            if let Some(rate) = stated
                .map(|(rate, range)| clamp(rate, &range))
                .filter(|r| (r - published_rate).abs() > 1e-12)
            {
                s.headline_rate = Some(rate);
            }
            return s;
        }
        Preset::Bear => 1.0 - PRESET_FACTOR,
        Preset::Bull => 1.0 + PRESET_FACTOR,
    };
    let mut s = Scenario::published();
    if let Some(r) = headline_rate_range(report, published_rate) {
        // A fitted rate comes with the range the source's bounds allow: a preset that left it
        // would contradict the source's own figures (40% below the call-center's 12.1% misses
        // "1000亿以上" in 2014), so it stops at the nearest allowed rate.
        let fit = crate::domain::engine::model::published_rate(report)
            .ok()
            .and_then(|p| p.fit);
        let (lo, hi) = fit.map_or((f64::NEG_INFINITY, f64::INFINITY), |f| {
            (
                f.slowest.map_or(f64::NEG_INFINITY, |l| l.rate),
                f.fastest.map_or(f64::INFINITY, |l| l.rate),
            )
        });
        let rate = (published_rate * factor).max(lo).min(hi);
        s.headline_rate = Some(clamp(rate, &r));
    }
    for d in &report.dimensions {
        for m in &d.members {
            if let (GrowthMeaning::Own, Some(g)) = (growth_meaning(d, true), m.growth) {
                s.set(
                    &growth_key(&d.id, &m.id),
                    clamp(g.default * factor, &g),
                    g.default,
                );
            }
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
        // Top-down segments follow the headline: their relative growth stays as published.
        let key = growth_key("type", "camera-modules");
        assert!(!bear.values.contains_key(&key) && !bull.values.contains_key(&key));
        // Segments with their own growth (bottom-up) move with the preset.
        let mut bottom_up = r.clone();
        bottom_up.dimensions[0].mode = ReconcileMode::BottomUp;
        let bear = preset(&bottom_up, published, Preset::Bear);
        let bull = preset(&bottom_up, published, Preset::Bull);
        assert!((bear.values[&key] - 0.13 * 0.6).abs() < 1e-12);
        assert!((bull.values[&key] - 0.13 * 1.4).abs() < 1e-12);
        // The call-center report states no rate: base is the published one.
        assert!(preset(&reports[1], 0.178, Preset::Base).is_published());
    }

    #[test]
    fn every_preset_keeps_the_headline_rate_within_the_slider_range() {
        let (reports, _) = load_bundled();
        let mut r = reports[0].clone();
        let published = 0.13590341;
        // The source states a rate the slider cannot reach (above its max).
        let f = r.forecast.clone().unwrap();
        let max = f.rate_range.max;
        let stated = r
            .growth_statements
            .iter_mut()
            .find(|g| g.series == f.series);
        stated.unwrap().rate = max + 0.2;
        let range = headline_rate_range(&r, published).unwrap();
        assert_eq!(range.default, published);
        for p in Preset::ALL {
            let s = preset(&r, published, p);
            let rate = s.headline_rate.unwrap_or(published);
            assert!(
                (range.min..=range.max).contains(&rate),
                "{p:?}: {rate} outside {range:?}"
            );
        }
        assert_eq!(preset(&r, published, Preset::Base).headline_rate, Some(max));
        // A report without a forecast has no headline to move.
        let mut plan = reports[0].clone();
        plan.forecast = None;
        assert_eq!(headline_rate_range(&plan, published), None);
    }

    #[test]
    fn a_share_set_stays_set_while_there_is_room() {
        let (reports, _) = load_bundled();
        let dim = &reports[0].dimensions[1]; // leasing model: 0.25 / 0.35 / 0.40
        let (short, mid, long) = (
            share_key(&dim.id, "short-term-leasing"),
            share_key(&dim.id, "mid-term-leasing"),
            share_key(&dim.id, "long-term-leasing"),
        );
        let mut s = Scenario::published();
        s.set_share(&dim.id, &dim.members, "short-term-leasing", 0.3);
        s.set_share(&dim.id, &dim.members, "mid-term-leasing", 0.3);
        assert_eq!((s.values[&short], s.values[&mid]), (0.3, 0.3));
        // Setting the last one would leave nothing to absorb: the others are released.
        s.set_share(&dim.id, &dim.members, "long-term-leasing", 0.39);
        assert_eq!(s.values.len(), 1);
        assert_eq!(s.values[&long], 0.39);
        // Too much with the others set: they are released.
        s.set_share(&dim.id, &dim.members, "short-term-leasing", 0.3);
        s.set_share(&dim.id, &dim.members, "mid-term-leasing", 0.6);
        assert_eq!(s.values.len(), 1);
        // Back to the report's split: unmodified.
        s.set_share(&dim.id, &dim.members, "mid-term-leasing", 0.35);
        assert!(s.is_published());
        // A share moved back to its default while a sibling is set stays set (it is shown).
        s.set_share(&dim.id, &dim.members, "short-term-leasing", 0.3);
        s.set_share(&dim.id, &dim.members, "mid-term-leasing", 0.35);
        assert_eq!(s.values.get(&mid), Some(&0.35));
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
