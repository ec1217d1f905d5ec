//! What the index knows of the files it holds (size, mtime, content hash),
//! read from fast fields: the incremental run's memory.

use std::collections::HashMap;

use crate::error::Result;
use crate::index::document::FileStamp;
use crate::index::schema::names;
use crate::index::NewsIndex;

/// What the index knows of every file it holds, read from fast fields.
pub fn load_file_stamps(news_index: &NewsIndex) -> Result<HashMap<String, FileStamp>> {
    let reader = news_index.reload()?;
    let searcher = reader.searcher();
    let mut stamps = HashMap::new();
    for segment in searcher.segment_readers() {
        let fast = segment.fast_fields();
        let columns = (|| -> tantivy::Result<_> {
            Ok((
                fast.str(names::SOURCE_FILE)?,
                fast.u64(names::FILE_SIZE)?,
                fast.u64(names::FILE_MTIME)?,
                fast.u64(names::FILE_HASH)?,
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
