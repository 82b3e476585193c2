//! How a file is to be read: what [`sniff`](super::sniff) guesses and the reader may correct.

use crate::domain::schema::{Cadence, Unit};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Delimiter {
    Comma,
    Semicolon,
    Tab,
}

impl Delimiter {
    pub fn byte(self) -> u8 {
        match self {
            Delimiter::Comma => b',',
            Delimiter::Semicolon => b';',
            Delimiter::Tab => b'\t',
        }
    }

    /// "comma", "semicolon", "tab".
    pub fn name(self) -> &'static str {
        match self {
            Delimiter::Comma => "comma",
            Delimiter::Semicolon => "semicolon",
            Delimiter::Tab => "tab",
        }
    }
}

/// Where the series are. Column indexes are 0-based (the interface adds one).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Layout {
    /// One row per series and period: a column naming the series ("Entity"), one of values,
    /// as Our World in Data publishes (`Entity,Code,Year,Value`).
    Long { series: usize, value: usize },
    /// One row per period, one column of values per series (named by the header).
    Wide { values: Vec<usize> },
}

/// How the periods of a year make the year's value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Aggregate {
    /// Flows: revenue, shipments.
    Sum,
    /// Levels and rates: prices, temperatures, percentages.
    Mean,
    /// Stocks at the year's end: users, stores.
    Last,
}

impl Aggregate {
    pub fn name(self) -> &'static str {
        match self {
            Aggregate::Sum => "sum",
            Aggregate::Mean => "mean",
            Aggregate::Last => "last",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct ImportOptions {
    /// The report's title; by default the file name without its extension.
    pub title: String,
    pub delimiter: Delimiter,
    /// The first (non-blank) row is a header.
    pub header: bool,
    /// Numbers are written "1.234,5" / "12,5".
    pub decimal_comma: bool,
    /// The time column (0-based).
    pub time: usize,
    pub layout: Layout,
    /// Year, Quarter, Month (or Day); guessed from the time values.
    pub cadence: Cadence,
    /// For sub-annual cadences: how periods make a year (a year is made only when all of its
    /// periods have a value).
    pub aggregate: Aggregate,
    /// The unit of every series.
    pub unit: Unit,
    /// What a cell is multiplied by to give absolute units: 1, 1e3 (thousand/千), 1e4 (万),
    /// 1e6 (million/百万), 1e8 (亿), 1e9 (billion/十亿), …; 0.01 for a percentage (a
    /// report stores fractions).
    pub scale: f64,
    /// The series are parts of a whole (a top-down segment dimension of the total): the
    /// series named "Total"/"合计"/"总计" is the whole, or else their sum. Guessed when a
    /// long file's series or a wide file's column says "total".
    pub parts_of_whole: bool,
    /// Years of forecast after the last year (1–50; default 5).
    pub forecast_years: u32,
}

/// What a guess was about, so the interface can say it in the reader's language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GuessKind {
    Encoding,
    Delimiter,
    Header,
    DecimalComma,
    Time,
    Layout,
    Cadence,
    Aggregate,
    Unit,
    Scale,
    PartsOfWhole,
}

/// One guess and its value as text ("semicolon", "亿 (1e8)", "CNY", "column 3: Year").
#[derive(Debug, Clone, PartialEq)]
pub struct Guess {
    pub what: GuessKind,
    pub detail: String,
}

/// What [`sniff`](super::sniff) found: options to show for correction and a preview.
#[derive(Debug, Clone, PartialEq)]
pub struct Sniffed {
    pub options: ImportOptions,
    pub guesses: Vec<Guess>,
    /// The header's cells, or "Column 1", "Column 2", … when there is no header.
    pub header: Vec<String>,
    /// The first 10 data rows as written.
    pub rows: Vec<Vec<String>>,
    /// Data rows in the file (blank rows and the header not counted).
    pub total_rows: usize,
}
