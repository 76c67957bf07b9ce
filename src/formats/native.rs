//! The native JSON format of `shared/ui-contract.md`: what "Export JSON" writes and what opens
//! back span for span. Offsets are code points, end-exclusive; each span repeats its text and
//! each document carries the sha256 of its UTF-8 text, so a reader can check both.
//!
//! The reader refuses a whole file at the first problem, naming the document and the problem:
//! an import must never leave half a workspace behind. Unknown keys are ignored, so files from
//! later versions that only add optional keys still open.

use std::rc::Rc;

use serde::{Deserialize, Serialize};

use super::{FileError, Opened};
use crate::model::{default_relation_types, Document, Entity, Label, Relation, RelationType, Span, Status};
use crate::text::digest::sha256_hex;

pub const FORMAT: &str = "article-annotator";
pub const VERSION: u32 = 1;
pub const OFFSET_UNIT: &str = "codepoint";

#[derive(Serialize, Deserialize)]
pub(super) struct NativeFile {
    format: Option<String>,
    version: Option<u32>,
    #[serde(default)]
    offset_unit: Option<String>,
    #[serde(default)]
    labels: Vec<NativeLabel>,
    /// Added after version 1 shipped: the kinds of relation the workspace offers. Absent in
    /// older files, which get the default `said_by`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    relation_types: Option<Vec<NativeRelationType>>,
    documents: Vec<NativeDocument>,
}

#[derive(Serialize, Deserialize)]
struct NativeRelationType {
    id: String,
    #[serde(default)]
    name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    key: Option<String>,
    /// The label a source span must have; absent means any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    from: Option<String>,
    /// The label a target span must have; absent means any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    to: Option<String>,
    /// A source has at most one relation of this type.
    #[serde(default)]
    single: bool,
}

#[derive(Serialize, Deserialize)]
struct NativeLabel {
    id: String,
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    color: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    key: Option<String>,
}

#[derive(Serialize, Deserialize)]
struct NativeDocument {
    id: String,
    #[serde(default)]
    name: Option<String>,
    text: String,
    #[serde(default)]
    sha256: Option<String>,
    /// Added after version 1 shipped: "new", "in_progress" or "done"; absent means new.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    status: Option<String>,
    /// Added after version 1 shipped: who made every span and relation of the document, when
    /// one person did; where several did, each span and relation names its own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    annotator: Option<String>,
    /// Added after version 1 shipped: the gold copy adjudicated from several annotators'
    /// copies. Written only when true.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    gold: bool,
    #[serde(default)]
    spans: Vec<NativeSpan>,
    #[serde(default)]
    relations: Vec<NativeRelation>,
    /// Added after version 1 shipped: mentions grouped into entities, ids shared by every
    /// document of the workspace. Absent when the document has none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    entities: Vec<NativeEntity>,
}

#[derive(Serialize, Deserialize)]
struct NativeEntity {
    id: String,
    label: String,
    name: String,
    mentions: Vec<String>,
}

#[derive(Serialize, Deserialize)]
struct NativeSpan {
    id: String,
    start: usize,
    end: usize,
    label: String,
    #[serde(default)]
    text: Option<String>,
    /// Added after version 1 shipped: optional, so older readers ignore it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    note: Option<String>,
    /// Added after version 1 shipped: someone checked the span against a source (a figure,
    /// usually). Written only when true; absent means unchecked.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    checked: bool,
    /// Added after version 1 shipped: who marked it, where the document names no one annotator.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    annotator: Option<String>,
}

#[derive(Serialize, Deserialize)]
struct NativeRelation {
    id: String,
    #[serde(rename = "type")]
    kind: String,
    from: String,
    to: String,
    /// Added after version 1 shipped: who linked it, where the document names no one annotator.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    annotator: Option<String>,
}

/// The native JSON of `documents` with the label set `labels` and `relation_types`, pretty-printed.
pub fn export<'d>(
    labels: &[Label],
    relation_types: &[RelationType],
    documents: impl IntoIterator<Item = &'d Document>,
) -> String {
    serde_json::to_string_pretty(&native_file(labels, relation_types, documents))
        .expect("the native model always serialises")
}

/// The same JSON without white space, for storage, where nobody reads it and every save counts.
pub fn export_compact<'d>(
    labels: &[Label],
    relation_types: &[RelationType],
    documents: impl IntoIterator<Item = &'d Document>,
) -> String {
    serde_json::to_string(&native_file(labels, relation_types, documents)).expect("the native model always serialises")
}

pub(super) fn native_file<'d>(
    labels: &[Label],
    relation_types: &[RelationType],
    documents: impl IntoIterator<Item = &'d Document>,
) -> NativeFile {
    NativeFile {
        format: Some(FORMAT.into()),
        version: Some(VERSION),
        offset_unit: Some(OFFSET_UNIT.into()),
        labels: labels
            .iter()
            .map(|l| NativeLabel {
                id: l.id.to_string(),
                name: Some(l.name.clone()),
                color: Some(l.color.clone()),
                key: l.key.clone(),
            })
            .collect(),
        relation_types: Some(
            relation_types
                .iter()
                .map(|t| NativeRelationType {
                    id: t.id.to_string(),
                    name: Some(t.name.clone()),
                    key: t.key.clone(),
                    from: t.from_label.as_deref().map(str::to_string),
                    to: t.to_label.as_deref().map(str::to_string),
                    single: t.single,
                })
                .collect(),
        ),
        documents: documents.into_iter().map(export_document).collect(),
    }
}

/// The annotator every span and relation of `doc` names, when they all name the same one.
pub fn sole_annotator(doc: &Document) -> Option<Rc<str>> {
    let mut all = doc.spans().iter().map(|s| &s.annotator).chain(doc.relations().iter().map(|r| &r.annotator));
    let first = all.next()?.clone()?;
    all.all(|a| a.as_ref() == Some(&first)).then_some(first)
}

fn export_document(doc: &Document) -> NativeDocument {
    let sole = sole_annotator(doc);
    let own = |annotator: &Option<Rc<str>>| annotator.as_deref().filter(|_| sole.is_none()).map(str::to_string);
    NativeDocument {
        id: doc.id.to_string(),
        name: Some(doc.name.clone()),
        text: doc.text().to_string(),
        sha256: Some(doc.text_sha256().to_string()),
        status: Some(doc.status.key().to_string()),
        annotator: sole.as_deref().map(str::to_string),
        gold: doc.gold,
        spans: doc
            .spans()
            .iter()
            .map(|s| NativeSpan {
                id: s.id.to_string(),
                start: s.start,
                end: s.end,
                label: s.label.to_string(),
                text: Some(doc.slice(s.start, s.end).to_string()),
                note: s.note.clone(),
                checked: s.checked,
                annotator: own(&s.annotator),
            })
            .collect(),
        relations: doc
            .relations()
            .iter()
            .map(|r| NativeRelation {
                id: r.id.to_string(),
                kind: r.kind.clone(),
                from: r.from.to_string(),
                to: r.to.to_string(),
                annotator: own(&r.annotator),
            })
            .collect(),
        entities: doc
            .named_entities()
            .map(|e| NativeEntity {
                id: e.id.to_string(),
                label: e.label.to_string(),
                name: e.name.clone(),
                mentions: doc
                    .spans()
                    .iter()
                    .filter(|s| s.entity.as_ref() == Some(&e.id))
                    .map(|s| s.id.to_string())
                    .collect(),
            })
            .collect(),
    }
}

/// Whether a parsed JSON value claims to be a native file (so its errors are reported as such).
pub fn looks_native(value: &serde_json::Value) -> bool {
    value.get("format").and_then(|f| f.as_str()) == Some(FORMAT)
}

/// Reads a native file. `file` names it in error messages.
pub fn import(file: &str, json: &str) -> Result<Opened, FileError> {
    let value: serde_json::Value =
        serde_json::from_str(json).map_err(|e| FileError::new(file, format!("it is not valid JSON ({e})")))?;
    import_value(file, value)
}

/// Reads a native file already parsed as JSON.
pub fn import_value(file: &str, value: serde_json::Value) -> Result<Opened, FileError> {
    match value.get("format").and_then(|f| f.as_str()) {
        Some(FORMAT) => {}
        Some(other) => {
            return Err(FileError::new(file, format!("its \"format\" is \"{other}\", not \"{FORMAT}\"")));
        }
        None => {
            return Err(FileError::new(
                file,
                format!("it is JSON, but not an Article Annotator file (no \"format\": \"{FORMAT}\")"),
            ));
        }
    }
    let parsed: NativeFile = serde_json::from_value(value)
        .map_err(|e| FileError::new(file, format!("it does not have the shape of the native format ({e})")))?;
    match parsed.version {
        Some(v) if v > VERSION => {
            return Err(FileError::new(
                file,
                format!(
                    "it was written by a newer version of the app (format version {v}; this one reads up to {VERSION})"
                ),
            ));
        }
        Some(_) => {}
        None => return Err(FileError::new(file, "it has no \"version\"")),
    }
    if let Some(unit) = parsed.offset_unit.as_deref() {
        if unit != OFFSET_UNIT {
            return Err(FileError::new(file, format!("its offsets are in \"{unit}\"; only \"{OFFSET_UNIT}\" is read")));
        }
    }
    let mut labels: Vec<Label> = parsed.labels.into_iter().map(import_label).collect();
    let relation_types = parsed
        .relation_types
        .map_or_else(default_relation_types, |types| types.into_iter().map(import_relation_type).collect());
    let mut documents = Vec::with_capacity(parsed.documents.len());
    for native in parsed.documents {
        for span in &native.spans {
            if !labels.iter().any(|l| *l.id == *span.label) {
                labels.push(import_label(NativeLabel { id: span.label.clone(), name: None, color: None, key: None }));
            }
        }
        documents.push(import_document(native).map_err(|reason| FileError::new(file, reason))?);
    }
    Ok(Opened { labels, relation_types, documents, notes: Vec::new() })
}

fn import_relation_type(native: NativeRelationType) -> RelationType {
    let unnamed = RelationType::undeclared(&native.id);
    RelationType {
        name: native.name.unwrap_or(unnamed.name),
        key: native.key,
        from_label: native.from.map(Rc::from),
        to_label: native.to.map(Rc::from),
        single: native.single,
        ..unnamed
    }
}

fn import_label(native: NativeLabel) -> Label {
    Label {
        name: native.name.unwrap_or_else(|| native.id.clone()),
        id: native.id.into(),
        color: native.color.unwrap_or_else(|| "#7f7f7f".into()),
        key: native.key,
    }
}

fn import_document(native: NativeDocument) -> Result<Document, String> {
    let name = native.name.unwrap_or_else(|| native.id.clone());
    let at = format!("document “{name}”");
    if let Some(expected) = &native.sha256 {
        if !expected.eq_ignore_ascii_case(&sha256_hex(&native.text)) {
            return Err(format!("{at}: its text does not match its sha256 (was the text edited?)"));
        }
    }
    let mut doc = Document::new(native.id, name, native.text);
    doc.gold = native.gold;
    if let Some(key) = &native.status {
        doc.status = Status::from_key(key)
            .ok_or_else(|| format!("{at}: its status “{key}” is not one of new, in_progress, done"))?;
    }
    for span in native.spans {
        if span.start >= span.end || span.end > doc.len() {
            return Err(format!(
                "{at}: span {} has offsets {}..{}, outside the text of {} characters",
                span.id,
                span.start,
                span.end,
                doc.len()
            ));
        }
        if let Some(claimed) = &span.text {
            let actual = doc.slice(span.start, span.end);
            if claimed != actual {
                return Err(format!(
                    "{at}: span {} says its text is “{claimed}” but offsets {}..{} hold “{actual}”",
                    span.id, span.start, span.end
                ));
            }
        }
        let annotator = span.annotator.or_else(|| native.annotator.clone()).map(Rc::from);
        let span = Span {
            note: span.note,
            checked: span.checked,
            annotator,
            ..Span::new(span.id, span.start, span.end, span.label)
        };
        doc.insert_span(span).map_err(|e| format!("{at}: {e}"))?;
    }
    for relation in native.relations {
        let relation = Relation {
            id: relation.id.into(),
            kind: relation.kind,
            from: Rc::from(relation.from),
            to: Rc::from(relation.to),
            annotator: relation.annotator.or_else(|| native.annotator.clone()).map(Rc::from),
        };
        doc.insert_relation(relation).map_err(|e| format!("{at}: {e}"))?;
    }
    let table: Vec<Entity> = native
        .entities
        .iter()
        .map(|e| Entity { id: e.id.as_str().into(), label: e.label.as_str().into(), name: e.name.clone() })
        .collect();
    let assignments: Vec<(Rc<str>, Option<Rc<str>>)> = native
        .entities
        .iter()
        .flat_map(|e| e.mentions.iter().map(move |m| (Rc::from(m.as_str()), Some(Rc::from(e.id.as_str())))))
        .collect();
    if !table.is_empty() {
        doc.set_entities(table, &assignments).map_err(|e| format!("{at}: an entity mention: {e}"))?;
    }
    Ok(doc)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::default_labels;

    fn sample() -> Document {
        let mut doc = Document::new("d1", "geneva.txt", "“Hi,” said Peskov 😀 in Genève.\r\n");
        for (id, start, end, label) in [("s1", 1, 3, "quote"), ("s2", 11, 17, "actor"), ("s3", 23, 29, "location")] {
            let note = (id == "s2").then(|| "Kremlin spokesman".to_string());
            doc.insert_span(Span { note, ..Span::new(id, start, end, label) }).unwrap();
        }
        doc.insert_relation(Relation::new("r1", "said_by", "s1", "s2")).unwrap();
        let peskov = Entity { id: "e1".into(), label: "actor".into(), name: "Dmitry Peskov".into() };
        doc.set_entities(vec![peskov], &[("s2".into(), Some("e1".into()))]).unwrap();
        doc
    }

    /// `doc` with every span and relation made by `by`, or by two people where `by` is None.
    fn by(doc: &Document, by: Option<&str>) -> Document {
        let name = |n: usize| Some(Rc::from(by.unwrap_or(if n.is_multiple_of(2) { "ana" } else { "ben" })));
        let spans = doc.spans().iter().enumerate().map(|(n, s)| Span { annotator: name(n), ..s.clone() }).collect();
        let relations = doc.relations().iter().map(|r| Relation { annotator: name(0), ..r.clone() }).collect();
        doc.with_annotations(spans, relations, doc.entity_table().to_vec())
    }

    #[test]
    fn the_annotator_is_named_on_the_document_or_where_mixed_on_each_span() {
        let labels = default_labels();
        let types = default_relation_types();
        let one = by(&sample(), Some("ana"));
        let json: serde_json::Value = serde_json::from_str(&export(&labels, &types, [&one])).unwrap();
        assert_eq!(json["documents"][0]["annotator"], "ana");
        assert!(json["documents"][0]["spans"].as_array().unwrap().iter().all(|s| s.get("annotator").is_none()));
        let mixed = by(&sample(), None);
        let json: serde_json::Value = serde_json::from_str(&export(&labels, &types, [&mixed])).unwrap();
        assert!(json["documents"][0].get("annotator").is_none());
        let named: Vec<&str> = json["documents"][0]["spans"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["annotator"].as_str().unwrap())
            .collect();
        assert_eq!(named, ["ana", "ben", "ana"]);
        assert_eq!(json["documents"][0]["relations"][0]["annotator"], "ana");
        for doc in [one, mixed, sample()] {
            let back = import("f.json", &export(&labels, &types, [&doc])).unwrap();
            assert_eq!(back.documents, [doc], "span for span, annotators included");
        }
        assert!(sole_annotator(&sample()).is_none(), "a file without names opens as before");
    }

    #[test]
    fn export_has_the_contract_shape() {
        let json: serde_json::Value =
            serde_json::from_str(&export(&default_labels(), &default_relation_types(), [&sample()])).unwrap();
        assert_eq!(json["format"], "article-annotator");
        assert_eq!(json["version"], 1);
        assert_eq!(json["offset_unit"], "codepoint");
        assert_eq!(json["labels"][0]["key"], "1");
        let doc = &json["documents"][0];
        assert_eq!(doc["sha256"], sha256_hex("“Hi,” said Peskov 😀 in Genève.\r\n"));
        assert_eq!(doc["spans"][1]["text"], "Peskov");
        assert_eq!(doc["spans"][2]["text"], "Genève");
        assert_eq!(doc["spans"][1]["note"], "Kremlin spokesman");
        assert!(doc["spans"][0].get("note").is_none(), "no note, no key: older readers see version 1 as it was");
        assert_eq!(doc["relations"][0]["type"], "said_by");
        assert_eq!(
            doc["entities"],
            serde_json::json!([{"id": "e1", "label": "actor", "name": "Dmitry Peskov", "mentions": ["s2"]}])
        );
    }

    #[test]
    fn export_then_import_gives_the_same_documents_and_labels() {
        let labels = default_labels();
        let opened = import("x.json", &export(&labels, &default_relation_types(), [&sample()])).unwrap();
        assert_eq!(opened.documents, vec![sample()]);
        assert_eq!(opened.labels, labels);
    }

    fn refusal(edit: impl FnOnce(&mut serde_json::Value)) -> String {
        let mut json: serde_json::Value =
            serde_json::from_str(&export(&default_labels(), &default_relation_types(), [&sample()])).unwrap();
        edit(&mut json);
        import("bad.json", &json.to_string()).unwrap_err().to_string()
    }

    #[test]
    fn refuses_what_does_not_fit_and_says_why() {
        assert!(refusal(|j| j["format"] = "label-studio".into()).contains("label-studio"));
        assert!(refusal(|j| j["version"] = 2.into()).contains("newer version"));
        assert!(refusal(|j| j["documents"][0]["spans"][0]["end"] = 999.into()).contains("outside the text"));
        assert!(refusal(|j| j["documents"][0]["spans"][1]["text"] = "Putin".into()).contains("Putin"));
        assert!(refusal(|j| j["documents"][0]["text"] = "changed".into()).contains("sha256"));
        assert!(refusal(|j| j["documents"][0]["relations"][0]["to"] = "s9".into()).contains("s9"));
        assert!(refusal(|j| j["documents"][0]["entities"][0]["mentions"][0] = "s8".into()).contains("s8"));
        let broken = import("cut.json", "{\"format\": \"article-annotator\", \"documents\": [").unwrap_err();
        assert!(broken.to_string().contains("cut.json") && broken.reason.contains("line 1"), "{broken}");
    }

    #[test]
    fn a_checked_mark_is_written_only_when_set_and_read_back() {
        let mut doc = Document::new("d1", "figures.txt", "Kyiv lost 1,250 km of road.");
        doc.insert_span(Span { checked: true, ..Span::new("s1", 10, 15, "figure") }).unwrap();
        doc.insert_span(Span::new("s2", 0, 4, "location")).unwrap();
        let json = export(&default_labels(), &default_relation_types(), [&doc]);
        let value: serde_json::Value = serde_json::from_str(&json).unwrap();
        let spans = &value["documents"][0]["spans"];
        assert_eq!((spans[1]["text"].as_str(), spans[1]["checked"].as_bool()), (Some("1,250"), Some(true)));
        assert!(spans[0].get("checked").is_none(), "unchecked spans carry no key");
        assert_eq!(import("x.json", &json).unwrap().documents, vec![doc]);
    }

    #[test]
    fn the_gold_mark_is_written_only_on_the_gold_copy_and_read_back() {
        let plain = Document::new("d1", "a.txt", "Kyiv.");
        let mut gold = Document::new("d2", "a.txt (gold)", "Kyiv.");
        gold.gold = true;
        let json = export(&default_labels(), &default_relation_types(), [&plain, &gold]);
        let value: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert!(value["documents"][0].get("gold").is_none(), "other documents carry no key");
        assert_eq!(value["documents"][1]["gold"], true);
        assert_eq!(import("x.json", &json).unwrap().documents, vec![plain, gold.clone()]);
        let kept: Document = serde_json::from_str(&serde_json::to_string(&gold).unwrap()).unwrap();
        assert!(kept.gold, "the undo history's copy keeps the mark too");
    }

    #[test]
    fn relation_types_are_written_and_read_and_older_files_get_said_by() {
        let mut types = default_relation_types();
        types.push(crate::model::located_in());
        let json = export(&default_labels(), &types, [&sample()]);
        let value: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(
            value["relation_types"][1],
            serde_json::json!({"id": "located_in", "name": "located in", "key": "l", "from": "actor", "single": false})
        );
        assert_eq!(import("x.json", &json).unwrap().relation_types, types);
        let mut older = value;
        older.as_object_mut().unwrap().remove("relation_types");
        assert_eq!(import("old.json", &older.to_string()).unwrap().relation_types, default_relation_types());
    }
}
