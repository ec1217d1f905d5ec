//! The command line: clap derive structs whose doc comments are the `--help` text.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::article::EntityKind;
use crate::search::reports::Interval;
use crate::search::SortOrder;

/// Search engine for news corpora: index a folder of articles, then search
/// them by words, dates, entities and speakers.
#[derive(Debug, Parser)]
#[command(name = "newsdex", version, max_term_width = 100)]
pub struct Cli {
    /// Index folder.
    #[arg(
        long,
        global = true,
        env = "NEWSDEX_INDEX",
        default_value = "index",
        value_name = "DIR"
    )]
    pub index: PathBuf,

    /// When to highlight matches: auto (on a terminal, unless NO_COLOR is set), always, never.
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto)]
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

    /// Start from an empty index.
    #[arg(long)]
    pub rebuild: bool,

    /// No progress bar and no summary.
    #[arg(long, short)]
    pub quiet: bool,

    /// Worker threads (default: one per core).
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,

    /// Memory budget of the index writer, in MB.
    #[arg(long, value_name = "MB", default_value_t = 256)]
    pub memory: usize,

    /// Commit at least every this many seconds on long runs.
    #[arg(long, value_name = "SECONDS", default_value_t = 10.0, hide = true)]
    pub commit_every: f64,

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
    /// Only articles on or after this date (YYYY-MM-DD or RFC 3339).
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,

    /// Only articles on or before this date (YYYY-MM-DD or RFC 3339).
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

#[derive(Debug, Args)]
pub struct QueryArgs {
    /// Query in tantivy syntax: words, "phrases", +must, -not, AND/OR,
    /// and fields title:, body:, entity:, quote:, speaker:.
    pub query: String,

    #[command(flatten)]
    pub filters: FilterArgs,

    /// How many hits to show.
    #[arg(long, short = 'n', default_value_t = 10)]
    pub limit: usize,

    /// Skip this many hits first (paging).
    #[arg(long, default_value_t = 0)]
    pub offset: usize,

    #[arg(long, value_enum, default_value_t = SortOrder::Relevance)]
    pub sort: SortOrder,

    /// Show every copy of syndicated articles (by default each body is shown once).
    #[arg(long)]
    pub all_copies: bool,

    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

#[derive(Debug, Args)]
pub struct ListArgs {
    #[command(flatten)]
    pub filters: FilterArgs,

    #[arg(long, short = 'n', default_value_t = 50)]
    pub limit: usize,

    /// Newest first (default: oldest first).
    #[arg(long)]
    pub newest: bool,

    /// Show every copy of syndicated articles.
    #[arg(long)]
    pub all_copies: bool,

    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// The article's id as its source gives it (a TREC DOCNO, a record id, a
    /// Message-ID), or its file: FILE, FILE#N for the N-th article of a
    /// multi-article file, FILE#MEMBER for an archive member.
    pub path: String,

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

    #[arg(long, short = 'n', default_value_t = 20)]
    pub limit: usize,

    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

#[derive(Debug, Args)]
pub struct EntitiesArgs {
    /// Only articles matching this query (optional).
    pub query: Option<String>,

    #[command(flatten)]
    pub filters: FilterArgs,

    /// Only entities of this kind. Without it: people, organizations and
    /// places; nationalities, events and other names (`Russian`, `Western`)
    /// only with `--kind other`.
    #[arg(long, value_enum)]
    pub kind: Option<EntityKind>,

    #[arg(long, short = 'n', default_value_t = 20)]
    pub limit: usize,

    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

#[derive(Debug, Args)]
pub struct TimelineArgs {
    /// Only articles matching this query (optional: all articles).
    pub query: Option<String>,

    #[command(flatten)]
    pub filters: FilterArgs,

    #[arg(long, value_enum, default_value_t = Interval::Month)]
    pub interval: Interval,

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

    /// Where the two benchmark indexes are written (default: a temporary folder, removed after).
    #[arg(long, value_name = "DIR")]
    pub work_dir: Option<PathBuf>,

    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}
