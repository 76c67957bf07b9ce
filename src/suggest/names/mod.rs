//! Names: actors and locations (guidelines, "actor" and "location").
//!
//! Where names come from:
//! - **Gazetteers** in `data/gazetteers/` (countries, cities, regions and seas, organisations,
//!   demonyms), compiled into one lookup on first use; the longest entry wins ("Saudi Arabia",
//!   "Bank of England", "The Hague" with its article).
//! - **Title cues**: a title followed by a name, the title left out ("President **Volodymyr
//!   Zelensky**", "Kremlin spokesperson **Dmitry Peskov**", "the regional governor, **Ivan
//!   Fedorenko**", "a spokesman for **Ukrenergo**, **Oleh Marchuk**"). A title used alone after
//!   a nationality is itself the actor ("the **Russian Deputy Foreign Minister**").
//! - **Capitalised sequences** of two or more words ("**Carolina Reyes**", "**Rapid Support
//!   Forces**"), also at a sentence start unless the first word is a function word ("The", "In");
//!   a location when it ends in a place word ("Sea", "River") or follows "in", "near", "city of";
//!   an actor otherwise. A place frame ("in", "near", "the city of", "fled from", "strikes on")
//!   makes an unknown word a location whatever verb follows ("the city of **Myrnohrad** was
//!   quiet"). A person's last name is then an actor at its other mentions ("Reyes
//!   said"). Unknown acronyms are actors ("**VDA**"); an unknown single word is a location after
//!   "in", "near", "outside" ("in **Tawila**"). Particles stay inside a person's name ("**Jean-Pierre
//!   de la Tour**"); a name with its armed group is one actor ("**M23 rebel group**",
//!   "**Séléka rebels**"). Runs that name events, competitions, treaties, storms, operations or
//!   things to read ("the Africa Cup of Nations", "Cyclone Mocha", "Sign up for The Ballot") are
//!   neither actors nor locations, nor is the month in "in May".
//! - **Places no gazetteer holds**, from the words around them: a town's particle ("Ústí nad
//!   Labem", "Kingston upon Hull"), its noun ("the Dyje river", "Prachatice district", "the
//!   Lhota warehouse"), a list ended by "and" after a place ("in Hinckley and Market Deeping"),
//!   "in the …" ("in the Algarve"), an apposition ("Pavlov, a farming town"), a road's number
//!   after "off the" ("the A30"). A town placed so once is a location at its other mentions and in
//!   the headings too ("Pavlov will reopen", "Floods Reach Pavlov"), unless it speaks there.
//! - **Bodies no gazetteer holds**: company and institution words ("Morwell Haulage", "Tenby
//!   Foods"), names joined by "and" to an institution's noun ("Transport and General Workers
//!   Union"), a place's own body ("the Brno city police"), the agent of a passive verb ("hosted by
//!   Mediat"); a judge's "Justice" and letters after a name ("KC", "MP") stay out of it.
//!
//! How a place is labelled, per mention:
//! - countries, cities and seats of power are **actors** when they act: subject of a verb
//!   ("**Russia** insists", "**Washington** was", "**Guyana**, which …, asked"), the agent after
//!   "by", the one asked ("urged **Russia**"), a party "between" in a dispute or talks or joined
//!   by a hyphen before them ("**Turkey**-**Syria** Summit"; "the Turkey-Syria border" is two
//!   locations); a list
//!   ("**China** and **Saudi Arabia** resisted") shares its label;
//! - otherwise countries and cities are **locations** ("in **Geneva**", "at **Ukraine**"), and
//!   seats of power ("Kremlin") actors unless after a preposition;
//! - regions, seas and rivers are always locations; organisations always actors;
//! - a possessive with a group noun is one actor span ("**Russia’s delegation**", "**Ukraine’s
//!   air force**"), as is a nationality with one ("the **Russian delegation**", "**U.S. and
//!   Brazilian officials**"); a nationality alone is nothing, and so is a country that only
//!   modifies a title followed by a name ("Ukraine’s chief negotiator, **Oksana Hrytsenko**");
//!   an unknown name's possessive with another noun marks the owner alone, without its "’s"
//!   ("**Pedro Sánchez**’s offer"), a known place's too ("**Kyiv**'s so-called …": an actor, a
//!   location before a part of its land, "**Ukraine**'s east"); a possessive before a named
//!   body is one actor with it ("**Salazar’s Socialists**", "**Malawi’s Constitutional Court**");
//! - in a Title Case heading (see [`super::page`]) only gazetteer names are looked up: its
//!   capitalised runs are not names.
//!
//! The files: [`gazetteer`](mod@gazetteer) (the lookup) and [`lists`] (the word lists) hold words only; the
//! Finder here runs [`scan`], which hands each token to [`sequence`] (where a run ends),
//! [`unknown`] (names in no gazetteer), [`bodies`] (groups and possessives) and [`titles`]
//! (title cues), all asking [`cues`] about the words around; then [`label`] decides each place
//! by its context and [`passes`] carries names to their other mentions.

mod bodies;
mod cues;
mod gazetteer;
mod label;
mod lists;
mod passes;
mod scan;
mod sequence;
mod titles;
mod unknown;

use std::collections::HashSet;
use std::ops::Range;

use super::figures;
use super::words::{Gap, Tok, Words};
use super::{within, Labels, Suggestion};
use gazetteer::{gazetteer, Gazetteer};

pub(crate) use gazetteer::{is_demonym, is_known_name};
pub(crate) use lists::is_title;

/// A name found, with the label it will get (`None`: a place whose label depends on context).
#[derive(Clone, Copy, Debug)]
struct Mention {
    first: usize,
    last: usize,
    label: Label,
    rule: &'static str,
    /// A person (or a one-word organisation): its last word is then an actor at its other
    /// mentions.
    person: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Label {
    Actor,
    Location,
    /// A country or city: an actor when it acts, else a location.
    Place,
    /// A seat of power: an actor unless after a preposition.
    Seat,
    /// A place no gazetteer holds (a small town, a river, "Kingston upon Hull"): a location
    /// unless it speaks ("X said"), as a town council might.
    Town,
}

struct Finder<'w, 't> {
    w: &'w Words<'t>,
    g: &'static Gazetteer,
    mentions: Vec<Mention>,
    /// Words that stand capitalised somewhere other than at a sentence start: proper nouns.
    proper: HashSet<&'t str>,
    /// Per token: it stands in a Title Case heading, where capitals say nothing.
    heading: Vec<bool>,
    /// First tokens of capitalised runs that the context says are no actor or place here: an
    /// event, a company's shares, a name that only modifies a title.
    not_names: Vec<usize>,
    /// Per token: it comes right after a wire dateline's dash, where a story's first sentence
    /// starts.
    after_dateline: Vec<bool>,
}

/// A wire dateline at token `i`, the start of a paragraph ("KYIV, Ukraine (AP) —", "Namche
/// Bazaar, Dec 6:"): the token after its dash or colon.
fn dateline_end(w: &Words, i: usize) -> Option<usize> {
    dated_place_end(w, i).or_else(|| capitals_dateline_end(w, i))
}

/// A dateline of a place in Title Case and a date: "Miercurea Ciuc, 2 December –", "Namche
/// Bazaar, Dec 6:".
fn dated_place_end(w: &Words, i: usize) -> Option<usize> {
    if w.toks[i].gap != Gap::Line {
        return None;
    }
    let comma = (i..(i + 4).min(w.len()))
        .take_while(|&k| w.toks[k].is_capitalised() && (k == i || w.toks[k].gap == Gap::Space))
        .last()
        .map(|k| k + 1)
        .filter(|&k| w.get(k).is_some_and(|t| t.is(",") && t.gap == Gap::None))?;
    let date: Vec<usize> = (comma + 1..(comma + 4).min(w.len())).collect();
    let month = date.iter().any(|&k| figures::is_month(&w.toks[k]));
    let day = date.iter().any(|&k| w.toks[k].text.chars().all(|c| c.is_ascii_digit()));
    if !(month && day) {
        return None;
    }
    separator_end(w, comma + 2..(comma + 6).min(w.len()), true)
}

/// A dateline whose place is in capitals: "KYIV, Ukraine (AP) —".
fn capitals_dateline_end(w: &Words, i: usize) -> Option<usize> {
    let tok = &w.toks[i];
    // The place may be several short words: "HO CHI MINH CITY, March 27 (Reuters) —".
    let caps = |t: &Tok| {
        t.is_word()
            && t.text.chars().any(char::is_alphabetic)
            && t.text.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase)
    };
    let letters: usize = (i..(i + 5).min(w.len()))
        .take_while(|&k| caps(&w.toks[k]) && (k == i || w.toks[k].gap == Gap::Space))
        .map(|k| w.toks[k].text.chars().filter(|c| c.is_alphabetic()).count())
        .sum();
    if tok.gap != Gap::Line || !caps(tok) || letters < 3 {
        return None;
    }
    separator_end(w, i + 1..(i + 12).min(w.len()), false)
}

/// The token after the dash (or, with `colon`, the colon) that ends a dateline within `range`
/// of its line.
fn separator_end(w: &Words, range: Range<usize>, colon: bool) -> Option<usize> {
    range
        .take_while(|&k| w.toks[k].gap != Gap::Line)
        .find(|&k| {
            let t = &w.toks[k];
            matches!(t.text, "—" | "–" | "--") || colon && t.is(":") || t.is("-") && t.gap == Gap::Space
        })
        .map(|k| k + 1)
}

/// Names in `w`; `headings` are the code-point ranges of its heading lines (see
/// [`super::page`]), sorted. Returns where a capitalised run starts that the words around say
/// is no name there ("Shares in Stellaris Motors", "Halvik spokeswoman Mia Ross"), as code
/// points: a string learned as a name is not one there either.
pub(super) fn find(w: &Words, labels: &Labels, headings: &[Range<usize>], out: &mut Vec<Suggestion>) -> Vec<usize> {
    // "ROME (AP) — Rescuers said …": the word after a dateline starts the story's sentence.
    let mut after_dateline = vec![false; w.len()];
    for i in (0..w.len()).filter(|&i| w.toks[i].gap == Gap::Line) {
        if let Some(next) = dateline_end(w, i).filter(|&next| next < w.len()) {
            after_dateline[next] = true;
        }
    }
    let proper = w
        .toks
        .iter()
        .enumerate()
        .filter(|(i, t)| !t.sentence_start && !after_dateline[*i] && t.is_capitalised() && !within(headings, t.start))
        .map(|(_, t)| t.base())
        .collect();
    let heading = w.toks.iter().map(|t| !headings.is_empty() && within(headings, t.start)).collect();
    let mut f =
        Finder { w, g: gazetteer(), mentions: Vec::new(), proper, heading, not_names: Vec::new(), after_dateline };
    let mut i = 0;
    while i < w.len() {
        i = f.step(i);
    }
    f.label_places();
    f.place_listed_towns();
    f.propagate_surnames();
    f.drop_names_taken_for_places();
    f.propagate_places();
    f.propagate_roads();
    for m in &f.mentions {
        let label = match m.label {
            Label::Actor => &labels.actor,
            Label::Location => &labels.location,
            Label::Place | Label::Seat | Label::Town => continue,
        };
        // A name's "’s" stays out of its span ("Pedro Sánchez’s offer"); a group keeps the
        // possessive inside it ("Ukraine’s air force") and so never ends with one.
        let last = &w.toks[m.last];
        let end = if last.is_possessive() { last.end - 2 } else { last.end };
        out.push(Suggestion { start: w.toks[m.first].start, end, label: label.clone(), rule: m.rule });
    }
    f.not_names.iter().map(|&k| w.toks[k].start).collect()
}

impl Finder<'_, '_> {
    fn tok(&self, i: usize) -> Option<&Tok<'_>> {
        self.w.get(i)
    }

    fn push(&mut self, first: usize, last: usize, label: Label, rule: &'static str, person: bool) {
        if rule == "group" && self.describes_person(first, last) {
            return;
        }
        self.mentions.push(Mention { first, last, label, rule, person });
    }

    /// "Franco Ledesma, their Uruguayan striker,", "Kunle Adebayo, BlueCrest's managing
    /// director.": a description set off after a person's name is that person, no second actor
    /// (a list goes on after it: "Ana Lima, the Russian delegation and NATO").
    fn describes_person(&self, first: usize, last: usize) -> bool {
        let w = self.w;
        let determiner = first >= 1 && ["their", "his", "her", "its", "the"].contains(&w.toks[first - 1].text);
        let comma = first - usize::from(determiner);
        let set_off = comma >= 1 && w.toks[comma - 1].is(",");
        let closed = w.get(last + 1).is_none_or(|t| t.gap == Gap::Line || [",", ".", ";", ")"].contains(&t.text));
        set_off && closed && self.mentions.last().is_some_and(|m| m.person && m.last + 2 == comma)
    }
}
