//! The keyboard map of `shared/ui-contract.md`, as data → command, with no DOM in
//! it: the browser layer says what was pressed and what the page looks like, and carries out
//! the command it gets back. Label keys come from the label set, so a new label needs no code.

use std::rc::Rc;

use crate::model::{Label, RelationType, SpanEdge};

/// A key press as `KeyboardEvent` reports it (`key` is the produced character or key name).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct KeyPress<'k> {
    pub key: &'k str,
    pub ctrl: bool,
    pub shift: bool,
    pub alt: bool,
}

/// What the page looks like when the key is pressed; the same key means different things.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct KeyContext {
    /// The article element has the keyboard focus.
    pub article_focused: bool,
    /// A span is selected.
    pub span_selected: bool,
    /// Some text of the article is selected (not collapsed).
    pub text_selected: bool,
    /// The relation picker is open (arrows, Enter, digits and Escape are its own).
    pub linking: bool,
    /// Suggestions are shown (Enter accepts the one under the cursor, x rejects it).
    pub suggestions: bool,
    /// The key goes to a text field, a list or a checkbox: only the focus key is ours there.
    pub typing: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Command {
    /// Tag the text selection with this label, or relabel the selected span if there is none.
    Label(Rc<str>),
    DeleteSelected,
    Undo,
    Redo,
    ClearSelection,
    SelectNext,
    SelectPrevious,
    /// Move an edge of the selected span by one word.
    Resize {
        edge: SpanEdge,
        forward: bool,
    },
    /// Move the text caret by a word, or extend the text selection by one (keyboard tagging).
    MoveCaret {
        forward: bool,
        extend: bool,
    },
    ToggleHelp,
    /// Open the next (or previous) document of the list.
    SwitchDocument {
        forward: bool,
    },
    /// Start linking the selected span by this relation type.
    Link(Rc<str>),
    MoveLinkCursor {
        forward: bool,
    },
    /// Link to the candidate under the cursor, or to the n-th (0-based).
    PickLink(Option<usize>),
    CancelLink,
    AcceptSuggestion,
    RejectSuggestion,
    OpenFind,
    /// Put the keyboard focus on the article, from wherever it is.
    FocusArticle,
}

/// Every key, as the help overlay and the README list it (label keys and relation keys, `s` for
/// a quote's speaker among them, are added from the label set).
pub const KEY_HELP: &[(&str, &str)] = &[
    ("select text, then a label key", "tag the selection (snapped to whole words)"),
    ("Alt while selecting", "keep the exact characters, no snapping"),
    ("a label key with a span selected", "relabel the span"),
    ("click a span; click again", "select it; then the next enclosing span"),
    ("j / k", "next / previous span"),
    ("Tab / Shift+Tab", "next / previous control: toolbar, article, span card, side panel, documents"),
    (FOCUS_ARTICLE_KEYS, "put the keyboard focus on the article, from anywhere"),
    ("Shift+← / Shift+→", "move the selected span's end by a word"),
    ("Alt+Shift+← / Alt+Shift+→", "move the selected span's start by a word"),
    ("← / → (in the article)", "move the text caret by a word (from the selected span)"),
    ("Shift+← / Shift+→ (no span selected)", "extend the text selection by a word"),
    ("drag a selected span's edge", "move that edge (snapped to words)"),
    ("Enter / x (suggestions shown)", "accept the suggestion under the cursor and go on / reject it"),
    ("/", "find: every match highlighted, then tag all as a label"),
    ("Delete / Backspace", "delete the selected span"),
    ("Alt+↑ / Alt+↓", "previous / next document"),
    ("Ctrl+Z / Ctrl+Shift+Z or Ctrl+Y", "undo / redo"),
    ("Escape", "clear the selection, close this help"),
    ("?", "show or hide this help"),
];

/// The compare view's keys, as the help overlay lists them: the key values pressed (as
/// `KeyboardEvent.key` gives them), how they are written, and what they do there. The reducer's
/// `state::compare_key` reads the same keys.
pub const COMPARE_KEY_HELP: &[(&[&str], &str, &str)] = &[
    (&["n", "j", "ArrowDown"], "n / j / ↓", "next disagreement (spans, then links)"),
    (&["p", "k", "ArrowUp"], "p / k / ↑", "previous disagreement"),
    (
        &["1", "2", "3", "4", "5", "6", "7", "8", "9"],
        "1–9",
        "keep that annotator's version (at a link disagreement: their links and speaker)",
    ),
    (&["b"], "b", "keep both: every annotator's version (not for links)"),
    (&["x"], "x", "keep neither version (at a link disagreement: no links)"),
    (&["a"], "a", "keep every span all annotators agree on"),
    (&["g"], "g", "save the gold copy as a document of its own"),
    (&["Escape"], "Escape", "close the compare view"),
    (&["?"], "?", "show or hide this help"),
];

/// The key that focuses the article; it works in text fields too, so it carries a modifier.
pub const FOCUS_ARTICLE_KEYS: &str = "Alt+A";

/// Letters the key map gives to something else (next/previous span, reject a suggestion), so a
/// relation type cannot have them.
const TAKEN_LETTERS: &[&str] = &["j", "k", "x"];

/// Whether `key` may start linking by a relation type: one lower-case letter a–z, not taken.
pub fn is_relation_key(key: &str) -> bool {
    key.len() == 1 && key.chars().all(|c| c.is_ascii_lowercase()) && !TAKEN_LETTERS.contains(&key)
}

/// What `press` does in `context`, or `None` when the key is not ours (and must reach the page).
pub fn command_for(
    press: KeyPress,
    context: KeyContext,
    labels: &[Label],
    relation_types: &[RelationType],
) -> Option<Command> {
    if press.alt && !press.ctrl && matches!(press.key, "a" | "A") {
        return Some(Command::FocusArticle);
    }
    if context.typing {
        return None;
    }
    if context.linking && !press.ctrl && !press.alt {
        return match press.key {
            "ArrowDown" | "ArrowRight" => Some(Command::MoveLinkCursor { forward: true }),
            "ArrowUp" | "ArrowLeft" => Some(Command::MoveLinkCursor { forward: false }),
            "Enter" => Some(Command::PickLink(None)),
            "Escape" => Some(Command::CancelLink),
            digit => match digit.parse::<usize>() {
                Ok(n @ 1..=9) => Some(Command::PickLink(Some(n - 1))),
                _ => Some(Command::CancelLink).filter(|_| digit.chars().count() == 1),
            },
        };
    }
    if press.ctrl {
        return match press.key {
            "z" | "Z" if press.shift => Some(Command::Redo),
            "z" | "Z" => Some(Command::Undo),
            "y" | "Y" => Some(Command::Redo),
            _ => None,
        };
    }
    match press.key {
        "Enter" if context.suggestions => Some(Command::AcceptSuggestion),
        "x" if context.suggestions => Some(Command::RejectSuggestion),
        "Delete" | "Backspace" => Some(Command::DeleteSelected),
        "Escape" => Some(Command::ClearSelection),
        "?" => Some(Command::ToggleHelp),
        "/" => Some(Command::OpenFind),
        "j" => Some(Command::SelectNext),
        "k" => Some(Command::SelectPrevious),
        "ArrowUp" | "ArrowDown" if press.alt => Some(Command::SwitchDocument { forward: press.key == "ArrowDown" }),
        "ArrowLeft" | "ArrowRight" => {
            let forward = press.key == "ArrowRight";
            if press.shift && context.span_selected && !context.text_selected {
                let edge = if press.alt { SpanEdge::Start } else { SpanEdge::End };
                Some(Command::Resize { edge, forward })
            } else if context.article_focused && !press.alt {
                Some(Command::MoveCaret { forward, extend: press.shift })
            } else {
                None
            }
        }
        key => {
            let relation = relation_types.iter().find(|t| context.span_selected && t.key.as_deref() == Some(key));
            relation
                .map(|t| Command::Link(t.id.clone()))
                .or_else(|| labels.iter().find(|l| l.key.as_deref() == Some(key)).map(|l| Command::Label(l.id.clone())))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{default_labels, default_relation_types};

    fn command(key: &str, ctrl: bool, shift: bool) -> Option<Command> {
        command_for(
            KeyPress { key, ctrl, shift, alt: false },
            KeyContext::default(),
            &default_labels(),
            &default_relation_types(),
        )
    }

    fn in_context(key: &str, shift: bool, alt: bool, context: KeyContext) -> Option<Command> {
        command_for(KeyPress { key, ctrl: false, shift, alt }, context, &default_labels(), &default_relation_types())
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
        assert_eq!(command("?", false, true), Some(Command::ToggleHelp));
        assert_eq!(command("/", false, false), Some(Command::OpenFind));
        let focused = KeyContext { article_focused: true, ..KeyContext::default() };
        assert_eq!(in_context("ArrowDown", false, true, focused), Some(Command::SwitchDocument { forward: true }));
        assert_eq!(in_context("ArrowUp", false, true, focused), Some(Command::SwitchDocument { forward: false }));
        assert_eq!(in_context("ArrowUp", false, false, focused), None, "plain arrows scroll");
    }

    #[test]
    fn alt_still_tags_so_exact_selections_work() {
        let press = KeyPress { key: "2", alt: true, ..KeyPress::default() };
        assert_eq!(
            command_for(press, KeyContext::default(), &default_labels(), &default_relation_types()),
            Some(Command::Label("location".into()))
        );
    }

    #[test]
    fn tab_always_moves_the_focus_and_j_k_move_between_spans() {
        let focused = KeyContext { article_focused: true, span_selected: true, ..KeyContext::default() };
        assert_eq!(in_context("Tab", false, false, focused), None, "Tab leaves the article");
        assert_eq!(in_context("Tab", true, false, focused), None, "Shift+Tab leaves the article");
        assert_eq!(in_context("j", false, false, KeyContext::default()), Some(Command::SelectNext));
        assert_eq!(in_context("k", false, false, KeyContext::default()), Some(Command::SelectPrevious));
    }

    #[test]
    fn alt_a_focuses_the_article_whatever_else_is_going_on() {
        let busy = KeyContext { linking: true, span_selected: true, suggestions: true, ..KeyContext::default() };
        assert_eq!(in_context("a", false, true, busy), Some(Command::FocusArticle));
        assert_eq!(in_context("A", true, true, KeyContext::default()), Some(Command::FocusArticle));
        assert_eq!(in_context("a", false, false, KeyContext::default()), None, "a plain a is not ours");
        let typing = KeyContext { typing: true, span_selected: true, ..KeyContext::default() };
        assert_eq!(in_context("a", false, true, typing), Some(Command::FocusArticle), "from a text field too");
        assert_eq!(in_context("1", false, false, typing), None, "typing a digit types it");
        assert_eq!(in_context("Delete", false, false, typing), None);
        let mut types = default_relation_types();
        types.push(RelationType { key: Some("a".into()), ..crate::model::located_in() });
        let selected = KeyContext { span_selected: true, ..KeyContext::default() };
        let press = KeyPress { key: "a", alt: true, ..KeyPress::default() };
        assert_eq!(command_for(press, selected, &default_labels(), &types), Some(Command::FocusArticle));
    }

    #[test]
    fn shift_arrows_resize_a_selected_span_or_extend_the_text_selection() {
        let span = KeyContext { span_selected: true, article_focused: true, ..KeyContext::default() };
        let resize = |forward, edge| Some(Command::Resize { edge, forward });
        assert_eq!(in_context("ArrowRight", true, false, span), resize(true, SpanEdge::End));
        assert_eq!(in_context("ArrowLeft", true, false, span), resize(false, SpanEdge::End));
        assert_eq!(in_context("ArrowLeft", true, true, span), resize(false, SpanEdge::Start));
        assert_eq!(in_context("ArrowRight", true, true, span), resize(true, SpanEdge::Start));
        let text = KeyContext { text_selected: true, ..span };
        assert_eq!(
            in_context("ArrowRight", true, false, text),
            Some(Command::MoveCaret { forward: true, extend: true })
        );
        assert_eq!(
            in_context("ArrowLeft", false, false, text),
            Some(Command::MoveCaret { forward: false, extend: false })
        );
        assert_eq!(in_context("ArrowLeft", false, false, KeyContext::default()), None, "arrows scroll the page");
    }

    #[test]
    fn s_starts_linking_and_the_picker_owns_its_keys() {
        let selected = KeyContext { span_selected: true, ..KeyContext::default() };
        assert_eq!(in_context("s", false, false, selected), Some(Command::Link("said_by".into())));
        assert_eq!(in_context("s", false, false, KeyContext::default()), None, "nothing to link from");
        let mut types = default_relation_types();
        types.push(crate::model::located_in());
        let custom = |key| command_for(KeyPress { key, ..KeyPress::default() }, selected, &default_labels(), &types);
        assert_eq!(custom("l"), Some(Command::Link("located_in".into())), "a custom type's key links by it");
        assert_eq!(custom("s"), Some(Command::Link("said_by".into())));
        let linking = KeyContext { linking: true, ..selected };
        assert_eq!(in_context("ArrowDown", false, false, linking), Some(Command::MoveLinkCursor { forward: true }));
        assert_eq!(in_context("ArrowUp", false, false, linking), Some(Command::MoveLinkCursor { forward: false }));
        assert_eq!(in_context("Enter", false, false, linking), Some(Command::PickLink(None)));
        assert_eq!(in_context("2", false, false, linking), Some(Command::PickLink(Some(1))));
        assert_eq!(in_context("Escape", false, false, linking), Some(Command::CancelLink));
        assert_eq!(in_context("x", false, false, linking), Some(Command::CancelLink), "any other key ends it");
    }

    #[test]
    fn enter_and_x_work_the_suggestions_only_when_some_are_shown() {
        let shown = KeyContext { suggestions: true, ..KeyContext::default() };
        assert_eq!(in_context("Enter", false, false, shown), Some(Command::AcceptSuggestion));
        assert_eq!(in_context("x", false, false, shown), Some(Command::RejectSuggestion));
        assert_eq!(in_context("Enter", false, false, KeyContext::default()), None);
        assert_eq!(in_context("x", false, false, KeyContext::default()), None);
        let linking = KeyContext { linking: true, ..shown };
        assert_eq!(in_context("Enter", false, false, linking), Some(Command::PickLink(None)), "the picker comes first");
    }
}
