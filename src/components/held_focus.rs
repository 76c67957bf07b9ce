//! Focus for what opens over or beside the article (the key help, the relation picker): while
//! open, the focus is inside it and Tab goes round its controls; once closed, the focus is back
//! where it came from.
//!
//! Not for: deciding when they open (the state does), or the article's own focus.

use yew::prelude::*;

use crate::browser;

/// Holds the focus in `container`, starting on `first`, while `open`.
#[hook]
pub fn use_held_focus(open: bool, container: NodeRef, first: NodeRef) {
    use_effect_with(open, move |open| {
        let held = open.then(|| {
            let came_from = browser::focus::focused_element();
            let element = container.cast::<web_sys::Element>();
            let start = first.cast::<web_sys::HtmlElement>();
            let listener = element.zip(start).map(|(element, start)| browser::focus::hold_focus(&element, &start));
            (came_from, listener)
        });
        move || {
            if let Some((came_from, listener)) = held {
                drop(listener);
                browser::focus::return_focus(came_from);
            }
        }
    });
}
