//! Picks the reader for a file by its content (and its name only where content cannot tell):
//! native JSON; JSON Lines, where doccano's shape goes to [`doccano`] and everything else
//! (spaCy/Prodigy, or bare `{"text": …}` lines) to [`jsonl`]; W3C Web Annotation JSON-LD
//! ([`w3c`], by its `@context` or `type`); a Label Studio export ([`label_studio`], a JSON array
//! of tasks with `data`); brat ([`brat`]: a zip by its bytes, a `.ann` with the `.txt` of the
//! same stem from the same pick or drop); or plain text.

use super::{brat, doccano, jsonl, label_studio, native, plain, w3c, FileError, Opened};
use crate::model::Document;

/// Opens the files of one pick or drop: what could be read, and an error for each file that
/// could not (which leaves nothing of that file behind). A brat `.ann` is opened together with
/// the `.txt` of the same stem (the pair is one document); every other file on its own.
pub fn open_files(files: &[(String, Vec<u8>)]) -> (Opened, Vec<FileError>) {
    let mut opened = Opened::default();
    let mut errors = Vec::new();
    let names: Vec<&str> = files.iter().map(|(name, _)| name.as_str()).collect();
    for part in brat::pair_up(&names) {
        let result = match part {
            brat::Part::Pair { txt, ann } => {
                brat::import_pair((&files[txt].0, &files[txt].1), (&files[ann].0, &files[ann].1))
            }
            brat::Part::LoneAnn(i) | brat::Part::Other(i) => open_file(&files[i].0, &files[i].1),
        };
        match result {
            Ok(file) => opened.absorb(file),
            Err(error) => errors.push(error),
        }
    }
    (opened, errors)
}

/// Opens any file a person may pick or drop. Never panics, whatever the bytes.
pub fn open_file(file: &str, bytes: &[u8]) -> Result<Opened, FileError> {
    let lower = file.to_lowercase();
    if brat::is_zip(bytes) || lower.ends_with(".zip") {
        return brat::import_zip(file, bytes);
    }
    if lower.ends_with(".ann") {
        return Err(brat::lone_ann_error(file));
    }
    let text = plain::decode_text(file, bytes)?;
    let is_text_name = [".txt", ".md", ".markdown", ".text"].iter().any(|ext| lower.ends_with(ext));
    let first = text.trim_start_matches('\u{feff}').trim_start().chars().next();
    if lower.ends_with(".jsonl") || lower.ends_with(".ndjson") {
        return open_json_lines(file, text);
    }
    // JSON Lines whatever the name (doccano's own tutorial names its JSONL export ".json"):
    // a first line that is a whole object with a "text" string. Single JSON documents (W3C,
    // Label Studio, native) never start that way, so they go on to the readers below.
    if !is_text_name && first == Some('{') && starts_as_json_lines(text) {
        return open_json_lines(file, text);
    }
    let json_name = lower.ends_with(".json") || lower.ends_with(".jsonld");
    if json_name || (!is_text_name && matches!(first, Some('{' | '['))) {
        if let Ok(value) = serde_json::from_str::<serde_json::Value>(text.trim_start_matches('\u{feff}')) {
            if w3c::looks_w3c(&value) {
                return w3c::import_value(file, &value);
            }
            if label_studio::looks_label_studio(&value) {
                return label_studio::import_value(file, &value);
            }
        }
        if json_name || first == Some('{') {
            return native::import(file, text);
        }
    }
    // No id yet: the workspace gives it one that is free.
    Ok(Opened::documents(vec![Document::new("", file, text)]))
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
