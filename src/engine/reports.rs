//! Reports on a Quickwit index: timelines through `date_histogram`, entity
//! counts through a `terms` aggregation, quotes from the newest hits, and
//! the index's vital statistics; answered in the local reports' types.

use chrono::{DateTime, Utc};
use serde_json::{json, Value};

use crate::article::EntityKind;
use crate::engine::client::Quickwit;
use crate::engine::search::{count_of, engine_query, search, EngineQuery};
use crate::error::Result;
use crate::index::schema::parse_entity_tag;
use crate::search::quotes::{quotes_of_search, QuoteHit};
use crate::search::reports::{
    entity_terms, periods_of_day_buckets, EntityCount, IndexStats, Interval, Period, ReportQuery,
};
use crate::search::Filters;

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

/// How many matching articles fall in each period (see the local `timeline`).
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
    let histogram = json!({ "days": { "date_histogram": {
        "field": "date", "fixed_interval": "1d", "min_doc_count": 1 } } });
    let result = aggregate(engine, &query, histogram)?;
    let buckets = result["days"]["buckets"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    Ok(periods_of_day_buckets(&buckets, interval))
}

/// The entities named by the most matching articles, as the local report
/// counts them but without folding spellings together.
pub fn top_entities(
    engine: &Quickwit,
    report: ReportQuery,
    filters: &Filters,
    kind: Option<EntityKind>,
    limit: usize,
) -> Result<Vec<EntityCount>> {
    let terms = entity_terms(kind, limit)?;
    let query = report_query(report, filters);
    let result = aggregate(engine, &query, json!({ "top": { "terms": terms } }))?;
    let buckets = result["top"]["buckets"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let mut counts = Vec::new();
    for bucket in &buckets {
        let (Some(tag), Some(articles)) = (bucket["key"].as_str(), bucket["doc_count"].as_u64())
        else {
            continue;
        };
        let Some((entity_kind, name)) = parse_entity_tag(tag) else {
            continue;
        };
        counts.push(EntityCount {
            name: name.to_string(),
            kind: entity_kind,
            articles,
            aliases: Vec::new(),
        });
    }
    counts.sort_by_key(|count| std::cmp::Reverse(count.articles));
    counts.truncate(limit);
    Ok(counts)
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
    let repeated = json!({ "bodies": { "terms": {
        "field": "body_hash", "size": 65_000, "min_doc_count": 2 } } });
    let result = aggregate(engine, &every, repeated)?;
    let buckets = result["bodies"]["buckets"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    Ok(buckets
        .iter()
        .filter_map(|bucket| bucket["doc_count"].as_u64())
        .map(|count| count.saturating_sub(1))
        .sum())
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
        )?,
    })
}
