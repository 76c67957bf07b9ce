//! The spans of the open document grouped by label, with counts. Clicking an entry selects the
//! span and scrolls the article to it.

use std::collections::HashMap;
use std::rc::Rc;

use yew::prelude::*;

use super::entity_panel::EntityPanel;
use super::label_editor::LabelEditor;
use super::link_picker::LinkPicker;
use super::popover::SpanPopover;
use super::store::{use_store, AppState, SameDocument};
use crate::browser;
use crate::model::Label;
use crate::state::{links_in_words, Action};

/// How much of a span's text an entry shows.
const PREVIEW_CHARS: usize = 80;

/// Entries listed per label until "show all": thousands of entries would make every edit
/// re-render thousands of buttons. The selected span's entry is always listed.
const ENTRY_LIMIT: usize = 100;

#[function_component]
pub fn SidePanel() -> Html {
    let store = use_store();
    let Some(doc) = store.active_document().cloned() else { return html! {} };
    // Built once for all groups: each names its spans' links.
    let links = Rc::new(links_in_words(&doc, &store.workspace.relation_types));
    html! {
        <aside class="side-panel" aria-label="Spans by label">
            <LinkPicker />
            <SpanPopover />
            <h2>{ "Spans" }</h2>
            { for store.workspace.labels.iter().map(|label| html! {
                <LabelGroup key={label.id.to_string()} doc={SameDocument(doc.clone())} label={label.clone()}
                    links={links.clone()} dispatcher={store.dispatcher()}
                    selected={store.selected.clone().filter(|id| doc.span(id).is_some_and(|s| s.label == label.id))} />
            }) }
            <EntityPanel />
            <LabelEditor />
        </aside>
    }
}

#[derive(Properties, PartialEq)]
struct LabelGroupProps {
    doc: SameDocument,
    label: Label,
    /// Each source span's links in words (see `state::links_in_words`).
    links: Rc<HashMap<Rc<str>, Rc<str>>>,
    dispatcher: UseReducerDispatcher<AppState>,
    /// The selected span, when it has this label.
    selected: Option<Rc<str>>,
}

/// One label's entries. Memoized by its props and kept off the store's context, so a change
/// elsewhere (a suggestion shown, the find bar typed in, another label's span selected) does
/// not rebuild hundreds of entries.
#[function_component]
fn LabelGroup(props: &LabelGroupProps) -> Html {
    let all = use_state(|| false);
    let (doc, label) = (&props.doc.0, &props.label);
    let spans: Vec<_> = doc.spans().iter().filter(|s| s.label == label.id).collect();
    let listed = spans
        .iter()
        .enumerate()
        .filter(|(i, s)| *all || *i < ENTRY_LIMIT || props.selected.as_ref() == Some(&s.id))
        .map(|(_, s)| s);
    let show_all = (!*all && spans.len() > ENTRY_LIMIT).then(|| {
        let all = all.clone();
        let onclick = Callback::from(move |_| all.set(true));
        html! { <li><button type="button" class="show-all" {onclick}>{ format!("Show all {}", spans.len()) }</button></li> }
    });
    let entries = listed.map(|span| {
        let onclick = {
            let (dispatcher, id) = (props.dispatcher.clone(), span.id.clone());
            Callback::from(move |_| {
                dispatcher.dispatch(Action::Select(Some(id.clone())));
                browser::scroll_span_into_view(&id);
            })
        };
        let text = doc.slice(span.start, span.end);
        let preview: String = text.chars().take(PREVIEW_CHARS).collect();
        let ellipsis = if text.chars().count() > PREVIEW_CHARS { "…" } else { "" };
        let current = props.selected.as_deref() == Some(&*span.id);
        html! {
            <li>
                <button type="button" class="span-entry" data-span-entry={span.id.clone()}
                    aria-current={current.then_some("true")} {onclick}>
                    { preview }{ ellipsis }
                    if let Some(linked) = props.links.get(&span.id) { <span class="span-links">{ linked.clone() }</span> }
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
}
