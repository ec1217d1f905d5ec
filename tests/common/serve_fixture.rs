//! What the server's tests share: one index of the sample corpus, the
//! reference article and a hostile article (built once per test binary),
//! a server on a free loopback port, and a plain HTTP GET.

#![allow(dead_code)]

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::time::Duration;

use assert_cmd::Command;
use http_body_util::BodyExt;
use hyper_util::client::legacy::Client;
use hyper_util::rt::TokioExecutor;
use tempfile::TempDir;

use newsdex::index::NewsIndex;
use newsdex::serve::{self, ServeOptions};

pub const REPO: &str = env!("CARGO_MANIFEST_DIR");

/// The key of the reference article ("Ukraine sovereignty").
pub fn reference_key() -> String {
    let path = Path::new(REPO).join("tests/fixtures/seed/000_7f02db305e5edaad.txt");
    path.to_string_lossy().into_owned()
}

/// `newsdex --index DIR index PATHS...`, which must succeed.
pub fn index_into(index_dir: &Path, paths: &[PathBuf]) {
    let output = Command::cargo_bin("newsdex")
        .expect("the newsdex binary")
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .arg("--index")
        .arg(index_dir)
        .args(["index", "--quiet"])
        .args(paths)
        .output()
        .expect("run newsdex index");
    assert!(
        output.status.success(),
        "newsdex index failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// The folders of the sample index: the bundled corpus, the reference
/// article and the hostile article.
pub fn sample_folders() -> Vec<PathBuf> {
    [
        "corpus",
        "tests/fixtures/seed",
        "tests/fixtures/hostile-page",
    ]
    .iter()
    .map(|folder| Path::new(REPO).join(folder))
    .collect()
}

/// The sample index, built on first use and kept for the test binary's life.
pub fn sample_index() -> &'static Path {
    static INDEX: OnceLock<(TempDir, PathBuf)> = OnceLock::new();
    let (_, dir) = INDEX.get_or_init(|| {
        let temp = tempfile::tempdir().expect("a temporary folder");
        let dir = temp.path().join("index");
        index_into(&dir, &sample_folders());
        (temp, dir)
    });
    dir
}

/// A server over `index_dir` on a free loopback port, on its own thread;
/// dropping the handle stops it.
pub struct Served {
    pub addr: SocketAddr,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Served {
    pub fn start(index_dir: &Path, options: ServeOptions) -> Served {
        let index = NewsIndex::open(index_dir).expect("open the index");
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let (bound_tx, bound_rx) = std::sync::mpsc::channel();
        let loopback: SocketAddr = "127.0.0.1:0".parse().expect("an address");
        let thread = std::thread::spawn(move || {
            let shutdown = async {
                let _ = stopped.await;
            };
            let announce = move |addr| {
                let _ = bound_tx.send(addr);
            };
            serve::run(index, loopback, options, announce, shutdown).expect("the server runs");
        });
        let addr = bound_rx
            .recv_timeout(Duration::from_secs(30))
            .expect("the server listens");
        Served {
            addr,
            stop: Some(stop),
            thread: Some(thread),
        }
    }

    pub fn url(&self, path_and_query: &str) -> String {
        format!("http://{}{path_and_query}", self.addr)
    }
}

impl Drop for Served {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// GET `url` (loopback only): status and body.
pub async fn get(url: &str) -> (u16, String) {
    let client = Client::builder(TokioExecutor::new())
        .build_http::<http_body_util::Empty<hyper::body::Bytes>>();
    let uri: hyper::Uri = url.parse().expect("a URL");
    let response = client.get(uri).await.expect("an answer");
    let status = response.status().as_u16();
    let body = response
        .into_body()
        .collect()
        .await
        .expect("the body")
        .to_bytes();
    (status, String::from_utf8_lossy(&body).into_owned())
}
