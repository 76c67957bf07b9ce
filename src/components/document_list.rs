//! The documents of the workspace: name, span counts by label, status (settable), rename and
//! remove (undoable). Clicking a name opens the document; Alt+↑/↓ steps through the list.

use yew::prelude::*;

use super::storage_panel::StoragePanel;
use super::store::{use_hub, use_selected, Hub, SameDocument, SameWorkspace};
use super::text_field::TextField;
use crate::model::{Document, Label, Status};
use crate::state::Action;

#[function_component]
pub fn DocumentList() -> Html {
    // Documents by allocation: an edit redraws the list and the one item it changed.
    let (shown, _) = use_selected(|s| (SameWorkspace(s.workspace.clone()), s.active.clone()));
    let (SameWorkspace(workspace), active) = &*shown;
    let items = workspace.documents.iter().map(|doc| {
        html! {
            <DocumentItem key={&*doc.id} doc={SameDocument(doc.clone())} labels={workspace.labels.clone()}
                current={active.as_deref() == Some(&*doc.id)} />
        }
    });
    html! {
        <nav class="document-list" data-testid="document-list" aria-label="Documents">
            <h2>{ "Documents" }</h2>
            <ul>{ for items }</ul>
            <StoragePanel />
        </nav>
    }
}

#[derive(Properties, PartialEq)]
struct DocumentItemProps {
    doc: SameDocument,
    labels: Vec<Label>,
    current: bool,
}

#[function_component]
fn DocumentItem(props: &DocumentItemProps) -> Html {
    let hub = use_hub();
    let renaming = use_state(|| false);
    let (doc, current) = (&props.doc.0, props.current);
    let dispatch = |action: Action| {
        let hub = hub.clone();
        Callback::from(move |_: MouseEvent| hub.dispatch(action.clone()))
    };
    let on_status = {
        let (hub, id) = (hub.clone(), doc.id.clone());
        Callback::from(move |event: Event| {
            let value = event.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
            if let Some(status) = Status::from_key(&value) {
                hub.dispatch(Action::SetStatus { id: id.clone(), status });
            }
        })
    };
    let start_rename = {
        let renaming = renaming.clone();
        Callback::from(move |_: MouseEvent| renaming.set(true))
    };
    let name = if *renaming {
        rename_input(&hub, &renaming, doc)
    } else {
        html! {
            <button type="button" class="document-open" aria-current={current.then_some("page")}
                onclick={dispatch(Action::SwitchDocument(doc.id.clone()))} ondblclick={start_rename.clone()}>
                <span class="document-name">{ &doc.name }</span>
                if doc.gold {
                    <span class="gold-badge" data-testid="gold-badge" title="The gold copy settled from several annotators' copies">{ "gold" }</span>
                }
                <span class="count" aria-label="spans">{ doc.spans().len() }</span>
            </button>
        }
    };
    html! {
        <li data-testid="document-item" data-document-id={doc.id.clone()} data-status={doc.status.key()}
            data-gold={doc.gold.then_some("true")}>
            <div class="document-row">
                { name }
                <button type="button" class="icon" data-testid="rename-document" onclick={start_rename}
                    aria-label={format!("Rename {}", doc.name)} title="Rename">{ "✎" }</button>
                <button type="button" class="icon" data-testid="remove-document"
                    onclick={dispatch(Action::RemoveDocument(doc.id.clone()))}
                    aria-label={format!("Remove {} (Ctrl+Z brings it back)", doc.name)}
                    title="Remove (undoable)">{ "✕" }</button>
            </div>
            <div class="document-meta">
                <select data-testid="document-status" aria-label={format!("Status of {}", doc.name)}
                    onchange={on_status}>
                    { for Status::ALL.iter().map(|s| html! {
                        <option value={s.key()} selected={*s == doc.status}>{ s.label() }</option>
                    }) }
                </select>
                { label_counts(doc, &props.labels) }
            </div>
        </li>
    }
}

/// Small coloured counts of the document's spans per label ("2 actor, 1 quote").
fn label_counts(doc: &Document, labels: &[Label]) -> Html {
    let counts = labels.iter().filter_map(|label| {
        let count = doc.spans().iter().filter(|s| s.label == label.id).count();
        (count > 0).then(|| {
            html! {
                <span class="label-count" data-label={label.id.clone()} title={label.name.clone()}
                    aria-label={format!("{count} {}", label.name)}>
                    <span class="swatch" aria-hidden="true"></span>{ count }
                </span>
            }
        })
    });
    html! { <span class="label-counts">{ for counts }</span> }
}

/// The name as a text field: Enter or leaving it renames, Escape cancels.
fn rename_input(hub: &Hub, renaming: &UseStateHandle<bool>, doc: &Document) -> Html {
    let commit = {
        let (hub, renaming, id) = (hub.clone(), renaming.clone(), doc.id.clone());
        move |input: web_sys::HtmlInputElement| {
            if *renaming {
                hub.dispatch(Action::RenameDocument { id: id.clone(), name: input.value() });
                renaming.set(false);
            }
        }
    };
    let onkeydown = {
        let (renaming, commit) = (renaming.clone(), commit.clone());
        Callback::from(move |event: KeyboardEvent| match event.key().as_str() {
            "Enter" => commit(event.target_unchecked_into()),
            "Escape" => renaming.set(false),
            _ => {}
        })
    };
    let onblur = Callback::from(move |event: FocusEvent| {
        commit(event.target_unchecked_into());
    });
    html! {
        <TextField class="rename" testid="rename-input" value={doc.name.clone()} label="Document name"
            autofocus=true {onkeydown} {onblur} />
    }
}
