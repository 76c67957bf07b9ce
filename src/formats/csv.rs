//! CSV for spreadsheets: one row per span, for reading, counting and filtering annotations in
//! Excel, LibreOffice or pandas. Export only: it has no document texts, so it cannot open back.
//!
//! Columns: `document,start,end,label,text,left_context,right_context,note`
//! - `document` is the document's name; `label` the label's id;
//! - `start`/`end` are code points, end-exclusive (Python's `text[start:end]` is `text`);
//! - `left_context`/`right_context` are up to 40 code points before and after the span, line
//!   breaks and all, exactly as in the text (a context may begin or end inside a grapheme);
//! - `note` is the annotator's note, empty when there is none.
//!
//! Rows follow the documents' order, then the spans' (start, longer first, label). Quoting is
//! RFC 4180 (the `csv` crate): a field with a comma, a quote or a line break is quoted, quotes
//! doubled; rows end in CRLF. The file starts with a UTF-8 byte-order mark, because Excel reads
//! a CSV without one in the system's legacy code page and garbles every non-ASCII character;
//! pandas (`encoding="utf-8-sig"`), Python's `csv` and LibreOffice read it as well.
//!
//! Cells are the text as it is: a span whose text starts with `=`, `+`, `-` or `@` is not
//! defused for spreadsheets (that would break `text == text[start:end]`), so open files from
//! texts you do not trust with formulas disabled.

use crate::model::Document;

/// Code points of context on each side of a span.
pub const CONTEXT: usize = 40;

pub const HEADER: [&str; 8] = ["document", "start", "end", "label", "text", "left_context", "right_context", "note"];

/// The CSV bytes, byte-order mark first.
pub fn export<'d>(documents: impl IntoIterator<Item = &'d Document>) -> Vec<u8> {
    let rows = documents.into_iter().flat_map(|doc| {
        doc.spans().iter().map(move |span| {
            let left = doc.slice(span.start.saturating_sub(CONTEXT), span.start);
            let right = doc.slice(span.end, (span.end + CONTEXT).min(doc.len()));
            let note = span.note.as_deref().unwrap_or("");
            let text = doc.slice(span.start, span.end);
            [doc.name.clone(), span.start.to_string(), span.end.to_string(), span.label.to_string()]
                .into_iter()
                .chain([text, left, right, note].map(String::from))
        })
    });
    table(HEADER, rows)
}

/// Any table as this module writes CSV (quoting, CRLF, byte-order mark first): `header`, then
/// each row's cells, for other exports that people open in spreadsheets.
pub fn table<Row: IntoIterator<Item = String>>(
    header: impl IntoIterator<Item = impl AsRef<[u8]>>,
    rows: impl IntoIterator<Item = Row>,
) -> Vec<u8> {
    let mut writer = csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(b"\xEF\xBB\xBF".to_vec());
    writer.write_record(header).expect("writing to memory does not fail");
    for row in rows {
        writer.write_record(row).expect("writing to memory does not fail");
    }
    writer.into_inner().expect("writing to memory does not fail")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Span;

    fn rows(bytes: &[u8]) -> Vec<Vec<String>> {
        let text = std::str::from_utf8(bytes.strip_prefix(b"\xEF\xBB\xBF").expect("a byte-order mark first")).unwrap();
        let mut reader = csv::ReaderBuilder::new().has_headers(false).from_reader(text.as_bytes());
        reader.records().map(|r| r.unwrap().iter().map(str::to_string).collect()).collect()
    }

    #[test]
    fn one_row_per_span_with_context_and_quoting() {
        let mut doc = Document::new("d1", "talks, day 1.txt", "He said, \"We agree\".\r\nPeskov 😀 left.");
        doc.insert_span(Span::new("s1", 10, 18, "quote")).unwrap();
        doc.insert_span(Span { note: Some("spokesman, \"Kremlin\"".into()), ..Span::new("s2", 22, 28, "actor") })
            .unwrap();
        let bytes = export([&doc]);
        let rows = rows(&bytes);
        assert_eq!(rows[0], HEADER);
        assert_eq!(
            rows[1],
            ["talks, day 1.txt", "10", "18", "quote", "We agree", "He said, \"", "\".\r\nPeskov 😀 left.", ""]
        );
        assert_eq!(rows[2][4..], ["Peskov", "He said, \"We agree\".\r\n", " 😀 left.", "spokesman, \"Kremlin\""]);
        let raw = std::str::from_utf8(&bytes[3..]).unwrap();
        assert!(raw.starts_with("document,start,end,label,text,left_context,right_context,note\r\n"), "{raw}");
        assert!(raw
            .contains("\"talks, day 1.txt\",10,18,quote,We agree,\"He said, \"\"\",\"\"\".\r\nPeskov 😀 left.\",\r\n"));
    }

    #[test]
    fn context_is_at_most_forty_code_points() {
        let text = format!("{}Peskov{}", "😀".repeat(50), "é".repeat(50));
        let mut doc = Document::new("d1", "long.txt", text);
        doc.insert_span(Span::new("s1", 50, 56, "actor")).unwrap();
        let row = &rows(&export([&doc]))[1];
        assert_eq!((row[5].chars().count(), row[6].chars().count()), (40, 40));
        assert!(row[5].chars().all(|c| c == '😀') && row[6].chars().all(|c| c == 'é'));
        assert_eq!(rows(&export(std::iter::empty())), [HEADER], "no spans: the header alone");
    }
}
