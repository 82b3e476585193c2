//! The app's state, shared through context: the loaded reports and the reader's choices.

use crate::domain::bundled::load_bundled;
use crate::domain::schema::Report;
use crate::domain::validate::ValidationError;
use crate::i18n::{tr, Locale, Msg};
use leptos::prelude::*;
use std::sync::Arc;

/// Which page of a report is showing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    Overview,
}

#[derive(Clone, Copy)]
pub struct AppState {
    pub reports: StoredValue<Arc<Vec<Report>>>,
    pub load_errors: StoredValue<Vec<ValidationError>>,
    pub locale: RwSignal<Locale>,
    /// Index into `reports`; `None` shows the library.
    pub open: RwSignal<Option<usize>>,
    pub view: RwSignal<View>,
}

impl AppState {
    pub fn new() -> Self {
        let (reports, errors) = load_bundled();
        AppState {
            reports: StoredValue::new(Arc::new(reports)),
            load_errors: StoredValue::new(errors),
            locale: RwSignal::new(Locale::En),
            open: RwSignal::new(None),
            view: RwSignal::new(View::Overview),
        }
    }

    /// A message in the current language (reactive).
    pub fn t(&self, msg: Msg) -> &'static str {
        tr(self.locale.get(), msg)
    }

    pub fn report(&self, index: usize) -> Option<Report> {
        self.reports.with_value(|r| r.get(index).cloned())
    }
}

impl Default for AppState {
    fn default() -> Self {
        Self::new()
    }
}

pub fn use_app() -> AppState {
    expect_context::<AppState>()
}
