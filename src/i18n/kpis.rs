//! The KPI board's words: cadences ("month 36", "36 months", "+10% / month"), horizons,
//! targets ("≥ 3 m users within 3 years") and the projector's answers, in each language.

use super::{fill, Message};
use crate::domain::checks::{Check, CheckKind, Severity};
use crate::domain::engine::error::EngineError;
use crate::domain::engine::goal_seek::Reach;
use crate::domain::format::{self, pick, Locale, Shown};
use crate::domain::plan::Projected;
use crate::domain::schema::{
    AssumptionRange, Cadence, Comparator, Horizon, KpiKind, KpiTarget, LocalText, Provenance,
    Report, Unit,
};

crate::messages! {
    pub enum KpiMsg {
        TargetsIntro => (
            "Every target the plan sets, grouped by the section of the plan it comes from.",
            "计划设定的全部目标，按其所在的计划部分分组。",
            "計劃設定的全部目標，按其所在的計劃部分分組。"
        ),
        TargetsCaption => (
            "Targets by section, with comparator, horizon, cadence and source",
            "按部分列出的目标，含比较方式、期限、周期及来源",
            "按部分列出的目標，含比較方式、期限、週期及來源"
        ),
        ColKpi => ("KPI", "指标", "指標"),
        ColTarget => ("Target", "目标", "目標"),
        ColHorizon => ("Horizon", "期限", "期限"),
        ColCadence => ("Cadence", "周期", "週期"),
        ColSource => ("Source", "来源", "來源"),
        NoTargets => ("This report sets no KPI targets.", "本报告未设定 KPI 目标。", "本報告未設定 KPI 目標。"),
        ConflictFlag => ("differs in another section", "与其他部分不一致", "與其他部分不一致"),
        Contradictions => ("Contradictions in the plan", "计划中的矛盾", "計劃中的矛盾"),
        NoContradictions => (
            "No two sections set different targets for the same measure, and the targets agree with the plan's own figures.",
            "没有两个部分为同一指标设定不同的目标，各目标也与计划自身的数据相符。",
            "沒有兩個部分為同一指標設定不同的目標，各目標也與計劃自身的數據相符。"
        ),
        ValuesBySection => ("Values by section", "各部分的数值", "各部分的數值"),
        HorizonIn => ("in {0}", "{0}内", "{0}內"),
        HorizonWithin => ("within {0}", "{0}内", "{0}內"),
        ProjectorIntro => (
            "Move the start value or the growth rate to see when the target is reached. Start and rate are saved in your scenario; the number of periods only changes this view.",
            "调整起点或增长率，查看何时达到目标。起点和增长率会保存在您的情景中；期数只影响本视图。",
            "調整起點或成長率，查看何時達到目標。起點和成長率會保存在您的情境中；期數只影響本視圖。"
        ),
        ProjectorMissing => (
            "This projection refers to an assumption or a target that the report does not define.",
            "此预测引用了报告中未定义的假设或目标。",
            "此預測引用了報告中未定義的假設或目標。"
        ),
        Inputs => ("Inputs", "输入", "輸入"),
        Periods => ("Periods to project", "预测期数", "預測期數"),
        WholeNumbers => ("Whole numbers only, {0}.", "仅限整数，{0}。", "僅限整數，{0}。"),
        ResetProjector => ("Reset start, rate and periods", "重置起点、增长率和期数", "重設起點、成長率和期數"),
        Results => ("Results", "结果", "結果"),
        EndAfter => ("Projected after {0}", "{0}后的预测值", "{0}後的預測值"),
        WhenReached => ("When the target is reached", "何时达到目标", "何時達到目標"),
        ReachedIn => ("Reached in {0}.", "在{0}达到。", "在{0}達到。"),
        BeyondShown => ("That is beyond the {0} shown.", "超出所示的{0}。", "超出所示的{0}。"),
        ReachedAtStart => ("Already reached at the start.", "起点即已达到。", "起點即已達到。"),
        NotReached => ("Not reached at this rate.", "按此增长率无法达到。", "按此成長率無法達到。"),
        OnTime => ("Within the plan's horizon ({0}).", "在计划期限（{0}）之内。", "在計劃期限（{0}）之內。"),
        Late => ("Later than the plan's horizon ({0}).", "晚于计划期限（{0}）。", "晚於計劃期限（{0}）。"),
        ChartDesc => (
            "{0}, period by period, from the start value at the chosen growth rate (dashed line), against the target {1} (flat line).",
            "按所选增长率从起点逐期推算的{0}（虚线），与目标 {1}（水平线）对比。",
            "按所選成長率從起點逐期推算的{0}（虛線），與目標 {1}（水平線）對比。"
        ),
        TargetLine => ("Target: {0}", "目标：{0}", "目標：{0}"),
        NoteProjection => ("dashed: projection", "虚线：推算", "虛線：推算"),
        NoteTarget => ("solid: target", "实线：目标", "實線：目標"),
        GoalHeading => ("Goal seek: what reaches {0}?", "目标求解：怎样才能达到 {0}？", "目標求解：怎樣才能達到 {0}？"),
        GoalRateQ => (
            "Growth rate that reaches it in {0} from {1}",
            "从 {1} 出发、{0}内达到目标所需的增长率",
            "從 {1} 出發、{0}內達到目標所需的成長率"
        ),
        GoalStartQ => (
            "Start that reaches it in {0} at {1}",
            "按 {1}、{0}内达到目标所需的起点",
            "按 {1}、{0}內達到目標所需的起點"
        ),
        GoalPeriodsQ => (
            "Time needed from {0} at {1}",
            "从 {0} 出发、按 {1} 所需的时间",
            "從 {0} 出發、按 {1} 所需的時間"
        ),
        GoalPeriodsAnswer => ("{0}, reached in {1}", "{0}，即在{1}达到", "{0}，即在{1}達到"),
        UseRate => ("Use this rate", "采用此增长率", "採用此成長率"),
        UseStart => ("Use this start", "采用此起点", "採用此起點"),
        OutsideRange => (
            "Outside the range the inputs allow ({0}).",
            "超出输入允许的范围（{0}）。",
            "超出輸入允許的範圍（{0}）。"
        ),
        // Cadence words: axis titles.
        AxisDay => ("Day", "天", "天"),
        AxisWeek => ("Week", "周", "週"),
        AxisMonth => ("Month", "月", "月"),
        AxisQuarter => ("Quarter", "季度", "季度"),
        AxisYear => ("Year", "年", "年"),
        // "per month".
        PerDay => ("per day", "每天", "每天"),
        PerWeek => ("per week", "每周", "每週"),
        PerMonth => ("per month", "每月", "每月"),
        PerQuarter => ("per quarter", "每季度", "每季度"),
        PerYear => ("per year", "每年", "每年"),
        // A rate per period: "+10% / month".
        RateDay => ("{0} / day", "每天 {0}", "每天 {0}"),
        RateWeek => ("{0} / week", "每周 {0}", "每週 {0}"),
        RateMonth => ("{0} / month", "每月 {0}", "每月 {0}"),
        RateQuarter => ("{0} / quarter", "每季度 {0}", "每季度 {0}"),
        RateYear => ("{0} / year", "每年 {0}", "每年 {0}"),
        // The n-th period: "month 36".
        NthDay => ("day {0}", "第{0}天", "第{0}天"),
        NthWeek => ("week {0}", "第{0}周", "第{0}週"),
        NthMonth => ("month {0}", "第{0}个月", "第{0}個月"),
        NthQuarter => ("quarter {0}", "第{0}季度", "第{0}季度"),
        NthYear => ("year {0}", "第{0}年", "第{0}年"),
        // A number of periods: "36 months".
        ManyDays => ("{0} days", "{0}天", "{0}天"),
        ManyWeeks => ("{0} weeks", "{0}周", "{0}週"),
        ManyMonths => ("{0} months", "{0}个月", "{0}個月"),
        ManyQuarters => ("{0} quarters", "{0}个季度", "{0}個季度"),
        ManyYears => ("{0} years", "{0}年", "{0}年"),
        OneDay => ("1 day", "1天", "1天"),
        OneWeek => ("1 week", "1周", "1週"),
        OneMonth => ("1 month", "1个月", "1個月"),
        OneQuarter => ("1 quarter", "1个季度", "1個季度"),
        OneYear => ("1 year", "1年", "1年"),
        // The unit after a periods input.
        UnitDays => ("days", "天", "天"),
        UnitWeeks => ("weeks", "周", "週"),
        UnitMonths => ("months", "个月", "個月"),
        UnitQuarters => ("quarters", "个季度", "個季度"),
        UnitYears => ("years", "年", "年"),
    }
}

/// Which cadence word is wanted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    Axis,
    Per,
    Rate,
    Nth,
    Many,
    One,
    Units,
}

fn cadence_msg(form: Form, c: Cadence) -> KpiMsg {
    use Cadence::*;
    use KpiMsg::*;
    match (form, c) {
        (Form::Axis, Day) => AxisDay,
        (Form::Axis, Week) => AxisWeek,
        (Form::Axis, Month) => AxisMonth,
        (Form::Axis, Quarter) => AxisQuarter,
        (Form::Axis, Year) => AxisYear,
        (Form::Per, Day) => PerDay,
        (Form::Per, Week) => PerWeek,
        (Form::Per, Month) => PerMonth,
        (Form::Per, Quarter) => PerQuarter,
        (Form::Per, Year) => PerYear,
        (Form::Rate, Day) => RateDay,
        (Form::Rate, Week) => RateWeek,
        (Form::Rate, Month) => RateMonth,
        (Form::Rate, Quarter) => RateQuarter,
        (Form::Rate, Year) => RateYear,
        (Form::Nth, Day) => NthDay,
        (Form::Nth, Week) => NthWeek,
        (Form::Nth, Month) => NthMonth,
        (Form::Nth, Quarter) => NthQuarter,
        (Form::Nth, Year) => NthYear,
        (Form::Many, Day) => ManyDays,
        (Form::Many, Week) => ManyWeeks,
        (Form::Many, Month) => ManyMonths,
        (Form::Many, Quarter) => ManyQuarters,
        (Form::Many, Year) => ManyYears,
        (Form::One, Day) => OneDay,
        (Form::One, Week) => OneWeek,
        (Form::One, Month) => OneMonth,
        (Form::One, Quarter) => OneQuarter,
        (Form::One, Year) => OneYear,
        (Form::Units, Day) => UnitDays,
        (Form::Units, Week) => UnitWeeks,
        (Form::Units, Month) => UnitMonths,
        (Form::Units, Quarter) => UnitQuarters,
        (Form::Units, Year) => UnitYears,
    }
}

pub fn cad(form: Form, c: Cadence, locale: Locale) -> &'static str {
    cadence_msg(form, c).text(locale)
}

/// "36 months", "1 year".
pub fn count_text(n: u32, c: Cadence, locale: Locale) -> String {
    if n == 1 {
        cad(Form::One, c, locale).to_string()
    } else {
        fill(cad(Form::Many, c, locale), &[&n.to_string()])
    }
}

/// "month 36".
pub fn nth_text(n: u32, c: Cadence, locale: Locale) -> String {
    fill(cad(Form::Nth, c, locale), &[&n.to_string()])
}

/// "in 3 years", "within year 1".
pub fn horizon_text(h: &Horizon, locale: Locale) -> String {
    if h.count == 1 {
        fill(
            KpiMsg::HorizonWithin.text(locale),
            &[&nth_text(1, h.cadence, locale)],
        )
    } else {
        fill(
            KpiMsg::HorizonIn.text(locale),
            &[&count_text(h.count, h.cadence, locale)],
        )
    }
}

/// A rate with its period: "+10% / month" (signed) or "9.91% / month".
pub fn rate_text(rate: f64, cadence: Option<Cadence>, signed: bool, locale: Locale) -> String {
    let pct = format::percent(rate, 2);
    let pct = if signed && rate > 0.0 {
        format!("+{pct}")
    } else {
        pct
    };
    match cadence {
        Some(c) => fill(cad(Form::Rate, c, locale), &[&pct]),
        None => pct,
    }
}

pub fn comparator_sign(c: Comparator) -> &'static str {
    match c {
        Comparator::AtLeast => "≥",
        Comparator::AtMost => "≤",
        Comparator::About => "≈",
        Comparator::Exactly => "=",
    }
}

/// A target's value in its unit; growth rates with their cadence.
pub fn amount_text(
    kind: KpiKind,
    value: f64,
    unit: &Unit,
    cadence: Option<Cadence>,
    shown: Shown,
) -> String {
    let l = shown.locale;
    match kind {
        KpiKind::GrowthRate => rate_text(value, cadence, true, l),
        _ => format::value(value, unit, shown),
    }
}

/// "≥ 3 m users", "≥ +10% / month".
pub fn target_text(k: &KpiTarget, shown: Shown) -> String {
    target_value_text(k, k.value, shown)
}

/// Another value for a target, read as the target reads ("≥ 2.5 m users" where another section
/// of the plan sets 2.5 m).
pub fn target_value_text(k: &KpiTarget, value: f64, shown: Shown) -> String {
    // A no-break space: the sign stays on the line of its figure.
    format!(
        "{}\u{a0}{}",
        comparator_sign(k.comparator),
        amount_text(k.kind, value, &k.unit, k.cadence, shown)
    )
}

/// The noun after a value in an input ("users", "%").
pub fn unit_suffix(unit: &Unit, locale: Locale) -> String {
    match unit {
        Unit::Currency(code) => code.clone(),
        Unit::Count(noun) => format::noun(noun, locale).to_string(),
        Unit::Percent => "%".to_string(),
        Unit::Number => String::new(),
    }
}

/// "Active users at launch (users)": an input's label with its unit, when it has one.
pub fn with_unit(label: String, unit: &str, locale: Locale) -> String {
    match (unit.is_empty(), locale) {
        (true, _) => label,
        (false, Locale::En) => format!("{label} ({unit})"),
        (false, _) => format!("{label}（{unit}）"),
    }
}

/// "a – b": the ends of a range as an input's message names them.
pub fn span(low: &str, high: &str) -> String {
    format!("{low} – {high}")
}

/// The range a value input allows, in its unit: "1,000 users – 1 m users".
pub fn value_range_text(range: &AssumptionRange, unit: &Unit, shown: Shown) -> String {
    span(
        &format::value(range.min, unit, shown),
        &format::value(range.max, unit, shown),
    )
}

/// The range a rate input allows, per period: "0% / month – 20% / month".
pub fn rate_range_text(range: &AssumptionRange, cadence: Cadence, locale: Locale) -> String {
    span(
        &rate_text(range.min, Some(cadence), false, locale),
        &rate_text(range.max, Some(cadence), false, locale),
    )
}

/// The range of periods a projector shows: "1 month – 120 months".
pub fn periods_range_text(min: u32, max: u32, cadence: Cadence, locale: Locale) -> String {
    span(
        &count_text(min, cadence, locale),
        &count_text(max, cadence, locale),
    )
}

/// When the target is reached: "Already reached at the start.", "Reached in month 8." (with
/// "That is beyond the 12 months shown." past the periods shown), "Not reached at this rate.",
/// or why it cannot be said.
pub fn reach_text(
    reach: &Result<Reach, EngineError>,
    periods: u32,
    cadence: Cadence,
    locale: Locale,
) -> String {
    let t = |m: KpiMsg| m.text(locale);
    match reach {
        Ok(r) if r.whole == 0 => t(KpiMsg::ReachedAtStart).to_string(),
        Ok(r) => {
            let reached = fill(t(KpiMsg::ReachedIn), &[&nth_text(r.whole, cadence, locale)]);
            if r.whole > periods {
                let beyond = fill(
                    t(KpiMsg::BeyondShown),
                    &[&count_text(periods, cadence, locale)],
                );
                super::sentences(locale, &[&reached, &beyond])
            } else {
                reached
            }
        }
        Err(EngineError::Unreachable) => t(KpiMsg::NotReached).to_string(),
        Err(e) => super::errors::engine_error(e, locale),
    }
}

/// The goal seek's time answer: "8 months, reached in month 8".
pub fn periods_answer(
    reach: &Result<Reach, EngineError>,
    cadence: Cadence,
    locale: Locale,
) -> String {
    let t = |m: KpiMsg| m.text(locale);
    match reach {
        Ok(r) if r.whole == 0 => t(KpiMsg::ReachedAtStart).to_string(),
        Ok(r) => fill(
            t(KpiMsg::GoalPeriodsAnswer),
            &[
                &count_text(r.whole, cadence, locale),
                &nth_text(r.whole, cadence, locale),
            ],
        ),
        Err(EngineError::Unreachable) => t(KpiMsg::NotReached).to_string(),
        Err(e) => super::errors::engine_error(e, locale),
    }
}

/// The projection's last value in the target's unit, or why it cannot be computed.
pub fn end_text(projected: &Projected, unit: &Unit, shown: Shown) -> String {
    let locale = shown.locale;
    match &projected.values {
        Ok(v) => format::value(v.last().copied().unwrap_or(f64::NAN), unit, shown),
        Err(e) => super::errors::engine_error(e, locale),
    }
}

/// The goal seek's rate answer ("9.91% / month"), or why there is none.
pub fn goal_rate_text(projected: &Projected, cadence: Cadence, locale: Locale) -> String {
    match &projected.goal_rate {
        Ok(r) => rate_text(*r, Some(cadence), false, locale),
        Err(e) => super::errors::engine_error(e, locale),
    }
}

/// The goal seek's start answer in the start's unit, or why there is none.
pub fn goal_start_text(projected: &Projected, unit: &Unit, shown: Shown) -> String {
    let locale = shown.locale;
    match &projected.goal_start {
        Ok(s) => format::value(*s, unit, shown),
        Err(e) => super::errors::engine_error(e, locale),
    }
}

/// A contradiction the KPI board lists: the check's own words and, for targets that differ
/// between sections, each section's value.
#[derive(Debug, Clone, PartialEq)]
pub struct Contradiction {
    /// The check's key (`data-check`).
    pub check: &'static str,
    pub text: String,
    pub values: Vec<SectionValue>,
}

/// One section's value of a target that another section contradicts.
#[derive(Debug, Clone, PartialEq)]
pub struct SectionValue {
    pub value: String,
    pub section: LocalText,
    pub provenance: Provenance,
}

/// What the plan contradicts: first the targets that differ between sections (with each
/// section's value), then every other warning (a share against a level, a rating past its
/// scale, a claimed trend against the figures) in the check's own words.
pub fn contradictions(checks: &[Check], r: &Report, shown: Shown) -> Vec<Contradiction> {
    let conflicts = checks.iter().filter_map(|c| match &c.kind {
        CheckKind::ConflictingTargets { targets, .. } => Some(Contradiction {
            check: c.key,
            text: super::checks::describe(c, r, shown),
            values: targets
                .iter()
                .map(|(id, value, section)| {
                    let (value, provenance) = match r.kpis.iter().find(|k| k.id == *id) {
                        Some(k) => (target_value_text(k, *value, shown), k.provenance),
                        None => (format::number(*value, 2), Provenance::Reported),
                    };
                    SectionValue {
                        value,
                        section: section.clone(),
                        provenance,
                    }
                })
                .collect(),
        }),
        _ => None,
    });
    let others = checks
        .iter()
        .filter(|c| {
            c.severity == Severity::Warning
                && !matches!(c.kind, CheckKind::ConflictingTargets { .. })
        })
        .map(|c| Contradiction {
            check: c.key,
            text: super::checks::describe(c, r, shown),
            values: Vec::new(),
        });
    conflicts.chain(others).collect()
}

/// Whether the target is reached within the plan's horizon: "Within the plan's horizon (in 3
/// years)." or "Later than …".
pub fn on_time_text(on_time: bool, horizon: &Horizon, locale: Locale) -> String {
    let msg = if on_time {
        KpiMsg::OnTime
    } else {
        KpiMsg::Late
    };
    fill(msg.text(locale), &[&horizon_text(horizon, locale)])
}

/// A plan's headline for its overview: its first projection's target, as the plan states it
/// ("≥ 3 m users within 3 years"), under the target's name, with where the target comes from.
/// `None` without a projection.
pub fn plan_headline(r: &Report, shown: Shown) -> Option<(String, String, Provenance)> {
    let locale = shown.locale;
    let p = r.projections.first()?;
    let target = r.kpis.iter().find(|k| k.id == p.target)?;
    let horizon = target
        .horizon
        .map(|h| format!(" {}", horizon_text(&h, locale)))
        .unwrap_or_default();
    Some((
        pick(&target.label, locale).0.to_string(),
        format!("{}{horizon}", target_text(target, shown)),
        target.provenance,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::bundled::load_bundled;
    use crate::domain::schema::ReportKind;

    #[test]
    fn the_plan_contradicts_its_targets_first_then_its_figures() {
        use crate::domain::checks::run_checks;
        use crate::domain::engine::model::compute;
        use crate::domain::scenario::Scenario;
        let (reports, _) = load_bundled();
        let plan = reports
            .iter()
            .find(|r| r.kind == ReportKind::Plan)
            .expect("a plan");
        let computed = compute(plan, &Scenario::published()).expect("model");
        let found = contradictions(
            &run_checks(plan, &computed),
            plan,
            Shown::as_reported(Locale::En),
        );
        // As the KPI board's end-to-end test counts them: three targets that differ between
        // sections, then four contradictions with the plan's own figures.
        assert_eq!(found.len(), 7);
        assert!(found[..3]
            .iter()
            .all(|c| c.check == "check.conflicting_targets" && c.values.len() >= 2));
        assert!(found[3..]
            .iter()
            .all(|c| c.check != "check.conflicting_targets" && c.values.is_empty()));
        assert!(found.iter().all(|c| !c.text.is_empty()));
    }

    #[test]
    fn projector_answers_are_values_or_the_reason_there_is_none() {
        let p = Projected::new(100.0, 0.1, 2, 1000.0);
        assert_eq!(
            end_text(&p, &Unit::Number, Shown::as_reported(Locale::En)),
            format::value(121.0, &Unit::Number, Shown::as_reported(Locale::En))
        );
        let none = Projected::new(100.0, -2.0, 2, 1000.0);
        assert!(
            end_text(&none, &Unit::Number, Shown::as_reported(Locale::En))
                .starts_with("Cannot compute")
        );
        assert!(goal_rate_text(&p, Cadence::Month, Locale::En).contains("/ month"));
        assert!(!goal_start_text(&p, &Unit::Number, Shown::as_reported(Locale::En)).is_empty());
    }

    #[test]
    fn cadence_words_in_each_language() {
        assert_eq!(count_text(36, Cadence::Month, Locale::En), "36 months");
        assert_eq!(count_text(1, Cadence::Year, Locale::En), "1 year");
        assert_eq!(count_text(36, Cadence::Month, Locale::ZhHans), "36个月");
        assert_eq!(nth_text(8, Cadence::Month, Locale::ZhHant), "第8個月");
        assert_eq!(
            rate_text(0.1, Some(Cadence::Month), true, Locale::En),
            "+10% / month"
        );
        assert_eq!(rate_text(-0.05, None, true, Locale::En), "-5%");
        assert_eq!(
            horizon_text(
                &Horizon {
                    count: 1,
                    cadence: Cadence::Year
                },
                Locale::En
            ),
            "within year 1"
        );
        assert_eq!(
            horizon_text(
                &Horizon {
                    count: 3,
                    cadence: Cadence::Year
                },
                Locale::ZhHans
            ),
            "3年内"
        );
        assert_eq!(
            periods_range_text(1, 120, Cadence::Month, Locale::En),
            "1 month – 120 months"
        );
    }

    #[test]
    fn labels_carry_their_unit_in_each_script() {
        assert_eq!(
            with_unit("Start".into(), "users", Locale::En),
            "Start (users)"
        );
        assert_eq!(
            with_unit("起点".into(), "用户", Locale::ZhHans),
            "起点（用户）"
        );
        assert_eq!(with_unit("Rate".into(), "", Locale::En), "Rate");
        assert_eq!(unit_suffix(&Unit::Percent, Locale::En), "%");
        assert_eq!(unit_suffix(&Unit::Number, Locale::En), "");
    }

    #[test]
    fn reach_is_worded_with_what_lies_beyond_the_periods_shown() {
        let reach = |whole| {
            Ok(Reach {
                exact: f64::from(whole),
                whole,
            })
        };
        assert_eq!(
            reach_text(&reach(0), 12, Cadence::Month, Locale::En),
            "Already reached at the start."
        );
        assert_eq!(
            reach_text(&reach(8), 12, Cadence::Month, Locale::En),
            "Reached in month 8."
        );
        assert_eq!(
            reach_text(&reach(18), 12, Cadence::Month, Locale::En),
            "Reached in month 18. That is beyond the 12 months shown."
        );
        assert_eq!(
            reach_text(
                &Err(EngineError::Unreachable),
                12,
                Cadence::Month,
                Locale::En
            ),
            "Not reached at this rate."
        );
        assert_eq!(
            periods_answer(&reach(8), Cadence::Month, Locale::En),
            "8 months, reached in month 8"
        );
        let h = Horizon {
            count: 3,
            cadence: Cadence::Year,
        };
        assert_eq!(
            on_time_text(false, &h, Locale::En),
            "Later than the plan's horizon (in 3 years)."
        );
    }

    #[test]
    fn the_plan_headline_states_its_first_target() {
        let (reports, _) = load_bundled();
        let plan = reports
            .iter()
            .find(|r| r.kind == ReportKind::Plan)
            .expect("a bundled plan");
        let (label, text, _) =
            plan_headline(plan, Shown::as_reported(Locale::En)).expect("a headline");
        assert!(!label.is_empty());
        assert!(
            text.starts_with(['≥', '≤', '≈', '=']),
            "a target reads with its comparator: {text}"
        );
        // The comparator stays on its figure's line (a no-break space), in every language.
        assert_eq!(text, "≥\u{a0}3\u{a0}m users in 3 years");
        let (_, zh, _) =
            plan_headline(plan, Shown::as_reported(Locale::ZhHant)).expect("a headline");
        assert!(zh.starts_with("≥\u{a0}300萬"), "{zh}");
        let market = reports
            .iter()
            .find(|r| r.kind == ReportKind::Market)
            .unwrap();
        assert_eq!(plan_headline(market, Shown::as_reported(Locale::En)), None);
    }
}
