//! `newsdex index --engine quickwit://...`: the one ingest pipeline
//! ([`crate::ingest`]) feeding Quickwit's ingest API in NDJSON batches.
//!
//! Incremental like the local index: the state file ([`super::state`]) says
//! what was sent; unchanged files are not read, a changed file's new articles
//! are sent and its old ones deleted, a vanished file's articles deleted.
//! Every document carries the id of the request it came in (`batch`). A
//! batch is recorded as unconfirmed before it is sent, and its files as sent
//! only once a search finds it whole ([`super::confirm`]): a batch whose
//! answer never came is sent again under a new id, one answered but lost by
//! a killed node is sent again by the next run, and documents of a batch
//! given up on that show up late are deleted, so nothing is lost and
//! nothing is doubled.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::Duration;

use serde_json::Value;

use crate::corpus::{SourceFile, Walk};
use crate::engine::client::{Commit, Quickwit};
use crate::engine::confirm::{abandon, settle, watch_abandoned, GivenUp, SETTLE_WAIT};
use crate::engine::mapping::{file_delete_query, index_config, mapping_difference, BATCH_FIELD};
use crate::engine::prepare::{report, ReadRun, ToSend, QUEUED_FILES};
use crate::engine::shard::Shard;
use crate::engine::state::{state_path, BatchFile, SentBatch, SentFile, SentState};
use crate::error::{Error, Result};
use crate::index::document::hash64;
use crate::index::learn_boilerplate;
use crate::index::writer::{is_mass_delete, is_under, IndexEvents, IndexSummary};
use crate::ingest::boilerplate::Boilerplate;
use crate::parse::FieldOverrides;

#[derive(Debug, Clone)]
pub struct SendOptions {
    pub threads: usize,
    pub fields: FieldOverrides,
    pub max_file_bytes: u64,
    pub shard: Option<Shard>,
    /// Where the state file of each engine URL is kept.
    pub state_dir: PathBuf,
    pub allow_mass_delete: bool,
    /// A batch is sent once its NDJSON passes this many bytes.
    pub batch_bytes: usize,
    /// Keep the lines repeated across a source's articles ([`crate::ingest::boilerplate`]).
    pub keep_boilerplate: bool,
}

/// A fresh batch id: unique across machines and runs.
fn new_batch_id(shard: Option<Shard>) -> u64 {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |elapsed| elapsed.as_nanos());
    let seed = format!(
        "{nanos} {} {:?} {}",
        std::process::id(),
        shard,
        COUNTER.fetch_add(1, Ordering::Relaxed)
    );
    // Kept below 2^63 so that every JSON reader reads it exactly.
    hash64(seed.as_bytes()) >> 1
}

/// One run's connection, state and batch being filled.
struct Sender<'a> {
    engine: &'a Quickwit,
    options: &'a SendOptions,
    state: SentState,
    state_file: PathBuf,
    /// Files of the batch: key, what is sent, what was sent before.
    batch_files: Vec<(String, SentFile, Option<SentFile>)>,
    batch_lines: Vec<Value>,
    batch_bytes: usize,
    rejected: u64,
}

impl Sender<'_> {
    fn save(&self) -> Result<()> {
        self.state.save(&self.state_file)
    }

    /// Sends the deletes the engine has not yet accepted; they stay recorded
    /// until it has.
    fn flush_deletes(&mut self) -> Result<()> {
        while let Some(query) = self.state.pending_deletes.first().cloned() {
            self.engine
                .delete_documents(&query)
                .map_err(|failure| self.engine.error("sending a delete task", &failure))?;
            self.state.pending_deletes.remove(0);
            self.save()?;
        }
        Ok(())
    }

    /// Sends the batch, recorded as unconfirmed until a search finds it
    /// whole ([`super::confirm`]). A request that got no answer may or may
    /// not have been carried out: it is given up on and the batch is sent
    /// again under a new id.
    fn send_batch(&mut self, commit: Commit) -> Result<()> {
        if self.batch_lines.is_empty() {
            return Ok(());
        }
        let files: BTreeMap<String, BatchFile> = self
            .batch_files
            .drain(..)
            .map(|(key, sent, before)| {
                let replaces = before.map(|old| old.hash);
                (key, BatchFile { sent, replaces })
            })
            .collect();
        let docs = self.batch_lines.len() as u64;
        let mut attempt = 1;
        loop {
            let batch = new_batch_id(self.options.shard);
            let mut ndjson = Vec::with_capacity(self.batch_bytes + 64 * self.batch_lines.len());
            for line in &mut self.batch_lines {
                line[BATCH_FIELD] = Value::from(batch);
                // Serialising a JSON value cannot fail.
                let _ = serde_json::to_writer(&mut ndjson, line);
                ndjson.push(b'\n');
            }
            self.state.unconfirmed.push(SentBatch {
                id: batch,
                docs,
                answered: false,
                files: files.clone(),
            });
            self.save()?;
            match self.engine.ingest(&ndjson, commit) {
                Ok(counts) => {
                    self.rejected += counts.rejected;
                    if let Some(sent) = self.state.unconfirmed.last_mut() {
                        sent.answered = true;
                        sent.docs = docs.saturating_sub(counts.rejected);
                    }
                    break;
                }
                Err(failure) if failure.is_transient() && attempt < self.engine.retry.attempts => {
                    self.state.unconfirmed.pop();
                    abandon(&mut self.state, batch);
                    std::thread::sleep(self.engine.backoff(attempt));
                    attempt += 1;
                }
                // It stays unconfirmed: the next run settles it.
                Err(failure) => {
                    return Err(self.engine.error("sending articles", &failure));
                }
            }
        }
        self.batch_lines.clear();
        self.batch_bytes = 0;
        self.save()?;
        self.flush_deletes()
    }

    /// Confirms what is whole on the engine ([`super::confirm::settle`]),
    /// then watches the batches given up on.
    fn settle(&mut self, give_up_after: Option<Duration>, stop: &AtomicBool) -> Result<GivenUp> {
        let engine = self.engine;
        let mut count = |query: &str| engine.count(query);
        let given_up = settle(&mut self.state, give_up_after, stop, &mut count)?;
        watch_abandoned(&mut self.state, &mut count)?;
        self.save()?;
        self.flush_deletes()?;
        Ok(given_up)
    }

    /// Adds a file's documents, sending the batch first when it is full (so
    /// that the run's last batch is never empty and is sent with a commit).
    fn add_file(
        &mut self,
        key: &str,
        sent: SentFile,
        before: Option<SentFile>,
        lines: Vec<Value>,
    ) -> Result<()> {
        let size: usize = lines.iter().map(|line| line.to_string().len() + 1).sum();
        if self.batch_bytes + size > self.options.batch_bytes && !self.batch_lines.is_empty() {
            self.send_batch(Commit::Auto)?;
        }
        self.batch_bytes += size;
        self.batch_lines.extend(lines);
        self.batch_files.push((key.to_string(), sent, before));
        Ok(())
    }

    /// A file that no longer gives articles: what was sent of it goes.
    fn forget_file(&mut self, key: &str) {
        if self.state.files.remove(key).is_some() {
            self.state
                .pending_deletes
                .push(file_delete_query(key, None));
        }
    }
}

/// Creates the index from newsdex's mapping, or checks that the existing
/// one has it (an index of another mapping is refused, never changed).
pub fn ensure_index(engine: &Quickwit) -> Result<()> {
    let wanted = index_config(&engine.url.index);
    match engine.index_config()? {
        None => engine.create_index(&wanted),
        Some(existing) => match mapping_difference(&existing, &wanted) {
            None => Ok(()),
            Some(difference) => Err(Error::Engine {
                url: engine.url.to_string(),
                reason: format!(
                    "the index exists with another mapping ({difference}); newsdex does not change it: choose another index name"
                ),
            }),
        },
    }
}

impl Sender<'_> {
    fn take(&mut self, item: ToSend) -> Result<()> {
        match item {
            ToSend::File {
                key,
                sent,
                before,
                lines,
            } => self.add_file(&key, sent, before, lines),
            ToSend::Unchanged { key, sent } => {
                self.state.files.insert(key, sent);
                Ok(())
            }
            ToSend::Forget { key } => {
                self.forget_file(&key);
                Ok(())
            }
        }
    }
}

/// Sends the files of `walk` that changed since the last run to the engine.
/// Reading and extracting (on `options.threads` threads) overlap with
/// sending (one thread that owns the batch and the state file), so that
/// neither waits for the other.
pub fn send_files(
    engine: &Quickwit,
    walk: Walk,
    options: &SendOptions,
    events: &dyn IndexEvents,
    stop: &AtomicBool,
) -> Result<IndexSummary> {
    ensure_index(engine)?;
    let state_file = state_path(&options.state_dir, &engine.url);
    let state = SentState::load(&state_file, &engine.url)?;
    let mut sender = Sender {
        engine,
        options,
        state,
        state_file,
        batch_files: Vec::new(),
        batch_lines: Vec::new(),
        batch_bytes: 0,
        rejected: 0,
    };
    // What an earlier run could not finish is finished first: its batches
    // not found whole are given up on, and their files read again below.
    let leftovers = sender.settle(Some(Duration::ZERO), stop)?;
    if leftovers.batches > 0 {
        let message = format!(
            "{} articles of {} files sent by an earlier run are not on the engine: sent again",
            leftovers.docs, leftovers.files
        );
        report(events, std::path::Path::new(""), message, false);
    }
    let in_shard = |key: &str| options.shard.is_none_or(|shard| shard.holds(key));
    let files: Vec<&SourceFile> = walk
        .files
        .iter()
        .filter(|file| in_shard(&file.key))
        .collect();
    let mut summary = IndexSummary {
        files_before: sender.state.files.len() as u64,
        ..IndexSummary::default()
    };
    let mut to_read = Vec::new();
    for file in &files {
        let before = sender.state.files.get(&file.key).copied();
        match before {
            Some(sent) if sent.size == file.size && sent.mtime == file.mtime => {
                summary.unchanged += 1
            }
            _ => to_read.push((*file, before)),
        }
    }
    for error in &walk.errors {
        summary.failed += 1;
        report(events, std::path::Path::new(""), error.to_string(), true);
    }
    events.start(
        to_read.len() as u64,
        to_read.iter().map(|(file, _)| file.size).sum(),
    );
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(options.threads.clamp(1, 64))
        .build()
        .map_err(|error| Error::Internal(format!("cannot start threads: {error}")))?;
    // Learned from the whole walk, so that every shard cleans alike.
    let boilerplate = match options.keep_boilerplate || to_read.is_empty() {
        true => Boilerplate::none(),
        false => pool.install(|| learn_boilerplate(&walk, &options.fields)),
    };
    summary.boilerplate = boilerplate.lines().to_vec();
    let mut sender = std::thread::scope(|scope| {
        let (queue, queued) = std::sync::mpsc::sync_channel::<ToSend>(QUEUED_FILES);
        let sending = scope.spawn(move || {
            for item in queued {
                sender.take(item)?;
            }
            Ok::<_, Error>(sender)
        });
        let reading = ReadRun {
            pool: &pool,
            options,
            boilerplate: &boilerplate,
            events,
            stop,
        };
        reading.read_and_queue(&to_read, &queue, &mut summary);
        // The sending thread ends once the queue is closed and drained.
        drop(queue);
        sending
            .join()
            .map_err(|_| Error::Internal("the sending thread panicked".to_string()))?
    })?;
    sender.send_batch(Commit::Force)?;
    summary.interrupted = stop.load(Ordering::Relaxed);
    if !summary.interrupted {
        remove_vanished(&mut sender, &walk, &files, &mut summary);
    }
    // An interrupted run does not wait: the next run settles what it sent.
    let give_up_after = (!summary.interrupted).then_some(SETTLE_WAIT);
    let given_up = sender.settle(give_up_after, stop)?;
    if given_up.batches > 0 {
        let message = format!(
            "quickwit answered for {} articles of {} files but does not hold them {} s later (did a node restart?): they are not recorded as sent, so the next run sends them again",
            given_up.docs,
            given_up.files,
            SETTLE_WAIT.as_secs()
        );
        report(events, std::path::Path::new(""), message, true);
        summary.failed += given_up.files;
    }
    if sender.rejected > 0 {
        report(
            events,
            std::path::Path::new(""),
            format!("quickwit rejected {} documents", sender.rejected),
            true,
        );
        summary.failed += 1;
    }
    Ok(summary)
}

/// Deletes what was sent of files under the walked folders that are gone
/// (of this shard only: the other shards' files are not this run's to judge).
fn remove_vanished(
    sender: &mut Sender<'_>,
    walk: &Walk,
    files: &[&SourceFile],
    summary: &mut IndexSummary,
) {
    let seen: std::collections::HashSet<&str> =
        files.iter().map(|file| file.key.as_str()).collect();
    let shard = sender.options.shard;
    let gone: Vec<String> = sender
        .state
        .files
        .keys()
        .filter(|key| {
            let under_walked_folder = walk.folder_keys.iter().any(|folder| is_under(key, folder));
            let ours = shard.is_none_or(|shard| shard.holds(key));
            ours && under_walked_folder && !seen.contains(key.as_str())
        })
        .cloned()
        .collect();
    let removals = gone.len() as u64;
    if !sender.options.allow_mass_delete && is_mass_delete(summary.files_before, removals) {
        summary.withheld_removals = removals;
        return;
    }
    for key in gone {
        sender.forget_file(&key);
    }
    summary.removed = removals;
}
