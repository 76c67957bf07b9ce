//! Linking two spans by a relation type, as two keystrokes: with a quote selected, `s` lists
//! the nearest actor spans (those of the quote's paragraph first, then by distance); an arrow
//! key and Enter, a digit, or a click picks the speaker. A custom type (`located_in`, bound to
//! its own key) runs the same flow between its own labels. A source has at most one link of a `single` type: a new one replaces the old,
//! in one undo step.

use std::rc::Rc;

use super::history::Edit;
use super::State;
use std::collections::HashMap;

use crate::model::{Document, Relation, RelationType, Span};
use crate::text::paragraphs::paragraph_at;

/// How many candidates the picker offers.
pub const MAX_CANDIDATES: usize = 9;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Linking {
    pub kind: Rc<str>,
    pub from: Rc<str>,
    /// Target span ids, nearest first.
    pub candidates: Vec<Rc<str>>,
    pub cursor: usize,
}

/// Characters between two spans (0 when they touch or overlap).
fn distance(a: &Span, b: &Span) -> usize {
    b.start.saturating_sub(a.end).max(a.start.saturating_sub(b.end))
}

/// How a relation of `kind` reads ("said by"): its type's name, or its id when undeclared.
pub fn relation_name(types: &[RelationType], kind: &str) -> String {
    types.iter().find(|t| &*t.id == kind).map_or_else(|| kind.to_string(), |t| t.name.clone())
}

/// Each source span's links in words ("said by Dmitry Peskov; located in Geneva"), built once
/// for a whole render rather than searched per span.
pub fn links_in_words(doc: &Document, types: &[RelationType]) -> HashMap<Rc<str>, Rc<str>> {
    let mut phrases: HashMap<Rc<str>, String> = HashMap::new();
    for relation in doc.relations() {
        let Some(target) = doc.span(&relation.to) else { continue };
        let phrase = format!("{} {}", relation_name(types, &relation.kind), doc.slice(target.start, target.end));
        phrases
            .entry(relation.from.clone())
            .and_modify(|all| {
                all.push_str("; ");
                all.push_str(&phrase);
            })
            .or_insert(phrase);
    }
    phrases.into_iter().map(|(id, phrase)| (id, phrase.into())).collect()
}

impl Linking {
    /// Linking from the selected span, if it can be a source of `kind` and has any candidate.
    pub(super) fn start(state: &State, kind: &str) -> Option<Linking> {
        let kind = state.workspace.relation_type(kind)?;
        let doc = state.active_document()?;
        let from = doc.span(state.selected.as_deref()?)?;
        if !kind.applies_to(&from.label) {
            return None;
        }
        let mut candidates: Vec<&Span> = doc
            .spans()
            .iter()
            .filter(|s| s.id != from.id && kind.to_label.as_ref().is_none_or(|label| *label == s.label))
            .collect();
        // A speaker is named in the quote's own paragraph far more often than in the next one,
        // so those come first, then the rest, each nearest first.
        let paragraph = |span: &Span| paragraph_at(doc.paragraphs(), span.start);
        candidates.sort_by_key(|s| (paragraph(s) != paragraph(from), distance(from, s), s.start));
        candidates.truncate(MAX_CANDIDATES);
        (!candidates.is_empty()).then(|| Linking {
            kind: kind.id.clone(),
            from: from.id.clone(),
            candidates: candidates.into_iter().map(|s| s.id.clone()).collect(),
            cursor: 0,
        })
    }

    pub(super) fn move_cursor(&mut self, forward: bool) {
        let len = self.candidates.len();
        self.cursor = if forward { (self.cursor + 1) % len } else { (self.cursor + len - 1) % len };
    }

    pub(super) fn candidate(&self, nth: Option<usize>) -> Option<&Rc<str>> {
        self.candidates.get(nth.unwrap_or(self.cursor))
    }
}

impl State {
    /// Links the linking source to `target` (replacing its link of a single type), one step.
    pub(super) fn link_to(&mut self, target: &Rc<str>) {
        let Some(linking) = self.linking.take() else { return };
        let (Some(kind), Some(doc)) = (self.workspace.relation_type(&linking.kind), self.active_document()) else {
            return;
        };
        let single = kind.single;
        let existing: Vec<Relation> =
            doc.relations().iter().filter(|r| *r.kind == *linking.kind && r.from == linking.from).cloned().collect();
        if existing.iter().any(|r| r.to == *target) {
            return;
        }
        let removed = if single { existing } else { Vec::new() };
        let added = vec![Relation {
            id: doc.fresh_relation_id(),
            kind: linking.kind.to_string(),
            from: linking.from.clone(),
            to: target.clone(),
        }];
        self.selected = Some(linking.from);
        self.record_span(Edit::Relations { removed, added });
    }
}
