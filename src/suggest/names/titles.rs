//! Title cues: a title before a name, the title left out ("President Volodymyr Zelensky",
//! "the regional governor, Ivan Fedorenko", "a spokesman for Ukrenergo, Oleh Marchuk"), and
//! whether a name only modifies a title ("Kremlin spokesperson …").
//!
//! Not the list of titles itself, which is in `lists.rs`.

use crate::suggest::words::{is_function_word, Gap};

use super::gazetteer::Kind;
use super::lists::{is_name_word, is_title, is_verb, org_words, place_words, TITLE_NOT_SPLITTING, VENUES};
use super::{Finder, Label};

impl Finder<'_, '_> {
    /// Whether the name ending at `last` is followed by a title (it only modifies it, as in
    /// "Kremlin spokesperson Dmitry Peskov").
    pub(super) fn modifies_title(&self, last: usize) -> bool {
        self.w.next_word(last + 1).is_some_and(|t| t.gap == Gap::Space && is_title(t.text))
    }

    /// The last title in `[s, end]` as (first, last) token, multi-word titles whole.
    pub(super) fn last_title(&self, s: usize, end: usize) -> Option<(usize, usize)> {
        let mut found = None;
        let mut k = s;
        let final_word = self.w.toks[end].text;
        let building = VENUES.contains(&final_word) || place_words().contains(final_word);
        while k <= end {
            let t = &self.w.toks[k];
            let lower = t.text.to_lowercase();
            // "General" starts "Transport and General Workers Union" as it starts a name, and is
            // inside one that a building's word ends ("Lagos Island General Hospital", "the
            // Justice Palace").
            let starts = k == s || self.w.toks[k - 1].is("and");
            let splitting = is_title(t.text)
                && !(TITLE_NOT_SPLITTING.contains(&lower.as_str())
                    && k < end
                    && (building || starts && !self.is_person_like(k + 1, end)));
            if splitting {
                let mut last = k;
                // "Secretary of State", "Prime Minister", "Vice President".
                if lower == "secretary"
                    && self.w.get(k + 1).is_some_and(|t| t.is("of"))
                    && self.w.get(k + 2).is_some_and(|t| t.is("State"))
                {
                    last = k + 2;
                }
                found = Some((k, last));
                k = last + 1;
            } else {
                k += 1;
            }
        }
        found
    }

    fn is_person_like(&self, s: usize, end: usize) -> bool {
        (s..=end).all(|k| {
            let t = &self.w.toks[k];
            t.text.chars().skip(1).any(char::is_lowercase) && !org_words().contains(&t.text) && !is_title(t.text)
        })
    }

    /// A name right after token `at` or after a comma: "…, Ivan Fedorenko". Returns its range.
    pub(super) fn name_after(&self, at: usize) -> Option<(usize, usize)> {
        let w = self.w;
        let mut j = at + 1;
        let comma = w.get(j).is_some_and(|t| t.is(",") && t.gap == Gap::None);
        if comma {
            j += 1;
        }
        let first = w.get(j)?;
        if first.gap != Gap::Space || !is_name_word(first) {
            return None;
        }
        let lower = first.text.to_lowercase();
        // A heading capitalises its verbs: "Turkey’s Foreign Minister Says …" names nobody.
        if is_function_word(&lower) || is_title(first.text) || self.heading[j] && is_verb(&lower) {
            return None;
        }
        let end = self.sequence_end(j);
        if let Some(m) = self.g.match_at(w, j) {
            if m.last >= end && m.kind != Kind::Org {
                return None;
            }
        }
        if comma {
            // An apposition ends at punctuation, a line end or a verb.
            let after = w.get(end + 1);
            let closed = after.is_none_or(|t| !t.is_word() || t.gap == Gap::Line || is_verb(t.text));
            if !closed {
                return None;
            }
        }
        Some((j, end))
    }

    /// After a title ending at `title_end`: the name it introduces, pushed as an actor.
    pub(super) fn apposition(&mut self, title_end: usize) -> Option<usize> {
        let (first, end) = self.name_after(title_end)?;
        if self.w.toks[end].is_possessive() {
            return Some(end + 1);
        }
        self.push(first, end, Label::Actor, "title", true);
        Some(end + 1)
    }

    /// A lower-case title cue at `i`: "spokesperson Dmitri Volkov", "the regional governor,
    /// Ivan Fedorenko", "a spokesman for Ukrenergo, Oleh Marchuk".
    pub(super) fn title_cue(&mut self, i: usize) -> Option<usize> {
        let w = self.w;
        let tok = w.toks[i];
        if !is_title(tok.text) {
            return None;
        }
        // "chief negotiator": the title is the last word.
        if w.next_word(i + 1).is_some_and(|t| t.gap == Gap::Space && is_title(t.text) && t.is_lowercase_word()) {
            return None;
        }
        if let Some(next) = self.apposition(i) {
            return Some(next);
        }
        // "… for Ukrenergo, Oleh Marchuk"
        let link = w.next_word(i + 1).filter(|t| matches!(t.text, "for" | "of" | "at"))?;
        let _ = link;
        let mut j = i + 2;
        if w.get(j).is_some_and(|t| t.is("the")) {
            j += 1;
        }
        let org = w.get(j).filter(|t| t.gap == Gap::Space && is_name_word(t))?;
        let _ = org;
        let org_end = self.sequence_end(j);
        let (name_first, name_end) = self.name_after(org_end)?;
        if !w.get(org_end + 1).is_some_and(|t| t.is(",")) {
            return None;
        }
        match self.g.match_at(w, j) {
            Some(m) if m.last == org_end && m.kind != Kind::Org => {}
            _ => self.push(j, org_end, Label::Actor, "title", j == org_end),
        }
        self.push(name_first, name_end, Label::Actor, "title", true);
        Some(name_end + 1)
    }
}
