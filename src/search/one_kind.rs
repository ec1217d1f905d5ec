//! One kind per entity in a corpus report: an article's kind is what its own
//! context supports, so across a corpus one name comes with several kinds
//! (`Trump`: person in most articles, organisation or place in some). A report
//! counts the name once, under the kind most of its articles give it.

use rustc_hash::{FxHashMap, FxHashSet};

use crate::index::schema::parse_entity_tag;
use crate::search::copies::ArticleKeys;

/// Merges the tags (`kind/name`) of one name into the tag of the kind the
/// most articles give it (ties: the first in tag order), its articles the
/// union of all. Tags that do not parse are kept as they are.
pub(crate) fn one_kind_per_name(tags: Vec<(String, ArticleKeys)>) -> Vec<(String, ArticleKeys)> {
    let mut by_name: FxHashMap<String, Vec<(String, ArticleKeys)>> = FxHashMap::default();
    let mut unparsed = Vec::new();
    for (tag, keys) in tags {
        match parse_entity_tag(&tag).map(|(_, name)| name.to_string()) {
            Some(name) => by_name.entry(name).or_default().push((tag, keys)),
            None => unparsed.push((tag, keys)),
        }
    }
    let mut merged: Vec<(String, ArticleKeys)> = by_name
        .into_values()
        .map(|mut kinds| {
            kinds.sort_by(|(a_tag, a_keys), (b_tag, b_keys)| {
                b_keys
                    .len()
                    .cmp(&a_keys.len())
                    .then_with(|| a_tag.cmp(b_tag))
            });
            let mut kinds = kinds.into_iter();
            let Some((tag, keys)) = kinds.next() else {
                return (String::new(), ArticleKeys::new());
            };
            let mut seen: FxHashSet<u64> = keys.iter().copied().collect();
            let mut union = keys;
            for (_, other_keys) in kinds {
                union.extend(other_keys.into_iter().filter(|key| seen.insert(*key)));
            }
            (tag, union)
        })
        .filter(|(tag, _)| !tag.is_empty())
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

    #[test]
    fn a_name_of_several_kinds_takes_the_majority_and_all_articles() {
        let tags = vec![
            tag("organization/McDonald", &[1, 2]),
            tag("person/McDonald", &[2, 3, 4]),
            tag("place/Denver", &[5]),
        ];
        let mut merged = one_kind_per_name(tags);
        merged.sort();
        assert_eq!(
            merged,
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
        let mut merged = one_kind_per_name(tags);
        merged.sort();
        assert_eq!(
            merged,
            vec![tag("junk", &[3]), tag("organization/Mars", &[2, 1])]
        );
    }
}
