//! What the families' tests share: a state holding one document, tagging in it, and reading
//! back its spans, relations and native export.

use std::rc::Rc;

use super::{Action, State};
use crate::model::{Document, Workspace};

/// A state whose one document, `d1` ("t.txt"), holds `text`.
pub(super) fn state_with(text: &str) -> State {
    let doc = Document::new("d1", "t.txt", text);
    State::new(Workspace { documents: vec![Rc::new(doc)], ..Workspace::default() })
}

/// The action the page dispatches for a pick of these files, every reader run.
pub(super) fn open_files(files: Vec<(String, Vec<u8>)>) -> Action {
    let (opened, errors) = crate::formats::open::open_files(&files);
    Action::FilesOpened { opened, errors }
}

/// Tags `[start, end)` of the open document with `label`, snapped to words.
pub(super) fn tag(state: State, start: usize, end: usize, label: &str) -> State {
    state.reduce(Action::Tag { start, end, label: label.into(), exact: false })
}

/// The open document's spans as (label, text), in reading order.
pub(super) fn texts(state: &State) -> Vec<(String, String)> {
    let doc = state.active_document().unwrap();
    doc.spans().iter().map(|s| (s.label.to_string(), doc.slice(s.start, s.end).to_string())).collect()
}

/// The whole workspace as the native export writes it.
pub(super) fn export_of(state: &State) -> String {
    crate::formats::native::export(
        &state.workspace.labels,
        &state.workspace.relation_types,
        state.workspace.documents.iter().map(|d| &**d),
    )
}

/// The open document's relations as (source text, target text).
pub(super) fn speakers(state: &State) -> Vec<(String, String)> {
    let doc = state.active_document().unwrap();
    let text = |id: &str| doc.span(id).map(|s| doc.slice(s.start, s.end).to_string()).unwrap_or_default();
    doc.relations().iter().map(|r| (text(&r.from), text(&r.to))).collect()
}
