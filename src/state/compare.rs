//! The compare view: several annotators' files of the same texts (see `agreement::compare`), the
//! document shown, the disagreement under the cursor, and the decisions that settle a gold copy.
//! Saving the gold copy adds it to the workspace as a document of its own (one undo step), even
//! where the workspace holds the same text: it is not merged into it.
//!
//! Not for: computing the measures (`agreement`), or drawing (the compare component).

use std::rc::Rc;

use super::history::WorkspaceEdit;
use super::State;
use crate::agreement::adjudicate::{disagreements, gold, Choice, Decisions, Disagreement};
use crate::agreement::compare::{compare_read, marks, Comparison, Mark, Picked};
use crate::agreement::report::Report;
use crate::model::{add_missing, fresh_id, Span};

#[derive(Clone, Debug, PartialEq)]
pub enum CompareAction {
    /// The files of one pick, as read (each by itself: one file, one annotator's copy).
    Open(Vec<Picked>),
    Close,
    /// Show the n-th matched document.
    Show(usize),
    /// The cursor to the next (or previous) disagreement of the document, round again.
    Step {
        forward: bool,
    },
    /// Settle the disagreement under the cursor, and move on to the next.
    Choose(Choice),
    /// Keep every mark all copies agree on, in this document.
    KeepAgreed,
    /// Add this document's gold copy, as decided so far, to the workspace and open it.
    SaveGold,
}

/// One matched document as the view shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct Compared {
    pub marks: Vec<Mark>,
    pub disagreements: Vec<Disagreement>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Comparing {
    pub comparison: Rc<Comparison>,
    pub report: Rc<Report>,
    pub documents: Rc<[Compared]>,
    /// The matched document shown.
    pub at: usize,
    /// The disagreement under the cursor, if any.
    pub cursor: Option<usize>,
    /// Per matched document, what is decided so far.
    pub decisions: Vec<Decisions>,
}

impl Comparing {
    fn new(comparison: Comparison) -> Self {
        let documents: Vec<Compared> = comparison
            .documents
            .iter()
            .map(|m| {
                let copies: Vec<&[Span]> = m.copies.iter().map(|c| c.document.spans()).collect();
                let marks = marks(&copies);
                let disagreements = disagreements(&marks);
                Compared { marks, disagreements }
            })
            .collect();
        let decisions = vec![Decisions::default(); documents.len()];
        let cursor = documents.first().and_then(|d| (!d.disagreements.is_empty()).then_some(0));
        Self {
            report: Rc::new(comparison.report()),
            comparison: Rc::new(comparison),
            documents: documents.into(),
            at: 0,
            cursor,
            decisions,
        }
    }

    pub fn shown(&self) -> Option<&Compared> {
        self.documents.get(self.at)
    }
}

/// The compare view's keys: n / j / ↓ next disagreement, p / k / ↑ previous, 1–9 keep that
/// annotator's version, b keep both (every version), x keep neither, a keep all agreed marks,
/// g save the gold copy, Escape close.
pub fn compare_key(key: &str) -> Option<CompareAction> {
    Some(match key {
        "n" | "j" | "ArrowDown" => CompareAction::Step { forward: true },
        "p" | "k" | "ArrowUp" => CompareAction::Step { forward: false },
        "b" => CompareAction::Choose(Choice::All),
        "x" => CompareAction::Choose(Choice::Neither),
        "a" => CompareAction::KeepAgreed,
        "g" => CompareAction::SaveGold,
        "Escape" => CompareAction::Close,
        digit => CompareAction::Choose(Choice::Copy(digit.parse::<usize>().ok().filter(|n| (1..=9).contains(n))? - 1)),
    })
}

impl State {
    pub(super) fn compare(&mut self, action: CompareAction) {
        if let CompareAction::Open(files) = action {
            let comparison = compare_read(files);
            self.alert = (!comparison.notes.is_empty()).then(|| comparison.notes.join(" "));
            if comparison.annotators.is_empty() {
                return;
            }
            self.comparing = Some(Rc::new(Comparing::new(comparison)));
            return;
        }
        let Some(mut comparing) = self.comparing.take() else { return };
        let view = Rc::make_mut(&mut comparing);
        let count = view.shown().map_or(0, |d| d.disagreements.len());
        match action {
            CompareAction::Open(_) => {}
            CompareAction::Close => return,
            CompareAction::Show(at) if at < view.documents.len() => {
                view.at = at;
                view.cursor = (!view.documents[at].disagreements.is_empty()).then_some(0);
            }
            CompareAction::Show(_) => {}
            CompareAction::Step { forward } if count > 0 => {
                view.cursor = Some(match view.cursor {
                    Some(at) if forward => (at + 1) % count,
                    Some(at) => (at + count - 1) % count,
                    None if forward => 0,
                    None => count - 1,
                });
            }
            CompareAction::Step { .. } => {}
            CompareAction::Choose(choice) => {
                let copies = view.comparison.documents.get(view.at).map_or(0, |m| m.copies.len());
                let fits = !matches!(choice, Choice::Copy(c) if c >= copies);
                if let (Some(at), true) = (view.cursor, fits) {
                    view.decisions[view.at].choices.insert(at, choice);
                    view.cursor = Some((at + 1).min(count - 1));
                }
            }
            CompareAction::KeepAgreed => {
                if let Some(decisions) = view.decisions.get_mut(view.at) {
                    decisions.agreed = true;
                }
            }
            CompareAction::SaveGold => {
                self.save_gold(view);
                return;
            }
        }
        self.comparing = Some(comparing);
    }

    /// Adds the shown document's gold copy to the workspace, with the labels it uses, and opens it.
    fn save_gold(&mut self, view: &Comparing) {
        let (Some(matched), Some(shown)) = (view.comparison.documents.get(view.at), view.shown()) else { return };
        let mut doc = gold(matched, &shown.marks, &shown.disagreements, &view.decisions[view.at]);
        doc.id = fresh_id("d", self.workspace.documents.iter().map(|d| &*d.id));
        let labels_before = self.workspace.labels.clone();
        let mut labels_after = labels_before.clone();
        let used = view.comparison.labels.iter().filter(|l| doc.spans().iter().any(|s| s.label == l.id)).cloned();
        add_missing(&mut labels_after, used, |l| &l.id);
        let active_before = self.active.clone();
        self.record_workspace(WorkspaceEdit::Batch(vec![
            WorkspaceEdit::Labels { before: labels_before, after: labels_after },
            WorkspaceEdit::Documents { documents: vec![Rc::new(doc)], added: true, active_before },
        ]));
        self.alert = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::agreement::compare::read;
    use crate::agreement::compare::tests::file;
    use crate::state::testing::state_with;
    use crate::state::Action;

    const TEXT: &str = "Peskov met Zelensky in Geneva on Monday.";

    fn files() -> Vec<(String, Vec<u8>)> {
        let a: &[(usize, usize, &str)] = &[(0, 6, "actor"), (11, 19, "location"), (23, 29, "location")];
        let b: &[(usize, usize, &str)] = &[(0, 6, "actor"), (11, 19, "actor"), (33, 39, "figure")];
        vec![file("a.json", Some("ana"), &[(TEXT, a)]), file("b.json", Some("ben"), &[(TEXT, b)])]
    }

    fn press(state: State, keys: &str) -> State {
        keys.chars().fold(state, |state, key| {
            state.reduce(Action::Compare(compare_key(&key.to_string()).expect("a compare key")))
        })
    }

    #[test]
    fn deciding_by_keys_saves_the_gold_copy_as_a_document_of_its_own() {
        let state = state_with(TEXT).reduce(Action::Compare(CompareAction::Open(read(&files()))));
        let comparing = state.comparing.clone().expect("the compare view is open");
        assert_eq!(comparing.shown().unwrap().disagreements.len(), 3);
        assert_eq!(comparing.cursor, Some(0));
        // Keep the agreed actor, ben's label at 11..19, skip Geneva, keep ben's figure; save.
        let state = press(state, "a2xjk2g");
        assert!(state.comparing.is_none(), "saving closes the view");
        assert_eq!(state.workspace.documents.len(), 2, "not merged into the open copy of the text");
        let gold = state.active_document().unwrap();
        assert_eq!(gold.name, "a.json-0.txt (gold)");
        let spans: Vec<(usize, usize, &str)> = gold.spans().iter().map(|s| (s.start, s.end, &*s.label)).collect();
        assert_eq!(spans, [(0, 6, "actor"), (11, 19, "actor"), (33, 39, "figure")]);
        let undone = state.reduce(Action::Undo);
        assert_eq!(undone.workspace.documents.len(), 1, "one undo step takes it away");
    }

    #[test]
    fn the_cursor_goes_round_and_keys_out_of_range_do_nothing() {
        let state = state_with(TEXT).reduce(Action::Compare(CompareAction::Open(read(&files()))));
        assert_eq!(press(state.clone(), "k").comparing.unwrap().cursor, Some(2));
        assert_eq!(press(state.clone(), "nnn").comparing.unwrap().cursor, Some(0));
        assert!(compare_key("0").is_none() && compare_key("q").is_none());
        let after = state.clone().reduce(Action::Compare(CompareAction::Choose(Choice::Copy(5))));
        assert_eq!(after.comparing, state.comparing, "there is no sixth annotator");
        assert!(state.reduce(Action::Compare(CompareAction::Close)).comparing.is_none());
    }

    #[test]
    fn files_that_match_nothing_are_said_and_leave_the_workspace_alone() {
        let before = state_with(TEXT);
        let other = file("c.json", Some("cy"), &[("Another text entirely.", &[])]);
        let after = before.clone().reduce(Action::Compare(CompareAction::Open(read(&[files().remove(0), other]))));
        let comparing = after.comparing.clone().unwrap();
        assert!(comparing.comparison.documents.is_empty());
        assert_eq!(comparing.comparison.unmatched.len(), 2);
        assert_eq!(after.workspace, before.workspace);
        let broken =
            before.clone().reduce(Action::Compare(CompareAction::Open(read(&[("x.json".into(), b"{".to_vec())]))));
        assert!(broken.alert.unwrap().contains("x.json"));
        assert!(broken.comparing.is_none());
    }
}
