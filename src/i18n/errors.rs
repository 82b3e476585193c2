//! Why something could not be done, in the reader's language. The domain returns error
//! values; this words them (never their English `Display`, which is for logs and tools).

use super::{fill, Message, Msg};
use crate::domain::engine::error::EngineError;
use crate::domain::format::{self, Locale};

crate::messages! {
    /// Why the engine could not give a number.
    pub enum EngineMsg {
        Rate => (
            "a growth rate of {0} is not possible (it must be above −100%)",
            "{0} 的增长率不成立（必须高于 −100%）",
            "{0} 的成長率不成立（必須高於 −100%）"
        ),
        NonPositive => ("the value {0} must be above zero", "数值 {0} 必须大于零", "數值 {0} 必須大於零"),
        NonFinite => ("a number is missing or not finite", "缺少数字或数字无效", "缺少數字或數字無效"),
        Empty => ("there is nothing to compute from", "没有可供计算的数据", "沒有可供計算的資料"),
        ZeroHorizon => ("the horizon must be at least one period", "期限至少须为一期", "期限至少須為一期"),
        NotEnough => (
            "needs reported values in {0} different years, found {1}",
            "需要 {0} 个不同年份的报告值，只有 {1} 个",
            "需要 {0} 個不同年份的報告值，只有 {1} 個"
        ),
        Infeasible => ("the bounds contradict each other", "各界限相互矛盾", "各界限相互矛盾"),
        Unreachable => ("the target is not reached at this rate", "按此增长率无法达到目标", "按此成長率無法達到目標"),
        OutOfRange => ("the result is too large or too small to show", "结果过大或过小，无法显示", "結果過大或過小，無法顯示"),
    }
}

/// What an engine error means ("the bounds contradict each other"), without a prefix.
pub fn engine_reason(e: &EngineError, locale: Locale) -> String {
    let t = |m: EngineMsg| m.text(locale);
    match e {
        EngineError::RateAtOrBelowMinusOne(r) => {
            fill(t(EngineMsg::Rate), &[&format::percent(*r, 1)])
        }
        EngineError::NonPositiveValue(v) => {
            fill(t(EngineMsg::NonPositive), &[&format::number(*v, 2)])
        }
        EngineError::NonFinite => t(EngineMsg::NonFinite).to_string(),
        EngineError::Empty => t(EngineMsg::Empty).to_string(),
        EngineError::ZeroHorizon => t(EngineMsg::ZeroHorizon).to_string(),
        EngineError::NotEnoughPoints { needed, found } => fill(
            t(EngineMsg::NotEnough),
            &[&needed.to_string(), &found.to_string()],
        ),
        EngineError::Infeasible => t(EngineMsg::Infeasible).to_string(),
        EngineError::Unreachable => t(EngineMsg::Unreachable).to_string(),
        EngineError::OutOfRange => t(EngineMsg::OutOfRange).to_string(),
    }
}

/// "Cannot compute: the bounds contradict each other".
pub fn engine_error(e: &EngineError, locale: Locale) -> String {
    with_prefix(
        Msg::EngineErrorPrefix.text(locale),
        &engine_reason(e, locale),
        locale,
    )
}

/// "Prefix: reason", with the colon of the language.
fn with_prefix(prefix: &str, reason: &str, locale: Locale) -> String {
    let sep = if locale == Locale::En { ": " } else { "：" };
    format!("{prefix}{sep}{reason}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn engine_errors_read_with_the_prefix_of_their_language() {
        assert_eq!(
            engine_error(&EngineError::Infeasible, Locale::En),
            "Cannot compute: the bounds contradict each other"
        );
        assert_eq!(
            engine_error(&EngineError::Infeasible, Locale::ZhHans),
            "无法计算：各界限相互矛盾"
        );
        assert_eq!(
            engine_reason(&EngineError::RateAtOrBelowMinusOne(-1.5), Locale::En),
            "a growth rate of -150% is not possible (it must be above −100%)"
        );
    }
}
