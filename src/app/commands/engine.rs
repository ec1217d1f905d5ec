//! The commands on a Quickwit engine (`--engine quickwit://HOST:PORT/INDEX`):
//! the same requests and the same renderers as on a local index, answered
//! by `newsdex::engine`.

use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{bail, Result};

use crate::app::cli::{Cli, Command, Format, IndexArgs, QueryArgs, QueryFormat};
use crate::app::commands::{
    field_overrides, filters, index, print_notes, query, reports, show, style, with_stdout, Outcome,
};
use crate::app::render::{self, display_path, json_line};
use newsdex::corpus;
use newsdex::engine::{reports as engine_reports, search as engine_search};
use newsdex::engine::{send_files, EngineUrl, Quickwit, SendOptions, Shard};
use newsdex::index::writer::default_threads;
use newsdex::search::reports::ReportQuery;
use newsdex::search::{Ranking, SearchRequest, SortOrder};

/// Where the record of what was sent to each engine is kept:
/// `$NEWSDEX_STATE_DIR`, else `$XDG_STATE_HOME/newsdex`, else `~/.local/state/newsdex`.
fn state_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("NEWSDEX_STATE_DIR") {
        return PathBuf::from(dir);
    }
    if let Some(dir) = std::env::var_os("XDG_STATE_HOME") {
        return PathBuf::from(dir).join("newsdex");
    }
    let home = std::env::var_os("HOME").map_or_else(|| PathBuf::from("."), PathBuf::from);
    home.join(".local/state/newsdex")
}

/// Runs the command on the engine at `url`.
pub fn run(url: &str, cli: &Cli) -> Result<Outcome> {
    let engine = Quickwit::connect(EngineUrl::parse(url)?);
    match &cli.command {
        Command::Index(args) => run_index(&engine, args),
        Command::Query(args) => run_query(&engine, args, cli),
        Command::List(args) => {
            let mut list_filters = filters(&args.filters)?;
            list_filters.dated_only = true;
            let request = SearchRequest {
                text: None,
                filters: list_filters,
                limit: args.limit,
                offset: args.offset,
                sort: if args.newest {
                    SortOrder::Newest
                } else {
                    args.sort.into()
                },
                all_copies: args.all_copies,
                ..SearchRequest::default()
            };
            let results = engine_search::search(&engine, &request)?;
            if args.output.count {
                with_stdout(|out| writeln!(out, "{}", results.total))?;
                return Ok(Outcome::from_count(results.total));
            }
            let style = style(cli.color, args.output.long);
            query::print_results(&results, None, args.format, |out| {
                render::list_text(out, &results, style)
            })?;
            Ok(Outcome::from_count(results.hits.len()))
        }
        Command::Show(args) => {
            let typed = args.path.to_string_lossy();
            let keys = show::article_keys(&typed);
            let by_path = show::find_first(&keys, |key| engine_search::find_article(&engine, key))?;
            let found = match by_path {
                Some(article) => Some(article),
                None => engine_search::find_article_by_id(&engine, typed.trim())?,
            };
            let Some(article) = found else {
                bail!(
                    "{}: not in {} (no article has this id or path)",
                    display_path(&typed),
                    engine.url
                );
            };
            with_stdout(|out| match args.format {
                Format::Text => render::article_text(out, &article),
                Format::Json | Format::Jsonl => {
                    let mut shown = article.clone();
                    shown.path = display_path(&article.path);
                    json_line(out, &shown)
                }
            })?;
            Ok(Outcome::Found)
        }
        Command::Quotes(args) => {
            let quote_filters = filters(&args.filters)?;
            let mut quotes = engine_reports::find_quotes(
                &engine,
                args.query.as_deref(),
                &quote_filters,
                args.limit,
            )?;
            for quote in &mut quotes {
                quote.path = display_path(&quote.path);
            }
            let style = style(cli.color, false);
            reports::print_items(&quotes, args.format, |out| {
                render::quotes_text(out, &quotes, style)
            })?;
            Ok(Outcome::from_count(quotes.len()))
        }
        Command::Entities(args) => {
            let report = ReportQuery {
                text: args.query.as_deref(),
                match_any: args.matching.any,
            };
            let counts = engine_reports::top_entities(
                &engine,
                report,
                &filters(&args.filters)?,
                args.kind.map(Into::into),
                args.limit,
            )?;
            reports::print_items(&counts, args.format, |out| {
                render::entities_with_kinds_text(out, &counts)
            })?;
            Ok(Outcome::from_count(counts.len()))
        }
        Command::Timeline(args) => {
            let report = ReportQuery {
                text: args.query.as_deref(),
                match_any: args.matching.any,
            };
            let periods = engine_reports::timeline(
                &engine,
                report,
                &filters(&args.filters)?,
                args.interval.into(),
            )?;
            reports::print_items(&periods, args.format, |out| {
                render::timeline_text(out, &periods)
            })?;
            Ok(Outcome::from_count(
                periods.iter().filter(|period| period.articles > 0).count(),
            ))
        }
        Command::Stats(args) => {
            let stats = engine_reports::stats(&engine)?;
            let shown = engine.url.to_string();
            with_stdout(|out| match args.format {
                Format::Text => render::stats_text(out, &stats, Path::new(&shown)),
                Format::Json | Format::Jsonl => json_line(out, &stats),
            })?;
            Ok(Outcome::Found)
        }
        _ => bail!("this command does not take --engine; run it without it"),
    }
}

fn run_query(engine: &Quickwit, args: &QueryArgs, cli: &Cli) -> Result<Outcome> {
    let ranking = Ranking {
        expand: args.expand,
        ..Ranking::default()
    };
    let request = query::query_request(args, ranking)?;
    let results = engine_search::search(engine, &request)?;
    print_notes(&results.notes);
    if args.output.count {
        with_stdout(|out| writeln!(out, "{}", results.total))?;
        return Ok(Outcome::from_count(results.total));
    }
    let format = match args.format {
        QueryFormat::Trec => bail!("--format trec is not available with --engine"),
        QueryFormat::Text => Format::Text,
        QueryFormat::Json => Format::Json,
        QueryFormat::Jsonl => Format::Jsonl,
    };
    let style = style(cli.color, args.output.long);
    query::print_results(&results, Some(&args.query), format, |out| {
        render::results_text(out, &results, args.offset, style)
    })?;
    Ok(Outcome::from_count(results.hits.len()))
}

fn run_index(engine: &Quickwit, args: &IndexArgs) -> Result<Outcome> {
    let started = Instant::now();
    if args.rebuild {
        bail!("--rebuild is not available with --engine: delete the Quickwit index (and newsdex's record of it) to send everything again");
    }
    index::check_paths_exist(&args.paths, "sent")?;
    let stop = index::stop_on_signal();
    let options = SendOptions {
        threads: args.threads.map_or_else(default_threads, usize::from),
        fields: field_overrides(&args.fields)?,
        max_file_bytes: args.max_filesize << 20,
        shard: args.shard.as_deref().map(Shard::parse).transpose()?,
        state_dir: state_dir(),
        allow_mass_delete: args.allow_mass_delete,
        batch_bytes: usize::try_from(args.batch_kb << 10).unwrap_or(usize::MAX),
        keep_boilerplate: args.keep_boilerplate,
    };
    let walk = corpus::walk(&args.paths);
    let progress = index::progress(args.quiet);
    let sent = send_files(engine, walk, &options, &progress, &stop);
    progress.print_pending();
    let summary = sent?;
    progress.bar.finish_and_clear();
    if summary.interrupted {
        index::say("interrupted: what was sent is recorded; run the same command again to finish");
    }
    if summary.withheld_removals > 0 {
        index::say(&format!(
            "newsdex: this run would remove {} of the {} files sent to {}; nothing was removed: pass --allow-mass-delete to do it",
            summary.withheld_removals, summary.files_before, engine.url
        ));
    }
    if !args.quiet {
        let seconds = started.elapsed().as_secs_f64();
        index::say(&index::summary_line(&summary, seconds));
    }
    if summary.interrupted {
        return Ok(Outcome::Interrupted);
    }
    let went_wrong = summary.failed + summary.withheld_removals + summary.internal_errors;
    Ok(if went_wrong > 0 {
        Outcome::PartialFailure
    } else {
        Outcome::Found
    })
}
