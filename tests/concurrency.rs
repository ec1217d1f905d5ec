//! Two writers never share an index: the second is refused with a clear message
//! and changes nothing.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests: a failed unwrap is a failed test

mod common;

use common::{stderr_of, Sandbox};
use newsdex::index::NewsIndex;
use tantivy::{IndexWriter, TantivyDocument};

#[test]
fn second_writer_is_refused_and_changes_nothing() {
    let sandbox = Sandbox::new();
    sandbox.write(
        "news/a.txt",
        " date 2022-01-10 The harbour reopened after the storm.",
    );
    sandbox
        .newsdex(&["index", "--quiet", "news"])
        .assert()
        .success();

    let news_index = NewsIndex::open(&sandbox.index_dir()).unwrap();
    let held: IndexWriter<TantivyDocument> = news_index.index.writer(15_000_000).unwrap();

    sandbox.write(
        "news/b.txt",
        " date 2022-01-11 The bridge closed for repairs.",
    );
    let output = sandbox.newsdex(&["index", "news"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = stderr_of(&output);
    assert!(
        stderr.contains("is being written by another newsdex process"),
        "{stderr}"
    );
    drop(held);

    sandbox.newsdex(&["query", "bridge"]).assert().code(1);
    sandbox.newsdex(&["query", "harbour"]).assert().code(0);
}
