//! Autosave, shared by every tab of the app on this browser profile.
//!
//! Each change (a rejected suggestion or another open document included) is written to browser
//! storage (IndexedDB) [`SAVE_DELAY_MS`] after the first unsaved change, and at once when the
//! page is hidden or closed; the scroll position is kept too. A write happens in a *round*,
//! holding a Web Lock that no other tab holds meanwhile: the round reads the stored revision,
//! and if another tab wrote since this one last looked, it folds that in (`SyncAction::Merge`)
//! instead of writing, so no tab ever writes over changes it has not seen; the merge is itself
//! a change, written by the next round. A write is announced on a BroadcastChannel, and every
//! other tab runs a round at once, so each sees the others' edits within a moment.
//!
//! A failed save shows a persistent warning with an "Export all" button (see `alert`).

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use yew::prelude::*;

use super::store::{SameWorkspace, Store};
use crate::browser;
use crate::browser::tabs::Channel;
use crate::formats::storage;
use crate::model::RejectedSuggestions;
use crate::state::{Action, State, SyncAction};

/// How long after a change the workspace is written at the latest.
pub const SAVE_DELAY_MS: u32 = 300;

/// The Web Lock every tab takes to read, merge and write the stored workspace.
const LOCK: &str = "article-annotator.workspace";

/// One round at a time, always with the newest state; and what the last write held besides
/// the workspace, so a change of open document or of rejections alone is written too.
#[derive(Default)]
struct Rounds {
    running: Cell<bool>,
    again: Cell<bool>,
    written: RefCell<Option<Extras>>,
}

/// What a write held besides the workspace: the open document and the rejections.
type Extras = (Option<Rc<str>>, Rc<RejectedSuggestions>);

/// What a round needs: the newest state as rendered, and the channel to the other tabs.
struct Sync {
    latest: Rc<RefCell<Store>>,
    rounds: Rounds,
    channel: RefCell<Option<Channel>>,
    /// Names this tab's copy kept at closing.
    tab: String,
    /// When this tab last kept its copy: a write of a state taken after that holds it all.
    copy_kept_at: Cell<f64>,
    /// The copies kept at closing that this page opened with, as (tab, when saved): the first
    /// write holds what they held, so they go, unless their tab (still open) kept a newer one.
    folded: RefCell<Vec<(String, f64)>>,
}

impl Sync {
    /// Runs a round now, or right after the one under way.
    fn run(self: &Rc<Self>) {
        if self.rounds.running.replace(true) {
            self.rounds.again.set(true);
            return;
        }
        let sync = self.clone();
        yew::platform::spawn_local(async move {
            loop {
                let round = sync.clone();
                browser::tabs::exclusively(LOCK, async move { round.round().await }).await;
                if !sync.rounds.again.replace(false) {
                    break;
                }
            }
            sync.rounds.running.set(false);
        });
    }

    async fn round(&self) {
        let stored_revision = match browser::storage::read_revision().await {
            Ok(revision) => revision,
            Err(reason) => return self.report(Err(reason)),
        };
        let taken_at = js_sys::Date::now();
        let store = self.latest.borrow().clone();
        let synced = store.synced().clone();
        if stored_revision > synced.revision {
            // Another tab wrote (or this one did, and the state has not caught up yet; the
            // state ignores a revision it has seen).
            return self.merge_stored(&store).await;
        }
        // The handle reads the live state: what this round writes is fixed here, before the
        // write, so an edit made while it is written stays unsaved and is written next.
        let (workspace, active, rejected) =
            (store.workspace.clone(), store.active.clone(), store.rejected_suggestions().clone());
        let written = self.rounds.written.borrow().clone();
        let same_extras = written.as_ref().is_some_and(|(active, rejected)| {
            *active == store.active && Rc::ptr_eq(rejected, store.rejected_suggestions())
        });
        if !store.has_unsaved_changes() && stored_revision == synced.revision && same_extras {
            return;
        }
        // Past the stored revision, also if the stored copy went away (site data cleared).
        let revision = synced.revision.max(stored_revision) + 1;
        let stored = stored_form(&store, revision);
        let result = browser::storage::write_workspace(&stored, revision).await;
        if result.is_ok() {
            self.drop_copies_held(taken_at);
            browser::versions::after_save(&workspace);
            *self.rounds.written.borrow_mut() = Some((active, rejected));
            store.dispatch(Action::Sync(SyncAction::Saved { revision, workspace }));
            if let Some(channel) = self.channel.borrow().as_ref() {
                channel.announce(revision);
            }
        }
        self.report(result);
    }

    /// Drops the copies kept at closing that a write of the state taken at `taken_at` holds.
    fn drop_copies_held(&self, taken_at: f64) {
        if self.copy_kept_at.get() < taken_at {
            browser::storage::remove_closing_copy(&self.tab);
        }
        for (tab, saved_at) in self.folded.take() {
            let copy = browser::storage::read_closing_copy(&tab);
            if copy.as_deref().and_then(storage::saved_at) == Some(saved_at) {
                browser::storage::remove_closing_copy(&tab);
            }
        }
    }

    /// Reads what another tab stored and hands it to the state to fold in.
    async fn merge_stored(&self, store: &Store) {
        let loaded = match browser::storage::read_workspace().await {
            Ok(Some(stored)) => storage::load(&stored).map_err(|reason| {
                format!("another tab stored a workspace this page cannot read ({reason}); reload this page")
            }),
            Ok(None) => return,
            Err(reason) => Err(reason),
        };
        match loaded {
            Ok(restored) => {
                let theirs = State::restored(restored);
                store.dispatch(Action::Sync(SyncAction::Merge {
                    revision: theirs.synced().revision,
                    rejected: (**theirs.rejected_suggestions()).clone(),
                    theirs: theirs.workspace,
                }));
            }
            Err(reason) => self.report(Err(reason)),
        }
    }

    /// Shows a failure, or the end of one.
    fn report(&self, result: Result<(), String>) {
        let store = self.latest.borrow().clone();
        match result {
            Ok(()) if store.storage_warning.is_some() => store.dispatch(Action::StorageSaved),
            Err(reason) if store.storage_warning.as_deref() != Some(reason.as_str()) => {
                store.dispatch(Action::StorageFailed(reason))
            }
            Ok(()) | Err(_) => {}
        }
    }
}

fn stored_form(store: &Store, revision: u64) -> String {
    let docs = store.workspace.documents.iter().map(|d| &**d);
    let history = store.history_for_storage();
    let extras = storage::Extras {
        active: store.active.as_deref(),
        saved_at: js_sys::Date::now(),
        revision,
        rejected: Some(store.rejected_suggestions()),
        history: Some(&history),
    };
    storage::save(&store.workspace.labels, &store.workspace.relation_types, docs, extras)
}

fn save_scroll(store: &Store) {
    if let (Some(active), Ok(y)) = (store.active.as_deref(), gloo::utils::window().scroll_y()) {
        browser::storage::write_scroll(active, y);
    }
}

/// Keeps browser storage and the other tabs up to date with `store`; render it once, anywhere
/// inside the app.
#[derive(Properties, PartialEq)]
pub struct AutosaveProps {
    pub store: Store,
    /// The copies kept at closing that the opening state holds, as (tab, when saved).
    pub folded: Rc<[(String, f64)]>,
}

#[function_component]
pub fn Autosave(props: &AutosaveProps) -> Html {
    let latest = use_mut_ref(|| props.store.clone());
    *latest.borrow_mut() = props.store.clone();
    let pending: Rc<RefCell<Option<Timeout>>> = use_mut_ref(|| None);
    let sync = use_memo((), |_| {
        // What was read at opening counts as written: a round with nothing new writes nothing.
        let loaded = (props.store.active.clone(), props.store.rejected_suggestions().clone());
        let rounds = Rounds { written: RefCell::new(Some(loaded)), ..Rounds::default() };
        let tab = format!("{:012x}", (js_sys::Math::random() * 2f64.powi(48)) as u64);
        let folded = RefCell::new(props.folded.to_vec());
        Rc::new(Sync {
            latest: latest.clone(),
            rounds,
            channel: RefCell::new(None),
            tab,
            copy_kept_at: Cell::new(0.0),
            folded,
        })
    })
    .as_ref()
    .clone();
    {
        let (pending, sync) = (pending.clone(), sync.clone());
        let key = (
            SameWorkspace(props.store.workspace.clone()),
            props.store.active.clone(),
            props.store.rejected_suggestions().clone(),
        );
        use_effect_with(key, move |_| {
            if pending.borrow().is_none() {
                let slot = pending.clone();
                *pending.borrow_mut() = Some(Timeout::new(SAVE_DELAY_MS, move || {
                    slot.borrow_mut().take();
                    sync.run();
                }));
            }
        });
    }
    {
        let latest = latest.clone();
        use_effect_with((), move |_| {
            *sync.channel.borrow_mut() = Channel::listen({
                let sync = sync.clone();
                move || sync.run()
            });
            // Another tab may have written between this page reading the workspace and listening.
            sync.run();
            let window = gloo::utils::window();
            let on_visibility = {
                let sync = sync.clone();
                move |_: &web_sys::Event| {
                    if gloo::utils::document().visibility_state() == web_sys::VisibilityState::Hidden {
                        keep_closing_copy(&sync);
                    }
                    // Shown again: catch up with what other tabs wrote meanwhile.
                    sync.run();
                }
            };
            let on_pagehide = {
                let sync = sync.clone();
                move |_: &web_sys::Event| {
                    keep_closing_copy(&sync);
                    sync.run();
                }
            };
            let listeners = [
                EventListener::new(&window, "pagehide", on_pagehide),
                EventListener::new(&gloo::utils::document(), "visibilitychange", on_visibility),
                EventListener::new(&window, "scrollend", move |_| save_scroll(&latest.borrow())),
            ];
            move || drop(listeners)
        });
    }
    html! {}
}

/// The synchronous copy for a closing page, built on the revision this tab has merged, and
/// the scroll position.
fn keep_closing_copy(sync: &Sync) {
    sync.copy_kept_at.set(js_sys::Date::now());
    let store = sync.latest.borrow();
    browser::storage::write_closing_copy(&sync.tab, &stored_form(&store, store.synced().revision));
    save_scroll(&store);
}
