//! Pseudo-relevance feedback (RM3, as Anserini runs it over BM25): the best
//! articles of a first pass are taken as relevant, the words they use most
//! (weighted by each article's score) join the query, and a second pass ranks
//! with both. Finds articles that say the same thing in other words.

use std::collections::HashMap;

use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, BoostQuery, Occur, Query, TermQuery};
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::{Searcher, TantivyDocument, Term};

use crate::error::Result;
use crate::index::schema::NEWS_ANALYZER;
use crate::index::NewsIndex;

/// How the feedback runs.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Expansion {
    /// Articles of the first pass taken as relevant.
    pub feedback_articles: usize,
    /// Words added to the query.
    pub terms: usize,
    /// Share of the original query in the final score (RM3's lambda).
    pub original_weight: f32,
    /// Words in more than this share of articles are too common to add.
    pub max_document_share: f32,
}

impl Default for Expansion {
    fn default() -> Expansion {
        Expansion {
            feedback_articles: 10,
            terms: 10,
            original_weight: 0.5,
            max_document_share: 0.1,
        }
    }
}

/// Each word's share of the feedback articles' text, weighted by their scores.
fn feedback_model(
    news_index: &NewsIndex,
    searcher: &Searcher,
    ranked: &[(f32, tantivy::DocAddress)],
) -> Result<HashMap<String, f32>> {
    let fields = &news_index.fields;
    let Some(mut analyzer) = news_index.index.tokenizers().get(NEWS_ANALYZER) else {
        return Ok(HashMap::new());
    };
    let score_sum: f32 = ranked.iter().map(|(score, _)| score.max(0.0)).sum();
    let mut model: HashMap<String, f32> = HashMap::new();
    for &(score, address) in ranked {
        let doc: TantivyDocument = searcher
            .doc(address)
            .map_err(|source| news_index.error(source))?;
        let mut counts: HashMap<String, f32> = HashMap::new();
        let mut length = 0.0;
        for field in [fields.title, fields.body] {
            for value in doc.get_all(field) {
                let Some(text) = value.as_str() else {
                    continue;
                };
                let mut stream = analyzer.token_stream(text);
                while let Some(token) = stream.next() {
                    *counts.entry(token.text.clone()).or_default() += 1.0;
                    length += 1.0;
                }
            }
        }
        if length == 0.0 || score_sum <= 0.0 {
            continue;
        }
        let article_weight = score.max(0.0) / score_sum;
        for (word, count) in counts {
            *model.entry(word).or_default() += article_weight * count / length;
        }
    }
    Ok(model)
}

/// `scoring` joined by the best words of its own first `feedback_articles`
/// hits among `candidates` (the filtered query of the first pass).
pub fn expand(
    news_index: &NewsIndex,
    searcher: &Searcher,
    first_pass: &dyn Query,
    scoring: Box<dyn Query>,
    query_words: &[String],
    expansion: &Expansion,
) -> Result<Box<dyn Query>> {
    let ranked = searcher
        .search(
            first_pass,
            &TopDocs::with_limit(expansion.feedback_articles.max(1)).order_by_score(),
        )
        .map_err(|source| news_index.error(source))?;
    if ranked.is_empty() {
        return Ok(scoring);
    }
    let model = feedback_model(news_index, searcher, &ranked)?;
    let body = news_index.fields.body;
    let articles = searcher.num_docs().max(1) as f32;
    // Heaviest first; equal weights by word, so that runs are repeatable.
    let mut by_weight: Vec<(String, f32)> = model.into_iter().collect();
    by_weight.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let mut candidates: Vec<(String, f32)> = Vec::new();
    // Only the heaviest words are looked up, until enough pass.
    for (word, weight) in by_weight {
        if candidates.len() >= expansion.terms {
            break;
        }
        let too_short = word.chars().count() < 2 || word.chars().all(|c| c.is_ascii_digit());
        if too_short || query_words.contains(&word) {
            continue;
        }
        let doc_freq = searcher
            .doc_freq(&Term::from_field_text(body, &word))
            .map_err(|source| news_index.error(source))?;
        if doc_freq as f32 / articles > expansion.max_document_share {
            continue;
        }
        candidates.push((word, weight));
    }
    let total: f32 = candidates.iter().map(|(_, weight)| weight).sum();
    if candidates.is_empty() || total <= 0.0 {
        return Ok(scoring);
    }
    let share = (1.0 - expansion.original_weight) * query_words.len().max(1) as f32;
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![(
        Occur::Should,
        Box::new(BoostQuery::new(scoring, expansion.original_weight)),
    )];
    for (word, weight) in candidates {
        let term = TermQuery::new(
            Term::from_field_text(body, &word),
            IndexRecordOption::WithFreqs,
        );
        let boost = share * weight / total;
        clauses.push((
            Occur::Should,
            Box::new(BoostQuery::new(Box::new(term), boost)),
        ));
    }
    Ok(Box::new(BooleanQuery::new(clauses)))
}
