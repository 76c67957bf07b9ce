//! Snapping a raw selection to the words a person meant, by the guidelines' "Boundaries":
//! a span starts and ends on word boundaries; surrounding spaces, punctuation and quotation
//! marks are dropped, a full stop that belongs to an abbreviation ("U.S.", "Jr.") is kept, and,
//! for labels that ask for it ([`LeadingArticle::Drop`]), a leading article is dropped unless the
//! name always carries it ("The Hague").
//!
//! Word boundaries are Unicode's (UAX #29, via `unicode-segmentation`), so "Russia’s",
//! "1,250", "U.S" and emoji sequences each count as one word. Offsets are code points relative
//! to the window of text the caller passes (the lines the selection touches: word boundaries
//! never cross a line break, so nothing outside that window can change the result).

use unicode_segmentation::UnicodeSegmentation;

/// A word-boundary segment of the window, in code points.
struct Segment<'t> {
    start: usize,
    end: usize,
    text: &'t str,
}

impl Segment<'_> {
    fn is_filler(&self) -> bool {
        self.text.chars().all(is_filler_char)
    }
}

/// Characters never at the edge of a span: white space, controls, and the punctuation that
/// surrounds words. Currency signs, `%`, `#`, `@`, `+` and `&` are kept: "$5", "40%".
pub fn is_filler_char(c: char) -> bool {
    c.is_whitespace()
        || c.is_control()
        || matches!(
            c,
            '.' | ','
                | ';'
                | ':'
                | '!'
                | '?'
                | '"'
                | '\''
                | '('
                | ')'
                | '['
                | ']'
                | '{'
                | '}'
                | '<'
                | '>'
                | '/'
                | '\\'
                | '|'
                | '*'
                | '_'
                | '~'
                | '`'
                | '-'
                | '“'
                | '”'
                | '‘'
                | '’'
                | '‚'
                | '„'
                | '‟'
                | '«'
                | '»'
                | '‹'
                | '›'
                | '‐'
                | '‑'
                | '‒'
                | '–'
                | '—'
                | '―'
                | '…'
                | '¿'
                | '¡'
                | '·'
                | '•'
                | '\u{200b}'
                | '\u{feff}'
        )
}

/// Words after which a full stop is part of the word, not the sentence.
const ABBREVIATIONS: &[&str] = &[
    "Adm", "Capt", "Cmdr", "Co", "Col", "Corp", "Dr", "Ft", "Gen", "Gov", "Inc", "Jr", "Lt", "Ltd", "Maj", "Mr", "Mrs",
    "Ms", "Mt", "No", "Prof", "Rep", "Rev", "Sen", "Sgt", "Sr", "St", "vs",
];

/// "U.S", "e.g" (single letters joined by dots), a lone capital initial, or a known abbreviation.
pub(super) fn is_abbreviation(word: &str) -> bool {
    let chars: Vec<char> = word.chars().collect();
    let dotted_letters = chars.len() >= 3
        && chars.iter().enumerate().all(|(i, c)| if i % 2 == 1 { *c == '.' } else { c.is_alphabetic() });
    let initial = chars.len() == 1 && chars[0].is_uppercase();
    dotted_letters || initial || ABBREVIATIONS.contains(&word)
}

const ARTICLES: &[&str] = &["the", "a", "an"];

/// Names whose article is part of the name (guidelines: "The Hague").
const NAMES_WITH_ARTICLE: &[&str] = &["Hague", "Gambia", "Bahamas"];

/// Whether a leading "the", "a" or "an" belongs to a span. The guidelines leave it out of a
/// name ("the Kremlin" → "Kremlin") but keep every word of what was said ("The pressure is
/// still insufficient"), so which one applies depends on the label.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LeadingArticle {
    Drop,
    Keep,
}

/// The snapped `(start, end)` of the selection `[start, end)` of `window`, or `None` when
/// nothing but filler is selected.
pub fn snap_to_words(window: &str, start: usize, end: usize, article: LeadingArticle) -> Option<(usize, usize)> {
    let segments = segments(window);
    let (mut start, mut end) = (start.min(end), end.max(start));
    if let Some(seg) = segments.iter().find(|s| s.start <= start && start < s.end) {
        if !seg.is_filler() {
            start = seg.start;
        }
    }
    if let Some(seg) = segments.iter().find(|s| s.start < end && end <= s.end) {
        if !seg.is_filler() {
            end = seg.end;
        }
    }
    let inside: Vec<&Segment> = segments.iter().filter(|s| s.start < end && start < s.end).collect();
    let first_word = inside.iter().position(|s| !s.is_filler())?;
    let last_word = inside.iter().rposition(|s| !s.is_filler())?;
    start = start.max(inside[first_word].start);
    end = end.min(inside[last_word].end);
    if let Some(dot) = inside.get(last_word + 1) {
        if dot.text == "." && dot.start == end && is_abbreviation(inside[last_word].text) {
            end = dot.end;
        }
    }
    if article == LeadingArticle::Drop {
        let words = inside[first_word..=last_word].iter().copied().filter(|s| !s.is_filler());
        start = after_article(words).unwrap_or(start);
    }
    trim_white_space(window, start, end)
}

/// How many code points at the start of `text` a leading article takes, with what separates it
/// from the next word; 0 unless it starts with an article and another word that is not a name
/// carrying its article ("The Hague"). For text that already is a span's exact extent, such as
/// a find match.
pub fn leading_article_len(text: &str) -> usize {
    after_article(segments(text).iter().filter(|s| !s.is_filler())).unwrap_or(0)
}

/// The start of the second of `words` when the first is an article and the second is not a
/// name that carries it ("The Hague"); `None` when the first word stays. A lone article stays:
/// it is all the person selected.
fn after_article<'s, 't: 's>(mut words: impl Iterator<Item = &'s Segment<'t>>) -> Option<usize> {
    let (first, next) = (words.next()?, words.next()?);
    let is_article = ARTICLES.iter().any(|a| a.eq_ignore_ascii_case(first.text));
    (is_article && !NAMES_WITH_ARTICLE.contains(&next.text)).then_some(next.start)
}

/// `[start, end)` without white space at its edges. A word segment can carry some: a spacing
/// mark after a space extends the space's segment (UAX #29 rule WB4), as in " ၖ".
fn trim_white_space(window: &str, start: usize, end: usize) -> Option<(usize, usize)> {
    let chars: Vec<char> = window.chars().skip(start).take(end - start).collect();
    let leading = chars.iter().take_while(|c| c.is_whitespace()).count();
    let trailing = chars[leading..].iter().rev().take_while(|c| c.is_whitespace()).count();
    (leading + trailing < chars.len()).then(|| (start + leading, end - trailing))
}

/// The words of `window` (segments that are not filler) as code-point ranges, in order.
pub fn words(window: &str) -> Vec<(usize, usize)> {
    segments(window).into_iter().filter(|s| !s.is_filler()).map(|s| (s.start, s.end)).collect()
}

fn segments(window: &str) -> Vec<Segment<'_>> {
    let mut cp = 0;
    window
        .split_word_bounds()
        .map(|text| {
            let start = cp;
            cp += text.chars().count();
            Segment { start, end: cp, text }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Snaps the part of `text` between the first two `|` marks and returns the snapped text.
    fn snapped_with(marked: &str, article: LeadingArticle) -> Option<String> {
        let start = marked.chars().position(|c| c == '|').unwrap();
        let end = marked.chars().skip(start + 1).position(|c| c == '|').unwrap() + start;
        let text: String = marked.chars().filter(|c| *c != '|').collect();
        let (s, e) = snap_to_words(&text, start, end, article)?;
        Some(text.chars().skip(s).take(e - s).collect())
    }

    /// Snapped as an actor, location or figure.
    fn snapped(marked: &str) -> Option<String> {
        snapped_with(marked, LeadingArticle::Drop)
    }

    /// Snapped as a quote.
    fn quoted(marked: &str) -> Option<String> {
        snapped_with(marked, LeadingArticle::Keep)
    }

    #[test]
    fn expands_partial_words_and_drops_spaces_and_punctuation() {
        assert_eq!(snapped("Kremlin spokesperson Dmi|try Pesk|ov said").as_deref(), Some("Dmitry Peskov"));
        assert_eq!(snapped("talks in| Geneva, |where").as_deref(), Some("Geneva"));
        assert_eq!(snapped("called it |“productive and focused.”| He").as_deref(), Some("productive and focused"));
    }

    #[test]
    fn keeps_abbreviation_dots_possessives_numbers_and_symbols() {
        assert_eq!(snapped("officials from the |U.S. |on Monday").as_deref(), Some("U.S."));
        assert_eq!(snapped("said |Martin Luther King Jr.| in").as_deref(), Some("Martin Luther King Jr."));
        assert_eq!(snapped("|Russia’s delegation| left").as_deref(), Some("Russia’s delegation"));
        assert_eq!(snapped("over |1,250 kilometers|.").as_deref(), Some("1,250 kilometers"));
        assert_eq!(snapped("cost |$5 million|.").as_deref(), Some("$5 million"));
        assert_eq!(snapped("rose |40%|.").as_deref(), Some("40%"));
        assert_eq!(snapped("the end.| |").as_deref(), None);
    }

    #[test]
    fn drops_leading_articles_except_in_names_that_carry_them() {
        assert_eq!(snapped("|the Kremlin| said").as_deref(), Some("Kremlin"));
        assert_eq!(snapped("in |The Hague|.").as_deref(), Some("The Hague"));
        assert_eq!(snapped("|the| end").as_deref(), Some("the"));
    }

    #[test]
    fn a_quote_keeps_its_first_word_from_mark_to_mark() {
        let said = "|“The pressure on Russia is still insufficient, … diplomatic efforts.”| said X.";
        assert_eq!(quoted(said).as_deref(), Some("The pressure on Russia is still insufficient, … diplomatic efforts"));
        assert_eq!(snapped(said).as_deref(), Some("pressure on Russia is still insufficient, … diplomatic efforts"));
        assert_eq!(quoted(r#"He said |"A deal is close."| Then"#).as_deref(), Some("A deal is close"));
        assert_eq!(quoted("|“An agreement is near,”| she said").as_deref(), Some("An agreement is near"));
        assert_eq!(quoted("|'AN envoy will come'|").as_deref(), Some("AN envoy will come"));
        assert_eq!(quoted("called it |“the worst attack yet”|.").as_deref(), Some("the worst attack yet"));
    }

    #[test]
    fn a_quote_keeps_its_first_word_selected_from_inside() {
        assert_eq!(quoted("“|The pressure is on|,” he said").as_deref(), Some("The pressure is on"));
        assert_eq!(quoted("“T|he pressure is o|n,” he said").as_deref(), Some("The pressure is on"));
        assert_eq!(quoted("\"|a step forward|\"").as_deref(), Some("a step forward"));
        assert_eq!(quoted("in |The Hague|.").as_deref(), Some("The Hague"));
    }

    #[test]
    fn the_leading_article_of_an_exact_extent() {
        assert_eq!(leading_article_len("the Kremlin"), 4);
        assert_eq!(leading_article_len("An  envoy"), 4);
        assert_eq!(leading_article_len("The Hague"), 0);
        assert_eq!(leading_article_len("the"), 0);
        assert_eq!(leading_article_len("theory"), 0);
        assert_eq!(leading_article_len("Kremlin"), 0);
    }

    #[test]
    fn emoji_and_combining_marks_stay_whole() {
        assert_eq!(snapped("fans |👍🏽| here").as_deref(), Some("👍🏽"));
        assert_eq!(snapped("Zaporizhzhia cafe\u{301}|x| y").as_deref(), Some("cafe\u{301}x"));
    }

    #[test]
    fn a_mark_after_a_space_does_not_bring_the_space_along() {
        // U+1056 extends the segment of the spaces before it (UAX #29 WB4).
        assert_eq!(snapped("Peskov |the  \u{1056}|").as_deref(), Some("\u{1056}"));
        assert_eq!(snapped("Peskov  |\u{1056}|").as_deref(), Some("\u{1056}"));
        assert_eq!(snapped("Peskov|  \u{1056}| x").as_deref(), Some("\u{1056}"));
    }
}
