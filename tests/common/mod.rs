//! A hermetic harness: each test gets its own temporary folder and index, and
//! runs the binary with a clean environment (no colour or index variables leaking in).

#![allow(dead_code)]

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use tempfile::TempDir;

pub const REPO: &str = env!("CARGO_MANIFEST_DIR");

/// The reference article's folder: a copy in the repository, so that tests
/// need nothing outside it.
pub fn seed_dir() -> PathBuf {
    Path::new(REPO).join("tests/fixtures/seed")
}

pub fn shared_dir() -> PathBuf {
    Path::new(REPO).join("../shared")
}

pub struct Sandbox {
    pub dir: TempDir,
}

impl Sandbox {
    pub fn new() -> Sandbox {
        Sandbox {
            dir: tempfile::tempdir().expect("a temporary folder"),
        }
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    pub fn index_dir(&self) -> PathBuf {
        self.path().join("index")
    }

    /// `newsdex --index <sandbox>/index ARGS...`, run from the sandbox folder.
    pub fn newsdex(&self, args: &[&str]) -> Command {
        let mut command = Command::cargo_bin("newsdex").expect("the newsdex binary");
        command
            .env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .current_dir(self.path())
            .arg("--index")
            .arg(self.index_dir())
            .args(args);
        command
    }

    /// Copies the bundled sample corpus into `<sandbox>/corpus`.
    pub fn copy_corpus(&self) -> PathBuf {
        let target = self.path().join("corpus");
        copy_dir(&Path::new(REPO).join("corpus"), &target);
        target
    }

    pub fn write(&self, relative: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
        let path = self.path().join(relative);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("create folders");
        }
        std::fs::write(&path, bytes).expect("write a fixture");
        path
    }
}

pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("create folder");
    for entry in std::fs::read_dir(from).expect("read folder") {
        let entry = entry.expect("folder entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("file type").is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).expect("copy file");
        }
    }
}

/// stdout of a successful run parsed as one JSON document.
pub fn json_of(mut command: Command) -> serde_json::Value {
    let output = command.output().expect("run newsdex");
    assert!(
        output.status.code() == Some(0),
        "exit {:?}, stderr: {}",
        output.status.code(),
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("JSON output")
}

pub fn stderr_of(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// The path of every dated article in the sandbox's index, read back with `list`.
pub fn listed_paths(sandbox: &Sandbox) -> Vec<String> {
    let output = sandbox
        .newsdex(&[
            "list",
            "--limit",
            "100000",
            "--all-copies",
            "--format",
            "jsonl",
        ])
        .output()
        .expect("run newsdex list");
    assert!(
        matches!(output.status.code(), Some(0 | 1)),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(|line| {
            let hit: serde_json::Value = serde_json::from_str(line).expect("a JSON line");
            hit["path"].as_str().expect("a path").to_string()
        })
        .collect()
}
