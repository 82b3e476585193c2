//! Browser tests: mount the real app in headless Chromium and look at what a reader sees.
//! Run by scripts/test.sh through wasm-bindgen-test-runner and the machine's chromedriver.
#![cfg(target_arch = "wasm32")]

use report_explorer::ui::App;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window()
        .and_then(|w| w.document())
        .expect("document")
}

/// The repo's report files, as a deployment serves them.
const REPORT_FILES: [(&str, &str); 3] = [
    (
        "smartphone-leasing.json",
        include_str!("../reports/smartphone-leasing.json"),
    ),
    (
        "china-call-center.json",
        include_str!("../reports/china-call-center.json"),
    ),
    (
        "parent-child-community.json",
        include_str!("../reports/parent-child-community.json"),
    ),
];

/// Gives the page the catalogue and the report files the way the single-file build does
/// (JSON data blocks the app reads instead of fetching): the test runner serves no reports/.
fn install_reports() {
    let doc = document();
    if doc
        .query_selector("script[data-file='reports/index.json']")
        .unwrap()
        .is_some()
    {
        return;
    }
    let files: Vec<(String, String)> = REPORT_FILES
        .iter()
        .map(|(f, t)| (f.to_string(), t.to_string()))
        .collect();
    let built = report_explorer::domain::catalogue::build(&files).expect("the reports are valid");
    for (name, text) in built.files.iter().chain(files.iter()) {
        let block = doc.create_element("script").unwrap();
        block.set_attribute("type", "application/json").unwrap();
        block
            .set_attribute("data-file", &format!("reports/{name}"))
            .unwrap();
        block.set_text_content(Some(text));
        doc.head().unwrap().append_child(&block).unwrap();
    }
}

/// Waits (up to two seconds) until `selector` matches in `host`.
async fn wait_for(host: &web_sys::HtmlElement, selector: &str) {
    for _ in 0..200 {
        if host.query_selector(selector).unwrap().is_some() {
            return;
        }
        sleep(10).await;
    }
    panic!("{selector} did not appear");
}

async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// Mounts the app into a fresh container and returns it. The page URL is reset first: the
/// app restores its state from the query, and an earlier test's app wrote one there.
fn mount() -> web_sys::HtmlElement {
    install_reports();
    reset_url();
    let doc = document();
    let host: web_sys::HtmlElement = doc.create_element("div").unwrap().unchecked_into();
    doc.body().unwrap().append_child(&host).unwrap();
    // No file asked for early: the app fetches everything itself.
    leptos::mount::mount_to(
        host.clone(),
        || leptos::view! { <App start=Default::default()/> },
    )
    .forget();
    host
}

fn reset_url() {
    let window = web_sys::window().unwrap();
    let path = window.location().pathname().unwrap();
    window
        .history()
        .unwrap()
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&path))
        .unwrap();
}

/// Lets Leptos run the effects a click scheduled (they run after the current task).
async fn settle() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

fn texts(host: &web_sys::HtmlElement, selector: &str) -> Vec<String> {
    let list = host.query_selector_all(selector).unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i))
        .map(|n| n.text_content().unwrap_or_default())
        .collect()
}

#[wasm_bindgen_test]
async fn library_lists_the_three_bundled_reports() {
    let host = mount();
    wait_for(&host, ".card h2").await;
    // Listed by file name, as the catalogue orders them.
    let titles = texts(&host, ".card h2");
    assert_eq!(titles.len(), 3, "{titles:?}");
    assert!(titles[0].contains("Call Center"), "{titles:?}");
    assert!(titles[1].contains("Parent"), "{titles:?}");
    assert!(
        titles[2].contains("Modular Smartphone Leasing"),
        "{titles:?}"
    );
    assert_eq!(
        texts(&host, "[data-testid=library-status]"),
        vec!["Showing 3 of 3 reports".to_string()]
    );
    assert!(texts(&host, ".notice.error").is_empty(), "no load errors");
    host.remove();
}

#[wasm_bindgen_test]
async fn opening_a_report_shows_its_headline_and_checks() {
    let host = mount();
    wait_for(
        &host,
        ".card[data-report='smartphone-leasing'] a.open-report",
    )
    .await;
    let link: web_sys::HtmlElement = host
        .query_selector(".card[data-report='smartphone-leasing'] a.open-report")
        .unwrap()
        .expect("open link")
        .unchecked_into();
    link.click();
    wait_for(&host, "[data-testid=headline]").await;
    let headline = texts(&host, "[data-testid=headline]");
    assert_eq!(
        headline,
        vec!["US$2.5\u{a0}bn (2025) → US$6.1\u{a0}bn (2032)".to_string()]
    );
    // The checks follow the headline chart's first paint (the overview's parts below it).
    let differs = "[data-check='check.stated_vs_implied.differs']";
    wait_for(&host, differs).await;
    let checks = texts(&host, differs);
    assert_eq!(checks.len(), 1);
    assert!(
        checks[0].contains("13.6%") && checks[0].contains("US$5.88\u{a0}bn"),
        "{checks:?}"
    );
    host.remove();
}

mod chart_component {
    use super::*;
    use leptos::prelude::*;
    use report_explorer::chart::xy::{Datum, Series, SeriesKind};
    use report_explorer::domain::format::Locale;
    use report_explorer::domain::schema::{Provenance, Unit};
    use report_explorer::ui::charts::{XyChart, XySpec};

    fn spec(last: f64) -> XySpec {
        XySpec {
            name: "test".into(),
            title: "Test market".into(),
            subtitle: None,
            description: "A known series".into(),
            series: vec![Series {
                key: "m".into(),
                label: "Market".into(),
                color: 0,
                kind: SeriesKind::Line {
                    dashed_from: Some(2025.0),
                },
                points: vec![
                    Datum::new(2024.0, 2e9, Provenance::Derived),
                    Datum::new(2025.0, 4e9, Provenance::Reported),
                    Datum::new(2026.0, last, Provenance::Derived),
                ],
                low: vec![],
            }],
            unit: Unit::Currency("USD".into()),
            x_title: "Year".into(),
            notes: vec![],
            tall: false,
        }
    }

    /// Mounts an x/y chart of [`spec`] in `host`; its last value is the returned signal.
    fn mount_chart(host: &web_sys::HtmlElement) -> RwSignal<f64> {
        let last = RwSignal::new(6e9);
        leptos::mount::mount_to(host.clone(), move || {
            let spec = Signal::derive(move || spec(last.get()));
            view! { <XyChart spec=spec narrow=false locale=Locale::En /> }
        })
        .forget();
        last
    }

    fn attr(host: &web_sys::HtmlElement, selector: &str, name: &str) -> String {
        host.query_selector(selector)
            .unwrap()
            .and_then(|e| e.get_attribute(name))
            .unwrap_or_default()
    }

    #[wasm_bindgen_test]
    async fn known_series_gives_known_paths_ticks_and_tooltip_and_updates_in_place() {
        let doc = super::document();
        let host: web_sys::HtmlElement = doc.create_element("div").unwrap().unchecked_into();
        // At the top of the page, on screen: a chart off screen follows a change once it rests.
        let body = doc.body().unwrap();
        body.insert_before(&host, body.first_child().as_ref())
            .unwrap();
        let last = mount_chart(&host);
        let h = host.clone();
        settle().await;
        // Plot 80..682 × 16..296 (height 340; the right 118 units hold the line's end
        // label); y ticks 0, 2, 4, 6 bn.
        assert_eq!(
            texts(&h, "text.tick.y"),
            vec!["US$0", "US$2\u{a0}bn", "US$4\u{a0}bn", "US$6\u{a0}bn"]
        );
        assert_eq!(texts(&h, "text.tick.x"), vec!["2024", "2025", "2026"]);
        assert_eq!(
            attr(&h, "path[data-series='m']", "d"),
            "M80 202.67L381 109.33"
        );
        assert_eq!(
            attr(&h, "path[data-series='m-forecast']", "d"),
            "M381 109.33L682 16"
        );
        // The line is named at its end.
        assert_eq!(texts(&h, "text.end-label"), vec!["Market"]);
        // Focusing a marker names its value, year and provenance.
        let marker: web_sys::HtmlElement = h
            .query_selector("path.mk.filled")
            .unwrap()
            .unwrap()
            .unchecked_into();
        marker.focus().unwrap();
        settle().await;
        assert_eq!(
            texts(&h, "[data-testid=readout]"),
            vec!["Market, 2025: US$4\u{a0}bn (reported)"]
        );
        // The callout is added after the first render: it must still be an SVG element (drawn).
        let tip = h
            .query_selector("text.tip-text")
            .unwrap()
            .expect("a callout appears");
        assert_eq!(
            tip.namespace_uri().as_deref(),
            Some("http://www.w3.org/2000/svg")
        );
        assert_eq!(
            tip.text_content().unwrap_or_default(),
            "Market, 2025: US$4\u{a0}bn (reported)"
        );
        // A new value moves the same elements: nothing is rebuilt.
        let line = h
            .query_selector("path[data-series='m-forecast']")
            .unwrap()
            .unwrap();
        last.set(8e9);
        settle().await;
        assert!(line.is_connected(), "the forecast path element is kept");
        assert_eq!(
            line.get_attribute("d").unwrap_or_default(),
            "M381 156L682 16"
        );
        assert!(marker.is_connected(), "the marker element is kept");
        h.remove();
    }

    /// A chart the reader cannot see does not draw every step of a value that is moving: it
    /// draws once the value rests, or at once when it comes into view.
    #[wasm_bindgen_test]
    async fn a_chart_off_screen_follows_once_the_value_rests_or_is_seen() {
        let (host, spacer) = below_the_fold();
        let last = mount_chart(&host);
        let h = host.clone();
        // The first drawing, then the browser's first word on where the chart is.
        sleep(100).await;
        let forecast = "path[data-series='m-forecast']";
        assert_eq!(attr(&h, forecast, "d"), "M381 109.33L682 16");
        last.set(8e9);
        settle().await;
        assert_eq!(
            attr(&h, forecast, "d"),
            "M381 109.33L682 16",
            "drawn while off screen"
        );
        sleep(700).await;
        assert_eq!(
            attr(&h, forecast, "d"),
            "M381 156L682 16",
            "drawn once the value rested"
        );
        // Brought into view while a change waits: drawn without waiting.
        last.set(6e9);
        settle().await;
        h.scroll_into_view();
        sleep(250).await;
        assert_eq!(
            attr(&h, forecast, "d"),
            "M381 109.33L682 16",
            "drawn once seen"
        );
        h.remove();
        spacer.remove();
    }

    /// What prints is the page as it is now: a chart off screen takes a moving value when the
    /// page is about to print, without waiting for the value to rest.
    #[wasm_bindgen_test]
    async fn a_chart_off_screen_is_up_to_date_on_paper() {
        let (host, spacer) = below_the_fold();
        let last = mount_chart(&host);
        sleep(100).await;
        let forecast = "path[data-series='m-forecast']";
        last.set(8e9);
        settle().await;
        assert_eq!(
            attr(&host, forecast, "d"),
            "M381 109.33L682 16",
            "drawn while off screen"
        );
        let print = web_sys::Event::new("beforeprint").unwrap();
        web_sys::window().unwrap().dispatch_event(&print).unwrap();
        settle().await;
        assert_eq!(
            attr(&host, forecast, "d"),
            "M381 156L682 16",
            "drawn for printing, before the value rested"
        );
        host.remove();
        spacer.remove();
    }

    /// An empty element 5,000 px below the top of the page (scrolled to the top), to mount a
    /// part the reader cannot see; remove both when done.
    fn below_the_fold() -> (web_sys::HtmlElement, web_sys::HtmlElement) {
        let doc = super::document();
        let body = doc.body().unwrap();
        let spacer: web_sys::HtmlElement = doc.create_element("div").unwrap().unchecked_into();
        spacer.set_attribute("style", "height: 5000px").unwrap();
        body.append_child(&spacer).unwrap();
        let host: web_sys::HtmlElement = doc.create_element("div").unwrap().unchecked_into();
        body.append_child(&host).unwrap();
        web_sys::window().unwrap().scroll_to_with_x_and_y(0.0, 0.0);
        (host, spacer)
    }
}

mod markup_in_data {
    use super::*;
    use leptos::prelude::*;
    use report_explorer::domain::catalogue::CatalogueEntry;
    use report_explorer::domain::load::parse_report;
    use report_explorer::ui::library::{Library, LibraryState};
    use report_explorer::ui::state::{AppState, CatalogueState, Load};
    use std::sync::Arc;

    const EVIL_TITLE: &str = "<b>Bold</b> <img src=x onerror=\"window.__pwned=1\"> Market";
    const EVIL_HEADLINE: &str = "<script>window.__pwned=2</script>US$1 bn";

    /// A report parsed by the same code as the bundled ones, with markup in its texts.
    fn fixture() -> report_explorer::domain::schema::Report {
        let mut v: serde_json::Value = serde_json::from_str(REPORT_FILES[0].1).unwrap();
        v["meta"]["title"]["en"] = EVIL_TITLE.into();
        v["meta"]["headline"]["en"] = EVIL_HEADLINE.into();
        v["meta"]["summary"]["en"] = "<iframe src=\"https://example.com\"></iframe>".into();
        parse_report("fixture.json", &v.to_string()).expect("the fixture is a valid report")
    }

    #[wasm_bindgen_test]
    async fn report_texts_render_as_literal_text_and_run_nothing() {
        let doc = super::document();
        let host: web_sys::HtmlElement = doc.create_element("div").unwrap().unchecked_into();
        doc.body().unwrap().append_child(&host).unwrap();
        let report = fixture();
        leptos::mount::mount_to(host.clone(), move || {
            let app = AppState::new(Default::default(), Default::default());
            app.catalogue.set(Load::Ready(CatalogueState {
                total: 1,
                entries: vec![Arc::new(CatalogueEntry::of(&report, "fixture.json", "0"))],
                ..CatalogueState::default()
            }));
            provide_context(app);
            let lib = LibraryState::new();
            view! { <Library lib=lib/> }
        })
        .forget();
        settle().await;
        assert_eq!(texts(&host, ".card h2"), vec![EVIL_TITLE.to_string()]);
        assert_eq!(
            texts(&host, "[data-testid=card-headline]"),
            vec![EVIL_HEADLINE.to_string()]
        );
        for tag in ["b", "img", "script", "iframe"] {
            assert!(
                host.query_selector(tag).unwrap().is_none(),
                "no <{tag}> element was created"
            );
        }
        let pwned = js_sys::Reflect::get(&web_sys::window().unwrap(), &"__pwned".into()).unwrap();
        assert!(pwned.is_undefined(), "no script ran");
        host.remove();
    }
}
