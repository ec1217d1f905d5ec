//! Attribution shapes that put the speaker away from the quotation's edges:
//! a report of someone else's words (`Tass quoted Belousov as saying “…”`,
//! where the speaker is the object, not the subject) and a quoted fragment
//! inside a sentence that its attribution closes (`“…” of a trial, said
//! Foley.`), and a subject after a fronted clause (`As …, Markarova said`).

use std::ops::Range;

use super::attribution::{Attributor, Found};
use super::lexicon::{
    is_inverting_speech_verb, is_speech_verb, is_subject_pronoun, is_subordinator,
};

/// Most tokens between `quoted` and `as saying` (`quoted Igor Belousov, a deputy premier, as saying`).
const MAX_QUOTED_OBJECT_TOKENS: usize = 14;

/// Most tokens of the clause closing a sentence (`, said Sen. Thomas Foley of Washington.`).
const MAX_CLOSING_CLAUSE_TOKENS: usize = 12;

impl Attributor<'_> {
    /// `quoted X as saying`, `quoting him as saying` anywhere in `window`: the
    /// quoted person speaks, not the one who quotes them. A description
    /// (`quoted a senior official as saying`) is an unnamed speaker.
    pub fn quoted_as_saying(&self, window: Range<usize>) -> Option<Found> {
        let words = &self.words;
        let verb = window
            .clone()
            .find(|&i| words.word(i).is_some_and(is_quoting_verb))?;
        let object = verb + 1;
        let search_end = window.end.min(object + MAX_QUOTED_OBJECT_TOKENS);
        let as_saying = (object + 1..search_end).find(|&i| {
            words.word(i) == Some("as")
                && words
                    .word(i + 1)
                    .is_some_and(|w| w.ends_with("ing") && is_speech_verb(w))
        })?;
        if words
            .word(object)
            .is_some_and(|w| matches!(w, "him" | "her"))
        {
            return Some(Found::Pronoun(object));
        }
        let named = words
            .run_starting_at(object, as_saying)
            .and_then(|run| words.strip_titles(run));
        Some(named.map_or(Found::Unnamed, Found::Name))
    }

    /// `“…” of a trial, said Foley.`: a quotation that leaves its sentence
    /// open, attributed by the clause after the sentence's last words
    /// (`, said X`, `, X said`, `, he said`) in the `window` after it.
    pub fn closing_clause(&self, window: Range<usize>) -> Option<Found> {
        let words = &self.words;
        let clause_floor = window.end.saturating_sub(MAX_CLOSING_CLAUSE_TOKENS);
        let comma = (window.start.max(clause_floor)..window.end)
            .find(|&i| words.tokens[i].is_punct(','))?;
        let start = comma + 1;
        let first = words.word(start)?;
        if first.starts_with(char::is_lowercase) && is_inverting_speech_verb(first) {
            let found = self.name_after(start + 1, window.end)?;
            return matches!(found, Found::Name(_) | Found::Pronoun(_)).then_some(found);
        }
        let verb = (start + 1..window.end).find(|&i| {
            words
                .word(i)
                .is_some_and(|w| w.starts_with(char::is_lowercase) && is_speech_verb(w))
        })?;
        // The clause is `X said` and its circumstances (`, Smith said on
        // Sunday.`): `, X said the report showed` is a new statement.
        let says_no_more = window.end - verb <= 4
            && !(verb + 1..window.end).any(|i| {
                words.word(i).is_some_and(|w| {
                    matches!(w, "that" | "the")
                        || is_subject_pronoun(w)
                        || is_speech_verb(w)
                        || w.ends_with("ed")
                })
            });
        if !says_no_more {
            return None;
        }
        let (found, subject_start) = self.name_before(verb, start)?;
        let named = matches!(found, Found::Name(_) | Found::Pronoun(_));
        (named && subject_start == start).then_some(found)
    }
}

/// The verbs that report another's words with the speaker as their object
/// (`quoted X as saying`, `cited X as stating`).
fn is_quoting_verb(word: &str) -> bool {
    matches!(
        word,
        "quoted" | "quotes" | "quoting" | "cited" | "cites" | "citing"
    )
}

/// `put` of `as X put it`: an attribution.
fn is_put(word: &str) -> bool {
    matches!(word, "put" | "puts")
}

impl Attributor<'_> {
    /// The subject of a sentence from `start` to `end` that opens with a
    /// fronted clause (`As the aggression entered its 67th day, Ambassador
    /// Oksana Markarova appeared …`): a name or person of the main clause
    /// after the clause's comma, not the clause's own. Nothing when the
    /// clause attributes (`As Ruth Marcus puts it, …`, `When Maddow pointed
    /// out that …`) or holds the quotation itself.
    pub fn fronted_clause_subject(&self, start: usize, end: usize) -> Option<Found> {
        let words = &self.words;
        if !words.word(start).is_some_and(is_subordinator) {
            return None;
        }
        let comma = (start + 1..end).find(|&i| words.tokens[i].is_punct(','))?;
        let attributes = (start + 1..comma).any(|i| {
            words
                .word(i)
                .is_some_and(|w| is_speech_verb(w) || is_put(w) || w == "out")
        });
        if attributes {
            return None;
        }
        // In `Before the war, we used to say “…”` the clause is quoted speech.
        self.sentence_subject(comma + 1..end)
            .filter(|found| match found {
                Found::Name(_) => true,
                Found::Pronoun(token) => words
                    .word(*token)
                    .is_some_and(|w| w.eq_ignore_ascii_case("he") || w.eq_ignore_ascii_case("she")),
                _ => false,
            })
    }
}
