//! Linking two spans by a relation type, as two keystrokes: with a quote selected, `s` lists
//! the nearest actor spans (those of the quote's paragraph first, then by distance); an arrow
//! key and Enter, a digit, or a click picks the speaker. A custom type (`located_in`, bound to
//! its own key) runs the same flow between its own labels. A source has at most one link of a
//! `single` type: a new one replaces the old, in one undo step.
//!
//! Not for: editing the relation types themselves (`relation_types`).

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
        crate::sort::sort_by_key(&mut candidates, |s| (paragraph(s) != paragraph(from), distance(from, s), s.start));
        candidates.truncate(MAX_CANDIDATES);
        (!candidates.is_empty()).then(|| Linking {
            kind: kind.id.clone(),
            from: from.id.clone(),
            candidates: candidates.into_iter().map(|s| s.id.clone()).collect(),
            cursor: 0,
        })
    }

    fn move_cursor(&mut self, forward: bool) {
        let len = self.candidates.len();
        self.cursor = if forward { (self.cursor + 1) % len } else { (self.cursor + len - 1) % len };
    }

    fn candidate(&self, nth: Option<usize>) -> Option<&Rc<str>> {
        self.candidates.get(nth.unwrap_or(self.cursor))
    }
}

impl State {
    pub(super) fn move_link_cursor(&mut self, forward: bool) {
        if let Some(linking) = &mut self.linking {
            linking.move_cursor(forward);
        }
    }

    /// Links to the candidate under the cursor, or (`Some(n)`) to the n-th candidate.
    pub(super) fn pick_link(&mut self, nth: Option<usize>) {
        let target = self.linking.as_ref().and_then(|l| l.candidate(nth)).cloned();
        if let Some(target) = target {
            self.link_to(&target);
        }
    }

    pub(super) fn remove_relation(&mut self, id: &str) {
        let relation = self.active_document().and_then(|d| d.relations().iter().find(|r| &*r.id == id)).cloned();
        if let Some(relation) = relation {
            self.record_span(Edit::Relations { removed: vec![relation], added: Vec::new() });
        }
    }

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
            annotator: self.annotator.clone(),
        }];
        self.selected = Some(linking.from);
        self.record_span(Edit::Relations { removed, added });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::testing::{speakers, state_with, tag};
    use crate::state::{Action, SyncAction};

    #[test]
    fn a_quote_gets_its_speaker_in_two_keystrokes_and_one_only() {
        let text = "Peskov said: “We talk.” Umerov said: “We wait.”";
        let state = [(0, 6, "actor"), (14, 22, "quote"), (24, 30, "actor"), (38, 46, "quote")]
            .into_iter()
            .fold(state_with(text), |s, (a, b, l)| tag(s, a, b, l));
        let first_quote = state.reduce(Action::Select(Some("s2".into()))).reduce(Action::StartLink("said_by".into()));
        let linking = first_quote.linking.clone().unwrap();
        assert_eq!(linking.candidates, ["s3", "s1"].map(Rc::from), "nearest actor first: Umerov is 2 characters away");
        let linked = first_quote.reduce(Action::PickLink(Some(1)));
        assert_eq!(speakers(&linked), [("We talk".into(), "Peskov".into())]);
        assert_eq!(linked.linking, None);
        let second = linked
            .reduce(Action::Select(Some("s4".into())))
            .reduce(Action::StartLink("said_by".into()))
            .reduce(Action::MoveLinkCursor { forward: true })
            .reduce(Action::MoveLinkCursor { forward: false });
        let second = second.reduce(Action::PickLink(None));
        assert_eq!(speakers(&second)[1], ("We wait".into(), "Umerov".into()), "Umerov is nearest to the second quote");
        let replaced = second
            .reduce(Action::Select(Some("s4".into())))
            .reduce(Action::StartLink("said_by".into()))
            .reduce(Action::SelectCycle(vec!["s1".into()]));
        assert_eq!(speakers(&replaced)[1], ("We wait".into(), "Peskov".into()), "a click picks; the old speaker goes");
        assert_eq!(speakers(&replaced).len(), 2);
        let undone = replaced.reduce(Action::Undo);
        assert_eq!(speakers(&undone)[1], ("We wait".into(), "Umerov".into()), "one undo step restores the old speaker");
    }

    #[test]
    fn linking_needs_a_source_of_the_right_label_and_ends_on_anything_else() {
        let state = tag(tag(state_with("Peskov said “no”."), 0, 6, "actor"), 13, 15, "quote");
        let from_actor =
            state.clone().reduce(Action::Select(Some("s1".into()))).reduce(Action::StartLink("said_by".into()));
        assert_eq!(from_actor.linking, None, "an actor is no quote");
        let started = state.reduce(Action::Select(Some("s2".into()))).reduce(Action::StartLink("said_by".into()));
        assert!(started.linking.is_some());
        assert_eq!(started.clone().reduce(Action::CancelLink).linking, None);
        assert_eq!(started.clone().reduce(Action::SelectNeighbour { forward: true }).linking, None);
        assert_eq!(started.reduce(Action::SelectCycle(vec!["s2".into()])).linking, None, "a click elsewhere ends it");
    }

    #[test]
    fn what_arrives_on_its_own_leaves_the_picker_open() {
        let state = tag(tag(state_with("Peskov said “no”."), 0, 6, "actor"), 13, 15, "quote");
        let started = state.reduce(Action::Select(Some("s2".into()))).reduce(Action::StartLink("said_by".into()));
        let saved = SyncAction::Saved { revision: 1, workspace: started.workspace.clone() };
        let after = started.reduce(Action::Sync(saved)).reduce(Action::StorageSaved);
        assert!(after.linking.is_some(), "an autosave while picking keeps the picker");
        assert_eq!(speakers(&after.reduce(Action::PickLink(None))), [("no".into(), "Peskov".into())]);
    }

    #[test]
    fn deleting_a_speaker_takes_the_relation_and_undo_brings_both_back() {
        let state = tag(tag(state_with("Peskov said “no” today."), 0, 6, "actor"), 13, 15, "quote")
            .reduce(Action::Select(Some("s2".into())))
            .reduce(Action::StartLink("said_by".into()))
            .reduce(Action::PickLink(Some(0)));
        assert_eq!(speakers(&state).len(), 1);
        let deleted = state.reduce(Action::Select(Some("s1".into()))).reduce(Action::DeleteSelected);
        assert!(speakers(&deleted).is_empty());
        let undone = deleted.reduce(Action::Undo);
        assert_eq!(speakers(&undone), [("no".into(), "Peskov".into())]);
        let removed = undone.clone().reduce(Action::RemoveRelation("r1".into()));
        assert!(speakers(&removed).is_empty());
        assert_eq!(speakers(&removed.reduce(Action::Undo)).len(), 1);
    }

    #[test]
    fn a_quote_nested_in_another_keeps_its_own_speaker() {
        let text = "Peskov said: “Umerov told us ‘we wait’ today.”";
        let state = [(0, 6, "actor"), (14, 45, "quote"), (14, 20, "actor"), (30, 37, "quote")]
            .into_iter()
            .fold(state_with(text), |s, (a, b, l)| tag(s, a, b, l));
        let doc = state.active_document().unwrap();
        let id_of = |start: usize, label: &str| {
            doc.spans().iter().find(|s| s.start == start && &*s.label == label).unwrap().id.clone()
        };
        let (outer, inner, peskov, umerov) =
            (id_of(14, "quote"), id_of(30, "quote"), id_of(0, "actor"), id_of(14, "actor"));
        let link = |state: State, from: &Rc<str>, to: &Rc<str>| {
            state
                .reduce(Action::Select(Some(from.clone())))
                .reduce(Action::StartLink("said_by".into()))
                .reduce(Action::SelectCycle(vec![to.clone()]))
        };
        let state = link(link(state, &outer, &peskov), &inner, &umerov);
        let mut pairs = speakers(&state);
        pairs.sort();
        assert_eq!(
            pairs,
            [("Umerov told us ‘we wait’ today".into(), "Peskov".into()), ("we wait".into(), "Umerov".into())]
        );
    }

    #[test]
    fn candidates_in_the_quotes_paragraph_come_before_nearer_ones_outside_it() {
        let text = "Dmitry Peskov said: “We work.”\n\nUmerov answered.";
        let state = [(0, 13, "actor"), (21, 28, "quote"), (32, 38, "actor")]
            .into_iter()
            .fold(state_with(text), |s, (a, b, l)| tag(s, a, b, l));
        let linking = state.reduce(Action::Select(Some("s2".into()))).reduce(Action::StartLink("said_by".into()));
        assert_eq!(linking.linking.unwrap().candidates, ["s1", "s3"].map(Rc::from));
    }
}
