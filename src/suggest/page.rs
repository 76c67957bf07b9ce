//! Page layout: which lines of a text are headings and which are site furniture, as a scraper
//! saves a news page (the article with its headline, section heads, bylines, share buttons and
//! copyright lines).
//!
//! Why: the name rules read a run of capitalised words as a name, which is right in running
//! text and wrong in a Title Case headline ("Talks Stall as Winter Offensive Looms"); and the
//! lines that only credit, date, place or navigate the page ("Source: …", "Share this article",
//! "© 2026 …") hold no actor, place, figure or quote of the story. So:
//! - a **heading** is a line of at least two words, most of them capitalised, that does not end
//!   like a sentence: there only gazetteer and learned names are proposed, never the run itself;
//! - **boilerplate** is a line that credits, dates, places or navigates (a masthead above the
//!   navigation, a byline, a stamp, a newsletter prompt): nothing is proposed in it, and the
//!   publication a masthead names is no actor where the page names it again;
//! - a **notice** is an author's bio, a legal disclaimer or a "Source:" line, known by how such
//!   blocks are worded: who and where they name is proposed, but no figure ("has covered the
//!   region for nine years" counts nothing of the story) and no quoted phrase;
//! - a **related** line is a title in a list of related posts, or after "Read more:": written
//!   as a heading and read as one, its names proposed but no figure or quote of another story.
//!
//! Headlines, kickers and section heads are written as text and are annotated like the
//! article. Pure, so the view can dim the same lines (boilerplate and notices).

use std::ops::Range;

/// What a line of a page is, when it is not running text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LineKind {
    /// Title Case: a headline or a section head.
    Heading,
    /// Site furniture: a byline, stamp, credit, share or comment prompt, navigation, copyright.
    Boilerplate,
    /// Written as text but no part of the story: an author's bio, a legal disclaimer, a source.
    Notice,
    /// The title of another story, in a list of related posts or after "Read more:".
    Related,
}

/// The headings and boilerplate lines of `text`, in order, as code-point ranges of each line
/// without its line break and surrounding white space.
pub fn page_lines(text: &str) -> Vec<(Range<usize>, LineKind)> {
    // The non-blank lines, each with its range and kind.
    let mut lines: Vec<(Range<usize>, &str, Option<LineKind>)> = Vec::new();
    let mut start = 0;
    for line in text.split('\n') {
        let len = line.chars().count();
        let lead = line.chars().take_while(|c| c.is_whitespace()).count();
        let trimmed = line.trim();
        if !trimmed.is_empty() {
            let n = trimmed.chars().count();
            lines.push((start + lead..start + lead + n, trimmed, classify(trimmed)));
        }
        start += len + 1;
    }
    if let [(_, first, kind), (_, next, _), ..] = &mut lines[..] {
        if masthead(first, next).is_some() {
            *kind = Some(LineKind::Boilerplate);
        }
    }
    byline_blocks(&mut lines);
    bios_after_their_head(&mut lines);
    related_lists(&mut lines);
    lines.into_iter().filter_map(|(range, _, kind)| Some((range, kind?))).collect()
}

/// The name of the publication whose page `text` is, from its masthead (see [`masthead`]):
/// "Caucasus Monitor", "El Sol del Río". Where the page names itself again (in a dateline, a
/// bio, a newsletter prompt) that is the page's own credit, no actor of the story.
pub fn publication(text: &str) -> Option<&str> {
    let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
    let first = lines.next()?;
    let second = lines.next()?;
    masthead(first, second)
}

/// The name on the page's first line when that line is a masthead: a short name, perhaps with
/// its edition ("Umbria Oggi — English"), above a line of navigation ("Politics › Regions").
/// A headline is no masthead: navigation does not follow it.
fn masthead<'t>(first: &'t str, next: &str) -> Option<&'t str> {
    let words: Vec<&str> = next.split_whitespace().collect();
    let navigation = is_item_bar(&words) && !next.to_lowercase().starts_with("by ") && !is_stamp_bar(next);
    if !navigation {
        return None;
    }
    let name = [" — ", " – ", " | ", " · "]
        .iter()
        .find_map(|dash| first.split_once(dash).filter(|(_, edition)| edition.split_whitespace().count() <= 3))
        .map_or(first, |(name, _)| name.trim());
    (is_credit_name(name) && !name.contains(',')).then_some(name)
}

/// The lines of a byline block that say only who wrote the story or where: "Marta Ferreira",
/// "Buenos Aires" on lines of their own, around a "By …" line or a stamp, or right under the
/// headline. Alone they look like a name or a heading, and a city there is no place of the
/// story. Only at the top of the page (before its second sentence: the kicker's and the first
/// paragraph's), where bylines stand, so a short section head next to a mid-article "Updated"
/// stamp stays a heading.
fn byline_blocks(lines: &mut [(Range<usize>, &str, Option<LineKind>)]) {
    let sentence = |line: &str| ends_sentence(line) || line.ends_with(['?', '!']);
    let top = (0..lines.len()).filter(|&k| sentence(lines[k].1)).nth(1).unwrap_or(lines.len());
    let headline = lines.first().is_some_and(|(_, _, kind)| *kind == Some(LineKind::Heading));
    // The first line is the headline, whatever follows it.
    let mut k = 1;
    while k < top {
        if !is_credit_name(lines[k].1) || lines[k].2 == Some(LineKind::Boilerplate) {
            k += 1;
            continue;
        }
        let mut end = k;
        while end + 1 < top && is_credit_name(lines[end + 1].1) && lines[end + 1].2 != Some(LineKind::Boilerplate) {
            end += 1;
        }
        let stamp_before = k > 0 && is_byline_stamp(lines[k - 1].1);
        let stamp_after = lines.get(end + 1).is_some_and(|(_, line, _)| is_byline_stamp(line));
        if stamp_before || stamp_after || (headline && k == 1) {
            for line in &mut lines[k..=end] {
                line.2 = Some(LineKind::Boilerplate);
            }
        }
        k = end + 1;
    }
}

/// Words that may stand lower case inside a person's or a place's name.
const NAME_PARTICLES: &[&str] = &["de", "da", "do", "dos", "del", "la", "le", "van", "von", "der", "bin", "al", "el"];

/// A short line of capitalised words and nothing else, as a name or a city is written on a
/// byline block: "Marta Ferreira", "Buenos Aires", "Goma, DR Congo", "Ana Ruiz and Li Wei".
fn is_credit_name(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    let letters =
        |w: &str| w.trim_end_matches(',').chars().all(|c| c.is_alphabetic() || matches!(c, '-' | '.' | '\'' | '’'));
    (1..=5).contains(&words.len())
        && line.chars().count() <= 40
        && words.iter().filter(|w| w.ends_with(',')).count() <= 1
        && words.iter().all(|w| {
            letters(w)
                && (w.starts_with(char::is_uppercase) || NAME_PARTICLES.contains(w) || *w == "and" && words.len() > 2)
        })
}

/// A byline or a stamp next to which a bare name or city is part of the byline block: "By …",
/// "Updated …", "Published …", a reporter's post, a date, a read time.
fn is_byline_stamp(line: &str) -> bool {
    let lower = line.to_lowercase();
    let words = line.split_whitespace().count();
    words <= 12
        && (STAMP_PREFIXES.iter().any(|p| lower.starts_with(p))
            || BYLINE_ROLES.iter().any(|r| lower.contains(r)) && !ends_sentence(line)
            || lower.contains("min read")
            || is_date(&lower))
}

const MONTHS: &[&str] = &[
    "jan",
    "feb",
    "mar",
    "apr",
    "may",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "january",
    "february",
    "march",
    "april",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// A line that only dates the page: "March 3, 2026", "Tue 3 Mar 2026 14.02 GMT".
fn is_date(lower: &str) -> bool {
    let words: Vec<&str> = lower.split([' ', ',']).filter(|w| !w.is_empty()).collect();
    let month = words.iter().any(|w| MONTHS.contains(&w.trim_end_matches('.')));
    let number = words.iter().any(|w| w.starts_with(|c: char| c.is_ascii_digit()));
    month && number && words.len() <= 8
}

/// Words that start a picture's credit at the end of its caption, with the space before them.
#[rustfmt::skip]
const CREDIT_WORDS: &[&str] = &[
    " Photo: ", " Photos: ", " Photograph: ", " Picture: ", " Image: ", " Credit: ", " Foto: ", " (Photo: ",
    " (Photos: ", " (Picture: ", " (Image: ", " (Credit: ", " (Foto: ",
];

/// The credits that end caption lines ("Families carry their belongings on Wednesday. Photo:
/// Morogoro Mirror / Neema Kisanga"), from the credit word to the line's end, as sorted
/// code-point ranges: furniture inside a line of the story's text.
pub(crate) fn credit_tails(text: &str) -> Vec<Range<usize>> {
    let mut tails = Vec::new();
    let mut start = 0;
    for line in text.split('\n') {
        let len = line.chars().count();
        // Every credit word ends in ": ", which few lines of a story hold.
        let credit =
            line.contains(": ").then(|| CREDIT_WORDS.iter().filter_map(|word| line.find(word)).min()).flatten();
        if let Some(byte) = credit {
            let from = start + line[..byte + 1].chars().count();
            tails.push(from..start + line.trim_end().chars().count());
        }
        start += len + 1;
    }
    tails
}

/// The lines of `text` that are no part of the story, boilerplate and notices (see
/// [`LineKind`]), as code-point ranges: what the view dims.
pub fn furniture_lines(text: &str) -> Vec<Range<usize>> {
    page_lines(text).into_iter().filter(|(_, kind)| *kind != LineKind::Heading).map(|(r, _)| r).collect()
}

/// The paragraph under an "About the author" head is the bio, however it is worded.
fn bios_after_their_head(lines: &mut [(Range<usize>, &str, Option<LineKind>)]) {
    for k in 1..lines.len() {
        let head = lines[k - 1].1.to_lowercase();
        let head = head.trim_end_matches([':', '.']);
        if matches!(head, "about the author" | "about the authors" | "about the writer") && lines[k].2.is_none() {
            lines[k].2 = Some(LineKind::Notice);
        }
    }
}

/// Heads of a list of other stories' titles.
#[rustfmt::skip]
const RELATED_HEADS: &[&str] = &[
    "related", "related posts", "related stories", "related articles", "related content", "related coverage",
    "most read", "most popular", "read more", "read next", "more from", "more stories", "more on this story",
    "you may also like", "recommended",
];

/// Prefixes of a line that gives another story's title: "Read more: …", "Related: …".
const RELATED_PREFIXES: &[&str] = &["read more:", "related:", "see also:", "also read:", "read next:"];

/// The titles listed under a related-posts head, up to the first line written as a sentence
/// or as furniture: the list ends where the page goes on.
fn related_lists(lines: &mut [(Range<usize>, &str, Option<LineKind>)]) {
    let mut k = 0;
    while k < lines.len() {
        let head = lines[k].1.to_lowercase();
        if !RELATED_HEADS.contains(&head.trim_end_matches([':', '.'])) {
            k += 1;
            continue;
        }
        k += 1;
        while k < lines.len() && lines[k].2.is_none_or(|kind| kind == LineKind::Heading) && !ends_sentence(lines[k].1) {
            lines[k].2 = Some(LineKind::Related);
            k += 1;
        }
    }
}

/// Words of a disclaimer: the page disowns, limits or qualifies what it published.
#[rustfmt::skip]
const DISCLAIMER_PHRASES: &[&str] = &[
    "disclaimer:", "legal notice", "does not constitute", "do not constitute", "not legal advice",
    "not financial advice", "not investment advice", "not medical advice", "for information only",
    "for informational purposes", "for general information", "presumed innocent", "as is\" basis", "as is” basis",
    "as-is basis", "do not necessarily reflect", "does not necessarily reflect", "accepts no liability",
    "no liability", "accepts no responsibility", "gamble responsibly", "bet responsibly", "please gamble",
];

/// The roles an author's bio gives its writer.
#[rustfmt::skip]
const AUTHOR_ROLES: &[&str] = &[
    "correspondent", "reporter", "journalist", "editor", "writer", "columnist", "contributor", "producer",
    "bureau chief", "freelance",
];

/// What a bio says its writer does: "… has covered three elections", "… writes about energy".
const AUTHOR_DEEDS: &[&str] = &[" has covered ", " has reported ", " writes about ", " covers ", " has written "];

/// An author's bio or a legal disclaimer, by how it is written: a disclaimer's phrases, or a
/// name (at most four capitalised words) that a first sentence makes a writer ("Ana Ruiz is a
/// correspondent based in Madrid", "Grace Mwale has covered three elections"). A news sentence
/// about a reporter is no bio: it does not open with the name and its role.
fn is_notice(line: &str, lower: &str) -> bool {
    if DISCLAIMER_PHRASES.iter().any(|p| lower.contains(p)) || NOTICE_PREFIXES.iter().any(|p| lower.starts_with(p)) {
        return true;
    }
    let first_sentence = lower.split(". ").next().unwrap_or(lower);
    let words: Vec<&str> = line.split_whitespace().collect();
    let name = words.iter().take_while(|w| w.starts_with(char::is_uppercase)).count();
    if !(1..=4).contains(&name) {
        return false;
    }
    let after_name = format!(" {}", words[name..].join(" ").to_lowercase());
    let role = [" is a ", " is an ", " is the "].iter().any(|p| after_name.starts_with(p))
        && AUTHOR_ROLES.iter().any(|r| first_sentence.contains(r));
    role || AUTHOR_DEEDS.iter().any(|d| after_name.starts_with(d))
}

/// Beginnings of a bio or a credit written as text: "About the author: Ana Ruiz has …",
/// "Source: Danube Wire, with reporting from Ruse".
const NOTICE_PREFIXES: &[&str] =
    &["about the author:", "about the authors:", "about the writer:", "source:", "sources:"];

/// Lines that are furniture whatever follows: the header of a list or a button.
#[rustfmt::skip]
const WHOLE_LINES: &[&str] = &[
    "related", "related posts", "related stories", "related articles", "related content", "related coverage",
    "most read", "most popular", "read more", "read next", "more from", "more stories", "about the author",
    "share", "share this", "share this article", "share this story", "post a comment", "leave a comment",
    "comments", "comments are closed", "advertisement", "sponsored", "sign up", "subscribe", "log in", "sign in",
    "print", "email", "listen", "follow us",
];

/// Beginnings of lines that credit, date or file the story, at any length.
#[rustfmt::skip]
const CREDIT_PREFIXES: &[&str] = &[
    "reporting by", "editing by", "writing by", "additional reporting", "compiled by",
    "tags:", "topics:", "filed under", "photo:", "photo credit", "photograph:", "image:", "credit:", "©", "(c) ",
    "copyright", "our standards", "posted by", "text:", "comments (", "log in to comment", "log in or register",
];

/// Beginnings of short lines that stamp or credit: "Updated 14:02 GMT", "By Ana Ruiz in
/// Cairo", "Comments (14)", "Listen to this article (4 min)".
#[rustfmt::skip]
const STAMP_PREFIXES: &[&str] = &[
    "by ", "updated", "last updated", "published", "posted", "live ", "live·", "listen to", "comments ", "comments(",
    // "By" in the languages of the pages an English edition carries: "di Chiara Monaldi".
    "di ", "por ", "par ",
];

/// Beginnings of buttons and prompts, furniture when they are no sentence ("Share on X ·
/// LinkedIn"; but "Share your views with your MP." is text).
const PROMPT_PREFIXES: &[&str] = &["share ", "follow ", "sign up", "subscribe", "log in", "sign in"];

/// What a newsletter prompt offers, and the verbs that open one ("Sign up for our morning
/// briefing.", "Get the North in your inbox – subscribe to our weekly newsletter.",
/// "Iscriviti alla newsletter …"): furniture, sentence or not.
const NEWSLETTER_WORDS: &[&str] = &["newsletter", "briefing", "in your inbox", "digest", "bulletin"];
const NEWSLETTER_VERBS: &[&str] =
    &["sign up", "subscribe ", "get ", "join ", "register ", "iscriviti", "suscríbete", "inscríbete", "abonnez"];

/// Words of a byline that names a reporter's post: "Ana Ruiz · The Hague correspondent".
const BYLINE_ROLES: &[&str] = &["correspondent", "reporter", "staff writer", "editor", "contributor", "bureau chief"];

/// Short words a Title Case line leaves in lower case.
#[rustfmt::skip]
const MINOR_WORDS: &[&str] = &[
    "a", "an", "the", "and", "or", "nor", "but", "of", "in", "on", "at", "to", "for", "by", "as", "with", "from",
    "vs", "via", "into", "over", "per", "up", "off", "out", "is", "are", "be",
];

/// Separators between the items of a breadcrumb, a share bar or a byline block.
const SEPARATORS: &[&str] = &["›", "»", "|", "·", "•", ">", "/"];

fn classify(line: &str) -> Option<LineKind> {
    if line.is_empty() {
        return None;
    }
    let lower = line.to_lowercase();
    let words: Vec<&str> = line.split_whitespace().collect();
    let bare = lower.trim_end_matches(['.', ':', '!']);
    let boilerplate = WHOLE_LINES.contains(&bare)
        // A wire's credit is often in brackets: "(Reporting by …; Editing by …)".
        || CREDIT_PREFIXES.iter().any(|p| lower.trim_start_matches(['(', '[']).starts_with(p))
        || lower.contains("all rights reserved")
        // "Comments are moderated and reflect the views of their authors, not those of …"
        || lower.starts_with("comments are ") && words.len() <= 25
        || lower.contains("min read")
        || lower.contains("logged in to")
        || (words.len() <= 12 && STAMP_PREFIXES.iter().any(|p| lower.starts_with(p)))
        || (words.len() <= 12 && !ends_sentence(line) && PROMPT_PREFIXES.iter().any(|p| lower.starts_with(p)))
        // "Follow Golazo Sur on Instagram and X for live updates from every ground."
        || (words.len() <= 20 && lower.starts_with("follow ") && words.iter().any(|w| is_social_network(w)))
        || (words.len() <= 8 && !ends_sentence(line) && lower.ends_with(" ago"))
        || (words.len() <= 12 && !ends_sentence(line) && BYLINE_ROLES.iter().any(|r| lower.contains(r)))
        || (words.len() <= 25
            && NEWSLETTER_VERBS.iter().any(|v| lower.starts_with(v))
            && (NEWSLETTER_WORDS.iter().any(|n| lower.contains(n)) || PROMPT_PREFIXES.iter().any(|p| lower.starts_with(p))))
        || is_item_bar(&words)
        || is_stamp_bar(line)
        || (words.len() <= 16 && is_dated_byline(&lower))
        || (words.len() <= 12 && counts_reactions(&words));
    if boilerplate {
        return Some(LineKind::Boilerplate);
    }
    if RELATED_PREFIXES.iter().any(|p| lower.starts_with(p)) {
        return Some(LineKind::Related);
    }
    if is_notice(line, &lower) {
        return Some(LineKind::Notice);
    }
    is_heading(&words, line).then_some(LineKind::Heading)
}

/// A line of stamps between separators, each a date or a stamp: "Sat., Feb. 21, 2026 11:48
/// p.m. AST | Last updated 2 hours ago".
fn is_stamp_bar(line: &str) -> bool {
    let mut parts = vec![line];
    for separator in [" | ", " · ", " • "] {
        parts = parts.into_iter().flat_map(|part| part.split(separator)).collect();
    }
    parts.len() >= 2
        && parts.iter().map(|part| part.trim()).all(|part| is_date(&part.to_lowercase()) || is_byline_stamp(part))
}

/// A date and a byline as sentences of one line: "Manizales, August 14, 2026. By Andrés
/// Felipe Orozco, special envoy".
fn is_dated_byline(lower: &str) -> bool {
    let mut parts = lower.split(". ");
    parts.next().is_some_and(is_date) && parts.any(|part| part.starts_with("by "))
}

/// "Join the debate: 58 comments", "Share it · 27 reactions · 6 comments": a line that ends
/// with how many readers reacted.
fn counts_reactions(words: &[&str]) -> bool {
    let [.., count, what] = words else { return false };
    let what = what.trim_end_matches(['.', ')']).to_lowercase();
    count.chars().all(|c| c.is_ascii_digit() || c == ',')
        && matches!(what.as_str(), "comments" | "comment" | "reactions" | "shares" | "likes" | "replies" | "views")
}

fn ends_sentence(line: &str) -> bool {
    line.trim_end_matches(['"', '”', '’', '\'', ')']).ends_with(['.', ',', ';'])
}

/// "Home › News › Middle East", "Facebook | X | WhatsApp | Email", "Author | Goma | Posted 3
/// hours ago": short items between separators, none of them a sentence.
fn is_item_bar(words: &[&str]) -> bool {
    let separators = words.iter().filter(|w| SEPARATORS.contains(w)).count();
    if separators == 0 || SEPARATORS.contains(&words[0]) {
        return false;
    }
    let mut item = 0;
    for word in words {
        if SEPARATORS.contains(word) {
            item = 0;
        } else {
            item += 1;
            if item > 4 || word.ends_with('.') && !word.contains("..") && word.len() > 3 {
                return false;
            }
        }
    }
    true
}

/// Whether `line` is written in Title Case, as a heading is (see [`is_heading`]).
pub(crate) fn is_title_case(line: &str) -> bool {
    is_heading(&line.split_whitespace().collect::<Vec<_>>(), line)
}

/// Networks a page asks to be followed on.
#[rustfmt::skip]
const SOCIAL_NETWORKS: &[&str] = &[
    "facebook", "instagram", "x", "twitter", "tiktok", "whatsapp", "telegram", "youtube", "linkedin", "threads",
    "bluesky", "mastodon", "line", "snapchat",
];

fn is_social_network(word: &str) -> bool {
    SOCIAL_NETWORKS.contains(&word.trim_end_matches([',', '.']).to_lowercase().as_str())
}

/// At least two words, at least three in four of the others capitalised (minor words and
/// numbers aside), and no sentence ending: "Talks Stall as Winter Offensive Looms",
/// "Background: Why the Border Matters"; or one word in capitals, a section's label.
fn is_heading(words: &[&str], line: &str) -> bool {
    // A section's label in capitals: "HEALTH", "FESTIVALS", "AT A GLANCE".
    let letters = || line.chars().filter(|c| c.is_alphabetic());
    if words.len() <= 6 && letters().count() >= 3 && letters().all(char::is_uppercase) && !ends_sentence(line) {
        return true;
    }
    if words.len() < 2 {
        return false;
    }
    if ends_sentence(line) {
        return false;
    }
    let (mut capitalised, mut counted) = (0, 0);
    for word in words {
        let word = word.trim_start_matches(|c: char| !c.is_alphanumeric());
        let Some(first) = word.chars().next() else { continue };
        if !first.is_alphabetic() || MINOR_WORDS.contains(&word.to_lowercase().as_str()) {
            continue;
        }
        counted += 1;
        if first.is_uppercase() {
            capitalised += 1;
        }
    }
    counted >= 2 && capitalised * 4 >= counted * 3
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(String, LineKind)> {
        let chars: Vec<char> = text.chars().collect();
        page_lines(text).into_iter().map(|(r, k)| (chars[r].iter().collect(), k)).collect()
    }

    #[test]
    fn headings_are_title_case_lines_without_a_sentence_end() {
        let text = "Talks Stall as Winter Offensive Looms\nPoland said talks would go on.\n\nWhat happens next\n\
            Background: Why the Border Matters\nKremlin Calls Istanbul Meeting 'Useful'";
        assert_eq!(
            kinds(text),
            [
                ("Talks Stall as Winter Offensive Looms".into(), LineKind::Heading),
                ("Background: Why the Border Matters".into(), LineKind::Heading),
                ("Kremlin Calls Istanbul Meeting 'Useful'".into(), LineKind::Heading),
            ]
        );
        // A fact box's head in capitals, minor words and all.
        assert_eq!(
            kinds(
                "AT A GLANCE
The plant opened in 2019."
            ),
            [("AT A GLANCE".into(), LineKind::Heading)]
        );
    }

    #[test]
    fn furniture_lines_are_boilerplate_and_text_is_not() {
        for line in [
            "By Anna Kowalska and Tomasz Wrona",
            "4 min read",
            "Source: Danube Wire | Updated 14:02 GMT | 3 min read",
            "Share this article",
            "Share on X · LinkedIn · Email",
            "Post a comment",
            "Comments (14)",
            "Comments are closed.",
            "Comments are moderated and reflect the views of their authors, not those of the Kerry Courier.",
            "Follow Harbour Sport on Instagram and X for live updates from every ground.",
            "Related posts",
            "© 2026 Danube Wire. All rights reserved.",
            "All rights reserved.",
            "About the author",
            "Reporting by Anna Kowalska; Editing by Mark Ellis",
            "(Reporting by Oyun Bold in Ulaanbaatar and Li Na in Beijing; Editing by Mark Ellis)",
            "Posted by Ana Ruiz on 23 April 2026 at 7:52 pm · Updated 24 April 2026",
            "Text: Ana Ruiz, Kåfjord",
            "Comments (12) | Log in or register to comment",
            "Join the debate: 58 comments",
            "Like what you read? Share it · 27 reactions · 6 comments",
            "Home › News › Middle East",
            "Markets | Latin America",
            "Tags: Poland, Ukraine, drones",
            "ADVERTISEMENT",
            "Posted 3 hours ago",
            "Ana Ruiz · The Hague correspondent",
            "You must be logged in to post a comment.",
            "Sign up for The Ballot, read by more than 50,000 readers.",
            "Get the Coast in your inbox – subscribe to our weekly newsletter.",
            "Iscriviti alla newsletter di Umbria Oggi: ogni mattina le notizie di Perugia.",
            "Sat., Feb. 21, 2026 11:48 p.m. AST | Last updated 2 hours ago",
            "Manizales, August 14, 2026. By Andrés Felipe Orozco, special envoy",
            "di Chiara Monaldi",
            "Por Lucía Mamani",
        ] {
            assert_eq!(kinds(line), [(line.to_string(), LineKind::Boilerplate)], "«{line}»");
        }
        for line in [
            "Poland said on Tuesday it would send more troops.",
            "Published reports say the talks failed, and officials in Warsaw agree with that view.",
            "Read more: Poland Says Talks Will Go On",
        ] {
            assert!(!kinds(line).iter().any(|(_, k)| *k == LineKind::Boilerplate), "«{line}»");
        }
    }

    #[test]
    fn bios_and_disclaimers_are_notices_and_news_about_reporters_is_not() {
        for line in [
            "Ana Ruiz is a correspondent based in Madrid.",
            "Tomás Lindqvist is a freelance journalist who has reported from the Sahel since 2019.",
            "Wen Jiahui has covered energy markets for the paper since 2015 and is based in Singapore.",
            "Disclaimer: Levant Monitor aggregates reports and provides them on an \"as is\" basis.",
            "This article is for information only and does not constitute legal advice.",
            "All suspects are presumed innocent until proven guilty in a court of law.",
            "The views expressed here do not necessarily reflect those of the publisher.",
            "Odds are correct at the time of writing. 18+ only. Please gamble responsibly.",
        ] {
            assert_eq!(kinds(line), [(line.to_string(), LineKind::Notice)], "«{line}»");
        }
        let page = "About the author\nBorn in Lagos, Ifeoma Eze spent a decade at the Lagos Post.\n\nNext.";
        assert!(kinds(page)
            .contains(&("Born in Lagos, Ifeoma Eze spent a decade at the Lagos Post.".into(), LineKind::Notice)));
        for line in [
            "A Reuters reporter is among the journalists detained in Minsk, the agency said.",
            "Officials said the correspondent was expelled on Tuesday.",
            "Maria Santos is the country's first female prime minister.",
            "Judges are bound by the law, the court said.",
        ] {
            assert!(kinds(line).is_empty(), "«{line}» is news: {:?}", kinds(line));
        }
        // Both are dimmed with the boilerplate.
        let text = "Text.\nShare this article\nAna Ruiz is a correspondent based in Madrid.";
        assert_eq!(furniture_lines(text), vec![6..24, 25..69]);
    }

    #[test]
    fn a_name_or_city_alone_in_a_byline_block_is_furniture() {
        for page in [
            "Peso Slides Again\nBy Marta Ferreira\nBuenos Aires\nMarch 3, 2026\n\nThe bank said it would act.",
            "Peso Slides Again\nMarta Ferreira\nBuenos Aires\n\nThe bank said it would act.",
            "Peso Slides Again\nThe kicker says why.\n\nMarta Ferreira\n\nMadrid\n\nUpdated 14:02 GMT\n\nText.",
            "Peso Slides Again\nGrace Mwale\nPolitical editor\n\nThe bank said it would act.",
        ] {
            let kinds = kinds(page);
            for name in ["Marta Ferreira", "Buenos Aires", "Madrid", "Grace Mwale"] {
                if page.lines().any(|line| line == name) {
                    assert!(kinds.contains(&(name.to_string(), LineKind::Boilerplate)), "«{name}» in {kinds:?}");
                }
            }
            assert_eq!(kinds[0], ("Peso Slides Again".to_string(), LineKind::Heading), "the headline stays");
        }
        // Further down, a short head next to a stamp is no byline; nor is a headline followed by one.
        let page = "Talks Go On\nThe kicker.\n\nFirst paragraph.\n\nUpdated 14:02 GMT\n\nPoland Responds\n\nText.";
        assert!(kinds(page).contains(&("Poland Responds".to_string(), LineKind::Heading)));
        let page = "Kremlin Calls Geneva Talks Useful\nBy Anna Kowalska in Geneva\nText.";
        assert_eq!(kinds(page)[0].1, LineKind::Heading);
        // A one-line paragraph of a name in running text is text.
        assert!(kinds("The talks went on.\n\nMadrid\n\nThe bank said so.").is_empty());
    }

    #[test]
    fn a_masthead_above_navigation_is_furniture_and_names_the_publication() {
        for (page, name) in [
            ("Lakeside Courier\nNews › Regions › North\n\nFerry Sinks Near Port\n\nText.", "Lakeside Courier"),
            ("Diario Norte — English Edition\nHome | Politics | Sport\n\nText.", "Diario Norte"),
        ] {
            let first = page.lines().next().unwrap();
            assert_eq!(kinds(page)[0], (first.to_string(), LineKind::Boilerplate), "«{page}»");
            assert_eq!(publication(page), Some(name));
        }
        // A headline above its byline or its text names no publication.
        for page in [
            "Peso Slides Again\nBy Marta Ferreira | Buenos Aires\n\nText.",
            "Peso Slides Again\nMarch 3, 2026 | Updated 14:02 GMT\n\nText.",
            "Peso Slides Again\n\nThe bank said it would act.",
        ] {
            assert_eq!(publication(page), None, "«{page}»");
        }
    }

    #[test]
    fn a_caption_s_credit_is_furniture_to_the_line_s_end() {
        let text = "Text.\nFamilies carry their belongings on Wednesday. Photo: Mirror / Neema Kisanga\nMore.\n\
            Buses wait at the depot. (Photo: Ade Okon/The Harbour Post)\n";
        let chars: Vec<char> = text.chars().collect();
        let tails: Vec<String> = credit_tails(text).into_iter().map(|r| chars[r].iter().collect()).collect();
        assert_eq!(tails, ["Photo: Mirror / Neema Kisanga", "(Photo: Ade Okon/The Harbour Post)"]);
    }

    #[test]
    fn ranges_are_code_points_of_the_trimmed_line() {
        let text = "Café Talks\r\n  Share this article  \nText.";
        assert_eq!(furniture_lines(text), vec![Range { start: 14, end: 32 }]);
        assert_eq!(page_lines(text)[0], (0..10, LineKind::Heading));
    }
}
