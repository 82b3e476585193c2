//! Records from the text with the `csv` crate (quotes, doubled quotes, line breaks inside
//! quotes), numbered as a spreadsheet numbers its rows: the csv reader skips blank lines, but a
//! spreadsheet shows them, so they are counted back in.

use super::error::{ImportError, ImportErrorKind};
use super::options::Delimiter;
use super::{MAX_BYTES, MAX_ROWS};
use std::io::Cursor;

/// The records' text: without a byte order mark and without Excel's first line `sep=;`
/// (which names the delimiter and which Excel does not show as a row).
pub(crate) fn body(text: &str) -> (&str, Option<Delimiter>) {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let line_end = text.find('\n').unwrap_or(text.len());
    let first = text[..line_end].trim_end_matches('\r');
    if first.len() == 5 && first.is_char_boundary(4) && first[..4].eq_ignore_ascii_case("sep=") {
        let delimiter = match &first[4..] {
            "," => Some(Delimiter::Comma),
            ";" => Some(Delimiter::Semicolon),
            "\t" => Some(Delimiter::Tab),
            _ => None,
        };
        if delimiter.is_some() {
            let rest = text.get(line_end + 1..).unwrap_or("");
            return (rest, delimiter);
        }
    }
    (text, None)
}

/// Refuses a file over [`MAX_BYTES`]: the interface can call it with the file's size before
/// reading it.
pub fn check_size(file: &str, bytes: usize) -> Result<(), ImportError> {
    if bytes > MAX_BYTES {
        return Err(ImportError::new(
            file,
            ImportErrorKind::TooLarge {
                bytes,
                max: MAX_BYTES,
            },
        ));
    }
    Ok(())
}

/// Refuses what is not text: control characters near the start (an Excel workbook is a zip
/// file, "PK\x03\x04…"), or a file too large.
pub(crate) fn check_text(file: &str, text: &str) -> Result<(), ImportError> {
    check_size(file, text.len())?;
    let binary = text
        .chars()
        .take(4096)
        .any(|c| (c < ' ' && !matches!(c, '\t' | '\n' | '\r' | '\u{c}')) || c == '\u{7f}');
    if binary {
        return Err(ImportError::new(file, ImportErrorKind::NotText));
    }
    Ok(())
}

/// Line ends from `at`: the blank lines the csv reader skipped before a record. (A '\n' right
/// after the previous record's '\r' ends that record's line.)
fn blank_lines(bytes: &[u8], at: usize) -> usize {
    let mut n = 0;
    let mut i = at;
    if at > 0 && bytes.get(at - 1) == Some(&b'\r') && bytes.get(at) == Some(&b'\n') {
        i += 1;
    }
    while let Some(&b) = bytes.get(i) {
        match b {
            b'\n' => i += 1,
            b'\r' if bytes.get(i + 1) == Some(&b'\n') => i += 2,
            b'\r' => i += 1,
            _ => break,
        }
        n += 1;
    }
    n
}

pub(crate) fn is_blank(record: &csv::StringRecord) -> bool {
    record.iter().all(|f| super::numbers::trim(f).is_empty())
}

/// The records of a text, one at a time, with their spreadsheet row.
pub(crate) struct Records<B: AsRef<[u8]>> {
    reader: csv::Reader<Cursor<B>>,
    pub record: csv::StringRecord,
    /// The spreadsheet row of `record`.
    pub row: usize,
    /// Non-blank records read so far.
    pub count: usize,
}

impl<B: AsRef<[u8]>> Records<B> {
    pub fn new(bytes: B, delimiter: Delimiter) -> Self {
        let reader = csv::ReaderBuilder::new()
            .delimiter(delimiter.byte())
            .has_headers(false)
            .flexible(true)
            .from_reader(Cursor::new(bytes));
        Records {
            reader,
            record: csv::StringRecord::new(),
            row: 0,
            count: 0,
        }
    }

    /// Bytes read so far.
    pub fn offset(&self) -> usize {
        usize::try_from(self.reader.position().byte()).unwrap_or(usize::MAX)
    }

    /// Reads the next record that is not blank into `record` and returns its row; `None` at
    /// the end. Blank rows are skipped but counted. A cell holding U+FFFD or NUL (what a wrong
    /// decoding leaves) is an encoding error.
    pub fn next(&mut self, file: &str) -> Result<Option<usize>, ImportError> {
        loop {
            let start = self.offset();
            match self.reader.read_record(&mut self.record) {
                Ok(false) => return Ok(None),
                Ok(true) => {}
                Err(_) => {
                    return Err(ImportError::at(
                        file,
                        self.row + 1,
                        None,
                        ImportErrorKind::Encoding,
                    ))
                }
            }
            let at = self
                .record
                .position()
                .and_then(|p| usize::try_from(p.byte()).ok())
                .unwrap_or(start);
            let bytes = self.reader.get_ref().get_ref().as_ref();
            self.row += 1 + blank_lines(bytes, at);
            if is_blank(&self.record) {
                continue;
            }
            if let Some(col) = self
                .record
                .iter()
                .position(|f| f.contains(['\u{fffd}', '\0']))
            {
                return Err(ImportError::at(
                    file,
                    self.row,
                    Some(col + 1),
                    ImportErrorKind::Encoding,
                ));
            }
            self.count += 1;
            return Ok(Some(self.row));
        }
    }
}

/// A data-row limit error for the row that goes over.
pub(crate) fn too_many_rows(file: &str, row: usize) -> ImportError {
    ImportError::at(
        file,
        row,
        None,
        ImportErrorKind::TooManyRows { max: MAX_ROWS },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(text: &str) -> Vec<(usize, Vec<String>)> {
        let mut r = Records::new(text.as_bytes(), Delimiter::Comma);
        let mut out = Vec::new();
        while let Some(row) = r.next("t.csv").unwrap() {
            out.push((row, r.record.iter().map(str::to_string).collect()));
        }
        out
    }

    #[test]
    fn rows_count_blank_lines_and_not_quoted_breaks() {
        let got = rows("a,b\n\n1,\"x\ny\"\n2,3\r\n\r\n,\n4,5\n");
        let numbers: Vec<usize> = got.iter().map(|r| r.0).collect();
        assert_eq!(numbers, vec![1, 3, 4, 7]);
        assert_eq!(got[1].1, vec!["1", "x\ny"]);
    }

    #[test]
    fn sep_line_and_bom() {
        assert_eq!(
            body("\u{feff}sep=;\r\na;b"),
            ("a;b", Some(Delimiter::Semicolon))
        );
        assert_eq!(body("a,b"), ("a,b", None));
        assert!(check_text("x", "PK\u{3}\u{4}abc").is_err());
        assert!(check_text("x", "a\tb\r\n").is_ok());
    }

    #[test]
    fn replacement_characters_are_named() {
        let mut r = Records::new("a,b\n1,x\u{fffd}\n".as_bytes(), Delimiter::Comma);
        assert!(r.next("t.csv").is_ok());
        let e = r.next("t.csv").unwrap_err();
        assert_eq!((e.row, e.column), (Some(2), Some(2)));
        assert_eq!(e.kind, ImportErrorKind::Encoding);
    }
}
