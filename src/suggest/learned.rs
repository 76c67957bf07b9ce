//! What the person taught: every string tagged with a label anywhere in the workspace is
//! proposed with that label at its other whole-word, case-sensitive mentions ("Ukrenergo" tagged
//! once as an actor is proposed at every "Ukrenergo", but not inside "Ukrenergo’s" or at
//! "ukrenergo"). Custom labels are learned like the built-in ones.
//!
//! What the person rejected is learned too: a string rejected with a label on one document is
//! not proposed with that label on the others (a capitalised run that is no name, a phrase in
//! scare quotes), unless the person tagged it so somewhere.
//!
//! Not learned, because a string alone does not carry what made the person tag it:
//! - a name the gazetteers hold ("Poland", "Geneva") as actor or location: the name rules
//!   propose it at every mention and decide the label from the words around it, and where they
//!   propose nothing the context said no (a dateline, an organisation inside a title, an event's
//!   name); the person's tag of one mention says nothing about another;
//! - a figure of one word ("24", "two", "dozens"): whether a number is a figure depends on what
//!   it counts (a year, an age and a level are none), which the figure rules read; a figure with
//!   its unit or noun ("24 hours") is learned.
//!
//! Nor is a learned name proposed where the name rules read the words around it as no name
//! ("Shares in Halvik Freight", "Halvik Freight spokeswoman Mia Ross"), before a title, or
//! inside a name the rules propose ("Pavlov" in "the Pavlov city police").

use std::collections::{BTreeSet, HashMap, HashSet};
use std::rc::Rc;

use super::names::{is_known_name, is_title};
use super::words::{FastHash, Gap, Words};
use super::Suggestion;
use crate::model::Document;

/// A tagged string and its label.
pub type Taught = (Rc<str>, Rc<str>);

/// Every tagged string of `docs` with its label, once each, in order of first appearance: what
/// the suggester learns from. Borrowed from the documents, so collecting it on the page for
/// every request allocates nothing per span; hashed with FNV, as the page does it on its main
/// thread for 10,000 spans and SipHash took about 30 % of that request's task.
pub fn taught<'a>(docs: impl IntoIterator<Item = &'a Document>) -> Vec<(&'a str, &'a str)> {
    let mut seen: HashSet<(&str, &str), FastHash> = HashSet::default();
    let mut pairs = Vec::new();
    for doc in docs {
        for span in doc.spans() {
            let pair = (doc.slice(span.start, span.end), &*span.label);
            if seen.insert(pair) {
                pairs.push(pair);
            }
        }
    }
    pairs
}

/// Every string rejected with a label on `docs` (each with what was rejected on it), once
/// each, in order: what the suggester stops proposing in the other documents. Borrowed, like
/// [`taught`].
pub fn refused<'a>(
    docs: impl IntoIterator<Item = (&'a Document, &'a BTreeSet<(usize, usize, Rc<str>)>)>,
) -> Vec<(&'a str, &'a str)> {
    let mut seen: HashSet<(&str, &str), FastHash> = HashSet::default();
    let mut pairs = Vec::new();
    for (doc, rejected) in docs {
        for (start, end, label) in rejected {
            if *end > doc.len() || start >= end {
                continue;
            }
            let pair = (doc.slice(*start, *end), &**label);
            if seen.insert(pair) {
                pairs.push(pair);
            }
        }
    }
    pairs
}

/// The strings tagged in a workspace, ready to be looked up word by word, and the strings
/// rejected in it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Learned {
    /// First token of a tagged string → the strings starting with it, with their labels.
    by_first: HashMap<String, Vec<Taught>, FastHash>,
    len: usize,
    /// Strings rejected with a label and never tagged with it: not proposed with it again.
    refused: HashSet<(String, String), FastHash>,
}

impl Learned {
    /// Learns every span of `docs`: its exact text and its label.
    pub fn from_documents<'a>(docs: impl IntoIterator<Item = &'a Document>) -> Self {
        Self::from_taught(taught(docs).into_iter().map(|(text, label)| (text.into(), label.into())))
    }

    /// Learns each (string, label) pair; the pairs are expected once each.
    pub fn from_taught(pairs: impl IntoIterator<Item = Taught>) -> Self {
        let mut learned = Learned::default();
        for (text, label) in pairs {
            learned.add(text, label);
        }
        learned
    }

    /// Also refuses each (string, label) rejected elsewhere that was never tagged so; as with
    /// learning, a known name or a bare number rejected once is left to its context.
    pub fn with_refused<'a>(mut self, pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self {
        for (text, label) in pairs {
            if !self.knows(text, label) && !context_decides(&Words::new(text), text, label) {
                self.refused.insert((text.to_owned(), label.to_owned()));
            }
        }
        self
    }

    /// Whether `text` was tagged with `label`.
    fn knows(&self, text: &str, label: &str) -> bool {
        let words = Words::new(text);
        let Some(first) = words.toks.first() else { return false };
        self.by_first.get(first.text).is_some_and(|strings| strings.iter().any(|(t, l)| &**t == text && &**l == label))
    }

    /// Whether the person rejected `text` with `label` elsewhere and never tagged it so.
    pub(super) fn refuses(&self, text: &str, label: &str) -> bool {
        // Looked up for every suggestion: no allocation when nothing was refused.
        !self.refused.is_empty() && self.refused.contains(&(text.to_owned(), label.to_owned()))
    }

    fn add(&mut self, text: Rc<str>, label: Rc<str>) {
        let words = Words::new(&text);
        let Some(first) = words.toks.first() else { return };
        // Only strings that start at a token's start can be found by token.
        if first.start_byte != 0 || context_decides(&words, &text, &label) {
            return;
        }
        self.by_first.entry(first.text.to_owned()).or_default().push((text, label));
        self.len += 1;
    }

    /// How many (string, label) pairs were learned (refused ones not counted).
    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Every whole-word mention of a learned string in `words`.
    pub(super) fn find(&self, words: &Words, out: &mut Vec<Suggestion>) {
        if self.is_empty() {
            return;
        }
        let text = words.text;
        for (i, tok) in words.toks.iter().enumerate() {
            let Some(candidates) = self.by_first.get(tok.text) else { continue };
            for (string, label) in candidates {
                let rest = &text[tok.start_byte..];
                if !rest.starts_with(string.as_ref()) {
                    continue;
                }
                let end_byte = tok.start_byte + string.len();
                // The string must end where a token ends: a whole word, not a prefix.
                let n = words.toks[i..].iter().take_while(|t| t.start_byte < end_byte).count();
                let Some(last) = n.checked_sub(1).map(|k| &words.toks[i + k]) else { continue };
                if last.end_byte != end_byte {
                    continue;
                }
                // "Halvik spokeswoman Mia Ross", "Halvik Chief Resigns": a name before a title
                // only says whose title it is, as the name rules have it.
                let title_after = words.next_word(i + n).is_some_and(|t| t.gap == Gap::Space && is_title(t.text));
                if title_after && matches!(&**label, "actor" | "location") {
                    continue;
                }
                out.push(Suggestion { start: tok.start, end: last.end, label: label.clone(), rule: "learned" });
            }
        }
    }
}

/// Whether a mention of `text` is `label` or not by the words around it, which the rules read:
/// a name the gazetteers hold as actor or location, a one-word figure (see the module doc).
fn context_decides(words: &Words, text: &str, label: &str) -> bool {
    match label {
        "actor" | "location" => is_known_name(text),
        "figure" => words.toks.iter().filter(|t| t.text.chars().any(char::is_alphanumeric)).count() < 2,
        _ => false,
    }
}
