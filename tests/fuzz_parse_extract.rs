//! Property-based fuzzing of parse + extract over arbitrary bytes: whatever a
//! file holds, parsing returns an article or a reason, and extraction never
//! panics or returns text that is not valid UTF-8 on character boundaries.
//! `PROPTEST_CASES=200000 cargo test --release --test fuzz_parse_extract` runs it long.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests: a failed unwrap is a failed test

use std::path::Path;

use newsdex::extract::extract;
use newsdex::parse::{parse_file, FieldOverrides};
use proptest::prelude::*;

/// Runs a file through the whole pipeline the indexer runs.
fn pipeline(name: &str, bytes: &[u8]) {
    let Ok(parsed) = parse_file(Path::new(name), bytes, &FieldOverrides::default()) else {
        return;
    };
    for (number, article) in parsed.articles.into_iter().enumerate() {
        let body = article.body.clone();
        let extracted = extract(format!("{name}#{number}"), article);
        for quote in &extracted.quotes {
            assert!(!quote.text.is_empty());
        }
        for entity in &extracted.entities {
            assert!(!entity.name.trim().is_empty(), "empty entity from {body:?}");
        }
        serde_json::to_string(&extracted).unwrap();
    }
}

/// Bytes that look like news more often than uniform noise does.
fn newsy_bytes() -> impl Strategy<Value = Vec<u8>> {
    let pieces = prop::sample::select(vec![
        " date 2022-01-10 ".as_bytes().to_vec(),
        "“".as_bytes().to_vec(),
        "”".as_bytes().to_vec(),
        b"\"".to_vec(),
        " said Ilse Varga. ".as_bytes().to_vec(),
        "— Name (@handle) January 7, 2022\n\n".as_bytes().to_vec(),
        b"NATO ".to_vec(),
        b"\n\n".to_vec(),
        b"-- ".to_vec(),
        b"<REUTERS><DATE>26-FEB-1987 15:01:01.79</DATE><TITLE>".to_vec(),
        b"{\"date\": \"2022-01-10\", \"body\": \"".to_vec(),
        b"date,title,body\n".to_vec(),
        "Zoë Kowalczyk ".as_bytes().to_vec(),
        b"\xff\xfe".to_vec(),
        b"\x00".to_vec(),
        b"\r".to_vec(),
        "pic.twitter.com/abc #Ukraine ".as_bytes().to_vec(),
    ]);
    prop::collection::vec(
        prop_oneof![pieces, prop::collection::vec(any::<u8>(), 0..12)],
        0..40,
    )
    .prop_map(|parts| parts.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(
        std::env::var("PROPTEST_CASES").ok().and_then(|cases| cases.parse().ok()).unwrap_or(512)
    ))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        for name in ["a.txt", "a.jsonl", "a.json", "a.csv", "a.sgm", "20220125T090000Z_GB_en_x.txt"] {
            pipeline(name, &bytes);
        }
    }

    #[test]
    fn newsy_bytes_never_panic(bytes in newsy_bytes()) {
        for name in ["a.txt", "a.jsonl", "a.json", "a.csv", "a.sgm"] {
            pipeline(name, &bytes);
        }
    }
}
