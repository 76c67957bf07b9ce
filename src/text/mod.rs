//! Pure text work on a document's string: offset units, paragraphs, sentences, snapping a selection to
//! words, and turning overlapping spans into properly nested render pieces.
//!
//! Everything here speaks Unicode code points, end-exclusive (Python's `text[start:end]`),
//! except `offsets`, which is the one place that knows the DOM counts in UTF-16 units.
//! Nothing here knows about spans' labels' meaning, the DOM or Yew.

pub mod digest;
pub mod find;
pub mod names;
pub mod offsets;
pub mod paragraphs;
pub mod segments;
pub mod sentences;
pub mod snap;
pub mod tokens;
