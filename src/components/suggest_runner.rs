//! Carries a pending suggestion request (`State::suggest_ticket`) to the suggester's Web Worker
//! and its reply back as an action. Draws nothing. The worker starts on the first request, so a
//! person who never asks for suggestions never downloads the suggester.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::timers::callback::Timeout;
use yew::prelude::*;

use super::store::Store;
use crate::browser::worker::SuggestWorker;
use crate::state::Action;
use crate::suggest::job::read_reply;

#[derive(Properties, PartialEq)]
pub struct SuggestRunnerProps {
    pub store: Store,
}

#[function_component]
pub fn SuggestRunner(props: &SuggestRunnerProps) -> Html {
    let worker = use_mut_ref(|| None::<SuggestWorker>);
    let waiting = use_mut_ref(|| None::<Timeout>);
    let store = props.store.clone();
    use_effect_with(store.suggest_ticket.clone(), move |ticket| {
        if ticket.is_some() {
            // Building the request (the whole text as JSON) waits for the next task, so it does
            // not lengthen the frame that shows "Suggesting…".
            *waiting.borrow_mut() = Some(Timeout::new(0, move || {
                if let Some(request) = store.suggestion_request() {
                    send(&worker, &store, request);
                }
            }));
        }
    });
    html! {}
}

/// Posts `request`, starting the worker if it is not running; a failure ends the pending
/// request with a message.
fn send(worker: &Rc<RefCell<Option<SuggestWorker>>>, store: &Store, request: String) {
    if worker.borrow().is_none() {
        let dispatcher = store.dispatcher();
        let started = SuggestWorker::start(move |reply| {
            dispatcher.dispatch(match reply.and_then(|text| read_reply(&text)) {
                Ok(reply) => Action::SuggestionsArrived(reply),
                Err(reason) => Action::SuggestionsFailed(reason),
            });
        });
        match started {
            Ok(started) => *worker.borrow_mut() = Some(started),
            Err(reason) => return store.dispatch(Action::SuggestionsFailed(reason)),
        }
    }
    if let Some(Err(reason)) = worker.borrow().as_ref().map(|w| w.send(request)) {
        store.dispatch(Action::SuggestionsFailed(reason));
    }
}
