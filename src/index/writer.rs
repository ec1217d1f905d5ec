//! One indexing run: incremental bookkeeping, the parallel parse/extract
//! pipeline feeding one tantivy writer, periodic commits and clean interruption.
//!
//! A file is the unit of work: its old documents are deleted and its new ones
//! added between two commits, so a crash or Ctrl-C never leaves half a file.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use rayon::prelude::*;
use tantivy::{IndexWriter, TantivyDocument, Term};

use crate::corpus::{SourceFile, Walk};
use crate::error::{Error, Result};
use crate::index::document::{hash64, to_document, FileStamp};
use crate::index::known::KnownProblems;
use crate::index::NewsIndex;
use crate::ingest;
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

enum FileOutcome {
    /// Indexed: how many articles, and how many internal errors (a bug in
    /// extraction, reported) came with them.
    Added(u64, u64),
    Updated(u64, u64),
    Unchanged,
    Skipped(String),
    Failed(String),
    /// The index could not be written (a full disk): the run must stop.
    WriteFailed(tantivy::TantivyError),
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
    // A rebuild is how a damaged index is repaired: what the old documents
    // say is only used to count them, and a failure to read them is no failure.
    let indexed = if options.rebuild {
        crate::ingest::catch_panic(|| load_file_stamps(news_index))
            .ok()
            .and_then(Result::ok)
            .unwrap_or_default()
    } else {
        load_file_stamps(news_index)?
    };
    let empty = HashMap::new();
    let previous = if options.rebuild { &empty } else { &indexed };
    if options.rebuild {
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
    }

    let known = if options.rebuild {
        KnownProblems::default()
    } else {
        KnownProblems::load(&news_index.dir)
    };
    let mut summary = IndexSummary::default();
    let seen: HashSet<&str> = walk.files.iter().map(|file| file.key.as_str()).collect();
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
                let outcome = index_one_file(news_index, &writer, file, *stamp, options, events);
                events.file_done(file.size);
                let mut counts = lock(&tally);
                counts.bytes_read += file.size;
                match outcome {
                    FileOutcome::Added(articles, errors) => {
                        counts.added += 1;
                        counts.articles += articles;
                        counts.internal_errors += errors;
                    }
                    FileOutcome::Updated(articles, errors) => {
                        counts.updated += 1;
                        counts.articles += articles;
                        counts.internal_errors += errors;
                    }
                    FileOutcome::Unchanged => counts.unchanged += 1,
                    FileOutcome::Skipped(reason) => {
                        counts.skipped += 1;
                        lock(&new_problems).push((file, false, reason));
                    }
                    FileOutcome::Failed(reason) => {
                        counts.failed += 1;
                        lock(&new_problems).push((file, true, reason));
                    }
                    FileOutcome::WriteFailed(error) => {
                        stop_writing.store(true, Ordering::Relaxed);
                        lock(&write_failure).get_or_insert(error);
                    }
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
        let gone: Vec<&String> = previous
            .keys()
            .filter(|key| {
                let under_walked_folder =
                    walk.folder_keys.iter().any(|folder| is_under(key, folder));
                under_walked_folder && !seen.contains(key.as_str())
            })
            .collect();
        let removals = gone.len() as u64;
        if !options.allow_mass_delete && is_mass_delete(previous.len() as u64, removals) {
            summary.withheld_removals = removals;
        } else {
            for key in gone {
                writer.delete_term(Term::from_field_text(news_index.fields.source_file, key));
            }
            summary.removed = removals;
        }
    }
    if options.rebuild {
        summary.removed = indexed
            .keys()
            .filter(|key| !seen.contains(key.as_str()))
            .count() as u64;
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
    let something_changed = summary.added + summary.updated + summary.removed + summary.failed > 0;
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

/// Whether removing `removals` of `indexed` files would empty more than
/// half of the index: the mark of an unmounted drive or an emptied folder.
pub(crate) fn is_mass_delete(indexed: u64, removals: u64) -> bool {
    removals > 0 && removals * 2 > indexed
}

/// Ends a run whose index write failed: rolls back what was not committed
/// (the committed index stays as it was) and frees the unreferenced segment
/// files, so that the next run works once the cause (a full disk) is gone.
fn abandon(
    news_index: &NewsIndex,
    mut writer: IndexWriter<TantivyDocument>,
    error: tantivy::TantivyError,
) -> Error {
    // tantivy reports a dead indexing thread as "an index writer was killed";
    // the thread's own error (the disk is full) comes out when it is joined,
    // which preparing a commit does. A commit that could be prepared anyway
    // is aborted: this run's documents are never committed half.
    let cause = match writer.prepare_commit() {
        Err(joined_error) => joined_error,
        Ok(prepared) => {
            let _ = prepared.abort();
            error
        }
    };
    let _ = writer.rollback();
    let _ = writer.garbage_collect_files().wait();
    drop(writer);
    Error::WriteFailed {
        path: news_index.dir.clone(),
        reason: write_failure_reason(&cause),
    }
}

/// The root cause of a tantivy write error, as short as the user needs it
/// (`no space left on device`), not tantivy's nested wrapping.
fn write_failure_reason(error: &tantivy::TantivyError) -> String {
    let mut source: Option<&(dyn std::error::Error + 'static)> = Some(error);
    let mut deepest = error.to_string();
    while let Some(current) = source {
        if let Some(io) = current.downcast_ref::<std::io::Error>() {
            return io.to_string().to_lowercase();
        }
        deepest = current.to_string();
        source = current.source();
    }
    let text = deepest.to_lowercase();
    match text.find("no space left on device") {
        Some(_) => "no space left on device".to_string(),
        None => text,
    }
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

fn problem_from_error(error: &Error) -> Problem {
    match error {
        Error::Io { path, source } => Problem {
            path: path.clone(),
            message: source.to_string(),
            is_error: true,
        },
        other => Problem {
            path: PathBuf::new(),
            message: other.to_string(),
            is_error: true,
        },
    }
}

fn report(events: &dyn IndexEvents, path: &Path, message: String, is_error: bool) {
    events.problem(&Problem {
        path: path.to_path_buf(),
        message,
        is_error,
    });
}

/// Reads, parses, extracts and writes one file; `stamp` is what the index
/// knew of it (None for a new file).
fn index_one_file(
    news_index: &NewsIndex,
    writer: &IndexWriter<TantivyDocument>,
    file: &SourceFile,
    stamp: Option<FileStamp>,
    options: &IndexOptions,
    events: &dyn IndexEvents,
) -> FileOutcome {
    let fields = &news_index.fields;
    let delete_old = || {
        if stamp.is_some() {
            writer.delete_term(Term::from_field_text(fields.source_file, &file.key));
        }
    };
    let bytes = match ingest::read_source(&file.path, file.size, options.max_file_bytes) {
        ingest::FileBytes::Read(bytes) => bytes,
        ingest::FileBytes::NotArticle(reason) => {
            report(events, &file.path, reason.clone(), false);
            delete_old();
            return FileOutcome::Skipped(reason);
        }
        ingest::FileBytes::Failed(error) => {
            report(events, &file.path, error.to_string(), true);
            delete_old();
            return FileOutcome::Failed(error.to_string());
        }
    };
    let new_stamp = FileStamp {
        size: file.size,
        mtime: file.mtime,
        hash: hash64(&bytes),
    };
    if stamp.is_some_and(|old| old.hash == new_stamp.hash) {
        return FileOutcome::Unchanged;
    }
    let (articles, diagnostics) =
        match ingest::articles_of_file(&file.key, &file.path, &bytes, &options.fields) {
            ingest::FileArticles::Articles {
                articles,
                diagnostics,
            } => (articles, diagnostics),
            ingest::FileArticles::NotArticle(reason) => {
                report(events, &file.path, reason.clone(), false);
                delete_old();
                return FileOutcome::Skipped(reason);
            }
            ingest::FileArticles::Failed(reason) => {
                report(events, &file.path, reason.clone(), true);
                delete_old();
                return FileOutcome::Failed(reason);
            }
        };
    let mut errors = 0;
    for diagnostic in diagnostics {
        let is_error = diagnostic.severity == ingest::Severity::Error;
        errors += u64::from(is_error);
        report(
            events,
            Path::new(&diagnostic.key),
            diagnostic.message,
            is_error,
        );
    }
    delete_old();
    let mut written = 0;
    for article in &articles {
        let doc = to_document(fields, article, &file.key, new_stamp);
        if let Err(error) = writer.add_document(doc) {
            return FileOutcome::WriteFailed(error);
        }
        written += 1;
    }
    match stamp {
        Some(_) => FileOutcome::Updated(written, errors),
        None => FileOutcome::Added(written, errors),
    }
}

/// What the index knows of every file it holds, read from fast fields.
pub fn load_file_stamps(news_index: &NewsIndex) -> Result<HashMap<String, FileStamp>> {
    let reader = news_index.reload()?;
    let searcher = reader.searcher();
    let mut stamps = HashMap::new();
    for segment in searcher.segment_readers() {
        let fast = segment.fast_fields();
        let columns = (|| -> tantivy::Result<_> {
            Ok((
                fast.str("source_file")?,
                fast.u64("file_size")?,
                fast.u64("file_mtime")?,
                fast.u64("file_hash")?,
            ))
        })()
        .map_err(|source| news_index.error(source))?;
        let (Some(keys), sizes, mtimes, hashes) = columns else {
            continue;
        };
        // One pass over the key dictionary in ordinal order: looking each
        // document's key up by ordinal decompressed a dictionary block per
        // document, two fifths of a no-op re-index.
        let dictionary = keys.dictionary();
        let mut names: Vec<String> = Vec::with_capacity(dictionary.num_terms());
        let mut stream = dictionary
            .stream()
            .map_err(|source| news_index.error(source.into()))?;
        while stream.advance() {
            // Ordinals are dense and in key order: the n-th key has ordinal n.
            debug_assert_eq!(stream.term_ord(), names.len() as u64);
            names.push(String::from_utf8_lossy(stream.key()).into_owned());
        }
        for doc in segment.doc_ids_alive() {
            let Some(name) = keys
                .term_ords(doc)
                .next()
                .and_then(|ord| names.get(usize::try_from(ord).ok()?))
            else {
                continue;
            };
            let stamp = FileStamp {
                size: sizes.first(doc).unwrap_or(0),
                mtime: mtimes.first(doc).unwrap_or(0),
                hash: hashes.first(doc).unwrap_or(0),
            };
            stamps.insert(name.clone(), stamp);
        }
    }
    Ok(stamps)
}
