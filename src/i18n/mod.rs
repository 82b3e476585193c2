//! Every interface string, in English, 简体中文 and 繁體中文.
//!
//! A message is an enum variant and each language an exhaustive `match`, so a message without
//! a translation does not compile. Templates use `{0}`, `{1}` … filled by [`fill`].

pub mod catalogue;
pub mod checks;
pub mod comparison;
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
pub mod validation;

pub use crate::domain::format::{Locale, Shown};
use crate::domain::schema::Provenance;

/// A translatable message. Views may define their own message enums (one concern per file);
/// each implements this with an exhaustive `match` per language.
pub trait Message: Copy {
    fn text(self, locale: Locale) -> &'static str;
}

/// Defines a message enum with its three translations in one table:
/// `messages! { pub enum M { A => ("en", "简", "繁"), … } }`. A missing language is a
/// compile error, like a missing variant. The English column is the enum's own text; each
/// Chinese column goes into an `install_*` function that only that language's chunk calls
/// (see [`languages`]), so those strings are not in the first visit's module. A new enum is
/// listed in [`every_message!`] (a test checks that none is missing).
#[macro_export]
macro_rules! messages {
    ($(#[$meta:meta])* $vis:vis enum $name:ident { $($variant:ident => ($en:expr, $hans:expr, $hant:expr $(,)?)),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        $vis enum $name { $($variant),+ }
        impl $name {
            fn slots() -> &'static $crate::i18n::languages::Slots {
                static SLOTS: $crate::i18n::languages::Slots = $crate::i18n::languages::Slots::new();
                &SLOTS
            }
            /// Puts the 简体中文 texts in place (the language chunk calls this).
            pub fn install_hans() {
                Self::slots().fill($crate::i18n::Locale::ZhHans, &[$($hans),+]);
            }
            /// Puts the 繁體中文 texts in place (the language chunk calls this).
            pub fn install_hant() {
                Self::slots().fill($crate::i18n::Locale::ZhHant, &[$($hant),+]);
            }
        }
        impl $crate::i18n::Message for $name {
            fn text(self, locale: $crate::i18n::Locale) -> &'static str {
                const EN: &[&str] = &[$($en),+];
                let english = EN[self as usize];
                Self::slots()
                    .get(locale)
                    .and_then(|texts| texts.get(self as usize).copied())
                    .unwrap_or(english)
            }
        }
    };
}

pub mod languages;

messages! {
    /// The shell's and the overview's messages.
    pub enum Msg {
        AppName => ("Report Explorer", "报告浏览器", "報告瀏覽器"),
        SkipToContent => ("Skip to content", "跳到正文", "跳到正文"),
        Language => ("Language", "语言", "語言"),
        Library => ("Library", "报告库", "報告庫"),
        LibraryIntro => ("Market-research reports you can explore: every figure says where it comes from, and every forecast is computed in your browser.", "可交互浏览的市场研究报告：每个数字都标明来源，所有预测都在您的浏览器中计算。", "可互動瀏覽的市場研究報告：每個數字都標明來源，所有預測都在您的瀏覽器中計算。"),
        OpenReport => ("Open report", "打开报告", "開啟報告"),
        BackToLibrary => ("Back to library", "返回报告库", "返回報告庫"),
        Publisher => ("Publisher", "出版方", "出版方"),
        Region => ("Region", "地区", "地區"),
        Currency => ("Currency", "货币", "貨幣"),
        Period => ("Period", "时期", "時期"),
        PeriodValue => ("history {0}, forecast {1}", "历史 {0}，预测 {1}", "歷史 {0}，預測 {1}"),
        Headline => ("Headline", "核心数据", "核心數據"),
        // A name before what it names ("Headline: Global market").
        Labelled => ("{0}: {1}", "{0}：{1}", "{0}：{1}"),
        Overview => ("Overview", "概览", "概覽"),
        KindMarket => ("Market report", "市场报告", "市場報告"),
        KindPlan => ("Business plan", "商业计划", "商業計劃"),
        PublishedGrowth => ("Published growth", "公布的增长率", "公布的成長率"),
        RateImplied => ("{0} a year, implied by the reported values of {1} and {2}.", "每年 {0}，由 {1} 年和 {2} 年的报告值推得。", "每年 {0}，由 {1} 年和 {2} 年的報告值推得。"),
        RateStated => ("{0} a year, as the source states it.", "每年 {0}，即来源所述。", "每年 {0}，即來源所述。"),
        Checks => ("Consistency checks", "一致性检查", "一致性檢查"),
        NoChecks => ("The figures raise no consistency questions.", "这些数字没有引出一致性问题。", "這些數字沒有引出一致性問題。"),
        KeyFacts => ("Key facts", "关键事实", "關鍵事實"),
        Fact => ("Fact", "事实", "事實"),
        Value => ("Value", "数值", "數值"),
        Year => ("Year", "年份", "年份"),
        Source => ("Source", "来源", "來源"),
        TextInOtherLanguage => ("shown in another language: no translation available", "以其他语言显示：暂无译文", "以其他語言顯示：暫無譯文"),
        HistoryChartDesc => ("Every series of the report as reported, by year. There is no forecast: the growth tools do not apply (see below why).", "按年份列出报告中每个序列的报告值。没有预测：增长工具不适用（原因见下文）。", "按年份列出報告中每個序列的報告值。沒有預測：成長工具不適用（原因見下文）。"),
        EngineErrorPrefix => ("Cannot compute", "无法计算", "無法計算"),
        KpiTargets => ("Targets", "目标", "目標"),
        Legend => ("Legend", "图例", "圖例"),
        ChartHint => ("Hover over or tab to a point to read its value and source.", "将鼠标移到数据点上或用 Tab 键选中，即可查看数值及来源。", "將滑鼠移到資料點上或用 Tab 鍵選取，即可查看數值及來源。"),
        ShowTable => ("Show table", "显示表格", "顯示表格"),
        HideTable => ("Hide table", "隐藏表格", "隱藏表格"),
        Segment => ("Segment", "细分", "細分"),
        Share => ("Share", "份额", "份額"),
        ShareOfTotal => ("Share of total", "占总量份额", "佔總量份額"),
        Segments => ("Segments", "细分市场", "細分市場"),
        Scenarios => ("Scenarios", "情景", "情境"),
        Dynamics => ("Dynamics", "市场动态", "市場動態"),
        Contents => ("Contents", "目录", "目錄"),
        KpiBoard => ("KPI board", "KPI 看板", "KPI 看板"),
        ReportViews => ("Report views", "报告视图", "報告視圖"),
        ModifiedAssumptions => ("Modified assumptions", "已修改假设", "已修改假設"),
        PublishedAssumptions => ("Published assumptions", "公布的假设", "公布的假設"),
        Reset => ("Reset to published", "重置为公布值", "重設為公布值"),
        YearAxis => ("Year", "年份", "年份"),
        HeadlineChartDesc => ("{0} by year: values the source reports, bounds it gives, values derived from them and the forecast, each drawn differently.", "{0}逐年值：来源报告值、来源给出的界限、由此推算的数值及预测，各以不同方式绘制。", "{0}逐年值：來源報告值、來源給出的界限、由此推算的數值及預測，各以不同方式繪製。"),
        PublishedPath => ("Published path", "公布路径", "公布路徑"),
        YourScenario => ("Your scenario", "您的情景", "您的情境"),
        SourceBounds => ("Source bounds", "来源界限", "來源界限"),
        NoteHistory => ("solid: history", "实线：历史", "實線：歷史"),
        NoteForecast => ("dashed: forecast", "虚线：预测", "虛線：預測"),
        NoteReported => ("reported", "报告值", "報告值"),
        NoteBound => ("lower bound", "下限", "下限"),
        NoteScenario => ("scenario / assumption", "情景 / 假设", "情境 / 假設"),
        StatedCagr => ("Stated CAGR", "所述年复合增长率", "所述年複合成長率"),
        ImpliedCagr => ("Implied CAGR", "隐含年复合增长率", "隱含年複合成長率"),
        ShowMoneyIn => ("Show money in", "金额显示为", "金額顯示為"),
        AsReported => ("as reported ({0})", "按报告货币（{0}）", "按報告貨幣（{0}）"),
        RateOne => ("Rate: 1 {0} =", "汇率：1 {0} =", "匯率：1 {0} ="),
        ConvertedNote => ("Money converted at 1 {0} = {1} {2}: your assumption, not the source's. Data exports keep the reported currency.", "金额按 1 {0} = {1} {2} 换算：这是您的假设，并非来源数据。数据导出仍使用报告货币。", "金額按 1 {0} = {1} {2} 換算：這是您的假設，並非來源數據。數據匯出仍使用報告貨幣。"),
        RateNeeded => ("Type a positive rate to convert.", "请输入正数汇率以换算。", "請輸入正數匯率以換算。"),
        Dismiss => ("Dismiss", "关闭", "關閉"),
        CopyLink => ("Copy link", "复制链接", "複製連結"),
        LinkCopied => ("Link copied.", "链接已复制。", "連結已複製。"),
        CopyByHand => ("Copy this link by hand:", "请手动复制此链接：", "請手動複製此連結："),
        DarkTheme => ("Dark theme", "深色主题", "深色主題"),
        LargerType => ("Larger type", "大字号", "大字號"),
        ExactValue => ("exact value", "精确值", "精確值"),
        OutOfRange => ("Out of range, kept within", "超出范围，已限制在", "超出範圍，已限制在"),
        NotANumber => ("Not a number:", "不是数字：", "不是數字："),
    }
}

/// The text of a message in a language.
pub fn tr(locale: Locale, msg: Msg) -> &'static str {
    msg.text(locale)
}

/// Fills `{0}`, `{1}` … in a template.
///
/// Chinese templates keep a space around a placeholder, so a number or a Latin name stands
/// apart from the characters beside it ("2014 年", "按 CNY 计"); where the value itself begins
/// or ends with a Chinese character, that space goes ("来源称相机模块是", not "来源称 相机模块 是").
pub fn fill(template: &str, args: &[&str]) -> String {
    // One pass over the template: an argument is never read as a template itself (a file
    // name holding "{1}" stays as it is).
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        // Only the template's own text decides: what an earlier argument ends with does not.
        let before = &rest[..open];
        out.push_str(before);
        let after = &rest[open + 1..];
        let arg = after.find('}').and_then(|close| {
            let i: usize = after[..close].parse().ok()?;
            Some((close, *args.get(i)?))
        });
        match arg {
            Some((close, a)) => {
                if a.starts_with(is_cjk) && space_before_cjk(before) {
                    out.pop();
                }
                out.push_str(a);
                rest = &after[close + 1..];
                if a.ends_with(is_cjk) {
                    if let Some(next) = rest.strip_prefix(' ') {
                        if next.starts_with(is_cjk) {
                            rest = next;
                        }
                    }
                }
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Sentences one after the other: a space between them in English, none in Chinese, whose
/// full stop already takes a full character's width.
pub fn sentences(locale: Locale, parts: &[&str]) -> String {
    parts.join(sentence_gap(locale))
}

/// What goes between two sentences (see [`sentences`]), for a view that puts them side by side.
pub fn sentence_gap(locale: Locale) -> &'static str {
    if locale == Locale::En {
        " "
    } else {
        ""
    }
}

/// (Shared with the domain's own wording: an imported report's card line.)
pub use crate::domain::format::bracketed;

/// A Chinese character or full-width punctuation (from the CJK radicals on).
fn is_cjk(c: char) -> bool {
    c >= '\u{2E80}'
}

/// Whether `text` ends with a space that follows a Chinese character.
fn space_before_cjk(text: &str) -> bool {
    text.strip_suffix(' ').is_some_and(|t| t.ends_with(is_cjk))
}

messages! {
    /// How tables and tooltips name a figure's provenance.
    pub enum ProvenanceMsg {
        Reported => ("reported", "报告值", "報告值"),
        Bound => ("bound", "界限值", "界限值"),
        Derived => ("derived", "推算值", "推算值"),
        Assumption => ("assumption", "假设值", "假設值"),
        Scenario => ("scenario", "情景值", "情境值"),
    }
}

/// The label of a provenance, as tables and tooltips name it.
pub fn provenance(locale: Locale, p: Provenance) -> &'static str {
    match p {
        Provenance::Reported => ProvenanceMsg::Reported,
        Provenance::Bound => ProvenanceMsg::Bound,
        Provenance::Derived => ProvenanceMsg::Derived,
        Provenance::Assumption => ProvenanceMsg::Assumption,
        Provenance::Scenario => ProvenanceMsg::Scenario,
    }
    .text(locale)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fill_replaces_every_placeholder() {
        assert_eq!(fill("{0} to {1}, {0}", &["a", "b"]), "a to b, a");
    }

    #[test]
    fn fill_drops_the_space_between_chinese_and_a_chinese_value() {
        let t = "来源称 {1} 是{0}中最大的细分市场";
        assert_eq!(
            fill(t, &["类型", "相机模块"]),
            "来源称相机模块是类型中最大的细分市场"
        );
        // Numbers and Latin names keep their space on the side that is not Chinese.
        assert_eq!(fill("从 {0} 出发", &["10万用户"]), "从 10万用户出发");
        assert_eq!(fill("{0} 年", &["2014"]), "2014 年");
        assert_eq!(fill("按 {0} 计", &["CNY"]), "按 CNY 计");
        assert_eq!(
            fill("来源称 {0} 是", &["Acme 呼叫中心"]),
            "来源称 Acme 呼叫中心是"
        );
        // A space beside Latin template text stays, whatever the value.
        assert_eq!(fill("the {0} grows", &["市场"]), "the 市场 grows");
        // Two values side by side: the space between them is the template's, beside no
        // Chinese template text, so it stays; a value's own spaces are never touched.
        assert_eq!(fill("{0} {1}", &["市场", "规模"]), "市场 规模");
        assert_eq!(fill("{0}{1}", &["市场 ", "规模"]), "市场 规模");
    }

    #[test]
    fn brackets_are_full_width_in_chinese() {
        assert_eq!(bracketed(Locale::En, "2025"), " (2025)");
        assert_eq!(bracketed(Locale::ZhHant, "2025"), "（2025）");
    }

    #[test]
    fn sentences_are_spaced_in_english_only() {
        assert_eq!(sentences(Locale::En, &["One.", "Two."]), "One. Two.");
        assert_eq!(sentences(Locale::ZhHans, &["一。", "二。"]), "一。二。");
    }

    /// What fills a placeholder is text, never a template: a file or field name holding
    /// "{1}" stays as it is; braces that name no argument stay too.
    #[test]
    fn fill_never_reads_an_argument_as_a_template() {
        assert_eq!(fill("{0}: {1}", &["a{1}.json", "b"]), "a{1}.json: b");
        assert_eq!(fill("{0} {x} {} {2} {", &["a"]), "a {x} {} {2} {");
        assert_eq!(fill("（{0}）", &["ü"]), "（ü）");
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
