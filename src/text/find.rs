//! Finding every occurrence of a query in a text, in code points, optionally ignoring case and
//! keeping only whole words (not inside a longer word), for "find and tag all".

/// Every non-overlapping occurrence of `query` in `text`, as `[start, end)` code-point ranges.
pub fn find_all(text: &str, query: &str, case_sensitive: bool, whole_word: bool) -> Vec<(usize, usize)> {
    if query.trim().is_empty() {
        return Vec::new();
    }
    // The find bar searches as the person types, in articles of megabytes: a query of ASCII
    // (nearly every query) is searched for in bytes. The Kelvin sign is the one non-ASCII
    // character that ignoring case turns into an ASCII letter.
    if query.is_ascii() && (case_sensitive || !text.contains('\u{212A}')) {
        find_ascii(text, query, case_sensitive, whole_word)
    } else {
        find_chars(text, query, case_sensitive, whole_word)
    }
}

fn is_word(c: char) -> bool {
    c.is_alphanumeric() || ('\u{300}'..='\u{36f}').contains(&c)
}

/// [`find_all`] for an ASCII query, in bytes: `memchr` jumps to each byte that can start a
/// match (the first letter in either case, when case is ignored), and only there is the rest
/// compared. Every byte stays where it was, so code points are counted only between matches.
fn find_ascii(text: &str, query: &str, case_sensitive: bool, whole_word: bool) -> Vec<(usize, usize)> {
    let (hay, needle) = (text.as_bytes(), query.as_bytes());
    let first = needle[0];
    let (one, other) =
        if case_sensitive { (first, first) } else { (first.to_ascii_lowercase(), first.to_ascii_uppercase()) };
    let same = |at: usize| {
        hay.get(at..at + needle.len()).is_some_and(|window| {
            if case_sensitive {
                window == needle
            } else {
                window.eq_ignore_ascii_case(needle)
            }
        })
    };
    let first_is_word = is_word(first as char);
    let last_is_word = is_word(needle[needle.len() - 1] as char);
    let bounded = |at: usize, end: usize| {
        !whole_word
            || ((!first_is_word || !text[..at].chars().next_back().is_some_and(is_word))
                && (!last_is_word || !text[end..].chars().next().is_some_and(is_word)))
    };
    let mut found = Vec::new();
    // Code points before byte `counted`.
    let (mut counted, mut codepoints) = (0, 0);
    let mut from = 0;
    while let Some(offset) = memchr::memchr2(one, other, &hay[from..]) {
        let at = from + offset;
        let end = at + needle.len();
        if same(at) && bounded(at, end) {
            codepoints += text[counted..at].chars().count();
            found.push((codepoints, codepoints + needle.len()));
            codepoints += needle.len();
            counted = end;
            from = end;
        } else {
            // The candidate is an ASCII byte, so the next byte starts a character.
            from = at + 1;
        }
    }
    found
}

/// [`find_all`] for any query, one code point at a time, case folded by Unicode's rules.
fn find_chars(text: &str, query: &str, case_sensitive: bool, whole_word: bool) -> Vec<(usize, usize)> {
    let needle: Vec<char> = query.chars().collect();
    let hay: Vec<char> = text.chars().collect();
    let same = |a: char, b: char| a == b || (!case_sensitive && a.to_lowercase().eq(b.to_lowercase()));
    let mut found = Vec::new();
    let mut at = 0;
    while at + needle.len() <= hay.len() {
        let end = at + needle.len();
        let matches = hay[at..end].iter().zip(&needle).all(|(a, b)| same(*a, *b));
        let bounded = !whole_word
            || ((at == 0 || !is_word(hay[at - 1]) || !is_word(needle[0]))
                && (end == hay.len() || !is_word(hay[end]) || !is_word(needle[needle.len() - 1])));
        if matches && bounded {
            found.push((at, end));
            at = end;
        } else {
            at += 1;
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_words_case_and_code_points() {
        let text = "Kyiv 😀 kyiv Kyivan KYIV";
        assert_eq!(find_all(text, "Kyiv", true, true), [(0, 4)]);
        assert_eq!(find_all(text, "kyiv", false, true), [(0, 4), (7, 11), (19, 23)]);
        assert_eq!(find_all(text, "kyiv", false, false), [(0, 4), (7, 11), (12, 16), (19, 23)]);
        assert!(find_all(text, " ", false, false).is_empty());
        assert_eq!(find_all("“Peskov”", "Peskov", true, true), [(1, 7)], "punctuation is a boundary");
    }

    proptest::proptest! {
        /// The byte-wise search of ASCII queries finds exactly what the code-point one finds.
        #[test]
        fn ascii_queries_find_what_the_general_search_finds(
            pieces in proptest::collection::vec(proptest::sample::select(vec![
                "kyiv", "Kyiv", "KYIV", "the", "The", " ", "\n", "é", "😀", "K", "\u{212A}", "’", "-", "e\u{301}",
            ]), 0..40),
            query in proptest::sample::select(vec!["kyiv", "the", "k", "Kyiv the", "e", "-", "yi"]),
            case_sensitive: bool,
            whole_word: bool,
        ) {
            let text = pieces.concat();
            proptest::prop_assert_eq!(
                find_all(&text, query, case_sensitive, whole_word),
                find_chars(&text, query, case_sensitive, whole_word)
            );
        }
    }
}
