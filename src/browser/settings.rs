//! Small preferences remembered by the browser (local storage): a failure only means the
//! preference is not remembered.

fn storage() -> Option<web_sys::Storage> {
    gloo::utils::window().local_storage().ok().flatten()
}

pub fn load_flag(key: &str) -> bool {
    storage().and_then(|s| s.get_item(key).ok().flatten()).as_deref() == Some("1")
}

pub fn save_flag(key: &str, on: bool) {
    if let Some(storage) = storage() {
        let _ = storage.set_item(key, if on { "1" } else { "0" });
    }
}
