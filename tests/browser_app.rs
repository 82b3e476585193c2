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

/// Mounts the app into a fresh container and returns it.
fn mount() -> web_sys::HtmlElement {
    let doc = document();
    let host: web_sys::HtmlElement = doc.create_element("div").unwrap().unchecked_into();
    doc.body().unwrap().append_child(&host).unwrap();
    leptos::mount::mount_to(host.clone(), App).forget();
    host
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
fn library_lists_the_three_bundled_reports() {
    let host = mount();
    let titles = texts(&host, ".card h2");
    assert_eq!(titles.len(), 3, "{titles:?}");
    assert!(
        titles[0].contains("Modular Smartphone Leasing"),
        "{titles:?}"
    );
    assert!(titles[1].contains("Call Center"), "{titles:?}");
    assert!(titles[2].contains("Parent"), "{titles:?}");
    assert!(texts(&host, ".notice.error").is_empty(), "no load errors");
    host.remove();
}

#[wasm_bindgen_test]
async fn opening_a_report_shows_its_headline_and_checks() {
    let host = mount();
    let button: web_sys::HtmlElement = host
        .query_selector(".card[data-report='smartphone-leasing'] button")
        .unwrap()
        .expect("open button")
        .unchecked_into();
    button.click();
    settle().await;
    let headline = texts(&host, "[data-testid=headline]");
    assert_eq!(
        headline,
        vec!["US$2.5 bn (2025) → US$6.1 bn (2032)".to_string()]
    );
    let checks = texts(&host, "[data-check='check.stated_vs_implied.differs']");
    assert_eq!(checks.len(), 1);
    assert!(
        checks[0].contains("13.6%") && checks[0].contains("US$5.88 bn"),
        "{checks:?}"
    );
    host.remove();
}
