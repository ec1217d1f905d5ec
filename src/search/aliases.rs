//! Which entity names in the index are one entity under different spellings:
//! the folding rules of [`crate::extract::aliases`] applied to the names the
//! index holds, so that "who dominates a period" does not split the United
//! States in three and `--entity US` finds `United States`.

use std::collections::{BTreeMap, BTreeSet};

use tantivy::schema::Field;
use tantivy::Searcher;

use crate::article::EntityKind;
pub use crate::extract::aliases::alias_groups;
use crate::extract::aliases::{acronym_letters, letters_of, spelling_key};
use crate::index::schema::{entity_tag, parse_entity_tag};

/// Every spelling the index holds of the entity `name` names, `name`
/// included, folded as reports fold them: acronyms as [`alias_groups`] folds
/// them (`--entity "United States"` finds the articles that only say `US`,
/// and the reverse), and spellings of one [`spelling_key`] (`Mt. Gox`,
/// `MtGox`).
///
/// Reads the `entity_tag` term dictionary over the names that start with the
/// name's or the acronym's first letter, one range scan per kind and letter,
/// not the whole dictionary.
pub fn spellings(searcher: &Searcher, entity_tag_field: Field, name: &str) -> Vec<String> {
    let mut found = vec![name.to_string()];
    let key = spelling_key(name);
    let letters = letters_of(name);
    // The name's first letter in both cases, for its spellings, and its
    // acronym's first letter, for its acronyms: each range is scanned once.
    let name_firsts: BTreeSet<char> = name
        .chars()
        .next()
        .into_iter()
        .flat_map(|first| first.to_uppercase().chain(first.to_lowercase()))
        .collect();
    let acronym_first = letters
        .as_deref()
        .and_then(|letters| letters.chars().next());
    let ranges: BTreeSet<char> = name_firsts.iter().copied().chain(acronym_first).collect();
    let mut candidates: BTreeMap<(EntityKind, String), usize> = BTreeMap::new();
    for first in ranges {
        let spellings_here = name_firsts.contains(&first);
        let acronyms_here = acronym_first == Some(first);
        scan_names(
            searcher,
            entity_tag_field,
            first,
            |kind, candidate, articles| {
                if spellings_here && spelling_key(candidate) == key {
                    found.push(candidate.to_string());
                }
                if acronyms_here && letters_of(candidate) == letters {
                    *candidates.entry((kind, candidate.to_string())).or_default() += articles;
                }
            },
        );
    }
    let names: Vec<(&str, EntityKind, usize)> = candidates
        .iter()
        .map(|((kind, candidate), articles)| (candidate.as_str(), *kind, *articles))
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

/// Calls `visit` with the kind, the name and the number of articles of every
/// entity name of the index that starts with `first`, one range scan of the
/// `entity_tag` term dictionary per kind.
fn scan_names(
    searcher: &Searcher,
    entity_tag_field: Field,
    first: char,
    mut visit: impl FnMut(EntityKind, &str, usize),
) {
    let next = char::from_u32(first as u32 + 1).unwrap_or(first);
    for kind in EntityKind::ALL {
        let lower = entity_tag(kind, &first.to_string());
        let upper = entity_tag(kind, &next.to_string());
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
                let Some((tagged, candidate)) = parse_entity_tag(tag) else {
                    continue;
                };
                visit(tagged, candidate, stream.value().doc_freq as usize);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The groups of `names`, each named in one article.
    fn grouped<'n>(names: &[(&'n str, EntityKind)]) -> Vec<Vec<&'n str>> {
        let counted: Vec<(&str, EntityKind, usize)> =
            names.iter().map(|&(name, kind)| (name, kind, 1)).collect();
        alias_groups(&counted)
            .into_iter()
            .map(|group| group.into_iter().map(|i| names[i].0).collect())
            .collect()
    }

    /// Regression: the agency `AP` of nine feed items folded into `Auth
    /// Protocol`, which one item spelt out as `Auth Protocol (AP)` (found on
    /// the RSS layout sample).
    #[test]
    fn an_expansion_spelt_out_once_does_not_take_a_more_frequent_acronym() {
        use EntityKind::*;
        let agency = [("AP", Organization, 9), ("Auth Protocol", Organization, 1)];
        assert!(alias_groups(&agency).is_empty());
        let defined_once = [
            ("NTSB", Organization, 1),
            ("National Transportation Safety Board", Organization, 1),
        ];
        assert_eq!(alias_groups(&defined_once), [vec![1, 0]]);
        let common = [
            ("EU", Organization, 90),
            ("European Union", Organization, 12),
        ];
        assert_eq!(alias_groups(&common), [vec![1, 0]]);
        let known = [
            ("AP", Organization, 32),
            ("Associated Press", Organization, 1),
        ];
        assert_eq!(alias_groups(&known), [vec![1, 0]]);
    }

    /// Regression: the network `CBS` of 37 LA Times articles folded into the
    /// `County Board of Supervisors` that 7 of them spell out.
    #[test]
    fn a_known_acronym_folds_only_into_a_known_expansion() {
        use EntityKind::*;
        let network = [
            ("CBS", Organization, 37),
            ("County Board of Supervisors", Organization, 7),
        ];
        assert!(alias_groups(&network).is_empty());
        let agency = [
            ("FBI", Organization, 30),
            ("Federal Bureau of Investigation", Organization, 3),
        ];
        assert_eq!(alias_groups(&agency), [vec![1, 0]]);
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
