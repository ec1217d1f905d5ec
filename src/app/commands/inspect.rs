//! `newsdex inspect PATH...`: how each layout found under the paths will be
//! read, without touching an index.
//!
//! Per layout: how many files and articles, which key or tag feeds each
//! field and how often the field is present, two sample records; then what
//! will be skipped (not articles) and what fails (looks like articles but
//! cannot be read), with reasons.

use std::collections::BTreeMap;
use std::io::{self, Write};

use anyhow::Result;

use crate::app::cli::InspectArgs;
use crate::app::commands::{field_overrides, with_stdout, Outcome};
use newsdex::corpus;
use newsdex::index::learn_boilerplate;
use newsdex::ingest::boilerplate::LearnedLine;
use newsdex::parse::{parse_file, ParsedArticle, ParsedFile};

/// Samples printed per layout.
const SAMPLES_PER_LAYOUT: usize = 2;

/// Boilerplate lines listed; the rest are counted.
const LISTED_BOILERPLATE: usize = 20;

/// Failures and warnings listed by name; the rest are counted.
const LISTED_PROBLEMS: usize = 5;

/// What was seen of one layout.
#[derive(Default)]
struct LayoutTally {
    files: usize,
    articles: usize,
    present: BTreeMap<&'static str, usize>,
    sources: Vec<(&'static str, String)>,
    samples: Vec<String>,
    skipped_records: usize,
    warnings: Vec<String>,
}

impl LayoutTally {
    fn add(&mut self, key: &str, parsed: ParsedFile) {
        self.files += 1;
        if self.sources.is_empty() {
            self.sources = parsed.field_sources;
        }
        self.skipped_records += parsed.skipped.len();
        for warning in parsed.warnings {
            self.warnings.push(format!("{key}: {warning}"));
        }
        for article in &parsed.articles {
            self.articles += 1;
            for (field, is_present) in presence(article) {
                *self.present.entry(field).or_default() += usize::from(is_present);
            }
            if self.samples.len() < SAMPLES_PER_LAYOUT {
                self.samples.push(sample_line(&article.key(key), article));
            }
        }
    }

    fn share(&self, field: &str) -> f64 {
        let present = self.present.get(field).copied().unwrap_or(0);
        100.0 * present as f64 / self.articles.max(1) as f64
    }
}

fn presence(article: &ParsedArticle) -> [(&'static str, bool); 6] {
    [
        ("title", article.title.is_some()),
        ("date", article.date.is_some()),
        ("author", article.author.is_some()),
        ("url", article.url.is_some()),
        ("id", article.id.is_some()),
        ("source", article.source.is_some()),
    ]
}

fn sample_line(key: &str, article: &ParsedArticle) -> String {
    let date = article
        .date
        .map(|date| date.to_string())
        .unwrap_or_else(|| "undated".into());
    let title = article.title.as_deref().unwrap_or("(title from body)");
    let opening: String = article
        .body
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
        .take(80)
        .collect();
    let id = article
        .id
        .as_deref()
        .map(|id| format!(" id={id}"))
        .unwrap_or_default();
    format!(
        "{}{id} | {date} | {title} | {opening}",
        crate::app::render::display_path(key)
    )
}

pub fn run(args: &InspectArgs) -> Result<Outcome> {
    let fields = field_overrides(&args.fields)?;
    let walk = corpus::walk(&args.paths);
    let mut layouts: BTreeMap<String, LayoutTally> = BTreeMap::new();
    let mut skipped: BTreeMap<String, usize> = BTreeMap::new();
    let mut failed: Vec<String> = Vec::new();
    for error in &walk.errors {
        failed.push(error.to_string());
    }
    for file in &walk.files {
        let bytes = match std::fs::read(&file.path) {
            Ok(bytes) => bytes,
            Err(error) => {
                failed.push(format!("{}: {error}", file.path.display()));
                continue;
            }
        };
        match parse_file(&file.path, &bytes, &fields) {
            Ok(parsed) => layouts
                .entry(parsed.layout.clone())
                .or_default()
                .add(&file.key, parsed),
            Err(problem) if problem.is_skip() => {
                *skipped.entry(problem.to_string()).or_default() += 1
            }
            Err(problem) => failed.push(format!(
                "{}: {problem}",
                crate::app::render::display_path(&file.key)
            )),
        }
    }
    // What `index` will learn from the same walk.
    let boilerplate = learn_boilerplate(&walk, &fields);
    with_stdout(|out| {
        render(out, &layouts, &skipped, &failed)?;
        render_boilerplate(out, boilerplate.lines())
    })?;
    let articles: usize = layouts.values().map(|tally| tally.articles).sum();
    Ok(if failed.is_empty() {
        Outcome::from_count(articles)
    } else {
        Outcome::PartialFailure
    })
}

fn render(
    out: &mut dyn Write,
    layouts: &BTreeMap<String, LayoutTally>,
    skipped: &BTreeMap<String, usize>,
    failed: &[String],
) -> io::Result<()> {
    for (layout, tally) in layouts {
        let mapping: Vec<String> = tally
            .sources
            .iter()
            .map(|(field, source)| match *field {
                "body" => format!("body←{source}"),
                _ => format!("{field}←{source} ({:.0} % present)", tally.share(field)),
            })
            .collect();
        let mapping_text = if mapping.is_empty() {
            format!(
                "title {:.0} %, date {:.0} %, author {:.0} % present",
                tally.share("title"),
                tally.share("date"),
                tally.share("author")
            )
        } else {
            mapping.join(", ")
        };
        writeln!(
            out,
            "{} files, {} articles: {layout} — {mapping_text}",
            tally.files, tally.articles
        )?;
        for sample in &tally.samples {
            writeln!(out, "  e.g. {sample}")?;
        }
        if tally.skipped_records > 0 {
            writeln!(
                out,
                "  {} records skipped inside these files",
                tally.skipped_records
            )?;
        }
        for warning in tally.warnings.iter().take(LISTED_PROBLEMS) {
            writeln!(out, "  warning: {warning}")?;
        }
        if tally.warnings.len() > LISTED_PROBLEMS {
            writeln!(
                out,
                "  ... {} more warnings",
                tally.warnings.len() - LISTED_PROBLEMS
            )?;
        }
    }
    for (reason, count) in skipped {
        writeln!(out, "skip {count} files: {reason}")?;
    }
    for failure in failed.iter().take(LISTED_PROBLEMS) {
        writeln!(out, "fail: {failure}")?;
    }
    if failed.len() > LISTED_PROBLEMS {
        writeln!(
            out,
            "fail: ... {} more files",
            failed.len() - LISTED_PROBLEMS
        )?;
    }
    Ok(())
}

/// The lines `index` will leave out as boilerplate, with the evidence.
fn render_boilerplate(out: &mut dyn Write, lines: &[LearnedLine]) -> io::Result<()> {
    if lines.is_empty() {
        return Ok(());
    }
    writeln!(
        out,
        "boilerplate: {} recurring across a source's articles, left out (--keep-boilerplate keeps them):",
        match lines.len() {
            1 => "1 line".to_string(),
            count => format!("{count} lines"),
        }
    )?;
    for learned in lines.iter().take(LISTED_BOILERPLATE) {
        let source = match learned.source.as_str() {
            "" => String::new(),
            source => format!(" ({})", crate::app::render::display_path(source)),
        };
        writeln!(
            out,
            "  \"{}\" in {} of {} sampled articles{source}",
            crate::app::render::line(&learned.text),
            learned.articles,
            learned.sampled
        )?;
    }
    if lines.len() > LISTED_BOILERPLATE {
        writeln!(out, "  ... {} more", lines.len() - LISTED_BOILERPLATE)?;
    }
    Ok(())
}
