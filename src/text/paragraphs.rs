//! Splitting a text into the pieces the article renders one component each.
//!
//! A paragraph is one line with its line terminator (`\n` or `\r\n`) kept at its end, so the
//! paragraphs concatenated give the text back exactly and blank lines stay in place. The
//! renderer shows them with `white-space: pre-wrap`, which is why no separator is ever drawn.

/// One rendered piece of the text, in code points and in bytes of the document's string.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Paragraph {
    pub start: usize,
    pub end: usize,
    pub start_byte: usize,
    pub end_byte: usize,
}

impl Paragraph {
    pub fn text<'t>(&self, document_text: &'t str) -> &'t str {
        &document_text[self.start_byte..self.end_byte]
    }

    pub fn overlaps(&self, start: usize, end: usize) -> bool {
        start < self.end && self.start < end
    }
}

/// The paragraphs of `text`, in order, covering it without gaps. An empty text has none.
pub fn split_paragraphs(text: &str) -> Vec<Paragraph> {
    let mut paragraphs = Vec::new();
    let (mut start, mut start_byte, mut count) = (0, 0, 0);
    for (byte, ch) in text.char_indices() {
        count += 1;
        if ch == '\n' {
            let end_byte = byte + 1;
            paragraphs.push(Paragraph { start, end: count, start_byte, end_byte });
            start = count;
            start_byte = end_byte;
        }
    }
    if start_byte < text.len() {
        paragraphs.push(Paragraph { start, end: count, start_byte, end_byte: text.len() });
    }
    paragraphs
}

/// Index of the paragraph holding code point `cp` (the last one for `cp` at the very end).
pub fn paragraph_at(paragraphs: &[Paragraph], cp: usize) -> Option<usize> {
    if paragraphs.is_empty() {
        return None;
    }
    let index = paragraphs.partition_point(|p| p.end <= cp);
    Some(index.min(paragraphs.len() - 1))
}

/// The indexes of the paragraphs that `[start, end)` touches (at least the one holding `start`).
pub fn paragraphs_touched(paragraphs: &[Paragraph], start: usize, end: usize) -> std::ops::RangeInclusive<usize> {
    let first = paragraph_at(paragraphs, start).unwrap_or(0);
    first..=paragraph_at(paragraphs, end.saturating_sub(1).max(start)).unwrap_or(first)
}

/// One flag per paragraph: whether one of `ranges` (code points, in any order) touches it. The
/// view marks whole lines this way, such as the furniture lines of a saved page.
pub fn paragraphs_marked(
    paragraphs: &[Paragraph],
    ranges: impl IntoIterator<Item = std::ops::Range<usize>>,
) -> Vec<bool> {
    let mut marked = vec![false; paragraphs.len()];
    if paragraphs.is_empty() {
        return marked;
    }
    for range in ranges {
        for at in paragraphs_touched(paragraphs, range.start, range.end) {
            marked[at] = true;
        }
    }
    marked
}

/// [`paragraphs_touched`] for extents taken in order of their start, as spans and suggestions
/// are kept: it walks the paragraphs alongside them instead of searching for each. A long
/// article checks 10,000 spans and 5,000 suggestions against the drawn paragraphs on every
/// render, and two binary searches each took a few milliseconds of it. An extent that starts
/// before the last one is still answered right, by a search.
pub struct TouchedWalk<'a> {
    paragraphs: &'a [Paragraph],
    at: usize,
}

impl<'a> TouchedWalk<'a> {
    pub fn new(paragraphs: &'a [Paragraph]) -> Self {
        Self { paragraphs, at: 0 }
    }

    pub fn touched(&mut self, start: usize, end: usize) -> std::ops::RangeInclusive<usize> {
        let Some(last) = self.paragraphs.len().checked_sub(1) else { return 0..=0 };
        if start < self.paragraphs[self.at].start {
            self.at = paragraph_at(self.paragraphs, start).unwrap_or(0);
        }
        while self.at < last && self.paragraphs[self.at].end <= start {
            self.at += 1;
        }
        let end_cp = end.saturating_sub(1).max(start);
        let mut to = self.at;
        while to < last && self.paragraphs[to].end <= end_cp {
            to += 1;
        }
        self.at..=to
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_crlf_and_blank_lines_and_a_last_line_without_newline() {
        let text = "Héllo\r\n\r\nwörld";
        let paragraphs = split_paragraphs(text);
        let pieces: Vec<&str> = paragraphs.iter().map(|p| p.text(text)).collect();
        assert_eq!(pieces, ["Héllo\r\n", "\r\n", "wörld"]);
        assert_eq!((paragraphs[2].start, paragraphs[2].end), (9, 14));
        assert_eq!(paragraph_at(&paragraphs, 8), Some(1));
        assert_eq!(paragraph_at(&paragraphs, 14), Some(2));
    }

    #[test]
    fn marked_paragraphs_are_those_the_ranges_touch() {
        let text = "Head 🎉\r\nBy Ana\n\nBody text.\nShare\nEnd";
        let paragraphs = split_paragraphs(text);
        let line = |n: usize| text.split('\n').nth(n).unwrap().trim_end().chars().count();
        let at = |n: usize| paragraphs[n].start;
        // The ranges of "By Ana" and "Share", as `suggest::page` gives lines, and one over two lines.
        let marked = paragraphs_marked(&paragraphs, [at(1)..at(1) + line(1), at(4)..at(4) + line(4)]);
        assert_eq!(marked, [false, true, false, false, true, false]);
        let across = paragraphs_marked(&paragraphs, std::iter::once(at(3) + 2..at(4) + 1));
        assert_eq!(across, [false, false, false, true, true, false]);
        assert_eq!(paragraphs_marked(&[], std::iter::once(0..3)), Vec::<bool>::new());
    }

    #[test]
    fn empty_text_has_no_paragraphs() {
        assert!(split_paragraphs("").is_empty());
        assert_eq!(paragraph_at(&[], 0), None);
    }

    proptest::proptest! {
        #[test]
        fn the_walk_answers_like_the_search_in_any_order(
            lines in proptest::collection::vec(0usize..6, 0..12),
            extents in proptest::collection::vec((0usize..60, 0usize..12), 0..30),
            sorted in proptest::bool::ANY,
        ) {
            let text: String = lines.iter().map(|n| format!("{}\n", "é".repeat(*n))).collect();
            let paragraphs = split_paragraphs(&text);
            let len = text.chars().count();
            let mut extents: Vec<(usize, usize)> =
                extents.into_iter().map(|(s, n)| (s.min(len), (s + n).min(len))).collect();
            if sorted {
                extents.sort_unstable();
            }
            let mut walk = TouchedWalk::new(&paragraphs);
            for (start, end) in extents {
                proptest::prop_assert_eq!(walk.touched(start, end), paragraphs_touched(&paragraphs, start, end));
            }
        }
    }
}
