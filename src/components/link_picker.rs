//! The relation picker: while linking from the selected span (`s` on a quote, or a custom
//! relation type's key), the candidates nearest first, with the cursor on one. ↑/↓ and Enter, a digit or a click picks; Escape ends.
//! The list holds the focus while it is open (the cursor is its active option), then gives it back.

use yew::prelude::*;

use super::held_focus::use_held_focus;
use super::store::use_store;
use crate::state::{relation_name, Action};

#[function_component]
pub fn LinkPicker() -> Html {
    let store = use_store();
    let (picker_ref, list_ref) = (use_node_ref(), use_node_ref());
    use_held_focus(store.linking.is_some(), picker_ref.clone(), list_ref.clone());
    let (Some(linking), Some(doc)) = (store.linking.clone(), store.active_document()) else { return html! {} };
    let Some(from) = doc.span(&linking.from) else { return html! {} };
    let quote: String = doc.slice(from.start, from.end).chars().take(60).collect();
    let items = linking.candidates.iter().enumerate().filter_map(|(i, id)| {
        let span = doc.span(id)?;
        let current = i == linking.cursor;
        let pick = {
            let store = store.clone();
            Callback::from(move |_| store.dispatch(Action::PickLink(Some(i))))
        };
        Some(html! {
            <li id={format!("link-candidate-{i}")} role="option" aria-selected={current.to_string()}
                data-testid="link-candidate" data-span-entry={span.id.clone()} onclick={pick}>
                <kbd>{ i + 1 }</kbd>{ " " }{ doc.slice(span.start, span.end) }
            </li>
        })
    });
    html! {
        <section class="link-picker" data-testid="link-picker" aria-labelledby="link-picker-title" ref={picker_ref}>
            <p id="link-picker-title">{ format!("{} — for “{quote}”:", relation_name(&store.workspace.relation_types, &linking.kind)) }</p>
            <ul role="listbox" tabindex="0" ref={list_ref} aria-labelledby="link-picker-title"
                aria-activedescendant={format!("link-candidate-{}", linking.cursor)}>{ for items }</ul>
            <p class="hint">{ "↑/↓ and Enter, a digit, or click a span; Escape cancels." }</p>
        </section>
    }
}
