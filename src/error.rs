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
    #[error("no index at {}: run {} first", .0.display(), index_command(.0))]
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
    #[error("{} is not a newsdex index (it has no newsdex.json marker): choose another --index folder", .0.display())]
    NotNewsdexIndex(PathBuf),
    #[error("{} is not a newsdex index and is not empty (it holds {example:?}): newsdex writes an index only into a new or empty folder; choose another --index folder", path.display())]
    NotNewsdexFolder { path: PathBuf, example: String },
    #[error("index at {} is damaged ({reason}): run 'newsdex index --rebuild'", path.display())]
    Damaged { path: PathBuf, reason: String },
    #[error("invalid query {query:?}: {reason}")]
    Query { query: String, reason: String },
    #[error("invalid date {text:?}: {reason}")]
    Date { text: String, reason: String },
    #[error("invalid arguments: {0}")]
    Usage(String),
    #[error("internal error: {0}")]
    Internal(String),
    /// A step that failed for a reason outside newsdex (a full disk, a
    /// missing tool): what was being done, and why it failed.
    #[error("{context}: {reason}")]
    Failed { context: String, reason: String },
    #[error("cannot write the index at {}: {reason}; what was committed before is kept", path.display())]
    WriteFailed { path: PathBuf, reason: String },
    #[error("this run would remove {removed} of the {indexed} files in the index at {} (is a folder empty or a drive not mounted?); nothing was changed: pass --allow-mass-delete to do it", path.display())]
    MassDelete {
        path: PathBuf,
        removed: u64,
        indexed: u64,
    },
    /// A Quickwit engine (`--engine quickwit://...`) refused or failed a request.
    #[error("quickwit engine {url}: {reason}")]
    Engine { url: String, reason: String },
    #[error("index at {}: {source}", path.display())]
    Index {
        path: PathBuf,
        source: tantivy::TantivyError,
    },
}

/// The command that creates the index at `dir`: `'newsdex index FOLDER'`, with
/// `--index DIR` when it is not the default folder.
fn index_command(dir: &std::path::Path) -> String {
    if dir == std::path::Path::new("index") {
        return "'newsdex index FOLDER'".to_string();
    }
    format!("'newsdex --index {} index FOLDER'", dir.display())
}
