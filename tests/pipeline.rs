//! `index`, `extract` and `bench` run one ingest pipeline: over the same
//! files they see the same articles.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests: a failed unwrap is a failed test

mod common;

use std::collections::BTreeMap;

use common::{json_of, Sandbox};
use serde_json::Value;

/// key (file name and `#N`) -> (title, date, entity names)
type Seen = BTreeMap<String, (String, Value, Vec<String>)>;

fn file_part(path: &str) -> String {
    path.rsplit('/').next().unwrap_or(path).to_string()
}

fn entity_names(article: &Value) -> Vec<String> {
    let mut names: Vec<String> = article["entities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|entity| entity["name"].as_str().unwrap().to_string())
        .collect();
    names.sort();
    names
}

fn seen(articles: &[Value]) -> Seen {
    articles
        .iter()
        .map(|article| {
            let key = file_part(article["path"].as_str().unwrap());
            let title = article["title"].as_str().unwrap().to_string();
            (key, (title, article["date"].clone(), entity_names(article)))
        })
        .collect()
}

#[test]
fn index_extract_and_bench_see_the_same_articles() {
    let sandbox = Sandbox::new();
    let corpus = sandbox.copy_corpus();
    sandbox.write(
        "corpus/wire.jsonl",
        "{\"title\": \"Port reopens\", \"date\": \"2022-03-01\", \"body\": \"The port of Odesa reopened, officials said.\"}\n\
         {\"title\": \"Talks resume\", \"date\": \"2022-03-02\", \"body\": \"Talks in Istanbul resumed on Tuesday.\"}\n",
    );
    sandbox
        .newsdex(&["index", "--quiet"])
        .arg(&corpus)
        .assert()
        .success();
    let listed = json_of(sandbox.newsdex(&[
        "list",
        "--limit",
        "1000",
        "--all-copies",
        "--format",
        "json",
    ]));
    let undated = json_of(sandbox.newsdex(&[
        "query",
        "the OR a OR of",
        "--limit",
        "1000",
        "--all-copies",
        "--format",
        "json",
    ]));
    let mut indexed = seen(listed["hits"].as_array().unwrap());
    for (key, value) in seen(undated["hits"].as_array().unwrap()) {
        indexed.entry(key).or_insert(value);
    }

    let output = sandbox.newsdex(&["extract"]).arg(&corpus).output().unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let extracted_lines: Vec<Value> = String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    let extracted = seen(&extracted_lines);
    assert_eq!(extracted.len(), 34, "32 files and a file of two records");
    for (key, value) in &extracted {
        assert_eq!(indexed.get(key), Some(value), "{key}");
    }

    let corpus_arg = corpus.to_string_lossy().into_owned();
    let bench = json_of(sandbox.newsdex(&[
        "bench",
        &corpus_arg,
        "--rounds",
        "1",
        "--repeat",
        "1",
        "--format",
        "json",
    ]));
    assert_eq!(bench["newsdex"]["articles"], 34);
    assert_eq!(bench["baseline"]["articles"], 34);
}
