//! The frame every chart shares, and the per-view chart state (hidden series, readout, table
//! shown) kept in one signal so charts can be created by plain render functions.

use crate::chart::scene::{color_class, tooltip, SvgNode};
use crate::chart::view_box::view_box_size;
use crate::i18n::{fill, Locale, Message, Msg};
use crate::ui::dom::{el, text_el, Node, On};
use leptos::prelude::*;
use std::collections::{BTreeSet, HashMap};

/// The same data as a table: column headings and rows of (row heading, cells).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TableData {
    pub caption: String,
    pub corner: String,
    pub columns: Vec<String>,
    pub rows: Vec<(String, Vec<String>)>,
}

/// A plain table with row headings; wide tables scroll inside their own box.
pub fn data_table(t: &TableData, testid: &'static str, locale: Locale) -> Node {
    let head = el("tr")
        .child(text_el("th", "", t.corner.clone()).attr("scope", "col"))
        .children(
            t.columns
                .iter()
                .map(|c| text_el("th", "", c.clone()).attr("scope", "col")),
        );
    let body = el("tbody").children(t.rows.iter().map(|(h, cells)| {
        el("tr")
            .key(h.clone())
            .child(text_el("th", "", h.clone()).attr("scope", "row"))
            .children(cells.iter().map(|c| text_el("td", "num", c.clone())))
    }));
    crate::ui::common::table_scroll(locale).child(
        el("table")
            .testid(testid)
            .child_opt((!t.caption.is_empty()).then(|| text_el("caption", "", t.caption.clone())))
            .child(el("thead").child(head))
            .child(body),
    )
}

/// What a reader did to one chart.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ChartUi {
    pub hidden: BTreeSet<String>,
    pub readout: Option<String>,
    /// Key of the mark the readout is about (drawn highlighted).
    pub active: Option<String>,
    pub table: bool,
    /// The legend's folded entries are shown (narrow screens fold all but the first few).
    pub legend_open: bool,
}

/// The chart state of one view, by chart name.
#[derive(Clone, Copy)]
pub struct Charts(RwSignal<HashMap<String, ChartUi>>);

impl Charts {
    pub fn new() -> Self {
        Charts(RwSignal::new(HashMap::new()))
    }
    /// The chart's state (tracked: the view re-renders when it changes).
    pub fn get(&self, name: &str) -> ChartUi {
        self.0.with(|m| m.get(name).cloned().unwrap_or_default())
    }
    fn update(&self, name: &str, f: impl FnOnce(&mut ChartUi)) {
        self.0.update(|m| f(m.entry(name.to_string()).or_default()));
    }
}

impl Default for Charts {
    fn default() -> Self {
        Self::new()
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct LegendEntry {
    pub key: String,
    pub label: String,
    pub color: usize,
    /// Swatch shape class (`chart::palette::swatch`): a line, a band, a marker or a block.
    pub swatch: &'static str,
}

/// Everything a chart frame shows around its drawing.
#[derive(Debug, Clone, PartialEq)]
pub struct Frame {
    pub name: String,
    pub title: String,
    /// A line under the title naming what the chart is of.
    pub subtitle: Option<String>,
    pub description: String,
    pub legend: Vec<LegendEntry>,
    /// Extra legend notes: (text, glyph class) for line styles and marker shapes.
    pub notes: Vec<(String, &'static str)>,
    pub table: TableData,
    pub view_box: String,
    pub svg_class: &'static str,
}

impl Frame {
    /// What exports carry: the statement and what it is about.
    pub fn export_title(&self) -> String {
        match &self.subtitle {
            Some(s) => format!("{} · {s}", self.title),
            None => self.title.clone(),
        }
    }

    /// The legend's rows, series first and then notes, each with the class that folds it on
    /// a narrow screen; and how many are folded behind "+N more".
    pub fn legend_rows(&self) -> (Vec<LegendRow>, usize) {
        // On a narrow screen the legend shows its first few entries and folds the rest behind
        // "+N more" (CSS shows the toggle and hides `.legend-extra` only at that width).
        let total = self.legend.len() + self.notes.len();
        let folded = crate::chart::label::legend_folded(total);
        let extra = |i: usize| folded > 0 && i >= total - folded;
        let n_series = self.legend.len();
        let rows = self
            .legend
            .iter()
            .enumerate()
            .map(|(i, e)| LegendRow::Series {
                key: e.key.clone(),
                label: e.label.clone(),
                swatch: format!("swatch {} {}", e.swatch, color_class(e.color)),
                extra: extra(i),
            })
            .chain(
                self.notes
                    .iter()
                    .enumerate()
                    .map(|(j, (text, glyph))| LegendRow::Note {
                        key: format!("note-{glyph}"),
                        text: text.clone(),
                        glyph: format!("glyph {glyph}"),
                        extra: extra(n_series + j),
                    }),
            )
            .collect();
        (rows, folded)
    }

    /// The callout of the active mark (drawn last, on top), if it has one.
    pub fn callout(&self, scene: &[SvgNode], active: Option<&str>) -> Vec<SvgNode> {
        let (vw, vh) = view_box_size(&self.view_box);
        scene
            .iter()
            .find(|n| active == Some(n.key.as_str()))
            .and_then(|n| Some(tooltip(n.label.as_deref()?, n.anchor?, vw, vh)))
            .unwrap_or_default()
    }
}

/// One row of a chart's legend: a series (a toggle) or a note about line styles and markers.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum LegendRow {
    Series {
        key: String,
        label: String,
        /// The swatch's classes (shape and colour).
        swatch: String,
        /// Folded on a narrow screen.
        extra: bool,
    },
    Note {
        key: String,
        text: String,
        glyph: String,
        extra: bool,
    },
}

impl LegendRow {
    pub fn class(&self) -> &'static str {
        match self {
            LegendRow::Series { extra: true, .. } => "legend-extra",
            LegendRow::Series { .. } => "",
            LegendRow::Note { extra: true, .. } => "legend-note legend-extra",
            LegendRow::Note { .. } => "legend-note",
        }
    }
}

/// The "+N more" / "Fewer" toggle's text.
pub fn legend_more_text(open: bool, folded: usize, locale: Locale) -> String {
    if open {
        ChartMsg::Fewer.text(locale).to_string()
    } else {
        fill(ChartMsg::More.text(locale), &[&folded.to_string()])
    }
}

/// A mark's classes, with `active` while its callout shows.
pub fn mark_class(class: &str, active: bool) -> String {
    if active {
        format!("{class} active")
    } else {
        class.to_string()
    }
}

/// A chart: caption, legend toggles, the drawing (marks focusable, with labels), the readout
/// and the table view.
pub fn chart(charts: Charts, frame: Frame, scene: Vec<SvgNode>, locale: Locale) -> Node {
    let ui = charts.get(&frame.name);
    let t = |m: Msg| m.text(locale);
    let name = frame.name.clone();
    let export_title = frame.export_title();
    let title_id = format!("{name}-t");
    let desc_id = format!("{name}-d");
    let legend_id = format!("{name}-legend");
    let (rows, folded) = frame.legend_rows();
    let items = rows.into_iter().map(|row| match row {
        LegendRow::Series {
            ref key,
            ref label,
            ref swatch,
            ..
        } => {
            let (name, k) = (name.clone(), key.clone());
            el("li").key(key.clone()).class(row.class()).child(
                el("button")
                    .class("legend-item")
                    .attr("aria-pressed", (!ui.hidden.contains(key)).to_string())
                    .on_click(move || {
                        charts.update(&name, |u| {
                            if !u.hidden.remove(&k) {
                                u.hidden.insert(k.clone());
                            }
                        })
                    })
                    .child(el("span").class(swatch.clone()).attr("aria-hidden", "true"))
                    .text(label.clone()),
            )
        }
        LegendRow::Note {
            ref key,
            ref text,
            ref glyph,
            ..
        } => el("li")
            .key(key.clone())
            .class(row.class())
            .child(el("span").class(glyph.clone()).attr("aria-hidden", "true"))
            .text(text.clone()),
    });
    let more = (folded > 0).then(|| {
        let name = name.clone();
        el("li").key("legend-more").class("legend-more-li").child(
            el("button")
                .class("link legend-more")
                .attr("type", "button")
                .attr("aria-expanded", ui.legend_open.to_string())
                .attr("aria-controls", legend_id.clone())
                .testid("legend-more")
                .on_click(move || charts.update(&name, |u| u.legend_open = !u.legend_open))
                .text(legend_more_text(ui.legend_open, folded, locale)),
        )
    });
    let legend = el("ul")
        .class(if ui.legend_open {
            "legend open"
        } else {
            "legend"
        })
        .id(legend_id.clone())
        .attr("aria-label", t(Msg::Legend))
        .children(items)
        .child_opt(more);
    // The active mark's callout, drawn last so it sits on top.
    let tip = frame.callout(&scene, ui.active.as_deref());
    let marks = scene.into_iter().chain(tip).map(|n| {
        let active = ui.active.as_deref() == Some(n.key.as_str());
        let mut node = el(n.tag).key(n.key.clone());
        for (a, v) in n.attrs {
            if a == "class" {
                node = node.attr(a, mark_class(&v, active));
            } else {
                node = node.attr(a, v);
            }
        }
        if let Some(text) = n.text {
            node = node.text(text);
        }
        if let Some(label) = n.label {
            let (name, key, l2) = (name.clone(), n.key.clone(), label.clone());
            let leave_name = name.clone();
            node = node
                .attr("tabindex", "0")
                .attr("role", "img")
                .attr("aria-label", label)
                .on(On::Point, move |_| {
                    charts.update(&name, |u| {
                        u.readout = Some(l2.clone());
                        u.active = Some(key.clone());
                    })
                })
                // The callout goes when the pointer or focus leaves; the readout stays.
                .on(On::Leave, move |_| {
                    charts.update(&leave_name, |u| u.active = None)
                });
        }
        node
    });
    let svg = el("svg")
        .class(frame.svg_class)
        .attr("viewBox", frame.view_box)
        .attr("focusable", "false")
        .children(marks);
    let table_toggle = {
        let name = name.clone();
        el("button")
            .class("link table-toggle")
            .attr("aria-expanded", ui.table.to_string())
            .on_click(move || charts.update(&name, |u| u.table = !u.table))
            .text(t(if ui.table {
                Msg::HideTable
            } else {
                Msg::ShowTable
            }))
    };
    el("figure")
        .class("chart")
        .attr("data-chart", name.clone())
        .child(
            el("figcaption")
                .child(text_el("h3", "", frame.title.clone()).id(title_id.clone()))
                .child_opt(
                    frame
                        .subtitle
                        .map(|s| text_el("p", "chart-subtitle", s).testid("chart-subtitle")),
                )
                .child(text_el("p", "chart-desc", frame.description).id(desc_id.clone())),
        )
        .child(legend)
        .child(
            el("div")
                .class("chart-body")
                .attr("role", "group")
                .attr("aria-labelledby", title_id)
                .attr("aria-describedby", desc_id)
                .child(svg),
        )
        .child(
            // Before a point is chosen: how to choose one, worded for a mouse or for touch
            // (CSS shows the one that fits the device: `hover: none` / `pointer: coarse`).
            match ui.readout {
                Some(text) => text_el("p", "readout", text),
                None => el("p")
                    .class("readout")
                    .child(text_el("span", "hint-hover", t(Msg::ChartHint)))
                    .child(text_el(
                        "span",
                        "hint-touch",
                        ChartMsg::TapHint.text(locale),
                    )),
            }
            .attr("aria-live", "polite")
            .testid("readout"),
        )
        .child(
            el("div")
                .class("chart-actions")
                .child(table_toggle)
                .children(crate::ui::exports::chart_buttons(
                    &name,
                    &export_title,
                    locale,
                )),
        )
        .child_opt(ui.table.then(|| {
            data_table(
                &TableData {
                    caption: frame.title,
                    ..frame.table
                },
                "chart-table",
                locale,
            )
        }))
}

crate::messages! {
    pub enum ChartMsg {
        TapHint => (
            "Tap a point to read its value and source.",
            "轻触数据点，即可查看数值及来源。",
            "輕觸資料點，即可查看數值及來源。"
        ),
        More => ("+{0} more", "另有 {0} 项", "另有 {0} 項"),
        Fewer => ("Fewer", "收起", "收起"),
    }
}
