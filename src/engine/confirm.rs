//! Trust, then verify: what a batch's answer promises is checked by a search
//! before its files are recorded as sent.
//!
//! Quickwit answers an ingest request once the documents are in a node's
//! write-ahead log, and a node killed right after can come back without them:
//! `tests/quickwit.rs` kills a one-node 0.9 cluster while newsdex sends, and in
//! about one run of six an answered batch of 19 documents never became
//! searchable (checked for 240 s). So the files of a batch are recorded as
//! sent only once a search finds every document of it. A batch not found whole
//! in time is given up on: what is indexed of it is deleted, its files stay
//! unrecorded (the next run reads and sends them again), and its id is
//! watched for a week, because a delete task reaches only documents already
//! indexed: any of its documents that shows up later is deleted when seen.

use std::collections::HashSet;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use crate::engine::mapping::{batch_query, file_delete_query, BATCH_FIELD};
use crate::engine::state::{Abandoned, SentBatch, SentState};
use crate::error::Result;

/// How long the end of a run waits for its batches to become searchable (the
/// index commits every 10 s; the last batch is sent with a forced commit).
pub const SETTLE_WAIT: Duration = Duration::from_secs(60);

/// How long a batch given up on is watched for documents that show up late.
const WATCH_SECS: u64 = 7 * 24 * 3600;

/// Batch ids per count query.
const IDS_PER_QUERY: usize = 256;

/// What could not be confirmed: given up on, to be sent again by the next run.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct GivenUp {
    pub batches: u64,
    pub docs: u64,
    pub files: u64,
}

fn now_secs() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |elapsed| elapsed.as_secs())
}

/// The ids of `batches` whose documents are all searchable now. One count
/// query per group of ids; a group that falls short is halved until the
/// batches that are not whole are found.
fn whole_batches(
    batches: &[SentBatch],
    count: &mut dyn FnMut(&str) -> Result<u64>,
) -> Result<HashSet<u64>> {
    let mut whole = HashSet::new();
    for group in batches.chunks(IDS_PER_QUERY) {
        find_whole(group, count, &mut whole)?;
    }
    Ok(whole)
}

fn find_whole(
    group: &[SentBatch],
    count: &mut dyn FnMut(&str) -> Result<u64>,
    whole: &mut HashSet<u64>,
) -> Result<()> {
    let ids: Vec<u64> = group.iter().map(|batch| batch.id).collect();
    let expected: u64 = group.iter().map(|batch| batch.docs).sum();
    let held = count(&batch_query(&ids))?;
    if held == expected {
        whole.extend(ids);
        return Ok(());
    }
    if group.len() == 1 || held == 0 {
        return Ok(());
    }
    let (left, right) = group.split_at(group.len() / 2);
    find_whole(left, count, whole)?;
    find_whole(right, count, whole)
}

/// Records the files of the `whole` batches as sent, and asks for the
/// deletion of the versions they replace.
fn confirm(state: &mut SentState, whole: &HashSet<u64>) {
    let (done, waiting): (Vec<SentBatch>, Vec<SentBatch>) = std::mem::take(&mut state.unconfirmed)
        .into_iter()
        .partition(|batch| whole.contains(&batch.id));
    state.unconfirmed = waiting;
    for batch in done {
        for (key, file) in batch.files {
            if let Some(old_hash) = file.replaces {
                let old_version = file_delete_query(&key, Some(old_hash));
                state.pending_deletes.push(old_version);
            }
            state.files.insert(key, file.sent);
        }
    }
}

/// Gives up on the batch `id`: what is indexed of it is deleted, and it is
/// watched for documents that show up later.
pub fn abandon(state: &mut SentState, id: u64) {
    state.pending_deletes.push(format!("{BATCH_FIELD}:{id}"));
    let since = now_secs();
    state.abandoned.push(Abandoned { id, since });
}

/// Gives up on every batch still unconfirmed (see the module's note).
fn give_up(state: &mut SentState) -> GivenUp {
    let mut given_up = GivenUp::default();
    for batch in std::mem::take(&mut state.unconfirmed) {
        given_up.batches += 1;
        given_up.docs += batch.docs;
        given_up.files += batch.files.len() as u64;
        abandon(state, batch.id);
    }
    given_up
}

/// Confirms the unconfirmed batches that are whole on the engine. With
/// `give_up_after`, waits up to that long for the others, then gives them
/// up; without (an interrupted run), or when `stop` is set while it waits,
/// leaves them unconfirmed: the next run settles them.
pub fn settle(
    state: &mut SentState,
    give_up_after: Option<Duration>,
    stop: &AtomicBool,
    count: &mut dyn FnMut(&str) -> Result<u64>,
) -> Result<GivenUp> {
    let started = Instant::now();
    while !state.unconfirmed.is_empty() {
        let whole = whole_batches(&state.unconfirmed, count)?;
        confirm(state, &whole);
        let Some(wait) = give_up_after else {
            return Ok(GivenUp::default());
        };
        if state.unconfirmed.is_empty() || started.elapsed() >= wait {
            break;
        }
        if stop.load(Ordering::Relaxed) {
            return Ok(GivenUp::default());
        }
        std::thread::sleep(Duration::from_secs(1));
    }
    Ok(give_up(state))
}

/// Asks for the deletion of the batches given up on that have documents on
/// the engine now; forgets those watched for longer than a week.
pub fn watch_abandoned(
    state: &mut SentState,
    count: &mut dyn FnMut(&str) -> Result<u64>,
) -> Result<()> {
    let now = now_secs();
    state
        .abandoned
        .retain(|batch| now.saturating_sub(batch.since) < WATCH_SECS);
    let ids: Vec<u64> = state.abandoned.iter().map(|batch| batch.id).collect();
    for group in ids.chunks(IDS_PER_QUERY) {
        if count(&batch_query(group))? == 0 {
            continue;
        }
        for id in group {
            if count(&batch_query(&[*id]))? > 0 {
                state.pending_deletes.push(format!("{BATCH_FIELD}:{id}"));
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests;
