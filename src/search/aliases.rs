//! Which entity names in a report are one entity under different spellings:
//! an acronym, its dotted form and its expansion (`US`, `U.S.`, `United
//! States`; `EU`, `European Union`).
//!
//! Extraction keeps each article's names as written (a name is what the
//! article says, and what the gold data scores); reports fold the spellings
//! together, so "who dominates a period" does not split the United States in
//! three. Only same-kind names fold, and an acronym with two candidate
//! expansions (`SA`: South Africa or Saudi Arabia) folds into neither.

use std::collections::{BTreeSet, HashMap};

use tantivy::schema::Field;
use tantivy::Searcher;

use crate::article::EntityKind;
use crate::index::schema::{entity_tag, parse_entity_tag};

/// Most letters of an acronym (`NATO`, `OSCE`, `UNESCO`).
const MAX_ACRONYM_LETTERS: usize = 6;

/// Small words skipped when taking initials (`Organization of the Petroleum …`).
fn is_connector(word: &str) -> bool {
    matches!(
        word,
        "of" | "the" | "and" | "for" | "de" | "du" | "des" | "la" | "le" | "&"
    )
}

/// The letters of an acronym written as one (`US`, `U.S.`), if `name` is one.
fn acronym_letters(name: &str) -> Option<String> {
    let letters: String = name.chars().filter(|c| *c != '.').collect();
    let count = letters.chars().count();
    let is_acronym = (2..=MAX_ACRONYM_LETTERS).contains(&count)
        && letters
            .chars()
            .all(|c| c.is_uppercase() && c.is_alphabetic());
    is_acronym.then_some(letters)
}

/// The initials of a name of several capitalised words (`United States` → `US`).
fn initials(name: &str) -> Option<String> {
    let words: Vec<&str> = name
        .split_whitespace()
        .filter(|word| !is_connector(word))
        .collect();
    if words.len() < 2 || words.len() > MAX_ACRONYM_LETTERS {
        return None;
    }
    words
        .iter()
        .map(|word| word.chars().next().filter(|c| c.is_uppercase()))
        .collect()
}

/// Groups of indexes into `names` that spell one entity; each group lists its
/// expansion first when it has one, then the acronyms in the order given.
/// Names that fold with nothing are left out.
pub fn alias_groups(names: &[(&str, EntityKind)]) -> Vec<Vec<usize>> {
    let mut acronyms: HashMap<(EntityKind, String), Vec<usize>> = HashMap::new();
    let mut expansions: HashMap<(EntityKind, String), Vec<usize>> = HashMap::new();
    for (index, (name, kind)) in names.iter().enumerate() {
        if let Some(letters) = acronym_letters(name) {
            acronyms.entry((*kind, letters)).or_default().push(index);
        } else if let Some(letters) = initials(name) {
            expansions.entry((*kind, letters)).or_default().push(index);
        }
    }
    let mut groups: Vec<Vec<usize>> = acronyms
        .into_iter()
        .filter_map(|(key, forms)| {
            let group: Vec<usize> = match expansions.get(&key).map(Vec::as_slice) {
                Some([expansion]) => std::iter::once(*expansion).chain(forms).collect(),
                _ => forms,
            };
            (group.len() > 1).then_some(group)
        })
        .collect();
    groups.sort();
    groups
}

/// The letters `name` is or abbreviates, in capitals: `US` for `US`,
/// `U.S.`, `United States` or `united states`; `None` for one plain word.
fn letters_of(name: &str) -> Option<String> {
    acronym_letters(name).or_else(|| {
        let capitalised: String = name
            .split_whitespace()
            .map(|word| {
                if is_connector(word) {
                    return word.to_string();
                }
                let mut chars = word.chars();
                chars.next().map_or_else(String::new, |first| {
                    first.to_uppercase().chain(chars).collect::<String>()
                })
            })
            .collect::<Vec<_>>()
            .join(" ");
        initials(&capitalised)
    })
}

/// Every spelling the index holds of the entity `name` names, `name`
/// included, folded as [`alias_groups`] folds them in reports: `--entity
/// "United States"` finds the articles that only say `US`, and the reverse.
///
/// Reads the `entity_tag` term dictionary over the names that start with the
/// acronym's first letter, one range scan per kind, not the whole dictionary.
pub fn spellings(searcher: &Searcher, entity_tag_field: Field, name: &str) -> Vec<String> {
    let mut found = vec![name.to_string()];
    let Some(letters) = letters_of(name) else {
        return found;
    };
    let Some(first) = letters.chars().next() else {
        return found;
    };
    let mut candidates: BTreeSet<(EntityKind, String)> = BTreeSet::new();
    for kind in EntityKind::ALL {
        let lower = entity_tag(kind, &first.to_string());
        let upper = entity_tag(
            kind,
            &char::from_u32(first as u32 + 1)
                .unwrap_or(first)
                .to_string(),
        );
        for segment in searcher.segment_readers() {
            let Ok(inverted) = segment.inverted_index(entity_tag_field) else {
                continue;
            };
            let Ok(mut stream) = inverted.terms().range().ge(&lower).lt(&upper).into_stream()
            else {
                continue;
            };
            while stream.advance() {
                let Ok(tag) = std::str::from_utf8(stream.key()) else {
                    continue;
                };
                if let Some((kind, candidate)) = parse_entity_tag(tag) {
                    if letters_of(candidate).as_deref() == Some(letters.as_str()) {
                        candidates.insert((kind, candidate.to_string()));
                    }
                }
            }
        }
    }
    let names: Vec<(&str, EntityKind)> = candidates
        .iter()
        .map(|(kind, candidate)| (candidate.as_str(), *kind))
        .collect();
    for group in alias_groups(&names) {
        // Every group holds an acronym of these letters, so an acronym the
        // user typed (`U.S.` where the index has `US`) belongs to each.
        let holds_name = acronym_letters(name).is_some()
            || group
                .iter()
                .any(|&i| names[i].0.to_lowercase() == name.to_lowercase());
        if holds_name {
            found.extend(group.iter().map(|&i| names[i].0.to_string()));
        }
    }
    found.sort();
    found.dedup();
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn grouped<'n>(names: &[(&'n str, EntityKind)]) -> Vec<Vec<&'n str>> {
        alias_groups(names)
            .into_iter()
            .map(|group| group.into_iter().map(|i| names[i].0).collect())
            .collect()
    }

    #[test]
    fn acronyms_fold_into_their_single_expansion() {
        use EntityKind::*;
        type Case<'a> = (&'a [(&'a str, EntityKind)], &'a [&'a [&'a str]]);
        let cases: &[Case] = &[
            (
                &[
                    ("US", Place),
                    ("Ukraine", Place),
                    ("United States", Place),
                    ("U.S.", Place),
                ],
                &[&["United States", "US", "U.S."]],
            ),
            (
                &[("EU", Organization), ("European Union", Organization)],
                &[&["European Union", "EU"]],
            ),
            (
                &[
                    ("NATO", Organization),
                    ("North Atlantic Treaty Organization", Organization),
                ],
                &[&["North Atlantic Treaty Organization", "NATO"]],
            ),
            // Two expansions: the acronym is ambiguous, and only its spellings fold.
            (
                &[
                    ("SA", Place),
                    ("South Africa", Place),
                    ("Saudi Arabia", Place),
                    ("S.A.", Place),
                ],
                &[&["SA", "S.A."]],
            ),
            // Kinds differ: not the same entity.
            (&[("UN", Organization), ("United Nations", Place)], &[]),
            // Not acronyms: a word in capitals longer than an acronym, a lowercase word.
            (&[("UKRAINE", Place), ("Upper Kama", Place)], &[]),
        ];
        for (names, expected) in cases {
            let expected: Vec<Vec<&str>> = expected.iter().map(|g| g.to_vec()).collect();
            assert_eq!(grouped(names), expected, "{names:?}");
        }
    }

    #[test]
    fn filter_values_abbreviate_like_the_report() {
        let cases = [
            ("US", Some("US")),
            ("U.S.", Some("US")),
            ("united states", Some("US")),
            ("European Union", Some("EU")),
            (
                "Organization of the Petroleum Exporting Countries",
                Some("OPEC"),
            ),
            ("Ukraine", None),
            ("us", None),
        ];
        for (name, expected) in cases {
            assert_eq!(letters_of(name).as_deref(), expected, "{name}");
        }
    }
}
