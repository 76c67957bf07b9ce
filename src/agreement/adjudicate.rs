//! Settling one gold copy of a text from its annotators' copies: the marks that disagree are
//! grouped into disagreements (marks joined by the same boundaries, or by overlapping with the
//! same label), and for each the person keeps one copy's version, every version, or none; the
//! marks all agree on come in with one decision of their own.
//!
//! A span of the gold copy is the copy's own span (its annotator kept), and it brings the
//! relations its copy draws from it and the entity its copy names by it; for a span all agree
//! on, those of the first copy that has it. Where copies with the same span link it
//! differently (a quote said by different speakers) or name different entities by it, that is a
//! link disagreement, settled by keeping one copy's links (with the spans they point to) or none.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::rc::Rc;

use serde::{Deserialize, Serialize};

use super::compare::{Kind, Mark, Matched};
use crate::model::{fresh_id, Document, Entity, Relation, Span};

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
    crate::sort::sort_by_key(&mut list, |d| (d.start, std::cmp::Reverse(d.end)));
    list
}

/// What one copy says about a mark beyond its extent and label: the relations it draws from it
/// (type and target mark, in order) and the name of the entity it names by it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Links {
    pub relations: Vec<(String, usize)>,
    pub entity: Option<String>,
}

/// A mark that the copies having it link or group differently.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LinkDisagreement {
    pub mark: usize,
    /// Each copy that has the mark (its position in the copy list), with its links.
    pub versions: Vec<(usize, Links)>,
}

/// The marks of `matched` whose copies disagree on their links, in reading order.
pub fn link_disagreements(matched: &Matched, marks: &[Mark]) -> Vec<LinkDisagreement> {
    let index: HashMap<(usize, usize, &str), usize> =
        marks.iter().enumerate().map(|(at, m)| ((m.start, m.end, &*m.label), at)).collect();
    let mark_of = |span: &Span| index.get(&(span.start, span.end, &*span.label)).copied();
    let mut versions: Vec<Vec<(usize, Links)>> = vec![Vec::new(); marks.len()];
    for (copy, c) in matched.copies.iter().enumerate() {
        let doc = &c.document;
        let mut from: HashMap<&str, Vec<(String, usize)>> = HashMap::new();
        for r in doc.relations() {
            if let Some(to) = doc.span(&r.to).and_then(mark_of) {
                from.entry(&*r.from).or_default().push((r.kind.clone(), to));
            }
        }
        for span in doc.spans() {
            let Some(at) = mark_of(span) else { continue };
            let mut relations = from.remove(&*span.id).unwrap_or_default();
            crate::sort::sort_by(&mut relations, Ord::cmp);
            let named = span.entity.as_ref().and_then(|e| doc.entity_table().iter().find(|t| t.id == *e));
            versions[at].push((copy, Links { relations, entity: named.map(|e| e.name.clone()) }));
        }
    }
    versions
        .into_iter()
        .enumerate()
        .filter(|(_, versions)| versions.windows(2).any(|pair| pair[0].1 != pair[1].1))
        .map(|(mark, versions)| LinkDisagreement { mark, versions })
        .collect()
}

/// What to keep of one disagreement.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Choice {
    /// The version of this copy (a position in the document's copy list): its marks, maybe none.
    Copy(usize),
    /// Every copy's marks.
    All,
    Neither,
}

/// The decisions taken on one document so far.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Decisions {
    /// The marks all agree on are kept.
    pub agreed: bool,
    /// Per disagreement (its index), what is kept.
    pub choices: BTreeMap<usize, Choice>,
    /// Per link disagreement (its index), whose links are kept: a copy's (which keeps the mark
    /// too) or none ([`Choice::Neither`]).
    pub links: BTreeMap<usize, Choice>,
}

/// What a gold copy is settled from: a matched text, its marks and both kinds of disagreement.
pub struct Settled<'a> {
    pub matched: &'a Matched,
    pub marks: &'a [Mark],
    pub disagreements: &'a [Disagreement],
    pub links: &'a [LinkDisagreement],
}

/// The gold copy that `decisions` settle: a new document (no id yet), marked gold and named
/// after the text with " (gold)". Its entities take the id of an entity of `known` (the
/// workspace's) with the same label and name, or a new one.
pub fn gold(settled: &Settled<'_>, decisions: &Decisions, known: &[&Entity]) -> Document {
    let Settled { matched, marks, disagreements, links } = *settled;
    // Each kept mark, with the copy whose span (and links) it takes.
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
    // Marks whose links were kept by name (their targets come along) or dropped.
    let (mut linked, mut unlinked) = (BTreeSet::new(), BTreeSet::new());
    for (&at, choice) in &decisions.links {
        let Some(link) = links.get(at) else { continue };
        match choice {
            Choice::Copy(copy) if marks[link.mark].copies.contains(copy) => {
                linked.insert(link.mark);
                match kept.iter_mut().find(|(m, _)| *m == link.mark) {
                    Some(taken) => taken.1 = *copy,
                    None => kept.push((link.mark, *copy)),
                }
            }
            Choice::Neither => {
                unlinked.insert(link.mark);
            }
            _ => {}
        }
    }
    let mut gold = GoldCopy { matched, known, spans: Vec::new(), standing: Vec::new(), entities: Vec::new() };
    for &(m, copy) in &kept {
        if let Some(span) = gold.find(copy, &marks[m]) {
            gold.take(copy, span, !unlinked.contains(&m));
        }
    }
    let mut relations: Vec<Relation> = Vec::new();
    for &(m, copy) in kept.iter().filter(|(m, _)| !unlinked.contains(m)) {
        let Some(source) = gold.find(copy, &marks[m]) else { continue };
        let document = &matched.copies[copy].document;
        for relation in document.relations().iter().filter(|r| r.from == source.id) {
            let Some(to) = gold.standing_for(copy, &relation.to).or_else(|| {
                let target = document.span(&relation.to).filter(|_| linked.contains(&m))?.clone();
                Some(gold.take(copy, target, true))
            }) else {
                continue;
            };
            let Some(from) = gold.standing_for(copy, &relation.from) else { continue };
            let id = format!("r{}", relations.len() + 1).into();
            relations.push(Relation { id, from, to, ..relation.clone() });
        }
    }
    let first = &matched.copies[0].document;
    let mut blank = Document::new("", format!("{} (gold)", first.name), first.text().clone());
    blank.gold = true;
    blank.with_annotations(gold.spans, relations, gold.entities)
}

/// The gold copy as it is built: its spans, which gold span stands for each copy's span, and
/// the entities its spans name.
struct GoldCopy<'a> {
    matched: &'a Matched,
    known: &'a [&'a Entity],
    spans: Vec<Span>,
    /// (copy, that copy's span id, the gold span's id).
    standing: Vec<(usize, Rc<str>, Rc<str>)>,
    entities: Vec<Entity>,
}

impl GoldCopy<'_> {
    fn find(&self, copy: usize, mark: &Mark) -> Option<Span> {
        let same = |s: &&Span| (s.start, s.end, &s.label) == (mark.start, mark.end, &mark.label);
        self.matched.copies[copy].document.spans().iter().find(same).cloned()
    }

    fn standing_for(&self, copy: usize, id: &str) -> Option<Rc<str>> {
        self.standing.iter().find(|(c, s, _)| *c == copy && **s == *id).map(|(_, _, g)| g.clone())
    }

    /// Adds `span` of `copy` (and its entity, if `named`), standing for the same span of every
    /// copy; returns its gold id.
    fn take(&mut self, copy: usize, span: Span, named: bool) -> Rc<str> {
        let id: Rc<str> = format!("s{}", self.spans.len() + 1).into();
        for (c, other) in self.matched.copies.iter().enumerate() {
            let same = other
                .document
                .spans()
                .iter()
                .find(|s| (s.start, s.end, &s.label) == (span.start, span.end, &span.label));
            if let Some(same) = same {
                self.standing.push((c, same.id.clone(), id.clone()));
            }
        }
        let document = &self.matched.copies[copy].document;
        let named_as =
            span.entity.as_ref().filter(|_| named).and_then(|e| document.entity_table().iter().find(|t| t.id == *e));
        let entity = named_as.map(|e| self.entity(e));
        self.spans.push(Span { id: id.clone(), entity, ..span });
        id
    }

    /// The gold copy's id for an entity of the same label and name as `of`.
    fn entity(&mut self, of: &Entity) -> Rc<str> {
        let same = |e: &Entity| e.label == of.label && e.name == of.name;
        if let Some(found) = self.entities.iter().find(|e| same(e)) {
            return found.id.clone();
        }
        let id = match self.known.iter().find(|e| same(e)) {
            Some(known) => known.id.clone(),
            None => fresh_id("e", self.known.iter().map(|e| &*e.id).chain(self.entities.iter().map(|e| &*e.id))),
        };
        self.entities.push(Entity { id: id.clone(), ..of.clone() });
        id
    }
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

    /// The gold copy of `matched` that `decisions` settle, beside a workspace naming `known`.
    fn settle(matched: &Matched, decisions: &Decisions, known: &[&Entity]) -> Document {
        let copies: Vec<&[Span]> = matched.copies.iter().map(|c| c.document.spans()).collect();
        let marks = marks(&copies);
        let disagreements = disagreements(&marks);
        let links = link_disagreements(matched, &marks);
        gold(&Settled { matched, marks: &marks, disagreements: &disagreements, links: &links }, decisions, known)
    }

    fn gold_spans(decisions: &Decisions) -> Vec<(usize, usize, String, String)> {
        let doc = settle(&matched(), decisions, &[]);
        assert!(doc.gold);
        assert_eq!(doc.name, "a.json-0.txt (gold)");
        assert_eq!(&**doc.text(), TEXT);
        doc.spans()
            .iter()
            .map(|s| (s.start, s.end, s.label.to_string(), s.annotator.as_deref().unwrap().to_string()))
            .collect()
    }

    const SAID: &str = "“No,” said Peskov to Umerov.";

    /// A copy of SAID by `who`: the quote, its speaker at `speaker` (said_by), the speaker
    /// grouped into an entity named `entity`.
    fn said(annotator: usize, who: &str, speaker: (usize, usize), entity: &str) -> Copy {
        let mut doc = Document::new("d1", "t.txt", SAID);
        let by = Some(Rc::from(who));
        for (id, start, end, label) in [("q", 1, 3, "quote"), ("a", speaker.0, speaker.1, "actor")] {
            doc.insert_span(Span { annotator: by.clone(), ..Span::new(id, start, end, label) }).unwrap();
        }
        doc.insert_relation(Relation { annotator: by, ..Relation::new("r1", "said_by", "q", "a") }).unwrap();
        let named = Entity { id: "e1".into(), label: "actor".into(), name: entity.into() };
        doc.set_entities(vec![named], &[("a".into(), Some("e1".into()))]).unwrap();
        Copy { annotator, file: format!("{who}.json"), document: Rc::new(doc) }
    }

    /// Each relation of `doc` as (type, source text, target text, annotator).
    fn links_of(doc: &Document) -> Vec<(String, &str, &str, String)> {
        doc.relations()
            .iter()
            .map(|r| {
                let (from, to) = (doc.span(&r.from).unwrap(), doc.span(&r.to).unwrap());
                let by = r.annotator.as_deref().unwrap_or_default().to_string();
                (r.kind.clone(), doc.slice(from.start, from.end), doc.slice(to.start, to.end), by)
            })
            .collect()
    }

    #[test]
    fn relations_follow_the_copy_each_span_was_taken_from() {
        let matched = Matched {
            sha256: String::new(),
            copies: vec![said(0, "ana", (11, 17), "Peskov"), said(1, "ben", (21, 27), "Umerov")],
        };
        let copies: Vec<&[Span]> = matched.copies.iter().map(|c| c.document.spans()).collect();
        assert_eq!(disagreements(&marks(&copies)).len(), 2, "each speaker only one person marked");
        let both = Decisions {
            agreed: true,
            choices: [(0, Choice::Copy(0)), (1, Choice::Copy(1))].into_iter().collect(),
            ..Decisions::default()
        };
        let doc = settle(&matched, &both, &[]);
        assert_eq!(
            links_of(&doc),
            [("said_by".into(), "No", "Peskov", "ana".into())],
            "the first copy's speaker, once"
        );
        let only_ben =
            Decisions { agreed: true, choices: [(1, Choice::Copy(1))].into_iter().collect(), ..Decisions::default() };
        assert!(settle(&matched, &only_ben, &[]).relations().is_empty(), "Ana's speaker was not kept");
    }

    #[test]
    fn a_quote_said_by_different_speakers_is_a_link_disagreement_settled_per_side() {
        let matched = Matched {
            sha256: String::new(),
            copies: vec![said(0, "ana", (11, 17), "Peskov"), said(1, "ben", (21, 27), "Umerov")],
        };
        let copies: Vec<&[Span]> = matched.copies.iter().map(|c| c.document.spans()).collect();
        let marks = marks(&copies);
        let links = link_disagreements(&matched, &marks);
        assert_eq!(links.len(), 1, "the speakers themselves are only-one-side spans, not link disagreements");
        let quote = &marks[links[0].mark];
        assert_eq!((quote.start, quote.end, &*quote.label), (1, 3, "quote"));
        let targets: Vec<(usize, usize)> =
            links[0].versions.iter().map(|(c, l)| (*c, marks[l.relations[0].1].start)).collect();
        assert_eq!(targets, [(0, 11), (1, 21)]);
        let keep = |choice: Choice| Decisions { links: [(0, choice)].into_iter().collect(), ..Decisions::default() };
        let bens = settle(&matched, &keep(Choice::Copy(1)), &[]);
        assert_eq!(links_of(&bens), [("said_by".into(), "No", "Umerov", "ben".into())], "his speaker comes along");
        let spans: Vec<(&str, &str)> =
            bens.spans().iter().map(|s| (&*s.label, s.annotator.as_deref().unwrap())).collect();
        assert_eq!(spans, [("quote", "ben"), ("actor", "ben")]);
        assert_eq!(bens.named_entities().map(|e| e.name.as_str()).collect::<Vec<_>>(), ["Umerov"]);
        let anas = settle(&matched, &keep(Choice::Copy(0)), &[]);
        assert_eq!(links_of(&anas), [("said_by".into(), "No", "Peskov", "ana".into())]);
        let agreed_unlinked =
            Decisions { agreed: true, links: [(0, Choice::Neither)].into_iter().collect(), ..Decisions::default() };
        let bare = settle(&matched, &agreed_unlinked, &[]);
        assert_eq!(bare.spans().len(), 1, "the quote, with no speaker");
        assert!(bare.relations().is_empty());
    }

    #[test]
    fn entities_named_differently_are_compared_and_the_kept_one_joins_the_workspace_entity() {
        let peskov = |annotator, who, entity| said(annotator, who, (11, 17), entity);
        let matched = Matched {
            sha256: String::new(),
            copies: vec![peskov(0, "ana", "Dmitry Peskov"), peskov(1, "ben", "Peskov")],
        };
        let copies: Vec<&[Span]> = matched.copies.iter().map(|c| c.document.spans()).collect();
        let marks = marks(&copies);
        let links = link_disagreements(&matched, &marks);
        assert_eq!(links.len(), 1);
        let names: Vec<Option<&str>> = links[0].versions.iter().map(|(_, l)| l.entity.as_deref()).collect();
        assert_eq!(names, [Some("Dmitry Peskov"), Some("Peskov")]);
        let workspace = [
            Entity { id: "e1".into(), label: "location".into(), name: "Geneva".into() },
            Entity { id: "e7".into(), label: "actor".into(), name: "Peskov".into() },
        ];
        let known: Vec<&Entity> = workspace.iter().collect();
        let agreed = Decisions { agreed: true, ..Decisions::default() };
        let first = settle(&matched, &agreed, &known);
        let entity =
            |doc: &Document| doc.named_entities().map(|e| (e.id.to_string(), e.name.clone())).collect::<Vec<_>>();
        assert_eq!(entity(&first), [("e8".to_string(), "Dmitry Peskov".to_string())], "a new id, clashing with none");
        let bens =
            Decisions { agreed: true, links: [(0, Choice::Copy(1))].into_iter().collect(), ..Decisions::default() };
        assert_eq!(entity(&settle(&matched, &bens, &known)), [("e7".to_string(), "Peskov".to_string())]);
        assert_eq!(links_of(&settle(&matched, &bens, &known)).len(), 1, "the same speaker link on both sides");
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
            gold_spans(&Decisions { agreed: true, choices, ..Decisions::default() }),
            [
                (0, 6, "actor".into(), "ana".into()),
                (11, 19, "actor".into(), "ben".into()),
                (23, 29, "location".into(), "ana".into())
            ]
        );
        let choices = [(0, Choice::All), (1, Choice::Neither)].into_iter().collect();
        assert_eq!(
            gold_spans(&Decisions { agreed: false, choices, ..Decisions::default() }),
            [(11, 19, "actor".into(), "ben".into()), (11, 19, "location".into(), "ana".into())]
        );
    }
}
