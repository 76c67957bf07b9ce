//! Chance-corrected agreement over items that each annotator put into one category (here:
//! tokens, see `tokens`): Cohen's kappa for two annotators, Krippendorff's alpha with the
//! nominal distance for any number, missing values allowed. Both are kept as tallies that add
//! up, so a corpus's figure is its documents' tallies summed, not an average of their figures.
//!
//! Where nothing can disagree (no items, or every value the same category) both are 1: chance
//! agreement is then certain, and the formulas divide by zero.

use std::collections::BTreeMap;

/// Cohen's kappa: (observed − expected) / (1 − expected), where expected agreement comes from
/// each annotator's own category frequencies.
#[derive(Clone, Debug, PartialEq)]
pub struct KappaTally<C: Ord> {
    pub items: usize,
    pub agreed: usize,
    first: BTreeMap<C, usize>,
    second: BTreeMap<C, usize>,
}

impl<C: Ord> Default for KappaTally<C> {
    fn default() -> Self {
        Self { items: 0, agreed: 0, first: BTreeMap::new(), second: BTreeMap::new() }
    }
}

impl<C: Ord + Clone> KappaTally<C> {
    pub fn add(&mut self, first: C, second: C) {
        self.items += 1;
        self.agreed += usize::from(first == second);
        *self.first.entry(first).or_default() += 1;
        *self.second.entry(second).or_default() += 1;
    }

    pub fn absorb(&mut self, other: &KappaTally<C>) {
        self.items += other.items;
        self.agreed += other.agreed;
        for (mine, theirs) in [(&mut self.first, &other.first), (&mut self.second, &other.second)] {
            for (c, n) in theirs {
                *mine.entry(c.clone()).or_default() += n;
            }
        }
    }

    pub fn observed(&self) -> f64 {
        if self.items == 0 {
            1.0
        } else {
            self.agreed as f64 / self.items as f64
        }
    }

    pub fn expected(&self) -> f64 {
        if self.items == 0 {
            return 1.0;
        }
        let n = self.items as f64;
        self.first.iter().map(|(c, a)| *a as f64 * *self.second.get(c).unwrap_or(&0) as f64).sum::<f64>() / (n * n)
    }

    pub fn value(&self) -> f64 {
        let expected = self.expected();
        if expected >= 1.0 {
            1.0
        } else {
            (self.observed() - expected) / (1.0 - expected)
        }
    }
}

/// Krippendorff's alpha, nominal: 1 − observed / expected disagreement, from the coincidence
/// matrix of the values paired within each unit (a unit with fewer than two values is left out).
#[derive(Clone, Debug, PartialEq)]
pub struct AlphaTally<C: Ord> {
    /// Units with at least two values.
    pub units: usize,
    coincidences: BTreeMap<(C, C), f64>,
}

impl<C: Ord> Default for AlphaTally<C> {
    fn default() -> Self {
        Self { units: 0, coincidences: BTreeMap::new() }
    }
}

impl<C: Ord + Clone> AlphaTally<C> {
    /// One unit: each annotator's category, `None` where one gave none.
    pub fn add(&mut self, values: &[Option<C>]) {
        let present: Vec<&C> = values.iter().flatten().collect();
        let m = present.len();
        if m < 2 {
            return;
        }
        self.units += 1;
        // Most tokens are "O" in every copy: their m·(m−1) pairs, each weighing 1/(m−1), are one entry.
        if present.iter().all(|v| *v == present[0]) {
            *self.coincidences.entry((present[0].clone(), present[0].clone())).or_default() += m as f64;
            return;
        }
        let weight = 1.0 / (m - 1) as f64;
        for (i, a) in present.iter().enumerate() {
            for (j, b) in present.iter().enumerate() {
                if i != j {
                    *self.coincidences.entry(((*a).clone(), (*b).clone())).or_default() += weight;
                }
            }
        }
    }

    pub fn absorb(&mut self, other: &AlphaTally<C>) {
        self.units += other.units;
        for (pair, n) in &other.coincidences {
            *self.coincidences.entry(pair.clone()).or_default() += n;
        }
    }

    /// The number of pairable values (n of the coincidence matrix).
    pub fn values(&self) -> f64 {
        self.coincidences.values().sum()
    }

    pub fn observed(&self) -> f64 {
        let n = self.values();
        if n == 0.0 {
            return 0.0;
        }
        self.coincidences.iter().filter(|((a, b), _)| a != b).map(|(_, o)| o).sum::<f64>() / n
    }

    pub fn expected(&self) -> f64 {
        let n = self.values();
        if n <= 1.0 {
            return 0.0;
        }
        let mut marginals: BTreeMap<&C, f64> = BTreeMap::new();
        for ((a, _), o) in &self.coincidences {
            *marginals.entry(a).or_default() += o;
        }
        let same: f64 = marginals.values().map(|m| m * m).sum();
        (n * n - same) / (n * (n - 1.0))
    }

    pub fn value(&self) -> f64 {
        let expected = self.expected();
        if expected == 0.0 {
            1.0
        } else {
            1.0 - self.observed() / expected
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(actual: f64, expected: f64) {
        assert!((actual - expected).abs() < 0.0005, "{actual} is not {expected}");
    }

    /// DKPro Agreement's `Krippendorff1995Test`: Bertha's and Bill's codes of 24 units.
    #[test]
    fn dkpro_binary_example_gives_kappa_0_385_and_alpha_0_329() {
        let a = "001111111100001111110000";
        let b = "000011110000000110000000";
        let (mut kappa, mut alpha) = (KappaTally::default(), AlphaTally::default());
        for (x, y) in a.chars().zip(b.chars()) {
            kappa.add(x, y);
            alpha.add(&[Some(x), Some(y)]);
        }
        close(kappa.value(), 0.385);
        close(alpha.value(), 0.329);
        assert_eq!((kappa.items, kappa.agreed, alpha.units), (24, 16, 24));
    }

    /// DKPro Agreement's `Krippendorff2004Test` (Krippendorff's own example): four coders,
    /// five categories, missing values.
    #[test]
    fn krippendorffs_example_with_missing_values_gives_0_743() {
        let rows = ["BB.B", "LLPL", "PPPP", "PPPP", "LLLL", "BLPC", "CCCC", "BBLB", "LLLL", ".FFF", "..BB", "..P."];
        let mut alpha = AlphaTally::default();
        for row in rows {
            let values: Vec<Option<char>> = row.chars().map(|c| (c != '.').then_some(c)).collect();
            alpha.add(&values);
        }
        close(alpha.observed(), 0.200);
        close(alpha.expected(), 0.779);
        close(alpha.value(), 0.743);
        assert_eq!(alpha.units, 11, "the unit with one value is not pairable");
    }

    #[test]
    fn tallies_add_up_and_nothing_to_disagree_on_is_full_agreement() {
        let (mut whole, mut left, mut right) = (KappaTally::default(), KappaTally::default(), KappaTally::default());
        for (n, (x, y)) in "0110".chars().zip("0100".chars()).enumerate() {
            whole.add(x, y);
            let half = if n < 2 { &mut left } else { &mut right };
            half.add(x, y);
        }
        left.absorb(&right);
        assert_eq!(left, whole);
        assert_eq!(KappaTally::<char>::default().value(), 1.0);
        let mut same = AlphaTally::default();
        same.add(&[Some('O'), Some('O')]);
        assert_eq!(same.value(), 1.0);
        let mut kappa = KappaTally::default();
        kappa.add('O', 'O');
        assert_eq!(kappa.value(), 1.0);
    }
}
