//! Messages of the catalogue and of loading report files.

use super::{fill, Locale, Message};

crate::messages! {
    pub enum CatalogueMsg {
        LoadingCatalogue => ("Loading the list of reports…", "正在载入报告列表…", "正在載入報告列表…"),
        LoadingReport => ("Loading the report…", "正在载入报告…", "正在載入報告…"),
        CatalogueFailed => ("The list of reports could not be loaded.", "无法载入报告列表。", "無法載入報告列表。"),
        ReportFailed => ("This report could not be opened.", "无法打开此报告。", "無法開啟此報告。"),
        FileMissing => ("The file {0} is not on the server (404).", "服务器上没有文件 {0}（404）。", "伺服器上沒有檔案 {0}（404）。"),
        FileStatus => ("The server answered {1} for {0}.", "服务器对 {0} 的回应为 {1}。", "伺服器對 {0} 的回應為 {1}。"),
        FileOffline => ("{0} could not be fetched: you may be offline, and this report has not been opened on this device before.", "无法获取 {0}：您可能处于离线状态，且此设备之前未打开过这份报告。", "無法取得 {0}：您可能處於離線狀態，且此裝置之前未開啟過這份報告。"),
        FileInvalid => ("The file is damaged or not in the report format: {0}", "文件已损坏或不符合报告格式：{0}", "檔案已損壞或不符合報告格式：{0}"),
        // A file holding another report than the catalogue names: the file, its id, the wanted id.
        OtherId => ("{0}: id \"{1}\" ≠ \"{2}\"", "{0}：id \"{1}\" ≠ \"{2}\"", "{0}：id \"{1}\" ≠ \"{2}\""),
        NotInCatalogue => ("There is no report “{0}” in this library.", "此资料库中没有报告“{0}”。", "此資料庫中沒有報告「{0}」。"),
        OtherReportsFine => ("The other reports are not affected.", "其他报告不受影响。", "其他報告不受影響。"),
        Retry => ("Try again", "重试", "重試"),
        Search => ("Search reports, in any language", "搜索报告（任何语言均可）", "搜尋報告（任何語言皆可）"),
        // Short enough to show whole in a phone's search box; "in any language" is in the label.
        SearchHint => ("Title, publisher or region", "标题、出版方或地区", "標題、出版方或地區"),
        FilterKind => ("Kind", "类型", "類型"),
        FilterRegion => ("Region", "地区", "地區"),
        FilterCurrency => ("Currency", "货币", "貨幣"),
        All => ("All", "全部", "全部"),
        Showing => ("Showing {0} of {1} reports", "显示 {0} 份，共 {1} 份报告", "顯示 {0} 份，共 {1} 份報告"),
        Matching => ("{0} of {1} reports match", "{1} 份报告中有 {0} 份符合", "{1} 份報告中有 {0} 份符合"),
        ShowMore => ("Show more", "显示更多", "顯示更多"),
        Searching => ("Searching the whole library…", "正在搜索整个资料库…", "正在搜尋整個資料庫…"),
        NoMatch => ("No report matches. Try fewer words or clear the filters.", "没有符合的报告。请减少关键词或清除筛选。", "沒有符合的報告。請減少關鍵字或清除篩選。"),
        ClearFilters => ("Clear search and filters", "清除搜索和筛选", "清除搜尋和篩選"),
        PagesFailed => ("Part of the library could not be loaded, so some reports may be missing from the results.", "部分资料库无法载入，结果中可能缺少一些报告。", "部分資料庫無法載入，結果中可能缺少一些報告。"),
    }
}

/// A card's period: "history 2011–2014, forecast 2016–2022"; a range of one year is that year
/// ("history 2024", not "2024–2024").
pub fn period_text(
    history: &crate::domain::schema::YearRange,
    forecast: &crate::domain::schema::YearRange,
    locale: Locale,
) -> String {
    let years = |r: &crate::domain::schema::YearRange| {
        if r.from == r.to {
            r.from.to_string()
        } else {
            format!("{}–{}", r.from, r.to)
        }
    };
    fill(
        super::Msg::PeriodValue.text(locale),
        &[&years(history), &years(forecast)],
    )
}

/// The library's status line ("Showing 24 of 1,000 reports").
pub fn listing_status(status: crate::domain::listing::ListingStatus, locale: Locale) -> String {
    use crate::domain::listing::ListingStatus;
    match status {
        ListingStatus::Showing { shown, total } => fill(
            CatalogueMsg::Showing.text(locale),
            &[&shown.to_string(), &total.to_string()],
        ),
        ListingStatus::Searching => CatalogueMsg::Searching.text(locale).to_string(),
        ListingStatus::Matching { matching, total } => fill(
            CatalogueMsg::Matching.text(locale),
            &[&matching.to_string(), &total.to_string()],
        ),
    }
}

#[cfg(test)]
mod listing_tests {
    use super::*;
    use crate::domain::listing::ListingStatus;
    use crate::domain::schema::YearRange;

    #[test]
    fn a_period_of_one_year_reads_as_that_year() {
        let r = |from, to| YearRange { from, to };
        assert_eq!(
            period_text(&r(2011, 2014), &r(2016, 2022), Locale::En),
            "history 2011–2014, forecast 2016–2022"
        );
        assert_eq!(
            period_text(&r(2024, 2024), &r(2025, 2030), Locale::En),
            "history 2024, forecast 2025–2030"
        );
    }

    #[test]
    fn the_status_line_in_each_language() {
        let s = ListingStatus::Showing {
            shown: 24,
            total: 1000,
        };
        assert_eq!(listing_status(s, Locale::En), "Showing 24 of 1000 reports");
        let m = ListingStatus::Matching {
            matching: 2,
            total: 3,
        };
        assert_eq!(listing_status(m, Locale::ZhHant), "3 份報告中有 2 份符合");
        assert_eq!(
            listing_status(ListingStatus::Searching, Locale::ZhHans),
            "正在搜索整个资料库…"
        );
    }
}
