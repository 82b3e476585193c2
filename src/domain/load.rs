//! Parsing a report data file into a [`Report`], with errors that name the file, the field and
//! the reason (values: [`ValidationError`], [`JsonProblem`]). The shape comes from the schema's serde derives (read with serde_json; the path
//! of the failing field from `serde_path_to_error`, with line and column); what serde cannot
//! see comes from [`validate`](super::validate).

use super::schema::Report;
use super::validate::{validate, Problem, ValidationError};
use serde::de::DeserializeOwned;

/// Parses and validates one report file. `file` names it in error messages.
pub fn parse_report(file: &str, json: &str) -> Result<Report, ValidationError> {
    let report = read_report(file, json)?;
    validate(file, &report)?;
    Ok(report)
}

/// Reads a report file's shape only (no semantic validation): syntax and schema errors come
/// back with the field path, line and column.
pub fn read_report(file: &str, json: &str) -> Result<Report, ValidationError> {
    read_json(json).map_err(|JsonFailure { path, problem }| ValidationError {
        file: file.to_string(),
        path,
        problem: Problem::Json(Box::new(problem)),
    })
}

/// Why a JSON text did not read as the expected type.
#[derive(Debug, Clone, PartialEq)]
pub struct JsonFailure {
    /// The failing field (`series[0].points[2].year`); empty for the root or a syntax error.
    pub path: String,
    pub problem: JsonProblem,
}

/// What serde_json refused, and where. `detail` is the parser's own message (English, without
/// its position); the kinds a reader can act on are told apart so they can be worded in the
/// reader's language with the names from the file.
#[derive(Debug, Clone, PartialEq)]
pub struct JsonProblem {
    pub kind: JsonKind,
    pub detail: String,
    /// 1-based; 0 when the parser gives no position.
    pub line: usize,
    pub column: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub enum JsonKind {
    /// The text stops in the middle of a value (a truncated upload).
    EndsEarly,
    /// Not JSON at this point.
    Syntax,
    MissingField(String),
    /// A field the format does not have, with the names it expected there.
    UnknownField {
        name: String,
        expected: Vec<String>,
    },
    /// A value that is not one of the names allowed there.
    UnknownVariant {
        name: String,
        expected: Vec<String>,
    },
    DuplicateField(String),
    /// A value of the wrong type or out of range: `detail` says which.
    Data,
}

/// Reads any of the app's JSON files into its type with serde_json, naming the failing field.
///
/// Natively (the catalogue tool a publisher runs, tests) the failing field's path comes from
/// `serde_path_to_error`. In the wasm the reader gets serde_json's message (which names the
/// field for unknown or missing fields) with line and column, but no path: tracking the path
/// wraps every schema type's deserializer a second time, measured at about 50 KB of gzipped
/// wasm (146 KB before compression) — a third of the budget's remaining room.
pub fn read_json<T: DeserializeOwned>(json: &str) -> Result<T, JsonFailure> {
    #[cfg(not(target_arch = "wasm32"))]
    {
        let de = &mut serde_json::Deserializer::from_str(json);
        serde_path_to_error::deserialize(de).map_err(|err| {
            let path = err.path().to_string();
            let inner = err.into_inner();
            JsonFailure {
                // `.` is serde_path_to_error's name for the root, `?` for "not known" (syntax).
                path: if path == "." || path == "?" {
                    String::new()
                } else {
                    path
                },
                problem: describe(&inner),
            }
        })
    }
    #[cfg(target_arch = "wasm32")]
    {
        serde_json::from_str(json).map_err(|err| JsonFailure {
            path: String::new(),
            problem: describe(&err),
        })
    }
}

/// serde_json's error as a value: its message without the " at line L column C" suffix, the
/// kind (serde's messages for fields and variants have a fixed form: "missing field `x`",
/// "unknown field `x`, expected one of `a`, `b`"), and the position.
fn describe(err: &serde_json::Error) -> JsonProblem {
    use serde_json::error::Category;
    let text = err.to_string();
    let detail = match text.rfind(" at line ") {
        Some(at) => &text[..at],
        None => &text,
    };
    let names = quoted_names(detail);
    let first = || names.first().cloned().unwrap_or_default();
    let kind = match err.classify() {
        Category::Eof => JsonKind::EndsEarly,
        Category::Syntax => JsonKind::Syntax,
        _ if detail.starts_with("missing field `") => JsonKind::MissingField(first()),
        _ if detail.starts_with("duplicate field `") => JsonKind::DuplicateField(first()),
        _ if detail.starts_with("unknown field `") => JsonKind::UnknownField {
            name: first(),
            expected: names.iter().skip(1).cloned().collect(),
        },
        _ if detail.starts_with("unknown variant `") => JsonKind::UnknownVariant {
            name: first(),
            expected: names.iter().skip(1).cloned().collect(),
        },
        _ => JsonKind::Data,
    };
    JsonProblem {
        kind,
        detail: detail.to_string(),
        line: err.line(),
        column: err.column(),
    }
}

/// The names between backticks in one of serde's messages, in order.
fn quoted_names(message: &str) -> Vec<String> {
    message
        .split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_string)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn json_problem(e: &ValidationError) -> &JsonProblem {
        match &e.problem {
            Problem::Json(p) => p,
            other => panic!("not a JSON problem: {other:?}"),
        }
    }

    #[test]
    fn syntax_errors_name_line_and_column() {
        let e = parse_report("x.json", "{\n  \"id\": \"a\",\n  oops\n}").unwrap_err();
        assert_eq!(e.file, "x.json");
        let p = json_problem(&e);
        assert_eq!((&p.kind, p.line, p.column), (&JsonKind::Syntax, 3, 3));
        let reason = e.problem.to_string();
        assert!(reason.starts_with("not valid JSON"), "{e}");
        assert!(reason.ends_with("(line 3, column 3)"), "{e}");
    }

    #[test]
    fn truncated_files_say_so() {
        let e = parse_report("x.json", "{\"id\": \"a\", \"kind\": ").unwrap_err();
        assert_eq!(json_problem(&e).kind, JsonKind::EndsEarly);
        assert!(
            e.problem.to_string().starts_with("the file ends too early"),
            "{e}"
        );
    }

    #[test]
    fn type_errors_name_the_field_path() {
        let e = parse_report("x.json", "{\"id\": 5}").unwrap_err();
        assert_eq!(e.path, "id");
        assert_eq!(json_problem(&e).kind, JsonKind::Data);
        let reason = e.problem.to_string();
        assert!(
            reason.contains("invalid type: integer `5`, expected a string"),
            "{e}"
        );
        assert!(reason.contains("(line 1, column 8)"), "{e}");
    }

    #[test]
    fn field_and_variant_names_are_kept_apart_from_the_message() {
        let kind = |text: &str| {
            json_problem(&parse_report("x.json", text).unwrap_err())
                .kind
                .clone()
        };
        assert_eq!(
            kind("{\"id\": \"a\", \"kidn\": 1}"),
            JsonKind::UnknownField {
                name: "kidn".into(),
                expected: kind_fields()
            }
        );
        assert_eq!(
            kind("{\"id\": \"a\", \"id\": \"b\"}"),
            JsonKind::DuplicateField("id".into())
        );
        assert_eq!(
            kind("{\"id\": \"a\"}"),
            JsonKind::MissingField("kind".into())
        );
        match kind("{\"id\": \"a\", \"kind\": \"guess\"}") {
            JsonKind::UnknownVariant { name, expected } => {
                assert_eq!(name, "guess");
                assert!(expected.contains(&"market".to_string()), "{expected:?}");
            }
            other => panic!("{other:?}"),
        }
    }

    /// The report's top-level fields, as serde lists them for an unknown one.
    fn kind_fields() -> Vec<String> {
        let e = parse_report("x.json", "{\"zzz\": 1}").unwrap_err();
        match &json_problem(&e).kind {
            JsonKind::UnknownField { expected, .. } => {
                assert!(expected.contains(&"meta".to_string()), "{expected:?}");
                expected.clone()
            }
            other => panic!("{other:?}"),
        }
    }
}
