//! Arguments of the commands that read the index: query, list, show, the
//! reports (quotes, entities, timeline, stats) and serve; the filters and
//! output options they share.

use clap::{Args, ValueEnum};

use super::{DateSortArg, IntervalArg, KindArg, SortArg};

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
