//! KPI board of plan-type reports: the targets grouped by the plan's sections, the targets that
//! contradict each other between sections, and for each projection a growth projector (start,
//! rate and periods, bound to the scenario) with its chart and a goal-seek panel.
//!
//! The board is rebuilt on a change of language (every text in it is plain); the periods the
//! reader chose live above it and survive that. Each projector's inputs are their own
//! controls: typing in one moves its results, chart and goal seek, nothing else. Figures in
//! money read the report's conversion, so a new rate rewrites them and nothing else.

use super::charts::{XyChart, XySpec};
use super::common::{local, local_view, Badge, Section, TableScroll};
use super::controls::ValueKind;
use super::exports::{ExportBar, ViewData};
use super::slider::AssumptionSlider;
use super::state::{use_app, use_report, AppState, ReportCtx};
use crate::chart::series::projection_series;
use crate::domain::format::{self, pick, Locale, Shown};
use crate::domain::plan::{
    by_section, conflicting_targets, periods_range, projection_parts, projection_values,
    whole_periods, within, Projected, MAX_PERIODS, MIN_PERIODS,
};
use crate::domain::schema::{AssumptionRange, KpiTarget, LocalText, Projection, Provenance};
use crate::i18n::kpis::{
    cad, contradictions, count_text, end_text, goal_rate_text, goal_start_text, horizon_text,
    on_time_text, periods_answer, periods_range_text, rate_range_text, rate_text, reach_text,
    target_text, unit_suffix, value_range_text, with_unit, Contradiction, Form, KpiMsg,
};
use crate::i18n::{fill, sentence_gap, Message, Msg};
use leptos::prelude::*;
use std::collections::HashMap;
use std::sync::Arc;

#[component]
pub fn KpiBoard() -> impl IntoView {
    let app = use_app();
    let ctx = use_report();
    // The number of periods shown per projection (by id; absent = the projection's default).
    let periods = RwSignal::new(HashMap::<String, u32>::new());
    let body = move || {
        let lang = app.locale.get();
        let projectors = ctx
            .with(|r| r.projections.clone())
            .into_iter()
            .enumerate()
            .map(|(i, p)| projector(app, ctx, periods, i, p, lang))
            .collect_view();
        view! {
            <div class="kpi-board">
                {targets(ctx, lang)}
                {contradiction_list(ctx, lang)}
                {projectors}
                <ExportBar data=ViewData::Projections />
            </div>
        }
    };
    view! { <div class="view-body">{body}</div> }
}

fn targets(ctx: ReportCtx, lang: Locale) -> impl IntoView {
    let t = move |m: KpiMsg| m.text(lang);
    let groups = ctx.with(|r| by_section(&r.kpis));
    let body = if groups.is_empty() {
        view! { <p>{t(KpiMsg::NoTargets)}</p> }.into_any()
    } else {
        // KPI ids that another section contradicts.
        let conflicting = Memo::new(move |_| ctx.checks.with(|cs| conflicting_targets(cs)));
        let heads = [
            KpiMsg::ColKpi,
            KpiMsg::ColTarget,
            KpiMsg::ColHorizon,
            KpiMsg::ColCadence,
            KpiMsg::ColSource,
        ]
        .map(|m| view! { <th scope="col">{t(m)}</th> });
        let bodies = groups
            .into_iter()
            .map(|(section, kpis)| {
                let rows = kpis
                    .iter()
                    .map(|k| target_row(ctx, k, conflicting, lang))
                    .collect_view();
                view! {
                    <tbody class="kpi-section">
                        <tr class="kpi-section-row">
                            <th scope="rowgroup" colspan="5">
                                {local_view(&section, lang)}
                            </th>
                        </tr>
                        {rows}
                    </tbody>
                }
            })
            .collect_view();
        view! {
            <TableScroll locale=lang>
                <table class="kpi-table" data-testid="kpi-table">
                    <caption>{t(KpiMsg::TargetsCaption)}</caption>
                    <thead>
                        <tr>{heads}</tr>
                    </thead>
                    {bodies}
                </table>
            </TableScroll>
        }
        .into_any()
    };
    view! {
        <Section class="kpi-targets" id="kpi-targets" heading=Msg::KpiTargets.text(lang)>
            <p class="kpi-intro">{t(KpiMsg::TargetsIntro)}</p>
            {body}
        </Section>
    }
}

fn target_row(
    ctx: ReportCtx,
    k: &KpiTarget,
    conflicting: Memo<Vec<String>>,
    lang: Locale,
) -> impl IntoView {
    let t = move |m: KpiMsg| m.text(lang);
    let conflict = {
        let id = k.id.clone();
        Memo::new(move |_| conflicting.with(|c| c.contains(&id)))
    };
    let flag = move || {
        conflict.get().then(|| {
            view! {
                <span>" "<span class="kpi-flag">{t(KpiMsg::ConflictFlag)}</span></span>
            }
        })
    };
    let horizon = k
        .horizon
        .map_or_else(|| "—".to_string(), |h| horizon_text(&h, lang));
    let target = {
        let k = k.clone();
        move || ctx.shown(lang, |s| target_text(&k, s))
    };
    view! {
        <tr
            class=move || if conflict.get() { "kpi-row kpi-conflict" } else { "kpi-row" }
            data-testid="kpi-row"
            data-kpi=k.id.clone()
        >
            <th scope="row">{local_view(&k.label, lang)}{flag}</th>
            <td data-label=t(KpiMsg::ColTarget) class="kpi-target">
                {target}
            </td>
            <td data-label=t(KpiMsg::ColHorizon)>{horizon}</td>
            <td data-label=t(KpiMsg::ColCadence)>
                {k.cadence.map_or("—", |c| cad(Form::Per, c, lang))}
            </td>
            <td data-label=t(KpiMsg::ColSource)>
                <Badge of=k.provenance locale=lang />
            </td>
        </tr>
    }
}

/// What the plan contradicts, following the checks (they follow the scenario).
fn contradiction_list(ctx: ReportCtx, lang: Locale) -> impl IntoView {
    let t = move |m: KpiMsg| m.text(lang);
    let found = Memo::new(move |_| {
        ctx.checks
            .with(|cs| ctx.with(|r| ctx.shown(lang, |s| contradictions(cs, r, s))))
            .into_iter()
            .enumerate()
            .collect::<Vec<_>>()
    });
    let none = Memo::new(move |_| found.with(Vec::is_empty));
    let item = move |(_, c): (usize, Contradiction)| {
        let values = (!c.values.is_empty()).then(|| {
            let values = c
                .values
                .iter()
                .map(|v| {
                    view! {
                        <li>
                            <strong class="kpi-conflict-value">{v.value.clone()}</strong>
                            " — "
                            {local_view(&v.section, lang)}
                            " "
                            <Badge of=v.provenance locale=lang />
                        </li>
                    }
                })
                .collect_view();
            view! {
                <p class="kpi-values-h">{t(KpiMsg::ValuesBySection)}</p>
                <ul class="kpi-conflict-values">{values}</ul>
            }
        });
        view! {
            <li
                class="check warning kpi-contradiction"
                data-testid="kpi-contradiction"
                data-check=c.check
            >
                <p>{c.text}</p>
                {values}
            </li>
        }
    };
    view! {
        <Section
            class="kpi-contradictions"
            id="kpi-contradictions"
            heading=t(KpiMsg::Contradictions)
        >
            <Show
                when=move || none.get()
                fallback=move || {
                    view! {
                        <ul class="check-list kpi-contradiction-list">
                            // Keyed by place and words: a contradiction that changed is drawn anew.
                            <For
                                each=move || found.get()
                                key=|(i, c)| {
                                    (
                                        *i,
                                        c.text.clone(),
                                        c.values.iter().map(|v| v.value.clone()).collect::<Vec<_>>(),
                                    )
                                }
                                children=item
                            />
                        </ul>
                    }
                }
            >
                <p>{t(KpiMsg::NoContradictions)}</p>
            </Show>
        </Section>
    }
}

fn prov_of(modified: bool) -> Provenance {
    if modified {
        Provenance::Scenario
    } else {
        Provenance::Assumption
    }
}

/// One input of a projector: the shared slider control, in a wrapper that carries the test id
/// and, under it, where the value comes from (and a note when its label is in another
/// language).
#[component]
fn ProjectorInput(
    testid: &'static str,
    source: Option<(LocalText, Signal<Provenance>)>,
    lang: Locale,
    children: Children,
) -> impl IntoView {
    let source = source.map(|(label, provenance)| {
        let fallback = pick(&label, lang).1.then(|| {
            view! {
                <span class="fallback-note">
                    {format!("({}) ", Msg::TextInOtherLanguage.text(lang))}
                </span>
            }
        });
        view! {
            <p class="kpi-input-source">{fallback}<Badge of=provenance locale=lang /></p>
        }
    });
    view! {
        <div class="kpi-input" data-testid=testid>
            {children()}
            {source}
        </div>
    }
}

fn projector(
    app: AppState,
    ctx: ReportCtx,
    board_periods: RwSignal<HashMap<String, u32>>,
    index: usize,
    projection: Projection,
    lang: Locale,
) -> AnyView {
    let t = move |m: KpiMsg| m.text(lang);
    let Some((start_a, rate_a, target)) = ctx.with(|r| projection_parts(r, &projection)) else {
        return view! {
            <section class="kpi-projector" data-testid="projector" data-projection=projection.id>
                <h2>{local_view(&projection.label, lang)}</h2>
                <p class="notice error">{t(KpiMsg::ProjectorMissing)}</p>
            </section>
        }
        .into_any();
    };
    let cadence = projection.cadence;
    let pid = projection.id.clone();
    let default_periods = projection.periods.clamp(MIN_PERIODS, MAX_PERIODS);
    let (sr, rr) = (start_a.range, rate_a.range);

    // Inputs in force, each a signal of its own.
    let start = {
        let id = start_a.id.clone();
        Memo::new(move |_| ctx.scenario.with(|s| s.value(&id, sr.default)))
    };
    let rate = {
        let id = rate_a.id.clone();
        Memo::new(move |_| ctx.scenario.with(|s| s.value(&id, rr.default)))
    };
    let start_mod = {
        let id = start_a.id.clone();
        Memo::new(move |_| ctx.scenario.with(|s| s.values.contains_key(&id)))
    };
    let rate_mod = {
        let id = rate_a.id.clone();
        Memo::new(move |_| ctx.scenario.with(|s| s.values.contains_key(&id)))
    };
    let periods = {
        let pid = pid.clone();
        Memo::new(move |_| {
            board_periods
                .with(|m| m.get(&pid).copied())
                .unwrap_or(default_periods)
        })
    };
    let prov = Memo::new(move |_| prov_of(start_mod.get() || rate_mod.get()));
    let target_value = target.value;
    let projected = Memo::new(move |_| {
        Arc::new(Projected::new(
            start.get(),
            rate.get(),
            periods.get(),
            target_value,
        ))
    });

    // Input ids: the first projector's are "projector-start" etc. (fields `#projector-start-field`,
    // sliders `#projector-start-slider`); further projectors add their id to stay unique.
    let base = if index == 0 {
        "projector".to_string()
    } else {
        format!("projector-{pid}")
    };
    let (start_err, rate_err, periods_err) = (
        RwSignal::new(None::<String>),
        RwSignal::new(None::<String>),
        RwSignal::new(None::<String>),
    );
    let set_start = {
        let id = start_a.id.clone();
        Callback::new(move |v: f64| {
            ctx.scenario
                .update(|s| s.set(&id, v.clamp(sr.min, sr.max), sr.default))
        })
    };
    let set_rate = {
        let id = rate_a.id.clone();
        Callback::new(move |v: f64| {
            ctx.scenario
                .update(|s| s.set(&id, v.clamp(rr.min, rr.max), rr.default))
        })
    };
    let periods_range_words = periods_range_text(MIN_PERIODS, MAX_PERIODS, cadence, lang);
    let set_periods = {
        let pid = pid.clone();
        Callback::new(move |v: f64| {
            // Whole periods only: a fraction is rounded and the reader told why.
            let (n, whole) = whole_periods(v);
            if !whole {
                periods_err.set(Some(fill(
                    KpiMsg::WholeNumbers.text(lang),
                    &[&periods_range_words],
                )));
            }
            board_periods.update(|m| {
                m.insert(pid.clone(), n.clamp(MIN_PERIODS, MAX_PERIODS));
            });
        })
    };

    // What the inputs read as, for the sliders and the goal seek's questions.
    let start_unit = Arc::new(start_a.unit.clone());
    let start_text = {
        let unit = start_unit.clone();
        Memo::new(move |_| ctx.shown(lang, |s| format::value(start.get(), &unit, s)))
    };
    let rate_word = Memo::new(move |_| rate_text(rate.get(), Some(cadence), false, lang));
    let periods_word = Memo::new(move |_| count_text(periods.get(), cadence, lang));

    let (start_id, rate_id, periods_id) = (
        format!("{base}-start"),
        format!("{base}-rate"),
        format!("{base}-periods"),
    );
    let start_label = with_unit(
        local(&start_a.label, lang),
        &unit_suffix(&start_a.unit, lang),
        lang,
    );
    let rate_label = with_unit(
        local(&rate_a.label, lang),
        cad(Form::Per, cadence, lang),
        lang,
    );
    let periods_label = with_unit(
        t(KpiMsg::Periods).to_string(),
        cad(Form::Units, cadence, lang),
        lang,
    );
    let pr = periods_range(&projection);
    let start_input = view! {
        <ProjectorInput
            testid="projector-start"
            source=Some((start_a.label.clone(), Signal::derive(move || prov_of(start_mod.get()))))
            lang=lang
        >
            <AssumptionSlider
                id=start_id
                label=start_label
                value=start
                range=sr
                kind=ValueKind::Number
                changed=start_mod
                locale=lang
                on_change=set_start
                error=start_err
                value_text=Callback::new(move |_| start_text.get())
            />
        </ProjectorInput>
    };
    let rate_input = view! {
        <ProjectorInput
            testid="projector-rate"
            source=Some((rate_a.label.clone(), Signal::derive(move || prov_of(rate_mod.get()))))
            lang=lang
        >
            <AssumptionSlider
                id=rate_id
                label=rate_label
                value=rate
                range=rr
                kind=ValueKind::Percent
                changed=rate_mod
                locale=lang
                on_change=set_rate
                error=rate_err
                value_text=Callback::new(move |_| rate_word.get())
            />
        </ProjectorInput>
    };
    let periods_input = view! {
        <ProjectorInput testid="projector-periods" source=None lang=lang>
            <AssumptionSlider
                id=periods_id
                label=periods_label
                value=Signal::derive(move || f64::from(periods.get()))
                range=pr
                kind=ValueKind::Number
                changed=Signal::derive(move || periods.get() != default_periods)
                locale=lang
                on_change=set_periods
                error=periods_err
                value_text=Callback::new(move |_| periods_word.get())
            />
        </ProjectorInput>
    };
    let reset = {
        let (sid, rid, pid) = (start_a.id.clone(), rate_a.id.clone(), pid.clone());
        move |_| {
            ctx.scenario.update(|s| {
                s.set(&sid, sr.default, sr.default);
                s.set(&rid, rr.default, rr.default);
            });
            board_periods.update(|m| {
                m.remove(&pid);
            });
            for e in [start_err, rate_err, periods_err] {
                e.set(None);
            }
        }
    };
    let inputs = view! {
        <div class="kpi-inputs">
            <h3>{t(KpiMsg::Inputs)}</h3>
            {start_input}
            {rate_input}
            {periods_input}
            <button type="button" class="link" data-testid="projector-reset" on:click=reset>
                {t(KpiMsg::ResetProjector)}
            </button>
        </div>
    };

    // Results.
    let target = Arc::new(target);
    let target_word = {
        let target = target.clone();
        Memo::new(move |_| ctx.shown(lang, |s| target_text(&target, s)))
    };
    let end = {
        let target = target.clone();
        move || projected.with(|p| ctx.shown(lang, |s| end_text(p, &target.unit, s)))
    };
    let reach = move || projected.with(|p| reach_text(&p.reach, periods.get(), cadence, lang));
    // Against the plan's own horizon for the target, when the cadences convert.
    let horizon_note = {
        let horizon = target.horizon;
        move || {
            let h = horizon?;
            let on_time = projected.with(|p| p.on_time(&h, cadence))?;
            let note = on_time_text(on_time, &h, lang);
            Some(view! {
                // A sentence after the reach's: no space after a Chinese full stop.
                <span>{sentence_gap(lang)}<span class="kpi-horizon-note">{note}</span></span>
            })
        }
    };
    let target_horizon = target
        .horizon
        .map(|h| format!(" {}", horizon_text(&h, lang)))
        .unwrap_or_default();
    let results = view! {
        <div class="kpi-results">
            <h3>{t(KpiMsg::Results)}</h3>
            <dl class="kpi-result-list">
                <dt>{move || fill(t(KpiMsg::EndAfter), &[&periods_word.get()])}</dt>
                <dd>
                    <span class="kpi-big" data-testid="projection-end">{end}</span>
                    " "
                    <Badge of=prov locale=lang />
                </dd>
                <dt>{t(KpiMsg::ColTarget)}</dt>
                <dd>
                    <span class="kpi-big">{target_word}</span>
                    {target_horizon}
                    " "
                    <Badge of=target.provenance locale=lang />
                </dd>
                <dt>{t(KpiMsg::WhenReached)}</dt>
                <dd>
                    <span data-testid="projection-reach">{reach}</span>
                    {horizon_note}
                </dd>
            </dl>
        </div>
    };

    let chart = projection_chart(
        app,
        if index == 0 {
            "projection".to_string()
        } else {
            format!("projection-{pid}")
        },
        Arc::new(projection.clone()),
        target.clone(),
        projected,
        prov,
        lang,
    );

    // Goal seek, with buttons that apply an answer the inputs allow.
    let rate_answer = move || projected.with(|p| goal_rate_text(p, cadence, lang));
    let start_answer = {
        let unit = start_unit.clone();
        move || projected.with(|p| ctx.shown(lang, |s| goal_start_text(p, &unit, s)))
    };
    let rate_action = goal_action(
        Memo::new(move |_| projected.with(|p| p.goal_rate.ok())),
        rr,
        Signal::stored(rate_range_text(&rr, cadence, lang)),
        t(KpiMsg::UseRate),
        "goal-rate-apply",
        Callback::new(move |r: f64| {
            rate_err.set(None);
            set_rate.run(r);
        }),
        lang,
    );
    let start_action = goal_action(
        Memo::new(move |_| projected.with(|p| p.goal_start.ok())),
        sr,
        {
            let unit = start_unit.clone();
            Signal::derive(move || ctx.shown(lang, |s| value_range_text(&sr, &unit, s)))
        },
        t(KpiMsg::UseStart),
        "goal-start-apply",
        Callback::new(move |s: f64| {
            start_err.set(None);
            set_start.run(s);
        }),
        lang,
    );
    let periods_reply = move || projected.with(|p| periods_answer(&p.reach, cadence, lang));
    let goal_id = format!("kpi-goal-{pid}-h");
    let goal_labelled_by = goal_id.clone();
    let goal = view! {
        <section class="kpi-goal" aria-labelledby=goal_labelled_by>
            <h3 id=goal_id>{move || fill(t(KpiMsg::GoalHeading), &[&target_word.get()])}</h3>
            <dl class="kpi-goal-list">
                <dt>
                    {move || fill(t(KpiMsg::GoalRateQ), &[&periods_word.get(), &start_text.get()])}
                </dt>
                <dd>
                    <span class="kpi-big" data-testid="goal-rate">{rate_answer}</span>
                    " "
                    <Badge of=Signal::derive(move || prov_of(start_mod.get())) locale=lang />
                    {rate_action}
                </dd>
                <dt>
                    {move || fill(t(KpiMsg::GoalStartQ), &[&periods_word.get(), &rate_word.get()])}
                </dt>
                <dd>
                    <span class="kpi-big" data-testid="goal-start">{start_answer}</span>
                    " "
                    <Badge of=Signal::derive(move || prov_of(rate_mod.get())) locale=lang />
                    {start_action}
                </dd>
                <dt>
                    {move || fill(t(KpiMsg::GoalPeriodsQ), &[&start_text.get(), &rate_word.get()])}
                </dt>
                <dd>
                    <span class="kpi-big" data-testid="goal-periods">{periods_reply}</span>
                    " "
                    <Badge of=prov locale=lang />
                </dd>
            </dl>
        </section>
    };

    let heading_id = format!("kpi-proj-{pid}-h");
    let labelled_by = heading_id.clone();
    let title = local_view(&projection.label, lang);
    view! {
        <section
            class="kpi-projector"
            data-testid="projector"
            data-projection=pid
            aria-labelledby=labelled_by
        >
            <h2 id=heading_id>{title}</h2>
            <p class="kpi-intro">{t(KpiMsg::ProjectorIntro)}</p>
            <div class="kpi-projector-grid">{inputs}{results}</div>
            {chart}
            {goal}
        </section>
    }
    .into_any()
}

/// What follows a goal-seek answer: a button that applies it when the inputs allow it, a note
/// when they do not, nothing when there is no answer.
#[derive(Clone, Copy, PartialEq)]
enum GoalAction {
    None,
    Outside,
    Apply,
}

fn goal_action(
    answer: Memo<Option<f64>>,
    range: AssumptionRange,
    range_text: Signal<String>,
    label: &'static str,
    testid: &'static str,
    apply: Callback<f64>,
    lang: Locale,
) -> impl IntoView {
    let action = Memo::new(move |_| match answer.get() {
        None => GoalAction::None,
        Some(v) if within(&Ok(v), &range).is_some() => GoalAction::Apply,
        Some(_) => GoalAction::Outside,
    });
    move || match action.get() {
        GoalAction::None => ().into_any(),
        GoalAction::Outside => {
            let note = fill(KpiMsg::OutsideRange.text(lang), &[&range_text.get()]);
            view! { <span>" "<span class="kpi-horizon-note">{note}</span></span> }.into_any()
        }
        GoalAction::Apply => {
            let click = move |_| {
                if let Some(v) = answer.get_untracked() {
                    apply.run(v);
                }
            };
            view! {
                <span>
                    " "
                    <button type="button" class="link" data-testid=testid on:click=click>
                        {label}
                    </button>
                </span>
            }
            .into_any()
        }
    }
}

/// A projection period by period (dashed) against its target (a flat line), with the notes
/// that say which is which. `values[i]` is the value after `i` periods.
fn projection_spec(
    name: String,
    projection: &Projection,
    target: &KpiTarget,
    values: &[f64],
    prov: Provenance,
    shown: Shown,
) -> XySpec {
    let locale = shown.locale;
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
    let target_word = target_text(target, shown);
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

/// A projector's chart, following its inputs.
fn projection_chart(
    app: AppState,
    name: String,
    projection: Arc<Projection>,
    target: Arc<KpiTarget>,
    projected: Memo<Arc<Projected>>,
    prov: Memo<Provenance>,
    lang: Locale,
) -> impl IntoView {
    let ctx = use_report();
    let spec = Memo::new(move |_| {
        let prov = prov.get();
        projected.with(|p| {
            ctx.shown(lang, |s| {
                projection_spec(
                    name.clone(),
                    &projection,
                    &target,
                    p.values.as_deref().unwrap_or(&[]),
                    prov,
                    s,
                )
            })
        })
    });
    view! { <XyChart spec=spec narrow=app.narrow_layout locale=lang /> }
}

/// The plan's first projection as its overview shows it: at the reader's start and rate over
/// the plan's own periods, against the target.
pub fn plan_spec(ctx: ReportCtx, locale: Locale) -> Option<XySpec> {
    let (projection, (start_a, rate_a, target)) = ctx.with(|r| {
        let p = r.projections.first()?.clone();
        let parts = projection_parts(r, &p)?;
        Some((p, parts))
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
    Some(ctx.shown(locale, |s| {
        projection_spec(
            "plan-projection".to_string(),
            &projection,
            &target,
            &values,
            prov_of(modified),
            s,
        )
    }))
}
