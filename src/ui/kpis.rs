//! KPI board of plan-type reports: the targets grouped by the plan's sections, the targets that
//! contradict each other between sections, and for each projection a growth projector (start,
//! rate and periods, bound to the scenario) with its chart and a goal-seek panel.

use super::charts::{xy_chart, Charts, XySpec};
use super::common::{badge, local, local_text, section};
use super::controls::{AssumptionInput, ValueKind};
use super::dom::{el, text_el, Dom, Node};
use super::state::{use_app, use_report, AppState, ReportCtx};
use crate::chart::series::projection_series;
use crate::domain::checks::{CheckKind, Severity};
use crate::domain::format::{self, pick, Locale};
use crate::domain::plan::{
    by_section, conflicting_targets, periods_range, projection_values, whole_periods, within,
    Projected, MAX_PERIODS, MIN_PERIODS,
};
use crate::domain::schema::{KpiTarget, LocalText, Projection, Provenance};
use crate::i18n::errors::engine_error;
use crate::i18n::kpis::{
    cad, count_text, horizon_text, on_time_text, periods_answer, periods_range_text,
    rate_range_text, rate_text, reach_text, target_text, target_value_text, unit_suffix,
    value_range_text, with_unit, Form, KpiMsg,
};
use crate::i18n::{checks::describe, fill, Message, Msg};
use leptos::prelude::*;
use std::collections::HashMap;

/// The board's own state: chart UI, messages under the inputs (by input id) and the number of
/// periods shown per projection (by projection id; absent = the projection's default).
#[derive(Clone, Copy)]
struct Board {
    charts: Charts,
    errors: RwSignal<HashMap<String, String>>,
    periods: RwSignal<HashMap<String, u32>>,
}

impl Board {
    fn error(&self, id: &str) -> Option<String> {
        self.errors.with(|m| m.get(id).cloned())
    }
    /// Records (or clears) the message under an input, notifying only on a change.
    fn set_error(&self, id: &str, error: Option<String>) {
        if self.errors.with_untracked(|m| m.get(id) != error.as_ref()) {
            self.errors.update(|m| match error {
                Some(e) => {
                    m.insert(id.to_string(), e);
                }
                None => {
                    m.remove(id);
                }
            });
        }
    }
}

#[component]
pub fn KpiBoard() -> impl IntoView {
    let app = use_app();
    let ctx = use_report();
    let board = Board {
        charts: Charts::new(),
        errors: RwSignal::new(HashMap::new()),
        periods: RwSignal::new(HashMap::new()),
    };
    view! { <Dom render=move || kpi_board(app, ctx, board)/> }
}

fn kpi_board(app: AppState, ctx: ReportCtx, board: Board) -> Vec<Node> {
    let locale = app.display_locale();
    let projections = ctx.with(|r| r.projections.clone());
    vec![el("div")
        .class("kpi-board")
        .child(targets(ctx, locale))
        .child(contradictions(ctx, locale))
        .children(
            projections
                .iter()
                .enumerate()
                .map(|(i, p)| projector(app, ctx, board, i, p).key(p.id.clone())),
        )
        .child_opt(super::exports::export_bar(
            app,
            ctx,
            super::exports::ViewData::Projections,
        ))]
}

fn targets(ctx: ReportCtx, locale: Locale) -> Node {
    let t = |m: KpiMsg| m.text(locale);
    let groups = ctx.with(|r| by_section(&r.kpis));
    // KPI ids that another section contradicts.
    let conflicting = ctx.checks.with(|cs| conflicting_targets(cs));
    let s = section("kpi-targets", "kpi-targets", Msg::KpiTargets.text(locale)).child(text_el(
        "p",
        "kpi-intro",
        t(KpiMsg::TargetsIntro),
    ));
    if groups.is_empty() {
        return s.child(text_el("p", "", t(KpiMsg::NoTargets)));
    }
    let head = el("tr").children(
        [
            KpiMsg::ColKpi,
            KpiMsg::ColTarget,
            KpiMsg::ColHorizon,
            KpiMsg::ColCadence,
            KpiMsg::ColSource,
        ]
        .into_iter()
        .map(|m| text_el("th", "", t(m)).attr("scope", "col")),
    );
    let row = |k: &KpiTarget| {
        let conflict = conflicting.contains(&k.id);
        let cell = |m: KpiMsg| el("td").attr("data-label", t(m));
        el("tr")
            .key(k.id.clone())
            .class(if conflict {
                "kpi-row kpi-conflict"
            } else {
                "kpi-row"
            })
            .testid("kpi-row")
            .attr("data-kpi", k.id.clone())
            .child(
                el("th")
                    .attr("scope", "row")
                    .child(local_text(&k.label, locale))
                    .child_opt(conflict.then(|| {
                        el("span").text(" ").child(text_el(
                            "span",
                            "kpi-flag",
                            t(KpiMsg::ConflictFlag),
                        ))
                    })),
            )
            .child(
                cell(KpiMsg::ColTarget)
                    .class("kpi-target")
                    .text(target_text(k, locale)),
            )
            .child(
                cell(KpiMsg::ColHorizon).text(
                    k.horizon
                        .map_or_else(|| "—".to_string(), |h| horizon_text(&h, locale)),
                ),
            )
            .child(
                cell(KpiMsg::ColCadence).text(k.cadence.map_or("—", |c| cad(Form::Per, c, locale))),
            )
            .child(cell(KpiMsg::ColSource).child(badge(k.provenance, locale)))
    };
    let bodies = groups.iter().enumerate().map(|(i, (section, kpis))| {
        el("tbody")
            .key(i.to_string())
            .class("kpi-section")
            .child(
                el("tr").class("kpi-section-row").child(
                    el("th")
                        .attr("scope", "rowgroup")
                        .attr("colspan", "5")
                        .child(local_text(section, locale)),
                ),
            )
            .children(kpis.iter().map(row))
    });
    s.child(
        crate::ui::common::table_scroll(locale).child(
            el("table")
                .class("kpi-table")
                .testid("kpi-table")
                .child(text_el("caption", "", t(KpiMsg::TargetsCaption)))
                .child(el("thead").child(head))
                .children(bodies),
        ),
    )
}

fn contradictions(ctx: ReportCtx, locale: Locale) -> Node {
    let t = |m: KpiMsg| m.text(locale);
    let checks = ctx.checks.get();
    let s = section(
        "kpi-contradictions",
        "kpi-contradictions",
        t(KpiMsg::Contradictions),
    );
    let items: Vec<Node> = checks
        .iter()
        .filter_map(|c| match &c.kind {
            CheckKind::ConflictingTargets { metric, targets } => Some((c, metric, targets)),
            _ => None,
        })
        .map(|(c, metric, targets)| {
            let values = targets.iter().enumerate().map(|(i, (id, value, section))| {
                let (text, prov) = ctx.with(|r| match r.kpis.iter().find(|k| k.id == *id) {
                    Some(k) => (target_value_text(k, *value, locale), k.provenance),
                    None => (format::number(*value, 2), Provenance::Reported),
                });
                el("li")
                    .key(format!("{i}-{id}"))
                    .child(text_el("strong", "kpi-conflict-value", text))
                    .text(" — ")
                    .child(local_text(section, locale))
                    .text(" ")
                    .child(badge(prov, locale))
            });
            el("li")
                .key(metric.clone())
                .class("check warning kpi-contradiction")
                .testid("kpi-contradiction")
                .attr("data-check", c.key)
                .child(el("p").text(ctx.with(|r| describe(c, r, locale))))
                .child(text_el("p", "kpi-values-h", t(KpiMsg::ValuesBySection)))
                .child(el("ul").class("kpi-conflict-values").children(values))
        })
        .collect();
    // What else the plan contradicts (a share against a level, a rating past its scale, a
    // claimed trend against the figures): the check's own words.
    let others = checks
        .iter()
        .enumerate()
        .filter(|(_, c)| {
            c.severity == Severity::Warning
                && !matches!(c.kind, CheckKind::ConflictingTargets { .. })
        })
        .map(|(i, c)| {
            el("li")
                .key(format!("check-{i}"))
                .class("check warning kpi-contradiction")
                .testid("kpi-contradiction")
                .attr("data-check", c.key)
                .child(el("p").text(ctx.with(|r| describe(c, r, locale))))
        });
    let items: Vec<Node> = items.into_iter().chain(others).collect();
    if items.is_empty() {
        s.child(text_el("p", "", t(KpiMsg::NoContradictions)))
    } else {
        s.child(
            el("ul")
                .class("check-list kpi-contradiction-list")
                .children(items),
        )
    }
}

fn prov_of(modified: bool) -> Provenance {
    if modified {
        Provenance::Scenario
    } else {
        Provenance::Assumption
    }
}

/// One input of a projector: the shared assumption control, in a wrapper that carries the
/// test id and says where the value comes from.
fn projector_input(
    control: AssumptionInput,
    testid: &'static str,
    source: Option<(&LocalText, Provenance)>,
    board: Board,
    locale: Locale,
    on_change: impl Fn(f64) + Clone + 'static,
) -> Node {
    let id = control.id.to_string();
    // The label's fallback note (the control's label is plain text) and the value's provenance.
    let source = source.map(|(label, p)| {
        let fallback = pick(label, locale).1.then(|| {
            text_el(
                "span",
                "fallback-note",
                format!("({}) ", Msg::TextInOtherLanguage.text(locale)),
            )
        });
        el("p")
            .class("kpi-input-source")
            .child_opt(fallback)
            .child(badge(p, locale))
    });
    el("div")
        .class("kpi-input")
        .testid(testid)
        .child(control.render(locale, on_change, move |e| board.set_error(&id, e)))
        .child_opt(source)
}

fn projector(
    app: AppState,
    ctx: ReportCtx,
    board: Board,
    index: usize,
    projection: &Projection,
) -> Node {
    let locale = app.display_locale();
    let t = |m: KpiMsg| m.text(locale);
    let found = ctx.with(|r| {
        let assumption = |id: &str| r.assumptions.iter().find(|a| a.id == id).cloned();
        Some((
            assumption(&projection.start)?,
            assumption(&projection.rate)?,
            r.kpis.iter().find(|k| k.id == projection.target).cloned()?,
        ))
    });
    let Some((start_a, rate_a, target)) = found else {
        return el("section")
            .class("kpi-projector")
            .testid("projector")
            .attr("data-projection", projection.id.clone())
            .child(el("h2").child(local_text(&projection.label, locale)))
            .child(text_el("p", "notice error", t(KpiMsg::ProjectorMissing)));
    };

    let cadence = projection.cadence;
    let pid = projection.id.clone();
    let default_periods = projection.periods.clamp(MIN_PERIODS, MAX_PERIODS);
    let periods = board
        .periods
        .with(|m| m.get(&pid).copied())
        .unwrap_or(default_periods);
    let (sr, rr) = (start_a.range, rate_a.range);
    let pr = periods_range(projection);
    let (start, rate, start_mod, rate_mod) = ctx.scenario.with(|s| {
        (
            s.value(&start_a.id, sr.default),
            s.value(&rate_a.id, rr.default),
            s.values.contains_key(&start_a.id),
            s.values.contains_key(&rate_a.id),
        )
    });
    let prov = prov_of(start_mod || rate_mod);
    let projected = Projected::new(start, rate, periods, target.value);

    // Input ids: the first projector's are "projector-start" etc. (fields `#projector-start-field`,
    // sliders `#projector-start-slider`); further projectors add their id to stay unique.
    let base = if index == 0 {
        "projector".to_string()
    } else {
        format!("projector-{pid}")
    };
    let (start_id, rate_id, periods_id) = (
        format!("{base}-start"),
        format!("{base}-rate"),
        format!("{base}-periods"),
    );

    let set_start = {
        let id = start_a.id.clone();
        move |v: f64| {
            ctx.scenario
                .update(|s| s.set(&id, v.clamp(sr.min, sr.max), sr.default))
        }
    };
    let set_rate = {
        let id = rate_a.id.clone();
        move |v: f64| {
            ctx.scenario
                .update(|s| s.set(&id, v.clamp(rr.min, rr.max), rr.default))
        }
    };
    let set_periods = {
        let pid = pid.clone();
        move |n: u32| {
            board.periods.update(|m| {
                m.insert(pid.clone(), n.clamp(MIN_PERIODS, MAX_PERIODS));
            })
        }
    };

    let start_text = format::value(start, &start_a.unit, locale);
    let rate_word = rate_text(rate, Some(cadence), false, locale);
    let periods_word = count_text(periods, cadence, locale);
    let target_word = target_text(&target, locale);
    let start_range_text = value_range_text(&sr, &start_a.unit, locale);
    let rate_range_text = rate_range_text(&rr, cadence, locale);
    let periods_range_text = periods_range_text(MIN_PERIODS, MAX_PERIODS, cadence, locale);

    // Inputs.
    let start_input = projector_input(
        AssumptionInput {
            id: &start_id,
            label: with_unit(
                local(&start_a.label, locale),
                &unit_suffix(&start_a.unit, locale),
                locale,
            ),
            value: start,
            range: sr,
            kind: ValueKind::Number,
            changed: start_mod,
            error: board.error(&start_id),
            value_text: Some(start_text.clone()),
        },
        "projector-start",
        Some((&start_a.label, prov_of(start_mod))),
        board,
        locale,
        set_start.clone(),
    );
    let rate_input = projector_input(
        AssumptionInput {
            id: &rate_id,
            label: with_unit(
                local(&rate_a.label, locale),
                cad(Form::Per, cadence, locale),
                locale,
            ),
            value: rate,
            range: rr,
            kind: ValueKind::Percent,
            changed: rate_mod,
            error: board.error(&rate_id),
            value_text: Some(rate_word.clone()),
        },
        "projector-rate",
        Some((&rate_a.label, prov_of(rate_mod))),
        board,
        locale,
        set_rate.clone(),
    );
    let periods_input = {
        let (periods_id2, set_periods) = (periods_id.clone(), set_periods.clone());
        let range_text = periods_range_text.clone();
        projector_input(
            AssumptionInput {
                id: &periods_id,
                label: with_unit(
                    t(KpiMsg::Periods).to_string(),
                    cad(Form::Units, cadence, locale),
                    locale,
                ),
                value: f64::from(periods),
                range: pr,
                kind: ValueKind::Number,
                changed: periods != default_periods,
                error: board.error(&periods_id),
                value_text: Some(periods_word.clone()),
            },
            "projector-periods",
            None,
            board,
            locale,
            move |v: f64| {
                // Whole periods only: a fraction is rounded and the reader told why.
                let (n, whole) = whole_periods(v);
                if !whole {
                    board.set_error(
                        &periods_id2,
                        Some(fill(KpiMsg::WholeNumbers.text(locale), &[&range_text])),
                    );
                }
                set_periods(n);
            },
        )
    };
    let reset = {
        let (sid, rid, pid) = (start_a.id.clone(), rate_a.id.clone(), pid.clone());
        let ids = [start_id.clone(), rate_id.clone(), periods_id.clone()];
        move || {
            ctx.scenario.update(|s| {
                s.set(&sid, sr.default, sr.default);
                s.set(&rid, rr.default, rr.default);
            });
            board.periods.update(|m| {
                m.remove(&pid);
            });
            for id in &ids {
                board.set_error(id, None);
            }
        }
    };
    let inputs = el("div")
        .class("kpi-inputs")
        .child(text_el("h3", "", t(KpiMsg::Inputs)))
        .child(start_input)
        .child(rate_input)
        .child(periods_input)
        .child(
            text_el("button", "link", t(KpiMsg::ResetProjector))
                .attr("type", "button")
                .testid("projector-reset")
                .on_click(reset),
        );

    // Results.
    let end_text = match &projected.values {
        Ok(v) => format::value(v.last().copied().unwrap_or(f64::NAN), &target.unit, locale),
        Err(e) => engine_error(e, locale),
    };
    let reach_text = reach_text(&projected.reach, periods, cadence, locale);
    // Against the plan's own horizon for the target, when the cadences convert.
    let horizon_note = target.horizon.and_then(|h| {
        let on_time = projected.on_time(&h, cadence)?;
        Some(on_time_text(on_time, &h, locale))
    });
    let results = el("div")
        .class("kpi-results")
        .child(text_el("h3", "", t(KpiMsg::Results)))
        .child(
            el("dl")
                .class("kpi-result-list")
                .child(text_el(
                    "dt",
                    "",
                    fill(t(KpiMsg::EndAfter), &[&periods_word]),
                ))
                .child(
                    el("dd")
                        .child(text_el("span", "kpi-big", end_text).testid("projection-end"))
                        .text(" ")
                        .child(badge(prov, locale)),
                )
                .child(text_el("dt", "", t(KpiMsg::ColTarget)))
                .child(
                    el("dd")
                        .child(text_el("span", "kpi-big", target_word.clone()))
                        .text(
                            target
                                .horizon
                                .map(|h| format!(" {}", horizon_text(&h, locale)))
                                .unwrap_or_default(),
                        )
                        .text(" ")
                        .child(badge(target.provenance, locale)),
                )
                .child(text_el("dt", "", t(KpiMsg::WhenReached)))
                .child(
                    el("dd")
                        .child(el("span").testid("projection-reach").text(reach_text))
                        .child_opt(horizon_note.map(|s| {
                            el("span")
                                .text(" ")
                                .child(text_el("span", "kpi-horizon-note", s))
                        })),
                ),
        );

    // Chart: the projection against the flat target line.
    let chart = xy_chart(
        board.charts,
        projection_spec(
            if index == 0 {
                "projection".to_string()
            } else {
                format!("projection-{pid}")
            },
            projection,
            &target,
            projected.values.as_deref().unwrap_or(&[]),
            prov,
            locale,
        ),
        app.narrow(),
        locale,
    );

    // Goal seek, with buttons that apply an answer the inputs allow.
    let goal_rate_ok = within(&projected.goal_rate, &rr);
    let goal_start_ok = within(&projected.goal_start, &sr);
    let rate_answer = match &projected.goal_rate {
        Ok(r) => rate_text(*r, Some(cadence), false, locale),
        Err(e) => engine_error(e, locale),
    };
    let rate_action = match (&projected.goal_rate, goal_rate_ok) {
        (Err(_), _) => None,
        (Ok(_), None) => Some(outside_range(&rate_range_text, locale)),
        (Ok(_), Some(r)) => {
            let rid = rate_id.clone();
            Some(apply_button(
                t(KpiMsg::UseRate),
                "goal-rate-apply",
                move || {
                    board.set_error(&rid, None);
                    set_rate(r);
                },
            ))
        }
    };
    let start_answer = match &projected.goal_start {
        Ok(s) => format::value(*s, &start_a.unit, locale),
        Err(e) => engine_error(e, locale),
    };
    let start_action = match (&projected.goal_start, goal_start_ok) {
        (Err(_), _) => None,
        (Ok(_), None) => Some(outside_range(&start_range_text, locale)),
        (Ok(_), Some(s)) => {
            let sid = start_id.clone();
            Some(apply_button(
                t(KpiMsg::UseStart),
                "goal-start-apply",
                move || {
                    board.set_error(&sid, None);
                    set_start(s);
                },
            ))
        }
    };
    let periods_answer = periods_answer(&projected.reach, cadence, locale);
    let goal_id = format!("kpi-goal-{pid}-h");
    let goal = el("section")
        .class("kpi-goal")
        .attr("aria-labelledby", goal_id.clone())
        .child(text_el("h3", "", fill(t(KpiMsg::GoalHeading), &[&target_word])).id(goal_id))
        .child(
            el("dl")
                .class("kpi-goal-list")
                .child(text_el(
                    "dt",
                    "",
                    fill(t(KpiMsg::GoalRateQ), &[&periods_word, &start_text]),
                ))
                .child(
                    el("dd")
                        .child(text_el("span", "kpi-big", rate_answer).testid("goal-rate"))
                        .text(" ")
                        .child(badge(prov_of(start_mod), locale))
                        .child_opt(rate_action),
                )
                .child(text_el(
                    "dt",
                    "",
                    fill(t(KpiMsg::GoalStartQ), &[&periods_word, &rate_word]),
                ))
                .child(
                    el("dd")
                        .child(text_el("span", "kpi-big", start_answer).testid("goal-start"))
                        .text(" ")
                        .child(badge(prov_of(rate_mod), locale))
                        .child_opt(start_action),
                )
                .child(text_el(
                    "dt",
                    "",
                    fill(t(KpiMsg::GoalPeriodsQ), &[&start_text, &rate_word]),
                ))
                .child(
                    el("dd")
                        .child(text_el("span", "kpi-big", periods_answer).testid("goal-periods"))
                        .text(" ")
                        .child(badge(prov, locale)),
                ),
        );

    let heading_id = format!("kpi-proj-{pid}-h");
    el("section")
        .class("kpi-projector")
        .testid("projector")
        .attr("data-projection", pid)
        .attr("aria-labelledby", heading_id.clone())
        .child(
            el("h2")
                .id(heading_id)
                .child(local_text(&projection.label, locale)),
        )
        .child(text_el("p", "kpi-intro", t(KpiMsg::ProjectorIntro)))
        .child(
            el("div")
                .class("kpi-projector-grid")
                .child(inputs)
                .child(results),
        )
        .child(chart)
        .child(goal)
}

/// A projection period by period (dashed) against its target (a flat line), with the notes
/// that say which is which. `values[i]` is the value after `i` periods.
#[allow(clippy::too_many_arguments)]
/// A projection against its target, as an x/y chart's spec.
fn projection_spec(
    name: String,
    projection: &Projection,
    target: &KpiTarget,
    values: &[f64],
    prov: Provenance,
    locale: Locale,
) -> XySpec {
    let t = |m: KpiMsg| m.text(locale);
    let plabel = local(&projection.label, locale);
    let series = projection_series(
        (
            plabel.clone(),
            fill(t(KpiMsg::TargetLine), &[&local(&target.label, locale)]),
        ),
        values,
        prov,
        (target.value, target.provenance),
    );
    let notes = vec![
        (t(KpiMsg::NoteProjection).to_string(), "g-dashed"),
        (t(KpiMsg::NoteTarget).to_string(), "g-solid"),
        (Msg::NoteReported.text(locale).to_string(), "g-reported"),
        (Msg::NoteScenario.text(locale).to_string(), "g-scenario"),
    ];
    let target_word = target_text(target, locale);
    XySpec {
        subtitle: None,
        name,
        title: plabel.clone(),
        description: fill(t(KpiMsg::ChartDesc), &[&plabel, &target_word]),
        series,
        unit: target.unit.clone(),
        x_title: cad(Form::Axis, projection.cadence, locale).to_string(),
        notes,
        tall: false,
    }
}

/// The plan's first projection as its overview shows it: at the reader's start and rate over
/// the plan's own periods, against the target.
pub fn plan_spec(ctx: ReportCtx, locale: Locale) -> Option<XySpec> {
    let (projection, start_a, rate_a, target) = ctx.with(|r| {
        let p = r.projections.first()?.clone();
        let assumption = |id: &str| r.assumptions.iter().find(|a| a.id == id).cloned();
        Some((
            p.clone(),
            assumption(&p.start)?,
            assumption(&p.rate)?,
            r.kpis.iter().find(|k| k.id == p.target).cloned()?,
        ))
    })?;
    let (start, rate, modified) = ctx.scenario.with(|s| {
        (
            s.value(&start_a.id, start_a.range.default),
            s.value(&rate_a.id, rate_a.range.default),
            s.values.contains_key(&start_a.id) || s.values.contains_key(&rate_a.id),
        )
    });
    let periods = projection.periods.clamp(MIN_PERIODS, MAX_PERIODS);
    let values = projection_values(start, rate, periods).ok()?;
    Some(projection_spec(
        "plan-projection".to_string(),
        &projection,
        &target,
        &values,
        prov_of(modified),
        locale,
    ))
}

/// " Outside the range the inputs allow (…)."
fn outside_range(range_text: &str, locale: Locale) -> Node {
    el("span").text(" ").child(text_el(
        "span",
        "kpi-horizon-note",
        fill(KpiMsg::OutsideRange.text(locale), &[range_text]),
    ))
}

/// " [Use this rate]"
fn apply_button(label: &str, testid: &'static str, f: impl Fn() + 'static) -> Node {
    el("span").text(" ").child(
        text_el("button", "link", label)
            .attr("type", "button")
            .testid(testid)
            .on_click(f),
    )
}
