//! Editing the label set: add, rename, recolour, bind keys 1–9, reorder and delete labels; its
//! relation types below them (`relation_type_editor`).
//! Every change is one undoable step (see `state::labels`). Deleting a label that is in use
//! asks first, saying how many spans go with it.

use std::rc::Rc;

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use super::relation_type_editor::RelationTypeEditor;
use super::store::{use_selected, Hub};
use super::text_field::TextField;
use crate::state::{Action, LabelAction};

const KEYS: [&str; 9] = ["1", "2", "3", "4", "5", "6", "7", "8", "9"];
const NEW_LABEL_COLOR: &str = "#a0665a";

/// How many spans of the workspace have label `id` now.
fn in_use(hub: &Hub, id: &str) -> usize {
    hub.now().workspace.documents.iter().map(|d| d.spans().iter().filter(|s| &*s.label == id).count()).sum()
}

#[function_component]
pub fn LabelEditor() -> Html {
    let (labels, hub) = use_selected(|s| s.workspace.labels.clone());
    // The label to delete and its spans, counted on the click: the count reads every span.
    let confirming = use_state(|| None::<(Rc<str>, usize)>);
    let new_name = use_node_ref();
    // Kept as picked, not read back from a field that a re-render may have reset.
    let new_color = use_mut_ref(|| NEW_LABEL_COLOR.to_string());
    let on_input = |make: Rc<dyn Fn(String) -> LabelAction>| {
        let hub = hub.clone();
        Callback::from(move |event: Event| {
            let value = event.target_unchecked_into::<HtmlInputElement>().value();
            hub.dispatch(Action::Labels(make(value)));
        })
    };
    let button = |action: LabelAction| {
        let hub = hub.clone();
        Callback::from(move |_: MouseEvent| hub.dispatch(Action::Labels(action.clone())))
    };
    let on_add = {
        let (hub, new_name, new_color) = (hub.clone(), new_name.clone(), new_color.clone());
        Callback::from(move |_| {
            let Some(name) = new_name.cast::<HtmlInputElement>() else { return };
            hub.dispatch(Action::Labels(LabelAction::Add { name: name.value(), color: new_color.borrow().clone() }));
            name.set_value("");
        })
    };
    let on_new_color = {
        let new_color = new_color.clone();
        Callback::from(move |event: Event| {
            *new_color.borrow_mut() = event.target_unchecked_into::<HtmlInputElement>().value();
        })
    };
    let rows = labels.iter().map(|label| {
        let id = label.id.clone();
        let on_delete = {
            let (hub, confirming, id) = (hub.clone(), confirming.clone(), id.clone());
            Callback::from(move |_| match in_use(&hub, &id) {
                0 => hub.dispatch(Action::Labels(LabelAction::Delete { id: id.clone() })),
                spans => confirming.set(Some((id.clone(), spans))),
            })
        };
        let on_key = {
            let (hub, id) = (hub.clone(), id.clone());
            Callback::from(move |event: Event| {
                let key = Some(event.target_unchecked_into::<HtmlSelectElement>().value()).filter(|k| !k.is_empty());
                hub.dispatch(Action::Labels(LabelAction::SetKey { id: id.clone(), key }));
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
    let confirmation = confirming.as_ref().and_then(|(id, spans)| Some((labels.iter().find(|l| l.id == *id)?, spans))).map(|(label, spans)| {
        let yes = {
            let (hub, confirming, id) = (hub.clone(), confirming.clone(), label.id.clone());
            Callback::from(move |_| {
                hub.dispatch(Action::Labels(LabelAction::Delete { id: id.clone() }));
                confirming.set(None);
            })
        };
        let no = {
            let confirming = confirming.clone();
            Callback::from(move |_| confirming.set(None))
        };
        html! {
            <div class="confirm" role="alertdialog" aria-label="Delete label" data-testid="confirm-delete-label">
                <p>{ format!("Delete the label “{}” and its {} spans? (Ctrl+Z undoes it.)", label.name, spans) }</p>
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
