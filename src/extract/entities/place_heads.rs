//! Places named by a geographic head word that the tagger took for persons or
//! organisations (`Huntington Beach`, `Owens Valley`, `Spirit Lake`, `Orange
//! County`). Trained on 1996 Reuters, the tagger reads an unknown capitalised
//! pair as a person's name, and CoNLL-2003 gives its few counties (mostly
//! football clubs, `Notts County`) the organisation kind; the modern
//! guidelines call a county a place, as its readers do.
//!
//! `repair` settles such heads earlier, on the tagger's own spans, and trusts
//! the heads that are also surnames only where the tagger saw no person; this
//! pass runs once the given names and the lone surnames are known.
//!
//! So a person's mention of two or more words ending in a place's head becomes
//! a place, unless the head may be a surname (`Lake`, `Bay`) after a given name
//! (`Anthony Lake`, `Michael Bay`, `Tammy Parish`), an initial (`W. Anthony
//! Lake`) or where the article names a person by it alone (`Lake said`); an
//! organisation's mention ending in `County` becomes a place, unless
//! a score follows it (`Ross County 3`, a club in a table).
//!
//! A town before its state's abbreviation (`Gilroy, Calif.`) is a place (see
//! [`settle_towns_of_states`]).
//!
//! A legislator's party tag (`(R-Simi Valley)`) holds a place the tagger cuts
//! into pieces; it is read as one other name (see [`settle_party_tags`]).

use super::chunk_rules::is_state_abbreviation;
use super::given_names::{is_given_name, lone_persons};
use super::lexicon::known_kind;
use super::org_chunks::is_name_head;
use super::spans::in_list;
use super::tagger::Mention;
use crate::extract::words::COMPANY_WORDS;

/// Kind indices of the model (see [`Mention::kind`]).
const PERSON: usize = 0;
const ORGANIZATION: usize = 1;
const PLACE: usize = 2;
const OTHER: usize = 3;

/// Last words of places' names that no one bears as a surname.
#[rustfmt::skip]
const PLACE_HEADS: &[&str] = &[
    "beach", "valley", "island", "islands", "square", "county", "canyon", "peninsula",
    "strait", "gulf", "sea", "ocean", "mountains", "desert", "harbor", "harbour", "springs",
    "heights", "avenue", "street", "boulevard", "highway", "canal", "oblast", "province", "oaks",
];

/// Last words of places' names that some people bear as surnames.
const SURNAME_HEADS: &[&str] = &["lake", "bay", "river", "falls", "grove", "parish"];

/// Gives the person and organisation mentions that a place's head ends the
/// place kind (see the module comment).
pub(super) fn settle_place_heads(text: &str, mentions: &mut [Mention]) {
    // `Ricki Lake … Lake said`: a head the article names a person by alone is
    // a surname. Listed once, when a surname-like head first needs it.
    let mut lone: Option<Vec<&str>> = None;
    for index in 0..mentions.len() {
        let mention = &mentions[index];
        let Some(surface) = text.get(mention.start..mention.end) else {
            continue;
        };
        // Most mentions end in no head: that is read first.
        let Some(head) = surface.split_whitespace().next_back() else {
            continue;
        };
        let candidate = match mention.kind {
            PERSON => in_list(PLACE_HEADS, head) || in_list(SURNAME_HEADS, head),
            ORGANIZATION => head.eq_ignore_ascii_case("county"),
            _ => false,
        };
        if !candidate {
            continue;
        }
        let words: Vec<&str> = surface.split_whitespace().collect();
        let [first, _, ..] = words.as_slice() else {
            continue;
        };
        let capitalised = words
            .iter()
            .all(|word| word.starts_with(char::is_uppercase));
        if !capitalised || known_kind(surface).is_some() {
            continue;
        }
        let place = if mention.kind == PERSON {
            let surname_after_given_name = in_list(SURNAME_HEADS, head)
                && (words.iter().any(|word| is_initial(word))
                    || (words.len() == 2 && is_given_name(first))
                    || lone
                        .get_or_insert_with(|| lone_persons(text, mentions))
                        .contains(&head));
            !surname_after_given_name
        } else {
            // `Ross County 3 0 0 3`, `Montrose 2 Ross County 1`: a club in a table.
            let after = text.get(mention.end..).unwrap_or("");
            let score_follows = after
                .trim_start_matches(' ')
                .starts_with(|c: char| c.is_ascii_digit());
            !score_follows
        };
        if place {
            mentions[index].kind = PLACE;
        }
    }
}

/// Longest party tag read, in bytes (`(R-Rancho Santa Margarita)`).
const MAX_PARTY_TAG: usize = 40;

/// Makes each legislator's party tag (`Rep. Elton Gallegly (R-Simi Valley)`,
/// `(D-San Diego)`, `(R-Texas)`) one name of the other kind, as the tagger
/// already reads the short ones (`R-Texas`): the tagger cuts the longer ones
/// at the hyphen and calls the pieces places, organisations or persons
/// (`Beach` of `R-Newport Beach`).
pub(super) fn settle_party_tags(text: &str, mentions: &mut Vec<Mention>) {
    let mut tags = Vec::new();
    for (paren, _) in text.match_indices('(') {
        let start = paren + 1;
        let Some(rest) = text.get(start..) else {
            continue;
        };
        if !matches!(rest.as_bytes(), [b'R' | b'D' | b'I', b'-', ..]) {
            continue;
        }
        let after_party = &rest[2..];
        let close = after_party
            .bytes()
            .take(MAX_PARTY_TAG + 1)
            .position(|byte| byte == b')');
        let Some(close) = close else {
            continue;
        };
        let inside = &after_party[..close];
        let tag_like = inside.starts_with(char::is_uppercase) && !inside.contains(['(', '\n']);
        // `D-Minn.` as `D-Minn`, but `D-N.Y.` whole.
        let abbreviation_dot = inside.ends_with('.') && inside.matches('.').count() == 1;
        if tag_like {
            tags.push((start, start + 2 + close - usize::from(abbreviation_dot)));
        }
    }
    let mut settled = false;
    for (start, end) in tags {
        let overlapping = |mention: &Mention| mention.start < end && mention.end > start;
        if !mentions.iter().any(overlapping) {
            continue;
        }
        mentions.retain(|mention| !overlapping(mention));
        mentions.push(Mention::new(start, end, OTHER));
        settled = true;
    }
    if settled {
        mentions.sort_by_key(|mention| (mention.start, mention.end));
    }
}

/// Whether `word` is an initial (`W.`, `J.R.`).
fn is_initial(word: &str) -> bool {
    word.ends_with('.') && word.chars().filter(|c| c.is_alphabetic()).count() <= 2
}

/// Makes a town written before its state's abbreviation (`Gilroy, Calif.`,
/// `Stockton, Calif.`, AP style) a place, and the abbreviation after a town
/// too (`Clinton, Tenn.`, where the sentence's full stop took its dot): the
/// tagger, not knowing a small town, calls it a person or an organisation.
pub(super) fn settle_towns_of_states(text: &str, mentions: &mut [Mention]) {
    for mention in mentions.iter_mut() {
        if !matches!(mention.kind, PERSON | ORGANIZATION) {
            continue;
        }
        let after = text.get(mention.end..).unwrap_or("");
        let before = text.get(..mention.start).unwrap_or("");
        // Most mentions have no comma on either side: that is read first.
        let comma_after = after.starts_with(", ");
        let comma_before = before.ends_with(", ");
        if !comma_after && !comma_before {
            continue;
        }
        let Some(surface) = text.get(mention.start..mention.end) else {
            continue;
        };
        let state_follows = after.strip_prefix(", ").is_some_and(|rest| {
            let word = rest
                .split(|c: char| c.is_whitespace() || c == ',' || c == ';')
                .next()
                .unwrap_or("");
            is_state_abbreviation(word)
        });
        let is_state_after_town = comma_before
            && is_state_abbreviation(surface)
            && before[..before.len() - 2].ends_with(char::is_alphabetic);
        if is_state_after_town {
            mention.kind = PLACE;
            continue;
        }
        if !state_follows {
            continue;
        }
        // `Peoples Bank of Nanticoke, Pa.`, `Cirrus Development Group`: a body's
        // name says so; `Jennifer K. Connor, Pa.`: a person's full name does.
        let words: Vec<&str> = surface.split_whitespace().collect();
        let body = words.iter().any(|word| {
            in_list(COMPANY_WORDS, word.trim_end_matches('.'))
                || in_list(&["bank", "club"], word)
                || is_name_head(word)
                || word.starts_with(char::is_lowercase)
        });
        let full_name = words.len() > 1
            && (is_given_name(words[0]) || words.iter().any(|word| is_initial(word)));
        if !body && !full_name {
            mention.kind = PLACE;
        }
    }
}
