//! Suggestions shown on the open document: proposed spans that look different, are not part of
//! the document (never exported, no undo history) until accepted. Enter accepts the one under
//! the cursor and moves on, `x` rejects it; a rejected suggestion does not come back for that
//! document. Accepting is an ordinary span edit (one undo step; "accept all" is one too), and
//! undoing it shows what it accepted again, still to be judged, while the same list is on
//! screen (or was emptied by that accept).
//!
//! The cursor starts on the first suggestion in running text, not on the headline or site
//! furniture a saved page opens with (`suggest::page`); the list itself stays in reading order.
//!
//! Asking for suggestions does not run the suggester here: it issues a [`Ticket`], the view
//! sends [`State::suggestion_request`] to a Web Worker, and the reply comes back as an action.
//! Only the reply to the newest ticket, for the document still open, is shown.
//!
//! Not for: the rules that propose spans (`suggest`) or the worker (`browser::worker`).

use std::rc::Rc;

use super::history::{Change, Edit, WorkspaceEdit};
use super::State;
use crate::model::{Document, Span};
use crate::suggest::job::{self, Reply, TextSent};
use crate::suggest::page::page_lines;
use crate::text::paragraphs::{paragraph_at, paragraphs_marked};

/// A suggestion on screen. Its `id` numbers it within the reply, in reading order, so ids
/// ascend along the list; its element carries [`Shown::element_id`]. A number, not a string:
/// a reply has thousands of suggestions, and finding the one under the cursor on every render
/// compared strings with each.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Shown {
    pub id: u32,
    pub start: usize,
    pub end: usize,
    pub label: Rc<str>,
    /// What proposed it ("quote", "gazetteer", "learned", …).
    pub rule: Rc<str>,
}

impl Shown {
    /// The `data-suggestion-id` of its element.
    pub fn element_id(&self) -> String {
        format!("g{}", self.id)
    }
}

/// The suggestion id an element's `data-suggestion-id` names.
pub fn id_of_element(element_id: &str) -> Option<u32> {
    element_id.strip_prefix('g')?.parse().ok()
}

/// How many suggestions each label has, in the order labels first appear. One pass: a reply's
/// suggestions share their label strings, so the pointer answers before the characters do.
pub fn count_by_label(suggestions: &[Shown]) -> Vec<(Rc<str>, usize)> {
    let mut counts: Vec<(Rc<str>, usize)> = Vec::new();
    for shown in suggestions {
        match counts.iter_mut().find(|(label, _)| Rc::ptr_eq(label, &shown.label) || *label == shown.label) {
            Some((_, count)) => *count += 1,
            None => counts.push((shown.label.clone(), 1)),
        }
    }
    counts
}

/// What an undo step accepted, and from which list: the document and the reply (by ticket
/// number) whose ids the suggestions carry, so that undoing shows them only on that list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Accepted {
    document: Rc<str>,
    reply: u32,
    suggestions: Vec<Shown>,
}

/// Where the cursor starts on `suggestions`: the first one in running text. A saved page opens
/// with its headline, byline and share prompts, and a Title Case headline's suggestions are the
/// likeliest to be wrong; they keep their place in the list, and Enter and `x` come to them
/// after the last. The first of all when every one is in such a line.
fn reading_start(doc: &Document, suggestions: &[Shown]) -> usize {
    let paragraphs = doc.paragraphs();
    // A line is judged with the lines around it (a name under a byline is furniture), so the
    // page is read from its top, as far as the line after the suggestion, in doubling steps: the
    // answer is near the top, and a long article is not read whole on the main thread.
    let mut set_apart: Vec<bool> = Vec::new();
    for (index, shown) in suggestions.iter().enumerate() {
        let Some(at) = paragraph_at(paragraphs, shown.start) else { break };
        if at + 1 >= set_apart.len() && set_apart.len() < paragraphs.len() {
            let read = (at + 2).max(set_apart.len() * 2).min(paragraphs.len());
            let top = &doc.text()[..paragraphs[read - 1].end_byte];
            set_apart = paragraphs_marked(&paragraphs[..read], page_lines(top).into_iter().map(|(range, _)| range));
        }
        if !set_apart[at] {
            return index;
        }
    }
    0
}

/// A request for suggestions on `document` that has not been answered yet.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ticket {
    pub number: u32,
    pub document: Rc<str>,
}

impl State {
    /// Asks for suggestions on the open document (learning from every document of the
    /// workspace): a new ticket, which makes any older one stale.
    pub(super) fn request_suggestions(&mut self) {
        let Some(document) = self.active.clone() else { return };
        self.tickets_issued += 1;
        self.suggest_ticket = Some(Ticket { number: self.tickets_issued, document });
    }

    /// The message that gives the suggester's worker the pending ticket's text, if `sent` says
    /// the worker does not have it yet; it goes before [`State::suggestion_request`].
    pub fn suggestion_text(&self, sent: &mut TextSent) -> Option<String> {
        let doc = self.workspace.document(&self.suggest_ticket.as_ref()?.document)?;
        sent.must_send(doc).then(|| job::text_message(doc))
    }

    /// The JSON request for the pending ticket, for the suggester's worker.
    pub fn suggestion_request(&self) -> Option<String> {
        let ticket = self.suggest_ticket.as_ref()?;
        let doc = self.workspace.document(&ticket.document)?;
        let rejected = self.rejected.get(&ticket.document).into_iter().flatten();
        let elsewhere = self.workspace.documents.iter().filter(|other| other.id != doc.id);
        let refused =
            crate::suggest::refused(elsewhere.filter_map(|other| Some((&**other, self.rejected.get(&other.id)?))));
        Some(job::request(ticket.number, doc, self.workspace.documents.iter().map(|d| &**d), rejected, refused))
    }

    /// Shows the worker's reply if it answers the pending ticket; spans made or suggestions
    /// rejected while it ran are left out.
    pub(super) fn receive_suggestions(&mut self, reply: Reply) {
        let pending =
            self.suggest_ticket.as_ref().is_some_and(|t| t.number == reply.ticket && *t.document == *reply.document);
        if !pending {
            return;
        }
        self.suggest_ticket = None;
        if let Some(error) = reply.error {
            self.alert = Some(format!("Suggestions failed: {error}."));
            return;
        }
        let Some(doc) = self.active_document().filter(|d| *d.id == *reply.document) else { return };
        let ticket = reply.ticket;
        let rejected = self.rejected.get(&doc.id);
        // Over 5,000 suggestions and 10,000 spans at 100k words, on the main thread: the spans'
        // order answers "is one there" by binary search, without hashing them all first.
        let list: Vec<Shown> = reply
            .suggestions
            .into_iter()
            .filter(|s| s.start < s.end && s.end <= doc.len() && !doc.has_span_over(s.start, s.end))
            .filter(|s| rejected.is_none_or(|r| !r.contains(&(s.start, s.end, s.label.clone()))))
            .zip(1..)
            .map(|(s, id)| Shown { id, start: s.start, end: s.end, label: s.label, rule: s.rule })
            .collect();
        self.suggestion_cursor = reading_start(doc, &list);
        self.suggestions = list.into();
        self.shown_reply = Some(ticket);
    }

    /// Takes every suggestion off the screen; undoing an earlier accept no longer shows its
    /// suggestions again.
    pub(super) fn clear_suggestions(&mut self) {
        self.suggestions = Rc::default();
        self.shown_reply = None;
    }

    /// The suggester could not answer: the pending request ends, and the alert says why.
    pub(super) fn suggestions_failed(&mut self, reason: &str) {
        if self.suggest_ticket.take().is_some() {
            self.alert = Some(format!("Suggestions failed: {reason}."));
        }
    }

    /// Where suggestion `id` (or, without one, the cursor) is in the list.
    fn suggestion_index(&self, id: Option<u32>) -> Option<usize> {
        match id {
            Some(id) => self.suggestions.binary_search_by_key(&id, |s| s.id).ok(),
            None => (self.suggestion_cursor < self.suggestions.len()).then_some(self.suggestion_cursor),
        }
    }

    pub(super) fn focus_suggestion(&mut self, id: u32) {
        if let Some(at) = self.suggestion_index(Some(id)) {
            self.suggestion_cursor = at;
        }
    }

    /// Takes a suggestion off the screen; the cursor stays on the place, now the next one in
    /// reading order, or goes round to the first after the last.
    fn take_suggestion(&mut self, at: usize) -> Shown {
        let mut list = self.suggestions.to_vec();
        let taken = list.remove(at);
        self.suggestions = list.into();
        self.suggestion_cursor = if at < self.suggestions.len() { at } else { 0 };
        taken
    }

    /// What an accept of `suggestions` remembers for its undo, if they are from a reply.
    fn accepted(&self, suggestions: Vec<Shown>) -> Option<Accepted> {
        Some(Accepted { document: self.active.clone()?, reply: self.shown_reply?, suggestions })
    }

    /// Shows an undone accept's suggestions again, if their list is still the one on screen;
    /// the cursor goes to the one taken back, or where a new list starts.
    pub(super) fn show_again(&mut self, accepted: &Accepted) {
        let same_list = self.active.as_deref() == Some(&*accepted.document) && self.shown_reply == Some(accepted.reply);
        let Some(doc) = self.active_document().filter(|_| same_list) else { return };
        let back: Vec<Shown> = accepted
            .suggestions
            .iter()
            .filter(|s| !doc.has_span_over(s.start, s.end))
            .filter(|s| self.suggestions.binary_search_by_key(&s.id, |shown| shown.id).is_err())
            .cloned()
            .collect();
        if back.is_empty() {
            return;
        }
        let mut list = self.suggestions.to_vec();
        list.extend(back.iter().cloned());
        list.sort_unstable_by_key(|s| s.id);
        let cursor = match back.as_slice() {
            [one] => list.binary_search_by_key(&one.id, |s| s.id).unwrap_or(0),
            _ => reading_start(doc, &list),
        };
        self.suggestions = list.into();
        self.suggestion_cursor = cursor;
    }

    pub(super) fn accept_suggestion(&mut self, id: Option<u32>) {
        let Some(at) = self.suggestion_index(id) else { return };
        let shown = self.take_suggestion(at);
        let Some(doc) = self.active_document() else { return };
        let span = self.authored(Span::new(doc.fresh_span_id(), shown.start, shown.end, shown.label.clone()));
        self.selected = Some(span.id.clone());
        let accepted = self.accepted(vec![shown]);
        self.record(self.active.clone(), Change::Span(Edit::Insert { span, relations: Vec::new() }), accepted);
    }

    pub(super) fn reject_suggestion(&mut self, id: Option<u32>) {
        let Some(at) = self.suggestion_index(id) else { return };
        let shown = self.take_suggestion(at);
        let Some(doc) = self.active.clone() else { return };
        Rc::make_mut(&mut self.rejected).entry(doc).or_default().insert((shown.start, shown.end, shown.label));
    }

    /// Accepts every suggestion shown (of `label`, if given) as one undo step.
    pub(super) fn accept_all_suggestions(&mut self, label: Option<&str>) {
        let Some(doc) = self.active_document() else { return };
        let (accepted, kept): (Vec<Shown>, Vec<Shown>) =
            self.suggestions.iter().cloned().partition(|s| label.is_none_or(|l| *s.label == *l));
        let spans = self.new_spans(doc, accepted.iter().map(|s| (s.start, s.end, s.label.clone())));
        self.suggestion_cursor = reading_start(doc, &kept);
        self.suggestions = kept.into();
        if !spans.is_empty() {
            let accepted = self.accepted(accepted);
            self.record(None, Change::Workspace(WorkspaceEdit::Spans { spans, removed: false }), accepted);
        }
    }

    pub(super) fn move_suggestion_cursor(&mut self, forward: bool) {
        let len = self.suggestions.len();
        if len > 0 {
            self.suggestion_cursor =
                if forward { (self.suggestion_cursor + 1) % len } else { (self.suggestion_cursor + len - 1) % len };
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::testing::{state_with, texts};
    use crate::state::Action;
    use crate::suggest::job::{read_reply, Suggester};

    const SUGGESTIBLE: &str =
        "Kremlin spokesperson Dmitry Peskov said: “We are ready.” He spoke in Geneva about 126 drones.";

    /// Answers the pending request as the worker would (`suggest::job`), if there is one.
    fn answered(state: State) -> State {
        let Some(reply) = worker_reply(&state) else { return state };
        state.reduce(Action::SuggestionsArrived(reply))
    }

    /// What a fresh suggester's worker replies to the pending request, as the page sends it.
    fn worker_reply(state: &State) -> Option<Reply> {
        let mut worker = Suggester::default();
        if let Some(text) = state.suggestion_text(&mut TextSent::default()) {
            assert_eq!(worker.take(&text), None);
        }
        Some(read_reply(&worker.take(&state.suggestion_request()?).unwrap()).unwrap())
    }

    fn suggest_now(state: State) -> State {
        answered(state.reduce(Action::Suggest))
    }

    fn shown(state: &State) -> Vec<(String, String)> {
        let doc = state.active_document().unwrap();
        state.suggestions.iter().map(|s| (s.label.to_string(), doc.slice(s.start, s.end).to_string())).collect()
    }

    #[test]
    fn suggestions_are_accepted_one_by_one_or_all_at_once_and_stay_out_of_history_until_then() {
        let state = suggest_now(state_with(SUGGESTIBLE));
        let proposed = shown(&state);
        assert!(proposed.contains(&("quote".into(), "We are ready.".trim_end_matches('.').into())), "{proposed:?}");
        assert!(!state.can_undo(), "suggesting is not an edit");
        assert!(state.active_document().unwrap().spans().is_empty(), "nor part of the document");
        let first = proposed[0].clone();
        let accepted = state.clone().reduce(Action::AcceptSuggestion(None));
        assert_eq!(texts(&accepted), [first]);
        assert_eq!(shown(&accepted).len(), proposed.len() - 1, "the cursor moves on to the next");
        let undone = accepted.reduce(Action::Undo);
        assert!(texts(&undone).is_empty());
        let all = state.reduce(Action::AcceptAllSuggestions(None));
        assert_eq!(texts(&all).len(), proposed.len());
        assert!(all.suggestions.is_empty());
        assert!(texts(&all.reduce(Action::Undo)).is_empty(), "accept all is one undo step");
    }

    #[test]
    fn a_span_made_where_a_suggestion_was_takes_its_place_and_other_edits_keep_the_list() {
        let state = suggest_now(state_with(SUGGESTIBLE));
        let proposed = shown(&state);
        let target = state.suggestions.last().unwrap().clone();
        let label: Rc<str> = if &*target.label == "actor" { "location".into() } else { "actor".into() };
        let tagged = state.reduce(Action::Tag { start: target.start, end: target.end, label, exact: true });
        assert_eq!(shown(&tagged), proposed[..proposed.len() - 1].to_vec(), "whatever the span's label");
        let list = tagged.suggestions.clone();
        let selected = tagged.clone().reduce(Action::SelectNeighbour { forward: true });
        let relabelled = selected.reduce(Action::RelabelSelected("figure".into()));
        assert_ne!(
            relabelled.active_document().unwrap().spans()[0].label,
            tagged.active_document().unwrap().spans()[0].label
        );
        assert!(Rc::ptr_eq(&relabelled.suggestions, &list), "an edit that takes no suggestion's place keeps the list");
    }

    /// The suggestions on [`SUGGESTIBLE`], and the state after the first of them was rejected.
    fn first_suggestion_rejected() -> (Vec<(String, String)>, State) {
        let state = suggest_now(state_with(SUGGESTIBLE));
        (shown(&state), state.reduce(Action::RejectSuggestion(None)))
    }

    #[test]
    fn a_rejected_suggestion_does_not_come_back_for_that_document() {
        let (before, rejected) = first_suggestion_rejected();
        assert_eq!(shown(&rejected).len(), before.len() - 1);
        let again = suggest_now(rejected.reduce(Action::ClearSuggestions));
        assert_eq!(shown(&again), before[1..].to_vec());
        // Another document (the same article with a trailing line break, so not merged into it).
        let elsewhere = again.reduce(Action::NewFromText { name: "two".into(), text: format!("{SUGGESTIBLE}\n") });
        assert!(elsewhere.suggestions.is_empty(), "another document: suggestions go");
        // There the rejected string is not proposed with that label either (see below).
        assert_eq!(shown(&suggest_now(elsewhere)), before[1..].to_vec());
    }

    #[test]
    fn a_string_rejected_on_one_document_is_not_proposed_with_that_label_on_the_next() {
        let text = "Halden Partners said on Monday that prices in Geneva would rise.";
        let state = suggest_now(state_with(text));
        let before = shown(&state);
        // The person rejects an unknown name and a known one.
        let mut rejected = state;
        for (label, string) in [("actor", "Halden Partners"), ("location", "Geneva")] {
            let at = shown(&rejected).iter().position(|s| *s == (label.to_string(), string.to_string()));
            let id = rejected.suggestions[at.unwrap_or_else(|| panic!("{string} proposed in {before:?}"))].id;
            rejected = rejected.reduce(Action::RejectSuggestion(Some(id)));
        }
        let next = rejected.reduce(Action::NewFromText { name: "two".into(), text: format!("{text}\n") });
        let after = shown(&suggest_now(next));
        assert!(!after.iter().any(|s| s.1 == "Halden Partners"), "{after:?}");
        assert!(after.contains(&("location".to_string(), "Geneva".to_string())), "the rest stays: {after:?}");
        assert_eq!(after.len(), before.len() - 1, "a known name rejected once is still judged per mention");
    }

    #[test]
    fn a_new_document_that_gets_a_removed_ones_id_does_not_inherit_its_rejections() {
        let (before, rejected) = first_suggestion_rejected();
        let removed = rejected.reduce(Action::RemoveDocument("d1".into()));
        let reopened = removed.reduce(Action::NewFromText { name: "again".into(), text: format!("{SUGGESTIBLE}\n") });
        assert_eq!(reopened.active.as_deref(), Some("d1"), "the id is given again");
        assert_eq!(shown(&suggest_now(reopened)), before, "nothing rejected on the new document");
    }

    #[test]
    fn a_rejected_suggestion_stays_rejected_after_the_workspace_is_stored_and_read_back() {
        let (before, rejected) = first_suggestion_rejected();
        let workspace = &rejected.workspace;
        let stored = crate::formats::storage::save(
            &workspace.labels,
            &workspace.relation_types,
            workspace.documents.iter().map(|d| &**d),
            crate::formats::storage::Extras {
                active: rejected.active.as_deref(),
                saved_at: 1.0,
                revision: 1,
                rejected: Some(rejected.rejected_suggestions()),
                history: None,
            },
        );
        let visited_again = State::restored(crate::formats::storage::load(&stored).unwrap());
        assert_eq!(shown(&suggest_now(visited_again)), before[1..].to_vec());
    }

    #[test]
    fn suggest_on_open_runs_on_every_document_opened_or_switched_to() {
        let state = state_with("Peskov said hello.").reduce(Action::SetSuggestOnOpen(true));
        let opened = answered(state.reduce(Action::NewFromText {
            name: "two".into(),
            text: "Talks in Geneva lasted over four hours.".into(),
        }));
        assert!(!opened.suggestions.is_empty());
        let labels: Vec<String> = shown(&opened).into_iter().map(|(l, _)| l).collect();
        assert!(labels.contains(&"location".to_string()) && labels.contains(&"figure".to_string()), "{labels:?}");
    }

    #[test]
    fn only_the_reply_to_the_newest_request_for_the_open_document_is_shown() {
        let asked = state_with(SUGGESTIBLE).reduce(Action::Suggest);
        let stale = worker_reply(&asked).unwrap();
        let asked_again = asked.reduce(Action::Suggest);
        let ignored = asked_again.clone().reduce(Action::SuggestionsArrived(stale.clone()));
        assert!(
            ignored.suggestions.is_empty() && ignored.suggest_ticket.is_some(),
            "an older ticket's reply is dropped"
        );
        let shown_now = answered(asked_again);
        assert!(!shown_now.suggestions.is_empty() && shown_now.suggest_ticket.is_none());
        let elsewhere = state_with(SUGGESTIBLE)
            .reduce(Action::Suggest)
            .reduce(Action::NewFromText { name: "two".into(), text: "Kyiv".into() });
        assert_eq!(elsewhere.suggest_ticket, None, "switching documents drops the pending request");

        // A span made while the suggester ran is not suggested again; an error is shown.
        let asked = state_with(SUGGESTIBLE).reduce(Action::Suggest);
        let reply = worker_reply(&asked).unwrap();
        let first = reply.suggestions[0].clone();
        let tagged =
            asked.reduce(Action::Tag { start: first.start, end: first.end, label: "actor".into(), exact: true });
        let arrived = tagged.reduce(Action::SuggestionsArrived(reply.clone()));
        assert!(!arrived.suggestions.iter().any(|s| (s.start, s.end) == (first.start, first.end)));
        let failed = state_with(SUGGESTIBLE).reduce(Action::Suggest).reduce(Action::SuggestionsArrived(Reply {
            error: Some("out of memory".into()),
            suggestions: Vec::new(),
            ..reply
        }));
        assert!(failed.alert.as_deref().is_some_and(|a| a.contains("out of memory")), "{:?}", failed.alert);
    }

    #[test]
    fn a_suggestion_is_found_by_its_element_id_after_others_were_taken() {
        let state = suggest_now(state_with(SUGGESTIBLE));
        let proposed = shown(&state);
        assert!(proposed.len() >= 3, "{proposed:?}");
        let last = state.suggestions.last().unwrap().clone();
        assert_eq!(id_of_element(&last.element_id()), Some(last.id));
        let second = state.suggestions[1].id;
        let rejected = state.reduce(Action::RejectSuggestion(Some(second)));
        assert_eq!(shown(&rejected), [&proposed[..1], &proposed[2..]].concat());
        let focused = rejected.reduce(Action::FocusSuggestion(last.id));
        assert_eq!(focused.suggestions.get(focused.suggestion_cursor), Some(&last));
        let accepted = focused.reduce(Action::AcceptSuggestion(None));
        assert_eq!(texts(&accepted), [proposed.last().unwrap().clone()], "Enter takes the clicked one");
        let unknown = accepted.clone().reduce(Action::AcceptSuggestion(Some(last.id)));
        assert_eq!(texts(&unknown), texts(&accepted), "an id no longer shown does nothing");
        assert_eq!(id_of_element("m3"), None, "a find match is not a suggestion");
        assert_eq!(id_of_element("g"), None);
    }

    #[test]
    fn suggestions_are_counted_per_label_in_one_pass() {
        let state = suggest_now(state_with(SUGGESTIBLE));
        let counts = count_by_label(&state.suggestions);
        for (label, count) in &counts {
            assert_eq!(*count, state.suggestions.iter().filter(|s| s.label == *label).count(), "{label}");
        }
        assert_eq!(counts.iter().map(|(_, n)| n).sum::<usize>(), state.suggestions.len());
        let mut labels: Vec<&str> = counts.iter().map(|(l, _)| &**l).collect();
        labels.sort_unstable();
        labels.dedup();
        assert_eq!(labels.len(), counts.len(), "each label once, even from another allocation");
        let other_allocation = Shown { label: Rc::from(&*state.suggestions[0].label), ..state.suggestions[0].clone() };
        let with_copy = [state.suggestions[0].clone(), other_allocation];
        assert_eq!(count_by_label(&with_copy), [(state.suggestions[0].label.clone(), 2)]);
    }

    #[test]
    fn undoing_an_accept_shows_its_suggestions_again_and_redo_takes_them_again() {
        let state = suggest_now(state_with(SUGGESTIBLE));
        let list = state.suggestions.clone();
        assert!(list.len() >= 3, "{:?}", shown(&state));
        let all = state.clone().reduce(Action::AcceptAllSuggestions(None));
        assert!(!all.history_for_storage().contains("accepted"), "suggestions are not stored with the history");
        let undone = all.reduce(Action::Undo);
        assert!(texts(&undone).is_empty());
        assert_eq!(undone.suggestions, list, "back, still to be judged");
        assert_eq!(undone.suggestion_cursor, state.suggestion_cursor);
        let redone = undone.reduce(Action::Redo);
        assert_eq!(texts(&redone).len(), list.len());
        assert!(redone.suggestions.is_empty(), "redo takes them again");
        assert_eq!(redone.reduce(Action::Undo).suggestions, list, "and undo gives them back again");

        // One taken with Enter comes back under the cursor.
        let second = state.clone().reduce(Action::MoveSuggestionCursor { forward: true });
        let taken = second.suggestions[second.suggestion_cursor].clone();
        let undone = second.reduce(Action::AcceptSuggestion(None)).reduce(Action::Undo);
        assert_eq!(undone.suggestions, list);
        assert_eq!(undone.suggestions[undone.suggestion_cursor], taken);
        let redone = undone.reduce(Action::Redo);
        assert_eq!(texts(&redone).len(), 1);
        assert_eq!(redone.suggestions.len(), list.len() - 1);

        // Not once their list is gone: cleared, or replaced by a new reply.
        let cleared = state.clone().reduce(Action::AcceptAllSuggestions(None)).reduce(Action::ClearSuggestions);
        let undone = cleared.reduce(Action::Undo);
        assert!(texts(&undone).is_empty() && undone.suggestions.is_empty());
        let renewed = suggest_now(state.reduce(Action::AcceptSuggestion(None)));
        let newer_list = renewed.suggestions.clone();
        let undone = renewed.reduce(Action::Undo);
        assert!(texts(&undone).is_empty());
        assert_eq!(undone.suggestions, newer_list, "the newer list is left as it is");
    }

    /// A saved page: a Title Case headline, a byline and a share prompt before the story.
    const PAGE: &str = "Kremlin Calls Geneva Talks Useful\nBy Anna Kowalska in Geneva\nShare this article\n\
        Kremlin spokesperson Dmitry Peskov said: “We are ready.” He spoke in Geneva about 126 drones.\n";

    #[test]
    fn the_cursor_starts_in_running_text_and_comes_round_to_the_headline_last() {
        let state = suggest_now(state_with(PAGE));
        let body = PAGE.chars().count() - PAGE.lines().last().unwrap().chars().count() - 1;
        let starts: Vec<usize> = state.suggestions.iter().map(|s| s.start).collect();
        assert!(starts.windows(2).all(|w| w[0] <= w[1]), "the list stays in reading order");
        let cursor = state.suggestion_cursor;
        assert!(cursor > 0 && starts[..cursor].iter().all(|&s| s < body), "{:?}", shown(&state));
        assert!(starts[cursor] >= body, "the first suggestion of the story: {:?}", shown(&state));

        let mut order = Vec::new();
        let mut state = state;
        while let Some(current) = state.suggestions.get(state.suggestion_cursor) {
            order.push(current.start);
            state = state.reduce(Action::AcceptSuggestion(None));
        }
        let expected = [&starts[cursor..], &starts[..cursor]].concat();
        assert_eq!(order, expected, "Enter goes on in reading order, then round to the headline");

        let without_headline = suggest_now(state_with(SUGGESTIBLE));
        assert_eq!(without_headline.suggestion_cursor, 0, "running text from the start");
    }

    #[test]
    fn a_line_is_judged_with_its_neighbours_where_the_cursor_starts() {
        // "Geneva" alone is no heading; under a byline it is the byline's city.
        let text = "Talks Stall as Winter Offensive Looms\nBy Marta Ferreira\nGeneva\nPeskov spoke in Geneva.\n";
        let doc = Document::new("d1", "t.txt", text);
        let at = |needle: &str| text[..text.find(needle).unwrap()].chars().count();
        let shown = |id, start: usize, len: usize| Shown {
            id,
            start,
            end: start + len,
            label: "location".into(),
            rule: "test".into(),
        };
        let list = [shown(1, at("Geneva\n"), 6), shown(2, at("Peskov"), 6), shown(3, at("Geneva."), 6)];
        assert_eq!(reading_start(&doc, &list), 1);
        assert_eq!(reading_start(&doc, &list[..1]), 0, "the first of all when none is in running text");
    }

    #[test]
    fn per_label_accept_all_leaves_the_other_labels_shown() {
        let state = suggest_now(state_with(SUGGESTIBLE));
        let figures = state.suggestions.iter().filter(|s| &*s.label == "figure").count();
        let accepted = state.clone().reduce(Action::AcceptAllSuggestions(Some("figure".into())));
        assert_eq!(texts(&accepted).len(), figures);
        assert_eq!(accepted.suggestions.len(), state.suggestions.len() - figures);
        assert!(accepted.suggestions.iter().all(|s| &*s.label != "figure"));
    }
}
