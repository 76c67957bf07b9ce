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
    fn empty_text_has_no_paragraphs() {
        assert!(split_paragraphs("").is_empty());
        assert_eq!(paragraph_at(&[], 0), None);
    }
}
