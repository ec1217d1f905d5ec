//! Definite descriptions by role (`the actor said`, `the Naftogaz CEO
//! said`, `the Belarusian leader said`) and offices written like names (`the
//! President of Ukraine emphasized`): the person or organisation named
//! earlier that holds the role.

use crate::article::{Entity, EntityKind};

use super::super::lexicon::{is_nationality, is_organisation_role, is_organisation_word, is_title};
use super::super::name_strings::{capitalised_run, contains_words, last_word};
use super::role_words::{
    abbreviates, same_people, GOVERNMENT_HEADS, LEADERS, ROLE_DISTINGUISHERS, STATE_HEADS,
};
use super::{Mention, Resolver, PERSON_PRONOUN_REACH, ROLE_CONTEXT_TOKENS, SURNAME_REACH_BYTES};

/// Most tokens back a possessor's role (`Obama's former campaign strategist`)
/// may look for the person it describes: about the sentence before.
const EPITHET_REACH: usize = 60;

/// Most words between `the` and a role noun read as its qualifier (`the
/// former Belarusian foreign minister`).
const MAX_QUALIFIER_WORDS: usize = 4;

/// What a definite description says besides its role (see
/// [`Resolver::description`]).
struct Description<'w> {
    /// Where it starts (its `the`): words from here on are its own.
    start: usize,
    /// Names and peoples qualifying the role (`Naftogaz`, `Russian`).
    names: Vec<&'w str>,
    /// Title words of the role other than its noun (`prime`, `Deputy`, `former`).
    titles: Vec<&'w str>,
}

impl Description<'_> {
    /// A description that says nothing besides its role, at `start`.
    fn empty(start: usize) -> Self {
        Description {
            start,
            names: Vec::new(),
            titles: Vec::new(),
        }
    }
}

/// How a name fits a description, worst first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Fit {
    None,
    /// Its people is not written near the name, and no other is.
    Unopposed,
    /// Every word of the description is written near the name.
    Written,
}

/// Most tokens of a title written before a name, read back over for the
/// role a later description uses.
const MAX_TITLE_TOKENS: usize = 20;

/// Most tokens between a title and the name it stands before (`Sen.`,
/// `Secretary General` then the name).
const MAX_TITLE_GAP: usize = 3;

impl Resolver<'_> {
    /// The person or organisation a definite description at `token` stands
    /// for (`the Naftogaz CEO said`, `said the actor`, `the ministry said`):
    /// an organisation named with the same word, a person introduced with the
    /// same role, or for a person's role the person last quoted by name.
    /// Nothing rather than the nearest unrelated name. `described` is set for
    /// a lowercase role after a name (`the TWA spokesman`), which stands for
    /// The person a possessor's role stands for when no holder of the role
    /// is named (`David Axelrod on Wednesday called … “…,” Obama's former
    /// campaign strategist said`): the person named just before, if that is
    /// not the possessor (`Trump said … Trump's lawyer said` is no one known).
    pub fn resolve_epithet(&self, token: usize, possessor: &str) -> Option<String> {
        let before = self.mentions.partition_point(|m| m.token < token);
        let nearest = self.mentions[..before]
            .iter()
            .rev()
            .take_while(|m| m.token + EPITHET_REACH >= token)
            .find(|m| m.person && !m.owned && !m.byline)?;
        // The sentence's first person, its subject: `David Axelrod … called
        // on Howard Dean to apologize to Donald Trump` is Axelrod.
        let sentence = self.sentence_around(nearest.token);
        let subject = self.mentions[..before]
            .iter()
            .find(|m| sentence.contains(&m.token) && m.person && !m.owned && !m.byline)
            .unwrap_or(nearest);
        let name = self.canonical_name(subject.name, subject.token);
        let is_person = self.entity_kind(&name) == Some(EntityKind::Person);
        (is_person && !contains_words(&name, last_word(possessor))).then_some(name)
    }

    /// the last speaker only when the article writes that name beside them.
    pub fn resolve_role(&self, token: usize, described: bool) -> Option<String> {
        let role = self.words.word(token)?;
        let description = self.description(token);
        let before = self.mentions.partition_point(|m| m.token < token);
        let candidates = self.mentions[..before].iter().rev();
        if is_organisation_role(role) {
            let named_alike = candidates
                .take_while(|m| m.token + PERSON_PRONOUN_REACH >= token)
                .find(|m| {
                    !m.person
                        && m.name
                            .split_whitespace()
                            .any(|word| word.eq_ignore_ascii_case(role))
                })?;
            return Some(self.canonical_name(named_alike.name, named_alike.token));
        }
        let introduced_with_role = self.holders(token, role, &description);
        // `President Volodymyr Zelenskyy … talks with President of the Slovak
        // Republic Zuzana Čaputová … the President said`: of several holders of
        // the role, the one the article names most, then the one bearing it
        // unqualified (no `of`), then the nearest.
        let best_of = |wanted: Fit| {
            introduced_with_role
                .iter()
                .enumerate()
                .filter(|(_, (_, fit))| *fit == wanted)
                .max_by_key(|(rank, (m, _))| {
                    let unqualified = !self.role_qualified(m.token, role);
                    (self.times_named(m), unqualified, std::cmp::Reverse(*rank))
                })
                .map(|(_, (m, _))| self.canonical_name(m.name, m.token))
        };
        let person_role = is_title(role)
            || role.eq_ignore_ascii_case("head")
            || role.chars().all(|c| c.is_lowercase());
        // `“…,” said Medvedev … “…,” the former Russian president added`: the
        // last speaker, when written beside the description's people.
        let last_speaker = || {
            let (speaker_token, speaker) = self.last_speaker.as_ref()?;
            let recent = *speaker_token < token && speaker_token + PERSON_PRONOUN_REACH >= token;
            let fits = self.mentions[..before].iter().any(|m| {
                m.person
                    && last_word(m.name) == last_word(speaker)
                    && self.fits_last_speaker(m.token, &description, described)
            });
            (person_role && recent && fits).then(|| speaker.clone())
        };
        // A holder written with the description, the last speaker written
        // with it, then a holder whose people is only not contradicted (a
        // release's `President Volodymyr Zelenskyy` is `the Ukrainian
        // President`; after `said Macron`, `the French President` is Macron).
        best_of(Fit::Written)
            .or_else(last_speaker)
            .or_else(|| best_of(Fit::Unopposed))
    }

    /// The persons named before `token` with `role` (or a head's title)
    /// written near them, and how each fits `description`; nobody the
    /// description rules out.
    fn holders(
        &self,
        token: usize,
        role: &str,
        description: &Description,
    ) -> Vec<(&Mention<'_>, Fit)> {
        let titles = self.titles_of_head(token);
        let before = self.mentions.partition_point(|m| m.token < token);
        self.mentions[..before]
            .iter()
            .rev()
            .take_while(|m| m.token + PERSON_PRONOUN_REACH >= token)
            .filter(|m| {
                // `the Naftogaz CEO` is itself a mention: a name holding the role is no name.
                let holds_role = m
                    .name
                    .split_whitespace()
                    .any(|word| word.eq_ignore_ascii_case(role));
                // `President talked to members of the Invictus Games`: a
                // name the tagger found as no person (an organisation may be
                // a person it misread: `Minister of Health Viktor Lyashko`)
                // holds no person's role.
                let tagged_as_someone = self.entities.is_empty()
                    || matches!(
                        self.entity_kind(m.name),
                        Some(EntityKind::Person | EntityKind::Organization)
                    );
                // `President of Belarus`: an office, not its holder.
                let office = m.name.split_whitespace().next().is_some_and(is_title);
                m.person
                    && !holds_role
                    && !office
                    && tagged_as_someone
                    && self.role_near(m, role, titles, description.start)
            })
            .map(|m| (m, self.fit(m.token, description)))
            .filter(|(_, fit)| *fit != Fit::None)
            .collect()
    }

    /// What a definite description ending in the role noun at `token` says
    /// besides its role, from its `the`: the names and peoples qualifying it
    /// (`the TWA spokesman`, `the former Russian president`), the title words
    /// of its role (`the British prime minister`, `said the Deputy Prime
    /// Minister`), and `former`. Empty when no `the` opens it within a few words.
    fn description(&self, token: usize) -> Description<'_> {
        let mut description = Description::empty(token);
        for index in (token.saturating_sub(MAX_QUALIFIER_WORDS + 1)..token).rev() {
            let Some(word) = self.words.word(index) else {
                break;
            };
            if word.eq_ignore_ascii_case("the") {
                description.start = index;
                return description;
            }
            if is_title(word) {
                // `the presidential candidate`, `the senior diplomat`: an
                // adjective the introduction may leave out.
                if ROLE_DISTINGUISHERS
                    .iter()
                    .any(|d| d.eq_ignore_ascii_case(word))
                {
                    description.titles.push(word);
                }
            } else if word.starts_with(char::is_uppercase) {
                description.names.push(word);
            }
        }
        Description::empty(token)
    }

    /// How the name at `token` fits a description: every title word and name
    /// of it written near (`Naftogaz CEO Andriy Kobolyev`; a people's
    /// adjective also by its country's name, `Russia’s`), or its people only
    /// unopposed (a release's `President Volodymyr Zelenskyy` may be `the
    /// Ukrainian President`; `French President Emmanuel Macron` may not).
    fn fit(&self, token: usize, description: &Description) -> Fit {
        let written = |wanted: &str| self.written_near(token, wanted, description.start);
        if !description.titles.iter().all(|title| written(title)) {
            return Fit::None;
        }
        let mut fit = Fit::Written;
        for name in &description.names {
            if written(name) {
                continue;
            }
            if !is_nationality(name) || self.other_people_before(token, name) {
                return Fit::None;
            }
            fit = Fit::Unopposed;
        }
        fit
    }

    /// Whether a description fits the last speaker named at `token`: its
    /// peoples and places written near the name (`“…,” said Medvedev … the
    /// former Russian president added`), its other names too when
    /// `described` (`the TWA spokesman`), not for a role written like a name
    /// (`“…,” Vitrenko comments … says the Naftogaz CEO`). Its titles are not
    /// asked for: a speaker's long title is often far from their name
    /// (`Deputy Prime Minister - Minister for Reintegration of … Iryna Vereshchuk`).
    fn fits_last_speaker(&self, token: usize, description: &Description, described: bool) -> bool {
        description.names.iter().all(|name| {
            let may_go_unwritten = !described && !self.names_a_people(name);
            may_go_unwritten || self.written_near(token, name, description.start)
        })
    }

    /// Whether `wanted` (or its people's country) is written near the name at
    /// `token`, before `limit` (where the description itself starts).
    fn written_near(&self, token: usize, wanted: &str, limit: usize) -> bool {
        let from = self.context_start(token);
        let to = self.context_end(token).min(limit);
        (from..to).any(|i| {
            self.words
                .word(i)
                .is_some_and(|word| same_people(word, wanted))
        })
    }

    /// Whether another people or a place than `people` is written right
    /// before the name at `token` (`French President Emmanuel Macron`, `U.S.
    /// President Joe Biden`).
    fn other_people_before(&self, token: usize, people: &str) -> bool {
        let from = token.saturating_sub(ROLE_CONTEXT_TOKENS / 2);
        (from..token).any(|i| {
            self.words.word(i).is_some_and(|word| {
                word.starts_with(char::is_uppercase)
                    && self.names_a_people(word)
                    && !same_people(word, people)
            })
        })
    }

    /// A people's adjective or a place (`Ukrainian`, `US`, `Florida`).
    fn names_a_people(&self, word: &str) -> bool {
        is_nationality(word) || self.is_place(word)
    }

    /// The person an office written like a name stands for (`the President of
    /// Ukraine emphasized`): the person named right after the same office
    /// before `token` (`President of Ukraine Volodymyr Zelenskyy had a call
    /// with President of Poland Andrzej Duda`), the nearest such one.
    pub fn office_holder(&self, office: &str, token: usize) -> Option<String> {
        let first_word = office.split_whitespace().next()?;
        // `the Office of the President said`: an organisation speaks, not its head.
        let names_a_body = office.split_whitespace().any(is_organisation_word);
        if !is_title(first_word) || !office.contains(' ') || names_a_body {
            return None;
        }
        let offset = self.words.tokens.get(token)?.start;
        let mut window_start = offset.saturating_sub(SURNAME_REACH_BYTES);
        while !self.words.text.is_char_boundary(window_start) {
            window_start += 1;
        }
        let window = self.words.text.get(window_start..offset)?;
        let lowered_window = window.to_ascii_lowercase();
        let lowered_office = office.to_ascii_lowercase();
        let persons: Vec<&Entity> = self
            .entities
            .iter()
            .filter(|e| e.kind == EntityKind::Person)
            .collect();
        let mut search_end = lowered_window.len();
        while let Some(found) = lowered_window[..search_end].rfind(&lowered_office) {
            let after = window[found + office.len()..].trim_start_matches([' ', ',']);
            let holder = persons.iter().find(|e| after.starts_with(e.name.as_str()));
            if let Some(person) = holder {
                return Some(person.name.clone());
            }
            // Without the tagger's entities, a full name written right after the office.
            let capitalised = capitalised_run(after);
            if self.entities.is_empty() && capitalised.len() >= 2 {
                return Some(capitalised.join(" "));
            }
            search_end = found;
        }
        None
    }

    /// How many mentions outside quotations name the same person as `mention`
    /// (by its last word: `Zelenskyy` and `Volodymyr Zelenskyy`).
    fn times_named(&self, mention: &Mention) -> usize {
        let surname = last_word(mention.name);
        self.mentions
            .iter()
            .filter(|m| m.person && last_word(m.name) == surname)
            .count()
    }

    /// Whether `role` stands right before the name at `token` qualified by
    /// `of` (`President of the Slovak Republic Zuzana Čaputová`).
    fn role_qualified(&self, token: usize, role: &str) -> bool {
        let from = token.saturating_sub(ROLE_CONTEXT_TOKENS / 2);
        (from..token).any(|i| {
            let is_role = self
                .words
                .word(i)
                .is_some_and(|w| w.eq_ignore_ascii_case(role));
            is_role && self.words.word(i + 1) == Some("of")
        })
    }

    /// The titles a head's description at `token` stands for (`the leader`,
    /// `the head of state`, `the head of government`), if it is one.
    fn titles_of_head(&self, token: usize) -> Option<&'static [&'static str]> {
        let role = self.words.word(token)?;
        if role.eq_ignore_ascii_case("leader") {
            return Some(LEADERS);
        }
        if !role.eq_ignore_ascii_case("head") || self.words.word(token + 1) != Some("of") {
            return None;
        }
        let governs = self.words.word(token + 2)?;
        if governs.eq_ignore_ascii_case("state") {
            return Some(STATE_HEADS);
        }
        governs
            .eq_ignore_ascii_case("government")
            .then_some(GOVERNMENT_HEADS)
    }

    /// Whether `role` is written next to the name at `token` (titles before it,
    /// an apposition after it); for a head's description (`titles`), one of
    /// the head's titles (`Belarusian President Aleksandr Lukashenko`).
    /// Words from `limit` on (the description itself) are not looked at.
    fn role_near(
        &self,
        mention: &Mention,
        role: &str,
        titles: Option<&[&str]>,
        limit: usize,
    ) -> bool {
        let token = mention.token;
        let from = self.context_start(token);
        let to = (token + ROLE_CONTEXT_TOKENS)
            .min(limit)
            .min(self.words.tokens.len());
        (from..to).any(|i| {
            let Some(word) = self.words.word(i) else {
                return false;
            };
            // `Sen. Marco Rubio`: an abbreviated title stands right before its name.
            let abbreviated = i < token && i + MAX_TITLE_GAP >= token && abbreviates(word, role);
            let names_role = match titles {
                Some(titles) => titles.iter().any(|t| word.eq_ignore_ascii_case(t)),
                None => word.eq_ignore_ascii_case(role) || abbreviated,
            };
            i != token && names_role && !self.titles_another(mention, i)
        })
    }

    /// Where the words describing the name at `token` start: a few tokens
    /// back, or further over a long title written before it (`Deputy Prime
    /// Minister - Minister for Reintegration of the Temporarily Occupied
    /// Territories Iryna Vereshchuk`).
    fn context_start(&self, token: usize) -> usize {
        let near = token.saturating_sub(ROLE_CONTEXT_TOKENS / 2);
        let floor = token.saturating_sub(MAX_TITLE_TOKENS);
        let mut start = token;
        while start > floor {
            let previous = &self.words.tokens[start - 1];
            let in_title = match self.words.word(start - 1) {
                Some(word) => {
                    word.starts_with(char::is_uppercase)
                        || matches!(word, "of" | "for" | "the" | "and" | "on")
                }
                None => previous.is_punct('-') || previous.is_punct('–'),
            };
            if !in_title {
                break;
            }
            start -= 1;
        }
        start.min(near)
    }

    /// Where the words describing the name at `token` end: a few tokens on,
    /// within its sentence (`said Lavrov. The head of the British
    /// government` says nothing of Lavrov).
    fn context_end(&self, token: usize) -> usize {
        let limit = (token + ROLE_CONTEXT_TOKENS).min(self.words.tokens.len());
        self.sentence_around(token).end.min(limit)
    }

    /// Whether the title word at `index` belongs to another person than the
    /// one named at `token`: one named between them (`President Zelenskyy
    /// met Prime Minister Denys Shmyhal`), or right after it (`Volodymyr
    /// Zelenskyy met NATO Secretary General Jens Stoltenberg`). The name runs
    /// read a title and its name as one (`NATO Secretary General Jens
    /// Stoltenberg`), so the tagger's persons are looked for too.
    fn titles_another(&self, mention: &Mention, index: usize) -> bool {
        let token = mention.token;
        let (from, to) = if index < token {
            (index + 1, token)
        } else {
            (index + 1, index + 1 + MAX_TITLE_GAP)
        };
        let first = self.mentions.partition_point(|m| m.token < from);
        let person_between = self.mentions[first..]
            .iter()
            .take_while(|m| m.token < to)
            .any(|m| m.person);
        let own = |word: &str| mention.name.split_whitespace().any(|w| w == word);
        let opens_a_person = |word: &str| {
            !own(word)
                && self.entities.iter().any(|e| {
                    e.kind == EntityKind::Person && e.name.split_whitespace().next() == Some(word)
                })
        };
        if person_between {
            return true;
        }
        if index < token {
            return (from..to).any(|i| self.words.word(i).is_some_and(opens_a_person));
        }
        let mut next = from;
        while next < to && self.words.word(next).is_some_and(is_title) {
            next += 1;
        }
        self.words.word(next).is_some_and(opens_a_person)
    }
}
