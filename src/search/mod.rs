//! Search: a request -> ranked, filtered, de-duplicated hits with snippets.
//!
//! What matches a query is the articles holding all its words (`--any`: any
//! of them); relevance order is BM25 with the knobs of [`ranking`], measured
//! on judged news. Syndicated copies (same body) are shown once unless asked.

mod aliases;
mod bm25f;
mod copies;
pub mod dates;
pub mod eval;
mod expand;
pub(crate) mod full_forms;
pub mod json;
pub(crate) mod one_kind;
pub mod query;
pub mod quotes;
pub mod ranking;
pub mod reports;
pub(crate) mod snippets;
pub mod suggest;
pub mod text;

use std::collections::HashSet;
use std::ops::Range;

use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, ConstScoreQuery, Occur, Query, TermQuery};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::snippet::SnippetGenerator;
use tantivy::{DocAddress, Order, Searcher, TantivyDocument, Term};

use crate::article::Article;
use crate::error::{Error, Result};
use crate::index::document::from_document;
use crate::index::schema::names;
use crate::index::NewsIndex;
pub use dates::DateRange;
pub(crate) use one_kind::is_shouted;
pub use query::Filters;
pub use ranking::Ranking;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum SortOrder {
    /// Best match first (BM25; see `newsdex eval` for how it is measured).
    #[default]
    Relevance,
    Newest,
    Oldest,
}

#[derive(Debug, Clone, Default)]
pub struct SearchRequest {
    /// Query text in tantivy syntax; `None` lists every article passing the filters.
    pub text: Option<String>,
    pub filters: Filters,
    pub limit: usize,
    pub offset: usize,
    pub sort: SortOrder,
    /// Show every copy of a syndicated article instead of the first.
    pub all_copies: bool,
    pub snippets: bool,
    /// Articles holding any word match, not only those holding all of them.
    pub match_any: bool,
    pub ranking: Ranking,
}

/// A passage of the body with the matched words marked by byte ranges.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snippet {
    pub text: String,
    pub highlights: Vec<Range<usize>>,
}

#[derive(Debug, Clone)]
pub struct Hit {
    /// The stored article, body left out (it can be large; `show` prints it).
    pub article: Article,
    pub score: Option<f32>,
    pub snippet: Option<Snippet>,
    /// How many articles in the index have this body (1 when it is unique).
    pub copies: u64,
}

#[derive(Debug, Clone)]
pub struct SearchResults {
    /// Every matching article, copies included.
    pub total: usize,
    /// Articles holding some of the words but not all (0 with `--any`, or
    /// without text): relevance order lists them after or among the others.
    pub partial: usize,
    pub hits: Vec<Hit>,
    /// What was changed or dropped to read the query, for stderr.
    pub notes: Vec<String>,
}

/// Longest snippet, in characters.
const SNIPPET_CHARS: usize = 220;

/// Largest `--limit` or `--offset`: no index holds more articles (tantivy
/// numbers them with a u32), so a larger one is a typing mistake.
pub const MAX_PAGING: usize = u32::MAX as usize;

fn check_paging(request: &SearchRequest) -> Result<()> {
    if request.limit == 0 {
        return Err(Error::Usage("--limit must be at least 1".to_string()));
    }
    for (flag, value) in [("--limit", request.limit), ("--offset", request.offset)] {
        if value > MAX_PAGING {
            return Err(Error::Usage(format!(
                "{flag} {value} is more than any index holds (at most {MAX_PAGING})"
            )));
        }
    }
    Ok(())
}

/// The queries of one request and how many articles they match.
struct Plan {
    total: usize,
    partial: usize,
    /// Ranking passes, in order: each adds the articles the earlier missed.
    tiers: Vec<Box<dyn Query>>,
}

fn plan(
    news_index: &NewsIndex,
    searcher: &Searcher,
    text_queries: Option<&query::TextQueries>,
    request: &SearchRequest,
) -> Result<Plan> {
    let count =
        |query: &dyn Query| copies::count_articles(news_index, searcher, query, request.all_copies);
    let filtered = |scoring: &dyn Query| {
        query::with_filters(news_index, Some(scoring.box_clone()), &request.filters)
    };
    let Some(queries) = text_queries else {
        let every = query::with_filters(news_index, None, &request.filters)?;
        return Ok(Plan {
            total: count(&*every)?,
            partial: 0,
            tiers: vec![every],
        });
    };
    let all_words = filtered(&*queries.all_words)?;
    let any_word = filtered(&*queries.any_word)?;
    let all_count = count(&*all_words)?;
    let any_count = count(&*any_word)?;
    let (matching, total, partial) = if request.match_any {
        (any_word, any_count, 0)
    } else {
        (all_words, all_count, any_count.saturating_sub(all_count))
    };
    if request.sort != SortOrder::Relevance {
        return Ok(Plan {
            total,
            partial,
            tiers: vec![matching],
        });
    }
    let first_pass = filtered(&*queries.scoring)?;
    let scored = if request.ranking.expand {
        let expanded = expand::expand(
            news_index,
            searcher,
            &*first_pass,
            queries.scoring.box_clone(),
            &queries.tokens,
            &expand::Expansion::default(),
        )?;
        filtered(&*expanded)?
    } else {
        first_pass
    };
    let mut tiers: Vec<Box<dyn Query>> = Vec::new();
    if request.ranking.all_words_first {
        let all_words_unscored = ConstScoreQuery::new(queries.all_words.box_clone(), 0.0);
        tiers.push(Box::new(BooleanQuery::new(vec![
            (Occur::Must, scored.box_clone()),
            (Occur::Must, Box::new(all_words_unscored)),
        ])));
    }
    tiers.push(scored);
    Ok(Plan {
        total,
        partial,
        tiers,
    })
}

/// Refuses what no engine can answer: a zero or absurd `--limit`/`--offset`, an empty query.
pub fn check_request(request: &SearchRequest) -> Result<()> {
    check_paging(request)?;
    if request
        .text
        .as_deref()
        .is_some_and(|text| text.trim().is_empty())
    {
        return Err(Error::Query {
            query: String::new(),
            reason: "the query is empty (to see every article, use 'newsdex list')".to_string(),
        });
    }
    Ok(())
}

/// Runs a search; see the module doc for the ranking.
pub fn search(news_index: &NewsIndex, request: &SearchRequest) -> Result<SearchResults> {
    check_request(request)?;
    let reader = news_index.reader()?;
    let searcher = reader.searcher();
    let text_queries = request
        .text
        .as_deref()
        .map(|text| query::parse_text(news_index, text, &request.ranking))
        .transpose()?;
    let search_plan = plan(news_index, &searcher, text_queries.as_ref(), request)?;
    let body_hashes = copies::BodyHashes::open(news_index, &searcher)?;
    let ranked = ranked_page(news_index, &searcher, &search_plan, &body_hashes, request)?;

    let snippet_generator = match (&text_queries, request.snippets) {
        (Some(queries), true) => {
            let mut generator =
                SnippetGenerator::create(&searcher, &*queries.any_word, news_index.fields.body)
                    .map_err(|source| news_index.error(source))?;
            generator.set_max_num_chars(SNIPPET_CHARS);
            Some(generator)
        }
        _ => None,
    };
    let mut hits = Vec::new();
    for (score, address) in ranked.into_iter().skip(request.offset).take(request.limit) {
        let doc: TantivyDocument = searcher
            .doc(address)
            .map_err(|source| news_index.error(source))?;
        let mut article = from_document(&news_index.fields, &doc);
        let snippet = snippet_generator
            .as_ref()
            .map(|generator| snippets::make_snippet(generator, &article.body));
        article.body.clear();
        let copies = copies::count_copies(news_index, &searcher, body_hashes.of(address))?;
        hits.push(Hit {
            article,
            score,
            snippet,
            copies,
        });
    }
    // Articles of the same instant come in the order tantivy's segments hold
    // them, which varies between runs: order them by path, so output is stable.
    let date_then_path = |a: &Hit, b: &Hit| {
        let instant = |hit: &Hit| hit.article.date.map(|date| date.to_utc());
        match request.sort {
            SortOrder::Relevance => std::cmp::Ordering::Equal,
            SortOrder::Oldest => instant(a).cmp(&instant(b)),
            SortOrder::Newest => instant(b).cmp(&instant(a)),
        }
        .then_with(|| a.article.path.cmp(&b.article.path))
    };
    if request.sort != SortOrder::Relevance {
        hits.sort_by(date_then_path);
    }
    Ok(SearchResults {
        total: search_plan.total,
        partial: search_plan.partial,
        hits,
        notes: text_queries
            .map(|queries| queries.notes)
            .unwrap_or_default(),
    })
}

/// The hits up to the end of the requested page, in order, copies dropped
/// unless asked for: fetched in growing rounds, since dropping copies may
/// leave fewer than the page needs.
fn ranked_page(
    news_index: &NewsIndex,
    searcher: &Searcher,
    search_plan: &Plan,
    body_hashes: &copies::BodyHashes,
    request: &SearchRequest,
) -> Result<Ranked> {
    // Clamped to the index: a huge --limit must not size a huge heap.
    let articles = (searcher.num_docs() as usize).max(1);
    let wanted = request.offset.saturating_add(request.limit).min(articles);
    let mut fetch = wanted.max(1);
    loop {
        let ranked = rank(
            news_index,
            searcher,
            &search_plan.tiers,
            request.sort,
            fetch,
        )?;
        let exhausted = ranked.len() < fetch || fetch >= articles;
        let unique = if request.all_copies {
            ranked
        } else {
            copies::drop_copies(body_hashes, ranked)
        };
        if exhausted || unique.len() >= wanted {
            return Ok(unique);
        }
        fetch = fetch.saturating_mul(4).min(articles);
    }
}

type Ranked = Vec<(Option<f32>, DocAddress)>;

/// The first `limit` matches in the requested order, tier after tier.
fn rank(
    news_index: &NewsIndex,
    searcher: &Searcher,
    tiers: &[Box<dyn Query>],
    sort: SortOrder,
    limit: usize,
) -> Result<Ranked> {
    let order = match sort {
        SortOrder::Relevance => None,
        SortOrder::Newest => Some(Order::Desc),
        SortOrder::Oldest => Some(Order::Asc),
    };
    let mut ranked: Ranked = Vec::new();
    let mut seen = HashSet::new();
    for tier in tiers {
        if ranked.len() >= limit {
            break;
        }
        let tier_hits: Ranked = match order {
            None => searcher
                .search(&**tier, &TopDocs::with_limit(limit).order_by_score())
                .map_err(|source| news_index.error(source))?
                .into_iter()
                .map(|(score, address)| (Some(score), address))
                .collect(),
            Some(order) => searcher
                .search(
                    &**tier,
                    &TopDocs::with_limit(limit)
                        .order_by_fast_field::<tantivy::DateTime>(names::DATE, order),
                )
                .map_err(|source| news_index.error(source))?
                .into_iter()
                .map(|(_, address)| (None, address))
                .collect(),
        };
        for (score, address) in tier_hits {
            if ranked.len() < limit && seen.insert(address) {
                ranked.push((score, address));
            }
        }
    }
    Ok(ranked)
}

/// The stored article whose key is `path` (`FILE`, `FILE#N`, `FILE#MEMBER`).
pub fn find_article(news_index: &NewsIndex, path: &str) -> Result<Option<Article>> {
    find_article_by(news_index, news_index.fields.path, path)
}

/// The stored article whose source id (a TREC DOCNO, a Message-ID) is `id`.
pub fn find_article_by_id(news_index: &NewsIndex, id: &str) -> Result<Option<Article>> {
    find_article_by(news_index, news_index.fields.id, id)
}

/// The keys of the articles a file gave (`FILE#1`, `FILE#2`, …), in no
/// particular order: for messages that name the right key.
pub fn keys_of_file(news_index: &NewsIndex, file_key: &str) -> Result<Vec<String>> {
    let reader = news_index.reader()?;
    let searcher = reader.searcher();
    let term = Term::from_field_text(news_index.fields.source_file, file_key);
    let query = TermQuery::new(term, IndexRecordOption::Basic);
    let addresses = searcher
        .search(&query, &tantivy::collector::DocSetCollector)
        .map_err(|source| news_index.error(source))?;
    let mut keys = Vec::with_capacity(addresses.len());
    for address in addresses {
        let doc: TantivyDocument = searcher
            .doc(address)
            .map_err(|source| news_index.error(source))?;
        keys.push(from_document(&news_index.fields, &doc).path);
    }
    Ok(keys)
}

/// The first stored article whose raw-tokenized `field` holds `value`.
fn find_article_by(news_index: &NewsIndex, field: Field, value: &str) -> Result<Option<Article>> {
    let reader = news_index.reader()?;
    let searcher = reader.searcher();
    let term = Term::from_field_text(field, value);
    let query = TermQuery::new(term, IndexRecordOption::Basic);
    let found = searcher
        .search(&query, &TopDocs::with_limit(1).order_by_score())
        .map_err(|source| news_index.error(source))?;
    let Some((_, address)) = found.into_iter().next() else {
        return Ok(None);
    };
    let doc: TantivyDocument = searcher
        .doc(address)
        .map_err(|source| news_index.error(source))?;
    Ok(Some(from_document(&news_index.fields, &doc)))
}
