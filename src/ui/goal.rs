//! Goal seek from the overview: which growth takes the headline from its anchor to a target
//! by a chosen year, and when the rate in force reaches it. The words and the answer are
//! worked out in `i18n::goal`; here they are laid out.

use super::common::{Badge, Section};
use super::state::ReportCtx;
use super::text::Sentence;
use crate::domain::format::Locale;
use crate::domain::schema::Provenance;
use crate::i18n::goal::{
    goal_answer, goal_setup, GoalAnswer, GoalMsg, GoalSetup, NeedText, TypedTarget,
};
use crate::i18n::Message;
use leptos::prelude::*;

/// The reader's goal: a target in display magnitude (e.g. 8 for US$8 bn) and a year.
#[derive(Clone, Copy)]
pub struct GoalState {
    pub target: RwSignal<TypedTarget>,
    pub year: RwSignal<Option<i32>>,
}

impl GoalState {
    pub fn new() -> Self {
        GoalState {
            target: RwSignal::new(TypedTarget::default()),
            year: RwSignal::new(None),
        }
    }
}

impl Default for GoalState {
    fn default() -> Self {
        Self::new()
    }
}

/// The goal-seek panel. What it is about (the headline's anchor, the years) is the published
/// model's; the answer follows the rate in force and what the reader types and chooses.
#[component]
pub fn GoalSeek(ctx: ReportCtx, state: GoalState, lang: Locale) -> impl IntoView {
    let t = move |m: GoalMsg| m.text(lang);
    let (unit, last_year) = ctx.with(|r| (r.headline_unit(), r.meta.forecast.to));
    let setup = ctx
        .published
        .get_untracked()
        .and_then(|c| goal_setup(&c, &unit, last_year, lang))?;
    let year = state.year.get_untracked().unwrap_or(setup.last_year);
    // The panel is drawn again for each language: a target typed in another magnitude (bn ↔
    // 亿) is written in this one, so it keeps its value.
    let factor = setup.factor;
    let typed_text = state.target.with_untracked(|t| t.text_in(&setup));
    // The fields hold what the reader typed and chose: written once, then theirs.
    let years = ((setup.anchor_year + 1)..=setup.last_year)
        .map(|y| view! { <option value=y selected=y == year>{y}</option> })
        .collect_view();
    let GoalSetup {
        intro,
        target_label,
        placeholder,
        ..
    } = setup.clone();
    let answer = move || {
        let rate = ctx
            .computed
            .with(|c| c.as_ref().ok()?.headline.as_ref().map(|h| h.rate))?;
        let typed = state.target.with(|t| t.text_in(&setup));
        let year = state.year.get();
        let answer = ctx.shown(lang, |s| goal_answer(&setup, &typed, year, rate, &unit, s));
        Some(answer_view(answer, lang))
    };
    Some(view! {
        <Section
            class="goal-seek"
            id="goal"
            heading=t(GoalMsg::Title).to_string()
            testid="goal-seek"
        >
            <p class="help">{intro}</p>
            <div class="controls-row">
                <label class="control">
                    <span>{target_label}</span>
                    <input
                        type="text"
                        inputmode="decimal"
                        id="goal-target"
                        placeholder=placeholder.clone()
                        prop:value={
                            // The value the answer uses shows as a value, not as a grey hint
                            // that reads as an empty field; emptied, the answer still uses it.
                            if typed_text.trim().is_empty() { placeholder } else { typed_text }
                        }
                        on:change=move |ev| {
                            state.target.set(TypedTarget { text: event_target_value(&ev), factor })
                        }
                    />
                </label>
                <label class="control">
                    <span>{t(GoalMsg::ByYear)}</span>
                    <select
                        id="goal-year"
                        on:change=move |ev| state.year.set(event_target_value(&ev).parse().ok())
                    >
                        {years}
                    </select>
                </label>
            </div>
            {answer}
        </Section>
    })
}

/// The answer: a message when the target is not a number, else what growth it needs (one
/// paragraph whose class and test id say which case) and when the rate in force gets there.
fn answer_view(answer: GoalAnswer, lang: Locale) -> impl IntoView {
    let (invalid, answer) = match answer {
        GoalAnswer::Invalid(text) => (Some(text), None),
        GoalAnswer::Answer { need, reach } => (None, Some((need, reach))),
    };
    let answer = answer.map(|(need, reach)| {
        let (class, testid, scenario, text) = match need {
            NeedText::Rate(text) => (None, None, true, text),
            NeedText::AlreadyReached(text) => (None, Some("goal-reached"), false, text),
            NeedText::Failed(text) => (Some("field-msg"), None, false, text),
        };
        view! {
            <div data-testid="goal-answer">
                <p class=class data-testid=testid>
                    <Sentence text=text/>
                    {scenario.then(|| view! { <Badge of=Provenance::Scenario locale=lang /> })}
                </p>
                <p><Sentence text=reach/></p>
            </div>
        }
    });
    view! {
        {invalid.map(|text| view! { <p class="field-msg">{text}</p> })}
        {answer}
    }
}
