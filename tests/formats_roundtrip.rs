//! Every export on hostile text (astral characters: emoji, flags, skin tones; combining marks;
//! CRLF, lone CR, no-break and ideographic spaces): the formats that carry spans back (spaCy
//! JSONL, doccano) give the same spans after export → import; CSV rows hold exactly the
//! code-point slices they claim; CoNLL tokens put together are the text's words, and its tags
//! are well-formed IOB2 that account for every span.
#![cfg(not(target_arch = "wasm32"))]

use article_annotator::formats::{conll, csv as csv_format, doccano, jsonl, open::open_file, EXPORTS};
use article_annotator::model::{Document, Span};
use proptest::prelude::*;

const LABELS: [&str; 5] = ["actor", "location", "figure", "quote", "Quote source"];

fn hostile_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => prop::sample::select(vec!["Peskov", "Genève", "Gene\u{300}ve", "U.S.", "1,250", "the", "Kyiv", "e\u{301}"]).prop_map(String::from),
        3 => prop::sample::select(vec![" ", "  ", "\r\n", "\n", "\r", "\t", "\u{a0}", "\u{3000}", "\r\n\r\n", ", ", ". ", "! ", "?"]).prop_map(String::from),
        2 => prop::sample::select(vec!["😀", "🇨🇭", "🇺🇦", "🕊️", "👍🏽", "👩‍👩‍👧", "𝔸", "“", "”", "’", "–", "\"", ","]).prop_map(String::from),
        1 => any::<char>().prop_filter("no NUL", |c| *c != '\0').prop_map(String::from),
    ];
    prop::collection::vec(piece, 1..40).prop_map(|pieces| pieces.concat())
}

fn document(n: usize, text: String, raw: Vec<(usize, usize, usize)>) -> Document {
    let mut doc = Document::new(format!("d{n}"), format!("doc {n}.txt"), text);
    for (a, b, label) in raw {
        let len = doc.len();
        let (start, end) = (a % len, b % len + 1);
        if start < end {
            let id = doc.fresh_span_id();
            doc.insert_span(Span::new(id, start, end, LABELS[label % LABELS.len()])).unwrap();
        }
    }
    doc
}

fn documents() -> impl Strategy<Value = Vec<Document>> {
    let one = (hostile_text(), prop::collection::vec((any::<usize>(), any::<usize>(), any::<usize>()), 0..12));
    prop::collection::vec(one, 1..4)
        .prop_map(|docs| docs.into_iter().enumerate().map(|(n, (text, raw))| document(n + 1, text, raw)).collect())
}

/// `text[start:end]` in code points, computed here without the app's index.
fn slice(text: &str, start: usize, end: usize) -> String {
    text.chars().skip(start).take(end.saturating_sub(start)).collect()
}

fn spans_of(doc: &Document) -> Vec<(usize, usize, String, String)> {
    doc.spans().iter().map(|s| (s.start, s.end, s.label.to_string(), slice(doc.text(), s.start, s.end))).collect()
}

/// Python's `str.split()` white space: what the CoNLL tokens leave out.
fn is_python_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn spacy_jsonl_gives_back_the_same_spans(docs in documents()) {
        let exported = jsonl::export(&docs);
        for (doc, line) in docs.iter().zip(exported.lines()) {
            let line: serde_json::Value = serde_json::from_str(line).unwrap();
            for (span, written) in doc.spans().iter().zip(line["spans"].as_array().unwrap()) {
                prop_assert_eq!(written["text"].as_str().unwrap(), slice(doc.text(), span.start, span.end));
            }
        }
        // Through the same door a dropped file takes.
        let opened = open_file("back.jsonl", exported.as_bytes()).unwrap();
        prop_assert!(opened.notes.is_empty(), "{:?}", opened.notes);
        prop_assert_eq!(opened.documents.len(), docs.len());
        for (back, doc) in opened.documents.iter().zip(&docs) {
            prop_assert_eq!(back.text(), doc.text());
            prop_assert_eq!(spans_of(back), spans_of(doc));
        }
    }

    #[test]
    fn doccano_gives_back_the_same_spans(docs in documents()) {
        let exported = doccano::export(&docs);
        let any_spans = docs.iter().any(|d| !d.spans().is_empty());
        let opened = open_file("back.doccano.jsonl", exported.as_bytes()).unwrap();
        prop_assert!(opened.notes.is_empty(), "{:?}", opened.notes);
        prop_assert_eq!(doccano::recognises(&exported), any_spans);
        for (back, doc) in opened.documents.iter().zip(&docs) {
            prop_assert_eq!(back.text(), doc.text());
            prop_assert_eq!(spans_of(back), spans_of(doc));
        }
        prop_assert_eq!(opened.documents.len(), docs.len());
    }

    #[test]
    fn csv_rows_hold_the_code_point_slices(docs in documents()) {
        let bytes = csv_format::export(&docs);
        prop_assert!(bytes.starts_with(b"\xEF\xBB\xBF"));
        let mut reader = csv::ReaderBuilder::new().from_reader(&bytes[3..]);
        prop_assert_eq!(reader.headers().unwrap().iter().collect::<Vec<_>>(), csv_format::HEADER.to_vec());
        let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        let spans: Vec<(&Document, &Span)> = docs.iter().flat_map(|d| d.spans().iter().map(move |s| (d, s))).collect();
        prop_assert_eq!(rows.len(), spans.len());
        for (row, (doc, span)) in rows.iter().zip(spans) {
            let text = doc.text();
            let (start, end): (usize, usize) = (row[1].parse().unwrap(), row[2].parse().unwrap());
            prop_assert_eq!((&row[0], start, end, &row[3]), (doc.name.as_str(), span.start, span.end, &*span.label));
            prop_assert_eq!(&row[4], slice(text, start, end));
            prop_assert_eq!(&row[5], slice(text, start.saturating_sub(40), start));
            prop_assert_eq!(&row[6], slice(text, end, end + 40));
        }
    }

    #[test]
    fn conll_tokens_are_the_words_and_tags_are_iob2(docs in documents()) {
        let out = conll::export(&docs);
        let mut lines = out.lines().peekable();
        while lines.peek().is_some_and(|l| l.starts_with("# ")) {
            lines.next();
        }
        let body: Vec<&str> = lines.collect();
        let mut per_document: Vec<Vec<(String, String)>> = Vec::new();
        let mut sentence_start = true;
        for line in body {
            if line == "-DOCSTART- -X- -X- O" {
                per_document.push(Vec::new());
                sentence_start = true;
                continue;
            }
            if line.is_empty() {
                sentence_start = true;
                continue;
            }
            let columns: Vec<&str> = line.split(' ').collect();
            prop_assert_eq!(columns.len(), 4, "{:?}", line);
            prop_assert_eq!(&columns[1..3], &["-X-", "_"]);
            prop_assert!(!columns[0].is_empty() && !columns[0].chars().any(is_python_space), "{:?}", line);
            let tag = columns[3];
            let tokens = per_document.last_mut().expect("DOCSTART comes first");
            if let Some(label) = tag.strip_prefix("I-") {
                prop_assert!(!sentence_start, "a span split by a sentence end: {}", line);
                let previous = &tokens.last().unwrap().1;
                prop_assert!(previous == &format!("B-{label}") || previous == &format!("I-{label}"), "{} after {}", tag, previous);
            } else {
                prop_assert!(tag == "O" || tag.starts_with("B-"), "{}", tag);
            }
            tokens.push((columns[0].to_string(), tag.to_string()));
            sentence_start = false;
        }
        prop_assert_eq!(per_document.len(), docs.len());
        let (mut chunks, mut spans) = (0, 0);
        for (doc, tokens) in docs.iter().zip(&per_document) {
            let words: String = doc.text().chars().filter(|c| !is_python_space(*c)).collect();
            prop_assert_eq!(tokens.iter().map(|(t, _)| t.as_str()).collect::<String>(), words);
            chunks += tokens.iter().filter(|(_, tag)| tag.starts_with("B-")).count();
            spans += doc.spans().len();
        }
        // Every span is written or counted as dropped in the header.
        let header = out.lines().find(|l| l.starts_with("# dropped: ")).unwrap();
        let counts: Vec<usize> = header.split(' ').filter_map(|w| w.parse().ok()).collect();
        prop_assert_eq!(chunks + counts.iter().sum::<usize>(), spans, "{}", header);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// Damaged spaCy and doccano files open or are refused with the file's name; never a panic.
    #[test]
    fn damaged_json_lines_never_panic(
        docs in documents(),
        doccano_shape in any::<bool>(),
        edits in prop::collection::vec((any::<usize>(), prop::sample::select(b"{}[]\":,0123456789-e \nxX".to_vec())), 1..8),
    ) {
        let mut bytes = if doccano_shape { doccano::export(&docs) } else { jsonl::export(&docs) }.into_bytes();
        for (at, byte) in edits {
            let at = at % bytes.len();
            bytes[at] = byte;
        }
        if let Err(error) = open_file("damaged.jsonl", &bytes) {
            prop_assert!(error.to_string().contains("damaged.jsonl"), "{}", error);
        }
    }
}

#[test]
fn every_registered_export_names_its_file_after_the_base() {
    let doc = document(1, "Peskov 😀 in Kyiv.".into(), vec![(0, 5, 0)]);
    let ids: Vec<&str> = EXPORTS.iter().map(|f| f.id).collect();
    for id in ["json", "jsonl", "csv", "conll", "doccano"] {
        assert!(ids.contains(&id), "{id} is not registered: {ids:?}");
    }
    for format in EXPORTS.iter().filter(|f| ["jsonl", "csv", "conll", "doccano"].contains(&f.id)) {
        let file = format.export(&article_annotator::model::Workspace::default(), &[&doc], "talks");
        let ext = match format.id {
            "doccano" => "doccano.jsonl",
            other => other,
        };
        assert_eq!(file.name, format!("talks.{ext}"));
        assert!(!file.bytes.is_empty() && !file.mime.is_empty());
    }
}
