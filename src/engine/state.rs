//! What newsdex has sent to one engine: a small JSON file per engine URL on
//! the machine that sends, so that a second run sends only what changed.
//!
//! It also holds what is not settled yet: the batches sent but not yet seen
//! whole in a search (their files are recorded as sent once they are, see
//! [`super::confirm`]), the batches given up on (watched, and deleted if they
//! ever show up), and the deletes Quickwit has not yet accepted (sent again
//! at the start of the next run), so that no run leaves a loss or a
//! duplicate behind, whatever killed it.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::engine::EngineUrl;
use crate::error::{Error, Result};

/// One file as it was sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct SentFile {
    pub size: u64,
    pub mtime: u64,
    pub hash: u64,
    pub articles: u64,
}

/// A file as one batch carries it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct BatchFile {
    pub sent: SentFile,
    /// The content hash of the version it replaces, deleted once the new one is confirmed.
    pub replaces: Option<u64>,
}

/// A batch sent but not yet seen whole on the engine.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SentBatch {
    pub id: u64,
    /// Documents the engine should hold under this id.
    pub docs: u64,
    /// Whether the engine answered the request (it may still lose it).
    pub answered: bool,
    pub files: BTreeMap<String, BatchFile>,
}

/// A batch given up on (no answer, or not found whole in time): its files
/// were sent again under another id, so any of its documents that shows up
/// later is a duplicate, deleted when seen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Abandoned {
    pub id: u64,
    /// When it was given up on, in seconds since 1970.
    pub since: u64,
}

#[derive(Debug, Default, Serialize, Deserialize)]
pub struct SentState {
    /// The engine URL, for whoever opens the file.
    pub engine: String,
    /// File key -> what was sent of it.
    pub files: BTreeMap<String, SentFile>,
    /// Delete queries not yet accepted by the engine, oldest first.
    pub pending_deletes: Vec<String>,
    /// Batches sent and not yet seen whole, oldest first.
    #[serde(default)]
    pub unconfirmed: Vec<SentBatch>,
    /// Batches given up on, watched for documents that show up late.
    #[serde(default)]
    pub abandoned: Vec<Abandoned>,
}

/// The state file of `url` in `dir`: `quickwit-HOST-PORT-INDEX.json`.
pub fn state_path(dir: &Path, url: &EngineUrl) -> PathBuf {
    let name: String = format!("quickwit-{}-{}-{}", url.host, url.port, url.index)
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.') {
                c
            } else {
                '_'
            }
        })
        .collect();
    dir.join(format!("{name}.json"))
}

impl SentState {
    /// Reads the state; a missing file is a first run. A damaged one is an
    /// error: sending everything again would duplicate every article.
    pub fn load(path: &Path, url: &EngineUrl) -> Result<SentState> {
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
                return Ok(SentState {
                    engine: url.to_string(),
                    ..SentState::default()
                })
            }
            Err(source) => {
                return Err(Error::Io {
                    path: path.to_path_buf(),
                    source,
                })
            }
        };
        serde_json::from_str(&text).map_err(|error| Error::Engine {
            url: url.to_string(),
            reason: format!(
                "the record of what was sent, {}, is damaged ({error}); delete the Quickwit index and that file to send everything again",
                path.display()
            ),
        })
    }

    /// Writes the state through a temporary file and a rename, so that a
    /// kill leaves the old state or the new one, never half of one.
    pub fn save(&self, path: &Path) -> Result<()> {
        let io_error = |source| Error::Io {
            path: path.to_path_buf(),
            source,
        };
        let dir = path.parent().unwrap_or(Path::new("."));
        std::fs::create_dir_all(dir).map_err(io_error)?;
        let mut temporary = tempfile::NamedTempFile::new_in(dir).map_err(io_error)?;
        let json = serde_json::to_vec(self).map_err(|error| Error::Internal(error.to_string()))?;
        temporary.write_all(&json).map_err(io_error)?;
        temporary.as_file().sync_all().map_err(io_error)?;
        temporary
            .persist(path)
            .map_err(|error| io_error(error.error))?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn state_survives_a_save_and_a_damaged_file_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let url = EngineUrl::parse("quickwit://127.0.0.1:7280/news").unwrap();
        let path = state_path(dir.path(), &url);
        assert!(path.ends_with("quickwit-127.0.0.1-7280-news.json"));
        let mut state = SentState::load(&path, &url).unwrap();
        assert!(state.files.is_empty());
        state.files.insert(
            "/c/a.txt".to_string(),
            SentFile {
                size: 1,
                mtime: 2,
                hash: 3,
                articles: 1,
            },
        );
        state.pending_deletes.push("batch:9".to_string());
        state.save(&path).unwrap();
        let again = SentState::load(&path, &url).unwrap();
        assert_eq!(again.files, state.files);
        assert_eq!(again.pending_deletes, ["batch:9"]);
        std::fs::write(&path, b"{ not json").unwrap();
        assert!(SentState::load(&path, &url).is_err());
    }
}
