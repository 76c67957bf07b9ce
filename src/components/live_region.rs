//! The status line: one polite live region that says what the latest edit did ("Location: Saudi
//! Arabia added", "undone: …"), suggestions being made and shown, and why a key did nothing.
//! Screen readers read it out; everyone else sees it under the toolbar. The words come from
//! `state::announce`.

use yew::prelude::*;

use super::store::use_selected;

#[function_component]
pub fn LiveRegion() -> Html {
    let (announcement, _) = use_selected(|s| s.announcement.clone());
    // Keyed by its serial: the same words again are a new text node, which is read out again.
    let said = (*announcement).clone().map(|a| html! { <span key={a.serial}>{ a.text.to_string() }</span> });
    html! {
        <p class="live-region" role="status" data-testid="live-region">{ for said }</p>
    }
}
