//! One file of an indexing run: read, parse and extract it through the one
//! pipeline ([`crate::ingest`]), report what went wrong, and replace its
//! documents in the writer.

use std::path::{Path, PathBuf};

use tantivy::{IndexWriter, TantivyDocument, Term};

use crate::corpus::{SourceFile, Walk};
use crate::error::Error;
use crate::index::document::{hash64, to_document, CopyGroup, FileStamp};
use crate::index::near_copies::{NearCopies, Signature};
use crate::index::writer::{IndexEvents, IndexOptions, IndexSummary, Problem};
use crate::index::NewsIndex;
use crate::ingest;
use crate::ingest::boilerplate::{self, Boilerplate, SampleFile};
use crate::parse::FieldOverrides;

pub(super) enum FileOutcome {
    Added(Written),
    Updated(Written),
    Unchanged,
    Skipped(String),
    Failed(String),
    /// The index could not be written (a full disk): the run must stop.
    WriteFailed(tantivy::TantivyError),
}

/// What an indexed file gave: how many articles, how many internal errors
/// (a bug in extraction, reported) came with them, and the layout it was read as.
pub(super) struct Written {
    articles: u64,
    errors: u64,
    layout: String,
}

/// What the files of one run share: the copy groups found so far and the
/// stories withdrawn, removed once every file is written.
pub(super) struct RunShared {
    pub near_copies: NearCopies,
    pub boilerplate: Boilerplate,
    withdrawn: std::sync::Mutex<Vec<String>>,
}

impl RunShared {
    pub fn new(near_copies: NearCopies, boilerplate: Boilerplate) -> RunShared {
        RunShared {
            near_copies,
            boilerplate,
            withdrawn: std::sync::Mutex::new(Vec::new()),
        }
    }

    fn withdraw(&self, ids: Vec<String>) {
        if ids.is_empty() {
            return;
        }
        self.withdrawn
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .extend(ids);
    }

    /// The story ids withdrawn in this run.
    pub fn withdrawn(self) -> Vec<String> {
        self.withdrawn
            .into_inner()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// The boilerplate of the walked files ([`crate::ingest::boilerplate::learn`]),
/// learned from the whole walk so that every engine and every shard of a
/// corpus cleans its articles alike.
pub fn learn_boilerplate(walk: &Walk, fields: &FieldOverrides) -> Boilerplate {
    let files: Vec<SampleFile> = walk
        .files
        .iter()
        .map(|file| SampleFile {
            path: &file.path,
            key: &file.key,
            size: file.size,
        })
        .collect();
    boilerplate::learn(&files, &walk.folder_keys, fields)
}

pub(super) fn problem_from_error(error: &Error) -> Problem {
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

pub(super) fn report(events: &dyn IndexEvents, path: &Path, message: String, is_error: bool) {
    events.problem(&Problem {
        path: path.to_path_buf(),
        message,
        is_error,
    });
}

/// Reads, parses, extracts and writes one file; `stamp` is what the index
/// knew of it (None for a new file).
pub(super) fn index_one_file(
    news_index: &NewsIndex,
    writer: &IndexWriter<TantivyDocument>,
    file: &SourceFile,
    stamp: Option<FileStamp>,
    options: &IndexOptions,
    run: &RunShared,
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
    let (articles, diagnostics, layout) = match ingest::articles_of_file(
        &file.key,
        &file.path,
        &bytes,
        &options.fields,
        &run.boilerplate,
    ) {
        ingest::FileArticles::Articles {
            articles,
            diagnostics,
            withdrawn,
            layout,
        } => {
            let withdrawal = ingest::withdrawal_message(&withdrawn)
                .map(|message| format!("{message}: its articles are removed from the index"));
            run.withdraw(withdrawn);
            if let Some(reason) = withdrawal {
                report(events, &file.path, reason.clone(), false);
                if articles.is_empty() {
                    // Remembered like a skipped file: not read again while unchanged.
                    delete_old();
                    return FileOutcome::Skipped(reason);
                }
            }
            (articles, diagnostics, layout)
        }
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
        let copy = copy_group(article, &run.near_copies);
        let doc = to_document(fields, article, &file.key, new_stamp, &copy);
        if let Err(error) = writer.add_document(doc) {
            return FileOutcome::WriteFailed(error);
        }
        written += 1;
    }
    let outcome = Written {
        articles: written,
        errors,
        layout,
    };
    match stamp {
        Some(_) => FileOutcome::Updated(outcome),
        None => FileOutcome::Added(outcome),
    }
}

/// The article's copy group: exact copies share their fingerprint; a long
/// body that nearly copies an earlier one joins that one's group.
fn copy_group(article: &crate::article::Article, near_copies: &NearCopies) -> CopyGroup {
    let exact = CopyGroup::exact(article);
    if !near_copies.is_on() {
        return exact;
    }
    let signature = Signature::of(&article.body);
    CopyGroup {
        body_hash: near_copies.group_of(exact.body_hash, signature.as_ref()),
        signature,
    }
}

/// Adds one file's outcome to the counts. Returns what must be remembered:
/// a skip or failure (`Ok((is_error, reason))`), or the write error that
/// stops the run.
pub(super) fn count_outcome(
    counts: &mut IndexSummary,
    bytes: u64,
    outcome: FileOutcome,
) -> Option<std::result::Result<(bool, String), tantivy::TantivyError>> {
    counts.bytes_read += bytes;
    match outcome {
        FileOutcome::Added(written) => {
            counts.added += 1;
            count_written(counts, written);
            None
        }
        FileOutcome::Updated(written) => {
            counts.updated += 1;
            count_written(counts, written);
            None
        }
        FileOutcome::Unchanged => {
            counts.unchanged += 1;
            None
        }
        FileOutcome::Skipped(reason) => {
            counts.skipped += 1;
            Some(Ok((false, reason)))
        }
        FileOutcome::Failed(reason) => {
            counts.failed += 1;
            Some(Ok((true, reason)))
        }
        FileOutcome::WriteFailed(error) => Some(Err(error)),
    }
}

fn count_written(counts: &mut IndexSummary, written: Written) {
    counts.articles += written.articles;
    counts.internal_errors += written.errors;
    *counts.layouts.entry(written.layout).or_insert(0) += 1;
}
