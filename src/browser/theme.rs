//! The colour theme: follows the system (`prefers-color-scheme`) unless the person picked light
//! or dark, which is remembered in the browser's local storage and set as `data-theme` on the
//! root element, where the stylesheets read it.

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
    if let Some(storage) = storage() {
        let _ = storage.set_item(STORAGE_KEY, theme.name());
    }
}
