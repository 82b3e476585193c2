//! The app's state, shared through context: the loaded reports and the reader's choices.
//! `ReportCtx` is provided inside an open report: the report, its scenario and the model
//! computed from them (a memo, so every view derives from one recompute per input).

use super::catalogue::FileFailure;
use crate::browser::fetch::EarlyFiles;
use crate::browser::prefs::{self, Theme};
use crate::domain::catalogue::{CatalogueEntry, Facets, PageRef};
use crate::domain::checks::{Check, ReportChecks};
use crate::domain::engine::compare::{compare, Comparison};
use crate::domain::engine::error::EngineError;
use crate::domain::engine::model::{compute, Computed};
use crate::domain::format::{Conversion, Shown};
use crate::domain::scenario::{preset, Preset, Scenario};
use crate::domain::schema::{Report, ReportKind};
use crate::domain::share::ShareState;
use crate::i18n::{Locale, Message, Msg};
use leptos::prelude::*;
use std::collections::HashMap;
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

/// Something fetched: still coming, here, or failed (why, worded where it is shown).
#[derive(Debug, Clone, PartialEq)]
pub enum Load<T> {
    Loading,
    Ready(T),
    Failed(FileFailure),
}

/// A message for the reader that is not an error of a view: a value (what happened, with its
/// data), worded where the header shows it, in the language of the moment.
#[derive(Debug, Clone)]
pub enum Notice {
    /// A language's texts did not arrive, so the app stays in the one it shows.
    NotArrived(Locale),
    /// Parts of a link that were ignored or corrected.
    Link(Vec<crate::domain::share::ShareWarning>),
    /// Saved scenarios that could not be read, set aside.
    SetAside(Vec<crate::domain::saved::SetAside>),
    /// The saved scenarios' stored text cannot be read at all.
    SavedUnreadable(crate::domain::saved::LoadError),
}

impl Notice {
    pub fn text(&self, locale: Locale) -> String {
        match self {
            Notice::NotArrived(wanted) => super::language::not_arrived_text(*wanted, locale),
            Notice::Link(warnings) => crate::i18n::links::link_notice(warnings, locale),
            Notice::SetAside(set_aside) => super::saved_ui::set_aside_notice(set_aside, locale),
            Notice::SavedUnreadable(e) => super::saved_ui::unreadable_notice(e, locale),
        }
    }
}

/// The catalogue as far as it has been fetched: the first file at start, the other pages when
/// the reader pages on or searches.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CatalogueState {
    /// Reports listed by the whole catalogue.
    pub total: usize,
    /// Cards of the pages fetched so far, in catalogue order.
    pub entries: Vec<Arc<CatalogueEntry>>,
    /// Pages not fetched yet.
    pub remaining: Vec<PageRef>,
    pub facets: Facets,
    /// A page is being fetched.
    pub fetching: bool,
    /// A page could not be fetched (the cards already here stay usable).
    pub page_error: Option<FileFailure>,
}

impl CatalogueState {
    pub fn entry(&self, id: &str) -> Option<Arc<CatalogueEntry>> {
        self.entries.iter().find(|e| e.id == id).cloned()
    }
}

#[derive(Clone, Copy)]
pub struct AppState {
    /// The catalogue (`reports/index.json` and its pages).
    pub catalogue: RwSignal<Load<CatalogueState>>,
    /// The data files' fetches, with the ones started before the app mounted (`ui::startup`).
    pub early_files: StoredValue<EarlyFiles, LocalStorage>,
    /// Report files fetched so far, by id (kept while the page lives).
    pub reports: StoredValue<HashMap<String, Arc<Report>>>,
    pub locale: RwSignal<Locale>,
    /// The language the reader wants while the app shows English only because that
    /// language's texts did not arrive (`ui::language::fall_back_at_start`); `None` when
    /// `locale` is the reader's (chosen, kept, the link's or the browser's). The reader's
    /// language is the one kept for the next visit and written in links.
    pub fallback_for: StoredValue<Option<Locale>>,
    /// Id of the open report; `None` shows the library.
    pub open: RwSignal<Option<String>>,
    pub view: RwSignal<View>,
    /// One scenario per report, kept while the reader moves between reports.
    pub scenarios: StoredValue<HashMap<String, RwSignal<Scenario>>>,
    /// A shared link's report-dependent state, applied when its report has loaded.
    pub pending_link: StoredValue<Option<ShareState>>,
    /// Chosen segment dimension (by id) and year of the share chart.
    pub dimension: RwSignal<Option<String>>,
    pub share_year: RwSignal<Option<i32>>,
    pub theme: RwSignal<Theme>,
    /// Monte Carlo seed and path count, and the tornado's ±points: part of a shared link.
    pub mc_seed: RwSignal<u64>,
    pub mc_paths: RwSignal<u32>,
    /// The Monte Carlo's range width (× the default ranges).
    pub mc_width: RwSignal<f64>,
    pub tornado_points: RwSignal<f64>,
    /// The reader's display currency and rate (units of it per unit of the report's currency).
    pub fx: RwSignal<Option<(String, f64)>>,
    /// Messages for the reader that are not errors of a view (ignored link parameters, …).
    pub notices: RwSignal<Vec<Notice>>,
    /// Larger type (projectors).
    pub large_type: RwSignal<bool>,
    /// The header's settings panel is open (phone width; wider, it always shows).
    pub settings_open: RwSignal<bool>,
    /// The presentation mode: one view per screen, large type, arrow keys step (ui::present).
    pub presenting: RwSignal<bool>,
    /// The browser refused full screen for the presentation (it fills the window instead).
    pub fullscreen_refused: RwSignal<bool>,
    /// CSV exports start with a UTF-8 byte order mark (for Excel).
    pub csv_bom: RwSignal<bool>,
    /// Whether the window is phone-narrow (charts are drawn for that width to stay legible).
    /// Changes only when the class flips, so resizing re-renders nothing needlessly.
    pub narrow_layout: RwSignal<bool>,
    /// The app's reactive owner: per-report signals made later (from an effect or an event)
    /// belong to the app, not to whatever happened to create them.
    root: StoredValue<Owner>,
}

impl AppState {
    /// An app in `locale` whose catalogue is still to be fetched (see `ui::catalogue::load`).
    pub fn new(early_files: EarlyFiles, locale: Locale) -> Self {
        let width = web_sys::window()
            .and_then(|w| w.inner_width().ok())
            .and_then(|w| w.as_f64())
            .unwrap_or(1024.0);
        AppState {
            catalogue: RwSignal::new(Load::Loading),
            early_files: StoredValue::new_local(early_files),
            reports: StoredValue::new(HashMap::new()),
            locale: RwSignal::new(locale),
            fallback_for: StoredValue::new(None),
            theme: RwSignal::new(prefs::initial_theme()),
            mc_seed: RwSignal::new(1),
            mc_paths: RwSignal::new(2000),
            mc_width: RwSignal::new(crate::domain::engine::monte_carlo::DEFAULT_WIDTH),
            tornado_points: RwSignal::new(0.02),
            notices: RwSignal::new(Vec::new()),
            fx: RwSignal::new(None),
            large_type: RwSignal::new(prefs::initial_large_type()),
            settings_open: RwSignal::new(false),
            presenting: RwSignal::new(false),
            fullscreen_refused: RwSignal::new(false),
            csv_bom: RwSignal::new(false),
            open: RwSignal::new(None),
            view: RwSignal::new(View::Overview),
            scenarios: StoredValue::new(HashMap::new()),
            pending_link: StoredValue::new(None),
            dimension: RwSignal::new(None),
            share_year: RwSignal::new(None),
            narrow_layout: RwSignal::new(width < NARROW_BELOW),
            root: StoredValue::new(Owner::current().unwrap_or_default()),
        }
    }

    /// A message in the current language (reactive).
    pub fn t(&self, msg: impl Message) -> &'static str {
        msg.text(self.locale.get())
    }

    /// A report already fetched.
    pub fn report(&self, id: &str) -> Option<Arc<Report>> {
        self.reports.with_value(|r| r.get(id).cloned())
    }

    /// The reader's scenario for a report (created on first use).
    pub fn scenario(&self, id: &str) -> RwSignal<Scenario> {
        if let Some(s) = self.scenarios.with_value(|s| s.get(id).copied()) {
            return s;
        }
        let s = self
            .root
            .with_value(|owner| owner.with(|| RwSignal::new(Scenario::published())));
        self.scenarios.update_value(|m| {
            m.insert(id.to_string(), s);
        });
        s
    }

    /// Narrow layouts (phones) get charts drawn for their width.
    pub fn narrow(&self) -> bool {
        self.narrow_layout.get()
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
    pub computed: Memo<Result<Arc<Computed>, EngineError>>,
    /// The model of the published assumptions: what every view compares the reader's scenario
    /// with. Read no signal, so it is computed once per report (on first use).
    pub published: Memo<Option<Arc<Computed>>>,
    /// The published headline growth rate (where the headline slider starts, what presets
    /// scale).
    pub published_rate: Memo<Option<f64>>,
    /// The bear and bull presets' headline paths: a band behind the scenario chart. Computed
    /// once per report, when first shown.
    pub preset_range: Memo<Arc<PresetRange>>,
    /// The reader's headline path against the published one, year by year from the anchor
    /// year: one comparison per change of assumptions, for every part that shows it.
    pub comparison: Memo<Arc<Comparison>>,
    pub checks: Memo<Arc<Vec<Check>>>,
    /// The reader's display conversion for this report's money (from `AppState::fx`), when
    /// one is in force: what shows money reads it, so it follows a change of currency or
    /// rate, and nothing else does.
    pub conversion: Memo<Option<Conversion>>,
    /// The scenario once the reader has paused ([`SETTLE_MS`] after the last change): what
    /// tools that recompute the model many times derive from (the tornado), so a slider
    /// repaints at once and they follow when it rests.
    pub settled: ReadSignal<Scenario>,
}

/// How long the scenario stays still before the expensive tools follow it.
pub const SETTLE_MS: u32 = 150;

/// The headline paths of the bear and bull presets from the anchor year, as (year, value).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PresetRange {
    pub bear: Vec<(i32, f64)>,
    pub bull: Vec<(i32, f64)>,
}

/// A model's headline path as (year, value).
pub fn headline_path(c: &Computed) -> Vec<(i32, f64)> {
    c.headline
        .as_ref()
        .map(|h| h.points.iter().map(|p| (p.year, p.value)).collect())
        .unwrap_or_default()
}

impl ReportCtx {
    pub fn new(
        report: Arc<Report>,
        scenario: RwSignal<Scenario>,
        fx: RwSignal<Option<(String, f64)>>,
    ) -> Self {
        let from = report.meta.currency.clone();
        let conversion = Memo::new(move |_| {
            fx.with(|fx| {
                let (to, rate) = fx.as_ref()?;
                let c = Conversion {
                    from: from.clone(),
                    to: to.clone(),
                    rate: *rate,
                };
                c.applies_to(&from).then_some(c)
            })
        });
        let r = report.clone();
        let computed = Memo::new(move |_| scenario.with(|s| compute(&r, s).map(Arc::new)));
        let r = report.clone();
        let published = Memo::new(move |_| compute(&r, &Scenario::published()).ok().map(Arc::new));
        let published_rate = Memo::new(move |_| {
            published.with(|p| Some(p.as_ref()?.headline.as_ref()?.published.rate))
        });
        let anchor = report
            .forecast
            .as_ref()
            .map_or(report.meta.base_year, |f| f.anchor_year);
        let r = report.clone();
        let preset_range = Memo::new(move |_| {
            let path = |p: Preset| {
                published_rate
                    .get()
                    .and_then(|rate| compute(&r, &preset(&r, rate, p)).ok())
                    .map(|c| {
                        let mut path = headline_path(&c);
                        path.retain(|(y, _)| *y >= anchor);
                        path
                    })
                    .unwrap_or_default()
            };
            Arc::new(PresetRange {
                bear: path(Preset::Bear),
                bull: path(Preset::Bull),
            })
        });
        let comparison = Memo::new(move |_| {
            let base = published.with(|p| p.as_deref().map(headline_path).unwrap_or_default());
            let other = computed.with(|c| c.as_deref().map(headline_path).unwrap_or_default());
            Arc::new(compare(&base, &other, anchor))
        });
        // What the checks find in the report alone, once; each change of assumptions re-runs
        // only the checks of the scenario's model.
        let r = report.clone();
        let report_checks = Memo::new(move |_| Arc::new(ReportChecks::new(&r)));
        let r = report.clone();
        let checks = Memo::new(move |_| {
            Arc::new(match computed.get() {
                Ok(c) => report_checks.with(|f| f.with_scenario(&r, &c)),
                Err(_) => Vec::new(),
            })
        });
        let (settled, set_settled) = signal(scenario.get_untracked());
        // A later change replaces the wait (and the report closing drops it).
        let wait = crate::browser::timers::Debounce::default();
        Effect::new(move |_| {
            let now = scenario.get();
            wait.after(SETTLE_MS, move || {
                if settled.try_with_untracked(|s| *s != now) == Some(true) {
                    set_settled.set(now);
                }
            });
        });
        ReportCtx {
            report: StoredValue::new(report),
            scenario,
            computed,
            published,
            published_rate,
            preset_range,
            comparison,
            checks,
            conversion,
            settled,
        }
    }

    pub fn with<T>(&self, f: impl FnOnce(&Report) -> T) -> T {
        self.report.with_value(|r| f(r))
    }

    /// `f` given figures shown in `locale` with the conversion in force: reading it, so a
    /// closure or memo that shows money through this follows the reader's currency.
    pub fn shown<T>(&self, locale: Locale, f: impl FnOnce(Shown) -> T) -> T {
        self.conversion.with(|c| f(Shown::new(locale, c.as_ref())))
    }
}

pub fn use_report() -> ReportCtx {
    expect_context::<ReportCtx>()
}
