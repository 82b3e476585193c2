//! Readers import their own report: a CSV or TSV of series, long or wide, in the encodings
//! Excel writes. Pure domain, no web dependencies; the interface drives it:
//!
//! 1. [`detect_encoding`] on the file's bytes, then [`decode`] (UTF-8, UTF-16, Windows-1252)
//!    or the browser's `TextDecoder` with [`TextEncoding::label`] (GB18030);
//! 2. [`sniff`] guesses [`ImportOptions`] and lists its [`Guess`]es with a preview, for the
//!    reader to correct;
//! 3. a [`TableBuilder`] parses the whole file in steps (one per animation frame) into a
//!    yearly [`Table`];
//! 4. [`build_report`] makes it a [`Report`](crate::domain::schema::Report) that passes
//!    validation and is explored like any other.
//!
//! Nothing here panics on input. Every rejection is an [`ImportError`] naming the file, the
//! row and column as a spreadsheet shows them (1-based) and the reason as data.

mod encoding;
mod error;
mod numbers;
mod options;
mod read;
mod report;
mod sniff;
mod table;
mod time;
mod units;

pub use encoding::{decode, detect_encoding, Detected, TextEncoding};
pub use error::{ImportError, ImportErrorKind};
pub use options::{Aggregate, Delimiter, Guess, GuessKind, ImportOptions, Layout, Sniffed};
pub use read::check_size;
pub use report::{build_report, MAX_FORECAST_YEARS};
pub use sniff::{sniff, sniff_with_delimiter, title_from_file_name};
pub use table::{parse_table, Progress, Table, TableBuilder, TableSeries};
pub use units::{english_count_noun, unit_from_header};

/// The largest file imported: 32 MiB of text.
pub const MAX_BYTES: usize = 32 * 1024 * 1024;
/// The most data rows (a long file of 250 countries over 1,000 months fits).
pub const MAX_ROWS: usize = 250_000;
/// The most series (every country and region of an Our World in Data file fits).
pub const MAX_SERIES: usize = 300;

impl Detected {
    /// The encoding as a guess to show ("utf-8 with BOM", "gb18030").
    pub fn guess(self) -> Guess {
        Guess {
            what: GuessKind::Encoding,
            detail: if self.bom {
                format!("{} with BOM", self.encoding.label())
            } else {
                self.encoding.label().to_string()
            },
        }
    }
}
