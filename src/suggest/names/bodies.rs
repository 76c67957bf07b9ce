//! Bodies, groups and possessives: a place's own body ("the Brno city police"), an armed group
//! ("Séléka rebels"), a nationality or a possessive with its group noun ("the Russian
//! delegation", "Russia’s delegation"), a possessive before a named body ("Salazar’s
//! Socialists"), and an owner alone ("Kyiv's so-called …").
//!
//! Not the title cues that take a name after a title (`titles.rs`).

use crate::suggest::words::{is_function_word, Gap};

use super::gazetteer::Kind;
use super::lists::{
    groups, is_name_word, is_party_plural, is_title, is_verb, local_bodies, org_words, place_words, ARMED, OF_HEADS,
    OWNED_BODIES, STRONG_PLACE_PREPOSITIONS, TERRITORY,
};
use super::{Finder, Label};

impl Finder<'_, '_> {
    /// "the Plzeň regional police", "the Moravia Region fire and rescue service": a place no
    /// gazetteer holds (`s..=last`) with a body of its own after it is one actor with it, unless
    /// a place preposition says the name is where ("in Brno police arrested …"). Returns the
    /// token after the body.
    pub(super) fn local_body(&mut self, s: usize, last: usize) -> Option<usize> {
        let w = self.w;
        let mut p = s;
        if p > 0 && w.toks[p - 1].is("the") {
            p -= 1;
        }
        let located = p > 0 && {
            let prev = w.toks[p - 1].text.to_lowercase();
            STRONG_PLACE_PREPOSITIONS.contains(&prev.as_str()) || matches!(prev.as_str(), "at" | "from" | "to")
        };
        if located || w.toks[last].is_possessive() {
            return None;
        }
        let mut k = last + 1;
        while k <= last + 4 {
            let t = w.next_word(k).filter(|t| t.gap == Gap::Space && t.is_lowercase_word())?;
            if local_bodies().contains(&t.text) {
                self.push(s, k, Label::Actor, "group", false);
                return Some(k + 1);
            }
            let joins = t.is("and") && k > last + 1;
            if !joins && (is_function_word(t.text) || is_verb(t.text) || groups().contains(t.text)) {
                return None;
            }
            k += 1;
        }
        None
    }

    /// "Séléka rebels", "the M23 rebel group": an unknown name with the armed group it names,
    /// one actor.
    pub(super) fn armed_group(&mut self, s: usize) -> Option<usize> {
        let w = self.w;
        let next = w.next_word(s + 1).filter(|t| t.gap == Gap::Space)?;
        let mut last = s + 1;
        if matches!(next.text, "rebel" | "militia" | "armed" | "jihadist" | "militant") {
            let noun = w.next_word(s + 2).filter(|t| t.gap == Gap::Space)?;
            if !matches!(noun.text, "group" | "movement" | "coalition" | "alliance") {
                return None;
            }
            last = s + 2;
        } else if !ARMED.contains(&next.text) {
            return None;
        }
        self.push(s, last, Label::Actor, "group", false);
        Some(last + 1)
    }

    /// An unknown name `[s, end]` ending in a possessive: one actor with a group noun ("Carolina
    /// Reyes’s campaign team" is not one, "Salazar’s Socialists" is), else the owner alone,
    /// its "’s" left out when the span is written ("**Pedro Sánchez**’s offer"); nothing when
    /// it only modifies a title ("Siltec’s chief executive, Pekka Lindqvist") or its shares.
    pub(super) fn owner(&mut self, s: usize, end: usize) -> usize {
        if let Some(next) = self.named_body_after_possessive(s, end) {
            return next;
        }
        if let Some(next) = self.group_after_possessive(s, end, false) {
            return next;
        }
        let shares = self.w.next_word(end + 1).is_some_and(|t| matches!(t.text, "shares" | "stock" | "share"));
        if !shares && !self.modifies_title(end) {
            return self.name(s, end);
        }
        self.not_names.push(s);
        end + 1
    }

    /// Nationalities joined by "and" or commas, then a group noun: one actor. `s..=last` is
    /// the first nationality (or country abbreviation).
    pub(super) fn group_after(&mut self, s: usize, last: usize) -> Option<usize> {
        let w = self.w;
        let mut end = last;
        // More nationalities: ", Ukrainian and Polish".
        loop {
            let link = w.get(end + 1);
            let is_link = link.is_some_and(|t| t.is(",") || t.is("and"));
            if !is_link {
                break;
            }
            let mut j = end + 2;
            if w.get(j).is_some_and(|t| t.is("and")) {
                j += 1;
            }
            match self.g.match_at(w, j) {
                Some(m) if m.kind == Kind::Demonym && !m.possessive => end = m.last,
                _ => break,
            }
        }
        let head = self.group_head(end)?;
        if is_title(w.toks[head].text) && self.name_after(head).is_some() {
            // "the Russian foreign minister, Sergei Lavrov": the name is the actor.
            return None;
        }
        self.push(s, head, Label::Actor, "group", false);
        Some(head + 1)
    }

    /// "Salazar’s Socialists", "Malawi’s Constitutional Court": a possessive `s..=last` whose
    /// noun is a named body (a party's plural or a name ending in an organisation word) is one
    /// actor with it. In a heading, where every word is capitalised, the body ends at its
    /// organisation word and never takes a verb ("Malawi’s Constitutional Court Orders …").
    pub(super) fn named_body_after_possessive(&mut self, s: usize, last: usize) -> Option<usize> {
        let w = self.w;
        let mut body = None;
        for k in last + 1..last + 5 {
            let Some(t) = w.get(k) else { break };
            if t.gap != Gap::Space || !is_name_word(t) || self.heading[k] && is_verb(&t.text.to_lowercase()) {
                break;
            }
            // "Ghana's Black Stars", "Nigeria's Super Eagles": a team or a party by its members,
            // a capitalised plural that ends the name (not a place's: "Spain's Canary Islands").
            let ends_run = w.get(k + 1).is_none_or(|n| n.gap != Gap::Space || !is_name_word(n));
            let members = k > last + 1
                && ends_run
                && t.text.ends_with('s')
                && !t.text.ends_with("ss")
                && !place_words().contains(&t.text);
            if org_words().contains(&t.text) || k == last + 1 && is_party_plural(t.text) || members {
                body = Some(k);
            }
            if t.is_possessive() {
                break;
            }
        }
        let mut body = body?;
        if w.toks[body].is_possessive() {
            return None;
        }
        // "Kazakhstan's Ministry of Water Resources and Irrigation": the body's full name.
        if OF_HEADS.contains(&w.toks[body].text) && w.get(body + 1).is_some_and(|t| t.is("of")) {
            let end = self.sequence_end(last + 1);
            body = self.and_joined_body(last + 1, end).unwrap_or(end).max(body);
        }
        self.push(s, body, Label::Actor, "group", false);
        Some(body + 1)
    }

    /// A country's, city's or organisation's possessive before a noun that is not an actor
    /// marks the owner alone ("**Kyiv**'s so-called peace formula", "**Russia**'s economy"):
    /// an actor, for what it has or does, and a location before a part of its territory
    /// ("**Ukraine**'s east", "**Poland**'s border"). Nothing when it only modifies a title.
    pub(super) fn known_owner(&mut self, s: usize, last: usize) {
        let w = self.w;
        // "Dmytro Lubinets, Ukraine's parliamentary human rights commissioner": a description.
        let described = s >= 2 && w.toks[s - 1].is(",") && self.mentions.last().is_some_and(|m| m.last + 2 == s);
        if described || self.modifies_title(last) {
            return;
        }
        // "Egypt's northern coast", "Australia's Great Barrier Reef": a part of the country.
        let territory = (last + 1..last + 5)
            .map_while(|k| w.get(k).filter(|t| t.gap == Gap::Space && t.is_word() && !is_function_word(t.text)))
            .any(|t| TERRITORY.contains(&t.text) || t.is_capitalised() && place_words().contains(t.text));
        let label = if territory { Label::Location } else { Label::Actor };
        self.push(s, last, label, "gazetteer", false);
    }

    /// "Russia’s delegation", "Ukraine’s air force": the possessive `s..=last` with its group.
    pub(super) fn group_after_possessive(&mut self, s: usize, last: usize, known: bool) -> Option<usize> {
        let head = self.group_head(last)?;
        let head_word = self.w.toks[head].text.to_lowercase();
        // A person's "command", "team" or "office" is theirs, not a body that acts on its own
        // ("**Mbaïkoua**'s command"); their government, party or forces are.
        // Their spokeswoman, used alone, is one actor with them ("Tenby Foods’s spokeswoman
        // said"), as a country's minister is.
        if !known && !OWNED_BODIES.contains(&head_word.as_str()) && !is_title(&head_word) {
            return None;
        }
        if is_title(&head_word) && self.name_after(head).is_some() {
            // "Ukraine’s chief negotiator, Oksana Hrytsenko": the title cue takes the name.
            return Some(last + 1);
        }
        self.push(s, head, Label::Actor, "group", false);
        Some(head + 1)
    }

    /// The group noun or title ending a phrase of at most three lower-case words after `last`.
    fn group_head(&self, last: usize) -> Option<usize> {
        let w = self.w;
        let mut head = None;
        for j in last + 1..last + 4 {
            let Some(t) = w.next_word(j) else { break };
            if t.gap != Gap::Space {
                break;
            }
            let lower = t.text.to_lowercase();
            let title_case_title = t.is_capitalised() && is_title(t.text);
            let institution = matches!(
                t.text,
                "Ministry"
                    | "General"
                    | "Staff"
                    | "Foreign"
                    | "Defence"
                    | "Defense"
                    | "Deputy"
                    | "Interior"
                    | "Finance"
                    | "Prime"
                    | "Vice"
                    | "Air"
                    | "Armed"
                    | "Forces"
                    | "Force"
                    | "Navy"
                    | "Army"
            );
            if !(t.is_lowercase_word() || title_case_title || institution) {
                break;
            }
            if is_function_word(&lower) || is_verb(t.text) {
                break;
            }
            if groups().contains(lower.as_str()) || is_title(t.text) {
                head = Some(j);
            } else if head.is_some() {
                break;
            } else if lower != "armed" && (lower.ends_with("ed") || lower.ends_with('s')) {
                // "China trains soldiers": a verb, not a modifier of the group.
                break;
            }
        }
        head
    }
}
