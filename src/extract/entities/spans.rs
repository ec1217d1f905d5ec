//! Spans the tagger runs together or extends past the name, fixed before the
//! names are voted on:
//! - two places joined by a hyphen or a comma are two places (`US-China`
//!   trade, `Washington, D.C.`);
//! - an office written after a place is no part of the name, and no person
//!   (`Moscow Mayor`, `Altai Territory Governor`);
//! - in a list of officials, the end of an office runs into the holder's name
//!   (`Minister of Industry and Trade Denis Manturov` tagged `Trade Denis
//!   Manturov`): the person is the last two words;
//! - an organisation named through an office of it (`CEO of Hipcricket`) is
//!   the organisation.

use super::tagger::Mention;
use crate::extract::words::PERSON_TITLES;

/// Kind indices of the model (see [`Mention::kind`]).
const PERSON: usize = 0;
const ORGANIZATION: usize = 1;
const PLACE: usize = 2;

/// Offices written after the place they govern (`Moscow Mayor`).
const OFFICES_AFTER_PLACE: &[&str] = &["governor", "mayor"];

/// Offices of a company or an agency written before its name (`CEO of Hipcricket`).
const OFFICES_OF_ORGANISATIONS: &[&str] = &[
    "ceo",
    "chairman",
    "chairwoman",
    "chief",
    "director",
    "head",
    "president",
    "founder",
    "spokesman",
    "spokeswoman",
    "spokesperson",
];

/// Words that say the text before a name is an office (`Minister of …`).
fn is_title(word: &str) -> bool {
    let bare = word.trim_end_matches([',', '.']).to_lowercase();
    PERSON_TITLES.contains(&bare.as_str())
        || matches!(bare.as_str(), "head" | "adviser" | "advisor")
}

/// Applies every span repair to the mentions of `text`, in place.
pub fn repair_spans(text: &str, mentions: &mut Vec<Mention>) {
    split_joined_places(text, mentions);
    for mention in mentions.iter_mut() {
        drop_office_after_place(text, mention);
        trim_office_before_person(text, mention);
        drop_office_of_organisation(text, mention);
    }
}

/// `US-China`, `U.S.-Mexico`, `Washington, D.C.`: a mention made of two
/// known places joined by a hyphen or a comma becomes the two places.
fn split_joined_places(text: &str, mentions: &mut Vec<Mention>) {
    let mut index = 0;
    while index < mentions.len() {
        let mention = &mentions[index];
        let surface = text.get(mention.start..mention.end).unwrap_or("");
        let split = ["-", ", "].iter().find_map(|joint| {
            let (left, right) = surface.split_once(joint)?;
            let both_places = super::lexicon::is_known_place(left)
                && super::lexicon::is_known_place(right.trim_end_matches(['’', '\'', 's']));
            both_places.then_some((left.len(), left.len() + joint.len()))
        });
        if let Some((left_end, right_start)) = split {
            let mut right = mention.clone();
            right.start = mention.start + right_start;
            right.kind = PLACE;
            mentions[index].end = mentions[index].start + left_end;
            mentions[index].kind = PLACE;
            mentions.insert(index + 1, right);
            index += 1;
        }
        index += 1;
    }
}

/// `Moscow Mayor`, `Altai Territory Governor`: the place without the office.
fn drop_office_after_place(text: &str, mention: &mut Mention) {
    let Some(surface) = text.get(mention.start..mention.end) else {
        return;
    };
    let Some((place, office)) = surface.rsplit_once(' ') else {
        return;
    };
    if !OFFICES_AFTER_PLACE.contains(&office.to_lowercase().as_str()) {
        return;
    }
    mention.end = mention.start + place.len();
    mention.kind = PLACE;
}

/// `Minister of Industry and Trade Denis Manturov` tagged `Trade Denis
/// Manturov`: a person of three words or more right after `of`/`and`, in an
/// office opened by a title a few words before, is its last two words.
fn trim_office_before_person(text: &str, mention: &mut Mention) {
    let (Some(surface), Some(before)) = (
        text.get(mention.start..mention.end),
        text.get(..mention.start),
    ) else {
        return;
    };
    let words: Vec<&str> = surface.split(' ').collect();
    if mention.kind != PERSON || words.len() < 3 {
        return;
    }
    let mut previous = before.split_whitespace().rev();
    if !matches!(previous.next(), Some("of" | "and")) {
        return;
    }
    // The office itself: capitalised words and connectors back to its title.
    let in_office = previous
        .take(6)
        .take_while(|word| !word.ends_with([',', ';', '.']) || is_title(word))
        .any(is_title);
    if !in_office {
        return;
    }
    let kept = words[words.len() - 2..].join(" ");
    mention.start = mention.end - kept.len();
}

/// `CEO of Hipcricket`: an organisation mention opening with a title and `of`
/// is the organisation after it.
fn drop_office_of_organisation(text: &str, mention: &mut Mention) {
    let Some(surface) = text.get(mention.start..mention.end) else {
        return;
    };
    let Some((title, rest)) = surface.split_once(" of ") else {
        return;
    };
    let rest = rest.strip_prefix("the ").unwrap_or(rest);
    let office = OFFICES_OF_ORGANISATIONS.contains(&title.to_lowercase().as_str());
    // `Head of the Office`, `Director of Intelligence`: an office of no organisation
    // the article names on its own elsewhere (`Queen of the South` is a club).
    let named_elsewhere = !rest.is_empty() && text.matches(rest).nth(1).is_some();
    if mention.kind != ORGANIZATION || !office || !named_elsewhere {
        return;
    }
    mention.start = mention.end - rest.len();
}

#[cfg(test)]
#[path = "spans_tests.rs"]
mod tests;
