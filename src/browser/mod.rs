//! The thin layer between the pure core and the page: the DOM's selection, files picked or
//! dropped, downloads, scrolling. The only module besides `components` that uses `web_sys`.
//! It holds no state and makes no decisions; it reads and writes the page for the components.

pub mod download;
pub mod files;
pub mod selection;
pub mod settings;
pub mod storage;
pub mod theme;
pub mod viewport;
pub mod worker;

use wasm_bindgen::JsCast;

/// The article element, by its contract hook.
pub fn article_element() -> Option<web_sys::Element> {
    gloo::utils::document().query_selector("[data-testid=article]").ok()?
}

/// Brings the first element of span `id` into view (no scrolling when it is already visible).
pub fn scroll_span_into_view(id: &str) {
    scroll_into_view(&format!("[data-testid=article] [data-span-id=\"{}\"]", css_escape(id)));
}

/// Brings the first element matching `selector` into view, if it is not already.
pub fn scroll_into_view(selector: &str) {
    if let Ok(Some(element)) = gloo::utils::document().query_selector(selector) {
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(web_sys::ScrollLogicalPosition::Nearest);
        element.scroll_into_view_with_scroll_into_view_options(&options);
    }
}

/// Whether a key event comes from a place where typing means text, not commands.
pub fn is_typing_target(target: Option<web_sys::EventTarget>) -> bool {
    let Some(element) = target.and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok()) else { return false };
    matches!(element.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT") || element.is_content_editable()
}

/// Escapes a value for use inside a double-quoted CSS attribute selector.
fn css_escape(value: &str) -> String {
    value.replace('\\', "\\\\").replace('"', "\\\"")
}
