//! The suggestions' controls: run the suggester, accept all (or all of one label), clear, and
//! the "suggest on open" setting, remembered by the browser.

use yew::prelude::*;

use super::store::use_store;
use crate::browser;
use crate::state::{count_by_label, Action, Shown};

const SUGGEST_ON_OPEN: &str = "article-annotator.suggest-on-open";

#[function_component]
pub fn SuggestionBar() -> Html {
    let store = use_store();
    {
        let store = store.clone();
        use_effect_with((), move |_| {
            if browser::settings::load_flag(SUGGEST_ON_OPEN, false) {
                store.dispatch(Action::SetSuggestOnOpen(true));
                store.dispatch(Action::Suggest);
            }
        });
    }
    {
        let current = store.suggestions.get(store.suggestion_cursor).map(Shown::element_id);
        use_effect_with(current, |current| {
            if let Some(id) = current {
                browser::scroll_into_view(&format!("[data-testid=article] [data-suggestion-id=\"{id}\"]"));
            }
        });
    }
    let dispatch = |action: Action| {
        let store = store.clone();
        Callback::from(move |_: MouseEvent| store.dispatch(action.clone()))
    };
    let on_setting = {
        let store = store.clone();
        Callback::from(move |_: Event| {
            let on = !store.suggest_on_open;
            browser::settings::save_flag(SUGGEST_ON_OPEN, on);
            store.dispatch(Action::SetSuggestOnOpen(on));
        })
    };
    let shown = store.suggestions.len();
    let counts = count_by_label(&store.suggestions);
    let per_label = store.workspace.labels.iter().filter_map(|label| {
        let count = counts.iter().find(|(id, _)| **id == *label.id).map_or(0, |(_, count)| *count);
        (count > 0).then(|| {
            html! {
                <button type="button" data-label={label.id.clone()} data-testid={format!("accept-all-{}", label.id)}
                    onclick={dispatch(Action::AcceptAllSuggestions(Some(label.id.clone())))}>
                    <span class="swatch" aria-hidden="true"></span>{ format!("{} {}", count, label.name) }
                </button>
            }
        })
    });
    html! {
        <section class="suggestion-bar" aria-label="Suggestions">
            <button type="button" data-testid="suggest" onclick={dispatch(Action::Suggest)}
                aria-busy={store.suggest_ticket.is_some().then_some("true")}
                disabled={store.active_document().is_none()} title="Propose spans for this document">
                { if store.suggest_ticket.is_some() { "Suggesting…" } else { "Suggest" } }
            </button>
            <label class="setting">
                <input type="checkbox" data-testid="suggest-on-open" checked={store.suggest_on_open} onchange={on_setting} />
                { "on open" }
            </label>
            if shown > 0 {
                <span class="count" data-testid="suggestion-count">{ format!("{shown} suggested — Enter accepts, x rejects") }</span>
                <button type="button" data-testid="accept-all-suggestions"
                    onclick={dispatch(Action::AcceptAllSuggestions(None))}>{ "Accept all" }</button>
                { for per_label }
                <button type="button" data-testid="clear-suggestions" onclick={dispatch(Action::ClearSuggestions)}>{ "Clear" }</button>
            }
        </section>
    }
}
