//! Searching a Quickwit index: a [`SearchRequest`] as a Quickwit query (the
//! user's text, filters as terms on name fields, dates as the timestamp
//! range) and the answer as the local engine's [`SearchResults`].

use std::collections::HashSet;
use std::ops::Range;

use serde_json::{json, Value};

use crate::article::Article;
use crate::engine::client::Quickwit;
use crate::engine::copies::{repeated_bodies, surplus_copies};
use crate::engine::documents::article_from_hit;
use crate::engine::mapping::quoted;
use crate::engine::mapping::NO_DATE_SECONDS;
use crate::error::Result;
use crate::index::schema::{day_number, names};
use crate::search::snippets::shape_snippet;
use crate::search::{
    check_request, Filters, Hit, SearchRequest, SearchResults, Snippet, SortOrder,
};

/// The most hits Quickwit returns for one request (its `max_hits` limit).
const MAX_FETCH: usize = 10_000;

/// A request's query text and timestamp range, as Quickwit takes them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EngineQuery {
    pub query: String,
    pub start_timestamp: Option<i64>,
    pub end_timestamp: Option<i64>,
}

impl EngineQuery {
    /// The search request body for this query.
    pub fn body(&self, max_hits: usize) -> Value {
        let mut body = json!({ "query": self.query, "max_hits": max_hits });
        if let Some(start) = self.start_timestamp {
            body["start_timestamp"] = json!(start);
        }
        if let Some(end) = self.end_timestamp {
            body["end_timestamp"] = json!(end);
        }
        body
    }
}

/// Whether `text` is plain words only (no fields, phrases, operators), so
/// that `--any` can join them with OR.
fn plain_words(text: &str) -> Option<Vec<&str>> {
    let special = |c: char| ":\"()+-^~*[]{}\\!/'<>=".contains(c);
    let words: Vec<&str> = text.split_whitespace().collect();
    let plain = words
        .iter()
        .all(|word| !word.contains(special) && !matches!(*word, "AND" | "OR" | "NOT" | "IN"));
    plain.then_some(words)
}

/// The filters' clauses and the timestamp range. Quickwit's timestamp range
/// (which prunes whole splits) starts in 1970: an undated article stands at
/// the no-date instant before it, and a date before 1970 cannot be filtered (nor 1970-01-01T00:00:00 itself).
fn filter_clauses(filters: &Filters) -> (Vec<String>, Option<i64>, Option<i64>) {
    let mut clauses = Vec::new();
    for entity in &filters.entities {
        clauses.push(format!("entity:{}", quoted(entity)));
    }
    if let Some(speaker) = &filters.speaker {
        clauses.push(format!("speaker:{}", quoted(speaker)));
    }
    if let Some(source) = &filters.source {
        clauses.push(format!("source:{}", quoted(source)));
    }
    // Calendar bounds (`--from 2022-02`) are the article's own days, as locally.
    let day = |date| day_number(date);
    match (filters.dates.first_day, filters.dates.last_day) {
        (Some(first), Some(last)) => {
            clauses.push(format!("{}:[{} TO {}]", names::DAY, day(first), day(last)))
        }
        (Some(first), None) => clauses.push(format!("{}:>={}", names::DAY, day(first))),
        (None, Some(last)) => clauses.push(format!("{}:<={}", names::DAY, day(last))),
        (None, None) => {}
    }
    const { assert!(NO_DATE_SECONDS < 0) };
    if filters.dates.is_unbounded() && !filters.dated_only {
        return (clauses, None, None);
    }
    // Quickwit reads a start of 0 as no start at all: the first second is 1.
    let from = filters.dates.from.map_or(1, |from| from.timestamp().max(1));
    let until = filters.dates.until.map(|until| until.timestamp().max(1));
    (clauses, Some(from), until)
}

/// The Quickwit query of a text (all words, or any with `match_any`) and filters.
pub fn engine_query(text: Option<&str>, match_any: bool, filters: &Filters) -> EngineQuery {
    let (mut clauses, start_timestamp, end_timestamp) = filter_clauses(filters);
    if let Some(text) = text.map(str::trim).filter(|text| !text.is_empty()) {
        let any_words = match_any.then(|| plain_words(text)).flatten();
        let text_clause = match any_words {
            Some(words) => words.join(" OR "),
            None => text.to_string(),
        };
        clauses.insert(0, format!("({text_clause})"));
    }
    let query = if clauses.is_empty() {
        "*".to_string()
    } else {
        clauses.join(" AND ")
    };
    EngineQuery {
        query,
        start_timestamp,
        end_timestamp,
    }
}

/// Quickwit's HTML snippet (`<b>` around matches, text HTML-escaped) as a
/// snippet with highlight ranges.
fn snippet_from_html(html: &str) -> Snippet {
    let mut text = String::new();
    let mut highlights: Vec<Range<usize>> = Vec::new();
    let mut rest = html;
    let mut open: Option<usize> = None;
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix("<b>") {
            open = Some(text.len());
            rest = after;
            continue;
        }
        if let Some(after) = rest.strip_prefix("</b>") {
            if let Some(start) = open.take() {
                highlights.push(start..text.len());
            }
            rest = after;
            continue;
        }
        let entities = [
            ("&amp;", '&'),
            ("&lt;", '<'),
            ("&gt;", '>'),
            ("&quot;", '"'),
            ("&#x27;", '\''),
            ("&#39;", '\''),
        ];
        if let Some((entity, decoded)) =
            entities.iter().find(|(entity, _)| rest.starts_with(entity))
        {
            text.push(*decoded);
            rest = &rest[entity.len()..];
            continue;
        }
        let Some(next) = rest.chars().next() else {
            break;
        };
        text.push(next);
        rest = &rest[next.len_utf8()..];
    }
    Snippet { text, highlights }
}

fn hits_of(answer: &Value) -> Vec<Value> {
    answer["hits"].as_array().cloned().unwrap_or_default()
}

/// How many documents match, from an answer's `num_hits`.
pub fn count_of(answer: &Value) -> usize {
    answer["num_hits"].as_u64().unwrap_or(0) as usize
}

/// Asks for the repeated bodies among the matches too, unless every copy
/// is counted, so that [`articles_of`] counts each body once as the local
/// engine does.
fn count_bodies_once(body: &mut Value, all_copies: bool) {
    if !all_copies {
        body["aggs"] = json!({ "repeated": repeated_bodies(None) });
    }
}

/// How many articles an answer holds: every document with `all_copies`,
/// otherwise each body once.
fn articles_of(answer: &Value, all_copies: bool) -> usize {
    let documents = count_of(answer);
    if all_copies {
        return documents;
    }
    let surplus = surplus_copies(&answer["aggregations"]["repeated"]);
    documents.saturating_sub(usize::try_from(surplus).unwrap_or(usize::MAX))
}

/// What the engine leaves out of a request, for stderr.
fn request_notes(request: &SearchRequest) -> Vec<String> {
    let mut notes = Vec::new();
    let text = request.text.as_deref().unwrap_or_default();
    if request.match_any && plain_words(text).is_none() {
        notes.push("--any joins plain words only; this query was run as written".to_string());
    }
    if request.ranking.expand {
        notes.push("--expand is not available on a quickwit engine; ignored".to_string());
    }
    notes
}

/// Runs a search on the engine; see [`crate::engine::DIFFERENCES`].
pub fn search(engine: &Quickwit, request: &SearchRequest) -> Result<SearchResults> {
    check_request(request)?;
    let query = engine_query(request.text.as_deref(), request.match_any, &request.filters);
    let wanted = request.offset.saturating_add(request.limit);
    let mut fetch = wanted.clamp(1, MAX_FETCH);
    let with_snippets = request.snippets && request.text.is_some();
    let (answer, kept) = loop {
        let mut body = query.body(fetch);
        body["sort_by"] = json!(match request.sort {
            SortOrder::Relevance => "_score",
            // Quickwit sorts a field descending unless it is prefixed with `-`.
            SortOrder::Newest => "date",
            SortOrder::Oldest => "-date",
        });
        if with_snippets {
            body["snippet_fields"] = json!("body");
        }
        count_bodies_once(&mut body, request.all_copies);
        let answer = engine.search(&body)?;
        let hits = hits_of(&answer);
        let kept = first_of_each(&hits, request.all_copies);
        let exhausted = hits.len() < fetch || fetch >= MAX_FETCH;
        if exhausted || kept.len() >= wanted {
            break (answer, kept);
        }
        fetch = fetch.saturating_mul(4).min(MAX_FETCH);
    };
    let snippets = answer["snippets"].as_array().cloned().unwrap_or_default();
    let all_hits = hits_of(&answer);
    let mut hits = Vec::new();
    for position in kept.into_iter().skip(request.offset).take(request.limit) {
        let mut article = article_from_hit(&all_hits[position]);
        // Shaped as the local engine shapes its fragments: one line, `…` where cut.
        let snippet = snippets
            .get(position)
            .and_then(|snippet| {
                snippet["body"]
                    .as_array()?
                    .first()?
                    .as_str()
                    .map(snippet_from_html)
            })
            .filter(|_| with_snippets)
            .map(|fragment| shape_snippet(&article.body, &fragment.text, &fragment.highlights));
        article.body.clear();
        let copies = count_copies(engine, &all_hits[position])?;
        hits.push(Hit {
            article,
            score: None,
            snippet,
            copies,
        });
    }
    if request.sort != SortOrder::Relevance {
        hits.sort_by(|a, b| {
            let instant = |hit: &Hit| hit.article.date.map(|date| date.to_utc());
            let by_date = match request.sort {
                SortOrder::Newest => instant(b).cmp(&instant(a)),
                _ => instant(a).cmp(&instant(b)),
            };
            by_date.then_with(|| a.article.path.cmp(&b.article.path))
        });
    }
    let total = articles_of(&answer, request.all_copies);
    let partial = partial_count(engine, request, &query, total)?;
    Ok(SearchResults {
        total,
        partial,
        hits,
        notes: request_notes(request),
    })
}

/// Positions of the hits to show: one per article key (a re-sent article
/// may briefly be there twice, until Quickwit applies the delete), and one
/// per body unless every copy is asked for.
fn first_of_each(hits: &[Value], all_copies: bool) -> Vec<usize> {
    let mut seen_paths = HashSet::new();
    let mut seen_bodies = HashSet::new();
    let mut kept = Vec::new();
    for (position, hit) in hits.iter().enumerate() {
        let path = hit["path"].as_str().unwrap_or_default().to_string();
        if !seen_paths.insert(path) {
            continue;
        }
        let body_hash = hit["body_hash"].as_u64();
        if !all_copies && body_hash.is_some_and(|hash| !seen_bodies.insert(hash)) {
            continue;
        }
        kept.push(position);
    }
    kept
}

/// How many articles share the hit's body (1 when it is unique).
fn count_copies(engine: &Quickwit, hit: &Value) -> Result<u64> {
    let Some(body_hash) = hit["body_hash"].as_u64() else {
        return Ok(1);
    };
    let answer =
        engine.search(&json!({ "query": format!("body_hash:{body_hash}"), "max_hits": 0 }))?;
    Ok((count_of(&answer) as u64).max(1))
}

/// Articles holding some of the words but not all (0 with `--any` or one word).
fn partial_count(
    engine: &Quickwit,
    request: &SearchRequest,
    query: &EngineQuery,
    total: usize,
) -> Result<usize> {
    let text = request.text.as_deref().unwrap_or_default();
    let several_words = plain_words(text).is_some_and(|words| words.len() > 1);
    if request.match_any || !several_words {
        return Ok(0);
    }
    let any_query = engine_query(Some(text), true, &request.filters);
    debug_assert_eq!(any_query.start_timestamp, query.start_timestamp);
    let mut body = any_query.body(0);
    count_bodies_once(&mut body, request.all_copies);
    let answer = engine.search(&body)?;
    Ok(articles_of(&answer, request.all_copies).saturating_sub(total))
}

/// The first article whose raw `field` is `value`.
fn find_article_by(engine: &Quickwit, field: &str, value: &str) -> Result<Option<Article>> {
    let answer =
        engine.search(&json!({ "query": format!("{field}:{}", quoted(value)), "max_hits": 1 }))?;
    Ok(hits_of(&answer).first().map(article_from_hit))
}

/// The stored article whose key is `path` (`FILE`, `FILE#N`, `FILE#MEMBER`).
pub fn find_article(engine: &Quickwit, path: &str) -> Result<Option<Article>> {
    find_article_by(engine, "path", path)
}

/// The stored article whose source id is `id`.
pub fn find_article_by_id(engine: &Quickwit, id: &str) -> Result<Option<Article>> {
    find_article_by(engine, "id", id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::DateRange;

    #[test]
    fn snippets_lose_their_html_and_keep_the_highlights() {
        let snippet = snippet_from_html("<b>Ukraine</b> &amp; <b>Kyiv</b> &lt;ok&gt;");
        assert_eq!(snippet.text, "Ukraine & Kyiv <ok>");
        assert_eq!(snippet.highlights, [0..7, 10..14]);
    }

    #[test]
    fn filters_become_clauses_and_timestamps() {
        let filters = Filters {
            dates: DateRange::from_bounds(
                Some("2022-02-01T00:00:00Z"),
                Some("2022-02-28T23:59:59Z"),
            )
            .unwrap(),
            entities: vec!["Mélanie Joly".to_string()],
            speaker: Some("Zelenskyy".to_string()),
            source: None,
            dated_only: false,
        };
        let query = engine_query(Some("ukraine sovereignty"), false, &filters);
        assert_eq!(
            query.query,
            "(ukraine sovereignty) AND entity:\"Mélanie Joly\" AND speaker:\"Zelenskyy\""
        );
        assert_eq!(query.start_timestamp, Some(1_643_673_600));
        assert_eq!(query.end_timestamp, Some(1_646_092_800));
        let any = engine_query(Some("ukraine sovereignty"), true, &Filters::default());
        assert_eq!(any.query, "(ukraine OR sovereignty)");
        assert_eq!(engine_query(None, false, &Filters::default()).query, "*");
    }

    #[test]
    fn dated_lists_and_open_ranges_start_in_1970() {
        let before = Filters {
            dates: DateRange::from_bounds(None, Some("2022-01-01T23:59:59Z")).unwrap(),
            ..Filters::default()
        };
        let query = engine_query(None, false, &before);
        assert_eq!(query.query, "*");
        assert_eq!(query.start_timestamp, Some(1));
        assert_eq!(query.end_timestamp, Some(1_641_081_600));
        // A calendar bound is the article's own day, as in the local index.
        let february = Filters {
            dates: DateRange::from_bounds(Some("2022-02"), Some("2022-02")).unwrap(),
            ..Filters::default()
        };
        let days = engine_query(None, false, &february);
        assert_eq!(days.query, "day:[738187 TO 738214]");
        assert_eq!((days.start_timestamp, days.end_timestamp), (Some(1), None));
        let dated = Filters {
            dated_only: true,
            ..Filters::default()
        };
        let dated_query = engine_query(None, false, &dated);
        assert_eq!(
            (dated_query.start_timestamp, dated_query.end_timestamp),
            (Some(1), None)
        );
    }

    #[test]
    fn one_hit_per_article_key_and_per_body() {
        let hits = [
            json!({"path": "a", "body_hash": 1}),
            json!({"path": "a", "body_hash": 2}),
            json!({"path": "b", "body_hash": 1}),
            json!({"path": "c", "body_hash": 3}),
        ];
        assert_eq!(first_of_each(&hits, false), [0, 3]);
        assert_eq!(first_of_each(&hits, true), [0, 2, 3]);
    }
}
