//! The x/y chart (lines, bands, bars) as a Leptos component. Its spec comes in as a signal;
//! the frame and scene are memos of it (and of the series the reader hid), drawn by
//! [`ChartFigure`]. The chart holds its own hover state: pointing at a mark never re-runs the
//! view around it.

use super::figure::{ChartFigure, ChartState};
use super::kinds::{xy_drawing, XySpec};
use super::marks::Scene;
use crate::i18n::Locale;
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn XyChart(
    #[prop(into)] spec: Signal<XySpec>,
    #[prop(into)] narrow: Signal<bool>,
    locale: Locale,
) -> impl IntoView {
    let state = ChartState::new();
    let drawing = Memo::new(move |_| {
        let narrow = narrow.get();
        spec.with(|s| state.hidden.with(|h| xy_drawing(s, h, narrow, locale)))
    });
    let frame = Memo::new(move |_| drawing.with(|d| d.0.clone()));
    let scene = Memo::new(move |_| drawing.with(|d| Arc::new(Scene::new(d.1.clone()))));
    let name = spec.with_untracked(|s| s.name.clone());
    view! { <ChartFigure name=name frame=frame scene=scene state=state locale=locale /> }
}
