//! Truecasing of text in capitals (`JOE BIDEN SAID ON TUESDAY`), so that the
//! tagger, which learnt that a capital marks a name, reads it as running text
//! (`Joe Biden said on Tuesday`). How the article writes a word elsewhere
//! decides its case; a word the article never writes otherwise is lowercased
//! when news writes it in lowercase ([`super::common_words`]) and the
//! training never named it, and capitalized if not. Abbreviations (`U.S.`,
//! `F-16`) and words the article writes in capitals (`USDA`) stay in capitals.

use super::common_words::is_common;
use super::features::{DocContext, TokenInfo};
use super::given_names::is_given_name;
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
    title_case: bool,
) {
    let mut scratch = Vec::new();
    let lowers: Vec<u64> = infos.iter().map(|info| info.lower).collect();
    for (position, (token, info)) in tokens.iter().zip(infos.iter_mut()).enumerate() {
        let first = position == 0;
        let original = token.text(text);
        let in_capitals =
            original.chars().any(char::is_uppercase) && !original.chars().any(char::is_lowercase);
        // In Title Case the words in capitals are acronyms (`CNBC`), and the
        // capitalized ones (`Said`, `Putin`) are the ones whose case says nothing;
        // a sentence's first word is capitalized in running text too.
        let to_recase = match title_case {
            true => info.capitalized && info.inner_upper == 0 && info.inner_lower > 0 && !first,
            false => in_capitals,
        };
        if !to_recase {
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
        // `MARK MEADOWS`, `Mark Meadows`: a given name before a word news does
        // not write in lowercase opens a person's name.
        let given_name = is_given_name(original)
            && lowers
                .get(position + 1)
                .is_some_and(|next| !is_common(*next));
        let lowercase =
            !written_capitalized && !given_name && (written_lowercase || common_in_news);
        let word = in_case(original, lowercase);
        let after_opening = info.after_opening;
        *info = TokenInfo::new(&word, token.kind == TokenKind::Hashtag, &mut scratch);
        info.after_opening = after_opening;
    }
}

/// Words that running text writes in lowercase and a Title Case sentence
/// capitalizes; a list of names (`Upul Chandana c Smith`) has none.
const FUNCTION_WORDS: &[&str] = &[
    "the", "of", "and", "to", "in", "a", "an", "for", "on", "with", "at", "by", "from", "is",
    "are", "was", "were", "as", "that", "this", "its", "his", "her", "their", "has", "have",
];

/// Whether a Title Case sentence is prose written so (`Vladimir Putin Noted
/// The Threat Of Mines`), not a list or a table of names, which the tagger
/// learnt to read as written: a function word after its first is capitalized.
pub(super) fn title_cased_prose(text: &str, tokens: &[Token], infos: &[TokenInfo]) -> bool {
    tokens.iter().zip(infos).skip(1).any(|(token, info)| {
        let word = token.text(text);
        info.capitalized
            && FUNCTION_WORDS
                .iter()
                .any(|function| function.eq_ignore_ascii_case(word))
    })
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
    use super::super::tagger::prepare;
    use super::super::tokenize::tokenize;
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

    /// Regression (issue 13, the modern dev set in Title Case): every word
    /// capitalized, the tagger read the sentences as headlines and missed
    /// `Twitter` here (and `Vladimir Putin`, `Sea Of Azov` in the set's
    /// Kremlin readouts).
    #[test]
    fn an_article_in_title_case_is_tagged_as_running_text() {
        let text = "The Leaders Discussed The Situation In The Region And The Threat Of Mines. \
            Vladimir Putin Noted The Willingness Of Russia To Facilitate Talks.\n\n\
            A Whole Lot Of People On Twitter Pointed It Out On Monday.\n\n\
            The Minister Of Finance, Anton Siluanov, Spoke To The Press After The Meeting.\n";
        let found = names(text);
        for name in ["vladimir putin", "twitter", "anton siluanov", "russia"] {
            assert!(found.iter().any(|found| found == name), "{name}: {found:?}");
        }
    }

    /// [`title_cased_prose`] of the first sentence of `text`.
    fn first_sentence_is_prose(text: &str) -> bool {
        let tokens = tokenize(text);
        let words = tokens
            .iter()
            .map(|sentence| sentence.iter().map(|token| (token.text(text), false)));
        let (prepared, _) = prepare(words);
        title_cased_prose(text, &tokens[0], &prepared[0].infos)
    }

    /// A list of names in Title Case is read as written: no prose.
    #[test]
    fn a_list_of_names_is_no_title_cased_prose() {
        let list = "Upul Chandana, Sanath Jayasuriya, Aravinda De Silva, Romesh Kaluwitharana";
        assert!(!first_sentence_is_prose(list));
        assert!(first_sentence_is_prose("Vladimir Putin Noted The Threat"));
    }
}
