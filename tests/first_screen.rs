//! The library's first screen in `index.html` (shown while the program loads) says what the
//! app then draws in the same place, in each language: a text changed in `i18n` and not in the
//! page would show the reader one sentence and then another.
// Native only: reads the repo's files.
#![cfg(not(target_arch = "wasm32"))]

use report_explorer::i18n::import::ImportMsg;
use report_explorer::i18n::{languages, Locale, Message, Msg};

fn page() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/index.html")).unwrap()
}

/// The element `<tag class="…boot-text" lang="…">text</tag>` as the page writes it.
fn static_text(tag: &str, class: &str, locale: Locale, text: &str) -> String {
    let lang = locale.tag();
    format!(r#"<{tag} class="{class}boot-text" lang="{lang}">{text}</{tag}>"#)
}

#[test]
fn the_library_first_screen_is_the_apps_own_text_in_each_language() {
    languages::install_hans();
    languages::install_hant();
    let page = page();
    for locale in Locale::ALL {
        let expected = [
            static_text("h1", "", locale, Msg::Library.text(locale)),
            static_text("p", "intro ", locale, Msg::LibraryIntro.text(locale)),
            static_text("h2", "", locale, ImportMsg::Heading.text(locale)),
            static_text("p", "intro ", locale, ImportMsg::Intro.text(locale)),
        ];
        for element in expected {
            assert!(
                page.contains(&element),
                "index.html lacks {element} (the app draws this text there)"
            );
        }
    }
    // Every element of the first screen is one of those: 4 texts × 3 languages.
    assert_eq!(page.matches(r#"boot-text" lang=""#).count(), 12);
}

#[test]
fn the_chinese_texts_are_checked_in_chinese() {
    // If installing did nothing, the Chinese expected texts would be English and the test
    // above would look for English under lang="zh-…".
    languages::install_hans();
    assert_ne!(
        Msg::Library.text(Locale::ZhHans),
        Msg::Library.text(Locale::En)
    );
}
