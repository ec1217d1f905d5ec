//! Questions about a name as a string, apart from the article's tokens: its
//! last word, the capitalised words a text opens with, whether a one-word
//! name names anyone.

use super::lexicon::{is_non_name_capital, is_title};
use crate::article::Entity;

/// Whether a one-word speaker's name that is none of the article's entities
/// names no one: a title without its holder (`the Head said`) or a common noun
/// that opened the sentence (`Investigators said`, `Officials said`), which
/// the article also writes in lowercase. `Fahd`, `Politifact` stay.
pub fn names_no_one(name: &str, text: &str, entities: &[Entity]) -> bool {
    // `King` of `Pete King`: a surname the article's entities hold.
    let held = |entity: &Entity| entity.name.split(' ').any(|word| word == name);
    if name.contains(' ') || entities.iter().any(held) {
        return false;
    }
    let lowercase = name.to_lowercase();
    // `Congressman Pete King`: a title word written as someone's surname.
    let surname_somewhere = || {
        text.match_indices(name).any(|(at, _)| {
            let before = text[..at].strip_suffix(' ').unwrap_or("");
            let previous = before.rsplit(' ').next().unwrap_or("");
            // Not a sentence's `The President's wife`: a function word is no given name.
            previous.starts_with(char::is_uppercase)
                && !is_title(previous)
                && !is_non_name_capital(previous)
        })
    };
    if is_title(&lowercase) {
        return !surname_somewhere();
    }
    text.match_indices(lowercase.as_str()).any(|(at, found)| {
        let before = text[..at].chars().next_back();
        let after = text[at + found.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// The last word of a name, the part that survives "Mélanie Joly" -> "Joly";
/// a generational suffix is skipped ("James Kennedy Jr." -> "Kennedy").
pub fn last_word(name: &str) -> &str {
    let mut words = name.rsplit([' ', '\u{a0}']).filter(|w| !w.is_empty());
    let last = words.next().unwrap_or(name);
    let is_suffix = matches!(
        last.trim_end_matches('.'),
        "Jr" | "Sr" | "II" | "III" | "IV"
    );
    if !is_suffix {
        return last;
    }
    words.next().unwrap_or(last)
}

/// The capitalised words `text` opens with, up to the first punctuation
/// (`Andrzej Duda. "We` -> `Andrzej`, `Duda`).
pub fn capitalised_run(text: &str) -> Vec<&str> {
    let mut run = Vec::new();
    for word in text.split_whitespace() {
        if !word.starts_with(char::is_uppercase) {
            break;
        }
        let bare = word.trim_end_matches(|c: char| c.is_ascii_punctuation());
        run.push(bare);
        if bare.len() < word.len() {
            break;
        }
    }
    run
}

/// Whether `haystack` contains `needle` as whole words ("Department of State" contains "State").
pub fn contains_words(haystack: &str, needle: &str) -> bool {
    let padded = format!(" {haystack} ");
    padded.contains(&format!(" {needle} "))
}
