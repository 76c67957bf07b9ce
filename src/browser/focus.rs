//! Moving the keyboard focus for the components: to the article (the skip link, Alt+A), round
//! inside a dialog or picker while it is open (Tab and Shift+Tab stay in it), and back to where
//! it came from when it closes.
//!
//! Not for: which span is selected (the state's `selected`), or deciding when a dialog opens.

use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;

/// What Tab can land on inside a dialog.
const FOCUSABLE: &str = "a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), \
                         textarea:not([disabled]), summary, [tabindex]:not([tabindex='-1'])";

/// Puts the focus on the article (the browser scrolls it into view).
/// Returns whether there was an article to focus.
pub fn focus_article() -> bool {
    let Some(article) = super::article_element().and_then(|a| a.dyn_into::<web_sys::HtmlElement>().ok()) else {
        return false;
    };
    let _ = article.focus();
    true
}

/// The element that has the focus now, to give it back later.
pub fn focused_element() -> Option<web_sys::HtmlElement> {
    gloo::utils::document().active_element()?.dyn_into().ok()
}

/// Gives the focus back to `element`, or to the article when it has left the page (a button that
/// went away with what it did).
pub fn return_focus(element: Option<web_sys::HtmlElement>) {
    match element.filter(|e| e.is_connected() && *e != gloo::utils::body()) {
        Some(element) => {
            let _ = element.focus();
        }
        None => {
            focus_article();
        }
    }
}

/// Focuses `element` and keeps Tab and Shift+Tab among the controls inside `container` while the
/// returned listener lives; a Tab pressed with the focus outside brings it back in.
pub fn hold_focus(container: &web_sys::Element, element: &web_sys::HtmlElement) -> EventListener {
    let _ = element.focus();
    let container = container.clone();
    let options = EventListenerOptions::enable_prevent_default();
    EventListener::new_with_options(&gloo::utils::document(), "keydown", options, move |event| {
        let Some(event) = event.dyn_ref::<web_sys::KeyboardEvent>() else { return };
        if event.key() != "Tab" || event.ctrl_key() || event.alt_key() || event.meta_key() {
            return;
        }
        let controls = focusable_in(&container);
        let (Some(first), Some(last)) = (controls.first(), controls.last()) else { return };
        let active = gloo::utils::document().active_element();
        let inside = active.as_ref().is_some_and(|a| container.contains(Some(a)));
        let wrap_to = match (inside, event.shift_key()) {
            (false, _) => Some(first),
            (true, true) if active.as_ref() == Some(first.as_ref()) => Some(last),
            (true, false) if active.as_ref() == Some(last.as_ref()) => Some(first),
            _ => None,
        };
        if let Some(target) = wrap_to {
            event.prevent_default();
            let _ = target.focus();
        }
    })
}

/// The controls inside `container` that Tab reaches, in document order (hidden ones left out).
fn focusable_in(container: &web_sys::Element) -> Vec<web_sys::HtmlElement> {
    let Ok(list) = container.query_selector_all(FOCUSABLE) else { return Vec::new() };
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<web_sys::HtmlElement>().ok())
        .filter(|e| e.get_client_rects().length() > 0)
        .collect()
}
