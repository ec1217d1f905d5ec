//! Names of the known-names list (`lexicon`) that the tagger left untagged:
//! `posted on Twitter Tuesday`, `In a Tumblr post`, `WASHINGTON (AP) —`. The
//! list holds names whose kind general knowledge settles, and the tagger,
//! trained on 1996 news, has never seen most of them; a capitalised match in
//! running text is that name.
//!
//! A match is taken only where nothing suggests a longer name: no capitalised
//! word right before or after it (`Boston Globe`), no hyphen (`Twitter-like`),
//! not a sentence's first word alone, not in a headline.

use super::lexicon::{known_kind, opens_known_name};
use super::lines::{any_word, headline, words_of, Word};
use super::org_chunks::name_word;
use super::tagger::Mention;
use crate::extract::words::strip_possessive;

/// Kind indices of the model (see [`Mention::kind`]).
const ORGANIZATION: usize = 1;
const PLACE: usize = 2;

/// The longest name of the list, in words.
const LONGEST: usize = 4;

/// Adds a mention for each untagged name of the list in `text`.
pub(super) fn add_known_names(text: &str, mentions: &mut Vec<Mention>) {
    let mut found = Vec::new();
    let mut offset = 0;
    let mut covered: Vec<(usize, usize)> = mentions.iter().map(|m| (m.start, m.end)).collect();
    covered.sort_unstable();
    let tagged = |at: usize| {
        let after = covered.partition_point(|(start, _)| *start <= at);
        after > 0 && at < covered[after - 1].1
    };
    for line in text.split_inclusive('\n') {
        // Most lines hold no untagged capitalised word that opens a name of the
        // list and goes on as one (`The` opens `The Hague`): a cheap test first.
        let line_start = offset;
        offset += line.len();
        let candidate = any_word(line, line_start, |start, word| {
            let opens = word.starts_with(char::is_uppercase)
                && !tagged(start)
                && opens_known_name(word.trim());
            opens && names_known_name(&text[start..line_start + line.len()])
        });
        if candidate && !headline(line) {
            known_names_of_line(text, &words_of(line, line_start), mentions, &mut found);
        }
    }
    if found.is_empty() {
        return;
    }
    mentions.extend(found);
    mentions.sort_by_key(|mention| (mention.start, mention.end));
}

/// Whether `rest` (a line from a capitalised word on) opens with a whole
/// name of the list of up to [`LONGEST`] words, punctuation aside.
fn names_known_name(rest: &str) -> bool {
    let mut end = 0;
    rest.split(' ').take(LONGEST).any(|word| {
        end += word.len();
        let name = rest[..end].trim_end_matches(|c: char| !c.is_alphanumeric() && c != '.');
        let found = known_kind(strip_possessive(name)).is_some()
            || known_kind(name.trim_end_matches('.')).is_some();
        end += 1;
        found
    })
}

/// Whether `word` could continue a name beside a match (`Globe`, `New`).
fn name_beside(word: Option<&Word>) -> bool {
    word.is_some_and(|word| !word.bare.is_empty() && name_word(word.bare))
}

/// The untagged names of the list among `words` (one line), pushed on `found`.
fn known_names_of_line(text: &str, words: &[Word], mentions: &[Mention], found: &mut Vec<Mention>) {
    let tagged = |start: usize, end: usize| mentions.iter().any(|m| m.start < end && start < m.end);
    let mut first = 0;
    while first < words.len() {
        // Most words are lowercase, or open no name of the list: skip them cheaply.
        let opening = words[first].bare;
        if !opening.starts_with(char::is_uppercase) || !opens_known_name(opening) {
            first += 1;
            continue;
        }
        let longest = (first + LONGEST).min(words.len());
        let matched = (first + 1..=longest).rev().find_map(|last| {
            let (start, end) = (
                words[first].start,
                words[last - 1].start + words[last - 1].bare.len(),
            );
            let surface = text.get(start..end)?;
            let inner_punctuation = words[first..last - 1].iter().any(|word| word.punctuated());
            let kind = known_kind(surface).filter(|kind| matches!(*kind, ORGANIZATION | PLACE))?;
            (!inner_punctuation).then_some((last, start, end, kind))
        });
        let Some((last, start, end, kind)) = matched else {
            first += 1;
            continue;
        };
        let opening = &words[first];
        let alone_at_start = opening.sentence_start && last == first + 1;
        let capitalised = opening.bare.starts_with(char::is_uppercase);
        let before = first.checked_sub(1).and_then(|at| words.get(at));
        let joined_before = name_beside(before) && !before.is_some_and(|word| word.punctuated());
        let joined_after = !words[last - 1].punctuated() && name_beside(words.get(last));
        if capitalised && !alone_at_start && !joined_before && !joined_after && !tagged(start, end)
        {
            found.push(Mention::new(start, end, kind));
        }
        first = last;
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::names_and_kinds as names;

    #[test]
    fn a_known_name_the_tagger_missed_is_found() {
        let text = "She wrote in a letter posted on Twitter Tuesday, saying she did not think so.";
        assert_eq!(
            names(text),
            [("Twitter".to_string(), "organization".to_string())]
        );
        let text = "WASHINGTON (AP) — New uncertainty hangs over the talks on Monday.";
        assert!(
            names(text).contains(&("AP".into(), "organization".into())),
            "{:?}",
            names(text)
        );
    }

    #[test]
    fn a_known_name_inside_a_longer_one_or_a_word_is_not_taken() {
        let text =
            "the public was told on a Twitter-like site, and the Boston Globe Magazine said so.";
        let found = names(text);
        assert!(
            found
                .iter()
                .all(|(name, _)| name != "Twitter" && name != "Boston"),
            "{found:?}"
        );
    }
}
