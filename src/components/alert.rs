//! The message about what went wrong (a file that could not be opened), in a `role="alert"`
//! element so screen readers announce it, until dismissed or replaced.

use yew::prelude::*;

use super::store::Store;
use crate::state::Action;

#[function_component]
pub fn AlertBar() -> Html {
    let store = use_context::<Store>().expect("AlertBar is rendered inside the store provider");
    let Some(message) = store.alert.clone() else { return html! {} };
    let dismiss = {
        let store = store.clone();
        Callback::from(move |_| store.dispatch(Action::DismissAlert))
    };
    html! {
        <div class="alert" role="alert">
            <span class="alert-message">{ message }</span>
            <button type="button" class="alert-dismiss" onclick={dismiss}>{ "Dismiss" }</button>
        </div>
    }
}
