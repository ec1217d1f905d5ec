//! `newsdex serve`: the search page and the JSON API behind it, over one index.
//!
//! The API answers with the `--format json` shapes of the matching
//! subcommand ([`crate::search::json`] and the report types), errors as
//! `{"error": "..."}` with the library's message. It is read-only: no route
//! writes to the index. Searching is blocking CPU work, so each request runs
//! on tokio's blocking pool under a semaphore (a burst waits its turn instead
//! of starving the others) and a time bound; a background task reloads the
//! reader so that what `newsdex index` commits in another process shows up
//! without a restart.

mod api;
mod assets;
mod cache;
mod params;
mod reply;

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::http::{header, HeaderValue};
use axum::routing::get;
use axum::Router;
use tokio::sync::Semaphore;
use tower_http::set_header::SetResponseHeaderLayer;

use crate::error::{Error, Result};
use crate::index::NewsIndex;
use crate::serve::cache::{AnswerCache, Gates};

pub use params::{MAX_LIMIT, MAX_OFFSET};

/// The address `newsdex serve` listens on unless told otherwise: loopback
/// only, since the API has no authentication.
pub const DEFAULT_ADDR: &str = "127.0.0.1:7700";

/// How the server runs.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// Requests searching at once; the others wait (default: two per core).
    pub max_concurrent: usize,
    /// How long one request may wait and search before it is answered 503.
    pub request_timeout: Duration,
    /// How often the reader looks for new commits.
    pub reload_every: Duration,
    /// Bytes of answers kept for repeated requests until the next commit (0: none).
    pub cache_bytes: usize,
}

impl Default for ServeOptions {
    fn default() -> ServeOptions {
        let cores = std::thread::available_parallelism().map_or(2, usize::from);
        ServeOptions {
            max_concurrent: cores * 2,
            request_timeout: Duration::from_secs(10),
            reload_every: Duration::from_secs(1),
            cache_bytes: 64 << 20,
        }
    }
}

/// What every handler shares.
#[derive(Clone)]
struct AppState {
    index: Arc<NewsIndex>,
    permits: Arc<Semaphore>,
    request_timeout: Duration,
    answers: Arc<AnswerCache>,
    gates: Arc<Gates>,
}

/// The whole application (API and page) as an axum router, for [`run`] or
/// for driving it in tests without a socket.
pub fn router(index: Arc<NewsIndex>, options: &ServeOptions) -> Router {
    let state = AppState {
        index,
        permits: Arc::new(Semaphore::new(options.max_concurrent.max(1))),
        request_timeout: options.request_timeout,
        answers: Arc::new(AnswerCache::new(options.cache_bytes)),
        gates: Arc::new(Gates::default()),
    };
    let api = Router::new()
        .route("/api/search", get(api::search))
        .route("/api/article", get(api::article))
        .route("/api/timeline", get(api::timeline))
        .route("/api/entities", get(api::entities))
        .route("/api/quotes", get(api::quotes))
        .route("/api/stats", get(api::stats))
        .route("/api/health", get(api::health))
        .with_state(state);
    api.merge(assets::routes())
        .fallback(reply::not_found)
        .layer(security_header(
            header::CONTENT_SECURITY_POLICY,
            "default-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
        ))
        .layer(security_header(header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
        .layer(security_header(header::REFERRER_POLICY, "no-referrer"))
        .layer(security_header(header::X_FRAME_OPTIONS, "DENY"))
}

fn security_header(
    name: header::HeaderName,
    value: &'static str,
) -> SetResponseHeaderLayer<HeaderValue> {
    SetResponseHeaderLayer::overriding(name, HeaderValue::from_static(value))
}

/// Whether an address is this machine's own (127.0.0.0/8 or ::1): the only
/// one the server binds without a warning.
pub fn is_loopback(addr: &SocketAddr) -> bool {
    addr.ip().is_loopback()
}

/// Serves `index` on `addr` until `shutdown` completes; `on_listening` is
/// told the bound address (port 0 picks a free one).
pub fn run(
    index: NewsIndex,
    addr: SocketAddr,
    options: ServeOptions,
    on_listening: impl FnOnce(SocketAddr),
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> Result<()> {
    // Searches run on the blocking pool under the semaphore, so it never
    // needs more threads than permits (and one for the reload task).
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .max_blocking_threads(options.max_concurrent.max(1) + 1)
        .enable_all()
        .build()
        .map_err(|error| Error::Internal(format!("cannot start the server: {error}")))?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(addr)
            .await
            .map_err(|error| Error::Usage(format!("cannot listen on {addr}: {error}")))?;
        let bound = listener
            .local_addr()
            .map_err(|error| Error::Usage(format!("cannot listen on {addr}: {error}")))?;
        let shared = Arc::new(index);
        // Opened before the first request, so a damaged index fails here.
        shared.reload()?;
        tokio::spawn(reload_forever(Arc::clone(&shared), options.reload_every));
        let app = router(shared, &options);
        on_listening(bound);
        axum::serve(listener, app)
            .with_graceful_shutdown(shutdown)
            .await
            .map_err(|error| Error::Internal(format!("server stopped: {error}")))
    })
}

/// Brings the reader up to the last commit every `every`: a commit by
/// `newsdex index` in another process shows up within that delay.
async fn reload_forever(index: Arc<NewsIndex>, every: Duration) {
    let mut ticks = tokio::time::interval(every);
    ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        ticks.tick().await;
        let reloading = Arc::clone(&index);
        // A failed reload keeps the previous commit in view; the next tick tries again.
        let _ = tokio::task::spawn_blocking(move || reloading.reload()).await;
    }
}
