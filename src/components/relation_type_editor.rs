//! Editing the relation types in the label set: `said_by` ships; a person adds their own
//! (`located in`: actor → location, key `l`), renames it, rebinds its key or deletes it with its
//! relations. Each change is one undoable step (see `state::relation_types`).

use std::rc::Rc;

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use super::store::use_selected;
use super::text_field::TextField;
use crate::keys::is_relation_key;
use crate::model::Label;
use crate::state::{Action, RelationTypeAction};

/// The letters a relation type can be bound to, as the key choices list them.
fn relation_keys() -> impl Iterator<Item = String> {
    ('a'..='z').map(String::from).filter(|k| is_relation_key(k))
}

/// "Quote", or "any span" where the type takes any label.
fn label_name(labels: &[Label], id: Option<&Rc<str>>) -> String {
    match id {
        None => "any span".to_string(),
        Some(id) => labels.iter().find(|l| l.id == *id).map_or_else(|| id.to_string(), |l| l.name.clone()),
    }
}

fn select_value(node: &NodeRef) -> Option<String> {
    node.cast::<HtmlSelectElement>().map(|s| s.value()).filter(|v| !v.is_empty())
}

#[function_component]
pub fn RelationTypeEditor() -> Html {
    // The types, the labels their ends name, and how many links each type has.
    let (drawn, hub) = use_selected(|s| {
        let used = |id: &str| -> usize {
            s.workspace.documents.iter().map(|d| d.relations().iter().filter(|r| *r.kind == *id).count()).sum()
        };
        let types: Vec<_> = s.workspace.relation_types.iter().map(|kind| (kind.clone(), used(&kind.id))).collect();
        (types, s.workspace.labels.clone())
    });
    let (types, labels) = &*drawn;
    let (new_name, new_from, new_to, new_key, new_single) =
        (use_node_ref(), use_node_ref(), use_node_ref(), use_node_ref(), use_node_ref());
    let rows = types.iter().map(|(kind, used)| {
        let id = kind.id.clone();
        let on_rename = {
            let (hub, id) = (hub.clone(), id.clone());
            Callback::from(move |event: Event| {
                let name = event.target_unchecked_into::<HtmlInputElement>().value();
                hub.dispatch(Action::RelationTypes(RelationTypeAction::Rename { id: id.clone(), name }));
            })
        };
        let on_key = {
            let (hub, id) = (hub.clone(), id.clone());
            Callback::from(move |event: Event| {
                let key = Some(event.target_unchecked_into::<HtmlSelectElement>().value()).filter(|k| !k.is_empty());
                hub.dispatch(Action::RelationTypes(RelationTypeAction::SetKey { id: id.clone(), key }));
            })
        };
        let on_delete = {
            let (hub, id) = (hub.clone(), id.clone());
            Callback::from(move |_| hub.dispatch(Action::RelationTypes(RelationTypeAction::Delete { id: id.clone() })))
        };
        let ends = format!(
            "{} → {}{}",
            label_name(labels, kind.from_label.as_ref()),
            label_name(labels, kind.to_label.as_ref()),
            if kind.single { ", one per source" } else { "" }
        );
        html! {
            <li class="relation-type-row" data-testid={format!("relation-type-{id}")}>
                <TextField value={kind.name.clone()} label={format!("Name of relation type {}", kind.name)}
                    testid={format!("relation-type-name-{id}")} onchange={on_rename} />
                <select aria-label={format!("Key of {}", kind.name)} data-testid={format!("relation-type-key-{id}")}
                    onchange={on_key}>
                    <option value="" selected={kind.key.is_none()}>{ "no key" }</option>
                    { for relation_keys().map(|k| html! {
                        <option value={k.clone()} selected={kind.key.as_deref() == Some(&*k)}>{ k.clone() }</option>
                    }) }
                </select>
                <span class="relation-type-ends">{ ends }</span>
                <button type="button" aria-label={format!("Delete relation type {} and its {used} relations", kind.name)}
                    data-testid={format!("relation-type-delete-{id}")} onclick={on_delete}>{ "✕" }</button>
            </li>
        }
    });
    let label_options = |selected_any: bool| {
        html! { <>
            <option value="" selected={selected_any}>{ "any span" }</option>
            { for labels.iter().map(|l| html! { <option value={l.id.clone()}>{ &l.name }</option> }) }
        </> }
    };
    let on_add = {
        let hub = hub.clone();
        let (new_name, new_from, new_to, new_key, new_single) =
            (new_name.clone(), new_from.clone(), new_to.clone(), new_key.clone(), new_single.clone());
        Callback::from(move |_| {
            let Some(name_input) = new_name.cast::<HtmlInputElement>() else { return };
            let single = new_single.cast::<HtmlInputElement>().is_some_and(|c| c.checked());
            hub.dispatch(Action::RelationTypes(RelationTypeAction::Add {
                name: name_input.value(),
                from: select_value(&new_from).map(Rc::from),
                to: select_value(&new_to).map(Rc::from),
                key: select_value(&new_key),
                single,
            }));
            name_input.set_value("");
        })
    };
    let taken = |k: &str| types.iter().map(|(t, _)| t).any(|t| t.key.as_deref() == Some(k));
    let first_free = relation_keys().find(|k| !taken(k));
    html! {
        <section class="relation-types" aria-label="Relation types" data-testid="relation-types">
            <h3>{ "Relation types" }</h3>
            <ul>{ for rows }</ul>
            <div class="relation-type-add">
                <input type="text" ref={new_name} placeholder="New relation, e.g. located in"
                    aria-label="New relation type name" data-testid="new-relation-name" />
                <select ref={new_from} aria-label="From label" data-testid="new-relation-from">{ label_options(true) }</select>
                <span aria-hidden="true">{ "→" }</span>
                <select ref={new_to} aria-label="To label" data-testid="new-relation-to">{ label_options(true) }</select>
                <select ref={new_key} aria-label="Key" data-testid="new-relation-key">
                    <option value="">{ "no key" }</option>
                    { for relation_keys().map(|k| html! {
                        <option value={k.clone()} selected={first_free.as_deref() == Some(&*k)}>{ k.clone() }</option>
                    }) }
                </select>
                <label><input type="checkbox" ref={new_single} data-testid="new-relation-single" />{ " one per source" }</label>
                <button type="button" data-testid="add-relation-type" onclick={on_add}>{ "Add relation" }</button>
            </div>
        </section>
    }
}
