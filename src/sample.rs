//! The article the app opens on, shipped inside the app so a first visit has something to
//! annotate without any file or network.

use crate::model::Document;

pub const SAMPLE_NAME: &str = "geneva-talks.txt";
pub const SAMPLE_TEXT: &str = include_str!("../samples/geneva-talks.txt");

pub fn sample_document() -> Document {
    Document::new("d1", SAMPLE_NAME, SAMPLE_TEXT)
}
