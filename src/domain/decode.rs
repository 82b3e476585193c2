//! Hand-written decoding of a parsed [`Json`] document into the [`schema`](super::schema)
//! types, accepting exactly what serde's derives accept for our schema: unknown fields are
//! errors, `#[serde(default)]` fields may be absent, `Option` fields may also be `null`, enums
//! are snake_case and externally tagged, `Assumption` flattens its `AssumptionRange`.
//!
//! This replaces `serde_json::from_str::<Report>` in the app: serde's monomorphised
//! `Deserialize` code costs ~110 KB of wasm, this a few KB. Every error names the field's path
//! (`series[0].points[2].value`), its line and column, and the reason.
//!
//! The helpers are plain functions over `&Spanned`; the few generic ones (`field`,
//! `opt_field`, `list`) are thin shims around non-generic code.

use super::json::{Json, JsonError, Spanned};
use super::schema::*;

type R<T> = Result<T, JsonError>;
type Decode<T> = fn(&mut Decoder, &Spanned) -> R<T>;

/// Decodes a parsed report document.
pub fn decode_report(value: &Spanned) -> R<Report> {
    report(&mut Decoder::default(), value)
}

/// Walks a document, keeping the path of the value being decoded.
#[derive(Debug, Default)]
pub struct Decoder {
    path: String,
}

/// An object whose keys have been checked against the known ones.
#[derive(Clone, Copy)]
struct Obj<'a> {
    at: &'a Spanned,
    entries: &'a [(String, Spanned)],
}

impl<'a> Obj<'a> {
    fn get(self, key: &str) -> Option<&'a Spanned> {
        self.entries.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }
}

fn names(known: &[&str]) -> String {
    let mut out = String::new();
    for (i, name) in known.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push('`');
        out.push_str(name);
        out.push('`');
    }
    out
}

impl Decoder {
    /// The path of the value being decoded (`meta.title`, `series[0]`).
    pub fn path(&self) -> &str {
        &self.path
    }

    fn error(&self, at: &Spanned, reason: String) -> JsonError {
        JsonError {
            path: self.path.clone(),
            line: at.line,
            column: at.column,
            reason,
        }
    }

    fn mismatch(&self, at: &Spanned, expected: &str) -> JsonError {
        let found = match at.value {
            Json::Null => "null",
            Json::Bool(_) => "a boolean",
            Json::Number(_) => "a number",
            Json::String(_) => "a string",
            Json::Array(_) => "an array",
            Json::Object(_) => "an object",
        };
        self.error(
            at,
            format!("invalid type: expected {expected}, found {found}"),
        )
    }

    fn push_key(&mut self, key: &str) {
        if !self.path.is_empty() {
            self.path.push('.');
        }
        self.path.push_str(key);
    }

    /// Leaves the innermost key or index (known keys contain neither `.` nor `[`).
    fn leave(&mut self) {
        let cut = self.path.rfind(['.', '[']).unwrap_or(0);
        self.path.truncate(cut);
    }

    /// `v` as an object with no keys outside `known` (serde's `deny_unknown_fields`).
    fn object<'a>(&mut self, v: &'a Spanned, known: &[&str]) -> R<Obj<'a>> {
        let Json::Object(entries) = &v.value else {
            return Err(self.mismatch(v, "an object"));
        };
        for (key, value) in entries {
            if !known.contains(&key.as_str()) {
                self.push_key(key);
                let reason = format!("unknown field `{key}`, expected one of {}", names(known));
                return Err(self.error(value, reason));
            }
        }
        Ok(Obj { at: v, entries })
    }

    /// The field's value, with the path entered, if present.
    fn enter<'a>(&mut self, o: Obj<'a>, key: &str) -> Option<&'a Spanned> {
        let v = o.get(key)?;
        self.push_key(key);
        Some(v)
    }

    /// The field's value, with the path entered; missing is an error at the object.
    fn require<'a>(&mut self, o: Obj<'a>, key: &str) -> R<&'a Spanned> {
        match self.enter(o, key) {
            Some(v) => Ok(v),
            None => Err(self.error(o.at, format!("missing field `{key}`"))),
        }
    }

    /// A required field.
    fn field<T>(&mut self, o: Obj, key: &str, f: Decode<T>) -> R<T> {
        let v = self.require(o, key)?;
        let out = f(self, v)?;
        self.leave();
        Ok(out)
    }

    /// An `Option` field with `#[serde(default)]`: absent or `null` is `None`.
    fn opt_field<T>(&mut self, o: Obj, key: &str, f: Decode<T>) -> R<Option<T>> {
        let Some(v) = self.enter(o, key) else {
            return Ok(None);
        };
        let out = match v.value {
            Json::Null => None,
            _ => Some(f(self, v)?),
        };
        self.leave();
        Ok(out)
    }

    /// A `Vec` field: required, or with `#[serde(default)]` (absent is empty).
    fn list<T>(&mut self, o: Obj, key: &str, required: bool, f: Decode<T>) -> R<Vec<T>> {
        let v = match self.enter(o, key) {
            Some(v) => v,
            None if required => return Err(self.error(o.at, format!("missing field `{key}`"))),
            None => return Ok(Vec::new()),
        };
        let Json::Array(items) = &v.value else {
            return Err(self.mismatch(v, "an array"));
        };
        let mut out = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            self.path.push_str(&format!("[{i}]"));
            out.push(f(self, item)?);
            self.leave();
        }
        self.leave();
        Ok(out)
    }

    /// An externally tagged enum: a string naming one of `units` gives `(index, None)`; an
    /// object with the single key naming one of `data` gives `(index, Some(content))` with
    /// the path entered (the caller leaves it).
    fn variant<'a>(
        &mut self,
        v: &'a Spanned,
        units: &[&str],
        data: &[&str],
    ) -> R<(usize, Option<&'a Spanned>)> {
        let (name, content) = match &v.value {
            Json::String(name) => (name, None),
            Json::Object(entries) if !data.is_empty() => match entries.as_slice() {
                [(name, content)] => (name, Some(content)),
                _ => {
                    let reason = "expected an object with a single key naming the variant";
                    return Err(self.error(v, reason.to_string()));
                }
            },
            _ if data.is_empty() => return Err(self.mismatch(v, "a string")),
            _ => return Err(self.mismatch(v, "a string or an object")),
        };
        let unit = units.iter().position(|u| u == name);
        let with_data = data.iter().position(|d| d == name);
        match (content, unit, with_data) {
            (None, Some(i), _) => Ok((i, None)),
            (Some(content), _, Some(i)) => {
                self.push_key(name);
                Ok((i, Some(content)))
            }
            (None, None, Some(_)) => Err(self.error(
                v,
                format!("variant `{name}` needs a value: write {{\"{name}\": …}}"),
            )),
            (Some(_), Some(_), None) => Err(self.error(
                v,
                format!("variant `{name}` takes no value: write \"{name}\""),
            )),
            _ => {
                let all: Vec<&str> = units.iter().chain(data).copied().collect();
                Err(self.error(
                    v,
                    format!("unknown variant `{name}`, expected one of {}", names(&all)),
                ))
            }
        }
    }

    /// A unit-only enum given as a string: the index of its name in `names`.
    fn keyword(&mut self, v: &Spanned, names: &[&str]) -> R<usize> {
        Ok(self.variant(v, names, &[])?.0)
    }

    /// A whole number in `min..=max`; `what` names it in errors ("an integer year").
    fn int(&mut self, v: &Spanned, min: f64, max: f64, what: &str) -> R<f64> {
        let n = number(self, v)?;
        if n.fract() != 0.0 || n < min || n > max {
            return Err(self.error(v, format!("expected {what}, found {n}")));
        }
        Ok(n)
    }
}

// ---- Primitives ----------------------------------------------------------------------------

fn string(d: &mut Decoder, v: &Spanned) -> R<String> {
    match &v.value {
        Json::String(s) => Ok(s.clone()),
        _ => Err(d.mismatch(v, "a string")),
    }
}

fn number(d: &mut Decoder, v: &Spanned) -> R<f64> {
    match v.value {
        Json::Number(n) if n.is_finite() => Ok(n),
        Json::Number(_) => Err(d.error(v, "non-finite number".to_string())),
        _ => Err(d.mismatch(v, "a number")),
    }
}

fn year(d: &mut Decoder, v: &Spanned) -> R<i32> {
    let n = d.int(v, i32::MIN.into(), i32::MAX.into(), "an integer year")?;
    Ok(n as i32)
}

fn count(d: &mut Decoder, v: &Spanned) -> R<u32> {
    let n = d.int(v, 0.0, u32::MAX.into(), "a non-negative integer")?;
    Ok(n as u32)
}

/// A `usize`, limited to the `u32` range so native and wasm32 accept the same files.
fn index(d: &mut Decoder, v: &Spanned) -> R<usize> {
    let n = d.int(v, 0.0, u32::MAX.into(), "a non-negative integer index")?;
    Ok(n as usize)
}

fn text(d: &mut Decoder, v: &Spanned) -> R<LocalText> {
    let o = d.object(v, &["en", "zh-Hans", "zh-Hant"])?;
    Ok(LocalText {
        en: d.field(o, "en", string)?,
        zh_hans: d.opt_field(o, "zh-Hans", string)?,
        zh_hant: d.opt_field(o, "zh-Hant", string)?,
    })
}

// ---- Enums ---------------------------------------------------------------------------------

fn report_kind(d: &mut Decoder, v: &Spanned) -> R<ReportKind> {
    Ok(match d.keyword(v, &["market", "plan"])? {
        0 => ReportKind::Market,
        _ => ReportKind::Plan,
    })
}

fn provenance(d: &mut Decoder, v: &Spanned) -> R<Provenance> {
    use Provenance::*;
    let names = ["reported", "bound", "derived", "assumption", "scenario"];
    Ok(match d.keyword(v, &names)? {
        0 => Reported,
        1 => Bound,
        2 => Derived,
        3 => Assumption,
        _ => Scenario,
    })
}

fn bound_side(d: &mut Decoder, v: &Spanned) -> R<BoundSide> {
    Ok(match d.keyword(v, &["lower", "upper"])? {
        0 => BoundSide::Lower,
        _ => BoundSide::Upper,
    })
}

fn cadence(d: &mut Decoder, v: &Spanned) -> R<Cadence> {
    use Cadence::*;
    Ok(
        match d.keyword(v, &["day", "week", "month", "quarter", "year"])? {
            0 => Day,
            1 => Week,
            2 => Month,
            3 => Quarter,
            _ => Year,
        },
    )
}

fn reconcile_mode(d: &mut Decoder, v: &Spanned) -> R<ReconcileMode> {
    Ok(match d.keyword(v, &["top_down", "bottom_up"])? {
        0 => ReconcileMode::TopDown,
        _ => ReconcileMode::BottomUp,
    })
}

fn claim_kind(d: &mut Decoder, v: &Spanned) -> R<ClaimKind> {
    Ok(match d.keyword(v, &["largest_share", "fastest_growth"])? {
        0 => ClaimKind::LargestShare,
        _ => ClaimKind::FastestGrowth,
    })
}

fn section_kind(d: &mut Decoder, v: &Spanned) -> R<SectionKind> {
    use SectionKind::*;
    let names = [
        "driver",
        "restraint",
        "opportunity",
        "threat",
        "impact",
        "segment",
        "phase",
        "insight",
    ];
    Ok(match d.keyword(v, &names)? {
        0 => Driver,
        1 => Restraint,
        2 => Opportunity,
        3 => Threat,
        4 => Impact,
        5 => Segment,
        6 => Phase,
        _ => Insight,
    })
}

fn listed_kind(d: &mut Decoder, v: &Spanned) -> R<ListedKind> {
    Ok(match d.keyword(v, &["table", "figure"])? {
        0 => ListedKind::Table,
        _ => ListedKind::Figure,
    })
}

fn kpi_kind(d: &mut Decoder, v: &Spanned) -> R<KpiKind> {
    use KpiKind::*;
    Ok(
        match d.keyword(v, &["level", "growth_rate", "share", "throughput"])? {
            0 => Level,
            1 => GrowthRate,
            2 => Share,
            _ => Throughput,
        },
    )
}

fn comparator(d: &mut Decoder, v: &Spanned) -> R<Comparator> {
    Ok(match d.keyword(v, &["at_least", "at_most", "about"])? {
        0 => Comparator::AtLeast,
        1 => Comparator::AtMost,
        _ => Comparator::About,
    })
}

/// `{"currency":"USD"}` | `{"count":{…}}` | `"percent"` | `"number"`.
fn unit(d: &mut Decoder, v: &Spanned) -> R<Unit> {
    let out = match d.variant(v, &["percent", "number"], &["currency", "count"])? {
        (0, None) => return Ok(Unit::Percent),
        (_, None) => return Ok(Unit::Number),
        (0, Some(content)) => Unit::Currency(string(d, content)?),
        (_, Some(content)) => Unit::Count(text(d, content)?),
    };
    d.leave();
    Ok(out)
}

/// `{"implied":{"from":2025,"to":2032}}` | `"fit"` | `{"stated":0}`.
fn rate_source(d: &mut Decoder, v: &Spanned) -> R<RateSource> {
    let out = match d.variant(v, &["fit"], &["implied", "stated"])? {
        (_, None) => return Ok(RateSource::Fit),
        (0, Some(content)) => {
            let o = d.object(content, &["from", "to"])?;
            RateSource::Implied {
                from: d.field(o, "from", year)?,
                to: d.field(o, "to", year)?,
            }
        }
        (_, Some(content)) => RateSource::Stated(index(d, content)?),
    };
    d.leave();
    Ok(out)
}

// ---- Structs -------------------------------------------------------------------------------

fn report(d: &mut Decoder, v: &Spanned) -> R<Report> {
    let o = d.object(
        v,
        &[
            "id",
            "kind",
            "meta",
            "series",
            "forecast",
            "growth_statements",
            "share_statements",
            "dimensions",
            "segment_claims",
            "assumptions",
            "facts",
            "sections",
            "key_players",
            "developments",
            "contents",
            "kpis",
            "projections",
        ],
    )?;
    Ok(Report {
        id: d.field(o, "id", string)?,
        kind: d.field(o, "kind", report_kind)?,
        meta: d.field(o, "meta", meta)?,
        series: d.list(o, "series", true, series)?,
        forecast: d.opt_field(o, "forecast", forecast_model)?,
        growth_statements: d.list(o, "growth_statements", false, growth_statement)?,
        share_statements: d.list(o, "share_statements", false, share_statement)?,
        dimensions: d.list(o, "dimensions", false, dimension)?,
        segment_claims: d.list(o, "segment_claims", false, segment_claim)?,
        assumptions: d.list(o, "assumptions", false, assumption)?,
        facts: d.list(o, "facts", false, fact)?,
        sections: d.list(o, "sections", false, section)?,
        key_players: d.list(o, "key_players", false, key_player)?,
        developments: d.list(o, "developments", false, development)?,
        contents: d.field(o, "contents", contents)?,
        kpis: d.list(o, "kpis", false, kpi_target)?,
        projections: d.list(o, "projections", false, projection)?,
    })
}

fn meta(d: &mut Decoder, v: &Spanned) -> R<Meta> {
    let o = d.object(
        v,
        &[
            "title",
            "publisher",
            "code",
            "region",
            "currency",
            "source_languages",
            "base_year",
            "history",
            "forecast",
            "summary",
            "headline",
            "source_file",
        ],
    )?;
    Ok(Meta {
        title: d.field(o, "title", text)?,
        publisher: d.field(o, "publisher", text)?,
        code: d.opt_field(o, "code", string)?,
        region: d.field(o, "region", text)?,
        currency: d.field(o, "currency", string)?,
        source_languages: d.list(o, "source_languages", true, string)?,
        base_year: d.field(o, "base_year", year)?,
        history: d.field(o, "history", year_range)?,
        forecast: d.field(o, "forecast", year_range)?,
        summary: d.field(o, "summary", text)?,
        headline: d.field(o, "headline", text)?,
        source_file: d.field(o, "source_file", string)?,
    })
}

fn year_range(d: &mut Decoder, v: &Spanned) -> R<YearRange> {
    let o = d.object(v, &["from", "to"])?;
    Ok(YearRange {
        from: d.field(o, "from", year)?,
        to: d.field(o, "to", year)?,
    })
}

fn series(d: &mut Decoder, v: &Spanned) -> R<Series> {
    let o = d.object(v, &["id", "name", "unit", "points"])?;
    Ok(Series {
        id: d.field(o, "id", string)?,
        name: d.field(o, "name", text)?,
        unit: d.field(o, "unit", unit)?,
        points: d.list(o, "points", true, point)?,
    })
}

fn point(d: &mut Decoder, v: &Spanned) -> R<Point> {
    let o = d.object(v, &["year", "value", "provenance", "bound", "note"])?;
    Ok(Point {
        year: d.field(o, "year", year)?,
        value: d.field(o, "value", number)?,
        provenance: d.field(o, "provenance", provenance)?,
        bound: d.opt_field(o, "bound", bound_side)?,
        note: d.opt_field(o, "note", text)?,
    })
}

fn forecast_model(d: &mut Decoder, v: &Spanned) -> R<ForecastModel> {
    let o = d.object(
        v,
        &["series", "anchor_year", "published_rate", "rate_range"],
    )?;
    Ok(ForecastModel {
        series: d.field(o, "series", string)?,
        anchor_year: d.field(o, "anchor_year", year)?,
        published_rate: d.field(o, "published_rate", rate_source)?,
        rate_range: d.field(o, "rate_range", range)?,
    })
}

fn range(d: &mut Decoder, v: &Spanned) -> R<Range> {
    let o = d.object(v, &["min", "max", "step"])?;
    Ok(Range {
        min: d.field(o, "min", number)?,
        max: d.field(o, "max", number)?,
        step: d.field(o, "step", number)?,
    })
}

fn growth_statement(d: &mut Decoder, v: &Spanned) -> R<GrowthStatement> {
    let o = d.object(v, &["series", "rate", "from_year", "to_year", "note"])?;
    Ok(GrowthStatement {
        series: d.field(o, "series", string)?,
        rate: d.field(o, "rate", number)?,
        from_year: d.field(o, "from_year", year)?,
        to_year: d.field(o, "to_year", year)?,
        note: d.opt_field(o, "note", text)?,
    })
}

fn share_statement(d: &mut Decoder, v: &Spanned) -> R<ShareStatement> {
    let o = d.object(
        v,
        &[
            "whole",
            "whole_name",
            "part",
            "year",
            "value",
            "share",
            "unit",
        ],
    )?;
    Ok(ShareStatement {
        whole: d.field(o, "whole", string)?,
        whole_name: d.field(o, "whole_name", text)?,
        part: d.field(o, "part", text)?,
        year: d.field(o, "year", year)?,
        value: d.field(o, "value", number)?,
        share: d.field(o, "share", number)?,
        unit: d.field(o, "unit", unit)?,
    })
}

fn dimension(d: &mut Decoder, v: &Spanned) -> R<Dimension> {
    let o = d.object(v, &["id", "name", "mode", "members"])?;
    Ok(Dimension {
        id: d.field(o, "id", string)?,
        name: d.field(o, "name", text)?,
        mode: d.field(o, "mode", reconcile_mode)?,
        members: d.list(o, "members", true, member)?,
    })
}

fn member(d: &mut Decoder, v: &Spanned) -> R<Member> {
    let o = d.object(v, &["id", "name", "share", "growth", "children"])?;
    Ok(Member {
        id: d.field(o, "id", string)?,
        name: d.field(o, "name", text)?,
        share: d.field(o, "share", assumption_range)?,
        growth: d.opt_field(o, "growth", assumption_range)?,
        children: d.list(o, "children", false, member)?,
    })
}

const RANGE_KEYS: [&str; 4] = ["default", "min", "max", "step"];

fn assumption_range(d: &mut Decoder, v: &Spanned) -> R<AssumptionRange> {
    let o = d.object(v, &RANGE_KEYS)?;
    range_fields(d, o)
}

/// The fields of an [`AssumptionRange`], also flattened into [`Assumption`].
fn range_fields(d: &mut Decoder, o: Obj) -> R<AssumptionRange> {
    Ok(AssumptionRange {
        default: d.field(o, "default", number)?,
        min: d.field(o, "min", number)?,
        max: d.field(o, "max", number)?,
        step: d.field(o, "step", number)?,
    })
}

fn assumption(d: &mut Decoder, v: &Spanned) -> R<Assumption> {
    let o = d.object(
        v,
        &[
            "id", "label", "unit", "default", "min", "max", "step", "note",
        ],
    )?;
    Ok(Assumption {
        id: d.field(o, "id", string)?,
        label: d.field(o, "label", text)?,
        unit: d.field(o, "unit", unit)?,
        range: range_fields(d, o)?,
        note: d.field(o, "note", text)?,
    })
}

fn segment_claim(d: &mut Decoder, v: &Spanned) -> R<SegmentClaim> {
    let o = d.object(v, &["kind", "dimension", "member", "summary"])?;
    Ok(SegmentClaim {
        kind: d.field(o, "kind", claim_kind)?,
        dimension: d.field(o, "dimension", string)?,
        member: d.field(o, "member", string)?,
        summary: d.field(o, "summary", text)?,
    })
}

fn fact(d: &mut Decoder, v: &Spanned) -> R<Fact> {
    let o = d.object(
        v,
        &[
            "label",
            "value",
            "unit",
            "year",
            "provenance",
            "bound",
            "note",
        ],
    )?;
    Ok(Fact {
        label: d.field(o, "label", text)?,
        value: d.field(o, "value", number)?,
        unit: d.field(o, "unit", unit)?,
        year: d.opt_field(o, "year", year)?,
        provenance: d.field(o, "provenance", provenance)?,
        bound: d.opt_field(o, "bound", bound_side)?,
        note: d.opt_field(o, "note", text)?,
    })
}

fn section(d: &mut Decoder, v: &Spanned) -> R<Section> {
    let o = d.object(v, &["kind", "title", "summary"])?;
    Ok(Section {
        kind: d.field(o, "kind", section_kind)?,
        title: d.field(o, "title", text)?,
        summary: d.field(o, "summary", text)?,
    })
}

fn key_player(d: &mut Decoder, v: &Spanned) -> R<KeyPlayer> {
    let o = d.object(v, &["name", "name_zh", "note"])?;
    Ok(KeyPlayer {
        name: d.field(o, "name", string)?,
        name_zh: d.opt_field(o, "name_zh", string)?,
        note: d.opt_field(o, "note", text)?,
    })
}

fn development(d: &mut Decoder, v: &Spanned) -> R<Development> {
    let o = d.object(v, &["date", "actor", "summary"])?;
    Ok(Development {
        date: d.field(o, "date", string)?,
        actor: d.opt_field(o, "actor", string)?,
        summary: d.field(o, "summary", text)?,
    })
}

fn contents(d: &mut Decoder, v: &Spanned) -> R<Contents> {
    let o = d.object(v, &["chapters", "listed"])?;
    Ok(Contents {
        chapters: d.list(o, "chapters", true, chapter)?,
        listed: d.list(o, "listed", false, listed_item)?,
    })
}

fn chapter(d: &mut Decoder, v: &Spanned) -> R<Chapter> {
    let o = d.object(v, &["number", "title", "children"])?;
    Ok(Chapter {
        number: d.field(o, "number", string)?,
        title: d.field(o, "title", text)?,
        children: d.list(o, "children", false, chapter)?,
    })
}

fn listed_item(d: &mut Decoder, v: &Spanned) -> R<ListedItem> {
    let o = d.object(
        v,
        &[
            "kind",
            "number",
            "title",
            "years",
            "unit_label",
            "reconstruct",
        ],
    )?;
    Ok(ListedItem {
        kind: d.field(o, "kind", listed_kind)?,
        number: d.field(o, "number", string)?,
        title: d.field(o, "title", text)?,
        years: d.opt_field(o, "years", year_range)?,
        unit_label: d.opt_field(o, "unit_label", string)?,
        reconstruct: d.opt_field(o, "reconstruct", reconstruct)?,
    })
}

fn reconstruct(d: &mut Decoder, v: &Spanned) -> R<Reconstruct> {
    let o = d.object(v, &["dimension", "member"])?;
    Ok(Reconstruct {
        dimension: d.field(o, "dimension", string)?,
        member: d.opt_field(o, "member", string)?,
    })
}

fn horizon(d: &mut Decoder, v: &Spanned) -> R<Horizon> {
    let o = d.object(v, &["count", "cadence"])?;
    Ok(Horizon {
        count: d.field(o, "count", count)?,
        cadence: d.field(o, "cadence", cadence)?,
    })
}

fn kpi_target(d: &mut Decoder, v: &Spanned) -> R<KpiTarget> {
    let o = d.object(
        v,
        &[
            "id",
            "metric",
            "label",
            "kind",
            "value",
            "unit",
            "comparator",
            "horizon",
            "cadence",
            "section",
            "provenance",
        ],
    )?;
    Ok(KpiTarget {
        id: d.field(o, "id", string)?,
        metric: d.field(o, "metric", string)?,
        label: d.field(o, "label", text)?,
        kind: d.field(o, "kind", kpi_kind)?,
        value: d.field(o, "value", number)?,
        unit: d.field(o, "unit", unit)?,
        comparator: d.field(o, "comparator", comparator)?,
        horizon: d.opt_field(o, "horizon", horizon)?,
        cadence: d.opt_field(o, "cadence", cadence)?,
        section: d.field(o, "section", text)?,
        provenance: d.field(o, "provenance", provenance)?,
    })
}

fn projection(d: &mut Decoder, v: &Spanned) -> R<Projection> {
    let o = d.object(
        v,
        &[
            "id", "label", "start", "rate", "periods", "cadence", "target",
        ],
    )?;
    Ok(Projection {
        id: d.field(o, "id", string)?,
        label: d.field(o, "label", text)?,
        start: d.field(o, "start", string)?,
        rate: d.field(o, "rate", string)?,
        periods: d.field(o, "periods", count)?,
        cadence: d.field(o, "cadence", cadence)?,
        target: d.field(o, "target", string)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::json::parse;

    /// Decodes `json` with `f`, starting at path `at`.
    fn run<T>(f: Decode<T>, at: &str, json: &str) -> R<T> {
        let mut d = Decoder {
            path: at.to_string(),
        };
        let v = parse(json).unwrap();
        let out = f(&mut d, &v);
        if out.is_ok() {
            assert_eq!(d.path(), at, "path restored after {json}");
        }
        out
    }

    fn ok<T>(f: Decode<T>, json: &str) -> T {
        run(f, "x", json).unwrap()
    }

    /// (path, reason) of the error.
    fn err<T: std::fmt::Debug>(f: Decode<T>, json: &str) -> (String, String) {
        let e = run(f, "x", json).unwrap_err();
        (e.path, e.reason)
    }

    fn en(s: &str) -> LocalText {
        LocalText::en(s)
    }

    #[test]
    fn local_text_keys() {
        let t = ok(text, r#"{"en": "a", "zh-Hans": "b", "zh-Hant": "c"}"#);
        assert_eq!(t.zh_hans.as_deref(), Some("b"));
        assert_eq!(t.zh_hant.as_deref(), Some("c"));
        assert_eq!(ok(text, r#"{"en": "a"}"#), en("a"));
        assert_eq!(ok(text, r#"{"en": "a", "zh-Hans": null}"#), en("a"));
        assert_eq!(
            err(text, r#"{"en": "a", "zh_hans": "b"}"#),
            (
                "x.zh_hans".into(),
                "unknown field `zh_hans`, expected one of `en`, `zh-Hans`, `zh-Hant`".into()
            )
        );
        assert_eq!(
            err(text, r#"{"zh-Hans": "b"}"#),
            ("x".into(), "missing field `en`".into())
        );
        assert_eq!(
            err(text, r#"{"en": null}"#),
            (
                "x.en".into(),
                "invalid type: expected a string, found null".into()
            )
        );
    }

    #[test]
    fn type_mismatches() {
        let cases = [
            (
                r#"{"from": "2025", "to": 2032}"#,
                "a number, found a string",
            ),
            (r#"{"from": true, "to": 2032}"#, "a number, found a boolean"),
            (r#"{"from": [1], "to": 2032}"#, "a number, found an array"),
            (r#"{"from": {}, "to": 2032}"#, "a number, found an object"),
        ];
        for (json, tail) in cases {
            let (path, reason) = err(year_range, json);
            assert_eq!(path, "x.from");
            assert_eq!(reason, format!("invalid type: expected {tail}"));
        }
        assert_eq!(
            err(year_range, "[2025, 2032]").1,
            "invalid type: expected an object, found an array"
        );
    }

    #[test]
    fn positions_point_at_the_value() {
        let e = run(year_range, "", "{\n  \"from\": 2025,\n  \"to\": \"x\"\n}").unwrap_err();
        assert_eq!((e.path.as_str(), e.line, e.column), ("to", 3, 9));
        // A missing field is reported at its object.
        let e = run(year_range, "", "\n  {\"from\": 2025}").unwrap_err();
        assert_eq!((e.path.as_str(), e.line, e.column), ("", 2, 3));
    }

    #[test]
    fn integers_must_be_whole_and_in_range() {
        assert_eq!(ok(year, "2025"), 2025);
        assert_eq!(ok(year, "-1"), -1);
        assert_eq!(ok(year, "2.025e3"), 2025);
        assert_eq!(ok(year, "2147483647"), i32::MAX);
        assert_eq!(ok(year, "-2147483648"), i32::MIN);
        assert_eq!(
            err(year, "2025.5").1,
            "expected an integer year, found 2025.5"
        );
        assert_eq!(
            err(year, "2147483648").1,
            "expected an integer year, found 2147483648"
        );
        assert!(err(year, "-2147483649")
            .1
            .starts_with("expected an integer year"));
        assert_eq!(ok(count, "0"), 0);
        assert_eq!(ok(count, "4294967295"), u32::MAX);
        assert!(err(count, "-1")
            .1
            .starts_with("expected a non-negative integer"));
        assert!(err(count, "4294967296")
            .1
            .starts_with("expected a non-negative integer"));
        assert!(err(count, "0.5")
            .1
            .starts_with("expected a non-negative integer"));
        assert_eq!(ok(index, "3"), 3);
        assert!(err(index, "-3")
            .1
            .starts_with("expected a non-negative integer index"));
        assert_eq!(err(year, "1e999").1, "non-finite number");
        assert_eq!(
            err(year, "\"2025\"").1,
            "invalid type: expected a number, found a string"
        );
    }

    #[test]
    fn non_finite_numbers_are_named_at_their_field() {
        let json = r#"{"year": 2025, "value": 1e999, "provenance": "reported"}"#;
        let e = run(point, "series[0].points[0]", json).unwrap_err();
        assert_eq!(e.path, "series[0].points[0].value");
        assert_eq!(e.reason, "non-finite number");
        assert_eq!((e.line, e.column), (1, 25));
        assert_eq!(err(number, "-1e999").1, "non-finite number");
    }

    #[test]
    fn unit_enums_are_snake_case_strings() {
        assert_eq!(ok(reconcile_mode, r#""top_down""#), ReconcileMode::TopDown);
        assert_eq!(
            ok(reconcile_mode, r#""bottom_up""#),
            ReconcileMode::BottomUp
        );
        assert_eq!(ok(bound_side, r#""lower""#), BoundSide::Lower);
        assert_eq!(ok(provenance, r#""reported""#), Provenance::Reported);
        assert_eq!(ok(provenance, r#""scenario""#), Provenance::Scenario);
        assert_eq!(ok(kpi_kind, r#""growth_rate""#), KpiKind::GrowthRate);
        assert_eq!(ok(comparator, r#""at_most""#), Comparator::AtMost);
        assert_eq!(ok(cadence, r#""quarter""#), Cadence::Quarter);
        assert_eq!(ok(section_kind, r#""insight""#), SectionKind::Insight);
        assert_eq!(
            ok(claim_kind, r#""fastest_growth""#),
            ClaimKind::FastestGrowth
        );
        assert_eq!(ok(listed_kind, r#""figure""#), ListedKind::Figure);
        assert_eq!(ok(report_kind, r#""plan""#), ReportKind::Plan);
        assert_eq!(
            err(reconcile_mode, r#""TopDown""#).1,
            "unknown variant `TopDown`, expected one of `top_down`, `bottom_up`"
        );
        assert_eq!(
            err(bound_side, r#"{"lower": null}"#).1,
            "invalid type: expected a string, found an object"
        );
        assert_eq!(
            err(bound_side, "1").1,
            "invalid type: expected a string, found a number"
        );
    }

    #[test]
    fn unit_is_externally_tagged() {
        assert_eq!(
            ok(unit, r#"{"currency": "USD"}"#),
            Unit::Currency("USD".into())
        );
        assert_eq!(
            ok(unit, r#"{"count": {"en": "seats"}}"#),
            Unit::Count(en("seats"))
        );
        assert_eq!(ok(unit, r#""percent""#), Unit::Percent);
        assert_eq!(ok(unit, r#""number""#), Unit::Number);
        assert_eq!(
            err(unit, r#"{"count": {"en": "seats", "fr": "places"}}"#).0,
            "x.count.fr"
        );
        assert_eq!(
            err(unit, r#"{"currency": 1}"#),
            (
                "x.currency".into(),
                "invalid type: expected a string, found a number".into()
            )
        );
        assert!(err(unit, r#""currency""#).1.contains("needs a value"));
        assert!(err(unit, r#"{"percent": null}"#)
            .1
            .contains("takes no value"));
        assert_eq!(
            err(unit, r#""euro""#).1,
            "unknown variant `euro`, expected one of `percent`, `number`, `currency`, `count`"
        );
        assert!(err(unit, r#"{"currency": "USD", "count": {"en": "x"}}"#)
            .1
            .contains("single key"));
        assert!(err(unit, "{}").1.contains("single key"));
        assert_eq!(
            err(unit, "null").1,
            "invalid type: expected a string or an object, found null"
        );
    }

    #[test]
    fn rate_source_is_externally_tagged() {
        assert_eq!(
            ok(rate_source, r#"{"implied": {"from": 2025, "to": 2032}}"#),
            RateSource::Implied {
                from: 2025,
                to: 2032
            }
        );
        assert_eq!(ok(rate_source, r#""fit""#), RateSource::Fit);
        assert_eq!(ok(rate_source, r#"{"stated": 0}"#), RateSource::Stated(0));
        assert_eq!(
            err(rate_source, r#"{"implied": {"from": 2025}}"#),
            ("x.implied".into(), "missing field `to`".into())
        );
        assert_eq!(
            err(
                rate_source,
                r#"{"implied": {"from": 2025, "to": 2032, "by": 1}}"#
            )
            .0,
            "x.implied.by"
        );
        assert_eq!(err(rate_source, r#"{"stated": -1}"#).0, "x.stated");
        assert_eq!(err(rate_source, r#"{"stated": 1.5}"#).0, "x.stated");
        assert!(err(rate_source, r#""implied""#).1.contains("needs a value"));
    }

    #[test]
    fn assumption_flattens_its_range() {
        let json = r#"{"id": "a", "label": {"en": "A"}, "unit": "percent",
            "default": 0.1, "min": 0, "max": 0.5, "step": 0.01, "note": {"en": "n"}}"#;
        let a = ok(assumption, json);
        assert_eq!(
            a.range,
            AssumptionRange {
                default: 0.1,
                min: 0.0,
                max: 0.5,
                step: 0.01
            }
        );
        assert_eq!(a.unit, Unit::Percent);
        let nested = json.replace(
            r#""default": 0.1, "min": 0, "max": 0.5, "step": 0.01"#,
            r#""range": {"default": 0.1, "min": 0, "max": 0.5, "step": 0.01}"#,
        );
        assert_eq!(err(assumption, &nested).0, "x.range");
        let missing = json.replace(r#""step": 0.01, "#, "");
        assert_eq!(
            err(assumption, &missing),
            ("x".into(), "missing field `step`".into())
        );
    }

    #[test]
    fn options_accept_null_and_absence() {
        let base = r#"{"year": 2025, "value": 1, "provenance": "bound""#;
        let p = ok(point, &format!("{base}}}"));
        assert_eq!((p.bound, p.note), (None, None));
        let p = ok(point, &format!(r#"{base}, "bound": null, "note": null}}"#));
        assert_eq!((p.bound, p.note), (None, None));
        let p = ok(
            point,
            &format!(r#"{base}, "bound": "upper", "note": {{"en": "n"}}}}"#),
        );
        assert_eq!((p.bound, p.note), (Some(BoundSide::Upper), Some(en("n"))));
        let f = ok(
            fact,
            r#"{"label": {"en": "l"}, "value": 1, "unit": "number", "year": null, "provenance": "derived"}"#,
        );
        assert_eq!(f.year, None);
        let r = ok(reconstruct, r#"{"dimension": "d", "member": null}"#);
        assert_eq!(r.member, None);
    }

    #[test]
    fn lists_default_to_empty_and_name_their_index() {
        let c = ok(contents, r#"{"chapters": []}"#);
        assert!(c.chapters.is_empty() && c.listed.is_empty());
        assert_eq!(err(contents, "{}").1, "missing field `chapters`");
        assert_eq!(
            err(contents, r#"{"chapters": [], "listed": null}"#).1,
            "invalid type: expected an array, found null"
        );
        let json = r#"{"chapters": [{"number": "1", "title": {"en": "a"},
            "children": [{"number": "1.1", "title": {"en": "b"}}, {"number": 2, "title": {"en": "c"}}]}]}"#;
        assert_eq!(err(contents, json).0, "x.chapters[0].children[1].number");
        let c = ok(
            contents,
            &json.replace("\"number\": 2", "\"number\": \"1.2\""),
        );
        assert_eq!(c.chapters[0].children[1].number, "1.2");
    }

    #[test]
    fn projection_and_kpi() {
        let p = ok(
            projection,
            r#"{"id": "p", "label": {"en": "P"}, "start": "s", "rate": "r", "periods": 12,
                "cadence": "month", "target": "t"}"#,
        );
        assert_eq!((p.periods, p.cadence), (12, Cadence::Month));
        let h = ok(horizon, r#"{"count": 3, "cadence": "year"}"#);
        assert_eq!(
            h,
            Horizon {
                count: 3,
                cadence: Cadence::Year
            }
        );
        assert_eq!(
            err(horizon, r#"{"count": -3, "cadence": "year"}"#).0,
            "x.count"
        );
    }
}
