//! The quote sheet: every quote with who said it, the work still to do (unattributed quotes)
//! first. A speaker is named as the person reads them: the entity's name where the speaker's
//! mention is grouped, else the words of the mention.
//!
//! Not for: choosing a speaker (`state::linking`) or grouping mentions (`state::entities`).

use std::collections::{BTreeMap, HashMap};
use std::rc::Rc;

use super::Table;
use crate::model::{Document, Span, Status};

/// The label whose spans are quotes, and the relation that names their speaker.
pub const QUOTE: &str = "quote";
pub const SAID_BY: &str = "said_by";

/// One quote of the sheet.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuoteRow {
    pub document: Rc<str>,
    pub document_name: String,
    pub status: Status,
    pub quote: Rc<str>,
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// The speaker's name as shown; `None`: unattributed.
    pub speaker: Option<String>,
}

/// Each quote's speaker in `doc`, by quote id: the name of the entity the speaker's mention
/// names, else the mention's text.
pub fn speakers(doc: &Document) -> HashMap<Rc<str>, String> {
    doc.relations()
        .iter()
        .filter(|r| r.kind == SAID_BY)
        .filter_map(|r| Some((r.from.clone(), mention_name(doc, doc.span(&r.to)?))))
        .collect()
}

/// How a mention is named in reports: its entity's name, else its own words.
pub fn mention_name(doc: &Document, span: &Span) -> String {
    span.entity
        .as_ref()
        .and_then(|id| doc.entity_table().iter().find(|e| e.id == *id))
        .map_or_else(|| doc.slice(span.start, span.end).to_string(), |e| e.name.clone())
}

/// Every quote of `documents`: unattributed ones first, then in document and reading order.
pub fn quote_sheet<'d>(documents: impl IntoIterator<Item = &'d Rc<Document>>) -> Vec<QuoteRow> {
    let mut rows = Vec::new();
    for doc in documents {
        let mut speakers = speakers(doc);
        for span in doc.spans().iter().filter(|s| &*s.label == QUOTE) {
            rows.push(QuoteRow {
                document: doc.id.clone(),
                document_name: doc.name.clone(),
                status: doc.status,
                quote: span.id.clone(),
                start: span.start,
                end: span.end,
                text: doc.slice(span.start, span.end).to_string(),
                speaker: speakers.remove(&span.id),
            });
        }
    }
    // Stable: within each part, the document and reading order stays.
    crate::sort::sort_by_key(&mut rows, |r| r.speaker.is_some());
    rows
}

/// Which quotes to show: `None` in a field means any.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct QuoteFilter {
    /// A speaker's name, or `Some(None)` for the unattributed.
    pub speaker: Option<Option<String>>,
    pub document: Option<Rc<str>>,
    pub status: Option<Status>,
}

impl QuoteFilter {
    pub fn keeps(&self, row: &QuoteRow) -> bool {
        self.speaker.as_ref().is_none_or(|s| *s == row.speaker)
            && self.document.as_ref().is_none_or(|d| *d == row.document)
            && self.status.is_none_or(|s| s == row.status)
    }
}

/// How the sheet is grouped.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Grouping {
    #[default]
    Document,
    Speaker,
}

/// The heading of the unattributed quotes' group, and how the sheet shows a missing speaker.
pub const UNATTRIBUTED: &str = "Unattributed";

/// The rows in groups, each with its heading: by document (in the rows' order of first
/// appearance, so a document with work to do comes first) or by speaker (the unattributed
/// first, then speakers by name). Within a group, the rows keep their order.
pub fn grouped(rows: &[QuoteRow], grouping: Grouping) -> Vec<(String, Vec<&QuoteRow>)> {
    match grouping {
        Grouping::Document => {
            let mut groups: Vec<(Rc<str>, String, Vec<&QuoteRow>)> = Vec::new();
            for row in rows {
                match groups.iter_mut().find(|(id, ..)| *id == row.document) {
                    Some((.., members)) => members.push(row),
                    None => groups.push((row.document.clone(), row.document_name.clone(), vec![row])),
                }
            }
            groups.into_iter().map(|(_, name, members)| (name, members)).collect()
        }
        Grouping::Speaker => {
            let mut groups: BTreeMap<(bool, String, String), Vec<&QuoteRow>> = BTreeMap::new();
            for row in rows {
                let name = row.speaker.clone().unwrap_or_else(|| UNATTRIBUTED.to_string());
                groups.entry((row.speaker.is_some(), name.to_lowercase(), name)).or_default().push(row);
            }
            groups.into_iter().map(|((_, _, name), members)| (name, members)).collect()
        }
    }
}

/// The sheet as it downloads, grouped as on screen.
pub fn table(groups: &[(String, Vec<&QuoteRow>)]) -> Table {
    Table {
        title: "Quote sheet".into(),
        header: ["speaker", "quote", "document", "status", "quote_id", "start", "end"].map(String::from).into(),
        groups: groups
            .iter()
            .map(|(name, rows)| {
                let rows = rows
                    .iter()
                    .map(|r| {
                        vec![
                            r.speaker.clone().unwrap_or_default(),
                            r.text.clone(),
                            r.document_name.clone(),
                            r.status.key().to_string(),
                            r.quote.to_string(),
                            r.start.to_string(),
                            r.end.to_string(),
                        ]
                    })
                    .collect();
                (Some(name.clone()), rows)
            })
            .collect(),
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::model::{Entity, Relation};

    /// Two documents: in d1 a grouped speaker ("Peskov", entity "Dmitry Peskov") with two
    /// quotes and one quote without a speaker; in d2 an ungrouped speaker.
    pub fn corpus() -> Vec<Rc<Document>> {
        let text = "Peskov said “We agree.” Later, “No comment.” Then Dmitry Peskov said “We left 12 tanks.”";
        let mut d1 = Document::new("d1", "kremlin.txt", text);
        let at = |needle: &str| text[..text.find(needle).unwrap()].chars().count();
        let span =
            |id: &str, needle: &str, label: &str| Span::new(id, at(needle), at(needle) + needle.chars().count(), label);
        for s in [
            span("s1", "Peskov", "actor"),
            span("s2", "We agree.", QUOTE),
            span("s3", "No comment.", QUOTE),
            span("s4", "Dmitry Peskov", "actor"),
            span("s5", "We left 12 tanks.", QUOTE),
            span("s6", "12", "figure"),
        ] {
            d1.insert_span(s).unwrap();
        }
        for (id, from, to) in [("r1", "s2", "s1"), ("r2", "s5", "s4")] {
            d1.insert_relation(Relation::new(id, SAID_BY, from, to)).unwrap();
        }
        let entity = Entity { id: "e1".into(), label: "actor".into(), name: "Dmitry Peskov".into() };
        d1.set_entities(vec![entity], &[("s1".into(), Some("e1".into())), ("s4".into(), Some("e1".into()))]).unwrap();
        let text2 = "Zelensky said: “Kyiv needs 300 more.” Kyiv is far.";
        let mut d2 = Document::new("d2", "kyiv.txt", text2);
        d2.status = Status::Done;
        let at2 = |needle: &str| text2[..text2.find(needle).unwrap()].chars().count();
        for (id, needle, label) in
            [("s1", "Zelensky", "actor"), ("s2", "Kyiv needs 300 more.", QUOTE), ("s3", "300", "figure")]
        {
            d2.insert_span(Span::new(id, at2(needle), at2(needle) + needle.chars().count(), label)).unwrap();
        }
        d2.insert_relation(Relation::new("r1", SAID_BY, "s2", "s1")).unwrap();
        vec![Rc::new(d1), Rc::new(d2)]
    }

    fn shown(rows: &[QuoteRow]) -> Vec<(&str, &str, Option<&str>)> {
        rows.iter().map(|r| (&*r.document, r.text.as_str(), r.speaker.as_deref())).collect()
    }

    #[test]
    fn speakers_are_named_through_entities_else_by_their_words_and_the_unattributed_come_first() {
        let rows = quote_sheet(&corpus());
        assert_eq!(
            shown(&rows),
            [
                ("d1", "No comment.", None),
                ("d1", "We agree.", Some("Dmitry Peskov")),
                ("d1", "We left 12 tanks.", Some("Dmitry Peskov")),
                ("d2", "Kyiv needs 300 more.", Some("Zelensky")),
            ]
        );
    }

    #[test]
    fn filters_by_speaker_document_and_status() {
        let rows = quote_sheet(&corpus());
        let kept = |filter: QuoteFilter| -> Vec<Rc<str>> {
            rows.iter().filter(|r| filter.keeps(r)).map(|r| r.quote.clone()).collect()
        };
        assert_eq!(kept(QuoteFilter { speaker: Some(None), ..QuoteFilter::default() }), [Rc::from("s3")]);
        let peskov = QuoteFilter { speaker: Some(Some("Dmitry Peskov".into())), ..QuoteFilter::default() };
        assert_eq!(kept(peskov), [Rc::from("s2"), Rc::from("s5")]);
        assert_eq!(kept(QuoteFilter { status: Some(Status::Done), ..QuoteFilter::default() }).len(), 1);
        assert_eq!(kept(QuoteFilter { document: Some("d1".into()), ..QuoteFilter::default() }).len(), 3);
        assert_eq!(kept(QuoteFilter::default()).len(), 4);
    }

    #[test]
    fn grouped_by_speaker_the_unattributed_lead_then_names_in_order() {
        let rows = quote_sheet(&corpus());
        let names = |g: Grouping| grouped(&rows, g).into_iter().map(|(n, m)| (n, m.len())).collect::<Vec<_>>();
        assert_eq!(
            names(Grouping::Speaker),
            [("Unattributed".into(), 1), ("Dmitry Peskov".into(), 2), ("Zelensky".into(), 1)]
        );
        assert_eq!(names(Grouping::Document), [("kremlin.txt".into(), 3), ("kyiv.txt".into(), 1)]);
        let table = table(&grouped(&rows, Grouping::Speaker));
        let first: Vec<&str> = table.rows().next().unwrap().iter().map(String::as_str).collect();
        assert_eq!(first, ["", "No comment.", "kremlin.txt", "new", "s3", "32", "43"]);
    }
}
