//! The index folder: which folders are newsdex's own, creating one, and
//! removing only what newsdex wrote there.
//!
//! newsdex never deletes a file it did not create: a folder becomes an index
//! folder only when it is missing or empty, it is marked with [`MARKER_FILE`],
//! and the only files ever removed from it are the ones tantivy lists as its
//! own (`.managed.json`), `meta.json` and the marker itself.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

/// Our own marker file beside tantivy's `meta.json`.
pub const MARKER_FILE: &str = "newsdex.json";

/// Files tantivy keeps beside the segments; they are part of an index.
const TANTIVY_FILES: [&str; 4] = [
    "meta.json",
    ".managed.json",
    ".tantivy-writer.lock",
    ".tantivy-meta.lock",
];

/// What newsdex writes into [`MARKER_FILE`].
#[derive(Debug, Serialize, Deserialize)]
pub struct Marker {
    pub schema_version: u32,
}

/// What a folder given as `--index` holds.
#[derive(Debug, PartialEq, Eq)]
pub enum FolderState {
    Missing,
    Empty,
    /// A newsdex index, or the start of one (a marker and nothing else of
    /// the user's): the schema version its marker names.
    Ours {
        schema_version: u32,
    },
    /// Anything else: not ours to write into. Holds one of its entries, to name it.
    Foreign {
        example: String,
    },
}

pub(crate) fn io_error(path: &Path, source: std::io::Error) -> Error {
    Error::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// Reads the marker of `dir`, if it is one of ours.
pub fn read_marker(dir: &Path) -> Option<Marker> {
    let text = std::fs::read_to_string(dir.join(MARKER_FILE)).ok()?;
    serde_json::from_str::<Marker>(&text).ok()
}

/// Whether `name` is a file that a newsdex index consists of (tantivy's
/// fixed files, the marker, or a segment file named by a 32-hex-digit id).
fn is_index_file_name(name: &str) -> bool {
    if name == MARKER_FILE
        || name == super::known::KNOWN_PROBLEMS_FILE
        || TANTIVY_FILES.contains(&name)
    {
        return true;
    }
    let (stem, _) = name.split_once('.').unwrap_or((name, ""));
    stem.len() == 32 && stem.bytes().all(|byte| byte.is_ascii_hexdigit())
}

/// Decides what `dir` is, reading only its listing and marker.
pub fn folder_state(dir: &Path) -> Result<FolderState> {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
            return Ok(FolderState::Missing)
        }
        Err(source) => return Err(io_error(dir, source)),
    };
    let mut names = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|source| io_error(dir, source))?;
        names.push(entry.file_name().to_string_lossy().into_owned());
    }
    names.sort();
    if names.is_empty() {
        return Ok(FolderState::Empty);
    }
    let Some(marker) = read_marker(dir) else {
        return Ok(FolderState::Foreign {
            example: names.swap_remove(0),
        });
    };
    let has_meta = names.iter().any(|name| name == "meta.json");
    // A marker without meta.json is a creation that was cut short; it is ours
    // only while nothing but index files sit beside it.
    if !has_meta {
        if let Some(other) = names.iter().find(|name| !is_index_file_name(name)) {
            return Ok(FolderState::Foreign {
                example: other.clone(),
            });
        }
    }
    Ok(FolderState::Ours {
        schema_version: marker.schema_version,
    })
}

/// Marks `dir` (missing or empty) as a newsdex index folder. The marker
/// goes first: tantivy's meta.json is what makes a folder an index, so a
/// process killed between the two leaves no marker-less index.
pub fn mark(dir: &Path, schema_version: u32) -> Result<()> {
    std::fs::create_dir_all(dir).map_err(|source| io_error(dir, source))?;
    let marker = Marker { schema_version };
    let marker_path = dir.join(MARKER_FILE);
    // Serialising a struct of one integer cannot fail.
    let marker_text = serde_json::to_string(&marker).unwrap_or_default();
    // `create_new`: a marker that appeared meanwhile is not overwritten.
    let written = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&marker_path)
        .and_then(|mut file| std::io::Write::write_all(&mut file, marker_text.as_bytes()));
    match written {
        Ok(()) => Ok(()),
        Err(error) if error.kind() == std::io::ErrorKind::AlreadyExists => match read_marker(dir) {
            Some(found) if found.schema_version == schema_version => Ok(()),
            _ => Err(io_error(&marker_path, error)),
        },
        Err(source) => Err(io_error(&marker_path, source)),
    }
}

/// The files tantivy lists in `.managed.json` as its own.
fn managed_files(dir: &Path) -> Result<HashSet<PathBuf>> {
    let path = dir.join(".managed.json");
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(HashSet::new()),
        Err(source) => return Err(io_error(&path, source)),
    };
    serde_json::from_str::<HashSet<PathBuf>>(&text)
        .map_err(|error| io_error(&path, std::io::Error::other(error)))
}

/// Removes an index of another schema version from a folder that is ours:
/// the files tantivy manages, then `meta.json` and the marker. Anything else
/// in the folder stays. The caller holds the writer lock.
pub fn remove_old_index(dir: &Path) -> Result<()> {
    debug_assert!(matches!(folder_state(dir), Ok(FolderState::Ours { .. })));
    let mut doomed: Vec<PathBuf> = managed_files(dir)?
        .into_iter()
        // Only plain names inside the folder: never `../x` or an absolute path.
        .filter(|name| {
            name.components().count() == 1 && is_index_file_name(&name.to_string_lossy())
        })
        .collect();
    doomed.sort();
    doomed.push(PathBuf::from("meta.json"));
    doomed.push(PathBuf::from(".managed.json"));
    doomed.push(PathBuf::from(super::known::KNOWN_PROBLEMS_FILE));
    doomed.push(PathBuf::from(super::writer::UNFINISHED_RUN_FILE));
    doomed.push(PathBuf::from(MARKER_FILE));
    for name in doomed {
        let path = dir.join(&name);
        match std::fs::remove_file(&path) {
            Ok(()) => {}
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => {}
            Err(source) => return Err(io_error(&path, source)),
        }
    }
    Ok(())
}

/// Gives the files tantivy writes atomically (`meta.json`, `.managed.json`:
/// created mode 0600 by a temporary file) the mode every other file of the
/// index gets from the umask, so that an index shared with other users or
/// groups can be read by them.
#[cfg(unix)]
pub fn follow_umask(dir: &Path) {
    use std::os::unix::fs::PermissionsExt;
    let probe = dir.join(".newsdex-umask-probe");
    let Ok(file) = std::fs::File::create(&probe) else {
        return;
    };
    let mode = file
        .metadata()
        .map(|metadata| metadata.permissions().mode() & 0o777);
    drop(file);
    let _ = std::fs::remove_file(&probe);
    let Ok(mode) = mode else {
        return;
    };
    for name in [
        "meta.json",
        ".managed.json",
        super::known::KNOWN_PROBLEMS_FILE,
    ] {
        let path = dir.join(name);
        let _ = std::fs::set_permissions(&path, std::fs::Permissions::from_mode(mode));
    }
}

#[cfg(not(unix))]
pub fn follow_umask(_dir: &Path) {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn states_of_folders() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        assert_eq!(
            folder_state(&root.join("none")).unwrap(),
            FolderState::Missing
        );
        assert_eq!(folder_state(root).unwrap(), FolderState::Empty);
        std::fs::write(
            root.join("0123456789abcdef0123456789abcdef.txt"),
            "an article",
        )
        .unwrap();
        assert!(matches!(
            folder_state(root).unwrap(),
            FolderState::Foreign { .. }
        ));
    }

    #[test]
    fn a_users_newsdex_json_is_not_a_marker() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(MARKER_FILE), r#"{"name": "my project"}"#).unwrap();
        assert!(matches!(
            folder_state(dir.path()).unwrap(),
            FolderState::Foreign { .. }
        ));
        assert!(mark(dir.path(), 1).is_err());
        let kept = std::fs::read_to_string(dir.path().join(MARKER_FILE)).unwrap();
        assert_eq!(kept, r#"{"name": "my project"}"#);
    }

    #[test]
    fn a_marker_beside_user_files_without_meta_is_foreign() {
        let dir = tempfile::tempdir().unwrap();
        mark(dir.path(), 1).unwrap();
        assert_eq!(
            folder_state(dir.path()).unwrap(),
            FolderState::Ours { schema_version: 1 }
        );
        std::fs::write(dir.path().join("notes.txt"), "mine").unwrap();
        assert!(matches!(
            folder_state(dir.path()).unwrap(),
            FolderState::Foreign { .. }
        ));
    }

    #[test]
    fn removing_an_old_index_keeps_files_tantivy_does_not_manage() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        mark(root, 0).unwrap();
        let managed = "0123456789abcdef0123456789abcdef.idx";
        let unmanaged = "fedcba9876543210fedcba9876543210.jpg";
        std::fs::write(root.join(managed), "segment").unwrap();
        std::fs::write(root.join(unmanaged), "a photo named by its hash").unwrap();
        std::fs::write(root.join("meta.json"), "{}").unwrap();
        std::fs::write(
            root.join(".managed.json"),
            format!(r#"["{managed}", "meta.json", "../outside.txt"]"#),
        )
        .unwrap();
        std::fs::write(root.join("notes.md"), "mine").unwrap();
        remove_old_index(root).unwrap();
        assert!(!root.join(managed).exists());
        assert!(!root.join("meta.json").exists());
        assert!(!root.join(MARKER_FILE).exists());
        assert!(root.join(unmanaged).exists());
        assert!(root.join("notes.md").exists());
    }
}
