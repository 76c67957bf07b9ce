//! Export → open round trips through the other tools' formats (W3C Web Annotation, brat, Label
//! Studio), through the export registry and `open_file` as the app uses them, on generated
//! texts with astral characters, combining marks, CRLF and tabs: the same spans (start, end,
//! label, note) and relations come back. And a Label Studio file with drifted offsets is
//! repaired from each span's own text or refused, never misplaced, and every change is said.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::HashMap;

use article_annotator::formats::open::{open_file, open_files};
use article_annotator::formats::{brat, label_studio, ExportFile, Opened, EXPORTS};
use article_annotator::model::{Document, Relation, Span};
use proptest::prelude::*;

const LABELS: &[&str] = &["actor", "location", "figure", "quote", "said-by_x"];

fn text() -> impl Strategy<Value = String> {
    let pieces = vec![
        "Peskov",
        " ",
        " ",
        "😀",
        "\r\n",
        "\n",
        "\t",
        "é",
        "e\u{301}",
        "“q”",
        "Genève",
        "1,250",
        "👨\u{200d}👩\u{200d}👧",
        "ab",
        "\u{2028}",
    ];
    prop::collection::vec(prop::sample::select(pieces), 1..40).prop_map(|parts| parts.concat())
}

type SpanSeed = (usize, usize, usize, Option<&'static str>);

fn spans() -> impl Strategy<Value = Vec<SpanSeed>> {
    let note = prop::option::of(prop::sample::select(vec!["spokesman", "two\r\nlines", "“quoted” 😀"]));
    prop::collection::vec((any::<usize>(), any::<usize>(), 0..LABELS.len(), note), 0..12)
}

fn relations() -> impl Strategy<Value = Vec<(usize, usize)>> {
    prop::collection::vec((any::<usize>(), any::<usize>()), 0..6)
}

fn document(id: &str, name: &str, text: &str, seeds: &[SpanSeed], links: &[(usize, usize)]) -> Document {
    let mut doc = Document::new(id, name, text);
    let len = doc.len();
    for &(a, b, label, note) in seeds {
        let start = a % len;
        let end = start + 1 + b % (len - start);
        let span = Span { note: note.map(str::to_string), ..Span::new(doc.fresh_span_id(), start, end, LABELS[label]) };
        doc.insert_span(span).unwrap();
    }
    let ids: Vec<_> = doc.spans().iter().map(|s| s.id.clone()).collect();
    for &(from, to) in links {
        if ids.is_empty() {
            break;
        }
        let relation = Relation::new(
            doc.fresh_relation_id(),
            "said_by",
            ids[from % ids.len()].clone(),
            ids[to % ids.len()].clone(),
        );
        doc.insert_relation(relation).unwrap();
    }
    doc
}

type Key = (usize, usize, String);
type Shape = (Vec<(usize, usize, String, Option<String>)>, Vec<(String, Key, Key)>);

/// What must survive: spans by position, label and note; relations by type and their ends'
/// positions and labels (ids may be renumbered by a format).
fn shape(doc: &Document) -> Shape {
    let key = |id: &str| {
        let s = doc.span(id).unwrap();
        (s.start, s.end, s.label.to_string())
    };
    let spans = doc.spans().iter().map(|s| (s.start, s.end, s.label.to_string(), s.note.clone())).collect();
    let mut relations: Vec<(String, Key, Key)> =
        doc.relations().iter().map(|r| (r.kind.clone(), key(&r.from), key(&r.to))).collect();
    relations.sort();
    (spans, relations)
}

/// What brat can hold of `doc`: spans without the line breaks at their edges (a span of
/// nothing else is dropped, with its relations), notes on one line, label types without spaces.
fn as_brat_keeps_it(doc: &Document) -> Document {
    let mut kept = Document::new(doc.id.clone(), doc.name.clone(), doc.text().clone());
    let mut survivor: HashMap<&str, std::rc::Rc<str>> = HashMap::new();
    for span in doc.spans() {
        let parts = brat::fragments(doc, span.start, span.end);
        let (Some(first), Some(last)) = (parts.first(), parts.last()) else { continue };
        let note = span.note.as_ref().map(|n| n.chars().map(|c| if brat::is_break(c) { ' ' } else { c }).collect());
        let trimmed = Span { note, ..Span::new(span.id.clone(), first.0, last.1, span.label.clone()) };
        kept.insert_span(trimmed).unwrap();
        let same = kept.spans().iter().find(|s| (s.start, s.end, &s.label) == (first.0, last.1, &span.label)).unwrap();
        survivor.insert(&span.id, same.id.clone());
    }
    for relation in doc.relations() {
        if let (Some(from), Some(to)) = (survivor.get(&*relation.from), survivor.get(&*relation.to)) {
            let relation = Relation { from: from.clone(), to: to.clone(), ..relation.clone() };
            kept.insert_relation(relation).unwrap();
        }
    }
    kept
}

fn export(id: &str, documents: &[&Document], base: &str) -> ExportFile {
    let format = EXPORTS.iter().find(|f| f.id == id).unwrap_or_else(|| panic!("{id} is not registered"));
    format.export(&article_annotator::model::Workspace::default(), documents, base)
}

fn reopen(file: &ExportFile) -> Result<Opened, TestCaseError> {
    let opened = open_file(&file.name, &file.bytes).map_err(|e| TestCaseError::fail(e.to_string()))?;
    prop_assert!(opened.notes.is_empty(), "{:?}", opened.notes);
    Ok(opened)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn web_annotation_round_trips(texts in prop::collection::vec((text(), spans(), relations()), 1..4)) {
        let docs: Vec<Document> = texts.iter().enumerate()
            .map(|(i, (t, s, r))| document(&format!("d{}", i + 1), &format!("doc {i}.txt"), t, s, r)).collect();
        let refs: Vec<&Document> = docs.iter().collect();
        let file = export("w3c", &refs, "workspace");
        let opened = reopen(&file)?;
        prop_assert_eq!(opened.documents.len(), docs.len());
        for (back, doc) in opened.documents.iter().zip(&docs) {
            prop_assert_eq!(back.text(), doc.text());
            prop_assert_eq!(shape(back), shape(doc));
            prop_assert_eq!(back, doc, "ids, names and all");
        }
    }

    #[test]
    fn brat_round_trips(texts in prop::collection::vec((text(), spans(), relations()), 1..4)) {
        let docs: Vec<Document> = texts.iter().enumerate()
            .map(|(i, (t, s, r))| document(&format!("d{}", i + 1), "same name.txt", t, s, r)).collect();
        let refs: Vec<&Document> = docs.iter().collect();
        let file = export("brat", &refs, if docs.len() == 1 { "same name" } else { "workspace" });
        let opened = reopen(&file)?;
        prop_assert_eq!(opened.documents.len(), docs.len());
        for (back, doc) in opened.documents.iter().zip(&docs) {
            prop_assert_eq!(back.text(), doc.text(), "the .txt is the text exactly");
            prop_assert_eq!(shape(back), shape(&as_brat_keeps_it(doc)));
        }
    }

    #[test]
    fn label_studio_round_trips(texts in prop::collection::vec((text(), spans(), relations()), 1..4)) {
        let docs: Vec<Document> = texts.iter().enumerate()
            .map(|(i, (t, s, r))| document(&format!("d{}", i + 1), "a.txt", t, s, r)).collect();
        let refs: Vec<&Document> = docs.iter().collect();
        let file = export("label-studio", &refs, "workspace");
        let opened = reopen(&file)?;
        prop_assert_eq!(opened.documents.len(), docs.len());
        for (back, doc) in opened.documents.iter().zip(&docs) {
            prop_assert_eq!(back.text(), doc.text());
            prop_assert_eq!(shape(back), shape(doc));
        }
    }

    /// Offsets shifted by a few places (as a wrong unit or an edited text does): every span
    /// that opens holds exactly the text Label Studio recorded for it, and every span that is
    /// not where its offsets said, or is left out, is named in the notes.
    #[test]
    fn label_studio_drift_is_repaired_or_refused_never_misplaced(
        text in text(), seeds in spans(), shifts in prop::collection::vec(0usize..4, 12)
    ) {
        let doc = document("d1", "a.txt", &text, &seeds, &[]);
        let mut json: serde_json::Value = serde_json::from_str(&label_studio::export([&doc])).unwrap();
        let results = json[0]["annotations"][0]["result"].as_array_mut().unwrap();
        let mut expected = Vec::new();
        for (n, result) in results.iter_mut().filter(|r| r["type"] == "labels").enumerate() {
            let shift = shifts[n % shifts.len()] as u64;
            let id = result["id"].as_str().unwrap().to_string();
            let value = &mut result["value"];
            let (start, end) = (value["start"].as_u64().unwrap() + shift, value["end"].as_u64().unwrap() + shift);
            value["start"] = start.into();
            value["end"] = end.into();
            expected.push((id, value["text"].as_str().unwrap().to_string(), start, end));
        }
        let opened = open_file("drift.json", json.to_string().as_bytes()).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let back = &opened.documents[0];
        let notes = opened.notes.join("\n");
        for (id, claimed, start, end) in expected {
            match back.span(&id) {
                Some(span) => {
                    prop_assert_eq!(back.slice(span.start, span.end), claimed.as_str());
                    let said = (start as usize, end as usize);
                    let units_agree = back.text().chars().take(end as usize).all(|c| c.len_utf16() == 1);
                    if (span.start, span.end) != said && units_agree {
                        prop_assert!(notes.contains(&format!("span {id} was moved")), "{id}: {notes}");
                    }
                }
                None => {
                    let merged = back.spans().iter().any(|s| back.slice(s.start, s.end) == claimed);
                    prop_assert!(merged || notes.contains(&format!("span {id} was left out")), "{id}: {notes}");
                }
            }
        }
    }
}

/// An old Label Studio export (UTF-16 offsets) with three faults: one span after the emojis
/// counted in code points by mistake, one counted with one emoji as two units and the other as
/// one (neither unit: drifted), and one whose offsets point between two of its text's places.
#[test]
fn a_label_studio_file_with_a_drifted_span_is_repaired_and_an_ambiguous_one_refused() {
    let text = "😀 Peskov said Peskov will go. 😀 Zelensky left.";
    // UTF-16: 😀 counts two. After the second emoji "Zelensky" is at code points 32..40
    // (UTF-16 34..42) and "left" at code points 41..45 (UTF-16 43..47).
    let file = serde_json::json!([{
        "id": 42,
        "data": {"text": text},
        "annotations": [{"id": 1, "result": [
            {"id": "a", "from_name": "label", "to_name": "text", "type": "labels",
             "value": {"start": 3, "end": 9, "text": "Peskov", "labels": ["actor"]}},
            {"id": "z", "from_name": "label", "to_name": "text", "type": "labels",
             "value": {"start": 33, "end": 41, "text": "Zelensky", "labels": ["actor"]}},
            {"id": "p", "from_name": "label", "to_name": "text", "type": "labels",
             "value": {"start": 10, "end": 16, "text": "Peskov", "labels": ["actor"]}},
            {"id": "l", "from_name": "label", "to_name": "text", "type": "labels",
             "value": {"start": 41, "end": 45, "text": "left", "labels": ["event"]}},
            {"from_id": "z", "to_id": "a", "type": "relation", "direction": "right", "labels": ["after"]}
        ]}]
    }]);
    let (opened, errors) = open_files(&[("project-1.json".to_string(), file.to_string().into_bytes())]);
    assert!(errors.is_empty(), "{errors:?}");
    let doc = &opened.documents[0];
    let spans: Vec<(&str, &str)> = doc.spans().iter().map(|s| (&*s.id, doc.slice(s.start, s.end))).collect();
    assert_eq!(spans, [("a", "Peskov"), ("z", "Zelensky"), ("l", "left")]);
    assert_eq!((doc.span("z").unwrap().start, doc.span("z").unwrap().end), (32, 40));
    assert_eq!(doc.relations().len(), 1);
    assert_eq!(
        opened.notes,
        [
            "“project-1.json”, task 42: span z was moved from 33..41 to 32..40, where its text “Zelensky” is.",
            "“project-1.json”, task 42: span p was left out: offsets 10..16 do not hold its text “Peskov”, which occurs 2 times."
        ]
    );
}

#[derive(Clone, Debug)]
enum Mutation {
    Flip(usize, u8),
    Cut(usize),
    Insert(usize, u8),
}

fn mutate(mut bytes: Vec<u8>, mutations: &[Mutation]) -> Vec<u8> {
    for mutation in mutations {
        let len = bytes.len().max(1);
        match *mutation {
            Mutation::Flip(at, byte) if !bytes.is_empty() => bytes[at % len] = byte,
            Mutation::Cut(at) => bytes.truncate(at % len),
            Mutation::Insert(at, byte) => bytes.insert((at % len).min(bytes.len()), byte),
            _ => {}
        }
    }
    bytes
}

fn mutations() -> impl Strategy<Value = Vec<Mutation>> {
    let one = prop_oneof![
        4 => (any::<usize>(), prop::sample::select(b"{}[]\":,0123456789-.\t\n T#R;PK\x03\x04\xff\x00".to_vec()))
            .prop_map(|(a, b)| Mutation::Flip(a, b)),
        1 => any::<usize>().prop_map(Mutation::Cut),
        2 => (any::<usize>(), any::<u8>()).prop_map(|(a, b)| Mutation::Insert(a, b)),
    ];
    prop::collection::vec(one, 1..5)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1_500, failure_persistence: None, ..ProptestConfig::default() })]

    /// Damaged exports of each format (and a damaged .ann beside its .txt) give documents or
    /// an error that names the file; never a panic, which in the browser would end the app.
    #[test]
    fn damaged_files_never_panic(
        text in text(), seeds in spans(), links in relations(), format in 0usize..3, damage in mutations()
    ) {
        let doc = document("d1", "a.txt", &text, &seeds, &links);
        let id = ["w3c", "brat", "label-studio"][format];
        let file = export(id, &[&doc], "a");
        let bytes = mutate(file.bytes, &damage);
        match open_file(&file.name, &bytes) {
            Ok(opened) => prop_assert!(!opened.documents.is_empty()),
            Err(error) => prop_assert!(error.to_string().contains(&file.name) && !error.reason.is_empty()),
        }
        let ann = mutate(brat::ann(&doc).into_bytes(), &damage);
        let (opened, errors) = open_files(&[("a.txt".into(), text.into_bytes()), ("a.ann".into(), ann)]);
        prop_assert_eq!(opened.documents.len() + errors.len(), 1);
    }
}

/// A long article with many spans opens in time: no format rescans the text per span.
#[test]
fn a_long_article_with_ten_thousand_spans_goes_through_every_format() {
    let sentence = "Kremlin spokesman Dmitry Peskov 😀 said the talks in Genève were “productive”.\r\n";
    let text = sentence.repeat(2_500);
    let mut doc = Document::new("d1", "long.txt", text.as_str());
    let per = sentence.chars().count();
    for n in 0..2_500 {
        for (start, end, label) in [(18, 31, "actor"), (53, 59, "location"), (66, 76, "quote"), (0, 7, "actor")] {
            doc.insert_span(Span::new(doc.fresh_span_id(), n * per + start, n * per + end, label)).unwrap();
        }
    }
    assert_eq!(doc.spans().len(), 10_000);
    let started = std::time::Instant::now();
    for id in ["w3c", "brat", "label-studio"] {
        let file = export(id, &[&doc], "long");
        let opened = open_file(&file.name, &file.bytes).unwrap();
        assert_eq!(shape(&opened.documents[0]), shape(&doc), "{id}");
    }
    let elapsed = started.elapsed();
    assert!(elapsed.as_secs() < 60, "three round trips of 10,000 spans took {elapsed:?}");
}
