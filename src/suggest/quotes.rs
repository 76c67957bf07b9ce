//! Quotes: the text between paired quotation marks, without the marks (guidelines, "quote").
//!
//! - Pairs: “…” and "…" (English), „…“ (German), «…» and »…«, ‘…’ and '…', ‚…‘, ‹…›. Straight
//!   marks open or close by what is around them: after a space or at the start of a line and
//!   before a letter they open; after a letter or punctuation and before a space they close.
//! - Nesting: single marks inside double ones ("“My coach told me, ‘Just stay patient,’ and I
//!   listened”") give a span each; the outer one includes the inner marks.
//! - An apostrophe inside a word ("Ukraine’s", "don't") is not a mark. A ’ after an "s" and
//!   before a lower-case word ("the states’ rights") closes a single quote only if nothing
//!   better closes it before the paragraph ends.
//! - A quote that runs over several sentences is one span.
//! - Paragraphs (newspaper convention): a quote still open at the end of a paragraph continues
//!   when the next non-blank paragraph begins with an opening mark of the same kind; it is then
//!   **one span from its first word to its last**, across the paragraph break, so one quote is
//!   one span with one speaker. The continuation mark at the start of each later paragraph is
//!   inside that span. A quote still open at a paragraph end without such a continuation was
//!   never closed and gives no span.
//! - A scare quote is not a quote: one or two words in marks that nobody is reported as saying
//!   (the so-called “peace formula”, an "as is" basis, the "blue" rate). Such a short quote is
//!   kept only when its sentence has a verb of saying or someone who could have said it (a name,
//!   a subject pronoun); never after "so-called" or a verb that names a thing ("nicknamed it
//!   the", "known as"), nor between a determiner and the noun it modifies ("an "as is" basis")
//!   unless a verb of saying comes just before ("called the debate a "parliamentary ambush"").
//! - A title of a work is not a quote: Title Case words nobody is said to say, in running text
//!   ("revives "The Merchant's Daughters""), or any title after "the documentary", "the weekly".
//! - The span is trimmed like every suggestion: no spaces, quotation marks or closing
//!   punctuation at its edges ("water,”" gives "water"); a full stop of an abbreviation stays.

use super::words::is_function_word;
use super::{Labels, Suggestion};

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    Double,
    Single,
}

#[derive(Clone, Copy, Debug)]
struct Open {
    kind: Kind,
    /// The mark that opened it, which decides what may close it.
    mark: char,
    /// First code point after the mark.
    content: usize,
    /// A possible closing mark seen but not taken (the states’ case), in code points.
    tentative: Option<usize>,
}

fn is_line_break(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}' | '\u{85}')
}

/// Characters before an opening mark: white space, line start, brackets, dashes, other marks.
fn opens_after(c: Option<char>) -> bool {
    match c {
        None => true,
        Some(c) => {
            c.is_whitespace()
                || matches!(c, '(' | '[' | '{' | '—' | '–' | '-' | '/' | ':' | '“' | '‘' | '„' | '«' | '»' | '"' | '\'')
        }
    }
}

/// Characters after a closing mark: white space, line end, punctuation, other marks.
fn closes_before(c: Option<char>) -> bool {
    match c {
        None => true,
        Some(c) => !c.is_alphanumeric(),
    }
}

pub(super) fn find(chars: &[char], labels: &Labels, out: &mut Vec<Suggestion>) {
    let first_new = out.len();
    marked(chars, labels, out);
    let mut k = first_new;
    out.retain(|s| {
        k += 1;
        k <= first_new || !is_scare_quote(chars, s.start, s.end)
    });
}

/// Verbs (and a noun) that report words as someone's: a short quote near one is a quote.
#[rustfmt::skip]
const SAYING: &[&str] = &[
    "said", "says", "say", "saying", "told", "tells", "call", "calls", "called", "calling", "described", "describes",
    "describing", "dubbed", "dubs", "branded", "brands", "termed", "labelled", "labeled", "wrote", "writes", "added",
    "adds", "warned", "warns", "insisted", "insists", "declared", "declares", "stated", "states", "tweeted",
    "replied", "answered", "asked", "promised", "vowed", "admitted", "quoted", "quoting", "according", "urged",
    "urges", "claimed", "claims", "accused", "accuses", "denied", "denies", "read", "reads", "spoke", "words",
    "statement", "shouted", "chanted", "agreed", "argued", "argues", "arguing",
];

/// Words whose capital says nothing about a speaker when they start a sentence.
#[rustfmt::skip]
const NO_SPEAKER_STARTS: &[&str] = &[
    "the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her", "our", "in", "on", "at", "for",
    "as", "but", "and", "so", "if", "when", "while", "after", "before", "by", "with", "all", "some", "no",
];

/// Words before a quote that make it modify the noun after it: "an "as is" basis", "several
/// "temporary" charges".
const DETERMINERS: &[&str] =
    &["a", "an", "the", "its", "their", "his", "her", "this", "that", "our", "several", "many", "some", "new"];

/// Nouns and verbs before the title of a work in quotation marks.
#[rustfmt::skip]
const WORKS: &[&str] = &[
    "film", "documentary", "book", "novel", "song", "album", "play", "opera", "series", "show", "programme",
    "program", "podcast", "exhibition", "report", "study", "paper", "campaign", "titled", "entitled", "hit", "single",
    "painting", "poem", "column", "slogan", "hashtag", "motto", "weekly", "daily", "magazine", "newspaper", "journal",
    "tabloid", "website", "blog", "newsletter",
];

/// Short words a title leaves in lower case: "Rivers of Sand".
const MINOR_TITLE_WORDS: &[&str] = &["a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or", "with"];

/// Prepositions before a label the writer puts on a noun: "money for "active travel" trials".
const PREPOSITIONS: &[&str] = &["for", "of", "in", "on", "with", "from", "by", "into", "to", "at"];

/// Adverbs that make "called" a name the thing goes by, not someone's verdict: "an idea
/// sometimes called the "refuge hypothesis"" against "Lima called the "brutal" raid …".
const BY_NAME: &[&str] = &["sometimes", "often", "also", "widely", "locally", "commonly", "now", "so"];

/// Whether the words before a quote give the name a thing goes by: "known as", "nicknamed it
/// the", "sometimes called the".
fn names_a_thing(before: &[String]) -> bool {
    let last = |k: usize| before.len().checked_sub(k).map(|at| before[at].to_lowercase());
    let tail: Vec<String> = (1..=4).rev().filter_map(last).collect();
    let tail: Vec<&str> = tail.iter().map(String::as_str).collect();
    match tail.as_slice() {
        [.., "known", "as"] | [.., "nicknamed"] | [.., "nicknamed", "the"] => true,
        [.., "nicknamed", "it" | "them" | "this", "the"] => true,
        [.., adverb, "called", "the"] => BY_NAME.contains(adverb),
        _ => false,
    }
}

/// Subject pronouns: someone who could have said it.
const PRONOUNS: &[&str] = &["he", "she", "it", "they", "we", "i"];

/// Whether the quote `[start, end)` (its marks just outside) is a scare quote: see the module
/// documentation.
fn is_scare_quote(chars: &[char], start: usize, end: usize) -> bool {
    let content: String = chars[start..end].iter().collect();
    let words = content.split_whitespace().count();
    if words > 8 {
        return false;
    }
    // A full stop ends a sentence before a space, unless it ends an initial or "U.S.".
    let sentence_end = |at: usize| match chars[at] {
        '!' | '?' => true,
        '.' => {
            let initial = at >= 2 && chars[at - 1].is_uppercase() && !chars[at - 2].is_alphanumeric();
            chars.get(at + 1).is_none_or(|c| c.is_whitespace()) && !initial
        }
        c => is_line_break(c),
    };
    let from = (0..start.saturating_sub(1)).rev().find(|&at| sentence_end(at)).map_or(0, |p| p + 1);
    let to = (end..chars.len()).find(|&at| sentence_end(at)).unwrap_or(chars.len());
    let words_of = |a: usize, b: usize| -> Vec<String> {
        let text: String = chars[a.min(b)..b].iter().collect();
        text.split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '’' || c == '\''))
            .filter(|w| w.chars().any(char::is_alphabetic))
            .map(str::to_owned)
            .collect()
    };
    let before = words_of(from, start.saturating_sub(1));
    let after = words_of((end + 1).min(to), to);
    let previous = before.last().map(|w| w.to_lowercase());
    // "the documentary “Rivers of Sand”", "a report titled “Water for All”": the title of a
    // work, which news style puts in quotation marks.
    let title_case = content.split_whitespace().all(|w| {
        w.chars().next().is_some_and(|c| c.is_uppercase() || !c.is_alphabetic()) || MINOR_TITLE_WORDS.contains(&w)
    });
    if title_case && previous.as_deref().is_some_and(|p| WORKS.contains(&p)) {
        return true;
    }
    let said = before.iter().chain(&after).any(|w| SAYING.contains(&w.to_lowercase().as_str()));
    // "revives “The Merchant's Daughters” on Friday", "Its title, “Light, Latitude and Rest”,":
    // words in Title Case that nobody is said to say, in a sentence that is not (a headline
    // capitalises a quote with the rest: "Workers Vow ‘No Trains Until We Are Paid’").
    let running_text = before
        .iter()
        .chain(&after)
        .any(|w| w.chars().next().is_some_and(char::is_lowercase) && !MINOR_TITLE_WORDS.contains(&w.as_str()));
    if title_case && words >= 2 && !said && running_text {
        return true;
    }
    if words > 4 {
        return false;
    }
    if previous.as_deref() == Some("so-called") || names_a_thing(&before) {
        return true;
    }
    // "an "as is" basis", "several "temporary" charges", "the government's "Safe River"
    // programme", "money for "active travel" trials": a name or a label the writer puts on a
    // noun ("calls for "restraint" from both sides" has no noun after it).
    let possessive = before.last().is_some_and(|w| w.ends_with("'s") || w.ends_with("’s"));
    let lower_case = content.split_whitespace().all(|w| !w.chars().any(char::is_uppercase));
    let next_word = after.first().map(|w| w.to_lowercase()).filter(|_| chars.get(end + 1) == Some(&' '));
    let lower_next = next_word.as_deref().filter(|w| w.chars().next().is_some_and(char::is_lowercase));
    let after_preposition = lower_case && words <= 2 && previous.as_deref().is_some_and(|p| PREPOSITIONS.contains(&p));
    let modifies_noun = lower_next.is_some_and(|next| {
        previous.as_deref().is_some_and(|p| DETERMINERS.contains(&p))
            || possessive
            || after_preposition && !is_function_word(next)
    });
    // "called the debate a “parliamentary ambush”", "said the “prestige project” would …":
    // someone's words all the same, with the verb of saying just before ("called for" asks).
    let tail = &before[before.len().saturating_sub(5)..];
    let said_just_before = tail.iter().enumerate().any(|(k, w)| {
        let requests = tail.get(k + 1).is_some_and(|next| next.eq_ignore_ascii_case("for"));
        SAYING.contains(&w.to_lowercase().as_str()) && !requests
    });
    if modifies_noun && !said_just_before {
        return true;
    }
    if words > 2 {
        return false;
    }
    let speaker = before.iter().chain(&after).enumerate().any(|(k, w)| {
        let lower = w.to_lowercase();
        let capital = w.chars().next().is_some_and(char::is_uppercase);
        let first = k == 0 && !before.is_empty();
        PRONOUNS.contains(&lower.as_str()) || capital && !(first && NO_SPEAKER_STARTS.contains(&lower.as_str()))
    });
    !(said || speaker)
}

/// Every span between paired marks, scare quotes included.
fn marked(chars: &[char], labels: &Labels, out: &mut Vec<Suggestion>) {
    let mut stack: Vec<Open> = Vec::new();
    let emit = |out: &mut Vec<Suggestion>, start: usize, end: usize| {
        if start < end {
            out.push(Suggestion { start, end, label: labels.quote.clone(), rule: "quote" });
        }
    };
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if is_line_break(c) {
            if stack.is_empty() {
                i += 1;
                continue;
            }
            // Skip blank lines to the next paragraph's first character.
            let mut j = i;
            while j < chars.len() && chars[j].is_whitespace() {
                j += 1;
            }
            // Inner quotes never run past a paragraph; settle the tentative ones.
            while stack.len() > 1 {
                let inner = stack.pop().expect("len > 1");
                if let Some(end) = inner.tentative {
                    emit(out, inner.content, end);
                }
            }
            let outer = stack[0];
            let continues = j < chars.len() && is_continuation(outer, chars[j]);
            if continues {
                i = j + 1;
            } else {
                if let Some(end) = outer.tentative {
                    emit(out, outer.content, end);
                }
                stack.clear();
                i = j;
            }
            continue;
        }
        let prev = i.checked_sub(1).map(|p| chars[p]);
        let next = chars.get(i + 1).copied();
        let next_is_space = next.is_none_or(char::is_whitespace);
        let opening = opens_after(prev) && !next_is_space;
        let closing = prev.is_some_and(|p| !p.is_whitespace()) && closes_before(next);
        let inside_word = prev.is_some_and(char::is_alphanumeric) && next.is_some_and(char::is_alphanumeric);
        match c {
            '“' => {
                if stack.last().is_some_and(|o| o.mark == '„') || (closing && !opening && has(&stack, Kind::Double)) {
                    close(&mut stack, Kind::Double, i, out, &emit);
                } else if !next_is_space {
                    push(&mut stack, Kind::Double, c, i);
                }
            }
            '”' | '‟' => {
                if has(&stack, Kind::Double) {
                    close(&mut stack, Kind::Double, i, out, &emit);
                } else if opening {
                    push(&mut stack, Kind::Double, c, i);
                }
            }
            '„' if !next_is_space => push(&mut stack, Kind::Double, c, i),
            '«' | '»' => {
                // French spacing puts a space inside the marks: « nous partons ».
                let partner = if c == '«' { '»' } else { '«' };
                if stack.iter().any(|o| o.mark == partner) {
                    close(&mut stack, Kind::Double, i, out, &emit);
                } else if c == '«' || !next_is_space {
                    push(&mut stack, Kind::Double, c, i);
                }
            }
            '"' => {
                if closing && stack.iter().any(|o| o.mark == '"') {
                    close(&mut stack, Kind::Double, i, out, &emit);
                } else if opening {
                    push(&mut stack, Kind::Double, c, i);
                }
            }
            '‹' | '›' => {
                let partner = if c == '‹' { '›' } else { '‹' };
                if stack.iter().any(|o| o.mark == partner) {
                    close(&mut stack, Kind::Single, i, out, &emit);
                } else if !next_is_space {
                    push(&mut stack, Kind::Single, c, i);
                }
            }
            '‚' if opening => push(&mut stack, Kind::Single, c, i),
            '‘' => {
                if stack.last().is_some_and(|o| o.mark == '‚') {
                    close(&mut stack, Kind::Single, i, out, &emit);
                } else if opening {
                    push(&mut stack, Kind::Single, c, i);
                }
            }
            '’' | '\'' => {
                if inside_word {
                    // An apostrophe: "Ukraine’s", "don't".
                } else if closing && has(&stack, Kind::Single) {
                    let plural_possessive = prev == Some('s')
                        && next.is_some_and(char::is_whitespace)
                        && chars.get(i + 2).is_some_and(|c| c.is_lowercase());
                    if plural_possessive {
                        if let Some(open) = stack.iter_mut().rev().find(|o| o.kind == Kind::Single) {
                            open.tentative.get_or_insert(i);
                        }
                    } else {
                        close(&mut stack, Kind::Single, i, out, &emit);
                    }
                } else if opening && next.is_some_and(char::is_alphabetic) && (c == '\'' || c == '’') {
                    // Straight or typewriter-style opening single mark.
                    push(&mut stack, Kind::Single, c, i);
                }
            }
            _ => {}
        }
        i += 1;
    }
    for open in stack {
        if let Some(end) = open.tentative {
            emit(out, open.content, end);
        }
    }
}

fn has(stack: &[Open], kind: Kind) -> bool {
    stack.iter().any(|o| o.kind == kind)
}

fn push(stack: &mut Vec<Open>, kind: Kind, mark: char, at: usize) {
    stack.push(Open { kind, mark, content: at + 1, tentative: None });
}

/// Closes the innermost open quote of `kind` at mark position `at`; quotes opened inside it
/// and never closed end with it (their tentative close, if any, is used).
fn close(
    stack: &mut Vec<Open>,
    kind: Kind,
    at: usize,
    out: &mut Vec<Suggestion>,
    emit: &impl Fn(&mut Vec<Suggestion>, usize, usize),
) {
    let Some(pos) = stack.iter().rposition(|o| o.kind == kind) else { return };
    for inner in stack.drain(pos + 1..).collect::<Vec<_>>() {
        if let Some(end) = inner.tentative {
            emit(out, inner.content, end);
        }
    }
    let open = stack.pop().expect("pos exists");
    emit(out, open.content, at);
}

/// Whether `first`, the first character of the next paragraph, re-opens `outer` by the
/// newspaper convention.
fn is_continuation(outer: Open, first: char) -> bool {
    match outer.kind {
        Kind::Double => matches!(first, '“' | '"' | '„' | '«' | '»'),
        Kind::Single => matches!(first, '‘' | '\'' | '‚'),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quotes(text: &str) -> Vec<String> {
        let chars: Vec<char> = text.chars().collect();
        let mut out = Vec::new();
        find(&chars, &Labels::new(), &mut out);
        out.sort_by_key(|s| (s.start, std::cmp::Reverse(s.end)));
        out.iter()
            .filter_map(|s| super::super::trim(&chars, s.start, s.end))
            .map(|(s, e)| chars[s..e].iter().collect())
            .collect()
    }

    #[test]
    fn curly_straight_nested_and_foreign_marks() {
        assert_eq!(quotes("He called it “productive and focused.” Then"), ["productive and focused"]);
        assert_eq!(quotes(r#""We are working," he said. "It is hard.""#), ["We are working", "It is hard"]);
        assert_eq!(
            quotes("“My coach told me, ‘Just stay patient,’ and I listened,” she said."),
            ["My coach told me, ‘Just stay patient,’ and I listened", "Just stay patient"]
        );
        assert_eq!(quotes("Er sagte „Wir kommen“ und ging."), ["Wir kommen"]);
        assert_eq!(quotes("Il a dit « nous partons » hier."), ["nous partons"]);
    }

    #[test]
    fn apostrophes_are_not_marks() {
        assert!(quotes("Ukraine’s air force and Russia's don't count.").is_empty());
        assert_eq!(quotes("‘The states’ rights matter,’ he said."), ["The states’ rights matter"]);
        assert_eq!(quotes("the states’ rights ‘matter’ here, she said"), ["matter"]);
    }

    #[test]
    fn quotes_continue_into_the_next_paragraph_that_opens_with_a_mark() {
        let text = "“We have restored power.\n\n“We ask people to wait,” he said.\n";
        assert_eq!(quotes(text), ["We have restored power.\n\n“We ask people to wait"]);
        assert!(quotes("“Never closed.\n\nNext paragraph.").is_empty());
    }
}
