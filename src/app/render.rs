//! Output: plain or highlighted text for people, JSON and JSON Lines for programs.
//!
//! Renderers only format; every decision about what to show was made by the
//! search layer. Paths print relative to the current folder when they lie under it.

use std::borrow::Cow;
use std::io::{self, Write};
use std::path::Path;

use serde::Serialize;

use newsdex::article::{Article, ArticleDate, Entity};
use newsdex::search::json::{HitJson, ResultsJson};
use newsdex::search::quotes::QuoteHit;
use newsdex::search::reports::{EntityCount, EntityWithKinds, IndexStats, Period};
use newsdex::search::{SearchResults, Snippet};

/// How text output looks.
#[derive(Debug, Clone, Copy, Default)]
pub struct Style {
    /// Bold matches (ANSI); off when piped or with NO_COLOR.
    pub color: bool,
    /// Dates with time and zone (`--long`); else the article's own day.
    pub long_dates: bool,
}

/// An article's date as text output shows it: its own calendar day
/// (`2022-02-24`), or the full date as the source gave it with `--long`.
fn date_text(date: Option<ArticleDate>, style: Style) -> String {
    match date {
        None => "(no date)".to_string(),
        Some(date) if style.long_dates => date.to_string(),
        Some(date) => date.day().format("%Y-%m-%d").to_string(),
    }
}

const BOLD: &str = "\x1b[1m";
const DIM: &str = "\x1b[2m";
const RESET: &str = "\x1b[0m";

/// An article key as the user should see it: relative to the current folder
/// when under it, and quoted with its control characters shown (as `ls` and
/// git do) when it holds any, so a file name cannot forge output or drive
/// the terminal.
pub fn display_path(key: &str) -> String {
    let relative = match std::env::current_dir() {
        Ok(current) => match Path::new(key).strip_prefix(&current) {
            Ok(relative) => relative.to_string_lossy().into_owned(),
            Err(_) => key.to_string(),
        },
        Err(_) => key.to_string(),
    };
    match line(&relative) {
        Cow::Borrowed(_) => relative,
        Cow::Owned(escaped) => format!("'{escaped}'"),
    }
}

/// Whether a character would act on a terminal instead of showing: C0 and C1
/// controls, DEL, and the bidirectional overrides that reorder a line.
fn is_terminal_control(character: char) -> bool {
    character.is_control() || matches!(character, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Untrusted text for one line of terminal output: every control character
/// (newlines and escape sequences included) shown as a visible escape.
pub fn line(text: &str) -> Cow<'_, str> {
    escape_controls(text, false)
}

/// Untrusted text for a block of terminal output (an article body): line
/// breaks and tabs kept, every other control character shown as an escape.
pub fn block(text: &str) -> Cow<'_, str> {
    escape_controls(text, true)
}

fn escape_controls(text: &str, keep_layout: bool) -> Cow<'_, str> {
    let is_kept = |character: char| keep_layout && matches!(character, '\n' | '\t');
    if !text
        .chars()
        .any(|character| is_terminal_control(character) && !is_kept(character))
    {
        return Cow::Borrowed(text);
    }
    let mut escaped = String::with_capacity(text.len() + 16);
    for character in text.chars() {
        if !is_terminal_control(character) || is_kept(character) {
            escaped.push(character);
            continue;
        }
        match character {
            '\n' => escaped.push_str("\\n"),
            '\r' => escaped.push_str("\\r"),
            '\t' => escaped.push_str("\\t"),
            other => escaped.push_str(&other.escape_unicode().to_string()),
        }
    }
    Cow::Owned(escaped)
}

pub fn json_line(out: &mut dyn Write, value: &impl Serialize) -> io::Result<()> {
    serde_json::to_writer(&mut *out, value)?;
    out.write_all(b"\n")
}

pub fn results_json(
    out: &mut dyn Write,
    query: Option<&str>,
    results: &SearchResults,
) -> io::Result<()> {
    let document = ResultsJson::new(query, results, display_path);
    serde_json::to_writer_pretty(&mut *out, &document)?;
    out.write_all(b"\n")
}

pub fn results_jsonl(out: &mut dyn Write, results: &SearchResults) -> io::Result<()> {
    for hit in &results.hits {
        json_line(out, &HitJson::new(hit, display_path(&hit.article.path)))?;
    }
    Ok(())
}

fn highlighted(snippet: &Snippet, style: Style) -> String {
    if !style.color {
        return line(&snippet.text).into_owned();
    }
    let mut marked = String::with_capacity(snippet.text.len() + 16);
    let mut written = 0;
    for range in &snippet.highlights {
        // Ranges come from tantivy's tokenizer: always on character boundaries.
        let (Some(before), Some(word)) = (
            snippet.text.get(written..range.start),
            snippet.text.get(range.clone()),
        ) else {
            continue;
        };
        marked.push_str(&line(before));
        marked.push_str(BOLD);
        marked.push_str(&line(word));
        marked.push_str(RESET);
        written = range.end;
    }
    marked.push_str(&line(snippet.text.get(written..).unwrap_or_default()));
    marked
}

fn entity_summary(entities: &[Entity], max: usize) -> String {
    let mut names: Vec<String> = entities
        .iter()
        .take(max)
        .map(|entity| format!("{} ({})", line(&entity.name), entity.kind))
        .collect();
    if entities.len() > max {
        names.push(format!("+{} more", entities.len() - max));
    }
    names.join(", ")
}

fn undated_or(date: Option<String>) -> String {
    date.unwrap_or_else(|| "(no date)".to_string())
}

/// `N articles match`, then one block per hit.
pub fn results_text(
    out: &mut dyn Write,
    results: &SearchResults,
    offset: usize,
    style: Style,
) -> io::Result<()> {
    if results.partial > 0 {
        let verb = if results.total == 1 {
            "contains"
        } else {
            "contain"
        };
        writeln!(
            out,
            "{} {} {verb} all words; {} more contain some",
            results.total,
            if results.total == 1 {
                "article"
            } else {
                "articles"
            },
            results.partial
        )?;
    } else {
        let noun = if results.total == 1 {
            "article matches"
        } else {
            "articles match"
        };
        writeln!(out, "{} {noun}", results.total)?;
    }
    for (rank, hit) in results.hits.iter().enumerate() {
        let article = &hit.article;
        writeln!(out)?;
        let date = date_text(article.date, style);
        let copies = if hit.copies > 1 {
            format!("  [{} copies]", hit.copies)
        } else {
            String::new()
        };
        let (bold, reset) = if style.color { (BOLD, RESET) } else { ("", "") };
        writeln!(
            out,
            "{}. {date}  {bold}{}{reset}{copies}",
            offset + rank + 1,
            line(&article.title)
        )?;
        let (dim, reset) = if style.color { (DIM, RESET) } else { ("", "") };
        let source = article
            .source
            .as_deref()
            .map(|source| format!(" · {}", line(source)))
            .unwrap_or_default();
        writeln!(
            out,
            "   {dim}{}{source}{reset}",
            display_path(&article.path)
        )?;
        if let Some(snippet) = &hit.snippet {
            writeln!(out, "   {}", highlighted(snippet, style))?;
        }
        if !article.entities.is_empty() {
            writeln!(out, "   {}", entity_summary(&article.entities, 6))?;
        }
    }
    Ok(())
}

/// One line per article: date, title, path (for `list`).
pub fn list_text(out: &mut dyn Write, results: &SearchResults, style: Style) -> io::Result<()> {
    for hit in &results.hits {
        let article = &hit.article;
        let date = date_text(article.date, style);
        let (dim, reset) = if style.color { (DIM, RESET) } else { ("", "") };
        let copies = if hit.copies > 1 {
            format!("  [{} copies]", hit.copies)
        } else {
            String::new()
        };
        writeln!(
            out,
            "{date}  {}{copies}  {dim}{}{reset}",
            line(&article.title),
            display_path(&article.path)
        )?;
    }
    Ok(())
}

pub fn article_text(out: &mut dyn Write, article: &Article) -> io::Result<()> {
    writeln!(out, "path:     {}", display_path(&article.path))?;
    writeln!(
        out,
        "date:     {}",
        undated_or(article.date.map(|date| date.to_string()))
    )?;
    writeln!(out, "title:    {}", line(&article.title))?;
    for (label, value) in [
        ("url:", &article.url),
        ("author:", &article.author),
        ("source:", &article.source),
    ] {
        if let Some(value) = value {
            writeln!(out, "{label:<9} {}", line(value))?;
        }
    }
    writeln!(
        out,
        "entities: {}",
        entity_summary(&article.entities, usize::MAX)
    )?;
    writeln!(out, "quotes:")?;
    for quote in &article.quotes {
        let speaker = quote.speaker.as_deref().unwrap_or("(unknown)");
        writeln!(out, "  - {}: “{}”", line(speaker), line(&quote.text))?;
    }
    writeln!(out)?;
    writeln!(out, "{}", block(&article.body))
}

pub fn quotes_text(out: &mut dyn Write, quotes: &[QuoteHit], style: Style) -> io::Result<()> {
    let (bold, reset) = if style.color { (BOLD, RESET) } else { ("", "") };
    for quote in quotes {
        let name = quote.speaker_name.as_deref().unwrap_or("(unknown)");
        let date = undated_or(quote.date.clone());
        writeln!(
            out,
            "{date}  {bold}{}{reset}: “{}”",
            line(name),
            line(&quote.text)
        )?;
        if let Some(introduced) = quote.speaker.as_deref().filter(|s| *s != name) {
            writeln!(out, "            {}", line(introduced))?;
        }
        writeln!(
            out,
            "            {} ({})",
            line(&quote.title),
            display_path(&quote.path)
        )?;
    }
    Ok(())
}

pub fn entities_text(out: &mut dyn Write, counts: &[EntityCount]) -> io::Result<()> {
    entity_rows(out, counts, &[])
}

/// The entity report with the evidence for each kind after it, when the
/// articles give the name more than one (`person 148 / organization 83`), or
/// when a full name in the corpus gives a one-word name its kind (`person 0
/// + Carl Icahn 9 / organization 12`).
pub fn entities_with_kinds_text(
    out: &mut dyn Write,
    entities: &[EntityWithKinds],
) -> io::Result<()> {
    let counts: Vec<EntityCount> = entities.iter().map(|entity| entity.count.clone()).collect();
    let hints: Vec<String> = entities
        .iter()
        .map(|entity| match entity.kinds.len() {
            0 | 1 => String::new(),
            _ => entity
                .kinds
                .iter()
                .map(|kind| match &kind.full_name {
                    // `person 0 + Carl Icahn 9`: the kind the full name gives.
                    Some(full) => format!(
                        "{} {} + {} {}",
                        kind.kind,
                        kind.articles,
                        line(&full.name),
                        full.articles
                    ),
                    None => format!("{} {}", kind.kind, kind.articles),
                })
                .collect::<Vec<_>>()
                .join(" / "),
        })
        .collect();
    entity_rows(out, &counts, &hints)
}

/// One line per entity: articles, name (and folded spellings), kind, and the
/// hint of the same row if there is one.
fn entity_rows(out: &mut dyn Write, counts: &[EntityCount], hints: &[String]) -> io::Result<()> {
    let labels: Vec<String> = counts
        .iter()
        .map(|count| {
            if count.aliases.is_empty() {
                line(&count.name).into_owned()
            } else {
                format!(
                    "{} ({})",
                    line(&count.name),
                    line(&count.aliases.join(", "))
                )
            }
        })
        .collect();
    let width = labels
        .iter()
        .map(|label| label.chars().count())
        .max()
        .unwrap_or(0);
    for (index, (count, label)) in counts.iter().zip(&labels).enumerate() {
        let hint = hints.get(index).filter(|hint| !hint.is_empty());
        let kind = count.kind.to_string();
        match hint {
            Some(hint) => writeln!(
                out,
                "{:>7}  {label:<width$}  {kind:<12}  ({hint})",
                count.articles
            )?,
            None => writeln!(out, "{:>7}  {label:<width$}  {kind}", count.articles)?,
        }
    }
    Ok(())
}

pub fn timeline_text(out: &mut dyn Write, periods: &[Period]) -> io::Result<()> {
    let most = periods
        .iter()
        .map(|period| period.articles)
        .max()
        .unwrap_or(0)
        .max(1);
    for period in periods {
        let bar_len = (period.articles * 50).div_ceil(most) as usize;
        writeln!(
            out,
            "{:<10} {:>7}  {}",
            period.period,
            period.articles,
            "█".repeat(bar_len)
        )?;
    }
    Ok(())
}

pub fn stats_text(out: &mut dyn Write, stats: &IndexStats, index_dir: &Path) -> io::Result<()> {
    writeln!(
        out,
        "index:          {}",
        display_path(&index_dir.to_string_lossy())
    )?;
    writeln!(out, "articles:       {}", stats.articles)?;
    writeln!(out, "dated articles: {}", stats.dated_articles)?;
    if let (Some(first), Some(last)) = (&stats.first_date, &stats.last_date) {
        writeln!(out, "date span:      {first} to {last}")?;
    }
    writeln!(
        out,
        "copies:         {} (articles repeating another article's body)",
        stats.copies
    )?;
    writeln!(
        out,
        "size on disk:   {:.1} MB",
        stats.size_bytes as f64 / 1e6
    )?;
    writeln!(out, "segments:       {}", stats.segments)?;
    writeln!(out, "top entities:")?;
    entities_text(out, &stats.top_entities)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_never_reach_the_terminal() {
        let hostile = "Title\x1b]52;c;SGVsbG8=\x07 \x1b[2J\u{9b}31m\u{202e}evil\nforged row";
        let shown = line(hostile);
        assert!(!shown.chars().any(is_terminal_control), "{shown}");
        assert!(
            shown.contains("\\u{1b}]52;c;") && shown.contains("\\nforged row"),
            "{shown}"
        );
        assert_eq!(block("one\ntwo\tthree"), "one\ntwo\tthree");
        assert!(!block("a\x1b[31mb").contains('\x1b'));
        assert_eq!(line("plain “text” é"), "plain “text” é");
        assert_eq!(display_path("/tmp/a\nb.txt"), "'/tmp/a\\nb.txt'");
    }

    #[test]
    fn highlighting_marks_only_the_ranges_and_keeps_accents() {
        let snippet = Snippet {
            text: "Zoë said Ukraine’s sovereignty".to_string(),
            highlights: vec![10..17, 22..33],
        };
        assert_eq!(
            highlighted(
                &snippet,
                Style {
                    color: false,
                    long_dates: false
                }
            ),
            snippet.text
        );
        let bold = highlighted(
            &snippet,
            Style {
                color: true,
                long_dates: false,
            },
        );
        assert_eq!(
            bold,
            "Zoë said \x1b[1mUkraine\x1b[0m’s \x1b[1msovereignty\x1b[0m"
        );
    }
}
