//! Places no gazetteer holds, known by the words around or inside them: the frames of the name
//! rules in [`super::names`] that say "where" for a name they would otherwise take for a person
//! or a company.
//!
//! - a **place word first**, as many languages name streets, squares, estates, salt flats,
//!   passes, glens and gulfs ("Avenida Paulista", "Praça da Sé", "Salar de Uyuni", "Glen
//!   Coe", "Gulf of Aden"), where English puts it last ("Maidan Square");
//! - a **way there**: a verb of moving or a route before "to" ("flown to Pemba", "the road to
//!   Kitale", "a detour through Kinlochleven"), and a few prepositions that only place
//!   ("above Ruse", "upstream of Mohács");
//! - a **road by its two ends** ("the Makurdi–Naka road");
//! - a **road by its number** with a hyphen ("the BR-101", "the I-95"), and every other
//!   mention of a road number that a frame placed once ("A9 Closed Again" under "the A9 through
//!   Dalwhinnie").

use std::collections::HashSet;

use super::words::{Gap, Words};

/// First words of a place's name in the languages news names places in: a street, a square,
/// an estate, a natural feature.
#[rustfmt::skip]
const PLACE_HEADS: &[&str] = &[
    "Avenida", "Rua", "Calle", "Carrera", "Paseo", "Plaza", "Praça", "Piazza", "Piazzale", "Largo", "Rambla",
    "Boulevard", "Ulica", "Aleja", "Quinta", "Hacienda", "Fazenda", "Estancia", "Salar", "Paso", "Cerro", "Sierra",
    "Serra", "Monte", "Lago", "Laguna", "Río", "Rio", "Glen", "Loch", "Strath", "Mount", "Gulf", "Bay", "Cape",
    "Isle", "Lake", "Ciudad", "Puerto", "Vila", "Vale", "Wadi", "Oued", "Alto", "Jebel", "Bukit", "Gunung", "Teluk", "Pulau",
    "Sungai", "Jalan", "Kampung", "Tasik", "Corso", "Viale", "Rue", "Sala", "Estadio", "Stadio", "Stade", "Stadion",
];

/// Whether `word` starts a place's name: "Avenida" of "Avenida Angamos".
pub(super) fn is_place_head(word: &str) -> bool {
    PLACE_HEADS.contains(&word)
}

/// Words before "to" that say a place follows: moving there or the way there.
#[rustfmt::skip]
const TOWARDS: &[&str] = &[
    "flown", "flew", "taken", "took", "driven", "drove", "moved", "sent", "airlifted", "evacuated", "transferred",
    "travelled", "traveled", "returned", "fled", "headed", "heading", "bound", "deported", "relocated", "shipped",
    "road", "route", "highway", "motorway", "railway", "line", "journey", "trip", "flights", "flight", "trains",
    "ferry", "ferries", "buses", "border", "way",
];

/// Prepositions that place what follows, though too rare to be strong cues elsewhere: "above
/// Ruse", "through Kinlochleven", "upstream of Mohács".
const PLACING: &[&str] = &["above", "below", "beneath", "via", "upstream", "downstream"];

/// Words of moving before "through", which else passes through a channel ("through Frontex",
/// "through Parliament"): "a detour through Tyndrum", "the river flows through Ruse".
#[rustfmt::skip]
const THROUGH_AFTER: &[&str] = &[
    "detour", "diversion", "route", "road", "way", "journey", "trip", "passes", "passed", "pass", "runs", "ran",
    "run", "flows", "flowed", "flow", "winds", "drove", "driven", "drive", "travelled", "traveled", "diverted",
    "rerouted", "marched", "walked", "swept", "tore", "cuts", "cut",
];

/// Words before "between" that make its two ends places: "the road between Skibotn and
/// Olderdalen", "the ferry between …" (beside those of [`TOWARDS`]).
#[rustfmt::skip]
const BETWEEN_AFTER: &[&str] = &[
    "section", "stretch", "lorries", "trucks", "traffic", "crossing", "crossings", "link", "connection", "service",
    "services", "departures", "distance", "drive", "walk", "trek", "stage", "track", "tunnel", "bridge", "pipeline",
];

/// Whether the words before token `s` put a place there: "flown to", "the road to", "above",
/// "the ferry between … and".
pub(super) fn way_there(w: &Words, s: usize) -> bool {
    let word = |k: usize| w.toks[k].text.to_lowercase();
    if s == 0 || w.toks[s].gap != Gap::Space {
        return false;
    }
    let prev = word(s - 1);
    if PLACING.contains(&prev.as_str()) {
        return true;
    }
    let through = prev == "through" && s >= 2 && THROUGH_AFTER.contains(&word(s - 2).as_str());
    let of = prev == "of" && s >= 2 && matches!(word(s - 2).as_str(), "upstream" | "downstream");
    let to = prev == "to" && s >= 2 && TOWARDS.contains(&word(s - 2).as_str());
    let way = |k: usize| TOWARDS.contains(&word(k).as_str()) || BETWEEN_AFTER.contains(&word(k).as_str());
    let between = prev == "between" && s >= 2 && way(s - 2);
    let and_between = prev == "and" && s >= 4 && word(s - 3) == "between" && way(s - 4);
    through || of || to || between || and_between || from_to(w, s)
}

/// Nouns before "from X to Y" that make X and Y places: a way, or the places in between
/// ("a rail link from Tavan Tolgoi to the border", "seven towns from Arizpe to Ures").
#[rustfmt::skip]
const SPAN_HEADS: &[&str] = &[
    "towns", "villages", "cities", "communities", "settlements", "stations", "ports", "link", "links", "services",
    "stretch", "corridor", "pipeline", "canal",
];

/// Whether the name at `s` is an end of "<way> from X to Y".
fn from_to(w: &Words, s: usize) -> bool {
    let word = |k: usize| w.toks[k].text.to_lowercase();
    let head = |k: usize| TOWARDS.contains(&word(k).as_str()) || SPAN_HEADS.contains(&word(k).as_str());
    let from = match word(s - 1).as_str() {
        "from" => Some(s - 1),
        // The second end: back over the first's words to its "from".
        "to" => {
            let mut k = s - 1;
            while k > 0 && w.toks[k - 1].is_capitalised() && w.toks[k].gap == Gap::Space && k + 5 > s {
                k -= 1;
            }
            (k + 1 < s && k > 0 && word(k - 1) == "from").then(|| k - 1)
        }
        _ => None,
    };
    let Some(from) = from else { return false };
    let to_follows = (from + 2..(from + 6).min(w.len())).any(|k| w.toks[k].is("to"));
    from > 0 && head(from - 1) && (word(s - 1) == "to" || to_follows)
}

/// Words after "the" and a road's number that say it is the road: "the A9 through …".
const ROUTE_AFTER: &[&str] =
    &["through", "between", "past", "linking", "connecting", "towards", "via", "along", "from", "over", "across"];

/// A road's number written with a hyphen at token `i` ("BR-101", "I-95", "N-340"): its last
/// token.
pub(super) fn hyphened_road(w: &Words, i: usize) -> Option<usize> {
    let letters = w.toks[i].text;
    let (dash, number) = (w.get(i + 1)?, w.get(i + 2)?);
    let code = (1..=3).contains(&letters.len()) && letters.chars().all(|c| c.is_ascii_uppercase());
    let numbered = (1..=4).contains(&number.text.len()) && number.text.chars().all(|c| c.is_ascii_digit());
    (code && dash.is("-") && dash.gap == Gap::None && number.gap == Gap::None && numbered).then_some(i + 2)
}

/// Lower-case nouns of a way named by the places it joins.
const WAYS: &[&str] =
    &["road", "highway", "railway", "motorway", "expressway", "route", "line", "pipeline", "corridor"];

/// A road named by its two ends at token `i` ("the Makurdi–Naka road", "the Ifakara-Mlimba
/// highway"): one place with its noun; its last token.
pub(super) fn road_between(w: &Words, i: usize) -> Option<usize> {
    let (first, dash, second, noun) = (w.get(i)?, w.get(i + 1)?, w.get(i + 2)?, w.get(i + 3)?);
    let capitalised = |t: &super::words::Tok| t.is_capitalised() && t.is_word();
    let joined = matches!(dash.text, "–" | "-") && dash.gap == Gap::None && second.gap == Gap::None;
    (capitalised(first) && joined && capitalised(second) && noun.gap == Gap::Space && WAYS.contains(&noun.text))
        .then_some(i + 3)
}

/// Whether the road number ending at `last` goes on to say where it runs: "the A9 through …".
pub(super) fn route_follows(w: &Words, last: usize) -> bool {
    w.next_word(last + 1).is_some_and(|t| t.gap == Gap::Space && ROUTE_AFTER.contains(&t.text))
}

/// The other mentions of the road numbers in `placed` (each the text of a road a frame
/// placed), as (first, last) tokens, outside `covered`: "A9 Closed Again" in a heading.
pub(super) fn other_road_mentions(w: &Words, placed: &HashSet<&str>, covered: &[bool]) -> Vec<(usize, usize)> {
    if placed.is_empty() {
        return Vec::new();
    }
    (0..w.len())
        .filter(|&k| !covered[k] && placed.contains(w.toks[k].text))
        .filter(|&k| w.get(k + 1).is_none_or(|t| t.gap != Gap::None || !t.is("-")))
        .map(|k| (k, k))
        .collect()
}
