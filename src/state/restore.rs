//! Putting an earlier version of the workspace back (`formats::versions` keeps them): its
//! documents, labels and relation types replace the workspace's as one undo step, so restoring
//! loses nothing: undo returns to what was there just before.
//!
//! Not for: choosing, storing or reading versions (`formats::versions`, `browser::versions`).

use std::rc::Rc;

use super::history::WorkspaceEdit;
use super::{relation_types, State};
use crate::formats::storage::Restored;
use crate::model::{Document, RejectedSuggestions, Workspace};

/// The edit that makes `workspace` hold what `version` holds: every document there now goes
/// (as it is, so undo brings back later edits too), the label set and relation types become the
/// version's, and the version's documents come in. `None` when it holds exactly that already.
pub(super) fn plan(workspace: &Workspace, active: Option<Rc<str>>, version: &Restored) -> Option<WorkspaceEdit> {
    let mut relation_types = version.relation_types.clone();
    relation_types.extend(relation_types::undeclared(&relation_types, &version.documents));
    let documents: Vec<Rc<Document>> = version.documents.iter().cloned().map(Rc::new).collect();
    if (&workspace.labels, &workspace.relation_types, &workspace.documents)
        == (&version.labels, &relation_types, &documents)
    {
        return None;
    }
    Some(WorkspaceEdit::Batch(vec![
        WorkspaceEdit::Documents {
            documents: workspace.documents.clone(),
            added: false,
            active_before: active.clone(),
        },
        WorkspaceEdit::Labels { before: workspace.labels.clone(), after: version.labels.clone() },
        WorkspaceEdit::RelationTypes { before: workspace.relation_types.clone(), after: relation_types },
        WorkspaceEdit::Documents { documents, added: true, active_before: active },
    ]))
}

/// The rejected suggestions after a restore: the version's, and the workspace's own except
/// where the version puts another text under a document's id (a rejection is of a place in
/// one text). Rejections are not in the undo history; keeping the workspace's means undoing the
/// restore finds them still there.
fn rejections(current: &RejectedSuggestions, workspace: &Workspace, version: &Restored) -> RejectedSuggestions {
    let replaced = |id: &str| {
        let now = workspace.document(id).map(|d| d.text());
        version.documents.iter().any(|d| &*d.id == id && now.is_some_and(|text| text != d.text()))
    };
    let mut merged = version.rejected.clone();
    for (id, triples) in current.iter().filter(|(id, _)| !replaced(id)) {
        merged.entry(id.clone()).or_default().extend(triples.iter().cloned());
    }
    merged
}

impl State {
    /// Replaces the workspace by `version`, one undo step; opens the document it had open.
    pub(super) fn restore_version(&mut self, version: Restored) {
        let Some(edit) = plan(&self.workspace, self.active.clone(), &version) else { return };
        self.rejected = Rc::new(rejections(&self.rejected, &self.workspace, &version));
        self.record_workspace(edit);
        if let Some(active) = version.active.filter(|id| self.workspace.document(id).is_some()) {
            self.active = Some(active.into());
        }
        // A document may be back under the same id with another text: what was shown or asked
        // for on the old one does not apply to it.
        self.clear_suggestions();
        self.suggest_ticket = None;
        if let Some(find) = self.finding.take() {
            self.find(find.query, find.case_sensitive, find.whole_word);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::formats::{native, storage};
    use crate::model::Label;
    use crate::state::{Action, LabelAction};

    /// Two documents, the second with a span.
    fn two_documents() -> State {
        let doc = Document::new("d1", "one.txt", "Kyiv and Paris.");
        State::new(Workspace { documents: vec![Rc::new(doc)], ..Workspace::default() })
            .reduce(Action::NewFromText { name: "two.txt".into(), text: "Peskov spoke in Geneva.".into() })
            .reduce(Action::Tag { start: 0, end: 6, label: "actor".into(), exact: false })
    }

    /// The workspace as a stored version reads back, with `active` open.
    fn version_of(state: &State, active: &str) -> Restored {
        let workspace = &state.workspace;
        let docs = workspace.documents.iter().map(|d| &**d);
        let mut version = storage::load(&native::export(&workspace.labels, &workspace.relation_types, docs)).unwrap();
        version.active = Some(active.into());
        version
    }

    fn names(state: &State) -> Vec<String> {
        state.workspace.documents.iter().map(|d| d.name.clone()).collect()
    }

    #[test]
    fn restoring_brings_a_removed_document_back_with_its_spans_and_undo_returns_to_before() {
        let before_removal = two_documents();
        let version = version_of(&before_removal, "d2");
        let removed = before_removal.clone().reduce(Action::RemoveDocument("d2".into()));
        // A new visit: the undo history is gone, only what was stored is left.
        let visit = State::restored(version_of(&removed, "d1"));
        assert!(!visit.can_undo());
        let restored = visit.clone().reduce(Action::RestoreVersion(version));
        assert_eq!(names(&restored), ["one.txt", "two.txt"]);
        assert_eq!(restored.workspace, before_removal.workspace, "documents, spans, labels and types as they were");
        assert_eq!(restored.active.as_deref(), Some("d2"), "the document the version had open");
        let undone = restored.clone().reduce(Action::Undo);
        assert_eq!((&undone.workspace, undone.can_undo()), (&visit.workspace, false), "one undo step, back to before");
        assert_eq!(undone.reduce(Action::Redo).workspace, restored.workspace);
    }

    #[test]
    fn restoring_puts_back_the_versions_labels_and_relation_types() {
        let state = two_documents();
        let version = version_of(&state, "d1");
        let later = state
            .reduce(Action::Labels(LabelAction::Delete { id: "actor".into() }))
            .reduce(Action::Labels(LabelAction::Add { name: "Source".into(), color: "#123456".into() }));
        let ids = |labels: &[Label]| labels.iter().map(|l| l.id.to_string()).collect::<Vec<_>>();
        assert!(!ids(&later.workspace.labels).contains(&"actor".to_string()));
        let restored = later.clone().reduce(Action::RestoreVersion(version.clone()));
        assert_eq!(ids(&restored.workspace.labels), ids(&version.labels));
        assert_eq!(restored.workspace.relation_types, version.relation_types);
        assert_eq!(restored.workspace.documents[1].spans().len(), 1, "the span the label deletion took is back");
        assert_eq!(restored.reduce(Action::Undo).workspace, later.workspace);
    }

    #[test]
    fn restoring_what_is_there_already_is_no_step() {
        let state = two_documents();
        let version = version_of(&state, "d1");
        let history_before = state.clone().reduce(Action::Undo).workspace;
        let same = state.reduce(Action::RestoreVersion(version));
        assert_eq!(same.reduce(Action::Undo).workspace, history_before, "undo still undoes the tag");
    }

    #[test]
    fn rejections_stay_with_their_text() {
        let state = two_documents();
        let mut version = version_of(&state, "d1");
        version.rejected.entry("d1".into()).or_default().insert((0, 4, "location".into()));
        let mut current = RejectedSuggestions::new();
        current.entry("d1".into()).or_default().insert((9, 14, "location".into()));
        current.entry("d2".into()).or_default().insert((16, 22, "location".into()));
        let kept = rejections(&current, &state.workspace, &version);
        assert_eq!(kept["d1"].len(), 2, "the same text: the version's and the workspace's");
        assert_eq!(kept["d2"].len(), 1);

        version.documents[0] = Document::new("d1", "other.txt", "Another text entirely.");
        let kept = rejections(&current, &state.workspace, &version);
        assert_eq!(kept["d1"], version.rejected["d1"], "another text under d1: only the version's");
    }
}
