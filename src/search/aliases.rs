//! Which entity names in a report are one entity under different spellings:
//! an acronym, its dotted form and its expansion (`US`, `U.S.`, `United
//! States`; `EU`, `European Union`).
//!
//! Extraction keeps each article's names as written (a name is what the
//! article says, and what the gold data scores); reports fold the spellings
//! together, so "who dominates a period" does not split the United States in
//! three. Only same-kind names fold, and an acronym with two candidate
//! expansions (`SA`: South Africa or Saudi Arabia) folds into neither.

use std::collections::HashMap;

use crate::article::EntityKind;

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
}
