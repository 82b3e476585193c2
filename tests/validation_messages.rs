//! Bad report files get a message that names the file, the field and the reason; nothing panics.
// Native only: the repo's reports are compiled in for tests (`domain::bundled`), never into the wasm.
#![cfg(not(target_arch = "wasm32"))]

use report_explorer::domain::bundled::BUNDLED;
use report_explorer::domain::load::parse_report;

fn smartphone() -> serde_json::Value {
    serde_json::from_str(BUNDLED[0].1).unwrap()
}

fn error_for(value: &serde_json::Value) -> String {
    parse_report("mine.json", &value.to_string())
        .expect_err("should be rejected")
        .to_string()
}

#[test]
fn unknown_field_is_named() {
    let mut v = smartphone();
    v["meta"]["titel"] = "typo".into();
    let e = error_for(&v);
    assert!(e.starts_with("mine.json: meta"), "{e}");
    assert!(e.contains("unknown field “titel”"), "{e}");
}

#[test]
fn missing_value_is_named() {
    let mut v = smartphone();
    v["meta"].as_object_mut().unwrap().remove("currency");
    let e = error_for(&v);
    assert!(e.contains("missing field “currency”"), "{e}");
}

#[test]
fn non_finite_number_is_rejected() {
    let text = BUNDLED[0].1.replacen("2500000000", "1e999", 1);
    let e = parse_report("mine.json", &text).unwrap_err().to_string();
    assert!(e.starts_with("mine.json: series[0].points[0].value"), "{e}");
}

#[test]
fn year_out_of_range_is_named() {
    let mut v = smartphone();
    v["series"][0]["points"][1]["year"] = 20320.into();
    let e = error_for(&v);
    assert_eq!(
        e,
        "mine.json: series[0].points[1].year: year 20320 out of range 1900–2100"
    );
}

#[test]
fn shares_that_do_not_sum_are_named() {
    let mut v = smartphone();
    let share = &mut v["dimensions"][0]["members"][0]["share"];
    share["default"] = share["max"].clone();
    let e = error_for(&v);
    assert!(
        e.starts_with("mine.json: dimensions[0].members: shares that do not sum"),
        "{e}"
    );
}

#[test]
fn unknown_dimension_member_is_named() {
    let mut v = smartphone();
    v["segment_claims"][0]["member"] = "flux-capacitor".into();
    let e = error_for(&v);
    assert!(
        e.contains("segment_claims[0].member: unknown dimension member \"flux-capacitor\""),
        "{e}"
    );
}

#[test]
fn syntax_errors_give_a_position() {
    let e = parse_report("mine.json", "{\"id\": ")
        .unwrap_err()
        .to_string();
    assert!(e.starts_with("mine.json: "), "{e}");
    assert!(e.contains("line 1"), "{e}");
}

#[test]
fn garbage_never_panics() {
    for text in [
        "",
        "null",
        "[]",
        "42",
        "{}",
        "{\"id\":\"x\"}",
        "\u{feff}{",
        "{\"id\":1}",
    ] {
        assert!(parse_report("g.json", text).is_err(), "{text:?}");
    }
}

#[test]
fn two_values_in_the_same_year_are_named_before_any_fit() {
    // The call-center headline is fitted to its reported history; a second 2012 value used to
    // reach the fit and come back as "the bounds contradict each other".
    let mut v: serde_json::Value = serde_json::from_str(BUNDLED[1].1).unwrap();
    v["series"][0]["points"][0]["year"] = 2012.into();
    let e = error_for(&v);
    assert_eq!(
        e,
        "mine.json: series[0].points[1].year: a second value for 2012: a series has one point a year (give a range as a bound, or pick one value)"
    );
}

#[test]
fn negative_values_only_where_a_forecast_reads_them() {
    let call_center = || -> serde_json::Value {
        let text = BUNDLED
            .iter()
            .find(|(name, _)| *name == "china-call-center.json")
            .expect("bundled")
            .1;
        serde_json::from_str(text).unwrap()
    };
    // The forecast series ("investment") may not go below zero…
    let mut v = call_center();
    assert_eq!(v["forecast"]["series"], "investment");
    v["series"][0]["points"][0]["value"] = (-1.0).into();
    let e = error_for(&v);
    assert!(
        e.contains("series[0].points[0].value: a value of the series the forecast extends may not be negative"),
        "{e}"
    );
    // …a context series may (a balance, a temperature anomaly).
    let mut v = call_center();
    assert_eq!(v["series"][1]["id"], "seats");
    v["series"][1]["points"][0]["value"] = (-1.0).into();
    assert!(parse_report("mine.json", &v.to_string()).is_ok());
}
fn call_center() -> serde_json::Value {
    serde_json::from_str(BUNDLED[1].1).unwrap()
}

#[test]
fn an_interval_reads_as_a_lower_bound_with_an_upper_value() {
    // "900多": at least 900亿, below 1000亿.
    let v = call_center();
    let p = &v["series"][0]["points"][2];
    assert_eq!(
        (p["bound"].as_str(), p["upper"].as_f64()),
        (Some("lower"), Some(1e11))
    );
    assert!(parse_report("mine.json", &v.to_string()).is_ok());
}

#[test]
fn an_upper_value_needs_a_lower_bound_below_it() {
    let mut v = call_center();
    v["series"][0]["points"][0]["upper"] = 8e10.into();
    assert_eq!(
        error_for(&v),
        "mine.json: series[0].points[0].upper: \"upper\" closes a lower bound into an interval: only a point with bound \"lower\" may have one"
    );
    let mut v = call_center();
    v["series"][0]["points"][2]["upper"] = 9e10.into();
    assert_eq!(
        error_for(&v),
        "mine.json: series[0].points[2].upper: upper 90000000000 must be above the value 90000000000"
    );
}

#[test]
fn evidence_that_leaves_no_growth_rate_is_named() {
    // From 826亿 (2012), under 930亿 in 2013 allows at most 12.6% a year, while over 1300亿
    // in 2014 needs at least 25.5%: no one rate does both.
    let mut v = call_center();
    v["series"][0]["points"][2]["upper"] = 9.3e10.into();
    v["series"][0]["points"][3]["value"] = 1.3e11.into();
    let e = error_for(&v);
    assert_eq!(
        e,
        "mine.json: forecast.published_rate: no growth rate fits the series: the bounds contradict each other"
    );
}

fn plan() -> serde_json::Value {
    serde_json::from_str(BUNDLED[2].1).unwrap()
}

/// A trend claim's series is a reference: a typo used to skip the check silently.
#[test]
fn a_trend_claims_series_must_exist() {
    let mut v = call_center();
    assert_eq!(v["trend_claims"][0]["series"][0], "seats");
    v["trend_claims"][0]["series"][0] = "seat".into();
    assert_eq!(
        error_for(&v),
        "mine.json: trend_claims[0].series[0]: unknown series \"seat\""
    );
    let mut v = plan();
    v["trend_claims"][1]["series"][1] = "core-family".into();
    assert_eq!(
        error_for(&v),
        "mine.json: trend_claims[1].series[1]: unknown series \"core-family\""
    );
    let mut v = call_center();
    v["trend_claims"][0]["series"] = serde_json::json!([]);
    assert_eq!(
        error_for(&v),
        "mine.json: trend_claims[0].series: missing value: a trend claim names the series it speaks of"
    );
    let mut v = call_center();
    v["trend_claims"][0]["years"]["from"] = 2015.into();
    assert_eq!(
        error_for(&v),
        "mine.json: trend_claims[0].years: year range 2015–2014 runs backwards"
    );
}

/// A KPI's `of` names a series (a share), an assumption (a level's scale) or a level KPI (a
/// rate or throughput); a typo used to skip the check silently.
#[test]
fn a_kpis_of_must_name_what_its_kind_needs() {
    let mut v = plan();
    assert_eq!(v["kpis"][0]["of"], "users");
    v["kpis"][0]["of"] = "user".into();
    assert_eq!(
        error_for(&v),
        "mine.json: kpis[0].of: unknown series \"user\": a share's \"of\" names the series it is a share of"
    );
    let mut v = plan();
    assert_eq!(v["kpis"][35]["of"], "content-rating-scale");
    v["kpis"][35]["of"] = "rating-scale".into();
    assert_eq!(
        error_for(&v),
        "mine.json: kpis[35].of: unknown assumption \"rating-scale\": a level's \"of\" names the assumption giving the top of its scale"
    );
    let mut v = plan();
    assert_eq!(v["kpis"][37]["of"], "content-rating");
    v["kpis"][37]["of"] = "content-ratings".into();
    assert_eq!(
        error_for(&v),
        "mine.json: kpis[37].of: unknown KPI \"content-ratings\": a rate's \"of\" names the level target it changes"
    );
    let mut v = plan();
    v["kpis"][37]["of"] = "market-share-3y".into();
    assert_eq!(
        error_for(&v),
        "mine.json: kpis[37].of: KPI \"market-share-3y\" is not a level: a rate's \"of\" names the level target it changes"
    );
}

/// A development's `years` is the length the source gives a span; a typo'd date or a stray
/// field used to skip the check silently.
#[test]
fn a_developments_years_belongs_to_a_span() {
    let mut v = call_center();
    let i = v["developments"]
        .as_array()
        .unwrap()
        .iter()
        .position(|d| d.get("years").is_some())
        .unwrap();
    assert_eq!(v["developments"][i]["date"], "2000/2004");
    v["developments"][i]["date"] = "2000".into();
    assert_eq!(
        error_for(&v),
        format!("mine.json: developments[{i}].years: \"years\" is the length the source gives a span: only a span date (YYYY/YYYY) may have one, not \"2000\"")
    );
    let mut v = call_center();
    v["developments"][i]["years"] = 0.into();
    assert_eq!(
        error_for(&v),
        format!("mine.json: developments[{i}].years: a span of 0 years")
    );
}

/// A key player's Traditional name stands beside its Simplified one; older files without it
/// still load.
#[test]
fn a_traditional_name_needs_its_simplified_one() {
    let mut v = plan();
    let players = v["key_players"].as_array().unwrap();
    let i = players
        .iter()
        .position(|p| p["name"] == "Xiaohongshu")
        .unwrap();
    assert_eq!(v["key_players"][i]["name_zh_hant"], "小紅書");
    v["key_players"][i]
        .as_object_mut()
        .unwrap()
        .remove("name_zh_hant");
    assert!(parse_report("mine.json", &v.to_string()).is_ok());
    let mut v = plan();
    v["key_players"][i]
        .as_object_mut()
        .unwrap()
        .remove("name_zh");
    assert_eq!(
        error_for(&v),
        format!("mine.json: key_players[{i}].name_zh_hant: the Traditional form of name_zh: give name_zh (Simplified) too")
    );
    let mut v = plan();
    v["key_players"][i]["name_zh_hant"] = " ".into();
    assert_eq!(
        error_for(&v),
        format!("mine.json: key_players[{i}].name_zh_hant: empty text: omit the field instead")
    );
}

#[test]
fn a_rate_range_must_hold_the_published_rate_and_run_forwards() {
    // Smartphone: published 13.59% (implied 2025–2032).
    let mut v = smartphone();
    v["forecast"]["rate_range"]["max"] = 0.10.into();
    let e = error_for(&v);
    assert!(
        e.starts_with("mine.json: forecast.rate_range: the published rate 0.1359 lies outside min 0 – max 0.1"),
        "{e}"
    );
    let mut v = smartphone();
    v["forecast"]["rate_range"]["min"] = 0.5.into();
    let e = error_for(&v);
    assert_eq!(
        e,
        "mine.json: forecast.rate_range: min 0.5 is above max 0.3"
    );
}

#[test]
fn the_base_year_is_the_forecasts_anchor() {
    let mut v = smartphone();
    v["meta"]["base_year"] = 2024.into();
    let e = error_for(&v);
    assert_eq!(
        e,
        "mine.json: meta.base_year: the base year 2024 must be the forecast's anchor year 2025"
    );
}

#[test]
fn an_assumption_reads_its_range_beside_its_fields_and_refuses_unknown_ones() {
    let plan = BUNDLED
        .iter()
        .find(|(file, _)| file.contains("parent-child-community"))
        .expect("the plan report is bundled");
    let mut v: serde_json::Value = serde_json::from_str(plan.1).unwrap();
    let report = parse_report("plan.json", plan.1).expect("the plan report reads");
    let first = &v["assumptions"][0];
    let range = report.assumptions[0].range;
    assert_eq!(Some(range.default), first["default"].as_f64());
    assert_eq!(Some(range.step), first["step"].as_f64());
    v["assumptions"][0]["defualt"] = 1.into();
    let e = error_for(&v);
    assert!(e.contains("unknown field “defualt”"), "{e}");
    v["assumptions"][0]
        .as_object_mut()
        .unwrap()
        .remove("defualt");
    v["assumptions"][0].as_object_mut().unwrap().remove("max");
    let e = error_for(&v);
    assert!(e.contains("missing field “max”"), "{e}");
}

#[test]
fn a_blank_english_singular_of_a_count_is_named() {
    let call_centre = BUNDLED
        .iter()
        .find(|(file, _)| *file == "china-call-center.json")
        .expect("the call-centre report is bundled");
    let mut v: serde_json::Value = serde_json::from_str(call_centre.1).unwrap();
    // Its series of seats counts "1 seat", "2 seats" in English.
    let i = v["series"]
        .as_array()
        .and_then(|s| s.iter().position(|s| s["id"] == "seats"))
        .expect("a series of seats");
    let unit = &mut v["series"][i]["unit"]["count"];
    assert_eq!(unit["en-one"], "seat");
    unit["en-one"] = " ".into();
    let e = error_for(&v);
    assert!(e.contains(&format!("series[{i}].unit.count.en-one")), "{e}");
}
