//! Descriptions around a subject's name that say who the subject is: a
//! person before a preposition (`John Smith of the Brookings Institution
//! said`) and a role before its object (`the founder of Tinkoff Bank wrote`).

use super::attribution::{Attributor, Found};
use super::lexicon::is_title;

impl Attributor<'_> {
    /// `John Smith of the Brookings Institution said`, `Monzer Akbik of the
    /// National Coalition opposition group told Reuters`: the person before a
    /// preposition opening the subject's description (`start`) is the subject.
    pub(super) fn person_before_preposition(
        &self,
        start: usize,
        lower: usize,
    ) -> Option<(Found, usize)> {
        let words = &self.words;
        let preposition = start.checked_sub(1).filter(|&i| i > lower)?;
        let attaches = words
            .word(preposition)
            .is_some_and(|w| matches!(w, "of" | "at" | "from" | "with"));
        if !attaches {
            return None;
        }
        let person = words.run_ending_at(preposition - 1, lower)?;
        // Not an office (`Deputy Head of the … Administration`).
        let name = words.strip_titles(person.clone())?;
        let titled = name.clone().any(|i| words.word(i).is_some_and(is_title));
        if titled || !words.looks_like_person(&name) {
            return None;
        }
        Some((
            Found::Name(name),
            self.description_start(person.start, lower),
        ))
    }

    /// The role noun of `the <role> of <name>` whose name starts at `name`.
    pub(super) fn role_before_object(&self, name: usize, lower: usize) -> Option<usize> {
        let words = &self.words;
        let article = usize::from(words.word(name.checked_sub(1)?) == Some("the"));
        let preposition = name.checked_sub(1 + article)?;
        let role = preposition.checked_sub(1).filter(|&r| r > lower)?;
        let of = words.word(preposition) == Some("of");
        let definite = words
            .word(role - 1)
            .is_some_and(|w| w.eq_ignore_ascii_case("the"));
        let lowercase = words
            .word(role)
            .is_some_and(|w| w.starts_with(char::is_lowercase));
        (of && definite && lowercase && self.is_person_role_noun(role)).then_some(role)
    }
}
