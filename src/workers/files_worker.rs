//! The files worker: the page posts the parts of a pick it cannot read itself, or an export in
//! a format other than the native one, and each message's [`answer`] goes back. So the readers
//! and writers of other tools' formats (zip, CSV, brat, CoNLL, doccano, Label Studio, W3C, JSON
//! Lines) are fetched only when a person first needs one, not with the page.
//! Nothing else lives here; what the messages hold is `workers::files`'s business.

use article_annotator::suggest::job::READY;
use article_annotator::workers::files::{answer, Reply};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

fn main() {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply_to = scope.clone();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        let post = |reply: &Reply| {
            let (message, transfer) = reply.to_message()?;
            reply_to.post_message_with_transfer(&message, &transfer).map_err(|e| format!("{e:?}"))
        };
        if let Err(reason) = post(&answer(event.data())) {
            // The page waits for one reply per request: it hears why, if even that can be sent.
            let _ = post(&Reply::Refused(format!("the files worker could not send its answer ({reason})")));
        }
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    on_message.forget();
    let _ = scope.post_message(&JsValue::from_str(READY));
}
