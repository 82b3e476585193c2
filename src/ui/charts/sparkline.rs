//! A library card's sparkline as a component: the paths come from the chart core
//! (`crate::chart::sparkline`); a card's data never changes, so nothing here is reactive.

use crate::chart::sparkline::{sparkline_paths, view_box};
use leptos::prelude::*;

/// A small decorative trend line (the card states the headline in words), hidden from
/// assistive technology.
#[component]
pub fn Sparkline(values: Vec<(f64, f64)>, split_at: Option<f64>) -> impl IntoView {
    let paths = sparkline_paths(&values, split_at);
    view! {
        <svg class="sparkline" viewBox=view_box() aria-hidden="true" focusable="false">
            <path class="line s0" d=paths.solid></path>
            <path class="line dashed s0" d=paths.dashed></path>
        </svg>
    }
}
