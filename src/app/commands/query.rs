//! `newsdex query` and `newsdex list`: ranked search and date-ordered listing.

use anyhow::Result;

use crate::app::cli::{ColorChoice, Format, ListArgs, QueryArgs, QueryFormat};
use crate::app::commands::{
    filters, note_paging, note_unmatched, print_notes, style, with_stdout, Outcome,
};
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
        snippets: !trec && !args.output.count,
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
    if results.total == 0 {
        note_unmatched(news_index, &request.filters)?;
    }
    if args.output.count {
        return print_count(results.total);
    }
    let format = match args.format {
        QueryFormat::Trec => {
            print_trec_run(&results, args)?;
            return Ok(Outcome::from_count(results.hits.len()));
        }
        QueryFormat::Text => Format::Text,
        QueryFormat::Json => Format::Json,
        QueryFormat::Jsonl => Format::Jsonl,
    };
    let text_style = style(color, args.output.long);
    print_results(&results, Some(&args.query), format, |out| {
        render::results_text(out, &results, args.offset, text_style)
    })?;
    if format == Format::Text {
        note_paging(results.hits.len(), args.offset, results.total, "articles");
    }
    Ok(Outcome::from_count(results.hits.len()))
}

pub fn run_list(news_index: &NewsIndex, args: &ListArgs, color: ColorChoice) -> Result<Outcome> {
    let mut filters = filters(&args.filters)?;
    filters.dated_only = true;
    let sort = if args.newest {
        SortOrder::Newest
    } else {
        args.sort.into()
    };
    let request = SearchRequest {
        text: None,
        filters,
        limit: args.limit,
        offset: args.offset,
        sort,
        all_copies: args.all_copies,
        snippets: false,
        match_any: false,
        ranking: Ranking::default(),
    };
    let results = search(news_index, &request)?;
    if args.output.count {
        return print_count(results.total);
    }
    let text_style = style(color, args.output.long);
    print_results(&results, None, args.format, |out| {
        render::list_text(out, &results, text_style)
    })?;
    if args.format == Format::Text {
        if results.total == 0 {
            eprintln!("newsdex: no dated article matches");
            note_unmatched(news_index, &request.filters)?;
        }
        note_paging(results.hits.len(), args.offset, results.total, "articles");
    }
    Ok(Outcome::from_count(results.hits.len()))
}

/// `--count`: the number alone, exit 1 when it is 0.
fn print_count(total: usize) -> Result<Outcome> {
    with_stdout(|out| writeln!(out, "{total}"))?;
    Ok(Outcome::from_count(total))
}
