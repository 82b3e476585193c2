//! The CSV/TSV preview: what was guessed, the first rows, the corrections, and the chunked run
//! (one step per animation frame, with progress and cancel) that turns the file into a report.
//! Every decision is in `domain::import` and every text in `i18n::import`; this file wires the
//! options to controls, each bound to the option it shows (typing a title rebuilds nothing).
//! Part of the import's wasm chunk (see `import_preview.rs`).

use super::common::TableScroll;
use super::import_preview::PreviewActions;
use super::imports::{Imports, Pending};
use super::state::AppState;
use crate::domain::import::{
    build_report, english_count_noun, sniff_with_delimiter, Aggregate, Delimiter, ImportOptions,
    Layout, Sniffed, TableBuilder, MAX_FORECAST_YEARS,
};
use crate::domain::schema::{Cadence, Unit};
use crate::i18n::import::{
    aggregate_name, cadence_word, delimiter_name, guess_lines, CsvMsg, ImportMsg, SCALES,
};
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
    let mut builder = match TableBuilder::new(&pending.file, &pending.text, &options) {
        Ok(b) => b,
        Err(e) => return imports.fail(&pending.file, super::import_preview::import_failure(e)),
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
                    return imports.fail(&pending.file, super::import_preview::import_failure(e));
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
            Err(e) => imports.fail(&pending.file, super::import_preview::import_failure(e)),
        }
    });
}

/// The table read again with another separator: new guesses, the title kept.
fn replace_csv(imports: Imports, sniffed: Sniffed) {
    let title = imports
        .csv
        .options
        .with_untracked(|o| o.as_ref().map(|o| o.title.clone()));
    let mut options = sniffed.options.clone();
    if let Some(t) = title {
        options.title = t;
    }
    imports.csv.options.set(Some(options));
    imports.pending.update(|p| {
        if let Some(Pending::Csv(c)) = p {
            c.sniffed = Arc::new(sniffed);
        }
    });
}

/// A change to the reader's options (one closure type for every control).
type Edit = Box<dyn FnOnce(&mut ImportOptions)>;

/// A select among `(value, label)` options, showing `value`.
#[component]
fn SelectField(
    id: &'static str,
    label: &'static str,
    #[prop(into)] value: Signal<String>,
    #[prop(into)] options: Signal<Vec<(String, String)>>,
    on_change: Callback<String>,
) -> impl IntoView {
    view! {
        <div class="field">
            <label class="label" for=id>{label}</label>
            <select id=id on:change=move |ev| on_change.run(event_target_value(&ev))>
                <For
                    each=move || options.get()
                    key=|o| o.clone()
                    children=move |(v, l)| {
                        let chosen = v.clone();
                        view! {
                            <option value=v prop:selected=move || value.with(|x| *x == chosen)>
                                {l}
                            </option>
                        }
                    }
                />
            </select>
        </div>
    }
}

/// A checkbox with its label after it.
#[component]
fn CheckField(
    id: &'static str,
    label: &'static str,
    #[prop(into)] checked: Signal<bool>,
    on_change: Callback<()>,
) -> impl IntoView {
    view! {
        <label class="field check-field">
            <input
                type="checkbox"
                id=id
                prop:checked=move || checked.get()
                on:change=move |_| on_change.run(())
            />
            {format!(" {label}")}
        </label>
    }
}

/// The preview of a table and its corrections. `file`, `text` and `encoding` are the given
/// file's; the guesses (a new separator re-sniffs) and the options are read as they change.
#[component]
pub fn CsvPreview(
    imports: Imports,
    file: String,
    text: Arc<String>,
    encoding: String,
    locale: Locale,
) -> impl IntoView {
    let csv = imports.csv;
    let c = move |m: CsvMsg| m.text(locale);
    let sniffed = Memo::new(move |_| {
        imports.pending.with(|p| match p {
            Some(Pending::Csv(p)) => Some(p.sniffed.clone()),
            _ => None,
        })
    });
    let header = Memo::new(move |_| {
        sniffed.with(|s| s.as_ref().map(|s| s.header.clone()).unwrap_or_default())
    });
    // One option as the controls show it; `None` before the options exist.
    let option = move |f: fn(&ImportOptions) -> String| {
        Signal::derive(move || csv.options.with(|o| o.as_ref().map(f).unwrap_or_default()))
    };
    let flag = move |f: fn(&ImportOptions) -> bool| {
        Signal::derive(move || csv.options.with(|o| o.as_ref().is_some_and(f)))
    };
    let set = Callback::new(move |edit: Edit| {
        csv.options.update(|o| {
            if let Some(o) = o {
                edit(o)
            }
        })
    });
    let edit = move |f: fn(&mut ImportOptions)| Callback::new(move |()| set.run(Box::new(f)));
    let columns = Signal::derive(move || {
        header.with(|h| {
            h.iter()
                .enumerate()
                .map(|(i, h)| (i.to_string(), format!("{} · {h}", i + 1)))
                .collect::<Vec<_>>()
        })
    });
    let column = move |apply: fn(&mut ImportOptions, usize)| {
        Callback::new(move |v: String| {
            if let Ok(i) = v.parse::<usize>() {
                set.run(Box::new(move |o| apply(o, i)));
            }
        })
    };
    let lines = Memo::new(move |_| {
        sniffed.with(|s| {
            csv.options.with(|o| match (s, o) {
                (Some(s), Some(o)) => guess_lines(&s.guesses, o, &encoding, locale),
                _ => Vec::new(),
            })
        })
    });
    let rows_note = move || {
        sniffed.with(|s| {
            s.as_ref().map(|s| {
                fill(
                    c(CsvMsg::Rows),
                    &[&s.total_rows.to_string(), &s.rows.len().to_string()],
                )
            })
        })
    };
    let table = move || {
        sniffed.get().map(|s| {
            let heads = s
                .header
                .iter()
                .map(|h| view! { <th scope="col">{h.clone()}</th> })
                .collect_view();
            let rows = s
                .rows
                .iter()
                .map(|r| {
                    let cells = r.iter().map(|cell| view! { <td>{cell.clone()}</td> });
                    view! { <tr>{cells.collect_view()}</tr> }
                })
                .collect_view();
            // A box of its own for each table drawn (another delimiter, another table), so
            // the box watches the table it holds.
            view! {
                <TableScroll locale=locale>
                    <table class="data preview-table">
                        <thead>
                            <tr>{heads}</tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                </TableScroll>
            }
        })
    };
    let delimiter = {
        let file = file.clone();
        Callback::new(move |v: String| {
            let d = match v.as_str() {
                "semicolon" => Delimiter::Semicolon,
                "tab" => Delimiter::Tab,
                _ => Delimiter::Comma,
            };
            // Another separator changes what the columns are: guess the rest again. If the
            // file cannot be read that way, say why and keep the preview as it was.
            match sniff_with_delimiter(&file, &text, d) {
                Ok(sniffed) => {
                    imports.status.set(None);
                    replace_csv(imports, sniffed);
                }
                Err(e) => imports.fail(&file, super::import_preview::import_failure(e)),
            }
        })
    };
    let delimiters = [Delimiter::Comma, Delimiter::Semicolon, Delimiter::Tab]
        .into_iter()
        .map(|d| (d.name().to_string(), delimiter_name(d, locale).to_string()))
        .collect::<Vec<_>>();
    let long = Memo::new(move |_| {
        csv.options
            .with(|o| matches!(o.as_ref().map(|o| &o.layout), Some(Layout::Long { .. })))
    });
    let layout = Callback::new(move |v: String| {
        let long = v == "long";
        let n = header.with_untracked(Vec::len);
        set.run(Box::new(move |o| {
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
    });
    let layout_fields = move || {
        if long.get() {
            view! {
                <SelectField
                    id="csv-series"
                    label=c(CsvMsg::SeriesColumn)
                    value=option(|o| match o.layout {
                        Layout::Long { series, .. } => series.to_string(),
                        Layout::Wide { .. } => String::new(),
                    })
                    options=columns
                    on_change=column(|o, i| {
                        if let Layout::Long { series, .. } = &mut o.layout {
                            *series = i;
                        }
                    })
                />
                <SelectField
                    id="csv-value"
                    label=c(CsvMsg::ValueColumn)
                    value=option(|o| match o.layout {
                        Layout::Long { value, .. } => value.to_string(),
                        Layout::Wide { .. } => String::new(),
                    })
                    options=columns
                    on_change=column(|o, i| {
                        if let Layout::Long { value, .. } = &mut o.layout {
                            *value = i;
                        }
                    })
                />
                <CheckField
                    id="csv-parts"
                    label=c(CsvMsg::PartsOfWhole)
                    checked=flag(|o| o.parts_of_whole)
                    on_change=edit(|o| o.parts_of_whole = !o.parts_of_whole)
                />
            }
            .into_any()
        } else {
            view! { <ValueColumns csv=csv header=header set=set legend=c(CsvMsg::ValueColumns) /> }
                .into_any()
        }
    };
    let cadences = [
        Cadence::Year,
        Cadence::Quarter,
        Cadence::Month,
        Cadence::Day,
    ]
    .into_iter()
    .map(|k| (format!("{k:?}"), cadence_word(k, locale).to_string()))
    .collect::<Vec<_>>();
    let yearly = Memo::new(move |_| {
        csv.options
            .with(|o| o.as_ref().is_none_or(|o| o.cadence == Cadence::Year))
    });
    let aggregates = [Aggregate::Sum, Aggregate::Mean, Aggregate::Last]
        .into_iter()
        .map(|a| (a.name().to_string(), aggregate_name(a, locale).to_string()))
        .collect::<Vec<_>>();
    let unit_kind = Memo::new(move |_| {
        csv.options.with(|o| match o.as_ref().map(|o| &o.unit) {
            Some(Unit::Currency(_)) => "currency",
            Some(Unit::Count(_)) => "count",
            Some(Unit::Percent) => "percent",
            _ => "number",
        })
    });
    let units = vec![
        ("number".to_string(), c(CsvMsg::UnitNumber).to_string()),
        ("currency".into(), c(CsvMsg::UnitCurrency).into()),
        ("percent".into(), c(CsvMsg::UnitPercent).into()),
        ("count".into(), c(CsvMsg::UnitCount).into()),
    ];
    let unit_text = move || {
        csv.options.with(|o| match o.as_ref().map(|o| &o.unit) {
            Some(Unit::Currency(code)) => code.clone(),
            Some(Unit::Count(noun)) => noun.en.clone(),
            _ => String::new(),
        })
    };
    let scales = SCALES
        .iter()
        .enumerate()
        .map(|(i, (_, m))| (i.to_string(), m.text(locale).to_string()))
        .collect::<Vec<_>>();
    let running = Memo::new(move |_| csv.progress.with(Option::is_some));
    let progress =
        move |f: fn((usize, usize)) -> usize| move || csv.progress.get().map_or(0, f).to_string();
    view! {
        <div class="import-preview" data-testid="import-preview">
            <h3>{fill(ImportMsg::Preview.text(locale), &[&file])}</h3>
            <p>{c(CsvMsg::Guessed)}</p>
            <ul class="guesses">
                <For
                    each=move || lines.get().into_iter().enumerate()
                    key=|line| line.clone()
                    children=|(_, line)| view! { <li>{line}</li> }
                />
            </ul>
            <p class="rows-note">{rows_note}</p>
            {table}
            <div class="csv-fields">
                <div class="field">
                    <label class="label" for="csv-title">{c(CsvMsg::Title)}</label>
                    <input
                        id="csv-title"
                        type="text"
                        prop:value=option(|o| o.title.clone())
                        on:input=move |ev| {
                            let v = event_target_value(&ev);
                            set.run(Box::new(move |o| o.title = v));
                        }
                    />
                </div>
                <SelectField
                    id="csv-delimiter"
                    label=c(CsvMsg::Delimiter)
                    value=option(|o| o.delimiter.name().to_string())
                    options=delimiters
                    on_change=delimiter
                />
                <CheckField
                    id="csv-header"
                    label=c(CsvMsg::Header)
                    checked=flag(|o| o.header)
                    on_change=edit(|o| o.header = !o.header)
                />
                <CheckField
                    id="csv-decimal-comma"
                    label=c(CsvMsg::DecimalComma)
                    checked=flag(|o| o.decimal_comma)
                    on_change=edit(|o| o.decimal_comma = !o.decimal_comma)
                />
                <SelectField
                    id="csv-time"
                    label=c(CsvMsg::TimeColumn)
                    value=option(|o| o.time.to_string())
                    options=columns
                    on_change=column(|o, i| o.time = i)
                />
                <SelectField
                    id="csv-layout"
                    label=c(CsvMsg::Layout)
                    value=Signal::derive(move || if long.get() { "long" } else { "wide" }.to_string())
                    options=vec![
                        ("wide".to_string(), c(CsvMsg::Wide).to_string()),
                        ("long".into(), c(CsvMsg::Long).into()),
                    ]
                    on_change=layout
                />
                {layout_fields}
                <SelectField
                    id="csv-cadence"
                    label=c(CsvMsg::Cadence)
                    value=option(|o| format!("{:?}", o.cadence))
                    options=cadences
                    on_change=Callback::new(move |v: String| {
                        let k = match v.as_str() {
                            "Quarter" => Cadence::Quarter,
                            "Month" => Cadence::Month,
                            "Day" => Cadence::Day,
                            _ => Cadence::Year,
                        };
                        set.run(Box::new(move |o| o.cadence = k));
                    })
                />
                <Show when=move || !yearly.get()>
                    <SelectField
                        id="csv-aggregate"
                        label=c(CsvMsg::Aggregate)
                        value=option(|o| o.aggregate.name().to_string())
                        options=aggregates.clone()
                        on_change=Callback::new(move |v: String| {
                            let a = match v.as_str() {
                                "mean" => Aggregate::Mean,
                                "last" => Aggregate::Last,
                                _ => Aggregate::Sum,
                            };
                            set.run(Box::new(move |o| o.aggregate = a));
                        })
                    />
                </Show>
                <SelectField
                    id="csv-unit"
                    label=c(CsvMsg::Unit)
                    value=Signal::derive(move || unit_kind.get().to_string())
                    options=units
                    on_change=Callback::new(move |v: String| {
                        let u = match v.as_str() {
                            "currency" => Unit::Currency("USD".into()),
                            "percent" => Unit::Percent,
                            "count" => Unit::Count(english_count_noun("items")),
                            _ => Unit::Number,
                        };
                        set.run(Box::new(move |o| o.unit = u));
                    })
                />
                <Show when=move || matches!(unit_kind.get(), "currency" | "count")>
                    <div class="field">
                        <input
                            id="csv-unit-text"
                            type="text"
                            size="10"
                            aria-label=c(CsvMsg::Unit)
                            prop:value=unit_text
                            on:change=move |ev| {
                                let v = event_target_value(&ev).trim().to_string();
                                set.run(
                                    Box::new(move |o| {
                                        o.unit = match &o.unit {
                                            Unit::Currency(_) => Unit::Currency(v.to_uppercase()),
                                            _ => Unit::Count(english_count_noun(&v)),
                                        }
                                    }),
                                );
                            }
                        />
                    </div>
                </Show>
                <Show when=move || unit_kind.get() != "percent">
                    <SelectField
                        id="csv-scale"
                        label=c(CsvMsg::Scale)
                        value=option(|o| {
                            SCALES.iter().position(|(f, _)| *f == o.scale).unwrap_or(0).to_string()
                        })
                        options=scales.clone()
                        on_change=Callback::new(move |v: String| {
                            if let Some((f, _)) = v.parse::<usize>().ok().and_then(|i| SCALES.get(i)) {
                                let f = *f;
                                set.run(Box::new(move |o| o.scale = f));
                            }
                        })
                    />
                </Show>
                <div class="field">
                    <label class="label" for="csv-forecast">{c(CsvMsg::ForecastYears)}</label>
                    <input
                        id="csv-forecast"
                        type="number"
                        min="1"
                        max=MAX_FORECAST_YEARS.to_string()
                        prop:value=option(|o| o.forecast_years.to_string())
                        on:change=move |ev| {
                            if let Ok(n) = event_target_value(&ev).trim().parse::<u32>() {
                                let n = n.clamp(1, MAX_FORECAST_YEARS);
                                set.run(Box::new(move |o| o.forecast_years = n));
                            }
                        }
                    />
                </div>
            </div>
            <Show
                when=move || running.get()
                fallback=move || view! { <PreviewActions imports=imports locale=locale /> }
            >
                <div class="import-progress" role="status">
                    <progress max=progress(|(_, total)| total.max(1)) value=progress(|(done, _)| done)></progress>
                    <span>
                        {move || {
                            let (done, total) = csv.progress.get().unwrap_or_default();
                            fill(c(CsvMsg::Importing), &[&done.to_string(), &total.to_string()])
                        }}
                    </span>
                    <button
                        class="link"
                        data-testid="cancel-import"
                        on:click=move |_| {
                            csv.cancel();
                            imports.status.set(Some(super::imports::Status::Cancelled));
                        }
                    >
                        {ImportMsg::Cancel.text(locale)}
                    </button>
                </div>
            </Show>
        </div>
    }
}

/// The wide layout's series: one checkbox per column but the time column, keyed by column.
#[component]
fn ValueColumns(
    csv: CsvState,
    header: Memo<Vec<String>>,
    set: Callback<Edit>,
    legend: &'static str,
) -> impl IntoView {
    let time = Memo::new(move |_| {
        csv.options
            .with(|o| o.as_ref().map(|o| o.time))
            .unwrap_or(usize::MAX)
    });
    let boxes = move || {
        let time = time.get();
        header.with(|h| {
            h.iter()
                .enumerate()
                .filter(|(i, _)| *i != time)
                .map(|(i, h)| (i, h.clone()))
                .collect::<Vec<_>>()
        })
    };
    view! {
        <fieldset class="field value-columns">
            <legend class="label">{legend}</legend>
            <For
                each=boxes
                key=|b| b.clone()
                children=move |(i, h)| {
                    let checked = move || {
                        csv.options.with(|o| {
                            matches!(
                                o.as_ref().map(|o| &o.layout),
                                Some(Layout::Wide { values }) if values.contains(&i)
                            )
                        })
                    };
                    view! {
                        <label class="check-field">
                            <input
                                type="checkbox"
                                data-column=i.to_string()
                                prop:checked=checked
                                on:change=move |_| {
                                    set.run(
                                        Box::new(move |o| {
                                            if let Layout::Wide { values } = &mut o.layout {
                                                if let Some(at) = values.iter().position(|v| *v == i) {
                                                    values.remove(at);
                                                } else {
                                                    values.push(i);
                                                    values.sort_unstable();
                                                }
                                            }
                                        }),
                                    );
                                }
                            />
                            {format!(" {h}")}
                        </label>
                    }
                }
            />
        </fieldset>
    }
}
