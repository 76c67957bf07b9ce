//! Editing the label set: add, rename, recolour, bind keys 1–9, reorder and delete labels; its
//! relation types below them (`relation_type_editor`).
//! Every change is one undoable step (see `state::labels`). Deleting a label that is in use
//! asks first, saying how many spans go with it.

use std::rc::Rc;

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use super::relation_type_editor::RelationTypeEditor;
use super::store::{use_store, Store};
use super::text_field::TextField;
use crate::state::{Action, LabelAction};

const KEYS: [&str; 9] = ["1", "2", "3", "4", "5", "6", "7", "8", "9"];
const NEW_LABEL_COLOR: &str = "#a0665a";

/// How many spans of the workspace have label `id`.
fn in_use(store: &Store, id: &str) -> usize {
    store.workspace.documents.iter().map(|d| d.spans().iter().filter(|s| &*s.label == id).count()).sum()
}

#[function_component]
pub fn LabelEditor() -> Html {
    let store = use_store();
    let confirming = use_state(|| None::<Rc<str>>);
    let new_name = use_node_ref();
    // Kept as picked, not read back from a field that a re-render may have reset.
    let new_color = use_mut_ref(|| NEW_LABEL_COLOR.to_string());
    let on_input = |make: Rc<dyn Fn(String) -> LabelAction>| {
        let store = store.clone();
        Callback::from(move |event: Event| {
            let value = event.target_unchecked_into::<HtmlInputElement>().value();
            store.dispatch(Action::Labels(make(value)));
        })
    };
    let button = |action: LabelAction| {
        let store = store.clone();
        Callback::from(move |_: MouseEvent| store.dispatch(Action::Labels(action.clone())))
    };
    let on_add = {
        let (store, new_name, new_color) = (store.clone(), new_name.clone(), new_color.clone());
        Callback::from(move |_| {
            let Some(name) = new_name.cast::<HtmlInputElement>() else { return };
            store.dispatch(Action::Labels(LabelAction::Add { name: name.value(), color: new_color.borrow().clone() }));
            name.set_value("");
        })
    };
    let on_new_color = {
        let new_color = new_color.clone();
        Callback::from(move |event: Event| {
            *new_color.borrow_mut() = event.target_unchecked_into::<HtmlInputElement>().value();
        })
    };
    let rows = store.workspace.labels.iter().map(|label| {
        let id = label.id.clone();
        let on_delete = {
            let (store, confirming, id) = (store.clone(), confirming.clone(), id.clone());
            // Counted on the click, not on every render: it reads every span of the workspace.
            Callback::from(move |_| {
                if in_use(&store, &id) == 0 {
                    store.dispatch(Action::Labels(LabelAction::Delete { id: id.clone() }));
                } else {
                    confirming.set(Some(id.clone()));
                }
            })
        };
        let on_key = {
            let (store, id) = (store.clone(), id.clone());
            Callback::from(move |event: Event| {
                let key = Some(event.target_unchecked_into::<HtmlSelectElement>().value()).filter(|k| !k.is_empty());
                store.dispatch(Action::Labels(LabelAction::SetKey { id: id.clone(), key }));
            })
        };
        let (rename_id, recolor_id) = (id.clone(), id.clone());
        html! {
            <li class="label-row" data-label={id.clone()} data-testid={format!("label-row-{id}")}>
                <span class="swatch" aria-hidden="true"></span>
                <TextField value={label.name.clone()} label={format!("Name of label {}", label.name)}
                    testid={format!("label-name-{id}")}
                    onchange={on_input(Rc::new(move |name| LabelAction::Rename { id: rename_id.clone(), name }))} />
                <TextField kind="color" value={label.color.clone()} label={format!("Colour of {}", label.name)}
                    testid={format!("label-color-{id}")}
                    onchange={on_input(Rc::new(move |color| LabelAction::Recolor { id: recolor_id.clone(), color }))} />
                <select aria-label={format!("Key of {}", label.name)} data-testid={format!("label-key-{id}")}
                    onchange={on_key}>
                    <option value="" selected={label.key.is_none()}>{ "no key" }</option>
                    { for KEYS.iter().map(|k| html! {
                        <option value={*k} selected={label.key.as_deref() == Some(*k)}>{ *k }</option>
                    }) }
                </select>
                <button type="button" aria-label={format!("Move {} up", label.name)} data-testid={format!("label-up-{id}")}
                    onclick={button(LabelAction::Move { id: id.clone(), forward: false })}>{ "↑" }</button>
                <button type="button" aria-label={format!("Move {} down", label.name)}
                    data-testid={format!("label-down-{id}")}
                    onclick={button(LabelAction::Move { id: id.clone(), forward: true })}>{ "↓" }</button>
                <button type="button" aria-label={format!("Delete label {}", label.name)}
                    data-testid={format!("label-delete-{id}")} onclick={on_delete}>{ "✕" }</button>
            </li>
        }
    });
    let confirmation = confirming.as_ref().and_then(|id| store.workspace.label(id)).map(|label| {
        let yes = {
            let (store, confirming, id) = (store.clone(), confirming.clone(), label.id.clone());
            Callback::from(move |_| {
                store.dispatch(Action::Labels(LabelAction::Delete { id: id.clone() }));
                confirming.set(None);
            })
        };
        let no = {
            let confirming = confirming.clone();
            Callback::from(move |_| confirming.set(None))
        };
        html! {
            <div class="confirm" role="alertdialog" aria-label="Delete label" data-testid="confirm-delete-label">
                <p>{ format!("Delete the label “{}” and its {} spans? (Ctrl+Z undoes it.)", label.name, in_use(&store, &label.id)) }</p>
                <button type="button" data-testid="confirm-delete-yes" onclick={yes}>{ "Delete label and spans" }</button>
                <button type="button" data-testid="confirm-delete-no" onclick={no}>{ "Keep" }</button>
            </div>
        }
    });
    html! {
        <details class="label-editor" data-testid="label-editor">
            <summary>{ "Edit labels" }</summary>
            <ul>{ for rows }</ul>
            { for confirmation }
            <div class="label-add">
                <input type="text" ref={new_name} placeholder="New label" aria-label="New label name"
                    data-testid="new-label-name" />
                <TextField kind="color" value={NEW_LABEL_COLOR} label="New label colour" testid="new-label-color"
                    onchange={on_new_color} />
                <button type="button" data-testid="add-label" onclick={on_add}>{ "Add" }</button>
            </div>
            <RelationTypeEditor />
        </details>
    }
}
