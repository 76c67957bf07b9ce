//! Conversions between offset units, and fast code-point slicing of long texts.
//!
//! The model stores code points; the DOM reports UTF-16 code units; Rust strings index bytes.
//! This module is the only place those three meet, so no other module does unit arithmetic.

/// How many code points precede UTF-16 position `utf16` in `text`.
///
/// A position inside a surrogate pair (which a DOM selection can produce only by script)
/// rounds down to the code point that the pair encodes; a position past the end clamps.
pub fn utf16_to_codepoint(text: &str, utf16: usize) -> usize {
    let mut units = 0;
    for (count, ch) in text.chars().enumerate() {
        let next = units + ch.len_utf16();
        if next > utf16 {
            return count;
        }
        units = next;
    }
    text.chars().count()
}

/// How many UTF-16 code units the first `codepoints` code points of `text` take.
/// A count past the end clamps to the whole text.
pub fn codepoint_to_utf16(text: &str, codepoints: usize) -> usize {
    text.chars().take(codepoints).map(char::len_utf16).sum()
}

/// Byte offset of code point `cp` in `text`, or `text.len()` when `cp` is at or past the end.
pub fn codepoint_to_byte(text: &str, cp: usize) -> usize {
    text.char_indices().nth(cp).map_or(text.len(), |(byte, _)| byte)
}

/// Byte offset of the `n`th character of UTF-8 `bytes` (which start at a character): a count of
/// lead bytes, cheaper than decoding each character.
fn nth_char_start(bytes: &[u8], n: usize) -> usize {
    let is_lead = |b: &u8| (b & 0xC0) != 0x80;
    bytes.iter().enumerate().filter(|(_, b)| is_lead(b)).nth(n).map_or(bytes.len(), |(at, _)| at)
}

/// How often [`CodepointIndex`] records a byte offset: a lookup walks at most this many chars.
const CHECKPOINT_EVERY: usize = 64;

/// Code-point → byte lookup for a long text in near-constant time, so slicing ten thousand
/// spans out of a 100k-word article does not rescan the text for each one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CodepointIndex {
    checkpoints: Vec<usize>,
    len_codepoints: usize,
}

impl CodepointIndex {
    pub fn new(text: &str) -> Self {
        let mut checkpoints = Vec::with_capacity(text.len() / CHECKPOINT_EVERY + 1);
        let mut len_codepoints = 0;
        for (count, (byte, _)) in text.char_indices().enumerate() {
            if count % CHECKPOINT_EVERY == 0 {
                checkpoints.push(byte);
            }
            len_codepoints = count + 1;
        }
        Self { checkpoints, len_codepoints }
    }

    pub fn len_codepoints(&self) -> usize {
        self.len_codepoints
    }

    /// Byte offset of code point `cp`; `text` must be the string the index was built from.
    pub fn byte_of(&self, text: &str, cp: usize) -> usize {
        if cp >= self.len_codepoints {
            return text.len();
        }
        let block = cp / CHECKPOINT_EVERY;
        let (base, within) = (self.checkpoints[block], cp % CHECKPOINT_EVERY);
        // A block of one-byte characters (most of an English article) needs no walk; slicing
        // every span of the workspace for the suggester costs that walk 20,000 times.
        let next = self.checkpoints.get(block + 1).copied().unwrap_or(text.len());
        let chars_in_block = CHECKPOINT_EVERY.min(self.len_codepoints - block * CHECKPOINT_EVERY);
        if next - base == chars_in_block {
            return base + within;
        }
        base + nth_char_start(&text.as_bytes()[base..], within)
    }

    /// `text[start:end]` in code points, as Python slices; out-of-range ends clamp.
    pub fn slice<'t>(&self, text: &'t str, start: usize, end: usize) -> &'t str {
        let start_byte = self.byte_of(text, start);
        let end_byte = self.byte_of(text, end.max(start));
        &text[start_byte..end_byte]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emoji_takes_two_utf16_units_and_one_code_point() {
        let text = "a😀b";
        assert_eq!(codepoint_to_utf16(text, 2), 3);
        assert_eq!(utf16_to_codepoint(text, 3), 2);
        assert_eq!(utf16_to_codepoint(text, 2), 1, "inside the pair rounds down");
        assert_eq!(utf16_to_codepoint(text, 99), 3);
    }

    #[test]
    fn index_slices_like_python() {
        let text: String = "é😀\r\n".repeat(100);
        let index = CodepointIndex::new(&text);
        assert_eq!(index.len_codepoints(), 400);
        assert_eq!(index.slice(&text, 129, 131), "😀\r");
        assert_eq!(index.slice(&text, 398, 999), "\r\n");
        assert_eq!(index.slice(&text, 5, 2), "");
    }
}
