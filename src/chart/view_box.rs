//! Reading a chart's `viewBox`: its drawing size, for the frame and for exports.

/// The size a chart is drawn at when its `viewBox` does not say.
pub const DEFAULT_SIZE: (f64, f64) = (800.0, 400.0);

/// Width and height of a `viewBox="x y w h"`: its third and fourth numbers, each falling back
/// to [`DEFAULT_SIZE`] when missing or not a number.
pub fn view_box_size(view_box: &str) -> (f64, f64) {
    let v: Vec<f64> = view_box
        .split_whitespace()
        .filter_map(|x| x.parse().ok())
        .collect();
    (
        v.get(2).copied().unwrap_or(DEFAULT_SIZE.0),
        v.get(3).copied().unwrap_or(DEFAULT_SIZE.1),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_width_and_height_and_falls_back_to_the_default() {
        assert_eq!(view_box_size("0 0 360 240"), (360.0, 240.0));
        assert_eq!(view_box_size("0 -64 800 488"), (800.0, 488.0));
        assert_eq!(view_box_size("0 0 360"), (360.0, 400.0));
        assert_eq!(view_box_size(""), DEFAULT_SIZE);
    }
}
