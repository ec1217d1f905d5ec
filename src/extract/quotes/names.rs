//! Speaker names in running text: runs of capitalised words, cleaned of
//! titles and possessives ("Foreign Minister Mélanie Joly’s" -> "Mélanie Joly").

use std::ops::Range;

use super::lexicon::{
    is_determiner, is_non_name_capital, is_organisation_role, is_organisation_word, is_speech_verb,
    is_title, opens_a_date, Gender,
};
use super::tokens::{Token, TokenKind};
use crate::extract::words::is_abbreviation;

/// Most lowercase words of a role between a name and what it describes or
/// who holds it (`leader`, `current coach`, `deputy campaign manager`).
const MAX_ROLE_WORDS: usize = 3;

/// Nouns for a news outlet, which stand for one named before (`the newspaper
/// said`) as an organisation's role nouns do.
const MEDIA_NOUNS: &[&str] = &[
    "newspaper",
    "paper",
    "daily",
    "magazine",
    "broadcaster",
    "station",
    "channel",
    "website",
    "outlet",
];

/// Lowercase words that may sit inside a name ("Secretary of State", "Charles de Gaulle").
fn is_name_connector(word: &str) -> bool {
    matches!(
        word,
        "of" | "de"
            | "da"
            | "van"
            | "von"
            | "der"
            | "bin"
            | "al"
            | "la"
            | "le"
            | "du"
            | "del"
            | "dos"
            | "for"
            | "&"
    )
}

/// Titles that are also common surnames ("Billie Jean King", "John Major").
fn is_surname_title(word: &str) -> bool {
    matches!(
        word,
        "King"
            | "Major"
            | "Judge"
            | "Bishop"
            | "Prince"
            | "Cardinal"
            | "Pastor"
            | "Sheriff"
            | "Coach"
            | "Chief"
    )
}

/// First words of place names that would otherwise look like a person's first name.
fn is_place_start(word: &str) -> bool {
    matches!(
        word,
        "New"
            | "United"
            | "North"
            | "South"
            | "East"
            | "West"
            | "San"
            | "Los"
            | "Las"
            | "Saint"
            | "Great"
            | "Middle"
    )
}

/// The article text and its tokens, with the word-level questions attribution asks.
#[derive(Clone, Copy)]
pub struct Words<'a> {
    pub text: &'a str,
    pub tokens: &'a [Token],
    /// Surnames of the article's people that are also common capitalised
    /// words (`May` of `Theresa May`), so a name word where no date reads.
    pub surnames: &'a [&'a str],
}

impl<'a> Words<'a> {
    /// The words of `text`, with no person's surname that needs telling apart.
    #[cfg(test)]
    pub fn new(text: &'a str, tokens: &'a [Token]) -> Words<'a> {
        Words {
            text,
            tokens,
            surnames: &[],
        }
    }

    pub fn word(&self, index: usize) -> Option<&'a str> {
        let token = self.tokens.get(index)?;
        token.is_word().then(|| &self.text[token.start..token.end])
    }

    /// Whether the token is a word that may be part of a name.
    pub fn is_name_word(&self, index: usize) -> bool {
        self.word(index).is_some_and(|word| {
            let starts_upper = word.chars().next().is_some_and(char::is_uppercase);
            let bare = strip_possessive(word);
            if !starts_upper {
                return false;
            }
            if !is_non_name_capital(bare) {
                return true;
            }
            // "Will Moy", "May Boeve": a first name that is also a common
            // capitalised word, when a surname follows.
            (is_first_name_capital(bare) && self.word(index + 1).is_some_and(is_plain_name))
                || (self.surnames.contains(&bare) && !self.dated(index))
        })
    }

    /// Whether the word at `index` reads as a date's month (`in May`, `May 5`).
    fn dated(&self, index: usize) -> bool {
        let opened = index
            .checked_sub(1)
            .and_then(|before| self.word(before))
            .is_some_and(opens_a_date);
        let numbered = self.tokens.get(index + 1).is_some_and(|next| {
            self.text[next.start..next.end].starts_with(|c: char| c.is_ascii_digit())
        });
        opened || numbered
    }

    /// Whether the name ending before `end` describes the one after a
    /// lowercase role (`Liberal Democrat leader Tim Farron`, `Sanders
    /// campaign manager Jeff Weaver`): a party's, a company's or a person's
    /// name used as an adjective, no one a pronoun stands for.
    pub fn describes_the_next_name(&self, end: usize) -> bool {
        let mut index = end;
        while index < end + MAX_ROLE_WORDS {
            let Some(word) = self.word(index) else {
                return false;
            };
            if !word.starts_with(char::is_lowercase) {
                return false;
            }
            if is_title(word) {
                return self.is_name_word(index + 1);
            }
            index += 1;
        }
        false
    }

    /// The gender of the possessor when the name at `start` is introduced as
    /// someone's relation or role (`his current coach Josef Beranek`, `her
    /// husband John`): the one named is not who a pronoun of that gender stands
    /// for in what follows; the possessor is.
    pub fn possessors_gender(&self, start: usize) -> Option<Gender> {
        let mut index = start;
        for _ in 0..=MAX_ROLE_WORDS {
            index = index.checked_sub(1)?;
            let word = self.word(index)?;
            match word {
                "his" if index + 1 < start => return Some(Gender::Male),
                "her" if index + 1 < start => return Some(Gender::Female),
                _ if word.chars().all(|c| c.is_lowercase()) => continue,
                _ => return None,
            }
        }
        None
    }

    /// Whether an unnamed group or thing speaks in `range` (`officials said`,
    /// `police say`, `the report said`): a lowercase plural, or a common noun
    /// after a determiner, right before a speech verb, which a later `they` or
    /// `it` stands for rather than an organisation named before it.
    pub fn unnamed_group_speaks(&self, mut range: Range<usize>) -> bool {
        let plural = |word: &str| {
            word.len() > 3
                && word.starts_with(char::is_lowercase)
                && word.ends_with('s')
                && !word.ends_with("ss")
                && !is_speech_verb(word)
        };
        // `The report said: “…” It adds`: a thing named by a common noun; not
        // one that stands for a body named before (`the company said`, `the
        // newspaper said`).
        let determined = |index: usize| {
            index > 0
                && self.word(index - 1).is_some_and(is_determiner)
                && self.word(index).is_some_and(|word| {
                    let body = is_organisation_role(word) || MEDIA_NOUNS.contains(&word);
                    word.starts_with(char::is_lowercase) && !is_speech_verb(word) && !body
                })
        };
        range.any(|index| {
            (self.word(index).is_some_and(plural) || determined(index))
                && self.word(index + 1).is_some_and(|verb| {
                    verb.starts_with(char::is_lowercase) && is_speech_verb(verb)
                })
        })
    }

    /// The first token of every sentence: a new sentence starts after a break or
    /// a final `.`, `!` or `?` that is not an abbreviation's period.
    pub fn sentence_starts(&self) -> Vec<usize> {
        let mut starts = vec![0];
        for (index, token) in self.tokens.iter().enumerate() {
            let ends = match token.kind {
                TokenKind::Break | TokenKind::Punct('!' | '?') => true,
                TokenKind::Punct('.') => !self.is_abbreviation_period(index),
                _ => false,
            };
            if ends {
                starts.push(index + 1);
            }
        }
        starts
    }

    pub fn is_possessive(&self, index: usize) -> bool {
        self.word(index)
            .is_some_and(|word| strip_possessive(word).len() < word.len())
    }

    /// A period that belongs to an abbreviation or an initial ("Sen.", "John F. Kennedy").
    pub fn is_abbreviation_period(&self, index: usize) -> bool {
        if !self.tokens.get(index).is_some_and(|t| t.is_punct('.')) || index == 0 {
            return false;
        }
        let Some(word) = self.word(index - 1) else {
            return false;
        };
        let glued = self.tokens[index - 1].end == self.tokens[index].start;
        let is_initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
        // A full title ends a sentence (`Celadon's president. Whether`), and
        // so does a lowercase word (`the answer was no. He`), `vs.` aside.
        let abbreviation =
            is_abbreviation(word) && (word.starts_with(char::is_uppercase) || word == "vs");
        glued && (is_initial || abbreviation || word.contains('.'))
    }

    /// A token that may sit between two words of one name: an initial's or a
    /// title's period ("John F. Kennedy", "Sen. Cruz") or a connector ("Secretary of State").
    fn joins_name_parts(&self, index: usize) -> bool {
        self.is_abbreviation_period(index) || self.word(index).is_some_and(is_name_connector)
    }

    /// The tokens of the name run that ends at `last` (inclusive), not reaching below `lower`.
    pub fn run_ending_at(&self, last: usize, lower: usize) -> Option<Range<usize>> {
        if !self.is_name_word(last) {
            return None;
        }
        let mut start = last;
        while start > lower {
            let before = start - 1;
            if self.is_name_word(before) && !self.is_possessive(before) {
                start = before;
            } else if before > lower
                && self.joins_name_parts(before)
                && self.is_name_word(before - 1)
            {
                start = before - 1;
            } else {
                break;
            }
        }
        Some(start..last + 1)
    }

    /// The tokens of the name run that starts at `first`, not reaching `upper`.
    pub fn run_starting_at(&self, first: usize, upper: usize) -> Option<Range<usize>> {
        if !self.is_name_word(first) {
            return None;
        }
        let mut end = first + 1;
        while end < upper && !self.is_possessive(end - 1) {
            if self.is_name_word(end) {
                end += 1;
            } else if end + 1 < upper && self.joins_name_parts(end) && self.is_name_word(end + 1) {
                end += 2;
            } else {
                break;
            }
        }
        Some(first..end)
    }

    /// The run without leading titles, or `None` when only titles remain ("the Foreign Minister").
    ///
    /// Organisation names made of title-like words ("White House", "Republican
    /// National Committee") are kept whole.
    pub fn strip_titles(&self, run: Range<usize>) -> Option<Range<usize>> {
        let has_organisation_word = run
            .clone()
            .any(|i| self.word(i).is_some_and(is_organisation_word));
        let mut start = run.start;
        let mut last_title_end = None;
        let mut index = run.start;
        while index < run.end {
            let Some(word) = self.word(index) else {
                index += 1; // a period after an abbreviated title
                continue;
            };
            if is_title(word) || (word == "of" && last_title_end.is_some()) {
                last_title_end = Some(index + 1);
                index += 1;
                continue;
            }
            break;
        }
        // "Ukrainian President Volodymyr Zelensky": a title inside the run ends
        // the description, as long as a name follows it.
        let inner_title_end = (index..run.end)
            .rev()
            .find(|&i| self.word(i).is_some_and(is_title))
            .map(|i| i + 1)
            .filter(|&end| end < run.end);
        if let Some(end) = inner_title_end.or(last_title_end) {
            start = end;
            while start < run.end && !self.tokens[start].is_word() {
                start += 1;
            }
        }
        // "President of Serbia", "Minister of Foreign Affairs": after a title
        // ending in "of", what is left names the office, not a person; the
        // office is the speaker.
        let title_ends_with_of = start > run.start && self.word(start - 1) == Some("of");
        if title_ends_with_of && start < run.end && !self.looks_like_person(&(start..run.end)) {
            return Some(self.skip_article(run));
        }
        if start >= run.end {
            // "King says …": some titles are also surnames when they stand alone.
            // "Mr. King added": the last title-like word is the surname.
            let surname = run.end - 1;
            if !has_organisation_word && self.word(surname).is_some_and(is_surname_title) {
                return Some(surname..run.end);
            }
            return has_organisation_word.then(|| self.skip_article(run));
        }
        if has_organisation_word {
            return Some(self.skip_article(run));
        }
        Some(start..run.end)
    }

    fn skip_article(&self, run: Range<usize>) -> Range<usize> {
        let starts_with_the = self.word(run.start).is_some_and(|w| w == "The") && run.len() > 1;
        if starts_with_the {
            run.start + 1..run.end
        } else {
            run
        }
    }

    /// The name as written, without a trailing possessive.
    pub fn name_text(&self, run: &Range<usize>) -> &'a str {
        let start = self.tokens[run.start].start;
        let end = self.tokens[run.end - 1].end;
        strip_possessive(&self.text[start..end])
    }

    /// Whether the name looks like a person's (not an organisation or a place).
    pub fn looks_like_person(&self, run: &Range<usize>) -> bool {
        let words: Vec<&str> = run.clone().filter_map(|i| self.word(i)).collect();
        let Some(first) = words.first() else {
            return false;
        };
        let all_capitalised = words
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase));
        let not_organisation = !words.iter().any(|w| is_organisation_word(w));
        let not_all_caps = words.iter().any(|w| w.chars().any(char::is_lowercase));
        (2..=4).contains(&words.len())
            && all_capitalised
            && not_organisation
            && not_all_caps
            && !is_place_start(first)
    }

    pub fn is_organisation(&self, run: &Range<usize>) -> bool {
        run.clone()
            .any(|i| self.word(i).is_some_and(is_organisation_word))
    }
}

/// Capitalised function words that are also first names (months are not
/// taken: `In May Smith said` is far more common than `May Smith`).
fn is_first_name_capital(word: &str) -> bool {
    word == "Will"
}

/// A capitalised word that is no function word: a surname after a first name.
fn is_plain_name(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
        && word.chars().skip(1).any(char::is_lowercase)
        && !is_non_name_capital(strip_possessive(word))
}

pub use crate::extract::words::strip_possessive;

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;

    fn run_text(text: &str, at_end: &str) -> Option<String> {
        let tokens = tokenize(text);
        let words = Words::new(text, &tokens);
        let last = tokens
            .iter()
            .rposition(|t| &text[t.start..t.end] == at_end)?;
        let run = words.run_ending_at(last, 0)?;
        let stripped = words.strip_titles(run)?;
        Some(words.name_text(&stripped).to_string())
    }

    #[test]
    fn names_lose_titles_and_possessives() {
        let cases: &[(&str, &str, Option<&str>)] = &[
            (
                "said Foreign Minister Mélanie Joly",
                "Joly",
                Some("Mélanie Joly"),
            ),
            ("when Sen. Ted Cruz", "Cruz", Some("Ted Cruz")),
            ("Secretary of State John Kerry", "Kerry", Some("John Kerry")),
            ("and President Biden", "Biden", Some("Biden")),
            ("the White House", "House", Some("White House")),
            ("The New York Times", "Times", Some("New York Times")),
            ("then Trump’s", "Trump’s", Some("Trump")),
            ("the Foreign Minister", "Minister", None),
            ("But Clinton", "Clinton", Some("Clinton")),
            ("Mr Biden", "Biden", Some("Biden")),
            ("John F. Kennedy", "Kennedy", Some("John F. Kennedy")),
        ];
        for (text, at_end, expected) in cases {
            assert_eq!(run_text(text, at_end).as_deref(), *expected, "text: {text}");
        }
    }
}
