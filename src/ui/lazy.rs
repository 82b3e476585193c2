//! Views loaded when first opened. With the cargo feature `split` (the app's release and dev
//! builds, scripts/build-wasm.sh), each view's code lives in its own wasm chunk that
//! `wasm-split-cli` cuts out of the app and the page fetches on first use; without it (native
//! and wasm-bindgen-test builds, a plain `trunk serve`) the same functions are plain calls.
//!
//! A chunk that cannot be fetched (offline and not cached, a 404, a network error) shows a
//! message in the reader's language with a button that tries again; the rest of the app keeps
//! working. `wasm_split_helpers`' `fallible` form is used directly, since `#[lazy(fallible)]`
//! (Leptos PR #4785) is not in leptos_macro 0.8.20, the one Leptos 0.8.23 uses.

use super::charts::{DataTableView, TableData};
use super::contents::Contents;
use super::dynamics::Dynamics;
use super::kpis::KpiBoard;
use super::present::PresentBar;
use super::scenarios::Scenarios;
use super::segments::Segments;
use super::state::{AppState, View};
use crate::i18n::{Locale, Message};
use leptos::prelude::*;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll, Waker};

crate::messages! {
    pub(crate) enum ChunkMsg {
        Loading => ("Loading this view…", "正在加载此视图…", "正在載入此檢視…"),
        Failed => ("This view could not be loaded: its part of the app did not arrive (the connection may have dropped, or you are offline and it was not saved on this device). The rest of the app still works.", "无法加载此视图：应用的这一部分没有下载成功（可能是网络中断，或您处于离线状态且本设备未保存它）。应用的其他部分仍可使用。", "無法載入此檢視：應用程式的這一部分沒有下載成功（可能是網路中斷，或您處於離線狀態且本裝置未儲存它）。應用程式的其他部分仍可使用。"),
        Retry => ("Try again", "重试", "重試"),
        TableLoading => ("Loading the table…", "正在加载表格…", "正在載入表格…"),
        TableFailed => ("The table could not be loaded: its part of the app did not arrive (the connection may have dropped, or you are offline and it was not saved on this device). The chart still works.", "无法加载表格：应用的这一部分没有下载成功（可能是网络中断，或您处于离线状态且本设备未保存它）。图表仍可使用。", "無法載入表格：應用程式的這一部分沒有下載成功（可能是網路中斷，或您處於離線狀態且本裝置未儲存它）。圖表仍可使用。"),
        PresentFailed => ("The presentation bar could not be loaded: its part of the app did not arrive (the connection may have dropped, or you are offline and it was not saved on this device). ←/→ still step through the views and Esc leaves.", "无法加载演示栏：应用的这一部分没有下载成功（可能是网络中断，或您处于离线状态且本设备未保存它）。←/→ 仍可切换视图，Esc 退出演示。", "無法載入簡報列：應用程式的這一部分沒有下載成功（可能是網路中斷，或您處於離線狀態且本裝置未儲存它）。←/→ 仍可切換檢視，Esc 結束簡報。"),
    }
}

/// A chunk did not load (the helper logs the details to the console).
#[derive(Debug, Clone, Copy)]
pub struct ChunkFailed;

impl From<leptos::wasm_split::SplitLoaderError> for ChunkFailed {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        ChunkFailed
    }
}

type Loaded = Result<AnyView, ChunkFailed>;

/// A split point: with `split`, a function whose code is in the chunk `$chunk`, fetched on the
/// first call (a failure is an `Err`, the caller shows it with a retry); without, the same body
/// as an async function that is ready at once.
macro_rules! split_point {
    ($chunk:ident, $(#[$meta:meta])* $vis:vis fn $name:ident($($arg:ident: $ty:ty),* $(,)?) -> $ret:ty $body:block) => {
        $(#[$meta])*
        #[cfg(feature = "split")]
        #[::leptos::wasm_split::wasm_split($chunk, wasm_split_path = ::leptos::wasm_split, fallible)]
        $vis fn $name($($arg: $ty),*) -> $ret $body

        $(#[$meta])*
        #[cfg(not(feature = "split"))]
        $vis async fn $name($($arg: $ty),*) -> $ret $body
    };
}

/// One function per lazy view: with `split`, a split point whose chunk is named after the view;
/// without, the same body as an async function that is ready at once. The view is built under
/// `owner`, so it lives exactly as long as the panel that asked for it.
macro_rules! lazy_view {
    ($name:ident, $component:ident) => {
        split_point! {
            $name,
            fn $name(owner: Owner) -> Loaded {
                Ok(owner.with(|| view! { <$component/> }.into_any()))
            }
        }
    };
}

lazy_view!(view_segments, Segments);
lazy_view!(view_scenarios, Scenarios);
lazy_view!(view_dynamics, Dynamics);
lazy_view!(view_contents, Contents);
lazy_view!(view_kpis, KpiBoard);

fn load(view: View, owner: Owner) -> Pin<Box<dyn Future<Output = Loaded>>> {
    match view {
        View::Segments => Box::pin(view_segments(owner)),
        View::Scenarios => Box::pin(view_scenarios(owner)),
        View::Dynamics => Box::pin(view_dynamics(owner)),
        View::Contents => Box::pin(view_contents(owner)),
        View::Kpis => Box::pin(view_kpis(owner)),
        // The overview is in the first visit's module; it never comes here.
        View::Overview => Box::pin(async { Ok(view! { <super::overview::Overview/> }.into_any()) }),
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Phase {
    Loading,
    Failed,
    Ready,
}

/// Starts building a lazy part under the owner it is given.
type Loader = Arc<dyn Fn(Owner) -> Pin<Box<dyn Future<Output = Loaded>>> + Send + Sync>;

/// How a lazy part reads while its chunk is on its way and when it did not arrive. `name`
/// prefixes the test ids (`<name>-loading`, `-error`, `-retry`) and the failure's class.
struct PartTexts {
    name: &'static str,
    loading: Option<ChunkMsg>,
    failed: ChunkMsg,
}

/// A view that is not in the first visit's module: drawn at once when its chunk is already
/// here (a chunk loaded earlier, or a build without `split`), else a loading line until it
/// arrives, or the failure message with a retry.
#[component]
pub fn LazyView(view: View) -> impl IntoView {
    let texts = PartTexts {
        name: "view",
        loading: Some(ChunkMsg::Loading),
        failed: ChunkMsg::Failed,
    };
    lazy_part(Arc::new(move |owner| load(view, owner)), texts)
}

/// The presentation bar (`super::present::PresentBar`), shown only while presenting: nothing
/// while its chunk is on its way, the failure message with a retry if it does not arrive (the
/// keys still step and leave: they are in the first visit).
#[component]
pub fn LazyPresentBar(
    title: String,
    views: Vec<View>,
    shown: Memo<View>,
    locale: Locale,
) -> impl IntoView {
    let texts = PartTexts {
        name: "present",
        loading: None,
        failed: ChunkMsg::PresentFailed,
    };
    let loader: Loader = Arc::new(move |owner| {
        Box::pin(present_bar(
            owner,
            title.clone(),
            views.clone(),
            shown,
            locale,
        ))
    });
    lazy_part(loader, texts)
}

/// Builds a part from its chunk, in its own reactive scope (not the closure below, whose
/// re-run would dispose it).
fn lazy_part(loader: Loader, texts: PartTexts) -> AnyView {
    // A chart drawn on its own (no app) reads in English.
    let app = use_context::<AppState>();
    let say = move |m: ChunkMsg| m.text(app.map_or(Locale::En, |a| a.locale.get()));
    let owner = StoredValue::new(Owner::new());
    let phase = RwSignal::new(Phase::Loading);
    let built = StoredValue::new_local(None::<AnyView>);
    let settle = move |result: Loaded| match result {
        Ok(v) => {
            built.set_value(Some(v));
            phase.set(Phase::Ready);
        }
        Err(ChunkFailed) => phase.set(Phase::Failed),
    };
    let loader = StoredValue::new(loader);
    let attempt = move || {
        let (Some(owner), Some(loader)) = (owner.try_get_value(), loader.try_get_value()) else {
            return;
        };
        let mut pending = loader(owner);
        // Ready on the first poll when the chunk is already loaded: no loading line at all.
        match pending
            .as_mut()
            .poll(&mut Context::from_waker(Waker::noop()))
        {
            Poll::Ready(result) => settle(result),
            Poll::Pending => {
                phase.set(Phase::Loading);
                leptos::task::spawn_local(async move {
                    let result = pending.await;
                    // The reader may have moved on meanwhile.
                    if !phase.is_disposed() {
                        settle(result);
                    }
                });
            }
        }
    };
    attempt();
    let PartTexts {
        name,
        loading,
        failed,
    } = texts;
    (move || match phase.get() {
        Phase::Loading => loading
            .map(|m| {
                view! {
                    <p class="loading" role="status" data-testid=format!("{name}-loading")>
                        {move || say(m)}
                    </p>
                }
            })
            .into_any(),
        Phase::Failed => view! {
            <section
                class=format!("notice error {name}-error")
                role="alert"
                data-testid=format!("{name}-error")
            >
                <p>{move || say(failed)}</p>
                <p class="actions">
                    <button class="primary" data-testid=format!("{name}-retry") on:click=move |_| attempt()>
                        {move || say(ChunkMsg::Retry)}
                    </button>
                </p>
            </section>
        }
        .into_any(),
        Phase::Ready => built
            .try_update_value(Option::take)
            .flatten()
            .unwrap_or_else(|| ().into_any()),
    })
    .into_any()
}

// A chart's table view, one chunk (`table`), fetched the first time a reader shows a table.

/// A chart's table view (`super::charts::DataTableView`), drawn when the reader asks for it:
/// a loading line while its chunk is on its way, the failure message with a retry if it does
/// not arrive (the chart itself keeps working).
#[component]
pub fn LazyChartTable(data: Memo<TableData>, locale: Locale) -> impl IntoView {
    let texts = PartTexts {
        name: "table",
        loading: Some(ChunkMsg::TableLoading),
        failed: ChunkMsg::TableFailed,
    };
    lazy_part(
        Arc::new(move |owner| Box::pin(chart_table(owner, data, locale))),
        texts,
    )
}

split_point! {
    table,
    /// The chart's table, built under `owner`.
    fn chart_table(owner: Owner, data: Memo<TableData>, locale: Locale) -> Loaded {
        Ok(owner.with(|| {
            view! { <DataTableView data=data testid="chart-table" locale=locale /> }.into_any()
        }))
    }
}

// The presentation bar, one chunk (`present`), fetched when a reader first presents.

split_point! {
    present,
    /// The presentation bar, built under `owner`.
    fn present_bar(
        owner: Owner,
        title: String,
        views: Vec<View>,
        shown: Memo<View>,
        locale: Locale,
    ) -> Loaded {
        Ok(owner.with(|| view! { <PresentBar title views shown locale /> }.into_any()))
    }
}

/// The future's output if it is ready on the first poll (its chunk already loaded, or a build
/// without `split`), else `None`.
pub fn ready_now<F: Future>(pending: Pin<&mut F>) -> Option<F::Output> {
    match pending.poll(&mut Context::from_waker(Waker::noop())) {
        Poll::Ready(output) => Some(output),
        Poll::Pending => None,
    }
}

// The import: reading a file the reader gives and previewing it, one chunk (`import`) for both,
// fetched the first time a file is given (ui::imports).

split_point! {
    import,
    /// Reads what the reader gave into a pending import, or says why it cannot.
    pub fn import_read(
        imports: super::imports::Imports,
        name: String,
        input: std::sync::Arc<super::imports::Received>,
    ) -> Result<(), ChunkFailed> {
        super::import_preview::read(imports, name, &input);
        Ok(())
    }
}

split_point! {
    import,
    /// The preview of the pending import, built under `owner`.
    pub fn import_preview(
        owner: Owner,
        imports: super::imports::Imports,
    ) -> Result<AnyView, ChunkFailed> {
        Ok(
            owner
                .with(|| view! { <super::import_preview::ImportPreview imports=imports /> }.into_any()),
        )
    }
}

split_point! {
    import,
    /// Downloads an imported report as a report JSON file.
    pub fn import_export(
        report: std::sync::Arc<crate::domain::schema::Report>,
    ) -> Result<(), ChunkFailed> {
        super::imports::download_report(&report);
        Ok(())
    }
}

// Exports: making a file and offering it, one chunk (`export`), fetched the first time a
// reader exports (ui::exports).

split_point! {
    export,
    /// Makes and offers the file `job` asks for (ui::export_run).
    pub fn export_run(
        job: super::exports::ExportJob,
        app: Option<super::state::AppState>,
        ctx: Option<super::state::ReportCtx>,
        notes: Vec<String>,
    ) -> Result<Result<String, crate::domain::export::ExportFailure>, ChunkFailed> {
        Ok(super::export_run::run(&job, app, ctx, &notes))
    }
}

// The interface's Chinese texts: one chunk per language (`texts_hans`, `texts_hant`), so a
// first visit carries only the reader's language (English is in the main module).

#[cfg(feature = "split")]
#[::leptos::wasm_split::wasm_split(texts_hans, wasm_split_path = ::leptos::wasm_split, fallible)]
fn texts_hans() -> Result<(), ChunkFailed> {
    crate::i18n::languages::install_hans();
    Ok(())
}

#[cfg(feature = "split")]
#[::leptos::wasm_split::wasm_split(texts_hant, wasm_split_path = ::leptos::wasm_split, fallible)]
fn texts_hant() -> Result<(), ChunkFailed> {
    crate::i18n::languages::install_hant();
    Ok(())
}

/// Fetches and installs `locale`'s texts (at once when they are already here).
pub async fn language_texts(locale: crate::i18n::Locale) -> Result<(), ChunkFailed> {
    use crate::i18n::languages;
    // Without `split` there is no chunk: this installs them.
    if languages::installed(locale) {
        return Ok(());
    }
    #[cfg(feature = "split")]
    match locale {
        crate::i18n::Locale::En => {}
        crate::i18n::Locale::ZhHans => texts_hans().await?,
        crate::i18n::Locale::ZhHant => texts_hant().await?,
    }
    Ok(())
}
