//! The app's state as Yew sees it: the reducer handle shared through context, the hub through
//! which a view follows only its part of the state, and the commands that need both the state
//! and the page (a label key must read the DOM selection first).

use std::cell::{Cell, RefCell};
use std::ops::Deref;
use std::rc::Rc;

use yew::prelude::*;

use crate::browser;
use crate::formats::{self, ExportFormat};
use crate::keys::Command;
use crate::model::{Document, Workspace};
use crate::sample::is_untouched_sample;
use crate::state::{Action, State};

/// [`State`] behind Yew's `Reducible`, which the pure core must not depend on.
#[derive(Clone)]
pub struct AppState(pub State);

/// A state is the same only as itself: every action makes a new one, so comparing values
/// (which Yew does when the context changes) could only walk the documents to find what the
/// reducer already knows changed.
impl PartialEq for AppState {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

/// A document as a prop or a hook's input: the same allocation is the same document, and an
/// edited one (a new allocation) is told apart without comparing its text and spans.
#[derive(Clone)]
pub struct SameDocument(pub Rc<Document>);

impl PartialEq for SameDocument {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// The workspace as a hook's input: labels and relation types by value (a few entries), the
/// documents by allocation, as [`SameDocument`].
#[derive(Clone)]
pub struct SameWorkspace(pub Workspace);

impl PartialEq for SameWorkspace {
    fn eq(&self, other: &Self) -> bool {
        let (a, b) = (&self.0, &other.0);
        a.labels == b.labels
            && a.relation_types == b.relation_types
            && a.documents.len() == b.documents.len()
            && a.documents.iter().zip(&b.documents).all(|(a, b)| Rc::ptr_eq(a, b))
    }
}

impl Deref for AppState {
    type Target = State;
    fn deref(&self) -> &State {
        &self.0
    }
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let state = Rc::try_unwrap(self).map_or_else(|shared| shared.0.clone(), |owned| owned.0);
        Rc::new(AppState(state.reduce(action)))
    }
}

pub type Store = UseReducerHandle<AppState>;

/// The store, for any component the app renders: the state to read, `dispatch` to change it.
#[hook]
pub fn use_store() -> Store {
    use_context::<Store>().expect("components are rendered inside the app's store provider")
}

/// The store for views that draw from a part of the state, or only send actions. Its identity
/// never changes, so its context does not redraw its readers on every action as [`Store`]'s
/// does: [`use_selected`] redraws a view when its part changes, and callbacks read the state as
/// it is when they run with [`Hub::now`].
#[derive(Clone, Default)]
pub struct Hub(Rc<HubInner>);

type Watcher = Rc<dyn Fn(&State)>;

#[derive(Default)]
struct HubInner {
    store: RefCell<Option<Store>>,
    watchers: RefCell<Vec<(u32, Watcher)>>,
    next_watcher: Cell<u32>,
}

impl PartialEq for Hub {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl Hub {
    /// The store as of the latest action.
    pub fn now(&self) -> Store {
        self.0.store.borrow().clone().expect("the app publishes its store before any view renders")
    }

    pub fn dispatch(&self, action: Action) {
        self.now().dispatch(action);
    }

    /// Takes the app's store after an action, before the views render, and asks each watching
    /// view whether its part changed.
    pub fn publish(&self, store: &Store) {
        let changed = self.0.store.replace(Some(store.clone())).is_none_or(|old| old != *store);
        if changed {
            let watchers: Vec<Watcher> = self.0.watchers.borrow().iter().map(|(_, w)| w.clone()).collect();
            for watcher in watchers {
                watcher(store);
            }
        }
    }

    fn watch(&self, watcher: Watcher) -> u32 {
        let id = self.0.next_watcher.get();
        self.0.next_watcher.set(id + 1);
        self.0.watchers.borrow_mut().push((id, watcher));
        id
    }

    fn unwatch(&self, id: u32) {
        self.0.watchers.borrow_mut().retain(|(watcher, _)| *watcher != id);
    }
}

/// The hub, for a view that only sends actions or reads the state when a callback runs.
#[hook]
pub fn use_hub() -> Hub {
    use_context::<Hub>().expect("components are rendered inside the app's hub provider")
}

/// The part of the state `select` picks, and the hub: the view redraws when the part changes
/// (compared with `PartialEq`), not on every action. `select` runs on every action while the
/// view lives, so it should be cheap; everything the view draws must come from it.
#[hook]
pub fn use_selected<T: PartialEq + 'static>(select: fn(&State) -> T) -> (Rc<T>, Hub) {
    let hub = use_hub();
    let part = Rc::new(select(&hub.now()));
    let drawn = use_mut_ref(|| part.clone());
    *drawn.borrow_mut() = part.clone();
    let redraw = use_force_update();
    {
        let hub = hub.clone();
        use_effect_with((), move |_| {
            let id = hub.watch(Rc::new(move |state| {
                if **drawn.borrow() != select(state) {
                    redraw.force_update();
                }
            }));
            move || hub.unwatch(id)
        });
    }
    (part, hub)
}

/// Carries out a keyboard or toolbar command. `exact` keeps the selection's exact characters.
/// Returns whether the command did something, so the key's default action can be suppressed.
pub fn run_command(store: &Store, command: Command, exact: bool) -> bool {
    let selected_span = store.selected.as_deref().and_then(|id| store.active_document()?.span(id).cloned());
    let action = match command {
        Command::Label(label) => {
            match store.active_document().and_then(|doc| browser::selection::selection_in_article(doc)) {
                Some((start, end)) => {
                    browser::selection::clear_selection();
                    Action::Tag { start, end, label, exact }
                }
                None if selected_span.is_some() => Action::RelabelSelected(label),
                None => return notice(store, "nothing to tag: select some text in the article first"),
            }
        }
        Command::DeleteSelected if selected_span.is_some() => Action::DeleteSelected,
        Command::DeleteSelected => return notice(store, "nothing to delete: no span is selected"),
        Command::Undo => Action::Undo,
        Command::Redo => Action::Redo,
        Command::ClearSelection if store.help_open => Action::ToggleHelp,
        Command::ClearSelection => {
            browser::selection::clear_selection();
            Action::Select(None)
        }
        Command::SelectNext => Action::SelectNeighbour { forward: true },
        Command::SelectPrevious => Action::SelectNeighbour { forward: false },
        Command::Resize { edge, forward } => Action::ResizeSelected { edge, forward },
        Command::MoveCaret { forward, extend } => {
            let Some(doc) = store.active_document() else { return false };
            // From a selected span, the caret starts at the edge in the direction of travel.
            let from = selected_span.map_or(0, |s| if forward { s.end } else { s.start });
            browser::selection::move_caret(doc, from, forward, extend);
            if store.selected.is_none() {
                return true;
            }
            Action::Select(None)
        }
        Command::ToggleHelp => Action::ToggleHelp,
        Command::SwitchDocument { forward } => Action::SwitchNeighbour { forward },
        Command::Link(kind) => Action::StartLink(kind),
        Command::MoveLinkCursor { forward } => Action::MoveLinkCursor { forward },
        Command::PickLink(nth) => Action::PickLink(nth),
        Command::CancelLink => Action::CancelLink,
        Command::AcceptSuggestion => Action::AcceptSuggestion(None),
        Command::RejectSuggestion => Action::RejectSuggestion(None),
        Command::FocusArticle => return browser::focus::focus_article(),
        Command::OpenFind => {
            // The text selected, if any, is what to find.
            let query = gloo::utils::window().get_selection().ok().flatten().map(|s| String::from(s.to_string()));
            Action::Find { query: query.unwrap_or_default(), case_sensitive: false, whole_word: true }
        }
    };
    store.dispatch(action);
    true
}

/// Says in the live region why a command did nothing; it did nothing, so the key is the page's.
fn notice(store: &Store, why: &str) -> bool {
    store.dispatch(Action::Notice(why.to_string()));
    false
}

/// Reads and opens files in the background (in the files worker where the page has no reader)
/// and hands what they held to the reducer, with the failures for the alert.
pub fn open_files(store: &Store, files: Vec<web_sys::File>) {
    let store = store.clone();
    browser::files::read_files(files, move |read, unread| {
        browser::files::open_files(read, move |opened, mut errors| {
            errors.extend(unread);
            store.dispatch(Action::FilesOpened { opened, errors });
        });
    });
}

/// Whether Alt was held when the current text selection was made (the contract: Alt keeps the
/// exact characters). Set on mouse-up over the article, read when a label is applied.
#[derive(Clone, Default)]
pub struct ExactSelection(Rc<std::cell::Cell<bool>>);

impl ExactSelection {
    pub fn set(&self, exact: bool) {
        self.0.set(exact);
    }

    pub fn get(&self) -> bool {
        self.0.get()
    }
}

impl PartialEq for ExactSelection {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// Downloads the active document (or, with `all`, every document but the untouched sample) in
/// `format`, or says on screen why it could not or there is nothing to download. The page
/// writes the native format; the files worker the others.
pub fn export(store: &Store, format: &'static ExportFormat, all: bool) {
    let documents: Vec<Rc<Document>> = if all {
        store.workspace.documents.iter().filter(|d| !is_untouched_sample(d)).cloned().collect()
    } else {
        store.active_document().cloned().into_iter().collect()
    };
    let base = match documents.as_slice() {
        [only] if !all => formats::base_name(&only.name),
        _ => "workspace",
    };
    if documents.is_empty() {
        if all {
            notice(store, "nothing to export: the sample article is unchanged and there is no other document");
        }
        return;
    }
    let name = format.file_name(base, documents.len());
    let alert = store.clone();
    let download = move |bytes: Result<Vec<u8>, String>| {
        let downloaded = bytes.and_then(|bytes| {
            browser::download::download(&name, format.mime, &bytes).map_err(|error| format!("{error:?}"))
        });
        if let Err(reason) = downloaded {
            alert.dispatch(Action::ShowAlert(format!("The export could not be downloaded: {reason}")));
        }
    };
    if format.writer.in_page() {
        let documents: Vec<&Document> = documents.iter().map(|d| &**d).collect();
        download(Ok(formats::write_native(&store.workspace, &documents)));
    } else {
        browser::files::write_in_worker(format.writer, &store.workspace, &documents, base, download);
    }
}

/// Downloads every document of the workspace as one native JSON file.
pub fn export_workspace(store: &Store) {
    export(store, &formats::EXPORTS[0], true);
}
