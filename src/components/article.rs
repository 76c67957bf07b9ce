//! The article being annotated: its paragraphs, each a memoized [`ParagraphView`], and the
//! mouse handling that selects spans. Text selection itself is the browser's own.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::paragraph::{ParagraphView, SpanView};
use super::store::{ExactSelection, Store};
use crate::model::{Document, Label};
use crate::state::Action;
use crate::text::paragraphs::paragraph_at;

#[derive(Properties, PartialEq)]
pub struct ArticleProps {
    pub exact_selection: ExactSelection,
}

#[function_component]
pub fn ArticleView(props: &ArticleProps) -> Html {
    let store = use_context::<Store>().expect("ArticleView is rendered inside the store provider");
    let Some(doc) = store.active_document().cloned() else {
        return html! { <p class="empty">{ "Open a file or paste a text to start." }</p> };
    };
    let onclick = {
        let store = store.clone();
        Callback::from(move |event: MouseEvent| {
            let collapsed = gloo::utils::window().get_selection().ok().flatten().is_none_or(|s| s.is_collapsed());
            if collapsed {
                store.dispatch(Action::SelectCycle(span_stack_at(&event)));
            }
        })
    };
    let onmouseup = {
        let exact = props.exact_selection.clone();
        Callback::from(move |event: MouseEvent| exact.set(event.alt_key()))
    };
    html! {
        <ArticleBody {doc} labels={store.workspace.labels.clone()} selected={store.selected.clone()}
            {onclick} {onmouseup} />
    }
}

#[derive(Properties, PartialEq)]
pub struct ArticleBodyProps {
    pub doc: Rc<Document>,
    pub labels: Vec<Label>,
    pub selected: Option<Rc<str>>,
    #[prop_or_default]
    pub onclick: Callback<MouseEvent>,
    #[prop_or_default]
    pub onmouseup: Callback<MouseEvent>,
}

/// The article element with the contract hook, drawn from plain data (tests render it alone).
#[function_component]
pub fn ArticleBody(props: &ArticleBodyProps) -> Html {
    let doc = &props.doc;
    let buckets = spans_by_paragraph(doc, &props.labels);
    html! {
        <div class="article" data-testid="article" tabindex="0" aria-label={format!("Article: {}", doc.name)}
            onclick={props.onclick.clone()} onmouseup={props.onmouseup.clone()}>
            { for doc.paragraphs().iter().zip(buckets).map(|(paragraph, spans)| {
                let selected = props.selected.clone().filter(|id| spans.iter().any(|s| s.id == *id));
                html! {
                    <ParagraphView key={paragraph.start} text={doc.text().clone()} paragraph={*paragraph}
                        spans={Rc::<[SpanView]>::from(spans)} {selected} />
                }
            }) }
        </div>
    }
}

/// The ids of the span elements under the pointer, innermost first.
fn span_stack_at(event: &MouseEvent) -> Vec<Rc<str>> {
    let mut stack = Vec::new();
    let mut element = event.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok());
    while let Some(current) = element {
        if current.get_attribute("data-testid").as_deref() == Some("article") {
            break;
        }
        if let Some(id) = current.get_attribute("data-span-id") {
            stack.push(Rc::from(id));
        }
        element = current.parent_element();
    }
    stack
}

/// Each paragraph's spans, in reading order; a span over several paragraphs is in each.
fn spans_by_paragraph(doc: &Document, labels: &[Label]) -> Vec<Vec<SpanView>> {
    let paragraphs = doc.paragraphs();
    let mut buckets = vec![Vec::new(); paragraphs.len()];
    for span in doc.spans() {
        let label_name: Rc<str> =
            labels.iter().find(|l| l.id == span.label).map_or_else(|| span.label.clone(), |l| l.name.as_str().into());
        let view = SpanView {
            id: span.id.clone(),
            start: span.start,
            end: span.end,
            label: span.label.clone(),
            title: format!("{label_name}: {}", doc.slice(span.start, span.end)).into(),
            label_name,
        };
        let first = paragraph_at(paragraphs, span.start).unwrap_or(0);
        let last = paragraph_at(paragraphs, span.end - 1).unwrap_or(first);
        for bucket in &mut buckets[first..=last] {
            bucket.push(view.clone());
        }
    }
    buckets
}
