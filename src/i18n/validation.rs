//! Why a report or catalogue file was refused, in the reader's language. The domain keeps the
//! reason as a value ([`Problem`], [`JsonProblem`]); this words it. The English column is also
//! the errors' `Display` (logs, tests, the catalogue tool a publisher runs), so each sentence
//! is written once.
//!
//! Ids, field names and JSON paths are the file's own and stay as they are. serde_json's own
//! descriptions (what ended early, what the syntax expected, a wrong type or value) are worded
//! from their fixed forms ([`serde_detail`]); only a form this does not know stays in English,
//! after a sentence in the reader's language.

use super::errors::engine_reason;
use super::{fill, Locale, Message};
use crate::domain::load::{JsonKind, JsonProblem};
use crate::domain::validate::{Problem, ValidationError, YEAR_MAX, YEAR_MIN};
use std::fmt;
use std::sync::OnceLock;

crate::messages! {
    /// What the validator found wrong at a field.
    pub enum ProblemMsg {
        MissingValue => ("missing value", "缺少数值", "缺少數值"),
        EnglishEmpty => ("missing value: English text is empty", "缺少数值：英文文本为空", "缺少數值：英文文字為空"),
        EmptyTranslation => ("empty text: omit the field instead", "文本为空：请改为省略该字段", "文字為空：請改為省略該欄位"),
        InvalidId => (
            "invalid id {0}: use lowercase letters, digits, '-' and '_'",
            "无效的 id {0}：只能使用小写字母、数字、“-”和“_”",
            "無效的 id {0}：只能使用小寫字母、數字、「-」和「_」"
        ),
        DuplicateId => ("duplicate id {0}", "id {0} 重复", "id {0} 重複"),
        IdTaken => (
            "the id \"{0}\" is already used by {1}; every report needs its own id",
            "id“{0}”已被 {1} 使用；每份报告都需要自己的 id",
            "id「{0}」已被 {1} 使用；每份報告都需要自己的 id"
        ),
        NotFinite => ("not a finite number", "不是有效的有限数字", "不是有效的有限數字"),
        YearOutOfRange => ("year {0} out of range {1}–{2}", "年份 {0} 超出范围 {1}–{2}", "年份 {0} 超出範圍 {1}–{2}"),
        YearsBackwards => ("year range {0}–{1} runs backwards", "年份区间 {0}–{1} 前后颠倒", "年份區間 {0}–{1} 前後顛倒"),
        RateTooLow => ("growth rate {0} is −100% or less", "增长率 {0} 不高于 −100%", "成長率 {0} 不高於 −100%"),
        StepNotPositive => ("step must be positive", "步长必须为正数", "步長必須為正數"),
        DefaultOutside => (
            "default {0} is outside min {1} – max {2}",
            "默认值 {0} 超出最小值 {1} 至最大值 {2} 的范围",
            "預設值 {0} 超出最小值 {1} 至最大值 {2} 的範圍"
        ),
        ShareOutsideUnit => ("a share must stay between 0 and 1", "占比必须介于 0 和 1 之间", "占比必須介於 0 和 1 之間"),
        RateMinTooLow => ("a growth rate must stay above −100%", "增长率必须高于 −100%", "成長率必須高於 −100%"),
        BoundNeedsSide => (
            "missing value: a bound needs \"lower\" or \"upper\"",
            "缺少数值：界限值需要注明 \"lower\"（下限）或 \"upper\"（上限）",
            "缺少數值：界限值需要註明 \"lower\"（下限）或 \"upper\"（上限）"
        ),
        SideWithoutBound => (
            "only values with provenance \"bound\" may name a bound side",
            "只有来源类型为 \"bound\"（界限值）的数值才能注明界限方向",
            "只有來源類型為 \"bound\"（界限值）的數值才能註明界限方向"
        ),
        ScenarioInFile => (
            "\"scenario\" values belong to the reader, not to a report file",
            "\"scenario\"（情景值）属于读者，不应出现在报告文件中",
            "\"scenario\"（情境值）屬於讀者，不應出現在報告檔案中"
        ),
        NotCurrencyCode => ("currency {0} is not an ISO 4217 code", "货币 {0} 不是 ISO 4217 代码", "貨幣 {0} 不是 ISO 4217 代碼"),
        NoSeries => ("missing value: a report needs at least one series", "缺少数值：报告至少需要一个序列", "缺少數值：報告至少需要一個序列"),
        NoPoints => ("missing value: a series needs points", "缺少数值：序列需要数据点", "缺少數值：序列需要資料點"),
        UnknownSeries => ("unknown series {0}", "未知的序列 {0}", "未知的序列 {0}"),
        UnknownDimension => ("unknown dimension {0}", "未知的细分维度 {0}", "未知的細分維度 {0}"),
        UnknownMember => ("unknown dimension member {0} in {1}", "细分维度 {1} 中没有成员 {0}", "細分維度 {1} 中沒有成員 {0}"),
        UnknownAssumption => ("unknown assumption {0}", "未知的假设 {0}", "未知的假設 {0}"),
        UnknownKpi => ("unknown KPI {0}", "未知的 KPI {0}", "未知的 KPI {0}"),
        YearsNotOrdered => ("from_year must come before to_year", "from_year 必须早于 to_year", "from_year 必須早於 to_year"),
        FromNotBeforeTo => ("from must come before to", "from 必须早于 to", "from 必須早於 to"),
        ValueNotPositive => ("value must be positive", "数值必须为正数", "數值必須為正數"),
        ShareNotInUnit => ("share must be in (0, 1]", "占比必须在 (0, 1] 区间内", "占比必須在 (0, 1] 區間內"),
        HantWithoutHans => (
            "the Traditional form of name_zh: give name_zh (Simplified) too",
            "这是 name_zh 的繁体形式：请同时提供 name_zh（简体）",
            "這是 name_zh 的繁體形式：請同時提供 name_zh（簡體）"
        ),
        BadDate => ("date {0} is not YYYY, YYYY-MM or YYYY/YYYY", "日期 {0} 不是 YYYY、YYYY-MM 或 YYYY/YYYY 格式", "日期 {0} 不是 YYYY、YYYY-MM 或 YYYY/YYYY 格式"),
        YearsOnlyForSpan => (
            "\"years\" is the length the source gives a span: only a span date (YYYY/YYYY) may have one, not {0}",
            "\"years\" 是来源给出的时段长度：只有时段日期（YYYY/YYYY）可以带有它，{0} 不是时段",
            "\"years\" 是來源給出的時段長度：只有時段日期（YYYY/YYYY）可以帶有它，{0} 不是時段"
        ),
        ZeroSpan => ("a span of 0 years", "时段为 0 年", "時段為 0 年"),
        TrendWithoutSeries => (
            "missing value: a trend claim names the series it speaks of",
            "缺少数值：趋势陈述需要注明所指的序列",
            "缺少數值：趨勢陳述需要註明所指的序列"
        ),
        ForecastStartsTooEarly => (
            "the forecast must start after the history starts",
            "预测期必须在历史期开始之后开始",
            "預測期必須在歷史期開始之後開始"
        ),
        NegativeForecastValue => (
            "a value of the series the forecast extends may not be negative",
            "预测所延伸的序列不能有负值",
            "預測所延伸的序列不能有負值"
        ),
        SecondValue => (
            "a second value for {0}: a series has one point a year (give a range as a bound, or pick one value)",
            "{0} 年出现第二个数值：序列每年只有一个数据点（范围请用界限值表示，或选定一个数值）",
            "{0} 年出現第二個數值：序列每年只有一個資料點（範圍請用界限值表示，或選定一個數值）"
        ),
        YearsOutOfOrder => (
            "points must be in increasing year order without repeats",
            "数据点必须按年份递增排列且不重复",
            "資料點必須按年份遞增排列且不重複"
        ),
        UpperWithoutLower => (
            "\"upper\" closes a lower bound into an interval: only a point with bound \"lower\" may have one",
            "\"upper\" 用于把下限补成区间：只有界限为 \"lower\" 的数据点才能带有它",
            "\"upper\" 用於把下限補成區間：只有界限為 \"lower\" 的資料點才能帶有它"
        ),
        UpperNotAbove => ("upper {0} must be above the value {1}", "上限 {0} 必须高于数值 {1}", "上限 {0} 必須高於數值 {1}"),
        NoReportedValueOf => ("no positive reported value of {0} in {1}", "{1} 年没有 {0} 的正报告值", "{1} 年沒有 {0} 的正報告值"),
        NoReportedValue => ("no positive reported value in {0}", "{0} 年没有正的报告值", "{0} 年沒有正的報告值"),
        NoGrowthStatement => ("no growth statement number {0}", "没有编号为 {0} 的增长陈述", "沒有編號為 {0} 的成長陳述"),
        FitNeedsPoints => (
            "a fit needs a reported value, bound or interval in a year other than the anchor's",
            "拟合需要锚定年份以外某一年的报告值、界限值或区间",
            "擬合需要錨定年份以外某一年的報告值、界限值或區間"
        ),
        NoFit => ("no growth rate fits the series: {0}", "没有与该序列相符的增长率：{0}", "沒有與該序列相符的成長率：{0}"),
        MinAboveMax => ("min {0} is above max {1}", "最小值 {0} 高于最大值 {1}", "最小值 {0} 高於最大值 {1}"),
        PublishedRateOutside => (
            "the published rate {0} lies outside min {1} – max {2}: the slider could not show it",
            "公布的增长率 {0} 超出最小值 {1} 至最大值 {2} 的范围：滑块无法显示它",
            "公布的成長率 {0} 超出最小值 {1} 至最大值 {2} 的範圍：滑桿無法顯示它"
        ),
        BaseYearNotAnchor => (
            "the base year {0} must be the forecast's anchor year {1}",
            "基准年 {0} 必须是预测的锚定年份 {1}",
            "基準年 {0} 必須是預測的錨定年份 {1}"
        ),
        NoMembers => ("missing value: a dimension needs members", "缺少数值：细分维度需要成员", "缺少數值：細分維度需要成員"),
        MixedGrowth => (
            "either every sibling has a growth assumption or none has (none: they grow with their parent)",
            "同级成员要么都有增长假设，要么都没有（都没有时随上级增长）",
            "同級成員要麼都有成長假設，要麼都沒有（都沒有時隨上級成長）"
        ),
        SharesDoNotSum => (
            "shares that do not sum: default shares add up to {0}, not 1",
            "占比之和不为 1：默认占比相加为 {0}",
            "占比之和不為 1：預設占比相加為 {0}"
        ),
        NoContents => ("missing value: the table of contents is empty", "缺少数值：目录为空", "缺少數值：目錄為空"),
        NoCadence => ("missing value: a rate needs a cadence", "缺少数值：速率需要注明周期", "缺少數值：速率需要註明週期"),
        ZeroHorizon => ("horizon 0", "期限为 0", "期限為 0"),
        NoPeriods => ("horizon 0: a projection needs periods", "期限为 0：预测需要期数", "期限為 0：預測需要期數"),
        ShareOfUnknownSeries => (
            "unknown series {0}: a share's \"of\" names the series it is a share of",
            "未知的序列 {0}：占比的 \"of\" 应注明它所占的序列",
            "未知的序列 {0}：占比的 \"of\" 應註明它所占的序列"
        ),
        LevelOfUnknownAssumption => (
            "unknown assumption {0}: a level's \"of\" names the assumption giving the top of its scale",
            "未知的假设 {0}：水平指标的 \"of\" 应注明给出其刻度上限的假设",
            "未知的假設 {0}：水準指標的 \"of\" 應註明給出其刻度上限的假設"
        ),
        RateOfNonLevel => (
            "KPI {0} is not a level: a rate's \"of\" names the level target it changes",
            "KPI {0} 不是水平指标：速率的 \"of\" 应注明它所改变的水平目标",
            "KPI {0} 不是水準指標：速率的 \"of\" 應註明它所改變的水準目標"
        ),
        RateOfUnknownKpi => (
            "unknown KPI {0}: a rate's \"of\" names the level target it changes",
            "未知的 KPI {0}：速率的 \"of\" 应注明它所改变的水平目标",
            "未知的 KPI {0}：速率的 \"of\" 應註明它所改變的水準目標"
        ),
        TargetNotLevel => ("the target must be a level KPI", "目标必须是水平类 KPI", "目標必須是水準類 KPI"),
        NotCatalogue => ("not a report catalogue (format \"{0}\")", "不是报告目录（格式为“{0}”）", "不是報告目錄（格式為「{0}」）"),
        NewerCatalogue => (
            "written for a newer version of the app (version {0})",
            "由更新版本的应用写成（版本 {0}）",
            "由較新版本的應用程式寫成（版本 {0}）"
        ),
    }
}

crate::messages! {
    /// What the JSON reader refused, and where.
    pub enum JsonMsg {
        EndsEarly => ("the file ends too early: {0}", "文件在中途结束（文件可能不完整）：{0}", "檔案在中途結束（檔案可能不完整）：{0}"),
        Syntax => ("not valid JSON: {0}", "不是有效的 JSON：{0}", "不是有效的 JSON：{0}"),
        MissingField => ("missing field “{0}”", "缺少字段“{0}”", "缺少欄位「{0}」"),
        UnknownField => ("unknown field “{0}”, expected one of {1}", "未知字段“{0}”（可能拼写有误），此处可用：{1}", "未知欄位「{0}」（可能拼寫有誤），此處可用：{1}"),
        UnknownVariant => ("unknown variant “{0}”, expected one of {1}", "未知取值“{0}”，此处可用：{1}", "未知取值「{0}」，此處可用：{1}"),
        NoneExpected => ("unknown field “{0}”, there are no fields", "未知字段“{0}”，此处没有字段", "未知欄位「{0}」，此處沒有欄位"),
        DuplicateField => ("duplicate field “{0}”", "字段“{0}”重复出现", "欄位「{0}」重複出現"),
        // A name the file or the format uses, quoted as the reader's language quotes.
        Quoted => ("“{0}”", "“{0}”", "「{0}」"),
        Data => ("{0}", "数值与报告格式不符：{0}", "數值與報告格式不符：{0}"),
        At => ("{0} (line {1}, column {2})", "{0}（第 {1} 行，第 {2} 列）", "{0}（第 {1} 行，第 {2} 欄）"),
        // serde_json's column 0: the line's start, before any character (a text cut after a line).
        AtLine => ("{0} (line {1})", "{0}（第 {1} 行）", "{0}（第 {1} 行）"),
        // A file (or file and field) before what is wrong there.
        Located => ("{0}: {1}", "{0}：{1}", "{0}：{1}"),
    }
}

crate::messages! {
    /// serde_json's and serde's fixed descriptions, in their English form first (so English
    /// reads exactly as serde_json says it), worded in Chinese.
    pub enum SerdeMsg {
        EofList => ("EOF while parsing a list", "列表没有结束", "列表沒有結束"),
        EofObject => ("EOF while parsing an object", "对象没有结束", "物件沒有結束"),
        EofString => ("EOF while parsing a string", "字符串没有结束", "字串沒有結束"),
        EofValue => ("EOF while parsing a value", "缺少值", "缺少值"),
        ExpectedColon => ("expected `:`", "此处应为“:”", "此處應為「:」"),
        ExpectedListCommaOrEnd => ("expected `,` or `]`", "此处应为“,”或“]”", "此處應為「,」或「]」"),
        ExpectedObjectCommaOrEnd => ("expected `,` or `}`", "此处应为“,”或“}”", "此處應為「,」或「}」"),
        ExpectedSomeIdent => ("expected ident", "此处应为 true、false 或 null", "此處應為 true、false 或 null"),
        ExpectedSomeValue => ("expected value", "此处应为一个值", "此處應為一個值"),
        ExpectedDoubleQuote => ("expected `\"`", "此处应为英文双引号 \"", "此處應為英文雙引號 \""),
        InvalidEscape => ("invalid escape", "无效的转义序列", "無效的跳脫序列"),
        InvalidNumber => ("invalid number", "无效的数字", "無效的數字"),
        NumberOutOfRange => ("number out of range", "数字超出范围", "數字超出範圍"),
        InvalidUnicodeCodePoint => ("invalid unicode code point", "无效的 Unicode 码位", "無效的 Unicode 碼位"),
        ControlCharacter => ("control character (\\u0000-\\u001F) found while parsing a string", "字符串中有控制字符（\\u0000-\\u001F）", "字串中有控制字元（\\u0000-\\u001F）"),
        KeyMustBeAString => ("key must be a string", "键必须是字符串", "鍵必須是字串"),
        LoneLeadingSurrogate => ("lone leading surrogate in hex escape", "十六进制转义中有不成对的代理项", "十六進位跳脫中有不成對的代理項"),
        TrailingComma => ("trailing comma", "多余的逗号", "多餘的逗號"),
        TrailingCharacters => ("trailing characters", "JSON 之后还有多余的字符", "JSON 之後還有多餘的字元"),
        UnexpectedEndOfHexEscape => ("unexpected end of hex escape", "十六进制转义不完整", "十六進位跳脫不完整"),
        RecursionLimitExceeded => ("recursion limit exceeded", "嵌套层数过多", "巢狀層數過多"),
        // serde's frames: what was found ({0}) and what the schema expects there ({1}); a whole
        // number that the field's type cannot hold, with that type ({2}).
        OutOfRange => ("invalid value: {0}, expected {2}", "取值超出范围：此处是{0}，应为{1}（{2}）", "取值超出範圍：此處是{0}，應為{1}（{2}）"),
        InvalidType => ("invalid type: {0}, expected {1}", "类型不符：此处是{0}，应为{1}", "類型不符：此處是{0}，應為{1}"),
        InvalidValue => ("invalid value: {0}, expected {1}", "取值不符：此处是{0}，应为{1}", "取值不符：此處是{0}，應為{1}"),
        InvalidLength => ("invalid length {0}, expected {1}", "长度不符：此处有 {0} 项，应为{1}", "長度不符：此處有 {0} 項，應為{1}"),
        // What was found.
        FoundBool => ("boolean {0}", "布尔值 {0}", "布林值 {0}"),
        FoundInteger => ("integer {0}", "整数 {0}", "整數 {0}"),
        FoundFloat => ("floating point {0}", "数字 {0}", "數字 {0}"),
        FoundString => ("string {0}", "字符串 {0}", "字串 {0}"),
        FoundNull => ("null", "空值 null", "空值 null"),
        FoundSequence => ("sequence", "列表", "列表"),
        FoundMap => ("map", "对象", "物件"),
        // What the schema expects.
        WantInteger => ("an integer", "整数", "整數"),
        WantNonNegative => ("a whole number ≥ 0", "非负整数", "非負整數"),
        WantNumber => ("a number", "数字", "數字"),
        WantString => ("a string", "字符串", "字串"),
        WantBool => ("a boolean", "布尔值（true 或 false）", "布林值（true 或 false）"),
        WantSequence => ("a sequence", "列表", "列表"),
        WantObject => ("an object", "对象", "物件"),
    }
}

/// How serde_json's descriptions are worded in Chinese: put in place with the Chinese texts
/// (`languages::install_hans`/`install_hant`, in their chunks), so the wording's code and
/// tables are not in an English first visit.
static SERDE_WORDING: OnceLock<fn(&str, Locale) -> String> = OnceLock::new();

/// Called when a Chinese language's texts are installed.
pub fn install_serde_wording() {
    let _ = SERDE_WORDING.set(serde_detail);
}

/// serde_json's `detail` as a reader of `locale` reads it: worded once the language's texts
/// are here (English is always serde_json's own text).
fn worded_detail(detail: &str, locale: Locale) -> String {
    // (Asking whether the texts are here installs them in a build without `split`.)
    if locale == Locale::En || !super::languages::installed(locale) {
        return detail.to_string();
    }
    match SERDE_WORDING.get() {
        Some(word) => word(detail, locale),
        None => detail.to_string(),
    }
}

/// serde_json's description of what is wrong (`detail`, in its fixed English form) in
/// `locale`: each fixed message, and serde's "invalid type / value / length" frames with what
/// was found and what was expected, worded; a form not known here stays as serde_json says
/// it. English is always serde_json's own text.
pub fn serde_detail(detail: &str, locale: Locale) -> String {
    use SerdeMsg::*;
    if locale == Locale::En {
        return detail.to_string();
    }
    const FIXED: [SerdeMsg; 21] = [
        EofList,
        EofObject,
        EofString,
        EofValue,
        ExpectedColon,
        ExpectedListCommaOrEnd,
        ExpectedObjectCommaOrEnd,
        ExpectedSomeIdent,
        ExpectedSomeValue,
        ExpectedDoubleQuote,
        InvalidEscape,
        InvalidNumber,
        NumberOutOfRange,
        InvalidUnicodeCodePoint,
        ControlCharacter,
        KeyMustBeAString,
        LoneLeadingSurrogate,
        TrailingComma,
        TrailingCharacters,
        UnexpectedEndOfHexEscape,
        RecursionLimitExceeded,
    ];
    if let Some(m) = FIXED.iter().find(|m| m.text(Locale::En) == detail) {
        return m.text(locale).to_string();
    }
    let framed = |frame: SerdeMsg, found: &str, expected: &str| {
        Some(fill(
            frame.text(locale),
            &[
                &serde_found(found, locale)?,
                &serde_expected(expected, locale)?,
            ],
        ))
    };
    // serde's field forms ("duplicate field `name`"), worded as a report file's are.
    let field = |prefix: &str, m: JsonMsg| {
        let name = detail.strip_prefix(prefix)?.strip_suffix('`')?;
        (!name.contains('`')).then(|| fill(m.text(locale), &[name]))
    };
    let fields = field("duplicate field `", JsonMsg::DuplicateField)
        .or_else(|| field("missing field `", JsonMsg::MissingField));
    let worded = if fields.is_some() {
        fields
    } else if let Some(rest) = detail.strip_prefix("invalid type: ") {
        rest.rsplit_once(", expected ")
            .and_then(|(found, expected)| framed(InvalidType, found, expected))
    } else if let Some(rest) = detail.strip_prefix("invalid value: ") {
        rest.rsplit_once(", expected ")
            .and_then(|(found, expected)| {
                // A whole number the field's integer type cannot hold (negative, or too large).
                if found.starts_with("integer ") && is_integer_type(expected) {
                    Some(fill(
                        OutOfRange.text(locale),
                        &[
                            &serde_found(found, locale)?,
                            &serde_expected(expected, locale)?,
                            expected,
                        ],
                    ))
                } else {
                    framed(InvalidValue, found, expected)
                }
            })
    } else if let Some(rest) = detail.strip_prefix("invalid length ") {
        rest.rsplit_once(", expected ").and_then(|(n, expected)| {
            Some(fill(
                InvalidLength.text(locale),
                &[n, &serde_expected(expected, locale)?],
            ))
        })
    } else {
        None
    };
    worded.unwrap_or_else(|| detail.to_string())
}

/// Whether serde's `expected` names a Rust integer type.
fn is_integer_type(expected: &str) -> bool {
    matches!(
        expected,
        "i8" | "i16" | "i32" | "i64" | "isize" | "u8" | "u16" | "u32" | "u64" | "usize"
    )
}

/// serde's `Unexpected` (what a file holds where something else was expected), worded; the
/// value itself stays as written.
fn serde_found(found: &str, locale: Locale) -> Option<String> {
    use SerdeMsg::*;
    if found == "null" {
        return Some(FoundNull.text(locale).to_string());
    }
    let kinds = [
        ("boolean ", FoundBool),
        ("integer ", FoundInteger),
        ("floating point ", FoundFloat),
        ("string ", FoundString),
    ];
    if let Some((rest, m)) = kinds
        .iter()
        .find_map(|(prefix, m)| found.strip_prefix(prefix).map(|rest| (rest, *m)))
    {
        // serde quotes a number in backticks ("integer `-1`"): the value alone.
        return Some(fill(m.text(locale), &[rest.trim_matches('`')]));
    }
    match found {
        "sequence" => Some(FoundSequence.text(locale).to_string()),
        "map" => Some(FoundMap.text(locale).to_string()),
        _ => None,
    }
}

/// What the schema's reader expected (a visitor's `expecting`), worded when it is a plain
/// kind: Rust's integer and float types, a string, a boolean, a list, a struct or map.
fn serde_expected(expected: &str, locale: Locale) -> Option<String> {
    use SerdeMsg::*;
    let m = match expected {
        "an integer" | "i8" | "i16" | "i32" | "i64" | "isize" => WantInteger,
        "u8" | "u16" | "u32" | "u64" | "usize" => WantNonNegative,
        "a number" | "f32" | "f64" => WantNumber,
        "a string" | "a borrowed string" => WantString,
        "a boolean" => WantBool,
        "a sequence" => WantSequence,
        "a map" | "an object" => WantObject,
        _ if expected.starts_with("struct ") => WantObject,
        _ => return None,
    };
    Some(m.text(locale).to_string())
}

/// A refused file in the reader's language: the file, the field path (if any), the reason.
pub fn validation_text(e: &ValidationError, locale: Locale) -> String {
    let located = JsonMsg::Located.text(locale);
    let place = if e.path.is_empty() {
        e.file.clone()
    } else {
        fill(located, &[&e.file, &e.path])
    };
    fill(located, &[&place, &problem_text(&e.problem, locale)])
}

/// What is wrong, in the reader's language.
pub fn problem_text(problem: &Problem, locale: Locale) -> String {
    let t = |m: ProblemMsg| m.text(locale).to_string();
    let with = |m: ProblemMsg, args: &[&str]| fill(m.text(locale), args);
    let q = |id: &str| format!("{id:?}");
    match problem {
        Problem::Json(p) => json_text(p, locale),
        Problem::MissingValue => t(ProblemMsg::MissingValue),
        Problem::EnglishEmpty => t(ProblemMsg::EnglishEmpty),
        Problem::EmptyTranslation => t(ProblemMsg::EmptyTranslation),
        Problem::InvalidId(id) => with(ProblemMsg::InvalidId, &[&q(id)]),
        Problem::DuplicateId(id) => with(ProblemMsg::DuplicateId, &[&q(id)]),
        Problem::IdTaken { id, other_file } => with(ProblemMsg::IdTaken, &[id, other_file]),
        Problem::NotFinite => t(ProblemMsg::NotFinite),
        Problem::YearOutOfRange(y) => with(
            ProblemMsg::YearOutOfRange,
            &[&y.to_string(), &YEAR_MIN.to_string(), &YEAR_MAX.to_string()],
        ),
        Problem::YearsBackwards { from, to } => with(
            ProblemMsg::YearsBackwards,
            &[&from.to_string(), &to.to_string()],
        ),
        Problem::RateTooLow(r) => with(ProblemMsg::RateTooLow, &[&r.to_string()]),
        Problem::StepNotPositive => t(ProblemMsg::StepNotPositive),
        Problem::DefaultOutside { default, min, max } => with(
            ProblemMsg::DefaultOutside,
            &[&default.to_string(), &min.to_string(), &max.to_string()],
        ),
        Problem::ShareOutsideUnit => t(ProblemMsg::ShareOutsideUnit),
        Problem::RateMinTooLow => t(ProblemMsg::RateMinTooLow),
        Problem::BoundNeedsSide => t(ProblemMsg::BoundNeedsSide),
        Problem::SideWithoutBound => t(ProblemMsg::SideWithoutBound),
        Problem::ScenarioInFile => t(ProblemMsg::ScenarioInFile),
        Problem::NotCurrencyCode(code) => with(ProblemMsg::NotCurrencyCode, &[&q(code)]),
        Problem::NoSeries => t(ProblemMsg::NoSeries),
        Problem::NoPoints => t(ProblemMsg::NoPoints),
        Problem::UnknownSeries(id) => with(ProblemMsg::UnknownSeries, &[&q(id)]),
        Problem::UnknownDimension(id) => with(ProblemMsg::UnknownDimension, &[&q(id)]),
        Problem::UnknownMember { member, dimension } => {
            with(ProblemMsg::UnknownMember, &[&q(member), &q(dimension)])
        }
        Problem::UnknownAssumption(id) => with(ProblemMsg::UnknownAssumption, &[&q(id)]),
        Problem::UnknownKpi(id) => with(ProblemMsg::UnknownKpi, &[&q(id)]),
        Problem::YearsNotOrdered => t(ProblemMsg::YearsNotOrdered),
        Problem::FromNotBeforeTo => t(ProblemMsg::FromNotBeforeTo),
        Problem::ValueNotPositive => t(ProblemMsg::ValueNotPositive),
        Problem::ShareNotInUnit => t(ProblemMsg::ShareNotInUnit),
        Problem::HantWithoutHans => t(ProblemMsg::HantWithoutHans),
        Problem::BadDate(date) => with(ProblemMsg::BadDate, &[&q(date)]),
        Problem::YearsOnlyForSpan(date) => with(ProblemMsg::YearsOnlyForSpan, &[&q(date)]),
        Problem::ZeroSpan => t(ProblemMsg::ZeroSpan),
        Problem::TrendWithoutSeries => t(ProblemMsg::TrendWithoutSeries),
        Problem::ForecastStartsTooEarly => t(ProblemMsg::ForecastStartsTooEarly),
        Problem::NegativeForecastValue => t(ProblemMsg::NegativeForecastValue),
        Problem::SecondValue(year) => with(ProblemMsg::SecondValue, &[&year.to_string()]),
        Problem::YearsOutOfOrder => t(ProblemMsg::YearsOutOfOrder),
        Problem::UpperWithoutLower => t(ProblemMsg::UpperWithoutLower),
        Problem::UpperNotAbove { upper, value } => with(
            ProblemMsg::UpperNotAbove,
            &[&upper.to_string(), &value.to_string()],
        ),
        Problem::NoReportedValue {
            series: Some(series),
            year,
        } => with(
            ProblemMsg::NoReportedValueOf,
            &[&q(series), &year.to_string()],
        ),
        Problem::NoReportedValue { series: None, year } => {
            with(ProblemMsg::NoReportedValue, &[&year.to_string()])
        }
        Problem::NoGrowthStatement(i) => with(ProblemMsg::NoGrowthStatement, &[&i.to_string()]),
        Problem::FitNeedsPoints => t(ProblemMsg::FitNeedsPoints),
        Problem::NoFit(e) => with(ProblemMsg::NoFit, &[&engine_reason(e, locale)]),
        Problem::MinAboveMax { min, max } => with(
            ProblemMsg::MinAboveMax,
            &[&min.to_string(), &max.to_string()],
        ),
        Problem::PublishedRateOutside { rate, min, max } => with(
            ProblemMsg::PublishedRateOutside,
            &[&format!("{rate:.4}"), &min.to_string(), &max.to_string()],
        ),
        Problem::BaseYearNotAnchor { base, anchor } => with(
            ProblemMsg::BaseYearNotAnchor,
            &[&base.to_string(), &anchor.to_string()],
        ),
        Problem::NoMembers => t(ProblemMsg::NoMembers),
        Problem::MixedGrowth => t(ProblemMsg::MixedGrowth),
        Problem::SharesDoNotSum(sum) => with(ProblemMsg::SharesDoNotSum, &[&format!("{sum:.6}")]),
        Problem::NoContents => t(ProblemMsg::NoContents),
        Problem::NoCadence => t(ProblemMsg::NoCadence),
        Problem::ZeroHorizon => t(ProblemMsg::ZeroHorizon),
        Problem::NoPeriods => t(ProblemMsg::NoPeriods),
        Problem::ShareOfUnknownSeries(id) => with(ProblemMsg::ShareOfUnknownSeries, &[&q(id)]),
        Problem::LevelOfUnknownAssumption(id) => {
            with(ProblemMsg::LevelOfUnknownAssumption, &[&q(id)])
        }
        Problem::RateOfNonLevel(id) => with(ProblemMsg::RateOfNonLevel, &[&q(id)]),
        Problem::RateOfUnknownKpi(id) => with(ProblemMsg::RateOfUnknownKpi, &[&q(id)]),
        Problem::TargetNotLevel => t(ProblemMsg::TargetNotLevel),
        Problem::NotCatalogue(format) => with(ProblemMsg::NotCatalogue, &[format]),
        Problem::NewerCatalogue(version) => {
            with(ProblemMsg::NewerCatalogue, &[&version.to_string()])
        }
    }
}

/// What the JSON reader refused, in the reader's language, with the line and column.
pub fn json_text(p: &JsonProblem, locale: Locale) -> String {
    let with = |m: JsonMsg, args: &[&str]| fill(m.text(locale), args);
    let names = |list: &[String]| {
        list.iter()
            .map(|n| fill(JsonMsg::Quoted.text(locale), &[n]))
            .collect::<Vec<_>>()
            .join(crate::domain::format::list_comma(locale))
    };
    let reason = match &p.kind {
        JsonKind::EndsEarly => with(JsonMsg::EndsEarly, &[&worded_detail(&p.detail, locale)]),
        JsonKind::Syntax => with(JsonMsg::Syntax, &[&worded_detail(&p.detail, locale)]),
        JsonKind::MissingField(name) => with(JsonMsg::MissingField, &[name]),
        JsonKind::DuplicateField(name) => with(JsonMsg::DuplicateField, &[name]),
        JsonKind::UnknownField { name, expected } if expected.is_empty() => {
            with(JsonMsg::NoneExpected, &[name])
        }
        JsonKind::UnknownField { name, expected } => {
            with(JsonMsg::UnknownField, &[name, &names(expected)])
        }
        JsonKind::UnknownVariant { name, expected } => {
            with(JsonMsg::UnknownVariant, &[name, &names(expected)])
        }
        JsonKind::Data => with(JsonMsg::Data, &[&worded_detail(&p.detail, locale)]),
    };
    at_place(reason, p.line, p.column, locale)
}

/// `reason` with the line and column it is at (none: line 0; the line only: column 0).
fn at_place(reason: String, line: usize, column: usize, locale: Locale) -> String {
    let with = |m: JsonMsg, args: &[&str]| fill(m.text(locale), args);
    match (line, column) {
        (0, _) => reason,
        (line, 0) => with(JsonMsg::AtLine, &[&reason, &line.to_string()]),
        (line, column) => with(
            JsonMsg::At,
            &[&reason, &line.to_string(), &column.to_string()],
        ),
    }
}

/// A whole serde_json message as its `Display` gives it ("EOF while parsing a value at line
/// 1 column 5"), worded in `locale` with its line and column.
pub fn serde_message(message: &str, locale: Locale) -> String {
    let place = message.rsplit_once(" at line ").and_then(|(detail, at)| {
        let (line, column) = at.split_once(" column ")?;
        Some((detail, line.parse().ok()?, column.parse().ok()?))
    });
    match place {
        Some((detail, line, column)) => {
            at_place(worded_detail(detail, locale), line, column, locale)
        }
        None => worded_detail(message, locale),
    }
}

/// English, for logs, tests and the catalogue tool.
impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&problem_text(self, Locale::En))
    }
}

impl fmt::Display for ValidationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&validation_text(self, Locale::En))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::load::parse_report;

    fn refused(text: &str) -> ValidationError {
        parse_report("mine.json", text).expect_err("should be refused")
    }

    /// A damaged file reads in the reader's language: the sentence is Chinese, the file's
    /// own names (file, field, value) stay as they are.
    #[test]
    fn a_damaged_file_is_worded_in_each_language() {
        let truncated = refused("{\"id\": \"a\", \"kind\": ");
        assert_eq!(
            validation_text(&truncated, Locale::ZhHans),
            "mine.json：kind：文件在中途结束（文件可能不完整）：缺少值（第 1 行，第 20 列）"
        );
        assert_eq!(
            validation_text(&truncated, Locale::En),
            "mine.json: kind: the file ends too early: EOF while parsing a value (line 1, column 20)"
        );
        let unknown = refused("{\"id\": \"a\", \"titel\": 1}");
        let hant = validation_text(&unknown, Locale::ZhHant);
        assert!(
            hant.starts_with(
                "mine.json：titel：未知欄位「titel」（可能拼寫有誤），此處可用：「id」、「kind」、"
            ),
            "{hant}"
        );
        assert!(hant.ends_with("（第 1 行，第 19 欄）"), "{hant}");
        let en = validation_text(&unknown, Locale::En);
        assert!(
            en.starts_with(
                "mine.json: titel: unknown field “titel”, expected one of “id”, “kind”, "
            ),
            "{en}"
        );
    }

    /// serde_json's own descriptions read in Chinese too; English stays serde_json's text,
    /// and a form not known here is quoted as it is rather than guessed at.
    #[test]
    fn serde_json_descriptions_are_worded_in_chinese() {
        let wrong_type =
            refused("{\"id\": \"a\", \"kind\": \"market\", \"meta\": {\"base_year\": \"2\"}}");
        let hans = validation_text(&wrong_type, Locale::ZhHans);
        assert!(
            hans.contains("类型不符：此处是字符串 \"2\"，应为整数"),
            "{hans}"
        );
        assert!(!hans.contains("invalid"), "{hans}");
        assert!(
            wrong_type
                .to_string()
                .contains("invalid type: string \"2\", expected i32"),
            "{wrong_type}"
        );
        let syntax = refused("{\"id\" \"a\"}");
        let hant = validation_text(&syntax, Locale::ZhHant);
        assert!(hant.contains("不是有效的 JSON：此處應為「:」"), "{hant}");
        for (detail, hans) in [
            ("EOF while parsing a list", "列表没有结束"),
            ("trailing comma", "多余的逗号"),
            (
                "invalid type: null, expected f64",
                "类型不符：此处是空值 null，应为数字",
            ),
            (
                "invalid value: integer `-1`, expected u32",
                "取值超出范围：此处是整数 -1，应为非负整数（u32）",
            ),
            (
                "invalid value: integer `3000000000`, expected i32",
                "取值超出范围：此处是整数 3000000000，应为整数（i32）",
            ),
            (
                "invalid type: string \"a, expected b\", expected f64",
                "类型不符：此处是字符串 \"a, expected b\"，应为数字",
            ),
            (
                "invalid type: map, expected a sequence",
                "类型不符：此处是对象，应为列表",
            ),
            (
                "invalid length 1, expected a tuple of size 2",
                "invalid length 1, expected a tuple of size 2",
            ),
            ("duplicate field `name`", "字段“name”重复出现"),
            ("missing field `report`", "缺少字段“report”"),
            ("missing field `a` and `b`", "missing field `a` and `b`"),
            (
                "something serde_json may say one day",
                "something serde_json may say one day",
            ),
        ] {
            assert_eq!(serde_detail(detail, Locale::ZhHans), hans);
            assert_eq!(serde_detail(detail, Locale::En), detail);
        }
    }

    /// A damaged list of imports quotes serde_json's whole message: worded too, with its place.
    #[test]
    fn a_whole_serde_message_is_worded_with_its_place() {
        let message = "EOF while parsing a value at line 1 column 5";
        assert_eq!(
            serde_message(message, Locale::ZhHans),
            "缺少值（第 1 行，第 5 列）"
        );
        assert_eq!(
            serde_message(message, Locale::En),
            "EOF while parsing a value (line 1, column 5)"
        );
        assert_eq!(
            serde_message("trailing comma", Locale::ZhHant),
            "多餘的逗號"
        );
    }

    #[test]
    fn a_text_cut_after_a_line_gives_the_line_only() {
        let e = refused("{\n\"id\": \"a\",\n");
        let p = match &e.problem {
            Problem::Json(p) => p,
            other => panic!("{other:?}"),
        };
        assert_eq!((p.line, p.column), (3, 0));
        assert!(json_text(p, Locale::En).ends_with(" (line 3)"), "{e}");
        assert!(json_text(p, Locale::ZhHant).ends_with("（第 3 行）"), "{e}");
    }

    /// Every validator reason has its own sentence in both Chinese scripts, with no English
    /// words left but the file's own names.
    #[test]
    fn validator_reasons_are_worded_in_chinese() {
        let e = ValidationError {
            file: "mine.json".into(),
            path: "series[0].points[1].year".into(),
            problem: Problem::YearOutOfRange(20320),
        };
        assert_eq!(
            validation_text(&e, Locale::ZhHans),
            "mine.json：series[0].points[1].year：年份 20320 超出范围 1900–2100"
        );
        assert_eq!(
            e.to_string(),
            "mine.json: series[0].points[1].year: year 20320 out of range 1900–2100"
        );
        let member = Problem::UnknownMember {
            member: "flux".into(),
            dimension: "region".into(),
        };
        assert_eq!(
            problem_text(&member, Locale::ZhHant),
            "細分維度 \"region\" 中沒有成員 \"flux\""
        );
    }

    /// One of each reason. The `match` below has no wildcard, so a new variant does not
    /// compile until it is listed here (and so tested).
    fn every_problem() -> Vec<Problem> {
        use crate::domain::engine::EngineError;
        let s = || "x".to_string();
        let json = |kind| {
            Problem::Json(Box::new(JsonProblem {
                kind,
                detail: "invalid type: string \"2027\", expected i32".into(),
                line: 3,
                column: 7,
            }))
        };
        let all = vec![
            json(JsonKind::EndsEarly),
            json(JsonKind::Syntax),
            json(JsonKind::MissingField(s())),
            json(JsonKind::UnknownField {
                name: s(),
                expected: vec![s()],
            }),
            json(JsonKind::UnknownField {
                name: s(),
                expected: vec![],
            }),
            json(JsonKind::UnknownVariant {
                name: s(),
                expected: vec![s()],
            }),
            json(JsonKind::DuplicateField(s())),
            json(JsonKind::Data),
            Problem::MissingValue,
            Problem::EnglishEmpty,
            Problem::EmptyTranslation,
            Problem::InvalidId(s()),
            Problem::DuplicateId(s()),
            Problem::IdTaken {
                id: s(),
                other_file: s(),
            },
            Problem::NotFinite,
            Problem::YearOutOfRange(3000),
            Problem::YearsBackwards {
                from: 2030,
                to: 2020,
            },
            Problem::RateTooLow(-2.0),
            Problem::StepNotPositive,
            Problem::DefaultOutside {
                default: 2.0,
                min: 0.0,
                max: 1.0,
            },
            Problem::ShareOutsideUnit,
            Problem::RateMinTooLow,
            Problem::BoundNeedsSide,
            Problem::SideWithoutBound,
            Problem::ScenarioInFile,
            Problem::NotCurrencyCode(s()),
            Problem::NoSeries,
            Problem::NoPoints,
            Problem::UnknownSeries(s()),
            Problem::UnknownDimension(s()),
            Problem::UnknownMember {
                member: s(),
                dimension: s(),
            },
            Problem::UnknownAssumption(s()),
            Problem::UnknownKpi(s()),
            Problem::YearsNotOrdered,
            Problem::FromNotBeforeTo,
            Problem::ValueNotPositive,
            Problem::ShareNotInUnit,
            Problem::HantWithoutHans,
            Problem::BadDate(s()),
            Problem::YearsOnlyForSpan(s()),
            Problem::ZeroSpan,
            Problem::TrendWithoutSeries,
            Problem::ForecastStartsTooEarly,
            Problem::NegativeForecastValue,
            Problem::SecondValue(2025),
            Problem::YearsOutOfOrder,
            Problem::UpperWithoutLower,
            Problem::UpperNotAbove {
                upper: 1.0,
                value: 2.0,
            },
            Problem::NoReportedValue {
                series: Some(s()),
                year: 2025,
            },
            Problem::NoReportedValue {
                series: None,
                year: 2025,
            },
            Problem::NoGrowthStatement(2),
            Problem::FitNeedsPoints,
            Problem::NoFit(EngineError::Infeasible),
            Problem::MinAboveMax { min: 1.0, max: 0.0 },
            Problem::PublishedRateOutside {
                rate: 0.5,
                min: 0.0,
                max: 0.2,
            },
            Problem::BaseYearNotAnchor {
                base: 2024,
                anchor: 2025,
            },
            Problem::NoMembers,
            Problem::MixedGrowth,
            Problem::SharesDoNotSum(0.9),
            Problem::NoContents,
            Problem::NoCadence,
            Problem::ZeroHorizon,
            Problem::NoPeriods,
            Problem::ShareOfUnknownSeries(s()),
            Problem::LevelOfUnknownAssumption(s()),
            Problem::RateOfNonLevel(s()),
            Problem::RateOfUnknownKpi(s()),
            Problem::TargetNotLevel,
            Problem::NotCatalogue(s()),
            Problem::NewerCatalogue(9),
        ];
        for p in &all {
            match p {
                Problem::Json(_)
                | Problem::MissingValue
                | Problem::EnglishEmpty
                | Problem::EmptyTranslation
                | Problem::InvalidId(_)
                | Problem::DuplicateId(_)
                | Problem::IdTaken { .. }
                | Problem::NotFinite
                | Problem::YearOutOfRange(_)
                | Problem::YearsBackwards { .. }
                | Problem::RateTooLow(_)
                | Problem::StepNotPositive
                | Problem::DefaultOutside { .. }
                | Problem::ShareOutsideUnit
                | Problem::RateMinTooLow
                | Problem::BoundNeedsSide
                | Problem::SideWithoutBound
                | Problem::ScenarioInFile
                | Problem::NotCurrencyCode(_)
                | Problem::NoSeries
                | Problem::NoPoints
                | Problem::UnknownSeries(_)
                | Problem::UnknownDimension(_)
                | Problem::UnknownMember { .. }
                | Problem::UnknownAssumption(_)
                | Problem::UnknownKpi(_)
                | Problem::YearsNotOrdered
                | Problem::FromNotBeforeTo
                | Problem::ValueNotPositive
                | Problem::ShareNotInUnit
                | Problem::HantWithoutHans
                | Problem::BadDate(_)
                | Problem::YearsOnlyForSpan(_)
                | Problem::ZeroSpan
                | Problem::TrendWithoutSeries
                | Problem::ForecastStartsTooEarly
                | Problem::NegativeForecastValue
                | Problem::SecondValue(_)
                | Problem::YearsOutOfOrder
                | Problem::UpperWithoutLower
                | Problem::UpperNotAbove { .. }
                | Problem::NoReportedValue { .. }
                | Problem::NoGrowthStatement(_)
                | Problem::FitNeedsPoints
                | Problem::NoFit(_)
                | Problem::MinAboveMax { .. }
                | Problem::PublishedRateOutside { .. }
                | Problem::BaseYearNotAnchor { .. }
                | Problem::NoMembers
                | Problem::MixedGrowth
                | Problem::SharesDoNotSum(_)
                | Problem::NoContents
                | Problem::NoCadence
                | Problem::ZeroHorizon
                | Problem::NoPeriods
                | Problem::ShareOfUnknownSeries(_)
                | Problem::LevelOfUnknownAssumption(_)
                | Problem::RateOfNonLevel(_)
                | Problem::RateOfUnknownKpi(_)
                | Problem::TargetNotLevel
                | Problem::NotCatalogue(_)
                | Problem::NewerCatalogue(_) => {}
            }
        }
        all
    }

    #[test]
    fn every_reason_reads_in_each_language() {
        let has_han = |s: &str| s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
        for p in every_problem() {
            let en = problem_text(&p, Locale::En);
            assert!(!en.contains('{'), "unfilled: {en}");
            for zh in [Locale::ZhHans, Locale::ZhHant] {
                let text = problem_text(&p, zh);
                assert_ne!(text, en, "{p:?} reads in English in {zh:?}");
                assert!(
                    has_han(&text),
                    "{p:?} has no Chinese words in {zh:?}: {text}"
                );
                assert!(!text.contains('{'), "unfilled: {text}");
            }
        }
    }
}
