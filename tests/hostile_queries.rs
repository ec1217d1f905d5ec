//! Hostile queries: each gets a clear message and exit 2, never a panic.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests: a failed unwrap is a failed test

mod common;

use common::{stderr_of, Sandbox};

#[test]
fn malformed_queries_and_flags_are_clear_errors() {
    let sandbox = Sandbox::new();
    sandbox.write(
        "news/a.txt",
        " date 2022-01-10 The harbour reopened after the storm in Gdańsk.",
    );
    sandbox
        .newsdex(&["index", "--quiet", "news"])
        .assert()
        .success();
    let long_query = "harbour ".repeat(1300);
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (vec!["query", "\"harbour"], "invalid query"),
        (vec!["query", "(harbour"], "invalid query"),
        (vec!["query", "harbour)"], "invalid query"),
        (vec!["query", "nosuchfield:harbour"], "Field does not exist"),
        (vec!["query", "   "], "the query is empty"),
        (
            vec!["query", "harbour", "--limit", "0"],
            "--limit must be at least 1",
        ),
        (vec!["list", "--limit", "0"], "--limit must be at least 1"),
        (
            vec![
                "query",
                "harbour",
                "--from",
                "2022-02-01",
                "--to",
                "2022-01-01",
            ],
            "after --to",
        ),
        (
            vec!["query", "harbour", "--from", "0000-00-00"],
            "invalid date",
        ),
        (vec!["list", "--to", "99999-01-01"], "invalid date"),
        (vec!["query", "harbour", "--entity", "!!!"], "has no words"),
        (
            vec!["query", "harbour", "--format", "xml"],
            "invalid value 'xml'",
        ),
    ];
    for (args, message) in cases {
        let output = sandbox.newsdex(&args).output().unwrap();
        let stderr = stderr_of(&output);
        assert_eq!(output.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(stderr.contains(message), "{args:?}: {stderr}");
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
    }
    // A very long query is still a query.
    sandbox.newsdex(&["query", &long_query]).assert().code(0);
}
