//! The x/y chart (lines, bands, bars) as a Leptos component. Its spec comes in as a signal;
//! the frame and scene are memos of it (and of the series the reader hid), drawn by
//! [`ChartFigure`](super::figure::ChartFigure). The chart holds its own hover state: pointing at a mark never re-runs the
//! view around it.

use super::figure::spec_chart;
use super::kinds::XySpec;
use crate::i18n::Locale;
use leptos::prelude::*;

#[component]
pub fn XyChart(
    #[prop(into)] spec: Signal<XySpec>,
    #[prop(into)] narrow: Signal<bool>,
    locale: Locale,
) -> impl IntoView {
    spec_chart(spec, narrow, locale)
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
                last.get_value().unwrap_or_else(|| XySpec::empty(""))
            });
            view! { <XyChart spec=spec narrow=narrow locale=locale /> }
        })
    }
}
