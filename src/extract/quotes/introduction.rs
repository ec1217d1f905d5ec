//! How an article introduces a speaker where it attributes a quotation: the
//! titles before the name and the party tag or apposition after it
//! (`Rep. G.K. Butterfield (D-N.C.), head of the Congressional Black Caucus,
//! said`).
//!
//! The name alone is the key users filter and count by; the introduction is
//! what tells a reader who that person is, and it is what annotated news
//! corpora (PolNeAR) record as a quotation's source. Both are kept.

use std::ops::Range;

use super::attribution::Attributor;
use super::lexicon::{
    is_determiner, is_phrase_boundary, is_speech_verb, is_subject_pronoun, is_title, is_verb_filler,
};
use super::tokens::TokenKind;

/// Most tokens of titles read back from a name (`Senate Majority Leader`).
const MAX_PREFIX_TOKENS: usize = 6;

/// Most tokens of an apposition; a longer one is more likely a new clause
/// than a description, and is left out.
const MAX_DESCRIPTION_TOKENS: usize = 40;

/// The tokens around a name that introduce it: titles before, tag and apposition after.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Introduction {
    pub before: Range<usize>,
    pub after: Range<usize>,
}

impl Attributor<'_> {
    /// The introduction of the speaker whose name is the token run `name`.
    pub fn introduction(&self, name: Range<usize>) -> Introduction {
        Introduction {
            before: self.titles_before(name.start)..name.start,
            after: name.end..self.description_end(name.end),
        }
    }

    /// Where the titles and capitalised role words in front of a name start
    /// (`Retired Lt. Gen.`, `House Speaker`).
    fn titles_before(&self, start: usize) -> usize {
        let words = &self.words;
        let floor = start.saturating_sub(MAX_PREFIX_TOKENS);
        let mut index = start;
        while index > floor {
            let previous = index - 1;
            let is_title_word = words.word(previous).is_some_and(|w| {
                is_title(w) || (words.is_name_word(previous) && !words.is_possessive(previous))
            });
            // "Secretary of State", "Minister of Foreign Affairs"
            let connects_titles = previous > floor
                && words.word(previous) == Some("of")
                && words
                    .word(previous - 1)
                    .is_some_and(|w| is_title(w) || words.is_name_word(previous - 1));
            if is_title_word || connects_titles || words.is_abbreviation_period(previous) {
                index = previous;
            } else {
                break;
            }
        }
        // A title's period is never where an introduction starts.
        while index < start && !words.tokens[index].is_word() {
            index += 1;
        }
        // `Deputy Head of the Office of the President Kyrylo Tymoshenko`: the
        // titles read back end an office's `of the …`; alone they would
        // introduce the holder as someone else (`President Kyrylo Tymoshenko`).
        let ends_an_office = index >= 2
            && index < start
            && words.word(index - 1) == Some("the")
            && words.word(index - 2) == Some("of");
        if ends_an_office {
            return start;
        }
        index
    }

    /// Where the description after a name ends: after a parenthetical party
    /// tag, and after an apposition set off by commas that ends at the speech
    /// verb (`X, the director, said`), the sentence end or the quotation.
    fn description_end(&self, name_end: usize) -> usize {
        let tokens = self.words.tokens;
        let Some(end) = self.after_parenthetical(name_end, tokens.len()) else {
            return name_end;
        };
        // `Jeffrey Lewis of the James Martin Center said`: a prepositional
        // description runs without commas, up to the verb.
        // "at" only before a name (`at Bailey & Glasser`, not `at a rally`).
        let of_phrase = match self.words.word(end) {
            Some("of") => true,
            Some("at") => self.words.is_name_word(end + 1),
            _ => false,
        };
        let opens = if of_phrase {
            end
        } else if tokens.get(end).is_some_and(|t| t.is_punct(',')) && self.opens_apposition(end + 1)
        {
            end + 1
        } else {
            return end;
        };
        let limit = (opens + MAX_DESCRIPTION_TOKENS).min(tokens.len());
        for (index, token) in tokens.iter().enumerate().take(limit).skip(opens) {
            let closes = match token.kind {
                TokenKind::Break => true,
                TokenKind::Punct('“' | '"' | '”' | ':' | ';' | '—' | '–') => true,
                TokenKind::Punct(',') => !self.continues_apposition(index + 1),
                TokenKind::Word => {
                    of_phrase
                        && self.words.word(index).is_some_and(|w| {
                            w.starts_with(char::is_lowercase)
                                && (is_speech_verb(w) || is_verb_filler(w))
                        })
                }
                _ => self.ends_sentence(index),
            };
            if closes {
                return self.trimmed_end(opens, index, end);
            }
        }
        // The article ends inside the description.
        if limit == tokens.len() {
            return self.trimmed_end(opens, limit, end);
        }
        end
    }

    /// A description `opens..close` without a sentence's final period (`the
    /// city’s mayor.` ends the sentence, though "mayor" is also a title), or
    /// `fallback` when nothing is left of it.
    fn trimmed_end(&self, opens: usize, close: usize, fallback: usize) -> usize {
        let mut close = close;
        let ends_with_period = close > opens + 1 && self.words.tokens[close - 1].is_punct('.');
        if ends_with_period
            && self
                .words
                .word(close - 2)
                .is_some_and(|w| w.len() > 3 && w.starts_with(char::is_lowercase))
        {
            close -= 1;
        }
        if close > opens {
            close
        } else {
            fallback
        }
    }

    /// Whether the word after a name's comma starts a description of that
    /// person rather than the rest of the sentence (`, said`, `, adding`, `, and`).
    fn opens_apposition(&self, index: usize) -> bool {
        let Some(word) = self.words.word(index) else {
            return false;
        };
        let lowercase = word.chars().next().is_some_and(char::is_lowercase);
        if !lowercase {
            // `, R-Ky.,`, `, House editor for the Cook Political Report`
            return true;
        }
        let relative = matches!(word, "who" | "whose" | "now");
        // `Rachid Ghannouchi, condemned Wednesday’s attack, saying`: a verb in
        // the past before its object is the sentence's predicate, not a
        // description (`, aged 45,`, `, based in Kyiv,` are).
        let predicate = word.ends_with("ed")
            && self.words.word(index + 1).is_some_and(|next| {
                // Not `, angered that party leaders ignored him,`.
                (is_determiner(next) && next != "that")
                    || matches!(next, "me" | "him" | "us" | "them" | "it")
                    || next.starts_with(char::is_uppercase)
            });
        relative
            || !(predicate
                || is_speech_verb(word)
                || is_sentence_adverb(word)
                || is_verb_filler(word)
                || is_subject_pronoun(word)
                || is_phrase_boundary(word)
                || word.ends_with("ing")
                || matches!(word, "and" | "but" | "or" | "which" | "then"))
    }

    /// Whether the words after a comma inside an apposition still describe
    /// the person (`who helmed the DNC from 1995 to 1997, during …`) rather
    /// than return to the sentence (`, said`, `, adding`).
    fn continues_apposition(&self, index: usize) -> bool {
        let Some(word) = self.words.word(index) else {
            return false;
        };
        // "…, in an interview", "…, on Monday": the circumstances of the
        // statement, no longer the person.
        let circumstance = matches!(
            word,
            "in" | "on" | "at" | "after" | "before" | "when" | "while" | "as" | "according"
        );
        !(is_speech_verb(word)
            || is_verb_filler(word)
            || is_subject_pronoun(word)
            || is_sentence_adverb(word)
            || circumstance
            || word.ends_with("ing")
            || matches!(word, "and" | "but" | "or" | "then"))
    }

    /// The speaker as introduced: `before`, the canonical name, then `after`,
    /// with line breaks folded to spaces.
    pub fn introduced(&self, introduction: &Introduction, name: &str) -> String {
        let text = self.words.text;
        let tokens = self.words.tokens;
        let span = |range: &Range<usize>| {
            if range.is_empty() {
                ""
            } else {
                &text[tokens[range.start].start..tokens[range.end - 1].end]
            }
        };
        let before = span(&introduction.before);
        let after = if introduction.after.is_empty() {
            ""
        } else {
            // From the end of the name, so the comma or space before the tag stays.
            let from = tokens[introduction.after.start - 1].end;
            &text[from..tokens[introduction.after.end - 1].end]
        };
        // The canonical name may already hold words the article wrote as
        // titles ("Defense Secretary …"): a word is never repeated at the seam.
        let before = trim_overlap(before, name);
        let mut out = String::with_capacity(before.len() + name.len() + after.len() + 1);
        if !before.is_empty() {
            out.push_str(before);
            out.push(' ');
        }
        out.push_str(name);
        out.push_str(after.trim_end_matches(','));
        out.split_whitespace().collect::<Vec<_>>().join(" ")
    }
}

/// Adverbs set off by commas that comment on the sentence (`CBS, meanwhile, said`).
fn is_sentence_adverb(word: &str) -> bool {
    matches!(
        word,
        "meanwhile"
            | "however"
            | "though"
            | "too"
            | "also"
            | "instead"
            | "likewise"
            | "nonetheless"
            | "nevertheless"
            | "separately"
            | "meantime"
    )
}

/// `before` without its trailing words that also stand in `name`
/// ("Foreign" before "Foreign Affairs Ministry").
fn trim_overlap<'t>(before: &'t str, name: &str) -> &'t str {
    let mut before = before.trim_end();
    loop {
        let (rest, last) = before
            .rsplit_once(char::is_whitespace)
            .unwrap_or(("", before));
        if last.is_empty() || !name.split_whitespace().any(|word| word == last) {
            return before;
        }
        before = rest.trim_end();
    }
}
