//! An assumption slider as a Leptos component: the same control as
//! [`AssumptionInput`](super::controls::AssumptionInput) (label, range input, number field, the
//! message about bad typing), with each attribute bound to the signal that moves it. Moving the
//! slider writes the value through `on_change` and touches nothing here but `value`,
//! `aria-valuetext`, the field's text and the `changed` class.

use super::controls::{SliderScale, ValueKind};
use crate::domain::format::Locale;
use crate::domain::schema::AssumptionRange;
use leptos::prelude::*;

/// A labelled slider with a number field for exact entry. `on_change` receives valid, clamped
/// values; bad typing keeps the last value and says why (the control's own error state).
#[component]
pub fn AssumptionSlider(
    /// DOM id base (unique on the page): `{id}-slider`, `{id}-field`, `{id}-msg`.
    id: String,
    label: String,
    #[prop(into)] value: Signal<f64>,
    range: AssumptionRange,
    kind: ValueKind,
    /// Whether the reader changed it from the default (marks the control).
    #[prop(into)]
    changed: Signal<bool>,
    locale: Locale,
    #[prop(into)] on_change: Callback<f64>,
    /// The message under the control, when its owner also writes it (clears it, or explains
    /// how it used a value); otherwise the control keeps its own.
    #[prop(optional)]
    error: Option<RwSignal<Option<String>>>,
    /// How a value reads to assistive technology (`aria-valuetext`) when the formatted number
    /// alone does not say it ("2 points", "× 1.5").
    #[prop(optional)]
    value_text: Option<Callback<f64, String>>,
) -> impl IntoView {
    let scale = SliderScale::new(range, kind);
    let error = error.unwrap_or_else(|| RwSignal::new(None::<String>));
    let (slider_id, field_id, msg_id) = (
        format!("{id}-slider"),
        format!("{id}-field"),
        format!("{id}-msg"),
    );
    let slide = move |ev: leptos::ev::Event| {
        if let Some(v) = scale.slid(&event_target_value(&ev)) {
            error.set(None);
            on_change.run(v);
        }
    };
    let typed = move |ev: leptos::ev::Event| {
        let typed = scale.typed(&event_target_value(&ev), locale);
        error.set(typed.error);
        if let Some(v) = typed.value {
            on_change.run(v);
        }
    };
    let field_label = SliderScale::field_label(&label, locale);
    let field = NodeRef::<leptos::html::Input>::new();
    // Bad typing stays in the field while the reader fixes it; once they move on, the field
    // shows the value in force again (a clamped value may equal the last one: no update).
    let restore = move |_| {
        if let Some(input) = field.get_untracked() {
            let shown = scale.field_text(value.get_untracked());
            if input.value() != shown {
                input.set_value(&shown);
            }
        }
    };
    view! {
        <div
            class=move || if changed.get() { "assumption changed" } else { "assumption" }
            data-assumption=id
        >
            <label for=slider_id.clone() class="assumption-label">
                {label}
            </label>
            <div class="assumption-inputs">
                <input
                    type="range"
                    id=slider_id
                    min=scale.lo.to_string()
                    max=scale.hi.to_string()
                    step=scale.step.to_string()
                    aria-valuetext=move || {
                        let v = value.get();
                        value_text.map_or_else(|| kind.format(v), |f| f.run(v))
                    }
                    prop:value=move || scale.slider_text(value.get())
                    on:input=slide
                />
                <input
                    type="text"
                    inputmode="decimal"
                    id=field_id
                    class="assumption-field"
                    node_ref=field
                    aria-label=field_label
                    aria-describedby=msg_id.clone()
                    aria-invalid=move || error.with(Option::is_some).to_string()
                    prop:value=move || scale.field_text(value.get())
                    on:change=typed
                    on:blur=restore
                />
                {(kind == ValueKind::Percent)
                    .then(|| view! { <span class="unit" aria-hidden="true">"%"</span> })}
            </div>
            <p class="field-msg" id=msg_id role="status">
                {move || error.get().unwrap_or_default()}
            </p>
        </div>
    }
}
