//! Why something could not be done, in the reader's language. The domain returns error
//! values; this words them (never their English `Display`, which is for logs and tools).

use super::{fill, Message, Msg};
use crate::domain::engine::error::EngineError;
use crate::domain::engine::monte_carlo::{McError, MAX_PATHS};
use crate::domain::engine::sensitivity::SensitivityError;
use crate::domain::engine::target::TargetError;
use crate::domain::export::ExportFailure;
use crate::domain::format::{self, Locale};
use crate::domain::imported::IndexError;
use crate::domain::saved::{LoadError, SavedError, SetAsideReason, MAX_NAME_CHARS};

crate::messages! {
    /// Why the engine could not give a number.
    pub enum EngineMsg {
        Rate => (
            "a growth rate of {0} is not possible (it must be above −100%)",
            "{0} 的增长率不成立（必须高于 −100%）",
            "{0} 的成長率不成立（必須高於 −100%）"
        ),
        NonPositive => ("the value {0} must be above zero", "数值 {0} 必须大于零", "數值 {0} 必須大於零"),
        NonFinite => ("a number is missing or not finite", "缺少数字或数字无效", "缺少數字或數字無效"),
        Empty => ("there is nothing to compute from", "没有可供计算的数据", "沒有可供計算的資料"),
        ZeroHorizon => ("the horizon must be at least one period", "期限至少须为一期", "期限至少須為一期"),
        NotEnough => (
            "needs reported values in {0} different years, found {1}",
            "需要 {0} 个不同年份的报告值，只有 {1} 个",
            "需要 {0} 個不同年份的報告值，只有 {1} 個"
        ),
        Infeasible => ("the bounds contradict each other", "各界限相互矛盾", "各界限相互矛盾"),
        Unreachable => ("the target is not reached at this rate", "按此增长率无法达到目标", "按此成長率無法達到目標"),
        OutOfRange => ("the result is too large or too small to show", "结果过大或过小，无法显示", "結果過大或過小，無法顯示"),
    }
}

crate::messages! {
    /// Why a power tool (tornado, Monte Carlo) could not measure what was asked.
    pub enum ToolErrorMsg {
        NoHeadline => ("the report has no headline forecast", "本报告没有核心数据预测", "本報告沒有核心數據預測"),
        UnknownDimension => ("the report has no segment dimension “{0}”", "本报告没有细分维度“{0}”", "本報告沒有細分維度「{0}」"),
        UnknownMember => ("the dimension “{0}” has no segment “{1}”", "细分维度“{0}”中没有细分“{1}”", "細分維度「{0}」中沒有細分「{1}」"),
        UnknownProjection => ("the report has no projection “{0}”", "本报告没有预测“{0}”", "本報告沒有預測「{0}」"),
        InvalidPoints => ("the move must be above 0 and at most 100 points, not {0}", "调整幅度必须大于 0 且不超过 100 个百分点，而不是 {0}", "調整幅度必須大於 0 且不超過 100 個百分點，而不是 {0}"),
        NoPaths => ("at least one path is needed", "至少需要一条路径", "至少需要一條路徑"),
        TooManyPaths => ("{0} paths is more than {1}", "{0} 条路径超过上限 {1}", "{0} 條路徑超過上限 {1}"),
        UnknownKey => ("the report has no assumption “{0}”", "本报告没有假设“{0}”", "本報告沒有假設「{0}」"),
        InvalidRange => ("the range of “{0}” is not valid", "“{0}”的区间无效", "「{0}」的區間無效"),
        InvalidWidth => ("a range width of {0} is not valid", "区间宽度 {0} 无效", "區間寬度 {0} 無效"),
        BoundsExclude => (
            "no headline rate between {0} and {1} honours the bounds the source gives",
            "{0} 至 {1} 之间没有符合来源界限的核心增长率",
            "{0} 至 {1} 之間沒有符合來源界限的核心成長率"
        ),
        AllPathsFailed => ("no path could be computed: {0}", "没有一条路径能够计算：{0}", "沒有一條路徑能夠計算：{0}"),
    }
}

crate::messages! {
    /// Why a saved scenario, or a file of them, could not be used.
    pub enum SavedErrorMsg {
        EmptyName => ("a scenario needs a name", "情景需要名称", "情境需要名稱"),
        NameTooLong => ("a name may have at most {0} characters", "名称最多 {0} 个字符", "名稱最多 {0} 個字元"),
        NotFound => ("there is no scenario “{0}”", "没有名为“{0}”的情景", "沒有名為「{0}」的情境"),
        NameTaken => ("a scenario called “{0}” already exists", "名为“{0}”的情景已存在", "名為「{0}」的情境已存在"),
        NonFinite => ("the value of “{0}” is not a number", "“{0}”的值不是数字", "「{0}」的值不是數字"),
        NotJson => ("not a JSON file: {0} (line {1}, column {2})", "不是 JSON 文件：{0}（第 {1} 行，第 {2} 列）", "不是 JSON 檔案：{0}（第 {1} 行，第 {2} 欄）"),
        NotScenarios => ("not a saved-scenarios file", "不是已保存情景文件", "不是已儲存情境檔案"),
        BadFileVersion => ("the file's version is missing or invalid", "文件版本缺失或无效", "檔案版本缺失或無效"),
        NoList => ("the file has no list of scenarios", "文件中没有情景列表", "檔案中沒有情境列表"),
        NotAnObject => ("not a scenario", "不是情景", "不是情境"),
        Missing => ("“{0}” is missing", "缺少“{0}”", "缺少「{0}」"),
        WrongType => ("“{0}” should be {1}", "“{0}”的类型不正确（应为 {1}）", "「{0}」的類型不正確（應為 {1}）"),
        NotFinite => ("“{0}” is not a finite number", "“{0}”不是有限数字", "「{0}」不是有限數字"),
        NameEmpty => ("the name is empty", "名称为空", "名稱為空"),
        Newer => (
            "saved by a newer version of the explorer (format {0})",
            "由较新版本的浏览器保存（格式 {0}）",
            "由較新版本的瀏覽器儲存（格式 {0}）"
        ),
        BadEntryVersion => ("“version” is not a whole number", "“version”不是整数", "「version」不是整數"),
        GivenTwice => ("“{0}” is given twice", "“{0}”出现了两次", "「{0}」出現了兩次"),
        Invalid => ("the entry is malformed: {0}", "条目格式有误：{0}", "條目格式有誤：{0}"),
    }
}

crate::messages! {
    /// Why the list of imported reports on this device could not be read.
    pub enum IndexErrorMsg {
        Damaged => ("the list of imported reports is damaged: {0}", "已导入报告列表已损坏：{0}", "已匯入報告列表已損壞：{0}"),
        OtherFormat => (
            "the list of imported reports is not in a known format",
            "已导入报告列表的格式无法识别",
            "已匯入報告列表的格式無法識別"
        ),
        Newer => (
            "the list of imported reports was written by a newer version of the app (version {0})",
            "已导入报告列表由较新版本的应用写入（版本 {0}）",
            "已匯入報告列表由較新版本的應用程式寫入（版本 {0}）"
        ),
    }
}

crate::messages! {
    /// Why an export could not be made or offered.
    pub enum ExportErrorMsg {
        NoPage => ("the page cannot offer files right now", "页面目前无法提供文件下载", "頁面目前無法提供檔案下載"),
        ChartMissing => ("The chart is not on the page.", "页面上没有这个图表。", "頁面上沒有這個圖表。"),
    }
}

/// What an engine error means ("the bounds contradict each other"), without a prefix.
pub fn engine_reason(e: &EngineError, locale: Locale) -> String {
    let t = |m: EngineMsg| m.text(locale);
    match e {
        EngineError::RateAtOrBelowMinusOne(r) => {
            fill(t(EngineMsg::Rate), &[&format::percent(*r, 1)])
        }
        EngineError::NonPositiveValue(v) => {
            fill(t(EngineMsg::NonPositive), &[&format::number(*v, 2)])
        }
        EngineError::NonFinite => t(EngineMsg::NonFinite).to_string(),
        EngineError::Empty => t(EngineMsg::Empty).to_string(),
        EngineError::ZeroHorizon => t(EngineMsg::ZeroHorizon).to_string(),
        EngineError::NotEnoughPoints { needed, found } => fill(
            t(EngineMsg::NotEnough),
            &[&needed.to_string(), &found.to_string()],
        ),
        EngineError::Infeasible => t(EngineMsg::Infeasible).to_string(),
        EngineError::Unreachable => t(EngineMsg::Unreachable).to_string(),
        EngineError::OutOfRange => t(EngineMsg::OutOfRange).to_string(),
    }
}

/// "Cannot compute: the bounds contradict each other".
pub fn engine_error(e: &EngineError, locale: Locale) -> String {
    with_prefix(
        Msg::EngineErrorPrefix.text(locale),
        &engine_reason(e, locale),
        locale,
    )
}

/// "Prefix: reason", with the colon of the language.
fn with_prefix(prefix: &str, reason: &str, locale: Locale) -> String {
    format!("{prefix}{}{reason}", format::colon(locale))
}

/// Why a tool could not measure its target.
pub fn target_reason(e: &TargetError, locale: Locale) -> String {
    let t = |m: ToolErrorMsg| m.text(locale);
    match e {
        TargetError::NoHeadline => t(ToolErrorMsg::NoHeadline).to_string(),
        TargetError::UnknownDimension(d) => fill(t(ToolErrorMsg::UnknownDimension), &[d]),
        TargetError::UnknownMember { dimension, member } => {
            fill(t(ToolErrorMsg::UnknownMember), &[dimension, member])
        }
        TargetError::UnknownProjection(p) => fill(t(ToolErrorMsg::UnknownProjection), &[p]),
        TargetError::Engine(e) => engine_reason(e, locale),
    }
}

/// Why the tornado could not be drawn.
pub fn sensitivity_reason(e: &SensitivityError, locale: Locale) -> String {
    match e {
        SensitivityError::InvalidPoints(n) => fill(
            ToolErrorMsg::InvalidPoints.text(locale),
            &[&format::number(n * 100.0, 2)],
        ),
        SensitivityError::Target(e) => target_reason(e, locale),
    }
}

/// Why a Monte Carlo run could not start or finish.
pub fn mc_reason(e: &McError, locale: Locale) -> String {
    let t = |m: ToolErrorMsg| m.text(locale);
    match e {
        McError::NoPaths => t(ToolErrorMsg::NoPaths).to_string(),
        McError::TooManyPaths(n) => fill(
            t(ToolErrorMsg::TooManyPaths),
            &[
                &format::number(*n as f64, 0),
                &format::number(MAX_PATHS as f64, 0),
            ],
        ),
        McError::UnknownKey(k) => fill(t(ToolErrorMsg::UnknownKey), &[k]),
        McError::InvalidRange(k) => fill(t(ToolErrorMsg::InvalidRange), &[k]),
        McError::InvalidWidth(w) => fill(t(ToolErrorMsg::InvalidWidth), &[&format::number(*w, 2)]),
        McError::BoundsExcludeRange { low, high } => fill(
            t(ToolErrorMsg::BoundsExclude),
            &[&format::percent(*low, 2), &format::percent(*high, 2)],
        ),
        McError::Target(e) => target_reason(e, locale),
        McError::AllPathsFailed(e) => fill(
            t(ToolErrorMsg::AllPathsFailed),
            &[&engine_reason(e, locale)],
        ),
    }
}

/// Why a change to the saved scenarios was refused.
pub fn saved_reason(e: &SavedError, locale: Locale) -> String {
    let t = |m: SavedErrorMsg| m.text(locale);
    match e {
        SavedError::EmptyName => t(SavedErrorMsg::EmptyName).to_string(),
        SavedError::NameTooLong => fill(
            t(SavedErrorMsg::NameTooLong),
            &[&MAX_NAME_CHARS.to_string()],
        ),
        SavedError::NotFound { name, .. } => fill(t(SavedErrorMsg::NotFound), &[name]),
        SavedError::NameTaken { name, .. } => fill(t(SavedErrorMsg::NameTaken), &[name]),
        SavedError::NonFinite(key) => fill(t(SavedErrorMsg::NonFinite), &[key]),
    }
}

/// Why a file of saved scenarios could not be read: the JSON parser's description worded in
/// the reader's language (`validation::serde_message`), with the place.
pub fn load_reason(e: &LoadError, locale: Locale) -> String {
    let t = |m: SavedErrorMsg| m.text(locale);
    match e {
        LoadError::Syntax(s) => fill(
            t(SavedErrorMsg::NotJson),
            &[
                &super::validation::serde_message(&s.reason, locale),
                &s.line.to_string(),
                &s.column.to_string(),
            ],
        ),
        LoadError::NotScenarios => t(SavedErrorMsg::NotScenarios).to_string(),
        LoadError::BadVersion => t(SavedErrorMsg::BadFileVersion).to_string(),
        LoadError::NoList => t(SavedErrorMsg::NoList).to_string(),
    }
}

/// Why a stored scenario was set aside.
pub fn set_aside_reason(e: &SetAsideReason, locale: Locale) -> String {
    let t = |m: SavedErrorMsg| m.text(locale);
    match e {
        SetAsideReason::NotAnObject => t(SavedErrorMsg::NotAnObject).to_string(),
        SetAsideReason::Missing(field) => fill(t(SavedErrorMsg::Missing), &[field]),
        SetAsideReason::WrongType(field, want) => fill(t(SavedErrorMsg::WrongType), &[field, want]),
        SetAsideReason::NonFinite(field) => fill(t(SavedErrorMsg::NotFinite), &[field]),
        SetAsideReason::EmptyName => t(SavedErrorMsg::NameEmpty).to_string(),
        SetAsideReason::NewerVersion(v) => fill(t(SavedErrorMsg::Newer), &[&v.to_string()]),
        SetAsideReason::BadVersion => t(SavedErrorMsg::BadEntryVersion).to_string(),
        SetAsideReason::GivenTwice(key) => fill(t(SavedErrorMsg::GivenTwice), &[key]),
        SetAsideReason::Invalid(why) => fill(
            t(SavedErrorMsg::Invalid),
            &[&super::validation::serde_message(why, locale)],
        ),
    }
}

/// Why the list of imported reports could not be read.
pub fn index_reason(e: &IndexError, locale: Locale) -> String {
    let t = |m: IndexErrorMsg| m.text(locale);
    match e {
        IndexError::NotJson(why) => fill(
            t(IndexErrorMsg::Damaged),
            &[&super::validation::serde_message(why, locale)],
        ),
        IndexError::OtherFormat => t(IndexErrorMsg::OtherFormat).to_string(),
        IndexError::Newer(v) => fill(t(IndexErrorMsg::Newer), &[&v.to_string()]),
    }
}

/// Why an export could not be made or offered.
pub fn export_reason(e: &ExportFailure, locale: Locale) -> String {
    match e {
        ExportFailure::Engine(e) => engine_reason(e, locale),
        ExportFailure::NoPage => ExportErrorMsg::NoPage.text(locale).to_string(),
        ExportFailure::ChartMissing => ExportErrorMsg::ChartMissing.text(locale).to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::saved::SyntaxError;

    /// One value of every error variant the screen can show.
    fn every_error() -> Vec<Box<dyn Fn(Locale) -> String>> {
        let engine = [
            EngineError::RateAtOrBelowMinusOne(-1.5),
            EngineError::NonPositiveValue(-3.0),
            EngineError::NonFinite,
            EngineError::Empty,
            EngineError::ZeroHorizon,
            EngineError::NotEnoughPoints {
                needed: 2,
                found: 1,
            },
            EngineError::Infeasible,
            EngineError::Unreachable,
            EngineError::OutOfRange,
        ];
        let target = [
            TargetError::NoHeadline,
            TargetError::UnknownDimension("region".into()),
            TargetError::UnknownMember {
                dimension: "region".into(),
                member: "mars".into(),
            },
            TargetError::UnknownProjection("users".into()),
            TargetError::Engine(EngineError::Infeasible),
        ];
        let mc = [
            McError::NoPaths,
            McError::TooManyPaths(200_000),
            McError::UnknownKey("k".into()),
            McError::InvalidRange("k".into()),
            McError::InvalidWidth(-1.0),
            McError::BoundsExcludeRange {
                low: 0.01,
                high: 0.02,
            },
            McError::Target(TargetError::NoHeadline),
            McError::AllPathsFailed(EngineError::OutOfRange),
        ];
        let sensitivity = [
            SensitivityError::InvalidPoints(2.0),
            SensitivityError::Target(TargetError::NoHeadline),
        ];
        let saved = [
            SavedError::EmptyName,
            SavedError::NameTooLong,
            SavedError::NotFound {
                report: "r".into(),
                name: "n".into(),
            },
            SavedError::NameTaken {
                report: "r".into(),
                name: "n".into(),
            },
            SavedError::NonFinite("headline".into()),
        ];
        let load = [
            LoadError::Syntax(SyntaxError {
                line: 1,
                column: 2,
                reason: "EOF while parsing".into(),
            }),
            LoadError::NotScenarios,
            LoadError::BadVersion,
            LoadError::NoList,
        ];
        let set_aside = [
            SetAsideReason::NotAnObject,
            SetAsideReason::Missing("name"),
            SetAsideReason::WrongType("name".into(), "a string"),
            SetAsideReason::NonFinite("values.x".into()),
            SetAsideReason::EmptyName,
            SetAsideReason::NewerVersion(9),
            SetAsideReason::BadVersion,
            SetAsideReason::GivenTwice("values.k".into()),
            SetAsideReason::Invalid("duplicate field".into()),
        ];
        let index = [
            IndexError::NotJson("EOF".into()),
            IndexError::OtherFormat,
            IndexError::Newer(7),
        ];
        let export = [
            ExportFailure::Engine(EngineError::Empty),
            ExportFailure::NoPage,
            ExportFailure::ChartMissing,
        ];
        let mut out: Vec<Box<dyn Fn(Locale) -> String>> = Vec::new();
        for e in engine {
            out.push(Box::new(move |l| engine_error(&e, l)));
        }
        for e in target {
            out.push(Box::new(move |l| target_reason(&e, l)));
        }
        for e in mc {
            out.push(Box::new(move |l| mc_reason(&e, l)));
        }
        for e in sensitivity {
            out.push(Box::new(move |l| sensitivity_reason(&e, l)));
        }
        for e in saved {
            out.push(Box::new(move |l| saved_reason(&e, l)));
        }
        for e in load {
            out.push(Box::new(move |l| load_reason(&e, l)));
        }
        for e in set_aside {
            out.push(Box::new(move |l| set_aside_reason(&e, l)));
        }
        for e in index {
            out.push(Box::new(move |l| index_reason(&e, l)));
        }
        for e in export {
            out.push(Box::new(move |l| export_reason(&e, l)));
        }
        out
    }

    /// Whether a text has a Han character (the Chinese interfaces' words, not only quoted ids).
    fn has_han(s: &str) -> bool {
        s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
    }

    #[test]
    fn every_error_has_a_text_in_each_language_and_chinese_is_chinese() {
        let all = every_error();
        // Every variant of each error enum is listed above: the matches in the functions are
        // exhaustive, so a new variant fails to compile there; this counts the list.
        assert_eq!(all.len(), 9 + 5 + 8 + 2 + 5 + 4 + 9 + 3 + 3);
        for (i, text) in all.iter().enumerate() {
            let en = text(Locale::En);
            assert!(!en.trim().is_empty(), "error {i} has no English text");
            assert!(!en.contains("{0}") && !en.contains("{1}"), "unfilled: {en}");
            for zh in [Locale::ZhHans, Locale::ZhHant] {
                let s = text(zh);
                assert!(!s.trim().is_empty(), "error {i} has no {zh:?} text");
                assert_ne!(s, en, "error {i} reads in English in {zh:?}");
                assert!(has_han(&s), "error {i} in {zh:?} has no Chinese words: {s}");
                assert!(!s.contains("{0}") && !s.contains("{1}"), "unfilled: {s}");
            }
        }
    }

    /// serde_json's own words in a saved scenario's or a saved file's reason read in Chinese
    /// too (they once showed as "duplicate field `name`" in a Chinese notice).
    #[test]
    fn the_json_readers_words_are_worded_in_chinese() {
        let entry = SetAsideReason::Invalid("duplicate field `name`".into());
        assert_eq!(
            set_aside_reason(&entry, Locale::ZhHans),
            "条目格式有误：字段“name”重复出现"
        );
        assert_eq!(
            set_aside_reason(&entry, Locale::ZhHant),
            "條目格式有誤：欄位「name」重複出現"
        );
        assert_eq!(
            set_aside_reason(&entry, Locale::En),
            "the entry is malformed: duplicate field `name`"
        );
        let file = LoadError::Syntax(SyntaxError {
            line: 2,
            column: 9,
            reason: "EOF while parsing an object".into(),
        });
        assert_eq!(
            load_reason(&file, Locale::ZhHant),
            "不是 JSON 檔案：物件沒有結束（第 2 行，第 9 欄）"
        );
        assert_eq!(
            load_reason(&file, Locale::En),
            "not a JSON file: EOF while parsing an object (line 2, column 9)"
        );
    }

    #[test]
    fn engine_errors_read_with_the_prefix_of_their_language() {
        assert_eq!(
            engine_error(&EngineError::Infeasible, Locale::En),
            "Cannot compute: the bounds contradict each other"
        );
        assert_eq!(
            engine_error(&EngineError::Infeasible, Locale::ZhHans),
            "无法计算：各界限相互矛盾"
        );
        assert_eq!(
            mc_reason(
                &McError::AllPathsFailed(EngineError::OutOfRange),
                Locale::ZhHant
            ),
            "沒有一條路徑能夠計算：結果過大或過小，無法顯示"
        );
    }
}
