//! Stable sorting through one copy of the standard library's sort for the whole program.
//!
//! Each `sort_by`/`sort_by_key` call site compiles its own copy of the standard sort (about
//! 4 KB of WebAssembly each, for a page fetched on every first visit); these functions sort a
//! list of positions with a comparison behind a reference instead, so every call shares one
//! copy. The order is the one `slice::sort_by` gives: stable, equal items keep their order.
//! Not for hot loops over huge lists where a call per comparison would show; nothing here is.

use std::cmp::Ordering;

/// Sorts `items` stably by `compare`, as `items.sort_by(compare)` would.
pub fn sort_by<T>(items: &mut [T], compare: impl Fn(&T, &T) -> Ordering) {
    let mut order = sorted_positions(items.len(), &|a, b| compare(&items[a], &items[b]));
    // `order[at]` is where the item that belongs at `at` is now: follow each cycle of moves,
    // marking each place done once it holds its item.
    for start in 0..order.len() {
        let mut at = start;
        while order[at] != DONE {
            let from = order[at];
            order[at] = DONE;
            if from == start {
                break;
            }
            items.swap(at, from);
            at = from;
        }
    }
}

const DONE: usize = usize::MAX;

/// Sorts `items` stably by `key`, as `items.sort_by_key(key)` would.
pub fn sort_by_key<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// The positions `0..len` in the order `compare` puts the items there, stably: the one place
/// the standard sort is compiled.
fn sorted_positions(len: usize, compare: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    order.sort_by(|&a, &b| compare(a, b));
    order
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn sorts_as_the_standard_stable_sort(items in prop::collection::vec((0u8..6, any::<u16>()), 0..200)) {
            let mut expected = items.clone();
            expected.sort_by_key(|&(key, _)| key);
            let mut sorted = items.clone();
            sort_by_key(&mut sorted, |&(key, _)| key);
            prop_assert_eq!(&sorted, &expected);
            let mut reversed = items;
            sort_by(&mut reversed, |a, b| b.0.cmp(&a.0));
            expected.sort_by_key(|&(key, _)| std::cmp::Reverse(key));
            prop_assert_eq!(reversed, expected);
        }
    }
}
