//! The page's side of the service worker (`src/service_worker.js`, which
//! `scripts/service_worker.mjs` writes into the build): a release build registers it, so the
//! app starts without a network once visited, and hears when a newer version has installed and
//! waits. That version takes over only when the person asks ([`apply_update`]), never on its
//! own, and the page reloads then. A development build (`trunk serve`) registers none and
//! removes one a release build left at the same address, so a developer never gets stale files.
//! What is cached and how requests are answered is the worker's business, not this module's.

use std::rc::Rc;

use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{ServiceWorkerContainer, ServiceWorkerRegistration, ServiceWorkerState};

/// The worker's script, next to index.html; relative, so the app works under any path.
const SCRIPT: &str = "./service-worker.js";

/// What the page says to a waiting version to make it take over (the worker listens for it).
const TAKE_OVER: &str = "skip-waiting";

/// Registers the service worker (release builds; development builds remove it) and calls
/// `on_update` when a newer version is installed and waiting.
pub fn start(on_update: impl Fn() + 'static) {
    let Some(container) = container() else { return };
    yew::platform::spawn_local(async move {
        if cfg!(debug_assertions) {
            if let Some(registration) = registration(&container).await {
                if let Ok(done) = registration.unregister() {
                    let _ = JsFuture::from(done).await;
                }
            }
            return;
        }
        let Ok(registration) = JsFuture::from(container.register(SCRIPT)).await else { return };
        watch(registration.unchecked_into(), Rc::new(on_update));
    });
}

/// Lets the waiting version take over, then reloads the page once it has.
pub fn apply_update() {
    let Some(container) = container() else { return };
    yew::platform::spawn_local(async move {
        match registration(&container).await.and_then(|registration| registration.waiting()) {
            Some(waiting) => {
                EventListener::once(&container, "controllerchange", |_| reload()).forget();
                if waiting.post_message(&TAKE_OVER.into()).is_err() {
                    reload();
                }
            }
            // Another tab of the app let it take over already.
            None => reload(),
        }
    });
}

/// Calls `on_update` for a version waiting now and for each one that finishes installing later.
fn watch(registration: ServiceWorkerRegistration, on_update: Rc<dyn Fn()>) {
    if registration.waiting().is_some() && controlled() {
        on_update();
    }
    let found = registration.clone();
    EventListener::new(&registration, "updatefound", move |_| {
        let Some(installing) = found.installing() else { return };
        let (worker, on_update) = (installing.clone(), on_update.clone());
        EventListener::new(&installing, "statechange", move |_| {
            if worker.state() == ServiceWorkerState::Installed && controlled() {
                on_update();
            }
        })
        .forget();
    })
    .forget();
}

/// Whether a service worker answers this page: the one installing on a first visit is this
/// page's own version, not a newer one.
fn controlled() -> bool {
    container().is_some_and(|container| container.controller().is_some())
}

/// The registration whose scope holds this page, if any.
async fn registration(container: &ServiceWorkerContainer) -> Option<ServiceWorkerRegistration> {
    JsFuture::from(container.get_registration()).await.ok()?.dyn_into().ok()
}

/// The page's service worker container; none outside a secure context (a plain-http host),
/// where the app simply runs online.
fn container() -> Option<ServiceWorkerContainer> {
    let navigator = gloo::utils::window().navigator();
    js_sys::Reflect::get(&navigator, &"serviceWorker".into()).ok()?.dyn_into().ok()
}

fn reload() {
    let _ = gloo::utils::window().location().reload();
}
