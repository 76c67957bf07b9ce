//! The documents of the workspace, with their span counts; clicking one opens it.

use yew::prelude::*;

use super::store::Store;
use crate::state::Action;

#[function_component]
pub fn DocumentList() -> Html {
    let store = use_context::<Store>().expect("DocumentList is rendered inside the store provider");
    let items = store.workspace.documents.iter().map(|doc| {
        let onclick = {
            let (store, id) = (store.clone(), doc.id.clone());
            Callback::from(move |_| store.dispatch(Action::SwitchDocument(id.clone())))
        };
        let on_remove = {
            let (store, id) = (store.clone(), doc.id.clone());
            Callback::from(move |_| store.dispatch(Action::RemoveDocument(id.clone())))
        };
        let current = store.active.as_deref() == Some(&*doc.id);
        html! {
            <li data-testid="document-item" data-document-id={doc.id.clone()}>
                <button type="button" aria-current={current.then_some("page")} {onclick}>
                    <span class="document-name">{ &doc.name }</span>
                    <span class="count">{ doc.spans().len() }</span>
                </button>
                <button type="button" class="remove" data-testid="remove-document" onclick={on_remove}
                    aria-label={format!("Remove {} (Ctrl+Z brings it back)", doc.name)} title="Remove (undoable)">{ "✕" }</button>
            </li>
        }
    });
    html! {
        <nav class="document-list" data-testid="document-list" aria-label="Documents">
            <h2>{ "Documents" }</h2>
            <ul>{ for items }</ul>
        </nav>
    }
}
