//! The three bundled reports load, carry the source's figures with the right provenance, and
//! raise the consistency checks a reader should see.
// Native only: the repo's reports are compiled in for tests (`domain::bundled`), never into the wasm.
#![cfg(not(target_arch = "wasm32"))]

use report_explorer::domain::bundled::load_bundled;
use report_explorer::domain::checks::{run_checks, CheckKind, Severity};
use report_explorer::domain::engine::model::compute;
use report_explorer::domain::format::{chinese_name, Conversion, Locale, Shown};
use report_explorer::domain::scenario::{
    growth_key, growth_meaning, growth_meaning_of, preset, share_key, GrowthMeaning, Preset,
    Scenario,
};
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
    // "900多": at least 900亿 and below 1000亿.
    assert_eq!((b13.value, b13.upper), (900e8, Some(1000e8)));
    assert_eq!(point(&r, "investment", 2014).upper, None);
    assert_eq!(point(&r, "investment", 2014).value, 1000e8);
    assert_eq!(point(&r, "seats", 2013).value, 700_000.0);
    assert_eq!(point(&r, "seats", 2014).provenance, Provenance::Bound);

    let computed = compute(&r, &Scenario::published()).unwrap();
    let h = computed.headline.unwrap();
    // Not the one year 2011 → 2012 (17.8%): see call_center_rate_uses_every_year_of_evidence.
    assert!(h.published.rate < 826.0 / 701.0 - 1.0 - 0.03);
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
    // Each Chinese interface shows the name in its own script; 微信 is written alike in both.
    assert_eq!(chinese_name(x, Locale::ZhHans), Some("小红书"));
    assert_eq!(chinese_name(x, Locale::ZhHant), Some("小紅書"));
    assert_eq!(chinese_name(x, Locale::En), Some("小红书"));
    let wechat = r.key_players.iter().find(|p| p.name == "WeChat").unwrap();
    assert_eq!(wechat.name_zh_hant, None);
    for l in Locale::ALL {
        assert_eq!(chinese_name(wechat, l), Some("微信"));
    }
    // Every Traditional name the plan shows is in Traditional script where the two differ.
    for p in &r.key_players {
        let hant = chinese_name(p, Locale::ZhHant).unwrap_or_default();
        assert!(!hant.contains('红') && !hant.contains('书'), "{hant}");
    }
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

/// A copy of a series point moved to another year and value (keeps every other field).
fn moved(p: &Point, year: i32, value: f64) -> Point {
    let mut p = p.clone();
    p.year = year;
    p.value = value;
    p
}

#[test]
fn call_center_rate_uses_every_year_of_evidence() {
    let r = report("china-call-center");
    let h = compute(&r, &Scenario::published())
        .unwrap()
        .headline
        .unwrap();
    let rate = h.published.rate;
    // Log-linear least squares through 826 (2012) over each other year once: 701 (2011),
    // the middle of 900–1000 (2013) and the floor of 1000 (2014).
    let ln = |v: f64| (v / 826.0).ln();
    let slope = (-ln(701.0) + ln((900.0f64 * 1000.0).sqrt()) + 2.0 * ln(1000.0)) / 6.0;
    assert!((rate - slope.exp_m1()).abs() < 1e-12, "{rate}");
    // Not one year's growth (17.8%) compounded: within what 2012 → ≥ 1000 (2014) needs and
    // what keeps 2013 under 1000.
    assert!(
        rate > (1000.0f64 / 826.0).sqrt() - 1.0 && rate < 0.145,
        "{rate}"
    );
    let at = |y: i32| h.value(y).unwrap();
    assert!(at(2013) >= 900e8 && at(2013) < 1000e8, "{}", at(2013));
    assert!(at(2014) >= 1000e8, "{}", at(2014));
    // The history shows the source's values, not a back-cast.
    let p11 = h.points.iter().find(|p| p.year == 2011).unwrap();
    assert_eq!((p11.value, p11.provenance), (701e8, Provenance::Reported));
    assert!(at(2022) / at(2012) < 3.2, "{}", at(2022) / at(2012));
}

#[test]
fn a_fit_raised_to_a_bound_publishes_a_path_that_honours_it() {
    // The engine's own case: reported 5% a year (1000 → 1050), but "over 1300" in 2014.
    let mut r = report("china-call-center");
    let s = &mut r.series[0];
    let (rep, floor) = (s.points[0].clone(), s.points[3].clone());
    s.points = vec![
        moved(&rep, 2011, 1000.0),
        moved(&rep, 2012, 1050.0),
        moved(&floor, 2014, 1300.0),
    ];
    let computed = compute(&r, &Scenario::published()).unwrap();
    let h = computed.headline.as_ref().unwrap();
    let v14 = h.value(2014).unwrap();
    assert!(v14 >= 1300.0 * (1.0 - 1e-12), "{v14}");
    assert!(run_checks(&r, &computed)
        .iter()
        .all(|c| !matches!(c.kind, CheckKind::PathVsBound { .. }) || c.severity == Severity::Info));
}

#[test]
fn a_share_the_reader_sets_is_the_share_shown() {
    let r = report("smartphone-leasing");
    let mut s = Scenario::published();
    s.values.insert(share_key("type", "camera-modules"), 0.32);
    let computed = compute(&r, &s).unwrap();
    let d = computed
        .dimensions
        .iter()
        .find_map(|d| d.as_ref().ok().filter(|d| d.dimension == "type"))
        .unwrap();
    let b = d.base_index;
    let share = |m: &str| d.row(m).unwrap().values[b] / d.total[b];
    assert!((share("camera-modules") - 0.32).abs() < 1e-12);
    // The others absorb the change in proportion: 0.68 / 0.70 of their defaults.
    for (m, default) in [("display-screen-modules", 0.2), ("audio-modules", 0.07)] {
        assert!((share(m) - default * 0.68 / 0.70).abs() < 1e-12, "{m}");
    }
}

#[test]
fn bear_and_bull_move_top_down_segments_with_the_headline() {
    let r = report("smartphone-leasing");
    let published = compute(&r, &Scenario::published()).unwrap();
    let rate = published.headline.as_ref().unwrap().published.rate;
    let cagr = |c: &report_explorer::domain::engine::model::Computed, m: &str| {
        let d = c
            .dimensions
            .iter()
            .find_map(|d| d.as_ref().ok().filter(|d| d.dimension == "type"))
            .unwrap();
        let v = &d.row(m).unwrap().values;
        let n = (v.len() - 1 - d.base_index) as f64;
        (v[v.len() - 1] / v[d.base_index]).powf(1.0 / n)
    };
    for p in [Preset::Bear, Preset::Bull] {
        let s = preset(&r, rate, p);
        // Relative growth is the segments' spread, not their level: a preset leaves it alone.
        assert!(s.values.keys().all(|k| !k.ends_with(".growth")), "{s:?}");
        let c = compute(&r, &s).unwrap();
        let h = c.headline.as_ref().unwrap().rate;
        assert!((p == Preset::Bear) == (h < rate));
        // Every segment's growth factor moves by the headline's factor: the spread is kept.
        for m in ["camera-modules", "audio-modules"] {
            let ratio = cagr(&c, m) / cagr(&published, m);
            assert!(
                (ratio - (1.0 + h) / (1.0 + rate)).abs() < 1e-12,
                "{m} {p:?}"
            );
        }
    }
}

#[test]
fn a_growth_slider_means_what_its_label_says() {
    let r = report("smartphone-leasing");
    let dim = |r: &Report, s: &Scenario| {
        compute(r, s)
            .unwrap()
            .dimensions
            .into_iter()
            .find_map(|d| d.ok().filter(|d| d.dimension == "type"))
            .unwrap()
    };
    // Top-down: relative growth. At a 20% headline, camera modules (relative growth 13%) grow
    // at about 19.3% a year: the slider is labelled relative growth, and the CAGR shown beside
    // it is the row's.
    assert_eq!(
        growth_meaning(&r.dimensions[0], true),
        GrowthMeaning::Relative
    );
    let mut s = Scenario {
        headline_rate: Some(0.2),
        ..Scenario::default()
    };
    let cagr = dim(&r, &s).cagr("camera-modules").unwrap();
    assert!((cagr - 0.193).abs() < 0.001, "{cagr}");
    // Children divide their parent: relative, whatever the dimension's mode.
    let mut bottom_up = r.clone();
    bottom_up.dimensions[0].mode = ReconcileMode::BottomUp;
    assert_eq!(
        growth_meaning(&bottom_up.dimensions[0], false),
        GrowthMeaning::Relative
    );
    // Bottom-up: the segment's own growth, which is exactly its CAGR.
    assert_eq!(
        growth_meaning(&bottom_up.dimensions[0], true),
        GrowthMeaning::Own
    );
    s.values.insert(growth_key("type", "camera-modules"), 0.21);
    let d = dim(&bottom_up, &s);
    assert!((d.cagr("camera-modules").unwrap() - 0.21).abs() < 1e-12);
    assert!((d.cagr("audio-modules").unwrap() - 0.12).abs() < 1e-12);
}

/// The power tools name an input by its key; the meaning they name is the slider's.
#[test]
fn a_growth_keys_meaning_is_its_sliders() {
    let r = report("smartphone-leasing");
    let key = growth_key("type", "camera-modules");
    assert_eq!(growth_meaning_of(&r, &key), Some(GrowthMeaning::Relative));
    let mut bottom_up = r.clone();
    bottom_up.dimensions[0].mode = ReconcileMode::BottomUp;
    assert_eq!(
        growth_meaning_of(&bottom_up, &key),
        Some(GrowthMeaning::Own)
    );
    // A child divides its parent: relative in a bottom-up dimension too.
    let geo = bottom_up
        .dimensions
        .iter_mut()
        .find(|d| d.id == "geography")
        .unwrap();
    geo.mode = ReconcileMode::BottomUp;
    let us = &mut geo.members[0].children[0];
    assert_eq!(us.id, "us");
    us.growth = Some(AssumptionRange {
        default: 0.1,
        min: 0.0,
        max: 0.3,
        step: 0.005,
    });
    assert_eq!(
        growth_meaning_of(&bottom_up, &growth_key("geography", "us")),
        Some(GrowthMeaning::Relative)
    );
    assert_eq!(
        growth_meaning_of(&bottom_up, &growth_key("geography", "north-america")),
        Some(GrowthMeaning::Own)
    );
    for other in [
        share_key("type", "camera-modules"),
        growth_key("type", "flux-capacitor"),
        growth_key("nope", "camera-modules"),
        "headline".to_string(),
    ] {
        assert_eq!(growth_meaning_of(&r, &other), None, "{other}");
    }
}

#[test]
fn call_center_presets_stay_within_what_the_source_allows() {
    // 40% below the fitted 12.1% would be 7.3%: the path would miss "1000亿以上" in 2014.
    let r = report("china-call-center");
    let published = compute(&r, &Scenario::published()).unwrap();
    let rate = published.headline.as_ref().unwrap().published.rate;
    for p in [Preset::Bear, Preset::Bull] {
        let s = preset(&r, rate, p);
        let c = compute(&r, &s).unwrap();
        let broken: Vec<_> = run_checks(&r, &c)
            .into_iter()
            .filter(|c| {
                c.severity == Severity::Warning && matches!(c.kind, CheckKind::PathVsBound { .. })
            })
            .collect();
        assert!(broken.is_empty(), "{p:?}: {broken:?}");
        let h = c.headline.unwrap();
        assert!(h.value(2013).unwrap() <= 1000e8 * (1.0 + 1e-12), "{p:?}");
    }
    // Bear sits on the slowest rate the bounds allow: 826 → 1000 by 2014.
    let bear = preset(&r, rate, Preset::Bear).headline_rate.unwrap();
    assert!(
        (bear - ((1000.0f64 / 826.0).sqrt() - 1.0)).abs() < 1e-12,
        "{bear}"
    );
}

/// "900多亿" in 2013 is at least 900亿 and below 1000亿: a reader's 25% puts 2013 at about
/// 1,032亿, above the interval, and the check says so (its top used to go untested).
#[test]
fn a_path_above_an_interval_is_flagged() {
    use report_explorer::i18n::checks::describe;
    let r = report("china-call-center");
    let fast = Scenario {
        headline_rate: Some(0.25),
        ..Scenario::default()
    };
    let computed = compute(&r, &fast).unwrap();
    assert!((computed.headline.as_ref().unwrap().value(2013).unwrap() - 1032.5e8).abs() < 1e3);
    let bound_checks: Vec<_> = run_checks(&r, &computed)
        .into_iter()
        .filter(|c| matches!(c.kind, CheckKind::PathVsBound { .. }))
        .collect();
    let warnings: Vec<_> = bound_checks
        .iter()
        .filter(|c| c.severity == Severity::Warning)
        .collect();
    assert_eq!(warnings.len(), 1, "{bound_checks:?}");
    let w = warnings[0];
    assert_eq!(w.key, "check.bound.violated");
    assert!(
        matches!(w.kind, CheckKind::PathVsBound { year: 2013, side: BoundSide::Lower, upper: Some(u), .. } if u == 1e11),
        "{w:?}"
    );
    assert_eq!(
        describe(w, &r, Shown::as_reported(Locale::En)),
        "The source puts 2013 at ¥90\u{a0}bn or more and below ¥100\u{a0}bn, but the path in force gives ¥103\u{a0}bn, above the interval: this growth rate contradicts the source."
    );
    // The reader's display conversion reaches the check's figures too.
    let to_usd = Conversion {
        from: "CNY".into(),
        to: "USD".into(),
        rate: 0.5,
    };
    assert_eq!(
        describe(w, &r, Shown::new(Locale::En, Some(&to_usd))),
        "The source puts 2013 at US$45\u{a0}bn or more and below US$50\u{a0}bn, but the path in force gives US$51.6\u{a0}bn, above the interval: this growth rate contradicts the source."
    );
    for (l, words, top) in [
        (Locale::ZhHans, "高于该区间", "低于 1,000亿元"),
        (Locale::ZhHant, "高於該區間", "低於 1,000億元"),
    ] {
        let text = describe(w, &r, Shown::as_reported(l));
        assert!(text.contains(words) && text.contains(top), "{text}");
    }
    // Under the published rate the same check holds and names the interval.
    let published = compute(&r, &Scenario::published()).unwrap();
    let held = run_checks(&r, &published)
        .into_iter()
        .find(|c| matches!(c.kind, CheckKind::PathVsBound { year: 2013, .. }))
        .unwrap();
    assert_eq!(held.severity, Severity::Info);
    assert!(describe(&held, &r, Shown::as_reported(Locale::En))
        .contains("below ¥100\u{a0}bn; the path in force gives"));
    // The fastest rate the fit allows reaches the top and is still allowed.
    let top = Scenario {
        headline_rate: Some(1000.0 / 826.0 - 1.0),
        ..Scenario::default()
    };
    let computed = compute(&r, &top).unwrap();
    assert!(run_checks(&r, &computed)
        .iter()
        .all(|c| !matches!(c.kind, CheckKind::PathVsBound { .. }) || c.severity == Severity::Info));
}

/// Every text of a report, as (where, text), the English and both Chinese scripts.
fn all_texts(r: &Report) -> Vec<(String, String)> {
    fn walk(v: &serde_json::Value, path: &str, out: &mut Vec<(String, String)>) {
        match v {
            serde_json::Value::String(s) => out.push((path.to_string(), s.clone())),
            serde_json::Value::Array(a) => {
                for (i, x) in a.iter().enumerate() {
                    walk(x, &format!("{path}[{i}]"), out);
                }
            }
            serde_json::Value::Object(m) => {
                for (k, x) in m {
                    walk(x, &format!("{path}.{k}"), out);
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(&serde_json::to_value(r).unwrap(), "", &mut out);
    out
}

const CUMULATIVE: [&str; 3] = ["umulative", "累计", "累計"];
const MARKET_INVESTMENT: [&str; 3] = ["market investment", "市场投资", "市場投資"];

fn says_any(text: &str, words: &[&str]) -> bool {
    words.iter().any(|w| text.contains(w))
}

/// The source says 累计投资规模 (cumulative investment) of 2011 and 2012 and 市场投资 (market
/// investment) of 2013 and 2014; reading the four as one cumulative series is ours, and the
/// texts must not put the first term on all four years.
#[test]
fn call_center_texts_keep_the_sources_two_terms_apart() {
    let r = report("china-call-center");
    let texts = |t: &LocalText| {
        [
            t.en.clone(),
            t.zh_hans.clone().unwrap(),
            t.zh_hant.clone().unwrap(),
        ]
    };
    // The card's headline spans 2011 → 2014: no "cumulative".
    for h in texts(&r.meta.headline) {
        assert!(!says_any(&h, &CUMULATIVE), "{h}");
        assert!(h.contains("2011") && h.contains("2014"), "{h}");
    }
    // The summary names both terms and says the single series is our reading.
    for (s, ours) in
        texts(&r.meta.summary)
            .into_iter()
            .zip(["is ours", "本工具的解读", "本工具的解讀"])
    {
        assert!(
            says_any(&s, &CUMULATIVE) && says_any(&s, &MARKET_INVESTMENT),
            "{s}"
        );
        assert!(s.contains(ours), "{s}");
    }
    // A fact called cumulative is a 2011 or 2012 figure; the 2014 floor is market investment.
    for f in &r.facts {
        for label in texts(&f.label) {
            if says_any(&label, &CUMULATIVE) {
                assert!(
                    matches!(f.year, Some(2011 | 2012)),
                    "{label} ({:?})",
                    f.year
                );
            }
        }
    }
    let floor = r.facts.iter().find(|f| f.year == Some(2014)).unwrap();
    for label in texts(&floor.label) {
        assert!(says_any(&label, &MARKET_INVESTMENT), "{label}");
    }
    // Any other text that calls a 2013 or 2014 figure cumulative names the other term too.
    for (path, text) in all_texts(&r) {
        if path.contains("contents") || !says_any(&text, &CUMULATIVE) {
            continue;
        }
        if text.contains("2013") || text.contains("2014") {
            assert!(says_any(&text, &MARKET_INVESTMENT), "{path}: {text}");
        }
    }
}

/// The published rate is fitted to every year the source gives a figure for, and no text says
/// otherwise.
#[test]
fn call_center_texts_say_the_fit_uses_every_year() {
    use report_explorer::domain::engine::model::published_rate;
    let r = report("china-call-center");
    let fit = published_rate(&r).unwrap().fit.unwrap();
    let years: Vec<i32> = fit.observations.iter().map(|o| o.year).collect();
    assert_eq!(years, [2011, 2013, 2014]);
    for (path, text) in all_texts(&r) {
        for span in ["2011–2012", "2011-2012", "2011 and 2012 only", "2011—2012"] {
            assert!(!text.contains(span), "{path}: {text}");
        }
    }
    let section = r
        .sections
        .iter()
        .find(|s| s.title.en == "No published forecast values")
        .unwrap();
    let s = &section.summary;
    for text in [
        &s.en,
        s.zh_hans.as_ref().unwrap(),
        s.zh_hant.as_ref().unwrap(),
    ] {
        for year in ["2011", "2012", "2013", "2014"] {
            assert!(text.contains(year), "{year}: {text}");
        }
    }
}
