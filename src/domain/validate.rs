//! Semantic validation of a parsed report: what serde cannot see (finite numbers, years in
//! range, shares that sum to one, references that resolve). Every failure names the file,
//! the field path and the reason; nothing here panics.

use super::schema::*;
use std::collections::HashSet;
use std::fmt;

/// Years outside this range are treated as typos.
pub const YEAR_MIN: i32 = 1900;
pub const YEAR_MAX: i32 = 2100;
/// How far sibling shares may stray from summing to one.
pub const SHARE_SUM_TOLERANCE: f64 = 1e-6;

#[derive(Debug, Clone, PartialEq)]
pub struct ValidationError {
    pub file: String,
    /// Field path such as `series[0].points[2].value`; empty for the whole file.
    pub path: String,
    pub reason: String,
}

impl fmt::Display for ValidationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            write!(f, "{}: {}", self.file, self.reason)
        } else {
            write!(f, "{}: {}: {}", self.file, self.path, self.reason)
        }
    }
}

impl std::error::Error for ValidationError {}

/// Checks a parsed report; the first problem found is returned.
pub fn validate(file: &str, report: &Report) -> Result<(), ValidationError> {
    let v = Validator { file };
    v.report(report)
}

struct Validator<'a> {
    file: &'a str,
}

type Check = Result<(), ValidationError>;

impl Validator<'_> {
    fn fail(&self, path: impl Into<String>, reason: impl Into<String>) -> Check {
        Err(ValidationError {
            file: self.file.to_string(),
            path: path.into(),
            reason: reason.into(),
        })
    }

    fn text(&self, path: &str, text: &LocalText) -> Check {
        if text.en.trim().is_empty() {
            return self.fail(format!("{path}.en"), "missing value: English text is empty");
        }
        for (tag, value) in [("zh-Hans", &text.zh_hans), ("zh-Hant", &text.zh_hant)] {
            if value.as_deref().is_some_and(|s| s.trim().is_empty()) {
                return self.fail(
                    format!("{path}.{tag}"),
                    "empty text: omit the field instead",
                );
            }
        }
        Ok(())
    }

    fn id(&self, path: &str, id: &str, seen: &mut HashSet<String>) -> Check {
        let ok = !id.is_empty()
            && id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_');
        if !ok {
            return self.fail(
                path,
                format!("invalid id {id:?}: use lowercase letters, digits, '-' and '_'"),
            );
        }
        if !seen.insert(id.to_string()) {
            return self.fail(path, format!("duplicate id {id:?}"));
        }
        Ok(())
    }

    fn finite(&self, path: &str, value: f64) -> Check {
        if value.is_finite() {
            Ok(())
        } else {
            self.fail(path, format!("non-finite number {value}"))
        }
    }

    fn year(&self, path: &str, year: i32) -> Check {
        if (YEAR_MIN..=YEAR_MAX).contains(&year) {
            Ok(())
        } else {
            self.fail(
                path,
                format!("year {year} out of range {YEAR_MIN}–{YEAR_MAX}"),
            )
        }
    }

    fn years(&self, path: &str, range: &YearRange) -> Check {
        self.year(&format!("{path}.from"), range.from)?;
        self.year(&format!("{path}.to"), range.to)?;
        if range.from > range.to {
            return self.fail(
                path,
                format!("year range {}–{} runs backwards", range.from, range.to),
            );
        }
        Ok(())
    }

    fn rate(&self, path: &str, rate: f64) -> Check {
        self.finite(path, rate)?;
        if rate <= -1.0 {
            return self.fail(path, format!("growth rate {rate} is −100% or less"));
        }
        Ok(())
    }

    fn range(&self, path: &str, r: &AssumptionRange, share: bool) -> Check {
        for (name, value) in [
            ("default", r.default),
            ("min", r.min),
            ("max", r.max),
            ("step", r.step),
        ] {
            self.finite(&format!("{path}.{name}"), value)?;
        }
        if r.step <= 0.0 {
            return self.fail(format!("{path}.step"), "step must be positive");
        }
        if !(r.min <= r.default && r.default <= r.max) {
            return self.fail(
                format!("{path}.default"),
                format!(
                    "default {} is outside min {} – max {}",
                    r.default, r.min, r.max
                ),
            );
        }
        if share && (r.min < 0.0 || r.max > 1.0) {
            return self.fail(path, "a share must stay between 0 and 1");
        }
        if !share && r.min <= -1.0 {
            return self.fail(format!("{path}.min"), "a growth rate must stay above −100%");
        }
        Ok(())
    }

    fn provenance(&self, path: &str, provenance: Provenance, bound: Option<BoundSide>) -> Check {
        match (provenance, bound) {
            (Provenance::Bound, None) => self.fail(
                format!("{path}.bound"),
                "missing value: a bound needs \"lower\" or \"upper\"",
            ),
            (Provenance::Bound, Some(_)) => Ok(()),
            (_, Some(_)) => self.fail(
                format!("{path}.bound"),
                "only values with provenance \"bound\" may name a bound side",
            ),
            (Provenance::Scenario, None) => self.fail(
                format!("{path}.provenance"),
                "\"scenario\" values belong to the reader, not to a report file",
            ),
            _ => Ok(()),
        }
    }

    fn unit(&self, path: &str, unit: &Unit) -> Check {
        match unit {
            Unit::Currency(code)
                if code.len() != 3 || !code.chars().all(|c| c.is_ascii_uppercase()) =>
            {
                self.fail(path, format!("currency {code:?} is not an ISO 4217 code"))
            }
            Unit::Count(noun) => self.text(&format!("{path}.count"), noun),
            _ => Ok(()),
        }
    }

    fn report(&self, r: &Report) -> Check {
        self.id("id", &r.id, &mut HashSet::new())?;
        self.meta(&r.meta)?;

        let mut series_ids = HashSet::new();
        let forecast_series = r.forecast.as_ref().map(|f| f.series.as_str());
        for (i, s) in r.series.iter().enumerate() {
            let forecast = forecast_series == Some(s.id.as_str());
            self.series(&format!("series[{i}]"), s, forecast, &mut series_ids)?;
        }
        if r.series.is_empty() {
            return self.fail(
                "series",
                "missing value: a report needs at least one series",
            );
        }

        // A market report without a forecast is history only (an imported series whose values
        // fall to zero or below has no growth to compound); the overview charts its series.
        if let Some(f) = &r.forecast {
            self.forecast(r, f)?;
        }

        for (i, g) in r.growth_statements.iter().enumerate() {
            let path = format!("growth_statements[{i}]");
            if !series_ids.contains(&g.series) {
                return self.fail(
                    format!("{path}.series"),
                    format!("unknown series {:?}", g.series),
                );
            }
            self.rate(&format!("{path}.rate"), g.rate)?;
            self.year(&format!("{path}.from_year"), g.from_year)?;
            self.year(&format!("{path}.to_year"), g.to_year)?;
            if g.from_year >= g.to_year {
                return self.fail(path, "from_year must come before to_year");
            }
        }

        for (i, s) in r.share_statements.iter().enumerate() {
            let path = format!("share_statements[{i}]");
            self.text(&format!("{path}.part"), &s.part)?;
            self.year(&format!("{path}.year"), s.year)?;
            self.finite(&format!("{path}.value"), s.value)?;
            self.finite(&format!("{path}.share"), s.share)?;
            if s.value <= 0.0 {
                return self.fail(format!("{path}.value"), "value must be positive");
            }
            if !(s.share > 0.0 && s.share <= 1.0) {
                return self.fail(format!("{path}.share"), "share must be in (0, 1]");
            }
            self.unit(&format!("{path}.unit"), &s.unit)?;
        }

        let mut dimension_ids = HashSet::new();
        for (i, d) in r.dimensions.iter().enumerate() {
            let path = format!("dimensions[{i}]");
            self.id(&format!("{path}.id"), &d.id, &mut dimension_ids)?;
            self.text(&format!("{path}.name"), &d.name)?;
            let mut member_ids = HashSet::new();
            self.members(&format!("{path}.members"), &d.members, &mut member_ids)?;
        }

        for (i, c) in r.segment_claims.iter().enumerate() {
            let path = format!("segment_claims[{i}]");
            let Some(d) = r.dimensions.iter().find(|d| d.id == c.dimension) else {
                return self.fail(
                    format!("{path}.dimension"),
                    format!("unknown dimension {:?}", c.dimension),
                );
            };
            if !d.members.iter().any(|m| m.id == c.member) {
                return self.fail(
                    format!("{path}.member"),
                    format!(
                        "unknown dimension member {:?} in {:?}",
                        c.member, c.dimension
                    ),
                );
            }
            self.text(&format!("{path}.summary"), &c.summary)?;
        }

        let mut assumption_ids = HashSet::new();
        for (i, a) in r.assumptions.iter().enumerate() {
            let path = format!("assumptions[{i}]");
            self.id(&format!("{path}.id"), &a.id, &mut assumption_ids)?;
            self.text(&format!("{path}.label"), &a.label)?;
            self.range(&path, &a.range, false)?;
            self.unit(&format!("{path}.unit"), &a.unit)?;
        }

        for (i, f) in r.facts.iter().enumerate() {
            let path = format!("facts[{i}]");
            self.text(&format!("{path}.label"), &f.label)?;
            self.finite(&format!("{path}.value"), f.value)?;
            if let Some(y) = f.year {
                self.year(&format!("{path}.year"), y)?;
            }
            self.provenance(&path, f.provenance, f.bound)?;
            self.unit(&format!("{path}.unit"), &f.unit)?;
        }

        for (i, s) in r.sections.iter().enumerate() {
            self.text(&format!("sections[{i}].title"), &s.title)?;
            self.text(&format!("sections[{i}].summary"), &s.summary)?;
        }
        for (i, p) in r.key_players.iter().enumerate() {
            if p.name.trim().is_empty() {
                return self.fail(format!("key_players[{i}].name"), "missing value");
            }
            for (field, value) in [("name_zh", &p.name_zh), ("name_zh_hant", &p.name_zh_hant)] {
                if value.as_deref().is_some_and(|s| s.trim().is_empty()) {
                    return self.fail(
                        format!("key_players[{i}].{field}"),
                        "empty text: omit the field instead",
                    );
                }
            }
            if p.name_zh_hant.is_some() && p.name_zh.is_none() {
                return self.fail(
                    format!("key_players[{i}].name_zh_hant"),
                    "the Traditional form of name_zh: give name_zh (Simplified) too",
                );
            }
        }
        for (i, d) in r.developments.iter().enumerate() {
            let path = format!("developments[{i}]");
            if !is_valid_date(&d.date) {
                return self.fail(
                    format!("{path}.date"),
                    format!("date {:?} is not YYYY, YYYY-MM or YYYY/YYYY", d.date),
                );
            }
            if let Some(years) = d.years {
                if !d.date.contains('/') {
                    return self.fail(
                        format!("{path}.years"),
                        format!(
                            "\"years\" is the length the source gives a span: only a span date (YYYY/YYYY) may have one, not {:?}",
                            d.date
                        ),
                    );
                }
                if years == 0 {
                    return self.fail(format!("{path}.years"), "a span of 0 years");
                }
            }
            self.text(&format!("{path}.summary"), &d.summary)?;
        }

        for (i, c) in r.trend_claims.iter().enumerate() {
            let path = format!("trend_claims[{i}]");
            if c.series.is_empty() {
                return self.fail(
                    format!("{path}.series"),
                    "missing value: a trend claim names the series it speaks of",
                );
            }
            for (j, id) in c.series.iter().enumerate() {
                if !series_ids.contains(id) {
                    return self.fail(
                        format!("{path}.series[{j}]"),
                        format!("unknown series {id:?}"),
                    );
                }
            }
            self.years(&format!("{path}.years"), &c.years)?;
            self.text(&format!("{path}.summary"), &c.summary)?;
        }

        self.contents(r)?;
        self.kpis(r, &series_ids, &assumption_ids)?;
        Ok(())
    }

    fn meta(&self, m: &Meta) -> Check {
        self.text("meta.title", &m.title)?;
        self.text("meta.publisher", &m.publisher)?;
        self.text("meta.region", &m.region)?;
        self.text("meta.summary", &m.summary)?;
        self.text("meta.headline", &m.headline)?;
        self.unit("meta.currency", &Unit::Currency(m.currency.clone()))?;
        self.year("meta.base_year", m.base_year)?;
        self.years("meta.history", &m.history)?;
        self.years("meta.forecast", &m.forecast)?;
        if m.forecast.from <= m.history.from {
            return self.fail(
                "meta.forecast",
                "the forecast must start after the history starts",
            );
        }
        if m.source_languages.is_empty() {
            return self.fail("meta.source_languages", "missing value");
        }
        Ok(())
    }

    /// `forecast`: a forecast extends this series, so its values may not be negative (other
    /// series may be: temperature anomalies, balances, changes in percent).
    fn series(&self, path: &str, s: &Series, forecast: bool, ids: &mut HashSet<String>) -> Check {
        self.id(&format!("{path}.id"), &s.id, ids)?;
        self.text(&format!("{path}.name"), &s.name)?;
        self.unit(&format!("{path}.unit"), &s.unit)?;
        if s.points.is_empty() {
            return self.fail(
                format!("{path}.points"),
                "missing value: a series needs points",
            );
        }
        let mut last_year = None;
        for (j, p) in s.points.iter().enumerate() {
            let pp = format!("{path}.points[{j}]");
            self.year(&format!("{pp}.year"), p.year)?;
            self.finite(&format!("{pp}.value"), p.value)?;
            if forecast && p.value < 0.0 {
                return self.fail(
                    format!("{pp}.value"),
                    "a value of the series the forecast extends may not be negative",
                );
            }
            if last_year == Some(p.year) {
                // Caught here, by name: further on, a fit would only see values it cannot use.
                return self.fail(
                    format!("{pp}.year"),
                    format!(
                        "a second value for {}: a series has one point a year (give a range as a bound, or pick one value)",
                        p.year
                    ),
                );
            }
            if last_year.is_some_and(|y| y > p.year) {
                return self.fail(
                    format!("{pp}.year"),
                    "points must be in increasing year order without repeats",
                );
            }
            last_year = Some(p.year);
            self.provenance(&pp, p.provenance, p.bound)?;
            if let Some(upper) = p.upper {
                self.finite(&format!("{pp}.upper"), upper)?;
                if p.bound != Some(BoundSide::Lower) {
                    return self.fail(
                        format!("{pp}.upper"),
                        "\"upper\" closes a lower bound into an interval: only a point with bound \"lower\" may have one",
                    );
                }
                if upper <= p.value {
                    return self.fail(
                        format!("{pp}.upper"),
                        format!("upper {upper} must be above the value {}", p.value),
                    );
                }
            }
            if let Some(note) = &p.note {
                self.text(&format!("{pp}.note"), note)?;
            }
        }
        if let Some(note) = &s.note {
            self.text(&format!("{path}.note"), note)?;
        }
        Ok(())
    }

    fn forecast(&self, r: &Report, f: &ForecastModel) -> Check {
        let Some(series) = r.series.iter().find(|s| s.id == f.series) else {
            return self.fail("forecast.series", format!("unknown series {:?}", f.series));
        };
        let reported = |year: i32| {
            series
                .points
                .iter()
                .any(|p| p.year == year && p.provenance == Provenance::Reported && p.value > 0.0)
        };
        if !reported(f.anchor_year) {
            return self.fail(
                "forecast.anchor_year",
                format!(
                    "no positive reported value of {:?} in {}",
                    f.series, f.anchor_year
                ),
            );
        }
        match &f.published_rate {
            RateSource::Implied { from, to } => {
                for (name, y) in [("from", *from), ("to", *to)] {
                    if !reported(y) {
                        return self.fail(
                            format!("forecast.published_rate.implied.{name}"),
                            format!("no positive reported value in {y}"),
                        );
                    }
                }
                if from >= to {
                    return self.fail(
                        "forecast.published_rate.implied",
                        "from must come before to",
                    );
                }
            }
            RateSource::Stated(i) => {
                if *i >= r.growth_statements.len() {
                    return self.fail(
                        "forecast.published_rate.stated",
                        format!("no growth statement number {i}"),
                    );
                }
            }
            RateSource::Fit => {
                let anchor = series
                    .points
                    .iter()
                    .find(|p| p.year == f.anchor_year)
                    .map_or(0.0, |p| p.value);
                let observations = crate::domain::engine::model::observations(series);
                match crate::domain::engine::fit::fit_growth(f.anchor_year, anchor, &observations)
                {
                    Ok(_) => {}
                    Err(crate::domain::engine::EngineError::NotEnoughPoints { .. }) => {
                        return self.fail(
                            "forecast.published_rate",
                            "a fit needs a reported value, bound or interval in a year other than the anchor's",
                        )
                    }
                    Err(e) => {
                        return self.fail(
                            "forecast.published_rate",
                            format!("no growth rate fits the series: {e}"),
                        )
                    }
                }
            }
        }
        // The rate range has no default of its own: min and max are checked directly (a
        // reversed range is named at its own fields, not at a default it does not have).
        let rr = &f.rate_range;
        for (name, value) in [("min", rr.min), ("max", rr.max), ("step", rr.step)] {
            self.finite(&format!("forecast.rate_range.{name}"), value)?;
        }
        if rr.min > rr.max {
            return self.fail(
                "forecast.rate_range",
                format!("min {} is above max {}", rr.min, rr.max),
            );
        }
        let range = AssumptionRange {
            default: rr.min,
            min: rr.min,
            max: rr.max,
            step: rr.step,
        };
        self.range("forecast.rate_range", &range, false)?;
        // The headline slider starts at the published rate: it must be within reach.
        if let Ok(p) = crate::domain::engine::model::published_rate(r) {
            if p.rate.is_finite() && !(rr.min..=rr.max).contains(&p.rate) {
                return self.fail(
                    "forecast.rate_range",
                    format!(
                        "the published rate {:.4} lies outside min {} – max {}: the slider could not show it",
                        p.rate, rr.min, rr.max
                    ),
                );
            }
        }
        // The segment model starts from the headline's value in the base year.
        if r.meta.base_year != f.anchor_year {
            return self.fail(
                "meta.base_year",
                format!(
                    "the base year {} must be the forecast's anchor year {}",
                    r.meta.base_year, f.anchor_year
                ),
            );
        }
        Ok(())
    }

    fn members(&self, path: &str, members: &[Member], ids: &mut HashSet<String>) -> Check {
        if members.is_empty() {
            return self.fail(path, "missing value: a dimension needs members");
        }
        let with_growth = members.iter().filter(|m| m.growth.is_some()).count();
        if with_growth != 0 && with_growth != members.len() {
            return self.fail(
                path,
                "either every sibling has a growth assumption or none has (none: they grow with their parent)",
            );
        }
        let mut sum = 0.0;
        for (i, m) in members.iter().enumerate() {
            let mp = format!("{path}[{i}]");
            self.id(&format!("{mp}.id"), &m.id, ids)?;
            self.text(&format!("{mp}.name"), &m.name)?;
            self.range(&format!("{mp}.share"), &m.share, true)?;
            if let Some(g) = &m.growth {
                self.range(&format!("{mp}.growth"), g, false)?;
            }
            sum += m.share.default;
            if !m.children.is_empty() {
                self.members(&format!("{mp}.children"), &m.children, ids)?;
            }
        }
        if (sum - 1.0).abs() > SHARE_SUM_TOLERANCE {
            return self.fail(
                path,
                format!("shares that do not sum: default shares add up to {sum:.6}, not 1"),
            );
        }
        Ok(())
    }

    fn contents(&self, r: &Report) -> Check {
        if r.contents.chapters.is_empty() {
            return self.fail(
                "contents.chapters",
                "missing value: the table of contents is empty",
            );
        }
        fn chapters(v: &Validator, path: &str, list: &[Chapter]) -> Check {
            for (i, c) in list.iter().enumerate() {
                let p = format!("{path}[{i}]");
                v.text(&format!("{p}.title"), &c.title)?;
                chapters(v, &format!("{p}.children"), &c.children)?;
            }
            Ok(())
        }
        chapters(self, "contents.chapters", &r.contents.chapters)?;
        for (i, item) in r.contents.listed.iter().enumerate() {
            let path = format!("contents.listed[{i}]");
            self.text(&format!("{path}.title"), &item.title)?;
            if let Some(y) = &item.years {
                self.years(&format!("{path}.years"), y)?;
            }
            if let Some(rc) = &item.reconstruct {
                let Some(d) = r.dimensions.iter().find(|d| d.id == rc.dimension) else {
                    return self.fail(
                        format!("{path}.reconstruct.dimension"),
                        format!("unknown dimension {:?}", rc.dimension),
                    );
                };
                if let Some(m) = &rc.member {
                    if find_member(&d.members, m).is_none() {
                        return self.fail(
                            format!("{path}.reconstruct.member"),
                            format!("unknown dimension member {m:?} in {:?}", rc.dimension),
                        );
                    }
                }
            }
        }
        Ok(())
    }

    fn kpis(
        &self,
        r: &Report,
        series_ids: &HashSet<String>,
        assumption_ids: &HashSet<String>,
    ) -> Check {
        let mut kpi_ids = HashSet::new();
        for (i, k) in r.kpis.iter().enumerate() {
            let path = format!("kpis[{i}]");
            self.id(&format!("{path}.id"), &k.id, &mut kpi_ids)?;
            if k.metric.is_empty() {
                return self.fail(format!("{path}.metric"), "missing value");
            }
            self.text(&format!("{path}.label"), &k.label)?;
            self.text(&format!("{path}.section"), &k.section)?;
            self.finite(&format!("{path}.value"), k.value)?;
            self.unit(&format!("{path}.unit"), &k.unit)?;
            self.provenance(&path, k.provenance, None)?;
            if matches!(k.kind, KpiKind::GrowthRate | KpiKind::Throughput) && k.cadence.is_none() {
                return self.fail(
                    format!("{path}.cadence"),
                    "missing value: a rate needs a cadence",
                );
            }
            if k.horizon.is_some_and(|h| h.count == 0) {
                return self.fail(format!("{path}.horizon.count"), "horizon 0");
            }
        }
        // `of` names what a target is measured against; what it may name depends on the kind.
        for (i, k) in r.kpis.iter().enumerate() {
            let Some(of) = &k.of else { continue };
            let path = format!("kpis[{i}].of");
            match k.kind {
                KpiKind::Share if !series_ids.contains(of) => {
                    return self.fail(
                        path,
                        format!("unknown series {of:?}: a share's \"of\" names the series it is a share of"),
                    );
                }
                KpiKind::Level if !assumption_ids.contains(of) => {
                    return self.fail(
                        path,
                        format!("unknown assumption {of:?}: a level's \"of\" names the assumption giving the top of its scale"),
                    );
                }
                KpiKind::GrowthRate | KpiKind::Throughput => {
                    match r.kpis.iter().find(|t| t.id == *of) {
                        Some(t) if t.kind == KpiKind::Level => {}
                        Some(_) => {
                            return self.fail(
                                path,
                                format!("KPI {of:?} is not a level: a rate's \"of\" names the level target it changes"),
                            )
                        }
                        None => {
                            return self.fail(
                                path,
                                format!("unknown KPI {of:?}: a rate's \"of\" names the level target it changes"),
                            )
                        }
                    }
                }
                _ => {}
            }
        }
        for (i, p) in r.projections.iter().enumerate() {
            let path = format!("projections[{i}]");
            self.text(&format!("{path}.label"), &p.label)?;
            for (name, id) in [("start", &p.start), ("rate", &p.rate)] {
                if !assumption_ids.contains(id) {
                    return self.fail(
                        format!("{path}.{name}"),
                        format!("unknown assumption {id:?}"),
                    );
                }
            }
            if p.periods == 0 {
                return self.fail(
                    format!("{path}.periods"),
                    "horizon 0: a projection needs periods",
                );
            }
            match r.kpis.iter().find(|k| k.id == p.target) {
                Some(k) if k.kind == KpiKind::Level => {}
                Some(_) => {
                    return self.fail(format!("{path}.target"), "the target must be a level KPI")
                }
                None => {
                    return self.fail(
                        format!("{path}.target"),
                        format!("unknown KPI {:?}", p.target),
                    )
                }
            }
        }
        Ok(())
    }
}

fn is_valid_date(date: &str) -> bool {
    let year = |s: &str| s.len() == 4 && s.chars().all(|c| c.is_ascii_digit());
    match date.split_once(['-', '/']) {
        None => year(date),
        Some((y, rest)) if date.get(4..5) == Some("-") => {
            year(y) && rest.len() == 2 && rest.parse::<u8>().is_ok_and(|m| (1..=12).contains(&m))
        }
        Some((a, b)) => year(a) && year(b) && a <= b,
    }
}
