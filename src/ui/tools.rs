//! Scenario power tools: sensitivity (tornado) and uncertainty (seeded Monte Carlo fan).
//!
//! - Sensitivity moves every assumption that can move the chosen value (the headline, a
//!   segment's end value of the dimension chosen in the view, or a plan's projection) down and
//!   up by N points around the reader's scenario, one at a time, and draws the end values as a
//!   tornado. It follows the scenario once it rests, N and the target, and is worked out a few
//!   inputs per task (two engine runs each), so a key press never waits behind all of it; the
//!   last tornado stays drawn until the new one is whole.
//! - Uncertainty samples those assumptions at random from a seed and draws the p10–p90 band,
//!   the median and the published path (and the scenario's own path when it is not the
//!   published one). Ranges are centred on the scenario's values, with widths from the report's
//!   evidence or stated defaults (`domain::engine::monte_carlo`) times a width the reader sets;
//!   a table under the chart lists them, and the chart's SVG and PNG exports carry them as
//!   notes. A run is split across animation frames (a chunk of at most [`CHUNK`] paths or
//!   [`FRAME_BUDGET_MS`] per frame), shows its progress and can be cancelled; the fan is marked
//!   stale once the scenario, the target or the width changes after it.

use super::charts::{DataTableView, TableData, TornadoChart, TornadoSpec, XyChart, XySpec};
use super::common::local;
use super::controls::ValueKind;
use super::segments::chosen_dimension_only;
use super::slider::AssumptionSlider;
use super::state::{AppState, ReportCtx};
use crate::chart::series::{fan_series, FanLabels};
use crate::chart::xy::Datum;
use crate::domain::engine::mc_input::{parse_seed, reader_paths};
use crate::domain::engine::monte_carlo::{
    Fan, McError, McOptions, McRun, Progress, DEFAULT_WIDTH, MAX_WIDTH, MIN_WIDTH,
};
use crate::domain::engine::sensitivity::{SensitivityError, Tornado, TornadoRun};
use crate::domain::engine::target::{relevant_keys, target_path, Target};
use crate::domain::format::{self, parse_typed, Locale, Shown};
use crate::domain::scenario::Scenario;
use crate::domain::schema::{AssumptionRange, Provenance, Report, Unit};
use crate::i18n::errors::{mc_reason, sensitivity_reason};
use crate::i18n::tools::{
    paths_clamped, points_text, progress_text, range_rows, ranges_caption, seed_error,
    seed_paths_text, target_name, tornado_notes, tornado_rows, tornado_title, ToolsMsg,
    TornadoNotes,
};
use crate::i18n::{fill, Message, Msg};
use leptos::prelude::*;
use std::collections::HashMap;

/// Rows the tornado draws at most.
const MAX_ROWS: usize = 12;
/// N: 0.5–10 points in steps of 0.5.
const POINTS_RANGE: AssumptionRange = AssumptionRange {
    default: 0.02,
    min: 0.005,
    max: 0.10,
    step: 0.005,
};
/// The Monte Carlo's width multiplier: ×0.25 to ×4 in steps of 0.25.
const WIDTH_RANGE: AssumptionRange = AssumptionRange {
    default: DEFAULT_WIDTH,
    min: MIN_WIDTH,
    max: MAX_WIDTH,
    step: 0.25,
};
/// Paths per animation frame at most, in steps of [`STEP`], stopping early past the budget.
const CHUNK: usize = 200;
const STEP: usize = 25;
const FRAME_BUDGET_MS: f64 = 6.0;

/// What one Monte Carlo run was asked, kept with its result to label and date it.
#[derive(Debug, Clone, PartialEq)]
struct McJob {
    /// The run's number (its cancel token), distinct for every run.
    id: u64,
    scenario: Scenario,
    target: Target,
    seed: u64,
    paths: u32,
    width: f64,
    published: Vec<Datum>,
}

/// The tools' own state, created once by the Scenarios component.
#[derive(Clone, Copy)]
pub struct ToolsState {
    /// Points the tornado moves each assumption by (0.02 = 2 points).
    pub tornado_points: RwSignal<f64>,
    /// The value the reader chose to measure (`None`: the report's natural one).
    pub target: RwSignal<Option<Target>>,
    pub mc_seed: RwSignal<u64>,
    pub mc_paths: RwSignal<u32>,
    /// What the paths field says after it corrected an out-of-range number: what was typed
    /// and the number used (worded where shown).
    mc_paths_note: RwSignal<Option<(f64, u32)>>,
    /// Multiplier of the default range widths (see [`mc_width`]).
    pub mc_width: RwSignal<f64>,
    /// The run in progress, stepped frame by frame.
    pub mc_run: StoredValue<Option<McRun>>,
    /// The target in force: the chosen one while it exists, else the report's natural one.
    resolved: Memo<Option<Target>>,
    /// The tornado in force (the last whole one while a newer one is worked out).
    sensitivity: RwSignal<Option<Result<Tornado, SensitivityError>>>,
    /// Bumped by every start and cancel: a frame of an older run stops.
    mc_token: StoredValue<u64>,
    mc_running: RwSignal<Option<(McJob, Progress)>>,
    mc_result: RwSignal<Option<(McJob, Result<Fan, McError>)>>,
    /// Messages about what was typed, by field id (values: they outlive a change of language,
    /// which rebuilds the view, and are worded where shown).
    errors: RwSignal<HashMap<&'static str, FieldError>>,
}

/// Why a tools field did not take what was typed (the text typed).
#[derive(Debug, Clone, PartialEq)]
enum FieldError {
    /// The seed: not a whole number of 0 or more.
    Seed(String),
    NotANumber(String),
}

impl FieldError {
    fn text(&self, locale: Locale) -> String {
        match self {
            FieldError::Seed(typed) => seed_error(typed, locale),
            FieldError::NotANumber(typed) => {
                format!("{} “{}”", Msg::NotANumber.text(locale), typed.trim())
            }
        }
    }
}

impl ToolsState {
    /// Call inside a report (it reads the app and report contexts).
    pub fn new() -> Self {
        let (app, ctx) = (use_context::<AppState>(), use_context::<ReportCtx>());
        // Seed, paths and points belong to the app: a shared link carries them.
        let tornado_points = app.map_or_else(|| RwSignal::new(0.02), |a| a.tornado_points);
        let target = RwSignal::new(None);
        let resolved = Memo::new(move |_| resolve_target(app?, ctx?, target.get()));
        let sensitivity = RwSignal::new(None);
        // Bumped by every new tornado run: the steps of an older one stop.
        let tornado_token = StoredValue::new(0u64);
        Effect::new(move |_| {
            let token = tornado_token.get_value().wrapping_add(1);
            tornado_token.set_value(token);
            let Some(ctx) = ctx else {
                return;
            };
            let Some(target) = resolved.get() else {
                sensitivity.set(None);
                return;
            };
            let points = tornado_points.get();
            let run = ctx.settled.with(|s| {
                ctx.with(|r| {
                    let keys = relevant_keys(r, &target);
                    TornadoRun::new(r, s, &keys, points, &target)
                })
            });
            match run {
                Ok(run) => step_tornado(sensitivity, tornado_token, token, run),
                Err(e) => sensitivity.set(Some(Err(e))),
            }
        });
        ToolsState {
            tornado_points,
            target,
            mc_seed: app.map_or_else(|| RwSignal::new(1), |a| a.mc_seed),
            mc_paths: app.map_or_else(|| RwSignal::new(2_000), |a| a.mc_paths),
            mc_paths_note: RwSignal::new(None),
            mc_width: app.map_or_else(|| RwSignal::new(DEFAULT_WIDTH), |a| a.mc_width),
            mc_run: StoredValue::new(None),
            resolved,
            sensitivity,
            mc_token: StoredValue::new(0),
            mc_running: RwSignal::new(None),
            mc_result: RwSignal::new(None),
            errors: RwSignal::new(HashMap::new()),
        }
    }

    fn set_error(&self, id: &'static str, error: Option<FieldError>) {
        self.errors.update(|m| match error {
            Some(e) => {
                m.insert(id, e);
            }
            None => {
                m.remove(id);
            }
        });
    }
}

impl Default for ToolsState {
    fn default() -> Self {
        Self::new()
    }
}

/// The picked target while the report still has it (a segment only of the dimension chosen in
/// the view); otherwise the report's natural target.
fn resolve_target(app: AppState, ctx: ReportCtx, picked: Option<Target>) -> Option<Target> {
    let dim = chosen_dimension_only(app, ctx).map(|d| d.id);
    ctx.with(|r| Target::resolve(r, picked, dim.as_deref()))
}

/// What the tools' parts share: the app, the report, the tools' state and the language (the
/// parts are built anew when it changes, so every text below is plain).
#[derive(Clone, Copy)]
pub struct ToolsCtx {
    pub app: AppState,
    pub ctx: ReportCtx,
    pub state: ToolsState,
    pub lang: Locale,
}

impl ToolsCtx {
    fn t(&self, m: ToolsMsg) -> &'static str {
        m.text(self.lang)
    }
}

/// The sections the Scenarios view shows after its own, while the report has a value to
/// measure.
#[component]
pub fn PowerTools(c: ToolsCtx) -> impl IntoView {
    let resolved = c.state.resolved;
    let shown = Memo::new(move |_| resolved.with(Option::is_some));
    move || {
        shown.get().then(|| {
            view! {
                <Sensitivity c=c />
                <Uncertainty c=c />
            }
        })
    }
}

/// The value to measure: the headline, a segment of the dimension chosen in the view, or a
/// plan's projection. Options follow the chosen dimension; the one in force is selected.
#[component]
fn TargetPicker(c: ToolsCtx) -> impl IntoView {
    let ToolsCtx {
        app, ctx, state, ..
    } = c;
    let now = Memo::new(move |_| state.resolved.with(|t| t.as_ref().map(Target::key)));
    let option = move |target: Target, label: String| {
        let value = target.key();
        let mine = value.clone();
        view! {
            <option value=value prop:selected=move || now.with(|n| n.as_ref() == Some(&mine))>
                {label}
            </option>
        }
    };
    let dim = Memo::new(move |_| chosen_dimension_only(app, ctx));
    let options = move || {
        let lang = c.lang;
        dim.with(|dim| {
            ctx.with(|r| {
                let mut out = Vec::new();
                if r.forecast.is_some() {
                    out.push(
                        option(Target::Headline, target_name(r, &Target::Headline, lang))
                            .into_any(),
                    );
                    if let Some(d) = dim {
                        let members = d
                            .members
                            .iter()
                            .map(|m| {
                                let target = Target::Segment {
                                    dimension: d.id.clone(),
                                    member: m.id.clone(),
                                };
                                option(target, local(&m.name, lang))
                            })
                            .collect_view();
                        let label = fill(c.t(ToolsMsg::SegmentGroup), &[&local(&d.name, lang)]);
                        out.push(view! { <optgroup label=label>{members}</optgroup> }.into_any());
                    }
                }
                for p in &r.projections {
                    out.push(
                        option(Target::Projection(p.id.clone()), local(&p.label, lang)).into_any(),
                    );
                }
                out
            })
        })
    };
    view! {
        <label class="control">
            <span>{c.t(ToolsMsg::TargetLabel)}</span>
            <select
                data-testid="tools-target"
                on:change=move |ev| {
                    if let Some(target) = Target::from_key(&event_target_value(&ev)) {
                        state.target.set(Some(target));
                    }
                }
            >
                {options}
            </select>
        </label>
    }
}

/// Works a tornado out in tasks of at most [`FRAME_BUDGET_MS`], letting the reader's input
/// through between them, and shows it once whole. Stops when a newer run replaces it (the
/// scenario, the target or the points changed) or the view is gone.
fn step_tornado(
    out: RwSignal<Option<Result<Tornado, SensitivityError>>>,
    token_of: StoredValue<u64>,
    token: u64,
    mut run: TornadoRun,
) {
    leptos::task::spawn_local(async move {
        loop {
            if token_of.try_get_value() != Some(token) {
                return;
            }
            let start = js_sys::Date::now();
            let mut more = true;
            while more && js_sys::Date::now() - start < FRAME_BUDGET_MS {
                more = run.step();
            }
            if !more {
                break;
            }
            crate::browser::timers::yield_to_input().await;
        }
        out.try_set(Some(Ok(run.finish())));
    });
}

/// What the sensitivity section shows under its controls.
#[derive(Debug, Clone, PartialEq)]
enum SensShape {
    Nothing,
    Failed(String),
    NoRows,
    Chart,
}

#[component]
fn Sensitivity(c: ToolsCtx) -> impl IntoView {
    let ToolsCtx { state, lang, .. } = c;
    let points = state.tornado_points;
    let changed = Memo::new(move |_| (points.get() - POINTS_RANGE.default).abs() > 1e-12);
    let shape = Memo::new(move |_| {
        state.sensitivity.with(|res| match res {
            None => SensShape::Nothing,
            Some(Err(e)) => SensShape::Failed(fill(
                ToolsMsg::Failed.text(lang),
                &[&sensitivity_reason(e, lang)],
            )),
            Some(Ok(tor)) if tor.rows.is_empty() => SensShape::NoRows,
            Some(Ok(_)) => SensShape::Chart,
        })
    });
    let body = move || match shape.get() {
        SensShape::Nothing => ().into_any(),
        SensShape::Failed(msg) => view! { <p class="notice error">{msg}</p> }.into_any(),
        SensShape::NoRows => view! { <p class="help">{c.t(ToolsMsg::NoRows)}</p> }.into_any(),
        SensShape::Chart => view! { <TornadoPart c=c /> }.into_any(),
    };
    view! {
        <section class="tools-sensitivity" aria-labelledby="sens-h">
            <h2 id="sens-h">{c.t(ToolsMsg::SensTitle)}</h2>
            <p class="help">{c.t(ToolsMsg::SensHelp)}</p>
            <div class="controls-row tools-controls">
                <div class="tools-points" data-testid="tornado-points">
                    <AssumptionSlider
                        id="tornado-points".to_string()
                        label=c.t(ToolsMsg::PointsLabel).to_string()
                        value=points
                        range=POINTS_RANGE
                        kind=ValueKind::Percent
                        changed=changed
                        locale=lang
                        on_change=Callback::new(move |v: f64| points.set(v))
                        value_text=Callback::new(move |v: f64| points_text(v, lang))
                    />
                </div>
                <TargetPicker c=c />
            </div>
            {body}
        </section>
    }
}

/// The tornado of the sensitivity in force as a chart spec, with the notes around it.
fn tornado_view(r: &Report, tor: &Tornado, shown: Shown) -> (TornadoSpec, TornadoNotes) {
    let locale = shown.locale;
    let t = |m: ToolsMsg| m.text(locale);
    let unit = tor.target.unit(r);
    let base = format::value(tor.base_value, &unit, shown);
    let (rows, table) = tornado_rows(r, tor, MAX_ROWS, shown);
    let spec = TornadoSpec {
        name: "tornado".into(),
        title: tornado_title(r, &tor.target, locale),
        description: fill(
            t(ToolsMsg::TornadoDesc),
            &[&base, &points_text(tor.points, locale)],
        ),
        rows,
        base: tor.base_value,
        base_label: fill(t(ToolsMsg::BaseLabel), &[&base]),
        unit,
        low_label: t(ToolsMsg::Low).into(),
        high_label: t(ToolsMsg::High).into(),
        at_limit: t(ToolsMsg::AtLimit).into(),
        table: TableData {
            caption: String::new(),
            corner: t(ToolsMsg::Assumption).into(),
            columns: vec![
                t(ToolsMsg::ColInputs).into(),
                t(ToolsMsg::ColLow).into(),
                t(ToolsMsg::ColHigh).into(),
                t(ToolsMsg::ColSwing).into(),
            ],
            rows: table,
        },
    };
    (spec, tornado_notes(r, tor, MAX_ROWS, locale))
}

/// The tornado chart and its notes: one chart kept while the sensitivity changes, so what the
/// reader did to it (hidden side, table shown) stays.
#[component]
fn TornadoPart(c: ToolsCtx) -> impl IntoView {
    let ToolsCtx {
        app,
        ctx,
        state,
        lang,
    } = c;
    let drawn = Memo::new(move |_| {
        state.sensitivity.with(|res| match res {
            Some(Ok(tor)) if !tor.rows.is_empty() => {
                Some(ctx.with(|r| ctx.shown(lang, |s| tornado_view(r, tor, s))))
            }
            _ => None,
        })
    });
    // The last tornado drawn stays while this part is being torn down.
    let spec = Memo::new(move |prev: Option<&Option<TornadoSpec>>| {
        drawn
            .with(|d| d.as_ref().map(|(s, _)| s.clone()))
            .or_else(|| prev.cloned().flatten())
    });
    let spec = Signal::derive(move || spec.get().unwrap_or_else(empty_tornado));
    let notes =
        Memo::new(move |_| drawn.with(|d| d.as_ref().map(|(_, n)| n.clone()).unwrap_or_default()));
    let note =
        move |pick: fn(&TornadoNotes) -> Option<String>| Memo::new(move |_| notes.with(pick));
    let (single, omitted, skipped) = (
        note(|n| n.single.clone()),
        note(|n| n.omitted.clone()),
        note(|n| n.skipped.clone()),
    );
    view! {
        {move || {
            single.get().map(|s| view! { <p class="help" data-testid="tornado-single">{s}</p> })
        }}
        <TornadoChart spec=spec narrow=app.narrow_layout locale=lang attr:data-testid="tornado" />
        {move || {
            omitted.get().map(|s| view! { <p class="help" data-testid="tornado-omitted">{s}</p> })
        }}
        {move || skipped.get().map(|s| view! { <p class="help">{s}</p> })}
    }
}

fn empty_tornado() -> TornadoSpec {
    TornadoSpec {
        name: "tornado".into(),
        title: String::new(),
        description: String::new(),
        rows: Vec::new(),
        base: 0.0,
        base_label: String::new(),
        unit: Unit::Number,
        low_label: String::new(),
        high_label: String::new(),
        at_limit: String::new(),
        table: TableData::default(),
    }
}

/// A labelled one-line number field with its message (an error, or a note about a correction).
#[component]
fn NumberField(
    id: &'static str,
    label: &'static str,
    #[prop(into)] value: Signal<String>,
    #[prop(into)] error: Signal<Option<String>>,
    #[prop(into)] note: Signal<Option<String>>,
    on_change: Callback<String>,
) -> impl IntoView {
    let msg_id = format!("{id}-msg");
    let note_only = Memo::new(move |_| error.with(Option::is_none) && note.with(Option::is_some));
    view! {
        <div class="control tools-field">
            <label for=id>{label}</label>
            <input
                type="text"
                inputmode="numeric"
                id=id
                data-testid=id
                class="assumption-field"
                aria-describedby=msg_id.clone()
                aria-invalid=move || error.with(Option::is_some).to_string()
                prop:value=move || value.get()
                on:change=move |ev| on_change.run(event_target_value(&ev))
            />
            <p
                class=move || if note_only.get() { "field-msg note" } else { "field-msg" }
                id=msg_id
                role="status"
            >
                {move || error.get().or_else(|| note.get()).unwrap_or_default()}
            </p>
        </div>
    }
}

#[component]
fn Uncertainty(c: ToolsCtx) -> impl IntoView {
    let ToolsCtx {
        ctx, state, lang, ..
    } = c;
    let running = Memo::new(move |_| state.mc_running.with(Option::is_some));
    let error_of = move |id: &'static str| {
        Signal::derive(move || state.errors.with(|e| e.get(id).map(|e| e.text(lang))))
    };
    let on_seed = Callback::new(move |typed: String| match parse_seed(&typed) {
        Some(v) => {
            state.set_error("mc-seed", None);
            state.mc_seed.set(v);
        }
        None => state.set_error("mc-seed", Some(FieldError::Seed(typed))),
    });
    let on_paths = Callback::new(move |typed: String| {
        match parse_typed(&typed).and_then(|v| Some((v, reader_paths(v)?))) {
            Some((v, (n, inside))) => {
                // Out of range: corrected in the field and used as shown, with a note (not an
                // error: the run goes ahead with the value the field now shows).
                state.set_error("mc-paths", None);
                state.mc_paths_note.set((!inside).then_some((v, n)));
                state.mc_paths.set(n);
            }
            None => state.set_error("mc-paths", Some(FieldError::NotANumber(typed))),
        }
    });
    let width = state.mc_width;
    let width_changed = Memo::new(move |_| (width.get() - WIDTH_RANGE.default).abs() > 1e-12);
    let measures = Memo::new(move |_| {
        state.resolved.with(|t| {
            let name = t
                .as_ref()
                .map(|t| ctx.with(|r| target_name(r, t, lang)))
                .unwrap_or_default();
            fill(c.t(ToolsMsg::McMeasures), &[&name])
        })
    });
    let progress = move || running.get().then(|| view! { <McProgress c=c /> });
    let has_result = Memo::new(move |_| state.mc_result.with(Option::is_some));
    let result = move || has_result.get().then(|| view! { <McResult c=c /> });
    view! {
        <section class="tools-uncertainty" aria-labelledby="mc-h">
            <h2 id="mc-h">{c.t(ToolsMsg::McTitle)}</h2>
            <p class="help">{c.t(ToolsMsg::McHelp)}</p>
            <p>{move || measures.get()}</p>
            <div class="controls-row tools-controls">
                <NumberField
                    id="mc-seed"
                    label=c.t(ToolsMsg::Seed)
                    value=Signal::derive(move || state.mc_seed.get().to_string())
                    error=error_of("mc-seed")
                    note=Signal::stored(None::<String>)
                    on_change=on_seed
                />
                <NumberField
                    id="mc-paths"
                    label=c.t(ToolsMsg::Paths)
                    // Grouped as the label's range is ("2,000" beside "100–20,000"); read back
                    // by `parse_typed`.
                    value=Signal::derive(move || format::number(f64::from(state.mc_paths.get()), 0))
                    error=error_of("mc-paths")
                    note=Signal::derive(move || {
                        state.mc_paths_note.get().map(|(v, n)| paths_clamped(v, n, lang))
                    })
                    on_change=on_paths
                />
                <div class="tools-points" data-testid="mc-width">
                    <AssumptionSlider
                        id="mc-width".to_string()
                        label=c.t(ToolsMsg::WidthLabel).to_string()
                        value=width
                        range=WIDTH_RANGE
                        kind=ValueKind::Number
                        changed=width_changed
                        locale=lang
                        on_change=Callback::new(move |v: f64| width.set(v))
                        value_text=Callback::new(move |v: f64| {
                            fill(ToolsMsg::WidthValue.text(lang), &[&format::number(v, 2)])
                        })
                    />
                </div>
                <div class="tools-run">
                    <button
                        class="primary"
                        data-testid="mc-run"
                        disabled=move || running.get()
                        on:click=move |_| start_run(ctx, state)
                    >
                        {c.t(ToolsMsg::Run)}
                    </button>
                </div>
            </div>
            {progress}
            {result}
        </section>
    }
}

/// A run's progress bar and cancel button: the only part a frame of the run redraws.
#[component]
fn McProgress(c: ToolsCtx) -> impl IntoView {
    let state = c.state;
    let done_total = Memo::new(move |_| {
        state
            .mc_running
            .with(|r| r.as_ref().map_or((0, 0), |(_, p)| (p.done, p.total)))
    });
    view! {
        <div class="mc-progress">
            <progress
                data-testid="mc-progress"
                value=move || done_total.get().0.to_string()
                max=move || done_total.get().1.to_string()
                aria-label=c.t(ToolsMsg::ProgressLabel)
            ></progress>
            <span class="mc-progress-text">
                {move || {
                    let (done, total) = done_total.get();
                    progress_text(done, total, c.lang)
                }}
            </span>
            <button class="link" data-testid="mc-cancel" on:click=move |_| cancel_run(state)>
                {c.t(ToolsMsg::Cancel)}
            </button>
        </div>
    }
}

/// What a finished run shows: the fan chart, what was asked, and the ranges sampled.
#[derive(Debug, Clone, PartialEq)]
struct FanView {
    spec: XySpec,
    meta: String,
    failed: Option<String>,
    ranges: TableData,
}

/// A finished run as the reader reads it; the chart's exports get the ranges as notes.
fn fan_view(r: &Report, job: &McJob, fan: &Fan, locale: Locale) -> FanView {
    let t = |m: ToolsMsg| m.text(locale);
    let unit = job.target.unit(r);
    let anchor = match job.target {
        Target::Projection(_) => None,
        _ => r.forecast.as_ref().map(|f| f64::from(f.anchor_year)),
    };
    // The fan is centred on the scenario: when it is not the published one, its own path is
    // what the median follows.
    let own = !job.scenario.is_published();
    let series = fan_series(
        fan,
        &FanLabels {
            band: t(ToolsMsg::Band),
            published: t(ToolsMsg::Published),
            median: t(ToolsMsg::Median),
            scenario: Msg::YourScenario.text(locale),
        },
        job.published.clone(),
        own.then(|| path_data(target_path(r, &job.target, &job.scenario))),
        anchor,
    );
    let x_title = match job.target {
        Target::Projection(_) => Msg::Period.text(locale),
        _ => Msg::YearAxis.text(locale),
    };
    let meta = seed_paths_text(job.seed, job.paths, locale);
    let caption = ranges_caption(job.width, locale);
    let (rows, notes) = range_rows(r, fan, job.width, locale);
    // The chart's SVG and PNG carry what the picture alone does not say.
    super::exports::set_chart_notes(
        "mc-fan",
        [meta.clone(), caption.clone()]
            .into_iter()
            .chain(notes)
            .collect(),
    );
    FanView {
        spec: XySpec {
            subtitle: None,
            name: "mc-fan".into(),
            title: fill(
                t(ToolsMsg::FanTitle),
                &[&target_name(r, &job.target, locale)],
            ),
            description: fill(
                t(if own {
                    ToolsMsg::FanDescScenario
                } else {
                    ToolsMsg::FanDesc
                }),
                &[&format::number(fan.count as f64, 0)],
            ),
            series,
            unit,
            x_title: x_title.into(),
            notes: Vec::new(),
            tall: false,
        },
        meta,
        failed: (fan.failed > 0)
            .then(|| fill(t(ToolsMsg::FailedPaths), &[&fan.failed.to_string()])),
        ranges: TableData {
            caption,
            corner: t(ToolsMsg::Assumption).into(),
            columns: vec![
                t(ToolsMsg::ColCentre).into(),
                t(ToolsMsg::ColRange).into(),
                t(ToolsMsg::ColBasis).into(),
            ],
            rows,
        },
    }
}

/// The last run's result, marked stale once the scenario, the target or the width moved on.
#[component]
fn McResult(c: ToolsCtx) -> impl IntoView {
    let ToolsCtx {
        ctx, state, lang, ..
    } = c;
    let stale = Memo::new(move |_| {
        state.mc_result.with(|res| {
            res.as_ref().is_some_and(|(job, _)| {
                state.resolved.with(|t| t.as_ref() != Some(&job.target))
                    || (job.width - state.mc_width.get()).abs() > 1e-12
                    || ctx.scenario.with(|s| *s != job.scenario)
            })
        })
    });
    let failed = Memo::new(move |_| {
        state.mc_result.with(|res| match res {
            Some((_, Err(e))) => Some(fill(ToolsMsg::Failed.text(lang), &[&mc_reason(e, lang)])),
            _ => None,
        })
    });
    let fan_shown = Memo::new(move |_| state.mc_result.with(|res| matches!(res, Some((_, Ok(_))))));
    let fan = move || fan_shown.get().then(|| view! { <FanPart c=c /> });
    view! {
        <Show when=move || stale.get()>
            <p class="notice mc-stale" role="status" data-testid="mc-stale">
                {c.t(ToolsMsg::Stale)}
            </p>
        </Show>
        {move || failed.get().map(|msg| view! { <p class="notice error">{msg}</p> })}
        {fan}
    }
}

/// The fan chart, the run's seed and paths, and the ranges table: one chart kept across runs,
/// so what the reader did to it (table shown, series hidden) stays.
#[component]
fn FanPart(c: ToolsCtx) -> impl IntoView {
    let ToolsCtx {
        app,
        ctx,
        state,
        lang,
    } = c;
    let view_of = Memo::new(move |prev: Option<&Option<FanView>>| {
        state
            .mc_result
            .with(|res| match res {
                Some((job, Ok(fan))) => Some(ctx.with(|r| fan_view(r, job, fan, lang))),
                _ => None,
            })
            .or_else(|| prev.cloned().flatten())
    });
    let spec = Signal::derive(move || {
        view_of
            .with(|v| v.as_ref().map(|v| v.spec.clone()))
            .unwrap_or_else(empty_fan)
    });
    let meta = Memo::new(move |_| view_of.with(|v| v.as_ref().map(|v| v.meta.clone())));
    let failed = Memo::new(move |_| view_of.with(|v| v.as_ref().and_then(|v| v.failed.clone())));
    let ranges = Memo::new(move |_| {
        view_of.with(|v| v.as_ref().map(|v| v.ranges.clone()).unwrap_or_default())
    });
    view! {
        <XyChart spec=spec narrow=app.narrow_layout locale=lang attr:data-testid="mc-result" />
        <p class="mc-meta" data-testid="mc-meta">
            {move || meta.get().unwrap_or_default()}
        </p>
        {move || failed.get().map(|s| view! { <p class="help">{s}</p> })}
        <div class="mc-ranges">
            <DataTableView data=ranges testid="mc-ranges" locale=lang />
        </div>
    }
}

fn empty_fan() -> XySpec {
    XySpec {
        name: "mc-fan".into(),
        title: String::new(),
        subtitle: None,
        description: String::new(),
        series: Vec::new(),
        unit: Unit::Number,
        x_title: String::new(),
        notes: Vec::new(),
        tall: false,
    }
}

/// A target's path as chart data.
fn path_data(path: Vec<(i32, f64, Provenance)>) -> Vec<Datum> {
    path.into_iter()
        .map(|(x, v, p)| Datum::new(f64::from(x), v, p))
        .collect()
}

fn start_run(ctx: ReportCtx, state: ToolsState) {
    let Some(target) = state.resolved.get_untracked() else {
        return;
    };
    let scenario = ctx.scenario.get_untracked();
    let (seed, paths, width) = (
        state.mc_seed.get_untracked(),
        state.mc_paths.get_untracked(),
        state.mc_width.get_untracked(),
    );
    let (run, published) = ctx.with(|r| {
        let options = McOptions {
            width,
            ..McOptions::for_target(r, target.clone())
        };
        (
            McRun::new(r, &scenario, seed, paths as usize, options),
            path_data(target_path(r, &target, &Scenario::published())),
        )
    });
    let token = state.mc_token.get_value().wrapping_add(1);
    state.mc_token.set_value(token);
    let job = McJob {
        id: token,
        scenario,
        target,
        seed,
        paths,
        width,
        published,
    };
    match run {
        Ok(run) => {
            let progress = run.progress();
            state.mc_run.set_value(Some(run));
            state.mc_running.set(Some((job, progress)));
            schedule(state, token);
        }
        Err(e) => {
            state.mc_run.set_value(None);
            state.mc_running.set(None);
            state.mc_result.set(Some((job, Err(e))));
        }
    }
}

fn cancel_run(state: ToolsState) {
    state.mc_token.update_value(|t| *t = t.wrapping_add(1));
    state.mc_run.set_value(None);
    state.mc_running.set(None);
}

/// Runs the next chunk on the next animation frame.
fn schedule(state: ToolsState, token: u64) {
    leptos::task::spawn_local(async move {
        crate::browser::timers::next_frame().await;
        frame(state, token);
    });
}

/// One frame of a run: up to [`CHUNK`] paths or [`FRAME_BUDGET_MS`], then the progress, or
/// the fan once every path has run. Stops quietly when the run was cancelled or replaced, or
/// the view is gone.
fn frame(state: ToolsState, token: u64) {
    if state.mc_token.try_get_value() != Some(token) {
        return;
    }
    let start = js_sys::Date::now();
    let stepped = state
        .mc_run
        .try_update_value(|slot| {
            let progress = {
                let run = slot.as_mut()?;
                let mut p = run.progress();
                let mut done = 0;
                while !p.is_finished() && done < CHUNK {
                    p = run.step(STEP);
                    done += STEP;
                    if js_sys::Date::now() - start > FRAME_BUDGET_MS {
                        break;
                    }
                }
                p
            };
            let result = if progress.is_finished() {
                slot.take().and_then(|run| run.result())
            } else {
                None
            };
            Some((progress, result))
        })
        .flatten();
    let Some((progress, result)) = stepped else {
        return;
    };
    if progress.is_finished() {
        let job = state
            .mc_running
            .try_get_untracked()
            .flatten()
            .map(|(job, _)| job);
        state.mc_running.try_set(None);
        if let (Some(job), Some(result)) = (job, result) {
            state.mc_result.try_set(Some((job, result)));
        }
    } else {
        state.mc_running.try_update(|r| {
            if let Some((_, p)) = r {
                *p = progress;
            }
        });
        schedule(state, token);
    }
}
