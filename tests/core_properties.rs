//! Property tests of the pure core on hostile text: astral characters (emoji, flags), combining
//! marks, CRLF and lone line feeds, mixed with words and punctuation.
#![cfg(not(target_arch = "wasm32"))]

use std::rc::Rc;

use article_annotator::formats::{native, open::open_file};
use article_annotator::model::{default_labels, default_relation_types, Document, Relation, Span, Workspace};
use article_annotator::state::{Action, State};
use article_annotator::text::offsets::{codepoint_to_utf16, utf16_to_codepoint, CodepointIndex};
use article_annotator::text::paragraphs::split_paragraphs;
use article_annotator::text::segments::{nest_spans, Piece, SpanExtent};
use article_annotator::text::snap::{is_filler_char, LeadingArticle};
use proptest::prelude::*;

/// Text made of the pieces that break offset code: astral characters, combining marks, CRLF.
fn hostile_text(max_pieces: usize) -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => prop::sample::select(vec!["Peskov", "Genève", "U.S.", "1,250", "the", "Kyiv", "e\u{301}"]).prop_map(String::from),
        3 => prop::sample::select(vec![" ", " ", "\r\n", "\n", "\r\n\r\n", ", ", ". "]).prop_map(String::from),
        2 => prop::sample::select(vec!["😀", "🇨🇭", "🕊️", "👍🏽", "𝔸", "“", "”", "’", "–"]).prop_map(String::from),
        1 => any::<char>().prop_map(String::from),
    ];
    prop::collection::vec(piece, 0..max_pieces).prop_map(|pieces| pieces.concat())
}

/// A document over `text` with up to `count` random spans of the default labels.
fn with_spans(text: String, raw: Vec<(usize, usize, usize)>) -> Document {
    let mut doc = Document::new("d1", "random.txt", text);
    let labels = default_labels();
    for (a, b, label) in raw {
        let len = doc.len();
        if len == 0 {
            break;
        }
        let (start, end) = (a % len, b % len + 1);
        if start < end {
            let id = doc.fresh_span_id();
            let label = labels[label % labels.len()].id.clone();
            doc.insert_span(Span::new(id, start, end, label)).unwrap();
        }
    }
    doc
}

fn spans_strategy() -> impl Strategy<Value = Vec<(usize, usize, usize)>> {
    prop::collection::vec((0usize..10_000, 0usize..10_000, 0usize..4), 0..12)
}

fn python_slice(text: &str, start: usize, end: usize) -> String {
    text.chars().skip(start).take(end.saturating_sub(start)).collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn utf16_and_code_points_round_trip(text in hostile_text(40)) {
        let len = text.chars().count();
        for cp in 0..=len {
            let utf16 = codepoint_to_utf16(&text, cp);
            prop_assert_eq!(utf16_to_codepoint(&text, utf16), cp);
            prop_assert_eq!(utf16, python_slice(&text, 0, cp).encode_utf16().count());
        }
    }

    #[test]
    fn index_slices_like_python(text in hostile_text(60), a in 0usize..400, b in 0usize..400) {
        let index = CodepointIndex::new(&text);
        prop_assert_eq!(index.slice(&text, a, b), python_slice(&text, a, b));
    }

    /// Long runs of one-byte characters take the index's shortcut, a rare wide character the
    /// walk, and a short last block of two-byte characters must not pass for one-byte ones.
    #[test]
    fn index_slices_mostly_ascii_text_like_python(
        runs in prop::collection::vec((0usize..150, prop::sample::select(vec!["", "é", "’", "😀", "éé"])), 1..8),
        tail in 0usize..70,
        a in 0usize..1300,
        b in 0usize..1300,
    ) {
        let mut text: String = runs.iter().map(|(n, wide)| format!("{}{wide}", "a".repeat(*n))).collect();
        text.push_str(&"é".repeat(tail));
        let index = CodepointIndex::new(&text);
        prop_assert_eq!(index.slice(&text, a, b), python_slice(&text, a, b));
        for cp in [a, b, index.len_codepoints().saturating_sub(1)] {
            prop_assert_eq!(index.byte_of(&text, cp), python_slice(&text, 0, cp).len());
        }
    }

    #[test]
    fn paragraphs_give_the_text_back(text in hostile_text(60)) {
        let joined: String = split_paragraphs(&text).iter().map(|p| p.text(&text)).collect();
        prop_assert_eq!(joined, text);
    }

    #[test]
    fn nesting_covers_the_range_exactly_and_each_span_exactly(text in hostile_text(30), raw in spans_strategy()) {
        let doc = with_spans(text, raw);
        let extents: Vec<SpanExtent> =
            doc.spans().iter().enumerate().map(|(index, s)| SpanExtent { start: s.start, end: s.end, index }).collect();
        let pieces = nest_spans(0, doc.len(), &extents);
        let mut leaves = Vec::new();
        let mut covered = vec![Vec::new(); extents.len()];
        collect(&pieces, &mut leaves, &mut covered);
        let mut at = 0;
        for (start, end) in leaves {
            prop_assert_eq!(start, at);
            at = end;
        }
        prop_assert_eq!(at, doc.len());
        for (extent, ranges) in extents.iter().zip(covered) {
            let total: usize = ranges.iter().map(|(s, e)| e - s).sum();
            prop_assert_eq!(total, extent.end - extent.start);
            prop_assert!(ranges.iter().all(|(s, e)| extent.start <= *s && *e <= extent.end));
        }
    }

    #[test]
    fn snapped_spans_are_inside_the_text_and_trimmed(text in hostile_text(30), a in 0usize..300, b in 0usize..300) {
        let doc = Document::new("d1", "t.txt", text);
        let (a, b) = (a.min(doc.len()), b.min(doc.len()));
        let kept = doc.snap(a, b, LeadingArticle::Keep);
        if let Some((start, end)) = kept {
            prop_assert!(start < end && end <= doc.len());
            let snapped = doc.slice(start, end);
            prop_assert!(!snapped.starts_with(char::is_whitespace) && !snapped.ends_with(char::is_whitespace));
        }
        // Dropping an article moves the start past it and changes nothing else.
        let dropped = doc.snap(a, b, LeadingArticle::Drop);
        prop_assert_eq!(dropped.is_some(), kept.is_some());
        if let (Some((kept_start, kept_end)), Some((start, end))) = (kept, dropped) {
            prop_assert_eq!(end, kept_end);
            prop_assert!(kept_start <= start && start < end);
            if start > kept_start {
                let article = doc.slice(kept_start, start).trim_end_matches(is_filler_char).to_lowercase();
                prop_assert!(["the", "a", "an"].contains(&article.as_str()), "dropped {:?}", article);
            }
        }
    }

    #[test]
    fn native_export_then_import_gives_the_same_workspace(text in hostile_text(40), raw in spans_strategy()) {
        prop_assume!(!text.is_empty());
        let doc = with_spans(text, raw);
        let labels = default_labels();
        let json = native::export(&labels, &default_relation_types(), [&doc]);
        let opened = native::import("x.json", &json).unwrap();
        prop_assert_eq!(opened.labels, labels);
        prop_assert_eq!(&opened.documents, &vec![doc.clone()]);
        let value: serde_json::Value = serde_json::from_str(&json).unwrap();
        for span in value["documents"][0]["spans"].as_array().unwrap() {
            let (start, end) = (span["start"].as_u64().unwrap() as usize, span["end"].as_u64().unwrap() as usize);
            prop_assert_eq!(span["text"].as_str().unwrap(), python_slice(doc.text(), start, end));
        }
    }

    #[test]
    fn undo_everything_gives_the_start_back_and_redo_everything_the_end(
        text in hostile_text(30),
        steps in prop::collection::vec((0usize..4, 0usize..500, 0usize..500, 0usize..4), 1..25),
    ) {
        prop_assume!(!text.is_empty());
        let doc = Document::new("d1", "t.txt", text);
        let start_state = State::new(Workspace { documents: vec![Rc::new(doc)], ..Workspace::default() });
        let labels = default_labels();
        let mut state = start_state.clone();
        let mut changes = 0;
        for (kind, a, b, label) in steps {
            let before = state.active_document().unwrap().spans().to_vec();
            let len = state.active_document().unwrap().len();
            let action = match kind {
                0 | 1 => Action::Tag { start: a % len, end: b % (len + 1), label: labels[label].id.clone(), exact: kind == 1 },
                2 => {
                    let spans = state.active_document().unwrap().spans();
                    let id = (!spans.is_empty()).then(|| spans[a % spans.len()].id.clone());
                    state = state.reduce(Action::Select(id));
                    Action::DeleteSelected
                }
                _ => Action::RelabelSelected(labels[label].id.clone()),
            };
            state = state.reduce(action);
            let doc = state.active_document().unwrap();
            if doc.spans() != before.as_slice() {
                changes += 1;
            }
            let sorted = doc.spans().windows(2).all(|w| (w[0].start, std::cmp::Reverse(w[0].end)) <= (w[1].start, std::cmp::Reverse(w[1].end)));
            prop_assert!(sorted);
            prop_assert!(doc.spans().iter().all(|s| s.start < s.end && s.end <= doc.len()));
        }
        let end_spans = state.active_document().unwrap().spans().to_vec();
        for _ in 0..changes {
            state = state.reduce(Action::Undo);
        }
        prop_assert_eq!(state.active_document().unwrap().spans(), start_state.active_document().unwrap().spans());
        prop_assert!(!state.can_undo());
        for _ in 0..changes {
            state = state.reduce(Action::Redo);
        }
        prop_assert_eq!(state.active_document().unwrap().spans(), end_spans.as_slice());
    }

    /// Bulk edits ("accept all", deleting a label) take one pass, and must leave exactly what
    /// one edit per span leaves: the same spans in the same order, the same relations.
    #[test]
    fn spans_added_or_removed_at_once_are_as_if_one_by_one(
        raw in prop::collection::vec((0usize..40, 1usize..6, 0usize..4), 0..30),
        existing in 0usize..30,
        linked in prop::collection::vec((0usize..30, 0usize..30), 0..8),
        removed in prop::collection::vec(0usize..30, 0..12),
    ) {
        let labels = default_labels();
        let spans: Vec<Span> = raw
            .iter()
            .enumerate()
            .map(|(i, &(start, len, label))| Span::new(format!("s{i}"), start, start + len, labels[label].id.clone()))
            .collect();
        let (before, added) = spans.split_at(existing.min(spans.len()));
        let mut base = Document::new("d1", "t.txt", "x".repeat(50));
        for span in before {
            base.insert_span(span.clone()).unwrap();
        }
        let mut one_by_one = base.clone();
        for span in added {
            one_by_one.insert_span(span.clone()).unwrap();
        }
        let mut at_once = base;
        at_once.insert_spans(added.to_vec()).unwrap();
        prop_assert_eq!(at_once.spans(), one_by_one.spans());

        let ids: Vec<Rc<str>> = one_by_one.spans().iter().map(|s| s.id.clone()).collect();
        if ids.is_empty() {
            return Ok(());
        }
        for (n, &(a, b)) in linked.iter().enumerate() {
            let relation = Relation::new(format!("r{n}"), "said_by", ids[a % ids.len()].clone(), ids[b % ids.len()].clone());
            one_by_one.insert_relation(relation.clone()).unwrap();
            at_once.insert_relation(relation).unwrap();
        }
        let mut gone: Vec<Rc<str>> = removed.iter().map(|i| ids[i % ids.len()].clone()).collect();
        let mut seen = std::collections::HashSet::new();
        gone.retain(|id| seen.insert(id.clone()));
        let each: Vec<_> = gone.iter().map(|id| one_by_one.remove_span(id).unwrap()).collect();
        prop_assert_eq!(at_once.remove_spans(&gone).unwrap(), each);
        prop_assert_eq!(at_once.spans(), one_by_one.spans());
        prop_assert_eq!(at_once.relations(), one_by_one.relations());
        prop_assert!(at_once.remove_spans(&["nowhere".into()]).is_none());
    }

    #[test]
    fn opening_any_bytes_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..300), json in any::<bool>()) {
        let name = if json { "x.json" } else { "x.txt" };
        match open_file(name, &bytes) {
            Ok(opened) => prop_assert!(!opened.documents.is_empty()),
            Err(error) => prop_assert!(error.to_string().contains(name)),
        }
    }
}

fn collect(pieces: &[Piece], leaves: &mut Vec<(usize, usize)>, covered: &mut [Vec<(usize, usize)>]) {
    for piece in pieces {
        match piece {
            Piece::Text { start, end } => leaves.push((*start, *end)),
            Piece::Span { index, start, end, children, .. } => {
                covered[*index].push((*start, *end));
                collect(children, leaves, covered);
            }
        }
    }
}
