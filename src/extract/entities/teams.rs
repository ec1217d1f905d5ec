//! Sports teams named by their town, state or school (`Minnesota beat
//! Buffalo 24-17`, `Palm Bay (1-0): Tolivert 25 points`, `Wichita North`).
//! The tagger, trained on 1996 Reuters, calls such a name a place (or a
//! person, in a results list); CoNLL-2003 and the modern guidelines call a
//! team an organisation. A results line also runs two names together over the
//! lowercase `d.` (defeated) or `vs.`, which no name holds.
//!
//! So: a mention is first split at a lowercase result word inside it, then a
//! place or person mention with a sign of a team right beside it (a score or
//! a win-loss record after it, a result verb between it and another name)
//! becomes an organisation, unless the lexicon knows it as a place.

use rustc_hash::FxHashSet;

use super::given_names::is_given_name;
use super::lexicon::{is_known_country, known_kind};
use super::spans::in_list;
use super::tagger::{covers, Mention};
use crate::extract::words::is_nationality;

/// Kind indices of the model (see [`Mention::kind`]).
const PERSON: usize = 0;
const ORGANIZATION: usize = 1;
const PLACE: usize = 2;
const OTHER: usize = 3;

/// Lowercase words of a results line that stand between two teams and are
/// never part of a name.
const RESULT_WORDS: &[&str] = &["d.", "def.", "vs.", "vs", "v.", "beat", "defeated"];

/// Verbs of a result, written right after a team (`Minnesota beat`) or right
/// before the beaten one (`beat Buffalo`).
const RESULT_VERBS: &[&str] = &[
    "beat",
    "beats",
    "blanked",
    "d.",
    "def.",
    "defeated",
    "defeats",
    "downed",
    "edged",
    "outlasted",
    "routed",
    "topped",
    "vs.",
    "vs",
    "v.",
];

/// Splits mentions at a result word and gives place and person mentions with a
/// sign of a team the organisation kind (see the module comment).
pub fn settle_teams(text: &str, mentions: &mut Vec<Mention>) {
    settle_town_named_clubs(text, mentions);
    let nicknames = settle_record_nicknames(text, mentions);
    let pieces = split_at_result_words(text, mentions);
    // An article where some name plays as a team is about sport: its cities may
    // be teams. Asked only when a city is tagged an organisation.
    let mut sports: Option<bool> = nicknames.then_some(true);
    for index in 0..mentions.len() {
        let mention = &mentions[index];
        let name = text.get(mention.start..mention.end).unwrap_or("");
        let after = text.get(mention.end..).unwrap_or("");
        let known = known_kind(name);
        let country = is_known_country(name);
        // A roundup: `Palm Bay (1-0):` names a team, and `Bozeman 10 points`
        // after it on its line a player (a table's `Essex 24 points` is a team).
        if known.is_none() && starts_with_statistic(after) && in_roundup(text, mention.start) {
            mentions[index].kind = PERSON;
            continue;
        }
        if known.is_none() && mention.kind == PERSON && starts_with_record_heading(after) {
            mentions[index].kind = ORGANIZATION;
            continue;
        }
        // `Seattle` tagged an organisation in an article with no sign of sport is
        // the city (a country may stand for its government: that stays with the tagger).
        let city = known == Some(PLACE) && !country;
        if city
            && mention.kind == ORGANIZATION
            && !*sports.get_or_insert_with(|| about_sport(text, mentions))
        {
            mentions[index].kind = PLACE;
            continue;
        }
        // `the Sabres`, `Huskies (4-7)`, `Wild 4, Sabres 1:`: a team's nickname
        // (the tagger makes them persons or nationalities).
        if mention.kind != ORGANIZATION
            && known.is_none()
            && nickname_plays(text, mentions, index)
            && *sports.get_or_insert_with(|| about_sport(text, mentions))
        {
            mentions[index].kind = ORGANIZATION;
            continue;
        }
        // A person with a score is a player (`A. Smith 45-3`, `Sampras beat
        // Agassi`): only a person the tagger ran into a results line is looked at.
        let candidate =
            mention.kind == PLACE || (mention.kind == PERSON && pieces.contains(&index));
        if !candidate {
            continue;
        }
        // A country plays as a place in CoNLL-2003 (`Spain`, Davis Cup); a state
        // or a city with a sign of a team is the team (`Minnesota beat Buffalo`).
        if !country && plays_as_team(text, mentions, index) {
            mentions[index].kind = ORGANIZATION;
        }
    }
}

/// `Palm Bay d. Rockledge` as one mention becomes `Palm Bay` and `Rockledge`;
/// returns the indices of the pieces.
fn split_at_result_words(text: &str, mentions: &mut Vec<Mention>) -> Vec<usize> {
    let mut split = Vec::with_capacity(mentions.len());
    let mut pieces = Vec::new();
    for mention in mentions.drain(..) {
        let first_piece = split.len();
        let Some(surface) = text.get(mention.start..mention.end) else {
            split.push(mention);
            continue;
        };
        let mut piece_start = mention.start;
        let mut offset = 0;
        for word in surface.split(' ') {
            let word_start = mention.start + offset;
            offset += word.len() + 1;
            if !RESULT_WORDS.contains(&word) {
                continue;
            }
            let before_end = text[..word_start].trim_end().len();
            if before_end > piece_start {
                split.push(Mention {
                    start: piece_start,
                    end: before_end,
                    ..mention.clone()
                });
            }
            piece_start = (mention.start + offset).min(mention.end);
        }
        let was_split = split.len() > first_piece || piece_start > mention.start;
        if piece_start < mention.end {
            split.push(Mention {
                start: piece_start,
                ..mention
            });
        }
        if was_split {
            pieces.extend(first_piece..split.len());
        }
    }
    *mentions = split;
    pieces
}

/// Whether the text right around mention `index` shows a team: a score or a
/// record right after it (`Palm Bay 70-44`, `Heritage (1-0):`), or a result
/// verb between it and another mention (`Minnesota beat Buffalo`).
fn plays_as_team(text: &str, mentions: &[Mention], index: usize) -> bool {
    let mention = &mentions[index];
    let after = text.get(mention.end..).unwrap_or("");
    if starts_with_score(after) {
        return true;
    }
    let verb_then_name = |gap: &str| {
        let words: Vec<&str> = gap.split_whitespace().collect();
        matches!(words.as_slice(), [verb] if RESULT_VERBS.contains(verb))
    };
    let next = mentions.get(index + 1);
    if next.is_some_and(|next| {
        text.get(mention.end..next.start)
            .is_some_and(verb_then_name)
    }) {
        return true;
    }
    let previous = index.checked_sub(1).and_then(|before| mentions.get(before));
    previous.is_some_and(|previous| {
        text.get(previous.end..mention.start)
            .is_some_and(verb_then_name)
    })
}

/// Plural names of events and prizes, not teams (`the Olympics`).
const EVENT_PLURALS: &[&str] = &[
    "olympics",
    "paralympics",
    "championships",
    "games",
    "finals",
    "playoffs",
    "masters",
    "series",
    "nationals",
    "grammys",
    "oscars",
    "emmys",
];

/// Whether mention `index` is a one-word plural name (`Sabres`, `Huskies`)
/// that plays as a team: after `the`, before a record (`Huskies (4-7)`), or
/// in a pair of scores (`Wild 4, Sabres 1:`). A nationality (`the Americans`), an
/// event (`the Olympics`) and a surname of a person named in the article
/// (`the Williams sisters` beside `Serena Williams`) are no team.
fn nickname_plays(text: &str, mentions: &[Mention], index: usize) -> bool {
    let mention = &mentions[index];
    let Some(name) = text.get(mention.start..mention.end) else {
        return false;
    };
    if !nickname_shape(name) {
        return false;
    }
    let after_the = text[..mention.start]
        .strip_suffix(' ')
        .is_some_and(|before| {
            let word = before.rsplit(char::is_whitespace).next().unwrap_or(before);
            word == "the" || word == "The"
        });
    // The tagger's groups of people (`the Serbs`, `the Maoists`) are no
    // teams: a name it calls a nationality or an event needs a team's record.
    let after = text.get(mention.end..).unwrap_or("");
    let record = after.starts_with(" (") && starts_with_score(after);
    let plays =
        (after_the && mention.kind != OTHER) || record || in_score_pair(text, mentions, index);
    if !plays {
        return false;
    }
    let surname = mentions.iter().any(|other| {
        other.kind == PERSON
            && text.get(other.start..other.end).is_some_and(|person| {
                person
                    .strip_suffix(name)
                    .is_some_and(|given| given.ends_with(' '))
            })
    });
    !surname
}

/// Whether `name` has the shape of a team's nickname: one capitalised word
/// in the plural, not a nationality (`Americans`) or an event (`Olympics`).
fn nickname_shape(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(|c| c.is_ascii_uppercase())
        && chars.next().is_some_and(|c| c.is_ascii_lowercase())
        && name.len() >= 4
        && name.bytes().all(|byte| byte.is_ascii_alphabetic())
        && name.ends_with('s')
        && !name.ends_with("ss")
        && !is_nationality(name)
        && !EVENT_PLURALS
            .iter()
            .any(|event| event.eq_ignore_ascii_case(name))
}

/// Nicknames written before a team's record (`the Huskies (4-7, 3-4)`): each
/// is a team wherever the article names it, and an untagged one there gets a
/// mention. Returns whether some nickname was found.
fn settle_record_nicknames(text: &str, mentions: &mut Vec<Mention>) -> bool {
    let mut nicknames: Vec<(usize, usize)> = Vec::new();
    for (at, _) in text.match_indices(" (") {
        let record = text[at + 2..].starts_with(|c: char| c.is_ascii_digit())
            && starts_with_score(&text[at..]);
        if !record {
            continue;
        }
        // The character before the word may be wider than a byte (`’`).
        let start = text[..at]
            .char_indices()
            .rev()
            .find(|(_, c)| !c.is_ascii_alphabetic())
            .map_or(0, |(before, c)| before + c.len_utf8());
        if nickname_shape(&text[start..at]) {
            nicknames.push((start, at));
        }
    }
    if nicknames.is_empty() {
        return false;
    }
    let names: FxHashSet<&str> = nicknames
        .iter()
        .map(|&(start, end)| &text[start..end])
        .collect();
    for mention in mentions.iter_mut() {
        if text
            .get(mention.start..mention.end)
            .is_some_and(|name| names.contains(name))
        {
            mention.kind = ORGANIZATION;
        }
    }
    let untagged: Vec<Mention> = nicknames
        .iter()
        .filter(|&&(start, end)| !covers(mentions, start, end))
        .map(|&(start, end)| Mention::new(start, end, ORGANIZATION))
        .collect();
    mentions.extend(untagged);
    mentions.sort_by_key(|mention| (mention.start, mention.end));
    true
}

/// Whether mention `index` is one side of a pair of scores (`Wild 4, Sabres
/// 1`): a number after it and, one comma on, the other mention and its number.
fn in_score_pair(text: &str, mentions: &[Mention], index: usize) -> bool {
    let pair = |first: &Mention, second: &Mention| {
        let gap = text.get(first.end..second.start).unwrap_or("");
        let number_then_comma = gap
            .strip_prefix(' ')
            .and_then(|rest| rest.strip_suffix(", "))
            .is_some_and(|number| {
                (1..=3).contains(&number.len()) && number.bytes().all(|b| b.is_ascii_digit())
            });
        let after = text.get(second.end..).unwrap_or("");
        let digits = after.strip_prefix(' ').map_or(0, |rest| {
            rest.bytes().take_while(u8::is_ascii_digit).count()
        });
        number_then_comma && (1..=3).contains(&digits)
    };
    let with_next = mentions
        .get(index + 1)
        .is_some_and(|next| pair(&mentions[index], next));
    let with_previous = index
        .checked_sub(1)
        .is_some_and(|previous| pair(&mentions[previous], &mentions[index]));
    with_next || with_previous
}

/// Words of sports reporting; an article with a few of them is about sport.
#[rustfmt::skip]
const SPORTS_WORDS: &[&str] = &[
    "coach", "defensive", "draft", "game", "games", "goal", "goals", "halftime", "inning",
    "innings", "league", "match", "offensive", "overtime", "pitcher", "playoff", "playoffs",
    "quarterback", "roster", "scored", "season", "striker", "team", "teams", "touchdown",
    "tournament",
];

/// Whether `text` is about sport: it uses at least three words of
/// [`SPORTS_WORDS`], or one of its names plays as a team or opens a table row.
fn about_sport(text: &str, mentions: &[Mention]) -> bool {
    // Read as bytes, and only words as long as a sports word are compared:
    // this runs over whole articles.
    let sports_words = text
        .as_bytes()
        .split(|byte| !byte.is_ascii_alphabetic())
        .filter(|word| (4..=11).contains(&word.len()))
        .filter(|word| SPORTS_WORDS.iter().any(|sports| sports.as_bytes() == *word))
        .nth(2)
        .is_some();
    sports_words
        || (0..mentions.len()).any(|index| {
            plays_as_team(text, mentions, index) || in_table_row(text, &mentions[index])
        })
}

/// Whether the line holding `at` opens with a team's record heading before it
/// (`Palm Bay (1-0): Tolivert 25 points`).
fn in_roundup(text: &str, at: usize) -> bool {
    text[line_start(text, at)..at].contains("):")
}

/// How far back [`line_start`] looks, in bytes: a roundup's or a table's line
/// is shorter, and a one-line article of megabytes is not searched per name.
const LINE_REACH: usize = 2048;

/// Where the line holding byte `at` of `text` starts, or [`LINE_REACH`] bytes
/// back if it starts further.
fn line_start(text: &str, at: usize) -> usize {
    let mut reach = at.saturating_sub(LINE_REACH);
    while !text.is_char_boundary(reach) {
        reach += 1;
    }
    text[reach..at]
        .rfind('\n')
        .map_or(reach, |newline| reach + newline + 1)
}

/// Whether the mention opens a short line of figures (`BOSTON 69 65 .515 5`,
/// `Essex 24 points`), a row of a standings or results table.
fn in_table_row(text: &str, mention: &Mention) -> bool {
    let after = text.get(mention.end..).unwrap_or("");
    // The row is short: its end is within the next 60 bytes.
    let window = &after[..super::repair::floor_char_boundary(after, 60)];
    let Some(rest) = window.split('\n').next().filter(|rest| rest.len() < 60) else {
        return false;
    };
    let rest_is_line = rest.len() < window.len() || window.len() == after.len();
    let figures = rest
        .split_whitespace()
        .next()
        .is_some_and(|word| word.starts_with(|c: char| c.is_ascii_digit()));
    let before = text[..mention.start].trim_end_matches(|c: char| c.is_whitespace() && c != '\n');
    let opens = before.is_empty() || before.ends_with('\n');
    rest_is_line && figures && opens
}

/// Statistics a player is credited with in a box score (`Tolivert 25 points`).
#[rustfmt::skip]
const PLAYER_STATISTICS: &[&str] = &[
    "points", "pts", "goals", "assists", "rebounds", "steals", "blocks", "saves", "yards",
    "carries", "catches", "receptions", "tackles", "sacks", "hits", "strikeouts", "wickets",
    "aces", "birdies", "touchdowns", "kills", "digs",
];

/// Whether `after` opens with a number of a player's statistic on the same
/// line (` 25 points`, ` 6 steals`).
fn starts_with_statistic(after: &str) -> bool {
    let Some(rest) = after.strip_prefix(' ') else {
        return false;
    };
    let digits = rest.chars().take_while(char::is_ascii_digit).count();
    let noun = rest[digits..]
        .strip_prefix(' ')
        .and_then(|rest| rest.split([' ', '.', ',', ';', '\n']).next())
        .unwrap_or("");
    (1..=3).contains(&digits) && PLAYER_STATISTICS.contains(&noun)
}

/// Whether `after` opens with a team's record and a colon (` (1-0):`), which
/// heads the list of its players in a roundup.
fn starts_with_record_heading(after: &str) -> bool {
    if !after.starts_with(" (") {
        return false;
    }
    // ` (12-10):`: the colon is a few bytes on.
    let window = &after[..super::repair::floor_char_boundary(after, 14)];
    window.contains("):") && starts_with_score(after)
}

/// Whether `after` opens with a score or a win-loss record on the same line:
/// ` 70-44`, ` (1-0)`, ` 3–1`.
fn starts_with_score(after: &str) -> bool {
    // A score is in the first few bytes: the rest of a long line is not read.
    let head = &after[..super::repair::floor_char_boundary(after, 32)];
    let line = head.split('\n').next().unwrap_or("");
    let trimmed = line.trim_start_matches([' ', '(']);
    if trimmed.len() == line.len() {
        return false;
    }
    let digits = |s: &str| s.chars().take_while(char::is_ascii_digit).count();
    let first = digits(trimmed);
    if first == 0 || first > 3 {
        return false;
    }
    let rest = &trimmed[first..];
    let Some(rest) = rest.strip_prefix(['-', '–']) else {
        return false;
    };
    (1..=3).contains(&digits(rest))
}

#[cfg(test)]
#[path = "teams_tests.rs"]
mod tests;

/// Plurals that end places' names (`Florida Keys`, `Palm Springs`, `Washington
/// Heights`), not clubs'.
#[rustfmt::skip]
const PLACE_PLURALS: &[&str] = &[
    "keys", "islands", "isles", "hills", "heights", "springs", "falls", "lakes", "mountains",
    "rapids", "plains", "woods", "gardens", "oaks", "pines", "flats", "glades", "highlands",
    "lowlands", "territories", "provinces", "states", "rockies", "midlands", "downs", "fields",
    "meadows", "acres", "estates", "shores", "sands", "cliffs", "dunes", "palisades", "narrows",
    "straits",
];

/// Makes a place's mention of a known town, state or country and a
/// capitalised plural after it (`Anaheim Angels`, `Seattle Seahawks`, `St.
/// Louis Blues`) an organisation in an article about sport: a club named for
/// the place, which the tagger, seeing the town, calls a place. Not a plural
/// the lexicon knows (`Norway Christmas`), a Latin singular (`Iowa Caucus`) or a
/// surname made of a given name (`Tennessee Williams`).
fn settle_town_named_clubs(text: &str, mentions: &mut [Mention]) {
    let mut sports: Option<bool> = None;
    for index in 0..mentions.len() {
        let mention = &mentions[index];
        if mention.kind != PLACE {
            continue;
        }
        let Some(surface) = text.get(mention.start..mention.end) else {
            continue;
        };
        let Some((town, last)) = surface.rsplit_once(' ') else {
            continue;
        };
        let plural = last.len() > 3
            && last.ends_with('s')
            && !last.ends_with("ss")
            && !last.ends_with("us")
            && last.starts_with(char::is_uppercase)
            && last.chars().skip(1).all(char::is_lowercase)
            && !in_list(PLACE_PLURALS, last)
            && known_kind(last).is_none()
            && !is_given_name(&last[..last.len() - 1]);
        let club = plural
            && known_kind(town) == Some(PLACE)
            && known_kind(surface).is_none()
            && *sports.get_or_insert_with(|| about_sport(text, mentions));
        if club {
            mentions[index].kind = ORGANIZATION;
        }
    }
}
