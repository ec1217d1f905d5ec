//! Common lowercase words of English news (`models/common_words.txt`, written
//! by `examples/common_words.rs` from news text): a capitalized one where a
//! clause opens or in a headline is no name (`Literally.`, `Good afternoon`,
//! `SYDNEY - Building products maker`), when the article itself does not
//! write it otherwise.

use std::sync::LazyLock;

use super::features::{HashSet64, TokenInfo};

/// The list, compiled in like the tagger's weights.
static LIST: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/models/common_words.txt"
));

/// The lowercase hashes ([`TokenInfo::lower`]) of the listed words.
static WORDS: LazyLock<HashSet64> = LazyLock::new(|| {
    let mut scratch = Vec::new();
    LIST.lines()
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .map(|word| TokenInfo::new(word, false, &mut scratch).lower)
        .collect()
});

/// Whether the word of lowercase hash `lower` is a common word of news.
pub(super) fn is_common(lower: u64) -> bool {
    WORDS.contains(&lower)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn common(word: &str) -> bool {
        is_common(TokenInfo::new(word, false, &mut Vec::new()).lower)
    }

    #[test]
    fn common_words_are_listed_and_names_are_not() {
        for word in ["Building", "season", "Literally", "almost"] {
            assert!(common(word), "{word}");
        }
        for word in ["Target", "May", "Brown", "Apple", "Turkey"] {
            assert!(!common(word), "{word}");
        }
    }

    fn names(text: &str) -> Vec<String> {
        super::super::extract_entities(text)
            .into_iter()
            .map(|entity| entity.name)
            .collect()
    }

    #[test]
    fn a_common_word_opening_a_clause_is_no_name() {
        let found = names("Vladimir Putin: Go ahead. Literally. Good afternoon, colleagues.");
        assert_eq!(found, ["Vladimir Putin"]);
        let found = names("Weak China Export Data Hit Stocks\n\nShares fell in Asia on Monday.");
        assert!(!found.iter().any(|name| name == "Data"), "{found:?}");
    }

    /// Regression (issue 13): `Building` of a dateline's clause was an
    /// organisation, the training having named a `Building`; a known name
    /// opening a sentence stays one.
    #[test]
    fn a_verbs_ing_form_opening_a_clause_is_no_name() {
        let found = names("SYDNEY - Building products maker James Hardie lifted its profits.");
        assert!(!found.iter().any(|name| name == "Building"), "{found:?}");
        let found = names("Beijing said on Monday that talks would go on.");
        assert_eq!(found, ["Beijing"]);
    }

    #[test]
    fn surnames_and_lists_of_names_stay_names() {
        let found = names("Raskin: Pence should tell the full truth");
        assert!(found.iter().any(|name| name == "Pence"), "{found:?}");
        let found = names("The team is as follows:\n\nGiven, Breen, Staunton, Irwin, McAteer.");
        assert!(found.iter().any(|name| name == "Given"), "{found:?}");
        let found = names("HAVEN, Wis. -- Whistling Straits is suddenly the least of worries.");
        assert!(
            found.iter().any(|name| name.eq_ignore_ascii_case("haven")),
            "{found:?}"
        );
    }
}
