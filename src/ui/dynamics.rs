//! Dynamics view: the report's qualitative content in our own words — drivers, restraints,
//! opportunities, threats, impacts, segment highlights, phases and insights as cards grouped by
//! kind, the key players, and a timeline of dated developments.

use super::common::{local_text, section};
use super::dom::{el, text_el, Dom, Node};
use super::state::{use_app, use_report, ReportCtx};
use crate::domain::format::{chinese_name, Locale};
use crate::domain::schema::{Development, KeyPlayer, Section, SectionKind};
use crate::i18n::{fill, Message};
use leptos::prelude::*;

crate::messages! {
    pub enum DynMsg {
        Intro => (
            "What the report says about the forces acting on the market, summarised in our own words.",
            "报告对影响市场的各种因素的论述，由我们用自己的话概括。",
            "報告對影響市場的各種因素的論述，由我們用自己的話概括。"
        ),
        Drivers => ("Drivers", "驱动因素", "驅動因素"),
        Restraints => ("Restraints", "制约因素", "制約因素"),
        Opportunities => ("Opportunities", "机遇", "機遇"),
        Threats => ("Threats", "威胁", "威脅"),
        Impacts => ("Impacts", "影响", "影響"),
        SegmentHighlights => ("Segment highlights", "细分市场要点", "細分市場要點"),
        Phases => ("Development phases", "发展阶段", "發展階段"),
        Insights => ("Insights", "洞察", "洞察"),
        KeyPlayers => ("Key players", "主要企业", "主要企業"),
        KeyPlayersIntro => (
            "Companies and platforms the report names, as it names them.",
            "报告提及的企业与平台，名称照录原文。",
            "報告提及的企業與平臺，名稱照錄原文。"
        ),
        Developments => ("Key developments", "重要动态", "重要動態"),
        DevelopmentsIntro => (
            "Dated events the report mentions, oldest first.",
            "报告提及的有日期的事件，按时间先后排列。",
            "報告提及的有日期的事件，按時間先後排列。"
        ),
        Date => ("Date: ", "日期：", "日期："),
        Actor => ("Who: ", "主体：", "主體："),
        MonthYear => ("{0} {1}", "{1}年{0}", "{1}年{0}"),
        Jan => ("Jan", "1月", "1月"),
        Feb => ("Feb", "2月", "2月"),
        Mar => ("Mar", "3月", "3月"),
        Apr => ("Apr", "4月", "4月"),
        May => ("May", "5月", "5月"),
        Jun => ("Jun", "6月", "6月"),
        Jul => ("Jul", "7月", "7月"),
        Aug => ("Aug", "8月", "8月"),
        Sep => ("Sep", "9月", "9月"),
        Oct => ("Oct", "10月", "10月"),
        Nov => ("Nov", "11月", "11月"),
        Dec => ("Dec", "12月", "12月"),
    }
}

/// The groups in the order the view shows them.
const GROUPS: [(SectionKind, DynMsg, &str); 8] = [
    (SectionKind::Driver, DynMsg::Drivers, "driver"),
    (SectionKind::Restraint, DynMsg::Restraints, "restraint"),
    (
        SectionKind::Opportunity,
        DynMsg::Opportunities,
        "opportunity",
    ),
    (SectionKind::Threat, DynMsg::Threats, "threat"),
    (SectionKind::Impact, DynMsg::Impacts, "impact"),
    (SectionKind::Segment, DynMsg::SegmentHighlights, "segment"),
    (SectionKind::Phase, DynMsg::Phases, "phase"),
    (SectionKind::Insight, DynMsg::Insights, "insight"),
];

const MONTHS: [DynMsg; 12] = [
    DynMsg::Jan,
    DynMsg::Feb,
    DynMsg::Mar,
    DynMsg::Apr,
    DynMsg::May,
    DynMsg::Jun,
    DynMsg::Jul,
    DynMsg::Aug,
    DynMsg::Sep,
    DynMsg::Oct,
    DynMsg::Nov,
    DynMsg::Dec,
];

/// A development's date as the data writes it: "2013", "2025-08" or a span "1998/2004".
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum DevDate {
    Year(i32),
    Month(i32, u32),
    Span(i32, i32),
}

impl DevDate {
    fn parse(s: &str) -> Option<DevDate> {
        let s = s.trim();
        if let Some((a, b)) = s.split_once('/') {
            return Some(DevDate::Span(
                a.trim().parse().ok()?,
                b.trim().parse().ok()?,
            ));
        }
        if let Some((y, m)) = s.split_once('-') {
            let (y, m): (i32, u32) = (y.trim().parse().ok()?, m.trim().parse().ok()?);
            return (1..=12).contains(&m).then_some(DevDate::Month(y, m));
        }
        s.parse().ok().map(DevDate::Year)
    }

    /// Sort key: start year, then month (a bare year or a span sorts before its months), then
    /// end year.
    fn key(self) -> (i32, u32, i32) {
        match self {
            DevDate::Year(y) => (y, 0, y),
            DevDate::Month(y, m) => (y, m, y),
            DevDate::Span(a, b) => (a, 0, b),
        }
    }

    /// The `datetime` attribute of a `<time>` (a span has none).
    fn machine(self) -> Option<String> {
        match self {
            DevDate::Year(y) => Some(format!("{y:04}")),
            DevDate::Month(y, m) => Some(format!("{y:04}-{m:02}")),
            DevDate::Span(..) => None,
        }
    }

    fn label(self, locale: Locale) -> String {
        match self {
            DevDate::Year(y) => y.to_string(),
            DevDate::Span(a, b) => format!("{a}–{b}"),
            DevDate::Month(y, m) => {
                let month = MONTHS
                    .get(m.saturating_sub(1) as usize)
                    .map(|msg| msg.text(locale))
                    .unwrap_or_default();
                fill(DynMsg::MonthYear.text(locale), &[month, &y.to_string()])
            }
        }
    }
}

#[component]
pub fn Dynamics() -> impl IntoView {
    let app = use_app();
    let ctx = use_report();
    view! { <Dom render=move || dynamics(ctx, app.display_locale())/> }
}

fn dynamics(ctx: ReportCtx, locale: Locale) -> Vec<Node> {
    ctx.with(|r| {
        let groups = GROUPS.iter().filter_map(|&(kind, msg, tag)| {
            let of_kind: Vec<&Section> = r.sections.iter().filter(|s| s.kind == kind).collect();
            (!of_kind.is_empty()).then(|| section_group(tag, msg, &of_kind, locale))
        });
        vec![el("div")
            .class("dynamics")
            .child(text_el("p", "dyn-intro", DynMsg::Intro.text(locale)))
            // Groups flow side by side and stretch to fill each row (style: .dyn-groups).
            .child(el("div").class("dyn-groups").children(groups))
            .child_opt((!r.key_players.is_empty()).then(|| key_players(&r.key_players, locale)))
            .child_opt((!r.developments.is_empty()).then(|| timeline(&r.developments, locale)))]
    })
}

fn section_group(
    kind: &'static str,
    heading: DynMsg,
    sections: &[&Section],
    locale: Locale,
) -> Node {
    let cards = sections.iter().enumerate().map(|(i, s)| {
        el("li")
            .key(i.to_string())
            .class("dyn-card")
            .testid("dynamics-card")
            .child(el("h3").child(local_text(&s.title, locale)))
            .child(el("p").child(local_text(&s.summary, locale)))
    });
    // A group of several cards takes the whole row; a group of one sits beside others.
    let class = if sections.len() > 1 {
        "dyn-group wide"
    } else {
        "dyn-group"
    };
    section(class, &format!("dyn-{kind}"), heading.text(locale))
        .key(kind)
        .testid("dynamics-group")
        .attr("data-kind", kind)
        .child(el("ul").class("dyn-cards").children(cards))
}

fn key_players(players: &[KeyPlayer], locale: Locale) -> Node {
    let chinese = locale != Locale::En;
    let items = players.iter().enumerate().map(|(i, p)| {
        // The Chinese name leads in a Chinese interface; the other name stands beside.
        // In the reader's script: 小紅書 in a Traditional interface, 小红书 in a Simplified one.
        let zh = chinese_name(p, locale).filter(|z| z.trim() != p.name.trim());
        let names = el("p").class("player-names");
        let names = match zh {
            Some(z) if chinese => names
                .child(text_el("span", "player-name", z.to_string()).attr("lang", "zh"))
                .text(" ")
                .child(text_el("span", "player-alt", p.name.clone())),
            Some(z) => names
                .child(text_el("span", "player-name", p.name.clone()))
                .text(" ")
                .child(text_el("span", "player-alt", z.to_string()).attr("lang", "zh")),
            None => names.child(text_el("span", "player-name", p.name.clone())),
        };
        el("li")
            .key(format!("{i}-{}", p.name))
            .class("player")
            .child(names)
            .child_opt(
                p.note
                    .as_ref()
                    .map(|n| el("p").class("player-note").child(local_text(n, locale))),
            )
    });
    section(
        "dyn-players",
        "dyn-players",
        DynMsg::KeyPlayers.text(locale),
    )
    .key("players")
    .testid("key-players")
    .child(text_el(
        "p",
        "dyn-intro",
        DynMsg::KeyPlayersIntro.text(locale),
    ))
    .child(el("ul").class("player-list").children(items))
}

fn timeline(developments: &[Development], locale: Locale) -> Node {
    // Oldest first; dates that do not parse keep their order at the end.
    let mut dated: Vec<(usize, Option<DevDate>, &Development)> = developments
        .iter()
        .enumerate()
        .map(|(i, d)| (i, DevDate::parse(&d.date), d))
        .collect();
    dated.sort_by_key(|(_, date, _)| match date {
        Some(d) => (0, d.key()),
        None => (1, (0, 0, 0)),
    });
    let items = dated.into_iter().map(|(i, date, d)| {
        let when = match date {
            Some(dd) => match dd.machine() {
                Some(m) => el("time").attr("datetime", m).text(dd.label(locale)),
                None => el("span").text(dd.label(locale)),
            },
            None => el("span").text(d.date.clone()),
        };
        el("li")
            .key(i.to_string())
            .class("timeline-item")
            .testid("timeline-item")
            .attr("data-date", d.date.clone())
            .child(
                el("div")
                    .class("timeline-date")
                    .child(text_el("span", "dyn-sr", DynMsg::Date.text(locale)))
                    .child(when),
            )
            .child(
                el("div")
                    .class("timeline-body")
                    .child_opt(d.actor.as_ref().map(|a| {
                        el("p")
                            .class("timeline-actor")
                            .child(text_el("span", "dyn-sr", DynMsg::Actor.text(locale)))
                            .child(el("strong").text(a.clone()))
                    }))
                    .child(
                        el("p")
                            .class("timeline-summary")
                            .child(local_text(&d.summary, locale)),
                    ),
            )
    });
    section(
        "dyn-timeline",
        "dyn-timeline",
        DynMsg::Developments.text(locale),
    )
    .key("timeline")
    .child(text_el(
        "p",
        "dyn-intro",
        DynMsg::DevelopmentsIntro.text(locale),
    ))
    .child(
        el("ol")
            .class("timeline")
            .testid("timeline")
            .children(items),
    )
}
