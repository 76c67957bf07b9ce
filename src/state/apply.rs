//! Carrying out the undo history's changes: a new edit is applied and recorded as the newest
//! step, undo applies a step's inverse and redo the step again. Every change to what the
//! workspace holds passes through [`State::apply`], which returns the change as it was applied,
//! so its inverse puts back exactly what it took (a removed span's relations, a document as it
//! was when removed).
//!
//! Not for: deciding what an action changes (each family plans its own edits) or keeping the
//! steps in order (`history`).

use std::rc::Rc;

use super::history::{Change, Edit, Entry, PlacedSpan, WorkspaceEdit};
use super::suggestions::Accepted;
use super::State;
use crate::model::merge::merge_items;
use crate::model::{Document, Relation, Span, Status};

impl State {
    /// Applies a new span edit to the active document and makes it the newest undo step of
    /// that document.
    pub(super) fn record_span(&mut self, edit: Edit) {
        self.record(self.active.clone(), Change::Span(edit), None);
    }

    /// Applies a new workspace edit and makes it the newest undo step of every document.
    pub(super) fn record_workspace(&mut self, edit: WorkspaceEdit) {
        self.record(None, Change::Workspace(edit), None);
    }

    /// Records what a family's `plan` made of an action; `None` (nothing to do) is no step.
    pub(super) fn record_planned(&mut self, edit: Option<WorkspaceEdit>) {
        if let Some(edit) = edit {
            self.record_workspace(edit);
        }
    }

    /// Applies a new change of `scope` (`None`: the workspace) and records it, with the
    /// suggestions it `accepted`, as the newest undo step.
    pub(super) fn record(&mut self, scope: Option<Rc<str>>, change: Change, accepted: Option<Accepted>) {
        if let Some(change) = self.apply(change) {
            Rc::make_mut(&mut self.history).record(Entry { scope, change, accepted: accepted.map(Rc::new) });
        }
    }

    /// Undoes (`undo`) or redoes the newest step the open document may take; the span it
    /// touched becomes the selected one, and the suggestions an undone step accepted are shown
    /// again (a redo takes them again, as its spans take their places).
    pub(super) fn step_history(&mut self, undo: bool) {
        let history = Rc::make_mut(&mut self.history);
        let Some(Entry { scope, change, accepted }) = history.take(undo, self.active.as_deref()) else { return };
        let Some(applied) = self.apply(if undo { change.inverse() } else { change }) else { return };
        if let Change::Span(edit) = &applied {
            self.selected = match edit {
                Edit::Insert { span, .. } | Edit::Replace { after: span, .. } => Some(span.id.clone()),
                Edit::Remove { .. } => None,
                Edit::Relations { added, removed } => {
                    added.first().or(removed.first()).map(|r| r.from.clone()).or(self.selected.clone())
                }
            };
        }
        if let Some(accepted) = accepted.as_deref().filter(|_| undo) {
            self.show_again(accepted);
        }
        let change = if undo { applied.inverse() } else { applied };
        Rc::make_mut(&mut self.history).push(!undo, Entry { scope, change, accepted });
    }

    /// Carries out a change; returns it as applied (a removal carries what it took along, so
    /// its inverse restores it), or `None` if it no longer applies.
    fn apply(&mut self, change: Change) -> Option<Change> {
        match change {
            Change::Span(edit) => self.apply_span_edit(edit).map(Change::Span),
            Change::Workspace(edit) => self.apply_workspace_edit(edit).map(Change::Workspace),
        }
    }

    fn apply_span_edit(&mut self, edit: Edit) -> Option<Edit> {
        let doc_id = self.active.clone()?;
        let slot = self.workspace.documents.iter_mut().find(|d| d.id == doc_id)?;
        let doc = Rc::make_mut(slot);
        match edit {
            Edit::Insert { span, relations } => {
                doc.insert_span(span.clone()).ok().filter(|inserted| *inserted)?;
                if doc.status == Status::New {
                    doc.status = Status::InProgress;
                }
                for relation in &relations {
                    doc.insert_relation(relation.clone()).ok()?;
                }
                Some(Edit::Insert { span, relations })
            }
            Edit::Remove { span, .. } => {
                let (span, relations) = doc.remove_span(&span.id)?;
                Some(Edit::Remove { span, relations })
            }
            Edit::Relations { removed, added } => {
                for relation in &removed {
                    doc.remove_relation(&relation.id)?;
                }
                for relation in &added {
                    doc.insert_relation(relation.clone()).ok()?;
                }
                Some(Edit::Relations { removed, added })
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

    fn apply_workspace_edit(&mut self, edit: WorkspaceEdit) -> Option<WorkspaceEdit> {
        let applied = match edit {
            // Only what the step changed: another tab's edits folded in since stay.
            WorkspaceEdit::Labels { before, after } => {
                self.workspace.labels = merge_items(&before, &after, &self.workspace.labels, |l| &l.id);
                WorkspaceEdit::Labels { before, after }
            }
            WorkspaceEdit::RelationTypes { before, after } => {
                self.workspace.relation_types = merge_items(&before, &after, &self.workspace.relation_types, |t| &t.id);
                self.linking = None;
                WorkspaceEdit::RelationTypes { before, after }
            }
            WorkspaceEdit::Spans { spans, removed } => {
                // Per document in one pass: tens of thousands of spans at once are common here.
                let mut applied = Vec::with_capacity(spans.len());
                for (doc_id, group) in by_document(spans) {
                    let doc = self.document_mut(&doc_id)?;
                    if removed {
                        let ids: Vec<Rc<str>> = group.iter().map(|(span, _)| span.id.clone()).collect();
                        let gone = doc.remove_spans(&ids)?;
                        applied.extend(gone.into_iter().map(|(span, relations)| (doc_id.clone(), span, relations)));
                    } else {
                        doc.insert_spans(group.iter().map(|(span, _)| span.clone()).collect()).ok()?;
                        for relation in group.iter().flat_map(|(_, relations)| relations) {
                            doc.insert_relation(relation.clone()).ok()?;
                        }
                        applied.extend(group.into_iter().map(|(span, relations)| (doc_id.clone(), span, relations)));
                    }
                }
                WorkspaceEdit::Spans { spans: applied, removed }
            }
            WorkspaceEdit::Relations { relations, removed } => {
                for (doc_id, relation) in &relations {
                    let doc = self.document_mut(doc_id)?;
                    if removed {
                        doc.remove_relation(&relation.id)?;
                    } else {
                        doc.insert_relation(relation.clone()).ok()?;
                    }
                }
                WorkspaceEdit::Relations { relations, removed }
            }
            WorkspaceEdit::Documents { documents, added, active_before } => {
                let ids: Vec<Rc<str>> = documents.iter().map(|d| d.id.clone()).collect();
                if added {
                    self.workspace.documents.extend(documents.iter().cloned());
                    self.active = ids.first().cloned();
                } else {
                    // Removed as they are now, so undoing the removal keeps later edits.
                    let current: Vec<Rc<Document>> =
                        ids.iter().filter_map(|id| self.workspace.document(id).cloned()).collect();
                    self.workspace.documents.retain(|d| !ids.contains(&d.id));
                    let back = active_before.clone().filter(|id| self.workspace.document(id).is_some());
                    self.active = back.or_else(|| self.workspace.documents.first().map(|d| d.id.clone()));
                    self.selected = None;
                    return Some(WorkspaceEdit::Documents { documents: current, added, active_before });
                }
                self.selected = None;
                WorkspaceEdit::Documents { documents, added, active_before }
            }
            WorkspaceEdit::Meta { document, before, after } => {
                let doc = self.document_mut(&document)?;
                if before.0 != after.0 {
                    doc.name = after.0.clone();
                }
                if before.1 != after.1 {
                    doc.status = after.1;
                }
                WorkspaceEdit::Meta { document, before, after }
            }
            WorkspaceEdit::Entities(changes) => {
                for change in &changes {
                    let assignments: Vec<_> =
                        change.spans.iter().map(|(span, _, after)| (span.clone(), after.clone())).collect();
                    let doc = self.document_mut(&change.document)?;
                    let table = merge_items(&change.table_before, &change.table_after, doc.entity_table(), |e| &e.id);
                    doc.set_entities(table, &assignments).ok()?;
                }
                WorkspaceEdit::Entities(changes)
            }
            WorkspaceEdit::Batch(edits) => {
                let mut applied = Vec::with_capacity(edits.len());
                for edit in edits {
                    applied.push(self.apply_workspace_edit(edit)?);
                }
                WorkspaceEdit::Batch(applied)
            }
        };
        if self.selected.as_deref().is_some_and(|id| self.active_span(id).is_none()) {
            self.selected = None;
        }
        Some(applied)
    }

    fn document_mut(&mut self, id: &str) -> Option<&mut Document> {
        self.workspace.documents.iter_mut().find(|d| &*d.id == id).map(Rc::make_mut)
    }
}

/// A span with the relations that go with it.
type SpanWithRelations = (Span, Vec<Relation>);

/// The spans of an edit grouped by document, documents in the order they first appear.
fn by_document(spans: Vec<PlacedSpan>) -> Vec<(Rc<str>, Vec<SpanWithRelations>)> {
    let mut groups: Vec<(Rc<str>, Vec<SpanWithRelations>)> = Vec::new();
    for (doc_id, span, relations) in spans {
        match groups.iter_mut().find(|(id, _)| *id == doc_id) {
            Some((_, group)) => group.push((span, relations)),
            None => groups.push((doc_id, vec![(span, relations)])),
        }
    }
    groups
}

#[cfg(test)]
mod tests {
    use crate::state::testing::{state_with, tag, texts};
    use crate::state::Action;

    #[test]
    fn five_hundred_steps_undo_and_redo() {
        let mut state = state_with(&"word ".repeat(600));
        for i in 0..500 {
            state = tag(state, i * 5, i * 5 + 4, "figure");
        }
        for _ in 0..500 {
            state = state.reduce(Action::Undo);
        }
        assert!(texts(&state).is_empty());
        for _ in 0..500 {
            state = state.reduce(Action::Redo);
        }
        assert_eq!(texts(&state).len(), 500);
    }

    #[test]
    fn history_is_per_document_and_workspace_steps_are_shared() {
        let state = tag(state_with("Peskov said"), 0, 6, "actor")
            .reduce(Action::NewFromText { name: String::new(), text: "Kyiv and Lviv".into() });
        assert_eq!(state.active.as_deref(), Some("d2"));
        let in_d2 = tag(state, 9, 13, "location").reduce(Action::SwitchDocument("d1".into()));
        let d1_undone = in_d2.clone().reduce(Action::SwitchDocument("d2".into())).reduce(Action::Undo);
        assert!(texts(&d1_undone).is_empty(), "undo in d2 takes d2's own tag");
        let back_in_d1 = d1_undone.reduce(Action::SwitchDocument("d1".into()));
        assert_eq!(texts(&back_in_d1).len(), 1, "d1 keeps its span");
        let creation_undone = back_in_d1.reduce(Action::Undo);
        assert_eq!(creation_undone.workspace.documents.len(), 1, "creating d2 is a workspace step, undoable from d1");
        assert_eq!(texts(&creation_undone).len(), 1);
        let recreated = creation_undone.reduce(Action::Redo);
        assert_eq!(recreated.workspace.documents.len(), 2);
        assert_eq!(recreated.active.as_deref(), Some("d2"));
    }
}
