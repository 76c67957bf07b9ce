//! The spans of the open document grouped by label, with counts. Clicking an entry selects the
//! span and scrolls the article to it.

use yew::prelude::*;

use super::entity_panel::EntityPanel;
use super::label_editor::LabelEditor;
use super::link_picker::LinkPicker;
use super::popover::SpanPopover;
use super::store::Store;
use crate::browser;
use crate::state::{links_in_words, Action};

/// How much of a span's text an entry shows.
const PREVIEW_CHARS: usize = 80;

/// Entries listed per label until "show all": thousands of entries would make every edit
/// re-render thousands of buttons. The selected span's entry is always listed.
const ENTRY_LIMIT: usize = 100;

#[function_component]
pub fn SidePanel() -> Html {
    let store = use_context::<Store>().expect("SidePanel is rendered inside the store provider");
    let expanded = use_state(Vec::<std::rc::Rc<str>>::new);
    let Some(doc) = store.active_document().cloned() else { return html! {} };
    let links = links_in_words(&doc, &store.workspace.relation_types);
    let groups = store.workspace.labels.iter().map(|label| {
        let spans: Vec<_> = doc.spans().iter().filter(|s| s.label == label.id).collect();
        let all = expanded.contains(&label.id);
        let listed = spans
            .iter()
            .enumerate()
            .filter(|(i, s)| all || *i < ENTRY_LIMIT || store.selected.as_ref() == Some(&s.id))
            .map(|(_, s)| s);
        let show_all = (!all && spans.len() > ENTRY_LIMIT).then(|| {
            let (expanded, id) = (expanded.clone(), label.id.clone());
            let onclick = Callback::from(move |_| {
                let mut now = (*expanded).clone();
                now.push(id.clone());
                expanded.set(now);
            });
            html! { <li><button type="button" class="show-all" {onclick}>{ format!("Show all {}", spans.len()) }</button></li> }
        });
        let entries = listed.map(|span| {
            let onclick = {
                let (store, id) = (store.clone(), span.id.clone());
                Callback::from(move |_| {
                    store.dispatch(Action::Select(Some(id.clone())));
                    browser::scroll_span_into_view(&id);
                })
            };
            let text = doc.slice(span.start, span.end);
            let preview: String = text.chars().take(PREVIEW_CHARS).collect();
            let ellipsis = if text.chars().count() > PREVIEW_CHARS { "…" } else { "" };
            let current = store.selected.as_deref() == Some(&*span.id);
            html! {
                <li>
                    <button type="button" class="span-entry" data-span-entry={span.id.clone()}
                        aria-current={current.then_some("true")} {onclick}>
                        { preview }{ ellipsis }
                        if let Some(linked) = links.get(&span.id) { <span class="span-links">{ linked.clone() }</span> }
                        if let Some(note) = &span.note { <span class="span-note">{ note }</span> }
                    </button>
                </li>
            }
        });
        html! {
            <section class="label-group" data-label={label.id.clone()}>
                <h3><span class="swatch" aria-hidden="true"></span>{ &label.name }
                    <span class="count" data-testid={format!("count-{}", label.id)}>{ spans.len() }</span></h3>
                <ul>{ for entries }{ for show_all }</ul>
            </section>
        }
    });
    html! {
        <aside class="side-panel" aria-label="Spans by label">
            <LinkPicker />
            <SpanPopover />
            <h2>{ "Spans" }</h2>
            { for groups }
            <EntityPanel />
            <LabelEditor />
        </aside>
    }
}
