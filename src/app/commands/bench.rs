//! `newsdex bench`: runs the benchmark and prints its table.

use std::io::Write;

use anyhow::{Context, Result};

use crate::app::bench::{
    run_bench, BenchPlan, BenchReport, IndexingFigures, Latency, DEFAULT_QUERIES,
};
use crate::app::cli::{BenchArgs, Format};
use crate::app::commands::{with_stdout, Outcome};
use crate::app::render::json_line;
use newsdex::index::writer::default_threads;

fn indexing_row(out: &mut dyn Write, name: &str, figures: &IndexingFigures) -> std::io::Result<()> {
    writeln!(
        out,
        "| {name} | {} | {:.1} | {:.2} | {:.1} | {:.1} | {:.0} | {:.0} |",
        figures.articles,
        figures.megabytes,
        figures.seconds,
        figures.cpu_seconds,
        figures.megabytes_per_second(),
        figures.articles_per_second(),
        figures.peak_rss_mb
    )
}

fn latency_row(out: &mut dyn Write, name: &str, latency: &Latency) -> std::io::Result<()> {
    writeln!(
        out,
        "| {name} | {:.2} | {:.2} | {:.2} |",
        latency.p50_ms, latency.p95_ms, latency.p99_ms
    )
}

fn table(out: &mut dyn Write, report: &BenchReport) -> std::io::Result<()> {
    let corpus: Vec<String> = report
        .corpus
        .iter()
        .map(|path| path.display().to_string())
        .collect();
    writeln!(
        out,
        "corpus: {}; threads: {}; queries: {}",
        corpus.join(", "),
        report.threads,
        report.queries
    )?;
    let runs = |seconds: &[f64]| {
        seconds
            .iter()
            .map(|s| format!("{s:.2}"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    writeln!(
        out,
        "indexing runs, alternating (fastest kept): newsdex {} s; baseline {} s",
        runs(&report.newsdex_runs_s),
        runs(&report.baseline_runs_s)
    )?;
    writeln!(out)?;
    writeln!(
        out,
        "| indexing | articles | MB | seconds | CPU s | MB/s | articles/s | peak RSS MB |"
    )?;
    writeln!(out, "| --- | --- | --- | --- | --- | --- | --- | --- |")?;
    indexing_row(out, "newsdex", &report.newsdex)?;
    indexing_row(out, "baseline (raw tantivy)", &report.baseline)?;
    let ratio = |a: f64, b: f64| a / b.max(1e-9);
    writeln!(
        out,
        "| ratio newsdex / baseline | | | {:.2} × | {:.2} × | | | {:.2} × |",
        ratio(report.newsdex.seconds, report.baseline.seconds),
        ratio(report.newsdex.cpu_seconds, report.baseline.cpu_seconds),
        ratio(report.newsdex.peak_rss_mb, report.baseline.peak_rss_mb)
    )?;
    writeln!(out)?;
    writeln!(
        out,
        "no-op re-index: {:.2} s = {:.1} % of the full run",
        report.noop_reindex_seconds,
        100.0 * ratio(report.noop_reindex_seconds, report.newsdex.seconds)
    )?;
    let breakdown = &report.breakdown;
    writeln!(
        out,
        "one-thread stage times: walk+read {:.2} s, parse {:.2} s, extract {:.2} s (extraction {:.1} MB/s)",
        breakdown.walk_and_read_s,
        breakdown.parse_s,
        breakdown.extract_s,
        ratio(report.newsdex.megabytes, breakdown.extract_s)
    )?;
    writeln!(out)?;
    writeln!(
        out,
        "| query latency (ms, in-process, top 10 + snippets) | p50 | p95 | p99 |"
    )?;
    writeln!(out, "| --- | --- | --- | --- |")?;
    latency_row(out, "newsdex query", &report.query_newsdex)?;
    latency_row(out, "baseline query", &report.query_baseline)?;
    latency_row(out, "newsdex query --from/--to", &report.query_filtered)?;
    latency_row(out, "newsdex list --from/--to (50)", &report.list)?;
    writeln!(
        out,
        "| ratio newsdex / baseline (p50) | {:.2} × | | |",
        ratio(report.query_newsdex.p50_ms, report.query_baseline.p50_ms)
    )?;
    let Some(smallest) = report.scaling.first() else {
        return Ok(());
    };
    writeln!(out)?;
    writeln!(
        out,
        "| scale | articles | seconds | µs/article | vs 1× | query p50 ms | vs 1× |"
    )?;
    writeln!(out, "| --- | --- | --- | --- | --- | --- | --- |")?;
    for point in &report.scaling {
        writeln!(
            out,
            "| {}× | {} | {:.2} | {:.0} | {:.2} × | {:.2} | {:.2} × |",
            point.scale,
            point.articles,
            point.seconds,
            point.microseconds_per_article,
            ratio(
                point.microseconds_per_article,
                smallest.microseconds_per_article
            ),
            point.query_p50_ms,
            ratio(point.query_p50_ms, smallest.query_p50_ms)
        )?;
    }
    Ok(())
}

pub fn run(args: &BenchArgs) -> Result<Outcome> {
    let queries: Vec<String> = match &args.queries {
        Some(path) => std::fs::read_to_string(path)
            .with_context(|| format!("{}: cannot read queries", path.display()))?
            .lines()
            .map(str::trim)
            .filter(|line| !line.is_empty())
            .map(str::to_string)
            .collect(),
        None => DEFAULT_QUERIES
            .iter()
            .map(|query| query.to_string())
            .collect(),
    };
    // The benchmark writes and removes indexes only inside a fresh folder of
    // its own, made inside --work-dir when given: never in folders it did not create.
    let mut builder = tempfile::Builder::new();
    builder.prefix("newsdex-bench-");
    let temporary = match &args.work_dir {
        Some(parent) => builder
            .tempdir_in(parent)
            .with_context(|| format!("cannot create a folder in {}", parent.display()))?,
        None => builder
            .tempdir()
            .context("cannot create a temporary folder")?,
    };
    let work_dir = temporary.path().to_path_buf();
    let threads = args.threads.unwrap_or_else(default_threads);
    let plan = BenchPlan {
        inputs: args.paths.clone(),
        queries,
        threads,
        rounds: args.rounds,
        repeat: args.repeat,
        with_scaling: args.scaling,
        work_dir,
    };
    let report = run_bench(&plan)?;
    with_stdout(|out| match args.format {
        Format::Text => table(out, &report),
        Format::Json | Format::Jsonl => json_line(out, &report),
    })?;
    Ok(Outcome::Found)
}
