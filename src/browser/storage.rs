//! Keeping the workspace in the browser between visits (local storage: synchronous, so a save
//! made while the page is hidden or closing completes). What is stored is decided by
//! `formats::storage`; this module only reads and writes the strings.

const WORKSPACE_KEY: &str = "article-annotator.workspace";
const UNREADABLE_KEY: &str = "article-annotator.workspace.unreadable";
const SCROLL_KEY: &str = "article-annotator.scroll";

fn local_storage() -> Result<web_sys::Storage, String> {
    gloo::utils::window()
        .local_storage()
        .ok()
        .flatten()
        .ok_or_else(|| "this browser gives the page no local storage (private mode?)".to_string())
}

/// The stored workspace, if any was stored.
pub fn read_workspace() -> Option<String> {
    local_storage().ok()?.get_item(WORKSPACE_KEY).ok()?
}

/// Stores the workspace; the error says why the browser refused (quota, private mode).
pub fn write_workspace(stored: &str) -> Result<(), String> {
    local_storage()?.set_item(WORKSPACE_KEY, stored).map_err(|error| {
        let name = js_sys::Reflect::get(&error, &"name".into()).ok().and_then(|n| n.as_string());
        match name.as_deref() {
            Some("QuotaExceededError") => "the browser's storage for this page is full".to_string(),
            Some(other) => format!("the browser refused to store it ({other})"),
            None => "the browser refused to store it".to_string(),
        }
    })
}

/// Moves a stored workspace that could not be read out of the way, so it is neither lost nor
/// overwritten by the next save, and returns the key it is kept under.
pub fn keep_unreadable(stored: &str) -> &'static str {
    if let Ok(storage) = local_storage() {
        let _ = storage.set_item(UNREADABLE_KEY, stored);
    }
    UNREADABLE_KEY
}

/// Where the open document was scrolled to: `(document id, pixels from the top)`.
pub fn read_scroll() -> Option<(String, f64)> {
    let stored = local_storage().ok()?.get_item(SCROLL_KEY).ok()??;
    let (id, y) = stored.rsplit_once(' ')?;
    Some((id.to_string(), y.parse().ok()?))
}

pub fn write_scroll(document: &str, y: f64) {
    if let Ok(storage) = local_storage() {
        let _ = storage.set_item(SCROLL_KEY, &format!("{document} {y}"));
    }
}
