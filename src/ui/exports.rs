//! Export controls: data (CSV, JSON) for the view and the whole report, charts (SVG, PNG),
//! print. The files are made from data in the page (`crate::domain::export`) and offered with
//! `crate::browser::download`: nothing leaves the browser.

use super::common::local;
use super::state::{AppState, ReportCtx, View};
use crate::browser::download::{chart_svg, download_png, download_text, ExportInfo};
use crate::domain::export::{self, ExportFailure, ExportOptions, ExportScope};
use crate::domain::schema::Report;
use crate::i18n::errors::export_reason;
use crate::i18n::{fill, Locale, Message, Msg};
use leptos::prelude::*;
use std::collections::HashMap;

crate::messages! {
    pub enum ExportMsg {
        Export => ("Export", "导出", "匯出"),
        Intro => (
            "Plain numbers in absolute units, each marked reported, bound, derived, assumption or scenario, under the scenario shown.",
            "以绝对单位的纯数字导出，每个数值都标明来源（公布、界限、推算、假设或情景），按当前情景计算。",
            "以絕對單位的純數字匯出，每個數值都標明來源（公布、界限、推算、假設或情境），按目前情境計算。"
        ),
        ViewCsv => ("This view as CSV", "此视图（CSV）", "此檢視（CSV）"),
        ViewJson => ("This view as JSON", "此视图（JSON）", "此檢視（JSON）"),
        ReportCsv => ("Whole report as CSV", "整份报告（CSV）", "整份報告（CSV）"),
        ReportJson => ("Whole report as JSON", "整份报告（JSON）", "整份報告（JSON）"),
        Print => ("Print", "打印", "列印"),
        CsvForExcel => ("CSV for Excel (marks the file as UTF-8 so Chinese names read correctly)", "适用于 Excel 的 CSV（将文件标记为 UTF-8，使中文名称正确显示）", "適用於 Excel 的 CSV（將檔案標記為 UTF-8，使中文名稱正確顯示）"),
        Downloaded => ("Downloaded {0}", "已下载 {0}", "已下載 {0}"),
        Failed => ("Could not export: {0}", "无法导出：{0}", "無法匯出：{0}"),
        PublishedScenario => ("Published scenario", "公布的情景", "公布的情境"),
        ChartSvg => ("Download chart as SVG", "下载图表（SVG）", "下載圖表（SVG）"),
        ChartPng => ("Download chart as PNG", "下载图表（PNG）", "下載圖表（PNG）"),
    }
}

/// Which data a view exports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ViewData {
    Headline,
    Segments,
    /// A plan's projections (its headline export).
    Projections,
}

impl ViewData {
    fn scope(self) -> ExportScope {
        match self {
            ViewData::Headline | ViewData::Projections => ExportScope::Headline,
            ViewData::Segments => ExportScope::Segments,
        }
    }
}

/// How the last download of a view went: shown in that view's export bar.
#[derive(Debug, Clone, PartialEq)]
enum Outcome {
    Downloaded(String),
    Failed(ExportFailure),
}

#[derive(Debug, Clone, PartialEq)]
struct Status {
    report: String,
    view: View,
    outcome: Outcome,
}

/// The exports' state for the app, provided by `App` (so it outlives every view): how the last
/// download went, and the notes chart exports carry.
#[derive(Debug, Clone, Copy)]
pub struct ExportStatus {
    /// One status line, tagged with the report and view it belongs to, so the export bar of
    /// another view or report does not show it.
    line: RwSignal<Option<Status>>,
    /// Notes a chart's SVG and PNG exports carry under the drawing, by chart name. Not
    /// reactive: the view that draws a chart sets them while it draws, and only a click reads.
    notes: StoredValue<HashMap<String, Vec<String>>>,
}

impl ExportStatus {
    /// Makes the app's export state and provides it to every view. Call once, in `App`.
    pub fn provide() {
        provide_context(ExportStatus {
            line: RwSignal::new(None),
            notes: StoredValue::new(HashMap::new()),
        });
    }

    /// The app's export state; `None` outside the app (a chart drawn on its own).
    pub fn find() -> Option<Self> {
        use_context::<ExportStatus>()
    }
}

/// Sets the notes the exports of chart `name` carry under the drawing (what the picture alone
/// does not say, such as the ranges a Monte Carlo fan sampled). The view that draws the chart
/// sets them each time it draws it, in the reader's language.
pub fn set_chart_notes(name: &str, notes: Vec<String>) {
    if let Some(state) = ExportStatus::find() {
        state.notes.update_value(|n| {
            n.insert(name.to_string(), notes);
        });
    }
}

fn chart_notes(state: Option<ExportStatus>, name: &str) -> Vec<String> {
    state
        .and_then(|s| s.notes.with_value(|n| n.get(name).cloned()))
        .unwrap_or_default()
}

fn set_status(
    line: ExportStatus,
    app: AppState,
    ctx: ReportCtx,
    result: Result<String, ExportFailure>,
) {
    let status = Status {
        report: ctx.with(|r| r.id.clone()),
        view: app.view.get_untracked(),
        outcome: match result {
            Ok(name) => Outcome::Downloaded(name),
            Err(e) => Outcome::Failed(e),
        },
    };
    line.line.set(Some(status));
}

/// The scenario as the reader reads it: "Published scenario" or "Your scenario".
fn scenario_label(modified: bool, locale: Locale) -> &'static str {
    if modified {
        Msg::YourScenario.text(locale)
    } else {
        ExportMsg::PublishedScenario.text(locale)
    }
}

/// The export bar as a component: the same elements as [`export_bar`], each text bound to what
/// it shows — the print line to whether the scenario is the published one, the status line to
/// the last download of this view.
#[component]
pub fn ExportBar(data: ViewData, locale: Locale) -> impl IntoView {
    let app = use_context::<AppState>();
    let ctx = use_context::<ReportCtx>();
    let (Some(app), Some(ctx)) = (app, ctx) else {
        return ().into_any();
    };
    let t = move |m: ExportMsg| m.text(locale);
    let line = ExportStatus::find();
    let (report_id, title) = ctx.with(|r| (r.id.clone(), local(&r.meta.title, locale)));
    let modified = Memo::new(move |_| !ctx.scenario.with(|s| s.is_published()));
    let today = crate::browser::today();
    let print_line = move || {
        format!(
            "{title} · {} · {today}",
            scenario_label(modified.get(), locale)
        )
    };
    let status = Memo::new(move |_| {
        let view = app.view.get();
        line.and_then(|l| l.line.get())
            .filter(|s| s.report == report_id && s.view == view)
            .map(|s| match &s.outcome {
                Outcome::Downloaded(name) => fill(t(ExportMsg::Downloaded), &[name]),
                Outcome::Failed(e) => fill(t(ExportMsg::Failed), &[&export_reason(e, locale)]),
            })
            .unwrap_or_default()
    });
    let scope = data.scope();
    let data_button =
        move |testid: &'static str, label: ExportMsg, scope: ExportScope, csv: bool| {
            view! {
                <button
                    class="export-button"
                    data-testid=testid
                    on:click=move |_| download_data(line, app, ctx, scope, csv)
                >
                    {t(label)}
                </button>
            }
        };
    let print = |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    };
    view! {
        <div class="exports">
            <p class="print-only print-header" data-testid="print-header">
                {print_line}
            </p>
            <section
                class="export-bar no-print"
                aria-labelledby="export-h"
                data-testid="export-bar"
            >
                <h2 id="export-h">{t(ExportMsg::Export)}</h2>
                <p class="export-intro">{t(ExportMsg::Intro)}</p>
                <div class="export-buttons">
                    {data_button("export-view-csv", ExportMsg::ViewCsv, scope, true)}
                    {data_button("export-view-json", ExportMsg::ViewJson, scope, false)}
                    {data_button("export-report-csv", ExportMsg::ReportCsv, ExportScope::Report, true)}
                    {data_button("export-report-json", ExportMsg::ReportJson, ExportScope::Report, false)}
                    <button class="export-button" data-testid="print" on:click=print>
                        {t(ExportMsg::Print)}
                    </button>
                </div>
                <label class="export-bom">
                    <input
                        type="checkbox"
                        id="export-bom"
                        prop:checked=move || app.csv_bom.get()
                        on:change=move |_| app.csv_bom.update(|b| *b = !*b)
                    />
                    {format!(" {}", t(ExportMsg::CsvForExcel))}
                </label>
                <p class="export-status" role="status" data-testid="export-status">
                    {move || status.get()}
                </p>
            </section>
        </div>
    }
    .into_any()
}

/// Makes and offers one data file; records how it went.
fn download_data(
    line: Option<ExportStatus>,
    app: AppState,
    ctx: ReportCtx,
    scope: ExportScope,
    csv: bool,
) {
    let scenario = ctx.scenario.get_untracked();
    let options = ExportOptions {
        locale: app.locale.get_untracked(),
        scenario_name: if scenario.is_published() {
            "published"
        } else {
            "your scenario"
        }
        .to_string(),
        bom: app.csv_bom.get_untracked(),
    };
    let result = ctx.with(|r| {
        let (ext, mime) = if csv {
            ("csv", "text/csv;charset=utf-8")
        } else {
            ("json", "application/json")
        };
        let text = if csv {
            export::csv(r, &scenario, scope, &options)
        } else {
            export::json(r, &scenario, scope, &options)
        };
        let name = export::file_name(r, scope, ext);
        text.map_err(ExportFailure::from)
            .and_then(|text| download_text(&name, mime, &text))
            .map(|()| name)
    });
    if let Some(line) = line {
        set_status(line, app, ctx, result);
    }
}

/// A chart's SVG or PNG button: its accessible name, its text and its test id.
pub fn chart_button(png: bool) -> (ExportMsg, &'static str, &'static str) {
    if png {
        (ExportMsg::ChartPng, "PNG", "chart-png")
    } else {
        (ExportMsg::ChartSvg, "SVG", "chart-svg")
    }
}

/// "Publisher SMRC30744": where the chart's numbers come from.
fn source_text(r: &Report, locale: Locale) -> String {
    let publisher = local(&r.meta.publisher, locale);
    match &r.meta.code {
        Some(code) => format!("{publisher} {code}"),
        None => publisher,
    }
}

pub fn download_chart(
    (line, app, ctx): (Option<ExportStatus>, Option<AppState>, Option<ReportCtx>),
    name: &str,
    title: &str,
    png: bool,
) {
    let locale = app.map_or(Locale::En, |a| a.locale.get_untracked());
    let modified = ctx.is_some_and(|c| !c.scenario.with_untracked(|s| s.is_published()));
    let (source, file) = ctx
        .map(|c| {
            c.with(|r| {
                (
                    source_text(r, locale),
                    format!("{}-{name}", export::safe_id(&r.id)),
                )
            })
        })
        .unwrap_or_else(|| (String::new(), name.to_string()));
    let date = crate::browser::today();
    // The reader's changes, and any currency conversion they set, are marked on the chart.
    let conversion = ctx.and_then(|c| c.conversion.get_untracked()).map(|c| {
        crate::i18n::fill(
            Msg::ConvertedNote.text(locale),
            &[&c.from, &crate::domain::format::number(c.rate, 6), &c.to],
        )
    });
    let mark = match (
        modified.then(|| Msg::ModifiedAssumptions.text(locale).to_string()),
        conversion,
    ) {
        (Some(m), Some(c)) => Some(format!("{m} · {c}")),
        (m, c) => m.or(c),
    };
    let info = ExportInfo {
        title,
        source: &source,
        scenario: scenario_label(modified, locale),
        date: &date,
        modified_mark: mark.as_deref(),
    };
    let notes = chart_notes(line, name);
    let svg = chart_svg(name, &info).map(|svg| export::svg_with_notes(&svg, &notes).unwrap_or(svg));
    let result = match svg {
        None => Err(ExportFailure::ChartMissing),
        Some(svg) if png => {
            let file = format!("{file}.png");
            download_png(&file, &svg).map(|()| file)
        }
        Some(svg) => {
            let file = format!("{file}.svg");
            download_text(&file, "image/svg+xml", &svg).map(|()| file)
        }
    };
    if let (Some(line), Some(app), Some(ctx)) = (line, app, ctx) {
        set_status(line, app, ctx, result);
    }
}
