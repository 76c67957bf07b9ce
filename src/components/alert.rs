//! Messages about what went wrong, in `role="alert"` elements so screen readers announce them:
//! a file that could not be opened (until dismissed or replaced), and work that is not being
//! saved (until a save succeeds), with an immediate export.

use yew::prelude::*;

use super::store::{export_workspace, use_selected};
use crate::state::Action;

#[function_component]
pub fn AlertBar() -> Html {
    let (message, hub) = use_selected(|s| s.alert.clone());
    let Some(message) = (*message).clone() else { return html! {} };
    let dismiss = Callback::from(move |_| hub.dispatch(Action::DismissAlert));
    html! {
        <div class="alert" role="alert">
            <span class="alert-message">{ message }</span>
            <button type="button" class="alert-dismiss" onclick={dismiss}>{ "Dismiss" }</button>
        </div>
    }
}

#[function_component]
pub fn StorageWarning() -> Html {
    let (reason, hub) = use_selected(|s| s.storage_warning.clone());
    let Some(reason) = reason.as_deref() else { return html! {} };
    let export_all = Callback::from(move |_| export_workspace(&hub.now()));
    html! {
        <div class="alert persistent" role="alert" data-testid="storage-warning">
            <span class="alert-message">
                { format!("Your work is not being saved in this browser: {reason}. Export it to keep it.") }
            </span>
            <button type="button" data-testid="storage-export" onclick={export_all}>{ "Export all now" }</button>
        </div>
    }
}
