//! When two mentions name the same thing: a comparison key for a name that ignores case,
//! diacritics, a possessive, leading titles and nationality words, and the -y/-yy/-iy
//! transliteration variants ("Ukrainian President Volodymyr Zelensky's", "Zelenskyy" and
//! "ZELENSKIY" all reduce to …"zelensky"), and the canonical form of a mention ("Volodymyr
//! Zelensky"). Pure text work: which spans to group is decided in `state::entities`.

use unicode_segmentation::UnicodeSegmentation;

/// Words that precede a name without being part of it.
const TITLES: &[&str] = &[
    "the",
    "president",
    "prime",
    "minister",
    "foreign",
    "defence",
    "defense",
    "deputy",
    "vice",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "chief",
    "negotiator",
    "secretary",
    "general",
    "envoy",
    "ambassador",
    "adviser",
    "advisor",
    "chancellor",
    "king",
    "queen",
    "pope",
    "mr",
    "mrs",
    "ms",
    "dr",
    "sir",
    "kremlin",
    "ukrainian",
    "russian",
    "american",
    "british",
    "french",
    "german",
    "chinese",
    "us",
    "u.s",
    "uk",
    "eu",
];

/// Lower case without diacritics: "Zelenskyy’s" → "zelenskyy’s".
fn fold(word: &str) -> String {
    word.chars()
        .filter(|c| !('\u{300}'..='\u{36f}').contains(c))
        .map(|c| match c {
            'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' | 'ā' | 'ă' | 'ą' | 'Á' | 'À' | 'Â' | 'Ä' | 'Ã' | 'Å' => {
                'a'
            }
            'ç' | 'ć' | 'č' | 'Ç' | 'Ć' | 'Č' => 'c',
            'é' | 'è' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' | 'É' | 'È' | 'Ê' | 'Ë' => 'e',
            'í' | 'ì' | 'î' | 'ï' | 'ī' | 'į' | 'Í' | 'Ì' | 'Î' | 'Ï' => 'i',
            'ñ' | 'ń' | 'ň' | 'Ñ' => 'n',
            'ó' | 'ò' | 'ô' | 'ö' | 'õ' | 'ø' | 'ō' | 'Ó' | 'Ò' | 'Ô' | 'Ö' | 'Õ' | 'Ø' => 'o',
            'ś' | 'š' | 'ş' | 'Ś' | 'Š' | 'Ş' => 's',
            'ú' | 'ù' | 'û' | 'ü' | 'ū' | 'ů' | 'Ú' | 'Ù' | 'Û' | 'Ü' => 'u',
            'ý' | 'ÿ' | 'Ý' => 'y',
            'ź' | 'ż' | 'ž' | 'Ź' | 'Ż' | 'Ž' => 'z',
            'ł' | 'Ł' => 'l',
            'đ' | 'ď' | 'Đ' | 'Ď' => 'd',
            'ř' | 'Ř' => 'r',
            'ť' | 'Ť' => 't',
            'ğ' | 'Ğ' => 'g',
            other => other,
        })
        .flat_map(char::to_lowercase)
        .collect()
}

fn strip_possessive(word: &str) -> &str {
    ["’s", "'s", "’", "'"].iter().find_map(|p| word.strip_suffix(p)).unwrap_or(word)
}

/// One transliteration of the Ukrainian/Russian "-ий" ending: -yy, -iy, -yi, -ii → -y.
fn transliteration(word: String) -> String {
    for ending in ["yy", "iy", "yi", "ii"] {
        if let Some(stem) = word.strip_suffix(ending) {
            if stem.chars().count() >= 3 {
                return format!("{stem}y");
            }
        }
    }
    word
}

/// The words of a name, without the titles before it: "Ukrainian President Volodymyr
/// Zelensky's" → ["Volodymyr", "Zelensky's"].
fn name_words(mention: &str) -> Vec<&str> {
    let words: Vec<&str> = mention.unicode_words().collect();
    let first_name = words.iter().position(|w| !TITLES.contains(&fold(w).as_str())).unwrap_or(words.len());
    words[first_name..].to_vec()
}

/// The comparison key of a mention; empty when it is only titles.
pub fn name_key(mention: &str) -> Vec<String> {
    name_words(mention).into_iter().map(|w| transliteration(fold(strip_possessive(w)))).collect()
}

/// The canonical form of a mention: its name words, the possessive dropped.
pub fn canonical_name(mention: &str) -> String {
    let words = name_words(mention);
    let last = words.len().saturating_sub(1);
    words.iter().enumerate().map(|(i, w)| if i == last { strip_possessive(w) } else { w }).collect::<Vec<_>>().join(" ")
}

/// Whether `short` names the same as `long` by its last words ("Zelensky" in "Volodymyr
/// Zelensky"): a surname-only mention.
pub fn is_short_form(short: &[String], long: &[String]) -> bool {
    !short.is_empty() && short.len() < long.len() && long.ends_with(short)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn variants_of_one_name_share_a_key() {
        let key = name_key("Volodymyr Zelensky");
        assert_eq!(key, ["volodymyr", "zelensky"]);
        assert_eq!(name_key("Ukrainian President Volodymyr Zelensky’s"), key);
        assert_eq!(name_key("VOLODYMYR ZELENSKYY"), key);
        assert_eq!(name_key("Volodymyr Zelenskiy"), key);
        assert_eq!(name_key("Zelenskyy"), ["zelensky"]);
        assert_eq!(name_key("Genève"), name_key("Geneve"));
        assert!(name_key("the President").is_empty());
    }

    #[test]
    fn canonical_names_and_short_forms() {
        assert_eq!(canonical_name("Ukrainian President Volodymyr Zelensky's"), "Volodymyr Zelensky");
        assert_eq!(canonical_name("Kremlin spokesperson Dmitry Peskov"), "Dmitry Peskov");
        assert!(is_short_form(&name_key("Zelenskyy"), &name_key("Volodymyr Zelensky")));
        assert!(!is_short_form(&name_key("Volodymyr"), &name_key("Volodymyr Zelensky")));
    }
}
