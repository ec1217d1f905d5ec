//! Checks [`parse_file`] against the real corpora in `../shared/corpora`, when
//! they are there (they are research-only data and never live in this repository).
//!
//! The default test reads a deterministic sample; the ignored one reads every
//! file and prints a per-corpus table (`cargo test --lib corpus_full -- --ignored --nocapture`).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::*;

const CORPORA: [&str; 4] = [
    "kremlin-zelenskyy-press-2022",
    "reuters-21578",
    "reuters-financial-2006-2013",
    "ukraine-war-news-2022",
];

/// Share of parsed articles that must carry a date.
const MIN_DATED_SHARE: f64 = 0.99;

fn shared_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared")
}

/// The news files of one corpus, sorted: documentation (`SOURCE.md`, the
/// Reuters-21578 README, DTD and category lists) is left out.
fn corpus_files(corpus: &str) -> Vec<PathBuf> {
    let root = shared_dir().join("corpora").join(corpus);
    let mut files: Vec<PathBuf> = walkdir::WalkDir::new(&root)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|entry| entry.file_type().is_file())
        .map(walkdir::DirEntry::into_path)
        .filter(|path| path.file_name().is_some_and(|name| name != "SOURCE.md"))
        .filter(|path| {
            corpus != "reuters-21578" || path.extension().is_some_and(|ext| ext == "sgm")
        })
        .collect();
    files.sort();
    files
}

#[derive(Default)]
struct Tally {
    files: usize,
    articles: usize,
    dated: usize,
    failures: BTreeMap<String, usize>,
    skipped: BTreeMap<String, usize>,
}

impl Tally {
    fn add(&mut self, path: &Path) {
        let bytes =
            std::fs::read(path).unwrap_or_else(|error| panic!("{}: {error}", path.display()));
        self.files += 1;
        match parse_file(path, &bytes, &FieldOverrides::default()) {
            Ok(parsed) => {
                self.articles += parsed.articles.len();
                self.dated += parsed.articles.iter().filter(|a| a.date.is_some()).count();
                for reason in parsed.skipped {
                    // `line 7: invalid date "x"` -> `invalid date`.
                    let without_position = reason
                        .split_once(": ")
                        .map_or(reason.as_str(), |(_, kind)| kind);
                    let kind = without_position
                        .split(" \"")
                        .next()
                        .unwrap_or(without_position)
                        .to_string();
                    *self.skipped.entry(kind).or_default() += 1;
                }
            }
            Err(error) => {
                let kind = match &error {
                    ParseError::BadDate(_) => "invalid date".to_string(),
                    other => other.to_string(),
                };
                *self.failures.entry(kind).or_default() += 1;
            }
        }
    }

    fn dated_share(&self) -> f64 {
        self.dated as f64 / self.articles.max(1) as f64
    }

    fn row(&self, corpus: &str) -> String {
        format!(
            "| {corpus} | {} | {} | {:.2} % | {:?} | {:?} |",
            self.files,
            self.articles,
            self.dated_share() * 100.0,
            self.failures,
            self.skipped
        )
    }
}

/// Every file of small corpora, a deterministic stride through large ones.
fn sample(files: Vec<PathBuf>) -> Vec<PathBuf> {
    let stride = (files.len() / 200).clamp(1, 50);
    files.into_iter().step_by(stride).collect()
}

#[test]
fn real_corpus_sample_is_dated_and_seed_parses() {
    let shared = shared_dir();
    if !shared.join("corpora").exists() {
        eprintln!(
            "note: {} not found, real-corpus sample test skipped",
            shared.join("corpora").display()
        );
        return;
    }
    for corpus in CORPORA {
        let mut tally = Tally::default();
        for path in sample(corpus_files(corpus)) {
            tally.add(&path);
        }
        eprintln!("{}", tally.row(corpus));
        assert!(tally.articles > 0, "{corpus}: no articles");
        assert!(
            tally.dated_share() >= MIN_DATED_SHARE,
            "{}",
            tally.row(corpus)
        );
    }
    let seed = shared.join("seed/000_7f02db305e5edaad.txt");
    let bytes = std::fs::read(&seed).unwrap_or_else(|error| panic!("{}: {error}", seed.display()));
    let parsed = parse_file(&seed, &bytes, &FieldOverrides::default()).unwrap();
    let expected = NaiveDate::from_ymd_opt(2022, 1, 10).map(ArticleDate::Day);
    assert_eq!(parsed.articles[0].date, expected);
    assert!(parsed.articles[0]
        .body
        .starts_with("According to M\u{e9}lanie Joly"));
}

#[test]
#[ignore = "reads every file of the shared corpora (slow); prints a table"]
fn corpus_full_report() {
    if !shared_dir().join("corpora").exists() {
        eprintln!("note: shared corpora not found, skipped");
        return;
    }
    println!("| corpus | files | articles | dated | failures | skipped records |");
    println!("| --- | --- | --- | --- | --- | --- |");
    for corpus in CORPORA {
        let mut tally = Tally::default();
        for path in corpus_files(corpus) {
            tally.add(&path);
        }
        println!("{}", tally.row(corpus));
    }
}
