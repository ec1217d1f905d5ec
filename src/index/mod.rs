//! The tantivy index on disk: creating, opening and version-checking it.
//!
//! [`schema`] says what is stored, [`document`] converts articles to and from
//! tantivy documents, [`writer`] runs an incremental indexing pass.

pub mod document;
pub mod folder;
pub mod known;
pub mod near_copies;
mod one_file;
pub mod readonly;
pub mod schema;
mod stamps;
pub mod stem_cache;
mod write_failure;
pub mod writer;

use std::path::{Path, PathBuf};

use tantivy::directory::{Directory, MmapDirectory, INDEX_WRITER_LOCK};
use tantivy::Index;

use crate::error::{Error, Result};
use folder::FolderState;
pub use folder::MARKER_FILE;
pub use one_file::learn_boilerplate;
pub use schema::{Fields, SCHEMA_VERSION};

/// An opened newsdex index.
pub struct NewsIndex {
    pub dir: PathBuf,
    pub index: Index,
    pub fields: Fields,
    /// Opened on first use and kept: opening a reader costs more than a query.
    reader: std::sync::OnceLock<tantivy::IndexReader>,
}

fn tantivy_error(dir: &Path, source: tantivy::TantivyError) -> Error {
    match &source {
        tantivy::TantivyError::LockFailure(..) => return Error::Locked(dir.to_path_buf()),
        tantivy::TantivyError::DataCorruption(corruption) => {
            return Error::Damaged {
                path: dir.to_path_buf(),
                reason: short(&format!("{corruption:?}")),
            }
        }
        _ => {}
    }
    Error::Index {
        path: dir.to_path_buf(),
        source,
    }
}

/// How an index is about to be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Access {
    /// Queries only: works on a folder this process cannot write.
    Read,
    Write,
}

impl NewsIndex {
    /// Opens an existing index for reading, refusing one written with another
    /// schema version and folders that are not newsdex indexes.
    pub fn open(dir: &Path) -> Result<NewsIndex> {
        NewsIndex::open_with(dir, Access::Read)
    }

    fn open_with(dir: &Path, access: Access) -> Result<NewsIndex> {
        if !dir.join("meta.json").is_file() {
            return Err(Error::NoIndex(dir.to_path_buf()));
        }
        let Some(marker) = folder::read_marker(dir) else {
            return Err(Error::NotNewsdexIndex(dir.to_path_buf()));
        };
        if marker.schema_version != SCHEMA_VERSION {
            return Err(Error::SchemaVersion {
                path: dir.to_path_buf(),
                found: marker.schema_version.to_string(),
                expected: SCHEMA_VERSION,
            });
        }
        let opened = match access {
            Access::Read => readonly::ReadDirectory::open(dir).and_then(Index::open),
            Access::Write => Index::open_in_dir(dir),
        };
        let index = opened.map_err(|source| tantivy_error(dir, source))?;
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

    /// Opens the index for writing, creating it in a missing or empty folder.
    ///
    /// A folder that holds anything but a newsdex index is refused, whatever
    /// the flags. With `rebuild`, an index of another schema version is
    /// replaced (under the writer lock, removing only tantivy's own files); an
    /// index of this version is kept as it is, and the indexing run replaces
    /// its documents in one commit (see [`writer::IndexOptions::rebuild`]).
    pub fn open_for_writing(dir: &Path, rebuild: bool) -> Result<NewsIndex> {
        match folder::folder_state(dir)? {
            FolderState::Missing | FolderState::Empty => NewsIndex::create(dir),
            FolderState::Foreign { example } => Err(Error::NotNewsdexFolder {
                path: dir.to_path_buf(),
                example,
            }),
            FolderState::Ours { schema_version } if !dir.join("meta.json").is_file() => {
                // A creation cut short: only the marker (and lock files) exist.
                if schema_version != SCHEMA_VERSION {
                    folder::remove_old_index(dir)?;
                }
                NewsIndex::create(dir)
            }
            FolderState::Ours { schema_version } if schema_version == SCHEMA_VERSION => {
                NewsIndex::open_with(dir, Access::Write)
            }
            FolderState::Ours { schema_version } => {
                if !rebuild {
                    return Err(Error::SchemaVersion {
                        path: dir.to_path_buf(),
                        found: schema_version.to_string(),
                        expected: SCHEMA_VERSION,
                    });
                }
                NewsIndex::replace_old_version(dir)
            }
        }
    }

    /// Replaces an index of another schema version, holding its writer lock
    /// while its files go so that a live writer is never pulled from under.
    fn replace_old_version(dir: &Path) -> Result<NewsIndex> {
        let directory = MmapDirectory::open(dir).map_err(|source| Error::Index {
            path: dir.to_path_buf(),
            source: source.into(),
        })?;
        let lock = directory
            .acquire_lock(&INDEX_WRITER_LOCK)
            .map_err(|_| Error::Locked(dir.to_path_buf()))?;
        folder::remove_old_index(dir)?;
        drop(lock);
        NewsIndex::create(dir)
    }

    /// Creates an index in a missing or empty folder (or one holding only a marker).
    fn create(dir: &Path) -> Result<NewsIndex> {
        folder::mark(dir, SCHEMA_VERSION)?;
        let directory = MmapDirectory::open(dir).map_err(|source| Error::Index {
            path: dir.to_path_buf(),
            source: source.into(),
        })?;
        Index::create(directory, schema::build_schema(), Default::default())
            .map_err(|source| tantivy_error(dir, source))?;
        folder::follow_umask(dir);
        NewsIndex::open_with(dir, Access::Write)
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

    /// Checks every file of the index against the checksum tantivy wrote with it.
    pub fn verify(&self) -> Result<()> {
        let corrupted = self
            .index
            .validate_checksum()
            .map_err(|source| self.error(source))?;
        if corrupted.is_empty() {
            return Ok(());
        }
        let mut names: Vec<String> = corrupted
            .iter()
            .map(|path| path.to_string_lossy().into_owned())
            .collect();
        names.sort();
        Err(Error::Damaged {
            path: self.dir.clone(),
            reason: match names.len() {
                1 => format!("{} fails its checksum", names[0]),
                count => format!("{count} files fail their checksum, e.g. {}", names[0]),
            },
        })
    }

    /// Wraps a tantivy error with this index's folder.
    pub fn error(&self, source: tantivy::TantivyError) -> Error {
        tantivy_error(&self.dir, source)
    }
}

/// The nearest folder named `index` holding a newsdex index, in `start` or
/// one of its parents (as git finds its repository).
pub fn find_index_upwards(start: &Path) -> Option<PathBuf> {
    start
        .ancestors()
        .map(|folder| folder.join("index"))
        .find(|candidate| {
            candidate.join("meta.json").is_file() && folder::read_marker(candidate).is_some()
        })
}

/// The first line of a message, at most 200 characters: enough to say what
/// is wrong without flooding the terminal.
fn short(message: &str) -> String {
    let first_line = message.lines().next().unwrap_or_default();
    first_line.chars().take(200).collect()
}

/// Why a command that read the index at `dir` panicked: the index is damaged
/// (its checksums say so), or it is a bug.
pub fn explain_read_panic(dir: &Path, panic: &str) -> Error {
    let damaged = NewsIndex::open(dir).and_then(|news_index| news_index.verify());
    match damaged {
        Err(error @ Error::Damaged { .. }) => error,
        _ => Error::Internal(format!("{} (please report)", short(panic))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn open_missing_index_says_how_to_make_one() {
        let dir = tempfile::tempdir().unwrap();
        let error = NewsIndex::open(&dir.path().join("index")).err().unwrap();
        assert!(error.to_string().contains("index FOLDER' first"), "{error}");
    }

    #[test]
    fn other_schema_version_suggests_rebuild() {
        let dir = tempfile::tempdir().unwrap();
        NewsIndex::open_for_writing(dir.path(), false).unwrap();
        std::fs::write(dir.path().join(MARKER_FILE), r#"{"schema_version":0}"#).unwrap();
        let error = NewsIndex::open(dir.path()).err().unwrap();
        assert!(error.to_string().contains("--rebuild"), "{error}");
        NewsIndex::open_for_writing(dir.path(), true).unwrap();
    }

    #[test]
    fn a_plain_tantivy_index_is_not_offered_a_rebuild() {
        let dir = tempfile::tempdir().unwrap();
        Index::create_in_dir(dir.path(), schema::build_schema()).unwrap();
        for error in [
            NewsIndex::open(dir.path()).err().unwrap(),
            NewsIndex::open_for_writing(dir.path(), true).err().unwrap(),
        ] {
            let message = error.to_string();
            assert!(message.contains("not a newsdex index"), "{message}");
            assert!(!message.contains("--rebuild"), "{message}");
        }
    }

    #[test]
    fn rebuild_refuses_a_folder_of_hash_named_articles_and_keeps_it() {
        let dir = tempfile::tempdir().unwrap();
        let names = [
            "meta.json",
            "0123456789abcdef0123456789abcdef.txt",
            "0123456789abcdef0123456789abcdef.jpg",
        ];
        for name in names {
            std::fs::write(dir.path().join(name), "the user's").unwrap();
        }
        let error = NewsIndex::open_for_writing(dir.path(), true).err().unwrap();
        assert!(error.to_string().contains("is not empty"), "{error}");
        for name in names {
            assert_eq!(
                std::fs::read_to_string(dir.path().join(name)).unwrap(),
                "the user's"
            );
        }
        assert!(!dir.path().join(MARKER_FILE).exists());
    }

    #[test]
    fn the_nearest_index_is_found_from_a_subfolder() {
        let dir = tempfile::tempdir().unwrap();
        let deep = dir.path().join("a/b/c");
        std::fs::create_dir_all(&deep).unwrap();
        assert_eq!(find_index_upwards(&deep), None);
        NewsIndex::open_for_writing(&dir.path().join("index"), false).unwrap();
        assert_eq!(find_index_upwards(&deep), Some(dir.path().join("index")));
        std::fs::create_dir_all(dir.path().join("a/index")).unwrap();
        assert_eq!(
            find_index_upwards(&deep),
            Some(dir.path().join("index")),
            "an empty index/ is no index"
        );
    }

    #[test]
    fn a_run_killed_after_the_marker_leaves_a_folder_that_still_opens() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(MARKER_FILE), r#"{"schema_version":1}"#).unwrap();
        assert!(NewsIndex::open_for_writing(dir.path(), false).is_ok());
        assert!(NewsIndex::open(dir.path()).is_ok());
    }
}
