//! One module per subcommand: each turns its clap Args into a library request,
//! runs it and renders the answer. Shared flag handling lives here.

pub mod bench;
pub mod completions;
pub mod engine;
pub mod eval;
pub mod extract;
pub mod index;
pub mod inspect;
pub mod query;
pub mod reports;
pub mod show;

use std::io::{self, IsTerminal, Write};

use anyhow::{bail, Result};

use crate::app::cli::{ColorChoice, FieldArgs, FilterArgs};
use crate::app::render::Style;
use newsdex::parse::FieldOverrides;
use newsdex::search::{DateRange, Filters};

/// How a command ended, as ripgrep's exit codes say it: 0 found, 1 nothing found, 2 error.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Found,
    NothingFound,
    /// The command ran, but some inputs failed (reported as they happened).
    PartialFailure,
    /// Stopped by Ctrl-C or another termination signal (exit 130, as shells expect).
    Interrupted,
}

impl Outcome {
    pub fn from_count(count: usize) -> Outcome {
        if count > 0 {
            Outcome::Found
        } else {
            Outcome::NothingFound
        }
    }
}

pub fn filters(args: &FilterArgs) -> Result<Filters> {
    Ok(Filters {
        dates: DateRange::from_bounds(args.from.as_deref(), args.to.as_deref())?,
        entities: args.entity.clone(),
        speaker: args.speaker.clone(),
        source: args.source.clone(),
        dated_only: false,
    })
}

pub fn field_overrides(args: &FieldArgs) -> Result<FieldOverrides> {
    let mut overrides = FieldOverrides::default();
    for spec in &args.fields {
        let Some((field, name)) = spec.split_once('=') else {
            bail!("--field {spec:?}: expected FIELD=NAME, e.g. date=published_at");
        };
        let slot = match field.trim() {
            "date" => &mut overrides.date,
            "title" => &mut overrides.title,
            "body" => &mut overrides.body,
            "url" => &mut overrides.url,
            "author" => &mut overrides.author,
            "source" => &mut overrides.source,
            "id" => &mut overrides.id,
            other => bail!("--field {spec:?}: unknown field {other:?} (date, title, body, url, author, source, id)"),
        };
        *slot = Some(name.trim().to_string());
    }
    Ok(overrides)
}

pub fn style(choice: ColorChoice) -> Style {
    let color = match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
    };
    Style { color }
}

/// Runs `render` on a buffered stdout; a closed pipe (`| head`) is not an error.
pub fn with_stdout(render: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> Result<()> {
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let written = render(&mut out).and_then(|()| out.flush());
    match written {
        Err(error) if error.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        other => Ok(other?),
    }
}

/// Says on stderr what was changed or dropped to read a query.
pub fn print_notes(notes: &[String]) {
    for note in notes {
        eprintln!("newsdex: note: {note}");
    }
}
