//! A reader's table as a [`Report`], explored like any bundled one.
//!
//! - Every value of the file is a `reported` point of its series; the headline comes first: a
//!   series named "Total"/"合计" (or "World"/"全球"), else the first series.
//! - When every value of the headline is above zero, the forecast extends it at the rate of a
//!   log-linear fit to its history (`RateSource::Fit`), with a slider range around that rate.
//!   Otherwise there is no forecast (growth tools compound rates, which values of zero or below
//!   do not have), the report is of kind `plan` (the schema's kind for a report without a
//!   market forecast) and a note says why.
//! - Files whose series are parts of a whole get a top-down segment dimension: base
//!   shares are the parts' observed shares in their last common year, each part's growth its
//!   own fitted rate. Without a "Total" series the headline is the parts' sum, marked reported
//!   with a note saying so (it is the whole the file describes).
//! - Id `imported-<slug>-<hash>`; texts in English, Simplified and Traditional Chinese, in our
//!   own words; the series keep the file's names. The result passes validation.

use super::error::{ImportError, ImportErrorKind};
use super::options::{Aggregate, ImportOptions};
use super::sniff::{is_total_name, scale_text};
use super::table::Table;
use crate::domain::catalogue::content_hash;
use crate::domain::engine::fit::fit_growth;
use crate::domain::engine::model::observations;
use crate::domain::format::{self, Locale};
use crate::domain::schema::*;
use crate::domain::validate::{validate, YEAR_MAX};
use std::collections::HashSet;

/// The longest forecast an import makes.
pub const MAX_FORECAST_YEARS: u32 = 50;

/// A text in the three languages.
fn text(en: impl Into<String>, hans: impl Into<String>, hant: impl Into<String>) -> LocalText {
    LocalText {
        en: en.into(),
        zh_hans: Some(hans.into()),
        zh_hant: Some(hant.into()),
    }
}

/// The same words in every language (a name from the file).
fn name_text(name: &str) -> LocalText {
    LocalText::en(name)
}

/// Lowercase ASCII letters and digits joined by '-', at most `max` characters.
fn slug(text: &str, max: usize) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
        if out.len() >= max {
            break;
        }
    }
    out.trim_matches('-').to_string()
}

/// A unique id from a name ("North America" → "north-america"; "华东" → "series-3").
fn unique_id(name: &str, fallback: &str, n: usize, taken: &mut HashSet<String>) -> String {
    let base = match slug(name, 40) {
        s if s.is_empty() => format!("{fallback}-{n}"),
        s => s,
    };
    let mut id = base.clone();
    let mut k = 2;
    while !taken.insert(id.clone()) {
        id = format!("{base}-{k}");
        k += 1;
    }
    id
}

fn has_cjk(text: &str) -> bool {
    text.chars()
        .any(|c| matches!(c, '\u{3400}'..='\u{9fff}' | '\u{f900}'..='\u{faff}'))
}

/// A value for texts: money as reported (no display conversion), counts with their noun.
fn show(value: f64, unit: &Unit, locale: Locale) -> String {
    format::value(value, unit, format::Shown::as_reported(locale))
}

fn list(names: &[String], locale: Locale) -> String {
    const SHOWN: usize = 5;
    let shown = names.iter().take(SHOWN).cloned().collect::<Vec<_>>();
    let more = names.len().saturating_sub(SHOWN);
    match (locale, more) {
        (Locale::En, 0) => shown.join(", "),
        (Locale::En, n) => format!("{} and {n} more", shown.join(", ")),
        (Locale::ZhHans, 0) | (Locale::ZhHant, 0) => shown.join("、"),
        (Locale::ZhHans, n) => format!("{}等（另有 {n} 个）", shown.join("、")),
        (Locale::ZhHant, n) => format!("{}等（另有 {n} 個）", shown.join("、")),
    }
}

/// One series as it goes into the report.
struct Built {
    id: String,
    name: LocalText,
    points: Vec<(i32, f64)>,
    /// The parts' sum rather than a column of the file.
    summed: bool,
}

/// Why the report has no forecast.
enum NoForecast {
    NotPositive { year: i32, value: f64 },
    TooFew { year: i32 },
    Fit,
    NoRoom,
}

fn fitted_rate(points: &[(i32, f64)]) -> Option<f64> {
    // The forecast runs from the last year, as the model's anchored fit does.
    let &(anchor_year, anchor_value) = points.last()?;
    let series = Series {
        id: "s".to_string(),
        name: LocalText::en("s"),
        unit: Unit::Number,
        note: None,
        points: points
            .iter()
            .map(|&(year, value)| Point::reported(year, value))
            .collect(),
    };
    fit_growth(anchor_year, anchor_value, &observations(&series))
        .ok()
        .map(|f| f.rate)
        .filter(|r| r.is_finite() && *r > -1.0)
}

/// `x` rounded down (`up` false) or up to a multiple of 0.01.
fn to_hundredth(x: f64, up: bool) -> f64 {
    let h = x * 100.0;
    (if up { h.ceil() } else { h.floor() }) / 100.0
}

/// A slider range around a rate: ±10 points, on whole percents, above −100%.
fn rate_range(rate: f64) -> (f64, f64) {
    let min = to_hundredth(rate - 0.10, false).max(-0.99).min(rate);
    let max = to_hundredth(rate + 0.10, true).max(rate);
    (min, max)
}

/// Builds the report a reader explores from an imported table.
pub fn build_report(
    file_name: &str,
    table: &Table,
    options: &ImportOptions,
) -> Result<Report, ImportError> {
    let fail = |kind| ImportError::new(file_name, kind);
    let mut taken = HashSet::new();

    // The series with values, in file order.
    let mut series: Vec<Built> = Vec::new();
    let mut empty: Vec<String> = Vec::new();
    for s in &table.series {
        let points: Vec<(i32, f64)> = table
            .years
            .iter()
            .zip(&s.values)
            .filter_map(|(&y, v)| v.filter(|v| v.is_finite()).map(|v| (y, v)))
            .collect();
        if points.is_empty() {
            empty.push(s.name.clone());
        } else {
            series.push(Built {
                id: String::new(),
                name: name_text(&s.name),
                points,
                summed: false,
            });
        }
    }
    if series.is_empty() {
        return Err(fail(ImportErrorKind::NoValues));
    }

    // The headline, and the parts of a whole.
    let total = series.iter().position(|s| is_total_name(&s.name.en));
    let mut parts_note: Option<LocalText> = None;
    let mut parts: Vec<Built> = Vec::new();
    let headline: Built = if options.parts_of_whole {
        match total {
            Some(t) => {
                let headline = series.remove(t);
                parts = std::mem::take(&mut series);
                headline
            }
            None => {
                // Years where every part has a value.
                let years: Vec<i32> = table
                    .years
                    .iter()
                    .copied()
                    .filter(|y| series.iter().all(|s| s.points.iter().any(|p| p.0 == *y)))
                    .collect();
                let sum: Vec<(i32, f64)> = years
                    .iter()
                    .map(|y| {
                        let v = series
                            .iter()
                            .filter_map(|s| s.points.iter().find(|p| p.0 == *y).map(|p| p.1))
                            .sum::<f64>();
                        (*y, v)
                    })
                    .filter(|p| p.1.is_finite())
                    .collect();
                if sum.is_empty() {
                    parts_note = Some(text(
                        "The series were to be parts of a whole, but no year has a value for every one of them, so they are shown side by side without a breakdown.",
                        "这些系列本应是一个整体的组成部分，但没有任何一年所有系列都有数值，因此只并列展示，不做构成拆分。",
                        "這些系列本應是一個整體的組成部分，但沒有任何一年所有系列都有數值，因此只並列展示，不做構成拆分。",
                    ));
                    series.remove(0)
                } else {
                    parts = std::mem::take(&mut series);
                    Built {
                        id: String::new(),
                        name: text("Total", "合计", "合計"),
                        points: sum,
                        summed: true,
                    }
                }
            }
        }
    } else {
        let world = series.iter().position(|s| {
            let n = s.name.en.trim().to_lowercase();
            matches!(
                n.as_str(),
                "world" | "global" | "全球" | "世界" | "全国" | "全國"
            )
        });
        series.remove(total.or(world).unwrap_or(0))
    };
    let mut headline = headline;
    headline.id = unique_id(&headline.name.en, "series", 1, &mut taken);
    for (i, s) in parts.iter_mut().chain(series.iter_mut()).enumerate() {
        s.id = unique_id(&s.name.en, "series", i + 2, &mut taken);
    }

    let unit = options.unit.clone();
    let first_year = std::iter::once(&headline)
        .chain(&parts)
        .chain(&series)
        .filter_map(|s| s.points.first().map(|p| p.0))
        .min()
        .unwrap_or(YEAR_MAX);
    let last_year = std::iter::once(&headline)
        .chain(&parts)
        .chain(&series)
        .filter_map(|s| s.points.last().map(|p| p.0))
        .max()
        .unwrap_or(YEAR_MAX);
    let horizon = options.forecast_years.clamp(1, MAX_FORECAST_YEARS) as i32;
    let room = YEAR_MAX - last_year;
    let forecast_years = if room >= 1 {
        YearRange {
            from: last_year + 1,
            to: (last_year + horizon).min(YEAR_MAX),
        }
    } else if first_year < YEAR_MAX {
        YearRange {
            from: YEAR_MAX,
            to: YEAR_MAX,
        }
    } else {
        return Err(fail(ImportErrorKind::YearOutOfRange { year: YEAR_MAX }));
    };

    // The forecast: a fit to the headline's history when every value is above zero.
    let anchor = headline.points.last().map_or(last_year, |p| p.0);
    let fit = if room < 1 {
        Err(NoForecast::NoRoom)
    } else if let Some(&(year, value)) = headline.points.iter().find(|p| p.1 <= 0.0) {
        Err(NoForecast::NotPositive { year, value })
    } else if headline.points.len() < 2 {
        Err(NoForecast::TooFew { year: anchor })
    } else {
        fitted_rate(&headline.points).ok_or(NoForecast::Fit)
    };
    let forecast = fit.as_ref().ok().map(|&rate| {
        let (min, max) = rate_range(rate);
        ForecastModel {
            series: headline.id.clone(),
            anchor_year: anchor,
            published_rate: RateSource::Fit,
            rate_range: Range {
                min,
                max,
                step: 0.001,
            },
        }
    });

    // The breakdown.
    let mut dimensions = Vec::new();
    let mut breakdown_note: Option<LocalText> = None;
    if forecast.is_some() && parts.len() >= 2 {
        match breakdown(&headline, &parts, anchor) {
            Ok((dimension, note)) => {
                dimensions.push(dimension);
                breakdown_note = Some(note);
            }
            Err(note) => parts_note = Some(note),
        }
    } else if options.parts_of_whole && forecast.is_none() && !parts.is_empty() {
        parts_note = Some(text(
            "The series are parts of a whole, but without a forecast of the total there is no breakdown to model; the parts are shown as they are.",
            "这些系列是一个整体的组成部分，但总量没有预测，因此不建立构成模型，各部分按原样展示。",
            "這些系列是一個整體的組成部分，但總量沒有預測，因此不建立構成模型，各部分按原樣展示。",
        ));
    }

    let sum_note = text(
        format!(
            "Sum of the {} parts in your file for this year.",
            parts.len()
        ),
        format!("您文件中 {} 个组成部分在该年的合计。", parts.len()),
        format!("您檔案中 {} 個組成部分在該年的合計。", parts.len()),
    );
    let period_note = year_note(options);
    let to_series = |b: &Built| Series {
        id: b.id.clone(),
        name: b.name.clone(),
        unit: unit.clone(),
        note: None,
        points: b
            .points
            .iter()
            .map(|&(year, value)| Point {
                note: if b.summed {
                    Some(sum_note.clone())
                } else {
                    period_note.clone()
                },
                ..Point::reported(year, value)
            })
            .collect(),
    };
    let all_series: Vec<Series> = std::iter::once(&headline)
        .chain(&parts)
        .chain(&series)
        .map(to_series)
        .collect();
    let names: Vec<String> = std::iter::once(&headline)
        .chain(&parts)
        .chain(&series)
        .filter(|b| !b.summed)
        .map(|b| b.name.en.clone())
        .collect();

    // Texts.
    let title = match options.title.trim() {
        "" => super::sniff::title_from_file_name(file_name),
        t => t.to_string(),
    };
    let currency = match &unit {
        Unit::Currency(code) => code.clone(),
        // ISO 4217's code for "no currency involved".
        _ => "XXX".to_string(),
    };
    let mut sections = vec![Section {
        kind: SectionKind::Insight,
        title: text("About this data", "关于这些数据", "關於這些資料"),
        summary: about(file_name, &names, options, &unit, &headline),
    }];
    sections.push(match &fit {
        Ok(rate) => Section {
            kind: SectionKind::Insight,
            title: text("How the forecast is made", "预测如何得出", "預測如何得出"),
            summary: forecast_text(&headline, *rate),
        },
        Err(why) => Section {
            kind: SectionKind::Insight,
            title: text(
                "Why there is no forecast",
                "为什么没有预测",
                "為什麼沒有預測",
            ),
            summary: no_forecast_text(&headline, &unit, why),
        },
    });
    if options.cadence != Cadence::Year {
        sections.push(Section {
            kind: SectionKind::Insight,
            title: text(
                "How years were made",
                "年度数值如何得出",
                "年度數值如何得出",
            ),
            summary: years_text(options, &table.incomplete_years),
        });
    }
    for note in breakdown_note.into_iter().chain(parts_note) {
        sections.push(Section {
            kind: SectionKind::Insight,
            title: text("Parts of the whole", "组成部分", "組成部分"),
            summary: note,
        });
    }
    if !empty.is_empty() {
        sections.push(Section {
            kind: SectionKind::Insight,
            title: text("Left out", "未纳入", "未納入"),
            summary: text(
                format!(
                    "These columns or series have no values and are left out: {}.",
                    list(&empty, Locale::En)
                ),
                format!(
                    "以下列或系列没有数值，未纳入：{}。",
                    list(&empty, Locale::ZhHans)
                ),
                format!(
                    "以下欄或系列沒有數值，未納入：{}。",
                    list(&empty, Locale::ZhHant)
                ),
            ),
        });
    }

    let history = YearRange {
        from: first_year,
        to: last_year,
    };
    let card = |locale: Locale| {
        let first = headline.points.first();
        let last = headline.points.last();
        match (first, last) {
            (Some(a), Some(b)) if a.0 != b.0 => format!(
                "{}{}{}{}{}",
                show(a.1, &unit, locale),
                format::bracketed(locale, &a.0.to_string()),
                format::arrow(locale),
                show(b.1, &unit, locale),
                format::bracketed(locale, &b.0.to_string())
            ),
            (Some(a), _) => show(a.1, &unit, locale) + &format::bracketed(locale, &a.0.to_string()),
            _ => title.clone(),
        }
    };
    let all_text = format!("{title} {}", names.join(" "));
    let meta = Meta {
        title: name_text(&title),
        publisher: text("Imported by you", "由您导入", "由您匯入"),
        code: None,
        region: text("Not stated", "未注明", "未註明"),
        currency,
        source_languages: vec![if has_cjk(&all_text) { "zh" } else { "und" }.to_string()],
        base_year: anchor,
        history,
        forecast: forecast_years,
        summary: summary(file_name, &names, &history, options, &unit),
        headline: text(card(Locale::En), card(Locale::ZhHans), card(Locale::ZhHant)),
        source_file: file_name.to_string(),
    };

    let report = Report {
        id: format!(
            "imported-{}-{}",
            slug_or(&title),
            short_hash(table, options, &title)
        ),
        // History only when there is no forecast: still a market series, not a plan.
        kind: ReportKind::Market,
        meta,
        series: all_series,
        forecast,
        growth_statements: Vec::new(),
        share_statements: Vec::new(),
        trend_claims: Vec::new(),
        dimensions,
        segment_claims: Vec::new(),
        assumptions: Vec::new(),
        facts: Vec::new(),
        sections,
        key_players: Vec::new(),
        developments: Vec::new(),
        contents: Contents {
            chapters: vec![Chapter {
                number: "1".to_string(),
                title: text("Imported data", "导入的数据", "匯入的資料"),
                children: Vec::new(),
            }],
            listed: Vec::new(),
        },
        kpis: Vec::new(),
        projections: Vec::new(),
    };
    validate(file_name, &report).map_err(|e| {
        fail(ImportErrorKind::Invalid {
            path: e.path,
            problem: Box::new(e.problem),
        })
    })?;
    Ok(report)
}

fn slug_or(title: &str) -> String {
    match slug(title, 40) {
        s if s.is_empty() => "data".to_string(),
        s => s,
    }
}

/// Eight hex digits of a hash of the table and the options that shape the report.
fn short_hash(table: &Table, options: &ImportOptions, title: &str) -> String {
    let mut canon = String::new();
    canon.push_str(title);
    canon.push('\n');
    for y in &table.years {
        canon.push_str(&y.to_string());
        canon.push(',');
    }
    for s in &table.series {
        canon.push('\n');
        canon.push_str(&s.name);
        for v in &s.values {
            canon.push(',');
            if let Some(v) = v {
                canon.push_str(&format!("{:x}", v.to_bits()));
            }
        }
    }
    canon.push_str(&format!(
        "\n{:?}|{}|{:?}|{:?}|{}|{}|{:?}",
        options.unit,
        options.scale,
        options.cadence,
        options.aggregate,
        options.parts_of_whole,
        options.forecast_years,
        options.layout
    ));
    content_hash(canon.as_bytes())[..8].to_string()
}

/// The top-down breakdown of the headline into the parts, and the note that says how it was
/// made; or the note that says why there is none.
fn breakdown(
    headline: &Built,
    parts: &[Built],
    anchor: i32,
) -> Result<(Dimension, LocalText), LocalText> {
    // The last year every part has a value, not after the anchor.
    let value = |b: &Built, y: i32| b.points.iter().find(|p| p.0 == y).map(|p| p.1);
    let year = headline
        .points
        .iter()
        .map(|p| p.0)
        .chain(parts.iter().flat_map(|b| b.points.iter().map(|p| p.0)))
        .filter(|&y| y <= anchor && parts.iter().all(|b| value(b, y).is_some()))
        .max();
    let no_year = text(
        "No year has a value for every part, so there is no breakdown; the parts are shown as they are.",
        "没有任何一年所有组成部分都有数值，因此不做构成拆分，各部分按原样展示。",
        "沒有任何一年所有組成部分都有數值，因此不做構成拆分，各部分按原樣展示。",
    );
    let Some(year) = year else {
        return Err(no_year);
    };
    let values: Vec<f64> = parts.iter().filter_map(|b| value(b, year)).collect();
    let sum: f64 = values.iter().sum();
    if values.iter().any(|v| *v < 0.0) || !(sum > 0.0 && sum.is_finite()) {
        return Err(text(
            format!("In {year} the parts do not add up to a positive total, so there is no breakdown; the parts are shown as they are."),
            format!("{year} 年各组成部分之和不是正数，因此不做构成拆分，各部分按原样展示。"),
            format!("{year} 年各組成部分之和不是正數，因此不做構成拆分，各部分按原樣展示。"),
        ));
    }
    let rates: Option<Vec<f64>> = parts
        .iter()
        .map(|b| {
            if b.points.len() >= 2 && b.points.iter().all(|p| p.1 > 0.0) {
                fitted_rate(&b.points)
            } else {
                None
            }
        })
        .collect();
    let mut ids = HashSet::new();
    let members: Vec<Member> = parts
        .iter()
        .zip(&values)
        .enumerate()
        .map(|(i, (b, v))| {
            let share = v / sum;
            Member {
                id: unique_id(&b.name.en, "part", i + 1, &mut ids),
                name: b.name.clone(),
                share: AssumptionRange {
                    default: share,
                    min: to_hundredth(share - 0.2, false).clamp(0.0, share),
                    max: to_hundredth(share + 0.2, true).clamp(share, 1.0),
                    step: 0.001,
                },
                growth: rates.as_ref().map(|r| {
                    let (min, max) = rate_range(r[i]);
                    AssumptionRange {
                        default: r[i],
                        min,
                        max,
                        step: 0.001,
                    }
                }),
                children: Vec::new(),
            }
        })
        .collect();

    let mut en = format!("The breakdown starts from each part's share of their sum in {year}");
    let mut hans = format!("构成拆分以 {year} 年各部分占其总和的份额为起点");
    let mut hant = format!("構成拆分以 {year} 年各部分佔其總和的份額為起點");
    if rates.is_some() {
        en.push_str(", and each part grows at the rate of a log-linear fit to its own history, so faster parts gain share while the parts always add up to the total.");
        hans.push_str("，每个部分按其自身历史的对数线性拟合增长率增长：增长较快的部分份额上升，各部分之和始终等于总量。");
        hant.push_str("，每個部分按其自身歷史的對數線性擬合成長率成長：成長較快的部分份額上升，各部分之和始終等於總量。");
    } else {
        en.push_str(". Some part has fewer than two values above zero, so no growth rate could be fitted to it: the parts keep their shares and grow with the total.");
        hans.push_str(
            "。有的部分高于零的数值不足两个，无法拟合增长率：各部分保持份额，随总量增长。",
        );
        hant.push_str(
            "。有的部分高於零的數值不足兩個，無法擬合成長率：各部分保持份額，隨總量成長。",
        );
    }
    if !headline.summed {
        if let Some(total) = value(headline, year).filter(|t| *t > 0.0) {
            let ratio = sum / total;
            if (ratio - 1.0).abs() > 0.005 {
                let pct = format::percent(ratio, 1);
                en.push_str(&format!(" In {year} the parts add up to {pct} of the total in your file; the shares are of their sum."));
                hans.push_str(&format!(
                    "{year} 年各部分之和为文件中总量的 {pct}；份额按各部分之和计算。"
                ));
                hant.push_str(&format!(
                    "{year} 年各部分之和為檔案中總量的 {pct}；份額按各部分之和計算。"
                ));
            }
        }
    }
    Ok((
        Dimension {
            id: "parts".to_string(),
            name: text("Parts", "组成部分", "組成部分"),
            mode: ReconcileMode::TopDown,
            members,
        },
        text(en, hans, hant),
    ))
}

fn cadence_words(c: Cadence) -> (&'static str, &'static str, &'static str) {
    match c {
        Cadence::Year => ("yearly", "年度", "年度"),
        Cadence::Quarter => ("quarterly", "季度", "季度"),
        Cadence::Month => ("monthly", "月度", "月度"),
        Cadence::Week => ("weekly", "周度", "週度"),
        Cadence::Day => ("daily", "日度", "日度"),
    }
}

fn unit_words(unit: &Unit) -> LocalText {
    match unit {
        Unit::Currency(code) => text(
            format!("in {code}"),
            format!("单位为 {code}"),
            format!("單位為 {code}"),
        ),
        Unit::Percent => text("as percentages", "以百分比表示", "以百分比表示"),
        Unit::Count(noun) => {
            let hans = format::noun(noun, Locale::ZhHans);
            let hant = format::noun(noun, Locale::ZhHant);
            text(
                format!("counting {}", noun.en),
                format!("计数单位为{hans}"),
                format!("計數單位為{hant}"),
            )
        }
        Unit::Number => text("as plain numbers", "为普通数值", "為普通數值"),
    }
}

fn summary(
    file: &str,
    names: &[String],
    history: &YearRange,
    options: &ImportOptions,
    unit: &Unit,
) -> LocalText {
    let n = names.len();
    let (c_en, c_hans, c_hant) = cadence_words(options.cadence);
    let u = unit_words(unit);
    let years = if history.from == history.to {
        history.from.to_string()
    } else {
        format!("{}–{}", history.from, history.to)
    };
    let count = if n == 1 {
        "one series".to_string()
    } else {
        format!("{n} series")
    };
    let made = if options.cadence == Cadence::Year {
        ("", "", "")
    } else {
        (" made into years", "，按年汇总", "，按年彙總")
    };
    text(
        format!(
            "Your own data, imported from {file}: {count} over {years}, from {c_en} figures{}, {}.",
            made.0, u.en
        ),
        format!(
            "您自己的数据，导入自 {file}：{n} 个系列，{years} 年，来自{c_hans}数值{}，{}。",
            made.1,
            u.zh_hans.unwrap_or_default()
        ),
        format!(
            "您自己的資料，匯入自 {file}：{n} 個系列，{years} 年，來自{c_hant}數值{}，{}。",
            made.2,
            u.zh_hant.unwrap_or_default()
        ),
    )
}

fn about(
    file: &str,
    names: &[String],
    options: &ImportOptions,
    unit: &Unit,
    headline: &Built,
) -> LocalText {
    let scale = match unit {
        Unit::Percent if (options.scale - 0.01).abs() < 1e-12 => (
            " Percentages are stored as fractions (12.5% as 0.125).".to_string(),
            "百分比以小数存储（12.5% 记为 0.125）。".to_string(),
            "百分比以小數儲存（12.5% 記為 0.125）。".to_string(),
        ),
        _ if options.scale != 1.0 => {
            let s = scale_text(options.scale);
            (
                format!(" The file's figures are multiplied by {s} to give absolute units."),
                format!("文件中的数字已乘以 {s}，换算为绝对单位。"),
                format!("檔案中的數字已乘以 {s}，換算為絕對單位。"),
            )
        }
        _ => (String::new(), String::new(), String::new()),
    };
    let kept = if options.cadence == Cadence::Year {
        (
            "Every value is marked as reported; nothing was added or corrected.",
            "每个数值都标为报告值，未作增补或修改。",
            "每個數值都標為報告值，未作增補或修改。",
        )
    } else {
        (
            "Every value is marked as reported: the file's own figures, made into years as described below.",
            "每个数值都标为报告值：即文件本身的数字，按下文所述汇总为年度数值。",
            "每個數值都標為報告值：即檔案本身的數字，按下文所述彙總為年度數值。",
        )
    };
    let lead = if names.len() <= 1 && !headline.summed {
        (String::new(), String::new(), String::new())
    } else if headline.summed {
        (
            " The headline is the sum of the parts, computed for the years in which every part has a value.".to_string(),
            "标题系列是各组成部分之和，只计算所有部分都有数值的年份。".to_string(),
            "標題系列是各組成部分之和，只計算所有部分都有數值的年份。".to_string(),
        )
    } else {
        (
            format!(" The headline is {}.", headline.name.en),
            format!("标题系列为 {}。", headline.name.en),
            format!("標題系列為 {}。", headline.name.en),
        )
    };
    text(
        format!(
            "These are the figures of {file} as you imported them: {}. {}{}{}",
            list(names, Locale::En),
            kept.0,
            lead.0,
            scale.0
        ),
        format!(
            "这些是您导入的 {file} 中的数字：{}。{}{}{}",
            list(names, Locale::ZhHans),
            kept.1,
            lead.1,
            scale.1
        ),
        format!(
            "這些是您匯入的 {file} 中的數字：{}。{}{}{}",
            list(names, Locale::ZhHant),
            kept.2,
            lead.2,
            scale.2
        ),
    )
}

fn forecast_text(headline: &Built, rate: f64) -> LocalText {
    let pct = format::percent(rate, 1);
    let n = headline.points.len();
    let (from, to) = (
        headline.points.first().map_or(0, |p| p.0),
        headline.points.last().map_or(0, |p| p.0),
    );
    let name = &headline.name.en;
    text(
        format!(
            "The forecast extends {name} at {pct} a year: the growth rate of a log-linear fit to its {n} values from {from} to {to}. It continues the past trend; it is not a prediction. Move the growth slider to try other rates."
        ),
        format!(
            "预测按每年 {pct} 延伸 {name}：这是对其 {from}–{to} 年 {n} 个数值做对数线性拟合得到的增长率。它延续过去的趋势，并非预言。拖动增长率滑块可尝试其他增长率。"
        ),
        format!(
            "預測按每年 {pct} 延伸 {name}：這是對其 {from}–{to} 年 {n} 個數值做對數線性擬合得到的成長率。它延續過去的趨勢，並非預言。拖動成長率滑桿可嘗試其他成長率。"
        ),
    )
}

fn no_forecast_text(headline: &Built, unit: &Unit, why: &NoForecast) -> LocalText {
    let name = &headline.name.en;
    match why {
        NoForecast::NotPositive { year, value } => {
            let v = |l| show(*value, unit, l);
            text(
                format!(
                    "Growth tools (forecast, scenarios, goal seek) work with compound growth rates, and a growth rate needs every value to be above zero. {name} has {} in {year}, so the report shows your figures as they are, without a forecast.",
                    v(Locale::En)
                ),
                format!(
                    "增长工具（预测、情景、目标求解）基于复合增长率，而增长率要求每个数值都大于零。{name} 在 {year} 年为 {}，因此报告按原样展示您的数字，不做预测。",
                    v(Locale::ZhHans)
                ),
                format!(
                    "成長工具（預測、情境、目標求解）基於複合成長率，而成長率要求每個數值都大於零。{name} 在 {year} 年為 {}，因此報告按原樣展示您的數字，不做預測。",
                    v(Locale::ZhHant)
                ),
            )
        }
        NoForecast::TooFew { year } => text(
            format!("A growth rate needs at least two years of {name}; the file has only {year}, so there is no forecast."),
            format!("增长率至少需要 {name} 两年的数值；文件只有 {year} 年，因此不做预测。"),
            format!("成長率至少需要 {name} 兩年的數值；檔案只有 {year} 年，因此不做預測。"),
        ),
        NoForecast::Fit => text(
            format!("No growth rate could be fitted to {name}, so there is no forecast."),
            format!("无法为 {name} 拟合增长率，因此不做预测。"),
            format!("無法為 {name} 擬合成長率，因此不做預測。"),
        ),
        NoForecast::NoRoom => text(
            format!("{name} reaches {YEAR_MAX}, the last year a report can hold, so there is no room for a forecast."),
            format!("{name} 已到 {YEAR_MAX} 年，即报告可容纳的最后一年，因此没有预测的空间。"),
            format!("{name} 已到 {YEAR_MAX} 年，即報告可容納的最後一年，因此沒有預測的空間。"),
        ),
    }
}

/// The note on a year made from sub-annual values ("Sum of the 12 months in your file.").
fn year_note(options: &ImportOptions) -> Option<LocalText> {
    let (n, en, hans, hant) = match options.cadence {
        Cadence::Year | Cadence::Week => return None,
        Cadence::Quarter => ("four", "quarters", "四个季度", "四個季度"),
        Cadence::Month => ("12", "months", "十二个月", "十二個月"),
        Cadence::Day => ("", "days", "每一天", "每一天"),
    };
    let all = if n.is_empty() {
        format!("all {en}")
    } else {
        format!("the {n} {en}")
    };
    Some(match options.aggregate {
        Aggregate::Sum => text(
            format!("Sum of {all} of this year in your file."),
            format!("您文件中该年{hans}的合计。"),
            format!("您檔案中該年{hant}的合計。"),
        ),
        Aggregate::Mean => text(
            format!("Mean of {all} of this year in your file."),
            format!("您文件中该年{hans}的平均值。"),
            format!("您檔案中該年{hant}的平均值。"),
        ),
        Aggregate::Last => text(
            format!("The last of {all} of this year in your file."),
            format!("您文件中该年{hans}中最后一期的数值。"),
            format!("您檔案中該年{hant}中最後一期的數值。"),
        ),
    })
}

fn years_text(options: &ImportOptions, incomplete: &[i32]) -> LocalText {
    let (periods_en, periods_hans, periods_hant, n) = match options.cadence {
        Cadence::Quarter => ("quarters", "季度", "季度", "four"),
        Cadence::Month => ("months", "月份", "月份", "twelve"),
        _ => ("days", "日", "日", "every"),
    };
    let (agg_en, agg_hans, agg_hant) = match options.aggregate {
        Aggregate::Sum => (
            format!("the sum of its {n} {periods_en}"),
            format!("各{periods_hans}之和"),
            format!("各{periods_hant}之和"),
        ),
        Aggregate::Mean => (
            format!("the mean of its {n} {periods_en}"),
            format!("各{periods_hans}的平均值"),
            format!("各{periods_hant}的平均值"),
        ),
        Aggregate::Last => (
            format!("the value of its last {}", periods_en.trim_end_matches('s')),
            format!("最后一个{periods_hans}的数值"),
            format!("最後一個{periods_hant}的數值"),
        ),
    };
    let (c_en, c_hans, c_hant) = cadence_words(options.cadence);
    let years = |sep: &str| {
        incomplete
            .iter()
            .map(i32::to_string)
            .collect::<Vec<_>>()
            .join(sep)
    };
    let (left_en, left_hans, left_hant) = if incomplete.is_empty() {
        (String::new(), String::new(), String::new())
    } else {
        (
            format!(" Left out for lack of some {periods_en}: {}.", years(", ")),
            format!("因缺少部分{periods_hans}而未计入的年份：{}。", years("、")),
            format!("因缺少部分{periods_hant}而未計入的年份：{}。", years("、")),
        )
    };
    text(
        format!("The file has {c_en} values and the explorer works in years: each year is {agg_en}. A year is made only when all of its {periods_en} have a value.{left_en}"),
        format!("文件为{c_hans}数值，而本工具按年计算：每年取{agg_hans}。只有当一年所有{periods_hans}都有数值时才计入该年。{left_hans}"),
        format!("檔案為{c_hant}數值，而本工具按年計算：每年取{agg_hant}。只有當一年所有{periods_hant}都有數值時才計入該年。{left_hant}"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_and_ranges() {
        assert_eq!(slug("GDP (US$ million)", 40), "gdp-us-million");
        assert_eq!(slug("营收", 40), "");
        assert_eq!(slug_or("营收"), "data");
        let (min, max) = rate_range(0.0734);
        assert!(min <= 0.0734 && max >= 0.0734);
        assert!((min - -0.03).abs() < 1e-12 && (max - 0.18).abs() < 1e-12);
        let (min, _) = rate_range(-0.97);
        assert!(min > -1.0 && min <= -0.97);
    }
}
