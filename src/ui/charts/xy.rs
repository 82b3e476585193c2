//! The x/y chart (lines, bands, bars) as a Leptos component. Its spec comes in as a signal;
//! the frame and scene are memos of it (and of the series the reader hid), drawn by
//! [`ChartFigure`]. The chart holds its own hover state: pointing at a mark never re-runs the
//! view around it.

use super::figure::{drawn_chart, ChartState};
use super::kinds::{xy_drawing, XySpec};
use crate::i18n::Locale;
use leptos::prelude::*;

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
    drawn_chart(
        spec.with_untracked(|s| s.name.clone()),
        drawing,
        state,
        locale,
    )
}
