//! Names in no gazetteer: a multi-word capitalised run ([`Finder::name`]) and a single
//! capitalised word ([`Finder::single`]), and the runs that name a thing, not an actor or a
//! place (events, treaties, storms, things to read).
//!
//! Not the words around a name that these rules ask about (`cues.rs`), nor bodies, groups and
//! possessives (`bodies.rs`).

use crate::suggest::places;
use crate::suggest::words::{is_function_word, Gap};

use super::gazetteer::is_demonym;
use super::lists::{
    is_acronym, is_name_word, is_place_particle, is_title, org_types, org_words, place_words, AT_VENUE,
    COMMON_SUBJECTS, COMPETITIONS, DIRECTIONS, EVENT_WORDS, MONTH_BEFORE, NOT_NAMES, PRODUCTS, SPEECH, STORMS, VENUES,
};
use super::{Finder, Label};

impl Finder<'_, '_> {
    /// A multi-word capitalised name `[s, end]` that is in no gazetteer. Returns the token after
    /// what it took.
    pub(super) fn name(&mut self, s: usize, end: usize) -> usize {
        let w = self.w;
        let words: Vec<&str> = (s..=end).map(|k| w.toks[k].base()).collect();
        if self.names_no_actor(s, end) || self.only_shares(s) {
            self.not_names.push(s);
            return end + 1;
        }
        let suffix = self.place_suffix(end, false);
        if let Some(next) = self.local_body(s, suffix.unwrap_or(end)) {
            return next;
        }
        if let Some(last) = suffix {
            self.push(s, last, Label::Location, "name", false);
            return last + 1;
        }
        let org = words.iter().any(|word| org_words().contains(word) || is_acronym(word));
        // "Avenida Angamos", "Gulf of Aden": a place word first, as many languages name places.
        let place_word = place_words().contains(words.last().expect("non-empty"))
            || !org && places::is_place_head(words[0]) && !self.modifies_title(end);
        let particle = words.iter().any(|word| is_place_particle(word));
        if !place_word && (self.employer(s) || org && self.affiliation(s)) {
            self.not_names.push(s);
            return end + 1;
        }
        let framed = self.place_cue_with(s, true) || self.place_apposition(end) || places::way_there(w, s);
        if place_word || self.at_venue(s, &words) || (!org && framed) {
            self.push(s, end, Label::Location, "name", false);
        } else if !org && (particle || self.in_place_list(s, end)) {
            self.push(s, end, Label::Town, "name", false);
        } else if !org && DIRECTIONS.contains(&words[0]) && !self.modifies_title(end) {
            // "the East Midlands", "West Bengal": a part of a land, unless it acts.
            self.push(s, end, Label::Place, "name", false);
        } else if self.modifies_title(end) {
            // "Ukrainian Railways spokesperson X": the name only modifies a title.
            self.not_names.push(s);
        } else {
            let person =
                !org && words.iter().all(|word| word.chars().skip(1).any(char::is_lowercase) || word.len() <= 2);
            self.push(s, end, Label::Actor, "name", person);
        }
        end + 1
    }

    /// Whether the run at `s` of `words` is a venue's name where a preposition places it
    /// ("outside Mater Misericordiae Hospital", "at the Avenir Centre").
    fn at_venue(&self, s: usize, words: &[&str]) -> bool {
        let w = self.w;
        let before = |back: usize| s.checked_sub(back).map(|k| w.toks[k].text.to_lowercase());
        let placed = |word: Option<String>| word.is_some_and(|b| AT_VENUE.contains(&b.as_str()));
        words.iter().any(|word| VENUES.contains(word))
            && (placed(before(1)) || before(1).as_deref() == Some("the") && placed(before(2)))
            && !self.employer(s)
    }

    /// "Analyst Ben Harrington of Harbour Street Securities", "Judge Ana Ruiz of the Third
    /// District Court": the body a person just named is "of" describes that person, as a title
    /// after a name does; it is no second actor.
    fn affiliation(&self, s: usize) -> bool {
        let w = self.w;
        let the = s.checked_sub(1).is_some_and(|k| w.toks[k].is("the"));
        let Some(of) = s.checked_sub(if the { 2 } else { 1 }).filter(|&k| k >= 1 && w.toks[k].is("of")) else {
            return false;
        };
        self.mentions.last().is_some_and(|m| m.person && m.last == of - 1)
    }

    /// "export director at Caves Alto Corgo", "an economist at Norte Capital": the employer in
    /// a description after a person's name is neither where nor who acts.
    fn employer(&self, s: usize) -> bool {
        let w = self.w;
        s >= 2 && w.toks[s - 1].is("at") && w.toks[s - 2].is_lowercase_word() && is_title(w.toks[s - 2].text)
    }

    /// Whether the capitalised run `[s, end]` names a thing, not an actor or a place: an event,
    /// a competition, a law or treaty ("the Africa Cup of Nations", "the CAF Champions League",
    /// "the Rome Statute"), a storm or an operation ("Cyclone Mocha"), or something to sign up
    /// for or read ("Sign up for The Ballot", "The Ballot newsletter").
    fn names_no_actor(&self, s: usize, end: usize) -> bool {
        let w = self.w;
        let event = (s..=end).any(|k| {
            let word = w.toks[k].text;
            let of = w.get(k + 1).is_some_and(|t| matches!(t.text, "of" | "for" | "de"));
            // Not a person's last name after a particle: "Jean-Pierre de la Tour".
            let last = k == end && !(k > s && w.toks[k - 1].is_lowercase_word());
            EVENT_WORDS.contains(&word) && (last || of)
                || word == "League" && k > s && COMPETITIONS.contains(&w.toks[k - 1].text)
        });
        let thing = STORMS.contains(&w.toks[s].text) && s < end;
        let product = w.next_word(end + 1).is_some_and(|t| t.gap == Gap::Space && PRODUCTS.contains(&t.text));
        let lowered: Vec<String> = (s.saturating_sub(3)..s).map(|k| w.toks[k].text.to_lowercase()).collect();
        let signed_up = lowered.ends_with(&["sign".into(), "up".into(), "for".into()])
            || lowered.ends_with(&["subscribe".into(), "to".into()]);
        event || thing || product || signed_up
    }

    /// One capitalised word in no gazetteer.
    pub(super) fn single(&mut self, s: usize) -> usize {
        let tok = self.w.toks[s];
        if is_title(tok.text) {
            return self.apposition(s).unwrap_or(s + 1);
        }
        let lower = tok.text.to_lowercase();
        let sentence_start = self.starts(s);
        if sentence_start && is_function_word(&lower) || is_demonym(tok.text) {
            return s + 1;
        }
        if self.only_shares(s) {
            self.not_names.push(s);
            return s + 1;
        }
        let suffix = self.place_suffix(s, false);
        if !sentence_start || self.proper.contains(tok.text) {
            if let Some(next) = self.local_body(s, suffix.unwrap_or(s)) {
                return next;
            }
        }
        if let Some(last) = suffix {
            self.push(s, last, Label::Location, "name", false);
            return last + 1;
        }
        if is_acronym(tok.text) {
            if !self.modifies_title(s) {
                self.push(s, s, Label::Actor, "acronym", false);
            }
            return s + 1;
        }
        if tok.is_possessive() {
            // At a sentence start only a word that is a name elsewhere: not "Sunday’s final".
            let base = tok.base();
            let named = !sentence_start || self.proper.contains(base);
            if named && !NOT_NAMES.contains(&base) && !is_function_word(&base.to_lowercase()) {
                return self.owner(s, s);
            }
            return s + 1;
        }
        if self.modifies_title(s) {
            self.not_names.push(s);
            return s + 1;
        }
        // "in May", "since May 3": the month, which is a name too often to be a stop word.
        let month = tok.text == "May"
            && (s > 0 && MONTH_BEFORE.contains(&self.w.toks[s - 1].text.to_lowercase().as_str())
                || self.w.next_word(s + 1).is_some_and(|t| t.text.starts_with(|c: char| c.is_ascii_digit())));
        if month {
            return s + 1;
        }
        if let Some(next) = self.armed_group(s) {
            return next;
        }
        // "the Biden administration": a name with a group noun right after it.
        if let Some(next) = self.w.next_word(s + 1) {
            if next.gap == Gap::Space
                && matches!(next.text, "administration" | "government" | "cabinet" | "campaign" | "camp")
            {
                self.push(s, s + 1, Label::Actor, "group", false);
                return s + 2;
            }
        }
        // "in Bavaria, Saxony and Berlin": an unknown word inside a list of places is one too.
        if self.in_place_list(s, s) {
            self.push(s, s, Label::Town, "list", false);
            return s + 1;
        }
        if self.names_no_actor(s, s) {
            return s + 1;
        }
        // "the polling firm Cadem", "the broadcaster NTV", "the Funke media group".
        let typed_before = s > 0 && org_types().contains(&self.w.toks[s - 1].text) && tok.gap == Gap::Space;
        // Not when a name follows the type: "Semiconductor packaging firm Meranti" names Meranti.
        let typed_after = (1..=2).any(|k| {
            (1..=k).all(|m| self.w.next_word(s + m).is_some_and(|t| t.gap == Gap::Space && t.is_lowercase_word()))
                && org_types().contains(&self.w.toks[s + k].text)
                && (1..k).all(|m| !is_function_word(self.w.toks[s + m].text))
                && !self.w.next_word(s + k + 1).is_some_and(|t| t.gap == Gap::Space && is_name_word(t))
        });
        // "Gavi, the vaccine alliance, has pledged": an apposition says what it is.
        let typed_apposition = self.w.get(s + 1).is_some_and(|t| t.is(","))
            && self.w.next_word(s + 2).is_some_and(|t| matches!(t.text, "a" | "an" | "the"))
            && (s + 3..s + 7)
                .take_while(|&k| self.w.next_word(k).is_some_and(|t| t.is_word()))
                .any(|k| org_types().contains(&self.w.toks[k].text));
        // "The federal environmental agency, Ibama, set up …": the name in apposition to its type.
        let typed_after_type = s >= 2
            && self.w.toks[s - 1].is(",")
            && org_types().contains(&self.w.toks[s - 2].text)
            && self.w.get(s + 1).is_some_and(|t| t.is(","));
        let typed = typed_before || typed_after || typed_apposition || typed_after_type;
        // "flown to Makassar", "the reservoir above Międzygórze": the way there says where.
        if !typed && !org_words().contains(tok.text) && places::way_there(self.w, s) && !sentence_start {
            self.push(s, s, Label::Location, "place-cue", false);
            return s + 1;
        }
        // "the city of Myrnohrad was quiet", "strikes on Selydove killed two": the frame
        // says where, whatever verb follows.
        if !typed && (self.place_cue(s) || self.place_apposition(s)) {
            self.push(s, s, Label::Location, "place-cue", false);
            return s + 1;
        }
        // An unknown name that acts: "Cadem gave", "Volkswagen, which …, lost". At a sentence
        // start only when the word is a name elsewhere too, or a singular word before a
        // speech verb ("Samsung said", but not "Residents reached" or "Officials said").
        let plural_demonym = tok.text.strip_suffix('s').is_some_and(is_demonym);
        let camel = tok.text.chars().skip(1).any(char::is_uppercase);
        let common_start = tok.text.ends_with('s') || COMMON_SUBJECTS.contains(&tok.text);
        let speech = self.w.next_word(s + 1).is_some_and(|t| t.gap == Gap::Space && SPEECH.contains(&t.text));
        let proper = !sentence_start || camel || self.proper.contains(tok.text) || (speech && !common_start);
        let acts = self.verb_follows(s) || self.according_to(s) || self.agent(s) || self.asked(s, s);
        if typed || (!plural_demonym && proper && acts) {
            self.push(s, s, Label::Actor, "name", true);
            return s + 1;
        }
        s + 1
    }
}
