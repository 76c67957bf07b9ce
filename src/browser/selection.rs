//! DOM selection → code-point offsets into the document: the one boundary where UTF-16 meets
//! code points.
//!
//! Each rendered paragraph carries `data-para-start` (its first code point). A point of the
//! selection is measured in UTF-16 units from the start of its paragraph (a DOM Range's
//! `toString().length`, which counts exactly the text the person sees), then converted with the
//! paragraph's own text by [`crate::text::offsets`]. Points outside the article clamp to its
//! start or end, so a drag that overshoots still selects to the edge.

use wasm_bindgen::JsCast;
use web_sys::{Element, Node, Range};

use crate::model::Document;
use crate::text::offsets::utf16_to_codepoint;
use crate::text::paragraphs::paragraph_at;

/// The attribute on a paragraph element that holds its start, in code points.
pub const PARAGRAPH_START_ATTRIBUTE: &str = "data-para-start";

/// The current text selection as `[start, end)` in `doc`, if it covers any of the article.
pub fn selection_in_article(doc: &Document) -> Option<(usize, usize)> {
    let selection = gloo::utils::window().get_selection().ok()??;
    if selection.range_count() == 0 || selection.is_collapsed() {
        return None;
    }
    let range = selection.get_range_at(0).ok()?;
    range_to_offsets(&crate::browser::article_element()?, &range, doc)
}

/// `[start, end)` in code points of `range` within `article`, which renders `doc`.
pub fn range_to_offsets(article: &Element, range: &Range, doc: &Document) -> Option<(usize, usize)> {
    let start = point_to_offset(article, &range.start_container().ok()?, range.start_offset().ok()?, doc)?;
    let end = point_to_offset(article, &range.end_container().ok()?, range.end_offset().ok()?, doc)?;
    (start < end).then_some((start, end))
}

/// Code-point offset of the DOM point (`node`, `offset`) in the article's text.
pub fn point_to_offset(article: &Element, node: &Node, offset: u32, doc: &Document) -> Option<usize> {
    if !article.contains(Some(node)) {
        let article_follows = node.compare_document_position(article) & Node::DOCUMENT_POSITION_FOLLOWING != 0;
        return Some(if article_follows { 0 } else { doc.len() });
    }
    let (base, base_start, base_text) = match enclosing_paragraph(article, node) {
        Some((element, start)) => {
            let paragraph = doc.paragraphs()[paragraph_at(doc.paragraphs(), start)?];
            (Node::from(element), start, paragraph.text(doc.text()))
        }
        None => (Node::from(article.clone()), 0, &**doc.text()),
    };
    let measure = gloo::utils::document().create_range().ok()?;
    measure.set_start(&base, 0).ok()?;
    measure.set_end(node, offset).ok()?;
    let utf16 = String::from(measure.to_string()).encode_utf16().count();
    Some((base_start + utf16_to_codepoint(base_text, utf16)).min(doc.len()))
}

/// The paragraph element holding `node`, with its start offset.
fn enclosing_paragraph(article: &Element, node: &Node) -> Option<(Element, usize)> {
    let mut current = Some(node.clone());
    while let Some(candidate) = current {
        if let Some(element) = candidate.dyn_ref::<Element>() {
            if element == article {
                return None;
            }
            if let Some(start) = element.get_attribute(PARAGRAPH_START_ATTRIBUTE) {
                return Some((element.clone(), start.parse().ok()?));
            }
        }
        current = candidate.parent_node();
    }
    None
}

/// Collapses the page's text selection (after tagging it, or on Escape).
pub fn clear_selection() {
    if let Ok(Some(selection)) = gloo::utils::window().get_selection() {
        let _ = selection.remove_all_ranges();
    }
}

/// The DOM point at code point `cp` of the article (the reverse of [`point_to_offset`]): in the
/// paragraph holding `cp`, the text node and UTF-16 offset where that code point starts.
pub fn offset_to_point(article: &Element, doc: &Document, cp: usize) -> Option<(Node, u32)> {
    let index = paragraph_at(doc.paragraphs(), cp)?;
    let paragraph = super::paragraph_element(article, index)?;
    let mut remaining = cp - doc.paragraphs()[index].start;
    let walker = gloo::utils::document().create_tree_walker_with_what_to_show(&paragraph, 4).ok()?;
    let mut last = None;
    while let Ok(Some(node)) = walker.next_node() {
        let data = node.text_content().unwrap_or_default();
        let len = data.chars().count();
        if remaining < len {
            let utf16: usize = data.chars().take(remaining).map(char::len_utf16).sum();
            return Some((node, utf16 as u32));
        }
        remaining -= len;
        last = Some((node, data.encode_utf16().count() as u32));
    }
    last
}

/// Whether some text of the article is selected.
pub fn has_text_selection() -> bool {
    gloo::utils::window().get_selection().ok().flatten().is_some_and(|s| !s.is_collapsed())
}

/// Moves the caret (or, with `extend`, the selection's focus) one word, the browser's way.
/// Without a selection in the article, starts from `from` (a code point: the selected span's
/// edge, or the article's start).
pub fn move_caret(doc: &Document, from: usize, forward: bool, extend: bool) -> Option<()> {
    let article = crate::browser::article_element()?;
    let selection = gloo::utils::window().get_selection().ok()??;
    let inside = selection.anchor_node().is_some_and(|node| article.contains(Some(&node)));
    if !inside {
        let (node, offset) = offset_to_point(&article, doc, from)?;
        selection.collapse_with_offset(Some(&node), offset).ok()?;
    }
    let direction = if forward { "forward" } else { "backward" };
    selection.modify(if extend { "extend" } else { "move" }, direction, "word").ok()
}

/// The code-point offset under the viewport point (`x`, `y`), if it is over the article's text.
pub fn offset_at_point(doc: &Document, x: f32, y: f32) -> Option<usize> {
    let article = crate::browser::article_element()?;
    let caret = gloo::utils::document().caret_position_from_point(x, y)?;
    let node = caret.offset_node()?;
    if !article.contains(Some(&node)) {
        return None;
    }
    point_to_offset(&article, &node, caret.offset(), doc)
}

/// Which edge of `element` the viewport point is on, within `reach` pixels inside it: the left
/// edge of its first line box or the right edge of its last (a span wraps over lines).
pub fn edge_under_pointer(element: &Element, x: f64, y: f64, reach: f64) -> Option<crate::model::SpanEdge> {
    let rects = element.get_client_rects();
    let (first, last) = (rects.item(0)?, rects.item(rects.length().checked_sub(1)?)?);
    let within = |rect: &web_sys::DomRect| rect.top() <= y && y <= rect.bottom();
    if within(&first) && (x - first.left()).abs() <= reach {
        Some(crate::model::SpanEdge::Start)
    } else if within(&last) && (last.right() - x).abs() <= reach {
        Some(crate::model::SpanEdge::End)
    } else {
        None
    }
}
