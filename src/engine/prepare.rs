//! The reading side of `newsdex index --engine`: one file read, parsed and
//! extracted by the one pipeline ([`crate::ingest`]) and turned into
//! Quickwit documents, or the reason it gives none.

use serde_json::Value;

use crate::corpus::SourceFile;
use crate::engine::documents::to_engine_document;
use crate::engine::send::SendOptions;
use crate::engine::state::SentFile;
use crate::index::document::{hash64, FileStamp};
use crate::index::writer::{IndexEvents, Problem};
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
