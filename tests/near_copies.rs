//! Near copies: a wire update of a story (a few words changed) counts and
//! lists as one article with the story it updates, in one run and across
//! runs; different stories and short texts never group; `--near-copies 0`
//! groups exact copies only; a withdrawn (cancelled) story leaves the index.

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

/// A NewsML item cancelled in a later file withdraws the story: the earlier
/// version, indexed in an earlier run, is removed; a rerun changes nothing.
#[test]
fn a_cancelled_newsml_story_removes_its_earlier_version() {
    let sandbox = Sandbox::new();
    let item = |version: u32, status: &str, body: &str| {
        format!(
            r#"<?xml version="1.0" encoding="UTF-8"?>
<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="tag:example.com,2016:flood" version="{version}">
<itemMeta><pubStatus qcode="stat:{status}"/><versionCreated>2016-01-0{version}T10:00:00Z</versionCreated></itemMeta>
<contentMeta><headline>River floods the town</headline></contentMeta>
<contentSet><inlineXML contenttype="application/xhtml+xml"><html xmlns="http://www.w3.org/1999/xhtml"><body><p>{body}</p></body></html></inlineXML></contentSet>
</newsItem>"#
        )
    };
    sandbox.write(
        "wire/flood_v1.xml",
        item(1, "usable", "The river flooded the town on Monday."),
    );
    sandbox.write(
        "wire/other.xml",
        item(1, "usable", "The bridge reopened.").replace("flood\"", "bridge\""),
    );
    sandbox.newsdex(&["index", "wire"]).assert().success();
    assert_eq!(count(&sandbox, &[]), "2");

    sandbox.write("wire/flood_v2.xml", item(2, "canceled", ""));
    let output = sandbox.newsdex(&["index", "wire"]).output().unwrap();
    assert!(output.status.success(), "{output:?}");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("withdraws story"), "{stderr}");
    assert_eq!(count(&sandbox, &[]), "1");
    let rerun = sandbox.newsdex(&["index", "wire"]).output().unwrap();
    let stderr = String::from_utf8_lossy(&rerun.stderr);
    assert!(stderr.contains("0 added, 0 updated, 0 removed"), "{stderr}");
    assert_eq!(count(&sandbox, &[]), "1");
}
