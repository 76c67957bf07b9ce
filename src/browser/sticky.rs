//! The sticky toolbar's height as the CSS custom property `--toolbar-height`, so that what sticks
//! below it (the side panels) and what is scrolled into view (`scroll-padding-top`) land below
//! it, however many rows it wraps to.
//!
//! Not for: deciding the layout (the stylesheets do that with the property).

use gloo::events::EventListener;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

const PROPERTY: &str = "--toolbar-height";

/// Publishes `toolbar`'s height in the next animation frame (its layout is done there anyway).
pub fn publish_height(toolbar: web_sys::HtmlElement) {
    let publish = Closure::once_into_js(move || {
        let Some(root) = gloo::utils::document().document_element() else { return };
        let Some(style) = root.dyn_ref::<web_sys::HtmlElement>().map(web_sys::HtmlElement::style) else { return };
        let height = format!("{}px", toolbar.offset_height());
        if style.get_property_value(PROPERTY).ok().as_deref() != Some(height.as_str()) {
            let _ = style.set_property(PROPERTY, &height);
        }
    });
    let _ = gloo::utils::window().request_animation_frame(publish.unchecked_ref());
}

/// Publishes `toolbar`'s height again whenever the window is resized, while the listener lives.
pub fn follow_resizes(toolbar: web_sys::HtmlElement) -> EventListener {
    EventListener::new(&gloo::utils::window(), "resize", move |_| publish_height(toolbar.clone()))
}
