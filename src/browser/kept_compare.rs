//! Keeping the compare view across a reload: the picked files (their names and bytes, as
//! picked) and the place in them (`state::Place`, as JSON), in an IndexedDB database of their
//! own, so they never touch the stored workspace. Writes go one after another in the order
//! asked, so a place is never overwritten by an older one or stored before its files.
//!
//! Not for: deciding what fits (`state::keepable`) or when to write (the compare components).

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;

use js_sys::{Array, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::IdbTransactionMode;

use super::storage::{completion, get_from, open_database};
use crate::state::Place;

const DATABASE: &str = "article-annotator-compare";
const STORE: &str = "compare";
const FILES_KEY: &str = "files";
const PLACE_KEY: &str = "place";

enum Write {
    /// A new pick: its files, and no place yet.
    Files(Vec<(String, Vec<u8>)>),
    Place(String),
    Forget,
}

thread_local! {
    static QUEUE: RefCell<VecDeque<Write>> = const { RefCell::new(VecDeque::new()) };
    static WRITING: Cell<bool> = const { Cell::new(false) };
}

/// Keeps the files of a new pick (forgetting the place in the one before).
pub fn keep_files(files: Vec<(String, Vec<u8>)>) {
    enqueue(Write::Files(files));
}

pub fn keep_place(place: &Place) {
    if let Ok(json) = serde_json::to_string(place) {
        enqueue(Write::Place(json));
    }
}

/// The compare view was closed (or its files are too large to keep): nothing comes back.
pub fn forget() {
    enqueue(Write::Forget);
}

/// The kept files and place, if a compare view was open when the page went away.
pub async fn read() -> Option<(Vec<(String, Vec<u8>)>, Place)> {
    let files = get_from(DATABASE, STORE, FILES_KEY).await.ok()?.dyn_into::<Array>().ok()?;
    let files: Vec<(String, Vec<u8>)> = files
        .iter()
        .filter_map(|pair| {
            let pair = pair.dyn_into::<Array>().ok()?;
            Some((pair.get(0).as_string()?, pair.get(1).dyn_into::<Uint8Array>().ok()?.to_vec()))
        })
        .collect();
    if files.is_empty() {
        return None;
    }
    let place = get_from(DATABASE, STORE, PLACE_KEY).await.ok()?.as_string();
    Some((files, place.and_then(|json| serde_json::from_str(&json).ok()).unwrap_or_default()))
}

fn enqueue(write: Write) {
    QUEUE.with_borrow_mut(|queue| queue.push_back(write));
    if WRITING.replace(true) {
        return;
    }
    yew::platform::spawn_local(async {
        while let Some(write) = QUEUE.with_borrow_mut(VecDeque::pop_front) {
            // The view works without its copy; a failed write leaves the next to try again.
            let _ = carry_out(write).await;
        }
        WRITING.set(false);
    });
}

async fn carry_out(write: Write) -> Result<(), JsValue> {
    let database = open_database(DATABASE, STORE).await?;
    let done = async {
        let transaction = database.transaction_with_str_and_mode(STORE, IdbTransactionMode::Readwrite)?;
        let finished = completion(&transaction);
        let store = transaction.object_store(STORE)?;
        match write {
            Write::Files(files) => {
                let list = Array::new();
                for (name, bytes) in files {
                    list.push(&Array::of2(&name.into(), &Uint8Array::from(&bytes[..])));
                }
                store.put_with_key(&list, &FILES_KEY.into())?;
                store.delete(&PLACE_KEY.into())?;
            }
            Write::Place(json) => drop(store.put_with_key(&json.into(), &PLACE_KEY.into())?),
            Write::Forget => {
                store.delete(&FILES_KEY.into())?;
                store.delete(&PLACE_KEY.into())?;
            }
        }
        JsFuture::from(finished).await.map(drop)
    };
    let result = done.await;
    database.close();
    result
}
