//! Regression tests for the data-loss and hostile-input findings: newsdex
//! never deletes what it did not create, never loses an index to a bad run,
//! and never lets file contents or names drive the terminal.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests: a failed unwrap is a failed test

mod common;

use std::path::Path;

use common::{json_of, stderr_of, Sandbox};

const STORY: &str = " date 2022-01-10 The harbour reopened after the storm, the mayor said.";

fn articles(sandbox: &Sandbox) -> u64 {
    let stats = json_of(sandbox.newsdex(&["stats", "--format", "json"]));
    stats["articles"].as_u64().expect("an article count")
}

fn write_stories(sandbox: &Sandbox, folder: &str, count: usize) {
    for number in 0..count {
        sandbox.write(
            &format!("{folder}/{number:02}.txt"),
            format!(
                " date 2022-01-{:02} Story number {number} about the harbour.",
                number % 28 + 1
            ),
        );
    }
}

#[test]
fn rebuild_refuses_a_folder_that_is_not_an_index_and_deletes_nothing() {
    let sandbox = Sandbox::new();
    sandbox.write("news/a.txt", STORY);
    let names = [
        "index/meta.json",
        "index/d41d8cd98f00b204e9800998ecf8427e.txt",
        "index/0cc175b9c0f1b6a831c399e269772661.jpg",
    ];
    for name in names {
        sandbox.write(name, "the user's own file");
    }
    for args in [vec!["index", "--rebuild", "news"], vec!["index", "news"]] {
        let output = sandbox.newsdex(&args).output().unwrap();
        assert_eq!(output.status.code(), Some(2));
        let stderr = stderr_of(&output);
        assert!(
            stderr.contains("is not a newsdex index and is not empty"),
            "{stderr}"
        );
        assert!(!stderr.contains("--rebuild'"), "{stderr}");
    }
    for name in names {
        let kept = std::fs::read_to_string(sandbox.path().join(name)).unwrap();
        assert_eq!(kept, "the user's own file", "{name}");
    }
    assert!(!sandbox.path().join("index/newsdex.json").exists());
}

#[test]
fn a_users_newsdex_json_in_the_index_folder_is_kept() {
    let sandbox = Sandbox::new();
    sandbox.write("news/a.txt", STORY);
    sandbox.write("index/newsdex.json", r#"{"project": "mine"}"#);
    let output = sandbox.newsdex(&["index", "news"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2), "{}", stderr_of(&output));
    let kept = std::fs::read_to_string(sandbox.path().join("index/newsdex.json")).unwrap();
    assert_eq!(kept, r#"{"project": "mine"}"#);
}

#[test]
fn bench_work_dir_leaves_existing_folders_alone() {
    let sandbox = Sandbox::new();
    write_stories(&sandbox, "news", 3);
    for name in ["newsdex", "baseline", "scale-1", "scale-2", "scale-4"] {
        sandbox.write(&format!("work/{name}/keep.txt"), "the user's");
    }
    sandbox
        .newsdex(&[
            "bench",
            "news",
            "--work-dir",
            "work",
            "--rounds",
            "1",
            "--repeat",
            "1",
            "--scaling",
        ])
        .assert()
        .success();
    for name in ["newsdex", "baseline", "scale-1", "scale-2", "scale-4"] {
        assert!(
            sandbox
                .path()
                .join(format!("work/{name}/keep.txt"))
                .exists(),
            "{name}"
        );
    }
    let left: Vec<_> = std::fs::read_dir(sandbox.path().join("work"))
        .unwrap()
        .collect();
    assert_eq!(left.len(), 5, "the benchmark's own folder is removed after");
}

#[test]
fn rebuild_of_a_missing_path_changes_nothing() {
    let sandbox = Sandbox::new();
    sandbox.write("news/a.txt", STORY);
    sandbox.newsdex(&["index", "news"]).assert().success();
    let output = sandbox
        .newsdex(&["index", "--rebuild", "nwes"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr_of(&output).contains("nwes"),
        "{}",
        stderr_of(&output)
    );
    assert_eq!(articles(&sandbox), 1);
}

#[test]
fn index_of_a_missing_path_creates_no_index_folder() {
    let sandbox = Sandbox::new();
    let output = sandbox.newsdex(&["index", "nosuchdir"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(!sandbox.index_dir().exists());
}

#[test]
fn rebuild_takes_the_writer_lock() {
    let sandbox = Sandbox::new();
    sandbox.write("news/a.txt", STORY);
    sandbox.newsdex(&["index", "news"]).assert().success();
    let index = tantivy::Index::open_in_dir(sandbox.index_dir()).unwrap();
    let writer: tantivy::IndexWriter = index.writer(15_000_000).unwrap();
    let output = sandbox
        .newsdex(&["index", "--rebuild", "news"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr_of(&output).contains("being written by another newsdex process"),
        "{}",
        stderr_of(&output)
    );
    drop(writer);
    assert_eq!(articles(&sandbox), 1);
}

#[test]
fn an_emptied_corpus_folder_does_not_empty_the_index() {
    let sandbox = Sandbox::new();
    write_stories(&sandbox, "news", 4);
    sandbox.newsdex(&["index", "news"]).assert().success();
    for number in 0..4 {
        std::fs::remove_file(sandbox.path().join(format!("news/{number:02}.txt"))).unwrap();
    }
    let output = sandbox.newsdex(&["index", "news"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr_of(&output).contains("--allow-mass-delete"),
        "{}",
        stderr_of(&output)
    );
    assert_eq!(articles(&sandbox), 4);
    let rebuild = sandbox
        .newsdex(&["index", "--rebuild", "news"])
        .output()
        .unwrap();
    assert_eq!(rebuild.status.code(), Some(2));
    assert_eq!(articles(&sandbox), 4);
    sandbox
        .newsdex(&["index", "news", "--allow-mass-delete"])
        .assert()
        .success();
    assert_eq!(articles(&sandbox), 0);
}

#[test]
fn an_index_inside_the_corpus_is_not_read_as_articles() {
    let sandbox = Sandbox::new();
    sandbox.write("news/a.txt", STORY);
    let inner_index = sandbox.path().join("news/index");
    for _ in 0..2 {
        let output = sandbox
            .newsdex(&["index", "news"])
            .arg("--index")
            .arg(&inner_index)
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(0), "{}", stderr_of(&output));
    }
    // Another newsdex index elsewhere in the corpus is skipped too.
    sandbox.newsdex(&["index", "news"]).assert().success();
    assert_eq!(articles(&sandbox), 1);
}

#[test]
fn an_article_that_panicked_extraction_is_indexed() {
    let sandbox = Sandbox::new();
    sandbox.write(
        "news/council.txt",
        " date 1990-04-05 Saying that officials \"rushed us to judgment\" on a plan, Councilman Bob Smith charged Thursday that the vote was rigged.",
    );
    sandbox.write("news/other.txt", STORY);
    let output = sandbox.newsdex(&["index", "news"]).output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr_of(&output));
    assert_eq!(articles(&sandbox), 2);
}

#[test]
fn a_closed_stderr_does_not_lose_the_run() {
    let sandbox = Sandbox::new();
    for number in 0..40 {
        // Undated: every file makes a warning on stderr.
        sandbox.write(
            &format!("news/{number:02}.txt"),
            format!("Undated story {number}."),
        );
    }
    let mut command = std::process::Command::new(assert_cmd::cargo::cargo_bin("newsdex"));
    command
        .current_dir(sandbox.path())
        .arg("--index")
        .arg(sandbox.index_dir())
        .args(["index", "news"])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped());
    let mut child = command.spawn().unwrap();
    drop(child.stderr.take());
    let status = child.wait().unwrap();
    assert_ne!(status.code(), Some(101), "panicked on a closed stderr");
    assert_eq!(articles(&sandbox), 40);
}

#[test]
fn binary_files_are_skipped_without_failing_the_run() {
    let sandbox = Sandbox::new();
    sandbox.write("news/a.txt", STORY);
    let mut video = b"\x00\x00\x00\x20ftypisom\x00\x00\x02\x00isomiso2avc1mp41".to_vec();
    video.resize(1 << 20, 0);
    sandbox.write("news/clip.mp4", &video);
    sandbox.write(
        "news/photo.png",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00",
    );
    let output = sandbox.newsdex(&["index", "news"]).output().unwrap();
    let stderr = stderr_of(&output);
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    assert!(stderr.contains("2 skipped"), "{stderr}");
    assert!(
        stderr.contains("clip.mp4: warning: skipped: not an article (video/mp4)"),
        "{stderr}"
    );
}

#[test]
fn control_characters_in_articles_and_names_never_reach_the_terminal() {
    let sandbox = Sandbox::new();
    sandbox.write(
        "news/evil\nforged.txt",
        " date 2022-01-10 Harbour \x1b]52;c;SGVsbG8=\x07news\x1b[2J reopened \u{9b}31m today.",
    );
    for args in [
        vec!["list", "--color", "always"],
        vec!["query", "harbour", "--color", "always"],
    ] {
        sandbox.newsdex(&["index", "news"]).assert().success();
        let output = sandbox.newsdex(&args).output().unwrap();
        assert_eq!(output.status.code(), Some(0), "{}", stderr_of(&output));
        let stdout = String::from_utf8_lossy(&output.stdout);
        // Our own colour codes are the only escapes.
        let without_colours = ["\x1b[1m", "\x1b[2m", "\x1b[0m"]
            .iter()
            .fold(stdout.to_string(), |text, code| text.replace(code, ""));
        let hostile = without_colours
            .chars()
            .filter(|&character| character.is_control() && character != '\n')
            .count();
        assert_eq!(hostile, 0, "{stdout:?}");
        assert!(stdout.contains("\\nforged"), "{stdout:?}");
    }
    let listing = sandbox.newsdex(&["list"]).output().unwrap();
    assert_eq!(String::from_utf8_lossy(&listing.stdout).lines().count(), 1);
}

#[cfg(unix)]
#[test]
fn file_names_that_are_not_utf8_are_distinct_articles() {
    use std::os::unix::ffi::OsStrExt;
    let sandbox = Sandbox::new();
    std::fs::create_dir_all(sandbox.path().join("news")).unwrap();
    for (byte, word) in [(0xe9u8, "harbour"), (0xe8, "bridge")] {
        let name = [b"caf".as_slice(), &[byte], b".txt"].concat();
        let path = sandbox
            .path()
            .join("news")
            .join(std::ffi::OsStr::from_bytes(&name));
        std::fs::write(path, format!(" date 2022-01-10 The {word} reopened.")).unwrap();
    }
    sandbox.newsdex(&["index", "news"]).assert().success();
    assert_eq!(articles(&sandbox), 2);
}

#[test]
fn absurd_index_settings_are_refused_not_panicked() {
    let sandbox = Sandbox::new();
    sandbox.write("news/a.txt", STORY);
    for args in [
        vec!["index", "news", "--commit-every", "inf"],
        vec!["index", "news", "--commit-every", "NaN"],
        vec!["index", "news", "--memory", "18446744073709551615"],
        vec!["index", "news", "--threads", "0"],
    ] {
        let output = sandbox.newsdex(&args).output().unwrap();
        assert_eq!(
            output.status.code(),
            Some(2),
            "{args:?}: {}",
            stderr_of(&output)
        );
        assert!(!stderr_of(&output).contains("panicked"), "{args:?}");
    }
}

#[cfg(unix)]
#[test]
fn index_files_follow_the_umask() {
    use std::os::unix::fs::PermissionsExt;
    let sandbox = Sandbox::new();
    sandbox.write("news/a.txt", STORY);
    sandbox.newsdex(&["index", "news"]).assert().success();
    let mode = |name: &str| {
        let path = sandbox.index_dir().join(name);
        std::fs::metadata(path).unwrap().permissions().mode() & 0o777
    };
    let segment = std::fs::read_dir(sandbox.index_dir())
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .find(|name| name.ends_with(".idx"))
        .expect("a segment file");
    assert_eq!(mode("meta.json"), mode(&segment));
    assert_eq!(mode(".managed.json"), mode(&segment));
}

/// Flips bytes in the middle of every fast-field file.
fn damage_fast_fields(index_dir: &Path) {
    for entry in std::fs::read_dir(index_dir).unwrap() {
        let path = entry.unwrap().path();
        if path
            .extension()
            .is_some_and(|extension| extension == "fast")
        {
            let mut bytes = std::fs::read(&path).unwrap();
            let middle = bytes.len() / 2;
            for byte in &mut bytes[middle.saturating_sub(8)..middle] {
                *byte ^= 0xff;
            }
            std::fs::write(&path, bytes).unwrap();
        }
    }
}

#[test]
fn a_damaged_index_says_so_once() {
    let sandbox = Sandbox::new();
    write_stories(&sandbox, "news", 6);
    sandbox.newsdex(&["index", "news"]).assert().success();
    damage_fast_fields(&sandbox.index_dir());
    let output = sandbox.newsdex(&["stats"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = stderr_of(&output);
    assert!(stderr.contains("is damaged"), "{stderr}");
    assert!(stderr.contains("newsdex index --rebuild"), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
}

/// Runs a shell command as root for a test's set-up; false when it cannot
/// (not root, no mount permission): the test then says `skipped`.
fn root_can(command: &str) -> bool {
    std::process::Command::new("sh")
        .args(["-c", command])
        .stderr(std::process::Stdio::null())
        .status()
        .is_ok_and(|status| status.success())
}

#[cfg(target_os = "linux")]
#[test]
fn a_full_disk_gives_one_message_and_the_next_run_works() {
    let sandbox = Sandbox::new();
    for number in 0..600 {
        let words: String = (0..200).map(|word| format!("w{number}x{word} ")).collect();
        sandbox.write(
            &format!("news/{number:03}.txt"),
            format!(" date 2022-01-10 {words}"),
        );
    }
    let small = sandbox.path().join("small");
    std::fs::create_dir_all(&small).unwrap();
    let small_text = small.to_string_lossy().into_owned();
    if !root_can(&format!("mount -t tmpfs -o size=256k tmpfs '{small_text}'")) {
        eprintln!("skipped: cannot mount a small tmpfs (needs root)");
        return;
    }
    let index = small.join("index");
    let full = sandbox
        .newsdex(&["index", "news", "--threads", "1"])
        .arg("--index")
        .arg(&index)
        .output()
        .unwrap();
    let stderr = stderr_of(&full);
    let grown = root_can(&format!("mount -o remount,size=256m '{small_text}'"));
    let rerun = sandbox
        .newsdex(&["index", "news", "--threads", "1"])
        .arg("--index")
        .arg(&index)
        .output()
        .unwrap();
    root_can(&format!("umount '{small_text}'"));
    assert_eq!(full.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("no space left on device"), "{stderr}");
    assert!(stderr.lines().count() <= 2, "{stderr}");
    assert!(grown);
    assert_eq!(rerun.status.code(), Some(0), "{}", stderr_of(&rerun));
}

#[cfg(target_os = "linux")]
#[test]
fn an_index_on_a_read_only_mount_or_of_another_user_can_be_queried() {
    let sandbox = Sandbox::new();
    sandbox.write("news/a.txt", STORY);
    sandbox.newsdex(&["index", "news"]).assert().success();
    let index_text = sandbox.index_dir().to_string_lossy().into_owned();
    let read_only = sandbox.path().join("ro");
    std::fs::create_dir_all(&read_only).unwrap();
    let read_only_text = read_only.to_string_lossy().into_owned();
    let mounted = root_can(&format!(
        "mount --bind '{index_text}' '{read_only_text}' && mount -o remount,bind,ro '{read_only_text}'"
    ));
    if !mounted {
        eprintln!("skipped: cannot make a read-only bind mount (needs root)");
        return;
    }
    let on_read_only = sandbox
        .newsdex(&["query", "harbour"])
        .arg("--index")
        .arg(&read_only)
        .output()
        .unwrap();
    root_can(&format!("umount '{read_only_text}'"));
    assert_eq!(
        on_read_only.status.code(),
        Some(0),
        "{}",
        stderr_of(&on_read_only)
    );

    // Another user: the folders are readable by all, writable by root only.
    let sandbox_text = sandbox.path().to_string_lossy().into_owned();
    assert!(root_can(&format!(
        "chmod 755 '{sandbox_text}' '{index_text}'"
    )));
    let binary = assert_cmd::cargo::cargo_bin("newsdex");
    let as_nobody = std::process::Command::new("setpriv")
        .args(["--reuid=65534", "--regid=65534", "--clear-groups"])
        .arg(&binary)
        .arg("--index")
        .arg(sandbox.index_dir())
        .args(["query", "harbour"])
        .output();
    let Ok(as_nobody) = as_nobody else {
        eprintln!("skipped: setpriv is not installed");
        return;
    };
    let binary_readable = root_can(&format!(
        "setpriv --reuid=65534 --regid=65534 --clear-groups test -x '{}'",
        binary.display()
    ));
    if !binary_readable {
        eprintln!("skipped: the test binary is not reachable by another user");
        return;
    }
    assert_eq!(
        as_nobody.status.code(),
        Some(0),
        "{}",
        stderr_of(&as_nobody)
    );
}

#[test]
fn unchanged_files_that_gave_no_article_are_not_read_or_reported_again() {
    let sandbox = Sandbox::new();
    sandbox.write("news/a.txt", STORY);
    sandbox.write(
        "news/photo.png",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00",
    );
    // Undecodable: UTF-16 by its byte-order mark, then an unpaired surrogate.
    sandbox.write(
        "news/broken.txt",
        b"\xff\xfe\xfd\xfc\x80\x81\x82 \xc3\x28 \xa0\xa1".as_slice(),
    );
    let first = sandbox.newsdex(&["index", "news"]).output().unwrap();
    let first_stderr = stderr_of(&first);
    assert_eq!(first.status.code(), Some(2), "{first_stderr}");
    assert!(
        first_stderr.contains("photo.png") && first_stderr.contains("broken.txt"),
        "{first_stderr}"
    );
    let second = sandbox.newsdex(&["index", "news"]).output().unwrap();
    let second_stderr = stderr_of(&second);
    assert_eq!(
        second.status.code(),
        Some(0),
        "nothing new went wrong: {second_stderr}"
    );
    assert!(
        !second_stderr.contains("photo.png") && !second_stderr.contains("broken.txt"),
        "{second_stderr}"
    );
    assert!(
        second_stderr.contains("2 unchanged files skipped or failed before"),
        "{second_stderr}"
    );
    sandbox.write("news/broken.txt", " date 2022-01-11 The date is fixed now.");
    let third = sandbox.newsdex(&["index", "news"]).output().unwrap();
    assert_eq!(third.status.code(), Some(0), "{}", stderr_of(&third));
    assert_eq!(articles(&sandbox), 2);
}

#[test]
fn a_run_after_an_unclean_stop_checks_the_index_and_rebuild_repairs_it() {
    let sandbox = Sandbox::new();
    write_stories(&sandbox, "news", 6);
    sandbox.newsdex(&["index", "news"]).assert().success();
    damage_fast_fields(&sandbox.index_dir());
    // What a killed run leaves behind.
    sandbox.write("index/newsdex-unfinished-run", "");
    sandbox.write("news/new.txt", STORY);
    let output = sandbox.newsdex(&["index", "news"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = stderr_of(&output);
    assert!(
        stderr.contains("is damaged") && stderr.contains("--rebuild"),
        "{stderr}"
    );
    sandbox
        .newsdex(&["index", "--rebuild", "news"])
        .assert()
        .success();
    assert_eq!(articles(&sandbox), 7);
    assert!(!sandbox.index_dir().join("newsdex-unfinished-run").exists());
}

#[test]
fn the_index_is_found_from_a_subfolder_as_git_finds_its_repository() {
    let sandbox = Sandbox::new();
    sandbox.write("news/a.txt", STORY);
    sandbox.write(
        "news/deep/down/b.txt",
        " date 2022-01-11 The bridge closed.",
    );
    sandbox.newsdex(&["index", "news"]).assert().success();
    let output = std::process::Command::new(assert_cmd::cargo::cargo_bin("newsdex"))
        .env_remove("NEWSDEX_INDEX")
        .current_dir(sandbox.path().join("news/deep/down"))
        .args(["query", "harbour"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr_of(&output));
    assert!(String::from_utf8_lossy(&output.stdout).contains("harbour"));
}

#[test]
fn completions_source_cleanly_and_the_man_page_renders() {
    let sandbox = Sandbox::new();
    let output = sandbox.newsdex(&["completions", "bash"]).output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    let script = sandbox.write("newsdex.bash", &output.stdout);
    let checked = std::process::Command::new("bash")
        .arg("-n")
        .arg(&script)
        .status()
        .unwrap();
    assert!(checked.success(), "bash -n refused the completion script");
    let man = sandbox.newsdex(&["man"]).output().unwrap();
    assert!(String::from_utf8_lossy(&man.stdout).contains(".TH newsdex"));
}

#[test]
fn an_empty_corpus_folder_creates_nothing_and_says_so() {
    let sandbox = Sandbox::new();
    std::fs::create_dir_all(sandbox.path().join("empty")).unwrap();
    let output = sandbox.newsdex(&["index", "empty"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr_of(&output).contains("empty: no files to index"),
        "{}",
        stderr_of(&output)
    );
    assert!(!sandbox.index_dir().exists());
}

#[test]
fn problems_are_reported_in_path_order() {
    let sandbox = Sandbox::new();
    for number in 0..60 {
        sandbox.write(
            &format!("news/{number:02}.txt"),
            format!("Undated story {number}."),
        );
    }
    let output = sandbox
        .newsdex(&["index", "news", "--threads", "4"])
        .output()
        .unwrap();
    let reported: Vec<String> = stderr_of(&output)
        .lines()
        .filter(|line| line.contains("no date found"))
        .map(str::to_string)
        .collect();
    assert_eq!(reported.len(), 60);
    let mut sorted = reported.clone();
    sorted.sort();
    assert_eq!(reported, sorted);
    assert!(
        stderr_of(&output).contains("60 warnings; 60 articles written"),
        "{}",
        stderr_of(&output)
    );
}

#[cfg(unix)]
#[test]
fn show_accepts_a_file_name_that_is_not_utf8() {
    use std::os::unix::ffi::OsStrExt;
    let sandbox = Sandbox::new();
    std::fs::create_dir_all(sandbox.path().join("news")).unwrap();
    let name = std::ffi::OsStr::from_bytes(b"news/caf\xe9.txt");
    std::fs::write(
        sandbox.path().join(name),
        " date 2022-01-10 The harbour reopened.",
    )
    .unwrap();
    sandbox.newsdex(&["index", "news"]).assert().success();
    let output = sandbox.newsdex(&["show"]).arg(name).output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr_of(&output));
    assert!(String::from_utf8_lossy(&output.stdout).contains("The harbour reopened"));
}
