//! What the report header's currency control says under it: the conversion in force, a prompt
//! for the rate, or why the rate typed cannot be used.

use super::{fill, Locale, Message, Msg};

crate::messages! {
    pub enum FxMsg {
        RatePrompt => ("Type how many {1} one {0} is worth to show money in {1}.", "请输入 1 {0} 折合多少 {1}，即以 {1} 显示金额。", "請輸入 1 {0} 折合多少 {1}，即以 {1} 顯示金額。"),
    }
}

/// The line under the currency control.
#[derive(Debug, Clone, PartialEq)]
pub enum FxNote {
    /// The conversion in force (the reader's assumption: a badge follows).
    Converted(String),
    /// A currency is chosen and no rate typed yet.
    Prompt(String),
    /// The rate typed cannot be used.
    RateNeeded(&'static str),
}

/// What to say for a conversion from `from` to the chosen `to` ("" for none), given the
/// conversion in force and the rate as typed.
pub fn fx_note(
    from: &str,
    to: &str,
    in_force: Option<(&str, f64)>,
    typed: &str,
    locale: Locale,
) -> Option<FxNote> {
    match (to.is_empty(), in_force) {
        (true, _) => None,
        (false, Some((cur, rate))) => Some(FxNote::Converted(format!(
            "{} ",
            fill(
                Msg::ConvertedNote.text(locale),
                &[from, &crate::domain::format::number(rate, 6), cur]
            )
        ))),
        // Nothing typed yet: ask for the rate; an error only for a rate that cannot be used.
        (false, None) if typed.trim().is_empty() => Some(FxNote::Prompt(fill(
            FxMsg::RatePrompt.text(locale),
            &[from, to],
        ))),
        (false, None) => Some(FxNote::RateNeeded(Msg::RateNeeded.text(locale))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nothing_until_a_currency_is_chosen() {
        assert_eq!(fx_note("USD", "", None, "7", Locale::En), None);
    }

    #[test]
    fn a_chosen_currency_asks_for_its_rate_then_says_what_is_in_force() {
        assert_eq!(
            fx_note("USD", "CNY", None, " ", Locale::En),
            Some(FxNote::Prompt(
                "Type how many CNY one USD is worth to show money in CNY.".into()
            ))
        );
        let Some(FxNote::Converted(text)) =
            fx_note("USD", "CNY", Some(("CNY", 7.1)), "7.1", Locale::En)
        else {
            panic!("a conversion in force is stated");
        };
        assert!(text.starts_with("Money converted at 1 USD = 7.1"), "{text}");
    }

    #[test]
    fn a_rate_that_cannot_be_used_is_explained() {
        assert_eq!(
            fx_note("USD", "EUR", None, "-3", Locale::En),
            Some(FxNote::RateNeeded("Type a positive rate to convert."))
        );
    }
}
