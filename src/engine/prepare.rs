//! The reading side of `newsdex index --engine`: one file read, parsed and
//! extracted by the one pipeline ([`crate::ingest`]) and turned into
//! Quickwit documents, or the reason it gives none; and the run's reading
//! side, which queues them in order for the sending thread.

use std::sync::atomic::{AtomicBool, Ordering};

use rayon::prelude::*;
use serde_json::Value;

use crate::corpus::SourceFile;
use crate::engine::documents::to_engine_document;
use crate::engine::send::SendOptions;
use crate::engine::state::SentFile;
use crate::index::document::{hash64, FileStamp};
use crate::index::writer::{IndexEvents, IndexSummary, Problem};
use crate::ingest::boilerplate::Boilerplate;
use crate::ingest::{self, FileArticles, FileBytes, Severity};

/// A file read, parsed and extracted, ready to send.
pub enum Prepared {
    Documents {
        sent: SentFile,
        lines: Vec<Value>,
        errors: u64,
        /// The layout the file was read as.
        layout: String,
    },
    Unchanged(SentFile),
    Skipped(String),
    Failed(String),
}

pub fn report(events: &dyn IndexEvents, path: &std::path::Path, message: String, is_error: bool) {
    events.problem(&Problem {
        path: path.to_path_buf(),
        message,
        is_error,
    });
}

/// Reads, parses and extracts one file (the same steps as the local index).
pub fn prepare_file(
    file: &SourceFile,
    before: Option<SentFile>,
    options: &SendOptions,
    boilerplate: &Boilerplate,
    events: &dyn IndexEvents,
) -> Prepared {
    let bytes = match ingest::read_source(&file.path, file.size, options.max_file_bytes) {
        FileBytes::Read(bytes) => bytes,
        FileBytes::NotArticle(reason) => return Prepared::Skipped(reason),
        FileBytes::Failed(error) => return Prepared::Failed(error.to_string()),
    };
    let stamp = FileStamp {
        size: file.size,
        mtime: file.mtime,
        hash: hash64(&bytes),
    };
    if let Some(before) = before.filter(|before| before.hash == stamp.hash) {
        return Prepared::Unchanged(SentFile {
            size: stamp.size,
            mtime: stamp.mtime,
            ..before
        });
    }
    let read =
        ingest::articles_of_file(&file.key, &file.path, &bytes, &options.fields, boilerplate);
    let (articles, diagnostics, layout) = match read {
        FileArticles::Articles {
            articles,
            diagnostics,
            withdrawn,
            layout,
        } => {
            // Withdrawals (NewsML cancels) are applied by the local engine.
            if let Some(message) = ingest::withdrawal_message(&withdrawn) {
                let reason = format!("{message}: not applied on a Quickwit engine");
                report(events, &file.path, reason, false);
            }
            (articles, diagnostics, layout)
        }
        FileArticles::NotArticle(reason) => return Prepared::Skipped(reason),
        FileArticles::Failed(reason) => return Prepared::Failed(reason),
    };
    let mut errors = 0;
    for diagnostic in diagnostics {
        let is_error = diagnostic.severity == Severity::Error;
        errors += u64::from(is_error);
        report(
            events,
            std::path::Path::new(&diagnostic.key),
            diagnostic.message,
            is_error,
        );
    }
    // The batch id is set when the batch is sent.
    let lines = articles
        .iter()
        .map(|article| to_engine_document(article, &file.key, stamp, 0))
        .collect();
    Prepared::Documents {
        sent: SentFile {
            size: stamp.size,
            mtime: stamp.mtime,
            hash: stamp.hash,
            articles: articles.len() as u64,
        },
        lines,
        errors,
        layout,
    }
}

/// How many files are read and extracted in parallel at a time.
pub(super) const CHUNK_FILES: usize = 256;

/// How many prepared files may wait for the sending thread: reading runs
/// about one chunk ahead of sending (bounded memory), never the whole corpus.
pub(super) const QUEUED_FILES: usize = CHUNK_FILES;

/// What the reading side hands the sending thread, in the corpus's order.
pub(super) enum ToSend {
    File {
        key: String,
        sent: SentFile,
        before: Option<SentFile>,
        lines: Vec<Value>,
    },
    Unchanged {
        key: String,
        sent: SentFile,
    },
    Forget {
        key: String,
    },
}

/// The reading side of one run.
pub(super) struct ReadRun<'a> {
    pub pool: &'a rayon::ThreadPool,
    pub options: &'a SendOptions,
    pub boilerplate: &'a Boilerplate,
    pub events: &'a dyn IndexEvents,
    pub stop: &'a AtomicBool,
}

impl ReadRun<'_> {
    /// Reads the files chunk by chunk and queues what each gives, in order,
    /// until they are all queued, a stop is asked for, or the sending
    /// thread has ended on an error (which it returns).
    pub fn read_and_queue(
        &self,
        to_read: &[(&SourceFile, Option<SentFile>)],
        queue: &std::sync::mpsc::SyncSender<ToSend>,
        summary: &mut IndexSummary,
    ) {
        for chunk in to_read.chunks(CHUNK_FILES) {
            if self.stop.load(Ordering::Relaxed) {
                return;
            }
            let prepared: Vec<Prepared> = self.pool.install(|| {
                chunk
                    .par_iter()
                    .map(|(file, before)| {
                        let outcome = prepare_file(
                            file,
                            *before,
                            self.options,
                            self.boilerplate,
                            self.events,
                        );
                        self.events.file_done(file.size);
                        outcome
                    })
                    .collect()
            });
            for ((file, before), outcome) in chunk.iter().zip(prepared) {
                summary.bytes_read += file.size;
                let item = self.account(file, *before, outcome, summary);
                if queue.send(item).is_err() {
                    return;
                }
            }
            self.events.batch_done();
        }
    }

    /// Counts one file's outcome in the summary, reports its problems, and
    /// says what the sending thread must do with it.
    fn account(
        &self,
        file: &SourceFile,
        before: Option<SentFile>,
        outcome: Prepared,
        summary: &mut IndexSummary,
    ) -> ToSend {
        let key = file.key.clone();
        match outcome {
            Prepared::Documents {
                sent,
                lines,
                errors,
                layout,
            } => {
                summary.articles += sent.articles;
                summary.internal_errors += errors;
                *summary.layouts.entry(layout).or_insert(0) += 1;
                if before.is_some() {
                    summary.updated += 1;
                } else {
                    summary.added += 1;
                }
                ToSend::File {
                    key,
                    sent,
                    before,
                    lines,
                }
            }
            Prepared::Unchanged(sent) => {
                summary.unchanged += 1;
                ToSend::Unchanged { key, sent }
            }
            Prepared::Skipped(reason) => {
                summary.skipped += 1;
                report(self.events, &file.path, reason, false);
                ToSend::Forget { key }
            }
            Prepared::Failed(reason) => {
                summary.failed += 1;
                report(self.events, &file.path, reason, true);
                ToSend::Forget { key }
            }
        }
    }
}
