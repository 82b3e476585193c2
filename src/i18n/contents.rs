//! The Contents view's words: its headings and notes, a listed item's number ("Table 3" →
//! "表 3"), its years, and a rebuilt table's cells in the listed unit.

use super::{fill, Message};
use crate::domain::format::{self, Locale, Shown};
use crate::domain::schema::{ListedKind, Unit, YearRange};

crate::messages! {
    pub enum ContMsg {
        Chapters => ("Chapters", "章节", "章節"),
        ChaptersIntro => (
            "The report's table of contents, as the source lists it.",
            "报告的目录，照来源所列。",
            "報告的目錄，照來源所列。"
        ),
        ExpandAll => ("Expand all", "全部展开", "全部展開"),
        CollapseAll => ("Collapse all", "全部收起", "全部收合"),
        Listed => ("Tables and figures", "图表目录", "圖表目錄"),
        ListedIntro => (
            "The tables and figures the report lists. The source gives their titles, not their values; where the model can rebuild a table from its segment assumptions, you can open an estimate.",
            "报告所列的图表。来源只给出标题，没有数值；模型能根据细分假设重建的表格，可打开查看估算。",
            "報告所列的圖表。來源只給出標題，沒有數值；模型能根據細分假設重建的表格，可開啟查看估算。"
        ),
        NoListed => (
            "The report lists no tables or figures.",
            "报告未列出图表。",
            "報告未列出圖表。"
        ),
        TableN => ("Table {0}", "表 {0}", "表 {0}"),
        FigureN => ("Figure {0}", "图 {0}", "圖 {0}"),
        Years => ("Years: ", "年份：", "年份："),
        // The unit as the source writes it, which may be in the source's language ("亿美元").
        UnitLabel => ("Source's unit: {0}", "来源单位：{0}", "來源單位：{0}"),
        OpenEstimate => ("Open model estimate", "打开模型估算", "開啟模型估算"),
        CloseEstimate => ("Close model estimate", "关闭模型估算", "關閉模型估算"),
        NotReconstructable => (
            "Not reconstructable: the source gives no values",
            "无法重建：来源未提供数值",
            "無法重建：來源未提供數值"
        ),
        EstimateLabel => (
            "Model estimate — not from the source",
            "模型估算——并非来源数据",
            "模型估算——並非來源資料"
        ),
        EstimateExplain => (
            "Rebuilt by the explorer from the headline and the model's assumed segment shares and growth rates. The source lists this table but gives none of its values.",
            "由本工具根据核心数据及模型假设的细分份额与增长率重建。来源列出了此表，但未提供任何数值。",
            "由本工具根據核心數據及模型假設的細分份額與成長率重建。來源列出了此表，但未提供任何數值。"
        ),
        EstimateScenario => (
            "It reflects the assumptions you changed.",
            "已反映您修改的假设。",
            "已反映您修改的假設。"
        ),
        TableCaption => ("{0} — model estimate", "{0}——模型估算", "{0}——模型估算"),
        ChartDesc => (
            "{0}: a model estimate built from assumed segment shares and growth rates, not values from the source.",
            "{0}：根据假设的细分份额与增长率得出的模型估算，并非来源数据。",
            "{0}：根據假設的細分份額與成長率得出的模型估算，並非來源資料。"
        ),
        Unavailable => (
            "The model cannot rebuild this table.",
            "模型无法重建此表。",
            "模型無法重建此表。"
        ),
        CannotCompute => ("Cannot compute: {0}", "无法计算：{0}", "無法計算：{0}"),
        NoteAssumption => ("hollow diamond: assumption", "空心菱形：假设值", "空心菱形：假設值"),
        NoteScenario => ("filled diamond: scenario", "实心菱形：情景值", "實心菱形：情境值"),
    }
}

/// "Table 3" → "表 3" in Chinese; numbers in another form are shown as the data writes them.
pub fn number_label(number: &str, kind: ListedKind, locale: Locale) -> String {
    let (prefix, msg) = match kind {
        ListedKind::Table => ("Table ", ContMsg::TableN),
        ListedKind::Figure => ("Figure ", ContMsg::FigureN),
    };
    match number.strip_prefix(prefix) {
        Some(n) if !n.trim().is_empty() => fill(msg.text(locale), &[n.trim()]),
        _ => number.to_string(),
    }
}

pub fn years_label(years: YearRange) -> String {
    if years.from == years.to {
        years.from.to_string()
    } else {
        format!("{}–{}", years.from, years.to)
    }
}

/// A value in the listed unit: "$MN" tables show millions with one decimal.
pub fn cell(value: f64, unit_label: Option<&str>, unit: &Unit, shown: Shown) -> String {
    match unit_label {
        Some("$MN") => {
            // Millions with one decimal, kept even when it is zero so the column aligns.
            let s = format::number(value / 1e6, 1);
            if value.is_finite() && !s.contains('.') {
                format!("{s}.0")
            } else {
                s
            }
        }
        _ => format::value(value, unit, shown),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_in_the_usual_form_are_translated_others_kept() {
        assert_eq!(
            number_label("Table 3", ListedKind::Table, Locale::ZhHans),
            "表 3"
        );
        assert_eq!(
            number_label("Figure 12", ListedKind::Figure, Locale::ZhHant),
            "圖 12"
        );
        assert_eq!(
            number_label("Table 3", ListedKind::Table, Locale::En),
            "Table 3"
        );
        assert_eq!(
            number_label("Exhibit A", ListedKind::Table, Locale::ZhHans),
            "Exhibit A"
        );
        assert_eq!(
            number_label("Table ", ListedKind::Table, Locale::ZhHans),
            "Table "
        );
    }

    #[test]
    fn years_are_one_year_or_a_span() {
        assert_eq!(
            years_label(YearRange {
                from: 2024,
                to: 2024
            }),
            "2024"
        );
        assert_eq!(
            years_label(YearRange {
                from: 2024,
                to: 2032
            }),
            "2024–2032"
        );
    }

    #[test]
    fn millions_keep_one_decimal_and_other_units_format_as_values() {
        assert_eq!(
            cell(
                1_234_500_000.0,
                Some("$MN"),
                &Unit::Number,
                Shown::as_reported(Locale::En)
            ),
            "1,234.5"
        );
        assert_eq!(
            cell(
                2_000_000.0,
                Some("$MN"),
                &Unit::Number,
                Shown::as_reported(Locale::En)
            ),
            "2.0"
        );
        assert_eq!(
            cell(
                2_000_000.0,
                None,
                &Unit::Number,
                Shown::as_reported(Locale::En)
            ),
            format::value(2_000_000.0, &Unit::Number, Shown::as_reported(Locale::En))
        );
        assert!(!cell(
            f64::NAN,
            Some("$MN"),
            &Unit::Number,
            Shown::as_reported(Locale::En)
        )
        .contains("NaN.0"));
    }
}
