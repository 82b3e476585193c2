//! A tiny JSON writer (RFC 8259) for the files the explorer writes itself: saved scenarios and
//! data exports. The counterpart of the strict reader in [`json`](super::json); keeping both
//! hand-written keeps serde's monomorphised code out of the wasm bundle.
//!
//! Values are built as a small tree ([`Out`]) and printed either compactly or "pretty": two
//! spaces of indentation, with short containers of scalars kept on one line (a data point
//! `{"year": 2025, "value": 2500000000, "provenance": "reported"}` stays readable and the file
//! stays short). Numbers print in Rust's shortest round-trip form, which is plain decimal (no
//! exponent) and reads back to the same `f64` bit for bit. JSON has no NaN or infinity: NaN
//! is written as `null`, infinities as `±1e999` (which the reader keeps as ±infinity, so a value
//! read from a file writes back as it was read). Nothing here panics.

use super::json::Json;

/// A JSON value to be written. Object keys keep their insertion order.
#[derive(Debug, Clone, PartialEq)]
pub enum Out {
    Null,
    Bool(bool),
    Number(f64),
    String(String),
    Array(Vec<Out>),
    Object(Vec<(String, Out)>),
}

/// Containers of scalars shorter than this stay on one line in pretty output.
const INLINE_WIDTH: usize = 100;

impl Out {
    pub fn str(s: &str) -> Out {
        Out::String(s.to_string())
    }

    /// `Some(x)` as a number, `None` as `null`.
    pub fn opt_number(x: Option<f64>) -> Out {
        x.map_or(Out::Null, Out::Number)
    }

    /// `Some(s)` as a string, `None` as `null`.
    pub fn opt_str(s: Option<&str>) -> Out {
        s.map_or(Out::Null, Out::str)
    }

    /// An object from `(key, value)` pairs.
    pub fn object<K: Into<String>>(entries: impl IntoIterator<Item = (K, Out)>) -> Out {
        Out::Object(entries.into_iter().map(|(k, v)| (k.into(), v)).collect())
    }

    /// A value read by [`json::parse`](super::json::parse), to be written back unchanged (an
    /// entry that could not be used is kept as it was, never dropped).
    pub fn from_json(value: &Json) -> Out {
        match value {
            Json::Null => Out::Null,
            Json::Bool(b) => Out::Bool(*b),
            Json::Number(n) => Out::Number(*n),
            Json::String(s) => Out::String(s.clone()),
            Json::Array(items) => {
                Out::Array(items.iter().map(|i| Out::from_json(&i.value)).collect())
            }
            Json::Object(entries) => Out::Object(
                entries
                    .iter()
                    .map(|(k, v)| (k.clone(), Out::from_json(&v.value)))
                    .collect(),
            ),
        }
    }

    /// Compact text: no whitespace at all.
    pub fn to_compact(&self) -> String {
        let mut out = String::new();
        self.write_compact(&mut out);
        out
    }

    /// Pretty text with two-space indentation and a final newline.
    pub fn to_pretty(&self) -> String {
        let mut out = String::new();
        self.write_pretty(&mut out, 0);
        out.push('\n');
        out
    }

    fn is_scalar(&self) -> bool {
        !matches!(self, Out::Array(_) | Out::Object(_))
    }

    fn write_compact(&self, out: &mut String) {
        self.write_flat(out, ",", ":");
    }

    /// One-line form with a space after `:` and `,`, used for short containers of scalars.
    fn write_inline(&self, out: &mut String) {
        self.write_flat(out, ", ", ": ");
    }

    /// One line, with the given separators between items and after keys; nested values are
    /// always compact.
    fn write_flat(&self, out: &mut String, comma: &str, colon: &str) {
        match self {
            Out::Null => out.push_str("null"),
            Out::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Out::Number(n) => write_number(out, *n),
            Out::String(s) => write_string(out, s),
            Out::Array(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push_str(comma);
                    }
                    item.write_compact(out);
                }
                out.push(']');
            }
            Out::Object(entries) => {
                out.push('{');
                for (i, (k, v)) in entries.iter().enumerate() {
                    if i > 0 {
                        out.push_str(comma);
                    }
                    write_string(out, k);
                    out.push_str(colon);
                    v.write_compact(out);
                }
                out.push('}');
            }
        }
    }

    /// The one-line form, if this is a short container of scalars.
    fn inline_form(&self) -> Option<String> {
        let all_scalar = match self {
            Out::Array(items) => items.iter().all(Out::is_scalar),
            Out::Object(entries) => entries.iter().all(|(_, v)| v.is_scalar()),
            _ => true,
        };
        if !all_scalar {
            return None;
        }
        let mut s = String::new();
        self.write_inline(&mut s);
        (s.chars().count() <= INLINE_WIDTH).then_some(s)
    }

    fn write_pretty(&self, out: &mut String, depth: usize) {
        if let Some(line) = self.inline_form() {
            out.push_str(&line);
            return;
        }
        let indent = |out: &mut String, d: usize| {
            for _ in 0..d {
                out.push_str("  ");
            }
        };
        match self {
            Out::Array(items) => {
                out.push_str("[\n");
                for (i, item) in items.iter().enumerate() {
                    indent(out, depth + 1);
                    item.write_pretty(out, depth + 1);
                    if i + 1 < items.len() {
                        out.push(',');
                    }
                    out.push('\n');
                }
                indent(out, depth);
                out.push(']');
            }
            Out::Object(entries) => {
                out.push_str("{\n");
                for (i, (k, v)) in entries.iter().enumerate() {
                    indent(out, depth + 1);
                    write_string(out, k);
                    out.push_str(": ");
                    v.write_pretty(out, depth + 1);
                    if i + 1 < entries.len() {
                        out.push(',');
                    }
                    out.push('\n');
                }
                indent(out, depth);
                out.push('}');
            }
            scalar => scalar.write_compact(out),
        }
    }
}

/// A number in shortest round-trip decimal form; NaN as `null`, infinities as `±1e999`.
pub fn write_number(out: &mut String, n: f64) {
    if n.is_nan() {
        out.push_str("null");
    } else if n == f64::INFINITY {
        out.push_str("1e999");
    } else if n == f64::NEG_INFINITY {
        out.push_str("-1e999");
    } else {
        // Rust's `Display` for f64 is the shortest string that reads back to the same value and
        // never uses an exponent, so it is always a valid JSON number.
        out.push_str(&n.to_string());
    }
}

/// A string with the escapes JSON requires (quote, backslash, control characters).
pub fn write_string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if u32::from(c) < 0x20 => out.push_str(&format!("\\u{:04x}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::json::parse;

    #[test]
    fn round_trips_through_the_reader() {
        let v = Out::object([
            (
                "name",
                Out::str("a \"quoted\"\\ name,\nwith\tcontrols \u{1} and 中文 😀"),
            ),
            ("n", Out::Number(0.1)),
            ("big", Out::Number(2.5e9)),
            ("tiny", Out::Number(1.234e-10)),
            ("neg", Out::Number(-13.5)),
            (
                "list",
                Out::Array(vec![Out::Null, Out::Bool(true), Out::Bool(false)]),
            ),
            ("empty", Out::Array(vec![])),
            (
                "nested",
                Out::object([(
                    "x",
                    Out::object([("y", Out::Array(vec![Out::object::<String>([])]))]),
                )]),
            ),
        ]);
        for text in [v.to_compact(), v.to_pretty()] {
            let back = parse(&text).unwrap_or_else(|e| panic!("{e}: {text}"));
            assert_eq!(Out::from_json(&back.value), v, "{text}");
        }
    }

    #[test]
    fn numbers_are_plain_and_exact() {
        for x in [
            0.0,
            1.0,
            2500000000.0,
            0.13590341,
            1e-7,
            6.1e9,
            123456.789,
            f64::MAX,
            f64::MIN_POSITIVE,
        ] {
            let mut s = String::new();
            write_number(&mut s, x);
            assert!(!s.contains('e') && !s.contains('E'), "{s}");
            assert_eq!(s.parse::<f64>().unwrap().to_bits(), x.to_bits());
        }
        let mut s = String::new();
        write_number(&mut s, f64::NAN);
        write_number(&mut s, f64::INFINITY);
        assert_eq!(s, "null1e999");
    }

    #[test]
    fn pretty_keeps_short_scalar_containers_on_one_line() {
        let v = Out::object([(
            "points",
            Out::Array(vec![Out::object([
                ("year", Out::Number(2025.0)),
                ("value", Out::Number(2.5e9)),
            ])]),
        )]);
        assert_eq!(
            v.to_pretty(),
            "{\n  \"points\": [\n    {\"year\": 2025, \"value\": 2500000000}\n  ]\n}\n"
        );
    }
}
