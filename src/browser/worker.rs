//! The page's side of its Web Workers, each built by Trunk next to the app and started by its
//! loader script: the suggester (`src/suggest_worker.rs`) and the files worker
//! (`src/workers/files_worker.rs`). Start one, post messages, hear its replies or the reason
//! it failed. It knows nothing of what the messages hold, except the "ready" word a worker
//! posts once it listens: until then messages wait here, and go in the order they were sent (a
//! later request may count on what an earlier one brought the worker).

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{ErrorEvent, MessageEvent, Worker};

use crate::suggest::job::READY;

/// Where Trunk puts the suggester's loader, next to index.html.
const SUGGEST_URL: &str = "./suggest_worker_loader.js";

/// A running worker and the handlers that keep it heard.
pub struct PageWorker {
    worker: Worker,
    /// What the worker is called in messages a person may read ("the suggester").
    name: &'static str,
    ready: Rc<Cell<bool>>,
    /// Messages sent before the worker was ready, already JS values, with what each hands over:
    /// making one costs time, which belongs to the task that sent it, not to the one that hears
    /// "ready" and posts them all.
    waiting: Rc<RefCell<Vec<(JsValue, js_sys::Array)>>>,
    _on_message: Closure<dyn Fn(MessageEvent)>,
    _on_error: Closure<dyn Fn(ErrorEvent)>,
}

impl PageWorker {
    /// Starts the worker whose loader is at `url`; `on_reply` gets each reply, or why the
    /// worker failed.
    pub fn start(
        url: &str,
        name: &'static str,
        on_reply: impl Fn(Result<JsValue, String>) + 'static,
    ) -> Result<Self, String> {
        let worker = Worker::new(url).map_err(|e| format!("{name} could not start ({e:?})"))?;
        let on_reply = Rc::new(on_reply);
        let ready = Rc::new(Cell::new(false));
        let waiting = Rc::new(RefCell::new(Vec::<(JsValue, js_sys::Array)>::new()));
        let on_message = {
            let (on_reply, ready, waiting, worker) = (on_reply.clone(), ready.clone(), waiting.clone(), worker.clone());
            Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
                let data = event.data();
                if !ready.get() && data.as_string().as_deref() == Some(READY) {
                    ready.set(true);
                    let waited = std::mem::take(&mut *waiting.borrow_mut());
                    let mut failed = waited.iter().map(|(message, transfer)| post(&worker, name, message, transfer));
                    if let Some(Err(reason)) = failed.find(Result::is_err) {
                        on_reply(Err(reason));
                    }
                } else {
                    on_reply(Ok(data));
                }
            })
        };
        let on_error = Closure::<dyn Fn(ErrorEvent)>::new(move |event: ErrorEvent| {
            let reason = match event.message() {
                message if message.is_empty() => format!("{name} stopped"),
                message => format!("{name} stopped ({message})"),
            };
            on_reply(Err(reason));
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        Ok(Self { worker, name, ready, waiting, _on_message: on_message, _on_error: on_error })
    }

    /// Posts `message`, handing over (not copying) the buffers in `transfer`, or keeps it
    /// until the worker is ready.
    pub fn send(&self, message: JsValue, transfer: js_sys::Array) -> Result<(), String> {
        if !self.ready.get() {
            self.waiting.borrow_mut().push((message, transfer));
            return Ok(());
        }
        post(&self.worker, self.name, &message, &transfer)
    }
}

fn post(worker: &Worker, name: &str, message: &JsValue, transfer: &js_sys::Array) -> Result<(), String> {
    worker
        .post_message_with_transfer(message, transfer)
        .map_err(|e| format!("the request could not reach {name} ({e:?})"))
}

impl Drop for PageWorker {
    fn drop(&mut self) {
        self.worker.terminate();
    }
}

/// The suggester's worker: requests and replies are strings (`suggest::job`).
pub struct SuggestWorker(PageWorker);

impl SuggestWorker {
    /// Starts the worker; `on_reply` gets each reply, or why the worker failed.
    pub fn start(on_reply: impl Fn(Result<String, String>) + 'static) -> Result<Self, String> {
        let on_reply = move |reply: Result<JsValue, String>| {
            on_reply(reply.and_then(|data| data.as_string().ok_or_else(|| "the suggester sent something else".into())))
        };
        PageWorker::start(SUGGEST_URL, "the suggester", on_reply).map(Self)
    }

    /// Posts `request`, or keeps it until the worker is ready.
    pub fn send(&self, request: &str) -> Result<(), String> {
        self.0.send(JsValue::from_str(request), js_sys::Array::new())
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
        let buffer: JsValue = bytes.buffer().into();
        self.0.send(buffer.clone(), js_sys::Array::of1(&buffer))
    }
}
