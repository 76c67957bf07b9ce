//! What the page shows of itself: which paragraphs of the article are near the viewport (a long
//! document draws its spans only there, see `components::article`), when the page scrolled (a
//! long report sheet draws only the rows near the viewport) and when it is being printed (the
//! sheet then draws every row). Paragraphs are found from the scroll position by a binary search
//! over the boxes of the article's blocks and then paragraphs, once per frame while scrolling:
//! an IntersectionObserver on thousands of paragraphs cost ~17 ms of every edit's frame
//! recomputing them all.
//!
//! Not for: deciding what to draw (the components do) or scrolling anything into view.

use std::cell::{Cell, RefCell};
use std::ops::Range;
use std::rc::Rc;

use gloo::events::{EventListener, EventListenerOptions};
use gloo::render::{request_animation_frame, AnimationFrame};

/// Watches the scroll position (and the window's size) while it lives; stops when dropped.
pub struct ScrollWatch {
    _listeners: [EventListener; 2],
    _frame: Rc<RefCell<Option<AnimationFrame>>>,
}

/// Calls `on_frame` once in the animation frame after the page scrolled or was resized (however
/// many events came in between), until the watch is dropped.
pub fn watch_scroll(on_frame: impl Fn() + 'static) -> ScrollWatch {
    let on_frame: Rc<dyn Fn()> = Rc::new(on_frame);
    let frame = Rc::new(RefCell::new(None::<AnimationFrame>));
    let schedule = {
        let frame = frame.clone();
        move |_: &web_sys::Event| {
            if frame.borrow().is_some() {
                return;
            }
            let (on_frame, pending) = (on_frame.clone(), frame.clone());
            *frame.borrow_mut() = Some(request_animation_frame(move |_| {
                pending.borrow_mut().take();
                on_frame();
            }));
        }
    };
    let window = gloo::utils::window();
    let passive = EventListenerOptions::default();
    let listeners = [
        EventListener::new_with_options(&window, "scroll", passive, schedule.clone()),
        EventListener::new_with_options(&window, "resize", passive, schedule),
    ];
    ScrollWatch { _listeners: listeners, _frame: frame }
}

/// The window's inner height in CSS pixels.
pub fn viewport_height() -> f64 {
    gloo::utils::window().inner_height().ok().and_then(|h| h.as_f64()).unwrap_or(1000.0)
}

/// Watches whether the page is being printed while it lives; stops when dropped.
pub struct PrintWatch {
    _listeners: [EventListener; 3],
}

/// Calls `on_change(true)` when the page is about to print (the print dialog, or print media
/// emulated) and `on_change(false)` after; `None` where the browser has no print media query.
pub fn watch_print(on_change: impl Fn(bool) + 'static) -> Option<PrintWatch> {
    let window = gloo::utils::window();
    let query = window.match_media("print").ok()??;
    let on_change: Rc<dyn Fn(bool)> = Rc::new(on_change);
    let set = |printing: bool| {
        let on_change = on_change.clone();
        move |_: &web_sys::Event| on_change(printing)
    };
    let media = {
        let (on_change, query) = (on_change.clone(), query.clone());
        move |_: &web_sys::Event| on_change(query.matches())
    };
    let listeners = [
        EventListener::new(&window, "beforeprint", set(true)),
        EventListener::new(&window, "afterprint", set(false)),
        EventListener::new(&query, "change", media),
    ];
    Some(PrintWatch { _listeners: listeners })
}

/// Calls `on_change` with the range of paragraph indexes within `margin` viewport heights of
/// the viewport (above and below), now and each time it changes. `None` when the page has no article.
pub fn watch_paragraphs(margin: f64, on_change: impl Fn(Range<usize>) + 'static) -> Option<ScrollWatch> {
    let article = super::article_element()?;
    let last = Cell::new(None::<Range<usize>>);
    let update = move || {
        let near = near_range(&article, margin);
        if last.replace(Some(near.clone())).as_ref() != Some(&near) {
            on_change(near);
        }
    };
    update();
    Some(watch_scroll(update))
}

/// The paragraphs whose boxes reach into the viewport widened by `margin` heights each way.
/// Found in two steps, blocks (see [`super::PARAGRAPHS_PER_BLOCK`]) then the paragraphs of the
/// two edge blocks: the browser skips the layout of blocks far off screen (`content-visibility:
/// auto`), and asking for the box of a paragraph in one lays that block out there and then. A
/// search over all paragraphs touched a dozen blocks (5 ms); this touches two at most.
fn near_range(article: &web_sys::Element, margin: f64) -> Range<usize> {
    let height = viewport_height();
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
