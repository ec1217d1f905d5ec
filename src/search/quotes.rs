//! Quotation search: the individual quotes of matching articles, filtered by
//! speaker and by the query's words, newest first.

use serde::Serialize;
use tantivy::tokenizer::TextAnalyzer;

use crate::error::{Error, Result};
use crate::index::schema::{NAMES_ANALYZER, NEWS_ANALYZER};
use crate::index::NewsIndex;
use crate::search::{search, Filters, SearchRequest, SortOrder};

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

fn analyzer(news_index: &NewsIndex, name: &str) -> Option<TextAnalyzer> {
    news_index.index.tokenizers().get(name)
}

fn terms(analyzer: &mut Option<TextAnalyzer>, text: &str) -> Vec<String> {
    let Some(analyzer) = analyzer.as_mut() else {
        return text.split_whitespace().map(str::to_lowercase).collect();
    };
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

/// Quotes whose text holds every word of `text` (when given) and whose speaker
/// matches `filters.speaker` (when given), from the newest matching articles.
pub fn find_quotes(
    news_index: &NewsIndex,
    text: Option<&str>,
    filters: &Filters,
    limit: usize,
) -> Result<Vec<QuoteHit>> {
    if limit == 0 {
        return Err(Error::Usage("--limit must be at least 1".to_string()));
    }
    let request = SearchRequest {
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
    };
    let results = search(news_index, &request)?;
    let mut news = analyzer(news_index, NEWS_ANALYZER);
    let mut names = analyzer(news_index, NAMES_ANALYZER);
    let wanted_words = text
        .map(|words| terms(&mut news, words))
        .unwrap_or_default();
    let wanted_speaker = filters
        .speaker
        .as_deref()
        .map(|speaker| terms(&mut names, speaker))
        .unwrap_or_default();
    let mut quotes = Vec::new();
    for hit in results.hits {
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
                return Ok(quotes);
            }
        }
    }
    Ok(quotes)
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
