//! Semantic validation of a parsed report: what serde cannot see (finite numbers, years in
//! range, shares that sum to one, references that resolve). Every failure names the file,
//! the field path and the reason — a value ([`Problem`]), worded where it is shown
//! (`i18n::validation`; its English is the `Display` for logs and the catalogue tool); nothing
//! here panics.

use super::engine::EngineError;
use super::load::JsonProblem;
use super::schema::*;
use std::collections::HashSet;

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
    pub problem: Problem,
}

impl std::error::Error for ValidationError {}

/// What is wrong at a field. Ids, years and numbers are carried as they are in the file.
#[derive(Debug, Clone, PartialEq)]
pub enum Problem {
    /// The file does not read as the expected JSON (syntax, or a field serde refused).
    Json(Box<JsonProblem>),
    /// A required value that is absent or empty.
    MissingValue,
    EnglishEmpty,
    /// An optional translation present but empty.
    EmptyTranslation,
    InvalidId(String),
    DuplicateId(String),
    /// A report id a catalogue already gives to another file (named).
    IdTaken {
        id: String,
        other_file: String,
    },
    NotFinite,
    YearOutOfRange(i32),
    YearsBackwards {
        from: i32,
        to: i32,
    },
    RateTooLow(f64),
    StepNotPositive,
    DefaultOutside {
        default: f64,
        min: f64,
        max: f64,
    },
    ShareOutsideUnit,
    RateMinTooLow,
    BoundNeedsSide,
    SideWithoutBound,
    ScenarioInFile,
    NotCurrencyCode(String),
    NoSeries,
    NoPoints,
    UnknownSeries(String),
    UnknownDimension(String),
    UnknownMember {
        member: String,
        dimension: String,
    },
    UnknownAssumption(String),
    UnknownKpi(String),
    /// `from_year` is not before `to_year` (a growth statement).
    YearsNotOrdered,
    /// `from` is not before `to` (an implied rate).
    FromNotBeforeTo,
    ValueNotPositive,
    ShareNotInUnit,
    HantWithoutHans,
    BadDate(String),
    YearsOnlyForSpan(String),
    ZeroSpan,
    TrendWithoutSeries,
    ForecastStartsTooEarly,
    NegativeForecastValue,
    SecondValue(i32),
    YearsOutOfOrder,
    UpperWithoutLower,
    UpperNotAbove {
        upper: f64,
        value: f64,
    },
    /// No positive reported value (of `series`, when named) in `year`.
    NoReportedValue {
        series: Option<String>,
        year: i32,
    },
    NoGrowthStatement(usize),
    FitNeedsPoints,
    NoFit(EngineError),
    MinAboveMax {
        min: f64,
        max: f64,
    },
    PublishedRateOutside {
        rate: f64,
        min: f64,
        max: f64,
    },
    BaseYearNotAnchor {
        base: i32,
        anchor: i32,
    },
    NoMembers,
    MixedGrowth,
    SharesDoNotSum(f64),
    NoContents,
    NoCadence,
    ZeroHorizon,
    NoPeriods,
    ShareOfUnknownSeries(String),
    LevelOfUnknownAssumption(String),
    RateOfNonLevel(String),
    RateOfUnknownKpi(String),
    TargetNotLevel,
    /// A catalogue file whose `format` is not the catalogue's.
    NotCatalogue(String),
    /// A catalogue file written by a newer version of the app.
    NewerCatalogue(u32),
}

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
    fn fail(&self, path: impl Into<String>, problem: Problem) -> Check {
        Err(ValidationError {
            file: self.file.to_string(),
            path: path.into(),
            problem,
        })
    }

    fn text(&self, path: &str, text: &LocalText) -> Check {
        self.texts(
            path,
            &text.en,
            &[("zh-Hans", &text.zh_hans), ("zh-Hant", &text.zh_hant)],
        )
    }

    /// English, and each other form given, not empty.
    fn texts(&self, path: &str, en: &str, others: &[(&str, &Option<String>)]) -> Check {
        if en.trim().is_empty() {
            return self.fail(format!("{path}.en"), Problem::EnglishEmpty);
        }
        for (tag, value) in others {
            if value.as_deref().is_some_and(|s| s.trim().is_empty()) {
                return self.fail(format!("{path}.{tag}"), Problem::EmptyTranslation);
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
            return self.fail(path, Problem::InvalidId(id.to_string()));
        }
        if !seen.insert(id.to_string()) {
            return self.fail(path, Problem::DuplicateId(id.to_string()));
        }
        Ok(())
    }

    fn finite(&self, path: &str, value: f64) -> Check {
        if value.is_finite() {
            Ok(())
        } else {
            self.fail(path, Problem::NotFinite)
        }
    }

    fn year(&self, path: &str, year: i32) -> Check {
        if (YEAR_MIN..=YEAR_MAX).contains(&year) {
            Ok(())
        } else {
            self.fail(path, Problem::YearOutOfRange(year))
        }
    }

    fn years(&self, path: &str, range: &YearRange) -> Check {
        self.year(&format!("{path}.from"), range.from)?;
        self.year(&format!("{path}.to"), range.to)?;
        if range.from > range.to {
            return self.fail(
                path,
                Problem::YearsBackwards {
                    from: range.from,
                    to: range.to,
                },
            );
        }
        Ok(())
    }

    fn rate(&self, path: &str, rate: f64) -> Check {
        self.finite(path, rate)?;
        if rate <= -1.0 {
            return self.fail(path, Problem::RateTooLow(rate));
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
            return self.fail(format!("{path}.step"), Problem::StepNotPositive);
        }
        if !(r.min <= r.default && r.default <= r.max) {
            return self.fail(
                format!("{path}.default"),
                Problem::DefaultOutside {
                    default: r.default,
                    min: r.min,
                    max: r.max,
                },
            );
        }
        if share && (r.min < 0.0 || r.max > 1.0) {
            return self.fail(path, Problem::ShareOutsideUnit);
        }
        if !share && r.min <= -1.0 {
            return self.fail(format!("{path}.min"), Problem::RateMinTooLow);
        }
        Ok(())
    }

    fn provenance(&self, path: &str, provenance: Provenance, bound: Option<BoundSide>) -> Check {
        match (provenance, bound) {
            (Provenance::Bound, None) => {
                self.fail(format!("{path}.bound"), Problem::BoundNeedsSide)
            }
            (Provenance::Bound, Some(_)) => Ok(()),
            (_, Some(_)) => self.fail(format!("{path}.bound"), Problem::SideWithoutBound),
            (Provenance::Scenario, None) => {
                self.fail(format!("{path}.provenance"), Problem::ScenarioInFile)
            }
            _ => Ok(()),
        }
    }

    fn unit(&self, path: &str, unit: &Unit) -> Check {
        match unit {
            Unit::Currency(code)
                if code.len() != 3 || !code.chars().all(|c| c.is_ascii_uppercase()) =>
            {
                self.fail(path, Problem::NotCurrencyCode(code.clone()))
            }
            Unit::Count(noun) => self.texts(
                &format!("{path}.count"),
                &noun.en,
                &[
                    ("en-one", &noun.en_one),
                    ("zh-Hans", &noun.zh_hans),
                    ("zh-Hant", &noun.zh_hant),
                ],
            ),
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
            return self.fail("series", Problem::NoSeries);
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
                    Problem::UnknownSeries(g.series.clone()),
                );
            }
            self.rate(&format!("{path}.rate"), g.rate)?;
            self.year(&format!("{path}.from_year"), g.from_year)?;
            self.year(&format!("{path}.to_year"), g.to_year)?;
            if g.from_year >= g.to_year {
                return self.fail(path, Problem::YearsNotOrdered);
            }
        }

        for (i, s) in r.share_statements.iter().enumerate() {
            let path = format!("share_statements[{i}]");
            self.text(&format!("{path}.part"), &s.part)?;
            self.year(&format!("{path}.year"), s.year)?;
            self.finite(&format!("{path}.value"), s.value)?;
            self.finite(&format!("{path}.share"), s.share)?;
            if s.value <= 0.0 {
                return self.fail(format!("{path}.value"), Problem::ValueNotPositive);
            }
            if !(s.share > 0.0 && s.share <= 1.0) {
                return self.fail(format!("{path}.share"), Problem::ShareNotInUnit);
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
                    Problem::UnknownDimension(c.dimension.clone()),
                );
            };
            if !d.members.iter().any(|m| m.id == c.member) {
                return self.fail(
                    format!("{path}.member"),
                    Problem::UnknownMember {
                        member: c.member.clone(),
                        dimension: c.dimension.clone(),
                    },
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
                return self.fail(format!("key_players[{i}].name"), Problem::MissingValue);
            }
            for (field, value) in [("name_zh", &p.name_zh), ("name_zh_hant", &p.name_zh_hant)] {
                if value.as_deref().is_some_and(|s| s.trim().is_empty()) {
                    return self.fail(
                        format!("key_players[{i}].{field}"),
                        Problem::EmptyTranslation,
                    );
                }
            }
            if p.name_zh_hant.is_some() && p.name_zh.is_none() {
                return self.fail(
                    format!("key_players[{i}].name_zh_hant"),
                    Problem::HantWithoutHans,
                );
            }
        }
        for (i, d) in r.developments.iter().enumerate() {
            let path = format!("developments[{i}]");
            if !is_valid_date(&d.date) {
                return self.fail(format!("{path}.date"), Problem::BadDate(d.date.clone()));
            }
            if let Some(years) = d.years {
                if !d.date.contains('/') {
                    return self.fail(
                        format!("{path}.years"),
                        Problem::YearsOnlyForSpan(d.date.clone()),
                    );
                }
                if years == 0 {
                    return self.fail(format!("{path}.years"), Problem::ZeroSpan);
                }
            }
            self.text(&format!("{path}.summary"), &d.summary)?;
        }

        for (i, c) in r.trend_claims.iter().enumerate() {
            let path = format!("trend_claims[{i}]");
            if c.series.is_empty() {
                return self.fail(format!("{path}.series"), Problem::TrendWithoutSeries);
            }
            for (j, id) in c.series.iter().enumerate() {
                if !series_ids.contains(id) {
                    return self.fail(
                        format!("{path}.series[{j}]"),
                        Problem::UnknownSeries(id.clone()),
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
            return self.fail("meta.forecast", Problem::ForecastStartsTooEarly);
        }
        if m.source_languages.is_empty() {
            return self.fail("meta.source_languages", Problem::MissingValue);
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
            return self.fail(format!("{path}.points"), Problem::NoPoints);
        }
        let mut last_year = None;
        for (j, p) in s.points.iter().enumerate() {
            let pp = format!("{path}.points[{j}]");
            self.year(&format!("{pp}.year"), p.year)?;
            self.finite(&format!("{pp}.value"), p.value)?;
            if forecast && p.value < 0.0 {
                return self.fail(format!("{pp}.value"), Problem::NegativeForecastValue);
            }
            if last_year == Some(p.year) {
                // Caught here, by name: further on, a fit would only see values it cannot use.
                return self.fail(format!("{pp}.year"), Problem::SecondValue(p.year));
            }
            if last_year.is_some_and(|y| y > p.year) {
                return self.fail(format!("{pp}.year"), Problem::YearsOutOfOrder);
            }
            last_year = Some(p.year);
            self.provenance(&pp, p.provenance, p.bound)?;
            if let Some(upper) = p.upper {
                self.finite(&format!("{pp}.upper"), upper)?;
                if p.bound != Some(BoundSide::Lower) {
                    return self.fail(format!("{pp}.upper"), Problem::UpperWithoutLower);
                }
                if upper <= p.value {
                    return self.fail(
                        format!("{pp}.upper"),
                        Problem::UpperNotAbove {
                            upper,
                            value: p.value,
                        },
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
            return self.fail("forecast.series", Problem::UnknownSeries(f.series.clone()));
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
                Problem::NoReportedValue {
                    series: Some(f.series.clone()),
                    year: f.anchor_year,
                },
            );
        }
        match &f.published_rate {
            RateSource::Implied { from, to } => {
                for (name, y) in [("from", *from), ("to", *to)] {
                    if !reported(y) {
                        return self.fail(
                            format!("forecast.published_rate.implied.{name}"),
                            Problem::NoReportedValue {
                                series: None,
                                year: y,
                            },
                        );
                    }
                }
                if from >= to {
                    return self.fail("forecast.published_rate.implied", Problem::FromNotBeforeTo);
                }
            }
            RateSource::Stated(i) => {
                if *i >= r.growth_statements.len() {
                    return self.fail(
                        "forecast.published_rate.stated",
                        Problem::NoGrowthStatement(*i),
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
                match crate::domain::engine::fit::fit_growth(f.anchor_year, anchor, &observations) {
                    Ok(_) => {}
                    Err(crate::domain::engine::EngineError::NotEnoughPoints { .. }) => {
                        return self.fail("forecast.published_rate", Problem::FitNeedsPoints)
                    }
                    Err(e) => return self.fail("forecast.published_rate", Problem::NoFit(e)),
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
                Problem::MinAboveMax {
                    min: rr.min,
                    max: rr.max,
                },
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
                    Problem::PublishedRateOutside {
                        rate: p.rate,
                        min: rr.min,
                        max: rr.max,
                    },
                );
            }
        }
        // The segment model starts from the headline's value in the base year.
        if r.meta.base_year != f.anchor_year {
            return self.fail(
                "meta.base_year",
                Problem::BaseYearNotAnchor {
                    base: r.meta.base_year,
                    anchor: f.anchor_year,
                },
            );
        }
        Ok(())
    }

    fn members(&self, path: &str, members: &[Member], ids: &mut HashSet<String>) -> Check {
        if members.is_empty() {
            return self.fail(path, Problem::NoMembers);
        }
        let with_growth = members.iter().filter(|m| m.growth.is_some()).count();
        if with_growth != 0 && with_growth != members.len() {
            return self.fail(path, Problem::MixedGrowth);
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
            return self.fail(path, Problem::SharesDoNotSum(sum));
        }
        Ok(())
    }

    fn contents(&self, r: &Report) -> Check {
        if r.contents.chapters.is_empty() {
            return self.fail("contents.chapters", Problem::NoContents);
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
                        Problem::UnknownDimension(rc.dimension.clone()),
                    );
                };
                if let Some(m) = &rc.member {
                    if find_member(&d.members, m).is_none() {
                        return self.fail(
                            format!("{path}.reconstruct.member"),
                            Problem::UnknownMember {
                                member: m.clone(),
                                dimension: rc.dimension.clone(),
                            },
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
                return self.fail(format!("{path}.metric"), Problem::MissingValue);
            }
            self.text(&format!("{path}.label"), &k.label)?;
            self.text(&format!("{path}.section"), &k.section)?;
            self.finite(&format!("{path}.value"), k.value)?;
            self.unit(&format!("{path}.unit"), &k.unit)?;
            self.provenance(&path, k.provenance, None)?;
            if matches!(k.kind, KpiKind::GrowthRate | KpiKind::Throughput) && k.cadence.is_none() {
                return self.fail(format!("{path}.cadence"), Problem::NoCadence);
            }
            if k.horizon.is_some_and(|h| h.count == 0) {
                return self.fail(format!("{path}.horizon.count"), Problem::ZeroHorizon);
            }
        }
        // `of` names what a target is measured against; what it may name depends on the kind.
        for (i, k) in r.kpis.iter().enumerate() {
            let Some(of) = &k.of else { continue };
            let path = format!("kpis[{i}].of");
            match k.kind {
                KpiKind::Share if !series_ids.contains(of) => {
                    return self.fail(path, Problem::ShareOfUnknownSeries(of.clone()));
                }
                KpiKind::Level if !assumption_ids.contains(of) => {
                    return self.fail(path, Problem::LevelOfUnknownAssumption(of.clone()));
                }
                KpiKind::GrowthRate | KpiKind::Throughput => {
                    match r.kpis.iter().find(|t| t.id == *of) {
                        Some(t) if t.kind == KpiKind::Level => {}
                        Some(_) => return self.fail(path, Problem::RateOfNonLevel(of.clone())),
                        None => return self.fail(path, Problem::RateOfUnknownKpi(of.clone())),
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
                        Problem::UnknownAssumption(id.to_string()),
                    );
                }
            }
            if p.periods == 0 {
                return self.fail(format!("{path}.periods"), Problem::NoPeriods);
            }
            match r.kpis.iter().find(|k| k.id == p.target) {
                Some(k) if k.kind == KpiKind::Level => {}
                Some(_) => return self.fail(format!("{path}.target"), Problem::TargetNotLevel),
                None => {
                    return self.fail(
                        format!("{path}.target"),
                        Problem::UnknownKpi(p.target.clone()),
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
