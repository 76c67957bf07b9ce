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

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use std::ops::Range;

use super::places;
use super::towns;
use super::words::{is_dotted_abbreviation, is_function_word, lower, word_set, FastHash, Gap, Tok, Words};
use super::{within, Labels, Suggestion};

const COUNTRIES: &str = include_str!("../../data/gazetteers/countries.txt");
const CITIES: &str = include_str!("../../data/gazetteers/cities.txt");
const REGIONS: &str = include_str!("../../data/gazetteers/regions.txt");
const ORGANISATIONS: &str = include_str!("../../data/gazetteers/organisations.txt");
const DEMONYMS: &str = include_str!("../../data/gazetteers/demonyms.txt");

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Country,
    City,
    Region,
    Org,
    Seat,
    Demonym,
}

struct Entry {
    /// Token texts (apostrophes normalised to '), and whether each touches the one before.
    toks: Vec<(String, bool)>,
    kind: Kind,
}

struct Gazetteer {
    entries: Vec<Entry>,
    /// First token → entries starting with it, longest first.
    by_first: HashMap<String, Vec<usize>, FastHash>,
    demonyms: HashSet<&'static str, FastHash>,
}

fn normalise(word: &str) -> std::borrow::Cow<'_, str> {
    if word.contains('’') {
        word.replace('’', "'").into()
    } else {
        word.into()
    }
}

fn gazetteer() -> &'static Gazetteer {
    static GAZETTEER: OnceLock<Gazetteer> = OnceLock::new();
    GAZETTEER.get_or_init(|| {
        let mut entries = Vec::new();
        let mut demonyms = HashSet::default();
        let files = [
            (COUNTRIES, Kind::Country),
            (CITIES, Kind::City),
            (REGIONS, Kind::Region),
            (ORGANISATIONS, Kind::Org),
            (DEMONYMS, Kind::Demonym),
        ];
        for (file, kind) in files {
            for line in file.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')) {
                let (line, kind) = match line.strip_prefix("seat:") {
                    Some(rest) => (rest, Kind::Seat),
                    None => (line, kind),
                };
                if kind == Kind::Demonym && !line.contains(' ') {
                    demonyms.insert(line);
                }
                let words = Words::new(line);
                let toks = words
                    .toks
                    .iter()
                    .enumerate()
                    .map(|(k, t)| (normalise(t.text).into_owned(), k > 0 && t.gap == Gap::None))
                    .collect();
                entries.push(Entry { toks, kind });
            }
        }
        let mut by_first: HashMap<String, Vec<usize>, FastHash> = HashMap::default();
        for (index, entry) in entries.iter().enumerate() {
            let first = entry.toks[0].0.clone();
            if first == "The" {
                by_first.entry("the".into()).or_default().push(index);
            }
            by_first.entry(first).or_default().push(index);
        }
        for list in by_first.values_mut() {
            list.sort_by_key(|&i| std::cmp::Reverse(entries[i].toks.len()));
        }
        Gazetteer { entries, by_first, demonyms }
    })
}

/// A gazetteer entry found in the text.
#[derive(Clone, Copy, Debug)]
struct Match {
    last: usize,
    kind: Kind,
    possessive: bool,
}

impl Gazetteer {
    /// The longest entry starting at token `i`.
    fn match_at(&self, w: &Words, i: usize) -> Option<Match> {
        let tok = w.get(i)?;
        let key = normalise(tok.text);
        let direct = self.by_first.get(key.as_ref());
        let possessive = if tok.is_possessive() { self.by_first.get(normalise(tok.base()).as_ref()) } else { None };
        if direct.is_none() && possessive.is_none() {
            return None;
        }
        let mut candidates: Vec<usize> = direct.into_iter().chain(possessive).flatten().copied().collect();
        if possessive.is_some() {
            candidates.sort_by_key(|&c| std::cmp::Reverse(self.entries[c].toks.len()));
        }
        'entries: for index in candidates {
            let entry = &self.entries[index];
            let n = entry.toks.len();
            let mut possessive = false;
            for (k, (word, tight)) in entry.toks.iter().enumerate() {
                let Some(t) = w.get(i + k) else { continue 'entries };
                if k > 0 && ((t.gap == Gap::None) != *tight || t.gap == Gap::Line) {
                    continue 'entries;
                }
                let text = normalise(t.text);
                let same = text == *word || k == 0 && word == "The" && t.text == "the";
                if same {
                    continue;
                }
                if k == n - 1 && t.is_possessive() && normalise(t.base()) == *word {
                    possessive = true;
                    continue;
                }
                continue 'entries;
            }
            // "Chad" must not match the start of "Chadian"-like longer tokens: tokens are whole.
            return Some(Match { last: i + n - 1, kind: entry.kind, possessive });
        }
        None
    }
}

/// Whether `text` is a whole gazetteer entry ("Poland", "The Hague"): a name the rules know and
/// decide per mention, actor, location or neither.
pub(crate) fn is_known_name(text: &str) -> bool {
    let w = Words::new(text);
    gazetteer().match_at(&w, 0).is_some_and(|m| !m.possessive && m.last + 1 == w.toks.len())
}

/// Whether `word` is a nationality adjective ("Ukrainian"), used by the figure rule too.
pub(crate) fn is_demonym(word: &str) -> bool {
    gazetteer().demonyms.contains(word)
}

/// Titles that precede a name and are not part of it, and descriptors used the same way
/// ("rival Volkswagen", "striker X"). Lower case; compared case-insensitively.
#[rustfmt::skip]
const TITLES: &[&str] = &[
    "president", "vice-president", "president-elect", "minister", "premier", "chancellor", "secretary",
    "secretary-general", "spokesperson", "spokesman", "spokeswoman", "envoy", "adviser", "advisor", "ambassador",
    "negotiator", "senator", "sen", "rep", "representative", "congressman", "congresswoman", "lawmaker", "governor",
    "gov", "mayor", "general", "gen", "admiral", "adm", "colonel", "col", "lieutenant", "lt", "captain", "capt",
    "commander", "sergeant", "sgt", "marshal", "king", "queen", "prince", "princess", "pope", "sheikh", "emir",
    "ayatollah", "patriarch", "archbishop", "bishop", "cardinal", "rabbi", "imam", "judge", "prosecutor", "chief",
    "head", "director", "chairman", "chairwoman", "chairperson", "chair", "ceo", "coach", "leader", "speaker",
    "deputy", "mr", "mrs", "ms", "dr", "prof", "professor", "sir", "dame", "lord", "economist", "analyst", "rival",
    "former", "veteran", "incumbent", "opposition", "striker", "midfielder", "defender", "goalkeeper", "teammate",
    "compatriot", "challenger", "candidate", "billionaire", "businessman", "businesswoman", "tycoon", "activist",
    "lawyer", "author", "writer", "singer", "actor", "actress", "artist", "founder", "owner", "journalist",
    "reporter", "correspondent", "historian", "scientist", "researcher", "doctor", "nurse", "teacher", "player",
    "champion", "runner", "cyclist", "boxer", "driver", "justice", "executive", "barrister", "solicitor", "organiser",
    "organizer", "councillor", "councilor", "councilman", "councilwoman", "alderman", "assemblyman",
    "assemblywoman",
];

/// Title words that also start ordinary capitalised names and so do not split a sequence.
const TITLE_NOT_SPLITTING: &[&str] =
    &["chief", "head", "general", "deputy", "speaker", "leader", "chair", "lord", "justice", "executive"];

/// Letters after a person's name for an honour or a rank at the bar: "X KC", "Y MP".
#[rustfmt::skip]
const POSTNOMINALS: &[&str] = &[
    "KC", "QC", "SC", "MP", "MEP", "MSP", "MLA", "OBE", "MBE", "CBE", "KBE", "DBE", "FRS", "PhD", "MD", "Esq",
];

word_set!(fn titles = TITLES);
word_set!(fn verbs = VERBS);
word_set!(fn groups = GROUPS);
word_set!(fn org_words = ORG_WORDS);
word_set!(fn place_words = PLACE_WORDS);
word_set!(fn facilities = FACILITIES);
word_set!(fn place_suffixes = PLACE_SUFFIXES);
word_set!(fn org_types = ORG_TYPES);
word_set!(fn local_bodies = LOCAL_BODIES);

/// Whether `word` is a title or a descriptor used like one ("minister", "Chief", "striker").
pub(crate) fn is_title(word: &str) -> bool {
    titles().contains(lower(word).as_ref())
}

fn is_verb(word: &str) -> bool {
    verbs().contains(word)
}

/// Nouns for a group or institution that acts: "delegation", "army", "officials".
#[rustfmt::skip]
const GROUPS: &[&str] = &[
    "delegation", "delegations", "government", "governments", "army", "armies", "military", "forces", "force",
    "troops", "soldiers", "navy", "officials", "authorities", "diplomats", "negotiators", "ministry", "ministries",
    "parliament", "lawmakers", "legislators", "police", "prosecutors", "investigators", "regulators", "embassy",
    "consulate", "team", "side", "leadership", "administration", "cabinet", "commission", "agency", "intelligence",
    "guard", "guards", "command", "staff", "presidency", "mission", "leaders", "regime", "junta", "rebels",
    "separatists", "militia", "militias", "fighters", "insurgents", "allies", "partners", "bank", "court", "courts", "council", "senate",
    "congress", "office", "service", "services", "secretariat", "body", "watchdog", "regulator", "department",
    "authority", "directorate", "bureau", "committee", "panel", "tribunal", "board",
];

/// Nouns after a place's possessive that make the place a location: "Ukraine's east".
#[rustfmt::skip]
const TERRITORY: &[&str] = &[
    "east", "west", "north", "south", "northeast", "northwest", "southeast", "southwest", "north-east", "north-west",
    "south-east", "south-west", "border", "borders", "capital", "coast", "coastline", "territory", "territories",
    "airspace", "soil", "regions", "provinces", "cities", "towns", "villages", "streets", "skies", "interior",
    "outskirts", "shores", "waters", "countryside", "heartland", "frontier", "islands", "ports", "mountains",
];

/// Capitalised plurals naming a party by its members: "Salazar’s Socialists".
fn is_party_plural(word: &str) -> bool {
    word.ends_with("ists")
        || matches!(word, "Democrats" | "Republicans" | "Conservatives" | "Liberals" | "Greens" | "Tories" | "Labour")
}

/// Group nouns that make one actor with an unknown name's possessive: "Haftar’s forces".
#[rustfmt::skip]
const OWNED_BODIES: &[&str] = &[
    "government", "administration", "cabinet", "forces", "troops", "army", "militia", "militias", "fighters",
    "rebels", "party", "regime", "junta", "coalition", "allies", "board", "council",
];

/// Nouns before "from" whose country is a party: "negotiators from Israel".
#[rustfmt::skip]
const PARTY_MEMBERS: &[&str] = &[
    "negotiators", "delegation", "delegations", "delegates", "officials", "mediators", "envoys", "representatives",
    "diplomats", "ministers", "leaders", "teams", "team", "troops", "forces", "soldiers",
];

/// Words after a name that say it acts.
#[rustfmt::skip]
const VERBS: &[&str] = &[
    "said", "says", "say", "insists", "insisted", "wants", "wanted", "proposes", "proposed", "asks", "asked",
    "announces", "announced", "denies", "denied", "accuses", "accused", "rejects", "rejected", "agrees", "agreed",
    "calls", "called", "claims", "claimed", "demands", "demanded", "warns", "warned", "urges", "urged", "offers",
    "offered", "refuses", "refused", "threatens", "threatened", "launches", "launched", "attacked", "struck", "fired",
    "sent", "sends", "signed", "signs", "held", "holds", "hosted", "hosts", "has", "had", "have", "would", "will",
    "could", "should", "may", "might", "must", "can", "cannot", "is", "was", "were", "are", "does", "did", "plans",
    "planned", "intends", "hopes", "hoped", "expects", "expected", "believes", "believed", "reported", "reports",
    "confirmed", "confirms", "stated", "told", "tells", "noted", "notes", "added", "argued", "argues", "responded",
    "replied", "vowed", "vows", "pledged", "pledges", "promised", "promises", "seeks", "sought", "needs", "needed",
    "continues", "continued", "remains", "remained", "moved", "moves", "decided", "decides", "imposed", "imposes",
    "won", "wins", "lost", "loses", "beat", "beats", "defeated", "joined", "joins", "left", "leaves", "withdrew",
    "withdraws", "invaded", "invades", "supports", "supported", "backs", "backed", "opposes", "opposed", "resisted",
    "resists", "blocked", "blocks", "vetoed", "approved", "approves", "voted", "votes", "maintains", "maintained",
    "accepted", "accepts", "welcomed", "welcomes", "condemned", "condemns", "criticised", "criticized", "criticises",
    "criticizes", "blamed", "blames", "ordered", "orders", "deployed", "deploys", "shot", "downed", "destroyed",
    "captured", "repelled", "took", "takes", "gave", "gives", "made", "makes", "began", "begins", "started", "starts",
    "ended", "ends", "stopped", "stops", "boycotted", "insist", "want", "propose", "agree", "reject", "deny",
    "accuse", "warn", "urge", "plan", "hope", "expect", "believe", "need", "seek", "continue", "remain", "insisting",
    "saying", "wrote", "writes", "spoke", "speaks", "met", "meets", "hit", "hits", "disagree", "disagrees",
    "disagreed", "negotiate", "negotiates", "negotiated", "differ", "differs", "clashed", "clash", "sign", "led",
    "leads", "lead", "travel", "travels", "travelled", "traveled", "face", "faces", "drew", "draw", "trailed", "trail",
    "equalised", "equalized", "scored", "scores", "reached", "reaches",
];

/// Verbs a headline gives a place or a body in the present tense, capitalised: "Jakarta Defends
/// Nickel Drive", "Nairobi and Kampala Resume Talks" (beside those of [`VERBS`]).
#[rustfmt::skip]
const HEADLINE_VERBS: &[&str] = &[
    "defends", "defend", "resume", "resumes", "reopens", "reopen", "opens", "open", "cuts", "cut", "raises", "raise",
    "bans", "ban", "eyes", "weighs", "mulls", "slams", "pushes", "push", "presses", "press", "vow", "seek", "hits",
    "backs", "back", "sues", "sue", "fines", "fine", "halts", "halt", "lifts", "lift", "suspends", "suspend",
    "scraps", "scrap", "approve", "block", "deny", "reject", "agree", "warn", "urge", "offer", "offers", "refuse",
    "demand", "demands", "threaten", "accuse", "blame", "order", "sign", "unveil", "unveils", "extend", "extends",
    "edge", "edges", "stun", "stuns", "sink", "sinks", "thrash", "thrashes", "down", "downs", "face", "host",
];

/// Verbs that ask a name to do something when "to" and a verb follow it: "expected Kenya to
/// do the same", "wants Brussels to act".
#[rustfmt::skip]
const WANTING: &[&str] = &[
    "expected", "expects", "expect", "wants", "wanted", "want", "encouraged", "encourages", "required", "requires",
    "needs", "needed", "challenged", "challenges", "begged", "implored", "advised", "advises",
];

/// Verbs of saying, after which a singular capitalised word at a sentence start is a name.
#[rustfmt::skip]
const SPEECH: &[&str] = &[
    "said", "says", "told", "announced", "reported", "warned", "added", "confirmed", "denied", "stated", "wrote",
    "declined", "insisted", "argued",
];

/// Capitalised words that start sentences as common nouns before a verb of saying.
#[rustfmt::skip]
const COMMON_SUBJECTS: &[&str] = &[
    "Police", "People", "Staff", "Everyone", "Everybody", "Nobody", "Someone", "Somebody", "Anyone", "Nothing",
    "Security", "Management", "Government", "Parliament", "Military", "Media", "Intelligence", "Opposition", "Family",
    "Research", "Data", "Evidence", "Polling", "Turnout", "Inflation", "Trade", "Growth", "Health",
];

/// Words between a subject and its verb that do not break the link ("Russia also said").
#[rustfmt::skip]
const ADVERBS: &[&str] = &[
    "also", "still", "now", "again", "already", "reportedly", "then", "later", "previously", "repeatedly", "never",
    "has", "have", "had", "not",
];

/// Words before a name that ask something of it: it is an actor ("urged Russia to").
#[rustfmt::skip]
const ASKING: &[&str] = &[
    "urged", "urges", "urging", "asked", "asks", "asking", "told", "tells", "pressed", "presses", "pressing",
    "warned", "warns", "accused", "accuses", "invited", "invites", "condemned", "condemns", "criticised",
    "criticized", "blamed", "blames", "thanked", "thanks", "praised", "sanctioned", "allowed", "forced", "persuaded",
    "called", "lent", "lends", "gave", "gives", "granted", "awarded", "offered", "promised", "sold", "paid", "ask",
    "urge", "press", "warn", "tell", "accuse", "invite", "thank", "blame", "criticise", "criticize", "condemn",
    "sanction", "praise", "allow", "force", "persuade", "call", "lend", "give", "grant", "offer", "promise", "pay",
    // The other side in a match: "beat Togo", "to face Mali", "then host Madagascar".
    "beat", "beats", "beating", "face", "faces", "facing", "faced", "host", "hosts", "hosting", "edged", "edges",
    "defeated", "defeat", "defeats", "thrashed", "outplayed", "eliminated", "knocked",
];

/// Nouns before "from" that make what follows the one who acts: "pressure from Washington".
#[rustfmt::skip]
const FROM_ACTOR: &[&str] = &[
    "pressure", "support", "criticism", "demands", "demand", "request", "requests", "calls", "threats", "objections",
    "opposition", "backing", "approval", "permission", "warnings", "complaints", "orders", "response", "reply",
];

/// Lower-case nouns right before a name that say it is an organisation: "the polling firm
/// Cadem", "the broadcaster NTV", "the consultancy Trivium".
#[rustfmt::skip]
const ORG_TYPES: &[&str] = &[
    "firm", "company", "consultancy", "group", "agency", "broadcaster", "newspaper", "bank", "carmaker", "chipmaker",
    "automaker", "airline", "insurer", "lender", "retailer", "startup", "start-up", "association", "union", "charity",
    "operator", "regulator", "party", "network", "website", "outlet", "magazine", "daily", "publisher",
    "manufacturer", "maker", "supplier", "producer", "developer", "giant", "conglomerate", "fund", "investor",
    "organisation", "organization", "club", "militia", "movement", "alliance", "coalition", "institute", "university",
    "watchdog", "insurer", "miner", "exporter", "importer", "platform", "app", "brand", "label", "chain",
    "brokerage", "weekly", "supermarket", "haulier", "wholesaler", "distributor", "subsidiary", "contractor",
    "tabloid",
];

/// Nouns before "between" that make the two sides parties ("dispute between Guyana and …").
#[rustfmt::skip]
const PARTIES: &[&str] = &[
    "dispute", "disputes", "talks", "war", "wars", "conflict", "deal", "agreement", "negotiations", "relations",
    "tensions", "trade", "fighting", "clashes", "summit", "meeting", "ceasefire", "truce", "treaty", "accord",
    "rivalry", "row", "standoff", "exchange", "contacts", "dialogue", "match", "game", "final",
];

/// Words before a side in a match: a club named for its town is no place ("got past Benfica").
const OPPONENT: &[&str] =
    &["past", "beat", "beating", "against", "v", "vs", "versus", "defeated", "over", "host", "hosts"];

/// Prepositions before a place: it is a location, not an actor.
#[rustfmt::skip]
const PLACE_PREPOSITIONS: &[&str] = &[
    "in", "at", "near", "inside", "outside", "across", "throughout", "into", "from", "to", "toward", "towards",
    "around", "over", "through", "via", "within", "of", "off", "along", "beyond", "onto", "across", "between", "for",
    "under", "on", "above", "below", "against", "with",
];

/// Prepositions that make an unknown capitalised word a place ("in Tawila").
const STRONG_PLACE_PREPOSITIONS: &[&str] = &[
    "in",
    "near",
    "inside",
    "outside",
    "across",
    "throughout",
    "into",
    "towards",
    "toward",
    "around",
    "outskirts",
    "along",
];

/// Irregular past participles that start a clause after a place: "stores in the Midlands run
/// by a chain".
#[rustfmt::skip]
const PARTICIPLES: &[&str] = &[
    "run", "hit", "known", "seen", "given", "taken", "struck", "led", "held", "made", "built", "set", "shut", "cut",
    "kept", "found", "sold", "bought", "caught", "left", "lost", "won", "torn", "worn", "grown", "shown", "spent",
];

/// Nouns an apposition gives a place: "Pavlov, a farming town".
#[rustfmt::skip]
const TOWNS: &[&str] = &[
    "town", "village", "city", "suburb", "district", "region", "province", "municipality", "hamlet", "port",
    "island", "settlement", "commune", "county", "neighbourhood", "neighborhood", "river", "lake", "valley",
    "capital", "resort", "township",
];

/// Nouns after a road's number that belong to it: "the N7 highway".
const ROADS: &[&str] = &["motorway", "highway", "expressway", "freeway", "bypass", "road"];

/// Words before "the" and a road's number: "off the A30", "junction 4 of the M62".
#[rustfmt::skip]
const ROAD_PREPOSITIONS: &[&str] = &[
    "off", "on", "onto", "along", "via", "near", "of", "from", "to", "up", "down", "beside", "across", "closed",
    "blocked", "reopened", "join", "joined", "leave", "left",
];

/// One-word names of newspapers and scriptures read "in the …": not places.
#[rustfmt::skip]
const PUBLICATIONS: &[&str] = &[
    "Guardian", "Telegraph", "Economist", "Independent", "Observer", "Spectator", "Mirror", "Sun", "Express", "Mail",
    "Star", "Times", "Post", "Bible", "Quran", "Koran", "Torah", "Gospels", "Lancet",
];

/// Nouns before "on" or "against" whose target is a place: "strikes on Selydove".
#[rustfmt::skip]
const ATTACKS: &[&str] = &[
    "strike", "strikes", "attack", "attacks", "assault", "offensive", "shelling", "raid", "raids", "advance",
    "bombardment", "bombing", "airstrike", "airstrikes", "push", "march",
];

/// Verbs and distances before "from" whose source is a place: "fled from Kurakhove".
#[rustfmt::skip]
const FROM_PLACE: &[&str] = &[
    "fled", "fleeing", "flee", "evacuated", "evacuating", "arrived", "returned", "retreated", "withdrew",
    "withdrawn", "came", "travelled", "traveled", "moved", "displaced", "rescued", "driven", "km", "kilometres",
    "kilometers", "miles", "metres", "meters", "away", "evacuees", "residents", "villagers", "refugees",
];

/// Nouns before "of" that make what follows a place ("city of El Fasher", "mayor of Lyon").
#[rustfmt::skip]
const PLACE_OF: &[&str] = &[
    "city", "town", "village", "capital", "region", "province", "state", "district", "mayor", "governor", "outskirts",
    "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "centre", "center",
    "suburbs", "port", "island", "coast", "streets", "area", "republic", "oblast", "county", "heart", "residents",
    "inhabitants", "villagers", "municipality", "borough", "parish", "suburb", "neighbourhood", "neighborhood",
];

/// Capitalised words that end a place name ("Red Sea", "Maidan Square").
#[rustfmt::skip]
const PLACE_WORDS: &[&str] = &[
    "Sea", "Ocean", "River", "Island", "Islands", "Mountains", "Mountain", "Valley", "Street", "Square", "Avenue",
    "Bridge", "Airport", "Station", "Province", "Region", "Oblast", "County", "District", "Strait", "Gulf", "Bay",
    "Lake", "Desert", "Coast", "Peninsula", "Plain", "Park", "Port", "Canal", "Heights", "Strip", "Plateau", "Basin",
    "Delta", "Hills", "Forest", "Harbour", "Harbor", "Road", "Highway", "Dam", "Crossing", "Camp", "Pass", "Canyon",
    "Falls", "Glacier", "Volcano", "Reef", "Stadium", "Arena", "Palace", "Castle", "Cathedral", "Mosque", "Temple",
    "Base", "Channel", "Reservoir", "Trail", "Land", "Market", "Khola", "Lakes", "Barrage", "Darya",
];

/// Sequences ending in these name events, laws and the like: neither actor nor location.
#[rustfmt::skip]
const EVENT_WORDS: &[&str] = &[
    "Slam", "Cup", "Open", "Championship", "Championships", "Games", "Olympics", "Marathon", "Summit", "Conference",
    "Festival", "Prize", "Award", "Awards", "Trophy", "Tour", "Series", "Prix", "Derby", "Final", "Finals", "Expo",
    "Forum", "Week", "Day", "War", "Act", "Treaty", "Accord", "Agreement", "Plan", "Initiative", "Protocol",
    "Strategy", "Bill", "Budget", "Report", "Index", "Award", "Cup", "Show", "Prize", "Deal", "Pact", "Declaration",
    "Statute", "Statutes", "Convention", "Conventions", "Charter", "Resolution", "Doctrine", "Memorandum",
    "Amendment", "Directive", "Olympiad", "Rally",
];

/// Last words of institutions' names that an "and" inside the name does not split ("Food and
/// Drug Administration").
#[rustfmt::skip]
const INSTITUTIONS: &[&str] = &[
    "Union", "Unions", "Commission", "Administration", "Organization", "Organisation", "Agency", "Authority",
    "Council", "Committee", "Department", "Ministry", "Federation", "Confederation", "Association", "Institute",
    "Society", "Board", "Service", "Office", "Bureau", "Fund", "Alliance", "Front", "Movement", "Party", "Congress",
    "Directorate", "Inspectorate", "Secretariat", "Cooperative",
];

/// Lower-case nouns of a town's or region's own bodies: "Brno city police".
#[rustfmt::skip]
const LOCAL_BODIES: &[&str] = &[
    "police", "service", "services", "council", "government", "authority", "authorities", "brigade",
    "administration", "assembly", "officials", "prosecutors", "prosecutor", "court", "secretariat",
];

/// Plural nouns of armed groups after their name: "Séléka rebels".
const ARMED: &[&str] = &["rebels", "militia", "militias", "fighters", "insurgents", "separatists", "militants"];

/// Words before "May" that make it the month: "in May", "early May".
#[rustfmt::skip]
const MONTH_BEFORE: &[&str] = &[
    "in", "since", "until", "till", "by", "from", "of", "during", "early", "late", "mid", "mid-", "last", "next",
    "this", "before", "after", "on", "through", "to", "between", "and",
];

/// Words before "League" that make it a competition, not a league of states ("Champions
/// League", but "Arab League").
const COMPETITIONS: &[&str] = &["Champions", "Premier", "Europa", "Nations", "Super", "Conference", "Major"];

/// First words of names of storms and operations: "Cyclone Mocha", "Operation Spiderweb".
const STORMS: &[&str] = &["Cyclone", "Hurricane", "Typhoon", "Storm", "Tropical", "Operation"];

/// Lower-case nouns after a name that make it something made or published: "The Ballot
/// newsletter", "the Galaxy phone".
#[rustfmt::skip]
const PRODUCTS: &[&str] = &[
    "newsletter", "podcast", "column", "blog", "documentary", "book", "novel", "album", "song", "film", "series",
    "programme", "program", "show", "phone", "smartphone", "model", "vaccine", "drug", "jet", "jets",
    "missile", "missiles", "drone", "drones", "rifle", "tank", "tanks",
];

/// Lower-case words after a place that belong to it ("Bryansk region").
#[rustfmt::skip]
const PLACE_SUFFIXES: &[&str] = &[
    "region", "province", "oblast", "district", "county", "governorate", "prefecture", "state", "area", "corridor",
    "municipality", "borough", "parish", "canton", "commune", "river", "valley", "mountains", "hills", "highlands",
    "lake", "reservoir", "delta", "basin", "estuary", "gorge", "plain", "plains", "peninsula", "island", "islands",
    "canal", "desert", "deposit", "trail", "pass", "channel", "reserve", "forest", "coast",
];

/// Lower-case facility nouns after a name that make one place with it ("Mirafiori plant",
/// "Zaporizhzhia nuclear power plant"), possibly after two modifiers.
#[rustfmt::skip]
const FACILITIES: &[&str] = &[
    "plant", "factory", "hospital", "airport", "airbase", "base", "prison", "camp", "mine", "refinery", "station",
    "stadium", "dam", "reactor", "complex", "compound", "port", "terminal", "pipeline", "bridge", "crossing",
    "checkpoint", "mosque", "church", "cathedral", "university", "school", "embassy", "square", "market",
    "warehouse", "depot", "shipyard", "quarry", "smelter", "barracks", "street", "avenue", "boulevard",
];

/// Words that make a capitalised sequence an organisation, not a person.
#[rustfmt::skip]
const ORG_WORDS: &[&str] = &[
    "Court", "Bank", "Council", "Organization", "Organisation", "Union", "Ministry", "Agency", "Service",
    "Commission", "Committee", "Party", "Parliament", "Association", "Forces", "Force", "Army", "Fund", "Programme",
    "Program", "Office", "Institute", "University", "Company", "Group", "Corporation", "Corp", "Inc", "Ltd",
    "Foundation", "Alliance", "Federation", "Front", "Movement", "Authority", "Department", "Bureau", "Centre",
    "Center", "Assembly", "Congress", "Senate", "Guard", "Police", "Reserve", "League", "Club", "News", "Times",
    "Post", "Network", "Airlines", "Airways", "Motors", "Energy", "Partners", "Holdings", "Systems", "Technologies",
    "International", "Watch", "Cross", "Crescent", "Navy", "Church", "Coalition", "Society", "Board", "Fed",
    "Secretariat", "Tribunal", "Command", "Brigade", "Battalion", "Regiment", "Division", "Corps", "Museum", "School",
    "College", "Academy", "Hospital", "Trust", "Project", "Service", "Athletics", "FC", "Railways", "Exchange",
    "Mission", "Club", "Chips", "Motors", "Airlines", "Bank", "Institute", "Representative", "Administration",
    "Logistics", "Haulage", "Freight", "Shipping", "Foods", "Industries", "Capital", "Metals", "Mining", "Minerals",
    "Resources", "Steel", "Chemicals", "Pharmaceuticals", "Pharma", "Solutions", "Software", "Electric",
    "Electronics", "Telecom", "Telecoms", "Communications", "Media", "Insurance", "Securities", "Investments",
    "Ventures", "Construction", "Engineering", "Retail", "Stores", "Supermarkets", "Brands", "Labs",
    "Laboratories", "Robotics", "Aerospace", "Petroleum", "Utilities", "Plc", "PLC", "GmbH", "AG", "LLC", "LLP",
    "Superintendence", "Superintendency", "Inspectorate", "Ombudsman", "Directorate", "Prosecutor",
    "Breweries", "Textiles", "Herald", "Gazette", "Journal", "Tribune", "Telegraph", "Chronicle", "Radio",
    "Television", "Press",
];

/// Words after which "of" or "for" continues a capitalised name ("Bank of England").
#[rustfmt::skip]
const OF_HEADS: &[&str] = &[
    "Bank", "Court", "Republic", "University", "Ministry", "Department", "Council", "Organization", "Organisation",
    "Sea", "Gulf", "Strait", "Bay", "Isle", "City", "Province", "State", "Kingdom", "Union", "Church", "Institute",
    "School", "Museum", "Office", "Secretary", "Minister", "Chamber", "House", "Commonwealth", "League", "Federation",
    "Association", "Academy", "Party", "Order", "Duke", "Prince", "King", "Queen", "Governor", "Mayor", "Head",
    "Chief", "Commission", "Committee", "Centre", "Center", "Agency", "Fund", "Alliance", "Coalition", "Society",
    "Foundation", "Movement", "Board", "Bureau", "Authority", "Cape", "Lake", "Mount", "Bank", "Statue", "Palace",
    "Tower", "Battle", "Treaty", "Sisters", "Friends", "Doctors", "Reporters", "Secretariat", "Tribunal", "Cup",
    "Festival", "Convention", "Charter", "Statute",
];

/// Lower-case words inside the names of towns: "Ústí nad Labem", "Frankfurt am Main", "Newcastle
/// upon Tyne", "Halle an der Saale", "Rothenburg ob der Tauber".
fn is_place_particle(word: &str) -> bool {
    matches!(word, "nad" | "pod" | "am" | "upon" | "an" | "ob")
}

const DIRECTIONS: &[&str] =
    &["North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western", "Central", "Upper", "Lower"];

#[rustfmt::skip]
const NOT_NAMES: &[&str] = &[
    "Celsius", "Fahrenheit", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March",
    "April", "June", "July", "August", "September", "October", "November", "December", "I", "OK",
];

/// All-caps words that are not actors.
#[rustfmt::skip]
const ACRONYM_STOP: &[&str] = &[
    "GDP", "CEO", "CFO", "COO", "CTO", "AI", "TV", "PM", "AM", "GMT", "UTC", "CET", "EST", "COVID", "HIV", "AIDS",
    "LNG", "DNA", "IT", "PR", "OK", "ID", "VAT", "SUV", "NGO", "NGOs", "MP", "MPs", "PhD", "II", "III", "IV", "VI",
    "VII", "VIII", "IX", "XI", "FAQ", "PDF", "EV", "EVs", "GPS", "UAV", "UAVs", "USD", "EUR", "GBP", "CPI", "PMI",
    "IPO", "ETF", "KM", "MW", "GW", "OR", "AND", "THE", "NOT", "US", "WW", "WWII", "LGBT", "LGBTQ", "CO", "BBC",
    "KC", "QC", "SC", "MEP", "MEPs", "MSP", "MLA", "OBE", "MBE", "CBE", "KBE", "DBE", "FRS",
];

fn is_name_word(tok: &Tok) -> bool {
    if tok.text.chars().count() == 1 {
        return tok.text != "I" && tok.text.chars().all(char::is_uppercase);
    }
    tok.is_capitalised()
        && tok.is_word()
        && !tok.text.chars().any(|c| c.is_ascii_digit())
        && !NOT_NAMES.contains(&tok.text)
        // "Eighteen communities filed …": a number word opens the sentence, no name.
        && !super::figures::is_small(tok.text)
}

fn is_acronym(word: &str) -> bool {
    let n = word.chars().count();
    (2..=6).contains(&n) && word.chars().all(|c| c.is_ascii_uppercase()) && !ACRONYM_STOP.contains(&word)
}

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

/// A wire dateline at token `i`, the start of a paragraph ("KYIV, Ukraine (AP) —"): the token
/// after its dash.
fn dateline_end(w: &Words, i: usize) -> Option<usize> {
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
    (i + 1..(i + 12).min(w.len()))
        .take_while(|&k| w.toks[k].gap != Gap::Line)
        .find(|&k| matches!(w.toks[k].text, "—" | "–" | "--") || w.toks[k].is("-") && w.toks[k].gap == Gap::Space)
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
        self.mentions.push(Mention { first, last, label, rule, person });
    }

    /// Looks at token `i`; returns the next token to look at.
    fn step(&mut self, i: usize) -> usize {
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
    fn starts(&self, i: usize) -> bool {
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

    /// The last token of the capitalised sequence starting at `i`.
    fn sequence_end(&self, i: usize) -> usize {
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

    /// "Transport and General Workers Union", "Food and Drug Administration": a capitalised run
    /// `s..=end` joined by "and" to one that ends in an institution's noun is one name with it.
    /// Returns the institution's last token.
    fn and_joined_body(&self, s: usize, end: usize) -> Option<usize> {
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
            && !(end + 2..=last).any(|k| org_words().contains(&w.toks[k].text) || is_acronym(w.toks[k].text));
        let joined = institution && !left_named && !known && end - head < 4;
        (joined || of_fields && !known).then_some(last)
    }

    /// A multi-word capitalised name `[s, end]` that is in no gazetteer. Returns the token after
    /// what it took.
    fn name(&mut self, s: usize, end: usize) -> usize {
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
        if !place_word && self.employer(s) {
            self.not_names.push(s);
            return end + 1;
        }
        let framed = self.place_cue_with(s, true) || self.place_apposition(end) || places::way_there(w, s);
        if place_word || (!org && framed) {
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

    /// "export director at Caves Alto Corgo", "an economist at Norte Capital": the employer in
    /// a description after a person's name is neither where nor who acts.
    fn employer(&self, s: usize) -> bool {
        let w = self.w;
        s >= 2 && w.toks[s - 1].is("at") && w.toks[s - 2].is_lowercase_word() && is_title(w.toks[s - 2].text)
    }

    /// "the Plzeň regional police", "the Moravia Region fire and rescue service": a place no
    /// gazetteer holds (`s..=last`) with a body of its own after it is one actor with it, unless
    /// a place preposition says the name is where ("in Brno police arrested …"). Returns the
    /// token after the body.
    fn local_body(&mut self, s: usize, last: usize) -> Option<usize> {
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
    fn armed_group(&mut self, s: usize) -> Option<usize> {
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
    fn single(&mut self, s: usize) -> usize {
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
        let typed_after = (1..=2).any(|k| {
            (1..=k).all(|m| self.w.next_word(s + m).is_some_and(|t| t.gap == Gap::Space && t.is_lowercase_word()))
                && org_types().contains(&self.w.toks[s + k].text)
                && (1..k).all(|m| !is_function_word(self.w.toks[s + m].text))
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

    /// An unknown name `[s, end]` ending in a possessive: one actor with a group noun ("Carolina
    /// Reyes’s campaign team" is not one, "Salazar’s Socialists" is), else the owner alone,
    /// its "’s" left out when the span is written ("**Pedro Sánchez**’s offer"); nothing when
    /// it only modifies a title ("Siltec’s chief executive, Pekka Lindqvist") or its shares.
    fn owner(&mut self, s: usize, end: usize) -> usize {
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

    /// "Bryansk region", "the Essequibo region", "the Mirafiori plant": the last token of the
    /// place with its suffix. `known` places take only a few facility nouns ("Zaporizhzhia
    /// nuclear power plant", but not "a Kyiv school").
    fn place_suffix(&self, last: usize, known: bool) -> Option<usize> {
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
    fn in_place_list(&self, s: usize, end: usize) -> bool {
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
    fn place_apposition(&self, last: usize) -> bool {
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
    fn only_shares(&self, s: usize) -> bool {
        let w = self.w;
        s >= 2
            && w.toks[s - 1].is("in")
            && matches!(
                w.toks[s - 2].text.to_lowercase().as_str(),
                "shares" | "stake" | "stakes" | "invest" | "invested" | "investment" | "investments"
            )
    }

    /// "talks hosted by Acas", "a chain owned by Lidova": the agent of a passive verb acts.
    fn agent(&self, s: usize) -> bool {
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
    fn asked(&self, s: usize, last: usize) -> bool {
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
    fn according_to(&self, s: usize) -> bool {
        s >= 2 && self.w.toks[s - 1].is("to") && self.w.toks[s - 2].is_ci("according")
    }

    /// Whether a place cue precedes token `s`: "in", "near", "city of", "mayor of".
    fn place_cue(&self, s: usize) -> bool {
        self.place_cue_with(s, false)
    }

    /// Like [`Self::place_cue`]; `multi_word` names also take "at" ("at Utopia Planitia").
    fn place_cue_with(&self, s: usize, multi_word: bool) -> bool {
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

    /// Whether the name ending at `last` is followed by a title (it only modifies it, as in
    /// "Kremlin spokesperson Dmitry Peskov").
    fn modifies_title(&self, last: usize) -> bool {
        self.w.next_word(last + 1).is_some_and(|t| t.gap == Gap::Space && is_title(t.text))
    }

    /// The last title in `[s, end]` as (first, last) token, multi-word titles whole.
    fn last_title(&self, s: usize, end: usize) -> Option<(usize, usize)> {
        let mut found = None;
        let mut k = s;
        while k <= end {
            let t = &self.w.toks[k];
            let lower = t.text.to_lowercase();
            // "General" starts "Transport and General Workers Union" as it starts a name.
            let starts = k == s || self.w.toks[k - 1].is("and");
            let splitting = is_title(t.text)
                && !(TITLE_NOT_SPLITTING.contains(&lower.as_str())
                    && starts
                    && k < end
                    && !self.is_person_like(k + 1, end));
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
    fn name_after(&self, at: usize) -> Option<(usize, usize)> {
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
    fn apposition(&mut self, title_end: usize) -> Option<usize> {
        let (first, end) = self.name_after(title_end)?;
        if self.w.toks[end].is_possessive() {
            return Some(end + 1);
        }
        self.push(first, end, Label::Actor, "title", true);
        Some(end + 1)
    }

    /// A lower-case title cue at `i`: "spokesperson Dmitri Volkov", "the regional governor,
    /// Ivan Fedorenko", "a spokesman for Ukrenergo, Oleh Marchuk".
    fn title_cue(&mut self, i: usize) -> Option<usize> {
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

    /// Nationalities joined by "and" or commas, then a group noun: one actor. `s..=last` is
    /// the first nationality (or country abbreviation).
    fn group_after(&mut self, s: usize, last: usize) -> Option<usize> {
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
    fn named_body_after_possessive(&mut self, s: usize, last: usize) -> Option<usize> {
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
    fn known_owner(&mut self, s: usize, last: usize) {
        let w = self.w;
        // "Dmytro Lubinets, Ukraine's parliamentary human rights commissioner": a description.
        let described = s >= 2 && w.toks[s - 1].is(",") && self.mentions.last().is_some_and(|m| m.last + 2 == s);
        if described || self.modifies_title(last) {
            return;
        }
        let territory = (last + 1..last + 4)
            .map_while(|k| w.get(k).filter(|t| t.gap == Gap::Space && t.is_lowercase_word()))
            .any(|t| TERRITORY.contains(&t.text));
        let label = if territory { Label::Location } else { Label::Actor };
        self.push(s, last, label, "gazetteer", false);
    }

    /// "Russia’s delegation", "Ukraine’s air force": the possessive `s..=last` with its group.
    fn group_after_possessive(&mut self, s: usize, last: usize, known: bool) -> Option<usize> {
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

    /// Decides countries, cities and seats by their context; lists share one decision, and a
    /// list with a region in it ("Bavaria, Saxony and Berlin") is a list of places.
    fn label_places(&mut self) {
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
            if lower == "between" {
                let before = p.checked_sub(2).map(|b| w.toks[b].text.to_lowercase());
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
    fn speaks(&self, last: usize) -> bool {
        let w = self.w;
        let mut j = last + 1;
        if w.next_word(j).is_some_and(|t| ADVERBS.contains(&t.text)) {
            j += 1;
        }
        w.next_word(j).is_some_and(|t| t.gap == Gap::Space && SPEECH.contains(&t.text))
    }

    /// Whether a verb follows the name ending at `last`, after a relative clause (", which
    /// borders both countries,") and an adverb ("also").
    fn verb_follows(&self, last: usize) -> bool {
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

    /// A word taken for a place by its preposition alone ("Shares in Stellaris") is not one
    /// when it is part of an actor's name in the same document ("Stellaris Motors").
    fn drop_names_taken_for_places(&mut self) {
        let w = self.w;
        let name_parts: HashSet<&str> = self
            .mentions
            .iter()
            // A one-word name that only acts ("Pavlov will reopen") says less than the frame,
            // and a body named for its place ("the Pavlov town council") is no company's name.
            .filter(|m| {
                m.label == Label::Actor
                    && !matches!(m.rule, "place-cue" | "group")
                    && !(m.first == m.last && m.rule == "name")
            })
            // "University of Cuenca": the place a body is "of" is no part of its own name.
            .flat_map(|m| {
                let of_place = m.last >= m.first + 2 && w.toks[m.last - 1].is("of");
                [Some(w.toks[m.first].text), (!of_place).then_some(w.toks[m.last].text)]
            })
            .flatten()
            .collect();
        // A word placed with its noun too ("Kakamega County"), or a listed town, is a place
        // whose bodies are named for it ("the Kakamega High Court", "Makurdi Bureau"), not a
        // company.
        let placed: HashSet<&str> = self
            .mentions
            .iter()
            .filter(|m| m.label == Label::Location && m.rule == "name" && m.first < m.last)
            .map(|m| w.toks[m.first].text)
            .collect();
        self.mentions.retain(|m| {
            let word = w.toks[m.first].text;
            m.rule != "place-cue" || !name_parts.contains(word) || placed.contains(word) || towns::is_town(word, false)
        });
    }

    /// A place no gazetteer holds, once a frame has placed it ("in Pavlov", "Horní Lhota and
    /// Pavlov"), is a location at its other mentions too, a heading's included ("Pavlov will
    /// reopen its school", "Floods Reach Pavlov"), unless it speaks there. Not when the name is
    /// a person's or part of an actor's.
    fn propagate_places(&mut self) {
        let w = self.w;
        let mut places: Vec<Vec<&str>> = Vec::new();
        let mut seen: HashSet<Vec<&str>, FastHash> = HashSet::default();
        for m in &self.mentions {
            if m.label != Label::Location || !matches!(m.rule, "place-cue" | "list" | "name" | "town") {
                continue;
            }
            // The name without its noun: "Dyje" of "Dyje river".
            let mut last = m.first;
            while last < m.last
                && w.toks[last + 1].gap == Gap::Space
                && (is_name_word(&w.toks[last + 1]) || is_place_particle(w.toks[last + 1].text))
            {
                last += 1;
            }
            let core: Vec<&str> = (m.first..=last).map(|k| w.toks[k].text).collect();
            let short = core.len() == 1 && core[0].chars().nth(2).is_none();
            if !is_name_word(&w.toks[last]) || short || !seen.insert(core.clone()) {
                continue;
            }
            places.push(core);
        }
        let in_actors: HashSet<&str> = self
            .mentions
            .iter()
            .filter(|m| m.label == Label::Actor && m.rule != "group" && !(m.first == m.last && m.rule == "name"))
            .flat_map(|m| (m.first..=m.last).map(|k| w.toks[k].base()))
            .collect();
        places.retain(|core| !core.iter().any(|word| in_actors.contains(word)));
        if places.is_empty() {
            return;
        }
        let mut by_first: HashMap<&str, Vec<&[&str]>, FastHash> = HashMap::default();
        for core in &places {
            by_first.entry(core[0]).or_default().push(core);
        }
        // (first, last, last with its noun) of each other mention.
        let mut found = Vec::new();
        for k in 0..w.len() {
            if !w.toks[k].is_capitalised() {
                continue;
            }
            let Some(cores) = by_first.get(w.toks[k].text) else { continue };
            for core in cores {
                let n = core.len();
                let matches =
                    |j: usize| w.get(k + j).is_some_and(|t| t.text == core[j] && (j == 0 || t.gap == Gap::Space));
                if !(0..n).all(matches) {
                    continue;
                }
                let last = k + n - 1;
                let glued = |t: &Tok| t.gap == Gap::Space && is_name_word(t);
                // In a heading every word is capitalised: neighbours say nothing there.
                let inside =
                    k > 0 && glued(&w.toks[k]) && is_name_word(&w.toks[k - 1]) || w.get(last + 1).is_some_and(glued);
                if inside && !self.heading[k] {
                    continue;
                }
                if self.speaks(last) || self.according_to(k) || self.agent(k) {
                    continue;
                }
                // With its noun: "the Pavlov dam", "Pavlov Dam Holds".
                let noun = w.get(last + 1).filter(|t| t.gap == Gap::Space && place_words().contains(&t.text));
                let end = match noun {
                    Some(_) if self.heading[k] => last + 1,
                    _ => self.place_suffix(last, false).unwrap_or(last),
                };
                // "Central Sulawesi": a compass word that narrows the place belongs to it.
                let direction = k > 0 && w.toks[k].gap == Gap::Space && DIRECTIONS.contains(&w.toks[k - 1].text);
                found.push((k, last, end, direction));
            }
        }
        if found.is_empty() {
            return;
        }
        let covered = self.covered();
        let at: HashMap<(usize, usize), usize, FastHash> =
            self.mentions.iter().enumerate().map(|(index, m)| ((m.first, m.last), index)).collect();
        for (k, last, end, direction) in found {
            let first = if direction && !covered[k - 1] { k - 1 } else { k };
            match at.get(&(k, last)).map(|&index| &mut self.mentions[index]) {
                Some(m) if m.label == Label::Actor && matches!(m.rule, "name" | "list") => {
                    m.label = Label::Location;
                    m.rule = "place-again";
                }
                Some(_) => {}
                None if !covered[k..=end].iter().any(|c| *c) => {
                    self.push(first, end, Label::Location, "place-again", false);
                }
                None => {}
            }
        }
    }

    /// A road's number that a frame placed ("the A9 past Dalwhinnie") is the road at its other
    /// mentions, a heading's included ("A9 Closed Again").
    fn propagate_roads(&mut self) {
        let w = self.w;
        let placed: HashSet<&str> = self
            .mentions
            .iter()
            .filter(|m| m.rule == "road" && m.first == m.last)
            .map(|m| w.toks[m.first].text)
            .collect();
        if placed.is_empty() {
            return;
        }
        let covered = self.covered();
        for (first, last) in places::other_road_mentions(w, &placed, &covered) {
            self.push(first, last, Label::Location, "road", false);
        }
    }

    /// Which tokens a mention found so far covers.
    fn covered(&self) -> Vec<bool> {
        let mut covered = vec![false; self.w.len()];
        for m in &self.mentions {
            for c in &mut covered[m.first..=m.last] {
                *c = true;
            }
        }
        covered
    }

    /// A capitalised run that is wholly a listed town's or district's name ("Paute", "Bielsko-
    /// Biala") is a location where no rule placed it, when nothing says it acts ("San Miguel",
    /// "Paute was left without power"): a new mention, or one the name rules took for an
    /// unknown actor. A town that does something is left to them ("Nysa opened its gates").
    /// Not a run that speaks, owns something, modifies a title or is the last name of a person
    /// named in full here, nor one in a heading (where places come from the text's mentions).
    fn place_listed_towns(&mut self) {
        let w = self.w;
        let surnames: HashSet<&str> = self
            .mentions
            .iter()
            .filter(|m| m.person && m.first < m.last && !towns::is_town(w.slice(m.first, m.last), false))
            .map(|m| w.toks[m.last].base())
            .collect();
        let mut mention_at: Vec<Option<usize>> = vec![None; w.len()];
        for (index, m) in self.mentions.iter().enumerate() {
            for at in &mut mention_at[m.first..=m.last] {
                *at = Some(index);
            }
        }
        for &k in &self.not_names {
            mention_at[k] = Some(usize::MAX);
        }
        let mut i = 0;
        while i < w.len() {
            let t = &w.toks[i];
            if self.heading[i] || !t.is_capitalised() || !is_name_word(t) {
                i += 1;
                continue;
            }
            let end = self.sequence_end(i);
            let mut s = i;
            if self.starts(s) && s < end && is_function_word(&lower(w.toks[s].text)) {
                s += 1;
            }
            let taken = mention_at[s];
            // Free, or wholly an unknown actor that only acts.
            let free = (s..=end).all(|k| mention_at[k].is_none());
            let unknown_actor = taken.filter(|&m| m != usize::MAX).is_some_and(|m| {
                let m = self.mentions[m];
                m.first == s && m.last == end && m.label == Label::Actor && m.rule == "name"
            }) && (i..s).all(|k| mention_at[k].is_none());
            // "Ferries from Tabaco resumed": after a preposition, the verb is not the town's.
            let object = s > 0 && PLACE_PREPOSITIONS.contains(&lower(w.toks[s - 1].text).as_ref());
            let town = (free || unknown_actor)
                && (object || !self.verb_follows(end) || self.is_followed_by_being(end))
                && !w.toks[end].is_possessive()
                && towns::is_town(w.slice(s, end), self.starts(s))
                && !surnames.contains(w.toks[end].text)
                && !self.speaks(end)
                && !self.modifies_title(end)
                && !(s > 0 && OPPONENT.contains(&lower(w.toks[s - 1].text).as_ref()));
            if town {
                let mention = Mention { first: s, last: end, label: Label::Location, rule: "town", person: false };
                match taken {
                    Some(m) => self.mentions[m] = mention,
                    None => self.mentions.push(mention),
                }
            }
            i = end + 1;
        }
        self.mentions.sort_by_key(|m| m.first);
    }

    /// Whether a form of "be" follows the name ending at `last` ("was", "has been", "is
    /// still"): what is said of it, not what it does.
    fn is_followed_by_being(&self, last: usize) -> bool {
        let w = self.w;
        let mut j = last + 1;
        if w.next_word(j).is_some_and(|t| ADVERBS.contains(&t.text) && !matches!(t.text, "has" | "have" | "had")) {
            j += 1;
        }
        let Some(verb) = w.next_word(j).filter(|t| t.gap == Gap::Space) else { return false };
        match verb.text {
            "is" | "was" | "are" | "were" | "remains" | "remained" | "lies" | "lay" | "sits" => true,
            "has" | "had" => w.next_word(j + 1).is_some_and(|t| t.is("been")),
            _ => false,
        }
    }

    /// A person's last name is an actor wherever else it stands alone ("Reyes said").
    fn propagate_surnames(&mut self) {
        let w = self.w;
        let surnames: HashSet<&str> = self
            .mentions
            .iter()
            .filter(|m| m.person && m.label == Label::Actor)
            .map(|m| w.toks[m.last].base())
            .filter(|s| s.chars().count() >= 3 && !is_function_word(&s.to_lowercase()) && !is_title(s))
            .filter(|s| !self.g.by_first.contains_key(*s))
            .collect();
        if surnames.is_empty() {
            return;
        }
        let mut covered = self.covered();
        for &k in &self.not_names {
            covered[k] = true;
        }
        let mut k = 0;
        while k < w.len() {
            let t = w.toks[k];
            if covered[k] || !surnames.contains(t.base()) {
                k += 1;
                continue;
            }
            // "Salazar’s Socialists Lose Ground": the surname's possessive with its party.
            if t.is_possessive() && self.heading[k] {
                if let Some(next) = self.named_body_after_possessive(k, k) {
                    k = next;
                    continue;
                }
            }
            let glued = |j: usize| w.get(j).is_some_and(|n| n.gap == Gap::Space && is_name_word(n));
            let after_name = k > 0 && t.gap == Gap::Space && is_name_word(&w.toks[k - 1]);
            // In a heading every word is capitalised: neighbours say nothing there; its
            // possessive is the owner alone ("Salazar’s Offer").
            if self.heading[k] || !t.is_possessive() && !glued(k + 1) && !after_name {
                self.mentions.push(Mention { first: k, last: k, label: Label::Actor, rule: "name", person: false });
            }
            k += 1;
        }
    }
}
