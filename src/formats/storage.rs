//! What the browser keeps between visits: the whole workspace as native JSON wrapped with a
//! schema number, so a later version of the app can read (and migrate) what an earlier one
//! stored. Reading never panics and never returns half a workspace.
//!
//! Schemas:
//! - 1: the bare native JSON file (`{"format": "article-annotator", ...}`), with no wrapper;
//! - 2: `{"schema": 2, "workspace": <native JSON>, "active": "<document id>", "saved_at": <ms>,
//!   "revision": <n>, "rejected": {"<document id>": [[start, end, "label"], …]},
//!   "history": {"undo": [...], "redo": [...]}}`; `revision`, `rejected` (the suggestions the
//!   person rejected) and `history` (the newest undo and redo steps, as `state` writes them)
//!   came later and may be absent. Rejections and history are a convenience, not work: a copy
//!   whose `rejected` or `history` cannot be read still loads, without them.
//!
//! `revision` (absent, so 0, in copies stored before it) counts the writes to storage: the tabs
//! of the app share one stored workspace, and a tab writes only on top of the revision it has
//! merged. The copy kept synchronously as a page closes carries the revision it builds on; it
//! wins over the stored one on the next visit when it builds on that very revision and was
//! saved later.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

use super::native;
use crate::model::{Document, Label, RejectedSuggestions, RelationType};

pub const SCHEMA: u32 = 2;

/// The wrapper; the workspace inside stays raw JSON text both ways, so a save serialises the
/// workspace once and a load parses it once (it is most of the bytes).
#[derive(Serialize, Deserialize)]
struct Stored<W, R> {
    schema: u32,
    workspace: W,
    #[serde(default)]
    active: Option<String>,
    #[serde(default)]
    saved_at: f64,
    #[serde(default)]
    revision: u64,
    /// Absent in copies stored before rejections were kept (serde reads a missing `Option` as None).
    #[serde(skip_serializing_if = "Option::is_none")]
    rejected: Option<R>,
    #[serde(skip_serializing_if = "Option::is_none")]
    history: Option<W>,
}

/// `rejected` as stored: document id → (start, end, label) triples.
type StoredRejected<S> = BTreeMap<S, Vec<(usize, usize, S)>>;

/// A workspace read back from storage.
#[derive(Clone, Debug, PartialEq)]
pub struct Restored {
    pub labels: Vec<Label>,
    pub relation_types: Vec<RelationType>,
    pub documents: Vec<Document>,
    pub active: Option<String>,
    /// When it was stored (ms since the epoch; 0 for schema 1).
    pub saved_at: f64,
    /// The stored revision it is, or (a copy kept at closing) builds on.
    pub revision: u64,
    /// Rejected suggestions of the documents restored.
    pub rejected: RejectedSuggestions,
    /// The undo history as `state` stored it, if any (read by `state`, which knows its form).
    pub history: Option<String>,
}

/// What is kept with the workspace besides its documents and labels.
#[derive(Clone, Copy, Debug, Default)]
pub struct Extras<'a> {
    /// The open document.
    pub active: Option<&'a str>,
    /// When (ms since the epoch).
    pub saved_at: f64,
    /// The stored revision this copy is, or builds on.
    pub revision: u64,
    pub rejected: Option<&'a RejectedSuggestions>,
    /// The undo history, as JSON (see `state`).
    pub history: Option<&'a str>,
}

/// The stored form of a workspace (schema [`SCHEMA`]).
pub fn save<'d>(
    labels: &[Label],
    relation_types: &[RelationType],
    documents: impl IntoIterator<Item = &'d Document>,
    extras: Extras,
) -> String {
    let Extras { active, saved_at, revision, rejected, history } = extras;
    let workspace = native::native_file(labels, relation_types, documents);
    let rejected: StoredRejected<&str> = rejected
        .into_iter()
        .flatten()
        .filter(|(_, triples)| !triples.is_empty())
        .map(|(doc, triples)| (&**doc, triples.iter().map(|(start, end, label)| (*start, *end, &**label)).collect()))
        .collect();
    let rejected = (!rejected.is_empty()).then_some(rejected);
    let mut stored = serde_json::to_string(&Stored {
        schema: SCHEMA,
        workspace,
        active: active.map(str::to_string),
        saved_at,
        revision,
        rejected,
        history: None,
    })
    .expect("the native model always serialises");
    // The history is JSON already (`state` wrote it): it goes in as it is. Checking it by
    // parsing it again, as the workspace before it was, was half of a save of a long article.
    if let Some(history) = history {
        stored.pop();
        stored.push_str(",\"history\":");
        stored.push_str(history);
        stored.push('}');
    }
    stored
}

/// When a stored copy was saved, read without reading its workspace; it tells copies apart.
pub fn saved_at(stored: &str) -> Option<f64> {
    #[derive(Deserialize)]
    struct When {
        saved_at: f64,
    }
    serde_json::from_str::<When>(stored).ok().map(|w| w.saved_at)
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
    let (workspace, active, saved_at, revision, rejected, history) = match probe.schema {
        None if probe.format.as_deref() == Some(native::FORMAT) => (stored, None, 0.0, 0, None, None),
        Some(2) => {
            let wrapped: Stored<&RawValue, &RawValue> = serde_json::from_str(stored)
                .map_err(|e| format!("the stored workspace does not have the expected shape ({e})"))?;
            let history = wrapped.history.map(|h| h.get().to_string());
            (wrapped.workspace.get(), wrapped.active, wrapped.saved_at, wrapped.revision, wrapped.rejected, history)
        }
        Some(schema) if schema > u64::from(SCHEMA) => {
            return Err(format!("it was stored by a newer version of the app (schema {schema})"));
        }
        _ => return Err("the stored data is not a workspace".to_string()),
    };
    let opened = native::import("the stored workspace", workspace).map_err(|e| e.reason)?;
    let active = active.filter(|id| opened.documents.iter().any(|d| &*d.id == id));
    let rejected = rejected.map_or_else(RejectedSuggestions::new, |raw| read_rejected(raw, &opened.documents));
    Ok(Restored {
        labels: opened.labels,
        relation_types: opened.relation_types,
        documents: opened.documents,
        active,
        saved_at,
        revision,
        rejected,
        history,
    })
}

/// The stored rejections of `documents`; those of documents no longer there are dropped, and
/// rejections that cannot be read are forgotten rather than costing the workspace.
fn read_rejected(raw: &RawValue, documents: &[Document]) -> RejectedSuggestions {
    let stored: StoredRejected<String> = serde_json::from_str(raw.get()).unwrap_or_default();
    stored
        .into_iter()
        .filter_map(|(doc, triples)| {
            let doc = documents.iter().find(|d| *d.id == *doc)?;
            Some((doc.id.clone(), triples.into_iter().map(|(start, end, label)| (start, end, label.into())).collect()))
        })
        .collect()
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

    fn rejected(entries: &[(&str, usize, usize, &str)]) -> RejectedSuggestions {
        let mut rejected = RejectedSuggestions::new();
        for (doc, start, end, label) in entries {
            rejected.entry((*doc).into()).or_default().insert((*start, *end, (*label).into()));
        }
        rejected
    }

    fn save_with(active: Option<&str>, saved_at: f64, rejected: &RejectedSuggestions) -> String {
        let extras = Extras { active, saved_at, revision: 7, rejected: Some(rejected), history: Some("[1]") };
        save(&default_labels(), &default_relation_types(), &documents(), extras)
    }

    #[test]
    fn saved_workspaces_load_back_identically_with_the_open_document_and_rejections() {
        let rejections = rejected(&[("d1", 7, 11, "quote"), ("d1", 0, 6, "location"), ("d2", 0, 4, "actor")]);
        let restored = load(&save_with(Some("d2"), 1234.0, &rejections)).unwrap();
        let expected = Restored {
            labels: default_labels(),
            relation_types: default_relation_types(),
            documents: documents(),
            active: Some("d2".into()),
            saved_at: 1234.0,
            revision: 7,
            rejected: rejections,
            history: Some("[1]".into()),
        };
        assert_eq!(restored, expected);
    }

    #[test]
    fn rejections_are_a_convenience_that_never_costs_the_workspace() {
        let of_a_removed_document = rejected(&[("d1", 0, 6, "location"), ("gone", 0, 4, "actor")]);
        let restored = load(&save_with(None, 0.0, &of_a_removed_document)).unwrap();
        assert_eq!(restored.rejected, rejected(&[("d1", 0, 6, "location")]));

        let mut broken: serde_json::Value =
            serde_json::from_str(&save_with(None, 0.0, &RejectedSuggestions::new())).unwrap();
        broken["rejected"] = serde_json::json!({"d1": "not triples"});
        let restored = load(&broken.to_string()).unwrap();
        assert_eq!((restored.documents, restored.rejected), (documents(), RejectedSuggestions::new()));
    }

    #[test]
    fn copies_stored_before_rejections_were_kept_still_load() {
        let mut older: serde_json::Value =
            serde_json::from_str(&save_with(Some("d1"), 5.0, &rejected(&[("d1", 0, 6, "actor")]))).unwrap();
        older.as_object_mut().unwrap().remove("rejected");
        let restored = load(&older.to_string()).unwrap();
        assert_eq!((restored.documents, restored.rejected), (documents(), RejectedSuggestions::new()));
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
        let unknown_active = save_with(Some("d9"), 0.0, &RejectedSuggestions::new());
        assert_eq!(load(&unknown_active).unwrap().active, None);
    }
}
