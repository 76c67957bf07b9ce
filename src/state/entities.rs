//! Grouping mentions into entities: proposals the person confirms, and the edits they make
//! (group, add a mention, take one out, rename, merge). An entity's id is the same in every
//! document that mentions it; each edit is one undo step over every document it touches.
//!
//! Not for: how names are compared (`text::names`).

use std::collections::hash_map::Entry;
use std::collections::HashMap;
use std::rc::Rc;

use super::history::{EntityChange, EntityMove, WorkspaceEdit};
use super::State;
use crate::model::{Document, Entity, Workspace};
use crate::text::names::{canonical_name, is_short_form, name_key};

/// Labels whose mentions are grouped into entities.
pub const ENTITY_LABELS: &[&str] = &["actor", "location"];

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EntityAction {
    /// Group these spans of the open document; into `entity` if given, else a new one named `name`.
    Group {
        entity: Option<Rc<str>>,
        name: String,
        label: Rc<str>,
        mentions: Vec<Rc<str>>,
    },
    /// Take a mention out of its entity.
    Ungroup {
        span: Rc<str>,
    },
    Rename {
        entity: Rc<str>,
        name: String,
    },
    /// Every mention of `from`, in every document, joins `into`.
    Merge {
        into: Rc<str>,
        from: Rc<str>,
    },
}

/// A group of mentions in the open document that seem to name one thing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Proposal {
    pub label: Rc<str>,
    pub name: String,
    pub mentions: Vec<Rc<str>>,
    /// An entity of the workspace these mentions seem to name, when there is one.
    pub entity: Option<Rc<str>>,
}

/// Groups the open document's ungrouped actor and location mentions by name key (case,
/// diacritics, possessives, titles and -y/-yy/-iy variants ignored); a surname-only mention
/// joins the one full name in the document it ends. A group is proposed when it has two or
/// more mentions, or when it names an entity the workspace already has.
pub fn proposals(workspace: &Workspace, doc: &Document) -> Vec<Proposal> {
    let mut groups: Vec<Group> = Vec::new();
    // Each group's place by label and key: a document names hundreds of things, and looking
    // each mention's group up in the list made this quadratic, on every edit.
    let mut by_key: HashMap<(Rc<str>, Vec<String>), usize> = HashMap::new();
    let ungrouped = doc.spans().iter().filter(|s| s.entity.is_none() && ENTITY_LABELS.contains(&&*s.label));
    // A name comes back: each wording's key is worked out once.
    let mut keys: HashMap<&str, Vec<String>> = HashMap::new();
    for span in ungrouped {
        let text = doc.slice(span.start, span.end);
        let key = keys.entry(text).or_insert_with(|| name_key(text));
        if key.is_empty() {
            continue;
        }
        match by_key.entry((span.label.clone(), key.clone())) {
            Entry::Occupied(at) => groups[*at.get()].mentions.push(span.id.clone()),
            Entry::Vacant(place) => {
                let key = place.key().1.clone();
                place.insert(groups.len());
                groups.push(Group {
                    label: span.label.clone(),
                    key,
                    mentions: vec![span.id.clone()],
                    name: canonical_name(text),
                });
            }
        }
    }
    let (short, mut full): (Vec<Group>, Vec<Group>) = groups.into_iter().partition(|g| g.key.len() == 1);
    for group in short {
        let mut longer = full.iter_mut().filter(|g| g.label == group.label && is_short_form(&group.key, &g.key));
        match (longer.next(), longer.next()) {
            (Some(only), None) => only.mentions.extend(group.mentions),
            _ => full.push(group),
        }
    }
    let known: Vec<(&Entity, Vec<String>)> = workspace.entities().into_iter().map(|e| (e, name_key(&e.name))).collect();
    full.into_iter()
        .filter_map(|group| {
            let entity = known
                .iter()
                .find(|(e, key)| e.label == group.label && (*key == group.key || is_short_form(&group.key, key)))
                .map(|(e, _)| *e);
            (group.mentions.len() >= 2 || entity.is_some()).then(|| {
                let mut mentions = group.mentions;
                crate::sort::sort_by_key(&mut mentions, |id| doc.span(id).map(|s| s.start));
                Proposal {
                    label: group.label,
                    name: entity.map_or(group.name, |e| e.name.clone()),
                    mentions,
                    entity: entity.map(|e| e.id.clone()),
                }
            })
        })
        .collect()
}

/// A proposal's mentions in words: each wording once, in reading order, with how often it
/// occurs when more than once ("Kaja Kallas ×3 · Kallas"). A name mentioned hundreds of times
/// reads as one line, not hundreds.
pub fn mentions_in_words(doc: &Document, mentions: &[Rc<str>]) -> String {
    let mut wordings: Vec<(&str, usize)> = Vec::new();
    let mut at: HashMap<&str, usize> = HashMap::new();
    for span in mentions.iter().filter_map(|id| doc.span(id)) {
        let text = doc.slice(span.start, span.end);
        match at.entry(text) {
            Entry::Occupied(i) => wordings[*i.get()].1 += 1,
            Entry::Vacant(place) => {
                place.insert(wordings.len());
                wordings.push((text, 1));
            }
        }
    }
    let words = wordings.iter().map(|(text, n)| if *n > 1 { format!("{text} ×{n}") } else { text.to_string() });
    words.collect::<Vec<_>>().join(" · ")
}

/// `mentions` with the rest of the proposal they belong to as the document stands now: a
/// proposal is shown after the edits that made it settle, so one accepted right after a new
/// mention was tagged still takes that mention in.
fn as_proposed_now(workspace: &Workspace, doc: &Document, label: &str, mut mentions: Vec<Rc<str>>) -> Vec<Rc<str>> {
    let now = proposals(workspace, doc)
        .into_iter()
        .find(|p| &*p.label == label && p.mentions.iter().any(|m| mentions.contains(m)));
    for mention in now.map(|p| p.mentions).unwrap_or_default() {
        if !mentions.contains(&mention) {
            mentions.push(mention);
        }
    }
    mentions
}

/// Mentions of one document that share a name key.
struct Group {
    label: Rc<str>,
    key: Vec<String>,
    mentions: Vec<Rc<str>>,
    name: String,
}

impl State {
    pub(super) fn entities(&mut self, action: EntityAction) {
        let changes = match action {
            EntityAction::Group { entity, name, label, mentions } => self.plan_group(entity, name, label, mentions),
            EntityAction::Ungroup { span } => self.plan_in_active(|doc| {
                let span = doc.span(&span).filter(|s| s.entity.is_some())?;
                Some((doc.entity_table().to_vec(), vec![(span.id.clone(), span.entity.clone(), None)]))
            }),
            EntityAction::Rename { entity, name } => {
                let name = name.trim().to_string();
                if name.is_empty() {
                    return;
                }
                self.plan_everywhere(|doc| {
                    let table = doc.entity_table();
                    let at = table.iter().position(|e| e.id == entity && e.name != name)?;
                    let mut after = table.to_vec();
                    after[at].name = name.clone();
                    Some((after, Vec::new()))
                })
            }
            EntityAction::Merge { into, from } => {
                let Some(target) = self.workspace.entities().into_iter().find(|e| e.id == into).cloned() else {
                    return;
                };
                if into == from {
                    return;
                }
                self.plan_everywhere(|doc| {
                    let moved: Vec<_> = doc
                        .spans()
                        .iter()
                        .filter(|s| s.entity.as_ref() == Some(&from))
                        .map(|s| (s.id.clone(), s.entity.clone(), Some(into.clone())))
                        .collect();
                    if moved.is_empty() {
                        return None;
                    }
                    let mut table: Vec<Entity> = doc.entity_table().iter().filter(|e| e.id != from).cloned().collect();
                    if !table.iter().any(|e| e.id == into) {
                        table.push(target.clone());
                    }
                    Some((table, moved))
                })
            }
        };
        if !changes.is_empty() {
            self.record_workspace(WorkspaceEdit::Entities(changes));
        }
    }

    fn plan_group(
        &self,
        entity: Option<Rc<str>>,
        name: String,
        label: Rc<str>,
        mentions: Vec<Rc<str>>,
    ) -> Vec<EntityChange> {
        let mentions = match self.active_document() {
            Some(doc) => as_proposed_now(&self.workspace, doc, &label, mentions),
            None => mentions,
        };
        let existing = entity.and_then(|id| self.workspace.entities().into_iter().find(|e| e.id == id).cloned());
        let name = name.trim().to_string();
        let record = match existing {
            Some(entity) => entity,
            None if name.is_empty() => return Vec::new(),
            None => Entity { id: self.workspace.fresh_entity_id(), label, name },
        };
        self.plan_in_active(|doc| {
            let assignments: Vec<_> = mentions
                .iter()
                .filter_map(|id| doc.span(id))
                .filter(|s| s.entity.as_ref() != Some(&record.id))
                .map(|s| (s.id.clone(), s.entity.clone(), Some(record.id.clone())))
                .collect();
            if assignments.is_empty() {
                return None;
            }
            let mut table = doc.entity_table().to_vec();
            if !table.iter().any(|e| e.id == record.id) {
                table.push(record.clone());
            }
            Some((table, assignments))
        })
    }

    fn plan_in_active(&self, plan: impl Fn(&Document) -> Option<EntityPlan>) -> Vec<EntityChange> {
        self.active_document().and_then(|doc| change_of(doc, plan(doc)?)).into_iter().collect()
    }

    fn plan_everywhere(&self, plan: impl Fn(&Document) -> Option<EntityPlan>) -> Vec<EntityChange> {
        self.workspace.documents.iter().filter_map(|doc| change_of(doc, plan(doc)?)).collect()
    }
}

/// A document's new entity table and the spans whose entity changes (before, after).
type EntityPlan = (Vec<Entity>, Vec<EntityMove>);

fn change_of(doc: &Document, (table_after, spans): EntityPlan) -> Option<EntityChange> {
    Some(EntityChange { document: doc.id.clone(), table_before: doc.entity_table().to_vec(), table_after, spans })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::testing::{state_with, tag};
    use crate::state::Action;

    const ZELENSKY: &str = "Volodymyr Zelensky met Macron. Zelenskyy said no. Ukrainian President Volodymyr Zelensky's aide left Kyiv for Kyiv.";

    fn zelensky_state() -> State {
        let text = ZELENSKY;
        let find = |needle: &str, nth: usize| {
            let byte = text.match_indices(needle).nth(nth).unwrap().0;
            let start = text[..byte].chars().count();
            (start, start + needle.chars().count())
        };
        let spans = [
            (find("Volodymyr Zelensky", 0), "actor", true),
            (find("Macron", 0), "actor", false),
            (find("Zelenskyy", 0), "actor", false),
            (find("Ukrainian President Volodymyr Zelensky's", 0), "actor", true),
            (find("Kyiv", 0), "location", false),
            (find("Kyiv", 1), "location", false),
        ];
        spans.into_iter().fold(state_with(text), |s, ((a, b), l, exact)| {
            s.reduce(Action::Tag { start: a, end: b, label: l.into(), exact })
        })
    }

    fn entity_names(state: &State) -> Vec<(String, usize)> {
        state.workspace.entities().iter().map(|e| (e.name.clone(), state.workspace.mention_count(&e.id))).collect()
    }

    #[test]
    fn one_person_written_three_ways_is_proposed_as_one_entity() {
        let state = zelensky_state();
        let doc = state.active_document().unwrap();
        let proposals = proposals(&state.workspace, doc);
        let texts = |p: &Proposal| {
            p.mentions
                .iter()
                .map(|id| {
                    let s = doc.span(id).unwrap();
                    doc.slice(s.start, s.end).to_string()
                })
                .collect::<Vec<_>>()
        };
        assert_eq!(proposals.len(), 2, "{proposals:?}");
        assert_eq!(proposals[0].name, "Volodymyr Zelensky");
        assert_eq!(
            texts(&proposals[0]),
            ["Volodymyr Zelensky", "Zelenskyy", "Ukrainian President Volodymyr Zelensky's"]
        );
        assert_eq!((proposals[1].name.as_str(), proposals[1].mentions.len()), ("Kyiv", 2));
        assert_eq!(
            mentions_in_words(doc, &proposals[0].mentions),
            "Volodymyr Zelensky · Zelenskyy · Ukrainian President Volodymyr Zelensky's"
        );
        assert_eq!(mentions_in_words(doc, &proposals[1].mentions), "Kyiv ×2");
    }

    #[test]
    fn a_proposal_accepted_after_another_mention_was_tagged_takes_that_mention_too() {
        let text = "Kyiv rose. Kyiv fell. Kyiv slept.";
        let tag = |state: State, start: usize| {
            state.reduce(Action::Tag { start, end: start + 4, label: "location".into(), exact: true })
        };
        let state = tag(tag(state_with(text), 0), 11);
        let shown = proposals(&state.workspace, state.active_document().unwrap()).remove(0);
        assert_eq!(shown.mentions.len(), 2);
        // The third is tagged before the panel shows the proposal again.
        let state = tag(state, 22);
        let grouped = state.reduce(Action::Entities(EntityAction::Group {
            entity: None,
            name: shown.name,
            label: shown.label,
            mentions: shown.mentions,
        }));
        assert_eq!(entity_names(&grouped), [("Kyiv".to_string(), 3)]);
    }

    #[test]
    fn a_name_mentioned_hundreds_of_times_is_one_proposal_in_first_mention_order() {
        let text = "Maia Sandu met Kaja Kallas. ".repeat(300) + "Sandu left.";
        let mut state = state_with(&text);
        for n in 0..300 {
            let at = n * 28;
            state = state.reduce(Action::Tag { start: at, end: at + 10, label: "actor".into(), exact: true });
            state = state.reduce(Action::Tag { start: at + 15, end: at + 26, label: "actor".into(), exact: true });
        }
        let end = text.chars().count();
        state = state.reduce(Action::Tag { start: end - 11, end: end - 6, label: "actor".into(), exact: true });
        let doc = state.active_document().unwrap();
        let proposals = proposals(&state.workspace, doc);
        let summary: Vec<_> =
            proposals.iter().map(|p| (p.name.as_str(), mentions_in_words(doc, &p.mentions))).collect();
        assert_eq!(
            summary,
            [("Maia Sandu", "Maia Sandu ×300 · Sandu".to_string()), ("Kaja Kallas", "Kaja Kallas ×300".to_string())]
        );
    }

    fn accept(state: State, proposal: &Proposal) -> State {
        state.reduce(Action::Entities(EntityAction::Group {
            entity: proposal.entity.clone(),
            name: proposal.name.clone(),
            label: proposal.label.clone(),
            mentions: proposal.mentions.clone(),
        }))
    }

    #[test]
    fn grouping_renaming_splitting_and_merging_are_each_one_undo_step() {
        let state = zelensky_state();
        let proposal = proposals(&state.workspace, state.active_document().unwrap())[0].clone();
        let grouped = accept(state.clone(), &proposal);
        assert_eq!(entity_names(&grouped), [("Volodymyr Zelensky".to_string(), 3)]);
        assert!(proposals(&grouped.workspace, grouped.active_document().unwrap())
            .iter()
            .all(|p| p.name != "Volodymyr Zelensky"));
        let renamed = grouped
            .clone()
            .reduce(Action::Entities(EntityAction::Rename { entity: "e1".into(), name: "Zelenskyy".into() }));
        assert_eq!(entity_names(&renamed)[0].0, "Zelenskyy");
        let split = renamed.reduce(Action::Entities(EntityAction::Ungroup { span: proposal.mentions[1].clone() }));
        assert_eq!(entity_names(&split)[0].1, 2);
        // Macron grouped alone, then merged into Zelensky by mistake, and the merge undone.
        let doc = split.active_document().unwrap();
        let macron: Rc<str> = doc.spans().iter().find(|s| doc.slice(s.start, s.end) == "Macron").unwrap().id.clone();
        let two = split.reduce(Action::Entities(EntityAction::Group {
            entity: None,
            name: "Emmanuel Macron".into(),
            label: "actor".into(),
            mentions: vec![macron],
        }));
        assert_eq!(entity_names(&two).len(), 2);
        let merged = two.clone().reduce(Action::Entities(EntityAction::Merge { into: "e1".into(), from: "e2".into() }));
        assert_eq!(entity_names(&merged), [("Zelenskyy".to_string(), 3)]);
        let unmerged = merged.reduce(Action::Undo);
        assert_eq!(unmerged.workspace, two.workspace, "undoing the merge brings both entities back");
        let back = unmerged.reduce(Action::Undo).reduce(Action::Undo).reduce(Action::Undo).reduce(Action::Undo);
        assert_eq!(back.workspace, state.workspace);
    }

    #[test]
    fn entity_ids_are_shared_across_documents_and_survive_export() {
        let state = zelensky_state();
        let proposal = proposals(&state.workspace, state.active_document().unwrap())[0].clone();
        let grouped = accept(state, &proposal)
            .reduce(Action::NewFromText { name: "two.txt".into(), text: "Later, Zelensky spoke.".into() });
        let tagged = tag(grouped, 7, 15, "actor");
        let proposal = proposals(&tagged.workspace, tagged.active_document().unwrap()).remove(0);
        assert_eq!((proposal.entity.as_deref(), proposal.name.as_str()), (Some("e1"), "Volodymyr Zelensky"));
        let both = accept(tagged, &proposal);
        assert_eq!(entity_names(&both), [("Volodymyr Zelensky".to_string(), 4)]);
        let json = crate::formats::native::export(
            &both.workspace.labels,
            &both.workspace.relation_types,
            both.workspace.documents.iter().map(|d| &**d),
        );
        let value: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(value["documents"][0]["entities"][0]["id"], "e1");
        assert_eq!(value["documents"][1]["entities"][0]["id"], "e1");
        assert_eq!(value["documents"][1]["entities"][0]["mentions"].as_array().unwrap().len(), 1);
        let reopened = crate::formats::native::import("w.json", &json).unwrap();
        assert_eq!(reopened.documents, both.workspace.documents.iter().map(|d| (**d).clone()).collect::<Vec<_>>());
    }

    #[test]
    fn deleting_a_mention_and_undoing_keeps_it_in_its_entity() {
        let state = zelensky_state();
        let proposal = proposals(&state.workspace, state.active_document().unwrap())[0].clone();
        let grouped = accept(state, &proposal);
        let deleted =
            grouped.clone().reduce(Action::Select(Some(proposal.mentions[0].clone()))).reduce(Action::DeleteSelected);
        assert_eq!(entity_names(&deleted)[0].1, 2);
        assert_eq!(deleted.reduce(Action::Undo).workspace, grouped.workspace);
    }
}
