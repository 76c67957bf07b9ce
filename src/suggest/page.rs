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
//! - **boilerplate** is a line that credits, dates, places or navigates: nothing is proposed in
//!   it but the strings the person taught.
//!
//! Headlines, section heads, author bios, disclaimers and newsletter prompts are written as
//! text and are annotated like the article: only the lines above are set apart. Pure, so the
//! view can dim the same lines.

use std::ops::Range;

/// What a line of a page is, when it is not running text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LineKind {
    /// Title Case: a headline or a section head.
    Heading,
    /// Site furniture: a byline, stamp, credit, share or comment prompt, navigation, copyright.
    Boilerplate,
}

/// The headings and boilerplate lines of `text`, in order, as code-point ranges of each line
/// without its line break and surrounding white space.
pub fn page_lines(text: &str) -> Vec<(Range<usize>, LineKind)> {
    let mut out = Vec::new();
    let mut start = 0;
    for line in text.split('\n') {
        let len = line.chars().count();
        let lead = line.chars().take_while(|c| c.is_whitespace()).count();
        let trimmed = line.trim();
        if let Some(kind) = classify(trimmed) {
            let n = trimmed.chars().count();
            out.push((start + lead..start + lead + n, kind));
        }
        start += len + 1;
    }
    out
}

/// The boilerplate lines of `text` (see [`LineKind::Boilerplate`]) as code-point ranges.
pub fn boilerplate_lines(text: &str) -> Vec<Range<usize>> {
    page_lines(text).into_iter().filter(|(_, kind)| *kind == LineKind::Boilerplate).map(|(r, _)| r).collect()
}

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
    "source:", "sources:", "reporting by", "editing by", "writing by", "additional reporting", "compiled by",
    "tags:", "topics:", "filed under", "photo:", "photo credit", "photograph:", "image:", "credit:", "©", "(c) ",
    "copyright", "our standards",
];

/// Beginnings of short lines that stamp or credit: "Updated 14:02 GMT", "By Ana Ruiz in
/// Cairo", "Comments (14)", "Listen to this article (4 min)".
#[rustfmt::skip]
const STAMP_PREFIXES: &[&str] = &[
    "by ", "updated", "last updated", "published", "posted", "live ", "live·", "listen to", "comments ", "comments(",
];

/// Beginnings of buttons and prompts, furniture when they are no sentence ("Share on X ·
/// LinkedIn"; but "Sign up for The Ballot, read by 50,000 readers." is text).
const PROMPT_PREFIXES: &[&str] = &["share ", "follow ", "sign up", "subscribe", "log in", "sign in"];

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
        || CREDIT_PREFIXES.iter().any(|p| lower.starts_with(p))
        || lower.contains("all rights reserved")
        || lower.contains("min read")
        || lower.contains("logged in to")
        || (words.len() <= 12 && STAMP_PREFIXES.iter().any(|p| lower.starts_with(p)))
        || (words.len() <= 12 && !ends_sentence(line) && PROMPT_PREFIXES.iter().any(|p| lower.starts_with(p)))
        || (words.len() <= 8 && !ends_sentence(line) && lower.ends_with(" ago"))
        || (words.len() <= 12 && !ends_sentence(line) && BYLINE_ROLES.iter().any(|r| lower.contains(r)))
        || is_item_bar(&words);
    if boilerplate {
        return Some(LineKind::Boilerplate);
    }
    is_heading(&words, line).then_some(LineKind::Heading)
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

/// At least two words, at least three in four of the others capitalised (minor words and
/// numbers aside), and no sentence ending: "Talks Stall as Winter Offensive Looms",
/// "Background: Why the Border Matters".
fn is_heading(words: &[&str], line: &str) -> bool {
    if words.len() < 2 || ends_sentence(line) {
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
            "Related posts",
            "© 2026 Danube Wire. All rights reserved.",
            "All rights reserved.",
            "About the author",
            "Reporting by Anna Kowalska; Editing by Mark Ellis",
            "Home › News › Middle East",
            "Markets | Latin America",
            "Tags: Poland, Ukraine, drones",
            "ADVERTISEMENT",
            "Posted 3 hours ago",
            "Ana Ruiz · The Hague correspondent",
            "You must be logged in to post a comment.",
        ] {
            assert_eq!(kinds(line), [(line.to_string(), LineKind::Boilerplate)], "«{line}»");
        }
        for line in [
            "Poland said on Tuesday it would send more troops.",
            "Ana Ruiz is a correspondent based in Madrid.",
            "Disclaimer: Levant Monitor aggregates reports and provides them on an \"as is\" basis.",
            "Published reports say the talks failed, and officials in Warsaw agree with that view.",
            "Read more: Poland Says Talks Will Go On",
            "Sign up for The Ballot, read by more than 50,000 readers.",
        ] {
            assert!(!kinds(line).iter().any(|(_, k)| *k == LineKind::Boilerplate), "«{line}»");
        }
    }

    #[test]
    fn ranges_are_code_points_of_the_trimmed_line() {
        let text = "Café Talks\r\n  Share this article  \nText.";
        assert_eq!(boilerplate_lines(text), vec![Range { start: 14, end: 32 }]);
        assert_eq!(page_lines(text)[0], (0..10, LineKind::Heading));
    }
}
