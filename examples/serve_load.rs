//! Load test for `newsdex serve`: N concurrent clients send a mix of search,
//! timeline and entity-facet requests (what the page sends as one types) to
//! a server on a free loopback port for a fixed time, then print the
//! latency percentiles and the error count. Loopback only, bounded in time
//! and in count; it stops by itself.
//!
//! ```text
//! cargo run --release --example serve_load -- INDEX_DIR [CLIENTS] [SECONDS]
//! ```

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use http_body_util::BodyExt;
use hyper_util::client::legacy::Client;
use hyper_util::rt::TokioExecutor;

use newsdex::index::NewsIndex;
use newsdex::serve::{self, ServeOptions};

/// Words of financial news: each request takes the next one.
const WORDS: [&str; 20] = [
    "oil prices",
    "interest rates",
    "merger",
    "earnings",
    "federal reserve",
    "bank",
    "stocks fell",
    "dollar",
    "inflation",
    "bond yields",
    "acquisition",
    "profit warning",
    "crude",
    "gold",
    "shares rose",
    "central bank",
    "debt",
    "ipo",
    "quarterly results",
    "takeover bid",
];

/// The most requests one run sends, whatever the time left.
const MAX_REQUESTS: usize = 2_000_000;

#[derive(Clone, Copy)]
enum Kind {
    Search,
    Timeline,
    Facets,
}

const KINDS: [(Kind, &str); 3] = [
    (Kind::Search, "search"),
    (Kind::Timeline, "timeline"),
    (Kind::Facets, "entities"),
];

fn path_for(kind: Kind, words: &str) -> String {
    let q: String = form_urlencoded::byte_serialize(words.as_bytes()).collect();
    match kind {
        Kind::Search => format!("/api/search?q={q}&limit=10"),
        Kind::Timeline => format!("/api/timeline?q={q}&interval=month"),
        Kind::Facets => format!("/api/entities?q={q}&limit=40"),
    }
}

struct Sample {
    kind: usize,
    latency: Duration,
    ok: bool,
}

fn start_server(index_dir: PathBuf) -> SocketAddr {
    let index = NewsIndex::open(&index_dir).expect("open the index");
    let (bound_tx, bound_rx) = std::sync::mpsc::channel();
    let loopback: SocketAddr = "127.0.0.1:0".parse().expect("an address");
    std::thread::spawn(move || {
        let announce = move |addr| {
            let _ = bound_tx.send(addr);
        };
        // Runs until the process ends.
        let forever = std::future::pending::<()>();
        serve::run(index, loopback, ServeOptions::default(), announce, forever)
            .expect("the server runs");
    });
    bound_rx
        .recv_timeout(Duration::from_secs(60))
        .expect("the server listens")
}

fn percentile(sorted: &[Duration], fraction: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let rank = ((sorted.len() as f64 * fraction).ceil() as usize).clamp(1, sorted.len());
    sorted[rank - 1]
}

fn report(label: &str, samples: &[&Sample], seconds: f64) {
    let mut latencies: Vec<Duration> = samples.iter().map(|sample| sample.latency).collect();
    latencies.sort();
    let errors = samples.iter().filter(|sample| !sample.ok).count();
    let millis = |duration: Duration| duration.as_secs_f64() * 1000.0;
    println!(
        "{label:<9} requests {:>7}  errors {errors:>3}  {:>7.1} req/s  p50 {:>6.2} ms  p99 {:>6.2} ms  max {:>7.2} ms",
        samples.len(),
        samples.len() as f64 / seconds,
        millis(percentile(&latencies, 0.50)),
        millis(percentile(&latencies, 0.99)),
        millis(latencies.last().copied().unwrap_or_default()),
    );
}

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(index_dir) = args.next().map(PathBuf::from) else {
        eprintln!("usage: serve_load INDEX_DIR [CLIENTS] [SECONDS]");
        std::process::exit(2);
    };
    let clients: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(32);
    let seconds: u64 = args
        .next()
        .and_then(|n| n.parse().ok())
        .unwrap_or(20)
        .min(600);
    let addr = start_server(index_dir);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()
        .expect("a client runtime");
    let samples = runtime.block_on(load(addr, clients, Duration::from_secs(seconds)));
    println!("{clients} clients, {seconds} s, mixed search/timeline/entities on http://{addr}/");
    let all: Vec<&Sample> = samples.iter().collect();
    report("all", &all, seconds as f64);
    for (position, (_, label)) in KINDS.iter().enumerate() {
        let of_kind: Vec<&Sample> = samples
            .iter()
            .filter(|sample| sample.kind == position)
            .collect();
        report(label, &of_kind, seconds as f64);
    }
}

async fn load(addr: SocketAddr, clients: usize, length: Duration) -> Vec<Sample> {
    let client = Client::builder(TokioExecutor::new())
        .pool_max_idle_per_host(clients)
        .build_http::<http_body_util::Empty<hyper::body::Bytes>>();
    let deadline = Instant::now() + length;
    let per_client = MAX_REQUESTS / clients.max(1);
    let mut tasks = Vec::new();
    for client_number in 0..clients {
        let client = client.clone();
        tasks.push(tokio::spawn(async move {
            let mut samples = Vec::new();
            let mut turn = client_number;
            while Instant::now() < deadline && samples.len() < per_client {
                let kind = turn % KINDS.len();
                let words = WORDS[(turn / KINDS.len()) % WORDS.len()];
                let uri: hyper::Uri = format!("http://{addr}{}", path_for(KINDS[kind].0, words))
                    .parse()
                    .expect("a URI");
                let sent = Instant::now();
                let ok = match client.get(uri).await {
                    Ok(response) => {
                        let status_ok = response.status().is_success();
                        status_ok && response.into_body().collect().await.is_ok()
                    }
                    Err(_) => false,
                };
                samples.push(Sample {
                    kind,
                    latency: sent.elapsed(),
                    ok,
                });
                turn += 1;
            }
            samples
        }));
    }
    let mut all = Vec::new();
    for task in tasks {
        all.extend(task.await.unwrap_or_default());
    }
    all
}
