//! The words of one line of an article, and whether the line is a headline
//! (every word capitalised, where a capital says nothing): what the passes
//! that read names off the text itself (`org_chunks`, `given_names`,
//! `known_mentions`) look at.

use crate::extract::words::strip_possessive;

/// One word of a line: its byte span, the span without trailing punctuation,
/// and whether it opens a sentence.
pub(super) struct Word<'a> {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) bare: &'a str,
    /// `NASA’s`: a name ends there, and the next begins after it.
    pub(super) possessive: bool,
    pub(super) sentence_start: bool,
}

impl Word<'_> {
    /// Whether punctuation follows the word (`Council,`), which ends a name.
    pub(super) fn punctuated(&self) -> bool {
        self.start + self.bare.len() != self.end
    }
}

/// Whether a line is a headline (every word capitalised), where a capital says nothing.
pub(super) fn headline(line: &str) -> bool {
    let (mut words, mut capitalised) = (0usize, 0usize);
    for word in line.split_whitespace() {
        if word.chars().any(char::is_alphabetic) {
            words += 1;
            capitalised += usize::from(word.starts_with(char::is_uppercase));
        }
    }
    let shouting = !line.chars().any(char::is_lowercase);
    shouting || (words >= 4 && capitalised * 10 >= words * 8)
}

/// Whether the line holding `start..end` of `text` is a [`headline`].
pub(super) fn in_headline(text: &str, start: usize, end: usize) -> bool {
    let line_start = text
        .get(..start)
        .and_then(|before| before.rfind('\n'))
        .map_or(0, |at| at + 1);
    let line_end = text
        .get(end..)
        .and_then(|after| after.find('\n'))
        .map_or(text.len(), |at| end + at);
    text.get(line_start..line_end).is_some_and(headline)
}

/// Whether `test` holds for some word of `line` (split at spaces), given the
/// word's start in the text (the line starts at byte `line_start`): a cheap
/// look at a line before its [`words_of`] are taken.
pub(super) fn any_word(
    line: &str,
    line_start: usize,
    mut test: impl FnMut(usize, &str) -> bool,
) -> bool {
    let mut position = line_start;
    line.split(' ').any(|word| {
        let start = position;
        position += word.len() + 1;
        test(start, word)
    })
}

/// The words of the line starting at byte `offset`.
pub(super) fn words_of(line: &str, offset: usize) -> Vec<Word<'_>> {
    let mut words: Vec<Word> = Vec::new();
    let mut ends_sentence = true;
    let mut position = 0;
    for piece in line.split_inclusive(char::is_whitespace) {
        let word = piece.trim_end();
        let start = position;
        position += piece.len();
        if word.is_empty() {
            continue;
        }
        let unpunctuated = word.trim_end_matches(|c: char| !c.is_alphanumeric() && c != '.');
        // `U.S.` keeps its dots; a sentence's full stop goes.
        let abbreviation = unpunctuated.matches('.').count() >= 2;
        let bare = match abbreviation {
            true => unpunctuated,
            false => unpunctuated.trim_end_matches('.'),
        };
        let stem = strip_possessive(bare);
        words.push(Word {
            start: offset + start,
            end: offset + start + word.len(),
            bare: stem,
            possessive: stem.len() != bare.len(),
            sentence_start: ends_sentence,
        });
        let closing = word.trim_end_matches(['”', '"', '’', '\'', ')']);
        ends_sentence = !abbreviation && closing.ends_with(['.', '!', '?', ':']);
    }
    words
}
