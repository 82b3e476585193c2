//! Every interface string, in English, 简体中文 and 繁體中文.
//!
//! A message is an enum variant and each language an exhaustive `match`, so a message without
//! a translation does not compile. Templates use `{0}`, `{1}` … filled by [`fill`].

pub mod catalogue;
pub mod checks;
pub mod contents;
pub mod errors;
pub mod fx;
pub mod goal;
pub mod import;
pub mod kpis;
pub mod links;
pub mod overview;
pub mod titles;
pub mod tools;

pub use crate::domain::format::{Locale, Shown};
use crate::domain::schema::Provenance;

/// A translatable message. Views may define their own message enums (one concern per file);
/// each implements this with an exhaustive `match` per language.
pub trait Message: Copy {
    fn text(self, locale: Locale) -> &'static str;
}

impl Message for Msg {
    fn text(self, locale: Locale) -> &'static str {
        tr(locale, self)
    }
}

/// Defines a message enum with its three translations in one table:
/// `messages! { pub enum M { A => ("en", "简", "繁"), … } }`. A missing language is a
/// compile error, like a missing variant.
#[macro_export]
macro_rules! messages {
    ($(#[$meta:meta])* $vis:vis enum $name:ident { $($variant:ident => ($en:expr, $hans:expr, $hant:expr)),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        $vis enum $name { $($variant),+ }
        impl $crate::i18n::Message for $name {
            fn text(self, locale: $crate::i18n::Locale) -> &'static str {
                match (self, locale) {
                    $(
                        ($name::$variant, $crate::i18n::Locale::En) => $en,
                        ($name::$variant, $crate::i18n::Locale::ZhHans) => $hans,
                        ($name::$variant, $crate::i18n::Locale::ZhHant) => $hant,
                    )+
                }
            }
        }
    };
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Msg {
    AppName,
    SkipToContent,
    Language,
    Library,
    LibraryIntro,
    OpenReport,
    BackToLibrary,
    Publisher,
    Region,
    Currency,
    Period,
    PeriodValue,
    Headline,
    Overview,
    KindMarket,
    KindPlan,
    PublishedGrowth,
    RateImplied,
    RateStated,
    Checks,
    NoChecks,
    KeyFacts,
    Fact,
    Value,
    Year,
    Source,
    TextInOtherLanguage,
    HistoryChartDesc,
    EngineErrorPrefix,
    KpiTargets,
    Legend,
    ChartHint,
    ShowTable,
    HideTable,
    Segment,
    Share,
    ShareOfTotal,
    Segments,
    Scenarios,
    Dynamics,
    Contents,
    KpiBoard,
    ReportViews,
    ModifiedAssumptions,
    PublishedAssumptions,
    Reset,
    YearAxis,
    HeadlineChartDesc,
    PublishedPath,
    YourScenario,
    SourceBounds,
    NoteHistory,
    NoteForecast,
    NoteReported,
    NoteBound,
    NoteScenario,
    StatedCagr,
    ImpliedCagr,
    ShowMoneyIn,
    AsReported,
    RateOne,
    ConvertedNote,
    RateNeeded,
    Dismiss,
    CopyLink,
    LinkCopied,
    CopyByHand,
    DarkTheme,
    LargerType,
    ExactValue,
    OutOfRange,
    NotANumber,
}

/// The text of a message in a language.
pub fn tr(locale: Locale, msg: Msg) -> &'static str {
    match locale {
        Locale::En => en(msg),
        Locale::ZhHans => zh_hans(msg),
        Locale::ZhHant => zh_hant(msg),
    }
}

/// Fills `{0}`, `{1}` … in a template.
pub fn fill(template: &str, args: &[&str]) -> String {
    let mut out = template.to_string();
    for (i, a) in args.iter().enumerate() {
        out = out.replace(&format!("{{{i}}}"), a);
    }
    out
}

/// The label of a provenance, as tables and tooltips name it.
pub fn provenance(locale: Locale, p: Provenance) -> &'static str {
    match (locale, p) {
        (Locale::En, Provenance::Reported) => "reported",
        (Locale::En, Provenance::Bound) => "bound",
        (Locale::En, Provenance::Derived) => "derived",
        (Locale::En, Provenance::Assumption) => "assumption",
        (Locale::En, Provenance::Scenario) => "scenario",
        (Locale::ZhHans, Provenance::Reported) => "报告值",
        (Locale::ZhHans, Provenance::Bound) => "界限值",
        (Locale::ZhHans, Provenance::Derived) => "推算值",
        (Locale::ZhHans, Provenance::Assumption) => "假设值",
        (Locale::ZhHans, Provenance::Scenario) => "情景值",
        (Locale::ZhHant, Provenance::Reported) => "報告值",
        (Locale::ZhHant, Provenance::Bound) => "界限值",
        (Locale::ZhHant, Provenance::Derived) => "推算值",
        (Locale::ZhHant, Provenance::Assumption) => "假設值",
        (Locale::ZhHant, Provenance::Scenario) => "情境值",
    }
}

fn en(msg: Msg) -> &'static str {
    use Msg::*;
    match msg {
        AppName => "Report Explorer",
        SkipToContent => "Skip to content",
        Language => "Language",
        Library => "Library",
        LibraryIntro => "Market-research reports you can explore: every figure says where it comes from, and every forecast is computed in your browser.",
        OpenReport => "Open report",
        BackToLibrary => "Back to library",
        Publisher => "Publisher",
        Region => "Region",
        Currency => "Currency",
        Period => "Period",
        PeriodValue => "history {0}–{1}, forecast {2}–{3}",
        Headline => "Headline",
        Overview => "Overview",
        KindMarket => "Market report",
        KindPlan => "Business plan",
        PublishedGrowth => "Published growth",
        RateImplied => "{0} a year, implied by the reported values of {1} and {2}.",
        RateStated => "{0} a year, as the source states it.",
        Checks => "Consistency checks",
        NoChecks => "The figures raise no consistency questions.",
        KeyFacts => "Key facts",
        Fact => "Fact",
        Value => "Value",
        Year => "Year",
        Source => "Source",
        TextInOtherLanguage => "shown in another language: no translation available",
        HistoryChartDesc => "Every series of the report as reported, by year. There is no forecast: the growth tools do not apply (see below why).",
        EngineErrorPrefix => "Cannot compute",
        KpiTargets => "Targets",
        Legend => "Legend",
        ChartHint => "Hover over or tab to a point to read its value and source.",
        ShowTable => "Show table",
        HideTable => "Hide table",
        Segment => "Segment",
        Share => "Share",
        ShareOfTotal => "Share of total",
        Segments => "Segments",
        Scenarios => "Scenarios",
        Dynamics => "Dynamics",
        Contents => "Contents",
        KpiBoard => "KPI board",
        ReportViews => "Report views",
        ModifiedAssumptions => "Modified assumptions",
        PublishedAssumptions => "Published assumptions",
        Reset => "Reset to published",
        YearAxis => "Year",
        HeadlineChartDesc => "{0} by year: values the source reports, bounds it gives, values derived from them and the forecast, each drawn differently.",
        PublishedPath => "Published path",
        YourScenario => "Your scenario",
        SourceBounds => "Source bounds",
        NoteHistory => "solid: history",
        NoteForecast => "dashed: forecast",
        NoteReported => "reported",
        NoteBound => "lower bound",
        NoteScenario => "scenario / assumption",
        StatedCagr => "Stated CAGR",
        ImpliedCagr => "Implied CAGR",
        ShowMoneyIn => "Show money in",
        AsReported => "as reported ({0})",
        RateOne => "Rate: 1 {0} =",
        ConvertedNote => "Money converted at 1 {0} = {1} {2}: your assumption, not the source's. Data exports keep the reported currency.",
        RateNeeded => "Type a positive rate to convert.",
        Dismiss => "Dismiss",
        CopyLink => "Copy link",
        LinkCopied => "Link copied.",
        CopyByHand => "Copy this link by hand:",
        DarkTheme => "Dark theme",
        LargerType => "Larger type",
        ExactValue => "exact value",
        OutOfRange => "Out of range, kept within",
        NotANumber => "Not a number:",
    }
}

fn zh_hans(msg: Msg) -> &'static str {
    use Msg::*;
    match msg {
        AppName => "报告浏览器",
        SkipToContent => "跳到正文",
        Language => "语言",
        Library => "报告库",
        LibraryIntro => {
            "可交互浏览的市场研究报告：每个数字都标明来源，所有预测都在您的浏览器中计算。"
        }
        OpenReport => "打开报告",
        BackToLibrary => "返回报告库",
        Publisher => "出版方",
        Region => "地区",
        Currency => "货币",
        Period => "时期",
        PeriodValue => "历史 {0}–{1}，预测 {2}–{3}",
        Headline => "核心数据",
        Overview => "概览",
        KindMarket => "市场报告",
        KindPlan => "商业计划",
        PublishedGrowth => "公布的增长率",
        RateImplied => "每年 {0}，由 {1} 年和 {2} 年的报告值推得。",
        RateStated => "每年 {0}，即来源所述。",
        Checks => "一致性检查",
        NoChecks => "这些数字没有引出一致性问题。",
        KeyFacts => "关键事实",
        Fact => "事实",
        Value => "数值",
        Year => "年份",
        Source => "来源",
        TextInOtherLanguage => "以其他语言显示：暂无译文",
        HistoryChartDesc => {
            "按年份列出报告中每个序列的报告值。没有预测：增长工具不适用（原因见下文）。"
        }
        EngineErrorPrefix => "无法计算",
        KpiTargets => "目标",
        Legend => "图例",
        ChartHint => "将鼠标移到数据点上或用 Tab 键选中，即可查看数值及来源。",
        ShowTable => "显示表格",
        HideTable => "隐藏表格",
        Segment => "细分",
        Share => "份额",
        ShareOfTotal => "占总量份额",
        Segments => "细分市场",
        Scenarios => "情景",
        Dynamics => "市场动态",
        Contents => "目录",
        KpiBoard => "KPI 看板",
        ReportViews => "报告视图",
        ModifiedAssumptions => "已修改假设",
        PublishedAssumptions => "公布的假设",
        Reset => "重置为公布值",
        YearAxis => "年份",
        HeadlineChartDesc => {
            "{0}逐年值：来源报告值、来源给出的界限、由此推算的数值及预测，各以不同方式绘制。"
        }
        PublishedPath => "公布路径",
        YourScenario => "您的情景",
        SourceBounds => "来源界限",
        NoteHistory => "实线：历史",
        NoteForecast => "虚线：预测",
        NoteReported => "报告值",
        NoteBound => "下限",
        NoteScenario => "情景 / 假设",
        StatedCagr => "所述年复合增长率",
        ImpliedCagr => "隐含年复合增长率",
        ShowMoneyIn => "金额显示为",
        AsReported => "按报告货币（{0}）",
        RateOne => "汇率：1 {0} =",
        ConvertedNote => {
            "金额按 1 {0} = {1} {2} 换算：这是您的假设，并非来源数据。数据导出仍使用报告货币。"
        }
        RateNeeded => "请输入正数汇率以换算。",
        Dismiss => "关闭",
        CopyLink => "复制链接",
        LinkCopied => "链接已复制。",
        CopyByHand => "请手动复制此链接：",
        DarkTheme => "深色主题",
        LargerType => "大字号",
        ExactValue => "精确值",
        OutOfRange => "超出范围，已限制在",
        NotANumber => "不是数字：",
    }
}

fn zh_hant(msg: Msg) -> &'static str {
    use Msg::*;
    match msg {
        AppName => "報告瀏覽器",
        SkipToContent => "跳到正文",
        Language => "語言",
        Library => "報告庫",
        LibraryIntro => {
            "可互動瀏覽的市場研究報告：每個數字都標明來源，所有預測都在您的瀏覽器中計算。"
        }
        OpenReport => "開啟報告",
        BackToLibrary => "返回報告庫",
        Publisher => "出版方",
        Region => "地區",
        Currency => "貨幣",
        Period => "時期",
        PeriodValue => "歷史 {0}–{1}，預測 {2}–{3}",
        Headline => "核心數據",
        Overview => "概覽",
        KindMarket => "市場報告",
        KindPlan => "商業計劃",
        PublishedGrowth => "公布的成長率",
        RateImplied => "每年 {0}，由 {1} 年和 {2} 年的報告值推得。",
        RateStated => "每年 {0}，即來源所述。",
        Checks => "一致性檢查",
        NoChecks => "這些數字沒有引出一致性問題。",
        KeyFacts => "關鍵事實",
        Fact => "事實",
        Value => "數值",
        Year => "年份",
        Source => "來源",
        TextInOtherLanguage => "以其他語言顯示：暫無譯文",
        HistoryChartDesc => {
            "按年份列出報告中每個序列的報告值。沒有預測：成長工具不適用（原因見下文）。"
        }
        EngineErrorPrefix => "無法計算",
        KpiTargets => "目標",
        Legend => "圖例",
        ChartHint => "將滑鼠移到資料點上或用 Tab 鍵選取，即可查看數值及來源。",
        ShowTable => "顯示表格",
        HideTable => "隱藏表格",
        Segment => "細分",
        Share => "份額",
        ShareOfTotal => "佔總量份額",
        Segments => "細分市場",
        Scenarios => "情境",
        Dynamics => "市場動態",
        Contents => "目錄",
        KpiBoard => "KPI 看板",
        ReportViews => "報告視圖",
        ModifiedAssumptions => "已修改假設",
        PublishedAssumptions => "公布的假設",
        Reset => "重設為公布值",
        YearAxis => "年份",
        HeadlineChartDesc => {
            "{0}逐年值：來源報告值、來源給出的界限、由此推算的數值及預測，各以不同方式繪製。"
        }
        PublishedPath => "公布路徑",
        YourScenario => "您的情境",
        SourceBounds => "來源界限",
        NoteHistory => "實線：歷史",
        NoteForecast => "虛線：預測",
        NoteReported => "報告值",
        NoteBound => "下限",
        NoteScenario => "情境 / 假設",
        StatedCagr => "所述年複合成長率",
        ImpliedCagr => "隱含年複合成長率",
        ShowMoneyIn => "金額顯示為",
        AsReported => "按報告貨幣（{0}）",
        RateOne => "匯率：1 {0} =",
        ConvertedNote => {
            "金額按 1 {0} = {1} {2} 換算：這是您的假設，並非來源數據。數據匯出仍使用報告貨幣。"
        }
        RateNeeded => "請輸入正數匯率以換算。",
        Dismiss => "關閉",
        CopyLink => "複製連結",
        LinkCopied => "連結已複製。",
        CopyByHand => "請手動複製此連結：",
        DarkTheme => "深色主題",
        LargerType => "大字號",
        ExactValue => "精確值",
        OutOfRange => "超出範圍，已限制在",
        NotANumber => "不是數字：",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fill_replaces_every_placeholder() {
        assert_eq!(fill("{0} to {1}, {0}", &["a", "b"]), "a to b, a");
    }

    #[test]
    fn chinese_scripts_differ_where_characters_do() {
        assert_ne!(
            tr(Locale::ZhHans, Msg::Library),
            tr(Locale::ZhHant, Msg::Library)
        );
        assert_eq!(tr(Locale::En, Msg::Overview), "Overview");
    }
}
