//! The repo's reports (`reports/*.json`) compiled in, for native tests, benchmarks and the
//! catalogue's tests. Never part of the wasm: the app fetches report files at run time.

use super::load::parse_report;
use super::schema::Report;
use super::validate::ValidationError;

/// (file name, contents) of every bundled report, in library order.
pub const BUNDLED: &[(&str, &str)] = &[
    (
        "smartphone-leasing.json",
        include_str!("../../reports/smartphone-leasing.json"),
    ),
    (
        "china-call-center.json",
        include_str!("../../reports/china-call-center.json"),
    ),
    (
        "parent-child-community.json",
        include_str!("../../reports/parent-child-community.json"),
    ),
];

/// Parses every bundled report. Failures come back beside the successes, never as a panic.
pub fn load_bundled() -> (Vec<Report>, Vec<ValidationError>) {
    let mut reports = Vec::new();
    let mut errors = Vec::new();
    for (file, json) in BUNDLED {
        match parse_report(file, json) {
            Ok(r) => reports.push(r),
            Err(e) => errors.push(e),
        }
    }
    (reports, errors)
}
