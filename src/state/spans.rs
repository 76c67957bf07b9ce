//! Editing the open document's spans: tag a selection, relabel the selected span, resize it by
//! a word or drag one of its edges, note it, delete it; and choosing which span is selected.
//! Each edit is one undo step; selecting is none. A span never becomes empty or inverted, and
//! an edit that would make two spans with the same label and boundaries is refused.
//!
//! Not for: linking spans (`linking`), spans made from suggestions or find matches
//! (`suggestions`, `find`), or turning the DOM's selection into offsets (`browser::selection`).

use std::collections::HashSet;
use std::rc::Rc;

use super::history::{Edit, PlacedSpan};
use super::State;
use crate::model::{fresh_ids, leading_article, Document, Span, SpanEdge};

impl State {
    /// Tags `[start, end)`, snapped to words unless `exact`, and selects the new span; where
    /// the same span exists already, it is selected instead.
    pub(super) fn tag(&mut self, start: usize, end: usize, label: Rc<str>, exact: bool) {
        let Some(doc) = self.active_document() else { return };
        if self.workspace.label(&label).is_none() {
            return;
        }
        let Some((start, end)) = tag_range(doc, start, end, &label, exact) else { return };
        if let Some(existing) = doc.spans().iter().find(|s| (s.start, s.end, &s.label) == (start, end, &label)) {
            self.selected = Some(existing.id.clone());
            return;
        }
        let span = self.authored(Span::new(doc.fresh_span_id(), start, end, label));
        self.selected = Some(span.id.clone());
        self.record_span(Edit::Insert { span, relations: Vec::new() });
    }

    /// `span` as made by the person at the keyboard: it records their annotator name, if set.
    pub(super) fn authored(&self, span: Span) -> Span {
        Span { annotator: self.annotator.clone(), ..span }
    }

    pub(super) fn select(&mut self, id: Option<Rc<str>>) {
        self.selected = id.filter(|id| self.active_span(id).is_some());
    }

    pub(super) fn select_cycle(&mut self, stack: Vec<Rc<str>>) {
        // While linking, a click on a candidate links to it (the innermost, if several).
        let candidate = self.linking.as_ref().and_then(|l| stack.iter().find(|id| l.candidates.contains(id))).cloned();
        if let Some(target) = candidate {
            self.link_to(&target);
            return;
        }
        self.linking = None;
        let stack: Vec<Rc<str>> = stack.into_iter().filter(|id| self.active_span(id).is_some()).collect();
        let next = match self.selected.as_ref().and_then(|current| stack.iter().position(|id| id == current)) {
            Some(at) => stack.get((at + 1) % stack.len()),
            None => stack.first(),
        };
        self.selected = next.cloned();
    }

    pub(super) fn select_neighbour(&mut self, forward: bool) {
        let Some(doc) = self.active_document() else { return };
        let spans = doc.spans();
        let current = self.selected.as_ref().and_then(|id| spans.iter().position(|s| s.id == *id));
        let next = match (current, forward) {
            (Some(at), true) => spans.get(at + 1).or(spans.last()),
            (Some(at), false) => spans.get(at.saturating_sub(1)),
            (None, true) => spans.first(),
            (None, false) => spans.last(),
        };
        self.selected = next.map(|s| s.id.clone());
    }

    pub(super) fn relabel_selected(&mut self, label: Rc<str>) {
        if self.workspace.label(&label).is_some() {
            self.replace_selected(|span| Span { label, ..span.clone() });
        }
    }

    pub(super) fn resize_selected(&mut self, edge: SpanEdge, forward: bool) {
        let Some(doc) = self.active_document().cloned() else { return };
        self.replace_selected(|span| resized(&doc, span, edge, forward));
    }

    pub(super) fn move_selected_edge(&mut self, edge: SpanEdge, to: usize) {
        let Some(doc) = self.active_document().cloned() else { return };
        self.replace_selected(|span| dragged(&doc, span, edge, to));
    }

    pub(super) fn set_note(&mut self, id: &str, note: String) {
        let Some(before) = self.active_span(id).cloned() else { return };
        let note = Some(note).filter(|n| !n.trim().is_empty());
        if before.note != note {
            self.record_span(Edit::Replace { after: Span { note, ..before.clone() }, before });
        }
    }

    /// Records `change` of the selected span as one undo step, unless it changes nothing or
    /// would duplicate another span (same label and boundaries).
    fn replace_selected(&mut self, change: impl FnOnce(&Span) -> Span) {
        let Some(before) = self.selected.as_deref().and_then(|id| self.active_span(id)).cloned() else { return };
        let after = change(&before);
        let duplicate = self.active_document().is_some_and(|doc| {
            doc.spans().iter().any(|s| (s.start, s.end, &s.label) == (after.start, after.end, &after.label))
        });
        if after != before && !duplicate {
            self.record_span(Edit::Replace { before, after });
        }
    }

    pub(super) fn delete_selected(&mut self) {
        let Some(span) = self.selected.as_deref().and_then(|id| self.active_span(id)).cloned() else { return };
        self.selected = None;
        self.record_span(Edit::Remove { span, relations: Vec::new() });
    }
}

/// What a selection of `[start, end)` tags with `label`: its exact characters (within the text)
/// when `exact`, else the words it touches, a leading article kept or left out as the label
/// wants (a quote keeps it, an actor drops it). `None` when nothing is left.
impl State {
    /// Spans of `doc` for each `(start, end, label)` it does not hold yet, each once, with
    /// fresh ids and this person's name: what "accept all" and "tag all matches" add. Linear
    /// in the spans held and wanted.
    pub(super) fn new_spans(
        &self,
        doc: &Document,
        wanted: impl IntoIterator<Item = (usize, usize, Rc<str>)>,
    ) -> Vec<PlacedSpan> {
        let mut held: HashSet<(usize, usize, Rc<str>)> =
            doc.spans().iter().map(|s| (s.start, s.end, s.label.clone())).collect();
        let mut ids = fresh_ids("s", doc.spans().iter().map(|s| &*s.id));
        wanted
            .into_iter()
            .filter(|annotation| held.insert(annotation.clone()))
            .zip(&mut ids)
            .map(|((start, end, label), id)| {
                (doc.id.clone(), self.authored(Span::new(id, start, end, label)), Vec::new())
            })
            .collect()
    }
}

fn tag_range(doc: &Document, start: usize, end: usize, label: &str, exact: bool) -> Option<(usize, usize)> {
    if exact {
        let (start, end) = (start.min(doc.len()), end.min(doc.len()));
        (start < end).then_some((start, end))
    } else {
        doc.snap(start, end, leading_article(label))
    }
}

/// `span` with one edge moved by a word, or as it was where that would empty or invert it.
fn resized(doc: &Document, span: &Span, edge: SpanEdge, forward: bool) -> Span {
    let moved = doc.word_step(if edge == SpanEdge::Start { span.start } else { span.end }, edge, forward);
    match (edge, moved) {
        (SpanEdge::Start, Some(start)) if start < span.end => Span { start, ..span.clone() },
        (SpanEdge::End, Some(end)) if end > span.start => Span { end, ..span.clone() },
        _ => span.clone(),
    }
}

/// `span` with one edge at the word edge nearest `to`, or as it was where that would empty or
/// invert it.
fn dragged(doc: &Document, span: &Span, edge: SpanEdge, to: usize) -> Span {
    let snapped = doc.nearest_word_edge(to, edge);
    match edge {
        SpanEdge::Start if snapped < span.end => Span { start: snapped, ..span.clone() },
        SpanEdge::End if snapped > span.start => Span { end: snapped, ..span.clone() },
        _ => span.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Relation;
    use crate::state::testing::{state_with, tag, texts};
    use crate::state::{Action, LabelAction};

    #[test]
    fn spans_and_links_record_the_annotator_name_set() {
        let state = state_with("Peskov said no").reduce(Action::SetAnnotator("  Ana  ".into()));
        let state = tag(tag(state, 0, 6, "actor"), 12, 14, "quote");
        let state = state.reduce(Action::StartLink("said_by".into())).reduce(Action::PickLink(None));
        let doc = state.active_document().unwrap();
        assert!(doc.spans().iter().all(|s| s.annotator.as_deref() == Some("Ana")));
        assert_eq!(doc.relations().len(), 1);
        assert_eq!(doc.relations()[0].annotator.as_deref(), Some("Ana"));
        let state = tag(state.reduce(Action::SetAnnotator(" ".into())), 7, 11, "figure");
        let figure = state.active_document().unwrap().spans().iter().find(|s| &*s.label == "figure").cloned();
        assert_eq!(figure.unwrap().annotator, None, "a blank name is no name");
    }

    #[test]
    fn tagging_snaps_selects_and_undo_redo_follow() {
        let state = tag(state_with("Spokesman Dmitry Peskov said"), 12, 20, "actor");
        assert_eq!(texts(&state), [("actor".to_string(), "Dmitry Peskov".to_string())]);
        assert_eq!(state.selected.as_deref(), Some("s1"));
        let undone = state.reduce(Action::Undo);
        assert!(texts(&undone).is_empty());
        assert_eq!(undone.selected, None);
        let redone = undone.reduce(Action::Redo);
        assert_eq!(texts(&redone).len(), 1);
        assert_eq!(redone.selected.as_deref(), Some("s1"));
    }

    #[test]
    fn exact_tagging_keeps_the_characters() {
        let state =
            state_with("Genève").reduce(Action::Tag { start: 3, end: 6, label: "location".into(), exact: true });
        assert_eq!(texts(&state), [("location".to_string(), "ève".to_string())]);
    }

    #[test]
    fn deleting_a_span_and_undoing_restores_its_relations() {
        let mut state = tag(tag(state_with("Peskov said hello"), 0, 6, "actor"), 12, 17, "quote");
        let doc = Rc::make_mut(&mut state.workspace.documents[0]);
        doc.insert_relation(Relation::new("r1", "said_by", "s2", "s1")).unwrap();
        let deleted = state.reduce(Action::Select(Some("s1".into()))).reduce(Action::DeleteSelected);
        assert!(deleted.active_document().unwrap().relations().is_empty());
        let restored = deleted.reduce(Action::Undo);
        assert_eq!(restored.active_document().unwrap().relations().len(), 1);
        assert_eq!(restored.selected.as_deref(), Some("s1"));
    }

    #[test]
    fn relabel_is_one_undo_step() {
        let state =
            tag(state_with("in Geneva today"), 3, 9, "actor").reduce(Action::RelabelSelected("location".into()));
        assert_eq!(texts(&state), [("location".to_string(), "Geneva".to_string())]);
        let undone = state.reduce(Action::Undo);
        assert_eq!(texts(&undone), [("actor".to_string(), "Geneva".to_string())]);
    }

    #[test]
    fn resizing_moves_one_edge_by_a_word_and_never_empties_the_span() {
        let text = "Kremlin spokesperson Dmitry Peskov said, “no.”";
        let state = tag(state_with(text), 21, 27, "actor");
        let resize = |state: State, edge, forward| state.reduce(Action::ResizeSelected { edge, forward });
        let grown = resize(state, SpanEdge::End, true);
        assert_eq!(texts(&grown)[0].1, "Dmitry Peskov");
        let grown = resize(grown, SpanEdge::Start, false);
        assert_eq!(texts(&grown)[0].1, "spokesperson Dmitry Peskov");
        let shrunk = resize(resize(grown.clone(), SpanEdge::End, false), SpanEdge::End, false);
        assert_eq!(texts(&shrunk)[0].1, "spokesperson");
        let still = resize(shrunk.clone(), SpanEdge::End, false);
        assert_eq!(texts(&still), texts(&shrunk), "the end never passes the start");
        let still = resize(shrunk.clone(), SpanEdge::Start, true);
        assert_eq!(texts(&still), texts(&shrunk), "the start never passes the end");
        let undone = grown.reduce(Action::Undo);
        assert_eq!(texts(&undone)[0].1, "Dmitry Peskov", "each resize is one undo step");
        let to_the_end =
            resize(resize(tag(state_with(text), 35, 39, "actor"), SpanEdge::End, true), SpanEdge::End, true);
        assert_eq!(texts(&to_the_end)[0].1, "said, “no");
    }

    #[test]
    fn clicks_cycle_through_nested_spans_innermost_first() {
        let state = tag(tag(state_with("said Dmitry Peskov today"), 5, 18, "quote"), 12, 18, "actor");
        let stack: Vec<Rc<str>> = vec!["s2".into(), "s1".into()];
        let first = state.reduce(Action::Select(None)).reduce(Action::SelectCycle(stack.clone()));
        assert_eq!(first.selected.as_deref(), Some("s2"));
        let second = first.reduce(Action::SelectCycle(stack.clone()));
        assert_eq!(second.selected.as_deref(), Some("s1"));
        let third = second.reduce(Action::SelectCycle(stack));
        assert_eq!(third.selected.as_deref(), Some("s2"));
        assert_eq!(third.reduce(Action::SelectCycle(Vec::new())).selected, None, "a click on bare text deselects");
    }

    #[test]
    fn neighbours_follow_reading_order() {
        let state = tag(tag(tag(state_with("one two three"), 8, 13, "actor"), 0, 3, "actor"), 4, 7, "figure")
            .reduce(Action::Select(None));
        let next = |state: State, forward| state.reduce(Action::SelectNeighbour { forward });
        let order: Vec<String> =
            std::iter::successors(Some(next(state.clone(), true)), |s| Some(next(s.clone(), true)))
                .take(4)
                .map(|s| s.active_document().unwrap().span(s.selected.as_deref().unwrap()).unwrap().start.to_string())
                .collect();
        assert_eq!(order, ["0", "4", "8", "8"], "stops at the last span");
        assert_eq!(next(state, false).selected.as_deref(), Some("s1"), "backwards from nothing is the last span");
    }

    #[test]
    fn notes_are_set_cleared_and_undone() {
        let state = tag(state_with("Peskov said"), 0, 6, "actor");
        let noted = state.reduce(Action::SetNote { span: "s1".into(), note: "Kremlin spokesman".into() });
        let span = noted.active_document().unwrap().span("s1").unwrap().clone();
        assert_eq!(span.note.as_deref(), Some("Kremlin spokesman"));
        let cleared = noted.clone().reduce(Action::SetNote { span: "s1".into(), note: "  ".into() });
        assert_eq!(cleared.active_document().unwrap().span("s1").unwrap().note, None);
        let undone = cleared.reduce(Action::Undo);
        assert_eq!(undone.active_document().unwrap().span("s1").unwrap().note.as_deref(), Some("Kremlin spokesman"));
    }

    #[test]
    fn dragging_an_edge_snaps_to_the_nearest_word_edge_and_never_inverts() {
        let text = "Kremlin spokesperson Dmitry Peskov said";
        let state = tag(state_with(text), 21, 27, "actor");
        let moved = |state: State, edge, to| state.reduce(Action::MoveSelectedEdge { edge, to });
        assert_eq!(texts(&moved(state.clone(), SpanEdge::End, 31))[0].1, "Dmitry Peskov", "mid-word snaps to its end");
        assert_eq!(texts(&moved(state.clone(), SpanEdge::Start, 10))[0].1, "spokesperson Dmitry");
        assert_eq!(texts(&moved(state.clone(), SpanEdge::End, 2)), texts(&state), "an end before the start is refused");
        assert_eq!(texts(&moved(state.clone(), SpanEdge::Start, 38)), texts(&state), "a start after the end too");
    }

    /// Where `needle` first occurs in `text`, in code points.
    fn range_of(text: &str, needle: &str) -> (usize, usize) {
        let start = text[..text.find(needle).unwrap()].chars().count();
        (start, start + needle.chars().count())
    }

    const QUOTES: &str = "“The pressure on Russia is still insufficient, … diplomatic efforts.” said the Kremlin.\n\
        \"A deal is close,\" an envoy said. ‘An agreement is near,’ she added; “the best chance yet.” In The Hague.";

    #[test]
    fn a_quote_keeps_its_leading_article_where_an_actor_drops_it() {
        let quotes = [
            (
                "“The pressure on Russia is still insufficient, … diplomatic efforts.”",
                "The pressure on Russia is still insufficient, … diplomatic efforts",
            ),
            ("\"A deal is close,\"", "A deal is close"),
            ("‘An agreement is near,’", "An agreement is near"),
            ("“the best chance yet.”", "the best chance yet"),
            ("he pressure on Russia", "The pressure on Russia"),
        ];
        for (selected, want) in quotes {
            let (start, end) = range_of(QUOTES, selected);
            assert_eq!(texts(&tag(state_with(QUOTES), start, end, "quote")), [("quote".into(), want.into())]);
        }
        let (start, end) = range_of(QUOTES, " the Kremlin.");
        assert_eq!(texts(&tag(state_with(QUOTES), start, end, "actor")), [("actor".into(), "Kremlin".into())]);
        let (start, end) = range_of(QUOTES, "an envoy");
        let custom = state_with(QUOTES)
            .reduce(Action::Labels(LabelAction::Add { name: "My label".into(), color: "#123456".into() }));
        assert_eq!(texts(&tag(custom, start, end, "my-label"))[0].1, "envoy", "a new label as before");
        let (start, end) = range_of(QUOTES, "The Hague.");
        assert_eq!(texts(&tag(state_with(QUOTES), start, end, "location"))[0].1, "The Hague");
    }

    #[test]
    fn editing_a_quotes_edges_reaches_its_leading_article() {
        let pressure = range_of(QUOTES, "pressure on Russia");
        let state = tag(state_with(QUOTES), pressure.0, pressure.1, "quote");
        assert_eq!(texts(&state)[0].1, "pressure on Russia");
        let grown = state.clone().reduce(Action::ResizeSelected { edge: SpanEdge::Start, forward: false });
        assert_eq!(texts(&grown)[0].1, "The pressure on Russia");
        let dragged = state.reduce(Action::MoveSelectedEdge { edge: SpanEdge::Start, to: pressure.0 - 3 });
        assert_eq!(texts(&dragged)[0].1, "The pressure on Russia");
        let (start, end) = range_of(QUOTES, "the Kremlin");
        let relabelled = tag(state_with(QUOTES), start, end, "actor").reduce(Action::RelabelSelected("quote".into()));
        assert_eq!(texts(&relabelled), [("quote".into(), "Kremlin".into())], "relabelling keeps the boundaries");
    }
}
