//! The suggester as a job for a Web Worker, so that a long document never blocks typing or
//! scrolling: the page sends a [`Request`] (the text, the spans it already has, what the
//! workspace taught, what was rejected) and gets a [`Reply`] back, both as JSON strings because
//! that is what crosses `postMessage` cheaply. Pure: the worker binary and the page only move the
//! strings; building and answering requests is tested natively here.
//!
//! A ticket number ties a reply to its request: a reply to an older request (the person asked
//! again, or switched documents) is dropped by the state.

use std::collections::HashSet;
use std::rc::Rc;

use serde::{Deserialize, Serialize};

use super::learned::taught;
use super::{suggest, Learned};
use crate::model::{Document, Span};

/// What the worker posts once it listens: messages posted to a worker before its (asynchronously
/// loaded) code installs a handler are lost, so the page holds requests until it hears this.
pub const READY: &str = "ready";

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Request {
    pub ticket: u32,
    pub document: String,
    pub text: String,
    /// The spans the document has: (start, end, label); no suggestion repeats their boundaries.
    pub spans: Vec<(usize, usize, String)>,
    /// Every string tagged in the workspace with its label.
    pub taught: Vec<(String, String)>,
    /// What the person rejected on this document: (start, end, label).
    pub rejected: Vec<(usize, usize, String)>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Proposed {
    pub start: usize,
    pub end: usize,
    pub label: String,
    pub rule: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Reply {
    pub ticket: u32,
    pub document: String,
    /// Sorted like spans; empty when `error` says why there are none.
    pub suggestions: Vec<Proposed>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

/// A [`Request`] as the page writes it: borrowed from the workspace, because it is built on the
/// main thread for every Suggest and a copy of a long text and of every span's strings cost
/// most of a frame.
#[derive(Serialize)]
struct RequestOut<'a> {
    ticket: u32,
    document: &'a str,
    text: &'a str,
    spans: Vec<(usize, usize, &'a str)>,
    taught: Vec<(&'a str, &'a str)>,
    rejected: Vec<(usize, usize, &'a str)>,
}

/// The request for suggestions on `doc`, learning from `documents` (the whole workspace).
pub fn request<'a>(
    ticket: u32,
    doc: &'a Document,
    documents: impl IntoIterator<Item = &'a Document>,
    rejected: impl IntoIterator<Item = &'a (usize, usize, Rc<str>)>,
) -> String {
    let request = RequestOut {
        ticket,
        document: &doc.id,
        text: doc.text(),
        spans: doc.spans().iter().map(|s| (s.start, s.end, &*s.label)).collect(),
        taught: taught(documents),
        rejected: rejected.into_iter().map(|(start, end, label)| (*start, *end, &**label)).collect(),
    };
    serde_json::to_string(&request).expect("a request always serialises")
}

/// What the worker sends back for `request`: the suggestions, or the reason there are none.
pub fn answer(request: &str) -> String {
    let reply = match serde_json::from_str::<Request>(request) {
        Ok(request) => answer_request(request),
        Err(e) => Reply {
            ticket: 0,
            document: String::new(),
            suggestions: Vec::new(),
            error: Some(format!("the suggester got a request it cannot read ({e})")),
        },
    };
    serde_json::to_string(&reply).expect("a reply always serialises")
}

fn answer_request(request: Request) -> Reply {
    let Request { ticket, document, text, spans, taught, rejected } = request;
    let mut doc = Document::new(document.as_str(), "", text);
    for (n, (start, end, label)) in spans.into_iter().enumerate() {
        // Spans that do not fit the text cannot be there; the text is what counts.
        let _ = doc.insert_span(Span::new(format!("s{n}"), start, end, label));
    }
    let learned = Learned::from_taught(taught.into_iter().map(|(text, label)| (text.into(), label.into())));
    let rejected: HashSet<(usize, usize, Rc<str>)> =
        rejected.into_iter().map(|(start, end, label)| (start, end, label.into())).collect();
    let suggestions = suggest(&doc, &learned, &rejected)
        .into_iter()
        .map(|s| Proposed { start: s.start, end: s.end, label: s.label.to_string(), rule: s.rule.to_string() })
        .collect();
    Reply { ticket, document, suggestions, error: None }
}

/// Reads what the worker sent; a reply that cannot be read is an error to show.
pub fn read_reply(reply: &str) -> Result<Reply, String> {
    serde_json::from_str(reply).map_err(|e| format!("the suggester sent a reply that cannot be read ({e})"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_request_answered_gives_what_the_suggester_gives_in_place() {
        let mut doc = Document::new("d7", "t.txt", "The zorbs said “we wait” in Geneva. The zorbs left Geneva.");
        doc.insert_span(Span::new("s1", 4, 9, "actor")).unwrap();
        let rejected = vec![(28, 34, Rc::from("location"))];
        let json = request(3, &doc, [&doc], &rejected);
        let reply = read_reply(&answer(&json)).unwrap();
        let in_place = suggest(&doc, &Learned::from_documents([&doc]), &rejected.into_iter().collect());
        assert_eq!((reply.ticket, reply.document.as_str(), &reply.error), (3, "d7", &None));
        let got: Vec<(usize, usize, &str, &str)> =
            reply.suggestions.iter().map(|s| (s.start, s.end, &*s.label, &*s.rule)).collect();
        let expected: Vec<(usize, usize, &str, &str)> =
            in_place.iter().map(|s| (s.start, s.end, &*s.label, s.rule)).collect();
        assert_eq!(got, expected);
        assert!(got.contains(&(40, 45, "actor", "learned")), "the taught string is learned: {got:?}");
        assert!(!got.iter().any(|s| (s.0, s.1) == (4, 9)), "an existing span is not suggested again");
        assert!(!got.iter().any(|s| (s.0, s.1, s.2) == (28, 34, "location")), "rejected stays rejected: {got:?}");
        assert!(got.iter().any(|s| s.2 == "location"), "the other Geneva is still suggested: {got:?}");
    }

    #[test]
    fn a_broken_request_gets_an_error_not_a_panic() {
        let reply = read_reply(&answer("{not json")).unwrap();
        assert!(reply.suggestions.is_empty());
        assert!(reply.error.unwrap().contains("cannot read"));
        assert!(read_reply("garbage").unwrap_err().contains("cannot be read"));
    }
}
