//! Files that gave no article last time: skipped (binary, empty, too large)
//! or failed (unreadable). Remembered beside the index with their size and
//! modification time, so that an unchanged one is neither read nor reported
//! again on the next run, only counted.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::corpus::SourceFile;
use crate::error::{Error, Result};
use crate::index::writer::is_under;

/// The file newsdex keeps in its index folder for this.
pub const KNOWN_PROBLEMS_FILE: &str = "newsdex-problems.json";

/// One remembered file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KnownProblem {
    pub size: u64,
    pub mtime: u64,
    /// A failure (exit 2 when it first happened) rather than a skip.
    pub failed: bool,
    pub reason: String,
}

/// Every remembered file, by its key.
#[derive(Debug, Default, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KnownProblems {
    pub files: HashMap<String, KnownProblem>,
}

impl KnownProblems {
    /// Reads the list of `dir`; a missing or unreadable list is an empty one
    /// (the files are then simply read again).
    pub fn load(dir: &Path) -> KnownProblems {
        let Ok(text) = std::fs::read_to_string(dir.join(KNOWN_PROBLEMS_FILE)) else {
            return KnownProblems::default();
        };
        serde_json::from_str(&text).unwrap_or_default()
    }

    /// The remembered problem of a file, if it has not changed since.
    pub fn unchanged(&self, key: &str, size: u64, mtime: u64) -> Option<&KnownProblem> {
        self.files
            .get(key)
            .filter(|known| known.size == size && known.mtime == mtime)
    }

    /// The list to keep after a run: this one without the files read again
    /// or gone from a walked folder, plus the run's skips and failures
    /// (`failed` false for a skip).
    pub fn after_run(
        mut self,
        new_problems: &[(&SourceFile, bool, String)],
        read_now: &HashSet<&str>,
        seen: &HashSet<&str>,
        walked_folders: &[String],
    ) -> KnownProblems {
        self.files.retain(|key, _| {
            let is_gone = !seen.contains(key.as_str())
                && walked_folders.iter().any(|folder| is_under(key, folder));
            !read_now.contains(key.as_str()) && !is_gone
        });
        for (file, failed, reason) in new_problems {
            let problem = KnownProblem {
                size: file.size,
                mtime: file.mtime,
                failed: *failed,
                reason: reason.clone(),
            };
            self.files.insert(file.key.clone(), problem);
        }
        self
    }

    /// Writes the list atomically (a temporary file renamed over the old one).
    pub fn save(&self, dir: &Path) -> Result<()> {
        let path = dir.join(KNOWN_PROBLEMS_FILE);
        let io_error = |source: std::io::Error| Error::Io {
            path: path.clone(),
            source,
        };
        let text =
            serde_json::to_vec(self).map_err(|error| io_error(std::io::Error::other(error)))?;
        let mut temporary = tempfile::NamedTempFile::new_in(dir).map_err(io_error)?;
        std::io::Write::write_all(&mut temporary, &text).map_err(io_error)?;
        temporary
            .persist(&path)
            .map_err(|error| io_error(error.error))?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn saved_and_loaded_lists_agree_and_changed_files_are_not_known() {
        let dir = tempfile::tempdir().unwrap();
        let mut known = KnownProblems::default();
        known.files.insert(
            "/c/a.png".to_string(),
            KnownProblem {
                size: 10,
                mtime: 20,
                failed: false,
                reason: "skipped: not an article (image/png)".to_string(),
            },
        );
        known.save(dir.path()).unwrap();
        let loaded = KnownProblems::load(dir.path());
        assert_eq!(loaded, known);
        assert!(loaded.unchanged("/c/a.png", 10, 20).is_some());
        assert!(loaded.unchanged("/c/a.png", 11, 20).is_none());
        assert!(KnownProblems::load(&dir.path().join("none"))
            .files
            .is_empty());
    }
}
