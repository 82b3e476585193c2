//! Input controls shared by the views: an assumption slider with a number field beside it for
//! exact entry. Both are labelled; the slider announces its formatted value; bad typing keeps
//! the last valid value and says why.

use super::dom::{el, Ev, Node, On};
use crate::domain::format::{self, display_decimals, parse_typed, Locale};
use crate::domain::schema::AssumptionRange;
use crate::i18n::{Message, Msg};

/// How a value is shown and typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValueKind {
    /// Fractions shown as percentages (0.13 ↔ "13").
    Percent,
    /// Plain numbers (counts, periods).
    Number,
}

impl ValueKind {
    fn to_display(self, v: f64) -> f64 {
        match self {
            ValueKind::Percent => v * 100.0,
            ValueKind::Number => v,
        }
    }
    fn to_stored(self, v: f64) -> f64 {
        match self {
            ValueKind::Percent => v / 100.0,
            ValueKind::Number => v,
        }
    }
    pub fn format(self, v: f64) -> String {
        match self {
            ValueKind::Percent => format::percent(v, 2),
            ValueKind::Number => format::number(v, 2),
        }
    }
}

/// A labelled slider with a text field beside it for exact entry. `on_change` receives valid,
/// clamped values; bad typing keeps the last value and shows why (in `error`).
pub struct AssumptionInput<'a> {
    /// DOM id base (unique on the page).
    pub id: &'a str,
    pub label: String,
    pub value: f64,
    pub range: AssumptionRange,
    pub kind: ValueKind,
    /// Whether the reader changed it from the default (marks the control).
    pub changed: bool,
    /// A message about the last thing typed, if it was not usable.
    pub error: Option<String>,
    /// How the current value reads (slider's `aria-valuetext`); defaults to the formatted value.
    pub value_text: Option<String>,
}

impl AssumptionInput<'_> {
    pub fn render(
        self,
        locale: Locale,
        on_change: impl Fn(f64) + Clone + 'static,
        on_error: impl Fn(Option<String>) + Clone + 'static,
    ) -> Node {
        let kind = self.kind;
        let (lo, hi) = (
            kind.to_display(self.range.min),
            kind.to_display(self.range.max),
        );
        let step = kind.to_display(self.range.step);
        let decimals = display_decimals(step);
        let shown = format::number(kind.to_display(self.value), decimals).replace(',', "");
        let (slider_id, field_id, msg_id) = (
            format!("{}-slider", self.id),
            format!("{}-field", self.id),
            format!("{}-msg", self.id),
        );
        let slide = {
            let (on_change, on_error) = (on_change.clone(), on_error.clone());
            move |ev: &Ev| {
                if let Some(v) = parse_typed(&ev.value) {
                    on_error(None);
                    on_change(kind.to_stored(v.clamp(lo, hi)));
                }
            }
        };
        let typed = move |ev: &Ev| match parse_typed(&ev.value) {
            Some(v) if (lo..=hi).contains(&v) => {
                on_error(None);
                on_change(kind.to_stored(v));
            }
            Some(v) => {
                on_error(Some(format!(
                    "{} {}–{}",
                    Msg::OutOfRange.text(locale),
                    format::number(lo, decimals),
                    format::number(hi, decimals)
                )));
                on_change(kind.to_stored(v.clamp(lo, hi)));
            }
            None => on_error(Some(format!(
                "{} “{}”",
                Msg::NotANumber.text(locale),
                ev.value.trim()
            ))),
        };
        el("div")
            .class(if self.changed {
                "assumption changed"
            } else {
                "assumption"
            })
            .attr("data-assumption", self.id.to_string())
            .child(
                el("label")
                    .attr("for", slider_id.clone())
                    .class("assumption-label")
                    .text(self.label.clone()),
            )
            .child(
                el("div")
                    .class("assumption-inputs")
                    .child(
                        el("input")
                            .attr("type", "range")
                            .id(slider_id)
                            .attr("min", lo.to_string())
                            .attr("max", hi.to_string())
                            .attr("step", step.to_string())
                            .attr(
                                "aria-valuetext",
                                self.value_text.unwrap_or_else(|| kind.format(self.value)),
                            )
                            .prop("value", kind.to_display(self.value).to_string())
                            .on(On::Input, slide),
                    )
                    .child(
                        el("input")
                            .attr("type", "text")
                            .attr("inputmode", "decimal")
                            .id(field_id)
                            .class("assumption-field")
                            .attr(
                                "aria-label",
                                format!("{} ({})", self.label, Msg::ExactValue.text(locale)),
                            )
                            .attr("aria-describedby", msg_id.clone())
                            .attr("aria-invalid", self.error.is_some().to_string())
                            .prop("value", shown)
                            .on(On::Change, typed),
                    )
                    .child_opt((kind == ValueKind::Percent).then(|| {
                        el("span")
                            .class("unit")
                            .attr("aria-hidden", "true")
                            .text("%")
                    })),
            )
            .child(
                el("p")
                    .class("field-msg")
                    .id(msg_id)
                    .attr("role", "status")
                    .text(self.error.unwrap_or_default()),
            )
    }
}
