//! The sha256 of a document's text, as the native format and JSON Lines carry it, and its cache.
//!
//! Not a general hashing module: one digest, of a text exactly as loaded (its UTF-8 bytes).

use std::cell::OnceCell;
use std::rc::Rc;

use sha2::{Digest as _, Sha256};

/// Hex sha256 of the UTF-8 text, as the formats' `sha256` fields carry it.
pub fn sha256_hex(text: &str) -> String {
    Sha256::digest(text.as_bytes()).iter().map(|b| format!("{b:02x}")).collect()
}

/// A text's sha256, worked out on first use and shared by every copy of its document: the
/// workspace is saved after every edit, and hashing megabytes of unchanged text each time was
/// most of a save's work.
#[derive(Clone, Debug, Default)]
pub struct TextDigest(Rc<OnceCell<Rc<str>>>);

impl TextDigest {
    /// The digest of `text`, which must be the text this cache belongs to.
    pub fn of(&self, text: &str) -> &str {
        self.0.get_or_init(|| sha256_hex(text).into())
    }
}

/// Derived from the text, like a document's other indexes of it: two documents are equal by
/// their texts, whether or not either digest was worked out yet.
impl PartialEq for TextDigest {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl Eq for TextDigest {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digest_is_of_the_utf8_bytes_and_shared_by_copies() {
        let text = "“Hi,” said Peskov 😀";
        let digest = TextDigest::default();
        let copy = digest.clone();
        assert_eq!(digest.of(text), sha256_hex(text));
        assert!(std::ptr::eq(copy.of("not consulted once worked out"), digest.of(text)));
        assert_eq!(sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }
}
