//! The workspace's storage, under the document list: how much of the browser's storage is used
//! and whether the browser may clear it, a warning before it runs out, and the earlier versions
//! of the workspace, each with "Restore" (one undo step).
//!
//! Not for: deciding which versions are kept (`formats::versions`) or reading storage
//! (`browser::versions`); this only shows what they answer.

use gloo::events::EventListener;
use yew::platform::spawn_local;
use yew::prelude::*;

use super::store::{export_workspace, use_hub};
use crate::browser;
use crate::formats::versions::{Usage, VersionInfo, EVERY_MS};
use crate::state::Action;

/// The versions list: closed, or what reading it answered.
type Listed = Option<Result<Vec<VersionInfo>, String>>;

#[function_component]
pub fn StoragePanel() -> Html {
    let hub = use_hub();
    // Outer `None`: not answered yet; inner: the browser does not say.
    let usage = use_state(|| None::<Option<Usage>>);
    let failure = use_state(|| None::<String>);
    let listed = use_state(|| None as Listed);
    let note = use_state(String::new);
    let opener = use_node_ref();
    {
        let (usage, failure) = (usage.setter(), failure.setter());
        let opened_with = hub.now().workspace.clone();
        use_effect_with((), move |_| {
            // Mounted once, with the page: the workspace as found is the first version's.
            browser::versions::page_opened(&opened_with);
            let refresh = move || {
                let (usage, failure) = (usage.clone(), failure.clone());
                spawn_local(async move {
                    usage.set(Some(browser::versions::usage().await));
                    failure.set(browser::versions::failure());
                });
            };
            refresh();
            let window = gloo::utils::window();
            let listener = EventListener::new(&window, browser::versions::CHANGED_EVENT, move |_| refresh());
            move || drop(listener)
        });
    }
    let close = {
        let (listed, opener) = (listed.clone(), opener.clone());
        move || {
            listed.set(None);
            // The list and the button that had focus are gone: focus goes back to the opener.
            if let Some(button) = opener.cast::<web_sys::HtmlElement>() {
                let _ = button.focus();
            }
        }
    };
    let toggle = {
        let (listed, close) = (listed.clone(), close.clone());
        Callback::from(move |_: MouseEvent| {
            if listed.is_some() {
                close();
                return;
            }
            let listed = listed.clone();
            spawn_local(async move { listed.set(Some(browser::versions::list().await)) });
        })
    };
    let onkeydown = {
        let close = close.clone();
        Callback::from(move |event: KeyboardEvent| {
            if event.key() == "Escape" {
                event.stop_propagation();
                close();
            }
        })
    };
    let restore = |version: &VersionInfo| {
        let (hub, note, close, id) = (hub.clone(), note.clone(), close.clone(), version.id);
        let when = time(version.saved_at);
        Callback::from(move |_: MouseEvent| {
            let (hub, note, close, when) = (hub.clone(), note.clone(), close.clone(), when.clone());
            spawn_local(async move {
                match browser::versions::read(id).await {
                    Ok(version) => {
                        hub.dispatch(Action::RestoreVersion(version));
                        note.set(format!("Restored the version of {when}. Undo (Ctrl+Z) goes back."));
                        close();
                    }
                    Err(reason) => note.set(format!("That version could not be restored: {reason}.")),
                }
            });
        })
    };
    let list = listed.as_ref().map(|answer| {
        let items = match answer {
            Ok(versions) if versions.is_empty() => html! {
                <li class="hint">{ format!(
                    "No earlier versions yet. One is kept when the page is opened, before a document is \
                     removed, and every {} minutes of work.", EVERY_MS / 60_000.0
                ) }</li>
            },
            Ok(versions) => html! { <>{ for versions.iter().map(|v| {
                let when = time(v.saved_at);
                html! {
                    <li key={v.id.to_string()} data-testid="version-item" data-version-id={v.id.to_string()}>
                        <span class="version-time">{ &when }</span>
                        <span class="version-summary">{ v.summary() }</span>
                        <span class="version-why">{ &v.why }</span>
                        <button type="button" data-testid="version-restore" onclick={restore(v)}
                            aria-label={format!("Restore the version of {when}: {}, {}", v.summary(), v.why)}>
                            { "Restore" }
                        </button>
                    </li>
                }
            }) }</> },
            Err(reason) => html! { <li class="hint">{ format!("The versions could not be read: {reason}.") }</li> },
        };
        html! {
            <ol id="versions-list" class="versions" aria-label="Earlier versions, newest first" {onkeydown}>
                { items }
            </ol>
        }
    });
    let usage_line = match *usage {
        None => "Storage: …".to_string(),
        Some(None) => "Storage: this browser does not say how much is used".to_string(),
        Some(Some(usage)) => usage.describe(),
    };
    let pressure = (*usage).flatten().filter(Usage::under_pressure).map(|usage| {
        let export_all = {
            let hub = hub.clone();
            Callback::from(move |_| export_workspace(&hub.now()))
        };
        html! {
            <div class="storage-pressure" role="alert" data-testid="storage-pressure">
                <p>{ format!(
                    "Browser storage is {}% full. Export all now to keep a copy, then remove documents you no \
                     longer need: once it is full, changes are no longer saved.", usage.percent()
                ) }</p>
                <button type="button" data-testid="storage-pressure-export" onclick={export_all}>
                    { "Export all now" }
                </button>
            </div>
        }
    });
    // Each optional part is one child, present or not (`for` would splice in as many as there
    // are): the children keep their places, so the button keeps its element, and its focus.
    html! {
        <section class="storage-panel" aria-label="Storage">
            <p class="storage-usage" data-testid="storage-usage">{ usage_line }</p>
            { pressure.unwrap_or_default() }
            if let Some(reason) = &*failure {
                <p class="hint">{ format!("Earlier versions are not being kept: {reason}.") }</p>
            }
            <button type="button" class="versions-open" data-testid="versions-open" ref={opener}
                aria-expanded={listed.is_some().to_string()} aria-controls="versions-list" onclick={toggle}>
                { "Earlier versions" }
            </button>
            { list.unwrap_or_default() }
            <p class="hint" aria-live="polite">{ (*note).clone() }</p>
        </section>
    }
}

/// "12 May 2025, 14:05:33" in the reader's language.
fn time(ms: f64) -> String {
    let language = gloo::utils::window().navigator().language().unwrap_or_else(|| "en".into());
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"dateStyle".into(), &"medium".into());
    let _ = js_sys::Reflect::set(&options, &"timeStyle".into(), &"medium".into());
    js_sys::Date::new(&ms.into()).to_locale_string(&language, &options).into()
}
