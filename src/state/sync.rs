//! Keeping one tab's state in step with the workspace stored for every tab of the app.
//!
//! The state remembers the stored copy it last saw ([`Synced`]: a revision number and that
//! workspace). When another tab stored a newer revision, [`SyncAction::Merge`] folds it in with
//! `model::merge`, keeping this tab's unsaved edits; when this tab stored its workspace,
//! [`SyncAction::Saved`] makes that the new base. The selection, the open document and the undo
//! history of this tab stay its own; they only follow what the merge renamed or removed.
//!
//! Not for: reading or writing storage, or deciding when (the browser layer and `autosave`).

use std::rc::Rc;

use super::State;
use crate::formats::storage::Restored;
use crate::model::merge::{merge, union};
use crate::model::{RejectedSuggestions, Workspace};

/// The stored workspace as this tab last saw it: what it read, or what it wrote.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Synced {
    /// Counts the writes to storage; 0 when nothing was ever stored.
    pub revision: u64,
    pub workspace: Workspace,
}

#[derive(Clone, Debug, PartialEq)]
pub enum SyncAction {
    /// Another tab stored `revision`: fold it in (ignored when this state has seen it already).
    Merge { revision: u64, theirs: Workspace, rejected: RejectedSuggestions },
    /// This tab stored `workspace` (a state it held) as `revision`.
    Saved { revision: u64, workspace: Workspace },
}

/// The state a visit opens with: the stored workspace (revision `revision`, if it could be
/// read), with every copy that a closing page kept folded in, so no page's last moment is
/// lost, even when several tabs closed at once. A copy built on `revision` is merged exactly;
/// an older one (another tab saved after it) by `union`. The newest copy, when newer than the
/// stored workspace, gives the open document and the undo history: it is where the person was.
/// `None` when there is nothing at all (a first visit).
pub fn opening(stored: Option<Restored>, revision: u64, mut copies: Vec<Restored>) -> Option<State> {
    crate::sort::sort_by(&mut copies, |a, b| a.saved_at.total_cmp(&b.saved_at));
    let stored_at = stored.as_ref().map(|s| s.saved_at);
    let (mut state, base) = match stored {
        Some(stored) => {
            let state = State::restored(stored);
            let base = state.workspace.clone();
            (state, Some(base))
        }
        None => (State::restored(copies.pop()?), None),
    };
    let count = copies.len();
    for (at, copy) in copies.into_iter().enumerate() {
        let newest = at + 1 == count && stored_at.is_some_and(|stored_at| copy.saved_at > stored_at);
        let copy = State::restored(copy);
        let merged = match &base {
            Some(base) if copy.synced.revision == revision => merge(base, &copy.workspace, &state.workspace),
            _ => union(&copy.workspace, &state.workspace),
        };
        let mut rejected = (*state.rejected).clone();
        for (doc, triples) in copy.rejected.iter() {
            rejected.entry(doc.clone()).or_default().extend(triples.iter().cloned());
        }
        if newest {
            state = copy;
        }
        state.workspace = merged.workspace;
        state.rejected = Rc::new(rejected);
    }
    if state.active_document().is_none() {
        state.active = state.workspace.documents.first().map(|d| d.id.clone());
    }
    let base = base.unwrap_or_else(|| Workspace { documents: Vec::new(), ..Workspace::default() });
    Some(state.building_on(Synced { revision, workspace: base }))
}

impl State {
    /// The stored copy this state builds on.
    pub fn synced(&self) -> &Rc<Synced> {
        &self.synced
    }

    /// This state, building on `synced` rather than on what it was made from.
    pub fn building_on(mut self, synced: Synced) -> Self {
        self.synced = Rc::new(synced);
        self
    }

    /// Whether the workspace holds changes that are not stored yet.
    pub fn has_unsaved_changes(&self) -> bool {
        self.workspace != self.synced.workspace
    }

    pub(super) fn sync(&mut self, action: SyncAction) {
        match action {
            SyncAction::Merge { revision, theirs, rejected } if revision > self.synced.revision => {
                self.merge_stored(revision, theirs, rejected)
            }
            SyncAction::Saved { revision, workspace } if revision > self.synced.revision => {
                self.synced = Rc::new(Synced { revision, workspace });
            }
            SyncAction::Merge { .. } | SyncAction::Saved { .. } => {}
        }
    }

    fn merge_stored(&mut self, revision: u64, theirs: Workspace, rejected: RejectedSuggestions) {
        let merged = merge(&self.synced.workspace, &self.workspace, &theirs);
        self.workspace = merged.workspace;
        self.synced = Rc::new(Synced { revision, workspace: theirs });
        // Undo steps name spans and documents by id: those of renamed ones would now act on
        // the other tab's, so they are dropped.
        if !merged.renamed_documents.is_empty() {
            self.history = Rc::default();
        }
        if merged.renamed_entities {
            Rc::make_mut(&mut self.history).forget_entity_steps();
        }
        for doc in &merged.renamed_in {
            Rc::make_mut(&mut self.history).forget(doc);
        }
        if let Some((_, renamed)) = merged.renamed_documents.iter().find(|(old, _)| self.active.as_ref() == Some(old)) {
            self.active = Some(renamed.clone());
        }
        if self.active_document().is_none() {
            self.active = self.workspace.documents.first().map(|d| d.id.clone());
        }
        if self.selected.as_deref().is_some_and(|id| self.active_span(id).is_none()) {
            self.selected = None;
        }
        if self.linking.as_ref().is_some_and(|l| self.active_span(&l.from).is_none()) {
            self.linking = None;
        }
        if rejected.iter().any(|(doc, triples)| !self.rejected.get(doc).is_some_and(|mine| triples.is_subset(mine))) {
            let mine = Rc::make_mut(&mut self.rejected);
            for (doc, triples) in rejected {
                mine.entry(doc).or_default().extend(triples);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Document, Span};
    use crate::state::Action;

    fn workspace(docs: Vec<Document>) -> Workspace {
        Workspace { documents: docs.into_iter().map(Rc::new).collect(), ..Workspace::default() }
    }

    fn article() -> Document {
        Document::new("d1", "a.txt", "Peskov met Zelensky in Geneva on Monday.")
    }

    fn texts(state: &State) -> Vec<(String, String)> {
        let doc = state.active_document().unwrap();
        doc.spans().iter().map(|s| (doc.slice(s.start, s.end).to_string(), s.label.to_string())).collect()
    }

    fn tag(state: State, start: usize, end: usize, label: &str) -> State {
        state.reduce(Action::Tag { start, end, label: label.into(), exact: true })
    }

    /// A state loaded from stored revision 1 holding `docs`.
    fn loaded(docs: Vec<Document>) -> State {
        let ws = workspace(docs);
        let mut state = State::new(ws.clone());
        state.synced = Rc::new(Synced { revision: 1, workspace: ws });
        state
    }

    #[test]
    fn another_tabs_save_is_folded_in_and_unsaved_edits_stay() {
        let state = tag(loaded(vec![article()]), 0, 6, "actor");
        assert!(state.has_unsaved_changes());
        let mut theirs = article();
        theirs.insert_span(Span::new("s1", 23, 29, "location")).unwrap();
        let state = state.reduce(Action::Sync(SyncAction::Merge {
            revision: 2,
            theirs: workspace(vec![theirs]),
            rejected: RejectedSuggestions::new(),
        }));
        assert_eq!(texts(&state), [("Peskov".into(), "actor".into()), ("Geneva".into(), "location".into())]);
        assert_eq!(state.synced().revision, 2);
        assert!(state.has_unsaved_changes(), "ours is still to be written");
        // Our span was renamed (both tabs made an s1): undoing it must not touch theirs.
        let undone = state.reduce(Action::Undo);
        assert_eq!(texts(&undone).len(), 2, "the undo step naming the renamed span is gone");
    }

    #[test]
    fn an_old_or_repeated_revision_changes_nothing() {
        let state = tag(loaded(vec![article()]), 0, 6, "actor");
        let stale = Action::Sync(SyncAction::Merge {
            revision: 1,
            theirs: workspace(vec![]),
            rejected: RejectedSuggestions::new(),
        });
        assert_eq!(state.clone().reduce(stale), state);
    }

    #[test]
    fn a_save_becomes_the_base_and_undo_still_works() {
        let state = tag(loaded(vec![article()]), 0, 6, "actor");
        let saved = state.workspace.clone();
        let state = state.reduce(Action::Sync(SyncAction::Saved { revision: 2, workspace: saved }));
        assert!(!state.has_unsaved_changes());
        let state = state.reduce(Action::Undo);
        assert!(texts(&state).is_empty());
        assert!(state.has_unsaved_changes());
    }

    /// What a page stores, read back, at `saved_at`, built on `revision`.
    fn stored(state: &State, saved_at: f64, revision: u64) -> Restored {
        use crate::formats::storage::{load, save, Extras};
        let docs = state.workspace.documents.iter().map(|d| &**d);
        let extras = Extras { active: state.active.as_deref(), saved_at, revision, ..Extras::default() };
        load(&save(&state.workspace.labels, &state.workspace.relation_types, docs, extras)).unwrap()
    }

    #[test]
    fn two_tabs_that_closed_before_saving_both_come_back() {
        let at_rest = loaded(vec![article()]);
        let idb = stored(&at_rest, 10.0, 1);
        // Tab A tagged in the article; tab B opened a second one; neither saved.
        let a = tag(at_rest.clone(), 0, 6, "actor");
        let b = at_rest.reduce(Action::NewFromText { name: "b.txt".into(), text: "Kyiv".into() });
        let copies = vec![stored(&a, 20.0, 1), stored(&b, 30.0, 1)];
        let state = opening(Some(idb), 1, copies).unwrap();
        let names: Vec<&str> = state.workspace.documents.iter().map(|d| d.name.as_str()).collect();
        assert_eq!(names, ["a.txt", "b.txt"]);
        assert_eq!(state.workspace.documents[0].spans().len(), 1);
        assert_eq!(state.active_document().unwrap().name, "b.txt", "where the person was last");
        assert!(state.has_unsaved_changes(), "written by the first save");
    }

    #[test]
    fn a_copy_older_than_the_stored_workspace_adds_what_it_alone_holds() {
        let at_rest = loaded(vec![article()]);
        let closed_early = tag(at_rest.clone(), 0, 6, "actor");
        let saved_later = tag(at_rest, 23, 29, "location");
        let state = opening(Some(stored(&saved_later, 50.0, 2)), 2, vec![stored(&closed_early, 20.0, 1)]).unwrap();
        assert_eq!(texts(&state), [("Peskov".into(), "actor".into()), ("Geneva".into(), "location".into())]);
        assert_eq!(state.synced().revision, 2);
    }

    #[test]
    fn nothing_stored_and_no_copy_is_a_first_visit() {
        assert_eq!(opening(None, 0, Vec::new()), None);
        let copy = stored(&tag(loaded(vec![article()]), 0, 6, "actor"), 5.0, 0);
        assert_eq!(texts(&opening(None, 0, vec![copy]).unwrap()).len(), 1);
    }

    /// `state` after another tab, starting from the same stored copy, did `theirs` and saved.
    fn after_other_tab(state: State, theirs: impl FnOnce(State) -> State) -> State {
        let other = theirs(State::new(state.synced().workspace.clone()));
        let revision = state.synced().revision + 1;
        state.reduce(Action::Sync(SyncAction::Merge {
            revision,
            theirs: other.workspace,
            rejected: RejectedSuggestions::new(),
        }))
    }

    #[test]
    fn undo_after_another_tabs_edit_takes_back_only_this_tabs_step() {
        use crate::model::Status;
        use crate::state::{EntityAction, LabelAction};
        let add = |name: &str| Action::Labels(LabelAction::Add { name: name.into(), color: String::new() });
        let labels = |state: &State| state.workspace.labels.iter().map(|l| l.name.clone()).collect::<Vec<_>>();

        let state = loaded(vec![article()]).reduce(add("Date"));
        let state = after_other_tab(state, |other| other.reduce(add("Event")));
        assert!(labels(&state).ends_with(&["Date".into(), "Event".into()]));
        let undone = state.reduce(Action::Undo);
        assert!(labels(&undone).contains(&"Event".into()), "the other tab's label stays: {:?}", labels(&undone));
        assert!(!labels(&undone).contains(&"Date".into()));
        assert!(labels(&undone.reduce(Action::Redo)).ends_with(&["Date".into(), "Event".into()]));

        let renamed = loaded(vec![article()]).reduce(Action::RenameDocument { id: "d1".into(), name: "talks".into() });
        let state =
            after_other_tab(renamed, |other| other.reduce(Action::SetStatus { id: "d1".into(), status: Status::Done }));
        let undone = state.reduce(Action::Undo);
        let doc = undone.active_document().unwrap();
        assert_eq!((doc.name.as_str(), doc.status), ("a.txt", Status::Done), "the other tab's status stays");

        let group = |span: &str, name: &str| {
            Action::Entities(EntityAction::Group {
                entity: None,
                name: name.into(),
                label: "actor".into(),
                mentions: vec![span.into()],
            })
        };
        let saved = |state: State| {
            let (revision, workspace) = (state.synced().revision + 1, state.workspace.clone());
            state.reduce(Action::Sync(SyncAction::Saved { revision, workspace }))
        };
        let two = tag(tag(loaded(vec![article()]), 0, 6, "actor"), 11, 19, "actor");
        let state = saved(saved(two).reduce(group("s1", "Dmitry Peskov")));
        let state = after_other_tab(state, |other| {
            other.reduce(Action::SwitchDocument("d1".into())).reduce(group("s2", "Volodymyr Zelensky"))
        });
        let undone = state.reduce(Action::Undo);
        let doc = undone.active_document().unwrap();
        let names: Vec<&str> = doc.entity_table().iter().map(|e| e.name.as_str()).collect();
        assert!(names.contains(&"Volodymyr Zelensky"), "the other tab's entity stays: {names:?}");
        assert_eq!(doc.span("s1").unwrap().entity, None);
    }

    #[test]
    fn a_document_removed_in_another_tab_while_open_here_moves_the_view() {
        let second = Document::new("d2", "b.txt", "Kyiv");
        let state = loaded(vec![article(), second.clone()]).reduce(Action::SwitchDocument("d2".into()));
        let state = state.reduce(Action::Sync(SyncAction::Merge {
            revision: 2,
            theirs: workspace(vec![article()]),
            rejected: RejectedSuggestions::new(),
        }));
        assert_eq!(state.active.as_deref(), Some("d1"));
        assert_eq!(state.workspace.documents.len(), 1);
    }
}
