//! What the browser keeps between visits: the whole workspace as native JSON wrapped with a
//! schema number, so a later version of the app can read (and migrate) what an earlier one
//! stored. Reading never panics and never returns half a workspace.
//!
//! Schemas:
//! - 1: the bare native JSON file (`{"format": "article-annotator", ...}`), with no wrapper;
//! - 2: `{"schema": 2, "workspace": <native JSON>, "active": "<document id>", "saved_at": <ms>}`.
//!
//! `saved_at` orders copies: the browser layer keeps a second, synchronous copy when the page
//! closes, and on the next visit the newer of the two wins.

use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

use super::native;
use crate::model::{Document, Label, RelationType};

pub const SCHEMA: u32 = 2;

/// The wrapper; the workspace inside stays raw JSON text both ways, so a save serialises the
/// workspace once and a load parses it once (it is most of the bytes).
#[derive(Serialize, Deserialize)]
struct Stored<W> {
    schema: u32,
    workspace: W,
    #[serde(default)]
    active: Option<String>,
    #[serde(default)]
    saved_at: f64,
}

/// A workspace read back from storage.
#[derive(Clone, Debug, PartialEq)]
pub struct Restored {
    pub labels: Vec<Label>,
    pub relation_types: Vec<RelationType>,
    pub documents: Vec<Document>,
    pub active: Option<String>,
    /// When it was stored (ms since the epoch; 0 for schema 1).
    pub saved_at: f64,
}

/// The stored form of a workspace (schema [`SCHEMA`]).
pub fn save<'d>(
    labels: &[Label],
    relation_types: &[RelationType],
    documents: impl IntoIterator<Item = &'d Document>,
    active: Option<&str>,
    saved_at: f64,
) -> String {
    let workspace = RawValue::from_string(native::export_compact(labels, relation_types, documents))
        .expect("the native export is JSON");
    serde_json::to_string(&Stored { schema: SCHEMA, workspace, active: active.map(str::to_string), saved_at })
        .expect("a JSON value serialises")
}

/// Reads what [`save`] (or an earlier schema) stored.
pub fn load(stored: &str) -> Result<Restored, String> {
    /// Just what tells the schemas apart.
    #[derive(Deserialize)]
    struct Probe {
        schema: Option<u64>,
        format: Option<String>,
    }
    let probe: Probe = match serde_json::from_str(stored) {
        Ok(probe) => probe,
        Err(_) if serde_json::from_str::<serde::de::IgnoredAny>(stored).is_ok() => {
            return Err("the stored data is not a workspace".to_string());
        }
        Err(e) => return Err(format!("the stored workspace is not valid JSON ({e})")),
    };
    let (workspace, active, saved_at) = match probe.schema {
        None if probe.format.as_deref() == Some(native::FORMAT) => (stored, None, 0.0),
        Some(2) => {
            let wrapped: Stored<&RawValue> = serde_json::from_str(stored)
                .map_err(|e| format!("the stored workspace does not have the expected shape ({e})"))?;
            (wrapped.workspace.get(), wrapped.active, wrapped.saved_at)
        }
        Some(schema) if schema > u64::from(SCHEMA) => {
            return Err(format!("it was stored by a newer version of the app (schema {schema})"));
        }
        _ => return Err("the stored data is not a workspace".to_string()),
    };
    let opened = native::import("the stored workspace", workspace).map_err(|e| e.reason)?;
    let active = active.filter(|id| opened.documents.iter().any(|d| &*d.id == id));
    Ok(Restored {
        labels: opened.labels,
        relation_types: opened.relation_types,
        documents: opened.documents,
        active,
        saved_at,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{default_labels, default_relation_types, Span, Status};

    fn documents() -> Vec<Document> {
        let mut one = Document::new("d1", "one.txt", "Peskov said 😀\r\n");
        one.insert_span(Span::new("s1", 0, 6, "actor")).unwrap();
        one.status = Status::Done;
        vec![one, Document::new("d2", "two.txt", "Kyiv")]
    }

    #[test]
    fn saved_workspaces_load_back_identically_with_the_open_document() {
        let stored = save(&default_labels(), &default_relation_types(), &documents(), Some("d2"), 1234.0);
        let restored = load(&stored).unwrap();
        let expected = Restored {
            labels: default_labels(),
            relation_types: default_relation_types(),
            documents: documents(),
            active: Some("d2".into()),
            saved_at: 1234.0,
        };
        assert_eq!(restored, expected);
    }

    #[test]
    fn schema_1_the_bare_native_file_is_migrated() {
        let version_1 = native::export(&default_labels(), &default_relation_types(), &documents());
        let restored = load(&version_1).unwrap();
        assert_eq!((restored.documents, restored.active), (documents(), None));
    }

    #[test]
    fn broken_or_foreign_storage_is_an_error_not_a_panic() {
        assert!(load("{\"schema\": 2").unwrap_err().contains("not valid JSON"));
        assert!(load("{\"schema\": 3, \"workspace\": {}}").unwrap_err().contains("newer version"));
        assert!(load("[1, 2]").unwrap_err().contains("not a workspace"));
        assert!(load("{\"schema\": 2, \"workspace\": {\"format\": \"x\"}}").is_err());
        let unknown_active = save(&default_labels(), &default_relation_types(), &documents(), Some("d9"), 0.0);
        assert_eq!(load(&unknown_active).unwrap().active, None);
    }
}
