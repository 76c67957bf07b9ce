//! "A new version is ready — Reload": shown while a newer build of the app waits to take over
//! (see `browser::service_worker`). Only the button reloads, so nothing is ever reloaded under
//! the person's hands; until then this page keeps running the version it started with.

use yew::prelude::*;

use crate::browser::service_worker;

#[function_component]
pub fn UpdateBar() -> Html {
    let ready = use_state(|| false);
    {
        let ready = ready.clone();
        use_effect_with((), move |_| service_worker::start(move || ready.set(true)));
    }
    if !*ready {
        return html! {};
    }
    let reload = Callback::from(|_| service_worker::apply_update());
    html! {
        <div class="alert notice" role="status" data-testid="update-ready">
            <span class="alert-message">{ "A new version is ready —" }</span>
            <button type="button" data-testid="update-reload" onclick={reload}>{ "Reload" }</button>
        </div>
    }
}
