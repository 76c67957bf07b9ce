//! Pre-annotation: spans the app proposes for a document, which the person accepts or rejects.
//! They follow `shared/annotation-guidelines.md` (actor, location, figure, quote and their
//! boundaries). Pure and native: no DOM, no view; offsets are code points, end-exclusive.
//!
//! One file per rule family (for [`names`], a directory), each a single pass over the text:
//! - [`quotes`]: text inside paired quotation marks, nested and across paragraphs;
//! - [`figures`]: numbers with their approximation word and unit or counted noun;
//! - [`names`]: actors and locations from the gazetteers in `data/gazetteers/`, title cues,
//!   capitalised name sequences and the context of each mention;
//! - [`places`]: the frames that make an unknown name a place (a place word first, a way
//!   there, a road's number);
//! - [`towns`]: the towns, districts and provinces of every country, for the names no frame
//!   places;
//! - [`learned`]: what the person tagged anywhere in the workspace, at its other mentions.
//!
//! [`page`] tells headings and site furniture apart from running text first: in a Title Case
//! heading only known names are proposed (not the capitalised run), in a furniture line (byline,
//! stamp, share or comment prompt, copyright) nothing, and in an author's bio, a disclaimer, a
//! "Source:" line or a related story's title only names: no figure, no quote.
//!
//! [`job`] wraps it all as a request and a reply for the Web Worker it runs in, off the page's
//! main thread.
//!
//! [`suggest`] runs them all, trims every proposal to the guidelines' boundaries (never white
//! space, punctuation or a quotation mark at an edge) and leaves out what the document already
//! has and what the person rejected (here, and as a string anywhere in the workspace).

mod figures;
pub mod job;
mod learned;
mod names;
pub mod page;
mod places;
mod quotes;
mod towns;
mod words;

use std::collections::HashSet;
use std::ops::Range;
use std::rc::Rc;

use crate::model::Document;
// Characters that never start or end a suggestion are those that never start or end a span
// the person selects, so an accepted suggestion looks like a snapped selection.
use crate::text::snap::is_filler_char as is_edge_junk;
pub use learned::{refused, Learned};
use page::LineKind;
pub use page::{furniture_lines, page_lines};
use words::Words;

/// A proposed span. `rule` names what proposed it ("quote", "figure", "title", "gazetteer",
/// "name", "learned", …) so the view can explain it and tests can tell rules apart.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Suggestion {
    pub start: usize,
    pub end: usize,
    pub label: Rc<str>,
    pub rule: &'static str,
}

/// The built-in labels, shared by every suggestion that carries them.
pub(crate) struct Labels {
    pub actor: Rc<str>,
    pub location: Rc<str>,
    pub figure: Rc<str>,
    pub quote: Rc<str>,
}

impl Labels {
    fn new() -> Self {
        Self { actor: "actor".into(), location: "location".into(), figure: "figure".into(), quote: "quote".into() }
    }
}

/// Suggestions for `doc`, sorted like spans (start, end descending, label). None has the
/// boundaries of a span the document already has (whatever its label: that stretch of text has
/// been decided), none is in `rejected`, and no two share label and boundaries.
pub fn suggest(doc: &Document, learned: &Learned, rejected: &HashSet<(usize, usize, Rc<str>)>) -> Vec<Suggestion> {
    let text: &str = doc.text();
    let labels = Labels::new();
    let words = Words::new(text);
    let chars: Vec<char> = text.chars().collect();
    let lines = page_lines(text);
    let of_kind = |kind: LineKind| -> Vec<Range<usize>> {
        lines.iter().filter(|(_, k)| *k == kind).map(|(r, _)| r.clone()).collect()
    };
    let mut found = Vec::new();
    // A related story's title is read as it is written: in Title Case as a heading, in
    // sentence case ("Rock churches of Lalibela reopen") as text.
    let related = of_kind(LineKind::Related);
    let mut headings = of_kind(LineKind::Heading);
    let title_case = |r: &Range<usize>| page::is_title_case(&chars[r.clone()].iter().collect::<String>());
    headings.extend(related.iter().filter(|r| title_case(r)).cloned());
    headings.sort_by_key(|r| r.start);
    quotes::find(&chars, &labels, &mut found);
    figures::find(&words, &labels, &headings, &mut found);
    let not_names: HashSet<usize> = names::find(&words, &labels, &headings, &mut found).into_iter().collect();
    learned.find(&words, &mut found);
    // Where the name rules read the words around a capitalised run as no name ("Shares in
    // Stellaris Motors fell"), a string learned as a name is none there either.
    let name_label = |s: &Suggestion| s.label == labels.actor || s.label == labels.location;
    found.retain(|s| s.rule != "learned" || !name_label(s) || !not_names.contains(&s.start));
    // Furniture holds nothing of the story, learned strings included: a byline's city is no
    // mention of the story's. An author's bio, a disclaimer, a source line and a related
    // story's title name people, bodies and places, which the person may want to find; but
    // what they count is not the story's ("has covered the region for nine years"), and a
    // phrase in quotation marks there is a legal term ("as is") or another story's.
    let furniture = of_kind(LineKind::Boilerplate);
    let mut notices = of_kind(LineKind::Notice);
    notices.extend(related);
    notices.sort_by_key(|r| r.start);
    let names_only = |s: &Suggestion| s.label == labels.quote || s.label == labels.figure;
    let credits = page::credit_tails(text);
    let set_apart = |s: &Suggestion| {
        within(&furniture, s.start) || within(&credits, s.start) || names_only(s) && within(&notices, s.start)
    };
    found.retain(|s| !set_apart(s));
    // The publication named again ("for Caucasus Monitor", "(Caucasus Monitor) —") is the
    // page crediting itself.
    if let Some(name) = page::publication(text) {
        // "The Lagos Courier" is also "the Lagos Courier" in a sentence.
        let mut credits = occurrences(&chars, name);
        if let Some(bare) = name.strip_prefix("The ") {
            credits.extend(occurrences(&chars, bare));
        }
        found.retain(|s| !name_label(s) || !credits.iter().any(|c| c.start <= s.start && s.end <= c.end));
    }
    finish(doc, &chars, found, rejected, learned)
}

/// Where `needle` occurs in `chars`, as code-point ranges.
fn occurrences(chars: &[char], needle: &str) -> Vec<Range<usize>> {
    let needle: Vec<char> = needle.chars().collect();
    if needle.is_empty() {
        return Vec::new();
    }
    chars.windows(needle.len()).enumerate().filter(|(_, w)| *w == needle).map(|(i, _)| i..i + needle.len()).collect()
}

/// Whether code point `at` lies in one of the sorted, disjoint `ranges`.
pub(crate) fn within(ranges: &[Range<usize>], at: usize) -> bool {
    let after = ranges.partition_point(|r| r.start <= at);
    after > 0 && ranges[after - 1].contains(&at)
}

fn finish(
    doc: &Document,
    chars: &[char],
    found: Vec<Suggestion>,
    rejected: &HashSet<(usize, usize, Rc<str>)>,
    learned: &Learned,
) -> Vec<Suggestion> {
    let existing: HashSet<(usize, usize)> = doc.spans().iter().map(|s| (s.start, s.end)).collect();
    let mut out: Vec<Suggestion> = found
        .into_iter()
        .filter_map(|s| {
            let (start, end) = trim(chars, s.start, s.end)?;
            Some(Suggestion { start, end, ..s })
        })
        .filter(|s| !existing.contains(&(s.start, s.end)))
        .filter(|s| !rejected.contains(&(s.start, s.end, s.label.clone())))
        .filter(|s| !learned.refuses(doc.slice(s.start, s.end), &s.label))
        .collect();
    // Stable: for equal keys the first rule to propose a span keeps it.
    out.sort_by(|a, b| {
        (a.start, std::cmp::Reverse(a.end), &a.label).cmp(&(b.start, std::cmp::Reverse(b.end), &b.label))
    });
    out.dedup_by(|b, a| (a.start, a.end, &a.label) == (b.start, b.end, &b.label));
    // The guidelines decide actor or location per mention; where a learned string says one and
    // the name rules (which read the context) say the other, the context wins.
    let mut i = 0;
    let mut keep = vec![true; out.len()];
    while i < out.len() {
        let mut j = i;
        while j < out.len() && (out[j].start, out[j].end) == (out[i].start, out[i].end) {
            j += 1;
        }
        let group = &out[i..j];
        let has =
            |label: &str, learned: bool| group.iter().any(|s| &*s.label == label && (s.rule == "learned") == learned);
        for (k, s) in group.iter().enumerate() {
            let other = match &*s.label {
                "actor" => "location",
                "location" => "actor",
                _ => continue,
            };
            // Taught both ways and not decided by the context here: either guess costs a
            // rejection as often as it saves a tag, and both together always cost one.
            if s.rule == "learned" && (has(other, false) || has(other, true)) {
                keep[i + k] = false;
            }
        }
        i = j;
    }
    let mut keep = keep.into_iter();
    out.retain(|_| keep.next().unwrap_or(true));
    drop_learned_inside_rules(out)
}

/// A learned string inside a longer span the rules propose with the same label ("three days"
/// in "up to three days", "Moscow" in "Moscow region") is the rules' span's part, not a span of
/// its own: proposed as well, it only costs the person a rejection. Actor and location count as
/// one label here: a place learned from "in Pavlov" is part of the actor "Pavlov city police".
fn drop_learned_inside_rules(out: Vec<Suggestion>) -> Vec<Suggestion> {
    let actor: Rc<str> = "actor".into();
    let family = |label: &Rc<str>| -> Rc<str> {
        match &**label {
            "location" => actor.clone(),
            _ => label.clone(),
        }
    };
    /// A label's rules' spans in start order, as (start, furthest end reached so far).
    type Reach = (Rc<str>, Vec<(usize, usize)>);
    // A learned span is inside a rules' span when one starting at or before it reaches its end.
    let mut reach: Vec<Reach> = Vec::new();
    for s in out.iter().filter(|s| s.rule != "learned") {
        let key = family(&s.label);
        let at = match reach.iter().position(|(label, _)| *label == key) {
            Some(at) => at,
            None => {
                reach.push((key, Vec::new()));
                reach.len() - 1
            }
        };
        let furthest = reach[at].1.last().map_or(0, |&(_, end)| end);
        reach[at].1.push((s.start, furthest.max(s.end)));
    }
    let inside_rules = |s: &Suggestion| {
        let key = family(&s.label);
        let Some((_, spans)) = reach.iter().find(|(label, _)| *label == key) else { return false };
        let before = spans.partition_point(|&(start, _)| start <= s.start);
        before > 0 && spans[before - 1].1 >= s.end
    };
    out.into_iter().filter(|s| s.rule != "learned" || !inside_rules(s)).collect()
}

/// Combining marks (general category M, approximated by the blocks news text meets): a span
/// never starts with one, since it belongs to the character before.
fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x300..=0x36F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

/// `[start, end)` without junk at either edge; a full stop stays when it ends an abbreviation
/// ("U.S.", "p.m."). `None` when nothing is left.
pub(crate) fn trim(chars: &[char], start: usize, end: usize) -> Option<(usize, usize)> {
    let (mut start, mut end) = (start, end.min(chars.len()));
    while start < end && is_edge_junk(chars[start]) {
        start += 1;
    }
    while end > start {
        let c = chars[end - 1];
        if is_mark(c) {
            // A combining mark belongs to the character before it: kept with a real one,
            // dropped with junk.
            let mut base = end - 1;
            while base > start && is_mark(chars[base - 1]) {
                base -= 1;
            }
            if base > start && !is_edge_junk(chars[base - 1]) {
                break;
            }
            end = base;
            continue;
        }
        if c == '.' && ends_abbreviation(&chars[start..end - 1]) {
            break;
        }
        if !is_edge_junk(c) {
            break;
        }
        end -= 1;
    }
    (start < end && chars[start..end].iter().any(|c| c.is_alphanumeric())).then_some((start, end))
}

/// Whether a full stop after `before` belongs to an abbreviation that ends a name or a time:
/// "U.S", "p.m" (letters joined by dots), "Jr", "Inc".
fn ends_abbreviation(before: &[char]) -> bool {
    let word_start = before.iter().rposition(|c| !(c.is_alphabetic() || *c == '.')).map_or(0, |p| p + 1);
    let word: String = before[word_start..].iter().collect();
    let dotted = word.len() >= 3 && word.contains('.') && words::is_dotted_abbreviation(&word);
    dotted || matches!(word.as_str(), "Jr" | "Sr" | "Inc" | "Ltd" | "Co" | "Corp" | "Bros")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn trimmed(text: &str) -> Option<String> {
        let chars: Vec<char> = text.chars().collect();
        let (s, e) = trim(&chars, 0, chars.len())?;
        Some(chars[s..e].iter().collect())
    }

    #[test]
    fn trimming_keeps_abbreviation_dots_and_drops_marks_and_spaces() {
        assert_eq!(trimmed(" “Hello, world.” ").as_deref(), Some("Hello, world"));
        assert_eq!(trimmed("10 p.m.").as_deref(), Some("10 p.m."));
        assert_eq!(trimmed("the U.S.").as_deref(), Some("the U.S."));
        assert_eq!(trimmed("“ ” ...").as_deref(), None);
        assert_eq!(trimmed("cafe\u{301}").as_deref(), Some("cafe\u{301}"));
    }
}
