//! Where the page stands for each document. Opening a document shows the place the person left
//! it at in this page when that place showed its text (after a reload, the stored place of the
//! document that was open), or else its first line: never the place the previous document was
//! scrolled to, nor wherever the browser's scroll anchoring drifts (in a narrow layout the
//! document list sits under the article, and the browser keeps the list on screen while the new
//! article grows above it).
//!
//! Not for: storing the place across reloads (`autosave` writes it, `browser::storage` keeps it).

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use yew::prelude::*;

use crate::browser;

/// Keeps each document's place while the page lives and scrolls to it when `active` changes.
#[hook]
pub fn use_document_scroll(active: Option<Rc<str>>) {
    let places = use_mut_ref(HashMap::<Rc<str>, f64>::new);
    // The document whose place a scroll event records: the one on screen, which is `active`
    // only once the effect below has scrolled to it.
    let shown = use_mut_ref(|| None::<Rc<str>>);
    {
        let (places, shown) = (places.clone(), shown.clone());
        use_effect_with((), move |_| {
            let window = gloo::utils::window();
            // Passive (gloo's default): it never delays the scroll it records.
            let listener = EventListener::new(&window.clone(), "scroll", move |_| {
                if let (Some(document), Ok(y)) = (shown.borrow().clone(), window.scroll_y()) {
                    places.borrow_mut().insert(document, y);
                }
            });
            move || drop(listener)
        });
    }
    use_effect_with(active, move |active| {
        let previous = shown.replace(active.clone());
        let Some(active) = active.clone() else { return };
        match previous {
            None => restore_stored(&active),
            Some(previous) if previous == active => {}
            Some(_) => browser::show_article_at(place_of(&places, &active)),
        }
    });
}

fn place_of(places: &Rc<RefCell<HashMap<Rc<str>, f64>>>, document: &str) -> Option<f64> {
    places.borrow().get(document).copied()
}

/// The page just loaded: back to where the document open at closing was scrolled.
fn restore_stored(active: &str) {
    if let Some((document, y)) = browser::storage::read_scroll() {
        if document == active {
            // After this render has laid the article out, so the page is tall enough.
            Timeout::new(0, move || gloo::utils::window().scroll_to_with_x_and_y(0.0, y)).forget();
        }
    }
}
