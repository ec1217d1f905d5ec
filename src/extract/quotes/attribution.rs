//! Who said a quotation, read from the words right around it.
//!
//! News prose attributes quotations in a handful of shapes: `“…,” she said`,
//! `“…,” said X, the agency’s director`, `X said: “…”`, `according to X`,
//! `X called it “…”`. Each shape is checked on a bounded window of tokens
//! (the rest of the sentence after the closing mark, the start of the
//! sentence before the opening mark), so the cost per quotation is constant.

use std::ops::Range;

use super::adverbials::adverbial_end;
use super::lexicon::{
    is_determiner, is_inverting_speech_verb, is_phrase_boundary, is_speech_verb,
    is_subject_pronoun, is_verb_filler,
};
use super::names::Words;
use super::tokens::TokenKind;

/// Most tokens of a party or state tag in parentheses after a name (`(D-N.Y.)`).
const MAX_PARENTHETICAL_TOKENS: usize = 8;

/// Most tokens between the closing mark and the verb in `“…,” NAME said`.
const MAX_SUBJECT_TOKENS: usize = 12;

/// Whether a lowercase word looks like a finite verb: a regular past or third
/// person form, or a common irregular past.
fn looks_finite(word: &str) -> bool {
    let regular =
        (word.ends_with("ed") || (word.ends_with('s') && !word.ends_with("ss"))) && word.len() > 3;
    regular
        || matches!(
            word,
            "went"
                | "made"
                | "took"
                | "gave"
                | "came"
                | "got"
                | "put"
                | "kept"
                | "left"
                | "ran"
                | "saw"
                | "thought"
                | "felt"
                | "knew"
                | "became"
                | "began"
                | "brought"
                | "sent"
                | "spent"
                | "stood"
                | "struck"
                | "wrote"
                | "spoke"
                | "met"
                | "held"
                | "heard"
                | "paid"
                | "led"
                | "won"
                | "lost"
                | "told"
                | "said"
                | "sought"
                | "fought"
                | "built"
                | "meant"
                | "found"
                | "threw"
                | "drew"
                | "shot"
                | "hit"
                | "let"
                | "set"
                | "cut"
                | "can"
                | "could"
                | "should"
                | "may"
                | "might"
                | "must"
                | "are"
        )
}

/// Nouns for what someone holds or says, after a possessive subject.
fn is_stance_noun(word: &str) -> bool {
    matches!(
        word,
        "position"
            | "view"
            | "stance"
            | "argument"
            | "message"
            | "response"
            | "line"
            | "assessment"
            | "verdict"
            | "answer"
            | "reply"
            | "warning"
            | "claim"
    )
}

/// What the words around a quotation say about its speaker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Found {
    /// A name, as the tokens of the name run (titles already stripped).
    Name(Range<usize>),
    /// A pronoun to resolve, as its token index.
    Pronoun(usize),
    /// A definite description by role (`the actor`, `the Naftogaz CEO`, `the
    /// ministry`), as the token index of the role noun.
    Role(usize),
    /// A definite description of a person's role qualified by a name or a
    /// people (`the Belarusian leader`, `the TWA spokesman`), as the role
    /// noun and the qualifying run: the holder named before, else the body
    /// that speaks through them (`TWA`), never a place or a people.
    Described {
        role: usize,
        qualifier: Range<usize>,
    },
    /// A person's role after a possessor (`Ukraine’s ambassador`, `Obama's
    /// former campaign strategist`), as the role noun and the possessor's
    /// run: the holder named before, never the possessor.
    Epithet {
        role: usize,
        possessor: Range<usize>,
    },
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
                // "R-Ky., said" and "p.m. on Friday" go on; a new sentence starts
                // with a capital, a quotation mark or a new paragraph.
                let next_starts_sentence = match tokens.get(index + 1).map(|t| t.kind) {
                    None | Some(TokenKind::Break) => true,
                    Some(TokenKind::Word) => self
                        .words
                        .word(index + 1)
                        .is_some_and(|w| !w.starts_with(char::is_lowercase)),
                    Some(TokenKind::Punct(mark)) => {
                        matches!(mark, '“' | '"' | '‘' | '(' | '—' | '–' | '[')
                    }
                };
                next_starts_sentence && !self.words.is_abbreviation_period(index)
            }
            _ => false,
        }
    }

    /// The speaker named after a quotation: `“…,” she said`, `“…,” said X`, `“…,” X, the director, said`.
    ///
    /// `window` runs from just after the closing mark to the sentence end or the next quotation.
    /// `closed_sentence` says the quotation ended with a period, after which a
    /// capitalised word usually starts a new sentence rather than an attribution.
    pub fn after_quote(&self, window: Range<usize>, closed_sentence: bool) -> Option<Found> {
        let mut start = window.start;
        let mut after_dash = false;
        while start < window.end {
            match self.words.tokens[start].kind {
                TokenKind::Punct('—' | '–' | '―' | '-') => after_dash = true,
                TokenKind::Punct(',') => {}
                _ => break,
            }
            start += 1;
        }
        if start >= window.end {
            return None;
        }
        // `“…” — Jane Doe`: a signature line names the speaker and nothing else.
        if after_dash {
            if let Some(run) = self.words.run_starting_at(start, window.end) {
                let signs_off = self.words.tokens.get(run.end).is_none_or(|t| !t.is_word())
                    || run.end >= window.end;
                if signs_off {
                    return self.words.strip_titles(run).map(Found::Name);
                }
            }
        }
        let first = self.words.word(start)?;
        let starts_capitalised = first.chars().next().is_some_and(char::is_uppercase);
        if is_inverting_speech_verb(first) && !(closed_sentence && starts_capitalised) {
            return self.name_after(start + 1, window.end);
        }
        // After `“… .”`, `According to X, …` opens the next sentence, about something else.
        let opens_next_sentence = closed_sentence && starts_capitalised;
        if first.eq_ignore_ascii_case("according")
            && self.words.word(start + 1) == Some("to")
            && !opens_next_sentence
        {
            return self.name_after(start + 2, window.end);
        }
        if !closed_sentence {
            if let Some(found) = self.long_apposition(start, window.end) {
                return Some(found);
            }
        }
        let verb_search_end = window.end.min(start + MAX_SUBJECT_TOKENS);
        let verb = (start + 1..verb_search_end).find(|&i| self.is_verb_at(i, start))?;
        let (found, subject_start) = self.name_before(verb, start)?;
        // The subject must open the window: `“…,” NAME said`, not `“…” Then NAME said`.
        if subject_start != start {
            return None;
        }
        // After `“… .”` only a bare `NAME said` continues the sentence; anything
        // longer is a new sentence about something else.
        let says_no_more = window.end - verb <= 4
            && !(verb + 1..window.end).any(|i| self.words.word(i) == Some("that"));
        let bare_name = matches!(found, Found::Name(_))
            && verb - start <= 3
            && self.words.is_name_word(start)
            && says_no_more;
        if closed_sentence && starts_capitalised && !bare_name {
            return None;
        }
        Some(found)
    }

    /// `“…,” NAME, a long description with its own commas, said`: the name
    /// opens the window and a comma-preceded speech verb closes the apposition.
    fn long_apposition(&self, start: usize, end: usize) -> Option<Found> {
        let words = &self.words;
        let (found, after_subject) = if words.word(start).is_some_and(is_subject_pronoun) {
            (Found::Pronoun(start), start + 1)
        } else {
            let run = words.run_starting_at(start, end)?;
            let after = run.end;
            (Found::Name(words.strip_titles(run)?), after)
        };
        if !words
            .tokens
            .get(after_subject)
            .is_some_and(|t| t.is_punct(','))
        {
            return None;
        }
        let closing_verb = (after_subject + 2..end)
            .find(|&i| words.tokens[i - 1].is_punct(',') && self.is_verb_at(i, start));
        closing_verb.map(|_| found)
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
            if !self.is_verb_at(index, window.start) {
                continue;
            }
            // "Trump went after Bush, calling him “…”": a participle after a comma
            // belongs to the clause's subject, not to the name before the comma.
            // A participle opening the sentence (`Saying that officials “…”, Smith
            // charged`) has its subject after the quotation, not before it.
            if word.ends_with("ing") {
                let before_comma = window.start..index.saturating_sub(1).max(window.start);
                if let Some(found) = self.sentence_subject(before_comma) {
                    return Some(found);
                }
                continue;
            }
            if let Some((found, _)) = self.name_before(index, window.start) {
                // "Clinton says she calls it “…”": the pronoun is the named subject.
                // Not after a comma: "The destruction left by Russian forces
                // has made talks tenuous, he said" is his, not the sentence's.
                if let Found::Pronoun(pronoun) = found {
                    let after_comma = pronoun > 0 && self.words.tokens[pronoun - 1].is_punct(',');
                    let subject = self.sentence_subject(window.start..pronoun);
                    if let Some(Found::Name(name)) = subject.filter(|_| !after_comma) {
                        return Some(Found::Name(name));
                    }
                }
                return Some(found);
            }
            // "“Still,” said Bornet, “…”": an inverted attribution between two quotations.
            let after_quotation = index > window.start
                && matches!(
                    self.words.tokens[index - 1].kind,
                    TokenKind::Punct('”' | '"')
                );
            if after_quotation && is_inverting_speech_verb(word) {
                if let Some(found @ (Found::Name(_) | Found::Pronoun(_))) =
                    self.name_after(index + 1, window.end)
                {
                    return Some(found);
                }
            }
            // "Said Smith: “…”" puts the speaker after the verb.
            let capitalised = word.chars().next().is_some_and(char::is_uppercase);
            if index == window.start && capitalised && is_inverting_speech_verb(word) {
                if let Some(found) = self.name_after(index + 1, window.end) {
                    return Some(found);
                }
            }
        }
        None
    }

    /// Whether `window` (a sentence up to a quotation) opens with a speech
    /// verb's participle (`Insisting that the Serbs could accept only “…”, he
    /// asserted`): its subject comes after the quotation, and a name in
    /// between is what the speaker spoke of.
    pub fn opens_with_participle(&self, mut window: Range<usize>) -> bool {
        let Some(first) = window.find(|&i| self.words.tokens[i].is_word()) else {
            return false;
        };
        self.words
            .word(first)
            .is_some_and(|word| word.ends_with("ing") && self.is_verb_at(first, first))
    }

    /// Weaker evidence before a quotation: `Smith: “…”`, or the subject of the
    /// sentence (`Speaking in Ohio, Smith went after Jones, calling him “…”`).
    pub fn sentence_subject(&self, window: Range<usize>) -> Option<Found> {
        let words = &self.words;
        if window.is_empty() {
            return None;
        }
        let last = window.end - 1;
        if words.tokens[last].is_punct(':') && last > window.start {
            if let Some(run) = words.run_ending_at(last - 1, window.start) {
                if run.start == window.start {
                    return words.strip_titles(run).map(Found::Name);
                }
            }
        }
        let mut start = window.start;
        while start < window.end && !words.tokens[start].is_word() {
            start += 1;
        }
        let first = words.word(start)?;
        if let Some(found) = self.fronted_clause_subject(start, window.end) {
            return Some(found);
        }
        let is_personal_pronoun = is_subject_pronoun(first) && !first.eq_ignore_ascii_case("it");
        if is_personal_pronoun && self.verb_like_follows(start + 1, window.end) {
            return Some(Found::Pronoun(start));
        }
        // "Zelensky’s position is that the threat from Russia remains “…”":
        // a stance held by the possessor opening the sentence is theirs. Only
        // stances: "Trump’s lawyer is confident …" is the lawyer's.
        if let Some(run) = words.run_starting_at(start, window.end) {
            let holder_noun = run.end;
            let possessive_subject = words.is_possessive(run.end - 1)
                && words.word(holder_noun).is_some_and(is_stance_noun)
                && self.verb_like_follows(holder_noun + 1, window.end);
            if possessive_subject {
                if let Some(name) = words.strip_titles(run) {
                    return Some(Found::Name(name));
                }
            }
        }
        // The first name followed by a verb is taken: sentence subjects come
        // first far more often than a fronted clause ("When X said …, Y …").
        // A pronoun before it is not: tried on PolNeAR, it found more wrong
        // people than right ones.
        let end = window.end;
        let mut index = start;
        let mut subject = None;
        while index < end {
            let Some(run) = words.run_starting_at(index, end) else {
                index += 1;
                continue;
            };
            // "Sen. Bernie Sanders (Vt.), who lost …, identified": a party or
            // state tag is no part of what follows the name.
            let after = self.after_parenthetical(run.end, end).unwrap_or(run.end);
            // "Bernie Sanders, celebrating a win, is pledging …": a name opening the sentence.
            let opens_with_apposition = run.start == start
                && run.len() > 1
                && words.tokens.get(after).is_some_and(|t| t.is_punct(','));
            // "the Electoral Commission, which regulates …, issued": a relative
            // clause after a name marks the subject.
            let relative_clause_follows = words.tokens.get(after).is_some_and(|t| t.is_punct(','))
                && words
                    .word(after + 1)
                    .is_some_and(|w| matches!(w, "which" | "who"));
            // "The leader of Ennahda, Rachid Ghannouchi, condemned …": a name
            // set off by commas after the subject's description is the subject.
            let set_off = run.start > start
                && words.tokens[run.start - 1].is_punct(',')
                && words.tokens.get(after).is_some_and(|t| t.is_punct(','))
                && self.verb_like_follows(after + 1, end)
                && self.only_describes(start..run.start - 1);
            if opens_with_apposition
                || relative_clause_follows
                || set_off
                || self.verb_like_follows(after, end)
            {
                if let Some(name) = words.strip_titles(run) {
                    subject = Some(Found::Name(name));
                    break;
                }
            }
            index = after;
        }
        subject
    }

    /// The token after a short parenthetical at `index` (`(Vt.)`, `(D-N.Y.)`)
    /// closed before `end`, `index` when none opens there, `None` when one
    /// opens and is not closed soon.
    pub(super) fn after_parenthetical(&self, index: usize, end: usize) -> Option<usize> {
        let tokens = self.words.tokens;
        if !tokens.get(index).is_some_and(|t| t.is_punct('(')) {
            return Some(index);
        }
        let limit = end.min(index + MAX_PARENTHETICAL_TOKENS);
        (index + 1..limit)
            .find(|&i| tokens[i].is_punct(')'))
            .map(|close| close + 1)
    }

    /// Whether `range` opening a sentence holds no clause of its own and no
    /// name alone, only a subject's description and circumstances (`The
    /// leader of Ennahda`, `In early October, Trump’s state director`): no
    /// verb, pronoun or conjunction (`She grew up in Iowa, but her father`,
    /// `Sanders visited NBC to discuss his rival`).
    fn only_describes(&self, range: Range<usize>) -> bool {
        // `The Kansas City Board of Trade, KCBT, has asked`: a name and its
        // acronym, the name the subject.
        let first = match self.words.word(range.start) {
            Some(word) if word.eq_ignore_ascii_case("the") => range.start + 1,
            _ => range.start,
        };
        let whole_name = self
            .words
            .run_starting_at(first, range.end)
            .is_some_and(|run| run.end == range.end);
        !whole_name
            && range.into_iter().all(|index| {
                self.words.word(index).is_none_or(|word| {
                    let lowercase = word.starts_with(char::is_lowercase);
                    let verb = lowercase && (is_speech_verb(word) || looks_finite(word));
                    let conjunction = matches!(word, "and" | "but" | "or" | "while" | "when");
                    !(verb || conjunction || is_subject_pronoun(word))
                })
            })
    }

    /// Whether a finite verb follows at `index`, allowing adverbs in between
    /// ("Trump went", "Smith has argued", "Smith repeatedly argued").
    fn verb_like_follows(&self, index: usize, end: usize) -> bool {
        // "Kommersant-Daily on 10 February reported".
        let mut position = adverbial_end(&self.words, index, end).unwrap_or(index);
        while position < end {
            let Some(word) = self.words.word(position) else {
                return false;
            };
            let lowercase = word.chars().next().is_some_and(char::is_lowercase);
            // "Liu said that …": `said` ends a name read after a verb, but here it is the verb.
            if lowercase && is_speech_verb(word) {
                return true;
            }
            if !lowercase || is_phrase_boundary(word) || is_determiner(word) {
                return false;
            }
            let is_adverb = word.len() > 4 && word.ends_with("ly");
            if !is_adverb {
                return is_verb_filler(word) || is_speech_verb(word) || looks_finite(word);
            }
            position += 1;
        }
        false
    }

    /// A speech verb, lowercase unless it opens the window ("States" is no verb).
    fn is_verb_at(&self, index: usize, window_start: usize) -> bool {
        self.words.word(index).is_some_and(|word| {
            let lowercase = word.chars().next().is_some_and(char::is_lowercase);
            (lowercase || index == window_start) && is_speech_verb(word)
        })
    }
}
