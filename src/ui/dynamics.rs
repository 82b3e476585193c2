//! Dynamics view: the report's qualitative content in our own words — drivers, restraints,
//! opportunities, threats, impacts, segment highlights, phases and insights as cards grouped by
//! kind, the key players, and a timeline of dated developments.

use super::common::local_view;
use super::state::{use_app, use_report, ReportCtx};
use crate::domain::dev_date::{timeline, DevDate};
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

/// A date as the reader reads it: "Aug 2025", "2025年8月", "1998–2004".
fn date_label(date: DevDate, locale: Locale) -> String {
    match date {
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

#[component]
pub fn Dynamics() -> impl IntoView {
    let app = use_app();
    let ctx = use_report();
    // Only the report's text shows here, so only the language rebuilds it.
    view! { <div class="view-body">{move || dynamics(ctx, app.locale.get())}</div> }
}

fn dynamics(ctx: ReportCtx, locale: Locale) -> AnyView {
    ctx.with(|r| {
        let groups = GROUPS
            .iter()
            .filter_map(|&(kind, msg, tag)| {
                let of_kind: Vec<&Section> = r.sections.iter().filter(|s| s.kind == kind).collect();
                (!of_kind.is_empty()).then(|| section_group(tag, msg, &of_kind, locale))
            })
            .collect_view();
        let players = (!r.key_players.is_empty()).then(|| key_players(&r.key_players, locale));
        let timeline = (!r.developments.is_empty()).then(|| dated(&r.developments, locale));
        view! {
            <div class="dynamics">
                <p class="dyn-intro">{DynMsg::Intro.text(locale)}</p>
                // Groups flow side by side and stretch to fill each row (style: .dyn-groups).
                <div class="dyn-groups">{groups}</div>
                {players}
                {timeline}
            </div>
        }
        .into_any()
    })
}

/// A section with a level-2 heading, `id`-h.
fn section_view(
    class: &'static str,
    id: &str,
    heading: &'static str,
    testid: Option<&'static str>,
    kind: Option<&'static str>,
    content: AnyView,
) -> AnyView {
    let heading_id = format!("{id}-h");
    let labelled_by = heading_id.clone();
    view! {
        <section
            class=class
            aria-labelledby=labelled_by
            data-testid=testid
            data-kind=kind
        >
            <h2 id=heading_id>{heading}</h2>
            {content}
        </section>
    }
    .into_any()
}

fn section_group(
    kind: &'static str,
    heading: DynMsg,
    sections: &[&Section],
    locale: Locale,
) -> AnyView {
    let cards = sections
        .iter()
        .map(|s| {
            view! {
                <li class="dyn-card" data-testid="dynamics-card">
                    <h3>{local_view(&s.title, locale)}</h3>
                    <p>{local_view(&s.summary, locale)}</p>
                </li>
            }
        })
        .collect_view();
    // A group of several cards takes the whole row; a group of one sits beside others.
    let class = if sections.len() > 1 {
        "dyn-group wide"
    } else {
        "dyn-group"
    };
    section_view(
        class,
        &format!("dyn-{kind}"),
        heading.text(locale),
        Some("dynamics-group"),
        Some(kind),
        view! { <ul class="dyn-cards">{cards}</ul> }.into_any(),
    )
}

fn key_players(players: &[KeyPlayer], locale: Locale) -> AnyView {
    let chinese = locale != Locale::En;
    let items = players
        .iter()
        .map(|p| {
            // The Chinese name leads in a Chinese interface; the other name stands beside.
            // In the reader's script: 小紅書 in a Traditional interface, 小红书 in a Simplified
            // one.
            let zh = chinese_name(p, locale)
                .filter(|z| z.trim() != p.name.trim())
                .map(str::to_string);
            let name = p.name.clone();
            let names = match zh {
                Some(z) if chinese => view! {
                    <span class="player-name" lang="zh">{z}</span>
                    " "
                    <span class="player-alt">{name}</span>
                }
                .into_any(),
                Some(z) => view! {
                    <span class="player-name">{name}</span>
                    " "
                    <span class="player-alt" lang="zh">{z}</span>
                }
                .into_any(),
                None => view! { <span class="player-name">{name}</span> }.into_any(),
            };
            let note = p
                .note
                .as_ref()
                .map(|n| view! { <p class="player-note">{local_view(n, locale)}</p> });
            view! {
                <li class="player">
                    <p class="player-names">{names}</p>
                    {note}
                </li>
            }
        })
        .collect_view();
    section_view(
        "dyn-players",
        "dyn-players",
        DynMsg::KeyPlayers.text(locale),
        Some("key-players"),
        None,
        view! {
            <p class="dyn-intro">{DynMsg::KeyPlayersIntro.text(locale)}</p>
            <ul class="player-list">{items}</ul>
        }
        .into_any(),
    )
}

fn dated(developments: &[Development], locale: Locale) -> AnyView {
    let items = timeline(developments)
        .into_iter()
        .map(|(_, date, d)| {
            let when = match date {
                Some(dd) => match dd.machine() {
                    Some(m) => {
                        view! { <time datetime=m>{date_label(dd, locale)}</time> }.into_any()
                    }
                    None => view! { <span>{date_label(dd, locale)}</span> }.into_any(),
                },
                None => view! { <span>{d.date.clone()}</span> }.into_any(),
            };
            let actor = d.actor.clone().map(|a| {
                view! {
                    <p class="timeline-actor">
                        <span class="dyn-sr">{DynMsg::Actor.text(locale)}</span>
                        <strong>{a}</strong>
                    </p>
                }
            });
            view! {
                <li class="timeline-item" data-testid="timeline-item" data-date=d.date.clone()>
                    <div class="timeline-date">
                        <span class="dyn-sr">{DynMsg::Date.text(locale)}</span>
                        {when}
                    </div>
                    <div class="timeline-body">
                        {actor}
                        <p class="timeline-summary">{local_view(&d.summary, locale)}</p>
                    </div>
                </li>
            }
        })
        .collect_view();
    section_view(
        "dyn-timeline",
        "dyn-timeline",
        DynMsg::Developments.text(locale),
        None,
        None,
        view! {
            <p class="dyn-intro">{DynMsg::DevelopmentsIntro.text(locale)}</p>
            <ol class="timeline" data-testid="timeline">
                {items}
            </ol>
        }
        .into_any(),
    )
}
