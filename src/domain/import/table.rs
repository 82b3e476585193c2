//! Reading the whole file into yearly series, in steps: the interface calls
//! [`TableBuilder::step`] once per animation frame, so 100,000 rows never freeze the page.
//! Sub-annual periods are made into years at the end: a year only when every one of its
//! periods has a value (a year of nine months is no year; it is listed in
//! [`Table::incomplete_years`]).

use super::error::{ImportError, ImportErrorKind};
use super::numbers::{is_missing, parse_number, trim, Cell};
use super::options::{Aggregate, ImportOptions, Layout};
use super::read::{body, check_text, too_many_rows, Records};
use super::time::{key, key_label, parse_period, periods_per_year};
use super::units::clean_name;
use super::{MAX_ROWS, MAX_SERIES};
use crate::domain::schema::Cadence;
use crate::domain::validate::{YEAR_MAX, YEAR_MIN};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// How far a [`TableBuilder`] has got.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    /// Data rows read so far.
    pub rows_done: usize,
    /// Data rows in the file: an estimate (line count) until `finished`, then exact.
    pub rows_total: usize,
    pub finished: bool,
}

/// The file's series as yearly values.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// Every year with at least one value, ascending.
    pub years: Vec<i32>,
    pub series: Vec<TableSeries>,
    /// Sub-annual files: years some series had values in but not all periods of, so that
    /// series has no value that year.
    pub incomplete_years: Vec<i32>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct TableSeries {
    pub name: String,
    /// Aligned to `Table::years`; absolute units (scale applied); always finite.
    pub values: Vec<Option<f64>>,
}

/// The values read so far.
struct Accumulator {
    file: String,
    options: ImportOptions,
    header_pending: bool,
    /// Cells a row has (the first row's, without trailing empty cells).
    width: Option<usize>,
    rows_done: usize,
    names: Vec<String>,
    index: HashMap<String, usize>,
    /// Per series: (year, period within the year) → value.
    values: Vec<BTreeMap<(i32, u16), f64>>,
}

/// Parses a file in steps. Holds its own copy of the text.
pub struct TableBuilder {
    records: Records<Vec<u8>>,
    acc: Accumulator,
    rows_estimate: usize,
    finished: bool,
}

fn err(file: &str, row: usize, column: usize, kind: ImportErrorKind) -> ImportError {
    ImportError::at(file, row, Some(column + 1), kind)
}

impl TableBuilder {
    pub fn new(
        file_name: &str,
        text: &str,
        options: &ImportOptions,
    ) -> Result<TableBuilder, ImportError> {
        check_text(file_name, text)?;
        let fail = |kind| Err(ImportError::new(file_name, kind));
        if matches!(options.cadence, Cadence::Week) {
            return fail(ImportErrorKind::UnsupportedCadence {
                cadence: options.cadence,
            });
        }
        if !(options.scale.is_finite() && options.scale > 0.0) {
            return fail(ImportErrorKind::OutOfRange {
                text: options.scale.to_string(),
            });
        }
        let roles: Vec<usize> = match &options.layout {
            Layout::Long { series, value } => vec![*series, *value],
            Layout::Wide { values } => values.clone(),
        };
        if roles.is_empty() {
            return fail(ImportErrorKind::NoValues);
        }
        if matches!(&options.layout, Layout::Wide { values } if values.len() > MAX_SERIES) {
            return Err(ImportError {
                file: file_name.to_string(),
                row: None,
                column: Some(roles[MAX_SERIES] + 1),
                kind: ImportErrorKind::TooManySeries { max: MAX_SERIES },
            });
        }
        let mut seen = vec![options.time];
        for &c in &roles {
            if seen.contains(&c) {
                return Err(ImportError {
                    file: file_name.to_string(),
                    row: None,
                    column: Some(c + 1),
                    kind: ImportErrorKind::SameColumn,
                });
            }
            seen.push(c);
        }
        let (body, _) = body(text);
        let lines = body.bytes().filter(|&b| b == b'\n').count()
            + usize::from(!body.is_empty() && !body.ends_with('\n'));
        Ok(TableBuilder {
            records: Records::new(body.as_bytes().to_vec(), options.delimiter),
            acc: Accumulator {
                file: file_name.to_string(),
                options: options.clone(),
                header_pending: options.header,
                width: None,
                rows_done: 0,
                names: Vec::new(),
                index: HashMap::new(),
                values: Vec::new(),
            },
            rows_estimate: lines.saturating_sub(usize::from(options.header)),
            finished: false,
        })
    }

    /// Reads up to `max_rows` more rows (at least one).
    pub fn step(&mut self, max_rows: usize) -> Result<Progress, ImportError> {
        let mut n = 0;
        while !self.finished && n < max_rows.max(1) {
            match self.records.next(&self.acc.file)? {
                Some(row) => {
                    self.acc.row(&self.records.record, row)?;
                    n += 1;
                }
                None => self.finished = true,
            }
        }
        Ok(self.progress())
    }

    pub fn progress(&self) -> Progress {
        let done = self.acc.rows_done;
        Progress {
            rows_done: done,
            rows_total: if self.finished {
                done
            } else {
                self.rows_estimate.max(done)
            },
            finished: self.finished,
        }
    }

    /// Reads what is left and makes the years.
    pub fn finish(mut self) -> Result<Table, ImportError> {
        while !self.finished {
            self.step(usize::MAX)?;
        }
        self.acc.table()
    }
}

/// Parses a whole file at once (what the steps of a [`TableBuilder`] add up to).
pub fn parse_table(
    file_name: &str,
    text: &str,
    options: &ImportOptions,
) -> Result<Table, ImportError> {
    TableBuilder::new(file_name, text, options)?.finish()
}

impl Accumulator {
    fn row(&mut self, record: &csv::StringRecord, row: usize) -> Result<(), ImportError> {
        let file_name = self.file.clone();
        let file = file_name.as_str();
        let cells: Vec<&str> = record.iter().collect();
        let width = match self.width {
            Some(w) => w,
            None => {
                let mut used = vec![self.options.time];
                match &self.options.layout {
                    Layout::Long { series, value } => used.extend([*series, *value]),
                    Layout::Wide { values } => used.extend(values),
                }
                if let Some(&c) = used.iter().find(|&&c| c >= cells.len()) {
                    return Err(err(file, row, c, ImportErrorKind::NoSuchColumn));
                }
                // Trailing empty cells do not count, but every column the options use does.
                let trimmed = cells
                    .iter()
                    .rposition(|c| !trim(c).is_empty())
                    .map_or(0, |i| i + 1);
                let w = trimmed.max(used.iter().max().map_or(0, |c| c + 1));
                self.width = Some(w);
                w
            }
        };
        if cells.len() < width {
            return Err(err(
                file,
                row,
                cells.len(),
                ImportErrorKind::RaggedRow {
                    expected: width,
                    found: cells.len(),
                },
            ));
        }
        if let Some(last) = cells.iter().rposition(|c| !trim(c).is_empty()) {
            if last >= width {
                return Err(err(
                    file,
                    row,
                    width,
                    ImportErrorKind::RaggedRow {
                        expected: width,
                        found: last + 1,
                    },
                ));
            }
        }
        if self.header_pending {
            self.header_pending = false;
            if let Layout::Wide { values } = self.options.layout.clone() {
                for c in values {
                    let name = clean_name(cells[c]);
                    self.add_series(if name.is_empty() {
                        format!("Column {}", c + 1)
                    } else {
                        name
                    });
                }
            }
            return Ok(());
        }
        if self.names.is_empty() {
            if let Layout::Wide { values } = self.options.layout.clone() {
                for c in values {
                    self.add_series(format!("Column {}", c + 1));
                }
            }
        }
        self.rows_done += 1;
        if self.rows_done > MAX_ROWS {
            return Err(too_many_rows(file, row));
        }

        let time = self.options.time;
        // Borrowed, not copied: this runs once per row of files up to 250,000 rows.
        let value_columns: &[usize] = match &self.options.layout {
            Layout::Long { value, .. } => std::slice::from_ref(value),
            Layout::Wide { values } => values,
        };
        let time_text = cells[time];
        let bad_time = || {
            err(
                file,
                row,
                time,
                ImportErrorKind::BadTime {
                    text: time_text.to_string(),
                },
            )
        };
        if trim(time_text).is_empty() {
            if value_columns.iter().all(|&c| is_missing(cells[c])) {
                return Ok(());
            }
            return Err(bad_time());
        }
        let Some(period) = parse_period(time_text) else {
            return Err(bad_time());
        };
        let Some(k) = key(period, self.options.cadence) else {
            return Err(err(
                file,
                row,
                time,
                ImportErrorKind::WrongCadence {
                    text: time_text.to_string(),
                    cadence: self.options.cadence,
                },
            ));
        };
        if !(YEAR_MIN..=YEAR_MAX).contains(&k.0) {
            return Err(err(
                file,
                row,
                time,
                ImportErrorKind::YearOutOfRange { year: k.0 },
            ));
        }

        match self.options.layout.clone() {
            Layout::Long { series, value } => {
                let v = self.value(cells[value], row, value)?;
                let name = trim(cells[series]);
                if name.is_empty() {
                    if v.is_none() {
                        return Ok(());
                    }
                    return Err(err(file, row, series, ImportErrorKind::EmptyName));
                }
                let s = match self.index.get(name) {
                    Some(&s) => s,
                    None => {
                        if self.names.len() >= MAX_SERIES {
                            return Err(err(
                                &self.file,
                                row,
                                series,
                                ImportErrorKind::TooManySeries { max: MAX_SERIES },
                            ));
                        }
                        self.add_series(name.to_string())
                    }
                };
                if let Some(v) = v {
                    self.insert(s, k, v, row)?;
                }
            }
            Layout::Wide { values } => {
                for (s, &c) in values.iter().enumerate() {
                    if let Some(v) = self.value(cells[c], row, c)? {
                        self.insert(s, k, v, row)?;
                    }
                }
            }
        }
        Ok(())
    }

    fn add_series(&mut self, name: String) -> usize {
        let mut unique = name.clone();
        let mut n = 2;
        while self.index.contains_key(&unique) {
            unique = format!("{name} ({n})");
            n += 1;
        }
        let s = self.names.len();
        self.index.insert(unique.clone(), s);
        self.names.push(unique);
        self.values.push(BTreeMap::new());
        s
    }

    fn value(&self, text: &str, row: usize, column: usize) -> Result<Option<f64>, ImportError> {
        match parse_number(text, self.options.decimal_comma) {
            Cell::Missing => Ok(None),
            Cell::Bad => Err(err(
                &self.file,
                row,
                column,
                ImportErrorKind::NotNumber {
                    text: text.to_string(),
                },
            )),
            Cell::Number(v) => {
                let scaled = v * self.options.scale;
                if scaled.is_finite() {
                    Ok(Some(scaled))
                } else {
                    Err(err(
                        &self.file,
                        row,
                        column,
                        ImportErrorKind::OutOfRange {
                            text: text.to_string(),
                        },
                    ))
                }
            }
        }
    }

    fn insert(&mut self, s: usize, k: (i32, u16), v: f64, row: usize) -> Result<(), ImportError> {
        if self.values[s].insert(k, v).is_some() {
            return Err(err(
                &self.file,
                row,
                self.options.time,
                ImportErrorKind::DuplicatePeriod {
                    series: self.names[s].clone(),
                    period: key_label(k.0, k.1, self.options.cadence),
                },
            ));
        }
        Ok(())
    }

    fn table(self) -> Result<Table, ImportError> {
        let file = self.file.as_str();
        if self.width.is_none() {
            return Err(ImportError::new(file, ImportErrorKind::Empty));
        }
        if self.rows_done == 0 && self.options.header {
            return Err(ImportError::new(file, ImportErrorKind::HeaderOnly));
        }
        let cadence = self.options.cadence;
        let mut incomplete = BTreeSet::new();
        let mut yearly: Vec<BTreeMap<i32, f64>> = Vec::with_capacity(self.values.len());
        for (s, periods) in self.values.iter().enumerate() {
            let mut by_year: BTreeMap<i32, Vec<f64>> = BTreeMap::new();
            for (&(y, _), &v) in periods {
                by_year.entry(y).or_default().push(v);
            }
            let mut out = BTreeMap::new();
            for (y, vs) in by_year {
                if vs.len() < periods_per_year(cadence, y) {
                    incomplete.insert(y);
                    continue;
                }
                let v = match self.options.aggregate {
                    _ if cadence == Cadence::Year => vs[0],
                    Aggregate::Sum => vs.iter().sum(),
                    Aggregate::Mean => vs.iter().sum::<f64>() / vs.len() as f64,
                    Aggregate::Last => vs[vs.len() - 1],
                };
                if !v.is_finite() {
                    return Err(ImportError::new(
                        file,
                        ImportErrorKind::OutOfRange {
                            text: format!("{} {y}", self.names[s]),
                        },
                    ));
                }
                out.insert(y, v);
            }
            yearly.push(out);
        }
        let years: Vec<i32> = yearly
            .iter()
            .flat_map(|m| m.keys().copied())
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        if years.is_empty() {
            return Err(ImportError::new(file, ImportErrorKind::NoValues));
        }
        let series = self
            .names
            .into_iter()
            .zip(yearly)
            .map(|(name, m)| TableSeries {
                name,
                values: years.iter().map(|y| m.get(y).copied()).collect(),
            })
            .collect();
        Ok(Table {
            years,
            series,
            incomplete_years: incomplete.into_iter().collect(),
        })
    }
}
