//! Carries a pending suggestion request (`State::suggest_ticket`) to the suggester's Web Worker
//! and its reply back as an action. Draws nothing. The worker starts on the first request, so a
//! person who never asks for suggestions never downloads the suggester. The runner remembers
//! which document's text the worker holds, so a text crosses to it once ([`TextSent`]), in a
//! task before the request's; a reply is read in the task it arrives in and shown in the next.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::timers::callback::Timeout;
use yew::prelude::*;

use super::store::Store;
use crate::browser::worker::SuggestWorker;
use crate::state::Action;
use crate::suggest::job::{read_reply, TextSent};

#[derive(Properties, PartialEq)]
pub struct SuggestRunnerProps {
    pub store: Store,
}

/// The worker, once started, with what it holds.
type Running = Rc<RefCell<Option<(SuggestWorker, TextSent)>>>;

#[function_component]
pub fn SuggestRunner(props: &SuggestRunnerProps) -> Html {
    let worker: Running = use_mut_ref(|| None);
    let (waiting, then) = (use_mut_ref(|| None::<Timeout>), use_mut_ref(|| None::<Timeout>));
    let store = props.store.clone();
    use_effect_with(store.suggest_ticket.clone(), move |ticket| {
        if ticket.is_some() {
            // The request waits for the next task, so it does not lengthen the frame that shows
            // "Suggesting…"; a text to send first (once per document) takes a task of its own.
            *waiting.borrow_mut() = Some(Timeout::new(0, move || {
                if send_text(&worker, &store) {
                    *then.borrow_mut() = Some(Timeout::new(0, move || send_request(&worker, &store)));
                } else {
                    send_request(&worker, &store);
                }
            }));
        }
    });
    html! {}
}

/// Posts the pending document's text if the worker lacks it, starting the worker if it is not
/// running; whether a text went. A failure ends the request with a message.
fn send_text(worker: &Running, store: &Store) -> bool {
    if worker.borrow().is_none() {
        let dispatcher = store.dispatcher();
        let started = SuggestWorker::start(move |reply| {
            let action = match reply.and_then(|text| read_reply(&text)) {
                Ok(reply) => Action::SuggestionsArrived(reply),
                Err(reason) => Action::SuggestionsFailed(reason),
            };
            // Reading a reply of thousands of suggestions and drawing them are each a few
            // milliseconds, more on the first Suggest (code the page has not run yet): in two
            // tasks, neither holds the page for a frame.
            let dispatcher = dispatcher.clone();
            Timeout::new(0, move || dispatcher.dispatch(action)).forget();
        });
        match started {
            Ok(started) => *worker.borrow_mut() = Some((started, TextSent::default())),
            Err(reason) => {
                store.dispatch(Action::SuggestionsFailed(reason));
                return false;
            }
        }
    }
    let mut running = worker.borrow_mut();
    let Some((worker, sent)) = running.as_mut() else { return false };
    match store.suggestion_text(sent).map(|text| worker.send_bytes(text.as_bytes())) {
        Some(Ok(())) => true,
        Some(Err(reason)) => {
            // What did not arrive brought no text: the next request sends it again.
            *sent = TextSent::default();
            store.dispatch(Action::SuggestionsFailed(reason));
            false
        }
        None => false,
    }
}

/// Posts the pending request to the running worker; a failure ends it with a message.
fn send_request(worker: &Running, store: &Store) {
    let running = worker.borrow();
    let Some((worker, _)) = running.as_ref() else { return };
    if let Some(Err(reason)) = store.suggestion_request().map(|request| worker.send(&request)) {
        store.dispatch(Action::SuggestionsFailed(reason));
    }
}
