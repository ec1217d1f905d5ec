//! Structure-aware fuzzing: news-like articles built from the shapes real
//! news has (headlines, datelines, quotations of every style, nested and
//! unbalanced, attributions before, after and inside them, pronouns and
//! roles, lists, tweets, boilerplate, odd Unicode), run through parse +
//! extract, and in batches through the indexer and the search library.
//! Nothing may panic.
//!
//! In CI it runs a fixed number of cases (`NEWSDEX_FUZZ_CASES`, default 300,
//! deterministic). `NEWSDEX_FUZZ_SECONDS=600 cargo test --release --test
//! fuzz_news_structure -- --nocapture` runs for ten minutes with a seed from
//! the clock (`NEWSDEX_FUZZ_SEED` to replay) and prints the counts.
//! The byte-level fuzzing lives in `fuzz_parse_extract.rs`.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests: a failed unwrap is a failed test

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};

use newsdex::extract::extract;
use newsdex::index::writer::{index_files, IndexEvents, IndexOptions, Problem};
use newsdex::index::NewsIndex;
use newsdex::parse::{parse_file, FieldOverrides};
use newsdex::search::query::Filters;
use newsdex::search::{search, SearchRequest};
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};

/// Articles per indexing batch.
const BATCH: usize = 48;

const NAMES: &[&str] = &[
    "Bob Smith",
    "Councilman Bob Smith",
    "Martin Luther King Jr.",
    "Henry Ford III",
    "John F. Kennedy",
    "J.R.R. Tolkien",
    "Mr Vladimir Putin",
    "Vladimir Putin",
    "Putin",
    "President Volodymyr Zelenskyy",
    "Ukraine Volodymyr Zelenskyy",
    "Foreign Minister Mélanie Joly",
    "Zoë Kowalczyk",
    "the Naftogaz CEO",
    "the ministry",
    "the Center for Naval Analyses Russia Studies Program",
    "officials",
    "NATO",
    "Nato",
    "Sen. Ted Cruz (R-Texas)",
    "Rep. G.K. Butterfield (D-N.C.), head of the caucus,",
    "O’Neill",
    "al-Assad",
    "Charles de Gaulle",
    "International Court of Justice of April",
    "Michelle Obama",
    "Zacks Investment Research",
    "Research In Motion Ltd.",
    "Merchant Bank of Sri Lanka Ltd",
    "London-based Nomura International",
    "Inc",
    "Numeric 20.2.1",
    "GCC v2.95.3.",
    "Princeton",
    "李明",
    "محمد علي",
    "Getty Images",
    "JOHN SMITH",
    "Acme's",
    "McDonald's Corp",
    "Standard and Poor's",
    "Moody’s",
    "Woolcott and Co",
    "Finance Minister Jaime Ongpin",
    "Wimbledon champion",
    "'Aziz Letter",
    "Citigroup ( C.N )",
    "KARG.DE",
    "İstanbul's",
    "ǅORĐE ßTRASSE",
    "Rep. Elton Gallegly (R-Simi Valley)",
    "Tammy Parish",
    "Huntington Beach",
    "Orange County",
    "he",
    "she",
    "they",
    "it",
    "I",
    "",
];

const VERBS: &[&str] = &[
    "said",
    "says",
    "added",
    "told reporters",
    "charged Thursday",
    "tweeted",
    "wrote",
    "said in a statement",
    "has long said",
    "calling it",
    "warned",
    "",
];

/// Opening and closing marks, balanced, mismatched, reversed or missing.
const MARKS: &[(&str, &str)] = &[
    ("“", "”"),
    ("\"", "\""),
    ("‘", "’"),
    ("«", "»"),
    ("„", "“"),
    ("„", "”"),
    ("'", "'"),
    ("”", "“"),
    ("“", ""),
    ("", "”"),
    ("\"", ""),
    ("‘", ""),
    ("« ", " »"),
];

const WORDS: &[&str] = &[
    "we",
    "will",
    "not",
    "back",
    "down",
    "rushed",
    "us",
    "to",
    "judgment",
    "the",
    "plan",
    "is",
    "a",
    "disaster",
    "Ukraine",
    "Russia",
    "Kyiv",
    "can’t",
    "don't",
    "it’s",
    "Affairs.He",
    "U.S.",
    "p.m.",
    "No.",
    "1,000",
    "2022",
    "$5",
    "%",
    "e.g.",
    "Inc.",
    "—",
    "-",
    "(",
    ")",
    ",",
    ".",
    ";",
    ":",
    "?",
    "!",
    "...",
    "…",
    "@user",
    "#Ukraine",
    "http://x.co/a?b=\"c\"",
    "'s",
    "’s",
    "İ’",
    "Co",
    "Ltd",
    "edict",
    "champion",
    "Letter",
    ".DJI",
    "REUTER...",
    "Minister",
    "his",
    "Rose Garden",
    "ΣΑΣ",
    "(R-",
    "(D-N.Y.)",
    "County",
    "Latino",
];

/// Debris and odd Unicode, inserted anywhere, even inside words and marks.
const ODD: &[&str] = &[
    "\u{0}", "\u{301}", "\u{200b}", "\u{200d}", "\u{202e}", "\u{2066}", "\u{feff}", "\u{fffd}",
    "\u{2028}", "👍🏽", "🇺🇦", "\r", "\t", "\n", "\n\n", "\u{a0}", "ﬁ", "İ", "ß", "\\", "<", "&amp;",
    "=",
];

const BOILERPLATE: &[&str] = &[
    "Advertisement Continue reading the main story",
    "Continued Below",
    "Read More",
    "Photo: Getty Images",
    "Share this article",
    "* * *",
];

fn pick(list: &'static [&'static str]) -> impl Strategy<Value = &'static str> {
    prop::sample::select(list)
}

fn words(range: std::ops::Range<usize>) -> impl Strategy<Value = String> {
    prop::collection::vec(pick(WORDS), range).prop_map(|w| w.join(" "))
}

/// A quotation with its marks: maybe nested, maybe over two paragraphs.
fn quotation() -> impl Strategy<Value = String> {
    let inner = (prop::sample::select(MARKS), words(0..6))
        .prop_map(|((open, close), text)| format!("{open}{text}{close}"));
    (
        prop::sample::select(MARKS),
        words(0..14),
        prop::option::of(inner),
        words(0..6),
        any::<bool>(),
    )
        .prop_map(|((open, close), head, nested, tail, two_paragraphs)| {
            let nested = nested.unwrap_or_default();
            let body = format!("{head} {nested} {tail}");
            if two_paragraphs {
                format!("{open}{body}\n\n{open}{tail},{close}")
            } else {
                format!("{open}{body},{close}")
            }
        })
}

/// One sentence in one of the shapes that attribution reads.
fn sentence() -> impl Strategy<Value = String> {
    let name = || pick(NAMES);
    let verb = || pick(VERBS);
    prop_oneof![
        (quotation(), name(), verb()).prop_map(|(q, n, v)| format!("{q} {n} {v}.")),
        (quotation(), verb(), name()).prop_map(|(q, v, n)| format!("{q} {v} {n}.")),
        (name(), verb(), quotation()).prop_map(|(n, v, q)| format!("{n} {v}: {q}")),
        (quotation(), name(), verb(), quotation())
            .prop_map(|(a, n, v, b)| format!("{a} {n} {v}, {b}")),
        (name(), quotation(), name(), verb())
            .prop_map(|(a, q, n, v)| format!("Saying that {a} {q} on a plan, {n} {v} that")),
        (name(), quotation()).prop_map(|(n, q)| format!("According to {n}, {q}")),
        quotation(),
        (name(), words(0..12)).prop_map(|(n, w)| format!("{n} {w}.")),
        (name(), words(0..8)).prop_map(|(n, w)| format!("({n} {w})")),
        name().prop_map(|n| format!("— {n} (@handle) January 7, 2022")),
        (pick(&["- ", "• ", "1. ", "* "]), name(), words(0..6))
            .prop_map(|(bullet, n, w)| format!("{bullet}{n} {w}")),
        pick(BOILERPLATE).prop_map(str::to_string),
        quotation().prop_map(|q| format!("<blockquote class=\"twitter-tweet\">{q}</blockquote>")),
        words(0..8).prop_map(|w| format!("pic.twitter.com/abc {w} #Ukraine")),
    ]
}

/// A headline as news sites write them: sentence case, Title Case or capitals.
fn headline() -> impl Strategy<Value = String> {
    (words(1..10), pick(NAMES), 0..3u8).prop_map(|(w, n, case)| {
        let line = format!("{n} {w}");
        match case {
            0 => line,
            1 => line
                .split(' ')
                .map(|word| {
                    let mut chars = word.chars();
                    chars.next().map_or_else(String::new, |first| {
                        first.to_uppercase().chain(chars).collect()
                    })
                })
                .collect::<Vec<_>>()
                .join(" "),
            _ => line.to_uppercase(),
        }
    })
}

/// A whole article, then debris inserted and maybe a cut at any character.
fn article() -> impl Strategy<Value = String> {
    let dateline = pick(&[
        "KYIV, Ukraine (AP) — ",
        "WASHINGTON — ",
        "MOSCOW, Feb 24 (Reuters) - ",
        "",
    ]);
    let paragraph = prop::collection::vec(sentence(), 1..5).prop_map(|s| s.join(" "));
    let paragraphs = prop::collection::vec(paragraph, 0..7);
    let odd = prop::collection::vec((any::<prop::sample::Index>(), pick(ODD)), 0..4);
    let cut = prop::option::weighted(0.2, any::<prop::sample::Index>());
    (headline(), dateline, paragraphs, odd, cut).prop_map(
        |(title, dateline, paragraphs, odd, cut)| {
            let mut text = format!("{title}\n\n{dateline}{}", paragraphs.join("\n\n"));
            for (at, debris) in odd {
                let offset = char_boundary(&text, at);
                text.insert_str(offset, debris);
            }
            if let Some(at) = cut {
                let offset = char_boundary(&text, at);
                text.truncate(offset);
            }
            text
        },
    )
}

/// A character boundary of `text` chosen by `at`.
fn char_boundary(text: &str, at: prop::sample::Index) -> usize {
    let boundaries: Vec<usize> = text
        .char_indices()
        .map(|(i, _)| i)
        .chain([text.len()])
        .collect();
    boundaries[at.index(boundaries.len())]
}

/// The article as files of several layouts, so the readers see it too.
fn as_files(text: &str) -> Vec<(&'static str, Vec<u8>)> {
    let (title, body) = text.split_once("\n\n").unwrap_or(("", text));
    let json = serde_json::json!({"title": title, "date": "2022-02-24", "body": body});
    let html =
        format!("<html><head><title>{title}</title></head><body><p>{body}</p></body></html>");
    vec![
        ("a.txt", text.as_bytes().to_vec()),
        ("a.jsonl", format!("{json}\n").into_bytes()),
        ("a.html", html.into_bytes()),
    ]
}

/// Parse + extract, as the indexer runs them.
fn parse_and_extract(name: &str, bytes: &[u8]) {
    let Ok(parsed) = parse_file(Path::new(name), bytes, &FieldOverrides::default()) else {
        return;
    };
    for (number, article) in parsed.articles.into_iter().enumerate() {
        let extracted = extract(format!("{name}#{number}"), article);
        for quote in &extracted.quotes {
            assert!(!quote.text.trim().is_empty(), "empty quote");
        }
        for entity in &extracted.entities {
            assert!(!entity.name.trim().is_empty(), "empty entity");
        }
        serde_json::to_string(&extracted).unwrap();
    }
}

struct Silent;

impl IndexEvents for Silent {
    fn start(&self, _files: u64, _bytes: u64) {}
    fn file_done(&self, _bytes: u64) {}
    fn problem(&self, _problem: &Problem) {}
}

/// Indexes a batch of articles in a fresh folder and queries it with words,
/// names and speakers taken from the articles themselves.
fn index_and_query(batch: &[String]) {
    let corpus = tempfile::tempdir().unwrap();
    let index_dir = tempfile::tempdir().unwrap();
    for (number, text) in batch.iter().enumerate() {
        for (name, bytes) in as_files(text) {
            let path = corpus.path().join(format!("{number}-{name}"));
            std::fs::write(path, bytes).unwrap();
        }
    }
    let news_index = NewsIndex::open_for_writing(&index_dir.path().join("idx"), false).unwrap();
    let options = IndexOptions {
        threads: 1,
        ..IndexOptions::default()
    };
    let inputs: Vec<PathBuf> = vec![corpus.path().to_path_buf()];
    let stop = AtomicBool::new(false);
    // An error (a file the readers refuse) is an answer; only a panic fails.
    let _ = index_files(
        &news_index,
        newsdex::corpus::walk(&inputs),
        &options,
        &Silent,
        &stop,
    );
    let _ = news_index.reload();
    let mut queries: Vec<String> = batch
        .iter()
        .flat_map(|text| text.split_whitespace().take(3).map(str::to_string))
        .take(12)
        .collect();
    queries.extend([
        "\"we will\"".to_string(),
        "Putin".to_string(),
        "*".to_string(),
    ]);
    for query in queries {
        let request = SearchRequest {
            text: Some(query.clone()),
            limit: 5,
            snippets: true,
            ..SearchRequest::default()
        };
        let _ = search(&news_index, &request);
        let filters = Filters {
            speaker: Some(query.clone()),
            entities: vec![query],
            ..Filters::default()
        };
        let _ = newsdex::search::quotes::find_quotes(&news_index, None, &filters, 5);
    }
}

/// How long and from which seed to run, from the environment.
struct Budget {
    cases: usize,
    deadline: Option<Instant>,
    seed: u64,
}

fn budget() -> Budget {
    let env_number = |name: &str| std::env::var(name).ok().and_then(|v| v.parse::<u64>().ok());
    let seconds = env_number("NEWSDEX_FUZZ_SECONDS");
    let clock_seed = || {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |elapsed| elapsed.as_secs())
    };
    Budget {
        cases: env_number("NEWSDEX_FUZZ_CASES").map_or(300, |n| n as usize),
        deadline: seconds.map(|s| Instant::now() + Duration::from_secs(s)),
        seed: env_number("NEWSDEX_FUZZ_SEED").unwrap_or_else(|| {
            if seconds.is_some() {
                clock_seed()
            } else {
                7
            }
        }),
    }
}

/// Runs `work` and keeps the input that made it panic.
fn survive(work: impl FnOnce(), input: &str, panics: &mut Vec<String>) {
    if catch_unwind(AssertUnwindSafe(work)).is_err() {
        panics.push(input.to_string());
    }
}

#[test]
fn news_like_articles_never_panic() {
    let budget = budget();
    let mut seed = [0u8; 32];
    seed[..8].copy_from_slice(&budget.seed.to_le_bytes());
    let rng = TestRng::from_seed(RngAlgorithm::ChaCha, &seed);
    let mut runner = TestRunner::new_with_rng(Config::default(), rng);
    let strategy = article();
    let mut panics = Vec::new();
    let mut batch = Vec::with_capacity(BATCH);
    let mut cases = 0usize;
    let mut batches = 0usize;
    let keep_going = |cases: usize| match budget.deadline {
        Some(deadline) => Instant::now() < deadline,
        None => cases < budget.cases,
    };
    while keep_going(cases) {
        let text = strategy.new_tree(&mut runner).unwrap().current();
        for (name, bytes) in as_files(&text) {
            survive(|| parse_and_extract(name, &bytes), &text, &mut panics);
        }
        cases += 1;
        batch.push(text);
        if batch.len() == BATCH {
            let joined = batch.join("\n\n=====\n\n");
            survive(|| index_and_query(&batch), &joined, &mut panics);
            batches += 1;
            batch.clear();
        }
    }
    if !batch.is_empty() {
        let joined = batch.join("\n\n=====\n\n");
        survive(|| index_and_query(&batch), &joined, &mut panics);
        batches += 1;
    }
    eprintln!(
        "structure fuzz: seed {}, {cases} articles, {batches} indexed batches, {} panics",
        budget.seed,
        panics.len()
    );
    for input in panics.iter().take(3) {
        eprintln!("panicked on: {input:?}");
    }
    assert!(panics.is_empty(), "{} inputs panicked", panics.len());
}
