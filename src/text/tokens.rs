//! The one tokenizer behind every export that needs tokens (spaCy/Prodigy JSONL's `tokens`
//! and `token_start`/`token_end`, CoNLL's one-token-a-line), so both agree token for token.
//!
//! The rule, in full:
//! 1. The text is cut at Unicode word boundaries (UAX #29, `unicode-segmentation`'s
//!    `split_word_bounds`), the same boundaries that snapping a selection uses.
//! 2. Separator characters are dropped, and they also cut a segment: each maximal run of
//!    non-separator characters inside a segment is one token. Separators are Unicode
//!    `White_Space` (Rust's `char::is_whitespace`: spaces, tabs, line breaks, no-break spaces)
//!    plus U+001C..U+001F: exactly the characters Python's `str.split()` splits on, so a reader
//!    that splits a CoNLL line on white space always gets the token whole.
//!
//! What follows: punctuation is its own token ("“", ",", ".", "?"), one per mark, except where
//! UAX #29 keeps it inside a word ("U.S", "1,250", "Russia’s", "don't"); an emoji sequence or
//! a flag is one token; a combining mark stays with its letter. Concatenating the tokens gives
//! the text with its separators removed: nothing else is dropped, changed or reordered.
//!
//! Not here: sentences (the CoNLL writer splits them) and any language-specific rule (spaCy's
//! own tokenizer splits "Russia's" into two tokens; this one does not).
//!
//! Offsets are code points, end-exclusive, like everywhere in the model.

use unicode_segmentation::UnicodeSegmentation;

/// One token: `text` is the text's `[start, end)` in code points.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token<'t> {
    pub start: usize,
    pub end: usize,
    pub text: &'t str,
    /// Whether a separator follows it directly (Prodigy's and spaCy's `ws`).
    pub ws: bool,
}

/// The characters that separate tokens and are never part of one (see the module doc).
pub fn is_separator(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// The tokens of `text`, in order.
pub fn tokenize(text: &str) -> Vec<Token<'_>> {
    let mut tokens = Vec::new();
    let mut codepoint = 0;
    for (segment_byte, segment) in text.split_word_bound_indices() {
        // The token being built: its start as (byte, code point).
        let mut open: Option<(usize, usize)> = None;
        for (offset, c) in segment.char_indices() {
            let byte = segment_byte + offset;
            if is_separator(c) {
                if let Some((start_byte, start)) = open.take() {
                    tokens.push(Token { start, end: codepoint, text: &text[start_byte..byte], ws: true });
                }
            } else if open.is_none() {
                open = Some((byte, codepoint));
            }
            codepoint += 1;
        }
        if let Some((start_byte, start)) = open {
            let end_byte = segment_byte + segment.len();
            let ws = text[end_byte..].chars().next().is_some_and(is_separator);
            tokens.push(Token { start, end: codepoint, text: &text[start_byte..end_byte], ws });
        }
    }
    tokens
}

/// The first and last index (inclusive) of the tokens that `[start, end)` touches: a range
/// whose edges fall inside tokens is widened to them. `None` when it touches no token (it
/// holds separators only).
pub fn token_range(tokens: &[Token<'_>], start: usize, end: usize) -> Option<(usize, usize)> {
    let first = tokens.partition_point(|t| t.end <= start);
    let after_last = tokens.partition_point(|t| t.start < end);
    (first < after_last).then(|| (first, after_last - 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<&str> {
        tokenize(text).iter().map(|t| t.text).collect()
    }

    #[test]
    fn words_and_punctuation_are_tokens_and_white_space_is_not() {
        assert_eq!(
            texts("“We are working,” said Peskov.\r\n\r\nU.S. officials: 1,250 km…"),
            [
                "“",
                "We",
                "are",
                "working",
                ",",
                "”",
                "said",
                "Peskov",
                ".",
                "U.S",
                ".",
                "officials",
                ":",
                "1,250",
                "km",
                "…"
            ]
        );
        assert_eq!(texts("Russia’s  delegation"), ["Russia’s", "delegation"]);
        assert_eq!(texts("wait...?!"), ["wait", ".", ".", ".", "?", "!"]);
        assert!(texts(" \t\r\n\u{a0}\u{3000}").is_empty());
    }

    #[test]
    fn emoji_flags_and_combining_marks_stay_whole() {
        assert_eq!(texts("Kyiv 🇺🇦 👩‍👩‍👧 Gene\u{300}ve"), ["Kyiv", "🇺🇦", "👩‍👩‍👧", "Gene\u{300}ve"]);
        // A combining mark after a space joins the space's segment; the space still goes.
        assert_eq!(texts("a \u{301}b"), ["a", "\u{301}", "b"]);
    }

    #[test]
    fn offsets_are_code_points_and_ws_says_what_follows() {
        let text = "😀 Peskov,\u{1f}Putin";
        let tokens = tokenize(text);
        let spans: Vec<(usize, usize, bool)> = tokens.iter().map(|t| (t.start, t.end, t.ws)).collect();
        assert_eq!(spans, [(0, 1, true), (2, 8, false), (8, 9, true), (10, 15, false)]);
        let chars: Vec<char> = text.chars().collect();
        for t in &tokens {
            assert_eq!(chars[t.start..t.end].iter().collect::<String>(), t.text);
        }
    }

    #[test]
    fn concatenated_tokens_are_the_text_without_separators() {
        let text = "He said:\u{2028}“No.”\u{85}\u{1c}Peskov\u{a0}😀\u{301} \u{200b}x";
        let joined: String = tokenize(text).iter().map(|t| t.text).collect();
        assert_eq!(joined, text.chars().filter(|c| !is_separator(*c)).collect::<String>());
    }

    #[test]
    fn a_range_is_widened_to_the_tokens_it_touches() {
        let tokens = tokenize("The Kremlin said, Peskov");
        assert_eq!(token_range(&tokens, 4, 11), Some((1, 1)));
        assert_eq!(token_range(&tokens, 5, 13), Some((1, 2)), "inside “Kremlin” to inside “said”");
        assert_eq!(token_range(&tokens, 3, 4), None, "a space alone");
        assert_eq!(token_range(&tokens, 16, 18), Some((3, 3)), "the comma and the space after it");
        assert_eq!(token_range(&tokens, 18, 24), Some((4, 4)));
        assert_eq!(token_range(&[], 0, 1), None);
    }
}
