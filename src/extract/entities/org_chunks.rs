//! Organisation and place names found by their head word, whatever the tagger
//! made of them: a run of capitalised words ending in an organisation's head
//! (`Diplomatic Academy`, `Columbus Police Department Intelligence Led
//! Policing Unit`, `Nezavisimaya Gazeta`) or a place's (`Seventh Street`,
//! `Korean Peninsula`), going on over `of`/`for`/`on` and the capitalised
//! words after it (`Chinese Center for Disease Control and Prevention`,
//! `Office of the President of Ukraine`, `Sea of Azov`). The tagger, trained
//! on 1996 Reuters, cuts such names into a nationality, a place and a
//! fragment, or misses them.
//!
//! The run stops at a person's name, a possessive (`NASA’s Office of …`),
//! punctuation and a line end; a sentence's first word joins only when the
//! tagger took it into a name. A run the tagger holds inside a longer name is
//! left alone, except a person's name right after it (`European Council Charles
//! Michel`), which is split off. Headlines are left to the tagger.

use std::sync::OnceLock;

use rustc_hash::FxHashSet;

use super::lexicon::{is_known_country, lowercase_hash};
use super::lines::{headline, words_of, Word};
use super::long_names::continue_over_connectors;
use super::spans::in_list;
use super::tagger::Mention;
use crate::extract::words::{strip_possessive, COMPANY_WORDS, NEVER_NAMES, PERSON_TITLES};

/// Kind indices of the model (see [`Mention::kind`]).
const PERSON: usize = 0;
const ORGANIZATION: usize = 1;
const PLACE: usize = 2;
const OTHER: usize = 3;

/// Names of one kind found by their heads.
struct Heads {
    /// Lowercase hashes of the head words, for the test every capitalised word takes.
    hashes: FxHashSet<u64>,
    kind: usize,
    /// A company's last word (`Inc`, `Research`) ends its name: the name does
    /// not go on over `of`, and a capitalised word after it (`Research Base`)
    /// says the head is no head.
    closes: bool,
}

impl Heads {
    fn new(lists: &[&'static [&'static str]], kind: usize) -> Heads {
        let hashes = lists
            .iter()
            .flat_map(|words| words.iter())
            .map(|word| lowercase_hash(word))
            .collect();
        Heads {
            hashes,
            kind,
            closes: false,
        }
    }

    /// Whether `word` (already bare) is one of the heads, in any case.
    fn holds(&self, word: &str) -> bool {
        self.hashes.contains(&lowercase_hash(word))
    }
}

/// Last words of an organisation's name (`Council`, `Unit`), beside the
/// heads of `long_names`; none of them ends a place's or a person's name.
#[rustfmt::skip]
const ORGANISATION_HEADS: &[&str] = &[
    "office", "committee", "commission", "council", "department", "ministry", "bureau",
    "agency", "institute", "center", "centre", "directorate", "administration", "board",
    "court", "academy", "association", "foundation", "federation", "union",
    "league", "society", "service", "panel", "unit", "cabinet", "facility", "police", "army",
    "corps", "party", "authority", "university", "college", "fund", "network", "brigade",
    "regiment", "battalion", "parliament", "assembly", "tribunal", "alliance", "coalition",
    "organization", "organisation", "programme", "embassy", "consulate", "secretariat",
    "forces", "force", "chiefs", "guard", "command",
];

/// Last words of newspapers' and news sites' names (`Nezavisimaya Gazeta`,
/// `Washington Post`), organisations too but never a place.
#[rustfmt::skip]
const NEWSPAPER_HEADS: &[&str] = &[
    "gazeta", "gazette", "zeitung", "times", "post", "herald", "tribune", "journal", "shimbun",
    "ilbo", "news", "reporter", "register",
];

/// Words that make a capitalised word a place's head: streets (`Seventh
/// Street`, `6th Avenue`) and features of the land and sea (`Sea of Azov`,
/// `Korean Peninsula`), which the tagger, knowing neither, calls organisations
/// or misses.
#[rustfmt::skip]
const PLACE_HEADS: &[&str] = &[
    "street", "avenue", "boulevard", "highway", "sea", "ocean", "river", "lake", "mountains",
    "peninsula", "strait", "gulf", "canal", "valley", "desert",
];

/// Most words a name has before its head (`Columbus Police Department
/// Intelligence Led Policing Unit` has six).
const MAX_WORDS_BEFORE_HEAD: usize = 12;

/// Words that open a sentence or stand before a name without being part of it.
#[rustfmt::skip]
const NOT_IN_NAMES: &[&str] = &[
    "the", "a", "an", "this", "that", "these", "those", "every", "each", "some", "any", "several",
    "many", "most", "all", "both", "no", "from", "into", "than", "then", "new", "former", "mr",
    "mrs", "ms", "dr", "president", "sen", "senator", "rep", "gov", "governor", "mayor",
];

/// Whether `word` can stand inside a name: capitalised (`Marine`), an acronym
/// or abbreviation (`U.S.`, `NATO`) or an ordinal (`155th`).
pub(super) fn name_word(word: &str) -> bool {
    let capitalised = word.starts_with(char::is_uppercase);
    let ordinal = word.starts_with(|c: char| c.is_ascii_digit())
        && ["st", "nd", "rd", "th"]
            .iter()
            .any(|end| word.ends_with(end));
    (capitalised || ordinal) && !in_list(NEVER_NAMES, word) && !in_list(NOT_IN_NAMES, word)
}

/// Whether `line` holds a capitalised head of any of `heads` (punctuation and
/// a possessive aside): a cheap test before a line's words are looked at.
fn holds_capitalised(line: &str, heads: &[&Heads]) -> bool {
    line.split_whitespace()
        .filter(|word| word.starts_with(char::is_uppercase))
        .map(|word| strip_possessive(word.trim_end_matches(|c: char| !c.is_alphanumeric())))
        .filter(|bare| (3..=14).contains(&bare.len()))
        .any(|bare| {
            let hash = lowercase_hash(bare);
            heads.iter().any(|set| set.hashes.contains(&hash))
        })
}

/// Whether `word` (bare, any case) ends names of organisations or places
/// (`Council`, `Times`, `Street`), so a name that holds it is no person's.
pub(super) fn is_name_head(word: &str) -> bool {
    [ORGANISATION_HEADS, NEWSPAPER_HEADS, PLACE_HEADS]
        .iter()
        .any(|heads| in_list(heads, word))
}

/// Whether `word` ends newspapers' names (`Times`, `Post`): alone, it stands
/// for the paper (`by Times staff writer James Bates`), never for a person.
pub(super) fn is_newspaper_head(word: &str) -> bool {
    in_list(NEWSPAPER_HEADS, word)
}

/// The byte spans of the names that `heads` find among the `words` of one
/// line, merged where they overlap.
fn chunks_of_line(
    heads: &Heads,
    text: &str,
    words: &[Word],
    mentions: &[Mention],
    person_starts: &[usize],
) -> Vec<(usize, usize)> {
    let covering = |word: &Word| {
        overlapping(mentions, (word.start, word.start + 1)).map(|index| &mentions[index])
    };
    let in_person = |word: &Word| covering(word).any(|m| m.kind == PERSON);
    let in_mention = |word: &Word| covering(word).next().is_some();
    // A nationality: an `other` mention of this one word.
    let in_other = |word: &Word| {
        covering(word).any(|m| {
            m.kind == OTHER && m.start == word.start && word.start + word.bare.len() == m.end
        })
    };
    let mut chunks: Vec<(usize, usize)> = Vec::new();
    for (head, word) in words.iter().enumerate() {
        if !word.bare.starts_with(char::is_uppercase) || !heads.holds(word.bare) {
            continue;
        }
        if heads.closes {
            if let Some(chunk) = companies::company_chunk(words, head, mentions) {
                chunks.push(chunk);
            }
            continue;
        }
        let mut first = head;
        // A run of capitals longer than any name (`Council Council …`) stops
        // the walk back, which would otherwise cost the square of the line.
        let earliest = head.saturating_sub(MAX_WORDS_BEFORE_HEAD);
        while first > earliest {
            let before = &words[first - 1];
            // `U.S. Attorney’s Office`, `the President’s Office`: an office's possessive joins.
            let office = before.possessive && in_list(PERSON_TITLES, before.bare);
            // `FOB U.S. Gulf`: an acronym before a name is seldom part of it.
            let acronym =
                !before.bare.contains(['.', '’']) && !before.bare.contains(char::is_lowercase);
            let joins = office
                || (!before.punctuated()
                    && !before.possessive
                    && !acronym
                    && name_word(before.bare)
                    && !in_person(before));
            if !joins || (before.sentence_start && !in_mention(before)) {
                break;
            }
            first -= 1;
            if before.sentence_start {
                break;
            }
        }
        let head_end = word.start + word.bare.len();
        let end = match word.punctuated() {
            true => head_end,
            false => continue_over_connectors(text, head_end, person_starts),
        };
        // `Chinese Center for Disease Control`, but `German Foreign Ministry`,
        // `Bulgarian Black Sea`: a nationality or a country opens only a name
        // that goes on after its head.
        let nationality = in_other(&words[first]) || is_known_country(words[first].bare);
        if first < head && end == head_end && nationality {
            first += 1;
        }
        if first == head && end == head_end {
            continue;
        }
        let start = words[first].start;
        match chunks.last_mut() {
            Some(last) if last.1 >= start => last.1 = last.1.max(end),
            _ => chunks.push((start, end)),
        }
    }
    chunks
}

/// What the mentions around the name `start..end` allow.
enum Fit {
    /// A longer name of the tagger holds it: leave it.
    Inside,
    /// The name replaces the mentions it covers; a person's name of
    /// `words` right after it (the mention's remainder) is split off.
    Take { person: Option<(usize, usize)> },
}

/// See [`Fit`]. `around` holds the mentions that overlap `start..end`, and
/// `next` is the name found after this one, if any.
fn fit(
    heads: &Heads,
    text: &str,
    around: &[&Mention],
    (start, end): (usize, usize),
    next: Option<&(usize, usize)>,
) -> Fit {
    let mut person = None;
    for mention in around {
        if mention.start < start {
            return Fit::Inside;
        }
        if mention.end <= end {
            continue;
        }
        // `Seventh Street and Central Avenue`: two names, both found.
        let rest = text.get(end..mention.end).unwrap_or("");
        let joined = rest
            .strip_prefix(" and ")
            .is_some_and(|other| next == Some(&(mention.end - other.len(), mention.end)));
        if joined {
            continue;
        }
        // `European Council Charles Michel`: the rest must be a person's name.
        let Some(name) = rest.strip_prefix(' ') else {
            return Fit::Inside;
        };
        let words: Vec<&str> = name.split(' ').collect();
        // Only where the tagger saw a person or an office names its holder
        // (`President of the European Council Charles Michel`), not in `Chicago
        // Board Options Exchange` or `Independent Commission Against Corruption`.
        let holder_named = mention.kind == PERSON || office_of_before(text, start);
        let person_like = heads.kind == ORGANIZATION
            && holder_named
            && (2..=3).contains(&words.len())
            && words.iter().all(|word| {
                word.starts_with(char::is_uppercase)
                    && word.chars().all(|c| c.is_alphabetic() || c == '-')
                    && word.contains(char::is_lowercase)
                    && !in_list(ORGANISATION_HEADS, word)
                    && !in_list(NEWSPAPER_HEADS, word)
            });
        if !person_like {
            return Fit::Inside;
        }
        person = Some((end + 1, mention.end));
    }
    Fit::Take { person }
}

/// Finds the organisation and place names of `text` by their heads and puts
/// them in place of the mentions they cover (see the module documentation).
pub(super) fn take_names_by_heads(text: &str, mentions: &mut Vec<Mention>) {
    static HEADS: OnceLock<[Heads; 3]> = OnceLock::new();
    let [organisations, places, companies] = HEADS.get_or_init(|| {
        [
            Heads::new(&[ORGANISATION_HEADS, NEWSPAPER_HEADS], ORGANIZATION),
            Heads::new(&[PLACE_HEADS], PLACE),
            Heads {
                closes: true,
                ..Heads::new(&[COMPANY_WORDS], ORGANIZATION)
            },
        ]
    });
    // The words of the lines that hold a head, read once for both kinds.
    let mut lines = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        if holds_capitalised(line, &[organisations, places, companies]) && !headline(line) {
            lines.push(words_of(line, offset));
        }
        offset += line.len();
    }
    if lines.is_empty() {
        return;
    }
    take_names(organisations, text, &lines, mentions);
    take_names(places, text, &lines, mentions);
    take_names(companies, text, &lines, mentions);
}

/// Whether an office and `of` stand right before `start` (`President of the`,
/// `Head of`), so that a name after the organisation is its holder's.
fn office_of_before(text: &str, start: usize) -> bool {
    let before = text.get(..start).unwrap_or("");
    let Some(office) = before
        .strip_suffix(" of the ")
        .or_else(|| before.strip_suffix(" of "))
        .and_then(|rest| rest.rsplit(' ').next())
    else {
        return false;
    };
    office.starts_with(char::is_uppercase)
        && (in_list(PERSON_TITLES, office) || office.eq_ignore_ascii_case("head"))
}

/// The kind of a name found by `heads`, `tagged` the kind of a mention of the
/// tagger with exactly its span. A place's head settles a place (`Sea of
/// Azov`, tagged an organisation). An organisation's head leaves the tagger's
/// place or event (`Soviet Union`, `National League`), but a newspaper's, unless an
/// `of`/`for`/`on` makes it an institution's long name (`National League for
/// Democracy`); a person is never right (`Advisory Panel`).
fn kind_of(heads: &Heads, tagged: Option<usize>, surface: &str) -> usize {
    let long_name = [" of ", " for ", " on "]
        .iter()
        .any(|connector| surface.contains(connector));
    let newspaper = surface
        .split(' ')
        .any(|word| in_list(NEWSPAPER_HEADS, word));
    match tagged {
        Some(OTHER) if !long_name => OTHER,
        Some(PLACE) if heads.kind == ORGANIZATION && !newspaper && !long_name => PLACE,
        _ => heads.kind,
    }
}

/// [`take_names_by_heads`] for one kind of heads.
fn take_names(heads: &Heads, text: &str, lines: &[Vec<Word>], mentions: &mut Vec<Mention>) {
    mentions.sort_by_key(|mention| (mention.start, mention.end));
    let person_starts: Vec<usize> = mentions
        .iter()
        .filter(|mention| mention.kind == PERSON)
        .map(|mention| mention.start)
        .collect();
    let chunks: Vec<(usize, usize)> = lines
        .iter()
        .flat_map(|words| chunks_of_line(heads, text, words, mentions, &person_starts))
        .collect();
    // The names are disjoint and in order: each replaces the mentions it covers,
    // marked here and dropped at the end, so no name scans the whole list.
    let mut replaced = vec![false; mentions.len()];
    let mut added = Vec::new();
    for (index, &(start, end)) in chunks.iter().enumerate() {
        let around_indices: Vec<usize> = overlapping(mentions, (start, end))
            .filter(|at| !replaced[*at])
            .collect();
        let around: Vec<&Mention> = around_indices.iter().map(|at| &mentions[*at]).collect();
        let next = chunks.get(index + 1);
        let Fit::Take { person } = fit(heads, text, &around, (start, end), next) else {
            continue;
        };
        let same = around
            .iter()
            .find(|mention| mention.start == start && mention.end == end);
        let kind = kind_of(heads, same.map(|mention| mention.kind), &text[start..end]);
        let mut name = around
            .first()
            .map_or_else(|| Mention::new(start, end, kind), |m| (*m).clone());
        (name.start, name.end, name.kind, name.common_word) = (start, end, kind, false);
        around_indices.iter().for_each(|at| replaced[*at] = true);
        added.push(name.clone());
        if let Some((person_start, person_end)) = person {
            (name.start, name.end, name.kind) = (person_start, person_end, PERSON);
            added.push(name);
        }
    }
    let mut index = 0;
    mentions.retain(|_| {
        index += 1;
        !replaced[index - 1]
    });
    mentions.extend(added);
    mentions.sort_by_key(|mention| (mention.start, mention.end));
}

/// Longest mention, in bytes, that [`overlapping`] looks back for.
const LONGEST_MENTION: usize = 1024;

/// Indices of the mentions (sorted by start) that overlap `start..end`, found
/// by binary search: this runs for every word and name of long articles.
fn overlapping(
    mentions: &[Mention],
    (start, end): (usize, usize),
) -> impl Iterator<Item = usize> + '_ {
    let last = mentions.partition_point(|mention| mention.start < end);
    let first = mentions.partition_point(|mention| mention.start + LONGEST_MENTION <= start);
    (first..last.max(first)).filter(move |at| mentions[*at].end > start)
}

#[path = "org_chunks_companies.rs"]
mod companies;

#[cfg(test)]
#[path = "org_chunks_tests.rs"]
mod tests;
