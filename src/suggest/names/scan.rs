//! The Finder's scan: [`Finder::step`] looks at one token and hands it to the rule that fits
//! (a dateline, known places joined by a hyphen, a road's number, a title cue, a capitalised
//! sequence), and what a gazetteer entry becomes where it stands ([`Finder::entity`]).
//!
//! Not the rules for names no gazetteer holds (`unknown.rs`), nor where a run ends
//! (`sequence.rs`), nor the passes after the scan (`label.rs`, `passes.rs`).

use crate::suggest::words::{is_function_word, Gap};
use crate::suggest::{figures, places};

use super::gazetteer::{Kind, Match};
use super::lists::{
    is_name_word, is_title, is_verb, ADVERBS, DIRECTIONS, PARTIES, POSTNOMINALS, ROADS, ROAD_PREPOSITIONS,
};
use super::{dateline_end, Finder, Label};

impl Finder<'_, '_> {
    /// Looks at token `i`; returns the next token to look at.
    pub(super) fn step(&mut self, i: usize) -> usize {
        let tok = self.w.toks[i];
        if !tok.is_word() {
            return i + 1;
        }
        if let Some(after) = self.dateline(i) {
            return after;
        }
        if let Some(after) = self.joined_places(i) {
            return after;
        }
        if self.heading[i] {
            // Title Case: a capitalised run is no name here, a known one still is ("Kremlin
            // Calls Istanbul Meeting 'Useful'").
            return match self.g.match_at(self.w, i) {
                Some(m) => self.entity(i, m),
                None => i + 1,
            };
        }
        // "Martin Crane KC": the honour belongs to the name before, which leaves it out.
        let after_name = || i > 0 && tok.gap == Gap::Space && is_name_word(&self.w.toks[i - 1]);
        if POSTNOMINALS.contains(&tok.base()) && after_name() {
            return i + 1;
        }
        if let Some(next) = self.road(i) {
            return next;
        }
        // "NPR 1.8 million", "NZ$41.6 million", "HK$5": a currency, not a name.
        let money_sign = || self.w.get(i + 1).is_some_and(|t| t.gap == Gap::None && figures::starts_with_sign(t.text));
        if tok.is_capitalised() && (tok.text.len() <= 3 && figures::is_currency_code(tok.text) || money_sign()) {
            return i + 1;
        }
        if tok.is_capitalised() && is_name_word(&tok) {
            return self.sequence(i);
        }
        // "the M23 rebel group": a name with a number is no name alone, but is with its group.
        if tok.is_capitalised() && tok.text.chars().any(|c| c.is_ascii_digit()) {
            if let Some(next) = self.armed_group(i) {
                return next;
            }
        }
        if tok.is_lowercase_word() {
            if let Some(next) = self.title_cue(i) {
                return next;
            }
            if let Some(m) = self.g.match_at(self.w, i) {
                if m.kind == Kind::Region {
                    self.push(i, m.last, Label::Location, "gazetteer", false);
                    return m.last + 1;
                }
                if m.kind == Kind::Org {
                    self.push(i, m.last, Label::Actor, "gazetteer", false);
                    return m.last + 1;
                }
            }
        }
        i + 1
    }

    /// A road by its number ("off the A30", "junction 4 of the M62", "the N7 highway"): a
    /// location, with its noun when one follows. Returns the token after it.
    fn road(&mut self, i: usize) -> Option<usize> {
        let w = self.w;
        let tok = &w.toks[i];
        if let Some(last) = places::road_between(w, i) {
            self.push(i, last, Label::Location, "road", false);
            return Some(last + 1);
        }
        // "the Trans-Amazonian Highway, the BR-230", "on the I-95".
        if let Some(last) = places::hyphened_road(w, i).filter(|_| i > 0 && w.toks[i - 1].is_ci("the")) {
            self.push(i, last, Label::Location, "road", false);
            return Some(last + 1);
        }
        let mut chars = tok.text.chars();
        let letter = chars.next().is_some_and(|c| matches!(c, 'A' | 'B' | 'M' | 'N' | 'E' | 'D' | 'R'));
        let digits = chars.as_str();
        if !letter || !(1..=3).contains(&digits.len()) || !digits.chars().all(|c| c.is_ascii_digit()) {
            return None;
        }
        let noun = w.next_word(i + 1).filter(|t| t.gap == Gap::Space && ROADS.contains(&t.text)).map(|_| i + 1);
        let the = i > 0 && w.toks[i - 1].is_ci("the");
        let along = i > 1 && ROAD_PREPOSITIONS.contains(&w.toks[i - 2].text.to_lowercase().as_str())
            || places::route_follows(w, i);
        if !(the && (along || noun.is_some())) {
            return None;
        }
        let last = noun.unwrap_or(i);
        self.push(i, last, Label::Location, "road", false);
        Some(last + 1)
    }

    /// A wire dateline at the start of a paragraph ("KYIV, Ukraine (AP) —"): where the story
    /// was filed, not part of it. Returns the token after its dash.
    fn dateline(&self, i: usize) -> Option<usize> {
        dateline_end(self.w, i)
    }

    /// Whether token `i` starts a sentence: after a full stop, a line break or a dateline.
    pub(super) fn starts(&self, i: usize) -> bool {
        self.w.toks[i].sentence_start || self.after_dateline[i]
    }

    /// Known places joined by hyphens ("Turkey-Syria Summit", "Russia-Ukraine talks", "the
    /// Turkey-Syria border"): each is a name of its own, not one run. Before talks, a summit, a
    /// war or a deal they are its parties, actors; else locations. Returns the token after them.
    fn joined_places(&mut self, i: usize) -> Option<usize> {
        let w = self.w;
        let dash = |k: usize| w.get(k).is_some_and(|t| t.is("-") && t.gap == Gap::None);
        if !w.toks[i].is_capitalised() || !w.get(i + 1).is_some_and(|t| t.gap == Gap::None) {
            return None;
        }
        let mut parts = Vec::new();
        let mut k = i;
        loop {
            let m = self.g.match_at(w, k).filter(|m| !m.possessive && (k == i || w.toks[k].gap == Gap::None))?;
            if !matches!(m.kind, Kind::Country | Kind::City | Kind::Org | Kind::Seat) {
                return None;
            }
            parts.push((k, m));
            if !dash(m.last + 1) {
                break;
            }
            k = m.last + 2;
        }
        if parts.len() < 2 {
            return None;
        }
        let last = parts[parts.len() - 1].1.last;
        let noun = w.next_word(last + 1).filter(|t| t.gap == Gap::Space).map(|t| t.text.to_lowercase());
        let parties = noun.is_some_and(|n| PARTIES.contains(&n.as_str()) || n == "ties");
        if !parties && parts.iter().any(|(_, m)| m.kind == Kind::Org) {
            return None;
        }
        for (first, m) in parts {
            let label = if parties { Label::Actor } else { Label::Location };
            self.push(first, m.last, label, "gazetteer", false);
        }
        Some(last + 1)
    }

    /// A capitalised sequence at `i`: gazetteer entries, titles, names.
    fn sequence(&mut self, i: usize) -> usize {
        // "the Hague": a name that carries its article, written in lower case.
        if i > 0 && self.w.toks[i - 1].is("the") {
            if let Some(m) = self.g.match_at(self.w, i - 1) {
                if m.last >= i {
                    return self.entity(i - 1, m);
                }
            }
        }
        let end = self.sequence_end(i);
        let end = self.and_joined_body(i, end).unwrap_or(end);
        let mut s = i;
        // A whole gazetteer entry, "The Hague" included.
        if let Some(m) = self.g.match_at(self.w, s) {
            if m.last >= end {
                return self.entity(s, m);
            }
        }
        // A sentence-initial function word is not part of the name: "In Lviv", "The Kremlin".
        let first = &self.w.toks[s];
        let lower = first.text.to_lowercase();
        if self.starts(s) && is_function_word(&lower) && !is_title(first.text) {
            s += 1;
        }
        if s > end {
            return end + 1;
        }
        if s > i {
            if let Some(after) = self.joined_places(s) {
                return after;
            }
        }
        if let Some(m) = self.g.match_at(self.w, s) {
            if m.last >= end {
                return self.entity(s, m);
            }
        }
        // Titles split the sequence: "ECB President Clara Meinhardt".
        if let Some((title_start, title_end)) = self.last_title(s, end) {
            if title_end < end {
                let first = title_end + 1;
                self.push(first, end, Label::Actor, "title", true);
                return end + 1;
            }
            // A title used alone: "the Russian Deputy Foreign Minister" (not when a name follows).
            let nationality =
                self.g.match_at(self.w, s).is_some_and(|m| matches!(m.kind, Kind::Demonym | Kind::Country | Kind::Org));
            if nationality && s < title_start && self.name_after(end).is_none() {
                self.push(s, end, Label::Actor, "title", false);
                return end + 1;
            }
            return self.apposition(end).unwrap_or(end + 1);
        }
        // "North Darfur": a direction and a known place.
        if DIRECTIONS.contains(&self.w.toks[s].text) && s < end {
            if let Some(m) = self.g.match_at(self.w, s + 1) {
                if m.last == end && matches!(m.kind, Kind::Country | Kind::City | Kind::Region) {
                    self.push(s, end, Label::Location, "gazetteer", false);
                    return end + 1;
                }
            }
        }
        let possessive = self.w.toks[end].is_possessive();
        if s == end {
            return self.single(s);
        }
        if possessive {
            return self.owner(s, end);
        }
        self.name(s, end)
    }

    /// A gazetteer entry at `s`.
    fn entity(&mut self, s: usize, m: Match) -> usize {
        let last = m.last;
        match m.kind {
            Kind::Demonym => {
                // "the Russian delegation", "U.S. and Ukrainian officials", "Russian Deputy Foreign Minister"
                return self.group_after(s, last).unwrap_or(last + 1);
            }
            Kind::Region => {
                if m.possessive {
                    if let Some(next) = self.named_body_after_possessive(s, last) {
                        return next;
                    }
                    return self.group_after_possessive(s, last, true).unwrap_or(last + 1);
                }
                // "the Gaza health ministry"
                if let Some(next) = self.group_after(s, last) {
                    return next;
                }
                let end = self.place_suffix(last, true).unwrap_or(last);
                self.push(s, end, Label::Location, "gazetteer", false);
                return end + 1;
            }
            _ => {}
        }
        if m.possessive {
            if let Some(next) = self.named_body_after_possessive(s, last) {
                return next;
            }
            if let Some(next) = self.group_after_possessive(s, last, true) {
                return next;
            }
            self.known_owner(s, last);
            return last + 1;
        }
        if self.modifies_title(last) {
            return last + 1;
        }
        // "U.S. and Brazilian officials", "EU officials", "the UN refugee agency": a group or
        // body of that country or organisation.
        if let Some(next) = self.group_after(s, last) {
            return next;
        }
        // "a senior U.S. official", "a U.S. tariff": an abbreviation used as an adjective.
        let abbreviation = self.w.slice(s, last).chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase);
        if abbreviation && m.kind == Kind::Country {
            if let Some(next) = self.w.next_word(last + 1) {
                let lower = next.text.to_lowercase();
                if next.gap == Gap::Space
                    && next.is_lowercase_word()
                    && !is_verb(next.text)
                    && !ADVERBS.contains(&lower.as_str())
                    && !crate::suggest::words::is_function_word(&lower)
                {
                    return last + 1;
                }
            }
        }
        let label = match m.kind {
            Kind::Org => Label::Actor,
            Kind::Seat => Label::Seat,
            _ => Label::Place,
        };
        let end = if label == Label::Place { self.place_suffix(last, true).unwrap_or(last) } else { last };
        if end != last {
            self.push(s, end, Label::Location, "gazetteer", false);
        } else {
            self.push(s, last, label, "gazetteer", false);
        }
        end + 1
    }
}
