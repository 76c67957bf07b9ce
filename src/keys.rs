//! The keyboard map of `shared/ui-contract.md`, as data → command, with no DOM in it: the
//! browser layer hands over what was pressed and carries out the command it gets back.
//! Label keys come from the label set, so a new label's key needs no code.

use std::rc::Rc;

use crate::model::Label;

/// A key press as `KeyboardEvent` reports it (`key` is the produced character or key name).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct KeyPress<'k> {
    pub key: &'k str,
    pub ctrl: bool,
    pub shift: bool,
    pub alt: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Command {
    /// Tag the text selection with this label, or relabel the selected span if there is none.
    Label(Rc<str>),
    DeleteSelected,
    Undo,
    Redo,
    ClearSelection,
}

/// What `press` does, or `None` when the key is not ours (and must reach the page as usual).
pub fn command_for(press: KeyPress, labels: &[Label]) -> Option<Command> {
    if press.ctrl {
        return match press.key {
            "z" | "Z" if press.shift => Some(Command::Redo),
            "z" | "Z" => Some(Command::Undo),
            "y" | "Y" => Some(Command::Redo),
            _ => None,
        };
    }
    match press.key {
        "Delete" | "Backspace" => Some(Command::DeleteSelected),
        "Escape" => Some(Command::ClearSelection),
        key => labels.iter().find(|l| l.key.as_deref() == Some(key)).map(|l| Command::Label(l.id.clone())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::default_labels;

    fn command(key: &str, ctrl: bool, shift: bool) -> Option<Command> {
        command_for(KeyPress { key, ctrl, shift, alt: false }, &default_labels())
    }

    #[test]
    fn contract_keys_map_to_their_commands() {
        assert_eq!(command("1", false, false), Some(Command::Label("actor".into())));
        assert_eq!(command("4", false, false), Some(Command::Label("quote".into())));
        assert_eq!(command("5", false, false), None);
        assert_eq!(command("Delete", false, false), Some(Command::DeleteSelected));
        assert_eq!(command("Backspace", false, false), Some(Command::DeleteSelected));
        assert_eq!(command("z", true, false), Some(Command::Undo));
        assert_eq!(command("Z", true, true), Some(Command::Redo));
        assert_eq!(command("y", true, false), Some(Command::Redo));
        assert_eq!(command("Escape", false, false), Some(Command::ClearSelection));
        assert_eq!(command("1", true, false), None, "Ctrl+1 stays the browser's");
    }

    #[test]
    fn alt_still_tags_so_exact_selections_work() {
        let press = KeyPress { key: "2", alt: true, ..KeyPress::default() };
        assert_eq!(command_for(press, &default_labels()), Some(Command::Label("location".into())));
    }
}
