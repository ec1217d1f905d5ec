//! What the index knows of the files it holds (size, mtime, content hash),
//! read from fast fields: the incremental run's memory.

use std::collections::HashMap;

use tantivy::collector::DocSetCollector;
use tantivy::query::TermQuery;
use tantivy::schema::IndexRecordOption;
use tantivy::Term;

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

/// The files (their keys) that hold an article of one of `ids`, as committed.
pub fn files_holding_ids(news_index: &NewsIndex, ids: &[String]) -> Result<Vec<String>> {
    let reader = news_index.reload()?;
    let searcher = reader.searcher();
    let mut keys = Vec::new();
    for id in ids {
        let term = Term::from_field_text(news_index.fields.id, id);
        let query = TermQuery::new(term, IndexRecordOption::Basic);
        let addresses = searcher
            .search(&query, &DocSetCollector)
            .map_err(|source| news_index.error(source))?;
        for address in addresses {
            let segment = searcher.segment_reader(address.segment_ord);
            let column = segment
                .fast_fields()
                .str(names::SOURCE_FILE)
                .map_err(|source| news_index.error(source))?;
            let Some(column) = column else {
                continue;
            };
            let mut key = String::new();
            let found = column
                .term_ords(address.doc_id)
                .next()
                .map(|ord| column.ord_to_str(ord, &mut key));
            if matches!(found, Some(Ok(true))) {
                keys.push(key);
            }
        }
    }
    keys.sort();
    keys.dedup();
    Ok(keys)
}
