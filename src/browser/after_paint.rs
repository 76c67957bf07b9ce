//! Work put off until the frame that shows an edit has been painted and the browser is idle:
//! the next animation frame, then an idle period after it (a task of its own where the browser
//! has no idle callbacks). Views that are slow to work out (entity proposals, a sheet's measured
//! row heights) catch up there instead of lengthening the edit's frame, and a key pressed
//! meanwhile goes first.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::render::{request_animation_frame, AnimationFrame};
use gloo::timers::callback::Timeout;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// The longest the work waits for an idle period once the frame is painted: a page that is never
/// idle (a long scroll, a burst of keys) still gets its views caught up.
const IDLE_WAIT_MS: u32 = 200;

#[derive(Default)]
struct Stages {
    frame: Option<AnimationFrame>,
    idle: Option<(u32, Closure<dyn FnMut()>)>,
    timer: Option<Timeout>,
}

/// A pending piece of work; dropping it cancels the work if it has not run.
pub struct AfterPaint(Rc<RefCell<Stages>>);

impl Drop for AfterPaint {
    fn drop(&mut self) {
        // The frame and the timer cancel themselves when dropped with the stages.
        if let Some((handle, _)) = self.0.borrow().idle.as_ref() {
            gloo::utils::window().cancel_idle_callback(*handle);
        }
    }
}

/// Runs `work` after the next frame is painted, when the browser is idle.
pub fn after_paint(work: impl FnOnce() + 'static) -> AfterPaint {
    let stages = Rc::new(RefCell::new(Stages::default()));
    // Weak: the frame's callback must not keep the stages (and so itself) alive once dropped.
    let later = Rc::downgrade(&stages);
    let frame = request_animation_frame(move |_| {
        let Some(stages) = later.upgrade() else { return };
        let window = gloo::utils::window();
        if js_sys::Reflect::has(&window, &"requestIdleCallback".into()).unwrap_or(false) {
            let idle = Closure::once(work);
            let options = web_sys::IdleRequestOptions::new();
            options.set_timeout(IDLE_WAIT_MS);
            if let Ok(handle) = window.request_idle_callback_with_options(idle.as_ref().unchecked_ref(), &options) {
                stages.borrow_mut().idle = Some((handle, idle));
            }
        } else {
            stages.borrow_mut().timer = Some(Timeout::new(0, work));
        }
    });
    stages.borrow_mut().frame = Some(frame);
    AfterPaint(stages)
}
