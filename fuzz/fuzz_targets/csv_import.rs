//! A reader's CSV/TSV in any encoding: detect and decode (GB18030 through encoding_rs, as the
//! browser's TextDecoder would), sniff, parse the table (whole and in steps), build the report.
//! Invariants: the stepped builder reads what the one-shot parse reads; an accepted table's
//! values are all finite; a built report validates, reads back from its own JSON and computes
//! without NaN or infinity.
#![no_main]

use libfuzzer_sys::fuzz_target;
use report_explorer::domain::import::{
    build_report, decode, detect_encoding, parse_table, sniff, TableBuilder, TextEncoding,
};
use report_explorer::domain::validate::validate;
use report_explorer_fuzz::{assert_computes_finite, assert_round_trips, files, seed_mode};

const FILE: &str = "fuzz.csv";

fuzz_target!(
    init: seed_mode(|| files("tests/fixtures/import", &[""])),
    |data: &[u8]| {
        let detected = detect_encoding(data);
        let text = match decode(data, detected) {
            Some(text) => text,
            None => {
                assert_eq!(detected.encoding, TextEncoding::Gb18030);
                encoding_rs::GB18030.decode(data).0.into_owned()
            }
        };
        let Ok(sniffed) = sniff(FILE, &text) else {
            return;
        };
        let options = &sniffed.options;
        let whole = parse_table(FILE, &text, options);
        // The interface parses in steps (one per animation frame): same result.
        let stepped = TableBuilder::new(FILE, &text, options).and_then(|mut b| {
            let step = 1 + data.len() % 7;
            loop {
                let p = b.step(step)?;
                assert!(p.rows_done <= p.rows_total);
                if p.finished {
                    break;
                }
            }
            b.finish()
        });
        assert_eq!(whole, stepped, "stepped parse differs from the whole parse");
        let Ok(table) = whole else {
            return;
        };
        for s in &table.series {
            assert_eq!(s.values.len(), table.years.len());
            assert!(
                s.values.iter().flatten().all(|v| v.is_finite()),
                "series {:?} has a non-finite value: {:?}",
                s.name,
                s.values
            );
        }
        let Ok(report) = build_report(FILE, &table, options) else {
            return;
        };
        if let Err(e) = validate(FILE, &report) {
            panic!("a built report does not validate: {e}");
        }
        assert_round_trips(&report);
        assert_computes_finite(&report);
    }
);
