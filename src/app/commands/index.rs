//! `newsdex index`: walk, then run an incremental indexing pass with a progress bar.

use std::io::{IsTerminal, Write};
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Instant;

use anyhow::{bail, Context, Result};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::app::cli::IndexArgs;
use crate::app::commands::{field_overrides, Outcome};
use crate::app::render::display_path;
use newsdex::corpus;
use newsdex::index::writer::{
    default_threads, index_files, IndexEvents, IndexOptions, IndexSummary, Problem,
};
use newsdex::index::NewsIndex;

pub(super) struct Progress {
    pub(super) bar: ProgressBar,
    /// Messages of the files in flight, printed in path order when a batch is done
    /// (worker threads finish files in any order).
    pending: std::sync::Mutex<Vec<(String, String)>>,
}

impl Progress {
    pub(super) fn print_pending(&self) {
        let mut pending = self
            .pending
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        // Stable: the messages of one file keep their order; `FILE#2` comes
        // before `FILE#10`.
        pending.sort_by(|a, b| path_order(&a.0).cmp(&path_order(&b.0)));
        let lines: Vec<String> = pending.drain(..).map(|(_, line)| line).collect();
        drop(pending);
        if lines.is_empty() {
            return;
        }
        // A closed stderr (`2>&1 | head -1`) must not stop the run: write errors are ignored.
        self.bar.suspend(|| {
            let mut stderr = std::io::stderr().lock();
            for line in &lines {
                let _ = writeln!(stderr, "{line}");
            }
        });
    }
}

/// How messages are ordered: by file, then by the article's number in it.
fn path_order(key: &str) -> (&str, usize, &str) {
    match key.rsplit_once(newsdex::article::ArticleKey::SEPARATOR) {
        Some((file, part)) => match part.parse::<usize>() {
            Ok(number) => (file, number, ""),
            Err(_) => (file, 0, part),
        },
        None => (key, 0, ""),
    }
}

impl IndexEvents for Progress {
    fn start(&self, _files_to_read: u64, bytes_to_read: u64) {
        self.bar.set_length(bytes_to_read);
    }

    fn file_done(&self, bytes: u64) {
        self.bar.inc(bytes);
    }

    fn problem(&self, problem: &Problem) {
        let key = problem.path.to_string_lossy().into_owned();
        let path = display_path(&key);
        let prefix = if problem.is_error { "" } else { "warning: " };
        let message = crate::app::render::line(&problem.message);
        // A problem of the whole run (not of one file) is the program's.
        let origin = if key.is_empty() {
            "newsdex"
        } else {
            path.as_str()
        };
        let line = format!("{origin}: {prefix}{message}");
        self.pending
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .push((key, line));
    }

    fn batch_done(&self) {
        self.print_pending();
    }
}

/// The progress bar and message queue of an indexing run.
pub(super) fn progress(quiet: bool) -> Progress {
    Progress {
        bar: progress_bar(quiet),
        pending: std::sync::Mutex::new(Vec::new()),
    }
}

fn progress_bar(quiet: bool) -> ProgressBar {
    if quiet || !std::io::stderr().is_terminal() {
        return ProgressBar::with_draw_target(None, ProgressDrawTarget::hidden());
    }
    let bar = ProgressBar::new(0);
    // The template is a constant known to be valid.
    if let Ok(style) = ProgressStyle::with_template(
        "{spinner} [{elapsed_precise}] {wide_bar} {decimal_bytes}/{decimal_total_bytes} {decimal_bytes_per_sec} eta {eta}",
    ) {
        bar.set_style(style);
    }
    bar
}

/// `1 article`, `2 articles`.
fn count(number: u64, singular: &str, plural: &str) -> String {
    if number == 1 {
        format!("1 {singular}")
    } else {
        format!("{number} {plural}")
    }
}

pub(super) fn summary_line(summary: &IndexSummary, seconds: f64) -> String {
    let megabytes = summary.bytes_read as f64 / 1e6;
    let rate = if seconds > 0.0 {
        megabytes / seconds
    } else {
        0.0
    };
    format!(
        "{} added, {} updated, {} removed, {} unchanged, {} skipped, {} failed, {}; {} written, {:.1} MB read in {:.2} s ({:.1} MB/s)",
        summary.added,
        summary.updated,
        summary.removed,
        summary.unchanged,
        summary.skipped,
        summary.failed,
        count(summary.warnings, "warning", "warnings"),
        count(summary.articles, "article", "articles"),
        megabytes,
        seconds,
        rate
    ) + &layouts_note(summary)
        + &known_problems_note(summary)
        + &boilerplate_note(summary)
}

/// Layouts named in the summary line; `newsdex inspect` lists them all.
const LISTED_LAYOUTS: usize = 5;

/// `; read as TREC SGML (10 files), plain text (2 files)`, when any file was read.
fn layouts_note(summary: &IndexSummary) -> String {
    if summary.layouts.is_empty() {
        return String::new();
    }
    let mut layouts: Vec<(&String, &u64)> = summary.layouts.iter().collect();
    layouts.sort_by(|a, b| b.1.cmp(a.1).then_with(|| a.0.cmp(b.0)));
    let mut named: Vec<String> = layouts
        .iter()
        .take(LISTED_LAYOUTS)
        .map(|(layout, files)| format!("{layout} ({})", count(**files, "file", "files")))
        .collect();
    if layouts.len() > LISTED_LAYOUTS {
        let more = (layouts.len() - LISTED_LAYOUTS) as u64;
        named.push(count(more, "more layout", "more layouts"));
    }
    format!("; read as {}", named.join(", "))
}

/// `; 3 lines repeated across articles left out as boilerplate, e.g. "Advertisement"
/// (in 96 % of example.com's sampled articles)`, when any.
fn boilerplate_note(summary: &IndexSummary) -> String {
    let Some(first) = summary.boilerplate.first() else {
        return String::new();
    };
    let share = 100.0 * first.articles as f64 / first.sampled as f64;
    let source = match first.source.as_str() {
        "" => String::new(),
        source => format!(" of {}", crate::app::render::display_path(source)),
    };
    let lines = count(summary.boilerplate.len() as u64, "line", "lines");
    let example = crate::app::render::line(&first.text);
    format!(
        "; {lines} repeated across articles left out as boilerplate, e.g. \"{example}\" (in {share:.0} % of the sampled articles{source}; `newsdex inspect` lists them)"
    )
}

/// `; 3 unchanged files skipped or failed before (not read again)`, when any.
fn known_problems_note(summary: &IndexSummary) -> String {
    match summary.known_problems {
        0 => String::new(),
        1 => "; 1 unchanged file skipped or failed before (not read again)".to_string(),
        count => format!("; {count} unchanged files skipped or failed before (not read again)"),
    }
}

/// The command line that repeats this run, with the user's own index folder
/// and paths, quoted for a POSIX shell.
fn repeat_command(index_dir: &Path, paths: &[std::path::PathBuf]) -> String {
    let quote = |text: String| -> String {
        shlex::try_quote(&text).map_or(text.clone(), |quoted| quoted.into_owned())
    };
    let mut words = vec!["newsdex".to_string()];
    if index_dir != Path::new("index") {
        words.push("--index".to_string());
        words.push(quote(index_dir.to_string_lossy().into_owned()));
    }
    words.push("index".to_string());
    for path in paths {
        words.push(quote(path.to_string_lossy().into_owned()));
    }
    crate::app::render::line(&words.join(" ")).into_owned()
}

/// Writes a line to stderr, ignoring a closed stderr.
pub(super) fn say(line: &str) {
    let _ = writeln!(std::io::stderr().lock(), "{line}");
}

/// A path that does not exist is an error before anything changes: a typo
/// must not create an index folder, nor (with --rebuild) replace an index.
pub(super) fn check_paths_exist(paths: &[std::path::PathBuf], done: &str) -> Result<()> {
    for path in paths {
        if let Err(error) = std::fs::metadata(path) {
            bail!(
                "{}: {error}; nothing was {done}",
                display_path(&path.to_string_lossy())
            );
        }
    }
    Ok(())
}

/// A flag that Ctrl-C, SIGTERM and SIGHUP ('termination' feature) set, so a
/// run stops cleanly. A second handler cannot be installed in one process;
/// tests that run twice only lose signal handling, which they do not use.
pub(super) fn stop_on_signal() -> Arc<AtomicBool> {
    let stop = Arc::new(AtomicBool::new(false));
    let handler_stop = Arc::clone(&stop);
    let _ = ctrlc::set_handler(move || handler_stop.store(true, Ordering::Relaxed));
    stop
}

pub fn run(index_dir: &Path, args: &IndexArgs) -> Result<Outcome> {
    let started = Instant::now();
    check_paths_exist(&args.paths, "indexed")?;
    let stop = stop_on_signal();

    let threads = args.threads.map_or_else(default_threads, usize::from);
    let options = IndexOptions {
        threads,
        memory_bytes: (args.memory as usize) << 20,
        fields: field_overrides(&args.fields)?,
        commit_every: args.commit_every,
        rebuild: args.rebuild,
        allow_mass_delete: args.allow_mass_delete,
        max_file_bytes: args.max_filesize << 20,
        near_copies: args.near_copies,
        keep_boilerplate: args.keep_boilerplate,
    };
    let walk = corpus::walk_skipping(&args.paths, &[index_dir.to_path_buf()]);
    // An empty folder (an unmounted drive, a wrong path) creates nothing; with
    // an existing index, the mass-delete check below decides.
    let nothing_found = walk.files.is_empty() && walk.errors.is_empty();
    if nothing_found && !index_dir.join("meta.json").exists() {
        let shown: Vec<String> = args
            .paths
            .iter()
            .map(|path| display_path(&path.to_string_lossy()))
            .collect();
        bail!(
            "{}: no files to index (hidden files and corpus documentation are skipped); nothing was created",
            shown.join(", ")
        );
    }
    let news_index = NewsIndex::open_for_writing(index_dir, args.rebuild)
        .with_context(|| format!("cannot open index {}", index_dir.display()))?;
    let progress = Progress {
        bar: progress_bar(args.quiet),
        pending: std::sync::Mutex::new(Vec::new()),
    };
    let indexed = index_files(&news_index, walk, &options, &progress, &stop);
    progress.print_pending();
    let summary = indexed?;
    progress.bar.finish_and_clear();
    let seconds = started.elapsed().as_secs_f64();
    // Said even with --quiet: the index is not complete.
    if summary.interrupted && args.rebuild {
        say("interrupted: the rebuild was abandoned and the index is as it was");
    } else if summary.interrupted {
        say(&format!(
            "interrupted: {} files indexed and committed; run '{}' again to finish",
            summary.added + summary.updated,
            repeat_command(index_dir, &args.paths)
        ));
    }
    if summary.withheld_removals > 0 {
        let error = newsdex::Error::MassDelete {
            path: news_index.dir.clone(),
            removed: summary.withheld_removals,
            indexed: summary.files_before,
        };
        say(&format!("newsdex: {error}"));
    }
    if !args.quiet {
        let nothing_changed = summary.added
            + summary.updated
            + summary.removed
            + summary.failed
            + summary.withheld_removals
            == 0;
        if nothing_changed && !summary.interrupted {
            say(&format!(
                "everything is unchanged ({}); {}",
                count(summary.unchanged, "file", "files"),
                summary_line(&summary, seconds)
            ));
        } else {
            say(&summary_line(&summary, seconds));
        }
    }
    if summary.interrupted {
        return Ok(Outcome::Interrupted);
    }
    let went_wrong = summary.failed + summary.withheld_removals + summary.internal_errors;
    Ok(if went_wrong > 0 {
        Outcome::PartialFailure
    } else {
        Outcome::Found
    })
}
