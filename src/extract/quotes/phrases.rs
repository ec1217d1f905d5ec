//! The noun phrase next to a speech verb: the subject before it (`the
//! agency’s director, John Smith, said`) or the speaker after an inverted verb
//! (`said Sen. Ted Cruz`), read back or forth over a few tokens.

use std::ops::Range;

use crate::extract::words::{is_abbreviation, PERSON_TITLES};

use super::adverbials::{adverbial_start, medium_source};
use super::attribution::{Attributor, Found};
use super::lexicon::{
    is_determiner, is_nationality, is_organisation_role, is_organisation_word, is_person_role,
    is_phrase_boundary, is_speech_verb, is_subject_pronoun, is_title, is_verb_filler,
};

/// Most tokens in an apposition (`X, the agency’s director, said`).
const MAX_APPOSITION_TOKENS: usize = 20;

/// Most lowercase words of a description before a verb (`Trump’s campaign said`).
const MAX_DESCRIPTION_WORDS: usize = 3;

/// Most tokens in a parenthetical between a name and its verb ("(D-Mo.)").
const MAX_PARENTHETICAL_TOKENS: usize = 8;

/// Most tokens read after an inverted verb (`said Clinton campaign spokesman Brian Fallon`).
const MAX_NAME_AFTER_TOKENS: usize = 10;

/// Most tokens of an office and its holder after a verb (`said Head of the
/// Office of the President of Ukraine Andriy Yermak`).
const MAX_OFFICE_TOKENS: usize = 16;

/// Whether `word` is a preposition whose object a name may be (`the mayor
/// of Kyiv`).
fn is_preposition(word: &str) -> bool {
    matches!(
        word,
        "to" | "of" | "in" | "at" | "for" | "from" | "with" | "against"
    )
}

/// Most lowercase words between `the` and the name qualifying a role (`the
/// then acting Russian president`).
const MAX_MODIFIERS_BEFORE_QUALIFIER: usize = 2;

impl Attributor<'_> {
    /// The subject right before a speech verb at `verb`, not reaching below `lower`,
    /// with the token where that subject starts.
    pub fn name_before(&self, verb: usize, lower: usize) -> Option<(Found, usize)> {
        let words = &self.words;
        let mut end = verb;
        while end > lower && words.word(end - 1).is_some_and(is_verb_filler) {
            end -= 1;
        }
        // "Putin on Tuesday said", "Smith last week also told".
        if let Some(start) = adverbial_start(words, end, lower) {
            end = start;
            while end > lower && words.word(end - 1).is_some_and(is_verb_filler) {
                end -= 1;
            }
        }
        if end == lower {
            return None;
        }
        let mut last = end - 1;
        if words.tokens[last].is_punct(')') {
            // "Sen. Claire McCaskill (D-Mo.) said": the party tag is no part of the subject.
            let floor = last.saturating_sub(MAX_PARENTHETICAL_TOKENS).max(lower);
            let opening = (floor..last)
                .rev()
                .find(|&i| words.tokens[i].is_punct('('))?;
            if opening == lower {
                return None;
            }
            last = opening - 1;
        }
        // "James Kennedy Jr. said": the suffix's period ends no sentence here.
        let after_suffix = last > lower
            && words.is_abbreviation_period(last)
            && words
                .word(last - 1)
                .is_some_and(|w| matches!(w, "Jr" | "Sr"));
        if after_suffix {
            last -= 1;
        }
        if words.tokens[last].is_punct(',') {
            return self.apposition_before(last, lower);
        }
        let word = words.word(last)?;
        // "Obama's remarks", "a flurry of tweets": an -s form after anything but
        // a bare name or pronoun is a plural noun, not a verb.
        let verb_is_plural_like = words.word(verb).is_some_and(|v| v.ends_with('s'));
        let bare_subject =
            is_subject_pronoun(word) || (words.is_name_word(last) && !words.is_possessive(last));
        if verb_is_plural_like && !bare_subject {
            return None;
        }
        if is_subject_pronoun(word) {
            return Some((Found::Pronoun(last), last));
        }
        if let Some(run) = words.run_ending_at(last, lower) {
            let start = self.description_start(run.start, lower);
            if let Some(found) = self.person_before_preposition(start, lower) {
                return Some(found);
            }
            // "China’s ambassador to Britain accused", "the mayor of Kyiv said":
            // the name is the object of a preposition, the subject is unnamed.
            // A longer run may hold the name after the place (`to Britain Liu Xiaming`).
            let after_preposition = run.start > lower
                && run.len() == 1
                && words.word(run.start - 1).is_some_and(is_preposition);
            // `the mayor of Kyiv said`, `the speaker of the House of
            // Representatives said`: the role's holder named before.
            if let Some(role) = self.role_before_object(run.start, lower) {
                return Some((Found::Role(role), start));
            }
            if after_preposition {
                return Some((Found::Unnamed, start));
            }
            // "The Naftogaz CEO said": a role, for someone named before.
            let definite = run.start > lower
                && words
                    .word(run.start - 1)
                    .is_some_and(|w| w.eq_ignore_ascii_case("the"));
            // `the Head of State is convinced`: the role is `Head`.
            let role = self.head_of_state_at(last).unwrap_or(last);
            if definite && self.is_role_noun(role) {
                return Some((Found::Role(role), start));
            }
            return Some((
                words.strip_titles(run).map_or(Found::Unnamed, Found::Name),
                start,
            ));
        }
        if !word.chars().next().is_some_and(char::is_lowercase) || is_phrase_boundary(word) {
            return None;
        }
        // A description: "the senator said", "officials said", "Trump’s campaign said".
        let role = self.head_of_state_at(last).unwrap_or(last);
        let mut index = role;
        for _ in 0..MAX_DESCRIPTION_WORDS {
            if index == lower {
                return Some((Found::Unnamed, index));
            }
            let previous = index - 1;
            if let Some(run) = words.run_ending_at(previous, lower) {
                let start = self.description_start(run.start, lower);
                if let Some(found) = self.person_before_preposition(start, lower) {
                    return Some(found);
                }
                // "Ukraine’s ambassador said", "Trump’s lawyer said": someone
                // speaking for the possessor, not the possessor.
                if self.is_person_role_noun(role) && words.is_possessive(run.end - 1) {
                    let possessor = run;
                    return Some((Found::Epithet { role, possessor }, start));
                }
                // "the Belarusian leader said", "the TWA spokesman said": a
                // person's role qualified by a people or a name, someone named before.
                if self.is_person_role_noun(role) && self.opened_by_the(run.start, lower) {
                    let qualifier = run;
                    return Some((Found::Described { role, qualifier }, start));
                }
                // "a senior Ukrainian official told CNN": a nationality describes
                // an unnamed speaker; "the Clinton campaign said" names one.
                if run.len() == 1 && words.word(previous).is_some_and(is_nationality) {
                    return Some((Found::Unnamed, start));
                }
                return Some((
                    words.strip_titles(run).map_or(Found::Unnamed, Found::Name),
                    start,
                ));
            }
            match words.word(previous) {
                // "the actor said", "the ministry said": someone named before.
                Some(w) if w.eq_ignore_ascii_case("the") && self.is_role_noun(role) => {
                    return Some((Found::Role(role), previous))
                }
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

    /// A singular noun for a person's or an organisation's role; not a word
    /// of an organisation's name (`the White House`).
    fn is_role_noun(&self, index: usize) -> bool {
        let organisation_role = self.words.word(index).is_some_and(is_organisation_role);
        organisation_role || self.is_person_role_noun(index)
    }

    /// A singular noun for a person's role (`leader`, `spokesman`, the `head`
    /// of `head of state`); not a word of an organisation's name.
    pub(super) fn is_person_role_noun(&self, index: usize) -> bool {
        let head_of_state = self.head_of_state_at(index + 2) == Some(index);
        // `the Head of the Office`, `the head of the agency`.
        let head_of_office = self
            .words
            .word(index)
            .is_some_and(|word| word.eq_ignore_ascii_case("head"))
            && self.words.word(index + 1) == Some("of");
        head_of_state
            || head_of_office
            || self.words.word(index).is_some_and(|word| {
                is_person_role(word) && !is_organisation_word(word) && !is_organisation_role(word)
            })
    }

    /// The role noun of an office `of state` or `of government` ending at
    /// `last`: the `head` of `head of state`, the `Secretary` of `the US
    /// Secretary of State`.
    fn head_of_state_at(&self, last: usize) -> Option<usize> {
        let words = &self.words;
        let governs = words.word(last).is_some_and(|w| {
            w.eq_ignore_ascii_case("state") || w.eq_ignore_ascii_case("government")
        });
        let head = last.checked_sub(2)?;
        let phrase = governs
            && words.word(last - 1) == Some("of")
            && words
                .word(head)
                .is_some_and(|w| w.eq_ignore_ascii_case("head") || is_title(w));
        phrase.then_some(head)
    }

    /// Whether `the` opens a description just before `start`, perhaps with a
    /// lowercase word or two between (`the former Russian president`).
    fn opened_by_the(&self, start: usize, lower: usize) -> bool {
        let mut index = start;
        for _ in 0..=MAX_MODIFIERS_BEFORE_QUALIFIER {
            if index == lower {
                return false;
            }
            let Some(word) = self.words.word(index - 1) else {
                return false;
            };
            if word.eq_ignore_ascii_case("the") {
                return true;
            }
            let modifier = word.starts_with(char::is_lowercase)
                && !is_phrase_boundary(word)
                && !is_speech_verb(word)
                && !is_determiner(word);
            if !modifier {
                return false;
            }
            index -= 1;
        }
        false
    }

    /// After `said the`: the role noun ending a short description that is the
    /// whole speaker (`said the actor.`), not one followed by the name
    /// (`said the agency’s director, John Smith`).
    fn role_after_the(&self, start: usize, upper: usize) -> Option<usize> {
        let words = &self.words;
        let limit = upper.min(start + MAX_DESCRIPTION_WORDS + 1);
        let mut head = None;
        // `said the Deputy Head of the Office of the President`: the role is
        // the office's head noun before `of`, not the description's last word.
        let mut office = None;
        let mut index = start;
        while index < limit {
            let Some(word) = words.word(index) else {
                break;
            };
            if is_phrase_boundary(word) || is_speech_verb(word) {
                break;
            }
            let heads_an_office = word.eq_ignore_ascii_case("head");
            if office.is_none() && heads_an_office && words.word(index + 1) == Some("of") {
                office = Some(index);
            }
            head = Some(index);
            index += 1;
        }
        let last = self.head_of_state_at(head?).or(head)?;
        let head = office.unwrap_or(last);
        // `said the agency’s director, John Smith`; `says the Rev. Pierre
        // Moleres`: an abbreviated title, its period ending no sentence (a
        // full one ends it: `said the First Lady. Olena Zelenska added`).
        let abbreviated_title = words.word(head).is_some_and(|word| {
            is_abbreviation(word) && PERSON_TITLES.contains(&word.to_lowercase().as_str())
        });
        let followed_by_name = words
            .tokens
            .get(index)
            .is_some_and(|t| t.is_punct(',') || (abbreviated_title && t.is_punct('.')))
            && words.is_name_word(index + 1);
        (!followed_by_name && self.is_role_noun(head)).then_some(head)
    }

    /// Extends a subject back over the description in front of the name
    /// ("the Clinton campaign", "Sanders campaign manager Jeff Weaver") so the
    /// after-quote check sees where the subject really starts.
    pub(super) fn description_start(&self, start: usize, lower: usize) -> usize {
        let mut index = start;
        for _ in 0..MAX_DESCRIPTION_WORDS * 2 {
            if index == lower {
                break;
            }
            let Some(word) = self.words.word(index - 1) else {
                break;
            };
            if is_determiner(word) {
                return index - 1;
            }
            // "8-year-old Armen Kazaryan said": an age describes the name too.
            let lowercase = word
                .chars()
                .next()
                .is_some_and(|c| c.is_lowercase() || c.is_ascii_digit());
            let describes = self.words.is_name_word(index - 1)
                || (lowercase
                    && !is_phrase_boundary(word)
                    && !is_speech_verb(word)
                    && !is_verb_filler(word));
            if !describes {
                break;
            }
            index -= 1;
        }
        index
    }

    /// `X, the agency’s director, said`: the name before the apposition, or the one inside it.
    fn apposition_before(&self, comma: usize, lower: usize) -> Option<(Found, usize)> {
        let words = &self.words;
        let floor = comma.saturating_sub(MAX_APPOSITION_TOKENS).max(lower);
        let comma_before = |end: usize| (floor..end).rev().find(|&i| words.tokens[i].is_punct(','));
        let opening = comma_before(comma)?;
        let mut subject_end = opening;
        while subject_end > lower {
            if let Some(run) = words.run_ending_at(subject_end - 1, lower) {
                // `Jean-Marc Ayrault, the foreign minister of France, a
                // permanent member of the Security Council, said`: a name
                // after a preposition ends one apposition of several.
                let object =
                    run.start > lower && words.word(run.start - 1).is_some_and(is_preposition);
                if let Some(earlier) = comma_before(subject_end).filter(|_| object) {
                    subject_end = earlier;
                    continue;
                }
                if let Some(name) = words.strip_titles(run.clone()) {
                    return Some((Found::Name(name), self.description_start(run.start, lower)));
                }
            }
            if words.word(subject_end - 1).is_some_and(is_subject_pronoun) {
                return Some((Found::Pronoun(subject_end - 1), subject_end - 1));
            }
            break;
        }
        // "The agency’s director, John Smith, said"
        let inside = words.run_ending_at(comma - 1, opening + 1)?;
        let name = words.strip_titles(inside)?;
        Some((Found::Name(name), opening.saturating_sub(1).max(lower)))
    }

    /// Reads the name runs from `start` up to a phrase boundary, a speech verb
    /// or `limit`; with `name_ends_at_of`, also up to an `of` or `for` after a
    /// name (`said Smith of the FBI`: the name is found, the rest describes
    /// it). Returns where it stopped and the last run read.
    fn scan_runs(
        &self,
        start: usize,
        limit: usize,
        name_ends_at_of: bool,
    ) -> (usize, Option<Range<usize>>) {
        let words = &self.words;
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
            let describes_found_name =
                name_ends_at_of && last_run.is_some() && matches!(word, "of" | "for");
            if is_phrase_boundary(word) || is_speech_verb(word) || describes_found_name {
                break;
            }
            index += 1;
        }
        (index, last_run)
    }

    /// `said Deputy Head of the President's Office Ihor Zhovkva`: an office
    /// written out in full (titles and `Head`, then `of …`) before its holder's
    /// name. The holder is the person-shaped end of the last name run before
    /// the clause goes on.
    fn holder_after_office(&self, start: usize, upper: usize) -> Option<Range<usize>> {
        let words = &self.words;
        let office = words.run_starting_at(start, upper)?;
        let only_office = office
            .clone()
            .all(|i| words.word(i).is_none_or(|w| is_title(w) || w == "Head"));
        if !only_office || words.word(office.end) != Some("of") {
            return None;
        }
        let limit = upper.min(start + MAX_OFFICE_TOKENS);
        let (_, last_run) = self.scan_runs(office.end, limit, false);
        // The shortest person-shaped end: `of Ukraine Andriy Yermak` holds a
        // place before the name (a longer name is found from its surname).
        let run = last_run?;
        (run.start..run.end.saturating_sub(1))
            .rev()
            .find(|&first| {
                !words.word(first).is_some_and(is_title)
                    && words.looks_like_person(&(first..run.end))
            })
            .map(|first| first..run.end)
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
        // `said a report from Kotak Institutional Equities`.
        if let Some(source) = medium_source(words, start, upper) {
            return Some(Found::Name(source));
        }
        if first.eq_ignore_ascii_case("the") {
            if let Some(role) = self.role_after_the(start + 1, upper) {
                return Some(Found::Role(role));
            }
        }
        if let Some(holder) = self.holder_after_office(start, upper) {
            return Some(Found::Name(holder));
        }
        let limit = upper.min(start + MAX_NAME_AFTER_TOKENS);
        let (index, last_run) = self.scan_runs(start, limit, true);
        let stops_at_comma = words.tokens.get(index).is_some_and(|t| t.is_punct(','));
        // "said the agency’s director, John Smith"; "said Audio Net’s president,
        // Mark Cuban": a possessor's role, then the holder's name.
        let name_after_comma = || {
            let run = words.run_starting_at(index + 1, upper)?;
            let followed_by_end = words.tokens.get(run.end).is_none_or(|t| !t.is_word());
            followed_by_end.then(|| words.strip_titles(run).map_or(Found::Unnamed, Found::Name))
        };
        if let Some(run) = last_run {
            let role_of_possessor =
                words.is_possessive(run.end - 1) && index > run.end && stops_at_comma;
            if role_of_possessor {
                if let Some(found) = name_after_comma() {
                    return Some(found);
                }
            }
            // "said another African, a student": a nationality after other words describes someone unnamed.
            let described_by_nationality = run.len() == 1
                && run.start > start
                && words.word(run.start).is_some_and(is_nationality);
            if described_by_nationality {
                return Some(Found::Unnamed);
            }
            return Some(words.strip_titles(run).map_or(Found::Unnamed, Found::Name));
        }
        if stops_at_comma {
            if let Some(found) = name_after_comma() {
                return Some(found);
            }
        }
        Some(Found::Unnamed)
    }
}
