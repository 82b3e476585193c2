//! Small pieces shared by views: report text in the reader's language (with a note when it
//! falls back to another), provenance badges, sections, the box a table scrolls in.

use crate::browser::overflow::watch_overflow;
use crate::domain::format::{pick, Locale};
use crate::domain::schema::{LocalText, Provenance};
use crate::i18n::{provenance, Message, Msg};
use crate::ui::text::Sentence;
use crate::ui::watched::watched_flag;
use leptos::either::Either;
use leptos::html::Div;
use leptos::prelude::*;

/// The text alone, for attributes and labels.
pub fn local(text: &LocalText, locale: Locale) -> String {
    pick(text, locale).0.to_string()
}

/// A provenance badge's classes.
pub fn badge_class(p: Provenance) -> &'static str {
    match p {
        Provenance::Reported => "badge prov-reported",
        Provenance::Bound => "badge prov-bound",
        Provenance::Derived => "badge prov-derived",
        Provenance::Assumption => "badge prov-assumption",
        Provenance::Scenario => "badge prov-scenario",
    }
}

/// A report text in the reader's language (its Chinese amounts kept whole on a line: `Sentence`);
/// when unavailable, the text shown is marked with its language and a note says so.
pub fn local_view(text: &LocalText, locale: Locale) -> impl IntoView + use<> {
    let (s, fallback) = pick(text, locale);
    let s = s.to_string();
    if fallback {
        let lang = if locale == Locale::En { "zh" } else { "en" };
        let note = crate::i18n::bracketed(locale, Msg::TextInOtherLanguage.text(locale));
        Either::Left(view! {
            <span>
                <span lang=lang><Sentence text=s/></span>
                <span class="fallback-note">{note}</span>
            </span>
        })
    } else {
        Either::Right(view! { <span><Sentence text=s/></span> })
    }
}

/// Where a value comes from ("reported", "derived" …), as a badge following a provenance that may change.
#[component]
pub fn Badge(#[prop(into)] of: Signal<Provenance>, locale: Locale) -> impl IntoView {
    view! { <span class=move || badge_class(of.get())>{move || provenance(locale, of.get())}</span> }
}

/// A section with a level-2 heading (`{id}-h`).
#[component]
pub fn Section(
    class: &'static str,
    id: &'static str,
    #[prop(into)] heading: String,
    #[prop(optional)] testid: Option<&'static str>,
    children: Children,
) -> impl IntoView {
    let heading_id = format!("{id}-h");
    let labelled_by = heading_id.clone();
    view! {
        <section class=class aria-labelledby=labelled_by data-testid=testid>
            <h2 id=heading_id>{heading}</h2>
            {children()}
        </section>
    }
}

/// The box a table scrolls sideways in on a narrow screen. While its table is larger than it,
/// it is a named region and a keyboard stop (so a keyboard can scroll it too); while the table
/// fits, a plain box and no stop (`tabindex` -1 rather than none, so a box that has focus
/// when its table comes to fit keeps it).
#[component]
pub fn TableScroll(
    locale: Locale,
    /// The box, for a caller that watches it too (`ui::seen`).
    #[prop(optional)]
    node_ref: Option<NodeRef<Div>>,
    children: Children,
) -> impl IntoView {
    let node = node_ref.unwrap_or_default();
    // `true` until measured, so a table that may scroll is never out of a keyboard's reach.
    let overflows = watched_flag(node, watch_overflow);
    view! {
        <div
            class="table-scroll"
            node_ref=node
            tabindex=move || if overflows.get() { "0" } else { "-1" }
            role=move || overflows.get().then_some("region")
            aria-label=move || overflows.get().then(|| CommonMsg::TableRegion.text(locale))
        >
            {children()}
        </div>
    }
}

crate::messages! {
    pub enum CommonMsg {
        TableRegion => ("Table (scrolls sideways)", "表格（可横向滚动）", "表格（可橫向捲動）"),
    }
}
