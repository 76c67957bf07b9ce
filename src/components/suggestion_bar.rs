//! The suggestions' controls: run the suggester, accept all (or all of one label), clear, and
//! the "suggest on open" setting, remembered by the browser.

use std::rc::Rc;

use yew::prelude::*;

use super::store::use_selected;
use crate::browser;
use crate::model::Label;
use crate::state::{count_by_label, Action, Shown, State};

const SUGGEST_ON_OPEN: &str = "article-annotator.suggest-on-open";

/// What the bar shows of the state; it redraws when this changes, not on every edit.
#[derive(PartialEq)]
struct BarPart {
    suggestions: Rc<[Shown]>,
    cursor: usize,
    labels: Vec<Label>,
    busy: bool,
    has_open_document: bool,
    suggest_on_open: bool,
}

impl BarPart {
    fn of(state: &State) -> Self {
        Self {
            suggestions: state.suggestions.clone(),
            cursor: state.suggestion_cursor,
            labels: state.workspace.labels.clone(),
            busy: state.suggest_ticket.is_some(),
            has_open_document: state.active_document().is_some(),
            suggest_on_open: state.suggest_on_open,
        }
    }
}

#[function_component]
pub fn SuggestionBar() -> Html {
    let (bar, hub) = use_selected(BarPart::of);
    {
        let hub = hub.clone();
        use_effect_with((), move |_| {
            if browser::settings::load_flag(SUGGEST_ON_OPEN, false) {
                hub.dispatch(Action::SetSuggestOnOpen(true));
                hub.dispatch(Action::Suggest);
            }
        });
    }
    {
        let current = bar.suggestions.get(bar.cursor).map(Shown::element_id);
        use_effect_with(current, |current| {
            if let Some(id) = current {
                browser::scroll_into_view(&format!("[data-testid=article] [data-suggestion-id=\"{id}\"]"));
            }
        });
    }
    let dispatch = |action: Action| {
        let hub = hub.clone();
        Callback::from(move |_: MouseEvent| hub.dispatch(action.clone()))
    };
    let on_setting = {
        let hub = hub.clone();
        Callback::from(move |_: Event| {
            let on = !hub.now().suggest_on_open;
            browser::settings::save_flag(SUGGEST_ON_OPEN, on);
            hub.dispatch(Action::SetSuggestOnOpen(on));
        })
    };
    let shown = bar.suggestions.len();
    let counts = count_by_label(&bar.suggestions);
    let per_label = bar.labels.iter().filter_map(|label| {
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
                aria-busy={bar.busy.then_some("true")}
                disabled={!bar.has_open_document} title="Propose spans for this document">
                { if bar.busy { "Suggesting…" } else { "Suggest" } }
            </button>
            <label class="setting">
                <input type="checkbox" data-testid="suggest-on-open" checked={bar.suggest_on_open} onchange={on_setting} />
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
