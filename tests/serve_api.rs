//! `newsdex serve`'s API: every endpoint, every error status, the security
//! headers, path tricks, and new commits showing up without a restart.

#[path = "common/serve_fixture.rs"]
mod serve_fixture;

use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use axum::Router;
use http_body_util::BodyExt;
use serde_json::Value;
use tower::ServiceExt;

use newsdex::index::NewsIndex;
use newsdex::serve::{router, ServeOptions};
use serve_fixture::{reference_key, sample_index, Served, REPO};

struct Answer {
    status: StatusCode,
    headers: axum::http::HeaderMap,
    text: String,
}

impl Answer {
    fn json(&self) -> Value {
        serde_json::from_str(&self.text).unwrap_or_else(|error| panic!("{error}: {}", self.text))
    }

    fn error(&self) -> String {
        self.json()["error"]
            .as_str()
            .expect("an error message")
            .to_string()
    }
}

fn sample_app(options: &ServeOptions) -> Router {
    let index = NewsIndex::open(sample_index()).expect("open the sample index");
    router(Arc::new(index), options)
}

async fn call_with(app: &Router, method: &str, uri: &str) -> Answer {
    let request = Request::builder()
        .method(method)
        .uri(uri)
        .body(Body::empty())
        .expect("a request");
    let response = app.clone().oneshot(request).await.expect("an answer");
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = response
        .into_body()
        .collect()
        .await
        .expect("a body")
        .to_bytes();
    Answer {
        status,
        headers,
        text: String::from_utf8_lossy(&bytes).into_owned(),
    }
}

async fn call(app: &Router, uri: &str) -> Answer {
    call_with(app, "GET", uri).await
}

fn encoded(text: &str) -> String {
    form_urlencoded::byte_serialize(text.as_bytes()).collect()
}

/// `newsdex ARGS... --format json` on the sample index.
fn cli_json(args: &[&str]) -> Value {
    let output = assert_cmd::Command::cargo_bin("newsdex")
        .expect("the newsdex binary")
        .env_clear()
        .current_dir("/")
        .arg("--index")
        .arg(sample_index())
        .args(args)
        .args(["--format", "json"])
        .output()
        .expect("run newsdex");
    serde_json::from_slice(&output.stdout)
        .unwrap_or_else(|error| panic!("{error}: {}", String::from_utf8_lossy(&output.stderr)))
}

fn keys(value: &Value) -> Vec<String> {
    let mut names: Vec<String> = value
        .as_object()
        .expect("an object")
        .keys()
        .cloned()
        .collect();
    names.sort();
    names
}

#[tokio::test]
async fn search_answers_with_the_cli_json_fields_and_finds_the_reference() {
    let app = sample_app(&ServeOptions::default());
    let answer = call(&app, "/api/search?q=Ukraine+sovereignty").await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.text);
    let api = answer.json();
    let cli = cli_json(&["query", "Ukraine sovereignty"]);
    assert_eq!(api["total"], cli["total"]);
    assert_eq!(api["query"], "Ukraine sovereignty");
    let api_hits = api["hits"].as_array().expect("hits");
    let cli_hits = cli["hits"].as_array().expect("hits");
    assert_eq!(api_hits.len(), cli_hits.len());
    let first_three: Vec<&str> = api_hits
        .iter()
        .take(3)
        .map(|hit| hit["path"].as_str().expect("a path"))
        .collect();
    assert!(
        first_three.contains(&reference_key().as_str()),
        "{first_three:?}"
    );
    for (api_hit, cli_hit) in api_hits.iter().zip(cli_hits) {
        let mut api_keys = keys(api_hit);
        api_keys.retain(|key| key != "highlights");
        assert_eq!(api_keys, keys(cli_hit));
        assert_eq!(api_hit["title"], cli_hit["title"]);
        assert_eq!(api_hit["snippet"], cli_hit["snippet"]);
    }
    let reference = api_hits
        .iter()
        .find(|hit| hit["path"] == reference_key().as_str())
        .expect("the reference hit");
    let snippet = reference["snippet"].as_str().expect("a snippet");
    let marked: Vec<&str> = reference["highlights"]
        .as_array()
        .expect("highlights")
        .iter()
        .map(|range| {
            let start = range[0].as_u64().expect("a start") as usize;
            let end = range[1].as_u64().expect("an end") as usize;
            &snippet[start..end]
        })
        .collect();
    assert!(
        marked
            .iter()
            .any(|word| word.eq_ignore_ascii_case("sovereignty")),
        "{marked:?}"
    );
}

#[tokio::test]
async fn search_filters_page_and_lists_without_a_query() {
    let app = sample_app(&ServeOptions::default());
    let listed = call(&app, "/api/search?sort=newest&limit=5").await.json();
    assert_eq!(listed["hits"].as_array().expect("hits").len(), 5);
    assert!(listed.get("query").is_none());
    let dates: Vec<&str> = listed["hits"]
        .as_array()
        .expect("hits")
        .iter()
        .filter_map(|hit| hit["date"].as_str())
        .collect();
    let mut newest_first = dates.clone();
    newest_first.sort_by(|a, b| b.cmp(a));
    assert_eq!(dates, newest_first);

    let narrowed = call(
        &app,
        "/api/search?q=Ukraine&from=2022-01-10&to=2022-01-10&limit=100",
    )
    .await
    .json();
    let cli = cli_json(&[
        "query",
        "Ukraine",
        "--from",
        "2022-01-10",
        "--to",
        "2022-01-10",
        "-n",
        "100",
    ]);
    assert_eq!(narrowed["total"], cli["total"]);
    for hit in narrowed["hits"].as_array().expect("hits") {
        assert!(
            hit["date"]
                .as_str()
                .expect("a date")
                .starts_with("2022-01-10"),
            "{hit}"
        );
    }
    let with_entity = call(&app, "/api/search?q=Ukraine&entity=NATO&limit=100")
        .await
        .json();
    for hit in with_entity["hits"].as_array().expect("hits") {
        let names: Vec<&str> = hit["entities"]
            .as_array()
            .expect("entities")
            .iter()
            .filter_map(|entity| entity["name"].as_str())
            .collect();
        assert!(names.iter().any(|name| name.contains("NATO")), "{names:?}");
    }
    let second_page = call(&app, "/api/search?q=Ukraine&offset=1&limit=1")
        .await
        .json();
    let first_two = call(&app, "/api/search?q=Ukraine&limit=2").await.json();
    assert_eq!(second_page["hits"][0]["path"], first_two["hits"][1]["path"]);
}

#[tokio::test]
async fn article_by_path_and_by_id_or_404() {
    let app = sample_app(&ServeOptions::default());
    let uri = format!("/api/article?path={}", encoded(&reference_key()));
    let answer = call(&app, &uri).await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.text);
    let article = answer.json();
    assert_eq!(article["path"], reference_key().as_str());
    assert!(article["body"]
        .as_str()
        .expect("a body")
        .contains("sovereignty"));
    assert!(article["entities"].is_array() && article["quotes"].is_array());

    let missing = call(&app, "/api/article?path=%2Fetc%2Fpasswd").await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    assert!(
        missing.error().contains("not in the index"),
        "{}",
        missing.text
    );
    let missing_id = call(&app, "/api/article?id=NO-SUCH-ID").await;
    assert_eq!(missing_id.status, StatusCode::NOT_FOUND);
    let neither = call(&app, "/api/article").await;
    assert_eq!(neither.status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn reports_match_the_cli() {
    let app = sample_app(&ServeOptions::default());
    let timeline = call(&app, "/api/timeline?q=Ukraine&interval=day").await;
    assert_eq!(timeline.status, StatusCode::OK, "{}", timeline.text);
    assert_eq!(
        timeline.json(),
        cli_json(&["timeline", "Ukraine", "--interval", "day"])
    );

    let people = call(&app, "/api/entities?kind=person&limit=5").await;
    assert_eq!(people.status, StatusCode::OK, "{}", people.text);
    assert_eq!(
        people.json(),
        cli_json(&["entities", "--kind", "person", "-n", "5"])
    );

    let quotes = call(&app, "/api/quotes?speaker=Joly&limit=5").await;
    assert_eq!(quotes.status, StatusCode::OK, "{}", quotes.text);
    let found = quotes.json();
    assert!(!found.as_array().expect("quotes").is_empty());
    for quote in found.as_array().expect("quotes") {
        assert!(quote["speaker_name"]
            .as_str()
            .expect("a speaker")
            .contains("Joly"));
    }

    let stats = call(&app, "/api/stats").await;
    assert_eq!(stats.status, StatusCode::OK, "{}", stats.text);
    let cli_stats = cli_json(&["stats"]);
    assert_eq!(stats.json()["articles"], cli_stats["articles"]);

    let health = call(&app, "/api/health").await.json();
    assert_eq!(health["status"], "ok");
    assert_eq!(health["articles"], cli_stats["articles"]);
}

#[tokio::test]
async fn bad_requests_are_400_with_the_cli_message() {
    let app = sample_app(&ServeOptions::default());
    let cases = [
        ("/api/search?q=a&bogus=1", "unknown parameter"),
        ("/api/search?q=a&q=b", "given twice"),
        ("/api/search?q=a&limit=0", "limit must be at least 1"),
        ("/api/search?q=a&limit=101", "at most 100"),
        ("/api/search?q=a&offset=-1", "not a whole number"),
        ("/api/search?q=a&offset=10001", "at most 10000"),
        ("/api/search?q=a&sort=best", "expected one of"),
        (
            "/api/search?q=a&all_copies=perhaps",
            "expected true or false",
        ),
        (
            "/api/search?q=a&from=yesterday",
            "invalid date \"yesterday\"",
        ),
        (
            "/api/search?q=a&from=2022-02-01&to=2022-01-01",
            "is after --to",
        ),
        ("/api/timeline?interval=fortnight", "expected one of"),
        ("/api/entities?kind=animal", "expected person"),
        ("/api/quotes?limit=1000", "at most 100"),
        ("/api/stats?x=1", "no parameters"),
    ];
    for (uri, expected) in cases {
        let answer = call(&app, uri).await;
        assert_eq!(
            answer.status,
            StatusCode::BAD_REQUEST,
            "{uri}: {}",
            answer.text
        );
        assert!(answer.error().contains(expected), "{uri}: {}", answer.text);
    }
    let many_entities: String = (0..17).map(|n| format!("&entity=e{n}")).collect();
    let answer = call(&app, &format!("/api/search?q=a{many_entities}")).await;
    assert_eq!(answer.status, StatusCode::BAD_REQUEST, "{}", answer.text);
}

#[tokio::test]
async fn an_overlong_query_is_413_and_deep_nesting_is_400() {
    let app = sample_app(&ServeOptions::default());
    let long = "word ".repeat(7_000);
    let answer = call(&app, &format!("/api/search?q={}", encoded(&long))).await;
    assert_eq!(
        answer.status,
        StatusCode::PAYLOAD_TOO_LARGE,
        "{}",
        answer.text
    );
    assert!(answer.error().contains("at most 32000"), "{}", answer.text);
    let nested = format!("{}a{}", "(".repeat(200), ")".repeat(200));
    let answer = call(&app, &format!("/api/search?q={}", encoded(&nested))).await;
    assert!(
        answer.status == StatusCode::BAD_REQUEST || answer.status == StatusCode::OK,
        "nesting must be refused or read leniently, never a crash: {} {}",
        answer.status,
        answer.text
    );
}

#[tokio::test]
async fn a_request_past_its_time_bound_is_503() {
    let options = ServeOptions {
        request_timeout: Duration::ZERO,
        ..ServeOptions::default()
    };
    let app = sample_app(&options);
    let answer = call(&app, "/api/search?q=Ukraine+OR+Russia+OR+NATO&limit=100").await;
    assert_eq!(
        answer.status,
        StatusCode::SERVICE_UNAVAILABLE,
        "{}",
        answer.text
    );
    assert!(answer.error().contains("longer than"), "{}", answer.text);
}

#[tokio::test]
async fn path_tricks_and_unknown_routes_reach_nothing() {
    let app = sample_app(&ServeOptions::default());
    for uri in [
        "/../Cargo.toml",
        "/%2e%2e/Cargo.toml",
        "/api/..%2fstats",
        "/app.js/../../Cargo.toml",
        "/assets/app.js",
        "/src/serve/assets/index.html",
        "/%2F%2Fetc%2Fpasswd",
        "/api/nope",
    ] {
        let answer = call(&app, uri).await;
        assert_eq!(
            answer.status,
            StatusCode::NOT_FOUND,
            "{uri}: {}",
            answer.text
        );
        assert!(
            answer.error().contains("no such page"),
            "{uri}: {}",
            answer.text
        );
        assert!(!answer.text.contains("[package]"), "{uri}");
    }
    let posted = call_with(&app, "POST", "/api/search?q=a").await;
    assert_eq!(posted.status, StatusCode::METHOD_NOT_ALLOWED);
    let deleted = call_with(&app, "DELETE", "/api/article?path=x").await;
    assert_eq!(deleted.status, StatusCode::METHOD_NOT_ALLOWED);
}

#[tokio::test]
async fn page_and_answers_carry_the_security_headers() {
    let app = sample_app(&ServeOptions::default());
    for (uri, content_type) in [
        ("/", "text/html"),
        ("/app.js", "text/javascript"),
        ("/app.css", "text/css"),
        ("/api/health", "application/json"),
        ("/api/search?limit=0", "application/json"),
        ("/nowhere", "application/json"),
    ] {
        let answer = call(&app, uri).await;
        let header_of = |name: header::HeaderName| {
            answer
                .headers
                .get(name)
                .and_then(|value| value.to_str().ok())
                .unwrap_or_default()
                .to_string()
        };
        assert!(
            header_of(header::CONTENT_TYPE).starts_with(content_type),
            "{uri}"
        );
        assert!(
            header_of(header::CONTENT_SECURITY_POLICY).starts_with("default-src 'self'"),
            "{uri}"
        );
        assert_eq!(
            header_of(header::X_CONTENT_TYPE_OPTIONS),
            "nosniff",
            "{uri}"
        );
    }
    let page = call(&app, "/").await.text;
    assert!(page.contains("<script src=\"/app.js\""), "{page}");
    assert!(
        !page.contains("<script>"),
        "no inline script: the CSP forbids it"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn articles_indexed_while_serving_show_up_without_a_restart() {
    let temp = tempfile::tempdir().expect("a temporary folder");
    let index_dir = temp.path().join("index");
    let seed = std::path::Path::new(REPO).join("tests/fixtures/seed");
    serve_fixture::index_into(&index_dir, &[seed]);
    let options = ServeOptions {
        reload_every: Duration::from_millis(100),
        ..ServeOptions::default()
    };
    let served = Served::start(&index_dir, options);
    let before = serve_fixture::get(&served.url("/api/search?q=quokka")).await;
    assert_eq!(before.0, 200, "{}", before.1);
    assert!(before.1.contains("\"total\":0"), "{}", before.1);

    let hostile = std::path::Path::new(REPO).join("tests/fixtures/hostile-page");
    serve_fixture::index_into(&index_dir, &[hostile]);
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let (status, body) = serve_fixture::get(&served.url("/api/search?q=quokka")).await;
        assert_eq!(status, 200, "{body}");
        if body.contains("\"total\":1") {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "the new commit never showed: {body}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

#[test]
fn only_loopback_addresses_are_loopback() {
    use newsdex::serve::is_loopback;
    for (addr, loopback) in [
        ("127.0.0.1:7700", true),
        ("127.8.9.10:1", true),
        ("[::1]:7700", true),
        ("0.0.0.0:7700", false),
        ("[::]:7700", false),
        ("192.0.2.1:80", false),
    ] {
        let parsed: std::net::SocketAddr = addr.parse().expect("an address");
        assert_eq!(is_loopback(&parsed), loopback, "{addr}");
    }
}
