//! Keeping the workspace in the browser between visits, in IndexedDB: a write is on disk when
//! its transaction completes, so a browser killed a moment later loses nothing (local storage
//! batches its writes for seconds). What is stored is decided by `formats::storage`; this
//! module only reads and writes the string. The scroll position, small and replaceable, goes
//! to local storage.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbRequest, IdbTransactionMode};

const DATABASE: &str = "article-annotator";
const STORE: &str = "workspace";
const CURRENT_KEY: &str = "current";
const UNREADABLE_KEY: &str = "unreadable";
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

async fn open() -> Result<IdbDatabase, JsValue> {
    let factory = gloo::utils::window().indexed_db()?.ok_or_else(|| JsValue::from_str("no IndexedDB"))?;
    let request = factory.open_with_u32(DATABASE, 1)?;
    let on_upgrade = Closure::once_into_js(move |event: web_sys::Event| {
        let database = event.target().and_then(|t| t.dyn_into::<IdbRequest>().ok()).and_then(|r| r.result().ok());
        if let Some(database) = database.and_then(|d| d.dyn_into::<IdbDatabase>().ok()) {
            let _ = database.create_object_store(STORE);
        }
    });
    request.set_onupgradeneeded(Some(on_upgrade.unchecked_ref()));
    settle(&request).await?.dyn_into::<IdbDatabase>()
}

async fn get(key: &str) -> Result<Option<String>, JsValue> {
    let database = open().await?;
    let store = database.transaction_with_str(STORE)?.object_store(STORE)?;
    Ok(settle(&store.get(&key.into())?).await?.as_string())
}

async fn put(key: &str, value: &str) -> Result<(), JsValue> {
    let database = open().await?;
    let transaction = database.transaction_with_str_and_mode(STORE, IdbTransactionMode::Readwrite)?;
    // Listening before the request is made: the write counts once the transaction completes.
    let done = js_sys::Promise::new(&mut |resolve, reject| {
        transaction.set_oncomplete(Some(resolve.unchecked_ref()));
        transaction.set_onabort(Some(reject.unchecked_ref()));
    });
    let request = transaction.object_store(STORE)?.put_with_key(&value.into(), &key.into())?;
    settle(&request).await?;
    JsFuture::from(done).await.map_err(|event| transaction.error().map_or(event, JsValue::from)).map(drop)
}

/// The stored workspace, if any was stored; the error says why it could not be read.
pub async fn read_workspace() -> Result<Option<String>, String> {
    get(CURRENT_KEY).await.map_err(|e| reason(&e))
}

/// Stores the workspace; the error says why the browser refused (quota, private mode).
pub async fn write_workspace(stored: &str) -> Result<(), String> {
    // After a panic the state in memory may be broken: the last good save stays as it is. An
    // error, not Ok: callers must not go on as after a save (forget copies, tell other tabs).
    if super::crash::has_crashed() {
        return Err("the app stopped after an error; nothing more is saved".to_string());
    }
    // `stored` was made before the write began: that is the moment the save holds.
    let began = js_sys::Date::now();
    put(CURRENT_KEY, stored).await.map_err(|e| reason(&e))?;
    super::crash::note_saved(began);
    Ok(())
}

/// Moves a stored workspace that could not be read out of the way, so it is neither lost nor
/// overwritten by the next save; returns where it is kept.
pub async fn keep_unreadable(stored: &str) -> String {
    let _ = put(UNREADABLE_KEY, stored).await;
    format!("IndexedDB “{DATABASE}”, key “{UNREADABLE_KEY}”")
}

/// Keeps a copy synchronously as the page closes: an IndexedDB write started then may be cut
/// off by the navigation, a local-storage write is not. Too big for local storage, it is
/// skipped, and the last IndexedDB write (at most a moment old) is what comes back.
pub fn write_closing_copy(stored: &str) {
    // After a panic this copy, the newer one, would win over the last good save on the next visit.
    if super::crash::has_crashed() {
        return;
    }
    if let Some(storage) = local_storage() {
        if storage.set_item(CLOSING_COPY_KEY, stored).is_err() {
            let _ = storage.remove_item(CLOSING_COPY_KEY);
        }
    }
}

/// The copy kept as the page last closed, if any.
pub fn read_closing_copy() -> Option<String> {
    local_storage()?.get_item(CLOSING_COPY_KEY).ok()?
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
