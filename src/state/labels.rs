//! Editing the label set: each action becomes one [`WorkspaceEdit`], so it is undoable like
//! any span edit. Deleting a label takes its spans in every document along (the view asks
//! first when there are any), and undo brings them back.
//!
//! Not for: relation types (`relation_types`) or how labels are drawn (`components::label_style`).

use std::rc::Rc;

use super::history::WorkspaceEdit;
use crate::model::{id_from_name, Label, Workspace};

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LabelAction {
    Add {
        name: String,
        color: String,
    },
    Rename {
        id: Rc<str>,
        name: String,
    },
    Recolor {
        id: Rc<str>,
        color: String,
    },
    /// Binds `key` ("1"–"9") to the label; a label that had that key loses it. `None` unbinds.
    SetKey {
        id: Rc<str>,
        key: Option<String>,
    },
    /// Moves the label one place towards the end (`forward`) or the start of the list.
    Move {
        id: Rc<str>,
        forward: bool,
    },
    Delete {
        id: Rc<str>,
    },
}

/// Colours for new labels, in order: distinct, and 3:1 or better against both themes' backgrounds.
pub const PALETTE: &[&str] = &["#a0665a", "#0f8b9a", "#7f7f7f", "#8a8a1a", "#9467bd", "#e03a3a"];

/// The edit that `action` makes, or `None` when it changes nothing or is not valid.
pub(super) fn plan(workspace: &Workspace, action: LabelAction) -> Option<WorkspaceEdit> {
    let before = workspace.labels.clone();
    let mut after = before.clone();
    let position = |id: &str| before.iter().position(|l| &*l.id == id);
    let mut spans = Vec::new();
    match action {
        LabelAction::Add { name, color } => {
            let name = name.trim().to_string();
            if name.is_empty() {
                return None;
            }
            let id = id_from_name(&name, '-', "label", |id| before.iter().any(|l| &*l.id == id));
            let key = (1..=9).map(|k| k.to_string()).find(|k| !before.iter().any(|l| l.key.as_ref() == Some(k)));
            let color = if is_hex_color(&color) { color } else { PALETTE[before.len() % PALETTE.len()].to_string() };
            after.push(Label { id, name, color, key });
        }
        LabelAction::Rename { id, name } => {
            let name = name.trim().to_string();
            if name.is_empty() {
                return None;
            }
            after[position(&id)?].name = name;
        }
        LabelAction::Recolor { id, color } => {
            if !is_hex_color(&color) {
                return None;
            }
            after[position(&id)?].color = color;
        }
        LabelAction::SetKey { id, key } => {
            let at = position(&id)?;
            if key.as_deref().is_some_and(|k| !matches!(k, "1" | "2" | "3" | "4" | "5" | "6" | "7" | "8" | "9")) {
                return None;
            }
            for label in after.iter_mut().filter(|l| key.is_some() && l.key == key) {
                label.key = None;
            }
            after[at].key = key;
        }
        LabelAction::Move { id, forward } => {
            let at = position(&id)?;
            let to = if forward { at + 1 } else { at.checked_sub(1)? };
            if to >= after.len() {
                return None;
            }
            after.swap(at, to);
        }
        LabelAction::Delete { id } => {
            after.remove(position(&id)?);
            for doc in &workspace.documents {
                for span in doc.spans().iter().filter(|s| s.label == id) {
                    let relations =
                        doc.relations().iter().filter(|r| r.from == span.id || r.to == span.id).cloned().collect();
                    spans.push((doc.id.clone(), span.clone(), relations));
                }
            }
        }
    }
    if after == before {
        return None;
    }
    Some(WorkspaceEdit::Batch(vec![
        WorkspaceEdit::Spans { spans, removed: true },
        WorkspaceEdit::Labels { before, after },
    ]))
}

fn is_hex_color(color: &str) -> bool {
    color.len() == 7 && color.starts_with('#') && color[1..].chars().all(|c| c.is_ascii_hexdigit())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::testing::{state_with, tag, texts};
    use crate::state::Action;

    #[test]
    fn label_set_edits_are_undoable_and_deleting_a_label_takes_its_spans() {
        let add = |name: &str| Action::Labels(LabelAction::Add { name: name.into(), color: "#123456".into() });
        let state = tag(state_with("Peskov said"), 0, 6, "actor").reduce(add("Quote source"));
        let label = state.workspace.labels.last().unwrap().clone();
        assert_eq!((&*label.id, label.key.as_deref()), ("quote-source", Some("5")));
        let state = state
            .reduce(Action::Labels(LabelAction::Rename { id: "actor".into(), name: "Person".into() }))
            .reduce(Action::Labels(LabelAction::Recolor { id: "actor".into(), color: "#000000".into() }))
            .reduce(Action::Labels(LabelAction::SetKey { id: "quote-source".into(), key: Some("1".into()) }))
            .reduce(Action::Labels(LabelAction::Move { id: "quote-source".into(), forward: false }));
        let actor = state.workspace.label("actor").unwrap();
        assert_eq!((actor.name.as_str(), actor.color.as_str(), actor.key.clone()), ("Person", "#000000", None));
        assert_eq!(&*state.workspace.labels[3].id, "quote-source");
        let deleted = state.clone().reduce(Action::Labels(LabelAction::Delete { id: "actor".into() }));
        assert!(deleted.workspace.label("actor").is_none());
        assert!(texts(&deleted).is_empty(), "its spans went with it");
        let undone = deleted.reduce(Action::Undo);
        assert_eq!(undone.workspace, state.workspace, "undo brings label and spans back");
        let mut all_undone = undone;
        for _ in 0..6 {
            all_undone = all_undone.reduce(Action::Undo);
        }
        assert_eq!(all_undone.workspace.labels, crate::model::default_labels());
        assert!(
            all_undone
                .reduce(Action::Labels(LabelAction::Add { name: " ".into(), color: String::new() }))
                .workspace
                .labels
                .len()
                == 4
        );
    }
}
