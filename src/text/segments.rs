//! Overlapping spans → properly nested render pieces.
//!
//! HTML elements nest; annotations may cross. Within one range of the text (a paragraph) the
//! spans are cut at every boundary, and each elementary piece is wrapped, outermost first, in
//! every span that covers it. A span that crosses another is thus drawn as several elements
//! with the same id, and each stays visible. The pieces cover the range exactly, so the
//! rendered text is the document's text with no character added or lost.

/// A span as the segmenter sees it: where it is, and an opaque index back into the caller's list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SpanExtent {
    pub start: usize,
    pub end: usize,
    pub index: usize,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Piece {
    Text {
        start: usize,
        end: usize,
    },
    Span {
        /// The `index` of the [`SpanExtent`] this element draws (or draws a part of).
        index: usize,
        start: usize,
        end: usize,
        /// How many span elements enclose this one (0 = outermost).
        depth: usize,
        /// How many span levels this element holds, itself included (1 = no nested span).
        height: usize,
        children: Vec<Piece>,
    },
}

/// Pieces covering `[from, to)` exactly. `spans` must be in reading order (start ascending,
/// longer first at equal starts), which decides which of two crossing spans is drawn outside.
pub fn nest_spans(from: usize, to: usize, spans: &[SpanExtent]) -> Vec<Piece> {
    let clipped: Vec<SpanExtent> = spans
        .iter()
        .map(|s| SpanExtent { start: s.start.max(from), end: s.end.min(to), index: s.index })
        .filter(|s| s.start < s.end)
        .collect();
    let mut bounds: Vec<usize> = vec![from, to];
    for s in &clipped {
        bounds.extend([s.start, s.end]);
    }
    bounds.sort_unstable();
    bounds.dedup();
    let cells: Vec<Cell> = bounds
        .windows(2)
        .filter(|w| w[0] < w[1])
        .map(|w| Cell {
            start: w[0],
            end: w[1],
            stack: clipped.iter().filter(|s| s.start <= w[0] && w[1] <= s.end).map(|s| s.index).collect(),
        })
        .collect();
    build(&cells, 0)
}

/// One stretch of text between two consecutive boundaries, with the spans covering it.
struct Cell {
    start: usize,
    end: usize,
    stack: Vec<usize>,
}

fn build(cells: &[Cell], depth: usize) -> Vec<Piece> {
    let mut pieces = Vec::new();
    let mut rest = cells;
    while let Some(first) = rest.first() {
        let key = first.stack.get(depth).copied();
        let run = rest.iter().take_while(|c| c.stack.get(depth).copied() == key).count();
        let (group, tail) = rest.split_at(run);
        let (start, end) = (group[0].start, group[run - 1].end);
        pieces.push(match key {
            None => Piece::Text { start, end },
            Some(index) => {
                let children = build(group, depth + 1);
                let height = 1 + children.iter().map(Piece::height).max().unwrap_or(0);
                Piece::Span { index, start, end, depth, height, children }
            }
        });
        rest = tail;
    }
    pieces
}

impl Piece {
    fn height(&self) -> usize {
        match self {
            Piece::Text { .. } => 0,
            Piece::Span { height, .. } => *height,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn extent(start: usize, end: usize, index: usize) -> SpanExtent {
        SpanExtent { start, end, index }
    }

    #[test]
    fn nested_span_sits_inside_its_parent() {
        let pieces = nest_spans(0, 10, &[extent(2, 8, 0), extent(3, 5, 1)]);
        assert_eq!(pieces.len(), 3);
        let Piece::Span { index: 0, height: 2, children, .. } = &pieces[1] else {
            panic!("outer span expected, got {pieces:?}")
        };
        assert_eq!(
            children[1],
            Piece::Span {
                index: 1,
                start: 3,
                end: 5,
                depth: 1,
                height: 1,
                children: vec![Piece::Text { start: 3, end: 5 }]
            }
        );
    }

    #[test]
    fn crossing_spans_split_the_later_one() {
        let pieces = nest_spans(0, 6, &[extent(0, 4, 0), extent(2, 6, 1)]);
        let indices: Vec<(usize, usize, usize)> = pieces
            .iter()
            .map(|p| match p {
                Piece::Span { index, start, end, .. } => (*index, *start, *end),
                Piece::Text { .. } => panic!("no bare text expected"),
            })
            .collect();
        assert_eq!(indices, [(0, 0, 4), (1, 4, 6)]);
    }
}
