//! The suggester's rules, case by case (what each proposes and what it must leave alone, by
//! `shared/annotation-guidelines.md`), its quality on the gold set (so a regression fails), and
//! its promises on any text (within the text, trimmed, sorted, never a rejected span).
#![cfg(not(target_arch = "wasm32"))]

use std::collections::HashSet;
use std::path::Path;
use std::rc::Rc;

use article_annotator::formats::native;
use article_annotator::model::{Document, Span};
use article_annotator::suggest::{suggest, Learned, Suggestion};
use proptest::prelude::*;

fn run(text: &str) -> (Document, Vec<Suggestion>) {
    let doc = Document::new("d1", "t.txt", text);
    let found = suggest(&doc, &Learned::default(), &HashSet::new());
    (doc, found)
}

/// The texts suggested with `label`, in order.
fn texts(text: &str, label: &str) -> Vec<String> {
    let (doc, found) = run(text);
    found.iter().filter(|s| &*s.label == label).map(|s| doc.slice(s.start, s.end).to_string()).collect()
}

#[track_caller]
fn assert_has(text: &str, label: &str, want: &str) {
    let got = texts(text, label);
    assert!(got.iter().any(|g| g == want), "{label} «{want}» not suggested in «{text}»; got {got:?}");
}

#[track_caller]
fn assert_none(text: &str, label: &str) {
    let got = texts(text, label);
    assert!(got.is_empty(), "no {label} expected in «{text}»; got {got:?}");
}

/// `want` is suggested with `label`, and nothing with `other`.
#[track_caller]
fn assert_only(text: &str, label: &str, want: &str, other: &str) {
    assert_has(text, label, want);
    assert_none(text, other);
}

#[track_caller]
fn assert_not(text: &str, label: &str, unwanted: &str) {
    let got = texts(text, label);
    assert!(!got.iter().any(|g| g == unwanted), "{label} «{unwanted}» wrongly suggested in «{text}»");
}

// ---------------------------------------------------------------------------------------------
// Quotes

#[test]
fn quotes_in_curly_and_straight_marks_without_the_marks() {
    assert_eq!(texts("He called it “productive and focused.” Then he left.", "quote"), ["productive and focused"]);
    assert_eq!(
        texts(r#""We are working on it. Nobody expects a breakthrough," he said."#, "quote"),
        ["We are working on it. Nobody expects a breakthrough"],
        "a quote over several sentences is one span, without its closing comma"
    );
    assert_eq!(texts("Er sagte „Wir kommen“ und ging.", "quote"), ["Wir kommen"]);
    assert_eq!(texts("Il a dit « nous partons » hier.", "quote"), ["nous partons"]);
}

#[test]
fn nested_quotes_give_a_span_each() {
    let text = "“My coach told me, ‘Just stay patient,’ and I listened,” she said.";
    assert_eq!(texts(text, "quote"), ["My coach told me, ‘Just stay patient,’ and I listened", "Just stay patient"]);
}

#[test]
fn a_quote_keeps_its_leading_article() {
    let text = "“The pressure on Russia is still insufficient, … diplomatic efforts.” said Andrii Sybiha. \
        \"A deal is close,\" he said. ‘An agreement is near,’ she added, calling it “the best chance yet.”";
    assert_eq!(
        texts(text, "quote"),
        [
            "The pressure on Russia is still insufficient, … diplomatic efforts",
            "A deal is close",
            "An agreement is near",
            "the best chance yet"
        ]
    );
    let mut taught = Document::new("d0", "a.txt", "“The pressure is on,” he said.");
    taught.insert_span(Span::new("s1", 1, 19, "quote")).unwrap();
    let doc = Document::new("d1", "b.txt", "She wrote The pressure is on in her notes.");
    let found = suggest(&doc, &Learned::from_documents([&taught]), &HashSet::new());
    let learned: Vec<&str> = found.iter().filter(|s| s.rule == "learned").map(|s| doc.slice(s.start, s.end)).collect();
    assert_eq!(learned, ["The pressure is on"], "a learned quote keeps its article too");
}

#[test]
fn a_short_scare_quote_nobody_speaks_is_not_a_quote() {
    for text in [
        "The so-called “peace formula” was not discussed.",
        "Zelensky said the so-called “peace formula” still stands.",
        "The content is provided on an \"as is\" basis and is not legal advice.",
        "Prices on the \"blue\" market rose again.",
        "The state's so-called \"flood season plan\", published in May, has not been funded.",
        "It was the latest of several \"temporary\" charges applied at Ganqimaodu since 2023.",
        "The government’s “Safe River” programme has yet to pay Mayor Ana Lima.",
        "She directed the documentary “Rivers of Sand in the Long Dry Season” last year.",
        "A report titled \"Water for All\" was published on Monday by Ana Lima.",
        "Regular riders on the Ogun River have already nicknamed it the \"executive boat\".",
        "The findings support an idea, sometimes called the \"refuge hypothesis\", that corals in the Gulf of Suez live.",
        "The ferry, known as \"the slow boat\", leaves Lagos at dawn.",
        "Teatar Zora revives \"The Miller's Three Wives\", unperformed for 200 years, on Friday.",
        "Its title, \"Frost, Light and Sleep\", undersells the results.",
        "Critic Ivo Marić, writing for the Split weekly \"Kazalište\", left early.",
        "The Ministry of Transport has offered up to €250,000 each for \"active travel\" trials.",
    ] {
        assert_none(text, "quote");
    }
    for (text, want) in [
        ("He called the plan “useful”.", "useful"),
        ("Kremlin Calls Istanbul Meeting 'Useful'", "Useful"),
        ("“Humiliating,” Salazar replied.", "Humiliating"),
        ("It thanked the UAE for its \"humanitarian mediation\".", "humanitarian mediation"),
        ("China added 12 U.S. defence firms to a list of \"unreliable entities\".", "unreliable entities"),
        ("Voters want a “Spain that talks to itself”, she wrote.", "Spain that talks to itself"),
        ("The report said the risks were “on its merits” only.", "on its merits"),
        ("Ana Lima called the ruling \"rushed\" on Monday.", "rushed"),
        ("The UN called for \"restraint\" from Kenya and Uganda.", "restraint"),
        ("Ana Lima called the vote a \"parliamentary ambush\" and left.", "parliamentary ambush"),
        ("Ivo Marić said the \"prestige project\" would add to the debt.", "prestige project"),
        // A headline capitalises its quote with the rest of it.
        ("Rail Workers Halt Trains, Vow 'No Trains Until We Are Paid'", "No Trains Until We Are Paid"),
    ] {
        assert_eq!(texts(text, "quote"), [want], "in «{text}»");
    }
}

#[test]
fn apostrophes_are_not_quotation_marks() {
    assert_none("Ukraine’s air force said Russia's drones don't fly at night.", "quote");
    assert_none("The states’ rights and the 1990’s boom.", "quote");
}

#[test]
fn an_unclosed_paragraph_continues_into_the_next_that_opens_with_a_mark() {
    // Documented choice: one span from the first word to the last, across the paragraphs.
    let text = "\"We have restored power. The network is fragile.\r\n\r\n\"We ask people to wait,\" he said.\r\n";
    assert_eq!(
        texts(text, "quote"),
        ["We have restored power. The network is fragile.\r\n\r\n\"We ask people to wait"]
    );
    assert_none("“This never closes.\n\nAnd this paragraph is narration.", "quote");
}

// ---------------------------------------------------------------------------------------------
// Figures

#[test]
fn currency_codes_and_units_of_two_measures_are_part_of_a_figure() {
    let text = "The repair will cost NOK 1.9 billion, and each family got Tk 2,000. Oxygen fell to 1.8 \
        milligrams per litre; winds reached 185 kilometres per hour.";
    for want in ["NOK 1.9 billion", "Tk 2,000", "1.8 milligrams per litre", "185 kilometres per hour"] {
        assert_has(text, "figure", want);
    }
    // An amount's rate per time leaves the rate out; a code glued to digits names a meeting.
    assert_has("The mine pumps 1,700 litres per second.", "figure", "1,700 litres");
    assert_none("Delegates met at COP30 in Belém.", "figure");
    // A Title Case heading capitalises a number-unit adjective's unit, and what a number counts.
    assert_has("Cuenca Faces Six-Hour Blackouts as Reservoir Nears Its Floor\n\nPower was cut.", "figure", "Six-Hour");
    let heading = "Floods Destroy 300 Homes in Dozens of Villages as Plant Promises 2,400 Jobs\n\nWater rose.";
    for want in ["300 Homes", "Dozens of Villages", "2,400 Jobs"] {
        assert_has(heading, "figure", want);
    }
}

#[test]
fn currency_abbreviations_glued_apart_or_with_a_full_stop() {
    let text = "The plant cost RM1.8 billion and pays RM2,100 a month. The Treasury released Rs. 600 \
        million, Shs 14.6 billion and Shs. 350,000 for each ward.";
    for want in ["RM1.8 billion", "RM2,100", "Rs. 600 million", "Shs 14.6 billion", "Shs. 350,000"] {
        assert_has(text, "figure", want);
    }
}

#[test]
fn figures_take_their_approximation_and_what_they_count() {
    for (text, want) in [
        ("Russia launched 126 long-range drones overnight.", "126 long-range drones"),
        ("The front line runs for about 1,250 kilometers.", "about 1,250 kilometers"),
        ("At least 19 people, including nine children, were hurt.", "At least 19 people"),
        ("At least 19 people, including nine children, were hurt.", "nine children"),
        ("It fired nearly 400 drones.", "nearly 400 drones"),
        ("The talks lasted over four hours.", "over four hours"),
        ("Turnout fell to 19 percent.", "19 percent"),
        ("Inflation eased to 2.1% in May.", "2.1%"),
        ("Output fell 4 per cent.", "4 per cent"),
        ("The margin was 2.8 percentage points.", "2.8 percentage points"),
        ("The fund gave $5 million to the city.", "$5 million"),
        ("Losses narrowed to €2.5bn last year.", "€2.5bn"),
        ("Police arrested 10-15 people.", "10-15 people"),
        ("It will take between 5 and 10 days.", "between 5 and 10 days"),
        ("He sent twenty-five soldiers.", "twenty-five soldiers"),
        ("About two million people fled.", "About two million people"),
        ("A dozen teenagers held a banner, and a dozen more watched.", "A dozen teenagers"),
        ("Drones hit at least six regions.", "at least six regions"),
        ("The city has been besieged for more than a year.", "more than a year"),
        ("Each battery saves hundreds of lives.", "hundreds of lives"),
        ("The war has killed tens of thousands of people.", "tens of thousands of people"),
        ("They agreed a six-week truce.", "six-week"),
        ("A magnitude 6.1 earthquake struck.", "magnitude 6.1"),
        ("She won in 2:16:42, a record.", "2:16:42"),
        ("He scored in the final 4:10 of regulation.", "4:10"),
        ("Wells won it 1:37 into overtime.", "1:37"),
        ("It passed by 74 votes to 24.", "24"),
        ("The final lasted two hours and 21 minutes.", "two hours and 21 minutes"),
        ("Maize now costs 320 kwacha a bag.", "320 kwacha"),
        ("Repairs will cost 250 million koruna.", "250 million koruna"),
        ("The fine was 40,000 lei.", "40,000 lei"),
        ("He was fined R5,000 and jailed.", "R5,000"),
        ("The fund is worth Sh4 billion.", "Sh4 billion"),
        ("Temperatures hit 41°C.", "41°C"),
        ("A Rs 20 crore loan was approved.", "Rs 20 crore"),
    ] {
        assert_has(text, "figure", want);
    }
}

#[test]
fn number_words_and_vague_counts_are_figures_with_what_they_count() {
    for (text, want) in [
        ("Russia fired two cruise missiles.", "two cruise missiles"),
        ("One soldier died overnight.", "One soldier"),
        ("One police officer was hurt.", "One police officer"),
        ("One soldier died and at least two others were hurt.", "at least two others"),
        ("There was at least one death.", "at least one death"),
        ("The shelling killed one civilian.", "one civilian"),
        ("Dozens were injured.", "Dozens"),
        ("The blast killed hundreds.", "hundreds"),
        ("Tens of thousands fled.", "Tens of thousands"),
        ("The war has lasted almost three years.", "almost three years"),
        ("The meeting lasted more than five hours.", "more than five hours"),
        ("Some 12 villages lost power.", "Some 12 villages"),
    ] {
        assert_has(text, "figure", want);
    }
    assert_not("One soldier died and at least two others were hurt.", "figure", "at least two");
    for text in [
        "It is one of the largest attacks.",
        "One day he left.",
        "No one was hurt.",
        "One official said so.",
        "In one village, water ran out.",
        "One banner read “Pay up”; another said “No”.",
        "The scores were level.",
    ] {
        assert_none(text, "figure");
    }
}

#[test]
fn shares_of_a_whole_are_figures_without_what_they_are_a_share_of() {
    for (text, want) in [
        ("Roughly half of the harvest was lost.", "Roughly half"),
        ("Half of the staff left.", "Half"),
        ("Prices rose by more than half.", "more than half"),
        ("A third of the budget went on defence.", "A third"),
        ("It won about a third of the vote.", "about a third"),
        ("Two-thirds of voters backed it.", "Two-thirds"),
        ("Three quarters of the homes had power.", "Three quarters"),
        ("One in five adults smokes.", "One in five adults"),
    ] {
        assert_eq!(texts(text, "figure"), [want], "in «{text}»");
    }
    for text in [
        "In the second half, they scored.",
        "The first half of the year was hard.",
        "The eastern half of the city was dark.",
        "An hour and a half later it was over.",
        "The half-time break was long.",
        "He won a third term.",
        "The third of May.",
        "They marked the twenty-fifth anniversary.",
    ] {
        assert_none(text, "figure");
    }
    assert_eq!(texts("Two ships sank in 2022 and one in 2023.", "figure"), ["Two ships"], "not «one in 2023»");
}

#[test]
fn scores_and_tallies_are_one_figure_but_numbers_in_names_are_not() {
    for (text, want) in [
        ("The council voted 12-3 in favour.", "12-3"),
        ("They won 2-1 after extra time.", "2-1"),
        ("The bill passed 52-48 in the Senate.", "52-48"),
        ("The vote was 48-52.", "48-52"),
        ("They lost 1-2 at home.", "1-2"),
        ("It was a 3-0 win.", "3-0"),
        ("Fans watched the Wolves beat Halifax 3-1 on Sunday.", "3-1"),
        ("They defeated Cape Breton 5-2.", "5-2"),
    ] {
        assert_eq!(texts(text, "figure"), [want], "in «{text}»");
    }
    for text in [
        "Article 5-2 applies.",
        "The N2 highway and the R40 road were closed.",
        "The R2D2 robot.",
        "The shop is open 24-7.",
        "They played a 4-3-3 formation.",
        "She quit her 9-5 job.",
        "Seat 12F and Flat 3C were empty.",
    ] {
        assert_none(text, "figure");
    }
}

#[test]
fn a_bare_number_counts_as_a_clause_subject_or_a_level_and_not_otherwise() {
    for (text, want) in [
        ("Rescuers pulled 14 miners out; nine remain missing.", "nine"),
        ("Twenty-four were rescued.", "Twenty-four"),
        ("Only two managed to escape.", "two"),
        ("The toll rose to 41 on Monday.", "41"),
        ("The count is 41, up from 27 last week.", "27"),
        ("Prices fell from 40 to 35 a bag.", "35"),
    ] {
        assert_has(text, "figure", want);
    }
    for text in [
        "The 12 were freed.",
        "He worked from 9 to 5.",
        "He won 47 and lost 3.",
        "The team scored in the 90th minute.",
        "Chapter 12 was cut.",
        "They came to 10 Downing Street.",
    ] {
        assert_none(text, "figure");
    }
}

#[test]
fn dates_times_ordinals_and_numbers_in_names_are_not_figures() {
    for text in [
        "The invasion began on February 24, 2022.",
        "The talks resume in 2026.",
        "They met on Tuesday at 10:30.",
        "The office is open from 9:30 to 11:00 on Mondays.",
        "Polls close at 5 p.m. and open at 8 a.m.",
        "It was the third series and his 21st title.",
        "Delegates flew to the COP30 summit.",
        "Ukraine wants more F-16 jets and a Boeing 737 crashed.",
        "The Covid-19 pandemic changed everything.",
        "A 27-year-old was arrested.",
        "It is one of the largest attacks.",
        "The 1990s were different.",
        "The court confirmed the 1899 award.",
        "He lives at No. 10.",
    ] {
        assert_none(text, "figure");
    }
    // A time back from now is a duration: every gold author marks it ("promoted only two seasons
    // ago", "almost three years ago").
    assert_eq!(texts("The attack came almost two years ago.", "figure"), ["almost two years"]);
    // A change from one level to another is two figures (every gold author splits them); a
    // range without "from" is one.
    let text = "Tickets rose from €25 to €60. The council voted six votes to three. It took 14 to 16 months.";
    assert_eq!(texts(text, "figure"), ["€25", "€60", "six votes", "three", "14 to 16 months"]);
    // Ages are no figures, in a range neither.
    assert_eq!(texts("It tracked 2,400 women aged between 25 and 70.", "figure"), ["2,400 women"]);
    // A race's distance as its name is no figure; a bare finishing time is.
    let text = "Kemar Lyn won the men's 100m final in 9.91 seconds; Ian Ross finished in 9.95 and Ole Berg was third in 10.01.";
    assert_eq!(texts(text, "figure"), ["9.91 seconds", "9.95", "10.01"]);
    // "R" with cents or a magnitude word is rand; alone it names a road.
    let text = "Shares fell to R41.80, wiping roughly R1.1 billion off its value. Take the R40 north.";
    assert_eq!(texts(text, "figure"), ["R41.80", "roughly R1.1 billion"]);
    // Ranges between mixed or signed ends, counts out of a whole, vague hundreds, "above".
    let text = "Costs fall to between 10% and 15%. They got between seven and 12 years. Nine out of ten \
        vials were fake. Several hundred nurses marched. Debt is above 100% of output.";
    assert_eq!(
        texts(text, "figure"),
        [
            "between 10% and 15%",
            "between seven and 12 years",
            "Nine out of ten vials",
            "Several hundred nurses",
            "above 100%"
        ]
    );
    assert_eq!(texts("Shares fell 7.2% to R41.80.", "figure"), ["7.2%", "R41.80"]);
    assert_eq!(texts("Black Stars Edge Togo 2-1 in Kumasi\n\nText.", "figure"), ["2-1"]);
    // A unit with its time after a slash is one unit; half an hour is a duration; kronur count.
    let text = "Trains run at up to 200 km/h, against 160 km/h now. The drive took half an hour and cost 900 kronur.";
    assert_eq!(texts(text, "figure"), ["up to 200 km/h", "160 km/h", "half an hour", "900 kronur"]);
    assert_eq!(
        texts("At least 11 fishermen and four gunmen died.", "figure"),
        ["At least 11 fishermen", "four gunmen"]
    );
    // "local" after a number is a time zone only before "time" or a stop.
    let text = "It will hire about 3,000 local workers. The strike began at 0900 local time.";
    assert_eq!(texts(text, "figure"), ["about 3,000 local workers"]);
    // A partitive before a possessive, a unit of light; an approximate year is still a year.
    let text = "Two of his cousins were jailed. Lamps give at least 10,000 lux. It was written around 1730.";
    assert_eq!(texts(text, "figure"), ["Two", "at least 10,000 lux"]);
    // "an estimated" approximates; its article stays out, as of every figure (guidelines).
    assert_eq!(texts("The road carries an estimated 9,000 lorries a day.", "figure"), ["estimated 9,000 lorries"]);
    assert_not("The two sides met again.", "figure", "two sides");
}

// ---------------------------------------------------------------------------------------------
// Names: actors and locations

#[test]
fn titles_are_not_part_of_the_name() {
    let text = "President Volodymyr Zelensky met Kremlin spokesperson Dmitry Peskov.";
    assert_has(text, "actor", "Volodymyr Zelensky");
    assert_has(text, "actor", "Dmitry Peskov");
    assert_not(text, "actor", "President Volodymyr Zelensky");
    assert_not(text, "actor", "Kremlin");
    assert_has("“No,” said the regional governor, Ivan Fedorenko.", "actor", "Ivan Fedorenko");
    assert_has("Ukraine's chief negotiator, Oksana Hrytsenko, said no.", "actor", "Oksana Hrytsenko");
    assert_not("Ukraine's chief negotiator, Oksana Hrytsenko, said no.", "actor", "Ukraine's chief negotiator");
    assert_has("A spokesman for Ukrenergo, Oleh Marchuk, said so.", "actor", "Ukrenergo");
    // Critics, curators, sprinters are descriptors before a name; "&" joins a firm's name.
    let text = "Critic Ivo Marić agreed. Substitute Ana Lee won. Veld & Vine said it would close 12 stores.";
    assert_eq!(texts(text, "actor"), ["Ivo Marić", "Ana Lee", "Veld & Vine"]);
    assert_eq!(texts("Trade between Kenya & Uganda grew.", "actor"), ["Kenya", "Uganda"]);
    // A masthead's "The Harbour Post" is "the Harbour Post" in a sentence: the page's own credit.
    let page = "The Harbour Post\nNews › Local › Courts\n\nCourt Halts Ferry Fares\n\nAde Okon reports on the \
        courts for the Harbour Post. Lagoonline said so.";
    assert_eq!(texts(page, "actor"), ["Ade Okon", "Lagoonline"]);
    // A ministry "of" two fields names both, "Energy" and "Natural Resources" included, but
    // not a firm; a cooperative is a body.
    let text = "The Ministry of Mines and Energy agreed. The Department of Environment and Natural Resources \
        appealed. The Ministry of Defence and Shell Energy met. The Aral Fishers' Cooperative said so.";
    assert_eq!(
        texts(text, "actor"),
        [
            "Ministry of Mines and Energy",
            "Department of Environment and Natural Resources",
            "Ministry of Defence",
            "Shell Energy",
            "Aral Fishers' Cooperative"
        ]
    );
    // A currency's letters are no acronym of an actor.
    assert_none("The budget is 6,600 billion CFA francs. Shares were priced at OMR 0.25.", "actor");
    // Abbreviated titles of councillors and lawyers.
    let text = "The motion, tabled by Cllr Aoife Brennan, passed. Its lawyer, Atty. Ramon Dizon, said so.";
    assert_eq!(texts(text, "actor"), ["Aoife Brennan", "Ramon Dizon"]);
    // A description set off after a person's name is that person (gold README, "actor").
    let text = "Tuzla Rovers went ahead through Mirko Halil, their Bosnian striker, before the break. \
        \"Fine,\" said Ade Balogun, Lagoonline's managing director.";
    assert_eq!(texts(text, "actor"), ["Tuzla Rovers", "Mirko Halil", "Ade Balogun"]);
    assert_has("Talks with Ana Lima, the Russian delegation and NATO went on.", "actor", "Russian delegation");
    // Honorifics of Malaysia, Nigeria, Ethiopia, Uganda are titles too.
    let text = "Datuk Haji Rosli Othman said so. Alhaji Musa Bello agreed, as did Abune Yohannes.";
    for want in ["Rosli Othman", "Musa Bello", "Yohannes"] {
        assert_has(text, "actor", want);
    }
    // The body a person just named is "of" describes that person: no second actor.
    let text = "Analyst Ben Harrington of Harbour Street Securities said so. Judge Ana Ruiz of the Third \
        District Court ruled.";
    assert_eq!(texts(text, "actor"), ["Ben Harrington", "Ana Ruiz"]);
    assert_eq!(texts("Harbour Street Securities said so.", "actor"), ["Harbour Street Securities"]);
}

#[test]
fn countries_act_or_are_places_per_mention() {
    let text = "Russia insists on a full deal. Talks in Geneva ended, and Ukraine said it would return from Kyiv.";
    assert_has(text, "actor", "Russia");
    assert_has(text, "actor", "Ukraine");
    assert_has(text, "location", "Geneva");
    assert_has(text, "location", "Kyiv");
    assert_not(text, "actor", "Geneva");
    let list = "China and Saudi Arabia resisted the text, two delegates said.";
    assert_has(list, "actor", "China");
    assert_has(list, "actor", "Saudi Arabia");
    assert_has("Tariffs imposed by the United States hurt.", "actor", "United States");
    assert_has("Drones flew over the Black Sea.", "location", "Black Sea");
}

#[test]
fn a_country_or_capital_acts_or_is_a_place_by_its_words_around() {
    let text = "Poland insists on more air defence. Talks between Turkey and Syria resumed. \
        Ankara and Damascus disagree on the border. Poland's allies met in Warsaw.";
    for want in ["Poland", "Turkey", "Syria", "Ankara", "Damascus", "Poland's allies"] {
        assert_has(text, "actor", want);
    }
    assert_has(text, "location", "Warsaw");
    let places =
        "Drones carried out strikes on Poland overnight. The minister arrived in Ankara. Life in Turkey goes on.";
    for want in ["Poland", "Ankara", "Turkey"] {
        assert_has(places, "location", want);
    }
    assert_none(places, "actor");
}

#[test]
fn a_listed_town_is_a_place_unless_it_acts_speaks_or_is_a_persons_name() {
    let text = "Kakamega was left without power for two days. Residents of Kakamega queued for water. \
        Ferries leave from Split every hour, and buses from Bielsko-Biala.";
    for want in ["Kakamega", "Split", "Bielsko-Biala"] {
        assert_has(text, "location", want);
    }
    assert_none(text, "actor");
    // A word at a sentence start is no town; a town that acts or speaks is no place.
    assert_none("Split decisions were made.", "location");
    assert_none("Thame opened its flood gates on Tuesday.", "location");
    assert_not("Officials in the region said Thame said it would help.", "location", "Thame");
    // The last name of a person named in full here is that person.
    let text = "The council met Peter Thame on Friday. Officials later thanked Thame for his work.";
    assert_not(text, "location", "Thame");
}

#[test]
fn the_places_a_plural_place_noun_is_of_and_venues_where_a_preposition_puts_them() {
    let text = "Buses were cut in the outlying districts of Ponte Felcino, San Marco and Castel Ritaldi. \
        Voters in the mountain municipalities of Zugdidi Tsqali, Vani and Sachkhere backed him.";
    for want in ["Ponte Felcino", "San Marco", "Castel Ritaldi", "Zugdidi Tsqali", "Vani", "Sachkhere"] {
        assert_has(text, "location", want);
    }
    let text = "The plant sits beside the Sungai Merbok. He spoke outside the station on Galle Mawatha. \
        Councillors walked out of the Sala dei Priori. Shops on Corso Garibaldi closed.";
    for want in ["Sungai Merbok", "Galle Mawatha", "Sala dei Priori", "Corso Garibaldi"] {
        assert_has(text, "location", want);
    }
    let text = "Monks left the Franciscan Monastery for the Night Bazaar near Tha Phae Gate. The judges \
        met at the Justice Palace.";
    assert_eq!(texts(text, "location"), ["Franciscan Monastery", "Night Bazaar", "Tha Phae Gate", "Justice Palace"]);
    let text = "Ferries cross the Epe Lagoon daily. Cyclists ride the Waterford Greenway. The final was \
        played at the Estadio Ramón Tahuichi Aguilera.";
    assert_eq!(texts(text, "location"), ["Epe Lagoon", "Waterford Greenway", "Estadio Ramón Tahuichi Aguilera"]);
    assert_none(text, "actor");
    let text = "Mothers queued at Kabale Regional Referral Hospital. She studied at the Universidad de Sonora. \
        A nurse at the Warri Central General Hospital said so. Patients travel to the Mureș County \
        Emergency Hospital, 90 km away.";
    for want in [
        "Kabale Regional Referral Hospital",
        "Universidad de Sonora",
        "Warri Central General Hospital",
        "Mureș County Emergency Hospital",
    ] {
        assert_has(text, "location", want);
    }
    // The same body acting, or employing a person, is no place.
    assert_has("Kabale Regional Referral Hospital said beds ran out.", "actor", "Kabale Regional Referral Hospital");
    assert_none("A professor at Makerere University said so.", "location");
}

#[test]
fn the_ends_of_a_way_from_one_place_to_another_are_places() {
    let text = "Residents of seven riverside towns from Zorvan to Keltra had waited six years. \
        A rail link from Doran Mesa to the border opened. Buses from Amar to Kelu ran late.";
    assert_eq!(texts(text, "location"), ["Zorvan", "Keltra", "Doran Mesa", "Amar", "Kelu"]);
    assert_none("Prices from Monday to Friday rose.", "location");
}

#[test]
fn the_other_party_to_a_deal_and_the_other_side_in_a_match_are_actors() {
    let text = "Mongolia reached a deal with Beijing late on Wednesday.";
    assert_has(text, "actor", "Beijing");
    // The second of two ends is what the first is, however the first was found.
    let text = "Commuters between Galle and Colombo face a second day without trains.";
    assert_eq!(texts(text, "location"), ["Galle", "Colombo"]);
    assert_eq!(texts("Talks between Chile and Peru resume.", "actor"), ["Chile", "Peru"]);
    assert_eq!(texts("The ground staged a friendly between Bolivia and Peru.", "actor"), ["Bolivia", "Peru"]);
    // A country's possessive before a part of it is the place: its coast, its reef, its villages.
    let text = "Corals along Jordan's southern Red Sea coast survived. Parts of Fiji's Great Sea Reef \
        bleached. Why Peru's villages lose their doctors.";
    assert_eq!(texts(text, "location").first().map(String::as_str), Some("Jordan"));
    for want in ["Fiji", "Peru"] {
        assert_has(text, "location", want);
    }
    assert_none(text, "actor");
    assert_has("Peru's army said so.", "actor", "Peru's army");
    let text = "Ghana travel to Bamako to face Mali in March, then host Madagascar in Tamale. \
        The Black Stars beat Togo on Tuesday.";
    for want in ["Ghana", "Mali", "Madagascar", "Togo"] {
        assert_has(text, "actor", want);
    }
    for want in ["Bamako", "Tamale"] {
        assert_has(text, "location", want);
    }
    // A team by its members, after its country's possessive, is one actor; islands are no team.
    assert_has("Ghana's Black Stars came from behind.", "actor", "Ghana's Black Stars");
    assert_not("Spain's Canary Islands saw record arrivals.", "actor", "Spain's Canary Islands");
}

#[test]
fn places_by_their_nouns_in_english_and_other_languages() {
    let text = "Ferries crossed the Maqueda Channel. Trucks waited in the Gobi desert near the Tavan Tolgoi \
        deposit. Wells along the Oued Souss ran dry. Traders on the Makurdi–Naka road were cut off.";
    for want in ["Maqueda Channel", "Gobi desert", "Tavan Tolgoi deposit", "Oued Souss", "Makurdi–Naka road"] {
        assert_has(text, "location", want);
    }
    assert_none(text, "actor");
}

#[test]
fn a_bodys_full_name_runs_through_of_and_and() {
    let text = "The Norwegian Water Resources and Energy Directorate raised the level. Kazakhstan's Ministry \
        of Water Resources and Irrigation said it had asked Tashkent.";
    for want in
        ["Norwegian Water Resources and Energy Directorate", "Kazakhstan's Ministry of Water Resources and Irrigation"]
    {
        assert_has(text, "actor", want);
    }
    // A known name after "and" is a body of its own.
    let text = "The Ministry of Defence and NATO disagreed.";
    assert_eq!(texts(text, "actor"), ["Ministry of Defence", "NATO"]);
}

#[test]
fn roads_by_number_and_the_ends_of_a_way_are_places() {
    let text = "The E6 along the Lyngenfjord was closed. The agency shut a section of the road between Skibotn \
        and Olderdalen. Lorries must take the E8 from Skibotn. Fish died in the Menindee Lakes, and water rose \
        at the Teesta Barrage; boats left the Syr Darya, and riders climbed the Alto de Letras.";
    for want in [
        "E6",
        "Lyngenfjord",
        "Skibotn",
        "Olderdalen",
        "E8",
        "Menindee Lakes",
        "Teesta Barrage",
        "Syr Darya",
        "Alto de Letras",
    ] {
        assert_has(text, "location", want);
    }
    assert_none(text, "actor");
}

#[test]
fn a_body_named_for_a_place_leaves_the_place_a_place() {
    // "of" a place, and a listed town's bureau or court: the town stays a location elsewhere.
    let text = "Homes in Cuenca lost power, said a hydrologist at the University of Cuenca.";
    assert_has(text, "location", "Cuenca");
    let text = "The Makurdi Bureau of the agency said the river rose. The minister arrived in Makurdi on Saturday.";
    assert_has(text, "location", "Makurdi");
    // After a preposition, the verb that follows is not the town's.
    assert_has("Ferries from Tabaco resumed on Wednesday.", "location", "Tabaco");
    // A public body named for a town no list holds: the town is a place at all its mentions.
    let text = "The Zorvan Traders' Association said stalls were empty. Hotels in Zorvan were full, \
        and Zorvan is the festival's home.";
    assert_has(text, "actor", "Zorvan Traders' Association");
    assert_eq!(texts(text, "location"), ["Zorvan", "Zorvan"]);
    // A body of four words and another joined by "and" is one name.
    let text = "The National Disaster Risk Reduction and Management Council said 12 people died.";
    assert_has(text, "actor", "National Disaster Risk Reduction and Management Council");
}

#[test]
fn a_place_frame_wins_over_the_capitalised_name_default() {
    let text = "Fighting raged near Pokrovsk on Sunday. Families fled from Kurakhove to the west. \
        The city of Myrnohrad was quiet. Strikes on Selydove killed two. The town of Dobropillia was told to leave. \
        Shelling continued in Zolota Balka and near Nova Poltavka.";
    for want in ["Pokrovsk", "Kurakhove", "Myrnohrad", "Selydove", "Dobropillia", "Zolota Balka", "Nova Poltavka"] {
        assert_has(text, "location", want);
    }
    assert_none(text, "actor");
    // A name the document shows is an organisation stays out; people after "from" are no place.
    let text = "Shares in Stellaris fell after Stellaris Motors warned. A call from Smith came late.";
    assert_none(text, "location");
}

#[test]
fn the_hague_keeps_its_article_and_other_names_lose_it() {
    assert_has("The court in The Hague opened hearings.", "location", "The Hague");
    assert_has("Judges in the Hague met.", "location", "the Hague");
    assert_has("The European Union offered more.", "actor", "European Union");
    assert_not("The European Union offered more.", "actor", "The European Union");
}

#[test]
fn demonyms_alone_are_nothing_but_groups_of_a_nation_act() {
    let text = "Ukrainian drones hit Russian refineries, a Russian official said.";
    assert_none(text, "actor");
    assert_none(text, "location");
    assert_has("The Russian delegation left early.", "actor", "Russian delegation");
    assert_has("Russia's delegation left early.", "actor", "Russia's delegation");
    assert_has("Russia’s delegation left early.", "actor", "Russia’s delegation");
    assert_has("Ukraine’s air force said so.", "actor", "Ukraine’s air force");
    assert_has("U.S. and Ukrainian officials met.", "actor", "U.S. and Ukrainian officials");
    // A nationality with a state body acts; with what a state does, a trade or a crowd it is
    // still an adjective (guidelines: "Adjectives of nationality … are neither").
    assert_has("Analysts said Turkish troops crossed the border.", "actor", "Turkish troops");
    for text in [
        "Analysts said Chinese involvement in the port deal worried investors.",
        "Vietnamese exporters cut prices as the Filipinos bought more rice.",
    ] {
        assert_none(text, "actor");
    }
}

#[test]
fn abbreviation_full_stops_stay_with_the_name() {
    assert_has("The deal was signed in the U.S. last week.", "location", "U.S.");
}

#[test]
fn capitalised_names_and_their_later_mentions() {
    let text = "Carolina Reyes won the first round. Later, Reyes told supporters in Antofagasta to vote.";
    assert_has(text, "actor", "Carolina Reyes");
    assert_has(text, "actor", "Reyes");
    assert_has(text, "location", "Antofagasta");
    assert_has("The Electoral Service said turnout was high.", "actor", "Electoral Service");
    assert_none("The talks began on Monday in March.", "actor");
}

// ---------------------------------------------------------------------------------------------
// Scraped pages: headings and site furniture

#[test]
fn a_title_case_heading_gives_known_names_but_not_its_capitalised_runs() {
    for text in [
        "Talks Stall as Winter Offensive Looms\n\nThe talks stalled on Monday.",
        "A Narrow Path to a Deal",
        "Background: Why the Border Matters",
        "What Happens Next",
    ] {
        assert_none(text, "actor");
        assert_none(text, "location");
    }
    let text = "Kremlin Calls Istanbul Meeting Useful as Poland Insists on Guarantees";
    assert_has(text, "actor", "Kremlin");
    assert_has(text, "location", "Istanbul");
    assert_has(text, "actor", "Poland");
    assert_not(text, "actor", "Kremlin Calls Istanbul Meeting Useful");
    // The same names in running text are still found.
    let body = "Talks Resume in Geneva\n\nMaria Kovacs told reporters in Budapest that Laszlo Nagy would run.";
    assert_has(body, "actor", "Maria Kovacs");
    assert_has(body, "actor", "Laszlo Nagy");
    assert_has(body, "location", "Budapest");
    assert_has(body, "location", "Geneva");
    assert_has("Judges Meet in The Hague", "location", "The Hague");
    // A section's label in capitals is a heading, and known acronyms there are still found.
    let text = "HEALTH\n\nMothers queued at the ward.\n\nNATO\n\nThe NHS said so.";
    assert_eq!(texts(text, "actor"), ["NATO", "NHS"]);
}

#[test]
fn currency_codes_and_time_zones_are_no_acronyms_of_actors() {
    let text = "His price was a GEL 40 million road fund and a KES 300 fee.\n\nUpdated 11:48 p.m. AST";
    assert_none(text, "actor");
    assert_has(text, "figure", "GEL 40 million");
}

#[test]
fn a_surname_from_the_article_is_an_actor_in_its_headline_too() {
    let text = "Kovacs Wins Second Round\n\nMaria Kovacs won the run-off on Sunday.";
    assert_has(text, "actor", "Kovacs");
    assert_not(text, "actor", "Kovacs Wins Second Round");
}

#[test]
fn site_furniture_gives_no_suggestions_but_text_around_it_does() {
    let page = "By Anna Kowalska and Tomasz Wrona\n4 min read\n\
        Source: Danube Wire | Updated 14:02 GMT | 3 min read\nHome › News › Middle East\n\
        Tags: Poland, Ukraine, drones\nShare this article\nPost a comment\nComments (14)\nRelated posts\n\
        Reporting by Anna Kowalska; Editing by Mark Ellis\nADVERTISEMENT\nAbout the author\n\
        © 2026 Danube Wire. All rights reserved.\n";
    for label in ["actor", "location", "figure", "quote"] {
        assert_none(page, label);
    }
    let text = "Share this article\nAnna Kowalska is a correspondent based in Warsaw and has covered three wars.";
    assert_has(text, "actor", "Anna Kowalska");
    assert_has(text, "location", "Warsaw");
    assert_none(text, "figure");
    // A caption's credit gives nothing; the caption itself is the story's text.
    let caption = "Families carry their belongings near Zorvan on Wednesday. Photo: Lakeside Courier / Amos Otieno";
    assert_eq!(texts(caption, "location"), ["Zorvan"]);
    assert_none(caption, "actor");
    // The masthead's publication, named again on its page, is the page crediting itself.
    let page = "Lakeside Courier\nNews › Regions › North\n\nFerry Sinks Near Kisumu\n\nKISUMU (Lakeside Courier) — \
        Divers searched the lake on Monday.\n\nAmos Otieno covers the lake region for Lakeside Courier.";
    assert_not(page, "actor", "Lakeside Courier");
    assert_has(page, "actor", "Amos Otieno");
    // A newsletter prompt is furniture even when written as a sentence.
    for prompt in [
        "Sign up for our newsletter, read by more than 50,000 investors.",
        "Sign up for the Lakeside Courier morning briefing — news from Kandy and Galle before 8 am.",
    ] {
        for label in ["actor", "location", "figure"] {
            assert_none(prompt, label);
        }
    }
}

#[test]
fn a_related_title_in_sentence_case_is_read_as_text() {
    let page = "Floods Reach the Coast\n\nText.\n\nRelated posts\nFloods close schools in Zeldra for a week\n\
        Tin museum in Varnok reopens after restoration\n\n© 2026 Herald.";
    assert_eq!(texts(page, "location"), ["Zeldra", "Varnok"]);
}

#[test]
fn a_byline_block_gives_neither_its_author_nor_its_city() {
    for page in [
        "Peso Slides as Inflation Bites\nBy Marta Ferreira\nBuenos Aires\nMarch 3, 2026\n\nThe peso fell in Buenos Aires.",
        "Peso Slides as Inflation Bites\nMarta Ferreira\nBuenos Aires\n\nThe peso fell in Buenos Aires.",
    ] {
        assert_eq!(texts(page, "location"), ["Buenos Aires"], "only the city of the story in «{page}»");
        assert_none(page, "actor");
    }
    // A city standing alone as its own paragraph further down is still text.
    let text = "Peso Slides\n\nThe peso fell.\n\nAnalysts agreed.\n\nMadrid\n\nMadrid said it would act.";
    assert_eq!(texts(text, "actor"), ["Madrid"]);
}

#[test]
fn a_bare_name_leaves_its_possessive_out_and_a_group_keeps_it() {
    let text = "Pedro Sánchez's offer was rejected. Carla Ruiz’s plan failed. Later, Sánchez’s aides left.";
    assert_has(text, "actor", "Pedro Sánchez");
    assert_has(text, "actor", "Carla Ruiz");
    assert_has(text, "actor", "Sánchez");
    assert_not(text, "actor", "Pedro Sánchez's");
    assert_has("The coach praised Fathy's opening kick. Fathy's goal won it.", "actor", "Fathy");
    assert_has("Ukraine's air force said so.", "actor", "Ukraine's air force");
    assert_has("Poland's allies met in Warsaw.", "actor", "Poland's allies");
    for text in [
        "Siltec's chief executive, Pekka Lindqvist, said no.",
        "Norvex's shares fell.",
        "Sunday's final was tense. Monday's vote passed.",
    ] {
        for unwanted in ["Siltec", "Norvex", "Sunday", "Monday"] {
            assert_not(text, "actor", unwanted);
        }
    }
}

#[test]
fn a_known_place_s_possessive_marks_the_owner_and_a_named_body_keeps_it() {
    assert_has("Officials rejected Kyiv's so-called peace formula.", "actor", "Kyiv");
    assert_has("Analysts said Russia's economy shrank.", "actor", "Russia");
    assert_has("Shelling hit Ukraine's east overnight.", "location", "Ukraine");
    assert_not("Shelling hit Ukraine's east overnight.", "actor", "Ukraine");
    for text in [
        "Said Dmytro Lubinets, Ukraine's parliamentary human rights commissioner.",
        "Ukraine's chief negotiator, Oksana Hrytsenko, said no.",
    ] {
        assert_not(text, "actor", "Ukraine");
        assert_not(text, "location", "Ukraine");
    }
    // A party or an institution named after the possessive is one actor with it.
    let text = "Pedro Salazar said so. Later Salazar’s Socialists said they would fight.";
    assert_has(text, "actor", "Salazar’s Socialists");
    assert_not(text, "actor", "Socialists");
    assert_has(
        "Voters said Malawi’s Constitutional Court ordered a recount.",
        "actor",
        "Malawi’s Constitutional Court",
    );
    assert_has("Salazar’s Socialists Lose Ground\n\nPedro Salazar said so.", "actor", "Salazar’s Socialists");
    assert_has("Spain's Socialists Lose Ground", "actor", "Spain's Socialists");
    assert_has("Turkey’s Foreign Minister Says Talks Were Useful", "actor", "Turkey’s Foreign Minister");
    let heading = "Salazar’s Offer Rejected\n\nPedro Salazar said so.";
    assert_has(heading, "actor", "Salazar");
    assert_not(heading, "actor", "Salazar’s Offer");
    let heading = "Malawi’s Constitutional Court Orders Recount";
    assert_has(heading, "actor", "Malawi’s Constitutional Court");
    assert_not(heading, "actor", "Malawi’s Constitutional Court Orders Recount");
    // A person's command or team is not a body of its own; their forces are.
    let text = "Officers loyal to Mbaïkoua left. Later Mbaïkoua's command was dissolved. Then Haftar's forces came.";
    assert_has(text, "actor", "Mbaïkoua");
    assert_not(text, "actor", "Mbaïkoua's command");
    assert_has(text, "actor", "Haftar's forces");
}

#[test]
fn places_joined_by_a_hyphen_are_parties_to_talks_and_places_otherwise() {
    for (text, parties) in [
        ("Turkey-Syria Summit Ends Without Deal", ["Turkey", "Syria"]),
        ("Leaders met at the Turkey-Syria Summit on Monday.", ["Turkey", "Syria"]),
        ("The Russia-Ukraine war goes on.", ["Russia", "Ukraine"]),
        ("Analysts said U.S.-China trade talks resumed.", ["U.S.", "China"]),
    ] {
        assert_eq!(texts(text, "actor"), parties, "in «{text}»");
    }
    for text in ["Trucks queued at the Turkey-Syria border.", "The Paris-Berlin train was late."] {
        assert_none(text, "actor");
        assert_eq!(texts(text, "location").len(), 2, "two places in «{text}»");
    }
    assert_has("Guinea-Bissau voted on Sunday.", "actor", "Guinea-Bissau");
}

#[test]
fn events_storms_treaties_and_things_to_read_are_not_actors() {
    for text in [
        "Fans celebrated as the Africa Cup of Nations began.",
        "Mamelodi Sundowns lost in the CAF Champions League on Saturday.",
        "Cyclone Mocha hit the coast on Sunday. Tropical Storm Alberto weakened.",
        "The Rome Statute requires states to cooperate. The Geneva Conventions apply.",
        "Operation Spiderweb destroyed jets.",
        "Many readers sign up for The Ballot each week. Readers of The Ballot newsletter agree.",
        "The Tour de France starts in Lille.",
        "The court will rule in May.",
    ] {
        for unwanted in [
            "Nations",
            "Africa Cup of Nations",
            "CAF Champions League",
            "Cyclone Mocha",
            "Tropical Storm Alberto",
            "Rome Statute",
            "Geneva Conventions",
            "Operation Spiderweb",
            "The Ballot",
            "Tour de France",
        ] {
            assert_not(text, "actor", unwanted);
        }
        assert_not(text, "location", "May");
    }
    // The names around them still are.
    assert_has("Mamelodi Sundowns lost in the CAF Champions League on Saturday.", "actor", "Mamelodi Sundowns");
    assert_has("Theresa May said the deal was done.", "actor", "Theresa May");
    assert_has("The Arab League said it would meet.", "actor", "Arab League");
}

#[test]
fn names_with_particles_and_named_armed_groups() {
    assert_has("Jean-Pierre de la Tour said he would resign.", "actor", "Jean-Pierre de la Tour");
    assert_has("Later Ana de los Ríos said no.", "actor", "Ana de los Ríos");
    assert_has("Ali bin Hassan told reporters the deal was done.", "actor", "Ali bin Hassan");
    assert_has("The M23 rebel group seized the town.", "actor", "M23 rebel group");
    assert_has("Fighting between Séléka rebels and the army went on.", "actor", "Séléka rebels");
    assert_has("The IMF board approved the loan.", "actor", "IMF board");
    for text in ["The M23 offensive went on.", "Bus route M23 was cut."] {
        assert_none(text, "actor");
    }
}

#[test]
fn towns_no_gazetteer_holds_are_places_by_their_frame_and_at_their_other_mentions() {
    // A name placed by its place word ("the Zarva Barrage") is a place alone too.
    let text = "Families lost their homes to the Zarva in three weeks. At the Zarva Barrage the water rose.";
    assert_eq!(texts(text, "location"), ["Zarva", "Zarva Barrage"]);
    // Particles inside town names keep the name whole.
    for (text, want) in [
        ("Rescue teams reached Brandýs nad Labem on Monday.", "Brandýs nad Labem"),
        ("Shops in Frankfurt am Main closed early.", "Frankfurt am Main"),
        ("Residents of Kingston upon Hull waited for news.", "Kingston upon Hull"),
        ("The ferry left Halle an der Saale at noon.", "Halle an der Saale"),
    ] {
        assert_only(text, "location", want, "actor");
    }
    // A list ended by "and" is a list of places whatever verb follows.
    let text = "Residents in Horní Lhota, Dolní Věstonice and Pavlov were told to leave.";
    for want in ["Horní Lhota", "Dolní Věstonice", "Pavlov"] {
        assert_has(text, "location", want);
    }
    assert_none(text, "actor");
    let text = "Shops in Hinckley and Market Deeping had gaps on their shelves.";
    assert_has(text, "location", "Market Deeping");
    assert_none(text, "actor");
    // A person after a place and a comma is no item of a list.
    let text = "At the town hall in Pavlov, Jana Novotná, 71, held her papers.";
    assert_has(text, "actor", "Jana Novotná");
    assert_not(text, "location", "Jana Novotná");
    // Placed once by a frame, the town is a place at its other mentions, its heading's too,
    // unless it speaks.
    let text = "Floods Reach Pavlov as Dyje Crests\n\nWater rose in Pavlov on Monday. Pavlov will reopen its \
        school. The Dyje river fell.";
    assert_eq!(texts(text, "location"), ["Pavlov", "Dyje", "Pavlov", "Pavlov", "Dyje river"]);
    assert_none(text, "actor");
    let text = "Water rose in Pavlov on Monday. Pavlov said the school would reopen.";
    assert_eq!(texts(text, "location"), ["Pavlov"]);
    assert_eq!(texts(text, "actor"), ["Pavlov"]);
    // A one-word company placed by no frame stays an actor; its shares are neither.
    let text = "Shares in Cadem fell. Cadem gave no reason, and Shares in Halvik Freight rose.";
    assert_eq!(texts(text, "actor"), ["Cadem"]);
    assert_none(text, "location");
    // A type names what follows it, not the capitalised word before: "Semiconductor packaging
    // firm Meranti" (the sentence's first word after a dateline).
    let text = "KULIM, June 3 — Semiconductor packaging firm Meranti Microsystems opened a plant.";
    assert_eq!(texts(text, "actor"), ["Meranti Microsystems"]);
    // "in the" places a name too, but not a newspaper read in it, a direction, or a name that
    // only modifies the noun after it.
    assert_has("Shops in the Algarve stayed shut.", "location", "Algarve");
    assert_has("Stores in the Algarve run by the chain closed.", "location", "Algarve");
    for text in [
        "The claim appeared in the Guardian on Monday.",
        "Support for the plan is weak in the West.",
        "Jobs in the Trump era went. Prices rose in the Covid pandemic.",
    ] {
        assert_none(text, "location");
    }
    // The first word after a wire dateline starts a sentence: a common noun there is no name.
    let text = "PRAGUE, Dec 7 (Reuters) - Floodwater reached Pavlov, a spa town, and roads along the Dyje \
        were closed.";
    assert_none(text, "actor");
    assert_eq!(texts(text, "location"), ["Pavlov", "Dyje"]);
    // An apposition that calls the name a town or village places it.
    let text = "Wells near Pavlov, a farming town, ran dry. Lhota, the district's largest village, flooded.";
    assert_eq!(texts(text, "location"), ["Pavlov", "Lhota"]);
    let text = "Jana Novotná, a town councillor, said no. Ostrava Metals, a city employer, said no.";
    assert_eq!(texts(text, "actor"), ["Jana Novotná", "Ostrava Metals"]);
    assert_none(text, "location");
}

#[test]
fn rivers_mountains_regions_and_roads_are_places_with_their_noun() {
    for (text, want) in [
        ("Homes were flooded along the Dyje river on Sunday.", "Dyje river"),
        ("Snow fell on the Krkonoše mountains overnight.", "Krkonoše mountains"),
        ("The Lipno reservoir is full.", "Lipno reservoir"),
        ("The union's organiser for the West Country spoke.", "West Country"),
        ("Traffic stopped near junction 4 of the M62 overnight.", "M62"),
        ("A lorry overturned off the A30 near the depot.", "A30"),
        ("Pickets stood at the gate of the Lhota warehouse.", "Lhota warehouse"),
    ] {
        assert_only(text, "location", want, "actor");
    }
    for text in ["The A4 paper ran out.", "She drove an M3 to work.", "The B52 song played."] {
        assert_none(text, "location");
    }
}

#[test]
fn companies_unions_judges_and_a_town_s_own_bodies_are_actors() {
    for (text, want) in [
        ("Staff at Morwell Haulage voted to strike.", "Morwell Haulage"),
        ("Members of the Transport and General Workers Union backed it.", "Transport and General Workers Union"),
        ("The Food and Drug Administration approved the drug.", "Food and Drug Administration"),
        ("Lawyers told Mr Justice Tom Ellery that the notice was flawed.", "Tom Ellery"),
        ("“We will appeal,” Martin Crane QC told the court.", "Martin Crane"),
        ("Ostrava Metals's spokesman said output fell.", "Ostrava Metals's spokesman"),
        (
            "The Moravia Region fire and rescue service said it pumped out cellars.",
            "Moravia Region fire and rescue service",
        ),
        ("The Brno city police said two people died.", "Brno city police"),
        ("The Olomouc regional police opened an inquiry.", "Olomouc regional police"),
        ("The talks were hosted by Mediat on Friday.", "Mediat"),
        ("Supplies go to stores run by the discount chain Lidova.", "Lidova"),
    ] {
        assert_only(text, "actor", want, "location");
    }
    // Two named bodies joined by "and" stay two; a town's police is a place where it is.
    let text = "The Finance Ministry and Central Bank disagreed.";
    assert_eq!(texts(text, "actor"), ["Finance Ministry", "Central Bank"]);
    let text = "Police in the municipality of Lhota searched homes. The Lhota town council met.";
    assert_eq!(texts(text, "location"), ["Lhota"]);
    assert_eq!(texts(text, "actor"), ["Lhota town council"]);
    assert_has("In Pavlov police arrested two men.", "location", "Pavlov");
    assert_none("In Pavlov police arrested two men.", "actor");
    // A title with a name after it leaves the owner out; one alone is the actor with it.
    assert_none("Tenby Foods’s chief executive, Ola Berg, declined to comment.", "location");
    assert_eq!(texts("Tenby Foods’s chief executive, Ola Berg, declined to comment.", "actor"), ["Ola Berg"]);
    assert_eq!(texts("Tenby Foods’s chief executive declined to comment.", "actor"), ["Tenby Foods’s chief executive"]);
    assert_none("Justice Ministry officials met on Monday.", "location");
}

#[test]
fn furniture_gives_nothing_even_what_the_person_taught() {
    let mut taught = Document::new("d0", "a.txt", "Anna Kowalska wrote it.");
    taught.insert_span(Span::new("s1", 0, 13, "actor")).unwrap();
    let doc = Document::new("d1", "b.txt", "By Anna Kowalska\nShare this article\n\nAnna Kowalska wrote it.");
    let found = suggest(&doc, &Learned::from_documents([&taught]), &HashSet::new());
    let got: Vec<(usize, &str)> = found.iter().map(|s| (s.start, doc.slice(s.start, s.end))).collect();
    assert_eq!(got, [(37, "Anna Kowalska")], "the byline's name is no mention; the story's is");
}

#[test]
fn a_bio_a_disclaimer_a_source_or_a_related_title_gives_names_but_no_figure_or_quote() {
    let said = "The jury called the reporting of Ana Ruiz “fearless, fair and always first on the scene” in Madrid.";
    assert_has(said, "quote", "fearless, fair and always first on the scene");
    let bio = "Ana Ruiz is a correspondent based in Madrid, whose reporting on two wars the jury called \
        “fearless, fair and always first on the scene”.";
    assert_none(bio, "quote");
    assert_none(bio, "figure");
    assert_has(bio, "actor", "Ana Ruiz");
    assert_has(bio, "location", "Madrid");
    let disclaimer = "Disclaimer: Kestrel Media provides this page on an “as is and as available” basis; \
        it does not constitute legal advice.";
    assert_none(disclaimer, "quote");
    assert_has(disclaimer, "actor", "Kestrel Media");
    let page = "About the author\nBorn in Lagos, Ifeoma Eze spent “ten long and happy years” at the Post.";
    assert_none(page, "quote");
    assert_none(page, "figure");
    assert_has(page, "location", "Lagos");
    let bio = "Text.\n\nAbout the author: Tomasz Wrona has covered Silesia for the paper for 12 years.";
    assert_has(bio, "actor", "Tomasz Wrona");
    assert_none(bio, "figure");
    let source = "Text.\n\nSource: Danube Wire, with reporting from Sofia and 3 regional desks";
    assert_has(source, "location", "Sofia");
    assert_none(source, "figure");
    let related = "Floods Cut 40 Kilometres of Road in Sofia\n\nText.\n\nRelated posts\nFloods Cut 40 Kilometres of Road in Sofia\n\
        Mayor Calls Levee Plan 'Reckless'\n\nRead more: Bulgaria Counts 12 Dead\n\nMore text.";
    assert_eq!(texts(related, "figure"), ["40 Kilometres"], "only the headline's");
    assert_none(related, "quote");
    assert_eq!(texts(related, "location"), ["Sofia", "Sofia", "Bulgaria"], "names in titles are kept");
}

#[test]
fn counts_of_part_of_what_was_named_repetitions_and_a_range_s_second_count() {
    let text = "Nine of the injured were flown out, and two of them were critical; 4 of the 9 villages refused.";
    assert_eq!(texts(text, "figure"), ["Nine", "two", "4", "9 villages"]);
    assert_none("One of the doctors left. Ten of 2020 was hard.", "figure");
    assert_eq!(texts("The union wants shifts cut from 10 hours to six.", "figure"), ["10 hours", "six"]);
    assert_none("Trains run from 9 to 5.", "figure");
    assert_eq!(texts("The permit has been renewed four times.", "figure"), ["four times"]);
}

#[test]
fn vague_measures_units_in_words_and_adjectives_and_concentrations() {
    assert_eq!(texts("Sand covered several kilometres of road.", "figure"), ["several kilometres"]);
    assert_none("Several people and several countries objected.", "figure");
    assert_eq!(texts("They sold 5-litre bottles at 2,000 kip each.", "figure"), ["5-litre", "2,000 kip"]);
    assert_eq!(texts("Crews put it on a three-level scale.", "figure"), ["three-level"]);
    assert_eq!(texts("Wells held 3 parts per million of lead.", "figure"), ["3 parts per million"]);
    assert_eq!(texts("Crews removed more than a metre of mud.", "figure"), ["more than a metre"]);
    assert_eq!(texts("He farms less than a hectare.", "figure"), ["less than a hectare"]);
    assert_none("They walked a metre and bought a hectare.", "figure");
    assert_eq!(texts("Rents rose by about a fifth.", "figure"), ["about a fifth"]);
    assert_none("It is a fifth attempt.", "figure");
}

#[test]
fn a_title_case_unit_and_a_name_before_the_counted_noun_stay_in_the_figure() {
    let page = "Flood Water Spreads 40 Kilometres Across the Valley\n\nBackground: Five Years of Delays\n\nText.";
    assert_eq!(texts(page, "figure"), ["40 Kilometres", "Five Years"]);
    let text = "LIMA, Peru — Twelve Quechua villages signed, and the firm bought two Boeing jets.";
    assert_eq!(texts(text, "figure"), ["Twelve Quechua villages", "two Boeing jets"]);
    assert_not(text, "actor", "Twelve Quechua");
}

#[test]
fn a_dateline_of_short_capitalised_words_is_furniture() {
    let text = "HA NOI, May 2 (Reuters) — Seawater has reached the fields, officials said.";
    assert_none(text, "actor");
    assert_none(text, "location");
    // A place in Title Case with a date is one too; a person with an age is no dateline.
    for text in ["Piatra Neamt, 2 December – A bear injured a shepherd.", "Lukla Bazaar, Dec 6: A lake rose."] {
        assert_none(text, "actor");
        assert_none(text, "location");
    }
    assert_has("Maria Lopez, 34, said so on 2 December.", "actor", "Maria Lopez");
}

#[test]
fn a_place_word_first_names_a_place_as_many_languages_write_it() {
    let text = "Protesters marched on Avenida Paulista and into Praça da Sé, while trucks crossed the Salar \
        de Uyuni and the Paso de los Libertadores; Loch Ness and Glen More stayed quiet.";
    let places = texts(text, "location");
    for want in ["Avenida Paulista", "Praça da Sé", "Salar de Uyuni", "Loch Ness", "Glen More"] {
        assert!(places.iter().any(|p| p == want), "«{want}» in {places:?}");
    }
    assert_none(text, "actor");
    // A name that only modifies a title is still no place.
    assert_none("Sierra Leone Airlines spokesman Abu Kamara said so.", "location");
}

#[test]
fn the_way_there_places_an_unknown_town() {
    let text = "The patient was flown to Pemba, and police closed the road to Kitale and the dam above Tarnów; \
        the detour runs through Dalwhinnie.";
    assert_eq!(texts(text, "location"), ["Pemba", "Kitale", "Tarnów", "Dalwhinnie"]);
    assert_none(text, "actor");
    // Through a body is no place.
    assert_not("The law passed through Stormont and through Frontex.", "location", "Frontex");
    assert_not("Ajax got past Benfica.", "location", "Benfica");
}

#[test]
fn a_road_number_with_a_hyphen_and_a_road_placed_once_is_a_road_everywhere() {
    let text = "The I-95 was shut; the Trans-Canada Highway, the TC-1, too.";
    assert_eq!(texts(text, "location"), ["I-95", "Trans-Canada Highway", "TC-1"]);
    assert_none(text, "actor");
    let page = "A9 Shut Again After Landslip\n\nThe A9 through Glen More was closed.";
    assert_eq!(texts(page, "location"), ["A9", "A9", "Glen More"]);
}

#[test]
fn bodies_named_with_a_plural_s_possessive_or_two_fields_are_one_actor() {
    let text = "The Tema Dockers' Federation and the Ministry of Labour and Social Affairs met; Peru's \
        Environmental Inspectorate and the Andean Community secretariat in Lima did not.";
    let actors = texts(text, "actor");
    for want in [
        "Tema Dockers' Federation",
        "Ministry of Labour and Social Affairs",
        "Peru's Environmental Inspectorate",
        "Andean Community secretariat",
    ] {
        assert!(actors.iter().any(|a| a == want), "«{want}» in {actors:?}");
    }
    assert_not(text, "actor", "Peru");
    // A company's possessive before its place is two names.
    let text = "Corvane Logistics' Brno depot closed.";
    assert_has(text, "actor", "Corvane Logistics");
    assert_not(text, "actor", "Corvane Logistics' Brno");
}

#[test]
fn titles_the_asked_and_apposed_bodies_and_an_employer_after_a_name() {
    assert_only("Councillor Ewan Drummond said it.", "actor", "Ewan Drummond", "location");
    assert_not("Councillor Ewan Drummond said it.", "actor", "Councillor Ewan Drummond");
    assert_has("The minister told Stormont in May that it would wait.", "actor", "Stormont");
    assert_eq!(texts("Lima expected Quito to act.", "actor"), ["Lima", "Quito"]);
    assert_has("The federal water agency, Conagua, said so.", "actor", "Conagua");
    assert_none("Growers were paid KSh 5,000 a tonne.", "actor");
    // A currency's code or its prefix glued to the sign is no name.
    let text = "It made NZ$41.6 million, lost around NPR 1.8 million and paid HK$5 million.";
    assert_eq!(texts(text, "figure"), ["NZ$41.6 million", "around NPR 1.8 million", "HK$5 million"]);
    assert_none(text, "actor");
    assert_none(text, "location");
    let text = "Ana Ruiz, chief economist at Norte Capital, said so.";
    assert_none(text, "location");
    assert_eq!(texts(text, "actor"), ["Ana Ruiz"]);
}

#[test]
fn a_town_placed_with_its_noun_stays_a_place_beside_its_court() {
    let text = "Farmers in Huancayo County said that in Huancayo the Huancayo High Court ruled.";
    assert_eq!(texts(text, "location"), ["Huancayo County", "Huancayo"]);
    assert_eq!(texts(text, "actor"), ["Huancayo High Court"]);
}

#[test]
fn headings_give_places_their_compass_word_and_noun_and_places_their_verbs() {
    let page = "Floods Reach Central Sumba\n\nRain fell in Sumba on Monday.";
    assert_has(page, "location", "Central Sumba");
    let page = "Salt Creeps Across the Mekong Delta as Quito and Lima Resume Talks\n\nText.";
    assert_has(page, "location", "Mekong Delta");
    assert_eq!(texts(page, "actor"), ["Quito", "Lima"]);
    assert_eq!(texts("Jakarta Defends Its Plan\n\nText.", "actor"), ["Jakarta"]);
}

// ---------------------------------------------------------------------------------------------
// Learned strings

#[test]
fn learned_strings_are_proposed_at_whole_word_case_sensitive_mentions() {
    let mut taught = Document::new("d1", "a.txt", "Grid operator Ukrenergo warned.");
    taught.insert_span(Span::new("s1", 14, 23, "actor")).unwrap();
    taught.insert_span(Span::new("s2", 0, 4, "infrastructure")).unwrap();
    let learned = Learned::from_documents([&taught]);
    assert_eq!(learned.len(), 2);
    let doc = Document::new(
        "d2",
        "b.txt",
        "ukrenergo, Ukrenergo’s crews and Ukrenergos; Grid power from the Ukrenergo grid.",
    );
    let found = suggest(&doc, &learned, &HashSet::new());
    let got: Vec<(&str, &str)> = found.iter().map(|s| (doc.slice(s.start, s.end), &*s.label)).collect();
    // The owner of "Ukrenergo’s crews" is proposed by the name rule, without its "’s"; the
    // lower-case and the plural mentions are not proposed.
    assert_eq!(got, [("Ukrenergo", "actor"), ("Grid", "infrastructure"), ("Ukrenergo", "actor")]);
    assert!(found.iter().any(|s| s.rule == "learned" && &*s.label == "infrastructure"));
}

/// What `doc` is offered once `taught` was annotated with `spans` (start, end, label).
fn learned_from(taught: &str, spans: &[(usize, usize, &str)], text: &str) -> Vec<(String, String, &'static str)> {
    let mut earlier = Document::new("d0", "a.txt", taught);
    for (n, (start, end, label)) in spans.iter().enumerate() {
        earlier.insert_span(Span::new(format!("s{n}"), *start, *end, *label)).unwrap();
    }
    let doc = Document::new("d1", "b.txt", text);
    let found = suggest(&doc, &Learned::from_documents([&earlier]), &HashSet::new());
    found.iter().map(|s| (doc.slice(s.start, s.end).to_string(), s.label.to_string(), s.rule)).collect()
}

#[test]
fn a_known_name_or_a_bare_number_is_not_learned_as_a_string() {
    // "Poland" tagged as a place does not make a dateline's or a title's "Poland" one: the
    // name rules decide each mention, and here they propose nothing.
    let got =
        learned_from("Drones fell on Poland.", &[(15, 21, "location")], "WARSAW, Poland (AP) — The talks went on.");
    assert!(got.iter().all(|s| s.2 != "learned"), "{got:?}");
    let got = learned_from("Poland said no.", &[(0, 6, "actor")], "Drones fell on Poland.");
    assert_eq!(got, [("Poland".to_string(), "location".to_string(), "gazetteer")]);
    // A number is a figure by what it counts; with its noun it is learned.
    let got = learned_from(
        "It lasted 24 hours, then two more.",
        &[(10, 12, "figure"), (25, 28, "figure")],
        "Route 24 reopened; two.",
    );
    assert!(got.iter().all(|s| s.2 != "learned"), "{got:?}");
    let got = learned_from("The alert rose to Level 4.", &[(18, 25, "figure")], "It stays at Level 4 now.");
    assert!(got.contains(&("Level 4".to_string(), "figure".to_string(), "learned")), "{got:?}");
}

#[test]
fn a_string_taught_both_as_actor_and_as_location_is_left_to_the_context() {
    let taught = "Kesmeli said no. Troops reached Kesmeli.";
    let both = [(0, 7, "actor"), (32, 39, "location")];
    assert!(learned_from(taught, &both, "Kesmeli was quiet.").is_empty());
    let got = learned_from(taught, &both[1..], "Kesmeli was quiet.");
    assert_eq!(got, [("Kesmeli".to_string(), "location".to_string(), "learned")]);
}

#[test]
fn a_string_rejected_elsewhere_is_not_proposed_with_that_label_unless_it_was_tagged_so() {
    let text = "Winter Offensive said that Halden Partners left Geneva “for good and for ever, it seems”.";
    let doc = Document::new("d1", "t.txt", text);
    let offered = |learned: &Learned| -> Vec<(String, String)> {
        let found = suggest(&doc, learned, &HashSet::new());
        found.iter().map(|s| (doc.slice(s.start, s.end).to_string(), s.label.to_string())).collect()
    };
    let pair = |t: &str, l: &str| (t.to_string(), l.to_string());
    let before = offered(&Learned::default());
    for wanted in [pair("Winter Offensive", "actor"), pair("Halden Partners", "actor"), pair("Geneva", "location")] {
        assert!(before.contains(&wanted), "{wanted:?} in {before:?}");
    }
    let refused = [("Winter Offensive", "actor"), ("Halden Partners", "location"), ("Geneva", "location")];
    let after = offered(&Learned::default().with_refused(refused));
    assert!(!after.contains(&pair("Winter Offensive", "actor")), "{after:?}");
    assert!(after.contains(&pair("Halden Partners", "actor")), "another label is another judgement");
    assert!(after.contains(&pair("Geneva", "location")), "a known name is judged per mention");
    assert_eq!(after.len(), before.len() - 1);
    // Tagged so in some document, rejected in another: the tag wins.
    let mut taught = Document::new("d0", "a.txt", "Winter Offensive said no.");
    taught.insert_span(Span::new("s1", 0, 16, "actor")).unwrap();
    let both = offered(&Learned::from_documents([&taught]).with_refused(refused));
    assert!(both.contains(&pair("Winter Offensive", "actor")), "{both:?}");
}

#[test]
fn a_learned_string_inside_a_longer_rule_span_of_its_label_is_not_proposed_again() {
    let mut taught = Document::new("d1", "a.txt", "The talks lasted three days.");
    taught.insert_span(Span::new("s1", 17, 27, "figure")).unwrap();
    let doc = Document::new("d2", "b.txt", "Shelling went on for up to three days. It took three days.");
    let found = suggest(&doc, &Learned::from_documents([&taught]), &HashSet::new());
    let figures: Vec<&str> =
        found.iter().filter(|s| &*s.label == "figure").map(|s| doc.slice(s.start, s.end)).collect();
    // Inside "up to three days" it is that span's part; alone, it is proposed.
    assert_eq!(figures, ["up to three days", "three days"]);
}

#[test]
fn a_learned_name_is_not_proposed_where_the_words_around_say_it_is_none_or_part_of_a_name() {
    // A place learned from "in Pavlov" is part of the town's police, an actor.
    let taught = "Water rose in Pavlov.";
    let got = learned_from(taught, &[(14, 20, "location")], "The Pavlov city police said two died.");
    assert_eq!(got, [("Pavlov city police".to_string(), "actor".to_string(), "group")]);
    // A company learned as an actor is none before a title or when only its shares are meant.
    let taught = "Halvik Freight said no.";
    for text in ["Halvik Freight spokeswoman Mia Ross said no.", "Shares in Halvik Freight fell 8%."] {
        let got = learned_from(taught, &[(0, 14, "actor")], text);
        assert!(!got.iter().any(|(t, _, _)| t == "Halvik Freight"), "{text}: {got:?}");
    }
    let got = learned_from(taught, &[(0, 14, "actor")], "Halvik Freight Chief Resigns");
    assert!(got.is_empty(), "{got:?}");
    let got = learned_from(taught, &[(0, 14, "actor")], "Talks With Halvik Freight Stall");
    assert_eq!(got, [("Halvik Freight".to_string(), "actor".to_string(), "learned")]);
}

#[test]
fn existing_and_rejected_spans_are_not_proposed_again() {
    let text = "Russia launched 126 drones at Ukraine.";
    let mut doc = Document::new("d1", "t.txt", text);
    doc.insert_span(Span::new("s1", 0, 6, "actor")).unwrap();
    let rejected: HashSet<(usize, usize, Rc<str>)> = [(16, 26, Rc::from("figure"))].into_iter().collect();
    let found = suggest(&doc, &Learned::from_documents([&doc]), &rejected);
    let got: Vec<(&str, &str)> = found.iter().map(|s| (doc.slice(s.start, s.end), &*s.label)).collect();
    assert_eq!(got, [("Ukraine", "location")]);
}

#[test]
fn the_suggest_module_stays_pure() {
    let mut dirs = vec![Path::new(env!("CARGO_MANIFEST_DIR")).join("src/suggest")];
    let mut files = 0;
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
                continue;
            }
            let source = std::fs::read_to_string(&path).unwrap();
            for word in ["web_sys", "gloo", "yew", "wasm_bindgen", "js_sys", "regex"] {
                assert!(!source.contains(word), "{} mentions {word}", path.display());
            }
            files += 1;
        }
    }
    assert!(files >= 5);
}

// ---------------------------------------------------------------------------------------------
// Quality on the gold set (exact boundaries), so that a regression fails.

fn gold(set: &str) -> Vec<Document> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/gold").join(set);
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    paths.sort();
    paths.iter().flat_map(|p| native::import("gold", &std::fs::read_to_string(p).unwrap()).unwrap().documents).collect()
}

fn f1(docs: &[Document], label: &str) -> f64 {
    let (mut tp, mut fp, mut fn_) = (0usize, 0usize, 0usize);
    for doc in docs {
        let blank = Document::new(doc.id.clone(), doc.name.clone(), doc.text().clone());
        let found = suggest(&blank, &Learned::default(), &HashSet::new());
        let want: HashSet<(usize, usize)> =
            doc.spans().iter().filter(|s| &*s.label == label).map(|s| (s.start, s.end)).collect();
        let got: HashSet<(usize, usize)> =
            found.iter().filter(|s| &*s.label == label).map(|s| (s.start, s.end)).collect();
        tp += want.intersection(&got).count();
        fp += got.difference(&want).count();
        fn_ += want.difference(&got).count();
    }
    2.0 * tp as f64 / (2 * tp + fp + fn_).max(1) as f64
}

/// Suggestions that a person working through `docs` in order has to reject or add, per article:
/// with `learning`, each learns the spans of the articles before and the strings rejected there.
fn left_to_fix(docs: &[Document], learning: bool) -> Vec<usize> {
    let mut rejected: Vec<(String, String)> = Vec::new();
    let mut out = Vec::new();
    for (i, gold) in docs.iter().enumerate() {
        let learned = if learning {
            Learned::from_documents(&docs[..i]).with_refused(rejected.iter().map(|(t, l)| (t.as_str(), l.as_str())))
        } else {
            Learned::default()
        };
        let blank = Document::new(gold.id.clone(), gold.name.clone(), gold.text().clone());
        let got: HashSet<(usize, usize, String)> = suggest(&blank, &learned, &HashSet::new())
            .into_iter()
            .map(|s| (s.start, s.end, s.label.to_string()))
            .collect();
        let want: HashSet<(usize, usize, String)> =
            gold.spans().iter().map(|s| (s.start, s.end, s.label.to_string())).collect();
        rejected.extend(got.difference(&want).map(|(s, e, l)| (gold.slice(*s, *e).to_string(), l.clone())));
        out.push(got.symmetric_difference(&want).count());
    }
    out
}

#[test]
fn learning_never_adds_work_and_halves_it_where_names_come_back() {
    for set in ["tuning", "held_out", "fresh", "scraped"] {
        let docs = gold(set);
        let (with, alone) = (left_to_fix(&docs, true), left_to_fix(&docs, false));
        for (n, (w, a)) in with.iter().zip(&alone).enumerate() {
            assert!(w <= a, "{set} article {n}: {w} to fix with learning, {a} without");
        }
    }
    // The series follows one story: its later articles name the same town, firm and people.
    let docs = gold("series");
    let (with, alone) = (left_to_fix(&docs, true), left_to_fix(&docs, false));
    let later = |counts: &[usize]| counts[counts.len() / 2..].iter().sum::<usize>();
    assert!(later(&with) * 2 <= later(&alone), "with learning {with:?}, without {alone:?}");
    // Two more stories, by an author who never saw the rules: learning never leaves more to fix
    // in an article, and less in the later articles of the strike story, whose firm's name the
    // rules alone cannot place (the dam story's towns they now place themselves).
    let unseen = gold("unseen_series");
    for story in ["dam-", "union-"] {
        let docs: Vec<Document> = unseen.iter().filter(|d| d.name.starts_with(story)).cloned().collect();
        assert_eq!(docs.len(), 4, "{story}");
        let (with, alone) = (left_to_fix(&docs, true), left_to_fix(&docs, false));
        for (n, (w, a)) in with.iter().zip(&alone).enumerate() {
            assert!(w <= a, "{story} article {n}: {w} to fix with learning, {a} without");
        }
        if story == "union-" {
            assert!(later(&with) < later(&alone), "{story}: {with:?} with learning, {alone:?} without");
        }
    }
}

#[test]
fn gold_set_quality_does_not_regress() {
    let sets = [
        ("held_out", gold("held_out")),
        ("fresh", gold("fresh")),
        ("tuning", gold("tuning")),
        ("scraped", gold("scraped")),
        ("unseen_series", gold("unseen_series")),
        ("unseen_wire", gold("unseen_wire")),
        ("unseen_pages", gold("unseen_pages")),
        ("unseen_regional", gold("unseen_regional")),
        ("unseen_local", gold("unseen_local")),
        ("unseen_news", gold("unseen_news")),
        ("unseen_daily", gold("unseen_daily")),
        ("unseen_world", gold("unseen_world")),
        ("unseen_final", gold("unseen_final")),
    ];
    assert!(sets.iter().all(|(_, docs)| docs.len() >= 3));
    // Floors a little below what the rules reach (see tests/gold/README.md for the numbers); the
    // scraped set's are its aims (0.80 for names, 0.90 figures, 0.95 quotes), but for quotes:
    // a short quote right after a verb of saying and a determiner ("said the “prestige
    // project” would …") is someone's words for the later authors, which costs one quote there
    // (0.945). unseen_final is the set whose errors nobody has read.
    for (label, floors) in [
        ("actor", [0.80, 0.85, 0.95, 0.80, 0.89, 0.87, 0.84, 0.78, 0.81, 0.86, 0.81, 0.84, 0.73]),
        ("location", [0.78, 0.85, 0.95, 0.80, 0.95, 0.88, 0.86, 0.78, 0.78, 0.86, 0.86, 0.83, 0.80]),
        ("figure", [0.95, 0.92, 0.95, 0.90, 0.93, 0.98, 0.92, 0.96, 0.91, 0.97, 0.93, 0.92, 0.90]),
        ("quote", [0.95, 0.95, 0.97, 0.94, 0.97, 0.97, 0.97, 0.97, 0.97, 0.97, 0.97, 0.97, 0.97]),
    ] {
        for ((set, docs), floor) in sets.iter().zip(floors) {
            let score = f1(docs, label);
            assert!(score >= floor, "{set} {label} F1 {score:.3} < {floor}");
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Any text

fn is_quote_mark(c: char) -> bool {
    matches!(c, '"' | '\'' | '“' | '”' | '‘' | '’' | '„' | '‚' | '«' | '»' | '‹' | '›' | '‟')
}

fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec![
            "President",
            "Russia",
            "Russia’s",
            "the",
            "The",
            "Hague",
            "said",
            "insists",
            "in",
            "Geneva",
            "delegation",
            "Russian",
            "U.S.",
            "and",
            "of",
            "Bank",
            "England",
            "Carolina",
            "Reyes",
            "spokesperson",
            "126",
            "1,250",
            "2022",
            "10:30",
            "p.m.",
            "$",
            "€",
            "5",
            "million",
            "percent",
            "%",
            "nearly",
            "over",
            "four",
            "hours",
            "twenty",
            "-",
            "five",
            "a",
            "dozen",
            "hundreds",
            "between",
            "to",
            "KYIV",
            "—",
            "VDA",
            "said:",
            "x\u{301}",
            "\u{301}",
            "😀",
            "👩‍👩‍👧",
            "🇺🇦",
            "“",
            "”",
            "‘",
            "’",
            "\"",
            "'",
            "«",
            "»",
            "„",
            ",",
            ".",
            "…",
            "\r\n",
            "\n\n",
            " ",
            "  ",
            "\t",
            "\u{a0}",
            "\u{200b}",
            "No.",
            "F-16",
            "Covid-19",
            "2:16:42",
            "six-week",
            "magnitude",
        ])
        .prop_map(str::to_string),
        "[a-zA-Zé0-9 ]{1,6}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn suggestions_are_inside_the_text_trimmed_and_sorted(pieces in prop::collection::vec(piece(), 0..60), joiners in prop::collection::vec(prop::sample::select(vec![" ", "", " ", "\r\n"]), 60)) {
        let mut text = String::new();
        for (piece, joiner) in pieces.iter().zip(&joiners) {
            text.push_str(piece);
            text.push_str(joiner);
        }
        let doc = Document::new("d1", "t.txt", text.as_str());
        let learned = Learned::from_documents([&doc]);
        let found = suggest(&doc, &learned, &HashSet::new());
        let chars: Vec<char> = text.chars().collect();
        let mut seen = HashSet::new();
        for s in &found {
            prop_assert!(s.start < s.end && s.end <= chars.len(), "{s:?} outside {} chars", chars.len());
            let (first, last) = (chars[s.start], chars[s.end - 1]);
            prop_assert!(!first.is_whitespace() && !last.is_whitespace(), "{s:?} has white space at an edge");
            prop_assert!(!is_quote_mark(first) && !is_quote_mark(last), "{s:?} has a quotation mark at an edge: «{}»", doc.slice(s.start, s.end));
            prop_assert!(seen.insert((s.start, s.end, s.label.clone())), "{s:?} twice");
        }
        let keys: Vec<_> = found.iter().map(|s| (s.start, std::cmp::Reverse(s.end), s.label.clone())).collect();
        let mut sorted = keys.clone();
        sorted.sort();
        prop_assert_eq!(keys, sorted);
        // Rejecting everything leaves nothing.
        let rejected: HashSet<(usize, usize, Rc<str>)> = found.iter().map(|s| (s.start, s.end, s.label.clone())).collect();
        prop_assert!(suggest(&doc, &learned, &rejected).is_empty());
    }
    #[test]
    fn any_unicode_text_gives_well_formed_suggestions(text in "(\\PC|\r\n|\n|[“”‘’\"'«»„])*") {
        let doc = Document::new("d1", "t.txt", text.as_str());
        let chars: Vec<char> = text.chars().collect();
        for s in suggest(&doc, &Learned::from_documents([&doc]), &HashSet::new()) {
            prop_assert!(s.start < s.end && s.end <= chars.len());
            prop_assert!(!chars[s.start].is_whitespace() && !chars[s.end - 1].is_whitespace());
            prop_assert!(!is_quote_mark(chars[s.start]) && !is_quote_mark(chars[s.end - 1]));
        }
    }
}
