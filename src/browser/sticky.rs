//! The sticky toolbar's height as the CSS custom property `--toolbar-height`, so that what sticks
//! below it (the side panels) and what is scrolled into view (`scroll-padding-top`) land below
//! it, however many rows it wraps to.
//!
//! A `ResizeObserver` reports the height after the browser's own layout, and only when it
//! changed: measuring after every render forced a layout of the whole article before each frame.
//!
//! Not for: deciding the layout (the stylesheets do that with the property).

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

const PROPERTY: &str = "--toolbar-height";

/// Keeps `--toolbar-height` equal to `toolbar`'s height while the returned guard lives.
pub struct FollowHeight {
    observer: web_sys::ResizeObserver,
    _on_resize: Closure<dyn FnMut()>,
}

impl Drop for FollowHeight {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}

/// Starts following `toolbar`'s height; `None` where the browser has no `ResizeObserver`.
pub fn follow_height(toolbar: web_sys::HtmlElement) -> Option<FollowHeight> {
    let measured = toolbar.clone();
    let on_resize = Closure::<dyn FnMut()>::new(move || publish(&measured));
    let observer = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()).ok()?;
    observer.observe(&toolbar);
    Some(FollowHeight { observer, _on_resize: on_resize })
}

/// The toolbar's height as last published (0 before the first measurement).
pub fn toolbar_height() -> f64 {
    let value = root_style().and_then(|style| style.get_property_value(PROPERTY).ok()).unwrap_or_default();
    value.trim_end_matches("px").parse().unwrap_or(0.0)
}

fn publish(toolbar: &web_sys::HtmlElement) {
    let Some(style) = root_style() else { return };
    let height = format!("{}px", toolbar.offset_height());
    if style.get_property_value(PROPERTY).ok().as_deref() != Some(height.as_str()) {
        let _ = style.set_property(PROPERTY, &height);
    }
}

/// The inline style of the page's root element, where the property lives.
fn root_style() -> Option<web_sys::CssStyleDeclaration> {
    let root = gloo::utils::document().document_element()?;
    root.dyn_ref::<web_sys::HtmlElement>().map(web_sys::HtmlElement::style)
}
