//! Settling one gold copy of a text from its annotators' copies: the marks that disagree are
//! grouped into disagreements (marks joined by the same boundaries, or by overlapping with the
//! same label), and for each the person keeps one copy's version, every version, or none; the
//! marks all agree on come in with one decision of their own.
//!
//! A span of the gold copy is the copy's own span (its annotator kept), and it brings the
//! relations its copy draws from it to spans that are in the gold copy too; for a span all
//! agree on, those of the first copy that has it.

use std::collections::BTreeMap;
use std::rc::Rc;

use super::compare::{Kind, Mark, Matched};
use crate::model::{Document, Relation, Span};

/// Marks (indices into the document's marks) that disagree together, and the text they cover.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Disagreement {
    pub start: usize,
    pub end: usize,
    pub marks: Vec<usize>,
}

/// The disagreements of a document's marks, in reading order.
pub fn disagreements(marks: &[Mark]) -> Vec<Disagreement> {
    let open: Vec<usize> = (0..marks.len()).filter(|&m| marks[m].kind != Kind::Agreed).collect();
    let joined = |a: &Mark, b: &Mark| {
        (a.start, a.end) == (b.start, b.end) || (a.label == b.label && a.start < b.end && b.start < a.end)
    };
    let mut group: Vec<usize> = (0..open.len()).collect();
    fn root(group: &mut [usize], mut at: usize) -> usize {
        while group[at] != at {
            group[at] = group[group[at]];
            at = group[at];
        }
        at
    }
    for i in 0..open.len() {
        for j in i + 1..open.len() {
            if joined(&marks[open[i]], &marks[open[j]]) {
                let (a, b) = (root(&mut group, i), root(&mut group, j));
                group[a.max(b)] = a.min(b);
            }
        }
    }
    let mut found: BTreeMap<usize, Disagreement> = BTreeMap::new();
    for (i, &m) in open.iter().enumerate() {
        let at = root(&mut group, i);
        let entry =
            found.entry(at).or_insert(Disagreement { start: marks[m].start, end: marks[m].end, marks: Vec::new() });
        entry.start = entry.start.min(marks[m].start);
        entry.end = entry.end.max(marks[m].end);
        entry.marks.push(m);
    }
    let mut list: Vec<Disagreement> = found.into_values().collect();
    list.sort_by_key(|d| (d.start, std::cmp::Reverse(d.end)));
    list
}

/// What to keep of one disagreement.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Choice {
    /// The version of this copy (a position in the document's copy list): its marks, maybe none.
    Copy(usize),
    /// Every copy's marks.
    All,
    Neither,
}

/// The decisions taken on one document so far.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Decisions {
    /// The marks all agree on are kept.
    pub agreed: bool,
    /// Per disagreement (its index), what is kept.
    pub choices: BTreeMap<usize, Choice>,
}

/// The gold copy of `matched` that `decisions` settle: a new document (no id yet) named after the
/// text with " (gold)".
pub fn gold(matched: &Matched, marks: &[Mark], disagreements: &[Disagreement], decisions: &Decisions) -> Document {
    // Each kept mark, with the copy whose span (and relations) it takes.
    let mut kept: Vec<(usize, usize)> = Vec::new();
    if decisions.agreed {
        kept.extend(marks.iter().enumerate().filter(|(_, m)| m.kind == Kind::Agreed).map(|(i, m)| (i, m.copies[0])));
    }
    for (&at, choice) in &decisions.choices {
        let Some(disagreement) = disagreements.get(at) else { continue };
        for &m in &disagreement.marks {
            let mark = &marks[m];
            match choice {
                Choice::Copy(copy) if mark.copies.contains(copy) => kept.push((m, *copy)),
                Choice::All => kept.push((m, mark.copies[0])),
                _ => {}
            }
        }
    }
    let first = &matched.copies[0].document;
    let find = |copy: usize, mark: &Mark| {
        matched.copies[copy]
            .document
            .spans()
            .iter()
            .find(|s| (s.start, s.end, &s.label) == (mark.start, mark.end, &mark.label))
            .cloned()
    };
    let mut spans: Vec<Span> = Vec::new();
    // Which gold span stands for each (copy, span id), for carrying relations over.
    let mut standing: Vec<(usize, Rc<str>, Rc<str>)> = Vec::new();
    for (m, copy) in &kept {
        let Some(span) = find(*copy, &marks[*m]) else { continue };
        let id: Rc<str> = format!("s{}", spans.len() + 1).into();
        for c in 0..matched.copies.len() {
            if let Some(same) = find(c, &marks[*m]) {
                standing.push((c, same.id.clone(), id.clone()));
            }
        }
        spans.push(Span { id, entity: None, ..span });
    }
    let gold_of =
        |copy: usize, id: &Rc<str>| standing.iter().find(|(c, s, _)| *c == copy && s == id).map(|(_, _, g)| g.clone());
    let mut relations: Vec<Relation> = Vec::new();
    for (m, copy) in &kept {
        let Some(source) = find(*copy, &marks[*m]) else { continue };
        for relation in matched.copies[*copy].document.relations().iter().filter(|r| r.from == source.id) {
            let (Some(from), Some(to)) = (gold_of(*copy, &relation.from), gold_of(*copy, &relation.to)) else {
                continue;
            };
            let id = format!("r{}", relations.len() + 1).into();
            relations.push(Relation { id, from, to, ..relation.clone() });
        }
    }
    let name = format!("{} (gold)", first.name);
    let blank = Document::new("", name, first.text().clone());
    blank.with_annotations(spans, relations, Vec::new())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::agreement::compare::tests::file;
    use crate::agreement::compare::{compare, marks, Copy, Matched};

    const TEXT: &str = "Peskov met Zelensky in Geneva on Monday.";

    fn matched() -> Matched {
        let a: &[(usize, usize, &str)] = &[(0, 6, "actor"), (11, 19, "location"), (23, 29, "location")];
        let b: &[(usize, usize, &str)] = &[(0, 6, "actor"), (11, 19, "actor"), (23, 39, "location")];
        compare(&[file("a.json", Some("ana"), &[(TEXT, a)]), file("b.json", Some("ben"), &[(TEXT, b)])])
            .documents
            .remove(0)
    }

    fn gold_spans(decisions: &Decisions) -> Vec<(usize, usize, String, String)> {
        let m = matched();
        let copies: Vec<&[Span]> = m.copies.iter().map(|c| c.document.spans()).collect();
        let marks = marks(&copies);
        let list = disagreements(&marks);
        let doc = gold(&m, &marks, &list, decisions);
        assert_eq!(doc.name, "a.json-0.txt (gold)");
        assert_eq!(&**doc.text(), TEXT);
        doc.spans()
            .iter()
            .map(|s| (s.start, s.end, s.label.to_string(), s.annotator.as_deref().unwrap().to_string()))
            .collect()
    }

    #[test]
    fn relations_follow_the_copy_each_span_was_taken_from() {
        let text = "“No,” said Peskov to Umerov.";
        let copy = |annotator: usize, who: &str, speaker: (usize, usize)| {
            let mut doc = Document::new("d1", "t.txt", text);
            let by = Some(Rc::from(who));
            for (id, start, end, label) in [("q", 1, 3, "quote"), ("a", speaker.0, speaker.1, "actor")] {
                doc.insert_span(Span { annotator: by.clone(), ..Span::new(id, start, end, label) }).unwrap();
            }
            doc.insert_relation(Relation { annotator: by, ..Relation::new("r1", "said_by", "q", "a") }).unwrap();
            Copy { annotator, file: format!("{who}.json"), document: Rc::new(doc) }
        };
        let matched =
            Matched { sha256: String::new(), copies: vec![copy(0, "ana", (11, 17)), copy(1, "ben", (21, 27))] };
        let copies: Vec<&[Span]> = matched.copies.iter().map(|c| c.document.spans()).collect();
        let marks = marks(&copies);
        let list = disagreements(&marks);
        assert_eq!(list.len(), 2, "each speaker only one person marked");
        let both =
            Decisions { agreed: true, choices: [(0, Choice::Copy(0)), (1, Choice::Copy(1))].into_iter().collect() };
        let doc = gold(&matched, &marks, &list, &both);
        let said: Vec<(&str, &str)> = doc
            .relations()
            .iter()
            .map(|r| (doc.span(&r.from).unwrap(), doc.span(&r.to).unwrap()))
            .map(|(from, to)| (doc.slice(from.start, from.end), doc.slice(to.start, to.end)))
            .collect();
        assert_eq!(said, [("No", "Peskov")], "the agreed quote brings the first copy's speaker, once");
        assert_eq!(doc.relations()[0].annotator.as_deref(), Some("ana"));
        let only_ben = Decisions { agreed: true, choices: [(1, Choice::Copy(1))].into_iter().collect() };
        assert!(gold(&matched, &marks, &list, &only_ben).relations().is_empty(), "Ana's speaker was not kept");
    }

    #[test]
    fn disagreements_group_marks_that_belong_together() {
        let m = matched();
        let copies: Vec<&[Span]> = m.copies.iter().map(|c| c.document.spans()).collect();
        let list = disagreements(&marks(&copies));
        let extents: Vec<(usize, usize, usize)> = list.iter().map(|d| (d.start, d.end, d.marks.len())).collect();
        assert_eq!(extents, [(11, 19, 2), (23, 39, 2)]);
    }

    #[test]
    fn the_gold_copy_keeps_what_was_chosen_and_nothing_else() {
        assert!(gold_spans(&Decisions::default()).is_empty());
        let agreed = Decisions { agreed: true, ..Decisions::default() };
        assert_eq!(gold_spans(&agreed), [(0, 6, "actor".into(), "ana".into())]);
        let choices = [(0, Choice::Copy(1)), (1, Choice::Copy(0))].into_iter().collect();
        assert_eq!(
            gold_spans(&Decisions { agreed: true, choices }),
            [
                (0, 6, "actor".into(), "ana".into()),
                (11, 19, "actor".into(), "ben".into()),
                (23, 29, "location".into(), "ana".into())
            ]
        );
        let choices = [(0, Choice::All), (1, Choice::Neither)].into_iter().collect();
        assert_eq!(
            gold_spans(&Decisions { agreed: false, choices }),
            [(11, 19, "actor".into(), "ben".into()), (11, 19, "location".into(), "ana".into())]
        );
    }
}
