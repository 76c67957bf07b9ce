//! Undo and redo as a list of changes that each know their inverse, so a step costs the size of
//! one change, never a copy of a document.
//!
//! Each entry belongs to one document (span edits) or to the whole workspace (label-set edits,
//! documents opened or removed). Undo takes the newest entry of the open document or of the
//! workspace, so every document keeps its own history while workspace changes stay undoable
//! from anywhere. Applying changes is the state's job; this module only keeps them in order.

use std::rc::Rc;

use crate::model::{Document, Entity, Label, Relation, RelationType, Span, Status};

/// How many changes are remembered for undo, over all documents.
pub const HISTORY_LIMIT: usize = 5000;

/// One undoable change to a document's annotations.
#[derive(Clone, Debug, PartialEq, Eq)]
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
#[derive(Clone, Debug, PartialEq, Eq)]
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
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct EntityChange {
    pub document: Rc<str>,
    pub table_before: Vec<Entity>,
    pub table_after: Vec<Entity>,
    pub spans: Vec<EntityMove>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
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

/// A change and the document it belongs to (`None`: the workspace).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Entry {
    pub scope: Option<Rc<str>>,
    pub change: Change,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
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
