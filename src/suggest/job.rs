//! The suggester as a job for a Web Worker, so that a long document never blocks typing or
//! scrolling: the page sends a [`Request`] (the spans the document has, what the workspace
//! taught, what was rejected) and gets a [`Reply`] back, both as JSON strings because that is
//! what crosses `postMessage` cheaply. Pure: the worker binary and the page only move the
//! strings; building and answering requests is tested natively here.
//!
//! The document's text goes to the worker once, in a message of its own ([`text_message`])
//! before the first request for that document, and the worker's [`Suggester`] keeps it: writing
//! a long text as JSON and handing it to `postMessage` took most of a frame on the page for
//! every Suggest, and a task of its own keeps the first request's task short too. (The page
//! posts that message as UTF-8 bytes in a transferred buffer; the worker turns it back into the
//! string [`Suggester::take`] reads.) The page's
//! [`TextSent`] remembers what went, so both sides agree as long as messages arrive in order
//! (they do).
//!
//! A ticket number ties a reply to its request: a reply to an older request (the person asked
//! again, or switched documents) is dropped by the state.

use std::borrow::Cow;
use std::collections::HashSet;
use std::rc::Rc;

use serde::{Deserialize, Serialize};

use super::learned::taught;
use super::words::FastHash;
use super::{suggest, Learned};
use crate::model::{Document, Span};

/// What the worker posts once it listens: messages posted to a worker before its (asynchronously
/// loaded) code installs a handler are lost, so the page holds requests until it hears this.
pub const READY: &str = "ready";

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Request {
    pub ticket: u32,
    pub document: String,
    /// The spans the document has, `[start, end, label]` one after another, the label an index
    /// into `labels`: no suggestion repeats their boundaries, and the worker learns their
    /// strings from the text it holds.
    pub spans: Vec<usize>,
    pub labels: Vec<String>,
    /// The strings tagged in the workspace's other documents, with their labels.
    pub taught: Vec<(String, String)>,
    /// What the person rejected on this document: (start, end, label).
    pub rejected: Vec<(usize, usize, String)>,
    /// The strings rejected on the workspace's other documents, with their labels.
    #[serde(default)]
    pub refused: Vec<(String, String)>,
}

/// One suggestion of a reply; its label and rule are shared with the reply's others.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Proposed {
    pub start: usize,
    pub end: usize,
    pub label: Rc<str>,
    pub rule: Rc<str>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Reply {
    pub ticket: u32,
    pub document: String,
    /// Sorted like spans; empty when `error` says why there are none.
    pub suggestions: Vec<Proposed>,
    pub error: Option<String>,
}

/// A [`Reply`] as it crosses to the page: the suggestions as one list of numbers, `[start, end,
/// label, rule]` after another, the label and rule as indexes into `labels` and `rules`. The
/// page reads it on its main thread, and a 100k-word article gets over 5,000 suggestions: a flat
/// list of numbers parses several times faster than objects of strings, and each label is
/// allocated once, not once per suggestion.
#[derive(Serialize, Deserialize)]
struct ReplyWire {
    ticket: u32,
    document: String,
    labels: Vec<String>,
    rules: Vec<String>,
    suggestions: Vec<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    error: Option<String>,
}

/// Where `name` is in `table`, adding it at the end if it is new (tables hold a few names).
fn index_in<'a>(table: &mut Vec<&'a str>, name: &'a str) -> usize {
    table.iter().position(|known| *known == name).unwrap_or_else(|| {
        table.push(name);
        table.len() - 1
    })
}

fn write_reply(reply: &Reply) -> String {
    let (mut labels, mut rules): (Vec<&str>, Vec<&str>) = (Vec::new(), Vec::new());
    let suggestions = reply
        .suggestions
        .iter()
        .flat_map(|s| [s.start, s.end, index_in(&mut labels, &s.label), index_in(&mut rules, &s.rule)])
        .collect();
    let wire = ReplyWire {
        ticket: reply.ticket,
        document: reply.document.clone(),
        labels: labels.into_iter().map(String::from).collect(),
        rules: rules.into_iter().map(String::from).collect(),
        suggestions,
        error: reply.error.clone(),
    };
    serde_json::to_string(&wire).expect("a reply always serialises")
}

/// A [`Request`] as the page writes it: borrowed from the workspace, because it is built on the
/// main thread for every Suggest. The open document's spans go as numbers, not strings: at 10,000
/// spans, slicing, deduplicating and writing their strings was most of the request's task.
#[derive(Serialize)]
struct RequestOut<'a> {
    ticket: u32,
    document: &'a str,
    spans: Vec<usize>,
    labels: Vec<&'a str>,
    taught: Vec<(&'a str, &'a str)>,
    rejected: Vec<(usize, usize, &'a str)>,
    refused: Vec<(&'a str, &'a str)>,
}

/// Which document's text the worker holds, as the page knows it. A document's text never
/// changes, so the same allocation under the same id is the same text.
#[derive(Debug, Default)]
pub struct TextSent(Option<(Rc<str>, Rc<str>)>);

impl TextSent {
    /// Whether `doc`'s text must go before the next request; from then on the worker has it.
    pub fn must_send(&mut self, doc: &Document) -> bool {
        let held = self.0.as_ref().is_some_and(|(id, text)| *id == doc.id && Rc::ptr_eq(text, doc.text()));
        if !held {
            self.0 = Some((doc.id.clone(), doc.text().clone()));
        }
        !held
    }
}

/// What a text message starts with: the document's id; the text follows the line break.
#[derive(Serialize, Deserialize)]
struct TextOf<'a> {
    text_of: Cow<'a, str>,
}

/// The message that gives the worker `doc`'s text: a line of JSON naming the document, then the
/// text as it is (no JSON escaping of a whole article on the main thread). JSON escapes line
/// breaks, so the first one ends the header whatever the id holds.
pub fn text_message(doc: &Document) -> String {
    let header = serde_json::to_string(&TextOf { text_of: Cow::Borrowed(&doc.id) }).expect("an id always serialises");
    let mut message = String::with_capacity(header.len() + 1 + doc.text().len());
    message.push_str(&header);
    message.push('\n');
    message.push_str(doc.text());
    message
}

/// The request for suggestions on `doc`, learning from `documents` (the whole workspace), with
/// what was `rejected` on it and the strings `refused` on the others (see [`super::refused`]).
/// The worker must have `doc`'s text (see [`TextSent`]).
pub fn request<'a>(
    ticket: u32,
    doc: &'a Document,
    documents: impl IntoIterator<Item = &'a Document>,
    rejected: impl IntoIterator<Item = &'a (usize, usize, Rc<str>)>,
    refused: Vec<(&'a str, &'a str)>,
) -> String {
    let mut labels = Vec::new();
    let spans = doc.spans().iter().flat_map(|s| [s.start, s.end, index_in(&mut labels, &s.label)]).collect();
    let request = RequestOut {
        ticket,
        document: &doc.id,
        spans,
        labels,
        taught: taught(documents.into_iter().filter(|other| other.id != doc.id)),
        rejected: rejected.into_iter().map(|(start, end, label)| (*start, *end, &**label)).collect(),
        refused,
    };
    serde_json::to_string(&request).expect("a request always serialises")
}

/// The worker's side: keeps the document whose text it was sent last (built once, without
/// spans: its index and paragraphs serve every request) and answers requests about it.
#[derive(Debug, Default)]
pub struct Suggester {
    document: Option<Document>,
}

impl Suggester {
    /// Takes one message of the page: a text is kept (no reply); a request gets its reply.
    pub fn take(&mut self, message: &str) -> Option<String> {
        let text = message.split_once('\n').and_then(|(header, text)| {
            serde_json::from_str::<TextOf>(header).ok().map(|of| (of.text_of.into_owned(), text))
        });
        match text {
            Some((document, text)) => {
                self.document = Some(Document::new(document, "", text));
                None
            }
            None => Some(self.answer(message)),
        }
    }

    /// What the worker sends back for `request`: the suggestions, or the reason there are none.
    fn answer(&mut self, request: &str) -> String {
        let reply = match serde_json::from_str::<Request>(request) {
            Ok(request) => self.answer_request(request),
            Err(e) => Reply {
                ticket: 0,
                document: String::new(),
                suggestions: Vec::new(),
                error: Some(format!("the suggester got a request it cannot read ({e})")),
            },
        };
        write_reply(&reply)
    }

    fn answer_request(&mut self, request: Request) -> Reply {
        let Request { ticket, document, spans, labels, taught: elsewhere, rejected, refused } = request;
        let refuse =
            |error: String| Reply { ticket, document: document.clone(), suggestions: Vec::new(), error: Some(error) };
        if !spans.len().is_multiple_of(3) {
            return refuse(format!("{} numbers do not make spans of three", spans.len()));
        }
        let Some(kept) = self.document.as_ref().filter(|kept| *kept.id == document) else {
            return refuse(format!("the suggester was not sent the text of document {document}"));
        };
        // A clone shares the text, its index and its paragraphs; only the spans are this request's.
        let mut doc = kept.clone();
        let labels: Vec<Rc<str>> = labels.into_iter().map(Rc::from).collect();
        for (n, span) in spans.chunks_exact(3).enumerate() {
            // Spans that do not fit the text, or name no label, cannot be there; the text is
            // what counts.
            if let Some(label) = labels.get(span[2]) {
                let _ = doc.insert_span(Span::new(format!("s{n}"), span[0], span[1], label.clone()));
            }
        }
        // This document's strings first, then the other documents' ones it does not have.
        let here = taught([&doc]);
        let seen: HashSet<(&str, &str), FastHash> = here.iter().copied().collect();
        let there = elsewhere.iter().filter(|(text, label)| !seen.contains(&(text.as_str(), label.as_str())));
        let pairs = here.iter().copied().chain(there.map(|(text, label)| (text.as_str(), label.as_str())));
        let learned = Learned::from_taught(pairs.map(|(text, label)| (text.into(), label.into())))
            .with_refused(refused.iter().map(|(text, label)| (text.as_str(), label.as_str())));
        let rejected: HashSet<(usize, usize, Rc<str>)> =
            rejected.into_iter().map(|(start, end, label)| (start, end, label.into())).collect();
        let suggestions = suggest(&doc, &learned, &rejected)
            .into_iter()
            .map(|s| Proposed { start: s.start, end: s.end, label: s.label, rule: s.rule.into() })
            .collect();
        Reply { ticket, document, suggestions, error: None }
    }
}

/// Reads what the worker sent; a reply that cannot be read is an error to show.
pub fn read_reply(reply: &str) -> Result<Reply, String> {
    let cannot = |why: String| format!("the suggester sent a reply that cannot be read ({why})");
    let wire: ReplyWire = serde_json::from_str(reply).map_err(|e| cannot(e.to_string()))?;
    let labels: Vec<Rc<str>> = wire.labels.into_iter().map(Rc::from).collect();
    let rules: Vec<Rc<str>> = wire.rules.into_iter().map(Rc::from).collect();
    if !wire.suggestions.len().is_multiple_of(4) {
        return Err(cannot(format!("{} numbers do not make suggestions of four", wire.suggestions.len())));
    }
    let suggestions = wire
        .suggestions
        .chunks_exact(4)
        .map(|s| match (labels.get(s[2]), rules.get(s[3])) {
            (Some(label), Some(rule)) => {
                Ok(Proposed { start: s[0], end: s[1], label: label.clone(), rule: rule.clone() })
            }
            _ => Err(cannot(format!("label {} or rule {} is not in its table", s[2], s[3]))),
        })
        .collect::<Result<_, _>>()?;
    Ok(Reply { ticket: wire.ticket, document: wire.document, suggestions, error: wire.error })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What a worker that was sent `doc`'s text answers to the request for it.
    fn answered(
        worker: &mut Suggester,
        doc: &Document,
        docs: &[&Document],
        rejected: &[(usize, usize, Rc<str>)],
    ) -> Reply {
        assert_eq!(worker.take(&text_message(doc)), None, "a text gets no reply");
        read_reply(&worker.take(&request(3, doc, docs.iter().copied(), rejected, Vec::new())).unwrap()).unwrap()
    }

    #[test]
    fn a_request_answered_gives_what_the_suggester_gives_in_place() {
        let mut doc = Document::new("d7", "t.txt", "The zorbs said “we wait” in Geneva. The zorbs left Geneva.");
        doc.insert_span(Span::new("s1", 4, 9, "actor")).unwrap();
        let rejected = vec![(28, 34, Rc::from("location"))];
        let reply = answered(&mut Suggester::default(), &doc, &[&doc], &rejected);
        let in_place = suggest(&doc, &Learned::from_documents([&doc]), &rejected.into_iter().collect());
        assert_eq!((reply.ticket, reply.document.as_str(), &reply.error), (3, "d7", &None));
        let got: Vec<(usize, usize, &str, &str)> =
            reply.suggestions.iter().map(|s| (s.start, s.end, &*s.label, &*s.rule)).collect();
        let expected: Vec<(usize, usize, &str, &str)> =
            in_place.iter().map(|s| (s.start, s.end, &*s.label, s.rule)).collect();
        assert_eq!(got, expected);
        assert!(got.len() >= 3 && got.iter().any(|s| s.3 != got[0].3), "several labels and rules: {got:?}");
        assert!(got.contains(&(40, 45, "actor", "learned")), "the taught string is learned: {got:?}");
        assert!(!got.iter().any(|s| (s.0, s.1) == (4, 9)), "an existing span is not suggested again");
        assert!(!got.iter().any(|s| (s.0, s.1, s.2) == (28, 34, "location")), "rejected stays rejected: {got:?}");
        assert!(got.iter().any(|s| s.2 == "location"), "the other Geneva is still suggested: {got:?}");
    }

    #[test]
    fn the_open_documents_strings_are_learned_from_its_spans_and_only_the_others_travel() {
        // "at" places no one-word name, so what the rules propose leaves the learned strings' part.
        let mut open = Document::new("d1", "a.txt", "The zorbs met at Glimworth. The zorbs left Glimworth.");
        open.insert_span(Span::new("s1", 4, 9, "actor")).unwrap();
        let mut other = Document::new("d2", "b.txt", "Glimworth is quiet. The zorbs are not here.");
        other.insert_span(Span::new("s1", 0, 9, "location")).unwrap();
        let message = request(1, &open, [&open, &other], [], vec![("The zorbs", "actor")]);
        let sent: Request = serde_json::from_str(&message).unwrap();
        assert_eq!(sent.refused, [("The zorbs".to_string(), "actor".to_string())]);
        assert_eq!((sent.spans, sent.labels), (vec![4, 9, 0], vec!["actor".to_string()]));
        assert_eq!(
            sent.taught,
            [("Glimworth".to_string(), "location".to_string())],
            "zorbs is the open document's own"
        );

        let reply = answered(&mut Suggester::default(), &open, &[&open, &other], &[]);
        let learned: Vec<(usize, usize, &str)> =
            reply.suggestions.iter().filter(|s| &*s.rule == "learned").map(|s| (s.start, s.end, &*s.label)).collect();
        assert!(learned.contains(&(32, 37, "actor")), "the other zorbs, from this document's span: {learned:?}");
        assert!(learned.contains(&(43, 52, "location")), "Glimworth, taught elsewhere: {learned:?}");
        let in_place = suggest(&open, &Learned::from_documents([&open, &other]), &HashSet::new());
        let got: Vec<(usize, usize, &str, &str)> =
            reply.suggestions.iter().map(|s| (s.start, s.end, &*s.label, &*s.rule)).collect();
        let expected: Vec<(usize, usize, &str, &str)> =
            in_place.iter().map(|s| (s.start, s.end, &*s.label, s.rule)).collect();
        assert_eq!(got, expected);
    }

    #[test]
    fn a_request_with_spans_that_do_not_fit_gets_an_error_or_skips_them_never_a_panic() {
        let doc = Document::new("d1", "a.txt", "Talks in Geneva lasted four hours.");
        let mut worker = Suggester::default();
        worker.take(&text_message(&doc));
        let ask = |worker: &mut Suggester, spans: &str| {
            let request = format!(
                r#"{{"ticket":5,"document":"d1","spans":[{spans}],"labels":["location"],"taught":[],"rejected":[]}}"#
            );
            read_reply(&worker.take(&request).unwrap()).unwrap()
        };
        let odd = ask(&mut worker, "9,15");
        assert!(odd.error.unwrap().contains("2 numbers do not make spans of three"));
        // Out of the text, empty, reversed or naming no label: not spans of this document.
        let skipped = ask(&mut worker, "9,15,7, 30,99,0, 5,5,0, 15,9,0");
        let plain = ask(&mut worker, "");
        assert!(plain.suggestions.iter().any(|s| (s.start, s.end) == (9, 15)), "Geneva is suggested without spans");
        assert_eq!((skipped.error, skipped.suggestions), (None, plain.suggestions));
        let with_span = ask(&mut worker, "9,15,0");
        assert!(!with_span.suggestions.iter().any(|s| (s.start, s.end) == (9, 15)), "Geneva is a span already");
    }

    #[test]
    fn the_text_is_sent_once_per_document_and_kept_by_the_worker() {
        let geneva = Document::new("d1", "a.txt", "Talks in Geneva lasted four hours.");
        let kyiv = Document::new("d2", "b.txt", "Kyiv said 12 drones fell.");
        let mut sent = TextSent::default();
        assert!(sent.must_send(&geneva) && !sent.must_send(&geneva), "the second request leaves the text out");
        assert!(sent.must_send(&kyiv), "another document brings its text");
        assert!(sent.must_send(&geneva), "and the first one's again, once the worker holds another");
        let reused = Document::new("d1", "c.txt", "Geneva.");
        assert!(sent.must_send(&reused), "the same id with another text (a document removed, another opened)");
        let mut tagged = Document::new("d1", "c.txt", reused.text().clone());
        tagged.insert_span(Span::new("s1", 0, 6, "location")).unwrap();
        assert!(!sent.must_send(&tagged), "new spans are not a new text");

        // The worker answers from the text it kept, as often as asked.
        let mut worker = Suggester::default();
        let first = answered(&mut worker, &geneva, &[&geneva], &[]);
        let again = read_reply(&worker.take(&request(4, &geneva, [&geneva], [], Vec::new())).unwrap()).unwrap();
        assert_eq!((first.error, again.error, again.ticket), (None, None, 4));
        assert_eq!(first.suggestions, again.suggestions);
        assert!(!first.suggestions.is_empty());
    }

    #[test]
    fn a_text_message_keeps_the_text_exactly_whatever_the_id() {
        let text = "Line one\r\n{\"not\": \"json\"}\n\nTabs\there 😀 and \\ back";
        let doc = Document::new("odd\nid \"1\"", "a.txt", text);
        let mut worker = Suggester::default();
        assert_eq!(worker.take(&text_message(&doc)), None);
        let kept = worker.document.unwrap();
        assert_eq!((&*kept.id, &**kept.text()), (&*doc.id, text));
    }

    #[test]
    fn a_request_for_a_text_the_worker_lacks_gets_an_error() {
        let doc = Document::new("d1", "a.txt", "Geneva.");
        let reply = read_reply(&Suggester::default().take(&request(2, &doc, [&doc], [], Vec::new())).unwrap()).unwrap();
        assert_eq!((reply.ticket, reply.suggestions.len()), (2, 0));
        assert!(reply.error.unwrap().contains("not sent the text of document d1"));
    }

    #[test]
    fn a_broken_message_gets_an_error_not_a_panic() {
        for broken in ["{not json", "garbage\nmore garbage", ""] {
            let reply = read_reply(&Suggester::default().take(broken).unwrap()).unwrap();
            assert!(reply.suggestions.is_empty());
            assert!(reply.error.unwrap().contains("cannot read"));
        }
        assert!(read_reply("garbage").unwrap_err().contains("cannot be read"));
        let reply = |numbers: &str| {
            format!(r#"{{"ticket":1,"document":"d1","labels":["actor"],"rules":["quote"],"suggestions":[{numbers}]}}"#)
        };
        assert_eq!(read_reply(&reply("0,4,0,0")).unwrap().suggestions.len(), 1);
        assert!(read_reply(&reply("0,4,1,0")).unwrap_err().contains("label 1 or rule 0 is not in its table"));
        assert!(read_reply(&reply("0,4,0")).unwrap_err().contains("3 numbers do not make suggestions of four"));
    }
}
