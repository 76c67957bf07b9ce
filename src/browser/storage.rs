//! Keeping the workspace in the browser between visits, in IndexedDB: a write is on disk when
//! its transaction completes, so a browser killed a moment later loses nothing (local storage
//! batches its writes for seconds). What is stored is decided by `formats::storage`; this
//! module only reads and writes the string. The scroll position, small and replaceable, goes
//! to local storage.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbRequest, IdbTransaction, IdbTransactionMode};

const DATABASE: &str = "article-annotator";
const STORE: &str = "workspace";
const CURRENT_KEY: &str = "current";
const UNREADABLE_KEY: &str = "unreadable";
const REVISION_KEY: &str = "revision";
const SCROLL_KEY: &str = "article-annotator.scroll";
const CLOSING_COPY_KEY: &str = "article-annotator.workspace-at-close";

/// Why the browser refused, in words: "the browser's storage for this page is full".
pub(crate) fn reason(error: &JsValue) -> String {
    let name = js_sys::Reflect::get(error, &"name".into()).ok().and_then(|n| n.as_string());
    match name.as_deref() {
        Some("QuotaExceededError") => "the browser's storage for this page is full".to_string(),
        Some("InvalidStateError") | Some("SecurityError") => {
            "this browser gives the page no storage (private mode?)".to_string()
        }
        Some(other) => format!("the browser refused to store it ({other})"),
        None => "the browser refused to store it".to_string(),
    }
}

/// Waits for an IndexedDB request to succeed (its result) or fail (its error).
pub(crate) async fn settle(request: &IdbRequest) -> Result<JsValue, JsValue> {
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        let on_success = Closure::once_into_js(move |event: web_sys::Event| {
            let result = event.target().and_then(|t| t.dyn_into::<IdbRequest>().ok()).and_then(|r| r.result().ok());
            let _ = resolve.call1(&JsValue::NULL, &result.unwrap_or(JsValue::UNDEFINED));
        });
        let on_error = Closure::once_into_js(move |event: web_sys::Event| {
            let error =
                event.target().and_then(|t| t.dyn_into::<IdbRequest>().ok()).and_then(|r| r.error().ok().flatten());
            let _ = reject.call1(&JsValue::NULL, &error.map_or(JsValue::UNDEFINED, JsValue::from));
        });
        request.set_onsuccess(Some(on_success.unchecked_ref()));
        request.set_onerror(Some(on_error.unchecked_ref()));
    });
    JsFuture::from(promise).await
}

/// Opens IndexedDB database `name` (version 1, with the one object store `store`).
pub(crate) async fn open_database(name: &str, store: &'static str) -> Result<IdbDatabase, JsValue> {
    let factory = gloo::utils::window().indexed_db()?.ok_or_else(|| JsValue::from_str("no IndexedDB"))?;
    let request = factory.open_with_u32(name, 1)?;
    let on_upgrade = Closure::once_into_js(move |event: web_sys::Event| {
        let database = event.target().and_then(|t| t.dyn_into::<IdbRequest>().ok()).and_then(|r| r.result().ok());
        if let Some(database) = database.and_then(|d| d.dyn_into::<IdbDatabase>().ok()) {
            let _ = database.create_object_store(store);
        }
    });
    request.set_onupgradeneeded(Some(on_upgrade.unchecked_ref()));
    settle(&request).await?.dyn_into::<IdbDatabase>()
}

/// Reads `key` of the one store of `database`. The connection is closed once read: an open
/// one would hold up a later version of the app (another tab) that upgrades the database.
pub(crate) async fn get_from(database: &str, store: &'static str, key: &str) -> Result<JsValue, JsValue> {
    let database = open_database(database, store).await?;
    let read = async {
        let store = database.transaction_with_str(store)?.object_store(store)?;
        settle(&store.get(&key.into())?).await
    };
    let value = read.await;
    database.close();
    value
}

/// Resolves when `transaction` completes, fails when it aborts; made before the requests, so
/// the write counts once it is on disk.
pub(crate) fn completion(transaction: &IdbTransaction) -> js_sys::Promise {
    js_sys::Promise::new(&mut |resolve, reject| {
        transaction.set_oncomplete(Some(resolve.unchecked_ref()));
        transaction.set_onabort(Some(reject.unchecked_ref()));
    })
}

async fn get(key: &str) -> Result<JsValue, JsValue> {
    get_from(DATABASE, STORE, key).await
}

/// Writes every `(key, value)` in one transaction: all of them are stored, or none.
async fn put(entries: &[(&str, JsValue)]) -> Result<(), JsValue> {
    let database = open_database(DATABASE, STORE).await?;
    let write = async {
        let transaction = database.transaction_with_str_and_mode(STORE, IdbTransactionMode::Readwrite)?;
        let done = completion(&transaction);
        let store = transaction.object_store(STORE)?;
        // A request that fails aborts the transaction, so its completion answers for all.
        for (key, value) in entries {
            store.put_with_key(value, &(*key).into())?;
        }
        JsFuture::from(done).await.map_err(|event| transaction.error().map_or(event, JsValue::from)).map(drop)
    };
    let written = write.await;
    database.close();
    written
}

/// The stored workspace, if any was stored; the error says why it could not be read.
pub async fn read_workspace() -> Result<Option<String>, String> {
    get(CURRENT_KEY).await.map(|value| value.as_string()).map_err(|e| reason(&e))
}

/// The revision of the stored workspace: how many times it was written (0: never, or only by
/// versions of the app that did not count).
pub async fn read_revision() -> Result<u64, String> {
    let value = get(REVISION_KEY).await.map_err(|e| reason(&e))?;
    Ok(value.as_f64().map_or(0, |n| n as u64))
}

/// Stores the workspace as `revision`, the two together or neither; the error says why the
/// browser refused (quota, private mode).
pub async fn write_workspace(stored: &str, revision: u64) -> Result<(), String> {
    // After a panic the state in memory may be broken: the last good save stays as it is. An
    // error, not Ok: callers must not go on as after a save (forget copies, tell other tabs).
    if super::crash::has_crashed() {
        return Err("the app stopped after an error; nothing more is saved".to_string());
    }
    // `stored` was made before the write began: that is the moment the save holds.
    let began = js_sys::Date::now();
    put(&[(CURRENT_KEY, stored.into()), (REVISION_KEY, (revision as f64).into())]).await.map_err(|e| reason(&e))?;
    super::crash::note_saved(began);
    Ok(())
}

/// Moves a stored workspace that could not be read out of the way, so it is neither lost nor
/// overwritten by the next save; returns where it is kept.
pub async fn keep_unreadable(stored: &str) -> String {
    let _ = put(&[(UNREADABLE_KEY, stored.into())]).await;
    format!("IndexedDB “{DATABASE}”, key “{UNREADABLE_KEY}”")
}

/// Keeps a copy synchronously as the page closes or is hidden: an IndexedDB write started then
/// may be cut off by the navigation, a local-storage write is not. Each tab keeps its own
/// (`tab`), so tabs closing together do not overwrite each other's. Too big for local storage,
/// it is skipped, and the last IndexedDB write (at most a moment old) is what comes back.
pub fn write_closing_copy(tab: &str, stored: &str) {
    // After a panic this copy, the newer one, would win over the last good save on the next visit.
    if super::crash::has_crashed() {
        return;
    }
    if let Some(storage) = local_storage() {
        if storage.set_item(&closing_copy_key(tab), stored).is_err() {
            let _ = storage.remove_item(&closing_copy_key(tab));
        }
    }
}

/// Every copy kept by closing pages, as (tab, copy).
pub fn read_closing_copies() -> Vec<(String, String)> {
    let Some(storage) = local_storage() else { return Vec::new() };
    let keys: Vec<String> =
        (0..storage.length().unwrap_or(0)).filter_map(|at| storage.key(at).ok().flatten()).collect();
    keys.into_iter()
        .filter_map(|key| {
            let tab = key.strip_prefix(CLOSING_COPY_KEY)?;
            let tab = if tab.is_empty() { "" } else { tab.strip_prefix('.')? };
            Some((tab.to_string(), storage.get_item(&key).ok()??))
        })
        .collect()
}

/// The copy kept by `tab`, if any.
pub fn read_closing_copy(tab: &str) -> Option<String> {
    local_storage()?.get_item(&closing_copy_key(tab)).ok()?
}

/// Drops the copy of `tab`: what it held is in IndexedDB now.
pub fn remove_closing_copy(tab: &str) {
    if let Some(storage) = local_storage() {
        let _ = storage.remove_item(&closing_copy_key(tab));
    }
}

fn closing_copy_key(tab: &str) -> String {
    // The copy of versions of the app that kept one for all tabs has no tab.
    if tab.is_empty() {
        CLOSING_COPY_KEY.to_string()
    } else {
        format!("{CLOSING_COPY_KEY}.{tab}")
    }
}

fn local_storage() -> Option<web_sys::Storage> {
    gloo::utils::window().local_storage().ok().flatten()
}

/// Where the open document was scrolled to: `(document id, pixels from the top)`.
pub fn read_scroll() -> Option<(String, f64)> {
    let stored = local_storage()?.get_item(SCROLL_KEY).ok()??;
    let (id, y) = stored.rsplit_once(' ')?;
    Some((id.to_string(), y.parse().ok()?))
}

pub fn write_scroll(document: &str, y: f64) {
    if let Some(storage) = local_storage() {
        let _ = storage.set_item(SCROLL_KEY, &format!("{document} {y}"));
    }
}
