//! A search request -> tantivy queries: the user's text (built twice, all
//! words required and any word, plus the relevance scoring) and the filters
//! around it.

use std::ops::Bound;

use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, ConstScoreQuery, EmptyQuery, ExistsQuery, Occur,
    PhraseQuery, Query, QueryParser, RangeQuery, TermQuery,
};
use tantivy::query_grammar::UserInputAst;
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{DateTime, Term};

use crate::error::{Error, Result};
use crate::index::schema::day_number;
use crate::index::schema::names;
use crate::index::NewsIndex;
use crate::search::aliases;
use crate::search::bm25f::Bm25fQuery;
use crate::search::dates::DateRange;
use crate::search::ranking::Ranking;
use crate::search::text::{self, excerpt};

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
    /// Every unmarked word required: what matches by default.
    pub all_words: Box<dyn Query>,
    /// Any word: what matches with `--any`.
    pub any_word: Box<dyn Query>,
    /// What relevance order scores: any word, plus the proximity bonus.
    pub scoring: Box<dyn Query>,
    /// What was changed or dropped to read the text, for stderr.
    pub notes: Vec<String>,
    /// The plain words as the body indexes them (for expansion).
    pub tokens: Vec<String>,
}

/// Builds `ast` with `parser`; what the index cannot answer (a date field
/// given words, only excluded words) is dropped with a note.
fn build_leniently(
    parser: &QueryParser,
    ast: &UserInputAst,
    notes: &mut Vec<String>,
) -> Box<dyn Query> {
    if let Ok(query) = parser.build_query_from_user_input_ast(ast.clone()) {
        return query;
    }
    let (query, errors) = parser.build_query_from_user_input_ast_lenient(ast.clone());
    let date_noted = notes.iter().any(|note| note.contains("--from and --to"));
    for error in errors {
        let message = error.to_string();
        if date_noted && message.contains("date field") {
            continue;
        }
        let note = format!("dropped from the query: {}", excerpt(&message));
        if !notes.contains(&note) {
            notes.push(note);
        }
    }
    query
}

pub fn parse_text(news_index: &NewsIndex, text: &str, ranking: &Ranking) -> Result<TextQueries> {
    let fields = &news_index.fields;
    let read = text::read_text(text, &news_index.index.schema())?;
    let mut notes = read.notes;
    let mut weighted = vec![(fields.title, ranking.title_boost), (fields.body, 1.0)];
    if ranking.entity_boost > 0.0 {
        weighted.push((fields.entity, ranking.entity_boost));
    }
    if ranking.quote_boost > 0.0 {
        weighted.push((fields.quote, ranking.quote_boost));
    }
    let defaults = weighted.iter().map(|(field, _)| *field).collect();
    let mut parser = QueryParser::for_index(&news_index.index, defaults);
    for (field, boost) in weighted {
        parser.set_field_boost(field, boost);
    }
    let any_word = build_leniently(&parser, &read.ast, &mut notes);
    parser.set_conjunction_by_default();
    let all_words = build_leniently(&parser, &read.ast, &mut notes);
    let words = text::plain_words(&read.ast);
    let tokens = body_tokens(news_index, &words)?;
    let base_scoring = if ranking.bm25f && text::only_plain_words(&read.ast) {
        bm25f_scoring(news_index, any_word.box_clone(), &tokens, ranking)?
    } else {
        any_word.box_clone()
    };
    let scoring = with_proximity(news_index, base_scoring, &words, ranking)?;
    Ok(TextQueries {
        all_words,
        any_word,
        scoring,
        notes,
        tokens,
    })
}

/// What was changed or dropped to read `text` (for commands that do not
/// return the parsed queries).
pub fn reading_notes(news_index: &NewsIndex, text: &str) -> Result<Vec<String>> {
    Ok(parse_text(news_index, text, &Ranking::default())?.notes)
}

/// `words` as the body indexes them, each once, in order.
fn body_tokens(news_index: &NewsIndex, words: &[String]) -> Result<Vec<String>> {
    let mut tokens: Vec<String> = Vec::new();
    for word in words {
        for term in analyzed_terms(news_index, news_index.fields.body, word)? {
            if let Some(token) = term.value().as_str() {
                if !tokens.iter().any(|seen| seen == token) {
                    tokens.push(token.to_string());
                }
            }
        }
    }
    Ok(tokens)
}

/// The articles of `matching`, scored by BM25F over the text fields that
/// share the body's analyzer.
fn bm25f_scoring(
    news_index: &NewsIndex,
    matching: Box<dyn Query>,
    tokens: &[String],
    ranking: &Ranking,
) -> Result<Box<dyn Query>> {
    let fields = &news_index.fields;
    let mut weighted = vec![(fields.title, ranking.title_boost), (fields.body, 1.0)];
    if ranking.quote_boost > 0.0 {
        weighted.push((fields.quote, ranking.quote_boost));
    }
    let unscored: Box<dyn Query> = Box::new(ConstScoreQuery::new(matching, 0.0));
    let bm25f: Box<dyn Query> = Box::new(Bm25fQuery::new(weighted, tokens.to_vec()));
    Ok(Box::new(BooleanQuery::new(vec![
        (Occur::Must, unscored),
        (Occur::Should, bm25f),
    ])))
}

/// `scoring` plus a bonus for each pair of adjacent query words found within
/// `proximity_slop` words of each other in the body.
fn with_proximity(
    news_index: &NewsIndex,
    scoring: Box<dyn Query>,
    words: &[String],
    ranking: &Ranking,
) -> Result<Box<dyn Query>> {
    if ranking.proximity_boost <= 0.0 || words.len() < 2 {
        return Ok(scoring);
    }
    let body = news_index.fields.body;
    let mut terms = Vec::new();
    for word in words {
        terms.extend(analyzed_terms(news_index, body, word)?);
    }
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Must, scoring)];
    for pair in terms.windows(2) {
        if pair[0] == pair[1] {
            continue;
        }
        let mut phrase = PhraseQuery::new(pair.to_vec());
        phrase.set_slop(ranking.proximity_slop);
        let bonus = BoostQuery::new(Box::new(phrase), ranking.proximity_boost);
        clauses.push((Occur::Should, Box::new(bonus)));
    }
    Ok(Box::new(BooleanQuery::new(clauses)))
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

/// Seconds since 1970 that tantivy's dates (nanoseconds in an i64) can hold:
/// 1677-09-21 to 2262-04-11.
const DATE_SECONDS: std::ops::RangeInclusive<i64> = -9_223_372_035..=9_223_372_035;

/// The articles dated inside `dates`. A bound beyond what the index can hold
/// is no bound at all (every stored date is inside), or an empty range when
/// the whole interval lies beyond it.
fn instant_clause(field: Field, dates: &DateRange) -> Option<Box<dyn Query>> {
    let from = dates.from.map(|from| from.timestamp());
    let until = dates.until.map(|until| until.timestamp());
    if from.is_none() && until.is_none() {
        return None;
    }
    let starts_after_every_date = from.is_some_and(|from| from > *DATE_SECONDS.end());
    let ends_before_every_date = until.is_some_and(|until| until <= *DATE_SECONDS.start());
    if starts_after_every_date || ends_before_every_date {
        return Some(Box::new(EmptyQuery));
    }
    let to_term = |seconds: i64| {
        Term::from_field_date_for_search(field, DateTime::from_timestamp_secs(seconds))
    };
    let lower = match from {
        Some(from) if from > *DATE_SECONDS.start() => Bound::Included(to_term(from)),
        _ => Bound::Unbounded,
    };
    let upper = match until {
        Some(until) if until <= *DATE_SECONDS.end() => Bound::Excluded(to_term(until)),
        _ => Bound::Unbounded,
    };
    if matches!((&lower, &upper), (Bound::Unbounded, Bound::Unbounded)) {
        return None;
    }
    Some(Box::new(RangeQuery::new(lower, upper)))
}

/// The articles whose own calendar day lies inside the range's days.
fn day_clause(field: Field, dates: &DateRange) -> Option<Box<dyn Query>> {
    if dates.first_day.is_none() && dates.last_day.is_none() {
        return None;
    }
    let to_term = |day| Term::from_field_i64(field, day_number(day));
    let lower = dates
        .first_day
        .map_or(Bound::Unbounded, |day| Bound::Included(to_term(day)));
    let upper = dates
        .last_day
        .map_or(Bound::Unbounded, |day| Bound::Included(to_term(day)));
    Some(Box::new(RangeQuery::new(lower, upper)))
}

/// Every article that has a date.
fn dated_clause() -> Box<dyn Query> {
    Box::new(ExistsQuery::new(names::DATE.to_string(), false))
}

/// The filter clauses, each a required, non-scoring part of the query.
fn filter_clauses(news_index: &NewsIndex, filters: &Filters) -> Result<Vec<Box<dyn Query>>> {
    let fields = &news_index.fields;
    let mut clauses: Vec<Box<dyn Query>> = Vec::new();
    let date_clauses: Vec<Box<dyn Query>> = [
        instant_clause(fields.date, &filters.dates),
        day_clause(fields.day, &filters.dates),
    ]
    .into_iter()
    .flatten()
    .collect();
    if date_clauses.is_empty() && (filters.dated_only || !filters.dates.is_unbounded()) {
        clauses.push(dated_clause());
    }
    clauses.extend(date_clauses);
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
