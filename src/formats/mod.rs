//! Files in and out: one module per format, and `open` to pick the reader by a file's content.
//!
//! Readers return fresh documents or a [`FileError`] that names the file and the reason in
//! words a person can act on; they never touch the workspace, so a refused file changes nothing.
//! Writers take the model and return the file's text; [`EXPORTS`] names and types their files.
//! The page links only the native writer and [`open::open_in_page`]'s readers; every other
//! reader and writer is linked into the files worker, which the page starts when first needed.
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

use serde::{Deserialize, Serialize};

use crate::model::{add_missing, Document, Label, RelationType, Workspace};

/// What a file held: documents ready to add, the labels they use and the relation types the
/// file declares (only the native format declares any).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
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
/// which writer makes its bytes. Plain data, so listing the formats links no writer.
pub struct ExportFormat {
    /// The hook's suffix: the button is `[data-testid=export-<id>]`.
    pub id: &'static str,
    pub name: &'static str,
    /// What follows the base name: "geneva-talks" + "doccano.jsonl".
    pub extension: &'static str,
    /// The extension of a file of several documents, where it is another.
    pub several_extension: Option<&'static str>,
    pub mime: &'static str,
    pub writer: Writer,
}

impl ExportFormat {
    /// The file's name: `base` ("geneva-talks", "workspace") and the extension for `documents`
    /// documents.
    pub fn file_name(&self, base: &str, documents: usize) -> String {
        let extension = match self.several_extension {
            Some(several) if documents != 1 => several,
            _ => self.extension,
        };
        format!("{base}.{extension}")
    }

    /// The file of `documents`, named after `base`. Links every writer: the page writes only
    /// the native format, with [`write_native`].
    pub fn export(&self, workspace: &Workspace, documents: &[&Document], base: &str) -> ExportFile {
        let bytes = self.writer.write(workspace, documents, base);
        ExportFile { name: self.file_name(base, documents.len()), mime: self.mime, bytes }
    }
}

/// The writer of a format's bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Writer {
    Native,
    SpacyJsonl,
    Csv,
    Conll,
    Doccano,
    W3c,
    Brat,
    LabelStudio,
}

impl Writer {
    /// Whether the page writes this format itself: the native one, which every visit needs.
    pub fn in_page(self) -> bool {
        self == Writer::Native
    }

    /// The file's bytes, from the workspace (for its label set and relation types), the
    /// documents to write (one, or the whole workspace) and the base name ("geneva-talks",
    /// "workspace").
    pub fn write(self, workspace: &Workspace, documents: &[&Document], base: &str) -> Vec<u8> {
        let each = documents.iter().copied();
        match self {
            Writer::Native => write_native(workspace, documents),
            Writer::SpacyJsonl => jsonl::export(each).into_bytes(),
            Writer::Csv => self::csv::export(each),
            Writer::Conll => conll::export(each).into_bytes(),
            Writer::Doccano => doccano::export(each).into_bytes(),
            Writer::W3c => w3c::export(base, each).into_bytes(),
            Writer::Brat => brat::export(workspace, documents, base),
            Writer::LabelStudio => label_studio::export(each).into_bytes(),
        }
    }
}

/// The native file's bytes: the one writer the page links.
pub fn write_native(workspace: &Workspace, documents: &[&Document]) -> Vec<u8> {
    native::export(&workspace.labels, &workspace.relation_types, documents.iter().copied()).into_bytes()
}

/// Every export format, in the order the toolbar shows them; the first is the native format.
/// A new format is one file in this folder, one entry here and its [`Writer`].
pub const EXPORTS: &[ExportFormat] = &[
    ExportFormat {
        id: "json",
        name: "JSON",
        extension: "json",
        several_extension: None,
        mime: "application/json",
        writer: Writer::Native,
    },
    ExportFormat {
        id: "jsonl",
        name: "spaCy JSONL",
        extension: "jsonl",
        several_extension: None,
        mime: "application/x-ndjson",
        writer: Writer::SpacyJsonl,
    },
    ExportFormat {
        id: "csv",
        name: "CSV",
        extension: "csv",
        several_extension: None,
        mime: "text/csv",
        writer: Writer::Csv,
    },
    ExportFormat {
        id: "conll",
        name: "CoNLL",
        extension: "conll",
        several_extension: None,
        mime: "text/plain; charset=utf-8",
        writer: Writer::Conll,
    },
    ExportFormat {
        id: "doccano",
        name: "doccano JSONL",
        extension: "doccano.jsonl",
        several_extension: None,
        mime: "application/x-ndjson",
        writer: Writer::Doccano,
    },
    ExportFormat {
        id: "w3c",
        name: "W3C Web Annotation",
        extension: "w3c.jsonld",
        several_extension: None,
        mime: w3c::MIME,
        writer: Writer::W3c,
    },
    // One download is one file: a zip, of one pair as "geneva-talks.brat.zip", of a pair per
    // document as "workspace.zip".
    ExportFormat {
        id: "brat",
        name: "brat (zip)",
        extension: "brat.zip",
        several_extension: Some("zip"),
        mime: "application/zip",
        writer: Writer::Brat,
    },
    ExportFormat {
        id: "label-studio",
        name: "Label Studio",
        extension: "label-studio.json",
        several_extension: None,
        mime: "application/json",
        writer: Writer::LabelStudio,
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
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
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
