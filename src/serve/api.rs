//! The API's handlers: parameters in, a library call on the blocking pool,
//! the CLI's `--format json` shape out.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{RawQuery, State};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

use crate::index::{explain_read_panic, NewsIndex};
use crate::ingest::catch_panic;
use crate::search::json::HitJson;
use crate::search::quotes::find_quotes;
use crate::search::reports::{self, ReportQuery};
use crate::search::{find_article, find_article_by_id, Hit, SearchRequest, SearchResults};
use crate::serve::cache::Segments;
use crate::serve::params::{Params, MAX_LIMIT, MAX_OFFSET};
use crate::serve::reply::{json_bytes, to_json, ApiError};
use crate::serve::AppState;

/// What one answer is kept under: its route and query string, as sent.
/// Two spellings of one request are two entries; both are right.
fn cache_key(route: &str, raw: Option<&str>) -> String {
    format!("{route}?{}", raw.unwrap_or_default())
}

/// The segments the index shows now (see [`crate::serve::cache`]).
fn segments_in_view(index: &NewsIndex) -> Result<Segments, ApiError> {
    let searcher = index.reader()?.searcher();
    Ok(searcher.generation().segments().clone())
}

impl AppState {
    /// Answers from the cache when the same request was answered over the
    /// same segments; otherwise runs `work` (see [`AppState::compute`]) and
    /// keeps its answer if the segments did not change meanwhile.
    async fn answer(
        &self,
        key: String,
        work: impl FnOnce(&NewsIndex) -> Result<Vec<u8>, ApiError> + Send + 'static,
    ) -> Result<Response, ApiError> {
        let before = segments_in_view(&self.index)?;
        if let Some(kept) = self.answers.get(&before, &key) {
            return Ok(json_bytes(kept));
        }
        let deadline = tokio::time::Instant::now() + self.request_timeout;
        let Ok(_turn) = tokio::time::timeout_at(deadline, self.gates.wait_turn(&key)).await else {
            return Err(self.too_slow());
        };
        // Another request may have computed it while this one waited.
        if let Some(kept) = self.answers.get(&before, &key) {
            return Ok(json_bytes(kept));
        }
        let (answer, after) = self
            .compute(deadline, move |index| {
                let answer = work(index)?;
                Ok((answer, segments_in_view(index)?))
            })
            .await?;
        let bytes = Bytes::from(answer);
        if before == after {
            self.answers.put(&before, key, bytes.clone());
        }
        Ok(json_bytes(bytes))
    }

    /// Runs `work` on the blocking pool once a permit is free, all before
    /// `deadline` (the request's time bound). The permit goes with the work, so a request
    /// whose client gave up still counts until its search ends: the CPU is
    /// never shared by more searches than permits.
    async fn compute<T: Send + 'static>(
        &self,
        deadline: tokio::time::Instant,
        work: impl FnOnce(&NewsIndex) -> Result<T, ApiError> + Send + 'static,
    ) -> Result<T, ApiError> {
        let seconds = self.request_timeout.as_secs_f64();
        let busy = || {
            ApiError::unavailable(format!(
                "the server is busy: no search could start within {seconds} s; try again"
            ))
        };
        let permit = tokio::time::timeout_at(deadline, Arc::clone(&self.permits).acquire_owned())
            .await
            .map_err(|_| busy())?
            .map_err(|_| busy())?;
        // No search starts once its time is up (the answer could not be used).
        if tokio::time::Instant::now() >= deadline {
            return Err(self.too_slow());
        }
        let index = Arc::clone(&self.index);
        let task = tokio::task::spawn_blocking(move || {
            let _held = permit;
            // A damaged index can make tantivy panic: that request's 500, not the server's end.
            match catch_panic(|| work(&index)) {
                Ok(answered) => answered,
                Err(panic) => Err(ApiError::from(explain_read_panic(&index.dir, &panic))),
            }
        });
        let Ok(joined) = tokio::time::timeout_at(deadline, task).await else {
            return Err(self.too_slow());
        };
        joined.map_err(|_| ApiError::internal("internal error while searching (please report)"))?
    }

    fn too_slow(&self) -> ApiError {
        let seconds = self.request_timeout.as_secs_f64();
        ApiError::unavailable(format!(
            "the request took longer than {seconds} s; narrow the query or try again"
        ))
    }
}

/// Turns a handler's result into its response, errors included.
fn respond(result: Result<Response, ApiError>) -> Response {
    result.unwrap_or_else(IntoResponse::into_response)
}

/// One hit of `/api/search`: the `--format json` hit, plus where the
/// snippet's matched words are (byte ranges), so the page marks them
/// without parsing markup.
#[derive(Serialize)]
struct ApiHit<'a> {
    #[serde(flatten)]
    hit: HitJson<'a>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    highlights: Vec<[usize; 2]>,
}

/// `/api/search`'s answer: `query --format json`'s fields, plus the notes
/// the CLI prints on stderr.
#[derive(Serialize)]
struct SearchAnswer<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    query: Option<&'a str>,
    total: usize,
    #[serde(skip_serializing_if = "is_zero")]
    partial: usize,
    hits: Vec<ApiHit<'a>>,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    notes: &'a [String],
}

fn is_zero(count: &usize) -> bool {
    *count == 0
}

fn api_hit(hit: &Hit) -> ApiHit<'_> {
    let highlights = hit
        .snippet
        .as_ref()
        .map(|snippet| {
            snippet
                .highlights
                .iter()
                .map(|range| [range.start, range.end])
                .collect()
        })
        .unwrap_or_default();
    ApiHit {
        hit: HitJson::new(hit, hit.article.path.clone()),
        highlights,
    }
}

fn search_answer<'a>(query: Option<&'a str>, results: &'a SearchResults) -> SearchAnswer<'a> {
    SearchAnswer {
        query,
        total: results.total,
        partial: results.partial,
        hits: results.hits.iter().map(api_hit).collect(),
        notes: &results.notes,
    }
}

/// `GET /api/search`: `newsdex query` (with `q`) or `newsdex list` (without).
pub async fn search(State(state): State<AppState>, RawQuery(raw): RawQuery) -> Response {
    respond(search_answered(state, raw).await)
}

async fn search_answered(state: AppState, raw: Option<String>) -> Result<Response, ApiError> {
    let names = ["q", "sort", "limit", "offset", "all_copies", "any"];
    let params = Params::parse(raw.as_deref(), &names, true)?;
    let request = SearchRequest {
        text: params.text("q").map(str::to_string),
        filters: params.filters()?,
        limit: params.count("limit", 10, MAX_LIMIT)?,
        offset: params.count("offset", 0, MAX_OFFSET)?,
        sort: params.sort()?,
        all_copies: params.flag("all_copies")?,
        snippets: true,
        match_any: params.flag("any")?,
        ranking: Default::default(),
    };
    state
        .answer(cache_key("search", raw.as_deref()), move |index| {
            let results = crate::search::search(index, &request)?;
            to_json(&search_answer(request.text.as_deref(), &results))
        })
        .await
}

/// `GET /api/article?path=KEY` or `?id=ID`: `newsdex show --format json`,
/// found by the key the hits give or by the source's own id.
pub async fn article(State(state): State<AppState>, RawQuery(raw): RawQuery) -> Response {
    respond(article_answered(state, raw).await)
}

async fn article_answered(state: AppState, raw: Option<String>) -> Result<Response, ApiError> {
    let params = Params::parse(raw.as_deref(), &["path", "id"], false)?;
    let path = params.text("path").map(str::to_string);
    let id = params.text("id").map(|id| id.trim().to_string());
    if path.is_none() && id.is_none() {
        return Err(ApiError::bad_request(
            "give the article's path (as the hits give it) or its id",
        ));
    }
    state
        .answer(cache_key("article", raw.as_deref()), move |index| {
            let by_path = match &path {
                Some(key) => find_article(index, key)?,
                None => None,
            };
            let found = match (by_path, &id) {
                (Some(article), _) => Some(article),
                (None, Some(id)) => find_article_by_id(index, id)?,
                (None, None) => None,
            };
            let Some(article) = found else {
                let asked = path.or(id).unwrap_or_default();
                return Err(ApiError::not_found(format!(
                    "{asked:?}: not in the index (no article has this id or path)"
                )));
            };
            to_json(&article)
        })
        .await
}

/// The query of a report: `q` and `any`.
fn report_text(params: &Params) -> Result<(Option<String>, bool), ApiError> {
    Ok((params.text("q").map(str::to_string), params.flag("any")?))
}

/// `GET /api/timeline`: `newsdex timeline --format json`.
pub async fn timeline(State(state): State<AppState>, RawQuery(raw): RawQuery) -> Response {
    respond(timeline_answered(state, raw).await)
}

async fn timeline_answered(state: AppState, raw: Option<String>) -> Result<Response, ApiError> {
    let params = Params::parse(raw.as_deref(), &["q", "any", "interval"], true)?;
    let (text, match_any) = report_text(&params)?;
    let filters = params.filters()?;
    let interval = params.interval()?;
    state
        .answer(cache_key("timeline", raw.as_deref()), move |index| {
            let report_query = ReportQuery {
                text: text.as_deref(),
                match_any,
            };
            to_json(&reports::timeline(index, report_query, &filters, interval)?)
        })
        .await
}

/// `GET /api/entities`: `newsdex entities --format json`.
pub async fn entities(State(state): State<AppState>, RawQuery(raw): RawQuery) -> Response {
    respond(entities_answered(state, raw).await)
}

async fn entities_answered(state: AppState, raw: Option<String>) -> Result<Response, ApiError> {
    let params = Params::parse(raw.as_deref(), &["q", "any", "kind", "limit"], true)?;
    let (text, match_any) = report_text(&params)?;
    let filters = params.filters()?;
    let kind = params.kind()?;
    let limit = params.count("limit", 20, MAX_LIMIT)?;
    state
        .answer(cache_key("entities", raw.as_deref()), move |index| {
            let report_query = ReportQuery {
                text: text.as_deref(),
                match_any,
            };
            to_json(&reports::top_entities(
                index,
                report_query,
                &filters,
                kind,
                limit,
            )?)
        })
        .await
}

/// `GET /api/quotes`: `newsdex quotes --format json` (`speaker` is a filter).
pub async fn quotes(State(state): State<AppState>, RawQuery(raw): RawQuery) -> Response {
    respond(quotes_answered(state, raw).await)
}

async fn quotes_answered(state: AppState, raw: Option<String>) -> Result<Response, ApiError> {
    let params = Params::parse(raw.as_deref(), &["q", "limit"], true)?;
    let text = params.text("q").map(str::to_string);
    let filters = params.filters()?;
    let limit = params.count("limit", 20, MAX_LIMIT)?;
    state
        .answer(cache_key("quotes", raw.as_deref()), move |index| {
            to_json(&find_quotes(index, text.as_deref(), &filters, limit)?)
        })
        .await
}

/// `GET /api/stats`: `newsdex stats --format json`, without the checksum
/// pass (`newsdex stats` reads every byte; a web request must not).
pub async fn stats(State(state): State<AppState>, RawQuery(raw): RawQuery) -> Response {
    respond(stats_answered(state, raw).await)
}

async fn stats_answered(state: AppState, raw: Option<String>) -> Result<Response, ApiError> {
    Params::parse(raw.as_deref(), &[], false)?;
    state
        .answer(cache_key("stats", raw.as_deref()), |index| {
            to_json(&reports::stats(index)?)
        })
        .await
}

#[derive(Serialize)]
struct Health {
    status: &'static str,
    articles: u64,
}

/// `GET /api/health`: the server answers and the index opens.
pub async fn health(State(state): State<AppState>) -> Response {
    // Never from the cache: it says whether the index opens now.
    let deadline = tokio::time::Instant::now() + state.request_timeout;
    let answered = state
        .compute(deadline, |index| {
            let articles = index.reader()?.searcher().num_docs();
            to_json(&Health {
                status: "ok",
                articles,
            })
        })
        .await
        .map(json_bytes);
    respond(answered)
}
