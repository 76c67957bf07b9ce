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
