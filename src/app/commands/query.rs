//! `newsdex query` and `newsdex list`: ranked search and date-ordered listing.

use anyhow::Result;

use crate::app::cli::{ColorChoice, Format, ListArgs, QueryArgs};
use crate::app::commands::{filters, style, with_stdout, Outcome};
use crate::app::render;
use newsdex::index::NewsIndex;
use newsdex::search::{search, SearchRequest, SearchResults, SortOrder};

fn print_results(
    results: &SearchResults,
    query: Option<&str>,
    format: Format,
    render_text: impl FnOnce(&mut dyn std::io::Write) -> std::io::Result<()>,
) -> Result<()> {
    with_stdout(|out| match format {
        Format::Text => render_text(out),
        Format::Json => render::results_json(out, query, results),
        Format::Jsonl => render::results_jsonl(out, results),
    })
}

pub fn run_query(news_index: &NewsIndex, args: &QueryArgs, color: ColorChoice) -> Result<Outcome> {
    let request = SearchRequest {
        text: Some(args.query.clone()),
        filters: filters(&args.filters)?,
        limit: args.limit,
        offset: args.offset,
        sort: args.sort.into(),
        all_copies: args.all_copies,
        snippets: true,
    };
    let results = search(news_index, &request)?;
    let style = style(color);
    print_results(&results, Some(&args.query), args.format, |out| {
        render::results_text(out, &results, args.offset, style)
    })?;
    Ok(Outcome::from_count(results.hits.len()))
}

pub fn run_list(news_index: &NewsIndex, args: &ListArgs, color: ColorChoice) -> Result<Outcome> {
    let mut filters = filters(&args.filters)?;
    filters.dated_only = true;
    let request = SearchRequest {
        text: None,
        filters,
        limit: args.limit,
        offset: 0,
        sort: if args.newest {
            SortOrder::Newest
        } else {
            SortOrder::Oldest
        },
        all_copies: args.all_copies,
        snippets: false,
    };
    let results = search(news_index, &request)?;
    let style = style(color);
    print_results(&results, None, args.format, |out| {
        render::list_text(out, &results, style)
    })?;
    Ok(Outcome::from_count(results.hits.len()))
}
