//! `newsdex query` and `newsdex list`: ranked search and date-ordered listing.

use anyhow::Result;

use crate::app::cli::{ColorChoice, Format, ListArgs, QueryArgs, QueryFormat};
use crate::app::commands::{filters, print_notes, style, with_stdout, Outcome};
use crate::app::render;
use newsdex::index::NewsIndex;
use newsdex::search::eval::article_id;
use newsdex::search::{search, Ranking, SearchRequest, SearchResults, SortOrder};

pub(super) fn print_results(
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

/// `TOPIC Q0 ID RANK SCORE TAG`, the run format TREC scorers read.
fn print_trec_run(results: &SearchResults, args: &QueryArgs) -> Result<()> {
    with_stdout(|out| {
        for (rank, hit) in results.hits.iter().enumerate() {
            writeln!(
                out,
                "{} Q0 {} {} {:.6} {}",
                args.topic,
                article_id(&hit.article),
                args.offset + rank + 1,
                hit.score.unwrap_or_default(),
                args.run_tag
            )?;
        }
        Ok(())
    })
}

/// The search a `query` command asks for (the same with `--engine`).
pub(super) fn query_request(args: &QueryArgs, ranking: Ranking) -> Result<SearchRequest> {
    let trec = args.format == QueryFormat::Trec;
    Ok(SearchRequest {
        text: Some(args.query.clone()),
        filters: filters(&args.filters)?,
        limit: args.limit,
        offset: args.offset,
        sort: args.sort.into(),
        // A TREC run judges documents, so every copy is one.
        all_copies: args.all_copies || trec,
        snippets: !trec,
        match_any: args.matching.any,
        ranking,
    })
}

pub fn run_query(news_index: &NewsIndex, args: &QueryArgs, color: ColorChoice) -> Result<Outcome> {
    let mut ranking = match &args.ranking {
        Some(spec) => Ranking::parse(spec)?,
        None => Ranking::default(),
    };
    ranking.expand |= args.expand;
    let request = query_request(args, ranking)?;
    let results = search(news_index, &request)?;
    print_notes(&results.notes);
    let format = match args.format {
        QueryFormat::Trec => {
            print_trec_run(&results, args)?;
            return Ok(Outcome::from_count(results.hits.len()));
        }
        QueryFormat::Text => Format::Text,
        QueryFormat::Json => Format::Json,
        QueryFormat::Jsonl => Format::Jsonl,
    };
    let style = style(color);
    print_results(&results, Some(&args.query), format, |out| {
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
        match_any: false,
        ranking: Ranking::default(),
    };
    let results = search(news_index, &request)?;
    let style = style(color);
    print_results(&results, None, args.format, |out| {
        render::list_text(out, &results, style)
    })?;
    Ok(Outcome::from_count(results.hits.len()))
}
