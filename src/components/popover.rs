//! The card of the selected span: its label (changeable), its text, its links (a quote's
//! speaker and any custom relation), its entity, its note, and a delete button. It sits at the top of the side panel rather than over the article, so it never
//! covers text that a person may want to click or select next.

use yew::prelude::*;

use super::store::{use_selected, SameWorkspace, Store};
use super::text_field::TextField;
use std::rc::Rc;

use crate::model::{Document, Span};
use crate::state::{Action, EntityAction, ENTITY_LABELS};

#[function_component]
pub fn SpanPopover() -> Html {
    // Everything the card reads; without a selected span it draws nothing and follows nothing.
    let (selection, hub) =
        use_selected(|s| Some((s.selected.clone()?, s.active.clone(), SameWorkspace(s.workspace.clone()))));
    if selection.is_none() {
        return html! {};
    }
    let store = hub.now();
    let span = store.selected.as_deref().and_then(|id| store.active_document()?.span(id).cloned());
    let (Some(span), Some(doc)) = (span, store.active_document()) else { return html! {} };
    let label_name = store.workspace.label(&span.label).map_or(span.label.to_string(), |l| l.name.clone());
    let on_label = {
        let store = store.clone();
        Callback::from(move |event: Event| {
            let label = event.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
            store.dispatch(Action::RelabelSelected(label.into()));
        })
    };
    let on_note = {
        let (store, id) = (store.clone(), span.id.clone());
        Callback::from(move |event: Event| {
            let note = event.target_unchecked_into::<web_sys::HtmlTextAreaElement>().value();
            store.dispatch(Action::SetNote { span: id.clone(), note });
        })
    };
    let on_delete = {
        let store = store.clone();
        Callback::from(move |_| store.dispatch(Action::DeleteSelected))
    };
    html! {
        <div class="popover" data-testid="span-popover" data-label={span.label.clone()}
            role="group" aria-label={format!("Selected span, {label_name}")}>
            <div class="popover-head">
                <span class="swatch" aria-hidden="true"></span>
                <select aria-label="Label" data-testid="span-label" onchange={on_label}>
                    { for store.workspace.labels.iter().map(|l| html! {
                        <option value={l.id.clone()} selected={l.id == span.label}>{ &l.name }</option>
                    }) }
                </select>
                <button type="button" data-testid="delete-span" onclick={on_delete}>{ "Delete" }</button>
            </div>
            <p class="popover-text">{ doc.slice(span.start, span.end) }</p>
            { relation_lines(&store, doc, &span) }
            { entity_line(&store, &span) }
            <label class="popover-note">{ "Note" }
                <TextField rows={2} testid="span-note" value={span.note.clone().unwrap_or_default()} label="Note"
                    onchange={on_note} placeholder="Optional note" />
            </label>
        </div>
    }
}

/// Per relation type the span can be a source of (`said_by` for a quote): its links, each with
/// a remove button, and a button to pick one (or another, when the type allows several).
fn relation_lines(store: &Store, doc: &Document, span: &Span) -> Html {
    let types = store.workspace.relation_types.iter().filter(|t| t.applies_to(&span.label));
    types
        .map(|kind| {
            let links: Vec<_> = doc
                .relations()
                .iter()
                .filter(|r| r.from == span.id && *r.kind == *kind.id)
                .filter_map(|r| Some((r, doc.span(&r.to)?)))
                .collect();
            let lines = links.iter().map(|(relation, target)| {
                let remove = {
                    let (store, id) = (store.clone(), relation.id.clone());
                    Callback::from(move |_| store.dispatch(Action::RemoveRelation(id.clone())))
                };
                let target = doc.slice(target.start, target.end);
                html! {
                    <p class="popover-relation" data-testid="span-relation" data-relation-type={kind.id.clone()}>
                        { capitalised(&kind.name) }{ " " }<strong>{ target }</strong>
                        <button type="button" class="icon" data-testid="remove-relation" onclick={remove}
                            aria-label={format!("Remove “{} {target}”", kind.name)}>{ "✕" }</button>
                    </p>
                }
            });
            let pick = (links.is_empty() || !kind.single).then(|| {
                let (store, id) = (store.clone(), kind.id.clone());
                let onclick = Callback::from(move |_| store.dispatch(Action::StartLink(id.clone())));
                let key = kind.key.as_ref().map(|k| format!(" ({k})")).unwrap_or_default();
                html! {
                    <p class="popover-relation">
                        <button type="button" data-testid={format!("pick-relation-{}", kind.id)} {onclick}>
                            { format!("Link: {}{key}", kind.name) }
                        </button>
                    </p>
                }
            });
            html! { <>{ for lines }{ for pick }</> }
        })
        .collect()
}

/// "said by" → "Said by".
fn capitalised(phrase: &str) -> String {
    let mut chars = phrase.chars();
    chars.next().map(|first| first.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

/// For an actor or location: the entity it names, with a button to take it out, or a choice of
/// entities of its label to add it to.
fn entity_line(store: &Store, span: &Span) -> Html {
    if !ENTITY_LABELS.contains(&&*span.label) {
        return html! {};
    }
    let entities = store.workspace.entities();
    if let Some(entity) = span.entity.as_ref().and_then(|id| entities.iter().find(|e| e.id == *id)) {
        let ungroup = {
            let (store, id) = (store.clone(), span.id.clone());
            Callback::from(move |_| store.dispatch(Action::Entities(EntityAction::Ungroup { span: id.clone() })))
        };
        return html! {
            <p class="popover-entity" data-testid="span-entity-name">
                { "Entity: " }<strong>{ &entity.name }</strong>
                <button type="button" class="icon" data-testid="ungroup-span" onclick={ungroup}
                    aria-label="Take this mention out of its entity">{ "✕" }</button>
            </p>
        };
    }
    let add = {
        let (store, span) = (store.clone(), span.clone());
        Callback::from(move |event: Event| {
            let value = event.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
            let (entity, name) = if value == NEW_ENTITY {
                let text =
                    store.active_document().map(|d| d.slice(span.start, span.end).to_string()).unwrap_or_default();
                (None, crate::text::names::canonical_name(&text))
            } else {
                (Some(Rc::from(value.as_str())), String::new())
            };
            store.dispatch(Action::Entities(EntityAction::Group {
                entity,
                name,
                label: span.label.clone(),
                mentions: vec![span.id.clone()],
            }));
        })
    };
    html! {
        <label class="popover-entity">{ "Entity" }
            <select data-testid="span-entity" onchange={add}>
                <option value="" selected=true>{ "none" }</option>
                <option value={NEW_ENTITY}>{ "new entity from this mention" }</option>
                { for entities.iter().filter(|e| e.label == span.label).map(|e| html! {
                    <option value={e.id.clone()}>{ &e.name }</option>
                }) }
            </select>
        </label>
    }
}

/// The choice that makes a new entity, in the card's entity list.
const NEW_ENTITY: &str = "+new";
