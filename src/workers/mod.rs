//! The page's Web Workers: the messages that cross between the page and each worker, and what a
//! worker does with them. Each worker's entry point is a binary of its own in this folder
//! (see Cargo.toml), built by Trunk from index.html; the page's side of starting one and
//! posting to it is `browser::worker`.
//! Not here: the work itself, which is pure core (`formats`, `suggest`).

pub mod files;
