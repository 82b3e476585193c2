//! The CSV/TSV preview: what was guessed, the first rows, the corrections, and the chunked run
//! (one step per animation frame, with progress and cancel) that turns the file into a report.
//! Every decision is in `domain::import`; this file wires its options to controls.

use super::dom::{el, text_el, Ev, Node, On};
use super::imports::Imports;
use super::state::AppState;
use crate::domain::import::{
    build_report, sniff_with_delimiter, Aggregate, Delimiter, GuessKind, ImportOptions, Layout,
    Sniffed, TableBuilder,
};
use crate::domain::schema::{Cadence, LocalText, Unit};
use crate::i18n::import::{import_error_text, CsvMsg, ImportMsg};
use crate::i18n::{fill, Locale, Message};
use leptos::prelude::*;
use std::sync::Arc;

/// Rows parsed per animation frame: a 100,000-row file takes a few dozen frames.
const ROWS_PER_FRAME: usize = 4_000;

/// A CSV waiting for confirmation.
#[derive(Debug, Clone, PartialEq)]
pub struct CsvPending {
    pub file: String,
    pub text: Arc<String>,
    pub sniffed: Arc<Sniffed>,
    /// The encoding guess, shown with the others.
    pub encoding: String,
}

/// The reader's corrections and the run's progress.
#[derive(Clone, Copy)]
pub struct CsvState {
    pub options: RwSignal<Option<ImportOptions>>,
    /// `(rows done, rows in total)` while a run is going.
    pub progress: RwSignal<Option<(usize, usize)>>,
    /// Bumped to cancel a run (a run stops when the number it started with is gone).
    run: StoredValue<u64>,
}

impl CsvState {
    pub fn new() -> Self {
        CsvState {
            options: RwSignal::new(None),
            progress: RwSignal::new(None),
            run: StoredValue::new(0),
        }
    }

    pub fn cancel(self) {
        self.run.update_value(|n| *n += 1);
        self.progress.set(None);
    }
}

impl Default for CsvState {
    fn default() -> Self {
        Self::new()
    }
}

/// Parses the whole file in steps across animation frames, then builds and keeps the report.
pub fn run(app: AppState, imports: Imports, pending: CsvPending) {
    let csv = imports.csv;
    let Some(options) = csv.options.get_untracked() else {
        return;
    };
    let locale = app.locale.get_untracked();
    let mut builder = match TableBuilder::new(&pending.file, &pending.text, &options) {
        Ok(b) => b,
        Err(e) => return imports.fail(locale, &pending.file, import_error_text(&e, locale)),
    };
    csv.run.update_value(|n| *n += 1);
    let token = csv.run.get_value();
    csv.progress.set(Some((0, pending.sniffed.total_rows)));
    leptos::task::spawn_local(async move {
        loop {
            crate::browser::timers::next_frame().await;
            if csv.run.try_get_value() != Some(token) {
                return; // cancelled, or the page moved on
            }
            match builder.step(ROWS_PER_FRAME) {
                Err(e) => {
                    csv.progress.set(None);
                    return imports.fail(locale, &pending.file, import_error_text(&e, locale));
                }
                Ok(p) if p.finished => break,
                Ok(p) => csv.progress.set(Some((p.rows_done, p.rows_total))),
            }
        }
        csv.progress.set(None);
        let built = builder
            .finish()
            .and_then(|table| build_report(&pending.file, &table, &options));
        match built {
            Ok(report) => imports.keep(app, report, &pending.file),
            Err(e) => imports.fail(locale, &pending.file, import_error_text(&e, locale)),
        }
    });
}

fn delimiter_name(d: Delimiter, locale: Locale) -> &'static str {
    match d {
        Delimiter::Comma => CsvMsg::Comma.text(locale),
        Delimiter::Semicolon => CsvMsg::Semicolon.text(locale),
        Delimiter::Tab => CsvMsg::Tab.text(locale),
    }
}

fn cadence_name(c: Cadence, locale: Locale) -> &'static str {
    match c {
        Cadence::Year => CsvMsg::Yearly.text(locale),
        Cadence::Quarter => CsvMsg::Quarterly.text(locale),
        Cadence::Month => CsvMsg::Monthly.text(locale),
        Cadence::Week | Cadence::Day => CsvMsg::Daily.text(locale),
    }
}

fn aggregate_name(a: Aggregate, locale: Locale) -> &'static str {
    match a {
        Aggregate::Sum => CsvMsg::Sum.text(locale),
        Aggregate::Mean => CsvMsg::Mean.text(locale),
        Aggregate::Last => CsvMsg::Last.text(locale),
    }
}

/// Scales a reader can choose, with their names.
const SCALES: [(f64, CsvMsg); 6] = [
    (1.0, CsvMsg::Ones),
    (1e3, CsvMsg::Thousands),
    (1e4, CsvMsg::TenThousands),
    (1e6, CsvMsg::Millions),
    (1e8, CsvMsg::HundredMillions),
    (1e9, CsvMsg::Billions),
];

/// One guess in the reader's language: the option's current value where the interface can
/// name it, the sniffer's text otherwise.
fn guess_line(
    kind: GuessKind,
    detail: &str,
    o: &ImportOptions,
    p: &CsvPending,
    locale: Locale,
) -> Option<String> {
    let yes_no = |b: bool| if b { "✓" } else { "✗" };
    let (label, value) = match kind {
        GuessKind::Encoding => (CsvMsg::Encoding.text(locale), p.encoding.clone()),
        GuessKind::Delimiter => (
            CsvMsg::Delimiter.text(locale),
            delimiter_name(o.delimiter, locale).into(),
        ),
        GuessKind::Header => (CsvMsg::Header.text(locale), yes_no(o.header).into()),
        GuessKind::DecimalComma => (
            CsvMsg::DecimalComma.text(locale),
            yes_no(o.decimal_comma).into(),
        ),
        GuessKind::Time => (CsvMsg::TimeColumn.text(locale), detail.to_string()),
        GuessKind::Layout => (
            CsvMsg::Layout.text(locale),
            match o.layout {
                Layout::Wide { .. } => CsvMsg::Wide.text(locale),
                Layout::Long { .. } => CsvMsg::Long.text(locale),
            }
            .into(),
        ),
        GuessKind::Cadence => (
            CsvMsg::Cadence.text(locale),
            cadence_name(o.cadence, locale).into(),
        ),
        GuessKind::Aggregate => (
            CsvMsg::Aggregate.text(locale),
            aggregate_name(o.aggregate, locale).into(),
        ),
        GuessKind::Unit => (
            CsvMsg::Unit.text(locale),
            match &o.unit {
                Unit::Currency(code) => format!("{} {code}", CsvMsg::UnitCurrency.text(locale)),
                Unit::Count(noun) => format!(
                    "{} {}",
                    CsvMsg::UnitCount.text(locale),
                    crate::domain::format::pick(noun, locale).0
                ),
                Unit::Percent => CsvMsg::UnitPercent.text(locale).to_string(),
                Unit::Number => CsvMsg::UnitNumber.text(locale).to_string(),
            },
        ),
        GuessKind::Scale => (
            CsvMsg::Scale.text(locale),
            SCALES
                .iter()
                .find(|(f, _)| *f == o.scale)
                .map_or_else(|| detail.to_string(), |(_, m)| m.text(locale).to_string()),
        ),
        GuessKind::PartsOfWhole => (
            CsvMsg::PartsOfWhole.text(locale),
            yes_no(o.parts_of_whole).into(),
        ),
    };
    Some(format!("{label}: {value}"))
}

fn select(
    id: &'static str,
    label: &str,
    value: String,
    options: Vec<(String, String)>,
    on_change: impl Fn(&Ev) + 'static,
) -> Node {
    el("div")
        .class("field")
        .child(text_el("label", "label", label).attr("for", id))
        .child(
            el("select")
                .id(id)
                .children(
                    options
                        .into_iter()
                        .map(|(v, l)| el("option").key(v.clone()).attr("value", v).text(l)),
                )
                .prop("value", value)
                .on(On::Change, on_change),
        )
}

fn checkbox(
    id: &'static str,
    label: &str,
    checked: bool,
    on_change: impl Fn(&Ev) + 'static,
) -> Node {
    el("label")
        .class("field check-field")
        .child(
            el("input")
                .attr("type", "checkbox")
                .id(id)
                .prop("checked", checked.to_string())
                .on(On::Change, on_change),
        )
        .text(format!(" {label}"))
}

/// The preview and its corrections.
pub fn preview(app: AppState, imports: Imports, p: &CsvPending, locale: Locale) -> Node {
    let csv = imports.csv;
    let Some(o) = csv.options.get() else {
        return el("div");
    };
    let c = |m: CsvMsg| m.text(locale);
    let s = &p.sniffed;
    let set = move |f: Box<dyn FnOnce(&mut ImportOptions)>| {
        csv.options.update(|o| {
            if let Some(o) = o {
                f(o)
            }
        })
    };
    let columns: Vec<(String, String)> = s
        .header
        .iter()
        .enumerate()
        .map(|(i, h)| (i.to_string(), format!("{} · {h}", i + 1)))
        .collect();
    // The encoding was found before sniffing (pasted text has none to guess).
    let encoding = (p.encoding != "—").then(|| format!("{}: {}", c(CsvMsg::Encoding), p.encoding));
    let guesses = el("ul").class("guesses").children(
        encoding
            .into_iter()
            .chain(
                s.guesses
                    .iter()
                    .filter(|g| g.what != GuessKind::Encoding)
                    .filter_map(|g| guess_line(g.what, &g.detail, &o, p, locale)),
            )
            .map(|line| el("li").text(line)),
    );
    let table = crate::ui::common::table_scroll(locale).child(
        el("table")
            .class("data preview-table")
            .child(
                el("thead").child(
                    el("tr").children(
                        s.header
                            .iter()
                            .map(|h| el("th").attr("scope", "col").text(h.clone())),
                    ),
                ),
            )
            .child(
                el("tbody").children(s.rows.iter().enumerate().map(|(i, r)| {
                    el("tr")
                        .key(i.to_string())
                        .children(r.iter().map(|cell| el("td").text(cell.clone())))
                })),
            ),
    );
    let file = p.file.clone();
    let text = p.text.clone();
    let delimiter = select(
        "csv-delimiter",
        c(CsvMsg::Delimiter),
        o.delimiter.name().to_string(),
        [Delimiter::Comma, Delimiter::Semicolon, Delimiter::Tab]
            .into_iter()
            .map(|d| (d.name().to_string(), delimiter_name(d, locale).to_string()))
            .collect(),
        move |ev| {
            let d = match ev.value.as_str() {
                "semicolon" => Delimiter::Semicolon,
                "tab" => Delimiter::Tab,
                _ => Delimiter::Comma,
            };
            // Another separator changes what the columns are: guess the rest again. If the
            // file cannot be read that way, say why and keep the preview as it was.
            let locale = app.locale.get_untracked();
            match sniff_with_delimiter(&file, &text, d) {
                Ok(sniffed) => {
                    imports.status.set(None);
                    imports.replace_csv(sniffed);
                }
                Err(e) => imports.fail(locale, &file, import_error_text(&e, locale)),
            }
        },
    );
    let mut fields = vec![
        el("div")
            .class("field")
            .child(text_el("label", "label", c(CsvMsg::Title)).attr("for", "csv-title"))
            .child(
                el("input")
                    .id("csv-title")
                    .attr("type", "text")
                    .prop("value", o.title.clone())
                    .on(On::Input, move |ev: &Ev| {
                        let v = ev.value.clone();
                        set(Box::new(move |o| o.title = v));
                    }),
            ),
        delimiter,
        checkbox("csv-header", c(CsvMsg::Header), o.header, move |_| {
            set(Box::new(|o| o.header = !o.header))
        }),
        checkbox(
            "csv-decimal-comma",
            c(CsvMsg::DecimalComma),
            o.decimal_comma,
            move |_| set(Box::new(|o| o.decimal_comma = !o.decimal_comma)),
        ),
        select(
            "csv-time",
            c(CsvMsg::TimeColumn),
            o.time.to_string(),
            columns.clone(),
            move |ev| {
                if let Ok(i) = ev.value.parse() {
                    set(Box::new(move |o| o.time = i));
                }
            },
        ),
        select(
            "csv-layout",
            c(CsvMsg::Layout),
            match o.layout {
                Layout::Wide { .. } => "wide",
                Layout::Long { .. } => "long",
            }
            .into(),
            vec![
                ("wide".into(), c(CsvMsg::Wide).into()),
                ("long".into(), c(CsvMsg::Long).into()),
            ],
            {
                let n = s.header.len();
                move |ev| {
                    let long = ev.value == "long";
                    set(Box::new(move |o| {
                        let others: Vec<usize> = (0..n).filter(|i| *i != o.time).collect();
                        o.layout = if long {
                            Layout::Long {
                                series: others.first().copied().unwrap_or(0),
                                value: others.last().copied().unwrap_or(0),
                            }
                        } else {
                            Layout::Wide { values: others }
                        };
                    }));
                }
            },
        ),
    ];
    match &o.layout {
        Layout::Long { series, value } => {
            fields.push(select(
                "csv-series",
                c(CsvMsg::SeriesColumn),
                series.to_string(),
                columns.clone(),
                move |ev| {
                    if let Ok(i) = ev.value.parse() {
                        set(Box::new(move |o| {
                            if let Layout::Long { series, .. } = &mut o.layout {
                                *series = i;
                            }
                        }));
                    }
                },
            ));
            fields.push(select(
                "csv-value",
                c(CsvMsg::ValueColumn),
                value.to_string(),
                columns.clone(),
                move |ev| {
                    if let Ok(i) = ev.value.parse() {
                        set(Box::new(move |o| {
                            if let Layout::Long { value, .. } = &mut o.layout {
                                *value = i;
                            }
                        }));
                    }
                },
            ));
            fields.push(checkbox(
                "csv-parts",
                c(CsvMsg::PartsOfWhole),
                o.parts_of_whole,
                move |_| set(Box::new(|o| o.parts_of_whole = !o.parts_of_whole)),
            ));
        }
        Layout::Wide { values } => {
            let boxes = s
                .header
                .iter()
                .enumerate()
                .filter(|(i, _)| *i != o.time)
                .map(|(i, h)| {
                    el("label")
                        .key(i.to_string())
                        .class("check-field")
                        .child(
                            el("input")
                                .attr("type", "checkbox")
                                .attr("data-column", i.to_string())
                                .prop("checked", values.contains(&i).to_string())
                                .on(On::Change, move |_| {
                                    set(Box::new(move |o| {
                                        if let Layout::Wide { values } = &mut o.layout {
                                            if let Some(at) = values.iter().position(|v| *v == i) {
                                                values.remove(at);
                                            } else {
                                                values.push(i);
                                                values.sort_unstable();
                                            }
                                        }
                                    }));
                                }),
                        )
                        .text(format!(" {h}"))
                });
            fields.push(
                el("fieldset")
                    .class("field value-columns")
                    .child(text_el("legend", "label", c(CsvMsg::ValueColumns)))
                    .children(boxes),
            );
        }
    }
    fields.push(select(
        "csv-cadence",
        c(CsvMsg::Cadence),
        format!("{:?}", o.cadence),
        [
            Cadence::Year,
            Cadence::Quarter,
            Cadence::Month,
            Cadence::Day,
        ]
        .into_iter()
        .map(|k| (format!("{k:?}"), cadence_name(k, locale).to_string()))
        .collect(),
        move |ev| {
            let k = match ev.value.as_str() {
                "Quarter" => Cadence::Quarter,
                "Month" => Cadence::Month,
                "Day" => Cadence::Day,
                _ => Cadence::Year,
            };
            set(Box::new(move |o| o.cadence = k));
        },
    ));
    if o.cadence != Cadence::Year {
        fields.push(select(
            "csv-aggregate",
            c(CsvMsg::Aggregate),
            o.aggregate.name().to_string(),
            [Aggregate::Sum, Aggregate::Mean, Aggregate::Last]
                .into_iter()
                .map(|a| (a.name().to_string(), aggregate_name(a, locale).to_string()))
                .collect(),
            move |ev| {
                let a = match ev.value.as_str() {
                    "mean" => Aggregate::Mean,
                    "last" => Aggregate::Last,
                    _ => Aggregate::Sum,
                };
                set(Box::new(move |o| o.aggregate = a));
            },
        ));
    }
    let (unit_kind, unit_text) = match &o.unit {
        Unit::Currency(code) => ("currency", code.clone()),
        Unit::Count(noun) => ("count", noun.en.clone()),
        Unit::Percent => ("percent", String::new()),
        Unit::Number => ("number", String::new()),
    };
    fields.push(select(
        "csv-unit",
        c(CsvMsg::Unit),
        unit_kind.into(),
        vec![
            ("number".into(), c(CsvMsg::UnitNumber).into()),
            ("currency".into(), c(CsvMsg::UnitCurrency).into()),
            ("percent".into(), c(CsvMsg::UnitPercent).into()),
            ("count".into(), c(CsvMsg::UnitCount).into()),
        ],
        move |ev| {
            let u = match ev.value.as_str() {
                "currency" => Unit::Currency("USD".into()),
                "percent" => Unit::Percent,
                "count" => Unit::Count(LocalText::en("items")),
                _ => Unit::Number,
            };
            set(Box::new(move |o| o.unit = u));
        },
    ));
    if matches!(o.unit, Unit::Currency(_) | Unit::Count(_)) {
        fields.push(
            el("div").class("field").child(
                el("input")
                    .id("csv-unit-text")
                    .attr("type", "text")
                    .attr("size", "10")
                    .attr("aria-label", c(CsvMsg::Unit))
                    .prop("value", unit_text)
                    .on(On::Change, move |ev: &Ev| {
                        let v = ev.value.trim().to_string();
                        set(Box::new(move |o| {
                            o.unit = match &o.unit {
                                Unit::Currency(_) => Unit::Currency(v.to_uppercase()),
                                _ => Unit::Count(LocalText::en(&v)),
                            }
                        }));
                    }),
            ),
        );
    }
    if o.unit != Unit::Percent {
        fields.push(select(
            "csv-scale",
            c(CsvMsg::Scale),
            SCALES
                .iter()
                .position(|(f, _)| *f == o.scale)
                .unwrap_or(0)
                .to_string(),
            SCALES
                .iter()
                .enumerate()
                .map(|(i, (_, m))| (i.to_string(), m.text(locale).to_string()))
                .collect(),
            move |ev| {
                if let Some((f, _)) = ev.value.parse::<usize>().ok().and_then(|i| SCALES.get(i)) {
                    let f = *f;
                    set(Box::new(move |o| o.scale = f));
                }
            },
        ));
    }
    fields.push(
        el("div")
            .class("field")
            .child(text_el("label", "label", c(CsvMsg::ForecastYears)).attr("for", "csv-forecast"))
            .child(
                el("input")
                    .id("csv-forecast")
                    .attr("type", "number")
                    .attr("min", "1")
                    .attr("max", crate::domain::import::MAX_FORECAST_YEARS.to_string())
                    .prop("value", o.forecast_years.to_string())
                    .on(On::Change, move |ev: &Ev| {
                        if let Ok(n) = ev.value.trim().parse::<u32>() {
                            let n = n.clamp(1, crate::domain::import::MAX_FORECAST_YEARS);
                            set(Box::new(move |o| o.forecast_years = n));
                        }
                    }),
            ),
    );
    let pending = p.clone();
    let progress = csv.progress.get();
    let actions = match progress {
        Some((done, total)) => el("div")
            .class("import-progress")
            .attr("role", "status")
            .child(
                el("progress")
                    .attr("max", total.max(1).to_string())
                    .attr("value", done.to_string()),
            )
            .child(text_el(
                "span",
                "",
                fill(
                    c(CsvMsg::Importing),
                    &[&done.to_string(), &total.to_string()],
                ),
            ))
            .child(
                text_el("button", "link", ImportMsg::Cancel.text(locale))
                    .testid("cancel-import")
                    .on_click(move || {
                        csv.cancel();
                        imports.say(
                            CsvMsg::Cancelled
                                .text(app.locale.get_untracked())
                                .to_string(),
                            false,
                        );
                    }),
            ),
        None => el("p")
            .class("actions")
            .child(
                text_el("button", "primary", ImportMsg::ImportIt.text(locale))
                    .testid("confirm-import")
                    .on_click(move || run(app, imports, pending.clone())),
            )
            .child(
                text_el("button", "link", ImportMsg::Cancel.text(locale)).on_click(move || {
                    csv.cancel();
                    imports.pending.set(None);
                }),
            ),
    };
    el("div")
        .class("import-preview")
        .testid("import-preview")
        .child(text_el(
            "h3",
            "",
            fill(ImportMsg::Preview.text(locale), &[&p.file]),
        ))
        .child(text_el("p", "", c(CsvMsg::Guessed)))
        .child(guesses)
        .child(text_el(
            "p",
            "rows-note",
            fill(
                c(CsvMsg::Rows),
                &[&s.total_rows.to_string(), &s.rows.len().to_string()],
            ),
        ))
        .child(table)
        .child(el("div").class("csv-fields").children(fields))
        .child(actions)
}
