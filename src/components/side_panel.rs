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
use crate::model::{Document, Label, Span};
use crate::state::{links_in_words, Action};

/// How much of a span's text an entry shows.
const PREVIEW_CHARS: usize = 80;

/// Entries listed per label until "show all": thousands of entries would make every edit
/// re-render thousands of buttons. The selected span's entry is always listed.
const ENTRY_LIMIT: usize = 100;

#[function_component]
pub fn SidePanel() -> Html {
    let store = use_store();
    // The labels whose every entry is listed: held here, so each group's props say how many
    // entries it draws and an edit past them leaves the group alone.
    let expanded = use_state(|| Rc::<[Rc<str>]>::from([]));
    let doc = store.active_document().cloned();
    // Counted in one pass per version of the document: the panel renders on every change of the
    // state (a suggestion shown, a key typed in the find bar), most of which leave the spans be.
    let counts = use_memo(doc.clone().map(SameDocument), |doc| {
        let mut counts: HashMap<Rc<str>, usize> = HashMap::new();
        for span in doc.iter().flat_map(|doc| doc.0.spans()) {
            *counts.entry(span.label.clone()).or_default() += 1;
        }
        counts
    });
    let Some(doc) = doc else { return html! {} };
    // Built once for all groups: each names its spans' links.
    let links = Rc::new(links_in_words(&doc, &store.workspace.relation_types));
    let selected = store.selected.as_deref().and_then(|id| doc.span(id));
    html! {
        <aside class="side-panel" aria-label="Spans by label">
            <LinkPicker />
            <SpanPopover />
            <h2>{ "Spans" }</h2>
            { for store.workspace.labels.iter().map(|label| {
                let limit = if expanded.contains(&label.id) { usize::MAX } else { ENTRY_LIMIT };
                let count = counts.get(&label.id).copied().unwrap_or(0);
                let spans = LabelSpans { doc: doc.clone(), label: label.id.clone(), count, limit };
                html! {
                    <LabelGroup key={label.id.to_string()} {spans} label={label.clone()}
                        links={links.clone()} dispatcher={store.dispatcher()} expanded={expanded.clone()}
                        selected={selected.filter(|s| s.label == label.id).cloned()} />
                }
            }) }
            <EntityPanel />
            <LabelEditor />
        </aside>
    }
}

/// The entries a label's group lists, as a prop: equal while their spans and the label's count
/// are, so an edit of another label's span, or of one past the listed entries, costs the group
/// a comparison of at most [`ENTRY_LIMIT`] spans instead of a redraw.
#[derive(Clone)]
struct LabelSpans {
    doc: Rc<Document>,
    label: Rc<str>,
    /// How many spans have the label.
    count: usize,
    /// How many of them are listed.
    limit: usize,
}

impl LabelSpans {
    fn listed(&self) -> impl Iterator<Item = &Span> {
        self.doc.spans().iter().filter(|s| s.label == self.label).take(self.limit)
    }
}

impl PartialEq for LabelSpans {
    fn eq(&self, other: &Self) -> bool {
        self.label == other.label
            && self.count == other.count
            && self.limit == other.limit
            && (Rc::ptr_eq(&self.doc, &other.doc) || self.listed().eq(other.listed()))
    }
}

#[derive(Properties, PartialEq)]
struct LabelGroupProps {
    spans: LabelSpans,
    label: Label,
    /// Each source span's links in words (see `state::links_in_words`).
    links: Rc<HashMap<Rc<str>, Rc<str>>>,
    dispatcher: UseReducerDispatcher<AppState>,
    /// The labels that list every entry.
    expanded: UseStateHandle<Rc<[Rc<str>]>>,
    /// The selected span, when it has this label.
    selected: Option<Span>,
}

/// One label's entries. Memoized by its props and kept off the store's context, so a change
/// elsewhere (a suggestion shown, the find bar typed in, another label's span selected) does
/// not rebuild hundreds of entries.
#[function_component]
fn LabelGroup(props: &LabelGroupProps) -> Html {
    let (doc, label, count) = (&props.spans.doc, &props.label, props.spans.count);
    let spans: Vec<&Span> = props.spans.listed().collect();
    // The selected entry past the limit is drawn after the listed ones rather than in its place
    // in order, so selecting it, or adding a span far down, does not shift every entry above.
    let past_limit = props.selected.as_ref().filter(|selected| spans.iter().all(|s| s.id != selected.id));
    let show_all = (count > spans.len()).then(|| {
        let (expanded, label) = (props.expanded.clone(), label.id.clone());
        let onclick = Callback::from(move |_| expanded.set(expanded.iter().cloned().chain([label.clone()]).collect()));
        html! { <li><button type="button" class="show-all" {onclick}>{ format!("Show all {count}") }</button></li> }
    });
    let entry = |span: &Span| {
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
        let current = props.selected.as_ref().is_some_and(|s| s.id == span.id);
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
    };
    // Three nodes, each there even when empty: Yew matches unkeyed children from the end, so a
    // child that comes and goes (the entry past the limit) would shift or replace every entry.
    let head: Html = spans.iter().map(|s| entry(s)).collect();
    let past_limit: Html = past_limit.map(entry).into_iter().collect();
    let show_all: Html = show_all.into_iter().collect();
    html! {
        <section class="label-group" data-label={label.id.clone()}>
            <h3><span class="swatch" aria-hidden="true"></span>{ &label.name }
                <span class="count" data-testid={format!("count-{}", label.id)}>{ count }</span></h3>
            <ul>{ head }{ past_limit }{ show_all }</ul>
        </section>
    }
}
