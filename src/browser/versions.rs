//! Earlier versions of the workspace, kept in IndexedDB, and what the browser says about the
//! page's storage (`navigator.storage`): how much is used, whether it is persistent, and asking
//! once that it be. Which saves become versions and how many stay is decided in
//! `formats::versions`; this module stores and reads them.
//!
//! The versions have a database of their own ("article-annotator-versions"): adding a store to
//! the workspace's database would mean opening it at a new version, which waits until every tab
//! still holding it at the old one lets go, and a save must never wait for that. A version is
//! never written in one transaction with the workspace, so nothing is lost by the separation.
//!
//! Not for: the workspace itself (`storage`). Nothing here delays or fails a save: it all runs
//! after one, in the background, and a version that cannot be kept costs only that version.

use std::cell::RefCell;

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbTransactionMode, StorageEstimate, StorageManager};

use super::storage::{completion, get_from, open_database, reason, settle};
use crate::formats::storage::{self, Restored};
use crate::formats::versions::{self, Candidate, Keeper, Usage, VersionInfo};
use crate::model::Workspace;

const DATABASE: &str = "article-annotator-versions";
const STORE: &str = "versions";
/// The list of versions (`formats::versions::write_index`); each workspace is under its own key.
const INDEX_KEY: &str = "index";
/// Set in local storage once persistence was asked for: a browser that said no (or asked the
/// person, who said no) is not asked again on every visit.
const PERSISTENCE_ASKED_KEY: &str = "article-annotator.persistence-asked";

/// Fired on the window when the storage in use may have changed: after a save, a version
/// kept, an answer about persistence.
pub const CHANGED_EVENT: &str = "article-annotator-storage";

thread_local! {
    /// Which workspaces of this visit become versions. It holds the one last saved (or opened
    /// with), because the version worth keeping at a removal is the workspace from before it.
    static KEEPER: RefCell<Keeper> = RefCell::default();
    /// Why the last version could not be kept, until one is.
    static FAILURE: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// To be called once, as the page shows the workspace it opened with: keeps it as a version
/// (unless the newest holds it already) and compares the first save with it. The undo history
/// starts empty on each visit, so this is the version a first destructive edit can return to.
pub fn page_opened(workspace: &Workspace) {
    if let Some(candidate) = KEEPER.with(|keeper| keeper.borrow_mut().opened(workspace, js_sys::Date::now())) {
        wasm_bindgen_futures::spawn_local(async move {
            keep_reporting(candidate).await;
            announce();
        });
    }
}

/// To be called after each save of `workspace` that reached storage: keeps a version when
/// `formats::versions::Keeper` says so, asks for persistent storage the first time in this
/// browser, and tells the storage panel. Returns at once; the rest runs in the background.
pub fn after_save(workspace: &Workspace) {
    let candidate = KEEPER.with(|keeper| keeper.borrow_mut().saved(workspace, js_sys::Date::now()));
    let ask = first_time_asking();
    if candidate.is_none() && !ask {
        announce();
        return;
    }
    wasm_bindgen_futures::spawn_local(async move {
        if ask {
            ask_persistence().await;
        }
        if let Some(candidate) = candidate {
            keep_reporting(candidate).await;
        }
        announce();
    });
}

async fn keep_reporting(candidate: Candidate) {
    let failure = keep(candidate).await.err().map(|error| reason(&error));
    FAILURE.with(|slot| *slot.borrow_mut() = failure);
}

/// Why the last version could not be kept ("the browser's storage for this page is full"),
/// until one is.
pub fn failure() -> Option<String> {
    FAILURE.with(|slot| slot.borrow().clone())
}

/// The versions kept, newest first.
pub async fn list() -> Result<Vec<VersionInfo>, String> {
    let index = get(INDEX_KEY).await.map_err(|error| unreadable(&error))?;
    let mut versions = versions::read_index(index.as_string().as_deref());
    versions.reverse();
    Ok(versions)
}

/// The workspace version `id` holds, read back as any stored workspace is.
pub async fn read(id: u32) -> Result<Restored, String> {
    let stored = get(&key(id)).await.map_err(|error| unreadable(&error))?;
    storage::load(&stored.as_string().ok_or_else(|| "it is no longer kept".to_string())?)
}

/// How much storage the page uses of how much, and whether it is persistent; `None` where the
/// browser does not say (no `navigator.storage` outside secure contexts).
pub async fn usage() -> Option<Usage> {
    let manager = manager()?;
    let estimate: StorageEstimate = JsFuture::from(manager.estimate().ok()?).await.ok()?.unchecked_into();
    let persisted = match manager.persisted() {
        Ok(promise) => JsFuture::from(promise).await.ok().and_then(|answer| answer.as_bool()),
        Err(_) => None,
    };
    Some(Usage { used: estimate.get_usage().unwrap_or(0.0), quota: estimate.get_quota().unwrap_or(0.0), persisted })
}

fn manager() -> Option<StorageManager> {
    let navigator = gloo::utils::window().navigator();
    js_sys::Reflect::get(&navigator, &"storage".into()).ok()?.dyn_into::<StorageManager>().ok()
}

/// Whether this is the first save in this browser since persistence could be asked for; notes
/// that it is asked now. Without local storage it is never asked, rather than at every save.
fn first_time_asking() -> bool {
    let Some(local) = gloo::utils::window().local_storage().ok().flatten() else { return false };
    if local.get_item(PERSISTENCE_ASKED_KEY).ok().flatten().is_some() {
        return false;
    }
    local.set_item(PERSISTENCE_ASKED_KEY, "1").is_ok()
}

/// Asks the browser to keep the page's data under storage pressure. Chromium answers by its own
/// measure of the site, Firefox asks the person; either way the answer shows in the panel.
async fn ask_persistence() {
    if let Some(promise) = manager().and_then(|manager| manager.persist().ok()) {
        let _ = JsFuture::from(promise).await;
    }
}

fn announce() {
    if let Ok(event) = web_sys::Event::new(CHANGED_EVENT) {
        let _ = gloo::utils::window().dispatch_event(&event);
    }
}

fn key(id: u32) -> String {
    format!("version-{id}")
}

/// "the browser could not read it (NotFoundError)".
fn unreadable(error: &JsValue) -> String {
    let name = js_sys::Reflect::get(error, &"name".into()).ok().and_then(|name| name.as_string());
    format!("the browser could not read it ({})", name.as_deref().unwrap_or("no reason given"))
}

async fn open() -> Result<IdbDatabase, JsValue> {
    open_database(DATABASE, STORE).await
}

async fn get(key: &str) -> Result<JsValue, JsValue> {
    get_from(DATABASE, STORE, key).await
}

/// Keeps `candidate` and trims the versions, all in one transaction: the index, the new
/// version and the removal of those the index no longer lists are stored together or not at
/// all, and two tabs keeping versions at once each see the other's.
async fn keep(candidate: Candidate) -> Result<(), JsValue> {
    let database = open().await?;
    let write = async {
        let transaction = database.transaction_with_str_and_mode(STORE, IdbTransactionMode::Readwrite)?;
        let done = completion(&transaction);
        let store = transaction.object_store(STORE)?;
        let (index, keys) = (store.get(&INDEX_KEY.into())?, store.get_all_keys()?);
        // The writes are made as the reads answer, while the transaction is still active.
        let index = versions::read_index(settle(&index).await?.as_string().as_deref());
        let keys = js_sys::Array::from(&settle(&keys).await?);
        if let Some((id, index)) = versions::add(&index, &candidate) {
            store.put_with_key(&candidate.stored.as_str().into(), &key(id).into())?;
            store.put_with_key(&versions::write_index(&index).into(), &INDEX_KEY.into())?;
            // What the index does not list goes: the oldest versions, and any an unreadable
            // index had lost track of.
            let listed: Vec<String> = index.iter().map(|v| key(v.id)).collect();
            for stale in keys.iter().filter(|k| k.as_string().is_none_or(|k| k != INDEX_KEY && !listed.contains(&k))) {
                store.delete(&stale)?;
            }
        }
        JsFuture::from(done).await.map_err(|event| transaction.error().map_or(event, JsValue::from)).map(drop)
    };
    let written = write.await;
    database.close();
    written
}
