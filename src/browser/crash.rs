//! What the page does when the app panics. A panic aborts (the wasm target cannot unwind): the
//! instance traps, Yew never renders again and every handler the app set up fails, yet the
//! page still looks alive. The hook installed here, before anything else runs:
//!
//! - marks the app as crashed ([`has_crashed`]), so `storage` writes nothing more: the state
//!   in memory may be broken, and the last good save must stay as it is;
//! - covers the page with a dialog (`data-testid=crash`) saying so, with the time of the last
//!   save ([`note_saved`]), a "Reload" and an "Export all" button;
//! - logs the panic to the console.
//!
//! The dialog's buttons are answered by `src/crash.js`, plain JavaScript loaded with the page,
//! because nothing in the dead instance can answer a click. This is not for errors the app
//! recovers from: those are alerts and warnings in the view.
//!
//! The hook touches only atomics and the DOM: state kept in a `RefCell` may be mid-borrow when
//! the panic strikes.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

use wasm_bindgen::{JsCast, JsValue};

static CRASHED: AtomicBool = AtomicBool::new(false);
/// When the newest successful save began (ms since the epoch); 0: none on this visit.
static SAVED_AT_MS: AtomicU64 = AtomicU64::new(0);

/// Installs the panic hook; call it first thing, so a panic anywhere is caught.
pub fn install() {
    // Through Yew: a hook set with `std::panic::set_hook` is replaced by Yew's own on mounting.
    yew::set_custom_panic_hook(Box::new(on_panic));
}

/// Whether the app has panicked on this page.
pub fn has_crashed() -> bool {
    CRASHED.load(Ordering::Relaxed)
}

/// Records that what the app held at `ms` (ms since the epoch) is in storage.
pub fn note_saved(ms: f64) {
    SAVED_AT_MS.fetch_max(ms as u64, Ordering::Relaxed);
}

fn on_panic(info: &std::panic::PanicHookInfo) {
    // Handlers still call into the dead instance and may panic again: one dialog is enough.
    let first = !CRASHED.swap(true, Ordering::Relaxed);
    // The JavaScript stack says which handler was running; the panic's text says where in Rust.
    let stack = js_sys::Reflect::get(&js_sys::Error::new(""), &"stack".into()).ok().and_then(|s| s.as_string());
    web_sys::console::error_1(&format!("The app stopped: {info}\n\nStack:\n{}", stack.unwrap_or_default()).into());
    if first {
        show_dialog(&message(saved_clock()));
    }
}

/// The local time of day of the last save as (hours, minutes, seconds), if there was one.
fn saved_clock() -> Option<(u32, u32, u32)> {
    let ms = SAVED_AT_MS.load(Ordering::Relaxed);
    (ms > 0).then(|| {
        let date = js_sys::Date::new(&JsValue::from_f64(ms as f64));
        (date.get_hours(), date.get_minutes(), date.get_seconds())
    })
}

/// What the dialog says, given the time of the last save on this visit.
fn message(saved: Option<(u32, u32, u32)>) -> String {
    match saved {
        Some((hours, minutes, seconds)) => format!(
            "Something went wrong. Your work is saved up to {hours:02}:{minutes:02}:{seconds:02}: \
             reload to carry on from there, or export it as one file."
        ),
        None => "Something went wrong. Nothing has been saved yet on this visit: reloading brings back \
                 the workspace as it was when the page opened."
            .to_string(),
    }
}

/// Covers the page with the crash dialog; gives up quietly if the page will not have it.
fn show_dialog(text: &str) -> Option<()> {
    let document = web_sys::window()?.document()?;
    let body = document.body()?;
    // The app underneath would only lead clicks and keys into the dead instance.
    let children = body.children();
    for child in (0..children.length()).filter_map(|i| children.item(i)) {
        let _ = child.set_attribute("inert", "");
    }
    let element = |tag: &str, attributes: &[(&str, &str)], text: &str| {
        let element = document.create_element(tag).ok()?;
        for (name, value) in attributes {
            element.set_attribute(name, value).ok()?;
        }
        element.set_text_content(Some(text));
        Some(element)
    };
    let overlay = element(
        "div",
        &[
            ("class", "overlay"),
            ("role", "alertdialog"),
            ("aria-modal", "true"),
            ("aria-labelledby", "crash-title"),
            ("aria-describedby", "crash-message"),
            ("data-testid", "crash"),
        ],
        "",
    )?;
    let dialog = element("div", &[("class", "dialog")], "")?;
    let reload =
        element("button", &[("type", "button"), ("data-testid", "crash-reload"), ("data-crash-reload", "")], "Reload")?;
    let export = element(
        "button",
        &[("type", "button"), ("data-testid", "crash-export"), ("data-crash-export", "")],
        "Export all",
    )?;
    let buttons = element("p", &[], "")?;
    // Spaced as buttons written in HTML are, with no stylesheet of its own.
    buttons.append_with_node_1(&reload).ok()?;
    buttons.append_with_str_1(" ").ok()?;
    buttons.append_with_node_1(&export).ok()?;
    let title = element("h2", &[("id", "crash-title")], "The app stopped")?;
    let message = element("p", &[("id", "crash-message")], text)?;
    // Where crash.js says what became of an export.
    let note = element("p", &[("class", "hint"), ("data-crash-note", ""), ("aria-live", "polite")], "")?;
    dialog.append_with_node_4(&title, &message, &buttons, &note).ok()?;
    overlay.append_child(&dialog).ok()?;
    body.append_child(&overlay).ok()?;
    reload.dyn_into::<web_sys::HtmlElement>().ok()?.focus().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_message_gives_the_time_of_the_last_save_to_the_second() {
        let text = message(Some((14, 2, 31)));
        assert!(text.contains("Your work is saved up to 14:02:31"), "{text}");
        assert!(message(Some((9, 0, 5))).contains("09:00:05"));
    }

    #[test]
    fn with_no_save_on_this_visit_the_message_says_so() {
        let text = message(None);
        assert!(text.contains("Nothing has been saved yet on this visit"), "{text}");
        assert!(!text.contains("saved up to"));
    }

    #[test]
    fn a_save_that_began_earlier_does_not_move_the_time_back() {
        note_saved(2_000.0);
        note_saved(1_000.0);
        assert_eq!(SAVED_AT_MS.load(Ordering::Relaxed), 2_000);
    }
}
