//! KPI board of plan-type reports: the targets grouped by the plan's sections, the targets that
//! contradict each other between sections, and for each projection a growth projector (start,
//! rate and periods, bound to the scenario) with its chart and a goal-seek panel.

use super::charts::{xy_chart, Charts, XySpec};
use super::common::{badge, local, local_text, section};
use super::controls::{AssumptionInput, ValueKind};
use super::dom::{el, text_el, Dom, Node};
use super::state::{use_app, use_report, AppState, ReportCtx};
use crate::chart::xy::{Datum, Series, SeriesKind};
use crate::domain::checks::{CheckKind, Severity};
use crate::domain::engine::error::{EngineError, EngineResult};
use crate::domain::engine::goal_seek::{periods_to_reach, rate_to_reach, start_to_reach};
use crate::domain::engine::growth::compound;
use crate::domain::format::{self, pick, Locale};
use crate::domain::schema::{
    AssumptionRange, Cadence, Comparator, Horizon, KpiKind, KpiTarget, LocalText, Projection,
    Provenance, Unit,
};
use crate::i18n::{checks::describe, fill, Message, Msg};
use leptos::prelude::*;
use std::collections::HashMap;

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
        ErrRate => (
            "a growth rate of {0} is not possible (it must be above −100%)",
            "{0} 的增长率不成立（必须高于 −100%）",
            "{0} 的成長率不成立（必須高於 −100%）"
        ),
        ErrNonPositive => ("the value {0} must be above zero", "数值 {0} 必须大于零", "數值 {0} 必須大於零"),
        ErrNonFinite => ("a number is missing or not finite", "缺少数字或数字无效", "缺少數字或數字無效"),
        ErrEmpty => ("there is nothing to compute from", "没有可供计算的数据", "沒有可供計算的資料"),
        ErrZeroHorizon => ("the horizon must be at least one period", "期限至少须为一期", "期限至少須為一期"),
        ErrNotEnough => (
            "needs reported values in {0} different years, found {1}",
            "需要 {0} 个不同年份的报告值，只有 {1} 个",
            "需要 {0} 個不同年份的報告值，只有 {1} 個"
        ),
        ErrInfeasible => ("the bounds contradict each other", "各界限相互矛盾", "各界限相互矛盾"),
        ErrUnreachable => ("the target is not reached at this rate", "按此增长率无法达到目标", "按此成長率無法達到目標"),
        ErrOutOfRange => ("the result is too large or too small to show", "结果过大或过小，无法显示", "結果過大或過小，無法顯示"),
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
#[derive(Clone, Copy)]
enum Form {
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

fn cad(form: Form, c: Cadence, locale: Locale) -> &'static str {
    cadence_msg(form, c).text(locale)
}

/// "36 months", "1 year".
fn count_text(n: u32, c: Cadence, locale: Locale) -> String {
    if n == 1 {
        cad(Form::One, c, locale).to_string()
    } else {
        fill(cad(Form::Many, c, locale), &[&n.to_string()])
    }
}

/// "month 36".
fn nth_text(n: u32, c: Cadence, locale: Locale) -> String {
    fill(cad(Form::Nth, c, locale), &[&n.to_string()])
}

/// "in 3 years", "within year 1".
fn horizon_text(h: &Horizon, locale: Locale) -> String {
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
fn rate_text(rate: f64, cadence: Option<Cadence>, signed: bool, locale: Locale) -> String {
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

fn comparator_sign(c: Comparator) -> &'static str {
    match c {
        Comparator::AtLeast => "≥",
        Comparator::AtMost => "≤",
        Comparator::About => "≈",
        Comparator::Exactly => "=",
    }
}

/// A target's value in its unit; growth rates with their cadence.
fn amount_text(
    kind: KpiKind,
    value: f64,
    unit: &Unit,
    cadence: Option<Cadence>,
    l: Locale,
) -> String {
    match kind {
        KpiKind::GrowthRate => rate_text(value, cadence, true, l),
        _ => format::value(value, unit, l),
    }
}

/// "≥ 3 m users", "≥ +10% / month".
fn target_text(k: &KpiTarget, locale: Locale) -> String {
    format!(
        "{} {}",
        comparator_sign(k.comparator),
        amount_text(k.kind, k.value, &k.unit, k.cadence, locale)
    )
}

/// What an engine error means, in the reader's language.
fn engine_error_text(e: &EngineError, locale: Locale) -> String {
    let reason = match e {
        EngineError::RateAtOrBelowMinusOne(r) => {
            fill(KpiMsg::ErrRate.text(locale), &[&format::percent(*r, 1)])
        }
        EngineError::NonPositiveValue(v) => fill(
            KpiMsg::ErrNonPositive.text(locale),
            &[&format::number(*v, 2)],
        ),
        EngineError::NonFinite => KpiMsg::ErrNonFinite.text(locale).to_string(),
        EngineError::Empty => KpiMsg::ErrEmpty.text(locale).to_string(),
        EngineError::ZeroHorizon => KpiMsg::ErrZeroHorizon.text(locale).to_string(),
        EngineError::NotEnoughPoints { needed, found } => fill(
            KpiMsg::ErrNotEnough.text(locale),
            &[&needed.to_string(), &found.to_string()],
        ),
        EngineError::Infeasible => KpiMsg::ErrInfeasible.text(locale).to_string(),
        EngineError::Unreachable => KpiMsg::ErrUnreachable.text(locale).to_string(),
        EngineError::OutOfRange => KpiMsg::ErrOutOfRange.text(locale).to_string(),
    };
    let sep = if locale == Locale::En { ": " } else { "：" };
    format!("{}{sep}{reason}", Msg::EngineErrorPrefix.text(locale))
}

/// The horizon expressed in another cadence, when the two convert exactly.
fn horizon_in(h: &Horizon, c: Cadence) -> Option<f64> {
    let months = |c: Cadence| match c {
        Cadence::Month => Some(1.0),
        Cadence::Quarter => Some(3.0),
        Cadence::Year => Some(12.0),
        _ => None,
    };
    let days = |c: Cadence| match c {
        Cadence::Day => Some(1.0),
        Cadence::Week => Some(7.0),
        _ => None,
    };
    let count = f64::from(h.count);
    match (months(h.cadence), months(c)) {
        (Some(a), Some(b)) => Some(count * a / b),
        _ => match (days(h.cadence), days(c)) {
            (Some(a), Some(b)) => Some(count * a / b),
            _ => None,
        },
    }
}

/// The noun after a value in an input ("users", "%").
fn unit_suffix(unit: &Unit, locale: Locale) -> String {
    match unit {
        Unit::Currency(code) => code.clone(),
        Unit::Count(noun) => pick(noun, locale).0.to_string(),
        Unit::Percent => "%".to_string(),
        Unit::Number => String::new(),
    }
}

/// Groups of targets by section, in the order the plan gives them.
fn by_section(kpis: &[KpiTarget]) -> Vec<(LocalText, Vec<KpiTarget>)> {
    let mut groups: Vec<(LocalText, Vec<KpiTarget>)> = Vec::new();
    for k in kpis {
        match groups.iter_mut().find(|(s, _)| *s == k.section) {
            Some((_, list)) => list.push(k.clone()),
            None => groups.push((k.section.clone(), vec![k.clone()])),
        }
    }
    groups
}

/// The board's own state: chart UI, messages under the inputs (by input id) and the number of
/// periods shown per projection (by projection id; absent = the projection's default).
#[derive(Clone, Copy)]
struct Board {
    charts: Charts,
    errors: RwSignal<HashMap<String, String>>,
    periods: RwSignal<HashMap<String, u32>>,
}

impl Board {
    fn error(&self, id: &str) -> Option<String> {
        self.errors.with(|m| m.get(id).cloned())
    }
    /// Records (or clears) the message under an input, notifying only on a change.
    fn set_error(&self, id: &str, error: Option<String>) {
        if self.errors.with_untracked(|m| m.get(id) != error.as_ref()) {
            self.errors.update(|m| match error {
                Some(e) => {
                    m.insert(id.to_string(), e);
                }
                None => {
                    m.remove(id);
                }
            });
        }
    }
}

#[component]
pub fn KpiBoard() -> impl IntoView {
    let app = use_app();
    let ctx = use_report();
    let board = Board {
        charts: Charts::new(),
        errors: RwSignal::new(HashMap::new()),
        periods: RwSignal::new(HashMap::new()),
    };
    view! { <Dom render=move || kpi_board(app, ctx, board)/> }
}

fn kpi_board(app: AppState, ctx: ReportCtx, board: Board) -> Vec<Node> {
    let locale = app.display_locale();
    let projections = ctx.with(|r| r.projections.clone());
    vec![el("div")
        .class("kpi-board")
        .child(targets(ctx, locale))
        .child(contradictions(ctx, locale))
        .children(
            projections
                .iter()
                .enumerate()
                .map(|(i, p)| projector(app, ctx, board, i, p).key(p.id.clone())),
        )
        .child_opt(super::exports::export_bar(
            app,
            ctx,
            super::exports::ViewData::Projections,
        ))]
}

fn targets(ctx: ReportCtx, locale: Locale) -> Node {
    let t = |m: KpiMsg| m.text(locale);
    let groups = ctx.with(|r| by_section(&r.kpis));
    // KPI ids that another section contradicts.
    let conflicting: Vec<String> = ctx.checks.with(|cs| {
        cs.iter()
            .filter_map(|c| match &c.kind {
                CheckKind::ConflictingTargets { targets, .. } => Some(targets),
                _ => None,
            })
            .flat_map(|t| t.iter().map(|(id, _, _)| id.clone()))
            .collect()
    });
    let s = section("kpi-targets", "kpi-targets", Msg::KpiTargets.text(locale)).child(text_el(
        "p",
        "kpi-intro",
        t(KpiMsg::TargetsIntro),
    ));
    if groups.is_empty() {
        return s.child(text_el("p", "", t(KpiMsg::NoTargets)));
    }
    let head = el("tr").children(
        [
            KpiMsg::ColKpi,
            KpiMsg::ColTarget,
            KpiMsg::ColHorizon,
            KpiMsg::ColCadence,
            KpiMsg::ColSource,
        ]
        .into_iter()
        .map(|m| text_el("th", "", t(m)).attr("scope", "col")),
    );
    let row = |k: &KpiTarget| {
        let conflict = conflicting.contains(&k.id);
        let cell = |m: KpiMsg| el("td").attr("data-label", t(m));
        el("tr")
            .key(k.id.clone())
            .class(if conflict {
                "kpi-row kpi-conflict"
            } else {
                "kpi-row"
            })
            .testid("kpi-row")
            .attr("data-kpi", k.id.clone())
            .child(
                el("th")
                    .attr("scope", "row")
                    .child(local_text(&k.label, locale))
                    .child_opt(conflict.then(|| {
                        el("span").text(" ").child(text_el(
                            "span",
                            "kpi-flag",
                            t(KpiMsg::ConflictFlag),
                        ))
                    })),
            )
            .child(
                cell(KpiMsg::ColTarget)
                    .class("kpi-target")
                    .text(target_text(k, locale)),
            )
            .child(
                cell(KpiMsg::ColHorizon).text(
                    k.horizon
                        .map_or_else(|| "—".to_string(), |h| horizon_text(&h, locale)),
                ),
            )
            .child(
                cell(KpiMsg::ColCadence).text(k.cadence.map_or("—", |c| cad(Form::Per, c, locale))),
            )
            .child(cell(KpiMsg::ColSource).child(badge(k.provenance, locale)))
    };
    let bodies = groups.iter().enumerate().map(|(i, (section, kpis))| {
        el("tbody")
            .key(i.to_string())
            .class("kpi-section")
            .child(
                el("tr").class("kpi-section-row").child(
                    el("th")
                        .attr("scope", "rowgroup")
                        .attr("colspan", "5")
                        .child(local_text(section, locale)),
                ),
            )
            .children(kpis.iter().map(row))
    });
    s.child(
        crate::ui::common::table_scroll(locale).child(
            el("table")
                .class("kpi-table")
                .testid("kpi-table")
                .child(text_el("caption", "", t(KpiMsg::TargetsCaption)))
                .child(el("thead").child(head))
                .children(bodies),
        ),
    )
}

fn contradictions(ctx: ReportCtx, locale: Locale) -> Node {
    let t = |m: KpiMsg| m.text(locale);
    let checks = ctx.checks.get();
    let s = section(
        "kpi-contradictions",
        "kpi-contradictions",
        t(KpiMsg::Contradictions),
    );
    let items: Vec<Node> = checks
        .iter()
        .filter_map(|c| match &c.kind {
            CheckKind::ConflictingTargets { metric, targets } => Some((c, metric, targets)),
            _ => None,
        })
        .map(|(c, metric, targets)| {
            let values = targets.iter().enumerate().map(|(i, (id, value, section))| {
                let (text, prov) = ctx.with(|r| match r.kpis.iter().find(|k| k.id == *id) {
                    Some(k) => (
                        format!(
                            "{} {}",
                            comparator_sign(k.comparator),
                            amount_text(k.kind, *value, &k.unit, k.cadence, locale)
                        ),
                        k.provenance,
                    ),
                    None => (format::number(*value, 2), Provenance::Reported),
                });
                el("li")
                    .key(format!("{i}-{id}"))
                    .child(text_el("strong", "kpi-conflict-value", text))
                    .text(" — ")
                    .child(local_text(section, locale))
                    .text(" ")
                    .child(badge(prov, locale))
            });
            el("li")
                .key(metric.clone())
                .class("check warning kpi-contradiction")
                .testid("kpi-contradiction")
                .attr("data-check", c.key)
                .child(el("p").text(ctx.with(|r| describe(c, r, locale))))
                .child(text_el("p", "kpi-values-h", t(KpiMsg::ValuesBySection)))
                .child(el("ul").class("kpi-conflict-values").children(values))
        })
        .collect();
    // What else the plan contradicts (a share against a level, a rating past its scale, a
    // claimed trend against the figures): the check's own words.
    let others = checks
        .iter()
        .enumerate()
        .filter(|(_, c)| {
            c.severity == Severity::Warning
                && !matches!(c.kind, CheckKind::ConflictingTargets { .. })
        })
        .map(|(i, c)| {
            el("li")
                .key(format!("check-{i}"))
                .class("check warning kpi-contradiction")
                .testid("kpi-contradiction")
                .attr("data-check", c.key)
                .child(el("p").text(ctx.with(|r| describe(c, r, locale))))
        });
    let items: Vec<Node> = items.into_iter().chain(others).collect();
    if items.is_empty() {
        s.child(text_el("p", "", t(KpiMsg::NoContradictions)))
    } else {
        s.child(
            el("ul")
                .class("check-list kpi-contradiction-list")
                .children(items),
        )
    }
}

fn prov_of(modified: bool) -> Provenance {
    if modified {
        Provenance::Scenario
    } else {
        Provenance::Assumption
    }
}

/// "Active users at launch (users)": an input's label with its unit, when it has one.
fn with_unit(label: String, unit: &str, locale: Locale) -> String {
    match (unit.is_empty(), locale) {
        (true, _) => label,
        (false, Locale::En) => format!("{label} ({unit})"),
        (false, _) => format!("{label}（{unit}）"),
    }
}

/// One input of a projector: the shared assumption control, in a wrapper that carries the
/// test id and says where the value comes from.
fn projector_input(
    control: AssumptionInput,
    testid: &'static str,
    source: Option<(&LocalText, Provenance)>,
    board: Board,
    locale: Locale,
    on_change: impl Fn(f64) + Clone + 'static,
) -> Node {
    let id = control.id.to_string();
    // The label's fallback note (the control's label is plain text) and the value's provenance.
    let source = source.map(|(label, p)| {
        let fallback = pick(label, locale).1.then(|| {
            text_el(
                "span",
                "fallback-note",
                format!("({}) ", Msg::TextInOtherLanguage.text(locale)),
            )
        });
        el("p")
            .class("kpi-input-source")
            .child_opt(fallback)
            .child(badge(p, locale))
    });
    el("div")
        .class("kpi-input")
        .testid(testid)
        .child(control.render(locale, on_change, move |e| board.set_error(&id, e)))
        .child_opt(source)
}

fn projector(
    app: AppState,
    ctx: ReportCtx,
    board: Board,
    index: usize,
    projection: &Projection,
) -> Node {
    let locale = app.display_locale();
    let t = |m: KpiMsg| m.text(locale);
    let found = ctx.with(|r| {
        let assumption = |id: &str| r.assumptions.iter().find(|a| a.id == id).cloned();
        Some((
            assumption(&projection.start)?,
            assumption(&projection.rate)?,
            r.kpis.iter().find(|k| k.id == projection.target).cloned()?,
        ))
    });
    let Some((start_a, rate_a, target)) = found else {
        return el("section")
            .class("kpi-projector")
            .testid("projector")
            .attr("data-projection", projection.id.clone())
            .child(el("h2").child(local_text(&projection.label, locale)))
            .child(text_el("p", "notice error", t(KpiMsg::ProjectorMissing)));
    };

    let cadence = projection.cadence;
    let pid = projection.id.clone();
    let default_periods = projection.periods.clamp(1, 120);
    let periods = board
        .periods
        .with(|m| m.get(&pid).copied())
        .unwrap_or(default_periods);
    let (sr, rr) = (start_a.range, rate_a.range);
    let pr = AssumptionRange {
        default: f64::from(projection.periods),
        min: 1.0,
        max: 120.0,
        step: 1.0,
    };
    let (start, rate, start_mod, rate_mod) = ctx.scenario.with(|s| {
        (
            s.value(&start_a.id, sr.default),
            s.value(&rate_a.id, rr.default),
            s.values.contains_key(&start_a.id),
            s.values.contains_key(&rate_a.id),
        )
    });
    let prov = prov_of(start_mod || rate_mod);
    let values: EngineResult<Vec<f64>> = (0..=periods)
        .map(|i| compound(start, rate, f64::from(i)))
        .collect();
    let reach = periods_to_reach(start, target.value, rate);
    let goal_rate = rate_to_reach(start, target.value, periods);
    let goal_start = start_to_reach(target.value, rate, periods);

    // Input ids: the first projector's are "projector-start" etc. (fields `#projector-start-field`,
    // sliders `#projector-start-slider`); further projectors add their id to stay unique.
    let base = if index == 0 {
        "projector".to_string()
    } else {
        format!("projector-{pid}")
    };
    let (start_id, rate_id, periods_id) = (
        format!("{base}-start"),
        format!("{base}-rate"),
        format!("{base}-periods"),
    );

    let set_start = {
        let id = start_a.id.clone();
        move |v: f64| {
            ctx.scenario
                .update(|s| s.set(&id, v.clamp(sr.min, sr.max), sr.default))
        }
    };
    let set_rate = {
        let id = rate_a.id.clone();
        move |v: f64| {
            ctx.scenario
                .update(|s| s.set(&id, v.clamp(rr.min, rr.max), rr.default))
        }
    };
    let set_periods = {
        let pid = pid.clone();
        move |n: u32| {
            board.periods.update(|m| {
                m.insert(pid.clone(), n.clamp(1, 120));
            })
        }
    };

    let start_text = format::value(start, &start_a.unit, locale);
    let rate_word = rate_text(rate, Some(cadence), false, locale);
    let periods_word = count_text(periods, cadence, locale);
    let target_word = target_text(&target, locale);
    let start_range_text = format!(
        "{} – {}",
        format::value(sr.min, &start_a.unit, locale),
        format::value(sr.max, &start_a.unit, locale)
    );
    let rate_range_text = format!(
        "{} – {}",
        rate_text(rr.min, Some(cadence), false, locale),
        rate_text(rr.max, Some(cadence), false, locale)
    );
    let periods_range_text = format!(
        "{} – {}",
        count_text(1, cadence, locale),
        count_text(120, cadence, locale)
    );

    // Inputs.
    let start_input = projector_input(
        AssumptionInput {
            id: &start_id,
            label: with_unit(
                local(&start_a.label, locale),
                &unit_suffix(&start_a.unit, locale),
                locale,
            ),
            value: start,
            range: sr,
            kind: ValueKind::Number,
            changed: start_mod,
            error: board.error(&start_id),
            value_text: Some(start_text.clone()),
        },
        "projector-start",
        Some((&start_a.label, prov_of(start_mod))),
        board,
        locale,
        set_start.clone(),
    );
    let rate_input = projector_input(
        AssumptionInput {
            id: &rate_id,
            label: with_unit(
                local(&rate_a.label, locale),
                cad(Form::Per, cadence, locale),
                locale,
            ),
            value: rate,
            range: rr,
            kind: ValueKind::Percent,
            changed: rate_mod,
            error: board.error(&rate_id),
            value_text: Some(rate_word.clone()),
        },
        "projector-rate",
        Some((&rate_a.label, prov_of(rate_mod))),
        board,
        locale,
        set_rate.clone(),
    );
    let periods_input = {
        let (periods_id2, set_periods) = (periods_id.clone(), set_periods.clone());
        let range_text = periods_range_text.clone();
        projector_input(
            AssumptionInput {
                id: &periods_id,
                label: with_unit(
                    t(KpiMsg::Periods).to_string(),
                    cad(Form::Units, cadence, locale),
                    locale,
                ),
                value: f64::from(periods),
                range: pr,
                kind: ValueKind::Number,
                changed: periods != default_periods,
                error: board.error(&periods_id),
                value_text: Some(periods_word.clone()),
            },
            "projector-periods",
            None,
            board,
            locale,
            move |v: f64| {
                // Whole periods only: a fraction is rounded and the reader told why.
                if v.fract() != 0.0 {
                    board.set_error(
                        &periods_id2,
                        Some(fill(KpiMsg::WholeNumbers.text(locale), &[&range_text])),
                    );
                }
                set_periods(v.round().clamp(1.0, 120.0) as u32);
            },
        )
    };
    let reset = {
        let (sid, rid, pid) = (start_a.id.clone(), rate_a.id.clone(), pid.clone());
        let ids = [start_id.clone(), rate_id.clone(), periods_id.clone()];
        move || {
            ctx.scenario.update(|s| {
                s.set(&sid, sr.default, sr.default);
                s.set(&rid, rr.default, rr.default);
            });
            board.periods.update(|m| {
                m.remove(&pid);
            });
            for id in &ids {
                board.set_error(id, None);
            }
        }
    };
    let inputs = el("div")
        .class("kpi-inputs")
        .child(text_el("h3", "", t(KpiMsg::Inputs)))
        .child(start_input)
        .child(rate_input)
        .child(periods_input)
        .child(
            text_el("button", "link", t(KpiMsg::ResetProjector))
                .attr("type", "button")
                .testid("projector-reset")
                .on_click(reset),
        );

    // Results.
    let end_text = match &values {
        Ok(v) => format::value(v.last().copied().unwrap_or(f64::NAN), &target.unit, locale),
        Err(e) => engine_error_text(e, locale),
    };
    let reach_text = match &reach {
        Ok(r) if r.whole == 0 => t(KpiMsg::ReachedAtStart).to_string(),
        Ok(r) => {
            let mut s = fill(t(KpiMsg::ReachedIn), &[&nth_text(r.whole, cadence, locale)]);
            if r.whole > periods {
                s.push(' ');
                s.push_str(&fill(t(KpiMsg::BeyondShown), &[&periods_word]));
            }
            s
        }
        Err(EngineError::Unreachable) => t(KpiMsg::NotReached).to_string(),
        Err(e) => engine_error_text(e, locale),
    };
    // Against the plan's own horizon for the target, when the cadences convert.
    let horizon_note = target.horizon.and_then(|h| {
        let limit = horizon_in(&h, cadence)?;
        let r = reach.as_ref().ok()?;
        let msg = if f64::from(r.whole) <= limit + 1e-9 {
            KpiMsg::OnTime
        } else {
            KpiMsg::Late
        };
        Some(fill(t(msg), &[&horizon_text(&h, locale)]))
    });
    let results = el("div")
        .class("kpi-results")
        .child(text_el("h3", "", t(KpiMsg::Results)))
        .child(
            el("dl")
                .class("kpi-result-list")
                .child(text_el(
                    "dt",
                    "",
                    fill(t(KpiMsg::EndAfter), &[&periods_word]),
                ))
                .child(
                    el("dd")
                        .child(text_el("span", "kpi-big", end_text).testid("projection-end"))
                        .text(" ")
                        .child(badge(prov, locale)),
                )
                .child(text_el("dt", "", t(KpiMsg::ColTarget)))
                .child(
                    el("dd")
                        .child(text_el("span", "kpi-big", target_word.clone()))
                        .text(
                            target
                                .horizon
                                .map(|h| format!(" {}", horizon_text(&h, locale)))
                                .unwrap_or_default(),
                        )
                        .text(" ")
                        .child(badge(target.provenance, locale)),
                )
                .child(text_el("dt", "", t(KpiMsg::WhenReached)))
                .child(
                    el("dd")
                        .child(el("span").testid("projection-reach").text(reach_text))
                        .child_opt(horizon_note.map(|s| {
                            el("span")
                                .text(" ")
                                .child(text_el("span", "kpi-horizon-note", s))
                        })),
                ),
        );

    // Chart: the projection against the flat target line.
    let chart = projection_chart(
        board.charts,
        if index == 0 {
            "projection".to_string()
        } else {
            format!("projection-{pid}")
        },
        projection,
        &target,
        values.as_deref().unwrap_or(&[]),
        prov,
        app.narrow(),
        locale,
    );

    // Goal seek, with buttons that apply an answer the inputs allow.
    let goal_rate_ok = goal_rate
        .as_ref()
        .ok()
        .copied()
        .filter(|r| *r >= rr.min && *r <= rr.max);
    let goal_start_ok = goal_start
        .as_ref()
        .ok()
        .copied()
        .filter(|s| *s >= sr.min && *s <= sr.max);
    let rate_answer = match &goal_rate {
        Ok(r) => rate_text(*r, Some(cadence), false, locale),
        Err(e) => engine_error_text(e, locale),
    };
    let rate_action = match (&goal_rate, goal_rate_ok) {
        (Err(_), _) => None,
        (Ok(_), None) => Some(outside_range(&rate_range_text, locale)),
        (Ok(_), Some(r)) => {
            let rid = rate_id.clone();
            Some(apply_button(
                t(KpiMsg::UseRate),
                "goal-rate-apply",
                move || {
                    board.set_error(&rid, None);
                    set_rate(r);
                },
            ))
        }
    };
    let start_answer = match &goal_start {
        Ok(s) => format::value(*s, &start_a.unit, locale),
        Err(e) => engine_error_text(e, locale),
    };
    let start_action = match (&goal_start, goal_start_ok) {
        (Err(_), _) => None,
        (Ok(_), None) => Some(outside_range(&start_range_text, locale)),
        (Ok(_), Some(s)) => {
            let sid = start_id.clone();
            Some(apply_button(
                t(KpiMsg::UseStart),
                "goal-start-apply",
                move || {
                    board.set_error(&sid, None);
                    set_start(s);
                },
            ))
        }
    };
    let periods_answer = match &reach {
        Ok(r) if r.whole == 0 => t(KpiMsg::ReachedAtStart).to_string(),
        Ok(r) => fill(
            t(KpiMsg::GoalPeriodsAnswer),
            &[
                &count_text(r.whole, cadence, locale),
                &nth_text(r.whole, cadence, locale),
            ],
        ),
        Err(EngineError::Unreachable) => t(KpiMsg::NotReached).to_string(),
        Err(e) => engine_error_text(e, locale),
    };
    let goal_id = format!("kpi-goal-{pid}-h");
    let goal = el("section")
        .class("kpi-goal")
        .attr("aria-labelledby", goal_id.clone())
        .child(text_el("h3", "", fill(t(KpiMsg::GoalHeading), &[&target_word])).id(goal_id))
        .child(
            el("dl")
                .class("kpi-goal-list")
                .child(text_el(
                    "dt",
                    "",
                    fill(t(KpiMsg::GoalRateQ), &[&periods_word, &start_text]),
                ))
                .child(
                    el("dd")
                        .child(text_el("span", "kpi-big", rate_answer).testid("goal-rate"))
                        .text(" ")
                        .child(badge(prov_of(start_mod), locale))
                        .child_opt(rate_action),
                )
                .child(text_el(
                    "dt",
                    "",
                    fill(t(KpiMsg::GoalStartQ), &[&periods_word, &rate_word]),
                ))
                .child(
                    el("dd")
                        .child(text_el("span", "kpi-big", start_answer).testid("goal-start"))
                        .text(" ")
                        .child(badge(prov_of(rate_mod), locale))
                        .child_opt(start_action),
                )
                .child(text_el(
                    "dt",
                    "",
                    fill(t(KpiMsg::GoalPeriodsQ), &[&start_text, &rate_word]),
                ))
                .child(
                    el("dd")
                        .child(text_el("span", "kpi-big", periods_answer).testid("goal-periods"))
                        .text(" ")
                        .child(badge(prov, locale)),
                ),
        );

    let heading_id = format!("kpi-proj-{pid}-h");
    el("section")
        .class("kpi-projector")
        .testid("projector")
        .attr("data-projection", pid)
        .attr("aria-labelledby", heading_id.clone())
        .child(
            el("h2")
                .id(heading_id)
                .child(local_text(&projection.label, locale)),
        )
        .child(text_el("p", "kpi-intro", t(KpiMsg::ProjectorIntro)))
        .child(
            el("div")
                .class("kpi-projector-grid")
                .child(inputs)
                .child(results),
        )
        .child(chart)
        .child(goal)
}

/// A projection period by period (dashed) against its target (a flat line), with the notes
/// that say which is which. `values[i]` is the value after `i` periods.
#[allow(clippy::too_many_arguments)]
fn projection_chart(
    charts: Charts,
    name: String,
    projection: &Projection,
    target: &KpiTarget,
    values: &[f64],
    prov: Provenance,
    narrow: bool,
    locale: Locale,
) -> Node {
    let t = |m: KpiMsg| m.text(locale);
    let plabel = local(&projection.label, locale);
    let periods = values.len().saturating_sub(1) as u32;
    let points = values
        .iter()
        .zip(0u32..)
        .map(|(y, i)| Datum::new(f64::from(i), *y, prov))
        .collect();
    let series = vec![
        Series {
            key: "projection".into(),
            label: plabel.clone(),
            color: crate::chart::palette::PUBLISHED,
            kind: SeriesKind::Line {
                dashed_from: Some(0.0),
            },
            points,
            low: vec![],
        },
        Series {
            key: "target".into(),
            label: fill(t(KpiMsg::TargetLine), &[&local(&target.label, locale)]),
            color: crate::chart::palette::REFERENCE,
            kind: SeriesKind::Line { dashed_from: None },
            points: vec![
                Datum::new(0.0, target.value, target.provenance),
                Datum::new(f64::from(periods.max(1)), target.value, target.provenance),
            ],
            low: vec![],
        },
    ];
    let notes = vec![
        (t(KpiMsg::NoteProjection).to_string(), "g-dashed"),
        (t(KpiMsg::NoteTarget).to_string(), "g-solid"),
        (Msg::NoteReported.text(locale).to_string(), "g-reported"),
        (Msg::NoteScenario.text(locale).to_string(), "g-scenario"),
    ];
    let target_word = target_text(target, locale);
    xy_chart(
        charts,
        XySpec {
            subtitle: None,
            name,
            title: plabel.clone(),
            description: fill(t(KpiMsg::ChartDesc), &[&plabel, &target_word]),
            series,
            unit: target.unit.clone(),
            x_title: cad(Form::Axis, projection.cadence, locale).to_string(),
            notes,
            tall: false,
        },
        narrow,
        locale,
    )
}

/// A plan's headline for its overview: its first projection's target, as the plan states it
/// ("≥ 3 m users within 3 years"), under the projection's name. `None` without a projection.
pub fn plan_headline(
    r: &crate::domain::schema::Report,
    locale: Locale,
) -> Option<(String, String, Provenance)> {
    let p = r.projections.first()?;
    let target = r.kpis.iter().find(|k| k.id == p.target)?;
    let horizon = target
        .horizon
        .map(|h| format!(" {}", horizon_text(&h, locale)))
        .unwrap_or_default();
    Some((
        local(&target.label, locale),
        format!("{}{horizon}", target_text(target, locale)),
        target.provenance,
    ))
}

/// The plan's first projection as its overview shows it: at the reader's start and rate over
/// the plan's own periods, against the target.
pub fn plan_chart(app: AppState, ctx: ReportCtx, charts: Charts) -> Option<Node> {
    let locale = app.display_locale();
    let (projection, start_a, rate_a, target) = ctx.with(|r| {
        let p = r.projections.first()?.clone();
        let assumption = |id: &str| r.assumptions.iter().find(|a| a.id == id).cloned();
        Some((
            p.clone(),
            assumption(&p.start)?,
            assumption(&p.rate)?,
            r.kpis.iter().find(|k| k.id == p.target).cloned()?,
        ))
    })?;
    let (start, rate, modified) = ctx.scenario.with(|s| {
        (
            s.value(&start_a.id, start_a.range.default),
            s.value(&rate_a.id, rate_a.range.default),
            s.values.contains_key(&start_a.id) || s.values.contains_key(&rate_a.id),
        )
    });
    let periods = projection.periods.clamp(1, 120);
    let values: Vec<f64> = (0..=periods)
        .map(|i| compound(start, rate, f64::from(i)))
        .collect::<EngineResult<_>>()
        .ok()?;
    Some(projection_chart(
        charts,
        "plan-projection".to_string(),
        &projection,
        &target,
        &values,
        prov_of(modified),
        app.narrow(),
        locale,
    ))
}

/// " Outside the range the inputs allow (…)."
fn outside_range(range_text: &str, locale: Locale) -> Node {
    el("span").text(" ").child(text_el(
        "span",
        "kpi-horizon-note",
        fill(KpiMsg::OutsideRange.text(locale), &[range_text]),
    ))
}

/// " [Use this rate]"
fn apply_button(label: &str, testid: &'static str, f: impl Fn() + 'static) -> Node {
    el("span").text(" ").child(
        text_el("button", "link", label)
            .attr("type", "button")
            .testid(testid)
            .on_click(f),
    )
}
