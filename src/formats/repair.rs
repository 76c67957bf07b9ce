//! Placing a span from another tool: converting its offsets from the unit that tool counts in
//! to code points, and checking them against the span's own text. Tools have shipped offsets
//! that drift after an emoji (UTF-16 counted as code points) or a CRLF; when a span's text is
//! known, a wrong offset is repaired from the text if the repair is unique, and refused if not.

use std::rc::Rc;

use crate::model::{Document, Label, ModelError, Span};
use crate::text::offsets::{utf16_to_codepoint, CodepointIndex};

/// What a source's offsets count.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OffsetUnit {
    /// Unicode code points (Python's `str`): spaCy, Prodigy, brat, doccano, us.
    CodePoint,
    /// UTF-16 code units (JavaScript strings): Label Studio and other browser tools.
    Utf16,
    /// UTF-8 bytes.
    Byte,
}

/// `offset` in `unit` as a code-point offset into `text`, or `None` if it is past the end or
/// falls inside a character.
pub fn to_codepoint(text: &str, offset: usize, unit: OffsetUnit) -> Option<usize> {
    match unit {
        OffsetUnit::CodePoint => (offset <= text.chars().count()).then_some(offset),
        OffsetUnit::Utf16 => {
            let cp = utf16_to_codepoint(text, offset);
            (crate::text::offsets::codepoint_to_utf16(text, cp) == offset).then_some(cp)
        }
        OffsetUnit::Byte => text.is_char_boundary(offset).then(|| text[..offset].chars().count()),
    }
}

/// Where a span of `doc` really is: `[start, end)` in `unit`, whose text should be `claimed`.
///
/// - The offsets are converted and, if the text is known, checked against it.
/// - If they disagree, or are out of range, the claimed text is looked for: if it occurs once
///   in the document, or is nearest to the given start by a clear margin, that place is used.
/// - Otherwise the span is refused, with the reason.
///
/// Returns the code-point range and whether it was repaired.
pub fn place_span(
    doc: &Document,
    index: &CodepointIndex,
    start: usize,
    end: usize,
    claimed: Option<&str>,
    unit: OffsetUnit,
) -> Result<((usize, usize), bool), String> {
    let text = doc.text();
    // Code points are checked against the index (no rescan of the text per span, which would
    // make opening ten thousand spans of a long article quadratic).
    let convert = |offset| match unit {
        OffsetUnit::CodePoint => (offset <= index.len_codepoints()).then_some(offset),
        _ => to_codepoint(text, offset, unit),
    };
    let converted = convert(start).zip(convert(end)).filter(|(s, e)| s < e);
    let Some(claimed) = claimed.filter(|c| !c.is_empty()) else {
        return converted
            .map(|range| (range, false))
            .ok_or_else(|| format!("offsets {start}..{end} are not in the text"));
    };
    if let Some((s, e)) = converted {
        if index.slice(text, s, e) == claimed {
            return Ok(((s, e), false));
        }
    }
    let occurrences: Vec<usize> = text.match_indices(claimed).map(|(byte, _)| text[..byte].chars().count()).collect();
    let length = claimed.chars().count();
    let pick = match occurrences.as_slice() {
        [] => None,
        [only] => Some(*only),
        many => {
            // Drift moves a span by a few places: the occurrence nearest the given start, if
            // clearly nearer than any other, is the one meant.
            let guess = converted.map_or(start, |(s, _)| s);
            let mut by_distance: Vec<usize> = many.to_vec();
            by_distance.sort_by_key(|at| at.abs_diff(guess));
            let (best, second) = (by_distance[0], by_distance[1]);
            (best.abs_diff(guess) * 2 < second.abs_diff(guess)).then_some(best)
        }
    };
    match pick {
        Some(at) => Ok(((at, at + length), true)),
        None if occurrences.is_empty() => Err(format!("its text “{claimed}” is not in the document")),
        None => Err(format!(
            "offsets {start}..{end} do not hold its text “{claimed}”, which occurs {} times",
            occurrences.len()
        )),
    }
}

/// Adds a placed span to `doc` under `id` if that id is free (else a fresh one), and returns the
/// id it has there. A span with the same label and boundaries already there is the same
/// annotation (the guidelines): it stays, and its id is returned, so links to either land on it.
pub fn add_placed_span(
    doc: &mut Document,
    id: &str,
    (start, end): (usize, usize),
    label: &str,
    note: Option<String>,
) -> Result<Rc<str>, String> {
    // Spans are sorted by (start, end descending, label, id): the same annotation, if there, is
    // where this one would go.
    let key = (start, std::cmp::Reverse(end), label);
    let at = doc.spans().partition_point(|s| (s.start, std::cmp::Reverse(s.end), &*s.label) < key);
    if let Some(same) = doc.spans().get(at).filter(|s| (s.start, s.end, &*s.label) == (start, end, label)) {
        return Ok(same.id.clone());
    }
    let id: Rc<str> = if id.is_empty() { doc.fresh_span_id() } else { id.into() };
    let span = Span { note, ..Span::new(id.clone(), start, end, label) };
    match doc.insert_span(span.clone()) {
        Ok(_) => Ok(id),
        Err(ModelError::DuplicateId(_)) => {
            let id = doc.fresh_span_id();
            doc.insert_span(Span { id: id.clone(), ..span }).map_err(|e| e.to_string())?;
            Ok(id)
        }
        Err(e) => Err(e.to_string()),
    }
}

/// A label another tool's file names only by its id: it is added to the workspace as it is,
/// in neutral grey, unless the workspace has it already.
pub fn label_from_id(id: &str) -> Label {
    Label { id: id.into(), name: id.to_string(), color: "#7f7f7f".into(), key: None }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn place(
        text: &str,
        start: usize,
        end: usize,
        claimed: Option<&str>,
        unit: OffsetUnit,
    ) -> Result<((usize, usize), bool), String> {
        let doc = Document::new("d", "t", text);
        place_span(&doc, &CodepointIndex::new(text), start, end, claimed, unit)
    }

    #[test]
    fn converts_utf16_and_byte_offsets() {
        let text = "😀 Peskov";
        assert_eq!(place(text, 3, 9, Some("Peskov"), OffsetUnit::Utf16), Ok(((2, 8), false)));
        assert_eq!(place(text, 5, 11, Some("Peskov"), OffsetUnit::Byte), Ok(((2, 8), false)));
        assert_eq!(place(text, 2, 8, None, OffsetUnit::CodePoint), Ok(((2, 8), false)));
        assert!(place(text, 1, 3, None, OffsetUnit::Utf16).is_err(), "inside the emoji's surrogate pair");
    }

    #[test]
    fn repairs_drift_when_unique_and_refuses_when_not() {
        let text = "😀😀 Peskov met Peskov at noon; Putin.";
        // Offsets counted in UTF-16 but declared as code points: drifted by two.
        assert_eq!(place(text, 5, 11, Some("Peskov"), OffsetUnit::CodePoint), Ok(((3, 9), true)));
        assert_eq!(place(text, 32, 37, Some("Putin"), OffsetUnit::CodePoint), Ok(((30, 35), true)));
        let far = place(text, 9, 15, Some("Peskov"), OffsetUnit::CodePoint);
        assert!(far.unwrap_err().contains("occurs 2 times"));
        assert!(place(text, 0, 3, Some("Zelensky"), OffsetUnit::CodePoint)
            .unwrap_err()
            .contains("not in the document"));
    }

    #[test]
    fn a_placed_span_keeps_its_id_if_free_and_is_one_with_an_identical_span() {
        let mut doc = Document::new("d", "t", "Peskov met Peskov.");
        assert_eq!(&*add_placed_span(&mut doc, "T1", (0, 6), "actor", None).unwrap(), "T1");
        assert_eq!(&*add_placed_span(&mut doc, "T2", (0, 6), "actor", Some("x".into())).unwrap(), "T1");
        assert_eq!(&*add_placed_span(&mut doc, "T1", (11, 17), "actor", None).unwrap(), "s1", "T1 is taken");
        assert_eq!(&*add_placed_span(&mut doc, "", (0, 6), "quote", None).unwrap(), "s2");
        assert!(add_placed_span(&mut doc, "T9", (5, 99), "actor", None).is_err());
        assert_eq!(doc.spans().len(), 3);
        assert_eq!(doc.span("T1").unwrap().note, None, "the first one stays as it was");
    }
}
