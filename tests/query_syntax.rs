//! Queries as people type them: apostrophes, unbalanced quotes and brackets,
//! stray operators never fail for syntax, while the query language still works
//! when it is well formed; what matches is every word unless `--any`.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests: a failed unwrap is a failed test

mod common;

use common::{json_of, stderr_of, Sandbox};
use newsdex::index::NewsIndex;
use newsdex::search::{search, SearchRequest};

/// A small index of articles written for these tests.
fn sandbox_with_articles() -> Sandbox {
    let sandbox = Sandbox::new();
    let articles = [
        (
            "obrien.txt",
            "2022-01-10",
            "Mayor O'Brien opened the harbour after the storm.",
        ),
        (
            "arsenal.txt",
            "2022-01-11",
            "Europe's arsenal is ageing, ministers said in Brussels.",
        ),
        (
            "europe.txt",
            "2022-01-12",
            "Europe wants more trade with Asia and Africa.",
        ),
        (
            "harbour.txt",
            "2022-01-13",
            "The harbour of Gdańsk reopened; fishing boats left at dawn.",
        ),
        (
            "sovereign.txt",
            "2022-01-14",
            "Ukraine defended its sovereignty at the United Nations.",
        ),
        (
            "ukraine.txt",
            "2022-01-15",
            "Ukraine exported grain through the Black Sea ports.",
        ),
        (
            "ukraine2.txt",
            "2022-01-16",
            "Farmers in Ukraine sowed wheat early this spring.",
        ),
    ];
    for (name, date, text) in articles {
        sandbox.write(&format!("news/{name}"), format!(" date {date} {text}"));
    }
    sandbox
        .newsdex(&["index", "--quiet", "news"])
        .assert()
        .success();
    sandbox
}

fn paths_of(result: &serde_json::Value) -> Vec<String> {
    result["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|hit| {
            let path = hit["path"].as_str().unwrap();
            path.rsplit('/').next().unwrap().to_string()
        })
        .collect()
}

#[test]
fn queries_with_apostrophes_and_stray_syntax_never_fail() {
    let sandbox = sandbox_with_articles();
    // (query, a file that must be among the hits, whether stderr must carry a note)
    let cases = [
        ("O'Brien", Some("obrien.txt"), false),
        ("o’brien harbour", Some("obrien.txt"), false),
        ("Europe's arsenal", Some("arsenal.txt"), false),
        ("\"harbour", Some("harbour.txt"), true),
        ("(harbour", Some("harbour.txt"), true),
        ("harbour)", Some("harbour.txt"), true),
        ("harbour &", Some("harbour.txt"), false),
        ("harbour %", Some("harbour.txt"), false),
        ("harbour +", Some("harbour.txt"), true),
        ("note: harbour", Some("harbour.txt"), true),
        ("AND harbour OR", Some("harbour.txt"), true),
        ("-", None, true),
        ("'", None, false),
    ];
    for (query, expected, noted) in cases {
        let output = sandbox
            .newsdex(&["query", query, "--format", "jsonl"])
            .output()
            .unwrap();
        let stderr = stderr_of(&output);
        let code = output.status.code();
        assert!(matches!(code, Some(0 | 1)), "{query}: {code:?} {stderr}");
        assert!(!stderr.contains("panicked"), "{query}: {stderr}");
        assert_eq!(stderr.contains("note:"), noted, "{query}: {stderr}");
        let stdout = String::from_utf8_lossy(&output.stdout);
        if let Some(file) = expected {
            assert!(stdout.contains(file), "{query}: {stdout}");
        }
    }
}

#[test]
fn well_formed_query_language_still_works() {
    let sandbox = sandbox_with_articles();
    let cases: [(&str, &[&str]); 5] = [
        ("\"black sea\"", &["ukraine.txt"]),
        ("ukraine -grain -wheat", &["sovereign.txt"]),
        (
            "title:gdansk OR body:brussels",
            &["arsenal.txt", "harbour.txt"],
        ),
        (
            "(harbour AND storm) OR sovereignty",
            &["obrien.txt", "sovereign.txt"],
        ),
        ("europe -arsenal", &["europe.txt"]),
    ];
    for (query, expected) in cases {
        let result = json_of(sandbox.newsdex(&["query", query, "--format", "json"]));
        let mut paths = paths_of(&result);
        paths.sort();
        assert_eq!(paths, expected, "{query}");
    }
}

#[test]
fn matches_hold_every_word_unless_any_is_asked() {
    let sandbox = sandbox_with_articles();
    let all = json_of(sandbox.newsdex(&["query", "ukraine sovereignty", "--format", "json"]));
    assert_eq!(all["total"], 1);
    let any =
        json_of(sandbox.newsdex(&["query", "ukraine sovereignty", "--any", "--format", "json"]));
    assert_eq!(any["total"], 3);
    let text = sandbox
        .newsdex(&["query", "ukraine sovereignty", "--color", "never"])
        .output()
        .unwrap();
    let header = String::from_utf8_lossy(&text.stdout);
    assert!(
        header.starts_with("1 article contains all words; 2 more contain some"),
        "{header}"
    );
    // Date-ordered listings and reports count the same articles.
    let newest = json_of(sandbox.newsdex(&[
        "query",
        "ukraine sovereignty",
        "--sort",
        "newest",
        "--format",
        "json",
    ]));
    assert_eq!(paths_of(&newest), ["sovereign.txt"]);
    for (args, articles) in [
        (
            vec!["timeline", "ukraine sovereignty", "--format", "json"],
            1,
        ),
        (
            vec![
                "timeline",
                "ukraine sovereignty",
                "--any",
                "--format",
                "json",
            ],
            3,
        ),
    ] {
        let periods = json_of(sandbox.newsdex(&args));
        let counted: u64 = periods
            .as_array()
            .unwrap()
            .iter()
            .map(|period| period["articles"].as_u64().unwrap())
            .sum();
        assert_eq!(counted, articles, "{args:?}");
    }
}

proptest::proptest! {
    #![proptest_config(proptest::test_runner::Config { cases: 400, ..Default::default() })]

    /// No text of letters, digits, quotes, apostrophes, brackets and operators
    /// fails to parse: in-process, through the library the binary calls.
    #[test]
    fn random_query_text_never_fails_for_syntax(
        text in "[a-zA-Z0-9 '’\"()\\[\\]{}+\\-!^~*:&|%\\\\/<>=.,?]{1,40}"
    ) {
        let sandbox = SHARED.get_or_init(sandbox_with_articles);
        let news_index = NewsIndex::open(&sandbox.index_dir()).unwrap();
        let request = SearchRequest {
            text: Some(text.clone()),
            limit: 10,
            snippets: true,
            ..SearchRequest::default()
        };
        let result = search(&news_index, &request);
        let empty = text.trim().is_empty();
        proptest::prop_assert!(result.is_ok() || empty, "{text:?}: {:?}", result.err());
    }
}

static SHARED: std::sync::OnceLock<Sandbox> = std::sync::OnceLock::new();

/// Regression (found by the property test above): `A:*` (exists on a field
/// the schema does not have) and `title:*` (exists on a text field) failed
/// with FieldNotFound / "not a fast field" instead of being read as words.
#[test]
fn field_operators_on_unknown_or_text_fields_are_read_as_words() {
    let sandbox = SHARED.get_or_init(sandbox_with_articles);
    let news_index = NewsIndex::open(&sandbox.index_dir()).unwrap();
    for text in [
        "A:*’",
        "A:*",
        "title:*",
        "foo:[1 TO 2]",
        "bar: IN [x y]",
        "zz:/ab.*/",
    ] {
        let request = SearchRequest {
            text: Some(text.to_string()),
            limit: 10,
            ..SearchRequest::default()
        };
        let result = search(&news_index, &request);
        assert!(result.is_ok(), "{text:?}: {:?}", result.err());
    }
}
