//! The middle of the page as two tabs: the article being annotated, or the reports over the
//! workspace. A report's "Show" brings its quote or figure back here, selected in its article.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::article::ArticleView;
use super::report_sheets::ReportSettings;
use super::reports::ReportsView;
use super::store::{use_store, ExactSelection};
use crate::browser;
use crate::state::Action;

#[derive(Properties, PartialEq)]
pub struct ViewsProps {
    pub exact_selection: ExactSelection,
}

#[function_component]
pub fn Views(props: &ViewsProps) -> Html {
    let store = use_store();
    let reports_open = use_state(|| false);
    // Kept while the article is shown, so a jump back to the reports finds them as they were.
    let settings = use_state(ReportSettings::default);
    let jumped_to = use_mut_ref(|| None::<Rc<str>>);
    {
        let jumped_to = jumped_to.clone();
        use_effect_with(*reports_open, move |open| {
            if let Some(span) = jumped_to.borrow_mut().take().filter(|_| !open) {
                browser::scroll_span_into_view(&span);
                if let Some(article) =
                    browser::article_element().and_then(|a| a.dyn_into::<web_sys::HtmlElement>().ok())
                {
                    let _ = article.focus();
                }
            }
        });
    }
    let show = |open: bool| {
        let (store, reports_open) = (store.clone(), reports_open.clone());
        Callback::from(move |_: MouseEvent| {
            // Keys act on the selected span, which the reports do not show.
            if open {
                store.dispatch(Action::Select(None));
            }
            reports_open.set(open);
        })
    };
    let on_jump = {
        let (store, reports_open) = (store.clone(), reports_open.clone());
        Callback::from(move |(document, span): (Rc<str>, Rc<str>)| {
            if store.active.as_ref() != Some(&document) {
                store.dispatch(Action::SwitchDocument(document));
            }
            store.dispatch(Action::Select(Some(span.clone())));
            *jumped_to.borrow_mut() = Some(span);
            reports_open.set(false);
        })
    };
    let on_settings = {
        let settings = settings.clone();
        Callback::from(move |changed: ReportSettings| settings.set(changed))
    };
    // One Tab stop for the two tabs (the chosen one); the arrow keys choose, as in any tab list.
    let tab = |open: bool, text: &'static str, testid: &'static str| {
        let chosen = *reports_open == open;
        html! {
            <button type="button" role="tab" data-testid={testid} aria-selected={chosen.to_string()}
                tabindex={if chosen { "0" } else { "-1" }} aria-controls="main-view" onclick={show(open)}>{ text }</button>
        }
    };
    let on_arrow = {
        let (store, reports_open) = (store.clone(), reports_open.clone());
        Callback::from(move |event: KeyboardEvent| {
            if !matches!(event.key().as_str(), "ArrowLeft" | "ArrowRight") {
                return;
            }
            event.prevent_default();
            let open = !*reports_open;
            if open {
                store.dispatch(Action::Select(None));
            }
            reports_open.set(open);
            // The other tab of the two takes the focus.
            if let Some(tab) = event.target_dyn_into::<web_sys::Element>() {
                let other = if open { tab.next_element_sibling() } else { tab.previous_element_sibling() };
                if let Some(other) = other.and_then(|o| o.dyn_into::<web_sys::HtmlElement>().ok()) {
                    let _ = other.focus();
                }
            }
        })
    };
    html! {
        <div class="views">
            <div class="view-tabs" role="tablist" aria-label="View" onkeydown={on_arrow}>
                { tab(false, "Article", "article-tab") }
                { tab(true, "Reports", "reports") }
            </div>
            <div id="main-view" role="tabpanel">
                if *reports_open {
                    <ReportsView settings={(*settings).clone()} {on_settings} {on_jump} />
                } else {
                    <ArticleView exact_selection={props.exact_selection.clone()} />
                }
            </div>
        </div>
    }
}
