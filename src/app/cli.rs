//! The command line: clap derive structs whose doc comments are the `--help` text.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

use newsdex::article::EntityKind;
use newsdex::search::reports::Interval;
use newsdex::search::SortOrder;

mod corpus_args;
mod search_args;

pub use corpus_args::*;
pub use search_args::*;

/// The library's enums, as the command line spells them: the library itself
/// knows nothing of clap.
macro_rules! cli_enum {
    ($(#[$meta:meta])* $name:ident => $library:ident { $($(#[$variant_meta:meta])* $variant:ident),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
        pub enum $name {
            $($(#[$variant_meta])* $variant),+
        }

        impl From<$name> for $library {
            fn from(choice: $name) -> $library {
                match choice {
                    $($name::$variant => $library::$variant),+
                }
            }
        }
    };
}

cli_enum!(
    /// How results are ordered.
    SortArg => SortOrder {
        /// Best match first.
        Relevance,
        /// Newest first.
        Newest,
        /// Oldest first.
        Oldest,
    }
);

cli_enum!(
    /// How a listing is ordered (no text, so no relevance).
    DateSortArg => SortOrder {
        /// Oldest first.
        Oldest,
        /// Newest first.
        Newest,
    }
);

cli_enum!(
    /// The width of one bar of a timeline.
    IntervalArg => Interval { Day, Week, Month, Year }
);

cli_enum!(
    /// A kind of named entity.
    KindArg => EntityKind { Person, Organization, Place, Other }
);

const AFTER_HELP: &str = "\
Examples:
  newsdex index corpus/                      index a folder (again: only what changed)
  newsdex query \"Ukraine sovereignty\"        ranked search with snippets
  newsdex query gas --from 2022-02 --to 2022-03 --entity Gazprom
  newsdex list --from 2022-02-24 --to 2022-02-24 --count
  newsdex quotes --speaker Zelenskyy          who said what
  newsdex entities --from 2022 --kind person  who dominates a period
  newsdex timeline sanctions --interval week

Dates: --from/--to take a year (2022), a month (2022-02), a day (2022-02-24), each the
article's own calendar day, or an RFC 3339 instant (2022-02-24T09:00:00+02:00).

Exit codes: 0 something found (or done), 1 nothing found, 2 an error (some files failing to
index also exit 2, after the run), 130 interrupted (Ctrl-C).";

/// Search engine for news corpora: index a folder of articles, then search
/// them by words, dates, entities and speakers.
#[derive(Debug, Parser)]
#[command(name = "newsdex", version, max_term_width = 100, after_help = AFTER_HELP)]
pub struct Cli {
    /// Index folder [default: the nearest `index/` holding a newsdex index in
    /// this folder or a parent, as git finds its repository; else ./index].
    #[arg(
        long,
        global = true,
        env = "NEWSDEX_INDEX",
        value_name = "DIR",
        help_heading = "Global options"
    )]
    pub index: Option<PathBuf>,

    /// Index into and search a Quickwit cluster instead of a local index:
    /// quickwit://HOST:PORT/INDEX (index, query, list, show, quotes, entities,
    /// timeline, stats). newsdex still reads the corpus and extracts entities
    /// and quotes; Quickwit stores and searches. What differs: no English
    /// stemming (`sanction` does not find `sanctions`), plain BM25 over title
    /// and body (no title boost, no --expand), entity aliases are not folded
    /// (`US` is not `United States`), counts take each exact copy of a body once
    /// as the local index does but near copies (lightly edited ones, which the
    /// local index groups) apart, and an edited or removed file's old articles
    /// go when Quickwit applies its delete task (a minute or two). What was sent is
    /// recorded in $NEWSDEX_STATE_DIR (default ~/.local/state/newsdex).
    #[arg(
        long,
        global = true,
        env = "NEWSDEX_ENGINE",
        value_name = "URL",
        help_heading = "Global options"
    )]
    pub engine: Option<String>,

    /// When to highlight matches: auto (on a terminal, unless NO_COLOR is set
    /// or CLICOLOR_FORCE asks for colour), always, never.
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto, help_heading = "Global options")]
    pub color: ColorChoice,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Index article files (incremental: unchanged files are not read again).
    Index(IndexArgs),
    /// Ranked full-text search (BM25) with snippets and filters.
    Query(QueryArgs),
    /// List articles in date order.
    List(ListArgs),
    /// Show one stored article: date, title, entities, quotes and body.
    Show(ShowArgs),
    /// Parse and extract files without an index; one JSON object per article per line.
    Extract(ExtractArgs),
    /// Which quotations match, who said them, when (`--speaker`, query words).
    Quotes(QuotesArgs),
    /// Which entities the matching articles name most (e.g. in a period).
    Entities(EntitiesArgs),
    /// How many articles match per day, week, month or year.
    Timeline(TimelineArgs),
    /// Index size, date span and most frequent entities.
    Stats(StatsArgs),
    /// Measure indexing and query speed against a raw tantivy baseline (same run).
    Bench(BenchArgs),
    /// Show how files will be read, without indexing: per layout, which key feeds
    /// each field and how often it is present, sample records, what is skipped and why.
    Inspect(InspectArgs),
    /// Score the ranking on judged topics (TREC topics and qrels): nDCG@10, P@10, MAP, recall.
    Eval(EvalArgs),
    /// Serve a search page and a JSON API over the index (http://127.0.0.1:7700/ by default).
    Serve(ServeArgs),
    /// Print a shell completion script, e.g. `newsdex completions bash > /etc/bash_completion.d/newsdex`.
    Completions(CompletionsArgs),
    /// Print the manual page (roff), e.g. `newsdex man > newsdex.1 && man ./newsdex.1`.
    Man,
}

impl Cli {
    /// The index folder this run uses: `--index` (or `NEWSDEX_INDEX`), else
    /// the nearest newsdex index found from the current folder up, else `index`.
    pub fn index_dir(&self) -> PathBuf {
        if let Some(dir) = &self.index {
            return dir.clone();
        }
        let current = std::env::current_dir().unwrap_or_default();
        newsdex::index::find_index_upwards(&current).unwrap_or_else(|| PathBuf::from("index"))
    }
}
