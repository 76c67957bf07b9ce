//! Undo and redo as a list of changes that each know their inverse, so a step costs the size of
//! one change, never a copy of a document.
//!
//! Each entry belongs to one document (span edits) or to the whole workspace (label-set edits,
//! documents opened or removed). Undo takes the newest entry of the open document or of the
//! workspace, so every document keeps its own history while workspace changes stay undoable
//! from anywhere. Applying changes is the state's job; this module only keeps them in order.

use std::rc::Rc;

use crate::model::{Document, Label, Relation, Span};

/// How many changes are remembered for undo, over all documents.
pub const HISTORY_LIMIT: usize = 5000;

/// One undoable change to a document's annotations.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Edit {
    /// Adds a span, and relations touching it (when a removal is undone).
    Insert { span: Span, relations: Vec<Relation> },
    /// Removes a span and, as applied, the relations that went with it.
    Remove { span: Span, relations: Vec<Relation> },
    /// Changes a span's label, boundaries or note, keeping its id and relations.
    Replace { before: Span, after: Span },
}

/// One undoable change to the workspace as a whole.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum WorkspaceEdit {
    /// The label set changes; `spans` (per document) are removed with it when `spans_removed`,
    /// which is how deleting a label takes its spans along, and its undo brings them back.
    Labels { before: Vec<Label>, after: Vec<Label>, spans: Vec<(Rc<str>, Span, Vec<Relation>)>, spans_removed: bool },
    /// Documents are added (`added`) or removed, with the label set before and after.
    Documents {
        documents: Vec<Rc<Document>>,
        added: bool,
        labels_before: Vec<Label>,
        labels_after: Vec<Label>,
        active_before: Option<Rc<str>>,
    },
}

#[derive(Clone, Debug, PartialEq)]
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
            Change::Workspace(WorkspaceEdit::Labels { before, after, spans, spans_removed }) => {
                Change::Workspace(WorkspaceEdit::Labels {
                    before: after,
                    after: before,
                    spans,
                    spans_removed: !spans_removed,
                })
            }
            Change::Workspace(WorkspaceEdit::Documents {
                documents,
                added,
                labels_before,
                labels_after,
                active_before,
            }) => Change::Workspace(WorkspaceEdit::Documents {
                documents,
                added: !added,
                labels_before: labels_after,
                labels_after: labels_before,
                active_before,
            }),
        }
    }
}

/// A change and the document it belongs to (`None`: the workspace).
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Entry {
    pub scope: Option<Rc<str>>,
    pub change: Change,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub(super) struct History {
    undo: Vec<Entry>,
    redo: Vec<Entry>,
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
        stack.push(entry);
        if stack.len() > HISTORY_LIMIT {
            stack.remove(0);
        }
    }

    /// Takes the newest undo (`true`) or redo step that the document `active` may apply.
    pub fn take(&mut self, undo: bool, active: Option<&str>) -> Option<Entry> {
        let stack = if undo { &mut self.undo } else { &mut self.redo };
        let at = stack.iter().rposition(|e| e.scope.is_none() || e.scope.as_deref() == active)?;
        Some(stack.remove(at))
    }

    pub fn can(&self, undo: bool, active: Option<&str>) -> bool {
        let stack = if undo { &self.undo } else { &self.redo };
        stack.iter().any(|e| e.scope.is_none() || e.scope.as_deref() == active)
    }
}
