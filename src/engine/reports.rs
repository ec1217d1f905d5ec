//! Reports on a Quickwit index: timelines through a `histogram` of days,
//! entity counts through a `terms` aggregation (both corrected for repeated
//! bodies, see `copies.rs`), quotes from the newest hits, and
//! the index's vital statistics; answered in the local reports' types.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use serde_json::{json, Value};

use crate::article::EntityKind;
use crate::engine::client::Quickwit;
use crate::engine::copies::{
    distinct_days, entity_overcounts, is_truncated, repeated_bodies, surplus_copies,
    REPEATED_BODIES_LIMIT,
};
use crate::engine::search::{count_of, engine_query, search, EngineQuery};
use crate::error::{Error, Result};
use crate::index::schema::{names, parse_entity_tag};
use crate::search::full_forms::FullForms;
use crate::search::one_kind::{put_first, sort_evidence};
use crate::search::quotes::{quotes_of_search, QuoteHit};
use crate::search::reports::{
    periods_of_day_counts, EntityCount, EntityWithKinds, IndexStats, Interval, KindCount, Period,
    ReportQuery,
};
use crate::search::{is_shouted, Filters};

/// The matching articles of a report as one engine query.
fn report_query(report: ReportQuery, filters: &Filters) -> EngineQuery {
    engine_query(report.text, report.match_any, filters)
}

fn aggregate(engine: &Quickwit, query: &EngineQuery, aggregations: Value) -> Result<Value> {
    let mut body = query.body(0);
    body["aggs"] = aggregations;
    let answer = engine.search(&body)?;
    Ok(answer["aggregations"].clone())
}

/// A report that Quickwit could not correct for every repeated body.
fn truncation_error(engine: &Quickwit) -> Error {
    Error::Engine {
        url: engine.url.to_string(),
        reason: format!(
            "more than {REPEATED_BODIES_LIMIT} bodies are repeated among the matching articles: narrow the report with a query, dates or an entity"
        ),
    }
}

/// How many matching articles fall in each period (see the local
/// `timeline`): by each article's own calendar day (the `day` field, not the
/// UTC instant), a repeated body once, on the first day it ran.
pub fn timeline(
    engine: &Quickwit,
    report: ReportQuery,
    filters: &Filters,
    interval: Interval,
) -> Result<Vec<Period>> {
    // Undated articles stand at the no-date instant: never in a timeline.
    let dated = Filters {
        dated_only: true,
        ..filters.clone()
    };
    let query = report_query(report, &dated);
    let day_terms = json!({ "terms": { "field": names::DAY, "size": REPEATED_BODIES_LIMIT } });
    let aggregations = json!({
        "days": { "histogram": { "field": names::DAY, "interval": 1, "min_doc_count": 1 } },
        "repeated": repeated_bodies(Some(day_terms)),
    });
    let result = aggregate(engine, &query, aggregations)?;
    if is_truncated(&result["repeated"]) {
        return Err(truncation_error(engine));
    }
    let by_day = distinct_days(&result["days"], &result["repeated"]);
    Ok(periods_of_day_counts(&by_day, interval))
}

/// Entity tags the node is asked to count in one report.
const ENTITY_TAGS_COUNTED: usize = 20_000;

/// The entities named by the most matching articles, each body once, as the
/// local report counts them but without folding spellings together. Kinds
/// are chosen here, not in the aggregation (Quickwit's `terms` ignores a
/// regular-expression `include`/`exclude`): without a kind, every kind votes
/// and names most articles call other (nationality adjectives, `Russian`)
/// are left out after the vote, as locally.
pub fn top_entities(
    engine: &Quickwit,
    report: ReportQuery,
    filters: &Filters,
    kind: Option<EntityKind>,
    limit: usize,
) -> Result<Vec<EntityWithKinds>> {
    if limit == 0 {
        return Err(Error::Usage("--limit must be at least 1".to_string()));
    }
    // Headroom for the kinds left out, for counts lowered by copies, and for
    // the rarer kinds of a name that the one-kind rule adds to its count
    // (`organization/Ukraine` in one article beside `place/Ukraine` in 391):
    // every tag of a corpus of tens of thousands of articles; beyond that,
    // the rarest kinds of a name may be left out of its count.
    let size = limit.saturating_mul(8).max(ENTITY_TAGS_COUNTED);
    let query = report_query(report, filters);
    let tag_terms = json!({ "terms": { "field": names::ENTITY_TAG, "size": size } });
    let copy_tags =
        json!({ "terms": { "field": names::ENTITY_TAG, "size": REPEATED_BODIES_LIMIT } });
    let aggregations = json!({ "top": tag_terms, "repeated": repeated_bodies(Some(copy_tags)) });
    let result = aggregate(engine, &query, aggregations)?;
    if is_truncated(&result["repeated"]) {
        return Err(truncation_error(engine));
    }
    let over = entity_overcounts(&result["repeated"]);
    Ok(entity_counts(&result["top"], &over, kind, limit))
}

/// The `terms` buckets of entity tags as the report's counts: of `kind`, or
/// of every kind but names most articles call `other`; each lowered by what
/// copies over-count; most articles first, then by tag, as the local report
/// orders them.
fn entity_counts(
    top: &Value,
    over: &HashMap<String, u64>,
    kind: Option<EntityKind>,
    limit: usize,
) -> Vec<EntityWithKinds> {
    let wanted = |entity_kind: EntityKind| kind.is_none_or(|asked| entity_kind == asked);
    let buckets = top["buckets"].as_array().map_or(&[][..], Vec::as_slice);
    let mut tagged = Vec::new();
    for bucket in buckets {
        let (Some(tag), Some(documents)) = (bucket["key"].as_str(), bucket["doc_count"].as_u64())
        else {
            continue;
        };
        let Some((entity_kind, name)) =
            parse_entity_tag(tag).filter(|(tag_kind, _)| wanted(*tag_kind))
        else {
            continue;
        };
        let articles = documents.saturating_sub(over.get(tag).copied().unwrap_or(0));
        tagged.push((tag, name, entity_kind, articles));
    }
    let mut named = one_kind_per_name(tagged);
    // Names most articles call other are left out after the vote, as locally.
    if kind.is_none() {
        named.retain(|entry| entry.2 != EntityKind::Other);
    }
    named.sort_by(|a, b| b.3.cmp(&a.3).then_with(|| a.0.cmp(b.0)));
    named.truncate(limit);
    named
        .into_iter()
        .map(|(_, name, entity_kind, articles, kinds)| EntityWithKinds {
            count: EntityCount {
                name: name.to_string(),
                kind: entity_kind,
                articles,
                aliases: Vec::new(),
            },
            kinds,
        })
        .collect()
}

/// Each name once, case variants included (`NEW YORK` and `New York`), under
/// the kind most of its articles give it (ties: a kind before other, then
/// the first tag) unless its full forms settle another (`search::full_forms`),
/// written as the most frequent form of that kind not in capitals, with the
/// articles of every kind: the local report's rule (`search::one_kind`). An article
/// names a name under one kind and one spelling only, so the counts add up.
/// The evidence lists every kind with its articles, most first, as the local
/// report shows it.
fn one_kind_per_name<'a>(
    tagged: Vec<(&'a str, &'a str, EntityKind, u64)>,
) -> Vec<(&'a str, &'a str, EntityKind, u64, Vec<KindCount>)> {
    let full_forms = FullForms::new(
        tagged
            .iter()
            .map(|&(_, name, kind, articles)| (name, kind, articles as usize)),
    );
    let mut by_name: HashMap<String, Vec<(&str, &str, EntityKind, u64)>> = HashMap::new();
    for (tag, name, kind, articles) in tagged {
        by_name
            .entry(name.to_lowercase())
            .or_default()
            .push((tag, name, kind, articles));
    }
    by_name
        .into_values()
        .filter_map(|mut variants| {
            variants.sort_by(|a, b| b.3.cmp(&a.3).then_with(|| a.0.cmp(b.0)));
            let total = variants.iter().map(|variant| variant.3).sum();
            let mut evidence: Vec<KindCount> = Vec::new();
            for &(_, _, kind, articles) in &variants {
                match evidence.iter_mut().find(|count| count.kind == kind) {
                    Some(count) => count.articles += articles,
                    None => evidence.push(KindCount {
                        kind,
                        articles,
                        full_name: None,
                    }),
                }
            }
            let first_name = variants.first()?.1;
            sort_evidence(&mut evidence, first_name);
            let majority = evidence.first()?.kind;
            let written = |kind: EntityKind| {
                let of_kind = variants.iter().filter(move |variant| variant.2 == kind);
                of_kind
                    .clone()
                    .find(|variant| !is_shouted(variant.1))
                    .or_else(|| of_kind.clone().next())
                    .copied()
            };
            let (tag, name, _, _) = written(majority)?;
            let settled = full_forms.settle(name, majority, total as usize);
            let Some(settled) = settled else {
                return Some((tag, name, majority, total, evidence));
            };
            let kind = settled.kind;
            put_first(&mut evidence, settled);
            // A kind no article gives the name is written as the majority's name.
            let name = written(kind).map_or(name, |(_, written_name, _, _)| written_name);
            Some((tag, name, kind, total, evidence))
        })
        .collect()
}

/// Quotes of the newest matching articles (see the local `find_quotes`).
pub fn find_quotes(
    engine: &Quickwit,
    text: Option<&str>,
    filters: &Filters,
    limit: usize,
) -> Result<Vec<QuoteHit>> {
    quotes_of_search(|request| search(engine, request), text, filters, limit)
}

/// The first or last article date, `YYYY-MM-DD`.
fn edge_date(engine: &Quickwit, dated: &EngineQuery, sort_by: &str) -> Result<Option<String>> {
    let mut body = dated.body(1);
    body["sort_by"] = json!(sort_by);
    let answer = engine.search(&body)?;
    let seconds = answer["hits"][0]["date"].as_i64();
    Ok(seconds
        .and_then(|seconds| DateTime::<Utc>::from_timestamp(seconds, 0))
        .map(|date| date.format("%Y-%m-%d").to_string()))
}

/// Articles whose body repeats another's: each repeated body's count less one.
fn count_duplicates(engine: &Quickwit) -> Result<u64> {
    let every = engine_query(None, false, &Filters::default());
    let result = aggregate(engine, &every, json!({ "bodies": repeated_bodies(None) }))?;
    Ok(surplus_copies(&result["bodies"]))
}

/// The index at a glance: `size_bytes` and `segments` are Quickwit's
/// published split bytes and splits.
pub fn stats(engine: &Quickwit) -> Result<IndexStats> {
    let description = engine.describe()?;
    let dated = engine_query(
        None,
        false,
        &Filters {
            dated_only: true,
            ..Filters::default()
        },
    );
    let every = engine_query(None, false, &Filters::default());
    let articles = count_of(&engine.search(&every.body(0))?) as u64;
    let dated_articles = count_of(&engine.search(&dated.body(0))?) as u64;
    Ok(IndexStats {
        articles,
        dated_articles,
        // Quickwit sorts a field descending unless it is prefixed with `-`.
        first_date: edge_date(engine, &dated, "-date")?,
        last_date: edge_date(engine, &dated, "date")?,
        copies: count_duplicates(engine)?,
        size_bytes: description["size_published_splits"].as_u64().unwrap_or(0),
        segments: description["num_published_splits"].as_u64().unwrap_or(0) as usize,
        top_entities: top_entities(
            engine,
            ReportQuery::default(),
            &Filters::default(),
            None,
            10,
        )?
        .into_iter()
        .map(|entity| entity.count)
        .collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_counts_once_under_its_majority_kind_as_locally() {
        // Regression: the local report folds a name's kinds into one
        // (`search::one_kind`), the engine's did not: Ukraine 392 vs 391.
        let top = json!({ "buckets": [
            { "key": "place/Ukraine", "doc_count": 391 },
            { "key": "place/Kyiv", "doc_count": 5 },
            { "key": "organization/Ukraine", "doc_count": 1 },
        ] });
        let counts = entity_counts(&top, &HashMap::new(), None, 10);
        let first = &counts[0].count;
        assert_eq!(
            (first.name.as_str(), first.kind, first.articles),
            ("Ukraine", EntityKind::Place, 392)
        );
        assert_eq!(counts.len(), 2);
        // The evidence for the kind, as the local report shows it.
        let evidence: Vec<(EntityKind, u64)> = counts[0]
            .kinds
            .iter()
            .map(|kind| (kind.kind, kind.articles))
            .collect();
        assert_eq!(
            evidence,
            [(EntityKind::Place, 391), (EntityKind::Organization, 1)]
        );
    }

    #[test]
    fn a_full_name_settles_a_lone_word_as_locally() {
        // The local report gives `Icahn` the kind of `Carl Icahn` (`search::full_forms`).
        let top = json!({ "buckets": [
            { "key": "organization/Icahn", "doc_count": 11 },
            { "key": "person/Carl Icahn", "doc_count": 9 },
        ] });
        let counts = entity_counts(&top, &HashMap::new(), None, 10);
        let icahn = &counts[0];
        assert_eq!(
            (icahn.count.name.as_str(), icahn.count.kind),
            ("Icahn", EntityKind::Person)
        );
        let full_name = icahn.kinds[0]
            .full_name
            .as_ref()
            .map(|full| full.name.as_str());
        assert_eq!(full_name, Some("Carl Icahn"));
    }

    #[test]
    fn every_kind_votes_and_other_names_stay_out_as_locally() {
        // `Trump` called other in some articles counts them; `Russian` stays out.
        let top = json!({ "buckets": [
            { "key": "other/Russian", "doc_count": 40 },
            { "key": "person/Trump", "doc_count": 7 },
            { "key": "other/Trump", "doc_count": 5 },
            { "key": "person/Russian", "doc_count": 1 },
        ] });
        let counts = entity_counts(&top, &HashMap::new(), None, 10);
        let named: Vec<(&str, EntityKind, u64)> = counts
            .iter()
            .map(|entity| {
                (
                    entity.count.name.as_str(),
                    entity.count.kind,
                    entity.count.articles,
                )
            })
            .collect();
        assert_eq!(named, [("Trump", EntityKind::Person, 12)]);
    }

    #[test]
    fn case_variants_count_as_one_name_as_locally() {
        // Regression: the local report folds `MOSCOW` (a shouted dateline)
        // into `Moscow`, the engine's did not: Moscow 167 vs 166.
        let top = json!({ "buckets": [
            { "key": "place/Moscow", "doc_count": 166 },
            { "key": "place/MOSCOW", "doc_count": 1 },
            { "key": "organization/NATO", "doc_count": 3 },
            { "key": "organization/Nato", "doc_count": 1 },
        ] });
        let counts = entity_counts(&top, &HashMap::new(), None, 10);
        let named: Vec<(&str, u64, usize)> = counts
            .iter()
            .map(|entity| {
                let count = &entity.count;
                (count.name.as_str(), count.articles, entity.kinds.len())
            })
            .collect();
        assert_eq!(named, [("Moscow", 167, 1), ("NATO", 4, 1)]);
    }

    #[test]
    fn entity_kinds_are_chosen_here_and_copies_lower_the_counts() {
        // Regression: the node ignores a regular-expression `exclude`, so
        // nationality adjectives (`other/…`) topped the report.
        let top = json!({ "buckets": [
            { "key": "other/Russian", "doc_count": 9 },
            { "key": "place/Kyiv", "doc_count": 5 },
            { "key": "person/Joly", "doc_count": 4 },
            { "key": "place/Odesa", "doc_count": 4 },
        ] });
        let over = HashMap::from([("place/Kyiv".to_string(), 2)]);
        let names = |counts: Vec<EntityWithKinds>| -> Vec<(String, u64)> {
            counts
                .into_iter()
                .map(|entity| (entity.count.name, entity.count.articles))
                .collect()
        };
        let every_kind = names(entity_counts(&top, &over, None, 10));
        assert_eq!(
            every_kind,
            [
                ("Joly".to_string(), 4),
                ("Odesa".to_string(), 4),
                ("Kyiv".to_string(), 3)
            ]
        );
        let others = names(entity_counts(&top, &over, Some(EntityKind::Other), 10));
        assert_eq!(others, [("Russian".to_string(), 9)]);
        assert_eq!(entity_counts(&top, &over, None, 1).len(), 1);
    }
}
