//! Three-way merge of workspaces, for several tabs of the app sharing one stored workspace:
//! `base` is the stored copy this tab last saw, `ours` what the tab holds now, `theirs` what
//! another tab stored since. Every change either side made to `base` is kept; where both
//! changed the same thing (one span, one label, a document's name), `ours` wins for that thing
//! only, since this tab's unsaved edit is the later one.
//!
//! Things are matched by id: documents in the workspace; spans, relations and entities in their
//! document; labels and relation types. Ids are made per tab (`s<n>` after the highest), so two
//! tabs editing one document at the same moment can give different spans the same id: ours is
//! then renamed, and [`Merged`] says where, so the state can drop undo steps that name it.
//!
//! Not for: deciding when to merge or reading storage (the browser layer), nor the selection
//! and undo history that follow a merge (`state::sync`).

use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use super::{fresh_id, fresh_ids, Document, Entity, Label, Relation, Span, Workspace};

/// The merged workspace, and which of ours' things had to be renamed.
#[derive(Clone, Debug, PartialEq)]
pub struct Merged {
    pub workspace: Workspace,
    /// Documents of ours renamed because theirs added another text under the same id: (old, new).
    pub renamed_documents: Vec<(Rc<str>, Rc<str>)>,
    /// Documents (by merged id) in which a span, relation or entity of ours was renamed.
    pub renamed_in: Vec<Rc<str>>,
    /// Whether an entity of ours was renamed (its id is shared by documents).
    pub renamed_entities: bool,
}

/// Merges what `ours` and `theirs` each changed since `base`.
pub fn merge(base: &Workspace, ours: &Workspace, theirs: &Workspace) -> Merged {
    let labels = merge_items(&base.labels, &ours.labels, &theirs.labels, |l| &l.id);
    let relation_types = merge_items(&base.relation_types, &ours.relation_types, &theirs.relation_types, |t| &t.id);
    let renamed = rename_entity_collisions(base, ours, theirs);
    let (ours, renamed_entities) = match &renamed {
        Some((renamed, _)) => (renamed, true),
        None => (ours, false),
    };
    let (documents, renamed_documents, mut renamed_in) = merge_documents(base, ours, theirs);
    let labels = whole_labels(labels, &documents, [ours, theirs, base]);
    renamed_in.extend(renamed.into_iter().flat_map(|(_, documents)| documents));
    Merged {
        workspace: Workspace { labels, relation_types, documents },
        renamed_documents,
        renamed_in,
        renamed_entities,
    }
}

/// The merged labels made whole. A label removed on one side while the other tagged with it
/// comes back, since its spans would otherwise name a label that is gone. Two labels given one
/// key on the two sides at once: the first keeps it, the other gets a free key, or none.
fn whole_labels(mut labels: Vec<Label>, documents: &[Rc<Document>], sides: [&Workspace; 3]) -> Vec<Label> {
    for doc in documents {
        for span in doc.spans() {
            if labels.iter().any(|l| l.id == span.label) {
                continue;
            }
            let known = sides.iter().find_map(|side| side.labels.iter().find(|l| l.id == span.label));
            labels.extend(known.cloned());
        }
    }
    let mut taken: Vec<String> = Vec::new();
    for at in 0..labels.len() {
        let Some(key) = labels[at].key.clone() else { continue };
        if taken.contains(&key) {
            let free = (1..=9).map(|k| k.to_string()).find(|k| labels.iter().all(|l| l.key.as_ref() != Some(k)));
            labels[at].key = free.clone();
            taken.extend(free);
        } else {
            taken.push(key);
        }
    }
    labels
}

/// Everything of `ours` and of `theirs` when the copy both started from is not known (a copy
/// kept by a page that closed before it could save, while another tab saved after): what
/// both hold alike counts as their common start, so nothing either holds is lost. Where both
/// hold one thing differently, ours wins (a document's name and status: theirs); what one
/// side removed the other may bring back.
pub fn union(ours: &Workspace, theirs: &Workspace) -> Merged {
    merge(&common(ours, theirs), ours, theirs)
}

/// What `a` and `b` hold alike: labels and relation types, and documents of the same id and
/// text with the annotations they share.
fn common(a: &Workspace, b: &Workspace) -> Workspace {
    fn shared<T: Clone + PartialEq>(a: &[T], b: &[T]) -> Vec<T> {
        a.iter().filter(|item| b.contains(item)).cloned().collect()
    }
    let documents = a
        .documents
        .iter()
        .filter_map(|doc| {
            let other = b.document(&doc.id).filter(|other| other.text() == doc.text())?;
            let spans = doc.spans().iter().filter(|s| other.span(&s.id) == Some(*s)).cloned().collect();
            let relations = shared(doc.relations(), other.relations());
            let entities = shared(doc.entity_table(), other.entity_table());
            Some(Rc::new(doc.with_annotations(spans, relations, entities)))
        })
        .collect();
    Workspace {
        labels: shared(&a.labels, &b.labels),
        relation_types: shared(&a.relation_types, &b.relation_types),
        documents,
    }
}

/// Items matched by `id`: each side's additions and removals, and each side's changes to an
/// item the other left alone; `ours` where both changed one. Ours' order, theirs' additions last.
/// An undo step is such a merge too: the step's own change is ours, and whatever changed since
/// (another tab's edits, folded in) is theirs, so undoing one label keeps every other label.
pub fn merge_items<T: Clone + PartialEq>(base: &[T], ours: &[T], theirs: &[T], id: impl Fn(&T) -> &str) -> Vec<T> {
    if ours == base || ours == theirs {
        return theirs.to_vec();
    }
    if theirs == base {
        return ours.to_vec();
    }
    let by_id = |items: &'_ [T]| -> HashMap<String, usize> {
        items.iter().enumerate().map(|(at, item)| (id(item).to_string(), at)).collect()
    };
    let (in_base, in_ours, in_theirs) = (by_id(base), by_id(ours), by_id(theirs));
    let mut merged = Vec::with_capacity(ours.len().max(theirs.len()));
    for item in ours {
        let key = id(item);
        let unchanged_by_us = in_base.get(key).is_some_and(|&at| base[at] == *item);
        match in_theirs.get(key) {
            Some(&at) if unchanged_by_us => merged.push(theirs[at].clone()),
            None if unchanged_by_us => {}
            _ => merged.push(item.clone()),
        }
    }
    merged.extend(theirs.iter().filter(|t| !in_base.contains_key(id(t)) && !in_ours.contains_key(id(t))).cloned());
    merged
}

type DocumentsMerged = (Vec<Rc<Document>>, Vec<(Rc<str>, Rc<str>)>, Vec<Rc<str>>);

fn merge_documents(base: &Workspace, ours: &Workspace, theirs: &Workspace) -> DocumentsMerged {
    let mut documents = Vec::with_capacity(ours.documents.len().max(theirs.documents.len()));
    let (mut renamed_documents, mut renamed_in) = (Vec::new(), Vec::new());
    let mut taken: Vec<Rc<str>> =
        base.documents.iter().chain(&ours.documents).chain(&theirs.documents).map(|d| d.id.clone()).collect();
    for doc in &ours.documents {
        let merged = match (base.document(&doc.id), theirs.document(&doc.id)) {
            (Some(old), Some(new)) if doc == old => Some(if new == old { doc.clone() } else { new.clone() }),
            (Some(_), Some(new)) if doc == new => Some(doc.clone()),
            (Some(old), Some(new)) => Some(merge_document(old, doc, new, &mut renamed_in)),
            // Removed there and not changed here: removed.
            (Some(old), None) if doc == old => None,
            (None, Some(new)) if doc.text() == new.text() => {
                let empty = new.with_annotations(Vec::new(), Vec::new(), Vec::new());
                Some(merge_document(&empty, doc, new, &mut renamed_in))
            }
            (None, Some(_)) => {
                let id = fresh_id("d", taken.iter().map(|id| &**id));
                taken.push(id.clone());
                renamed_documents.push((doc.id.clone(), id.clone()));
                Some(Rc::new(Document { id, ..(**doc).clone() }))
            }
            // Added here, or changed here after a removal there: the later edit wins.
            (_, None) => Some(doc.clone()),
        };
        documents.extend(merged);
    }
    let added_there: Vec<Rc<Document>> = theirs
        .documents
        .iter()
        .filter(|d| base.document(&d.id).is_none() && !documents.iter().any(|m| m.id == d.id))
        .cloned()
        .collect();
    documents.extend(added_there);
    (documents, renamed_documents, renamed_in)
}

/// One document both sides changed. `renamed_in` gets its id if ours' ids had to change.
fn merge_document(base: &Document, ours: &Document, theirs: &Document, renamed_in: &mut Vec<Rc<str>>) -> Rc<Document> {
    let mut our_spans = ours.spans().to_vec();
    let mut our_relations = ours.relations().to_vec();
    let span_renames = rename_collisions(base.spans(), &mut our_spans, theirs.spans(), "s");
    for relation in &mut our_relations {
        for end in [&mut relation.from, &mut relation.to] {
            if let Some(new) = span_renames.get(end) {
                *end = new.clone();
            }
        }
    }
    let relation_renames = rename_collisions(base.relations(), &mut our_relations, theirs.relations(), "r");
    if !span_renames.is_empty() || !relation_renames.is_empty() {
        renamed_in.push(theirs.id.clone());
    }
    let spans = merge_items(base.spans(), &our_spans, theirs.spans(), |s: &Span| &s.id);
    let relations = merge_items(base.relations(), &our_relations, theirs.relations(), |r: &Relation| &r.id);
    let entities = merge_items(base.entity_table(), ours.entity_table(), theirs.entity_table(), |e| &e.id);
    let mut merged = theirs.with_annotations(spans, relations, entities);
    if ours.name != base.name {
        merged.name = ours.name.clone();
    }
    if ours.status != base.status {
        merged.status = ours.status;
    }
    Rc::new(merged)
}

/// Ours with a fresh id, in every document, for each entity that ours and theirs both added
/// under one id as different things (each tab numbers its new entities from the same place);
/// `None` when there is none. An entity's id is shared by the documents that mention it, so
/// the rename is workspace-wide, and ours' mentions follow it. Also says which documents of
/// ours it touched.
fn rename_entity_collisions(
    base: &Workspace,
    ours: &Workspace,
    theirs: &Workspace,
) -> Option<(Workspace, Vec<Rc<str>>)> {
    let entities = |ws: &Workspace| -> HashMap<Rc<str>, Entity> {
        ws.documents.iter().flat_map(|d| d.entity_table()).map(|e| (e.id.clone(), e.clone())).collect()
    };
    let (in_base, in_theirs) = (entities(base), entities(theirs));
    let mut colliding: Vec<&Rc<str>> = ours
        .documents
        .iter()
        .flat_map(|d| d.entity_table())
        .filter(|e| !in_base.contains_key(&e.id) && in_theirs.get(&e.id).is_some_and(|t| t != *e))
        .map(|e| &e.id)
        .collect();
    crate::sort::sort_by(&mut colliding, Ord::cmp);
    colliding.dedup();
    if colliding.is_empty() {
        return None;
    }
    let in_ours = entities(ours);
    let taken = in_base.keys().chain(in_theirs.keys()).chain(in_ours.keys()).map(|id| &**id);
    let renames: HashMap<Rc<str>, Rc<str>> = colliding.into_iter().cloned().zip(fresh_ids("e", taken)).collect();
    let rename = |id: &Rc<str>| renames.get(id).cloned().unwrap_or_else(|| id.clone());
    let mut touched = Vec::new();
    let documents = ours
        .documents
        .iter()
        .map(|doc| {
            if !doc.entity_table().iter().any(|e| renames.contains_key(&e.id)) {
                return doc.clone();
            }
            touched.push(doc.id.clone());
            let table = doc.entity_table().iter().map(|e| Entity { id: rename(&e.id), ..e.clone() }).collect();
            let spans =
                doc.spans().iter().map(|s| Span { entity: s.entity.as_ref().map(rename), ..s.clone() }).collect();
            Rc::new(doc.with_annotations(spans, doc.relations().to_vec(), table))
        })
        .collect();
    Some((Workspace { documents, ..ours.clone() }, touched))
}

/// Something kept by id inside a document.
trait Keyed {
    fn key(&self) -> &Rc<str>;
    fn set_key(&mut self, key: Rc<str>);
}

impl Keyed for Span {
    fn key(&self) -> &Rc<str> {
        &self.id
    }
    fn set_key(&mut self, key: Rc<str>) {
        self.id = key;
    }
}

impl Keyed for Relation {
    fn key(&self) -> &Rc<str> {
        &self.id
    }
    fn set_key(&mut self, key: Rc<str>) {
        self.id = key;
    }
}

/// Gives each of `ours` that theirs also added under the same id, as something else, an id no
/// side uses; returns old id → new id.
fn rename_collisions<T: Keyed + PartialEq>(
    base: &[T],
    ours: &mut [T],
    theirs: &[T],
    prefix: &str,
) -> HashMap<Rc<str>, Rc<str>> {
    let in_base: HashSet<&Rc<str>> = base.iter().map(Keyed::key).collect();
    let theirs_by_id: HashMap<&Rc<str>, &T> = theirs.iter().map(|item| (item.key(), item)).collect();
    let collisions: Vec<usize> = (0..ours.len())
        .filter(|&at| {
            let key = ours[at].key();
            !in_base.contains(key) && theirs_by_id.get(key).is_some_and(|t| **t != ours[at])
        })
        .collect();
    let mut renames = HashMap::new();
    if collisions.is_empty() {
        return renames;
    }
    let mut taken: Vec<Rc<str>> = theirs.iter().chain(ours.iter()).map(|item| item.key().clone()).collect();
    for at in collisions {
        let fresh = fresh_id(prefix, taken.iter().map(|id| &**id));
        taken.push(fresh.clone());
        renames.insert(ours[at].key().clone(), fresh.clone());
        ours[at].set_key(fresh);
    }
    renames
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{default_labels, Label, Status};

    const TEXT: &str = "Peskov met Zelensky in Geneva on Monday.";

    fn doc(id: &str, spans: &[(&str, usize, usize, &str)]) -> Document {
        let mut doc = Document::new(id, format!("{id}.txt"), TEXT);
        for (span, start, end, label) in spans {
            doc.insert_span(Span::new(*span, *start, *end, *label)).unwrap();
        }
        doc
    }

    fn ws(docs: Vec<Document>) -> Workspace {
        Workspace { documents: docs.into_iter().map(Rc::new).collect(), ..Workspace::default() }
    }

    /// A span as (id, text, label).
    type Shown = (String, String, String);

    /// Each document's spans.
    fn annotations(ws: &Workspace) -> Vec<(String, Vec<Shown>)> {
        ws.documents
            .iter()
            .map(|d| {
                let spans =
                    d.spans().iter().map(|s| (s.id.to_string(), d.slice(s.start, s.end).into(), s.label.to_string()));
                (d.id.to_string(), spans.collect())
            })
            .collect()
    }

    fn span(id: &str, text: &str, label: &str) -> Shown {
        (id.into(), text.into(), label.into())
    }

    #[test]
    fn edits_on_both_sides_are_all_kept() {
        let base = ws(vec![doc("d1", &[("s1", 0, 6, "actor"), ("s2", 11, 19, "actor")])]);
        // Ours relabels s1 and removes s2; theirs adds s3.
        let ours = ws(vec![doc("d1", &[("s1", 0, 6, "location")])]);
        let theirs = ws(vec![doc("d1", &[("s1", 0, 6, "actor"), ("s2", 11, 19, "actor"), ("s3", 23, 29, "location")])]);
        let merged = merge(&base, &ours, &theirs);
        assert_eq!(
            annotations(&merged.workspace),
            [("d1".into(), vec![span("s1", "Peskov", "location"), span("s3", "Geneva", "location")])]
        );
        assert!(merged.renamed_in.is_empty());
    }

    #[test]
    fn who_made_each_span_and_link_is_kept_by_the_merge() {
        let base = ws(vec![doc("d1", &[("s1", 0, 6, "actor")])]);
        let by = |who: &str| Some(Rc::from(who));
        let mut ours = doc("d1", &[("s1", 0, 6, "actor")]);
        ours.insert_span(Span { annotator: by("ana"), ..Span::new("s2", 23, 29, "quote") }).unwrap();
        ours.insert_relation(Relation { annotator: by("ana"), ..Relation::new("r1", "said_by", "s2", "s1") }).unwrap();
        let mut theirs = doc("d1", &[("s1", 0, 6, "actor")]);
        theirs.insert_span(Span { annotator: by("ben"), ..Span::new("s3", 11, 19, "actor") }).unwrap();
        let merged = merge(&base, &ws(vec![ours]), &ws(vec![theirs])).workspace;
        let doc = &merged.documents[0];
        let who: Vec<(&str, Option<&str>)> = doc.spans().iter().map(|s| (&*s.id, s.annotator.as_deref())).collect();
        assert_eq!(who, [("s1", None), ("s3", Some("ben")), ("s2", Some("ana"))]);
        assert_eq!(doc.relations()[0].annotator.as_deref(), Some("ana"));
    }

    #[test]
    fn two_entities_made_under_one_id_stay_two() {
        let base = ws(vec![doc("d1", &[("s1", 0, 6, "actor"), ("s2", 11, 19, "actor")])]);
        let grouped = |span: &str, name: &str| {
            let plain = doc("d1", &[("s1", 0, 6, "actor"), ("s2", 11, 19, "actor")]);
            let entity = Entity { id: "e1".into(), label: "actor".into(), name: name.into() };
            let spans = plain
                .spans()
                .iter()
                .map(|s| Span { entity: (&*s.id == span).then(|| entity.id.clone()), ..s.clone() })
                .collect();
            ws(vec![plain.with_annotations(spans, Vec::new(), vec![entity])])
        };
        let merged = merge(&base, &grouped("s1", "Dmitry Peskov"), &grouped("s2", "Volodymyr Zelensky")).workspace;
        let d1 = &merged.documents[0];
        let named: Vec<(&str, &str)> = d1
            .spans()
            .iter()
            .map(|s| {
                let entity = d1.entity_table().iter().find(|e| s.entity.as_ref() == Some(&e.id)).unwrap();
                (&*s.id, entity.name.as_str())
            })
            .collect();
        assert_eq!(named, [("s1", "Dmitry Peskov"), ("s2", "Volodymyr Zelensky")]);
    }

    #[test]
    fn the_same_span_changed_on_both_sides_takes_ours_and_nothing_else_is_lost() {
        let base = ws(vec![doc("d1", &[("s1", 0, 6, "actor")])]);
        let ours = ws(vec![doc("d1", &[("s1", 0, 6, "location")])]);
        let theirs = ws(vec![doc("d1", &[("s1", 0, 6, "figure"), ("s2", 23, 29, "location")])]);
        let merged = merge(&base, &ours, &theirs);
        assert_eq!(
            annotations(&merged.workspace),
            [("d1".into(), vec![span("s1", "Peskov", "location"), span("s2", "Geneva", "location")])]
        );
    }

    #[test]
    fn checked_marks_and_notes_from_both_tabs_are_kept_and_ours_wins_on_the_same_figure() {
        let figures = [("s1", 0, 6, "actor"), ("s2", 33, 39, "figure"), ("s3", 23, 29, "figure")];
        let base = ws(vec![doc("d1", &figures)]);
        let marked = |marks: &[(&str, bool, Option<&str>)]| {
            let mut d = doc("d1", &figures);
            for (id, checked, note) in marks {
                let before = d.remove_span(id).unwrap().0;
                d.insert_span(Span { checked: *checked, note: note.map(String::from), ..before }).unwrap();
            }
            ws(vec![d])
        };
        let ours = marked(&[("s2", true, Some("ministry figures")), ("s3", true, None)]);
        let theirs = marked(&[("s1", false, Some("spokesman")), ("s3", false, Some("unsure"))]);
        let merged = merge(&base, &ours, &theirs).workspace;
        let d1 = &merged.documents[0];
        let mark = |id: &str| d1.span(id).map(|s| (s.checked, s.note.clone()));
        assert_eq!(mark("s1"), Some((false, Some("spokesman".into()))), "their note");
        assert_eq!(mark("s2"), Some((true, Some("ministry figures".into()))), "our check and note");
        assert_eq!(mark("s3"), Some((true, None)), "both changed s3: ours wins");
        let unioned = &union(&ours, &theirs).workspace.documents[0];
        let checked: Vec<&str> =
            unioned.spans().iter().filter(|s| s.checked).map(|s| unioned.slice(s.start, s.end)).collect();
        assert_eq!(checked, ["Geneva", "Monday"], "a copy of a closing page keeps its checks");
    }

    #[test]
    fn two_new_spans_with_one_id_both_stay_and_ours_is_renamed_with_its_relations() {
        let base = ws(vec![doc("d1", &[("s1", 11, 19, "actor")])]);
        let mut ours = doc("d1", &[("s1", 11, 19, "actor"), ("s2", 0, 6, "actor"), ("s3", 23, 29, "quote")]);
        let said = Relation::new("r1", "said_by", "s3", "s2");
        ours.insert_relation(said).unwrap();
        let theirs = ws(vec![doc("d1", &[("s1", 11, 19, "actor"), ("s2", 33, 39, "figure")])]);
        let merged = merge(&base, &ws(vec![ours]), &theirs);
        let d1 = &merged.workspace.documents[0];
        let texts: Vec<(&str, &str)> = d1.spans().iter().map(|s| (d1.slice(s.start, s.end), &*s.label)).collect();
        assert_eq!(texts, [("Peskov", "actor"), ("Zelensky", "actor"), ("Geneva", "quote"), ("Monday", "figure")]);
        let relation = &d1.relations()[0];
        assert_eq!(
            d1.span(&relation.to).map(|s| d1.slice(s.start, s.end)),
            Some("Peskov"),
            "the link follows the rename"
        );
        assert_eq!(merged.renamed_in, [Rc::from("d1")]);
    }

    #[test]
    fn the_same_words_tagged_in_two_tabs_are_one_span() {
        let base = ws(vec![doc("d1", &[])]);
        let ours = ws(vec![doc("d1", &[("s1", 0, 6, "actor")])]);
        let theirs = ws(vec![doc("d1", &[("s7", 0, 6, "actor")])]);
        let merged = merge(&base, &ours, &theirs);
        assert_eq!(annotations(&merged.workspace)[0].1.len(), 1);
    }

    #[test]
    fn documents_opened_removed_and_renamed_on_either_side() {
        let base = ws(vec![doc("d1", &[]), doc("d2", &[])]);
        let mut renamed = doc("d1", &[]);
        renamed.name = "Geneva talks".into();
        renamed.status = Status::Done;
        // Ours renames d1 and removes d2; theirs opens d3.
        let ours = ws(vec![renamed]);
        let theirs = ws(vec![doc("d1", &[]), doc("d2", &[]), Document::new("d3", "new.txt", "Kyiv")]);
        let merged = merge(&base, &ours, &theirs).workspace;
        let names: Vec<(&str, &str, Status)> =
            merged.documents.iter().map(|d| (&*d.id, d.name.as_str(), d.status)).collect();
        assert_eq!(names, [("d1", "Geneva talks", Status::Done), ("d3", "new.txt", Status::New)]);
    }

    #[test]
    fn two_tabs_opening_different_texts_under_one_id_keep_both() {
        let base = ws(vec![doc("d1", &[])]);
        let ours = ws(vec![doc("d1", &[]), Document::new("d2", "mine.txt", "Kyiv")]);
        let theirs = ws(vec![doc("d1", &[]), Document::new("d2", "theirs.txt", "Odesa")]);
        let merged = merge(&base, &ours, &theirs);
        let names: Vec<(&str, &str)> = merged.workspace.documents.iter().map(|d| (&*d.id, d.name.as_str())).collect();
        assert_eq!(names, [("d1", "d1.txt"), ("d3", "mine.txt"), ("d2", "theirs.txt")]);
        assert_eq!(merged.renamed_documents, [(Rc::from("d2"), Rc::from("d3"))]);
    }

    #[test]
    fn a_document_removed_there_but_edited_here_stays() {
        let base = ws(vec![doc("d1", &[])]);
        let ours = ws(vec![doc("d1", &[("s1", 0, 6, "actor")])]);
        let merged = merge(&base, &ours, &ws(vec![]));
        assert_eq!(annotations(&merged.workspace), [("d1".into(), vec![span("s1", "Peskov", "actor")])]);
    }

    #[test]
    fn label_edits_on_both_sides_meet() {
        let base = ws(vec![]);
        let mut ours = base.clone();
        ours.labels[0].color = "#000000".into();
        let mut theirs = base.clone();
        theirs.labels.push(Label {
            id: "date".into(),
            name: "Date".into(),
            color: "#111111".into(),
            key: Some("5".into()),
        });
        theirs.labels[1].name = "Place".into();
        let merged = merge(&base, &ours, &theirs).workspace;
        let labels: Vec<(&str, &str, &str)> =
            merged.labels.iter().map(|l| (&*l.id, l.name.as_str(), l.color.as_str())).collect();
        let defaults = default_labels();
        assert_eq!(labels[0], ("actor", "Actor", "#000000"));
        assert_eq!(labels[1], ("location", "Place", defaults[1].color.as_str()));
        assert_eq!(labels.last(), Some(&("date", "Date", "#111111")));
    }

    #[test]
    fn labels_added_on_both_sides_at_once_get_a_key_each() {
        let base = ws(vec![]);
        let label = |id: &str| Label { id: id.into(), name: id.into(), color: "#111111".into(), key: Some("5".into()) };
        let (mut ours, mut theirs) = (base.clone(), base.clone());
        ours.labels.push(label("date"));
        theirs.labels.push(label("event"));
        let merged = merge(&base, &ours, &theirs).workspace;
        let keys: Vec<(&str, Option<&str>)> = merged.labels.iter().map(|l| (&*l.id, l.key.as_deref())).collect();
        assert_eq!(keys[4..], [("date", Some("5")), ("event", Some("6"))]);
    }

    #[test]
    fn a_label_removed_there_while_tagged_with_here_comes_back() {
        let base = ws(vec![doc("d1", &[])]);
        let ours = ws(vec![doc("d1", &[("s1", 0, 6, "location")])]);
        let mut theirs = base.clone();
        theirs.labels.retain(|l| &*l.id != "location");
        let merged = merge(&base, &ours, &theirs).workspace;
        assert!(merged.labels.iter().any(|l| &*l.id == "location"), "the span's label is kept");
        assert_eq!(annotations(&merged)[0].1, [span("s1", "Peskov", "location")]);
        let untouched = merge(&base, &base, &theirs).workspace;
        assert!(untouched.labels.iter().all(|l| &*l.id != "location"), "unused, the removal stands");
    }

    #[test]
    fn a_union_without_a_common_start_keeps_everything_both_hold() {
        let ours = ws(vec![doc("d1", &[("s1", 0, 6, "actor"), ("s2", 11, 19, "actor")])]);
        let theirs = ws(vec![
            doc("d1", &[("s1", 0, 6, "actor"), ("s2", 23, 29, "location")]),
            Document::new("d2", "b.txt", "Kyiv"),
        ]);
        let merged = union(&ours, &theirs).workspace;
        let d1 = &merged.documents[0];
        let texts: Vec<&str> = d1.spans().iter().map(|s| d1.slice(s.start, s.end)).collect();
        assert_eq!(texts, ["Peskov", "Zelensky", "Geneva"]);
        assert_eq!(merged.documents.len(), 2);
    }

    #[test]
    fn an_unchanged_document_keeps_its_allocation() {
        let base = ws(vec![doc("d1", &[])]);
        let ours = base.clone();
        let theirs = ws(vec![doc("d1", &[])]);
        let merged = merge(&base, &ours, &theirs).workspace;
        assert!(Rc::ptr_eq(&merged.documents[0], &ours.documents[0]), "nothing to draw again");
    }
}
