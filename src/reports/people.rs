//! People and places: each entity (or, for mentions not grouped, each distinct text) with how
//! often each document mentions it, for a sortable table and a bar chart.
//!
//! Not for: proposing or grouping entities (`state::entities`).

use std::cmp::Reverse;
use std::collections::HashMap;
use std::rc::Rc;

use super::quotes::mention_name;
use super::Table;
use crate::model::Document;

/// The labels counted: those whose mentions can be grouped into entities.
use crate::state::ENTITY_LABELS;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mentioned {
    /// The entity's id, or the label and text of ungrouped mentions (`actor:Kyiv`).
    pub key: String,
    pub name: String,
    pub label: Rc<str>,
    /// Mentions per document, in the order of the report's documents.
    pub counts: Vec<usize>,
    pub total: usize,
}

/// The order of the table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SortBy {
    /// Most mentioned first (ties by name).
    Total,
    Name,
    Label,
    /// Most mentioned in the n-th document first.
    Document(usize),
}

/// Everyone and everywhere `documents` mention, most mentioned first.
pub fn people_and_places(documents: &[&Rc<Document>]) -> Vec<Mentioned> {
    let mut rows: Vec<Mentioned> = Vec::new();
    let mut at: HashMap<String, usize> = HashMap::new();
    for (n, doc) in documents.iter().enumerate() {
        for span in doc.spans().iter().filter(|s| ENTITY_LABELS.contains(&&*s.label)) {
            let name = mention_name(doc, span);
            let key = match &span.entity {
                Some(entity) => entity.to_string(),
                None => format!("{}:{name}", span.label),
            };
            let row = *at.entry(key.clone()).or_insert_with(|| {
                rows.push(Mentioned {
                    key,
                    name,
                    label: span.label.clone(),
                    counts: vec![0; documents.len()],
                    total: 0,
                });
                rows.len() - 1
            });
            rows[row].counts[n] += 1;
            rows[row].total += 1;
        }
    }
    sort(&mut rows, SortBy::Total);
    rows
}

pub fn sort(rows: &mut [Mentioned], by: SortBy) {
    let name = |r: &Mentioned| r.name.to_lowercase();
    match by {
        SortBy::Total => crate::sort::sort_by_key(rows, |r| (Reverse(r.total), name(r))),
        SortBy::Name => crate::sort::sort_by_key(rows, name),
        SortBy::Label => crate::sort::sort_by_key(rows, |r| (r.label.clone(), name(r))),
        SortBy::Document(n) => {
            crate::sort::sort_by_key(rows, |r| (Reverse(r.counts.get(n).copied()), Reverse(r.total), name(r)))
        }
    }
}

/// The table as it downloads: name, label, one column per document, total.
pub fn table(rows: &[Mentioned], documents: &[&Rc<Document>]) -> Table {
    let header = ["name", "label"]
        .into_iter()
        .map(String::from)
        .chain(documents.iter().map(|d| d.name.clone()))
        .chain(["total".to_string()])
        .collect();
    let rows = rows
        .iter()
        .map(|r| {
            [r.name.clone(), r.label.to_string()]
                .into_iter()
                .chain(r.counts.iter().map(ToString::to_string))
                .chain([r.total.to_string()])
                .collect()
        })
        .collect();
    Table { title: "People and places".into(), header, groups: vec![(None, rows)] }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reports::quotes::tests::corpus;

    #[test]
    fn grouped_mentions_count_as_their_entity_and_others_by_their_text_per_document() {
        let docs = corpus();
        let mut extra = (*docs[1]).clone();
        extra.insert_span(crate::model::Span::new("s9", 38, 42, "location")).unwrap();
        extra.insert_span(crate::model::Span::new("s8", 16, 20, "location")).unwrap();
        let docs = [docs[0].clone(), Rc::new(extra)];
        let refs: Vec<&Rc<Document>> = docs.iter().collect();
        let rows = people_and_places(&refs);
        let shown: Vec<(&str, &str, Vec<usize>, usize)> =
            rows.iter().map(|r| (r.name.as_str(), &*r.label, r.counts.clone(), r.total)).collect();
        assert_eq!(
            shown,
            [
                ("Dmitry Peskov", "actor", vec![2, 0], 2),
                ("Kyiv", "location", vec![0, 2], 2),
                ("Zelensky", "actor", vec![0, 1], 1),
            ]
        );
        let table = table(&rows, &refs);
        assert_eq!(table.header, ["name", "label", "kremlin.txt", "kyiv.txt", "total"]);
        assert_eq!(table.rows().nth(1).unwrap(), &["Kyiv", "location", "0", "2", "2"]);
    }

    #[test]
    fn sorting_by_name_label_or_one_document() {
        let docs = corpus();
        let refs: Vec<&Rc<Document>> = docs.iter().collect();
        let mut rows = people_and_places(&refs);
        let names = |rows: &[Mentioned]| rows.iter().map(|r| r.name.clone()).collect::<Vec<_>>();
        sort(&mut rows, SortBy::Document(1));
        assert_eq!(names(&rows), ["Zelensky", "Dmitry Peskov"]);
        sort(&mut rows, SortBy::Name);
        assert_eq!(names(&rows), ["Dmitry Peskov", "Zelensky"]);
        sort(&mut rows, SortBy::Total);
        assert_eq!(names(&rows), ["Dmitry Peskov", "Zelensky"]);
    }
}
