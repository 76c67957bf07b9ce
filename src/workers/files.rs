//! The files worker's messages: what the page asks (open the parts of a pick it cannot read
//! itself, write an export in a format other than the native one, or compute an agreement
//! report, which would hold up the page for a large comparison) and what comes back,
//! carried as JS values by serde-wasm-bindgen, with files' bytes as `Uint8Array`s that are
//! handed over, not copied. [`answer`] is the worker's side; the page's is `browser::files`.
//! Not here: reading and writing formats (`formats`), starting the worker (`browser::worker`).

use std::rc::Rc;

use js_sys::Uint8Array;
use serde::{Deserialize, Serialize};
use wasm_bindgen::JsValue;

use crate::agreement::report::{Job, Report};
use crate::formats::open::{self, Part};
use crate::formats::{FileError, Opened, Writer};
use crate::model::{Document, Label, RelationType, Workspace};

/// Where Trunk puts the worker's loader, next to index.html.
pub const LOADER: &str = "./files_worker_loader.js";

/// A file as it crosses: its name and its bytes.
#[derive(Serialize, Deserialize)]
pub struct FileMessage {
    pub name: String,
    #[serde(with = "serde_wasm_bindgen::preserve")]
    pub bytes: Uint8Array,
}

impl FileMessage {
    pub fn new((name, bytes): open::File) -> Self {
        Self { name, bytes: Uint8Array::from(&bytes[..]) }
    }
}

/// What the page asks of the worker.
#[derive(Serialize, Deserialize)]
pub enum Request {
    /// Open these parts of a pick with every reader; one result per part, in order.
    Open(Vec<Part<FileMessage>>),
    /// Write `documents` in `writer`'s format, named after `base`, with the workspace's label
    /// set and relation types.
    Export {
        writer: Writer,
        base: String,
        labels: Vec<Label>,
        relation_types: Vec<RelationType>,
        documents: Vec<Rc<Document>>,
    },
    /// Compute the agreement report of a comparison.
    Report(Job),
}

/// What the worker answers, to each request in the order they came.
#[derive(Serialize, Deserialize)]
pub enum Reply {
    Opened(Vec<Result<Opened, FileError>>),
    Exported {
        #[serde(with = "serde_wasm_bindgen::preserve")]
        bytes: Uint8Array,
    },
    Reported(Report),
    /// The request could not be read (a page and a worker of different builds, say).
    Refused(String),
}

impl Request {
    /// The request as a JS value, and the buffers it hands over.
    pub fn to_message(&self) -> Result<(JsValue, js_sys::Array), String> {
        let transfer = js_sys::Array::new();
        if let Request::Open(parts) = self {
            for file in parts.iter().flat_map(Part::files) {
                transfer.push(&file.bytes.buffer());
            }
        }
        Ok((serde_wasm_bindgen::to_value(self).map_err(|e| e.to_string())?, transfer))
    }
}

impl Reply {
    /// The reply as a JS value, and the buffers it hands over.
    pub fn to_message(&self) -> Result<(JsValue, js_sys::Array), String> {
        let transfer = js_sys::Array::new();
        if let Reply::Exported { bytes } = self {
            transfer.push(&bytes.buffer());
        }
        Ok((serde_wasm_bindgen::to_value(self).map_err(|e| e.to_string())?, transfer))
    }

    pub fn from_message(message: JsValue) -> Result<Self, String> {
        serde_wasm_bindgen::from_value(message).map_err(|e| format!("the files worker sent something else ({e})"))
    }
}

/// The worker's answer to one message of the page.
pub fn answer(message: JsValue) -> Reply {
    match serde_wasm_bindgen::from_value::<Request>(message) {
        Ok(Request::Open(parts)) => Reply::Opened(
            parts
                .into_iter()
                .map(|part| part.map(|file| (file.name, file.bytes.to_vec())))
                .map(|part| open::open_part(part.as_ref()))
                .collect(),
        ),
        Ok(Request::Export { writer, base, labels, relation_types, documents }) => {
            let workspace = Workspace { labels, relation_types, documents };
            let documents: Vec<&Document> = workspace.documents.iter().map(|d| &**d).collect();
            Reply::Exported { bytes: Uint8Array::from(&writer.write(&workspace, &documents, &base)[..]) }
        }
        Ok(Request::Report(job)) => Reply::Reported(job.run()),
        Err(error) => Reply::Refused(format!("the files worker could not read the request ({error})")),
    }
}
