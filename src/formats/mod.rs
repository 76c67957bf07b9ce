//! Files in and out: one module per format, and `open` to pick the reader by a file's content.
//!
//! Readers return fresh documents or a [`FileError`] that names the file and the reason in
//! words a person can act on; they never touch the workspace, so a refused file changes nothing.
//! Writers take the model and return the file's text. Not here: reading files from disk or the
//! browser, and deciding where opened documents go (that is the reducer's job).

pub mod jsonl;
pub mod native;
pub mod open;
pub mod plain;
pub mod storage;

use crate::model::{Document, Label};

/// What a file held: documents ready to add, and the labels they use.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Opened {
    pub labels: Vec<Label>,
    pub documents: Vec<Document>,
}

/// A file that could not be opened, with the reason.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileError {
    pub file: String,
    pub reason: String,
}

impl FileError {
    pub fn new(file: &str, reason: impl Into<String>) -> Self {
        Self { file: file.to_string(), reason: reason.into() }
    }
}

impl std::fmt::Display for FileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Could not open “{}”: {}", self.file, self.reason)
    }
}
