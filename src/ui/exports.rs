//! Export controls: data (CSV, JSON) for the view and the whole report, charts (SVG, PNG),
//! print, and the status line of the last export. The files are made from data in the page
//! and offered by `super::export_run`, which is in a chunk of its own (`super::lazy::export_run`)
//! fetched at the first export: nothing leaves the browser.

use super::common::local;
use super::state::{AppState, ReportCtx, View};
use crate::domain::export::{ExportFailure, ExportScope};
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
        Unloaded => (
            "Could not export: the part of the app that makes files did not arrive (the connection may have dropped, or you are offline and it was not saved on this device). The rest of the app still works.",
            "无法导出：应用中生成文件的部分没有下载成功（可能是网络中断，或您处于离线状态且本设备未保存它）。应用的其他部分仍可使用。",
            "無法匯出：應用程式中產生檔案的部分沒有下載成功（可能是網路中斷，或您處於離線狀態且本裝置未儲存它）。應用程式的其他部分仍可使用。"
        ),
        Retry => ("Try again", "重试", "重試"),
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

/// What a reader asked to export: kept so that an export whose code did not arrive can be
/// tried again.
#[derive(Debug, Clone, PartialEq)]
pub enum ExportJob {
    /// A data file: CSV, else JSON.
    Data { scope: ExportScope, csv: bool },
    /// The chart `name` (its `data-chart`) under `title`: PNG, else SVG.
    Chart {
        name: String,
        title: String,
        png: bool,
    },
}

/// How the last download of a view went: shown in that view's export bar.
#[derive(Debug, Clone, PartialEq)]
enum Outcome {
    Downloaded(String),
    Failed(ExportFailure),
    /// The export's chunk did not arrive: the job, for "Try again".
    Unloaded(ExportJob),
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

fn set_status(line: ExportStatus, app: AppState, ctx: ReportCtx, outcome: Outcome) {
    let status = Status {
        report: ctx.with(|r| r.id.clone()),
        view: app.view.get_untracked(),
        outcome,
    };
    line.line.set(Some(status));
}

/// Runs `job` (in the `export` chunk, fetched the first time) and records how it went in the
/// status line: the file's name, why it could not be made, or that its code did not arrive.
pub fn run(
    line: Option<ExportStatus>,
    app: Option<AppState>,
    ctx: Option<ReportCtx>,
    job: ExportJob,
) {
    let notes = match &job {
        ExportJob::Chart { name, .. } => chart_notes(line, name),
        ExportJob::Data { .. } => Vec::new(),
    };
    let mut running = Box::pin(super::lazy::export_run(job.clone(), app, ctx, notes));
    let settle = move |done: Result<Result<String, ExportFailure>, super::lazy::ChunkFailed>| {
        let outcome = match done {
            Ok(Ok(name)) => Outcome::Downloaded(name),
            Ok(Err(e)) => Outcome::Failed(e),
            Err(super::lazy::ChunkFailed) => Outcome::Unloaded(job),
        };
        // A chart drawn on its own (no app or report) has no status line.
        if let (Some(line), Some(app), Some(ctx)) = (line, app, ctx) {
            if !line.line.is_disposed() {
                set_status(line, app, ctx, outcome);
            }
        }
    };
    match super::lazy::ready_now(running.as_mut()) {
        Some(done) => settle(done),
        None => leptos::task::spawn_local(async move { settle(running.await) }),
    }
}

/// The scenario as the reader reads it: "Published scenario" or "Your scenario".
pub(super) fn scenario_label(modified: bool, locale: Locale) -> &'static str {
    if modified {
        Msg::YourScenario.text(locale)
    } else {
        ExportMsg::PublishedScenario.text(locale)
    }
}

/// The export bar: the print header, the data buttons, print, the CSV-for-Excel choice and the
/// status line of this view's last export (with "Try again" when its code did not arrive). Its
/// texts follow the reader's language themselves, so a view draws it once.
#[component]
pub fn ExportBar(data: ViewData) -> impl IntoView {
    let app = use_context::<AppState>();
    let ctx = use_context::<ReportCtx>();
    let (Some(app), Some(ctx)) = (app, ctx) else {
        return ().into_any();
    };
    let t = move |m: ExportMsg| move || m.text(app.locale.get());
    let line = ExportStatus::find();
    let report_id = ctx.with(|r| r.id.clone());
    let modified = Memo::new(move |_| !ctx.scenario.with(|s| s.is_published()));
    let today = crate::browser::today();
    let print_line = move || {
        let locale = app.locale.get();
        let title = ctx.with(|r| local(&r.meta.title, locale));
        format!(
            "{title} · {} · {today}",
            scenario_label(modified.get(), locale)
        )
    };
    let status = Memo::new(move |_| {
        let view = app.view.get();
        line.and_then(|l| l.line.get())
            .filter(|s| s.report == report_id && s.view == view)
            .map(|s| s.outcome)
    });
    let status_text = move || {
        let locale = app.locale.get();
        status.with(|s| match s {
            Some(Outcome::Downloaded(name)) => fill(ExportMsg::Downloaded.text(locale), &[name]),
            Some(Outcome::Failed(e)) => {
                fill(ExportMsg::Failed.text(locale), &[&export_reason(e, locale)])
            }
            Some(Outcome::Unloaded(_)) => ExportMsg::Unloaded.text(locale).to_string(),
            None => String::new(),
        })
    };
    let retry = move || {
        status.with(|s| match s {
            Some(Outcome::Unloaded(job)) => {
                let job = job.clone();
                Some(view! {
                    <button
                        class="secondary export-retry"
                        data-testid="export-retry"
                        on:click=move |_| run(line, Some(app), Some(ctx), job.clone())
                    >
                        {t(ExportMsg::Retry)}
                    </button>
                })
            }
            _ => None,
        })
    };
    let scope = data.scope();
    let data_button =
        move |testid: &'static str, label: ExportMsg, scope: ExportScope, csv: bool| {
            view! {
                <button
                    class="export-button"
                    data-testid=testid
                    on:click=move |_| {
                        run(line, Some(app), Some(ctx), ExportJob::Data { scope, csv })
                    }
                >
                    {t(label)}
                </button>
            }
        };
    let print = |_| crate::browser::page::print();
    let bom_label = move || format!(" {}", ExportMsg::CsvForExcel.text(app.locale.get()));
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
                    {bom_label}
                </label>
                <p class="export-status" role="status" data-testid="export-status">
                    {status_text}
                </p>
                {retry}
            </section>
        </div>
    }
    .into_any()
}

/// A chart's SVG or PNG button: its accessible name, its text and its test id.
pub fn chart_button(png: bool) -> (ExportMsg, &'static str, &'static str) {
    if png {
        (ExportMsg::ChartPng, "PNG", "chart-png")
    } else {
        (ExportMsg::ChartSvg, "SVG", "chart-svg")
    }
}
