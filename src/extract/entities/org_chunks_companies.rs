//! Companies' names the tagger missed, found by their last word (`Inc`,
//! `Research`): see [`company_chunk`]. A part of `org_chunks`, whose words
//! and mentions it reads.

use super::{name_word, overlapping, PLACE};
use crate::extract::entities::lines::Word;
use crate::extract::entities::spans::in_list;
use crate::extract::entities::tagger::Mention;

/// Most words a company's name has before its company word (`Zacks
/// Investment Research`, `Alaska Air Group Inc`).
const MAX_WORDS_BEFORE_COMPANY_WORD: usize = 4;

/// Connectors inside a company's or an institution's name.
const NAME_CONNECTORS: &[&str] = &["of", "for", "and", "&"];

/// A company's name the tagger missed, ending in the company word
/// `words[head]` (`analysts surveyed by Zacks Investment Research`): the
/// capitalised words before it, none of them in a mention but the first
/// (the tagger may take `Zacks` alone), none describing the company
/// (`London-based`). None where the name goes on either side (`Research
/// Base`, `Research and Test Centre`, `Bank of Sri Lanka Ltd`, `New School
/// for Social Research`, `Research In Motion Ltd`), where the tagger took the
/// name, and for a lone word.
pub(super) fn company_chunk(
    words: &[Word],
    head: usize,
    mentions: &[Mention],
) -> Option<(usize, usize)> {
    let word = &words[head];
    let capitalised = |at: usize| {
        words
            .get(at)
            .is_some_and(|w| w.bare.starts_with(char::is_uppercase))
    };
    let connector = |at: usize| {
        words
            .get(at)
            .is_some_and(|w| in_list(NAME_CONNECTORS, w.bare))
    };
    let article = |at: usize| words.get(at).is_some_and(|w| w.bare == "the");
    let after_connector = |at: usize| capitalised(at) || (article(at) && capitalised(at + 1));
    let goes_on = !word.punctuated()
        && (capitalised(head + 1) || (connector(head + 1) && after_connector(head + 2)));
    if goes_on || word.possessive {
        return None;
    }
    let mut first = head;
    while first > 0 && head - first < MAX_WORDS_BEFORE_COMPANY_WORD {
        let before = &words[first - 1];
        let describes = before
            .bare
            .split('-')
            .skip(1)
            .any(|part| part.starts_with(char::is_lowercase));
        let joins = !before.punctuated()
            && !before.possessive
            && !describes
            && !before.sentence_start
            && name_word(before.bare);
        if !joins {
            break;
        }
        first -= 1;
    }
    // `Research In Motion Ltd.`: a capitalised word the walk stopped at
    // (not a sentence's first) says the name is longer than what was found.
    let stopped_in_name = first >= 1
        && capitalised(first - 1)
        && !words[first - 1].punctuated()
        && !words[first - 1].sentence_start;
    let opens_longer_name = stopped_in_name
        || (first >= 2
            && connector(first - 1)
            && !words[first - 2].punctuated()
            && capitalised(first - 2));
    if first == head || opens_longer_name {
        return None;
    }
    let (start, end) = (words[first].start, word.start + word.bare.len());
    let mut around = overlapping(mentions, (start, end)).map(|at| &mentions[at]);
    // `Zacks` (a person) or `Russian` (a nationality) may be taken alone;
    // `Malaysia` opens no company's name.
    let first_end = words[first].start + words[first].bare.len();
    let untaken = around
        .all(|mention| mention.start == start && mention.end <= first_end && mention.kind != PLACE);
    untaken.then_some((start, end))
}
