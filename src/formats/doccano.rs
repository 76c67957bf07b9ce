//! doccano's JSONL for sequence labeling, one line per document, in both shapes doccano
//! writes:
//!
//! - without relations: `{"id": 7, "text": "…", "label": [[0, 6, "PER"], …], "Comments": []}`
//!   (older versions and the tutorial write `"labels"`, some very old ones `"data"` for the text);
//! - with relations: `{"id": 7, "text": "…", "entities": [{"id": 1, "label": "PER",
//!   "start_offset": 0, "end_offset": 6}], "relations": [{"id": 3, "from_id": 1, "to_id": 2,
//!   "type": "said_by"}], "Comments": []}`.
//!
//! Offsets are code points, end-exclusive: doccano's backend is Python and counts `str`
//! indices. doccano stores no span text, so offsets are trusted as they are (only checked to lie
//! in the text); a span that does not fit is left out with a note. Labels not in the label set
//! are created. A line whose `label` holds plain strings is a text-classification line: its
//! text opens, its categories are not spans and are left out with a note.
//!
//! A file is doccano's by content, never by name ([`recognises`]): some line has a `label`
//! (or `labels`) array of `[start, end, "label"]` triples, or `entities` whose items have
//! `start_offset`. Anything else that is JSON Lines goes to [`super::jsonl`].
//!
//! Export writes the `entities` shape (which doccano imports into a sequence-labeling project
//! with relations) as `<base>.doccano.jsonl`, so it does not clash with the spaCy JSONL
//! download: entity and relation ids are numbers unique in the file, the document's name is a
//! top-level `"name"` (doccano keeps unknown top-level keys as the example's metadata).
//! Not written: span notes, statuses and label colours, which doccano has no place for.

use std::rc::Rc;

use serde::Serialize;
use serde_json::Value;

use super::jsonl::{labels_for, line_text};
use super::repair::{place_span, OffsetUnit};
use super::{FileError, Opened};
use crate::model::{Document, Relation, Span};
use crate::text::offsets::CodepointIndex;

/// Whether `content` is doccano's JSONL (see the module doc): decided by the first line that
/// says either way.
pub fn recognises(content: &str) -> bool {
    for line in content.lines() {
        let line = line.trim_start_matches('\u{feff}').trim();
        if line.is_empty() {
            continue;
        }
        let Ok(value) = serde_json::from_str::<Value>(line) else { continue };
        if value.get("spans").is_some() || value.get("tokens").is_some() {
            return false;
        }
        if let Some(first) = span_list(&value).and_then(|items| items.first()) {
            return as_triple(first).is_some();
        }
        if let Some(first) = value.get("entities").and_then(Value::as_array).and_then(|e| e.first()) {
            return first.get("start_offset").is_some();
        }
    }
    false
}

/// The `label` (or `labels`) array of a line.
fn span_list(line: &Value) -> Option<&Vec<Value>> {
    line.get("label").or_else(|| line.get("labels")).and_then(Value::as_array)
}

/// `[start, end, "label"]`.
fn as_triple(item: &Value) -> Option<(u64, u64, &str)> {
    match item.as_array()?.as_slice() {
        [start, end, label] => Some((start.as_u64()?, end.as_u64()?, label.as_str()?)),
        _ => None,
    }
}

/// Documents from a doccano JSONL file, without ids: the workspace gives them free ones.
pub fn import(file: &str, content: &str) -> Result<Opened, FileError> {
    let mut opened = Opened::default();
    let mut label_ids: Vec<Rc<str>> = Vec::new();
    let mut classification_lines = 0;
    for (number, line) in content.lines().enumerate().map(|(i, l)| (i + 1, l)) {
        let line = line.trim_start_matches('\u{feff}');
        if line.trim().is_empty() {
            continue;
        }
        let value: Value = serde_json::from_str(line)
            .map_err(|e| FileError::new(file, format!("line {number} is not valid JSON ({e})")))?;
        if !value.is_object() {
            return Err(FileError::new(file, format!("line {number} is not a JSON object")));
        }
        let text = line_text(file, number, value.get("text").or_else(|| value.get("data")))?;
        let name = value
            .get("name")
            .and_then(Value::as_str)
            .filter(|n| !n.trim().is_empty())
            .map_or_else(|| format!("{file} #{number}"), str::to_string);
        let mut doc = Document::new("", name, text);
        let at = format!("{file}, line {number}");
        let index = CodepointIndex::new(doc.text());
        // (doccano's entity id, our span id), for relations.
        let mut placed: Vec<(Value, Rc<str>)> = Vec::new();
        let mut place =
            |doc: &mut Document, what: String, start: Option<u64>, end: Option<u64>, label: Option<&str>| {
                let (Some(start), Some(end), Some(label)) = (start, end, label.filter(|l| !l.trim().is_empty())) else {
                    opened.notes.push(format!("{what} left out: it needs a start, an end and a label"));
                    return None;
                };
                let (start, end) =
                    (usize::try_from(start).unwrap_or(usize::MAX), usize::try_from(end).unwrap_or(usize::MAX));
                match place_span(doc, &index, start, end, None, OffsetUnit::CodePoint) {
                    Ok(((s, e), _)) => {
                        if let Some(kept) = doc.spans().iter().find(|x| (x.start, x.end, &*x.label) == (s, e, label)) {
                            return Some(kept.id.clone());
                        }
                        let id = doc.fresh_span_id();
                        doc.insert_span(Span::new(id.clone(), s, e, label)).expect("placed in range, fresh id");
                        Some(id)
                    }
                    Err(reason) => {
                        opened.notes.push(format!("{what} ({label}) left out: {reason}"));
                        None
                    }
                }
            };
        if let Some(items) = span_list(&value) {
            if items.iter().any(Value::is_string) {
                classification_lines += 1;
            }
            for (n, item) in items.iter().enumerate().filter(|(_, item)| !item.is_string()) {
                let what = format!("{at}: label {}", n + 1);
                match as_triple(item) {
                    Some((start, end, label)) => {
                        place(&mut doc, what, Some(start), Some(end), Some(label));
                    }
                    None => {
                        place(&mut doc, what, None, None, None);
                    }
                }
            }
        }
        if let Some(entities) = value.get("entities").and_then(Value::as_array) {
            for (n, entity) in entities.iter().enumerate() {
                let what = format!(
                    "{at}: entity {}",
                    entity.get("id").map_or_else(|| format!("#{}", n + 1), Value::to_string)
                );
                let (start, end) = (entity.get("start_offset"), entity.get("end_offset"));
                let label = entity.get("label").and_then(Value::as_str);
                if let Some(id) =
                    place(&mut doc, what, start.and_then(Value::as_u64), end.and_then(Value::as_u64), label)
                {
                    if let Some(entity_id) = entity.get("id") {
                        placed.push((entity_id.clone(), id));
                    }
                }
            }
        }
        for (n, relation) in value.get("relations").and_then(Value::as_array).into_iter().flatten().enumerate() {
            let end = |key: &str| {
                let id = relation.get(key)?;
                placed.iter().find(|(entity, _)| entity == id).map(|(_, span)| span.clone())
            };
            let kind =
                relation.get("type").and_then(Value::as_str).filter(|t| !t.trim().is_empty()).unwrap_or("relation");
            let (Some(from), Some(to)) = (end("from_id"), end("to_id")) else {
                opened.notes.push(format!(
                    "{at}: relation {} ({kind}) left out: its from_id or to_id is not one of the entities",
                    relation.get("id").map_or_else(|| format!("#{}", n + 1), Value::to_string)
                ));
                continue;
            };
            if doc.relations().iter().any(|r| r.from == from && r.to == to && r.kind == kind) {
                continue;
            }
            let relation = Relation::new(doc.fresh_relation_id(), kind.to_string(), from, to);
            doc.insert_relation(relation).expect("both ends are spans of this document and the id is fresh");
        }
        for span in doc.spans() {
            if !label_ids.contains(&span.label) {
                label_ids.push(span.label.clone());
            }
        }
        opened.documents.push(doc);
    }
    if opened.documents.is_empty() {
        return Err(FileError::new(file, "it has no lines with a \"text\""));
    }
    if classification_lines > 0 {
        opened.notes.push(format!(
            "{file}: {classification_lines} lines carry document categories (text classification), not spans; \
             the texts opened without them"
        ));
    }
    opened.labels = labels_for(&label_ids);
    Ok(opened)
}

#[derive(Serialize)]
struct OutLine<'a> {
    id: usize,
    text: &'a str,
    name: &'a str,
    entities: Vec<OutEntity<'a>>,
    relations: Vec<OutRelation<'a>>,
}

#[derive(Serialize)]
struct OutEntity<'a> {
    id: usize,
    label: &'a str,
    start_offset: usize,
    end_offset: usize,
}

#[derive(Serialize)]
struct OutRelation<'a> {
    id: usize,
    from_id: usize,
    to_id: usize,
    #[serde(rename = "type")]
    kind: &'a str,
}

/// doccano's `entities` shape, one line per document, each ending in `\n`.
pub fn export<'d>(documents: impl IntoIterator<Item = &'d Document>) -> String {
    let mut out = String::new();
    // Ids unique in the whole file, as doccano's database ids are.
    let (mut next_entity, mut next_relation) = (1, 1);
    for (n, doc) in documents.into_iter().enumerate() {
        let first = next_entity;
        let entities: Vec<OutEntity<'_>> = doc
            .spans()
            .iter()
            .enumerate()
            .map(|(i, s)| OutEntity { id: first + i, label: &s.label, start_offset: s.start, end_offset: s.end })
            .collect();
        next_entity += entities.len();
        let entity_of = |span: &str| doc.spans().iter().position(|s| &*s.id == span).map(|i| first + i);
        let relations = doc
            .relations()
            .iter()
            .filter_map(|r| {
                let relation = OutRelation {
                    id: next_relation,
                    from_id: entity_of(&r.from)?,
                    to_id: entity_of(&r.to)?,
                    kind: &r.kind,
                };
                next_relation += 1;
                Some(relation)
            })
            .collect();
        let line = OutLine { id: n + 1, text: doc.text(), name: &doc.name, entities, relations };
        out.push_str(&serde_json::to_string(&line).expect("plain data always serialises"));
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// doccano's own example export for sequence labeling (backend/data_export examples), with
    /// the `id` and `Comments` an export carries, and a line that uses emoji before a span.
    const LABEL_SHAPE: &str = "{\"id\": 1, \"text\": \"EU rejects German call to boycott British lamb.\", \"label\": [ [0, 2, \"ORG\"], [11, 17, \"MISC\"] ], \"Comments\": []}\n\
        {\"id\": 2, \"text\": \"😀🇺🇦 Peter Blackburn\", \"label\": [ [4, 19, \"PERSON\"] ], \"Comments\": []}\n\
        {\"id\": 3, \"text\": \"President Obama\", \"label\": [ [10, 15, \"PERSON\"], [10, 99, \"PERSON\"], [\"x\"] ]}\n";

    #[test]
    fn reads_the_label_shape_in_code_points() {
        assert!(recognises(LABEL_SHAPE));
        let opened = import("seq.jsonl", LABEL_SHAPE).unwrap();
        let spans: Vec<Vec<(&str, &str)>> = opened
            .documents
            .iter()
            .map(|d| d.spans().iter().map(|s| (d.slice(s.start, s.end), &*s.label)).collect())
            .collect();
        assert_eq!(
            spans,
            [vec![("EU", "ORG"), ("German", "MISC")], vec![("Peter Blackburn", "PERSON")], vec![("Obama", "PERSON")]]
        );
        let labels: Vec<&str> = opened.labels.iter().map(|l| &*l.id).collect();
        assert_eq!(labels, ["ORG", "MISC", "PERSON"]);
        assert_eq!(opened.notes.len(), 2, "{:?}", opened.notes);
        assert!(opened.notes[0].contains("line 3: label 2") && opened.notes[0].contains("10..99"));
        assert!(opened.notes[1].contains("line 3: label 3"));
    }

    #[test]
    fn reads_the_tutorial_shape_with_labels_and_doc_id() {
        let line = r#"{"doc_id": 33, "text": "The Hitchhiker's Guide to the Galaxy by Douglas Adams.", "labels": [[0, 36, "Title"], [40, 53, "Person"]], "username": "admin"}"#;
        assert!(recognises(line));
        let doc = &import("t.jsonl", line).unwrap().documents[0];
        assert_eq!(doc.slice(doc.spans()[1].start, doc.spans()[1].end), "Douglas Adams");
    }

    /// A sequence-labeling project with relations, as doccano exports it.
    const ENTITIES_SHAPE: &str = r#"{"id": 6400, "text": "“Talks were productive,” Peskov said in Genève.", "Comments": [], "entities": [{"id": 1662, "label": "quote", "start_offset": 1, "end_offset": 22}, {"id": 1663, "label": "actor", "start_offset": 25, "end_offset": 31}, {"id": 1664, "label": "location", "start_offset": 40, "end_offset": 46}], "relations": [{"id": 273, "from_id": 1662, "to_id": 1663, "type": "said_by"}, {"id": 274, "from_id": 1662, "to_id": 9999, "type": "said_by"}]}"#;

    #[test]
    fn reads_the_entities_shape_with_relations() {
        assert!(recognises(ENTITIES_SHAPE));
        let opened = import("rel.jsonl", ENTITIES_SHAPE).unwrap();
        let doc = &opened.documents[0];
        let texts: Vec<&str> = doc.spans().iter().map(|s| doc.slice(s.start, s.end)).collect();
        assert_eq!(texts, ["Talks were productive", "Peskov", "Genève"]);
        let relation = &doc.relations()[0];
        assert_eq!(doc.relations().len(), 1);
        assert_eq!((relation.kind.as_str(), &*relation.from, &*relation.to), ("said_by", "s1", "s2"));
        assert_eq!(opened.notes.len(), 1);
        assert!(opened.notes[0].contains("relation 274"), "{:?}", opened.notes);
    }

    #[test]
    fn recognises_by_content_only() {
        assert!(!recognises("{\"text\": \"plain\"}\n"));
        assert!(!recognises("{\"text\": \"a\", \"spans\": [], \"label\": [[0, 1, \"X\"]]}"));
        assert!(!recognises("{\"text\": \"a\", \"label\": [\"positive\"]}"), "classification, not spans");
        assert!(!recognises("{\"text\": \"a\", \"entities\": [{\"type\": \"X\"}]}"));
        assert!(recognises("\n{\"text\": \"a\", \"label\": []}\n{\"text\": \"ab\", \"label\": [[0, 1, \"X\"]]}"));
        assert!(!recognises("not json\n"));
    }

    #[test]
    fn classification_lines_open_as_text_with_a_note() {
        let opened = import("cls.jsonl", "{\"text\": \"Good news.\", \"label\": [\"positive\"]}\n").unwrap();
        assert!(opened.documents[0].spans().is_empty());
        assert!(opened.notes[0].contains("categories"), "{:?}", opened.notes);
        assert!(import("x.jsonl", "{\"data\": \"old shape\", \"label\": []}").is_ok());
        assert!(import("x.jsonl", "[1, 2]").unwrap_err().reason.contains("line 1"));
    }

    #[test]
    fn export_then_import_gives_the_same_spans_and_relations() {
        let opened = import("rel.jsonl", ENTITIES_SHAPE).unwrap();
        let mut second = Document::new("d2", "two.txt", "Kyiv 🇺🇦 and Kyiv.");
        second.insert_span(Span::new("s1", 0, 4, "location")).unwrap();
        let mut first = opened.documents[0].clone();
        first.name = "talks.txt".into();
        let exported = export([&first, &second]);
        let lines: Vec<Value> = exported.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
        assert_eq!(
            lines[0]["entities"][1],
            serde_json::json!({"id": 2, "label": "actor", "start_offset": 25, "end_offset": 31})
        );
        assert_eq!(lines[0]["relations"][0], serde_json::json!({"id": 1, "from_id": 1, "to_id": 2, "type": "said_by"}));
        assert_eq!(lines[1]["entities"][0]["id"], 4, "ids are unique in the file");
        let back = import("w.jsonl", &exported).unwrap();
        assert!(back.notes.is_empty(), "{:?}", back.notes);
        let key = |d: &Document| d.spans().iter().map(|s| (s.start, s.end, s.label.clone())).collect::<Vec<_>>();
        assert_eq!(key(&back.documents[0]), key(&first));
        assert_eq!(key(&back.documents[1]), key(&second));
        assert_eq!(back.documents[0].relations(), first.relations());
        assert_eq!(back.documents[0].name, "talks.txt");
    }
}
