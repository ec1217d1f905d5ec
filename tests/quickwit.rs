//! The Quickwit engine against a real node: `../shared/tools/quickwit/` holds
//! a Quickwit binary (xz); each test unpacks it, starts a node on a free
//! loopback port with its own data folder, and stops it by its process id
//! (also when the test panics). Skipped, with a note, when the file is absent.

mod common;

use std::collections::HashSet;
use std::io::Read;
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use common::{copy_dir, seed_dir, shared_dir, Sandbox};
use serde_json::Value;

/// The unpacked binary, once per test process; `None` when the archive is absent.
fn quickwit_binary() -> Option<PathBuf> {
    static BINARY: OnceLock<Option<(tempfile::TempDir, PathBuf)>> = OnceLock::new();
    let unpacked = BINARY.get_or_init(|| {
        let folder = shared_dir().join("tools/quickwit");
        let archive = std::fs::read_dir(&folder)
            .ok()?
            .flatten()
            .map(|entry| entry.path())
            .find(|path| path.extension().is_some_and(|ext| ext == "xz"))?;
        let dir = tempfile::tempdir().expect("a temporary folder");
        let binary = dir.path().join("quickwit");
        let mut bytes = Vec::new();
        let file = std::fs::File::open(&archive).expect("open the quickwit archive");
        liblzma::read::XzDecoder::new(file)
            .read_to_end(&mut bytes)
            .expect("unpack quickwit");
        std::fs::write(&binary, bytes).expect("write quickwit");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&binary, std::fs::Permissions::from_mode(0o755))
                .expect("make quickwit executable");
        }
        Some((dir, binary))
    });
    unpacked.as_ref().map(|(_, binary)| binary.clone())
}

/// A REST port whose gRPC neighbour (port + 1) is free too.
fn free_port() -> u16 {
    loop {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind a port");
        let port = listener.local_addr().expect("an address").port();
        drop(listener);
        let neighbour_free = port < u16::MAX && TcpListener::bind(("127.0.0.1", port + 1)).is_ok();
        if neighbour_free {
            return port;
        }
    }
}

/// A running node, stopped by its process id when dropped.
struct Node {
    child: Option<Child>,
    binary: PathBuf,
    dir: PathBuf,
    port: u16,
}

impl Node {
    fn start(binary: &Path, dir: &Path) -> Node {
        let mut node = Node {
            child: None,
            binary: binary.to_path_buf(),
            dir: dir.to_path_buf(),
            port: free_port(),
        };
        node.launch();
        node
    }

    /// Starts the node; a node that exits at once (its port not yet
    /// released after a kill) is started again, three times at most.
    fn launch(&mut self) {
        for _ in 0..3 {
            self.spawn();
            if self.wait_ready() {
                return;
            }
            self.kill();
            std::thread::sleep(Duration::from_secs(2));
        }
        panic!(
            "quickwit did not become ready; see {}",
            self.dir.join("node.log").display()
        );
    }

    fn spawn(&mut self) {
        let data = self.dir.join("qwdata");
        std::fs::create_dir_all(&data).expect("data folder");
        let config = self.dir.join("node-config.yaml");
        let yaml = format!(
            "version: 0.8\nnode_id: test-node\ncluster_id: newsdex-test\nlisten_address: 127.0.0.1\nrest:\n  listen_port: {}\ndata_dir: {}\n",
            self.port,
            data.display()
        );
        std::fs::write(&config, yaml).expect("node config");
        let log = std::fs::File::create(self.dir.join("node.log")).expect("node log");
        let child = Command::new(&self.binary)
            .args(["run", "--config"])
            .arg(&config)
            .env("QW_DISABLE_TELEMETRY", "1")
            .stdin(Stdio::null())
            .stdout(log.try_clone().expect("log"))
            .stderr(log)
            .spawn()
            .expect("start quickwit");
        self.child = Some(child);
    }

    /// Whether the node answers ready within 90 s (false as soon as it exits).
    fn wait_ready(&mut self) -> bool {
        let agent = ureq::Agent::new_with_defaults();
        let url = format!("http://127.0.0.1:{}/health/readyz", self.port);
        let deadline = Instant::now() + Duration::from_secs(90);
        while Instant::now() < deadline {
            if agent
                .get(&url)
                .call()
                .is_ok_and(|answer| answer.status() == 200)
            {
                return true;
            }
            let exited = self
                .child
                .as_mut()
                .is_none_or(|child| child.try_wait().ok().flatten().is_some());
            if exited {
                return false;
            }
            std::thread::sleep(Duration::from_millis(250));
        }
        false
    }

    fn kill(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }

    fn engine(&self, index: &str) -> String {
        format!("quickwit://127.0.0.1:{}/{index}", self.port)
    }
}

impl Drop for Node {
    fn drop(&mut self) {
        self.kill();
    }
}

/// The binary, or a note on stderr and `None` (the test then returns).
fn binary_or_skip() -> Option<PathBuf> {
    let binary = quickwit_binary();
    if binary.is_none() {
        eprintln!("skipped: no quickwit archive in ../shared/tools/quickwit");
    }
    binary
}

/// `newsdex ARGS` on the engine, with its state folder in the sandbox.
fn on_engine(sandbox: &Sandbox, engine: &str, args: &[&str]) -> assert_cmd::Command {
    let mut command = sandbox.newsdex(&[]);
    command
        .env("NEWSDEX_ENGINE", engine)
        .env("NEWSDEX_STATE_DIR", sandbox.path().join("state"))
        .args(args);
    command
}

fn stdout_json(mut command: assert_cmd::Command) -> Value {
    let output = command.output().expect("run newsdex");
    assert!(
        matches!(output.status.code(), Some(0 | 1)),
        "exit {:?}: {}",
        output.status.code(),
        String::from_utf8_lossy(&output.stderr)
    );
    let text = String::from_utf8_lossy(&output.stdout);
    if text.trim().is_empty() {
        return Value::Array(Vec::new());
    }
    serde_json::from_str(&text).expect("JSON output")
}

fn paths_of(results: &Value) -> Vec<String> {
    results["hits"]
        .as_array()
        .cloned()
        .unwrap_or_default()
        .iter()
        .map(|hit| hit["path"].as_str().unwrap_or_default().to_string())
        .collect()
}

fn index_ok(mut command: assert_cmd::Command) -> String {
    let output = command.output().expect("run newsdex index");
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    stderr
}

#[test]
fn quickwit_answers_as_the_local_index_does() {
    let Some(binary) = binary_or_skip() else {
        return;
    };
    let sandbox = Sandbox::new();
    let corpus = sandbox.copy_corpus();
    copy_dir(&seed_dir(), &corpus.join("seed"));
    let node = Node::start(&binary, &sandbox.path().join("node"));
    let engine = node.engine("news");
    let corpus_arg = corpus.to_string_lossy().into_owned();
    index_ok(sandbox.newsdex(&["index", "--quiet", &corpus_arg]));
    let first = index_ok(on_engine(&sandbox, &engine, &["index", &corpus_arg]));
    assert!(first.contains(" added"), "{first}");

    // The same top hits for the reference query: the reference article in the top 3.
    let query = [
        "query",
        "Ukraine sovereignty",
        "--format",
        "json",
        "-n",
        "3",
    ];
    let local = paths_of(&stdout_json(sandbox.newsdex(&query)));
    let remote = paths_of(&stdout_json(on_engine(&sandbox, &engine, &query)));
    let seed_key = |paths: &[String]| paths.iter().any(|path| path.contains("/seed/"));
    assert!(seed_key(&local), "local: {local:?}");
    assert!(seed_key(&remote), "quickwit: {remote:?}");

    // Identical answers for a date range, an entity, a month timeline, top 20 entities.
    let same = [
        vec![
            "list",
            "--from",
            "2022-01-01",
            "--to",
            "2022-02-15",
            "--all-copies",
            "-n",
            "1000",
            "--format",
            "json",
        ],
        vec![
            "list",
            "--entity",
            "Joly",
            "--all-copies",
            "-n",
            "1000",
            "--format",
            "json",
        ],
    ];
    assert_same_answers(&sandbox, &engine, &same);
    assert_same_answers(&sandbox, &engine, &month_timelines());
    assert_same_top_entities(&sandbox, &engine);

    // `show` of a hit prints the stored article.
    let shown = sandbox
        .newsdex(&[])
        .env("NEWSDEX_ENGINE", &engine)
        .args(["show", &remote[0], "--format", "json"])
        .output()
        .expect("run show");
    assert_eq!(
        shown.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&shown.stderr)
    );
    let article: Value = serde_json::from_slice(&shown.stdout).expect("an article");
    assert!(article["body"]
        .as_str()
        .is_some_and(|body| !body.is_empty()));

    // A second run sends nothing.
    let again = index_ok(on_engine(&sandbox, &engine, &["index", &corpus_arg]));
    assert!(again.contains("0 added, 0 updated, 0 removed"), "{again}");
    let stats = stdout_json(on_engine(&sandbox, &engine, &["stats", "--format", "json"]));
    let local_stats = stdout_json(sandbox.newsdex(&["stats", "--format", "json"]));
    assert_eq!(stats["articles"], local_stats["articles"]);
    assert_eq!(stats["dated_articles"], local_stats["dated_articles"]);
    assert_eq!(stats["first_date"], local_stats["first_date"]);
    assert_eq!(stats["last_date"], local_stats["last_date"]);

    // The same node serves a second index: the Ukraine corpus.
    ukraine_corpus_answers_as_the_local_index_does(&node);
}

/// A month timeline of every article and one of a query.
fn month_timelines() -> [Vec<&'static str>; 2] {
    [
        vec!["timeline", "--interval", "month", "--format", "json"],
        vec![
            "timeline",
            "Ukraine",
            "--interval",
            "month",
            "--format",
            "json",
        ],
    ]
}

/// Each command of `commands` answers the same on both engines: lists the
/// same total (and, of every copy, the same articles), reports the same JSON.
fn assert_same_answers(sandbox: &Sandbox, engine: &str, commands: &[Vec<&str>]) {
    for args in commands {
        let local = stdout_json(sandbox.newsdex(args));
        let remote = stdout_json(on_engine(sandbox, engine, args));
        if args[0] != "list" {
            assert_eq!(local, remote, "{args:?}");
            continue;
        }
        assert_eq!(local["total"], remote["total"], "{args:?}");
        // Which copy of a syndicated body is listed may differ; every copy may not.
        if args.contains(&"--all-copies") {
            let local_paths: HashSet<String> = paths_of(&local).into_iter().collect();
            let remote_paths: HashSet<String> = paths_of(&remote).into_iter().collect();
            assert_eq!(local_paths, remote_paths, "{args:?}");
        }
    }
}

/// The top 20 entities have the same counts on both engines, except the
/// spellings the local index folds together (a documented difference):
/// unfolded spellings take places of their own, so a longer remote list holds
/// every other local one.
fn assert_same_top_entities(sandbox: &Sandbox, engine: &str) {
    let entities = ["entities", "-n", "20", "--format", "json"];
    let local_entities = stdout_json(sandbox.newsdex(&entities));
    let more_entities = ["entities", "-n", "40", "--format", "json"];
    let remote_entities = stdout_json(on_engine(sandbox, engine, &more_entities));
    // Name, articles, and the evidence for the kind when articles disagree.
    let counted = |report: &Value| -> Vec<(String, u64, String)> {
        report
            .as_array()
            .cloned()
            .unwrap_or_default()
            .iter()
            .filter(|entity| entity.get("aliases").is_none())
            .map(|entity| {
                (
                    entity["name"].as_str().unwrap_or_default().to_string(),
                    entity["articles"].as_u64().unwrap_or(0),
                    entity["kinds"].to_string(),
                )
            })
            .collect()
    };
    let local_counts = counted(&local_entities);
    assert!(local_counts.len() >= 10, "{local_entities}");
    let remote_counts: HashSet<(String, u64, String)> =
        counted(&remote_entities).into_iter().collect();
    for entity in local_counts {
        assert!(
            remote_counts.contains(&entity),
            "{entity:?} not in {remote_entities}"
        );
    }
}

/// The Ukraine corpus (447 files) and the reference article, indexed by the
/// same `newsdex index` into a local index and into `node`: the same
/// answers. Skipped, with a note, when ../shared lacks the corpus.
fn ukraine_corpus_answers_as_the_local_index_does(node: &Node) {
    let corpus = shared_dir().join("corpora/ukraine-war-news-2022");
    if !corpus.is_dir() {
        eprintln!("skipped: no ../shared/corpora/ukraine-war-news-2022");
        return;
    }
    let sandbox = Sandbox::new();
    let seed = sandbox.path().join("seed");
    copy_dir(&seed_dir(), &seed);
    let engine = node.engine("ukraine");
    let corpus_arg = corpus.to_string_lossy().into_owned();
    let seed_arg = seed.to_string_lossy().into_owned();
    // Near copies are grouped by the local engine only (a documented
    // difference): both group exact copies alone here.
    let local_index = [
        "index",
        "--quiet",
        "--near-copies",
        "0",
        &corpus_arg,
        &seed_arg,
    ];
    index_ok(sandbox.newsdex(&local_index));
    index_ok(on_engine(
        &sandbox,
        &engine,
        &["index", "--quiet", &corpus_arg, &seed_arg],
    ));

    // The reference article in the top 3 on both; the top 10 share at least
    // half their articles (relevance differs by design: BM25F, a title boost,
    // proximity and stems locally, plain BM25 on Quickwit).
    let query = [
        "query",
        "Ukraine sovereignty",
        "--format",
        "json",
        "-n",
        "10",
    ];
    let local = paths_of(&stdout_json(sandbox.newsdex(&query)));
    let remote = paths_of(&stdout_json(on_engine(&sandbox, &engine, &query)));
    let in_top_three = |paths: &[String]| {
        paths
            .iter()
            .take(3)
            .any(|path| path.ends_with("seed/000_7f02db305e5edaad.txt"))
    };
    assert!(in_top_three(&local), "local: {local:?}");
    assert!(in_top_three(&remote), "quickwit: {remote:?}");
    let shared = remote.iter().filter(|path| local.contains(path)).count();
    assert!(
        shared * 2 >= local.len(),
        "local {local:?}, quickwit {remote:?}"
    );

    let list = |filter: &[&'static str], all_copies: bool| {
        let mut args = vec!["list"];
        args.extend_from_slice(filter);
        if all_copies {
            args.push("--all-copies");
        }
        args.extend(["-n", "1000", "--format", "json"]);
        args
    };
    let date_range = ["--from", "2022-02-20", "--to", "2022-03-31"];
    let entity = ["--entity", "Zelensky"];
    let same = [
        list(&date_range, true),
        list(&date_range, false),
        list(&entity, true),
        list(&entity, false),
    ];
    assert_same_answers(&sandbox, &engine, &same);
    assert_same_answers(&sandbox, &engine, &month_timelines());
    assert_same_top_entities(&sandbox, &engine);

    // `show` of a hit: the same article from both.
    let hit = &remote[1];
    let local_article = stdout_json(sandbox.newsdex(&["show", hit, "--format", "json"]));
    let remote_article = stdout_json(on_engine(
        &sandbox,
        &engine,
        &["show", hit, "--format", "json"],
    ));
    for field in ["path", "title", "date", "body", "entities", "quotes"] {
        assert_eq!(
            local_article[field], remote_article[field],
            "{hit}: {field}"
        );
    }
    assert!(remote_article["body"]
        .as_str()
        .is_some_and(|body| !body.is_empty()));
}

/// How many documents the engine holds (a duplicate counts twice), and
/// every article key it shows.
fn engine_paths(sandbox: &Sandbox, engine: &str) -> (u64, Vec<String>) {
    let args = [
        "query",
        "*",
        "--all-copies",
        "-n",
        "10000",
        "--format",
        "json",
    ];
    let results = stdout_json(on_engine(sandbox, engine, &args));
    (results["total"].as_u64().unwrap_or(0), paths_of(&results))
}

/// How many batches the state file of the engine in `state_dir` records as
/// answered by the node (confirmed by a search or not yet), 0 while there is
/// none or while it is being replaced.
fn batches_answered(state_dir: &Path) -> usize {
    let Ok(entries) = std::fs::read_dir(state_dir) else {
        return 0;
    };
    let state_file = entries.flatten().map(|entry| entry.path()).find(|path| {
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        name.starts_with("quickwit-") && name.ends_with(".json")
    });
    let Some(text) = state_file.and_then(|path| std::fs::read_to_string(path).ok()) else {
        return 0;
    };
    let Ok(state) = serde_json::from_str::<Value>(&text) else {
        return 0;
    };
    let unconfirmed = state["unconfirmed"].as_array().into_iter().flatten();
    let answered = unconfirmed
        .filter(|batch| batch["answered"] == true)
        .count();
    let confirmed = state["files"].as_object().map_or(0, |files| files.len());
    answered + confirmed
}

/// Polls until `check` holds (Quickwit applies delete tasks in the
/// background); `check` says what it sees when it does not hold.
fn eventually(what: &str, check: impl Fn() -> Result<(), String>) {
    let deadline = Instant::now() + Duration::from_secs(240);
    let mut seen = String::new();
    while Instant::now() < deadline {
        match check() {
            Ok(()) => return,
            Err(state) => seen = state,
        }
        std::thread::sleep(Duration::from_secs(2));
    }
    panic!("{what}: not true after 240 s; {seen}");
}

/// What the node holds, read on its REST API (not through newsdex): file
/// name -> the batch ids of its documents. A file with two batch ids is a
/// duplicate; the ids say which runs sent it.
fn documents_by_file(node: &Node, index: &str) -> std::collections::BTreeMap<String, Vec<u64>> {
    let url = format!(
        "http://127.0.0.1:{}/api/v1/{index}/search?query=*&max_hits=10000",
        node.port
    );
    let answer: Value = ureq::get(&url)
        .call()
        .ok()
        .and_then(|mut answer| {
            answer
                .body_mut()
                .with_config()
                .limit(1 << 30)
                .read_to_string()
                .ok()
        })
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or(Value::Null);
    let mut files = std::collections::BTreeMap::<String, Vec<u64>>::new();
    for hit in answer["hits"].as_array().into_iter().flatten() {
        let path = hit["path"].as_str().unwrap_or_default();
        let name = Path::new(path)
            .file_name()
            .map(|name| name.to_string_lossy().into_owned())
            .unwrap_or_default();
        let batch = hit["batch"].as_u64().unwrap_or(0);
        files.entry(name).or_default().push(batch);
    }
    files
}

/// Whether the node holds every expected file exactly once; if not, which
/// are missing and which doubled (with their batch ids).
fn every_file_once(node: &Node, index: &str, expected: &HashSet<String>) -> Result<(), String> {
    let held = documents_by_file(node, index);
    let missing: Vec<&String> = expected
        .iter()
        .filter(|name| !held.contains_key(*name))
        .collect();
    let doubled: Vec<(&String, &Vec<u64>)> = held
        .iter()
        .filter(|(_, batches)| batches.len() > 1)
        .collect();
    let unexpected = held.keys().filter(|name| !expected.contains(*name)).count();
    if missing.is_empty() && doubled.is_empty() && unexpected == 0 {
        return Ok(());
    }
    let batches_of_doubles: HashSet<u64> = doubled
        .iter()
        .flat_map(|(_, batches)| batches.iter().copied())
        .collect();
    Err(format!(
        "{} files held; {} missing (e.g. {:?}); {} doubled (e.g. {:?}) in {} batches; {unexpected} unexpected",
        held.len(),
        missing.len(),
        missing.iter().take(3).collect::<Vec<_>>(),
        doubled.len(),
        doubled.iter().take(3).collect::<Vec<_>>(),
        batches_of_doubles.len()
    ))
}

#[test]
fn quickwit_follows_edits_and_deletes_and_survives_a_killed_node() {
    let Some(binary) = binary_or_skip() else {
        return;
    };
    let sandbox = Sandbox::new();
    let corpus = sandbox.path().join("generated");
    let files = 1500;
    for n in 0..files {
        let text = format!(
            "date 2022-03-{:02} Report number {n} from Kyiv. {}\n",
            n % 28 + 1,
            "Officials met in the capital to discuss grain exports and the ceasefire. ".repeat(40)
        );
        sandbox.write(&format!("generated/report-{n:04}.txt"), text);
    }
    let corpus_arg = corpus.to_string_lossy().into_owned();
    let mut node = Node::start(&binary, &sandbox.path().join("node"));
    let engine = node.engine("resume");

    // The node is killed while the first run sends: small batches make it
    // send many, and the kill comes once the first is answered (recorded in
    // the state file; not yet searchable, it may be lost with the node), then
    // the node is restarted.
    let state_dir = sandbox.path().join("state");
    let mut first_run = std::process::Command::new(assert_cmd::cargo::cargo_bin("newsdex"))
        .current_dir(sandbox.path())
        .env("NEWSDEX_ENGINE", &engine)
        .env("NEWSDEX_STATE_DIR", &state_dir)
        .args([
            "index",
            "--quiet",
            "--threads",
            "2",
            "--batch-kb",
            "64",
            &corpus_arg,
        ])
        .stderr(std::fs::File::create(sandbox.path().join("first-run.log")).expect("a log"))
        .spawn()
        .expect("start newsdex index");
    let deadline = Instant::now() + Duration::from_secs(120);
    while batches_answered(&state_dir) == 0 {
        let finished = first_run.try_wait().expect("the first run").is_some();
        assert!(
            !finished,
            "the first run ended before any batch was answered"
        );
        assert!(Instant::now() < deadline, "no batch answered in 120 s");
        std::thread::sleep(Duration::from_millis(10));
    }
    node.kill();
    let still_running = first_run.try_wait().expect("the first run").is_none();
    assert!(still_running, "the kill came after the first run");
    std::thread::sleep(Duration::from_secs(1));
    node.launch();
    let _ = first_run.wait();
    // Shown when the test fails.
    let first_log = std::fs::read_to_string(sandbox.path().join("first-run.log"));
    eprintln!("first run: {}", first_log.unwrap_or_default());
    let second_run = index_ok(on_engine(&sandbox, &engine, &["index", &corpus_arg]));
    eprintln!("second run: {second_run}");
    let expected: HashSet<String> = (0..files).map(|n| format!("report-{n:04}.txt")).collect();
    eventually("every article once, none lost", || {
        every_file_once(&node, "resume", &expected)
    });
    // newsdex counts what the node holds alike.
    let (total, _) = engine_paths(&sandbox, &engine);
    assert_eq!(total, files as u64);

    // An edited file replaces its article; a deleted one disappears.
    let edited = corpus.join("report-0001.txt");
    std::fs::write(
        &edited,
        "date 2022-04-01 Edited report about a harvest in Odesa.\n",
    )
    .expect("edit");
    std::fs::remove_file(corpus.join("report-0002.txt")).expect("delete");
    let run = index_ok(on_engine(&sandbox, &engine, &["index", &corpus_arg]));
    assert!(run.contains("1 updated, 1 removed"), "{run}");
    let harvest = ["query", "harvest", "--format", "json"];
    let found = paths_of(&stdout_json(on_engine(&sandbox, &engine, &harvest)));
    assert_eq!(found.len(), 1, "{found:?}");
    let mut expected_after = expected.clone();
    expected_after.remove("report-0002.txt");
    eventually("the old version and the deleted file are gone", || {
        every_file_once(&node, "resume", &expected_after)
    });
    let (total, _) = engine_paths(&sandbox, &engine);
    assert_eq!(total, files as u64 - 1);
}
