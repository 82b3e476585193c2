//! Goal seek from the overview: which growth takes the headline from its anchor to a target
//! by a chosen year, and when the published (or the reader's) rate reaches it.

use super::common::section;
use super::dom::{el, text_el, Ev, Node, On};
use super::state::ReportCtx;
use crate::domain::engine::goal_seek::{need_to_reach, periods_to_reach, Need};
use crate::domain::format::{self, magnitude, parse_typed, Locale};
use crate::domain::schema::{Provenance, Unit};
use crate::i18n::errors::engine_reason;
use crate::i18n::{fill, Message};
use leptos::prelude::*;

crate::messages! {
    pub enum GoalMsg {
        Title => ("Goal seek", "目标求解", "目標求解"),
        Intro => ("Which yearly growth from {0} reaches a value you choose by the year you choose?", "自 {0} 年起，每年增长多少才能在所选年份达到您设定的数值？", "自 {0} 年起，每年成長多少才能在所選年份達到您設定的數值？"),
        Target => ("Target value ({0})", "目标值（{0}）", "目標值（{0}）"),
        ByYear => ("By year", "目标年份", "目標年份"),
        NeedsRate => ("Reaching {0} by {1} needs {2} a year from {3} (the rate in force is {4}).", "在 {1} 年达到 {0}，需要自 {3} 年起每年增长 {2}（当前增长率为 {4}）。", "在 {1} 年達到 {0}，需要自 {3} 年起每年成長 {2}（目前成長率為 {4}）。"),
        ReachedIn => ("At the rate in force, {0} is reached in {1}.", "按当前增长率，{1} 年达到 {0}。", "按目前成長率，{1} 年達到 {0}。"),
        NotReached => ("At the rate in force, {0} is never reached.", "按当前增长率，永远达不到 {0}。", "按目前成長率，永遠達不到 {0}。"),
        AlreadyReached => ("{0} is already reached in {1}: no growth is needed.", "{1} 年已达到 {0}，无需增长。", "{1} 年已達到 {0}，無需成長。"),
        Invalid => ("Type a positive number, e.g. 8.", "请输入正数，例如 8。", "請輸入正數，例如 8。"),
    }
}

/// The reader's goal: a target in display magnitude (e.g. 8 for US$8 bn) and a year.
#[derive(Clone, Copy)]
pub struct GoalState {
    pub target: RwSignal<String>,
    pub year: RwSignal<Option<i32>>,
}

impl GoalState {
    pub fn new() -> Self {
        GoalState {
            target: RwSignal::new(String::new()),
            year: RwSignal::new(None),
        }
    }
}

impl Default for GoalState {
    fn default() -> Self {
        Self::new()
    }
}

pub fn goal_seek(ctx: ReportCtx, state: GoalState, locale: Locale) -> Option<Node> {
    let t = |m: GoalMsg| m.text(locale);
    let computed = ctx.computed.get().ok()?;
    let h = computed.headline.as_ref()?;
    let anchor_value = h.points.iter().find(|p| p.year == h.anchor_year)?.value;
    let unit = ctx.with(|r| r.headline_unit());
    let last = ctx.with(|r| r.meta.forecast.to);
    // Targets are typed in the anchor's magnitude (bn, 亿 …), defaulting to double the anchor.
    let (scaled, word) = magnitude(anchor_value, locale);
    let factor = if scaled != 0.0 {
        anchor_value / scaled
    } else {
        1.0
    };
    let typed = state.target.get();
    let default_target = (scaled * 2.0).round().max(1.0);
    let target_display = if typed.trim().is_empty() {
        Some(default_target)
    } else {
        parse_typed(&typed).filter(|v| *v > 0.0)
    };
    let year = state.year.get().unwrap_or(last);
    let unit_word = match &unit {
        Unit::Currency(code) => format!("{code}{word}"),
        _ => word.trim().to_string(),
    };
    let years = (h.anchor_year + 1)..=last;
    let inputs = el("div")
        .class("controls-row")
        .child(
            el("label")
                .class("control")
                .child(text_el("span", "", fill(t(GoalMsg::Target), &[&unit_word])))
                .child(
                    el("input")
                        .attr("type", "text")
                        .attr("inputmode", "decimal")
                        .id("goal-target")
                        .attr("placeholder", format::number(default_target, 2))
                        .prop("value", typed)
                        .on(On::Change, move |ev: &Ev| {
                            state.target.set(ev.value.clone())
                        }),
                ),
        )
        .child(
            el("label")
                .class("control")
                .child(text_el("span", "", t(GoalMsg::ByYear)))
                .child(
                    el("select")
                        .id("goal-year")
                        .prop("value", year.to_string())
                        .on(On::Change, move |ev: &Ev| {
                            state.year.set(ev.value.parse().ok())
                        })
                        .children(years.map(|y| {
                            el("option")
                                .attr("value", y.to_string())
                                .text(y.to_string())
                        })),
                ),
        );
    let answer = match target_display {
        None => text_el("p", "field-msg", t(GoalMsg::Invalid)),
        Some(v) => {
            let target = v * factor;
            let shown = format::value(target, &unit, locale);
            let need = need_to_reach(
                anchor_value,
                target,
                u32::try_from(year - h.anchor_year).unwrap_or(0),
            );
            let mut p = el("div").testid("goal-answer");
            p = p.child(match need {
                Ok(Need::AlreadyReached) => text_el(
                    "p",
                    "",
                    fill(
                        t(GoalMsg::AlreadyReached),
                        &[&shown, &h.anchor_year.to_string()],
                    ),
                )
                .testid("goal-reached"),
                Ok(Need::Rate(r)) => {
                    // Two decimals only where one would print the two rates the same.
                    let (need, in_force) = format::rates_apart(r, h.rate);
                    text_el(
                        "p",
                        "",
                        fill(
                            t(GoalMsg::NeedsRate),
                            &[
                                &shown,
                                &year.to_string(),
                                &need,
                                &h.anchor_year.to_string(),
                                &in_force,
                            ],
                        ),
                    )
                    .child(super::common::badge(Provenance::Scenario, locale))
                }
                Err(e) => text_el("p", "field-msg", engine_reason(&e, locale)),
            });
            p.child(match periods_to_reach(anchor_value, target, h.rate) {
                Ok(reach) => text_el(
                    "p",
                    "",
                    fill(
                        t(GoalMsg::ReachedIn),
                        &[&shown, &(h.anchor_year + reach.whole as i32).to_string()],
                    ),
                ),
                Err(_) => text_el("p", "", fill(t(GoalMsg::NotReached), &[&shown])),
            })
        }
    };
    Some(
        section("goal-seek", "goal", t(GoalMsg::Title))
            .testid("goal-seek")
            .child(text_el(
                "p",
                "help",
                fill(t(GoalMsg::Intro), &[&h.anchor_year.to_string()]),
            ))
            .child(inputs)
            .child(answer),
    )
}
