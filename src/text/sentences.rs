//! The sentence a stretch of text stands in, for showing a span in its context (a figure in the
//! sentence that makes the claim).
//!
//! A sentence ends at a line break, or after `.`, `!` or `?` (with any further such marks and
//! closing quotes or brackets right after it) followed by white space; a full stop after an
//! abbreviation ("U.S.", "Dr.", an initial) ends nothing. A sentence never ends inside the
//! stretch asked about, so a span over two sentences shows both.
//!
//! Not for: splitting tokens into sentences for an export (the CoNLL writer has its own rule,
//! which must stay stable for its readers), or any language beyond these marks.

use super::snap::is_abbreviation;

/// Closing marks that belong to the sentence they follow: `He said “yes.” Then…`.
fn is_closing(c: char) -> bool {
    matches!(c, '”' | '’' | '"' | '\'' | ')' | ']' | '}' | '»' | '›' | '」' | '』')
}

fn is_line_break(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}')
}

/// Whether a sentence ends right after code point `at` of `chars`.
fn ends_after(chars: &[char], at: usize) -> bool {
    let c = chars[at];
    if is_line_break(c) {
        return true;
    }
    // The last mark of a run like `?!”)`, followed by white space or the end.
    let next = chars.get(at + 1).copied();
    if next.is_some_and(|n| !n.is_whitespace()) {
        return false;
    }
    let mut mark = at;
    while mark > 0 && is_closing(chars[mark]) {
        mark -= 1;
    }
    match chars[mark] {
        '!' | '?' => true,
        '.' => {
            let word_start =
                chars[..mark].iter().rposition(|c| c.is_whitespace() || is_closing(*c)).map_or(0, |p| p + 1);
            let word: String = chars[word_start..mark].iter().collect();
            !word.is_empty() && !is_abbreviation(&word)
        }
        _ => false,
    }
}

/// The sentence of `text` around `[start, end)` (code points, end-exclusive), as code points
/// `(from, to)` without white space at its edges. A stretch of white space alone is its own.
pub fn sentence_around(text: &str, start: usize, end: usize) -> (usize, usize) {
    let chars: Vec<char> = text.chars().collect();
    let (start, end) = (start.min(chars.len()), end.clamp(start.min(chars.len()), chars.len()));
    let from = (0..start).rev().find(|&at| ends_after(&chars, at)).map_or(0, |at| at + 1);
    let to = (end.max(from + 1).min(chars.len())..chars.len())
        .find(|&at| ends_after(&chars, at))
        .map_or(chars.len(), |at| at + 1);
    let leading = chars[from..to].iter().take_while(|c| c.is_whitespace()).count();
    let trailing = chars[from + leading..to].iter().rev().take_while(|c| c.is_whitespace()).count();
    if from + leading >= to - trailing {
        return (start, end);
    }
    (from + leading, to - trailing)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The sentence around the first `needle` of `text`, as text.
    fn around(text: &str, needle: &str) -> String {
        let at = text[..text.find(needle).unwrap()].chars().count();
        let (from, to) = sentence_around(text, at, at + needle.chars().count());
        text.chars().skip(from).take(to - from).collect()
    }

    #[test]
    fn a_figure_stands_in_its_sentence() {
        let text = "Talks resumed. Russia lost 1,250 tanks in May, the U.S. said. Kyiv disagreed!";
        assert_eq!(around(text, "1,250"), "Russia lost 1,250 tanks in May, the U.S. said.");
        assert_eq!(around(text, "Talks"), "Talks resumed.");
        assert_eq!(around(text, "Kyiv"), "Kyiv disagreed!");
    }

    #[test]
    fn closing_quotes_stay_with_their_sentence_and_line_breaks_end_one() {
        let text = "“We lost 2.5bn,” he said. “Really?” she asked.\r\nHeadline with 40 dead\r\nNext.";
        assert_eq!(around(text, "2.5bn"), "“We lost 2.5bn,” he said.");
        assert_eq!(around(text, "Really"), "“Really?”");
        assert_eq!(around(text, "40"), "Headline with 40 dead");
    }

    #[test]
    fn abbreviations_and_initials_end_no_sentence_and_a_span_over_two_keeps_both() {
        let text = "Dr. J. Smith counted 300 votes. That was all.";
        assert_eq!(around(text, "300"), "Dr. J. Smith counted 300 votes.");
        assert_eq!(around(text, "votes. That"), text);
    }

    #[test]
    fn offsets_are_code_points() {
        let text = "😀🇺🇦 First. Then 12 km.";
        let at = text.chars().position(|c| c == '1').unwrap();
        let (from, to) = sentence_around(text, at, at + 2);
        assert_eq!(text.chars().skip(from).take(to - from).collect::<String>(), "Then 12 km.");
    }
}
