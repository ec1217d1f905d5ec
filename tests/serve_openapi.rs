//! docs/openapi.yaml describes the API the server has: every route of the
//! router is a path of the file, and every path of the file is routed (it
//! does not fall through to the 404 of unknown paths).

#[path = "common/serve_fixture.rs"]
mod serve_fixture;

use std::path::Path;
use std::sync::Arc;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use tower::ServiceExt;

use newsdex::index::NewsIndex;
use newsdex::serve::{router, ServeOptions};
use serve_fixture::{sample_index, REPO};

fn read(relative: &str) -> String {
    let path = Path::new(REPO).join(relative);
    std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("{}: {error}", path.display()))
}

/// The paths under `paths:` (two-space indented keys that start with `/`).
fn documented_paths() -> Vec<String> {
    let mut found: Vec<String> = read("docs/openapi.yaml")
        .lines()
        .filter_map(|line| line.strip_prefix("  /"))
        .filter_map(|rest| rest.strip_suffix(':'))
        .map(|path| format!("/{path}"))
        .collect();
    found.sort();
    found
}

/// The API routes the router is built with (`.route("/api/...", ...)` in src/serve/).
fn routed_paths() -> Vec<String> {
    let mut found = Vec::new();
    let folder = Path::new(REPO).join("src/serve");
    for entry in std::fs::read_dir(&folder).expect("src/serve") {
        let path = entry.expect("an entry").path();
        if path.extension().is_none_or(|extension| extension != "rs") {
            continue;
        }
        let source = std::fs::read_to_string(&path).expect("a source file");
        for piece in source.split(".route(\"").skip(1) {
            let route = piece.split('"').next().unwrap_or_default();
            if route.starts_with("/api/") {
                found.push(route.to_string());
            }
        }
    }
    found.sort();
    found
}

#[test]
fn every_route_is_documented_and_nothing_else() {
    let routed = routed_paths();
    assert!(routed.len() >= 7, "the routes were not found: {routed:?}");
    assert_eq!(documented_paths(), routed);
}

#[tokio::test]
async fn every_documented_path_is_routed() {
    let index = NewsIndex::open(sample_index()).expect("open the sample index");
    let app = router(Arc::new(index), &ServeOptions::default());
    for path in documented_paths() {
        let request = Request::builder()
            .uri(format!("{path}?not_a_parameter=1"))
            .body(Body::empty())
            .expect("a request");
        let answer = app.clone().oneshot(request).await.expect("an answer");
        assert_ne!(
            answer.status(),
            StatusCode::NOT_FOUND,
            "{path} is not routed"
        );
    }
}
