//! Every change to what is on screen goes through [`State::reduce`]: one [`Action`] in, the next
//! state out. Undo lives in [`history`]; label-set editing in [`labels`].
//!
//! Pure: no DOM, no Yew. The component layer wraps this in `use_reducer`; the browser layer
//! turns keys, selections and files into actions.

mod entities;
mod find;
mod history;
mod labels;
mod linking;
mod relation_types;
mod restore;
mod suggestions;
mod sync;

use std::rc::Rc;

use crate::formats::open::open_files;
use crate::formats::storage::Restored;
use crate::formats::Opened;
use crate::model::{
    add_missing, fresh_id, leading_article, Document, RejectedSuggestions, Relation, Span, SpanEdge, Status, Workspace,
};
pub use entities::{proposals, EntityAction, Proposal, ENTITY_LABELS};
pub use find::Find;
use history::{Change, Edit, Entry, History, PlacedRelation, PlacedSpan, WorkspaceEdit};
pub use history::{HISTORY_LIMIT, STORED_HISTORY_BYTES};
pub use labels::{LabelAction, PALETTE};
pub use linking::{links_in_words, relation_name, Linking};
pub use relation_types::RelationTypeAction;
pub use suggestions::{count_by_label, id_of_element, Shown, Ticket};
pub use sync::{opening, SyncAction, Synced};

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
    /// Set one edge of the selected span (a drag handle), snapped to the nearest word edge.
    MoveSelectedEdge {
        edge: SpanEdge,
        to: usize,
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
    /// Start linking the selected span by relation type `kind` (`s`: speaker of a quote).
    StartLink(Rc<str>),
    /// Move the linking cursor to the next (or previous) candidate.
    MoveLinkCursor {
        forward: bool,
    },
    /// Link to the candidate under the cursor, or (`Some(n)`) to the n-th candidate (0-based).
    PickLink(Option<usize>),
    CancelLink,
    RemoveRelation(Rc<str>),
    /// Ask for suggestions on the open document (answered by `SuggestionsArrived`).
    Suggest,
    /// The suggester's reply; shown if it answers the pending request.
    SuggestionsArrived(crate::suggest::job::Reply),
    /// The suggester could not answer (it did not start, or stopped): the request ends.
    SuggestionsFailed(String),
    /// Accept the suggestion `id` (or the one under the cursor) as a span, one undo step.
    AcceptSuggestion(Option<u32>),
    /// Reject the suggestion `id` (or the one under the cursor): it does not come back here.
    RejectSuggestion(Option<u32>),
    /// Accept every suggestion shown (of one label, if given) as one undo step.
    AcceptAllSuggestions(Option<Rc<str>>),
    ClearSuggestions,
    MoveSuggestionCursor {
        forward: bool,
    },
    /// Put the cursor on a suggestion (a click on it).
    FocusSuggestion(u32),
    /// Whether opening or switching to a document runs the suggester.
    SetSuggestOnOpen(bool),
    /// Open the find bar, or search again with these settings.
    Find {
        query: String,
        case_sensitive: bool,
        whole_word: bool,
    },
    CloseFind,
    /// Tag every match of the find bar with this label, one undo step.
    TagAllMatches(Rc<str>),
    /// Group mentions into entities, take one out, rename or merge entities (one undo step each).
    Entities(EntityAction),
    /// Add, rename, recolour, rekey, move or delete a label (one undo step each).
    Labels(LabelAction),
    /// Add, rename, rekey or delete a relation type (one undo step each).
    RelationTypes(RelationTypeAction),
    Undo,
    Redo,
    /// The files of one pick or drop, as `(name, bytes)`: all that can be read is added as one
    /// undo step; each file that cannot is named in the alert and leaves nothing behind.
    OpenFiles(Vec<(String, Vec<u8>)>),
    NewFromText {
        name: String,
        text: String,
    },
    SwitchDocument(Rc<str>),
    /// Open the next (or previous) document of the list.
    SwitchNeighbour {
        forward: bool,
    },
    RemoveDocument(Rc<str>),
    RenameDocument {
        id: Rc<str>,
        name: String,
    },
    SetStatus {
        id: Rc<str>,
        status: Status,
    },
    ShowAlert(String),
    DismissAlert,
    ToggleHelp,
    /// Saving to browser storage failed (quota, private mode): warn until a save succeeds.
    StorageFailed(String),
    StorageSaved,
    /// The stored workspace this tab shares with the app's other tabs changed.
    Sync(SyncAction),
    /// Panics: the end-to-end tests check what a crash leaves behind. Debug builds only.
    #[cfg(debug_assertions)]
    ForcePanic,
    /// Replace the workspace by an earlier version of it (see `formats::versions`), one undo step.
    RestoreVersion(Restored),
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
    /// Picking the target of a new relation from the selected span.
    pub linking: Option<Linking>,
    /// Suggestions shown on the open document, and the one under the cursor.
    pub suggestions: Rc<[Shown]>,
    pub suggestion_cursor: usize,
    /// Run the suggester whenever a document is opened or switched to.
    pub suggest_on_open: bool,
    /// Suggestions asked for and not yet answered (the suggester runs in a worker).
    pub suggest_ticket: Option<Ticket>,
    tickets_issued: u32,
    /// The find bar, when open.
    pub finding: Option<Find>,
    rejected: Rc<RejectedSuggestions>,
    /// Why the last save to browser storage failed; the work is not safe until it clears.
    pub storage_warning: Option<String>,
    history: Rc<History>,
    /// The stored workspace this state builds on, shared with the app's other tabs.
    synced: Rc<Synced>,
}

impl State {
    pub fn new(workspace: Workspace) -> Self {
        let active = workspace.documents.first().map(|d| d.id.clone());
        Self {
            workspace,
            active,
            selected: None,
            alert: None,
            help_open: false,
            linking: None,
            suggestions: Rc::default(),
            suggestion_cursor: 0,
            suggest_on_open: false,
            suggest_ticket: None,
            tickets_issued: 0,
            finding: None,
            rejected: Rc::default(),
            storage_warning: None,
            history: Rc::default(),
            synced: Rc::default(),
        }
    }

    /// The state a stored workspace comes back as (see `formats::storage`).
    pub fn restored(restored: Restored) -> Self {
        let mut relation_types = restored.relation_types;
        relation_types.extend(relation_types::undeclared(&relation_types, &restored.documents));
        let documents = restored.documents.into_iter().map(Rc::new).collect();
        let mut state = Self::new(Workspace { labels: restored.labels, relation_types, documents });
        if let Some(active) = restored.active {
            state.active = Some(active.into());
        }
        state.rejected = Rc::new(restored.rejected);
        if let Some(history) = restored.history.as_deref().and_then(History::from_stored) {
            state.history = Rc::new(history);
        }
        state.synced = Rc::new(Synced { revision: restored.revision, workspace: state.workspace.clone() });
        state
    }

    /// The newest undo and redo steps, as kept with the workspace (see `formats::storage`).
    pub fn history_for_storage(&self) -> String {
        self.history.stored(STORED_HISTORY_BYTES)
    }

    /// The suggestions rejected so far, per document: stored with the workspace.
    pub fn rejected_suggestions(&self) -> &Rc<RejectedSuggestions> {
        &self.rejected
    }

    pub fn active_document(&self) -> Option<&Rc<Document>> {
        self.workspace.document(self.active.as_deref()?)
    }

    pub fn can_undo(&self) -> bool {
        self.history.can(true, self.active.as_deref())
    }

    pub fn can_redo(&self) -> bool {
        self.history.can(false, self.active.as_deref())
    }

    pub fn reduce(mut self, action: Action) -> Self {
        // Linking lasts while the picker is in use; anything else ends it.
        let picking = matches!(
            action,
            Action::StartLink(_) | Action::MoveLinkCursor { .. } | Action::PickLink(_) | Action::SelectCycle(_)
        );
        if !picking {
            self.linking = None;
        }
        let document_before = self.active_document().cloned();
        self.apply_action(action);
        self.follow_document(document_before);
        self
    }

    /// Suggestions belong to the document they were made for: another document clears them
    /// (and, with suggest-on-open, makes new ones); a span made where one was takes its place.
    fn follow_document(&mut self, before: Option<Rc<Document>>) {
        let now = self.active_document().cloned();
        if now.as_ref().map(|d| &d.id) != before.as_ref().map(|d| &d.id) {
            self.suggestions = Rc::default();
            self.suggest_ticket = None;
            if let Some(find) = self.finding.take() {
                self.find(find.query, find.case_sensitive, find.whole_word);
            }
            if self.suggest_on_open {
                self.request_suggestions();
            }
        } else if let (Some(now), Some(before)) = (now, before) {
            // The spans' order answers by binary search; and an edit that takes no suggestion's
            // place keeps the list itself, so nothing that shows suggestions renders again.
            let taken = |s: &Shown| now.has_span_over(s.start, s.end);
            if !Rc::ptr_eq(&now, &before) && self.suggestions.iter().any(taken) {
                let kept: Vec<Shown> = self.suggestions.iter().filter(|s| !taken(s)).cloned().collect();
                self.suggestions = kept.into();
                self.suggestion_cursor = self.suggestion_cursor.min(self.suggestions.len().saturating_sub(1));
            }
        }
    }

    fn apply_action(&mut self, action: Action) {
        match action {
            Action::Tag { start, end, label, exact } => self.tag(start, end, label, exact),
            Action::RelabelSelected(label) => self.relabel_selected(label),
            Action::ResizeSelected { edge, forward } => self.resize_selected(edge, forward),
            Action::MoveSelectedEdge { edge, to } => self.move_selected_edge(edge, to),
            Action::SetNote { span, note } => self.set_note(&span, note),
            Action::Select(id) => self.selected = id.filter(|id| self.active_span(id).is_some()),
            Action::SelectCycle(stack) => self.select_cycle(stack),
            Action::SelectNeighbour { forward } => self.select_neighbour(forward),
            Action::DeleteSelected => self.delete_selected(),
            Action::StartLink(kind) => self.linking = Linking::start(self, &kind),
            Action::MoveLinkCursor { forward } => {
                if let Some(linking) = &mut self.linking {
                    linking.move_cursor(forward);
                }
            }
            Action::PickLink(nth) => {
                let target = self.linking.as_ref().and_then(|l| l.candidate(nth)).cloned();
                if let Some(target) = target {
                    self.link_to(&target);
                }
            }
            Action::CancelLink => self.linking = None,
            Action::RemoveRelation(id) => {
                let relation = self.active_document().and_then(|d| d.relations().iter().find(|r| r.id == id)).cloned();
                if let Some(relation) = relation {
                    self.record_span(Edit::Relations { removed: vec![relation], added: Vec::new() });
                }
            }
            Action::Entities(action) => self.entities(action),
            Action::Suggest => self.request_suggestions(),
            Action::SuggestionsArrived(reply) => self.receive_suggestions(reply),
            Action::SuggestionsFailed(reason) => {
                if self.suggest_ticket.take().is_some() {
                    self.alert = Some(format!("Suggestions failed: {reason}."));
                }
            }
            Action::AcceptSuggestion(id) => self.accept_suggestion(id),
            Action::RejectSuggestion(id) => self.reject_suggestion(id),
            Action::AcceptAllSuggestions(label) => self.accept_all_suggestions(label.as_deref()),
            Action::ClearSuggestions => self.suggestions = Rc::default(),
            Action::MoveSuggestionCursor { forward } => self.move_suggestion_cursor(forward),
            Action::FocusSuggestion(id) => self.focus_suggestion(id),
            Action::SetSuggestOnOpen(on) => self.suggest_on_open = on,
            Action::Find { query, case_sensitive, whole_word } => self.find(query, case_sensitive, whole_word),
            Action::CloseFind => self.finding = None,
            Action::TagAllMatches(label) => self.tag_all_matches(label),
            Action::Labels(action) => {
                if let Some(edit) = labels::plan(&self.workspace, action) {
                    self.record_workspace(edit);
                }
            }
            Action::RelationTypes(action) => {
                if let Some(edit) = relation_types::plan(&self.workspace, action) {
                    self.record_workspace(edit);
                }
            }
            Action::Undo => self.step_history(true),
            Action::Redo => self.step_history(false),
            Action::OpenFiles(files) => {
                let (opened, errors) = open_files(&files);
                let notes = opened.notes.clone();
                if !opened.documents.is_empty() {
                    self.add_opened(opened);
                }
                let messages: Vec<String> = errors.iter().map(ToString::to_string).chain(notes).collect();
                if !messages.is_empty() {
                    self.alert = Some(messages.join(" "));
                }
            }
            Action::NewFromText { name, text } => self.new_from_text(name, text),
            Action::SwitchDocument(id) => self.switch_to(id),
            Action::SwitchNeighbour { forward } => self.switch_neighbour(forward),
            Action::RemoveDocument(id) => self.remove_document(id),
            Action::RenameDocument { id, name } => {
                let name = name.trim().to_string();
                if !name.is_empty() {
                    self.set_meta(&id, |(_, status)| (name, status));
                }
            }
            Action::SetStatus { id, status } => self.set_meta(&id, |(name, _)| (name, status)),
            Action::ShowAlert(message) => self.alert = Some(message),
            Action::DismissAlert => self.alert = None,
            Action::ToggleHelp => self.help_open = !self.help_open,
            Action::StorageFailed(reason) => self.storage_warning = Some(reason),
            Action::StorageSaved => self.storage_warning = None,
            Action::RestoreVersion(version) => self.restore_version(version),
            Action::Sync(action) => self.sync(action),
            #[cfg(debug_assertions)]
            Action::ForcePanic => panic!("forced panic for tests"),
        }
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
            doc.snap(start, end, leading_article(&label))
        };
        let Some((start, end)) = range else { return };
        if let Some(existing) = doc.spans().iter().find(|s| (s.start, s.end, &s.label) == (start, end, &label)) {
            self.selected = Some(existing.id.clone());
            return;
        }
        let span = Span::new(doc.fresh_span_id(), start, end, label);
        self.selected = Some(span.id.clone());
        self.record_span(Edit::Insert { span, relations: Vec::new() });
    }

    fn select_cycle(&mut self, stack: Vec<Rc<str>>) {
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

    fn delete_selected(&mut self) {
        let Some(span) = self.selected.as_deref().and_then(|id| self.active_span(id)).cloned() else { return };
        self.selected = None;
        self.record_span(Edit::Remove { span, relations: Vec::new() });
    }

    fn move_selected_edge(&mut self, edge: SpanEdge, to: usize) {
        let Some(doc) = self.active_document().cloned() else { return };
        self.replace_selected(|span| {
            let snapped = doc.nearest_word_edge(to, edge);
            match edge {
                SpanEdge::Start if snapped < span.end => Span { start: snapped, ..span.clone() },
                SpanEdge::End if snapped > span.start => Span { end: snapped, ..span.clone() },
                _ => span.clone(),
            }
        });
    }

    /// Applies a new span edit to the active document and makes it the newest undo step.
    fn record_span(&mut self, edit: Edit) {
        self.record(self.active.clone(), Change::Span(edit));
    }

    fn record_workspace(&mut self, edit: WorkspaceEdit) {
        self.record(None, Change::Workspace(edit));
    }

    fn record(&mut self, scope: Option<Rc<str>>, change: Change) {
        if let Some(change) = self.apply(change) {
            Rc::make_mut(&mut self.history).record(Entry { scope, change });
        }
    }

    fn step_history(&mut self, undo: bool) {
        let history = Rc::make_mut(&mut self.history);
        let Some(Entry { scope, change }) = history.take(undo, self.active.as_deref()) else { return };
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
        let change = if undo { applied.inverse() } else { applied };
        Rc::make_mut(&mut self.history).push(!undo, Entry { scope, change });
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
            WorkspaceEdit::Labels { before, after } => {
                self.workspace.labels = after.clone();
                WorkspaceEdit::Labels { before, after }
            }
            WorkspaceEdit::RelationTypes { before, after } => {
                self.workspace.relation_types = after.clone();
                self.linking = None;
                WorkspaceEdit::RelationTypes { before, after }
            }
            WorkspaceEdit::Spans { spans, removed } => {
                let mut applied = Vec::with_capacity(spans.len());
                for (doc_id, span, relations) in spans {
                    let doc = self.document_mut(&doc_id)?;
                    if removed {
                        let (span, relations) = doc.remove_span(&span.id)?;
                        applied.push((doc_id, span, relations));
                    } else {
                        doc.insert_span(span.clone()).ok()?;
                        for relation in &relations {
                            doc.insert_relation(relation.clone()).ok()?;
                        }
                        applied.push((doc_id, span, relations));
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
                (doc.name, doc.status) = after.clone();
                WorkspaceEdit::Meta { document, before, after }
            }
            WorkspaceEdit::Entities(changes) => {
                for change in &changes {
                    let assignments: Vec<_> =
                        change.spans.iter().map(|(span, _, after)| (span.clone(), after.clone())).collect();
                    self.document_mut(&change.document)?.set_entities(change.table_after.clone(), &assignments).ok()?;
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

    /// Adds what a file held. A document whose text is already open (same sha256, so the same
    /// text) is not added again: its spans and relations that are new are merged into the
    /// open one. Labels and relation types it uses that are missing are added. All of it is one
    /// undo step.
    fn add_opened(&mut self, opened: Opened) {
        let labels_before = self.workspace.labels.clone();
        let mut labels_after = labels_before.clone();
        add_missing(&mut labels_after, opened.labels, |l| &l.id);
        let types_before = self.workspace.relation_types.clone();
        let mut types_after = types_before.clone();
        add_missing(&mut types_after, opened.relation_types, |t| &t.id);
        types_after.extend(relation_types::undeclared(&types_after, &opened.documents));
        let mut documents: Vec<Rc<Document>> = Vec::new();
        let (mut spans, mut relations) = (Vec::new(), Vec::new());
        for mut doc in opened.documents {
            if let Some(open) = self.workspace.documents.iter().chain(&documents).find(|d| d.text() == doc.text()) {
                let (new_spans, new_relations) = merge_plan(open, &doc, &spans);
                spans.extend(new_spans);
                relations.extend(new_relations);
                continue;
            }
            let mut ids = self.workspace.documents.iter().chain(&documents).map(|d| &*d.id);
            if doc.id.is_empty() || ids.any(|id| id == &*doc.id) {
                let ids = self.workspace.documents.iter().chain(&documents).map(|d| &*d.id);
                doc.id = fresh_id("d", ids);
            }
            documents.push(Rc::new(doc));
        }
        let mut batch = vec![
            WorkspaceEdit::Labels { before: labels_before, after: labels_after },
            WorkspaceEdit::RelationTypes { before: types_before, after: types_after },
        ];
        // Ids of removed documents are given again; what was rejected there is not this one's.
        if documents.iter().any(|d| self.rejected.contains_key(&d.id)) {
            let rejected = Rc::make_mut(&mut self.rejected);
            for doc in &documents {
                rejected.remove(&doc.id);
            }
        }
        let merged_into = spans.first().map(|(doc, _, _): &PlacedSpan| doc.clone());
        if !documents.is_empty() {
            batch.push(WorkspaceEdit::Documents { documents, added: true, active_before: self.active.clone() });
        }
        batch.push(WorkspaceEdit::Spans { spans, removed: false });
        batch.push(WorkspaceEdit::Relations { relations, removed: false });
        self.record_workspace(WorkspaceEdit::Batch(batch));
        if let Some(doc) = merged_into.filter(|_| self.active_document().is_none_or(|d| d.spans().is_empty())) {
            self.active = Some(doc);
        }
        self.alert = None;
    }

    fn new_from_text(&mut self, name: String, text: String) {
        if text.is_empty() {
            self.alert = Some("Could not create a document: the pasted text is empty.".into());
            return;
        }
        let name =
            if name.trim().is_empty() { format!("Pasted text {}", self.workspace.documents.len() + 1) } else { name };
        let doc = Document::new(self.workspace.fresh_document_id(), name, text);
        self.add_opened(Opened::documents(vec![doc]));
    }

    fn switch_to(&mut self, id: Rc<str>) {
        if self.workspace.document(&id).is_some() && self.active.as_ref() != Some(&id) {
            self.active = Some(id);
            self.selected = None;
        }
    }

    fn switch_neighbour(&mut self, forward: bool) {
        let documents = &self.workspace.documents;
        let Some(at) = documents.iter().position(|d| Some(&d.id) == self.active.as_ref()) else { return };
        let next = if forward { documents.get(at + 1) } else { at.checked_sub(1).and_then(|i| documents.get(i)) };
        if let Some(id) = next.map(|d| d.id.clone()) {
            self.switch_to(id);
        }
    }

    fn set_meta(&mut self, id: &Rc<str>, change: impl FnOnce((String, Status)) -> (String, Status)) {
        let Some(doc) = self.workspace.document(id) else { return };
        let before = (doc.name.clone(), doc.status);
        let after = change(before.clone());
        if after != before {
            self.record_workspace(WorkspaceEdit::Meta { document: id.clone(), before, after });
        }
    }

    fn remove_document(&mut self, id: Rc<str>) {
        let Some(doc) = self.workspace.document(&id).cloned() else { return };
        self.record_workspace(WorkspaceEdit::Documents {
            documents: vec![doc],
            added: false,
            active_before: self.active.clone(),
        });
    }
}

/// The spans of `incoming` that `open` (the same text) lacks, with fresh ids, and the relations
/// of `incoming` between spans that then exist, renamed to match. `pending` are spans already
/// planned for `open` by this import (a file may hold the same text twice).
fn merge_plan(open: &Document, incoming: &Document, pending: &[PlacedSpan]) -> (Vec<PlacedSpan>, Vec<PlacedRelation>) {
    let same = |a: &Span, b: &Span| (a.start, a.end, &a.label) == (b.start, b.end, &b.label);
    let planned: Vec<&Span> = pending.iter().filter(|(doc, _, _)| *doc == open.id).map(|(_, s, _)| s).collect();
    let mut taken: Vec<Rc<str>> =
        open.spans().iter().map(|s| s.id.clone()).chain(planned.iter().map(|s| s.id.clone())).collect();
    let mut renamed: Vec<(Rc<str>, Rc<str>)> = Vec::new();
    let mut spans = Vec::new();
    for span in incoming.spans() {
        if let Some(existing) = open.spans().iter().chain(planned.iter().copied()).find(|s| same(s, span)) {
            renamed.push((span.id.clone(), existing.id.clone()));
            continue;
        }
        let id = fresh_id("s", taken.iter().map(|id| &**id));
        taken.push(id.clone());
        renamed.push((span.id.clone(), id.clone()));
        spans.push((open.id.clone(), Span { id, entity: None, ..span.clone() }, Vec::new()));
    }
    let rename = |id: &Rc<str>| renamed.iter().find(|(from, _)| from == id).map(|(_, to)| to.clone());
    let mut relation_ids: Vec<Rc<str>> = open.relations().iter().map(|r| r.id.clone()).collect();
    let mut relations = Vec::new();
    for relation in incoming.relations() {
        let (Some(from), Some(to)) = (rename(&relation.from), rename(&relation.to)) else { continue };
        let exists = open.relations().iter().any(|r| r.kind == relation.kind && r.from == from && r.to == to);
        if !exists {
            let id = fresh_id("r", relation_ids.iter().map(|id| &**id));
            relation_ids.push(id.clone());
            relations.push((open.id.clone(), Relation { id, from, to, kind: relation.kind.clone() }));
        }
    }
    (spans, relations)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Relation;
    use crate::suggest::job::{read_reply, Reply, Suggester, TextSent};

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
        let after = before.clone().reduce(Action::OpenFiles(vec![("broken.json".into(), b"{\"format\": [".to_vec())]));
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
        let reopened = removed.reduce(Action::OpenFiles(vec![("t.json".into(), json.into_bytes())]));
        assert_eq!(reopened.workspace.documents.len(), 1);
        assert_eq!(reopened.active.as_deref(), Some("d1"));
        assert_eq!(texts(&reopened), texts(&state));
        assert_eq!(reopened.workspace, state.workspace);
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
    fn label_set_edits_are_undoable_and_deleting_a_label_takes_its_spans() {
        let add = |name: &str| Action::Labels(LabelAction::Add { name: name.into(), color: "#123456".into() });
        let state = tag(state_with("Peskov said"), 0, 6, "actor").reduce(add("Quote source"));
        let label = state.workspace.labels.last().unwrap().clone();
        assert_eq!((&*label.id, label.key.as_deref()), ("quote-source", Some("5")));
        let state = state
            .reduce(Action::Labels(LabelAction::Rename { id: "actor".into(), name: "Person".into() }))
            .reduce(Action::Labels(LabelAction::Recolor { id: "actor".into(), color: "#000000".into() }))
            .reduce(Action::Labels(LabelAction::SetKey { id: "quote-source".into(), key: Some("1".into()) }))
            .reduce(Action::Labels(LabelAction::Move { id: "quote-source".into(), forward: false }));
        let actor = state.workspace.label("actor").unwrap();
        assert_eq!((actor.name.as_str(), actor.color.as_str(), actor.key.clone()), ("Person", "#000000", None));
        assert_eq!(&*state.workspace.labels[3].id, "quote-source");
        let deleted = state.clone().reduce(Action::Labels(LabelAction::Delete { id: "actor".into() }));
        assert!(deleted.workspace.label("actor").is_none());
        assert!(texts(&deleted).is_empty(), "its spans went with it");
        let undone = deleted.reduce(Action::Undo);
        assert_eq!(undone.workspace, state.workspace, "undo brings label and spans back");
        let mut all_undone = undone;
        for _ in 0..6 {
            all_undone = all_undone.reduce(Action::Undo);
        }
        assert_eq!(all_undone.workspace.labels, crate::model::default_labels());
        assert!(
            all_undone
                .reduce(Action::Labels(LabelAction::Add { name: " ".into(), color: String::new() }))
                .workspace
                .labels
                .len()
                == 4
        );
    }

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

    fn export_of(state: &State) -> String {
        crate::formats::native::export(
            &state.workspace.labels,
            &state.workspace.relation_types,
            state.workspace.documents.iter().map(|d| &**d),
        )
    }

    #[test]
    fn opening_the_same_text_again_merges_new_spans_and_relations_once() {
        let mut state = tag(tag(state_with("Peskov said hello"), 0, 6, "actor"), 12, 17, "quote");
        let doc = Rc::make_mut(&mut state.workspace.documents[0]);
        doc.insert_relation(Relation { id: "r1".into(), kind: "said_by".into(), from: "s2".into(), to: "s1".into() })
            .unwrap();
        let mut other = Document::new("d7", "copy.txt", "Peskov said hello");
        for (id, start, end, label) in [("a", 0, 6, "actor"), ("b", 12, 17, "quote"), ("c", 7, 11, "figure")] {
            other.insert_span(Span::new(id, start, end, label)).unwrap();
        }
        other
            .insert_relation(Relation { id: "x".into(), kind: "said_by".into(), from: "b".into(), to: "a".into() })
            .unwrap();
        other
            .insert_relation(Relation { id: "y".into(), kind: "about".into(), from: "c".into(), to: "a".into() })
            .unwrap();
        let json = crate::formats::native::export(&state.workspace.labels, &state.workspace.relation_types, [&other]);
        let before = export_of(&state);
        let merged = state.reduce(Action::OpenFiles(vec![("copy.json".into(), json.clone().into_bytes())]));
        assert_eq!(merged.workspace.documents.len(), 1, "same sha256: merged, not added");
        let doc = merged.active_document().unwrap();
        assert_eq!(doc.spans().len(), 3, "identical spans once, the new one added");
        assert_eq!(doc.relations().len(), 2, "the identical relation once, the new one renamed");
        let again = merged.clone().reduce(Action::OpenFiles(vec![("copy.json".into(), json.into_bytes())]));
        assert_eq!(export_of(&again), export_of(&merged), "merging twice changes nothing more");
        assert_eq!(export_of(&merged.reduce(Action::Undo)), before, "the merge is one undo step");
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
            let after = state.clone().reduce(Action::OpenFiles(vec![(name.into(), bytes)]));
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
        let opened = state.reduce(Action::OpenFiles(files));
        let names: Vec<&str> = opened.workspace.documents.iter().map(|d| d.name.as_str()).collect();
        assert_eq!(names, ["t.txt", "one.txt", "two.md"]);
        assert!(opened.alert.as_deref().is_some_and(|a| a.contains("bad.png") && !a.contains("one.txt")));
        assert_eq!(opened.reduce(Action::Undo).workspace.documents.len(), 1, "one undo step for the drop");
    }

    fn speakers(state: &State) -> Vec<(String, String)> {
        let doc = state.active_document().unwrap();
        let text = |id: &str| doc.span(id).map(|s| doc.slice(s.start, s.end).to_string()).unwrap_or_default();
        doc.relations().iter().map(|r| (text(&r.from), text(&r.to))).collect()
    }

    #[test]
    fn a_quote_gets_its_speaker_in_two_keystrokes_and_one_only() {
        let text = "Peskov said: “We talk.” Umerov said: “We wait.”";
        let state = [(0, 6, "actor"), (14, 22, "quote"), (24, 30, "actor"), (38, 46, "quote")]
            .into_iter()
            .fold(state_with(text), |s, (a, b, l)| tag(s, a, b, l));
        let first_quote = state.reduce(Action::Select(Some("s2".into()))).reduce(Action::StartLink("said_by".into()));
        let linking = first_quote.linking.clone().unwrap();
        assert_eq!(linking.candidates, ["s3", "s1"].map(Rc::from), "nearest actor first: Umerov is 2 characters away");
        let linked = first_quote.reduce(Action::PickLink(Some(1)));
        assert_eq!(speakers(&linked), [("We talk".into(), "Peskov".into())]);
        assert_eq!(linked.linking, None);
        let second = linked
            .reduce(Action::Select(Some("s4".into())))
            .reduce(Action::StartLink("said_by".into()))
            .reduce(Action::MoveLinkCursor { forward: true })
            .reduce(Action::MoveLinkCursor { forward: false });
        let second = second.reduce(Action::PickLink(None));
        assert_eq!(speakers(&second)[1], ("We wait".into(), "Umerov".into()), "Umerov is nearest to the second quote");
        let replaced = second
            .reduce(Action::Select(Some("s4".into())))
            .reduce(Action::StartLink("said_by".into()))
            .reduce(Action::SelectCycle(vec!["s1".into()]));
        assert_eq!(speakers(&replaced)[1], ("We wait".into(), "Peskov".into()), "a click picks; the old speaker goes");
        assert_eq!(speakers(&replaced).len(), 2);
        let undone = replaced.reduce(Action::Undo);
        assert_eq!(speakers(&undone)[1], ("We wait".into(), "Umerov".into()), "one undo step restores the old speaker");
    }

    #[test]
    fn linking_needs_a_source_of_the_right_label_and_ends_on_anything_else() {
        let state = tag(tag(state_with("Peskov said “no”."), 0, 6, "actor"), 13, 15, "quote");
        let from_actor =
            state.clone().reduce(Action::Select(Some("s1".into()))).reduce(Action::StartLink("said_by".into()));
        assert_eq!(from_actor.linking, None, "an actor is no quote");
        let started = state.reduce(Action::Select(Some("s2".into()))).reduce(Action::StartLink("said_by".into()));
        assert!(started.linking.is_some());
        assert_eq!(started.clone().reduce(Action::CancelLink).linking, None);
        assert_eq!(started.clone().reduce(Action::SelectNeighbour { forward: true }).linking, None);
        assert_eq!(started.reduce(Action::SelectCycle(vec!["s2".into()])).linking, None, "a click elsewhere ends it");
    }

    #[test]
    fn deleting_a_speaker_takes_the_relation_and_undo_brings_both_back() {
        let state = tag(tag(state_with("Peskov said “no” today."), 0, 6, "actor"), 13, 15, "quote")
            .reduce(Action::Select(Some("s2".into())))
            .reduce(Action::StartLink("said_by".into()))
            .reduce(Action::PickLink(Some(0)));
        assert_eq!(speakers(&state).len(), 1);
        let deleted = state.reduce(Action::Select(Some("s1".into()))).reduce(Action::DeleteSelected);
        assert!(speakers(&deleted).is_empty());
        let undone = deleted.reduce(Action::Undo);
        assert_eq!(speakers(&undone), [("no".into(), "Peskov".into())]);
        let removed = undone.clone().reduce(Action::RemoveRelation("r1".into()));
        assert!(speakers(&removed).is_empty());
        assert_eq!(speakers(&removed.reduce(Action::Undo)).len(), 1);
    }

    #[test]
    fn a_quote_nested_in_another_keeps_its_own_speaker() {
        let text = "Peskov said: “Umerov told us ‘we wait’ today.”";
        let state = [(0, 6, "actor"), (14, 45, "quote"), (14, 20, "actor"), (30, 37, "quote")]
            .into_iter()
            .fold(state_with(text), |s, (a, b, l)| tag(s, a, b, l));
        let doc = state.active_document().unwrap();
        let id_of = |start: usize, label: &str| {
            doc.spans().iter().find(|s| s.start == start && &*s.label == label).unwrap().id.clone()
        };
        let (outer, inner, peskov, umerov) =
            (id_of(14, "quote"), id_of(30, "quote"), id_of(0, "actor"), id_of(14, "actor"));
        let link = |state: State, from: &Rc<str>, to: &Rc<str>| {
            state
                .reduce(Action::Select(Some(from.clone())))
                .reduce(Action::StartLink("said_by".into()))
                .reduce(Action::SelectCycle(vec![to.clone()]))
        };
        let state = link(link(state, &outer, &peskov), &inner, &umerov);
        let mut pairs = speakers(&state);
        pairs.sort();
        assert_eq!(
            pairs,
            [("Umerov told us ‘we wait’ today".into(), "Peskov".into()), ("we wait".into(), "Umerov".into())]
        );
    }

    #[test]
    fn candidates_in_the_quotes_paragraph_come_before_nearer_ones_outside_it() {
        let text = "Dmitry Peskov said: “We work.”\n\nUmerov answered.";
        let state = [(0, 13, "actor"), (21, 28, "quote"), (32, 38, "actor")]
            .into_iter()
            .fold(state_with(text), |s, (a, b, l)| tag(s, a, b, l));
        let linking = state.reduce(Action::Select(Some("s2".into()))).reduce(Action::StartLink("said_by".into()));
        assert_eq!(linking.linking.unwrap().candidates, ["s1", "s3"].map(Rc::from));
    }

    const ZELENSKY: &str = "Volodymyr Zelensky met Macron. Zelenskyy said no. Ukrainian President Volodymyr Zelensky's aide left Kyiv for Kyiv.";

    fn zelensky_state() -> State {
        let text = ZELENSKY;
        let find = |needle: &str, nth: usize| {
            let byte = text.match_indices(needle).nth(nth).unwrap().0;
            let start = text[..byte].chars().count();
            (start, start + needle.chars().count())
        };
        let spans = [
            (find("Volodymyr Zelensky", 0), "actor", true),
            (find("Macron", 0), "actor", false),
            (find("Zelenskyy", 0), "actor", false),
            (find("Ukrainian President Volodymyr Zelensky's", 0), "actor", true),
            (find("Kyiv", 0), "location", false),
            (find("Kyiv", 1), "location", false),
        ];
        spans.into_iter().fold(state_with(text), |s, ((a, b), l, exact)| {
            s.reduce(Action::Tag { start: a, end: b, label: l.into(), exact })
        })
    }

    fn entity_names(state: &State) -> Vec<(String, usize)> {
        state.workspace.entities().iter().map(|e| (e.name.clone(), state.workspace.mention_count(&e.id))).collect()
    }

    #[test]
    fn one_person_written_three_ways_is_proposed_as_one_entity() {
        let state = zelensky_state();
        let doc = state.active_document().unwrap();
        let proposals = proposals(&state.workspace, doc);
        let texts = |p: &Proposal| {
            p.mentions
                .iter()
                .map(|id| {
                    let s = doc.span(id).unwrap();
                    doc.slice(s.start, s.end).to_string()
                })
                .collect::<Vec<_>>()
        };
        assert_eq!(proposals.len(), 2, "{proposals:?}");
        assert_eq!(proposals[0].name, "Volodymyr Zelensky");
        assert_eq!(
            texts(&proposals[0]),
            ["Volodymyr Zelensky", "Zelenskyy", "Ukrainian President Volodymyr Zelensky's"]
        );
        assert_eq!((proposals[1].name.as_str(), proposals[1].mentions.len()), ("Kyiv", 2));
    }

    fn accept(state: State, proposal: &Proposal) -> State {
        state.reduce(Action::Entities(EntityAction::Group {
            entity: proposal.entity.clone(),
            name: proposal.name.clone(),
            label: proposal.label.clone(),
            mentions: proposal.mentions.clone(),
        }))
    }

    #[test]
    fn grouping_renaming_splitting_and_merging_are_each_one_undo_step() {
        let state = zelensky_state();
        let proposal = proposals(&state.workspace, state.active_document().unwrap())[0].clone();
        let grouped = accept(state.clone(), &proposal);
        assert_eq!(entity_names(&grouped), [("Volodymyr Zelensky".to_string(), 3)]);
        assert!(proposals(&grouped.workspace, grouped.active_document().unwrap())
            .iter()
            .all(|p| p.name != "Volodymyr Zelensky"));
        let renamed = grouped
            .clone()
            .reduce(Action::Entities(EntityAction::Rename { entity: "e1".into(), name: "Zelenskyy".into() }));
        assert_eq!(entity_names(&renamed)[0].0, "Zelenskyy");
        let split = renamed.reduce(Action::Entities(EntityAction::Ungroup { span: proposal.mentions[1].clone() }));
        assert_eq!(entity_names(&split)[0].1, 2);
        // Macron grouped alone, then merged into Zelensky by mistake, and the merge undone.
        let doc = split.active_document().unwrap();
        let macron: Rc<str> = doc.spans().iter().find(|s| doc.slice(s.start, s.end) == "Macron").unwrap().id.clone();
        let two = split.reduce(Action::Entities(EntityAction::Group {
            entity: None,
            name: "Emmanuel Macron".into(),
            label: "actor".into(),
            mentions: vec![macron],
        }));
        assert_eq!(entity_names(&two).len(), 2);
        let merged = two.clone().reduce(Action::Entities(EntityAction::Merge { into: "e1".into(), from: "e2".into() }));
        assert_eq!(entity_names(&merged), [("Zelenskyy".to_string(), 3)]);
        let unmerged = merged.reduce(Action::Undo);
        assert_eq!(unmerged.workspace, two.workspace, "undoing the merge brings both entities back");
        let back = unmerged.reduce(Action::Undo).reduce(Action::Undo).reduce(Action::Undo).reduce(Action::Undo);
        assert_eq!(back.workspace, state.workspace);
    }

    #[test]
    fn entity_ids_are_shared_across_documents_and_survive_export() {
        let state = zelensky_state();
        let proposal = proposals(&state.workspace, state.active_document().unwrap())[0].clone();
        let grouped = accept(state, &proposal)
            .reduce(Action::NewFromText { name: "two.txt".into(), text: "Later, Zelensky spoke.".into() });
        let tagged = tag(grouped, 7, 15, "actor");
        let proposal = proposals(&tagged.workspace, tagged.active_document().unwrap()).remove(0);
        assert_eq!((proposal.entity.as_deref(), proposal.name.as_str()), (Some("e1"), "Volodymyr Zelensky"));
        let both = accept(tagged, &proposal);
        assert_eq!(entity_names(&both), [("Volodymyr Zelensky".to_string(), 4)]);
        let json = crate::formats::native::export(
            &both.workspace.labels,
            &both.workspace.relation_types,
            both.workspace.documents.iter().map(|d| &**d),
        );
        let value: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(value["documents"][0]["entities"][0]["id"], "e1");
        assert_eq!(value["documents"][1]["entities"][0]["id"], "e1");
        assert_eq!(value["documents"][1]["entities"][0]["mentions"].as_array().unwrap().len(), 1);
        let reopened = crate::formats::native::import("w.json", &json).unwrap();
        assert_eq!(reopened.documents, both.workspace.documents.iter().map(|d| (**d).clone()).collect::<Vec<_>>());
    }

    #[test]
    fn deleting_a_mention_and_undoing_keeps_it_in_its_entity() {
        let state = zelensky_state();
        let proposal = proposals(&state.workspace, state.active_document().unwrap())[0].clone();
        let grouped = accept(state, &proposal);
        let deleted =
            grouped.clone().reduce(Action::Select(Some(proposal.mentions[0].clone()))).reduce(Action::DeleteSelected);
        assert_eq!(entity_names(&deleted)[0].1, 2);
        assert_eq!(deleted.reduce(Action::Undo).workspace, grouped.workspace);
    }

    const SUGGESTIBLE: &str =
        "Kremlin spokesperson Dmitry Peskov said: “We are ready.” He spoke in Geneva about 126 drones.";

    /// Answers the pending request as the worker would (`suggest::job`), if there is one.
    fn answered(state: State) -> State {
        let Some(reply) = worker_reply(&state) else { return state };
        state.reduce(Action::SuggestionsArrived(reply))
    }

    /// What a fresh suggester's worker replies to the pending request, as the page sends it.
    fn worker_reply(state: &State) -> Option<Reply> {
        let mut worker = Suggester::default();
        if let Some(text) = state.suggestion_text(&mut TextSent::default()) {
            assert_eq!(worker.take(&text), None);
        }
        Some(read_reply(&worker.take(&state.suggestion_request()?).unwrap()).unwrap())
    }

    fn suggest_now(state: State) -> State {
        answered(state.reduce(Action::Suggest))
    }

    fn shown(state: &State) -> Vec<(String, String)> {
        let doc = state.active_document().unwrap();
        state.suggestions.iter().map(|s| (s.label.to_string(), doc.slice(s.start, s.end).to_string())).collect()
    }

    #[test]
    fn suggestions_are_accepted_one_by_one_or_all_at_once_and_stay_out_of_history_until_then() {
        let state = suggest_now(state_with(SUGGESTIBLE));
        let proposed = shown(&state);
        assert!(proposed.contains(&("quote".into(), "We are ready.".trim_end_matches('.').into())), "{proposed:?}");
        assert!(!state.can_undo(), "suggesting is not an edit");
        assert!(state.active_document().unwrap().spans().is_empty(), "nor part of the document");
        let first = proposed[0].clone();
        let accepted = state.clone().reduce(Action::AcceptSuggestion(None));
        assert_eq!(texts(&accepted), [first]);
        assert_eq!(shown(&accepted).len(), proposed.len() - 1, "the cursor moves on to the next");
        let undone = accepted.reduce(Action::Undo);
        assert!(texts(&undone).is_empty());
        let all = state.reduce(Action::AcceptAllSuggestions(None));
        assert_eq!(texts(&all).len(), proposed.len());
        assert!(all.suggestions.is_empty());
        assert!(texts(&all.reduce(Action::Undo)).is_empty(), "accept all is one undo step");
    }

    #[test]
    fn a_span_made_where_a_suggestion_was_takes_its_place_and_other_edits_keep_the_list() {
        let state = suggest_now(state_with(SUGGESTIBLE));
        let proposed = shown(&state);
        let target = state.suggestions.last().unwrap().clone();
        let label: Rc<str> = if &*target.label == "actor" { "location".into() } else { "actor".into() };
        let tagged = state.reduce(Action::Tag { start: target.start, end: target.end, label, exact: true });
        assert_eq!(shown(&tagged), proposed[..proposed.len() - 1].to_vec(), "whatever the span's label");
        let list = tagged.suggestions.clone();
        let selected = tagged.clone().reduce(Action::SelectNeighbour { forward: true });
        let relabelled = selected.reduce(Action::RelabelSelected("figure".into()));
        assert_ne!(
            relabelled.active_document().unwrap().spans()[0].label,
            tagged.active_document().unwrap().spans()[0].label
        );
        assert!(Rc::ptr_eq(&relabelled.suggestions, &list), "an edit that takes no suggestion's place keeps the list");
    }

    /// The suggestions on [`SUGGESTIBLE`], and the state after the first of them was rejected.
    fn first_suggestion_rejected() -> (Vec<(String, String)>, State) {
        let state = suggest_now(state_with(SUGGESTIBLE));
        (shown(&state), state.reduce(Action::RejectSuggestion(None)))
    }

    #[test]
    fn a_rejected_suggestion_does_not_come_back_for_that_document() {
        let (before, rejected) = first_suggestion_rejected();
        assert_eq!(shown(&rejected).len(), before.len() - 1);
        let again = suggest_now(rejected.reduce(Action::ClearSuggestions));
        assert_eq!(shown(&again), before[1..].to_vec());
        // Another document (the same article with a trailing line break, so not merged into it).
        let elsewhere = again.reduce(Action::NewFromText { name: "two".into(), text: format!("{SUGGESTIBLE}\n") });
        assert!(elsewhere.suggestions.is_empty(), "another document: suggestions go");
        assert_eq!(shown(&suggest_now(elsewhere)), before, "and the rejection was for the first one only");
    }

    #[test]
    fn a_new_document_that_gets_a_removed_ones_id_does_not_inherit_its_rejections() {
        let (before, rejected) = first_suggestion_rejected();
        let removed = rejected.reduce(Action::RemoveDocument("d1".into()));
        let reopened = removed.reduce(Action::NewFromText { name: "again".into(), text: format!("{SUGGESTIBLE}\n") });
        assert_eq!(reopened.active.as_deref(), Some("d1"), "the id is given again");
        assert_eq!(shown(&suggest_now(reopened)), before, "nothing rejected on the new document");
    }

    #[test]
    fn a_rejected_suggestion_stays_rejected_after_the_workspace_is_stored_and_read_back() {
        let (before, rejected) = first_suggestion_rejected();
        let workspace = &rejected.workspace;
        let stored = crate::formats::storage::save(
            &workspace.labels,
            &workspace.relation_types,
            workspace.documents.iter().map(|d| &**d),
            crate::formats::storage::Extras {
                active: rejected.active.as_deref(),
                saved_at: 1.0,
                revision: 1,
                rejected: Some(rejected.rejected_suggestions()),
                history: None,
            },
        );
        let visited_again = State::restored(crate::formats::storage::load(&stored).unwrap());
        assert_eq!(shown(&suggest_now(visited_again)), before[1..].to_vec());
    }

    #[test]
    fn suggest_on_open_runs_on_every_document_opened_or_switched_to() {
        let state = state_with("Peskov said hello.").reduce(Action::SetSuggestOnOpen(true));
        let opened = answered(state.reduce(Action::NewFromText {
            name: "two".into(),
            text: "Talks in Geneva lasted over four hours.".into(),
        }));
        assert!(!opened.suggestions.is_empty());
        let labels: Vec<String> = shown(&opened).into_iter().map(|(l, _)| l).collect();
        assert!(labels.contains(&"location".to_string()) && labels.contains(&"figure".to_string()), "{labels:?}");
    }

    #[test]
    fn only_the_reply_to_the_newest_request_for_the_open_document_is_shown() {
        let asked = state_with(SUGGESTIBLE).reduce(Action::Suggest);
        let stale = worker_reply(&asked).unwrap();
        let asked_again = asked.reduce(Action::Suggest);
        let ignored = asked_again.clone().reduce(Action::SuggestionsArrived(stale.clone()));
        assert!(
            ignored.suggestions.is_empty() && ignored.suggest_ticket.is_some(),
            "an older ticket's reply is dropped"
        );
        let shown_now = answered(asked_again);
        assert!(!shown_now.suggestions.is_empty() && shown_now.suggest_ticket.is_none());
        let elsewhere = state_with(SUGGESTIBLE)
            .reduce(Action::Suggest)
            .reduce(Action::NewFromText { name: "two".into(), text: "Kyiv".into() });
        assert_eq!(elsewhere.suggest_ticket, None, "switching documents drops the pending request");

        // A span made while the suggester ran is not suggested again; an error is shown.
        let asked = state_with(SUGGESTIBLE).reduce(Action::Suggest);
        let reply = worker_reply(&asked).unwrap();
        let first = reply.suggestions[0].clone();
        let tagged =
            asked.reduce(Action::Tag { start: first.start, end: first.end, label: "actor".into(), exact: true });
        let arrived = tagged.reduce(Action::SuggestionsArrived(reply.clone()));
        assert!(!arrived.suggestions.iter().any(|s| (s.start, s.end) == (first.start, first.end)));
        let failed = state_with(SUGGESTIBLE).reduce(Action::Suggest).reduce(Action::SuggestionsArrived(Reply {
            error: Some("out of memory".into()),
            suggestions: Vec::new(),
            ..reply
        }));
        assert!(failed.alert.as_deref().is_some_and(|a| a.contains("out of memory")), "{:?}", failed.alert);
    }

    #[test]
    fn a_suggestion_is_found_by_its_element_id_after_others_were_taken() {
        let state = suggest_now(state_with(SUGGESTIBLE));
        let proposed = shown(&state);
        assert!(proposed.len() >= 3, "{proposed:?}");
        let last = state.suggestions.last().unwrap().clone();
        assert_eq!(id_of_element(&last.element_id()), Some(last.id));
        let second = state.suggestions[1].id;
        let rejected = state.reduce(Action::RejectSuggestion(Some(second)));
        assert_eq!(shown(&rejected), [&proposed[..1], &proposed[2..]].concat());
        let focused = rejected.reduce(Action::FocusSuggestion(last.id));
        assert_eq!(focused.suggestions.get(focused.suggestion_cursor), Some(&last));
        let accepted = focused.reduce(Action::AcceptSuggestion(None));
        assert_eq!(texts(&accepted), [proposed.last().unwrap().clone()], "Enter takes the clicked one");
        let unknown = accepted.clone().reduce(Action::AcceptSuggestion(Some(last.id)));
        assert_eq!(texts(&unknown), texts(&accepted), "an id no longer shown does nothing");
        assert_eq!(id_of_element("m3"), None, "a find match is not a suggestion");
        assert_eq!(id_of_element("g"), None);
    }

    #[test]
    fn suggestions_are_counted_per_label_in_one_pass() {
        let state = suggest_now(state_with(SUGGESTIBLE));
        let counts = count_by_label(&state.suggestions);
        for (label, count) in &counts {
            assert_eq!(*count, state.suggestions.iter().filter(|s| s.label == *label).count(), "{label}");
        }
        assert_eq!(counts.iter().map(|(_, n)| n).sum::<usize>(), state.suggestions.len());
        let mut labels: Vec<&str> = counts.iter().map(|(l, _)| &**l).collect();
        labels.sort_unstable();
        labels.dedup();
        assert_eq!(labels.len(), counts.len(), "each label once, even from another allocation");
        let other_allocation = Shown { label: Rc::from(&*state.suggestions[0].label), ..state.suggestions[0].clone() };
        let with_copy = [state.suggestions[0].clone(), other_allocation];
        assert_eq!(count_by_label(&with_copy), [(state.suggestions[0].label.clone(), 2)]);
    }

    #[test]
    fn per_label_accept_all_leaves_the_other_labels_shown() {
        let state = suggest_now(state_with(SUGGESTIBLE));
        let figures = state.suggestions.iter().filter(|s| &*s.label == "figure").count();
        let accepted = state.clone().reduce(Action::AcceptAllSuggestions(Some("figure".into())));
        assert_eq!(texts(&accepted).len(), figures);
        assert_eq!(accepted.suggestions.len(), state.suggestions.len() - figures);
        assert!(accepted.suggestions.iter().all(|s| &*s.label != "figure"));
    }

    #[test]
    fn find_and_tag_all_tags_every_whole_word_match_once_as_one_step() {
        let state = tag(state_with("Kyiv and kyiv, not Kyivan; Kyiv."), 0, 4, "location");
        let found = state.reduce(Action::Find { query: "kyiv".into(), case_sensitive: false, whole_word: true });
        assert_eq!(&*found.finding.as_ref().unwrap().matches, [(0, 4), (9, 13), (27, 31)]);
        let tagged = found.reduce(Action::TagAllMatches("location".into()));
        assert_eq!(
            texts(&tagged),
            [
                ("location".into(), "Kyiv".into()),
                ("location".into(), "kyiv".into()),
                ("location".into(), "Kyiv".into())
            ]
        );
        let undone = tagged.reduce(Action::Undo);
        assert_eq!(texts(&undone).len(), 1, "tag all is one undo step");
        let exact = undone.reduce(Action::Find { query: "Kyiv".into(), case_sensitive: true, whole_word: false });
        assert_eq!(exact.finding.unwrap().matches.len(), 3, "Kyivan counts without whole words");
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

    #[test]
    fn tag_all_leaves_a_leading_article_out_of_an_actor_but_not_out_of_a_quote() {
        let text = "the Kremlin said “The pressure is on.” The Kremlin repeated: “The pressure is on.” The Hague";
        let find = |state: State, query: &str| {
            state.reduce(Action::Find { query: query.into(), case_sensitive: false, whole_word: true })
        };
        let actors = find(state_with(text), "the kremlin").reduce(Action::TagAllMatches("actor".into()));
        assert_eq!(texts(&actors), [("actor".into(), "Kremlin".into()), ("actor".into(), "Kremlin".into())]);
        let quotes = find(state_with(text), "the pressure is on").reduce(Action::TagAllMatches("quote".into()));
        assert_eq!(
            texts(&quotes),
            [("quote".into(), "The pressure is on".into()), ("quote".into(), "The pressure is on".into())]
        );
        let places = find(state_with(text), "the hague").reduce(Action::TagAllMatches("location".into()));
        assert_eq!(texts(&places), [("location".into(), "The Hague".into())]);
        let again = find(actors, "the kremlin").reduce(Action::TagAllMatches("actor".into()));
        assert_eq!(texts(&again).len(), 2, "a match already tagged without its article is not tagged twice");
    }

    fn add_located_in(state: State, key: &str) -> State {
        state.reduce(Action::RelationTypes(RelationTypeAction::Add {
            name: " located in ".into(),
            from: Some("actor".into()),
            to: Some("location".into()),
            key: Some(key.into()),
            single: false,
        }))
    }

    #[test]
    fn a_custom_relation_type_links_by_the_same_flow() {
        let text = "Peskov spoke in Geneva, not in Paris.";
        let state = [(0, 6, "actor"), (16, 22, "location"), (31, 36, "location")]
            .into_iter()
            .fold(state_with(text), |s, (a, b, l)| tag(s, a, b, l));
        let state = add_located_in(state, "l");
        let kind = state.workspace.relation_type("located_in").cloned().unwrap();
        assert_eq!((kind.name.as_str(), kind.key.as_deref()), ("located in", Some("l")), "trimmed, snake_case id");
        let linking = state.reduce(Action::Select(Some("s1".into()))).reduce(Action::StartLink("located_in".into()));
        assert_eq!(linking.linking.as_ref().unwrap().candidates, ["s2", "s3"].map(Rc::from), "locations only");
        let one = linking.reduce(Action::PickLink(None));
        let both = one.reduce(Action::StartLink("located_in".into())).reduce(Action::PickLink(Some(1)));
        assert_eq!(
            speakers(&both),
            [("Peskov".into(), "Geneva".into()), ("Peskov".into(), "Paris".into())],
            "not single: a second link adds, it does not replace"
        );
        assert!(both.active_document().unwrap().relations().iter().all(|r| r.kind == "located_in"));
        let from_location =
            both.reduce(Action::Select(Some("s2".into()))).reduce(Action::StartLink("located_in".into()));
        assert_eq!(from_location.linking, None, "a location is not a source of located_in");
        let no_quote = state_with(text).reduce(Action::StartLink("located_in".into()));
        assert_eq!(no_quote.linking, None, "a type that is not in the label set starts nothing");
    }

    #[test]
    fn relation_type_keys_are_letters_that_no_other_command_or_type_has() {
        let state = state_with("x");
        for refused in ["j", "k", "x", "1", "L", "ll", "?"] {
            assert!(
                add_located_in(state.clone(), refused).workspace.relation_type("located_in").is_none(),
                "{refused}"
            );
        }
        let took_s = add_located_in(state.clone(), "s");
        assert_eq!(took_s.workspace.relation_type("said_by").unwrap().key, None, "the key moves to the new type");
        assert_eq!(took_s.workspace.relation_type("located_in").unwrap().key.as_deref(), Some("s"));
        let rekeyed = took_s
            .reduce(Action::RelationTypes(RelationTypeAction::SetKey { id: "said_by".into(), key: Some("s".into()) }));
        assert_eq!(rekeyed.workspace.relation_type("located_in").unwrap().key, None);
        let renamed = rekeyed.reduce(Action::RelationTypes(RelationTypeAction::Rename {
            id: "located_in".into(),
            name: "based in".into(),
        }));
        assert_eq!(renamed.workspace.relation_type("located_in").unwrap().name, "based in", "the id stays");
        let twice = add_located_in(add_located_in(state.clone(), "l"), "m");
        assert!(twice.workspace.relation_type("located_in_2").is_some(), "a second type of that name gets its own id");
        let to_nowhere = state.reduce(Action::RelationTypes(RelationTypeAction::Add {
            name: "x".into(),
            from: Some("no-such-label".into()),
            to: None,
            key: None,
            single: true,
        }));
        assert_eq!(to_nowhere.workspace.relation_types, crate::model::default_relation_types());
    }

    #[test]
    fn deleting_a_relation_type_takes_its_relations_and_undo_brings_both_back() {
        let state = [(0, 6, "actor"), (16, 22, "location")]
            .into_iter()
            .fold(state_with("Peskov spoke in Geneva."), |s, (a, b, l)| tag(s, a, b, l));
        let linked = add_located_in(state, "l")
            .reduce(Action::Select(Some("s1".into())))
            .reduce(Action::StartLink("located_in".into()))
            .reduce(Action::PickLink(None));
        assert_eq!(speakers(&linked).len(), 1);
        let deleted =
            linked.clone().reduce(Action::RelationTypes(RelationTypeAction::Delete { id: "located_in".into() }));
        assert!(deleted.workspace.relation_type("located_in").is_none());
        assert!(speakers(&deleted).is_empty());
        let undone = deleted.reduce(Action::Undo);
        assert_eq!(export_of(&undone), export_of(&linked), "one undo step restores the type and its relation");
    }

    #[test]
    fn relation_types_survive_export_and_open_and_undeclared_kinds_become_types() {
        let state = add_located_in(state_with("Peskov spoke in Geneva."), "l");
        let json = export_of(&state);
        let reopened = state_with("other").reduce(Action::OpenFiles(vec![("w.json".into(), json.into_bytes())]));
        assert_eq!(reopened.workspace.relation_types, state.workspace.relation_types);
        let doccano = concat!(
            r#"{"text": "Peskov spoke in Geneva.", "entities": [{"id": 1, "label": "actor", "start_offset": 0, "#,
            r#""end_offset": 6}, {"id": 2, "label": "location", "start_offset": 16, "end_offset": 22}], "#,
            r#""relations": [{"id": 1, "from_id": 1, "to_id": 2, "type": "based_in"}]}"#
        );
        let opened =
            state_with("other").reduce(Action::OpenFiles(vec![("d.jsonl".into(), doccano.as_bytes().to_vec())]));
        let kind = opened.workspace.relation_type("based_in").cloned().expect("the doccano relation type is declared");
        assert_eq!((kind.name.as_str(), kind.key, kind.from_label, kind.single), ("based in", None, None, false));
        assert_eq!(opened.reduce(Action::Undo).workspace.relation_types, crate::model::default_relation_types());
    }
}
