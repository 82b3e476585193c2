//! The logic under the assumption slider (`ui::slider::AssumptionSlider`): how a value is shown
//! and typed, the slider's scale and step, and what typed text means (a clamped value, or why
//! it is not usable).

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
        format!(
            "{label}{}",
            crate::i18n::bracketed(locale, Msg::ExactValue.text(locale))
        )
    }
}
