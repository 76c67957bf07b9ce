//! The passes after the scan, over all mentions of the document: listed towns placed where no
//! rule placed them, a person's last name at its other mentions, names taken for places that
//! are part of an actor's name, and places and roads at their other mentions.
//!
//! Not the per-mention labelling of places (`label.rs`), which runs before them.

use std::collections::{HashMap, HashSet};

use crate::suggest::words::{is_function_word, lower, FastHash, Gap, Tok};
use crate::suggest::{places, towns};

use super::lists::{
    is_name_word, is_place_particle, is_title, place_words, ADVERBS, DIRECTIONS, INSTITUTIONS, OPPONENT,
    PLACE_PREPOSITIONS,
};
use super::{Finder, Label, Mention};

impl Finder<'_, '_> {
    /// A word taken for a place by its preposition alone ("Shares in Stellaris") is not one
    /// when it is part of an actor's name in the same document ("Stellaris Motors").
    pub(super) fn drop_names_taken_for_places(&mut self) {
        let w = self.w;
        let name_parts: HashSet<&str> = self
            .mentions
            .iter()
            // A one-word name that only acts ("Pavlov will reopen") says less than the frame,
            // and a body named for its place ("the Pavlov town council") is no company's name.
            .filter(|m| {
                m.label == Label::Actor
                    && !matches!(m.rule, "place-cue" | "group")
                    && !(m.first == m.last && m.rule == "name")
            })
            // "University of Cuenca": the place a body is "of" is no part of its own name; nor
            // is the place a public body is named for ("the Gondar Traders' Association").
            .flat_map(|m| {
                let of_place = m.last >= m.first + 2 && w.toks[m.last - 1].is("of");
                let public = self.public_body(m);
                [(!public).then_some(w.toks[m.first].text), (!of_place).then_some(w.toks[m.last].text)]
            })
            .flatten()
            .collect();
        // A word placed with its noun too ("Kakamega County"), or a listed town, is a place
        // whose bodies are named for it ("the Kakamega High Court", "Makurdi Bureau"), not a
        // company.
        let placed: HashSet<&str> = self
            .mentions
            .iter()
            .filter(|m| m.label == Label::Location && m.rule == "name" && m.first < m.last)
            .map(|m| w.toks[m.first].text)
            .collect();
        self.mentions.retain(|m| {
            let word = w.toks[m.first].text;
            m.rule != "place-cue" || !name_parts.contains(word) || placed.contains(word) || towns::is_town(word, false)
        });
    }

    /// Whether actor `m` is a public body, whose first word may be the place it serves ("the
    /// Gondar Traders' Association", "Kisumu County Assembly"), not a company's own name.
    fn public_body(&self, m: &Mention) -> bool {
        m.first < m.last && (m.first + 1..=m.last).any(|k| INSTITUTIONS.contains(&self.w.toks[k].base()))
    }

    /// A place no gazetteer holds, once a frame has placed it ("in Pavlov", "Horní Lhota and
    /// Pavlov"), is a location at its other mentions too, a heading's included ("Pavlov will
    /// reopen its school", "Floods Reach Pavlov"), unless it speaks there. Not when the name is
    /// a person's or part of an actor's.
    pub(super) fn propagate_places(&mut self) {
        let w = self.w;
        let mut places: Vec<Vec<&str>> = Vec::new();
        let mut seen: HashSet<Vec<&str>, FastHash> = HashSet::default();
        for m in &self.mentions {
            if m.label != Label::Location || !matches!(m.rule, "place-cue" | "list" | "name" | "town") {
                continue;
            }
            // The name without its noun: "Dyje" of "Dyje river".
            let mut last = m.first;
            while last < m.last
                && w.toks[last + 1].gap == Gap::Space
                && (is_name_word(&w.toks[last + 1]) || is_place_particle(w.toks[last + 1].text))
            {
                last += 1;
            }
            // A one-word name with its capitalised place word: "Teesta" of "the Teesta Barrage".
            let own_word = |k: usize| w.toks[k].text.chars().nth(3).is_some() && !DIRECTIONS.contains(&w.toks[k].text);
            if last == m.first + 1 && place_words().contains(w.toks[last].text) && own_word(m.first) {
                last = m.first;
            }
            let core: Vec<&str> = (m.first..=last).map(|k| w.toks[k].text).collect();
            let short = core.len() == 1 && core[0].chars().nth(2).is_none();
            if !is_name_word(&w.toks[last]) || short || !seen.insert(core.clone()) {
                continue;
            }
            places.push(core);
        }
        let in_actors: HashSet<&str> = self
            .mentions
            .iter()
            .filter(|m| m.label == Label::Actor && m.rule != "group" && !(m.first == m.last && m.rule == "name"))
            .flat_map(|m| (m.first + usize::from(self.public_body(m))..=m.last).map(|k| w.toks[k].base()))
            .collect();
        places.retain(|core| !core.iter().any(|word| in_actors.contains(word)));
        if places.is_empty() {
            return;
        }
        let mut by_first: HashMap<&str, Vec<&[&str]>, FastHash> = HashMap::default();
        for core in &places {
            by_first.entry(core[0]).or_default().push(core);
        }
        // (first, last, last with its noun) of each other mention.
        let mut found = Vec::new();
        for k in 0..w.len() {
            if !w.toks[k].is_capitalised() {
                continue;
            }
            let Some(cores) = by_first.get(w.toks[k].text) else { continue };
            for core in cores {
                let n = core.len();
                let matches =
                    |j: usize| w.get(k + j).is_some_and(|t| t.text == core[j] && (j == 0 || t.gap == Gap::Space));
                if !(0..n).all(matches) {
                    continue;
                }
                let last = k + n - 1;
                let glued = |t: &Tok| t.gap == Gap::Space && is_name_word(t);
                // In a heading every word is capitalised: neighbours say nothing there.
                let inside =
                    k > 0 && glued(&w.toks[k]) && is_name_word(&w.toks[k - 1]) || w.get(last + 1).is_some_and(glued);
                if inside && !self.heading[k] {
                    continue;
                }
                if self.speaks(last) || self.according_to(k) || self.agent(k) {
                    continue;
                }
                // With its noun: "the Pavlov dam", "Pavlov Dam Holds".
                let noun = w.get(last + 1).filter(|t| t.gap == Gap::Space && place_words().contains(&t.text));
                let end = match noun {
                    Some(_) if self.heading[k] => last + 1,
                    _ => self.place_suffix(last, false).unwrap_or(last),
                };
                // "Central Sulawesi": a compass word that narrows the place belongs to it.
                let direction = k > 0 && w.toks[k].gap == Gap::Space && DIRECTIONS.contains(&w.toks[k - 1].text);
                found.push((k, last, end, direction));
            }
        }
        if found.is_empty() {
            return;
        }
        let covered = self.covered();
        let at: HashMap<(usize, usize), usize, FastHash> =
            self.mentions.iter().enumerate().map(|(index, m)| ((m.first, m.last), index)).collect();
        for (k, last, end, direction) in found {
            let first = if direction && !covered[k - 1] { k - 1 } else { k };
            match at.get(&(k, last)).map(|&index| &mut self.mentions[index]) {
                Some(m) if m.label == Label::Actor && matches!(m.rule, "name" | "list") => {
                    m.label = Label::Location;
                    m.rule = "place-again";
                }
                Some(_) => {}
                None if !covered[k..=end].iter().any(|c| *c) => {
                    self.push(first, end, Label::Location, "place-again", false);
                }
                None => {}
            }
        }
    }

    /// A road's number that a frame placed ("the A9 past Dalwhinnie") is the road at its other
    /// mentions, a heading's included ("A9 Closed Again").
    pub(super) fn propagate_roads(&mut self) {
        let w = self.w;
        let placed: HashSet<&str> = self
            .mentions
            .iter()
            .filter(|m| m.rule == "road" && m.first == m.last)
            .map(|m| w.toks[m.first].text)
            .collect();
        if placed.is_empty() {
            return;
        }
        let covered = self.covered();
        for (first, last) in places::other_road_mentions(w, &placed, &covered) {
            self.push(first, last, Label::Location, "road", false);
        }
    }

    /// Which tokens a mention found so far covers.
    fn covered(&self) -> Vec<bool> {
        let mut covered = vec![false; self.w.len()];
        for m in &self.mentions {
            for c in &mut covered[m.first..=m.last] {
                *c = true;
            }
        }
        covered
    }

    /// A capitalised run that is wholly a listed town's or district's name ("Paute", "Bielsko-
    /// Biala") is a location where no rule placed it, when nothing says it acts ("San Miguel",
    /// "Paute was left without power"): a new mention, or one the name rules took for an
    /// unknown actor. A town that does something is left to them ("Nysa opened its gates").
    /// Not a run that speaks, owns something, modifies a title or is the last name of a person
    /// named in full here, nor one in a heading (where places come from the text's mentions).
    pub(super) fn place_listed_towns(&mut self) {
        let w = self.w;
        let surnames: HashSet<&str> = self
            .mentions
            .iter()
            .filter(|m| m.person && m.first < m.last && !towns::is_town(w.slice(m.first, m.last), false))
            .map(|m| w.toks[m.last].base())
            .collect();
        let mut mention_at: Vec<Option<usize>> = vec![None; w.len()];
        for (index, m) in self.mentions.iter().enumerate() {
            for at in &mut mention_at[m.first..=m.last] {
                *at = Some(index);
            }
        }
        for &k in &self.not_names {
            mention_at[k] = Some(usize::MAX);
        }
        let mut i = 0;
        while i < w.len() {
            let t = &w.toks[i];
            if self.heading[i] || !t.is_capitalised() || !is_name_word(t) {
                i += 1;
                continue;
            }
            let end = self.sequence_end(i);
            let mut s = i;
            if self.starts(s) && s < end && is_function_word(&lower(w.toks[s].text)) {
                s += 1;
            }
            let taken = mention_at[s];
            // No rule took the run, or the name rules took all of it for an unknown actor
            // (`not_names` count as taken: a rule decided they are no name).
            let free = (s..=end).all(|k| mention_at[k].is_none());
            let unknown_actor = taken.filter(|&m| m != usize::MAX).is_some_and(|m| {
                let m = self.mentions[m];
                m.first == s && m.last == end && m.label == Label::Actor && m.rule == "name"
            }) && (i..s).all(|k| mention_at[k].is_none());
            // "Ferries from Tabaco resumed": after a preposition, the verb is not the town's.
            let object = s > 0 && PLACE_PREPOSITIONS.contains(&lower(w.toks[s - 1].text).as_ref());
            let town = (free || unknown_actor)
                && (object || !self.verb_follows(end) || self.is_followed_by_being(end))
                && !w.toks[end].is_possessive()
                && towns::is_town(w.slice(s, end), self.starts(s))
                && !surnames.contains(w.toks[end].text)
                && !self.speaks(end)
                && !self.modifies_title(end)
                && !(s > 0 && OPPONENT.contains(&lower(w.toks[s - 1].text).as_ref()));
            if town {
                let mention = Mention { first: s, last: end, label: Label::Location, rule: "town", person: false };
                match taken {
                    Some(m) => self.mentions[m] = mention,
                    None => self.mentions.push(mention),
                }
            }
            i = end + 1;
        }
        self.mentions.sort_by_key(|m| m.first);
    }

    /// Whether a form of "be" follows the name ending at `last` ("was", "has been", "is
    /// still"): what is said of it, not what it does.
    fn is_followed_by_being(&self, last: usize) -> bool {
        let w = self.w;
        let mut j = last + 1;
        if w.next_word(j).is_some_and(|t| ADVERBS.contains(&t.text) && !matches!(t.text, "has" | "have" | "had")) {
            j += 1;
        }
        let Some(verb) = w.next_word(j).filter(|t| t.gap == Gap::Space) else { return false };
        match verb.text {
            "is" | "was" | "are" | "were" | "remains" | "remained" | "lies" | "lay" | "sits" => true,
            "has" | "had" => w.next_word(j + 1).is_some_and(|t| t.is("been")),
            _ => false,
        }
    }

    /// A person's last name is an actor wherever else it stands alone ("Reyes said").
    pub(super) fn propagate_surnames(&mut self) {
        let w = self.w;
        let surnames: HashSet<&str> = self
            .mentions
            .iter()
            .filter(|m| m.person && m.label == Label::Actor)
            .map(|m| w.toks[m.last].base())
            .filter(|s| s.chars().count() >= 3 && !is_function_word(&s.to_lowercase()) && !is_title(s))
            .filter(|s| !self.g.by_first.contains_key(*s))
            .collect();
        if surnames.is_empty() {
            return;
        }
        let mut covered = self.covered();
        for &k in &self.not_names {
            covered[k] = true;
        }
        let mut k = 0;
        while k < w.len() {
            let t = w.toks[k];
            if covered[k] || !surnames.contains(t.base()) {
                k += 1;
                continue;
            }
            // "Salazar’s Socialists Lose Ground": the surname's possessive with its party.
            if t.is_possessive() && self.heading[k] {
                if let Some(next) = self.named_body_after_possessive(k, k) {
                    k = next;
                    continue;
                }
            }
            let glued = |j: usize| w.get(j).is_some_and(|n| n.gap == Gap::Space && is_name_word(n));
            let after_name = k > 0 && t.gap == Gap::Space && is_name_word(&w.toks[k - 1]);
            // In a heading every word is capitalised: neighbours say nothing there; its
            // possessive is the owner alone ("Salazar’s Offer").
            if self.heading[k] || !t.is_possessive() && !glued(k + 1) && !after_name {
                self.mentions.push(Mention { first: k, last: k, label: Label::Actor, rule: "name", person: false });
            }
            k += 1;
        }
    }
}
