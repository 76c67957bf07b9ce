//! A fact-checker's pass over the figures: a span of any document marked checked, with a note.
//! One undo step each, undoable from whichever document is open (the report that makes them
//! lists every document's figures), and kept with the workspace like any span.
//!
//! Not for: the note of the selected span in the article (`spans`), or building the figures
//! sheet (`crate::reports`).

use std::rc::Rc;

use super::history::WorkspaceEdit;
use crate::model::{Span, Workspace};

/// Mark span `span` of document `document` checked or not, with `note` (empty: none).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Check {
    pub document: Rc<str>,
    pub span: Rc<str>,
    pub checked: bool,
    pub note: String,
}

/// The edit that `check` makes: the span taken out and put back changed, its relations with it;
/// `None` when the span is gone or nothing changes.
pub(super) fn plan(workspace: &Workspace, check: Check) -> Option<WorkspaceEdit> {
    let doc = workspace.document(&check.document)?;
    let before = doc.span(&check.span)?.clone();
    let note = Some(check.note).filter(|n| !n.trim().is_empty());
    let after = Span { checked: check.checked, note, ..before.clone() };
    if after == before {
        return None;
    }
    let relations: Vec<_> =
        doc.relations().iter().filter(|r| r.from == before.id || r.to == before.id).cloned().collect();
    let id = doc.id.clone();
    Some(WorkspaceEdit::Batch(vec![
        WorkspaceEdit::Spans { spans: vec![(id.clone(), before, relations.clone())], removed: true },
        WorkspaceEdit::Spans { spans: vec![(id, after, relations)], removed: false },
    ]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::formats::storage::{self, Extras};
    use crate::state::testing::{state_with, tag};
    use crate::state::{Action, State};

    const TEXT: &str = "Peskov said 1,250 tanks were lost. Kyiv said 300.";

    fn check(document: &str, span: &str, checked: bool, note: &str) -> Action {
        Action::Check(Check { document: document.into(), span: span.into(), checked, note: note.into() })
    }

    /// A quote linked to its speaker, and two figures: s1 Peskov, s2 the quote, s3 "1,250", s4 "300".
    fn figures() -> State {
        let mut state = tag(state_with(TEXT), 0, 6, "actor");
        state = tag(state, 12, 33, "quote").reduce(Action::StartLink("said_by".into())).reduce(Action::PickLink(None));
        tag(tag(state, 12, 17, "figure"), 45, 48, "figure")
    }

    fn span(state: &State, id: &str) -> Span {
        state.workspace.document("d1").unwrap().span(id).unwrap().clone()
    }

    #[test]
    fn a_check_with_its_note_is_one_undo_step_and_keeps_relations() {
        let state = figures();
        assert_eq!(state.workspace.documents[0].relations().len(), 1);
        let checked = state.clone().reduce(check("d1", "s2", true, "Source: ministry"));
        let quote = span(&checked, "s2");
        assert!(quote.checked && quote.note.as_deref() == Some("Source: ministry"));
        assert_eq!(checked.workspace.documents[0].relations(), state.workspace.documents[0].relations());
        let undone = checked.reduce(Action::Undo);
        assert_eq!(undone.workspace, state.workspace);
        let redone = undone.reduce(Action::Redo);
        assert!(span(&redone, "s2").checked);
    }

    #[test]
    fn a_check_is_undoable_from_another_document() {
        let state = figures().reduce(check("d1", "s3", true, ""));
        let elsewhere = state.reduce(Action::NewFromText { name: "b.txt".into(), text: "Other text.".into() });
        let elsewhere = elsewhere.reduce(Action::Undo).reduce(Action::Undo);
        assert_eq!(elsewhere.workspace.documents.len(), 1);
        assert!(!span(&elsewhere, "s3").checked, "the check was a workspace step");
    }

    #[test]
    fn nothing_changed_or_nothing_there_is_no_step() {
        let state = figures();
        let same = state.clone().reduce(check("d1", "s3", false, "  "));
        assert_eq!(same.workspace, state.workspace);
        let undone = same.reduce(Action::Undo);
        assert!(undone.workspace.documents[0].span("s4").is_none(), "undo takes the last tag, not a step of nothing");
        assert_eq!(state.clone().reduce(check("d1", "s9", true, "")).workspace, state.workspace);
        assert_eq!(state.clone().reduce(check("d9", "s3", true, "")).workspace, state.workspace);
    }

    #[test]
    fn checks_and_their_undo_survive_a_reload_and_unchecked_spans_store_as_before() {
        let state = figures().reduce(check("d1", "s4", true, "ok"));
        let docs = state.workspace.documents.iter().map(|d| &**d);
        let history = state.history_for_storage();
        assert!(!history.contains("\"checked\":false"), "unchecked spans carry no key: {history}");
        let extras = Extras { history: Some(&history), ..Extras::default() };
        let stored = storage::save(&state.workspace.labels, &state.workspace.relation_types, docs, extras);
        let again = State::restored(storage::load(&stored).unwrap());
        assert!(span(&again, "s4").checked);
        assert!(!span(&again.reduce(Action::Undo), "s4").checked);
    }
}
