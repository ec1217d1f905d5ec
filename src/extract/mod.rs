//! Extraction: pure functions from article text to title, entities and quotes.
//!
//! Everything the indexer needs from the text goes through [`extract`], so the
//! extractors can be replaced or retrained without touching the indexer.

pub mod aliases;
pub mod entities;
pub mod quotes;
pub mod title;
pub mod wire;
pub mod words;

use crate::article::Article;
use crate::parse::ParsedArticle;

/// Entities and quotes are read from at most this much of a body. News articles
/// are kilobytes long; a body of many megabytes is a dump of many texts, which
/// is still indexed whole for search, but whose extraction would cost memory
/// in proportion (about 20 bytes per byte of text) for little use.
pub const MAX_EXTRACTION_BYTES: usize = 4 << 20;

/// The longest prefix of `text` within `max_bytes`, cut at a character boundary.
fn prefix_within(text: &str, max_bytes: usize) -> &str {
    if text.len() <= max_bytes {
        return text;
    }
    let mut end = max_bytes;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// The text before a mail signature's `-- ` delimiter line (RFC 3676): the
/// sender's name, lab and street after it repeat in every message and would
/// top a mailing list's entity report (`Centre de Biophysique Moleculaire`).
fn without_mail_signature(body: &str) -> &str {
    let delimiter = body
        .match_indices("\n-- \n")
        .chain(body.match_indices("\n-- \r\n"))
        .map(|(at, _)| at)
        .min();
    match delimiter {
        Some(at) => &body[..at],
        None => body,
    }
}

/// Turns a parsed article into a full [`Article`] keyed by `path`.
pub fn extract(path: String, parsed: ParsedArticle) -> Article {
    let title = match parsed.title.as_deref().map(str::trim) {
        Some(title) if !title.is_empty() => title.to_string(),
        _ => title::title_from_body(&parsed.body),
    };
    let body_for_extraction = prefix_within(&parsed.body, MAX_EXTRACTION_BYTES);
    let body_for_entities = without_mail_signature(body_for_extraction);
    let text_for_extraction = if body_for_entities.starts_with(&title) {
        body_for_entities.to_string()
    } else {
        format!("{title}\n\n{body_for_entities}")
    };
    let entity_text = wire::without_wire_furniture(&text_for_extraction);
    let english = entities::looks_english(&entity_text);
    let entities = entities::extract_entities_in(&entity_text, english);
    let mut quotes = quotes::extract_quotes(body_for_extraction, &entities);
    // `O Presidente …, Donald Trump, declarou`: attribution reads English
    // sentences; in other languages a speaker would be a guess.
    if !english {
        for quote in &mut quotes {
            quote.speaker = None;
            quote.speaker_name = None;
        }
    }
    Article {
        path,
        id: parsed.id,
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_mail_signature_gives_no_entities() {
        let body = "Thanks, the SVD routine works.\n\nKonrad.\n-- \n---------\nKonrad Hinsen | Centre de Biophysique Moleculaire\nRue Charles Sadron\n";
        assert_eq!(
            without_mail_signature(body),
            "Thanks, the SVD routine works.\n\nKonrad."
        );
        assert_eq!(
            without_mail_signature("No signature -- here.\n"),
            "No signature -- here.\n"
        );
    }

    /// Regression (the RSS layout sample's Portuguese feed): `O Presidente
    /// dos Estados Unidos, Donald Trump, declarou, … o "estado de desastre"`
    /// gave the speaker `O Presidente dos Estados Unidos`, French items `Les`.
    #[test]
    fn quotes_in_other_languages_have_no_guessed_speaker() {
        let body = "O Presidente dos Estados Unidos, Donald Trump, declarou, esta quarta-feira, o \
                    \"estado de desastre muito grave\" no sul da Califórnia na sequência do \
                    incêndio que afeta aquela região, segundo a Casa Branca.";
        let parsed = ParsedArticle {
            title: Some("Trump declara estado de desastre na Califórnia".into()),
            body: body.into(),
            ..ParsedArticle::default()
        };
        let article = extract("pt.txt".into(), parsed);
        assert!(!article.quotes.is_empty());
        for quote in &article.quotes {
            assert_eq!((&quote.speaker, &quote.speaker_name), (&None, &None));
        }
    }

    #[test]
    fn extraction_prefix_never_splits_a_character() {
        let text = "Zoë said “yes”.";
        for max in 0..=text.len() + 1 {
            let prefix = prefix_within(text, max);
            assert!(prefix.len() <= max && text.starts_with(prefix));
        }
    }
}
