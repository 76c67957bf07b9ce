//! Where a capitalised run ends: its abbreviations, hyphens, particles and connectors ("Bank
//! of England", "Jean-Pierre de la Tour"), and a run joined by "and" to an institution's noun
//! ("Food and Drug Administration").
//!
//! Only the extent of a run; what it is (actor, location, nothing) is decided by the callers.

use crate::suggest::words::{is_dotted_abbreviation, is_function_word, Gap};

use super::gazetteer::{Kind, Match};
use super::lists::{is_acronym, is_name_word, is_place_particle, org_words, INSTITUTIONS, OF_HEADS, POSTNOMINALS};
use super::Finder;

/// Organisation words that also name a ministry's field: "Ministry of Hydrocarbons and Energy",
/// "Department of Environment and Natural Resources".
const FIELDS: &[&str] = &["Energy", "Resources"];

/// Words before a field that keep it a field ("Natural Resources"), where a name would make it a
/// firm ("Shell Energy").
const FIELD_ADJECTIVES: &[&str] = &["Natural", "Mineral", "Renewable", "Water", "Marine", "Human", "Nuclear", "Atomic"];

impl Finder<'_, '_> {
    /// The last token of the capitalised sequence starting at `i`.
    pub(super) fn sequence_end(&self, i: usize) -> usize {
        let w = self.w;
        let mut last = i;
        loop {
            if w.toks[last].is_possessive() {
                return last;
            }
            // "U.S." / "J." keep their full stop; then the name may go on.
            let mut end = last;
            let abbreviated = is_dotted_abbreviation(w.toks[end].text) || matches!(w.toks[end].text, "Jr" | "Sr");
            if w.get(end + 1).is_some_and(|t| t.is(".") && t.gap == Gap::None) && abbreviated {
                end += 1;
            }
            // Hyphenated: "Guinea-Bissau", "al-Sharaa", "Rostov-on-Don".
            if end == last {
                if let (Some(dash), Some(part)) = (w.get(last + 1), w.get(last + 2)) {
                    // "Guinea-Bissau", "Rostov-on-Don", "al-Sharaa"; not "Taiwan-based".
                    let particle = matches!(part.text, "on" | "sur" | "de" | "le" | "la" | "al" | "el" | "upon")
                        && w.get(last + 3).is_some_and(|t| t.is("-") && t.gap == Gap::None);
                    let joins = part.is_capitalised() || particle;
                    if dash.is("-") && dash.gap == Gap::None && part.gap == Gap::None && part.is_word() && joins {
                        last += 2;
                        continue;
                    }
                }
            }
            let Some(next) = w.get(end + 1) else { return end };
            // "the Morowali Metal Workers' Union": a plural's possessive inside a body's name,
            // which goes on to its organisation word ("Corvane Logistics' Brno depot" is two).
            let body = |k: usize| {
                w.get(k).is_some_and(|t| t.gap == Gap::Space && is_name_word(t) && org_words().contains(&t.text))
            };
            let plural_possessive = matches!(next.text, "'" | "’")
                && next.gap == Gap::None
                && w.toks[end].text.ends_with('s')
                && w.get(end + 2).is_some_and(|t| t.gap == Gap::Space && is_name_word(t))
                && (body(end + 2) || body(end + 3))
                && self.heading.get(end + 2) == Some(&false);
            if plural_possessive {
                last = end + 2;
                continue;
            }
            if next.gap != Gap::Space {
                return end;
            }
            if is_name_word(next) && !POSTNOMINALS.contains(&next.base()) {
                last = end + 1;
                continue;
            }
            // "Veld & Vine", "Marks & Spencer": one firm (not "Kenya & Uganda", two places).
            let ampersand = next.is("&")
                && w.get(end + 2).is_some_and(|t| t.gap == Gap::Space && is_name_word(t))
                && self.g.match_at(w, end).is_none()
                && self.g.match_at(w, end + 2).is_none();
            if ampersand {
                last = end + 2;
                continue;
            }
            // Connectors inside names: "Bank of England", "Organization for Migration".
            let connector = matches!(
                next.text,
                "of" | "for"
                    | "on"
                    | "de"
                    | "del"
                    | "da"
                    | "do"
                    | "das"
                    | "di"
                    | "dei"
                    | "della"
                    | "delle"
                    | "degli"
                    | "dos"
                    | "van"
                    | "von"
                    | "bin"
                    | "ibn"
                    | "al"
                    | "la"
                    | "le"
                    | "du"
                    | "der"
            ) || is_place_particle(next.text);
            if connector {
                let joins_org = matches!(next.text, "of" | "for" | "on") && OF_HEADS.contains(&w.toks[end].text)
                    || !matches!(next.text, "of" | "for" | "on");
                let mut after = end + 2;
                if w.get(after).is_some_and(|t| t.is("the") && t.gap == Gap::Space) && next.is("of") {
                    after += 1;
                }
                // A second particle: "Jean-Pierre de la Tour", "Ana de los Ríos", "van der Berg".
                let second = matches!(next.text, "de" | "van" | "von" | "an" | "ob")
                    && w.get(after).is_some_and(|t| {
                        t.gap == Gap::Space && matches!(t.text, "la" | "las" | "los" | "der" | "den" | "le")
                    });
                if second {
                    after += 1;
                } else if matches!(next.text, "an" | "ob") {
                    return end;
                }
                if joins_org && w.get(after).is_some_and(|t| t.gap == Gap::Space && is_name_word(t)) {
                    last = after;
                    continue;
                }
            }
            return end;
        }
    }

    /// "Transport and General Workers Union", "Food and Drug Administration": a capitalised run
    /// `s..=end` joined by "and" to one that ends in an institution's noun is one name with it.
    /// Returns the institution's last token.
    /// Whether `[first, last]` names a field, not a firm: "Energy", "Natural Resources".
    fn is_field(&self, first: usize, last: usize) -> bool {
        let w = self.w;
        FIELDS.contains(&w.toks[last].text)
            && (first == last || first + 1 == last && FIELD_ADJECTIVES.contains(&w.toks[first].text))
    }

    pub(super) fn and_joined_body(&self, s: usize, end: usize) -> Option<usize> {
        let w = self.w;
        if !w.get(end + 1).is_some_and(|t| t.is("and") && t.gap == Gap::Space) {
            return None;
        }
        let first = w.get(end + 2).filter(|t| t.gap == Gap::Space && is_name_word(t))?;
        if is_function_word(&first.text.to_lowercase()) || self.heading[end + 2] {
            return None;
        }
        let last = self.sequence_end(end + 2);
        let left_named = INSTITUTIONS.contains(&w.toks[end].text) || (s..=end).any(|k| w.toks[k].is_possessive());
        // A nationality opens a body's name ("Norwegian Water Resources and Energy Directorate");
        // a known name is a body of its own ("the Ministry of Defence and NATO").
        let named = |m: Match| m.kind != Kind::Demonym;
        let known = self.g.match_at(w, s).is_some_and(named)
            || self.g.match_at(w, end + 2).is_some_and(|m| named(m) && m.last >= last);
        let institution = INSTITUTIONS.contains(&w.toks[last].text);
        // "Ministry of Agriculture and Environment", "Institute of Meteorology and Water
        // Management": an institution "of" two fields names both; not when the second is a
        // body of its own ("the Ministry of Defence and the Foreign Office").
        let head = if is_function_word(&w.toks[s].text.to_lowercase()) { s + 1 } else { s };
        let of_fields = end >= head + 2
            && INSTITUTIONS.contains(&w.toks[head].text)
            && w.toks[head + 1].is("of")
            && last - end <= 3
            && !(end + 2..=last).any(|k| {
                let word = w.toks[k].text;
                org_words().contains(&word) && !self.is_field(end + 2, last) || is_acronym(word)
            });
        let joined = institution && !left_named && !known && end - head < 4;
        (joined || of_fields && !known).then_some(last)
    }
}
