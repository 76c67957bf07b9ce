//! Work the page can do once it is idle: after the frames it owes, before the next input.
//!
//! Only the scheduling (`requestIdleCallback`, with a deadline so a busy page still gets to it,
//! or a plain timer where a browser lacks it); what runs is the caller's.

use gloo::timers::callback::Timeout;
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// A callback waiting for the page to be idle; dropping it cancels the call.
pub enum WhenIdle {
    Idle { handle: u32, _callback: Closure<dyn FnMut()> },
    Timer(Timeout),
}

/// Calls `run` once the page is idle, or after `within_ms` at the latest.
pub fn when_idle(within_ms: u32, run: impl FnOnce() + 'static) -> WhenIdle {
    // Either the idle callback or the timer gets it, whichever the browser has.
    let run = Rc::new(Cell::new(Some(run)));
    let once = {
        let run = run.clone();
        move || {
            if let Some(run) = run.take() {
                run();
            }
        }
    };
    let callback = Closure::once(once.clone());
    let options = web_sys::IdleRequestOptions::new();
    options.set_timeout(within_ms);
    let window = gloo::utils::window();
    let has_idle = js_sys::Reflect::has(&window, &"requestIdleCallback".into()).unwrap_or(false);
    match has_idle.then(|| window.request_idle_callback_with_options(callback.as_ref().unchecked_ref(), &options)) {
        Some(Ok(handle)) => WhenIdle::Idle { handle, _callback: callback },
        _ => WhenIdle::Timer(Timeout::new(0, once)),
    }
}

impl Drop for WhenIdle {
    fn drop(&mut self) {
        if let WhenIdle::Idle { handle, .. } = self {
            gloo::utils::window().cancel_idle_callback(*handle);
        }
    }
}
