//! Undo and redo as a list of changes that each know their inverse, so a step costs the size of
//! one change, never a copy of a document.
//!
//! Each entry belongs to one document (span edits) or to the whole workspace (label-set edits,
//! documents opened or removed). Undo takes the newest entry of the open document or of the
//! workspace, so every document keeps its own history while workspace changes stay undoable
//! from anywhere.
//!
//! Not for: carrying changes out (`apply`); this module only keeps them in order.

use std::rc::Rc;

use serde::{Deserialize, Serialize};

use super::suggestions::Accepted;
use crate::model::{Document, Entity, Label, Relation, RelationType, Span, Status};

/// How many changes are remembered for undo, over all documents.
pub const HISTORY_LIMIT: usize = 5000;

/// How many bytes of undo history are kept with the workspace in browser storage: the newest
/// steps that fit, so a reload or a crash loses no step a person is likely to undo, while a
/// step that holds a whole document (opening or removing one) cannot make every save huge.
pub const STORED_HISTORY_BYTES: usize = 1_000_000;

/// One undoable change to a document's annotations.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub(super) enum Edit {
    /// Adds a span, and relations touching it (when a removal is undone).
    Insert { span: Span, relations: Vec<Relation> },
    /// Removes a span and, as applied, the relations that went with it.
    Remove { span: Span, relations: Vec<Relation> },
    /// Changes a span's label, boundaries or note, keeping its id and relations.
    Replace { before: Span, after: Span },
    /// Removes some relations and adds others (a new speaker replacing the old one).
    Relations { removed: Vec<Relation>, added: Vec<Relation> },
}

/// A span in a document (by id), with the relations that touch it.
pub(super) type PlacedSpan = (Rc<str>, Span, Vec<Relation>);
/// A relation in a document (by id).
pub(super) type PlacedRelation = (Rc<str>, Relation);

/// One undoable change to the workspace as a whole. Larger changes are a [`WorkspaceEdit::Batch`]
/// of these: deleting a label removes its spans then the label; an import adds labels,
/// documents, and the spans and relations it merges into documents already open.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub(super) enum WorkspaceEdit {
    Labels {
        before: Vec<Label>,
        after: Vec<Label>,
    },
    RelationTypes {
        before: Vec<RelationType>,
        after: Vec<RelationType>,
    },
    /// Spans (each with the relations that touch it) removed from or inserted into documents.
    Spans {
        spans: Vec<PlacedSpan>,
        removed: bool,
    },
    /// Relations removed from or inserted into documents whose spans exist.
    Relations {
        relations: Vec<PlacedRelation>,
        removed: bool,
    },
    /// Documents added or removed; `active_before` is where removal (or undoing an add) returns.
    Documents {
        documents: Vec<Rc<Document>>,
        added: bool,
        active_before: Option<Rc<str>>,
    },
    /// A document's name and status.
    Meta {
        document: Rc<str>,
        before: (String, Status),
        after: (String, Status),
    },
    /// Mentions grouped into entities, or taken out, and entities renamed, per document.
    Entities(Vec<EntityChange>),
    /// Several edits as one step, applied in order and undone in reverse.
    Batch(Vec<WorkspaceEdit>),
}

impl WorkspaceEdit {
    fn inverse(self) -> WorkspaceEdit {
        match self {
            WorkspaceEdit::Labels { before, after } => WorkspaceEdit::Labels { before: after, after: before },
            WorkspaceEdit::RelationTypes { before, after } => {
                WorkspaceEdit::RelationTypes { before: after, after: before }
            }
            WorkspaceEdit::Spans { spans, removed } => WorkspaceEdit::Spans { spans, removed: !removed },
            WorkspaceEdit::Relations { relations, removed } => {
                WorkspaceEdit::Relations { relations, removed: !removed }
            }
            WorkspaceEdit::Documents { documents, added, active_before } => {
                WorkspaceEdit::Documents { documents, added: !added, active_before }
            }
            WorkspaceEdit::Meta { document, before, after } => {
                WorkspaceEdit::Meta { document, before: after, after: before }
            }
            WorkspaceEdit::Batch(edits) => WorkspaceEdit::Batch(edits.into_iter().rev().map(Self::inverse).collect()),
            WorkspaceEdit::Entities(changes) => WorkspaceEdit::Entities(
                changes
                    .into_iter()
                    .map(|c| EntityChange {
                        document: c.document,
                        table_before: c.table_after,
                        table_after: c.table_before,
                        spans: c.spans.into_iter().map(|(span, before, after)| (span, after, before)).collect(),
                    })
                    .collect(),
            ),
        }
    }
}

/// A span whose entity changes: (span id, entity before, entity after).
pub(super) type EntityMove = (Rc<str>, Option<Rc<str>>, Option<Rc<str>>);

/// One document's part of an entity edit: its entity table before and after, and each span
/// whose entity changes, with the entity before and after.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub(super) struct EntityChange {
    pub document: Rc<str>,
    pub table_before: Vec<Entity>,
    pub table_after: Vec<Entity>,
    pub spans: Vec<EntityMove>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub(super) enum Change {
    Span(Edit),
    Workspace(WorkspaceEdit),
}

impl Change {
    pub(super) fn inverse(self) -> Change {
        match self {
            Change::Span(Edit::Insert { span, relations }) => Change::Span(Edit::Remove { span, relations }),
            Change::Span(Edit::Remove { span, relations }) => Change::Span(Edit::Insert { span, relations }),
            Change::Span(Edit::Replace { before, after }) => {
                Change::Span(Edit::Replace { before: after, after: before })
            }
            Change::Span(Edit::Relations { removed, added }) => {
                Change::Span(Edit::Relations { removed: added, added: removed })
            }
            Change::Workspace(edit) => Change::Workspace(edit.inverse()),
        }
    }
}

impl WorkspaceEdit {
    /// About how many bytes the documents this edit carries take when written out.
    fn documents_bytes(&self) -> usize {
        match self {
            WorkspaceEdit::Documents { documents, .. } => {
                documents.iter().map(|d| d.text().len() + 64 * d.spans().len()).sum()
            }
            WorkspaceEdit::Batch(edits) => edits.iter().map(Self::documents_bytes).sum(),
            _ => 0,
        }
    }
}

/// A change and the document it belongs to (`None`: the workspace).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub(super) struct Entry {
    pub scope: Option<Rc<str>>,
    pub change: Change,
    /// The suggestions this change accepted, shown again when it is undone. Suggestions last
    /// one visit, so they are not stored with the history.
    #[serde(skip)]
    pub accepted: Option<Rc<Accepted>>,
}

impl Entry {
    fn documents_bytes(&self) -> usize {
        match &self.change {
            Change::Workspace(edit) => edit.documents_bytes(),
            Change::Span(_) => 0,
        }
    }
}

/// Entries are shared (`Rc`): the reducer gets its state from Yew behind a shared pointer,
/// so each edit copies the history, and that copy must cost a pointer per step, not the steps.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
pub(super) struct History {
    undo: Vec<Rc<Entry>>,
    redo: Vec<Rc<Entry>>,
}

impl History {
    /// Records a new change: what could be redone in its scope is gone, as in any editor.
    pub fn record(&mut self, entry: Entry) {
        match &entry.scope {
            None => self.redo.clear(),
            Some(doc) => self.redo.retain(|e| e.scope.as_ref().is_some_and(|s| s != doc)),
        }
        self.push(true, entry);
    }

    /// Puts an applied step back on the undo (`true`) or redo stack, keeping the limit.
    pub fn push(&mut self, undo: bool, entry: Entry) {
        let stack = if undo { &mut self.undo } else { &mut self.redo };
        stack.push(Rc::new(entry));
        if stack.len() > HISTORY_LIMIT {
            stack.remove(0);
        }
    }

    /// Takes the newest undo (`true`) or redo step that the document `active` may apply.
    pub fn take(&mut self, undo: bool, active: Option<&str>) -> Option<Entry> {
        let stack = if undo { &mut self.undo } else { &mut self.redo };
        let at = stack.iter().rposition(|e| e.scope.is_none() || e.scope.as_deref() == active)?;
        Some(Rc::unwrap_or_clone(stack.remove(at)))
    }

    /// The history as kept with the workspace (JSON): of each stack, the newest steps whose
    /// stored form fits in `budget` bytes together, older ones dropped at the first that
    /// does not (a gap would make later undo steps act on a state they were not made in).
    pub fn stored(&self, budget: usize) -> String {
        let mut left = budget;
        let mut newest = |stack: &[Rc<Entry>]| -> Vec<Box<serde_json::value::RawValue>> {
            let mut kept = Vec::new();
            for entry in stack.iter().rev() {
                // Known too big without writing it out (a whole document), which would cost
                // each save as much as the document.
                if entry.documents_bytes() > left {
                    break;
                }
                let Ok(json) = serde_json::value::to_raw_value(entry) else { break };
                if json.get().len() > left {
                    break;
                }
                left -= json.get().len();
                kept.push(json);
            }
            kept.reverse();
            kept
        };
        let undo = newest(&self.undo);
        let redo = newest(&self.redo);
        serde_json::json!({ "undo": undo, "redo": redo }).to_string()
    }

    /// Reads what [`History::stored`] wrote; `None` if it cannot be read.
    pub fn from_stored(stored: &str) -> Option<History> {
        serde_json::from_str(stored).ok()
    }

    /// Drops the steps of document `scope`, in both directions.
    pub fn forget(&mut self, scope: &str) {
        for stack in [&mut self.undo, &mut self.redo] {
            stack.retain(|e| e.scope.as_deref() != Some(scope));
        }
    }

    /// Drops the steps that group mentions into entities, in both directions.
    pub fn forget_entity_steps(&mut self) {
        for stack in [&mut self.undo, &mut self.redo] {
            stack.retain(|e| !matches!(e.change, Change::Workspace(WorkspaceEdit::Entities(_))));
        }
    }

    pub fn can(&self, undo: bool, active: Option<&str>) -> bool {
        let stack = if undo { &self.undo } else { &self.redo };
        stack.iter().any(|e| e.scope.is_none() || e.scope.as_deref() == active)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::formats::storage::{self, Extras};
    use crate::model::Workspace;
    use crate::state::{Action, State};

    fn tagged(count: usize) -> State {
        let text = "Peskov met Zelensky in Geneva. ".repeat(count);
        let doc = Document::new("d1", "a.txt", text);
        let mut state = State::new(Workspace { documents: vec![Rc::new(doc)], ..Workspace::default() });
        for n in 0..count {
            state = state.reduce(Action::Tag { start: n * 31, end: n * 31 + 6, label: "actor".into(), exact: true });
        }
        state
    }

    /// The state as a reload brings it back from what autosave stores.
    fn reloaded(state: &State) -> State {
        let docs = state.workspace.documents.iter().map(|d| &**d);
        let history = state.history_for_storage();
        let extras = Extras { history: Some(&history), ..Extras::default() };
        let stored = storage::save(&state.workspace.labels, &state.workspace.relation_types, docs, extras);
        State::restored(storage::load(&stored).unwrap())
    }

    #[test]
    fn undo_and_redo_survive_a_reload() {
        let state = tagged(3).reduce(Action::Undo);
        let again = reloaded(&state);
        assert_eq!(again.workspace, state.workspace);
        let undone = again.clone().reduce(Action::Undo);
        assert_eq!(undone.active_document().unwrap().spans().len(), 1);
        let redone = again.reduce(Action::Redo).reduce(Action::Redo);
        assert_eq!(redone.active_document().unwrap().spans().len(), 3);
    }

    #[test]
    fn a_removed_document_can_be_brought_back_after_a_reload() {
        let state = tagged(2).reduce(Action::RemoveDocument("d1".into()));
        let back = reloaded(&state).reduce(Action::Undo);
        assert_eq!(back.active_document().unwrap().spans().len(), 2);
    }

    #[test]
    fn the_stored_history_keeps_the_newest_steps_that_fit() {
        let state = tagged(40);
        let everything = state.history.stored(usize::MAX);
        let budget = everything.len() / 2;
        let kept = History::from_stored(&state.history.stored(budget)).unwrap();
        assert!(kept.undo.len() < 40 && kept.undo.len() >= 15, "about half of 40 steps: {}", kept.undo.len());
        assert_eq!(kept.undo[..], state.history.undo[40 - kept.undo.len()..], "the newest, in order");
        assert_eq!(History::from_stored("{broken"), None);
    }
}
