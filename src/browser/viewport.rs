//! Which paragraphs of the article are near the viewport, as an IntersectionObserver reports
//! them: a long document draws its spans only there (see `components::article`).

use std::cell::RefCell;
use std::collections::HashSet;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{IntersectionObserver, IntersectionObserverEntry, IntersectionObserverInit};

use crate::text::paragraphs::{paragraph_at, Paragraph};

/// Watches the article's paragraph elements while it lives; disconnects when dropped.
pub struct ParagraphWatch {
    observer: IntersectionObserver,
    _callback: Closure<dyn FnMut(js_sys::Array)>,
}

impl Drop for ParagraphWatch {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}

/// Calls `on_change` with the indexes of the paragraphs within `margin` (CSS, as
/// `rootMargin`) of the viewport, each time that set changes. `None` when the page has no
/// IntersectionObserver or no article.
pub fn watch_paragraphs(
    margin: &str,
    paragraphs: Rc<[Paragraph]>,
    on_change: impl Fn(Rc<HashSet<usize>>) + 'static,
) -> Option<ParagraphWatch> {
    let near = RefCell::new(HashSet::new());
    let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
        let mut near = near.borrow_mut();
        let mut changed = false;
        for entry in entries.iter() {
            let entry: IntersectionObserverEntry = entry.unchecked_into();
            let start = entry.target().get_attribute(super::selection::PARAGRAPH_START_ATTRIBUTE);
            let Some(index) = start.and_then(|s| s.parse().ok()).and_then(|s| paragraph_at(&paragraphs, s)) else {
                continue;
            };
            changed |= if entry.is_intersecting() { near.insert(index) } else { near.remove(&index) };
        }
        if changed {
            on_change(Rc::new(near.clone()));
        }
    });
    let options = IntersectionObserverInit::new();
    options.set_root_margin(margin);
    let observer = IntersectionObserver::new_with_options(callback.as_ref().unchecked_ref(), &options).ok()?;
    let selector = format!("[data-testid=article] [{}]", super::selection::PARAGRAPH_START_ATTRIBUTE);
    let elements = gloo::utils::document().query_selector_all(&selector).ok()?;
    for i in 0..elements.length() {
        if let Some(element) = elements.item(i).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) {
            observer.observe(&element);
        }
    }
    Some(ParagraphWatch { observer, _callback: callback })
}
