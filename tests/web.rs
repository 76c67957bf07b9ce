//! Browser tests (wasm-bindgen-test in headless Chromium): DOM selections on a really rendered
//! article map to the right code-point offsets, and the article's text is the document's text.
#![cfg(target_arch = "wasm32")]

use std::rc::Rc;
use std::time::Duration;

use article_annotator::browser::selection::{range_to_offsets, selection_in_article};
use article_annotator::components::app::App;
use article_annotator::components::article::{ArticleBody, ArticleBodyProps};
use article_annotator::components::store::SameDocument;
use article_annotator::model::{default_labels, Document, Span};
use article_annotator::sample::SAMPLE_TEXT;
use wasm_bindgen_test::*;
use web_sys::{Element, Node};

wasm_bindgen_test_configure!(run_in_browser);

const TEXT: &str = "Héllo 😀 world\r\n\r\n“Quote by Peskov” – end 🕊️ tail";

/// The test document: a quote with a nested actor, and a location that crosses the paragraph
/// break and the quote (so it is drawn as several elements).
fn test_document() -> Document {
    let mut doc = Document::new("d1", "web.txt", TEXT);
    let find = |needle: &str| {
        let byte = TEXT.find(needle).unwrap();
        let start = TEXT[..byte].chars().count();
        (start, start + needle.chars().count())
    };
    for (id, needle, label) in
        [("s1", "Quote by Peskov", "quote"), ("s2", "Peskov", "actor"), ("s3", "world\r\n\r\n“Quote", "location")]
    {
        let (start, end) = find(needle);
        doc.insert_span(Span::new(id, start, end, label)).unwrap();
    }
    doc
}

/// Renders `doc` with the app's own article component into a fresh element of the page.
async fn render(doc: Document) -> (Element, Element) {
    let page = gloo::utils::document();
    let root = page.create_element("div").unwrap();
    gloo::utils::body().append_child(&root).unwrap();
    // Only what the test sets; every other prop takes its default.
    let props =
        yew::props!(ArticleBodyProps { doc: SameDocument(Rc::new(doc)), labels: default_labels(), selected: None });
    yew::Renderer::<ArticleBody>::with_root_and_props(root.clone(), props).render();
    let article = settle(|| root.query_selector("[data-testid=article]").ok().flatten()).await;
    (root, article)
}

/// Waits for Yew's asynchronous render to produce what `probe` looks for.
async fn settle<T>(probe: impl Fn() -> Option<T>) -> T {
    for _ in 0..100 {
        if let Some(found) = probe() {
            return found;
        }
        gloo::timers::future::sleep(Duration::from_millis(10)).await;
    }
    panic!("the page did not render in time")
}

/// The text nodes under `node`, in document order.
fn text_nodes(node: &Node, out: &mut Vec<Node>) {
    if node.node_type() == Node::TEXT_NODE {
        out.push(node.clone());
    }
    let children = node.child_nodes();
    for i in 0..children.length() {
        text_nodes(&children.item(i).unwrap(), out);
    }
}

/// The DOM point at code point `cp`, found independently of the app's code by walking text
/// nodes. At a boundary between two text nodes, `prefer_end` picks the end of the earlier one.
fn dom_point(article: &Element, cp: usize, prefer_end: bool) -> (Node, u32) {
    let mut nodes = Vec::new();
    text_nodes(article, &mut nodes);
    let mut before = 0;
    for node in &nodes {
        let data = node.text_content().unwrap();
        let len = data.chars().count();
        let inside = if prefer_end { cp <= before + len } else { cp < before + len };
        if inside {
            let utf16: usize = data.chars().take(cp - before).map(char::len_utf16).sum();
            return (node.clone(), utf16 as u32);
        }
        before += len;
    }
    let last = nodes.last().unwrap();
    (last.clone(), last.text_content().unwrap().encode_utf16().count() as u32)
}

fn range(start: (Node, u32), end: (Node, u32)) -> web_sys::Range {
    let range = gloo::utils::document().create_range().unwrap();
    range.set_start(&start.0, start.1).unwrap();
    range.set_end(&end.0, end.1).unwrap();
    range
}

fn offsets_between(article: &Element, doc: &Document, start: usize, end: usize) -> Vec<Option<(usize, usize)>> {
    [(false, false), (true, true), (false, true), (true, false)]
        .into_iter()
        .map(|(start_end, end_end)| {
            let r = range(dom_point(article, start, start_end), dom_point(article, end, end_end));
            range_to_offsets(article, &r, doc)
        })
        .collect()
}

#[wasm_bindgen_test]
async fn the_article_text_is_the_document_text() {
    let doc = test_document();
    let (root, article) = render(doc).await;
    assert_eq!(article.text_content().unwrap(), TEXT);
    let pieces = article.query_selector_all("[data-span-id=s3]").unwrap().length();
    assert!(pieces >= 2, "the crossing span is drawn in several pieces, got {pieces}");
    let actor = article.query_selector("[data-span-id=s1] [data-span-id=s2]").unwrap();
    assert!(actor.is_some(), "the actor is nested in the quote");
    root.remove();
}

#[wasm_bindgen_test]
async fn every_span_boundary_maps_back_to_its_offsets() {
    let doc = test_document();
    let (root, article) = render(doc.clone()).await;
    for span in doc.spans() {
        for found in offsets_between(&article, &doc, span.start, span.end) {
            assert_eq!(found, Some((span.start, span.end)), "span {}", span.id);
        }
    }
    root.remove();
}

#[wasm_bindgen_test]
async fn points_inside_nested_spans_around_emoji_and_across_paragraphs() {
    let doc = test_document();
    let (root, article) = render(doc.clone()).await;
    let cp = |needle: &str| TEXT[..TEXT.find(needle).unwrap()].chars().count();
    let cases = [
        (cp("by"), cp("kov")),            // ends inside the nested actor
        (cp("esk"), cp(" end")),          // starts inside the nested actor, ends outside the quote
        (cp(" world"), cp(" world") + 3), // starts right after the emoji
        (cp("😀"), cp(" world")),         // exactly the emoji
        (cp("🕊"), cp(" tail")),           // a two-code-point emoji sequence
        (cp("llo"), cp("tail") + 2),      // across both paragraph breaks
        (0, doc.len()),                   // everything
    ];
    for (start, end) in cases {
        for found in offsets_between(&article, &doc, start, end) {
            assert_eq!(found, Some((start, end)), "{:?}", doc.slice(start, end));
        }
    }
    root.remove();
}

#[wasm_bindgen_test]
async fn element_level_points_and_points_outside_the_article_clamp() {
    let doc = test_document();
    let (root, article) = render(doc.clone()).await;
    let paragraphs = article.query_selector_all(".paragraph").unwrap();
    let last_paragraph = paragraphs.item(paragraphs.length() - 1).unwrap();
    let whole_article = range((last_paragraph, 0), (article.clone().into(), article.child_nodes().length()));
    assert_eq!(range_to_offsets(&article, &whole_article, &doc), Some((doc.paragraphs()[2].start, doc.len())));
    let outside = gloo::utils::document().create_element("p").unwrap();
    outside.set_text_content(Some("before"));
    root.before_with_node_1(&outside).unwrap();
    let from_outside = range((outside.first_child().unwrap(), 2), dom_point(&article, 5, false));
    assert_eq!(range_to_offsets(&article, &from_outside, &doc), Some((0, 5)));
    outside.remove();
    root.remove();
}

#[wasm_bindgen_test]
async fn the_window_selection_is_read_from_the_article() {
    let doc = test_document();
    let (root, article) = render(doc.clone()).await;
    let selection = gloo::utils::window().get_selection().unwrap().unwrap();
    selection.remove_all_ranges().unwrap();
    assert_eq!(selection_in_article(&doc), None, "no selection, no offsets");
    let start = TEXT[..TEXT.find("Peskov").unwrap()].chars().count();
    selection.add_range(&range(dom_point(&article, start, false), dom_point(&article, start + 6, true))).unwrap();
    assert_eq!(selection_in_article(&doc), Some((start, start + 6)));
    selection.remove_all_ranges().unwrap();
    root.remove();
}

#[wasm_bindgen_test]
async fn the_app_opens_on_the_sample_article() {
    let root = gloo::utils::document().create_element("div").unwrap();
    gloo::utils::body().append_child(&root).unwrap();
    yew::Renderer::<App>::with_root(root.clone()).render();
    let article = settle(|| root.query_selector("[data-testid=article]").ok().flatten()).await;
    assert_eq!(article.text_content().unwrap(), SAMPLE_TEXT);
    let label_buttons = root.query_selector_all(".toolbar [data-testid^=label-]").unwrap().length();
    assert_eq!(label_buttons, 4);
    assert!(root.query_selector("[data-testid=export-json]").unwrap().is_some());
    let list = root.query_selector("[data-testid=document-list]").unwrap().unwrap();
    assert_eq!(list.query_selector_all("[data-testid=document-item]").unwrap().length(), 1);
}
