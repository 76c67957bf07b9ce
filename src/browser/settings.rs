//! Small preferences remembered by the browser (local storage): a failure only means the
//! preference is not remembered.

fn storage() -> Option<web_sys::Storage> {
    gloo::utils::window().local_storage().ok().flatten()
}

/// The flag stored under `key`, or `default` when none is.
pub fn load_flag(key: &str, default: bool) -> bool {
    match storage().and_then(|s| s.get_item(key).ok().flatten()).as_deref() {
        Some(stored) => stored == "1",
        None => default,
    }
}

pub fn save_flag(key: &str, on: bool) {
    if let Some(storage) = storage() {
        let _ = storage.set_item(key, if on { "1" } else { "0" });
    }
}

/// The text stored under `key`, or an empty one.
pub fn load_text(key: &str) -> String {
    storage().and_then(|s| s.get_item(key).ok().flatten()).unwrap_or_default()
}

pub fn save_text(key: &str, text: &str) {
    if let Some(storage) = storage() {
        let _ = storage.set_item(key, text);
    }
}
