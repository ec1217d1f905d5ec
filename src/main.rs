//! The `newsdex` binary: parse the command line, run one command, map the
//! outcome to an exit code (0 results, 1 no results, 2 error).

use std::process::ExitCode;

use clap::Parser;

use newsdex::cli::{Cli, Command};
use newsdex::commands::{self, Outcome};
use newsdex::index::NewsIndex;

fn run(cli: Cli) -> anyhow::Result<Outcome> {
    let open = || NewsIndex::open(&cli.index);
    match &cli.command {
        Command::Index(args) => commands::index::run(&cli.index, args),
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
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(Outcome::Found) => ExitCode::SUCCESS,
        Ok(Outcome::NothingFound) => ExitCode::from(1),
        Ok(Outcome::PartialFailure) => ExitCode::from(2),
        Err(error) => {
            eprintln!("newsdex: {error:#}");
            ExitCode::from(2)
        }
    }
}
