//! Plain text files (.txt, .md, anything else that is text): bytes → one document, exactly as
//! the bytes say. Nothing is trimmed, no line ending is rewritten and a byte-order mark stays,
//! because exported offsets must match what downstream tools read from the same file.

use super::FileError;

/// Files above this size are refused: the browser keeps the text, its index and its rendering
/// in memory, and at this size a 100k-word article still fits several times over.
pub const MAX_FILE_BYTES: usize = 20 * 1024 * 1024;

/// The bytes as text, or why they are not a text this app can annotate.
pub fn decode_text<'b>(file: &str, bytes: &'b [u8]) -> Result<&'b str, FileError> {
    if bytes.is_empty() {
        return Err(FileError::new(file, "the file is empty"));
    }
    if bytes.len() > MAX_FILE_BYTES {
        return Err(FileError::new(
            file,
            format!(
                "the file is {:.1} MB; files up to {} MB can be opened",
                bytes.len() as f64 / 1_048_576.0,
                MAX_FILE_BYTES / 1_048_576
            ),
        ));
    }
    if bytes.contains(&0) {
        return Err(FileError::new(file, "it looks like a binary file (it contains NUL bytes), not text"));
    }
    std::str::from_utf8(bytes).map_err(|e| {
        let at = e.valid_up_to();
        let line = bytes[..at].iter().filter(|b| **b == b'\n').count() + 1;
        FileError::new(
            file,
            format!(
                "it is not UTF-8 text (invalid byte at position {at}, line {line}); save it as UTF-8 and try again"
            ),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_kept_byte_for_byte() {
        let bytes = "\u{feff}Title\r\n\r\n“Quote” – 😀\n\n\n".as_bytes();
        assert_eq!(decode_text("a.txt", bytes).unwrap().as_bytes(), bytes);
    }

    #[test]
    fn refuses_empty_binary_and_non_utf8_with_reasons() {
        assert!(decode_text("a.txt", b"").unwrap_err().reason.contains("empty"));
        assert!(decode_text("a.png", b"\x89PNG\r\n\x1a\n\0\0").unwrap_err().reason.contains("binary"));
        let latin1 = decode_text("a.txt", b"line one\ncaf\xe9").unwrap_err();
        assert!(latin1.reason.contains("line 2"), "{}", latin1.reason);
        assert!(latin1.to_string().contains("a.txt"));
    }

    #[test]
    fn refuses_files_over_the_limit() {
        let big = vec![b'a'; MAX_FILE_BYTES + 1];
        assert!(decode_text("big.txt", &big).unwrap_err().reason.contains("MB"));
    }
}
