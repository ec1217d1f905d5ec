//! The JSON shapes of search results: the `--format json` contract of the
//! command line, kept in the library so that every front end (the binary,
//! the HTTP server) answers with the same field names.
//!
//! How a path is shown is the caller's choice (the binary shows it relative
//! to the current folder), so constructors take the shown path.

use serde::Serialize;

use crate::article::{Entity, Quote};
use crate::search::{Hit, SearchResults};

/// One hit as JSON: the `--format json` contract.
#[derive(Debug, Serialize)]
pub struct HitJson<'a> {
    pub path: String,
    pub date: Option<String>,
    pub title: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub score: Option<f32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub snippet: Option<&'a str>,
    pub entities: &'a [Entity],
    pub quotes: &'a [Quote],
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub author: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<&'a str>,
    /// Articles in the index with the same body (1 = unique).
    pub copies: u64,
}

impl<'a> HitJson<'a> {
    /// The hit's JSON, its article key shown as `shown_path`.
    pub fn new(hit: &'a Hit, shown_path: String) -> HitJson<'a> {
        let article = &hit.article;
        HitJson {
            path: shown_path,
            date: article.date.map(|date| date.to_string()),
            title: &article.title,
            score: hit.score,
            snippet: hit.snippet.as_ref().map(|snippet| snippet.text.as_str()),
            entities: &article.entities,
            quotes: &article.quotes,
            url: article.url.as_deref(),
            author: article.author.as_deref(),
            source: article.source.as_deref(),
            copies: hit.copies,
        }
    }
}

/// A page of results as JSON: the `query --format json` document.
#[derive(Debug, Serialize)]
pub struct ResultsJson<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub query: Option<&'a str>,
    /// Articles matching: holding every word (or any, with --any), each
    /// syndicated body once unless `--all-copies`: as many as can be paged through.
    pub total: usize,
    /// Articles holding some of the words but not all.
    #[serde(skip_serializing_if = "is_zero")]
    pub partial: usize,
    pub hits: Vec<HitJson<'a>>,
}

impl<'a> ResultsJson<'a> {
    /// The results' JSON, each article key shown through `show_path`.
    pub fn new(
        query: Option<&'a str>,
        results: &'a SearchResults,
        show_path: impl Fn(&str) -> String,
    ) -> ResultsJson<'a> {
        ResultsJson {
            query,
            total: results.total,
            partial: results.partial,
            hits: results
                .hits
                .iter()
                .map(|hit| HitJson::new(hit, show_path(&hit.article.path)))
                .collect(),
        }
    }
}

fn is_zero(count: &usize) -> bool {
    *count == 0
}
