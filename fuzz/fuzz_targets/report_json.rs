//! A report file as a reader imports it or a publisher adds it: read, validate, and — when it
//! validates — compute. Invariant: a report that validates computes without NaN or infinity
//! under every scenario a reader can reach (published, presets, every slider at either end),
//! its checks too, and it reads back unchanged from its own JSON.
#![no_main]

use libfuzzer_sys::fuzz_target;
use report_explorer::domain::load::{parse_report, read_report};
use report_explorer::domain::validate::validate;
use report_explorer_fuzz::{assert_computes_finite, assert_round_trips, files, seed_mode};

fuzz_target!(
    init: seed_mode(|| {
        let mut seeds = files("reports", &[".json"]);
        seeds.extend(files("docs", &["example-report.json"]));
        seeds
    }),
    |data: &[u8]| {
        let Ok(json) = std::str::from_utf8(data) else {
            return;
        };
        let parsed = parse_report("fuzz.json", json);
        // parse_report is read_report then validate.
        let read = read_report("fuzz.json", json);
        assert_eq!(
            parsed.is_ok(),
            read.as_ref().is_ok_and(|r| validate("fuzz.json", r).is_ok())
        );
        if let Ok(report) = parsed {
            assert_computes_finite(&report);
            assert_round_trips(&report);
        }
    }
);
