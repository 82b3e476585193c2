//! A library card's sparkline: the published path in a 120×32 box, solid up to where history
//! ends and dashed from there on (the card states the headline in words; this is decoration).

use super::scale::LinearScale;
use super::shapes::line_path;

/// The sparkline's box, in SVG units.
pub const WIDTH: f64 = 120.0;
pub const HEIGHT: f64 = 32.0;

/// The two paths of a sparkline: history (solid) and forecast (dashed, from the last history
/// point on, so the two join).
#[derive(Debug, Clone, PartialEq)]
pub struct SparklinePaths {
    pub solid: String,
    pub dashed: String,
}

/// The paths of `values` (x, y), turning from solid to dashed after `split_at`; the y axis
/// starts at zero. Non-finite values are left out of the scale.
pub fn sparkline_paths(values: &[(f64, f64)], split_at: Option<f64>) -> SparklinePaths {
    let (x0, x1) = values
        .iter()
        .fold((f64::MAX, f64::MIN), |(a, b), v| (a.min(v.0), b.max(v.0)));
    let ymax = values
        .iter()
        .map(|v| v.1)
        .filter(|v| v.is_finite())
        .fold(0.0, f64::max);
    let sx = LinearScale::new((x0, x1), (2.0, WIDTH - 2.0));
    let sy = LinearScale::new((0.0, ymax), (HEIGHT - 2.0, 2.0));
    let split = split_at.unwrap_or(f64::INFINITY);
    let last_solid = values
        .iter()
        .map(|v| v.0)
        .filter(|x| *x <= split)
        .fold(f64::MIN, f64::max);
    let path = |keep: &dyn Fn(f64) -> bool| {
        line_path(
            &values
                .iter()
                .filter(|v| keep(v.0))
                .map(|v| (sx.map(v.0), sy.map(v.1)))
                .collect::<Vec<_>>(),
        )
    };
    SparklinePaths {
        solid: path(&|x| x <= split),
        dashed: path(&|x| x >= last_solid),
    }
}

/// The sparkline's `viewBox`.
pub fn view_box() -> String {
    format!("0 0 {WIDTH} {HEIGHT}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn history_is_solid_and_the_forecast_dashed_from_the_last_history_point() {
        let p = sparkline_paths(
            &[(2020.0, 0.0), (2021.0, 5.0), (2022.0, 10.0)],
            Some(2021.0),
        );
        assert_eq!(p.solid, "M2 30L60 16");
        assert_eq!(p.dashed, "M60 16L118 2");
    }

    #[test]
    fn without_a_split_the_whole_path_is_solid() {
        let p = sparkline_paths(&[(0.0, 1.0), (1.0, 1.0)], None);
        assert_eq!(p.solid, "M2 2L118 2");
        // The dashed part is the last point alone: nothing is drawn.
        assert_eq!(p.dashed, "M118 2");
    }

    #[test]
    fn a_non_finite_value_does_not_stretch_the_scale() {
        let p = sparkline_paths(&[(0.0, 4.0), (1.0, f64::INFINITY), (2.0, 8.0)], Some(0.0));
        assert_eq!(p.solid, "M2 16");
        assert!(p.dashed.ends_with("L118 2"), "{}", p.dashed);
    }

    #[test]
    fn the_box_is_120_by_32() {
        assert_eq!(view_box(), "0 0 120 32");
    }
}
