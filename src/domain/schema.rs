//! The report schema: what a report data file (`reports/*.json`) may contain.
//!
//! Every struct denies unknown fields so that a typo in a data file is an error that names the
//! field, not a silently ignored value. Values are stored in absolute units (US$2.5 bn is
//! `2.5e9`, 70万 seats is `700000`); formatting into billion/亿 happens at display time.

use serde::{Deserialize, Serialize};

/// A text in the languages the explorer speaks. English is required; Chinese in Simplified
/// and Traditional script where we have it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct LocalText {
    pub en: String,
    #[serde(rename = "zh-Hans", default, skip_serializing_if = "Option::is_none")]
    pub zh_hans: Option<String>,
    #[serde(rename = "zh-Hant", default, skip_serializing_if = "Option::is_none")]
    pub zh_hant: Option<String>,
}

impl LocalText {
    pub fn en(text: &str) -> Self {
        LocalText {
            en: text.to_string(),
            ..Default::default()
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ReportKind {
    /// A market report: headline series, segments, dynamics.
    Market,
    /// A business plan: KPI targets and projections rather than a market series.
    Plan,
}

/// Where a number comes from. Shown on every value the explorer draws or lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Provenance {
    /// Stated in the source.
    Reported,
    /// The source gives a bound ("at least", "over", "多", "以上", "突破").
    Bound,
    /// Computed from reported values (a back-cast, an interpolation, a forecast year).
    Derived,
    /// A model input that is not in the source (e.g. a segment share).
    Assumption,
    /// The reader's own input.
    Scenario,
}

/// Which side a `bound` value limits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum BoundSide {
    /// The true value is at least this ("1000以上", "突破80万", "> 5000亿"; with `upper`, an
    /// interval such as "900多").
    Lower,
    /// The true value is at most this.
    Upper,
}

/// What a series' values measure.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Unit {
    /// Money in an ISO 4217 currency as reported ("USD", "CNY").
    Currency(String),
    /// A count of things (seats, users, families), with the noun.
    Count(CountNoun),
    /// A fraction shown as a percentage (0.13 = 13%).
    Percent,
    /// A plain number such as a satisfaction score.
    Number,
}

/// A count's noun in each language, and the English after exactly one where it is not the
/// same ("1 iteration", "2 iterations"); a Chinese noun has one form.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CountNoun {
    pub en: String,
    /// The English noun after exactly 1 ("iteration"); `en` where absent.
    #[serde(rename = "en-one", default, skip_serializing_if = "Option::is_none")]
    pub en_one: Option<String>,
    #[serde(rename = "zh-Hans", default, skip_serializing_if = "Option::is_none")]
    pub zh_hans: Option<String>,
    #[serde(rename = "zh-Hant", default, skip_serializing_if = "Option::is_none")]
    pub zh_hant: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Cadence {
    Day,
    Week,
    Month,
    Quarter,
    Year,
}

impl Cadence {
    /// The lowercase name used in files and exports ("year", "quarter", "month" …).
    pub fn id(self) -> &'static str {
        match self {
            Cadence::Day => "day",
            Cadence::Week => "week",
            Cadence::Month => "month",
            Cadence::Quarter => "quarter",
            Cadence::Year => "year",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Report {
    /// Stable id used in URLs ("smartphone-leasing").
    pub id: String,
    pub kind: ReportKind,
    pub meta: Meta,
    /// Time series: the headline first, then context series.
    pub series: Vec<Series>,
    /// How the headline is extended over the forecast years. Absent for plan reports.
    #[serde(default)]
    pub forecast: Option<ForecastModel>,
    /// Growth rates the source states in words ("a CAGR of 13% over 2025–2032").
    #[serde(default)]
    pub growth_statements: Vec<GrowthStatement>,
    /// Statements of a part's value and its share of a whole ("North America 926.9 = 38.3%").
    #[serde(default)]
    pub share_statements: Vec<ShareStatement>,
    /// Segment dimensions (type, region → country, …). Empty for plan reports.
    #[serde(default)]
    pub dimensions: Vec<Dimension>,
    /// Qualitative claims about segments that the model's assumptions must agree with.
    #[serde(default)]
    pub segment_claims: Vec<SegmentClaim>,
    /// Directions the source claims for its own figures ("the market keeps expanding", "seat
    /// growth has slowed"); the checks hold them against the figures.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub trend_claims: Vec<TrendClaim>,
    /// Model inputs not attached to a segment (plan projections' start values, …).
    #[serde(default)]
    pub assumptions: Vec<Assumption>,
    /// Key facts for the overview, each with its provenance.
    #[serde(default)]
    pub facts: Vec<Fact>,
    /// Drivers, restraints, opportunities, threats, impacts, phases… in our own words.
    #[serde(default)]
    pub sections: Vec<Section>,
    #[serde(default)]
    pub key_players: Vec<KeyPlayer>,
    #[serde(default)]
    pub developments: Vec<Development>,
    pub contents: Contents,
    /// Targets of a plan-type report.
    #[serde(default)]
    pub kpis: Vec<KpiTarget>,
    /// Growth projections of a plan-type report, each aimed at a KPI target.
    #[serde(default)]
    pub projections: Vec<Projection>,
}

impl Report {
    /// The series the headline figures are: the one the forecast extends, else the first (a
    /// report without a forecast lists its headline first).
    pub fn headline_series(&self) -> Option<&Series> {
        self.forecast
            .as_ref()
            .and_then(|f| self.series.iter().find(|s| s.id == f.series))
            .or_else(|| self.series.first())
    }

    /// The unit of the headline figures (a plain number when the report has no series).
    pub fn headline_unit(&self) -> Unit {
        self.headline_series()
            .map_or(Unit::Number, |s| s.unit.clone())
    }

    /// A segment anywhere in a dimension's tree, by dimension and member id.
    pub fn member(&self, dimension: &str, member: &str) -> Option<(&Dimension, &Member)> {
        let d = self.dimensions.iter().find(|d| d.id == dimension)?;
        Some((d, find_member(&d.members, member)?))
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Meta {
    pub title: LocalText,
    /// Publisher's name as the source gives it (a fact: keeps its wording).
    pub publisher: LocalText,
    /// The report's product code(s), if any, as its listings give them; several are separated
    /// by " / " (the publisher's "SMRC30744", then a Chinese listing's "1813283").
    #[serde(default)]
    pub code: Option<String>,
    /// Geographic scope ("Global", "China").
    pub region: LocalText,
    /// ISO 4217 code of the currency the source reports in.
    pub currency: String,
    /// The language(s) of the source document, as BCP 47 tags.
    pub source_languages: Vec<String>,
    /// The year the model anchors on (the last year with a reported headline value).
    pub base_year: i32,
    /// First and last year of the history the report covers.
    pub history: YearRange,
    /// First and last forecast year.
    pub forecast: YearRange,
    /// One paragraph in our own words: what the report is about.
    pub summary: LocalText,
    /// The headline in a few words for the library card ("US$2.5 bn (2025) → US$6.1 bn (2032)").
    pub headline: LocalText,
    /// Which seed document this report was built from.
    pub source_file: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct YearRange {
    pub from: i32,
    pub to: i32,
}

impl YearRange {
    pub fn years(&self) -> impl Iterator<Item = i32> {
        self.from..=self.to
    }
    pub fn contains(&self, year: i32) -> bool {
        (self.from..=self.to).contains(&year)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Series {
    pub id: String,
    pub name: LocalText,
    pub unit: Unit,
    pub points: Vec<Point>,
    /// What the series measures and how we read the source's wording, in our own words (shown
    /// under the headline chart).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<LocalText>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Point {
    pub year: i32,
    pub value: f64,
    pub provenance: Provenance,
    /// Required when `provenance` is `bound`, forbidden otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bound: Option<BoundSide>,
    /// Closes a `lower` bound into an interval: the true value is at least `value` and below
    /// `upper` ("900多": 900 up to the next round number, 1000). Only on a lower bound; above
    /// `value`. The model treats `upper` as a limit the path may reach but not pass.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub upper: Option<f64>,
    /// Where in the source, or how it was derived, in our own words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<LocalText>,
}

impl Point {
    /// A value the source (or the reader's file) states, with no bound and no note.
    pub fn reported(year: i32, value: f64) -> Self {
        Point {
            year,
            value,
            provenance: Provenance::Reported,
            bound: None,
            upper: None,
            note: None,
        }
    }
}

/// How the headline's published path is extended from its anchor.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ForecastModel {
    /// The series the forecast extends (the headline).
    pub series: String,
    /// The year whose reported value the path is anchored on.
    pub anchor_year: i32,
    /// Where the published growth rate comes from.
    pub published_rate: RateSource,
    /// The range the reader's CAGR slider covers.
    pub rate_range: Range,
}

/// Where a published growth rate comes from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum RateSource {
    /// The rate implied by two reported values of the forecast series (Excel's RRI).
    Implied { from: i32, to: i32 },
    /// A log-linear least-squares trend from the anchor over every other year the series gives
    /// (reported values, bounds and intervals), kept within the rates the bounds allow.
    Fit,
    /// The rate of `growth_statements[index]`.
    Stated(usize),
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Range {
    pub min: f64,
    pub max: f64,
    pub step: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct GrowthStatement {
    pub series: String,
    /// Compound annual rate as a fraction (0.13 = 13%).
    pub rate: f64,
    pub from_year: i32,
    pub to_year: i32,
    #[serde(default)]
    pub note: Option<LocalText>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ShareStatement {
    /// Statements with the same `whole` describe the same total.
    pub whole: String,
    pub whole_name: LocalText,
    pub part: LocalText,
    pub year: i32,
    pub value: f64,
    /// The part's share of the whole as a fraction (0.383 = 38.3%).
    pub share: f64,
    pub unit: Unit,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ReconcileMode {
    /// Segments are shares of the headline total; the shares evolve with relative growth and
    /// are renormalised every year.
    TopDown,
    /// The total is the sum of segments that each grow at their own rate.
    BottomUp,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Dimension {
    pub id: String,
    pub name: LocalText,
    pub mode: ReconcileMode,
    pub members: Vec<Member>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Member {
    pub id: String,
    /// The segment's name as the source gives it.
    pub name: LocalText,
    /// Base-year share of the parent (assumption): siblings' defaults sum to 1. A share the
    /// reader sets is kept exactly; the siblings they have not set absorb the difference.
    pub share: AssumptionRange,
    /// Yearly growth (assumption). For a top-level member of a `bottom_up` dimension, its own
    /// compound annual growth (its CAGR). Otherwise (`top_down`, and every child), growth
    /// relative to its siblings: only the differences between siblings matter, and the
    /// member's CAGR follows its parent's total. Absent: grows with its parent.
    #[serde(default)]
    pub growth: Option<AssumptionRange>,
    #[serde(default)]
    pub children: Vec<Member>,
}

/// Finds a member anywhere in a member tree (depth first, in the source's order).
pub fn find_member<'a>(members: &'a [Member], id: &str) -> Option<&'a Member> {
    members.iter().find_map(|m| {
        if m.id == id {
            Some(m)
        } else {
            find_member(&m.children, id)
        }
    })
}

/// A model input's default and the range a slider may move it in.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct AssumptionRange {
    pub default: f64,
    pub min: f64,
    pub max: f64,
    pub step: f64,
}

/// A model input: what it is, its unit, its default and range, and why that default.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(from = "AssumptionFields", into = "AssumptionFields")]
pub struct Assumption {
    pub id: String,
    pub label: LocalText,
    pub unit: Unit,
    pub range: AssumptionRange,
    /// Why this default, in our own words.
    pub note: LocalText,
}

/// An assumption as a report file writes it: the range's four numbers beside its other
/// fields. Read field by field rather than with `#[serde(flatten)]`, which buffers the whole
/// object through serde's `Content` first (more code in the first visit, and a looser reading
/// of unknown fields).
#[derive(Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
struct AssumptionFields {
    id: String,
    label: LocalText,
    unit: Unit,
    default: f64,
    min: f64,
    max: f64,
    step: f64,
    /// Why this default, in our own words.
    note: LocalText,
}

impl From<AssumptionFields> for Assumption {
    fn from(a: AssumptionFields) -> Self {
        Assumption {
            id: a.id,
            label: a.label,
            unit: a.unit,
            range: AssumptionRange {
                default: a.default,
                min: a.min,
                max: a.max,
                step: a.step,
            },
            note: a.note,
        }
    }
}

impl From<Assumption> for AssumptionFields {
    fn from(a: Assumption) -> Self {
        let AssumptionRange {
            default,
            min,
            max,
            step,
        } = a.range;
        AssumptionFields {
            id: a.id,
            label: a.label,
            unit: a.unit,
            default,
            min,
            max,
            step,
            note: a.note,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ClaimKind {
    /// The member has the largest share of its dimension in every forecast year.
    LargestShare,
    /// The member has the highest CAGR of its dimension over the forecast.
    FastestGrowth,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SegmentClaim {
    pub kind: ClaimKind,
    pub dimension: String,
    pub member: String,
    pub summary: LocalText,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum TrendKind {
    /// The quantity grows: its last figure in the years is above its first.
    Rises,
    /// Its growth slows: each year-on-year rate the figures give is below the one before.
    Slows,
}

/// A direction the source claims for figures it reports.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct TrendClaim {
    pub kind: TrendKind,
    /// The series whose reported and bound values the claim speaks of, read in year order;
    /// two when the source measures one thing two ways (users, then core families).
    pub series: Vec<String>,
    /// The years the claim covers.
    pub years: YearRange,
    /// What the source claims, in our own words (one sentence).
    pub summary: LocalText,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Fact {
    pub label: LocalText,
    pub value: f64,
    pub unit: Unit,
    #[serde(default)]
    pub year: Option<i32>,
    pub provenance: Provenance,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bound: Option<BoundSide>,
    #[serde(default)]
    pub note: Option<LocalText>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum SectionKind {
    Driver,
    Restraint,
    Opportunity,
    Threat,
    Impact,
    Segment,
    Phase,
    Insight,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Section {
    pub kind: SectionKind,
    pub title: LocalText,
    /// Our own words.
    pub summary: LocalText,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct KeyPlayer {
    /// The company's name as the source gives it.
    pub name: String,
    /// Its Chinese name, in Simplified script where the two scripts differ.
    #[serde(default)]
    pub name_zh: Option<String>,
    /// Its Chinese name in Traditional script, where it is written differently (小紅書 for
    /// 小红书): a Traditional interface shows it, a Simplified one `name_zh`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_zh_hant: Option<String>,
    #[serde(default)]
    pub note: Option<LocalText>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Development {
    /// "2025-08", "2013", or a span "1998/2004".
    pub date: String,
    /// For a span, how many years long the source says it is ("the three years 2000–2004"),
    /// when it says so; a check compares it with the span.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub years: Option<u32>,
    #[serde(default)]
    pub actor: Option<String>,
    pub summary: LocalText,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Contents {
    pub chapters: Vec<Chapter>,
    #[serde(default)]
    pub listed: Vec<ListedItem>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Chapter {
    /// "5", "5.2", "10.4.3".
    pub number: String,
    pub title: LocalText,
    #[serde(default)]
    pub children: Vec<Chapter>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ListedKind {
    Table,
    Figure,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ListedItem {
    pub kind: ListedKind,
    /// "Table 3"; for unnumbered figures, the position in the list.
    pub number: String,
    pub title: LocalText,
    #[serde(default)]
    pub years: Option<YearRange>,
    /// The listed unit as the source writes it ("$MN", "亿元").
    #[serde(default)]
    pub unit_label: Option<String>,
    /// Set when the model can rebuild this table from its segments (a model estimate).
    #[serde(default)]
    pub reconstruct: Option<Reconstruct>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Reconstruct {
    pub dimension: String,
    /// One member (its own row); absent: the whole dimension.
    #[serde(default)]
    pub member: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum KpiKind {
    /// A level to reach ("3 million active users").
    Level,
    /// A growth rate per `cadence` ("MAU +10% a month").
    GrowthRate,
    /// A share, as a fraction ("5% market share").
    Share,
    /// A count per `cadence` ("100 articles a month").
    Throughput,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Comparator {
    /// The source gives a floor: "at least", "over", "not fewer than" (至少, 以上, 超過, 不少於).
    AtLeast,
    /// The source gives a ceiling: "at most", "no more than".
    AtMost,
    /// The source hedges: "about", "around" (約).
    About,
    /// The source states the value as such: "is 8%", "set at 30%", "grows 20% a year".
    Exactly,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Horizon {
    pub count: u32,
    pub cadence: Cadence,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct KpiTarget {
    pub id: String,
    /// Targets with the same metric describe the same quantity: differing values are flagged.
    pub metric: String,
    pub label: LocalText,
    pub kind: KpiKind,
    pub value: f64,
    pub unit: Unit,
    pub comparator: Comparator,
    /// Within what time the target is to be reached ("in 3 years", "in year 1").
    #[serde(default)]
    pub horizon: Option<Horizon>,
    /// Per what period a rate or throughput is measured.
    #[serde(default)]
    pub cadence: Option<Cadence>,
    /// The plan's section the target comes from ("01 Project overview").
    pub section: LocalText,
    pub provenance: Provenance,
    /// What the target is measured against, when a check needs it: for a share, the series it
    /// is a share of; for a level on a bounded scale, the assumption giving the top of the
    /// scale; for a growth rate or throughput, the level target it changes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub of: Option<String>,
}

/// A compound-growth projection of a plan quantity towards a target.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Projection {
    pub id: String,
    pub label: LocalText,
    /// Assumption id of the starting value.
    pub start: String,
    /// Assumption id of the rate per period.
    pub rate: String,
    pub periods: u32,
    pub cadence: Cadence,
    /// KPI id of the level target the projection aims at.
    pub target: String,
}
