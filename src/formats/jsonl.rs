//! spaCy/Prodigy JSON Lines: one JSON object per line, one line per document. This is the
//! shape Prodigy's `db-out` writes and its `ner.manual`/`spans.manual`/`rel.manual` read, and
//! what spaCy projects turn into `DocBin`s:
//!
//! ```json
//! {"text": "Peskov spoke.", "meta": {"name": "a.txt", "id": "d1", "sha256": "…", "status": "done"},
//!  "tokens": [{"text": "Peskov", "start": 0, "end": 6, "id": 0, "ws": true}, …],
//!  "spans": [{"text": "Peskov", "start": 0, "end": 6, "token_start": 0, "token_end": 0, "label": "actor"}],
//!  "relations": [{"head": 3, "child": 0, "label": "said_by", "head_span": {…}, "child_span": {…}}]}
//! ```
//!
//! Offsets: `start`/`end` are code points, end-exclusive (Python's `text[start:end]`, which is
//! what spaCy and Prodigy count), and stay exactly the span's, even where the span's edge falls
//! inside a token. `tokens` come from [`crate::text::tokens`] (UAX #29 words, white space
//! dropped, punctuation on its own), the tokenizer the CoNLL export uses too; `token_start` and
//! `token_end` are inclusive token indices, as Prodigy writes them, of the tokens the span
//! touches (widened outward when an edge falls inside a token; absent for a span of white space
//! only). Because white space is dropped, the tokens and their `ws` do not rebuild the text: the
//! text is `text`. A span's annotator note is written as an extra `"note"` key.
//!
//! Relations are Prodigy's: `head` is the source span (our relation's `from`), `child` the
//! target (`to`), `label` the relation type; `head`/`child` are token indices (the last token
//! of each span, as Prodigy's `rel.manual` records them) and `head_span`/`child_span` repeat
//! the spans' offsets and labels, which is how the reader finds them again.
//!
//! Reading takes the same shape from spaCy, Prodigy or a script: a line needs a non-empty
//! `text`; `spans` may lack `text` (then the offsets are trusted) or the offsets (then the
//! token indices and `tokens` give them); a span's text that disagrees with its offsets is
//! repaired by [`super::repair::place_span`] or left out, with a note either way. Labels not in
//! the label set are created. Lines Prodigy's annotator rejected or ignored (`"answer":
//! "reject"`/`"ignore"`) open as text without their spans. Lines with only `text` open as
//! documents to annotate. Not here: doccano's JSONL (`label` triples, `entities` with
//! `start_offset`), which [`super::doccano`] reads; [`super::open`] picks between them.

use std::rc::Rc;

use serde::{Deserialize, Serialize};

use super::repair::{place_span, OffsetUnit};
use super::{FileError, Opened};
use crate::model::{default_labels, Document, Label, Relation, Span};
use crate::text::offsets::CodepointIndex;
use crate::text::tokens::{token_range, tokenize, Token};

// ---------------------------------------------------------------------------------------------
// Export

#[derive(Serialize)]
struct OutLine<'a> {
    text: &'a str,
    meta: OutMeta<'a>,
    tokens: Vec<OutToken<'a>>,
    spans: Vec<OutSpan<'a>>,
    relations: Vec<OutRelation<'a>>,
}

#[derive(Serialize)]
struct OutMeta<'a> {
    name: &'a str,
    id: &'a str,
    sha256: String,
    status: &'static str,
}

#[derive(Serialize)]
struct OutToken<'a> {
    text: &'a str,
    start: usize,
    end: usize,
    id: usize,
    ws: bool,
}

#[derive(Serialize, Clone)]
struct OutSpan<'a> {
    text: &'a str,
    start: usize,
    end: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    token_start: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    token_end: Option<usize>,
    label: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<&'a str>,
}

#[derive(Serialize)]
struct OutRelation<'a> {
    head: Option<usize>,
    child: Option<usize>,
    label: &'a str,
    head_span: OutSpan<'a>,
    child_span: OutSpan<'a>,
}

/// One JSON line per document, each ending in `\n`.
pub fn export<'d>(documents: impl IntoIterator<Item = &'d Document>) -> String {
    let mut out = String::new();
    for doc in documents {
        out.push_str(&serde_json::to_string(&export_line(doc)).expect("plain data always serialises"));
        out.push('\n');
    }
    out
}

fn export_line(doc: &Document) -> OutLine<'_> {
    let tokens = tokenize(doc.text());
    let span_out = |span| out_span(doc, &tokens, span);
    let spans: Vec<OutSpan<'_>> = doc.spans().iter().map(span_out).collect();
    let relations = doc
        .relations()
        .iter()
        .filter_map(|r| {
            let head = span_out(doc.span(&r.from)?);
            let child = span_out(doc.span(&r.to)?);
            let (head_span, child_span) =
                (OutSpan { note: None, ..head.clone() }, OutSpan { note: None, ..child.clone() });
            Some(OutRelation { head: head.token_end, child: child.token_end, label: &r.kind, head_span, child_span })
        })
        .collect();
    OutLine {
        text: doc.text(),
        meta: OutMeta { name: &doc.name, id: &doc.id, sha256: doc.text_sha256().to_string(), status: doc.status.key() },
        tokens: tokens.iter().enumerate().map(|(id, t): (usize, &Token<'_>)| out_token(id, t)).collect(),
        spans,
        relations,
    }
}

fn out_span<'a>(doc: &'a Document, tokens: &[Token<'_>], span: &'a Span) -> OutSpan<'a> {
    let range = token_range(tokens, span.start, span.end);
    OutSpan {
        text: doc.slice(span.start, span.end),
        start: span.start,
        end: span.end,
        token_start: range.map(|(first, _)| first),
        token_end: range.map(|(_, last)| last),
        label: &span.label,
        note: span.note.as_deref(),
    }
}

fn out_token<'a>(id: usize, token: &Token<'a>) -> OutToken<'a> {
    OutToken { text: token.text, start: token.start, end: token.end, id, ws: token.ws }
}

// ---------------------------------------------------------------------------------------------
// Import

#[derive(Deserialize)]
struct InLine {
    text: Option<serde_json::Value>,
    #[serde(default)]
    meta: Option<serde_json::Value>,
    #[serde(default)]
    tokens: Option<Vec<InToken>>,
    #[serde(default)]
    spans: Option<Vec<InSpan>>,
    #[serde(default)]
    relations: Option<Vec<InRelation>>,
    #[serde(default)]
    answer: Option<String>,
}

#[derive(Deserialize)]
struct InToken {
    start: usize,
    end: usize,
}

#[derive(Deserialize, Default)]
struct InSpan {
    #[serde(default)]
    start: Option<usize>,
    #[serde(default)]
    end: Option<usize>,
    #[serde(default)]
    token_start: Option<usize>,
    #[serde(default)]
    token_end: Option<usize>,
    #[serde(default)]
    label: Option<String>,
    #[serde(default)]
    text: Option<String>,
    #[serde(default)]
    note: Option<String>,
}

#[derive(Deserialize)]
struct InRelation {
    #[serde(default)]
    head: Option<usize>,
    #[serde(default)]
    child: Option<usize>,
    #[serde(default)]
    head_span: Option<InSpan>,
    #[serde(default)]
    child_span: Option<InSpan>,
    #[serde(default)]
    label: Option<String>,
}

/// A span as the file gave it and where it was placed: relations find spans by the former.
struct Placed {
    given: (usize, usize),
    label: Rc<str>,
    id: Rc<str>,
}

/// Documents from a spaCy/Prodigy JSONL file (or one with `{"text": …}` lines only), without
/// ids: the workspace gives them free ones. `file` names it in errors and notes.
pub fn import(file: &str, content: &str) -> Result<Opened, FileError> {
    let mut opened = Opened::default();
    let mut label_ids: Vec<Rc<str>> = Vec::new();
    for (number, line) in content.lines().enumerate().map(|(i, l)| (i + 1, l)) {
        let line = line.trim_start_matches('\u{feff}');
        if line.trim().is_empty() {
            continue;
        }
        let value: serde_json::Value = serde_json::from_str(line)
            .map_err(|e| FileError::new(file, format!("line {number} is not valid JSON ({e})")))?;
        let parsed: InLine = serde_json::from_value(value).map_err(|e| {
            FileError::new(file, format!("line {number} does not have the shape of spaCy/Prodigy JSONL ({e})"))
        })?;
        let doc = import_line(file, number, parsed, &mut opened.notes)?;
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
    opened.labels = labels_for(&label_ids);
    Ok(opened)
}

/// Labels for ids a foreign file used: the built-in label where the id is one, else a grey
/// label named after its id (the person can rename and recolour it).
pub(crate) fn labels_for(ids: &[Rc<str>]) -> Vec<Label> {
    let defaults = default_labels();
    ids.iter()
        .map(|id| {
            defaults.iter().find(|l| l.id == *id).cloned().unwrap_or_else(|| Label {
                id: id.clone(),
                name: id.to_string(),
                color: "#7f7f7f".into(),
                key: None,
            })
        })
        .collect()
}

/// The text of a line: a non-empty string under `text`.
pub(crate) fn line_text(file: &str, number: usize, text: Option<&serde_json::Value>) -> Result<String, FileError> {
    match text.and_then(|t| t.as_str()) {
        Some("") => Err(FileError::new(file, format!("line {number} has an empty \"text\""))),
        Some(text) => Ok(text.to_string()),
        None => Err(FileError::new(file, format!("line {number} has no \"text\" string"))),
    }
}

fn import_line(file: &str, number: usize, line: InLine, notes: &mut Vec<String>) -> Result<Document, FileError> {
    let text = line_text(file, number, line.text.as_ref())?;
    let meta = line.meta.unwrap_or(serde_json::Value::Null);
    let meta_str = |key: &str| meta.get(key).and_then(|v| v.as_str()).filter(|s| !s.trim().is_empty());
    let name = meta_str("name").map_or_else(|| format!("{file} #{number}"), str::to_string);
    let at = format!("{file}, line {number}");
    let mut doc = Document::new("", name, text);
    if let Some(status) = meta_str("status") {
        match crate::model::Status::from_key(status) {
            Some(status) => doc.status = status,
            None => notes.push(format!("{at}: status “{status}” is not one of new, in_progress, done; left as new")),
        }
    }
    if let Some(expected) = meta_str("sha256") {
        if !expected.eq_ignore_ascii_case(doc.text_sha256()) {
            notes.push(format!(
                "{at}: the text does not match its meta.sha256 (was it edited?); spans were checked against their own text"
            ));
        }
    }
    let spans = line.spans.unwrap_or_default();
    let relations = line.relations.unwrap_or_default();
    if let Some(answer @ ("reject" | "ignore")) = line.answer.as_deref() {
        if !spans.is_empty() {
            notes.push(format!("{at}: the annotator answered “{answer}”, so its {} spans were left out", spans.len()));
        }
        return Ok(doc);
    }
    let tokens = line.tokens.unwrap_or_default();
    let index = CodepointIndex::new(doc.text());
    let mut placed: Vec<Placed> = Vec::new();
    for (n, span) in spans.into_iter().enumerate() {
        let what = format!("{at}: span {} ({})", n + 1, span.text.as_deref().unwrap_or("no text"));
        let Some(label) = span.label.as_deref().filter(|l| !l.trim().is_empty()) else {
            notes.push(format!("{what} left out: it has no label"));
            continue;
        };
        let Some((start, end)) = offsets_of(&span, &tokens) else {
            notes.push(format!("{what} left out: it has neither start/end nor token indices into \"tokens\""));
            continue;
        };
        match place_span(&doc, &index, start, end, span.text.as_deref(), OffsetUnit::CodePoint) {
            Ok(((s, e), repaired)) => {
                if repaired {
                    notes.push(format!("{what}: offsets {start}..{end} did not hold its text; moved to {s}..{e}"));
                }
                let id = doc.fresh_span_id();
                let inserted = doc.insert_span(Span { note: span.note.clone(), ..Span::new(id.clone(), s, e, label) });
                let id = match inserted {
                    Ok(true) => id,
                    // The same annotation twice is one span (the guidelines); point to the one kept.
                    _ => match doc.spans().iter().find(|x| (x.start, x.end, &*x.label) == (s, e, label)) {
                        Some(kept) => kept.id.clone(),
                        None => continue,
                    },
                };
                placed.push(Placed { given: (start, end), label: label.into(), id });
            }
            Err(reason) => notes.push(format!("{what} left out: {reason}")),
        }
    }
    for (n, relation) in relations.into_iter().enumerate() {
        let kind = relation.label.clone().filter(|l| !l.trim().is_empty()).unwrap_or_else(|| "relation".into());
        let ends = (
            find_placed(&placed, relation.head_span.as_ref(), relation.head, &tokens, &doc),
            find_placed(&placed, relation.child_span.as_ref(), relation.child, &tokens, &doc),
        );
        let (Some(from), Some(to)) = ends else {
            notes
                .push(format!("{at}: relation {} ({kind}) left out: its head or child is not one of the spans", n + 1));
            continue;
        };
        if doc.relations().iter().any(|r| r.from == from && r.to == to && r.kind == kind) {
            continue;
        }
        let relation = Relation::new(doc.fresh_relation_id(), kind, from, to);
        doc.insert_relation(relation).expect("both ends are spans of this document and the id is fresh");
    }
    Ok(doc)
}

/// A span's offsets: its own, or those of its tokens.
fn offsets_of(span: &InSpan, tokens: &[InToken]) -> Option<(usize, usize)> {
    match (span.start, span.end) {
        (Some(start), Some(end)) => Some((start, end)),
        _ => {
            let first = tokens.get(span.token_start?)?;
            let last = tokens.get(span.token_end.unwrap_or(span.token_start?))?;
            Some((first.start, last.end))
        }
    }
}

/// The span a relation's end means: by the offsets (and label) it repeats, else by the token
/// index, as the span that ends with that token.
fn find_placed(
    placed: &[Placed],
    given: Option<&InSpan>,
    token: Option<usize>,
    tokens: &[InToken],
    doc: &Document,
) -> Option<Rc<str>> {
    let unique = |mut found: Vec<Rc<str>>| {
        found.dedup();
        (found.len() == 1).then(|| found.remove(0))
    };
    if let Some((start, end)) = given.and_then(|g| g.start.zip(g.end)) {
        let label = given.and_then(|g| g.label.as_deref());
        let found: Vec<Rc<str>> = placed
            .iter()
            .filter(|p| p.given == (start, end) && label.is_none_or(|l| *p.label == *l))
            .map(|p| p.id.clone())
            .collect();
        return unique(found);
    }
    let token = tokens.get(token?)?;
    let found = placed
        .iter()
        .filter(|p| doc.span(&p.id).is_some_and(|s| s.start <= token.start && s.end == token.end))
        .map(|p| p.id.clone())
        .collect();
    unique(found)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Status;

    #[test]
    fn each_line_is_a_document() {
        let opened = import("c.jsonl", "{\"text\": \"One 😀\"}\n\n{\"text\": \"Two\", \"meta\": {}}\n").unwrap();
        let texts: Vec<&str> = opened.documents.iter().map(|d| &**d.text()).collect();
        assert_eq!(texts, ["One 😀", "Two"]);
        assert_eq!(opened.documents[1].name, "c.jsonl #3");
        assert!(opened.labels.is_empty() && opened.notes.is_empty());
    }

    #[test]
    fn names_the_line_that_is_wrong() {
        let err = import("c.jsonl", "{\"text\": \"ok\"}\n{\"txt\": 1}\n").unwrap_err();
        assert!(err.reason.contains("line 2"), "{err}");
        let err = import("c.jsonl", "{\"text\": \"ok\", \"spans\": {\"start\": 1}}\n").unwrap_err();
        assert!(err.reason.contains("line 1") && err.reason.contains("Prodigy"), "{err}");
        assert!(import("c.jsonl", "{\"text\": \"\"}\n").unwrap_err().reason.contains("empty"));
    }

    /// A line as Prodigy's `db-out` writes it after `ner.manual` with `blank:en`: spaCy's
    /// tokens (with a token for the line break), `_input_hash`, `answer`, spans with text.
    const PRODIGY_NER: &str = r#"{"text":"Kremlin spokesperson Dmitry Peskov met 😀 officials in Genève.\nMore later.","meta":{"source":"wire"},"_input_hash":-1042839477,"_task_hash":1876539283,"tokens":[{"text":"Kremlin","start":0,"end":7,"id":0,"ws":true},{"text":"spokesperson","start":8,"end":20,"id":1,"ws":true},{"text":"Dmitry","start":21,"end":27,"id":2,"ws":true},{"text":"Peskov","start":28,"end":34,"id":3,"ws":true},{"text":"met","start":35,"end":38,"id":4,"ws":true},{"text":"😀","start":39,"end":40,"id":5,"ws":true},{"text":"officials","start":41,"end":50,"id":6,"ws":true},{"text":"in","start":51,"end":53,"id":7,"ws":true},{"text":"Genève","start":54,"end":60,"id":8,"ws":false},{"text":".","start":60,"end":61,"id":9,"ws":false},{"text":"\n","start":61,"end":62,"id":10,"ws":false},{"text":"More","start":62,"end":66,"id":11,"ws":true},{"text":"later","start":67,"end":72,"id":12,"ws":false},{"text":".","start":72,"end":73,"id":13,"ws":false}],"_view_id":"ner_manual","spans":[{"start":21,"end":34,"token_start":2,"token_end":3,"label":"PERSON"},{"text":"Genève","start":54,"end":60,"token_start":8,"token_end":8,"label":"GPE"},{"start":0,"end":7,"token_start":0,"token_end":0,"label":"actor"}],"answer":"accept","_timestamp":1718000000}
{"text":"Rejected line.","spans":[{"start":0,"end":8,"label":"X"}],"answer":"reject"}"#;

    #[test]
    fn reads_prodigy_ner_output_in_code_points() {
        let opened = import("ner.jsonl", PRODIGY_NER).unwrap();
        let doc = &opened.documents[0];
        let spans: Vec<(&str, &str)> = doc.spans().iter().map(|s| (doc.slice(s.start, s.end), &*s.label)).collect();
        assert_eq!(spans, [("Kremlin", "actor"), ("Dmitry Peskov", "PERSON"), ("Genève", "GPE")]);
        let labels: Vec<(&str, &str)> = opened.labels.iter().map(|l| (&*l.id, l.color.as_str())).collect();
        assert_eq!(labels, [("actor", "#1f77b4"), ("PERSON", "#7f7f7f"), ("GPE", "#7f7f7f")], "built-in where known");
        assert!(opened.documents[1].spans().is_empty());
        assert_eq!(opened.notes.len(), 1, "{:?}", opened.notes);
        assert!(opened.notes[0].contains("line 2") && opened.notes[0].contains("reject"));
    }

    /// `rel.manual` output: relations by token index, with the spans repeated.
    const PRODIGY_REL: &str = r##"{"text":"Peskov said talks went well.","tokens":[{"text":"Peskov","start":0,"end":6,"id":0,"ws":true},{"text":"said","start":7,"end":11,"id":1,"ws":true},{"text":"talks","start":12,"end":17,"id":2,"ws":true},{"text":"went","start":18,"end":22,"id":3,"ws":true},{"text":"well","start":23,"end":27,"id":4,"ws":false},{"text":".","start":27,"end":28,"id":5,"ws":false}],"spans":[{"start":0,"end":6,"token_start":0,"token_end":0,"label":"actor"},{"start":12,"end":27,"token_start":2,"token_end":4,"label":"quote"}],"relations":[{"head":4,"child":0,"head_span":{"start":12,"end":27,"token_start":2,"token_end":4,"label":"quote"},"child_span":{"start":0,"end":6,"token_start":0,"token_end":0,"label":"actor"},"color":"#c5bdf4","label":"said_by"},{"head":4,"child":0,"label":"by_token"},{"head":1,"child":0,"label":"nowhere"}],"answer":"accept"}"##;

    #[test]
    fn reads_prodigy_relations_by_span_or_by_token() {
        let opened = import("rel.jsonl", PRODIGY_REL).unwrap();
        let doc = &opened.documents[0];
        let quote = doc.spans().iter().find(|s| &*s.label == "quote").unwrap();
        let actor = doc.spans().iter().find(|s| &*s.label == "actor").unwrap();
        let relations: Vec<(&str, &str, &str)> =
            doc.relations().iter().map(|r| (r.kind.as_str(), &*r.from, &*r.to)).collect();
        assert_eq!(relations, [("said_by", &*quote.id, &*actor.id), ("by_token", &*quote.id, &*actor.id)]);
        assert_eq!(opened.notes.len(), 1, "{:?}", opened.notes);
        assert!(opened.notes[0].contains("nowhere"));
    }

    #[test]
    fn spans_without_offsets_take_their_tokens_and_drifted_ones_are_repaired() {
        let line = r#"{"text":"😀😀 Peskov met Putin.","tokens":[{"start":0,"end":1},{"start":1,"end":2},{"start":3,"end":9},{"start":10,"end":13},{"start":14,"end":19}],"spans":[{"token_start":4,"token_end":4,"label":"actor"},{"start":5,"end":11,"text":"Peskov","label":"actor"},{"start":40,"end":45,"text":"Biden","label":"actor"},{"start":0,"end":2}]}"#;
        let opened = import("x.jsonl", line).unwrap();
        let doc = &opened.documents[0];
        let texts: Vec<&str> = doc.spans().iter().map(|s| doc.slice(s.start, s.end)).collect();
        assert_eq!(texts, ["Peskov", "Putin"]);
        assert_eq!(opened.notes.len(), 3, "{:?}", opened.notes);
        assert!(opened.notes[0].contains("moved to 3..9"));
        assert!(opened.notes[1].contains("Biden") && opened.notes[1].contains("left out"));
        assert!(opened.notes[2].contains("no label"));
    }

    fn sample() -> Document {
        let mut doc =
            Document::new("d1", "geneva.txt", "“Talks were good,” Peskov said 😀 in Gene\u{300}ve.\r\nNext 🇺🇦.");
        doc.status = Status::Done;
        for (id, start, end, label) in [("s1", 1, 16, "quote"), ("s2", 19, 25, "actor"), ("s3", 36, 43, "location")] {
            let note = (id == "s2").then(|| "Kremlin spokesman".to_string());
            doc.insert_span(Span { note, ..Span::new(id, start, end, label) }).unwrap();
        }
        // Alt-selected inside a word: "alk" of "Talks".
        doc.insert_span(Span::new("s4", 2, 5, "figure")).unwrap();
        doc.insert_relation(Relation::new("r1", "said_by", "s1", "s2")).unwrap();
        doc
    }

    #[test]
    fn export_is_prodigy_shaped_with_tokens_and_token_indices() {
        let line: serde_json::Value = serde_json::from_str(export([&sample()]).trim_end()).unwrap();
        assert_eq!(line["meta"]["name"], "geneva.txt");
        assert_eq!(line["meta"]["status"], "done");
        assert_eq!(line["meta"]["sha256"], sample().text_sha256());
        let tokens = line["tokens"].as_array().unwrap();
        assert_eq!(tokens[0], serde_json::json!({"text": "“", "start": 0, "end": 1, "id": 0, "ws": false}));
        assert_eq!(tokens[1]["text"], "Talks");
        let quote = &line["spans"][0];
        assert_eq!(
            (&quote["text"], &quote["start"], &quote["end"]),
            (&"Talks were good".into(), &1.into(), &16.into())
        );
        assert_eq!((&quote["token_start"], &quote["token_end"]), (&1.into(), &3.into()));
        let inside = &line["spans"][1];
        assert_eq!((&inside["text"], &inside["start"], &inside["token_start"]), (&"alk".into(), &2.into(), &1.into()));
        assert_eq!(line["spans"][2]["note"], "Kremlin spokesman");
        assert_eq!(line["spans"][3]["text"], "Gene\u{300}ve");
        let relation = &line["relations"][0];
        assert_eq!(
            (&relation["head"], &relation["child"], &relation["label"]),
            (&3.into(), &6.into(), &"said_by".into())
        );
        assert_eq!(relation["head_span"]["start"], 1);
        assert_eq!(relation["child_span"]["label"], "actor");
    }

    #[test]
    fn export_then_import_gives_the_same_spans_relations_and_notes() {
        let mut other = Document::new("d2", "two.txt", "Only text.");
        other.status = Status::InProgress;
        let exported = export([&sample(), &other]);
        assert_eq!(exported.lines().count(), 2);
        let opened = import("w.jsonl", &exported).unwrap();
        assert!(opened.notes.is_empty(), "{:?}", opened.notes);
        let (back, original) = (&opened.documents[0], sample());
        assert_eq!((back.name.as_str(), back.status, back.text()), ("geneva.txt", Status::Done, original.text()));
        let key = |d: &Document| -> Vec<(usize, usize, String, Option<String>)> {
            d.spans().iter().map(|s| (s.start, s.end, s.label.to_string(), s.note.clone())).collect()
        };
        assert_eq!(key(back), key(&original));
        let relation = &back.relations()[0];
        assert_eq!(relation.kind, "said_by");
        assert_eq!(
            back.slice(back.span(&relation.from).unwrap().start, back.span(&relation.from).unwrap().end),
            "Talks were good"
        );
        assert_eq!(&*back.span(&relation.to).unwrap().label, "actor");
        assert_eq!(opened.documents[1].status, Status::InProgress);
    }
}
