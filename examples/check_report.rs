//! `cargo run --example check_report -- reports/x.json …` parses and validates report files
//! and prints what is wrong, field by field. Useful while writing a report by hand.
use report_explorer::domain::load::parse_report;

fn main() {
    let mut failed = false;
    for path in std::env::args().skip(1) {
        match std::fs::read_to_string(&path) {
            Err(err) => {
                failed = true;
                eprintln!("{path}: cannot read: {err}");
            }
            Ok(text) => match parse_report(&path, &text) {
                Ok(report) => println!(
                    "{path}: ok ({} series, {} dimensions, {} sections, {} KPIs)",
                    report.series.len(),
                    report.dimensions.len(),
                    report.sections.len(),
                    report.kpis.len()
                ),
                Err(err) => {
                    failed = true;
                    eprintln!("{err}");
                }
            },
        }
    }
    std::process::exit(i32::from(failed));
}
