//! The app's state, shared through context: the loaded reports and the reader's choices.
//! `ReportCtx` is provided inside an open report: the report, its scenario and the model
//! computed from them (a memo, so every view derives from one recompute per input).

use crate::browser::prefs::{self, Theme};
use crate::domain::bundled::load_bundled;
use crate::domain::checks::{run_checks, Check};
use crate::domain::engine::model::{compute, Computed};
use crate::domain::scenario::Scenario;
use crate::domain::schema::{Report, ReportKind};
use crate::domain::validate::ValidationError;
use crate::i18n::{Locale, Message, Msg};
use leptos::prelude::*;
use std::sync::Arc;

/// Which page of a report is showing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    Overview,
    Segments,
    Scenarios,
    Dynamics,
    Contents,
    Kpis,
}

impl View {
    pub const ALL: [View; 6] = [
        View::Overview,
        View::Segments,
        View::Scenarios,
        View::Dynamics,
        View::Contents,
        View::Kpis,
    ];

    pub fn id(self) -> &'static str {
        match self {
            View::Overview => "overview",
            View::Segments => "segments",
            View::Scenarios => "scenarios",
            View::Dynamics => "dynamics",
            View::Contents => "contents",
            View::Kpis => "kpis",
        }
    }

    pub fn from_id(id: &str) -> Option<View> {
        View::ALL.into_iter().find(|v| v.id() == id)
    }

    pub fn label(self) -> Msg {
        match self {
            View::Overview => Msg::Overview,
            View::Segments => Msg::Segments,
            View::Scenarios => Msg::Scenarios,
            View::Dynamics => Msg::Dynamics,
            View::Contents => Msg::Contents,
            View::Kpis => Msg::KpiBoard,
        }
    }

    /// Whether the view has anything to show for this report (the plan has no segments, the
    /// market reports no KPI board).
    pub fn applies_to(self, report: &Report) -> bool {
        match self {
            View::Overview | View::Contents => true,
            View::Segments => !report.dimensions.is_empty(),
            View::Scenarios => report.forecast.is_some(),
            View::Dynamics => {
                !report.sections.is_empty()
                    || !report.key_players.is_empty()
                    || !report.developments.is_empty()
            }
            View::Kpis => report.kind == ReportKind::Plan || !report.kpis.is_empty(),
        }
    }
}

/// Below this window width (CSS px) charts use their phone layout.
pub const NARROW_BELOW: f64 = 640.0;

#[derive(Clone, Copy)]
pub struct AppState {
    pub reports: StoredValue<Arc<Vec<Report>>>,
    pub load_errors: StoredValue<Vec<ValidationError>>,
    pub locale: RwSignal<Locale>,
    /// Index into `reports`; `None` shows the library.
    pub open: RwSignal<Option<usize>>,
    pub view: RwSignal<View>,
    /// One scenario per report, kept while the reader moves between reports.
    pub scenarios: StoredValue<Vec<RwSignal<Scenario>>>,
    /// Chosen segment dimension (by id) and year of the share chart.
    pub dimension: RwSignal<Option<String>>,
    pub share_year: RwSignal<Option<i32>>,
    pub theme: RwSignal<Theme>,
    /// Monte Carlo seed and path count, and the tornado's ±points: part of a shared link.
    pub mc_seed: RwSignal<u64>,
    pub mc_paths: RwSignal<u32>,
    pub tornado_points: RwSignal<f64>,
    /// The reader's display currency and rate (units of it per unit of the report's currency).
    pub fx: RwSignal<Option<(String, f64)>>,
    /// Messages for the reader that are not errors of a view (ignored link parameters, …).
    pub notices: RwSignal<Vec<String>>,
    /// Larger type (projectors).
    pub large_type: RwSignal<bool>,
    /// Whether the window is phone-narrow (charts are drawn for that width to stay legible).
    /// Changes only when the class flips, so resizing re-renders nothing needlessly.
    pub narrow_layout: RwSignal<bool>,
}

impl AppState {
    pub fn new() -> Self {
        let (reports, errors) = load_bundled();
        Self::from_reports(reports, errors)
    }

    /// An app over the given reports (the bundled ones, or a fixture in tests).
    pub fn from_reports(reports: Vec<Report>, errors: Vec<ValidationError>) -> Self {
        let scenarios = reports
            .iter()
            .map(|_| RwSignal::new(Scenario::published()))
            .collect();
        let width = web_sys::window()
            .and_then(|w| w.inner_width().ok())
            .and_then(|w| w.as_f64())
            .unwrap_or(1024.0);
        AppState {
            reports: StoredValue::new(Arc::new(reports)),
            load_errors: StoredValue::new(errors),
            locale: RwSignal::new(prefs::initial_locale()),
            theme: RwSignal::new(prefs::initial_theme()),
            mc_seed: RwSignal::new(1),
            mc_paths: RwSignal::new(2000),
            tornado_points: RwSignal::new(0.02),
            notices: RwSignal::new(Vec::new()),
            fx: RwSignal::new(None),
            large_type: RwSignal::new(prefs::initial_large_type()),
            open: RwSignal::new(None),
            view: RwSignal::new(View::Overview),
            scenarios: StoredValue::new(scenarios),
            dimension: RwSignal::new(None),
            share_year: RwSignal::new(None),
            narrow_layout: RwSignal::new(width < NARROW_BELOW),
        }
    }

    /// The language to render in, with the reader's currency conversion put in force for
    /// the open report. Render functions call this first, so they re-run when either changes.
    pub fn display_locale(&self) -> Locale {
        let from = self.open.get().and_then(|i| {
            self.reports
                .with_value(|r| r.get(i).map(|r| r.meta.currency.clone()))
        });
        let conversion = match (self.fx.get(), from) {
            (Some((to, rate)), Some(from)) => {
                Some(crate::domain::format::Conversion { from, to, rate })
            }
            _ => None,
        };
        crate::domain::format::set_conversion(conversion);
        self.locale.get()
    }

    /// A message in the current language (reactive).
    pub fn t(&self, msg: impl Message) -> &'static str {
        msg.text(self.locale.get())
    }

    pub fn report(&self, index: usize) -> Option<Report> {
        self.reports.with_value(|r| r.get(index).cloned())
    }

    pub fn scenario(&self, index: usize) -> Option<RwSignal<Scenario>> {
        self.scenarios.with_value(|s| s.get(index).copied())
    }

    /// Narrow layouts (phones) get charts drawn for their width.
    pub fn narrow(&self) -> bool {
        self.narrow_layout.get()
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

/// The open report, its scenario and what the engine makes of them.
#[derive(Clone, Copy)]
pub struct ReportCtx {
    pub report: StoredValue<Arc<Report>>,
    pub scenario: RwSignal<Scenario>,
    pub computed: Memo<Result<Arc<Computed>, String>>,
    pub checks: Memo<Arc<Vec<Check>>>,
}

impl ReportCtx {
    pub fn new(report: Report, scenario: RwSignal<Scenario>) -> Self {
        let report = Arc::new(report);
        let r = report.clone();
        let computed = Memo::new(move |_| {
            scenario.with(|s| compute(&r, s).map(Arc::new).map_err(|e| e.to_string()))
        });
        let r = report.clone();
        let checks = Memo::new(move |_| {
            Arc::new(match computed.get() {
                Ok(c) => run_checks(&r, &c),
                Err(_) => Vec::new(),
            })
        });
        ReportCtx {
            report: StoredValue::new(report),
            scenario,
            computed,
            checks,
        }
    }

    pub fn with<T>(&self, f: impl FnOnce(&Report) -> T) -> T {
        self.report.with_value(|r| f(r))
    }
}

pub fn use_report() -> ReportCtx {
    expect_context::<ReportCtx>()
}
