//! Parsing: raw file bytes -> one or more [`ParsedArticle`]s, one parser per input format.
//!
//! The format is decided per file from its extension and its content, never
//! from the folder it sits in. Parsers only split and decode; entity and quote
//! extraction happen later in [`crate::extract`].
//!
//! This file owns the shared types, format detection and the steps every
//! format shares: decoding first, the file-name date fallback last.

mod csv;
mod decode;
mod header;
mod json;
mod markup;
mod record;
mod reuters;
mod sgml;
mod text;

use std::path::Path;

use crate::article::ArticleDate;
use crate::extract::dates::date_from_file_name;
use decode::Legacy;

/// What a parser knows about one article before extraction.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ParsedArticle {
    /// 1-based position inside a multi-article file (`FILE#N`); `None` for a one-article file.
    pub part: Option<usize>,
    pub date: Option<ArticleDate>,
    /// The format's own title, when it has one; extraction falls back to the first sentence.
    pub title: Option<String>,
    pub url: Option<String>,
    pub author: Option<String>,
    pub source: Option<String>,
    pub body: String,
}

/// The result of parsing one file: its articles, plus problems with single
/// records that were skipped while the rest of the file was kept.
#[derive(Debug, Default)]
pub struct ParsedFile {
    pub articles: Vec<ParsedArticle>,
    /// e.g. `line 7: expected value at column 1` for a broken JSON Lines record.
    pub skipped: Vec<String>,
}

/// Why a whole file could not be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ParseError {
    #[error("empty file")]
    Empty,
    #[error("binary file (not text)")]
    Binary,
    #[error("cannot decode text: {0}")]
    Undecodable(String),
    #[error("invalid date {0:?}")]
    BadDate(String),
    #[error("no article body (only a header, or page debris such as a newsletter sign-up)")]
    NoBody,
    #[error("{0}")]
    Malformed(String),
}

/// Column or key names given by the user (`--field date=published_at`), which
/// win over the usual names when a structured format is read.
#[derive(Debug, Clone, Default)]
pub struct FieldOverrides {
    pub date: Option<String>,
    pub title: Option<String>,
    pub body: Option<String>,
    pub url: Option<String>,
    pub author: Option<String>,
    pub source: Option<String>,
}

/// The input layouts newsdex reads; see the module of each for its rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    /// The reference format, a header block, YAML front matter or the Reuters
    /// financial layout: told apart by [`parse_plain_text`].
    PlainText,
    JsonLines,
    Json,
    Csv,
    ReutersSgml,
}

/// Parses one file of any supported format.
///
/// The format comes from the extension first, then from the content. An
/// article without a date of its own takes the date encoded in the file name
/// (`20220125T090000Z_GB_en_7d015e6984.txt`, `2022-01-25-slug.txt`), if any.
pub fn parse_file(
    path: &Path,
    bytes: &[u8],
    fields: &FieldOverrides,
) -> Result<ParsedFile, ParseError> {
    let extension = path
        .extension()
        .and_then(|extension| extension.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    // Reuters-21578 is Latin-1, so its files decode as such whatever the bytes.
    let legacy =
        if matches!(extension.as_str(), "sgm" | "sgml") || decode::looks_like_reuters_sgml(bytes) {
            Legacy::Expected
        } else {
            Legacy::Tolerated
        };
    let text = decode::decode(bytes, legacy)?;
    let format = detect_format(&extension, &text);
    let mut parsed = match format {
        Format::JsonLines => json::parse_json_lines(&text, fields),
        Format::Json => parse_json_or_json_lines(&text, fields)?,
        Format::Csv => self::csv::parse_csv(&text, fields)?,
        Format::ReutersSgml => sgml::parse_reuters_sgml(&text),
        Format::PlainText => one_article(parse_plain_text(&text, fields)?),
    };
    if parsed.articles.is_empty() {
        return Err(no_usable_records(&parsed.skipped));
    }
    fill_dates_from_file_name(path, &mut parsed);
    Ok(parsed)
}

/// The extension decides when it names a structured format; otherwise the
/// content does (Reuters-21578 markup, a CSV header with a body column), else
/// it is plain text.
fn detect_format(extension: &str, text: &str) -> Format {
    match extension {
        "jsonl" | "ndjson" => Format::JsonLines,
        "json" => Format::Json,
        "csv" => Format::Csv,
        "sgm" | "sgml" => Format::ReutersSgml,
        _ if sgml::looks_like_reuters_sgml(text) => Format::ReutersSgml,
        _ if self::csv::looks_like_csv(text) => Format::Csv,
        _ => Format::PlainText,
    }
}

/// A `.json` file that is really JSON Lines (one object per line) is read as such.
fn parse_json_or_json_lines(text: &str, fields: &FieldOverrides) -> Result<ParsedFile, ParseError> {
    match json::parse_json(text, fields) {
        Err(ParseError::Malformed(reason)) => {
            let looks_like_lines =
                text.trim_start().starts_with('{') && text.trim().lines().count() > 1;
            if looks_like_lines {
                return Ok(json::parse_json_lines(text, fields));
            }
            Err(ParseError::Malformed(reason))
        }
        other => other,
    }
}

/// One-article text files, most specific layout first: the Reuters `-- `
/// header, YAML front matter, a `Key: value` block, then the reference format.
fn parse_plain_text(text: &str, fields: &FieldOverrides) -> Result<ParsedArticle, ParseError> {
    if reuters::looks_like_reuters_financial(text) {
        return reuters::parse_reuters_financial(text);
    }
    if let Some(result) = header::parse_front_matter(text, fields) {
        return result;
    }
    if let Some(result) = header::parse_header_block(text, fields) {
        return result;
    }
    text::parse_reference_text(text)
}

fn one_article(article: ParsedArticle) -> ParsedFile {
    ParsedFile {
        articles: vec![article],
        skipped: Vec::new(),
    }
}

/// A multi-article file where every record was skipped fails as a whole, so
/// the run reports it instead of silently indexing nothing.
fn no_usable_records(skipped: &[String]) -> ParseError {
    match skipped.first() {
        None => ParseError::Empty,
        Some(first) => ParseError::Malformed(format!(
            "no usable records ({} skipped; first: {first})",
            skipped.len()
        )),
    }
}

/// Gives articles without a date the one encoded in the file name, e.g. the
/// Ukraine corpus layout whose files hold body text only.
fn fill_dates_from_file_name(path: &Path, parsed: &mut ParsedFile) {
    if parsed.articles.iter().all(|article| article.date.is_some()) {
        return;
    }
    let Some(file_date) = path
        .file_name()
        .and_then(|name| name.to_str())
        .and_then(date_from_file_name)
    else {
        return;
    };
    for article in &mut parsed.articles {
        article.date.get_or_insert(file_date);
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests;

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod corpus_sample;
