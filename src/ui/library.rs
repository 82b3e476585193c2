//! The library: a card per report with its title, publisher, region, currency, period,
//! headline and a sparkline of the published path.

use super::charts::sparkline;
use super::common::local_text;
use super::dom::{el, text_el, Node};
use super::overview::headline_text;
use super::state::AppState;
use crate::domain::engine::model::compute;
use crate::domain::scenario::Scenario;
use crate::domain::schema::{Report, ReportKind};
use crate::i18n::{fill, Message, Msg};
use leptos::prelude::*;

pub fn library(app: AppState) -> Vec<Node> {
    let locale = app.display_locale();
    let t = |m: Msg| m.text(locale);
    let mut out = Vec::new();
    let errors = app.load_errors.get_value();
    if !errors.is_empty() {
        out.push(
            el("section")
                .class("notice error")
                .attr("role", "alert")
                .child(text_el("h2", "", t(Msg::LoadErrors)))
                .child(el("ul").children(errors.iter().map(|e| el("li").text(e.to_string())))),
        );
    }
    let cards = app.reports.with_value(|rs| {
        rs.iter()
            .enumerate()
            .map(|(i, r)| el("li").key(r.id.clone()).child(card(app, i, r)))
            .collect::<Vec<_>>()
    });
    out.push(
        el("section")
            .class("library")
            .child(text_el("h1", "", t(Msg::Library)))
            .child(text_el("p", "intro", t(Msg::LibraryIntro)))
            .child(el("ul").class("cards").children(cards)),
    );
    out
}

fn card(app: AppState, index: usize, r: &Report) -> Node {
    let locale = app.display_locale();
    let t = |m: Msg| m.text(locale);
    let m = &r.meta;
    let period = fill(
        t(Msg::PeriodValue),
        &[
            &m.history.from.to_string(),
            &m.history.to.to_string(),
            &m.forecast.from.to_string(),
            &m.forecast.to.to_string(),
        ],
    );
    // The published path (or a plan's projection) as a trend line.
    let trend = compute(r, &Scenario::published()).ok().and_then(|c| {
        match (&c.headline, c.projections.first()) {
            (Some(h), _) => Some((
                h.points
                    .iter()
                    .map(|p| (f64::from(p.year), p.value))
                    .collect::<Vec<_>>(),
                Some(f64::from(h.anchor_year)),
            )),
            (None, Some(Ok(p))) => Some((
                p.values
                    .iter()
                    .enumerate()
                    .map(|(i, v)| (i as f64, *v))
                    .collect(),
                None,
            )),
            _ => None,
        }
    });
    let meta = |label: Msg, value: Node| vec![text_el("dt", "", t(label)), el("dd").child(value)];
    el("article")
        .class("card")
        .attr("data-report", r.id.clone())
        .child(text_el(
            "p",
            "kind",
            t(if r.kind == ReportKind::Plan {
                Msg::KindPlan
            } else {
                Msg::KindMarket
            }),
        ))
        .child(el("h2").child(local_text(&m.title, locale)))
        .child(
            el("p")
                .class("headline")
                .testid("card-headline")
                .child(local_text(&m.headline, locale)),
        )
        .child(
            el("p")
                .class("headline-figures")
                .text(headline_text(r, locale)),
        )
        .child_opt(trend.map(|(v, split)| sparkline(&v, split)))
        .child(
            el("dl").class("meta").children(
                [
                    meta(Msg::Publisher, local_text(&m.publisher, locale)),
                    meta(Msg::Region, local_text(&m.region, locale)),
                    meta(Msg::Currency, el("span").text(m.currency.clone())),
                    meta(Msg::Period, el("span").text(period)),
                ]
                .into_iter()
                .flatten(),
            ),
        )
        .child(
            text_el("button", "primary", t(Msg::OpenReport))
                .on_click(move || app.open.set(Some(index))),
        )
}
