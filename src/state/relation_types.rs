//! Editing the relation types of the label set: add one (`located_in`: location → …), rename it,
//! bind or unbind its key, delete it. Each action is one [`WorkspaceEdit`], undoable like a span
//! edit; deleting a type takes its relations in every document along, and undo brings them back.
//! The linking flow itself is in `linking`; what a type is, in `model::RelationType`.

use std::rc::Rc;

use super::history::WorkspaceEdit;
use crate::keys::is_relation_key;
use crate::model::{id_from_name, RelationType, Workspace};

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RelationTypeAction {
    Add {
        name: String,
        /// The label a source must have (`None`: any).
        from: Option<Rc<str>>,
        /// The label a target must have (`None`: any).
        to: Option<Rc<str>>,
        /// The key that starts linking ("a"–"z" but j, k, x); a type that had it loses it.
        key: Option<String>,
        /// One link of this type per source at most.
        single: bool,
    },
    Rename {
        id: Rc<str>,
        name: String,
    },
    SetKey {
        id: Rc<str>,
        key: Option<String>,
    },
    Delete {
        id: Rc<str>,
    },
}

/// The edit that `action` makes, or `None` when it changes nothing or is not valid.
pub(super) fn plan(workspace: &Workspace, action: RelationTypeAction) -> Option<WorkspaceEdit> {
    let before = workspace.relation_types.clone();
    let mut after = before.clone();
    let position = |id: &str| before.iter().position(|t| &*t.id == id);
    let known_label = |label: &Option<Rc<str>>| label.as_ref().is_none_or(|id| workspace.label(id).is_some());
    let mut relations = Vec::new();
    match action {
        RelationTypeAction::Add { name, from, to, key, single } => {
            let name = name.trim().to_string();
            if name.is_empty() || !known_label(&from) || !known_label(&to) {
                return None;
            }
            if key.as_deref().is_some_and(|k| !is_relation_key(k)) {
                return None;
            }
            unbind(&mut after, key.as_deref());
            // snake_case, the shape relation types have in brat, doccano and spaCy files.
            let id = id_from_name(&name, '_', "relation", |id| before.iter().any(|t| &*t.id == id));
            after.push(RelationType { id, name, key, from_label: from, to_label: to, single });
        }
        RelationTypeAction::Rename { id, name } => {
            let name = name.trim().to_string();
            if name.is_empty() {
                return None;
            }
            after[position(&id)?].name = name;
        }
        RelationTypeAction::SetKey { id, key } => {
            let at = position(&id)?;
            if key.as_deref().is_some_and(|k| !is_relation_key(k)) {
                return None;
            }
            unbind(&mut after, key.as_deref());
            after[at].key = key;
        }
        RelationTypeAction::Delete { id } => {
            after.remove(position(&id)?);
            for doc in &workspace.documents {
                for relation in doc.relations().iter().filter(|r| *r.kind == *id) {
                    relations.push((doc.id.clone(), relation.clone()));
                }
            }
        }
    }
    if after == before {
        return None;
    }
    Some(WorkspaceEdit::Batch(vec![
        WorkspaceEdit::Relations { relations, removed: true },
        WorkspaceEdit::RelationTypes { before, after },
    ]))
}

/// Takes `key` from whichever type has it, so one key starts one kind of link.
fn unbind(types: &mut [RelationType], key: Option<&str>) {
    for kind in types.iter_mut().filter(|t| key.is_some() && t.key.as_deref() == key) {
        kind.key = None;
    }
}

/// Each relation kind used in `documents` that `types` does not declare, as a type of its own
/// (how relations from doccano or brat files become pickable and deletable).
pub(super) fn undeclared<'d>(
    types: &[RelationType],
    documents: impl IntoIterator<Item = &'d crate::model::Document>,
) -> Vec<RelationType> {
    let mut found: Vec<RelationType> = Vec::new();
    for relation in documents.into_iter().flat_map(|d| d.relations()) {
        let known = types.iter().chain(&found).any(|t| *t.id == *relation.kind);
        if !known {
            found.push(RelationType::undeclared(&relation.kind));
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::testing::{export_of, open_files, speakers, state_with, tag};
    use crate::state::{Action, State};

    fn add_located_in(state: State, key: &str) -> State {
        state.reduce(Action::RelationTypes(RelationTypeAction::Add {
            name: " located in ".into(),
            from: Some("actor".into()),
            to: Some("location".into()),
            key: Some(key.into()),
            single: false,
        }))
    }

    #[test]
    fn a_custom_relation_type_links_by_the_same_flow() {
        let text = "Peskov spoke in Geneva, not in Paris.";
        let state = [(0, 6, "actor"), (16, 22, "location"), (31, 36, "location")]
            .into_iter()
            .fold(state_with(text), |s, (a, b, l)| tag(s, a, b, l));
        let state = add_located_in(state, "l");
        let kind = state.workspace.relation_type("located_in").cloned().unwrap();
        assert_eq!((kind.name.as_str(), kind.key.as_deref()), ("located in", Some("l")), "trimmed, snake_case id");
        let linking = state.reduce(Action::Select(Some("s1".into()))).reduce(Action::StartLink("located_in".into()));
        assert_eq!(linking.linking.as_ref().unwrap().candidates, ["s2", "s3"].map(Rc::from), "locations only");
        let one = linking.reduce(Action::PickLink(None));
        let both = one.reduce(Action::StartLink("located_in".into())).reduce(Action::PickLink(Some(1)));
        assert_eq!(
            speakers(&both),
            [("Peskov".into(), "Geneva".into()), ("Peskov".into(), "Paris".into())],
            "not single: a second link adds, it does not replace"
        );
        assert!(both.active_document().unwrap().relations().iter().all(|r| r.kind == "located_in"));
        let from_location =
            both.reduce(Action::Select(Some("s2".into()))).reduce(Action::StartLink("located_in".into()));
        assert_eq!(from_location.linking, None, "a location is not a source of located_in");
        let no_quote = state_with(text).reduce(Action::StartLink("located_in".into()));
        assert_eq!(no_quote.linking, None, "a type that is not in the label set starts nothing");
    }

    #[test]
    fn relation_type_keys_are_letters_that_no_other_command_or_type_has() {
        let state = state_with("x");
        for refused in ["j", "k", "x", "1", "L", "ll", "?"] {
            assert!(
                add_located_in(state.clone(), refused).workspace.relation_type("located_in").is_none(),
                "{refused}"
            );
        }
        let took_s = add_located_in(state.clone(), "s");
        assert_eq!(took_s.workspace.relation_type("said_by").unwrap().key, None, "the key moves to the new type");
        assert_eq!(took_s.workspace.relation_type("located_in").unwrap().key.as_deref(), Some("s"));
        let rekeyed = took_s
            .reduce(Action::RelationTypes(RelationTypeAction::SetKey { id: "said_by".into(), key: Some("s".into()) }));
        assert_eq!(rekeyed.workspace.relation_type("located_in").unwrap().key, None);
        let renamed = rekeyed.reduce(Action::RelationTypes(RelationTypeAction::Rename {
            id: "located_in".into(),
            name: "based in".into(),
        }));
        assert_eq!(renamed.workspace.relation_type("located_in").unwrap().name, "based in", "the id stays");
        let twice = add_located_in(add_located_in(state.clone(), "l"), "m");
        assert!(twice.workspace.relation_type("located_in_2").is_some(), "a second type of that name gets its own id");
        let to_nowhere = state.reduce(Action::RelationTypes(RelationTypeAction::Add {
            name: "x".into(),
            from: Some("no-such-label".into()),
            to: None,
            key: None,
            single: true,
        }));
        assert_eq!(to_nowhere.workspace.relation_types, crate::model::default_relation_types());
    }

    #[test]
    fn deleting_a_relation_type_takes_its_relations_and_undo_brings_both_back() {
        let state = [(0, 6, "actor"), (16, 22, "location")]
            .into_iter()
            .fold(state_with("Peskov spoke in Geneva."), |s, (a, b, l)| tag(s, a, b, l));
        let linked = add_located_in(state, "l")
            .reduce(Action::Select(Some("s1".into())))
            .reduce(Action::StartLink("located_in".into()))
            .reduce(Action::PickLink(None));
        assert_eq!(speakers(&linked).len(), 1);
        let deleted =
            linked.clone().reduce(Action::RelationTypes(RelationTypeAction::Delete { id: "located_in".into() }));
        assert!(deleted.workspace.relation_type("located_in").is_none());
        assert!(speakers(&deleted).is_empty());
        let undone = deleted.reduce(Action::Undo);
        assert_eq!(export_of(&undone), export_of(&linked), "one undo step restores the type and its relation");
    }

    #[test]
    fn relation_types_survive_export_and_open_and_undeclared_kinds_become_types() {
        let state = add_located_in(state_with("Peskov spoke in Geneva."), "l");
        let json = export_of(&state);
        let reopened = state_with("other").reduce(open_files(vec![("w.json".into(), json.into_bytes())]));
        assert_eq!(reopened.workspace.relation_types, state.workspace.relation_types);
        let doccano = concat!(
            r#"{"text": "Peskov spoke in Geneva.", "entities": [{"id": 1, "label": "actor", "start_offset": 0, "#,
            r#""end_offset": 6}, {"id": 2, "label": "location", "start_offset": 16, "end_offset": 22}], "#,
            r#""relations": [{"id": 1, "from_id": 1, "to_id": 2, "type": "based_in"}]}"#
        );
        let opened = state_with("other").reduce(open_files(vec![("d.jsonl".into(), doccano.as_bytes().to_vec())]));
        let kind = opened.workspace.relation_type("based_in").cloned().expect("the doccano relation type is declared");
        assert_eq!((kind.name.as_str(), kind.key, kind.from_label, kind.single), ("based in", None, None, false));
        assert_eq!(opened.reduce(Action::Undo).workspace.relation_types, crate::model::default_relation_types());
    }
}
