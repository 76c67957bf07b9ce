//! The exports as Python reads them: a fixture workspace (emoji, flags, combining marks, CRLF,
//! nested spans, a note, a relation, a document without spans) is exported in every format
//! this checker knows into a temporary folder, and `tests/python/check_exports.py` must find
//! `text[start:end]` equal to each span's text in all of them (and, where spaCy is installed,
//! build `Doc`s, `char_span`s and a `DocBin` from them). The spans are word-aligned, as the
//! app's snapping makes them, so spaCy's own tokenizer can hold them.
//!
//! The checker is also run on a file with a wrong span, which it must refuse: a checker that
//! passes everything would fail here. Without `python3` the test says so on stderr and skips.
#![cfg(not(target_arch = "wasm32"))]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

use article_annotator::formats::EXPORTS;
use article_annotator::model::{Document, Relation, Span, Status, Workspace};

const CHECKER: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/python/check_exports.py");

/// The spans are given by their text (and which occurrence): offsets are found, not typed.
fn document(id: &str, name: &str, text: &str, spans: &[(&str, usize, &str)]) -> Document {
    let mut doc = Document::new(id, name, text);
    for (n, &(span_text, occurrence, label)) in spans.iter().enumerate() {
        let byte = text.match_indices(span_text).nth(occurrence).unwrap_or_else(|| panic!("{span_text}")).0;
        let start = text[..byte].chars().count();
        let end = start + span_text.chars().count();
        doc.insert_span(Span::new(format!("s{}", n + 1), start, end, label)).unwrap();
    }
    doc
}

fn fixture() -> Vec<Document> {
    let geneva = document(
        "d1",
        "geneva-talks.txt",
        "Kremlin spokesperson Dmitry Peskov said the talks in Geneva were “productive and focused”.\r\n\
         Ukraine's air force said Russia launched 126 long-range drones 😀 overnight.\r\n",
        &[
            ("Dmitry Peskov", 0, "actor"),
            ("Geneva", 0, "location"),
            ("productive and focused", 0, "quote"),
            ("Ukraine's air force", 0, "actor"),
            ("Russia", 0, "actor"),
            ("126 long-range drones", 0, "figure"),
        ],
    );
    let mut quote = document(
        "d2",
        "quote.txt",
        "“Russia insists on a comprehensive agreement,” said Peskov 🇷🇺.\n\nTalks in Gene\u{300}ve 🇨🇭 ended. \
         U.S. and Ukrainian officials met in Kyiv 👍🏽 on Tuesday.",
        &[
            ("Russia insists on a comprehensive agreement", 0, "quote"),
            ("Russia", 0, "actor"),
            ("Peskov", 0, "actor"),
            ("Gene\u{300}ve", 0, "location"),
            ("U.S. and Ukrainian officials", 0, "actor"),
            ("Kyiv", 0, "location"),
        ],
    );
    let peskov = quote.span("s3").unwrap().clone();
    quote.remove_span("s3");
    quote.insert_span(Span { note: Some("Kremlin spokesman, \"the\" voice\r\nof Moscow".into()), ..peskov }).unwrap();
    quote.insert_relation(Relation::new("r1", "said_by", "s1", "s3")).unwrap();
    quote.status = Status::Done;
    let empty = document("d3", "no-spans.txt", "No spans here.\n", &[]);
    vec![geneva, quote, empty]
}

/// A fresh folder under the system's temp folder.
fn fresh_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("article-annotator-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn write_exports(dir: &Path, documents: &[Document]) -> Vec<String> {
    let workspace = Workspace::default();
    let refs: Vec<&Document> = documents.iter().collect();
    let mut names = Vec::new();
    for format in EXPORTS.iter().filter(|f| ["json", "jsonl", "csv", "conll", "doccano"].contains(&f.id)) {
        let file = format.export(&workspace, &refs, "workspace");
        std::fs::write(dir.join(&file.name), &file.bytes).unwrap();
        names.push(file.name);
    }
    names
}

/// Runs the checker on `dir`: `None` without python3, else (success, stdout + stderr).
/// `PYTHON` names the interpreter (scripts/test.sh points it at the venv that has spaCy).
fn check(dir: &Path) -> Option<(bool, String)> {
    let python = std::env::var("PYTHON").unwrap_or_else(|_| "python3".to_string());
    let output = match Command::new(python).arg(CHECKER).arg(dir).output() {
        Ok(output) => output,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return None,
        Err(error) => panic!("could not run python3: {error}"),
    };
    let text = format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr));
    Some((output.status.success(), text))
}

/// Straight to the process's stderr, past the test harness's capture, so a skip is seen.
fn say(message: &str) {
    let _ = writeln!(std::io::stderr(), "{message}");
}

#[test]
fn python_reads_every_export_with_the_same_spans() {
    let dir = fresh_dir("exports");
    let documents = fixture();
    let names = write_exports(&dir, &documents);
    assert_eq!(names.len(), 5, "{names:?}");
    let Some((ok, output)) = check(&dir) else {
        say("SKIPPED python_reads_every_export_with_the_same_spans: python3 is not installed");
        return;
    };
    say(&format!("check_exports.py on {names:?}:\n{output}"));
    assert!(ok, "the Python check failed:\n{output}");
    let spans: usize = documents.iter().map(|d| d.spans().len()).sum();
    // native, spaCy JSONL, doccano and CSV each hold every span once.
    assert!(output.contains(&format!("checked {} spans in 5 files", 4 * spans)), "{output}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_python_check_fails_on_a_span_that_does_not_match() {
    let dir = fresh_dir("broken");
    let documents = fixture();
    write_exports(&dir, &documents);
    // One span's offsets moved by one code point in the spaCy JSONL (as a UTF-16 count after
    // an emoji would): its text no longer matches.
    let geneva = documents[0].spans().iter().find(|s| &*s.label == "location").unwrap();
    let (start, end) = (geneva.start, geneva.end);
    let path = dir.join("workspace.jsonl");
    let exported = std::fs::read_to_string(&path).unwrap();
    let span = format!("\"start\":{start},\"end\":{end},\"token_start\"");
    let drifted = exported.replacen(&span, &format!("\"start\":{},\"end\":{},\"token_start\"", start + 1, end + 1), 1);
    assert_ne!(drifted, exported, "the span {span} is in the export");
    std::fs::write(&path, drifted).unwrap();
    let Some((ok, output)) = check(&dir) else {
        say("SKIPPED the_python_check_fails_on_a_span_that_does_not_match: python3 is not installed");
        return;
    };
    assert!(!ok, "the Python check passed a drifted span:\n{output}");
    assert!(output.contains(&format!("text[{}:{}]", start + 1, end + 1)), "{output}");
    let _ = std::fs::remove_dir_all(&dir);
}
