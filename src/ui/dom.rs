//! The one place that creates and updates DOM nodes for the views.
//!
//! Why not `view!`: Leptos monomorphises every template and every reactive closure; measured
//! here, the KPI view alone cost 50 KB of gzipped wasm, and the app was 2.6× over its 180 KB
//! budget. Views instead build a small [`Node`] tree in plain, non-generic Rust, and
//! [`Dom`] (a thin Leptos component) patches it into the page from an effect: elements are
//! matched by key (or position and tag), and only attributes, properties and texts that
//! changed are written. So a slider moving re-runs the view function (cheap) but touches just
//! the attributes that differ — focus, typing and scroll position are kept.
//!
//! Events are delegated: one listener per event type on the view's root finds the nearest
//! element with handlers (`data-h`) and calls them with the event's value or key.

use leptos::prelude::*;
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

const SVG_NS: &str = "http://www.w3.org/2000/svg";

/// What a handler receives: the target's `value` (inputs, selects), the key pressed, and the
/// target itself (for what a value cannot carry, such as a chosen file).
#[derive(Debug, Clone, Default)]
pub struct Ev {
    pub value: String,
    pub key: String,
    pub target: Option<web_sys::EventTarget>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum On {
    Click,
    Input,
    Change,
    KeyDown,
    /// Pointer over or keyboard focus: what tooltips listen to.
    Point,
    /// Pointer or keyboard focus leaving. A finger lifting is not leaving: on a touch screen
    /// the callout a tap opened stays until focus moves on (another tap elsewhere).
    Leave,
}

impl On {
    const ALL: [(On, &'static str); 8] = [
        (On::Click, "click"),
        (On::Input, "input"),
        (On::Change, "change"),
        (On::KeyDown, "keydown"),
        (On::Point, "focusin"),
        (On::Point, "mouseover"),
        (On::Leave, "focusout"),
        (On::Leave, "pointerout"),
    ];
}

type Handler = Rc<dyn Fn(&Ev)>;

#[derive(Clone)]
pub enum Child {
    El(Node),
    Text(String),
}

/// An element to render: tag, key, attributes, DOM properties, handlers and children.
#[derive(Clone)]
pub struct Node {
    tag: &'static str,
    key: Option<String>,
    attrs: Vec<(&'static str, String)>,
    props: Vec<(&'static str, String)>,
    handlers: Vec<(On, Handler)>,
    children: Vec<Child>,
}

/// Starts an element.
pub fn el(tag: &'static str) -> Node {
    Node {
        tag,
        key: None,
        attrs: Vec::new(),
        props: Vec::new(),
        handlers: Vec::new(),
        children: Vec::new(),
    }
}

impl Node {
    /// Key among siblings: elements with the same key are updated, not recreated.
    pub fn key(mut self, key: impl Into<String>) -> Self {
        self.key = Some(key.into());
        self
    }
    pub fn attr(mut self, name: &'static str, value: impl Into<String>) -> Self {
        self.attrs.push((name, value.into()));
        self
    }
    /// Sets the attribute only when `cond` holds (boolean attributes such as `open`).
    pub fn attr_if(self, cond: bool, name: &'static str, value: impl Into<String>) -> Self {
        if cond {
            self.attr(name, value)
        } else {
            self
        }
    }
    pub fn class(self, class: impl Into<String>) -> Self {
        self.attr("class", class)
    }
    pub fn id(self, id: impl Into<String>) -> Self {
        self.attr("id", id)
    }
    pub fn testid(self, id: &'static str) -> Self {
        self.attr("data-testid", id)
    }
    /// A DOM property (`value`, `checked`), written only when the rendered value changes, so
    /// what a reader is typing is never overwritten by a re-render.
    pub fn prop(mut self, name: &'static str, value: impl Into<String>) -> Self {
        self.props.push((name, value.into()));
        self
    }
    pub fn on(mut self, event: On, f: impl Fn(&Ev) + 'static) -> Self {
        self.handlers.push((event, Rc::new(f)));
        self
    }
    pub fn on_click(self, f: impl Fn() + 'static) -> Self {
        self.on(On::Click, move |_| f())
    }
    /// A real link (`<a href>`): opens in a new tab, copies, middle-clicks as links do; a
    /// plain left click runs `f` in place instead of loading the page again.
    pub fn link(self, href: impl Into<String>, f: impl Fn() + 'static) -> Self {
        self.attr("href", href).on_click(f)
    }
    pub fn child(mut self, child: Node) -> Self {
        self.children.push(Child::El(child));
        self
    }
    pub fn child_opt(mut self, child: Option<Node>) -> Self {
        if let Some(c) = child {
            self.children.push(Child::El(c));
        }
        self
    }
    pub fn children(mut self, children: impl IntoIterator<Item = Node>) -> Self {
        self.children.extend(children.into_iter().map(Child::El));
        self
    }
    pub fn text(mut self, text: impl Into<String>) -> Self {
        self.children.push(Child::Text(text.into()));
        self
    }
}

/// Shorthand for an element with a class and a text.
pub fn text_el(tag: &'static str, class: &str, text: impl Into<String>) -> Node {
    let n = el(tag).text(text);
    if class.is_empty() {
        n
    } else {
        n.class(class)
    }
}

/// What was rendered last into one element: to diff against, with its DOM node.
struct Rendered {
    dom: web_sys::Node,
    tag: &'static str,
    key: Option<String>,
    attrs: Vec<(&'static str, String)>,
    props: Vec<(&'static str, String)>,
    children: Vec<RenderedChild>,
}

enum RenderedChild {
    El(Rendered),
    Text(web_sys::Node, String),
}

struct Patcher {
    doc: web_sys::Document,
    handlers: HashMap<u32, Vec<(On, Handler)>>,
    next_id: u32,
}

impl Patcher {
    fn create(&mut self, node: &Node, svg: bool) -> Option<Rendered> {
        let svg = svg || node.tag == "svg";
        let element = if svg {
            self.doc.create_element_ns(Some(SVG_NS), node.tag).ok()?
        } else {
            self.doc.create_element(node.tag).ok()?
        };
        let mut r = Rendered {
            dom: element.clone().into(),
            tag: node.tag,
            key: node.key.clone(),
            attrs: Vec::new(),
            props: Vec::new(),
            children: Vec::new(),
        };
        self.update(&mut r, node, svg);
        Some(r)
    }

    /// Brings a rendered element in line with `node` (same tag).
    fn update(&mut self, r: &mut Rendered, node: &Node, svg: bool) {
        // An <svg> element's children are SVG even when the element itself sits in HTML.
        let svg = svg || node.tag == "svg";
        let Some(element) = r.dom.dyn_ref::<web_sys::Element>() else {
            return;
        };
        // Attributes: write what changed, remove what went away.
        for (name, value) in &node.attrs {
            if r.attrs.iter().find(|(n, _)| n == name).map(|(_, v)| v) != Some(value) {
                let _ = element.set_attribute(name, value);
            }
        }
        for (name, _) in &r.attrs {
            if !node.attrs.iter().any(|(n, _)| n == name) {
                let _ = element.remove_attribute(name);
            }
        }
        r.attrs = node.attrs.clone();
        // Handlers: a fresh id each render, recorded in the registry.
        if node.handlers.is_empty() {
            if element.has_attribute("data-h") {
                let _ = element.remove_attribute("data-h");
            }
        } else {
            let id = self.next_id;
            self.next_id += 1;
            let _ = element.set_attribute("data-h", &id.to_string());
            self.handlers.insert(id, node.handlers.clone());
        }
        // Children first: a <select>'s value can only be set once its options exist.
        self.patch_children(
            &r.dom,
            &mut r.children,
            &node.children,
            svg && node.tag != "foreignObject",
        );
        // Restore a property the reader left in a state the view does not show (an invalid
        // entry, after they moved on), but never while they are typing in the element.
        let focused = self.doc.active_element().as_ref() == Some(element);
        for (name, value) in &node.props {
            let live = || {
                js_sys::Reflect::get(element, &JsValue::from_str(name))
                    .ok()
                    .and_then(|v| v.as_string())
            };
            let changed = r.props.iter().find(|(n, _)| n == name).map(|(_, v)| v) != Some(value);
            if changed || (!focused && *name == "value" && live().as_ref() != Some(value)) {
                let js = if *name == "checked" {
                    JsValue::from_bool(value == "true")
                } else {
                    JsValue::from_str(value)
                };
                let _ = js_sys::Reflect::set(element, &JsValue::from_str(name), &js);
            }
        }
        r.props = node.props.clone();
    }

    fn patch_children(
        &mut self,
        parent: &web_sys::Node,
        old: &mut Vec<RenderedChild>,
        new: &[Child],
        svg: bool,
    ) {
        let mut pool: Vec<Option<RenderedChild>> =
            std::mem::take(old).into_iter().map(Some).collect();
        let mut next: Vec<RenderedChild> = Vec::with_capacity(new.len());
        for (i, child) in new.iter().enumerate() {
            let reused = match child {
                Child::El(n) => {
                    // Same key (keyed), or same position and tag (unkeyed).
                    let found = pool.iter().position(|p| match p {
                        Some(RenderedChild::El(r)) => {
                            r.tag == n.tag
                                && match (&n.key, &r.key) {
                                    (Some(a), Some(b)) => a == b,
                                    (None, None) => true,
                                    _ => false,
                                }
                        }
                        _ => false,
                    });
                    let found = match (&n.key, found) {
                        // Unkeyed: prefer the one at the same position.
                        (None, _) => match pool.get(i) {
                            Some(Some(RenderedChild::El(r)))
                                if r.tag == n.tag && r.key.is_none() =>
                            {
                                Some(i)
                            }
                            _ => found,
                        },
                        (_, f) => f,
                    };
                    match found.and_then(|j| pool.get_mut(j).and_then(Option::take)) {
                        Some(RenderedChild::El(mut r)) => {
                            self.update(&mut r, n, svg);
                            Some(RenderedChild::El(r))
                        }
                        _ => self.create(n, svg).map(RenderedChild::El),
                    }
                }
                Child::Text(t) => {
                    let found = pool
                        .iter()
                        .position(|p| matches!(p, Some(RenderedChild::Text(..))));
                    match found.and_then(|j| pool.get_mut(j).and_then(Option::take)) {
                        Some(RenderedChild::Text(dom, old_text)) => {
                            if &old_text != t {
                                dom.set_text_content(Some(t));
                            }
                            Some(RenderedChild::Text(dom, t.clone()))
                        }
                        _ => Some(RenderedChild::Text(
                            self.doc.create_text_node(t).into(),
                            t.clone(),
                        )),
                    }
                }
            };
            if let Some(c) = reused {
                next.push(c);
            }
        }
        // Remove what is no longer rendered.
        for c in pool.into_iter().flatten() {
            let dom = match &c {
                RenderedChild::El(r) => &r.dom,
                RenderedChild::Text(d, _) => d,
            };
            let _ = parent.remove_child(dom);
        }
        // Put the children in order, moving only those out of place.
        let mut cursor = parent.first_child();
        for c in &next {
            let dom = match c {
                RenderedChild::El(r) => &r.dom,
                RenderedChild::Text(d, _) => d,
            };
            if cursor.as_ref() != Some(dom) {
                let _ = parent.insert_before(dom, cursor.as_ref());
            } else {
                cursor = dom.next_sibling();
            }
        }
        *old = next;
    }
}

/// Finds the handlers for an event: the nearest ancestor of the target (inside `root`) that
/// has handlers for this kind.
fn dispatch(
    root: &web_sys::Element,
    registry: &RefCell<HashMap<u32, Vec<(On, Handler)>>>,
    kind: On,
    event: &web_sys::Event,
) {
    let mut node = event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok());
    while let Some(el) = node {
        if let Some(id) = el
            .get_attribute("data-h")
            .and_then(|s| s.parse::<u32>().ok())
        {
            let handlers: Vec<Handler> = registry
                .borrow()
                .get(&id)
                .map(|hs| {
                    hs.iter()
                        .filter(|(k, _)| *k == kind)
                        .map(|(_, h)| h.clone())
                        .collect()
                })
                .unwrap_or_default();
            let touch = || {
                js_sys::Reflect::get(event, &JsValue::from_str("pointerType"))
                    .ok()
                    .and_then(|v| v.as_string())
                    .is_some_and(|t| t == "touch")
            };
            if kind == On::Leave && touch() {
                return;
            }
            if !handlers.is_empty() {
                let get = |name: &str| {
                    js_sys::Reflect::get(
                        event
                            .target()
                            .as_ref()
                            .map_or(&JsValue::NULL, |t| t.as_ref()),
                        &JsValue::from_str(name),
                    )
                    .ok()
                    .and_then(|v| v.as_string())
                    .unwrap_or_default()
                };
                let ev = Ev {
                    value: get("value"),
                    key: js_sys::Reflect::get(event, &JsValue::from_str("key"))
                        .ok()
                        .and_then(|v| v.as_string())
                        .unwrap_or_default(),
                    target: event.target(),
                };
                if kind == On::Click {
                    // A link clicked with a modifier key or another button (new tab, new
                    // window, download) is the browser's: no handler, no preventDefault.
                    if el.tag_name().eq_ignore_ascii_case("a")
                        && el.has_attribute("href")
                        && !plain_click(event)
                    {
                        return;
                    }
                    // Buttons inside forms must not submit (there is no server), and a plain
                    // click on a link is handled in place (no reload).
                    event.prevent_default();
                }
                for h in handlers {
                    h(&ev);
                }
                return;
            }
        }
        if &el == root {
            return;
        }
        node = el.parent_element();
    }
}

/// A primary-button click with no modifier key (what a link handles in place).
fn plain_click(event: &web_sys::Event) -> bool {
    let get = |name: &str| js_sys::Reflect::get(event, &JsValue::from_str(name)).ok();
    let flag = |name: &str| get(name).and_then(|v| v.as_bool()).unwrap_or(false);
    let button = get("button").and_then(|v| v.as_f64()).unwrap_or(0.0);
    button == 0.0
        && !["ctrlKey", "metaKey", "shiftKey", "altKey"]
            .iter()
            .any(|k| flag(k))
}

/// Handlers by element id.
type Registry = Rc<RefCell<HashMap<u32, Vec<(On, Handler)>>>>;
/// The root's delegated listeners, kept alive while the view lives.
type Listeners = Rc<RefCell<Vec<(&'static str, Closure<dyn Fn(web_sys::Event)>)>>>;

/// Renders the nodes `render` returns into a `div.dom` and keeps them up to date: the closure
/// re-runs whenever a signal it reads changes.
#[component]
pub fn Dom(render: impl Fn() -> Vec<Node> + 'static) -> impl IntoView {
    let root = NodeRef::<leptos::html::Div>::new();
    let registry: Registry = Rc::new(RefCell::new(HashMap::new()));
    let rendered: Rc<RefCell<Vec<RenderedChild>>> = Rc::new(RefCell::new(Vec::new()));
    let listeners: Listeners = Rc::new(RefCell::new(Vec::new()));
    let doc = web_sys::window().and_then(|w| w.document());

    {
        let (registry, rendered, listeners) =
            (registry.clone(), rendered.clone(), listeners.clone());
        // Runs on every change of what `render` reads; the DOM root exists from the first run.
        Effect::new(move |_| {
            let nodes = render();
            let (Some(root_el), Some(doc)) = (root.get(), doc.clone()) else {
                return;
            };
            let root_el: web_sys::Element = root_el.into();
            if listeners.borrow().is_empty() {
                // First render here. Leptos may hand over the root element of the view this one
                // replaces (same element type), still holding that view's nodes: start empty.
                while let Some(child) = root_el.first_child() {
                    let _ = root_el.remove_child(&child);
                }
                for (kind, name) in On::ALL {
                    let (registry, root2) = (registry.clone(), root_el.clone());
                    let cb = Closure::<dyn Fn(web_sys::Event)>::new(move |e: web_sys::Event| {
                        dispatch(&root2, &registry, kind, &e)
                    });
                    let _ =
                        root_el.add_event_listener_with_callback(name, cb.as_ref().unchecked_ref());
                    listeners.borrow_mut().push((name, cb));
                }
            }
            let mut patcher = Patcher {
                doc,
                handlers: HashMap::new(),
                next_id: 0,
            };
            let children: Vec<Child> = nodes.into_iter().map(Child::El).collect();
            let root_node: web_sys::Node = root_el.into();
            patcher.patch_children(&root_node, &mut rendered.borrow_mut(), &children, false);
            *registry.borrow_mut() = patcher.handlers;
        });
    }
    on_cleanup({
        let listeners = send_wrapper::SendWrapper::new(listeners);
        move || {
            if let Some(root_el) = root.get_untracked() {
                let root_el: web_sys::Element = root_el.into();
                for (name, cb) in listeners.borrow_mut().drain(..) {
                    let _ = root_el
                        .remove_event_listener_with_callback(name, cb.as_ref().unchecked_ref());
                }
            }
        }
    });
    view! { <div class="dom" node_ref=root></div> }
}
