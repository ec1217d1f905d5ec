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
        (vec!["query", "   "], "the query is empty"),
        (
            vec!["query", "harbour", "--limit", "0"],
            "--limit must be at least 1",
        ),
        (vec!["list", "--limit", "0"], "--limit must be at least 1"),
        (vec!["quotes", "--limit", "0"], "--limit must be at least 1"),
        (
            vec!["query", "harbour", "--limit", "99999999999"],
            "is more than any index holds",
        ),
        (
            vec!["query", "harbour", "--offset", "99999999999"],
            "is more than any index holds",
        ),
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

/// A sandbox with three dated articles and one undated.
fn sandbox_with_dates() -> Sandbox {
    let sandbox = Sandbox::new();
    for (name, date) in [
        ("a", "1990-01-10"),
        ("b", "2022-01-10"),
        ("c", "2024-06-01"),
    ] {
        sandbox.write(
            &format!("news/{name}.txt"),
            // Distinct bodies: copies of one body would count once.
            format!(" date {date} The harbour of {name} reopened after the storm."),
        );
    }
    sandbox.write(
        "news/undated.txt",
        "The harbour reopened after the storm, undated.",
    );
    sandbox
        .newsdex(&["index", "--quiet", "news"])
        .assert()
        .success();
    sandbox
}

fn total_of(sandbox: &Sandbox, args: &[&str]) -> u64 {
    let output = sandbox.newsdex(args).output().unwrap();
    let stderr = stderr_of(&output);
    assert!(
        matches!(output.status.code(), Some(0 | 1)),
        "{args:?}: {stderr}"
    );
    let result: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    result["total"].as_u64().unwrap()
}

#[test]
fn date_filters_beyond_tantivy_years_give_the_right_answer() {
    let sandbox = sandbox_with_dates();
    // (from, to, articles): tantivy's dates hold 1677-2262 only.
    let cases = [
        (Some("0001-01-01"), Some("9999-12-31"), 3),
        (None, Some("3000-01-01"), 3),
        (Some("1500-01-01"), None, 3),
        (Some("2000-01-01"), Some("9999-12-31"), 2),
        (Some("0001-01-01"), Some("2000-01-01"), 1),
        (Some("2300-01-01"), None, 0),
        (None, Some("1600-01-01"), 0),
    ];
    for (from, to, articles) in cases {
        let mut args = vec!["query", "harbour", "--format", "json"];
        if let Some(from) = from {
            args.extend(["--from", from]);
        }
        if let Some(to) = to {
            args.extend(["--to", to]);
        }
        assert_eq!(total_of(&sandbox, &args), articles, "{from:?} {to:?}");
    }
}

#[test]
fn huge_limit_and_offset_do_not_abort_or_wrap() {
    let sandbox = sandbox_with_dates();
    let cases: [(&[&str], Option<i32>); 5] = [
        (&["query", "harbour", "--limit", "4000000000"], Some(0)),
        (&["query", "harbour", "--offset", "4000000000"], Some(1)),
        (
            &[
                "query",
                "harbour",
                "--offset",
                "4000000000",
                "--limit",
                "4000000000",
            ],
            Some(1),
        ),
        (&["list", "--limit", "4000000000"], Some(0)),
        (
            &[
                "query",
                "harbour",
                "--offset",
                "3",
                "--limit",
                "18446744073709551615",
            ],
            Some(2),
        ),
    ];
    for (args, code) in cases {
        let output = sandbox.newsdex(args).output().unwrap();
        let stderr = stderr_of(&output);
        assert_eq!(output.status.code(), code, "{args:?}: {stderr}");
        assert!(
            !stderr.contains("panicked") && !stderr.contains("memory"),
            "{args:?}: {stderr}"
        );
    }
    let output = sandbox
        .newsdex(&[
            "query",
            "harbour",
            "--offset",
            "2",
            "--limit",
            "4000000000",
            "--format",
            "jsonl",
            "--all-copies",
        ])
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&output.stdout).lines().count(), 2);
}

#[test]
fn nested_parentheses_do_not_overflow_the_stack() {
    let sandbox = sandbox_with_dates();
    let nested = format!("{}harbour{}", "(".repeat(9000), ")".repeat(9000));
    let output = sandbox.newsdex(&["query", &nested]).output().unwrap();
    let stderr = stderr_of(&output);
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    assert!(stderr.contains("nested deeper than"), "{stderr}");
}

#[test]
fn too_many_clauses_or_characters_are_short_quick_errors() {
    let sandbox = sandbox_with_dates();
    let distinct_words: String = (0..4000).map(|n| format!("w{n} ")).collect();
    let many_nots = "NOT ".repeat(20_000);
    let mut nots_under_the_length_cap = "harbour ".to_string();
    nots_under_the_length_cap.push_str(&"NOT ".repeat(7_500));
    let cases = [
        (distinct_words.as_str(), Some(2), "at most 1024"),
        (many_nots.as_str(), Some(2), "characters long"),
        (nots_under_the_length_cap.as_str(), Some(0), ""),
    ];
    for (query, code, message) in cases {
        let started = std::time::Instant::now();
        let output = sandbox.newsdex(&["query", query]).output().unwrap();
        let elapsed = started.elapsed();
        let stderr = stderr_of(&output);
        assert_eq!(output.status.code(), code, "{stderr}");
        assert!(stderr.contains(message), "{stderr}");
        assert!(stderr.len() < 400, "{} bytes of stderr", stderr.len());
        assert!(elapsed.as_secs() < 10, "{elapsed:?}");
    }
}
