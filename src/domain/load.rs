//! Parsing a report data file into a [`Report`], with errors that name the file, the field and
//! the reason. Syntax comes from [`json`](super::json), the schema's shape from
//! [`decode`](super::decode) (both name the field's path, line and column, and keep serde's
//! `Deserialize` code out of the wasm bundle); semantic errors come from
//! [`validate`](super::validate).

use super::decode::decode_report;
use super::json::parse;
use super::schema::Report;
use super::validate::{validate, ValidationError};

/// Parses and validates one report file. `file` names it in error messages.
pub fn parse_report(file: &str, json: &str) -> Result<Report, ValidationError> {
    let report = parse(json)
        .and_then(|value| decode_report(&value))
        .map_err(|err| ValidationError {
            file: file.to_string(),
            reason: format!("{} (line {}, column {})", err.reason, err.line, err.column),
            path: err.path,
        })?;
    validate(file, &report)?;
    Ok(report)
}
