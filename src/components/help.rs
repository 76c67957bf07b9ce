//! The overlay that lists every key, the compare view's too (`?` opens and closes it, as does
//! Escape). The focus stays
//! in it while it is open and goes back where it was when it closes.

use yew::prelude::*;

use super::held_focus::use_held_focus;
use super::store::use_selected;
use crate::keys::{COMPARE_KEY_HELP, KEY_HELP};
use crate::state::Action;

#[function_component]
pub fn HelpOverlay() -> Html {
    // Closed, it draws nothing and follows nothing; open, the keys of labels and relation types.
    let (keys, hub) =
        use_selected(|s| s.help_open.then(|| (s.workspace.labels.clone(), s.workspace.relation_types.clone())));
    let close_ref = use_node_ref();
    let dialog_ref = use_node_ref();
    use_held_focus(keys.is_some(), dialog_ref.clone(), close_ref.clone());
    let Some((labels, relation_types)) = keys.as_ref() else { return html! {} };
    let close = Callback::from(move |_| hub.dispatch(Action::ToggleHelp));
    let label_rows = labels.iter().filter_map(|label| {
        let key = label.key.clone()?;
        Some(html! { <tr><th scope="row"><kbd>{ key }</kbd></th><td>{ format!("tag as {}", label.name) }</td></tr> })
    });
    let relation_rows = relation_types.iter().filter_map(|kind| {
        let key = kind.key.clone()?;
        let source = kind.from_label.as_ref().map_or_else(|| "a span".to_string(), |l| format!("a {l}"));
        Some(html! {
            <tr><th scope="row"><kbd>{ key }</kbd>{ format!(" with {source} selected") }</th>
                <td>{ format!("link it: {} (↑/↓ and Enter, a digit, or a click)", kind.name) }</td></tr>
        })
    });
    html! {
        <div class="overlay" data-testid="help">
            <div class="dialog" role="dialog" aria-modal="true" aria-labelledby="help-title" ref={dialog_ref}>
                <h2 id="help-title">{ "Keys" }</h2>
                <table>
                    { for label_rows }
                    { for relation_rows }
                    { for KEY_HELP.iter().map(|(keys, what)| html! {
                        <tr><th scope="row">{ *keys }</th><td>{ *what }</td></tr>
                    }) }
                </table>
                <h3 id="compare-keys-title">{ "In the compare view" }</h3>
                <table data-testid="compare-keys" aria-labelledby="compare-keys-title">
                    { for COMPARE_KEY_HELP.iter().map(|(_, keys, what)| html! {
                        <tr><th scope="row">{ *keys }</th><td>{ *what }</td></tr>
                    }) }
                </table>
                <p class="hint">{ "Labels: actor = who acts or speaks; location = where; figure = a number with what it counts; quote = the words said, without the quotation marks." }</p>
                <button type="button" ref={close_ref} onclick={close}>{ "Close" }</button>
            </div>
        </div>
    }
}
