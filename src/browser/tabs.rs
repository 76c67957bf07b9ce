//! The app's other tabs on this browser profile, through the platform's own tools: a Web Lock
//! so that one tab at a time reads, merges and writes the stored workspace, and a
//! BroadcastChannel to tell the others at once that it changed.
//!
//! Not for: what is stored or how it is merged (`formats::storage`, `model::merge`).

use std::future::Future;

use gloo::events::EventListener;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

const CHANNEL: &str = "article-annotator.workspace";

/// A subscription to what the other tabs announce; dropping it ends it.
pub struct Channel {
    channel: web_sys::BroadcastChannel,
    _listener: EventListener,
}

impl Channel {
    /// Listens for the other tabs' announcements (never this tab's own). `None` where the
    /// browser has no BroadcastChannel: the tab then learns of their saves when it saves or
    /// is shown again.
    pub fn listen(on_change: impl Fn() + 'static) -> Option<Channel> {
        let channel = web_sys::BroadcastChannel::new(CHANNEL).ok()?;
        let listener = EventListener::new(&channel, "message", move |_| on_change());
        Some(Channel { channel, _listener: listener })
    }

    /// Tells the other tabs that the stored workspace is now `revision`.
    pub fn announce(&self, revision: u64) {
        let _ = self.channel.post_message(&JsValue::from_f64(revision as f64));
    }
}

impl Drop for Channel {
    fn drop(&mut self) {
        self.channel.close();
    }
}

/// Runs `task` while holding the Web Lock `name`, which no other tab of this profile holds at
/// the same time; where the browser has no Web Locks, runs it as it is.
pub async fn exclusively<F>(name: &str, task: F)
where
    F: Future<Output = ()> + 'static,
{
    let navigator = js_sys::Reflect::get(&gloo::utils::window(), &"navigator".into()).unwrap_or_default();
    let locks = js_sys::Reflect::get(&navigator, &"locks".into()).ok().filter(|l| !l.is_undefined());
    let request = locks.as_ref().and_then(|l| js_sys::Reflect::get(l, &"request".into()).ok());
    let (Some(locks), Some(request)) = (locks, request.and_then(|r| r.dyn_into::<js_sys::Function>().ok())) else {
        task.await;
        return;
    };
    // The lock is held until the promise the callback returns settles.
    let callback = Closure::once_into_js(move |_lock: JsValue| -> JsValue {
        wasm_bindgen_futures::future_to_promise(async move {
            task.await;
            Ok(JsValue::UNDEFINED)
        })
        .into()
    });
    if let Ok(held) = request.call2(&locks, &name.into(), &callback) {
        let _ = JsFuture::from(js_sys::Promise::from(held)).await;
    }
}
