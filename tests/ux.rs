//! Issue 16: counts, dates, paths and messages a person can trust. Each test
//! runs the command as a user would and asserts the exact count or message.

mod common;

use common::{json_of, stderr_of, Sandbox};

/// Five articles a line each: two copies of one story, and dates near
/// midnight in zones either side of UTC.
const WIRE: &str = r#"{"title": "Lehman files for bankruptcy", "date": "2008-09-14T23:30:00-04:00", "body": "Lehman Brothers filed for bankruptcy protection late on Sunday in New York, said Richard Fuld."}
{"title": "Markets fall in Asia", "date": "2008-09-15T01:00:00+09:00", "body": "Asian markets fell sharply on Monday morning in Tokyo after the Lehman Brothers news."}
{"title": "Merrill sold to Bank of America", "date": "2008-09-15T08:00:00+00:00", "body": "Bank of America agreed to buy Merrill Lynch in London trading hours, officials said."}
{"title": "Merrill sold to Bank of America", "date": "2008-09-15T09:00:00+00:00", "body": "Bank of America agreed to buy Merrill Lynch in London trading hours, officials said."}
{"title": "AIG seeks a bridge loan", "date": "2008-09-16T12:00:00+00:00", "body": "AIG asked the Federal Reserve for a bridge loan in Washington on Tuesday."}
"#;

fn wire_sandbox() -> Sandbox {
    let sandbox = Sandbox::new();
    sandbox.write("news/wire.jsonl", WIRE);
    sandbox.newsdex(&["index", "news"]).assert().success();
    sandbox
}

fn stdout_of(sandbox: &Sandbox, args: &[&str]) -> (Option<i32>, String, String) {
    let output = sandbox.newsdex(args).output().expect("run newsdex");
    (
        output.status.code(),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr_of(&output),
    )
}

#[test]
fn a_listing_that_stops_early_says_so_and_offset_pages_on() {
    let sandbox = wire_sandbox();
    let (code, stdout, stderr) = stdout_of(&sandbox, &["list", "-n", "2"]);
    assert_eq!(code, Some(0));
    assert_eq!(stdout.lines().count(), 2);
    assert!(
        stderr.contains("2 of 4 articles shown; --limit or --offset for more"),
        "{stderr}"
    );
    let (_, stdout, stderr) = stdout_of(&sandbox, &["list", "-n", "2", "--offset", "2"]);
    assert_eq!(stdout.lines().count(), 2);
    assert!(stderr.contains("3-4 of 4 articles shown"), "{stderr}");
    assert!(!stderr.contains("for more"), "{stderr}");
    let (code, _, stderr) = stdout_of(&sandbox, &["list", "--offset", "9"]);
    assert_eq!(code, Some(1));
    assert!(
        stderr.contains("--offset 9 is past the last of the 4 articles"),
        "{stderr}"
    );
}

#[test]
fn counts_agree_across_count_json_and_paging_with_copies_counted_once() {
    let sandbox = wire_sandbox();
    let (_, count, _) = stdout_of(&sandbox, &["list", "--count"]);
    assert_eq!(count.trim(), "4", "two copies of one story count once");
    let (_, count_all, _) = stdout_of(&sandbox, &["list", "--count", "--all-copies"]);
    assert_eq!(count_all.trim(), "5");
    let listed = json_of(sandbox.newsdex(&["list", "--format", "json", "-n", "100"]));
    assert_eq!(listed["total"], 4);
    assert_eq!(listed["hits"].as_array().map(Vec::len), Some(4));
    let (_, query_count, _) = stdout_of(&sandbox, &["query", "Merrill", "--count"]);
    assert_eq!(query_count.trim(), "1");
    let found = json_of(sandbox.newsdex(&["query", "Merrill", "--format", "json"]));
    assert_eq!(found["total"], 1);
    assert_eq!(found["hits"][0]["copies"], 2);
    let timeline =
        json_of(sandbox.newsdex(&["timeline", "--interval", "year", "--format", "json"]));
    assert_eq!(timeline[0]["articles"], 4, "{timeline}");
}

#[test]
fn a_day_means_the_articles_own_calendar_day() {
    let sandbox = wire_sandbox();
    let (_, stdout, _) = stdout_of(
        &sandbox,
        &["list", "--from", "2008-09-15", "--to", "2008-09-15"],
    );
    let titles: Vec<&str> = stdout.lines().collect();
    assert_eq!(titles.len(), 2, "{stdout}");
    assert!(
        stdout.contains("2008-09-15  Markets fall in Asia"),
        "{stdout}"
    );
    assert!(
        stdout.contains("2008-09-15  Merrill sold to Bank of America  [2 copies]"),
        "{stdout}"
    );
    assert!(
        !stdout.contains("Lehman"),
        "labelled 09-14 in its own zone: {stdout}"
    );
    let (_, long, _) = stdout_of(&sandbox, &["list", "--long", "--to", "2008-09-14"]);
    assert!(
        long.starts_with("2008-09-14T23:30:00-04:00  Lehman"),
        "{long}"
    );
    let (_, month, _) = stdout_of(
        &sandbox,
        &["list", "--count", "--from", "2008-09", "--to", "2008-09"],
    );
    assert_eq!(month.trim(), "4");
    let (_, year, _) = stdout_of(&sandbox, &["list", "--count", "--from", "2009"]);
    assert_eq!(year.trim(), "0");
}

#[test]
fn impossible_dates_say_which_part_is_wrong() {
    let sandbox = wire_sandbox();
    for (bound, message) in [
        (
            "2022-02-30",
            "there is no day 30 in February 2022 (it has 28 days)",
        ),
        ("2022-13", "there is no month 13"),
        (
            "last week",
            "expected a year (2022), a month (2022-02), a day",
        ),
    ] {
        let (code, _, stderr) = stdout_of(&sandbox, &["list", "--from", bound]);
        assert_eq!(code, Some(2));
        assert!(stderr.contains(message), "{bound}: {stderr}");
    }
}

#[test]
fn query_fields_that_do_not_exist_or_hold_dates_say_what_to_use() {
    let sandbox = wire_sandbox();
    let (_, _, stderr) = stdout_of(&sandbox, &["query", "nosuchfield:Lehman"]);
    assert!(
        stderr.contains("'nosuchfield' is not a field (fields: title, body, entity, quote, speaker, author, source)"),
        "{stderr}"
    );
    let (_, _, stderr) = stdout_of(&sandbox, &["query", "Lehman date:2008-09-15"]);
    assert!(
        stderr.contains("dates are filtered with --from and --to"),
        "{stderr}"
    );
    assert!(!stderr.contains("invalid format"), "{stderr}");
}

#[test]
fn filters_that_match_nothing_name_the_closest_values() {
    let sandbox = wire_sandbox();
    let (code, _, stderr) = stdout_of(&sandbox, &["list", "--entity", "Lehmann Brothers"]);
    assert_eq!(code, Some(1));
    assert!(
        stderr.contains(
            "no article matches --entity \"Lehmann Brothers\"; closest: \"Lehman Brothers\""
        ),
        "{stderr}"
    );
    let (_, _, stderr) = stdout_of(&sandbox, &["query", "bank", "--entity", "Nobody Atall"]);
    assert!(
        stderr.contains("nothing in the index comes close"),
        "{stderr}"
    );
}

#[test]
fn show_of_a_multi_article_file_names_the_keys_to_use() {
    let sandbox = wire_sandbox();
    let (code, _, stderr) = stdout_of(&sandbox, &["show", "news/wire.jsonl"]);
    assert_eq!(code, Some(2));
    assert!(
        stderr.contains(
            "news/wire.jsonl holds 5 articles: show one as news/wire.jsonl#N, N from 1 to 5"
        ),
        "{stderr}"
    );
    let (code, stdout, _) = stdout_of(&sandbox, &["show", "news/wire.jsonl#3"]);
    assert_eq!(code, Some(0));
    assert!(stdout.contains("Merrill"), "{stdout}");
}

#[test]
fn repeated_warnings_of_one_file_are_said_once() {
    let sandbox = Sandbox::new();
    let rows: String = (1..=12)
        .map(|row| format!("{{\"title\": \"Story {row}\", \"body\": \"Text of story number {row} about markets.\"}}\n"))
        .collect();
    sandbox.write("news/undated.jsonl", rows);
    let output = sandbox
        .newsdex(&["index", "news"])
        .output()
        .expect("run newsdex");
    let stderr = stderr_of(&output);
    let warnings: Vec<&str> = stderr
        .lines()
        .filter(|line| line.contains("no date found"))
        .collect();
    assert_eq!(warnings.len(), 1, "{stderr}");
    assert!(warnings[0].contains("(12 articles, from"), "{stderr}");
}

/// Regression: a file under a linked folder is keyed by the path as walked
/// (`corpus/linked/a.txt`), and `show` of the path the listing prints found
/// nothing because it looked for the link's target.
#[cfg(unix)]
#[test]
fn show_finds_a_file_by_the_path_printed_under_a_linked_folder() {
    let sandbox = Sandbox::new();
    sandbox.write(
        "elsewhere/reports/kyiv.txt",
        "date 2022-01-10 Talks in Kyiv resume\nOfficials met in Kyiv on Monday.\n",
    );
    std::fs::create_dir_all(sandbox.path().join("corpus")).unwrap();
    std::os::unix::fs::symlink(
        sandbox.path().join("elsewhere/reports"),
        sandbox.path().join("corpus/linked"),
    )
    .unwrap();
    sandbox.newsdex(&["index", "corpus"]).assert().success();
    let (code, listed, _) = stdout_of(&sandbox, &["list", "--format", "json"]);
    assert_eq!(code, Some(0));
    assert!(listed.contains("corpus/linked/kyiv.txt"), "{listed}");
    let (code, shown, stderr) = stdout_of(&sandbox, &["show", "corpus/linked/kyiv.txt"]);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(shown.contains("Talks in Kyiv resume"), "{shown}");
    // A `#N` on a one-article file names the key to use.
    let (code, _, stderr) = stdout_of(&sandbox, &["show", "corpus/linked/kyiv.txt#1"]);
    assert_eq!(code, Some(2));
    assert!(
        stderr.contains("holds one article: show it as corpus/linked/kyiv.txt"),
        "{stderr}"
    );
}
