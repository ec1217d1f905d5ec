//! Crash safety: a run killed at any point leaves an index that opens, holds
//! what was last committed, and is completed by the next run with exactly one
//! document per article.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests: a failed unwrap is a failed test
#![cfg(unix)]

mod common;

use std::collections::HashSet;
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

use common::{listed_paths, Sandbox};

const ARTICLES: usize = 3000;

fn write_corpus(sandbox: &Sandbox) {
    for number in 0..ARTICLES {
        let day = 1 + number % 28;
        let text = format!(
            " date 2022-02-{day:02} Dispatch {number} from the harbour office. \
             The ferry schedule changed again on route {number}, officials said.\n\n\
             “We expect the crossing to reopen soon,” said Ilse Varga, the harbour master."
        );
        sandbox.write(&format!("big/{:02}/{number:05}.txt", number % 50), text);
    }
}

fn spawn_index(sandbox: &Sandbox) -> Child {
    spawn_index_committing_every(sandbox, "0.2")
}

fn spawn_index_committing_every(sandbox: &Sandbox, seconds: &str) -> Child {
    let mut command = std::process::Command::new(assert_cmd::cargo::cargo_bin("newsdex"));
    command
        .current_dir(sandbox.path())
        .arg("--index")
        .arg(sandbox.index_dir())
        .args(["index", "--quiet", "--commit-every", seconds, "big"])
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    command.spawn().unwrap()
}

/// A new run finishes the job: exactly one document per article, no duplicate path.
fn complete_and_check(sandbox: &Sandbox, context: &str) {
    sandbox
        .newsdex(&["index", "--quiet", "big"])
        .assert()
        .success();
    let paths = listed_paths(sandbox);
    let unique: HashSet<_> = paths.iter().collect();
    assert_eq!(
        (paths.len(), unique.len()),
        (ARTICLES, ARTICLES),
        "{context}"
    );
}

#[test]
fn sigkill_at_any_point_loses_only_uncommitted_work() {
    let sandbox = Sandbox::new();
    write_corpus(&sandbox);
    for delay_ms in [150, 600, 1200, 2500] {
        let mut child = spawn_index(&sandbox);
        std::thread::sleep(Duration::from_millis(delay_ms));
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();
        // Killed before the index's first meta.json: there is no index yet
        // (`no index at …`, exit 2), which the next run creates.
        if !sandbox.index_dir().join("meta.json").exists() {
            continue;
        }
        let paths = listed_paths(&sandbox);
        let unique: HashSet<_> = paths.iter().collect();
        assert_eq!(
            unique.len(),
            paths.len(),
            "duplicate paths after a kill at {delay_ms} ms"
        );
        assert!(paths.len() <= ARTICLES);
    }
    complete_and_check(&sandbox, "after the kills");
}

/// Sends `signal` to an index run in progress: it stops within seconds with
/// exit 130, keeps what it committed, and the next run finishes the job.
fn signal_stops_quickly_and_keeps_what_was_done(signal: &str) {
    let sandbox = Sandbox::new();
    write_corpus(&sandbox);
    let child = spawn_index(&sandbox);
    // Signal as soon as the run is under way (its index exists), so that it
    // arrives before the end even on a fast machine.
    let started = Instant::now();
    while !sandbox.index_dir().join("meta.json").exists()
        && started.elapsed() < Duration::from_secs(30)
    {
        std::thread::sleep(Duration::from_millis(10));
    }
    std::thread::sleep(Duration::from_millis(100));
    let pid = child.id().to_string();
    let sent = Instant::now();
    std::process::Command::new("kill")
        .args([signal, &pid])
        .status()
        .unwrap();
    let output = child.wait_with_output().unwrap();
    let stopped_after = sent.elapsed();
    let stderr = String::from_utf8_lossy(&output.stderr);
    // A run that finished before the signal arrived would prove nothing.
    assert!(
        !output.status.success(),
        "the index run finished before {signal} arrived: the test must interrupt a run"
    );
    assert!(
        stopped_after < Duration::from_secs(3),
        "took {stopped_after:?} to stop"
    );
    assert_eq!(output.status.code(), Some(130), "{signal}: {stderr}");
    assert!(stderr.contains("interrupted"), "{stderr}");
    // The hint repeats the user's own index folder and paths.
    assert!(stderr.contains("run 'newsdex --index "), "{stderr}");
    assert!(stderr.contains(" index big' again"), "{stderr}");
    let kept = listed_paths(&sandbox).len();
    sandbox
        .newsdex(&["index", "--quiet", "big"])
        .assert()
        .success();
    assert_eq!(listed_paths(&sandbox).len(), ARTICLES, "after {kept} kept");
}

#[test]
fn sigint_stops_quickly_and_keeps_what_was_done() {
    signal_stops_quickly_and_keeps_what_was_done("-INT");
}

#[test]
fn sigterm_and_sighup_stop_as_cleanly_as_sigint() {
    signal_stops_quickly_and_keeps_what_was_done("-TERM");
    signal_stops_quickly_and_keeps_what_was_done("-HUP");
}

#[test]
fn queries_during_an_index_run_see_whole_articles_only() {
    let sandbox = Sandbox::new();
    write_corpus(&sandbox);
    // A first small run so the index exists before queries start.
    sandbox.write(
        "big/00/first.txt",
        " date 2022-02-01 The harbour office opened.",
    );
    let mut child = spawn_index(&sandbox);
    let mut totals = Vec::new();
    let started = Instant::now();
    while child.try_wait().unwrap().is_none() && started.elapsed() < Duration::from_secs(60) {
        let output = sandbox
            .newsdex(&[
                "query",
                "ferry",
                "--all-copies",
                "--limit",
                "50",
                "--format",
                "json",
            ])
            .output()
            .unwrap();
        match output.status.code() {
            Some(0) => {
                let result: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
                for hit in result["hits"].as_array().unwrap() {
                    assert!(
                        hit["title"].as_str().unwrap().starts_with("Dispatch"),
                        "{hit}"
                    );
                    assert!(
                        hit["date"].as_str().unwrap().starts_with("2022-02-"),
                        "{hit}"
                    );
                    assert!(hit["snippet"].as_str().unwrap().contains("ferry"), "{hit}");
                }
                totals.push(result["total"].as_u64().unwrap());
            }
            // Before the first commit there is no index yet, or nothing matches.
            Some(1 | 2) => {}
            other => panic!("query exit {other:?}"),
        }
    }
    child.wait().unwrap();
    assert!(
        totals.windows(2).all(|pair| pair[0] <= pair[1]),
        "totals went down: {totals:?}"
    );
    assert_eq!(listed_paths(&sandbox).len(), ARTICLES + 1);
}

/// With no periodic commit, the only commit is the final one: kills spread over
/// the last part of the run land before, during and after it. Either nothing or
/// everything is in the index afterwards, never a part or a duplicate.
#[test]
fn sigkill_around_the_final_commit_keeps_all_or_nothing() {
    let sandbox = Sandbox::new();
    write_corpus(&sandbox);
    let started = Instant::now();
    let mut child = spawn_index_committing_every(&sandbox, "1000");
    child.wait().unwrap();
    let full_run = started.elapsed();
    for percent in [70u32, 80, 88, 94, 97, 100] {
        std::fs::remove_dir_all(sandbox.index_dir()).unwrap();
        let mut child = spawn_index_committing_every(&sandbox, "1000");
        std::thread::sleep(full_run * percent / 100);
        let _ = child.kill();
        child.wait().unwrap();
        let count = if sandbox.index_dir().join("meta.json").exists() {
            listed_paths(&sandbox).len()
        } else {
            0
        };
        assert!(
            count == 0 || count == ARTICLES,
            "kill at {percent} %: {count} articles"
        );
        complete_and_check(&sandbox, &format!("after a kill at {percent} %"));
    }
}
