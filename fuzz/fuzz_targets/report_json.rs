//! A report file as a reader imports it or a publisher adds it: read, validate, and — when it
//! validates — compute. Invariant: a report that validates computes without NaN or infinity
//! under every scenario a reader can reach (published, presets, every slider at either end),
//! its checks too, and it reads back unchanged from its own JSON.
#![no_main]

use libfuzzer_sys::fuzz_target;
use report_explorer::domain::load::{parse_report, read_report};
use report_explorer::domain::validate::validate;
use report_explorer_fuzz::{assert_computes_finite, assert_round_trips, files, seed_mode};
use serde_json::Value;

/// Multiplies every number under a key in `keys` by `factor` (keeping it finite).
fn scale(v: &mut Value, keys: &[&str], factor: f64) {
    match v {
        Value::Object(map) => {
            for (k, x) in map.iter_mut() {
                match x {
                    Value::Number(n) if keys.contains(&k.as_str()) => {
                        let y = n.as_f64().unwrap_or(0.0) * factor;
                        if let Some(y) = serde_json::Number::from_f64(y) {
                            *x = Value::Number(y);
                        }
                    }
                    _ => scale(x, keys, factor),
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|x| scale(x, keys, factor)),
        _ => {}
    }
}

/// The repo's reports, and variants at the edges of what validation lets through: every
/// value near the largest and the smallest double, and every series but the forecast's
/// negated (only a forecast's series must stay positive).
fn seeds() -> Vec<(String, Vec<u8>)> {
    let mut seeds = files("reports", &[".json"]);
    seeds.extend(files("docs", &["example-report.json"]));
    let mut variants = Vec::new();
    for (name, bytes) in &seeds {
        let Ok(report) = serde_json::from_slice::<Value>(bytes) else {
            continue;
        };
        for (tag, factor) in [("huge", 1e300), ("tiny", 1e-300)] {
            let mut v = report.clone();
            scale(&mut v, &["value", "upper"], factor);
            variants.push((format!("{tag}-{name}"), v.to_string().into_bytes()));
        }
        let mut v = report.clone();
        let forecast = v["forecast"]["series"].as_str().map(str::to_string);
        if let Some(series) = v["series"].as_array_mut() {
            for s in series {
                if s["id"].as_str() != forecast.as_deref() {
                    scale(s, &["value", "upper"], -1.0);
                }
            }
        }
        variants.push((format!("negative-{name}"), v.to_string().into_bytes()));
    }
    seeds.extend(variants);
    seeds
}

fuzz_target!(
    init: seed_mode(seeds),
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
