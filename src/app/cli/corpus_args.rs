//! Arguments of the commands that read a corpus: index, inspect, extract,
//! bench and eval.

use std::path::PathBuf;

use clap::Args;

use super::Format;

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

    /// Long articles whose text is at least this alike (0-1: the share of
    /// 5-word phrases they share, estimated) are one story, counted and listed
    /// once as exact copies are: wire updates, lightly edited syndicated copies.
    /// 0 groups exact copies only. Applies to articles indexed from now on.
    #[arg(long, value_name = "RESEMBLANCE", default_value_t = newsdex::index::near_copies::DEFAULT_THRESHOLD, value_parser = parse_resemblance)]
    pub near_copies: f64,

    /// Keep every line of every article. By default, short lines that recur
    /// in many articles of one source (a site's "Advertisement", "Read More",
    /// newsletter and share prompts, photo credits) are learned from a sample
    /// of the corpus and left out of what is indexed and extracted.
    #[arg(long)]
    pub keep_boilerplate: bool,

    /// With --engine: send only the files whose path hashes to part I of N
    /// (e.g. `--shard 2/4`), so that N machines each send a part of one corpus.
    #[arg(long, value_name = "I/N")]
    pub shard: Option<String>,

    /// With --engine: send a batch of articles once its NDJSON passes this many
    /// KB (Quickwit takes at most 10 MB a request). Smaller batches are
    /// searchable sooner and cost more requests.
    #[arg(long, value_name = "KB", default_value_t = 8192, value_parser = clap::value_parser!(u64).range(1..=10_000))]
    pub batch_kb: u64,

    /// Commit at least every this many seconds on long runs.
    #[arg(long, value_name = "SECONDS", default_value = "10", hide = true, value_parser = parse_seconds)]
    pub commit_every: std::time::Duration,

    #[command(flatten)]
    pub fields: FieldArgs,
}

fn parse_resemblance(text: &str) -> Result<f64, String> {
    let value: f64 = text
        .parse()
        .map_err(|_| format!("{text:?} is not a number between 0 and 1"))?;
    if !(0.0..=1.0).contains(&value) {
        return Err(format!("{text} is not between 0 and 1"));
    }
    Ok(value)
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
#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// Article files (any supported format).
    #[arg(required = true)]
    pub files: Vec<PathBuf>,

    /// Keep every line of every article. By default, short lines that recur
    /// in many articles of one source (a site's "Advertisement", "Read More",
    /// newsletter and share prompts, photo credits) are learned from a sample
    /// of the corpus and left out of what is indexed and extracted.
    #[arg(long)]
    pub keep_boilerplate: bool,

    #[command(flatten)]
    pub fields: FieldArgs,
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
