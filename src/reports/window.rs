//! Which lines of a long sheet are drawn: those whose boxes reach into a band around the
//! viewport, found from each line's height (measured once it was drawn, else the mean of the
//! first lines measured), with the lines not drawn standing in as gaps of their height, so the sheet scrolls
//! as tall as it would be with every line drawn.
//!
//! Not for: reading the page (the component measures rows and the scroll position) or choosing
//! what a line shows. Pure arithmetic on heights in CSS pixels.

use std::collections::HashMap;
use std::hash::Hash;
use std::ops::Range;

/// A line's height before any line was measured: one line of text with the table's padding.
pub const FIRST_ESTIMATE: f64 = 36.0;

/// How many lines' heights make the estimate of the others. It is then kept: were it to follow
/// every line measured, the gaps for thousands of lines would change with each, and the end of
/// the page would move away from a person scrolled to it.
pub const ESTIMATE_FROM: usize = 40;

/// The lines' heights by key, as measured: a line keeps its height when the lines around it
/// change (a filter, a new order), so the gaps stay close to what they stand for.
#[derive(Debug)]
pub struct Heights<K> {
    known: HashMap<K, f64>,
    sum: f64,
    kept: Option<f64>,
}

impl<K> Default for Heights<K> {
    fn default() -> Self {
        Self { known: HashMap::new(), sum: 0.0, kept: None }
    }
}

impl<K: Hash + Eq> Heights<K> {
    /// The height of a line never drawn: the mean of the first [`ESTIMATE_FROM`] measured.
    pub fn estimate(&self) -> f64 {
        match self.kept {
            Some(kept) => kept,
            None if self.known.is_empty() => FIRST_ESTIMATE,
            None => self.sum / self.known.len() as f64,
        }
    }

    /// Records a drawn line's height; true when it differs from what was assumed by half a
    /// pixel or more (the gaps then need drawing again).
    pub fn measured(&mut self, key: K, height: f64) -> bool {
        let assumed = self.known.get(&key).copied();
        if assumed.is_some_and(|h| (h - height).abs() < 0.5) {
            return false;
        }
        let estimate = self.estimate();
        self.sum += height - assumed.unwrap_or(0.0);
        self.known.insert(key, height);
        if self.kept.is_none() && self.known.len() >= ESTIMATE_FROM {
            self.kept = Some(self.estimate());
        }
        (assumed.unwrap_or(estimate) - height).abs() >= 0.5
    }

    /// Where each line starts, from the top of the first, and (last) where the last one ends.
    pub fn offsets<'k>(&self, keys: impl IntoIterator<Item = &'k K>) -> Vec<f64>
    where
        K: 'k,
    {
        let estimate = self.estimate();
        let mut offsets = vec![0.0];
        let mut at = 0.0;
        for key in keys {
            at += self.known.get(key).copied().unwrap_or(estimate);
            offsets.push(at);
        }
        offsets
    }
}

/// The lines whose boxes reach into `from..to` (pixels from the top of the first line), given
/// `offsets` as [`Heights::offsets`] returns them.
pub fn near(offsets: &[f64], from: f64, to: f64) -> Range<usize> {
    let lines = offsets.len().saturating_sub(1);
    let first = offsets[1..].partition_point(|&bottom| bottom <= from).min(lines);
    let end = offsets[..lines].partition_point(|&top| top < to).max(first);
    first..end
}

/// The band `from..to` moved down, when it stops short, to end where the last line ends: for a
/// page scrolled to its very end, whose end moves as the lines drawn there are measured.
pub fn to_end(offsets: &[f64], from: f64, to: f64) -> (f64, f64) {
    let end = offsets.last().copied().unwrap_or(0.0);
    if to < end {
        (from + end - to, end)
    } else {
        (from, to)
    }
}

/// A stretch of the sheet: lines drawn, or a gap as tall as the lines it stands for.
#[derive(Clone, Debug, PartialEq)]
pub enum Piece {
    Lines(Range<usize>),
    Gap(f64),
}

/// The sheet as drawn: the `drawn` ranges of lines (in any order, overlapping or empty), with
/// gaps for the lines between, before and after them.
pub fn pieces(offsets: &[f64], drawn: impl IntoIterator<Item = Range<usize>>) -> Vec<Piece> {
    let lines = offsets.len().saturating_sub(1);
    let mut ranges: Vec<Range<usize>> =
        drawn.into_iter().map(|r| r.start.min(lines)..r.end.min(lines)).filter(|r| !r.is_empty()).collect();
    crate::sort::sort_by_key(&mut ranges, |r| r.start);
    let mut out = Vec::new();
    let mut at = 0;
    for range in ranges {
        if range.end <= at {
            continue;
        }
        let start = range.start.max(at);
        if start > at {
            out.push(Piece::Gap(offsets[start] - offsets[at]));
        }
        match out.last_mut() {
            Some(Piece::Lines(last)) if last.end == start => last.end = range.end,
            _ => out.push(Piece::Lines(start..range.end)),
        }
        at = range.end;
    }
    if at < lines {
        out.push(Piece::Gap(offsets[lines] - offsets[at]));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unmeasured_lines_take_the_mean_of_the_measured() {
        let mut heights = Heights::default();
        assert_eq!(heights.offsets(&["a", "b"]), [0.0, FIRST_ESTIMATE, 2.0 * FIRST_ESTIMATE]);
        assert!(heights.measured("a", 20.0));
        assert!(heights.measured("b", 60.0));
        assert!(!heights.measured("b", 60.2), "under half a pixel is no change");
        assert_eq!(heights.estimate(), 40.0);
        assert_eq!(heights.offsets(&["b", "x", "a"]), [0.0, 60.0, 100.0, 120.0]);
        assert!(heights.measured("a", 30.0), "a line drawn again at another width");
        assert_eq!(heights.estimate(), 45.0);
    }

    #[test]
    fn the_estimate_is_kept_once_enough_lines_are_measured() {
        let mut heights = Heights::default();
        for n in 0..ESTIMATE_FROM {
            heights.measured(n, if n % 2 == 0 { 20.0 } else { 40.0 });
        }
        assert_eq!(heights.estimate(), 30.0);
        for n in ESTIMATE_FROM..ESTIMATE_FROM * 3 {
            heights.measured(n, 90.0);
        }
        assert_eq!(heights.estimate(), 30.0);
        let offsets = heights.offsets(&[0, ESTIMATE_FROM, 10_000]);
        assert_eq!(offsets, [0.0, 20.0, 110.0, 140.0], "measured lines keep their own heights");
    }

    #[test]
    fn a_first_measure_that_matches_the_estimate_asks_for_no_new_drawing() {
        let mut heights = Heights::default();
        assert!(!heights.measured(1, FIRST_ESTIMATE));
        assert_eq!(heights.offsets(&[1, 2]), [0.0, FIRST_ESTIMATE, 2.0 * FIRST_ESTIMATE]);
    }

    #[test]
    fn near_lines_are_those_reaching_into_the_band() {
        let offsets = [0.0, 10.0, 30.0, 60.0, 100.0];
        assert_eq!(near(&offsets, 0.0, 10.0), 0..1);
        assert_eq!(near(&offsets, 10.0, 31.0), 1..3, "a line ending at the band's top is out");
        assert_eq!(near(&offsets, 25.0, 65.0), 1..4);
        assert_eq!(near(&offsets, -500.0, -100.0), 0..0, "above the sheet");
        assert_eq!(near(&offsets, 150.0, 900.0), 4..4, "below the sheet");
        assert_eq!(near(&offsets, -50.0, 900.0), 0..4);
        assert_eq!(near(&[0.0], 0.0, 100.0), 0..0, "no lines");
    }

    #[test]
    fn a_band_at_the_end_takes_in_the_last_line() {
        let offsets = [0.0, 10.0, 30.0, 60.0, 100.0];
        assert_eq!(to_end(&offsets, 20.0, 50.0), (70.0, 100.0));
        assert_eq!(near(&offsets, 70.0, 100.0), 3..4);
        assert_eq!(to_end(&offsets, 80.0, 300.0), (80.0, 300.0), "already past the end");
    }

    #[test]
    fn gaps_stand_for_the_lines_between_those_drawn() {
        let offsets = [0.0, 10.0, 30.0, 60.0, 100.0, 150.0];
        assert_eq!(pieces(&offsets, Some(2..4)), [Piece::Gap(30.0), Piece::Lines(2..4), Piece::Gap(50.0)]);
        assert_eq!(
            pieces(&offsets, [3..4, 0..1]),
            [Piece::Lines(0..1), Piece::Gap(50.0), Piece::Lines(3..4), Piece::Gap(50.0)],
            "a line kept drawn far from the rest (the focused one)"
        );
        assert_eq!(pieces(&offsets, [1..3, 2..5, 4..4]), [Piece::Gap(10.0), Piece::Lines(1..5)], "overlaps merge");
        assert_eq!(pieces(&offsets, [0..2, 2..5]), [Piece::Lines(0..5)], "neighbours merge");
        assert_eq!(pieces(&offsets, None), [Piece::Gap(150.0)]);
        assert_eq!(pieces(&offsets, Some(0..9)), [Piece::Lines(0..5)], "clamped to the lines");
        assert_eq!(pieces(&[0.0], Some(0..1)), []);
    }
}
