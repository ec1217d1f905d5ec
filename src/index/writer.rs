//! One indexing run: incremental bookkeeping, the parallel parse/extract
//! pipeline feeding one tantivy writer, periodic commits and clean interruption.
//!
//! A file is the unit of work: its old documents are deleted and its new ones
//! added between two commits, so a crash or Ctrl-C never leaves half a file.

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use rayon::prelude::*;
use tantivy::{IndexWriter, TantivyDocument, Term};

use crate::corpus::{SourceFile, Walk};
use crate::error::{Error, Result};
use crate::index::document::FileStamp;
use crate::index::known::KnownProblems;
use crate::index::near_copies::NearCopies;
use crate::index::one_file::{
    count_outcome, index_one_file, learn_boilerplate, problem_from_error, RunShared,
};
pub use crate::index::stamps::load_file_stamps;
use crate::index::write_failure::abandon;
use crate::index::NewsIndex;
use crate::ingest::boilerplate::{Boilerplate, LearnedLine};
use crate::parse::FieldOverrides;

/// Settings of an indexing run.
#[derive(Debug, Clone)]
pub struct IndexOptions {
    /// Worker threads for parsing and extraction, and tantivy indexing threads.
    pub threads: usize,
    /// The tantivy writer's whole memory budget, in bytes.
    pub memory_bytes: usize,
    /// Commit at least this often on long runs, so that a crash loses little.
    pub commit_every: Duration,
    pub fields: FieldOverrides,
    /// Replace every document in one commit (readers see the old index until then).
    pub rebuild: bool,
    /// Let one run remove more than half of the indexed files.
    pub allow_mass_delete: bool,
    /// Files over this many bytes are skipped.
    pub max_file_bytes: u64,
    /// Long bodies this alike (estimated resemblance, 0-1) are one article,
    /// as exact copies are; 0 turns it off ([`super::near_copies`]).
    pub near_copies: f64,
    /// Keep every line, even those repeated across a source's articles
    /// ([`crate::ingest::boilerplate`]).
    pub keep_boilerplate: bool,
}

impl Default for IndexOptions {
    fn default() -> Self {
        IndexOptions {
            threads: default_threads(),
            memory_bytes: 256 << 20,
            commit_every: Duration::from_secs(10),
            fields: FieldOverrides::default(),
            rebuild: false,
            allow_mass_delete: false,
            max_file_bytes: 1 << 30,
            near_copies: super::near_copies::DEFAULT_THRESHOLD,
            keep_boilerplate: false,
        }
    }
}

/// One thread per core, capped at tantivy's own maximum.
pub fn default_threads() -> usize {
    std::thread::available_parallelism()
        .map_or(2, |cores| cores.get())
        .min(8)
}

/// What an indexing run tells the user while it goes.
pub trait IndexEvents: Sync {
    /// How many files will be read (unchanged files are not).
    fn start(&self, files_to_read: u64, bytes_to_read: u64);
    /// A file was handled (indexed, skipped or failed).
    fn file_done(&self, bytes: u64);
    /// A file or record could not be used, or was used with a caveat.
    fn problem(&self, problem: &Problem);
    /// A batch of files (in path order) is done: a good time to print what was reported.
    fn batch_done(&self) {}
}

/// A message about one file, printed as `PATH: message`.
#[derive(Debug)]
pub struct Problem {
    pub path: PathBuf,
    pub message: String,
    /// Warnings (no date, a skipped record) do not make the run fail.
    pub is_error: bool,
}

/// The counts printed at the end of a run.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct IndexSummary {
    pub added: u64,
    pub updated: u64,
    pub removed: u64,
    pub unchanged: u64,
    /// Files that hold no article (binary, empty, too large): not failures.
    pub skipped: u64,
    pub failed: u64,
    pub warnings: u64,
    /// Articles written in this run.
    pub articles: u64,
    pub bytes_read: u64,
    /// True when Ctrl-C stopped the run: what was done is committed, the rest is not
    /// (for a rebuild: nothing is, and the old index stays).
    pub interrupted: bool,
    /// Removals withheld because they would empty more than half of the index.
    pub withheld_removals: u64,
    /// Files the index held before the run.
    pub files_before: u64,
    /// Unchanged files that were skipped or failed in an earlier run: not read again.
    pub known_problems: u64,
    /// Articles indexed despite an internal error (a bug) in their extraction.
    pub internal_errors: u64,
    /// Lines recognised as boilerplate and left out of the articles read.
    pub boilerplate: Vec<LearnedLine>,
    /// Files indexed in this run, per layout they were read as.
    pub layouts: std::collections::BTreeMap<String, u64>,
}

/// Counts the warnings passing through to the caller's events.
struct CountingEvents<'a> {
    inner: &'a dyn IndexEvents,
    warnings: AtomicU64,
}

impl IndexEvents for CountingEvents<'_> {
    fn start(&self, files_to_read: u64, bytes_to_read: u64) {
        self.inner.start(files_to_read, bytes_to_read);
    }

    fn file_done(&self, bytes: u64) {
        self.inner.file_done(bytes);
    }

    fn problem(&self, problem: &Problem) {
        if !problem.is_error {
            self.warnings.fetch_add(1, Ordering::Relaxed);
        }
        self.inner.problem(problem);
    }

    fn batch_done(&self) {
        self.inner.batch_done();
    }
}

/// How many files are handed to the workers between two commit checks.
const CHUNK_FILES: usize = 512;

/// Runs one incremental indexing pass over the files of `walk` (with
/// `options.rebuild`, a pass that replaces every document in one commit).
///
/// A failure to write the index itself (a full disk) stops the run with one
/// error; what was committed before stays, and what was not is rolled back
/// so that the next run starts clean.
pub fn index_files(
    news_index: &NewsIndex,
    walk: Walk,
    options: &IndexOptions,
    events: &dyn IndexEvents,
    stop: &AtomicBool,
) -> Result<IndexSummary> {
    let threads = options.threads.clamp(1, 8);
    let per_thread_minimum = 15 << 20;
    let memory = options.memory_bytes.max(per_thread_minimum * threads);
    // Taking the writer takes the index's writer lock: everything below is
    // this process's alone.
    let writer: IndexWriter<TantivyDocument> = news_index
        .index
        .writer_with_num_threads(threads, memory)
        .map_err(|source| news_index.error(source))?;
    let unfinished_flag = news_index.dir.join(UNFINISHED_RUN_FILE);
    // A run that was killed may have been killed while writing: check every
    // file against its checksum before building on it (a rebuild replaces it all).
    if unfinished_flag.exists() && !options.rebuild {
        news_index.verify()?;
    }
    std::fs::write(&unfinished_flag, b"").map_err(|source| Error::Io {
        path: unfinished_flag.clone(),
        source,
    })?;
    let outcome = run_indexing(news_index, writer, walk, options, events, stop);
    let _ = std::fs::remove_file(&unfinished_flag);
    outcome
}

/// The file that says an indexing run is under way (or was killed).
pub const UNFINISHED_RUN_FILE: &str = "newsdex-unfinished-run";

fn run_indexing(
    news_index: &NewsIndex,
    mut writer: IndexWriter<TantivyDocument>,
    walk: Walk,
    options: &IndexOptions,
    events: &dyn IndexEvents,
    stop: &AtomicBool,
) -> Result<IndexSummary> {
    let counting = CountingEvents {
        inner: events,
        warnings: AtomicU64::new(0),
    };
    let events: &dyn IndexEvents = &counting;
    let threads = options.threads.clamp(1, 8);
    // Segment files of a run that died before its commit (a full disk, a
    // kill) are tantivy's own and unreferenced: free their space first.
    let _ = writer.garbage_collect_files().wait();
    let indexed = indexed_files(news_index, &writer, &walk, options)?;
    let empty = HashMap::new();
    let previous = if options.rebuild { &empty } else { &indexed };

    let known = if options.rebuild {
        KnownProblems::default()
    } else {
        KnownProblems::load(&news_index.dir)
    };
    let mut summary = IndexSummary::default();
    let seen: HashSet<&str> = walk.files.iter().map(|file| file.key.as_str()).collect();
    let to_read = files_to_read(&walk, previous, &known, &mut summary);
    for error in &walk.errors {
        summary.failed += 1;
        events.problem(&problem_from_error(error));
    }
    let bytes_to_read = to_read.iter().map(|(file, _)| file.size).sum();
    events.start(to_read.len() as u64, bytes_to_read);

    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .map_err(|error| Error::Internal(format!("cannot start {threads} threads: {error}")))?;
    // Near copies are looked up among committed articles too, unless every
    // article is read again.
    let committed = match options.rebuild {
        true => None,
        false => Some(news_index.reader()?.searcher()),
    };
    // Learned from the whole walk, so that a run that reads a few changed
    // files cleans them as the first run cleaned the rest.
    let boilerplate = match options.keep_boilerplate || to_read.is_empty() {
        true => Boilerplate::none(),
        false => pool.install(|| learn_boilerplate(&walk, &options.fields)),
    };
    summary.boilerplate = boilerplate.lines().to_vec();
    let run = RunShared::new(
        NearCopies::new(options.near_copies, news_index.fields, committed),
        boilerplate,
    );
    let tally = Mutex::new(summary);
    let new_problems: Mutex<Vec<(&SourceFile, bool, String)>> = Mutex::new(Vec::new());
    let write_failure: Mutex<Option<tantivy::TantivyError>> = Mutex::new(None);
    let stop_writing = AtomicBool::new(false);
    let mut last_commit = Instant::now();
    for chunk in to_read.chunks(CHUNK_FILES) {
        if stop.load(Ordering::Relaxed) || stop_writing.load(Ordering::Relaxed) {
            break;
        }
        pool.install(|| {
            chunk.par_iter().for_each(|(file, stamp)| {
                if stop.load(Ordering::Relaxed) || stop_writing.load(Ordering::Relaxed) {
                    return;
                }
                let outcome =
                    index_one_file(news_index, &writer, file, *stamp, options, &run, events);
                events.file_done(file.size);
                let problem = count_outcome(&mut lock(&tally), file.size, outcome);
                match problem {
                    Some(Err(error)) => {
                        stop_writing.store(true, Ordering::Relaxed);
                        lock(&write_failure).get_or_insert(error);
                    }
                    Some(Ok((is_error, reason))) => {
                        lock(&new_problems).push((file, is_error, reason));
                    }
                    None => {}
                }
            });
        });
        events.batch_done();
        let periodic_commit = !options.rebuild && last_commit.elapsed() >= options.commit_every;
        if periodic_commit && !stop_writing.load(Ordering::Relaxed) {
            if let Err(error) = writer.commit() {
                return Err(abandon(news_index, writer, error));
            }
            super::folder::follow_umask(&news_index.dir);
            last_commit = Instant::now();
        }
    }
    if let Some(error) = lock(&write_failure).take() {
        return Err(abandon(news_index, writer, error));
    }
    let mut summary = tally
        .into_inner()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    summary.interrupted = stop.load(Ordering::Relaxed);
    summary.warnings = counting.warnings.load(Ordering::Relaxed);
    summary.files_before = indexed.len() as u64;
    if summary.interrupted && options.rebuild {
        // Half a rebuild is not an index: keep the old one whole.
        let _ = writer.rollback();
        return Ok(summary);
    }

    // Removals only after a complete walk: an interrupted run has not seen every file.
    if !summary.interrupted && !options.rebuild {
        remove_vanished(
            news_index,
            &writer,
            previous,
            &walk,
            &seen,
            options,
            &mut summary,
        );
    }
    if options.rebuild {
        summary.removed = indexed
            .keys()
            .filter(|key| !seen.contains(key.as_str()))
            .count() as u64;
    }
    // Withdrawn stories: the files holding them are found once this run's
    // articles are committed; their articles go, and the files are
    // remembered (not read again while unchanged).
    let withdrawn = run.withdrawn();
    if !withdrawn.is_empty() {
        if let Err(error) = writer.commit() {
            return Err(abandon(news_index, writer, error));
        }
        let holding = super::stamps::files_holding_ids(news_index, &withdrawn)?;
        for id in &withdrawn {
            writer.delete_term(Term::from_field_text(news_index.fields.id, id));
        }
        let mut remembered = lock(&new_problems);
        for file in walk.files.iter().filter(|file| holding.contains(&file.key)) {
            remembered.push((
                file,
                false,
                "its story was withdrawn by a later version".to_string(),
            ));
        }
    }
    let read_now: HashSet<&str> = to_read.iter().map(|(file, _)| file.key.as_str()).collect();
    let remembered = known.after_run(
        lock(&new_problems).as_slice(),
        &read_now,
        &seen,
        &walk.folder_keys,
    );
    if let Err(error) = remembered.save(&news_index.dir) {
        events.problem(&problem_from_error(&error));
    }
    let something_changed =
        summary.added + summary.updated + summary.removed + summary.failed + withdrawn.len() as u64
            > 0;
    if something_changed || options.rebuild {
        if let Err(error) = writer.commit() {
            return Err(abandon(news_index, writer, error));
        }
        super::folder::follow_umask(&news_index.dir);
    }
    writer
        .wait_merging_threads()
        .map_err(|source| news_index.error(source))?;
    Ok(summary)
}

/// What the index holds before the run. A rebuild also starts here: it
/// deletes every document (in the writer, so the commit replaces the index
/// at once), unless that would empty most of it.
fn indexed_files(
    news_index: &NewsIndex,
    writer: &IndexWriter<TantivyDocument>,
    walk: &Walk,
    options: &IndexOptions,
) -> Result<HashMap<String, FileStamp>> {
    if !options.rebuild {
        return load_file_stamps(news_index);
    }
    // A rebuild is how a damaged index is repaired: what the old documents
    // say is only used to count them, and a failure to read them is no failure.
    let indexed = crate::ingest::catch_panic(|| load_file_stamps(news_index))
        .ok()
        .and_then(Result::ok)
        .unwrap_or_default();
    let indexed_count = indexed.len() as u64;
    let would_remove = indexed_count.saturating_sub(walk.files.len() as u64);
    if !options.allow_mass_delete && is_mass_delete(indexed_count, would_remove) {
        return Err(Error::MassDelete {
            path: news_index.dir.clone(),
            removed: would_remove,
            indexed: indexed_count,
        });
    }
    writer
        .delete_all_documents()
        .map_err(|source| news_index.error(source))?;
    Ok(indexed)
}

/// Sorts the walked files: unchanged ones (same size and mtime) and known
/// problems are counted in `summary`; the rest are returned, with what the
/// index knew of each.
fn files_to_read<'w>(
    walk: &'w Walk,
    previous: &HashMap<String, FileStamp>,
    known: &KnownProblems,
    summary: &mut IndexSummary,
) -> Vec<(&'w SourceFile, Option<FileStamp>)> {
    let mut to_read = Vec::new();
    for file in &walk.files {
        match previous.get(&file.key) {
            Some(stamp) if stamp.size == file.size && stamp.mtime == file.mtime => {
                summary.unchanged += 1;
            }
            None if known.unchanged(&file.key, file.size, file.mtime).is_some() => {
                summary.known_problems += 1;
            }
            stamp => to_read.push((file, stamp.copied())),
        }
    }
    to_read
}

/// Deletes the documents of indexed files under a walked folder that the
/// walk no longer found, unless that would empty most of the index (then
/// they are counted as withheld: an unmounted drive must not empty it).
fn remove_vanished(
    news_index: &NewsIndex,
    writer: &IndexWriter<TantivyDocument>,
    previous: &HashMap<String, FileStamp>,
    walk: &Walk,
    seen: &HashSet<&str>,
    options: &IndexOptions,
    summary: &mut IndexSummary,
) {
    let gone: Vec<&String> = previous
        .keys()
        .filter(|key| {
            let under_walked_folder = walk.folder_keys.iter().any(|folder| is_under(key, folder));
            under_walked_folder && !seen.contains(key.as_str())
        })
        .collect();
    let removals = gone.len() as u64;
    if !options.allow_mass_delete && is_mass_delete(previous.len() as u64, removals) {
        summary.withheld_removals = removals;
        return;
    }
    for key in gone {
        writer.delete_term(Term::from_field_text(news_index.fields.source_file, key));
    }
    summary.removed = removals;
}

/// Whether removing `removals` of `indexed` files would empty more than
/// half of the index: the mark of an unmounted drive or an emptied folder.
pub(crate) fn is_mass_delete(indexed: u64, removals: u64) -> bool {
    removals > 0 && removals * 2 > indexed
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

pub(crate) fn is_under(key: &str, folder: &str) -> bool {
    key.strip_prefix(folder)
        .is_some_and(|rest| rest.starts_with(std::path::MAIN_SEPARATOR))
}
