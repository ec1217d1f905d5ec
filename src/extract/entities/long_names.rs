//! Long organisation names the tagger cuts (`House Select Committee` +
//! `Intelligence`, `Inspector General` for `Office of the Inspector General`):
//! a name ending in an organisation's head word goes on over `on`/`of`/`for`
//! and the capitalised words after it, and a name right after `Office of the`
//! starts at the head. Run by [`super::spans::repair_spans`].

use super::spans::in_list;
use super::tagger::Mention;
use crate::extract::words::{is_nationality, NEVER_NAMES, PERSON_TITLES};

/// Kind indices of the model (see [`Mention::kind`]).
const PERSON: usize = 0;
const ORGANIZATION: usize = 1;
const PLACE: usize = 2;

/// Words that make a capitalised word an organisation's head (`Committee`,
/// `Office`): a name ending in one goes on over `on`/`of`/`for` and the
/// capitalised words after it; a name right after `Office of the` starts there.
#[rustfmt::skip]
const GROWING_HEADS: &[&str] = &[
    "office", "committee", "commission", "council", "department", "ministry", "bureau",
    "agency", "institute", "center", "centre", "directorate", "administration", "board",
    "hall", "commissioner", "court", "academy", "association", "foundation", "federation",
    "union", "league", "society",
];

/// Connectors inside a long organisation's name.
const INNER_CONNECTORS: &[&str] = &["on", "of", "for", "and", "the", "under"];

/// Connectors that may follow the head word itself.
const OPENING_CONNECTORS: &[&str] = &["on", "of", "for"];

/// See [`GROWING_HEADS`]: grows organisation mentions over the rest of their
/// name and drops the mentions the grown name swallows.
pub(super) fn grow_organisation_names(text: &str, mentions: &mut Vec<Mention>) {
    // `Commission on Agriculture Viktor Tomenko`: the holder's name ends the office's.
    let mut person_starts: Vec<usize> = mentions
        .iter()
        .filter(|mention| mention.kind == PERSON)
        .map(|mention| mention.start)
        .collect();
    person_starts.sort_unstable();
    for mention in mentions.iter_mut() {
        let (start, end) = (mention.start, mention.end);
        // `Inspector General` may be tagged a person; `Committee` never ends one,
        // and only an `Office` is named after a person's office.
        let person = mention.kind == PERSON;
        let grown_end = match person {
            true => end,
            false => name_continues_after(text, (start, end), &person_starts),
        };
        let grown_start = match name_starts_before(text, start) {
            (head_start, head) if !person || head.eq_ignore_ascii_case("office") => head_start,
            _ => start,
        };
        if grown_end != end || grown_start != start {
            mention.start = grown_start;
            mention.end = grown_end;
            mention.kind = ORGANIZATION;
        }
    }
    let mut kept_until = 0;
    let mut last_start = usize::MAX;
    mentions.retain(|mention| {
        let swallowed = mention.start < kept_until && mention.start != last_start;
        if !swallowed {
            kept_until = kept_until.max(mention.end);
            last_start = mention.start;
        }
        !swallowed
    });
}

/// Groups of people whose possessive opens a body's name (`Women's Tennis
/// Association`, `the Nation's Health League`, `Her Majesty's Treasury`).
#[rustfmt::skip]
const GROUP_POSSESSORS: &[&str] = &[
    "people", "children", "women", "men", "nation", "workers", "farmers", "citizens", "majesty",
    "mothers", "fathers", "soldiers", "peoples", "veterans", "students", "teachers",
];

/// `Food and Drug Administration`, `Procter and Gamble Co`, `the Nation's
/// Health League` tagged from the word after `and` or a possessive: an
/// organisation's mention of two words or more right after `W and` or `W's`,
/// where `W` is one capitalised word that no mention holds and that is no name
/// of its own (a title, a nationality, a given name, a name the lexicon
/// knows), starts at `W`. Not in headlines, where every word is capitalised.
pub(super) fn join_names_over_and(text: &str, mentions: &mut [Mention]) {
    for index in 0..mentions.len() {
        let mention = &mentions[index];
        // `Sanders and Trump`, `Twitter and Facebook`: a one-word name after
        // `and` is most often the second of two names.
        let surface = text.get(mention.start..mention.end).unwrap_or("");
        if mention.kind != ORGANIZATION || mention.shouted || !surface.contains(' ') {
            continue;
        }
        let before = text.get(..mention.start).unwrap_or("");
        let possessive = ["'s ", "’s "]
            .iter()
            .find_map(|joint| before.strip_suffix(joint));
        let Some(rest) = before.strip_suffix(" and ").or(possessive) else {
            continue;
        };
        let word = rest.rsplit(char::is_whitespace).next().unwrap_or("");
        let word_start = rest.len() - word.len();
        // `the University's Institute for …` is the university's: only a group
        // of people opens a name with its possessive (`People's Liberation Army`).
        if possessive.is_some() && !in_list(GROUP_POSSESSORS, word) {
            continue;
        }
        // Not a name of its own (`US and NATO`, `AA and JetBlue`, `Minister
        // and Security Council`, `Eastern and Northern Europe`).
        let capitals = word.chars().filter(|c| c.is_uppercase()).count();
        let name_word = word.len() > 1
            && capitals == 1
            && word.starts_with(char::is_uppercase)
            && word.chars().all(char::is_alphabetic)
            && !in_list(NEVER_NAMES, word)
            && !in_list(PERSON_TITLES, word)
            && !is_nationality(word)
            && super::lexicon::known_kind(word).is_none()
            && !super::given_names::is_given_name(word);
        let previous = index.checked_sub(1).map(|at| &mentions[at]);
        let untagged = previous.is_none_or(|previous| previous.end <= word_start);
        // `Russian Government and Emergencies Ministry`, `Hard Drive and
        // Bernoulli Boxes`: `W` ends a name before it; a place before it
        // (`U.S. Customs and Border Protection`) is no part of that name.
        let before_word = rest[..word_start].trim_end_matches(' ');
        let word_before = before_word.rsplit(char::is_whitespace).next().unwrap_or("");
        let after_place = previous
            .is_some_and(|previous| previous.kind == PLACE && previous.end == before_word.len());
        let continues_name = word_before.starts_with(char::is_uppercase)
            && !in_list(NEVER_NAMES, word_before)
            && !after_place;
        if !name_word || !untagged || continues_name {
            continue;
        }
        if super::lines::in_headline(text, word_start, mention.end) {
            continue;
        }
        mentions[index].start = word_start;
    }
}

/// Whether `word` (a trailing comma or period aside) is a capitalised organisation head.
pub(super) fn is_growing_head(word: &str) -> bool {
    let bare = word.trim_end_matches([',', '.']);
    bare.starts_with(char::is_uppercase) && in_list(GROWING_HEADS, bare)
}

/// Where the name of the mention `start..end` ends when its last word is an
/// organisation's head: over connectors and capitalised words, up to the last
/// capitalised word.
fn name_continues_after(
    text: &str,
    (start, end): (usize, usize),
    person_starts: &[usize],
) -> usize {
    let last = text
        .get(start..end)
        .and_then(|s| s.split_whitespace().last());
    if !last.is_some_and(is_growing_head) {
        return end;
    }
    continue_over_connectors(text, end, person_starts)
}

/// Ranks, honorifics and offices that open a holder's name after an
/// organisation's (`… of Staff General Mark Milley`, `Awami League of Prime
/// Minister Sheikh Hasina`); other office words may go on the name (`Council
/// on Foreign Relations`).
#[rustfmt::skip]
const RANKS: &[&str] = &[
    "general", "gen", "admiral", "adm", "colonel", "col", "captain", "capt", "lieutenant", "lt",
    "major", "maj", "sergeant", "sgt", "mr", "mrs", "ms", "dr", "sir", "prime", "president",
    "king", "queen", "prince", "princess", "sheikh", "pope", "chancellor", "premier", "governor",
    "mayor", "senator", "sen", "rep", "gov",
];

/// Whether `rest`, the words after a rank, open a holder's name: capitalised
/// words not followed by `of` (`General Mark Milley`, not `Prime Minister of
/// Greece`).
fn holder_follows(rest: &[&str]) -> bool {
    let capitalised = rest
        .iter()
        .take_while(|next| next.starts_with(char::is_uppercase))
        .count();
    capitalised > 0 && rest.get(capitalised) != Some(&"of")
}

/// Where a name whose head word ends at `end` ends: over `on`/`of`/`for` and
/// the connectors and capitalised words after it, up to the last capitalised
/// word, stopping at a person's name (`person_starts`, sorted), a date or a line end.
pub(super) fn continue_over_connectors(text: &str, end: usize, person_starts: &[usize]) -> usize {
    let after = text.get(end..).unwrap_or("");
    if !after.starts_with(' ') {
        return end;
    }
    let mut grown = end;
    let mut position = end;
    let mut connectors = 0;
    // The next twelve words, on the stack: this runs for every head word.
    let mut words = [""; 12];
    let mut count = 0;
    for (slot, word) in words.iter_mut().zip(after.split(' ').skip(1)) {
        *slot = word;
        count += 1;
    }
    let words = &words[..count];
    for (index, &word) in words.iter().enumerate() {
        position += 1 + word.len();
        let bare = word.trim_end_matches([',', '.', ';', ':', '’', '\'']);
        // `Committee on Intelligence`, never `Federation and the Chechen Republic`.
        let opens = connectors > 0 || OPENING_CONNECTORS.contains(&bare);
        if INNER_CONNECTORS.contains(&bare) && bare.len() == word.len() && opens {
            connectors += 1;
            continue;
        }
        // `Council of Europe and NATO’s Partnership`: a possessive opens another name.
        let possessive = bare.ends_with("’s") || bare.ends_with("'s");
        let capitalised = bare.starts_with(char::is_uppercase) && bare.len() > 1 && !possessive;
        // `Centre on Friday`: a date is no part of a name.
        let date = in_list(NEVER_NAMES, bare);
        // `Joint Chiefs of Staff General Mark Milley`: a title before a
        // capitalised word opens the holder's name (`Inspector General` ends one).
        // `of the Prime Minister of Greece`: an office with its own `of` is the name's.
        let title =
            in_list(RANKS, bare) && bare.len() == word.len() && holder_follows(&words[index + 1..]);
        // `… Nuclear Monitoring Alexander Trembitsky`: an untagged holder's name.
        // A given name and a surname, and no third capitalised word (`Red
        // Crescent Societies`).
        let upper = |at: usize| {
            words
                .get(at)
                .is_some_and(|w| w.starts_with(char::is_uppercase))
        };
        let holder = super::given_names::is_given_name(bare)
            && bare.len() == word.len()
            && upper(index + 1)
            && (!upper(index + 2) || words[index + 1].ends_with([',', '.', ';', ':']));
        let person = holder
            || person_starts
                .binary_search(&(position - word.len()))
                .is_ok();
        if !capitalised || connectors == 0 || date || title || person || word.contains('\n') {
            break;
        }
        grown = position - (word.len() - bare.len());
        let serial_list = word.ends_with(',') && serial_list_follows(&words[index + 1..]);
        if bare.len() != word.len() && !serial_list {
            break;
        }
    }
    grown
}

/// Whether the words after a comma go on with a list of capitalised words
/// closed by `, and` (`Department of Agricultural, Food, and Resource
/// Economics`, `Health, Education, and Welfare`): an official name's serial list.
fn serial_list_follows(rest: &[&str]) -> bool {
    // An item is a capitalised word that names nothing alone (`Russia, and
    // Ukraine` lists countries) and no title (`, and Ambassador …`).
    let item = |word: &&str| {
        let bare = word.trim_end_matches(',');
        word.starts_with(char::is_uppercase)
            && bare.len() > 1
            && bare.chars().all(|c| c.is_alphabetic() || c == '-')
            && super::lexicon::known_kind(bare).is_none()
            && !in_list(PERSON_TITLES, bare)
    };
    let listed = rest
        .iter()
        .take_while(|word| item(word) && word.ends_with(','))
        .count();
    let closed = rest.get(listed) == Some(&"and");
    closed && rest.get(listed + 1).is_some_and(item)
}

/// Where the name of a mention starting at `start` starts when `Office of
/// the` (a capitalised head and `of`) stands right before it.
/// Returns the new start and the head word (empty when there is none).
fn name_starts_before(text: &str, start: usize) -> (usize, &str) {
    let before = text.get(..start).unwrap_or("");
    let trimmed = before
        .strip_suffix("of the ")
        .or_else(|| before.strip_suffix("of "));
    let Some(head_end) = trimmed.map(str::trim_end) else {
        return (start, "");
    };
    let head = head_end.rsplit(' ').next().unwrap_or("");
    if !is_growing_head(head) || head.ends_with([',', '.']) {
        return (start, "");
    }
    (head_end.len() - head.len(), head)
}
