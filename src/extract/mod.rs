//! Extraction: pure functions from article text to title, entities and quotes.
//!
//! Everything the indexer needs from the text goes through [`extract`], so the
//! extractors can be replaced or retrained without touching the indexer.

pub mod dates;
pub mod entities;
pub mod quotes;
pub mod title;
pub mod wire;

use crate::article::Article;
use crate::parse::ParsedArticle;

/// Turns a parsed article into a full [`Article`] keyed by `path`.
pub fn extract(path: String, parsed: ParsedArticle) -> Article {
    let title = match parsed.title.as_deref().map(str::trim) {
        Some(title) if !title.is_empty() => title.to_string(),
        _ => title::title_from_body(&parsed.body),
    };
    let text_for_extraction = if parsed.body.starts_with(&title) {
        parsed.body.clone()
    } else {
        format!("{title}\n\n{}", parsed.body)
    };
    let entities = entities::extract_entities(&wire::without_wire_furniture(&text_for_extraction));
    let quotes = quotes::extract_quotes(&parsed.body, &entities);
    Article {
        path,
        date: parsed.date,
        title,
        url: parsed.url,
        author: parsed.author,
        source: parsed.source,
        entities,
        quotes,
        body: parsed.body,
    }
}
