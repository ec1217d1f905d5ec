use std::collections::{BTreeMap, HashMap};
use std::sync::atomic::AtomicBool;
use std::time::Duration;

use super::*;
use crate::engine::state::{BatchFile, SentFile};

/// A node holding `held[id]` documents of each batch: answers count queries
/// of the form `batch:IN [..]`, and counts the queries it answered.
struct FakeNode {
    held: HashMap<u64, u64>,
    queries: usize,
}

impl FakeNode {
    fn count(&mut self, query: &str) -> Result<u64> {
        self.queries += 1;
        let list = query
            .strip_prefix("batch:IN [")
            .and_then(|rest| rest.strip_suffix(']'))
            .expect("a batch query");
        let total = list
            .split_whitespace()
            .map(|id| {
                self.held
                    .get(&id.parse::<u64>().unwrap())
                    .copied()
                    .unwrap_or(0)
            })
            .sum();
        Ok(total)
    }
}

fn file(hash: u64) -> SentFile {
    SentFile {
        size: 10,
        mtime: 20,
        hash,
        articles: 2,
    }
}

fn batch(id: u64, keys: &[&str], replaces: Option<u64>) -> SentBatch {
    let files: BTreeMap<String, BatchFile> = keys
        .iter()
        .map(|key| {
            let sent = file(id * 100);
            (key.to_string(), BatchFile { sent, replaces })
        })
        .collect();
    SentBatch {
        id,
        docs: 2 * keys.len() as u64,
        answered: true,
        files,
    }
}

/// The end of a run that does not wait: what the node holds now is all it holds.
fn settle_now(state: &mut SentState, node: &mut FakeNode) -> GivenUp {
    let mut count = |query: &str| node.count(query);
    settle(
        state,
        Some(Duration::ZERO),
        &AtomicBool::new(false),
        &mut count,
    )
    .unwrap()
}

#[test]
fn whole_batches_are_recorded_and_a_lost_one_is_given_up_and_watched() {
    let mut state = SentState::default();
    state.files.insert("/c/edited.txt".to_string(), file(7));
    state
        .unconfirmed
        .push(batch(1, &["/c/a.txt", "/c/edited.txt"], None));
    state.unconfirmed[0]
        .files
        .get_mut("/c/edited.txt")
        .unwrap()
        .replaces = Some(7);
    // Answered, then lost by a killed node: none of its documents is found.
    state
        .unconfirmed
        .push(batch(2, &["/c/b.txt", "/c/c.txt"], None));
    // Half indexed when the node died.
    state.unconfirmed.push(batch(3, &["/c/d.txt"], None));
    let mut node = FakeNode {
        held: HashMap::from([(1, 4), (3, 1)]),
        queries: 0,
    };
    let given_up = settle_now(&mut state, &mut node);
    assert_eq!(
        given_up,
        GivenUp {
            batches: 2,
            docs: 6,
            files: 3
        }
    );
    assert!(state.unconfirmed.is_empty());
    assert_eq!(state.files["/c/a.txt"].hash, 100);
    assert_eq!(state.files["/c/edited.txt"].hash, 100);
    // The lost files stay unrecorded: the next run sends them again.
    assert!(!state.files.contains_key("/c/b.txt"));
    assert!(!state.files.contains_key("/c/d.txt"));
    assert_eq!(
        state.pending_deletes,
        [
            "source_file:\"/c/edited.txt\" AND file_hash:7",
            "batch:2",
            "batch:3"
        ]
    );
    let watched: Vec<u64> = state.abandoned.iter().map(|batch| batch.id).collect();
    assert_eq!(watched, [2, 3]);
}

#[test]
fn an_interrupted_run_leaves_what_is_not_whole_for_the_next_run() {
    let mut state = SentState::default();
    state.unconfirmed.push(batch(1, &["/c/a.txt"], None));
    state.unconfirmed.push(batch(2, &["/c/b.txt"], None));
    let mut node = FakeNode {
        held: HashMap::from([(1, 2)]),
        queries: 0,
    };
    let mut count = |query: &str| node.count(query);
    let given_up = settle(&mut state, None, &AtomicBool::new(false), &mut count).unwrap();
    assert_eq!(given_up, GivenUp::default());
    assert!(state.files.contains_key("/c/a.txt"));
    assert_eq!(state.unconfirmed.len(), 1);
    assert_eq!(state.unconfirmed[0].id, 2);
    assert!(state.pending_deletes.is_empty() && state.abandoned.is_empty());
}

#[test]
fn one_missing_batch_among_many_is_found_with_few_queries() {
    let mut state = SentState::default();
    let mut held = HashMap::new();
    for id in 1..=600 {
        let key = format!("/c/{id}.txt");
        state.unconfirmed.push(batch(id, &[key.as_str()], None));
        if id != 437 {
            held.insert(id, 2);
        }
    }
    let mut node = FakeNode { held, queries: 0 };
    let given_up = settle_now(&mut state, &mut node);
    assert_eq!(given_up.batches, 1);
    assert_eq!(state.files.len(), 599);
    assert_eq!(state.abandoned[0].id, 437);
    // Three groups of at most 256, and one halving path down to the missing id.
    assert!(node.queries <= 3 + 2 * 9, "{} queries", node.queries);
}

#[test]
fn a_watched_batch_that_shows_up_late_is_deleted_and_old_ones_are_forgotten() {
    let mut state = SentState::default();
    let now = now_secs();
    state.abandoned = vec![
        Abandoned { id: 5, since: now },
        Abandoned { id: 6, since: now },
        Abandoned {
            id: 7,
            since: now - WATCH_SECS - 1,
        },
    ];
    let mut node = FakeNode {
        held: HashMap::from([(6, 3), (7, 3)]),
        queries: 0,
    };
    let mut count = |query: &str| node.count(query);
    watch_abandoned(&mut state, &mut count).unwrap();
    assert_eq!(state.pending_deletes, ["batch:6"]);
    let watched: Vec<u64> = state.abandoned.iter().map(|batch| batch.id).collect();
    assert_eq!(watched, [5, 6]);
}
