//! Consistency checks worded for a reader, in each interface language.

use super::{fill, Locale};
use crate::domain::checks::{Check, CheckKind};
use crate::domain::format::{self, pick};
use crate::domain::schema::{BoundSide, ClaimKind, Report, Unit};
use crate::domain::validate::find_member;

fn series_unit(report: &Report, id: &str) -> Unit {
    report
        .series
        .iter()
        .find(|s| s.id == id)
        .map(|s| s.unit.clone())
        .unwrap_or(Unit::Number)
}

fn member_name(report: &Report, dimension: &str, member: &str, locale: Locale) -> String {
    report
        .dimensions
        .iter()
        .find(|d| d.id == dimension)
        .and_then(|d| find_member(&d.members, member))
        .map(|m| pick(&m.name, locale).0.to_string())
        .unwrap_or_else(|| member.to_string())
}

fn dimension_name(report: &Report, dimension: &str, locale: Locale) -> String {
    report
        .dimensions
        .iter()
        .find(|d| d.id == dimension)
        .map(|d| pick(&d.name, locale).0.to_string())
        .unwrap_or_else(|| dimension.to_string())
}

/// "a and b", "a, b and c" (或 "a、b 与 c").
fn join_list(items: &[String], locale: Locale) -> String {
    let (comma, and) = match locale {
        Locale::En => (", ", " and "),
        Locale::ZhHans => ("、", " 与 "),
        Locale::ZhHant => ("、", " 與 "),
    };
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{}{and}{last}", init.join(comma)),
    }
}

/// "Figure 15" → "图 15" in Chinese, as the contents view names listed items.
fn listed_label(number: &str, locale: Locale) -> String {
    let forms = [
        ("Figure ", ["Figure ", "图 ", "圖 "]),
        ("Table ", ["Table ", "表 ", "表 "]),
    ];
    let i = match locale {
        Locale::En => 0,
        Locale::ZhHans => 1,
        Locale::ZhHant => 2,
    };
    forms
        .iter()
        .find_map(|(prefix, words)| {
            number
                .strip_prefix(prefix)
                .map(|n| format!("{}{}", words[i], n.trim()))
        })
        .unwrap_or_else(|| number.to_string())
}

/// One sentence (or two) saying what the check found, with its numbers.
pub fn describe(check: &Check, report: &Report, locale: Locale) -> String {
    let l = locale;
    let t = |en: &str, hans: &str, hant: &str| -> String {
        match l {
            Locale::En => en.to_string(),
            Locale::ZhHans => hans.to_string(),
            Locale::ZhHant => hant.to_string(),
        }
    };
    match &check.kind {
        CheckKind::StatedVsImplied {
            series,
            from_year,
            to_year,
            stated,
            implied,
            stated_end,
            reported_end,
        } => {
            let unit = series_unit(report, series);
            let args = [
                format::percent(*stated, 1),
                from_year.to_string(),
                to_year.to_string(),
                format::percent(*implied, 1),
                format::value(*stated_end, &unit, l),
                format::value(*reported_end, &unit, l),
            ];
            let args: Vec<&str> = args.iter().map(String::as_str).collect();
            let template = if check.key.ends_with("agrees") {
                t(
                    "The stated {0} a year for {1}–{2} agrees with the {3} the reported values imply.",
                    "所述 {1}–{2} 年每年 {0} 与报告值隐含的 {3} 一致。",
                    "所述 {1}–{2} 年每年 {0} 與報告值隱含的 {3} 一致。",
                )
            } else {
                t(
                    "The source states {0} a year for {1}–{2}, but its own values imply {3}: compounding {0} gives {4} in {2}, not the reported {5}.",
                    "来源称 {1}–{2} 年每年增长 {0}，但其自身数值隐含 {3}：按 {0} 复利计算，{2} 年为 {4}，而非报告的 {5}。",
                    "來源稱 {1}–{2} 年每年成長 {0}，但其自身數值隱含 {3}：按 {0} 複利計算，{2} 年為 {4}，而非報告的 {5}。",
                )
            };
            fill(&template, &args)
        }
        CheckKind::ImpliedTotals {
            year,
            parts,
            spread,
            ..
        } => {
            let list: Vec<String> = parts
                .iter()
                .map(|(name, value, share, whole)| {
                    let unit = Unit::Currency(report.share_statements.first().map_or_else(
                        String::new,
                        |s| match &s.unit {
                            Unit::Currency(c) => c.clone(),
                            _ => String::new(),
                        },
                    ));
                    let sep = if l == Locale::En { " = " } else { "＝" };
                    format!(
                        "{}{sep}{} ({}) → {}",
                        pick(name, l).0,
                        format::value(*value, &unit, l),
                        format::percent(*share, 1),
                        format::value(*whole, &unit, l)
                    )
                })
                .collect();
            let joiner = if l == Locale::En { "; " } else { "；" };
            let template = if check.key.ends_with("agree") {
                t(
                    "In {0} the stated shares imply the same total: {1} (they differ by {2}).",
                    "{0} 年各部分的份额隐含同一总量：{1}（相差 {2}）。",
                    "{0} 年各部分的份額隱含同一總量：{1}（相差 {2}）。",
                )
            } else {
                t(
                    "In {0} the stated shares imply different totals: {1} (they differ by {2}).",
                    "{0} 年各部分的份额隐含不同的总量：{1}（相差 {2}）。",
                    "{0} 年各部分的份額隱含不同的總量：{1}（相差 {2}）。",
                )
            };
            fill(
                &template,
                &[
                    &year.to_string(),
                    &list.join(joiner),
                    &format::percent(*spread, 2),
                ],
            )
        }
        CheckKind::ConflictingTargets { targets, .. } => {
            let kpi = |id: &str| report.kpis.iter().find(|k| k.id == id);
            let label = targets
                .first()
                .and_then(|t| kpi(&t.0))
                .map(|k| pick(&k.label, l).0.to_string())
                .unwrap_or_default();
            let list: Vec<String> = targets
                .iter()
                .map(|(id, value, section)| {
                    let unit = kpi(id).map(|k| k.unit.clone()).unwrap_or(Unit::Number);
                    format!(
                        "{} ({})",
                        format::value(*value, &unit, l),
                        pick(section, l).0
                    )
                })
                .collect();
            let joiner = if l == Locale::En { " vs " } else { " 对 " };
            let joiner = if l == Locale::ZhHant { " 對 " } else { joiner };
            fill(
                &t(
                    "The plan sets different targets for “{0}”: {1}.",
                    "计划对“{0}”设定了不同的目标：{1}。",
                    "計劃對「{0}」設定了不同的目標：{1}。",
                ),
                &[&label, &list.join(joiner)],
            )
        }
        CheckKind::PathVsBound {
            series,
            year,
            bound,
            side,
            path_value,
        } => {
            let unit = series_unit(report, series);
            let (word_en, word_hans, word_hant) = match side {
                BoundSide::Lower => ("at least", "至少", "至少"),
                BoundSide::Upper => ("at most", "至多", "至多"),
            };
            let args = [
                year.to_string(),
                format::value(*bound, &unit, l),
                format::value(*path_value, &unit, l),
            ];
            let args: Vec<&str> = args.iter().map(String::as_str).collect();
            let template = if check.key.ends_with("holds") {
                t(
                    &format!("The source puts {{0}} at {word_en} {{1}}; the path in force gives {{2}}, which respects it."),
                    &format!("来源称 {{0}} 年{word_hans} {{1}}；当前路径为 {{2}}，符合该界限。"),
                    &format!("來源稱 {{0}} 年{word_hant} {{1}}；當前路徑為 {{2}}，符合該界限。"),
                )
            } else {
                t(
                    &format!("The source puts {{0}} at {word_en} {{1}}, but the path in force gives {{2}}: this growth rate contradicts the source."),
                    &format!("来源称 {{0}} 年{word_hans} {{1}}，但当前路径为 {{2}}：此增长率与来源矛盾。"),
                    &format!("來源稱 {{0}} 年{word_hant} {{1}}，但當前路徑為 {{2}}：此成長率與來源矛盾。"),
                )
            };
            fill(&template, &args)
        }
        CheckKind::SegmentClaim {
            claim,
            dimension,
            member,
            leader,
        } => {
            let dim = dimension_name(report, dimension, l);
            let m = member_name(report, dimension, member, l);
            let lead = member_name(report, dimension, leader, l);
            let holds = check.key.ends_with("holds");
            let template = match (claim, holds) {
                (ClaimKind::LargestShare, true) => t(
                    "The source calls {1} the largest segment of {0}; the model agrees in every year.",
                    "来源称 {1} 是{0}中最大的细分市场；模型在每一年都与之一致。",
                    "來源稱 {1} 是{0}中最大的細分市場；模型在每一年都與之一致。",
                ),
                (ClaimKind::LargestShare, false) => t(
                    "The source calls {1} the largest segment of {0}, but in this model {2} overtakes it.",
                    "来源称 {1} 是{0}中最大的细分市场，但在此模型中 {2} 超过了它。",
                    "來源稱 {1} 是{0}中最大的細分市場，但在此模型中 {2} 超過了它。",
                ),
                (ClaimKind::FastestGrowth, true) => t(
                    "The source expects {1} to grow fastest in {0}; the model agrees.",
                    "来源预计 {1} 在{0}中增长最快；模型与之一致。",
                    "來源預計 {1} 在{0}中成長最快；模型與之一致。",
                ),
                (ClaimKind::FastestGrowth, false) => t(
                    "The source expects {1} to grow fastest in {0}, but in this model {2} grows faster.",
                    "来源预计 {1} 在{0}中增长最快，但在此模型中 {2} 增长更快。",
                    "來源預計 {1} 在{0}中成長最快，但在此模型中 {2} 成長更快。",
                ),
            };
            fill(&template, &[&dim, &m, &lead])
        }
        CheckKind::RepeatedTitle { numbers, title } => fill(
            &t(
                "The contents give {0} the same title, “{1}”.",
                "目录中 {0} 的标题相同：“{1}”。",
                "目錄中 {0} 的標題相同：「{1}」。",
            ),
            &[&join_list(numbers, l), pick(title, l).0],
        ),
        CheckKind::MisplacedNumbers {
            heading,
            numbers,
            misplaced,
        } => fill(
            &t(
                "Under {0} the contents number the entries {1}: {2} carry another section's number.",
                "目录在 {0} 之下的条目编号为 {1}：其中 {2} 用的是其他节的编号。",
                "目錄在 {0} 之下的條目編號為 {1}：其中 {2} 用的是其他節的編號。",
            ),
            &[
                heading,
                &numbers.join(if l == Locale::En { ", " } else { "、" }),
                &join_list(misplaced, l),
            ],
        ),
        CheckKind::YearOutsideHeading {
            heading,
            from,
            to,
            entry,
            year,
        } => fill(
            &t(
                "Section {0} covers {1}–{2}, but its entry {3} is about {4}.",
                "第 {0} 节涵盖 {1}–{2} 年，但其下的 {3} 讲的是 {4} 年。",
                "第 {0} 節涵蓋 {1}–{2} 年，但其下的 {3} 講的是 {4} 年。",
            ),
            &[
                heading,
                &from.to_string(),
                &to.to_string(),
                entry,
                &year.to_string(),
            ],
        ),
        CheckKind::AbbreviationGloss {
            entry,
            title,
            abbreviation,
            stands_for,
        } => {
            let meaning = match l {
                Locale::En => stands_for[0],
                Locale::ZhHans => stands_for[1],
                Locale::ZhHant => stands_for[2],
            };
            fill(
                &t(
                    "Section {0}, “{1}”, explains {2} with words of another meaning: {2} stands for {3}.",
                    "第 {0} 节“{1}”对 {2} 的解释有误：{2} 指的是{3}。",
                    "第 {0} 節「{1}」對 {2} 的解釋有誤：{2} 指的是{3}。",
                ),
                &[entry, pick(title, l).0, abbreviation, meaning],
            )
        }
        CheckKind::ListedCurrency {
            item,
            title,
            currency,
            others,
            ..
        } => {
            let numbers: Vec<String> = others.iter().map(|o| listed_label(&o.0, l)).collect();
            fill(
                &t(
                    "{0}, “{1}”, is in {2}, while the report's other {3} figures in money ({4}) are in {5}, the report's currency.",
                    "{0}“{1}”以 {2} 计，而报告中关于{3}的其他金额图表（{4}）均以报告货币 {5} 计。",
                    "{0}「{1}」以 {2} 計，而報告中關於{3}的其他金額圖表（{4}）均以報告貨幣 {5} 計。",
                ),
                &[
                    &listed_label(item, l),
                    pick(title, l).0,
                    currency,
                    pick(&report.meta.region, l).0,
                    &join_list(&numbers, l),
                    &report.meta.currency,
                ],
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::bundled::load_bundled;
    use crate::domain::checks::run_checks;
    use crate::domain::engine::model::compute;
    use crate::domain::scenario::Scenario;

    #[test]
    fn every_bundled_check_reads_without_placeholders_in_every_language() {
        let (reports, _) = load_bundled();
        for r in &reports {
            let computed = compute(r, &Scenario::published()).unwrap();
            for c in run_checks(r, &computed) {
                for l in Locale::ALL {
                    let s = describe(&c, r, l);
                    assert!(
                        !s.contains('{') && !s.contains("NaN") && !s.contains("inf"),
                        "{s}"
                    );
                }
            }
        }
    }

    #[test]
    fn smartphone_check_names_the_numbers() {
        let (reports, _) = load_bundled();
        let r = &reports[0];
        let computed = compute(r, &Scenario::published()).unwrap();
        let c = run_checks(r, &computed).into_iter().next().unwrap();
        assert_eq!(
            describe(&c, r, Locale::En),
            "The source states 13% a year for 2025–2032, but its own values imply 13.6%: compounding 13% gives US$5.88 bn in 2032, not the reported US$6.1 bn."
        );
    }
}
