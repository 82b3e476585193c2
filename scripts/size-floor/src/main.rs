//! The smallest page on the app's stack: Leptos (csr) with one slider and the text it moves.
//! With `--features report`, the slider's rate also projects a bundled report, fetched with
//! gloo-net, read with serde_json into the app's schema, validated and computed by the app's
//! domain: what any first chart needs before a single view of ours is drawn.
use leptos::prelude::*;

fn main() {
    leptos::mount::mount_to_body(App);
}

#[component]
fn App() -> impl IntoView {
    let rate = RwSignal::new(5.0_f64);
    view! {
        <main>
            <input type="range" min="0" max="20" step="0.5"
                prop:value=move || rate.get().to_string()
                on:input=move |ev| rate.set(event_target_value(&ev).parse().unwrap_or(0.0))/>
            <p>{move || format!("{:.1} %", rate.get())}</p>
            {projection(rate)}
        </main>
    }
}

#[cfg(not(feature = "report"))]
fn projection(_rate: RwSignal<f64>) -> impl IntoView {}

#[cfg(feature = "report")]
fn projection(rate: RwSignal<f64>) -> impl IntoView {
    use report_explorer::domain::{
        engine::model::compute, load::parse_report, scenario::Scenario, schema::Report,
    };
    use std::sync::Arc;

    let report = RwSignal::new(None::<Result<Arc<Report>, &'static str>>);
    leptos::task::spawn_local(async move {
        let read = match gloo_net::http::Request::get("reports/smartphone-leasing.json")
            .send()
            .await
        {
            Ok(answer) => answer.text().await.map_err(|_| "not read"),
            Err(_) => Err("not fetched"),
        };
        // Only a word on failure: the app's worded errors would add its three languages.
        let parsed = read.and_then(|json| parse_report("report", &json).map_err(|_| "invalid"));
        report.set(Some(parsed.map(Arc::new)));
    });
    move || match report.get() {
        None => "Loading".to_string(),
        Some(Err(why)) => why.to_string(),
        Some(Ok(report)) => {
            let mut scenario = Scenario::published();
            scenario.values.insert("headline_cagr".into(), rate.get());
            match compute(&report, &scenario) {
                Ok(model) => model
                    .headline
                    .map(|h| {
                        h.points
                            .iter()
                            .map(|p| format!("{} {:.1}; ", p.year, p.value))
                            .collect::<String>()
                    })
                    .unwrap_or_default(),
                Err(_) => "no model".to_string(),
            }
        }
    }
}
