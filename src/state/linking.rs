//! Linking two spans by a relation type, as two keystrokes: with a quote selected, `s` lists
//! the nearest actor spans (those of the quote's paragraph first, then by distance); an arrow key and Enter, a digit, or a click picks
//! the speaker. A source has at most one link of a `single` type: a new one replaces the old,
//! in one undo step.

use std::rc::Rc;

use super::history::Edit;
use super::State;
use crate::model::{default_relation_types, Relation, RelationType, Span};
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

pub fn relation_type(kind: &str) -> Option<RelationType> {
    default_relation_types().into_iter().find(|t| &*t.id == kind)
}

/// How a relation type reads in the picker ("said by").
pub fn linking_relation_name(kind: &str) -> String {
    relation_type(kind).map_or_else(|| kind.to_string(), |t| t.name)
}

impl Linking {
    /// Linking from the selected span, if it can be a source of `kind` and has any candidate.
    pub(super) fn start(state: &State, kind: &str) -> Option<Linking> {
        let kind = relation_type(kind)?;
        let doc = state.active_document()?;
        let from = doc.span(state.selected.as_deref()?)?;
        if kind.from_label.as_ref().is_some_and(|label| *label != from.label) {
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
            kind: kind.id,
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
        let (Some(kind), Some(doc)) = (relation_type(&linking.kind), self.active_document()) else { return };
        let existing: Vec<Relation> =
            doc.relations().iter().filter(|r| *r.kind == *kind.id && r.from == linking.from).cloned().collect();
        if existing.iter().any(|r| r.to == *target) {
            return;
        }
        let removed = if kind.single { existing } else { Vec::new() };
        let added = vec![Relation {
            id: doc.fresh_relation_id(),
            kind: kind.id.to_string(),
            from: linking.from.clone(),
            to: target.clone(),
        }];
        self.selected = Some(linking.from);
        self.record_span(Edit::Relations { removed, added });
    }
}
