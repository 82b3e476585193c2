//! The scenario power tools' words: what each input and target is called, the tornado's bars
//! and table, the Monte Carlo's ranges and where their widths come from, in each language.

use super::{fill, provenance, Message};
use crate::chart::tornado::{TornadoBar, TornadoRow};
use crate::domain::engine::mc_input::{MAX_READER_PATHS, MIN_READER_PATHS};
use crate::domain::engine::monte_carlo::{
    Fan, RangeBasis, SampleRange, DEFAULT_RATE_POINTS, DEFAULT_RELATIVE,
};
use crate::domain::engine::sensitivity::Tornado;
use crate::domain::engine::target::{inputs, Target, HEADLINE_KEY};
use crate::domain::format::{self, pick, Locale, Shown};
use crate::domain::scenario::{growth_meaning_of, GrowthMeaning};
use crate::domain::schema::{Provenance, Report};

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

crate::messages! {
    /// How a segment's assumptions are named, by their sliders and by the tools' rows.
    pub enum SegmentInputMsg {
        RelativeGrowth => ("relative growth", "相对增长率", "相對成長率"),
        OwnGrowth => ("growth (CAGR)", "增长率（年复合）", "成長率（年複合）"),
        BaseShare => ("base share", "基准份额", "基準份額"),
    }
}

/// How a segment's growth is named: its own CAGR, or growth relative to its siblings.
pub fn growth_label(meaning: GrowthMeaning, locale: Locale) -> &'static str {
    match meaning {
        GrowthMeaning::Own => SegmentInputMsg::OwnGrowth.text(locale),
        GrowthMeaning::Relative => SegmentInputMsg::RelativeGrowth.text(locale),
    }
}

/// How a segment's base share is named.
pub fn share_label(locale: Locale) -> &'static str {
    SegmentInputMsg::BaseShare.text(locale)
}

fn local(text: &crate::domain::schema::LocalText, locale: Locale) -> String {
    pick(text, locale).0.to_string()
}

/// An input key as a reader names it, in the sliders' words: "Headline growth", "Camera
/// Modules — relative growth", "Camera Modules — base share", a plan assumption's label; the
/// key itself when the report does not know it.
pub fn input_name(r: &Report, key: &str, locale: Locale) -> String {
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
        let (_, m) = r.member(dim, member)?;
        Some(format!("{} — {what}", local(&m.name, locale)))
    });
    named.unwrap_or_else(|| key.to_string())
}

/// What a target measures, as a reader names it: the headline series' name, "Camera Modules
/// (Type)", a projection's label.
pub fn target_name(r: &Report, target: &Target, locale: Locale) -> String {
    match target {
        Target::Headline => r
            .headline_series()
            .map(|s| local(&s.name, locale))
            .unwrap_or_else(|| ToolsMsg::Headline.text(locale).into()),
        Target::Segment { dimension, member } => r
            .member(dimension, member)
            .map(|(d, m)| {
                local(&m.name, locale) + &super::bracketed(locale, &local(&d.name, locale))
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

/// An input value: rates and shares as percentages, levels as numbers.
pub fn input_text(v: f64, is_fraction: bool) -> String {
    if is_fraction {
        format::percent(v, 2)
    } else {
        format::number(v, 2)
    }
}

/// "2 points": how far the tornado moves each assumption.
pub fn points_text(points: f64, locale: Locale) -> String {
    fill(
        ToolsMsg::PointsValue.text(locale),
        &[&format::number(points * 100.0, 1)],
    )
}

/// The tornado's title: "What moves Market in 2032", "What moves Users after 36 periods".
pub fn tornado_title(r: &Report, target: &Target, locale: Locale) -> String {
    let name = target_name(r, target, locale);
    match target {
        Target::Projection(id) => fill(
            ToolsMsg::TornadoTitlePeriods.text(locale),
            &[
                &name,
                &r.projections
                    .iter()
                    .find(|p| p.id == *id)
                    .map_or(0, |p| p.periods)
                    .to_string(),
            ],
        ),
        _ => fill(
            ToolsMsg::TornadoTitle.text(locale),
            &[&name, &r.meta.forecast.to.to_string()],
        ),
    }
}

/// A tornado's first `max_rows` rows as the chart draws them (bars with their inputs and
/// labels) and as its table lists them (name; inputs, low and high values, swing).
pub fn tornado_rows(
    r: &Report,
    tor: &Tornado,
    max_rows: usize,
    shown: Shown,
) -> (Vec<TornadoRow>, Vec<(String, Vec<String>)>) {
    let locale = shown.locale;
    let unit = tor.target.unit(r);
    let value = |v: f64| format::value(v, &unit, shown);
    let scenario = provenance(locale, Provenance::Scenario);
    let mut rows = Vec::new();
    let mut table = Vec::new();
    for row in tor.rows.iter().take(max_rows) {
        let name = input_name(r, &row.key, locale);
        let (lo_in, hi_in) = (
            input_text(row.low_input, row.is_fraction),
            input_text(row.high_input, row.is_fraction),
        );
        let label = fill(
            ToolsMsg::BarLabel.text(locale),
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
                value(row.low_value) + &super::bracketed(locale, scenario),
                value(row.high_value) + &super::bracketed(locale, scenario),
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
    (rows, table)
}

/// The reader-facing text of where a range's width comes from.
pub fn basis_text(range: &SampleRange, width: f64, is_fraction: bool, locale: Locale) -> String {
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
pub fn range_rows(
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

/// What the paths field says after it corrected a number outside the range: "50 is outside
/// 100–20,000: set to 100, which the run uses."
pub fn paths_clamped(typed: f64, used: u32, locale: Locale) -> String {
    fill(
        ToolsMsg::PathsClamped.text(locale),
        &[
            &format::number(typed.round(), 0),
            &format::number(f64::from(used), 0),
            &format::number(f64::from(MIN_READER_PATHS), 0),
            &format::number(f64::from(MAX_READER_PATHS), 0),
        ],
    )
}

/// "Enter a whole number of 0 or more “abc”": what the seed field says about a typed text.
pub fn seed_error(typed: &str, locale: Locale) -> String {
    format!("{} “{}”", ToolsMsg::SeedError.text(locale), typed.trim())
}

/// What the sensitivity section says around its chart: why there is a single bar pair, how
/// many assumptions the chart leaves out (it draws `max_rows` at most) and how many could not
/// be computed.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TornadoNotes {
    pub single: Option<String>,
    pub omitted: Option<String>,
    pub skipped: Option<String>,
}

pub fn tornado_notes(r: &Report, tor: &Tornado, max_rows: usize, locale: Locale) -> TornadoNotes {
    let t = |m: ToolsMsg| m.text(locale);
    let omitted = tor.rows.len().saturating_sub(max_rows);
    TornadoNotes {
        single: match tor.rows.as_slice() {
            [only] => Some(fill(
                t(ToolsMsg::SingleAssumption),
                &[
                    &target_name(r, &tor.target, locale),
                    &input_name(r, &only.key, locale),
                ],
            )),
            _ => None,
        },
        omitted: (omitted > 0).then(|| fill(t(ToolsMsg::Omitted), &[&omitted.to_string()])),
        skipped: (!tor.skipped.is_empty())
            .then(|| fill(t(ToolsMsg::Skipped), &[&tor.skipped.len().to_string()])),
    }
}

/// "Seed 7, 1,000 paths.": what a Monte Carlo run was asked.
pub fn seed_paths_text(seed: u64, paths: u32, locale: Locale) -> String {
    fill(
        ToolsMsg::SeedPaths.text(locale),
        &[&seed.to_string(), &format::number(f64::from(paths), 0)],
    )
}

/// "Sampled ranges (× 2 the default widths)": the ranges table's caption.
pub fn ranges_caption(width: f64, locale: Locale) -> String {
    fill(
        ToolsMsg::RangesCaption.text(locale),
        &[&format::number(width, 2)],
    )
}

/// "400 of 2,000 paths": a run's progress.
pub fn progress_text(done: usize, total: usize, locale: Locale) -> String {
    fill(
        ToolsMsg::ProgressText.text(locale),
        &[
            &format::number(done as f64, 0),
            &format::number(total as f64, 0),
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::bundled::load_bundled;
    use crate::domain::engine::monte_carlo::{McOptions, McRun};
    use crate::domain::engine::sensitivity::tornado;
    use crate::domain::engine::target::relevant_keys;
    use crate::domain::scenario::{growth_key, share_key, Scenario};

    #[test]
    fn inputs_and_targets_are_named_as_the_sliders_name_them() {
        let (reports, _) = load_bundled();
        let r = &reports[0];
        let d = &r.dimensions[0];
        let m = &d.members[0];
        let en = Locale::En;
        assert_eq!(input_name(r, HEADLINE_KEY, en), "Headline growth");
        let share = input_name(r, &share_key(&d.id, &m.id), en);
        assert_eq!(share, format!("{} — base share", m.name.en));
        let growth = input_name(r, &growth_key(&d.id, &m.id), Locale::ZhHans);
        assert!(
            growth.ends_with("增长率") || growth.ends_with("增长率（年复合）"),
            "{growth}"
        );
        assert_eq!(input_name(r, "no.such.key", en), "no.such.key");
        let seg = Target::Segment {
            dimension: d.id.clone(),
            member: m.id.clone(),
        };
        assert_eq!(
            target_name(r, &seg, en),
            format!("{} ({})", m.name.en, d.name.en)
        );
        assert_eq!(
            target_name(r, &Target::Headline, en),
            r.headline_series().unwrap().name.en
        );
        let plan = &reports[2];
        let p = &plan.projections[0];
        assert_eq!(
            target_name(plan, &Target::Projection(p.id.clone()), en),
            p.label.en
        );
        assert!(tornado_title(plan, &Target::Projection(p.id.clone()), en)
            .contains(&p.periods.to_string()));
    }

    #[test]
    fn tornado_rows_and_table_agree_and_mark_sides_at_their_limit() {
        let (reports, _) = load_bundled();
        let r = &reports[0];
        let base = Scenario::published();
        let target = Target::Headline;
        let tor = tornado(r, &base, &relevant_keys(r, &target), 0.02, &target).unwrap();
        let (rows, table) = tornado_rows(r, &tor, 3, Shown::as_reported(Locale::En));
        assert_eq!(rows.len(), tor.rows.len().min(3));
        assert_eq!(rows.len(), table.len());
        for ((row, (name, cells)), src) in rows.iter().zip(&table).zip(&tor.rows) {
            assert_eq!(row.name, *name);
            assert_eq!(cells.len(), 4);
            assert_eq!(cells[0], format!("{} – {}", row.low.input, row.high.input));
            assert!(row.low.label.contains(&row.name));
            assert_eq!(
                row.low.at_limit,
                (src.low_input - src.base_input).abs() < 1e-12
            );
        }
    }

    #[test]
    fn sampled_ranges_say_where_their_width_comes_from() {
        let (reports, _) = load_bundled();
        let r = &reports[0];
        let options = McOptions::for_target(r, Target::Headline);
        let mut run = McRun::new(r, &Scenario::published(), 7, 200, options).unwrap();
        let fan = run.run_to_end().unwrap();
        let (rows, notes) = range_rows(r, &fan, 1.0, Locale::En);
        assert_eq!(rows.len(), fan.ranges.len());
        assert_eq!(notes.len(), fan.ranges.len());
        for ((name, cells), range) in rows.iter().zip(&fan.ranges) {
            assert_eq!(*name, input_name(r, &range.key, Locale::En));
            assert_eq!(cells[2], basis_text(range, 1.0, true, Locale::En));
        }
        let mut range = fan.ranges[0].clone();
        range.basis = RangeBasis::DefaultPoints;
        range.narrowed = false;
        assert_eq!(
            basis_text(&range, 1.0, true, Locale::En),
            "default: ± 2 points (the source gives no figure)"
        );
        assert_eq!(
            basis_text(&range, 2.0, true, Locale::En),
            "default: ± 2 points (the source gives no figure), × 2"
        );
        range.narrowed = true;
        assert!(basis_text(&range, 1.0, true, Locale::En).ends_with("within the slider's range"));
    }

    #[test]
    fn field_messages() {
        assert_eq!(
            paths_clamped(50.0, 100, Locale::En),
            "50 is outside 100–20,000: set to 100, which the run uses."
        );
        assert_eq!(
            seed_error(" x1 ", Locale::En),
            "Enter a whole number of 0 or more “x1”"
        );
        assert_eq!(points_text(0.02, Locale::En), "2 points");
        assert_eq!(input_text(0.1234, true), "12.34%");
        assert_eq!(input_text(1234.5, false), "1,234.5");
    }

    #[test]
    fn run_texts_name_seed_paths_width_and_progress() {
        assert_eq!(seed_paths_text(7, 1000, Locale::En), "Seed 7, 1,000 paths.");
        assert_eq!(
            ranges_caption(2.0, Locale::En),
            "Sampled ranges (× 2 the default widths)"
        );
        assert_eq!(
            ranges_caption(1.25, Locale::ZhHans),
            "抽样区间（默认宽度的 1.25 倍）"
        );
        assert_eq!(progress_text(400, 2000, Locale::En), "400 of 2,000 paths");
    }

    #[test]
    fn tornado_notes_say_single_omitted_and_skipped() {
        let (reports, _) = load_bundled();
        let r = &reports[0];
        let s = Scenario::published();
        let keys = relevant_keys(r, &Target::Headline);
        let Ok(tor) = tornado(r, &s, &keys, 0.02, &Target::Headline) else {
            panic!("the headline tornado computes");
        };
        let all = tornado_notes(r, &tor, tor.rows.len(), Locale::En);
        assert_eq!(all.omitted, None);
        assert_eq!(all.single.is_some(), tor.rows.len() == 1);
        let mut one = tor.clone();
        one.rows.truncate(1);
        let notes = tornado_notes(r, &one, 12, Locale::En);
        let single = notes.single.unwrap_or_default();
        assert!(single.starts_with("Only one assumption moves "), "{single}");
        assert!(single.contains(&input_name(r, &one.rows[0].key, Locale::En)));
        let mut many = tor.clone();
        while many.rows.len() < 14 {
            many.rows.push(tor.rows[0].clone());
        }
        assert_eq!(
            tornado_notes(r, &many, 12, Locale::En).omitted.as_deref(),
            Some("2 more assumptions with smaller swings are not shown.")
        );
    }
}
