//! The find bar (`/`): matches are highlighted in the article as the query is typed; "tag all
//! as <label>" turns every match into a span, as one undo step. Escape closes it.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::store::use_selected;
use crate::state::{Action, Find};

fn checked(event: &Event) -> bool {
    event.target_unchecked_into::<HtmlInputElement>().checked()
}

#[function_component]
pub fn FindBar() -> Html {
    // Drawn only while open: the find and the labels its matches can be tagged as.
    let (drawn, hub) = use_selected(|s| Some((s.finding.clone()?, s.workspace.labels.clone())));
    let input = use_node_ref();
    let open = drawn.is_some();
    {
        let input = input.clone();
        use_effect_with(open, move |open| {
            if let (true, Some(input)) = (*open, input.cast::<HtmlInputElement>()) {
                let _ = input.focus();
                input.select();
            }
        });
    }
    let Some((find, labels)) = (*drawn).clone() else { return html! {} };
    let search = |change: fn(Find, &Event) -> Find| {
        let (hub, find) = (hub.clone(), find.clone());
        move |event: Event| {
            let Find { query, case_sensitive, whole_word, .. } = change(find.clone(), &event);
            hub.dispatch(Action::Find { query, case_sensitive, whole_word });
        }
    };
    let on_query = {
        let search =
            search(|find, event| Find { query: event.target_unchecked_into::<HtmlInputElement>().value(), ..find });
        Callback::from(move |event: InputEvent| search(event.into()))
    };
    let on_case = Callback::from(search(|find, event| Find { case_sensitive: checked(event), ..find }));
    let on_whole = Callback::from(search(|find, event| Find { whole_word: checked(event), ..find }));
    let on_key = {
        let hub = hub.clone();
        Callback::from(move |event: KeyboardEvent| {
            if event.key() == "Escape" {
                hub.dispatch(Action::CloseFind);
            }
        })
    };
    let close = {
        let hub = hub.clone();
        Callback::from(move |_| hub.dispatch(Action::CloseFind))
    };
    let count = find.matches.len();
    let tag_buttons = labels.iter().map(|label| {
        let (hub, id) = (hub.clone(), label.id.clone());
        html! {
            <button type="button" data-label={label.id.clone()} data-testid={format!("find-tag-{}", label.id)}
                disabled={count == 0} onclick={Callback::from(move |_| hub.dispatch(Action::TagAllMatches(id.clone())))}>
                <span class="swatch" aria-hidden="true"></span>{ format!("Tag all as {}", label.name) }
            </button>
        }
    });
    html! {
        <div class="find-bar" role="search" data-testid="find-bar">
            <input type="search" ref={input} data-testid="find-input" aria-label="Find in the article"
                value={find.query.clone()} oninput={on_query} onkeydown={on_key} placeholder="Find…" />
            <label><input type="checkbox" data-testid="find-case" checked={find.case_sensitive} onchange={on_case} />{ "Match case" }</label>
            <label><input type="checkbox" data-testid="find-whole-word" checked={find.whole_word} onchange={on_whole} />{ "Whole words" }</label>
            <span class="count" data-testid="find-count" aria-live="polite">{ format!("{count} found") }</span>
            { for tag_buttons }
            <button type="button" onclick={close} aria-label="Close find (Escape)">{ "✕" }</button>
        </div>
    }
}
