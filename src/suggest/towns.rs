//! Towns, districts and provinces of every country: the list `data/gazetteers/towns.txt`,
//! generated from GeoNames and ISO 3166-2 by `scripts/gazetteer/towns.py`.
//!
//! Regional news is about places no hand-written list holds ("Paute", "Solukhumbu", "Ruse").
//! The name rules ([`super::names`]) place most of them from the words around them ("in",
//! "the road to", "district"); this list places the rest: a town at a sentence start, after
//! "from" or as a sentence's subject. It only says that a name can be a place; whether a
//! mention is one is the name rules' decision, and names that are more often words or people
//! ("Reading", "Florence", "Jackson") are not in it.
//!
//! Not for: capitals and major cities, which act for their governments ("Ankara insists") and
//! are in `cities.txt` with the other gazetteers.

use std::collections::HashMap;
use std::sync::OnceLock;

use super::words::FastHash;

const TOWNS: &str = include_str!("../../data/gazetteers/towns.txt");

/// The names, each with whether it is also an English word ("Split"), marked `~` in the list.
fn towns() -> &'static HashMap<&'static str, bool, FastHash> {
    static TOWNS_MAP: OnceLock<HashMap<&'static str, bool, FastHash>> = OnceLock::new();
    TOWNS_MAP.get_or_init(|| {
        TOWNS
            .lines()
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(|l| l.strip_prefix('~').map_or((l, false), |word| (word, true)))
            .collect()
    })
}

/// Whether `name`, as written in the text, is a town's or a subdivision's whole name; at a
/// sentence's start only when it is no English word as well ("Split the bill").
pub(super) fn is_town(name: &str, sentence_start: bool) -> bool {
    // Asked of every capitalised run: a copy only for the rare name with a curly apostrophe.
    let entry = if name.contains('’') { towns().get(name.replace('’', "'").as_str()) } else { towns().get(name) };
    entry.is_some_and(|&word| !(word && sentence_start))
}

#[cfg(test)]
mod tests {
    use super::is_town;

    #[test]
    fn towns_and_districts_are_listed_words_and_people_are_not() {
        for name in ["Kakamega", "Bielsko-Biala", "Thame", "San Cristóbal de las Casas", "Split"] {
            assert!(is_town(name, false), "{name}");
        }
        assert!(is_town("Kakamega", true));
        assert!(!is_town("Split", true), "a word at a sentence start");
        for name in ["Florence", "Jackson", "The", "Geneva", "kakamega"] {
            assert!(!is_town(name, false), "{name}");
        }
    }
}
