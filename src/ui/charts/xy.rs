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

/// An x/y chart that shows while its spec exists (a model may fail on odd input): made when
/// the spec appears, removed when it goes, and in between fed each new spec.
#[component]
pub fn OptionalXyChart(
    spec: Memo<Option<XySpec>>,
    #[prop(into)] narrow: Signal<bool>,
    locale: Locale,
) -> impl IntoView {
    let shown = Memo::new(move |_| spec.with(Option::is_some));
    move || {
        shown.get().then(|| {
            // Keeps the last spec drawn while the chart is torn down.
            let last = StoredValue::new(spec.get_untracked());
            let spec = Signal::derive(move || {
                if let Some(s) = spec.get() {
                    last.set_value(Some(s));
                }
                last.get_value().unwrap_or_else(empty_spec)
            });
            view! { <XyChart spec=spec narrow=narrow locale=locale /> }
        })
    }
}

fn empty_spec() -> XySpec {
    XySpec {
        name: String::new(),
        title: String::new(),
        subtitle: None,
        description: String::new(),
        series: Vec::new(),
        unit: crate::domain::schema::Unit::Number,
        x_title: String::new(),
        notes: Vec::new(),
        tall: false,
    }
}
