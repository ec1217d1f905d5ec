//! The tantivy index on disk: creating, opening and version-checking it.
//!
//! [`schema`] says what is stored, [`document`] converts articles to and from
//! tantivy documents, [`writer`] runs an incremental indexing pass.

pub mod document;
pub mod schema;
pub mod stem_cache;
pub mod writer;

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use tantivy::directory::MmapDirectory;
use tantivy::Index;

use crate::error::{Error, Result};
pub use schema::{Fields, SCHEMA_VERSION};

/// Our own marker file beside tantivy's `meta.json`.
const MARKER_FILE: &str = "newsdex.json";

#[derive(Debug, Serialize, Deserialize)]
struct Marker {
    schema_version: u32,
}

/// An opened newsdex index.
pub struct NewsIndex {
    pub dir: PathBuf,
    pub index: Index,
    pub fields: Fields,
    /// Opened on first use and kept: opening a reader costs more than a query.
    reader: std::sync::OnceLock<tantivy::IndexReader>,
}

fn io_error(path: &Path, source: std::io::Error) -> Error {
    Error::Io {
        path: path.to_path_buf(),
        source,
    }
}

fn tantivy_error(dir: &Path, source: tantivy::TantivyError) -> Error {
    if let tantivy::TantivyError::LockFailure(..) = source {
        return Error::Locked(dir.to_path_buf());
    }
    Error::Index {
        path: dir.to_path_buf(),
        source,
    }
}

impl NewsIndex {
    /// Opens an existing index, refusing one written with another schema version.
    pub fn open(dir: &Path) -> Result<NewsIndex> {
        if !dir.join("meta.json").is_file() {
            return Err(Error::NoIndex(dir.to_path_buf()));
        }
        let marker_path = dir.join(MARKER_FILE);
        let found = match std::fs::read_to_string(&marker_path) {
            Ok(text) => serde_json::from_str::<Marker>(&text)
                .map(|marker| marker.schema_version.to_string())
                .unwrap_or_else(|_| "unreadable".to_string()),
            Err(_) => "none".to_string(),
        };
        if found != SCHEMA_VERSION.to_string() {
            return Err(Error::SchemaVersion {
                path: dir.to_path_buf(),
                found,
                expected: SCHEMA_VERSION,
            });
        }
        let index = Index::open_in_dir(dir).map_err(|source| tantivy_error(dir, source))?;
        schema::register_analyzers(&index);
        let fields =
            Fields::from_schema(&index.schema()).map_err(|reason| Error::SchemaVersion {
                path: dir.to_path_buf(),
                found: reason,
                expected: SCHEMA_VERSION,
            })?;
        Ok(NewsIndex {
            dir: dir.to_path_buf(),
            index,
            fields,
            reader: std::sync::OnceLock::new(),
        })
    }

    /// Opens the index, creating it first when there is none. With `rebuild`,
    /// an existing index's files are removed first (only the files an index
    /// consists of: the folder may hold other things).
    pub fn open_or_create(dir: &Path, rebuild: bool) -> Result<NewsIndex> {
        if rebuild {
            remove_index_files(dir)?;
        }
        if dir.join("meta.json").is_file() {
            return NewsIndex::open(dir);
        }
        std::fs::create_dir_all(dir).map_err(|source| io_error(dir, source))?;
        // The marker goes first: tantivy's meta.json is what makes a folder an
        // index, so a process killed between the two leaves no marker-less index.
        let marker = Marker {
            schema_version: SCHEMA_VERSION,
        };
        let marker_path = dir.join(MARKER_FILE);
        // Serialising a struct of one integer cannot fail.
        let marker_text = serde_json::to_string(&marker).unwrap_or_default();
        std::fs::write(&marker_path, marker_text)
            .map_err(|source| io_error(&marker_path, source))?;
        let directory = MmapDirectory::open(dir).map_err(|source| Error::Index {
            path: dir.to_path_buf(),
            source: source.into(),
        })?;
        Index::create(directory, schema::build_schema(), Default::default())
            .map_err(|source| tantivy_error(dir, source))?;
        NewsIndex::open(dir)
    }

    /// The index's reader, as of its first use in this process (see [`NewsIndex::reload`]).
    pub fn reader(&self) -> Result<tantivy::IndexReader> {
        if let Some(reader) = self.reader.get() {
            return Ok(reader.clone());
        }
        let reader: tantivy::IndexReader = self
            .index
            .reader_builder()
            .reload_policy(tantivy::ReloadPolicy::Manual)
            .try_into()
            .map_err(|source| tantivy_error(&self.dir, source))?;
        Ok(self.reader.get_or_init(|| reader).clone())
    }

    /// The reader, brought up to the last commit.
    pub fn reload(&self) -> Result<tantivy::IndexReader> {
        let reader = self.reader()?;
        reader
            .reload()
            .map_err(|source| tantivy_error(&self.dir, source))?;
        Ok(reader)
    }

    /// Wraps a tantivy error with this index's folder.
    pub fn error(&self, source: tantivy::TantivyError) -> Error {
        tantivy_error(&self.dir, source)
    }
}

/// Whether a file name is one that tantivy or newsdex writes into an index folder.
fn is_index_file(name: &str) -> bool {
    let fixed = [
        "meta.json",
        ".managed.json",
        MARKER_FILE,
        ".tantivy-writer.lock",
        ".tantivy-meta.lock",
    ];
    if fixed.contains(&name) {
        return true;
    }
    // Segment files: 32 hex digits, a dot, a component (`.idx`, `.store`, `.12.del`...).
    let (stem, _) = name.split_once('.').unwrap_or((name, ""));
    stem.len() == 32 && stem.bytes().all(|byte| byte.is_ascii_hexdigit())
}

fn remove_index_files(dir: &Path) -> Result<()> {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(source) => return Err(io_error(dir, source)),
    };
    for entry in entries {
        let entry = entry.map_err(|source| io_error(dir, source))?;
        if is_index_file(&entry.file_name().to_string_lossy()) {
            let path = entry.path();
            std::fs::remove_file(&path).map_err(|source| io_error(&path, source))?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_index_files_only() {
        assert!(is_index_file("meta.json"));
        assert!(is_index_file("0123456789abcdef0123456789abcdef.idx"));
        assert!(is_index_file("0123456789abcdef0123456789abcdef.12.del"));
        assert!(!is_index_file("README.md"));
        assert!(!is_index_file("notes.json"));
    }

    #[test]
    fn open_missing_index_says_how_to_make_one() {
        let dir = tempfile::tempdir().unwrap();
        let error = NewsIndex::open(&dir.path().join("index")).err().unwrap();
        assert!(
            error.to_string().contains("run 'newsdex index' first"),
            "{error}"
        );
    }

    #[test]
    fn other_schema_version_suggests_rebuild() {
        let dir = tempfile::tempdir().unwrap();
        NewsIndex::open_or_create(dir.path(), false).unwrap();
        std::fs::write(dir.path().join(MARKER_FILE), r#"{"schema_version":0}"#).unwrap();
        let error = NewsIndex::open(dir.path()).err().unwrap();
        assert!(error.to_string().contains("--rebuild"), "{error}");
        NewsIndex::open_or_create(dir.path(), true).unwrap();
    }

    #[test]
    fn a_run_killed_after_the_marker_leaves_a_folder_that_still_opens() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(MARKER_FILE), r#"{"schema_version":1}"#).unwrap();
        assert!(NewsIndex::open_or_create(dir.path(), false).is_ok());
        assert!(NewsIndex::open(dir.path()).is_ok());
    }
}
