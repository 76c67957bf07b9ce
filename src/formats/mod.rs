//! Files in and out: one module per format, and `open` to pick the reader by a file's content.
//!
//! Readers return fresh documents or a [`FileError`] that names the file and the reason in
//! words a person can act on; they never touch the workspace, so a refused file changes nothing.
//! Writers take the model and return the file's text; [`EXPORTS`] names and types their files.
//! Not here: reading files from disk or the browser, and deciding where opened documents go
//! (that is the reducer's job).

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

/// An export format as the toolbar offers it: its name, how its file is named and typed, and
/// the writer of its bytes.
pub struct ExportFormat {
    /// The hook's suffix: the button is `[data-testid=export-<id>]`.
    pub id: &'static str,
    pub name: &'static str,
    /// What follows the base name: "geneva-talks" + "doccano.jsonl".
    pub extension: &'static str,
    /// The extension of a file of several documents, where it is another.
    pub several_extension: Option<&'static str>,
    pub mime: &'static str,
    /// The file's bytes, from the workspace (for its label set and relation types), the
    /// documents to write (one, or the whole workspace) and the base name ("geneva-talks",
    /// "workspace").
    pub write: fn(&Workspace, &[&Document], &str) -> Vec<u8>,
}

impl ExportFormat {
    /// The file of `documents`, named after `base`.
    pub fn export(&self, workspace: &Workspace, documents: &[&Document], base: &str) -> ExportFile {
        let extension = match self.several_extension {
            Some(several) if documents.len() != 1 => several,
            _ => self.extension,
        };
        ExportFile {
            name: format!("{base}.{extension}"),
            mime: self.mime,
            bytes: (self.write)(workspace, documents, base),
        }
    }
}

/// Every export format, in the order the toolbar shows them. A new format is one file in this
/// folder and one entry here.
pub const EXPORTS: &[ExportFormat] = &[
    ExportFormat {
        id: "json",
        name: "JSON",
        extension: "json",
        several_extension: None,
        mime: "application/json",
        write: |workspace, documents, _| {
            native::export(&workspace.labels, &workspace.relation_types, documents.iter().copied()).into_bytes()
        },
    },
    ExportFormat {
        id: "jsonl",
        name: "spaCy JSONL",
        extension: "jsonl",
        several_extension: None,
        mime: "application/x-ndjson",
        write: |_, documents, _| jsonl::export(documents.iter().copied()).into_bytes(),
    },
    ExportFormat {
        id: "csv",
        name: "CSV",
        extension: "csv",
        several_extension: None,
        mime: "text/csv",
        write: |_, documents, _| self::csv::export(documents.iter().copied()),
    },
    ExportFormat {
        id: "conll",
        name: "CoNLL",
        extension: "conll",
        several_extension: None,
        mime: "text/plain; charset=utf-8",
        write: |_, documents, _| conll::export(documents.iter().copied()).into_bytes(),
    },
    ExportFormat {
        id: "doccano",
        name: "doccano JSONL",
        extension: "doccano.jsonl",
        several_extension: None,
        mime: "application/x-ndjson",
        write: |_, documents, _| doccano::export(documents.iter().copied()).into_bytes(),
    },
    ExportFormat {
        id: "w3c",
        name: "W3C Web Annotation",
        extension: "w3c.jsonld",
        several_extension: None,
        mime: w3c::MIME,
        write: |_, documents, base| w3c::export(base, documents.iter().copied()).into_bytes(),
    },
    // One download is one file: a zip, of one pair as "geneva-talks.brat.zip", of a pair per
    // document as "workspace.zip".
    ExportFormat {
        id: "brat",
        name: "brat (zip)",
        extension: "brat.zip",
        several_extension: Some("zip"),
        mime: "application/zip",
        write: brat::export,
    },
    ExportFormat {
        id: "label-studio",
        name: "Label Studio",
        extension: "label-studio.json",
        several_extension: None,
        mime: "application/json",
        write: |_, documents, _| label_studio::export(documents.iter().copied()).into_bytes(),
    },
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_export_is_named_after_its_base_and_typed() {
        let doc = Document::new("d1", "geneva.txt", "Peskov spoke.");
        let two = Document::new("d2", "kyiv.txt", "Umerov spoke.");
        let workspace = Workspace::default();
        let files: Vec<(String, &str)> = EXPORTS
            .iter()
            .map(|format| format.export(&workspace, &[&doc], base_name(&doc.name)))
            .map(|file| (file.name, file.mime))
            .collect();
        let expected = [
            ("geneva.json", "application/json"),
            ("geneva.jsonl", "application/x-ndjson"),
            ("geneva.csv", "text/csv"),
            ("geneva.conll", "text/plain; charset=utf-8"),
            ("geneva.doccano.jsonl", "application/x-ndjson"),
            ("geneva.w3c.jsonld", w3c::MIME),
            ("geneva.brat.zip", "application/zip"),
            ("geneva.label-studio.json", "application/json"),
        ];
        assert_eq!(files, expected.map(|(name, mime)| (name.to_string(), mime)));
        let of_two = |id: &str| {
            let format = EXPORTS.iter().find(|f| f.id == id).unwrap();
            format.export(&workspace, &[&doc, &two], "workspace").name
        };
        assert_eq!(of_two("brat"), "workspace.zip", "brat's zip of a pair per document");
        assert_eq!(of_two("doccano"), "workspace.doccano.jsonl", "the others keep their extension");
        assert_eq!(base_name(".txt"), "annotations");
        assert_eq!(base_name("notes"), "notes");
    }
}
