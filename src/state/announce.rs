//! What the page's live region says after an action: an edit in words ("Location: Saudi Arabia
//! added"), the undo or redo of one ("undone: Location: Saudi Arabia added"), the span a key
//! selected, documents opened, suggestions asked for and arrived, and why a key did nothing ("nothing to tag: the
//! selection has no letters or digits"). Worked out from the states before and after, so an edit
//! is told the same way whichever key, button, suggestion or find made it.
//!
//! Not for: errors (the alert, a `role="alert"` element, says those), or showing the text (the
//! component layer does).

use std::collections::HashSet;
use std::rc::Rc;

use super::{relation_name, Action, State};
use crate::model::{Document, Relation, Span, Workspace};

/// The live region's text; `serial` grows with each one, so the same words said twice (two keys
/// that both do nothing) are drawn, and heard, twice.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Announcement {
    pub text: Rc<str>,
    pub serial: u32,
}

/// How much of a span's text an announcement reads out.
const SPOKEN_CHARS: usize = 60;

/// What an action is, as far as its announcement goes.
#[derive(Clone, Copy)]
enum Kind {
    Edit,
    Tag { start: usize, end: usize },
    Undo,
    Redo,
    Select,
    Suggest,
    Open,
    Quiet,
}

/// What an announcement needs of the state before an action.
pub(super) struct Before {
    kind: Kind,
    document: Option<Rc<Document>>,
    selected: Option<Rc<str>>,
    documents: usize,
    suggesting: bool,
    /// For an undo or redo: whether there was a step to take.
    could: bool,
}

impl Before {
    pub(super) fn of(state: &State, action: &Action) -> Self {
        let kind = match action {
            Action::Tag { start, end, .. } => Kind::Tag { start: *start, end: *end },
            Action::Undo => Kind::Undo,
            Action::Redo => Kind::Redo,
            Action::Select(_) | Action::SelectCycle(_) | Action::SelectNeighbour { .. } => Kind::Select,
            Action::Suggest | Action::SuggestionsArrived(_) => Kind::Suggest,
            Action::FilesOpened { .. } | Action::NewFromText { .. } => Kind::Open,
            Action::RelabelSelected(_)
            | Action::ResizeSelected { .. }
            | Action::MoveSelectedEdge { .. }
            | Action::SetNote { .. }
            | Action::DeleteSelected
            | Action::PickLink(_)
            | Action::RemoveRelation(_)
            | Action::AcceptSuggestion(_)
            | Action::AcceptAllSuggestions(_)
            | Action::TagAllMatches(_)
            | Action::Entities(_) => Kind::Edit,
            _ => Kind::Quiet,
        };
        let could = match kind {
            Kind::Undo => state.can_undo(),
            Kind::Redo => state.can_redo(),
            _ => false,
        };
        Self {
            kind,
            document: state.active_document().cloned(),
            selected: state.selected.clone(),
            documents: state.workspace.documents.len(),
            suggesting: state.suggest_ticket.is_some(),
            could,
        }
    }

    /// What to say now that the action made `after`, if anything.
    pub(super) fn announcement(&self, after: &State) -> Option<String> {
        let workspace = &after.workspace;
        let (before, now) = (self.document.as_deref(), after.active_document().map(|d| &**d));
        let change = |from: Option<&Document>, to: Option<&Document>| change_in_words(workspace, from?, to?);
        match self.kind {
            Kind::Quiet => None,
            Kind::Edit => change(before, now),
            Kind::Undo | Kind::Redo if !self.could => {
                Some(format!("nothing to {}", if matches!(self.kind, Kind::Undo) { "undo" } else { "redo" }))
            }
            Kind::Undo => Some(said_after("undone", change(now, before))),
            Kind::Redo => Some(said_after("redone", change(before, now))),
            Kind::Tag { start, end } => {
                change(before, now).or_else(|| Some(why_not_tagged(after, before?, start, end)))
            }
            Kind::Select => change(before, now).or_else(|| {
                let doc = now?;
                if doc.spans().is_empty() {
                    return Some("no spans in this document yet".to_string());
                }
                let selected = after.selected.as_ref().filter(|id| self.selected.as_ref() != Some(*id))?;
                Some(format!("{} selected", span_in_words(workspace, doc, doc.span(selected)?)))
            }),
            Kind::Open => match after.workspace.documents.len().saturating_sub(self.documents) {
                0 => None,
                1 => Some(format!("{} opened", now?.name)),
                n => Some(format!("{n} documents opened")),
            },
            Kind::Suggest => match (self.suggesting, after.suggest_ticket.is_some()) {
                (false, true) => Some("suggesting…".to_string()),
                (true, false) => Some(match after.suggestions.len() {
                    0 => "no suggestions for this document".to_string(),
                    1 => "1 suggestion shown: Enter accepts, x rejects".to_string(),
                    n => format!("{n} suggestions shown: Enter accepts, x rejects"),
                }),
                _ => None,
            },
        }
    }
}

/// "undone: Location: Saudi Arabia added", or "undone" when the step was not a span edit in
/// this document (a label renamed, a file opened).
fn said_after(what: &str, change: Option<String>) -> String {
    change.map_or_else(|| what.to_string(), |change| format!("{what}: {change}"))
}

/// Why tagging `[start, end)` of `doc` made no span: a selection without words, or a span that
/// is there already (which is selected instead).
fn why_not_tagged(after: &State, doc: &Document, start: usize, end: usize) -> String {
    let (start, end) = (start.min(doc.len()), end.min(doc.len()));
    if !doc.slice(start.min(end), end).chars().any(char::is_alphanumeric) {
        return "nothing to tag: the selection has no letters or digits".to_string();
    }
    match after.selected.as_deref().and_then(|id| doc.span(id)) {
        Some(span) if span.start < end && start < span.end => {
            format!("{} is tagged already", span_in_words(&after.workspace, doc, span))
        }
        _ => "nothing to tag: the label is not in the label set".to_string(),
    }
}

/// An edit of one document's spans and links, in words; `None` when nothing of them changed
/// (or `to` is another document). Many spans are counted rather than named.
pub fn change_in_words(workspace: &Workspace, from: &Document, to: &Document) -> Option<String> {
    if from.id != to.id || std::ptr::eq(from, to) {
        return None;
    }
    let (was, now) = differing(from.spans(), to.spans());
    let added: Vec<&Span> = now.iter().filter(|s| from.span(&s.id).is_none()).collect();
    let removed: Vec<&Span> = was.iter().filter(|s| to.span(&s.id).is_none()).collect();
    let changed: Vec<(&Span, &Span)> =
        now.iter().filter_map(|s| Some((from.span(&s.id)?, s))).filter(|(was, now)| was != now).collect();
    let named = |span: &Span, doc: &Document| span_in_words(workspace, doc, span);
    let mut parts = Vec::new();
    match (added.as_slice(), removed.as_slice()) {
        ([one], []) => parts.push(format!("{} added", named(one, to))),
        ([], [one]) => parts.push(format!("{} deleted", named(one, from))),
        (added, removed) => {
            parts.extend((!added.is_empty()).then(|| format!("{} added", counted(added.len()))));
            parts.extend((!removed.is_empty()).then(|| format!("{} deleted", counted(removed.len()))));
        }
    }
    match changed.as_slice() {
        [] => {}
        [(was, now)] => parts.push(one_change(workspace, to, was, now)),
        many => parts.push(format!("{} changed", counted(many.len()))),
    }
    if parts.is_empty() {
        parts.extend(links_in_words(workspace, from, to));
    }
    (!parts.is_empty()).then(|| parts.join(", "))
}

/// The parts of two sorted span lists between their longest equal head and tail. Span ids are
/// unique within a document, so every span added, removed or changed lies in them, and one edit
/// among ten thousand spans is put in words without looking up each of them.
fn differing<'a>(from: &'a [Span], to: &'a [Span]) -> (&'a [Span], &'a [Span]) {
    let head = from.iter().zip(to).take_while(|(a, b)| a == b).count();
    let (from, to) = (&from[head..], &to[head..]);
    let tail = from.iter().rev().zip(to.iter().rev()).take_while(|(a, b)| a == b).count();
    (&from[..from.len() - tail], &to[..to.len() - tail])
}

/// One span that kept its id: relabelled, resized, noted or grouped.
fn one_change(workspace: &Workspace, doc: &Document, was: &Span, now: &Span) -> String {
    let named = span_in_words(workspace, doc, now);
    if was.label != now.label {
        format!("{named}, was {}", label_name(workspace, &was.label))
    } else if (was.start, was.end) != (now.start, now.end) {
        format!("{named}, resized")
    } else if was.note != now.note {
        format!("{named}, note {}", if now.note.is_some() { "saved" } else { "removed" })
    } else {
        format!("{named}, entity {}", if now.entity.is_some() { "set" } else { "removed" })
    }
}

/// Links made or taken away, each as "linked: “we are ready” said by Dmitry Peskov".
fn links_in_words(workspace: &Workspace, from: &Document, to: &Document) -> Vec<String> {
    let ids = |doc: &Document| doc.relations().iter().map(|r| r.id.clone()).collect::<HashSet<_>>();
    let (before, after) = (ids(from), ids(to));
    let said = |doc: &Document, relation: &Relation| {
        let text = |id: &str| doc.span(id).map(|s| spoken(doc.slice(s.start, s.end))).unwrap_or_default();
        let kind = relation_name(&workspace.relation_types, &relation.kind);
        format!("“{}” {kind} {}", text(&relation.from), text(&relation.to))
    };
    let made = to.relations().iter().filter(|r| !before.contains(&r.id)).map(|r| format!("linked: {}", said(to, r)));
    let gone =
        from.relations().iter().filter(|r| !after.contains(&r.id)).map(|r| format!("link removed: {}", said(from, r)));
    made.chain(gone).collect()
}

/// "Location: Saudi Arabia".
fn span_in_words(workspace: &Workspace, doc: &Document, span: &Span) -> String {
    format!("{}: {}", label_name(workspace, &span.label), spoken(doc.slice(span.start, span.end)))
}

fn label_name<'w>(workspace: &'w Workspace, id: &'w str) -> &'w str {
    workspace.label(id).map_or(id, |l| l.name.as_str())
}

/// A span's text as read out: its first words, line breaks as spaces.
fn spoken(text: &str) -> String {
    let words: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    match words.char_indices().nth(SPOKEN_CHARS) {
        Some((at, _)) => format!("{}…", &words[..at]),
        None => words,
    }
}

fn counted(n: usize) -> String {
    format!("{n} span{}", if n == 1 { "" } else { "s" })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Relation;
    use crate::state::testing::{open_files, state_with, tag};
    use crate::state::Action;

    const TEXT: &str = "Officials in Saudi Arabia met Dmitry Peskov, who said “we are ready” - again.";

    fn said(state: &State) -> Option<&str> {
        state.announcement.as_ref().map(|a| &*a.text)
    }

    fn at(needle: &str) -> (usize, usize) {
        let start = TEXT[..TEXT.find(needle).unwrap()].chars().count();
        (start, start + needle.chars().count())
    }

    fn tagged(state: State, needle: &str, label: &str) -> State {
        let (start, end) = at(needle);
        tag(state, start, end, label)
    }

    #[test]
    fn tagging_deleting_and_relabelling_are_said_with_label_and_text() {
        let state = tagged(state_with(TEXT), "Saudi Arabia", "location");
        assert_eq!(said(&state), Some("Location: Saudi Arabia added"));
        let relabelled = state.clone().reduce(Action::RelabelSelected("actor".into()));
        assert_eq!(said(&relabelled), Some("Actor: Saudi Arabia, was Location"));
        let resized =
            state.clone().reduce(Action::ResizeSelected { edge: crate::model::SpanEdge::Start, forward: false });
        assert_eq!(said(&resized), Some("Location: in Saudi Arabia, resized"));
        let deleted = state.reduce(Action::DeleteSelected);
        assert_eq!(said(&deleted), Some("Location: Saudi Arabia deleted"));
    }

    #[test]
    fn undo_and_redo_name_the_edit_they_take_back_or_make_again() {
        let state = tagged(state_with(TEXT), "Saudi Arabia", "location");
        let undone = state.reduce(Action::Undo);
        assert_eq!(said(&undone), Some("undone: Location: Saudi Arabia added"));
        let redone = undone.reduce(Action::Redo);
        assert_eq!(said(&redone), Some("redone: Location: Saudi Arabia added"));
        let deleted = redone.reduce(Action::DeleteSelected).reduce(Action::Undo);
        assert_eq!(said(&deleted), Some("undone: Location: Saudi Arabia deleted"));
        let nothing = state_with(TEXT).reduce(Action::Undo);
        assert_eq!(said(&nothing), Some("nothing to undo"));
        assert_eq!(said(&nothing.reduce(Action::Redo)), Some("nothing to redo"));
    }

    #[test]
    fn a_tag_that_makes_nothing_says_why() {
        let hyphen = tagged(state_with(TEXT), "-", "actor");
        assert_eq!(said(&hyphen), Some("nothing to tag: the selection has no letters or digits"));
        let twice = tagged(tagged(state_with(TEXT), "Saudi Arabia", "location"), "Saudi Arabia", "location");
        assert_eq!(said(&twice), Some("Location: Saudi Arabia is tagged already"));
        let unknown = tagged(state_with(TEXT), "Saudi Arabia", "no-such-label");
        assert_eq!(said(&unknown), Some("nothing to tag: the label is not in the label set"));
    }

    #[test]
    fn the_same_words_twice_are_two_announcements() {
        let once = tagged(state_with(TEXT), "-", "actor");
        let twice = tagged(once.clone(), "-", "actor");
        let serial = |s: &State| s.announcement.as_ref().unwrap().serial;
        assert_eq!(said(&once), said(&twice));
        assert_ne!(serial(&once), serial(&twice));
    }

    #[test]
    fn links_selection_and_many_spans_are_said_too() {
        let mut state = tagged(tagged(state_with(TEXT), "Dmitry Peskov", "actor"), "we are ready", "quote");
        let doc = Rc::make_mut(&mut state.workspace.documents[0]);
        doc.insert_relation(Relation::new("r1", "said_by", "s2", "s1")).unwrap();
        let unlinked = state.clone().reduce(Action::RemoveRelation("r1".into()));
        assert_eq!(said(&unlinked), Some("link removed: “we are ready” said by Dmitry Peskov"));
        let relinked = unlinked.reduce(Action::Undo);
        assert_eq!(said(&relinked), Some("undone: link removed: “we are ready” said by Dmitry Peskov"));
        let selected = relinked.reduce(Action::SelectNeighbour { forward: false });
        assert_eq!(said(&selected), Some("Actor: Dmitry Peskov selected"));
        let empty = state_with(TEXT).reduce(Action::SelectNeighbour { forward: true });
        assert_eq!(said(&empty), Some("no spans in this document yet"));
        let long = "word ".repeat(40);
        let quote = tag(state_with(&long), 0, 199, "quote");
        let text = said(&quote).unwrap();
        assert!(text.starts_with("Quote: word word") && text.ends_with("… added"), "{text}");
        assert_eq!(text.chars().count(), "Quote: ".len() + SPOKEN_CHARS + "… added".chars().count());
        let find = Action::Find { query: "word".into(), case_sensitive: false, whole_word: true };
        let all = state_with(&long).reduce(find).reduce(Action::TagAllMatches("actor".into()));
        assert_eq!(said(&all), Some("40 spans added"));
    }

    #[test]
    fn one_edit_among_many_spans_is_named_wherever_it_moves_the_span() {
        let text = "alpha beta gamma delta epsilon zeta eta theta iota kappa";
        let words: Vec<(usize, usize)> = text
            .split(' ')
            .scan(0, |at, w| {
                let span = (*at, *at + w.len());
                *at += w.len() + 1;
                Some(span)
            })
            .collect();
        let all = words.iter().fold(state_with(text), |state, &(start, end)| tag(state, start, end, "actor"));
        let before: Document = (**all.active_document().unwrap()).clone();
        let mut after = before.clone();
        let id = after.spans()[2].id.clone();
        let mut grown = after.span(&id).unwrap().clone();
        grown.start = words[0].0;
        after.remove_span(&id);
        after.insert_span(grown).unwrap();
        assert_eq!(after.spans()[0].id, id, "the span moved ahead of two others");
        let said = change_in_words(&all.workspace, &before, &after);
        assert_eq!(said.as_deref(), Some("Actor: alpha beta gamma, resized"));
        let mut removed = before.clone();
        removed.remove_span(&before.spans()[9].id);
        assert_eq!(change_in_words(&all.workspace, &before, &removed).as_deref(), Some("Actor: kappa deleted"));
        assert_eq!(change_in_words(&all.workspace, &removed, &before).as_deref(), Some("Actor: kappa added"));
    }

    #[test]
    fn opened_documents_are_said_by_name_or_counted() {
        let file = |name: &str| (name.to_string(), format!("Officials met in Geneva about {name}.").into_bytes());
        let one = state_with(TEXT).reduce(open_files(vec![file("a.txt")]));
        assert_eq!(said(&one), Some("a.txt opened"));
        let two = one.reduce(open_files(vec![file("b.txt"), file("c.txt")]));
        assert_eq!(said(&two), Some("2 documents opened"));
        let empty = two.clone().reduce(Action::NewFromText { name: "d.txt".into(), text: String::new() });
        assert_eq!(said(&empty), said(&two), "nothing opened, nothing said (the alert says why)");
    }

    #[test]
    fn edits_of_another_document_and_quiet_actions_say_nothing() {
        let state = tagged(state_with(TEXT), "Saudi Arabia", "location");
        let serial = state.announcement.clone();
        let quiet = state.reduce(Action::SetDimFurniture(false));
        assert_eq!(quiet.announcement, serial, "a setting keeps the last announcement");
        let other = Document::new("d2", "u.txt", TEXT);
        assert_eq!(change_in_words(&quiet.workspace, quiet.active_document().unwrap(), &other), None);
    }
}
