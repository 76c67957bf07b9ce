//! The relation picker: while linking from the selected span (`s` on a quote, or a custom
//! relation type's key), the candidates nearest first, with the cursor on one. ↑/↓ and Enter, a digit or a click picks; Escape ends.
//! The list holds the focus while it is open (the cursor is its active option), then gives it back.

use yew::prelude::*;

use super::held_focus::use_held_focus;
use super::store::{use_selected, SameDocument};
use crate::state::{relation_name, Action};

#[function_component]
pub fn LinkPicker() -> Html {
    // Drawn only while linking: the link, the document it is in and the name of its type.
    let (drawn, hub) = use_selected(|s| {
        let linking = s.linking.clone()?;
        let name = relation_name(&s.workspace.relation_types, &linking.kind);
        Some((linking, SameDocument(s.active_document()?.clone()), name))
    });
    let (picker_ref, list_ref) = (use_node_ref(), use_node_ref());
    use_held_focus(drawn.is_some(), picker_ref.clone(), list_ref.clone());
    let Some((linking, SameDocument(doc), name)) = drawn.as_ref() else { return html! {} };
    let Some(from) = doc.span(&linking.from) else { return html! {} };
    let quote: String = doc.slice(from.start, from.end).chars().take(60).collect();
    let items = linking.candidates.iter().enumerate().filter_map(|(i, id)| {
        let span = doc.span(id)?;
        let current = i == linking.cursor;
        let pick = {
            let hub = hub.clone();
            Callback::from(move |_| hub.dispatch(Action::PickLink(Some(i))))
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
            <p id="link-picker-title">{ format!("{name} — for “{quote}”:") }</p>
            <ul role="listbox" tabindex="0" ref={list_ref} aria-labelledby="link-picker-title"
                aria-activedescendant={format!("link-candidate-{}", linking.cursor)}>{ for items }</ul>
            <p class="hint">{ "↑/↓ and Enter, a digit, or click a span; Escape cancels." }</p>
        </section>
    }
}
