//! Boilerplate learned from the corpus: a short line that recurs across a
//! source's articles (a site's subscription prompt, a photo credit) is left
//! out of what is indexed, searched, snippeted and extracted; `inspect` names
//! it; `--keep-boilerplate` keeps it.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests: a failed unwrap is a failed test

mod common;

use common::{json_of, stderr_of, Sandbox};

const PROMPT: &str = "Subscribe to the Harbour Gazette for unlimited access";
const CREDIT: &str = "Photo: Gazette Archive Service";

/// 40 stories of a made-up site, each with its own words and the site's two lines.
fn write_site(sandbox: &Sandbox) {
    let towns = ["Alderley", "Brampton", "Carrick", "Dunmore", "Elsworth"];
    for number in 0..40 {
        let town = towns[number % towns.len()];
        let story = format!(
            " date 2022-03-{day:02}\nFerry service {number} resumes in {town}\n{PROMPT}\nMayor Jane Holloway said the ferry number {number} would sail from {town} at noon.\n{CREDIT}\nPassengers in {town} welcomed crossing {number}.\n",
            day = 1 + number % 28
        );
        sandbox.write(&format!("site/story-{number:02}.txt"), story);
    }
}

fn entity_names(sandbox: &Sandbox) -> Vec<String> {
    let report = json_of(sandbox.newsdex(&["entities", "-n", "50", "--format", "json"]));
    report
        .as_array()
        .unwrap()
        .iter()
        .map(|entity| entity["name"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn a_line_repeated_across_a_source_is_left_out_of_search_snippets_and_entities() {
    let sandbox = Sandbox::new();
    write_site(&sandbox);
    let site = sandbox.path().join("site");
    let site_arg = site.to_str().unwrap();

    let indexed = sandbox.newsdex(&["index", site_arg]).output().unwrap();
    assert!(indexed.status.success(), "{}", stderr_of(&indexed));
    let summary = stderr_of(&indexed);
    // The summary names the layouts read (issue 11) ...
    assert!(
        summary.contains("read as plain text (40 files)"),
        "{summary}"
    );
    // ... and the boilerplate left out.
    assert!(
        summary.contains("2 lines repeated across articles left out as boilerplate"),
        "{summary}"
    );
    // The site's prompt is not searchable any more; the stories are.
    sandbox
        .newsdex(&["query", "unlimited access"])
        .assert()
        .code(1);
    let hits = json_of(sandbox.newsdex(&["query", "ferry", "--format", "json", "-n", "50"]));
    let results = hits["hits"].as_array().unwrap();
    assert_eq!(results.len(), 40);
    for hit in results {
        let shown = hit.to_string();
        assert!(
            !shown.contains("Subscribe") && !shown.contains("Archive Service"),
            "{shown}"
        );
    }
    let names = entity_names(&sandbox);
    assert!(
        names.iter().any(|name| name == "Jane Holloway"),
        "{names:?}"
    );
    assert!(
        !names.iter().any(|name| name.contains("Gazette")),
        "{names:?}"
    );

    // inspect says which lines and why.
    let inspected = sandbox.newsdex(&["inspect", site_arg]).output().unwrap();
    let report = String::from_utf8_lossy(&inspected.stdout);
    assert!(
        report.contains(&format!("\"{PROMPT}\" in 40 of 40 sampled articles (")),
        "{report}"
    );
    assert!(report.contains(CREDIT), "{report}");

    // --keep-boilerplate keeps every line.
    let keeping = Sandbox::new();
    keeping
        .newsdex(&["index", "--keep-boilerplate", site_arg])
        .assert()
        .success();
    let kept =
        json_of(keeping.newsdex(&["query", "unlimited access", "--format", "json", "-n", "50"]));
    assert_eq!(kept["hits"].as_array().unwrap().len(), 40);
}

#[test]
fn extract_leaves_the_same_lines_out() {
    let sandbox = Sandbox::new();
    write_site(&sandbox);
    let site = sandbox.path().join("site");
    let output = sandbox
        .newsdex(&["extract", site.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    let articles = String::from_utf8_lossy(&output.stdout);
    assert_eq!(articles.lines().count(), 40);
    assert!(!articles.contains(PROMPT) && !articles.contains(CREDIT));
    assert!(articles.contains("Jane Holloway"));
}
