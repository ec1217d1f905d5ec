//! Long organisation names the tagger cuts (`House Select Committee` +
//! `Intelligence`, `Inspector General` for `Office of the Inspector General`):
//! a name ending in an organisation's head word goes on over `on`/`of`/`for`
//! and the capitalised words after it, and a name right after `Office of the`
//! starts at the head. Run by [`super::spans::repair_spans`].

use super::spans::in_list;
use super::tagger::Mention;
use crate::extract::words::NEVER_NAMES;

/// Kind indices of the model (see [`Mention::kind`]).
const PERSON: usize = 0;
const ORGANIZATION: usize = 1;

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
        let person = person_starts
            .binary_search(&(position - word.len()))
            .is_ok();
        if !capitalised || connectors == 0 || date || title || person || word.contains('\n') {
            break;
        }
        grown = position - (word.len() - bare.len());
        if bare.len() != word.len() {
            break;
        }
    }
    grown
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
