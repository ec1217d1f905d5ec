//! A one-word name's kind in a corpus report, from the corpus's full forms of
//! it. The tagger guesses a lone word's kind from the words around it, and in
//! headlines those say little: `EBay rejects Icahn slate` made `Icahn` an
//! organisation in 12 headlines of the UCI sample, `Why Herbalife (HLF) Is Up
//! Today` made `Herbalife` a person in 7. The corpus writes both in full
//! elsewhere, and a full form says what a lone word cannot: `Carl Icahn` (a
//! given name before it) is a person, `Herbalife Ltd.` (a company word after
//! it) a company.
//!
//! So a one-word name whose articles make it a person takes the organisation
//! kind when the corpus names a company by it and no person, and one whose
//! articles make it an organisation takes the person kind when the corpus
//! names a person by it, no company, no longer organisation or place holds it
//! as a word (`Preston` of `Preston North End`, `Post` of `Washington Post`),
//! and the person's full names are in at least half as many articles as the
//! name itself (a news agency that shares a surname is named far more often
//! than the person). Names the lexicon knows and places keep their kind.

use rustc_hash::{FxHashMap, FxHashSet};

use crate::article::EntityKind;
use crate::extract::entities::{is_given_name, is_known_name};
use crate::extract::words::{is_generational_suffix, COMPANY_WORDS};

/// The full forms of one word across a corpus: the full name with the most
/// articles and the articles of all of them together (an article naming two
/// full forms counts twice).
#[derive(Debug, Default, Clone)]
struct Forms {
    shown: String,
    shown_articles: usize,
    articles: usize,
}

impl Forms {
    fn add(&mut self, name: &str, articles: usize) {
        self.articles += articles;
        if articles > self.shown_articles {
            self.shown = name.to_string();
            self.shown_articles = articles;
        }
    }
}

/// A kind a one-word name takes from its full forms: the kind, the full name
/// with the most articles (`Carl Icahn`) and the articles of the full forms.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SettledKind {
    pub kind: EntityKind,
    pub full_name: String,
    pub articles: usize,
}

/// The full forms of the one-word names of a corpus report (see the module
/// comment), keyed by the lowercase word.
#[derive(Debug, Default)]
pub(crate) struct FullForms {
    persons: FxHashMap<String, Forms>,
    companies: FxHashMap<String, Forms>,
    in_longer_names: FxHashSet<String>,
}

impl FullForms {
    /// Reads the full forms out of every name of the report with its kind and
    /// articles.
    pub(crate) fn new<'a>(names: impl IntoIterator<Item = (&'a str, EntityKind, usize)>) -> Self {
        let mut forms = FullForms::default();
        for (name, kind, articles) in names {
            let words: Vec<&str> = name.split(' ').collect();
            let (Some(first), Some(last)) = (words.first(), words.last()) else {
                continue;
            };
            if words.len() < 2 {
                continue;
            }
            match kind {
                EntityKind::Person if is_given_name(first) && !is_generational_suffix(last) => {
                    let entry = forms.persons.entry(last.to_lowercase()).or_default();
                    entry.add(name, articles);
                }
                EntityKind::Organization | EntityKind::Place => {
                    let company_word = COMPANY_WORDS
                        .iter()
                        .any(|word| word.eq_ignore_ascii_case(last.trim_end_matches('.')));
                    if kind == EntityKind::Organization && company_word && !is_given_name(first) {
                        let entry = forms.companies.entry(first.to_lowercase()).or_default();
                        entry.add(name, articles);
                    }
                    let held = words.iter().map(|word| word.to_lowercase());
                    forms.in_longer_names.extend(held);
                }
                _ => {}
            }
        }
        forms
    }

    /// The kind `name` takes from its full forms, if they settle one other
    /// than `kind`, the kind most of its `articles` give it.
    pub(crate) fn settle(
        &self,
        name: &str,
        kind: EntityKind,
        articles: usize,
    ) -> Option<SettledKind> {
        if name.contains(' ') || is_generational_suffix(name) || is_known_name(name) {
            return None;
        }
        let key = name.to_lowercase();
        let person = self.persons.get(&key);
        let company = self.companies.get(&key);
        let (settled, forms) = match (kind, person, company) {
            (EntityKind::Person, None, Some(company)) => (EntityKind::Organization, company),
            (EntityKind::Organization, Some(person), None) => {
                let named_often = person.articles * 2 >= articles;
                if !named_often || self.in_longer_names.contains(&key) {
                    return None;
                }
                (EntityKind::Person, person)
            }
            _ => return None,
        };
        Some(SettledKind {
            kind: settled,
            full_name: forms.shown.clone(),
            articles: forms.articles,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use EntityKind::{Organization, Person, Place};

    fn forms(names: &[(&str, EntityKind, usize)]) -> FullForms {
        FullForms::new(names.iter().copied())
    }

    /// Regression (issue 13): `Icahn` was an organisation in the UCI sample's
    /// report (12 headlines), `Herbalife` a person (7).
    #[test]
    fn a_lone_word_takes_the_kind_of_its_full_forms() {
        let corpus = forms(&[
            ("Carl Icahn", Person, 9),
            ("Herbalife Ltd.", Organization, 2),
        ]);
        let icahn = corpus.settle("Icahn", Organization, 12);
        assert_eq!(
            icahn,
            Some(SettledKind {
                kind: Person,
                full_name: "Carl Icahn".to_string(),
                articles: 9
            })
        );
        let herbalife = corpus
            .settle("Herbalife", Person, 7)
            .map(|settled| settled.kind);
        assert_eq!(herbalife, Some(Organization));
        assert_eq!(corpus.settle("Icahn", Person, 12), None);
    }

    #[test]
    fn full_forms_of_both_kinds_settle_nothing() {
        let corpus = forms(&[
            ("Henry Ford", Person, 3),
            ("Ford Motor Co", Organization, 40),
        ]);
        assert_eq!(corpus.settle("Ford", Organization, 50), None);
        assert_eq!(corpus.settle("Ford", Person, 5), None);
    }

    /// `Preston` of `Preston North End` stays the club beside `Jon Preston`;
    /// a name far more frequent than its person stays as it is.
    #[test]
    fn a_word_of_a_longer_name_or_a_much_more_frequent_name_keeps_its_kind() {
        let corpus = forms(&[
            ("Jon Preston", Person, 4),
            ("Preston North End", Organization, 1),
            ("Michael Dell", Person, 3),
        ]);
        assert_eq!(corpus.settle("Preston", Organization, 6), None);
        assert_eq!(corpus.settle("Dell", Organization, 40), None);
        assert!(corpus.settle("Dell", Organization, 6).is_some());
    }

    /// No given name, no company word, a suffix, a place or a known name:
    /// nothing to go by.
    #[test]
    fn only_given_names_and_company_words_make_full_forms() {
        let corpus = forms(&[
            ("Capitol Hill", Person, 30),
            ("Elizabeth II", Person, 3),
            ("Texas Industries", Organization, 3),
            ("Robert Inc", Organization, 3),
        ]);
        assert_eq!(corpus.settle("Hill", Organization, 5), None);
        assert_eq!(corpus.settle("II", Organization, 2), None);
        assert_eq!(corpus.settle("Texas", Place, 20), None);
        assert_eq!(corpus.settle("Robert", Person, 2), None);
    }
}
