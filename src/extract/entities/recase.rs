//! The surface a name is shown by: the form the article writes most, not in
//! capitals where it has another (`Japan` over `JAPAN`); a name seen only in a
//! capitals headline is recased word by word.

/// Longest word of a shouted name kept in capitals unless the article writes
/// it otherwise: an acronym (`NATO`, `UN`) more often than not.
const MAX_ACRONYM_LETTERS: usize = 4;

/// The most frequent surface form, preferring one not in capitals (`Japan`
/// over `JAPAN`); a name seen only in a capitals headline is recased, its
/// short words as the article writes them elsewhere (`SAN GABRIEL VALLEY
/// DIGEST` over a body that says `San Gabriel Valley`: `San Gabriel`, not `SAN
/// Gabriel`) and left in capitals otherwise (`NATO`).
pub(super) fn preferred_surface(
    surfaces: &[(String, usize)],
    only_shouted: bool,
    text: &str,
) -> String {
    let shouting = |name: &str| {
        name.chars().filter(|c| c.is_alphabetic()).count() > MAX_ACRONYM_LETTERS
            && !name.chars().any(char::is_lowercase)
    };
    let best = surfaces
        .iter()
        .max_by_key(|(name, count)| (!shouting(name), *count, std::cmp::Reverse(name.clone())))
        .map(|(name, _)| name.clone())
        .unwrap_or_default();
    if !only_shouted || !shouting(&best) {
        return best;
    }
    let words: Vec<&str> = best.split(' ').collect();
    let recased: Vec<String> = words
        .iter()
        .enumerate()
        .map(|(position, word)| recase_word(word, position == 0))
        .collect();
    // `NEW YORK`: a name the lexicon knows is written as news writes it.
    let whole = recased.join(" ");
    if super::lexicon::known_kind(&whole).is_some() {
        return whole;
    }
    words
        .iter()
        .zip(recased)
        .map(|(word, recased)| {
            let short = word.chars().count() <= MAX_ACRONYM_LETTERS;
            let connector = recased.starts_with(char::is_lowercase);
            let name_word = NAME_WORDS.contains(&recased.to_lowercase().as_str());
            if short && !connector && !name_word && !written_as_word(text, &recased) {
                return (*word).to_string();
            }
            recased
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// `GABRIEL` as `Gabriel`; a connector inside a name in lowercase (`TOUR OF
/// NETHERLANDS`: `of`).
fn recase_word(word: &str, first: bool) -> String {
    let lower = word.to_lowercase();
    if !first && CONNECTORS.contains(&lower.as_str()) {
        return lower;
    }
    let mut chars = lower.chars();
    chars.next().map_or_else(String::new, |initial| {
        initial.to_uppercase().chain(chars).collect()
    })
}

/// Short words of names that are no acronyms (`HOME DEPOT INC`, `BANK OF
/// CANADA`, `NEW ENGLAND`).
#[rustfmt::skip]
const NAME_WORDS: &[&str] = &[
    "inc", "inc.", "corp", "corp.", "co", "co.", "ltd", "ltd.", "bank", "new", "san", "los", "las",
    "city", "cup", "open", "air", "sea", "bay", "lake", "port", "fort", "east", "west", "club",
    "park", "gulf", "oil", "gas", "tour", "old", "star", "life", "home", "post",
];

/// Small words that join the words of a name (`Bank of Italy`, `Mitsui and Co`).
const CONNECTORS: &[&str] = &["of", "and", "the", "for", "de", "on", "in", "at"];

/// Whether `text` holds `word` as a whole word, in its case.
fn written_as_word(text: &str, word: &str) -> bool {
    if word.is_empty() {
        return false;
    }
    text.match_indices(word).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + word.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

#[cfg(test)]
mod tests {
    use super::preferred_surface;

    fn shown(name: &str, text: &str) -> String {
        preferred_surface(&[(name.to_string(), 1)], true, text)
    }

    #[test]
    fn a_shouted_name_takes_the_case_of_its_short_words_from_the_article() {
        let text = "OSLO ACCORDS SIGNED\n\nThe Oslo talks went on.";
        assert_eq!(shown("OSLO ACCORDS", text), "Oslo Accords");
        assert_eq!(
            shown("NATO SUMMIT", "NATO SUMMIT OPENS\n\nNATO met."),
            "NATO Summit"
        );
        assert_eq!(shown("ANC RALLY", "ANC RALLY"), "ANC Rally");
        assert_eq!(shown("SAN GABRIEL", "SAN GABRIEL"), "San Gabriel");
        assert_eq!(shown("NEW YORK", "NEW YORK"), "New York");
        assert_eq!(shown("BANK OF ITALY", "BANK OF ITALY"), "Bank of Italy");
        assert_eq!(
            shown("HOME DEPOT INC.", "HOME DEPOT INC."),
            "Home Depot Inc."
        );
    }
}
