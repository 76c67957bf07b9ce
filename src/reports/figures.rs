//! The figures sheet: every figure in the sentence that makes the claim, with who said it where
//! a quote holds it, and the fact-checker's mark and note: the list to go through number by
//! number.
//!
//! Not for: finding figures (`suggest::figures`) or setting the mark (`state::Check`).

use std::rc::Rc;

use super::quotes::{speakers, QUOTE};
use super::Table;
use crate::model::Document;

/// The label whose spans are figures.
pub const FIGURE: &str = "figure";

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FigureRow {
    pub document: Rc<str>,
    pub document_name: String,
    pub figure: Rc<str>,
    pub text: String,
    /// The sentence the figure stands in (see `text::sentences`).
    pub sentence: String,
    /// Where the figure starts in `sentence`, in code points.
    pub figure_at: usize,
    /// The speaker of the innermost attributed quote holding the figure, if any.
    pub said_by: Option<String>,
    pub checked: bool,
    pub note: Option<String>,
}

/// Every figure of `documents`, in document and reading order.
pub fn figure_sheet<'d>(documents: impl IntoIterator<Item = &'d Rc<Document>>) -> Vec<FigureRow> {
    let mut rows = Vec::new();
    for doc in documents {
        let speakers = speakers(doc);
        let quotes: Vec<_> = doc
            .spans()
            .iter()
            .filter(|s| &*s.label == QUOTE)
            .filter_map(|s| Some((s.start, s.end, speakers.get(&s.id)?)))
            .collect();
        for span in doc.spans().iter().filter(|s| &*s.label == FIGURE) {
            let (from, to) = doc.sentence_around(span.start, span.end);
            let said_by = quotes
                .iter()
                .filter(|(start, end, _)| *start <= span.start && span.end <= *end)
                .min_by_key(|(start, end, _)| end - start)
                .map(|(.., speaker)| (*speaker).clone());
            rows.push(FigureRow {
                document: doc.id.clone(),
                document_name: doc.name.clone(),
                figure: span.id.clone(),
                text: doc.slice(span.start, span.end).to_string(),
                sentence: doc.slice(from, to).to_string(),
                figure_at: span.start.saturating_sub(from),
                said_by,
                checked: span.checked,
                note: span.note.clone(),
            });
        }
    }
    rows
}

/// The sheet as it downloads, a group per document.
pub fn table(rows: &[FigureRow]) -> Table {
    let mut groups: Vec<(Option<String>, Vec<Vec<String>>)> = Vec::new();
    let mut last: Option<&Rc<str>> = None;
    for row in rows {
        if last != Some(&row.document) {
            groups.push((Some(row.document_name.clone()), Vec::new()));
            last = Some(&row.document);
        }
        let cells = vec![
            row.text.clone(),
            row.sentence.clone(),
            row.said_by.clone().unwrap_or_default(),
            row.document_name.clone(),
            if row.checked { "yes" } else { "no" }.to_string(),
            row.note.clone().unwrap_or_default(),
            row.figure.to_string(),
        ];
        groups.last_mut().expect("a group was just pushed").1.push(cells);
    }
    Table {
        title: "Figures sheet".into(),
        header: ["figure", "sentence", "said_by", "document", "checked", "note", "figure_id"].map(String::from).into(),
        groups,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reports::quotes::tests::corpus;

    #[test]
    fn each_figure_in_its_sentence_with_the_speaker_of_the_quote_holding_it() {
        let rows = figure_sheet(&corpus());
        let shown: Vec<(&str, &str, Option<&str>)> =
            rows.iter().map(|r| (r.text.as_str(), r.sentence.as_str(), r.said_by.as_deref())).collect();
        let placed: Vec<String> =
            rows.iter().map(|r| r.sentence.chars().skip(r.figure_at).take(r.text.chars().count()).collect()).collect();
        assert_eq!(placed, ["12", "300"]);
        assert_eq!(
            shown,
            [
                ("12", "Then Dmitry Peskov said “We left 12 tanks.”", Some("Dmitry Peskov")),
                ("300", "Zelensky said: “Kyiv needs 300 more.”", Some("Zelensky")),
            ]
        );
    }

    #[test]
    fn the_table_has_a_group_per_document_and_the_mark_and_note() {
        let mut docs = corpus();
        let d2 = Rc::make_mut(&mut docs[1]);
        let before = d2.remove_span("s3").unwrap().0;
        d2.insert_span(crate::model::Span { checked: true, note: Some("UN data".into()), ..before }).unwrap();
        let table = table(&figure_sheet(&docs));
        let names: Vec<Option<&str>> = table.groups.iter().map(|(n, _)| n.as_deref()).collect();
        assert_eq!(names, [Some("kremlin.txt"), Some("kyiv.txt")]);
        assert_eq!(table.groups[1].1[0][4..6], ["yes".to_string(), "UN data".to_string()]);
        assert_eq!(table.groups[0].1[0][4], "no");
    }
}
