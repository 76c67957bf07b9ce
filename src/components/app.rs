//! The whole page: the reducer, the context every component reads, the keyboard listener,
//! dropping files anywhere on the page or opening them with the installed app, and the layout.

use std::rc::Rc;

use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::alert::{AlertBar, StorageWarning};
use super::autosave::Autosave;
use super::compare::CompareView;
use super::document_list::DocumentList;
use super::document_scroll::use_document_scroll;
use super::find_bar::FindBar;
use super::first_visit::FirstVisitHint;
use super::help::HelpOverlay;
use super::label_style::label_css;
use super::side_panel::SidePanel;
use super::store::{open_files, run_command, AppState, ExactSelection, Hub, Store};
use super::suggest_runner::SuggestRunner;
use super::suggestion_bar::SuggestionBar;
use super::toolbar::{Toolbar, ANNOTATOR_NAME, DIM_FURNITURE};
use super::update_bar::UpdateBar;
use super::views::Views;
use crate::browser;
use crate::formats::storage;
use crate::keys::{command_for, KeyContext, KeyPress};
use crate::model::Workspace;
use crate::sample::sample_document;
use crate::state::{self, Action, State, Synced};

/// How a visit opens: the state, and the copies of closing pages folded into it, as (tab, when
/// saved), dropped once a save holds them.
#[derive(PartialEq)]
struct Opening {
    state: State,
    folded: Rc<[(String, f64)]>,
}

/// The workspace stored in this browser, with what closing pages kept folded in (see
/// `state::opening`), or the sample article on a first visit. A stored copy that cannot be
/// read is kept aside (never overwritten) and the reason shown.
async fn opening() -> Opening {
    let sample = || State::new(Workspace { documents: vec![Rc::new(sample_document())], ..Workspace::default() });
    let (saved, failure) = match browser::storage::read_workspace().await {
        Ok(saved) => (saved, None),
        Err(reason) => (None, Some(reason)),
    };
    let revision = browser::storage::read_revision().await.unwrap_or(0);
    let (mut folded, mut copies) = (Vec::new(), Vec::new());
    for (tab, copy) in browser::storage::read_closing_copies() {
        if let Ok(copy) = storage::load(&copy) {
            folded.push((tab, copy.saved_at));
            copies.push(copy);
        }
    }
    let (stored, unreadable) = match saved.map(|copy| (storage::load(&copy), copy)) {
        Some((Ok(stored), _)) => (Some(stored), None),
        Some((Err(reason), copy)) => (None, Some((reason, copy))),
        None => (None, None),
    };
    let empty = Synced { revision, workspace: Workspace { documents: Vec::new(), ..Workspace::default() } };
    let mut state = state::opening(stored, revision, copies).unwrap_or_else(|| sample().building_on(empty));
    if let Some((reason, copy)) = unreadable {
        let kept = browser::storage::keep_unreadable(&copy).await;
        let message = format!("The saved workspace could not be read: {reason}. It is kept in this browser ({kept}).");
        state = state.reduce(Action::ShowAlert(message));
    }
    if let Some(reason) = failure {
        state = state.reduce(Action::StorageFailed(reason));
    }
    Opening { state, folded: folded.into() }
}

/// Reads the stored workspace, then shows it.
#[function_component]
pub fn App() -> Html {
    let loaded = use_state(|| None::<Rc<Opening>>);
    {
        let loaded = loaded.clone();
        use_effect_with((), move |_| {
            yew::platform::spawn_local(async move { loaded.set(Some(Rc::new(opening().await))) });
        });
    }
    match &*loaded {
        Some(opening) => html! { <Annotator initial={opening.clone()} /> },
        None => html! { <p class="loading">{ "Opening your workspace…" }</p> },
    }
}

#[derive(Properties, PartialEq)]
struct AnnotatorProps {
    initial: Rc<Opening>,
}

/// The whole page, once the workspace is known.
#[function_component]
fn Annotator(props: &AnnotatorProps) -> Html {
    let store: Store = use_reducer(|| {
        let mut state = props.initial.state.clone();
        state.dim_furniture = browser::settings::load_flag(DIM_FURNITURE, true);
        let state = state.reduce(Action::SetAnnotator(browser::settings::load_text(ANNOTATOR_NAME)));
        AppState(state)
    });
    let hub = use_memo((), |_| Hub::default()).as_ref().clone();
    hub.publish(&store);
    let exact_selection = use_memo((), |_| ExactSelection::default()).as_ref().clone();
    {
        let (store, exact_selection) = (store.clone(), exact_selection.clone());
        use_effect_with(store.clone(), move |_| {
            let options = EventListenerOptions::enable_prevent_default();
            let listener = EventListener::new_with_options(&gloo::utils::window(), "keydown", options, move |event| {
                let Some(event) = event.dyn_ref::<KeyboardEvent>() else { return };
                // The compare view has keys of its own.
                if store.comparing.is_some() {
                    return;
                }
                let key = event.key();
                // A key no one presses by chance, for the end-to-end tests of a crash.
                #[cfg(debug_assertions)]
                if key == "F12" && event.ctrl_key() && event.alt_key() && event.shift_key() {
                    store.dispatch(Action::ForcePanic);
                }
                let press = KeyPress {
                    key: &key,
                    ctrl: event.ctrl_key() || event.meta_key(),
                    shift: event.shift_key(),
                    alt: event.alt_key(),
                };
                let article = browser::article_element();
                let context = KeyContext {
                    article_focused: article.is_some_and(|a| gloo::utils::document().active_element() == Some(a)),
                    span_selected: store.selected.is_some(),
                    text_selected: browser::selection::has_text_selection(),
                    linking: store.linking.is_some(),
                    suggestions: !store.suggestions.is_empty(),
                    typing: browser::is_typing_target(event.target()),
                };
                let workspace = &store.workspace;
                let Some(command) = command_for(press, context, &workspace.labels, &workspace.relation_types) else {
                    return;
                };
                if run_command(&store, command, exact_selection.get() || event.alt_key()) {
                    event.prevent_default();
                }
            });
            move || drop(listener)
        });
    }
    use_document_scroll(store.active.clone());
    use_effect_with(store.selected.clone(), |selected| {
        if let Some(id) = selected {
            browser::scroll_span_into_view(id);
        }
    });
    {
        let store = store.clone();
        use_effect_with((), move |_| {
            let failed = store.clone();
            let open = move |files| open_files(&store, files);
            browser::launch::on_launch(open, move |reason| failed.dispatch(Action::ShowAlert(reason)));
        });
    }
    let skip_to_article = Callback::from(|event: MouseEvent| {
        if browser::focus::focus_article() {
            event.prevent_default();
        }
    });
    let ondragover = Callback::from(|event: DragEvent| event.prevent_default());
    let ondrop = {
        let store = store.clone();
        Callback::from(move |event: DragEvent| {
            event.prevent_default();
            let files = browser::files::file_list(event.data_transfer().and_then(|d| d.files()));
            open_files(&store, files);
        })
    };
    html! {
        <ContextProvider<Store> context={store.clone()}>
        <ContextProvider<Hub> context={hub}>
            <style>{ label_css(&store.workspace.labels) }</style>
            <div class="app" {ondragover} {ondrop}>
                <a class="skip-link" href="#article" onclick={skip_to_article}>{ "Skip to article" }</a>
                <Toolbar exact_selection={exact_selection.clone()} />
                <SuggestionBar />
                <FindBar />
                <StorageWarning />
                <UpdateBar />
                <AlertBar />
                if store.comparing.is_some() {
                    <CompareView />
                } else {
                    // Tab goes from the article to the span card and the side panel, then the
                    // documents; the stylesheet draws the documents on the left.
                    <main class="workspace">
                        <div class="article-column">
                            <FirstVisitHint />
                            <Views {exact_selection} />
                        </div>
                        <SidePanel />
                        <DocumentList />
                    </main>
                }
                <HelpOverlay />
                <Autosave store={store.clone()} folded={props.initial.folded.clone()} />
                <SuggestRunner store={store.clone()} />
            </div>
        </ContextProvider<Hub>>
        </ContextProvider<Store>>
    }
}
