//! A chart scene (`crate::chart::scene`) drawn by Leptos: one element per scene node, in a
//! `<For/>` keyed by the node's key, each attribute bound to that node alone. A slider moving
//! recomputes the scene once; each mark compares its own node and writes only the attributes
//! that changed (the `d` of a path, the `y` of a marker, a tick's text).

use crate::chart::scene::{group_runs, SvgNode};
use crate::ui::charts::frame::mark_class;
use leptos::either::EitherOf6;
use leptos::prelude::*;
use leptos::reactive::computed::Selector;
use leptos::tachys::html::attribute::any_attribute::{AnyAttribute, IntoAnyAttribute};
use leptos::tachys::html::attribute::custom::custom_attribute;
use std::collections::HashMap;
use std::sync::Arc;

/// A scene with its nodes found by key.
#[derive(Debug, Clone, Default)]
pub struct Scene {
    nodes: Vec<SvgNode>,
    index: HashMap<String, usize>,
}

impl PartialEq for Scene {
    fn eq(&self, other: &Self) -> bool {
        self.nodes == other.nodes
    }
}

impl Scene {
    pub fn new(nodes: Vec<SvgNode>) -> Self {
        let index = nodes
            .iter()
            .enumerate()
            .map(|(i, n)| (n.key.clone(), i))
            .collect();
        Scene { nodes, index }
    }

    pub fn nodes(&self) -> &[SvgNode] {
        &self.nodes
    }

    /// What the mark `key` says (its accessible label), if it is drawn and labelled.
    pub fn label(&self, key: &str) -> Option<&str> {
        self.get(key).and_then(|n| n.label.as_deref())
    }

    fn get(&self, key: &str) -> Option<&SvgNode> {
        self.index.get(key).and_then(|i| self.nodes.get(*i))
    }

    /// What identifies the elements of the `list`th of [`RUNS`] lists: the first runs of the
    /// scene's groups (the value axis, the time axis) one each, then all the rest (the marks).
    /// A node keeps its element while its tag, its attribute names and whether it is a
    /// focusable mark stay the same; its values may change.
    fn ids(&self, list: usize) -> Vec<MarkId> {
        group_runs(&self.nodes)
            .into_iter()
            .enumerate()
            .filter(|(i, _)| (*i).min(RUNS - 1) == list)
            .flat_map(|(_, (_, range))| &self.nodes[range])
            .map(|n| MarkId {
                key: n.key.clone(),
                tag: n.tag,
                attrs: n.attrs.iter().map(|(a, _)| *a).collect(),
                labelled: n.label.is_some(),
            })
            .collect()
    }
}

/// How many keyed lists a scene is drawn in (an x/y chart's value axis, time axis and marks).
const RUNS: usize = 3;

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct MarkId {
    key: String,
    tag: &'static str,
    attrs: Vec<&'static str>,
    labelled: bool,
}

/// What the marks report to their chart: the pointer or focus on a mark (its key and label),
/// and leaving it.
#[derive(Clone, Copy)]
pub struct Pointing {
    /// The key of the mark whose callout shows.
    pub active: RwSignal<Option<String>>,
    /// What the last mark pointed at said then, for the readout (kept if the mark goes, e.g.
    /// its series hidden).
    pub readout: RwSignal<Option<String>>,
    /// That mark's key: the readout says what the mark says now (a new rate rewrites it).
    pub read_key: RwSignal<Option<String>>,
}

/// The elements of a scene, to go inside an `<svg>`: the runs of its groups (the value axis,
/// the time axis, the marks) each in a keyed list of its own, so the value axis gaining or
/// losing a tick as a slider moves leaves the other elements where they are. (In one list over
/// every node, Leptos's keyed diff counts an insertion late and re-inserts the nodes after it:
/// an input of the KPI projector re-inserted its 37 marks.)
#[component]
pub fn SceneMarks(scene: Memo<Arc<Scene>>, pointing: Pointing) -> impl IntoView {
    let active = pointing.active;
    let selected = Selector::new(move || active.get());
    let list = move |i| mark_list(i, scene, pointing, selected.clone());
    // One view per list (a tuple costs less code than a `Vec` of views).
    const _: () = assert!(RUNS == 3);
    (list(0), list(1), list(2))
}

/// The `i`th of a scene's keyed lists.
fn mark_list(
    i: usize,
    scene: Memo<Arc<Scene>>,
    pointing: Pointing,
    selected: Selector<Option<String>>,
) -> impl IntoView {
    let ids = Memo::new(move |_| scene.with(|s| s.ids(i)));
    view! {
        <For
            each=move || ids.get()
            key=|id| id.clone()
            children=move |id| mark(id, scene, pointing, selected.clone())
        />
    }
}

/// One element of the scene, bound to its node.
fn mark(
    id: MarkId,
    scene: Memo<Arc<Scene>>,
    pointing: Pointing,
    selected: Selector<Option<String>>,
) -> impl IntoView + use<> {
    let MarkId {
        key,
        tag,
        attrs,
        labelled,
    } = id;
    let node = {
        let key = key.clone();
        Memo::new(move |_| scene.with(|s| s.get(&key).cloned()))
    };
    let is_active = {
        let key = Some(key.clone());
        Memo::new(move |_| selected.selected(&key))
    };
    let mut bound: Vec<AnyAttribute> = attrs
        .into_iter()
        .map(|name| {
            let value = move || {
                node.with(|n| {
                    n.as_ref().and_then(|n| n.get(name)).map(|v| {
                        if name == "class" {
                            mark_class(v, is_active.get())
                        } else {
                            v.to_string()
                        }
                    })
                })
            };
            custom_attribute(name, value).into_any_attr()
        })
        .collect();
    if labelled {
        let label = move || node.with(|n| n.as_ref().and_then(|n| n.label.clone()));
        bound.push(custom_attribute("tabindex", "0").into_any_attr());
        bound.push(custom_attribute("role", "img").into_any_attr());
        bound.push(custom_attribute("aria-label", label).into_any_attr());
        let Pointing {
            active,
            readout,
            read_key,
        } = pointing;
        let point = {
            let key = key.clone();
            move || {
                let label = node.with_untracked(|n| n.as_ref().and_then(|n| n.label.clone()));
                readout.set(label);
                read_key.set(Some(key.clone()));
                active.set(Some(key.clone()));
            }
        };
        let point2 = point.clone();
        bound.push(
            leptos::tachys::html::event::on(leptos::ev::mouseover, move |_| point())
                .into_any_attr(),
        );
        bound.push(
            leptos::tachys::html::event::on(leptos::ev::focusin, move |_| point2()).into_any_attr(),
        );
        // The callout goes when the pointer or focus leaves; the readout stays. A finger
        // lifting is not leaving: the callout a tap opened stays until focus moves on.
        bound.push(
            leptos::tachys::html::event::on(
                leptos::ev::pointerout,
                move |ev: leptos::ev::PointerEvent| {
                    if ev.pointer_type() != "touch" {
                        active.set(None);
                    }
                },
            )
            .into_any_attr(),
        );
        bound.push(
            leptos::tachys::html::event::on(leptos::ev::focusout, move |_| active.set(None))
                .into_any_attr(),
        );
    }
    let text = move || node.with(|n| n.as_ref().and_then(|n| n.text.clone()));
    use leptos::svg;
    match tag {
        "line" => EitherOf6::A(svg::line().add_any_attr(bound)),
        "path" => EitherOf6::B(svg::path().add_any_attr(bound)),
        "rect" => EitherOf6::C(svg::rect().add_any_attr(bound)),
        "text" => EitherOf6::D(svg::text().add_any_attr(bound).child(text)),
        "circle" => EitherOf6::E(svg::circle().add_any_attr(bound)),
        _ => EitherOf6::F(svg::g().add_any_attr(bound).child(text)),
    }
}
