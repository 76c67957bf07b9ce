//! Every change to what is on screen goes through [`State::reduce`]: one [`Action`] in, the next
//! state out. Undo lives here too, as a per-document history of [`Edit`]s, each of which knows
//! its own inverse, so undo costs the size of one change, not a copy of the document.
//!
//! Pure: no DOM, no Yew. The component layer wraps this in `use_reducer`; the browser layer
//! turns keys, selections and files into actions.

use std::collections::BTreeMap;
use std::rc::Rc;

use crate::formats::open::open_file;
use crate::formats::Opened;
use crate::model::{Document, Relation, Span, SpanEdge, Workspace};

/// How many changes each document remembers for undo.
pub const HISTORY_LIMIT: usize = 1000;

#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Tag `[start, end)` (code points) of the open document; snapped to words unless `exact`.
    Tag {
        start: usize,
        end: usize,
        label: Rc<str>,
        exact: bool,
    },
    /// Give the selected span another label.
    RelabelSelected(Rc<str>),
    /// Move one edge of the selected span by a word; never leaves it empty or inverted.
    ResizeSelected {
        edge: SpanEdge,
        forward: bool,
    },
    /// Set (or with an empty text, clear) the note of a span of the open document.
    SetNote {
        span: Rc<str>,
        note: String,
    },
    Select(Option<Rc<str>>),
    /// A click on nested spans, `stack` innermost first: selects the innermost, and on each
    /// further click at the same place the next one out, round again.
    SelectCycle(Vec<Rc<str>>),
    /// The next (or previous) span in reading order; from nothing, the first (or last).
    SelectNeighbour {
        forward: bool,
    },
    DeleteSelected,
    Undo,
    Redo,
    OpenFile {
        name: String,
        bytes: Vec<u8>,
    },
    NewFromText {
        name: String,
        text: String,
    },
    SwitchDocument(Rc<str>),
    ShowAlert(String),
    DismissAlert,
    ToggleHelp,
}

/// One undoable change to a document's annotations.
#[derive(Clone, Debug, PartialEq)]
enum Edit {
    /// Adds a span, and relations touching it (when a removal is undone).
    Insert { span: Span, relations: Vec<Relation> },
    /// Removes a span and, as applied, the relations that went with it.
    Remove { span: Span, relations: Vec<Relation> },
    /// Changes a span's label or boundaries, keeping its id and relations.
    Replace { before: Span, after: Span },
}

impl Edit {
    fn inverse(self) -> Edit {
        match self {
            Edit::Insert { span, relations } => Edit::Remove { span, relations },
            Edit::Remove { span, relations } => Edit::Insert { span, relations },
            Edit::Replace { before, after } => Edit::Replace { before: after, after: before },
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq)]
struct History {
    undo: Vec<Edit>,
    redo: Vec<Edit>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct State {
    pub workspace: Workspace,
    /// The document on screen.
    pub active: Option<Rc<str>>,
    /// The selected span of the active document.
    pub selected: Option<Rc<str>>,
    /// A message about something that went wrong, shown until dismissed or replaced.
    pub alert: Option<String>,
    /// The overlay that lists every key is open.
    pub help_open: bool,
    histories: BTreeMap<Rc<str>, Rc<History>>,
}

impl State {
    pub fn new(workspace: Workspace) -> Self {
        let active = workspace.documents.first().map(|d| d.id.clone());
        Self { workspace, active, selected: None, alert: None, help_open: false, histories: BTreeMap::new() }
    }

    pub fn active_document(&self) -> Option<&Rc<Document>> {
        self.workspace.document(self.active.as_deref()?)
    }

    pub fn can_undo(&self) -> bool {
        self.history().is_some_and(|h| !h.undo.is_empty())
    }

    pub fn can_redo(&self) -> bool {
        self.history().is_some_and(|h| !h.redo.is_empty())
    }

    fn history(&self) -> Option<&Rc<History>> {
        self.histories.get(self.active.as_deref()?)
    }

    pub fn reduce(mut self, action: Action) -> Self {
        match action {
            Action::Tag { start, end, label, exact } => self.tag(start, end, label, exact),
            Action::RelabelSelected(label) => self.relabel_selected(label),
            Action::ResizeSelected { edge, forward } => self.resize_selected(edge, forward),
            Action::SetNote { span, note } => self.set_note(&span, note),
            Action::Select(id) => self.selected = id.filter(|id| self.active_span(id).is_some()),
            Action::SelectCycle(stack) => self.select_cycle(stack),
            Action::SelectNeighbour { forward } => self.select_neighbour(forward),
            Action::DeleteSelected => self.delete_selected(),
            Action::Undo => self.step_history(true),
            Action::Redo => self.step_history(false),
            Action::OpenFile { name, bytes } => match open_file(&name, &bytes) {
                Ok(opened) => self.add_opened(opened),
                Err(error) => self.alert = Some(error.to_string()),
            },
            Action::NewFromText { name, text } => self.new_from_text(name, text),
            Action::SwitchDocument(id) => {
                if self.workspace.document(&id).is_some() {
                    self.active = Some(id);
                    self.selected = None;
                }
            }
            Action::ShowAlert(message) => self.alert = Some(message),
            Action::DismissAlert => self.alert = None,
            Action::ToggleHelp => self.help_open = !self.help_open,
        }
        self
    }

    fn active_span(&self, id: &str) -> Option<&Span> {
        self.active_document()?.span(id)
    }

    fn tag(&mut self, start: usize, end: usize, label: Rc<str>, exact: bool) {
        let Some(doc) = self.active_document() else { return };
        if self.workspace.label(&label).is_none() {
            return;
        }
        let range = if exact {
            let (start, end) = (start.min(doc.len()), end.min(doc.len()));
            (start < end).then_some((start, end))
        } else {
            doc.snap(start, end)
        };
        let Some((start, end)) = range else { return };
        if let Some(existing) = doc.spans().iter().find(|s| (s.start, s.end, &s.label) == (start, end, &label)) {
            self.selected = Some(existing.id.clone());
            return;
        }
        let span = Span::new(doc.fresh_span_id(), start, end, label);
        self.selected = Some(span.id.clone());
        self.record(Edit::Insert { span, relations: Vec::new() });
    }

    fn select_cycle(&mut self, stack: Vec<Rc<str>>) {
        let stack: Vec<Rc<str>> = stack.into_iter().filter(|id| self.active_span(id).is_some()).collect();
        let next = match self.selected.as_ref().and_then(|current| stack.iter().position(|id| id == current)) {
            Some(at) => stack.get((at + 1) % stack.len()),
            None => stack.first(),
        };
        self.selected = next.cloned();
    }

    fn select_neighbour(&mut self, forward: bool) {
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

    fn relabel_selected(&mut self, label: Rc<str>) {
        if self.workspace.label(&label).is_some() {
            self.replace_selected(|span| Span { label, ..span.clone() });
        }
    }

    fn resize_selected(&mut self, edge: SpanEdge, forward: bool) {
        let Some(doc) = self.active_document().cloned() else { return };
        self.replace_selected(|span| {
            let moved = doc.word_step(if edge == SpanEdge::Start { span.start } else { span.end }, edge, forward);
            match (edge, moved) {
                (SpanEdge::Start, Some(start)) if start < span.end => Span { start, ..span.clone() },
                (SpanEdge::End, Some(end)) if end > span.start => Span { end, ..span.clone() },
                _ => span.clone(),
            }
        });
    }

    fn set_note(&mut self, id: &str, note: String) {
        let Some(before) = self.active_span(id).cloned() else { return };
        let note = Some(note).filter(|n| !n.trim().is_empty());
        if before.note != note {
            self.record(Edit::Replace { after: Span { note, ..before.clone() }, before });
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
            self.record(Edit::Replace { before, after });
        }
    }

    fn delete_selected(&mut self) {
        let Some(span) = self.selected.as_deref().and_then(|id| self.active_span(id)).cloned() else { return };
        self.selected = None;
        self.record(Edit::Remove { span, relations: Vec::new() });
    }

    /// Applies a new edit to the active document and makes it the newest undo step.
    fn record(&mut self, edit: Edit) {
        let Some(applied) = self.apply(edit) else { return };
        let Some(doc_id) = self.active.clone() else { return };
        let history = Rc::make_mut(self.histories.entry(doc_id).or_default());
        history.redo.clear();
        history.undo.push(applied);
        if history.undo.len() > HISTORY_LIMIT {
            history.undo.remove(0);
        }
    }

    fn step_history(&mut self, undo: bool) {
        let Some(doc_id) = self.active.clone() else { return };
        let Some(history) = self.histories.get_mut(&doc_id).map(Rc::make_mut) else { return };
        let popped = if undo { history.undo.pop() } else { history.redo.pop() };
        let Some(edit) = popped else { return };
        let Some(applied) = self.apply(if undo { edit.inverse() } else { edit }) else { return };
        self.selected = match &applied {
            Edit::Insert { span, .. } | Edit::Replace { after: span, .. } => Some(span.id.clone()),
            Edit::Remove { .. } => None,
        };
        let history = Rc::make_mut(self.histories.get_mut(&doc_id).expect("popped from it above"));
        if undo {
            history.redo.push(applied.inverse());
        } else {
            history.undo.push(applied);
        }
    }

    /// Changes the active document; returns the edit as applied (a removal carries the
    /// relations it took along, so its inverse restores them), or `None` if it did not apply.
    fn apply(&mut self, edit: Edit) -> Option<Edit> {
        let doc_id = self.active.clone()?;
        let slot = self.workspace.documents.iter_mut().find(|d| d.id == doc_id)?;
        let doc = Rc::make_mut(slot);
        match edit {
            Edit::Insert { span, relations } => {
                doc.insert_span(span.clone()).ok().filter(|inserted| *inserted)?;
                for relation in &relations {
                    doc.insert_relation(relation.clone()).ok()?;
                }
                Some(Edit::Insert { span, relations })
            }
            Edit::Remove { span, .. } => {
                let (span, relations) = doc.remove_span(&span.id)?;
                Some(Edit::Remove { span, relations })
            }
            Edit::Replace { before, after } => {
                let (removed, relations) = doc.remove_span(&before.id)?;
                doc.insert_span(after.clone()).ok()?;
                for relation in relations {
                    doc.insert_relation(relation).ok()?;
                }
                Some(Edit::Replace { before: removed, after })
            }
        }
    }

    fn add_opened(&mut self, opened: Opened) {
        for label in opened.labels {
            if self.workspace.label(&label.id).is_none() {
                self.workspace.labels.push(label);
            }
        }
        let mut first = None;
        for mut doc in opened.documents {
            if self.workspace.document(&doc.id).is_some() || doc.id.is_empty() {
                doc.id = self.workspace.fresh_document_id();
            }
            first.get_or_insert(doc.id.clone());
            self.workspace.documents.push(Rc::new(doc));
        }
        if first.is_some() {
            self.active = first;
            self.selected = None;
            self.alert = None;
        }
    }

    fn new_from_text(&mut self, name: String, text: String) {
        if text.is_empty() {
            self.alert = Some("Could not create a document: the pasted text is empty.".into());
            return;
        }
        let name =
            if name.trim().is_empty() { format!("Pasted text {}", self.workspace.documents.len() + 1) } else { name };
        let doc = Document::new(self.workspace.fresh_document_id(), name, text);
        self.add_opened(Opened { labels: Vec::new(), documents: vec![doc] });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn state_with(text: &str) -> State {
        let doc = Document::new("d1", "t.txt", text);
        State::new(Workspace { documents: vec![Rc::new(doc)], ..Workspace::default() })
    }

    fn tag(state: State, start: usize, end: usize, label: &str) -> State {
        state.reduce(Action::Tag { start, end, label: label.into(), exact: false })
    }

    fn texts(state: &State) -> Vec<(String, String)> {
        let doc = state.active_document().unwrap();
        doc.spans().iter().map(|s| (s.label.to_string(), doc.slice(s.start, s.end).to_string())).collect()
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
        doc.insert_relation(Relation { id: "r1".into(), kind: "said_by".into(), from: "s2".into(), to: "s1".into() })
            .unwrap();
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
    fn a_refused_file_changes_nothing_but_the_alert() {
        let before = tag(state_with("Peskov said"), 0, 6, "actor");
        let after =
            before.clone().reduce(Action::OpenFile { name: "broken.json".into(), bytes: b"{\"format\": [".to_vec() });
        assert!(after.alert.as_deref().is_some_and(|m| m.contains("broken.json")));
        assert_eq!(after.workspace, before.workspace);
        assert_eq!((after.active, after.selected), (before.active, before.selected));
    }

    #[test]
    fn an_opened_file_becomes_a_new_active_document_and_its_export_reopens_identically() {
        let state = tag(state_with("Peskov said"), 0, 6, "actor");
        let json = crate::formats::native::export(&state.workspace.labels, [&**state.active_document().unwrap()]);
        let reopened = state.clone().reduce(Action::OpenFile { name: "t.json".into(), bytes: json.into_bytes() });
        assert_eq!(reopened.workspace.documents.len(), 2);
        assert_eq!(reopened.active.as_deref(), Some("d2"));
        assert_eq!(texts(&reopened), texts(&state));
    }

    #[test]
    fn history_is_per_document() {
        let state = tag(state_with("Peskov said"), 0, 6, "actor")
            .reduce(Action::NewFromText { name: String::new(), text: "Kyiv".into() });
        assert!(!state.can_undo(), "the new document has no history of its own yet");
        let back = state.reduce(Action::SwitchDocument("d1".into()));
        assert!(back.can_undo());
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
}
