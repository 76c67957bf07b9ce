//! How a country, city, seat of power or unknown town is labelled per mention, after the scan:
//! lists share one decision ([`Finder::label_places`]), an actor when it acts ([`Finder::acts`],
//! [`Finder::verb_follows`]) or speaks ([`Finder::speaks`]), else a location.
//!
//! Not the passes that add or change mentions across the document (`passes.rs`).

use crate::suggest::words::{Gap, Tok};

use super::lists::{
    is_name_word, is_verb, ADVERBS, ASKING, FROM_ACTOR, HEADLINE_VERBS, PARTIES, PARTY_MEMBERS, PLACE_PREPOSITIONS,
    SPEECH,
};
use super::{Finder, Label, Mention};

impl Finder<'_, '_> {
    /// Decides countries, cities and seats by their context; lists share one decision, and a
    /// list with a region in it ("Bavaria, Saxony and Berlin") is a list of places.
    pub(super) fn label_places(&mut self) {
        let w = self.w;
        let n = self.mentions.len();
        let listable =
            |m: &Mention| matches!(m.label, Label::Place | Label::Seat | Label::Town | Label::Location | Label::Actor);
        let mut k = 0;
        while k < n {
            if !listable(&self.mentions[k]) {
                k += 1;
                continue;
            }
            // The list this mention starts: "China and Saudi Arabia", "Russia, Ukraine and the U.S."
            let mut last_in_list = k;
            while last_in_list + 1 < n {
                let a = self.mentions[last_in_list];
                let b = self.mentions[last_in_list + 1];
                let between: Vec<&str> = (a.last + 1..b.first).map(|t| w.toks[t].text).collect();
                let joined = !between.is_empty()
                    && between.len() <= 3
                    && between.iter().all(|t| matches!(*t, "," | "and" | "or" | "the" | "&"))
                    && between.iter().any(|t| matches!(*t, "," | "and" | "or" | "&"))
                    && (a.last + 1..=b.first).all(|t| w.toks[t].gap != Gap::Line);
                if joined && listable(&b) {
                    last_in_list += 1;
                } else {
                    break;
                }
            }
            // A list ends with "and" or "or"; commas alone join unrelated names ("in Geneva,
            // Russia said"), so trim back to the last "and"/"or".
            while last_in_list > k {
                let a = self.mentions[last_in_list - 1];
                let b = self.mentions[last_in_list];
                if (a.last + 1..b.first).any(|t| matches!(w.toks[t].text, "and" | "or" | "&")) {
                    break;
                }
                last_in_list -= 1;
            }
            let list = &self.mentions[k..=last_in_list];
            if !list.iter().any(|m| matches!(m.label, Label::Place | Label::Seat | Label::Town)) {
                k = last_in_list + 1;
                continue;
            }
            let has_region = list.iter().any(|m| m.label == Label::Location && m.rule == "gazetteer");
            let has_actor = list.iter().any(|m| m.label == Label::Actor);
            let first = list[0].first;
            let last = list[list.len() - 1].last;
            let acts = if has_region {
                Some(false)
            } else if has_actor && list.len() > 1 {
                Some(true)
            } else {
                self.acts(first, last)
            };
            let speaks = self.speaks(last);
            for m in &mut self.mentions[k..=last_in_list] {
                m.label = match (m.label, acts) {
                    (Label::Place | Label::Seat, Some(true)) => Label::Actor,
                    (Label::Place | Label::Seat, Some(false)) => Label::Location,
                    (Label::Place, None) => Label::Location,
                    (Label::Town, _) if speaks => Label::Actor,
                    (Label::Town, _) => Label::Location,
                    (Label::Seat, None) => Label::Actor,
                    (other, _) => other,
                };
            }
            k = last_in_list + 1;
        }
    }

    /// Whether the name (or list) `first..=last` acts (`Some(true)`), is a place
    /// (`Some(false)`), or the context does not say (`None`).
    fn acts(&self, first: usize, last: usize) -> Option<bool> {
        let w = self.w;
        let mut p = first;
        if p > 0 && w.toks[p - 1].is_ci("the") {
            p -= 1;
        }
        if p > 0 && w.toks[p].gap != Gap::Line {
            let prev = &w.toks[p - 1];
            let lower = prev.text.to_lowercase();
            if lower == "by" || ASKING.contains(&lower.as_str()) || self.according_to(p) || self.asked(p, last) {
                return Some(true);
            }
            // "negotiators from Israel and Hamas": the country is a party.
            if lower == "from" && p >= 2 {
                let noun = w.toks[p - 2].text.to_lowercase();
                if PARTY_MEMBERS.contains(&noun.as_str()) || FROM_ACTOR.contains(&noun.as_str()) {
                    return Some(true);
                }
            }
            // "a deal with Beijing", "talks with Hamas": the other party.
            if lower == "with" && p >= 2 && PARTIES.contains(&w.toks[p - 2].text.to_lowercase().as_str()) {
                return Some(true);
            }
            // "between Kandy and Colombo": the second end, whatever the first was taken for.
            let mut between = p - 1;
            if lower == "and" {
                let mut k = p - 1;
                while k > 0 && is_name_word(&w.toks[k - 1]) && w.toks[k].gap == Gap::Space {
                    k -= 1;
                }
                if k + 1 < p && k > 1 && w.toks[k - 1].is_ci("the") {
                    k -= 1;
                }
                if k + 1 < p && k > 0 && w.toks[k - 1].is_ci("between") {
                    between = k - 1;
                }
            }
            if w.toks[between].is_ci("between") {
                let before = between.checked_sub(1).map(|b| w.toks[b].text.to_lowercase());
                return Some(before.is_some_and(|b| PARTIES.contains(&b.as_str())));
            }
            if PLACE_PREPOSITIONS.contains(&lower.as_str()) {
                return Some(false);
            }
        }
        self.verb_follows(last).then_some(true)
    }

    /// Whether a verb of saying follows the name ending at `last` ("Pavlov council" aside, a
    /// town speaks only so: "Pavlov said", "Pavlov also announced").
    pub(super) fn speaks(&self, last: usize) -> bool {
        let w = self.w;
        let mut j = last + 1;
        if w.next_word(j).is_some_and(|t| ADVERBS.contains(&t.text)) {
            j += 1;
        }
        w.next_word(j).is_some_and(|t| t.gap == Gap::Space && SPEECH.contains(&t.text))
    }

    /// Whether a verb follows the name ending at `last`, after a relative clause (", which
    /// borders both countries,") and an adverb ("also").
    pub(super) fn verb_follows(&self, last: usize) -> bool {
        let w = self.w;
        let mut j = last + 1;
        let clause_start = |t: &Tok| {
            matches!(
                t.text,
                "which"
                    | "who"
                    | "whose"
                    | "a"
                    | "an"
                    | "the"
                    | "home"
                    | "once"
                    | "long"
                    | "now"
                    | "still"
                    | "already"
                    | "also"
            )
        };
        if w.get(j).is_some_and(|t| t.is(",")) && w.get(j + 1).is_some_and(clause_start) {
            let mut k = j + 2;
            while k < w.len() && !w.toks[k].is(",") && w.toks[k].gap != Gap::Line && !w.toks[k].is(".") {
                k += 1;
            }
            if w.get(k).is_some_and(|t| t.is(",")) {
                j = k + 1;
            }
        }
        let Some(mut next) = w.next_word(j) else { return false };
        if ADVERBS.contains(&next.text) && !matches!(next.text, "has" | "have" | "had") {
            j += 1;
            let Some(after) = w.next_word(j) else { return false };
            next = after;
        }
        if next.gap == Gap::Line {
            return false;
        }
        let looks_past = next.is_lowercase_word() && next.text.len() >= 5 && next.text.ends_with("ed");
        // "China produces about 98%": a present-tense verb before its object.
        let object = w.next_word(j + 1).is_some_and(|t| {
            t.gap == Gap::Space
                && (matches!(
                    t.text,
                    "the"
                        | "a"
                        | "an"
                        | "about"
                        | "its"
                        | "their"
                        | "more"
                        | "most"
                        | "some"
                        | "all"
                        | "nearly"
                        | "almost"
                        | "over"
                        | "roughly"
                        | "around"
                        | "half"
                        | "less"
                        | "fewer"
                        | "much"
                        | "many"
                ) || t.text.starts_with(|c: char| c.is_ascii_digit()))
        });
        let looks_present = next.is_lowercase_word()
            && next.text.len() >= 4
            && next.text.ends_with('s')
            && !next.text.ends_with("ss")
            && object;
        // A heading capitalises its verbs: "Poland Insists on …".
        let heading_verb = self.heading[j] && {
            let lower = next.text.to_lowercase();
            is_verb(&lower) || HEADLINE_VERBS.contains(&lower.as_str())
        };
        is_verb(next.text) || looks_past || looks_present || heading_verb
    }
}
