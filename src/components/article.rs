//! The article being annotated: its paragraphs, each a memoized [`ParagraphView`], and the
//! mouse handling that selects spans. Text selection itself is the browser's own.

use std::ops::Range;
use std::rc::Rc;

use yew::prelude::*;

use super::paragraph::{LinkMark, Overlay, ParagraphView, SharedText, SpanView};
use super::store::{use_store, ExactSelection, SameDocument};
use crate::browser;
use crate::model::{Document, Label, RelationType, SpanEdge};
use crate::state::{id_of_element, links_in_words, Action, Linking, Shown};
use crate::suggest::page::furniture_lines;
use crate::text::paragraphs::{paragraphs_marked, paragraphs_touched, Paragraph, TouchedWalk};

#[derive(Properties, PartialEq)]
pub struct ArticleProps {
    pub exact_selection: ExactSelection,
}

#[function_component]
pub fn ArticleView(props: &ArticleProps) -> Html {
    let store = use_store();
    let Some(doc) = store.active_document().cloned() else {
        return html! { <p class="empty">{ "Open a file or paste a text to start." }</p> };
    };
    // A drag that started on an edge of the selected span moves that edge (the "handles").
    let dragging = use_mut_ref(|| None::<SpanEdge>);
    let swallow_click = use_mut_ref(|| false);
    let onmousedown = {
        let (store, dragging) = (store.clone(), dragging.clone());
        Callback::from(move |event: MouseEvent| {
            let selected = store.selected.clone();
            let edge = selected_piece_at(&event, selected.as_deref()).and_then(|element| {
                let (x, y) = (f64::from(event.client_x()), f64::from(event.client_y()));
                browser::selection::edge_under_pointer(&element, x, y, HANDLE_REACH_PX)
            });
            if edge.is_some() {
                event.prevent_default();
            }
            *dragging.borrow_mut() = edge;
        })
    };
    let onclick = {
        let (store, swallow_click) = (store.clone(), swallow_click.clone());
        Callback::from(move |event: MouseEvent| {
            if std::mem::take(&mut *swallow_click.borrow_mut()) {
                return;
            }
            let collapsed = gloo::utils::window().get_selection().ok().flatten().is_none_or(|s| s.is_collapsed());
            if !collapsed {
                return;
            }
            match suggestion_at(&event) {
                Some(id) => store.dispatch(Action::FocusSuggestion(id)),
                None => store.dispatch(Action::SelectCycle(span_stack_at(&event))),
            }
        })
    };
    let onmouseup = {
        let (store, exact) = (store.clone(), props.exact_selection.clone());
        Callback::from(move |event: MouseEvent| {
            let Some(edge) = dragging.borrow_mut().take() else {
                exact.set(event.alt_key());
                return;
            };
            *swallow_click.borrow_mut() = true;
            let point = (event.client_x() as f32, event.client_y() as f32);
            let to = store.active_document().and_then(|doc| browser::selection::offset_at_point(doc, point.0, point.1));
            if let Some(to) = to {
                store.dispatch(Action::MoveSelectedEdge { edge, to });
            }
        })
    };
    html! {
        <ArticleBody doc={SameDocument(doc)} labels={store.workspace.labels.clone()}
            relation_types={store.workspace.relation_types.clone()} selected={store.selected.clone()}
            linking={store.linking.clone()} suggestions={store.suggestions.clone()}
            suggestion_cursor={store.suggestions.get(store.suggestion_cursor).cloned()}
            find_matches={store.finding.as_ref().map(|f| f.matches.clone()).unwrap_or_default()}
            dim_furniture={store.dim_furniture} {onclick} {onmousedown} {onmouseup} />
    }
}

#[derive(Properties, PartialEq)]
pub struct ArticleBodyProps {
    /// Compared by allocation: an edited document is a new one, and comparing the text and ten
    /// thousand spans to find that out cost more than the edit.
    pub doc: SameDocument,
    pub labels: Vec<Label>,
    #[prop_or_default]
    pub relation_types: Vec<RelationType>,
    pub selected: Option<Rc<str>>,
    #[prop_or_default]
    pub linking: Option<Linking>,
    #[prop_or_default]
    pub suggestions: Rc<[Shown]>,
    #[prop_or_default]
    pub suggestion_cursor: Option<Shown>,
    #[prop_or_default]
    pub find_matches: Rc<[(usize, usize)]>,
    /// Dim the paragraphs that are site furniture (`suggest::page`'s boilerplate lines).
    #[prop_or_default]
    pub dim_furniture: bool,
    #[prop_or_default]
    pub onclick: Callback<MouseEvent>,
    #[prop_or_default]
    pub onmousedown: Callback<MouseEvent>,
    #[prop_or_default]
    pub onmouseup: Callback<MouseEvent>,
}

/// Documents with more paragraphs than this draw their spans only near the viewport; the
/// other paragraphs are plain text (the same characters, so `textContent`, text selection and
/// find are unchanged), which keeps the DOM small enough for quick edits and scrolling.
const DRAW_ALL_UP_TO_PARAGRAPHS: usize = 120;
/// Paragraphs drawn with spans before the observer has said which are near the viewport.
const FIRST_DRAWN: usize = 40;
/// How far beyond the viewport, in viewport heights, paragraphs are drawn with spans, so that
/// scrolling meets them drawn.
const NEAR_MARGIN: f64 = 1.5;

/// The article element with the contract hook, drawn from plain data (tests render it alone).
#[function_component]
pub fn ArticleBody(props: &ArticleBodyProps) -> Html {
    let doc = &props.doc.0;
    let paragraphs = doc.paragraphs();
    let windowed = paragraphs.len() > DRAW_ALL_UP_TO_PARAGRAPHS;
    let near = use_near_paragraphs(doc, windowed);
    let mut drawn: Vec<bool> = (0..paragraphs.len())
        .map(|i| !windowed || near.as_ref().map_or(i < FIRST_DRAWN, |near| near.contains(&i)))
        .collect();
    for forced in paragraphs_to_draw(doc, props) {
        drawn[forced] = true;
    }
    // Spans' views change only with the spans, labels, links and drawn paragraphs; a reply of
    // suggestions, a selection or a find keeps them, and their unchanged lists compare by
    // pointer in the chunks' props.
    let spans = use_memo(
        (
            SameDocument(doc.clone()),
            props.labels.clone(),
            props.relation_types.clone(),
            props.linking.clone(),
            drawn.clone(),
        ),
        |(doc, labels, relation_types, linking, drawn)| {
            spans_by_paragraph(&doc.0, labels, relation_types, linking.as_ref(), drawn)
        },
    );
    let overlays = overlays_by_paragraph(
        &drawn,
        doc,
        &props.labels,
        &props.suggestions,
        props.suggestion_cursor.as_ref().map(|s| s.id),
        &props.find_matches,
    );
    let text = SharedText(doc.text().clone());
    // Read once per text: span edits keep the text's allocation, so a long article does not
    // classify its 4,000 lines again on every edit.
    let furniture = {
        let doc = doc.clone();
        use_memo((text.clone(), props.dim_furniture), move |(_, dim)| {
            if *dim {
                paragraphs_marked(doc.paragraphs(), furniture_lines(doc.text()))
            } else {
                Vec::new()
            }
        })
    };
    let mut buckets = spans.iter().zip(overlays).map(|(spans, overlays)| with_overlays(spans, overlays));
    html! {
        <div class="article" id="article" data-testid="article" tabindex="0" aria-label={format!("Article: {}", doc.name)}
            onclick={props.onclick.clone()} onmousedown={props.onmousedown.clone()}
            onmouseup={props.onmouseup.clone()}>
            { for paragraphs.chunks(browser::PARAGRAPHS_PER_BLOCK).zip(drawn.chunks(browser::PARAGRAPHS_PER_BLOCK)).enumerate().map(|(n, (chunk, drawn))| {
                let spans: Vec<Rc<[SpanView]>> = buckets.by_ref().take(chunk.len()).collect();
                let selected = props.selected.clone().filter(|id| spans.iter().flat_map(|p| p.iter()).any(|s| s.id == *id));
                let first = n * browser::PARAGRAPHS_PER_BLOCK;
                let furniture = furniture.get(first..first + chunk.len()).unwrap_or_default();
                html! {
                    <ParagraphChunk key={n} text={text.clone()} paragraphs={Rc::<[Paragraph]>::from(chunk)}
                        {spans} drawn={Rc::<[bool]>::from(drawn)} furniture={Rc::<[bool]>::from(furniture)} {selected} />
                }
            }) }
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct ParagraphChunkProps {
    text: SharedText,
    paragraphs: Rc<[Paragraph]>,
    /// Each paragraph's spans (empty for a plain one).
    spans: Vec<Rc<[SpanView]>>,
    drawn: Rc<[bool]>,
    /// Which paragraphs are dimmed as site furniture (empty: none).
    furniture: Rc<[bool]>,
    /// The selected span, when it is in this chunk.
    selected: Option<Rc<str>>,
}

/// A run of paragraphs, memoized as one: an edit compares a few dozen chunks' props instead of
/// every paragraph's (4,000 components at 100k words), and re-renders the chunk it touched.
/// Its block element holds no text of its own (see [`browser::PARAGRAPHS_PER_BLOCK`]).
#[function_component]
fn ParagraphChunk(props: &ParagraphChunkProps) -> Html {
    html! {
        <div class="paragraphs">
            { for props.paragraphs.iter().zip(&props.spans).zip(props.drawn.iter()).enumerate().map(|(i, ((paragraph, spans), drawn))| {
                let selected = props.selected.clone().filter(|id| spans.iter().any(|s| s.id == *id));
                let furniture = props.furniture.get(i).copied().unwrap_or(false);
                html! {
                    <ParagraphView key={paragraph.start} text={props.text.clone()} paragraph={*paragraph}
                        spans={spans.clone()} {selected} plain={!drawn} {furniture} />
                }
            }) }
        </div>
    }
}

/// Paragraphs drawn with spans wherever they are: those of the selected span, the suggestion
/// under the cursor and the linking source and candidates, so that scrolling to one finds it.
fn paragraphs_to_draw(doc: &Document, props: &ArticleBodyProps) -> Vec<usize> {
    let paragraphs = doc.paragraphs();
    let mut extents: Vec<(usize, usize)> = Vec::new();
    let mut span_ids: Vec<&Rc<str>> = props.selected.iter().collect();
    if let Some(linking) = &props.linking {
        span_ids.push(&linking.from);
        span_ids.extend(&linking.candidates);
    }
    extents.extend(span_ids.into_iter().filter_map(|id| doc.span(id)).map(|s| (s.start, s.end)));
    extents.extend(props.suggestion_cursor.as_ref().map(|s| (s.start, s.end)));
    extents.into_iter().flat_map(|(start, end)| paragraphs_touched(paragraphs, start, end)).collect()
}

/// The paragraphs (by index) near the viewport, or `None` until they are known for this
/// document. Nothing is watched when `windowed` is off.
#[hook]
fn use_near_paragraphs(doc: &Rc<Document>, windowed: bool) -> Option<Range<usize>> {
    let near = use_state(|| None::<(Rc<str>, Range<usize>)>);
    {
        let near = near.clone();
        use_effect_with((doc.id.clone(), windowed), move |(id, windowed)| {
            let id = id.clone();
            let watch = windowed.then(|| {
                browser::viewport::watch_paragraphs(NEAR_MARGIN, move |range| near.set(Some((id.clone(), range))))
            });
            move || drop(watch)
        });
    }
    near.as_ref().filter(|(id, _)| *id == doc.id).map(|(_, range)| range.clone())
}

/// Each paragraph's suggestions and find matches that are drawn (most lists empty).
fn overlays_by_paragraph(
    drawn: &[bool],
    doc: &Document,
    labels: &[Label],
    suggestions: &[Shown],
    cursor: Option<u32>,
    find_matches: &[(usize, usize)],
) -> Vec<Vec<SpanView>> {
    let mut buckets = vec![Vec::new(); drawn.len()];
    if suggestions.is_empty() && find_matches.is_empty() {
        return buckets;
    }
    let mut place = |view: SpanView| place_in_drawn(&mut buckets, drawn, doc.paragraphs(), &view);
    // A common word has tens of thousands of matches in a long article: like suggestions,
    // only those near the viewport become views.
    let mut walk = TouchedWalk::new(doc.paragraphs());
    let near =
        find_matches.iter().enumerate().filter(|(_, &(start, end))| drawn[walk.touched(start, end)].contains(&true));
    for (i, &(start, end)) in near {
        let none: Rc<str> = Rc::from("");
        place(SpanView {
            id: format!("m{i}").into(),
            start,
            end,
            label: none.clone(),
            title: none.clone(),
            label_name: none,
            links: None,
            link: LinkMark::None,
            overlay: Some(Overlay::FindMatch),
        });
    }
    let mut walk = TouchedWalk::new(doc.paragraphs());
    for shown in suggestions.iter().filter(|s| drawn[walk.touched(s.start, s.end)].contains(&true)) {
        let name = labels.iter().find(|l| l.id == shown.label).map_or(&*shown.label, |l| l.name.as_str());
        place(SpanView {
            id: shown.element_id().into(),
            start: shown.start,
            end: shown.end,
            label: shown.label.clone(),
            title: format!("Suggested {name} ({}): Enter accepts, x rejects", shown.rule).into(),
            label_name: name.into(),
            links: None,
            link: LinkMark::None,
            overlay: Some(Overlay::Suggestion { current: cursor == Some(shown.id) }),
        });
    }
    buckets
}

/// A paragraph's spans with its overlays among them, in reading order (an overlay with a span's
/// exact extent is drawn inside it); the spans' own list when there are none.
fn with_overlays(spans: &Rc<[SpanView]>, overlays: Vec<SpanView>) -> Rc<[SpanView]> {
    if overlays.is_empty() {
        return spans.clone();
    }
    let mut all = spans.to_vec();
    all.extend(overlays);
    crate::sort::sort_by_key(&mut all, |v| (v.start, std::cmp::Reverse(v.end), v.overlay.is_some()));
    all.into()
}

/// How far inside a selected span's edge a press grabs that edge, in CSS pixels.
const HANDLE_REACH_PX: f64 = 5.0;

/// The element of the selected span under the pointer (an inner span may be hit first).
fn selected_piece_at(event: &MouseEvent, selected: Option<&str>) -> Option<web_sys::Element> {
    let target = event.target_dyn_into::<web_sys::Element>()?;
    let selector = format!("[data-span-id=\"{}\"]", selected?.replace('"', "\\\""));
    target.closest(&selector).ok()?
}

/// The suggestion under the pointer, if the innermost marked element there is one.
fn suggestion_at(event: &MouseEvent) -> Option<u32> {
    let target = event.target_dyn_into::<web_sys::Element>()?;
    let marked = target.closest("[data-span-id], [data-suggestion-id]").ok()??;
    id_of_element(&marked.get_attribute("data-suggestion-id")?)
}

/// The ids of the span elements under the pointer, innermost first.
fn span_stack_at(event: &MouseEvent) -> Vec<Rc<str>> {
    let mut stack = Vec::new();
    let mut element = event.target_dyn_into::<web_sys::Element>();
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

/// Each drawn paragraph's spans, in reading order; a span over several paragraphs is in each.
/// The paragraphs without any share one empty list (most of a long article is plain).
fn spans_by_paragraph(
    doc: &Document,
    labels: &[Label],
    relation_types: &[RelationType],
    linking: Option<&Linking>,
    drawn: &[bool],
) -> Vec<Rc<[SpanView]>> {
    let paragraphs = doc.paragraphs();
    let mut buckets = vec![Vec::new(); paragraphs.len()];
    let links = links_in_words(doc, relation_types);
    let link_mark = |id: &Rc<str>| match linking {
        Some(l) if l.candidates.get(l.cursor) == Some(id) => LinkMark::Cursor,
        Some(l) if l.candidates.contains(id) => LinkMark::Candidate,
        _ => LinkMark::None,
    };
    let mut walk = TouchedWalk::new(paragraphs);
    for span in doc.spans() {
        if !drawn[walk.touched(span.start, span.end)].contains(&true) {
            continue;
        }
        let label_name: Rc<str> =
            labels.iter().find(|l| l.id == span.label).map_or_else(|| span.label.clone(), |l| l.name.as_str().into());
        let view = SpanView {
            id: span.id.clone(),
            start: span.start,
            end: span.end,
            label: span.label.clone(),
            title: format!("{label_name}: {}", doc.slice(span.start, span.end)).into(),
            label_name,
            links: links.get(&span.id).cloned(),
            link: link_mark(&span.id),
            overlay: None,
        };
        place_in_drawn(&mut buckets, drawn, paragraphs, &view);
    }
    let empty: Rc<[SpanView]> = Rc::from([]);
    buckets.into_iter().map(|b| if b.is_empty() { empty.clone() } else { Rc::from(b) }).collect()
}

/// Puts `view` into the bucket of each drawn paragraph it touches.
fn place_in_drawn(buckets: &mut [Vec<SpanView>], drawn: &[bool], paragraphs: &[Paragraph], view: &SpanView) {
    for at in paragraphs_touched(paragraphs, view.start, view.end).filter(|&at| drawn[at]) {
        buckets[at].push(view.clone());
    }
}
