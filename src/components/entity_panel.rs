//! Entities: the proposed groups of mentions (accept with one click), and the entities of the
//! workspace by label with their mention counts here and everywhere. An entity can be renamed,
//! merged into another, and stepped through mention by mention.

use std::rc::Rc;

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use super::store::{use_store, SameDocument, SameWorkspace};
use super::text_field::TextField;
use crate::browser::after_paint::{after_paint, AfterPaint};
use crate::model::Document;
use crate::state::{mentions_in_words, proposals, Action, EntityAction, ENTITY_LABELS};

/// Documents with more spans than this open with the panel closed.
const OPEN_UP_TO_SPANS: usize = 2000;

/// The mention of `entity` after the selected span in reading order (the first one, round again).
fn next_mention(doc: &Document, entity: &str, selected: Option<&str>) -> Option<Rc<str>> {
    let mentions: Vec<_> = doc.spans().iter().filter(|s| s.entity.as_deref() == Some(entity)).collect();
    let at = selected.and_then(|id| mentions.iter().position(|s| &*s.id == id));
    let next = at.map_or(0, |i| (i + 1) % mentions.len().max(1));
    mentions.get(next).map(|s| s.id.clone())
}

#[function_component]
pub fn EntityPanel() -> Html {
    let store = use_store();
    // Closed, it computes nothing: proposals read every mention, on every edit. Unless the
    // person chose, it is closed on a document with thousands of spans (the one open now, not
    // the one open when the page loaded).
    let chosen = use_state(|| None::<bool>);
    let doc = store.active_document().cloned();
    let open = chosen.unwrap_or(doc.as_ref().is_some_and(|doc| doc.spans().len() < OPEN_UP_TO_SPANS));
    // Proposals are worked out again only when the workspace's documents change (Rc pointers
    // compare first, so an unchanged one is cheap): at once for a document just opened, as its
    // text is, and after the frame of an edit is painted, since they read every mention.
    // Accepting one right after an edit still takes the mentions as they stand then (the
    // reducer proposes again). They are kept with the document they were worked out for:
    // another one's ids mean other spans.
    let proposed = use_state(|| Rc::new((None::<Rc<str>>, Vec::new())));
    {
        let (proposed, pending) = (proposed.clone(), use_mut_ref(|| None::<AfterPaint>));
        let inputs = (open, SameWorkspace(store.workspace.clone()), doc.clone().map(SameDocument));
        use_effect_with(inputs, move |(open, workspace, doc)| {
            let Some(doc) = doc.clone().filter(|_| *open) else {
                if !proposed.1.is_empty() {
                    proposed.set(Rc::new((None, Vec::new())));
                }
                return;
            };
            let just_opened = proposed.0.as_ref() != Some(&doc.0.id);
            let workspace = workspace.clone();
            let work_out = move || proposed.set(Rc::new((Some(doc.0.id.clone()), proposals(&workspace.0, &doc.0))));
            *pending.borrow_mut() = if just_opened {
                work_out();
                None
            } else {
                Some(after_paint(work_out))
            };
        });
    }
    let Some(doc) = doc else { return html! {} };
    let toggle = {
        let chosen = chosen.clone();
        Callback::from(move |_| chosen.set(Some(!open)))
    };
    if !open {
        return html! {
            <section class="entity-panel" data-testid="entity-panel" aria-label="Entities">
                <h2><button type="button" class="panel-toggle" aria-expanded="false" onclick={toggle}>{ "Entities ▸" }</button></h2>
            </section>
        };
    }
    let current = proposed.0.as_ref() == Some(&doc.id);
    let proposed = proposed.1.iter().filter(|_| current).map(|proposal| {
        let accept = {
            let (store, p) = (store.clone(), proposal.clone());
            Callback::from(move |_| {
                store.dispatch(Action::Entities(EntityAction::Group {
                    entity: p.entity.clone(),
                    name: p.name.clone(),
                    label: p.label.clone(),
                    mentions: p.mentions.clone(),
                }))
            })
        };
        let verb = if proposal.entity.is_some() { "Add to" } else { "Group as" };
        html! {
            <li data-testid="entity-proposal" data-label={proposal.label.clone()}>
                <button type="button" data-testid="accept-entity" onclick={accept}>
                    { format!("{verb} “{}”", proposal.name) }
                </button>
                <span class="mentions">{ mentions_in_words(&doc, &proposal.mentions) }</span>
            </li>
        }
    });
    let entities = store.workspace.entities();
    let groups = ENTITY_LABELS.iter().filter_map(|label| {
        let of_label: Vec<_> = entities.iter().filter(|e| &*e.label == *label).collect();
        if of_label.is_empty() {
            return None;
        }
        let items = of_label.iter().map(|entity| {
            let here = doc.spans().iter().filter(|s| s.entity.as_ref() == Some(&entity.id)).count();
            let everywhere = store.workspace.mention_count(&entity.id);
            let rename = {
                let (store, id) = (store.clone(), entity.id.clone());
                Callback::from(move |event: Event| {
                    let name = event.target_unchecked_into::<HtmlInputElement>().value();
                    store.dispatch(Action::Entities(EntityAction::Rename { entity: id.clone(), name }));
                })
            };
            let step = {
                let (store, doc, id) = (store.clone(), doc.clone(), entity.id.clone());
                Callback::from(move |_| {
                    if let Some(next) = next_mention(&doc, &id, store.selected.as_deref()) {
                        store.dispatch(Action::Select(Some(next)));
                    }
                })
            };
            let merge = {
                let (store, id) = (store.clone(), entity.id.clone());
                Callback::from(move |event: Event| {
                    let into = event.target_unchecked_into::<HtmlSelectElement>().value();
                    if !into.is_empty() {
                        store.dispatch(Action::Entities(EntityAction::Merge { into: into.into(), from: id.clone() }));
                    }
                })
            };
            let others = of_label.iter().filter(|o| o.id != entity.id);
            html! {
                <li data-testid="entity-item" data-entity-id={entity.id.clone()}>
                    <TextField value={entity.name.clone()} label="Entity name" testid="entity-name" onchange={rename} />
                    <span class="count" data-testid="entity-counts">{ format!("{here} here · {everywhere} in all") }</span>
                    <button type="button" data-testid="entity-next" disabled={here == 0} onclick={step}
                        aria-label={format!("Next mention of {}", entity.name)}>{ "Next ›" }</button>
                    <select data-testid="entity-merge" aria-label={format!("Merge {} into", entity.name)} onchange={merge}>
                        <option value="" selected=true>{ "Merge into…" }</option>
                        { for others.map(|o| html! { <option value={o.id.clone()}>{ &o.name }</option> }) }
                    </select>
                </li>
            }
        });
        Some(html! {
            <section class="entity-group" data-label={*label}>
                <h3><span class="swatch" aria-hidden="true"></span>{ label.to_string() }</h3>
                <ul>{ for items }</ul>
            </section>
        })
    });
    html! {
        <section class="entity-panel" data-testid="entity-panel" aria-label="Entities">
            <h2><button type="button" class="panel-toggle" aria-expanded="true" onclick={toggle}>{ "Entities ▾" }</button></h2>
            <ul class="proposals">{ for proposed }</ul>
            { for groups }
        </section>
    }
}
