//! Picks the reader for a file by its content (and its name only where content cannot tell):
//! native JSON; JSON Lines, where doccano's shape goes to [`doccano`] and everything else
//! (spaCy/Prodigy, or bare `{"text": …}` lines) to [`jsonl`]; W3C Web Annotation JSON-LD
//! ([`w3c`], by its `@context` or `type`); a Label Studio export ([`label_studio`], a JSON array
//! of tasks with `data`); brat ([`brat`]: a zip by its bytes, a `.ann` with the `.txt` of the
//! same stem from the same pick or drop); or plain text.
//!
//! The page links only what [`open_in_page`] reads (plain text and the native format); the
//! other readers run in the files worker, and [`open_part`] is the whole set. Both make the
//! same decisions, because `open_part` starts with what `open_in_page` would say.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::{brat, doccano, jsonl, label_studio, native, plain, w3c, FileError, Opened};
use crate::model::Document;

/// One thing of a pick that opens (or fails) as a whole: a file, or a brat `.txt` with its
/// `.ann`. `F` is how a file is carried: `(name, bytes)` here, another shape in a message.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Part<F> {
    One(F),
    Pair { txt: F, ann: F },
}

impl<F> Part<F> {
    pub fn map<G>(self, mut f: impl FnMut(F) -> G) -> Part<G> {
        match self {
            Part::One(file) => Part::One(f(file)),
            Part::Pair { txt, ann } => Part::Pair { txt: f(txt), ann: f(ann) },
        }
    }

    pub fn files(&self) -> Vec<&F> {
        match self {
            Part::One(file) => vec![file],
            Part::Pair { txt, ann } => vec![txt, ann],
        }
    }

    pub fn as_ref(&self) -> Part<&F> {
        match self {
            Part::One(file) => Part::One(file),
            Part::Pair { txt, ann } => Part::Pair { txt, ann },
        }
    }
}

/// A file as read: its name and bytes.
pub type File = (String, Vec<u8>);

/// The parts of one pick or drop, in order: a brat `.ann` with the `.txt` of the same stem
/// (the pair is one document), every other file alone.
pub fn parts<F>(files: impl IntoIterator<Item = F>, name: impl Fn(&F) -> &str) -> Vec<Part<F>> {
    let mut files: Vec<Option<F>> = files.into_iter().map(Some).collect();
    let names: Vec<String> = files.iter().flatten().map(|f| name(f).to_string()).collect();
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    let mut take = |i: usize| files[i].take().expect("pair_up lists each file once");
    brat::pair_up(&names)
        .into_iter()
        .map(|part| match part {
            brat::Part::Pair { txt, ann } => Part::Pair { txt: take(txt), ann: take(ann) },
            brat::Part::LoneAnn(i) | brat::Part::Other(i) => Part::One(take(i)),
        })
        .collect()
}

/// What the parts of one pick held together, and an error for each part that could not be
/// read (which leaves nothing of it behind).
pub fn gather(results: impl IntoIterator<Item = Result<Opened, FileError>>) -> (Opened, Vec<FileError>) {
    let mut opened = Opened::default();
    let mut errors = Vec::new();
    for result in results {
        match result {
            Ok(file) => opened.absorb(file),
            Err(error) => errors.push(error),
        }
    }
    (opened, errors)
}

/// A pick opened as far as the page's readers go ([`open_in_page`]); the parts they leave are
/// read by every reader (in the files worker) and handed back to [`Pick::finish`].
pub struct Pick {
    /// Each part's result, in order; `None` where the page left the part.
    read: Vec<Option<Result<Opened, FileError>>>,
}

impl Pick {
    /// Opens what the page's readers can of the files of one pick, and gives the parts left.
    pub fn open_in_page(files: Vec<File>) -> (Self, Vec<Part<File>>) {
        let mut read = Vec::new();
        let mut left = Vec::new();
        for part in parts(files, |(name, _)| name) {
            let result = open_in_page(part.as_ref());
            if result.is_none() {
                left.push(part);
            }
            read.push(result);
        }
        (Self { read }, left)
    }

    /// What the pick held, given the answers for the parts left (one each, in order).
    pub fn finish(self, answers: Vec<Result<Opened, FileError>>) -> (Opened, Vec<FileError>) {
        let mut answers = answers.into_iter();
        gather(self.read.into_iter().filter_map(|read| read.or_else(|| answers.next())))
    }
}

/// Opens the files of one pick or drop with every reader (see [`parts`] and [`gather`]).
pub fn open_files(files: &[File]) -> (Opened, Vec<FileError>) {
    gather(parts(files, |(name, _)| name).into_iter().map(open_part))
}

/// Opens one part with every reader. Never panics, whatever the bytes.
pub fn open_part(part: Part<&File>) -> Result<Opened, FileError> {
    match part {
        Part::One((name, bytes)) => open_file(name, bytes),
        Part::Pair { txt, ann } => brat::import_pair((&txt.0, &txt.1), (&ann.0, &ann.1)),
    }
}

/// Opens one part if the page's own readers can: plain text, the native format, and the
/// refusals that need no other reader. `None` when it needs the files worker.
pub fn open_in_page(part: Part<&File>) -> Option<Result<Opened, FileError>> {
    match part {
        Part::One((name, bytes)) => match reading(name, bytes) {
            Reading::Done(result) => Some(result),
            Reading::Zip | Reading::JsonLines(_) | Reading::OtherJson { .. } => None,
        },
        Part::Pair { .. } => None,
    }
}

/// Opens any file a person may pick or drop. Never panics, whatever the bytes.
pub fn open_file(file: &str, bytes: &[u8]) -> Result<Opened, FileError> {
    match reading(file, bytes) {
        Reading::Done(result) => result,
        Reading::Zip => brat::import_zip(file, bytes),
        Reading::JsonLines(text) => open_json_lines(file, text),
        Reading::OtherJson { text, value, or_text } => {
            if w3c::looks_w3c(&value) {
                w3c::import_value(file, &value)
            } else if label_studio::looks_label_studio(&value) {
                label_studio::import_value(file, &value)
            } else if or_text {
                Ok(text_document(file, text))
            } else {
                // Its refusal: JSON, but neither another tool's nor a native file.
                native::import_value(file, value)
            }
        }
    }
}

/// How a file is read, as far as the page's own readers tell.
enum Reading<'a> {
    /// Read (or refused) by the page: plain text, the native format, a lone `.ann`, a file
    /// that is no text.
    Done(Result<Opened, FileError>),
    /// A zip: brat's archive of pairs.
    Zip,
    JsonLines(&'a str),
    /// JSON that claims no native format: another tool's, or (`or_text`, a file whose name
    /// does not say JSON and that starts with `[`) text.
    OtherJson {
        text: &'a str,
        value: Value,
        or_text: bool,
    },
}

fn reading<'a>(file: &str, bytes: &'a [u8]) -> Reading<'a> {
    let lower = file.to_lowercase();
    if brat::is_zip(bytes) || lower.ends_with(".zip") {
        return Reading::Zip;
    }
    if lower.ends_with(".ann") {
        return Reading::Done(Err(brat::lone_ann_error(file)));
    }
    let text = match plain::decode_text(file, bytes) {
        Ok(text) => text,
        Err(error) => return Reading::Done(Err(error)),
    };
    let is_text_name = [".txt", ".md", ".markdown", ".text"].iter().any(|ext| lower.ends_with(ext));
    let first = text.trim_start_matches('\u{feff}').trim_start().chars().next();
    if lower.ends_with(".jsonl") || lower.ends_with(".ndjson") {
        return Reading::JsonLines(text);
    }
    // JSON Lines whatever the name (doccano's own tutorial names its JSONL export ".json"):
    // a first line that is a whole object with a "text" string. Single JSON documents (W3C,
    // Label Studio, native) never start that way, so they go on to the readers below.
    if !is_text_name && first == Some('{') && starts_as_json_lines(text) {
        return Reading::JsonLines(text);
    }
    let json_name = lower.ends_with(".json") || lower.ends_with(".jsonld");
    if json_name || (!is_text_name && matches!(first, Some('{' | '['))) {
        let or_text = !json_name && first == Some('[');
        match serde_json::from_str::<Value>(text.trim_start_matches('\u{feff}')) {
            Ok(value) if native::looks_native(&value) => return Reading::Done(native::import_value(file, value)),
            Ok(value) => return Reading::OtherJson { text, value, or_text },
            Err(_) if !or_text => return Reading::Done(native::import(file, text)),
            Err(_) => {}
        }
    }
    Reading::Done(Ok(text_document(file, text)))
}

/// A plain text file as it is. No id yet: the workspace gives it one that is free.
fn text_document(file: &str, text: &str) -> Opened {
    Opened::documents(vec![Document::new("", file, text)])
}

/// JSON Lines from doccano or from spaCy/Prodigy (and plain `{"text": …}` lines), by content.
fn open_json_lines(file: &str, text: &str) -> Result<Opened, FileError> {
    if doccano::recognises(text) {
        doccano::import(file, text)
    } else {
        jsonl::import(file, text)
    }
}

/// Whether the first non-blank line is a whole JSON object with a `text` (doccano's old
/// exports: `data`) string and no native `format`: a line of a JSONL corpus, whatever the
/// file's name. A pretty-printed native file's first line is a lone `{`, so it never is.
fn starts_as_json_lines(text: &str) -> bool {
    let Some(line) = text.lines().map(|l| l.trim_start_matches('\u{feff}').trim()).find(|l| !l.is_empty()) else {
        return false;
    };
    let Ok(serde_json::Value::Object(object)) = serde_json::from_str(line) else {
        return false;
    };
    let has_text = ["text", "data"].iter().any(|key| object.get(*key).is_some_and(serde_json::Value::is_string));
    has_text && !object.contains_key("format")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_files_open_as_they_are_even_when_they_look_like_json() {
        let opened = open_file("notes.txt", b"{ not json }\r\n").unwrap();
        assert_eq!(&**opened.documents[0].text(), "{ not json }\r\n");
    }

    #[test]
    fn json_from_an_unknown_tool_is_refused_by_name() {
        let err = open_file("export.json", br#"[{"id": 1, "payload": {"text": "x"}}]"#).unwrap_err();
        assert!(err.to_string().contains("export.json"), "{err}");
        assert!(open_file("x.json", b"{\"format\": \"article-annotator\"").is_err());
        let bracket = open_file("notes", b"[Reuters] Peskov said").unwrap();
        assert_eq!(&**bracket.documents[0].text(), "[Reuters] Peskov said", "text that starts with [ stays text");
    }

    #[test]
    fn label_studio_and_web_annotation_json_go_to_their_readers_by_content() {
        let studio = br#"[{"id": 1, "data": {"text": "Peskov spoke."}, "annotations": [{"result": [
            {"id": "a", "type": "labels", "value": {"start": 0, "end": 6, "text": "Peskov", "labels": ["actor"]}}]}]}]"#;
        let mut doc = Document::new("d1", "a.txt", "Peskov spoke.");
        doc.insert_span(crate::model::Span::new("s1", 0, 6, "actor")).unwrap();
        let web = w3c::export("a", [&doc]);
        for name in ["export.json", "export", "x.jsonld"] {
            assert_eq!(span_texts(&open_file(name, studio).unwrap()), [[("Peskov".into(), "actor".into())]], "{name}");
            assert_eq!(span_texts(&open_file(name, web.as_bytes()).unwrap()), [[("Peskov".into(), "actor".into())]]);
        }
        assert_eq!(open_file("a.txt", studio).unwrap().documents[0].spans().len(), 0, ".txt stays text");
    }

    #[test]
    fn brat_pairs_open_together_and_a_lone_ann_is_refused() {
        let files = vec![
            ("geneva.ann".to_string(), b"T1\tactor 0 6\tPeskov\n".to_vec()),
            ("other.txt".to_string(), b"Just text.".to_vec()),
            ("geneva.txt".to_string(), b"Peskov spoke.".to_vec()),
            ("lost.ann".to_string(), b"T1\tactor 0 1\tx\n".to_vec()),
        ];
        let (opened, errors) = open_files(&files);
        let names: Vec<&str> = opened.documents.iter().map(|d| d.name.as_str()).collect();
        assert_eq!(names, ["geneva.txt", "other.txt"]);
        assert_eq!(span_texts(&opened)[0], [("Peskov".to_string(), "actor".to_string())]);
        assert_eq!(errors.len(), 1);
        assert!(
            errors[0].to_string().contains("lost.ann") && errors[0].reason.contains("needs its .txt"),
            "{}",
            errors[0]
        );
    }

    #[test]
    fn a_zip_opens_by_its_bytes_whatever_its_name() {
        let mut doc = Document::new("d1", "a.txt", "Peskov spoke.");
        doc.insert_span(crate::model::Span::new("s1", 0, 6, "actor")).unwrap();
        let zip = brat::export(&crate::model::Workspace::default(), &[&doc], "a");
        for name in ["a.brat.zip", "download", "a.ZIP"] {
            assert_eq!(span_texts(&open_file(name, &zip).unwrap()), [[("Peskov".into(), "actor".into())]], "{name}");
        }
        assert!(open_file("broken.zip", b"not a zip").unwrap_err().to_string().contains("broken.zip"));
    }

    fn span_texts(opened: &Opened) -> Vec<Vec<(String, String)>> {
        let texts =
            |d: &Document| d.spans().iter().map(|s| (d.slice(s.start, s.end).into(), s.label.to_string())).collect();
        opened.documents.iter().map(texts).collect()
    }

    #[test]
    fn json_lines_go_to_doccano_or_spacy_by_content() {
        let doccano = "{\"id\": 1, \"text\": \"EU rejects it.\", \"label\": [[0, 2, \"ORG\"]]}\n";
        let prodigy = "{\"text\": \"EU rejects it.\", \"spans\": [{\"start\": 0, \"end\": 2, \"label\": \"ORG\"}]}\n";
        let expected = vec![vec![("EU".to_string(), "ORG".to_string())]];
        for name in ["a.jsonl", "a.NDJSON", "a.json", "export"] {
            assert_eq!(span_texts(&open_file(name, doccano.as_bytes()).unwrap()), expected, "{name}");
            assert_eq!(span_texts(&open_file(name, prodigy.as_bytes()).unwrap()), expected, "{name}");
        }
        let plain = open_file("corpus", b"{\"text\": \"One\"}\n{\"text\": \"Two\"}\n").unwrap();
        assert_eq!(plain.documents.len(), 2);
        assert_eq!(&**open_file("a.txt", doccano.as_bytes()).unwrap().documents[0].text(), doccano);
    }

    #[test]
    fn the_page_reads_text_and_native_files_and_leaves_every_other_format_to_the_worker() {
        let mut doc = Document::new("d1", "a.txt", "Peskov spoke.");
        doc.insert_span(crate::model::Span::new("s1", 0, 6, "actor")).unwrap();
        let native = native::export(&[], &[], [&doc]);
        let compact = serde_json::to_string(&serde_json::from_str::<Value>(&native).unwrap()).unwrap();
        let workspace = crate::model::Workspace::default();
        let bytes = |text: &str| text.as_bytes().to_vec();
        let files: Vec<(&str, Vec<u8>, bool)> = vec![
            ("a.txt", bytes("Peskov spoke."), true),
            ("notes", bytes("[Reuters] Peskov spoke."), true),
            ("brackets.txt", bytes("[1, 2]"), true),
            ("a.json", bytes(&native), true),
            ("compact", bytes(&compact), true),
            ("cut.json", bytes(&native[..native.len() / 2]), true),
            ("future.json", bytes(&native.replacen("\"version\": 1", "\"version\": 9", 1)), true),
            ("empty.txt", Vec::new(), true),
            ("image.png", b"\x89PNG\r\n\x1a\n\0\0".to_vec(), true),
            ("lost.ann", bytes("T1\tactor 0 6\tPeskov\n"), true),
            ("other.json", bytes(r#"{"id": 1, "payload": {"text": "x"}}"#), false),
            ("list", bytes("[1, 2]"), false),
            ("a.w3c.jsonld", bytes(&w3c::export("a", [&doc])), false),
            ("a.label-studio.json", bytes(&label_studio::export([&doc])), false),
            ("a.doccano.jsonl", bytes(&doccano::export([&doc])), false),
            ("a.jsonl", bytes(&jsonl::export([&doc])), false),
            ("lines", bytes(&doccano::export([&doc])), false),
            ("a.brat.zip", brat::export(&workspace, &[&doc], "a"), false),
            ("broken.zip", bytes("not a zip"), false),
        ];
        for (name, bytes, in_page) in &files {
            let file = (name.to_string(), bytes.clone());
            let page = open_in_page(Part::One(&file));
            assert_eq!(page.is_some(), *in_page, "{name}");
            if let Some(page) = page {
                assert_eq!(page, open_part(Part::One(&file)), "{name}: the page reads it as the worker would");
            }
        }
        let pair =
            [("g.txt".to_string(), bytes("Peskov spoke.")), ("g.ann".to_string(), bytes("T1\tactor 0 6\tPeskov\n"))];
        assert_eq!(open_in_page(Part::Pair { txt: &pair[0], ann: &pair[1] }), None, "a brat pair needs the worker");
    }

    #[test]
    fn a_pick_read_partly_in_the_page_ends_as_every_reader_would_have_read_it() {
        let text = |name: &str, text: &str| (name.to_string(), text.as_bytes().to_vec());
        let files = vec![
            text("a.txt", "Kyiv"),
            text("g.ann", "T1\tactor 0 6\tPeskov\n"),
            text("b.jsonl", "{\"text\": \"Odesa\"}\n"),
            text("g.txt", "Peskov spoke."),
            text("empty.txt", ""),
            text("c.md", "Lviv"),
            text("broken.zip", "not a zip"),
        ];
        let (pick, left) = Pick::open_in_page(files.clone());
        let left_names: Vec<&str> = left.iter().map(|part| part.files()[0].0.as_str()).collect();
        assert_eq!(left_names, ["g.txt", "b.jsonl", "broken.zip"]);
        let answers = left.iter().map(|part| open_part(part.as_ref())).collect();
        let (opened, errors) = pick.finish(answers);
        assert_eq!((opened, errors.clone()), open_files(&files));
        let names: Vec<&str> = errors.iter().map(|e| e.file.as_str()).collect();
        assert_eq!(names, ["empty.txt", "broken.zip"], "errors in the pick's order");
    }

    #[test]
    fn a_pick_falls_into_parts_in_its_order_with_each_ann_beside_its_txt() {
        let names = ["one.txt", "g.ann", "two.zip", "g.txt", "lost.ann"];
        let parts = parts(names, |name| name);
        let expected = vec![
            Part::One("one.txt"),
            Part::Pair { txt: "g.txt", ann: "g.ann" },
            Part::One("two.zip"),
            Part::One("lost.ann"),
        ];
        assert_eq!(parts, expected);
        assert_eq!(parts[1].files(), [&"g.txt", &"g.ann"]);
    }

    #[test]
    fn native_files_still_go_to_the_native_reader() {
        let doc = Document::new("d1", "a.txt", "Peskov");
        let compact = serde_json::to_string(
            &serde_json::from_str::<serde_json::Value>(&native::export(&[], &[], [&doc])).unwrap(),
        )
        .unwrap();
        for (name, content) in [("w", compact.clone()), ("w.json", compact), ("w", native::export(&[], &[], [&doc]))] {
            let opened = open_file(name, content.as_bytes()).unwrap();
            assert_eq!(&*opened.documents[0].id, "d1", "{name}: native keeps ids");
        }
    }
}
