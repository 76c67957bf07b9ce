//! The article the app opens on, shipped inside the app so a first visit has something to
//! annotate without any file or network.

use crate::model::Document;

pub const SAMPLE_NAME: &str = "geneva-talks.txt";
pub const SAMPLE_TEXT: &str = include_str!("../samples/geneva-talks.txt");

pub fn sample_document() -> Document {
    Document::new("d1", SAMPLE_NAME, SAMPLE_TEXT)
}

/// Whether `doc` is the sample article as the app opened it: nothing tagged, renamed or marked.
/// "Export all" leaves it out, so a workspace of real articles does not carry it along.
pub fn is_untouched_sample(doc: &Document) -> bool {
    *doc == sample_document()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Span, Status};

    #[test]
    fn only_the_sample_as_opened_counts_as_untouched() {
        assert!(is_untouched_sample(&sample_document()));
        let mut tagged = sample_document();
        tagged.insert_span(Span::new("s1", 0, 6, "actor")).unwrap();
        assert!(!is_untouched_sample(&tagged));
        let mut renamed = sample_document();
        renamed.name = "mine.txt".into();
        assert!(!is_untouched_sample(&renamed));
        let mut marked = sample_document();
        marked.status = Status::Done;
        assert!(!is_untouched_sample(&marked));
        assert!(!is_untouched_sample(&Document::new("d1", SAMPLE_NAME, "Another text.")));
    }
}
