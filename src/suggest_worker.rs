//! The Web Worker the suggester runs in: each message of the page (a text to keep, or a request
//! of `suggest::job`) goes to one [`Suggester`], whose replies are posted back, so a long
//! document is worked through off the page's main thread.
//! Nothing else lives here; what a request and a reply hold is `suggest::job`'s business.

use article_annotator::suggest::job::{Suggester, READY};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

fn main() {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply_to = scope.clone();
    let mut suggester = Suggester::default();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        // Requests come as strings; a document's text as UTF-8 bytes in a transferred buffer.
        let data = event.data();
        let message = match data.as_string() {
            Some(message) => message,
            None if data.is_instance_of::<js_sys::ArrayBuffer>() => {
                String::from_utf8(js_sys::Uint8Array::new(&data).to_vec()).unwrap_or_default()
            }
            None => String::new(),
        };
        if let Some(reply) = suggester.take(&message) {
            // A reply that cannot be posted has no one to tell; the page's request times out.
            let _ = reply_to.post_message(&JsValue::from_str(&reply));
        }
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    on_message.forget();
    let _ = scope.post_message(&JsValue::from_str(READY));
}
