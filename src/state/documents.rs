//! The workspace's documents: opening files, a new document from pasted text, switching,
//! removing, renaming and marking progress. A file whose text is open already (same sha256)
//! does not open twice: the spans and relations it has that the open document lacks are merged
//! in. Opening, removing, renaming and status are workspace steps of the undo history,
//! undoable from any document; switching is no step.
//!
//! Not for: reading a file's format (`formats::open`, run before the action by the page or
//! the files worker) or reading files in the browser (`browser::files`).

use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use super::history::{PlacedRelation, PlacedSpan, WorkspaceEdit};
use super::{relation_types, State};
use crate::formats::{FileError, Opened};
use crate::model::{add_missing, fresh_id, fresh_ids, Document, Relation, Span, Status, Workspace};

impl State {
    /// Adds what the files of one pick or drop held, as one step; each file that could not be
    /// read, and what a reader left out or repaired, is said in the alert.
    pub(super) fn files_opened(&mut self, opened: Opened, errors: Vec<FileError>) {
        let notes = opened.notes.clone();
        if !opened.documents.is_empty() {
            self.add_opened(opened);
        }
        let messages: Vec<String> = errors.iter().map(ToString::to_string).chain(notes).collect();
        if !messages.is_empty() {
            self.alert = Some(messages.join(" "));
        }
    }

    pub(super) fn new_from_text(&mut self, name: String, text: String) {
        if text.is_empty() {
            self.alert = Some("Could not create a document: the pasted text is empty.".into());
            return;
        }
        let name =
            if name.trim().is_empty() { format!("Pasted text {}", self.workspace.documents.len() + 1) } else { name };
        let doc = Document::new(self.workspace.fresh_document_id(), name, text);
        self.add_opened(Opened::documents(vec![doc]));
    }

    /// Adds what a file held (see [`plan_addition`]) as one step. The first document added is
    /// opened; where spans were merged into an open document and the one open then shows no
    /// span, that document is.
    fn add_opened(&mut self, opened: Opened) {
        let Addition { edit, added, merged_into } = plan_addition(&self.workspace, self.active.clone(), opened);
        // Ids of removed documents are given again; what was rejected there is not this one's.
        if added.iter().any(|id| self.rejected.contains_key(id)) {
            let rejected = Rc::make_mut(&mut self.rejected);
            for id in &added {
                rejected.remove(id);
            }
        }
        self.record_workspace(edit);
        if let Some(doc) = merged_into.filter(|_| self.active_document().is_none_or(|d| d.spans().is_empty())) {
            self.active = Some(doc);
        }
        self.alert = None;
    }

    pub(super) fn switch_to(&mut self, id: Rc<str>) {
        if self.workspace.document(&id).is_some() && self.active.as_ref() != Some(&id) {
            self.active = Some(id);
            self.selected = None;
        }
    }

    pub(super) fn switch_neighbour(&mut self, forward: bool) {
        let documents = &self.workspace.documents;
        let Some(at) = documents.iter().position(|d| Some(&d.id) == self.active.as_ref()) else { return };
        let next = if forward { documents.get(at + 1) } else { at.checked_sub(1).and_then(|i| documents.get(i)) };
        if let Some(id) = next.map(|d| d.id.clone()) {
            self.switch_to(id);
        }
    }

    /// Renames a document; a name of nothing but spaces is refused.
    pub(super) fn rename_document(&mut self, id: &Rc<str>, name: String) {
        let name = name.trim().to_string();
        if !name.is_empty() {
            self.set_meta(id, |(_, status)| (name, status));
        }
    }

    pub(super) fn set_status(&mut self, id: &Rc<str>, status: Status) {
        self.set_meta(id, |(name, _)| (name, status));
    }

    fn set_meta(&mut self, id: &Rc<str>, change: impl FnOnce((String, Status)) -> (String, Status)) {
        let Some(doc) = self.workspace.document(id) else { return };
        let before = (doc.name.clone(), doc.status);
        let after = change(before.clone());
        if after != before {
            self.record_workspace(WorkspaceEdit::Meta { document: id.clone(), before, after });
        }
    }

    pub(super) fn remove_document(&mut self, id: Rc<str>) {
        let Some(doc) = self.workspace.document(&id).cloned() else { return };
        self.record_workspace(WorkspaceEdit::Documents {
            documents: vec![doc],
            added: false,
            active_before: self.active.clone(),
        });
    }
}

/// What adding a file's content to the workspace takes.
struct Addition {
    /// One step: labels and relation types added, documents added, spans and relations merged.
    edit: WorkspaceEdit,
    /// The documents added (not merged into open ones).
    added: Vec<Rc<str>>,
    /// The open document that the first merged span goes into.
    merged_into: Option<Rc<str>>,
}

/// Adds the labels and relation types `opened` uses that `workspace` lacks, and its documents,
/// each with an id of its own. A document whose text is open already (same sha256, so the same
/// text) is not added again: its spans and relations that are new are merged into the open one.
/// `active` is where undoing the addition returns.
fn plan_addition(workspace: &Workspace, active: Option<Rc<str>>, opened: Opened) -> Addition {
    let labels_before = workspace.labels.clone();
    let mut labels_after = labels_before.clone();
    add_missing(&mut labels_after, opened.labels, |l| &l.id);
    let types_before = workspace.relation_types.clone();
    let mut types_after = types_before.clone();
    add_missing(&mut types_after, opened.relation_types, |t| &t.id);
    types_after.extend(relation_types::undeclared(&types_after, &opened.documents));
    let mut documents: Vec<Rc<Document>> = Vec::new();
    let (mut spans, mut relations) = (Vec::new(), Vec::new());
    for mut doc in opened.documents {
        if let Some(open) = workspace.documents.iter().chain(&documents).find(|d| d.text() == doc.text()) {
            let (new_spans, new_relations) = merge_plan(open, &doc, &spans);
            spans.extend(new_spans);
            relations.extend(new_relations);
            continue;
        }
        let mut ids = workspace.documents.iter().chain(&documents).map(|d| &*d.id);
        if doc.id.is_empty() || ids.any(|id| id == &*doc.id) {
            let ids = workspace.documents.iter().chain(&documents).map(|d| &*d.id);
            doc.id = fresh_id("d", ids);
        }
        documents.push(Rc::new(doc));
    }
    let added = documents.iter().map(|d| d.id.clone()).collect();
    let merged_into = spans.first().map(|(doc, _, _): &PlacedSpan| doc.clone());
    let mut batch = vec![
        WorkspaceEdit::Labels { before: labels_before, after: labels_after },
        WorkspaceEdit::RelationTypes { before: types_before, after: types_after },
    ];
    if !documents.is_empty() {
        batch.push(WorkspaceEdit::Documents { documents, added: true, active_before: active });
    }
    batch.push(WorkspaceEdit::Spans { spans, removed: false });
    batch.push(WorkspaceEdit::Relations { relations, removed: false });
    Addition { edit: WorkspaceEdit::Batch(batch), added, merged_into }
}

/// The spans of `incoming` that `open` (the same text) lacks, with fresh ids, and the relations
/// of `incoming` between spans that then exist, renamed to match. `pending` are spans already
/// planned for `open` by this import (a file may hold the same text twice). One pass over each
/// list: an export of ten thousand spans merges into its own document as fast as it opens.
fn merge_plan(open: &Document, incoming: &Document, pending: &[PlacedSpan]) -> (Vec<PlacedSpan>, Vec<PlacedRelation>) {
    let planned: Vec<&Span> = pending.iter().filter(|(doc, _, _)| *doc == open.id).map(|(_, s, _)| s).collect();
    let present = || open.spans().iter().chain(planned.iter().copied());
    let mut existing: HashMap<(usize, usize, &str), Rc<str>> = HashMap::new();
    for span in present() {
        existing.entry((span.start, span.end, &*span.label)).or_insert_with(|| span.id.clone());
    }
    let mut ids = fresh_ids("s", present().map(|s| &*s.id));
    let mut renamed: HashMap<Rc<str>, Rc<str>> = HashMap::new();
    let mut spans = Vec::new();
    for span in incoming.spans() {
        let id = match existing.get(&(span.start, span.end, &*span.label)) {
            Some(id) => id.clone(),
            None => {
                let id = ids.next().expect("fresh ids never run out");
                spans.push((open.id.clone(), Span { id: id.clone(), entity: None, ..span.clone() }, Vec::new()));
                id
            }
        };
        renamed.insert(span.id.clone(), id);
    }
    let linked: HashSet<(&str, &str, &str)> = open.relations().iter().map(|r| (&*r.kind, &*r.from, &*r.to)).collect();
    let mut relation_ids = fresh_ids("r", open.relations().iter().map(|r| &*r.id));
    let mut relations = Vec::new();
    for relation in incoming.relations() {
        let (Some(from), Some(to)) = (renamed.get(&relation.from), renamed.get(&relation.to)) else { continue };
        if !linked.contains(&(&*relation.kind, &**from, &**to)) {
            let id = relation_ids.next().expect("fresh ids never run out");
            relations.push((
                open.id.clone(),
                Relation {
                    id,
                    from: from.clone(),
                    to: to.clone(),
                    kind: relation.kind.clone(),
                    annotator: relation.annotator.clone(),
                },
            ));
        }
    }
    (spans, relations)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::testing::{export_of, open_files, state_with, tag, texts};
    use crate::state::Action;

    #[test]
    fn a_refused_file_changes_nothing_but_the_alert() {
        let before = tag(state_with("Peskov said"), 0, 6, "actor");
        let after = before.clone().reduce(open_files(vec![("broken.json".into(), b"{\"format\": [".to_vec())]));
        assert!(after.alert.as_deref().is_some_and(|m| m.contains("broken.json")));
        assert_eq!(after.workspace, before.workspace);
        assert_eq!((after.active, after.selected), (before.active, before.selected));
    }

    #[test]
    fn an_export_reopens_as_the_identical_document() {
        let state = tag(state_with("Peskov said"), 0, 6, "actor");
        let json = crate::formats::native::export(
            &state.workspace.labels,
            &state.workspace.relation_types,
            [&**state.active_document().unwrap()],
        );
        let removed = state.clone().reduce(Action::RemoveDocument("d1".into()));
        assert!(removed.workspace.documents.is_empty());
        let reopened = removed.reduce(open_files(vec![("t.json".into(), json.into_bytes())]));
        assert_eq!(reopened.workspace.documents.len(), 1);
        assert_eq!(reopened.active.as_deref(), Some("d1"));
        assert_eq!(texts(&reopened), texts(&state));
        assert_eq!(reopened.workspace, state.workspace);
    }

    #[test]
    fn removing_a_document_is_undoable_and_keeps_its_history() {
        let state = tag(state_with("Peskov said"), 0, 6, "actor")
            .reduce(Action::NewFromText { name: "two.txt".into(), text: "Kyiv".into() })
            .reduce(Action::SwitchDocument("d1".into()))
            .reduce(Action::RemoveDocument("d1".into()));
        assert_eq!(state.workspace.documents.len(), 1);
        assert_eq!(state.active.as_deref(), Some("d2"));
        let restored = state.reduce(Action::Undo);
        assert_eq!(restored.workspace.documents.len(), 2);
        assert_eq!(restored.active.as_deref(), Some("d1"));
        let creation_undone = restored.reduce(Action::Undo);
        assert_eq!(creation_undone.workspace.documents.len(), 1, "then the creation of d2");
        assert!(texts(&creation_undone.reduce(Action::Undo)).is_empty(), "d1's span edit is still undoable");
    }

    #[test]
    fn opening_the_same_text_again_merges_new_spans_and_relations_once() {
        let mut state = tag(tag(state_with("Peskov said hello"), 0, 6, "actor"), 12, 17, "quote");
        let doc = Rc::make_mut(&mut state.workspace.documents[0]);
        doc.insert_relation(Relation::new("r1", "said_by", "s2", "s1")).unwrap();
        let mut other = Document::new("d7", "copy.txt", "Peskov said hello");
        for (id, start, end, label) in [("a", 0, 6, "actor"), ("b", 12, 17, "quote"), ("c", 7, 11, "figure")] {
            other.insert_span(Span::new(id, start, end, label)).unwrap();
        }
        other.insert_relation(Relation::new("x", "said_by", "b", "a")).unwrap();
        other.insert_relation(Relation::new("y", "about", "c", "a")).unwrap();
        let json = crate::formats::native::export(&state.workspace.labels, &state.workspace.relation_types, [&other]);
        let before = export_of(&state);
        let merged = state.reduce(open_files(vec![("copy.json".into(), json.clone().into_bytes())]));
        assert_eq!(merged.workspace.documents.len(), 1, "same sha256: merged, not added");
        let doc = merged.active_document().unwrap();
        assert_eq!(doc.spans().len(), 3, "identical spans once, the new one added");
        assert_eq!(doc.relations().len(), 2, "the identical relation once, the new one renamed");
        let again = merged.clone().reduce(open_files(vec![("copy.json".into(), json.into_bytes())]));
        assert_eq!(export_of(&again), export_of(&merged), "merging twice changes nothing more");
        assert_eq!(export_of(&merged.reduce(Action::Undo)), before, "the merge is one undo step");
    }

    #[test]
    fn a_large_export_merges_into_its_open_document_span_for_span() {
        let text = "word ".repeat(3000);
        let mut open = Document::new("d1", "t.txt", text.as_str());
        let mut copy = Document::new("d9", "copy.txt", text.as_str());
        for n in 0..3000 {
            let (start, end) = (n * 5, n * 5 + 4);
            if n % 2 == 0 {
                open.insert_span(Span::new(format!("s{}", n + 1), start, end, "actor")).unwrap();
            }
            copy.insert_span(Span::new(format!("c{n}"), start, end, "actor")).unwrap();
            if n > 0 {
                copy.insert_relation(Relation::new(format!("x{n}"), "about", format!("c{n}"), "c0")).unwrap();
            }
        }
        let state = State::new(Workspace { documents: vec![Rc::new(open)], ..Workspace::default() });
        let json = crate::formats::native::export(&state.workspace.labels, &state.workspace.relation_types, [&copy]);
        let merged = state.reduce(open_files(vec![("copy.json".into(), json.into_bytes())]));
        let doc = merged.active_document().unwrap();
        assert_eq!(doc.spans().len(), 3000, "the 1,500 spans it had once, the 1,500 it lacked added");
        assert_eq!(doc.relations().len(), 2999);
        let ids: HashSet<&str> = doc.spans().iter().map(|s| &*s.id).collect();
        assert_eq!(ids.len(), 3000, "every added span has an id of its own");
        let first = doc.span("s1").unwrap();
        assert!(doc.relations().iter().all(|r| r.to == first.id), "links point at the span that was there");
    }

    #[test]
    fn rename_and_status_are_undoable_and_tagging_starts_progress() {
        let state = state_with("Peskov said");
        assert_eq!(state.active_document().unwrap().status, Status::New);
        let tagged = tag(state, 0, 6, "actor");
        assert_eq!(tagged.active_document().unwrap().status, Status::InProgress);
        let done = tagged
            .reduce(Action::SetStatus { id: "d1".into(), status: Status::Done })
            .reduce(Action::RenameDocument { id: "d1".into(), name: " Peskov interview ".into() });
        let doc = done.active_document().unwrap();
        assert_eq!((doc.name.as_str(), doc.status), ("Peskov interview", Status::Done));
        let undone = done.reduce(Action::Undo).reduce(Action::Undo);
        let doc = undone.active_document().unwrap();
        assert_eq!((doc.name.as_str(), doc.status), ("t.txt", Status::InProgress));
        let unchanged = undone.clone().reduce(Action::RenameDocument { id: "d1".into(), name: "  ".into() });
        assert_eq!(unchanged.workspace, undone.workspace, "an empty name is refused");
    }

    #[test]
    fn every_refused_file_leaves_the_workspace_byte_for_byte_as_it_was() {
        let state = tag(state_with("Peskov said hello"), 0, 6, "actor");
        let good = crate::formats::native::export(
            &state.workspace.labels,
            &state.workspace.relation_types,
            [&**state.active_document().unwrap()],
        );
        let edited = |from: &str, to: &str| good.replacen(from, to, 1).into_bytes();
        let huge = vec![b'a'; crate::formats::plain::MAX_FILE_BYTES + 1];
        let bad: Vec<(&str, Vec<u8>, &str)> = vec![
            ("image.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec(), "binary"),
            ("latin1.txt", b"caf\xe9".to_vec(), "UTF-8"),
            ("empty.txt", Vec::new(), "empty"),
            ("huge.txt", huge, "MB"),
            ("cut.json", good.as_bytes()[..good.len() / 2].to_vec(), "line"),
            ("range.json", edited("\"end\": 6", "\"end\": 99"), "outside the text"),
            ("sha.json", edited("\"sha256\": \"", "\"sha256\": \"00"), "sha256"),
            ("tool.json", br#"{"format": "label-studio", "documents": []}"#.to_vec(), "label-studio"),
            ("future.json", edited("\"version\": 1", "\"version\": 9"), "newer version"),
            ("text.json", edited("\"text\": \"Peskov\"", "\"text\": \"Putin\""), "Putin"),
        ];
        let before = export_of(&state);
        for (name, bytes, reason) in bad {
            let after = state.clone().reduce(open_files(vec![(name.into(), bytes)]));
            let alert = after.alert.clone().unwrap_or_default();
            assert!(alert.contains(name) && alert.contains(reason), "{name}: {alert}");
            assert_eq!(export_of(&after), before, "{name} changed the workspace");
            assert_eq!((&after.active, &after.selected), (&state.active, &state.selected));
            assert_eq!(after.can_undo(), state.can_undo());
        }
    }

    #[test]
    fn a_drop_of_several_files_adds_the_good_ones_as_one_step_and_names_the_bad_ones() {
        let state = state_with("Peskov said");
        let files = vec![
            ("one.txt".to_string(), b"Kyiv".to_vec()),
            ("bad.png".to_string(), b"\x89PNG\0".to_vec()),
            ("two.md".to_string(), b"Odesa".to_vec()),
        ];
        let opened = state.reduce(open_files(files));
        let names: Vec<&str> = opened.workspace.documents.iter().map(|d| d.name.as_str()).collect();
        assert_eq!(names, ["t.txt", "one.txt", "two.md"]);
        assert!(opened.alert.as_deref().is_some_and(|a| a.contains("bad.png") && !a.contains("one.txt")));
        assert_eq!(opened.reduce(Action::Undo).workspace.documents.len(), 1, "one undo step for the drop");
    }
}
