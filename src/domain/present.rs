//! The presentation mode's keys: what a key does while a report is presented, and where a step
//! through the report's views lands. Pure, so the keyboard behaviour is tested natively.

/// What a key does in the presentation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PresentKey {
    Next,
    Previous,
    First,
    Last,
    Leave,
}

/// The key's action, by `KeyboardEvent.key`. Presentation clickers send PageDown / PageUp.
pub fn key_action(key: &str) -> Option<PresentKey> {
    match key {
        "ArrowRight" | "PageDown" => Some(PresentKey::Next),
        "ArrowLeft" | "PageUp" => Some(PresentKey::Previous),
        "Home" => Some(PresentKey::First),
        "End" => Some(PresentKey::Last),
        "Escape" => Some(PresentKey::Leave),
        _ => None,
    }
}

/// The view a step lands on, by index among `count` views; `None` when there is nowhere to
/// go (the presentation stops at its ends rather than wrapping round).
pub fn step(count: usize, current: usize, action: PresentKey) -> Option<usize> {
    if count == 0 {
        return None;
    }
    let target = match action {
        PresentKey::Next => current.checked_add(1).filter(|&i| i < count)?,
        PresentKey::Previous => current.checked_sub(1)?,
        PresentKey::First => 0,
        PresentKey::Last => count - 1,
        PresentKey::Leave => return None,
    };
    (target != current).then_some(target)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_step_through_and_stop_at_the_ends() {
        let next = key_action("ArrowRight").unwrap();
        let prev = key_action("ArrowLeft").unwrap();
        assert_eq!(step(5, 0, next), Some(1));
        assert_eq!(step(5, 4, next), None);
        assert_eq!(step(5, 1, prev), Some(0));
        assert_eq!(step(5, 0, prev), None);
        assert_eq!(step(5, 2, PresentKey::First), Some(0));
        assert_eq!(step(5, 2, PresentKey::Last), Some(4));
        assert_eq!(step(5, 4, PresentKey::Last), None);
        assert_eq!(step(0, 0, next), None);
        assert_eq!(key_action("PageDown"), Some(PresentKey::Next));
        assert_eq!(key_action("PageUp"), Some(PresentKey::Previous));
        assert_eq!(key_action("Escape"), Some(PresentKey::Leave));
        assert_eq!(step(3, 1, PresentKey::Leave), None);
        assert_eq!(key_action("a"), None);
    }
}
