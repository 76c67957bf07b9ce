//! The colour theme: follows the system (`prefers-color-scheme`) unless the person picked light
//! or dark, which is remembered in the browser's local storage and set as `data-theme` on the
//! root element, where the stylesheets read it, and picks the window colour of the installed
//! app (index.html's `theme-color` metas).

use wasm_bindgen::JsCast;

const STORAGE_KEY: &str = "article-annotator.theme";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Theme {
    System,
    Light,
    Dark,
}

impl Theme {
    pub fn next(self) -> Theme {
        match self {
            Theme::System => Theme::Light,
            Theme::Light => Theme::Dark,
            Theme::Dark => Theme::System,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Theme::System => "system",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }
}

fn storage() -> Option<web_sys::Storage> {
    gloo::utils::window().local_storage().ok().flatten()
}

/// The remembered theme (system when none is, or storage is unavailable).
pub fn load() -> Theme {
    match storage().and_then(|s| s.get_item(STORAGE_KEY).ok().flatten()).as_deref() {
        Some("light") => Theme::Light,
        Some("dark") => Theme::Dark,
        _ => Theme::System,
    }
}

/// Shows `theme` and remembers it. A storage failure only means it is not remembered.
pub fn apply(theme: Theme) {
    let root = gloo::utils::document_element();
    let _ = match theme {
        Theme::System => root.remove_attribute("data-theme"),
        other => root.set_attribute("data-theme", other.name()),
    };
    set_window_colour(theme);
    if let Some(storage) = storage() {
        let _ = storage.set_item(STORAGE_KEY, theme.name());
    }
}

/// index.html has one `theme-color` meta per system scheme (`data-scheme`), each applying by
/// its media query; a picked theme makes its own apply always and the other never.
fn set_window_colour(theme: Theme) {
    let Ok(metas) = gloo::utils::document().query_selector_all("meta[name=theme-color][data-scheme]") else { return };
    for meta in (0..metas.length()).filter_map(|i| metas.item(i)?.dyn_into::<web_sys::Element>().ok()) {
        let scheme = meta.get_attribute("data-scheme").unwrap_or_default();
        let media = match theme {
            Theme::System => format!("(prefers-color-scheme: {scheme})"),
            picked if picked.name() == scheme => "all".to_string(),
            _ => "not all".to_string(),
        };
        let _ = meta.set_attribute("media", &media);
    }
}
