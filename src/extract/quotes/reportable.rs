//! Which quoted passages are quotations worth reporting.
//!
//! Quotation marks also set off scare quotes (so-called “special operation”)
//! and titles of shows, books and slogans (“Good Morning America”). Readers
//! want speech: at least three words, not written in title case.

use super::lexicon::is_speech_verb;

/// Fewest words a reported quotation has; shorter passages are scare quotes.
const MIN_WORDS: usize = 3;
/// Longest passage still taken for a title when every word is capitalised.
const MAX_TITLE_WORDS: usize = 12;

/// Whether the passage between quotation marks should be reported as a quotation.
pub fn is_reportable(text: &str) -> bool {
    word_count(text) >= MIN_WORDS
        && written_words(text) >= MIN_WORDS
        && !looks_like_title(text)
        && !looks_like_markup(text)
}

/// Words that name a passage as a slogan, a title or a caption rather than
/// speech (`the state's new slogan … “Meth. We're on it.”`), or as a name
/// given to a thing (`it has been dubbed “feather duvet lung”`, `an app named
/// “Make your Arrangements”`), the title of a legal act (`the edict “On
/// Using …”`), or as the title of its author's work (`author of
/// “Bargaining for Women’s Rights”`; `book` or `album` are left out: `the album
/// is “in the home stretch”` reports speech). `called` is left out (`he called it “a
/// disgrace”` reports speech), and so are chants and headlines: someone said
/// those words first.
#[rustfmt::skip]
const NAMING_WORDS: &[&str] = &[
    "slogan", "slogans", "motto", "tagline", "catchphrase", "hashtag", "titled", "entitled",
    "caption", "captioned", "nickname", "nicknamed", "dubbed", "named", "renamed", "codenamed",
    "author",
    // A legal act's title (`the 22 December edict “On Using Moscow Television's …”`).
    "edict", "edicts", "decree", "decrees", "ordinance", "resolution", "resolutions",
];

/// How many words before an opening mark a naming word may stand.
const NAMING_REACH: usize = 4;

/// Whether the text right before an opening mark names the passage as a
/// slogan, a title or a caption: a naming word in the same sentence, or ending
/// the question or the colon that the quotation's paragraph answers
/// (`What is this priceless slogan?` / `“Meth. We're on it.”`).
pub fn introduced_as_name(before: &str) -> bool {
    let trimmed = before.trim_end();
    let own_paragraph = before.len() != trimmed.len() && before[trimmed.len()..].contains('\n');
    let answered = own_paragraph && trimmed.ends_with(['?', ':']);
    let sentence_start = match answered {
        true => trimmed[..trimmed.len() - 1].rfind(['.', '!', '?', '\n']),
        false if own_paragraph => return false,
        false => trimmed.rfind(['.', '!', '?', '\n']),
    };
    // `the spot titled “Dangerous,” … pledging to “bomb …”`: the naming word
    // stands among the last words before the mark, or it names another passage.
    // A speech verb after the naming word makes the passage speech again (`a
    // trader who asked not to be named said, “…”`).
    let sentence = &trimmed[sentence_start.map_or(0, |at| at + 1)..];
    sentence
        .split_whitespace()
        .rev()
        .take(NAMING_REACH)
        .map(|word| word.trim_matches(|c: char| !c.is_alphabetic()))
        .find_map(|word| {
            // Lowercase only: `Dr. Paul Song` is no song.
            let naming = NAMING_WORDS.contains(&word);
            (naming || is_speech_verb(word)).then_some(naming)
        })
        .unwrap_or(false)
}

/// Words as written, between spaces: `self-centered message` and `It's
/// heartbreaking` are two, though [`word_count`] finds three runs of letters
/// in each (scare quotes and fragments, not speech).
fn written_words(text: &str) -> usize {
    text.split_whitespace()
        .filter(|word| word.chars().any(char::is_alphanumeric))
        .count()
}

/// Markup, identifiers and addresses that a body left unparsed keeps between
/// straight quotes (`<media-reference mime-type=`, `dafe3110-4a9e-…`,
/// `http://…`): no one said them.
fn looks_like_markup(text: &str) -> bool {
    let trimmed = text.trim();
    let one_token = !trimmed.contains(char::is_whitespace);
    one_token || trimmed.contains(['<', '>']) || trimmed.contains("&#") || trimmed.contains("=\"")
}

/// Words as the scorer and readers count them: runs of letters and digits.
pub fn word_count(text: &str) -> usize {
    let mut count = 0;
    let mut in_word = false;
    for ch in text.chars() {
        let is_word_char = ch.is_alphanumeric() || ch == '_';
        if is_word_char && !in_word {
            count += 1;
        }
        in_word = is_word_char;
    }
    count
}

/// Small words that stay lowercase in title case ("Law and Order").
fn is_title_case_small_word(word: &str) -> bool {
    matches!(
        word,
        "a" | "an"
            | "the"
            | "of"
            | "and"
            | "or"
            | "in"
            | "on"
            | "at"
            | "to"
            | "for"
            | "with"
            | "by"
            | "from"
            | "as"
            | "vs"
            | "nor"
            | "but"
    )
}

/// A title of a work, a show or a slogan: short, every significant word
/// capitalised, no punctuation inside that would make it a sentence.
fn looks_like_title(text: &str) -> bool {
    let trimmed = text.trim().trim_end_matches([',', '.', '!', '?', ';', ':']);
    let inner_punctuation = trimmed.contains(['.', ',', '?', '!', ';', ':']);
    if inner_punctuation {
        return false;
    }
    let words: Vec<&str> = trimmed.split_whitespace().collect();
    if words.len() > MAX_TITLE_WORDS {
        return false;
    }
    let mut capitalised = 0;
    for (position, word) in words.iter().enumerate() {
        let Some(first) = word.chars().find(|c| c.is_alphanumeric()) else {
            continue;
        };
        if first.is_uppercase() || first.is_numeric() {
            capitalised += 1;
            continue;
        }
        if position == 0 || !is_title_case_small_word(word) {
            return false;
        }
    }
    capitalised >= 2
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_passage_the_text_calls_a_slogan_or_a_title_is_no_speech() {
        assert!(introduced_as_name(
            "Just what is this priceless slogan?\n\n"
        ));
        assert!(introduced_as_name("Its campaign hashtag "));
        assert!(!introduced_as_name("Protesters marched while chanting, "));
        assert!(introduced_as_name("The report, titled "));
        assert!(!introduced_as_name("He called the decision "));
        assert!(introduced_as_name("it has instead been dubbed "));
        assert!(introduced_as_name("The 22 December edict "));
        assert!(!introduced_as_name("The decree states that "));
        assert!(introduced_as_name("an application, named "));
        assert!(introduced_as_name("professor and author of "));
        assert!(!introduced_as_name("In her book, she wrote "));
        assert!(!introduced_as_name(
            "said that the comment by Dr. Paul Song "
        ));
        assert!(!introduced_as_name(
            "a trader who asked not to be named said, "
        ));
        assert!(!introduced_as_name("The slogan was everywhere. She said "));
        assert!(!introduced_as_name("They liked the slogan.\n\n"));
        assert!(!introduced_as_name(
            "the spot titled Dangerous, warning against refugees, pledging to "
        ));
    }

    #[test]
    fn reports_speech_not_titles_or_scare_quotes() {
        let cases: &[(&str, bool)] = &[
            ("We will not back down,", true),
            ("special operation", false),
            ("Good Morning America", false),
            ("Law and Order,", false),
            ("The Nightly Show with Larry Wilmore.", false),
            ("I Think She Will.", false),
            ("Yes. We will see, I Think.", true),
            ("unwavering support", false),
            ("the security of Ukraine is the security of Europe", true),
            ("dafe3110-4a9e-11e6-acbc-4d4870a079da", false),
            ("http://alicejkang.com/a-b-c", false),
            (">\n        <media-reference mime-type=", false),
            (">&#10;&#8211; Dette budskapet skrur i en", false),
        ];
        for (text, expected) in cases {
            assert_eq!(is_reportable(text), *expected, "text: {text}");
        }
    }

    #[test]
    fn counts_words_like_the_scorer() {
        assert_eq!(word_count("don’t stop, 2022"), 4);
        assert_eq!(word_count("  "), 0);
    }

    #[test]
    fn two_written_words_are_no_quotation() {
        for fragment in [
            "self-centered message.",
            "It's heartbreaking",
            "one-term president.",
        ] {
            assert!(!is_reportable(fragment), "{fragment}");
        }
        assert!(is_reportable("It's truly heartbreaking"));
    }
}
