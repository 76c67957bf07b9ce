//! Work put off until the frame that shows an edit has been painted: the next animation frame,
//! then a task of its own after it. Views that are slow to work out (entity proposals, a
//! sheet's measured row heights) catch up there instead of lengthening the edit's frame.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::render::{request_animation_frame, AnimationFrame};
use gloo::timers::callback::Timeout;

/// A pending piece of work; dropping it cancels the work if it has not run.
#[derive(Default)]
pub struct AfterPaint(Rc<RefCell<(Option<AnimationFrame>, Option<Timeout>)>>);

/// Runs `work` after the next frame is painted.
pub fn after_paint(work: impl FnOnce() + 'static) -> AfterPaint {
    let pending = AfterPaint::default();
    let slot = pending.0.clone();
    pending.0.borrow_mut().0 = Some(request_animation_frame(move |_| {
        slot.borrow_mut().1 = Some(Timeout::new(0, work));
    }));
    pending
}
