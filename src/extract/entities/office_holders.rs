//! Office holders the tagger runs into the office or the place they hold,
//! split apart before the names are voted on:
//! - `President of Ukraine Volodymyr Zelenskyy`, `Minister of Greece Nikos
//!   Dendias`: after `of`, a listed place and a holder's name are two names;
//! - `General Director Ljubomir Acimovic` as one organisation: after its last
//!   title, the holder's two or three words are a person;
//! - `President of Russia Vladimir Putin` with `Vladimir` left out: the word
//!   between the place and the surname is the given name;
//! - `Minister of Industry and Trade Denis Manturov` tagged `Trade Denis
//!   Manturov`: the person is the last two words.

use super::repair::{bare_word, listed, ORGANISATION_HEADS};
use super::spans::{in_list, is_title, words_with_offsets};
use super::tagger::Mention;
use crate::extract::words::NEVER_NAMES;

/// Kind indices of the model (see [`Mention::kind`]).
const PERSON: usize = 0;
const ORGANIZATION: usize = 1;
const PLACE: usize = 2;

/// `President of Ukraine Volodymyr Zelenskyy`, `Prime Minister of the United
/// Kingdom Boris Johnson`: after `of`, the tagger runs the country and the
/// holder's name together. A mention there that opens with a listed place and
/// goes on with two or three capitalised words (no organisation's head word)
/// is split into the place and the person. Inside a longer name (`Cabinet of
/// the Prime Minister of the Hellenic Republic Eleni Sourani`) the words up to
/// the place keep their kind, or are the place alone if they open with a title.
pub(super) fn split_place_from_name(text: &str, mentions: &mut Vec<Mention>) {
    let mut index = 0;
    while index < mentions.len() {
        if let Some(split) = place_before_name(text, &mentions[index]) {
            let mut person = mentions[index].clone();
            person.start = split.person_start;
            person.kind = PERSON;
            let left = &mut mentions[index];
            left.end = split.place_end;
            if let Some(place_start) = split.place_start {
                left.start = place_start;
                left.kind = PLACE;
            }
            mentions.insert(index + 1, person);
            index += 1;
        }
        index += 1;
    }
}

/// Countries that are also given names (`Georgia May`, `Jordan Henderson`,
/// `Chad Smith`, `India Knight`, `Israel Adesanya`, `Kenya Barris`).
const COUNTRIES_AS_GIVEN_NAMES: &[&str] = &[
    "georgia", "jordan", "chad", "india", "israel", "kenya", "america", "ireland",
];

/// `Won't Trigger War With Russia Kallas said`, `in Ukraine Volodymyr
/// Zelenskyy said`: a person tagged over a country's name and one to three
/// capitalised words after it is the country and the person. No person's
/// name opens with a country's, but for the few that are given names too.
pub(super) fn split_country_from_person(text: &str, mentions: &mut Vec<Mention>) {
    let mut index = 0;
    while index < mentions.len() {
        let mention = &mentions[index];
        let surface = text.get(mention.start..mention.end).unwrap_or("");
        let split = surface.split_once(' ').filter(|(country, rest)| {
            let rest_words = rest.split(' ').count();
            let surname = rest.rsplit(' ').next().map(bare_word).unwrap_or("");
            mention.kind == PERSON
                && (1..=3).contains(&rest_words)
                && rest
                    .split(' ')
                    .all(|word| word.starts_with(char::is_uppercase))
                && super::lexicon::is_known_country(country)
                && !in_list(COUNTRIES_AS_GIVEN_NAMES, country)
                && super::given_names::surname_fits(surname)
                && super::lexicon::known_kind(surface).is_none()
                && (rest_words > 1 || speaks_or_recurs(text, mention.end, surname))
        });
        if let Some((country, _)) = split {
            let mut person = mention.clone();
            person.start = mention.start + country.len() + 1;
            let place = &mut mentions[index];
            place.end = place.start + country.len();
            place.kind = PLACE;
            mentions.insert(index + 1, person);
            index += 1;
        }
        index += 1;
    }
}

/// Whether the lone word `surname` ending a mention at `end` reads as a
/// person's: a speech verb follows it (`Russia Kallas said`), or the text
/// names it again on its own (`France Macron` … `Macron`); not a common
/// noun run into a country (`Niger Delta`, `Japan Data`, `Brunei Darussalam`).
fn speaks_or_recurs(text: &str, end: usize, surname: &str) -> bool {
    let next_word = text
        .get(end..)
        .and_then(|after| after.split_whitespace().next());
    let speaks = next_word.is_some_and(|word| in_list(SPEECH_VERBS, bare_word(word)));
    let recurs = text.match_indices(surname).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + surname.len()..].chars().next();
        let whole_word =
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric);
        let after_space = text[..at].ends_with(' ');
        let after_country = after_space
            && text[..at - 1]
                .rsplit(char::is_whitespace)
                .next()
                .is_some_and(super::lexicon::is_known_country);
        whole_word && !after_country
    });
    speaks || recurs
}

/// Verbs of saying that show the name before them is someone's.
const SPEECH_VERBS: &[&str] = &[
    "said", "says", "told", "added", "noted", "stressed", "wrote",
];

/// Last words of a body's name that no person bears, beside the organisations'
/// head words (`University of New Hampshire Survey Center`).
#[rustfmt::skip]
const INSTITUTION_HEADS: &[&str] = &[
    "center", "centre", "trust", "review", "command", "force", "fund", "bank", "museum",
    "hospital", "school", "program", "programme", "project", "initiative", "station",
    "cooperation", "development", "affairs", "relations",
];

/// The forms of a state before `of` in its official name (`Republic of Cyprus`).
#[rustfmt::skip]
const STATE_FORMS: &[&str] = &[
    "republic", "kingdom", "state", "commonwealth", "federation", "principality", "sultanate",
    "emirate", "confederation", "duchy",
];

/// Whether `name` is a place the lexicon knows, or the official name of one
/// (`Republic of the Philippines`, `Kingdom of Spain`).
fn is_place_name(name: &str) -> bool {
    if super::lexicon::is_known_place(name) {
        return true;
    }
    let Some((form, place)) = name.split_once(" of ") else {
        return false;
    };
    let state_form = form
        .rsplit(' ')
        .next()
        .is_some_and(|word| in_list(STATE_FORMS, word));
    let place = place.strip_prefix("the ").unwrap_or(place);
    state_form && super::lexicon::is_known_place(place)
}

/// Words of an office's name that end it right before its holder's name
/// (`Minister of Foreign Affairs Ali Alatas`, `Chief of General Staff Valery
/// Gerasimov`, `Chief Executive Michael Jenkins`), never a given name.
#[rustfmt::skip]
const OFFICE_WORDS: &[&str] = &[
    "affairs", "staff", "executive", "ministers", "congress", "manager", "chair", "chairperson",
    "monsignor", "officer", "security", "interior", "finance", "economy", "health", "trade",
    "education", "envoy", "aide", "spokesperson", "coordinator", "inspector", "physician",
    "designate", "elect", "emeritus", "development", "defence", "defense", "justice", "energy",
    "parliament", "council", "committee", "house", "senate", "assembly", "ministry", "office",
    "affair", "relations", "policy", "operations", "intelligence", "administration",
    "administrator", "state", "national", "federal",
];

/// Where [`split_place_from_name`] cuts a mention.
struct PlaceSplit {
    /// Where the mention's left part starts if it is to be the place alone.
    place_start: Option<usize>,
    place_end: usize,
    person_start: usize,
}

/// Where the place of [`split_place_from_name`] ends and the name starts.
fn place_before_name(text: &str, mention: &Mention) -> Option<PlaceSplit> {
    let before = text.get(..mention.start)?;
    let mut previous = before.split_whitespace().rev();
    let after_of = match previous.next()? {
        "of" => true,
        "the" => previous.next() == Some("of"),
        _ => false,
    };
    let surface = text.get(mention.start..mention.end)?;
    let words: Vec<(usize, &str)> = surface
        .split_ascii_whitespace()
        .map(|word| (word.as_ptr() as usize - surface.as_ptr() as usize, word))
        .collect();
    if words.len() < 3 || mention.kind == PERSON {
        return None;
    }
    let name_like = |rest: &[(usize, &str)]| {
        (2..=3).contains(&rest.len())
            && rest.iter().all(|(_, word)| {
                let bare = bare_word(word);
                word.starts_with(char::is_uppercase)
                    && !listed(ORGANISATION_HEADS, bare)
                    && !listed(INSTITUTION_HEADS, bare)
            })
    };
    let opens_with_title = is_title(words[0].1);
    // Inside a longer name the holder follows an office (`Minister of the
    // Hellenic Republic`, `Commander-in-Chief of the Armed Forces of
    // Ukraine`), not a body's own name (`Bank of America National Trust`).
    let office_word = |word: &str| word.split('-').any(is_title);
    let office_before = text
        .get(..mention.start)?
        .split_whitespace()
        .rev()
        .take(6)
        .take_while(|word| !word.ends_with([',', ';', '.', ':']))
        .any(office_word);
    (1..words.len()).rev().find_map(|split| {
        let (head, rest) = words.split_at(split);
        if !name_like(rest) {
            return None;
        }
        let (last_start, last_word) = head.last()?;
        let place_end = last_start + last_word.len();
        if after_of && is_place_name(&surface[..place_end]) {
            return Some(PlaceSplit {
                place_start: Some(mention.start),
                place_end: mention.start + place_end,
                person_start: mention.start + rest[0].0,
            });
        }
        // The place after the last `of` (or `of the`) of a longer name.
        let of = head.iter().rposition(|(_, word)| *word == "of")?;
        if !office_before && !head[..of].iter().any(|(_, word)| office_word(word)) {
            return None;
        }
        let first = match head.get(of + 1) {
            Some((_, "the")) => head.get(of + 2),
            other => other,
        };
        let (place_start, _) = first?;
        let known = is_place_name(&surface[*place_start..place_end]);
        known.then(|| PlaceSplit {
            place_start: opens_with_title.then_some(mention.start + place_start),
            place_end: mention.start + place_end,
            person_start: mention.start + rest[0].0,
        })
    })
}

/// Last words of a company's name, which no person bears (`General Electric Co`).
const COMPANY_ENDINGS: &[&str] = &[
    "co", "co.", "inc", "inc.", "corp", "corp.", "ltd", "plc", "group",
];

/// Titles that also stand before another word of a name as a qualifier.
const QUALIFYING_TITLES: &[&str] = &[
    "foreign", "prime", "vice", "deputy", "defence", "defense", "chief", "general", "major",
];

/// `General Director Ljubomir Acimovic`, `Federal Air Traffic Control
/// Administration Director Branko Bilbija` tagged as one organisation: after
/// its last title, a non-person mention holds a person's two or three
/// capitalised words; the words before the title, if any, stay the organisation.
pub(super) fn split_holder_from_office(text: &str, mentions: &mut Vec<Mention>) {
    let mut index = 0;
    while index < mentions.len() {
        let mention = &mentions[index];
        let surface = text.get(mention.start..mention.end).unwrap_or("");
        if mention.kind == PERSON || surface.matches(' ').count() < 2 {
            index += 1;
            continue;
        }
        let words = words_with_offsets(surface);
        // `Foreign Policy CAN`, `General Motors Europe`: a title that also
        // qualifies the word after it opens no holder's name.
        // A holder has two or three words: only the last four can hold the title.
        let last_four = words.len().saturating_sub(4);
        let title = words[last_four..]
            .iter()
            .rposition(|(_, word)| is_title(word) && !in_list(QUALIFYING_TITLES, word))
            .map(|at| last_four + at);
        let holder = title.map(|at| &words[at + 1..]).unwrap_or(&[]);
        let name_like = (2..=3).contains(&holder.len())
            && holder.iter().all(|(_, word)| {
                word.starts_with(char::is_uppercase)
                    && word.contains(char::is_lowercase)
                    && !super::long_names::is_growing_head(word)
                    && !in_list(COMPANY_ENDINGS, word)
            });
        let (Some(at), true) = (title, name_like) else {
            index += 1;
            continue;
        };
        let mut person = mention.clone();
        person.start = mention.start + holder[0].0;
        person.kind = PERSON;
        // `General Director`: every title goes, not only the last.
        let office_end = words[..at]
            .iter()
            .rposition(|(_, word)| !is_title(word))
            .map_or(0, |last| last + 1);
        if office_end == 0 {
            mentions[index] = person;
        } else {
            let (last_start, last_word) = words[office_end - 1];
            mentions[index].end = mentions[index].start + last_start + last_word.len();
            mentions[index].kind = ORGANIZATION;
            mentions.insert(index + 1, person);
            index += 1;
        }
        index += 1;
    }
}

/// `President of Russia Vladimir Putin`, `President Recep Tayyip Erdogan`:
/// between a place or a title and a person of one or two words the tagger
/// leaves the given name out; one capitalised word there (no title, no
/// function word, no other mention) is the start of the person's name.
pub(super) fn join_given_name_after_place(text: &str, mentions: &mut [Mention]) {
    for index in 0..mentions.len() {
        let person = &mentions[index];
        let surface = text.get(person.start..person.end).unwrap_or("");
        if person.kind != PERSON || surface.matches(' ').count() > 1 {
            continue;
        }
        let Some(before) = text
            .get(..person.start)
            .and_then(|before| before.strip_suffix(' '))
        else {
            continue;
        };
        let word = before.rsplit(' ').next().unwrap_or("");
        let word_start = before.len() - word.len();
        let name_word = word.len() > 1
            && word.starts_with(char::is_uppercase)
            && word.chars().all(char::is_alphabetic)
            && word.contains(char::is_lowercase)
            && !is_title(word)
            && !in_list(NEVER_NAMES, word)
            && !in_list(OFFICE_WORDS, word)
            && !surface.split(' ').any(|part| part == word);
        let Some(opener) = before[..word_start].strip_suffix(' ') else {
            continue;
        };
        let previous = index.checked_sub(1).map(|at| &mentions[at]);
        let after_place =
            previous.is_some_and(|previous| previous.kind == PLACE && previous.end == opener.len());
        // `President of Turkey`: the place ends an office.
        let place_of_office = after_place
            && previous.is_some_and(|place| {
                let before_place = text.get(..place.start).unwrap_or("");
                before_place.ends_with(" of ") || before_place.ends_with(" of the ")
            });
        let untagged = previous.is_none_or(|previous| previous.end <= word_start);
        let after_title = untagged && is_title(opener.rsplit(' ').next().unwrap_or(""));
        // A one-word person after a place (`Russia Vladimir Putin`); after a
        // title or an office's place also a two-word one (`President Recep
        // Tayyip Erdogan`).
        let one_word = !surface.contains(' ');
        let placed = (after_place && one_word) || place_of_office || after_title;
        if !name_word || !placed {
            continue;
        }
        // In a headline every word is capitalised: only a listed given name counts.
        let in_headline = super::lines::in_headline(text, word_start, person.end)
            && !super::given_names::is_given_name(word);
        if !in_headline {
            mentions[index].start = word_start;
        }
    }
}

/// `Minister of Industry and Trade Denis Manturov` tagged `Trade Denis
/// Manturov`: a person of three words or more right after `of`/`and`, in an
/// office opened by a title a few words before, is its last two words.
pub(super) fn trim_offices_before_persons(text: &str, mentions: &mut [Mention]) {
    for index in 0..mentions.len() {
        // `Chancellor Olaf Scholz and Ursula von der Leyen`: a person before
        // the connector ends the office, if any, before this name.
        let after_person = index
            .checked_sub(1)
            .is_some_and(|previous| mentions[previous].kind == PERSON);
        let connector_after_previous = index.checked_sub(1).is_some_and(|previous| {
            let gap = text
                .get(mentions[previous].end..mentions[index].start)
                .unwrap_or("");
            gap.split_whitespace().count() == 1
        });
        if after_person && connector_after_previous {
            continue;
        }
        trim_office_before_person(text, &mut mentions[index]);
    }
}

fn trim_office_before_person(text: &str, mention: &mut Mention) {
    let (Some(surface), Some(before)) = (
        text.get(mention.start..mention.end),
        text.get(..mention.start),
    ) else {
        return;
    };
    if mention.kind != PERSON || surface.matches(' ').count() < 2 {
        return;
    }
    let words: Vec<&str> = surface.split(' ').collect();
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
