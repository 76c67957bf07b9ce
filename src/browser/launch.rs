//! Files the operating system hands to the installed app (its "Open with" entries, from the
//! manifest's `file_handlers`): Chromium queues them on `window.launchQueue` for the page to
//! take. Here they become `File`s for the same opening as picked or dropped files. Where the
//! browser has no launch queue nothing happens. Which files are documents is not decided here.

use std::rc::Rc;

use js_sys::{Array, Function, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

use super::files::unreadable;

/// Hands each launch's files to `open`, in the order given, and the reasons for those that
/// could not be had (a file removed since, a handle that is not a file) to `failed`, joined.
pub fn on_launch(open: impl Fn(Vec<web_sys::File>) + 'static, failed: impl Fn(String) + 'static) {
    let queue = Reflect::get(&gloo::utils::window(), &"launchQueue".into()).unwrap_or(JsValue::UNDEFINED);
    let Some(set_consumer) = method(&queue, "setConsumer") else { return };
    let (open, failed) = (Rc::new(open), Rc::new(failed));
    let consumer = Closure::<dyn Fn(JsValue)>::new(move |params: JsValue| {
        let handles = Reflect::get(&params, &"files".into()).ok().and_then(|files| files.dyn_into::<Array>().ok());
        let (open, failed) = (open.clone(), failed.clone());
        yew::platform::spawn_local(async move {
            let (mut files, mut reasons) = (Vec::new(), Vec::new());
            for handle in handles.iter().flat_map(Array::iter) {
                match file_of(&handle).await {
                    Ok(file) => files.push(file),
                    Err(reason) => reasons.push(reason),
                }
            }
            if !files.is_empty() {
                open(files);
            }
            if !reasons.is_empty() {
                failed(reasons.join(" "));
            }
        });
    });
    if set_consumer.call1(&queue, consumer.as_ref()).is_ok() {
        // The queue calls it for every later launch of this page.
        consumer.forget();
    }
}

/// The file behind a launched file handle (its `getFile()`).
async fn file_of(handle: &JsValue) -> Result<web_sys::File, String> {
    let name = Reflect::get(handle, &"name".into()).ok().and_then(|n| n.as_string()).unwrap_or_default();
    let why = |error: JsValue| {
        let reason = error.dyn_ref::<js_sys::Error>().map_or_else(|| format!("{error:?}"), |e| e.message().into());
        unreadable(&name, reason).to_string()
    };
    let get_file = method(handle, "getFile").ok_or_else(|| why(js_sys::Error::new("not a file").into()))?;
    let promise: js_sys::Promise = get_file.call0(handle).map_err(why)?.dyn_into().map_err(why)?;
    JsFuture::from(promise).await.map_err(why)?.dyn_into().map_err(why)
}

/// `object[name]` when it is a function.
fn method(object: &JsValue, name: &str) -> Option<Function> {
    if !object.is_object() {
        return None;
    }
    Reflect::get(object, &name.into()).ok()?.dyn_into().ok()
}
