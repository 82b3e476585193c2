//! Parsing a report data file into a [`Report`], with errors that name the file, the field and
//! the reason. Structural errors come from serde (with the path of the offending field);
//! semantic ones from [`validate`](super::validate).

use super::schema::Report;
use super::validate::{validate, ValidationError};

/// Parses and validates one report file. `file` names it in error messages.
pub fn parse_report(file: &str, json: &str) -> Result<Report, ValidationError> {
    let mut deserializer = serde_json::Deserializer::from_str(json);
    let report: Report = serde_path_to_error::deserialize(&mut deserializer).map_err(|err| {
        let path = err.path().to_string();
        let inner = err.into_inner();
        ValidationError {
            file: file.to_string(),
            path: if path == "." { String::new() } else { path },
            reason: describe_serde_error(&inner),
        }
    })?;
    validate(file, &report)?;
    Ok(report)
}

/// serde's messages are precise but terse; keep them and add the position in the file.
fn describe_serde_error(err: &serde_json::Error) -> String {
    let msg = err.to_string();
    // serde_json appends " at line L column C" itself for syntax and data errors.
    if msg.contains(" at line ") {
        msg
    } else {
        format!("{msg} (line {}, column {})", err.line(), err.column())
    }
}
