//! Quotation search: the individual quotes of matching articles, filtered by
//! speaker and by the query's words, newest first.

use serde::Serialize;
use tantivy::tokenizer::TextAnalyzer;

use crate::error::{Error, Result};
use crate::index::schema::{names_analyzer, news_analyzer};
use crate::index::NewsIndex;
use crate::search::{search, Filters, Hit, SearchRequest, SearchResults, SortOrder};

/// One quotation with where it comes from.
#[derive(Debug, Clone, Serialize)]
pub struct QuoteHit {
    pub text: String,
    /// The speaker as the article introduces them (name, titles, description).
    pub speaker: Option<String>,
    /// The speaker's canonical name alone.
    pub speaker_name: Option<String>,
    pub date: Option<String>,
    pub title: String,
    pub path: String,
}

/// How many articles are scanned for quotes, newest first.
const ARTICLES_SCANNED: usize = 2000;

fn terms(analyzer: &mut TextAnalyzer, text: &str) -> Vec<String> {
    let mut stream = analyzer.token_stream(text);
    let mut terms = Vec::new();
    while let Some(token) = stream.next() {
        terms.push(token.text.clone());
    }
    terms
}

/// `true` when `needle`'s terms occur in order, contiguously, in `haystack`.
fn contains_run(haystack: &[String], needle: &[String]) -> bool {
    needle.is_empty()
        || haystack
            .windows(needle.len())
            .any(|window| window == needle)
}

/// The search whose hits are scanned for quotes: the newest matching articles.
fn quotes_request(text: Option<&str>, filters: &Filters) -> SearchRequest {
    SearchRequest {
        text: text
            .filter(|words| !words.trim().is_empty())
            .map(str::to_string),
        filters: filters.clone(),
        limit: ARTICLES_SCANNED,
        offset: 0,
        sort: SortOrder::Newest,
        all_copies: false,
        snippets: false,
        match_any: false,
        ranking: Default::default(),
    }
}

/// Quotes whose text holds every word of `text` (when given) and whose speaker
/// matches `filters.speaker` (when given), from the newest matching articles.
pub fn find_quotes(
    news_index: &NewsIndex,
    text: Option<&str>,
    filters: &Filters,
    limit: usize,
) -> Result<Vec<QuoteHit>> {
    quotes_of_search(|request| search(news_index, request), text, filters, limit)
}

/// [`find_quotes`] over any engine's search (the local index, Quickwit).
pub fn quotes_of_search(
    run_search: impl FnOnce(&SearchRequest) -> Result<SearchResults>,
    text: Option<&str>,
    filters: &Filters,
    limit: usize,
) -> Result<Vec<QuoteHit>> {
    if limit == 0 {
        return Err(Error::Usage("--limit must be at least 1".to_string()));
    }
    let results = run_search(&quotes_request(text, filters))?;
    Ok(quotes_in_hits(results.hits, text, filters, limit))
}

/// The quotes of `hits` (newest articles first) holding every word of
/// `text` and said by `filters.speaker`, at most `limit`: the part of
/// [`find_quotes`] that any engine's hits go through.
fn quotes_in_hits(
    hits: Vec<Hit>,
    text: Option<&str>,
    filters: &Filters,
    limit: usize,
) -> Vec<QuoteHit> {
    let mut news = news_analyzer();
    let mut names = names_analyzer();
    let wanted_words = text
        .map(|words| terms(&mut news, words))
        .unwrap_or_default();
    let wanted_speaker = filters
        .speaker
        .as_deref()
        .map(|speaker| terms(&mut names, speaker))
        .unwrap_or_default();
    let mut quotes = Vec::new();
    for hit in hits {
        let article = hit.article;
        for quote in article.quotes {
            let quote_words = terms(&mut news, &quote.text);
            let has_words = wanted_words.iter().all(|word| quote_words.contains(word));
            // Matched on the name alone: "an aide to Clinton" is not Clinton.
            let speaker_words = quote
                .speaker_name()
                .map(|speaker| terms(&mut names, speaker))
                .unwrap_or_default();
            let has_speaker = contains_run(&speaker_words, &wanted_speaker)
                && (wanted_speaker.is_empty() || !speaker_words.is_empty());
            if has_words && has_speaker {
                let speaker_name = quote.speaker_name().map(str::to_string);
                quotes.push(QuoteHit {
                    text: quote.text,
                    speaker: quote.speaker,
                    speaker_name,
                    date: article.date.map(|date| date.to_string()),
                    title: article.title.clone(),
                    path: article.path.clone(),
                });
            }
            if quotes.len() == limit {
                return quotes;
            }
        }
    }
    quotes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn speaker_words_must_appear_in_order() {
        let words = |text: &str| text.split(' ').map(str::to_string).collect::<Vec<_>>();
        assert!(contains_run(&words("renee lacoste"), &words("lacoste")));
        assert!(contains_run(
            &words("renee lacoste"),
            &words("renee lacoste")
        ));
        assert!(!contains_run(
            &words("renee lacoste"),
            &words("lacoste renee")
        ));
        assert!(contains_run(&words("anyone"), &[]));
    }
}
