//! One scenario against another, year by year: the end-year and CAGR summary and the table of
//! absolute and relative differences. Used by the scenario view (against the published path)
//! and by saved scenarios (any two).

use super::charts::{DataTableView, TableData};
use super::text::Sentence;
use crate::domain::engine::compare::Comparison;
use crate::domain::format::{self, Locale, Shown};
use crate::domain::schema::Unit;
use crate::i18n::{comparison, fill, Message};
use leptos::prelude::*;

crate::messages! {
    pub enum CmpMsg {
        Summary => ("In {0}: {1} against {2} ({3}, {4}); CAGR {5} against {6} ({7}).", "{0} 年：{1}，对比 {2}（{3}，{4}）；年复合增长率 {5}，对比 {6}（{7}）。", "{0} 年：{1}，對比 {2}（{3}，{4}）；年複合成長率 {5}，對比 {6}（{7}）。"),
        Year => ("Year", "年份", "年份"),
        Difference => ("Difference", "差额", "差額"),
        DifferencePct => ("Difference %", "差异 %", "差異 %"),
    }
}

/// Which testids the summary and the table carry.
#[derive(Debug, Clone, Copy)]
pub struct CompareIds {
    pub summary: &'static str,
    pub table: &'static str,
}

/// What a comparison says: the summary line (when there is an end year) and the per-year
/// table, rows headed by the year.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ComparisonText {
    pub summary: Option<String>,
    pub table: TableData,
}

/// The words and cells of a comparison; `base_label` and `other_label` head the value
/// columns.
pub fn comparison_text(
    cmp: &Comparison,
    unit: &Unit,
    base_label: &str,
    other_label: &str,
    shown: Shown,
) -> ComparisonText {
    let locale = shown.locale;
    let t = |m: CmpMsg| m.text(locale);
    // Two decimals only where one would print two different rates the same.
    let (other_cagr, base_cagr) = match (cmp.other_cagr, cmp.base_cagr) {
        (Some(a), Some(b)) => {
            let (a, b) = format::rates_apart(a, b);
            (a, b)
        }
        (a, b) => (
            a.map(format::rate).unwrap_or_default(),
            b.map(format::rate).unwrap_or_default(),
        ),
    };
    let summary = cmp.end().map(|e| {
        fill(
            t(CmpMsg::Summary),
            &[
                &e.year.to_string(),
                &format::value(e.other, unit, shown),
                &format::value(e.base, unit, shown),
                &format::signed(e.abs, |x| format::value(x, unit, shown)),
                &comparison::signed_percent(e.pct),
                &other_cagr,
                &base_cagr,
                &cmp.cagr_diff()
                    .map(|d| format::points(d, locale))
                    .unwrap_or_default(),
            ],
        )
    });
    let table = TableData {
        caption: String::new(),
        corner: t(CmpMsg::Year).into(),
        columns: vec![
            base_label.into(),
            other_label.into(),
            t(CmpMsg::Difference).into(),
            t(CmpMsg::DifferencePct).into(),
        ],
        rows: comparison::rows(cmp, unit, shown),
    };
    ComparisonText { summary, table }
}

/// The summary line and the per-year table, as a component: rows keyed by year, each cell
/// bound to its text.
#[component]
pub fn ComparisonView(
    #[prop(into)] text: Signal<ComparisonText>,
    ids: CompareIds,
    locale: Locale,
) -> impl IntoView {
    let table = Memo::new(move |_| text.with(|t| t.table.clone()));
    let has_summary = Memo::new(move |_| text.with(|t| t.summary.is_some()));
    view! {
        <Show when=move || has_summary.get()>
            <p data-testid=ids.summary>
                {move || view! { <Sentence text=text.with(|t| t.summary.clone().unwrap_or_default())/> }}
            </p>
        </Show>
        <DataTableView data=table testid=ids.table locale=locale row_attr="data-year" />
    }
}
