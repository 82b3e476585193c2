//! Only the reader's language is in the first visit. English is in the app's main module; the
//! 简体中文 and 繁體中文 texts of every `messages!` enum are each in a chunk of their own
//! (`ui::lazy::language_texts`), installed before the app first renders in that language.
//!
//! Without the `split` feature (native tests, `wasm-bindgen-test`) there are no chunks: a
//! language's texts are installed on first use.

use super::Locale;
use std::sync::OnceLock;

/// One enum's texts in a language, in variant order.
pub type Texts = &'static [&'static str];

/// Where one enum's Chinese texts are put when their language arrives.
pub struct Slots {
    hans: OnceLock<Texts>,
    hant: OnceLock<Texts>,
}

impl Slots {
    pub const fn new() -> Self {
        Slots {
            hans: OnceLock::new(),
            hant: OnceLock::new(),
        }
    }

    fn slot(&self, locale: Locale) -> Option<&OnceLock<Texts>> {
        match locale {
            Locale::En => None,
            Locale::ZhHans => Some(&self.hans),
            Locale::ZhHant => Some(&self.hant),
        }
    }

    /// The texts in `locale`, if that language is installed (English never is: it is the
    /// enum's own).
    pub fn get(&self, locale: Locale) -> Option<Texts> {
        let slot = self.slot(locale)?;
        #[cfg(not(feature = "split"))]
        if slot.get().is_none() {
            install(locale);
        }
        slot.get().copied()
    }

    pub fn fill(&self, locale: Locale, texts: Texts) {
        if let Some(slot) = self.slot(locale) {
            // A second install (both chunks' functions are idempotent) keeps the first.
            let _ = slot.set(texts);
        }
    }
}

impl Default for Slots {
    fn default() -> Self {
        Slots::new()
    }
}

/// Every `messages!` enum, each given `$install` (`install_hans` or `install_hant`). The
/// interface's own enums are listed in `ui` (`ui::install_hans`), which only the browser build
/// has.
macro_rules! every_message {
    ($install:ident) => {{
        use crate::i18n::*;
        Msg::$install();
        ProvenanceMsg::$install();
        catalogue::CatalogueMsg::$install();
        checks::CheckMsg::$install();
        contents::ContMsg::$install();
        errors::EngineMsg::$install();
        errors::ToolErrorMsg::$install();
        errors::SavedErrorMsg::$install();
        errors::IndexErrorMsg::$install();
        errors::ExportErrorMsg::$install();
        fx::FxMsg::$install();
        goal::GoalMsg::$install();
        import::ImportMsg::$install();
        import::CsvMsg::$install();
        import::ImportChunkMsg::$install();
        kpis::KpiMsg::$install();
        links::LinkMsg::$install();
        overview::FitMsg::$install();
        tools::ToolsMsg::$install();
        tools::SegmentInputMsg::$install();
        validation::ProblemMsg::$install();
        validation::JsonMsg::$install();
        validation::SerdeMsg::$install();
        validation::install_serde_wording();
        #[cfg(target_arch = "wasm32")]
        crate::ui::$install();
    }};
}

/// Installs every 简体中文 text. With `split`, only that language's chunk calls this.
pub fn install_hans() {
    every_message!(install_hans);
}

/// Installs every 繁體中文 text. With `split`, only that language's chunk calls this.
pub fn install_hant() {
    every_message!(install_hant);
}

#[cfg(not(feature = "split"))]
fn install(locale: Locale) {
    match locale {
        Locale::En => {}
        Locale::ZhHans => install_hans(),
        Locale::ZhHant => install_hant(),
    }
}

/// Whether `locale`'s texts are here (English always is).
pub fn installed(locale: Locale) -> bool {
    locale == Locale::En || super::Msg::slots().get(locale).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Message, Msg};

    /// Every `messages!` enum in the source is in `every_message!`: a forgotten one would
    /// show English in a Chinese interface.
    #[test]
    fn every_enum_is_installed() {
        let registry = [include_str!("languages.rs"), include_str!("../ui/mod.rs")].concat();
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut files = vec![root];
        let mut missing = Vec::new();
        let mut found = 0;
        while let Some(path) = files.pop() {
            if path.is_dir() {
                for entry in std::fs::read_dir(&path).unwrap().flatten() {
                    files.push(entry.path());
                }
                continue;
            }
            // This file names the macro in its test, not in a definition.
            if path.extension().and_then(|e| e.to_str()) != Some("rs")
                || path.ends_with("i18n/languages.rs")
            {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            for block in text.split("messages! {").skip(1) {
                let Some(name) = block
                    .split("enum ")
                    .nth(1)
                    .and_then(|rest| rest.split_whitespace().next())
                else {
                    continue;
                };
                // The macro's own documentation example.
                if name == "M" {
                    continue;
                }
                found += 1;
                if !registry.contains(&format!("{name}::$install()")) {
                    missing.push(format!("{name} ({})", path.display()));
                }
            }
        }
        assert!(found > 25, "found only {found} message enums");
        assert!(missing.is_empty(), "not in every_message!: {missing:?}");
    }

    #[test]
    fn chinese_texts_come_from_their_tables() {
        assert_eq!(Msg::Library.text(Locale::En), "Library");
        assert_eq!(Msg::Library.text(Locale::ZhHans), "报告库");
        assert_eq!(Msg::Library.text(Locale::ZhHant), "報告庫");
        assert!(installed(Locale::ZhHans) && installed(Locale::ZhHant));
    }
}
