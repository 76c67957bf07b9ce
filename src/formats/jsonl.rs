//! JSON Lines with one `{"text": ...}` object per line (spaCy, Prodigy and doccano corpora):
//! each line becomes a document. Spans in such files are read by a later importer; this one
//! opens the texts so a corpus can be annotated here.

use super::{FileError, Opened};
use crate::model::Document;

/// Documents from a JSONL file, without ids: the workspace gives them free ones.
pub fn import_texts(file: &str, content: &str) -> Result<Opened, FileError> {
    let mut documents = Vec::new();
    for (number, line) in content.lines().enumerate().map(|(i, l)| (i + 1, l)) {
        if line.trim().is_empty() {
            continue;
        }
        let value: serde_json::Value = serde_json::from_str(line)
            .map_err(|e| FileError::new(file, format!("line {number} is not valid JSON ({e})")))?;
        let text = value
            .get("text")
            .and_then(|t| t.as_str())
            .ok_or_else(|| FileError::new(file, format!("line {number} has no \"text\" string")))?;
        if text.is_empty() {
            return Err(FileError::new(file, format!("line {number} has an empty \"text\"")));
        }
        documents.push(Document::new("", format!("{file} #{number}"), text));
    }
    if documents.is_empty() {
        return Err(FileError::new(file, "it has no lines with a \"text\""));
    }
    Ok(Opened::documents(documents))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_line_is_a_document() {
        let opened = import_texts("c.jsonl", "{\"text\": \"One 😀\"}\n\n{\"text\": \"Two\", \"meta\": {}}\n").unwrap();
        let texts: Vec<&str> = opened.documents.iter().map(|d| &**d.text()).collect();
        assert_eq!(texts, ["One 😀", "Two"]);
        assert_eq!(opened.documents[1].name, "c.jsonl #3");
    }

    #[test]
    fn names_the_line_that_is_wrong() {
        let err = import_texts("c.jsonl", "{\"text\": \"ok\"}\n{\"txt\": 1}\n").unwrap_err();
        assert!(err.reason.contains("line 2"), "{err}");
    }
}
