//! `newsdex quotes`, `entities`, `timeline` and `stats`: reports over many articles.

use anyhow::Result;

use crate::app::cli::{ColorChoice, EntitiesArgs, Format, QuotesArgs, StatsArgs, TimelineArgs};
use crate::app::commands::{filters, note_unmatched, print_notes, style, with_stdout, Outcome};
use crate::app::render::{self, json_line};
use newsdex::index::NewsIndex;
use newsdex::search::query::reading_notes;
use newsdex::search::quotes::find_quotes;
use newsdex::search::reports::{
    self as library, stats, timeline, top_entities_with_kinds, ReportQuery,
};

/// Prints what was changed to read the report's query, if any.
fn note_reading(news_index: &NewsIndex, text: Option<&str>) -> Result<()> {
    if let Some(text) = text.filter(|text| !text.trim().is_empty()) {
        print_notes(&reading_notes(news_index, text)?);
    }
    Ok(())
}

/// Prints `items` as text, one JSON array, or JSON Lines.
pub(super) fn print_items<T: serde::Serialize>(
    items: &[T],
    format: Format,
    text: impl FnOnce(&mut dyn std::io::Write) -> std::io::Result<()>,
) -> Result<()> {
    with_stdout(|out| match format {
        Format::Text => text(out),
        Format::Json => {
            serde_json::to_writer_pretty(&mut *out, items)?;
            writeln!(out)
        }
        Format::Jsonl => items.iter().try_for_each(|item| json_line(out, item)),
    })
}

pub fn run_quotes(
    news_index: &NewsIndex,
    args: &QuotesArgs,
    color: ColorChoice,
) -> Result<Outcome> {
    let filters = filters(&args.filters)?;
    note_reading(news_index, args.query.as_deref())?;
    let wanted = args.limit.saturating_add(args.offset);
    let found = find_quotes(news_index, args.query.as_deref(), &filters, wanted)?;
    if found.is_empty() {
        note_unmatched(news_index, &filters)?;
    }
    let mut quotes: Vec<_> = found.into_iter().skip(args.offset).collect();
    for quote in &mut quotes {
        quote.path = render::display_path(&quote.path);
    }
    let style = style(color, false);
    print_items(&quotes, args.format, |out| {
        render::quotes_text(out, &quotes, style)
    })?;
    Ok(Outcome::from_count(quotes.len()))
}

pub fn run_entities(news_index: &NewsIndex, args: &EntitiesArgs) -> Result<Outcome> {
    let filters = filters(&args.filters)?;
    note_reading(news_index, args.query.as_deref())?;
    let report_query = ReportQuery {
        text: args.query.as_deref(),
        match_any: args.matching.any,
    };
    let wanted = args.limit.saturating_add(args.offset);
    let top = top_entities_with_kinds(
        news_index,
        report_query,
        &filters,
        args.kind.map(Into::into),
        wanted,
    )?;
    if top.is_empty() {
        note_unmatched(news_index, &filters)?;
    }
    let counts: Vec<_> = top.into_iter().skip(args.offset).collect();
    print_items(&counts, args.format, |out| {
        render::entities_with_kinds_text(out, &counts)
    })?;
    Ok(Outcome::from_count(counts.len()))
}

pub fn run_timeline(news_index: &NewsIndex, args: &TimelineArgs) -> Result<Outcome> {
    let filters = filters(&args.filters)?;
    note_reading(news_index, args.query.as_deref())?;
    let report_query = ReportQuery {
        text: args.query.as_deref(),
        match_any: args.matching.any,
    };
    let periods: Vec<library::Period> =
        timeline(news_index, report_query, &filters, args.interval.into())?;
    print_items(&periods, args.format, |out| {
        render::timeline_text(out, &periods)
    })?;
    Ok(Outcome::from_count(
        periods.iter().filter(|period| period.articles > 0).count(),
    ))
}

pub fn run_stats(news_index: &NewsIndex, args: &StatsArgs) -> Result<Outcome> {
    // `stats` is the health check: it reads every byte and checks it.
    news_index.verify()?;
    let stats = stats(news_index)?;
    with_stdout(|out| match args.format {
        Format::Text => render::stats_text(out, &stats, &news_index.dir),
        Format::Json | Format::Jsonl => json_line(out, &stats),
    })?;
    Ok(Outcome::Found)
}
