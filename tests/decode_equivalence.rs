//! The hand-written JSON reader and decoder (`domain::json`, `domain::decode`) accept the
//! bundled reports exactly as serde's derives do, and never panic on any input.

use proptest::prelude::*;
use report_explorer::domain::bundled::BUNDLED;
use report_explorer::domain::decode::decode_report;
use report_explorer::domain::json::{parse, Json, Spanned};
use report_explorer::domain::load::parse_report;
use report_explorer::domain::schema::Report;

fn decode(text: &str) -> Result<Report, String> {
    parse(text)
        .and_then(|v| decode_report(&v))
        .map_err(|e| e.to_string())
}

#[test]
fn bundled_reports_decode_as_serde_does() {
    for (file, json) in BUNDLED {
        let theirs: Report = serde_json::from_str(json).unwrap();
        let ours = decode(json).unwrap();
        assert_eq!(ours, theirs, "{file}");
        assert_eq!(parse_report(file, json).unwrap(), theirs, "{file}");
    }
}

#[test]
fn reserialised_reports_decode_as_serde_does() {
    // serde's own encoding (compact, optional fields skipped) reads back identically.
    for (file, json) in BUNDLED {
        let report: Report = serde_json::from_str(json).unwrap();
        let compact = serde_json::to_string(&report).unwrap();
        assert_eq!(decode(&compact).unwrap(), report, "{file}");
        let pretty = serde_json::to_string_pretty(&report).unwrap();
        assert_eq!(decode(&pretty).unwrap(), report, "{file}");
    }
}

/// Edits of the smartphone report that serde and the new decoder must both reject.
#[test]
fn both_reject_the_same_edits() {
    let json = BUNDLED[0].1;
    let edits = [
        ("\"kind\": \"market\"", "\"kind\": \"Market\""),
        (
            "\"currency\": \"USD\"",
            "\"currency\": \"USD\", \"currency\": \"USD\"",
        ),
        ("\"currency\": \"USD\"", "\"currency\": null"),
        ("\"base_year\": 2025", "\"base_year\": 2025.5"),
        ("\"base_year\": 2025", "\"base_year\": 1e999"),
        ("\"base_year\": 2025", "\"base_year\": 3000000000"),
        ("\"base_year\": 2025", "\"base_year\": \"2025\""),
        ("\"code\": \"SMRC30744\"", "\"code\": 1"),
        (
            "\"id\": \"smartphone-leasing\"",
            "\"id\": \"smartphone-leasing\", \"extra\": 1",
        ),
        ("\"from\": 2025, \"to\": 2032", "\"from\": 2025"),
        ("{\"implied\": {", "{\"stated\": 0, \"implied\": {"),
        ("2500000000", "1e999"),
        ("{", "\u{feff}{"),
    ];
    for (from, to) in edits {
        assert!(json.contains(from), "{from}");
        let text = json.replacen(from, to, 1);
        assert!(
            serde_json::from_str::<Report>(&text).is_err(),
            "serde accepts {to}"
        );
        assert!(decode(&text).is_err(), "decoder accepts {to}");
    }
    let text = json.to_string() + " x";
    assert!(serde_json::from_str::<Report>(&text).is_err());
    assert!(decode(&text).is_err());
}

/// The one place where serde's behaviour is subtle: `#[serde(flatten)]` together with
/// `deny_unknown_fields`.
#[test]
fn flattened_assumption_matches_serde() {
    let json = BUNDLED[2].1;
    let report: Report = serde_json::from_str(json).unwrap();
    assert!(!report.assumptions.is_empty());
    let one = serde_json::to_string(&report.assumptions[0]).unwrap();
    let theirs = |t: &str| serde_json::from_str::<report_explorer::domain::schema::Assumption>(t);
    // Accepted as is; an unknown key or a nested `range` is rejected by both.
    assert!(theirs(&one).is_ok());
    let text = r#"{"id": "a", "unit": "percent", "label": {"en": "l"}, "note": {"en": "n"},
        "default": 0.1, "min": 0, "max": 1, "step": 0.1}"#;
    assert!(theirs(text).is_ok());
    let good = json.replacen(
        "\"assumptions\": [",
        &format!("\"assumptions\": [{text},"),
        1,
    );
    assert!(decode(&good).is_ok());
    for extra in [", \"typo\": 1", ", \"range\": {}"] {
        let bad = text.replacen("}", &format!("}}{extra}"), 1);
        assert!(theirs(&bad).is_err(), "{bad}");
        let report_text = json.replacen(
            "\"assumptions\": [",
            &format!("\"assumptions\": [{bad},"),
            1,
        );
        assert!(decode(&report_text).is_err(), "{bad}");
    }
}

/// Whether a number in `v` overflowed to infinity (which serde_json rejects while parsing).
fn has_infinity(v: &Spanned) -> bool {
    match &v.value {
        Json::Number(n) => n.is_infinite(),
        Json::Array(items) => items.iter().any(has_infinity),
        Json::Object(entries) => entries.iter().any(|(_, v)| has_infinity(v)),
        _ => false,
    }
}

fn mutate(text: &str, edits: &[(u8, prop::sample::Index, u8)]) -> String {
    let mut bytes = text.as_bytes().to_vec();
    for (kind, at, byte) in edits {
        let i = at.index(bytes.len() + 1);
        match kind % 3 {
            0 if i < bytes.len() => {
                bytes.remove(i);
            }
            1 => bytes.insert(i, *byte),
            _ if i < bytes.len() => bytes[i] = *byte,
            _ => {}
        }
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

/// Characters that make random strings look like JSON often enough to reach deep states.
const JSONISH: &[char] = &[
    '{', '}', '[', ']', '"', '\\', ':', ',', ' ', '\n', '0', '1', '9', '-', '+', '.', 'e', 'E',
    't', 'r', 'u', 'f', 'a', 'l', 's', 'n', 'x', 'D', '8', 'é', '中', '\u{feff}', '\u{1}',
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2_000))]

    #[test]
    fn arbitrary_strings_never_panic(text in any::<String>()) {
        let _ = parse(&text);
        prop_assert!(parse_report("p.json", &text).is_err());
    }

    #[test]
    fn jsonish_strings_never_panic(chars in prop::collection::vec(prop::sample::select(JSONISH), 0..300)) {
        let text: String = chars.into_iter().collect();
        if let Ok(v) = parse(&text) {
            // Whatever parses is well-formed JSON to serde too.
            let serde_ok = serde_json::from_str::<serde_json::Value>(&text).is_ok();
            prop_assert!(serde_ok || has_infinity(&v), "{:?} {:?}", text, v);
        }
        prop_assert!(parse_report("p.json", &text).is_err());
    }

    #[test]
    fn mutated_reports_never_panic(
        which in 0..BUNDLED.len(),
        edits in prop::collection::vec((any::<u8>(), any::<prop::sample::Index>(), any::<u8>()), 1..6),
    ) {
        let (file, json) = BUNDLED[which];
        let text = mutate(json, &edits);
        let ours = parse_report(file, &text);
        // When serde accepts the edit, so does the new decoder, with the same result.
        if let Ok(theirs) = serde_json::from_str::<Report>(&text) {
            prop_assert_eq!(decode(&text), Ok(theirs));
        }
        if let Err(e) = ours {
            prop_assert!(e.to_string().starts_with(file));
        }
    }
}
