//! The command line: clap derive structs whose doc comments are the `--help` text.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use newsdex::article::EntityKind;
use newsdex::search::reports::Interval;
use newsdex::search::SortOrder;

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
    /// and body (no title boost, no --expand), entity spellings are not folded
    /// (`US` is not `United States`), counts include syndicated copies (the local index counts each body
    /// once), timelines count by UTC day, and an edited or removed file's old articles go when
    /// Quickwit applies its delete task (a minute or two). What was sent is
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

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Address to listen on. Anything but a loopback address lets other machines
    /// read the whole index: the API has no authentication.
    #[arg(long, value_name = "IP:PORT", default_value = newsdex::serve::DEFAULT_ADDR)]
    pub addr: std::net::SocketAddr,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to complete for.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

#[derive(Debug, Args)]
pub struct InspectArgs {
    /// Files or folders to look at (folders are walked recursively).
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,

    #[command(flatten)]
    pub fields: FieldArgs,
}

#[derive(Debug, Args)]
pub struct IndexArgs {
    /// Files or folders to index (folders are walked recursively).
    #[arg(default_value = "corpus")]
    pub paths: Vec<PathBuf>,

    /// Index everything again from scratch. The new index replaces the old one in a
    /// single commit, so searches see the old index until the new one is complete.
    #[arg(long)]
    pub rebuild: bool,

    /// Allow a run to remove more than half of the indexed files (for example after
    /// deleting most of a corpus); without it such a run stops and changes nothing,
    /// so that an unmounted drive or an emptied folder does not empty the index.
    #[arg(long)]
    pub allow_mass_delete: bool,

    /// No progress bar and no summary.
    #[arg(long, short)]
    pub quiet: bool,

    /// Worker threads (default: one per core).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..=256))]
    pub threads: Option<u16>,

    /// Memory budget of the index writer, in MB.
    #[arg(long, value_name = "MB", default_value_t = 256, value_parser = clap::value_parser!(u32).range(16..=65536))]
    pub memory: u32,

    /// Skip files larger than this many MB (reported as skipped).
    #[arg(long, value_name = "MB", default_value_t = 1024, value_parser = clap::value_parser!(u64).range(1..=1_048_576))]
    pub max_filesize: u64,

    /// With --engine: send only the files whose path hashes to part I of N
    /// (e.g. `--shard 2/4`), so that N machines each send a part of one corpus.
    #[arg(long, value_name = "I/N")]
    pub shard: Option<String>,

    /// Commit at least every this many seconds on long runs.
    #[arg(long, value_name = "SECONDS", default_value = "10", hide = true, value_parser = parse_seconds)]
    pub commit_every: std::time::Duration,

    #[command(flatten)]
    pub fields: FieldArgs,
}

#[derive(Debug, Args)]
pub struct FieldArgs {
    /// Which column, key or dotted path holds a field, e.g. `--field date=published_at`
    /// or `--field body=parsed_data.text`; applies to every layout with named fields
    /// (CSV/TSV columns, JSON and JSON Lines keys at any depth, header blocks).
    /// Fields: date, title, body, url, author, source, id.
    #[arg(long = "field", value_name = "FIELD=NAME")]
    pub fields: Vec<String>,
}

/// Filters shared by query, list and the reports.
#[derive(Debug, Args, Default)]
pub struct FilterArgs {
    /// Only articles on or after this date: a year (2022), a month (2022-02) or a
    /// day (2022-02-24), each the article's own calendar day, or an RFC 3339 instant.
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,

    /// Only articles on or before this date (forms as --from; `--to 2022-02` is up
    /// to the end of February).
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,

    /// Only articles naming this entity (repeatable: all must match).
    #[arg(long, value_name = "NAME")]
    pub entity: Vec<String>,

    /// Only articles quoting this speaker.
    #[arg(long, value_name = "NAME")]
    pub speaker: Option<String>,

    /// Only articles from this source (publisher or corpus).
    #[arg(long, value_name = "NAME")]
    pub source: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum Format {
    #[default]
    Text,
    Json,
    Jsonl,
}

/// Output of `query`: the shared formats, or TREC run lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum QueryFormat {
    #[default]
    Text,
    Json,
    Jsonl,
    /// `TOPIC Q0 ID RANK SCORE TAG` per hit (with --topic and --run-tag).
    Trec,
}

/// Which articles match a query's words.
#[derive(Debug, Args, Default)]
pub struct MatchArgs {
    /// Count and list articles holding any of the words (default: all of them).
    #[arg(long)]
    pub any: bool,
}

#[derive(Debug, Args)]
pub struct QueryArgs {
    /// Query in tantivy syntax: words, "phrases", +must, -not, AND/OR,
    /// and fields title:, body:, entity:, quote:, speaker:. Text that is not
    /// well formed is read leniently (a note on stderr says what was dropped).
    pub query: String,

    #[command(flatten)]
    pub matching: MatchArgs,

    /// The topic number of TREC run lines (--format trec).
    #[arg(long, value_name = "N", default_value = "0")]
    pub topic: String,

    /// The run tag of TREC run lines (--format trec).
    #[arg(long, value_name = "NAME", default_value = "newsdex")]
    pub run_tag: String,

    /// Add the words the best first hits share to the query (pseudo-relevance
    /// feedback, RM3): finds articles that use other words for the same thing.
    #[arg(long)]
    pub expand: bool,

    /// Ranking knobs, KEY=VALUE,... (title, entity, quote, tier, proximity, slop, bm25f, expand): for measuring.
    #[arg(long, value_name = "SPEC", hide = true)]
    pub ranking: Option<String>,

    #[command(flatten)]
    pub filters: FilterArgs,

    /// How many hits to show.
    #[arg(long, short = 'n', default_value_t = 10)]
    pub limit: usize,

    /// Skip this many hits first (paging).
    #[arg(long, default_value_t = 0)]
    pub offset: usize,

    #[arg(long, value_enum, default_value_t = SortArg::Relevance)]
    pub sort: SortArg,

    /// Show and count every copy of syndicated articles (by default each body
    /// is shown and counted once).
    #[arg(long)]
    pub all_copies: bool,

    #[command(flatten)]
    pub output: OutputArgs,

    #[arg(long, value_enum, default_value_t = QueryFormat::Text)]
    pub format: QueryFormat,
}

/// How much of each listed article is printed.
#[derive(Debug, Args, Default)]
pub struct OutputArgs {
    /// Print only how many articles match (syndicated copies once, unless --all-copies).
    #[arg(long, short = 'c', conflicts_with_all = ["limit", "offset", "long"])]
    pub count: bool,

    /// Print full dates with time and zone (text output; JSON always has them).
    #[arg(long, short = 'l')]
    pub long: bool,
}

#[derive(Debug, Args)]
pub struct ListArgs {
    #[command(flatten)]
    pub filters: FilterArgs,

    /// How many articles to show.
    #[arg(long, short = 'n', default_value_t = 50)]
    pub limit: usize,

    /// Skip this many articles first (paging).
    #[arg(long, default_value_t = 0)]
    pub offset: usize,

    #[arg(long, value_enum, default_value_t = DateSortArg::Oldest)]
    pub sort: DateSortArg,

    /// The same as --sort newest.
    #[arg(long, hide = true, conflicts_with = "sort")]
    pub newest: bool,

    /// Show and count every copy of syndicated articles.
    #[arg(long)]
    pub all_copies: bool,

    #[command(flatten)]
    pub output: OutputArgs,

    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// The article's id as its source gives it (a TREC DOCNO, a record id, a
    /// Message-ID), or its file: FILE, FILE#N for the N-th article of a
    /// multi-article file, FILE#MEMBER for an archive member. File names that
    /// are not UTF-8 are taken as they are.
    pub path: std::ffi::OsString,

    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// Article files (any supported format).
    #[arg(required = true)]
    pub files: Vec<PathBuf>,

    #[command(flatten)]
    pub fields: FieldArgs,
}

#[derive(Debug, Args)]
pub struct QuotesArgs {
    /// Words the quotation must contain (optional).
    pub query: Option<String>,

    #[command(flatten)]
    pub filters: FilterArgs,

    /// How many quotations to show.
    #[arg(long, short = 'n', default_value_t = 20)]
    pub limit: usize,

    /// Skip this many quotations first (paging).
    #[arg(long, default_value_t = 0)]
    pub offset: usize,

    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

#[derive(Debug, Args)]
pub struct EntitiesArgs {
    /// Only articles matching this query (optional).
    pub query: Option<String>,

    #[command(flatten)]
    pub matching: MatchArgs,

    #[command(flatten)]
    pub filters: FilterArgs,

    /// Only entities of this kind. Without it: people, organizations and
    /// places; nationalities, events and other names (`Russian`, `Western`)
    /// only with `--kind other`.
    #[arg(long, value_enum)]
    pub kind: Option<KindArg>,

    /// How many entities to show.
    #[arg(long, short = 'n', default_value_t = 20)]
    pub limit: usize,

    /// Skip this many entities first (paging).
    #[arg(long, default_value_t = 0)]
    pub offset: usize,

    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

#[derive(Debug, Args)]
pub struct TimelineArgs {
    /// Only articles matching this query (optional: all articles).
    pub query: Option<String>,

    #[command(flatten)]
    pub matching: MatchArgs,

    #[command(flatten)]
    pub filters: FilterArgs,

    #[arg(long, value_enum, default_value_t = IntervalArg::Month)]
    pub interval: IntervalArg,

    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

#[derive(Debug, Args)]
pub struct StatsArgs {
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

#[derive(Debug, Args)]
pub struct BenchArgs {
    /// Corpus files or folders to index.
    #[arg(default_value = "corpus")]
    pub paths: Vec<PathBuf>,

    /// A file of queries, one per line (default: 20 common news queries).
    #[arg(long, value_name = "FILE")]
    pub queries: Option<PathBuf>,

    /// Worker threads for both newsdex and the baseline (default: one per core).
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,

    /// How many times each query is run.
    #[arg(long, default_value_t = 5)]
    pub rounds: usize,

    /// How many times newsdex and the baseline each index the corpus,
    /// alternating; the fastest run of each is reported.
    #[arg(long, default_value_t = 3)]
    pub repeat: usize,

    /// Also index a quarter, a half and all of the corpus, to show how time and latency grow.
    #[arg(long)]
    pub scaling: bool,

    /// The folder in which a fresh working folder for the benchmark indexes is made and removed
    /// after (default: the system temporary folder); nothing else in it is touched.
    #[arg(long, value_name = "DIR")]
    pub work_dir: Option<PathBuf>,

    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

/// A positive, finite number of seconds (`inf` and `NaN` are refused, not a panic).
fn parse_seconds(text: &str) -> Result<std::time::Duration, String> {
    let seconds: f64 = text
        .trim()
        .parse()
        .map_err(|_| format!("{text:?} is not a number of seconds"))?;
    if !seconds.is_finite() || seconds < 0.0 {
        return Err(format!(
            "{text:?}: expected a finite number of seconds, 0 or more"
        ));
    }
    std::time::Duration::try_from_secs_f64(seconds).map_err(|error| format!("{text:?}: {error}"))
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

#[derive(Debug, Args)]
pub struct EvalArgs {
    /// Topics, one per line: NUMBER, a tab, the title (the title is the query).
    #[arg(long, value_name = "FILE")]
    pub topics: PathBuf,

    /// TREC judgments: TOPIC ITERATION ID RELEVANCE per line.
    #[arg(long, value_name = "FILE")]
    pub qrels: PathBuf,

    /// How deep each topic is ranked (MAP and recall are taken at this depth).
    #[arg(long, short = 'n', default_value_t = 100)]
    pub limit: usize,

    /// Print each topic's figures before the mean.
    #[arg(long)]
    pub per_topic: bool,

    /// Print the TREC run (TOPIC Q0 ID RANK SCORE TAG) instead of the figures.
    #[arg(long)]
    pub print_run: bool,

    /// The run tag of --print-run lines.
    #[arg(long, value_name = "NAME", default_value = "newsdex")]
    pub run_tag: String,

    /// Add the words the best first hits share to the query (pseudo-relevance
    /// feedback, RM3): finds articles that use other words for the same thing.
    #[arg(long)]
    pub expand: bool,

    /// Ranking knobs, KEY=VALUE,... (title, entity, quote, tier, proximity, slop, bm25f, expand): for measuring.
    #[arg(long, value_name = "SPEC", hide = true)]
    pub ranking: Option<String>,

    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}
