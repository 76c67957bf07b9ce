//! Autosave: every change (a rejected suggestion included) is written to browser storage
//! (IndexedDB) [`SAVE_DELAY_MS`] after the first unsaved change, and at once when the page is
//! hidden or closed; the scroll position is kept too.
//! A failed save shows a persistent warning with an "Export all" button (see `alert`).

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use yew::prelude::*;

use super::store::Store;
use crate::browser;
use crate::formats::storage;
use crate::state::Action;

/// How long after a change the workspace is written at the latest.
pub const SAVE_DELAY_MS: u32 = 300;

/// One write at a time, always of the newest state: writes that overlapped could land out of
/// order (each opens its own database connection), and an older workspace would win.
#[derive(Default)]
struct Writer {
    writing: Cell<bool>,
    again: Cell<bool>,
}

/// Saves what `latest` holds, in the background; reports a failure (or the end of one).
fn save_now(latest: &Rc<RefCell<Store>>, writer: &Rc<Writer>) {
    if writer.writing.replace(true) {
        writer.again.set(true);
        return;
    }
    let (latest, writer) = (latest.clone(), writer.clone());
    yew::platform::spawn_local(async move {
        loop {
            let store = latest.borrow().clone();
            let stored = stored_form(&store);
            match browser::storage::write_workspace(&stored).await {
                Ok(()) => {
                    browser::versions::after_save(&store.workspace);
                    if store.storage_warning.is_some() {
                        store.dispatch(Action::StorageSaved);
                    }
                }
                Err(reason) if store.storage_warning.as_deref() != Some(reason.as_str()) => {
                    store.dispatch(Action::StorageFailed(reason))
                }
                Err(_) => {}
            }
            if !writer.again.replace(false) {
                break;
            }
        }
        writer.writing.set(false);
    });
}

fn stored_form(store: &Store) -> String {
    let docs = store.workspace.documents.iter().map(|d| &**d);
    storage::save(
        &store.workspace.labels,
        &store.workspace.relation_types,
        docs,
        store.active.as_deref(),
        js_sys::Date::now(),
        store.rejected_suggestions(),
    )
}

fn save_scroll(store: &Store) {
    if let (Some(active), Ok(y)) = (store.active.as_deref(), gloo::utils::window().scroll_y()) {
        browser::storage::write_scroll(active, y);
    }
}

/// Keeps browser storage up to date with `store`; render it once, anywhere inside the app.
#[derive(Properties, PartialEq)]
pub struct AutosaveProps {
    pub store: Store,
}

#[function_component]
pub fn Autosave(props: &AutosaveProps) -> Html {
    let latest = use_mut_ref(|| props.store.clone());
    *latest.borrow_mut() = props.store.clone();
    let pending: Rc<RefCell<Option<Timeout>>> = use_mut_ref(|| None);
    let writer = use_memo((), |_| Rc::new(Writer::default())).as_ref().clone();
    {
        let (latest, pending, writer) = (latest.clone(), pending.clone(), writer.clone());
        let key =
            (props.store.workspace.clone(), props.store.active.clone(), props.store.rejected_suggestions().clone());
        use_effect_with(key, move |_| {
            if pending.borrow().is_none() {
                let slot = pending.clone();
                *pending.borrow_mut() = Some(Timeout::new(SAVE_DELAY_MS, move || {
                    slot.borrow_mut().take();
                    save_now(&latest, &writer);
                }));
            }
        });
    }
    {
        let latest = latest.clone();
        use_effect_with((), move |_| {
            if let Some((document, y)) = browser::storage::read_scroll() {
                if latest.borrow().active.as_deref() == Some(document.as_str()) {
                    // After this render has laid the article out, so the page is tall enough.
                    Timeout::new(0, move || gloo::utils::window().scroll_to_with_x_and_y(0.0, y)).forget();
                }
            }
            let window = gloo::utils::window();
            let flush = {
                let latest = latest.clone();
                move |_: &web_sys::Event| {
                    browser::storage::write_closing_copy(&stored_form(&latest.borrow()));
                    save_now(&latest, &writer);
                    save_scroll(&latest.borrow());
                }
            };
            let listeners = [
                EventListener::new(&window, "pagehide", flush.clone()),
                EventListener::new(&gloo::utils::document(), "visibilitychange", flush),
                EventListener::new(&window, "scrollend", move |_| save_scroll(&latest.borrow())),
            ];
            move || drop(listeners)
        });
    }
    html! {}
}
