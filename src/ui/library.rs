//! The library: the catalogue's cards (title, publisher, region, currency, period, headline,
//! sparkline of the published path), with search and filters over the whole catalogue and
//! results shown a screenful at a time. Catalogue pages are fetched as the reader pages on,
//! or all at once when they search or filter.

use super::catalogue::{load, load_more};
use super::charts::sparkline;
use super::common::local_text;
use super::dom::{el, text_el, Dom, Ev, Node, On};
use super::imports::{export, ImportPanel, Imports};
use super::state::{use_app, AppState, CatalogueState, Load};
use crate::domain::catalogue::{CatalogueEntry, Filter};
use crate::domain::schema::ReportKind;
use crate::i18n::catalogue::CatalogueMsg;
use crate::i18n::import::ImportMsg;
use crate::i18n::{fill, Locale, Message, Msg};
use leptos::prelude::*;

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

/// The library page. The import panel is a component between the node-built heading and the
/// rest (the inner `div.dom` islands are `display: contents`, so the page lays out as one
/// section).
#[component]
pub fn Library(lib: LibraryState) -> impl IntoView {
    let app = use_app();
    let imports = use_context::<Imports>();
    view! {
        <div class="dom">
            <section class="library">
                <Dom render=move || library_heading(app) />
                {imports.map(|imports| view! { <ImportPanel imports=imports /> })}
                <Dom render=move || library_body(app, lib, imports) />
            </section>
        </div>
    }
}

fn library_heading(app: AppState) -> Vec<Node> {
    let locale = app.display_locale();
    let t = |m: Msg| m.text(locale);
    vec![
        text_el("h1", "", t(Msg::Library)),
        text_el("p", "intro", t(Msg::LibraryIntro)),
    ]
}

fn library_body(app: AppState, lib: LibraryState, imports: Option<Imports>) -> Vec<Node> {
    let locale = app.display_locale();
    let c = |m: CatalogueMsg| m.text(locale);
    let body = app.catalogue.with(|state| match state {
        Load::Loading => vec![text_el("p", "loading", c(CatalogueMsg::LoadingCatalogue))
            .attr("role", "status")
            .testid("catalogue-loading")],
        Load::Failed(message) => vec![el("div")
            .class("notice error")
            .attr("role", "alert")
            .testid("catalogue-error")
            .child(text_el("p", "", c(CatalogueMsg::CatalogueFailed)))
            .child(text_el("p", "reason", message.clone()))
            .child(
                text_el("button", "primary", c(CatalogueMsg::Retry)).on_click(move || load(app)),
            )],
        Load::Ready(cat) => results(app, lib, cat, locale),
    });
    imports
        .and_then(|i| imported_section(app, lib, i, locale))
        .into_iter()
        .chain(body)
        .collect()
}

/// The reader's imports, filtered like the catalogue.
fn imported_section(
    app: AppState,
    lib: LibraryState,
    imports: Imports,
    locale: Locale,
) -> Option<Node> {
    let items = imports.items.get();
    if items.is_empty() {
        return None;
    }
    let filter = lib.filter.get();
    let m = |msg: ImportMsg| msg.text(locale);
    let cards = items.into_iter().filter_map(|item| {
        let id = item.entry.id.clone();
        let node = match &item.card {
            Ok(card) if !filter.accepts(card) => return None,
            Ok(card) => card_node(app, card, locale, Some(imports)),
            Err(reason) => el("article")
                .class("card unusable")
                .attr("data-report", id.clone())
                .child(text_el("h2", "", item.entry.file.clone()))
                .child(text_el("p", "", m(ImportMsg::Unusable)))
                .child(text_el("p", "reason", reason.clone()))
                .child(
                    text_el("button", "link", m(ImportMsg::Remove))
                        .on_click(move || imports.remove(app, &id)),
                ),
        };
        Some(el("li").key(item.entry.id.clone()).child(node))
    });
    Some(
        el("section")
            .class("imported")
            .testid("imported")
            .child(text_el("h2", "", m(ImportMsg::ImportedHeading)))
            .child(el("ul").class("cards").children(cards)),
    )
}

fn results(app: AppState, lib: LibraryState, cat: &CatalogueState, locale: Locale) -> Vec<Node> {
    let c = |m: CatalogueMsg| m.text(locale);
    let filter = lib.filter.get();
    let shown = lib.shown.get();
    let matching: Vec<&CatalogueEntry> = cat
        .entries
        .iter()
        .map(|e| e.as_ref())
        .filter(|e| filter.accepts(e))
        .collect();
    let complete = cat.remaining.is_empty();
    let searching = !filter.is_empty() && !complete && cat.page_error.is_none();
    let status = if filter.is_empty() {
        fill(
            c(CatalogueMsg::Showing),
            &[&shown.min(cat.total).to_string(), &cat.total.to_string()],
        )
    } else if searching {
        c(CatalogueMsg::Searching).to_string()
    } else {
        fill(
            c(CatalogueMsg::Matching),
            &[&matching.len().to_string(), &cat.total.to_string()],
        )
    };
    let more = matching.len() > shown || (filter.is_empty() && shown < cat.total);
    let mut out = vec![search_row(app, lib, cat, &filter, locale)];
    out.push(
        el("div")
            .class("library-status-row")
            .child(
                text_el("p", "library-status", status)
                    .attr("role", "status")
                    .testid("library-status"),
            )
            .child_opt((!filter.is_empty()).then(|| {
                text_el("button", "link", c(CatalogueMsg::ClearFilters))
                    .testid("clear-filters")
                    .on_click(move || lib.set_filter(app, |f| *f = Filter::default()))
            })),
    );
    if let Some(message) = &cat.page_error {
        out.push(
            el("div")
                .class("notice warning")
                .attr("role", "alert")
                .child(text_el("p", "", c(CatalogueMsg::PagesFailed)))
                .child(text_el("p", "reason", message.clone())),
        );
    }
    if matching.is_empty() && !searching && !filter.is_empty() {
        out.push(text_el("p", "no-match", c(CatalogueMsg::NoMatch)));
    }
    out.push(
        el("ul")
            .class("cards")
            .children(matching.iter().take(shown).map(|e| {
                el("li")
                    .key(e.id.clone())
                    .child(card_node(app, e, locale, None))
            })),
    );
    if more {
        out.push(
            text_el("button", "show-more", c(CatalogueMsg::ShowMore))
                .testid("show-more")
                .on_click(move || {
                    lib.shown.update(|n| *n += SCREENFUL);
                    let need = lib.shown.get_untracked();
                    let have = app.catalogue.with_untracked(|c| match c {
                        Load::Ready(c) => c.entries.len(),
                        _ => 0,
                    });
                    if need > have {
                        load_more(app, false);
                    }
                }),
        );
    }
    out
}

fn search_row(
    app: AppState,
    lib: LibraryState,
    cat: &CatalogueState,
    filter: &Filter,
    locale: Locale,
) -> Node {
    let c = |m: CatalogueMsg| m.text(locale);
    let t = |m: Msg| m.text(locale);
    let kind_name = |k: ReportKind| match k {
        ReportKind::Market => ("market", t(Msg::KindMarket)),
        ReportKind::Plan => ("plan", t(Msg::KindPlan)),
    };
    let mut row = el("div").class("library-search").child(
        el("div")
            .class("search")
            .child(text_el("label", "label", c(CatalogueMsg::Search)).attr("for", "library-search"))
            .child(
                el("input")
                    .id("library-search")
                    .attr("type", "search")
                    .attr("placeholder", c(CatalogueMsg::SearchHint))
                    .attr("autocomplete", "off")
                    .prop("value", filter.query.clone())
                    .on(On::Input, move |ev: &Ev| {
                        let q = ev.value.clone();
                        lib.set_filter(app, |f| f.query = q);
                    }),
            ),
    );
    if cat.facets.kinds.len() > 1 {
        let options = cat
            .facets
            .kinds
            .iter()
            .map(|k| {
                let (id, name) = kind_name(*k);
                (id.to_string(), name.to_string())
            })
            .collect();
        let value = filter
            .kind
            .map(|k| kind_name(k).0.to_string())
            .unwrap_or_default();
        row = row.child(filter_select(
            "filter-kind",
            c(CatalogueMsg::FilterKind),
            value,
            options,
            locale,
            move |ev| {
                let kind = match ev.value.as_str() {
                    "market" => Some(ReportKind::Market),
                    "plan" => Some(ReportKind::Plan),
                    _ => None,
                };
                lib.set_filter(app, |f| f.kind = kind);
            },
        ));
    }
    if cat.facets.regions.len() > 1 {
        let options = cat
            .facets
            .regions
            .iter()
            .map(|r| {
                (
                    r.en.clone(),
                    crate::domain::format::pick(r, locale).0.to_string(),
                )
            })
            .collect();
        row = row.child(filter_select(
            "filter-region",
            c(CatalogueMsg::FilterRegion),
            filter.region.clone().unwrap_or_default(),
            options,
            locale,
            move |ev| {
                let v = ev.value.clone();
                lib.set_filter(app, |f| f.region = (!v.is_empty()).then_some(v));
            },
        ));
    }
    if cat.facets.currencies.len() > 1 {
        let options = cat
            .facets
            .currencies
            .iter()
            .map(|c| (c.clone(), c.clone()))
            .collect();
        row = row.child(filter_select(
            "filter-currency",
            c(CatalogueMsg::FilterCurrency),
            filter.currency.clone().unwrap_or_default(),
            options,
            locale,
            move |ev| {
                let v = ev.value.clone();
                lib.set_filter(app, |f| f.currency = (!v.is_empty()).then_some(v));
            },
        ));
    }
    row
}

/// A labelled choice of one facet value, "All" first.
fn filter_select(
    id: &'static str,
    label: &str,
    value: String,
    options: Vec<(String, String)>,
    locale: Locale,
    on_change: impl Fn(&Ev) + 'static,
) -> Node {
    el("div")
        .class("filter")
        .child(text_el("label", "label", label).attr("for", id))
        .child(
            el("select")
                .id(id)
                .children(
                    std::iter::once((String::new(), CatalogueMsg::All.text(locale).to_string()))
                        .chain(options)
                        .map(|(v, l)| el("option").key(v.clone()).attr("value", v).text(l)),
                )
                .prop("value", value)
                .on(On::Change, on_change),
        )
}

/// A report's card; an imported one says so and offers export and removal.
fn card_node(app: AppState, e: &CatalogueEntry, locale: Locale, imported: Option<Imports>) -> Node {
    let t = |m: Msg| m.text(locale);
    let period = fill(
        t(Msg::PeriodValue),
        &[
            &e.history.from.to_string(),
            &e.history.to.to_string(),
            &e.forecast.from.to_string(),
            &e.forecast.to.to_string(),
        ],
    );
    let trend: Vec<(f64, f64)> = e.sparkline.iter().map(|[x, y]| (*x, *y)).collect();
    let meta = |label: Msg, value: Node| vec![text_el("dt", "", t(label)), el("dd").child(value)];
    let id = e.id.clone();
    let kind = text_el(
        "p",
        "kind",
        t(if e.kind == ReportKind::Plan {
            Msg::KindPlan
        } else {
            Msg::KindMarket
        }),
    );
    let actions = el("p").class("card-actions").child(
        text_el("a", "primary open-report", t(Msg::OpenReport))
            .link(
                super::share::href(&super::share::report_query(app, &id)),
                move || super::share::open_report(app, &id),
            )
            .testid("open-report"),
    );
    let actions = match imported {
        None => actions,
        Some(imports) => {
            let (export_id, remove_id) = (e.id.clone(), e.id.clone());
            actions
                .child(
                    text_el("button", "link", ImportMsg::ExportJson.text(locale))
                        .testid("export-imported")
                        .on_click(move || export(app, imports, &export_id)),
                )
                .child(
                    text_el("button", "link", ImportMsg::Remove.text(locale))
                        .testid("remove-imported")
                        .on_click(move || imports.remove(app, &remove_id)),
                )
        }
    };
    el("article")
        .class(if imported.is_some() {
            "card imported-card"
        } else {
            "card"
        })
        .attr("data-report", e.id.clone())
        .child(kind)
        .child_opt(imported.map(|_| {
            text_el(
                "p",
                "badge prov-scenario",
                ImportMsg::ImportedBadge.text(locale),
            )
        }))
        .child(el("h2").child(local_text(&e.title, locale)))
        .child(
            el("p")
                .class("headline")
                .testid("card-headline")
                .child(local_text(&e.headline, locale)),
        )
        .child_opt((trend.len() > 1).then(|| sparkline(&trend, e.sparkline_split)))
        .child(
            el("dl").class("meta").children(
                [
                    meta(Msg::Publisher, local_text(&e.publisher, locale)),
                    meta(Msg::Region, local_text(&e.region, locale)),
                    // "XXX" is ISO 4217's "no currency" (an imported table of non-money).
                    meta(
                        Msg::Currency,
                        el("span").text(if e.currency == "XXX" {
                            "—".to_string()
                        } else {
                            e.currency.clone()
                        }),
                    ),
                    meta(Msg::Period, el("span").text(period)),
                ]
                .into_iter()
                .flatten(),
            ),
        )
        .child(actions)
}
