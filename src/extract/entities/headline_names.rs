//! Names an article's Title Case headline runs into the words after them (`Reagan Leaves
//! Office`, `Michelle Obama Says …`): in a headline the capital of a verb or a
//! noun says nothing, and the tagger, trained on running text, may take it for
//! more of the name. Where the article never writes the whole mention outside
//! the headline but does write its first words, and the words left over are
//! common words of news, the mention ends where the article's own name does.

use std::ops::Range;

use super::common_words::is_common;
use super::features::TokenInfo;
use super::lines::headline;
use super::tagger::Mention;

/// Trims each headline mention that runs past a name the article writes
/// elsewhere into common words (see the module comment).
pub(super) fn trim_headline_names(text: &str, mentions: &mut [Mention]) {
    // The title alone: other lines written like headlines are mostly lists of
    // names (`Loren Roberts, Fred Funk, Sven Struver`) and signatures. A
    // headline in capitals has no common words to tell apart (`PAN AM`).
    let title = title_line(text);
    let title_text = &text[title.clone()];
    if !headline(title_text) || !title_text.contains(char::is_lowercase) {
        return;
    }
    let mut lowered: Option<String> = None;
    let mut scratch = Vec::new();
    for mention in mentions.iter_mut() {
        let in_title = title.start <= mention.start && mention.end <= title.end;
        if !in_title {
            continue;
        }
        let Some(surface) = text.get(mention.start..mention.end) else {
            continue;
        };
        if !surface.contains(' ') {
            continue;
        }
        // The whole mention as written (`Reagan leaves office` in the text
        // is no `Reagan Leaves`); its first words in any case (`Bank of England`).
        if written_outside(text, surface, &title, text) {
            continue;
        }
        let lowered = lowered.get_or_insert_with(|| text.to_ascii_lowercase());
        let written_elsewhere = |length: usize| {
            let needle = &lowered[mention.start..mention.start + length];
            written_outside(lowered, needle, &title, text)
        };
        // The byte length of each run of the mention's first words.
        let word_ends: Vec<usize> = surface.match_indices(' ').map(|(at, _)| at).collect();
        for &end in word_ends.iter().rev() {
            let rest = &surface[end + 1..];
            let rest_common = rest
                .split(' ')
                .all(|word| is_common(TokenInfo::new(word, false, &mut scratch).lower));
            if !rest_common {
                break;
            }
            if written_elsewhere(end) {
                mention.end = mention.start + end;
                break;
            }
        }
    }
}

/// The byte range of the first line of `text` that holds more than blanks.
fn title_line(text: &str) -> Range<usize> {
    let first_letter = text.len() - text.trim_start().len();
    let start = text[..first_letter].rfind('\n').map_or(0, |at| at + 1);
    let end = text[start..].find('\n').map_or(text.len(), |at| start + at);
    start..end
}

/// Whether `needle` occurs in `text` (the article or its ASCII lowercase
/// copy) as whole words outside `line`, capitalised as a name in `original`
/// (`most valuable player` is no `Most Valuable`).
fn written_outside(text: &str, needle: &str, line: &Range<usize>, original: &str) -> bool {
    text.match_indices(needle).any(|(at, _)| {
        let outside = at + needle.len() <= line.start || at >= line.end;
        let capitalised = original[at..].starts_with(char::is_uppercase);
        let before = text[..at].chars().next_back();
        let after = text[at + needle.len()..].chars().next();
        let bounded =
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric);
        outside && bounded && capitalised
    })
}

#[cfg(test)]
mod tests {
    use super::super::tests::mentions_of;
    use super::*;

    fn trimmed(text: &str, names: &[&str]) -> Vec<String> {
        let mut mentions = mentions_of(text, names, 0);
        trim_headline_names(text, &mut mentions);
        mentions
            .iter()
            .map(|mention| text[mention.start..mention.end].to_string())
            .collect()
    }

    /// Regression (an AP89 hand check): the headline `Reagan Leaves Office
    /// With …` gave the person `Reagan Leaves`.
    #[test]
    fn a_headline_name_run_into_a_common_word_ends_where_the_article_name_does() {
        let text = "Reagan Leaves Office With High Marks From Historians\n\n\
                    Ronald Reagan leaves office on Friday. Reagan said so.";
        assert_eq!(trimmed(text, &["Reagan Leaves"]), ["Reagan"]);
        let text = "Bank Of England Raises Rates Again Today\n\nThe Bank of England acted.";
        assert_eq!(
            trimmed(text, &["Bank Of England Raises"]),
            ["Bank Of England"]
        );
    }

    #[test]
    fn names_the_article_writes_whole_or_that_end_in_no_common_word_stay() {
        // Written whole in the body.
        let text = "Tom Hanks Says Goodbye To Everyone Today\n\nTom Hanks Says is a show.";
        assert_eq!(trimmed(text, &["Tom Hanks Says"]), ["Tom Hanks Says"]);
        // Not in a headline.
        let text = "Then Reagan Leaves went home.\n\nReagan said so.";
        assert_eq!(trimmed(text, &["Reagan Leaves"]), ["Reagan Leaves"]);
        // Shouted: nothing tells a common word from a name.
        let text = "PAN AM FLIGHT LANDS SAFELY\n\nPan Am said the PAN flag flew.";
        assert_eq!(trimmed(text, &["PAN AM"]), ["PAN AM"]);
        // The first words written only in lowercase elsewhere name nothing.
        let text = "Rodriguez Named Most Valuable Player Of The Year\n\nHe was the most valuable.";
        assert_eq!(
            trimmed(text, &["Most Valuable Player"]),
            ["Most Valuable Player"]
        );
        // Not the title: a list of names written like a headline.
        let text = "Golf Scores\n\n72 Clarence Rose, Loren Roberts, Fred Funk, Sven Struver\n\
                    69 Mark O'Meara, Fred Couples";
        assert_eq!(trimmed(text, &["Fred Funk"]), ["Fred Funk"]);
        // The rest is a name, not a common word.
        let text = "Vladimir Putin Meets Xi In Moscow Today\n\nPutin spoke.";
        assert_eq!(trimmed(text, &["Vladimir Putin"]), ["Vladimir Putin"]);
    }
}
