//! The three bundled reports load, carry the source's figures with the right provenance, and
//! raise the consistency checks a reader should see.
// Native only: the repo's reports are compiled in for tests (`domain::bundled`), never into the wasm.
#![cfg(not(target_arch = "wasm32"))]

use report_explorer::domain::bundled::load_bundled;
use report_explorer::domain::checks::{run_checks, CheckKind, Severity};
use report_explorer::domain::engine::model::compute;
use report_explorer::domain::scenario::{growth_key, Scenario};
use report_explorer::domain::schema::*;

fn report(id: &str) -> Report {
    let (reports, errors) = load_bundled();
    assert!(
        errors.is_empty(),
        "bundled reports failed validation: {errors:?}"
    );
    reports
        .into_iter()
        .find(|r| r.id == id)
        .expect("report present")
}

fn point(r: &Report, series: &str, year: i32) -> Point {
    r.series
        .iter()
        .find(|s| s.id == series)
        .and_then(|s| s.points.iter().find(|p| p.year == year))
        .cloned()
        .unwrap_or_else(|| panic!("{series} {year} missing"))
}

#[test]
fn all_three_reports_load_in_library_order() {
    let (reports, errors) = load_bundled();
    assert!(errors.is_empty(), "{errors:?}");
    let ids: Vec<_> = reports.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "smartphone-leasing",
            "china-call-center",
            "parent-child-community"
        ]
    );
    for r in &reports {
        assert!(!r.meta.summary.en.is_empty());
        assert!(
            r.meta.title.zh_hans.is_some() && r.meta.title.zh_hant.is_some(),
            "{}",
            r.id
        );
    }
}

#[test]
fn smartphone_headline_and_stated_vs_implied() {
    let r = report("smartphone-leasing");
    // The publisher's code, then the Chinese listing's (商品編碼 1813283).
    assert_eq!(r.meta.code.as_deref(), Some("SMRC30744 / 1813283"));
    let p25 = point(&r, "market", 2025);
    let p32 = point(&r, "market", 2032);
    assert_eq!((p25.value, p25.provenance), (2.5e9, Provenance::Reported));
    assert_eq!((p32.value, p32.provenance), (6.1e9, Provenance::Reported));

    let computed = compute(&r, &Scenario::published()).unwrap();
    let h = computed.headline.as_ref().unwrap();
    assert!((h.rate - 0.1359).abs() < 1e-3, "implied rate {}", h.rate);
    // The published path passes through both reported values; 2024 is a back-cast.
    assert!((h.value(2032).unwrap() - 6.1e9).abs() < 1.0);
    let y2032 = h.points.iter().find(|p| p.year == 2032).unwrap();
    assert_eq!(
        y2032.provenance,
        Provenance::Reported,
        "the path passes through the reported 2032 value"
    );
    let moved = compute(
        &r,
        &Scenario {
            headline_rate: Some(0.10),
            ..Scenario::default()
        },
    )
    .unwrap();
    let y2032 = moved
        .headline
        .unwrap()
        .points
        .into_iter()
        .find(|p| p.year == 2032)
        .unwrap();
    assert_eq!(y2032.provenance, Provenance::Scenario);
    let y2024 = h.points.iter().find(|p| p.year == 2024).unwrap();
    assert_eq!(y2024.provenance, Provenance::Derived);
    assert!((y2024.value - 2.5e9 / (1.0 + h.rate)).abs() < 1.0);

    let checks = run_checks(&r, &computed);
    let stated = checks
        .iter()
        .find_map(|c| match &c.kind {
            CheckKind::StatedVsImplied {
                stated,
                implied,
                stated_end,
                ..
            } => Some((c.severity, *stated, *implied, *stated_end)),
            _ => None,
        })
        .expect("stated vs implied check");
    assert_eq!(stated.0, Severity::Warning);
    assert_eq!(stated.1, 0.13);
    assert!((stated.2 - 0.136).abs() < 0.001);
    assert!(
        (stated.3 - 5.88e9).abs() < 0.01e9,
        "13% lands at {}",
        stated.3
    );
}

#[test]
fn smartphone_segments_agree_with_the_source_claims_and_reconcile() {
    let r = report("smartphone-leasing");
    assert_eq!(r.dimensions.len(), 6);
    let geo = r.dimensions.iter().find(|d| d.id == "geography").unwrap();
    assert_eq!(geo.members.len(), 5);
    // The seed lists 3 + 6 + 7 + 4 + 5 = 25 countries and rest-of entries (PRODUCT.md says 23).
    assert_eq!(
        geo.members.iter().map(|m| m.children.len()).sum::<usize>(),
        25
    );

    let computed = compute(&r, &Scenario::published()).unwrap();
    let checks = run_checks(&r, &computed);
    let claims: Vec<_> = checks
        .iter()
        .filter(|c| matches!(c.kind, CheckKind::SegmentClaim { .. }))
        .collect();
    assert_eq!(claims.len(), 4);
    assert!(
        claims.iter().all(|c| c.severity == Severity::Info),
        "{claims:?}"
    );

    for d in computed.dimensions.iter().map(|d| d.as_ref().unwrap()) {
        assert_eq!(d.provenance, Provenance::Assumption);
        for t in 0..d.years.len() {
            let sum: f64 = d.top_level().map(|row| row.values[t]).sum();
            assert!(
                (sum / d.total[t] - 1.0).abs() < 1e-9,
                "{} {}",
                d.dimension,
                d.years[t]
            );
        }
    }
}

#[test]
fn a_scenario_that_breaks_a_claim_is_flagged() {
    let r = report("smartphone-leasing");
    let mut s = Scenario::published();
    // Short-term leasing suddenly grows fastest: the source's claim no longer holds.
    s.values
        .insert(growth_key("leasing-model", "short-term-leasing"), 0.35);
    let computed = compute(&r, &s).unwrap();
    let failed = run_checks(&r, &computed).into_iter().find(|c| {
        matches!(&c.kind, CheckKind::SegmentClaim { dimension, leader, .. }
            if dimension == "leasing-model" && leader == "short-term-leasing")
    });
    assert_eq!(failed.map(|c| c.severity), Some(Severity::Warning));
    let d = computed
        .dimensions
        .iter()
        .find_map(|d| d.as_ref().ok().filter(|d| d.dimension == "leasing-model"))
        .unwrap();
    assert_eq!(d.provenance, Provenance::Scenario);
}

#[test]
fn call_center_history_bounds_and_fit() {
    let r = report("china-call-center");
    assert_eq!(point(&r, "investment", 2011).value, 701e8);
    assert_eq!(point(&r, "investment", 2012).value, 826e8);
    let b13 = point(&r, "investment", 2013);
    assert_eq!(
        (b13.provenance, b13.bound),
        (Provenance::Bound, Some(BoundSide::Lower))
    );
    assert_eq!(b13.value, 900e8);
    assert_eq!(point(&r, "investment", 2014).value, 1000e8);
    assert_eq!(point(&r, "seats", 2013).value, 700_000.0);
    assert_eq!(point(&r, "seats", 2014).provenance, Provenance::Bound);

    let computed = compute(&r, &Scenario::published()).unwrap();
    let h = computed.headline.unwrap();
    assert!((h.published.rate - (826.0 / 701.0 - 1.0)).abs() < 1e-9);
    assert_eq!(h.points.last().unwrap().year, 2022);
    assert!(h
        .points
        .iter()
        .filter(|p| p.year >= 2016)
        .all(|p| p.provenance == Provenance::Derived));

    // A reader's low rate falls below the source's "over 900亿 in 2013": flagged.
    let slow = Scenario {
        headline_rate: Some(0.02),
        ..Scenario::default()
    };
    let computed = compute(&r, &slow).unwrap();
    let violated = run_checks(&r, &computed)
        .into_iter()
        .filter(|c| {
            c.severity == Severity::Warning && matches!(c.kind, CheckKind::PathVsBound { .. })
        })
        .count();
    assert_eq!(violated, 2);
}

#[test]
fn call_center_regional_statements_imply_one_world_total() {
    let r = report("china-call-center");
    let computed = compute(&r, &Scenario::published()).unwrap();
    let check = run_checks(&r, &computed)
        .into_iter()
        .find_map(|c| match c.kind {
            CheckKind::ImpliedTotals { parts, spread, .. } => Some((c.severity, parts, spread)),
            _ => None,
        })
        .expect("implied totals check");
    assert_eq!(check.0, Severity::Info);
    for part in &check.1 {
        assert!(
            (part.3 / 1e8 - 2420.0).abs() < 1.0,
            "implied world {}",
            part.3
        );
    }
    assert!(check.2 < 0.001);
}

#[test]
fn plan_targets_contradictions_and_projection() {
    let r = report("parent-child-community");
    assert_eq!(r.kind, ReportKind::Plan);
    assert!(r.dimensions.is_empty() && r.forecast.is_none());
    let active = r.kpis.iter().find(|k| k.id == "active-users-3y").unwrap();
    assert_eq!(active.value, 3_000_000.0);
    assert_eq!(
        active.horizon,
        Some(Horizon {
            count: 3,
            cadence: Cadence::Year
        })
    );

    let computed = compute(&r, &Scenario::published()).unwrap();
    let conflicts: Vec<_> = run_checks(&r, &computed)
        .into_iter()
        .filter_map(|c| match c.kind {
            CheckKind::ConflictingTargets { metric, targets } => {
                let mut values: Vec<f64> = targets.iter().map(|t| t.1).collect();
                values.sort_by(f64::total_cmp);
                values.dedup();
                Some((metric, values))
            }
            _ => None,
        })
        .collect();
    let find = |m: &str| conflicts.iter().find(|c| c.0 == m).map(|c| c.1.clone());
    assert_eq!(find("user-growth-monthly"), Some(vec![0.08, 0.10]));
    assert_eq!(find("revenue-growth-yearly"), Some(vec![0.30, 0.50]));
    assert_eq!(find("original-articles-monthly"), Some(vec![50.0, 100.0]));

    let p = computed.projections[0].as_ref().unwrap();
    assert_eq!(p.values.len(), 37);
    assert_eq!(p.reach.unwrap().whole, 36);
}

fn fact<'a>(r: &'a Report, label_en: &str) -> &'a Fact {
    r.facts
        .iter()
        .find(|f| f.label.en == label_en)
        .unwrap_or_else(|| panic!("fact {label_en:?} missing"))
}

fn kpi<'a>(r: &'a Report, id: &str) -> &'a KpiTarget {
    r.kpis
        .iter()
        .find(|k| k.id == id)
        .unwrap_or_else(|| panic!("KPI {id:?} missing"))
}

#[test]
fn counts_the_sources_list_but_never_state_are_derived() {
    // Our counts of what the sources list: derived, and equal to what the report file lists.
    let s = report("smartphone-leasing");
    let players = fact(&s, "Key players profiled");
    assert_eq!(players.provenance, Provenance::Derived);
    assert_eq!(players.value, s.key_players.len() as f64);

    let c = report("china-call-center");
    let chapters = fact(&c, "Chapters in the report");
    assert_eq!(chapters.provenance, Provenance::Derived);
    assert_eq!(chapters.value, c.contents.chapters.len() as f64);
    let companies = fact(&c, "Companies profiled");
    assert_eq!(companies.provenance, Provenance::Derived);
    let chapter_11 = c.contents.chapters.iter().find(|ch| ch.number == "11");
    assert_eq!(companies.value, chapter_11.unwrap().children.len() as f64);
    let figures = fact(&c, "Figures listed");
    assert_eq!(figures.provenance, Provenance::Derived);
    assert_eq!(figures.value, c.contents.listed.len() as f64);
}

#[test]
fn plan_target_comparators_follow_the_source_wording() {
    let r = report("parent-child-community");
    // (KPI, comparator, the plan's words without the seed's pinyin glosses): "at least" only
    // where the plan says 至少, 以上, 超(過), 不少于 or 余; a value it simply states is exact.
    let expected = [
        ("market-share-3y", Comparator::Exactly, "市場占有率提升至5%"),
        (
            "active-users-3y",
            Comparator::AtLeast,
            "覆蓋至少300萬活躍用戶",
        ),
        ("mau-growth-01", Comparator::AtLeast, "保持在10%以上"),
        (
            "revenue-growth-01",
            Comparator::Exactly,
            "實現年營收增長50%", /* 營 garbled in the seed */
        ),
        ("profit-year-2", Comparator::AtLeast, "在第二年內實現盈利"),
        ("articles-03", Comparator::AtLeast, "每月更新至少100篇"),
        ("reads-per-article", Comparator::AtLeast, "閱讀量超過5000次"),
        ("events-per-year", Comparator::AtLeast, "每年舉辦至少20場"),
        (
            "participants-per-event",
            Comparator::AtLeast,
            "每次活動超300人",
        ),
        ("topic-participants", Comparator::AtLeast, "達到5000人以上"),
        ("expert-qa-sessions", Comparator::AtLeast, "每月舉辦至少2次"),
        ("expert-qa-satisfaction", Comparator::Exactly, "滿意度達90%"),
        ("game-users-monthly", Comparator::AtLeast, "超過10000人"),
        (
            "cms-items-monthly",
            Comparator::AtLeast,
            "月均處理內容量超200篇",
        ),
        ("engagement-growth", Comparator::Exactly, "平均每月增長10%"),
        ("articles-05", Comparator::AtLeast, "不少于50篇"),
        ("mau-growth-05", Comparator::Exactly, "月活躍用戶增長率為8%"),
        (
            "inquiries-daily",
            Comparator::AtLeast,
            "平均每天處理用戶咨詢20余次",
        ),
        ("new-hires", Comparator::Exactly, "共需新增團隊成員10名"),
        ("trainings-yearly", Comparator::AtLeast, "每年培訓至少12次"),
        (
            "staff-career-satisfaction",
            Comparator::Exactly,
            "90%的員工表示對職業發展滿意", /* 滿 garbled */
        ),
        (
            "reviewed-06-risk",
            Comparator::AtLeast,
            "每月審核文章超200篇",
        ),
        (
            "violations-monthly",
            Comparator::Exactly,
            "月均處理違規行為20起",
        ),
        (
            "reviewed-06-review",
            Comparator::AtLeast,
            "每月審核文章超200篇",
        ),
        (
            "product-iterations",
            Comparator::AtLeast,
            "每月至少進行一次產品迭代",
        ),
        (
            "ad-impressions",
            Comparator::Exactly,
            "月均廣告展示量達到100萬次",
        ),
        (
            "brand-partners-growth",
            Comparator::Exactly,
            "品牌合作數量每年增長20%",
        ),
        (
            "ad-revenue-growth-y2",
            Comparator::Exactly,
            "在第二年實現50%的增長",
        ),
        (
            "members-y1",
            Comparator::Exactly,
            "會員人數預計在第一年內達到5萬",
        ),
        (
            "member-revenue-share",
            Comparator::Exactly,
            "會員收入占增值服務總收入的60%",
        ),
        ("new-courses", Comparator::AtLeast, "每季度推出至少2門新課"),
        (
            "partnership-revenue-share",
            Comparator::Exactly,
            "收入占比將達到20%",
        ),
        (
            "cross-partnership-revenue",
            Comparator::AtLeast,
            "額外收入20%以上",
        ),
        (
            "content-partnership-reads",
            Comparator::AtLeast,
            "每月閱讀量超過50萬次",
        ),
        (
            "user-growth-08",
            Comparator::Exactly,
            "每月用戶增長目標設定為8%",
        ),
        ("content-rating", Comparator::AtLeast, "評分達到4.5分以上"),
        (
            "revenue-growth-08",
            Comparator::Exactly,
            "年增長率目標設定為30%",
        ),
        (
            "content-rating-gain",
            Comparator::Exactly,
            "平均每月內容滿意度評分提升0.3分",
        ),
        (
            "activity-effect-uplift",
            Comparator::Exactly,
            "活動效果提升10%",
        ),
        (
            "participation-uplift",
            Comparator::Exactly,
            "用戶參與率增長15%",
        ),
        ("retention-uplift", Comparator::Exactly, "留存率提升5%"),
    ];
    assert_eq!(expected.len(), r.kpis.len(), "every target is listed here");
    for (id, comparator, words) in expected {
        assert_eq!(kpi(&r, id).comparator, comparator, "{id}: {words}");
    }
}

#[test]
fn profit_in_year_two_is_a_target_whose_zero_is_ours() {
    // The plan says "profitable within year 2"; it never states a profit of ¥0.
    let r = report("parent-child-community");
    let k = kpi(&r, "profit-year-2");
    assert_eq!((k.value, k.comparator), (0.0, Comparator::AtLeast));
    assert_eq!(k.provenance, Provenance::Derived);
    assert!(k.label.en.contains("Profitable"), "{}", k.label.en);
}

fn chapter<'a>(chapters: &'a [Chapter], number: &str) -> Option<&'a Chapter> {
    chapters.iter().find_map(|c| {
        if c.number == number {
            Some(c)
        } else {
            chapter(&c.children, number)
        }
    })
}

#[test]
fn call_center_contents_read_in_both_chinese_scripts() {
    let r = report("china-call-center");
    fn walk(chapters: &[Chapter], missing: &mut Vec<String>, count: &mut usize) {
        for c in chapters {
            *count += 1;
            if c.title.zh_hans.is_none() || c.title.zh_hant.is_none() {
                missing.push(c.number.clone());
            }
            walk(&c.children, missing, count);
        }
    }
    let (mut missing, mut count) = (Vec::new(), 0);
    walk(&r.contents.chapters, &mut missing, &mut count);
    assert!(
        missing.is_empty(),
        "no Traditional (or Simplified) title: {missing:?}"
    );
    assert_eq!(count, 15 + 74 + 340, "chapters, sections, subsections");

    let zh = |n: &str| {
        let t = &chapter(&r.contents.chapters, n).unwrap().title;
        (
            t.zh_hans.clone().unwrap_or_default(),
            t.zh_hant.clone().unwrap_or_default(),
        )
    };
    // The source's one Traditional character in a Simplified title is Simplified here.
    assert_eq!(
        zh("9.3"),
        (
            "2013-2014年云呼叫中心的市场应用分析".into(),
            "2013-2014年雲呼叫中心的市場應用分析".into()
        )
    );
    // Converted subsection titles (OpenCC s2tw), including the phrases it gets wrong alone.
    assert_eq!(zh("1.1.1").1, "呼叫中心的基本定義");
    assert_eq!(zh("5.1.1").1, "呼叫中心系統的構成狀況");
    assert_eq!(zh("9.2.6").1, "公有雲計算呼叫中心運營分析");
    assert_eq!(zh("12.2.5").1, "資費標準");
}

#[test]
fn plan_platform_names_in_simplified() {
    let r = report("parent-child-community");
    let x = r
        .key_players
        .iter()
        .find(|p| p.name == "Xiaohongshu")
        .unwrap();
    assert_eq!(x.name_zh.as_deref(), Some("小红书"));
}

#[test]
fn call_center_well_known_centers_and_prices() {
    let r = report("china-call-center");
    // Chapter 12 presents five well-known call centers: each is a key player by its own name.
    let twelve = chapter(&r.contents.chapters, "12").unwrap();
    assert_eq!(twelve.children.len(), 5);
    for c in &twelve.children {
        let name = c.title.zh_hans.as_deref().unwrap();
        let player = r.key_players.iter().find(|p| p.name == name);
        let note = player.and_then(|p| p.note.as_ref()).map(|n| n.en.as_str());
        assert!(
            note.is_some_and(|n| n.contains(&format!("section {}", c.number))),
            "{name}: {note:?}"
        );
    }
    assert_eq!(r.key_players.len(), 7 + 5);

    // The listing's prices: print, electronic, both.
    let prices: Vec<(f64, Provenance)> = r
        .facts
        .iter()
        .filter(|f| f.label.en.starts_with("Report price"))
        .map(|f| {
            assert_eq!(f.unit, Unit::Currency("CNY".into()));
            (f.value, f.provenance)
        })
        .collect();
    assert_eq!(
        prices,
        [
            (7000.0, Provenance::Reported),
            (7200.0, Provenance::Reported),
            (7500.0, Provenance::Reported)
        ]
    );
}

#[test]
fn plan_contradictions_are_checks_with_their_numbers() {
    let r = report("parent-child-community");
    let computed = compute(&r, &Scenario::published()).unwrap();
    let checks = run_checks(&r, &computed);

    // 5% of the market in three years, and 3 million active users: against the 150 million
    // users of 2023, 3 million is 2%, and 5% would be 7.5 million.
    let share = checks
        .iter()
        .find_map(|c| match &c.kind {
            CheckKind::ShareVsLevel {
                implied_share,
                implied_level,
                whole,
                year,
                ..
            } => Some((c.severity, *implied_share, *implied_level, *whole, *year)),
            _ => None,
        })
        .expect("share against level");
    assert_eq!(share.0, Severity::Warning);
    assert!((share.1 - 0.02).abs() < 1e-12);
    assert!((share.2 - 7.5e6).abs() < 1e-6);
    assert_eq!((share.3, share.4), (150e6, 2023));

    // A rating of at least 4.5 rising 0.3 a month passes a five-point scale (our assumption)
    // within two months.
    let scale = checks
        .iter()
        .find_map(|c| match &c.kind {
            CheckKind::ScaleOverflow {
                scale,
                start,
                step,
                top,
                periods,
                end,
                cadence,
                ..
            } => Some((
                c.severity,
                scale.clone(),
                *start,
                *step,
                *top,
                *periods,
                *end,
                *cadence,
            )),
            _ => None,
        })
        .expect("rating past its scale");
    assert_eq!(scale.0, Severity::Warning);
    assert_eq!(
        (scale.2, scale.3, scale.4, scale.5, scale.7),
        (4.5, 0.3, 5.0, 2, Cadence::Month)
    );
    assert!((scale.6 - 5.1).abs() < 1e-9);
    let top = r.assumptions.iter().find(|a| a.id == scale.1).unwrap();
    assert!(top.note.en.starts_with("Our assumption"), "{}", top.note.en);

    // "Keeps growing" against figures that do not rise: a flat floor of ¥500 bn, and 150
    // million users (2023) then 130 million core families (2025).
    let trends: Vec<Vec<(String, i32, f64)>> = checks
        .iter()
        .filter_map(|c| match &c.kind {
            CheckKind::Trend {
                claim: TrendKind::Rises,
                points,
                ..
            } => {
                assert_eq!(c.severity, Severity::Warning);
                Some(
                    points
                        .iter()
                        .map(|p| (p.series.clone(), p.year, p.value))
                        .collect(),
                )
            }
            _ => None,
        })
        .collect();
    assert_eq!(
        trends,
        vec![
            vec![
                ("market-size".to_string(), 2023, 500e9),
                ("market-size".to_string(), 2025, 500e9)
            ],
            vec![
                ("users".to_string(), 2023, 150e6),
                ("core-families".to_string(), 2025, 130e6)
            ],
        ]
    );
}

#[test]
fn call_center_contradictions_are_checks_with_their_numbers() {
    let r = report("china-call-center");
    let computed = compute(&r, &Scenario::published()).unwrap();
    let checks = run_checks(&r, &computed);

    // "Seat growth slowed after 2005", yet 700,000 (2013) → over 800,000 (2014): ≥ 14.3%.
    let slows = checks
        .iter()
        .find_map(|c| match &c.kind {
            CheckKind::Trend {
                claim: TrendKind::Slows,
                steps,
                ..
            } => Some((c.severity, steps.clone())),
            _ => None,
        })
        .expect("seat growth claim");
    assert_eq!(slows.0, Severity::Warning);
    assert_eq!(slows.1.len(), 1);
    assert!((slows.1[0].rate - (8.0 / 7.0 - 1.0)).abs() < 1e-12);
    assert_eq!(slows.1[0].side, Some(BoundSide::Lower));

    // "2000 to 2004, three years": five calendar years.
    let span = checks
        .iter()
        .find_map(|c| match c.kind {
            CheckKind::SpanLength {
                from,
                to,
                stated,
                counted,
            } => Some((c.severity, from, to, stated, counted)),
            _ => None,
        })
        .expect("span length");
    assert_eq!(span, (Severity::Warning, 2000, 2004, 3, 5));
}

#[test]
fn every_text_of_the_bundled_reports_is_in_all_three_languages() {
    // No fallback note anywhere: a text with English has Simplified and Traditional beside it.
    fn walk(v: &serde_json::Value, path: &str, missing: &mut Vec<String>) {
        match v {
            serde_json::Value::Object(map) => {
                if map.get("en").is_some_and(|e| e.is_string())
                    && !(map.contains_key("zh-Hans") && map.contains_key("zh-Hant"))
                {
                    missing.push(path.to_string());
                }
                for (k, child) in map {
                    walk(child, &format!("{path}.{k}"), missing);
                }
            }
            serde_json::Value::Array(items) => {
                for (i, child) in items.iter().enumerate() {
                    walk(child, &format!("{path}[{i}]"), missing);
                }
            }
            _ => {}
        }
    }
    let mut missing = Vec::new();
    for (file, json) in report_explorer::domain::bundled::BUNDLED {
        walk(&serde_json::from_str(json).unwrap(), file, &mut missing);
    }
    assert!(missing.is_empty(), "{} texts: {missing:?}", missing.len());
}
