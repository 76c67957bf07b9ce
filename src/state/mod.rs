//! The app's state and the one way it changes: [`State::reduce`] takes an [`Action`] and returns
//! the next state. This file holds the state, the actions and a dispatch that hands each action
//! to its family; each family is a file of its own, with its tests:
//!
//! - `spans`: tag, relabel, resize, drag an edge, note, select, delete
//! - `documents`: open files, new from text, switch, remove, rename, status
//! - `linking`, `entities`, `suggestions`, `find`: relations, entities, suggestions, find and tag
//! - `labels`, `relation_types`: the label set
//! - `checks`: a figure of any document marked checked, with a note
//! - `restore`, `sync`: an earlier version, and the workspace other tabs stored
//! - `compare`: annotators' files side by side, their disagreements, the gold copy
//! - `apply`: carrying out an edit and recording it as an undo step; `history` keeps the steps
//! - `announce`: what the live region says after an action (an edit in words, why a key did nothing)
//!
//! Not for: the DOM or Yew (the component layer wraps this in `use_reducer`; the browser layer
//! turns keys, selections and files into actions), or reading and writing files (`formats`).

mod announce;
mod apply;
mod checks;
mod compare;
mod documents;
mod entities;
mod find;
mod history;
mod labels;
mod linking;
mod relation_types;
mod restore;
mod spans;
mod suggestions;
mod sync;
#[cfg(test)]
mod testing;

use std::rc::Rc;

use crate::formats::storage::Restored;
use crate::formats::{FileError, Opened};
use crate::model::{Document, RejectedSuggestions, Span, SpanEdge, Status, Workspace};
pub use announce::Announcement;
pub use checks::Check;
pub use compare::{compare_key, keepable, CompareAction, Compared, Comparing, Place, KEPT_COMPARE_BYTES};
pub use entities::{mentions_in_words, proposals, EntityAction, Proposal, ENTITY_LABELS};
pub use find::Find;
use history::History;
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
    /// Whether the article dims the lines of site furniture (a view-only hint).
    SetDimFurniture(bool),
    /// The person's annotator name, recorded on the spans and relations they make from now
    /// on (blank: none).
    SetAnnotator(String),
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
    /// Mark a span of any document checked, with a note (one undo step of the workspace).
    Check(Check),
    Undo,
    Redo,
    /// What the files of one pick or drop held, read already (`formats::open`): all of it is
    /// added as one undo step; each file that could not be read is named in the alert and
    /// leaves nothing behind.
    FilesOpened {
        opened: Opened,
        errors: Vec<FileError>,
    },
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
    /// Say something in the live region (why a key did nothing, say).
    Notice(String),
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
    /// Compare annotators' files, step through their disagreements, settle a gold copy.
    Compare(CompareAction),
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
    /// The ticket of the reply whose suggestions are shown (or were all accepted); `None`
    /// once they are cleared or the document changes.
    shown_reply: Option<u32>,
    /// Dim the lines of site furniture in the article (bylines, credits, share prompts).
    pub dim_furniture: bool,
    /// The find bar, when open.
    pub finding: Option<Find>,
    /// Who is annotating: recorded on every span and relation made here (a setting the browser keeps).
    pub annotator: Option<Rc<str>>,
    /// The compare view, when open.
    pub comparing: Option<Rc<Comparing>>,
    rejected: Rc<RejectedSuggestions>,
    /// Why the last save to browser storage failed; the work is not safe until it clears.
    pub storage_warning: Option<String>,
    /// What the live region says about the latest edit, or why a key did nothing.
    pub announcement: Option<Announcement>,
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
            shown_reply: None,
            dim_furniture: true,
            finding: None,
            annotator: None,
            comparing: None,
            rejected: Rc::default(),
            storage_warning: None,
            announcement: None,
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
        // Linking lasts while the picker is in use; anything else the person does ends it.
        // What arrives on its own (a save, another tab's edit, suggestions) must not.
        let picking = matches!(
            action,
            Action::StartLink(_) | Action::MoveLinkCursor { .. } | Action::PickLink(_) | Action::SelectCycle(_)
        );
        let arrived = matches!(
            action,
            Action::Sync(_)
                | Action::StorageSaved
                | Action::StorageFailed(_)
                | Action::SuggestionsArrived(_)
                | Action::SuggestionsFailed(_)
        );
        if !picking && !arrived {
            self.linking = None;
        }
        let document_before = self.active_document().cloned();
        let told = announce::Before::of(&self, &action);
        self.apply_action(action);
        self.follow_document(document_before);
        if let Some(text) = told.announcement(&self) {
            self.announce(text);
        }
        self
    }

    fn announce(&mut self, text: String) {
        let serial = self.announcement.as_ref().map_or(0, |a| a.serial + 1);
        self.announcement = Some(Announcement { text: text.into(), serial });
    }

    /// Suggestions belong to the document they were made for: another document clears them
    /// (and, with suggest-on-open, makes new ones); a span made where one was takes its place.
    fn follow_document(&mut self, before: Option<Rc<Document>>) {
        let now = self.active_document().cloned();
        if now.as_ref().map(|d| &d.id) != before.as_ref().map(|d| &d.id) {
            self.clear_suggestions();
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
            Action::Select(id) => self.select(id),
            Action::SelectCycle(stack) => self.select_cycle(stack),
            Action::SelectNeighbour { forward } => self.select_neighbour(forward),
            Action::DeleteSelected => self.delete_selected(),
            Action::StartLink(kind) => self.linking = Linking::start(self, &kind),
            Action::MoveLinkCursor { forward } => self.move_link_cursor(forward),
            Action::PickLink(nth) => self.pick_link(nth),
            Action::CancelLink => self.linking = None,
            Action::RemoveRelation(id) => self.remove_relation(&id),
            Action::Entities(action) => self.entities(action),
            Action::Suggest => self.request_suggestions(),
            Action::SuggestionsArrived(reply) => self.receive_suggestions(reply),
            Action::SuggestionsFailed(reason) => self.suggestions_failed(&reason),
            Action::AcceptSuggestion(id) => self.accept_suggestion(id),
            Action::RejectSuggestion(id) => self.reject_suggestion(id),
            Action::AcceptAllSuggestions(label) => self.accept_all_suggestions(label.as_deref()),
            Action::ClearSuggestions => self.clear_suggestions(),
            Action::MoveSuggestionCursor { forward } => self.move_suggestion_cursor(forward),
            Action::FocusSuggestion(id) => self.focus_suggestion(id),
            Action::SetSuggestOnOpen(on) => self.suggest_on_open = on,
            Action::SetDimFurniture(on) => self.dim_furniture = on,
            Action::SetAnnotator(name) => self.annotator = Some(name.trim()).filter(|n| !n.is_empty()).map(Rc::from),
            Action::Find { query, case_sensitive, whole_word } => self.find(query, case_sensitive, whole_word),
            Action::CloseFind => self.finding = None,
            Action::TagAllMatches(label) => self.tag_all_matches(label),
            Action::Labels(action) => self.record_planned(labels::plan(&self.workspace, action)),
            Action::RelationTypes(action) => self.record_planned(relation_types::plan(&self.workspace, action)),
            Action::Check(check) => self.record_planned(checks::plan(&self.workspace, check)),
            Action::Undo => self.step_history(true),
            Action::Redo => self.step_history(false),
            Action::FilesOpened { opened, errors } => self.files_opened(opened, errors),
            Action::NewFromText { name, text } => self.new_from_text(name, text),
            Action::SwitchDocument(id) => self.switch_to(id),
            Action::SwitchNeighbour { forward } => self.switch_neighbour(forward),
            Action::RemoveDocument(id) => self.remove_document(id),
            Action::RenameDocument { id, name } => self.rename_document(&id, name),
            Action::SetStatus { id, status } => self.set_status(&id, status),
            Action::ShowAlert(message) => self.alert = Some(message),
            Action::DismissAlert => self.alert = None,
            Action::Notice(text) => self.announce(text),
            Action::ToggleHelp => self.help_open = !self.help_open,
            Action::StorageFailed(reason) => self.storage_warning = Some(reason),
            Action::StorageSaved => self.storage_warning = None,
            Action::RestoreVersion(version) => self.restore_version(version),
            Action::Compare(action) => self.compare(action),
            Action::Sync(action) => self.sync(action),
            #[cfg(debug_assertions)]
            Action::ForcePanic => panic!("forced panic for tests"),
        }
    }

    fn active_span(&self, id: &str) -> Option<&Span> {
        self.active_document()?.span(id)
    }
}
