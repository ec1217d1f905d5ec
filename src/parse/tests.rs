//! Whole-file tests of [`parse_file`] over the hand-written fixtures in
//! `tests/fixtures/formats/`, one per layout.

use std::path::{Path, PathBuf};

use super::*;

fn fixture_path(relative: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/formats")
        .join(relative)
}

fn parse_fixture(relative: &str) -> Result<ParsedFile, ParseError> {
    let path = fixture_path(relative);
    let bytes = std::fs::read(&path).unwrap_or_else(|error| panic!("{}: {error}", path.display()));
    parse_file(&path, &bytes, &FieldOverrides::default())
}

fn date_text(article: &ParsedArticle) -> Option<String> {
    article.date.map(|date| date.to_string())
}

/// Each article's position in its file and its date, for multi-article fixtures.
fn parts_and_dates(parsed: &ParsedFile) -> Vec<(Option<usize>, Option<String>)> {
    parsed
        .articles
        .iter()
        .map(|article| (article.part, date_text(article)))
        .collect()
}

#[test]
fn reference_text_fixture() {
    let parsed = parse_fixture("reference.txt").unwrap();
    let article = &parsed.articles[0];
    assert_eq!(parsed.articles.len(), 1);
    assert_eq!(article.part, None);
    assert_eq!(date_text(article).as_deref(), Some("2022-03-02"));
    assert!(article.body.starts_with("The mayor of the river town said"));
    assert!(article.body.contains("\n\n\u{201c}We owe it"));
    assert_eq!(article.source, None);
}

#[test]
fn ukraine_style_file_name_gives_the_date_and_debris_goes() {
    let parsed = parse_fixture("20220311T141500Z_PL_en_3fa9c0d2e1.txt").unwrap();
    let article = &parsed.articles[0];
    assert_eq!(
        date_text(article).as_deref(),
        Some("2022-03-11T14:15:00+00:00")
    );
    assert!(article.body.starts_with("Farmers in the northern valley"));
    assert!(
        article.body.contains("\n\nAdvertisement\n\n"),
        "only leading debris is dropped"
    );
    assert_eq!(article.source, None);
}

#[test]
fn json_lines_fixture_keeps_good_lines() {
    let parsed = parse_fixture("wire.jsonl").unwrap();
    assert_eq!(
        parts_and_dates(&parsed),
        vec![
            (Some(1), Some("2022-02-14T08:30:00+00:00".into())),
            (Some(3), Some("2022-02-16".into())),
            // A headline without a story is a headline-only article.
            (Some(4), Some("2022-02-17".into())),
        ]
    );
    assert_eq!(parsed.articles[0].source.as_deref(), Some("Example Wire"));
    assert_eq!(parsed.skipped.len(), 1, "{:?}", parsed.skipped);
    assert!(parsed.skipped[0].starts_with("line 2: "));
}

#[test]
fn json_array_fixture() {
    let parsed = parse_fixture("roundup.json").unwrap();
    assert_eq!(parsed.articles.len(), 2);
    let first = &parsed.articles[0];
    assert_eq!(first.part, Some(1));
    assert_eq!(first.author.as_deref(), Some("Mia Novak, Tom Berg"));
    assert_eq!(first.source.as_deref(), Some("Example Daily"));
    assert_eq!(
        date_text(&parsed.articles[1]).as_deref(),
        Some("2022-04-06T15:45:00+02:00")
    );
}

#[test]
fn whole_file_failures() {
    let none = FieldOverrides::default();
    let cases: [(&str, &[u8], ParseError); 6] = [
        ("a.txt", b"", ParseError::Empty),
        ("a.txt", b"  \n\n ", ParseError::Empty),
        ("a.png", b"\x89PNG\r\n\x1a\n\0\0", ParseError::Binary),
        ("a.json", br#"{"id":1}"#, ParseError::NoBody),
        ("a.jsonl", b"{\"id\":1}\n", ParseError::NoBody),
        (
            "a.jsonl",
            b"{\"id\":1\n",
            ParseError::Malformed(
                "no usable records (1 skipped; first: line 1: EOF while parsing an object at line 1 column 7)".into(),
            ),
        ),
    ];
    for (name, bytes, expected) in cases {
        let result = parse_file(Path::new(name), bytes, &none);
        assert_eq!(
            result.map(|parsed| parsed.articles),
            Err(expected),
            "{name} {bytes:?}"
        );
    }
}

#[test]
fn file_name_date_fills_only_missing_dates() {
    let none = FieldOverrides::default();
    let cases = [
        ("2022-01-25-some-slug.txt", "Body.", Some("2022-01-25")),
        ("20220125_talks.txt", "Body.", Some("2022-01-25")),
        (
            "20220125_talks.txt",
            "date 2021-12-31 Body.",
            Some("2021-12-31"),
        ),
        ("notes.txt", "Body.", None),
    ];
    for (name, text, expected) in cases {
        let parsed = parse_file(
            Path::new("corpus").join(name).as_path(),
            text.as_bytes(),
            &none,
        )
        .unwrap();
        assert_eq!(
            date_text(&parsed.articles[0]).as_deref(),
            expected,
            "{name}"
        );
    }
}

#[test]
fn never_panics_on_odd_input() {
    let none = FieldOverrides::default();
    let names = ["a.txt", "a.json", "a.jsonl", "a.csv", "a.sgm", "noext"];
    let inputs: [&[u8]; 10] = [
        b"date",
        b"date ",
        b"date \xff\xfe",
        b"-- \n-- \n",
        b"---\n---\n",
        b"[",
        b"\"a,\"b\n\"",
        b"<REUTERS><DATE>",
        b"\xEF\xBB\xBF",
        b"Title: x\n",
    ];
    for name in names {
        for bytes in inputs {
            let _ = parse_file(Path::new(name), bytes, &none);
        }
    }
}

#[test]
fn reuters_financial_fixture_without_extension() {
    let parsed =
        parse_fixture("reuters-financial/20070618/us-ferry-operator-idUSL1812345620070618")
            .unwrap();
    let article = &parsed.articles[0];
    assert_eq!(
        article.title.as_deref(),
        Some("Ferry operator cuts summer sailings")
    );
    assert_eq!(article.author.as_deref(), Some("Laura Brandt"));
    assert_eq!(
        date_text(article).as_deref(),
        Some("2007-06-18T02:46:00-04:00")
    );
    assert_eq!(article.source.as_deref(), Some("Reuters"));
    assert!(article
        .url
        .as_deref()
        .is_some_and(|url| url.ends_with("idUSL1812345620070618")));
    assert!(article
        .body
        .starts_with("OSLO  (Reuters) - A Nordic ferry operator"));
    assert_eq!(article.body.matches("\n\n").count(), 2);
}

#[test]
fn reuters_financial_header_only_has_no_body() {
    let header_only =
        "-- Title only\n-- \n-- Sun May 16, 2010 5:52pm EDT\n-- http://www.reuters.com/article/x\n";
    let result = parse_file(
        Path::new("20100516/us-x-idUS1"),
        header_only.as_bytes(),
        &FieldOverrides::default(),
    );
    assert_eq!(
        result.map(|parsed| parsed.articles),
        Err(ParseError::NoBody)
    );
}

#[test]
fn header_block_fixture() {
    let parsed = parse_fixture("header.txt").unwrap();
    let article = &parsed.articles[0];
    assert_eq!(
        article.title.as_deref(),
        Some("Orchard owners brace for late frost")
    );
    assert_eq!(
        date_text(article).as_deref(),
        Some("2022-04-12T06:30:00+02:00")
    );
    assert_eq!(article.url.as_deref(), Some("https://example.org/frost"));
    assert_eq!(article.author.as_deref(), Some("Petra Holm"));
    assert_eq!(article.source.as_deref(), Some("Example Valley News"));
    assert!(article.body.starts_with("Orchard owners in the valley"));
}

#[test]
fn yaml_front_matter_fixture() {
    let parsed = parse_fixture("frontmatter.md").unwrap();
    let article = &parsed.articles[0];
    assert_eq!(
        article.title.as_deref(),
        Some("Harbour crane back in service")
    );
    assert_eq!(date_text(article).as_deref(), Some("2022-05-20"));
    assert_eq!(article.author.as_deref(), Some("Erik Lund"));
    assert_eq!(article.source.as_deref(), Some("Example Coast Weekly"));
    assert!(article.body.starts_with("The largest crane"));
}

#[test]
fn json_extension_holding_json_lines() {
    let text = "{\"body\":\"One.\"}\n{\"body\":\"Two.\"}\n";
    let parsed = parse_file(
        Path::new("a.json"),
        text.as_bytes(),
        &FieldOverrides::default(),
    )
    .unwrap();
    assert_eq!(parsed.articles.len(), 2);
}

#[test]
fn press_release_csv_fixture() {
    let parsed = parse_fixture("press.csv").unwrap();
    let summary: Vec<(Option<usize>, Option<String>, Option<String>)> = parsed
        .articles
        .iter()
        .map(|article| (article.part, article.title.clone(), date_text(article)))
        .collect();
    assert_eq!(
        summary,
        vec![
            (
                Some(1),
                Some("Meeting with regional governors".into()),
                Some("2022-03-01T12:00:00+00:00".into())
            ),
            (
                Some(2),
                Some("Telephone conversation with the Prime Minister".into()),
                Some("2022-03-02T09:30:00+00:00".into())
            ),
            (
                Some(4),
                Some("Award ceremony".into()),
                Some("2022-03-04T15:00:00+00:00".into())
            ),
            // No body: the headline is the text.
            (
                Some(5),
                Some("Working trip".into()),
                Some("2022-03-05T07:00:00+00:00".into())
            ),
        ]
    );
    let first = &parsed.articles[0];
    assert_eq!(first.url.as_deref(), Some("https://example.org/news/101"));
    assert!(first
        .body
        .contains("President: \"Colleagues, good afternoon."));
    assert_eq!(first.source, None);
    assert_eq!(
        parsed.skipped,
        vec!["row 3: unbalanced quotes".to_string(),]
    );
}

#[test]
fn csv_content_without_csv_extension_and_overrides() {
    let text = "title,seen,story\nA,2022-02-02,Body A.\n";
    let fields = FieldOverrides {
        date: Some("seen".into()),
        body: Some("story".into()),
        ..FieldOverrides::default()
    };
    let parsed = parse_file(Path::new("export.csv"), text.as_bytes(), &fields).unwrap();
    assert_eq!(
        date_text(&parsed.articles[0]).as_deref(),
        Some("2022-02-02")
    );

    let sniffed = "headline,date,text\nA,2022-02-03,Body A.\n";
    let parsed = parse_file(
        Path::new("export.txt"),
        sniffed.as_bytes(),
        &FieldOverrides::default(),
    )
    .unwrap();
    assert_eq!(parsed.articles[0].part, Some(1));
    assert_eq!(
        date_text(&parsed.articles[0]).as_deref(),
        Some("2022-02-03")
    );
}

#[test]
fn sgml_fixture_with_a_latin1_byte() {
    let parsed = parse_fixture("stories.sgm").unwrap();
    assert_eq!(
        parts_and_dates(&parsed),
        vec![
            (Some(1), Some("1987-03-02T10:15:20.330".into())),
            (Some(2), Some("1987-03-02T10:20:01.100".into())),
            (Some(3), Some("1987-03-02T11:02:45".into())),
        ]
    );
    let first = &parsed.articles[0];
    assert_eq!(
        first.title.as_deref(),
        Some("SWISS ROASTER <KAFFEE AG> RAISES PRICES")
    );
    assert_eq!(
        first.body,
        "Kaffee AG of Z\u{fc}rich said it would raise its retail coffee prices by four pct from next \
         month because of higher bean costs.\n\nA company spokesman said the move followed similar \
         increases by roasters in West Germany & Austria."
    );
    assert_eq!(first.source.as_deref(), Some("Reuters"));
    assert_eq!(
        parsed.articles[1].body,
        "DUTCH CENTRAL BANK LEAVES RATES UNCHANGED"
    );
    assert!(parsed.articles[2]
        .body
        .starts_with("HARBOUR TRAFFIC WEEKLY - MARCH 2\n Ships in"));
    assert!(!parsed.articles[2].body.contains("Reuter"));
    assert!(parsed.skipped.is_empty());
}

#[test]
fn sgml_detected_by_content() {
    let text = b"<REUTERS NEWID=\"7\">\n<DATE>5-MAR-1987 10:00:00.00</DATE>\n<TEXT><BODY>Caf\xe9 prices rose.\n Reuter\n</BODY></TEXT>\n</REUTERS>\n";
    let parsed = parse_file(Path::new("stories.txt"), text, &FieldOverrides::default()).unwrap();
    assert_eq!(parsed.articles[0].body, "Caf\u{e9} prices rose.");
    assert_eq!(parsed.articles[0].part, Some(1));
}

/// Every fixture cut at every byte (mid-character, mid-tag, mid-quote) must
/// parse or fail cleanly: the cheapest fuzzing of all the slicing code.
#[test]
fn truncated_fixtures_never_panic() {
    let fixtures = [
        "reference.txt",
        "20220311T141500Z_PL_en_3fa9c0d2e1.txt",
        "wire.jsonl",
        "roundup.json",
        "reuters-financial/20070618/us-ferry-operator-idUSL1812345620070618",
        "header.txt",
        "frontmatter.md",
        "press.csv",
        "stories.sgm",
    ];
    for relative in fixtures {
        let path = fixture_path(relative);
        let bytes = std::fs::read(&path).unwrap();
        for end in 0..=bytes.len() {
            let _ = parse_file(&path, &bytes[..end], &FieldOverrides::default());
        }
    }
}

/// A page printed to PDF from a browser (Chromium, self-written page): the
/// print stamp and the page's address are no part of the article, the
/// ligatures of the font become letters.
#[test]
fn printed_pdf_page_is_one_article() {
    let parsed = parse_fixture("printed-article.pdf").unwrap();
    assert_eq!(parsed.layout, "PDF plain text");
    let article = &parsed.articles[0];
    assert_eq!(parsed.articles.len(), 1);
    // The headline opens the body; extraction takes it as the title.
    assert!(article
        .body
        .starts_with("Grain deal talks resume in Istanbul\n"));
    assert_eq!(date_text(article).as_deref(), Some("2022-07-01"));
    assert!(article.body.contains("ISTANBUL — Officials from Russia"));
    assert!(article
        .body
        .contains("“We are closer than ever to an agreement,” said Hulusi Akar"));
    assert!(!article.body.contains("file://"), "{}", article.body);
    assert!(!article.body.contains(" AM "), "{}", article.body);
}

/// A LexisNexis export printed to PDF, one document a page: split as its
/// text says, short metadata lines kept apart, kerned words whole.
#[test]
fn nexis_pdf_export_splits_into_documents() {
    let parsed = parse_fixture("nexis-export.pdf").unwrap();
    assert_eq!(parsed.layout, "PDF LexisNexis export");
    assert_eq!(
        parts_and_dates(&parsed),
        vec![
            (Some(1), Some("2022-07-01".to_string())),
            (Some(2), Some("2022-07-03".to_string()))
        ]
    );
    let first = &parsed.articles[0];
    assert_eq!(first.source.as_deref(), Some("The Guardian (London)"));
    assert_eq!(first.author.as_deref(), Some("Jane Doe"));
    assert!(first
        .body
        .contains("“We are close to a deal,” said Hulusi Akar"));
}

/// Regression: a first version of reading HTML bodies as HTML applied to
/// header-block text files too, so a plain-text article quoting `<script>`
/// lost it (found by the browser test's hostile fixture); a data set's HTML
/// body is still read as HTML.
#[test]
fn markup_in_a_text_file_is_text_and_in_a_data_set_is_html() {
    let text = b"Title: Scripts\nDate: 2022-01-12\n\nThe page held <script>alert(1)</script> in its body, the court heard.\n";
    let parsed = parse_file(Path::new("note.txt"), text, &FieldOverrides::default()).unwrap();
    assert!(parsed.articles[0]
        .body
        .contains("<script>alert(1)</script>"));
    let csv = b"title,body\nScripts,\"<p>The court <b>heard</b> it.</p><script>x()</script>\"\n";
    let parsed = parse_file(Path::new("rows.csv"), csv, &FieldOverrides::default()).unwrap();
    assert_eq!(parsed.articles[0].body, "The court heard it.");
}

#[test]
fn a_reuters_sign_off_with_dots_is_dropped_and_a_full_stop_stays() {
    let text = b"<REUTERS NEWID=\"8\">\n<DATE>5-MAR-1987 10:00:00.00</DATE>\n<TEXT><BODY>IC Gas said it would reply.\n REUTER...\n&#3;</BODY></TEXT>\n</REUTERS>\n<REUTERS NEWID=\"9\">\n<DATE>5-MAR-1987 10:00:00.00</DATE>\n<TEXT><BODY>Oil rose.\n&#3;</BODY></TEXT>\n</REUTERS>\n";
    let parsed = parse_file(Path::new("x.sgm"), text, &FieldOverrides::default()).unwrap();
    assert_eq!(parsed.articles[0].body, "IC Gas said it would reply.");
    assert_eq!(parsed.articles[1].body, "Oil rose.");
}
