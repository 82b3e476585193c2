//! Guessing how to read a file: delimiter, header, decimal separator, the time column and its
//! cadence, long or wide layout, unit and scale. Every guess is listed so the interface can
//! show it for correction.
//!
//! Two passes over the text: the first 1,000 data rows decide the guesses; a second, cheap pass
//! counts every row (and checks the limits), collects the series of a long file (a "Total"
//! among them makes the others parts of a whole) and notices time values that repeat further
//! down (a long file sorted by series).

use super::error::{ImportError, ImportErrorKind};
use super::numbers::{decide_decimal_comma, is_missing, parse_number, trim, Cell};
use super::options::*;
use super::read::{body, check_text, too_many_rows, Records};
use super::time::{infer_cadence, parse_period, Period};
use super::units::{cell_unit, header_unit};
use super::{MAX_ROWS, MAX_SERIES};
use crate::domain::schema::{Cadence, Unit};
use std::collections::{BTreeSet, HashSet};

/// Rows the guesses are made on.
const SAMPLE_ROWS: usize = 1000;
/// Rows the delimiter is judged on.
const DELIMITER_ROWS: usize = 50;
/// Rows shown in the preview.
const PREVIEW_ROWS: usize = 10;

/// Header names of a time column (lowercase).
const TIME_NAMES: &[&str] = &[
    "year",
    "years",
    "date",
    "time",
    "period",
    "month",
    "quarter",
    "yr",
    "fiscal year",
    "年份",
    "年",
    "年度",
    "日期",
    "时间",
    "時間",
    "时期",
    "時期",
    "月份",
    "季度",
    "期间",
    "期間",
];

/// Reads a file's text and guesses how to import it.
pub fn sniff(file_name: &str, text: &str) -> Result<Sniffed, ImportError> {
    sniff_inner(file_name, text, None)
}

/// [`sniff`] with the delimiter the reader chose (the other guesses follow from it).
pub fn sniff_with_delimiter(
    file_name: &str,
    text: &str,
    delimiter: Delimiter,
) -> Result<Sniffed, ImportError> {
    sniff_inner(file_name, text, Some(delimiter))
}

/// The file name without its extension ("GDP.csv" → "GDP").
pub fn title_from_file_name(file_name: &str) -> String {
    let base = file_name
        .rsplit(['/', '\\'])
        .next()
        .unwrap_or(file_name)
        .trim();
    let stem = match base.rfind('.') {
        Some(at) if at > 0 => &base[..at],
        _ => base,
    };
    if stem.trim().is_empty() {
        "Imported data".to_string()
    } else {
        stem.trim().to_string()
    }
}

/// Whether a series or header name says it is the total.
pub(crate) fn is_total_name(name: &str) -> bool {
    let lower = name.trim().to_lowercase();
    lower
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| w == "total")
        || [
            "合计", "总计", "合計", "總計", "总和", "總和", "总体", "總體",
        ]
        .iter()
        .any(|w| lower.contains(w))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Empty,
    Time,
    Number,
    Text,
}

fn kind(cell: &str) -> Kind {
    if is_missing(cell) {
        Kind::Empty
    } else if parse_period(cell).is_some() {
        Kind::Time
    } else if matches!(parse_number(cell, false), Cell::Number(_))
        || matches!(parse_number(cell, true), Cell::Number(_))
    {
        Kind::Number
    } else {
        Kind::Text
    }
}

/// Judges each delimiter by how consistently it splits the first rows into more than one
/// cell; ties go to the rarer character (tab, then semicolon, then comma): a semicolon in
/// every row of a file is no accident, and "12,5" with ';' is a decimal comma.
fn guess_delimiter(file: &str, body: &str) -> Delimiter {
    let mut best = (Delimiter::Comma, 0.0f64);
    for candidate in [Delimiter::Tab, Delimiter::Semicolon, Delimiter::Comma] {
        let mut records = Records::new(body.as_bytes(), candidate);
        let mut counts: Vec<usize> = Vec::new();
        while counts.len() < DELIMITER_ROWS {
            match records.next(file) {
                Ok(Some(_)) => counts.push(records.record.len()),
                _ => break,
            }
        }
        let Some(modal) = (1..=counts.iter().copied().max().unwrap_or(0))
            .max_by_key(|n| (counts.iter().filter(|c| *c == n).count(), *n))
        else {
            continue;
        };
        if modal < 2 {
            continue;
        }
        let share = counts.iter().filter(|c| **c == modal).count() as f64 / counts.len() as f64;
        if share > best.1 {
            best = (candidate, share);
        }
    }
    best.0
}

struct Column {
    nonempty: usize,
    times: usize,
    numbers: usize,
}

fn sniff_inner(file: &str, text: &str, forced: Option<Delimiter>) -> Result<Sniffed, ImportError> {
    check_text(file, text)?;
    let (body, sep_line) = body(text);
    let delimiter = forced
        .or(sep_line)
        .unwrap_or_else(|| guess_delimiter(file, body));

    // Pass 1: the sample.
    let mut records = Records::new(body.as_bytes(), delimiter);
    let mut sample: Vec<(usize, Vec<String>)> = Vec::new();
    while sample.len() <= SAMPLE_ROWS {
        match records.next(file)? {
            Some(row) => sample.push((row, records.record.iter().map(str::to_string).collect())),
            None => break,
        }
    }
    let Some((first_row, first)) = sample.first().cloned() else {
        return Err(ImportError::new(file, ImportErrorKind::Empty));
    };

    let first_kinds: Vec<Kind> = first.iter().map(|c| kind(c)).collect();
    let years_across = first
        .iter()
        .filter_map(|c| match parse_period(c) {
            Some(Period::Year(y)) => Some(y),
            _ => None,
        })
        .collect::<Vec<_>>();
    if years_across.len() >= 3
        && years_across.windows(2).all(|w| w[0] < w[1])
        && first_kinds.contains(&Kind::Text)
    {
        return Err(ImportError::at(
            file,
            first_row,
            None,
            ImportErrorKind::TimeAcrossColumns,
        ));
    }
    let first_has_data = first_kinds
        .iter()
        .any(|k| matches!(k, Kind::Time | Kind::Number));
    let header = !first_has_data;
    let data: &[(usize, Vec<String>)] = if header { &sample[1..] } else { &sample[..] };
    if data.is_empty() {
        return Err(ImportError::new(file, ImportErrorKind::HeaderOnly));
    }
    // Columns: the header's (cells beyond it are ragged), or the most common row length.
    let width = if header {
        first
            .iter()
            .rposition(|c| !trim(c).is_empty())
            .map_or(0, |i| i + 1)
    } else {
        let lengths: Vec<usize> = data.iter().map(|r| r.1.len()).collect();
        (1..=lengths.iter().copied().max().unwrap_or(0))
            .max_by_key(|n| (lengths.iter().filter(|l| *l == n).count(), *n))
            .unwrap_or(0)
    };
    let names: Vec<String> = (0..width)
        .map(|i| match first.get(i) {
            Some(name) if header && !trim(name).is_empty() => trim(name).to_string(),
            _ => format!("Column {}", i + 1),
        })
        .collect();
    fn cell(row: &[String], c: usize) -> &str {
        row.get(c).map_or("", |s| s.as_str())
    }

    // The decimal separator, from cells that are not periods.
    let decimal_comma = decide_decimal_comma(
        data.iter()
            .flat_map(|(_, r)| r.iter())
            .filter(|c| parse_period(c).is_none())
            .map(String::as_str),
        delimiter == Delimiter::Semicolon,
    );

    let columns: Vec<Column> = (0..width)
        .map(|c| {
            let mut col = Column {
                nonempty: 0,
                times: 0,
                numbers: 0,
            };
            for (_, r) in data {
                let v = cell(r, c);
                if is_missing(v) {
                    continue;
                }
                col.nonempty += 1;
                col.times += usize::from(parse_period(v).is_some());
                col.numbers +=
                    usize::from(matches!(parse_number(v, decimal_comma), Cell::Number(_)));
            }
            col
        })
        .collect();

    // The time column: a time-like header whose cells are (nearly all) periods, else the first
    // column of periods only.
    let mostly_times = |c: usize| {
        let col = &columns[c];
        col.times > 0 && col.times * 10 >= col.nonempty * 9
    };
    let named = |exact: bool| {
        (0..width).find(|&c| {
            let name = names[c].to_lowercase();
            let hit = if exact {
                TIME_NAMES.contains(&name.as_str())
            } else {
                name.split(|ch: char| !ch.is_alphanumeric())
                    .any(|w| matches!(w, "year" | "date" | "period" | "quarter" | "month"))
            };
            header && hit && mostly_times(c)
        })
    };
    let time = named(true)
        .or_else(|| named(false))
        .or_else(|| {
            (0..width).find(|&c| columns[c].nonempty > 0 && columns[c].times == columns[c].nonempty)
        })
        // A stray cell ("later") is then named by the parse, with its row.
        .or_else(|| (0..width).find(|&c| mostly_times(c)))
        .ok_or_else(|| ImportError::new(file, ImportErrorKind::NoTimeColumn))?;

    let periods: Vec<Period> = data
        .iter()
        .filter_map(|(_, r)| parse_period(cell(r, time)))
        .collect();
    let distinct: BTreeSet<Period> = periods.iter().copied().collect();
    let cadence = infer_cadence(&distinct);
    let mut repeats = distinct.len() < periods.len();

    let numeric: Vec<usize> = (0..width)
        .filter(|&c| {
            c != time && columns[c].numbers > 0 && columns[c].numbers * 2 > columns[c].nonempty
        })
        .collect();
    let text_columns: Vec<usize> = (0..width)
        .filter(|&c| c != time && columns[c].nonempty > 0 && !numeric.contains(&c))
        .collect();
    if numeric.is_empty() {
        return Err(ImportError::new(file, ImportErrorKind::NoValues));
    }
    let series_column = || {
        text_columns
            .iter()
            .copied()
            .find(|&c| {
                let values: HashSet<&str> = data.iter().map(|(_, r)| cell(r, c)).collect();
                values.len() > 1
            })
            .or_else(|| text_columns.first().copied())
    };

    // Pass 2: count rows, check limits, collect a long file's series.
    let long_candidate = series_column();
    let mut records = Records::new(body.as_bytes(), delimiter);
    let mut total_rows = 0usize;
    let mut seen_header = !header;
    let mut entities: Vec<String> = Vec::new();
    let mut entity_set: HashSet<String> = HashSet::new();
    let mut over_series: Option<(usize, usize)> = None;
    let mut time_texts: HashSet<String> = HashSet::new();
    while let Some(row) = records.next(file)? {
        if !seen_header {
            seen_header = true;
            continue;
        }
        total_rows += 1;
        if total_rows > MAX_ROWS {
            return Err(too_many_rows(file, row));
        }
        if let Some(sc) = long_candidate {
            if !repeats {
                let t = trim(records.record.get(time).unwrap_or(""));
                if !t.is_empty() && !time_texts.insert(t.to_string()) {
                    repeats = true;
                    time_texts = HashSet::new();
                }
            }
            let name = trim(records.record.get(sc).unwrap_or(""));
            if !name.is_empty() && over_series.is_none() && entity_set.insert(name.to_string()) {
                entities.push(name.to_string());
                if entities.len() > MAX_SERIES {
                    over_series = Some((row, sc + 1));
                }
            }
        }
    }

    let layout = match long_candidate {
        Some(series) if repeats => Layout::Long {
            series,
            value: numeric[0],
        },
        _ => Layout::Wide {
            values: numeric.clone(),
        },
    };
    if let Layout::Wide { values } = &layout {
        if values.len() > MAX_SERIES {
            return Err(ImportError::at(
                file,
                first_row,
                Some(values[MAX_SERIES] + 1),
                ImportErrorKind::TooManySeries { max: MAX_SERIES },
            ));
        }
    }
    if let (Layout::Long { .. }, Some((row, column))) = (&layout, over_series) {
        return Err(ImportError::at(
            file,
            row,
            Some(column),
            ImportErrorKind::TooManySeries { max: MAX_SERIES },
        ));
    }

    // Unit and scale: the (first) value column's header, else what its cells carry.
    let value_column = match &layout {
        Layout::Long { value, .. } => *value,
        Layout::Wide { values } => values[0],
    };
    let from_header = if header {
        header_unit(&names[value_column])
    } else {
        Default::default()
    };
    let mut unit = from_header.unit.clone();
    let mut scale = from_header.scale.clone();
    if unit.is_none() {
        unit = data
            .iter()
            .find_map(|(_, r)| cell_unit(cell(r, value_column)));
        if unit == Some(Unit::Percent) && scale.is_none() {
            scale = Some((0.01, "%".to_string()));
        }
    }
    let unit = unit.unwrap_or(Unit::Number);

    let parts_of_whole = match &layout {
        Layout::Long { series, .. } => {
            (header && is_total_name(&names[*series])) || entities.iter().any(|e| is_total_name(e))
        }
        // A wide file with a "Total" column beside two or more others.
        Layout::Wide { values } => {
            header && values.len() >= 3 && values.iter().any(|&c| is_total_name(&names[c]))
        }
    };
    let aggregate = guess_aggregate(&unit, header.then(|| names[value_column].as_str()));

    let options = ImportOptions {
        title: title_from_file_name(file),
        delimiter,
        header,
        decimal_comma,
        time,
        layout: layout.clone(),
        cadence,
        aggregate,
        unit: unit.clone(),
        scale: scale.as_ref().map_or(1.0, |s| s.0),
        parts_of_whole,
        forecast_years: 5,
    };

    let mut guesses = vec![
        guess(GuessKind::Delimiter, delimiter.name()),
        guess(GuessKind::Header, if header { "yes" } else { "no" }),
        guess(
            GuessKind::DecimalComma,
            if decimal_comma { "1.234,5" } else { "1,234.5" },
        ),
        guess(GuessKind::Time, &names[time]),
        guess(
            GuessKind::Layout,
            match layout {
                Layout::Long { .. } => "long",
                Layout::Wide { .. } => "wide",
            },
        ),
        guess(GuessKind::Cadence, cadence.id()),
    ];
    if cadence != Cadence::Year {
        guesses.push(guess(GuessKind::Aggregate, aggregate.name()));
    }
    guesses.push(guess(GuessKind::Unit, &unit_name(&unit)));
    guesses.push(guess(
        GuessKind::Scale,
        &match &scale {
            Some((s, word)) => format!("{word} ({})", scale_text(*s)),
            None => "1".to_string(),
        },
    ));
    guesses.push(guess(
        GuessKind::PartsOfWhole,
        if parts_of_whole { "yes" } else { "no" },
    ));

    Ok(Sniffed {
        options,
        guesses,
        header: names.clone(),
        rows: data
            .iter()
            .take(PREVIEW_ROWS)
            .map(|(_, r)| r.clone())
            .collect(),
        total_rows,
    })
}

fn guess(what: GuessKind, detail: &str) -> Guess {
    Guess {
        what,
        detail: detail.to_string(),
    }
}

/// "CNY", "percent", "count: users", "number".
pub(crate) fn unit_name(unit: &Unit) -> String {
    match unit {
        Unit::Currency(code) => code.clone(),
        Unit::Percent => "percent".to_string(),
        Unit::Count(noun) => format!("count: {}", noun.en),
        Unit::Number => "number".to_string(),
    }
}

/// "1e8", "0.01".
pub(crate) fn scale_text(scale: f64) -> String {
    if scale >= 1000.0 {
        format!("{scale:e}")
    } else {
        format!("{scale}")
    }
}

/// Flows sum, stocks take the year's last value, rates and levels average.
fn guess_aggregate(unit: &Unit, header: Option<&str>) -> Aggregate {
    const STOCKS: &[&str] = &[
        "users",
        "subscribers",
        "customers",
        "population",
        "stores",
        "employees",
        "households",
        "accounts",
        "balance",
        "用户",
        "用戶",
        "人口",
        "门店",
        "員工",
        "员工",
        "余额",
        "餘額",
        "保有量",
        "存量",
    ];
    let stock = header.is_some_and(|h| {
        let lower = h.to_lowercase();
        STOCKS.iter().any(|w| lower.contains(w))
    });
    match unit {
        _ if stock => Aggregate::Last,
        Unit::Currency(_) | Unit::Count(_) => Aggregate::Sum,
        Unit::Percent | Unit::Number => Aggregate::Mean,
    }
}
