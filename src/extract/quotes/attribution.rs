//! Who said a quotation, read from the words right around it.
//!
//! News prose attributes quotations in a handful of shapes: `“…,” she said`,
//! `“…,” said X, the agency’s director`, `X said: “…”`, `according to X`,
//! `X called it “…”`. Each shape is checked on a bounded window of tokens
//! (the rest of the sentence after the closing mark, the start of the
//! sentence before the opening mark), so the cost per quotation is constant.

use std::ops::Range;

use super::lexicon::{
    is_determiner, is_inverting_speech_verb, is_phrase_boundary, is_speech_verb,
    is_subject_pronoun, is_verb_filler,
};
use super::names::Words;
use super::tokens::TokenKind;

/// Most tokens read on either side of a quotation.
const WINDOW_TOKENS: usize = 40;
/// Most tokens between the closing mark and the verb in `“…,” NAME said`.
const MAX_SUBJECT_TOKENS: usize = 12;
/// Most tokens in an apposition (`X, the agency’s director, said`).
const MAX_APPOSITION_TOKENS: usize = 15;
/// Most lowercase words of a description before a verb (`Trump’s campaign said`).
const MAX_DESCRIPTION_WORDS: usize = 3;

/// What the words around a quotation say about its speaker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Found {
    /// A name, as the tokens of the name run (titles already stripped).
    Name(Range<usize>),
    /// A pronoun to resolve, as its token index.
    Pronoun(usize),
    /// A speaker exists but is not named ("the statement said", "officials said").
    Unnamed,
}

/// The attribution patterns, over one article's tokens.
pub struct Attributor<'a> {
    pub words: Words<'a>,
}

impl Attributor<'_> {
    /// Whether the token ends a sentence (a period that is not an abbreviation, `!`, `?`).
    pub fn ends_sentence(&self, index: usize) -> bool {
        let tokens = self.words.tokens;
        match tokens[index].kind {
            TokenKind::Break => true,
            TokenKind::Punct('!' | '?') => true,
            TokenKind::Punct('.') => {
                let next_is_lowercase = self
                    .words
                    .word(index + 1)
                    .is_some_and(|w| w.chars().next().is_some_and(char::is_lowercase));
                !self.words.is_abbreviation_period(index) && !next_is_lowercase
            }
            _ => false,
        }
    }

    /// The speaker named after a quotation: `“…,” she said`, `“…,” said X`, `“…,” X, the director, said`.
    ///
    /// `window` runs from just after the closing mark to the sentence end or the next quotation.
    pub fn after_quote(&self, window: Range<usize>) -> Option<Found> {
        let mut start = window.start;
        while start < window.end
            && matches!(
                self.words.tokens[start].kind,
                TokenKind::Punct(',' | '—' | '–' | '-')
            )
        {
            start += 1;
        }
        if start >= window.end {
            return None;
        }
        let first = self.words.word(start)?;
        if is_inverting_speech_verb(first) {
            return self.name_after(start + 1, window.end);
        }
        if first.eq_ignore_ascii_case("according") && self.words.word(start + 1) == Some("to") {
            return self.name_after(start + 2, window.end);
        }
        let verb_search_end = window.end.min(start + MAX_SUBJECT_TOKENS);
        let verb = (start + 1..verb_search_end)
            .find(|&i| self.words.word(i).is_some_and(is_speech_verb))?;
        let (found, subject_start) = self.name_before(verb, start)?;
        // The subject must open the window: `“…,” NAME said`, not `“…” Then NAME said`.
        (subject_start == start).then_some(found)
    }

    /// The speaker named before a quotation in the same sentence: `X said: “…”`,
    /// `According to X, “…”`, `X called it “…”`.
    ///
    /// `window` runs from the sentence start (or the previous quotation) to the opening mark.
    pub fn before_quote(&self, window: Range<usize>) -> Option<Found> {
        for index in window.clone().rev() {
            let Some(word) = self.words.word(index) else {
                continue;
            };
            if word.eq_ignore_ascii_case("according") && self.words.word(index + 1) == Some("to") {
                if let Some(found) = self.name_after(index + 2, window.end) {
                    return Some(found);
                }
                continue;
            }
            if !is_speech_verb(word) {
                continue;
            }
            if let Some((found, _)) = self.name_before(index, window.start) {
                return Some(found);
            }
            // "Said Smith: “…”" puts the speaker after the verb.
            if index == window.start {
                if let Some(found) = self.name_after(index + 1, window.end) {
                    return Some(found);
                }
            }
        }
        None
    }

    /// Weaker evidence before a quotation: `Smith: “…”` or a sentence whose subject opens it
    /// (`Smith spoke on Tuesday, warning “…”`).
    pub fn sentence_subject(&self, window: Range<usize>) -> Option<Found> {
        if window.is_empty() {
            return None;
        }
        let last = window.end - 1;
        if self.words.tokens[last].is_punct(':') && last > window.start {
            if let Some(run) = self.words.run_ending_at(last - 1, window.start) {
                if run.start == window.start {
                    return self.words.strip_titles(run).map(Found::Name);
                }
            }
        }
        let mut start = window.start;
        while start < window.end && !self.words.tokens[start].is_word() {
            start += 1;
        }
        let first = self.words.word(start)?;
        let verb_follows = |after: usize| {
            self.words.word(after).is_some_and(|w| {
                w.chars().next().is_some_and(char::is_lowercase)
                    && !is_phrase_boundary(w)
                    && !is_determiner(w)
            })
        };
        if is_subject_pronoun(first) && first != "it" && first != "It" {
            return verb_follows(start + 1).then_some(Found::Pronoun(start));
        }
        let run = self.words.run_starting_at(start, window.end)?;
        if !verb_follows(run.end) {
            return None;
        }
        self.words.strip_titles(run).map(Found::Name)
    }

    /// The subject right before a speech verb at `verb`, not reaching below `lower`,
    /// with the token where that subject starts.
    pub fn name_before(&self, verb: usize, lower: usize) -> Option<(Found, usize)> {
        let words = &self.words;
        let mut end = verb;
        while end > lower && words.word(end - 1).is_some_and(is_verb_filler) {
            end -= 1;
        }
        if end == lower {
            return None;
        }
        let last = end - 1;
        if words.tokens[last].is_punct(',') {
            return self.apposition_before(last, lower);
        }
        let word = words.word(last)?;
        if is_subject_pronoun(word) {
            return Some((Found::Pronoun(last), last));
        }
        if let Some(run) = words.run_ending_at(last, lower) {
            let start = self.description_start(run.start, lower);
            return Some((
                words.strip_titles(run).map_or(Found::Unnamed, Found::Name),
                start,
            ));
        }
        if !word.chars().next().is_some_and(char::is_lowercase) || is_phrase_boundary(word) {
            return None;
        }
        // A description: "the senator said", "officials said", "Trump’s campaign said".
        let mut index = last;
        for _ in 0..MAX_DESCRIPTION_WORDS {
            if index == lower {
                return Some((Found::Unnamed, index));
            }
            let previous = index - 1;
            if let Some(run) = words.run_ending_at(previous, lower) {
                let start = self.description_start(run.start, lower);
                return Some((
                    words.strip_titles(run).map_or(Found::Unnamed, Found::Name),
                    start,
                ));
            }
            match words.word(previous) {
                Some(w) if is_determiner(w) => return Some((Found::Unnamed, previous)),
                Some(w)
                    if w.chars().next().is_some_and(char::is_lowercase)
                        && !is_phrase_boundary(w) =>
                {
                    index = previous;
                }
                _ => return Some((Found::Unnamed, index)),
            }
        }
        Some((Found::Unnamed, index))
    }

    /// Extends a subject back over a determiner ("the Clinton campaign") so the
    /// after-quote check sees where the subject really starts.
    fn description_start(&self, start: usize, lower: usize) -> usize {
        let has_determiner = start > lower && self.words.word(start - 1).is_some_and(is_determiner);
        if has_determiner {
            start - 1
        } else {
            start
        }
    }

    /// `X, the agency’s director, said`: the name before the apposition, or the one inside it.
    fn apposition_before(&self, comma: usize, lower: usize) -> Option<(Found, usize)> {
        let words = &self.words;
        let floor = comma.saturating_sub(MAX_APPOSITION_TOKENS).max(lower);
        let opening = (floor..comma)
            .rev()
            .find(|&i| words.tokens[i].is_punct(','))?;
        if opening > lower {
            if let Some(run) = words.run_ending_at(opening - 1, lower) {
                if let Some(name) = words.strip_titles(run.clone()) {
                    return Some((Found::Name(name), self.description_start(run.start, lower)));
                }
            }
            if words.word(opening - 1).is_some_and(is_subject_pronoun) {
                return Some((Found::Pronoun(opening - 1), opening - 1));
            }
        }
        // "The agency’s director, John Smith, said"
        let inside = words.run_ending_at(comma - 1, opening + 1)?;
        let name = words.strip_titles(inside)?;
        Some((Found::Name(name), opening.saturating_sub(1).max(lower)))
    }

    /// The speaker named after an inverted verb: `said X`, `said Sen. X`,
    /// `said Clinton spokesman Brian Fallon`, `said the agency’s director, John Smith`.
    pub fn name_after(&self, start: usize, upper: usize) -> Option<Found> {
        let words = &self.words;
        if start >= upper {
            return None;
        }
        let first = words.word(start)?;
        if is_subject_pronoun(first) {
            return Some(Found::Pronoun(start));
        }
        let limit = upper.min(start + WINDOW_TOKENS / 4);
        let mut index = start;
        let mut last_run: Option<Range<usize>> = None;
        while index < limit {
            if let Some(run) = words.run_starting_at(index, limit) {
                index = run.end;
                last_run = Some(run);
                continue;
            }
            let Some(word) = words.word(index) else {
                break;
            };
            // "said Smith of the FBI": the name is found, the rest describes it.
            let describes_found_name = last_run.is_some() && matches!(word, "of" | "for");
            if is_phrase_boundary(word) || is_speech_verb(word) || describes_found_name {
                break;
            }
            index += 1;
        }
        let stops_at_comma = words.tokens.get(index).is_some_and(|t| t.is_punct(','));
        if let Some(run) = last_run {
            return Some(words.strip_titles(run).map_or(Found::Unnamed, Found::Name));
        }
        // "said the agency’s director, John Smith"
        if stops_at_comma {
            if let Some(run) = words.run_starting_at(index + 1, upper) {
                let followed_by_end = words.tokens.get(run.end).is_none_or(|t| !t.is_word());
                if followed_by_end {
                    return Some(words.strip_titles(run).map_or(Found::Unnamed, Found::Name));
                }
            }
        }
        Some(Found::Unnamed)
    }
}
