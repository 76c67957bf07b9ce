//! The page's side of the suggester's Web Worker (`src/suggest_worker.rs`, built by Trunk next to
//! the app and started by `suggest_worker_loader.js`): start it, post a request string (or a
//! text as bytes), hear the reply string or the reason it failed. It knows nothing of what the
//! messages hold, except the worker's "ready" word: until then messages wait here, and go in
//! the order they were sent (a later request may count on what an earlier one brought the
//! worker).

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{ErrorEvent, MessageEvent, Worker};

use crate::suggest::job::READY;

/// Where Trunk puts the worker's loader, next to index.html.
const WORKER_URL: &str = "./suggest_worker_loader.js";

/// A running worker and the handlers that keep it heard.
pub struct SuggestWorker {
    worker: Worker,
    ready: Rc<Cell<bool>>,
    /// Messages sent before the worker was ready, already JS values (strings, or a text's
    /// bytes): making one costs time, which belongs to the task that sent it, not to the one
    /// that hears "ready" and posts them all.
    waiting: Rc<RefCell<Vec<JsValue>>>,
    _on_message: Closure<dyn Fn(MessageEvent)>,
    _on_error: Closure<dyn Fn(ErrorEvent)>,
}

impl SuggestWorker {
    /// Starts the worker; `on_reply` gets each reply, or why the worker failed.
    pub fn start(on_reply: impl Fn(Result<String, String>) + 'static) -> Result<Self, String> {
        let worker = Worker::new(WORKER_URL).map_err(|e| format!("the suggester could not start ({e:?})"))?;
        let on_reply = Rc::new(on_reply);
        let (ready, waiting) = (Rc::new(Cell::new(false)), Rc::new(RefCell::new(Vec::<JsValue>::new())));
        let on_message = {
            let (on_reply, ready, waiting, worker) = (on_reply.clone(), ready.clone(), waiting.clone(), worker.clone());
            Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| match event.data().as_string() {
                Some(word) if word == READY => {
                    ready.set(true);
                    let waited = std::mem::take(&mut *waiting.borrow_mut());
                    if let Some(Err(reason)) = waited.iter().map(|request| post(&worker, request)).find(Result::is_err)
                    {
                        on_reply(Err(reason));
                    }
                }
                Some(reply) => on_reply(Ok(reply)),
                None => on_reply(Err("the suggester sent something else".to_string())),
            })
        };
        let on_error = Closure::<dyn Fn(ErrorEvent)>::new(move |event: ErrorEvent| {
            on_reply(Err(format!("the suggester stopped ({})", event.message())));
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        Ok(Self { worker, ready, waiting, _on_message: on_message, _on_error: on_error })
    }

    /// Posts `request`, or keeps it until the worker is ready.
    pub fn send(&self, request: &str) -> Result<(), String> {
        self.send_message(JsValue::from_str(request))
    }

    /// Posts `message` as UTF-8 bytes in a buffer of its own that is handed over to the worker,
    /// not copied, and decoded there, so the page neither decodes a whole article into a JS
    /// string nor clones it for `postMessage`.
    pub fn send_bytes(&self, message: &[u8]) -> Result<(), String> {
        let Ok(length) = u32::try_from(message.len()) else {
            return Err("the text is too long for the suggester".to_string());
        };
        let bytes = js_sys::Uint8Array::new_with_length(length);
        bytes.copy_from(message);
        self.send_message(bytes.buffer().into())
    }

    fn send_message(&self, message: JsValue) -> Result<(), String> {
        if !self.ready.get() {
            self.waiting.borrow_mut().push(message);
            return Ok(());
        }
        post(&self.worker, &message)
    }
}

fn post(worker: &Worker, message: &JsValue) -> Result<(), String> {
    let posted = if message.is_instance_of::<js_sys::ArrayBuffer>() {
        worker.post_message_with_transfer(message, &js_sys::Array::of1(message))
    } else {
        worker.post_message(message)
    };
    posted.map_err(|e| format!("the request could not reach the suggester ({e:?})"))
}

impl Drop for SuggestWorker {
    fn drop(&mut self) {
        self.worker.terminate();
    }
}
