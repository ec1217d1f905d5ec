//! Near copies: a wire update of a story (a few words changed) counts and
//! lists as one article with the story it updates, in one run and across
//! runs; different stories and short texts never group; `--near-copies 0`
//! groups exact copies only.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests: a failed unwrap is a failed test

mod common;

use common::Sandbox;

/// A story of about 120 distinct words; `edits` replaces a few of them.
fn story(topic: &str, edits: &[(usize, &str)]) -> String {
    let mut words: Vec<String> = (0..120).map(|n| format!("{topic}{n}")).collect();
    for (position, word) in edits {
        words[*position] = (*word).to_string();
    }
    format!(
        " date 2022-03-0{} {}.",
        1 + topic.len() % 5,
        words.join(" ")
    )
}

fn count(sandbox: &Sandbox, extra: &[&str]) -> String {
    let mut args = vec!["list", "--count"];
    args.extend_from_slice(extra);
    let output = sandbox.newsdex(&args).output().unwrap();
    String::from_utf8_lossy(&output.stdout).trim().to_string()
}

#[test]
fn a_wire_update_is_one_article_with_its_story_in_a_run_and_across_runs() {
    let sandbox = Sandbox::new();
    sandbox.write("news/ferry.txt", story("ferry", &[]));
    sandbox.write("news/other.txt", story("bridge", &[]));
    sandbox.write(
        "news/brief-a.txt",
        " date 2022-03-01 The ferry sailed at noon.",
    );
    sandbox.write(
        "news/brief-b.txt",
        " date 2022-03-01 The ferry sailed at nine.",
    );
    sandbox.write(
        "news/ferry-update.txt",
        story("ferry", &[(40, "Updated"), (90, "corrected")]),
    );
    sandbox.newsdex(&["index", "news"]).assert().success();
    // ferry + its update are one; the other story and both briefs are their own.
    assert_eq!(count(&sandbox, &[]), "4");
    assert_eq!(count(&sandbox, &["--all-copies"]), "5");

    // A later run: a second update finds the committed story's group.
    sandbox.write(
        "news/ferry-update-2.txt",
        story("ferry", &[(10, "Second"), (60, "update")]),
    );
    sandbox.newsdex(&["index", "news"]).assert().success();
    assert_eq!(count(&sandbox, &[]), "4");
    assert_eq!(count(&sandbox, &["--all-copies"]), "6");
}

#[test]
fn near_copies_zero_groups_exact_copies_only() {
    let sandbox = Sandbox::new();
    sandbox.write("news/ferry.txt", story("ferry", &[]));
    sandbox.write("news/ferry-copy.txt", story("ferry", &[]));
    sandbox.write("news/ferry-update.txt", story("ferry", &[(40, "Updated")]));
    sandbox
        .newsdex(&["index", "news", "--near-copies", "0"])
        .assert()
        .success();
    assert_eq!(count(&sandbox, &[]), "2");
}
