//! The word lists the name rules read: titles and letters after a name, verbs, group and
//! organisation words, place words and prepositions, the words of events, storms and products,
//! and the one-word tests over them ([`is_title`], [`is_name_word`], [`is_acronym`] …).
//!
//! Only words: no list here looks at a text, and the gazetteers' names are in `gazetteer.rs`.

use crate::suggest::figures;
use crate::suggest::words::{lower, word_set, Tok};

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
    "assemblywoman", "datuk", "dato", "datin", "haji", "hajjah", "alhaji", "abune", "ato", "hon", "cllr", "atty",
    "engr", "critic", "scholar", "curator", "architect", "photographer", "poet", "novelist", "playwright",
    "composer", "conductor", "sprinter", "athlete", "swimmer", "footballer", "winger", "manager", "substitute",
    "forward", "keeper",
];

/// Title words that also start ordinary capitalised names and so do not split a sequence.
pub(super) const TITLE_NOT_SPLITTING: &[&str] =
    &["chief", "head", "general", "deputy", "speaker", "leader", "chair", "lord", "justice", "executive"];

/// Letters after a person's name for an honour or a rank at the bar: "X KC", "Y MP".
#[rustfmt::skip]
pub(super) const POSTNOMINALS: &[&str] = &[
    "KC", "QC", "SC", "MP", "MEP", "MSP", "MLA", "OBE", "MBE", "CBE", "KBE", "DBE", "FRS", "PhD", "MD", "Esq",
];

word_set!(fn titles = TITLES);
word_set!(fn verbs = VERBS);
word_set!(pub(super) fn groups = GROUPS);
word_set!(pub(super) fn org_words = ORG_WORDS);
word_set!(pub(super) fn place_words = PLACE_WORDS);
word_set!(pub(super) fn facilities = FACILITIES);
word_set!(pub(super) fn place_suffixes = PLACE_SUFFIXES);
word_set!(pub(super) fn org_types = ORG_TYPES);
word_set!(pub(super) fn local_bodies = LOCAL_BODIES);

/// Whether `word` is a title or a descriptor used like one ("minister", "Chief", "striker").
pub(crate) fn is_title(word: &str) -> bool {
    titles().contains(lower(word).as_ref())
}

pub(super) fn is_verb(word: &str) -> bool {
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
pub(super) const TERRITORY: &[&str] = &[
    "east", "west", "north", "south", "northeast", "northwest", "southeast", "southwest", "north-east", "north-west",
    "south-east", "south-west", "border", "borders", "capital", "coast", "coastline", "territory", "territories",
    "airspace", "soil", "regions", "provinces", "cities", "towns", "villages", "streets", "skies", "interior",
    "outskirts", "shores", "waters", "countryside", "heartland", "frontier", "islands", "ports", "mountains",
];

/// Capitalised plurals naming a party by its members: "Salazar’s Socialists".
pub(super) fn is_party_plural(word: &str) -> bool {
    word.ends_with("ists")
        || matches!(word, "Democrats" | "Republicans" | "Conservatives" | "Liberals" | "Greens" | "Tories" | "Labour")
}

/// Group nouns that make one actor with an unknown name's possessive: "Haftar’s forces".
#[rustfmt::skip]
pub(super) const OWNED_BODIES: &[&str] = &[
    "government", "administration", "cabinet", "forces", "troops", "army", "militia", "militias", "fighters",
    "rebels", "party", "regime", "junta", "coalition", "allies", "board", "council",
];

/// Nouns before "from" whose country is a party: "negotiators from Israel".
#[rustfmt::skip]
pub(super) const PARTY_MEMBERS: &[&str] = &[
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
pub(super) const HEADLINE_VERBS: &[&str] = &[
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
pub(super) const WANTING: &[&str] = &[
    "expected", "expects", "expect", "wants", "wanted", "want", "encouraged", "encourages", "required", "requires",
    "needs", "needed", "challenged", "challenges", "begged", "implored", "advised", "advises",
];

/// Verbs of saying, after which a singular capitalised word at a sentence start is a name.
#[rustfmt::skip]
pub(super) const SPEECH: &[&str] = &[
    "said", "says", "told", "announced", "reported", "warned", "added", "confirmed", "denied", "stated", "wrote",
    "declined", "insisted", "argued",
];

/// Capitalised words that start sentences as common nouns before a verb of saying.
#[rustfmt::skip]
pub(super) const COMMON_SUBJECTS: &[&str] = &[
    "Police", "People", "Staff", "Everyone", "Everybody", "Nobody", "Someone", "Somebody", "Anyone", "Nothing",
    "Security", "Management", "Government", "Parliament", "Military", "Media", "Intelligence", "Opposition", "Family",
    "Research", "Data", "Evidence", "Polling", "Turnout", "Inflation", "Trade", "Growth", "Health",
];

/// Words between a subject and its verb that do not break the link ("Russia also said").
#[rustfmt::skip]
pub(super) const ADVERBS: &[&str] = &[
    "also", "still", "now", "again", "already", "reportedly", "then", "later", "previously", "repeatedly", "never",
    "has", "have", "had", "not",
];

/// Words before a name that ask something of it: it is an actor ("urged Russia to").
#[rustfmt::skip]
pub(super) const ASKING: &[&str] = &[
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
pub(super) const FROM_ACTOR: &[&str] = &[
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
pub(super) const PARTIES: &[&str] = &[
    "dispute", "disputes", "talks", "war", "wars", "conflict", "deal", "agreement", "negotiations", "relations",
    "tensions", "trade", "fighting", "clashes", "summit", "meeting", "ceasefire", "truce", "treaty", "accord",
    "rivalry", "row", "standoff", "exchange", "contacts", "dialogue", "match", "game", "final", "friendly",
    "fixture", "tie", "derby", "clash", "matches", "games", "partnership", "cooperation", "rift", "feud", "pact",
];

/// Words before a side in a match: a club named for its town is no place ("got past Benfica").
pub(super) const OPPONENT: &[&str] =
    &["past", "beat", "beating", "against", "v", "vs", "versus", "defeated", "over", "host", "hosts"];

/// Prepositions before a place: it is a location, not an actor.
#[rustfmt::skip]
pub(super) const PLACE_PREPOSITIONS: &[&str] = &[
    "in", "at", "near", "inside", "outside", "across", "throughout", "into", "from", "to", "toward", "towards",
    "around", "over", "through", "via", "within", "of", "off", "along", "beyond", "onto", "across", "between", "for",
    "under", "on", "above", "below", "against", "with",
];

/// Prepositions that make an unknown capitalised word a place ("in Tawila").
pub(super) const STRONG_PLACE_PREPOSITIONS: &[&str] = &[
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
pub(super) const PARTICIPLES: &[&str] = &[
    "run", "hit", "known", "seen", "given", "taken", "struck", "led", "held", "made", "built", "set", "shut", "cut",
    "kept", "found", "sold", "bought", "caught", "left", "lost", "won", "torn", "worn", "grown", "shown", "spent",
];

/// Nouns an apposition gives a place: "Pavlov, a farming town".
#[rustfmt::skip]
pub(super) const TOWNS: &[&str] = &[
    "town", "village", "city", "suburb", "district", "region", "province", "municipality", "hamlet", "port",
    "island", "settlement", "commune", "county", "neighbourhood", "neighborhood", "river", "lake", "valley",
    "capital", "resort", "township",
];

/// Nouns after a road's number that belong to it: "the N7 highway".
pub(super) const ROADS: &[&str] = &["motorway", "highway", "expressway", "freeway", "bypass", "road"];

/// Words before "the" and a road's number: "off the A30", "junction 4 of the M62".
#[rustfmt::skip]
pub(super) const ROAD_PREPOSITIONS: &[&str] = &[
    "off", "on", "onto", "along", "via", "near", "of", "from", "to", "up", "down", "beside", "across", "closed",
    "blocked", "reopened", "join", "joined", "leave", "left",
];

/// One-word names of newspapers and scriptures read "in the …": not places.
#[rustfmt::skip]
pub(super) const PUBLICATIONS: &[&str] = &[
    "Guardian", "Telegraph", "Economist", "Independent", "Observer", "Spectator", "Mirror", "Sun", "Express", "Mail",
    "Star", "Times", "Post", "Bible", "Quran", "Koran", "Torah", "Gospels", "Lancet",
];

/// Nouns before "on" or "against" whose target is a place: "strikes on Selydove".
#[rustfmt::skip]
pub(super) const ATTACKS: &[&str] = &[
    "strike", "strikes", "attack", "attacks", "assault", "offensive", "shelling", "raid", "raids", "advance",
    "bombardment", "bombing", "airstrike", "airstrikes", "push", "march",
];

/// Verbs and distances before "from" whose source is a place: "fled from Kurakhove".
#[rustfmt::skip]
pub(super) const FROM_PLACE: &[&str] = &[
    "fled", "fleeing", "flee", "evacuated", "evacuating", "arrived", "returned", "retreated", "withdrew",
    "withdrawn", "came", "travelled", "traveled", "moved", "displaced", "rescued", "driven", "km", "kilometres",
    "kilometers", "miles", "metres", "meters", "away", "evacuees", "residents", "villagers", "refugees",
];

/// Nouns before "of" that make what follows a place ("city of El Fasher", "mayor of Lyon").
#[rustfmt::skip]
pub(super) const PLACE_OF: &[&str] = &[
    "city", "town", "village", "capital", "region", "province", "state", "district", "mayor", "governor", "outskirts",
    "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "centre", "center",
    "suburbs", "port", "island", "coast", "streets", "area", "republic", "oblast", "county", "heart", "residents",
    "inhabitants", "villagers", "municipality", "borough", "parish", "suburb", "neighbourhood", "neighborhood",
    "cities", "towns", "villages", "regions", "provinces", "districts", "counties", "municipalities", "boroughs",
    "parishes", "neighbourhoods", "neighborhoods", "communes", "islands",
];

/// Capitalised words that end a place name ("Red Sea", "Maidan Square").
#[rustfmt::skip]
const PLACE_WORDS: &[&str] = &[
    "Sea", "Ocean", "River", "Island", "Islands", "Mountains", "Mountain", "Valley", "Street", "Square", "Avenue",
    "Bridge", "Airport", "Station", "Province", "Region", "Oblast", "County", "District", "Strait", "Gulf", "Bay",
    "Lake", "Desert", "Coast", "Peninsula", "Plain", "Park", "Port", "Canal", "Heights", "Strip", "Plateau", "Basin",
    "Delta", "Hills", "Forest", "Harbour", "Harbor", "Road", "Highway", "Dam", "Crossing", "Camp", "Pass", "Canyon",
    "Falls", "Glacier", "Volcano", "Reef", "Stadium", "Arena", "Palace", "Castle", "Cathedral", "Mosque", "Temple",
    "Base", "Channel", "Reservoir", "Trail", "Land", "Market", "Khola", "Lakes", "Barrage", "Darya", "Boulevard",
    "Mawatha", "Marg", "Lane", "Plaza", "Quay", "Wharf", "Pier", "Lagoon", "Greenway", "Creek", "Estuary", "Marina",
    "Promenade", "Esplanade", "Waterfront", "Jetty", "Monastery", "Abbey", "Convent", "Bazaar", "Gate", "Minaret",
    "Fortress", "Citadel",
];

/// Sequences ending in these name events, laws and the like: neither actor nor location.
#[rustfmt::skip]
pub(super) const EVENT_WORDS: &[&str] = &[
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
pub(super) const INSTITUTIONS: &[&str] = &[
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
pub(super) const ARMED: &[&str] =
    &["rebels", "militia", "militias", "fighters", "insurgents", "separatists", "militants"];

/// Words before "May" that make it the month: "in May", "early May".
#[rustfmt::skip]
pub(super) const MONTH_BEFORE: &[&str] = &[
    "in", "since", "until", "till", "by", "from", "of", "during", "early", "late", "mid", "mid-", "last", "next",
    "this", "before", "after", "on", "through", "to", "between", "and",
];

/// Words before "League" that make it a competition, not a league of states ("Champions
/// League", but "Arab League").
pub(super) const COMPETITIONS: &[&str] = &["Champions", "Premier", "Europa", "Nations", "Super", "Conference", "Major"];

/// First words of names of storms and operations: "Cyclone Mocha", "Operation Spiderweb".
pub(super) const STORMS: &[&str] = &["Cyclone", "Hurricane", "Typhoon", "Storm", "Tropical", "Operation"];

/// Lower-case nouns after a name that make it something made or published: "The Ballot
/// newsletter", "the Galaxy phone".
#[rustfmt::skip]
pub(super) const PRODUCTS: &[&str] = &[
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

/// Words of a body that is also a building: after "at" or "outside" the name is where
/// ("queued at Kabale Regional Referral Hospital", "studied at the Universidad de Sonora").
#[rustfmt::skip]
pub(super) const VENUES: &[&str] = &[
    "Hospital", "Clinic", "Centre", "Center", "Church", "School", "College", "University", "Universidad",
    "Università", "Université", "Museum", "Theatre", "Theater", "Hall", "Library", "Cemetery",
];

/// Prepositions that make a venue's name a place (see [`VENUES`]).
pub(super) const AT_VENUE: &[&str] = &["at", "outside", "inside", "near", "opposite", "behind", "into", "to"];

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
    "Secretariat", "Tribunal", "Cooperative", "Co-operative", "Command", "Brigade", "Battalion", "Regiment", "Division", "Corps", "Museum", "School",
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
pub(super) const OF_HEADS: &[&str] = &[
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
pub(super) fn is_place_particle(word: &str) -> bool {
    matches!(word, "nad" | "pod" | "am" | "upon" | "an" | "ob")
}

pub(super) const DIRECTIONS: &[&str] =
    &["North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western", "Central", "Upper", "Lower"];

#[rustfmt::skip]
pub(super) const NOT_NAMES: &[&str] = &[
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
    // Time zones, as a stamp gives them.
    "AST", "ADT", "EDT", "CST", "CDT", "MST", "MDT", "PST", "PDT", "BST", "IST", "CEST", "EET", "EEST", "WAT", "CAT",
    "EAT", "SAST", "AEST", "AEDT", "ACST", "AWST", "NZST", "NZDT", "JST", "KST", "HKT", "SGT", "PHT", "WIB",
];

pub(super) fn is_name_word(tok: &Tok) -> bool {
    if tok.text.chars().count() == 1 {
        return tok.text != "I" && tok.text.chars().all(char::is_uppercase);
    }
    tok.is_capitalised()
        && tok.is_word()
        && !tok.text.chars().any(|c| c.is_ascii_digit())
        && !NOT_NAMES.contains(&tok.text)
        // "Eighteen communities filed …": a number word opens the sentence, no name.
        && !crate::suggest::figures::is_small(tok.text)
}

pub(super) fn is_acronym(word: &str) -> bool {
    let n = word.chars().count();
    (2..=6).contains(&n)
        && word.chars().all(|c| c.is_ascii_uppercase())
        && !ACRONYM_STOP.contains(&word)
        && !figures::is_currency_code(word)
}
