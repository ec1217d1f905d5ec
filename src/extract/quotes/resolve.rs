//! Turning what attribution found into a speaker string: pronouns to the
//! nearest fitting person before them, surnames to full names.
//!
//! The article's entities (from the tagger) are preferred when present; when
//! they are absent, the name runs of the article itself stand in for them, so
//! "Joly" still becomes "Mélanie Joly" when the article names her in full.

use rustc_hash::FxHashMap as HashMap;
use std::cell::OnceCell;
use std::ops::Range;

use crate::article::{Entity, EntityKind};
use crate::extract::words::strip_possessive;

use super::genders::given_name_gender;
use super::lexicon::{
    is_group_pronoun, is_locative_preposition, is_nationality, is_possessive_determiner, is_title,
    person_title_gender, pronoun_gender, Gender,
};
use super::name_strings::{contains_words, last_word};
use super::names::Words;
use super::tokens::TokenKind;

mod role_words;
mod roles;

/// Most tokens back a group pronoun ("they", "it") may look for its organisation.
const GROUP_PRONOUN_REACH: usize = 80;

/// Most tokens back "he" or "she" may look for its person: a few pages of
/// news. Unbounded, an article of many quotes and no fitting name made the
/// search quadratic (a 200 MB file took 40 minutes).
const PERSON_PRONOUN_REACH: usize = 5_000;

/// Most bytes back the nearest of several same-surname people is looked for.
const SURNAME_REACH_BYTES: usize = 50_000;

/// Most tokens around a person's name searched for the role a later
/// description uses (`Naftogaz CEO Andriy Kobolyev` … `the Naftogaz CEO said`).
const ROLE_CONTEXT_TOKENS: usize = 12;

/// A name mentioned outside quotations, and what it looks like.
#[derive(Debug, Clone)]
struct Mention<'a> {
    token: usize,
    name: &'a str,
    person: bool,
    organisation: bool,
    gender: Option<Gender>,
    /// After a possessive determiner (`his Rose Garden appearance`): a
    /// thing someone has, not someone a pronoun stands for.
    owned: bool,
    /// After a preposition of place (`At Inner City Arts, he said`).
    located: bool,
    /// Someone's relation (`his coach Josef Beranek`): not who `he` stands for.
    possessors_gender: Option<Gender>,
    /// A byline (`By Marwan Makdisi` on its own line): the reporter.
    byline: bool,
}

/// The names of one article, indexed for pronoun resolution and canonical names.
pub struct Resolver<'a> {
    words: Words<'a>,
    mentions: Vec<Mention<'a>>,
    /// Multi-word person names by their last word, in text order.
    full_names: HashMap<&'a str, Vec<(usize, &'a str)>>,
    entities: &'a [Entity],
    /// The canonical name of the last person named as a speaker, with its token.
    last_speaker: Option<(usize, String)>,
    /// The first token of every sentence, found when a pronoun first needs them.
    sentence_starts: OnceCell<Vec<usize>>,
}

impl<'a> Resolver<'a> {
    /// Collects the name mentions outside `quoted` token ranges (sorted, disjoint).
    pub fn new(words: Words<'a>, quoted: &[Range<usize>], entities: &'a [Entity]) -> Self {
        let mut mentions = Vec::new();
        let mut quoted_ranges = quoted.iter().peekable();
        let mut index = 0;
        while index < words.tokens.len() {
            while quoted_ranges.peek().is_some_and(|range| range.end <= index) {
                quoted_ranges.next();
            }
            if let Some(range) = quoted_ranges.peek().filter(|range| range.contains(&index)) {
                index = range.end;
                continue;
            }
            let upper = quoted_ranges
                .peek()
                .map_or(words.tokens.len(), |range| range.start);
            let Some(run) = words.run_starting_at(index, upper) else {
                index += 1;
                continue;
            };
            index = run.end;
            let title_gender = run
                .clone()
                .find_map(|i| words.word(i).and_then(person_title_gender));
            let Some(stripped) = words.strip_titles(run.clone()) else {
                continue;
            };
            // `Office Ihor Zhovkva` of `Deputy Head of the President's Office
            // Ihor Zhovkva`: an office's last word run into its holder's name.
            let name_run = holder_at_end(&words, &stripped, entities).unwrap_or(stripped);
            // `Minister for Reintegration`: an office, no title before a name
            // (`Undersecretary of State … Allen Wallis` ends in one).
            let office = words
                .word(name_run.start)
                .is_some_and(|word| word.starts_with(char::is_lowercase))
                && !words.word(name_run.end - 1).is_some_and(|word| {
                    entities
                        .iter()
                        .any(|e| e.kind == EntityKind::Person && last_word(&e.name) == word)
                });
            let has_title = name_run.start > run.start;
            let organisation = words.is_organisation(&run);
            let titled_person = has_title && !office && !words.is_organisation(&name_run);
            let word_before = run.start.checked_sub(1).and_then(|i| words.word(i));
            let owned = word_before.is_some_and(is_possessive_determiner);
            // `in Lyman Hall`, or a sentence's `At Smith Hall` (the run holds `At`).
            let located = word_before.is_some_and(is_locative_preposition)
                || words.word(run.start).is_some_and(is_locative_preposition);
            let describes_next = words.describes_the_next_name(run.end);
            // `By Marwan Makdisi` on its own line: the reporter, not someone
            // the story's `he` stands for.
            let line_ends = words
                .tokens
                .get(run.end)
                .is_none_or(|t| t.kind == TokenKind::Break);
            let by = |word: &str| word.eq_ignore_ascii_case("by");
            let byline =
                line_ends && (word_before.is_some_and(by) || words.word(run.start).is_some_and(by));
            // `the West and Sunni Muslim Gulf Arab monarchies`: peoples'
            // adjectives describing a noun, not someone `he` stands for.
            let peoples = name_run
                .clone()
                .filter(|&i| words.word(i).is_some_and(is_nationality))
                .count();
            mentions.push(Mention {
                token: name_run.start,
                name: words.name_text(&name_run),
                person: (words.looks_like_person(&name_run) || titled_person)
                    && !describes_next
                    && peoples < 2,
                organisation,
                gender: title_gender,
                owned,
                located,
                possessors_gender: words.possessors_gender(run.start),
                byline,
            });
        }
        let mut full_names: HashMap<&str, Vec<(usize, &str)>> = HashMap::default();
        for mention in mentions.iter().filter(|m| m.person && m.name.contains(' ')) {
            full_names
                .entry(last_word(mention.name))
                .or_default()
                .push((mention.token, mention.name));
        }
        // A surname seen with a gendered title passes the gender on to the full
        // name, not to the bare surname: where one person is `Mrs. Yelder`, a
        // plain `Yelder` is someone else (agency style names men so).
        let mut gender_by_surname: HashMap<&str, Gender> = HashMap::default();
        for mention in &mentions {
            if let Some(gender) = mention.gender {
                gender_by_surname.insert(last_word(mention.name), gender);
            }
        }
        // A full name's given name says its bearer's sex (`Stephanie Acs`); so
        // does a bare surname that only people of one sex bear in the article
        // (`Acs`, not `Clinton` of `Bill` and `Hillary Clinton`).
        let mut sex_by_surname: HashMap<&str, Option<Gender>> = HashMap::default();
        for mention in mentions.iter_mut().filter(|m| m.person) {
            let Some(gender) = given_name_gender(mention.name) else {
                continue;
            };
            mention.gender = mention.gender.or(Some(gender));
            sex_by_surname
                .entry(last_word(mention.name))
                .and_modify(|known| *known = known.filter(|known| *known == gender))
                .or_insert(Some(gender));
        }
        for mention in &mut mentions {
            let surname = last_word(mention.name);
            if mention.gender.is_none() && mention.name.contains(' ') {
                mention.gender = gender_by_surname.get(surname).copied();
            }
            if mention.gender.is_none() && !mention.name.contains(' ') {
                mention.gender = sex_by_surname.get(surname).copied().flatten();
            }
            if !mention.person && !mention.organisation && full_names.contains_key(mention.name) {
                mention.person = true;
            }
        }
        Resolver {
            words,
            mentions,
            full_names,
            entities,
            last_speaker: None,
            sentence_starts: OnceCell::new(),
        }
    }

    /// Marks a name as a speaker: whoever spoke is a fitting antecedent for a later "he" or "she".
    pub fn note_speaker(&mut self, token: usize) {
        // Mentions are in token order: a binary search keeps this linear over an article.
        let index = self.mentions.partition_point(|m| m.token < token);
        if let Some(mention) = self.mentions.get_mut(index).filter(|m| m.token == token) {
            if !mention.organisation {
                mention.person = true;
            }
        }
    }

    /// Remembers the person a quotation was just attributed to by name, the
    /// antecedent a later `said the actor` most likely means.
    pub fn note_person_speaker(&mut self, token: usize, name: &str) {
        let is_organisation = self
            .entity_kind(name)
            .is_some_and(|kind| kind != EntityKind::Person);
        if !is_organisation {
            self.last_speaker = Some((token, name.to_string()));
        }
    }

    /// The canonical form of a name found at `token`: the entity's name, or the
    /// fullest form of the same person in this article.
    pub fn canonical_name(&self, name: &'a str, token: usize) -> String {
        if let Some(entity) = self.matching_entity(name, token) {
            return entity.name.clone();
        }
        if name.contains(' ') {
            // `Professor Samuel Moyn of Yale University`: the person named in it,
            // before where they are from (not `Trayvon Martin Foundation`).
            let affiliated = |person: &str| {
                [" of ", " for "].iter().any(|joint| {
                    let head = format!("{person}{joint}");
                    name.starts_with(&head) || name.contains(&format!(" {head}"))
                })
            };
            let person = self
                .entities
                .iter()
                .filter(|e| e.kind == EntityKind::Person && e.name.contains(' '))
                .filter(|e| e.name.starts_with(char::is_uppercase) && affiliated(&e.name))
                .max_by_key(|e| e.name.len());
            return person.map_or_else(|| name.to_string(), |e| e.name.clone());
        }
        let Some(forms) = self.full_names.get(name) else {
            return name.to_string();
        };
        let before = forms.iter().rev().find(|(position, _)| *position < token);
        before
            .or(forms.first())
            .map_or(name, |(_, full)| full)
            .to_string()
    }

    /// The entity a name refers to: the same name, or a person with the same surname
    /// (the one named nearest before `token` when several share it).
    fn matching_entity(&self, name: &str, token: usize) -> Option<&'a Entity> {
        if let Some(exact) = self
            .entities
            .iter()
            .find(|e| e.name.eq_ignore_ascii_case(name))
        {
            return Some(exact);
        }
        // `Moody's said`: the speaker's `'s` was read as a possessive, the
        // entity's name keeps it.
        if let Some(named_by_possessive) = self.entities.iter().find(|e| {
            let stem = strip_possessive(&e.name);
            e.kind != EntityKind::Person
                && stem.len() < e.name.len()
                && stem.eq_ignore_ascii_case(name)
        }) {
            return Some(named_by_possessive);
        }
        let surname = last_word(name);
        let same_surname: Vec<&Entity> = self
            .entities
            .iter()
            .filter(|e| e.kind == EntityKind::Person && last_word(&e.name) == surname)
            .collect();
        if same_surname.len() > 1 {
            let offset = self
                .words
                .tokens
                .get(token)
                .map_or(self.words.text.len(), |t| t.start);
            let mut window_start = offset.saturating_sub(SURNAME_REACH_BYTES);
            while !self.words.text.is_char_boundary(window_start) {
                window_start += 1;
            }
            let prefix = &self.words.text[window_start..offset];
            let nearest = same_surname
                .iter()
                .max_by_key(|e| prefix.rfind(e.name.as_str()));
            return nearest.copied();
        }
        if let Some(&only) = same_surname.first() {
            return Some(only);
        }
        self.entities.iter().find(|e| contains_words(&e.name, name))
    }

    /// The name a pronoun at `token` stands for: the nearest fitting person (or, for
    /// "they"/"we"/"it", organisation) mentioned before it.
    pub fn resolve_pronoun(&self, token: usize) -> Option<String> {
        let pronoun = self.words.word(token)?;
        let before = self.mentions.partition_point(|m| m.token < token);
        let candidates = self.mentions[..before].iter().rev();
        if is_group_pronoun(pronoun) {
            // A nationality the tagger took for a group (`the Japanese
            // consumers`) is an adjective, no one who speaks.
            let organisation = candidates
                .take_while(|m| m.token + GROUP_PRONOUN_REACH >= token)
                .find(|m| {
                    let named_group = m.organisation
                        || self.entity_kind(m.name) == Some(EntityKind::Organization);
                    named_group && !is_nationality(m.name)
                })?;
            // `…, officials said. They said`: they are the officials; `The
            // report said … It adds`: it is the report.
            if (pronoun.eq_ignore_ascii_case("they") || pronoun.eq_ignore_ascii_case("it"))
                && self
                    .words
                    .unnamed_group_speaks(organisation.token + 1..token)
            {
                return None;
            }
            return Some(self.canonical_name(organisation.name, organisation.token));
        }
        let wanted = pronoun_gender(pronoun);
        let fits = |m: &&Mention| {
            let is_person = match self.entity_kind(m.name) {
                Some(kind) => kind == EntityKind::Person,
                // `on the Web. … he said`: `Web` folds into the other name `World
                // Wide Web`; `At Inner City Arts, he said`: a place's name.
                None => {
                    m.person
                        && !m.located
                        && self
                            .matching_entity(m.name, m.token)
                            .is_none_or(|e| e.kind == EntityKind::Person)
                }
            };
            let gender_fits = match (wanted, m.gender) {
                (Some(want), Some(have)) => want == have,
                _ => true,
            };
            let relation = wanted.is_some() && m.possessors_gender == wanted;
            is_person && gender_fits && !m.owned && !m.byline && !relation
        };
        let nearest = candidates
            .take_while(|m| m.token + PERSON_PRONOUN_REACH >= token)
            .find(fits)?;
        // Within the nearest sentence naming a fitting person, its first such
        // person (usually the subject) is meant, not the last one named
        // (`Omar asked for compassion during Carlineo’s sentencing … She added`).
        let sentence = self.sentence_around(nearest.token);
        if let Some(name) = self.role_subject(&sentence, wanted) {
            return Some(name);
        }
        let in_sentence = || {
            self.mentions[..before]
                .iter()
                .filter(|m| sentence.contains(&m.token))
                .filter(fits)
        };
        // A person the article names in full comes before a one-word name
        // that may be a product or a company taken for a person (`The key to
        // Stadia’s success, says Buser, … he says`).
        let full_named = in_sentence()
            .map(|m| (m, self.canonical_name(m.name, m.token)))
            .find(|(_, name)| name.contains(' '));
        if let Some((_, name)) = full_named {
            return Some(name);
        }
        let subject = in_sentence().next().unwrap_or(nearest);
        Some(self.canonical_name(subject.name, subject.token))
    }

    /// The person a role opening `sentence` as its subject stands for (`The
    /// President thanked Andrej Plenković … “…,” he said`: the President, not
    /// the one he thanked), unless a given name says the other sex.
    fn role_subject(&self, sentence: &Range<usize>, wanted: Option<Gender>) -> Option<String> {
        let opens_with_the = self
            .words
            .word(sentence.start)
            .is_some_and(|word| word.eq_ignore_ascii_case("the"));
        if !opens_with_the {
            return None;
        }
        // `The Prime Minister`, `The Head of State`, then the verb.
        let mut role = None;
        let mut index = sentence.start + 1;
        while let Some(word) = self.words.word(index) {
            let capitalised = word.starts_with(char::is_uppercase);
            if !capitalised && !matches!(word, "of" | "for") {
                break;
            }
            if capitalised && (is_title(word) || word == "Head") {
                role = Some(index);
            }
            index += 1;
        }
        let verb_follows = self
            .words
            .word(index)
            .is_some_and(|word| word.starts_with(char::is_lowercase));
        if !verb_follows {
            return None;
        }
        let name = self.resolve_role(role?, false)?;
        let other_sex =
            given_name_gender(&name).is_some_and(|sex| wanted.is_some_and(|w| w != sex));
        (!other_sex).then_some(name)
    }

    /// The tokens of the sentence holding `token`.
    fn sentence_around(&self, token: usize) -> Range<usize> {
        let starts = self
            .sentence_starts
            .get_or_init(|| self.words.sentence_starts());
        let following = starts.partition_point(|&start| start <= token);
        let start = following
            .checked_sub(1)
            .and_then(|i| starts.get(i))
            .copied()
            .unwrap_or(0);
        let end = starts.get(following).copied().unwrap_or(usize::MAX);
        start..end
    }

    /// Whether the tagger saw `name` as a place: a place says nothing, so a
    /// place found by weak cues is no speaker.
    pub fn is_place(&self, name: &str) -> bool {
        self.entity_kind(name) == Some(EntityKind::Place)
    }

    /// Whether `name` is a common word the tagger did not take for a name
    /// (`Further`, `Below`, `Question`): weak cues found no speaker in it. A
    /// plural may stand for an unnamed group (`Respondents`, `Officials`).
    pub fn is_common_word(&self, name: &str) -> bool {
        let one_word = !name.contains(' ');
        one_word
            && !name.ends_with('s')
            && !self.entities.is_empty()
            && self.entity_kind(name).is_none()
            && crate::extract::entities::is_common_word(name)
    }

    /// Whether the tagger saw `name` as an organisation.
    pub fn is_organisation(&self, name: &str) -> bool {
        self.entity_kind(name) == Some(EntityKind::Organization)
    }

    /// The kind of the entity a mention refers to, when the tagger knows it.
    fn entity_kind(&self, name: &str) -> Option<EntityKind> {
        if self.entities.is_empty() {
            return None;
        }
        let surname = last_word(name);
        let entity = self.entities.iter().find(|e| {
            e.name.eq_ignore_ascii_case(name)
                || (e.kind == EntityKind::Person && last_word(&e.name) == surname)
        })?;
        Some(entity.kind)
    }
}

/// The person of the article's entities that ends a name run holding an
/// organisation's word (`Office Ihor Zhovkva`), if any.
fn holder_at_end(words: &Words, run: &Range<usize>, entities: &[Entity]) -> Option<Range<usize>> {
    if run.len() < 3 || !words.is_organisation(run) {
        return None;
    }
    // Not past a title (`European Council President Charles Michel`): the
    // runs the title ends are read as persons already where it stands first.
    if run.clone().any(|i| words.word(i).is_some_and(is_title)) {
        return None;
    }
    (run.start + 1..run.end - 1).find_map(|first| {
        let tail = first..run.end;
        let text = words.name_text(&tail);
        entities
            .iter()
            .any(|entity| entity.kind == EntityKind::Person && entity.name == text)
            .then_some(tail)
    })
}
