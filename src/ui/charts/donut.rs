//! The donut: each slice a segment's share of the total in one year, the total in the middle.
//! [`ChartSpec::drawing`] turns a [`DonutSpec`] into the frame and scene (the slices the reader hid
//! left out, the shares recomputed over the rest); [`DonutChart`] draws them with
//! [`ChartFigure`](super::figure::ChartFigure) and holds its own hover state.

use super::figure::{spec_chart, ChartSpec};
use super::frame::{Frame, LegendEntry, TableData};
use super::kinds::share_row;
use crate::chart::scene::{donut_scene, SvgNode};
use crate::domain::format::{self, Locale, Shown};
use crate::domain::schema::{Provenance, Unit};
use crate::i18n::{bracketed, provenance, Message, Msg};
use leptos::prelude::*;
use std::collections::BTreeSet;

#[derive(Debug, Clone, PartialEq)]
pub struct Slice {
    pub key: String,
    pub label: String,
    pub value: f64,
    pub color: usize,
    pub provenance: Provenance,
}

/// What a donut shows.
#[derive(Debug, Clone, PartialEq)]
pub struct DonutSpec {
    pub name: String,
    pub title: String,
    pub description: String,
    pub slices: Vec<Slice>,
    pub unit: Unit,
}

/// The donut's frame and scene, with the slices in `hidden` left out.
impl ChartSpec for DonutSpec {
    fn name(&self) -> String {
        self.name.clone()
    }

    fn drawing(
        &self,
        hidden: &BTreeSet<String>,
        // A donut draws the same at any width.
        _narrow: bool,
        shown: Shown,
    ) -> (Frame, Vec<SvgNode>) {
        let locale = shown.locale;
        let spec = self;
        let unit = &spec.unit;
        let visible: Vec<&Slice> = spec
            .slices
            .iter()
            .filter(|s| !hidden.contains(&s.key))
            .collect();
        let total: f64 = visible
            .iter()
            .map(|s| s.value)
            .filter(|v| v.is_finite())
            .sum();
        let share = |v: f64| if total > 0.0 { v / total } else { 0.0 };
        let scene = donut_scene(
            &visible
                .iter()
                .map(|s| {
                    let label = format!(
                        "{}{}{} · {}{}",
                        s.label,
                        format::colon(locale),
                        format::value(s.value, unit, shown),
                        format::percent(share(s.value), 1),
                        bracketed(locale, provenance(locale, s.provenance))
                    );
                    (s.key.clone(), s.value, s.color, label)
                })
                .collect::<Vec<_>>(),
            &format::value(total, unit, shown),
        );
        let table = TableData {
            caption: String::new(),
            corner: Msg::Segment.text(locale).into(),
            columns: vec![
                Msg::Value.text(locale).into(),
                Msg::Share.text(locale).into(),
            ],
            rows: visible
                .iter()
                .map(|s| {
                    share_row(
                        s.label.clone(),
                        s.value,
                        s.provenance,
                        share(s.value),
                        unit,
                        shown,
                    )
                })
                .collect(),
        };
        let frame = Frame {
            name: spec.name.clone(),
            title: spec.title.clone(),
            subtitle: None,
            description: spec.description.clone(),
            legend: spec
                .slices
                .iter()
                .map(|s| LegendEntry {
                    key: s.key.clone(),
                    label: s.label.clone(),
                    color: s.color,
                    swatch: "sw-block",
                })
                .collect(),
            notes: Vec::new(),
            table,
            view_box: "0 0 260 260".into(),
            svg_class: "donut",
        };
        (frame, scene)
    }
}

#[component]
pub fn DonutChart(#[prop(into)] spec: Signal<DonutSpec>, locale: Locale) -> impl IntoView {
    spec_chart(spec, Signal::stored(false), locale)
}
