//! What every chart kind hands its frame (`ChartFigure`): title, description, legend entries,
//! the table of the same data, the callout for the mark pointed at. Plain data and logic.

use crate::chart::scene::{color_class, tooltip, SvgNode};
use crate::chart::view_box::view_box_size;
use crate::i18n::{fill, Locale, Message};

/// The same data as a table: column headings and rows of (row heading, cells).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TableData {
    pub caption: String,
    pub corner: String,
    pub columns: Vec<String>,
    pub rows: Vec<(String, Vec<String>)>,
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
