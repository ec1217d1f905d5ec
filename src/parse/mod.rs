//! Parsing: raw file bytes -> one or more [`ParsedArticle`]s, one parser per input format.
//!
//! The format is decided per file from its extension and its content, never
//! from the folder it sits in. Parsers only split and decode; entity and quote
//! extraction happen later in [`crate::extract`].

use std::path::Path;

use crate::article::ArticleDate;

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
    #[error("no article body (header only)")]
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

/// Parses one file of any supported format.
pub fn parse_file(
    path: &Path,
    bytes: &[u8],
    fields: &FieldOverrides,
) -> Result<ParsedFile, ParseError> {
    todo!("{path:?} {} {fields:?}", bytes.len())
}
