//! Named scenarios kept in local storage: save, load, rename, duplicate, delete; compare a saved
//! scenario with the published one or another saved one; export and import them all as one
//! JSON file. Corrupt or newer entries are set aside (and written back untouched); a full
//! storage says so and keeps what the reader has in the page.

use super::comparison::{comparison_text, CompareIds, ComparisonView};
use super::state::{headline_path, AppState, Notice, ReportCtx};
use crate::browser::storage::{self, StorageError};
use crate::domain::engine::compare::compare;
use crate::domain::engine::model::{compute, Computed};
use crate::domain::format::Locale;
use crate::domain::saved::{self, SavedScenario, SetAside};
use crate::domain::saved_journal::{changes, reapply, Change, Journal};
use crate::i18n::errors::{export_reason, load_reason, saved_reason, set_aside_reason};
use crate::i18n::{fill, Message};
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::JsCast;

const STORAGE_KEY: &str = "report-explorer.scenarios";

crate::messages! {
    pub enum SavedMsg {
        Title => ("Saved scenarios", "已保存的情景", "已儲存的情境"),
        Intro => ("Kept in this browser. Compare one with the published numbers or with another.", "保存在此浏览器中。可与公布值或另一情景对比。", "儲存在此瀏覽器中。可與公布值或另一情境對比。"),
        Name => ("Name", "名称", "名稱"),
        DefaultName => ("Scenario {0}", "情景 {0}", "情境 {0}"),
        Save => ("Save current scenario", "保存当前情景", "儲存目前情境"),
        None => ("No saved scenarios for this report yet.", "此报告尚无已保存的情景。", "此報告尚無已儲存的情境。"),
        Load => ("Load", "载入", "載入"),
        Rename => ("Rename", "重命名", "重新命名"),
        Duplicate => ("Duplicate", "复制", "複製"),
        Delete => ("Delete", "删除", "刪除"),
        Saved => ("Saved “{0}”.", "已保存“{0}”。", "已儲存「{0}」。"),
        Full => ("Browser storage is full: “{0}” is kept in this page only. Delete old scenarios or export them.", "浏览器存储已满：“{0}”仅保留在此页面中。请删除旧情景或将其导出。", "瀏覽器儲存空間已滿：「{0}」僅保留在此頁面中。請刪除舊情境或將其匯出。"),
        Unavailable => ("This browser gives the page no storage: scenarios last until the page closes.", "此浏览器不允许该页面使用存储：情景仅在页面关闭前有效。", "此瀏覽器不允許該頁面使用儲存空間：情境僅在頁面關閉前有效。"),
        Unreadable => ("The saved scenarios in this browser could not be read and are left as they are: “{0}” is kept in this page only.", "此浏览器中已保存的情景无法读取，已保持原样：“{0}”仅保留在此页面中。", "此瀏覽器中已儲存的情境無法讀取，已保持原樣：「{0}」僅保留在此頁面中。"),
        SetAside => ("{0} saved entries could not be read and were set aside (kept, not shown): {1}", "{0} 个已保存条目无法读取，已搁置（保留但不显示）：{1}", "{0} 個已儲存條目無法讀取，已擱置（保留但不顯示）：{1}"),
        Compare => ("Compare", "比较", "比較"),
        CompareWith => ("against", "对照", "對照"),
        Published => ("Published", "公布值", "公布值"),
        Current => ("Current scenario", "当前情景", "目前情境"),
        ExportAll => ("Export all (JSON)", "全部导出（JSON）", "全部匯出（JSON）"),
        ImportFile => ("Import scenarios from a file", "从文件导入情景", "從檔案匯入情境"),
        Imported => ("Imported {0} scenarios ({1} already here).", "已导入 {0} 个情景（{1} 个已存在）。", "已匯入 {0} 個情境（{1} 個已存在）。"),
        ImportFailed => ("Could not import that file: {0}. Nothing was changed.", "无法导入该文件：{0}。未做任何更改。", "無法匯入該檔案：{0}。未做任何變更。"),
    }
}

/// What the last action on the saved scenarios came to: a value (names and counts are data),
/// worded where it is shown, in the language of the moment.
#[derive(Debug, Clone, PartialEq)]
pub enum SavedStatus {
    /// Saved (or renamed, duplicated, deleted): the scenario concerned.
    Saved(String),
    /// The change is refused, or made in this page only.
    NotSaved {
        name: String,
        why: NotSaved,
    },
    /// A file of scenarios read; `not_kept`: why storage did not take them.
    Imported {
        added: usize,
        unchanged: usize,
        not_kept: Option<NotSaved>,
    },
    /// A file of scenarios that could not be read (`None`: not even as text).
    ImportFailed(Option<saved::LoadError>),
    ExportFailed(crate::domain::export::ExportFailure),
}

/// Why a change to the saved scenarios is not in storage.
#[derive(Debug, Clone, PartialEq)]
pub enum NotSaved {
    /// The change itself was refused (the list is unchanged).
    Refused(saved::SavedError),
    /// Storage is full: the change is kept in this page only.
    Full,
    /// No storage at all.
    Unavailable,
    /// What storage holds could not be read, so it is not written over.
    Unreadable,
}

impl NotSaved {
    fn text(&self, name: &str, locale: Locale) -> String {
        match self {
            NotSaved::Refused(e) => saved_reason(e, locale),
            NotSaved::Full => fill(SavedMsg::Full.text(locale), &[name]),
            NotSaved::Unavailable => SavedMsg::Unavailable.text(locale).to_string(),
            NotSaved::Unreadable => fill(SavedMsg::Unreadable.text(locale), &[name]),
        }
    }
}

impl SavedStatus {
    pub fn text(&self, locale: Locale) -> String {
        match self {
            SavedStatus::Saved(name) => fill(SavedMsg::Saved.text(locale), &[name]),
            SavedStatus::NotSaved { name, why } => why.text(name, locale),
            SavedStatus::Imported {
                added,
                unchanged,
                not_kept,
            } => {
                let msg = fill(
                    SavedMsg::Imported.text(locale),
                    &[&added.to_string(), &unchanged.to_string()],
                );
                match not_kept {
                    None => msg,
                    Some(why) => format!("{msg} {}", why.text("", locale)),
                }
            }
            SavedStatus::ImportFailed(why) => fill(
                SavedMsg::ImportFailed.text(locale),
                &[&why
                    .as_ref()
                    .map_or("?".to_string(), |e| load_reason(e, locale))],
            ),
            SavedStatus::ExportFailed(e) => export_reason(e, locale),
        }
    }
}

/// The notice for saved scenarios set aside at start: how many, and each one's name and why.
pub fn set_aside_notice(set_aside: &[SetAside], locale: Locale) -> String {
    let reasons: Vec<String> = set_aside
        .iter()
        .map(|s| {
            s.name.clone().unwrap_or_default()
                + &crate::i18n::bracketed(locale, &set_aside_reason(&s.reason, locale))
        })
        .collect();
    fill(
        SavedMsg::SetAside.text(locale),
        &[&set_aside.len().to_string(), &reasons.join("; ")],
    )
}

/// The notice for saved scenarios whose stored text cannot be read at all.
pub fn unreadable_notice(e: &saved::LoadError, locale: Locale) -> String {
    format!("{STORAGE_KEY}: {}", load_reason(e, locale))
}

/// Saved scenarios of every report, with what could not be read, and the panel's UI state.
///
/// Another tab may change the stored list at any time: every change re-reads storage first
/// and applies the reader's action to what is there now (no lost update, no resurrected
/// entry), and the list follows the other tab's writes (the `storage` event). A write made
/// from a copy that had not yet caught up with this tab's last one (two tabs saving at once)
/// is repaired: this tab's journal puts its changes back and writes again.
#[derive(Clone, Copy)]
pub struct SavedState {
    pub list: RwSignal<Vec<SavedScenario>>,
    pub set_aside: RwSignal<Vec<SetAside>>,
    pub status: RwSignal<Option<SavedStatus>>,
    pub name: RwSignal<String>,
    /// Compare: (left, right) names; "" is the published scenario, "*" the current one.
    pub compare: RwSignal<(String, String)>,
    /// Raw storage text that could not be parsed at all: kept, never overwritten.
    pub unreadable: RwSignal<bool>,
    /// Scenarios this page holds that storage does not (a write failed): kept in the list
    /// until a later write stores them.
    page_only: RwSignal<Vec<SavedScenario>>,
    /// This tab's recent changes, until other tabs' writes have surely seen them.
    journal: StoredValue<Journal>,
    /// The stored text's stamp and list as this tab last read or wrote them (before any
    /// repair).
    read: StoredValue<(saved::Stamp, Vec<SavedScenario>)>,
    /// How the journal is consulted and the list written back, set by the panel: only the
    /// panel makes changes (a journal is empty until then), and reaching this code through
    /// the panel keeps it (serde_json's writer among it) in the panel's chunk instead of the
    /// first visit.
    sync: StoredValue<Option<Arc<dyn Journaled + Send + Sync>>>,
}

/// The journal's part in reading and writing storage (see [`SavedState::sync`]).
trait Journaled {
    /// The stored list with this tab's lost changes put back, if it lost any.
    fn reconcile(&self, loaded: &saved::Loaded) -> Option<Vec<SavedScenario>>;
    /// Storage no longer holds a list: the journal's changes are not put back.
    fn forget(&self);
    /// Writes the list back after a repair (a change that changes nothing, so it re-reads
    /// storage and repairs again first); if storage refuses, says so.
    fn write_back(&self);
}

impl Journaled for SavedState {
    fn reconcile(&self, loaded: &saved::Loaded) -> Option<Vec<SavedScenario>> {
        let now = crate::browser::now_ms();
        self.journal
            .try_update_value(|j| j.reconcile(&loaded.scenarios, &loaded.stamp, now))
            .flatten()
    }

    fn forget(&self) {
        self.journal.update_value(Journal::forget);
    }

    fn write_back(&self) {
        if let Err(why) = self.change(|list| Ok(list.to_vec())) {
            let name = self.page_only.with_untracked(|p| {
                p.iter()
                    .map(|s| s.name.as_str())
                    .collect::<Vec<_>>()
                    .join("”, “")
            });
            // Only entries can be kept in the page; a removal storage refused needs no word.
            if !name.is_empty() {
                self.status.set(Some(SavedStatus::NotSaved { name, why }));
            }
        }
    }
}

impl SavedState {
    /// Loads what storage holds, and follows what other tabs write. Called once per app.
    pub fn load(app: AppState) -> Self {
        let state = SavedState {
            list: RwSignal::new(Vec::new()),
            set_aside: RwSignal::new(Vec::new()),
            status: RwSignal::new(None),
            name: RwSignal::new(String::new()),
            compare: RwSignal::new((String::new(), "*".into())),
            unreadable: RwSignal::new(false),
            page_only: RwSignal::new(Vec::new()),
            journal: StoredValue::new(Journal::new(&storage::tab_id())),
            read: StoredValue::new(Default::default()),
            sync: StoredValue::new(None),
        };
        match state.refresh() {
            Ok((set_aside, _)) if !set_aside.is_empty() => {
                app.notices.update(|n| n.push(Notice::SetAside(set_aside)));
            }
            Ok(_) => {}
            Err(e) => app.notices.update(|n| n.push(Notice::SavedUnreadable(e))),
        }
        let listener = storage::on_change(move |key| {
            if key.is_none() || key.as_deref() == Some(STORAGE_KEY) {
                // A write that lost this tab's changes: write them back (the message line stays
                // as it is unless storage refuses them).
                if let Ok((_, true)) = state.refresh() {
                    if let Some(sync) = state.sync.get_value() {
                        sync.write_back();
                    }
                }
            }
        });
        let _keep = StoredValue::new_local(listener);
        state
    }

    /// Re-reads storage: the stored scenarios, with this tab's changes that a write from an
    /// older copy lost put back, plus this page's unsaved ones. Returns the entries set aside
    /// and whether changes were put back (storage lacks them until the next write), or why the
    /// stored text cannot be read (then it is left alone and the list stays as it is). Without
    /// storage the list stays as it is.
    fn refresh(&self) -> Result<(Vec<SetAside>, bool), saved::LoadError> {
        let text = match storage::read(STORAGE_KEY) {
            Ok(text) => text,
            Err(_) => return Ok((Vec::new(), false)),
        };
        let sync = self.sync.get_value();
        let loaded = match text.as_deref().map(saved::load) {
            None => {
                if let Some(sync) = &sync {
                    sync.forget();
                }
                saved::Loaded::default()
            }
            Some(Ok(loaded)) => loaded,
            Some(Err(e)) => {
                self.unreadable.set(true);
                return Err(e);
            }
        };
        self.unreadable.set(false);
        let repaired = sync.and_then(|sync| sync.reconcile(&loaded));
        let put_back = repaired.is_some();
        let mut list = repaired.unwrap_or_else(|| loaded.scenarios.clone());
        // This page's unsaved entries that storage does not hold as they are, over the list
        // (one of the same name shows this page's version).
        let page_only: Vec<SavedScenario> = self.page_only.with_untracked(|p| {
            p.iter()
                .filter(|s| !loaded.scenarios.contains(s))
                .cloned()
                .collect()
        });
        for s in &page_only {
            reapply(&mut list, &Change::Saved(s.clone()));
        }
        self.page_only.set(page_only);
        self.read.set_value((loaded.stamp, loaded.scenarios));
        if self.list.with_untracked(|l| *l != list) {
            self.list.set(list);
        }
        self.set_aside.set(loaded.set_aside.clone());
        Ok((loaded.set_aside, put_back))
    }

    /// Applies a change to the list as storage holds it now, shows it, and writes it; or why
    /// storage does not hold it.
    fn change(
        &self,
        op: impl FnOnce(&[SavedScenario]) -> Result<Vec<SavedScenario>, saved::SavedError>,
    ) -> Result<(), NotSaved> {
        let _ = self.refresh();
        let stored: Vec<SavedScenario> = self.list.with_untracked(|l| {
            l.iter()
                .filter(|s| !self.page_only.with_untracked(|p| p.contains(s)))
                .cloned()
                .collect()
        });
        let next = self
            .list
            .with_untracked(|l| op(l))
            .map_err(NotSaved::Refused)?;
        let made = changes(&stored, &next);
        self.list.set(next);
        let written = if self.unreadable.get_untracked() {
            Err(NotSaved::Unreadable)
        } else {
            let now = crate::browser::now_ms();
            let stamp = self
                .read
                .with_value(|(read, _)| self.journal.with_value(|j| j.next_stamp(read, now)));
            let text = self.set_aside.with_untracked(|s| {
                self.list
                    .with_untracked(|l| saved::to_stored_json(l, s, &stamp))
            });
            storage::set(STORAGE_KEY, &text)
                .map(|()| {
                    self.read.update_value(|(read, list)| {
                        *read = stamp;
                        self.list.with_untracked(|l| list.clone_from(l));
                    });
                    self.journal.update_value(|j| j.wrote(made, now));
                })
                .map_err(|e| match e {
                    StorageError::Full => NotSaved::Full,
                    StorageError::Unavailable => NotSaved::Unavailable,
                })
        };
        // What storage does not hold (changes put back included) stays in the page, and is
        // written with the next change.
        self.page_only.set(match &written {
            Ok(()) => Vec::new(),
            Err(_) => self.read.with_value(|(_, in_storage)| {
                self.list.with_untracked(|l| {
                    l.iter()
                        .filter(|s| !in_storage.contains(s))
                        .cloned()
                        .collect()
                })
            }),
        });
        written
    }

    /// A change with the reader's message: "Saved …", or why it is kept in this page only
    /// (`name`: the scenario concerned).
    fn apply(
        &self,
        name: &str,
        op: impl FnOnce(&[SavedScenario]) -> Result<Vec<SavedScenario>, saved::SavedError>,
    ) {
        let name = name.to_string();
        self.status.set(Some(match self.change(op) {
            Ok(()) => SavedStatus::Saved(name),
            Err(why) => SavedStatus::NotSaved { name, why },
        }));
    }
}

/// Reads the file chosen in a file input and imports it.
fn import_from(ev: &web_sys::Event, state: SavedState) {
    let input = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok());
    let file = input
        .as_ref()
        .and_then(|i| i.files())
        .and_then(|f| f.get(0));
    // Emptied, so choosing the same file again is a change too (its name is not shown).
    if let Some(input) = &input {
        input.set_value("");
    }
    let Some(file) = file else { return };
    leptos::task::spawn_local(async move {
        let Ok(text) = crate::browser::files::read_text(&file).await else {
            state.status.set(Some(SavedStatus::ImportFailed(None)));
            return;
        };
        let _ = state.refresh();
        match state.list.with_untracked(|l| saved::import(l, &text)) {
            Ok(imported) => {
                let (added, unchanged) = (imported.added, imported.unchanged);
                let scenarios = imported.scenarios;
                let written = state.change(move |_| Ok(scenarios));
                state.status.set(Some(SavedStatus::Imported {
                    added,
                    unchanged,
                    not_kept: written.err(),
                }));
            }
            Err(e) => state.status.set(Some(SavedStatus::ImportFailed(Some(e)))),
        }
    });
}

/// What the panel's parts share: the report, the saved state, this report's scenarios (and
/// their names, in order) and the language (the panel is built anew when it changes).
#[derive(Clone, Copy)]
struct PanelCtx {
    ctx: ReportCtx,
    state: SavedState,
    mine: Memo<Vec<SavedScenario>>,
    names: Memo<Vec<String>>,
    lang: Locale,
}

impl PanelCtx {
    fn t(&self, m: SavedMsg) -> &'static str {
        m.text(self.lang)
    }
}

/// The panel in the Scenarios view: save the current scenario, the saved ones (each row its
/// own component), the comparison and the file tools.
#[component]
pub fn SavedPanel(ctx: ReportCtx, state: SavedState, lang: Locale) -> impl IntoView {
    let app = super::state::use_app();
    if state.sync.with_value(Option::is_none) {
        state.sync.set_value(Some(Arc::new(state)));
    }
    let report_id = ctx.with(|r| r.id.clone());
    let mine = Memo::new(move |_| {
        state.list.with(|l| {
            saved::for_report(l, &report_id)
                .into_iter()
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    let names = Memo::new(move |_| mine.with(|m| m.iter().map(|s| s.name.clone()).collect()));
    let p = PanelCtx {
        ctx,
        state,
        mine,
        names,
        lang,
    };
    let default_name = Memo::new(move |_| {
        mine.with(|m| {
            saved::first_free_name(m, |n| fill(p.t(SavedMsg::DefaultName), &[&n.to_string()]))
        })
    });
    let save = move |_| {
        let typed = state.name.get_untracked();
        let name = if typed.trim().is_empty() {
            default_name.get_untracked()
        } else {
            typed
        };
        let s = ctx.scenario.get_untracked();
        let rid = ctx.with(|r| r.id.clone());
        let entry = SavedScenario::new(&name, &rid, &crate::browser::today(), &s, None);
        state.apply(&name, |l| saved::save(l, entry));
        state.name.set(String::new());
    };
    let export_all = move |_| {
        let text = state.list.with_untracked(|l| saved::export_all(l));
        if let Err(e) = crate::browser::download::download_text(
            "report-explorer-scenarios.json",
            "application/json",
            &text,
        ) {
            state.status.set(Some(SavedStatus::ExportFailed(e)));
        }
    };
    let none = Memo::new(move |_| mine.with(Vec::is_empty));
    view! {
        <section class="saved" aria-labelledby="saved-h" data-testid="saved-panel">
            <h2 id="saved-h">{p.t(SavedMsg::Title)}</h2>
            <p class="help">{p.t(SavedMsg::Intro)}</p>
            <div class="save-row">
                <label for="saved-name">{p.t(SavedMsg::Name)}</label>
                <input
                    id="saved-name"
                    type="text"
                    maxlength="80"
                    placeholder=move || default_name.get()
                    prop:value=move || state.name.get()
                    on:input=move |ev| state.name.set(event_target_value(&ev))
                />
                <button class="primary" data-testid="save-scenario" on:click=save>
                    {p.t(SavedMsg::Save)}
                </button>
            </div>
            <p class="status" role="status" data-testid="saved-status">
                {move || state.status.with(|s| s.as_ref().map(|s| s.text(app.locale.get())))}
            </p>
            <Show
                when=move || !none.get()
                fallback=move || view! { <p class="help">{p.t(SavedMsg::None)}</p> }
            >
                <ul class="saved-list" data-testid="saved-list">
                    <For
                        each=move || names.get()
                        key=|name| name.clone()
                        children=move |name| view! { <SavedRow p=p name=name /> }
                    />
                </ul>
            </Show>
            <ComparePanel p=p />
            <div class="saved-files">
                <button class="link" data-testid="export-saved" on:click=export_all>
                    {p.t(SavedMsg::ExportAll)}
                </button>
                // Our words on the control, in the reader's language: the browser's own file
                // field says "Choose File" in the browser's.
                <label class="link file-pick">
                    {p.t(SavedMsg::ImportFile)}
                    <input
                        id="import-saved"
                        class="visually-hidden"
                        type="file"
                        accept=".json,application/json"
                        on:change=move |ev| import_from(&ev, state)
                    />
                </label>
            </div>
        </section>
    }
}

/// One saved scenario: its name and date, and what can be done with it.
#[component]
fn SavedRow(p: PanelCtx, name: String) -> impl IntoView {
    let PanelCtx { ctx, state, .. } = p;
    let entry = {
        let name = name.clone();
        Memo::new(move |_| p.mine.with(|m| m.iter().find(|s| s.name == name).cloned()))
    };
    let report_id = ctx.with(|r| r.id.clone());
    let load = move |_| {
        if let Some(e) = entry.get_untracked() {
            ctx.scenario.set(e.scenario());
        }
    };
    let rename = {
        let (from, rid) = (name.clone(), report_id.clone());
        move |_| {
            let to = state.name.get_untracked();
            if !to.trim().is_empty() {
                state.apply(&to, |l| saved::rename(l, &rid, &from, &to));
                state.name.set(String::new());
            }
        }
    };
    let duplicate = {
        let (name, rid) = (name.clone(), report_id.clone());
        move |_| {
            state.apply(&name, |l| {
                saved::duplicate(l, &rid, &name, &crate::browser::today()).map(|(l, _)| l)
            });
        }
    };
    let delete = {
        let (name, rid) = (name.clone(), report_id);
        move |_| state.apply(&name, |l| saved::delete(l, &rid, &name))
    };
    let compare = {
        let name = name.clone();
        move |_| state.compare.set((String::new(), name.clone()))
    };
    let key = name.clone();
    view! {
        <li class="saved-item" data-saved=key>
            <span class="saved-name">{name}</span>
            <span class="saved-date">
                {move || entry.with(|e| e.as_ref().map(|e| e.created.clone()).unwrap_or_default())}
            </span>
            <button class="link" data-action="load" on:click=load>
                {p.t(SavedMsg::Load)}
            </button>
            <button class="link" data-action="rename" on:click=rename>
                {p.t(SavedMsg::Rename)}
            </button>
            <button class="link" data-action="duplicate" on:click=duplicate>
                {p.t(SavedMsg::Duplicate)}
            </button>
            <button class="link" data-action="delete" on:click=delete>
                {p.t(SavedMsg::Delete)}
            </button>
            <button class="link" data-action="compare" on:click=compare>
                {p.t(SavedMsg::Compare)}
            </button>
        </li>
    }
}

/// Per-year comparison of two scenarios (published, current, or saved ones). The published
/// and current models are the report's memos; a saved scenario's model is computed once per
/// choice, not on every change of the current scenario.
#[component]
fn ComparePanel(p: PanelCtx) -> impl IntoView {
    let PanelCtx {
        ctx, state, lang, ..
    } = p;
    let side = move |left: bool| {
        Memo::new(move |_| {
            state
                .compare
                .with(|c| if left { c.0.clone() } else { c.1.clone() })
        })
    };
    let (left, right) = (side(true), side(false));
    // `None`: not a saved scenario of this report (or the published or current one).
    let saved_model = move |name: Memo<String>| {
        Memo::new(move |_| {
            let scenario = name.with(|n| {
                p.mine
                    .with(|m| m.iter().find(|s| s.name == *n).map(SavedScenario::scenario))
            })?;
            Some(ctx.with(|r| compute(r, &scenario).ok().map(Arc::new)))
        })
    };
    let (left_model, right_model) = (saved_model(left), saved_model(right));
    let anchor = ctx.with(|r| {
        r.forecast
            .as_ref()
            .map_or(r.meta.base_year, |f| f.anchor_year)
    });
    let unit = StoredValue::new(ctx.with(|r| r.headline_unit()));
    let label = move |n: &str| match n {
        "" => p.t(SavedMsg::Published).to_string(),
        "*" => p.t(SavedMsg::Current).to_string(),
        n => n.to_string(),
    };
    let text = Memo::new(move |_| {
        let (l, r) = (left.get(), right.get());
        let cmp = if l.is_empty() && r == "*" {
            // What the scenario view already compares: the report's own memo.
            ctx.comparison.get()
        } else {
            let model = |n: &str, saved: Memo<Option<Option<Arc<Computed>>>>| match n {
                "" => Some(ctx.published.get()),
                "*" => Some(ctx.computed.get().ok()),
                _ => saved.get(),
            };
            let path =
                |c: Option<Arc<Computed>>| c.as_deref().map(headline_path).unwrap_or_default();
            let (a, b) = (model(&l, left_model)?, model(&r, right_model)?);
            Arc::new(compare(&path(a), &path(b), anchor))
        };
        Some(unit.with_value(|u| {
            ctx.shown(lang, |shown| {
                comparison_text(&cmp, u, &label(&l), &label(&r), shown)
            })
        }))
    });
    let shown = Memo::new(move |_| text.with(Option::is_some));
    let picker = move |id: &'static str, current: Memo<String>, left_side: bool| {
        let options = move || {
            [
                (String::new(), p.t(SavedMsg::Published).to_string()),
                ("*".to_string(), p.t(SavedMsg::Current).to_string()),
            ]
            .into_iter()
            .chain(p.names.get().into_iter().map(|n| (n.clone(), n)))
            .map(|(value, label)| {
                let mine = value.clone();
                view! {
                    <option value=value prop:selected=move || current.with(|c| *c == mine)>
                        {label}
                    </option>
                }
            })
            .collect_view()
        };
        view! {
            <select
                id=id
                on:change=move |ev| {
                    let v = event_target_value(&ev);
                    state.compare.update(|c| if left_side { c.0 = v } else { c.1 = v });
                }
            >
                {options}
            </select>
        }
    };
    view! {
        <div class="compare" data-testid=move || shown.get().then_some("compare")>
            <div class="controls-row">
                <label class="control">
                    <span>{p.t(SavedMsg::Compare)}</span>
                    {picker("compare-left", left, true)}
                </label>
                <label class="control">
                    <span>{p.t(SavedMsg::CompareWith)}</span>
                    {picker("compare-right", right, false)}
                </label>
            </div>
            <Show when=move || shown.get()>
                <ComparisonView
                    text=Signal::derive(move || text.get().unwrap_or_default())
                    ids=CompareIds {
                        summary: "compare-summary",
                        table: "compare-table",
                    }
                    locale=lang
                />
            </Show>
        </div>
    }
}
