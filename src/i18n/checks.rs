//! Consistency checks worded for a reader, in each interface language.

use super::{fill, Locale, Message, Shown};
use crate::domain::checks::{Check, CheckKind, TrendPoint, TrendStep};
use crate::domain::format::{self, pick};
use crate::domain::schema::find_member;
use crate::domain::schema::{BoundSide, Cadence, ClaimKind, Comparator, Report, TrendKind, Unit};

crate::messages! {
    /// The check sentences' templates (filled by [`describe`]).
    pub enum CheckMsg {
        StatedAgrees => (
            "The stated {0} a year for {1}–{2} agrees with the {3} the reported values imply.",
            "所述 {1}–{2} 年每年 {0} 与报告值隐含的 {3} 一致。",
            "所述 {1}–{2} 年每年 {0} 與報告值隱含的 {3} 一致。",
        ),
        StatedDisagrees => (
            "The source states {0} a year for {1}–{2}, but its own values imply {3}: compounding {0} gives {4} in {2}, not the reported {5}.",
            "来源称 {1}–{2} 年每年增长 {0}，但其自身数值隐含 {3}：按 {0} 复利计算，{2} 年为 {4}，而非报告的 {5}。",
            "來源稱 {1}–{2} 年每年成長 {0}，但其自身數值隱含 {3}：按 {0} 複利計算，{2} 年為 {4}，而非報告的 {5}。",
        ),
        SharesAgree => (
            "In {0} the stated shares imply the same total: {1} (they differ by {2}).",
            "{0} 年各部分的份额隐含同一总量：{1}（相差 {2}）。",
            "{0} 年各部分的份額隱含同一總量：{1}（相差 {2}）。",
        ),
        SharesAgreeExactly => (
            "In {0} the stated shares imply the same total: {1}.",
            "{0} 年各部分的份额隐含同一总量：{1}。",
            "{0} 年各部分的份額隱含同一總量：{1}。",
        ),
        SharesDisagree => (
            "In {0} the stated shares imply different totals: {1} (they differ by {2}).",
            "{0} 年各部分的份额隐含不同的总量：{1}（相差 {2}）。",
            "{0} 年各部分的份額隱含不同的總量：{1}（相差 {2}）。",
        ),
        ConflictingTargets => (
            "The plan sets different targets for “{0}”: {1}.",
            "计划对“{0}”设定了不同的目标：{1}。",
            "計劃對「{0}」設定了不同的目標：{1}。",
        ),
        WithinInterval => (
            "The source puts {0} at {1} or more and below {2}; the path in force gives {3}, which is within it.",
            "来源称 {0} 年不低于 {1} 且低于 {2}；当前路径为 {3}，在此区间内。",
            "來源稱 {0} 年不低於 {1} 且低於 {2}；當前路徑為 {3}，在此區間內。",
        ),
        AboveInterval => (
            "The source puts {0} at {1} or more and below {2}, but the path in force gives {3}, above the interval: this growth rate contradicts the source.",
            "来源称 {0} 年不低于 {1} 且低于 {2}，但当前路径为 {3}，高于该区间：此增长率与来源矛盾。",
            "來源稱 {0} 年不低於 {1} 且低於 {2}，但當前路徑為 {3}，高於該區間：此成長率與來源矛盾。",
        ),
        BelowInterval => (
            "The source puts {0} at {1} or more and below {2}, but the path in force gives {3}, below the interval: this growth rate contradicts the source.",
            "来源称 {0} 年不低于 {1} 且低于 {2}，但当前路径为 {3}，低于该区间：此增长率与来源矛盾。",
            "來源稱 {0} 年不低於 {1} 且低於 {2}，但當前路徑為 {3}，低於該區間：此成長率與來源矛盾。",
        ),
        LargestHolds => (
            "The source calls {1} the largest segment of {0}; the model agrees in every year.",
            "来源称 {1} 是{0}中最大的细分市场；模型在每一年都与之一致。",
            "來源稱 {1} 是{0}中最大的細分市場；模型在每一年都與之一致。",
        ),
        LargestOvertaken => (
            "The source calls {1} the largest segment of {0}, but in this model {2} overtakes it.",
            "来源称 {1} 是{0}中最大的细分市场，但在此模型中 {2} 超过了它。",
            "來源稱 {1} 是{0}中最大的細分市場，但在此模型中 {2} 超過了它。",
        ),
        FastestHolds => (
            "The source expects {1} to grow fastest in {0}; the model agrees.",
            "来源预计 {1} 在{0}中增长最快；模型与之一致。",
            "來源預計 {1} 在{0}中成長最快；模型與之一致。",
        ),
        FastestOutpaced => (
            "The source expects {1} to grow fastest in {0}, but in this model {2} grows faster.",
            "来源预计 {1} 在{0}中增长最快，但在此模型中 {2} 增长更快。",
            "來源預計 {1} 在{0}中成長最快，但在此模型中 {2} 成長更快。",
        ),
        RepeatedTitle => (
            "The contents give {0} the same title, “{1}”.",
            "目录中 {0} 的标题相同：“{1}”。",
            "目錄中 {0} 的標題相同：「{1}」。",
        ),
        MisplacedNumbers => (
            "Under {0} the contents number the entries {1}: {2} carry another section's number.",
            "目录在 {0} 之下的条目编号为 {1}：其中 {2} 用的是其他节的编号。",
            "目錄在 {0} 之下的條目編號為 {1}：其中 {2} 用的是其他節的編號。",
        ),
        YearOutsideHeading => (
            "Section {0} covers {1}–{2}, but its entry {3} is about {4}.",
            "第 {0} 节涵盖 {1}–{2} 年，但其下的 {3} 讲的是 {4} 年。",
            "第 {0} 節涵蓋 {1}–{2} 年，但其下的 {3} 講的是 {4} 年。",
        ),
        AbbreviationGloss => (
            "Section {0}, “{1}”, explains {2} with words of another meaning: {2} stands for {3}.",
            "第 {0} 节“{1}”对 {2} 的解释有误：{2} 指的是{3}。",
            "第 {0} 節「{1}」對 {2} 的解釋有誤：{2} 指的是{3}。",
        ),
        ShareLevelAgree => (
            "The plan's {0} (“{1}”) and {2} (“{3}”) agree: against the {4} it gives for {5}, {2} is {6}.",
            "计划的 {0}（“{1}”）与 {2}（“{3}”）相符：按其给出的 {5} 年 {4} 计算，{2} 相当于 {6}。",
            "計劃的 {0}（「{1}」）與 {2}（「{3}」）相符：按其給出的 {5} 年 {4} 計算，{2} 相當於 {6}。",
        ),
        ShareLevelDisagree => (
            "The plan aims for {0} (“{1}”) and {2} (“{3}”) in the same time, but against the {4} it gives for {5}, {2} is {6}, and a {0} share would be {7}.",
            "计划要在同一期限内达到 {0}（“{1}”）和 {2}（“{3}”），但按其给出的 {5} 年 {4} 计算，{2} 只相当于 {6}，而 {0} 的份额应为 {7}。",
            "計劃要在同一期限內達到 {0}（「{1}」）和 {2}（「{3}」），但按其給出的 {5} 年 {4} 計算，{2} 只相當於 {6}，而 {0} 的份額應為 {7}。",
        ),
        ScaleOverflow => (
            "“{0}” is to be {1} and to rise by {2} {3}; on a scale whose top is {4} (our assumption: the plan does not name the scale) it passes the top within {5} ({6} → {7}).",
            "“{0}”要求{1}，并{3}提高 {2}；若满分为 {4}（此为我们的假设：计划未说明评分上限），{5}内即超过满分（{6} → {7}）。",
            "「{0}」要求{1}，並{3}提高 {2}；若滿分為 {4}（此為我們的假設：計劃未說明評分上限），{5}內即超過滿分（{6} → {7}）。",
        ),
        TrendHolds => (
            "{0} Its figures agree: {1}.",
            "{0}其数据与之一致：{1}。",
            "{0}其數據與之一致：{1}。",
        ),
        TrendDoesNotRise => (
            "{0} Yet its own figures do not rise: {1}.",
            "{0}但其自身数据并未上升：{1}。",
            "{0}但其自身數據並未上升：{1}。",
        ),
        TrendDoesNotSlow => (
            "{0} Yet its own figures do not show a slowdown: {1}.",
            "{0}但其自身数据并未显示放缓：{1}。",
            "{0}但其自身數據並未顯示放緩：{1}。",
        ),
        SpanAgrees => (
            "The source's {2} years for {0}–{1} match the span.",
            "来源所说 {0}–{1} 年共 {2} 年，与这段时间相符。",
            "來源所說 {0}–{1} 年共 {2} 年，與這段時間相符。",
        ),
        SpanDisagrees => (
            "The source calls {0}–{1} “{2} years”, but that span covers {3} calendar years.",
            "来源称 {0}–{1} 年为“{2} 年”，但这段时间横跨 {3} 个年份。",
            "來源稱 {0}–{1} 年為「{2} 年」，但這段時間橫跨 {3} 個年份。",
        ),
        ListedCurrency => (
            "{0}, “{1}”, is in {2}, while the report's other {3} figures in money ({4}) are in {5}, the report's currency.",
            "{0}“{1}”以 {2} 计，而报告中关于{3}的其他金额图表（{4}）均以报告货币 {5} 计。",
            "{0}「{1}」以 {2} 計，而報告中關於{3}的其他金額圖表（{4}）均以報告貨幣 {5} 計。",
        ),
        RespectsBound => (
            "For {0} the source gives {3} {1}; the path in force gives {2}, which respects it.",
            "来源称 {0} 年{3} {1}；当前路径为 {2}，符合该界限。",
            "來源稱 {0} 年{3} {1}；當前路徑為 {2}，符合該界限。",
        ),
        BreaksBound => (
            "For {0} the source gives {3} {1}, but the path in force gives {2}: this growth rate contradicts the source.",
            "来源称 {0} 年{3} {1}，但当前路径为 {2}：此增长率与来源矛盾。",
            "來源稱 {0} 年{3} {1}，但當前路徑為 {2}：此成長率與來源矛盾。",
        ),
        AtLeast => ("at least", "至少", "至少"),
        AtMost => ("at most", "至多", "至多"),
    }
}

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

/// "at least " before a value, by side of a bound.
fn bound_words(side: Option<BoundSide>, locale: Locale) -> &'static str {
    match (side, locale) {
        (None, _) => "",
        (Some(BoundSide::Lower), Locale::En) => "at least ",
        (Some(BoundSide::Upper), Locale::En) => "at most ",
        (Some(BoundSide::Lower), _) => "至少",
        (Some(BoundSide::Upper), _) => "至多",
    }
}

/// "at least 4.5", "about 10", "4.5": a target's value with its comparator.
fn compared(c: Comparator, value: &str, locale: Locale) -> String {
    let words = match (c, locale) {
        (Comparator::Exactly, _) => "",
        (Comparator::AtLeast, Locale::En) => "at least ",
        (Comparator::AtMost, Locale::En) => "at most ",
        (Comparator::About, Locale::En) => "about ",
        (Comparator::AtLeast, _) => "至少 ",
        (Comparator::AtMost, _) => "至多 ",
        (Comparator::About, Locale::ZhHans) => "约 ",
        (Comparator::About, Locale::ZhHant) => "約 ",
    };
    format!("{words}{value}")
}

/// "a month" / "每月": per period.
fn per(c: Cadence, locale: Locale) -> &'static str {
    match (c, locale) {
        (Cadence::Day, Locale::En) => "a day",
        (Cadence::Week, Locale::En) => "a week",
        (Cadence::Month, Locale::En) => "a month",
        (Cadence::Quarter, Locale::En) => "a quarter",
        (Cadence::Year, Locale::En) => "a year",
        (Cadence::Day, _) => "每天",
        (Cadence::Week, Locale::ZhHans) => "每周",
        (Cadence::Week, _) => "每週",
        (Cadence::Month, _) => "每月",
        (Cadence::Quarter, _) => "每季度",
        (Cadence::Year, _) => "每年",
    }
}

/// "2 months" / "2个月" / "2個月": a number of periods.
fn periods(n: u32, c: Cadence, locale: Locale) -> String {
    let one = n == 1;
    let word = match (c, locale) {
        (Cadence::Day, Locale::En) => {
            if one {
                "day"
            } else {
                "days"
            }
        }
        (Cadence::Week, Locale::En) => {
            if one {
                "week"
            } else {
                "weeks"
            }
        }
        (Cadence::Month, Locale::En) => {
            if one {
                "month"
            } else {
                "months"
            }
        }
        (Cadence::Quarter, Locale::En) => {
            if one {
                "quarter"
            } else {
                "quarters"
            }
        }
        (Cadence::Year, Locale::En) => {
            if one {
                "year"
            } else {
                "years"
            }
        }
        (Cadence::Day, _) => "天",
        (Cadence::Week, Locale::ZhHans) => "周",
        (Cadence::Week, _) => "週",
        (Cadence::Month, Locale::ZhHans) => "个月",
        (Cadence::Month, _) => "個月",
        (Cadence::Quarter, Locale::ZhHans) => "个季度",
        (Cadence::Quarter, _) => "個季度",
        (Cadence::Year, _) => "年",
    };
    if locale == Locale::En {
        format!("{n} {word}")
    } else {
        format!("{n}{word}")
    }
}

/// "at least ¥500 bn (2023)" / "2023 年至少5,000亿元".
fn trend_point(p: &TrendPoint, report: &Report, shown: Shown) -> String {
    let locale = shown.locale;
    let value = format::value(p.value, &series_unit(report, &p.series), shown);
    let bound = bound_words(p.bound, locale);
    if locale == Locale::En {
        format!("{bound}{value} ({})", p.year)
    } else {
        format!("{} 年{bound} {value}", p.year)
    }
}

/// "700,000 seats (2013) → at least 800,000 seats (2014): at least +14.3% a year".
fn trend_step(step: &TrendStep, points: &[TrendPoint], report: &Report, shown: Shown) -> String {
    let locale = shown.locale;
    let at = |year: i32| {
        points
            .iter()
            .find(|p| p.year == year)
            .map(|p| trend_point(p, report, shown))
            .unwrap_or_default()
    };
    let rate = format::signed_rate(step.rate);
    let bound = bound_words(step.side, locale);
    match locale {
        Locale::En => format!("{} → {}: {bound}{rate} a year", at(step.from), at(step.to)),
        _ => format!("{} → {}：每年{bound} {rate}", at(step.from), at(step.to)),
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
pub fn describe(check: &Check, report: &Report, shown: Shown) -> String {
    let l = shown.locale;
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
                format::value(*stated_end, &unit, shown),
                format::value(*reported_end, &unit, shown),
            ];
            let args: Vec<&str> = args.iter().map(String::as_str).collect();
            let template = if check.key.ends_with("agrees") {
                CheckMsg::StatedAgrees.text(l)
            } else {
                CheckMsg::StatedDisagrees.text(l)
            };
            fill(template, &args)
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
                    let arrow = format::arrow(l);
                    format!(
                        "{}{sep}{}{}{arrow}{}",
                        pick(name, l).0,
                        format::value(*value, &unit, shown),
                        super::bracketed(l, &format::percent(*share, 1)),
                        format::value(*whole, &unit, shown)
                    )
                })
                .collect();
            let joiner = if l == Locale::En { "; " } else { "；" };
            let spread_text = format::percent(*spread, 2);
            // Totals that agree to the shown precision: "(they differ by 0%)" would say nothing.
            let exact = !spread_text.chars().any(|c| c.is_ascii_digit() && c != '0');
            let template = match (check.key.ends_with("agree"), exact) {
                (true, true) => CheckMsg::SharesAgreeExactly.text(l),
                (true, false) => CheckMsg::SharesAgree.text(l),
                (false, _) => CheckMsg::SharesDisagree.text(l),
            };
            fill(
                template,
                &[&year.to_string(), &list.join(joiner), &spread_text],
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
                    format::value(*value, &unit, shown) + &super::bracketed(l, pick(section, l).0)
                })
                .collect();
            let joiner = match l {
                Locale::En => " vs ",
                Locale::ZhHans => "对",
                Locale::ZhHant => "對",
            };
            fill(
                CheckMsg::ConflictingTargets.text(l),
                &[&label, &list.join(joiner)],
            )
        }
        CheckKind::PathVsBound {
            series,
            year,
            bound,
            side: BoundSide::Lower,
            upper: Some(upper),
            path_value,
        } => {
            let unit = series_unit(report, series);
            let args = [
                year.to_string(),
                format::value(*bound, &unit, shown),
                format::value(*upper, &unit, shown),
                format::value(*path_value, &unit, shown),
            ];
            let args: Vec<&str> = args.iter().map(String::as_str).collect();
            let template = if check.key.ends_with("holds") {
                CheckMsg::WithinInterval.text(l)
            } else if *path_value > *upper {
                CheckMsg::AboveInterval.text(l)
            } else {
                CheckMsg::BelowInterval.text(l)
            };
            fill(template, &args)
        }
        CheckKind::PathVsBound {
            series,
            year,
            bound,
            side,
            path_value,
            ..
        } => {
            let unit = series_unit(report, series);
            let word = match side {
                BoundSide::Lower => CheckMsg::AtLeast,
                BoundSide::Upper => CheckMsg::AtMost,
            }
            .text(l);
            let args = [
                year.to_string(),
                format::value(*bound, &unit, shown),
                format::value(*path_value, &unit, shown),
                word.to_string(),
            ];
            let args: Vec<&str> = args.iter().map(String::as_str).collect();
            let template = if check.key.ends_with("holds") {
                CheckMsg::RespectsBound.text(l)
            } else {
                CheckMsg::BreaksBound.text(l)
            };
            fill(template, &args)
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
                (ClaimKind::LargestShare, true) => CheckMsg::LargestHolds.text(l),
                (ClaimKind::LargestShare, false) => CheckMsg::LargestOvertaken.text(l),
                (ClaimKind::FastestGrowth, true) => CheckMsg::FastestHolds.text(l),
                (ClaimKind::FastestGrowth, false) => CheckMsg::FastestOutpaced.text(l),
            };
            fill(template, &[&dim, &m, &lead])
        }
        CheckKind::RepeatedTitle { numbers, title } => fill(
            CheckMsg::RepeatedTitle.text(l),
            &[&join_list(numbers, l), pick(title, l).0],
        ),
        CheckKind::MisplacedNumbers {
            heading,
            numbers,
            misplaced,
        } => fill(
            CheckMsg::MisplacedNumbers.text(l),
            &[
                heading,
                &numbers.join(format::list_comma(l)),
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
            CheckMsg::YearOutsideHeading.text(l),
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
                CheckMsg::AbbreviationGloss.text(l),
                &[entry, pick(title, l).0, abbreviation, meaning],
            )
        }
        CheckKind::ShareVsLevel {
            share_kpi,
            level_kpi,
            year,
            whole,
            share,
            level,
            implied_share,
            implied_level,
            series,
        } => {
            let kpi = |id: &str| report.kpis.iter().find(|k| k.id == *id);
            let label = |id: &str| {
                kpi(id)
                    .map(|k| pick(&k.label, l).0.to_string())
                    .unwrap_or_default()
            };
            let unit = series_unit(report, series);
            let level_text = format::value(*level, &unit, shown);
            let share_text = format::percent(*share, 1);
            let args = [
                share_text.clone(),
                label(share_kpi),
                level_text,
                label(level_kpi),
                format::value(*whole, &unit, shown),
                year.to_string(),
                format::percent(*implied_share, 1),
                format::value(*implied_level, &unit, shown),
            ];
            let args: Vec<&str> = args.iter().map(String::as_str).collect();
            let template = if check.key.ends_with("agree") {
                CheckMsg::ShareLevelAgree.text(l)
            } else {
                CheckMsg::ShareLevelDisagree.text(l)
            };
            fill(template, &args)
        }
        CheckKind::ScaleOverflow {
            level_kpi,
            change_kpi,
            start,
            step,
            cadence,
            top,
            periods: n,
            end,
            ..
        } => {
            let level = report.kpis.iter().find(|k| k.id == *level_kpi);
            let change = report.kpis.iter().find(|k| k.id == *change_kpi);
            let label = level
                .map(|k| pick(&k.label, l).0.to_string())
                .unwrap_or_default();
            let start_text = compared(
                level.map_or(Comparator::Exactly, |k| k.comparator),
                &format::number(*start, 2),
                l,
            );
            let step_text = match change.map(|k| k.kind) {
                Some(crate::domain::schema::KpiKind::GrowthRate) => format::signed_rate(*step),
                _ => format::number(*step, 2),
            };
            fill(
                CheckMsg::ScaleOverflow.text(l),
                &[
                    &label,
                    &start_text,
                    &step_text,
                    per(*cadence, l),
                    &format::number(*top, 2),
                    &periods(*n, *cadence, l),
                    &format::number(*start, 2),
                    &format::number(*end, 2),
                ],
            )
        }
        CheckKind::Trend {
            claim,
            summary,
            points,
            steps,
        } => {
            let arrow = points
                .iter()
                .map(|p| trend_point(p, report, shown))
                .collect::<Vec<_>>()
                .join(" → ");
            let holds = check.key.ends_with("holds");
            let figures = match claim {
                TrendKind::Rises => arrow,
                TrendKind::Slows if steps.is_empty() => arrow,
                TrendKind::Slows => steps
                    .iter()
                    .map(|st| trend_step(st, points, report, shown))
                    .collect::<Vec<_>>()
                    .join(if l == Locale::En { "; " } else { "；" }),
            };
            let template = match (claim, holds) {
                (_, true) => CheckMsg::TrendHolds.text(l),
                (TrendKind::Rises, false) => CheckMsg::TrendDoesNotRise.text(l),
                (TrendKind::Slows, false) => CheckMsg::TrendDoesNotSlow.text(l),
            };
            fill(template, &[pick(summary, l).0, &figures])
        }
        CheckKind::SpanLength {
            from,
            to,
            stated,
            counted,
        } => {
            let template = if check.key.ends_with("agrees") {
                CheckMsg::SpanAgrees.text(l)
            } else {
                CheckMsg::SpanDisagrees.text(l)
            };
            fill(
                template,
                &[
                    &from.to_string(),
                    &to.to_string(),
                    &stated.to_string(),
                    &counted.to_string(),
                ],
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
                CheckMsg::ListedCurrency.text(l),
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
                    let s = describe(&c, r, Shown::as_reported(l));
                    assert!(
                        !s.contains('{') && !s.contains("NaN") && !s.contains("inf"),
                        "{s}"
                    );
                    // A difference worth a number has one that is not zero.
                    assert!(!s.contains("differ by 0%") && !s.contains("相差 0%"), "{s}");
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
            describe(&c, r, Shown::as_reported(Locale::En)),
            "The source states 13% a year for 2025–2032, but its own values imply 13.6%: compounding 13% gives US$5.88\u{a0}bn in 2032, not the reported US$6.1\u{a0}bn."
        );
    }
}
