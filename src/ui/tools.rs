//! Scenario power tools: sensitivity (tornado) and uncertainty (seeded Monte Carlo fan).
//!
//! - Sensitivity moves every assumption that can move the chosen value (the headline, a
//!   segment's end value of the dimension chosen in the view, or a plan's projection) down and
//!   up by N points around the reader's scenario, one at a time, and draws the end values as a
//!   tornado. It is a memo of the scenario, N and the target: cheap (~50 engine runs).
//! - Uncertainty samples those assumptions at random from a seed and draws the p10–p90 band,
//!   the median and the published path (and the scenario's own path when it is not the
//!   published one). Ranges are centred on the scenario's values, with widths from the report's
//!   evidence or stated defaults (`domain::engine::monte_carlo`) times a width the reader sets;
//!   a table under the chart lists them, and the chart's SVG and PNG exports carry them as
//!   notes. A run is split across animation frames (a chunk of at most [`CHUNK`] paths or
//!   [`FRAME_BUDGET_MS`] per frame), shows its progress and can be cancelled; the fan is marked
//!   stale once the scenario, the target or the width changes after it.

use super::charts::{data_table, tornado_chart, xy_chart, Charts, TableData, TornadoSpec, XySpec};
use super::common::{local, section};
use super::controls::{AssumptionInput, ValueKind};
use super::dom::{el, text_el, Ev, Node, On};
use super::scenarios::{growth_label, share_label};
use super::segments::chosen_dimension_only;
use super::state::{AppState, ReportCtx};
use crate::chart::palette;
use crate::chart::tornado::{TornadoBar, TornadoRow};
use crate::chart::xy::{Datum, Series, SeriesKind};
use crate::domain::engine::model::compute;
use crate::domain::engine::monte_carlo::{
    Fan, FanPoint, McOptions, McRun, Progress, RangeBasis, SampleRange, DEFAULT_RATE_POINTS,
    DEFAULT_RELATIVE, DEFAULT_WIDTH, MAX_WIDTH, MIN_WIDTH,
};
use crate::domain::engine::sensitivity::{tornado, Tornado};
use crate::domain::engine::target::{inputs, relevant_keys, Evaluator, Target, HEADLINE_KEY};
use crate::domain::format::{self, parse_typed, Locale};
use crate::domain::scenario::{growth_meaning_of, Scenario};
use crate::domain::schema::{AssumptionRange, Member, Provenance, Report, Unit};
use crate::i18n::{fill, provenance, Message, Msg};
use leptos::prelude::*;
use std::collections::HashMap;

crate::messages! {
    pub enum ToolsMsg {
        SensTitle => ("Sensitivity: which assumptions matter most", "敏感性：哪些假设影响最大", "敏感性：哪些假設影響最大"),
        SensHelp => (
            "Each assumption is moved down and up by the amount below, one at a time, with everything else as in your scenario; the bars show where the chosen value ends. The longest bars matter most. Rates and shares move by percentage points; levels such as a starting count move by the same percentage of themselves. Moves stop at the edge of an assumption's range. Only assumptions that can move the chosen value are listed: segment assumptions never move the headline, so pick a segment to see them.",
            "每次只将一个假设按下方的幅度调低和调高，其余保持您的情景不变；条形显示所选数值的最终结果。条形越长，影响越大。增长率和份额按百分点调整；起始数量等水平值按自身的相同百分比调整。调整不超出假设的取值范围。只列出能影响所选数值的假设：细分假设不影响核心数据，请选择一个细分查看。",
            "每次只將一個假設按下方的幅度調低和調高，其餘保持您的情境不變；條形顯示所選數值的最終結果。條形越長，影響越大。成長率和份額按百分點調整；起始數量等水準值按自身的相同百分比調整。調整不超出假設的取值範圍。只列出能影響所選數值的假設：細分假設不影響核心數據，請選擇一個細分查看。"
        ),
        PointsLabel => ("Move each assumption by (percentage points)", "每个假设的调整幅度（百分点）", "每個假設的調整幅度（百分點）"),
        PointsValue => ("{0} points", "{0} 个百分点", "{0} 個百分點"),
        TargetLabel => ("Value to measure", "衡量的数值", "衡量的數值"),
        SegmentGroup => ("A segment's end value ({0})", "某一细分的最终数值（{0}）", "某一細分的最終數值（{0}）"),
        Headline => ("Headline", "核心数据", "核心數據"),
        HeadlineGrowth => ("Headline growth", "核心增长率", "核心成長率"),
        Low => ("Assumption lowered", "假设调低", "假設調低"),
        High => ("Assumption raised", "假设调高", "假設調高"),
        TornadoTitle => ("What moves {0} in {1}", "影响 {1} 年{0}的因素", "影響 {1} 年{0}的因素"),
        TornadoTitlePeriods => ("What moves {0} after {1} periods", "影响 {1} 期后{0}的因素", "影響 {1} 期後{0}的因素"),
        TornadoDesc => (
            "Bars start at your scenario's value, {0}, and end where the value lands with one assumption lowered or raised by {1}; the numbers at the bar ends are the moved assumptions.",
            "条形从您的情景数值 {0} 出发，终点是将一个假设调低或调高 {1} 后的数值；条形末端的数字为调整后的假设值。",
            "條形從您的情境數值 {0} 出發，終點是將一個假設調低或調高 {1} 後的數值；條形末端的數字為調整後的假設值。"
        ),
        BaseLabel => ("Your scenario: {0}", "您的情景：{0}", "您的情境：{0}"),
        BarLabel => ("{0}, {1} to {2}: {3} to {4} ({5})", "{0}，{1} 至 {2}：{3} 至 {4}（{5}）", "{0}，{1} 至 {2}：{3} 至 {4}（{5}）"),
        Omitted => ("{0} more assumptions with smaller swings are not shown.", "另有 {0} 个影响较小的假设未显示。", "另有 {0} 個影響較小的假設未顯示。"),
        Skipped => ("{0} assumptions could not be computed and are not shown.", "{0} 个假设无法计算，未显示。", "{0} 個假設無法計算，未顯示。"),
        AtLimit => ("at limit", "已达上下限", "已達上下限"),
        SingleAssumption => ("Only one assumption moves {0}: {1}. The chart shows how far it moves it each way; there is nothing to rank it against.", "只有一个假设会影响{0}：{1}。图表显示它向两个方向各影响多少，没有其他假设可比较。", "只有一個假設會影響{0}：{1}。圖表顯示它向兩個方向各影響多少，沒有其他假設可比較。"),
        NoRows => ("No assumption can move this value.", "没有假设能影响这个数值。", "沒有假設能影響這個數值。"),
        Assumption => ("Assumption", "假设", "假設"),
        ColInputs => ("Moved to (low – high)", "调整为（低 – 高）", "調整為（低 – 高）"),
        ColLow => ("Value when lowered", "调低后的数值", "調低後的數值"),
        ColHigh => ("Value when raised", "调高后的数值", "調高後的數值"),
        ColSwing => ("Swing", "波动幅度", "波動幅度"),
        Failed => ("The tool could not compute: {0}", "无法计算：{0}", "無法計算：{0}"),
        McTitle => ("Uncertainty: a range of likely outcomes", "不确定性：可能结果的区间", "不確定性：可能結果的區間"),
        McHelp => (
            "Each path draws every assumption that can move the chosen value at random, uniformly within a range centred on its value in your scenario, and computes the forecast; move a slider and its range moves with it. How wide a range is comes from the report where it gives evidence — the gap between two growth rates it gives for the same thing, or how far its bounds (such as “over a value in a year”) let the rate go — and otherwise from stated defaults: growth rates ±2 percentage points, shares and starting levels ±20% of their value. The table under the chart lists every range and where its width comes from; the width control below widens or narrows them all together. A range never leaves its slider's range: near an end it is narrowed on both sides, so it stays centred. Paths that would break a bound the source gives are left out. The band holds the middle 80% of paths (10th to 90th percentile), the line their median. The seed fixes the random draws: the same seed, number of paths and width always draw the same band.",
            "每条路径在以您情景中的数值为中心的区间内，均匀随机抽取所有能影响所选数值的假设，并计算预测；移动滑块，区间随之移动。区间宽度在报告提供依据时取自报告——同一数值的两个增长率之差，或来源界限（如“某年超过某值”）允许增长率变动的幅度——否则采用既定默认值：增长率 ±2 个百分点，份额和起始水平为自身数值的 ±20%。图表下方的表格列出每个区间及其宽度依据；下方的宽度控件可同时放宽或收窄所有区间。区间不会超出滑块范围：接近端点时两侧同等收窄，以保持居中。违反来源所给界限的路径会被剔除。色带涵盖中间 80% 的路径（第 10 至第 90 百分位），线条为中位数。随机种子决定抽取结果：相同的种子、路径数和宽度总会得到相同的色带。",
            "每條路徑在以您情境中的數值為中心的區間內，均勻隨機抽取所有能影響所選數值的假設，並計算預測；移動滑桿，區間隨之移動。區間寬度在報告提供依據時取自報告——同一數值的兩個成長率之差，或來源界限（如「某年超過某值」）允許成長率變動的幅度——否則採用既定預設值：成長率 ±2 個百分點，份額和起始水準為自身數值的 ±20%。圖表下方的表格列出每個區間及其寬度依據；下方的寬度控制項可同時放寬或收窄所有區間。區間不會超出滑桿範圍：接近端點時兩側同等收窄，以保持置中。違反來源所給界限的路徑會被剔除。色帶涵蓋中間 80% 的路徑（第 10 至第 90 百分位），線條為中位數。隨機種子決定抽取結果：相同的種子、路徑數和寬度總會得到相同的色帶。"
        ),
        McMeasures => ("Measures: {0}, as chosen above.", "衡量：{0}，于上方选择。", "衡量：{0}，於上方選擇。"),
        Seed => ("Seed", "随机种子", "隨機種子"),
        PathsClamped => ("{0} is outside {2}–{3}: set to {1}, which the run uses.", "{0} 超出 {2}–{3}，已改为 {1}，运行将使用该值。", "{0} 超出 {2}–{3}，已改為 {1}，執行將使用該值。"),
        Paths => ("Paths (100–20,000)", "路径数（100–20,000）", "路徑數（100–20,000）"),
        SeedError => ("Enter a whole number of 0 or more", "请输入 0 或以上的整数", "請輸入 0 或以上的整數"),
        Run => ("Run", "运行", "執行"),
        Cancel => ("Cancel", "取消", "取消"),
        ProgressLabel => ("Paths computed", "已计算的路径", "已計算的路徑"),
        ProgressText => ("{0} of {1} paths", "{1} 条路径中的 {0} 条", "{1} 條路徑中的 {0} 條"),
        Stale => ("Run again to include your latest changes.", "请重新运行以纳入您最新的更改。", "請重新執行以納入您最新的變更。"),
        SeedPaths => ("Seed {0}, {1} paths.", "随机种子 {0}，{1} 条路径。", "隨機種子 {0}，{1} 條路徑。"),
        FailedPaths => ("{0} paths could not be computed and are left out.", "{0} 条路径无法计算，已剔除。", "{0} 條路徑無法計算，已剔除。"),
        FanTitle => ("Range of outcomes: {0}", "结果区间：{0}", "結果區間：{0}"),
        FanDesc => (
            "The middle 80% of {0} paths simulated around your scenario (band), their median (line) and the published path, by year.",
            "围绕您的情景模拟的 {0} 条路径的中间 80%（色带）、中位数（线条）与公布路径，按年份。",
            "圍繞您的情境模擬的 {0} 條路徑的中間 80%（色帶）、中位數（線條）與公布路徑，按年份。"
        ),
        FanDescScenario => (
            "The middle 80% of {0} paths simulated around your scenario (band), their median (line), your scenario's own path and the published path, by year.",
            "围绕您的情景模拟的 {0} 条路径的中间 80%（色带）、中位数（线条）、您的情景本身的路径与公布路径，按年份。",
            "圍繞您的情境模擬的 {0} 條路徑的中間 80%（色帶）、中位數（線條）、您的情境本身的路徑與公布路徑，按年份。"
        ),
        Band => ("10th–90th percentile", "第 10–90 百分位", "第 10–90 百分位"),
        Median => ("Median", "中位数", "中位數"),
        Published => ("Published", "公布值", "公布值"),
        WithinBounds => ("{0}; within the source's bounds: {1}", "{0}；符合来源界限的部分：{1}", "{0}；符合來源界限的部分：{1}"),
        WidthLabel => ("Range width (× the default ranges)", "区间宽度（默认区间的倍数）", "區間寬度（預設區間的倍數）"),
        WidthValue => ("× {0}", "{0} 倍", "{0} 倍"),
        RangesCaption => ("Sampled ranges (× {0} the default widths)", "抽样区间（默认宽度的 {0} 倍）", "抽樣區間（預設寬度的 {0} 倍）"),
        ColCentre => ("Centre (your scenario)", "中心（您的情景）", "中心（您的情境）"),
        ColRange => ("Sampled range", "抽样区间", "抽樣區間"),
        ColBasis => ("Width from", "宽度依据", "寬度依據"),
        RangeNote => ("{0}: {1} around {2} — {3}", "{0}：{1}，以 {2} 为中心 — {3}", "{0}：{1}，以 {2} 為中心 — {3}"),
        BasisRates => (
            "± the gap between the published rate, {0}, and the {1} the source also gives",
            "± 公布增长率 {0} 与来源另行给出的 {1} 之差",
            "± 公布成長率 {0} 與來源另行給出的 {1} 之差"
        ),
        BasisBoundLow => (
            "± the distance from the published rate, {0}, down to {1}, the lowest rate the source's bounds allow",
            "± 公布增长率 {0} 与来源界限允许的最低增长率 {1} 之差",
            "± 公布成長率 {0} 與來源界限允許的最低成長率 {1} 之差"
        ),
        BasisBoundHigh => (
            "± the distance from the published rate, {0}, up to {1}, the highest rate the source's bounds allow",
            "± 公布增长率 {0} 与来源界限允许的最高增长率 {1} 之差",
            "± 公布成長率 {0} 與來源界限允許的最高成長率 {1} 之差"
        ),
        BasisTargets => (
            "± the gap between the plan's {0} and the {1} it sets elsewhere for the same quantity",
            "± 计划中的 {0} 与其在别处为同一指标设定的 {1} 之差",
            "± 計畫中的 {0} 與其在別處為同一指標設定的 {1} 之差"
        ),
        BasisPoints => ("default: ± {0} points (the source gives no figure)", "默认：± {0} 个百分点（来源未给出数字）", "預設：± {0} 個百分點（來源未給出數字）"),
        BasisRelative => ("default: ± {0} of the value (the source gives no figure)", "默认：数值的 ± {0}（来源未给出数字）", "預設：數值的 ± {0}（來源未給出數字）"),
        BasisOverride => ("set by hand", "手动设定", "手動設定"),
        Scaled => ("{0}, × {1}", "{0}，× {1}", "{0}，× {1}"),
        Narrowed => (
            "{0}; narrowed on both sides to stay within the slider's range",
            "{0}；为保持在滑块范围内，两侧同等收窄",
            "{0}；為保持在滑桿範圍內，兩側同等收窄"
        ),
    }
}

/// Rows the tornado draws at most.
const MAX_ROWS: usize = 12;
/// N: 0.5–10 points in steps of 0.5.
const POINTS_RANGE: AssumptionRange = AssumptionRange {
    default: 0.02,
    min: 0.005,
    max: 0.10,
    step: 0.005,
};
/// The Monte Carlo's width multiplier: ×0.25 to ×4 in steps of 0.25.
const WIDTH_RANGE: AssumptionRange = AssumptionRange {
    default: DEFAULT_WIDTH,
    min: MIN_WIDTH,
    max: MAX_WIDTH,
    step: 0.25,
};
const PATHS_MIN: u32 = 100;
const PATHS_MAX: u32 = 20_000;
/// Paths per animation frame at most, in steps of [`STEP`], stopping early past the budget.
const CHUNK: usize = 200;
const STEP: usize = 25;
const FRAME_BUDGET_MS: f64 = 6.0;

/// What one Monte Carlo run was asked, kept with its result to label and date it.
#[derive(Debug, Clone, PartialEq)]
struct McJob {
    /// The run's number (its cancel token), distinct for every run.
    id: u64,
    scenario: Scenario,
    target: Target,
    seed: u64,
    paths: u32,
    width: f64,
    published: Vec<Datum>,
}

/// The tools' own state, created once by the Scenarios component.
#[derive(Clone, Copy)]
pub struct ToolsState {
    /// Points the tornado moves each assumption by (0.02 = 2 points).
    pub tornado_points: RwSignal<f64>,
    /// The value the reader chose to measure (`None`: the report's natural one).
    pub target: RwSignal<Option<Target>>,
    pub mc_seed: RwSignal<u64>,
    pub mc_paths: RwSignal<u32>,
    /// What the paths field says after it corrected an out-of-range number.
    mc_paths_note: RwSignal<Option<String>>,
    /// Multiplier of the default range widths (see [`mc_width`]).
    pub mc_width: RwSignal<f64>,
    /// The run in progress, stepped frame by frame.
    pub mc_run: StoredValue<Option<McRun>>,
    /// The target in force: the chosen one while it exists, else the report's natural one.
    resolved: Memo<Option<Target>>,
    sensitivity: Memo<Option<Result<Tornado, String>>>,
    /// Bumped by every start and cancel: a frame of an older run stops.
    mc_token: StoredValue<u64>,
    mc_running: RwSignal<Option<(McJob, Progress)>>,
    mc_result: RwSignal<Option<(McJob, Result<Fan, String>)>>,
    /// Messages about what was typed, by field id.
    errors: RwSignal<HashMap<&'static str, String>>,
}

impl ToolsState {
    /// Call inside a report (it reads the app and report contexts).
    pub fn new() -> Self {
        let (app, ctx) = (use_context::<AppState>(), use_context::<ReportCtx>());
        // Seed, paths and points belong to the app: a shared link carries them.
        let tornado_points = app.map_or_else(|| RwSignal::new(0.02), |a| a.tornado_points);
        let target = RwSignal::new(None);
        let resolved = Memo::new(move |_| resolve_target(app?, ctx?, target.get()));
        let sensitivity = Memo::new(move |_| {
            let ctx = ctx?;
            let target = resolved.get()?;
            let points = tornado_points.get();
            Some(ctx.settled.with(|s| {
                ctx.with(|r| {
                    let keys = relevant_keys(r, &target);
                    tornado(r, s, &keys, points, &target).map_err(|e| e.to_string())
                })
            }))
        });
        ToolsState {
            tornado_points,
            target,
            mc_seed: app.map_or_else(|| RwSignal::new(1), |a| a.mc_seed),
            mc_paths: app.map_or_else(|| RwSignal::new(2_000), |a| a.mc_paths),
            mc_paths_note: RwSignal::new(None),
            mc_width: app.map_or_else(|| RwSignal::new(DEFAULT_WIDTH), |a| a.mc_width),
            mc_run: StoredValue::new(None),
            resolved,
            sensitivity,
            mc_token: StoredValue::new(0),
            mc_running: RwSignal::new(None),
            mc_result: RwSignal::new(None),
            errors: RwSignal::new(HashMap::new()),
        }
    }

    fn set_error(&self, id: &'static str, error: Option<String>) {
        self.errors.update(|m| match error {
            Some(e) => {
                m.insert(id, e);
            }
            None => {
                m.remove(id);
            }
        });
    }
}

impl Default for ToolsState {
    fn default() -> Self {
        Self::new()
    }
}

/// The picked target while the report still has it (a segment only of the dimension chosen in
/// the view, at its top level); otherwise the report's natural target.
fn resolve_target(app: AppState, ctx: ReportCtx, picked: Option<Target>) -> Option<Target> {
    let dim = chosen_dimension_only(app, ctx);
    ctx.with(|r| {
        let valid = match &picked {
            Some(Target::Headline) => r.forecast.is_some(),
            Some(Target::Segment { dimension, member }) => {
                r.forecast.is_some()
                    && dim.as_ref().is_some_and(|d| {
                        d.id == *dimension && d.members.iter().any(|m| m.id == *member)
                    })
            }
            Some(Target::Projection(id)) => r.projections.iter().any(|p| p.id == *id),
            None => false,
        };
        if valid {
            picked
        } else {
            Target::default_for(r)
        }
    })
}

fn find_member<'a>(members: &'a [Member], id: &str) -> Option<&'a Member> {
    members.iter().find_map(|m| {
        (m.id == id)
            .then_some(m)
            .or_else(|| find_member(&m.children, id))
    })
}

/// An input key as a reader names it, in the sliders' words: "Headline growth", "Camera
/// Modules — relative growth", "Camera Modules — base share", a plan assumption's label.
fn input_name(r: &Report, key: &str, locale: Locale) -> String {
    if key == HEADLINE_KEY {
        return ToolsMsg::HeadlineGrowth.text(locale).into();
    }
    if let Some(a) = r.assumptions.iter().find(|a| a.id == key) {
        return local(&a.label, locale);
    }
    let named = key.rsplit_once('.').and_then(|(path, kind)| {
        let (dim, member) = path.split_once('.')?;
        let what = match kind {
            "growth" => growth_label(growth_meaning_of(r, key)?, locale),
            "share" => share_label(locale),
            _ => return None,
        };
        let m = r
            .dimensions
            .iter()
            .find(|d| d.id == dim)
            .and_then(|d| find_member(&d.members, member))?;
        Some(format!("{} — {what}", local(&m.name, locale)))
    });
    named.unwrap_or_else(|| key.to_string())
}

/// What a target measures, as a reader names it.
fn target_name(r: &Report, target: &Target, locale: Locale) -> String {
    match target {
        Target::Headline => r
            .forecast
            .as_ref()
            .and_then(|f| r.series.iter().find(|s| s.id == f.series))
            .map(|s| local(&s.name, locale))
            .unwrap_or_else(|| ToolsMsg::Headline.text(locale).into()),
        Target::Segment { dimension, member } => r
            .dimensions
            .iter()
            .find(|d| d.id == *dimension)
            .and_then(|d| {
                let m = find_member(&d.members, member)?;
                Some(format!(
                    "{} ({})",
                    local(&m.name, locale),
                    local(&d.name, locale)
                ))
            })
            .unwrap_or_else(|| member.clone()),
        Target::Projection(id) => r
            .projections
            .iter()
            .find(|p| p.id == *id)
            .map(|p| local(&p.label, locale))
            .unwrap_or_else(|| id.clone()),
    }
}

/// The unit a target's values are in.
fn target_unit(r: &Report, target: &Target) -> Unit {
    let headline_unit = || {
        r.forecast
            .as_ref()
            .and_then(|f| r.series.iter().find(|s| s.id == f.series))
            .map(|s| s.unit.clone())
    };
    match target {
        Target::Projection(id) => r
            .projections
            .iter()
            .find(|p| p.id == *id)
            .and_then(|p| r.assumptions.iter().find(|a| a.id == p.start))
            .map(|a| a.unit.clone()),
        _ => headline_unit(),
    }
    .unwrap_or(Unit::Number)
}

/// An input value: rates and shares as percentages, levels as numbers.
fn input_text(v: f64, is_fraction: bool) -> String {
    if is_fraction {
        format::percent(v, 2)
    } else {
        format::number(v, 2)
    }
}

fn target_value(t: &Target) -> String {
    match t {
        Target::Headline => HEADLINE_KEY.to_string(),
        Target::Segment { dimension, member } => format!("seg:{dimension}:{member}"),
        Target::Projection(id) => format!("proj:{id}"),
    }
}

fn parse_target(v: &str) -> Option<Target> {
    if v == HEADLINE_KEY {
        return Some(Target::Headline);
    }
    if let Some(rest) = v.strip_prefix("seg:") {
        let (dimension, member) = rest.split_once(':')?;
        return Some(Target::Segment {
            dimension: dimension.into(),
            member: member.into(),
        });
    }
    v.strip_prefix("proj:")
        .map(|id| Target::Projection(id.to_string()))
}

/// The sections the Scenarios view shows after its own.
pub fn tools(app: AppState, ctx: ReportCtx, charts: Charts, state: ToolsState) -> Vec<Node> {
    let locale = app.display_locale();
    let Some(target) = state.resolved.get() else {
        return Vec::new();
    };
    vec![
        sensitivity(app, ctx, charts, state, &target, locale),
        uncertainty(app, ctx, charts, state, &target, locale),
    ]
}

fn target_picker(
    app: AppState,
    ctx: ReportCtx,
    state: ToolsState,
    current: &Target,
    locale: Locale,
) -> Node {
    let t = |m: ToolsMsg| m.text(locale);
    let now = target_value(current);
    let option = |target: Target, label: String| {
        let v = target_value(&target);
        el("option")
            .key(v.clone())
            .attr_if(v == now, "selected", "")
            .attr("value", v)
            .text(label)
    };
    let dim = chosen_dimension_only(app, ctx);
    let mut options = Vec::new();
    ctx.with(|r| {
        if r.forecast.is_some() {
            options.push(option(
                Target::Headline,
                target_name(r, &Target::Headline, locale),
            ));
            if let Some(d) = &dim {
                options.push(
                    el("optgroup")
                        .key(format!("g-{}", d.id))
                        .attr(
                            "label",
                            fill(t(ToolsMsg::SegmentGroup), &[&local(&d.name, locale)]),
                        )
                        .children(d.members.iter().map(|m| {
                            option(
                                Target::Segment {
                                    dimension: d.id.clone(),
                                    member: m.id.clone(),
                                },
                                local(&m.name, locale),
                            )
                        })),
                );
            }
        }
        for p in &r.projections {
            options.push(option(
                Target::Projection(p.id.clone()),
                local(&p.label, locale),
            ));
        }
    });
    el("label")
        .class("control")
        .child(text_el("span", "", t(ToolsMsg::TargetLabel)))
        .child(
            el("select")
                .testid("tools-target")
                .prop("value", now)
                .on(On::Change, move |ev: &Ev| {
                    if let Some(target) = parse_target(&ev.value) {
                        state.target.set(Some(target));
                    }
                })
                .children(options),
        )
}

fn sensitivity(
    app: AppState,
    ctx: ReportCtx,
    charts: Charts,
    state: ToolsState,
    target: &Target,
    locale: Locale,
) -> Node {
    let t = |m: ToolsMsg| m.text(locale);
    let points = state.tornado_points.get();
    let points_text = fill(
        t(ToolsMsg::PointsValue),
        &[&format::number(points * 100.0, 1)],
    );
    let points_input = AssumptionInput {
        id: "tornado-points",
        label: t(ToolsMsg::PointsLabel).into(),
        value: points,
        range: POINTS_RANGE,
        kind: ValueKind::Percent,
        changed: (points - POINTS_RANGE.default).abs() > 1e-12,
        error: state.errors.with(|e| e.get("tornado-points").cloned()),
        value_text: Some(points_text.clone()),
    }
    .render(
        locale,
        move |v| state.tornado_points.set(v),
        move |e| state.set_error("tornado-points", e),
    );
    let mut s = section("tools-sensitivity", "sens", t(ToolsMsg::SensTitle))
        .child(text_el("p", "help", t(ToolsMsg::SensHelp)))
        .child(
            el("div")
                .class("controls-row tools-controls")
                .child(
                    el("div")
                        .class("tools-points")
                        .testid("tornado-points")
                        .child(points_input),
                )
                .child(target_picker(app, ctx, state, target, locale)),
        );
    let body = state.sensitivity.with(|res| match res {
        None => Vec::new(),
        Some(Err(e)) => vec![text_el(
            "p",
            "notice error",
            fill(t(ToolsMsg::Failed), &[e]),
        )],
        Some(Ok(tor)) => ctx.with(|r| tornado_nodes(app, charts, r, tor, &points_text, locale)),
    });
    s = s.children(body);
    s
}

fn tornado_nodes(
    app: AppState,
    charts: Charts,
    r: &Report,
    tor: &Tornado,
    points_text: &str,
    locale: Locale,
) -> Vec<Node> {
    let t = |m: ToolsMsg| m.text(locale);
    if tor.rows.is_empty() {
        return vec![text_el("p", "help", t(ToolsMsg::NoRows))];
    }
    let unit = target_unit(r, &tor.target);
    let value = |v: f64| format::value(v, &unit, locale);
    let scenario = provenance(locale, Provenance::Scenario);
    let shown = &tor.rows[..tor.rows.len().min(MAX_ROWS)];
    let mut rows = Vec::new();
    let mut table = Vec::new();
    for row in shown {
        let name = input_name(r, &row.key, locale);
        let (lo_in, hi_in) = (
            input_text(row.low_input, row.is_fraction),
            input_text(row.high_input, row.is_fraction),
        );
        let label = fill(
            t(ToolsMsg::BarLabel),
            &[
                &name,
                &lo_in,
                &hi_in,
                &value(row.low_value),
                &value(row.high_value),
                scenario,
            ],
        );
        table.push((
            name.clone(),
            vec![
                format!("{lo_in} – {hi_in}"),
                format!("{} ({scenario})", value(row.low_value)),
                format!("{} ({scenario})", value(row.high_value)),
                value(row.swing),
            ],
        ));
        rows.push(TornadoRow {
            key: row.key.clone(),
            name,
            // A side whose input could not move (clamped to the base: the slider's limit).
            low: TornadoBar {
                value: row.low_value,
                input: lo_in,
                label: label.clone(),
                at_limit: (row.low_input - row.base_input).abs() < 1e-12,
            },
            high: TornadoBar {
                value: row.high_value,
                input: hi_in,
                label,
                at_limit: (row.high_input - row.base_input).abs() < 1e-12,
            },
        });
    }
    let title = match &tor.target {
        Target::Projection(id) => fill(
            t(ToolsMsg::TornadoTitlePeriods),
            &[
                &target_name(r, &tor.target, locale),
                &r.projections
                    .iter()
                    .find(|p| p.id == *id)
                    .map_or(0, |p| p.periods)
                    .to_string(),
            ],
        ),
        _ => fill(
            t(ToolsMsg::TornadoTitle),
            &[
                &target_name(r, &tor.target, locale),
                &r.meta.forecast.to.to_string(),
            ],
        ),
    };
    let base = value(tor.base_value);
    let chart = tornado_chart(
        charts,
        TornadoSpec {
            name: "tornado".into(),
            title,
            description: fill(t(ToolsMsg::TornadoDesc), &[&base, points_text]),
            rows,
            base: tor.base_value,
            base_label: fill(t(ToolsMsg::BaseLabel), &[&base]),
            unit: unit.clone(),
            low_label: t(ToolsMsg::Low).into(),
            high_label: t(ToolsMsg::High).into(),
            at_limit: t(ToolsMsg::AtLimit).into(),
            table: TableData {
                caption: String::new(),
                corner: t(ToolsMsg::Assumption).into(),
                columns: vec![
                    t(ToolsMsg::ColInputs).into(),
                    t(ToolsMsg::ColLow).into(),
                    t(ToolsMsg::ColHigh).into(),
                    t(ToolsMsg::ColSwing).into(),
                ],
                rows: table,
            },
        },
        app.narrow(),
        locale,
    )
    .testid("tornado");
    let omitted = tor.rows.len() - shown.len();
    // One row is no ranking: say why the chart has a single bar pair.
    let single = (tor.rows.len() == 1).then(|| {
        text_el(
            "p",
            "help",
            fill(
                t(ToolsMsg::SingleAssumption),
                &[
                    &target_name(r, &tor.target, locale),
                    &input_name(r, &tor.rows[0].key, locale),
                ],
            ),
        )
        .testid("tornado-single")
    });
    vec![
        single,
        Some(chart),
        (omitted > 0).then(|| {
            text_el(
                "p",
                "help",
                fill(t(ToolsMsg::Omitted), &[&omitted.to_string()]),
            )
            .testid("tornado-omitted")
        }),
        (!tor.skipped.is_empty()).then(|| {
            text_el(
                "p",
                "help",
                fill(t(ToolsMsg::Skipped), &[&tor.skipped.len().to_string()]),
            )
        }),
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// A labelled one-line number field with its message.
fn number_field(
    id: &'static str,
    label: &str,
    value: String,
    (error, note): (Option<String>, Option<String>),
    on_change: impl Fn(&Ev) + 'static,
) -> Node {
    let msg_id = format!("{id}-msg");
    el("div")
        .class("control tools-field")
        .child(el("label").attr("for", id).text(label))
        .child(
            el("input")
                .attr("type", "text")
                .attr("inputmode", "numeric")
                .id(id)
                .attr("data-testid", id)
                .class("assumption-field")
                .attr("aria-describedby", msg_id.clone())
                .attr("aria-invalid", error.is_some().to_string())
                .prop("value", value)
                .on(On::Change, on_change),
        )
        .child(
            el("p")
                .class(if error.is_none() && note.is_some() {
                    "field-msg note"
                } else {
                    "field-msg"
                })
                .id(msg_id)
                .attr("role", "status")
                .text(error.or(note).unwrap_or_default()),
        )
}

fn uncertainty(
    app: AppState,
    ctx: ReportCtx,
    charts: Charts,
    state: ToolsState,
    target: &Target,
    locale: Locale,
) -> Node {
    let t = |m: ToolsMsg| m.text(locale);
    let running = state.mc_running.get();
    let errors = state.errors.get();
    let seed = number_field(
        "mc-seed",
        t(ToolsMsg::Seed),
        state.mc_seed.get().to_string(),
        (errors.get("mc-seed").cloned(), None),
        move |ev: &Ev| {
            let typed: String = ev
                .value
                .chars()
                .filter(|c| !matches!(c, ',' | ' '))
                .collect();
            match typed.parse::<u64>() {
                Ok(v) => {
                    state.set_error("mc-seed", None);
                    state.mc_seed.set(v);
                }
                Err(_) => state.set_error(
                    "mc-seed",
                    Some(format!(
                        "{} “{}”",
                        ToolsMsg::SeedError.text(locale),
                        ev.value.trim()
                    )),
                ),
            }
        },
    );
    let paths = number_field(
        "mc-paths",
        t(ToolsMsg::Paths),
        state.mc_paths.get().to_string(),
        (errors.get("mc-paths").cloned(), state.mc_paths_note.get()),
        move |ev: &Ev| match parse_typed(&ev.value).filter(|v| v.is_finite()) {
            Some(v) => {
                // Out of range: corrected in the field and used as shown, with a note (not an
                // error: the run goes ahead with the value the field now shows).
                let n = v.round().clamp(f64::from(PATHS_MIN), f64::from(PATHS_MAX)) as u32;
                let inside = (f64::from(PATHS_MIN)..=f64::from(PATHS_MAX)).contains(&v.round());
                state.set_error("mc-paths", None);
                state.mc_paths_note.set((!inside).then(|| {
                    fill(
                        ToolsMsg::PathsClamped.text(locale),
                        &[
                            &format::number(v.round(), 0),
                            &format::number(f64::from(n), 0),
                            &format::number(f64::from(PATHS_MIN), 0),
                            &format::number(f64::from(PATHS_MAX), 0),
                        ],
                    )
                }));
                state.mc_paths.set(n);
            }
            None => state.set_error(
                "mc-paths",
                Some(format!(
                    "{} “{}”",
                    Msg::NotANumber.text(locale),
                    ev.value.trim()
                )),
            ),
        },
    );
    let width = state.mc_width.get();
    let width_input = AssumptionInput {
        id: "mc-width",
        label: t(ToolsMsg::WidthLabel).into(),
        value: width,
        range: WIDTH_RANGE,
        kind: ValueKind::Number,
        changed: (width - WIDTH_RANGE.default).abs() > 1e-12,
        error: errors.get("mc-width").cloned(),
        value_text: Some(fill(t(ToolsMsg::WidthValue), &[&format::number(width, 2)])),
    }
    .render(
        locale,
        move |v| state.mc_width.set(v),
        move |e| state.set_error("mc-width", e),
    );
    let run = text_el("button", "primary", t(ToolsMsg::Run))
        .testid("mc-run")
        .attr_if(running.is_some(), "disabled", "")
        .on_click(move || start_run(ctx, state));
    let controls = el("div")
        .class("controls-row tools-controls")
        .child(seed)
        .child(paths)
        .child(
            el("div")
                .class("tools-points")
                .testid("mc-width")
                .child(width_input),
        )
        .child(el("div").class("tools-run").child(run));
    let progress = running.map(|(_, p)| {
        el("div")
            .class("mc-progress")
            .child(
                el("progress")
                    .testid("mc-progress")
                    .attr("value", p.done.to_string())
                    .attr("max", p.total.to_string())
                    .attr("aria-label", t(ToolsMsg::ProgressLabel)),
            )
            .child(text_el(
                "span",
                "mc-progress-text",
                fill(
                    t(ToolsMsg::ProgressText),
                    &[
                        &format::number(p.done as f64, 0),
                        &format::number(p.total as f64, 0),
                    ],
                ),
            ))
            .child(
                text_el("button", "link", t(ToolsMsg::Cancel))
                    .testid("mc-cancel")
                    .on_click(move || cancel_run(state)),
            )
    });
    let measures = ctx.with(|r| fill(t(ToolsMsg::McMeasures), &[&target_name(r, target, locale)]));
    let result = state.mc_result.with(|res| {
        res.as_ref()
            .map(|(job, fan)| fan_nodes(app, ctx, charts, job, fan, (target, width), locale))
            .unwrap_or_default()
    });
    section("tools-uncertainty", "mc", t(ToolsMsg::McTitle))
        .child(text_el("p", "help", t(ToolsMsg::McHelp)))
        .child(text_el("p", "", measures))
        .child(controls)
        .child_opt(progress)
        .children(result)
}

/// The reader-facing text of where a range's width comes from.
fn basis_text(range: &SampleRange, width: f64, is_fraction: bool, locale: Locale) -> String {
    let t = |m: ToolsMsg| m.text(locale);
    let rate = |v: f64| format::percent(v, 2);
    let base = match range.basis {
        RangeBasis::SourceRates { published, other } => {
            fill(t(ToolsMsg::BasisRates), &[&rate(published), &rate(other)])
        }
        RangeBasis::Bounds { published, limit } => fill(
            t(if limit < published {
                ToolsMsg::BasisBoundLow
            } else {
                ToolsMsg::BasisBoundHigh
            }),
            &[&rate(published), &rate(limit)],
        ),
        RangeBasis::SourceTargets { default, other } => fill(
            t(ToolsMsg::BasisTargets),
            &[
                &input_text(default, is_fraction),
                &input_text(other, is_fraction),
            ],
        ),
        RangeBasis::DefaultPoints => fill(
            t(ToolsMsg::BasisPoints),
            &[&format::number(DEFAULT_RATE_POINTS * 100.0, 2)],
        ),
        RangeBasis::DefaultRelative => fill(
            t(ToolsMsg::BasisRelative),
            &[&format::percent(DEFAULT_RELATIVE, 0)],
        ),
        RangeBasis::Override => t(ToolsMsg::BasisOverride).to_string(),
    };
    let scaled = if range.basis != RangeBasis::Override && (width - 1.0).abs() > 1e-12 {
        fill(t(ToolsMsg::Scaled), &[&base, &format::number(width, 2)])
    } else {
        base
    };
    if range.narrowed {
        fill(t(ToolsMsg::Narrowed), &[&scaled])
    } else {
        scaled
    }
}

/// The ranges a fan sampled, as rows (input; centre, range, width's source) and as the notes its
/// chart exports carry.
fn range_rows(
    r: &Report,
    fan: &Fan,
    width: f64,
    locale: Locale,
) -> (Vec<(String, Vec<String>)>, Vec<String>) {
    let t = |m: ToolsMsg| m.text(locale);
    let all = inputs(r).unwrap_or_default();
    let mut rows = Vec::new();
    let mut notes = Vec::new();
    for range in &fan.ranges {
        let f = all
            .iter()
            .find(|i| i.key == range.key)
            .is_none_or(|i| i.is_fraction);
        let span = |lo: f64, hi: f64| format!("{} – {}", input_text(lo, f), input_text(hi, f));
        let near = |a: f64, b: f64| (a - b).abs() <= 1e-12 * a.abs().max(b.abs()).max(1.0);
        let sampled = match range.truncated {
            // Only where the bounds actually cut into the range.
            Some((lo, hi)) if !(near(lo, range.low) && near(hi, range.high)) => fill(
                t(ToolsMsg::WithinBounds),
                &[&span(range.low, range.high), &span(lo, hi)],
            ),
            _ => span(range.low, range.high),
        };
        let name = input_name(r, &range.key, locale);
        let centre = input_text(range.mode, f);
        let basis = basis_text(range, width, f, locale);
        notes.push(fill(
            t(ToolsMsg::RangeNote),
            &[&name, &sampled, &centre, &basis],
        ));
        rows.push((name, vec![centre, sampled, basis]));
    }
    (rows, notes)
}

fn fan_nodes(
    app: AppState,
    ctx: ReportCtx,
    charts: Charts,
    job: &McJob,
    fan: &Result<Fan, String>,
    (target, width): (&Target, f64),
    locale: Locale,
) -> Vec<Node> {
    let t = |m: ToolsMsg| m.text(locale);
    let stale = job.target != *target
        || (job.width - width).abs() > 1e-12
        || ctx.scenario.with(|s| *s != job.scenario);
    let mut out = Vec::new();
    if stale {
        out.push(
            text_el("p", "notice mc-stale", t(ToolsMsg::Stale))
                .attr("role", "status")
                .testid("mc-stale"),
        );
    }
    let fan = match fan {
        Ok(fan) => fan,
        Err(e) => {
            out.push(text_el(
                "p",
                "notice error",
                fill(t(ToolsMsg::Failed), &[e]),
            ));
            return out;
        }
    };
    ctx.with(|r| {
        let unit = target_unit(r, &job.target);
        let scenario_points = |f: fn(&FanPoint) -> f64| {
            fan.points
                .iter()
                .map(|p| Datum::new(f64::from(p.x), f(p), Provenance::Scenario))
                .collect::<Vec<_>>()
        };
        let anchor = match job.target {
            Target::Projection(_) => None,
            _ => r.forecast.as_ref().map(|f| f64::from(f.anchor_year)),
        };
        let mut series = vec![
            Series {
                key: "band".into(),
                label: t(ToolsMsg::Band).into(),
                color: palette::BAND,
                kind: SeriesKind::Band,
                points: scenario_points(|p| p.p90),
                low: fan.points.iter().map(|p| p.p10).collect(),
            },
            Series {
                key: "published".into(),
                label: t(ToolsMsg::Published).into(),
                color: palette::PUBLISHED,
                kind: SeriesKind::Line {
                    dashed_from: anchor,
                },
                points: job.published.clone(),
                low: Vec::new(),
            },
            Series {
                key: "p50".into(),
                label: t(ToolsMsg::Median).into(),
                color: palette::MEDIAN,
                kind: SeriesKind::Line { dashed_from: None },
                points: scenario_points(|p| p.p50),
                low: Vec::new(),
            },
        ];
        // The fan is centred on the scenario: when it is not the published one, its own path
        // is what the median follows.
        let own = !job.scenario.is_published();
        if own {
            series.push(Series {
                key: "scenario".into(),
                label: Msg::YourScenario.text(locale).into(),
                color: palette::SCENARIO,
                kind: SeriesKind::Line {
                    dashed_from: anchor,
                },
                points: target_path(r, &job.target, &job.scenario),
                low: Vec::new(),
            });
        }
        let x_title = match job.target {
            Target::Projection(_) => Msg::Period.text(locale),
            _ => Msg::YearAxis.text(locale),
        };
        let meta = fill(
            t(ToolsMsg::SeedPaths),
            &[
                &job.seed.to_string(),
                &format::number(f64::from(job.paths), 0),
            ],
        );
        let caption = fill(t(ToolsMsg::RangesCaption), &[&format::number(job.width, 2)]);
        let (rows, notes) = range_rows(r, fan, job.width, locale);
        // The chart's SVG and PNG carry what the picture alone does not say.
        super::exports::set_chart_notes(
            "mc-fan",
            [meta.clone(), caption.clone()]
                .into_iter()
                .chain(notes)
                .collect(),
        );
        out.push(
            xy_chart(
                charts,
                XySpec {
                    subtitle: None,
                    name: "mc-fan".into(),
                    title: fill(
                        t(ToolsMsg::FanTitle),
                        &[&target_name(r, &job.target, locale)],
                    ),
                    description: fill(
                        t(if own {
                            ToolsMsg::FanDescScenario
                        } else {
                            ToolsMsg::FanDesc
                        }),
                        &[&format::number(fan.count as f64, 0)],
                    ),
                    series,
                    unit,
                    x_title: x_title.into(),
                    notes: Vec::new(),
                    tall: false,
                },
                app.narrow(),
                locale,
            )
            .testid("mc-result"),
        );
        out.push(text_el("p", "mc-meta", meta).testid("mc-meta"));
        if fan.failed > 0 {
            out.push(text_el(
                "p",
                "help",
                fill(t(ToolsMsg::FailedPaths), &[&fan.failed.to_string()]),
            ));
        }
        out.push(el("div").class("mc-ranges").child(data_table(
            &TableData {
                caption,
                corner: t(ToolsMsg::Assumption).into(),
                columns: vec![
                    t(ToolsMsg::ColCentre).into(),
                    t(ToolsMsg::ColRange).into(),
                    t(ToolsMsg::ColBasis).into(),
                ],
                rows,
            },
            "mc-ranges",
            locale,
        )));
    });
    out
}

/// A target's path under a scenario: the published path (what the fan is drawn against) or
/// the reader's own.
fn target_path(r: &Report, target: &Target, scenario: &Scenario) -> Vec<Datum> {
    if *target == Target::Headline {
        if let Some(h) = compute(r, scenario).ok().and_then(|c| c.headline) {
            return h
                .points
                .iter()
                .map(|p| Datum::new(f64::from(p.year), p.value, p.provenance))
                .collect();
        }
    }
    let provenance = if scenario.is_published() {
        Provenance::Derived
    } else {
        Provenance::Scenario
    };
    Evaluator::new(r, target)
        .ok()
        .and_then(|e| e.path(scenario).ok())
        .map(|path| {
            path.into_iter()
                .map(|(x, v)| Datum::new(f64::from(x), v, provenance))
                .collect()
        })
        .unwrap_or_default()
}

/// The published path of a target (what the fan is drawn against).
fn published_path(r: &Report, target: &Target) -> Vec<Datum> {
    target_path(r, target, &Scenario::published())
}

fn start_run(ctx: ReportCtx, state: ToolsState) {
    let Some(target) = state.resolved.get_untracked() else {
        return;
    };
    let scenario = ctx.scenario.get_untracked();
    let (seed, paths, width) = (
        state.mc_seed.get_untracked(),
        state.mc_paths.get_untracked(),
        state.mc_width.get_untracked(),
    );
    let (run, published) = ctx.with(|r| {
        let options = McOptions {
            width,
            ..McOptions::for_target(r, target.clone())
        };
        (
            McRun::new(r, &scenario, seed, paths as usize, options),
            published_path(r, &target),
        )
    });
    let token = state.mc_token.get_value().wrapping_add(1);
    state.mc_token.set_value(token);
    let job = McJob {
        id: token,
        scenario,
        target,
        seed,
        paths,
        width,
        published,
    };
    match run {
        Ok(run) => {
            let progress = run.progress();
            state.mc_run.set_value(Some(run));
            state.mc_running.set(Some((job, progress)));
            schedule(state, token);
        }
        Err(e) => {
            state.mc_run.set_value(None);
            state.mc_running.set(None);
            state.mc_result.set(Some((job, Err(e.to_string()))));
        }
    }
}

fn cancel_run(state: ToolsState) {
    state.mc_token.update_value(|t| *t = t.wrapping_add(1));
    state.mc_run.set_value(None);
    state.mc_running.set(None);
}

/// Runs the next chunk on the next animation frame.
fn schedule(state: ToolsState, token: u64) {
    leptos::task::spawn_local(async move {
        crate::browser::timers::next_frame().await;
        frame(state, token);
    });
}

/// One frame of a run: up to [`CHUNK`] paths or [`FRAME_BUDGET_MS`], then the progress, or
/// the fan once every path has run. Stops quietly when the run was cancelled or replaced, or
/// the view is gone.
fn frame(state: ToolsState, token: u64) {
    if state.mc_token.try_get_value() != Some(token) {
        return;
    }
    let start = js_sys::Date::now();
    let stepped = state
        .mc_run
        .try_update_value(|slot| {
            let progress = {
                let run = slot.as_mut()?;
                let mut p = run.progress();
                let mut done = 0;
                while !p.is_finished() && done < CHUNK {
                    p = run.step(STEP);
                    done += STEP;
                    if js_sys::Date::now() - start > FRAME_BUDGET_MS {
                        break;
                    }
                }
                p
            };
            let result = if progress.is_finished() {
                slot.take().and_then(|run| run.result())
            } else {
                None
            };
            Some((progress, result))
        })
        .flatten();
    let Some((progress, result)) = stepped else {
        return;
    };
    if progress.is_finished() {
        let job = state
            .mc_running
            .try_get_untracked()
            .flatten()
            .map(|(job, _)| job);
        state.mc_running.try_set(None);
        if let (Some(job), Some(result)) = (job, result) {
            state
                .mc_result
                .try_set(Some((job, result.map_err(|e| e.to_string()))));
        }
    } else {
        state.mc_running.try_update(|r| {
            if let Some((_, p)) = r {
                *p = progress;
            }
        });
        schedule(state, token);
    }
}
