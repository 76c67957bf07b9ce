//! The words around a name that the rules ask about while scanning: a place's suffix ("Bryansk
//! region"), a list after a place, an apposition ("Pavlov, a farming town"), a place frame
//! ("in", "city of", "strikes on"), and the cues that a name acts (the agent of a passive, one
//! asked to do something, a source "according to").
//!
//! Only questions: none of these pushes a mention. How a known place is labelled once the scan
//! is done is in `label.rs`.

use crate::suggest::words::{is_function_word, lower, Gap, Tok};

use super::lists::{
    facilities, groups, is_name_word, is_verb, org_words, place_suffixes, ASKING, ATTACKS, DIRECTIONS, FROM_PLACE,
    PARTICIPLES, PLACE_OF, PUBLICATIONS, STRONG_PLACE_PREPOSITIONS, TOWNS, WANTING,
};
use super::{Finder, Label};

impl Finder<'_, '_> {
    /// "Bryansk region", "the Essequibo region", "the Mirafiori plant": the last token of the
    /// place with its suffix. `known` places take only a few facility nouns ("Zaporizhzhia
    /// nuclear power plant", but not "a Kyiv school").
    pub(super) fn place_suffix(&self, last: usize, known: bool) -> Option<usize> {
        if self.w.toks[last].is_possessive() {
            return None;
        }
        let next = self.w.next_word(last + 1)?;
        if next.gap != Gap::Space {
            return None;
        }
        // "Mekong Delta" in a heading, where the noun is capitalised too.
        if place_suffixes().contains(&next.text) || known && place_suffixes().contains(lower(next.text).as_ref()) {
            return Some(last + 1);
        }
        for k in 0..3 {
            let t = self.w.next_word(last + 1 + k)?;
            if t.gap != Gap::Space || !t.is_lowercase_word() {
                return None;
            }
            let facility = if known {
                matches!(
                    t.text,
                    "plant" | "airport" | "port" | "refinery" | "dam" | "reactor" | "airbase" | "prison" | "station"
                )
            } else {
                facilities().contains(&t.text)
            };
            if facility {
                return Some(last + 1 + k);
            }
            if is_function_word(t.text) || is_verb(t.text) || groups().contains(t.text) {
                return None;
            }
        }
        None
    }

    /// Whether the unknown name `s..=end` sits in a list right after a place: "Bavaria,
    /// Saxony", "in Hinckley and Market Harborough".
    pub(super) fn in_place_list(&self, s: usize, end: usize) -> bool {
        let w = self.w;
        let Some(prev) = self.mentions.last() else { return false };
        if !matches!(prev.label, Label::Place | Label::Location | Label::Town) || prev.last + 1 >= s {
            return false;
        }
        let between: Vec<&str> = (prev.last + 1..s).map(|t| w.toks[t].text).collect();
        // A comma alone joins unrelated names ("in Geneva, Russia said") unless the list goes
        // on; "and" or "or" ends it, whatever follows ("in Pavlov and Lhota were told").
        let ends = matches!(between.as_slice(), ["and"] | [",", "and"] | ["or"] | [",", "or"]);
        let next = w.get(end + 1);
        let continues = if s == end {
            next.is_none_or(|t| matches!(t.text, "," | "and" | "or" | "." | ";") || t.gap == Gap::Line)
        } else {
            // "in Pavlov, Jana Novotná, 71, said": a person after a place is no item of a list.
            next.is_some_and(|t| matches!(t.text, "and" | "or"))
                || next.is_some_and(|t| t.is(",")) && w.get(end + 2).is_some_and(|t| is_name_word(t))
        };
        ends || between == [","] && continues
    }

    /// "Pavlov, a farming town near Brno", "Lhota, the district's largest village,": an
    /// apposition after the name `..=last` says it is a place.
    pub(super) fn place_apposition(&self, last: usize) -> bool {
        let w = self.w;
        if !w.get(last + 1).is_some_and(|t| t.is(","))
            || !w.next_word(last + 2).is_some_and(|t| matches!(t.text, "a" | "an" | "the"))
        {
            return false;
        }
        (last + 3..last + 7)
            .map_while(|k| w.next_word(k).map(|t| (k, t)))
            .take_while(|(_, t)| t.is_lowercase_word() || t.is_possessive())
            .any(|(k, t)| {
                let after = w.get(k + 1);
                let head = after.is_none_or(|a| !a.is_word() || is_function_word(a.text) || a.gap == Gap::Line);
                TOWNS.contains(&t.text) && head
            })
    }

    /// "Shares in Stellaris Motors fell", "a stake in Cadem": a company named for its shares,
    /// neither an actor nor a place.
    pub(super) fn only_shares(&self, s: usize) -> bool {
        let w = self.w;
        s >= 2
            && w.toks[s - 1].is("in")
            && matches!(
                w.toks[s - 2].text.to_lowercase().as_str(),
                "shares" | "stake" | "stakes" | "invest" | "invested" | "investment" | "investments"
            )
    }

    /// "talks hosted by Acas", "a chain owned by Lidova": the agent of a passive verb acts.
    pub(super) fn agent(&self, s: usize) -> bool {
        let w = self.w;
        let participle = |t: &Tok| {
            t.is_lowercase_word()
                && (t.text.len() >= 4 && (t.text.ends_with("ed") || t.text.ends_with("en"))
                    || matches!(t.text, "made" | "held" | "led" | "run" | "bought" | "sold" | "built" | "paid" | "won"))
        };
        s >= 2 && w.toks[s - 1].is("by") && participle(&w.toks[s - 2])
    }

    /// "told Holyrood", "urged Acme to", "expected Kenya to do the same": the name `s..=last` is
    /// asked or told something.
    pub(super) fn asked(&self, s: usize, last: usize) -> bool {
        let w = self.w;
        let Some(prev) = s.checked_sub(1).map(|p| &w.toks[p]).filter(|p| p.is_lowercase_word()) else {
            return false;
        };
        // "paid KSh 5,000": a currency before its amount is asked for nothing.
        if w.get(last + 1).is_some_and(|t| t.text.starts_with(|c: char| c.is_ascii_digit())) {
            return false;
        }
        let to_do = w.next_word(last + 1).is_some_and(|t| t.gap == Gap::Space && t.is("to"))
            && w.next_word(last + 2).is_some_and(|t| t.gap == Gap::Space && t.is_lowercase_word());
        ASKING.contains(&prev.text) || WANTING.contains(&prev.text) && to_do
    }

    /// "according to Reuters": the name is a source, an actor.
    pub(super) fn according_to(&self, s: usize) -> bool {
        s >= 2 && self.w.toks[s - 1].is("to") && self.w.toks[s - 2].is_ci("according")
    }

    /// Whether a place cue precedes token `s`: "in", "near", "city of", "mayor of".
    pub(super) fn place_cue(&self, s: usize) -> bool {
        self.place_cue_with(s, false)
    }

    /// Like [`Self::place_cue`]; `multi_word` names also take "at" ("at Utopia Planitia").
    pub(super) fn place_cue_with(&self, s: usize, multi_word: bool) -> bool {
        let Some(prev) = s.checked_sub(1).and_then(|p| self.tok(p)) else { return false };
        if self.w.toks[s].gap == Gap::Line {
            return false;
        }
        let lower = prev.text.to_lowercase();
        if self.only_shares(s) {
            return false;
        }
        if STRONG_PLACE_PREPOSITIONS.contains(&lower.as_str()) || (multi_word && lower == "at") {
            return true;
        }
        let before = s.checked_sub(2).map(|b| self.w.toks[b].text.to_lowercase());
        let before_is = |list: &[&str]| before.as_deref().is_some_and(|b| list.contains(&b));
        // "in the Algarve", "across the Sahel"; not "in the Guardian", "in the West" or "in the
        // Covid era", where the name only modifies the noun after it.
        let word = self.w.toks[s].text;
        let named = || !PUBLICATIONS.contains(&word) && !org_words().contains(&word) && !DIRECTIONS.contains(&word);
        if lower == "the" && before_is(STRONG_PLACE_PREPOSITIONS) && named() {
            let last = if multi_word { self.sequence_end(s) } else { s };
            let modifies = self.w.next_word(last + 1).is_some_and(|t| {
                t.gap == Gap::Space
                    && t.is_lowercase_word()
                    && !is_function_word(t.text)
                    && !is_verb(t.text)
                    && !t.text.ends_with("ed")
                    && !t.text.ends_with("ly")
                    && !PARTICIPLES.contains(&t.text)
            });
            return !modifies;
        }
        if matches!(lower.as_str(), "on" | "against") && before_is(ATTACKS) || lower == "from" && before_is(FROM_PLACE)
        {
            return true;
        }
        if lower == "of" && s >= 2 {
            let before = self.w.toks[s - 2].text.to_lowercase();
            // "Ruth Calloway of Nevada": a person of a place.
            let person_of = self.mentions.last().is_some_and(|m| m.person && m.last == s - 2);
            return PLACE_OF.contains(&before.as_str()) || person_of;
        }
        false
    }
}
