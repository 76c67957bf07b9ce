//! Files in and out: one module per format, and `open` to pick the reader by a file's content.
//!
//! Readers return fresh documents or a [`FileError`] that names the file and the reason in
//! words a person can act on; they never touch the workspace, so a refused file changes nothing.
//! Writers take the model and return the file's text. Not here: reading files from disk or the
//! browser, and deciding where opened documents go (that is the reducer's job).

pub mod brat;
pub mod conll;
pub mod csv;
pub mod doccano;
pub mod jsonl;
pub mod label_studio;
pub mod native;
pub mod open;
pub mod plain;
pub mod repair;
pub mod storage;
pub mod versions;
pub mod w3c;

use crate::model::{add_missing, Document, Label, RelationType, Workspace};

/// What a file held: documents ready to add, the labels they use and the relation types the
/// file declares (only the native format declares any).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Opened {
    pub labels: Vec<Label>,
    pub relation_types: Vec<RelationType>,
    pub documents: Vec<Document>,
    /// What the reader left out or repaired, in words ("span T3 refused: …"), to show the person.
    pub notes: Vec<String>,
}

impl Opened {
    pub fn documents(documents: Vec<Document>) -> Self {
        Self { documents, ..Self::default() }
    }

    /// Adds what another file held (labels and relation types once, by id).
    pub fn absorb(&mut self, other: Opened) {
        add_missing(&mut self.labels, other.labels, |l| &l.id);
        add_missing(&mut self.relation_types, other.relation_types, |t| &t.id);
        self.documents.extend(other.documents);
        self.notes.extend(other.notes);
    }
}

/// A file an exporter made, ready to download.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExportFile {
    pub name: String,
    pub mime: &'static str,
    pub bytes: Vec<u8>,
}

/// An export format as the toolbar offers it. `export` gets the workspace (for its label set and
/// relation types), the documents to
/// write (one, or the whole workspace) and the base name for the file ("geneva-talks",
/// "workspace").
pub struct ExportFormat {
    /// The hook's suffix: the button is `[data-testid=export-<id>]`.
    pub id: &'static str,
    pub name: &'static str,
    pub export: fn(&Workspace, &[&Document], &str) -> ExportFile,
}

/// Every export format, in the order the toolbar shows them. A new format is one file in this
/// folder and one line here.
pub const EXPORTS: &[ExportFormat] = &[
    ExportFormat { id: "json", name: "JSON", export: native::export_file },
    ExportFormat { id: "jsonl", name: "spaCy JSONL", export: jsonl::export_file },
    ExportFormat { id: "csv", name: "CSV", export: self::csv::export_file },
    ExportFormat { id: "conll", name: "CoNLL", export: conll::export_file },
    ExportFormat { id: "doccano", name: "doccano JSONL", export: doccano::export_file },
    ExportFormat { id: "w3c", name: "W3C Web Annotation", export: w3c::export_file },
    ExportFormat { id: "brat", name: "brat (zip)", export: brat::export_file },
    ExportFormat { id: "label-studio", name: "Label Studio", export: label_studio::export_file },
];

/// The base name of a document's exports: "geneva-talks.txt" → "geneva-talks".
pub fn base_name(doc_name: &str) -> &str {
    let stem = doc_name.rsplit_once('.').map_or(doc_name, |(stem, _)| stem);
    if stem.trim().is_empty() {
        "annotations"
    } else {
        stem
    }
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
