//! Reports over many articles at once: which entities dominate a period, how
//! a query's matches spread over time, and the index's vital statistics.
//!
//! Counting runs on fast fields (collectors in `copies.rs`), so a report over
//! the whole index never loads a stored document; syndicated copies count once.

use std::collections::BTreeMap;
use std::sync::{Mutex, PoisonError};

use chrono::{DateTime, NaiveDate, Utc};
use rustc_hash::{FxHashMap, FxHashSet};
use serde::Serialize;
use tantivy::collector::{Count, TopDocs};
use tantivy::index::SegmentId;
use tantivy::query::Query;
use tantivy::schema::Field;
use tantivy::{Opstamp, Order, Searcher};

use crate::article::EntityKind;
use crate::error::{Error, Result};
use crate::index::schema::names;
use crate::index::schema::parse_entity_tag;
use crate::index::NewsIndex;
use crate::search::aliases;
use crate::search::copies::{ArticleDays, ArticleKeys, EntityArticles};
use crate::search::one_kind;
use crate::search::query::{self, Filters};
use crate::search::ranking::Ranking;

/// How many articles name an entity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EntityCount {
    pub name: String,
    pub kind: EntityKind,
    pub articles: u64,
    /// Other spellings counted with this name (`US`, `U.S.` under `United States`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
}

/// An entity of the report with the evidence for its kind: how many articles
/// give the name each kind, most first (`person 148`, `organization 83`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EntityWithKinds {
    #[serde(flatten)]
    pub count: EntityCount,
    /// Every kind articles give the name, with their articles; left out of
    /// JSON when there is only the one kind shown.
    #[serde(skip_serializing_if = "one_kind_only")]
    pub kinds: Vec<KindCount>,
}

pub use super::one_kind::{FullNameCount, KindCount};

/// Whether the evidence holds one kind or none (nothing to show beside the kind).
fn one_kind_only(kinds: &[KindCount]) -> bool {
    kinds.len() <= 1
}

/// Which articles a report counts: those holding all the query's words, or
/// any of them (`--any`); every article without text.
#[derive(Debug, Clone, Copy, Default)]
pub struct ReportQuery<'a> {
    pub text: Option<&'a str>,
    pub match_any: bool,
}

/// The matching articles (all of them without text), as one query.
fn matching_query(
    news_index: &NewsIndex,
    report_query: ReportQuery,
    filters: &Filters,
) -> Result<Box<dyn Query>> {
    let text = report_query.text.filter(|text| !text.trim().is_empty());
    let Some(text) = text else {
        return query::with_filters(news_index, None, filters);
    };
    let queries = query::parse_text(news_index, text, &Ranking::default())?;
    let matching = if report_query.match_any {
        queries.any_word
    } else {
        queries.all_words
    };
    query::with_filters(news_index, Some(matching), filters)
}

/// The entities named by the most matching articles: of one kind, or each
/// name under the kind most of its articles give it, other names left out.
/// Syndicated copies count once.
pub fn top_entities(
    news_index: &NewsIndex,
    report_query: ReportQuery,
    filters: &Filters,
    kind: Option<EntityKind>,
    limit: usize,
) -> Result<Vec<EntityCount>> {
    let entities = top_entities_with_kinds(news_index, report_query, filters, kind, limit)?;
    Ok(entities.into_iter().map(|entity| entity.count).collect())
}

/// [`top_entities`] with the evidence for each name's kind (issue 13: one
/// kind per entity, the majority shown with its evidence). With a kind
/// asked for, the evidence holds that kind only.
pub fn top_entities_with_kinds(
    news_index: &NewsIndex,
    report_query: ReportQuery,
    filters: &Filters,
    kind: Option<EntityKind>,
    limit: usize,
) -> Result<Vec<EntityWithKinds>> {
    if limit == 0 {
        return Err(Error::Usage("--limit must be at least 1".to_string()));
    }
    let reader = news_index.reader()?;
    let searcher = reader.searcher();
    let query = matching_query(news_index, report_query, filters)?;
    // Tags are `kind/name`. Without a kind, every kind votes, and the names
    // most articles call other are left out after the vote: nationality
    // adjectives (`Russian`), which would crowd the real entities out, and
    // software or events. A person the tagger calls other in some articles
    // (`Trump` in 55 headlines of the JSON headlines sample) counts them.
    let prefix = kind.map_or_else(String::new, |kind| format!("{}/", kind.as_str()));
    let by_tag = searcher
        .search(&*query, &EntityArticles { prefix })
        .map_err(|source| news_index.error(source))?;
    let mut merged = one_kind::one_kind_per_name(by_tag.into_iter().collect());
    if kind.is_none() {
        let other = format!("{}/", EntityKind::Other.as_str());
        merged.retain(|(tag, _, _, _)| !tag.starts_with(&other));
    }
    // Most articles first, then by name, so that equal counts print in a stable order.
    merged.sort_by(|(a_tag, a_keys, _, _), (b_tag, b_keys, _, _)| {
        b_keys
            .len()
            .cmp(&a_keys.len())
            .then_with(|| a_tag.cmp(b_tag))
    });
    // The headroom is for spellings that fold into one another.
    merged.truncate(limit.saturating_mul(4).max(200));
    let mut evidence: FxHashMap<String, Vec<KindCount>> = FxHashMap::default();
    let mut spelled: FxHashMap<String, Vec<String>> = FxHashMap::default();
    let mut tags = Vec::with_capacity(merged.len());
    for (tag, keys, kinds, spellings) in merged {
        evidence.insert(tag.clone(), kinds);
        spelled.insert(tag.clone(), spellings);
        tags.push((tag, keys));
    }
    let mut counts = fold_aliases(news_index, &searcher, tags);
    counts.sort_by_key(|count| std::cmp::Reverse(count.articles));
    counts.truncate(limit);
    // A folded spelling's kinds are those of the name shown; the spellings
    // folded into the name are listed with its acronyms.
    let entities = counts
        .into_iter()
        .map(|mut count| {
            let tag = crate::index::schema::entity_tag(count.kind, &count.name);
            let kinds = evidence.remove(&tag).unwrap_or_default();
            for spelling in spelled.remove(&tag).unwrap_or_default() {
                let listed = count
                    .aliases
                    .iter()
                    .any(|alias| alias.eq_ignore_ascii_case(&spelling));
                if !listed {
                    count.aliases.push(spelling);
                }
            }
            EntityWithKinds { count, kinds }
        })
        .collect();
    Ok(entities)
}

/// Folds the spellings of one entity into one count: the articles naming
/// any of them, each once.
fn fold_aliases(
    news_index: &NewsIndex,
    searcher: &Searcher,
    tags: Vec<(String, ArticleKeys)>,
) -> Vec<EntityCount> {
    let parsed: Vec<Option<(EntityKind, &str)>> =
        tags.iter().map(|(tag, _)| parse_entity_tag(tag)).collect();
    let names: Vec<(&str, EntityKind, usize)> = parsed
        .iter()
        .zip(&tags)
        .map(|(entry, (_, keys))| {
            entry.map_or(("", EntityKind::Other, 0), |(kind, name)| {
                (name, kind, keys.len())
            })
        })
        .collect();
    // A group seen among the top tags must also hold against the whole
    // dictionary (an acronym with a second expansion further down folds into
    // neither), so that the report and `--entity` agree.
    let field = news_index.fields.entity_tag;
    let groups: Vec<Vec<usize>> = aliases::alias_groups(&names)
        .into_iter()
        .filter(|group| {
            let all = remembered_spellings(searcher, field, names[group[0]].0);
            group
                .iter()
                .all(|&i| all.iter().any(|spelling| spelling == names[i].0))
        })
        .collect();
    let mut folded_into = vec![false; tags.len()];
    let mut heads: FxHashMap<usize, (usize, Vec<String>)> = FxHashMap::default();
    for group in &groups {
        let mut union: FxHashSet<u64> = FxHashSet::default();
        for &member in group {
            union.extend(tags[member].1.iter().copied());
        }
        for &member in &group[1..] {
            folded_into[member] = true;
        }
        let aliases = group[1..].iter().map(|&i| names[i].0.to_string()).collect();
        heads.insert(group[0], (union.len(), aliases));
    }
    let mut counts = Vec::new();
    for (i, (_, keys)) in tags.iter().enumerate() {
        let Some((kind, name)) = parsed[i] else {
            continue;
        };
        if folded_into[i] {
            continue;
        }
        let (articles, aliases) = heads.remove(&i).unwrap_or((keys.len(), Vec::new()));
        counts.push(EntityCount {
            name: name.to_string(),
            kind,
            articles: articles as u64,
            aliases,
        });
    }
    counts
}

/// The spellings of entity names already looked up, for one index snapshot.
struct SpellingMemo {
    /// The snapshot: its segments (ids are unique to an index) and deletes.
    segments: BTreeMap<SegmentId, Option<Opstamp>>,
    by_name: FxHashMap<String, Vec<String>>,
}

/// The most names remembered before the memo starts over.
const MAX_REMEMBERED_NAMES: usize = 10_000;

static SPELLINGS: Mutex<Option<SpellingMemo>> = Mutex::new(None);

/// [`aliases::spellings`], remembered per index snapshot: the same heads
/// (`United States`, `European Union`) come back in every report, and each
/// lookup scans a stretch of the tag dictionary in every segment (most of
/// an entity report's time on a large index). A new commit or another index
/// starts the memo over.
fn remembered_spellings(searcher: &Searcher, field: Field, name: &str) -> Vec<String> {
    let segments = searcher.generation().segments();
    let lock = || SPELLINGS.lock().unwrap_or_else(PoisonError::into_inner);
    {
        let memo = lock();
        let known = memo
            .as_ref()
            .filter(|memo| &memo.segments == segments)
            .and_then(|memo| memo.by_name.get(name));
        if let Some(spellings) = known {
            return spellings.clone();
        }
    }
    let spellings = aliases::spellings(searcher, field, name);
    let mut memo = lock();
    let current = memo.as_ref().is_some_and(|memo| {
        &memo.segments == segments && memo.by_name.len() < MAX_REMEMBERED_NAMES
    });
    if !current {
        *memo = Some(SpellingMemo {
            segments: segments.clone(),
            by_name: FxHashMap::default(),
        });
    }
    if let Some(memo) = memo.as_mut() {
        memo.by_name.insert(name.to_string(), spellings.clone());
    }
    spellings
}

/// The width of one bar of a timeline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Interval {
    Day,
    Week,
    Month,
    Year,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Period {
    /// `2022-01-10` (day, or the Monday of a week), `2022-01` (month), `2022` (year).
    pub period: String,
    pub articles: u64,
}

fn period_label(day: NaiveDate, interval: Interval) -> String {
    match interval {
        Interval::Day => day.format("%Y-%m-%d").to_string(),
        Interval::Week => day
            .week(chrono::Weekday::Mon)
            .first_day()
            .format("%Y-%m-%d")
            .to_string(),
        Interval::Month => day.format("%Y-%m").to_string(),
        Interval::Year => day.format("%Y").to_string(),
    }
}

/// How many matching articles fall in each period, oldest first, by each
/// article's own calendar day; a syndicated body counts once, on the first day
/// it ran. Periods inside the span with no article are listed with 0 so gaps show.
pub fn timeline(
    news_index: &NewsIndex,
    report_query: ReportQuery,
    filters: &Filters,
    interval: Interval,
) -> Result<Vec<Period>> {
    let reader = news_index.reader()?;
    let searcher = reader.searcher();
    let query = matching_query(news_index, report_query, filters)?;
    let days = searcher
        .search(&*query, &ArticleDays { all_copies: false })
        .map_err(|source| news_index.error(source))?;
    let mut by_day: BTreeMap<i64, u64> = BTreeMap::new();
    for day in days.into_values() {
        *by_day.entry(day).or_default() += 1;
    }
    Ok(periods_of_day_counts(&by_day, interval))
}

/// Articles per day number (the `day` field) as periods of `interval`,
/// oldest first, the empty periods inside the span listed with 0. Shared
/// with the Quickwit engine, which counts its days by the same field.
pub fn periods_of_day_counts(by_day: &BTreeMap<i64, u64>, interval: Interval) -> Vec<Period> {
    let to_date = |number: i64| {
        i32::try_from(number)
            .ok()
            .and_then(NaiveDate::from_num_days_from_ce_opt)
    };
    let mut by_period: BTreeMap<String, u64> = BTreeMap::new();
    for (&number, &count) in by_day {
        if let Some(day) = to_date(number) {
            *by_period.entry(period_label(day, interval)).or_default() += count;
        }
    }
    let first = by_day.keys().next().copied().and_then(to_date);
    let last = by_day.keys().next_back().copied().and_then(to_date);
    if let (Some(first), Some(last)) = (first, last) {
        for day in first.iter_days().take_while(|day| *day <= last) {
            by_period.entry(period_label(day, interval)).or_default();
        }
    }
    by_period
        .into_iter()
        .map(|(period, articles)| Period { period, articles })
        .collect()
}

/// The index at a glance.
#[derive(Debug, Clone, Serialize)]
pub struct IndexStats {
    pub articles: u64,
    pub dated_articles: u64,
    pub first_date: Option<String>,
    pub last_date: Option<String>,
    /// Articles whose body already occurs in another article (syndicated
    /// copies); `articles` counts them, the listings and reports do not.
    pub copies: u64,
    pub size_bytes: u64,
    pub segments: usize,
    pub top_entities: Vec<EntityCount>,
}

/// How many articles repeat a body seen in another one, from the body-hash fast field.
fn count_duplicates(news_index: &NewsIndex, searcher: &Searcher) -> Result<u64> {
    let mut bodies = std::collections::HashSet::new();
    let mut duplicates = 0;
    for segment in searcher.segment_readers() {
        let hashes = segment
            .fast_fields()
            .u64(names::BODY_HASH)
            .map_err(|source| news_index.error(source))?;
        for doc in segment.doc_ids_alive() {
            if let Some(hash) = hashes.first(doc) {
                if !bodies.insert(hash) {
                    duplicates += 1;
                }
            }
        }
    }
    Ok(duplicates)
}

/// Every article that has a date.
fn dated_articles_query(news_index: &NewsIndex) -> Result<Box<dyn Query>> {
    let dated_only = Filters {
        dated_only: true,
        ..Filters::default()
    };
    query::with_filters(news_index, None, &dated_only)
}

fn edge_date(news_index: &NewsIndex, searcher: &Searcher, order: Order) -> Result<Option<String>> {
    let dated = dated_articles_query(news_index)?;
    let top = searcher
        .search(
            &*dated,
            &TopDocs::with_limit(1).order_by_fast_field::<tantivy::DateTime>(names::DATE, order),
        )
        .map_err(|source| news_index.error(source))?;
    Ok(top
        .into_iter()
        .next()
        .and_then(|(date, _)| date)
        .and_then(|date| DateTime::<Utc>::from_timestamp(date.into_timestamp_secs(), 0))
        .map(|date| date.format("%Y-%m-%d").to_string()))
}

pub fn stats(news_index: &NewsIndex) -> Result<IndexStats> {
    let reader = news_index.reader()?;
    let searcher = reader.searcher();
    let dated = dated_articles_query(news_index)?;
    let dated_articles = searcher
        .search(&*dated, &Count)
        .map_err(|source| news_index.error(source))? as u64;
    let mut size_bytes = 0;
    if let Ok(entries) = std::fs::read_dir(&news_index.dir) {
        for entry in entries.flatten() {
            size_bytes += entry.metadata().map_or(0, |metadata| metadata.len());
        }
    }
    Ok(IndexStats {
        articles: searcher.num_docs(),
        dated_articles,
        copies: count_duplicates(news_index, &searcher)?,
        first_date: edge_date(news_index, &searcher, Order::Asc)?,
        last_date: edge_date(news_index, &searcher, Order::Desc)?,
        size_bytes,
        segments: searcher.segment_readers().len(),
        top_entities: top_entities(
            news_index,
            ReportQuery::default(),
            &Filters::default(),
            None,
            10,
        )?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_are_labelled_by_interval() {
        let day = NaiveDate::from_ymd_opt(2022, 1, 13).unwrap();
        assert_eq!(period_label(day, Interval::Day), "2022-01-13");
        assert_eq!(period_label(day, Interval::Week), "2022-01-10");
        assert_eq!(period_label(day, Interval::Month), "2022-01");
        assert_eq!(period_label(day, Interval::Year), "2022");
    }
}
