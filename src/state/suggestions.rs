//! Suggestions shown on the open document: proposed spans that look different, are not part of
//! the document (never exported, no undo history) until accepted. Enter accepts the one under
//! the cursor and moves on, `x` rejects it; a rejected suggestion does not come back for that
//! document. Accepting is an ordinary span edit (one undo step; "accept all" is one too).
//!
//! Asking for suggestions does not run the suggester here: it issues a [`Ticket`], the view
//! sends [`State::suggestion_request`] to a Web Worker, and the reply comes back as an action.
//! Only the reply to the newest ticket, for the document still open, is shown.

use std::rc::Rc;

use super::history::{Edit, WorkspaceEdit};
use super::State;
use crate::model::Span;
use crate::suggest::job::{self, Reply, TextSent};

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
        Some(job::request(ticket.number, doc, self.workspace.documents.iter().map(|d| &**d), rejected))
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
        let rejected = self.rejected.get(&doc.id);
        // Over 5,000 suggestions and 10,000 spans at 100k words, on the main thread: the spans'
        // order answers "is one there" by binary search, without hashing them all first.
        self.suggestions = reply
            .suggestions
            .into_iter()
            .filter(|s| s.start < s.end && s.end <= doc.len() && !doc.has_span_over(s.start, s.end))
            .filter(|s| rejected.is_none_or(|r| !r.contains(&(s.start, s.end, s.label.clone()))))
            .zip(1..)
            .map(|(s, id)| Shown { id, start: s.start, end: s.end, label: s.label, rule: s.rule })
            .collect::<Vec<_>>()
            .into();
        self.suggestion_cursor = 0;
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

    /// Takes a suggestion off the screen; the cursor stays on the place, now the next one.
    fn take_suggestion(&mut self, at: usize) -> Shown {
        let mut list = self.suggestions.to_vec();
        let taken = list.remove(at);
        self.suggestions = list.into();
        self.suggestion_cursor = at.min(self.suggestions.len().saturating_sub(1));
        taken
    }

    pub(super) fn accept_suggestion(&mut self, id: Option<u32>) {
        let Some(at) = self.suggestion_index(id) else { return };
        let shown = self.take_suggestion(at);
        let Some(doc) = self.active_document() else { return };
        let span = Span::new(doc.fresh_span_id(), shown.start, shown.end, shown.label);
        self.selected = Some(span.id.clone());
        self.record_span(Edit::Insert { span, relations: Vec::new() });
    }

    pub(super) fn reject_suggestion(&mut self, id: Option<u32>) {
        let Some(at) = self.suggestion_index(id) else { return };
        let shown = self.take_suggestion(at);
        let Some(doc) = self.active.clone() else { return };
        Rc::make_mut(&mut self.rejected).entry(doc).or_default().insert((shown.start, shown.end, shown.label));
    }

    /// Accepts every suggestion shown (of `label`, if given) as one undo step.
    pub(super) fn accept_all_suggestions(&mut self, label: Option<&str>) {
        let (Some(doc), Some(doc_id)) = (self.active_document(), self.active.clone()) else { return };
        let (accepted, kept): (Vec<Shown>, Vec<Shown>) =
            self.suggestions.iter().cloned().partition(|s| label.is_none_or(|l| *s.label == *l));
        let mut taken: Vec<Rc<str>> = doc.spans().iter().map(|s| s.id.clone()).collect();
        let mut spans = Vec::new();
        for shown in accepted {
            let duplicate =
                doc.spans().iter().any(|s| (s.start, s.end, &s.label) == (shown.start, shown.end, &shown.label));
            if duplicate {
                continue;
            }
            let id = crate::model::fresh_id("s", taken.iter().map(|id| &**id));
            taken.push(id.clone());
            spans.push((doc_id.clone(), Span::new(id, shown.start, shown.end, shown.label), Vec::new()));
        }
        self.suggestions = kept.into();
        self.suggestion_cursor = 0;
        if !spans.is_empty() {
            self.record_workspace(WorkspaceEdit::Spans { spans, removed: false });
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
