//! `newsdex completions SHELL` and `newsdex man`: generated from the clap
//! definitions, so they never disagree with `--help`.

use anyhow::Result;
use clap::CommandFactory;

use crate::app::cli::{Cli, CompletionsArgs};
use crate::app::commands::{with_stdout, Outcome};

pub fn run_completions(args: &CompletionsArgs) -> Result<Outcome> {
    let mut command = Cli::command();
    with_stdout(|out| {
        clap_complete::generate(args.shell, &mut command, "newsdex", out);
        Ok(())
    })?;
    Ok(Outcome::Found)
}

pub fn run_man() -> Result<Outcome> {
    let page = clap_mangen::Man::new(Cli::command());
    let mut roff = Vec::new();
    page.render(&mut roff)?;
    with_stdout(|out| out.write_all(&roff))?;
    Ok(Outcome::Found)
}
