//! The `newsdex` binary: parse the command line, run one command, map the
//! outcome to an exit code (0 results, 1 no results, 2 error).

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;

mod app;

use app::cli::{Cli, Command};
use app::commands::{self, Outcome};
use newsdex::index::NewsIndex;

/// mimalloc: extraction's many small allocations cost a tenth of its time
/// under the system allocator. Built with `no_thp`: transparent huge pages
/// made the kernel zero 2 MiB pages as the heap grew and shrank, 4-7 % of an
/// `extract` run's profile.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn run(cli: Cli) -> anyhow::Result<Outcome> {
    if let Some(url) = &cli.engine {
        return commands::engine::run(url, &cli);
    }
    let index_dir = cli.index_dir();
    let open = || NewsIndex::open(&index_dir);
    match &cli.command {
        Command::Index(args) => commands::index::run(&index_dir, args),
        Command::Extract(args) => commands::extract::run(args),
        Command::Query(args) => commands::query::run_query(&open()?, args, cli.color),
        Command::List(args) => commands::query::run_list(&open()?, args, cli.color),
        Command::Show(args) => commands::show::run(&open()?, args),
        Command::Quotes(args) => commands::reports::run_quotes(&open()?, args, cli.color),
        Command::Entities(args) => commands::reports::run_entities(&open()?, args),
        Command::Timeline(args) => commands::reports::run_timeline(&open()?, args),
        Command::Stats(args) => commands::reports::run_stats(&open()?, args),
        Command::Bench(args) => commands::bench::run(args),
        Command::Inspect(args) => commands::inspect::run(args),
        Command::Eval(args) => commands::eval::run(&open()?, args),
        Command::Serve(args) => commands::serve::run(open()?, args),
        Command::Completions(args) => commands::completions::run_completions(args),
        Command::Man => commands::completions::run_man(),
    }
}

/// Runs the command; a panic while reading an index (a damaged file can make
/// tantivy panic) is checked against the index's checksums and reported as
/// one short message, never a backtrace.
fn run_guarded(cli: Cli) -> anyhow::Result<Outcome> {
    let reads_index = !matches!(
        cli.command,
        Command::Index(_)
            | Command::Extract(_)
            | Command::Bench(_)
            | Command::Completions(_)
            | Command::Man
            | Command::Inspect(_)
    );
    let index_dir = cli.index_dir();
    match newsdex::ingest::catch_panic(|| run(cli)) {
        Ok(outcome) => outcome,
        Err(panic) if reads_index => {
            Err(newsdex::index::explain_read_panic(&index_dir, &panic).into())
        }
        Err(panic) => Err(newsdex::Error::Internal(format!("{panic} (please report)")).into()),
    }
}

/// The error and its causes, `: `-separated, leaving out a cause whose text
/// the message already holds (`nosuch: No such file…` once, not twice).
fn error_message(error: &anyhow::Error) -> String {
    let mut message = error.to_string();
    for cause in error.chain().skip(1) {
        let text = cause.to_string();
        if !message.contains(&text) {
            message.push_str(": ");
            message.push_str(&text);
        }
    }
    message
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    newsdex::ingest::install_panic_hook();
    match run_guarded(cli) {
        Ok(Outcome::Found) => ExitCode::SUCCESS,
        Ok(Outcome::NothingFound) => ExitCode::from(1),
        Ok(Outcome::PartialFailure) => ExitCode::from(2),
        Ok(Outcome::Interrupted) => ExitCode::from(130),
        Err(error) => {
            let message = error_message(&error);
            // The message may quote a file name or a query: shown, never obeyed.
            let _ = writeln!(
                std::io::stderr(),
                "newsdex: {}",
                app::render::line(&message)
            );
            ExitCode::from(2)
        }
    }
}
