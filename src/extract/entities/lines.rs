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
/// One pass over the characters: every line of every article is looked at.
pub(super) fn headline(line: &str) -> bool {
    let (mut words, mut capitalised) = (0usize, 0usize);
    let mut any_lowercase = false;
    // The current word: whether it started, with a capital, and has a letter.
    let (mut in_word, mut starts_upper, mut has_letter) = (false, false, false);
    for c in line.chars() {
        if c.is_whitespace() {
            if in_word && has_letter {
                words += 1;
                capitalised += usize::from(starts_upper);
            }
            in_word = false;
            continue;
        }
        any_lowercase |= c.is_lowercase();
        if !in_word {
            (in_word, starts_upper, has_letter) = (true, c.is_uppercase(), false);
        }
        has_letter |= c.is_alphabetic();
    }
    if in_word && has_letter {
        words += 1;
        capitalised += usize::from(starts_upper);
    }
    !any_lowercase || (words >= 4 && capitalised * 10 >= words * 8)
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
    // A byte scan for the spaces: `split(' ')` searches for each one anew.
    let mut word_start = 0;
    for (at, byte) in line.bytes().enumerate() {
        if byte != b' ' {
            continue;
        }
        if test(line_start + word_start, &line[word_start..at]) {
            return true;
        }
        word_start = at + 1;
    }
    test(line_start + word_start, &line[word_start..])
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
        let abbreviation = unpunctuated.bytes().filter(|byte| *byte == b'.').count() >= 2;
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The plain reading of [`headline`]: words by `split_whitespace`.
    fn headline_by_words(line: &str) -> bool {
        let words: Vec<&str> = line
            .split_whitespace()
            .filter(|word| word.chars().any(char::is_alphabetic))
            .collect();
        let capitalised = words
            .iter()
            .filter(|word| word.starts_with(char::is_uppercase))
            .count();
        let shouting = !line.chars().any(char::is_lowercase);
        shouting || (words.len() >= 4 && capitalised * 10 >= words.len() * 8)
    }

    #[test]
    fn headlines_are_read_in_one_pass_as_word_by_word() {
        let lines = [
            "Weak China Export Data Hit Stocks",
            "Shares fell in Asia on Monday.",
            "TANDEM SETS PRICE CUTS\n",
            "Putin Says 2022 — \u{a0}Talks Are Over ",
            "  ",
            "",
            "Über Élan \"Quoted\" 12 3 and more",
            "a B C D E",
        ];
        for line in lines {
            assert_eq!(headline(line), headline_by_words(line), "{line:?}");
        }
    }

    #[test]
    fn any_word_sees_every_piece_between_spaces_at_its_offset() {
        let line = "Tandem  Computers said\n";
        let mut seen = Vec::new();
        let found = any_word(line, 10, |start, word| {
            seen.push((start, word.to_string()));
            false
        });
        assert!(!found);
        let expected: Vec<(usize, String)> =
            [(10, "Tandem"), (17, ""), (18, "Computers"), (28, "said\n")]
                .iter()
                .map(|(start, word)| (*start, word.to_string()))
                .collect();
        assert_eq!(seen, expected);
        assert!(any_word(line, 0, |start, word| start == 8 && word == "Computers"));
    }
}
