//! Hostile files: each one is indexed or reported with a reason, never a
//! panic, and never at the cost of a neighbour.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests: a failed unwrap is a failed test
#![cfg(unix)]

mod common;

use std::os::unix::ffi::OsStrExt;

use common::{listed_paths, stderr_of, Sandbox};

fn utf16le_with_bom(text: &str) -> Vec<u8> {
    let mut bytes = vec![0xFF, 0xFE];
    for unit in text.encode_utf16() {
        bytes.extend_from_slice(&unit.to_le_bytes());
    }
    bytes
}

/// Every stored article path, dated or not, as one string to search in.
fn stored_paths(sandbox: &Sandbox) -> String {
    let mut paths = listed_paths(sandbox);
    let undated = sandbox
        .newsdex(&[
            "query",
            "harbour OR ferry OR pier OR line",
            "--limit",
            "1000",
            "--all-copies",
            "--format",
            "jsonl",
        ])
        .output()
        .unwrap();
    paths.push(String::from_utf8_lossy(&undated.stdout).into_owned());
    paths.join("\n")
}

/// What must happen to a hostile file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Expect {
    /// Indexed (stored under its name), whether or not a warning is printed.
    Indexed,
    /// Not indexed, and reported on stderr by name.
    Reported,
    /// Indexed (undated) and reported: an unreadable date never drops an article.
    IndexedAndReported,
}

struct Case {
    /// The file's path under `h/`.
    relative: String,
    bytes: Vec<u8>,
    /// What the report and the stored path show of it.
    shown: &'static str,
    expect: Expect,
}

fn case(relative: &str, bytes: impl Into<Vec<u8>>, shown: &'static str, expect: Expect) -> Case {
    Case {
        relative: relative.to_string(),
        bytes: bytes.into(),
        shown,
        expect,
    }
}

fn hostile_cases() -> Vec<Case> {
    use Expect::*;
    let big_paragraph = "The pier was rebuilt with new timber and steel. ".repeat(20_000);
    let big = format!(
        " date 2022-01-12 {}",
        [big_paragraph.as_str(); 5].join("\n\n")
    );
    let long_line = format!(" date 2022-01-13 {}", "line ".repeat(2_000_000));
    let deep: String = (0..200).map(|level| format!("d{level}/")).collect();
    let jsonl = "{\"date\": \"2022-01-18\", \"title\": \"One\", \"body\": \"The harbour one.\"}\n{broken\n{\"date\": \"2022-01-19\", \"title\": \"Three\", \"body\": \"The harbour three.\"}\n";
    let csv = "date,title,body\n2022-01-20,Fine,\"The ferry row.\"\n2022-01-21,Bad,\"The harbour \"\"row with an open quote\n";
    vec![
        case("empty.txt", "", "empty.txt", Reported),
        case("big.txt", big, "big.txt", Indexed),
        case("longline.txt", long_line, "longline.txt", Indexed),
        // NUL bytes make a file binary, as ripgrep and git judge it.
        case(
            "nul.txt",
            b" date 2022-01-14 The harbour\0 was\0 quiet.".as_slice(),
            "nul.txt",
            Reported,
        ),
        case(
            "invalid.txt",
            b"\xff\xfe\xfd\xfc\x80\x81\x82 \xc3\x28 \xa0\xa1".as_slice(),
            "invalid.txt",
            Reported,
        ),
        case(
            "utf16.txt",
            utf16le_with_bom(" date 2022-01-15 The ferry was late."),
            "utf16.txt",
            Indexed,
        ),
        case(
            "crlf.txt",
            " date 2022-01-16 The pier opened.\r\n\r\nCrowds came.\r\n",
            "crlf.txt",
            Indexed,
        ),
        case(
            "cr.txt",
            " date 2022-01-17 The pier closed.\r\rRain fell.\r",
            "cr.txt",
            Indexed,
        ),
        case(
            "image.png",
            b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00".as_slice(),
            "image.png",
            Reported,
        ),
        case(
            "archive.zip",
            b"PK\x03\x04\x14\x00\x00\x00\x08\x00\x00\x00!\x00".as_slice(),
            "archive.zip",
            Reported,
        ),
        // A PDF is read as a document; a damaged one is reported, not a crash.
        case(
            "printed.pdf",
            std::fs::read(
                std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                    .join("tests/fixtures/formats/printed-article.pdf"),
            )
            .unwrap(),
            "printed.pdf",
            Indexed,
        ),
        case(
            "damaged.pdf",
            b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 9 0 R >> endobj\n%%EOF".as_slice(),
            "damaged.pdf",
            Reported,
        ),
        case("broken.jsonl", jsonl, "broken.jsonl#1", Indexed),
        case("broken.jsonl", Vec::new(), "broken.jsonl#3", Indexed),
        case("unbalanced.csv", csv, "unbalanced.csv#1", Indexed),
        case(
            "zero_date.txt",
            " date 0000-00-00 The harbour.",
            "zero_date.txt",
            IndexedAndReported,
        ),
        case(
            "month13.txt",
            " date 2022-13-45 The harbour.",
            "month13.txt",
            IndexedAndReported,
        ),
        case(
            "year99999.txt",
            " date 99999-01-01 The harbour.",
            "year99999.txt",
            IndexedAndReported,
        ),
        case(
            "with space.txt",
            " date 2022-01-22 The pier had a space.",
            "with space.txt",
            Indexed,
        ),
        // Its key and its report show the newline as `\n`.
        case(
            "new\nline.txt",
            " date 2022-01-23 The pier had a newline.",
            "new\\nline.txt",
            Indexed,
        ),
        case(
            &format!("{deep}bottom.txt"),
            " date 2022-01-24 The pier at the bottom.",
            "bottom.txt",
            Indexed,
        ),
    ]
}

#[test]
fn every_hostile_file_is_indexed_or_reported_and_neighbours_survive() {
    let sandbox = Sandbox::new();
    sandbox.write(
        "h/good_first.txt",
        " date 2022-01-10 The harbour reopened after the storm, officials said.",
    );
    sandbox.write(
        "h/zz_good_last.txt",
        " date 2022-01-11 The ferry sailed again at dawn.",
    );
    let cases = hostile_cases();
    for case in &cases {
        if !case.bytes.is_empty() || case.expect == Expect::Reported {
            sandbox.write(&format!("h/{}", case.relative), &case.bytes);
        }
    }
    std::os::unix::fs::symlink(sandbox.path().join("h"), sandbox.path().join("h/loop")).unwrap();
    // A name that is not UTF-8: its key writes the byte as `\xe9` (lossy
    // decoding once gave `caf\xe9` and `caf\xe8` one key).
    let odd_name = std::ffi::OsStr::from_bytes(b"h/caf\xe9.txt");
    std::fs::write(
        sandbox.path().join(odd_name),
        " date 2022-01-25 The harbour café.",
    )
    .unwrap();

    let output = sandbox.newsdex(&["index", "h"]).output().unwrap();
    let stderr = stderr_of(&output);
    let stored = stored_paths(&sandbox);
    let mut failures: Vec<String> = Vec::new();
    let mut check = |ok: bool, what: String| {
        if !ok {
            failures.push(what);
        }
    };
    check(
        output.status.code() == Some(2),
        format!("some files fail: exit 2, not {:?}", output.status.code()),
    );
    check(!stderr.contains("panicked"), "no panic".to_string());
    check(
        stderr.contains("loop"),
        "the symlink loop is reported".to_string(),
    );
    check(
        stored.contains("caf\\\\xe9.txt"),
        "caf\\xe9.txt is indexed".to_string(),
    );
    check(
        stored.contains("good_first.txt") && stored.contains("zz_good_last.txt"),
        "the good neighbours are indexed".to_string(),
    );
    // Regression: a many-megabyte body once made quote attribution quadratic
    // (a 200 MB file took 40 minutes and 5 GB); its extraction is now bounded.
    check(
        stderr.lines().any(|line| {
            line.contains("big.txt") && line.contains("entities and quotes taken from its first")
        }),
        "big.txt: bounded extraction is reported".to_string(),
    );
    for case in &cases {
        let reported = stderr.lines().any(|line| line.contains(case.shown));
        let indexed = stored.contains(case.shown);
        let (want_indexed, want_reported) = match case.expect {
            Expect::Indexed => (true, false),
            Expect::Reported => (false, true),
            Expect::IndexedAndReported => (true, true),
        };
        check(
            indexed == want_indexed,
            format!("{}: indexed {indexed}, expected {want_indexed}", case.shown),
        );
        check(
            reported || !want_reported,
            format!("{}: not reported", case.shown),
        );
    }
    assert!(
        failures.is_empty(),
        "{} of the checks failed:\n  {}\nstderr:\n{stderr}\nstored:\n{stored}",
        failures.len(),
        failures.join("\n  ")
    );
}

#[test]
fn unreadable_file_is_reported_by_name() {
    use std::os::unix::fs::PermissionsExt;
    let sandbox = Sandbox::new();
    sandbox.write("u/good.txt", " date 2022-01-10 The harbour reopened.");
    let locked = sandbox.write("u/locked.txt", " date 2022-01-10 Secret pier.");
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::read(&locked).is_ok() {
        eprintln!("note: running as root, permissions are not enforced; skipping");
        return;
    }
    let output = sandbox.newsdex(&["index", "u"]).output().unwrap();
    let stderr = stderr_of(&output);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr.contains("locked.txt") && stderr.to_lowercase().contains("permission denied"),
        "{stderr}"
    );
    sandbox.newsdex(&["query", "harbour"]).assert().code(0);
}
