//! Goal seek's words and answer: which growth takes the headline from its anchor to a target
//! by a chosen year, and when the rate in force reaches it. Plain functions, so the overview's
//! panel only lays them out.

use super::errors::engine_reason;
use super::{fill, Message};
use crate::domain::engine::goal_seek::{need_to_reach, periods_to_reach, Need};
use crate::domain::engine::model::Computed;
use crate::domain::format::{self, magnitude, parse_typed, Locale, Shown};
use crate::domain::schema::Unit;

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

/// What the panel is about: the headline's anchor, the magnitude targets are typed in, and
/// the years to choose from. Changes only with the model's anchor, not with a typed target.
#[derive(Debug, Clone, PartialEq)]
pub struct GoalSetup {
    pub anchor_year: i32,
    pub anchor_value: f64,
    /// A typed target (in display magnitude, e.g. 8 for US$8 bn) times this is the value.
    pub factor: f64,
    /// Double the anchor, in display magnitude: the target before the reader types one.
    pub default_target: f64,
    pub last_year: i32,
    /// "Which yearly growth from 2025 reaches …?"
    pub intro: String,
    /// "Target value (USD bn)" (a no-break space before "bn").
    pub target_label: String,
    pub placeholder: String,
}

/// The setup for `c`'s headline, with forecasts up to `last_year`; `None` without a headline
/// path through its anchor.
pub fn goal_setup(c: &Computed, unit: &Unit, last_year: i32, locale: Locale) -> Option<GoalSetup> {
    let h = c.headline.as_ref()?;
    let anchor_value = h.points.iter().find(|p| p.year == h.anchor_year)?.value;
    // Targets are typed in the anchor's magnitude (bn, 亿 …), defaulting to double the anchor.
    let (scaled, word) = magnitude(anchor_value, locale);
    let factor = if scaled != 0.0 {
        anchor_value / scaled
    } else {
        1.0
    };
    // Exactly double, not rounded in the magnitude shown: 140.2 bn and 1,402亿 are one value,
    // so the default answer is the same in every language.
    let default_target = if scaled * 2.0 > 0.0 {
        scaled * 2.0
    } else {
        1.0
    };
    // "USD bn"; in Chinese the magnitude and the currency's own word, as amounts read ("亿元").
    let unit_word = match unit {
        Unit::Currency(code) => match format::currency_suffix_zh(code, locale) {
            Some(suffix) if locale != Locale::En => format!("{}{suffix}", word.trim()),
            _ => format!("{code}{word}"),
        },
        _ => word.trim().to_string(),
    };
    Some(GoalSetup {
        anchor_year: h.anchor_year,
        anchor_value,
        factor,
        default_target,
        last_year,
        intro: fill(GoalMsg::Intro.text(locale), &[&h.anchor_year.to_string()]),
        target_label: fill(GoalMsg::Target.text(locale), &[&unit_word]),
        placeholder: format::number(default_target, 2),
    })
}

/// A target as the reader typed it, with the magnitude it was typed in (`GoalSetup::factor`:
/// bn in English, 亿 in Chinese), so a language switch that changes the magnitude re-expresses
/// the number instead of changing the value it stands for (50 bn is 500 亿, not 50 亿).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TypedTarget {
    pub text: String,
    /// `GoalSetup::factor` when typed; 0 before the reader types.
    pub factor: f64,
}

impl TypedTarget {
    /// The target as `setup`'s magnitude writes it: as typed where the magnitude is the same,
    /// the field is empty or what it holds is not a number (its message says so in any
    /// language); otherwise the same value to six significant digits. The typed text is kept,
    /// so switching back shows exactly what was typed.
    pub fn text_in(&self, setup: &GoalSetup) -> String {
        let ratio = self.factor / setup.factor;
        let same = self.factor == setup.factor || !(ratio.is_finite() && ratio > 0.0);
        match parse_typed(&self.text).filter(|v| v.is_finite() && *v > 0.0) {
            Some(v) if !same => {
                let value = v * ratio;
                // Six significant digits: "80", "0.25", "0.0000041" all keep their value.
                let decimals = (5.0 - value.log10().floor()).clamp(0.0, 12.0) as usize;
                format::number(value, decimals)
            }
            _ => self.text.clone(),
        }
    }
}

/// What the answer says first: the growth needed (marked as the reader's scenario), that the
/// target is already reached, or why no rate can be given.
#[derive(Debug, Clone, PartialEq)]
pub enum NeedText {
    Rate(String),
    AlreadyReached(String),
    Failed(String),
}

#[derive(Debug, Clone, PartialEq)]
pub enum GoalAnswer {
    /// The typed target is not a positive number.
    Invalid(String),
    /// The growth needed, then when the rate in force reaches the target.
    Answer { need: NeedText, reach: String },
}

/// The answer for a target typed as `typed` (empty: the default) by `year` (`None`: the last
/// forecast year), at `rate` in force.
pub fn goal_answer(
    setup: &GoalSetup,
    typed: &str,
    year: Option<i32>,
    rate: f64,
    unit: &Unit,
    shown: Shown,
) -> GoalAnswer {
    let locale = shown.locale;
    let t = |m: GoalMsg| m.text(locale);
    let target_display = if typed.trim().is_empty() {
        Some(setup.default_target)
    } else {
        parse_typed(typed).filter(|v| *v > 0.0)
    };
    let Some(v) = target_display else {
        return GoalAnswer::Invalid(t(GoalMsg::Invalid).to_string());
    };
    let year = year.unwrap_or(setup.last_year);
    let anchor_year = setup.anchor_year;
    let target = v * setup.factor;
    let shown = format::value(target, unit, shown);
    let need = match need_to_reach(
        setup.anchor_value,
        target,
        u32::try_from(year - anchor_year).unwrap_or(0),
    ) {
        Ok(Need::AlreadyReached) => NeedText::AlreadyReached(fill(
            t(GoalMsg::AlreadyReached),
            &[&shown, &anchor_year.to_string()],
        )),
        Ok(Need::Rate(r)) => {
            // Two decimals only where one would print the two rates the same.
            let (need, in_force) = format::rates_apart(r, rate);
            NeedText::Rate(fill(
                t(GoalMsg::NeedsRate),
                &[
                    &shown,
                    &year.to_string(),
                    &need,
                    &anchor_year.to_string(),
                    &in_force,
                ],
            ))
        }
        Err(e) => NeedText::Failed(engine_reason(&e, locale)),
    };
    let reach = match periods_to_reach(setup.anchor_value, target, rate) {
        Ok(reach) => fill(
            t(GoalMsg::ReachedIn),
            &[&shown, &(anchor_year + reach.whole as i32).to_string()],
        ),
        Err(_) => fill(t(GoalMsg::NotReached), &[&shown]),
    };
    GoalAnswer::Answer { need, reach }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::bundled::load_bundled;
    use crate::domain::engine::model::compute;
    use crate::domain::scenario::Scenario;

    fn setup(locale: Locale) -> (GoalSetup, f64, Unit) {
        let r = load_bundled()
            .0
            .into_iter()
            .find(|r| r.id == "smartphone-leasing")
            .expect("bundled");
        let c = compute(&r, &Scenario::published()).expect("model");
        let rate = c.headline.as_ref().expect("headline").rate;
        let unit = r.headline_unit();
        let s = goal_setup(&c, &unit, r.meta.forecast.to, locale).expect("setup");
        (s, rate, unit)
    }

    #[test]
    fn a_typed_target_keeps_its_value_across_a_change_of_magnitude() {
        let (en, ..) = setup(Locale::En);
        let (zh, ..) = setup(Locale::ZhHans);
        let typed = |text: &str, s: &GoalSetup| TypedTarget {
            text: text.to_string(),
            factor: s.factor,
        };
        // US$8 bn typed in English is 80 亿美元 in Chinese; the typed text itself is kept.
        assert_eq!(typed("8", &en).text_in(&zh), "80");
        assert_eq!(typed("8", &en).text_in(&en), "8");
        assert_eq!(typed("2.5", &zh).text_in(&en), "0.25");
        assert_eq!(typed("12,000", &zh).text_in(&en), "1,200");
        assert_eq!(typed("1.23456", &zh).text_in(&en), "0.123456");
        // A target far below the anchor keeps its value too (not "0").
        assert_eq!(typed("0.00004", &zh).text_in(&en), "0.000004");
        // An empty field or a word stays as typed; never typed, nothing to convert.
        assert_eq!(typed("", &en).text_in(&zh), "");
        assert_eq!(typed("lots", &en).text_in(&zh), "lots");
        assert_eq!(TypedTarget::default().text_in(&zh), "");
        // An anchor whose magnitudes do not divide evenly (¥70.1 bn = 701亿): the default
        // target is one value in both languages.
        let r = load_bundled()
            .0
            .into_iter()
            .find(|r| r.id == "china-call-center")
            .expect("bundled");
        let c = compute(&r, &Scenario::published()).expect("model");
        let unit = r.headline_unit();
        let at = |l| goal_setup(&c, &unit, r.meta.forecast.to, l).expect("setup");
        let (en, zh) = (at(Locale::En), at(Locale::ZhHans));
        assert!((en.default_target * en.factor - zh.default_target * zh.factor).abs() < 1.0);
        assert_eq!(typed("150", &en).text_in(&zh), "1,500");
    }

    #[test]
    fn the_default_target_doubles_the_anchor_by_the_last_year() {
        let (s, rate, unit) = setup(Locale::En);
        assert_eq!(s.target_label, "Target value (USD\u{a0}bn)");
        assert_eq!(s.placeholder, "5");
        // In Chinese the field is in 亿美元, as the amounts beside it read.
        assert_eq!(setup(Locale::ZhHans).0.target_label, "目标值（亿美元）");
        // (5/2.5)^(1/7) − 1 = 10.41%, beside the 13.6% in force; reached in 2031.
        match goal_answer(&s, "", None, rate, &unit, Shown::as_reported(Locale::En)) {
            GoalAnswer::Answer {
                need: NeedText::Rate(need),
                reach,
            } => {
                assert!(need.contains("10.4% a year"), "{need}");
                assert!(reach.contains("reached in 2031"), "{reach}");
            }
            other => panic!("{other:?}"),
        }
        // (8/2.5)^(1/5) − 1 = 26.19%.
        match goal_answer(
            &s,
            "8",
            Some(2030),
            rate,
            &unit,
            Shown::as_reported(Locale::En),
        ) {
            GoalAnswer::Answer {
                need: NeedText::Rate(need),
                ..
            } => assert!(need.contains("26.2%"), "{need}"),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_target_already_passed_or_not_a_number_says_so() {
        let (s, rate, unit) = setup(Locale::En);
        assert_eq!(
            goal_answer(&s, "2", None, rate, &unit, Shown::as_reported(Locale::En)),
            GoalAnswer::Answer {
                need: NeedText::AlreadyReached(
                    "US$2\u{a0}bn is already reached in 2025: no growth is needed.".into()
                ),
                reach: "At the rate in force, US$2\u{a0}bn is reached in 2025.".into(),
            }
        );
        for bad in ["abc", "-3", "0"] {
            assert_eq!(
                goal_answer(&s, bad, None, rate, &unit, Shown::as_reported(Locale::En)),
                GoalAnswer::Invalid(GoalMsg::Invalid.text(Locale::En).into())
            );
        }
        // At no growth a higher target is never reached.
        match goal_answer(
            &s,
            "8",
            None,
            0.0,
            &unit,
            Shown::as_reported(Locale::ZhHans),
        ) {
            GoalAnswer::Answer { reach, .. } => assert!(reach.contains("永远达不到"), "{reach}"),
            other => panic!("{other:?}"),
        }
    }
}
