//! The raw-tantivy baseline: the same titles, bodies and dates indexed with
//! the tantivy library directly, from documents prepared in memory, and
//! queried with the same words.

use std::path::Path;
use std::time::Instant;

use tantivy::collector::TopDocs;
use tantivy::query::QueryParser;
use tantivy::schema::{DateOptions, IndexRecordOption, Schema, TextFieldIndexing, TextOptions};
use tantivy::snippet::SnippetGenerator;
use tantivy::{doc, Index, IndexWriter, TantivyDocument};

use super::process::{cpu_seconds, peak_rss_mb, reset_peak_rss};
use super::{bench_error, time_queries, IndexingFigures, Latency};
use newsdex::error::Result;

/// One baseline document: what the baseline indexes.
pub(super) struct Prepared {
    pub(super) title: String,
    pub(super) body: String,
    pub(super) date: Option<i64>,
}

/// One baseline run into a fresh `dir`.
pub(super) fn time_baseline(
    dir: &Path,
    prepared: &[Prepared],
    threads: usize,
    memory: usize,
    megabytes: f64,
) -> Result<(Index, IndexingFigures)> {
    let _ = std::fs::remove_dir_all(dir);
    std::fs::create_dir_all(dir).map_err(|error| bench_error("baseline folder", error))?;
    reset_peak_rss();
    let cpu_before = cpu_seconds();
    let started = Instant::now();
    let index = baseline_index(dir, prepared, threads, memory)?;
    let figures = IndexingFigures {
        articles: prepared.len() as u64,
        megabytes,
        seconds: started.elapsed().as_secs_f64(),
        cpu_seconds: cpu_seconds() - cpu_before,
        peak_rss_mb: peak_rss_mb(),
    };
    Ok((index, figures))
}

fn baseline_index(
    dir: &Path,
    prepared: &[Prepared],
    threads: usize,
    memory: usize,
) -> Result<Index> {
    let mut builder = Schema::builder();
    let text = TextOptions::default()
        .set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer("en_stem")
                .set_index_option(IndexRecordOption::WithFreqsAndPositions),
        )
        .set_stored();
    let title = builder.add_text_field("title", text.clone());
    let body = builder.add_text_field("body", text);
    let date = builder.add_date_field("date", DateOptions::default().set_fast().set_indexed());
    let index = Index::create_in_dir(dir, builder.build())
        .map_err(|error| bench_error("baseline index", error))?;
    let mut writer: IndexWriter<TantivyDocument> = index
        .writer_with_num_threads(threads, memory.max(threads * (15 << 20)))
        .map_err(|error| bench_error("baseline writer", error))?;
    for article in prepared {
        let mut document = doc!(title => article.title.as_str(), body => article.body.as_str());
        if let Some(seconds) = article.date {
            document.add_date(date, tantivy::DateTime::from_timestamp_secs(seconds));
        }
        writer
            .add_document(document)
            .map_err(|error| bench_error("baseline add", error))?;
    }
    writer
        .commit()
        .map_err(|error| bench_error("baseline commit", error))?;
    writer
        .wait_merging_threads()
        .map_err(|error| bench_error("baseline merge", error))?;
    Ok(index)
}

pub(super) fn time_baseline_queries(
    index: &Index,
    queries: &[String],
    rounds: usize,
) -> Result<Latency> {
    let reader = index
        .reader()
        .map_err(|error| bench_error("baseline reader", error))?;
    let schema = index.schema();
    let (Ok(title), Ok(body)) = (schema.get_field("title"), schema.get_field("body")) else {
        return Err(bench_error("baseline schema", "missing field"));
    };
    let parser = QueryParser::for_index(index, vec![title, body]);
    time_queries(queries, rounds, |text| {
        let searcher = reader.searcher();
        let query = parser
            .parse_query(text)
            .map_err(|error| bench_error("baseline query", error))?;
        let top = searcher
            .search(&query, &TopDocs::with_limit(10).order_by_score())
            .map_err(|error| bench_error("baseline search", error))?;
        let generator = SnippetGenerator::create(&searcher, &*query, body)
            .map_err(|error| bench_error("baseline snippet", error))?;
        for (_, address) in top {
            let document: TantivyDocument = searcher
                .doc(address)
                .map_err(|error| bench_error("baseline doc", error))?;
            std::hint::black_box(generator.snippet_from_doc(&document));
        }
        Ok(())
    })
}
