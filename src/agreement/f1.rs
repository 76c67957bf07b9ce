//! Pairwise F1 between two copies' spans: F1 = 2·matched / (|first| + |second|), so with
//! several annotators the counts of every pair (and every document) are summed before dividing
//! (micro-averaging). Three modes say what "matched" means:
//! - exact: same start, end and label;
//! - overlap: same label and at least one character in common, one-to-one (a maximum matching,
//!   so one long span cannot match two short ones);
//! - unlabeled: same start and end, whatever the labels.
//!
//! Restricted to a label, only the spans of that label on either side count. No span on either
//! side is full agreement (F1 = 1): both say there is nothing.

use std::collections::{BTreeMap, BTreeSet};
use std::ops::AddAssign;

use crate::model::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Mode {
    Exact,
    Overlap,
    Unlabeled,
}

impl Mode {
    pub const ALL: [Mode; 3] = [Mode::Exact, Mode::Overlap, Mode::Unlabeled];

    /// The measure's name in the report's `data-measure` and in its files.
    pub fn measure(self) -> &'static str {
        match self {
            Mode::Exact => "f1-exact",
            Mode::Overlap => "f1-overlap",
            Mode::Unlabeled => "f1-unlabeled",
        }
    }
}

/// What lies behind an F1 figure, summed over pairs of copies (first = the earlier annotator).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Deserialize)]
pub struct Counts {
    /// Matched pairs of spans.
    pub matched: usize,
    /// Spans of the first copy of a pair that the second does not match.
    pub only_first: usize,
    pub only_second: usize,
    /// Boundaries both copies marked with no label in common.
    pub label_conflicts: usize,
}

impl Counts {
    pub fn f1(&self) -> f64 {
        let total = 2 * self.matched + self.only_first + self.only_second;
        if total == 0 {
            1.0
        } else {
            (2 * self.matched) as f64 / total as f64
        }
    }
}

impl AddAssign for Counts {
    fn add_assign(&mut self, other: Counts) {
        self.matched += other.matched;
        self.only_first += other.only_first;
        self.only_second += other.only_second;
        self.label_conflicts += other.label_conflicts;
    }
}

/// The counts of one pair of copies in `mode`, over the spans of `label` (or all spans).
pub fn pair(first: &[Span], second: &[Span], mode: Mode, label: Option<&str>) -> Counts {
    let keep = |s: &&Span| label.is_none_or(|l| *s.label == *l);
    let a: Vec<&Span> = first.iter().filter(keep).collect();
    let b: Vec<&Span> = second.iter().filter(keep).collect();
    let matched = match mode {
        Mode::Exact => {
            let keys: BTreeSet<(usize, usize, &str)> = a.iter().map(|s| (s.start, s.end, &*s.label)).collect();
            b.iter().filter(|s| keys.contains(&(s.start, s.end, &*s.label))).count()
        }
        Mode::Unlabeled => {
            let mut counts: BTreeMap<(usize, usize), usize> = BTreeMap::new();
            for s in &a {
                *counts.entry((s.start, s.end)).or_default() += 1;
            }
            b.iter()
                .filter(|s| match counts.get_mut(&(s.start, s.end)) {
                    Some(left) if *left > 0 => {
                        *left -= 1;
                        true
                    }
                    _ => false,
                })
                .count()
        }
        Mode::Overlap => overlap_matching(&a, &b),
    };
    Counts {
        matched,
        only_first: a.len() - matched,
        only_second: b.len() - matched,
        label_conflicts: label_conflicts(first, second, label),
    }
}

/// The size of a maximum one-to-one matching of same-label spans sharing a character
/// (augmenting paths; the spans of one document and label are few).
fn overlap_matching(a: &[&Span], b: &[&Span]) -> usize {
    let edges: Vec<Vec<usize>> = a
        .iter()
        .map(|x| (0..b.len()).filter(|&j| x.label == b[j].label && x.start < b[j].end && b[j].start < x.end).collect())
        .collect();
    fn augment(i: usize, edges: &[Vec<usize>], seen: &mut [bool], owner: &mut [Option<usize>]) -> bool {
        for &j in &edges[i] {
            if !seen[j] {
                seen[j] = true;
                if owner[j].is_none_or(|other| augment(other, edges, seen, owner)) {
                    owner[j] = Some(i);
                    return true;
                }
            }
        }
        false
    }
    let mut owner = vec![None; b.len()];
    (0..a.len()).filter(|&i| augment(i, &edges, &mut vec![false; b.len()], &mut owner)).count()
}

/// Boundaries both copies marked with disjoint sets of labels, where one side's set holds
/// `label` (if given).
fn label_conflicts(first: &[Span], second: &[Span], label: Option<&str>) -> usize {
    fn by_boundary(spans: &[Span]) -> BTreeMap<(usize, usize), BTreeSet<&str>> {
        let mut map: BTreeMap<(usize, usize), BTreeSet<&str>> = BTreeMap::new();
        for s in spans {
            map.entry((s.start, s.end)).or_default().insert(&s.label);
        }
        map
    }
    let (a, b) = (by_boundary(first), by_boundary(second));
    a.iter()
        .filter_map(|(at, labels)| Some((labels, b.get(at)?)))
        .filter(|(x, y)| x.is_disjoint(y))
        .filter(|(x, y)| label.is_none_or(|l| x.contains(l) || y.contains(l)))
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(crate) fn spans(list: &[(usize, usize, &str)]) -> Vec<Span> {
        list.iter().enumerate().map(|(n, &(s, e, l))| Span::new(format!("s{n}"), s, e, l)).collect()
    }

    #[test]
    fn the_published_example_gives_two_sevenths_and_four_sevenths() {
        let a = spans(&[(0, 5, "actor"), (10, 16, "location"), (20, 30, "quote")]);
        let b = spans(&[(0, 5, "actor"), (10, 16, "actor"), (20, 28, "quote"), (40, 45, "figure")]);
        let exact = pair(&a, &b, Mode::Exact, None);
        assert_eq!(exact, Counts { matched: 1, only_first: 2, only_second: 3, label_conflicts: 1 });
        assert_eq!(exact.f1(), 2.0 / 7.0);
        assert_eq!(pair(&a, &b, Mode::Overlap, None).f1(), 4.0 / 7.0);
        assert_eq!(pair(&a, &b, Mode::Unlabeled, None).f1(), 4.0 / 7.0);
        // Per label: F1 = 2·TP / (|A_L| + |B_L|).
        assert_eq!(pair(&a, &b, Mode::Exact, Some("actor")).f1(), 2.0 / 3.0);
        assert_eq!(pair(&a, &b, Mode::Exact, Some("location")).f1(), 0.0);
        assert_eq!(pair(&a, &b, Mode::Exact, Some("location")).label_conflicts, 1);
        assert_eq!(pair(&a, &b, Mode::Overlap, Some("quote")).f1(), 1.0);
        assert_eq!(pair(&a, &b, Mode::Exact, Some("figure")).f1(), 0.0);
    }

    #[test]
    fn overlap_matching_is_one_to_one_and_maximal() {
        // A greedy pass would give the long span to the first short one and leave one unmatched.
        let a = spans(&[(0, 10, "quote"), (12, 14, "quote")]);
        let b = spans(&[(8, 13, "quote"), (2, 4, "quote")]);
        assert_eq!(pair(&a, &b, Mode::Overlap, None).matched, 2);
        let one_long = spans(&[(0, 20, "quote")]);
        let two_short = spans(&[(0, 5, "quote"), (6, 10, "quote")]);
        assert_eq!(pair(&one_long, &two_short, Mode::Overlap, None).matched, 1);
        let touching = spans(&[(5, 10, "quote")]);
        assert_eq!(pair(&spans(&[(0, 5, "quote")]), &touching, Mode::Overlap, None).matched, 0, "end-exclusive");
    }

    #[test]
    fn nothing_on_either_side_is_full_agreement_and_micro_averaging_sums_counts() {
        assert_eq!(pair(&[], &[], Mode::Exact, None).f1(), 1.0);
        let mut total = pair(&spans(&[(0, 5, "actor")]), &spans(&[(0, 5, "actor")]), Mode::Exact, None);
        total += pair(&spans(&[(0, 5, "actor")]), &spans(&[(6, 9, "actor"), (0, 2, "actor")]), Mode::Exact, None);
        assert_eq!(total, Counts { matched: 1, only_first: 1, only_second: 2, label_conflicts: 0 });
        assert_eq!(total.f1(), 2.0 / 5.0);
    }
}
