//! Parsing a report data file into a [`Report`], with errors that name the file, the field and
//! the reason. Structural errors come from serde_json (which names the field and the line);
//! the field's path (`series[0].points[2].value`) is recovered from the error's position by
//! [`json_path_at`], which costs a few hundred bytes where a path-tracking deserializer would
//! double the size of every `Deserialize` impl in the app.
//! Semantic errors come from [`validate`](super::validate).

use super::schema::Report;
use super::validate::{validate, ValidationError};

/// Parses and validates one report file. `file` names it in error messages.
pub fn parse_report(file: &str, json: &str) -> Result<Report, ValidationError> {
    let report: Report = serde_json::from_str(json).map_err(|err| ValidationError {
        file: file.to_string(),
        path: json_path_at(json, err.line(), err.column()),
        reason: err.to_string(),
    })?;
    validate(file, &report)?;
    Ok(report)
}

enum Frame {
    Object { key: Option<String>, in_value: bool },
    Array { index: usize },
}

/// The path of the JSON value being read at `line`/`column` (serde_json's 1-based line and
/// byte column): `meta.title`, `series[0].points[1].year`, or empty at the top level.
pub fn json_path_at(json: &str, line: usize, column: usize) -> String {
    let bytes = json.as_bytes();
    // Byte offset of the error position.
    let mut offset = 0;
    let mut l = 1;
    while l < line && offset < bytes.len() {
        if bytes[offset] == b'\n' {
            l += 1;
        }
        offset += 1;
    }
    let end = (offset + column).min(bytes.len());

    let mut stack: Vec<Frame> = Vec::new();
    let mut i = 0;
    while i < end {
        match bytes[i] {
            b'"' => {
                // Read the string (keys need their text; values are skipped).
                let start = i + 1;
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                if let Some(Frame::Object {
                    key,
                    in_value: false,
                }) = stack.last_mut()
                {
                    *key = json.get(start..i.min(json.len())).map(str::to_string);
                }
            }
            b'{' => stack.push(Frame::Object {
                key: None,
                in_value: false,
            }),
            b'[' => stack.push(Frame::Array { index: 0 }),
            b'}' | b']' => {
                stack.pop();
            }
            b':' => {
                if let Some(Frame::Object { in_value, .. }) = stack.last_mut() {
                    *in_value = true;
                }
            }
            b',' => match stack.last_mut() {
                Some(Frame::Object { key, in_value }) => {
                    *key = None;
                    *in_value = false;
                }
                Some(Frame::Array { index }) => *index += 1,
                None => {}
            },
            _ => {}
        }
        i += 1;
    }

    let mut path = String::new();
    for frame in &stack {
        match frame {
            Frame::Object { key: Some(k), .. } => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(k);
            }
            Frame::Object { key: None, .. } => {}
            Frame::Array { index } => path.push_str(&format!("[{index}]")),
        }
    }
    path
}

#[cfg(test)]
mod tests {
    use super::*;

    fn path_of_error(json: &str) -> String {
        let err = serde_json::from_str::<serde_json::Value>(json)
            .err()
            .map(|e| (e.line(), e.column()))
            .unwrap_or((1, json.len()));
        json_path_at(json, err.0, err.1)
    }

    #[test]
    fn paths_through_objects_and_arrays() {
        let json = "{\"a\": {\"b\": [1, {\"c\": \"x,y:}\"}, 3]}}";
        // Position just after `"c": "x,y:}"` (the string's delimiters do not confuse it).
        let at = json.find("}\"}").unwrap() + 1;
        assert_eq!(json_path_at(json, 1, at), "a.b[1].c");
        let at = json.find(", 3").unwrap() + 2;
        assert_eq!(json_path_at(json, 1, at), "a.b[2]");
    }

    #[test]
    fn multi_line_positions() {
        let json = "{\n  \"meta\": {\n    \"title\": tru\n  }\n}";
        assert_eq!(path_of_error(json), "meta.title");
    }

    #[test]
    fn top_level_is_empty() {
        assert_eq!(json_path_at("{}", 1, 1), "");
        assert_eq!(json_path_at("", 5, 5), "");
    }
}
