//! `newsdex bench`: indexing and query figures for newsdex beside a raw
//! tantivy baseline measured in the same run, so the ratios survive a noisy machine.
//!
//! The baseline indexes the same titles, bodies and dates with tantivy
//! directly (title and body `en_stem` with positions, stored; date fast),
//! from documents parsed into memory beforehand: it pays no walking,
//! parsing or extraction. newsdex pays for all of it. This module runs both
//! sides and times the queries; [`baseline`] is the raw-tantivy side and
//! [`process`] reads peak memory and CPU time from `/proc`.

mod baseline;
mod process;

use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};

use serde::Serialize;

use baseline::{time_baseline, time_baseline_queries, Prepared};
use process::{cpu_seconds, peak_rss_mb, reset_peak_rss};

use newsdex::corpus;
use newsdex::error::{Error, Result};
use newsdex::index::writer::{index_files, IndexEvents, IndexOptions, Problem};
use newsdex::index::NewsIndex;
use newsdex::ingest;
use newsdex::parse::FieldOverrides;
use newsdex::search::{search, DateRange, Filters, SearchRequest, SortOrder};

/// Queries used when no query file is given: common news words and phrases.
pub const DEFAULT_QUERIES: &[&str] = &[
    "government",
    "oil prices",
    "central bank",
    "election",
    "war",
    "inflation",
    "sanctions",
    "trade deficit",
    "interest rates",
    "stock market",
    "merger",
    "president said",
    "Ukraine",
    "Russia",
    "China exports",
    "unemployment",
    "earnings forecast",
    "\"federal reserve\"",
    "bond yields",
    "energy",
];

#[derive(Debug, Clone, Serialize)]
pub struct IndexingFigures {
    pub articles: u64,
    pub megabytes: f64,
    pub seconds: f64,
    /// CPU time of the run (user + system, every thread), in seconds.
    pub cpu_seconds: f64,
    /// Peak resident memory during the phase, in MB (Linux; 0 elsewhere).
    pub peak_rss_mb: f64,
}

impl IndexingFigures {
    pub fn megabytes_per_second(&self) -> f64 {
        self.megabytes / self.seconds.max(1e-9)
    }

    pub fn articles_per_second(&self) -> f64 {
        self.articles as f64 / self.seconds.max(1e-9)
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Latency {
    pub p50_ms: f64,
    pub p95_ms: f64,
    pub p99_ms: f64,
}

impl Latency {
    fn from_samples(mut samples: Vec<Duration>) -> Latency {
        samples.sort();
        let at = |share: f64| {
            let last = samples.len().saturating_sub(1);
            let position = ((last as f64) * share).round() as usize;
            samples
                .get(position)
                .map_or(0.0, |sample| sample.as_secs_f64() * 1e3)
        };
        Latency {
            p50_ms: at(0.50),
            p95_ms: at(0.95),
            p99_ms: at(0.99),
        }
    }
}

/// Where newsdex's indexing time goes, each stage timed alone on one thread.
#[derive(Debug, Clone, Serialize)]
pub struct Breakdown {
    pub walk_and_read_s: f64,
    pub parse_s: f64,
    pub extract_s: f64,
}

#[derive(Debug, Clone, Serialize)]
pub struct BenchReport {
    pub corpus: Vec<PathBuf>,
    pub threads: usize,
    /// Every timed indexing run, in order (the figures above keep the fastest).
    pub newsdex_runs_s: Vec<f64>,
    pub baseline_runs_s: Vec<f64>,
    /// CPU seconds of those runs, in the same order.
    pub newsdex_runs_cpu_s: Vec<f64>,
    pub baseline_runs_cpu_s: Vec<f64>,
    pub newsdex: IndexingFigures,
    pub baseline: IndexingFigures,
    pub noop_reindex_seconds: f64,
    pub query_newsdex: Latency,
    pub query_baseline: Latency,
    pub query_filtered: Latency,
    pub list: Latency,
    pub breakdown: Breakdown,
    pub queries: usize,
    /// Indexing and query figures on growing slices of the corpus (empty unless asked).
    pub scaling: Vec<ScalePoint>,
}

/// newsdex on one slice of the corpus: every `1/share`-th file, so each slice
/// spans the same dates and the largest is 4× the smallest.
#[derive(Debug, Clone, Serialize)]
pub struct ScalePoint {
    /// 1, 2 or 4: the slice's size relative to the smallest.
    pub scale: usize,
    pub articles: u64,
    pub seconds: f64,
    pub microseconds_per_article: f64,
    pub query_p50_ms: f64,
}

struct Silent;

impl IndexEvents for Silent {
    fn start(&self, _files: u64, _bytes: u64) {}
    fn file_done(&self, _bytes: u64) {}
    fn problem(&self, _problem: &Problem) {}
}

/// A step of the baseline failed (a full disk, an unreadable corpus): not
/// the user's arguments, so not a usage error.
fn bench_error(context: &str, error: impl std::fmt::Display) -> Error {
    Error::Failed {
        context: format!("bench: {context}"),
        reason: error.to_string(),
    }
}

/// Indexes the quarter, the half and the whole of the corpus and queries each.
fn scaling(
    files: &[corpus::SourceFile],
    queries: &[String],
    options: &IndexOptions,
    rounds: usize,
    work_dir: &Path,
) -> Result<Vec<ScalePoint>> {
    let stop = AtomicBool::new(false);
    let mut points = Vec::new();
    for (scale, step) in [(1, 4), (2, 2), (4, 1)] {
        let slice: Vec<_> = files.iter().step_by(step).cloned().collect();
        let dir = work_dir.join(format!("scale-{scale}"));
        let _ = std::fs::remove_dir_all(&dir);
        let started = Instant::now();
        let news_index = NewsIndex::open_for_writing(&dir, false)?;
        let walk = corpus::Walk {
            files: slice,
            ..corpus::Walk::default()
        };
        let summary = index_files(&news_index, walk, options, &Silent, &stop)?;
        let seconds = started.elapsed().as_secs_f64();
        news_index.reload()?;
        let latency = time_top_ten(&news_index, queries, rounds, DateRange::default())?;
        points.push(ScalePoint {
            scale,
            articles: summary.articles,
            seconds,
            microseconds_per_article: seconds * 1e6 / summary.articles.max(1) as f64,
            query_p50_ms: latency.p50_ms,
        });
        drop(news_index);
        let _ = std::fs::remove_dir_all(&dir);
    }
    Ok(points)
}

/// One full newsdex indexing run into a fresh `dir`: walk, read, parse,
/// extract, index, commit.
fn time_newsdex(
    inputs: &[PathBuf],
    dir: &Path,
    options: &IndexOptions,
    megabytes: f64,
) -> Result<(NewsIndex, IndexingFigures)> {
    let stop = AtomicBool::new(false);
    let _ = std::fs::remove_dir_all(dir);
    reset_peak_rss();
    let cpu_before = cpu_seconds();
    let started = Instant::now();
    let news_index = NewsIndex::open_for_writing(dir, false)?;
    let summary = index_files(&news_index, corpus::walk(inputs), options, &Silent, &stop)?;
    let figures = IndexingFigures {
        articles: summary.articles,
        megabytes,
        seconds: started.elapsed().as_secs_f64(),
        cpu_seconds: cpu_seconds() - cpu_before,
        peak_rss_mb: peak_rss_mb(),
    };
    Ok((news_index, figures))
}

/// What to measure, and where.
#[derive(Debug, Clone)]
pub struct BenchPlan {
    /// Corpus files or folders.
    pub inputs: Vec<PathBuf>,
    pub queries: Vec<String>,
    /// Worker threads of both newsdex and the baseline.
    pub threads: usize,
    /// How many times each query is run.
    pub rounds: usize,
    /// How many times each side indexes the corpus (the fastest run counts).
    pub repeat: usize,
    /// Also index a quarter and a half of the corpus.
    pub with_scaling: bool,
    /// The fresh folder the benchmark indexes are written in.
    pub work_dir: PathBuf,
}

/// Runs the whole benchmark on `inputs`, using `work_dir` for the indexes.
///
/// Indexing is timed `repeat` times for each side, alternating newsdex and
/// the baseline so that a slow spell of a shared machine hits both, and the
/// fastest run of each is reported (as hyperfine's `min`): noise only ever
/// adds time.
pub fn run_bench(plan: &BenchPlan) -> Result<BenchReport> {
    let BenchPlan {
        inputs,
        queries,
        threads,
        rounds,
        repeat,
        with_scaling,
        work_dir,
    } = plan;
    let (inputs, queries, work_dir) = (inputs.as_slice(), queries.as_slice(), work_dir.as_path());
    let (threads, rounds, with_scaling) = (*threads, *rounds, *with_scaling);
    let repeat = (*repeat).max(1);
    let mut walk = corpus::walk(inputs);
    // A benchmark of a folder it cannot read would time nothing and look fine.
    if !walk.errors.is_empty() {
        return Err(walk.errors.swap_remove(0));
    }
    let files: Vec<_> = walk.files.clone();
    let megabytes = files.iter().map(|file| file.size).sum::<u64>() as f64 / 1e6;
    let options = IndexOptions {
        threads,
        ..IndexOptions::default()
    };
    let stop = AtomicBool::new(false);

    // The first newsdex run comes before the baseline's documents are loaded,
    // so its peak RSS is newsdex's alone.
    let newsdex_dir = work_dir.join("newsdex");
    let (mut news_index, mut newsdex) = time_newsdex(inputs, &newsdex_dir, &options, megabytes)?;
    let started = Instant::now();
    index_files(&news_index, corpus::walk(inputs), &options, &Silent, &stop)?;
    let noop_reindex_seconds = started.elapsed().as_secs_f64();
    // Stage breakdown, one thread, outside the timed runs.
    let mut breakdown = Breakdown {
        walk_and_read_s: 0.0,
        parse_s: 0.0,
        extract_s: 0.0,
    };
    let mut prepared = Vec::new();
    let fields = FieldOverrides::default();
    // The stages of the one ingest pipeline that `index` runs, timed one by one.
    let mut diagnostics = Vec::new();
    for file in &files {
        let started = Instant::now();
        let ingest::FileBytes::Read(bytes) =
            ingest::read_source(&file.path, file.size, options.max_file_bytes)
        else {
            continue;
        };
        breakdown.walk_and_read_s += started.elapsed().as_secs_f64();
        let started = Instant::now();
        let ingest::ParsedSource::Parsed { articles, .. } =
            ingest::parse_source(&file.key, &file.path, &bytes, &fields)
        else {
            continue;
        };
        breakdown.parse_s += started.elapsed().as_secs_f64();
        for parsed_article in articles {
            let key = parsed_article.key(&file.key);
            let started = Instant::now();
            let extracted = ingest::extract_article(key, parsed_article, &mut diagnostics);
            breakdown.extract_s += started.elapsed().as_secs_f64();
            diagnostics.clear();
            prepared.push(Prepared {
                title: extracted.title,
                date: extracted.date.map(|date| date.to_utc().timestamp()),
                body: extracted.body,
            });
        }
    }

    // Baseline: the same documents, prepared, into raw tantivy; then the
    // other runs of both sides, alternating.
    let baseline_dir = work_dir.join("baseline");
    let memory = options.memory_bytes;
    let (mut baseline_index, mut baseline) =
        time_baseline(&baseline_dir, &prepared, threads, memory, megabytes)?;
    let mut newsdex_seconds = vec![newsdex.seconds];
    let mut baseline_seconds = vec![baseline.seconds];
    let mut newsdex_cpu = vec![newsdex.cpu_seconds];
    let mut baseline_cpu = vec![baseline.cpu_seconds];
    for _ in 1..repeat {
        drop(news_index);
        let (again, figures) = time_newsdex(inputs, &newsdex_dir, &options, megabytes)?;
        news_index = again;
        newsdex_seconds.push(figures.seconds);
        newsdex_cpu.push(figures.cpu_seconds);
        drop(baseline_index);
        let (again, figures) = time_baseline(&baseline_dir, &prepared, threads, memory, megabytes)?;
        baseline_index = again;
        baseline_seconds.push(figures.seconds);
        baseline_cpu.push(figures.cpu_seconds);
        baseline.peak_rss_mb = baseline.peak_rss_mb.max(figures.peak_rss_mb);
    }
    // The fastest run's wall and CPU time, both from that one run.
    let fastest = |seconds: &[f64]| {
        (0..seconds.len())
            .min_by(|&a, &b| seconds[a].total_cmp(&seconds[b]))
            .unwrap_or(0)
    };
    let best = fastest(&newsdex_seconds);
    newsdex.seconds = newsdex_seconds[best];
    newsdex.cpu_seconds = newsdex_cpu[best];
    let best = fastest(&baseline_seconds);
    baseline.seconds = baseline_seconds[best];
    baseline.cpu_seconds = baseline_cpu[best];
    drop(prepared);

    news_index.reload()?;
    let query_newsdex = time_top_ten(&news_index, queries, rounds, DateRange::default())?;
    let query_baseline = time_baseline_queries(&baseline_index, queries, rounds)?;
    let middle = middle_of_span(&news_index)?;
    let query_filtered = time_top_ten(&news_index, queries, rounds, middle)?;
    let list = time_queries(queries, rounds, |_| {
        let request = SearchRequest {
            filters: Filters {
                dates: middle,
                dated_only: true,
                ..Filters::default()
            },
            limit: 50,
            sort: SortOrder::Newest,
            ..SearchRequest::default()
        };
        search(&news_index, &request).map(|_| ())
    })?;
    let scaling = if with_scaling {
        scaling(&files, queries, &options, rounds, work_dir)?
    } else {
        Vec::new()
    };
    Ok(BenchReport {
        scaling,
        corpus: inputs.to_vec(),
        threads,
        newsdex_runs_s: newsdex_seconds,
        baseline_runs_s: baseline_seconds,
        newsdex_runs_cpu_s: newsdex_cpu,
        baseline_runs_cpu_s: baseline_cpu,
        newsdex,
        baseline,
        noop_reindex_seconds,
        query_newsdex,
        query_baseline,
        query_filtered,
        list,
        breakdown,
        queries: queries.len(),
    })
}

/// The middle half of the index's date span, for filtered queries.
fn middle_of_span(news_index: &NewsIndex) -> Result<DateRange> {
    let stats = newsdex::search::reports::stats(news_index)?;
    let (Some(first), Some(last)) = (stats.first_date, stats.last_date) else {
        return Ok(DateRange::default());
    };
    let parse = |text: &str| chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d").ok();
    let (Some(first), Some(last)) = (parse(&first), parse(&last)) else {
        return Ok(DateRange::default());
    };
    let quarter = (last - first) / 4;
    let from = (first + quarter).format("%Y-%m-%d").to_string();
    let to = (last - quarter).format("%Y-%m-%d").to_string();
    DateRange::from_bounds(Some(&from), Some(&to))
}

/// Latency of `newsdex query` (top 10 with snippets) for each query, within `dates`.
fn time_top_ten(
    news_index: &NewsIndex,
    queries: &[String],
    rounds: usize,
    dates: DateRange,
) -> Result<Latency> {
    time_queries(queries, rounds, |query| {
        let request = SearchRequest {
            text: Some(query.to_string()),
            filters: Filters {
                dates,
                ..Filters::default()
            },
            limit: 10,
            snippets: true,
            ..SearchRequest::default()
        };
        search(news_index, &request).map(|_| ())
    })
}

fn time_queries(
    queries: &[String],
    rounds: usize,
    mut run: impl FnMut(&str) -> Result<()>,
) -> Result<Latency> {
    let mut samples = Vec::new();
    for _ in 0..rounds.max(1) {
        for query in queries {
            let started = Instant::now();
            run(query)?;
            samples.push(started.elapsed());
        }
    }
    Ok(Latency::from_samples(samples))
}
