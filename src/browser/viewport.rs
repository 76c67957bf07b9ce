//! Which paragraphs of the article are near the viewport: a long document draws its spans only
//! there (see `components::article`). Worked out from the scroll position by a binary search
//! over the boxes of the article's blocks and then paragraphs, once per frame while scrolling: an IntersectionObserver
//! on thousands of paragraphs cost ~17 ms of every edit's frame recomputing them all.

use std::cell::{Cell, RefCell};
use std::ops::Range;
use std::rc::Rc;

use gloo::events::{EventListener, EventListenerOptions};
use gloo::render::{request_animation_frame, AnimationFrame};

/// Watches the scroll position while it lives; stops when dropped.
pub struct ParagraphWatch {
    _listeners: [EventListener; 2],
    _frame: Rc<RefCell<Option<AnimationFrame>>>,
}

/// Calls `on_change` with the range of paragraph indexes within `margin` viewport heights of
/// the viewport (above and below), now and each time it changes. `None` when the page has no article.
pub fn watch_paragraphs(margin: f64, on_change: impl Fn(Range<usize>) + 'static) -> Option<ParagraphWatch> {
    let article = super::article_element()?;
    let last = Rc::new(Cell::new(None::<Range<usize>>));
    let update: Rc<dyn Fn()> = Rc::new(move || {
        let near = near_range(&article, margin);
        if last.replace(Some(near.clone())).as_ref() != Some(&near) {
            on_change(near);
        }
    });
    update();
    let frame = Rc::new(RefCell::new(None::<AnimationFrame>));
    let schedule = {
        let frame = frame.clone();
        move |_: &web_sys::Event| {
            if frame.borrow().is_some() {
                return;
            }
            let (update, pending) = (update.clone(), frame.clone());
            *frame.borrow_mut() = Some(request_animation_frame(move |_| {
                pending.borrow_mut().take();
                update();
            }));
        }
    };
    let window = gloo::utils::window();
    let passive = EventListenerOptions::default();
    let listeners = [
        EventListener::new_with_options(&window, "scroll", passive, schedule.clone()),
        EventListener::new_with_options(&window, "resize", passive, schedule),
    ];
    Some(ParagraphWatch { _listeners: listeners, _frame: frame })
}

/// The paragraphs whose boxes reach into the viewport widened by `margin` heights each way.
/// Found in two steps, blocks (see [`super::PARAGRAPHS_PER_BLOCK`]) then the paragraphs of the
/// two edge blocks: the browser skips the layout of blocks far off screen (`content-visibility:
/// auto`), and asking for the box of a paragraph in one lays that block out there and then. A
/// search over all paragraphs touched a dozen blocks (5 ms); this touches two at most.
fn near_range(article: &web_sys::Element, margin: f64) -> Range<usize> {
    let height = gloo::utils::window().inner_height().ok().and_then(|h| h.as_f64()).unwrap_or(1000.0);
    let (top, bottom) = (-margin * height, (1.0 + margin) * height);
    let blocks = article.children();
    let block = |i: usize| blocks.item(i as u32);
    let above = |e: Option<web_sys::Element>| e.is_some_and(|e| e.get_bounding_client_rect().bottom() < top);
    let reaches = |e: Option<web_sys::Element>| e.is_some_and(|e| e.get_bounding_client_rect().top() <= bottom);
    // Blocks and the paragraphs in each are stacked in order, so every end is found by bisection.
    let count = blocks.length() as usize;
    let (first_block, end_block) =
        (partition_point(count, |i| above(block(i))), partition_point(count, |i| reaches(block(i))));
    let within = |b: usize, before: &dyn Fn(Option<web_sys::Element>) -> bool| {
        let Some(paragraphs) = block(b).map(|e| e.children()) else { return 0 };
        b * super::PARAGRAPHS_PER_BLOCK
            + partition_point(paragraphs.length() as usize, |i| before(paragraphs.item(i as u32)))
    };
    let first = if first_block < count { within(first_block, &above) } else { super::paragraph_count(article) };
    let end = if end_block > 0 { within(end_block - 1, &reaches) } else { 0 };
    first..end.max(first)
}

/// The first index in `0..len` for which `before` is false (`before` is true, then false).
fn partition_point(len: usize, before: impl Fn(usize) -> bool) -> usize {
    let (mut low, mut high) = (0, len);
    while low < high {
        let mid = low + (high - low) / 2;
        if before(mid) {
            low = mid + 1;
        } else {
            high = mid;
        }
    }
    low
}
