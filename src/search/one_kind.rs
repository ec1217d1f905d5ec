//! One kind per entity in a corpus report: an article's kind is what its own
//! context supports, so across a corpus one name comes with several kinds
//! (`Trump`: person in most articles, organisation or place in some). A report
//! counts the name once, under the kind most of its articles give it.

use rustc_hash::{FxHashMap, FxHashSet};
use serde::Serialize;

use crate::article::EntityKind;
use crate::extract::aliases::spelling_key;
use crate::extract::entities::general_kind;
use crate::index::schema::{entity_tag, parse_entity_tag};
use crate::search::copies::ArticleKeys;
use crate::search::full_forms::{FullForms, SettledKind};

/// How many articles give a name one kind.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct KindCount {
    pub kind: EntityKind,
    pub articles: u64,
    /// For a one-word name, the corpus's full name that gives it this kind
    /// (`Carl Icahn` for `Icahn`, see `full_forms`); left out of JSON when none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub full_name: Option<FullNameCount>,
}

/// A full name of the corpus and how many articles name it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FullNameCount {
    pub name: String,
    pub articles: u64,
}

/// How many articles give one name each kind: the evidence for the kind a
/// report shows (`person 148 / organization 83`), the kind shown first.
pub type KindEvidence = Vec<KindCount>;

/// One name's merged tag, its articles, the evidence for its kind and the
/// other spellings folded into it (see [`one_kind_per_name`]).
pub type MergedName = (String, ArticleKeys, KindEvidence, Vec<String>);

/// Merges the tags (`kind/name`) of one name, case and spelling variants
/// included (`NEW YORK` from a shouted dateline, `New York`; `NATO`, `Nato`;
/// `Mt. Gox`, `MtGox`, see [`spelling_key`]), into one
/// tag: the kind the most articles give the name (ties: see
/// [`sort_evidence`]) unless the corpus's full forms of a
/// one-word name settle another (`Icahn` beside `Carl Icahn`, see
/// `full_forms`), written as the most
/// frequent form of that kind that is not all capitals; its articles the
/// union of all, with the articles of each kind, the kind shown first, then
/// most first (a name of one kind has one entry); and the other spellings
/// folded into it (`Mt. Gox` and `Mt Gox` into `MtGox`; case variants are
/// one spelling), most articles first, for the report to show. Tags that do
/// not parse are kept as they are, with no evidence.
pub(crate) fn one_kind_per_name(tags: Vec<(String, ArticleKeys)>) -> Vec<MergedName> {
    let full_forms = FullForms::new(tags.iter().filter_map(|(tag, keys)| {
        let (kind, name) = parse_entity_tag(tag)?;
        Some((name, kind, keys.len()))
    }));
    let mut by_name: FxHashMap<String, Vec<(String, ArticleKeys)>> = FxHashMap::default();
    let mut unparsed = Vec::new();
    for (tag, keys) in tags {
        match parse_entity_tag(&tag).map(|(_, name)| spelling_key(name)) {
            Some(folded) => by_name.entry(folded).or_default().push((tag, keys)),
            None => unparsed.push((tag, keys, Vec::new(), Vec::new())),
        }
    }
    let mut merged: Vec<MergedName> = by_name
        .into_values()
        .filter_map(|variants| merge_variants(variants, &full_forms))
        .collect();
    merged.extend(unparsed);
    merged
}

/// One name's tags (kinds and case variants, all parsed) as one tag, its
/// articles and the evidence per kind (see [`one_kind_per_name`]).
fn merge_variants(
    mut variants: Vec<(String, ArticleKeys)>,
    full_forms: &FullForms,
) -> Option<MergedName> {
    variants.sort_by(|(a_tag, a_keys), (b_tag, b_keys)| {
        b_keys
            .len()
            .cmp(&a_keys.len())
            .then_with(|| a_tag.cmp(b_tag))
    });
    let mut evidence = kind_evidence(&variants)?;
    let majority = evidence.first()?.kind;
    let mut seen: FxHashSet<u64> = FxHashSet::default();
    let union: ArticleKeys = variants
        .iter()
        .flat_map(|(_, keys)| keys.iter().copied())
        .filter(|key| seen.insert(*key))
        .collect();
    let majority_tag = written_tag(&variants, majority)?;
    let (_, majority_name) = parse_entity_tag(majority_tag)?;
    let settled = full_forms.settle(majority_name, majority, union.len());
    let tag = match settled {
        Some(settled) => {
            let kind = settled.kind;
            put_first(&mut evidence, settled);
            written_tag(&variants, kind)
                .map_or_else(|| entity_tag(kind, majority_name), Clone::clone)
        }
        None => majority_tag.clone(),
    };
    let (_, written_name) = parse_entity_tag(&tag)?;
    let mut spellings: Vec<String> = Vec::new();
    for (variant, _) in &variants {
        let Some((_, name)) = parse_entity_tag(variant) else {
            continue;
        };
        let listed = name.eq_ignore_ascii_case(written_name)
            || spellings.iter().any(|seen| seen.eq_ignore_ascii_case(name));
        if !listed {
            spellings.push(name.to_string());
        }
    }
    Some((tag, union, evidence, spellings))
}

/// How many articles give the name each kind, most first (ties: see
/// [`sort_evidence`]); none if a tag does not parse.
fn kind_evidence(variants: &[(String, ArticleKeys)]) -> Option<KindEvidence> {
    let mut per_kind: Vec<(EntityKind, FxHashSet<u64>)> = Vec::new();
    for (tag, keys) in variants {
        let (kind, _) = parse_entity_tag(tag)?;
        let position = per_kind.iter().position(|(known, _)| *known == kind);
        let index = position.unwrap_or_else(|| {
            per_kind.push((kind, FxHashSet::default()));
            per_kind.len() - 1
        });
        per_kind[index].1.extend(keys.iter().copied());
    }
    let mut evidence: KindEvidence = per_kind
        .iter()
        .map(|(kind, keys)| KindCount {
            kind: *kind,
            articles: keys.len() as u64,
            full_name: None,
        })
        .collect();
    let (_, name) = parse_entity_tag(&variants.first()?.0)?;
    sort_evidence(&mut evidence, name);
    Some(evidence)
}

/// Orders a name's kinds most articles first. A tie goes to the kind general
/// knowledge gives the name (`Philadelphia`: organization 1, place 1, a
/// place; `Trump`: person 1, other 1, a person). Else a tie of organization
/// and other goes to other: organisation is the tagger's guess for any
/// capitalised word it does not know (`Tdoc`: organization 4, other 4; the
/// gene `KRAS`), so a name it reads as a word as often is no organisation's;
/// a person or a place needs context to be read (`Meadows`: person 1,
/// other 1, a person). Otherwise a kind comes before other, then the order
/// stays (the first in tag order). The local and the Quickwit report share it.
pub(crate) fn sort_evidence(evidence: &mut KindEvidence, name: &str) {
    evidence.sort_by_key(|count| {
        (
            std::cmp::Reverse(count.articles),
            count.kind == EntityKind::Other,
        )
    });
    let Some(most) = evidence.first().map(|count| count.articles) else {
        return;
    };
    let tie_len = evidence
        .iter()
        .take_while(|count| count.articles == most)
        .count();
    if tie_len < 2 {
        return;
    }
    let tied = &evidence[..tie_len];
    let in_tie = |kind: &EntityKind| tied.iter().any(|count| count.kind == *kind);
    let known = general_kind(name).filter(in_tie);
    let word_or_organisation = tied
        .iter()
        .all(|count| matches!(count.kind, EntityKind::Organization | EntityKind::Other));
    let preferred = known.or(word_or_organisation.then_some(EntityKind::Other));
    let Some(preferred) = preferred else {
        return;
    };
    if let Some(index) = tied.iter().position(|count| count.kind == preferred) {
        let count = evidence.remove(index);
        evidence.insert(0, count);
    }
}

/// The tag of `kind` the report writes: the most frequent not in capitals.
fn written_tag(variants: &[(String, ArticleKeys)], kind: EntityKind) -> Option<&String> {
    let of_kind = |tag: &&String| parse_entity_tag(tag).is_some_and(|(tagged, _)| tagged == kind);
    let shouted = |tag: &&String| parse_entity_tag(tag).is_some_and(|(_, name)| is_shouted(name));
    let tags = variants.iter().map(|(tag, _)| tag);
    tags.clone()
        .filter(of_kind)
        .find(|tag| !shouted(tag))
        .or_else(|| tags.clone().find(of_kind))
}

/// Moves the settled kind's evidence first (added with no articles of the
/// name's own if it had none), with the full name that settled it.
pub(crate) fn put_first(evidence: &mut KindEvidence, settled: SettledKind) {
    let position = evidence.iter().position(|count| count.kind == settled.kind);
    let mut count = match position {
        Some(index) => evidence.remove(index),
        None => KindCount {
            kind: settled.kind,
            articles: 0,
            full_name: None,
        },
    };
    count.full_name = Some(FullNameCount {
        name: settled.full_name,
        articles: settled.articles as u64,
    });
    evidence.insert(0, count);
}

/// A name written all in capitals that is not an acronym (`NEW YORK`, not
/// `NATO`): the form a report shows last.
pub(crate) fn is_shouted(name: &str) -> bool {
    let acronym_length = name.chars().count() <= 4 && !name.contains(' ');
    !acronym_length && !name.chars().any(char::is_lowercase)
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
            .map(|(tag, keys, _, _)| (tag, keys))
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

    /// Regression: `Mt. Gox`, `MtGox` and `Mt Gox` were three rows of one
    /// report, the first a person by its own majority (found on the UCI
    /// headlines layout sample); folded, their kinds vote together.
    #[test]
    fn spellings_that_differ_in_dots_spaces_and_hyphens_are_one_name() {
        let tags = vec![
            tag("person/Mt. Gox", &[1, 2, 3]),
            tag("organization/Mt. Gox", &[4]),
            tag("organization/MtGox", &[5, 6]),
            tag("organization/Mt Gox", &[7]),
            tag("place/Metro North", &[8]),
        ];
        assert_eq!(
            merged(tags),
            vec![
                tag("organization/MtGox", &[1, 2, 3, 5, 6, 7, 4]),
                tag("place/Metro North", &[8])
            ]
        );
    }

    #[test]
    fn a_tie_goes_to_the_first_tag_and_bad_tags_stay() {
        let tags = vec![
            tag("place/Varnholt", &[1]),
            tag("organization/Varnholt", &[2]),
            tag("junk", &[3]),
        ];
        assert_eq!(
            merged(tags),
            vec![tag("junk", &[3]), tag("organization/Varnholt", &[2, 1])]
        );
    }

    /// Regression (issue 13): a tie went to the first kind in tag order, so
    /// box scores made `Philadelphia` (organization 1, place 1) an
    /// organisation, and a mailing list's `Tdoc` (organization 4, other 4,
    /// person 3) and a feed's `KRAS` (a gene) organisations; a person tied
    /// with other stays a person.
    #[test]
    fn a_tie_goes_to_general_knowledge_and_an_organisations_to_other() {
        let tags = vec![
            tag("organization/Philadelphia", &[1]),
            tag("place/Philadelphia", &[2]),
            tag("organization/Tdoc", &[3, 4]),
            tag("other/Tdoc", &[5, 6]),
            tag("person/Tdoc", &[7]),
            tag("other/Trump", &[8]),
            tag("person/Trump", &[9]),
            tag("other/Meadows", &[10]),
            tag("person/Meadows", &[11]),
        ];
        assert_eq!(
            merged(tags),
            vec![
                tag("other/Tdoc", &[3, 4, 5, 6, 7]),
                tag("person/Meadows", &[10, 11]),
                tag("person/Trump", &[8, 9]),
                tag("place/Philadelphia", &[1, 2]),
            ]
        );
    }

    /// Regression (issue 13): `NEW YORK` (a shouted dateline) and `New York`
    /// were two entities of one corpus report.
    #[test]
    fn case_variants_are_one_name_written_as_running_text_writes_it() {
        let tags = vec![
            tag("place/NEW YORK", &[1, 2, 3]),
            tag("place/New York", &[3, 4]),
            tag("organization/New York", &[5]),
            tag("organization/NATO", &[6, 7]),
            tag("organization/Nato", &[8]),
        ];
        assert_eq!(
            merged(tags),
            vec![
                tag("organization/NATO", &[6, 7, 8]),
                tag("place/New York", &[1, 2, 3, 4, 5]),
            ]
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
        let evidence: Vec<Vec<(EntityKind, u64)>> = merged
            .iter()
            .map(|(_, _, kinds, _)| {
                kinds
                    .iter()
                    .map(|count| (count.kind, count.articles))
                    .collect()
            })
            .collect();
        assert_eq!(
            evidence,
            [
                vec![
                    (EntityKind::Person, 3),
                    (EntityKind::Organization, 2),
                    (EntityKind::Place, 1)
                ],
                vec![(EntityKind::Place, 1)],
            ]
        );
    }

    /// Regression (issue 13): `Icahn` was an organisation in the UCI sample's
    /// report, 11 headlines to none, though 9 articles name `Carl Icahn`.
    #[test]
    fn a_full_name_in_the_corpus_settles_a_lone_word_and_shows_itself() {
        let tags = vec![
            tag("organization/Icahn", &[1, 2, 3]),
            tag("person/Carl Icahn", &[4, 5]),
        ];
        let merged = one_kind_per_name(tags);
        let icahn = merged
            .iter()
            .find(|(tag, _, _, _)| tag.ends_with("/Icahn"))
            .expect("Icahn is in the report");
        assert_eq!(icahn.0, "person/Icahn");
        assert_eq!(icahn.1, vec![1, 2, 3]);
        let full_name = FullNameCount {
            name: "Carl Icahn".to_string(),
            articles: 2,
        };
        assert_eq!(
            icahn.2,
            vec![
                KindCount {
                    kind: EntityKind::Person,
                    articles: 0,
                    full_name: Some(full_name)
                },
                KindCount {
                    kind: EntityKind::Organization,
                    articles: 3,
                    full_name: None
                },
            ]
        );
    }
}
