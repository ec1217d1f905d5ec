//! Syndicated copies in a Quickwit engine's reports. Quickwit's aggregations
//! count every document; the local reports count each body once
//! (`search/copies.rs`): a timeline on the first day a body ran, an entity
//! once per body naming it. Bodies printed more than once are few, so one
//! `terms` aggregation over `body_hash` that keeps only the repeated ones,
//! with the days or the entities of their copies under it, says how much
//! each bucket over-counts; the reports subtract it.

use std::collections::{BTreeMap, HashMap};

use serde_json::{json, Value};

use crate::index::schema::names;

/// The most repeated bodies one report corrects for (Quickwit's default
/// limit on the buckets of one aggregation); a report over more says so.
pub const REPEATED_BODIES_LIMIT: usize = 65_000;

/// The aggregation of the bodies that occur more than once among the
/// matching documents, each with the `per_copy` aggregation of its copies.
pub fn repeated_bodies(per_copy: Option<Value>) -> Value {
    let mut aggregation = json!({
        "terms": {
            "field": names::BODY_HASH,
            "size": REPEATED_BODIES_LIMIT,
            "min_doc_count": 2,
        },
    });
    if let Some(per_copy) = per_copy {
        aggregation["aggs"] = json!({ "per_copy": per_copy });
    }
    aggregation
}

/// How many matching documents repeat a body already counted (each repeated
/// body's copies less one).
pub fn surplus_copies(repeated: &Value) -> u64 {
    buckets_of(repeated)
        .iter()
        .filter_map(|body| body["doc_count"].as_u64())
        .map(|copies| copies.saturating_sub(1))
        .sum()
}

fn buckets_of(aggregation: &Value) -> &[Value] {
    aggregation["buckets"].as_array().map_or(&[], Vec::as_slice)
}

/// A bucket key as a whole number (Quickwit writes numeric keys as floats
/// in histograms and as integers in `terms`).
fn whole_number(key: &Value) -> Option<i64> {
    key.as_i64()
        .or_else(|| key.as_f64().map(|number| number as i64))
}

/// Each repeated body's sub-buckets of `repeated_bodies`, as (key, copies).
fn copies_per_body(repeated: &Value) -> impl Iterator<Item = Vec<(&Value, u64)>> {
    buckets_of(repeated).iter().map(|body| {
        buckets_of(&body["per_copy"])
            .iter()
            .filter_map(|bucket| Some((&bucket["key"], bucket["doc_count"].as_u64()?)))
            .collect()
    })
}

/// Articles per day number from a `histogram` on `day`, a repeated body
/// counted once, on the first day it ran (as the local timeline counts).
/// `repeated` is `repeated_bodies` of a `terms` aggregation on `day`.
pub fn distinct_days(histogram: &Value, repeated: &Value) -> BTreeMap<i64, u64> {
    let mut by_day: BTreeMap<i64, u64> = BTreeMap::new();
    for bucket in buckets_of(histogram) {
        let (Some(day), Some(count)) = (whole_number(&bucket["key"]), bucket["doc_count"].as_u64())
        else {
            continue;
        };
        *by_day.entry(day).or_default() += count;
    }
    for copies in copies_per_body(repeated) {
        let days: Vec<(i64, u64)> = copies
            .iter()
            .filter_map(|(key, count)| Some((whole_number(key)?, *count)))
            .collect();
        let Some(first_day) = days.iter().map(|(day, _)| *day).min() else {
            continue;
        };
        for (day, count) in &days {
            if let Some(total) = by_day.get_mut(day) {
                *total = total.saturating_sub(*count);
            }
        }
        *by_day.entry(first_day).or_default() += 1;
    }
    by_day.retain(|_, count| *count > 0);
    by_day
}

/// How many articles each entity tag over-counts: a tag named by k copies
/// of one body counts k - 1 too many. `repeated` is `repeated_bodies` of a
/// `terms` aggregation on `entity_tag`.
pub fn entity_overcounts(repeated: &Value) -> HashMap<String, u64> {
    let mut over: HashMap<String, u64> = HashMap::new();
    for copies in copies_per_body(repeated) {
        for (key, count) in copies {
            let Some(tag) = key.as_str() else {
                continue;
            };
            *over.entry(tag.to_string()).or_default() += count.saturating_sub(1);
        }
    }
    over
}

/// Whether the repeated bodies filled the aggregation (the correction may
/// then miss some).
pub fn is_truncated(repeated: &Value) -> bool {
    buckets_of(repeated).len() >= REPEATED_BODIES_LIMIT
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_repeated_body_counts_once_on_its_first_day() {
        // Day 10: 3 documents, day 11: 2, day 12: 1; one body ran on days 10, 11 and 12.
        let histogram = json!({ "buckets": [
            { "key": 10.0, "doc_count": 3 },
            { "key": 11.0, "doc_count": 2 },
            { "key": 12.0, "doc_count": 1 },
        ] });
        let repeated = json!({ "buckets": [ { "key": 77, "doc_count": 3, "per_copy": { "buckets": [
            { "key": 12, "doc_count": 1 },
            { "key": 10, "doc_count": 1 },
            { "key": 11, "doc_count": 1 },
        ] } } ] });
        let days = distinct_days(&histogram, &repeated);
        assert_eq!(days, BTreeMap::from([(10, 3), (11, 1)]));
    }

    #[test]
    fn an_entity_named_by_copies_counts_once_per_body() {
        let repeated = json!({ "buckets": [
            { "key": 1, "doc_count": 3, "per_copy": { "buckets": [
                { "key": "place/Kyiv", "doc_count": 3 },
                { "key": "person/Joly", "doc_count": 1 },
            ] } },
            { "key": 2, "doc_count": 2, "per_copy": { "buckets": [
                { "key": "place/Kyiv", "doc_count": 2 },
            ] } },
        ] });
        let over = entity_overcounts(&repeated);
        assert_eq!(over.get("place/Kyiv"), Some(&3));
        assert_eq!(over.get("person/Joly"), Some(&0));
        assert!(!is_truncated(&repeated));
    }
}
