//! One kind per entity in a corpus report: an article's kind is what its own
//! context supports, so across a corpus one name comes with several kinds
//! (`Trump`: person in most articles, organisation or place in some). A report
//! counts the name once, under the kind most of its articles give it.

use rustc_hash::{FxHashMap, FxHashSet};

use crate::article::EntityKind;
use crate::index::schema::parse_entity_tag;
use crate::search::copies::ArticleKeys;

/// How many articles give one name one kind: the evidence for the kind a
/// report shows (`person 148 / organization 83`).
pub type KindEvidence = Vec<(EntityKind, usize)>;

/// Merges the tags (`kind/name`) of one name into the tag of the kind the
/// most articles give it (ties: the first in tag order), its articles the
/// union of all, with the articles of each kind, most first (a name of one
/// kind has one entry). Tags that do not parse are kept as they are, with
/// no evidence.
pub(crate) fn one_kind_per_name(
    tags: Vec<(String, ArticleKeys)>,
) -> Vec<(String, ArticleKeys, KindEvidence)> {
    let mut by_name: FxHashMap<String, Vec<(String, ArticleKeys)>> = FxHashMap::default();
    let mut unparsed = Vec::new();
    for (tag, keys) in tags {
        match parse_entity_tag(&tag).map(|(_, name)| name.to_string()) {
            Some(name) => by_name.entry(name).or_default().push((tag, keys)),
            None => unparsed.push((tag, keys, Vec::new())),
        }
    }
    let mut merged: Vec<(String, ArticleKeys, KindEvidence)> = by_name
        .into_values()
        .map(|mut kinds| {
            kinds.sort_by(|(a_tag, a_keys), (b_tag, b_keys)| {
                b_keys
                    .len()
                    .cmp(&a_keys.len())
                    .then_with(|| a_tag.cmp(b_tag))
            });
            let evidence: KindEvidence = kinds
                .iter()
                .filter_map(|(tag, keys)| Some((parse_entity_tag(tag)?.0, keys.len())))
                .collect();
            let mut kinds = kinds.into_iter();
            let Some((tag, keys)) = kinds.next() else {
                return (String::new(), ArticleKeys::new(), evidence);
            };
            let mut seen: FxHashSet<u64> = keys.iter().copied().collect();
            let mut union = keys;
            for (_, other_keys) in kinds {
                union.extend(other_keys.into_iter().filter(|key| seen.insert(*key)));
            }
            (tag, union, evidence)
        })
        .filter(|(tag, _, _)| !tag.is_empty())
        .collect();
    merged.extend(unparsed);
    merged
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tag(name: &str, keys: &[u64]) -> (String, ArticleKeys) {
        (name.to_string(), keys.to_vec())
    }

    /// The merged tags and articles, sorted, without the evidence.
    fn merged(tags: Vec<(String, ArticleKeys)>) -> Vec<(String, ArticleKeys)> {
        let mut merged: Vec<_> = one_kind_per_name(tags)
            .into_iter()
            .map(|(tag, keys, _)| (tag, keys))
            .collect();
        merged.sort();
        merged
    }

    #[test]
    fn a_name_of_several_kinds_takes_the_majority_and_all_articles() {
        let tags = vec![
            tag("organization/McDonald", &[1, 2]),
            tag("person/McDonald", &[2, 3, 4]),
            tag("place/Denver", &[5]),
        ];
        assert_eq!(
            merged(tags),
            vec![
                tag("person/McDonald", &[2, 3, 4, 1]),
                tag("place/Denver", &[5])
            ]
        );
    }

    #[test]
    fn a_tie_goes_to_the_first_tag_and_bad_tags_stay() {
        let tags = vec![
            tag("place/Mars", &[1]),
            tag("organization/Mars", &[2]),
            tag("junk", &[3]),
        ];
        assert_eq!(
            merged(tags),
            vec![tag("junk", &[3]), tag("organization/Mars", &[2, 1])]
        );
    }

    /// Regression (issue 13): the report showed a kind without what backed it.
    #[test]
    fn the_articles_of_each_kind_come_with_the_name() {
        let tags = vec![
            tag("organization/Trump", &[1, 2]),
            tag("person/Trump", &[2, 3, 4]),
            tag("place/Trump", &[5]),
            tag("place/Denver", &[6]),
        ];
        let mut merged = one_kind_per_name(tags);
        merged.sort_by(|a, b| a.0.cmp(&b.0));
        let evidence: Vec<&KindEvidence> = merged.iter().map(|(_, _, kinds)| kinds).collect();
        assert_eq!(
            evidence,
            [
                &vec![
                    (EntityKind::Person, 3),
                    (EntityKind::Organization, 2),
                    (EntityKind::Place, 1)
                ],
                &vec![(EntityKind::Place, 1)],
            ]
        );
    }
}
