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

/// What a slider and its number field accept and how they show a value: the logic both
/// renderings ([`AssumptionInput`] and [`AssumptionSlider`]) share.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SliderScale {
    pub kind: ValueKind,
    /// Display units (percent points for a percentage).
    pub lo: f64,
    pub hi: f64,
    pub step: f64,
    pub decimals: usize,
}

/// What typing into the field did: the value to store (if any) and what to tell the reader.
#[derive(Debug, Clone, PartialEq)]
pub struct Typed {
    pub value: Option<f64>,
    pub error: Option<String>,
}

impl SliderScale {
    pub fn new(range: AssumptionRange, kind: ValueKind) -> Self {
        let step = kind.to_display(range.step);
        SliderScale {
            kind,
            lo: kind.to_display(range.min),
            hi: kind.to_display(range.max),
            step,
            decimals: display_decimals(step),
        }
    }

    /// The field's text for a stored value ("13.6").
    pub fn field_text(&self, v: f64) -> String {
        format::number(self.kind.to_display(v), self.decimals).replace(',', "")
    }

    /// The slider's `value` property for a stored value.
    pub fn slider_text(&self, v: f64) -> String {
        self.kind.to_display(v).to_string()
    }

    /// The stored value a slider position stands for.
    pub fn slid(&self, text: &str) -> Option<f64> {
        parse_typed(text).map(|v| self.kind.to_stored(v.clamp(self.lo, self.hi)))
    }

    /// What typing `text` does: a value in range is kept, one outside is clamped and said so,
    /// anything else keeps the last value and says why.
    pub fn typed(&self, text: &str, locale: Locale) -> Typed {
        match parse_typed(text) {
            Some(v) if (self.lo..=self.hi).contains(&v) => Typed {
                value: Some(self.kind.to_stored(v)),
                error: None,
            },
            Some(v) => Typed {
                value: Some(self.kind.to_stored(v.clamp(self.lo, self.hi))),
                error: Some(format!(
                    "{} {}–{}",
                    Msg::OutOfRange.text(locale),
                    format::number(self.lo, self.decimals),
                    format::number(self.hi, self.decimals)
                )),
            },
            None => Typed {
                value: None,
                error: Some(format!(
                    "{} “{}”",
                    Msg::NotANumber.text(locale),
                    text.trim()
                )),
            },
        }
    }

    /// The field's accessible name: the label and that it takes an exact value.
    pub fn field_label(label: &str, locale: Locale) -> String {
        format!("{label} ({})", Msg::ExactValue.text(locale))
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
        let scale = SliderScale::new(self.range, kind);
        let (slider_id, field_id, msg_id) = (
            format!("{}-slider", self.id),
            format!("{}-field", self.id),
            format!("{}-msg", self.id),
        );
        let slide = {
            let (on_change, on_error) = (on_change.clone(), on_error.clone());
            move |ev: &Ev| {
                if let Some(v) = scale.slid(&ev.value) {
                    on_error(None);
                    on_change(v);
                }
            }
        };
        let typed = move |ev: &Ev| {
            let typed = scale.typed(&ev.value, locale);
            on_error(typed.error);
            if let Some(v) = typed.value {
                on_change(v);
            }
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
                            .attr("min", scale.lo.to_string())
                            .attr("max", scale.hi.to_string())
                            .attr("step", scale.step.to_string())
                            .attr(
                                "aria-valuetext",
                                self.value_text.unwrap_or_else(|| kind.format(self.value)),
                            )
                            .prop("value", scale.slider_text(self.value))
                            .on(On::Input, slide),
                    )
                    .child(
                        el("input")
                            .attr("type", "text")
                            .attr("inputmode", "decimal")
                            .id(field_id)
                            .class("assumption-field")
                            .attr("aria-label", SliderScale::field_label(&self.label, locale))
                            .attr("aria-describedby", msg_id.clone())
                            .attr("aria-invalid", self.error.is_some().to_string())
                            .prop("value", scale.field_text(self.value))
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
