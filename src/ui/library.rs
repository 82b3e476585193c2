//! The library: the catalogue's cards (title, publisher, region, currency, period, headline,
//! sparkline of the published path), with search and filters over the whole catalogue and
//! results shown a screenful at a time. Catalogue pages are fetched as the reader pages on,
//! or all at once when they search or filter.

use super::catalogue::{load, load_more};
use super::charts::Sparkline;
use super::common::local_view;
use super::imports::{export, ImportPanel, ImportedItem, Imports};
use super::link::in_place;
use super::share;
use super::state::{use_app, AppState, Load};
use super::text::{say, Choice, ChoiceOption};
use crate::domain::catalogue::{CatalogueEntry, Facets, Filter};
use crate::domain::listing::{listing, Listing, ListingInput};
use crate::domain::schema::ReportKind;
use crate::i18n::catalogue::{listing_status, CatalogueMsg};
use crate::i18n::import::{stored_report_reason, ImportMsg};
use crate::i18n::{Locale, Message, Msg};
use leptos::either::{Either, EitherOf3};
use leptos::prelude::*;
use std::sync::Arc;

/// Cards shown at first, and added by "Show more".
pub const SCREENFUL: usize = 24;

/// The reader's search and filters, and how many results are shown; kept while they open a
/// report and come back.
#[derive(Clone, Copy)]
pub struct LibraryState {
    pub filter: RwSignal<Filter>,
    pub shown: RwSignal<usize>,
}

impl LibraryState {
    pub fn new() -> Self {
        LibraryState {
            filter: RwSignal::new(Filter::default()),
            shown: RwSignal::new(SCREENFUL),
        }
    }

    /// Changes the filter; a search covers the whole catalogue, so every page is fetched.
    fn set_filter(self, app: AppState, f: impl FnOnce(&mut Filter)) {
        self.filter.update(f);
        self.shown.set(SCREENFUL);
        if !self.filter.with_untracked(Filter::is_empty) {
            load_more(app, true);
        }
    }
}

impl Default for LibraryState {
    fn default() -> Self {
        Self::new()
    }
}

/// The library page: heading, the import panel, the reader's imports and the catalogue.
#[component]
pub fn Library(lib: LibraryState) -> impl IntoView {
    let app = use_app();
    let imports = use_context::<Imports>();
    // Only the catalogue's phase rebuilds the list: a page arriving updates it in place.
    let phase = Memo::new(move |_| {
        app.catalogue.with(|c| match c {
            Load::Loading => Load::Loading,
            Load::Failed(why) => Load::Failed(why.clone()),
            Load::Ready(_) => Load::Ready(()),
        })
    });
    let body = move || match phase.get() {
        Load::Loading => EitherOf3::A(view! {
            <p class="loading" role="status" data-testid="catalogue-loading">
                {say(app, CatalogueMsg::LoadingCatalogue)}
            </p>
        }),
        Load::Failed(why) => EitherOf3::B(view! {
            <div class="notice error" role="alert" data-testid="catalogue-error">
                <p>{say(app, CatalogueMsg::CatalogueFailed)}</p>
                <p class="reason">{move || why.text(app.locale.get())}</p>
                <button class="primary" on:click=move |_| load(app)>
                    {say(app, CatalogueMsg::Retry)}
                </button>
            </div>
        }),
        // Texts are plain: the list is built anew when the language changes.
        Load::Ready(()) => {
            EitherOf3::C(move || view! { <Results lib=lib locale=app.locale.get()/> })
        }
    };
    view! {
        <section class="library">
            <h1>{say(app, Msg::Library)}</h1>
            <p class="intro">{say(app, Msg::LibraryIntro)}</p>
            {imports
                .map(|i| {
                    view! {
                        <ImportPanel imports=i />
                        {move || view! { <ImportedSection lib=lib imports=i locale=app.locale.get()/> }}
                    }
                })}
            {body}
        </section>
    }
}

/// The reader's imports, filtered like the catalogue.
#[component]
fn ImportedSection(lib: LibraryState, imports: Imports, locale: Locale) -> impl IntoView {
    let app = use_app();
    let any = Memo::new(move |_| imports.items.with(|items| !items.is_empty()));
    let shown = move || {
        let items = imports.items.get();
        lib.filter.with(|filter| {
            items
                .into_iter()
                .filter(|item| item.card.as_ref().map_or(true, |card| filter.accepts(card)))
                .collect::<Vec<_>>()
        })
    };
    let item_view = move |item: ImportedItem| match item.card {
        Ok(card) => Either::Left(view! {
            <li>
                <Card entry=card locale=locale imported=Some(imports)/>
            </li>
        }),
        Err(reason) => {
            let id = item.entry.id;
            let report = id.clone();
            Either::Right(view! {
                <li>
                    <article class="card unusable" data-report=report>
                        <h2>{item.entry.file}</h2>
                        <p>{ImportMsg::Unusable.text(locale)}</p>
                        <p class="reason">{stored_report_reason(&reason, locale)}</p>
                        <button class="link" on:click=move |_| imports.remove(app, &id)>
                            {ImportMsg::Remove.text(locale)}
                        </button>
                    </article>
                </li>
            })
        }
    };
    view! {
        <Show when=move || any.get()>
            <section class="imported" data-testid="imported">
                <h2>{ImportMsg::ImportedHeading.text(locale)}</h2>
                <ul class="cards">
                    <For
                        each=shown
                        key=|item| (item.entry.id.clone(), item.card.as_ref().ok().map(|c| c.hash.clone()))
                        children=item_view
                    />
                </ul>
            </section>
        </Show>
    }
}

/// The catalogue's cards with search, filters, status and "Show more", in one language.
#[component]
fn Results(lib: LibraryState, locale: Locale) -> impl IntoView {
    let app = use_app();
    let c = move |m: CatalogueMsg| m.text(locale);
    let matching = Memo::new(move |_| {
        lib.filter.with(|filter| {
            app.catalogue.with(|c| match c {
                Load::Ready(c) => c
                    .entries
                    .iter()
                    .filter(|e| filter.accepts(e))
                    .cloned()
                    .collect::<Vec<_>>(),
                _ => Vec::new(),
            })
        })
    });
    let state = Memo::new(move |_| {
        let filtered = !lib.filter.with(Filter::is_empty);
        let shown = lib.shown.get();
        let matching = matching.with(Vec::len);
        app.catalogue.with(|c| match c {
            Load::Ready(c) => listing(ListingInput {
                filtered,
                shown,
                matching,
                total: c.total,
                complete: c.remaining.is_empty(),
                page_failed: c.page_error.is_some(),
            }),
            _ => listing(ListingInput {
                filtered,
                shown,
                matching,
                total: 0,
                complete: true,
                page_failed: false,
            }),
        })
    });
    let filtered = Memo::new(move |_| !lib.filter.with(Filter::is_empty));
    let page_error = Memo::new(move |_| {
        app.catalogue.with(|c| match c {
            Load::Ready(c) => c.page_error.clone(),
            _ => None,
        })
    });
    let visible = move || {
        let shown = lib.shown.get();
        matching.with(|m| m.iter().take(shown).cloned().collect::<Vec<_>>())
    };
    let show_more = move |_| {
        lib.shown.update(|n| *n += SCREENFUL);
        let need = lib.shown.get_untracked();
        let have = app.catalogue.with_untracked(|c| match c {
            Load::Ready(c) => c.entries.len(),
            _ => 0,
        });
        if need > have {
            load_more(app, false);
        }
    };
    view! {
        <SearchRow lib=lib locale=locale/>
        <div class="library-status-row">
            <p class="library-status" role="status" data-testid="library-status">
                {move || listing_status(state.with(|l: &Listing| l.status), locale)}
            </p>
            <Show when=move || filtered.get()>
                <button
                    class="link"
                    data-testid="clear-filters"
                    on:click=move |_| lib.set_filter(app, |f| *f = Filter::default())
                >
                    {c(CatalogueMsg::ClearFilters)}
                </button>
            </Show>
        </div>
        {move || {
            page_error
                .get()
                .map(|why| {
                    view! {
                        <div class="notice warning" role="alert" data-testid="pages-error">
                            <p>{c(CatalogueMsg::PagesFailed)}</p>
                            <p class="reason">{why.text(locale)}</p>
                        </div>
                    }
                })
        }}
        <Show when=move || state.with(|l| l.no_match)>
            <p class="no-match">{c(CatalogueMsg::NoMatch)}</p>
        </Show>
        <ul class="cards">
            <For
                each=visible
                key=|e| e.id.clone()
                children=move |e| view! { <li><Card entry=e locale=locale imported=None/></li> }
            />
        </ul>
        <Show when=move || state.with(|l| l.more)>
            <button class="show-more" data-testid="show-more" on:click=show_more>
                {c(CatalogueMsg::ShowMore)}
            </button>
        </Show>
    }
}

/// The search field and a choice per facet that has more than one value.
#[component]
fn SearchRow(lib: LibraryState, locale: Locale) -> impl IntoView {
    let app = use_app();
    let c = move |m: CatalogueMsg| m.text(locale);
    let facets = app.catalogue.with_untracked(|c| match c {
        Load::Ready(c) => c.facets.clone(),
        _ => Facets::default(),
    });
    let query = Memo::new(move |_| lib.filter.with(|f| f.query.clone()));
    let kinds = (facets.kinds.len() > 1).then(|| {
        let options = facets
            .kinds
            .iter()
            .map(|k| ChoiceOption::new(kind_id(*k), kind_name(*k).text(locale)))
            .collect();
        let value = Signal::derive(move || {
            lib.filter
                .with(|f| f.kind.map(kind_id).unwrap_or_default().to_string())
        });
        let on_change = move |v: String| {
            let kind = match v.as_str() {
                "market" => Some(ReportKind::Market),
                "plan" => Some(ReportKind::Plan),
                _ => None,
            };
            lib.set_filter(app, |f| f.kind = kind);
        };
        view! {
            <FilterChoice
                id="filter-kind"
                label=c(CatalogueMsg::FilterKind)
                options=options
                value=value
                on_change=on_change
                locale=locale
            />
        }
    });
    let regions = (facets.regions.len() > 1).then(|| {
        let options = facets
            .regions
            .iter()
            .map(|r| ChoiceOption::new(r.en.clone(), crate::domain::format::pick(r, locale).0))
            .collect();
        let value =
            Signal::derive(move || lib.filter.with(|f| f.region.clone().unwrap_or_default()));
        let on_change =
            move |v: String| lib.set_filter(app, |f| f.region = (!v.is_empty()).then_some(v));
        view! {
            <FilterChoice
                id="filter-region"
                label=c(CatalogueMsg::FilterRegion)
                options=options
                value=value
                on_change=on_change
                locale=locale
            />
        }
    });
    let currencies = (facets.currencies.len() > 1).then(|| {
        let options = facets
            .currencies
            .iter()
            .map(|c| ChoiceOption::new(c.clone(), c.clone()))
            .collect();
        let value =
            Signal::derive(move || lib.filter.with(|f| f.currency.clone().unwrap_or_default()));
        let on_change =
            move |v: String| lib.set_filter(app, |f| f.currency = (!v.is_empty()).then_some(v));
        view! {
            <FilterChoice
                id="filter-currency"
                label=c(CatalogueMsg::FilterCurrency)
                options=options
                value=value
                on_change=on_change
                locale=locale
            />
        }
    });
    view! {
        <div class="library-search">
            <div class="search">
                <label class="label" for="library-search">
                    {c(CatalogueMsg::Search)}
                </label>
                <input
                    id="library-search"
                    type="search"
                    placeholder=c(CatalogueMsg::SearchHint)
                    autocomplete="off"
                    prop:value=move || query.get()
                    on:input=move |ev| {
                        let q = event_target_value(&ev);
                        lib.set_filter(app, |f| f.query = q);
                    }
                />
            </div>
            {kinds}
            {regions}
            {currencies}
        </div>
    }
}

fn kind_id(k: ReportKind) -> &'static str {
    match k {
        ReportKind::Market => "market",
        ReportKind::Plan => "plan",
    }
}

fn kind_name(k: ReportKind) -> Msg {
    match k {
        ReportKind::Market => Msg::KindMarket,
        ReportKind::Plan => Msg::KindPlan,
    }
}

/// A labelled choice of one facet value, "All" first.
#[component]
fn FilterChoice(
    id: &'static str,
    label: &'static str,
    options: Vec<ChoiceOption>,
    value: Signal<String>,
    #[prop(into)] on_change: Callback<String>,
    locale: Locale,
) -> impl IntoView {
    let options = std::iter::once(ChoiceOption::new("", CatalogueMsg::All.text(locale)))
        .chain(options)
        .collect::<Vec<_>>();
    view! {
        <div class="filter">
            <label class="label" for=id>
                {label}
            </label>
            <Choice id=id options=options value=value on_change=on_change/>
        </div>
    }
}

/// A report's card; an imported one says so and offers export and removal.
#[component]
fn Card(entry: Arc<CatalogueEntry>, locale: Locale, imported: Option<Imports>) -> impl IntoView {
    let app = use_app();
    let t = move |m: Msg| m.text(locale);
    let e = entry;
    let period = crate::i18n::catalogue::period_text(&e.history, &e.forecast, locale);
    let trend: Vec<(f64, f64)> = e.sparkline.iter().map(|[x, y]| (*x, *y)).collect();
    let sparkline = (trend.len() > 1).then(|| {
        view! { <Sparkline values=trend split_at=e.sparkline_split/> }
    });
    // "XXX" is ISO 4217's "no currency" (an imported table of non-money).
    let currency = if e.currency == "XXX" {
        "—".to_string()
    } else {
        e.currency.clone()
    };
    let id = e.id.clone();
    let href = untrack(|| share::href(&share::report_query(app, &id)));
    let open = move |ev: leptos::ev::MouseEvent| {
        if in_place(&ev) {
            share::open_report(app, &id);
        }
    };
    let imported_actions = imported.map(|imports| {
        let (export_id, remove_id) = (e.id.clone(), e.id.clone());
        view! {
            <button
                class="link"
                data-testid="export-imported"
                on:click=move |_| export(app, imports, &export_id)
            >
                {ImportMsg::ExportJson.text(locale)}
            </button>
            <button
                class="link"
                data-testid="remove-imported"
                on:click=move |_| imports.remove(app, &remove_id)
            >
                {ImportMsg::Remove.text(locale)}
            </button>
        }
    });
    let kind = t(if e.kind == ReportKind::Plan {
        Msg::KindPlan
    } else {
        Msg::KindMarket
    });
    view! {
        <article
            class=if imported.is_some() { "card imported-card" } else { "card" }
            data-report=e.id.clone()
        >
            <p class="kind">{kind}</p>
            {imported
                .map(|_| {
                    view! {
                        <p class="badge prov-scenario">{ImportMsg::ImportedBadge.text(locale)}</p>
                    }
                })}
            <h2>
                {local_view(&e.title, locale)}
            </h2>
            <p class="headline" data-testid="card-headline">
                {local_view(&e.headline, locale)}
            </p>
            {sparkline}
            <dl class="meta">
                <dt>{t(Msg::Publisher)}</dt>
                <dd>
                    {local_view(&e.publisher, locale)}
                </dd>
                <dt>{t(Msg::Region)}</dt>
                <dd>
                    {local_view(&e.region, locale)}
                </dd>
                <dt>{t(Msg::Currency)}</dt>
                <dd>
                    <span>{currency}</span>
                </dd>
                <dt>{t(Msg::Period)}</dt>
                <dd>
                    <span>{period}</span>
                </dd>
            </dl>
            <p class="card-actions">
                <a class="primary open-report" href=href data-testid="open-report" on:click=open>
                    {t(Msg::OpenReport)}
                </a>
                {imported_actions}
            </p>
        </article>
    }
}
