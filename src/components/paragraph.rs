//! One paragraph of the article with its spans drawn as nested elements. Memoized by its props,
//! so an edit re-renders only the paragraphs whose spans or selection changed.
//!
//! The text nodes together are exactly the paragraph's text: labels are drawn by CSS from
//! attributes, never as characters, so the article's `textContent` stays the document text.
//! Assistive technology hears a span's label from its `aria-description`, and the selected span
//! by `aria-current`.

use std::rc::Rc;

use yew::prelude::*;

use crate::text::paragraphs::Paragraph;
use crate::text::segments::{nest_spans, Piece, SpanExtent};

/// A span as the view needs it. `Eq`, so that a list of them behind one `Rc` compares by
/// pointer before comparing its views.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SpanView {
    pub id: Rc<str>,
    pub start: usize,
    pub end: usize,
    pub label: Rc<str>,
    /// "Actor: Dmitry Peskov": the span's tooltip.
    pub title: Rc<str>,
    pub label_name: Rc<str>,
    /// The span's links in words ("said by Dmitry Peskov"), drawn after the span.
    pub links: Option<Rc<str>>,
    /// Whether the relation picker offers this span, and whether its cursor is on it.
    pub link: LinkMark,
    /// Not a span but something drawn over the text: a suggestion or a find match.
    pub overlay: Option<Overlay>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Overlay {
    /// A suggestion; `current` when the suggestion cursor is on it.
    Suggestion { current: bool },
    /// A match of the find bar.
    FindMatch,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum LinkMark {
    #[default]
    None,
    Candidate,
    Cursor,
}

/// The document's text as props carry it: equal when it is the same allocation. `Rc<str>`'s
/// own equality compares the characters (the pointer shortcut is only for `Eq` sized types'
/// specialisation, which `str` misses), which cost a whole-text comparison per paragraph on
/// every edit: 1.35 s of 1.9 s at 100k words in the benchmark.
#[derive(Clone, Debug)]
pub struct SharedText(pub Rc<str>);

impl PartialEq for SharedText {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

#[derive(Properties, PartialEq)]
pub struct ParagraphProps {
    /// The whole document text (shared, compared by pointer) and this paragraph's place in it.
    pub text: SharedText,
    pub paragraph: Paragraph,
    /// The spans touching this paragraph, in reading order.
    pub spans: Rc<[SpanView]>,
    /// The selected span, when it touches this paragraph.
    pub selected: Option<Rc<str>>,
    /// Drawn as plain text, without its spans (far from the viewport in a long document).
    #[prop_or_default]
    pub plain: bool,
    /// A line of site furniture, dimmed by the stylesheet (a hint: the text is the same).
    #[prop_or_default]
    pub furniture: bool,
}

#[function_component]
pub fn ParagraphView(props: &ParagraphProps) -> Html {
    let paragraph = props.paragraph;
    let text = paragraph.text(&props.text.0);
    let furniture = props.furniture.then_some("true");
    if props.plain {
        // The same element as when drawn, so the viewport observer keeps watching it.
        return html! {
            <span class="paragraph" data-para-start={paragraph.start.to_string()} data-plain="true"
                data-furniture={furniture}>{ text }</span>
        };
    }
    let extents: Vec<SpanExtent> =
        props.spans.iter().enumerate().map(|(index, s)| SpanExtent { start: s.start, end: s.end, index }).collect();
    let pieces = nest_spans(paragraph.start, paragraph.end, &extents);
    let context =
        RenderContext { text, base: paragraph.start, spans: &props.spans, selected: props.selected.as_deref() };
    html! {
        // `data-para-start` is browser::selection::PARAGRAPH_START_ATTRIBUTE (html! wants a literal).
        <span class="paragraph" data-para-start={paragraph.start.to_string()} data-furniture={furniture}>
            { for pieces.iter().map(|piece| context.render(piece)) }
        </span>
    }
}

struct RenderContext<'a> {
    text: &'a str,
    base: usize,
    spans: &'a [SpanView],
    selected: Option<&'a str>,
}

impl RenderContext<'_> {
    fn render(&self, piece: &Piece) -> Html {
        match piece {
            Piece::Text { start, end } => html! { { self.slice(*start, *end) } },
            Piece::Span { index, depth, height, children, end, .. } => {
                let span = &self.spans[*index];
                match span.overlay {
                    Some(Overlay::Suggestion { current }) => {
                        return html! {
                            <span class="suggestion" data-suggestion-id={span.id.clone()} data-label={span.label.clone()}
                                data-current={current.then_some("true")} title={span.title.clone()}>
                                { for children.iter().map(|child| self.render(child)) }
                            </span>
                        };
                    }
                    Some(Overlay::FindMatch) => {
                        return html! {
                            <span class="find-match" data-find-match="true">
                                { for children.iter().map(|child| self.render(child)) }
                            </span>
                        };
                    }
                    None => {}
                }
                let selected = self.selected == Some(&*span.id);
                // Links are named once, after the span's last piece.
                let links = span.links.clone().filter(|_| *end == span.end);
                let link = match span.link {
                    LinkMark::None => None,
                    LinkMark::Candidate => Some("candidate"),
                    LinkMark::Cursor => Some("cursor"),
                };
                // A `mark` with a description is what Chromium's and Firefox's accessibility
                // trees expose of a span without adding text: "Actor", and its links.
                let description = match &span.links {
                    Some(links) => format!("{}, {links}", span.label_name),
                    None => span.label_name.to_string(),
                };
                html! {
                    <mark
                        class="span"
                        data-span-id={span.id.clone()}
                        data-label={span.label.clone()}
                        data-label-name={span.label_name.clone()}
                        data-depth={depth.to_string()}
                        data-height={height.to_string()}
                        aria-current={selected.then_some("true")}
                        aria-description={description}
                        data-links={links}
                        data-link={link}
                        title={span.title.clone()}
                    >
                        { for children.iter().map(|child| self.render(child)) }
                    </mark>
                }
            }
        }
    }

    fn slice(&self, start: usize, end: usize) -> String {
        self.text.chars().skip(start - self.base).take(end - start).collect()
    }
}
