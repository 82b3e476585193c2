//! Small node builders shared by views: report text in the reader's language (with a note when
//! it falls back to another), provenance badges, notes.

use super::dom::{el, text_el, Node};
use crate::domain::format::{pick, Locale};
use crate::domain::schema::{LocalText, Provenance};
use crate::i18n::{provenance, Message, Msg};
use leptos::prelude::*;

/// A report text in the reader's language; when unavailable, the text shown is marked with its
/// language and a note says so.
pub fn local_text(text: &LocalText, locale: Locale) -> Node {
    let (s, fallback) = pick(text, locale);
    if fallback {
        let lang = if locale == Locale::En { "zh" } else { "en" };
        el("span")
            .child(el("span").attr("lang", lang).text(s))
            .child(text_el(
                "span",
                "fallback-note",
                format!(" ({})", Msg::TextInOtherLanguage.text(locale)),
            ))
    } else {
        el("span").text(s)
    }
}

/// [`local_text`] as a component: the text in the reader's language, or in the other one with
/// a note saying so.
#[component]
pub fn LocalTextView(text: LocalText, locale: Locale) -> impl IntoView {
    let (s, fallback) = pick(&text, locale);
    let s = s.to_string();
    if fallback {
        let lang = if locale == Locale::En { "zh" } else { "en" };
        view! {
            <span>
                <span lang=lang>{s}</span>
                <span class="fallback-note">
                    {format!(" ({})", Msg::TextInOtherLanguage.text(locale))}
                </span>
            </span>
        }
        .into_any()
    } else {
        view! { <span>{s}</span> }.into_any()
    }
}

/// The text alone, for attributes and labels.
pub fn local(text: &LocalText, locale: Locale) -> String {
    pick(text, locale).0.to_string()
}

pub fn badge(p: Provenance, locale: Locale) -> Node {
    let class = match p {
        Provenance::Reported => "badge prov-reported",
        Provenance::Bound => "badge prov-bound",
        Provenance::Derived => "badge prov-derived",
        Provenance::Assumption => "badge prov-assumption",
        Provenance::Scenario => "badge prov-scenario",
    };
    text_el("span", class, provenance(locale, p))
}

/// A section with a heading (level 2) and its content.
pub fn section(class: &str, id: &str, heading: impl Into<String>) -> Node {
    el("section")
        .class(class.to_string())
        .attr("aria-labelledby", format!("{id}-h"))
        .child(text_el("h2", "", heading).id(format!("{id}-h")))
}

/// The box a table scrolls sideways in on a narrow screen: a focusable, named region, so a
/// keyboard can scroll it too.
pub fn table_scroll(locale: Locale) -> Node {
    el("div")
        .class("table-scroll")
        .attr("tabindex", "0")
        .attr("role", "region")
        .attr("aria-label", CommonMsg::TableRegion.text(locale))
}

crate::messages! {
    pub enum CommonMsg {
        TableRegion => ("Table (scrolls sideways)", "表格（可横向滚动）", "表格（可橫向捲動）"),
    }
}
