//! Messages of importing a reader's own report and keeping it on their device.

crate::messages! {
    pub enum ImportMsg {
        Heading => ("Import your own report", "导入您自己的报告", "匯入您自己的報告"),
        Intro => ("A report JSON file in the documented format, or a CSV/TSV table of series (long or wide, UTF-8, UTF-16 or GB18030 as Excel saves them). It stays on this device: nothing is uploaded.", "符合文档格式的报告 JSON 文件，或序列的 CSV/TSV 表格（长表或宽表；UTF-8、UTF-16 或 Excel 保存的 GB18030）。数据只保存在此设备上，不会上传。", "符合文件格式的報告 JSON 檔案，或序列的 CSV/TSV 表格（長表或寬表；UTF-8、UTF-16 或 Excel 儲存的 GB18030）。資料只保存在此裝置上，不會上傳。"),
        ChooseFile => ("Choose a file", "选择文件", "選擇檔案"),
        DropHint => ("or drop a file anywhere on this page", "或将文件拖放到本页任意位置", "或將檔案拖放到本頁任意位置"),
        PasteLabel => ("Or paste CSV, TSV or JSON", "或粘贴 CSV、TSV 或 JSON", "或貼上 CSV、TSV 或 JSON"),
        ReadPasted => ("Read pasted text", "读取粘贴的文本", "讀取貼上的文字"),
        PastedText => ("pasted text", "粘贴的文本", "貼上的文字"),
        Reading => ("Reading {0}…", "正在读取 {0}…", "正在讀取 {0}…"),
        Preview => ("Preview: {0}", "预览：{0}", "預覽：{0}"),
        PreviewJson => ("A report file in the documented format: nothing needed guessing.", "符合文档格式的报告文件：无需推测。", "符合文件格式的報告檔案：無需推測。"),
        Series => ("Series", "序列", "序列"),
        Years => ("Years", "年份", "年份"),
        ImportIt => ("Import", "导入", "匯入"),
        Cancel => ("Cancel", "取消", "取消"),
        Imported => ("Imported “{0}”. It is kept on this device only.", "已导入“{0}”。它只保存在此设备上。", "已匯入「{0}」。它只保存在此裝置上。"),
        Failed => ("{0} could not be imported:", "无法导入 {0}：", "無法匯入 {0}："),
        NothingChanged => ("Nothing you had imported before was changed.", "您之前导入的内容均未改变。", "您之前匯入的內容均未改變。"),
        // Two sentences in a row: a space between them in English, none in Chinese.
        FailedNothingChanged => ("{0} {1}", "{0}{1}", "{0}{1}"),
        NotText => ("The file could not be read as text.", "无法将文件读取为文本。", "無法將檔案讀取為文字。"),
        Full => ("This device's storage for the app is full, so “{0}” was not kept. Remove an imported report or saved scenarios to make room.", "此设备为本应用保留的存储空间已满，因此未保存“{0}”。请删除一份已导入的报告或已保存的情景以腾出空间。", "此裝置為本應用保留的儲存空間已滿，因此未保存「{0}」。請刪除一份已匯入的報告或已儲存的情境以騰出空間。"),
        Unavailable => ("This browser gives the page no storage (private mode?), so imported reports cannot be kept.", "此浏览器未向页面提供存储空间（隐私模式？），因此无法保存导入的报告。", "此瀏覽器未向頁面提供儲存空間（私密模式？），因此無法保存匯入的報告。"),
        ListUnreadable => ("The list of imported reports on this device could not be read, and is left as it is:", "无法读取此设备上的已导入报告列表，已保持原样：", "無法讀取此裝置上的已匯入報告列表，已保持原樣："),
        ImportedHeading => ("Imported — on this device only", "已导入——仅在此设备上", "已匯入——僅在此裝置上"),
        ImportedBadge => ("Imported — on this device only", "已导入，仅在此设备上", "已匯入，僅在此裝置上"),
        Remove => ("Remove", "删除", "刪除"),
        Removed => ("Removed “{0}” from this device.", "已从此设备删除“{0}”。", "已從此裝置刪除「{0}」。"),
        ExportJson => ("Export as report JSON", "导出为报告 JSON", "匯出為報告 JSON"),
        Unusable => ("This imported report can no longer be opened:", "此导入的报告已无法打开：", "此匯入的報告已無法開啟："),
        StoredMissing => ("its data is missing from this device's storage", "它的数据已不在此设备的存储中", "它的資料已不在此裝置的儲存空間中"),
        StoredOtherId => ("it is listed as {0}, but the data kept under that name is the report {1}", "它登记为 {0}，但以此名称保存的数据却是报告 {1}", "它登記為 {0}，但以此名稱保存的資料卻是報告 {1}"),
        NotOnThisDevice => ("This link is to a report that someone imported on their own device (“{0}”). Imported reports stay on the device that imported them, so it is not here. Import the same file to open it.", "此链接指向他人在自己设备上导入的报告（“{0}”）。导入的报告只保存在导入它的设备上，因此此处没有。请导入同一文件来打开它。", "此連結指向他人在自己裝置上匯入的報告（「{0}」）。匯入的報告只保存在匯入它的裝置上，因此此處沒有。請匯入同一檔案來開啟它。"),
    }
}

crate::messages! {
    /// The reader-facing parts of the CSV preview.
    pub enum CsvMsg {
        Guessed => ("What was guessed — change anything that is wrong:", "推测的设置——如有不对请修改：", "推測的設定——如有不對請修改："),
        Encoding => ("Encoding", "编码", "編碼"),
        Delimiter => ("Separator", "分隔符", "分隔符號"),
        Comma => ("comma", "逗号", "逗號"),
        Semicolon => ("semicolon", "分号", "分號"),
        Tab => ("tab", "制表符", "定位字元"),
        Header => ("First row is a header", "第一行是标题行", "第一列是標題列"),
        DecimalComma => ("Decimal comma (1.234,5)", "小数逗号（1.234,5）", "小數逗號（1.234,5）"),
        TimeColumn => ("Time column", "时间列", "時間欄"),
        Layout => ("Layout", "布局", "版面"),
        Wide => ("wide: one column per series", "宽表：每个序列一列", "寬表：每個序列一欄"),
        Long => ("long: a column names the series", "长表：一列为序列名称", "長表：一欄為序列名稱"),
        SeriesColumn => ("Series names in", "序列名称所在列", "序列名稱所在欄"),
        ValueColumn => ("Values in", "数值所在列", "數值所在欄"),
        ValueColumns => ("Series (value columns)", "序列（数值列）", "序列（數值欄）"),
        PartsOfWhole => ("The series are parts of one total (segments)", "这些序列是同一总量的组成部分（细分）", "這些序列是同一總量的組成部分（細分）"),
        Cadence => ("Periods", "周期", "週期"),
        Yearly => ("years", "年", "年"),
        Quarterly => ("quarters", "季度", "季度"),
        Monthly => ("months", "月", "月"),
        Daily => ("days", "日", "日"),
        Aggregate => ("A year is the", "每年取值方式", "每年取值方式"),
        Sum => ("sum of its periods (flows: revenue)", "各期之和（流量：收入）", "各期之和（流量：收入）"),
        Mean => ("mean of its periods (levels, rates)", "各期平均（水平、比率）", "各期平均（水準、比率）"),
        Last => ("last period (stocks: users at year end)", "最后一期（存量：年末用户数）", "最後一期（存量：年末用戶數）"),
        Unit => ("Unit", "单位", "單位"),
        UnitCurrency => ("money, in", "货币，币种", "貨幣，幣別"),
        UnitNumber => ("a plain number", "普通数值", "一般數值"),
        UnitPercent => ("a percentage", "百分比", "百分比"),
        UnitCount => ("a count of", "计数，单位为", "計數，單位為"),
        Scale => ("Cells are in", "单元格数值单位", "儲存格數值單位"),
        Ones => ("ones", "个", "個"),
        Thousands => ("thousands", "千", "千"),
        TenThousands => ("万 (10,000)", "万", "萬"),
        Millions => ("millions", "百万", "百萬"),
        HundredMillions => ("亿 (100 million)", "亿", "億"),
        Billions => ("billions", "十亿", "十億"),
        ForecastYears => ("Forecast years after the last", "最后一年之后的预测年数", "最後一年之後的預測年數"),
        Title => ("Title", "标题", "標題"),
        Rows => ("{0} data rows; the first {1} are shown.", "共 {0} 行数据，显示前 {1} 行。", "共 {0} 列資料，顯示前 {1} 列。"),
        Importing => ("Reading {0} of about {1} rows…", "正在读取第 {0} 行，共约 {1} 行…", "正在讀取第 {0} 列，共約 {1} 列…"),
        Cancelled => ("Import cancelled: nothing was kept.", "已取消导入：未保存任何内容。", "已取消匯入：未保存任何內容。"),
    }
}

crate::messages! {
    /// The import's own code (a wasm chunk fetched the first time a file is given) did not
    /// arrive.
    pub enum ImportChunkMsg {
        Unloaded => (
            "The file could not be read: the part of the app that reads files did not arrive (the connection may have dropped, or you are offline and it was not saved on this device). Nothing was imported; the rest of the app still works.",
            "无法读取文件：应用中读取文件的部分没有下载成功（可能是网络中断，或您处于离线状态且本设备未保存它）。没有导入任何内容；应用的其他部分仍可使用。",
            "無法讀取檔案：應用程式中讀取檔案的部分沒有下載成功（可能是網路中斷，或您處於離線狀態且本裝置未儲存它）。沒有匯入任何內容；應用程式的其他部分仍可使用。"
        ),
        ExportUnloaded => (
            "The report could not be exported: the part of the app that writes report files did not arrive (the connection may have dropped, or you are offline and it was not saved on this device). Try again once you are online.",
            "无法导出报告：应用中写入报告文件的部分没有下载成功（可能是网络中断，或您处于离线状态且本设备未保存它）。请在联网后重试。",
            "無法匯出報告：應用程式中寫入報告檔案的部分沒有下載成功（可能是網路中斷，或您處於離線狀態且本裝置未儲存它）。請在連網後重試。"
        ),
        Retry => ("Try again", "重试", "重試"),
    }
}

use crate::domain::import::{
    Aggregate, Delimiter, Guess, GuessKind, ImportError, ImportErrorKind, ImportOptions, Layout,
};
use crate::domain::imported::StoredReportError;
use crate::domain::schema::{Cadence, Report, Unit};
use crate::i18n::{Locale, Message};

/// A separator's name.
pub fn delimiter_name(d: Delimiter, locale: Locale) -> &'static str {
    match d {
        Delimiter::Comma => CsvMsg::Comma.text(locale),
        Delimiter::Semicolon => CsvMsg::Semicolon.text(locale),
        Delimiter::Tab => CsvMsg::Tab.text(locale),
    }
}

/// How a year is made of its periods, named.
pub fn aggregate_name(a: Aggregate, locale: Locale) -> &'static str {
    match a {
        Aggregate::Sum => CsvMsg::Sum.text(locale),
        Aggregate::Mean => CsvMsg::Mean.text(locale),
        Aggregate::Last => CsvMsg::Last.text(locale),
    }
}

/// Scales a reader can choose for a table's cells, with their names.
pub const SCALES: [(f64, CsvMsg); 6] = [
    (1.0, CsvMsg::Ones),
    (1e3, CsvMsg::Thousands),
    (1e4, CsvMsg::TenThousands),
    (1e6, CsvMsg::Millions),
    (1e8, CsvMsg::HundredMillions),
    (1e9, CsvMsg::Billions),
];

/// What was guessed about a table, one line each ("Separator: semicolon"): the options'
/// current values where the interface can name them, the sniffer's text otherwise. The
/// encoding comes first when one was detected (`"—"` for pasted text, which has none).
pub fn guess_lines(
    guesses: &[Guess],
    o: &ImportOptions,
    encoding: &str,
    locale: Locale,
) -> Vec<String> {
    let c = |m: CsvMsg| m.text(locale);
    let yes_no = |b: bool| if b { "✓" } else { "✗" };
    let encoding = (encoding != "—").then(|| format!("{}: {encoding}", c(CsvMsg::Encoding)));
    let line = |g: &Guess| {
        let detail = g.detail.as_str();
        let (label, value): (&str, String) = match g.what {
            // Shown first, from what was detected before sniffing.
            GuessKind::Encoding => return None,
            GuessKind::Delimiter => (
                c(CsvMsg::Delimiter),
                delimiter_name(o.delimiter, locale).into(),
            ),
            GuessKind::Header => (c(CsvMsg::Header), yes_no(o.header).into()),
            GuessKind::DecimalComma => (c(CsvMsg::DecimalComma), yes_no(o.decimal_comma).into()),
            GuessKind::Time => (c(CsvMsg::TimeColumn), detail.to_string()),
            GuessKind::Layout => (
                c(CsvMsg::Layout),
                match o.layout {
                    Layout::Wide { .. } => c(CsvMsg::Wide),
                    Layout::Long { .. } => c(CsvMsg::Long),
                }
                .into(),
            ),
            GuessKind::Cadence => (c(CsvMsg::Cadence), cadence_word(o.cadence, locale).into()),
            GuessKind::Aggregate => (
                c(CsvMsg::Aggregate),
                aggregate_name(o.aggregate, locale).into(),
            ),
            GuessKind::Unit => (
                c(CsvMsg::Unit),
                match &o.unit {
                    Unit::Currency(code) => format!("{} {code}", c(CsvMsg::UnitCurrency)),
                    Unit::Count(noun) => {
                        // "count, in users"; "计数，单位为用户" (no space after Chinese).
                        let gap = if locale == Locale::En { " " } else { "" };
                        format!(
                            "{}{gap}{}",
                            c(CsvMsg::UnitCount),
                            crate::domain::format::noun(noun, locale)
                        )
                    }
                    Unit::Percent => c(CsvMsg::UnitPercent).to_string(),
                    Unit::Number => c(CsvMsg::UnitNumber).to_string(),
                },
            ),
            GuessKind::Scale => (
                c(CsvMsg::Scale),
                SCALES
                    .iter()
                    .find(|(f, _)| *f == o.scale)
                    .map_or_else(|| detail.to_string(), |(_, m)| m.text(locale).to_string()),
            ),
            GuessKind::PartsOfWhole => (c(CsvMsg::PartsOfWhole), yes_no(o.parts_of_whole).into()),
        };
        Some(format!("{label}: {value}"))
    };
    encoding
        .into_iter()
        .chain(guesses.iter().filter_map(line))
        .collect()
}

/// The years a report's series cover, as "2019–2030" ("—" when it has no points).
pub fn year_span(report: &Report) -> String {
    let years = report
        .series
        .iter()
        .flat_map(|s| s.points.iter().map(|p| p.year));
    let (min, max) = years.fold((None, None), |(lo, hi): (Option<i32>, Option<i32>), y| {
        (
            Some(lo.map_or(y, |l| l.min(y))),
            Some(hi.map_or(y, |h| h.max(y))),
        )
    });
    match (min, max) {
        (Some(a), Some(b)) => format!("{a}–{b}"),
        _ => "—".to_string(),
    }
}

/// An import error in the reader's language: file, row and column as a spreadsheet shows
/// them, and the reason.
/// Why a kept import can no longer be opened.
pub fn stored_report_reason(e: &StoredReportError, locale: Locale) -> String {
    match e {
        StoredReportError::Missing => ImportMsg::StoredMissing.text(locale).to_string(),
        StoredReportError::Invalid(e) => super::validation::validation_text(e, locale),
        StoredReportError::OtherId { stored_as, found } => {
            super::fill(ImportMsg::StoredOtherId.text(locale), &[stored_as, found])
        }
    }
}

pub fn import_error_text(e: &ImportError, locale: Locale) -> String {
    let at = match (e.row, e.column, locale) {
        (Some(r), Some(c), Locale::En) => format!(", row {r}, column {c}"),
        (Some(r), Some(c), Locale::ZhHans) => format!("，第 {r} 行第 {c} 列"),
        (Some(r), Some(c), Locale::ZhHant) => format!("，第 {r} 列第 {c} 欄"),
        (Some(r), None, Locale::En) => format!(", row {r}"),
        (Some(r), None, Locale::ZhHans) => format!("，第 {r} 行"),
        (Some(r), None, Locale::ZhHant) => format!("，第 {r} 列"),
        (None, Some(c), Locale::En) => format!(", column {c}"),
        (None, Some(c), Locale::ZhHans) => format!("，第 {c} 列"),
        (None, Some(c), Locale::ZhHant) => format!("，第 {c} 欄"),
        (None, None, _) => String::new(),
    };
    format!(
        "{}{at}{}{}",
        e.file,
        crate::domain::format::colon(locale),
        kind_text(&e.kind, locale)
    )
}

/// A cadence's periods, named ("quarters").
pub fn cadence_word(c: Cadence, locale: Locale) -> &'static str {
    match c {
        Cadence::Year => CsvMsg::Yearly.text(locale),
        Cadence::Quarter => CsvMsg::Quarterly.text(locale),
        Cadence::Month => CsvMsg::Monthly.text(locale),
        Cadence::Week | Cadence::Day => CsvMsg::Daily.text(locale),
    }
}

fn kind_text(kind: &ImportErrorKind, locale: Locale) -> String {
    use ImportErrorKind::*;
    if locale == Locale::En {
        return kind.to_string();
    }
    let hans = locale == Locale::ZhHans;
    let pick = |s: &str, t: &str| if hans { s.to_string() } else { t.to_string() };
    match kind {
        Empty => pick("文件是空的", "檔案是空的"),
        HeaderOnly => pick("文件只有标题行，没有数据行", "檔案只有標題列，沒有資料列"),
        TooLarge { bytes, max } => {
            let mb = |b: &usize| format!("{:.1} MB", *b as f64 / 1024.0 / 1024.0);
            pick(
                &format!("文件大小为 {}，上限为 {}", mb(bytes), mb(max)),
                &format!("檔案大小為 {}，上限為 {}", mb(bytes), mb(max)),
            )
        }
        TooManyRows { max } => pick(
            &format!("数据行超过 {max} 行"),
            &format!("資料列超過 {max} 列"),
        ),
        TooManySeries { max } => pick(&format!("序列超过 {max} 个"), &format!("序列超過 {max} 個")),
        NotNumber { text } => pick(&format!("“{text}”不是数字"), &format!("「{text}」不是數字")),
        BadTime { text } if text.trim().is_empty() => pick("时间单元格为空", "時間儲存格為空"),
        BadTime { text } => pick(
            &format!(
                "“{text}”不是年份、季度、月份或日期（例如 2001、2001Q1、2001-01 或 2001-01-31）"
            ),
            &format!(
                "「{text}」不是年份、季度、月份或日期（例如 2001、2001Q1、2001-01 或 2001-01-31）"
            ),
        ),
        WrongCadence { text, cadence } => pick(
            &format!(
                "“{text}”不是以{}为单位的时间",
                cadence_word(*cadence, locale)
            ),
            &format!(
                "「{text}」不是以{}為單位的時間",
                cadence_word(*cadence, locale)
            ),
        ),
        YearOutOfRange { year } => pick(
            &format!("年份 {year} 超出 1900–2100"),
            &format!("年份 {year} 超出 1900–2100"),
        ),
        DuplicatePeriod { series, period } => pick(
            &format!("“{series}”在 {period} 有第二个数值"),
            &format!("「{series}」在 {period} 有第二個數值"),
        ),
        NoTimeColumn => pick(
            "没有一列是年份或日期（例如 2001、2001-01 或 2001Q1）",
            "沒有一欄是年份或日期（例如 2001、2001-01 或 2001Q1）",
        ),
        TimeAcrossColumns => pick(
            "年份横排在第一行：请把年份放在同一列，每年一行",
            "年份橫排在第一列：請把年份放在同一欄，每年一列",
        ),
        NoValues => pick("没有可导入的数字", "沒有可匯入的數字"),
        RaggedRow { expected, found } => pick(
            &format!("此行有 {found} 个单元格，而第一行有 {expected} 个"),
            &format!("此列有 {found} 個儲存格，而第一列有 {expected} 個"),
        ),
        Encoding => pick(
            "有无法解码的字符：请将文件另存为 UTF-8 后重试",
            "有無法解碼的字元：請將檔案另存為 UTF-8 後重試",
        ),
        NotText => pick(
            "这不是文本文件：请将表格另存为 CSV（UTF-8）后导入",
            "這不是文字檔：請將表格另存為 CSV（UTF-8）後匯入",
        ),
        EmptyName => pick("序列名称为空", "序列名稱為空"),
        NoSuchColumn => pick("文件中没有这一列", "檔案中沒有這一欄"),
        SameColumn => pick("同一列不能同时担任两种角色", "同一欄不能同時擔任兩種角色"),
        UnsupportedCadence { cadence } => pick(
            &format!(
                "以{}为单位的数值无法合成年度：请使用年、季度、月或日期",
                cadence_word(*cadence, locale)
            ),
            &format!(
                "以{}為單位的數值無法合成年度：請使用年、季度、月或日期",
                cadence_word(*cadence, locale)
            ),
        ),
        OutOfRange { text } => pick(
            &format!("“{text}”换算后过大"),
            &format!("「{text}」換算後過大"),
        ),
        Invalid { path, problem } => {
            let reason = super::validation::problem_text(problem, locale);
            pick(
                &format!("无法生成报告：{path}：{reason}"),
                &format!("無法產生報告：{path}：{reason}"),
            )
        }
    }
}
