//! Finding every occurrence of a query in a text, in code points, optionally ignoring case and
//! keeping only whole words (not inside a longer word), for "find and tag all".

/// Every non-overlapping occurrence of `query` in `text`, as `[start, end)` code-point ranges.
pub fn find_all(text: &str, query: &str, case_sensitive: bool, whole_word: bool) -> Vec<(usize, usize)> {
    let needle: Vec<char> = query.chars().collect();
    if needle.is_empty() || needle.iter().all(|c| c.is_whitespace()) {
        return Vec::new();
    }
    let hay: Vec<char> = text.chars().collect();
    let same = |a: char, b: char| a == b || (!case_sensitive && a.to_lowercase().eq(b.to_lowercase()));
    let is_word = |c: char| c.is_alphanumeric() || ('\u{300}'..='\u{36f}').contains(&c);
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
}
