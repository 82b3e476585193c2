//! Named scenarios kept in local storage: save, load, rename, duplicate, delete; compare a saved
//! scenario with the published one or another saved one; export and import them all as one
//! JSON file. Corrupt or newer entries are set aside (and written back untouched); a full
//! storage says so and keeps what the reader has in the page.

use super::common::section;
use super::comparison::{comparison, CompareIds};
use super::dom::{el, text_el, Ev, Node, On};
use super::state::{AppState, ReportCtx};
use crate::browser::storage::{self, StorageError};
use crate::domain::engine::compare::compare;
use crate::domain::engine::model::{compute, Computed};
use crate::domain::format::Locale;
use crate::domain::saved::{self, SavedScenario, SetAside};
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
        Compare => ("Compare", "对比", "對比"),
        CompareWith => ("against", "对比", "對比"),
        Published => ("Published", "公布值", "公布值"),
        Current => ("Current scenario", "当前情景", "目前情境"),
        ExportAll => ("Export all (JSON)", "全部导出（JSON）", "全部匯出（JSON）"),
        ImportFile => ("Import scenarios from a file", "从文件导入情景", "從檔案匯入情境"),
        Imported => ("Imported {0} scenarios ({1} already here).", "已导入 {0} 个情景（{1} 个已存在）。", "已匯入 {0} 個情境（{1} 個已存在）。"),
        ImportFailed => ("Could not import that file: {0}. Nothing was changed.", "无法导入该文件：{0}。未做任何更改。", "無法匯入該檔案：{0}。未做任何變更。"),
    }
}

/// Saved scenarios of every report, with what could not be read, and the panel's UI state.
///
/// Another tab may change the stored list at any time: every change re-reads storage first
/// and applies the reader's action to what is there now (no lost update, no resurrected
/// entry), and the list follows the other tab's writes (the `storage` event).
#[derive(Clone, Copy)]
pub struct SavedState {
    pub list: RwSignal<Vec<SavedScenario>>,
    pub set_aside: RwSignal<Vec<SetAside>>,
    pub status: RwSignal<Option<String>>,
    pub name: RwSignal<String>,
    /// Compare: (left, right) names; "" is the published scenario, "*" the current one.
    pub compare: RwSignal<(String, String)>,
    /// Raw storage text that could not be parsed at all: kept, never overwritten.
    pub unreadable: RwSignal<bool>,
    /// Scenarios this page holds that storage does not (a write failed): kept in the list
    /// until a later write stores them.
    page_only: RwSignal<Vec<SavedScenario>>,
}

/// Whether two entries are the same saved scenario (names are unique per report).
fn same(a: &SavedScenario, b: &SavedScenario) -> bool {
    a.report == b.report && a.name == b.name
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
        };
        let locale = app.locale.get_untracked();
        match state.refresh() {
            Ok(set_aside) if !set_aside.is_empty() => {
                let reasons: Vec<String> = set_aside
                    .iter()
                    .map(|s| {
                        format!(
                            "{} ({})",
                            s.name.clone().unwrap_or_default(),
                            set_aside_reason(&s.reason, locale)
                        )
                    })
                    .collect();
                app.notices.update(|n| {
                    n.push(fill(
                        SavedMsg::SetAside.text(locale),
                        &[&set_aside.len().to_string(), &reasons.join("; ")],
                    ))
                });
            }
            Ok(_) => {}
            Err(e) => app
                .notices
                .update(|n| n.push(format!("{STORAGE_KEY}: {}", load_reason(&e, locale)))),
        }
        let listener = storage::on_change(move |key| {
            if key.is_none() || key.as_deref() == Some(STORAGE_KEY) {
                let _ = state.refresh();
            }
        });
        let _keep = StoredValue::new_local(listener);
        state
    }

    /// Re-reads storage: the stored scenarios plus this page's unsaved ones. Returns the
    /// entries set aside, or why the stored text cannot be read (then it is left alone and the
    /// list stays as it is). Without storage the list stays as it is.
    fn refresh(&self) -> Result<Vec<SetAside>, saved::LoadError> {
        let text = match storage::read(STORAGE_KEY) {
            Ok(text) => text,
            Err(_) => return Ok(Vec::new()),
        };
        let loaded = match text.as_deref().map(saved::load) {
            None => saved::Loaded::default(),
            Some(Ok(loaded)) => loaded,
            Some(Err(e)) => {
                self.unreadable.set(true);
                return Err(e);
            }
        };
        self.unreadable.set(false);
        let mut list = loaded.scenarios;
        let page_only: Vec<SavedScenario> = self.page_only.with_untracked(|p| {
            p.iter()
                .filter(|s| !list.iter().any(|l| same(l, s)))
                .cloned()
                .collect()
        });
        list.extend(page_only.iter().cloned());
        self.page_only.set(page_only);
        if self.list.with_untracked(|l| *l != list) {
            self.list.set(list);
        }
        self.set_aside.set(loaded.set_aside.clone());
        Ok(loaded.set_aside)
    }

    /// Applies a change to the list as storage holds it now, shows it, and writes it. The
    /// reader's message for the outcome (`name`: the scenario concerned).
    fn change(
        &self,
        locale: Locale,
        name: &str,
        op: impl FnOnce(&[SavedScenario]) -> Result<Vec<SavedScenario>, saved::SavedError>,
    ) -> Result<(), String> {
        let _ = self.refresh();
        let stored: Vec<SavedScenario> = self.list.with_untracked(|l| {
            l.iter()
                .filter(|s| {
                    !self
                        .page_only
                        .with_untracked(|p| p.iter().any(|p| same(p, s)))
                })
                .cloned()
                .collect()
        });
        let next = self
            .list
            .with_untracked(|l| op(l))
            .map_err(|e| saved_reason(&e, locale))?;
        self.list.set(next);
        let written = if self.unreadable.get_untracked() {
            Err(fill(SavedMsg::Unreadable.text(locale), &[name]))
        } else {
            let text = self
                .set_aside
                .with_untracked(|s| self.list.with_untracked(|l| saved::to_json(l, s)));
            storage::set(STORAGE_KEY, &text).map_err(|e| match e {
                StorageError::Full => fill(SavedMsg::Full.text(locale), &[name]),
                StorageError::Unavailable => SavedMsg::Unavailable.text(locale).to_string(),
            })
        };
        // What storage does not hold stays in the page (and is written with the next change).
        self.page_only.set(match &written {
            Ok(()) => Vec::new(),
            Err(_) => self.list.with_untracked(|l| {
                l.iter()
                    .filter(|s| !stored.iter().any(|t| same(t, s)))
                    .cloned()
                    .collect()
            }),
        });
        written
    }

    /// A change with the reader's message: "Saved …", or why it is kept in this page only.
    fn apply(
        &self,
        locale: Locale,
        name: &str,
        op: impl FnOnce(&[SavedScenario]) -> Result<Vec<SavedScenario>, saved::SavedError>,
    ) {
        let msg = match self.change(locale, name, op) {
            Ok(()) => fill(SavedMsg::Saved.text(locale), &[name]),
            Err(msg) => msg,
        };
        self.status.set(Some(msg));
    }
}

/// Reads a chosen file's text and imports it.
fn import_from(ev: &Ev, state: SavedState, locale: Locale) {
    let file = ev
        .target
        .as_ref()
        .and_then(|t| t.dyn_ref::<web_sys::HtmlInputElement>())
        .and_then(|i| i.files())
        .and_then(|f| f.get(0));
    let Some(file) = file else { return };
    leptos::task::spawn_local(async move {
        let Ok(text) = crate::browser::files::read_text(&file).await else {
            state
                .status
                .set(Some(fill(SavedMsg::ImportFailed.text(locale), &["?"])));
            return;
        };
        let _ = state.refresh();
        match state.list.with_untracked(|l| saved::import(l, &text)) {
            Ok(imported) => {
                let msg = fill(
                    SavedMsg::Imported.text(locale),
                    &[&imported.added.to_string(), &imported.unchanged.to_string()],
                );
                let scenarios = imported.scenarios;
                let written = state.change(locale, "", move |_| Ok(scenarios));
                state.status.set(Some(match written {
                    Ok(()) => msg,
                    Err(why) => format!("{msg} {why}"),
                }));
            }
            Err(e) => state.status.set(Some(fill(
                SavedMsg::ImportFailed.text(locale),
                &[&load_reason(&e, locale)],
            ))),
        }
    });
}

/// The panel in the Scenarios view.
pub fn panel(app: AppState, ctx: ReportCtx, state: SavedState) -> Node {
    let locale = app.display_locale();
    let t = |m: SavedMsg| m.text(locale);
    let report_id = ctx.with(|r| r.id.clone());
    let mine: Vec<SavedScenario> = state.list.with(|l| {
        saved::for_report(l, &report_id)
            .into_iter()
            .cloned()
            .collect()
    });
    let name_value = state.name.get();
    // The first unused "Scenario n" for this report.
    let default_name = (1..)
        .map(|n| fill(t(SavedMsg::DefaultName), &[&n.to_string()]))
        .find(|candidate| !mine.iter().any(|s| &s.name == candidate))
        .unwrap_or_default();

    let rid = report_id.clone();
    let save_row = el("div")
        .class("save-row")
        .child(text_el("label", "", t(SavedMsg::Name)).attr("for", "saved-name"))
        .child(
            el("input")
                .id("saved-name")
                .attr("type", "text")
                .attr("maxlength", "80")
                .attr("placeholder", default_name.clone())
                .prop("value", name_value.clone())
                .on(On::Input, move |ev: &Ev| state.name.set(ev.value.clone())),
        )
        .child(
            text_el("button", "primary", t(SavedMsg::Save))
                .testid("save-scenario")
                .on_click(move || {
                    let typed = state.name.get_untracked();
                    let name = if typed.trim().is_empty() {
                        default_name.clone()
                    } else {
                        typed
                    };
                    let s = ctx.scenario.get_untracked();
                    let entry = SavedScenario::new(&name, &rid, &crate::browser::today(), &s, None);
                    state.apply(locale, &name, |l| saved::save(l, entry));
                    state.name.set(String::new());
                }),
        );

    let rows = mine.iter().map(|s| {
        let (n1, n2, n3, n4) = (
            s.name.clone(),
            s.name.clone(),
            s.name.clone(),
            s.name.clone(),
        );
        let (r2, r3, r4) = (report_id.clone(), report_id.clone(), report_id.clone());
        let scenario = s.scenario();
        el("li")
            .key(s.name.clone())
            .class("saved-item")
            .attr("data-saved", s.name.clone())
            .child(text_el("span", "saved-name", s.name.clone()))
            .child(text_el("span", "saved-date", s.created.clone()))
            .child(
                text_el("button", "link", t(SavedMsg::Load))
                    .attr("data-action", "load")
                    .on_click(move || ctx.scenario.set(scenario.clone())),
            )
            .child(
                text_el("button", "link", t(SavedMsg::Rename))
                    .attr("data-action", "rename")
                    .on_click(move || {
                        let to = state.name.get_untracked();
                        if !to.trim().is_empty() {
                            state.apply(locale, &to, |l| saved::rename(l, &r2, &n1, &to));
                            state.name.set(String::new());
                        }
                    }),
            )
            .child(
                text_el("button", "link", t(SavedMsg::Duplicate))
                    .attr("data-action", "duplicate")
                    .on_click(move || {
                        state.apply(locale, &n2, |l| {
                            saved::duplicate(l, &r3, &n2, &crate::browser::today()).map(|(l, _)| l)
                        });
                    }),
            )
            .child(
                text_el("button", "link", t(SavedMsg::Delete))
                    .attr("data-action", "delete")
                    .on_click(move || {
                        state.apply(locale, &n3, |l| saved::delete(l, &r4, &n3));
                    }),
            )
            .child(
                text_el("button", "link", t(SavedMsg::Compare))
                    .attr("data-action", "compare")
                    .on_click(move || state.compare.set((String::new(), n4.clone()))),
            )
    });
    let list = if mine.is_empty() {
        text_el("p", "help", t(SavedMsg::None))
    } else {
        el("ul")
            .class("saved-list")
            .testid("saved-list")
            .children(rows)
    };

    let file_tools = el("div")
        .class("saved-files")
        .child(
            text_el("button", "link", t(SavedMsg::ExportAll))
                .testid("export-saved")
                .on_click(move || {
                    let text = state.list.with_untracked(|l| saved::export_all(l));
                    if let Err(e) = crate::browser::download::download_text(
                        "report-explorer-scenarios.json",
                        "application/json",
                        &text,
                    ) {
                        state.status.set(Some(export_reason(&e, locale)));
                    }
                }),
        )
        .child(text_el("label", "", t(SavedMsg::ImportFile)).attr("for", "import-saved"))
        .child(
            el("input")
                .id("import-saved")
                .attr("type", "file")
                .attr("accept", ".json,application/json")
                .on(On::Change, move |ev: &Ev| import_from(ev, state, locale)),
        );

    section("saved", "saved", t(SavedMsg::Title))
        .testid("saved-panel")
        .child(text_el("p", "help", t(SavedMsg::Intro)))
        .child(save_row)
        .child(
            text_el("p", "status", state.status.get().unwrap_or_default())
                .attr("role", "status")
                .testid("saved-status"),
        )
        .child(list)
        .child(compare_panel(app, ctx, state, &mine, locale))
        .child(file_tools)
}

/// Per-year comparison of two scenarios (published, current, or saved ones).
fn compare_panel(
    app: AppState,
    ctx: ReportCtx,
    state: SavedState,
    mine: &[SavedScenario],
    locale: Locale,
) -> Node {
    let t = |m: SavedMsg| m.text(locale);
    let (left, right) = state.compare.get();
    // The published model and the reader's are already computed (ReportCtx); only a saved
    // scenario needs a model of its own.
    let model_of = |name: &str| -> Option<Option<Arc<Computed>>> {
        match name {
            "" => Some(ctx.published.get()),
            "*" => Some(ctx.computed.get().ok()),
            n => mine
                .iter()
                .find(|s| s.name == n)
                .map(|s| ctx.with(|r| compute(r, &s.scenario()).ok().map(Arc::new))),
        }
    };
    let picker = |id: &'static str, current: &str, left_side: bool| {
        let options = [
            ("".to_string(), t(SavedMsg::Published).to_string()),
            ("*".to_string(), t(SavedMsg::Current).to_string()),
        ]
        .into_iter()
        .chain(mine.iter().map(|s| (s.name.clone(), s.name.clone())))
        .map(|(v, label)| el("option").attr("value", v).text(label));
        el("select")
            .id(id)
            .prop("value", current.to_string())
            .children(options)
            .on(On::Change, move |ev: &Ev| {
                let v = ev.value.clone();
                state
                    .compare
                    .update(|c| if left_side { c.0 = v } else { c.1 = v });
            })
    };
    let head = el("div")
        .class("controls-row")
        .child(
            el("label")
                .class("control")
                .child(text_el("span", "", t(SavedMsg::Compare)))
                .child(picker("compare-left", &left, true)),
        )
        .child(
            el("label")
                .class("control")
                .child(text_el("span", "", t(SavedMsg::CompareWith)))
                .child(picker("compare-right", &right, false)),
        );
    let (Some(a), Some(b)) = (model_of(&left), model_of(&right)) else {
        return el("div").class("compare").child(head);
    };
    let path = |c: &Option<Arc<Computed>>| {
        c.as_ref()
            .and_then(|c| c.headline.as_ref())
            .map(|h| {
                h.points
                    .iter()
                    .map(|p| (p.year, p.value))
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    };
    let anchor = ctx.with(|r| {
        r.forecast
            .as_ref()
            .map_or(r.meta.base_year, |f| f.anchor_year)
    });
    let unit = ctx.with(|r| r.headline_unit());
    let cmp = compare(&path(&a), &path(&b), anchor);
    let _ = app;
    let label = |n: &str| match n {
        "" => t(SavedMsg::Published).to_string(),
        "*" => t(SavedMsg::Current).to_string(),
        n => n.to_string(),
    };
    el("div")
        .class("compare")
        .testid("compare")
        .child(head)
        .children(comparison(
            &cmp,
            &unit,
            &label(&left),
            &label(&right),
            CompareIds {
                summary: "compare-summary",
                table: "compare-table",
            },
            locale,
        ))
}
