//! Ranking on judged news: `newsdex eval` on the LA Times dev topics of
//! ../shared must beat raw tantivy BM25 (title + body, OR of the words) by 5 %
//! on nDCG@10 and MAP@100, with recall@100 no lower, so that a ranking
//! regression fails CI. Skips (with a note) where ../shared is missing.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests: a failed unwrap is a failed test

mod common;

use common::{shared_dir, stderr_of, Sandbox};

/// Raw tantivy BM25 on the dev topics (../shared/eval/trec-latimes/README.md).
const BASELINE_NDCG_AT_10: f64 = 0.508;
const BASELINE_MAP_AT_100: f64 = 0.466;
const BASELINE_RECALL_AT_100: f64 = 0.815;

/// The mean figures `newsdex eval` prints last: nDCG@10, P@10, MAP@100, R@100.
fn figures(stdout: &str) -> Vec<f64> {
    let last = stdout.lines().last().unwrap_or_default();
    last.split_whitespace()
        .filter_map(|word| word.parse::<f64>().ok())
        .collect()
}

#[test]
fn eval_on_the_dev_topics_beats_raw_bm25() {
    let eval_dir = shared_dir().join("eval/trec-latimes");
    if !eval_dir.join("qrels.txt").exists() {
        eprintln!("skipped: {} is missing", eval_dir.display());
        return;
    }
    // The LA Times files as TREC ships them: newsdex reads TREC SGML and
    // takes each article's id from its DOCNO, with no flags.
    let sandbox = Sandbox::new();
    let indexing = sandbox
        .newsdex(&["index", "--quiet"])
        .arg(eval_dir.join("docs"))
        .output()
        .unwrap();
    let indexing_stderr = stderr_of(&indexing);
    assert_eq!(indexing.status.code(), Some(0), "{indexing_stderr}");
    let topics = eval_dir.join("topics.txt");
    let qrels = eval_dir.join("qrels.txt");
    let output = sandbox
        .newsdex(&["eval", "--topics"])
        .arg(&topics)
        .arg("--qrels")
        .arg(&qrels)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(0), "{}", stderr_of(&output));
    assert!(stdout.contains("topics: 28"), "{stdout}");
    let [ndcg, _, map, recall] = figures(&stdout)[..] else {
        panic!("no figures in {stdout}");
    };
    assert!(
        ndcg >= BASELINE_NDCG_AT_10 * 1.05,
        "nDCG@10 {ndcg}: {stdout}"
    );
    assert!(map >= BASELINE_MAP_AT_100 * 1.05, "MAP@100 {map}: {stdout}");
    assert!(recall >= BASELINE_RECALL_AT_100, "R@100 {recall}: {stdout}");
}

/// A collection small enough to score by hand: two topics, one article
/// relevant to each, one to neither.
#[test]
fn eval_and_trec_runs_on_a_hand_scored_collection() {
    let sandbox = Sandbox::new();
    let articles = [
        ("D1", "Grain exports rose through the Black Sea ports."),
        (
            "D2",
            "The harbour reopened after the storm; grain ships left.",
        ),
        ("D3", "Storm damage closed the harbour for a week."),
    ];
    for (docno, body) in articles {
        let record = serde_json::json!({ "title": "", "date": "2022-01-10", "body": body });
        sandbox.write(&format!("docs/{docno}.json"), record.to_string());
    }
    sandbox.write("topics.txt", "1\tgrain exports\n2\tharbour storm\n");
    // Topic 1: D1 relevant; topic 2: D3 relevant, D2 judged not relevant.
    sandbox.write("qrels.txt", "1 0 D1 1\n2 0 D3 1\n2 0 D2 0\n");
    sandbox
        .newsdex(&["index", "--quiet", "docs"])
        .assert()
        .success();
    let run = sandbox
        .newsdex(&[
            "query",
            "grain exports",
            "--format",
            "trec",
            "--topic",
            "7",
            "--run-tag",
            "t",
        ])
        .output()
        .unwrap();
    let lines = String::from_utf8_lossy(&run.stdout).into_owned();
    let first: Vec<&str> = lines
        .lines()
        .next()
        .unwrap_or_default()
        .split(' ')
        .collect();
    assert_eq!(first[..4], ["7", "Q0", "D1", "1"], "{lines}");
    assert_eq!(first.get(5), Some(&"t"), "{lines}");
    let output = sandbox
        .newsdex(&[
            "eval",
            "--topics",
            "topics.txt",
            "--qrels",
            "qrels.txt",
            "--per-topic",
        ])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    assert_eq!(output.status.code(), Some(0), "{}", stderr_of(&output));
    // Each relevant article holds both words of its topic, the others one at most.
    let perfect = "nDCG@10 1.000  P@10 0.100  MAP@100 1.000  R@100 1.000";
    let expected = format!("1  {perfect}\n2  {perfect}\ntopics: 2\n{perfect}\n");
    assert_eq!(stdout, expected);
    let [ndcg, precision, map, recall] = figures(&stdout)[..] else {
        panic!("no figures in {stdout}");
    };
    assert!(
        (ndcg - 1.0).abs() < 1e-9 && (map - 1.0).abs() < 1e-9,
        "{stdout}"
    );
    assert!(
        (precision - 0.1).abs() < 1e-9 && (recall - 1.0).abs() < 1e-9,
        "{stdout}"
    );
}
