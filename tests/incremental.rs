//! Incremental indexing: unchanged files are skipped, edited files replaced,
//! deleted files removed, broken files reported without losing the rest.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests: a failed unwrap is a failed test

mod common;

use common::{json_of, stderr_of, Sandbox};
use predicates::prelude::*;

fn count(sandbox: &Sandbox, query: &str) -> u64 {
    let output = sandbox
        .newsdex(&["query", query, "--format", "json", "--all-copies"])
        .output()
        .unwrap();
    if output.status.code() == Some(1) {
        return 0;
    }
    let result: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    result["total"].as_u64().unwrap()
}

#[test]
fn rerun_on_unchanged_corpus_adds_nothing() {
    let sandbox = Sandbox::new();
    let corpus = sandbox.copy_corpus();
    sandbox.newsdex(&["index"]).arg(&corpus).assert().success();
    sandbox
        .newsdex(&["index"])
        .arg(&corpus)
        .assert()
        .success()
        .stderr(predicate::str::contains("everything is unchanged"))
        .stderr(predicate::str::contains("0 added, 0 updated, 0 removed"));
}

#[test]
fn edited_file_is_updated_without_duplicate_and_deleted_file_disappears() {
    let sandbox = Sandbox::new();
    sandbox.write(
        "news/a.txt",
        " date 2022-01-10 The harbour reopened after the storm.",
    );
    sandbox.write(
        "news/b.txt",
        " date 2022-01-11 The bridge closed for repairs.",
    );
    sandbox.newsdex(&["index", "news"]).assert().success();
    assert_eq!(count(&sandbox, "harbour"), 1);

    sandbox.write(
        "news/a.txt",
        " date 2022-01-10 The harbour reopened after the storm, and the ferry sailed.",
    );
    sandbox
        .newsdex(&["index", "news"])
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "0 added, 1 updated, 0 removed, 1 unchanged",
        ));
    assert_eq!(count(&sandbox, "harbour"), 1);
    assert_eq!(count(&sandbox, "ferry"), 1);

    std::fs::remove_file(sandbox.path().join("news/b.txt")).unwrap();
    sandbox
        .newsdex(&["index", "news"])
        .assert()
        .success()
        .stderr(predicate::str::contains("1 removed"));
    assert_eq!(count(&sandbox, "bridge"), 0);
    let stats = json_of(sandbox.newsdex(&["stats", "--format", "json"]));
    assert_eq!(stats["articles"], 1);
}

#[test]
fn rebuild_starts_from_empty() {
    let sandbox = Sandbox::new();
    sandbox.write("one/a.txt", " date 2022-01-10 The harbour reopened.");
    sandbox.write("two/b.txt", " date 2022-01-11 The bridge closed.");
    sandbox.newsdex(&["index", "one"]).assert().success();
    sandbox
        .newsdex(&["index", "--rebuild", "two"])
        .assert()
        .success();
    assert_eq!(count(&sandbox, "harbour"), 0);
    assert_eq!(count(&sandbox, "bridge"), 1);
}

#[test]
fn files_without_articles_or_dates_are_reported_and_the_rest_indexed() {
    let sandbox = Sandbox::new();
    sandbox.write(
        "mixed/good.txt",
        " date 2022-01-10 The harbour reopened after the storm.",
    );
    sandbox.write("mixed/empty.txt", "");
    sandbox.write(
        "mixed/binary.png",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10",
    );
    sandbox.write("mixed/zeros.bin", [0u8; 4096]);
    sandbox.write(
        "mixed/latin.txt",
        b" date 2022-01-12 Caf\xe9 owners in Montr\xe9al met the mayor.".as_slice(),
    );
    sandbox.write(
        "mixed/baddate.txt",
        " date 2022-13-45 A date that cannot be.",
    );
    let output = sandbox.newsdex(&["index", "mixed"]).output().unwrap();
    // Empty and binary files hold no article (skipped) and an unreadable date
    // leaves its article undated (a warning): nothing failed, so exit 0.
    assert_eq!(output.status.code(), Some(0), "{}", stderr_of(&output));
    let stderr = stderr_of(&output);
    for (file, reason) in [
        ("empty.txt", "empty"),
        ("binary.png", "binary"),
        ("zeros.bin", "binary"),
        ("baddate.txt", "date"),
    ] {
        let line = stderr
            .lines()
            .find(|line| line.contains(file))
            .unwrap_or_else(|| panic!("{file} not reported in:\n{stderr}"));
        assert!(line.to_lowercase().contains(reason), "{line}");
    }
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(count(&sandbox, "harbour"), 1);
    assert_eq!(
        count(&sandbox, "Montréal"),
        1,
        "a stray Latin-1 byte is decoded, not fatal"
    );
}

#[test]
fn a_second_index_run_finds_the_new_files_only() {
    let sandbox = Sandbox::new();
    sandbox.write("news/a.txt", " date 2022-01-10 The harbour reopened.");
    sandbox.newsdex(&["index", "news"]).assert().success();
    sandbox.write("news/sub/c.txt", " date 2022-01-12 A new pier opened.");
    sandbox
        .newsdex(&["index", "news"])
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "1 added, 0 updated, 0 removed, 1 unchanged",
        ));
}

/// Regression guard for reading file stamps from each segment's key
/// dictionary in one pass: several segments, deleted and replaced documents.
#[test]
fn stamps_survive_several_segments_and_deletions() {
    let sandbox = Sandbox::new();
    sandbox.write("news/a.txt", " date 2022-01-10 The harbour reopened.");
    sandbox.write("news/b.txt", " date 2022-01-11 The bridge closed.");
    sandbox.newsdex(&["index", "news"]).assert().success();
    // A second segment.
    sandbox.write("news/c.txt", " date 2022-01-12 A new pier opened.");
    sandbox.newsdex(&["index", "news"]).assert().success();
    // Deletions in both segments: a removed file and a replaced one.
    std::fs::remove_file(sandbox.path().join("news/a.txt")).unwrap();
    sandbox.write(
        "news/c.txt",
        " date 2022-01-12 A new pier opened, and the ferry docked there.",
    );
    sandbox
        .newsdex(&["index", "news"])
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "0 added, 1 updated, 1 removed, 1 unchanged",
        ));
    sandbox
        .newsdex(&["index", "news"])
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "0 added, 0 updated, 0 removed, 2 unchanged",
        ));
    assert_eq!(count(&sandbox, "ferry"), 1);
    assert_eq!(count(&sandbox, "harbour"), 0);
}
