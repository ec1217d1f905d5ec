//! A search request -> tantivy queries: the user's text (parsed twice, all
//! words required and any word) and the filters around it.

use std::ops::Bound;

use tantivy::query::{
    AllQuery, BooleanQuery, ExistsQuery, Occur, PhraseQuery, Query, QueryParser, RangeQuery,
    TermQuery,
};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{DateTime, Term};

use crate::error::{Error, Result};
use crate::index::NewsIndex;
use crate::search::aliases;
use crate::search::dates::DateRange;

/// Filters shared by `query`, `list` and the reports.
#[derive(Debug, Clone, Default)]
pub struct Filters {
    pub dates: DateRange,
    /// Every one must be an entity of the article (words in order, accents and case folded).
    pub entities: Vec<String>,
    pub speaker: Option<String>,
    pub source: Option<String>,
    /// Only articles that have a date (for date-ordered listings).
    pub dated_only: bool,
}

/// The user's text as tantivy queries.
pub struct TextQueries {
    /// Every unmarked word required: the first tier of the ranking.
    pub all_words: Box<dyn Query>,
    /// Any word: what counts as a match.
    pub any_word: Box<dyn Query>,
}

pub fn parse_text(news_index: &NewsIndex, text: &str) -> Result<TextQueries> {
    let fields = &news_index.fields;
    // Field weights: a word in the title, the entities or the quotes says more
    // about an article than the same word somewhere in its body.
    let weighted = [
        (fields.title, 2.0),
        (fields.entity, 1.5),
        (fields.quote, 1.2),
        (fields.body, 1.0),
    ];
    let defaults = weighted.iter().map(|(field, _)| *field).collect();
    let mut parser = QueryParser::for_index(&news_index.index, defaults);
    for (field, boost) in weighted {
        parser.set_field_boost(field, boost);
    }
    let query_error = |error: tantivy::query::QueryParserError| Error::Query {
        query: text.to_string(),
        reason: error.to_string(),
    };
    let any_word = parser.parse_query(text).map_err(query_error)?;
    parser.set_conjunction_by_default();
    let all_words = parser.parse_query(text).map_err(query_error)?;
    Ok(TextQueries {
        all_words,
        any_word,
    })
}

/// Words of `name` as the field's analyzer sees them, in order.
fn analyzed_terms(news_index: &NewsIndex, field: Field, name: &str) -> Result<Vec<Term>> {
    let mut analyzer = news_index
        .index
        .tokenizer_for_field(field)
        .map_err(|source| news_index.error(source))?;
    let mut stream = analyzer.token_stream(name);
    let mut terms = Vec::new();
    while let Some(token) = stream.next() {
        terms.push(Term::from_field_text(field, &token.text));
    }
    Ok(terms)
}

/// The words of `name`, in order, inside one value of `field`.
fn name_query(
    news_index: &NewsIndex,
    field: Field,
    flag: &str,
    name: &str,
) -> Result<Box<dyn Query>> {
    let mut terms = analyzed_terms(news_index, field, name)?;
    if terms.len() > 1 {
        return Ok(Box::new(PhraseQuery::new(terms)));
    }
    match terms.pop() {
        Some(term) => Ok(Box::new(TermQuery::new(term, IndexRecordOption::Basic))),
        None => Err(Error::Usage(format!(
            "{flag} {name:?} has no words to match"
        ))),
    }
}

/// The filter clauses, each a required, non-scoring part of the query.
fn filter_clauses(news_index: &NewsIndex, filters: &Filters) -> Result<Vec<Box<dyn Query>>> {
    let fields = &news_index.fields;
    let mut clauses: Vec<Box<dyn Query>> = Vec::new();
    if !filters.dates.is_unbounded() {
        let to_term = |instant: chrono::DateTime<chrono::Utc>| {
            Term::from_field_date_for_search(
                fields.date,
                DateTime::from_timestamp_secs(instant.timestamp()),
            )
        };
        let lower = filters
            .dates
            .from
            .map_or(Bound::Unbounded, |from| Bound::Included(to_term(from)));
        let upper = filters
            .dates
            .until
            .map_or(Bound::Unbounded, |until| Bound::Excluded(to_term(until)));
        clauses.push(Box::new(RangeQuery::new(lower, upper)));
    } else if filters.dated_only {
        clauses.push(Box::new(ExistsQuery::new("date".to_string(), false)));
    }
    if !filters.entities.is_empty() {
        // `--entity "United States"` also finds the articles that only say `US`.
        let searcher = news_index.reader()?.searcher();
        for entity in &filters.entities {
            let mut any_spelling: Vec<(Occur, Box<dyn Query>)> = Vec::new();
            any_spelling.push((
                Occur::Should,
                name_query(news_index, fields.entity, "--entity", entity)?,
            ));
            for spelling in aliases::spellings(&searcher, fields.entity_tag, entity) {
                if spelling == *entity {
                    continue;
                }
                // A spelling from the index that analyses to nothing is skipped:
                // an error must name what the user typed.
                if let Ok(query) = name_query(news_index, fields.entity, "--entity", &spelling) {
                    any_spelling.push((Occur::Should, query));
                }
            }
            clauses.push(Box::new(BooleanQuery::new(any_spelling)));
        }
    }
    if let Some(speaker) = &filters.speaker {
        clauses.push(name_query(
            news_index,
            fields.speaker,
            "--speaker",
            speaker,
        )?);
    }
    if let Some(source) = &filters.source {
        clauses.push(name_query(news_index, fields.source, "--source", source)?);
    }
    Ok(clauses)
}

/// `scoring` restricted by the filters; with no text, every article.
pub fn with_filters(
    news_index: &NewsIndex,
    scoring: Option<Box<dyn Query>>,
    filters: &Filters,
) -> Result<Box<dyn Query>> {
    let clauses = filter_clauses(news_index, filters)?;
    let scoring = scoring.unwrap_or_else(|| Box::new(AllQuery));
    if clauses.is_empty() {
        return Ok(scoring);
    }
    let mut parts = vec![(Occur::Must, scoring)];
    // Filters must not change scores: a 0-boost keeps them out of BM25.
    for clause in clauses {
        let unscored: Box<dyn Query> = Box::new(tantivy::query::ConstScoreQuery::new(clause, 0.0));
        parts.push((Occur::Must, unscored));
    }
    Ok(Box::new(BooleanQuery::new(parts)))
}
