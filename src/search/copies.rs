//! Syndicated copies: articles with the same body (the `body_hash` of their
//! normalised title and text) are one article printed several times.
//!
//! Every count newsdex shows (hits, totals, timelines, entity reports) counts
//! each body once, as the listings show it once; `--all-copies` shows and counts
//! every copy. The collectors here do that counting on fast fields.

use rustc_hash::{FxHashMap, FxHashSet};
use tantivy::collector::{Collector, Count, SegmentCollector};
use tantivy::columnar::{Column, StrColumn, TermOrdHit};
use tantivy::query::TermQuery;
use tantivy::schema::IndexRecordOption;
use tantivy::{DocAddress, DocId, Score, Searcher, SegmentOrdinal, SegmentReader, Term};

use crate::error::Result;
use crate::index::schema::names;
use crate::index::NewsIndex;

/// The body-hash column of every segment, opened once per search rather than once per hit.
pub(crate) struct BodyHashes {
    columns: Vec<Column<u64>>,
}

impl BodyHashes {
    pub(crate) fn open(news_index: &NewsIndex, searcher: &Searcher) -> Result<BodyHashes> {
        let mut columns = Vec::new();
        for segment in searcher.segment_readers() {
            columns.push(body_hash_column(news_index, segment)?);
        }
        Ok(BodyHashes { columns })
    }

    pub(crate) fn of(&self, address: DocAddress) -> Option<u64> {
        self.columns
            .get(address.segment_ord as usize)
            .and_then(|column| column.first(address.doc_id))
    }
}

fn body_hash_column(news_index: &NewsIndex, segment: &SegmentReader) -> Result<Column<u64>> {
    segment
        .fast_fields()
        .u64(names::BODY_HASH)
        .map_err(|source| news_index.error(source))
}

/// Keeps the first of each body among `ranked`, in order.
pub(crate) fn drop_copies<T>(
    body_hashes: &BodyHashes,
    ranked: Vec<(T, DocAddress)>,
) -> Vec<(T, DocAddress)> {
    let mut seen_bodies = FxHashSet::default();
    ranked
        .into_iter()
        .filter(|(_, address)| match body_hashes.of(*address) {
            Some(hash) => seen_bodies.insert(hash),
            None => true,
        })
        .collect()
}

/// How many articles in the index have this body (1 when it is unique).
pub(crate) fn count_copies(
    news_index: &NewsIndex,
    searcher: &Searcher,
    body_hash: Option<u64>,
) -> Result<u64> {
    let Some(hash) = body_hash else {
        return Ok(1);
    };
    let term = Term::from_field_u64(news_index.fields.body_hash, hash);
    let same_body = TermQuery::new(term, IndexRecordOption::Basic);
    let copies = searcher
        .search(&same_body, &Count)
        .map_err(|source| news_index.error(source))?;
    Ok(copies.max(1) as u64)
}

/// What an article is counted as: its body, or itself when it has no body hash
/// (the top bit set keeps such keys apart from the hashes in practice).
fn article_key(body_hash: Option<u64>, segment: SegmentOrdinal, doc: DocId) -> u64 {
    body_hash.unwrap_or((1 << 63) | (u64::from(segment) << 32) | u64::from(doc))
}

/// How many matching articles there are: every copy with `all_copies`, each body once without.
pub(crate) fn count_articles(
    news_index: &NewsIndex,
    searcher: &Searcher,
    query: &dyn tantivy::query::Query,
    all_copies: bool,
) -> Result<usize> {
    let counted = if all_copies {
        searcher.search(query, &Count)
    } else {
        searcher
            .search(query, &DistinctArticles)
            .map(|keys| keys.len())
    };
    counted.map_err(|source| news_index.error(source))
}

/// The distinct bodies among the matching documents.
struct DistinctArticles;

struct DistinctArticlesInSegment {
    segment: SegmentOrdinal,
    hashes: Column<u64>,
    keys: FxHashSet<u64>,
}

impl Collector for DistinctArticles {
    type Fruit = FxHashSet<u64>;
    type Child = DistinctArticlesInSegment;

    fn for_segment(
        &self,
        segment: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<DistinctArticlesInSegment> {
        Ok(DistinctArticlesInSegment {
            segment,
            hashes: reader.fast_fields().u64(names::BODY_HASH)?,
            keys: FxHashSet::default(),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<FxHashSet<u64>>) -> tantivy::Result<FxHashSet<u64>> {
        let mut merged = FxHashSet::default();
        for keys in fruits {
            merged.extend(keys);
        }
        Ok(merged)
    }
}

impl SegmentCollector for DistinctArticlesInSegment {
    type Fruit = FxHashSet<u64>;

    fn collect(&mut self, doc: DocId, _score: Score) {
        let key = article_key(self.hashes.first(doc), self.segment, doc);
        self.keys.insert(key);
    }

    fn harvest(self) -> FxHashSet<u64> {
        self.keys
    }
}

/// The calendar day (the `day` field) of each matching article, a body
/// counted once on the first day it ran; undated articles are left out.
pub(crate) struct ArticleDays {
    pub(crate) all_copies: bool,
}

pub(crate) struct ArticleDaysInSegment {
    segment: SegmentOrdinal,
    all_copies: bool,
    hashes: Column<u64>,
    days: Column<i64>,
    first_day: FxHashMap<u64, i64>,
}

impl Collector for ArticleDays {
    /// Article key → its day number.
    type Fruit = FxHashMap<u64, i64>;
    type Child = ArticleDaysInSegment;

    fn for_segment(
        &self,
        segment: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<ArticleDaysInSegment> {
        Ok(ArticleDaysInSegment {
            segment,
            all_copies: self.all_copies,
            hashes: reader.fast_fields().u64(names::BODY_HASH)?,
            days: reader.fast_fields().i64(names::DAY)?,
            first_day: FxHashMap::default(),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<FxHashMap<u64, i64>>) -> tantivy::Result<Self::Fruit> {
        let mut merged: FxHashMap<u64, i64> = FxHashMap::default();
        for days in fruits {
            for (key, day) in days {
                merged
                    .entry(key)
                    .and_modify(|first| *first = (*first).min(day))
                    .or_insert(day);
            }
        }
        Ok(merged)
    }
}

impl SegmentCollector for ArticleDaysInSegment {
    type Fruit = FxHashMap<u64, i64>;

    fn collect(&mut self, doc: DocId, _score: Score) {
        let Some(day) = self.days.first(doc) else {
            return;
        };
        let hash = if self.all_copies {
            None
        } else {
            self.hashes.first(doc)
        };
        let key = article_key(hash, self.segment, doc);
        self.first_day
            .entry(key)
            .and_modify(|first| *first = (*first).min(day))
            .or_insert(day);
    }

    fn harvest(self) -> FxHashMap<u64, i64> {
        self.first_day
    }
}

/// The article keys naming one tag, sorted, each once.
pub(crate) type ArticleKeys = Vec<u64>;

/// For each entity tag (`kind/name`) under `prefix` (`place/`; an empty
/// prefix keeps every tag), the matching articles naming it, as article keys
/// (each body once).
///
/// Tags sort by kind, so the prefix is one range of term ordinals per
/// segment and a tag outside the report is skipped without being looked at;
/// keys are pushed on a list per ordinal (a document names each tag once)
/// and sorted once at the end, far cheaper than a set per tag.
pub(crate) struct EntityArticles {
    pub(crate) prefix: String,
}

pub(crate) struct EntityArticlesInSegment {
    segment: SegmentOrdinal,
    prefix: String,
    /// The term ordinals under the prefix, `start..end`.
    prefixed: std::ops::Range<u64>,
    hashes: Column<u64>,
    tags: Option<StrColumn>,
    /// Per term ordinal of this segment: the article keys, in document order.
    by_ordinal: FxHashMap<u64, Vec<u64>>,
}

/// The ordinals of the terms that start with `prefix` (all for an empty one).
fn prefix_ordinals(tags: &StrColumn, prefix: &str) -> std::io::Result<std::ops::Range<u64>> {
    let dictionary = tags.dictionary();
    if prefix.is_empty() {
        return Ok(0..u64::MAX);
    }
    let ordinal = |hit: TermOrdHit| match hit {
        TermOrdHit::Exact(ordinal) | TermOrdHit::Next(ordinal) => ordinal,
    };
    let start = ordinal(dictionary.term_ord_or_next(prefix)?);
    let mut after = prefix.as_bytes().to_vec();
    // `kind/` ends in '/', so the next byte value closes the range (past
    // the last term, tantivy answers u64::MAX: the range runs to the end).
    if let Some(last) = after.last_mut() {
        *last = last.saturating_add(1);
    }
    let end = ordinal(dictionary.term_ord_or_next(&after)?);
    Ok(start..end.max(start))
}

impl Collector for EntityArticles {
    type Fruit = FxHashMap<String, ArticleKeys>;
    type Child = EntityArticlesInSegment;

    fn for_segment(
        &self,
        segment: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<EntityArticlesInSegment> {
        let tags = reader.fast_fields().str(names::ENTITY_TAG)?;
        let prefixed = match &tags {
            Some(tags) => prefix_ordinals(tags, &self.prefix)?,
            None => 0..0,
        };
        Ok(EntityArticlesInSegment {
            segment,
            prefix: self.prefix.clone(),
            prefixed,
            hashes: reader.fast_fields().u64(names::BODY_HASH)?,
            tags,
            by_ordinal: FxHashMap::default(),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<Self::Fruit>) -> tantivy::Result<Self::Fruit> {
        let mut merged: Self::Fruit = FxHashMap::default();
        for tags in fruits {
            for (tag, keys) in tags {
                merged.entry(tag).or_default().extend(keys);
            }
        }
        for keys in merged.values_mut() {
            keys.sort_unstable();
            keys.dedup();
        }
        Ok(merged)
    }
}

impl SegmentCollector for EntityArticlesInSegment {
    type Fruit = FxHashMap<String, ArticleKeys>;

    fn collect(&mut self, doc: DocId, _score: Score) {
        let Some(tags) = &self.tags else {
            return;
        };
        let key = article_key(self.hashes.first(doc), self.segment, doc);
        for ordinal in tags.term_ords(doc) {
            if !self.prefixed.contains(&ordinal) {
                continue;
            }
            self.by_ordinal.entry(ordinal).or_default().push(key);
        }
    }

    fn harvest(self) -> Self::Fruit {
        let mut by_tag = FxHashMap::default();
        let Some(tags) = &self.tags else {
            return by_tag;
        };
        // Looking each ordinal up on its own decompresses a dictionary block
        // per tag (seconds on a large result set); in order, each block once.
        let mut ordinals: Vec<u64> = self.by_ordinal.keys().copied().collect();
        ordinals.sort_unstable();
        // Names come in ordinal order. A block that cannot be read ends the
        // list early (the error says no more than that): the names before it
        // still pair with their own ordinals, as one lookup each would have.
        let mut names: Vec<Option<String>> = Vec::with_capacity(ordinals.len());
        let _complete = tags
            .dictionary()
            .sorted_ords_to_term_cb(&ordinals, |bytes| {
                names.push(std::str::from_utf8(bytes).ok().map(str::to_string));
            });
        let mut by_ordinal = self.by_ordinal;
        for (ordinal, name) in ordinals.into_iter().zip(names) {
            // The ordinal range decided already; the name check keeps the
            // rule in one place should the dictionary disagree.
            let Some(tag) = name.filter(|tag| tag.starts_with(&self.prefix)) else {
                continue;
            };
            if let Some(keys) = by_ordinal.remove(&ordinal) {
                by_tag.insert(tag, keys);
            }
        }
        by_tag
    }
}
