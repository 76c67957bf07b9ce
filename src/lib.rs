//! Article Annotator: span annotation of news articles, entirely in the browser.
//!
//! Data flows one way: file → `formats` → `model` → `state` → `components` (view) →
//! `browser` (selection, keys) → `state::Action` → `state` → `formats` (export).
//!
//! `model`, `text`, `state`, `formats`, `suggest`, `agreement` and `keys` are the pure core: no DOM, no Yew,
//! tested natively with `cargo test` (`tests/architecture.rs` checks it). `browser` is the only
//! module that touches the DOM's selection, files and downloads; `components` are the Yew view.

pub mod agreement;
pub mod browser;
pub mod colors;
pub mod components;
pub mod formats;
pub mod keys;
pub mod model;
pub mod reports;
pub mod sample;
pub mod sort;
pub mod state;
pub mod suggest;
pub mod text;
pub mod workers;
