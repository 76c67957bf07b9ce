//! The text cut once into the tokens every rule walks: Unicode word-boundary segments (UAX #29,
//! the same boundaries as [`crate::text::snap`] and [`crate::text::tokens`]) without white
//! space, each with its code-point range, what separates it from the previous token and whether
//! it starts a sentence. "Russia’s", "U.S", "1,250" and "2.5bn" are one token; "$", "%", "-"
//! and quotation marks are tokens of their own.

use std::borrow::Cow;
use std::collections::HashSet;
use std::hash::{BuildHasherDefault, Hasher};

use unicode_segmentation::UnicodeSegmentation;

/// FNV-1a: the word lists are looked up once per token, and SipHash's protection against
/// crafted keys buys nothing for fixed lists of English words.
#[derive(Default)]
pub(crate) struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut hash = if self.0 == 0 { 0xcbf2_9ce4_8422_2325 } else { self.0 };
        for byte in bytes {
            hash ^= u64::from(*byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = hash;
    }
}

pub(crate) type FastHash = BuildHasherDefault<Fnv>;
pub(crate) type WordSet = HashSet<&'static str, FastHash>;

/// A `fn name() -> &'static WordSet` over a word list, built on first use.
macro_rules! word_set {
    ($vis:vis fn $name:ident = $list:expr) => {
        $vis fn $name() -> &'static $crate::suggest::words::WordSet {
            static SET: std::sync::OnceLock<$crate::suggest::words::WordSet> = std::sync::OnceLock::new();
            SET.get_or_init(|| $list.iter().copied().collect())
        }
    };
}
pub(crate) use word_set;

/// `word` in lower case, borrowed when it already is (most words are).
pub(crate) fn lower(word: &str) -> Cow<'_, str> {
    if word.chars().any(char::is_uppercase) {
        Cow::Owned(word.to_lowercase())
    } else {
        Cow::Borrowed(word)
    }
}

/// What lies between a token and the one before it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Gap {
    /// Nothing: the two touch ("U.S" and ".", "long" and "-").
    None,
    /// Spaces or tabs on the same line.
    Space,
    /// At least one line break (a new paragraph), or the start of the text.
    Line,
}

#[derive(Clone, Copy, Debug)]
pub(crate) struct Tok<'t> {
    /// Code points, end-exclusive.
    pub start: usize,
    pub end: usize,
    pub start_byte: usize,
    pub end_byte: usize,
    pub text: &'t str,
    pub gap: Gap,
    /// The first word of a sentence (after `.`, `!`, `?`, a line break or an opening quotation
    /// mark), where a capital letter says nothing about names.
    pub sentence_start: bool,
}

impl Tok<'_> {
    /// Has a letter or digit (as opposed to punctuation, symbols, emoji).
    pub fn is_word(&self) -> bool {
        self.text.chars().any(char::is_alphanumeric)
    }

    pub fn is_capitalised(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }

    pub fn is_lowercase_word(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_lowercase)
    }

    /// The token without a possessive ending ("Russia’s" → "Russia", "states’" stays).
    pub fn base(&self) -> &str {
        strip_possessive(self.text).0
    }

    pub fn is_possessive(&self) -> bool {
        strip_possessive(self.text).1
    }

    pub fn is(&self, word: &str) -> bool {
        self.text == word
    }

    /// Case-insensitive comparison with a lowercase ASCII `word`.
    pub fn is_ci(&self, word: &str) -> bool {
        self.text.eq_ignore_ascii_case(word)
    }
}

pub(crate) fn strip_possessive(word: &str) -> (&str, bool) {
    for suffix in ["’s", "'s"] {
        if let Some(base) = word.strip_suffix(suffix) {
            if !base.is_empty() {
                return (base, true);
            }
        }
    }
    (word, false)
}

pub(crate) struct Words<'t> {
    pub text: &'t str,
    pub toks: Vec<Tok<'t>>,
}

/// Marks that open a quotation, after which a capital letter starts a sentence.
fn is_opening_mark(text: &str) -> bool {
    matches!(text, "“" | "„" | "«" | "‘" | "‚" | "‹" | "(" | "[")
}

/// Words after which a full stop is part of the word, not the end of a sentence.
#[rustfmt::skip]
const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Lt", "Col", "Capt", "Sgt", "Adm", "Gov", "Sen", "Rep", "Rev", "St", "Jr",
    "Sr", "No", "vs", "Mt", "Ft", "Co", "Corp", "Inc", "Ltd", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep",
    "Sept", "Oct", "Nov", "Dec",
];

/// "U.S", "a.m", "p.m" (letters joined by dots) or a single capital initial.
pub(crate) fn is_dotted_abbreviation(word: &str) -> bool {
    let mut chars = word.chars();
    let Some(first) = chars.next() else { return false };
    if word.chars().count() == 1 {
        return first.is_uppercase();
    }
    word.contains('.') && word.split('.').all(|part| part.chars().count() == 1 && part.chars().all(char::is_alphabetic))
}

pub(crate) fn is_abbreviation(word: &str) -> bool {
    is_dotted_abbreviation(word) || ABBREVIATIONS.contains(&word)
}

/// Lower-case words that are capitalised only because they start a sentence: determiners,
/// pronouns, prepositions, conjunctions, common adverbs. A capitalised one of these at a
/// sentence start is not part of a name.
#[rustfmt::skip]
const FUNCTION_WORDS: &[&str] = &[
    "a", "about", "above", "according", "across", "after", "afterwards", "against", "all", "almost", "along",
    "already", "also", "although", "among", "an", "and", "another", "any", "around", "as", "asked", "at", "because",
    "before", "behind", "being", "below", "beside", "besides", "between", "beyond", "both", "but", "by", "despite",
    "did", "do", "does", "during", "each", "earlier", "either", "even", "every", "except", "few", "finally",
    "following", "for", "from", "further", "furthermore", "he", "her", "here", "his", "how", "however", "i", "if",
    "in", "including", "inside", "instead", "it", "its", "just", "last", "later", "like", "many", "meanwhile", "more",
    "moreover", "most", "much", "my", "near", "nearly", "neither", "never", "next", "no", "none", "nor", "not", "now",
    "of", "on", "once", "one", "only", "or", "other", "others", "our", "outside", "over", "overall", "perhaps",
    "previously", "rather", "several", "she", "since", "so", "some", "speaking", "still", "such", "than", "that",
    "the", "their", "them", "then", "there", "these", "they", "this", "those", "though", "through", "throughout",
    "thus", "to", "today", "together", "tomorrow", "too", "toward", "towards", "under", "unlike", "until", "up",
    "upon", "us", "very", "was", "we", "were", "what", "whatever", "when", "where", "whether", "which", "while",
    "who", "whom", "whose", "why", "will", "with", "within", "without", "yesterday", "yet", "you", "your", "two",
    "three", "four", "five", "six", "seven", "eight", "nine", "ten", "first", "second", "third", "would", "could",
    "should", "can", "may", "might", "must", "is", "are", "has", "have", "had", "there's", "it's", "let", "dear",
    "please", "thank", "thanks", "yes", "oh", "well",
];

word_set!(fn function_words = FUNCTION_WORDS);

/// Whether `lower` (a lower-cased word) is a function word (see [`FUNCTION_WORDS`]).
pub(crate) fn is_function_word(lower: &str) -> bool {
    function_words().contains(lower)
}

impl<'t> Words<'t> {
    pub fn new(text: &'t str) -> Self {
        let mut toks: Vec<Tok<'t>> = Vec::with_capacity(text.len() / 4);
        let mut cp = 0;
        let mut gap = Gap::Line;
        for (byte, segment) in text.split_word_bound_indices() {
            let len = segment.chars().count();
            // A segment may hold white space and a mark that attached to it (" \u{301}"):
            // the token is what is left after trimming white space on both sides.
            let trimmed_start = segment.trim_start();
            let lead = segment.len() - trimmed_start.len();
            let core = trimmed_start.trim_end();
            if lead > 0 {
                let spaces = &segment[..lead];
                gap = if spaces.contains(['\n', '\r', '\u{2028}', '\u{2029}', '\u{85}']) || gap == Gap::Line {
                    Gap::Line
                } else {
                    Gap::Space
                };
            }
            if !core.is_empty() {
                let lead_cp = segment[..lead].chars().count();
                let start = cp + lead_cp;
                let end = start + core.chars().count();
                toks.push(Tok {
                    start,
                    end,
                    start_byte: byte + lead,
                    end_byte: byte + lead + core.len(),
                    text: core,
                    gap,
                    sentence_start: false,
                });
                let tail = &trimmed_start[core.len()..];
                gap = if tail.is_empty() {
                    Gap::None
                } else if tail.contains(['\n', '\r', '\u{2028}', '\u{2029}', '\u{85}']) {
                    Gap::Line
                } else {
                    Gap::Space
                };
            }
            cp += len;
        }
        let mut words = Words { text, toks };
        words.mark_sentence_starts();
        words
    }

    fn mark_sentence_starts(&mut self) {
        let mut starts = true;
        for i in 0..self.toks.len() {
            let tok = self.toks[i];
            if tok.gap == Gap::Line {
                starts = true;
            }
            if tok.is_word() {
                self.toks[i].sentence_start = starts;
                starts = false;
                continue;
            }
            match tok.text {
                "!" | "?" | "…" => starts = true,
                "." => {
                    // "U.S. officials" goes on; "in the U.S. The talks" is a guess either way.
                    let before = i.checked_sub(1).map(|j| self.toks[j]);
                    let after_abbreviation =
                        before.is_some_and(|b| tok.gap == Gap::None && b.is_word() && is_abbreviation(b.text));
                    if !after_abbreviation {
                        starts = true;
                    }
                }
                t if is_opening_mark(t) => starts = true,
                "\"" | "'" if self.toks.get(i + 1).is_some_and(|n| n.gap == Gap::None) && tok.gap != Gap::None => {
                    starts = true
                }
                _ => {}
            }
        }
    }

    pub fn len(&self) -> usize {
        self.toks.len()
    }

    pub fn get(&self, i: usize) -> Option<&Tok<'t>> {
        self.toks.get(i)
    }

    /// Token `i` if it exists, follows its predecessor on the same line and is a word.
    pub fn next_word(&self, i: usize) -> Option<&Tok<'t>> {
        self.toks.get(i).filter(|t| t.gap != Gap::Line && t.is_word())
    }

    /// The source text between the start of token `a` and the end of token `b` (inclusive).
    pub fn slice(&self, a: usize, b: usize) -> &'t str {
        &self.text[self.toks[a].start_byte..self.toks[b].end_byte]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<&str> {
        Words::new(text).toks.iter().map(|t| t.text).collect()
    }

    #[test]
    fn tokens_gaps_and_sentence_starts() {
        assert_eq!(
            texts("“We said,” U.S. officials: 1,250 km"),
            ["“", "We", "said", ",", "”", "U.S", ".", "officials", ":", "1,250", "km"]
        );
        let words = Words::new("Hi there. The U.S. Army\r\n\r\nNew line");
        let starts: Vec<&str> = words.toks.iter().filter(|t| t.sentence_start).map(|t| t.text).collect();
        assert_eq!(starts, ["Hi", "The", "New"]);
        let gaps: Vec<Gap> = words.toks.iter().map(|t| t.gap).collect();
        assert_eq!(gaps[0], Gap::Line);
        assert_eq!(gaps[1], Gap::Space);
        assert_eq!(gaps[2], Gap::None);
        assert_eq!(words.toks.last().unwrap().gap, Gap::Space);
        assert_eq!(words.toks[words.len() - 2].gap, Gap::Line);
    }

    #[test]
    fn offsets_are_code_points_and_marks_after_spaces_are_trimmed() {
        let words = Words::new("😀 a \u{301}b");
        let spans: Vec<(usize, usize, &str)> = words.toks.iter().map(|t| (t.start, t.end, t.text)).collect();
        assert_eq!(spans, [(0, 1, "😀"), (2, 3, "a"), (4, 5, "\u{301}"), (5, 6, "b")]);
    }
}
