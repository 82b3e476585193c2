//! A table of [`TableData`] as a Leptos component, with rows keyed by their heading and each
//! cell bound to its text, so a changed value rewrites one cell.

use super::frame::TableData;
use crate::i18n::Locale;
use crate::ui::common::TableScroll;
use crate::ui::seen::seen_ticks;
use leptos::prelude::*;

/// A table with row headings inside the box that scrolls it sideways. `row_attr` names an
/// attribute each row carries with its heading (`data-year`), for tests and styling.
#[component]
pub fn DataTableView(
    #[prop(into)] data: Signal<TableData>,
    testid: &'static str,
    locale: Locale,
    #[prop(optional)] row_attr: Option<&'static str>,
) -> impl IntoView {
    // Off screen, the table follows its data once it rests (a slider being dragged above it).
    let scroll = NodeRef::new();
    let ticks = seen_ticks(scroll, move || data.track());
    let data = Memo::new(move |_| {
        ticks.track();
        data.get_untracked()
    });
    let has_caption = Memo::new(move |_| data.with(|t| !t.caption.is_empty()));
    let caption = move || {
        has_caption
            .get()
            .then(|| view! { <caption>{move || data.with(|t| t.caption.clone())}</caption> })
    };
    let headings = Memo::new(move |_| {
        data.with(|t| {
            std::iter::once(t.corner.clone())
                .chain(t.columns.iter().cloned())
                .enumerate()
                .collect::<Vec<_>>()
        })
    });
    let heads = Memo::new(move |_| {
        data.with(|t| t.rows.iter().map(|(h, _)| h.clone()).collect::<Vec<_>>())
    });
    let row = move |heading: String| {
        let cells = {
            let heading = heading.clone();
            Memo::new(move |_| {
                data.with(|t| {
                    t.rows
                        .iter()
                        .find(|(h, _)| *h == heading)
                        .map(|(_, c)| c.clone())
                        .unwrap_or_default()
                })
            })
        };
        // No `row_attr`: an attribute with no value, which is never written.
        let marked = leptos::tachys::html::attribute::custom::custom_attribute(
            row_attr.unwrap_or("data-row"),
            row_attr.map(|_| heading.clone()),
        );
        view! {
            <tr {..marked}>
                <th scope="row">{heading}</th>
                <For
                    each=move || 0..cells.with(Vec::len)
                    key=|i| *i
                    children=move |i| {
                        view! {
                            <td class="num">
                                {move || cells.with(|c| c.get(i).cloned().unwrap_or_default())}
                            </td>
                        }
                    }
                />
            </tr>
        }
    };
    view! {
        <TableScroll locale=locale node_ref=scroll>
            <table data-testid=testid>
                {caption}
                <thead>
                    <tr>
                        <For
                            each=move || headings.get()
                            key=|h| h.clone()
                            // Figures' headings stand over their figures (right-aligned).
                            children=|(i, h)| {
                                view! { <th scope="col" class=(i > 0).then_some("num")>{h}</th> }
                            }
                        />
                    </tr>
                </thead>
                <tbody>
                    <For each=move || heads.get() key=|h| h.clone() children=row />
                </tbody>
            </table>
        </TableScroll>
    }
}
