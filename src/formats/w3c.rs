//! W3C Web Annotation (JSON-LD, <https://www.w3.org/TR/annotation-model/>): what "Export W3C"
//! writes, and what opens back from it or from another Web Annotation client's file.
//!
//! **Offsets are code points.** The Recommendation's Text Quote Selector (§4.2.4) says "the
//! selection of the text MUST be in terms of unicode code points (the "character number"), not
//! in terms of code units", and the Text Position Selector (§4.2.5) counts characters of the
//! text "selected and normalized in the same way"; positions are end-exclusive ("the end
//! character is not" included). That is exactly our unit, so positions are written as they are.
//!
//! The export is one `AnnotationCollection` whose `first` page is embedded with every
//! annotation in `items`: the shape of the spec's own "Two Annotations" example (§5.2). A bare
//! JSON array is not a Web Annotation resource and has nowhere to carry the texts; a collection
//! is, and a client that reads one page reads it all.
//! - Each span is an `Annotation` with id `#<document>/span/<span>` (stable: made of our ids),
//!   `motivation: "tagging"`, a `TextualBody` with `purpose: "tagging"` whose `value` is the
//!   label id, a second `TextualBody` with `purpose: "commenting"` for a note, and a target
//!   `{source, selector: [TextQuoteSelector {exact, prefix, suffix}, TextPositionSelector
//!   {start, end}]}`. Prefix and suffix are the 32 code points either side (fewer at the edges).
//!   Several selectors of one target are alternatives for the same segment (§4.2).
//! - Each relation is an `Annotation` with `motivation: "linking"` ("to link to a resource
//!   related to the Target"): the target is the `from` span's annotation (the quote), the body
//!   is a tagging `TextualBody` with the relation type plus the `to` span's annotation id (the
//!   actor). The direction survives JSON-LD processing this way; two targets would not keep
//!   theirs, since several targets are an unordered set that each get the body independently.
//! - **The texts travel in the file**, so it can be opened alone: the collection's `sources`
//!   lists each document once as `{"id": "#<document>", "type": "Text", "format":
//!   "text/plain", "label": <name>, "value": <the text exactly>}` — `value` holds the text, as
//!   it does for a `TextualBody`. `sources` is this app's term, declared in the `@context` next
//!   to the anno.jsonld context so JSON-LD processors keep it; every target's `source` is the id.
//!
//! Reading accepts a collection with its first page embedded, a page, one annotation or an array
//! of annotations; texts from `sources` or from a target whose `source` is an object carrying
//! `value` (or `text`, or the older `chars`). A span is placed by its TextPositionSelector and
//! checked against its TextQuoteSelector's `exact` (repaired from it when unique, see
//! [`super::repair`]), or found by quote, prefix and suffix alone. A file with no text at all is
//! refused: a text we do not have cannot be annotated. Not read: selectors other than the two
//! above (XPath, CSS, fragment, refinements), whose positions are in a rendering we do not have.

use std::collections::HashMap;
use std::rc::Rc;

use serde::Serialize;
use serde_json::Value;

use super::repair::{add_placed_span, label_from_id, place_span, OffsetUnit};
use super::{FileError, Opened};
use crate::model::{Document, Relation, Span};
use crate::text::offsets::CodepointIndex;

/// The Web Annotation JSON-LD context.
pub const CONTEXT: &str = "http://www.w3.org/ns/anno.jsonld";
/// The IRI of this app's `sources` term (the documents' texts).
pub const SOURCES_IRI: &str = "urn:article-annotator:sources";
/// The media type the Web Annotation Protocol gives annotations.
pub const MIME: &str = "application/ld+json;profile=\"http://www.w3.org/ns/anno.jsonld\"";
/// Code points of context kept as a quote's prefix and suffix.
pub const QUOTE_CONTEXT: usize = 32;

#[derive(Serialize)]
struct Collection<'a> {
    #[serde(rename = "@context")]
    context: (&'static str, SourcesTerm),
    id: &'static str,
    #[serde(rename = "type")]
    kind: &'static str,
    label: &'a str,
    total: usize,
    sources: Vec<Source<'a>>,
    first: Page,
}

#[derive(Serialize)]
struct SourcesTerm {
    sources: TermDefinition,
}

#[derive(Serialize)]
struct TermDefinition {
    #[serde(rename = "@id")]
    id: &'static str,
    #[serde(rename = "@container")]
    container: &'static str,
}

#[derive(Serialize)]
struct Source<'a> {
    id: String,
    #[serde(rename = "type")]
    kind: &'static str,
    format: &'static str,
    label: &'a str,
    value: &'a str,
}

#[derive(Serialize)]
struct Page {
    id: &'static str,
    #[serde(rename = "type")]
    kind: &'static str,
    #[serde(rename = "startIndex")]
    start_index: usize,
    items: Vec<Value>,
}

/// Percent-encodes everything but RFC 3986's unreserved characters, so any id makes a valid
/// fragment and `/` can separate its parts.
fn encode(id: &str) -> String {
    let mut out = String::with_capacity(id.len());
    for byte in id.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

fn decode(part: &str) -> String {
    let bytes = part.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = (bytes[i] == b'%' && i + 2 < bytes.len())
            .then(|| std::str::from_utf8(&bytes[i + 1..i + 3]).ok().and_then(|h| u8::from_str_radix(h, 16).ok()))
            .flatten();
        match hex {
            Some(byte) => {
                out.push(byte);
                i += 3;
            }
            None => {
                out.push(bytes[i]);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn source_id(doc: &Document) -> String {
    format!("#{}", encode(&doc.id))
}

fn span_annotation_id(source: &str, span: &str) -> String {
    format!("{source}/span/{}", encode(span))
}

fn relation_annotation_id(source: &str, relation: &str) -> String {
    format!("{source}/relation/{}", encode(relation))
}

/// The `count` code points before `start` and after `end` in `doc`.
fn quote_context(doc: &Document, start: usize, end: usize) -> (&str, &str) {
    (doc.slice(start.saturating_sub(QUOTE_CONTEXT), start), doc.slice(end, end + QUOTE_CONTEXT))
}

fn span_annotation(doc: &Document, source: &str, span: &Span) -> Value {
    let (prefix, suffix) = quote_context(doc, span.start, span.end);
    let mut quote = serde_json::json!({"type": "TextQuoteSelector", "exact": doc.slice(span.start, span.end)});
    if !prefix.is_empty() {
        quote["prefix"] = prefix.into();
    }
    if !suffix.is_empty() {
        quote["suffix"] = suffix.into();
    }
    let tag = serde_json::json!({"type": "TextualBody", "purpose": "tagging", "value": &*span.label});
    let body = match &span.note {
        Some(note) => serde_json::json!([tag, {"type": "TextualBody", "purpose": "commenting", "value": note}]),
        None => tag,
    };
    serde_json::json!({
        "id": span_annotation_id(source, &span.id),
        "type": "Annotation",
        "motivation": "tagging",
        "body": body,
        "target": {
            "source": source,
            "selector": [quote, {"type": "TextPositionSelector", "start": span.start, "end": span.end}],
        },
    })
}

fn relation_annotation(source: &str, relation: &Relation) -> Value {
    serde_json::json!({
        "id": relation_annotation_id(source, &relation.id),
        "type": "Annotation",
        "motivation": "linking",
        "body": [
            {"type": "TextualBody", "purpose": "tagging", "value": relation.kind},
            span_annotation_id(source, &relation.to),
        ],
        "target": span_annotation_id(source, &relation.from),
    })
}

/// The Web Annotation collection of `documents`, pretty-printed; `label` names it.
pub fn export<'d>(label: &str, documents: impl IntoIterator<Item = &'d Document>) -> String {
    let documents: Vec<&Document> = documents.into_iter().collect();
    let mut items = Vec::new();
    let mut sources = Vec::new();
    for doc in &documents {
        let source = source_id(doc);
        items.extend(doc.spans().iter().map(|span| span_annotation(doc, &source, span)));
        items.extend(doc.relations().iter().map(|relation| relation_annotation(&source, relation)));
        sources.push(Source { id: source, kind: "Text", format: "text/plain", label: &doc.name, value: doc.text() });
    }
    let collection = Collection {
        context: (CONTEXT, SourcesTerm { sources: TermDefinition { id: SOURCES_IRI, container: "@set" } }),
        id: "#collection",
        kind: "AnnotationCollection",
        label,
        total: items.len(),
        sources,
        first: Page { id: "#page1", kind: "AnnotationPage", start_index: 0, items },
    };
    serde_json::to_string_pretty(&collection).expect("a collection always serialises")
}

fn has_type(value: &Value, name: &str) -> bool {
    match value.get("type").or_else(|| value.get("@type")) {
        Some(Value::String(kind)) => kind == name,
        Some(Value::Array(kinds)) => kinds.iter().any(|k| k.as_str() == Some(name)),
        _ => false,
    }
}

fn is_anno_context(context: &Value) -> bool {
    match context {
        Value::String(iri) => iri.trim_end_matches('/').ends_with("w3.org/ns/anno.jsonld"),
        Value::Array(contexts) => contexts.iter().any(is_anno_context),
        _ => false,
    }
}

/// Whether parsed JSON is a Web Annotation resource: the anno.jsonld context, or an
/// annotation, page or collection by type (or an array of annotations).
pub fn looks_w3c(value: &Value) -> bool {
    let one = |v: &Value| {
        v.get("@context").is_some_and(is_anno_context)
            || ["Annotation", "AnnotationCollection", "AnnotationPage"].iter().any(|t| has_type(v, t))
    };
    match value {
        Value::Array(items) => items.first().is_some_and(one),
        _ => one(value),
    }
}

/// The values of a property that may hold one value or an array of them.
fn many(value: Option<&Value>) -> Vec<&Value> {
    match value {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(items)) => items.iter().collect(),
        Some(one) => vec![one],
    }
}

fn id_of(value: &Value) -> Option<&str> {
    match value {
        Value::String(iri) => Some(iri),
        _ => value.get("id").or_else(|| value.get("@id")).and_then(Value::as_str),
    }
}

fn annotations_of(value: &Value) -> Result<Vec<&Value>, String> {
    if let Value::Array(items) = value {
        return Ok(items.iter().collect());
    }
    if has_type(value, "AnnotationCollection") {
        return match value.get("first") {
            Some(Value::String(link)) => {
                Err(format!("its annotations are not in the file: the collection's first page is a link ({link})"))
            }
            Some(page) => Ok(many(page.get("items"))),
            None => Ok(Vec::new()),
        };
    }
    if value.get("items").is_some() {
        return Ok(many(value.get("items")));
    }
    Ok(vec![value])
}

/// A text the file carries.
struct SourceText {
    id: String,
    name: String,
    text: String,
}

fn source_text(value: &Value) -> Option<SourceText> {
    let id = id_of(value)?;
    let text = ["value", "text", "chars"]
        .iter()
        .find_map(|key| value.get(*key).and_then(Value::as_str))
        .filter(|text| !text.is_empty())?;
    let name = value.get("label").or_else(|| value.get("title")).and_then(Value::as_str);
    Some(SourceText { id: id.to_string(), name: name.unwrap_or(id).to_string(), text: text.to_string() })
}

fn targets(annotation: &Value) -> Vec<&Value> {
    many(annotation.get("target"))
}

fn motivations(value: &Value) -> Vec<&str> {
    many(value.get("motivation")).into_iter().filter_map(Value::as_str).collect()
}

fn purposes(body: &Value) -> Vec<&str> {
    many(body.get("purpose")).into_iter().filter_map(Value::as_str).collect()
}

/// The label ids and the note an annotation's bodies give.
fn labels_and_note(annotation: &Value) -> (Vec<String>, Option<String>) {
    let tagging = motivations(annotation).iter().any(|m| matches!(*m, "tagging" | "classifying" | "identifying"));
    let mut labels = Vec::new();
    let mut notes = Vec::new();
    if let Some(value) = annotation.get("bodyValue").and_then(Value::as_str) {
        if tagging {
            labels.push(value.to_string());
        } else {
            notes.push(value.to_string());
        }
    }
    for body in many(annotation.get("body")) {
        match body {
            Value::String(iri) if tagging => {
                let tail = iri.rsplit(['/', '#']).next().unwrap_or(iri);
                if !tail.is_empty() {
                    labels.push(decode(tail));
                }
            }
            Value::Object(_) => {
                let Some(value) = body.get("value").and_then(Value::as_str) else { continue };
                let purposes = purposes(body);
                let commenting = purposes.iter().any(|p| matches!(*p, "commenting" | "describing" | "replying"));
                let tag = purposes.iter().any(|p| matches!(*p, "tagging" | "classifying" | "identifying"));
                if tag || (!commenting && tagging) {
                    labels.push(value.to_string());
                } else {
                    notes.push(value.to_string());
                }
            }
            _ => {}
        }
    }
    labels.retain(|l| !l.trim().is_empty());
    (labels, (!notes.is_empty()).then(|| notes.join("\n")))
}

/// What a target's selectors say.
#[derive(Default)]
struct Selection {
    position: Option<(usize, usize)>,
    exact: Option<String>,
    prefix: String,
    suffix: String,
}

fn selection(target: &Value) -> Selection {
    let mut found = Selection::default();
    for selector in many(target.get("selector")) {
        if has_type(selector, "TextPositionSelector") {
            let at = |key| selector.get(key).and_then(Value::as_u64).and_then(|n| usize::try_from(n).ok());
            found.position = at("start").zip(at("end")).or(found.position);
        } else if has_type(selector, "TextQuoteSelector") {
            let text = |key| selector.get(key).and_then(Value::as_str).unwrap_or_default().to_string();
            found.exact = Some(text("exact")).filter(|e| !e.is_empty());
            found.prefix = text("prefix");
            found.suffix = text("suffix");
        }
    }
    found
}

/// Where a quote with its prefix and suffix is, if only one place fits.
fn find_quote(text: &str, selection: &Selection) -> Result<usize, String> {
    let exact = selection.exact.as_deref().unwrap_or_default();
    let at: Vec<(usize, usize)> = text.match_indices(exact).map(|(byte, _)| (byte, byte + exact.len())).collect();
    let fitting: Vec<usize> = at
        .iter()
        .filter(|(start, end)| {
            text[..*start].ends_with(&selection.prefix) && text[*end..].starts_with(&selection.suffix)
        })
        .map(|(start, _)| *start)
        .collect();
    match (fitting.as_slice(), at.as_slice()) {
        ([only], _) | ([], [(only, _)]) => Ok(text[..*only].chars().count()),
        (_, []) => Err(format!("its quote “{exact}” is not in the document")),
        _ => Err(format!(
            "its quote “{exact}” occurs {} times and its prefix and suffix do not tell which is meant",
            at.len()
        )),
    }
}

struct Built {
    doc: Document,
    index: CodepointIndex,
}

/// Reads a Web Annotation file. `file` names it in messages.
pub fn import(file: &str, json: &str) -> Result<Opened, FileError> {
    let value: Value =
        serde_json::from_str(json).map_err(|e| FileError::new(file, format!("it is not valid JSON ({e})")))?;
    import_value(file, &value)
}

/// Reads an already parsed Web Annotation file.
pub fn import_value(file: &str, value: &Value) -> Result<Opened, FileError> {
    let annotations = annotations_of(value).map_err(|reason| FileError::new(file, reason))?;
    let mut sources: Vec<SourceText> = many(value.get("sources")).into_iter().filter_map(source_text).collect();
    for annotation in &annotations {
        for source in targets(annotation).into_iter().filter_map(|t| t.get("source")) {
            let known = id_of(source).is_some_and(|id| sources.iter().any(|s| s.id == id));
            if let Some(found) = (!known).then(|| source_text(source)).flatten() {
                sources.push(found);
            }
        }
    }
    if sources.is_empty() {
        return Err(FileError::new(
            file,
            "it is a Web Annotation file without the annotated text (no source carries a \"value\"); \
             a text we do not have cannot be annotated",
        ));
    }
    let mut built: Vec<Built> = sources
        .iter()
        .map(|s| {
            let id = s.id.strip_prefix('#').map(decode).unwrap_or_default();
            Built { doc: Document::new(id, s.name.clone(), s.text.as_str()), index: CodepointIndex::new(&s.text) }
        })
        .collect();
    let source_index: HashMap<&str, usize> = sources.iter().enumerate().map(|(i, s)| (s.id.as_str(), i)).collect();
    let mut notes = Vec::new();
    let mut missing_text: HashMap<String, usize> = HashMap::new();
    // Annotation id → (document, span id), for the links.
    let mut placed: HashMap<String, (usize, Rc<str>)> = HashMap::new();
    let mut label_ids: Vec<String> = Vec::new();
    let mut links = Vec::new();
    for (number, annotation) in annotations.iter().enumerate() {
        let annotation_id =
            id_of(annotation).map(str::to_string).unwrap_or_else(|| format!("annotation {}", number + 1));
        if motivations(annotation).contains(&"linking") {
            links.push((annotation_id, *annotation));
            continue;
        }
        let (labels, note) = labels_and_note(annotation);
        for target in targets(annotation) {
            let Some(source) = target.get("source").and_then(id_of) else { continue };
            let Some(&at) = source_index.get(source) else {
                *missing_text.entry(source.to_string()).or_default() += 1;
                continue;
            };
            let Built { doc, index } = &mut built[at];
            let mut say = |what: String| {
                notes.push(format!("“{file}”, document “{}”: annotation {annotation_id} {what}.", doc.name))
            };
            if labels.is_empty() {
                say("was left out: it has no tag (a body with purpose \"tagging\")".into());
                continue;
            }
            let selection = selection(target);
            let (start, end) = match (selection.position, &selection.exact) {
                (Some(position), _) => position,
                (None, Some(exact)) => match find_quote(doc.text(), &selection) {
                    Ok(at) => (at, at + exact.chars().count()),
                    Err(reason) => {
                        say(format!("was left out: {reason}"));
                        continue;
                    }
                },
                (None, None) => {
                    say("was left out: it has no TextPositionSelector or TextQuoteSelector".into());
                    continue;
                }
            };
            let ((start, end), repaired) =
                match place_span(doc, index, start, end, selection.exact.as_deref(), OffsetUnit::CodePoint) {
                    Ok(found) => found,
                    Err(reason) => {
                        say(format!("was left out: {reason}"));
                        continue;
                    }
                };
            if repaired {
                say(format!(
                    "was moved to {start}..{end}, where its quote “{}” is (its position said otherwise)",
                    selection.exact.as_deref().unwrap_or_default()
                ));
            }
            let wanted = span_id_for(&annotation_id, source);
            for (n, label) in labels.iter().enumerate() {
                let id = if n == 0 { wanted.clone() } else { format!("{wanted}-{}", n + 1) };
                let span_id = match add_placed_span(doc, &id, (start, end), label, note.clone()) {
                    Ok(span_id) => span_id,
                    Err(reason) => {
                        notes.push(format!(
                            "“{file}”, document “{}”: annotation {annotation_id} was left out: {reason}.",
                            doc.name
                        ));
                        continue;
                    }
                };
                if n == 0 {
                    placed.insert(annotation_id.clone(), (at, span_id));
                }
                if !label_ids.contains(label) {
                    label_ids.push(label.clone());
                }
            }
        }
    }
    for (source, count) in missing_text {
        notes.push(format!(
            "“{file}”: {count} annotation(s) on {source} were left out: the file does not carry that text."
        ));
    }
    for (annotation_id, link) in links {
        let kind = many(link.get("body"))
            .into_iter()
            .find_map(|b| b.get("value").and_then(Value::as_str))
            .unwrap_or("related")
            .to_string();
        let ends: Vec<&str> = targets(link)
            .into_iter()
            .chain(many(link.get("body")).into_iter().filter(|b| b.get("value").is_none()))
            .filter_map(id_of)
            .collect();
        let resolved: Vec<Option<&(usize, Rc<str>)>> = ends.iter().map(|id| placed.get(*id)).collect();
        match resolved.as_slice() {
            [Some((doc_from, from)), Some((doc_to, to))] if doc_from == doc_to => {
                let doc = &mut built[*doc_from].doc;
                let wanted = span_id_for(&annotation_id, &sources[*doc_from].id);
                let id: Rc<str> = if doc.relations().iter().any(|r| *r.id == *wanted) {
                    doc.fresh_relation_id()
                } else {
                    wanted.into()
                };
                let relation = Relation::new(id, kind, from.clone(), to.clone());
                if let Err(e) = doc.insert_relation(relation) {
                    notes.push(format!("“{file}”, document “{}”: link {annotation_id} was left out: {e}.", doc.name));
                }
            }
            _ => notes.push(format!(
                "“{file}”: link {annotation_id} was left out: it does not join two annotations of one document that were read."
            )),
        }
    }
    let labels = label_ids.into_iter().map(|id| label_from_id(&id)).collect();
    Ok(Opened { labels, documents: built.into_iter().map(|b| b.doc).collect(), notes, ..Opened::default() })
}

/// Our id for what annotation `annotation_id` on `source` becomes: the part after
/// `<source>/span/` (or `/relation/`) as we write it, else its last path or fragment segment.
fn span_id_for(annotation_id: &str, source: &str) -> String {
    let ours = annotation_id
        .strip_prefix(source)
        .and_then(|rest| rest.strip_prefix("/span/").or_else(|| rest.strip_prefix("/relation/")));
    let tail = ours.unwrap_or_else(|| annotation_id.rsplit(['/', '#', ':']).next().unwrap_or(annotation_id));
    let id = decode(tail);
    if id.trim().is_empty() {
        "a1".into()
    } else {
        id
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "“We are close,” said Peskov 😀 in Genève.\r\nPeskov left.";

    fn sample() -> Document {
        let mut doc = Document::new("d1", "geneva talks.txt", TEXT);
        for (id, start, end, label) in [("s1", 1, 13, "quote"), ("s2", 21, 27, "actor"), ("s3", 33, 39, "location")] {
            let note = (id == "s2").then(|| "Kremlin spokesman".to_string());
            doc.insert_span(Span { note, ..Span::new(id, start, end, label) }).unwrap();
        }
        doc.insert_relation(Relation::new("r1", "said_by", "s1", "s2")).unwrap();
        doc
    }

    #[test]
    fn export_is_a_collection_with_its_texts_quotes_and_positions_in_code_points() {
        let json: Value = serde_json::from_str(&export("geneva", [&sample()])).unwrap();
        assert_eq!(json["@context"][0], CONTEXT);
        assert_eq!(json["@context"][1]["sources"]["@id"], SOURCES_IRI);
        assert_eq!((json["type"].as_str(), json["total"].as_u64()), (Some("AnnotationCollection"), Some(4)));
        assert_eq!(json["sources"][0]["value"], TEXT);
        assert_eq!(json["sources"][0]["label"], "geneva talks.txt");
        let items = &json["first"]["items"];
        let location = &items[2];
        assert_eq!(location["id"], "#d1/span/s3");
        assert_eq!(location["target"]["source"], "#d1");
        assert_eq!(location["body"]["value"], "location");
        let quote = &location["target"]["selector"][0];
        assert_eq!(quote["exact"], "Genève");
        assert_eq!(quote["prefix"], "We are close,” said Peskov 😀 in ", "32 code points, the emoji one of them");
        assert_eq!(quote["suffix"], ".\r\nPeskov left.");
        let position = &location["target"]["selector"][1];
        assert_eq!((position["start"].as_u64(), position["end"].as_u64()), (Some(33), Some(39)));
        let actor = &items[1];
        assert_eq!(actor["body"][1]["purpose"], "commenting");
        assert_eq!(actor["body"][1]["value"], "Kremlin spokesman");
        let link = &items[3];
        assert_eq!(link["motivation"], "linking");
        assert_eq!(link["target"], "#d1/span/s1");
        assert_eq!(link["body"][0]["value"], "said_by");
        assert_eq!(link["body"][1], "#d1/span/s2");
    }

    #[test]
    fn export_then_import_gives_the_same_document() {
        let opened = import("x.jsonld", &export("x", [&sample()])).unwrap();
        assert_eq!(opened.documents, vec![sample()]);
        assert!(opened.notes.is_empty(), "{:?}", opened.notes);
        let labels: Vec<&str> = opened.labels.iter().map(|l| &*l.id).collect();
        assert_eq!(labels, ["quote", "actor", "location"]);
    }

    #[test]
    fn ids_with_any_characters_survive() {
        let mut doc = Document::new("doc 1/ä", "n", "ab cd");
        doc.insert_span(Span::new("T 1/#", 0, 2, "my label")).unwrap();
        let json = export("x", [&doc]);
        assert!(json.contains("\"#doc%201%2F%C3%A4/span/T%201%2F%23\""), "{json}");
        let opened = import("x.jsonld", &json).unwrap();
        assert_eq!(&*opened.documents[0].id, "doc 1/ä");
        assert_eq!(&*opened.documents[0].spans()[0].id, "T 1/#");
    }

    /// An annotation as another client (Hypothesis-like, with the text embedded in the target's
    /// source) writes it: a single annotation, quote selector only for one of them.
    #[test]
    fn reads_other_clients_shapes_and_repairs_or_refuses_by_quote() {
        let file = serde_json::json!([
            {
                "@context": CONTEXT, "id": "urn:uuid:1", "type": "Annotation", "motivation": "tagging",
                "body": {"type": "TextualBody", "value": "actor", "purpose": "tagging"},
                "target": {"source": {"id": "http://example.org/a", "type": "Text", "value": TEXT},
                           "selector": {"type": "TextPositionSelector", "start": 21, "end": 27}}
            },
            {
                "id": "urn:uuid:2", "type": "Annotation", "motivation": "tagging", "body": "http://example.org/tags/actor",
                "target": {"source": "http://example.org/a", "selector": [
                    {"type": "TextQuoteSelector", "exact": "Peskov", "prefix": "\r\n", "suffix": " left"}]}
            },
            {
                "id": "urn:uuid:3", "type": "Annotation", "motivation": "tagging", "bodyValue": "location",
                "target": {"source": "http://example.org/a", "selector": [
                    {"type": "TextQuoteSelector", "exact": "Genève"},
                    {"type": "TextPositionSelector", "start": 34, "end": 40}]}
            },
            {
                "id": "urn:uuid:4", "type": "Annotation", "motivation": "tagging", "body": {"type": "TextualBody", "value": "actor"},
                "target": {"source": "http://example.org/a", "selector": [
                    {"type": "TextQuoteSelector", "exact": "Peskov"},
                    {"type": "TextPositionSelector", "start": 31, "end": 37}]}
            },
            {
                "id": "urn:uuid:5", "type": "Annotation", "motivation": "linking",
                "body": {"type": "TextualBody", "value": "same_as"},
                "target": ["urn:uuid:1", "urn:uuid:2"]
            },
            {
                "id": "urn:uuid:6", "type": "Annotation", "motivation": "tagging", "bodyValue": "actor",
                "target": {"source": "http://example.org/elsewhere", "selector": {"type": "TextPositionSelector", "start": 0, "end": 1}}
            }
        ]);
        assert!(looks_w3c(&file));
        let opened = import_value("h.json", &file).unwrap();
        let doc = &opened.documents[0];
        let spans: Vec<(&str, usize, usize, &str)> =
            doc.spans().iter().map(|s| (&*s.id, s.start, s.end, &*s.label)).collect();
        // 1: no quote to check, so its position is taken as it is; 2: found by quote and
        // context; 3: drifted by one, repaired from its unique quote; 4: between two
        // occurrences of its quote, so refused.
        assert_eq!(spans, [("1", 21, 27, "actor"), ("3", 33, 39, "location"), ("2", 42, 48, "actor")]);
        assert_eq!(doc.relations()[0].kind, "same_as");
        assert_eq!((&*doc.relations()[0].from, &*doc.relations()[0].to), ("1", "2"));
        let notes = opened.notes.join("\n");
        assert!(notes.contains("urn:uuid:3 was moved to 33..39"), "{notes}");
        assert!(notes.contains("urn:uuid:4 was left out") && notes.contains("occurs 2 times"), "{notes}");
        assert!(
            notes.contains("http://example.org/elsewhere") && notes.contains("does not carry that text"),
            "{notes}"
        );
    }

    #[test]
    fn a_file_without_the_text_is_refused_with_the_reason() {
        let file = serde_json::json!({
            "@context": CONTEXT, "id": "http://example.org/anno1", "type": "Annotation",
            "body": {"type": "TextualBody", "value": "actor", "purpose": "tagging"},
            "target": {"source": "http://example.org/page1", "selector": {"type": "TextPositionSelector", "start": 4, "end": 7}}
        });
        let err = import("anno.jsonld", &file.to_string()).unwrap_err();
        assert!(err.reason.contains("without the annotated text"), "{err}");
        let linked_page = serde_json::json!({"@context": CONTEXT, "type": "AnnotationCollection", "first": "http://example.org/page1"});
        assert!(import_value("c.jsonld", &linked_page).unwrap_err().reason.contains("is a link"));
    }

    #[test]
    fn recognises_web_annotation_json() {
        assert!(looks_w3c(&serde_json::json!({"@context": [CONTEXT, {"x": "y"}], "type": "AnnotationCollection"})));
        assert!(looks_w3c(&serde_json::json!({"type": ["Annotation"]})));
        assert!(!looks_w3c(&serde_json::json!({"format": "article-annotator"})));
        assert!(!looks_w3c(&serde_json::json!([{"data": {"text": "x"}}])));
    }
}
