//! `cargo bench --bench recompute`: how long a full recompute of a report takes (headline path,
//! every segment of every dimension, plan projections, and all consistency checks).
//! Prints figures; asserts nothing about speed (the machine is shared and noisy).

use report_explorer::domain::bundled::load_bundled;
use report_explorer::domain::checks::run_checks;
use report_explorer::domain::engine::model::compute;
use report_explorer::domain::scenario::Scenario;
use std::hint::black_box;
use std::time::{Duration, Instant};

fn measure(mut f: impl FnMut()) -> (Duration, Duration, usize) {
    // Warm up, then time batches until about half a second has passed.
    for _ in 0..50 {
        f();
    }
    let mut samples = Vec::new();
    let start = Instant::now();
    while start.elapsed() < Duration::from_millis(500) || samples.len() < 20 {
        let t = Instant::now();
        for _ in 0..10 {
            f();
        }
        samples.push(t.elapsed() / 10);
    }
    samples.sort();
    (samples[samples.len() / 2], samples[0], samples.len() * 10)
}

fn main() {
    let (reports, errors) = load_bundled();
    assert!(errors.is_empty(), "{errors:?}");
    let (parse, parse_min, _) = measure(|| {
        black_box(load_bundled());
    });
    println!("parse + validate all bundled reports: median {parse:?} (min {parse_min:?})");
    for report in &reports {
        let mut scenario = Scenario::published();
        scenario.headline_rate = Some(0.15);
        let (median, min, runs) = measure(|| {
            let computed = compute(black_box(report), black_box(&scenario)).unwrap();
            black_box(run_checks(report, &computed));
        });
        let rows: usize = compute(report, &scenario)
            .map(|c| c.dimensions.iter().flatten().map(|d| d.rows.len()).sum())
            .unwrap_or(0);
        println!(
            "full recompute {:<24} {rows:>3} segment rows: median {median:?} (min {min:?}, {runs} runs)",
            report.id
        );
    }
}
