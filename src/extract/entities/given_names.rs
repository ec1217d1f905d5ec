//! Given names and name particles the tagger left out of a person's name
//! (`Fritz Eckart von Weizsäcker`): `Vladimir` in
//! `… regarding Ukraine. Vladimir Putin commented`, where the sentence's first
//! word looks to the model like any capitalised sentence start, or `Thibaut` in
//! `the move of Thibaut Courtois`.
//!
//! The list (`given_names.txt`, written by `scripts/given_names.py`) holds
//! words that are given names and rarely anything else: common words (`Will`,
//! `Don`) and places (`Virginia`, `Jordan`) are left out of it, so a role or a
//! nationality before a name (`Unseeded Patrick Rafter`) stays out of the name.

use std::sync::OnceLock;

use rustc_hash::FxHashSet;
use unicode_normalization::UnicodeNormalization;

use super::lexicon::{known_kind, lowercase_hash};
use super::lines::{any_word, headline, words_of, Word};
use super::org_chunks::is_name_head;
use super::repair::ORGANISATION_HEADS;
use super::spans::{in_list, words_with_offsets};
use super::tagger::{covers, Mention};
use crate::extract::words::{COMPANY_WORDS, NEVER_NAMES};

/// Kind indices of the model (see [`Mention::kind`]).
const PERSON: usize = 0;
const ORGANIZATION: usize = 1;
const PLACE: usize = 2;

/// The list, one lowercase name a line, `#` lines are comments.
static GIVEN_NAMES: &str = include_str!("given_names.txt");

/// Whether `word` (as written) is a given name of the list.
pub(super) fn is_given_name(word: &str) -> bool {
    static SET: OnceLock<FxHashSet<u64>> = OnceLock::new();
    let set = SET.get_or_init(|| {
        GIVEN_NAMES
            .lines()
            .filter(|line| !line.is_empty() && !line.starts_with('#'))
            .map(lowercase_hash)
            .collect()
    });
    if set.contains(&lowercase_hash(word)) {
        return true;
    }
    // The list is written without accents: `Frédéric` is `frederic`.
    if word.is_ascii() {
        return false;
    }
    let unaccented: String = word
        .nfd()
        .filter(|&c| !unicode_normalization::char::is_combining_mark(c))
        .collect();
    unaccented.is_ascii() && set.contains(&lowercase_hash(&unaccented))
}

/// Extends each person's mention over a given name written right before it,
/// one space apart, that no other mention holds (or that a one-word person's
/// mention holds alone: `Hillary` and `Clinton` tagged apart).
pub(super) fn join_given_names(text: &str, mentions: &mut Vec<Mention>) {
    let mut absorbed = Vec::new();
    for index in 0..mentions.len() {
        let mention = &mentions[index];
        if mention.kind != PERSON || mention.shouted {
            continue;
        }
        // `Beverly` + `Hills`: a place's or a company's last word is no surname.
        let last_word = text
            .get(mention.start..mention.end)
            .and_then(|surface| surface.rsplit(' ').next())
            .unwrap_or("");
        if names_a_place_or_company(last_word) {
            continue;
        }
        let Some(start) = given_name_before(text, mention.start) else {
            continue;
        };
        let previous = index.checked_sub(1).map(|at| &mentions[at]);
        let covered = previous.is_some_and(|previous| previous.end > start);
        let lone_given_name = previous.is_some_and(|previous| {
            previous.kind == PERSON && previous.start == start && previous.end + 1 == mention.start
        });
        if covered && !lone_given_name {
            continue;
        }
        if lone_given_name {
            absorbed.push(index - 1);
        }
        mentions[index].start = start;
    }
    remove_indices(mentions, &absorbed);
}

/// The persons' mentions of one word (`Callery`, `Lake`), as written.
pub(super) fn lone_persons<'a>(text: &'a str, mentions: &[Mention]) -> Vec<&'a str> {
    mentions
        .iter()
        .filter(|mention| mention.kind == PERSON)
        .filter_map(|mention| text.get(mention.start..mention.end))
        .filter(|surface| !surface.contains(' '))
        .collect()
}

/// The words of the persons' names of more than one word in `mentions`
/// (`Vladimir`, `Putin` of `Vladimir Putin`): a surname alone elsewhere is
/// that person's.
pub(super) fn full_name_words<'a>(text: &'a str, mentions: &[Mention]) -> Vec<&'a str> {
    mentions
        .iter()
        .filter(|mention| mention.kind == PERSON)
        .filter_map(|mention| text.get(mention.start..mention.end))
        .filter(|surface| surface.contains(char::is_whitespace))
        .flat_map(str::split_whitespace)
        .collect()
}

/// Extends a one-word person over the untagged word after it, one space
/// apart, where the article names a person by that word alone elsewhere
/// (`Commissioner Butch Callery …, said Callery`: the tagger took `Butch`
/// alone, so the quote's speaker was `Callery`, not the full name).
pub(super) fn join_surnames_named_alone(text: &str, mentions: &mut [Mention]) {
    let lone_persons = lone_persons(text, mentions);
    if lone_persons.len() < 2 {
        return;
    }
    let starts: Vec<usize> = mentions.iter().map(|mention| mention.start).collect();
    let mut extended: Vec<(usize, usize)> = Vec::new();
    for (index, mention) in mentions.iter().enumerate() {
        let Some(surface) = text.get(mention.start..mention.end) else {
            continue;
        };
        if mention.kind != PERSON || surface.contains(' ') || !name_shaped(surface) {
            continue;
        }
        let Some(after) = text
            .get(mention.end..)
            .and_then(|after| after.strip_prefix(' '))
        else {
            continue;
        };
        let word_len = after
            .find(|c: char| !(c.is_alphabetic() || matches!(c, '-' | '\'' | '’')))
            .unwrap_or(after.len());
        let word = &after[..word_len];
        let word_start = mention.end + 1;
        let named_alone = word != surface && lone_persons.contains(&word);
        if named_alone && name_shaped(word) && !starts.contains(&word_start) {
            extended.push((index, word_start + word_len));
        }
    }
    for (index, end) in extended {
        mentions[index].end = end;
    }
}

/// Adds a person's mention for an untagged given name of the list and the
/// capitalised word after it (`As Emily Feng reports for NPR`), where nothing
/// says the two are part of a longer name: no capitalised word right before
/// (unless it opens the sentence) or after, no head of an organisation or a
/// place (`Madison Square`), no name the lexicon knows, no headline.
pub(super) fn add_untagged_full_names(text: &str, mentions: &mut Vec<Mention>) {
    let mut found = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let line_start = offset;
        offset += line.len();
        // Most given names are tagged already: the line's words are looked at
        // only when one is not.
        let candidate = any_word(line, line_start, |start, word| {
            word.starts_with(char::is_uppercase)
                && !covers(mentions, start, start + 1)
                && is_given_name(word.trim_end_matches(|c: char| !c.is_alphabetic()))
        });
        if !candidate || headline(line) {
            continue;
        }
        let words = words_of(line, line_start);
        for (index, given) in words.iter().enumerate() {
            let Some(surname) = words.get(index + 1) else {
                break;
            };
            let plain = |word: &Word| name_shaped(word.bare) && !word.possessive;
            if !plain(given) || given.punctuated() || !is_given_name(given.bare) {
                continue;
            }
            let previous_open = index == 0
                || given.sentence_start
                || !words[index - 1].bare.starts_with(char::is_uppercase)
                || in_list(NEVER_NAMES, words[index - 1].bare);
            let next_open = surname.punctuated()
                || surname.possessive
                || words
                    .get(index + 2)
                    .is_none_or(|next| !next.bare.starts_with(char::is_uppercase));
            let fits = surname_fits(surname.bare) && known_kind(given.bare).is_none();
            if previous_open && next_open && fits {
                found.push(Mention::new(
                    given.start,
                    surname.start + surname.bare.len(),
                    PERSON,
                ));
            }
        }
    }
    found.retain(|person| !covers(mentions, person.start, person.end));
    if found.is_empty() {
        return;
    }
    mentions.extend(found);
    mentions.sort_by_key(|mention| (mention.start, mention.end));
}

/// Gives a two-word place or organisation whose first word is a given name of
/// the list and whose second could be a surname (`a shot at Matt Murray`,
/// `Dolby – Frédéric Gabin`) the person kind: the tagger, not knowing the
/// surname, took the pair for a town or a company.
pub(super) fn settle_given_name_pairs(text: &str, mentions: &mut [Mention]) {
    let settled = |mention: &&mut Mention| matches!(mention.kind, PLACE | ORGANIZATION);
    for mention in mentions.iter_mut().filter(settled) {
        let Some(surface) = text.get(mention.start..mention.end) else {
            continue;
        };
        let Some((given, surname)) = surface.split_once(' ') else {
            continue;
        };
        // `Olin Corp`, `Boyd Gaming`: a company named after its founder.
        let company_word = mention.kind == ORGANIZATION && names_a_company(surname);
        let person = name_shaped(given)
            && is_given_name(given)
            && surname_fits(surname)
            && !company_word
            && known_kind(given).is_none()
            && known_kind(surface).is_none();
        if person {
            mention.kind = PERSON;
        }
    }
}

/// Words that end companies' names besides the shared [`COMPANY_WORDS`],
/// [`ORGANISATION_HEADS`] and [`NOT_SURNAMES`] (`Boyd Gaming`, `Hilton Hotel`).
#[rustfmt::skip]
const MORE_COMPANY_WORDS: &[&str] = &[
    "cos", "investments", "investment", "gaming", "music", "graphics", "pharma", "enterprises",
    "ventures", "resources", "products", "brands", "networks", "act", "pipeline", "express",
    "hotel",
];

/// Whether `word` ends the name of a company or a body rather than a person's.
fn names_a_company(word: &str) -> bool {
    [COMPANY_WORDS, ORGANISATION_HEADS, MORE_COMPANY_WORDS]
        .iter()
        .any(|words| in_list(words, word))
}

/// Whether `word` (bare) could be a surname after a given name: written like
/// a name, and no head of an organisation's or a place's name, no company
/// word, no word that never names, no name the lexicon knows.
pub(super) fn surname_fits(word: &str) -> bool {
    name_shaped(word)
        && !names_a_place_or_company(word)
        && !in_list(NEVER_NAMES, word)
        && known_kind(word).is_none()
}

/// Whether `word` ends names of places and companies (a head of `org_chunks`
/// or one of [`NOT_SURNAMES`]).
fn names_a_place_or_company(word: &str) -> bool {
    is_name_head(word) || in_list(NOT_SURNAMES, word)
}

/// Whether `word` is written like a name: a capital, then lowercase letters,
/// hyphens or apostrophes (`Feng`, `O’Neil`, `Smith-Jones`).
fn name_shaped(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase)
        && word.chars().nth(1).is_some_and(char::is_lowercase)
        && chars.all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’'))
}

/// Splits a person's mention run together with a team or a company and a
/// role written in capitals (`Browns DL Sheldon Richardson`, `Acme CTO Jane
/// Doe`): the words before the role are the organisation, the given name of
/// the list after it opens the person's name.
pub(super) fn split_role_abbreviations(text: &str, mentions: &mut Vec<Mention>) {
    let mut organisations = Vec::new();
    for mention in mentions.iter_mut().filter(|mention| mention.kind == PERSON) {
        let Some(surface) = text.get(mention.start..mention.end) else {
            continue;
        };
        // A role, a given name and a surname after a name: four words at least.
        if surface.matches(' ').count() < 3 {
            continue;
        }
        let words = words_with_offsets(surface);
        let role_at = (1..words.len().saturating_sub(2)).find(|&at| {
            let role = words[at].1;
            let abbreviation =
                (2..=4).contains(&role.len()) && role.bytes().all(|byte| byte.is_ascii_uppercase());
            abbreviation && name_shaped(words[at + 1].1) && is_given_name(words[at + 1].1)
        });
        let Some(at) = role_at else {
            continue;
        };
        let prefix_end = mention.start + words[at - 1].0 + words[at - 1].1.len();
        organisations.push(Mention::new(mention.start, prefix_end, ORGANIZATION));
        mention.start += words[at + 1].0;
    }
    if organisations.is_empty() {
        return;
    }
    mentions.extend(organisations);
    mentions.sort_by_key(|mention| (mention.start, mention.end));
}

/// Lowercase particles inside a person's name (`Richard von Weizsäcker`),
/// before the rest of the surname.
const NAME_PARTICLES: &[&str] = &[
    "von", "van", "de", "da", "di", "del", "della", "dos", "das", "du", "bin", "ibn", "zu",
];

/// Particles that follow another (`Edwin van der Sar`, `de la Cruz`); alone
/// they are articles (German `der`, French `la`).
const SECOND_PARTICLES: &[&str] = &["der", "den", "la", "las", "los", "le"];

/// Arabic particles written before the surname with a hyphen (`al-Assad`).
const HYPHENED_PARTICLES: &[&str] = &["al", "el"];

/// Gives the person kind to an organisation or a place (names with their
/// kinds, as `canonical` votes them) of two to four words with a name
/// particle, or of a given name and one more word, that ends in the surname
/// of a person of the article (`Bashar al-Assad`, tagged an organisation after
/// a dateline, beside the person `Assad`; `Liz Truss` beside `Truss`).
pub(super) fn settle_particle_persons(names: &mut [(usize, String, usize)]) {
    let surnames: Vec<String> = names
        .iter()
        .filter(|(_, _, kind)| *kind == PERSON)
        .filter_map(|(_, name, _)| name.rsplit([' ', '-']).next())
        .map(str::to_lowercase)
        .collect();
    for (_, name, kind) in names.iter_mut() {
        if *kind != ORGANIZATION && *kind != PLACE {
            continue;
        }
        // Most names end in no person's surname: that is read first.
        let surname = name.rsplit([' ', '-']).next().unwrap_or("").to_lowercase();
        if !surnames.contains(&surname) {
            continue;
        }
        let words: Vec<&str> = name.split(' ').collect();
        let has_particle = words.iter().skip(1).any(|word| {
            let particle = word.split_once('-').map_or(*word, |(before, _)| before);
            [NAME_PARTICLES, SECOND_PARTICLES, HYPHENED_PARTICLES]
                .iter()
                .any(|list| list.contains(&particle))
        });
        // `Banque Francaise de Credit Cooperatif`: a body's head word says organisation.
        let has_head = words.iter().any(|word| is_name_head(word));
        let person_sized = (2..=4).contains(&words.len());
        // `Liz Truss` (tagged an organisation) beside the person `Truss`: a
        // given name of the list before the surname.
        let given_named = words.len() == 2
            && name_shaped(words[0])
            && is_given_name(words[0])
            && surname_fits(words[1])
            && known_kind(name).is_none();
        if person_sized && !has_head && (has_particle || given_named) {
            *kind = PERSON;
        }
    }
}

/// Words that end names of companies and places and could pass for a surname
/// (`Warner Bros`, `Tyson Foods`, `Beverly Hills`), besides the heads of
/// `org_chunks`.
#[rustfmt::skip]
const NOT_SURNAMES: &[&str] = &[
    "bros", "brothers", "sons", "foods", "group", "holdings", "airlines", "airways", "motors",
    "systems", "technologies", "partners", "capital", "media", "entertainment", "pictures",
    "records", "labs", "studios", "industries", "communications", "energy", "bank", "insurance",
    "financial", "securities", "associates", "company", "hotels", "resorts", "stores", "hills",
    "heights", "park", "beach", "springs", "falls", "bay", "island", "islands", "county", "city",
    "village", "harbor", "harbour", "point", "creek", "station", "airport", "square", "bridge",
    "trust", "house", "plaza", "mall", "tower", "towers", "hall", "arena", "stadium",
    "theatre", "theater", "division", "vista", "school", "hospital", "museum", "library",
];

/// Extends each person's mention over lowercase particles and the
/// capitalised word after them (`Fritz Eckart` + ` von Weizsäcker`),
/// absorbing a person's mention of that word.
pub(super) fn join_name_particles(text: &str, mentions: &mut Vec<Mention>) {
    let mut absorbed = Vec::new();
    for index in 0..mentions.len() {
        let mention = &mentions[index];
        if mention.kind != PERSON {
            continue;
        }
        let Some(end) = particle_surname_end(text, mention.end) else {
            continue;
        };
        let next = mentions.get(index + 1);
        let overlaps = next.is_some_and(|next| next.start < end);
        let same_person = next.is_some_and(|next| next.kind == PERSON && next.end == end);
        if overlaps && !same_person {
            continue;
        }
        if same_person {
            absorbed.push(index + 1);
        }
        mentions[index].end = end;
    }
    remove_indices(mentions, &absorbed);
}

/// Where the surname ends that follows `at` over one or two particles
/// (` von Weizsäcker`, ` van der Sar`), if it does.
fn particle_surname_end(text: &str, at: usize) -> Option<usize> {
    let mut rest = text.get(at..)?;
    let mut offset = at;
    for taken in 0..3 {
        let after_space = rest.strip_prefix(' ')?;
        let word_length = after_space
            .find(|c: char| !(c.is_alphabetic() || c == '-' || c == '\'' || c == '’'))
            .unwrap_or(after_space.len());
        let word = &after_space[..word_length];
        offset += 1 + word_length;
        let particle = match taken {
            0 => NAME_PARTICLES.contains(&word),
            1 => SECOND_PARTICLES.contains(&word),
            _ => false,
        };
        if particle {
            rest = &after_space[word_length..];
            continue;
        }
        return (taken > 0 && name_shaped(word)).then_some(offset);
    }
    None
}

/// Removes the mentions at the sorted `indices`.
pub(super) fn remove_indices(mentions: &mut Vec<Mention>, indices: &[usize]) {
    if indices.is_empty() {
        return;
    }
    let mut index = 0;
    mentions.retain(|_| {
        let keep = indices.binary_search(&index).is_err();
        index += 1;
        keep
    });
}

/// The start of the given name that ends one space before `at`, if the word
/// there is one: letters and hyphens, written like a name.
fn given_name_before(text: &str, at: usize) -> Option<usize> {
    let before = text.get(..at)?.strip_suffix(' ')?;
    let start = before
        .rfind(|c: char| !(c.is_alphabetic() || c == '-'))
        .map_or(0, |space| {
            space + before[space..].chars().next().map_or(1, char::len_utf8)
        });
    let word = &before[start..];
    let separated = start == 0
        || before[..start]
            .ends_with(|c: char| c.is_whitespace() || matches!(c, '(' | '“' | '"' | '‘'));
    (name_shaped(word) && separated && is_given_name(word)).then_some(start)
}

#[cfg(test)]
#[path = "given_names_tests.rs"]
mod tests;
