//! The library's one error type: every variant names the file, index or query it is about.

use std::path::PathBuf;

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("no index at {}: run 'newsdex index' first", .0.display())]
    NoIndex(PathBuf),
    #[error(
        "index at {} was written by another version of newsdex (schema {found}, expected {expected}): run 'newsdex index --rebuild'",
        path.display()
    )]
    SchemaVersion {
        path: PathBuf,
        found: String,
        expected: u32,
    },
    #[error("index at {} is being written by another newsdex process", .0.display())]
    Locked(PathBuf),
    #[error("invalid query {query:?}: {reason}")]
    Query { query: String, reason: String },
    #[error("invalid date {text:?}: expected YYYY-MM-DD or RFC 3339 (e.g. 2022-01-10T09:00:00Z)")]
    Date { text: String },
    #[error("invalid arguments: {0}")]
    Usage(String),
    #[error("index at {}: {source}", path.display())]
    Index {
        path: PathBuf,
        source: tantivy::TantivyError,
    },
}
