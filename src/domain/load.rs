//! Parsing a report data file into a [`Report`], with errors that name the file, the field and
//! the reason. The shape comes from the schema's serde derives (read with serde_json; the path
//! of the failing field from `serde_path_to_error`, with line and column); what serde cannot
//! see comes from [`validate`](super::validate).

use super::schema::Report;
use super::validate::{validate, ValidationError};
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
    read_json(json).map_err(|JsonFailure { path, reason }| ValidationError {
        file: file.to_string(),
        path,
        reason,
    })
}

/// Why a JSON text did not read as the expected type.
#[derive(Debug, Clone, PartialEq)]
pub struct JsonFailure {
    /// The failing field (`series[0].points[2].year`); empty for the root or a syntax error.
    pub path: String,
    /// What is wrong, with line and column.
    pub reason: String,
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
                reason: describe(&inner),
            }
        })
    }
    #[cfg(target_arch = "wasm32")]
    {
        serde_json::from_str(json).map_err(|err| JsonFailure {
            path: String::new(),
            reason: describe(&err),
        })
    }
}

/// serde_json's message without its own " at line L column C" suffix, then the position in
/// the form the rest of the app uses.
fn describe(err: &serde_json::Error) -> String {
    let text = err.to_string();
    let bare = match text.rfind(" at line ") {
        Some(at) => &text[..at],
        None => &text,
    };
    let reason = match err.classify() {
        serde_json::error::Category::Eof => format!("the file ends too early: {bare}"),
        serde_json::error::Category::Syntax => format!("not valid JSON: {bare}"),
        _ => bare.to_string(),
    };
    if err.line() == 0 {
        reason
    } else {
        format!("{reason} (line {}, column {})", err.line(), err.column())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syntax_errors_name_line_and_column() {
        let e = parse_report("x.json", "{\n  \"id\": \"a\",\n  oops\n}").unwrap_err();
        assert_eq!(e.file, "x.json");
        assert!(e.reason.starts_with("not valid JSON"), "{e}");
        assert!(e.reason.ends_with("(line 3, column 3)"), "{e}");
    }

    #[test]
    fn truncated_files_say_so() {
        let e = parse_report("x.json", "{\"id\": \"a\", \"kind\": ").unwrap_err();
        assert!(e.reason.starts_with("the file ends too early"), "{e}");
    }

    #[test]
    fn type_errors_name_the_field_path() {
        let e = parse_report("x.json", "{\"id\": 5}").unwrap_err();
        assert_eq!(e.path, "id");
        assert!(
            e.reason
                .contains("invalid type: integer `5`, expected a string"),
            "{e}"
        );
        assert!(e.reason.contains("(line 1, column 8)"), "{e}");
    }
}
