//! Spans the tagger runs together or extends past the name, fixed before the
//! names are voted on:
//! - two places joined by a hyphen or a comma are two places (`US-China`
//!   trade, `Washington, D.C.`);
//! - an office written after a place is no part of the name, and no person
//!   (`Moscow Mayor`, `Altai Territory Governor`);
//! - a holder's name run into the office or the place before it is split
//!   off (`office_holders`);
//! - an organisation named through an office of it (`CEO of Hipcricket`) is
//!   the organisation;
//! - a long organisation's name is taken whole (`long_names`), and one the
//!   tagger missed is found by its head word (`org_chunks`);
//! - a person's name right after `the` is a group's (`the Goo Goo Dolls`).

use super::office_holders;
use super::tagger::Mention;
use crate::extract::words::{is_generational_suffix, NEVER_NAMES, PERSON_TITLES};

/// Kind indices of the model (see [`Mention::kind`]).
const PERSON: usize = 0;
const ORGANIZATION: usize = 1;
const PLACE: usize = 2;
const OTHER: usize = 3;

/// Offices written after the place they govern (`Moscow Mayor`).
const OFFICES_AFTER_PLACE: &[&str] = &["governor", "mayor"];

/// Titles that only persons bear, written right before the name (`Sen.`, `Mrs`).
#[rustfmt::skip]
const PERSON_ONLY_TITLES: &[&str] = &[
    "mr", "mrs", "ms", "dr", "sen", "senator", "rep", "gov", "governor", "mayor", "sgt", "lt",
    "col", "capt", "rev", "sir", "dame", "prof", "professor", "ambassador", "president", "pres",
    "prince", "princess", "pope", "judge", "queen", "king",
];

/// Words that, alone after `Head of`, name a body in general, not one organisation.
#[rustfmt::skip]
const GENERIC_BODIES: &[&str] = &[
    "state", "government", "office", "department", "ministry", "delegation", "board", "company",
    "country", "nation", "staff", "mission",
];

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

/// The words of `surface` split at spaces, each with its byte offset.
pub(super) fn words_with_offsets(surface: &str) -> Vec<(usize, &str)> {
    surface
        .split(' ')
        .scan(0, |offset, word| {
            let start = *offset;
            *offset += word.len() + 1;
            Some((start, word))
        })
        .collect()
}

/// Whether `list` (lowercase) holds `word`, ignoring ASCII case, without allocating.
pub(super) fn in_list(list: &[&str], word: &str) -> bool {
    list.iter().any(|entry| entry.eq_ignore_ascii_case(word))
}

/// Words that say the text before a name is an office (`Minister of …`).
pub(super) fn is_title(word: &str) -> bool {
    let bare = word.trim_end_matches([',', '.']);
    in_list(PERSON_TITLES, bare) || in_list(&["head", "adviser", "advisor"], bare)
}

/// Applies every span repair to the mentions of `text`, in place.
pub fn repair_spans(text: &str, mentions: &mut Vec<Mention>) {
    split_at_sentence_ends(text, mentions);
    // Before portfolios go: `Minister of Greece Nikos Dendias` holds a place.
    office_holders::split_place_from_name(text, mentions);
    office_holders::split_country_from_person(text, mentions);
    split_joined_places(text, mentions);
    drop_portfolios(text, mentions);
    mark_titles_of_works(text, mentions);
    office_holders::split_holder_from_office(text, mentions);
    office_holders::join_given_name_after_place(text, mentions);
    super::long_names::grow_organisation_names(text, mentions);
    super::long_names::join_names_over_and(text, mentions);
    super::org_chunks::take_names_by_heads(text, mentions);
    for mention in mentions.iter_mut() {
        group_after_the(text, mention);
        person_after_title(text, mention);
        drop_office_after_place(text, mention);
        drop_office_of_organisation(text, mention);
        drop_securities_of_company(text, mention);
    }
    office_holders::trim_offices_before_persons(text, mentions);
}

/// Securities written before a company's name at a sentence's start, which
/// the tagger takes into the name (`Shares of Countrywide fell`).
const SECURITIES: &[&str] = &["Shares", "Stock", "Stocks", "Bonds", "Units"];

/// `Shares of Apple Inc. fell`: the company's name without the securities.
fn drop_securities_of_company(text: &str, mention: &mut Mention) {
    let Some(surface) = text.get(mention.start..mention.end) else {
        return;
    };
    let Some((first, rest)) = surface.split_once(" of ") else {
        return;
    };
    if SECURITIES.contains(&first) && rest.starts_with(char::is_uppercase) {
        mention.start += first.len() + " of ".len();
    }
}

/// `Appendix I. For Dolby`: a mention run over a sentence end, where the next
/// sentence opens with a function word, is the name before the period and the
/// name after the function word.
fn split_at_sentence_ends(text: &str, mentions: &mut Vec<Mention>) {
    let mut index = 0;
    while index < mentions.len() {
        let mention = &mentions[index];
        let surface = text.get(mention.start..mention.end).unwrap_or("");
        let cut = surface.match_indices(". ").find_map(|(at, _)| {
            let rest = &surface[at + 2..];
            let (word, name) = rest.split_once(' ')?;
            let opens_sentence = in_list(NEVER_NAMES, word) && word.starts_with(char::is_uppercase);
            opens_sentence.then(|| (at, surface.len() - name.len()))
        });
        // `U.S. And West Germany` in a Title Case headline is one sentence.
        let Some((period, name_start)) = cut else {
            index += 1;
            continue;
        };
        if super::lines::in_headline(text, mention.start, mention.end) {
            index += 1;
            continue;
        }
        // `… U.S. For …`: an abbreviation keeps its period.
        let last_word = surface[..period].rsplit(' ').next().unwrap_or("");
        let left_end = period + usize::from(last_word.contains('.'));
        let mut after = mention.clone();
        after.start = mention.start + name_start;
        mentions[index].end = mentions[index].start + left_end;
        mentions.insert(index + 1, after);
        index += 2;
    }
}

/// `US-China`, `U.S.-Mexico`, `Belarus-EU`, `Washington, D.C.`: a mention made
/// of two names of the known-names list joined by a hyphen (or two places
/// joined by a comma) becomes the two names, each of its listed kind.
fn split_joined_places(text: &str, mentions: &mut Vec<Mention>) {
    let mut index = 0;
    while index < mentions.len() {
        let mention = &mentions[index];
        let surface = text.get(mention.start..mention.end).unwrap_or("");
        // `Belarus-EU border`: a hyphen may join any two known names, a comma two places.
        let split = [('-', ""), (',', " ")].iter().find_map(|(mark, space)| {
            let (left, right) = surface.split_once(*mark)?;
            let right = right.strip_prefix(space)?;
            let hyphen = space.is_empty();
            let right_bare = right
                .strip_suffix("’s")
                .or_else(|| right.strip_suffix("'s"))
                .unwrap_or(right);
            let left_kind = super::lexicon::known_kind(left)?;
            let right_kind = super::lexicon::known_kind(right_bare)?;
            let places = left_kind == PLACE && right_kind == PLACE;
            let joint = 1 + space.len();
            (hyphen || places).then_some((left.len(), joint, left_kind, right_kind))
        });
        if let Some((left_end, joint, left_kind, right_kind)) = split {
            let mut right = mention.clone();
            right.start = mention.start + left_end + joint;
            right.kind = right_kind;
            mentions[index].end = mentions[index].start + left_end;
            mentions[index].kind = left_kind;
            mentions.insert(index + 1, right);
            index += 1;
        }
        index += 1;
    }
}

/// Offices whose `of` names a portfolio, not an organisation (`Minister of
/// Industry and Trade`, `Secretary of Homeland Security`).
const PORTFOLIO_OFFICES: &[&str] = &["minister", "secretary", "commissioner"];

/// `Minister of Industry and Trade`, `Minister of Economic Development`: the
/// portfolio after the office names no organisation; its mentions go (a
/// known place stays: `Minister of Health of Ukraine`).
fn drop_portfolios(text: &str, mentions: &mut Vec<Mention>) {
    mentions.retain(|mention| {
        if mention.kind == PERSON {
            return true;
        }
        let before = text.get(..mention.start).unwrap_or("");
        let mut words = before.split(' ').rev().skip(1);
        for _ in 0..6 {
            match words.next() {
                Some("of") => {
                    let portfolio = in_list(PORTFOLIO_OFFICES, words.next().unwrap_or(""));
                    let surface = text.get(mention.start..mention.end).unwrap_or("");
                    return !portfolio || super::lexicon::known_kind(surface).is_some();
                }
                Some(word) if word == "and" || word.starts_with(char::is_uppercase) => {}
                _ => return true,
            }
        }
        true
    });
}

/// How far from a mention the marks of a title around it may stand, in bytes.
const TITLE_REACH: usize = 120;

/// The extent of the pair of quotation marks around `start..end` on its line
/// whose content is a short Title Case phrase (`“Takin’ It to the Streets.”`,
/// `"What A Fool Believes"`), the title of a work; `None` otherwise. `marks`
/// holds the byte offsets of the article's quotation marks, in order.
fn title_of_work_around(
    text: &str,
    marks: &[usize],
    (start, end): (usize, usize),
) -> Option<(usize, usize)> {
    let next = marks.partition_point(|mark| *mark < start);
    let open = marks.get(next.checked_sub(1)?).copied()?;
    let close = marks.get(next).copied()?;
    // A title is short: its marks stand no further than `TITLE_REACH` bytes away.
    if close < end || start - open > TITLE_REACH || close - end > TITLE_REACH {
        return None;
    }
    let opens = text[open..].starts_with(['“', '"']);
    let closes = text[close..].starts_with(['”', '"']);
    let content = text.get(open..close)?.trim_start_matches(['“', '"']);
    if !opens || !closes || content.contains('\n') {
        return None;
    }
    let words: Vec<&str> = content.split_whitespace().collect();
    let long_words_capitalised = words
        .iter()
        .map(|word| word.trim_matches(|c: char| !c.is_alphabetic()))
        .filter(|word| word.chars().count() > 3)
        .all(|word| word.starts_with(char::is_uppercase));
    let title_like = (2..=8).contains(&words.len()) && long_words_capitalised;
    title_like.then_some((open, close))
}

/// Mentions inside the title of a work become one `other` mention of it at
/// most: its words are no people or places (`Streets`, `Takin`).
fn mark_titles_of_works(text: &str, mentions: &mut Vec<Mention>) {
    let marks: Vec<usize> = text
        .match_indices(['“', '”', '"'])
        .map(|(at, _)| at)
        .collect();
    if marks.len() < 2 {
        return;
    }
    let mut seen_titles: Vec<(usize, usize)> = Vec::new();
    mentions.retain_mut(|mention| {
        let Some(title) = title_of_work_around(text, &marks, (mention.start, mention.end)) else {
            return true;
        };
        mention.kind = OTHER;
        let first = !seen_titles.contains(&title);
        seen_titles.push(title);
        first
    });
}

/// `Moscow Mayor`, `Altai Territory Governor`: the place without the office.
fn drop_office_after_place(text: &str, mention: &mut Mention) {
    let Some(surface) = text.get(mention.start..mention.end) else {
        return;
    };
    let Some((place, office)) = surface.rsplit_once(' ') else {
        return;
    };
    if !in_list(OFFICES_AFTER_PLACE, office) {
        return;
    }
    mention.end = mention.start + place.len();
    mention.kind = PLACE;
}

/// `CEO of Hipcricket`: an organisation mention opening with a title and `of`
/// is the organisation after it.
fn drop_office_of_organisation(text: &str, mention: &mut Mention) {
    let Some(surface) = text.get(mention.start..mention.end) else {
        return;
    };
    let Some((title, rest)) = surface.split_once(' ') else {
        return;
    };
    let office = in_list(OFFICES_OF_ORGANISATIONS, title);
    let Some(rest) = rest.strip_prefix("of ") else {
        return;
    };
    let rest = rest.strip_prefix("the ").unwrap_or(rest);
    // `Head of the Office`, `Director of Intelligence`: an office of no organisation
    // the article names on its own elsewhere or in full (`Queen of the South` is a club).
    // `Head of State`: a common word written with a capital names no one.
    let generic = in_list(GENERIC_BODIES, rest);
    let named_elsewhere = !rest.is_empty() && !generic && text.matches(rest).nth(1).is_some();
    let long_name = rest.contains(' ') && rest.starts_with(char::is_uppercase);
    if mention.kind != ORGANIZATION || !office || !(named_elsewhere || long_name) {
        return;
    }
    mention.start = mention.end - rest.len();
}

/// `Sen. Elizabeth Warren` with the title outside the mention, or `Queen
/// Elizabeth II` with it inside, tagged an organisation: a name of one to
/// three words (a regnal number or a suffix aside) right after a title that
/// only persons bear is a person's.
fn person_after_title(text: &str, mention: &mut Mention) {
    let (Some(surface), Some(before)) = (
        text.get(mention.start..mention.end),
        text.get(..mention.start),
    ) else {
        return;
    };
    let is_person_title = |word: &str| in_list(PERSON_ONLY_TITLES, word.trim_end_matches('.'));
    let previous = before
        .strip_suffix(' ')
        .and_then(|b| b.split(' ').next_back())
        .unwrap_or("");
    // `Prince Rupert`, a town tagged a place, keeps its kind.
    let name = match surface.split_once(' ') {
        Some((first, rest)) if is_person_title(first) && mention.kind != PLACE => rest,
        _ if is_person_title(previous) => surface,
        _ => return,
    };
    let words: Vec<&str> = name
        .split(' ')
        .filter(|word| !is_generational_suffix(word) && !word.eq_ignore_ascii_case("i"))
        .collect();
    let name_like = (1..=3).contains(&words.len())
        && words.iter().all(|word| {
            word.starts_with(char::is_uppercase)
                && word.contains(char::is_lowercase)
                && !super::long_names::is_growing_head(word)
                && !in_list(&["street", "avenue", "square", "road"], word)
        });
    if name_like && mention.kind != PERSON {
        mention.kind = PERSON;
    }
}

/// Whether the text right after a name opens with a lowercase word other than
/// a function word: `the Marc Dutroux case`, where the name modifies a noun
/// and `the` belongs to the noun.
pub(super) fn modifies_noun(after: &str) -> bool {
    let word = word_after(after);
    word.starts_with(char::is_lowercase) && !NEVER_NAMES.contains(&word)
}

/// The word right after a name, when a space follows the name (`the Marc
/// Dutroux case` -> `case`); empty otherwise.
pub(super) fn word_after(after: &str) -> &str {
    let Some(rest) = after.strip_prefix(' ') else {
        return "";
    };
    rest.split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("")
}

/// `the Goo Goo Dolls`, `The Doobie Brothers`: a name of several words after
/// `the` that the tagger took for a person's is a group's.
fn group_after_the(text: &str, mention: &mut Mention) {
    let (Some(surface), Some(before)) = (
        text.get(mention.start..mention.end),
        text.get(..mention.start),
    ) else {
        return;
    };
    let after = text.get(mention.end..).unwrap_or("");
    let the_before =
        (before.ends_with("the ") || before.ends_with("The ")) && !modifies_noun(after);
    let the_inside = surface.starts_with("The ");
    let several_words = surface.trim_start_matches("The ").contains(' ');
    if mention.kind == PERSON && (the_before || the_inside) && several_words {
        mention.kind = ORGANIZATION;
    }
}

#[cfg(test)]
#[path = "spans_tests.rs"]
mod tests;
