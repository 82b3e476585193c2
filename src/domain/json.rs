//! A minimal, strict JSON reader (RFC 8259) that keeps each value's position, so that
//! [`decode`](super::decode) can name the field *and* the line of a problem without serde's
//! per-type `Deserialize` code in the wasm bundle.
//!
//! Strict means: no byte order mark, no trailing characters, no duplicate keys, no comments,
//! no trailing commas, no leading zeros, no unescaped control characters, no lone surrogates.
//! Numbers are read as `f64`; a number too large for `f64` (`1e999`) is kept as an infinity
//! and rejected by the decoder at its field. Nesting is limited to [`MAX_DEPTH`] levels.
//! Nothing here panics, whatever the input.

use std::fmt;

/// How many arrays/objects may be nested inside each other.
pub const MAX_DEPTH: usize = 128;

#[derive(Debug, Clone, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    Number(f64),
    String(String),
    Array(Vec<Spanned>),
    /// Entries in document order; keys are unique.
    Object(Vec<(String, Spanned)>),
}

/// A value and where it starts: 1-based line, 1-based column counted in characters.
#[derive(Debug, Clone, PartialEq)]
pub struct Spanned {
    pub value: Json,
    pub line: usize,
    pub column: usize,
}

/// A syntax error (from [`parse`]) or a schema error (from the decoder): where, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct JsonError {
    /// Field path such as `series[0].points[2].value`; empty for the top level.
    pub path: String,
    pub line: usize,
    pub column: usize,
    pub reason: String,
}

impl JsonError {
    /// Puts `segment` (a key, or `[i]`) in front of the path, on the way out of a container.
    fn nest(mut self, segment: &str) -> Self {
        if !(self.path.is_empty() || self.path.starts_with('[')) {
            self.path.insert(0, '.');
        }
        self.path.insert_str(0, segment);
        self
    }
}

impl fmt::Display for JsonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if !self.path.is_empty() {
            write!(f, "{}: ", self.path)?;
        }
        write!(
            f,
            "{} (line {}, column {})",
            self.reason, self.line, self.column
        )
    }
}

impl std::error::Error for JsonError {}

/// Parses one JSON document.
pub fn parse(text: &str) -> Result<Spanned, JsonError> {
    let mut p = Parser {
        src: text,
        pos: 0,
        line: 1,
        column: 1,
        column_pos: 0,
    };
    if text.starts_with('\u{feff}') {
        return Err(p.error("byte order mark is not allowed"));
    }
    p.whitespace();
    let value = p.value(0)?;
    p.whitespace();
    if p.pos < text.len() {
        return Err(p.error("trailing characters after the value"));
    }
    Ok(value)
}

struct Parser<'a> {
    src: &'a str,
    /// Byte offset of the next byte to read; only ever grows.
    pos: usize,
    line: usize,
    /// The column at byte `column_pos` (kept incrementally so positions cost O(1) amortised).
    column: usize,
    column_pos: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.src.as_bytes().get(self.pos).copied()
    }

    fn eat(&mut self, byte: u8) -> bool {
        let found = self.peek() == Some(byte);
        if found {
            self.pos += 1;
        }
        found
    }

    /// Line and column of `pos`.
    fn position(&mut self) -> (usize, usize) {
        let skipped = self
            .src
            .as_bytes()
            .get(self.column_pos..self.pos)
            .unwrap_or(&[]);
        // Count characters: every byte that is not a UTF-8 continuation byte.
        self.column += skipped.iter().filter(|&&b| b & 0xC0 != 0x80).count();
        self.column_pos = self.pos;
        (self.line, self.column)
    }

    fn error(&mut self, reason: &str) -> JsonError {
        let (line, column) = self.position();
        JsonError {
            path: String::new(),
            line,
            column,
            reason: reason.to_string(),
        }
    }

    /// An error at `pos` saying what was expected, or that the input ended.
    fn expected(&mut self, what: &str) -> JsonError {
        if self.pos >= self.src.len() {
            self.error("unexpected end of input")
        } else {
            self.error(what)
        }
    }

    fn whitespace(&mut self) {
        while let Some(b) = self.peek() {
            match b {
                b' ' | b'\t' | b'\r' => {}
                b'\n' => {
                    self.line += 1;
                    self.column = 1;
                    self.column_pos = self.pos + 1;
                }
                _ => break,
            }
            self.pos += 1;
        }
    }

    fn value(&mut self, depth: usize) -> Result<Spanned, JsonError> {
        let (line, column) = self.position();
        let value = match self.peek() {
            Some(b'{' | b'[') if depth >= MAX_DEPTH => {
                return Err(self.error("nesting deeper than 128 levels"))
            }
            Some(b'{') => self.object(depth + 1)?,
            Some(b'[') => self.array(depth + 1)?,
            Some(b'"') => Json::String(self.string()?),
            Some(b't') => self.literal("true", Json::Bool(true))?,
            Some(b'f') => self.literal("false", Json::Bool(false))?,
            Some(b'n') => self.literal("null", Json::Null)?,
            Some(b'-' | b'0'..=b'9') => Json::Number(self.number()?),
            _ => return Err(self.expected("expected a value")),
        };
        Ok(Spanned {
            value,
            line,
            column,
        })
    }

    fn literal(&mut self, word: &str, value: Json) -> Result<Json, JsonError> {
        let end = self.pos.saturating_add(word.len());
        if self.src.as_bytes().get(self.pos..end) == Some(word.as_bytes()) {
            self.pos = end;
            Ok(value)
        } else {
            Err(self.error("expected a value"))
        }
    }

    fn object(&mut self, depth: usize) -> Result<Json, JsonError> {
        self.pos += 1; // `{`
        let mut entries: Vec<(String, Spanned)> = Vec::new();
        self.whitespace();
        if self.eat(b'}') {
            return Ok(Json::Object(entries));
        }
        loop {
            self.whitespace();
            if self.peek() != Some(b'"') {
                return Err(self.expected("expected a string key"));
            }
            let (line, column) = self.position();
            let key = self.string()?;
            // Linear scan: report objects have a handful of keys.
            if entries.iter().any(|(k, _)| *k == key) {
                return Err(JsonError {
                    path: key.clone(),
                    line,
                    column,
                    reason: format!("duplicate field `{key}`"),
                });
            }
            self.whitespace();
            if !self.eat(b':') {
                return Err(self.expected("expected `:`"));
            }
            self.whitespace();
            let value = self.value(depth).map_err(|e| e.nest(&key))?;
            entries.push((key, value));
            self.whitespace();
            if !self.eat(b',') {
                if self.eat(b'}') {
                    return Ok(Json::Object(entries));
                }
                return Err(self.expected("expected `,` or `}`"));
            }
        }
    }

    fn array(&mut self, depth: usize) -> Result<Json, JsonError> {
        self.pos += 1; // `[`
        let mut items = Vec::new();
        self.whitespace();
        if self.eat(b']') {
            return Ok(Json::Array(items));
        }
        loop {
            self.whitespace();
            let value = self
                .value(depth)
                .map_err(|e| e.nest(&format!("[{}]", items.len())))?;
            items.push(value);
            self.whitespace();
            if !self.eat(b',') {
                if self.eat(b']') {
                    return Ok(Json::Array(items));
                }
                return Err(self.expected("expected `,` or `]`"));
            }
        }
    }

    /// Reads a string starting at its opening quote.
    fn string(&mut self) -> Result<String, JsonError> {
        self.pos += 1; // `"`
        let mut out = String::new();
        loop {
            let start = self.pos;
            while let Some(b) = self.peek() {
                if b == b'"' || b == b'\\' || b < 0x20 {
                    break;
                }
                self.pos += 1;
            }
            // `start` and `pos` sit next to ASCII bytes (or the ends), so both are char
            // boundaries and `get` succeeds.
            out.push_str(self.src.get(start..self.pos).unwrap_or(""));
            match self.peek() {
                None => return Err(self.error("unterminated string")),
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.pos += 1;
                    self.escape(&mut out)?;
                }
                Some(_) => return Err(self.error("control character in string")),
            }
        }
    }

    /// Reads the escape after a backslash.
    fn escape(&mut self, out: &mut String) -> Result<(), JsonError> {
        let c = match self.peek() {
            None => return Err(self.error("unterminated string")),
            Some(b'u') => {
                self.pos += 1;
                let high = self.hex4()?;
                let code = if (0xD800..0xDC00).contains(&high) {
                    // A leading surrogate must be followed by `\u` and a trailing one.
                    if self.peek() != Some(b'\\') {
                        return Err(self.error("lone surrogate in \\u escape"));
                    }
                    self.pos += 1;
                    if self.peek() != Some(b'u') {
                        return Err(self.error("lone surrogate in \\u escape"));
                    }
                    self.pos += 1;
                    let low = self.hex4()?;
                    if !(0xDC00..0xE000).contains(&low) {
                        return Err(self.error("lone surrogate in \\u escape"));
                    }
                    0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
                } else {
                    high
                };
                return match char::from_u32(code) {
                    Some(c) => {
                        out.push(c);
                        Ok(())
                    }
                    None => Err(self.error("lone surrogate in \\u escape")),
                };
            }
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'/') => '/',
            Some(b'b') => '\u{8}',
            Some(b'f') => '\u{c}',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            Some(_) => return Err(self.error("invalid escape")),
        };
        self.pos += 1;
        out.push(c);
        Ok(())
    }

    fn hex4(&mut self) -> Result<u32, JsonError> {
        let mut code = 0;
        for _ in 0..4 {
            let digit = match self.peek() {
                None => return Err(self.error("unterminated string")),
                Some(b) => char::from(b).to_digit(16),
            };
            match digit {
                Some(d) => code = code * 16 + d,
                None => return Err(self.error("invalid \\u escape: expected 4 hex digits")),
            }
            self.pos += 1;
        }
        Ok(code)
    }

    fn digits(&mut self) -> bool {
        let start = self.pos;
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.pos += 1;
        }
        self.pos > start
    }

    fn number(&mut self) -> Result<f64, JsonError> {
        let start = self.pos;
        self.eat(b'-');
        if self.eat(b'0') {
            if matches!(self.peek(), Some(b'0'..=b'9')) {
                return Err(self.error("invalid number: leading zero"));
            }
        } else if !self.digits() {
            return Err(self.expected("invalid number"));
        }
        if self.eat(b'.') && !self.digits() {
            return Err(self.expected("invalid number: expected a digit after `.`"));
        }
        if self.eat(b'e') || self.eat(b'E') {
            if !self.eat(b'+') {
                self.eat(b'-');
            }
            if !self.digits() {
                return Err(self.expected("invalid number: expected a digit in the exponent"));
            }
        }
        // Rust's parser is correctly rounded and gives ±inf for numbers out of range; those
        // are rejected by the decoder at their field.
        match self.src.get(start..self.pos).map(str::parse::<f64>) {
            Some(Ok(n)) => Ok(n),
            _ => Err(self.error("invalid number")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(text: &str) -> Json {
        parse(text).unwrap().value
    }

    fn err(text: &str) -> JsonError {
        parse(text).unwrap_err()
    }

    fn s(text: &str) -> String {
        match ok(text) {
            Json::String(s) => s,
            other => panic!("not a string: {other:?}"),
        }
    }

    #[test]
    fn scalars() {
        assert_eq!(ok("null"), Json::Null);
        assert_eq!(ok(" true "), Json::Bool(true));
        assert_eq!(ok("false"), Json::Bool(false));
        assert_eq!(ok("0"), Json::Number(0.0));
        assert_eq!(ok("-12.5e2"), Json::Number(-1250.0));
        assert_eq!(ok("1E+2"), Json::Number(100.0));
        assert_eq!(ok("1e-2"), Json::Number(0.01));
        assert_eq!(ok("0.383"), Json::Number(0.383));
    }

    #[test]
    fn every_escape() {
        assert_eq!(
            s(r#""\" \\ \/ \b \f \n \r \t""#),
            "\" \\ / \u{8} \u{c} \n \r \t"
        );
        assert_eq!(s(r#""\u0041\u00e9\u4E2D""#), "Aé中");
        assert_eq!(s(r#""\u0000""#), "\0");
        assert_eq!(s("\"plain 中文 ✓\""), "plain 中文 ✓");
        assert_eq!(err(r#""\x""#).reason, "invalid escape");
        assert_eq!(err(r#""\u12G4""#).column, 6);
        assert!(err(r#""\u12"#).reason.contains("unterminated"));
        assert!(err("\"a\u{1}b\"").reason.contains("control character"));
        assert!(err("\"a\nb\"").reason.contains("control character"));
    }

    #[test]
    fn surrogate_pairs() {
        assert_eq!(s(r#""\uD83D\uDE00""#), "😀");
        assert_eq!(s(r#""\ud834\udd1e""#), "𝄞");
        for bad in [
            r#""\uD83D""#,
            r#""\uD83Dx""#,
            r#""\uD83D\n""#,
            r#""\uD83D\u0041""#,
            r#""\uDE00""#,
            r#""\uDE00\uD83D""#,
        ] {
            assert!(err(bad).reason.contains("surrogate"), "{bad}");
        }
    }

    #[test]
    fn positions_are_lines_and_character_columns() {
        let v = parse("{\n  \"名前\": [1,\n   \"x\"]\n}").unwrap();
        let Json::Object(entries) = v.value else {
            panic!()
        };
        let Json::Array(items) = &entries[0].1.value else {
            panic!()
        };
        assert_eq!((entries[0].1.line, entries[0].1.column), (2, 9));
        assert_eq!((items[0].line, items[0].column), (2, 10));
        assert_eq!((items[1].line, items[1].column), (3, 4));
        let e = err("{\"é\": 1 2}");
        assert_eq!(
            (e.line, e.column, e.reason.as_str()),
            (1, 9, "expected `,` or `}`")
        );
    }

    #[test]
    fn syntax_errors_name_the_path() {
        let e = err("{\"a\": {\"b\": [1, {\"c\": tru}]}}");
        assert_eq!(e.path, "a.b[1].c");
        assert_eq!(
            e.to_string(),
            "a.b[1].c: expected a value (line 1, column 23)"
        );
        let e = err("{\"id\": ");
        assert_eq!(
            (e.path.as_str(), e.reason.as_str()),
            ("id", "unexpected end of input")
        );
        assert_eq!(err("[1,]").reason, "expected a value");
        assert_eq!(err("{\"a\":1,}").reason, "expected a string key");
        assert_eq!(err("{\"a\" 1}").reason, "expected `:`");
        assert_eq!(err("[1 2]").reason, "expected `,` or `]`");
        assert_eq!(err("\"abc").reason, "unterminated string");
        assert_eq!(err("").reason, "unexpected end of input");
        assert_eq!(err("[").reason, "unexpected end of input");
    }

    #[test]
    fn bad_numbers() {
        for bad in [
            "01", "-", "1.", ".5", "1e", "1e+", "+1", "-a", "0x10", "NaN", "Infinity",
        ] {
            assert!(parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn huge_numbers_are_kept_as_infinity() {
        assert_eq!(ok("1e999"), Json::Number(f64::INFINITY));
        assert_eq!(ok("-1e999"), Json::Number(f64::NEG_INFINITY));
    }

    #[test]
    fn duplicate_keys() {
        let e = err("{\"m\": {\"a\": 1, \"b\": 2, \"a\": 3}}");
        assert_eq!(e.reason, "duplicate field `a`");
        assert_eq!(e.path, "m.a");
        assert_eq!((e.line, e.column), (1, 24));
    }

    #[test]
    fn byte_order_mark() {
        let e = err("\u{feff}{}");
        assert!(e.reason.contains("byte order mark"));
        assert_eq!((e.line, e.column), (1, 1));
    }

    #[test]
    fn trailing_garbage() {
        assert!(err("{} x").reason.contains("trailing"));
        assert!(err("1 2").reason.contains("trailing"));
        assert!(err("nullx").reason.contains("trailing"));
        assert!(err("{}}").reason.contains("trailing"));
        assert_eq!(ok(" {} \n\t\r "), Json::Object(vec![]));
    }

    #[test]
    fn nesting_limit() {
        let ok_depth = "[".repeat(MAX_DEPTH) + &"]".repeat(MAX_DEPTH);
        assert!(parse(&ok_depth).is_ok());
        let too_deep = "[".repeat(MAX_DEPTH + 1) + &"]".repeat(MAX_DEPTH + 1);
        assert!(err(&too_deep).reason.contains("nesting"));
        let objects = "{\"a\":".repeat(MAX_DEPTH + 1) + "1" + &"}".repeat(MAX_DEPTH + 1);
        assert!(err(&objects).reason.contains("nesting"));
        // Far deeper input is an error, not a stack overflow.
        assert!(parse(&"[".repeat(1_000_000)).is_err());
    }
}
