//! `newsdex serve`'s answer cache: an answer given again from the cache is
//! the one a server without a cache computes, and a commit by `newsdex
//! index` replaces every kept answer by the new index's.

#[path = "common/serve_fixture.rs"]
mod serve_fixture;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use newsdex::serve::ServeOptions;
use serve_fixture::{get, index_into, reference_key, Served, REPO};

/// One request of each kind the cache keeps (every route but health).
fn requests() -> Vec<String> {
    let reference: String = form_urlencoded::byte_serialize(reference_key().as_bytes()).collect();
    vec![
        "/api/search?q=Ukraine+sovereignty&limit=5".to_string(),
        "/api/search?q=quokka".to_string(),
        "/api/search?sort=newest&limit=3".to_string(),
        "/api/timeline?interval=month".to_string(),
        "/api/entities?limit=10".to_string(),
        "/api/entities?q=council&kind=person".to_string(),
        "/api/quotes?limit=5".to_string(),
        "/api/stats".to_string(),
        format!("/api/article?path={reference}"),
    ]
}

/// Every request's answer (status and body) from `served`.
async fn answers(served: &Served) -> Vec<(u16, String)> {
    let mut all = Vec::new();
    for request in requests() {
        all.push(get(&served.url(&request)).await);
    }
    all
}

fn folder(name: &str) -> PathBuf {
    Path::new(REPO).join(name)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn kept_answers_equal_fresh_ones_and_a_commit_replaces_them() {
    let temp = tempfile::tempdir().expect("a temporary folder");
    let index_dir = temp.path().join("index");
    index_into(
        &index_dir,
        &[folder("corpus"), folder("tests/fixtures/seed")],
    );
    let reload_every = Duration::from_millis(100);
    let cached = Served::start(
        &index_dir,
        ServeOptions {
            reload_every,
            ..ServeOptions::default()
        },
    );
    let uncached = Served::start(
        &index_dir,
        ServeOptions {
            reload_every,
            cache_bytes: 0,
            ..ServeOptions::default()
        },
    );

    let first = answers(&cached).await;
    let again = answers(&cached).await;
    let fresh = answers(&uncached).await;
    for (request, answer) in requests().iter().zip(&first) {
        assert_eq!(answer.0, 200, "{request}: {}", answer.1);
    }
    assert_eq!(
        again, first,
        "an answer from the cache is the one first given"
    );
    assert_eq!(
        fresh, first,
        "the cache's answers are a fresh server's answers"
    );

    index_into(&index_dir, &[folder("tests/fixtures/hostile-page")]);
    // Both servers reload within 100 ms; the cached one must drop every
    // kept answer, so that at some point both agree on the new index.
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let now_cached = answers(&cached).await;
        let now_fresh = answers(&uncached).await;
        let committed = now_fresh[1].1.contains("\"total\":1");
        if committed && now_cached == now_fresh {
            assert_ne!(now_cached, first, "the commit changed the answers");
            break;
        }
        assert!(
            Instant::now() < deadline,
            "the cache still answers from before the commit:\n{:?}\nwhere a fresh server says\n{:?}",
            now_cached,
            now_fresh
        );
        tokio::time::sleep(reload_every).await;
    }
}
