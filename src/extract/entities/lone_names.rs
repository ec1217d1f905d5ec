//! One-word names the tagger calls persons with nothing in the article to back
//! it (`Weibo`, `Gannett`, `Refinitiv`, `Kellogg’s`, `McAllen`): trained on
//! 1996 news, the tagger takes an unknown capitalised word for a surname. A
//! person named by one word alone is usually introduced some other way (a
//! title, `he`/`she`, a list of other people, a score beside the name), while
//! a company, site or town shows up where people seldom do (`the X`, `on X`,
//! `in X`, a list of organisations). So a one-word person that is never part of
//! a longer person's name, has no sign of a person and has such a sign of
//! something else takes the kind the sign says. With no sign either way the
//! tagger's word stands: a surname alone in a sports report stays a person.

use super::given_names::{full_name_words, is_given_name, surname_fits};
use super::lexicon::{is_known_place, known_kind, opens_known_name};
use super::org_chunks::is_newspaper_head;
use super::spans::in_list;
use super::tagger::Mention;
use crate::extract::words::{COMPANY_WORDS, PERSON_TITLES};

/// Kind indices of the model (see [`Mention::kind`]).
const PERSON: usize = 0;
const ORGANIZATION: usize = 1;
const PLACE: usize = 2;

/// Lowercase nouns for what people are or do, written right before a name
/// (`striker Kane`, `actor Leeson`), besides the shared [`PERSON_TITLES`].
#[rustfmt::skip]
const PERSON_ROLES: &[&str] = &[
    "actor", "actress", "analyst", "anchor", "attorney", "author", "brother", "daughter",
    "defender", "economist", "father", "forward", "goalkeeper", "guitarist", "host", "husband",
    "keeper", "lawyer", "manager", "midfielder", "mother", "player", "quarterback", "rapper",
    "reporter", "singer", "sister", "son", "star", "strategist", "striker", "wife", "writer",
];

/// Third-person pronouns that, soon after a name in the same sentence, say a
/// person is meant (`Leeson, who said he …`).
const PERSON_PRONOUNS: &[&str] = &["he", "she", "his", "her", "him", "himself", "herself"];

/// Words right before a name that places it (`in McAllen`, `near Logar`).
const PLACE_CUES_BEFORE: &[&str] = &["in", "near"];

/// Words before the first of a list that make it a list of places (`from
/// Mariupol, Volnovakha`).
const PLACE_LIST_OPENERS: &[&str] = &["in", "from", "near", "across", "around", "outside"];

/// Words right before a name that people are seldom named after (`on Weibo`,
/// `at Gannett`, `acquired Refinitiv`); `the` too, unless a noun follows.
const ORGANISATION_CUES_BEFORE: &[&str] =
    &["at", "on", "via", "joins", "joined", "acquired", "bought"];

/// Nouns for what a company, a site or any other body is, as the head of an
/// apposition (`Ascom, a global solutions provider`) or right before the name
/// (`broadcaster Kan`).
#[rustfmt::skip]
const ORGANISATION_NOUNS: &[&str] = &[
    "agency", "airline", "app", "bank", "brand", "broadcaster", "carrier", "chain", "charity",
    "club", "company", "conglomerate", "consultancy", "developer", "distributor", "exchange",
    "firm", "group", "insurer", "label", "lender", "magazine", "maker", "manufacturer",
    "network", "newspaper", "operator", "organisation", "organization", "outlet", "platform",
    "producer", "provider", "publisher", "retailer", "site", "startup", "start-up", "studio",
    "subsidiary", "supplier", "website",
];

/// Nouns for what a place is, as the head of an apposition (`Logar, a province`).
#[rustfmt::skip]
const PLACE_NOUNS: &[&str] = &[
    "town", "city", "village", "province", "region", "district", "county", "suburb",
    "neighbourhood", "neighborhood", "island", "port", "municipality",
];

/// Words that end the noun phrase of an apposition before its head is passed.
#[rustfmt::skip]
const PHRASE_ENDS: &[&str] = &[
    "of", "for", "in", "at", "on", "with", "from", "by", "to", "who", "which", "that", "and",
    "whose", "where", "based",
];

/// How far after a name a pronoun still counts, in bytes.
const PRONOUN_REACH: usize = 60;

/// What the article shows of one name's kind.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
struct Signs {
    person: bool,
    place: bool,
    organisation: bool,
}

/// Gives each one-word person mention without a sign of a person the kind
/// its other signs point to (see the module comment).
pub fn settle_lone_persons(text: &str, mentions: &mut [Mention]) {
    let mut lone: Vec<(&str, usize)> = mentions
        .iter()
        .enumerate()
        .filter_map(|(index, mention)| Some((lone_person(text, mention)?, index)))
        .collect();
    if lone.is_empty() {
        return;
    }
    let full_name_words = full_name_words(text, mentions);
    // `Zacks` after `Zacks Investment Research`: a company's name without its company words.
    let company_first_words: Vec<&str> = mentions
        .iter()
        .filter(|mention| mention.kind == ORGANIZATION)
        .filter_map(|mention| text.get(mention.start..mention.end))
        .filter(|surface| {
            let last = surface.rsplit(' ').next().unwrap_or("");
            surface.contains(' ') && in_list(COMPANY_WORDS, last.trim_end_matches('.'))
        })
        .filter_map(|surface| surface.split(' ').next())
        .filter(|first| !is_given_name(first))
        .collect();
    lone.sort_unstable();
    let mut settled: Vec<(usize, usize)> = Vec::new();
    for group in lone.chunk_by(|a, b| a.0 == b.0) {
        // `Putin` beside `Vladimir Putin`: the article named the person in full.
        if full_name_words.contains(&group[0].0) {
            continue;
        }
        // `by Times staff writer James Bates`: a newspaper's head alone.
        if is_newspaper_head(group[0].0) {
            settled.extend(group.iter().map(|(_, index)| (*index, ORGANIZATION)));
            continue;
        }
        let mut signs = Signs {
            organisation: company_first_words.contains(&group[0].0),
            ..Signs::default()
        };
        for (_, index) in group {
            add_signs(text, mentions, *index, &mut signs);
        }
        let kind = match signs {
            Signs { person: true, .. } => continue,
            Signs { place: true, .. } => PLACE,
            Signs {
                organisation: true, ..
            } => ORGANIZATION,
            _ => continue,
        };
        settled.extend(group.iter().map(|(_, index)| (*index, kind)));
    }
    for (index, kind) in settled {
        mentions[index].kind = kind;
    }
}

/// Nouns for what people do at an organisation, before `at` and its name
/// (`strategist at Miller Tabak`), besides [`PERSON_ROLES`].
#[rustfmt::skip]
const JOBS_AT: &[&str] = &[
    "director", "executive", "officer", "professor", "researcher", "scientist", "engineer",
    "fellow", "partner", "chairman", "president", "founder", "editor", "head", "chief", "trader",
];

/// Gives a place the organisation kind where the text describes it as one
/// (`Hipcricket, a mobile marketing company`, `strategist at Miller Tabak`),
/// and an organisation the place kind where an apposition calls it a town or
/// a province; the lexicon's places stay.
pub fn settle_described_names(text: &str, mentions: &mut [Mention]) {
    for mention in mentions.iter_mut() {
        if mention.kind != PLACE && mention.kind != ORGANIZATION {
            continue;
        }
        let Some(surface) = text.get(mention.start..mention.end) else {
            continue;
        };
        let after = text.get(mention.end..).unwrap_or("");
        // `near Turnhout, a group of boy scouts camping …` opens a new clause.
        let described = match apposition_head(after) {
            Some("group") => None,
            Some(head) if in_list(ORGANISATION_NOUNS, head) => Some(ORGANIZATION),
            Some(head) if in_list(PLACE_NOUNS, head) => Some(PLACE),
            _ => None,
        };
        // `Mafina BV of Voorburg, a subsidiary of …`: the apposition is the
        // company's before the town, not the town's.
        let before = &text[..mention.start];
        if mention.kind == PLACE && located_by_name_before(before) {
            continue;
        }
        let job_before = mention.kind == PLACE && job_at_before(before);
        let kind = described.or(job_before.then_some(ORGANIZATION));
        match kind {
            Some(ORGANIZATION) if !is_known_place(surface) => mention.kind = ORGANIZATION,
            Some(PLACE) => mention.kind = PLACE,
            _ => {}
        }
    }
}

/// Whether `before` ends with `in`, `from`, `near`, or `of` after a
/// capitalised name that is no title (`Mafina BV of `), so the name after it
/// is where something is.
fn located_by_name_before(before: &str) -> bool {
    let mut words = before.split_whitespace().rev();
    match words.next() {
        Some("in" | "from" | "near") => true,
        Some("of") => words.next().is_some_and(|word| {
            word.starts_with(char::is_uppercase)
                && !in_list(PERSON_TITLES, word.trim_end_matches('.'))
        }),
        _ => false,
    }
}

/// Whether `before` ends with a job and `at` (`equity strategist at `).
fn job_at_before(before: &str) -> bool {
    let Some(before_at) = before.strip_suffix(" at ") else {
        return false;
    };
    let job = before_at
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or(before_at);
    let bare = job.trim_end_matches(',');
    in_list(JOBS_AT, bare) || in_list(PERSON_ROLES, bare)
}

/// Gives an organisation or a place named like a person (a given name of the
/// list and one more word, or two name-like words after two persons) the person
/// kind when a list puts it among persons (`so are Elizabeth Warren, Pete
/// Buttigieg and Bernie Sanders`).
pub fn settle_listed_full_names(text: &str, mentions: &mut [Mention]) {
    for index in 0..mentions.len() {
        let mention = &mentions[index];
        if mention.kind != ORGANIZATION && mention.kind != PLACE {
            continue;
        }
        let Some(surface) = text.get(mention.start..mention.end) else {
            continue;
        };
        let Some((given, surname)) = surface.split_once(' ') else {
            continue;
        };
        if !surname_fits(surname) || known_kind(surface).is_some() {
            continue;
        }
        // Not the first word of a listed name (`New Brunswick`) nor a title
        // (`Foreign Affairs`).
        let listed_given = is_given_name(given);
        let name_like = listed_given
            || (surname_fits(given) && !opens_known_name(given) && !in_list(PERSON_TITLES, given));
        if !name_like {
            continue;
        }
        let neighbours = listed_neighbours(text, mentions, index);
        // `Walter Scott, Eric Garner and Tamir Rice`: two persons listed
        // beside it vouch for a given name the list does not hold.
        let two_persons_listed = || {
            neighbours == [Some(PERSON), Some(PERSON)]
                || (neighbours[0] == Some(PERSON)
                    && listed_neighbours(text, mentions, index - 1)[0] == Some(PERSON))
        };
        let vouched = if listed_given {
            neighbours.contains(&Some(PERSON))
        } else {
            two_persons_listed()
        };
        if vouched {
            mentions[index].kind = PERSON;
        }
    }
}

/// The word of a one-word person mention.
fn lone_person<'t>(text: &'t str, mention: &Mention) -> Option<&'t str> {
    let surface = text.get(mention.start..mention.end)?;
    let one_word = !surface.contains(char::is_whitespace);
    (mention.kind == PERSON && one_word && !mention.hashtag).then_some(surface)
}

/// Adds the signs around mention `index` to `signs`.
fn add_signs(text: &str, mentions: &[Mention], index: usize, signs: &mut Signs) {
    let mention = &mentions[index];
    let before = text.get(..mention.start).unwrap_or("");
    let after = text.get(mention.end..).unwrap_or("");
    let previous = before.split_whitespace().next_back().unwrap_or("");
    let previous_bare = previous.trim_end_matches('.');
    let rest = after
        .strip_prefix("'s")
        .or_else(|| after.strip_prefix("’s"))
        .unwrap_or(after);
    let possessive = rest.len() < after.len();
    let next_capitalised = rest
        .strip_prefix(' ')
        .is_some_and(|word| word.starts_with(char::is_uppercase));
    let ends_word = before.is_empty() || before.ends_with(char::is_whitespace);
    if in_list(PERSON_TITLES, previous_bare)
        || in_list(PERSON_ROLES, previous_bare)
        || pronoun_follows(after)
        || score_follows(after)
    {
        signs.person = true;
    }
    match apposition_head(after) {
        Some(head) if in_list(ORGANISATION_NOUNS, head) => signs.organisation = true,
        Some(head) if in_list(PLACE_NOUNS, head) => signs.place = true,
        _ => {}
    }
    let surface = text.get(mention.start..mention.end).unwrap_or("");
    signs.organisation |= written_like_a_brand(surface) || ticker_follows(after);
    let lowercase_before = previous_bare.starts_with(char::is_lowercase);
    signs.organisation |= lowercase_before && in_list(ORGANISATION_NOUNS, previous_bare);
    let neighbours = listed_neighbours(text, mentions, index);
    signs.person |= neighbours.contains(&Some(PERSON));
    signs.organisation |= neighbours.contains(&Some(ORGANIZATION));
    // `from Mariupol, Volnovakha and other regions`: a list of places opened
    // by a word that places it (a list of anything else names people too).
    // The list goes on after the name (`in Egypt, Assad, aided by` is a clause).
    let list_goes_on = [" and ", " or "]
        .iter()
        .any(|joint| after.starts_with(joint))
        || after
            .strip_prefix(", ")
            .is_some_and(|rest| rest.starts_with(char::is_uppercase));
    let place_list = neighbours[0] == Some(PLACE)
        && list_goes_on
        && index.checked_sub(1).is_some_and(|previous| {
            let opener = text.get(..mentions[previous].start).unwrap_or("");
            let opener = opener.split_whitespace().next_back().unwrap_or("");
            PLACE_LIST_OPENERS.contains(&opener)
        });
    signs.place |= place_list;
    // `on Dole's short list`: what a cue before speaks of is the possession.
    if !ends_word || next_capitalised || possessive {
        return;
    }
    if PLACE_CUES_BEFORE.contains(&previous) {
        signs.place = true;
    }
    // `the Mueller implosion`: a name before a noun modifies it and says nothing.
    let cue_before = match previous_bare {
        "the" | "The" => !super::spans::modifies_noun(after),
        word => in_list(ORGANISATION_CUES_BEFORE, word),
    };
    signs.organisation |= cue_before;
}

/// Whether a stock ticker follows a name (`Acme (NYSE: ACM)`, `Vandalay
/// (VNDLY)`): an exchange and a colon, or four or five capitals in brackets.
/// A person's bracket holds a party letter (`Smith (R)`) or a country's code
/// (`Teravainen (FIN)`, a CoNLL-2003 results line), so three capitals say nothing.
fn ticker_follows(after: &str) -> bool {
    let Some(inside) = after.strip_prefix(" (") else {
        return false;
    };
    let code_len = inside
        .find(|c: char| !(c.is_ascii_uppercase() || c == '.'))
        .unwrap_or(inside.len());
    let code = &inside[..code_len];
    let letters = code.chars().filter(char::is_ascii_uppercase).count();
    let closes = inside[code_len..].starts_with(')');
    let exchange = inside[code_len..].starts_with(':') && letters >= 2;
    (closes && (4..=5).contains(&letters)) || exchange
}

/// Prefixes of surnames written with a capital inside (`McDonald`,
/// `MacArthur`, `DeSantis`, `LeBron`, `O'Neill`).
const SURNAME_PREFIXES: &[&str] = &[
    "Mc", "Mac", "De", "Di", "Da", "Du", "La", "Le", "Van", "Von", "St", "Fitz",
];

/// Whether a word is written like a brand, with a capital inside after a
/// lowercase letter (`JavaSoft`, `SoftBank`), as surnames are not unless
/// after a prefix of [`SURNAME_PREFIXES`], or with an acronym run into a
/// word (`ZDNet`, `PCWorld`).
fn written_like_a_brand(word: &str) -> bool {
    // `SMEs`, `IFVs`: an acronym's plural is no brand.
    let leading_capitals = word.chars().take_while(char::is_ascii_uppercase).count();
    let lowercase_after = word
        .chars()
        .skip(leading_capitals)
        .take(2)
        .filter(|c| c.is_lowercase())
        .count()
        == 2;
    if leading_capitals >= 3 && lowercase_after {
        return true;
    }
    let mut previous_lowercase = false;
    for (index, letter) in word.char_indices() {
        if letter.is_uppercase() && previous_lowercase {
            return !SURNAME_PREFIXES.contains(&&word[..index]);
        }
        previous_lowercase = letter.is_lowercase();
    }
    false
}

/// The head noun of an apposition right after a name (`, a global solutions
/// provider focused on …` -> `provider`): the last word of the noun phrase
/// opened by `a`/`an`, before a preposition, a relative word or punctuation. A
/// word in `-ed` or `-ing` after the first ends the phrase as a participle
/// (`a company based in …`), unless a noun of a kind follows it (`a mobile
/// marketing company`).
fn apposition_head(after: &str) -> Option<&str> {
    let phrase = after
        .strip_prefix(", a ")
        .or_else(|| after.strip_prefix(", an "))?;
    let words: Vec<(&str, &str)> = phrase
        .split(' ')
        .take(6)
        .map(|word| (word, word.trim_end_matches([',', '.', ';', ':', ')'])))
        .collect();
    let is_kind_noun =
        |&(_, bare): &(&str, &str)| in_list(ORGANISATION_NOUNS, bare) || in_list(PLACE_NOUNS, bare);
    let mut head = None;
    for (index, &(word, bare)) in words.iter().enumerate() {
        let verb_form = bare.ends_with("ed") || bare.ends_with("ing");
        let participle =
            head.is_some() && verb_form && !words.get(index + 1).is_some_and(is_kind_noun);
        if bare.is_empty() || in_list(PHRASE_ENDS, bare) || participle {
            break;
        }
        head = Some(bare);
        if bare.len() != word.len() {
            break;
        }
    }
    head
}

/// Whether a third-person pronoun follows within the sentence (and outside
/// any quotation opened after the name).
fn pronoun_follows(after: &str) -> bool {
    let window = &after[..super::repair::floor_char_boundary(after, PRONOUN_REACH)];
    let stop = window
        .find(['.', '!', '?', '\n', '"', '“', '”'])
        .unwrap_or(window.len());
    window[..stop]
        .split(|c: char| !c.is_alphabetic())
        .any(|word| PERSON_PRONOUNS.contains(&word))
}

/// Whether a number follows the name (`Muralitharan 2-33`, `Vaas (3)`): a
/// result table, where one-word names are players.
fn score_follows(after: &str) -> bool {
    let rest = after.trim_start_matches([' ', '\t']);
    let rest = rest.strip_prefix('(').unwrap_or(rest);
    after.starts_with([' ', '\t']) && rest.starts_with(|c: char| c.is_ascii_digit())
}

/// The kinds of the mentions right before and after mention `index` when
/// only a list separator stands between (`Ford, Macy’s, Kellogg’s and Fox`,
/// `Ljubomir` / `Acimovic` across a line break). A one-word person beside it
/// vouches for nothing (`None`): it may be as wrong as this one.
fn listed_neighbours(text: &str, mentions: &[Mention], index: usize) -> [Option<usize>; 2] {
    let mention = &mentions[index];
    let is_separator = |gap: &str| {
        let gap = gap.trim_start_matches(['’', '\'']).trim_start_matches('s');
        gap.len() <= 8
            && gap
                .split(|c: char| c.is_whitespace() || matches!(c, ',' | '&'))
                .all(|word| matches!(word, "" | "and" | "or"))
    };
    let kind_of = |neighbour: &Mention, gap: Option<&str>| {
        let listed = gap.is_some_and(is_separator);
        let vouches = lone_person(text, neighbour).is_none();
        (listed && vouches).then_some(neighbour.kind)
    };
    let before = index.checked_sub(1).and_then(|previous| {
        let previous = &mentions[previous];
        kind_of(previous, text.get(previous.end..mention.start))
    });
    let after = mentions
        .get(index + 1)
        .and_then(|next| kind_of(next, text.get(mention.end..next.start)));
    [before, after]
}

#[cfg(test)]
#[path = "lone_names_tests.rs"]
mod tests;
