//! The work behind an export click: making the file (`crate::domain::export`, the chart's SVG
//! or PNG) and offering it (`crate::browser::download`). It runs in the `export` chunk
//! (`super::lazy::export_run`), fetched the first time a reader exports; the buttons and the
//! status line stay in the first visit (`super::exports`).

use super::common::local;
use super::exports::{scenario_label, ExportJob};
use super::state::{AppState, ReportCtx};
use crate::browser::download::{chart_svg, download_png, download_text, ExportInfo};
use crate::domain::export::{self, ExportFailure, ExportOptions, ExportScope};
use crate::domain::schema::Report;
use crate::i18n::{Locale, Message, Msg};
use leptos::prelude::*;

/// Makes and offers the file `job` asks for; the file's name, or why it could not be made.
/// `notes` are what a chart's exports carry under the drawing.
pub fn run(
    job: &ExportJob,
    app: Option<AppState>,
    ctx: Option<ReportCtx>,
    notes: &[String],
) -> Result<String, ExportFailure> {
    match job {
        ExportJob::Data { scope, csv } => match (app, ctx) {
            (Some(app), Some(ctx)) => download_data(app, ctx, *scope, *csv),
            // The export bar is only drawn inside an open report.
            _ => Err(ExportFailure::NoPage),
        },
        ExportJob::Chart { name, title, png } => download_chart(app, ctx, name, title, *png, notes),
    }
}

fn download_data(
    app: AppState,
    ctx: ReportCtx,
    scope: ExportScope,
    csv: bool,
) -> Result<String, ExportFailure> {
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
    ctx.with(|r| {
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
    })
}

/// "Publisher SMRC30744": where the chart's numbers come from.
fn source_text(r: &Report, locale: Locale) -> String {
    let publisher = local(&r.meta.publisher, locale);
    match &r.meta.code {
        Some(code) => format!("{publisher} {code}"),
        None => publisher,
    }
}

fn download_chart(
    app: Option<AppState>,
    ctx: Option<ReportCtx>,
    name: &str,
    title: &str,
    png: bool,
    notes: &[String],
) -> Result<String, ExportFailure> {
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
    let svg = chart_svg(name, &info).map(|svg| export::svg_with_notes(&svg, notes).unwrap_or(svg));
    match svg {
        None => Err(ExportFailure::ChartMissing),
        Some(svg) if png => {
            let file = format!("{file}.png");
            download_png(&file, &svg).map(|()| file)
        }
        Some(svg) => {
            let file = format!("{file}.svg");
            download_text(&file, "image/svg+xml", &svg).map(|()| file)
        }
    }
}
