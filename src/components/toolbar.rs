//! The bar above the article: open files, paste a text, the label buttons, undo/redo, export,
//! the view's settings (dimming site furniture, the theme), and the status line. Its height is
//! published for what sticks or scrolls below it.

use std::rc::Rc;

use yew::prelude::*;

use super::compare::CompareButton;
use super::live_region::LiveRegion;
use super::store::{export, export_workspace, open_files, run_command, use_hub, use_selected, ExactSelection};
use super::text_field::TextField;
use crate::browser;
use crate::formats::{ExportFormat, EXPORTS};
use crate::keys::Command;
use crate::model::Label;
use crate::state::{Action, State};

/// Where the browser remembers whether site furniture is dimmed (on unless turned off).
pub(super) const DIM_FURNITURE: &str = "article-annotator.dim-furniture";
/// Where the browser keeps the annotator name.
pub(super) const ANNOTATOR_NAME: &str = "article-annotator.annotator";

#[derive(Properties, PartialEq)]
pub struct ToolbarProps {
    pub exact_selection: ExactSelection,
}

/// What the toolbar shows of the state; it redraws when this changes, not on every edit.
#[derive(PartialEq)]
struct ToolbarPart {
    labels: Vec<Label>,
    can_undo: bool,
    can_redo: bool,
    has_open_document: bool,
    has_documents: bool,
    annotator: Option<Rc<str>>,
    dim_furniture: bool,
}

impl ToolbarPart {
    fn of(state: &State) -> Self {
        Self {
            labels: state.workspace.labels.clone(),
            can_undo: state.can_undo(),
            can_redo: state.can_redo(),
            has_open_document: state.active_document().is_some(),
            has_documents: !state.workspace.documents.is_empty(),
            annotator: state.annotator.clone(),
            dim_furniture: state.dim_furniture,
        }
    }
}

#[function_component]
pub fn Toolbar(props: &ToolbarProps) -> Html {
    let (shown, hub) = use_selected(ToolbarPart::of);
    let on_open = {
        let hub = hub.clone();
        Callback::from(move |event: Event| {
            let input = event.target_unchecked_into::<web_sys::HtmlInputElement>();
            open_files(&hub.now(), browser::files::file_list(input.files()));
            // Lets the same file be picked again (after fixing it, say).
            input.set_value("");
        })
    };
    let labels = shown.labels.iter().map(|label| {
        let onclick = {
            let (hub, id, exact) = (hub.clone(), label.id.clone(), props.exact_selection.clone());
            Callback::from(move |_| {
                run_command(&hub.now(), Command::Label(id.clone()), exact.get());
            })
        };
        html! {
            <button type="button" class="label-button" data-label={label.id.clone()}
                data-testid={format!("label-{}", label.id)} onmousedown={keep_selection()} {onclick}
                title={format!("Tag the selection as {} (key {})", label.name, label.key.clone().unwrap_or_default())}>
                <span class="swatch" aria-hidden="true"></span>
                { &label.name }
                if let Some(key) = &label.key { <kbd>{ key }</kbd> }
            </button>
        }
    });
    let history_button = |action: Action, enabled: bool, text: &'static str, keys: &'static str| {
        let hub = hub.clone();
        html! {
            <button type="button" disabled={!enabled} title={keys} data-testid={text.to_lowercase()}
                onclick={Callback::from(move |_| hub.dispatch(action.clone()))}>{ text }</button>
        }
    };
    let export_button = |format: &'static ExportFormat, all: bool| {
        let hub = hub.clone();
        let (id, text) = if all {
            (format!("export-all-{}", format.id), format!("All as {}", format.name))
        } else {
            (format!("export-{}", format.id), format!("Export {}", format.name))
        };
        html! {
            <button type="button" data-testid={id} disabled={!shown.has_open_document}
                onclick={Callback::from(move |_| export(&hub.now(), format, all))}>{ text }</button>
        }
    };
    let on_export_all = {
        let hub = hub.clone();
        Callback::from(move |_| export_workspace(&hub.now()))
    };
    let theme = use_state(browser::theme::load);
    {
        let theme = *theme;
        use_effect_with(theme, move |_| browser::theme::apply(theme));
    }
    let on_theme = {
        let theme = theme.clone();
        Callback::from(move |_| theme.set(theme.next()))
    };
    let on_dim = {
        let hub = hub.clone();
        Callback::from(move |_: Event| {
            let on = !hub.now().dim_furniture;
            browser::settings::save_flag(DIM_FURNITURE, on);
            hub.dispatch(Action::SetDimFurniture(on));
        })
    };
    let on_annotator = {
        let hub = hub.clone();
        Callback::from(move |event: Event| {
            let name = event.target_unchecked_into::<web_sys::HtmlInputElement>().value();
            browser::settings::save_text(ANNOTATOR_NAME, name.trim());
            hub.dispatch(Action::SetAnnotator(name));
        })
    };
    let on_help = {
        let hub = hub.clone();
        Callback::from(move |_| hub.dispatch(Action::ToggleHelp))
    };
    let header = use_node_ref();
    {
        let header = header.clone();
        use_effect_with((), move |_| {
            let following = header.cast::<web_sys::HtmlElement>().and_then(browser::sticky::follow_height);
            move || drop(following)
        });
    }
    html! {
        <header class="toolbar" ref={header}>
            <h1 class="app-name">{ "Article Annotator" }</h1>
            <label class="button open-file">
                { "Open files…" }
                <input type="file" data-testid="open-file" multiple=true class="visually-hidden"
                    accept=".txt,.md,.markdown,.json,.jsonl,.ndjson,.jsonld,.ann,.zip,text/plain,text/markdown,application/json,application/zip"
                    onchange={on_open} />
            </label>
            <PasteBox />
            <div class="labels" role="group" aria-label="Labels">{ for labels }</div>
            <div class="history" role="group" aria-label="History">
                { history_button(Action::Undo, shown.can_undo, "Undo", "Undo (Ctrl+Z)") }
                { history_button(Action::Redo, shown.can_redo, "Redo", "Redo (Ctrl+Shift+Z or Ctrl+Y)") }
            </div>
            <div class="exports" role="group" aria-label="Export">
                { export_button(&EXPORTS[0], false) }
                <button type="button" data-testid="export-all" onclick={on_export_all}
                    disabled={!shown.has_documents}>{ "Export all" }</button>
                <details class="more-exports">
                    <summary class="button">{ "More formats" }</summary>
                    <div class="export-menu">
                        { for EXPORTS.iter().skip(1).map(|format| html! {
                            <div class="export-row">{ export_button(format, false) }{ export_button(format, true) }</div>
                        }) }
                    </div>
                </details>
            </div>
            <label class="setting" title="Recorded on every span and link you make, and in your exports">
                { "Annotator" }
                <TextField testid="annotator-name" size="10" placeholder="your name" label="Annotator"
                    value={shown.annotator.as_deref().unwrap_or_default().to_string()} onchange={on_annotator} />
            </label>
            <CompareButton />
            <label class="setting" title="Show a saved page's bylines, credits, share and comment prompts dimmed (the text stays as it is)">
                <input type="checkbox" data-testid="dim-furniture" checked={shown.dim_furniture} onchange={on_dim} />
                { "Dim page furniture" }
            </label>
            <button type="button" data-testid="theme" onclick={on_theme}
                title="Colour theme: system, light or dark">{ format!("Theme: {}", theme.name()) }</button>
            <button type="button" data-testid="help-button" onclick={on_help} aria-label="Keys (?)">{ "?" }</button>
            <LiveRegion />
        </header>
    }
}

/// A mouse-down on a toolbar button would otherwise collapse the text selection it acts on.
fn keep_selection() -> Callback<MouseEvent> {
    Callback::from(|event: MouseEvent| event.prevent_default())
}

/// "New document from text": paste an article, name it, create it.
#[function_component]
fn PasteBox() -> Html {
    let hub = use_hub();
    let text_ref = use_node_ref();
    let name_ref = use_node_ref();
    let details_ref = use_node_ref();
    let on_create = {
        let (text_ref, name_ref, details_ref) = (text_ref.clone(), name_ref.clone(), details_ref.clone());
        Callback::from(move |_| {
            let (Some(text), Some(name)) =
                (text_ref.cast::<web_sys::HtmlTextAreaElement>(), name_ref.cast::<web_sys::HtmlInputElement>())
            else {
                return;
            };
            hub.dispatch(Action::NewFromText { name: name.value(), text: text.value() });
            if !text.value().is_empty() {
                text.set_value("");
                name.set_value("");
                if let Some(details) = details_ref.cast::<web_sys::Element>() {
                    let _ = details.remove_attribute("open");
                }
            }
        })
    };
    html! {
        <details class="paste-box" ref={details_ref}>
            <summary class="button">{ "New from text" }</summary>
            <div class="paste-form">
                <label>{ "Name" }<input type="text" ref={name_ref} data-testid="paste-name" placeholder="article.txt" /></label>
                <label>{ "Text" }<textarea ref={text_ref} data-testid="paste-text" rows="8"
                    placeholder="Paste an article here" /></label>
                <button type="button" data-testid="paste-create" onclick={on_create}>{ "Create document" }</button>
            </div>
        </details>
    }
}
