//! Why a reader's file could not be imported: the file, the row and column as a spreadsheet
//! shows them (1-based; the header is row 1) and the reason as data, so the interface can word
//! it in the reader's language. `Display` gives the English wording.

use crate::domain::schema::Cadence;
use crate::domain::validate::Problem;
use std::fmt;

#[derive(Debug, Clone, PartialEq)]
pub struct ImportError {
    pub file: String,
    /// The row as a spreadsheet numbers it (blank lines count; the header is row 1).
    pub row: Option<usize>,
    /// The column as a spreadsheet numbers it (A = 1).
    pub column: Option<usize>,
    pub kind: ImportErrorKind,
}

#[derive(Debug, Clone, PartialEq)]
pub enum ImportErrorKind {
    /// Nothing but blank lines (or nothing at all).
    Empty,
    /// A header row and no data rows.
    HeaderOnly,
    /// Larger than [`MAX_BYTES`](super::MAX_BYTES).
    TooLarge { bytes: usize, max: usize },
    /// More data rows than [`MAX_ROWS`](super::MAX_ROWS); `row` is the first one over.
    TooManyRows { max: usize },
    /// More series than [`MAX_SERIES`](super::MAX_SERIES); the cell names the first one over.
    TooManySeries { max: usize },
    /// A value cell that is neither a number nor a recognised "missing" marker.
    NotNumber { text: String },
    /// A time cell that is not a year, quarter, month or date (empty `text`: the cell is empty).
    BadTime { text: String },
    /// A time cell of another kind than the cadence chosen ("2001" where months are expected).
    WrongCadence { text: String, cadence: Cadence },
    /// A year outside 1900–2100 (the years a report may hold).
    YearOutOfRange { year: i32 },
    /// Two values for one series in one period (`period` as "2001", "2001Q1", "2001-01" or
    /// "2001-01-31").
    DuplicatePeriod { series: String, period: String },
    /// No column holds years or dates.
    NoTimeColumn,
    /// The first row holds years side by side ("Country,2001,2002,…"): one row per series.
    TimeAcrossColumns,
    /// No numbers to import.
    NoValues,
    /// A row with another number of cells than the header (`column`: the first missing or
    /// extra cell).
    RaggedRow { expected: usize, found: usize },
    /// Characters that could not be decoded (U+FFFD or NUL in a cell).
    Encoding,
    /// Not a text file at all (an Excel workbook, a PDF, …).
    NotText,
    /// A long-format row whose series cell is empty.
    EmptyName,
    /// The options name a column the file does not have (`column` is set).
    NoSuchColumn,
    /// The options use one column for two roles (`column` is set).
    SameColumn,
    /// A cadence the import cannot make years from (weeks).
    UnsupportedCadence { cadence: Cadence },
    /// A number that becomes infinite once scaled or summed.
    OutOfRange { text: String },
    /// The report built from the table did not pass validation (a bug: never expected).
    Invalid { path: String, problem: Box<Problem> },
}

impl ImportError {
    pub(crate) fn new(file: &str, kind: ImportErrorKind) -> Self {
        ImportError {
            file: file.to_string(),
            row: None,
            column: None,
            kind,
        }
    }

    pub(crate) fn at(file: &str, row: usize, column: Option<usize>, kind: ImportErrorKind) -> Self {
        ImportError {
            file: file.to_string(),
            row: Some(row),
            column,
            kind,
        }
    }
}

fn megabytes(bytes: usize) -> String {
    let mb = bytes as f64 / (1024.0 * 1024.0);
    if mb >= 10.0 {
        format!("{mb:.0} MB")
    } else {
        format!("{mb:.1} MB")
    }
}

fn cadence_noun(c: Cadence) -> &'static str {
    match c {
        Cadence::Day => "a date",
        Cadence::Week => "a week",
        Cadence::Month => "a month",
        Cadence::Quarter => "a quarter",
        Cadence::Year => "a year",
    }
}

impl fmt::Display for ImportErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use ImportErrorKind::*;
        match self {
            Empty => write!(f, "the file is empty"),
            HeaderOnly => write!(f, "the file has a header row but no data rows"),
            TooLarge { bytes, max } => write!(
                f,
                "the file is {}; files up to {} can be imported",
                megabytes(*bytes),
                megabytes(*max)
            ),
            TooManyRows { max } => write!(f, "more than {max} data rows"),
            TooManySeries { max } => write!(f, "more than {max} series"),
            NotNumber { text } => write!(f, "{text:?} is not a number"),
            BadTime { text } if text.trim().is_empty() => write!(f, "the time cell is empty"),
            BadTime { text } => write!(
                f,
                "{text:?} is not a year, quarter, month or date (such as 2001, 2001Q1, 2001-01 or 2001-01-31)"
            ),
            WrongCadence { text, cadence } => {
                write!(f, "{text:?} is not {}", cadence_noun(*cadence))
            }
            YearOutOfRange { year } => write!(f, "the year {year} is outside 1900–2100"),
            DuplicatePeriod { series, period } => {
                write!(f, "a second value for {series:?} in {period}")
            }
            NoTimeColumn => write!(
                f,
                "no column holds years or dates (such as 2001, 2001-01 or 2001Q1)"
            ),
            TimeAcrossColumns => write!(
                f,
                "the years run across the first row: put them in one column, one row per year"
            ),
            NoValues => write!(f, "there are no numbers to import"),
            RaggedRow { expected, found } => write!(
                f,
                "this row has {found} {} where the first row has {expected}",
                if *found == 1 { "cell" } else { "cells" }
            ),
            Encoding => write!(
                f,
                "characters that could not be decoded: save the file as UTF-8 and try again"
            ),
            NotText => write!(
                f,
                "this is not a text file: save the sheet as CSV (UTF-8) and import that"
            ),
            EmptyName => write!(f, "the series name is empty"),
            NoSuchColumn => write!(f, "the file has no such column"),
            SameColumn => write!(f, "one column cannot serve two roles"),
            UnsupportedCadence { cadence } => write!(
                f,
                "values per {} cannot be made into years: use years, quarters, months or dates",
                match cadence {
                    Cadence::Week => "week",
                    Cadence::Day => "day",
                    Cadence::Month => "month",
                    Cadence::Quarter => "quarter",
                    Cadence::Year => "year",
                }
            ),
            OutOfRange { text } => write!(f, "{text:?} is too large once scaled"),
            Invalid { path, problem } => write!(f, "the report could not be built: {path}: {problem}"),
        }
    }
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        match (self.row, self.column) {
            (Some(r), Some(c)) => write!(f, ": row {r}, column {c}")?,
            (Some(r), None) => write!(f, ": row {r}")?,
            (None, Some(c)) => write!(f, ": column {c}")?,
            (None, None) => {}
        }
        write!(f, ": {}", self.kind)
    }
}

impl std::error::Error for ImportError {}
