//! Links and history in the reader's words: what a link's unusable parts were (as sentences,
//! not parameter names), the page title, and the presentation mode.

use super::{fill, Locale, Message};
use crate::domain::share::{short_number, ShareIssue, ShareWarning};

crate::messages! {
    pub enum LinkMsg {
        PartUnused => ("Part of this link could not be used:", "此链接有部分内容无法使用：", "此連結有部分內容無法使用："),
        TheReport => ("the report", "报告", "報告"),
        TheView => ("the view", "视图", "檢視"),
        TheLanguage => ("the language", "语言", "語言"),
        TheDimension => ("the segment dimension", "细分维度", "細分維度"),
        TheYear => ("the year", "年份", "年份"),
        ThePreset => ("the preset", "预设情景", "預設情境"),
        TheGrowthRate => ("the growth rate", "增长率", "成長率"),
        TheSeed => ("the Monte Carlo seed", "蒙特卡洛随机种子", "蒙地卡羅隨機種子"),
        ThePaths => ("the number of Monte Carlo paths", "蒙特卡洛路径数", "蒙地卡羅路徑數"),
        TheWidth => ("the Monte Carlo range width", "蒙特卡洛区间宽度", "蒙地卡羅區間寬度"),
        TheTornadoStep => ("the sensitivity step", "敏感性分析步长", "敏感度分析步長"),
        TheAssumption => ("the assumption “{0}”", "假设“{0}”", "假設「{0}」"),
        TheSegmentAssumptions => ("the segment assumptions of “{0}”", "“{0}”的细分假设", "「{0}」的細分假設"),
        ThePart => ("“{0}”", "“{0}”", "「{0}」"),
        Unknown => ("{0} is not something this app's links carry, so it is ignored.", "{0}不是本应用链接能携带的内容，已忽略。", "{0}不是本應用程式連結能攜帶的內容，已忽略。"),
        NoValue => ("{0} has no value, so it is ignored.", "{0}没有值，已忽略。", "{0}沒有值，已忽略。"),
        BadEncoding => ("{0} is not written correctly (its % escapes are broken), so it is ignored.", "{0}的写法有误（% 转义不完整），已忽略。", "{0}的寫法有誤（% 跳脫不完整），已忽略。"),
        NotANumber => ("{0} “{1}” is not a number, so {2}.", "{0}“{1}”不是数字，因此{2}。", "{0}「{1}」不是數字，因此{2}。"),
        CannotRead => ("{0} “{1}” cannot be read, so {2}.", "{0}“{1}”无法读取，因此{2}。", "{0}「{1}」無法讀取，因此{2}。"),
        GivenTwice => ("{0} is given more than once; the last one is used.", "{0}出现了不止一次，以最后一次为准。", "{0}出現了不只一次，以最後一次為準。"),
        UnknownLanguage => ("the language “{0}” is not one this app speaks, so it is ignored.", "本应用不支持语言“{0}”，已忽略。", "本應用程式不支援語言「{0}」，已忽略。"),
        NoReportNamed => ("it names no report.", "链接中没有指明报告。", "連結中沒有指明報告。"),
        NoSuchReport => ("there is no report “{0}”.", "没有名为“{0}”的报告。", "沒有名為「{0}」的報告。"),
        NoSuchDimension => ("this report has no segment dimension “{0}”, so the first one is shown.", "本报告没有细分维度“{0}”，因此显示第一个维度。", "本報告沒有細分維度「{0}」，因此顯示第一個維度。"),
        NoSuchAssumption => ("this report has no assumption “{0}”, so it is ignored.", "本报告没有假设“{0}”，已忽略。", "本報告沒有假設「{0}」，已忽略。"),
        NoSuchPreset => ("there is no preset “{0}”, so it is ignored.", "没有预设情景“{0}”，已忽略。", "沒有預設情境「{0}」，已忽略。"),
        YearOutside => ("the year {0} is outside the report's years {1}–{2}, so the default year is shown.", "年份 {0} 不在本报告的 {1}–{2} 年之内，因此显示默认年份。", "年份 {0} 不在本報告的 {1}–{2} 年之內，因此顯示預設年份。"),
        NoHeadline => ("this report has no headline growth rate to change, so the growth rate is ignored.", "本报告没有可调整的总体增长率，因此忽略增长率。", "本報告沒有可調整的整體成長率，因此忽略成長率。"),
        OutOfRange => ("{0} {1} is outside what the model allows, so {2} is used.", "{0} {1} 超出模型允许的范围，因此改用 {2}。", "{0} {1} 超出模型允許的範圍，因此改用 {2}。"),
        PublishedShown => ("the published value is shown", "显示已发布的数值", "顯示已發布的數值"),
        DefaultUsed => ("the default is used", "使用默认值", "使用預設值"),
        ItIsIgnored => ("it is ignored", "已忽略", "已忽略"),
        Present => ("Present", "演示", "簡報"),
        PresentHint => ("Full screen, one view at a time, for a projector", "全屏逐个视图演示，适合投影", "全螢幕逐一檢視簡報，適合投影"),
        Presenting => ("Presenting: ← → step through the views, Esc leaves.", "演示中：← → 切换视图，Esc 退出。", "簡報中：← → 切換檢視，Esc 結束。"),
        PreviousView => ("Previous view", "上一个视图", "上一個檢視"),
        NextView => ("Next view", "下一个视图", "下一個檢視"),
        ViewOf => ("{0} of {1}", "第 {0} 个，共 {1} 个", "第 {0} 個，共 {1} 個"),
        LeavePresentation => ("Leave", "退出演示", "結束簡報"),
        NoFullScreen => ("Full screen was not allowed here; the presentation fills the window instead.", "此处不允许全屏，演示改为铺满窗口。", "此處不允許全螢幕，簡報改為填滿視窗。"),
    }
}

/// What a link parameter names, for a sentence: "the growth rate", "the assumption “x”".
fn subject(key: &str, issue: &ShareIssue, locale: Locale) -> String {
    let t = |m: LinkMsg| m.text(locale).to_string();
    match key {
        "r" => t(LinkMsg::TheReport),
        "v" => t(LinkMsg::TheView),
        "l" => t(LinkMsg::TheLanguage),
        "d" => t(LinkMsg::TheDimension),
        "y" => t(LinkMsg::TheYear),
        "p" => t(LinkMsg::ThePreset),
        "g" => t(LinkMsg::TheGrowthRate),
        "s" => t(LinkMsg::TheSeed),
        "n" => t(LinkMsg::ThePaths),
        "w" => t(LinkMsg::TheWidth),
        "t" => t(LinkMsg::TheTornadoStep),
        _ => match (key.strip_prefix("a."), issue) {
            (Some(rest), _) => fill(LinkMsg::TheAssumption.text(locale), &[rest]),
            // Parameters the link format does not have are named as written.
            (
                None,
                ShareIssue::UnknownParameter | ShareIssue::MissingValue | ShareIssue::BadEncoding,
            ) => fill(LinkMsg::ThePart.text(locale), &[key]),
            // What `validate` reports by assumption key.
            (None, _) => fill(LinkMsg::TheAssumption.text(locale), &[key]),
        },
    }
}

/// Whether a value of this key is a rate or share (said as a percentage).
fn is_rate(key: &str) -> bool {
    key == "g" || key == "t" || key.ends_with(".growth") || key.ends_with(".share")
}

fn value_text(key: &str, x: f64) -> String {
    let shown = if is_rate(key) { x * 100.0 } else { x };
    let n = short_number(shown).unwrap_or_default();
    if is_rate(key) {
        format!("{n}%")
    } else {
        n
    }
}

/// What becomes of a value that could not be used.
fn fallback(key: &str, locale: Locale) -> &'static str {
    let m = match key {
        "g" => LinkMsg::PublishedShown,
        k if k.starts_with("a.") => LinkMsg::PublishedShown,
        "y" | "s" | "n" | "w" | "t" => LinkMsg::DefaultUsed,
        _ => LinkMsg::ItIsIgnored,
    };
    m.text(locale)
}

/// One unusable part of a link as a sentence in the reader's language.
pub fn warning_sentence(w: &ShareWarning, locale: Locale) -> String {
    let t = |m: LinkMsg| m.text(locale);
    let who = subject(&w.key, &w.issue, locale);
    let numeric = matches!(w.key.as_str(), "y" | "s" | "n" | "w" | "g" | "t");
    match &w.issue {
        ShareIssue::UnknownParameter => fill(t(LinkMsg::Unknown), &[&who]),
        ShareIssue::MissingValue => fill(t(LinkMsg::NoValue), &[&who]),
        ShareIssue::BadEncoding => fill(t(LinkMsg::BadEncoding), &[&who]),
        ShareIssue::Malformed(v) => {
            // A single number (`a.start-users=x`) is "not a number"; a grouped item
            // (`a.type=camera-modules:q1`) is one that cannot be read.
            let grouped = w.key.starts_with("a.") && v.contains(':');
            let (m, who) = match (numeric || !grouped, w.key.strip_prefix("a.")) {
                (false, Some(dim)) => (
                    LinkMsg::CannotRead,
                    fill(t(LinkMsg::TheSegmentAssumptions), &[dim]),
                ),
                (true, _) => (LinkMsg::NotANumber, who),
                (false, None) => (LinkMsg::CannotRead, who),
            };
            fill(t(m), &[&who, v, fallback(&w.key, locale)])
        }
        ShareIssue::Duplicate => fill(t(LinkMsg::GivenTwice), &[&who]),
        ShareIssue::UnknownLanguage(l) => fill(t(LinkMsg::UnknownLanguage), &[l]),
        ShareIssue::MissingReport => t(LinkMsg::NoReportNamed).to_string(),
        ShareIssue::UnknownReport(r) => fill(t(LinkMsg::NoSuchReport), &[r]),
        ShareIssue::UnknownDimension(d) => fill(t(LinkMsg::NoSuchDimension), &[d]),
        ShareIssue::UnknownAssumption => fill(t(LinkMsg::NoSuchAssumption), &[&w.key]),
        ShareIssue::UnknownPreset(p) => fill(t(LinkMsg::NoSuchPreset), &[p]),
        ShareIssue::YearOutOfRange { year, from, to } => fill(
            t(LinkMsg::YearOutside),
            &[&year.to_string(), &from.to_string(), &to.to_string()],
        ),
        ShareIssue::NoHeadline => t(LinkMsg::NoHeadline).to_string(),
        ShareIssue::Clamped { value, to } => fill(
            t(LinkMsg::OutOfRange),
            &[&who, &value_text(&w.key, *value), &value_text(&w.key, *to)],
        ),
    }
}

/// The notice for a link's unusable parts: "Part of this link could not be used: …", one
/// sentence per part (in English each after the first starts with a capital).
pub fn link_notice(warnings: &[ShareWarning], locale: Locale) -> String {
    let mut out = LinkMsg::PartUnused.text(locale).to_string();
    for (i, w) in warnings.iter().enumerate() {
        let sentence = warning_sentence(w, locale);
        if locale == Locale::En {
            out.push(' ');
        }
        if i == 0 {
            out.push_str(&sentence);
        } else {
            let mut chars = sentence.chars();
            if let Some(first) = chars.next() {
                out.extend(first.to_uppercase());
                out.push_str(chars.as_str());
            }
        }
    }
    out
}

/// The page title: "View · Report — App" in a report, the app's name in the library.
pub fn page_title(app: &str, place: Option<(&str, &str)>) -> String {
    match place {
        None => app.to_string(),
        Some((report, view)) => format!("{view} · {report} — {app}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::share::{parse, validate};

    fn notice(query: &str, locale: Locale) -> String {
        link_notice(&parse(query).warnings, locale)
    }

    #[test]
    fn a_bad_rate_is_a_sentence() {
        assert_eq!(
            notice("r=x&g=abc", Locale::En),
            "Part of this link could not be used: the growth rate “abc” is not a number, \
             so the published value is shown."
        );
        assert_eq!(
            notice("r=x&g=abc", Locale::ZhHans),
            "此链接有部分内容无法使用：增长率“abc”不是数字，因此显示已发布的数值。"
        );
        assert_eq!(
            notice("r=x&g=abc", Locale::ZhHant),
            "此連結有部分內容無法使用：成長率「abc」不是數字，因此顯示已發布的數值。"
        );
    }

    #[test]
    fn several_parts_are_several_sentences() {
        let n = notice("r=x&zz=1&y=soon&l=fr", Locale::En);
        assert_eq!(
            n,
            "Part of this link could not be used: “zz” is not something this app's links \
             carry, so it is ignored. The year “soon” is not a number, so the default is \
             used. The language “fr” is not one this app speaks, so it is ignored."
        );
        assert!(!n.contains('`'));
    }

    #[test]
    fn every_issue_has_a_sentence_in_every_language() {
        let (reports, _) = crate::domain::bundled::load_bundled();
        let report = reports
            .iter()
            .find(|r| r.id == "smartphone-leasing")
            .expect("bundled");
        let q = "r=smartphone-leasing&d=nope&y=1990&p=moon&g=0.9&a.type=camera-modules:s0.9:q1\
                 &a.bogus=1&g2&%zz=1&v=a&v=b&n=0&s=x&a.start-users=lots";
        let parsed = parse(q);
        let mut warnings = parsed.warnings.clone();
        warnings.extend(validate(parsed.state, report).warnings);
        warnings.push(ShareWarning {
            key: "r".into(),
            issue: ShareIssue::MissingReport,
        });
        warnings.push(ShareWarning {
            key: "r".into(),
            issue: ShareIssue::UnknownReport("nope".into()),
        });
        warnings.push(ShareWarning {
            key: "g".into(),
            issue: ShareIssue::NoHeadline,
        });
        for locale in [Locale::En, Locale::ZhHans, Locale::ZhHant] {
            for w in &warnings {
                let s = warning_sentence(w, locale);
                assert!(!s.is_empty() && !s.contains('{') && !s.contains('`'), "{s}");
            }
        }
        let en: Vec<String> = warnings
            .iter()
            .map(|w| warning_sentence(w, Locale::En))
            .collect();
        let all = en.join("\n");
        assert!(
            all.contains("the growth rate 90% is outside what the model allows, so 30% is used."),
            "{all}"
        );
        assert!(
            all.contains("the year 1990 is outside the report's years"),
            "{all}"
        );
        assert!(
            all.contains("this report has no assumption “bogus”"),
            "{all}"
        );
        assert!(
            all.contains("the assumption “start-users” “lots” is not a number"),
            "{all}"
        );
        assert!(
            all.contains(
                "the segment assumptions of “type” “camera-modules:s0.9:q1” cannot be read"
            ),
            "{all}"
        );
        assert!(
            all.contains("the number of Monte Carlo paths 0 is outside"),
            "{all}"
        );
        assert!(all.contains("the view is given more than once"), "{all}");
    }

    #[test]
    fn titles_name_the_view_and_report() {
        assert_eq!(page_title("Report Explorer", None), "Report Explorer");
        assert_eq!(
            page_title(
                "Report Explorer",
                Some(("Modular Smartphone Leasing", "Segments"))
            ),
            "Segments · Modular Smartphone Leasing — Report Explorer"
        );
    }
}
