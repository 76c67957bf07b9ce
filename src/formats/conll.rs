//! CoNLL-2003-style IOB2, for sequence taggers (seqeval, flair, Hugging Face token
//! classification): one token a line as `TOKEN -X- _ TAG`, where TAG is `O`, `B-<label>` on a
//! span's first token and `I-<label>` on the rest; `-DOCSTART- -X- -X- O` before each document;
//! a blank line after each sentence. Export only.
//!
//! - Tokens are [`crate::text::tokens`]'s (UAX #29 words, white space dropped, each punctuation
//!   mark its own token), the same as the spaCy JSONL export's, so a token never holds white
//!   space and a reader may split lines on it. Concatenating a document's tokens gives its text
//!   without white space.
//! - Offsets do not appear: a token is placed by its order only. The label is the label's id,
//!   with any white space in it written as `_`.
//! - Sentences end at a line break and after a `.`, `!` or `?` token (together with further
//!   such marks and closing quotes or brackets written right after it), but never inside a
//!   span, so a quote over several sentences stays one chunk. "U.S." ends a sentence too: the
//!   rule knows no abbreviations.
//! - Overlaps: IOB2 has one tag per token, so where spans overlap or nest the OUTERMOST wins —
//!   the longest in tokens, then the earliest, then by label — and every span that shares a
//!   token with a kept one is dropped.
//! - Boundaries: a span whose edge falls inside a token is widened to the whole token; a span
//!   of white space only has no token and is dropped.
//!
//! The file opens with `# ` comment lines that state these rules and count the dropped spans.

use crate::model::Document;
use crate::text::tokens::{is_separator, token_range, tokenize, Token};

/// A document's tokens with their tags, in sentences.
struct Tagged<'t> {
    sentences: Vec<Vec<(Token<'t>, String)>>,
    dropped_overlapping: usize,
    dropped_empty: usize,
}

fn is_terminal(token: &str) -> bool {
    matches!(token, "." | "!" | "?")
}

fn is_closing(token: &str) -> bool {
    matches!(token, "”" | "’" | "\"" | "'" | ")" | "]" | "}" | "»" | "›" | "」" | "』")
}

fn is_line_break(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{0b}' | '\u{0c}' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

/// The label as one CoNLL column.
fn column(label: &str) -> String {
    label.chars().map(|c| if is_separator(c) { '_' } else { c }).collect()
}

fn tag(doc: &Document) -> Tagged<'_> {
    let tokens = tokenize(doc.text());
    // Each span's token range, if it has one; then the outermost first.
    let mut dropped_empty = 0;
    let mut candidates: Vec<(usize, usize, usize)> = Vec::new();
    for (i, span) in doc.spans().iter().enumerate() {
        match token_range(&tokens, span.start, span.end) {
            Some((first, last)) => candidates.push((first, last, i)),
            None => dropped_empty += 1,
        }
    }
    candidates.sort_by_key(|&(first, last, i)| (std::cmp::Reverse(last - first), first, i));
    let mut owner: Vec<Option<usize>> = vec![None; tokens.len()];
    let mut dropped_overlapping = 0;
    for (first, last, i) in candidates {
        if owner[first..=last].iter().any(Option::is_some) {
            dropped_overlapping += 1;
            continue;
        }
        owner[first..=last].iter_mut().for_each(|o| *o = Some(i));
    }
    let mut sentences = Vec::new();
    let mut sentence: Vec<(Token<'_>, String)> = Vec::new();
    let mut after_terminal = false;
    for (at, token) in tokens.iter().enumerate() {
        let mut ends_here = false;
        if at > 0 {
            let previous = &tokens[at - 1];
            let adjacent = previous.end == token.start;
            let line_break = doc.slice(previous.end, token.start).chars().any(is_line_break);
            let continues = after_terminal && (is_terminal(token.text) || (adjacent && is_closing(token.text)));
            let inside_span = owner[at].is_some() && owner[at] == owner[at - 1];
            if (line_break || (after_terminal && !continues)) && !inside_span {
                sentences.push(std::mem::take(&mut sentence));
            }
            ends_here = continues;
        }
        after_terminal = is_terminal(token.text) || ends_here;
        let tag = match owner[at] {
            None => "O".to_string(),
            Some(i) => {
                let prefix = if at > 0 && owner[at - 1] == Some(i) { "I" } else { "B" };
                format!("{prefix}-{}", column(&doc.spans()[i].label))
            }
        };
        sentence.push((*token, tag));
    }
    if !sentence.is_empty() {
        sentences.push(sentence);
    }
    Tagged { sentences, dropped_overlapping, dropped_empty }
}

/// The CoNLL text of `documents`, header first.
pub fn export<'d>(documents: impl IntoIterator<Item = &'d Document>) -> String {
    let mut body = String::new();
    let (mut overlapping, mut empty) = (0, 0);
    for doc in documents {
        let tagged = tag(doc);
        overlapping += tagged.dropped_overlapping;
        empty += tagged.dropped_empty;
        body.push_str("-DOCSTART- -X- -X- O\n\n");
        for sentence in tagged.sentences {
            for (token, tag) in sentence {
                body.push_str(&format!("{} -X- _ {tag}\n", token.text));
            }
            body.push('\n');
        }
    }
    let header = [
        "# Article Annotator CoNLL export: CoNLL-2003-style IOB2, one token a line as TOKEN -X- _ TAG (O, B-label, I-label)".to_string(),
        "# tokenizer: Unicode word boundaries (UAX #29); white space dropped; each punctuation mark its own token".into(),
        "# sentences: a blank line at each line break and after . ! ? (and closing quotes after them), never inside a span".into(),
        "# overlaps: one tag per token, so the outermost span wins (longest, then earliest); spans inside or across it are dropped".into(),
        "# boundaries: a span whose edge falls inside a token is widened to the whole token".into(),
        format!("# dropped: {overlapping} spans overlapping a kept one, {empty} spans of white space only"),
    ];
    format!("{}\n{body}", header.join("\n"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Span;

    fn doc(text: &str, spans: &[(usize, usize, &str)]) -> Document {
        let mut doc = Document::new("d1", "t.txt", text);
        for (n, &(start, end, label)) in spans.iter().enumerate() {
            doc.insert_span(Span::new(format!("s{}", n + 1), start, end, label)).unwrap();
        }
        doc
    }

    /// The body after the header: sentences of "TOKEN TAG" lines.
    fn sentences(conll: &str) -> Vec<Vec<String>> {
        let body: Vec<&str> = conll.lines().filter(|l| !l.starts_with("# ")).collect();
        body.split(|l| l.is_empty())
            .filter(|s| !s.is_empty() && s[0] != "-DOCSTART- -X- -X- O")
            .map(|s| {
                s.iter()
                    .map(|l| {
                        let columns: Vec<&str> = l.split(' ').collect();
                        assert_eq!(columns[1..3], ["-X-", "_"], "{l}");
                        format!("{} {}", columns[0], columns[3])
                    })
                    .collect()
            })
            .collect()
    }

    #[test]
    fn tokens_tags_and_sentences() {
        // “We are working.” Peskov said. Then, in Kyiv: nothing!\r\nNext line
        let text = "“We are working.” Peskov said. Then, in Kyiv: nothing!\r\nNext line";
        let d = doc(text, &[(1, 15, "quote"), (18, 24, "actor"), (40, 44, "location")]);
        let out = export([&d]);
        assert!(out.starts_with("# Article Annotator CoNLL export"));
        assert!(out.contains("# overlaps: one tag per token, so the outermost span wins"));
        assert!(out.contains("\n-DOCSTART- -X- -X- O\n\n“ -X- _ O\nWe -X- _ B-quote\n"), "{out}");
        assert_eq!(
            sentences(&out),
            [
                vec!["“ O", "We B-quote", "are I-quote", "working I-quote", ". O", "” O"],
                vec!["Peskov B-actor", "said O", ". O"],
                vec!["Then O", ", O", "in O", "Kyiv B-location", ": O", "nothing O", "! O"],
                vec!["Next O", "line O"],
            ]
        );
    }

    #[test]
    fn the_outermost_span_wins_and_inner_ones_are_counted() {
        // "Talks in Geneva ended" with a quote over all of it, a location inside, and an actor
        // that crosses the quote's end into the next sentence.
        let text = "Talks in Geneva ended. Peskov left.";
        let d = doc(text, &[(0, 21, "quote"), (9, 15, "location"), (16, 29, "actor"), (23, 29, "actor")]);
        let out = export([&d]);
        assert_eq!(
            sentences(&out),
            [
                vec!["Talks B-quote", "in I-quote", "Geneva I-quote", "ended I-quote", ". O"],
                vec!["Peskov B-actor", "left O", ". O"],
            ]
        );
        assert!(out.contains("# dropped: 2 spans overlapping a kept one, 0 spans of white space only"), "{out}");
        // Equal length: the earlier one wins.
        let d = doc("Kyiv Odesa Lviv", &[(5, 15, "b"), (0, 10, "a")]);
        assert_eq!(sentences(&export([&d])), [vec!["Kyiv B-a", "Odesa I-a", "Lviv O"]]);
    }

    #[test]
    fn spans_are_widened_to_tokens_and_never_split_by_a_sentence_end() {
        // "alks" lies inside "Talks"; the quote runs over two sentences and a line break.
        let text = "Talks went well. He said:\n“Good. Very good.” Done";
        let d = doc(text, &[(1, 5, "figure"), (27, 42, "quote"), (16, 17, "ws-only label")]);
        let out = export([&d]);
        assert_eq!(
            sentences(&out),
            [
                vec!["Talks B-figure", "went O", "well O", ". O"],
                vec!["He O", "said O", ": O"],
                vec!["“ O", "Good B-quote", ". I-quote", "Very I-quote", "good I-quote", ". O", "” O"],
                vec!["Done O"],
            ]
        );
        assert!(out.contains("0 spans overlapping a kept one, 1 spans of white space only"), "{out}");
        let d = doc("a b", &[(0, 3, "two words")]);
        assert_eq!(sentences(&export([&d])), [vec!["a B-two_words", "b I-two_words"]]);
    }

    #[test]
    fn each_document_has_its_docstart() {
        let (a, b) = (doc("One.", &[]), doc("😀 🇺🇦", &[(2, 4, "flag")]));
        let out = export([&a, &b]);
        assert_eq!(out.matches("-DOCSTART- -X- -X- O\n\n").count(), 2);
        assert!(out.ends_with("-DOCSTART- -X- -X- O\n\n😀 -X- _ O\n🇺🇦 -X- _ B-flag\n\n"), "{out}");
    }
}
