//! Truecasing of text in capitals (`JOE BIDEN SAID ON TUESDAY`), so that the
//! tagger, which learnt that a capital marks a name, reads it as running text
//! (`Joe Biden said on Tuesday`). How the article writes a word elsewhere
//! decides its case; a word the article never writes otherwise is lowercased
//! when news writes it in lowercase ([`super::common_words`]) and the
//! training never named it, and capitalized if not. Abbreviations (`U.S.`,
//! `F-16`) and words the article writes in capitals (`USDA`) stay in capitals.

use super::common_words::is_common;
use super::features::{DocContext, TokenInfo};
use super::model::{sequence_hash, Gazetteer};
use super::tokenize::{Token, TokenKind};

/// Rewrites the facts (`infos`) of the words in capitals among `tokens` of
/// `text` as the words would be written in ordinary case.
pub(super) fn truecased_infos(
    text: &str,
    tokens: &[Token],
    infos: &mut [TokenInfo],
    doc: &DocContext,
    gazetteer: &Gazetteer,
) {
    let mut scratch = Vec::new();
    for (token, info) in tokens.iter().zip(infos.iter_mut()) {
        let original = token.text(text);
        let in_capitals =
            original.chars().any(char::is_uppercase) && !original.chars().any(char::is_lowercase);
        if !in_capitals {
            continue;
        }
        let lower = info.lower;
        if doc.seen_in_capitals.contains(&lower) || is_abbreviation(original) {
            continue;
        }
        let written_capitalized = doc.seen_capitalized.contains(&lower);
        let written_lowercase = doc.seen_lowercase.contains(&lower);
        let trained_name = gazetteer.contains_key(&sequence_hash(&[lower]));
        let common_in_news = is_common(lower) && !trained_name;
        let lowercase = !written_capitalized && (written_lowercase || common_in_news);
        let word = in_case(original, lowercase);
        let after_opening = info.after_opening;
        *info = TokenInfo::new(&word, token.kind == TokenKind::Hashtag, &mut scratch);
        info.after_opening = after_opening;
    }
}

/// Whether a word in capitals is an abbreviation to keep so: dotted or with
/// a digit (`U.S.`, `F-16`, `G7`).
fn is_abbreviation(word: &str) -> bool {
    word.contains('.') || word.chars().any(|c| c.is_ascii_digit())
}

/// `word` in lowercase, or capitalized (its first letter alone in capitals).
fn in_case(word: &str, lowercase: bool) -> String {
    let lowered = word.to_lowercase();
    if lowercase {
        return lowered;
    }
    let mut chars = lowered.chars();
    let first: String = chars
        .next()
        .map(|c| c.to_uppercase().collect())
        .unwrap_or_default();
    first + chars.as_str()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<String> {
        super::super::extract_entities(text)
            .into_iter()
            .map(|entity| entity.name.to_lowercase())
            .collect()
    }

    #[test]
    fn words_take_their_case_from_news_or_keep_it_when_abbreviated() {
        assert_eq!(in_case("BIDEN", false), "Biden");
        assert_eq!(in_case("SAID", true), "said");
        assert_eq!(in_case("ÉLYSÉE", false), "Élysée");
        assert!(is_abbreviation("U.S.") && is_abbreviation("F-16"));
        assert!(!is_abbreviation("NATO"));
    }

    #[test]
    fn an_article_in_capitals_is_tagged_as_running_text() {
        let text = "KAREN KHACHANOV WON FOR RUSSIA ON FRIDAY.\n\nFIONA HILL, A FORMER \
            NATIONAL SECURITY COUNCIL OFFICIAL, TOLD THE HOUSE INTELLIGENCE COMMITTEE ON \
            THURSDAY THAT SHE HAD WARNED HER SUPERIORS ABOUT THE PLAN.\n";
        let found = names(text);
        for name in [
            "karen khachanov",
            "national security council",
            "house intelligence committee",
        ] {
            assert!(found.iter().any(|found| found == name), "{name}: {found:?}");
        }
    }
}
