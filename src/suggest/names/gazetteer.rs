//! The gazetteers in `data/gazetteers/`, compiled once into one lookup: the [`Kind`] of each
//! entry, the longest entry at a token ([`Gazetteer::match_at`]), and the two questions other
//! rules ask of it ([`is_known_name`], [`is_demonym`]).
//!
//! This is only the lookup: what a match becomes in context (actor, location, part of a group)
//! is decided by the Finder (see `scan.rs` and `bodies.rs`).

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use crate::suggest::words::{FastHash, Gap, Words};

const COUNTRIES: &str = include_str!("../../../data/gazetteers/countries.txt");
const CITIES: &str = include_str!("../../../data/gazetteers/cities.txt");
const REGIONS: &str = include_str!("../../../data/gazetteers/regions.txt");
const ORGANISATIONS: &str = include_str!("../../../data/gazetteers/organisations.txt");
const DEMONYMS: &str = include_str!("../../../data/gazetteers/demonyms.txt");

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Kind {
    Country,
    City,
    Region,
    Org,
    Seat,
    Demonym,
}

struct Entry {
    /// Token texts (apostrophes normalised to '), and whether each touches the one before.
    toks: Vec<(String, bool)>,
    kind: Kind,
}

pub(super) struct Gazetteer {
    entries: Vec<Entry>,
    /// First token → entries starting with it, longest first.
    pub(super) by_first: HashMap<String, Vec<usize>, FastHash>,
    demonyms: HashSet<&'static str, FastHash>,
}

fn normalise(word: &str) -> std::borrow::Cow<'_, str> {
    if word.contains('’') {
        word.replace('’', "'").into()
    } else {
        word.into()
    }
}

pub(super) fn gazetteer() -> &'static Gazetteer {
    static GAZETTEER: OnceLock<Gazetteer> = OnceLock::new();
    GAZETTEER.get_or_init(|| {
        let mut entries = Vec::new();
        let mut demonyms = HashSet::default();
        let files = [
            (COUNTRIES, Kind::Country),
            (CITIES, Kind::City),
            (REGIONS, Kind::Region),
            (ORGANISATIONS, Kind::Org),
            (DEMONYMS, Kind::Demonym),
        ];
        for (file, kind) in files {
            for line in file.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')) {
                let (line, kind) = match line.strip_prefix("seat:") {
                    Some(rest) => (rest, Kind::Seat),
                    None => (line, kind),
                };
                if kind == Kind::Demonym && !line.contains(' ') {
                    demonyms.insert(line);
                }
                let words = Words::new(line);
                let toks = words
                    .toks
                    .iter()
                    .enumerate()
                    .map(|(k, t)| (normalise(t.text).into_owned(), k > 0 && t.gap == Gap::None))
                    .collect();
                entries.push(Entry { toks, kind });
            }
        }
        let mut by_first: HashMap<String, Vec<usize>, FastHash> = HashMap::default();
        for (index, entry) in entries.iter().enumerate() {
            let first = entry.toks[0].0.clone();
            if first == "The" {
                by_first.entry("the".into()).or_default().push(index);
            }
            by_first.entry(first).or_default().push(index);
        }
        for list in by_first.values_mut() {
            list.sort_by_key(|&i| std::cmp::Reverse(entries[i].toks.len()));
        }
        Gazetteer { entries, by_first, demonyms }
    })
}

/// A gazetteer entry found in the text.
#[derive(Clone, Copy, Debug)]
pub(super) struct Match {
    pub(super) last: usize,
    pub(super) kind: Kind,
    pub(super) possessive: bool,
}

impl Gazetteer {
    /// The longest entry starting at token `i`.
    pub(super) fn match_at(&self, w: &Words, i: usize) -> Option<Match> {
        let tok = w.get(i)?;
        let key = normalise(tok.text);
        let direct = self.by_first.get(key.as_ref());
        let possessive = if tok.is_possessive() { self.by_first.get(normalise(tok.base()).as_ref()) } else { None };
        if direct.is_none() && possessive.is_none() {
            return None;
        }
        let mut candidates: Vec<usize> = direct.into_iter().chain(possessive).flatten().copied().collect();
        if possessive.is_some() {
            candidates.sort_by_key(|&c| std::cmp::Reverse(self.entries[c].toks.len()));
        }
        'entries: for index in candidates {
            let entry = &self.entries[index];
            let n = entry.toks.len();
            let mut possessive = false;
            for (k, (word, tight)) in entry.toks.iter().enumerate() {
                let Some(t) = w.get(i + k) else { continue 'entries };
                if k > 0 && ((t.gap == Gap::None) != *tight || t.gap == Gap::Line) {
                    continue 'entries;
                }
                let text = normalise(t.text);
                let same = text == *word || k == 0 && word == "The" && t.text == "the";
                if same {
                    continue;
                }
                if k == n - 1 && t.is_possessive() && normalise(t.base()) == *word {
                    possessive = true;
                    continue;
                }
                continue 'entries;
            }
            // "Chad" must not match the start of "Chadian"-like longer tokens: tokens are whole.
            return Some(Match { last: i + n - 1, kind: entry.kind, possessive });
        }
        None
    }
}

/// Whether `text` is a whole gazetteer entry ("Poland", "The Hague"): a name the rules know and
/// decide per mention, actor, location or neither.
pub(crate) fn is_known_name(text: &str) -> bool {
    let w = Words::new(text);
    gazetteer().match_at(&w, 0).is_some_and(|m| !m.possessive && m.last + 1 == w.toks.len())
}

/// Whether `word` is a nationality adjective ("Ukrainian"), used by the figure rule too.
pub(crate) fn is_demonym(word: &str) -> bool {
    gazetteer().demonyms.contains(word)
}
