//! The corpus walk: input paths -> the article files under them, with their size and mtime.
//!
//! Folders are walked recursively in name order (so runs are reproducible),
//! following symbolic links, with hidden entries and a few documentation files
//! skipped. A walk error (a symlink loop, a folder we may not read) is
//! reported and the walk goes on.

use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

use walkdir::WalkDir;

use crate::error::Error;

/// One file found by the walk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceFile {
    /// Absolute path, used as the index key so that runs from other folders agree.
    pub path: PathBuf,
    pub key: String,
    pub size: u64,
    /// Modification time in nanoseconds since the epoch (0 when unknown).
    pub mtime: u64,
}

/// What a walk found: files, the roots it walked (for spotting removed files), and errors.
#[derive(Debug, Default)]
pub struct Walk {
    pub files: Vec<SourceFile>,
    /// Absolute forms of the folders walked; a file indexed under one of them
    /// but no longer found was removed.
    pub folder_keys: Vec<String>,
    pub errors: Vec<Error>,
}

/// Names of files that come with corpora but are not articles.
fn is_documentation_file(name: &str) -> bool {
    let upper = name.to_ascii_uppercase();
    let doc_stems = ["README", "LICENSE", "LICENCE", "SOURCE.MD", "CHANGELOG"];
    doc_stems.iter().any(|stem| upper.starts_with(stem)) || upper.ends_with(".DTD")
}

fn is_hidden(name: &str) -> bool {
    name.starts_with('.') && name != "." && name != ".."
}

/// The index key of a path. A UTF-8 path without backslashes is its own key;
/// otherwise each byte that is not UTF-8 is written `\xNN` and a backslash
/// `\\`, so that two names never share a key (`caf\xe9` and `caf\xe8` were one
/// under lossy decoding) and the key still reads as the name.
pub fn path_key(path: &Path) -> String {
    let bytes = path_bytes(path);
    let Ok(text) = std::str::from_utf8(&bytes) else {
        return escaped_key(&bytes);
    };
    if text.contains('\\') {
        return escaped_key(&bytes);
    }
    text.to_string()
}

#[cfg(unix)]
fn path_bytes(path: &Path) -> std::borrow::Cow<'_, [u8]> {
    use std::os::unix::ffi::OsStrExt;
    std::borrow::Cow::Borrowed(path.as_os_str().as_bytes())
}

#[cfg(not(unix))]
fn path_bytes(path: &Path) -> std::borrow::Cow<'_, [u8]> {
    std::borrow::Cow::Owned(path.to_string_lossy().into_owned().into_bytes())
}

fn escaped_key(bytes: &[u8]) -> String {
    let mut key = String::with_capacity(bytes.len() + 8);
    for chunk in bytes.utf8_chunks() {
        key.push_str(&chunk.valid().replace('\\', "\\\\"));
        for byte in chunk.invalid() {
            key.push_str(&format!("\\x{byte:02x}"));
        }
    }
    key
}

/// Makes `path` absolute and canonical (symlinks resolved), so that a folder
/// given two ways is one set of keys.
pub fn absolute(path: &Path) -> std::io::Result<PathBuf> {
    std::fs::canonicalize(path)
}

/// The keys the walk may have given the file that `typed` names, most
/// likely first; empty when there is no such file. The walk keys a file by
/// its root folder made canonical and the rest of the path as walked, with
/// the symbolic links below the root kept (`corpus/linked/a.txt` when
/// `corpus/linked` links elsewhere and `corpus` was indexed). So the file's
/// own canonical path is tried, then the path with each run of its leading
/// folders made canonical.
pub fn key_candidates(typed: &Path) -> Vec<String> {
    let Ok(canonical) = absolute(typed) else {
        return Vec::new();
    };
    let mut keys = vec![path_key(&canonical)];
    let Ok(lexical) = std::path::absolute(typed) else {
        return keys;
    };
    let parts: Vec<std::path::Component> = lexical.components().collect();
    for split in (1..parts.len()).rev() {
        let rest = &parts[split..];
        if rest
            .iter()
            .any(|part| !matches!(part, std::path::Component::Normal(_)))
        {
            continue;
        }
        let head: PathBuf = parts[..split].iter().collect();
        let Ok(root) = absolute(&head) else {
            continue;
        };
        let walked = rest.iter().fold(root, |path, part| path.join(part));
        let key = path_key(&walked);
        if !keys.contains(&key) {
            keys.push(key);
        }
    }
    keys
}

/// Walks every input path: folders recursively, plain files as they are.
pub fn walk(inputs: &[PathBuf]) -> Walk {
    walk_skipping(inputs, &[])
}

/// Whether a folder is a search index (newsdex's, or any tantivy index):
/// its files are never articles, wherever it sits in a corpus.
pub fn is_search_index_folder(dir: &Path) -> bool {
    let has_meta = dir.join("meta.json").is_file();
    has_meta && (dir.join("newsdex.json").is_file() || dir.join(".managed.json").is_file())
}

/// Like [`walk`], never entering the folders of `skip` (the index being
/// written) nor any search index folder found on the way.
pub fn walk_skipping(inputs: &[PathBuf], skip: &[PathBuf]) -> Walk {
    let skip_roots: Vec<PathBuf> = skip.iter().filter_map(|dir| absolute(dir).ok()).collect();
    let mut walk = Walk::default();
    for input in inputs {
        let root = match absolute(input) {
            Ok(root) => root,
            Err(source) => {
                walk.errors.push(Error::Io {
                    path: input.clone(),
                    source,
                });
                continue;
            }
        };
        if root.is_dir() {
            walk.folder_keys.push(path_key(&root));
        }
        walk_one(&root, &skip_roots, &mut walk);
    }
    walk.files.sort_by(|a, b| a.key.cmp(&b.key));
    walk.files.dedup_by(|a, b| a.key == b.key);
    walk
}

fn walk_one(root: &Path, skip_roots: &[PathBuf], walk: &mut Walk) {
    let entries = WalkDir::new(root)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|entry| {
            if entry.file_type().is_dir() {
                let is_skipped = skip_roots.iter().any(|skip| entry.path() == skip);
                if is_skipped || is_search_index_folder(entry.path()) {
                    return false;
                }
            }
            let is_root = entry.depth() == 0;
            is_root || !is_hidden(&entry.file_name().to_string_lossy())
        });
    for entry in entries {
        let entry = match entry {
            Ok(entry) => entry,
            Err(error) => {
                let path = error.path().unwrap_or(root).to_path_buf();
                let source = std::io::Error::other(walk_error_reason(&error));
                walk.errors.push(Error::Io { path, source });
                continue;
            }
        };
        if !entry.file_type().is_file() {
            continue;
        }
        let name = entry.file_name().to_string_lossy();
        if entry.depth() > 0 && is_documentation_file(&name) {
            continue;
        }
        let metadata = match entry.metadata() {
            Ok(metadata) => metadata,
            Err(error) => {
                let source = std::io::Error::other(walk_error_reason(&error));
                walk.errors.push(Error::Io {
                    path: entry.path().to_path_buf(),
                    source,
                });
                continue;
            }
        };
        let mtime = metadata
            .modified()
            .ok()
            .and_then(|time| time.duration_since(UNIX_EPOCH).ok())
            .map_or(0, |since| since.as_nanos() as u64);
        walk.files.push(SourceFile {
            key: path_key(entry.path()),
            path: entry.into_path(),
            size: metadata.len(),
            mtime,
        });
    }
}

fn walk_error_reason(error: &walkdir::Error) -> String {
    if let Some(ancestor) = error.loop_ancestor() {
        return format!("symbolic link loop back to {}", ancestor.display());
    }
    match error.io_error() {
        Some(io) => io.to_string(),
        None => error.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn walks_recursively_skipping_hidden_and_documentation_files() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("2022/01")).unwrap();
        std::fs::create_dir_all(root.join(".git")).unwrap();
        std::fs::write(root.join("2022/01/a.txt"), " date 2022-01-10 Body.").unwrap();
        std::fs::write(root.join("b"), "Body.").unwrap();
        std::fs::write(root.join(".hidden.txt"), "x").unwrap();
        std::fs::write(root.join(".git/config"), "x").unwrap();
        std::fs::write(root.join("README.md"), "x").unwrap();
        let walk = walk(&[root.to_path_buf()]);
        let names: Vec<_> = walk
            .files
            .iter()
            .map(|file| {
                file.path
                    .strip_prefix(absolute(root).unwrap())
                    .unwrap()
                    .to_path_buf()
            })
            .collect();
        assert_eq!(names, [PathBuf::from("2022/01/a.txt"), PathBuf::from("b")]);
        assert!(walk.errors.is_empty());
    }

    #[cfg(unix)]
    #[test]
    fn symlink_loop_is_reported_and_the_walk_goes_on() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir(root.join("sub")).unwrap();
        std::fs::write(root.join("sub/a.txt"), "Body.").unwrap();
        std::os::unix::fs::symlink(root, root.join("sub/loop")).unwrap();
        let walk = walk(&[root.to_path_buf()]);
        assert_eq!(walk.files.len(), 1);
        assert_eq!(walk.errors.len(), 1);
        assert!(
            walk.errors[0].to_string().contains("loop"),
            "{}",
            walk.errors[0]
        );
    }

    #[cfg(unix)]
    #[test]
    fn names_that_are_not_utf8_get_keys_of_their_own() {
        use std::os::unix::ffi::OsStrExt;
        let name = |bytes: &[u8]| PathBuf::from(std::ffi::OsStr::from_bytes(bytes));
        let keys = [
            path_key(&name(b"/c/caf\xe9.txt")),
            path_key(&name(b"/c/caf\xe8.txt")),
            path_key(&name(b"/c/caf\\xe9.txt")),
            path_key(&name("/c/café.txt".as_bytes())),
        ];
        assert_eq!(keys[0], "/c/caf\\xe9.txt");
        assert_eq!(keys[3], "/c/café.txt");
        let distinct: std::collections::HashSet<_> = keys.iter().collect();
        assert_eq!(distinct.len(), keys.len(), "{keys:?}");
    }

    #[test]
    fn missing_input_is_an_error_naming_it() {
        let walk = walk(&[PathBuf::from("/no/such/folder")]);
        assert!(walk.files.is_empty());
        assert!(walk.errors[0].to_string().starts_with("/no/such/folder:"));
    }
}
