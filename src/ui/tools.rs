//! Scenario power tools: sensitivity (tornado) and uncertainty (seeded Monte Carlo fan).
//!
//! - Sensitivity moves every assumption that can move the chosen value (the headline, a
//!   segment's end value of the dimension chosen in the view, or a plan's projection) down and
//!   up by N points around the reader's scenario, one at a time, and draws the end values as a
//!   tornado. It is a memo of the scenario, N and the target: cheap (~50 engine runs).
//! - Uncertainty samples those assumptions at random from a seed and draws the p10–p90 band,
//!   the median and the published path (and the scenario's own path when it is not the
//!   published one). Ranges are centred on the scenario's values, with widths from the report's
//!   evidence or stated defaults (`domain::engine::monte_carlo`) times a width the reader sets;
//!   a table under the chart lists them, and the chart's SVG and PNG exports carry them as
//!   notes. A run is split across animation frames (a chunk of at most [`CHUNK`] paths or
//!   [`FRAME_BUDGET_MS`] per frame), shows its progress and can be cancelled; the fan is marked
//!   stale once the scenario, the target or the width changes after it.

use super::charts::{data_table, tornado_chart, xy_chart, Charts, TableData, TornadoSpec, XySpec};
use super::common::{local, section};
use super::controls::{AssumptionInput, ValueKind};
use super::dom::{el, text_el, Ev, Node, On};
use super::segments::chosen_dimension_only;
use super::state::{AppState, ReportCtx};
use crate::chart::series::{fan_series, FanLabels};
use crate::chart::xy::Datum;
use crate::domain::engine::mc_input::{parse_seed, reader_paths};
use crate::domain::engine::monte_carlo::{
    Fan, McError, McOptions, McRun, Progress, DEFAULT_WIDTH, MAX_WIDTH, MIN_WIDTH,
};
use crate::domain::engine::sensitivity::{tornado, SensitivityError, Tornado};
use crate::domain::engine::target::{relevant_keys, target_path, Target};
use crate::domain::format::{self, parse_typed, Locale};
use crate::domain::scenario::Scenario;
use crate::domain::schema::{AssumptionRange, Provenance, Report};
use crate::i18n::errors::{mc_reason, sensitivity_reason};
use crate::i18n::tools::{
    input_name, paths_clamped, points_text, range_rows, seed_error, target_name, tornado_rows,
    tornado_title, ToolsMsg,
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
    /// What the paths field says after it corrected an out-of-range number.
    mc_paths_note: RwSignal<Option<String>>,
    /// Multiplier of the default range widths (see [`mc_width`]).
    pub mc_width: RwSignal<f64>,
    /// The run in progress, stepped frame by frame.
    pub mc_run: StoredValue<Option<McRun>>,
    /// The target in force: the chosen one while it exists, else the report's natural one.
    resolved: Memo<Option<Target>>,
    sensitivity: Memo<Option<Result<Tornado, SensitivityError>>>,
    /// Bumped by every start and cancel: a frame of an older run stops.
    mc_token: StoredValue<u64>,
    mc_running: RwSignal<Option<(McJob, Progress)>>,
    mc_result: RwSignal<Option<(McJob, Result<Fan, McError>)>>,
    /// Messages about what was typed, by field id.
    errors: RwSignal<HashMap<&'static str, String>>,
}

impl ToolsState {
    /// Call inside a report (it reads the app and report contexts).
    pub fn new() -> Self {
        let (app, ctx) = (use_context::<AppState>(), use_context::<ReportCtx>());
        // Seed, paths and points belong to the app: a shared link carries them.
        let tornado_points = app.map_or_else(|| RwSignal::new(0.02), |a| a.tornado_points);
        let target = RwSignal::new(None);
        let resolved = Memo::new(move |_| resolve_target(app?, ctx?, target.get()));
        let sensitivity = Memo::new(move |_| {
            let ctx = ctx?;
            let target = resolved.get()?;
            let points = tornado_points.get();
            Some(ctx.settled.with(|s| {
                ctx.with(|r| {
                    let keys = relevant_keys(r, &target);
                    tornado(r, s, &keys, points, &target)
                })
            }))
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

    fn set_error(&self, id: &'static str, error: Option<String>) {
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

/// The sections the Scenarios view shows after its own.
pub fn tools(app: AppState, ctx: ReportCtx, charts: Charts, state: ToolsState) -> Vec<Node> {
    let locale = app.display_locale();
    let Some(target) = state.resolved.get() else {
        return Vec::new();
    };
    vec![
        sensitivity(app, ctx, charts, state, &target, locale),
        uncertainty(app, ctx, charts, state, &target, locale),
    ]
}

fn target_picker(
    app: AppState,
    ctx: ReportCtx,
    state: ToolsState,
    current: &Target,
    locale: Locale,
) -> Node {
    let t = |m: ToolsMsg| m.text(locale);
    let now = current.key();
    let option = |target: Target, label: String| {
        let v = target.key();
        el("option")
            .key(v.clone())
            .attr_if(v == now, "selected", "")
            .attr("value", v)
            .text(label)
    };
    let dim = chosen_dimension_only(app, ctx);
    let mut options = Vec::new();
    ctx.with(|r| {
        if r.forecast.is_some() {
            options.push(option(
                Target::Headline,
                target_name(r, &Target::Headline, locale),
            ));
            if let Some(d) = &dim {
                options.push(
                    el("optgroup")
                        .key(format!("g-{}", d.id))
                        .attr(
                            "label",
                            fill(t(ToolsMsg::SegmentGroup), &[&local(&d.name, locale)]),
                        )
                        .children(d.members.iter().map(|m| {
                            option(
                                Target::Segment {
                                    dimension: d.id.clone(),
                                    member: m.id.clone(),
                                },
                                local(&m.name, locale),
                            )
                        })),
                );
            }
        }
        for p in &r.projections {
            options.push(option(
                Target::Projection(p.id.clone()),
                local(&p.label, locale),
            ));
        }
    });
    el("label")
        .class("control")
        .child(text_el("span", "", t(ToolsMsg::TargetLabel)))
        .child(
            el("select")
                .testid("tools-target")
                .prop("value", now)
                .on(On::Change, move |ev: &Ev| {
                    if let Some(target) = Target::from_key(&ev.value) {
                        state.target.set(Some(target));
                    }
                })
                .children(options),
        )
}

fn sensitivity(
    app: AppState,
    ctx: ReportCtx,
    charts: Charts,
    state: ToolsState,
    target: &Target,
    locale: Locale,
) -> Node {
    let t = |m: ToolsMsg| m.text(locale);
    let points = state.tornado_points.get();
    let points_text = points_text(points, locale);
    let points_input = AssumptionInput {
        id: "tornado-points",
        label: t(ToolsMsg::PointsLabel).into(),
        value: points,
        range: POINTS_RANGE,
        kind: ValueKind::Percent,
        changed: (points - POINTS_RANGE.default).abs() > 1e-12,
        error: state.errors.with(|e| e.get("tornado-points").cloned()),
        value_text: Some(points_text.clone()),
    }
    .render(
        locale,
        move |v| state.tornado_points.set(v),
        move |e| state.set_error("tornado-points", e),
    );
    let mut s = section("tools-sensitivity", "sens", t(ToolsMsg::SensTitle))
        .child(text_el("p", "help", t(ToolsMsg::SensHelp)))
        .child(
            el("div")
                .class("controls-row tools-controls")
                .child(
                    el("div")
                        .class("tools-points")
                        .testid("tornado-points")
                        .child(points_input),
                )
                .child(target_picker(app, ctx, state, target, locale)),
        );
    let body = state.sensitivity.with(|res| match res {
        None => Vec::new(),
        Some(Err(e)) => vec![text_el(
            "p",
            "notice error",
            fill(t(ToolsMsg::Failed), &[&sensitivity_reason(e, locale)]),
        )],
        Some(Ok(tor)) => ctx.with(|r| tornado_nodes(app, charts, r, tor, &points_text, locale)),
    });
    s = s.children(body);
    s
}

fn tornado_nodes(
    app: AppState,
    charts: Charts,
    r: &Report,
    tor: &Tornado,
    points_text: &str,
    locale: Locale,
) -> Vec<Node> {
    let t = |m: ToolsMsg| m.text(locale);
    if tor.rows.is_empty() {
        return vec![text_el("p", "help", t(ToolsMsg::NoRows))];
    }
    let unit = tor.target.unit(r);
    let value = |v: f64| format::value(v, &unit, locale);
    let (rows, table) = tornado_rows(r, tor, MAX_ROWS, locale);
    let omitted = tor.rows.len() - rows.len();
    let title = tornado_title(r, &tor.target, locale);
    let base = value(tor.base_value);
    let chart = tornado_chart(
        charts,
        TornadoSpec {
            name: "tornado".into(),
            title,
            description: fill(t(ToolsMsg::TornadoDesc), &[&base, points_text]),
            rows,
            base: tor.base_value,
            base_label: fill(t(ToolsMsg::BaseLabel), &[&base]),
            unit: unit.clone(),
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
        },
        app.narrow(),
        locale,
    )
    .testid("tornado");
    // One row is no ranking: say why the chart has a single bar pair.
    let single = (tor.rows.len() == 1).then(|| {
        text_el(
            "p",
            "help",
            fill(
                t(ToolsMsg::SingleAssumption),
                &[
                    &target_name(r, &tor.target, locale),
                    &input_name(r, &tor.rows[0].key, locale),
                ],
            ),
        )
        .testid("tornado-single")
    });
    vec![
        single,
        Some(chart),
        (omitted > 0).then(|| {
            text_el(
                "p",
                "help",
                fill(t(ToolsMsg::Omitted), &[&omitted.to_string()]),
            )
            .testid("tornado-omitted")
        }),
        (!tor.skipped.is_empty()).then(|| {
            text_el(
                "p",
                "help",
                fill(t(ToolsMsg::Skipped), &[&tor.skipped.len().to_string()]),
            )
        }),
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// A labelled one-line number field with its message.
fn number_field(
    id: &'static str,
    label: &str,
    value: String,
    (error, note): (Option<String>, Option<String>),
    on_change: impl Fn(&Ev) + 'static,
) -> Node {
    let msg_id = format!("{id}-msg");
    el("div")
        .class("control tools-field")
        .child(el("label").attr("for", id).text(label))
        .child(
            el("input")
                .attr("type", "text")
                .attr("inputmode", "numeric")
                .id(id)
                .attr("data-testid", id)
                .class("assumption-field")
                .attr("aria-describedby", msg_id.clone())
                .attr("aria-invalid", error.is_some().to_string())
                .prop("value", value)
                .on(On::Change, on_change),
        )
        .child(
            el("p")
                .class(if error.is_none() && note.is_some() {
                    "field-msg note"
                } else {
                    "field-msg"
                })
                .id(msg_id)
                .attr("role", "status")
                .text(error.or(note).unwrap_or_default()),
        )
}

fn uncertainty(
    app: AppState,
    ctx: ReportCtx,
    charts: Charts,
    state: ToolsState,
    target: &Target,
    locale: Locale,
) -> Node {
    let t = |m: ToolsMsg| m.text(locale);
    let running = state.mc_running.get();
    let errors = state.errors.get();
    let seed = number_field(
        "mc-seed",
        t(ToolsMsg::Seed),
        state.mc_seed.get().to_string(),
        (errors.get("mc-seed").cloned(), None),
        move |ev: &Ev| match parse_seed(&ev.value) {
            Some(v) => {
                state.set_error("mc-seed", None);
                state.mc_seed.set(v);
            }
            None => state.set_error("mc-seed", Some(seed_error(&ev.value, locale))),
        },
    );
    let paths = number_field(
        "mc-paths",
        t(ToolsMsg::Paths),
        state.mc_paths.get().to_string(),
        (errors.get("mc-paths").cloned(), state.mc_paths_note.get()),
        move |ev: &Ev| match parse_typed(&ev.value).and_then(|v| Some((v, reader_paths(v)?))) {
            Some((v, (n, inside))) => {
                // Out of range: corrected in the field and used as shown, with a note (not an
                // error: the run goes ahead with the value the field now shows).
                state.set_error("mc-paths", None);
                state
                    .mc_paths_note
                    .set((!inside).then(|| paths_clamped(v, n, locale)));
                state.mc_paths.set(n);
            }
            None => state.set_error(
                "mc-paths",
                Some(format!(
                    "{} “{}”",
                    Msg::NotANumber.text(locale),
                    ev.value.trim()
                )),
            ),
        },
    );
    let width = state.mc_width.get();
    let width_input = AssumptionInput {
        id: "mc-width",
        label: t(ToolsMsg::WidthLabel).into(),
        value: width,
        range: WIDTH_RANGE,
        kind: ValueKind::Number,
        changed: (width - WIDTH_RANGE.default).abs() > 1e-12,
        error: errors.get("mc-width").cloned(),
        value_text: Some(fill(t(ToolsMsg::WidthValue), &[&format::number(width, 2)])),
    }
    .render(
        locale,
        move |v| state.mc_width.set(v),
        move |e| state.set_error("mc-width", e),
    );
    let run = text_el("button", "primary", t(ToolsMsg::Run))
        .testid("mc-run")
        .attr_if(running.is_some(), "disabled", "")
        .on_click(move || start_run(ctx, state));
    let controls = el("div")
        .class("controls-row tools-controls")
        .child(seed)
        .child(paths)
        .child(
            el("div")
                .class("tools-points")
                .testid("mc-width")
                .child(width_input),
        )
        .child(el("div").class("tools-run").child(run));
    let progress = running.map(|(_, p)| {
        el("div")
            .class("mc-progress")
            .child(
                el("progress")
                    .testid("mc-progress")
                    .attr("value", p.done.to_string())
                    .attr("max", p.total.to_string())
                    .attr("aria-label", t(ToolsMsg::ProgressLabel)),
            )
            .child(text_el(
                "span",
                "mc-progress-text",
                fill(
                    t(ToolsMsg::ProgressText),
                    &[
                        &format::number(p.done as f64, 0),
                        &format::number(p.total as f64, 0),
                    ],
                ),
            ))
            .child(
                text_el("button", "link", t(ToolsMsg::Cancel))
                    .testid("mc-cancel")
                    .on_click(move || cancel_run(state)),
            )
    });
    let measures = ctx.with(|r| fill(t(ToolsMsg::McMeasures), &[&target_name(r, target, locale)]));
    let result = state.mc_result.with(|res| {
        res.as_ref()
            .map(|(job, fan)| fan_nodes(app, ctx, charts, job, fan, (target, width), locale))
            .unwrap_or_default()
    });
    section("tools-uncertainty", "mc", t(ToolsMsg::McTitle))
        .child(text_el("p", "help", t(ToolsMsg::McHelp)))
        .child(text_el("p", "", measures))
        .child(controls)
        .child_opt(progress)
        .children(result)
}

fn fan_nodes(
    app: AppState,
    ctx: ReportCtx,
    charts: Charts,
    job: &McJob,
    fan: &Result<Fan, McError>,
    (target, width): (&Target, f64),
    locale: Locale,
) -> Vec<Node> {
    let t = |m: ToolsMsg| m.text(locale);
    let stale = job.target != *target
        || (job.width - width).abs() > 1e-12
        || ctx.scenario.with(|s| *s != job.scenario);
    let mut out = Vec::new();
    if stale {
        out.push(
            text_el("p", "notice mc-stale", t(ToolsMsg::Stale))
                .attr("role", "status")
                .testid("mc-stale"),
        );
    }
    let fan = match fan {
        Ok(fan) => fan,
        Err(e) => {
            out.push(text_el(
                "p",
                "notice error",
                fill(t(ToolsMsg::Failed), &[&mc_reason(e, locale)]),
            ));
            return out;
        }
    };
    ctx.with(|r| {
        let unit = job.target.unit(r);
        let anchor = match job.target {
            Target::Projection(_) => None,
            _ => r.forecast.as_ref().map(|f| f64::from(f.anchor_year)),
        };
        // The fan is centred on the scenario: when it is not the published one, its own path
        // is what the median follows.
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
        let meta = fill(
            t(ToolsMsg::SeedPaths),
            &[
                &job.seed.to_string(),
                &format::number(f64::from(job.paths), 0),
            ],
        );
        let caption = fill(t(ToolsMsg::RangesCaption), &[&format::number(job.width, 2)]);
        let (rows, notes) = range_rows(r, fan, job.width, locale);
        // The chart's SVG and PNG carry what the picture alone does not say.
        super::exports::set_chart_notes(
            "mc-fan",
            [meta.clone(), caption.clone()]
                .into_iter()
                .chain(notes)
                .collect(),
        );
        out.push(
            xy_chart(
                charts,
                XySpec {
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
                app.narrow(),
                locale,
            )
            .testid("mc-result"),
        );
        out.push(text_el("p", "mc-meta", meta).testid("mc-meta"));
        if fan.failed > 0 {
            out.push(text_el(
                "p",
                "help",
                fill(t(ToolsMsg::FailedPaths), &[&fan.failed.to_string()]),
            ));
        }
        out.push(el("div").class("mc-ranges").child(data_table(
            &TableData {
                caption,
                corner: t(ToolsMsg::Assumption).into(),
                columns: vec![
                    t(ToolsMsg::ColCentre).into(),
                    t(ToolsMsg::ColRange).into(),
                    t(ToolsMsg::ColBasis).into(),
                ],
                rows,
            },
            "mc-ranges",
            locale,
        )));
    });
    out
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
