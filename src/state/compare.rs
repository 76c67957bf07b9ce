//! The compare view: several annotators' files of the same texts (see `agreement::compare`), the
//! document shown, the disagreement under the cursor, and the decisions that settle a gold copy.
//! Saving the gold copy adds it to the workspace as a document of its own (one undo step), even
//! where the workspace holds the same text: it is not merged into it.
//!
//! Not for: computing the measures (`agreement`), or drawing (the compare component).

use std::rc::Rc;

use serde::{Deserialize, Serialize};

use super::history::WorkspaceEdit;
use super::State;
use crate::agreement::adjudicate::{
    disagreements, gold, link_disagreements, Choice, Decisions, Disagreement, LinkDisagreement, Settled,
};
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
    /// Open the files of an earlier pick again (after a reload), at the place and with the
    /// decisions it had; a place that does not fit the files is dropped, the files still open.
    Resume(Vec<Picked>, Place),
    /// Add this document's gold copy, as decided so far, to the workspace and open it.
    SaveGold,
    /// The agreement report of `comparison`, computed away from the page (dropped if another
    /// comparison was opened meanwhile).
    Reported {
        comparison: Rc<Comparison>,
        report: Rc<Report>,
    },
}

/// One matched document as the view shows it. The cursor runs over its disagreements, then its
/// link disagreements: position `disagreements.len() + n` is `links[n]`.
#[derive(Clone, Debug, PartialEq)]
pub struct Compared {
    pub marks: Vec<Mark>,
    pub disagreements: Vec<Disagreement>,
    pub links: Vec<LinkDisagreement>,
}

impl Compared {
    /// How many places the cursor stops at.
    pub fn stops(&self) -> usize {
        self.disagreements.len() + self.links.len()
    }

    /// The link disagreement at cursor position `at`, if it is one.
    pub fn link_at(&self, at: usize) -> Option<&LinkDisagreement> {
        self.links.get(at.checked_sub(self.disagreements.len())?)
    }

    /// How many places have a decision in `decisions`.
    pub fn settled(&self, decisions: &Decisions) -> usize {
        decisions.choices.len() + decisions.links.len()
    }
}

/// Where the person is in a comparison and what they decided: what is kept across a reload,
/// beside the files themselves.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Place {
    pub at: usize,
    pub cursor: Option<usize>,
    pub decisions: Vec<Decisions>,
}

/// The most bytes of picked files kept in the browser so the compare view survives a reload.
pub const KEPT_COMPARE_BYTES: usize = 20 * 1024 * 1024;

/// Whether the files of a pick are small enough to keep across a reload.
pub fn keepable(files: &[Picked]) -> bool {
    files.iter().map(|(_, bytes, _)| bytes.len()).sum::<usize>() <= KEPT_COMPARE_BYTES
}

#[derive(Clone, Debug, PartialEq)]
pub struct Comparing {
    pub comparison: Rc<Comparison>,
    /// `None` until it is computed (in the files worker).
    pub report: Option<Rc<Report>>,
    pub documents: Rc<[Compared]>,
    /// The matched document shown.
    pub at: usize,
    /// The disagreement under the cursor, if any.
    pub cursor: Option<usize>,
    /// Per matched document, what is decided so far.
    pub decisions: Vec<Decisions>,
    /// The files are kept in the browser, so a reload brings this view back.
    pub kept: bool,
}

impl Comparing {
    fn new(comparison: Comparison, kept: bool) -> Self {
        let documents: Vec<Compared> = comparison
            .documents
            .iter()
            .map(|m| {
                let copies: Vec<&[Span]> = m.copies.iter().map(|c| c.document.spans()).collect();
                let marks = marks(&copies);
                let disagreements = disagreements(&marks);
                let links = link_disagreements(m, &marks);
                Compared { marks, disagreements, links }
            })
            .collect();
        let decisions = vec![Decisions::default(); documents.len()];
        let cursor = documents.first().and_then(|d| (d.stops() > 0).then_some(0));
        Self {
            report: None,
            comparison: Rc::new(comparison),
            documents: documents.into(),
            at: 0,
            cursor,
            decisions,
            kept,
        }
    }

    pub fn place(&self) -> Place {
        Place { at: self.at, cursor: self.cursor, decisions: self.decisions.clone() }
    }

    /// Goes back to `place`, if it fits these files.
    fn resume(&mut self, place: Place) {
        let fits = place.decisions.len() == self.documents.len()
            && self.documents.get(place.at).is_some_and(|d| place.cursor.is_none_or(|c| c < d.stops()));
        if fits {
            self.at = place.at;
            self.cursor = place.cursor;
            self.decisions = place.decisions;
        }
    }

    pub fn shown(&self) -> Option<&Compared> {
        self.documents.get(self.at)
    }
}

/// The compare view's keys: n / j / ↓ next disagreement, p / k / ↑ previous, 1–9 keep that
/// annotator's version (of a link disagreement: their links), b keep both (every version; not
/// for links), x keep neither, a keep all agreed marks, g save the gold copy, Escape close; the
/// help overlay lists them from `keys::COMPARE_KEY_HELP`.
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
        let (files, place) = match action {
            CompareAction::Open(files) => (files, None),
            CompareAction::Resume(files, place) => (files, Some(place)),
            action => return self.in_comparison(action),
        };
        let kept = keepable(&files);
        let comparison = compare_read(files);
        self.alert = (!comparison.notes.is_empty()).then(|| comparison.notes.join(" "));
        if comparison.annotators.is_empty() {
            return;
        }
        let mut comparing = Comparing::new(comparison, kept);
        if let Some(place) = place {
            comparing.resume(place);
        }
        self.comparing = Some(Rc::new(comparing));
    }

    fn in_comparison(&mut self, action: CompareAction) {
        let Some(mut comparing) = self.comparing.take() else { return };
        let view = Rc::make_mut(&mut comparing);
        let count = view.shown().map_or(0, Compared::stops);
        match action {
            CompareAction::Open(_) | CompareAction::Resume(..) => {}
            CompareAction::Close => return,
            CompareAction::Show(at) if at < view.documents.len() => {
                view.at = at;
                view.cursor = (view.documents[at].stops() > 0).then_some(0);
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
                let links_before = view.shown().map_or(0, |shown| shown.disagreements.len());
                let at_links = view.cursor.is_some_and(|at| view.shown().and_then(|s| s.link_at(at)).is_some());
                // Keeping every copy's links would give a quote several speakers.
                let fits = match choice {
                    Choice::Copy(c) => c < copies,
                    Choice::All => !at_links,
                    Choice::Neither => true,
                };
                if let (Some(at), true) = (view.cursor, fits) {
                    let decisions = &mut view.decisions[view.at];
                    if at_links {
                        decisions.links.insert(at - links_before, choice);
                    } else {
                        decisions.choices.insert(at, choice);
                    }
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
            CompareAction::Reported { comparison, report } => {
                if Rc::ptr_eq(&comparison, &view.comparison) {
                    view.report = Some(report);
                }
            }
        }
        self.comparing = Some(comparing);
    }

    /// Adds the shown document's gold copy to the workspace, with the labels it uses, and opens it.
    fn save_gold(&mut self, view: &Comparing) {
        let (Some(matched), Some(shown)) = (view.comparison.documents.get(view.at), view.shown()) else { return };
        let settled =
            Settled { matched, marks: &shown.marks, disagreements: &shown.disagreements, links: &shown.links };
        let mut doc = gold(&settled, &view.decisions[view.at], &self.workspace.entities());
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
    use crate::formats::FileError;
    use crate::state::testing::{state_with, tag};
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
        assert!(comparing.report.is_none(), "computed away from the reducer");
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

    /// A native export by `who` of SAID, the quote said by the actor at `speaker`.
    fn said(who: &str, speaker: (usize, usize)) -> (String, Vec<u8>) {
        use crate::model::{default_labels, default_relation_types, Document, Relation};
        let mut doc = Document::new("d1", "said.txt", SAID);
        let by = Some(Rc::from(who));
        for (id, start, end, label) in [("q", 1, 3, "quote"), ("a", speaker.0, speaker.1, "actor")] {
            doc.insert_span(Span { annotator: by.clone(), ..Span::new(id, start, end, label) }).unwrap();
        }
        doc.insert_relation(Relation { annotator: by, ..Relation::new("r1", "said_by", "q", "a") }).unwrap();
        let json = crate::formats::native::export(&default_labels(), &default_relation_types(), [&doc]);
        (format!("{who}.json"), json.into_bytes())
    }

    const SAID: &str = "“No,” said Peskov to Umerov.";

    #[test]
    fn a_quote_with_different_speakers_is_a_stop_of_the_cursor_settled_by_keys() {
        let files = [said("ana", (11, 17)), said("ben", (21, 27))];
        let state = state_with(SAID).reduce(Action::Compare(CompareAction::Open(read(&files))));
        let comparing = state.comparing.clone().unwrap();
        let shown = comparing.shown().unwrap();
        assert_eq!((shown.disagreements.len(), shown.links.len(), shown.stops()), (2, 1, 3));
        // Skip both speakers' spans to the quote's links; "b" would give it two speakers.
        let at_links = press(state, "nnb");
        assert_eq!(at_links.comparing.as_ref().unwrap().decisions[0], Decisions::default());
        let state = press(at_links, "a2");
        let decisions = &state.comparing.as_ref().unwrap().decisions[0];
        assert_eq!(decisions.links, [(0, Choice::Copy(1))].into_iter().collect());
        assert_eq!(state.comparing.as_ref().unwrap().shown().unwrap().settled(decisions), 1);
        let state = press(state, "g");
        let gold = state.active_document().unwrap().clone();
        assert!(gold.gold);
        let said: Vec<(&str, &str)> = gold
            .relations()
            .iter()
            .map(|r| (r.kind.as_str(), gold.span(&r.to).unwrap()))
            .map(|(kind, to)| (kind, gold.slice(to.start, to.end)))
            .collect();
        assert_eq!(said, [("said_by", "Umerov")]);
        // Its own undo history: an edit in it is undone there, after the other document's.
        let quote = gold.spans()[0].id.clone();
        let edited = state.reduce(Action::Select(Some(quote))).reduce(Action::DeleteSelected);
        assert_eq!(edited.active_document().unwrap().spans().len(), 1);
        let elsewhere = tag(edited.reduce(Action::SwitchDocument("d1".into())), 11, 17, "actor").reduce(Action::Undo);
        assert!(elsewhere.active_document().unwrap().spans().is_empty(), "undo there took back its own tag");
        let gold_there = elsewhere.workspace.documents.iter().find(|d| d.gold).unwrap();
        assert_eq!(gold_there.spans().len(), 1, "and left the gold copy alone");
        let back = elsewhere.reduce(Action::SwitchDocument(gold.id.clone())).reduce(Action::Undo);
        assert_eq!(back.active_document().unwrap().spans().len(), 2);
        assert!(back.active_document().unwrap().gold);
    }

    #[test]
    fn a_report_is_taken_only_for_the_comparison_it_was_computed_for() {
        let state = state_with(TEXT).reduce(Action::Compare(CompareAction::Open(read(&files()))));
        let comparison = state.comparing.as_ref().unwrap().comparison.clone();
        let report = Rc::new(comparison.report_job().run());
        let reported = |comparison| Action::Compare(CompareAction::Reported { comparison, report: report.clone() });
        let stale = Rc::new((*comparison).clone());
        assert!(state.clone().reduce(reported(stale)).comparing.unwrap().report.is_none(), "an earlier pick's");
        let done = state.reduce(reported(comparison));
        assert_eq!(done.comparing.unwrap().report, Some(report));
    }

    #[test]
    fn a_pick_opened_again_comes_back_at_its_place_with_its_decisions() {
        let state = state_with(TEXT).reduce(Action::Compare(CompareAction::Open(read(&files()))));
        assert!(state.comparing.as_ref().unwrap().kept, "small files are kept");
        let decided = press(state.clone(), "a2n");
        let place = decided.comparing.as_ref().unwrap().place();
        let stored: Place = serde_json::from_str(&serde_json::to_string(&place).unwrap()).unwrap();
        let resumed = state_with(TEXT).reduce(Action::Compare(CompareAction::Resume(read(&files()), stored)));
        assert_eq!(resumed.comparing, decided.comparing);
        let elsewhere = Place { at: 4, ..place.clone() };
        let fresh = state_with(TEXT).reduce(Action::Compare(CompareAction::Resume(read(&files()), elsewhere)));
        assert_eq!(fresh.comparing, state.comparing, "a place these files do not have is dropped");
        let huge =
            vec![("big.json".to_string(), vec![b' '; KEPT_COMPARE_BYTES + 1], Err(FileError::new("big.json", "x")))];
        assert!(!keepable(&huge) && keepable(&huge[..0]));
    }

    #[test]
    fn the_help_lists_every_compare_key_and_each_does_what_it_says() {
        use crate::keys::COMPARE_KEY_HELP;
        let listed: Vec<&str> = COMPARE_KEY_HELP.iter().flat_map(|(keys, _, _)| keys.iter().copied()).collect();
        for key in listed.iter().filter(|k| **k != "?") {
            assert!(compare_key(key).is_some(), "{key} is listed but does nothing");
        }
        let printable = (' '..='~').map(String::from);
        for key in printable.chain(["ArrowDown", "ArrowUp", "Escape"].map(String::from)) {
            assert!(compare_key(&key).is_none() || listed.contains(&key.as_str()), "{key} works but is not listed");
        }
        let what = |key: &str| COMPARE_KEY_HELP.iter().find(|(keys, _, _)| keys.contains(&key)).unwrap().2;
        assert_eq!(compare_key("j"), Some(CompareAction::Step { forward: true }));
        assert!(what("j").starts_with("next"));
        assert_eq!(compare_key("7"), Some(CompareAction::Choose(Choice::Copy(6))));
        assert!(what("7").contains("annotator's version"));
        assert_eq!(compare_key("g"), Some(CompareAction::SaveGold));
        assert!(what("g").contains("gold"));
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
        assert_eq!(
            press(after.clone(), "1bxnpag").workspace,
            before.workspace,
            "keys with nothing to compare do nothing"
        );
        assert_eq!(comparing.comparison.unmatched.len(), 2);
        assert_eq!(after.workspace, before.workspace);
        let broken =
            before.clone().reduce(Action::Compare(CompareAction::Open(read(&[("x.json".into(), b"{".to_vec())]))));
        assert!(broken.alert.unwrap().contains("x.json"));
        assert!(broken.comparing.is_none());
    }
}
