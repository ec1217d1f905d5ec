//! A run whose index write failed (a full disk): what is rolled back, and
//! the cause as the user needs to read it.

use tantivy::{IndexWriter, TantivyDocument};

use crate::error::Error;
use crate::index::NewsIndex;

/// Ends a run whose index write failed: rolls back what was not committed
/// (the committed index stays as it was) and frees the unreferenced segment
/// files, so that the next run works once the cause (a full disk) is gone.
pub(super) fn abandon(
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
