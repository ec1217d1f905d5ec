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
pub mod serve;
pub mod show;

use std::io::{self, Write};

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

/// Whether text output is coloured: `--color`, else as anstream decides for
/// stdout (a terminal, `NO_COLOR`, `CLICOLOR`, `CLICOLOR_FORCE`, `TERM=dumb`).
pub fn style(choice: ColorChoice, long_dates: bool) -> Style {
    let color = match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            anstream::AutoStream::choice(&io::stdout()) != anstream::ColorChoice::Never
        }
    };
    Style { color, long_dates }
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

/// Says on stderr when a listing stopped before the end (`11-20 of 68
/// articles shown; --limit or --offset for more`), or went past it.
pub fn note_paging(shown: usize, offset: usize, total: usize, noun: &str) {
    if shown == 0 && offset > 0 && total > 0 {
        eprintln!("newsdex: --offset {offset} is past the last of the {total} {noun}");
        return;
    }
    let last = offset + shown;
    if shown == 0 || (offset == 0 && last >= total) {
        return;
    }
    let range = if offset == 0 {
        format!("{last}")
    } else {
        format!("{}-{last}", offset + 1)
    };
    let more = if last < total {
        "; --limit or --offset for more"
    } else {
        ""
    };
    eprintln!("newsdex: {range} of {total} {noun} shown{more}");
}

/// After a listing that found nothing: which `--entity`, `--speaker` or
/// `--source` matches no article at all, and the closest values there are.
pub fn note_unmatched(news_index: &newsdex::index::NewsIndex, filters: &Filters) -> Result<()> {
    for unmatched in newsdex::search::suggest::unmatched_filters(news_index, filters)? {
        let value = crate::app::render::line(&unmatched.value);
        let closest: Vec<String> = unmatched
            .closest
            .iter()
            .map(|name| format!("{:?}", crate::app::render::line(name)))
            .collect();
        let what = unmatched.flag.trim_start_matches('-');
        let hint = match (closest.is_empty(), unmatched.flag) {
            _ if unmatched.known_values == 0 => format!("no article in the index has a {what}"),
            (true, _) => "nothing in the index comes close".to_string(),
            (false, "--source") => format!("the index has sources such as {}", closest.join(", ")),
            (false, _) => format!("closest: {}", closest.join(", ")),
        };
        eprintln!(
            "newsdex: no article matches {} {:?}; {hint}",
            unmatched.flag, value
        );
    }
    Ok(())
}
