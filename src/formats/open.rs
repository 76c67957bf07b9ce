//! Picks the reader for a file by its content (and its name only where content cannot tell):
//! native JSON, JSON Lines of texts, or plain text.

use super::{jsonl, native, plain, FileError, Opened};
use crate::model::Document;

/// Opens the files of one pick or drop: what could be read, and an error for each file that
/// could not (which leaves nothing of that file behind).
pub fn open_files(files: &[(String, Vec<u8>)]) -> (Opened, Vec<FileError>) {
    let mut opened = Opened::default();
    let mut errors = Vec::new();
    for (name, bytes) in files {
        match open_file(name, bytes) {
            Ok(file) => opened.absorb(file),
            Err(error) => errors.push(error),
        }
    }
    (opened, errors)
}

/// Opens any file a person may pick or drop. Never panics, whatever the bytes.
pub fn open_file(file: &str, bytes: &[u8]) -> Result<Opened, FileError> {
    let text = plain::decode_text(file, bytes)?;
    let lower = file.to_lowercase();
    let is_text_name = [".txt", ".md", ".markdown", ".text"].iter().any(|ext| lower.ends_with(ext));
    let first = text.trim_start_matches('\u{feff}').trim_start().chars().next();
    if lower.ends_with(".jsonl") || lower.ends_with(".ndjson") {
        return jsonl::import_texts(file, text);
    }
    if lower.ends_with(".json") || (!is_text_name && first == Some('{')) {
        return native::import(file, text);
    }
    // No id yet: the workspace gives it one that is free.
    Ok(Opened::documents(vec![Document::new("", file, text)]))
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
    fn json_from_another_tool_is_refused_by_name() {
        let err = open_file("export.json", br#"[{"id": 1, "data": {"text": "x"}}]"#).unwrap_err();
        assert!(err.to_string().contains("export.json"), "{err}");
        assert!(open_file("x.json", b"{\"format\": \"article-annotator\"").is_err());
    }
}
