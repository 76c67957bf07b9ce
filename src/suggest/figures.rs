//! Figures: numbers that count or measure something, with what they count (guidelines, "figure").
//!
//! A figure is, in order:
//! 1. an optional approximation word right before ("nearly", "over", "about", "at least",
//!    "almost", "more than", "up to", "some", "around", "roughly", "between … and …", …);
//! 2. the number: digits with thousands separators and decimals ("1,250", "2.5"), spelled out
//!    ("nine", "twenty-five", "two million", "a dozen"), vague counts with their noun
//!    ("hundreds of lives", "tens of thousands of people"), a range ("10-15", "10 to 15",
//!    "two or three", "between 5 and 10"), with a currency sign before ("$5 million", "€2.5bn");
//! 3. what it counts or measures: a percent ("19 percent", "40%", "2.8 percentage points"),
//!    or a noun phrase of at most three words ending at its head noun — a unit or a plural
//!    ("126 long-range drones", "1,250 kilometers", "over four hours", "10,000 new police
//!    officers"). Prepositional phrases and rates are left out ("barrels" of "650,000 barrels a
//!    day"). Money ends at its amount ("$68" of "$68 a barrel"; "R5,000", "Sh4 billion",
//!    "320 kwacha").
//!
//! Also figures: shares of a whole, which a percentage would give too ("roughly half", "a third
//! of", "two-thirds", "one in five adults"); scores and tallies ("won 2-1", "voted 12-3"); and
//! a bare number that counts what the story named before it, as the subject of a clause
//! ("Twenty-four were rescued; nine remain missing") or a level after a verb of change ("rose
//! to 41, up from 27"); "one" with the singular noun it counts where it opens a clause or
//! follows an approximation or a verb ("One soldier died", "at least one death"); more of the
//! same ("at least two others"); and a vague count alone ("Dozens were injured").
//!
//! Left out: dates ("February 24, 2022", "24 February", a year such as "2022" or "the 1899
//! award"), times of day ("10:30", "5 p.m."), ordinals ("third", "21st"), decades ("1990s"),
//! numbers in names ("COP30", "F-16", "Boeing 737", "Covid-19", "No. 10"), number-unit
//! adjectives ("a four-year term", "27-year-old"), "one" used as a pronoun ("one of the"),
//! relative dates ("two years ago"), halves that are a place or a time ("the second half", "an
//! hour and a half") and other bare numbers ("won 47").

use std::ops::Range;

use super::words::{is_function_word, lower, word_set, Gap, Tok, Words};
use super::{within, Labels, Suggestion};

#[rustfmt::skip]
const SMALL: &[&str] = &[
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty", "forty",
    "fifty", "sixty", "seventy", "eighty", "ninety",
];

const MAGNITUDES: &[&str] =
    &["hundred", "thousand", "million", "billion", "trillion", "dozen", "lakh", "lakhs", "crore", "crores"];
const MAGNITUDE_ABBREVIATIONS: &[&str] = &["bn", "mn", "m", "tn", "trn", "k", "b"];
const VAGUE: &[&str] = &["dozens", "hundreds", "thousands", "millions", "billions", "tens", "scores"];

#[rustfmt::skip]
const CURRENCY: &[&str] = &[
    "$", "€", "£", "¥", "₹", "₽", "₴", "₩", "₺", "₦", "₪", "฿", "₱", "৳", "₫", "₵", "₸", "₮", "₲",
];

/// Whether `text` starts with a currency's sign: what "NZ" in "NZ$41.6 million" is glued to.
pub(super) fn starts_with_sign(text: &str) -> bool {
    CURRENCY.iter().any(|sign| text.starts_with(sign))
}
/// Letters that prefix "$": "US$", "C$", "A$", "HK$", "NZ$", "S$", "R$".
const DOLLAR_PREFIXES: &[&str] = &["US", "C", "A", "HK", "NZ", "S", "R"];
/// Currency abbreviations written before the amount, glued to it ("R5,000", "Sh4 billion",
/// "Rs20", "RM1.8 billion") or apart ("Rs 20 crore", "KSh 300", "Shs 350,000"), some with a
/// full stop ("Rs. 600 million"); glued ones are one token with the digits.
const CURRENCY_ABBREVIATIONS: &[&str] = &["Rs", "KSh", "Shs", "Sh", "Rp", "RM", "R"];
/// Currency codes and abbreviations only taken apart from the amount ("NOK 1.9 billion", "Tk
/// 2,000"): glued, letters and digits name too much else ("COP30", "TL5").
#[rustfmt::skip]
const CURRENCY_CODES: &[&str] = &[
    "USh", "TSh", "Tk", "TL", "Br", "NOK", "SEK", "DKK", "ISK", "CHF", "ZAR", "INR", "PKR", "LKR", "BDT", "KES",
    "UGX", "TZS", "ETB", "NGN", "GHS", "MXN", "BRL", "PEN", "CLP", "ARS", "BOB", "TRY", "RUB", "UAH", "PLN", "CZK",
    "HUF", "RON", "GEL", "KZT", "MNT", "MYR", "IDR", "VND", "THB", "EGP", "MAD", "AUD", "CAD", "NZD", "JPY", "CNY",
    "EUR", "GBP", "USD", "NPR", "XOF", "XAF", "JMD", "FJD", "JOD", "KRW", "UZS", "GTQ", "PHP", "SGD", "HKD", "TWD",
    "AED", "QAR", "KWD", "ILS", "DZD", "TND", "RWF", "MWK", "ZMW", "MZN", "BWP", "NAD", "UYU", "PYG", "DOP", "KHR",
    "LAK", "MMK", "AFN", "AZN", "RSD", "BGN", "CFA", "OMR", "BHD", "LBP", "IQD", "IRR", "SYP", "YER", "SDG", "SSP",
    "SOS", "DJF", "MGA", "SCR", "MUR", "MVR", "BND", "BTN", "NIO", "HNL", "TTD", "BBD", "BSD", "BZD", "XCD", "GYD",
    "SRD", "VES",
];

word_set!(fn currency_codes = CURRENCY_CODES);

/// Whether `word` is a currency's code or abbreviation ("GEL", "KES", "Rs"): no name.
pub(super) fn is_currency_code(word: &str) -> bool {
    currency_codes().contains(word) || CURRENCY_ABBREVIATIONS.contains(&word)
}

/// The digits of a token that starts with a currency abbreviation ("R5,000" → "5,000"). A lone
/// "R" also names roads and models ("R40"), so it takes only amounts with a thousands separator,
/// cents or a magnitude, glued or the next word ("R5,000", "R41.80", "R2bn", "R1.1 billion").
fn after_currency_abbreviation(text: &str, magnitude_next: impl Fn() -> bool) -> Option<&str> {
    let (abbreviation, rest) =
        CURRENCY_ABBREVIATIONS.iter().find_map(|a| text.strip_prefix(a).map(|rest| (*a, rest)))?;
    let (_, suffix, _) = digits(rest)?;
    let cents = rest.split_once('.').is_some_and(|(_, c)| c.len() == 2 && c.chars().all(|c| c.is_ascii_digit()));
    let amount_like =
        abbreviation != "R" || rest.contains(',') || cents || suffix == Suffix::Magnitude || magnitude_next();
    amount_like.then_some(rest)
}

/// Longest first, so "no fewer than" wins over "fewer than".
const APPROXIMATIONS: &[&[&str]] = &[
    &["no", "fewer", "than"],
    &["no", "more", "than"],
    &["as", "many", "as"],
    &["as", "much", "as"],
    &["as", "few", "as"],
    &["more", "than"],
    &["less", "than"],
    &["fewer", "than"],
    &["up", "to"],
    &["at", "least"],
    &["at", "most"],
    &["close", "to"],
    &["an", "estimated"],
    &["just", "over"],
    &["just", "under"],
    &["well", "over"],
    &["nearly"],
    &["over"],
    &["about"],
    &["almost"],
    &["some"],
    &["around"],
    &["roughly"],
    &["approximately"],
    &["under"],
    &["above"],
    &["barely"],
    &["minus"],
];

/// Units and measures that are heads of a figure's noun phrase in the singular too.
#[rustfmt::skip]
const UNITS: &[&str] = &[
    "percent", "second", "seconds", "minute", "minutes", "hour", "hours", "day", "days", "week", "weeks", "month",
    "months", "year", "years", "decade", "decades", "century", "centuries", "kilometre", "kilometres", "kilometer",
    "kilometers", "km", "mile", "miles", "metre", "metres", "meter", "meters", "m", "cm", "mm", "foot", "feet", "ft",
    "inch", "inches", "yard", "yards", "kilogram", "kilograms", "kg", "gram", "grams", "g", "tonne", "tonnes", "ton",
    "tons", "pound", "pounds", "lb", "lbs", "litre", "litres", "liter", "liters", "barrel", "barrels", "gallon",
    "gallons", "degree", "degrees", "hectare", "hectares", "acre", "acres", "knot", "knots", "mph", "kph", "MW", "GW",
    "kW", "kWh", "MWh", "GWh", "TWh", "lux", "watt", "watts", "megawatt", "megawatts", "gigawatt", "gigawatts", "volt",
    "volts", "point", "points", "dollar", "dollars", "euro", "euros", "yen", "yuan", "rouble", "roubles", "ruble",
    "rubles", "hryvnia", "hryvnias", "rupee", "rupees", "franc", "francs", "peso", "pesos", "USD", "EUR", "GBP",
    "person", "child", "kwacha", "naira", "rand", "shilling", "shillings", "cedi", "cedis", "birr", "dirham",
    "dirhams", "riyal", "riyals", "dinar", "dinars", "lira", "rupiah", "ringgit", "baht", "taka", "krona", "kronor",
    "krone", "kroner", "zloty", "zlotys", "forint", "forints", "renminbi", "reais", "soles", "bolivars",
    "koruna", "korunas", "crowns", "leu", "lei", "lev", "leva", "kuna", "denar", "denars", "lari", "dram", "drams",
    "manat", "tenge", "somoni", "afghani", "afghanis", "kyat", "riel", "rial", "rials", "pula", "kwanza", "leone",
    "leones", "dalasi", "ariary", "ouguiya", "quetzal", "quetzales", "lempira", "lempiras", "colones", "cordobas",
    "guarani", "guaranis", "sterling", "dong", "kip", "tugrik", "som", "kronur", "krónur", "króna", "meticais",
    "metical", "guaraníes", "ngultrum",
];

/// Plural heads that do not end in "s".
#[rustfmt::skip]
const IRREGULAR_PLURALS: &[&str] = &[
    "people", "children", "men", "women", "police", "personnel", "staff", "cattle", "sheep", "aircraft", "livestock",
    "deer", "fish", "teeth", "mice", "geese", "crew",
];

/// Words ending in "s" that are not plural nouns (or are not what a figure counts).
#[rustfmt::skip]
const NOT_PLURAL: &[&str] = &[
    "this", "has", "was", "is", "its", "his", "hers", "ours", "yours", "theirs", "as", "us", "yes", "thus", "plus",
    "less", "across", "unless", "whereas", "perhaps", "always", "sometimes", "besides", "towards", "afterwards",
    "says", "does", "goes", "gets", "makes", "takes", "news", "whereabouts", "lies", "means", "ones",
    "others", "its",
];

/// Units that make a number-unit adjective a figure: "a six-week truce", "a five-storey
/// building" (but not "a 27-year-old").
#[rustfmt::skip]
const ADJECTIVE_UNITS: &[&str] = &[
    "second", "minute", "hour", "day", "week", "month", "year", "decade", "kilometre", "kilometer", "km", "mile",
    "metre", "meter", "storey", "story", "floor", "seat", "member", "point", "percent", "tonne", "ton", "megawatt",
    "gigawatt", "lane", "bed", "room", "man", "person", "nation", "country", "party", "level", "litre", "liter",
    "gram", "kilogram", "hectare", "acre", "foot", "inch", "yard", "degree", "stage", "phase", "round", "game",
    "match", "lap", "page", "carriage",
];

/// Nouns after "the two", "the three" that name the parties of a story, not a quantity.
#[rustfmt::skip]
const PARTY_NOUNS: &[&str] = &[
    "sides", "countries", "leaders", "men", "women", "parties", "nations", "governments", "teams", "players",
    "companies", "candidates", "presidents", "states", "groups", "ministers", "sisters", "brothers", "rivals",
];

/// Parts of a whole: "a third", "two-thirds", "three quarters" (with "of" after them).
#[rustfmt::skip]
const FRACTIONS: &[&str] = &[
    "third", "thirds", "quarter", "quarters", "fifth", "fifths", "sixth", "sixths", "eighth", "eighths", "tenth",
    "tenths",
];

/// Up to two words before "half" that make it a place or a time, not a share ("the second
/// half", "its northern half", "an hour and a half").
const NOT_A_SHARE_BEFORE_HALF: &[&str] =
    &["the", "a", "an", "first", "second", "other", "its", "their", "his", "her", "this", "that"];

/// Verbs after a bare number at the start of a clause that make it a count of what the story
/// named before: "Twenty-four were rescued", "nine remain missing", "two managed to climb out".
#[rustfmt::skip]
const COUNTED_BY_VERB: &[&str] = &[
    "were", "are", "remain", "remained", "died", "survived", "escaped", "fled", "managed", "drowned", "returned",
    "voted", "abstained", "have", "had", "will", "would", "could", "did",
];

/// What may stand before such a clause-opening number: "…; nine remain missing", "Only two
/// managed".
const CLAUSE_OPENERS: &[&str] = &[",", ";", ":", "—", "–", "and", "but", "while", "only", "another"];

/// Verbs of change after which "to" or "from" introduces a bare count: "the toll rose to 41".
#[rustfmt::skip]
const CHANGE_VERBS: &[&str] = &[
    "rose", "risen", "rising", "rises", "fell", "fallen", "falling", "falls", "increased", "decreased", "dropped",
    "climbed", "jumped", "grew", "declined", "slipped", "surged", "soared", "plunged", "edged", "doubled",
];

/// Words that make "N-M" a score or a tally (see `is_result`).
#[rustfmt::skip]
const RESULT_WORDS: &[&str] = &[
    "won", "win", "wins", "winning", "beat", "beats", "beating", "lost", "lose", "loses", "losing", "drew", "draw",
    "defeated", "defeat", "victory", "vote", "voted", "votes", "passed", "approved", "rejected", "score", "scored",
    "scoreline", "led", "lead", "trailed", "margin", "result", "ruling", "ruled", "edge", "edges", "edged", "thrash",
    "thrashes", "thrashed", "rout", "routs", "routed", "stun", "stuns", "stunned", "sink", "sinks", "sank", "down",
    "downs", "downed", "overcome", "overcomes", "hammer", "hammers", "hammered",
];

/// Words around "M:SS" that make it time on a game's clock, a duration ("the final 4:10",
/// "1:37 into overtime", "with 2:05 left"), not a time of day ("from 9:30 to 11:00").
const GAME_CLOCK_BEFORE: &[&str] = &["final", "last", "first", "opening", "closing"];
const GAME_CLOCK_AFTER: &[&str] = &["into", "left", "remaining"];

/// Heads of a tally ("by 74 votes to 24"): the second number counts the same.
const TALLIES: &[&str] = &["votes", "seats", "goals", "points", "runs", "wickets"];

/// Time units after "a" with an approximation ("more than a year", "over a week").
const TIME_UNITS: &[&str] =
    &["second", "minute", "hour", "day", "week", "fortnight", "month", "year", "decade", "century"];

/// Measures that count after "a" with an approximation ("more than a metre", "less than a
/// hectare") or after "several" ("several kilometres"), as time units do.
#[rustfmt::skip]
const MEASURES: &[&str] = &[
    "metre", "meter", "kilometre", "kilometer", "mile", "foot", "inch", "yard", "hectare", "acre", "tonne", "ton",
    "litre", "liter", "gallon", "barrel", "kilogram", "gram", "pound", "degree", "milligram", "microgram",
    "millilitre", "milliliter", "centimetre", "centimeter", "millimetre", "millimeter",
];

/// A length, singular or plural: per a time unit, a speed ("kilometres per hour").
fn is_distance(word: &str) -> bool {
    let singular = word.strip_suffix('s').unwrap_or(word);
    matches!(
        singular,
        "metre"
            | "meter"
            | "kilometre"
            | "kilometer"
            | "mile"
            | "foot"
            | "inch"
            | "yard"
            | "centimetre"
            | "centimeter"
            | "millimetre"
            | "millimeter"
    ) || word == "feet"
}

/// A time unit or a measure, singular or plural: what "a" and "several" may count.
fn is_measure(word: &str) -> bool {
    let singular = word.strip_suffix('s').unwrap_or(word);
    is_time_unit(word) || MEASURES.contains(&word) || MEASURES.contains(&singular) || word == "feet"
}

/// Words after "of" that make a number before it a count of part of what the story named:
/// "three of the injured", "two of them", "11 of the 18 communities".
const PARTITIVE_AFTER_OF: &[&str] =
    &["the", "them", "those", "these", "their", "its", "our", "whom", "which", "his", "her", "my", "your"];

#[rustfmt::skip]
const MONTHS: &[&str] = &[
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
    "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
];

/// After a number: it was a time of day.
#[rustfmt::skip]
const TIME_SUFFIXES: &[&str] = &[
    "a.m", "p.m", "am", "pm", "a.m.", "p.m.", "GMT", "UTC", "CET", "CEST", "EST", "EDT", "ET", "PT", "BST", "hrs",
    "o'clock", "o’clock", "local",
];

/// Before a four-digit number: it was a year.
#[rustfmt::skip]
const YEAR_CONTEXT: &[&str] = &[
    "in", "since", "by", "until", "till", "from", "of", "the", "to", "and", "or", "before", "after", "during",
    "through", "between", "early", "late", "mid", "year", "season", "summer", "winter", "spring", "autumn", "fall",
    "election", "around", "circa", "for",
];

/// Words that end a figure's noun phrase (function words, auxiliaries, common verbs).
#[rustfmt::skip]
const STOP: &[&str] = &[
    "the", "a", "an", "of", "in", "on", "at", "to", "for", "from", "with", "by", "and", "or", "but", "than", "as",
    "that", "which", "who", "whom", "whose", "this", "these", "those", "its", "their", "his", "her", "our", "my",
    "your", "per", "into", "over", "under", "after", "before", "since", "during", "between", "among", "across",
    "through", "about", "around", "against", "near", "while", "when", "where", "if", "because", "so", "not", "no",
    "nor", "be", "been", "being", "were", "are", "was", "is", "had", "have", "has", "will", "would", "could",
    "should", "may", "might", "must", "can", "do", "did", "does", "said", "says", "say", "each", "every", "all",
    "both", "ago", "last", "next", "it", "they", "he", "she", "we", "i", "you", "them", "there", "here", "also",
    "only", "just", "still", "yet", "already", "again", "then", "now", "up", "down", "out", "off", "away", "back",
    "including", "like", "until", "via", "per", "a", "year-on-year", "annually", "apiece", "each",
];

word_set!(fn small = SMALL);
word_set!(fn magnitudes = MAGNITUDES);
word_set!(fn vague = VAGUE);
word_set!(fn units = UNITS);
word_set!(fn stop = STOP);

/// Whether `word` could be a spelled-out number word at all (cheap test before the sets).
fn spellable(word: &str) -> bool {
    word.len() <= 9 && word.starts_with(|c: char| c.is_ascii_alphabetic())
}

pub(super) fn is_small(word: &str) -> bool {
    spellable(word) && small().contains(lower(word).as_ref())
}

fn is_magnitude(word: &str) -> bool {
    spellable(word) && magnitudes().contains(lower(word).as_ref())
}

fn is_vague(word: &str) -> bool {
    spellable(word) && vague().contains(lower(word).as_ref())
}

pub(super) fn is_month(tok: &Tok) -> bool {
    MONTHS.contains(&tok.text)
}

/// What follows the digits inside a token ("2.5bn", "21st", "1990s", "5km").
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Suffix {
    None,
    Magnitude,
    Unit,
    Reject,
}

/// A digit token: its value and suffix, or `None` when it does not start with a digit.
fn digits(text: &str) -> Option<(f64, Suffix, bool)> {
    let bytes = text.as_bytes();
    if !bytes.first()?.is_ascii_digit() {
        return None;
    }
    let mut end = 0;
    while end < bytes.len() {
        let b = bytes[end];
        let separator = (b == b',' || b == b'.') && bytes.get(end + 1).is_some_and(u8::is_ascii_digit);
        if b.is_ascii_digit() || separator {
            end += 1;
        } else {
            break;
        }
    }
    let (number, suffix) = text.split_at(end);
    let plain = !number.contains([',', '.']);
    let cleaned: String = if number.matches('.').count() > 1 {
        number.chars().filter(char::is_ascii_digit).collect()
    } else {
        number.chars().filter(|c| *c != ',').collect()
    };
    let value: f64 = cleaned.parse().ok()?;
    let suffix = match suffix {
        "" => Suffix::None,
        s if MAGNITUDE_ABBREVIATIONS.contains(&s) => Suffix::Magnitude,
        s if units().contains(s) => Suffix::Unit,
        _ => Suffix::Reject,
    };
    Some((value, suffix, plain && number.len() == 4))
}

/// The number itself, before its unit or noun.
#[derive(Clone, Copy, Debug)]
struct Core {
    first: usize,
    last: usize,
    value: Option<f64>,
    currency: bool,
    /// "million", "bn", "dozen": a count even without a noun.
    magnitude: bool,
    /// A plain four-digit integer ("2022").
    year_like: bool,
    spelled: bool,
    /// "a"/"an" standing for one ("more than a year").
    article: bool,
    /// "hundreds", "tens of thousands": needs "of" and a noun.
    vague: bool,
    /// A unit was glued to the digits ("5km").
    unit: bool,
    /// "several": a count only of time ("several days").
    several: bool,
}

/// The token after `i` if it follows with the given gap kind (`None` or `Space`).
fn next_with(w: &Words, i: usize, gaps: &[Gap]) -> Option<usize> {
    let j = i + 1;
    w.get(j).filter(|t| gaps.contains(&t.gap)).map(|_| j)
}

const SPACE: &[Gap] = &[Gap::Space];
const TIGHT: &[Gap] = &[Gap::None];
const ANY_INLINE: &[Gap] = &[Gap::None, Gap::Space];

/// Spelled-out number starting at `i`: "nine", "twenty-five", "two hundred and fifty",
/// "a dozen", "tens of thousands".
fn spelled(w: &Words, i: usize) -> Option<Core> {
    let tok = w.get(i)?;
    if !spellable(tok.text) {
        return None;
    }
    let lower = tok.text;
    let mut core = Core {
        first: i,
        last: i,
        value: None,
        currency: false,
        magnitude: false,
        year_like: false,
        spelled: true,
        article: false,
        vague: false,
        unit: false,
        several: false,
    };
    if lower.eq_ignore_ascii_case("a") || lower.eq_ignore_ascii_case("an") {
        let j = next_with(w, i, SPACE)?;
        let next = w.get(j)?;
        if is_magnitude(next.text) {
            core.last = j;
            core.magnitude = true;
            return Some(extend_spelled(w, core));
        }
        if is_measure(next.text) {
            core.article = true;
            core.value = Some(1.0);
            return Some(core);
        }
        return None;
    }
    if is_vague(lower) {
        core.vague = true;
        // "tens of thousands", "hundreds of millions"
        let mut last = i;
        while let (Some(of), Some(more)) = (next_with(w, last, SPACE), next_with(w, last + 1, SPACE)) {
            if w.toks[of].is("of") && is_vague(w.toks[more].text) {
                last = more;
            } else {
                break;
            }
        }
        core.last = last;
        return Some(core);
    }
    if lower.eq_ignore_ascii_case("several") {
        // "several hundred union members": a vague count of its magnitude.
        if let Some(j) = next_with(w, i, SPACE).filter(|&j| is_magnitude(w.toks[j].text)) {
            core.last = j;
            core.magnitude = true;
            return Some(core);
        }
        core.several = true;
        return Some(core);
    }
    if !is_small(lower) && !is_magnitude(lower) {
        return None;
    }
    if is_magnitude(lower) && !lower.eq_ignore_ascii_case("dozen") {
        // "million people" alone is not a number; "a million" and "two million" are.
        return None;
    }
    core.value = small_value(lower);
    core.magnitude = lower.eq_ignore_ascii_case("dozen");
    Some(extend_spelled(w, core))
}

fn small_value(word: &str) -> Option<f64> {
    SMALL.iter().position(|w| word.eq_ignore_ascii_case(w)).map(|p| {
        if p <= 20 {
            p as f64
        } else {
            (p as f64 - 18.0) * 10.0
        }
    })
}

/// Continues a spelled number: "twenty-five", "two million", "one hundred and twenty".
fn extend_spelled(w: &Words, mut core: Core) -> Core {
    loop {
        let last = core.last;
        // twenty-five
        if let (Some(dash), Some(word)) = (next_with(w, last, TIGHT), next_with(w, last + 1, TIGHT)) {
            if w.toks[dash].is("-") && is_small(w.toks[word].text) {
                core.last = word;
                continue;
            }
        }
        if let Some(j) = next_with(w, last, SPACE) {
            let t = &w.toks[j];
            if is_magnitude(t.text) {
                core.last = j;
                core.magnitude = true;
                continue;
            }
            if is_small(t.text) && core.magnitude {
                core.last = j;
                continue;
            }
            // "hundred and twenty"
            if t.is("and") && core.magnitude {
                if let Some(k) = next_with(w, j, SPACE) {
                    if is_small(w.toks[k].text) {
                        core.last = k;
                        continue;
                    }
                }
            }
        }
        return core;
    }
}

/// A number in digits at `i`, with a currency before it and a magnitude after it.
fn in_digits(w: &Words, i: usize) -> Option<Core> {
    let tok = w.get(i)?;
    let mut first = i;
    let mut at = i;
    let mut currency = false;
    if CURRENCY.contains(&tok.text) {
        currency = true;
        at = next_with(w, i, ANY_INLINE)?;
    } else if DOLLAR_PREFIXES.contains(&tok.text) && next_with(w, i, TIGHT).is_some_and(|j| w.toks[j].is("$")) {
        currency = true;
        at = next_with(w, i + 1, ANY_INLINE)?;
    } else if tok.text.len() > 1 && tok.is_capitalised() && is_currency_code(tok.text) {
        // "Rs 20 crore", "KSh 300", "Rs. 600 million": the abbreviation apart from the amount.
        currency = true;
        let stop = next_with(w, i, TIGHT).filter(|&j| w.toks[j].is("."));
        at = next_with(w, stop.unwrap_or(i), SPACE)?;
    }
    let at_text = w.get(at)?.text;
    let magnitude_next = || next_with(w, at, SPACE).is_some_and(|j| magnitudes().contains(w.toks[j].text));
    let glued_amount = if currency { None } else { after_currency_abbreviation(at_text, magnitude_next) };
    currency |= glued_amount.is_some();
    let (value, suffix, year_like) = digits(glued_amount.unwrap_or(at_text))?;
    if suffix == Suffix::Reject {
        return None;
    }
    if !currency && at > 0 {
        // "$" right before: this token was reached from the sign already, or is part of it.
        let before = &w.toks[at - 1];
        if CURRENCY.contains(&before.text) && w.toks[at].gap != Gap::Line {
            first = at - 1;
            currency = true;
        }
    }
    let mut core = Core {
        first,
        last: at,
        value: Some(value),
        currency,
        magnitude: suffix == Suffix::Magnitude,
        year_like: year_like && !currency,
        spelled: false,
        article: false,
        vague: false,
        unit: suffix == Suffix::Unit,
        several: false,
    };
    if suffix == Suffix::None {
        if let Some(j) = next_with(w, at, SPACE) {
            let t = &w.toks[j];
            let abbreviation = currency && MAGNITUDE_ABBREVIATIONS.contains(&t.text);
            if (is_magnitude(t.text) && !t.text.eq_ignore_ascii_case("dozen")) || abbreviation {
                core.last = j;
                core.magnitude = true;
                core.year_like = false;
            }
        }
    }
    Some(core)
}

fn core_at(w: &Words, i: usize) -> Option<Core> {
    in_digits(w, i).or_else(|| spelled(w, i))
}

/// The approximation right before token `first`, as the index of its first token.
fn approximation(w: &Words, first: usize) -> Option<usize> {
    for pattern in APPROXIMATIONS {
        let n = pattern.len();
        if first < n {
            continue;
        }
        let start = first - n;
        let matches = pattern.iter().enumerate().all(|(k, word)| w.toks[start + k].is_ci(word))
            && (start + 1..=first).all(|k| w.toks[k].gap == Gap::Space);
        if matches {
            // "an estimated 8,000 vehicles": the article stays out, as it does of every figure.
            return Some(if pattern[0] == "an" { start + 1 } else { start });
        }
    }
    None
}

fn is_time_unit(word: &str) -> bool {
    TIME_UNITS.iter().any(|u| word == *u || word.strip_suffix('s') == Some(u) || word == "centuries")
}

fn is_plural_noun(word: &str) -> bool {
    let lower = word.chars().all(|c| c.is_lowercase() || c == '-');
    lower
        && word.chars().count() >= 3
        && word.ends_with('s')
        && !word.ends_with("ss")
        && !word.ends_with("us")
        && !word.ends_with("is")
        && !word.ends_with("’s")
        && !word.ends_with("'s")
        && !NOT_PLURAL.contains(&word)
}

fn is_head(word: &str) -> bool {
    units().contains(word) || IRREGULAR_PLURALS.contains(&word) || is_plural_noun(word) || is_plural_of_man(word)
}

/// "fishermen", "gunmen", "firewomen": plurals of compounds of "man" (not "specimen", "omen").
fn is_plural_of_man(word: &str) -> bool {
    let compound = word.strip_suffix("men").is_some_and(|stem| stem.chars().count() >= 3);
    compound && word.chars().all(char::is_lowercase) && !["specimen", "abdomen", "regimen", "acumen"].contains(&word)
}

/// The last token of the noun phrase after token `after` (at most three words, ending at its
/// head), or `None` when no head follows. `counts` tells the capitalised words that may still
/// be part of it.
fn noun_phrase(w: &Words, after: usize, counts: &dyn Fn(&Tok) -> bool) -> Option<usize> {
    let mut j = after + 1;
    let mut taken = 0;
    let mut head_end = None;
    while taken < 3 {
        let Some(tok) = w.get(j) else { break };
        if tok.gap != Gap::Space || !tok.is_word() {
            break;
        }
        // A hyphenated compound is one word: "long-range", "air-defence"; "U.S." is one too.
        let mut end = j;
        if matches!(tok.text, "U.S" | "U.K" | "E.U" | "U.N")
            && w.get(j + 1).is_some_and(|t| t.is(".") && t.gap == Gap::None)
        {
            end = j + 1;
            taken += 1;
            j = end + 1;
            continue;
        }
        while let (Some(dash), Some(part)) = (next_with(w, end, TIGHT), next_with(w, end + 1, TIGHT)) {
            if w.toks[dash].is("-") && w.toks[part].is_word() {
                end = part;
            } else {
                break;
            }
        }
        let word = tok.text;
        let last_part = w.toks[end].text;
        let lower = word.to_lowercase();
        let after_degrees = head_end.is_some() && matches!(word, "Celsius" | "Fahrenheit");
        if after_degrees {
            head_end = Some(end);
            break;
        }
        if stop().contains(lower.as_str()) || digits(word).is_some() || is_small(word) || is_magnitude(word) {
            break;
        }
        // A Title Case heading capitalises the unit ("60 Kilometres", "Ten Years"); a name may
        // modify the counted noun ("Eighteen Atacameño communities", "two Boeing jets").
        let title_unit = tok.is_capitalised() && units().contains(lower.as_str()) && head_end.is_none();
        let modifier = taken == 0
            && !tok.sentence_start
            && w.next_word(end + 1).is_some_and(|t| t.gap == Gap::Space && t.is_lowercase_word() && is_head(t.text));
        if title_unit {
            head_end = Some(end);
            break;
        }
        let may_count = tok.is_capitalised() && counts(tok);
        if tok.is_capitalised() && !may_count && !units().contains(word) && !modifier {
            break;
        }
        // "at least two others were hurt": a count of more of what the story counts.
        let others = taken == 0 && word == "others";
        if is_head(last_part) || may_count && is_head(&last_part.to_lowercase()) || others {
            head_end = Some(end);
            if others {
                break;
            }
        } else if head_end.is_some() {
            break;
        }
        taken += 1;
        j = end + 1;
    }
    head_end
}

/// Nouns after "one" that make a phrase of time or manner, not a count: "one day", "one way".
#[rustfmt::skip]
const NOT_COUNTED_AFTER_ONE: &[&str] = &[
    "day", "time", "way", "thing", "point", "side", "hand", "moment", "another", "morning", "evening", "night",
    "afternoon", "stage", "reason", "option", "source", "official", "diplomat", "analyst", "resident", "witness",
];

/// Words before "one" that make it a pronoun or a determiner: "no one", "the one thing".
const NOT_COUNTING_BEFORE_ONE: &[&str] = &["no", "any", "every", "the", "this", "that", "which", "each", "only"];

/// Short verbs that end a noun phrase without an "-ed" or "-s" to show it: "one soldier hit".
const SHORT_VERBS: &[&str] = &["hit", "hurt", "fell", "left", "went", "came", "got", "lost", "won", "shot", "ran"];

/// The last token of the singular noun counted by "one" at `one` ("One soldier", "one police
/// officer"), or `None` when "one" counts nothing ("one of the", "one day", "no one").
fn singular_counted(w: &Words, one: usize) -> Option<usize> {
    let before = one.checked_sub(1).map(|p| lower(w.toks[p].text));
    if before.is_some_and(|b| NOT_COUNTING_BEFORE_ONE.contains(&b.as_ref())) {
        return None;
    }
    let noun_like = |j: usize| {
        w.next_word(j).filter(|t| t.gap == Gap::Space && t.is_lowercase_word()).is_some_and(|t| {
            let word = t.text;
            !stop().contains(word)
                && !is_function_word(word)
                && !word.ends_with("ly")
                && !word.ends_with("ed")
                && !word.ends_with("ing")
                && !SHORT_VERBS.contains(&word)
                && !is_small(word)
                && !is_magnitude(word)
        })
    };
    if !noun_like(one + 1) || NOT_COUNTED_AFTER_ONE.contains(&w.toks[one + 1].text) {
        return None;
    }
    // "One banner read …; another said …": one of several, not a count.
    let paired = (one + 2..(one + 16).min(w.len()))
        .take_while(|&j| w.toks[j].gap != Gap::Line && !w.toks[j].is("."))
        .any(|j| w.toks[j].is_ci("another") || w.toks[j].is_ci("other") && w.toks[j - 1].is_ci("the"));
    if paired {
        return None;
    }
    // A second word is part of the noun ("police officer was") unless it is a verb in "-s" or
    // ends the clause, as a verb may ("One banner read: …").
    let second = noun_like(one + 2)
        && !w.toks[one + 2].text.ends_with('s')
        && w.next_word(one + 3).is_some_and(|t| t.gap == Gap::Space);
    Some(if second { one + 2 } else { one + 1 })
}

/// Whether the number starting at token `first` is glued to a name: "F-16", "Covid-19",
/// "#5", "No. 10".
fn glued_to_name(w: &Words, first: usize) -> bool {
    let Some(prev_index) = first.checked_sub(1) else { return false };
    let prev = &w.toks[prev_index];
    let tok = &w.toks[first];
    if tok.gap == Gap::None && (prev.is("-") || prev.is("#") || prev.is_word()) {
        return true;
    }
    tok.gap == Gap::Space && prev.is(".") && prev_index > 0 && w.toks[prev_index - 1].is("No")
}

/// Whether a capitalised word right before makes the number part of a name ("Boeing 737",
/// "Article 5"); asked only of numbers that measure nothing.
fn after_name(w: &Words, first: usize) -> bool {
    let Some(prev) = first.checked_sub(1).map(|p| &w.toks[p]) else { return false };
    if w.toks[first].gap != Gap::Space || !prev.is_word() || !prev.is_capitalised() {
        return false;
    }
    let lower = prev.text.to_lowercase();
    let approximating = APPROXIMATIONS.iter().any(|p| p.last() == Some(&lower.as_str()));
    let function = prev.sentence_start && is_function_word(&lower);
    !(approximating || function || is_month(prev) || lower == "between")
}

/// Figures in `w`; `headings` are the code-point ranges of its heading lines, whose Title Case
/// capitalises the counted noun ("Promises 2,400 Jobs").
pub(super) fn find(w: &Words, labels: &Labels, headings: &[Range<usize>], out: &mut Vec<Suggestion>) {
    // A capitalised word in a counted phrase: a demonym ("two Kenyan runners"), or any word of
    // a heading.
    let counts = |t: &Tok| super::names::is_demonym(t.text) || within(headings, t.start);
    let mut i = 0;
    while i < w.len() {
        match figure_at(w, i, &counts) {
            Step::Figure(first, last) => {
                let figure = |first: usize, last: usize| Suggestion {
                    start: w.toks[first].start,
                    end: w.toks[last].end,
                    label: labels.figure.clone(),
                    rule: "figure",
                };
                let last = per_time(w, last);
                out.push(figure(first, last));
                i = last + 1;
                // "by 74 votes to 24": the second number of a tally.
                let tally = TALLIES.contains(&w.toks[last].text)
                    && w.next_word(last + 1).is_some_and(|t| t.gap == Gap::Space && (t.is("to") || t.is("against")));
                if let Some(second) = w.next_word(last + 2).filter(|t| tally && t.gap == Gap::Space) {
                    let count = digits(second.text).is_some_and(|(_, suffix, _)| suffix == Suffix::None)
                        || is_small(&second.text.to_lowercase());
                    if count && !w.next_word(last + 3).is_some_and(|t| t.gap == Gap::Space && is_head(t.text)) {
                        out.push(figure(last + 2, last + 2));
                        i = last + 3;
                    }
                }
            }
            Step::Skip(last) => i = last.max(i) + 1,
        }
    }
}

/// "200 km/h", "100 m/s": a unit written with its time after a slash is one unit; the figure
/// ends after it (a rate in words, "a day", stays out).
fn per_time(w: &Words, last: usize) -> usize {
    let glued = |k: usize| w.get(k).filter(|t| t.gap == Gap::None);
    let unit =
        units().contains(w.toks[last].text) || digits(w.toks[last].text).is_some_and(|(_, s, _)| s == Suffix::Unit);
    match (glued(last + 1), glued(last + 2)) {
        (Some(slash), Some(time)) if unit && slash.is("/") && matches!(time.text, "h" | "hr" | "s" | "min") => last + 2,
        _ => last,
    }
}

enum Step {
    /// A figure from the first to the last token.
    Figure(usize, usize),
    /// Nothing here; go on after this token.
    Skip(usize),
}

/// A share of a whole at token `i`, which a percentage would give as a figure too: "roughly
/// half", "half of", "a third of", "two-thirds", "three quarters of", with an approximation
/// before. What it is a share of is left out ("about a third" of "about a third of the vote").
fn share_at(w: &Words, i: usize) -> Option<Step> {
    let tok = w.get(i)?;
    let of_after = |j: usize| w.next_word(j + 1).is_some_and(|t| t.gap == Gap::Space && t.is("of"));
    let share = |last: usize| Step::Figure(approximation(w, i).unwrap_or(i), last);
    if tok.is_ci("half") {
        let glued = w.get(i + 1).is_some_and(|t| t.gap == Gap::None && t.is("-"));
        // "the second half", "the eastern half of the city", "an hour and a half": a
        // determiner one or two words before.
        let place_or_time = (1..=2).any(|back| {
            i.checked_sub(back).is_some_and(|p| {
                (p + 1..=i).all(|k| w.toks[k].gap == Gap::Space)
                    && NOT_A_SHARE_BEFORE_HALF.contains(&lower(w.toks[p].text).as_ref())
            })
        });
        let a_share = approximation(w, i).is_some() || (of_after(i) && !place_or_time);
        // "half an hour", "half a century": a duration.
        let article = next_with(w, i, SPACE).filter(|&j| w.toks[j].is("a") || w.toks[j].is("an"));
        if let Some(unit) = article.and_then(|a| next_with(w, a, SPACE)).filter(|&u| is_time_unit(w.toks[u].text)) {
            return (!glued && !place_or_time).then(|| share(unit));
        }
        return (a_share && !glued).then(|| share(i));
    }
    let one = tok.is_ci("a") || tok.is_ci("an") || tok.is_ci("one");
    if !(one || is_small(tok.text)) {
        return None;
    }
    // "two-thirds", "one-fifth" in one word; "a third of", "three quarters of" in two, with "of"
    // ("a third term" is an ordinal). Past one, a share is plural: "twenty-fifth" is an ordinal.
    let hyphenated = next_with(w, i, TIGHT).filter(|&d| w.toks[d].is("-")).and_then(|d| next_with(w, d, TIGHT));
    let (fraction, needs_of) = match hyphenated {
        Some(j) => (j, false),
        None => (next_with(w, i, SPACE)?, true),
    };
    let fraction_word = w.toks[fraction].text;
    let agrees = one || fraction_word.ends_with('s');
    // "about a quarter": with an approximation the share stands alone, as "roughly half" does.
    let alone = !needs_of || of_after(fraction) || one && approximation(w, i).is_some();
    (FRACTIONS.contains(&fraction_word) && agrees && alone).then(|| share(fraction))
}

/// "one in five adults": a share given as a count, with what it counts.
fn one_in_n(w: &Words, core: &Core, counts: &dyn Fn(&Tok) -> bool) -> Option<Step> {
    if core.value != Some(1.0) || core.first != core.last {
        return None;
    }
    let within = next_with(w, core.last, SPACE).filter(|&j| w.toks[j].is("in"))?;
    // "one in five", not "one in 2023".
    let whole = next_with(w, within, SPACE)
        .and_then(|j| core_at(w, j))
        .filter(|c| !c.vague && !c.article && !c.year_like && c.value.is_some_and(|v| v > 1.0))?;
    // The counted noun ends at its first head: the verb of "one in five adults smokes" agrees
    // with "one", and ends in "s" like a plural.
    let end = noun_phrase(w, whole.last, counts)
        .map_or(whole.last, |last| (whole.last + 1..=last).find(|&j| is_head(w.toks[j].text)).unwrap_or(last));
    Some(Step::Figure(approximation(w, core.first).unwrap_or(core.first), end))
}

/// A bare number that still counts something named before it: the subject of a clause with a
/// verb such as "were" or "remain" ("Twenty-four were rescued"), or the new or old level after a
/// verb of change ("rose to 41", "up from 27").
fn counts_in_context(w: &Words, core: &Core) -> bool {
    let prev = |back: usize| core.first.checked_sub(back).map(|p| &w.toks[p]);
    let verb_after =
        w.next_word(core.last + 1).is_some_and(|t| t.gap == Gap::Space && COUNTED_BY_VERB.contains(&t.text));
    let clause_start =
        w.toks[core.first].sentence_start || prev(1).is_some_and(|p| CLAUSE_OPENERS.contains(&lower(p.text).as_ref()));
    // "rose to 41", "fell from 40", "up from 27"; and "fell from 40 to 35" (not "from 9 to 5").
    let changed = |verb: Option<&Tok>, link: &Tok| {
        verb.is_some_and(|v| CHANGE_VERBS.contains(&v.text) || (link.is("from") && (v.is("up") || v.is("down"))))
    };
    // "cut from 12 hours to eight": the second count of a range leaves its unit out.
    let number = |t: Option<&Tok>| t.is_some_and(|t| digits(t.text).is_some() || is_small(&t.text.to_lowercase()));
    let elliptical = prev(1).is_some_and(|t| t.is("to"))
        && prev(2).is_some_and(|t| is_head(t.text))
        && number(prev(3))
        && prev(4).is_some_and(|t| t.is("from"));
    let level = elliptical
        || match prev(1) {
            Some(link) if link.is("to") || link.is("from") => {
                changed(prev(2), link)
                    || (link.is("to")
                        && prev(2).is_some_and(|n| digits(n.text).is_some())
                        && prev(3).is_some_and(|from| from.is("from") && changed(prev(4), from)))
            }
            _ => false,
        };
    (verb_after && clause_start) || level
}

/// Words after a race's distance that make it the race's name: "the men's 100m final".
#[rustfmt::skip]
const RACE_NAMES: &[&str] = &[
    "final", "finals", "title", "hurdles", "race", "heat", "heats", "semi-final", "semifinal", "relay", "freestyle",
    "butterfly", "breaststroke", "backstroke", "medley", "sprint", "world", "champion", "crown", "event",
];

/// Words before "in" and a bare time that make it a finishing time: "finished in 9.95".
#[rustfmt::skip]
const FINISHING: &[&str] = &[
    "finished", "won", "ran", "clocked", "crossed", "first", "second", "third", "fourth", "fifth", "sixth", "home",
    "swam", "timed",
];

/// A race's distance used as its name ("won the 100m final", "the women's 200m") is no figure;
/// a bare finishing time is ("finished in 9.95", "clocked 10.01"), as race times are.
fn race(w: &Words, core: &Core) -> Option<Step> {
    let text = w.toks[core.first].text;
    let before = |back: usize| core.first.checked_sub(back).map(|k| &w.toks[k]);
    let after = w.next_word(core.last + 1).filter(|t| t.gap == Gap::Space);
    let distance =
        core.first == core.last && text.ends_with('m') && text[..text.len() - 1].chars().all(|c| c.is_ascii_digit());
    if distance {
        let named_before =
            before(1).is_some_and(|t| t.is_ci("the") || t.text.ends_with("'s") || t.text.ends_with("’s"));
        let named_after = after.is_some_and(|t| RACE_NAMES.contains(&t.text));
        return (named_before || named_after).then_some(Step::Skip(core.last));
    }
    let decimal = core.first == core.last && !core.currency && text.contains('.') && digits(text).is_some();
    let finishing = before(1).is_some_and(|t| t.is("clocked"))
        || before(1).is_some_and(|t| t.is("in"))
            && before(2).is_some_and(|t| FINISHING.contains(&lower(t.text).as_ref()));
    let unit_after = after.is_some_and(|t| UNITS.contains(&t.text));
    (decimal && finishing && !unit_after).then_some(Step::Figure(core.first, core.last))
}

/// "Three of the injured", "two of them", "11 of the 18 communities": a number of at least two
/// before "of" and what the story named, the number alone (not "one of the", a pronoun; not a
/// year, "2020 of the"…).
fn partitive(w: &Words, core: &Core) -> bool {
    let of = w.next_word(core.last + 1).filter(|t| t.gap == Gap::Space && t.is("of"));
    let whole = of.and_then(|_| w.next_word(core.last + 2)).filter(|t| t.gap == Gap::Space);
    let named = whole.is_some_and(|t| PARTITIVE_AFTER_OF.contains(&t.text));
    named && !core.year_like && !core.article && !core.several && core.value.is_some_and(|v| v >= 2.0)
}

/// Whether "N-M" is a result, by a word of winning, losing or voting right before or after it:
/// "won 2-1", "the vote was 48-52", "a 3-0 win" (not "open 24-7" or "a 4-3-3 formation").
fn is_result(w: &Words, core: &Core, second: &Core) -> bool {
    let whole_and_small =
        |c: &Core| !c.currency && !c.spelled && c.value.is_some_and(|v| v.fract() == 0.0 && v < 100.0);
    let is_result_word = |t: &Tok| RESULT_WORDS.contains(&lower(t.text).as_ref());
    // "beat Halifax 3-1", "defeated Cape Breton 5-2": the name before the score is the side
    // beaten, not the number's own.
    let mut side = core.first;
    // A headline capitalises the verb too: "Black Stars Edge Togo 2-1".
    while side > 0
        && w.toks[side - 1].is_capitalised()
        && !is_result_word(&w.toks[side - 1])
        && w.toks[side].gap == Gap::Space
    {
        side -= 1;
    }
    let side_beaten = side < core.first && side > 0 && is_result_word(&w.toks[side - 1]);
    let named = glued_to_name(w, core.first) || after_name(w, core.first) && !side_beaten;
    let third_number = w.get(second.last + 1).is_some_and(|t| t.gap == Gap::None && t.is("-"));
    let before = (1..=2).filter_map(|back| core.first.checked_sub(back)).map(|p| &w.toks[p]);
    let after = w.next_word(second.last + 1).filter(|t| t.gap == Gap::Space);
    let worded = side_beaten || before.chain(after).any(is_result_word);
    whole_and_small(core) && whole_and_small(second) && !named && !third_number && worded
}

fn figure_at(w: &Words, i: usize, counts: &dyn Fn(&Tok) -> bool) -> Step {
    if let Some(share) = share_at(w, i) {
        return share;
    }
    let Some(mut core) = core_at(w, i) else { return Step::Skip(i) };
    // "women aged between 45 and 70", "aged 18 to 25": ages are no figures (guidelines).
    let before = |back: usize| core.first.checked_sub(back).map(|k| &w.toks[k]);
    let aged = |t: Option<&Tok>| t.is_some_and(|t| t.is_ci("aged"));
    if aged(before(1)) || before(1).is_some_and(|t| t.is_ci("between")) && aged(before(2)) {
        let mut last = core.last;
        while let Some(next) = next_with(w, last, SPACE).filter(|&j| w.toks[j].is("and") || w.toks[j].is("to")) {
            match core_at(w, next + 1) {
                Some(second) => last = second.last,
                None => break,
            }
        }
        return Step::Skip(last);
    }
    if let Some(step) = race(w, &core) {
        return step;
    }
    if let Some(share) = one_in_n(w, &core, counts) {
        return share;
    }
    // "nine out of ten vials": one share, given as a count out of a whole.
    if let (Some(out), Some(of)) = (next_with(w, core.last, SPACE), next_with(w, core.last + 1, SPACE)) {
        if w.toks[out].is("out") && w.toks[of].is("of") {
            if let Some(whole) = next_with(w, of, SPACE).and_then(|j| core_at(w, j)).filter(|c| !c.year_like) {
                core.last = whole.last;
            }
        }
    }
    let mut range_and = false;
    // Ranges: "10-15", "10 to 15", "two or three", "between 5 and 10".
    if !core.vague && !core.article {
        // "between 10% and 15%": the first end's sign stays with it.
        let percent = next_with(w, core.last, TIGHT).filter(|&j| w.toks[j].is("%"));
        if let Some(link) = next_with(w, percent.unwrap_or(core.last), ANY_INLINE) {
            let link_tok = &w.toks[link];
            let dash = matches!(link_tok.text, "-" | "–" | "—");
            let word_link = link_tok.gap == Gap::Space && matches!(link_tok.text, "to" | "or" | "and");
            if dash || word_link {
                let gaps = if dash { ANY_INLINE } else { SPACE };
                if let Some(second) = next_with(w, link, gaps).and_then(|j| core_at(w, j)) {
                    let ascending = match (core.value, second.value) {
                        (Some(a), Some(b)) => a < b || core.magnitude != second.magnitude,
                        _ => true,
                    };
                    let between = core.first > 0
                        && w.toks[core.first - 1].is_ci("between")
                        && w.toks[core.first].gap == Gap::Space;
                    // "rose from €1.20 to €1.60": a change from one level to another, two figures.
                    let from = core.first > 0 && w.toks[core.first - 1].is_ci("from") && link_tok.is("to");
                    // "between seven and 12 years": a range however its ends are written.
                    // "fell 7.2% to R41.80" is a change and a price, no range of percentages.
                    let second_percent = next_with(w, second.last, TIGHT).is_some_and(|j| w.toks[j].is("%"));
                    let kinds_match = (core.spelled == second.spelled || between)
                        && !second.vague
                        && !second.article
                        && !from
                        && (percent.is_none() || second_percent);
                    if dash && !core.spelled && is_result(w, &core, &second) {
                        // "won 2-1", "voted 12-3", "lost 1-2": a score or a tally, one figure.
                        return Step::Figure(core.first, second.last);
                    }
                    if kinds_match
                        && ascending
                        && (link_tok.text != "and" || between)
                        && !(dash && core.spelled && second.spelled)
                    {
                        range_and = link_tok.is("and");
                        core.last = second.last;
                        core.magnitude |= second.magnitude;
                        core.currency |= second.currency;
                        core.year_like &= second.year_like;
                        core.unit |= second.unit;
                    } else if dash && !core.spelled {
                        // "24-7", "4-3-3": neither a range nor a result.
                        return Step::Skip(second.last);
                    }
                }
            }
        }
    }
    let last = core.last;
    let next = w.get(last + 1);
    // Times of day: "10:30", "4:15 a.m.", "5 p.m."
    if let Some(n) = next {
        if n.is(":")
            && n.gap == Gap::None
            && w.get(last + 2).is_some_and(|t| t.gap == Gap::None && digits(t.text).is_some())
        {
            let mut end = last + 2;
            let mut parts = 2;
            while w.get(end + 1).is_some_and(|t| t.is(":") && t.gap == Gap::None)
                && w.get(end + 2).is_some_and(|t| t.gap == Gap::None && digits(t.text).is_some())
            {
                end += 2;
                parts += 1;
            }
            // "2:16:42" (hours, minutes, seconds) is a race time, a duration; "10:30" is a time of day.
            let time_of_day = w.get(end + 1).is_some_and(|t| t.gap != Gap::Line && TIME_SUFFIXES.contains(&t.text));
            // "in the final 4:10", "1:37 into overtime": minutes and seconds of a game's clock.
            let clock_before =
                core.first > 0 && GAME_CLOCK_BEFORE.contains(&lower(w.toks[core.first - 1].text).as_ref());
            let clock_after =
                w.next_word(end + 1).is_some_and(|t| t.gap == Gap::Space && GAME_CLOCK_AFTER.contains(&t.text));
            let game_clock = parts == 2 && (clock_before || clock_after);
            if (parts == 3 || game_clock) && !time_of_day && !core.currency {
                return Step::Figure(core.first, end);
            }
            return Step::Skip(end);
        }
        // "at 0900 local", "0900 local time"; but "3,000 local workers" counts workers.
        let local_noun = n.is("local") && w.next_word(last + 2).is_some_and(|t| t.gap == Gap::Space && !t.is("time"));
        if n.gap != Gap::Line && TIME_SUFFIXES.contains(&n.text) && !local_noun {
            return Step::Skip(last + 1);
        }
    }
    // Ordinals and names.
    if core.spelled && core.value == Some(0.0) {
        return Step::Skip(last);
    }
    if glued_to_name(w, core.first) {
        return Step::Skip(last);
    }
    // Dates: "February 24", "24 February", "Feb. 24".
    let prev = core.first.checked_sub(1).map(|p| &w.toks[p]);
    let prev_word = match prev {
        Some(p) if p.is(".") && core.first >= 2 => Some(&w.toks[core.first - 2]),
        other => other,
    };
    let month_around =
        prev_word.is_some_and(|p| is_month(p)) || next.is_some_and(|n| n.gap == Gap::Space && is_month(n));
    if !core.spelled && !core.currency && month_around {
        return Step::Skip(last);
    }
    // Number-unit adjectives: "a six-week truce" and "a five-storey building" are figures
    // (the number with its unit); "27-year-old" is not ("two-thirds" was taken as a share).
    if let (Some(dash), Some(after)) = (next, w.get(last + 2)) {
        if dash.is("-") && dash.gap == Gap::None && after.gap == Gap::None && after.is_word() {
            let old = w.get(last + 3).is_some_and(|t| t.is("-") && t.gap == Gap::None);
            // A Title Case heading capitalises the unit: "Six-Hour Blackouts".
            let unit = ADJECTIVE_UNITS.contains(&after.text.to_lowercase().as_str());
            if unit && !old && !glued_to_name(w, core.first) {
                let start = approximation(w, core.first).unwrap_or(core.first);
                return Step::Figure(start, last + 2);
            }
            return Step::Skip(last + 2);
        }
    }
    let mut approx = if range_and { Some(core.first - 1) } else { approximation(w, core.first) };
    // "a magnitude 6.1 earthquake": the measure is named before the number.
    let magnitude_word = approx.is_none()
        && core.first > 0
        && w.toks[core.first - 1].is_ci("magnitude")
        && w.toks[core.first].gap == Gap::Space
        && !core.spelled;
    if magnitude_word {
        approx = Some(core.first - 1);
    }
    let start = approx.unwrap_or(core.first);
    // What it counts or measures.
    let mut end = last;
    let mut measured = core.unit;
    if let Some(n) = next.filter(|n| n.gap != Gap::Line) {
        if n.is("%") {
            end = last + 1;
            measured = true;
        } else if n.is("°") && n.gap == Gap::None {
            end = last + 1;
            if w.get(last + 2).is_some_and(|t| t.gap == Gap::None && matches!(t.text, "C" | "F")) {
                end = last + 2;
            }
            measured = true;
        } else if n.gap == Gap::Space && (n.is_ci("percent") || n.is_ci("pc") || n.is_ci("pct")) {
            end = last + 1;
            measured = true;
        } else if n.gap == Gap::Space
            && ((n.is_ci("per") && w.next_word(last + 2).is_some_and(|t| t.is_ci("cent")))
                || ((n.is("percentage") || n.is("basis"))
                    && w.next_word(last + 2).is_some_and(|t| t.is("point") || t.is("points"))))
        {
            end = last + 2;
            measured = true;
        }
    }
    if core.vague {
        // "hundreds of lives", "tens of thousands of people"
        let Some(of) = next_with(w, last, SPACE).filter(|&j| w.toks[j].is("of")) else {
            // "Dozens were injured", "killing hundreds": a bare vague count ("tens" and
            // "scores" need their "of").
            let bare = !(core.first == core.last && matches!(lower(w.toks[last].text).as_ref(), "tens" | "scores"));
            return if bare { Step::Figure(start, last) } else { Step::Skip(last) };
        };
        let Some(head) = noun_phrase(w, of, counts) else { return Step::Skip(last) };
        return Step::Figure(start, head);
    }
    let several = core.several;
    if !measured && !core.currency {
        if let Some(head) = noun_phrase(w, last, counts) {
            let head_word = w.toks[head].text;
            if several && !is_measure(head_word) {
                return Step::Skip(last);
            }
            if core.article && !is_measure(head_word) {
                return Step::Skip(last);
            }
            end = head;
            measured = true;
            // "4 parts per thousand": a concentration keeps its unit, as a percentage does.
            let per = w.next_word(head + 1).filter(|t| t.gap == Gap::Space && t.is("per")).map(|_| head + 1);
            let whole = per.and_then(|p| w.next_word(p + 1)).filter(|t| t.gap == Gap::Space && is_magnitude(t.text));
            // "1.8 milligrams per litre", "185 kilometres per hour": a unit of two measures, a
            // speed among them; an amount's rate per time is left out ("1,700 litres per
            // second"), as "a day" is.
            let distance = is_distance(head_word);
            let unit = per
                .and_then(|p| w.next_word(p + 1))
                .filter(|t| t.gap == Gap::Space && is_measure(t.text) && (!is_time_unit(t.text) || distance));
            let measure = is_measure(head_word) && !is_time_unit(head_word);
            if head_word == "parts" && whole.is_some() || measure && unit.is_some() {
                end = head + 2;
            }
        }
    }
    if several && !measured {
        return Step::Skip(last);
    }
    // "two hours and 21 minutes", "2 hours 16 minutes": one duration.
    if measured && is_time_unit(w.toks[end].text) {
        loop {
            let mut j = end + 1;
            if w.next_word(j).is_some_and(|t| t.gap == Gap::Space && t.is("and")) {
                j += 1;
            }
            let more = w.next_word(j).filter(|t| t.gap == Gap::Space).and_then(|_| core_at(w, j));
            let Some(more) = more.filter(|m| !m.vague && !m.article && !m.several) else { break };
            let unit = w.next_word(more.last + 1).filter(|t| t.gap == Gap::Space && is_time_unit(t.text));
            match unit {
                Some(_) if is_time_unit(w.toks[more.last + 1].text) => end = more.last + 1,
                _ => break,
            }
        }
    }
    // "over 12 years" after a noun means "during": "spend €500 billion on infrastructure
    // over 12 years"; after a verb it means "more than": "lasted over four hours".
    let mut start = start;
    if let Some(a) = approx {
        if w.toks[a].is_ci("over") && a > 0 && is_time_unit(w.toks[end].text) {
            let before = &w.toks[a - 1];
            let lower = before.text.to_lowercase();
            let noun_like = before.is_lowercase_word()
                && !is_function_word(&lower)
                && !lower.ends_with("ed")
                && !lower.ends_with("ing")
                && !matches!(lower.as_str(), "take" | "takes" | "took" | "last" | "lasts" | "spend" | "spent");
            if noun_like {
                start = core.first;
                approx = None;
                if core.article {
                    // "stole £4.6 million over a decade": a duration all the same.
                    return Step::Figure(core.first, end);
                }
            }
        }
    }
    // "the two sides", "the three countries": the parties of the story, not a quantity.
    if core.spelled && matches!(core.value, Some(v) if (2.0..=4.0).contains(&v)) && approx.is_none() {
        let definite = core.first > 0 && (w.toks[core.first - 1].is_ci("the") || w.toks[core.first - 1].is_ci("both"));
        if definite && PARTY_NOUNS.contains(&w.toks[end].text) {
            return Step::Skip(end);
        }
    }
    if magnitude_word {
        measured = true;
    }
    if core.article && (!measured || approx.is_none()) {
        return Step::Skip(last);
    }
    // Years: "in 2022", "the 1899 award"; but "about 2000 troops" counts.
    if core.year_like && !core.currency {
        let year_context = prev.is_none_or(|p| {
            let lower = p.text.to_lowercase();
            YEAR_CONTEXT.contains(&lower.as_str()) || !p.is_word() || is_month(p)
        });
        // "written around 1730": an approximate year is still a year.
        if approx.is_none() && year_context || !measured {
            return Step::Skip(last);
        }
    }
    // "one of the", "one day": one is a number only with its unit or a magnitude.
    if core.spelled && core.value == Some(1.0) && !core.magnitude && core.first == core.last {
        let unit = measured && UNITS.contains(&w.toks[end].text);
        if unit && approx.is_some() {
            return Step::Figure(start, end);
        }
        // "One soldier died", "at least one death", "killed one civilian": one with the
        // singular noun it counts, where it opens a clause or follows an approximation or a
        // verb in "-ed" (elsewhere, as in "in one village", it is as often a determiner).
        let before = core.first.checked_sub(1).map(|p| &w.toks[p]);
        let counting = approx.is_some()
            || w.toks[core.first].sentence_start
            || before.is_some_and(|b| {
                CLAUSE_OPENERS.contains(&lower(b.text).as_ref()) || b.is_lowercase_word() && b.text.ends_with("ed")
            });
        if !counting {
            return Step::Skip(last);
        }
        return match singular_counted(w, core.first) {
            Some(head) => Step::Figure(start, head),
            None => Step::Skip(last),
        };
    }
    // Bare numbers count nothing, unless they are large ("a crowd of 15,000"), money, or
    // approximated; and a bare number after a capitalised word is part of a name.
    let thousands = !core.spelled && w.toks[core.first].text.contains(',') && core.value.is_some_and(|v| v >= 1000.0);
    let counts = thousands || counts_in_context(w, &core) || partitive(w, &core);
    if !measured && !core.currency && !core.magnitude && approx.is_none() && !counts {
        return Step::Skip(last);
    }
    if !measured && !core.currency && after_name(w, core.first) {
        return Step::Skip(last);
    }
    Step::Figure(start, end)
}
