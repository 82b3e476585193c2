//! What a reader types into the Monte Carlo's fields, read as a run uses it.

/// The fewest and most paths a reader may ask for: enough for a stable band, few enough for a
/// run of a few seconds on a phone.
pub const MIN_READER_PATHS: u32 = 100;
pub const MAX_READER_PATHS: u32 = 20_000;

/// A seed as typed: a whole number of 0 or more; grouping commas and spaces are ignored
/// ("1,000" is 1000). `None` for anything else.
pub fn parse_seed(typed: &str) -> Option<u64> {
    let digits: String = typed.chars().filter(|c| !matches!(c, ',' | ' ')).collect();
    digits.parse().ok()
}

/// A number of paths as typed, rounded and kept within
/// [`MIN_READER_PATHS`]–[`MAX_READER_PATHS`], and whether the rounded number was already within
/// (outside, the field shows the corrected number and says so). `None` for a value that is not
/// a finite number.
pub fn reader_paths(typed: f64) -> Option<(u32, bool)> {
    if !typed.is_finite() {
        return None;
    }
    let (lo, hi) = (f64::from(MIN_READER_PATHS), f64::from(MAX_READER_PATHS));
    let rounded = typed.round();
    Some((rounded.max(lo).min(hi) as u32, (lo..=hi).contains(&rounded)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seeds_are_whole_numbers_with_optional_grouping() {
        assert_eq!(parse_seed("42"), Some(42));
        assert_eq!(parse_seed(" 1,000 "), Some(1000));
        assert_eq!(parse_seed("1 000"), Some(1000));
        assert_eq!(parse_seed("-1"), None);
        assert_eq!(parse_seed("1.5"), None);
        assert_eq!(parse_seed(""), None);
        assert_eq!(parse_seed("abc"), None);
    }

    #[test]
    fn paths_are_rounded_and_kept_within_the_readers_range() {
        assert_eq!(reader_paths(2000.0), Some((2000, true)));
        assert_eq!(reader_paths(2000.4), Some((2000, true)));
        assert_eq!(reader_paths(50.0), Some((MIN_READER_PATHS, false)));
        assert_eq!(reader_paths(1e9), Some((MAX_READER_PATHS, false)));
        assert_eq!(reader_paths(-3.0), Some((MIN_READER_PATHS, false)));
        assert_eq!(reader_paths(f64::NAN), None);
        assert_eq!(reader_paths(f64::INFINITY), None);
    }
}
