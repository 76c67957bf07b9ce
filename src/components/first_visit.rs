//! The hint a first visit shows above the article: how to tag, link a speaker and export, in
//! three lines. Once dismissed it stays away; the browser remembers.

use yew::prelude::*;

use crate::browser;

/// Where the browser remembers that the hint was dismissed.
const DISMISSED: &str = "article-annotator.first-visit-hint-dismissed";

#[function_component]
pub fn FirstVisitHint() -> Html {
    let shown = use_state(|| !browser::settings::load_flag(DISMISSED, false));
    if !*shown {
        return html! {};
    }
    let dismiss = Callback::from(move |_| {
        browser::settings::save_flag(DISMISSED, true);
        shown.set(false);
        browser::focus::focus_article();
    });
    html! {
        <section class="first-visit" data-testid="first-visit-hint" aria-labelledby="first-visit-title">
            <h2 id="first-visit-title">{ "Getting started" }</h2>
            <ol>
                <li>{ "Tag: select words in the article, then press a label's number key or click its button above." }</li>
                <li>{ "Link a speaker: select a quote, press s, then pick the speaker with ↑/↓ and Enter." }</li>
                <li>{ "Export: “Export JSON” saves this document, “Export all” every document; ? lists every key." }</li>
            </ol>
            <button type="button" data-testid="dismiss-first-visit" onclick={dismiss}>{ "Got it" }</button>
        </section>
    }
}
