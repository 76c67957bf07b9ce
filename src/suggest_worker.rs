//! The Web Worker the suggester runs in: each message is a request of `suggest::job`, answered
//! with a reply message, so a long document is worked through off the page's main thread.
//! Nothing else lives here; what a request and a reply hold is `suggest::job`'s business.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

fn main() {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply_to = scope.clone();
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
        let request = event.data().as_string().unwrap_or_default();
        let reply = article_annotator::suggest::job::answer(&request);
        // A reply that cannot be posted has no one to tell; the page's request times out.
        let _ = reply_to.post_message(&JsValue::from_str(&reply));
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    on_message.forget();
    let _ = scope.post_message(&JsValue::from_str(article_annotator::suggest::job::READY));
}
