//! The thin layer between the pure core and the page: the DOM's selection, files picked,
//! dropped or launched, downloads, scrolling, the service worker. The only module besides
//! `components` that uses `web_sys`. It holds no state and makes no decisions; it reads and
//! writes the page for the components.

pub mod after_paint;
pub mod crash;
pub mod download;
pub mod files;
pub mod focus;
pub mod kept_compare;
pub mod launch;
pub mod selection;
pub mod service_worker;
pub mod settings;
pub mod sticky;
pub mod storage;
pub mod tabs;
pub mod theme;
pub mod versions;
pub mod viewport;
pub mod worker;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// The article element, by its contract hook.
pub fn article_element() -> Option<web_sys::Element> {
    gloo::utils::document().query_selector("[data-testid=article]").ok()?
}

/// How many paragraphs the article groups in one block element. Each block is laid out on its
/// own: a change to a few paragraphs lays out their block's paragraphs, not all 4,000 of a
/// 100k-word article (6–10 ms of the frame that shows suggestions, before the blocks).
pub const PARAGRAPHS_PER_BLOCK: usize = 64;

/// The element of paragraph `index` (of `Document::paragraphs`) in the article.
pub fn paragraph_element(article: &web_sys::Element, index: usize) -> Option<web_sys::Element> {
    article
        .children()
        .item((index / PARAGRAPHS_PER_BLOCK) as u32)?
        .children()
        .item((index % PARAGRAPHS_PER_BLOCK) as u32)
}

/// How many paragraph elements the article holds.
pub fn paragraph_count(article: &web_sys::Element) -> usize {
    let blocks = article.children();
    match blocks.length() as usize {
        0 => 0,
        n => {
            (n - 1) * PARAGRAPHS_PER_BLOCK
                + blocks.item(n as u32 - 1).map_or(0, |last| last.children().length() as usize)
        }
    }
}

/// Scrolls the page to `place` when the article's text fills the screen there, or else brings
/// the article's first line into view below the sticky toolbar (unless it is on screen already).
/// The article was just drawn: this lays it out now, in the task that opened the document, so
/// the frame shows the new document in place.
pub fn show_article_at(place: Option<f64>) {
    let Some(article) = article_element() else { return };
    let window = gloo::utils::window();
    let (rect, y) = (article.get_bounding_client_rect(), window.scroll_y().unwrap_or(0.0));
    let height = window.inner_height().ok().and_then(|h| h.as_f64()).unwrap_or(0.0);
    let toolbar = sticky::toolbar_height();
    let (top, bottom) = (y + rect.top(), y + rect.bottom());
    match place {
        Some(place) if place + toolbar >= top && place + height <= bottom => window.scroll_to_with_x_and_y(0.0, place),
        _ if rect.top() >= toolbar && rect.top() < height => {}
        _ => {
            let options = web_sys::ScrollIntoViewOptions::new();
            options.set_block(web_sys::ScrollLogicalPosition::Start);
            article.scroll_into_view_with_scroll_into_view_options(&options);
        }
    }
}

/// Brings the first element of span `id` into view (no scrolling when it is already visible).
pub fn scroll_span_into_view(id: &str) {
    scroll_into_view(&format!("[data-testid=article] [data-span-id=\"{}\"]", css_escape(id)));
}

/// Brings the first element matching `selector` into view, if it is not already, in the next
/// animation frame. Scrolling needs the layout: asked for in the task that changed the page, it
/// lays out a long article there and then (9 ms of the task that shows 5,000 suggestions at
/// 100k words); in the frame, it is the layout the frame does anyway.
pub fn scroll_into_view(selector: &str) {
    let selector = selector.to_owned();
    let scroll = Closure::once_into_js(move || {
        if let Ok(Some(element)) = gloo::utils::document().query_selector(&selector) {
            let options = web_sys::ScrollIntoViewOptions::new();
            options.set_block(web_sys::ScrollLogicalPosition::Nearest);
            element.scroll_into_view_with_scroll_into_view_options(&options);
        }
    });
    // Without a frame to come (a hidden page) there is nothing to scroll for.
    let _ = gloo::utils::window().request_animation_frame(scroll.unchecked_ref());
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
